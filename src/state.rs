//! The widget's state, in one place: what is loaded, what the reader asked for, and the answer.
//! Components read it and dispatch [`Action`]s; only [`State::reduce`] changes it.

use crate::browser::HistoryMode;
use crate::embed::Controls;
use crate::services::{self, Archive, LoadError, LoadedSet};
use gazette_core::address::{self, View};
use gazette_core::search::query::within_limit;
use gazette_core::set::Set;
use gazette_core::{Catalog, DatePreset, Facets, FeedMeta, Filter, Outcome, SortOrder, Timestamp};
use std::cell::Cell;
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

/// The story open in the article view.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Its number in the catalog.
    pub index: usize,
    /// Its "More to Read" stories, most related first.
    pub related: Rc<Vec<usize>>,
}

/// How much of a sharded archive is in the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchiveProgress {
    /// The archive's manifest.
    pub archive: Rc<Archive>,
    /// Shards done, the newest ones: in the catalog, or failed.
    pub loaded: usize,
    /// A shard is on its way.
    pub loading: bool,
    /// The shards that could not be loaded (by their place in the manifest), and why: the older
    /// ones are read on.
    pub failed: Vec<(usize, LoadError)>,
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
    /// The first view's filter: the page's preset categories, and what it asked for before the
    /// stories were in. The address holds what differs from it (`address::encode`).
    pub base: Rc<Filter>,
    /// The address the widget started from (its parameters): read again over the first view
    /// when the page's calls change that view while the stories load.
    link: Rc<Vec<(String, String)>>,
    /// The reader is on the list (the pointer over it, or the focus in it). Shared, so that
    /// coming and going from the list changes no state to draw.
    engaged: Rc<Cell<bool>>,
    /// The cards keep the places they had while stories arrived, for the reader still on the
    /// list: the order asked for comes when the reader leaves it.
    held: bool,
    /// The answer to it.
    pub outcome: Rc<Outcome>,
    /// "More filters" is open. Authors and tags are counted only then: a search that matches
    /// many stories costs about a third less without them.
    pub facets_open: bool,
    /// How many pages of matches are on the page.
    pub pages: usize,
    /// Stories per page.
    pub page_size: usize,
    /// The moment date windows count back from: when the stories arrived.
    pub now: Timestamp,
    /// How the last change should be kept in the page address.
    pub history: HistoryMode,
    /// The id of the story the reader opened (or the address named), open or about to be.
    pub story: Option<String>,
    /// The open story, once it is found (in the stories loaded, or in a preview of them).
    pub reading: Option<Reading>,
    /// The address named a story that the feed does not have.
    pub story_missing: bool,
    /// How many related stories "More to Read" shows.
    pub related_limit: usize,
    /// For a sharded archive, which shards are in.
    pub archive: Option<ArchiveProgress>,
    /// Sources that could not be loaded while others could, with the reason.
    pub failed_sources: Rc<Vec<services::Failed>>,
    /// In rail-only mode, the id or address of the story the rail is for.
    pub rail_for: Option<String>,
    /// In rail-only mode, the rail's stories (`None` before the stories are in, or when the
    /// story is not in the feed).
    pub rail: Option<Rc<Vec<usize>>>,
}

impl State {
    /// The state of a widget that has just started loading, with the view the address asked for.
    pub fn new(
        page_size: usize,
        base: Filter,
        params: &[(String, String)],
        related_limit: usize,
        rail_for: Option<String>,
    ) -> Self {
        let view = view_of(params, &base);
        State {
            load: Load::Loading,
            attempt: 0,
            catalog: Rc::new(Catalog::default()),
            meta: Rc::new(FeedMeta::default()),
            total: 0,
            skipped: 0,
            facets_open: more_filters_on(&view.filter) > 0,
            filter: view.filter,
            base: Rc::new(base),
            link: Rc::new(params.to_vec()),
            engaged: Rc::default(),
            held: false,
            outcome: Rc::new(Outcome::default()),
            pages: view.pages.max(1),
            page_size,
            now: Timestamp::default(),
            history: HistoryMode::Keep,
            story: view.story,
            reading: None,
            story_missing: false,
            failed_sources: Rc::default(),
            archive: None,
            related_limit,
            rail_for,
            rail: None,
        }
    }

    /// Finds the story the reader or the address asked for.
    fn resolve_story(&mut self) {
        let Some(id) = self.story.clone() else {
            self.reading = None;
            return;
        };
        if let Some(r) = &self.reading {
            if self
                .catalog
                .articles()
                .get(r.index)
                .is_some_and(|a| a.id == id)
            {
                return;
            }
        }
        self.reading = self.catalog.find(&id).map(|index| Reading {
            index,
            related: Rc::new(self.catalog.related(index, self.related_limit)),
        });
        if self.reading.is_none() && self.load == Load::Ready && !self.archive_pending() {
            self.story_missing = true;
            self.story = None;
        }
    }

    /// How many stories the document holds: for an archive, the manifest's count of the whole
    /// archive; never fewer than are in the catalog.
    pub fn document_total(&self) -> usize {
        let declared = self
            .archive
            .as_ref()
            .map_or(self.total, |a| a.archive.total);
        declared.max(self.catalog.len())
    }

    /// True while an archive has shards that are not in the catalog yet.
    pub fn archive_pending(&self) -> bool {
        self.archive
            .as_ref()
            .is_some_and(|a| a.loaded < a.archive.shards.len())
    }

    /// The archive shard to load now, if the view needs one: the reader asked for more stories
    /// than are in, or searches or filters (whose answer is exact only once every shard that
    /// could match is in), or opened a story not found yet. Shards older than the date window
    /// are never needed.
    pub fn wanted_shard(&self) -> Option<usize> {
        let a = self.archive.as_ref()?;
        if a.loading || !self.archive_pending() || self.load != Load::Ready {
            return None;
        }
        let next = &a.archive.shards.get(a.loaded)?.1;
        let story_not_found = self.story.is_some() && self.reading.is_none();
        // (The oldest first are in the oldest parts.)
        let needed = story_not_found
            || !self.filter.is_unfiltered()
            || self.filter.sort == SortOrder::Oldest
            || self.shown() > self.outcome.total;
        // (The first day of a range is on the catalog's calendar, as the shard's newest story is
        // taken there: a day-only date is that day on every calendar.)
        let before_window = self
            .filter
            .date
            .seconds()
            .is_some_and(|s| next.newest.0 < self.now.0 - s)
            || self
                .filter
                .from
                .is_some_and(|from| next.newest.on_calendar(self.catalog.calendar()) < from);
        let too_old = !story_not_found && before_window;
        (needed && !too_old).then_some(a.loaded)
    }

    /// True while older shards are being searched for the current view.
    pub fn searching_older(&self) -> bool {
        self.archive.as_ref().is_some_and(|a| a.loading) || self.wanted_shard().is_some()
    }

    /// How many matches are on the page.
    pub fn shown(&self) -> usize {
        self.pages * self.page_size
    }

    /// Chosen categories, authors and tags written in another case ("markets" in a preset or a
    /// link, "inflation" in `setFilters`) take the stories' own spelling ("Markets",
    /// "Inflation"). True when the reader's chosen ones changed so.
    fn spell_choices(&mut self) -> bool {
        fn respelt<'a>(set: &Set<String>, spelt: &dyn Fn(&str) -> Option<&'a str>) -> Set<String> {
            set.iter()
                .map(|c| spelt(c).unwrap_or(c).to_string())
                .collect()
        }
        let catalog = &self.catalog;
        let spell = |f: &Filter| {
            (
                respelt(&f.categories, &|c| catalog.category_spelt(c)),
                respelt(&f.authors, &|c| catalog.author_spelt(c)),
                respelt(&f.tags, &|c| catalog.tag_spelt(c)),
            )
        };
        let chosen = |f: &Filter| (f.categories.clone(), f.authors.clone(), f.tags.clone());
        let (now, base) = (spell(&self.filter), spell(&self.base));
        // (The first view's too, so that the address does not take it for the reader's change.)
        if base != chosen(&self.base) {
            let b = Rc::make_mut(&mut self.base);
            (b.categories, b.authors, b.tags) = base;
        }
        let changed = now != chosen(&self.filter);
        (
            self.filter.categories,
            self.filter.authors,
            self.filter.tags,
        ) = now;
        changed
    }

    /// The facets to count: authors and tags only while "More filters" shows them.
    fn facets(&self) -> Facets {
        if self.facets_open {
            Facets::All
        } else {
            Facets::CategoriesAndYears
        }
    }

    /// In rail-only mode, the rail's stories for the story it is for, as many as asked.
    fn refresh_rail(&mut self) {
        if let Some(key) = &self.rail_for {
            self.rail = self
                .catalog
                .find(key)
                .map(|i| Rc::new(self.catalog.related(i, self.related_limit)));
        }
    }

    fn answer(&self) -> Outcome {
        self.catalog
            .apply_counting(&self.filter, self.now, self.shown(), self.facets())
    }

    fn refilter(&mut self) {
        self.outcome = Rc::new(self.answer());
        self.held = false;
    }

    /// More stories are coming for the request shown: a preview's, or an archive's shard in
    /// flight or still needed for its answer.
    fn arriving(&self) -> bool {
        (self.load == Load::Loading && !self.catalog.is_empty())
            || self.archive.as_ref().is_some_and(|a| a.loading)
            || self.wanted_shard().is_some()
    }

    /// The same request again, over more stories (the cards shown came from `was`), for more
    /// pages, or counting other facets: while more stories are coming, the cards shown keep
    /// their places and more matches follow them ([`Outcome::keep_places`]), so that nothing
    /// moves under the reader's pointer; the request's own order comes when they are all in.
    ///
    /// `more_came`: stories have just been added. When the last of them come while the reader
    /// is on the list, the cards stay too, until the reader leaves it ([`Action::Engage`]).
    fn refilter_keeping(&mut self, was: &Catalog, more_came: bool) {
        let (shown, held) = (Rc::clone(&self.outcome), self.held);
        self.refilter();
        let arriving = self.arriving();
        if arriving || (self.engaged.get() && (more_came || held)) {
            Rc::make_mut(&mut self.outcome).keep_places(&shown.matches, was, &self.catalog);
            self.held = !arriving;
        }
    }

    /// [`State::refilter_keeping`] over the same stories (more pages, other facets, new sizes,
    /// a new moment).
    fn refilter_in_place(&mut self) {
        let same = Rc::clone(&self.catalog);
        self.refilter_keeping(&same, false);
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
            && self.story == other.story
            && self.reading == other.reading
            && self.rail == other.rail
            && self.archive == other.archive
    }
}

/// Everything that can happen to a widget.
#[derive(Debug)]
pub enum Action {
    /// The host set another page size or number of related stories.
    Resize { page_size: usize, related: usize },
    /// The document of load attempt `attempt` arrived and was read, at `now`.
    Loaded {
        set: Box<LoadedSet>,
        now: Timestamp,
        attempt: u32,
    },
    /// A large document of load attempt `attempt` is being read: show its first stories, and
    /// its title (what it has said of itself so far).
    Preview {
        catalog: Rc<Catalog>,
        meta: FeedMeta,
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
    /// The search and the filters the reader has controls for back to their defaults; the
    /// others (`Controls` hides them: the page sets them) stay, and so does the order.
    ClearFilters(Controls),
    /// One more page of matches.
    ShowMore,
    /// An archive shard was asked for.
    ShardStarted { attempt: u32 },
    /// An archive shard arrived: the catalog with its stories added.
    ShardLoaded { catalog: Rc<Catalog>, attempt: u32 },
    /// An archive shard could not be loaded.
    ShardFailed { error: LoadError, attempt: u32 },
    /// The host page asked for something (`setQuery`, `setFilters`).
    Apply(crate::embed::Command),
    /// The reader opened story number `.0` of the catalog.
    Open(usize),
    /// The reader closed the article view: in a new history entry, or `in_place` (a story
    /// that came with the address becomes the list in its own entry).
    Close { in_place: bool },
    /// The address changed (Back, Forward): show the view its parameters describe.
    Restore(Vec<(String, String)>),
    /// "More filters" was opened (`true`) or closed.
    ShowFacets(bool),
    /// The reader came onto the list (`true`: the pointer over it, or the focus in it) or left.
    Engage(bool),
    /// The clock moved on: relative dates and date windows count from this moment.
    Tick(Timestamp),
}

/// The view the address parameters `params` describe over the first view's filter `base`.
fn view_of(params: &[(String, String)], base: &Filter) -> View {
    address::decode(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), base)
}

/// How many of the filters under "More filters" are on (authors, tags, years, a date range).
pub fn more_filters_on(f: &Filter) -> usize {
    f.authors.len()
        + f.tags.len()
        + f.years.len()
        + usize::from(f.from.is_some() || f.until.is_some())
}

fn toggle<T: Ord>(set: &mut Set<T>, value: T) {
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
            Action::Loaded { attempt, .. }
            | Action::Preview { attempt, .. }
            | Action::Failed { attempt, .. }
            | Action::ShardStarted { attempt }
            | Action::ShardLoaded { attempt, .. }
            | Action::ShardFailed { attempt, .. }
                if attempt != s.attempt =>
            {
                return self;
            }
            Action::Loaded { set, now, .. } => {
                // The stories of a preview shown until now, if any.
                let was = (s.load == Load::Loading).then(|| Rc::clone(&s.catalog));
                s.now = now;
                s.total = set.report.total;
                s.skipped = set.report.skipped.len();
                s.failed_sources = Rc::new(set.failed.clone());
                s.catalog = set.catalog;
                // Categories asked for in another case (by the address, or a host call made
                // while loading) are written in the feed's spelling.
                let respelt = s.spell_choices();
                s.meta = Rc::new(set.meta);
                s.archive = set.archive.map(|archive| ArchiveProgress {
                    archive,
                    loaded: 1,
                    loading: false,
                    failed: Vec::new(),
                });
                s.load = Load::Ready;
                s.history = if respelt {
                    HistoryMode::Replace
                } else {
                    HistoryMode::Keep
                };
                match was {
                    // The last stories of a preview: the cards stay while the reader is on them.
                    Some(was) if !was.is_empty() && !respelt => s.refilter_keeping(&was, true),
                    _ => s.refilter(),
                }
                // A story opened from a preview keeps its place, and its "More to Read" is
                // chosen again from every story.
                s.reading = None;
                s.resolve_story();
                s.refresh_rail();
            }
            Action::Preview {
                catalog, meta, now, ..
            } => {
                // A story named by the address shows once it is found (from the first preview
                // that has it; its "More to Read" is chosen again when all are in): no list
                // before it. While a story is open, the list behind it waits for the end.
                if let Some(id) = &s.story {
                    if s.reading.is_some() || catalog.find(id).is_none() {
                        return self;
                    }
                }
                // The filters work on the stories read so far (the reader may have set some
                // already, or the address did).
                s.now = now;
                let was = std::mem::replace(&mut s.catalog, catalog);
                // Categories asked for in another case ("markets") take the stories' spelling
                // already, as when all are in.
                let respelt = s.spell_choices();
                if *s.meta != meta {
                    s.meta = Rc::new(meta);
                }
                s.resolve_story();
                if respelt {
                    s.history = HistoryMode::Replace;
                    s.refilter();
                } else {
                    // More of the same request: the cards shown stay.
                    s.refilter_keeping(&was, true);
                }
            }
            Action::Failed { error, .. } => {
                s.load = Load::Failed(Rc::new(error));
                // (The list is gone, and the reader with it.)
                s.engaged.set(false);
                // A story opened from a preview closes onto the error (its id stays, so that a
                // Retry opens it again).
                s.reading = None;
            }
            Action::Resize { page_size, related } => {
                if (s.page_size, s.related_limit) == (page_size, related) {
                    return self;
                }
                s.page_size = page_size;
                s.related_limit = related;
                s.history = HistoryMode::Keep;
                // (Also the stories of a preview.)
                s.refilter_in_place();
                let catalog = s.catalog.clone();
                if let Some(r) = s.reading.as_mut() {
                    r.related = Rc::new(catalog.related(r.index, related));
                }
                s.refresh_rail();
            }
            Action::Tick(now) => {
                if !matches!(s.load, Load::Ready) {
                    return self;
                }
                s.now = now;
                s.history = HistoryMode::Keep;
                s.refilter_in_place();
            }
            Action::Retry => {
                s.load = Load::Loading;
                s.catalog = Rc::new(Catalog::default());
                s.outcome = Rc::default();
                s.engaged.set(false);
                s.archive = None;
                s.attempt += 1;
            }
            Action::Search(mut q) => {
                // (Typed, the box takes no more; a value a script gives the box, as the loader
                // does with what was typed during a restart, is cut here.)
                q.truncate(within_limit(&q).len());
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
            Action::ClearFilters(shown) => {
                let was = std::mem::take(&mut s.filter);
                s.filter.sort = was.sort;
                if !shown.chips {
                    s.filter.categories = was.categories;
                }
                if !shown.dates {
                    Filter {
                        authors: s.filter.authors,
                        tags: s.filter.tags,
                        years: s.filter.years,
                        date: s.filter.date,
                        from: s.filter.from,
                        until: s.filter.until,
                        ..
                    } = was;
                }
                s.changed(HistoryMode::Push);
            }
            Action::ShowMore => {
                if s.outcome.matches.len() >= s.outcome.total && !s.archive_pending() {
                    return self;
                }
                s.pages += 1;
                s.history = HistoryMode::Replace;
                // The cards shown stay (they may be in the order of fewer stories than are in
                // now, while more are coming), and the next page follows them.
                s.refilter_in_place();
            }
            Action::Apply(command) => {
                // A call made while the stories load sets up the first view, as the attributes
                // do: the address the widget started from still says what differs from it (a
                // copied link keeps the reader's order over the page's), Back returns to it,
                // and then leaves the page.
                let ready = matches!(s.load, Load::Ready);
                if ready {
                    command.apply_to(&mut s.filter);
                } else {
                    // What the link, then the reader, changed from the first view stays so.
                    let view = View {
                        filter: s.filter.clone(),
                        pages: 1,
                        story: None,
                    };
                    let mine = address::encode(&view, &s.base);
                    command.apply_to(Rc::make_mut(&mut s.base));
                    s.filter = view_of(&address::merge(&s.link, &mine), &s.base).filter;
                }
                // Categories in any case, as the categories attribute takes them.
                s.spell_choices();
                s.story = None;
                s.reading = None;
                s.changed(if ready {
                    HistoryMode::Push
                } else {
                    HistoryMode::Replace
                });
            }
            Action::ShardStarted { .. } => {
                let Some(a) = s.archive.as_mut() else {
                    return self;
                };
                a.loading = true;
            }
            Action::ShardLoaded { catalog, .. } => {
                let Some(a) = s.archive.as_mut() else {
                    return self;
                };
                a.loading = false;
                a.loaded += 1;
                let was = std::mem::replace(&mut s.catalog, catalog);
                let respelt = s.spell_choices();
                s.history = HistoryMode::Keep;
                s.resolve_story();
                if !respelt {
                    // While more shards are coming for this request, the cards shown stay.
                    s.refilter_keeping(&was, true);
                } else {
                    s.refilter();
                }
            }
            Action::ShardFailed { error, .. } => {
                let Some(a) = s.archive.as_mut() else {
                    return self;
                };
                a.loading = false;
                // A part that cannot be loaded (missing, broken, refused, or lost on the way) is
                // passed over: the older ones are read on, and the reader is told which failed.
                a.failed.push((a.loaded, error));
                a.loaded += 1;
                s.resolve_story();
                if !s.arriving() {
                    // No more are coming for this request: its own order.
                    s.refilter();
                }
            }
            Action::Open(index) => {
                let Some(a) = s.catalog.articles().get(index) else {
                    return self;
                };
                s.story = Some(a.id.clone());
                s.story_missing = false;
                s.history = HistoryMode::Push;
                s.resolve_story();
            }
            Action::Close { in_place } => {
                if s.story.is_none() && !s.story_missing {
                    return self;
                }
                s.story = None;
                s.story_missing = false;
                s.reading = None;
                s.history = if in_place {
                    HistoryMode::Replace
                } else {
                    HistoryMode::Push
                };
            }
            Action::Restore(params) => {
                let view = view_of(&params, &s.base);
                if view.filter == s.filter && view.pages == s.pages && view.story == s.story {
                    return self;
                }
                s.history = HistoryMode::Keep;
                s.story = view.story;
                s.story_missing = false;
                s.resolve_story();
                if view.filter != s.filter || view.pages != s.pages {
                    s.facets_open |= more_filters_on(&view.filter) > 0;
                    s.filter = view.filter;
                    s.pages = view.pages.max(1);
                    s.refilter();
                }
            }
            Action::Engage(on) => {
                self.engaged.set(on);
                if on || !self.held {
                    // (Nothing to show for it.)
                    return self;
                }
                // Left: the order asked for.
                s.history = HistoryMode::Keep;
                s.refilter();
            }
            Action::ShowFacets(open) => {
                if open == s.facets_open {
                    return self;
                }
                s.facets_open = open;
                s.history = HistoryMode::Keep;
                s.refilter_in_place();
            }
        }
        Rc::new(s)
    }
}
