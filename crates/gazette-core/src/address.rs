//! A filter in a page address, so that a copied link reproduces the view.
//!
//! Parameters (each under the widget's own prefix, e.g. `gz.q`, so several widgets share one
//! address): `q` the search text; `cat`, `author`, `tag`, `year` the facet selections (repeated
//! for several values); `date` the date window (`day`, `week`, `month`, `year`); `from` and `to`
//! a custom range of whole days, `YYYY-MM-DD`, both included, in UTC; `sort` (`relevance`,
//! `newest`, `oldest`); `page` how many pages are shown; `story` the id of the story open in
//! the article view.
//!
//! The address holds what differs from the widget's first view, its `base` (the page's preset
//! categories, and what it asked for before the stories were in): an address with no parameters
//! is the first view, so Back returns to it. A filter the reader emptied where the base has one
//! is written with an empty value (`cat=`: every category; `q=`: no search; `from=`, `to=`: no first or last day).

use crate::date::{civil_from_days, parse_date, Timestamp};
use crate::filter::{DatePreset, Filter, SortOrder};
use crate::search::query::within_limit;

/// What a widget's part of the page address describes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The search and filters.
    pub filter: Filter,
    /// How many pages of matches are shown (at least 1).
    pub pages: usize,
    /// The id of the open story, if one is open.
    pub story: Option<String>,
}

/// The parameters of a view, in a stable order: what differs from `base`.
pub fn encode(view: &View, base: &Filter) -> Vec<(&'static str, String)> {
    let (filter, pages) = (&view.filter, view.pages);
    let mut out = Vec::new();
    if filter.query.trim() != base.query.trim() {
        out.push(("q", filter.query.clone()));
    }
    // A set that differs: its values, or one empty value for none.
    fn set<T: Ord + ToString>(
        out: &mut Vec<(&'static str, String)>,
        name: &'static str,
        now: &crate::set::Set<T>,
        base: &crate::set::Set<T>,
    ) {
        if now != base {
            out.extend(now.iter().map(|v| (name, v.to_string())));
            if now.is_empty() {
                out.push((name, String::new()));
            }
        }
    }
    set(&mut out, "cat", &filter.categories, &base.categories);
    set(&mut out, "author", &filter.authors, &base.authors);
    set(&mut out, "tag", &filter.tags, &base.tags);
    set(&mut out, "year", &filter.years, &base.years);
    if filter.date != base.date {
        out.push(("date", filter.date.key().to_string()));
    }
    if filter.from != base.from {
        out.push(("from", filter.from.map(day_string).unwrap_or_default()));
    }
    if filter.until != base.until {
        out.push(("to", filter.until.map(last_day_string).unwrap_or_default()));
    }
    if filter.sort != base.sort {
        out.push(("sort", filter.sort.key().to_string()));
    }
    if pages > 1 {
        out.push(("page", pages.to_string()));
    }
    if let Some(id) = &view.story {
        out.push(("story", id.clone()));
    }
    out
}

/// `first`'s parameters, but for those of a name `then` has: `then`'s (a link's choices, then
/// the reader's since, say).
pub fn merge(first: &[(String, String)], then: &[(&'static str, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = first
        .iter()
        .filter(|(k, _)| !then.iter().any(|(n, _)| n == k))
        .cloned()
        .collect();
    out.extend(then.iter().map(|(k, v)| (k.to_string(), v.clone())));
    out
}

/// `value` encoded as a query-string value the way browsers write forms
/// (`application/x-www-form-urlencoded`, as `URLSearchParams` does): letters, digits and
/// `*-._` stay, a space becomes `+`, every other byte of its UTF-8 is `%XX`.
pub fn form_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for &b in value.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out
}

/// The view that parameters describe: `base`, with what they change. Unknown names and values
/// that do not parse are ignored, so a hand-edited or stale link still opens.
pub fn decode<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>, base: &Filter) -> View {
    let mut f = base.clone();
    // A set named in the address replaces the base's. Its values are gathered, then sorted once
    // (an address may hold thousands).
    let mut named: [Option<Vec<String>>; 3] = Default::default();
    let mut years: Option<Vec<i32>> = None;
    let mut pages = 1;
    let mut story = None;
    for (k, v) in params {
        match k {
            "q" => f.query = within_limit(v).to_string(),
            "cat" | "author" | "tag" => {
                let i = match k {
                    "cat" => 0,
                    "author" => 1,
                    _ => 2,
                };
                let values = named[i].get_or_insert_with(Vec::new);
                if !v.is_empty() {
                    values.push(v.to_string());
                }
            }
            "year" => {
                let values = years.get_or_insert_with(Vec::new);
                if let Ok(y) = v.parse() {
                    values.push(y);
                }
            }
            "date" => f.date = DatePreset::from_key(v).unwrap_or(f.date),
            // (Empty: no first or last day, where the first view has one.)
            "from" if v.is_empty() => f.from = None,
            "to" if v.is_empty() => f.until = None,
            "from" => f.from = day_start(v).or(f.from),
            "to" => f.until = day_end(v).or(f.until),
            "sort" => f.sort = SortOrder::from_key(v).unwrap_or(f.sort),
            "page" => pages = v.parse::<usize>().unwrap_or(1).clamp(1, 100),
            // Whole: a story's id may be long (a feed's guid can be a long tracking address),
            // and a cut one may be another story's.
            "story" if !v.is_empty() => story = Some(v.to_string()),
            _ => {}
        }
    }
    let [categories, authors, tags] = named;
    for (set, values) in [
        (&mut f.categories, categories),
        (&mut f.authors, authors),
        (&mut f.tags, tags),
    ] {
        if let Some(values) = values {
            *set = values.into_iter().collect();
        }
    }
    if let Some(years) = years {
        f.years = years.into_iter().collect();
    }
    View {
        filter: f,
        pages,
        story,
    }
}

/// Midnight UTC at the start of a `YYYY-MM-DD` day.
pub fn day_start(day: &str) -> Option<Timestamp> {
    (day.len() == 10).then_some(())?;
    parse_date(day).ok().map(|(t, _)| t)
}

/// The end of a range whose last day is `day` (`YYYY-MM-DD`): the next midnight, as
/// [`Filter::until`](crate::Filter::until) holds it.
pub fn day_end(day: &str) -> Option<Timestamp> {
    day_start(day).map(|t| Timestamp(t.0 + 86_400))
}

/// The last day (`YYYY-MM-DD`) of a range that ends at `until`: [`day_end`] read backwards.
pub fn last_day_string(until: Timestamp) -> String {
    day_string(Timestamp(until.0 - 86_400))
}

/// The `YYYY-MM-DD` day (UTC) of a moment.
pub fn day_string(t: Timestamp) -> String {
    let (y, m, d) = civil_from_days(t.0.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding_is_the_one_browsers_use() {
        // The same as `new URLSearchParams({v}).toString()` in a browser, after "v=".
        assert_eq!(form_encode("abc-XYZ_0.9*"), "abc-XYZ_0.9*");
        assert_eq!(
            form_encode("a b&c=d/e?f#g+h"),
            "a+b%26c%3Dd%2Fe%3Ff%23g%2Bh"
        );
        assert_eq!(form_encode("Zoë 東京"), "Zo%C3%AB+%E6%9D%B1%E4%BA%AC");
        assert_eq!(form_encode("~!'()"), "%7E%21%27%28%29");
        assert_eq!(form_encode(""), "");
    }

    #[test]
    fn a_filter_survives_the_round_trip() {
        let f = Filter {
            query: "climate \"white house\"".into(),
            categories: ["Politics".to_string(), "World News".to_string()].into(),
            authors: ["Zoë Lindqvist".to_string()].into(),
            tags: ["a&b=c".to_string()].into(),
            years: [2023, 2024].into(),
            date: DatePreset::PastYear,
            from: day_start("2024-01-05"),
            until: day_start("2024-02-01"),
            sort: SortOrder::Oldest,
        };
        let view = View {
            filter: f,
            pages: 3,
            story: Some("story/1?x=&y".into()),
        };
        let params = encode(&view, &Filter::default());
        assert!(
            params.contains(&("to", "2024-01-31".to_string())),
            "{params:?}"
        );
        assert_eq!(
            decode(
                params.iter().map(|(k, v)| (*k, v.as_str())),
                &Filter::default()
            ),
            view
        );
    }

    #[test]
    fn a_long_story_id_comes_back_whole() {
        for n in [499, 500, 501, 5_000] {
            let view = View {
                pages: 1,
                story: Some("x".repeat(n)),
                ..View::default()
            };
            let params = encode(&view, &Filter::default());
            let back = decode(
                params.iter().map(|(k, v)| (*k, v.as_str())),
                &Filter::default(),
            );
            assert_eq!(back, view, "{n} characters");
        }
    }

    #[test]
    fn defaults_are_left_out_and_junk_is_ignored() {
        let empty = View {
            pages: 1,
            ..View::default()
        };
        let none = Filter::default();
        assert!(encode(&empty, &none).is_empty());
        let spaces = View {
            filter: Filter {
                query: "   ".into(),
                ..Filter::default()
            },
            ..empty.clone()
        };
        assert!(
            encode(&spaces, &none).is_empty(),
            "a query of spaces stays out"
        );
        let view = decode(
            [
                ("date", "fortnight"),
                ("year", "MMXX"),
                ("page", "-4"),
                ("from", "2024-13-01"),
                ("zzz", "1"),
                ("story", ""),
            ],
            &none,
        );
        assert_eq!(view, empty);
    }

    #[test]
    fn the_address_holds_what_differs_from_the_first_view() {
        // The page chose a category and a search, and the newest first.
        let base = Filter {
            query: "harbour".into(),
            categories: ["Alpha".to_string()].into(),
            sort: SortOrder::Newest,
            ..Filter::default()
        };
        let first = View {
            filter: base.clone(),
            pages: 1,
            story: None,
        };
        let params = |v: &View| encode(v, &base);
        let back =
            |p: Vec<(&'static str, String)>| decode(p.iter().map(|(k, v)| (*k, v.as_str())), &base);
        assert!(params(&first).is_empty());
        assert_eq!(back(vec![]), first, "no parameters: the first view");

        // Another category added, the search and the order the reader's own.
        let mut other = first.clone();
        other.filter.categories.insert("Beta".into());
        other.filter.sort = SortOrder::Relevance;
        other.filter.query = "ferry".into();
        assert_eq!(
            params(&other),
            [
                ("q", "ferry".to_string()),
                ("cat", "Alpha".into()),
                ("cat", "Beta".into()),
                ("sort", "relevance".into())
            ]
        );
        assert_eq!(back(params(&other)), other);

        // Every category, and no search: written as empty values.
        let mut all = first.clone();
        all.filter.categories.clear();
        all.filter.query.clear();
        assert_eq!(params(&all), [("q", String::new()), ("cat", String::new())]);
        assert_eq!(back(params(&all)), all);
        // A range the page chose: not in the address; each end the reader clears is written
        // empty, and read back as cleared.
        let ranged = Filter {
            from: day_start("2025-01-01"),
            until: day_end("2025-06-30"),
            ..base.clone()
        };
        let ranged_view = View {
            filter: ranged.clone(),
            ..first.clone()
        };
        assert!(encode(&ranged_view, &ranged).is_empty());
        let mut open_ended = ranged_view.clone();
        open_ended.filter.until = None;
        assert_eq!(encode(&open_ended, &ranged), [("to", String::new())]);
        let read = |p: &[(&str, &str)]| decode(p.iter().copied(), &ranged);
        assert_eq!(read(&[("to", "")]), open_ended);
        let mut no_start = ranged_view.clone();
        no_start.filter.from = None;
        assert_eq!(encode(&no_start, &ranged), [("from", String::new())]);
        assert_eq!(read(&[("from", "")]), no_start);
        let mut moved = ranged_view.clone();
        moved.filter.from = day_start("2025-03-01");
        assert_eq!(
            encode(&moved, &ranged),
            [("from", "2025-03-01".to_string())]
        );
        assert_eq!(read(&[("from", "2025-03-01")]), moved);
        assert_eq!(
            read(&[("from", "someday")]),
            ranged_view,
            "a day that does not parse"
        );
        // A link's parameters, then the reader's since: the reader's win, name by name.
        let link = vec![
            ("cat".to_string(), "Beta".to_string()),
            ("sort".to_string(), "oldest".to_string()),
        ];
        assert_eq!(
            merge(&link, &[("cat", String::new())]),
            [
                ("sort".to_string(), "oldest".to_string()),
                ("cat".to_string(), String::new())
            ]
        );
        // Only the sets named change; the rest is the first view's, as for a value that does
        // not parse.
        let tagged = back(vec![("tag", "ferries".into()), ("sort", "sideways".into())]);
        assert_eq!(tagged.filter.categories, base.categories);
        assert_eq!(tagged.filter.tags.len(), 1);
        assert_eq!(tagged.filter.sort, SortOrder::Newest);
    }
}
