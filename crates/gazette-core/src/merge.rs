//! Several sources in one widget: their stories merged into one list.
//!
//! A story that appears in more than one source (the same canonical link, or the same id when
//! neither has a link) is kept once, from the first source that has it. Ids stay unique: a
//! different story that happens to reuse an id already taken gets a suffix (`id~2`). The result
//! is newest first (undated stories last), ties in source order.

use crate::load::canonical_link;
use crate::model::Article;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;

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
