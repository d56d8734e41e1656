//! Filtering: the reader's choices ([`Filter`]) applied to a loaded set ([`Catalog`]).
//!
//! A catalog is built once per article set: it folds each story's searchable text once, orders
//! the stories by date once, and numbers the categories. Each change of filter is then one pass
//! over that prepared data, with no allocation per story.

use crate::date::Timestamp;
use crate::model::Article;
use crate::text::{fold, is_unspaced_script};
use std::collections::{BTreeSet, HashMap};

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

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            DatePreset::AnyTime => "Any time",
            DatePreset::PastDay => "Past 24 hours",
            DatePreset::PastWeek => "Past week",
            DatePreset::PastMonth => "Past month",
            DatePreset::PastYear => "Past year",
        }
    }

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

    /// True if a story published at `t` falls in the window ending at `now`. Stories dated after
    /// `now` (a clock ahead of the reader's) count as recent.
    pub fn contains(self, t: Timestamp, now: Timestamp) -> bool {
        self.seconds().is_none_or(|s| t.0 >= now.0 - s)
    }
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Most recent first.
    #[default]
    Newest,
    /// Earliest first.
    Oldest,
}

impl SortOrder {
    /// Every order, as a menu lists them.
    pub const ALL: [SortOrder; 2] = [SortOrder::Newest, SortOrder::Oldest];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Newest => "Newest first",
            SortOrder::Oldest => "Oldest first",
        }
    }

    /// A short stable key.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
        }
    }

    /// The order with this key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words typed in the search box; every word must match the start of a word in the
    /// headline, summary, authors or tags, ignoring case and accents.
    pub query: String,
    /// Selected categories (any of them matches); empty for all.
    pub categories: BTreeSet<String>,
    /// The date window.
    pub date: DatePreset,
    /// The order.
    pub sort: SortOrder,
}

impl Filter {
    /// True when nothing narrows the list (the order does not count).
    pub fn is_unfiltered(&self) -> bool {
        self.query.trim().is_empty()
            && self.categories.is_empty()
            && self.date == DatePreset::AnyTime
    }
}

/// A category and how many stories it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryCount {
    /// The category's name.
    pub name: String,
    /// Stories in it that match every other active filter (search and date, not the category
    /// selection itself), so that choosing one category never turns the others' counts to zero.
    pub count: usize,
}

/// The answer to a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Indexes into [`Catalog::articles`] of the matching stories, in the requested order.
    pub matches: Vec<usize>,
    /// Every category of the set, in the catalog's fixed order, with its count.
    pub categories: Vec<CategoryCount>,
}

/// A loaded article set, prepared for filtering. Equality compares content; behind an `Rc`
/// (as the widget holds it) the pointer is compared first, so the usual check is cheap.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    articles: Vec<Article>,
    /// Per story: folded headline, summary, authors and tags, with a leading space so that
    /// " word" finds a word start.
    haystacks: Vec<String>,
    /// Per story: its category's number.
    category_of: Vec<u32>,
    /// Category names, most stories first, then by name.
    categories: Vec<String>,
    /// Per category: its colour swatch, distinct within the set where possible.
    swatches: Vec<u32>,
    /// Story indexes, newest first (ties: document order).
    by_date: Vec<usize>,
}

impl Catalog {
    /// Prepares a set of stories.
    pub fn new(articles: Vec<Article>) -> Self {
        let haystacks = articles.iter().map(haystack).collect();
        let mut totals: HashMap<&str, usize> = HashMap::new();
        for a in &articles {
            *totals.entry(a.category.as_str()).or_default() += 1;
        }
        let mut categories: Vec<(&str, usize)> = totals.into_iter().collect();
        categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let numbers: HashMap<&str, u32> = categories
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (*name, i as u32))
            .collect();
        let category_of = articles
            .iter()
            .map(|a| numbers[a.category.as_str()])
            .collect();
        let categories: Vec<String> = categories.into_iter().map(|(n, _)| n.to_string()).collect();
        let swatches = crate::palette::assign(categories.iter().map(String::as_str));
        let mut by_date: Vec<usize> = (0..articles.len()).collect();
        by_date.sort_by(|&a, &b| {
            articles[b]
                .published
                .cmp(&articles[a].published)
                .then(a.cmp(&b))
        });
        Catalog {
            articles,
            haystacks,
            category_of,
            categories,
            swatches,
            by_date,
        }
    }

    /// The stories, in document order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
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

    /// Applies a filter. `now` anchors the date window.
    pub fn apply(&self, filter: &Filter, now: Timestamp) -> Outcome {
        let terms = Terms::parse(&filter.query);
        let selected: Vec<bool> = self
            .categories
            .iter()
            .map(|c| filter.categories.contains(c))
            .collect();
        // A selection of names the set lacks matches nothing, as the filter says.
        let any_selected = !filter.categories.is_empty();
        let mut counts = vec![0usize; self.categories.len()];
        let mut matches = Vec::new();
        for &i in &self.by_date {
            if !filter.date.contains(self.articles[i].published, now)
                || !terms.matches(&self.haystacks[i])
            {
                continue;
            }
            let cat = self.category_of[i] as usize;
            counts[cat] += 1;
            if !any_selected || selected[cat] {
                matches.push(i);
            }
        }
        if filter.sort == SortOrder::Oldest {
            matches.reverse();
            // Reversing swaps the tie order too; keep document order among equal dates.
            stable_ties(&mut matches, &self.articles);
        }
        let categories = self
            .categories
            .iter()
            .zip(counts)
            .map(|(name, count)| CategoryCount {
                name: name.clone(),
                count,
            })
            .collect();
        Outcome {
            matches,
            categories,
        }
    }
}

fn stable_ties(matches: &mut [usize], articles: &[Article]) {
    let mut start = 0;
    while start < matches.len() {
        let t = articles[matches[start]].published;
        let mut end = start + 1;
        while end < matches.len() && articles[matches[end]].published == t {
            end += 1;
        }
        matches[start..end].sort_unstable();
        start = end;
    }
}

fn haystack(a: &Article) -> String {
    let mut s =
        String::with_capacity(a.title.len() + a.summary.as_ref().map_or(0, String::len) + 32);
    let mut push = |t: &str| {
        let f = fold(t);
        if !f.is_empty() {
            s.push(' ');
            s.push_str(&f);
        }
    };
    push(&a.title);
    if let Some(sum) = &a.summary {
        push(sum);
    }
    for x in a.authors.iter().chain(&a.tags) {
        push(x);
    }
    s
}

/// The words of a query, folded, each with a leading space for word-start matching (or none for
/// text in scripts written without spaces, which may match anywhere).
struct Terms(Vec<String>);

impl Terms {
    fn parse(query: &str) -> Self {
        Terms(
            fold(query)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if w.chars().any(is_unspaced_script) {
                        w.to_string()
                    } else {
                        format!(" {w}")
                    }
                })
                .collect(),
        )
    }

    fn matches(&self, haystack: &str) -> bool {
        self.0.iter().all(|t| haystack.contains(t.as_str()))
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
            category: category.into(),
            published: Timestamp(published),
            summary: None,
            content_text: None,
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
        c.apply(f, NOW)
            .matches
            .iter()
            .map(|&i| c.articles()[i].id.clone())
            .collect()
    }

    fn q(query: &str) -> Filter {
        Filter {
            query: query.into(),
            ..Filter::default()
        }
    }

    #[test]
    fn no_filter_lists_everything_newest_first_with_ties_in_document_order() {
        let c = catalog();
        assert_eq!(ids(&c, &Filter::default()), ["a", "b", "c", "d", "e", "f"]);
        let oldest = Filter {
            sort: SortOrder::Oldest,
            ..Filter::default()
        };
        assert_eq!(ids(&c, &oldest), ["e", "f", "d", "c", "b", "a"]);
    }

    #[test]
    fn search_ignores_case_and_accents_in_both_directions() {
        let c = catalog();
        assert_eq!(ids(&c, &q("resume")), ["c"]);
        assert_eq!(ids(&c, &q("RÉSUMÉ")), ["c"]);
        assert_eq!(ids(&c, &q("zurich")), ["a"]);
        assert_eq!(ids(&c, &q("lodz")), ["d"]);
        assert_eq!(ids(&c, &q("zoe")), ["c"], "authors are searched");
        assert_eq!(ids(&c, &q("outages")), ["e"], "tags are searched");
        assert_eq!(ids(&c, &q("colder")), ["b"], "summaries are searched");
    }

    #[test]
    fn every_word_must_match_the_start_of_a_word() {
        let c = catalog();
        assert_eq!(ids(&c, &q("exchange outage")), ["e", "f"]);
        assert_eq!(ids(&c, &q("exchange again")), ["f"]);
        assert_eq!(ids(&c, &q("exch")), ["e", "f"], "prefixes match");
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
        for p in DatePreset::ALL {
            assert_eq!(DatePreset::from_key(p.key()), Some(p));
        }
    }

    #[test]
    fn categories_combine_with_or_and_counts_ignore_their_own_selection() {
        let c = catalog();
        assert_eq!(c.category_names(), ["Markets", "Policy", "Technology"]);
        let mut f = Filter::default();
        f.categories.insert("Policy".into());
        let out = c.apply(&f, NOW);
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
        let out = c.apply(&f, NOW);
        assert!(out.matches.is_empty());
        let got: Vec<_> = out.categories.iter().map(|c| c.count).collect();
        assert_eq!(got, [2, 0, 0], "counts follow the search");
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
    }
}
