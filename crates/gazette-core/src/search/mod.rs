//! Full-text search: tokenising, queries, the inverted index, and highlighting.

pub mod index;
pub mod query;
pub mod tokens;

pub use index::{Index, IndexBuilder, Matches};
pub use query::{Clause, Query};

use tokens::{for_each_token, within_one_edit};

/// The byte ranges of `text` that a query matched, merged and in order, for `<mark>`. A
/// phrase's words are marked only where the whole phrase stands.
pub fn highlight(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if query.is_empty() {
        return out;
    }
    // The folded tokens, one after another in one string: (end in `folded`, start and end in
    // `text`), each starting where the one before ends.
    let mut folded = String::new();
    let mut tokens: Vec<(usize, usize, usize)> = Vec::new();
    for_each_token(text, |t, s, e| {
        folded.push_str(t);
        tokens.push((folded.len(), s, e));
    });
    let token = |k: usize| &folded[if k == 0 { 0 } else { tokens[k - 1].0 }..tokens[k].0];
    let mut marked = vec![false; tokens.len()];
    for clause in &query.clauses {
        match clause {
            Clause::Word {
                text: w,
                prefix,
                typo,
            } => {
                for (k, m) in marked.iter_mut().enumerate() {
                    let t = token(k);
                    *m |= t == w
                        || (*prefix && t.starts_with(w.as_str()))
                        || (*typo && t.chars().count() >= 4 && within_one_edit(t, w));
                }
            }
            Clause::Phrase { words, prefix } => {
                let n = words.len();
                for start in 0..tokens.len().saturating_sub(n.saturating_sub(1)) {
                    let whole = words.iter().enumerate().all(|(i, w)| {
                        let t = token(start + i);
                        t == w || (*prefix && i + 1 == n && t.starts_with(w.as_str()))
                    });
                    if whole {
                        marked[start..start + n].fill(true);
                    }
                }
            }
        }
    }
    for ((_, s, e), _) in tokens.iter().zip(&marked).filter(|(_, &m)| m) {
        match out.last_mut() {
            Some(last) if *s <= last.1 => last.1 = last.1.max(*e),
            _ => out.push((*s, *e)),
        }
    }
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
        // A phrase's words only where the whole phrase stands.
        assert_eq!(
            marked(
                "The vote: the president and the President-elect",
                "\"the president\""
            ),
            ["the president", "the President"]
                .iter()
                .flat_map(|p| p.split(' '))
                .collect::<Vec<_>>()
        );
        assert!(marked("The cabinet met", "\"the president\"").is_empty());
        assert_eq!(marked("中国移动成立元宇宙产业联盟", "元宇宙"), ["元宇宙"]);
        assert!(marked("nothing here", "").is_empty());
    }
}
