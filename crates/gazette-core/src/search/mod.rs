//! Full-text search: tokenising, queries, the inverted index, and highlighting.

pub mod index;
pub mod query;
pub mod tokens;

pub use index::{Index, IndexBuilder, Matches};
pub use query::{Clause, Query};

use tokens::{for_each_token, within_one_edit};

/// The byte ranges of `text` that a query matched, merged and in order, for `<mark>`.
pub fn highlight(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if query.is_empty() {
        return out;
    }
    for_each_token(text, |t, s, e| {
        let hit = query.clauses.iter().any(|c| match c {
            Clause::Word {
                text: w,
                prefix,
                typo,
            } => {
                t == w
                    || (*prefix && t.starts_with(w.as_str()))
                    || (*typo && t.chars().count() >= 4 && within_one_edit(t, w))
            }
            Clause::Phrase { words, prefix } => words.iter().enumerate().any(|(i, w)| {
                t == w || (*prefix && i + 1 == words.len() && t.starts_with(w.as_str()))
            }),
        });
        if hit {
            match out.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, q: &str) -> Vec<String> {
        highlight(text, &Query::parse(q))
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn highlights_follow_folding_prefixes_typos_and_phrases() {
        assert_eq!(marked("An on-chain Résumé pilot", "resume"), ["Résumé"]);
        assert_eq!(
            marked("Climate change and climbing", "clim"),
            ["Climate", "climbing"]
        );
        assert_eq!(marked("The president spoke", "presidnet "), ["president"]);
        assert_eq!(
            marked("White House press", "\"white house\""),
            ["White", "House"]
        );
        assert_eq!(
            marked("White House press", "\"white ho"),
            ["White", "House"]
        );
        assert_eq!(marked("中国移动成立元宇宙产业联盟", "元宇宙"), ["元宇宙"]);
        assert!(marked("nothing here", "").is_empty());
    }
}
