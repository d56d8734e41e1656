//! Full-text search: tokenising, queries, the inverted index, and highlighting.

pub mod index;
pub mod query;
pub mod tokens;

pub use index::{Index, IndexBuilder, Matches};
pub use query::{Clause, Query};

use index::{line_up, PhraseScan};
use tokens::{for_each_token, short_form, starts_within_one_edit, within_one_edit};

/// The byte ranges of `text` that a query matched, merged and in order, for `<mark>`. A
/// phrase's words are marked only where the whole phrase stands. Words a text joins are marked
/// together where the query names them as one ("wellbeing" marks "well-being").
pub fn highlight(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if query.is_empty() {
        return out;
    }
    // The folded tokens, one after another in one string: (end in `folded`, start and end in
    // `text`), each starting where the one before ends.
    let mut folded = String::new();
    let mut tokens: Vec<(usize, usize, usize)> = Vec::new();
    // The words alone, as the phrase check reads them, with where each starts in `line` and
    // its number among the tokens.
    let mut line = String::new();
    let mut words: Vec<(usize, usize)> = Vec::new();
    for_each_token(text, |t, s, e, kind| {
        if line_up(&mut line, t, kind) {
            words.push((line.len() - t.len(), tokens.len()));
        }
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
                respelled,
            } => {
                let short = w.chars().count() < query::TYPO_MIN_CHARS;
                for (k, m) in marked.iter_mut().enumerate() {
                    let t = token(k);
                    *m |= t == w
                        || (*prefix && t.starts_with(w.as_str()))
                        || (*typo && short && short_form(t, w))
                        || (*typo && !short && t.chars().count() >= 4 && within_one_edit(t, w))
                        || (*respelled && starts_within_one_edit(t, w));
                }
            }
            Clause::Phrase { words: p, prefix } => {
                let scan = PhraseScan::new(p, *prefix);
                for (n, &(at, first)) in words.iter().enumerate() {
                    let Some(end) = scan.stands_at(line.as_bytes(), at, 0) else {
                        continue;
                    };
                    // Every token from the phrase's first word to its last, with the words
                    // joined among them.
                    let last = words[n..].iter().take_while(|w| w.0 < end).last();
                    let (from, to) = (tokens[first].1, tokens[last.map_or(first, |w| w.1)].2);
                    for (k, &(_, s, e)) in tokens.iter().enumerate().skip(first) {
                        if s >= to {
                            break;
                        }
                        marked[k] |= s >= from && e <= to;
                    }
                }
            }
            // A word left out marks nothing.
            Clause::Without { .. } => {}
        }
    }
    // Joined words and bigrams come after the words they cover, and end with the last of them,
    // so a range that starts earlier takes in the ranges it covers. Marked words with one
    // character other than a space between them are marked as one ("Trump's", "AT&T").
    let close = |end: usize, start: usize| {
        let mut gap = text[end.min(start)..start].chars();
        end >= start
            || matches!((gap.next(), gap.next()), (Some(c), None) if !c.is_whitespace() && !c.is_alphanumeric())
    };
    for ((_, s, e), _) in tokens.iter().zip(&marked).filter(|(_, &m)| m) {
        let (mut s, mut e) = (*s, *e);
        while let Some(&(ls, le)) = out.last().filter(|l| close(l.1, s)) {
            out.pop();
            (s, e) = (s.min(ls), e.max(le));
        }
        out.push((s, e));
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
        // Words joined in the text, named as one or as they are written.
        assert_eq!(
            marked("Our well-being at work", "wellbeing"),
            ["well-being"]
        );
        assert_eq!(
            marked("Our well-being at work", "well-being "),
            ["well-being"]
        );
        assert_eq!(marked("Our well-being at work", "being"), ["being"]);
        assert_eq!(marked("It cut 1,200 jobs", "1200"), ["1,200"]);
        assert_eq!(marked("It cut 1200 jobs", "1,200 "), ["1200"]);
        assert_eq!(
            marked("O’Brien at Macy's", "obrien macy"),
            ["O’Brien", "Macy"]
        );
        // A possessive marks the name and its ending, not every word in "s".
        assert_eq!(
            marked("Trump says Trump's plan stands", "trump's"),
            ["Trump's"]
        );
        assert_eq!(
            marked("AT&T won't play at Tokyo", "at&t"),
            ["AT&T"],
            "not the \"t\" of a contraction, nor \"at\" alone"
        );
        assert_eq!(marked("Black and white", "black white"), ["Black", "white"]);
        assert_eq!(marked("东京与大阪", "东京 大阪"), ["东京", "大阪"]);
        assert_eq!(
            marked("A gun, two guns, gunsmiths", "guns "),
            ["gun", "guns"]
        );
        assert_eq!(marked("Local news, new bridge", "news "), ["news"]);
        assert_eq!(marked("24,000 or 25,000", "24,000 "), ["24,000"]);
        assert_eq!(
            marked("It cut 1,200 jobs; 1 200 were saved", "\"cut 1200 jobs\""),
            ["cut", "1,200", "jobs"]
        );
        assert_eq!(
            marked("Our well-being at work", "\"our well"),
            ["Our", "well"],
            "a phrase being typed"
        );
        assert_eq!(
            marked("New York-based firms", "\"new york\""),
            ["New", "York"]
        );
        assert_eq!(marked("中国移动成立元宇宙产业联盟", "元宇宙"), ["元宇宙"]);
        assert_eq!(
            marked("中国移动成立元宇宙产业联盟", "\"元宇宙\""),
            ["元宇宙"]
        );
        assert!(marked("nothing here", "").is_empty());
        // A word being typed that the index respelled marks the words starting one edit away.
        let text = "The president and a resident";
        let mut query = Query::parse("presidn");
        if let Some(Clause::Word { respelled, .. }) = query.clauses.first_mut() {
            *respelled = true;
        }
        assert_eq!(highlight(text, &query), [(4, 13)]);
        let mut query = Query::parse("bresidn");
        if let Some(Clause::Word { respelled, .. }) = query.clauses.first_mut() {
            *respelled = true;
        }
        assert!(
            highlight(text, &query).is_empty(),
            "not in the first letter"
        );
        assert_eq!(marked(text, "presid"), ["president"]);
    }
}
