//! Several sources in one widget: their stories merged into one list.
//!
//! A story that appears in more than one source (the same canonical link, or the same id when
//! neither has a link) is kept once, from the first source that has it. Ids stay unique: a
//! different story that happens to reuse an id already taken gets a suffix (`id~2`). The result
//! is newest first (undated stories last), ties in source order.

use crate::load::canonical_link;
use crate::model::{Article, FeedMeta};
use crate::order;
use rustc_hash::FxHashSet;

/// The stories of `sources` (in the order given) merged, and how many repeats were left out.
pub fn merge(sources: Vec<Vec<Article>>) -> (Vec<Article>, usize) {
    let mut links = FxHashSet::default();
    let mut ids = FxHashSet::default();
    let mut out: Vec<Article> = Vec::with_capacity(sources.iter().map(Vec::len).sum());
    let mut repeats = 0;
    for source in sources {
        for mut a in source {
            let repeat = match &a.url {
                Some(u) => !links.insert(canonical_link(u)),
                None => ids.contains(&a.id),
            };
            if repeat {
                repeats += 1;
                continue;
            }
            if ids.contains(&a.id) {
                let base = a.id.clone();
                let mut n = 2;
                while ids.contains(&format!("{base}~{n}")) {
                    n += 1;
                }
                a.id = format!("{base}~{n}");
            }
            ids.insert(a.id.clone());
            out.push(a);
        }
    }
    // Newest first; equal dates keep source order. Undated stories have the earliest timestamp.
    let mut keyed: Vec<order::Keyed> = out
        .iter()
        .enumerate()
        .map(|(i, a)| (!order::of_i64(a.published.0), i as u32))
        .collect();
    order::sort(&mut keyed);
    let mut slots: Vec<Option<Article>> = out.into_iter().map(Some).collect();
    let out = keyed
        .iter()
        .filter_map(|&(_, i)| slots[i as usize].take())
        .collect();
    (out, repeats)
}

/// What the merged sources say of themselves, from each one's `FeedMeta` in source order. One
/// title (or the same from each) is the set's, with the description and site of the source
/// that gave it; two or three titles are joined ("The Guardian · research!rsc"), with no
/// description or site, which would be one source's only; more is no title (the widget's own
/// heading). A language only when every source that names one names the same.
pub fn merge_meta(metas: Vec<FeedMeta>) -> FeedMeta {
    let title_of = |m: &FeedMeta| {
        m.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let mut titles: Vec<(String, usize)> = Vec::new();
    let mut languages: Vec<&String> = Vec::new();
    for (i, meta) in metas.iter().enumerate() {
        if let Some(t) = title_of(meta).filter(|t| !titles.iter().any(|(seen, _)| seen == t)) {
            titles.push((t, i));
        }
        if let Some(l) = meta.language.as_ref().filter(|l| !languages.contains(l)) {
            languages.push(l);
        }
    }
    let language = match languages.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    };
    let mut out = match titles.as_slice() {
        [(title, i)] => FeedMeta {
            title: Some(title.clone()),
            ..metas[*i].clone()
        },
        [] => FeedMeta {
            title: None,
            ..metas.first().cloned().unwrap_or_default()
        },
        several => FeedMeta {
            title: (several.len() <= 3).then(|| {
                let names: Vec<&str> = several.iter().map(|(t, _)| t.as_str()).collect();
                names.join(" · ")
            }),
            ..FeedMeta::default()
        },
    };
    out.language = language;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;

    fn meta(title: Option<&str>, language: Option<&str>) -> FeedMeta {
        FeedMeta {
            title: title.map(str::to_string),
            description: Some(format!("About {}", title.unwrap_or("nothing"))),
            home_page_url: Some("https://a.example/".into()),
            language: language.map(str::to_string),
        }
    }

    #[test]
    fn merged_sources_are_named_by_all_their_titles_or_none() {
        let one = merge_meta(vec![meta(Some("Harbour"), Some("en")), meta(None, None)]);
        assert_eq!(one.title.as_deref(), Some("Harbour"));
        assert_eq!(one.description.as_deref(), Some("About Harbour"));
        assert_eq!(one.language.as_deref(), Some("en"));
        let same = merge_meta(vec![
            meta(Some("Harbour"), None),
            meta(Some(" Harbour "), None),
        ]);
        assert_eq!(same.title.as_deref(), Some("Harbour"));
        // The one title of a set whose first source has none (or a blank one) is the set's,
        // with that source's description.
        let later = merge_meta(vec![
            meta(None, None),
            meta(Some(" "), None),
            meta(Some("Quay"), None),
        ]);
        assert_eq!(later.title.as_deref(), Some("Quay"));
        assert_eq!(later.description.as_deref(), Some("About Quay"));
        let two = merge_meta(vec![
            meta(Some("The Guardian"), Some("en")),
            meta(Some("research!rsc"), Some("de")),
        ]);
        assert_eq!(two.title.as_deref(), Some("The Guardian · research!rsc"));
        assert_eq!(
            (two.description, two.home_page_url, two.language),
            (None, None, None)
        );
        let four = merge_meta(["a", "b", "c", "d"].map(|t| meta(Some(t), None)).to_vec());
        assert_eq!(four.title, None);
        assert_eq!(merge_meta(vec![]), FeedMeta::default());
    }

    fn story(id: &str, url: Option<&str>, day: i64) -> Article {
        Article {
            id: id.into(),
            title: format!("Story {id}"),
            url: url.map(str::to_string),
            external_url: None,
            category: "News".into(),
            published: Timestamp(day * 86_400),
            summary: None,
            content_text: None,
            content_html: None,
            image: None,
            authors: vec![],
            tags: vec![],
            language: None,
        }
    }

    #[test]
    fn repeats_go_ids_stay_unique_and_the_newest_come_first() {
        let a = vec![
            story("1", Some("https://a.example/x"), 1),
            story("2", None, 5),
        ];
        let b = vec![
            // The same story by its link (scheme and trailing slash aside).
            story("b-1", Some("http://A.example/x/"), 9),
            // Same id, no links: the same story.
            story("2", None, 6),
            // Same id, another link: another story.
            story("1", Some("https://b.example/y"), 3),
            story("u", None, 0),
        ];
        let (merged, repeats) = merge(vec![a, b]);
        assert_eq!(repeats, 2);
        let ids: Vec<&str> = merged.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2", "1~2", "1", "u"]);
    }

    #[test]
    fn undated_stories_go_last() {
        let mut old = story("old", None, 0);
        old.published = Timestamp::UNDATED;
        let (merged, _) = merge(vec![vec![old, story("new", None, 2)]]);
        assert_eq!(merged[1].id, "old");
    }
}
