//! Tokenising: text → folded search tokens, with their byte ranges in the original text.
//!
//! Words are runs of letters and digits after [`crate::text::fold`]'s folding (case, accents,
//! "ł" → "l"…). Scripts written without spaces (Chinese, Japanese, Korean) have no words to
//! split on, so each of their characters is a token and so is each pair of neighbours (bigrams):
//! a query's bigrams must all occur, which finds a phrase inside a run of text.

use crate::text::{fold_char, is_unspaced_script};

/// Longest token kept, in bytes; longer runs (hashes, base64) are cut to it.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Calls `emit(token, start, end)` for each token of `text`; `start..end` is the token's byte
/// range in `text`. Tokens come in reading order.
pub fn for_each_token(text: &str, mut emit: impl FnMut(&str, usize, usize)) {
    let mut word = String::with_capacity(32);
    let mut word_start = 0;
    let mut word_end = 0;
    // The previous character of an unspaced run, with its start, for bigrams.
    let mut prev_cjk: Option<(char, usize)> = None;
    let mut folded: [char; 4] = ['\0'; 4];
    for (i, ch) in text.char_indices() {
        let end = i + ch.len_utf8();
        if ch.is_ascii() {
            prev_cjk = None;
            if ch.is_ascii_alphanumeric() {
                if word.is_empty() {
                    word_start = i;
                }
                if word.len() < MAX_TOKEN_BYTES {
                    word.push(ch.to_ascii_lowercase());
                }
                word_end = end;
            } else if !word.is_empty() {
                emit(&word, word_start, word_end);
                word.clear();
            }
            continue;
        }
        if is_unspaced_script(ch) {
            if !word.is_empty() {
                emit(&word, word_start, word_end);
                word.clear();
            }
            let mut buf = [0u8; 8];
            emit(ch.encode_utf8(&mut buf), i, end);
            if let Some((p, ps)) = prev_cjk {
                let mut pair = String::with_capacity(8);
                pair.push(p);
                pair.push(ch);
                emit(&pair, ps, end);
            }
            prev_cjk = Some((ch, i));
            continue;
        }
        prev_cjk = None;
        let mut n = 0;
        fold_char(ch, &mut |c| {
            if n < folded.len() {
                folded[n] = c;
                n += 1;
            }
        });
        let mut any_alnum = false;
        for &c in &folded[..n] {
            if c.is_alphanumeric() {
                if word.is_empty() {
                    word_start = i;
                }
                if word.len() + c.len_utf8() <= MAX_TOKEN_BYTES {
                    word.push(c);
                }
                any_alnum = true;
            }
        }
        if any_alnum {
            word_end = end;
        } else if n > 0 && !folded[..n].iter().all(|c| crate::text::is_mark(*c)) && !word.is_empty()
        {
            emit(&word, word_start, word_end);
            word.clear();
        }
    }
    if !word.is_empty() {
        emit(&word, word_start, word_end);
    }
}

/// The tokens of `text`, folded, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t, _, _| out.push(t.to_string()));
    out
}

/// True if `a` and `b` differ by at most one edit: one character inserted, deleted or replaced,
/// or two neighbours swapped ("recieve" / "receive").
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_edit(&a, &b)
    }
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == la && la == lb {
        return true;
    }
    let room = la.min(lb) - prefix;
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (la - prefix - suffix, lb - prefix - suffix);
    match (ra, rb) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for_each_token(text, |t, s, e| out.push((t.to_string(), &text[s..e])));
        out
    }

    #[test]
    fn words_fold_and_keep_their_original_spans() {
        assert_eq!(
            spans("Łódź's Résumé, São-Paulo!"),
            [
                ("lodz".to_string(), "Łódź"),
                ("s".to_string(), "s"),
                ("resume".to_string(), "Résumé"),
                ("sao".to_string(), "São"),
                ("paulo".to_string(), "Paulo")
            ]
        );
        assert_eq!(
            tokens("Straße ØRSTED 3.35 cents"),
            ["strasse", "orsted", "3", "35", "cents"]
        );
        assert!(tokens(" ,.;— ").is_empty());
    }

    #[test]
    fn unspaced_scripts_give_characters_and_bigrams() {
        assert_eq!(
            spans("中国移动 ok"),
            [
                ("中".to_string(), "中"),
                ("国".to_string(), "国"),
                ("中国".to_string(), "中国"),
                ("移".to_string(), "移"),
                ("国移".to_string(), "国移"),
                ("动".to_string(), "动"),
                ("移动".to_string(), "移动"),
                ("ok".to_string(), "ok")
            ]
        );
        assert_eq!(
            tokens("東京タワー"),
            ["東", "京", "東京", "タ", "京タ", "ワ", "タワ", "ー", "ワー"]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let t = tokens(&"x".repeat(500));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].len(), MAX_TOKEN_BYTES);
    }

    #[test]
    fn one_edit_means_one_insert_delete_replace_or_swap() {
        for (a, b) in [
            ("president", "presidnet"),
            ("climate", "climte"),
            ("climate", "climatex"),
            ("vaccine", "vaxcine"),
            ("a", "b"),
            ("abc", "abc"),
        ] {
            assert!(within_one_edit(a, b), "{a} {b}");
            assert!(within_one_edit(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("president", "prseidnet"),
            ("climate", "clmte"),
            ("abc", "cba"),
            ("ab", "abcd"),
        ] {
            assert!(!within_one_edit(a, b), "{a} {b}");
        }
        assert!(within_one_edit("résumé", "résume"));
    }
}
