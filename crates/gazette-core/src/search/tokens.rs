//! Tokenising: text → folded search tokens, with their byte ranges in the original text.
//!
//! Words are runs of letters and digits after [`crate::text::fold`]'s folding (case, accents,
//! "ł" → "l"…). Words that only a hyphen or an apostrophe separates ("well-being", "O'Brien"),
//! and the groups of a number ("1,200", "1.200"), are also one token joined ("wellbeing",
//! "obrien", "1200"), so that a reader finds them written either way ([`joins`]); an English
//! contraction or possessive ("she'll", "Macy's") is not joined, lest "shell" find "she'll".
//! Scripts written without spaces (Chinese, Japanese, Korean) have no words to split on, so each
//! of their characters is a token and so is each pair of neighbours (bigrams): a query's bigrams
//! must all occur, which finds a phrase inside a run of text.

use crate::text::{fold_char, is_unspaced_script};

/// Longest token kept, in bytes; longer runs (hashes, base64) are cut to it.
pub const MAX_TOKEN_BYTES: usize = 40;

/// What a token of [`for_each_token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word: a run of letters and digits, or one character of an unspaced script.
    Word,
    /// A word joined to the word before it ([`joins`]): "being" in "well-being".
    Joined,
    /// Words joined so, as one token ("wellbeing"), given after the last of them.
    Compound,
    /// Two neighbouring characters of an unspaced script.
    Pair,
}

/// Whether two words with nothing but `sep` between them are also read as one: `before` is the
/// first word's last character, `after` the second's first, and `group` says whether the second
/// is three digits.
///
/// Apostrophes join ("O'Brien", "aujourd'hui", Swiss "1'200"), but not before an English
/// contraction's or possessive's ending ([`clitic`]); hyphens join too, unless both sides are
/// digits (a score, "3-2", or a range, "2020-21", is no number); a digit group separator joins a
/// number's groups of three ("1,200", "1.200", "1 200" with a no-break space), but not a decimal
/// fraction ("2.5"), which would otherwise be found as 25.
#[inline]
pub fn joins(before: char, sep: char, after: char, group: bool) -> bool {
    if sep == LINE_JOIN {
        return true;
    }
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    match sep {
        _ if apostrophe(sep) => true,
        '-' | '\u{00AD}' | '\u{2010}' | '\u{2011}' => !digits,
        ',' | '.' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{066C}' => digits && group,
        _ => false,
    }
}

/// Whether `c` is an apostrophe: typed, typographic (’, and ‘ as some write it), or the letter
/// apostrophe ʼ.
#[inline]
fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
}

/// How the phrase check's line of folded words marks a word joined to the one before (see
/// `index::line_up`): it joins whatever the words.
pub(crate) const LINE_JOIN: char = '\u{1f}';

/// Whether `word`, after `sep`, is the ending of an English contraction or possessive ("ll" in
/// "she'll", "s" in "Macy's"): it is not joined to the word before, for "she'll" would be found
/// as "shell", "we'll" as "well" and "we're" as "were".
#[inline]
pub fn clitic(sep: char, word: &[u8]) -> bool {
    apostrophe(sep)
        && matches!(
            word.to_ascii_lowercase().as_slice(),
            b"s" | b"t" | b"d" | b"m" | b"ll" | b"re" | b"ve"
        )
}

/// The state of [`for_each_token`] between characters.
struct Splitter {
    /// The words joined so far, each cut to [`MAX_TOKEN_BYTES`]; the current one from `part`.
    joined: String,
    part: usize,
    /// How many words `joined` holds, where the first starts and where the last ends.
    count: u32,
    start: usize,
    end: usize,
    /// The current word: whether one is open, where it starts and ends, and its last character
    /// (also past the cut).
    open: bool,
    word_start: usize,
    word_end: usize,
    last: char,
    /// The last character of the word before the current one.
    before: char,
    /// The characters between the last word and the next: how many, and the first of them.
    gap: u32,
    sep: char,
}

impl Splitter {
    /// Opens a word that starts with `c` at byte `i` of the text.
    fn open(&mut self, c: char, i: usize, emit: &mut impl FnMut(&str, usize, usize, Kind)) {
        self.open = true;
        self.word_start = i;
        // Unless one joining character stands between it and the word before, the words
        // joined so far are complete.
        if self.count > 0 && !(self.gap == 1 && joins(self.before, self.sep, c, true)) {
            self.flush(emit);
        }
        self.part = self.joined.len();
    }

    /// A letter or digit `c`, folded, of the character at `i..end` of the text.
    fn letter(
        &mut self,
        c: char,
        i: usize,
        end: usize,
        emit: &mut impl FnMut(&str, usize, usize, Kind),
    ) {
        if !self.open {
            self.open(c, i, emit);
        }
        if self.joined.len() - self.part + c.len_utf8() <= MAX_TOKEN_BYTES {
            self.joined.push(c);
        }
        self.word_end = end;
        self.last = c;
    }

    /// The ASCII letters and digits from byte `i` of `text` on, all at once; returns where they
    /// end.
    fn ascii(
        &mut self,
        text: &[u8],
        i: usize,
        emit: &mut impl FnMut(&str, usize, usize, Kind),
    ) -> usize {
        let lower = |b: u8| char::from(b.to_ascii_lowercase());
        if !self.open {
            self.open(lower(text[i]), i, emit);
        }
        let room = MAX_TOKEN_BYTES - (self.joined.len() - self.part);
        let mut end = i;
        while let Some(&b) = text.get(end).filter(|b| b.is_ascii_alphanumeric()) {
            if end - i < room {
                self.joined.push(lower(b));
            }
            end += 1;
        }
        self.word_end = end;
        self.last = lower(text[end - 1]);
        end
    }

    /// A character that is no letter or digit (nor a mark that belongs to the one before).
    fn separator(&mut self, c: char, emit: &mut impl FnMut(&str, usize, usize, Kind)) {
        if self.open {
            self.close(emit);
        }
        self.gap = self.gap.saturating_add(1);
        if self.gap == 1 {
            self.sep = c;
        }
    }

    /// Ends the current word: given alone, or joined to the ones before.
    fn close(&mut self, emit: &mut impl FnMut(&str, usize, usize, Kind)) {
        self.open = false;
        let word = &self.joined[self.part..];
        // Only a word opened after one joining character may join.
        let joined = self.part > 0 && {
            let group = word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit());
            let first = word.chars().next().unwrap_or(' ');
            joins(self.before, self.sep, first, group) && !clitic(self.sep, word.as_bytes())
        };
        // A number of several groups joined on to a word ("1,000-bed") is also the number
        // alone, as it is written elsewhere ("1,000 beds").
        if joined
            && self.count > 1
            && !word.starts_with(|c: char| c.is_ascii_digit())
            && self.joined[..self.part].bytes().all(|b| b.is_ascii_digit())
        {
            let cut = self.part.min(MAX_TOKEN_BYTES);
            emit(&self.joined[..cut], self.start, self.end, Kind::Compound);
        }
        if !joined {
            if self.part > 0 {
                // It looked as if it might ("1,20" might have been "1,200"); it did not.
                self.flush_to(self.part, emit);
            }
            self.start = self.word_start;
        }
        self.count += 1;
        let kind = if joined { Kind::Joined } else { Kind::Word };
        emit(
            &self.joined[self.part..],
            self.word_start,
            self.word_end,
            kind,
        );
        self.end = self.word_end;
        self.before = self.last;
        self.gap = 0;
    }

    /// Gives the words joined so far as one token, if there are several, and starts afresh.
    fn flush(&mut self, emit: &mut impl FnMut(&str, usize, usize, Kind)) {
        let all = self.joined.len();
        self.flush_to(all, emit);
    }

    /// [`Splitter::flush`] of `joined[..to]`, keeping the rest (the current word).
    fn flush_to(&mut self, to: usize, emit: &mut impl FnMut(&str, usize, usize, Kind)) {
        if self.count > 1 {
            let mut cut = to.min(MAX_TOKEN_BYTES);
            while !self.joined.is_char_boundary(cut) {
                cut -= 1;
            }
            emit(&self.joined[..cut], self.start, self.end, Kind::Compound);
        }
        if to == self.joined.len() {
            self.joined.clear();
        } else {
            self.joined.drain(..to);
        }
        self.part = 0;
        self.count = 0;
    }
}

/// Calls `emit(token, start, end, kind)` for each token of `text`; `start..end` is the token's
/// byte range in `text`. Tokens come in reading order, except that a [`Kind::Compound`] comes
/// after the words it joins and a [`Kind::Pair`] after its second character.
pub fn for_each_token(text: &str, mut emit: impl FnMut(&str, usize, usize, Kind)) {
    let emit = &mut emit;
    let mut s = Splitter {
        joined: String::with_capacity(32),
        part: 0,
        count: 0,
        start: 0,
        end: 0,
        open: false,
        word_start: 0,
        word_end: 0,
        last: ' ',
        before: ' ',
        gap: 0,
        sep: ' ',
    };
    // The previous character of an unspaced run, with its start, for bigrams.
    let mut prev_cjk: Option<(char, usize)> = None;
    let mut folded: [char; 4] = ['\0'; 4];
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            prev_cjk = None;
            if b.is_ascii_alphanumeric() {
                i = s.ascii(bytes, i, emit);
            } else {
                s.separator(char::from(b), emit);
                i += 1;
            }
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let end = i + ch.len_utf8();
        if is_unspaced_script(ch) {
            if s.open {
                s.close(emit);
            }
            s.flush(emit);
            let mut buf = [0u8; 8];
            emit(ch.encode_utf8(&mut buf), i, end, Kind::Word);
            if let Some((p, ps)) = prev_cjk {
                let mut pair = String::with_capacity(8);
                pair.push(p);
                pair.push(ch);
                emit(&pair, ps, end, Kind::Pair);
            }
            prev_cjk = Some((ch, i));
            i = end;
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
                s.letter(c, i, end, emit);
                any_alnum = true;
            }
        }
        if !any_alnum && n > 0 && !folded[..n].iter().all(|c| crate::text::is_mark(*c)) {
            s.separator(ch, emit);
        }
        i = end;
    }
    if s.open {
        s.close(emit);
    }
    s.flush(emit);
}

/// The tokens of `text`, folded, in order (with the words joined, as the index holds them).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t, _, _, _| out.push(t.to_string()));
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

/// Whether `t` is the other form of the short word `w` (fewer than
/// [`TYPO_MIN_CHARS`](super::query::TYPO_MIN_CHARS) letters), with or without a final "s":
/// "guns" of "gun" and "gun" of "guns", "cats" of "cat". Not when the shorter is under three
/// letters, or ends as words do whose "s" is their own ("bus", "plus", "this"), nor "news" and
/// "new".
pub fn short_form(t: &str, w: &str) -> bool {
    let (short, long) = if t.len() < w.len() { (t, w) } else { (w, t) };
    long.len() == short.len() + 1
        && long.ends_with('s')
        && long.starts_with(short)
        && short.len() >= 3
        && short.bytes().all(|b| b.is_ascii_lowercase())
        && !short.ends_with(['s', 'u', 'i'])
        && short != "new"
}

/// True if `word` starts with a run of letters within one edit of `typed` (one letter longer,
/// as long, or one shorter): "president" starts with "presidn" less one typo. The word must
/// start with the first or second letter typed (the index looks among those only).
pub fn starts_within_one_edit(word: &str, typed: &str) -> bool {
    let mut t = typed.chars();
    let (c0, c1) = (t.next(), t.next());
    if !word.starts_with(|c| Some(c) == c0 || Some(c) == c1) {
        return false;
    }
    fn starts<T: PartialEq>(w: &[T], t: &[T]) -> bool {
        (t.len().saturating_sub(1)..=t.len() + 1)
            .any(|n| n <= w.len() && n > 0 && one_edit(&w[..n], t))
    }
    if word.is_ascii() && typed.is_ascii() {
        starts(word.as_bytes(), typed.as_bytes())
    } else {
        let (w, t): (Vec<char>, Vec<char>) = (word.chars().collect(), typed.chars().collect());
        starts(&w, &t)
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
        for_each_token(text, |t, s, e, _| out.push((t.to_string(), &text[s..e])));
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
                ("paulo".to_string(), "Paulo"),
                ("saopaulo".to_string(), "São-Paulo")
            ]
        );
        assert_eq!(
            tokens("Straße ØRSTED 3.35 cents"),
            ["strasse", "orsted", "3", "35", "cents"]
        );
        assert!(tokens(" ,.;— ").is_empty());
    }

    #[test]
    fn words_joined_by_hyphens_apostrophes_and_digit_groups_are_also_one_token() {
        fn joined(text: &str) -> Vec<(String, &str)> {
            let mut out = Vec::new();
            for_each_token(text, |t, s, e, kind| {
                if kind == Kind::Compound {
                    out.push((t.to_string(), &text[s..e]));
                }
            });
            out
        }
        let one = |t: &str, s| vec![(t.to_string(), s)];
        assert_eq!(joined("Her well-being."), one("wellbeing", "well-being"));
        assert_eq!(
            tokens("state-of-the-art"),
            ["state", "of", "the", "art", "stateoftheart"]
        );
        assert_eq!(
            joined("O’Brien went to Côte d'Ivoire"),
            [
                ("obrien".to_string(), "O’Brien"),
                ("divoire".to_string(), "d'Ivoire")
            ]
        );
        // Contractions and possessives stay apart: "shell" is not "she'll".
        assert!(joined("She'll say we’re at Macy's, we'd've").is_empty());
        assert_eq!(
            tokens("She'll"),
            ["she", "ll"],
            "(the ending is a word of its own)"
        );
        assert_eq!(
            joined("COVID-19 and the 19-year-old"),
            [
                ("covid19".to_string(), "COVID-19"),
                ("19yearold".to_string(), "19-year-old")
            ]
        );
        assert_eq!(
            joined("1,200 or 1.200 or 1\u{a0}200"),
            [
                ("1200".to_string(), "1,200"),
                ("1200".to_string(), "1.200"),
                ("1200".to_string(), "1\u{a0}200")
            ]
        );
        assert_eq!(joined("Sales: $1,234,567.89"), one("1234567", "1,234,567"));
        assert_eq!(tokens("1,200"), ["1", "200", "1200"]);
        // A number joined on to a word is the number too.
        assert_eq!(
            joined("a 1,000-bed hospital"),
            [
                ("1000".to_string(), "1,000"),
                ("1000bed".to_string(), "1,000-bed")
            ]
        );
        assert_eq!(joined("1,000'000"), one("1000000", "1,000'000"));
        // Not a number's groups: a fraction, a score, a range, a list; nor words with more
        // than one character between them, or a hyphen at a word's end.
        for text in [
            "2.5 or 3.35",
            "won 3-2",
            "2020-21",
            "1, 2, 3",
            "well - being",
            "pre- and post",
        ] {
            assert!(joined(text).is_empty(), "{text:?}");
        }
        // Joined words are cut like any token, at a character's start.
        let long = format!("{}-ж", "x".repeat(MAX_TOKEN_BYTES - 1));
        assert_eq!(joined(&long)[0].0, "x".repeat(MAX_TOKEN_BYTES - 1));
        assert!(joined("中-国 a-中").is_empty());
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
