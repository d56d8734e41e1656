//! The widget's state, in one place: what is loaded, what the reader asked for, and the answer.
//! Components read it and dispatch [`Action`]s; only [`State::reduce`] changes it.

use crate::services::{LoadError, LoadedSet};
use gazette_core::{Catalog, DatePreset, FeedMeta, Filter, Outcome, SortOrder, Timestamp};
use std::rc::Rc;
use yew::Reducible;

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Waiting for the document.
    Loading,
    /// It could not be used.
    Failed(Rc<LoadError>),
    /// Stories are ready.
    Ready,
}

/// Everything a widget instance knows.
#[derive(Clone, Debug)]
pub struct State {
    /// Where loading stands.
    pub load: Load,
    /// Bumped by each retry, so the loading effect runs again.
    pub attempt: u32,
    /// The stories (empty until loaded).
    pub catalog: Rc<Catalog>,
    /// Facts about the feed.
    pub meta: Rc<FeedMeta>,
    /// How many stories the document held, and how many could not be shown.
    pub total: usize,
    /// How many stories could not be shown.
    pub skipped: usize,
    /// What the reader asked for.
    pub filter: Filter,
    /// The answer to it.
    pub outcome: Rc<Outcome>,
    /// How many of the matches are on the page.
    pub shown: usize,
    /// How many more each "Show more" adds.
    pub page_size: usize,
    /// The moment date windows count back from: when the stories arrived.
    pub now: Timestamp,
}

impl State {
    /// The state of a widget that has just started loading.
    pub fn new(page_size: usize) -> Self {
        State {
            load: Load::Loading,
            attempt: 0,
            catalog: Rc::new(Catalog::default()),
            meta: Rc::new(FeedMeta::default()),
            total: 0,
            skipped: 0,
            filter: Filter::default(),
            outcome: Rc::new(Outcome::default()),
            shown: page_size,
            page_size,
            now: Timestamp::default(),
        }
    }

    fn refilter(&mut self) {
        self.outcome = Rc::new(self.catalog.apply(&self.filter, self.now));
        self.shown = self.page_size;
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.load == other.load
            && self.attempt == other.attempt
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.filter == other.filter
            && Rc::ptr_eq(&self.outcome, &other.outcome)
            && self.shown == other.shown
    }
}

/// Everything that can happen to a widget.
#[derive(Debug)]
pub enum Action {
    /// The document of load attempt `attempt` arrived and was read, at `now`.
    Loaded {
        set: Box<LoadedSet>,
        now: Timestamp,
        attempt: u32,
    },
    /// Load attempt `attempt` failed.
    Failed { error: LoadError, attempt: u32 },
    /// The reader asked to try again.
    Retry,
    /// The search text changed.
    Search(String),
    /// A category chip was pressed.
    ToggleCategory(String),
    /// The "All" chip was pressed.
    AllCategories,
    /// The date window changed.
    SetDate(DatePreset),
    /// The order changed.
    SetSort(SortOrder),
    /// Every filter back to its default (the order stays).
    ClearFilters,
    /// One more page of matches.
    ShowMore,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            // A late answer to an attempt that was retried since is dropped.
            Action::Loaded { attempt, .. } | Action::Failed { attempt, .. }
                if attempt != s.attempt =>
            {
                return self;
            }
            Action::Loaded { set, now, .. } => {
                s.now = now;
                s.total = set.report.total;
                s.skipped = set.report.skipped.len();
                s.catalog = set.catalog;
                s.meta = Rc::new(set.meta);
                s.load = Load::Ready;
                // Categories that the new set lacks cannot stay selected.
                let names = s.catalog.category_names().to_vec();
                s.filter.categories.retain(|c| names.contains(c));
                s.refilter();
            }
            Action::Failed { error, .. } => s.load = Load::Failed(Rc::new(error)),
            Action::Retry => {
                s.load = Load::Loading;
                s.attempt += 1;
            }
            Action::Search(q) => {
                if q == s.filter.query {
                    return self;
                }
                s.filter.query = q;
                s.refilter();
            }
            Action::ToggleCategory(c) => {
                if !s.filter.categories.remove(&c) {
                    s.filter.categories.insert(c);
                }
                s.refilter();
            }
            Action::AllCategories => {
                if s.filter.categories.is_empty() {
                    return self;
                }
                s.filter.categories.clear();
                s.refilter();
            }
            Action::SetDate(d) => {
                s.filter.date = d;
                s.refilter();
            }
            Action::SetSort(o) => {
                s.filter.sort = o;
                s.refilter();
            }
            Action::ClearFilters => {
                s.filter = Filter {
                    sort: s.filter.sort,
                    ..Filter::default()
                };
                s.refilter();
            }
            Action::ShowMore => s.shown += s.page_size,
        }
        Rc::new(s)
    }
}
