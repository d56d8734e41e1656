//! Filtering: the reader's choices ([`Filter`]) applied to a loaded set ([`Catalog`]).
//!
//! A catalog is built once per article set (story by story, through [`CatalogBuilder`], so a
//! large set can be built between frames): the search [`Index`], the stories' order by date, and
//! the facet values of every story (category, authors, tags, year). Each change of filter is
//! then one run of the query over the index and one pass over the per-story facet numbers.
//!
//! Facet counts follow the usual faceted-search rule: a facet's counts reflect every other active
//! filter but not its own selection, so ticking one category never turns the others to zero.
//! Several values in one facet combine with OR; different facets, the query and the dates combine
//! with AND.

use crate::date::Timestamp;
use crate::intern::Interner;
use crate::model::Article;
use crate::order;
use crate::search::{index::PhraseScan, Clause, Index, IndexBuilder, Query};
use crate::set::Set;
use crate::text::caseless;
use crate::url::page_key;
use rustc_hash::FxHashMap;

/// A publication-date window, counted back from now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DatePreset {
    /// No limit.
    #[default]
    AnyTime,
    /// The last 24 hours.
    PastDay,
    /// The last 7 days.
    PastWeek,
    /// The last 30 days.
    PastMonth,
    /// The last 365 days.
    PastYear,
}

impl DatePreset {
    /// Every preset, in the order a menu lists them.
    pub const ALL: [DatePreset; 5] = [
        DatePreset::AnyTime,
        DatePreset::PastDay,
        DatePreset::PastWeek,
        DatePreset::PastMonth,
        DatePreset::PastYear,
    ];

    /// A short stable key, for form values and addresses.
    pub fn key(self) -> &'static str {
        match self {
            DatePreset::AnyTime => "any",
            DatePreset::PastDay => "day",
            DatePreset::PastWeek => "week",
            DatePreset::PastMonth => "month",
            DatePreset::PastYear => "year",
        }
    }

    /// The preset with this key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The window's length in seconds; `None` for no limit.
    pub fn seconds(self) -> Option<i64> {
        const DAY: i64 = 86_400;
        match self {
            DatePreset::AnyTime => None,
            DatePreset::PastDay => Some(DAY),
            DatePreset::PastWeek => Some(7 * DAY),
            DatePreset::PastMonth => Some(30 * DAY),
            DatePreset::PastYear => Some(365 * DAY),
        }
    }

    /// True if a story published at `t` falls in the window ending at `now`. A story dated up to
    /// a day after `now` counts as recent (a publisher's clock ahead of the reader's, or a local
    /// time written without its offset); one further ahead (scheduled, embargoed, or a wrong
    /// year) is in no window but "any time".
    pub fn contains(self, t: Timestamp, now: Timestamp) -> bool {
        const AHEAD: i64 = 86_400;
        self.seconds()
            .is_none_or(|s| t.0 >= now.0 - s && t.0 <= now.0 + AHEAD)
    }
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best match first (newer first among equals); newest first when there is no query.
    #[default]
    Relevance,
    /// Most recent first.
    Newest,
    /// Earliest first.
    Oldest,
}

impl SortOrder {
    /// Every order, as a menu lists them.
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest];

    /// A short stable key.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
        }
    }

    /// The order with this key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Which facet counts a search works out (see [`Catalog::apply_counting`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Facets {
    /// Every facet: categories, years, authors and tags.
    #[default]
    All,
    /// Categories and years only, for a view that does not show authors and tags.
    CategoriesAndYears,
}

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search text: words (all must match; the last one as a prefix while typing; words of
    /// five letters or more also one typo away) and "quoted phrases".
    pub query: String,
    /// Selected categories (any of them matches); empty for all.
    pub categories: Set<String>,
    /// Selected authors (any of them matches); empty for all.
    pub authors: Set<String>,
    /// Selected tags (any of them matches); empty for all.
    pub tags: Set<String>,
    /// Selected years, UTC (any of them matches); empty for all.
    pub years: Set<i32>,
    /// A date window counted back from now.
    pub date: DatePreset,
    /// Only stories published on this day or later: the day's midnight written in UTC (on the
    /// catalog's calendar, see [`Catalog::with_calendar`]).
    pub from: Option<Timestamp>,
    /// Only stories published before this day: its midnight written in UTC, as `from`.
    pub until: Option<Timestamp>,
    /// The order.
    pub sort: SortOrder,
}

impl Filter {
    /// True when nothing narrows the list (the order does not count, nor a query of nothing
    /// searchable: spaces, "%").
    pub fn is_unfiltered(&self) -> bool {
        Query::parse(&self.query).is_empty()
            && self.categories.is_empty()
            && self.authors.is_empty()
            && self.tags.is_empty()
            && self.years.is_empty()
            && self.date == DatePreset::AnyTime
            && self.from.is_none()
            && self.until.is_none()
    }

    /// `offset`: the calendar's, seconds east of UTC, for the days of `from` and `until`.
    fn dates_contain(&self, t: Timestamp, now: Timestamp, offset: i64) -> bool {
        let day = t.on_calendar(offset);
        self.date.contains(t, now)
            && self.from.is_none_or(|f| day >= f)
            && self.until.is_none_or(|u| day < u)
    }
}

/// A facet value and how many stories have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryCount {
    /// The value (a category, author, tag, or year written out).
    pub name: String,
    /// Stories with it that match every other active filter (the query, the dates and the other
    /// facets, not this facet's own selection).
    pub count: usize,
}

/// The answer to a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// How many stories match: always exact.
    pub total: usize,
    /// The first matches, in the requested order (as many as asked for).
    pub matches: Vec<usize>,
    /// Every category, in the catalog's fixed order, with its count.
    pub categories: Vec<CategoryCount>,
    /// The authors with the most matches (and every selected one), most first.
    pub authors: Vec<CategoryCount>,
    /// The tags with the most matches (and every selected one), most first.
    pub tags: Vec<CategoryCount>,
    /// More authors, or more tags, have matches than are listed.
    pub more_authors: bool,
    /// See `more_authors`.
    pub more_tags: bool,
    /// Every year with stories, newest first.
    pub years: Vec<CategoryCount>,
    /// The parsed query, for highlighting.
    pub query: Query,
}

impl Outcome {
    /// Keeps the stories already shown in their places, for the same request answered again
    /// over more stories while more are still coming: `shown` are the earlier matches, as
    /// numbers in `was`, the catalog they were found in. They stay first, in their order, and
    /// the best of the other matches follow, up to as many as this answer has; a shown story
    /// that `self`'s catalog `now` lacks is dropped. So no card moves under the reader's pointer
    /// as stories arrive; the order the request asks for comes once all are in.
    ///
    /// The shown stories are taken to match still (the request and the stories are the same).
    pub fn keep_places(&mut self, shown: &[usize], was: &Catalog, now: &Catalog) {
        let mut kept: Vec<usize> = Vec::with_capacity(shown.len());
        for &i in shown {
            // (Numbers that are not `was`'s: nothing is kept.)
            let Some(id) = was.articles.get(i).map(|a| &a.id) else {
                return;
            };
            // A preview's catalog grows at its end: a story keeps its number, else it is looked
            // up.
            if now.articles.get(i).is_some_and(|a| a.id == *id) {
                kept.push(i);
            } else {
                kept.extend(now.articles.iter().position(|a| a.id == *id));
            }
        }
        let room = self.matches.len();
        kept.truncate(room);
        for &m in &self.matches {
            if kept.len() == room {
                break;
            }
            if !kept.contains(&m) {
                kept.push(m);
            }
        }
        self.matches = kept;
    }
}

/// How many authors and tags an [`Outcome`] lists at most (besides the selected ones).
pub const TOP_FACET_VALUES: usize = 12;

/// Values of one multi-valued facet (authors, tags) per story, compressed-row style: story
/// `d`'s value numbers are `values[starts[d]..starts[d + 1]]`.
#[derive(Debug, PartialEq, Eq)]
struct Multi {
    names: Interner,
    starts: Vec<u32>,
    values: Vec<u32>,
    /// Per value: its place among the names in byte order (set by [`CatalogBuilder::finish`]).
    ranks: Vec<u32>,
}

impl Default for Multi {
    fn default() -> Self {
        Multi {
            names: Interner::default(),
            starts: vec![0],
            values: Vec::new(),
            ranks: Vec::new(),
        }
    }
}

impl Multi {
    fn push(&mut self, list: &[String]) {
        let start = self.values.len();
        for v in list {
            let id = self.names.id(v);
            if !self.values[start..].contains(&id) {
                self.values.push(id);
            }
        }
        self.starts.push(self.values.len() as u32);
    }

    #[inline]
    fn of(&self, doc: usize) -> &[u32] {
        match (self.starts.get(doc), self.starts.get(doc + 1)) {
            (Some(&s), Some(&e)) => &self.values[s as usize..e as usize],
            _ => &[],
        }
    }

    fn selection(&self, chosen: &Set<String>) -> Option<Vec<bool>> {
        if chosen.is_empty() {
            return None;
        }
        let mut sel = vec![false; self.names.len()];
        for c in chosen {
            if let Some(id) = self.names.get(c) {
                sel[id as usize] = true;
            }
        }
        Some(sel)
    }
}

/// The one of `names` that is `name` written in any case: `name` itself if it is there, else
/// the first that differs from it only in case.
fn spelt_among<'a>(names: impl Iterator<Item = &'a str> + Clone, name: &str) -> Option<&'a str> {
    let lower = caseless(name);
    names
        .clone()
        .find(|n| *n == name)
        .or_else(|| names.into_iter().find(|n| caseless(n) == lower))
}

/// The year facet's name for stories without a date.
pub const UNDATED_LABEL: &str = "Undated";

/// The year facet's name for `year`: the number, or [`UNDATED_LABEL`] for undated stories.
pub fn year_label(year: i32) -> String {
    if year == Timestamp::UNDATED.year() {
        UNDATED_LABEL.to_string()
    } else {
        year.to_string()
    }
}

/// The year a year facet name stands for (the inverse of [`year_label`]).
pub fn year_from_label(label: &str) -> Option<i32> {
    if label == UNDATED_LABEL {
        Some(Timestamp::UNDATED.year())
    } else {
        label.parse().ok()
    }
}

/// Builds a [`Catalog`] one story at a time.
#[derive(Default)]
pub struct CatalogBuilder {
    articles: Vec<Article>,
    index: IndexBuilder,
    authors: Multi,
    tags: Multi,
    offset: i64,
    spellings: Spellings,
}

/// Names that differ only in case ("Inflation", "inflation", "INFLATION") are one category,
/// tag or author, written as first seen: feeds tag by hand, and one chip or box should not
/// split in two. (Accents are kept apart: "año" is not "ano".)
#[derive(Default)]
struct Spellings {
    /// Each name seen, as written.
    seen: Interner,
    /// Per name seen: the number (in `seen`) of the spelling it takes.
    spelling: Vec<u32>,
    /// Each name's caseless form ([`caseless`]): the number of its first spelling.
    first: FxHashMap<Box<str>, u32>,
}

impl Spellings {
    /// Writes `name` as the first name seen that differs from it only in case.
    fn respell(&mut self, name: &mut String) {
        let id = match self.seen.get(name) {
            Some(id) => id,
            None => {
                let id = self.seen.id(name);
                let lower = caseless(name);
                let first = match self.first.get(lower.as_str()) {
                    Some(&first) => first,
                    None => {
                        self.first.insert(lower.into(), id);
                        id
                    }
                };
                self.spelling.push(first);
                id
            }
        };
        let spelling = self.spelling[id as usize];
        if spelling != id {
            *name = self.seen.names()[spelling as usize].to_string();
        }
    }

    /// Respells each of `names`, leaving out those that then repeat an earlier one.
    fn respell_all(&mut self, names: &mut Vec<String>) {
        for n in names.iter_mut() {
            self.respell(n);
        }
        let mut i = 1;
        while i < names.len() {
            if names[..i].contains(&names[i]) {
                names.remove(i);
            } else {
                i += 1;
            }
        }
    }
}

impl CatalogBuilder {
    /// A builder with room for `n` stories.
    pub fn with_capacity(n: usize) -> Self {
        CatalogBuilder {
            articles: Vec::with_capacity(n),
            ..Default::default()
        }
    }

    /// Counts years and days on the reader's calendar, `offset` seconds east of UTC (UTC
    /// unless set), as the dates on the cards are shown.
    pub fn set_calendar(&mut self, offset: i64) {
        self.offset = offset;
    }

    /// Adds a story (its category, tags and authors in the spelling first seen, see
    /// [`Spellings`]).
    pub fn push(&mut self, mut a: Article) {
        self.spellings.respell(&mut a.category);
        self.spellings.respell_all(&mut a.tags);
        self.spellings.respell_all(&mut a.authors);
        self.index.add(&a);
        self.authors.push(&a.authors);
        self.tags.push(&a.tags);
        self.articles.push(a);
    }

    /// The stories added so far.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Gives the stories pushed so far what their document said of itself only after them
    /// (see [`crate::load::ReadEnd::complete`]). A new category and new authors are searched
    /// and counted, so then the stories are indexed again (a feed whose title or authors come
    /// last is rare and small).
    pub fn complete(&mut self, end: &crate::load::ReadEnd) {
        let new_category = end.meta.title.is_some() && !end.needs_feed_title.is_empty();
        if !new_category && end.needs_feed_authors.is_empty() {
            end.complete(&mut self.articles);
            return;
        }
        let mut articles = std::mem::take(&mut self.articles);
        end.complete(&mut articles);
        let mut fresh = CatalogBuilder::with_capacity(articles.len());
        fresh.set_calendar(self.offset);
        for a in articles {
            fresh.push(a);
        }
        *self = fresh;
    }

    /// Finishes the index and the facet tables.
    pub fn finish(self) -> Catalog {
        let CatalogBuilder {
            articles,
            index,
            mut authors,
            mut tags,
            offset,
            spellings: _,
        } = self;
        let index = index.finish();
        authors.ranks = order::ranks(authors.names.names());
        tags.ranks = order::ranks(tags.names.names());
        let mut totals: FxHashMap<&str, usize> = FxHashMap::default();
        for a in &articles {
            *totals.entry(a.category.as_str()).or_default() += 1;
        }
        let categories: Vec<(&str, usize)> = totals.into_iter().collect();
        // Most stories first, then by name.
        let categories: Vec<(&str, usize)> = order::most_first(&categories)
            .into_iter()
            .map(|i| categories[i])
            .collect();
        let numbers: FxHashMap<&str, u32> = categories
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (*name, i as u32))
            .collect();
        let category_of: Vec<u32> = articles
            .iter()
            .map(|a| numbers[a.category.as_str()])
            .collect();
        let categories: Vec<String> = categories.into_iter().map(|(n, _)| n.to_string()).collect();
        let swatches = crate::palette::assign(categories.iter().map(String::as_str));
        // Newest first, each once.
        let mut years: Vec<i32> = Vec::new();
        let year = |a: &Article| a.published.on_calendar(offset).year();
        for a in &articles {
            let y = year(a);
            if let Err(at) = years.binary_search_by(|probe| y.cmp(probe)) {
                years.insert(at, y);
            }
        }
        let year_of: Vec<u16> = articles
            .iter()
            .map(|a| {
                let y = year(a);
                years.iter().position(|&x| x == y).unwrap_or(0) as u16
            })
            .collect();
        // Newest first, on the reader's calendar (a day-only date comes before the stories of
        // the day before there, after those of its own day); ties in document order.
        let mut keyed: Vec<order::Keyed> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (!order::of_i64(a.published.on_calendar(offset).0), i as u32))
            .collect();
        order::sort(&mut keyed);
        let by_date: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut date_rank = vec![0u32; articles.len()];
        for (rank, &doc) in by_date.iter().enumerate() {
            date_rank[doc as usize] = rank as u32;
        }
        let mut totals = [
            vec![0; categories.len()],
            vec![0; years.len()],
            vec![0; authors.names.len()],
            vec![0; tags.names.len()],
        ];
        for doc in 0..articles.len() {
            totals[0][category_of[doc] as usize] += 1;
            totals[1][year_of[doc] as usize] += 1;
            for &x in authors.of(doc) {
                totals[2][x as usize] += 1;
            }
            for &x in tags.of(doc) {
                totals[3][x as usize] += 1;
            }
        }
        let undated_from = by_date
            .iter()
            .position(|&d| articles[d as usize].published.is_undated())
            .unwrap_or(by_date.len());
        Catalog {
            offset,
            totals,
            index,
            category_of,
            categories,
            swatches,
            authors,
            tags,
            years,
            year_of,
            articles,
            undated_from,
            by_date,
            date_rank,
        }
    }
}

/// A loaded article set, prepared for searching and filtering.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    articles: Vec<Article>,
    index: Index,
    /// Per story: its category's number.
    category_of: Vec<u32>,
    /// Category names, most stories first, then by name.
    categories: Vec<String>,
    /// Per category: its colour swatch, distinct within the set where possible.
    swatches: Vec<u32>,
    authors: Multi,
    tags: Multi,
    /// Years with stories, newest first.
    years: Vec<i32>,
    /// Per story: the number of its year in `years`.
    year_of: Vec<u16>,
    /// Story numbers, newest first (ties: document order).
    by_date: Vec<u32>,
    /// Per story: its place in `by_date`.
    date_rank: Vec<u32>,
    /// Where the undated stories start in `by_date` (they sort last, and stay last when the
    /// oldest come first).
    undated_from: usize,
    /// Stories per category, year, author and tag, over the whole set.
    totals: [Vec<u32>; 4],
    /// The calendar of years and days, seconds east of UTC.
    offset: i64,
}

impl Catalog {
    /// Prepares a set of stories, counting years and days in UTC.
    pub fn new(articles: Vec<Article>) -> Self {
        Self::with_calendar(articles, 0)
    }

    /// Prepares a set of stories, counting years and days (the year facet, a range of days)
    /// on the reader's calendar, `offset` seconds east of UTC.
    pub fn with_calendar(articles: Vec<Article>, offset: i64) -> Self {
        let mut b = CatalogBuilder::with_capacity(articles.len());
        b.set_calendar(offset);
        for a in articles {
            b.push(a);
        }
        b.finish()
    }

    /// The stories, in document order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Its calendar: seconds east of UTC (see [`Catalog::with_calendar`]).
    pub fn calendar(&self) -> i64 {
        self.offset
    }

    /// The number of the story whose id is `key`, or else whose address is `key`, or else whose
    /// address is the same page ([`page_key`]).
    pub fn find(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        let by_url = |a: &Article| a.url.as_deref() == Some(key);
        self.articles
            .iter()
            .position(|a| a.id == key)
            .or_else(|| self.articles.iter().position(by_url))
            .or_else(|| {
                // The same page written another way: a trailing slash, http for https, a
                // campaign's utm_ parameters.
                let page = page_key(key)?;
                self.articles
                    .iter()
                    .position(|a| a.url.as_deref().and_then(page_key).as_ref() == Some(&page))
            })
    }

    /// The search index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The number of stories.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when the set has no stories.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Category names, most stories first.
    pub fn category_names(&self) -> &[String] {
        &self.categories
    }

    /// The stories' spelling of category `name`, written in any case; `None` when no story has
    /// it.
    pub fn category_spelt(&self, name: &str) -> Option<&str> {
        spelt_among(self.categories.iter().map(String::as_str), name)
    }

    /// The stories' spelling of author `name`, written in any case; `None` when no story has it.
    pub fn author_spelt(&self, name: &str) -> Option<&str> {
        spelt_among(self.authors.names.names().iter().map(|n| &**n), name)
    }

    /// The stories' spelling of tag `name`, written in any case; `None` when no story has it.
    pub fn tag_spelt(&self, name: &str) -> Option<&str> {
        spelt_among(self.tags.names.names().iter().map(|n| &**n), name)
    }

    /// The number of story `doc`'s category (its place in [`Catalog::category_names`]).
    pub(crate) fn category_number(&self, doc: usize) -> u32 {
        self.category_of[doc]
    }

    /// The numbers of story `doc`'s tags.
    pub(crate) fn tag_numbers(&self, doc: usize) -> &[u32] {
        self.tags.of(doc)
    }

    /// Story `doc`'s place when the set is ordered newest first.
    pub(crate) fn date_rank(&self, doc: usize) -> u32 {
        self.date_rank[doc]
    }

    /// The colour swatch of story `index`'s category.
    pub fn swatch_of_story(&self, index: usize) -> u32 {
        self.category_of
            .get(index)
            .and_then(|&c| self.swatches.get(c as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The colour swatch of a category of this set (any swatch for an unknown name).
    pub fn swatch_of_category(&self, name: &str) -> u32 {
        self.categories
            .iter()
            .position(|c| c == name)
            .map_or_else(|| crate::palette::swatch(name), |i| self.swatches[i])
    }

    /// Adds `step` (1, or `u32::MAX` to take one away) to the counts of the category, year,
    /// and (for [`Facets::All`]) the authors and tags of each story of `docs`.
    fn tally(&self, docs: &[u32], counts: [&mut Vec<u32>; 4], step: u32, facets: Facets) {
        let [n_cat, n_year, n_author, n_tag] = counts;
        for &doc in docs {
            let doc = doc as usize;
            let c = &mut n_cat[self.category_of[doc] as usize];
            *c = c.wrapping_add(step);
            let y = &mut n_year[self.year_of[doc] as usize];
            *y = y.wrapping_add(step);
            if facets == Facets::CategoriesAndYears {
                continue;
            }
            for &x in self.authors.of(doc) {
                n_author[x as usize] = n_author[x as usize].wrapping_add(step);
            }
            for &x in self.tags.of(doc) {
                n_tag[x as usize] = n_tag[x as usize].wrapping_add(step);
            }
        }
    }

    /// Applies a filter and returns the exact number of matches, the first `limit` of them in
    /// order, and the facet counts. `now` anchors the date windows.
    pub fn apply(&self, filter: &Filter, now: Timestamp, limit: usize) -> Outcome {
        self.apply_counting(filter, now, limit, Facets::All)
    }

    /// [`Catalog::apply`], counting only the facets asked for: with
    /// [`Facets::CategoriesAndYears`] the outcome's authors and tags are empty, and a search
    /// that matches many stories takes about a third less time. Selected authors and tags
    /// still filter.
    pub fn apply_counting(
        &self,
        filter: &Filter,
        now: Timestamp,
        limit: usize,
        facets: Facets,
    ) -> Outcome {
        let people = facets == Facets::All;
        let mut query = Query::parse(&filter.query);
        self.index.respell(&mut query);
        let matches = self.index.run(&query);
        let phrases: Vec<(&Vec<String>, bool)> = query
            .clauses
            .iter()
            .filter_map(|c| match c {
                Clause::Phrase { words, prefix } => Some((words, *prefix)),
                Clause::Word { .. } | Clause::Without { .. } => None,
            })
            .collect();
        let sel_cat: Option<Vec<bool>> = (!filter.categories.is_empty()).then(|| {
            self.categories
                .iter()
                .map(|c| filter.categories.contains(c))
                .collect()
        });
        let sel_year: Option<Vec<bool>> = (!filter.years.is_empty()).then(|| {
            self.years
                .iter()
                .map(|y| filter.years.contains(y))
                .collect()
        });
        let sel_author = self.authors.selection(&filter.authors);
        let sel_tag = self.tags.selection(&filter.tags);

        // Counts as u32 (story numbers are u32 too): half the memory to touch of usize.
        let mut n_cat = vec![0u32; self.categories.len()];
        let mut n_year = vec![0u32; self.years.len()];
        let mut n_author = vec![0u32; self.authors.names.len()];
        let mut n_tag = vec![0u32; self.tags.names.len()];
        let mut hits: Vec<u32> = Vec::new();
        let dated =
            filter.date != DatePreset::AnyTime || filter.from.is_some() || filter.until.is_some();

        let n = self.articles.len();
        // The stories the query matches, in document order (`None`: every story).
        let found: Option<Vec<u32>> = matches.as_ref().map(|m| gather(n, |doc| m.hit(doc)));
        let only_query = !dated
            && phrases.is_empty()
            && sel_cat.is_none()
            && sel_year.is_none()
            && sel_author.is_none()
            && sel_tag.is_none();
        if only_query {
            // Every facet counts exactly the matches.
            match found {
                // At most half the stories match: count them.
                Some(f) if f.len() * 2 <= n => {
                    let counts = [&mut n_cat, &mut n_year, &mut n_author, &mut n_tag];
                    self.tally(&f, counts, 1, facets);
                    hits = f;
                }
                // Most stories match (or all do): start from the set's totals and take away the
                // stories that do not match, which are fewer.
                found => {
                    let [c, y, a, t] = &self.totals;
                    (n_cat, n_year, n_author, n_tag) = (c.clone(), y.clone(), a.clone(), t.clone());
                    if let Some(m) = &matches {
                        let misses = gather(n, |doc| !m.hit(doc));
                        let counts = [&mut n_cat, &mut n_year, &mut n_author, &mut n_tag];
                        self.tally(&misses, counts, u32::MAX, facets);
                    }
                    hits = found.unwrap_or_else(|| (0..n as u32).collect());
                }
            }
        } else {
            let every: Vec<u32>;
            let candidates: &[u32] = match &found {
                Some(f) => f,
                None => {
                    every = (0..n as u32).collect();
                    &every
                }
            };
            let mut scans: Vec<PhraseScan<'_>> = phrases
                .iter()
                .map(|&(p, prefix)| PhraseScan::new(p, prefix))
                .collect();
            for &doc in candidates {
                let doc = doc as usize;
                if dated && !filter.dates_contain(self.articles[doc].published, now, self.offset) {
                    continue;
                }
                let cat = self.category_of[doc] as usize;
                let year = self.year_of[doc] as usize;
                let authors = self.authors.of(doc);
                let tags = self.tags.of(doc);
                let ok_c = sel_cat.as_ref().is_none_or(|s| s[cat]);
                let ok_y = sel_year.as_ref().is_none_or(|s| s[year]);
                let ok_a = sel_author
                    .as_ref()
                    .is_none_or(|s| authors.iter().any(|&a| s[a as usize]));
                let ok_t = sel_tag
                    .as_ref()
                    .is_none_or(|s| tags.iter().any(|&t| s[t as usize]));
                let fails = u8::from(!ok_c) + u8::from(!ok_y) + u8::from(!ok_a) + u8::from(!ok_t);
                if fails > 1 {
                    continue;
                }
                // Phrases last, as the dearest check: the headline and the summary are read
                // again. A phrase must stand within one of them, never across the two.
                let a = &self.articles[doc];
                if !scans.iter_mut().all(|scan| {
                    scan.reset();
                    scan.text(&a.title);
                    scan.text(a.summary.as_deref().unwrap_or(""));
                    scan.found()
                }) {
                    continue;
                }
                if ok_y && ok_a && ok_t {
                    n_cat[cat] += 1;
                }
                if ok_c && ok_a && ok_t {
                    n_year[year] += 1;
                }
                if people && ok_c && ok_y && ok_t {
                    for &a in authors {
                        n_author[a as usize] += 1;
                    }
                }
                if people && ok_c && ok_y && ok_a {
                    for &t in tags {
                        n_tag[t as usize] += 1;
                    }
                }
                if fails == 0 {
                    hits.push(doc as u32);
                }
            }
        }
        let total = hits.len();
        let limit = limit.min(total);
        // A query that ranked nothing (one letter) orders newest first, as the date path does.
        let relevance =
            filter.sort == SortOrder::Relevance && matches.as_ref().is_some_and(|m| m.ranked);
        let ordered: Vec<usize> = if relevance {
            // One sortable number per hit: clauses matched without a typo, then the score (a
            // non-negative float, whose bits order like its value), then newer first.
            let m = matches.as_ref();
            let n = self.articles.len() as u64;
            // Complemented, so that the best come first in ascending order. Only the first
            // `limit` are kept, as they come.
            let keyed = hits.iter().map(|&d| {
                let i = d as usize;
                let exact = m.map_or(0, |m| u64::from(m.exact[i].count_ones()));
                let score = m.map_or(0, |m| u64::from(m.score[i].max(0.0).to_bits() >> 8));
                let newer = n - u64::from(self.date_rank[i]);
                (
                    !((exact << 59) | (score << 35) | newer.min((1 << 35) - 1)),
                    d,
                )
            });
            order::smallest(keyed, limit)
                .into_iter()
                .map(|(_, d)| d as usize)
                .collect()
        } else {
            let mut in_result = vec![false; self.articles.len()];
            for &d in &hits {
                in_result[d as usize] = true;
            }
            let pick = |d: &&u32| in_result[**d as usize];
            if filter.sort == SortOrder::Oldest {
                let (dated, undated) = self.by_date.split_at(self.undated_from);
                let mut v: Vec<usize> = dated
                    .iter()
                    .rev()
                    .chain(undated)
                    .filter(pick)
                    .take(limit)
                    .map(|&d| d as usize)
                    .collect();
                stable_ties(&mut v, &self.articles);
                v
            } else {
                self.by_date
                    .iter()
                    .filter(pick)
                    .take(limit)
                    .map(|&d| d as usize)
                    .collect()
            }
        };
        let named = |names: &[String], counts: Vec<u32>| -> Vec<CategoryCount> {
            names
                .iter()
                .zip(counts)
                .map(|(n, c)| CategoryCount {
                    name: n.clone(),
                    count: c as usize,
                })
                .collect()
        };
        let top = |values: &Multi, counts: Vec<u32>, chosen: &Set<String>| {
            let names = values.names.names();
            // Most stories first, then by name.
            let mut all: Vec<order::Keyed> = counts
                .iter()
                .enumerate()
                .filter(|&(i, &c)| c > 0 || chosen.contains(&*names[i]))
                .map(|(i, &c)| {
                    let key = u64::from(order::count_first(c as usize)) << 32
                        | u64::from(values.ranks[i]);
                    (key, i as u32)
                })
                .collect();
            // Only the first few are shown: select them, sort those, and keep the chosen rest.
            let keep = TOP_FACET_VALUES.min(all.len());
            let cut = all.len() > keep;
            if keep > 0 && keep < all.len() {
                all.select_nth_unstable(keep - 1);
                let mut rest: Vec<order::Keyed> = all[keep..]
                    .iter()
                    .copied()
                    .filter(|&(_, i)| chosen.contains(&*names[i as usize]))
                    .collect();
                all.truncate(keep);
                order::sort(&mut all);
                order::sort(&mut rest);
                all.extend(rest);
            } else {
                order::sort(&mut all);
            }
            let listed = all
                .into_iter()
                .map(|(_, i)| CategoryCount {
                    name: names[i as usize].to_string(),
                    count: counts[i as usize] as usize,
                })
                .collect::<Vec<_>>();
            (listed, cut)
        };
        let years: Vec<String> = self.years.iter().map(|&y| year_label(y)).collect();
        let ((authors, more_authors), (tags, more_tags)) = if people {
            (
                top(&self.authors, n_author, &filter.authors),
                top(&self.tags, n_tag, &filter.tags),
            )
        } else {
            Default::default()
        };
        Outcome {
            total,
            matches: ordered,
            categories: named(&self.categories, n_cat),
            authors,
            tags,
            more_authors,
            more_tags,
            years: named(&years, n_year),
            query,
        }
    }
}

/// The stories `0..n` for which `keep` holds, in order. Each story is written and the end moves
/// on only if it is kept, so there is no branch to mispredict when about half are kept, as for
/// a prefix of one or two letters.
fn gather(n: usize, keep: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut out = vec![0u32; n];
    let mut len = 0;
    for doc in 0..n {
        out[len] = doc as u32;
        len += usize::from(keep(doc));
    }
    out.truncate(len);
    out
}

fn stable_ties(matches: &mut [usize], articles: &[Article]) {
    let mut start = 0;
    while start < matches.len() {
        let t = articles[matches[start]].published;
        let mut end = start + 1;
        while end < matches.len() && articles[matches[end]].published == t {
            end += 1;
        }
        if end - start > 1 {
            let mut run: Vec<order::Keyed> =
                matches[start..end].iter().map(|&d| (d as u64, 0)).collect();
            order::sort(&mut run);
            for (m, (d, _)) in matches[start..end].iter_mut().zip(run) {
                *m = d as usize;
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str, category: &str, published: i64) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            url: None,
            external_url: None,
            category: category.into(),
            published: Timestamp(published),
            summary: None,
            content_text: None,
            content_html: None,
            image: None,
            authors: vec![],
            tags: vec![],
            language: None,
        }
    }

    const NOW: Timestamp = Timestamp(1_800_000_000);
    const DAY: i64 = 86_400;

    fn catalog() -> Catalog {
        let mut a = vec![
            story(
                "a",
                "Stablecoin rules agreed in Zürich",
                "Policy",
                NOW.0 - 2 * 3600,
            ),
            story("b", "Miners move north", "Markets", NOW.0 - 3 * DAY),
            story("c", "On-chain résumé pilot", "Technology", NOW.0 - 20 * DAY),
            story("d", "Łódź trials a city token", "Policy", NOW.0 - 200 * DAY),
            story("e", "Exchange outage", "Markets", NOW.0 - 900 * DAY),
            story("f", "Exchange outage, again", "Markets", NOW.0 - 900 * DAY),
        ];
        a[1].summary = Some("Hash rate migrates to colder regions".into());
        a[2].authors = vec!["Zoë Lindqvist".into()];
        a[4].tags = vec!["exchanges".into(), "outages".into()];
        Catalog::new(a)
    }

    fn ids(c: &Catalog, f: &Filter) -> Vec<String> {
        c.apply(f, NOW, usize::MAX)
            .matches
            .iter()
            .map(|&i| c.articles()[i].id.clone())
            .collect()
    }

    /// The ids of the stories `query` finds in `c`, in id order.
    fn found_in(c: &Catalog, query: &str) -> Vec<String> {
        let mut v = ids(c, &q(query));
        v.sort();
        v
    }

    fn q(query: &str) -> Filter {
        Filter {
            query: query.into(),
            ..Filter::default()
        }
    }

    #[test]
    fn shown_stories_keep_their_places_as_more_arrive_and_the_best_others_follow() {
        // The first part of a feed, then all of it: the newer stories come later.
        let all = catalog().articles().to_vec();
        let part = Catalog::new(all[3..].to_vec());
        let whole = Catalog::new([&all[3..], &all[..3]].concat());
        let f = Filter::default();
        let shown = part.apply(&f, NOW, 2).matches;
        let named = |c: &Catalog, m: &[usize]| -> Vec<String> {
            m.iter().map(|&i| c.articles()[i].id.clone()).collect()
        };
        assert_eq!(named(&part, &shown), ["d", "e"]);
        let mut again = whole.apply(&f, NOW, 4);
        assert_eq!(named(&whole, &again.matches), ["a", "b", "c", "d"]);
        again.keep_places(&shown, &part, &whole);
        assert_eq!(named(&whole, &again.matches), ["d", "e", "a", "b"]);
        assert_eq!(again.total, 6);

        // A story no longer there is dropped; the answer never grows past its own length.
        let fewer = Catalog::new(all[..4].to_vec());
        let mut short = fewer.apply(&f, NOW, 2);
        short.keep_places(&shown, &part, &fewer);
        assert_eq!(named(&fewer, &short.matches), ["d", "a"]);
        let mut none = fewer.apply(&q("nothing like it"), NOW, 2);
        none.keep_places(&shown, &part, &fewer);
        assert!(none.matches.is_empty());
        // Numbers from another catalog are ignored.
        let mut odd = whole.apply(&f, NOW, 2);
        odd.keep_places(&[99], &part, &whole);
        assert_eq!(named(&whole, &odd.matches), ["a", "b"]);
    }

    #[test]
    fn no_filter_lists_everything_newest_first_with_ties_in_document_order() {
        let c = catalog();
        assert_eq!(ids(&c, &Filter::default()), ["a", "b", "c", "d", "e", "f"]);
        let oldest = Filter {
            sort: SortOrder::Oldest,
            ..Filter::default()
        };
        let newest = Filter {
            sort: SortOrder::Newest,
            ..Filter::default()
        };
        assert_eq!(
            ids(&c, &newest),
            ids(&c, &Filter::default()),
            "no query: relevance is newest"
        );
        assert_eq!(ids(&c, &oldest), ["e", "f", "d", "c", "b", "a"]);
    }

    #[test]
    fn undated_stories_come_last_in_either_date_order() {
        let a = vec![
            story("u1", "Undated one", "Policy", Timestamp::UNDATED.0),
            story("new", "Newer", "Policy", NOW.0 - DAY),
            story("u2", "Undated two", "Policy", Timestamp::UNDATED.0),
            story("old", "Older", "Policy", NOW.0 - 9 * DAY),
        ];
        let c = Catalog::new(a);
        let by = |sort| Filter {
            sort,
            ..Filter::default()
        };
        assert_eq!(ids(&c, &by(SortOrder::Newest)), ["new", "old", "u1", "u2"]);
        assert_eq!(ids(&c, &by(SortOrder::Oldest)), ["old", "new", "u1", "u2"]);
        let week = Filter {
            date: DatePreset::PastWeek,
            ..Filter::default()
        };
        assert_eq!(ids(&c, &week), ["new"]);
    }

    #[test]
    fn a_json_feeds_authors_given_after_its_stories_are_searched_and_counted() {
        let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "1", "title": "Ferry news", "date_published": "2024-01-01T00:00:00Z"},
            {"id": "2", "title": "Tide tables", "date_published": "2024-01-02T00:00:00Z",
             "authors": [{"name": "Bo Ek"}]}],
            "authors": [{"name": "Harbour Desk"}]}"#;
        let mut reader = crate::load::Reader::new(None);
        reader.push(doc.as_bytes()).unwrap();
        reader.end_of_input();
        let mut b = CatalogBuilder::with_capacity(2);
        while reader.read(usize::MAX, &mut |a| b.push(a)).unwrap() == crate::load::Step::More {}
        // Before the end, the story has no author yet.
        assert!(b.articles()[0].authors.is_empty());
        b.complete(&reader.finish().unwrap());
        let c = b.finish();
        assert_eq!(c.articles()[0].authors, ["Harbour Desk"]);
        assert_eq!(c.articles()[1].authors, ["Bo Ek"]);
        assert_eq!(ids(&c, &q("harbour")), ["1"]);
        let out = c.apply(&Filter::default(), NOW, 10);
        assert!(out
            .authors
            .iter()
            .any(|a| a.name == "Harbour Desk" && a.count == 1));
    }

    #[test]
    fn a_feed_title_given_after_its_stories_is_searched_as_their_category() {
        let doc = r#"{"items": [{"id": "1", "title": "Ferry news", "date_published": "2024-01-01T00:00:00Z"}],
            "title": "Harbour Notes", "version": "https://jsonfeed.org/version/1.1"}"#;
        let mut reader = crate::load::Reader::new(None);
        reader.push(doc.as_bytes()).unwrap();
        reader.end_of_input();
        let mut b = CatalogBuilder::with_capacity(1);
        while reader.read(usize::MAX, &mut |a| b.push(a)).unwrap() == crate::load::Step::More {}
        b.complete(&reader.finish().unwrap());
        let c = b.finish();
        assert_eq!(c.articles()[0].category, "Harbour Notes");
        assert_eq!(ids(&c, &q("harbour")), ["1"]);
        assert!(
            ids(&c, &q("other")).is_empty(),
            "the placeholder category is gone"
        );
    }

    #[test]
    fn search_ignores_case_and_accents_in_both_directions() {
        let c = catalog();
        assert_eq!(ids(&c, &q("resume")), ["c"]);
        assert_eq!(ids(&c, &q("RÉSUMÉ")), ["c"]);
        assert_eq!(ids(&c, &q("zurich")), ["a"]);
        assert_eq!(ids(&c, &q("lodz")), ["d"]);
        assert_eq!(ids(&c, &q("zoe")), ["c"], "authors are searched");
        assert_eq!(
            ids(&c, &q("outages")),
            ["e", "f"],
            "tags are searched; the word's other number in a headline ranks with it"
        );
        assert_eq!(ids(&c, &q("colder")), ["b"], "summaries are searched");
    }

    #[test]
    fn every_word_must_match_the_start_of_a_word() {
        let c = catalog();
        assert_eq!(ids(&c, &q("exchange outage")), ["e", "f"]);
        assert_eq!(ids(&c, &q("exchange again")), ["f"]);
        assert_eq!(
            ids(&c, &q("exchnage again")),
            ["f"],
            "one typo in a long word"
        );
        assert_eq!(
            ids(&c, &q("exch")),
            ["e", "f"],
            "the last word matches as a prefix"
        );
        assert!(
            ids(&c, &q("exch outage")).is_empty(),
            "earlier words must be whole"
        );
        assert!(ids(&c, &q("change")).is_empty(), "word middles do not");
        assert!(ids(&c, &q("exchange banana")).is_empty());
        assert_eq!(
            ids(&c, &q("  ,,  ")).len(),
            6,
            "a query of punctuation is no query"
        );
    }

    #[test]
    fn date_presets_count_back_from_now() {
        let c = catalog();
        let d = |date| Filter {
            date,
            ..Filter::default()
        };
        assert_eq!(ids(&c, &d(DatePreset::PastDay)), ["a"]);
        assert_eq!(ids(&c, &d(DatePreset::PastWeek)), ["a", "b"]);
        assert_eq!(ids(&c, &d(DatePreset::PastMonth)), ["a", "b", "c"]);
        assert_eq!(ids(&c, &d(DatePreset::PastYear)), ["a", "b", "c", "d"]);
        assert!(DatePreset::PastDay.contains(Timestamp(NOW.0 + 500), NOW));
        assert!(!DatePreset::PastDay.contains(Timestamp(NOW.0 - DAY - 1), NOW));
        // A clock or an offset a few hours ahead is still recent; a story dated weeks ahead
        // (scheduled, embargoed) is in no window.
        assert!(DatePreset::PastDay.contains(Timestamp(NOW.0 + 14 * 3600), NOW));
        assert!(!DatePreset::PastYear.contains(Timestamp(NOW.0 + 35 * DAY), NOW));
        assert!(DatePreset::AnyTime.contains(Timestamp(NOW.0 + 35 * DAY), NOW));
        for p in DatePreset::ALL {
            assert_eq!(DatePreset::from_key(p.key()), Some(p));
        }
    }

    #[test]
    fn the_newest_come_first_by_the_reader_s_days() {
        use crate::address::day_start;
        let day = day_start("2026-11-27").unwrap().0;
        // 05:00 UTC on the 27th is the evening of the 26th in Los Angeles (UTC-8), where a
        // story dated the 27th alone is the newer.
        let stories = || {
            vec![
                story("timed", "T", "X", day + 5 * 3600),
                story("day", "D", "X", day),
            ]
        };
        for sort in [SortOrder::Newest, SortOrder::Relevance] {
            let f = Filter {
                sort,
                ..Filter::default()
            };
            let la = Catalog::with_calendar(stories(), -8 * 3600);
            assert_eq!(ids(&la, &f), ["day", "timed"]);
            assert_eq!(ids(&Catalog::new(stories()), &f), ["timed", "day"]);
        }
        let oldest = Filter {
            sort: SortOrder::Oldest,
            ..Filter::default()
        };
        let la = Catalog::with_calendar(stories(), -8 * 3600);
        assert_eq!(ids(&la, &oldest), ["timed", "day"]);
    }

    #[test]
    fn names_that_differ_only_in_case_are_one_written_as_first_seen() {
        let mut a = story("a", "A", "Économie", NOW.0);
        a.tags = vec!["Inflation".into(), "inflation".into(), "ECB".into()];
        a.authors = vec!["Ann Lee".into()];
        let mut b = story("b", "B", "ÉCONOMIE", NOW.0 - 10);
        b.tags = vec!["INFLATION".into()];
        b.authors = vec!["ANN LEE".into()];
        let c = story("c", "C", "economie", NOW.0 - 20);
        let catalog = Catalog::new(vec![a, b, c]);
        // Accents are kept apart: "economie" is another word.
        assert_eq!(catalog.category_names(), ["Économie", "economie"]);
        assert_eq!(catalog.articles()[1].category, "Économie");
        assert_eq!(catalog.articles()[0].tags, ["Inflation", "ECB"]);
        assert_eq!(catalog.articles()[1].tags, ["Inflation"]);
        assert_eq!(catalog.articles()[1].authors, ["Ann Lee"]);
        let out = catalog.apply(&Filter::default(), NOW, 10);
        let counts = |v: &[CategoryCount]| {
            v.iter()
                .map(|c| (c.name.clone(), c.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            counts(&out.categories),
            [("Économie".into(), 2), ("economie".into(), 1)]
        );
        assert_eq!(counts(&out.tags)[0], ("Inflation".into(), 2));
        assert_eq!(counts(&out.authors), [("Ann Lee".into(), 2)]);
    }

    #[test]
    fn names_whose_capitals_are_other_letters_are_one_too() {
        let a = story("a", "A", "Straße", NOW.0);
        let b = story("b", "B", "STRASSE", NOW.0 - 10);
        let c = story("c", "C", "ΟΔΟΣ", NOW.0 - 20);
        let d = story("d", "D", "οδοσ", NOW.0 - 30);
        let catalog = Catalog::new(vec![a, b, c, d]);
        assert_eq!(catalog.category_names(), ["Straße", "ΟΔΟΣ"]);
        assert_eq!(catalog.category_spelt("strasse"), Some("Straße"));
    }

    #[test]
    fn categories_combine_with_or_and_counts_ignore_their_own_selection() {
        let c = catalog();
        assert_eq!(c.category_names(), ["Markets", "Policy", "Technology"]);
        let mut f = Filter::default();
        f.categories.insert("Policy".into());
        let out = c.apply(&f, NOW, usize::MAX);
        let got: Vec<_> = out
            .categories
            .iter()
            .map(|c| (c.name.as_str(), c.count))
            .collect();
        assert_eq!(got, [("Markets", 3), ("Policy", 2), ("Technology", 1)]);
        assert_eq!(ids(&c, &f), ["a", "d"]);
        f.categories.insert("Technology".into());
        assert_eq!(ids(&c, &f), ["a", "c", "d"]);
        f.query = "outage".into();
        let out = c.apply(&f, NOW, usize::MAX);
        assert!(out.matches.is_empty());
        let got: Vec<_> = out.categories.iter().map(|c| c.count).collect();
        assert_eq!(got, [2, 0, 0], "counts follow the search");
    }

    #[test]
    fn a_longer_word_never_ranks_above_the_word_typed() {
        let c = Catalog::new(vec![
            story("trumps", "Trumps a rival", "X", NOW.0 - 100),
            story("joined", "Trump-Signed letter", "X", NOW.0),
            story("more", "Trumps again", "X", NOW.0 - 200),
        ]);
        // (Still typed: "trumps" stands for "trumpsigned" too.)
        let found = ids(&c, &q("trumps"));
        assert_eq!(
            found.last().map(String::as_str),
            Some("joined"),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_of_the_stories_own_is_no_typo_of_another() {
        let c = Catalog::new(vec![
            story("house", "White House talks", "X", NOW.0),
            story("mouse", "While the mouse slept", "X", NOW.0),
            story("plural", "Pipelines reroute", "X", NOW.0),
            story("one", "Pipeline approved", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        assert_eq!(
            found("white "),
            ["house"],
            "\"white\" is a word: not \"while\""
        );
        assert_eq!(found("whike "), ["house", "mouse"], "a typo finds both");
        assert_eq!(
            found("pipeline "),
            ["one", "plural"],
            "one letter more at the end"
        );
        assert_eq!(found("pipelines "), ["one", "plural"], "one letter less");
    }

    #[test]
    fn a_number_is_found_as_written_not_by_another_one_edit_away() {
        let c = Catalog::new(vec![
            story(
                "fossil",
                "Worms revived after 24,000-year-old sleep",
                "X",
                NOW.0,
            ),
            story("jobs", "2,000 jobs cut", "X", NOW.0),
            story("fans", "25,000 fans", "X", NOW.0),
            story("beds", "A 1,000-bed hospital in ten days", "X", NOW.0),
            story("plain", "1000 days", "X", NOW.0),
            story("steps", "10,000 steps", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        assert_eq!(found("24,000 "), ["fossil"]);
        assert_eq!(found("24000 "), ["fossil"]);
        assert_eq!(found("1,000 "), ["beds", "plain"]);
        assert_eq!(found("hospital 1000 "), ["beds"]);
        // A whole group of three ends the number: "1,000" does not start "10,000".
        assert_eq!(found("1,000"), ["beds", "plain"]);
        assert_eq!(found("1000"), ["beds", "plain", "steps"]);
    }

    #[test]
    fn a_short_word_finds_its_form_with_or_without_a_final_s() {
        let c = Catalog::new(vec![
            story("gun", "Gun law passes", "X", NOW.0),
            story("guns", "Guns seized", "X", NOW.0 - 10),
            story("news", "Local news", "X", NOW.0),
            story("new", "A new bridge", "X", NOW.0),
            story("bus", "Bus fares rise", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        assert_eq!(found("guns "), ["gun", "guns"]);
        assert_eq!(found("gun "), ["gun", "guns"]);
        assert_eq!(
            ids(&c, &q("guns ")),
            ["guns", "gun"],
            "the word typed first"
        );
        assert_eq!(found("news "), ["news"], "\"news\" is not \"new\"");
        assert_eq!(found("bu "), Vec::<String>::new());
        assert_eq!(found("\"gun\""), ["gun"], "quoted, a word is only itself");
    }

    #[test]
    fn a_word_with_a_minus_before_it_leaves_its_stories_out() {
        let c = Catalog::new(vec![
            story("both", "Biden and Trump debate", "X", NOW.0),
            story("biden", "Biden signs the bill", "X", NOW.0),
            story("trump", "Trump's rally", "X", NOW.0),
            story("other", "Harbour news: the mayor's won't", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        assert_eq!(found("biden -trump"), ["biden"]);
        assert_eq!(found("-trump"), ["biden", "other"]);
        assert_eq!(found("-trump -biden"), ["other"]);
        // A word left out is whole as typed, and while typed, from its third letter on: no
        // story vanishes on the way to it.
        assert_eq!(found("biden -tr"), ["biden", "both"]);
        assert_eq!(found("-t"), ["biden", "both", "other", "trump"]);
        // With the words it joins, or as a phrase, all of them: not every possessive.
        assert_eq!(found("-trump's "), ["biden", "both", "other"]);
        assert_eq!(found("-\"biden signs\" biden"), ["both"]);
        // Without a word left out, all sixteen words a query may hold must match.
        let words: Vec<String> = (0..16).map(|k| format!("word{k}")).collect();
        let c = Catalog::new(vec![story("fifteen", &words[..15].join(" "), "X", NOW.0)]);
        assert!(found_in(&c, &format!("{} ", words.join(" "))).is_empty());
        assert_eq!(
            found_in(&c, &format!("{} ", words[..15].join(" "))),
            ["fifteen"]
        );
    }

    #[test]
    fn a_letter_stuck_to_a_word_is_read_with_it() {
        let c = Catalog::new(vec![
            story("att", "AT&T raises prices", "X", NOW.0),
            story("wont", "Osaka won't play at Tokyo", "X", NOW.0),
            story("us", "U.S. jobs report", "X", NOW.0),
            story("possessive", "The bus's route and its users", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        assert_eq!(found("AT&T"), ["att"]);
        assert_eq!(found("at&t "), ["att"]);
        assert_eq!(found("U.S."), ["us"]);
    }

    #[test]
    fn a_typo_in_the_word_being_typed_finds_the_words_it_starts() {
        let c = Catalog::new(vec![
            story("office", "Presidential race tightens", "X", NOW.0),
            story("person", "The president spoke", "X", NOW.0 - 10),
            story("resident", "A resident complains", "X", NOW.0),
            story("preside", "Judges preside", "X", NOW.0),
            story("prose", "Prose and poetry", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        // No word starts with "presidn": the words that start one edit away stand for it.
        assert_eq!(found("presidn"), ["office", "person", "preside"]);
        assert_eq!(
            found("prseiden"),
            ["office", "person"],
            "two letters swapped"
        );
        assert_eq!(
            found("xpresid"),
            ["office", "person", "preside"],
            "one too many"
        );
        // Words start with what was typed: no typo is looked for in their starts.
        assert_eq!(found("presid"), ["office", "person", "preside"]);
        assert_eq!(found("resid"), ["resident"]);
        // A finished word is whole, and short words get no typos.
        assert_eq!(found("presidn "), ["preside"]);
        assert!(found("prsi").is_empty());
        // A word of the stories' own is what was typed, not a typo: it stands for it alone.
        let mut a = c.articles().to_vec();
        a.push(story("exact", "Presidn is a name", "X", NOW.0 - 100));
        let c = Catalog::new(a);
        assert_eq!(ids(&c, &q("presidn")), ["exact"]);
    }

    #[test]
    fn ranking_puts_headline_matches_first_then_newer_on_ties() {
        let mut a = vec![
            story("summary-only", "Budget talks", "X", NOW.0 - 10),
            story("headline", "Pipeline approved", "X", NOW.0 - 1000),
            story("tag-only", "Council meets", "X", NOW.0),
            story("plural", "Pipelines reroute", "X", NOW.0 - 5),
            story("headline-newer", "Pipeline approved", "X", NOW.0 - 500),
        ];
        a[0].summary = Some("A pipeline is mentioned in passing here.".into());
        a[2].tags = vec!["pipeline".into()];
        let c = Catalog::new(a);
        let got = ids(&c, &q("pipeline "));
        assert_eq!(
            got,
            [
                "headline-newer",
                "headline",
                "plural",
                "summary-only",
                "tag-only",
            ]
        );
        // The other way round: the word itself first, its other number with it, before the
        // summary's and the tag's.
        assert_eq!(
            ids(&c, &q("pipelines ")),
            [
                "plural",
                "headline-newer",
                "headline",
                "summary-only",
                "tag-only"
            ]
        );
        let mut a = vec![
            story("summary", "Budget talks", "X", NOW.0),
            story("headline", "Wallet makers merge", "X", NOW.0 - 1000),
        ];
        a[0].summary = Some("Digital wallets are mentioned in passing here.".into());
        let c = Catalog::new(a);
        assert_eq!(
            ids(&c, &q("wallets ")),
            ["headline", "summary"],
            "a word's other number is no typo: it ranks with the word itself"
        );
    }

    #[test]
    fn the_outcome_says_when_more_authors_or_tags_match_than_are_listed() {
        let with = |n: usize| {
            let stories = (0..n)
                .map(|i| {
                    let mut s = story(&format!("s{i}"), "Harbour news", "X", NOW.0 - DAY);
                    s.authors = vec![format!("Author {i}")];
                    s.tags = vec!["news".into()];
                    s
                })
                .collect();
            Catalog::new(stories).apply(&q(""), NOW, 12)
        };
        let twelve = with(TOP_FACET_VALUES);
        assert_eq!(twelve.authors.len(), TOP_FACET_VALUES);
        assert!(!twelve.more_authors && !twelve.more_tags);
        let thirteen = with(TOP_FACET_VALUES + 1);
        assert_eq!(thirteen.authors.len(), TOP_FACET_VALUES);
        assert!(thirteen.more_authors && !thirteen.more_tags);
    }

    #[test]
    fn a_story_is_found_by_its_id_its_address_or_its_page() {
        let mut a = story("a", "Harbour", "Local", NOW.0);
        a.url = Some("https://news.example/harbour/".into());
        let mut b = story(
            "https://news.example/harbour",
            "Id like a page",
            "Local",
            NOW.0,
        );
        b.url = Some("https://news.example/other".into());
        let c = Catalog::new(vec![a, b]);
        assert_eq!(c.find(" a "), Some(0));
        assert_eq!(c.find("https://news.example/harbour/"), Some(0));
        // An id written as an address comes first, then the same page written another way.
        assert_eq!(c.find("https://news.example/harbour"), Some(1));
        assert_eq!(c.find("http://news.example/harbour/?utm_source=x"), Some(0));
        assert_eq!(c.find("https://news.example/harbours"), None);
        assert_eq!(c.find("b"), None);
    }

    #[test]
    fn a_category_name_finds_its_stories_after_the_headline_matches() {
        let c = Catalog::new(vec![
            story("a", "Lending pools shrink", "DeFi", NOW.0 - DAY),
            story("b", "What DeFi means for banks", "Policy", NOW.0 - 2 * DAY),
            story("c", "Mining rigs", "Mining", NOW.0),
        ]);
        let ids = |query: &str| -> Vec<String> {
            let out = c.apply(&q(query), NOW, 12);
            out.matches
                .iter()
                .map(|&i| c.articles()[i].id.clone())
                .collect()
        };
        assert_eq!(
            ids("defi"),
            ["b", "a"],
            "the headline ranks above the category"
        );
        assert_eq!(ids("polic"), ["b"]);
    }

    #[test]
    fn phrases_must_stand_together() {
        let mut a = vec![
            story("together", "White House responds", "X", NOW.0),
            story("apart", "House painted white", "X", NOW.0),
        ];
        a[1].summary = Some("white walls".into());
        let c = Catalog::new(a);
        assert_eq!(ids(&c, &q("\"white house\"")), ["together"]);
        // While the quote is open, the last word is a prefix: the phrase narrows as it grows.
        assert_eq!(ids(&c, &q("\"white ho")), ["together"]);
        assert!(ids(&c, &q("\"white ho\"")).is_empty());
        // A phrase being typed whose last word is one or two letters matches only where the
        // whole phrase stands.
        assert_eq!(ids(&c, &q("\"white h")), ["together"]);
        assert_eq!(ids(&c, &q("\"house p")), ["apart"]);
        assert_eq!(ids(&c, &q("\"white w")), ["apart"]);
        assert!(ids(&c, &q("\"white x")).is_empty());
        assert_eq!(found_in(&c, "white house"), ["apart", "together"]);
    }

    #[test]
    fn hyphenated_words_numbers_and_names_with_apostrophes_are_found_written_either_way() {
        let c = Catalog::new(vec![
            story("hyphen", "Workplace well-being matters", "X", NOW.0),
            story("one", "Wellbeing apps multiply", "X", NOW.0),
            story("apart", "Well, being there", "X", NOW.0),
            story("comma", "Factory cuts 1,200 jobs", "X", NOW.0),
            story("plain", "1200 jobs saved", "X", NOW.0),
            story("point", "Werk streicht 1.200 Stellen", "X", NOW.0),
            story("fraction", "Rates rise to 2.5 percent", "X", NOW.0),
            story("quote", "O’Brien says she'll stay", "X", NOW.0),
            story("bare", "Obrien returns", "X", NOW.0),
            story("oil", "Shell cuts output", "X", NOW.0),
        ]);
        let found = |query: &str| found_in(&c, query);
        for query in [
            "wellbeing ",
            "well-being ",
            "Well‐Being",
            "well-be",
            "wellbe",
        ] {
            assert_eq!(found(query), ["hyphen", "one"], "{query:?}");
        }
        assert_eq!(found("well being "), ["apart", "hyphen"], "words apart");
        assert_eq!(found("being "), ["apart", "hyphen"]);
        for query in ["1200 ", "1,200 ", "1.200 ", "1200", "1,200"] {
            assert_eq!(found(query), ["comma", "plain", "point"], "{query:?}");
        }
        // While a group is typed, its digits are a word of their own, as in the texts that
        // write the groups; "1200" is found again once the group is whole.
        assert_eq!(found("1,20"), ["comma", "point"]);
        assert!(found("25 ").is_empty(), "a fraction is no number's groups");
        assert_eq!(found("2.5 "), ["fraction"]);
        assert_eq!(found("\"1200 jobs\""), ["comma", "plain"]);
        assert_eq!(found("\"cuts 1,200 jobs\""), ["comma"]);
        assert_eq!(found("\"workplace wellbeing\""), ["hyphen"]);
        assert_eq!(found("\"workplace well-being matters\""), ["hyphen"]);
        assert_eq!(found("\"workplace well being\""), ["hyphen"]);
        for query in ["obrien ", "o'brien ", "O’BRIEN "] {
            assert_eq!(found(query), ["bare", "quote"], "{query:?}");
        }
        // A contraction is not joined: "shell" is not "she'll".
        assert_eq!(found("shell "), ["oil"]);
        // Nor is its ending a word being typed: "she'll" is not "she" and any "l" word.
        assert_eq!(found("she'll"), ["quote"]);
        assert_eq!(found("O’Brien says she'll"), ["quote"]);
        assert_eq!(found("\"she'll stay\""), ["quote"]);
    }

    #[test]
    fn a_phrase_never_runs_from_the_headline_into_the_summary() {
        let mut a = vec![
            story("across", "Paint it white", "X", NOW.0),
            story("within", "Summary holds it", "X", NOW.0),
        ];
        a[0].summary = Some("House rules apply".into());
        a[1].summary = Some("The White House said".into());
        let c = Catalog::new(a);
        assert_eq!(ids(&c, &q("\"white house\"")), ["within"]);
    }

    #[test]
    fn years_and_days_follow_the_reader_s_calendar() {
        use crate::address::day_start;
        // 2020-12-31 19:56 UTC is 2021-01-01 04:56 in Tokyo (UTC+9); 2021-01-01 16:00 UTC is
        // already 2 January there.
        let stories = || {
            vec![
                story(
                    "eve",
                    "A",
                    "X",
                    day_start("2020-12-31").unwrap().0 + 19 * 3600 + 56 * 60,
                ),
                story(
                    "late",
                    "B",
                    "X",
                    day_start("2021-01-01").unwrap().0 + 16 * 3600,
                ),
                story("none", "C", "X", Timestamp::UNDATED.0),
            ]
        };
        let new_year = Filter {
            from: day_start("2021-01-01"),
            until: day_start("2021-01-02"),
            ..Filter::default()
        };
        let years = |c: &Catalog| -> Vec<(String, usize)> {
            let out = c.apply(&Filter::default(), NOW, 10);
            out.years.into_iter().map(|y| (y.name, y.count)).collect()
        };
        let utc = Catalog::new(stories());
        assert_eq!(ids(&utc, &new_year), ["late"]);
        assert_eq!(
            years(&utc),
            [
                ("2021".into(), 1),
                ("2020".into(), 1),
                ("Undated".into(), 1)
            ]
        );
        let tokyo = Catalog::with_calendar(stories(), 9 * 3600);
        assert_eq!(tokyo.calendar(), 9 * 3600);
        assert_eq!(ids(&tokyo, &new_year), ["eve"]);
        assert_eq!(years(&tokyo), [("2021".into(), 2), ("Undated".into(), 1)]);
        let y2021 = Filter {
            years: [2021].into(),
            ..Filter::default()
        };
        assert_eq!(ids(&tokyo, &y2021).len(), 2);
        // West of UTC (New York, UTC-5), the evening of the 31st stays in 2020.
        let new_york = Catalog::with_calendar(stories(), -5 * 3600);
        assert_eq!(ids(&new_york, &new_year), ["late"]);
        // A day without a time (a bare date, midnight UTC) is that day in every calendar.
        let days = || vec![story("day", "D", "X", day_start("2021-01-01").unwrap().0)];
        for offset in [-11 * 3600, -5 * 3600, 0, 9 * 3600, 14 * 3600] {
            let c = Catalog::with_calendar(days(), offset);
            assert_eq!(ids(&c, &new_year), ["day"], "at {offset}");
            assert_eq!(years(&c), [("2021".into(), 1)], "at {offset}");
        }
    }

    #[test]
    fn limits_cut_the_list_but_never_the_count() {
        let c = catalog();
        let out = c.apply(&Filter::default(), NOW, 2);
        assert_eq!(out.total, 6);
        assert_eq!(out.matches.len(), 2);
        let out = c.apply(&q("exchange"), NOW, 1);
        assert_eq!((out.total, out.matches.len()), (2, 1));
    }

    /// A few hundred stories from a small vocabulary, with repeated and missing dates, so that
    /// scores and dates tie often.
    fn crowd() -> Catalog {
        const WORDS: [&str; 12] = [
            "tax", "tide", "trade", "talks", "court", "council", "cost", "storm", "state", "stock",
            "vote", "votes",
        ];
        let mut seed = 7u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % m
        };
        let a: Vec<Article> = (0..300)
            .map(|i| {
                let title: Vec<&str> = (0..1 + next(4)).map(|_| WORDS[next(12) as usize]).collect();
                let published = match next(10) {
                    0 => Timestamp::UNDATED.0,
                    k => NOW.0 - i64::from(k) * DAY,
                };
                let mut s = story(&format!("s{i}"), &title.join(" "), "X", published);
                if next(3) == 0 {
                    s.summary = Some(WORDS[next(12) as usize].to_string());
                }
                s
            })
            .collect();
        Catalog::new(a)
    }

    #[test]
    fn a_one_letter_query_lists_its_matches_newest_first_like_the_date_order() {
        let c = crowd();
        for letter in ["t", "s", "c", "v", "x"] {
            let mut want: Vec<usize> = (0..c.len())
                .filter(|&i| {
                    crate::search::tokens::tokens(&c.articles()[i].title)
                        .iter()
                        .chain(&crate::search::tokens::tokens(
                            c.articles()[i].summary.as_deref().unwrap_or(""),
                        ))
                        .chain(&crate::search::tokens::tokens(&c.articles()[i].category))
                        .any(|t| t.starts_with(letter))
                })
                .collect();
            // Newest first, undated last, ties in document order.
            want.sort_by_key(|&i| (std::cmp::Reverse(c.articles()[i].published), i));
            for limit in [1, 12, usize::MAX] {
                let got = c.apply(&q(letter), NOW, limit).matches;
                assert_eq!(got, want[..limit.min(want.len())], "{letter:?} {limit}");
            }
        }
    }

    #[test]
    fn counting_fewer_facets_changes_nothing_else() {
        // The crowd, with categories, authors and tags.
        let people = ["Ana", "Bo", "Cy"];
        let stories: Vec<Article> = crowd()
            .articles()
            .iter()
            .enumerate()
            .map(|(i, a)| Article {
                category: ["Politics", "Money", "Weather"][i % 3].into(),
                authors: people[..i % 4].iter().map(|p| p.to_string()).collect(),
                tags: vec![format!("t{}", i % 5)],
                ..a.clone()
            })
            .collect();
        let c = Catalog::new(stories);
        let mut with_author = q("st");
        with_author.authors = ["Bo".to_string()].into();
        let mut in_a_year = q("tax");
        in_a_year.years = [2023].into();
        let mut phrase = q("\"tax cost\"");
        phrase.categories = ["Politics".to_string()].into();
        for f in [
            q(""),
            q("t"),
            q("co"),
            q("vote"),
            with_author,
            in_a_year,
            phrase,
        ] {
            let all = c.apply(&f, NOW, 12);
            let some = c.apply_counting(&f, NOW, 12, Facets::CategoriesAndYears);
            assert!(
                !all.authors.is_empty() && !all.tags.is_empty() || all.total == 0,
                "{f:?}"
            );
            assert!(some.authors.is_empty() && some.tags.is_empty(), "{f:?}");
            let strip = |o: Outcome| Outcome {
                authors: Vec::new(),
                tags: Vec::new(),
                more_authors: false,
                more_tags: false,
                ..o
            };
            assert_eq!(strip(all), some, "{f:?}");
        }
    }

    #[test]
    fn a_two_letter_prefix_ranks_only_the_word_itself_then_lists_newest_first() {
        // Newest first: "court" (4), "cost" (3), "co" as a word (2, 1), "coast" (0).
        let c = Catalog::new(vec![
            story("coast", "Coast guard", "X", NOW.0 - 40),
            story("co-old", "Co op vote", "X", NOW.0 - 30),
            story("co-new", "Co founder leaves co op", "X", NOW.0 - 20),
            story("cost", "Cost of living", "X", NOW.0 - 10),
            story("court", "Court rules", "X", NOW.0),
            story("other", "Nothing here", "X", NOW.0),
        ]);
        // The stories with the word "co" first, by score (two mentions before one), then the
        // other words it begins, newest first.
        assert_eq!(
            ids(&c, &q("co")),
            ["co-new", "co-old", "court", "cost", "coast"]
        );
    }

    #[test]
    fn a_short_page_is_the_start_of_the_whole_ranking() {
        let c = crowd();
        for query in [
            "t",
            "ta",
            "st",
            "co",
            "vote",
            "votes ",
            "tax sto",
            "\"tax trade\"",
        ] {
            let all = c.apply(&q(query), NOW, usize::MAX);
            assert!(all.total > 0, "{query:?}");
            for limit in [0, 1, 5, 12, 100] {
                let page = c.apply(&q(query), NOW, limit);
                assert_eq!(page.total, all.total);
                assert_eq!(
                    page.matches,
                    all.matches[..limit.min(all.total)],
                    "{query:?}"
                );
            }
        }
    }

    #[test]
    fn custom_date_ranges_and_years_filter() {
        let c = catalog();
        let f = Filter {
            from: Some(Timestamp(NOW.0 - 21 * DAY)),
            until: Some(Timestamp(NOW.0 - DAY)),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &f), ["b", "c"]);
        let years = c.apply(&Filter::default(), NOW, 0).years;
        assert_eq!(years.iter().map(|y| y.count).sum::<usize>(), 6);
        let newest_year: i32 = years[0].name.parse().unwrap();
        let f = Filter {
            years: [newest_year].into(),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &f).len(), years[0].count);
    }

    #[test]
    fn unspaced_scripts_match_inside_words() {
        let c = Catalog::new(vec![story(
            "z",
            "中国移动成立元宇宙产业联盟",
            "Web3",
            NOW.0,
        )]);
        assert_eq!(ids(&c, &q("元宇宙")), ["z"]);
        assert!(ids(&c, &q("宇宙人")).is_empty());
        // Quoted too, closed or still being typed.
        assert_eq!(ids(&c, &q("\"元宇宙\"")), ["z"]);
        assert_eq!(ids(&c, &q("\"元宇宙")), ["z"]);
        assert!(ids(&c, &q("\"宇宙人\"")).is_empty());
    }

    #[test]
    fn unfiltered_ignores_order_only() {
        assert!(Filter::default().is_unfiltered());
        assert!(Filter {
            sort: SortOrder::Oldest,
            ..Filter::default()
        }
        .is_unfiltered());
        assert!(!q("x").is_unfiltered());
        assert!(q("   ").is_unfiltered());
        assert!(q("% \\ '").is_unfiltered());
    }
}
