//! A filter in a page address, so that a copied link reproduces the view.
//!
//! Parameters (each under the widget's own prefix, e.g. `gz.q`, so several widgets share one
//! address): `q` the search text; `cat`, `author`, `tag`, `year` the facet selections (repeated
//! for several values); `date` the date window (`day`, `week`, `month`, `year`); `from` and `to`
//! a custom range of whole days, `YYYY-MM-DD`, both included, in UTC; `sort` (`newest`, `oldest`;
//! best match is the default); `page` how many pages are shown; `story` the id of the story
//! open in the article view. Defaults are left out.

use crate::date::{civil_from_days, parse_date, Timestamp};
use crate::filter::{DatePreset, Filter, SortOrder};

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

/// The parameters of a view, in a stable order, defaults left out.
pub fn encode(view: &View) -> Vec<(&'static str, String)> {
    let (filter, pages) = (&view.filter, view.pages);
    let mut out = Vec::new();
    if !filter.query.trim().is_empty() {
        out.push(("q", filter.query.clone()));
    }
    out.extend(filter.categories.iter().map(|c| ("cat", c.clone())));
    out.extend(filter.authors.iter().map(|c| ("author", c.clone())));
    out.extend(filter.tags.iter().map(|c| ("tag", c.clone())));
    out.extend(filter.years.iter().map(|y| ("year", y.to_string())));
    if filter.date != DatePreset::AnyTime {
        out.push(("date", filter.date.key().to_string()));
    }
    if let Some(f) = filter.from {
        out.push(("from", day_string(f)));
    }
    if let Some(u) = filter.until {
        out.push(("to", day_string(Timestamp(u.0 - 86_400))));
    }
    if filter.sort != SortOrder::Relevance {
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

/// The view that parameters describe. Unknown names and values that do not parse are ignored,
/// so a hand-edited or stale link still opens.
pub fn decode<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> View {
    let mut f = Filter::default();
    let mut pages = 1;
    let mut story = None;
    for (k, v) in params {
        match k {
            "q" => f.query = v.chars().take(200).collect(),
            "cat" => drop(f.categories.insert(v.to_string())),
            "author" => drop(f.authors.insert(v.to_string())),
            "tag" => drop(f.tags.insert(v.to_string())),
            "year" => {
                if let Ok(y) = v.parse() {
                    f.years.insert(y);
                }
            }
            "date" => f.date = DatePreset::from_key(v).unwrap_or_default(),
            "from" => f.from = day_start(v),
            "to" => f.until = day_start(v).map(|t| Timestamp(t.0 + 86_400)),
            "sort" => f.sort = SortOrder::from_key(v).unwrap_or_default(),
            "page" => pages = v.parse::<usize>().unwrap_or(1).clamp(1, 100),
            "story" if !v.is_empty() => story = Some(v.chars().take(500).collect()),
            _ => {}
        }
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
        let params = encode(&view);
        assert!(
            params.contains(&("to", "2024-01-31".to_string())),
            "{params:?}"
        );
        assert_eq!(decode(params.iter().map(|(k, v)| (*k, v.as_str()))), view);
    }

    #[test]
    fn defaults_are_left_out_and_junk_is_ignored() {
        let empty = View {
            pages: 1,
            ..View::default()
        };
        assert!(encode(&empty).is_empty());
        let spaces = View {
            filter: Filter {
                query: "   ".into(),
                ..Filter::default()
            },
            ..empty.clone()
        };
        assert!(encode(&spaces).is_empty(), "a query of spaces stays out");
        let view = decode([
            ("date", "fortnight"),
            ("year", "MMXX"),
            ("page", "-4"),
            ("from", "2024-13-01"),
            ("zzz", "1"),
            ("story", ""),
        ]);
        assert_eq!(view, empty);
    }
}
