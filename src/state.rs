//! The widget's state, in one place: what is loaded, what the reader asked for, and the answer.
//! Components read it and dispatch [`Action`]s; only [`State::reduce`] changes it.

use crate::browser::HistoryMode;
use crate::services::{LoadError, LoadedSet};
use gazette_core::{Catalog, DatePreset, FeedMeta, Filter, Outcome, SortOrder, Timestamp};
use std::collections::BTreeSet;
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
    /// How many stories the document held.
    pub total: usize,
    /// How many stories could not be shown.
    pub skipped: usize,
    /// What the reader asked for.
    pub filter: Filter,
    /// The answer to it.
    pub outcome: Rc<Outcome>,
    /// How many pages of matches are on the page.
    pub pages: usize,
    /// Stories per page.
    pub page_size: usize,
    /// The moment date windows count back from: when the stories arrived.
    pub now: Timestamp,
    /// How the last change should be kept in the page address.
    pub history: HistoryMode,
}

impl State {
    /// The state of a widget that has just started loading, with the view the address asked for.
    pub fn new(page_size: usize, filter: Filter, pages: usize) -> Self {
        State {
            load: Load::Loading,
            attempt: 0,
            catalog: Rc::new(Catalog::default()),
            meta: Rc::new(FeedMeta::default()),
            total: 0,
            skipped: 0,
            filter,
            outcome: Rc::new(Outcome::default()),
            pages: pages.max(1),
            page_size,
            now: Timestamp::default(),
            history: HistoryMode::Keep,
        }
    }

    /// How many matches are on the page.
    pub fn shown(&self) -> usize {
        self.pages * self.page_size
    }

    fn refilter(&mut self) {
        self.outcome = Rc::new(self.catalog.apply(&self.filter, self.now, self.shown()));
    }

    /// A filter change: back to the first page, recorded as `mode`.
    fn changed(&mut self, mode: HistoryMode) {
        self.pages = 1;
        self.history = mode;
        self.refilter();
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.load == other.load
            && self.attempt == other.attempt
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.filter == other.filter
            && Rc::ptr_eq(&self.outcome, &other.outcome)
            && self.pages == other.pages
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
    /// A large document of load attempt `attempt` is being read: show its first stories.
    Preview {
        catalog: Rc<Catalog>,
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
    /// An author was ticked or unticked.
    ToggleAuthor(String),
    /// A tag was ticked or unticked.
    ToggleTag(String),
    /// A year was ticked or unticked.
    ToggleYear(i32),
    /// The date window changed.
    SetDate(DatePreset),
    /// The first day of the custom range changed (midnight UTC), or was cleared.
    SetFrom(Option<Timestamp>),
    /// The day after the last day of the custom range changed, or was cleared.
    SetUntil(Option<Timestamp>),
    /// The order changed.
    SetSort(SortOrder),
    /// Every filter back to its default (the order stays).
    ClearFilters,
    /// One more page of matches.
    ShowMore,
    /// The address changed (Back, Forward): show the view it describes.
    Restore(Filter, usize),
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
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
                s.history = HistoryMode::Keep;
                s.refilter();
            }
            Action::Preview { catalog, now, .. } => {
                s.now = now;
                s.catalog = catalog;
                s.outcome = Rc::new(s.catalog.apply(
                    &gazette_core::Filter::default(),
                    now,
                    s.page_size,
                ));
            }
            Action::Failed { error, .. } => {
                s.load = Load::Failed(Rc::new(error));
            }
            Action::Retry => {
                s.load = Load::Loading;
                s.catalog = Rc::new(Catalog::default());
                s.attempt += 1;
            }
            Action::Search(q) => {
                if q == s.filter.query {
                    return self;
                }
                s.filter.query = q;
                s.changed(HistoryMode::Replace);
            }
            Action::ToggleCategory(c) => {
                toggle(&mut s.filter.categories, c);
                s.changed(HistoryMode::Push);
            }
            Action::AllCategories => {
                if s.filter.categories.is_empty() {
                    return self;
                }
                s.filter.categories.clear();
                s.changed(HistoryMode::Push);
            }
            Action::ToggleAuthor(a) => {
                toggle(&mut s.filter.authors, a);
                s.changed(HistoryMode::Push);
            }
            Action::ToggleTag(t) => {
                toggle(&mut s.filter.tags, t);
                s.changed(HistoryMode::Push);
            }
            Action::ToggleYear(y) => {
                toggle(&mut s.filter.years, y);
                s.changed(HistoryMode::Push);
            }
            Action::SetDate(d) => {
                s.filter.date = d;
                s.changed(HistoryMode::Push);
            }
            Action::SetFrom(t) => {
                s.filter.from = t;
                s.changed(HistoryMode::Push);
            }
            Action::SetUntil(t) => {
                s.filter.until = t;
                s.changed(HistoryMode::Push);
            }
            Action::SetSort(o) => {
                s.filter.sort = o;
                s.changed(HistoryMode::Push);
            }
            Action::ClearFilters => {
                s.filter = Filter {
                    sort: s.filter.sort,
                    ..Filter::default()
                };
                s.changed(HistoryMode::Push);
            }
            Action::ShowMore => {
                if s.outcome.matches.len() >= s.outcome.total {
                    return self;
                }
                s.pages += 1;
                s.history = HistoryMode::Replace;
                s.refilter();
            }
            Action::Restore(filter, pages) => {
                if filter == s.filter && pages == s.pages {
                    return self;
                }
                s.filter = filter;
                s.pages = pages.max(1);
                s.history = HistoryMode::Keep;
                s.refilter();
            }
        }
        Rc::new(s)
    }
}
