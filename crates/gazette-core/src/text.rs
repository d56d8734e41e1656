//! Text: folding for search, whitespace clean-up, excerpts, and plain text out of feed HTML.

mod fold_tables;

use fold_tables::{ASTRAL_BASES, ASTRAL_KEYS, BMP_BASES, BMP_KEYS, MARKS, SEVERAL};

/// Folds text for matching: lower case, accents removed ("Résumé" → "resume"), and the Latin
/// letters that canonical decomposition leaves whole mapped by hand ("ł" → "l", "ø" → "o",
/// "ß" → "ss", "æ" → "ae"). Every character that is not a letter or digit becomes a space, so the
/// result is words separated by single spaces, with no space at either end.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        fold_char(ch, &mut |c| {
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            } else if !is_mark(c) {
                pending_space = true;
            }
        });
    }
    out
}

pub(crate) fn fold_char(ch: char, emit: &mut impl FnMut(char)) {
    if ch.is_ascii() {
        emit(ch.to_ascii_lowercase());
        return;
    }
    if let Some(s) = special_fold(ch) {
        s.chars().for_each(&mut *emit);
        return;
    }
    for lower in ch.to_lowercase() {
        emit_base(lower, emit);
    }
}

/// Emits the canonical decomposition of a lower-case `c` without its combining marks: "é" → "e",
/// a Hangul syllable → its jamo, a combining mark → nothing.
fn emit_base(c: char, emit: &mut impl FnMut(char)) {
    let code = c as u32;
    if (HANGUL_FIRST..HANGUL_FIRST + HANGUL_COUNT).contains(&code) {
        // Hangul syllables decompose by rule (Unicode §3.12) into two or three jamo.
        let s = code - HANGUL_FIRST;
        let jamo = [
            0x1100 + s / (21 * 28),
            0x1161 + (s % (21 * 28)) / 28,
            0x11A7 + s % 28,
        ];
        let n = if s.is_multiple_of(28) { 2 } else { 3 };
        jamo[..n]
            .iter()
            .filter_map(|&j| char::from_u32(j))
            .for_each(emit);
        return;
    }
    let found = u16::try_from(code)
        .ok()
        .and_then(|c16| BMP_KEYS.binary_search(&c16).ok())
        .map(|i| u32::from(BMP_BASES[i]))
        .or_else(|| {
            // Most characters not in the first table come before the second one starts.
            (ASTRAL_KEYS.first().is_some_and(|&f| code >= f))
                .then(|| ASTRAL_KEYS.binary_search(&code).ok())
                .flatten()
                .map(|i| ASTRAL_BASES[i])
        });
    // A base that is itself a letter folded by hand ("ǽ" → "æ" → "ae").
    let mut emit_folded = |b: char| match special_fold(b) {
        Some(s) => s.chars().for_each(&mut *emit),
        None => emit(b),
    };
    match found {
        Some(0) => {}
        Some(base) => {
            if let Some(b) = char::from_u32(base) {
                emit_folded(b);
            }
        }
        None => {
            if let Some((_, bases)) = SEVERAL.iter().find(|s| s.0 == code) {
                bases
                    .iter()
                    .filter(|&&b| b != 0)
                    .filter_map(|&b| char::from_u32(b))
                    .for_each(emit_folded);
            } else if !is_mark(c) {
                emit_folded(c);
            }
        }
    }
}

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 19 * 21 * 28;

/// True for combining marks (General Category M: the accents left over by decomposition).
pub(crate) fn is_mark(c: char) -> bool {
    let code = c as u32;
    if code < 0x300 {
        return false;
    }
    // The last range that starts at or before `code`.
    let i = MARKS.partition_point(|&r| r >> 11 <= code);
    i > 0 && code - (MARKS[i - 1] >> 11) <= MARKS[i - 1] & 0x7FF
}

/// Letters with no canonical decomposition that readers still type without their mark.
fn special_fold(ch: char) -> Option<&'static str> {
    Some(match ch {
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'ŀ' | 'Ŀ' => "l",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ŧ' | 'Ŧ' => "t",
        'ƒ' => "f",
        // Greek's word-final sigma is the sigma a capital Σ lower-cases to, letter by letter.
        'ς' => "σ",
        // Typographic apostrophes inside words ("don’t") fold like ASCII ones.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => "'",
        // Arabic-Indic and Persian digits are the numbers ASCII digits write ("۲۰۲۷" is 2027).
        '\u{0660}'..='\u{0669}' => DIGITS[ch as usize - 0x0660],
        '\u{06F0}'..='\u{06F9}' => DIGITS[ch as usize - 0x06F0],
        _ => return None,
    })
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// True for characters of scripts written without spaces between words (CJK ideographs, kana,
/// Hangul), where a query must match anywhere rather than at a word start.
pub fn is_unspaced_script(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF)
}

/// Invisible characters that only hint where a line may break or glue words (zero-width space,
/// word joiner, zero-width no-break space): they are dropped, so that a headline of nothing but
/// them is empty and "Lo\u{200B}cal" is the category "Local". (The zero-width joiner and
/// non-joiner stay: emoji and several scripts need them.)
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The form of a name that is the same for every way of writing it in capitals or not: lower
/// case, with the letters whose capitals are two letters or none folded as full case folding
/// does ("Straße" and "STRASSE" are one name; so are "ΟΔΟΣ" and "οδοσ").
pub fn caseless(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            c => out.push(c),
        }
    }
    out
}

/// Collapses every run of white space (including line breaks) into one space, drops invisible
/// break hints ([`is_invisible`]) and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let visible = || word.chars().filter(|&c| !is_invisible(c));
        if visible().next().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(visible());
    }
    out
}

/// True when `text` has no white space at its ends and none but single spaces inside.
fn is_collapsed(text: &str) -> bool {
    // ASCII white space as `char::is_whitespace` (and so `split_whitespace`) sees it: with the
    // line tabulation U+000B, which `u8::is_ascii_whitespace` leaves out.
    let space = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
    let b = text.as_bytes();
    if b.first().is_some_and(space) || b.last().is_some_and(space) {
        return false;
    }
    if !text.is_ascii() {
        return false;
    }
    !b.windows(2).any(|w| w[0] == b' ' && w[1] == b' ') && !b.iter().any(|c| *c != b' ' && space(c))
}

/// [`collapse_whitespace`] that reuses the string when it is already clean.
pub fn collapse_owned(text: String) -> String {
    if is_collapsed(&text) {
        text
    } else {
        collapse_whitespace(&text)
    }
}

/// [`excerpt`] that reuses the string when it is short enough already.
pub fn excerpt_owned(text: String, max_chars: usize) -> String {
    if text.len() <= max_chars && text.trim().len() == text.len() {
        text
    } else {
        excerpt(&text, max_chars)
    }
}

/// Cuts `text` to at most `max_chars` characters at a word boundary and adds "…" when anything was
/// cut. A single word longer than the limit is cut inside the word. Trailing punctuation before
/// the ellipsis is dropped ("markets, …" reads badly).
pub fn excerpt(text: &str, max_chars: usize) -> String {
    cut(text, max_chars, false)
}

/// A card's [`excerpt`], which does not cut off a short last word alone: the whole is kept when
/// only its last word is over the limit and the whole is at most a tenth over. The ellipsis
/// would save next to nothing, and the reader would miss the end of the sentence for it.
pub fn teaser(text: &str, max_chars: usize) -> String {
    cut(text, max_chars, true)
}

fn cut(text: &str, max_chars: usize, keep_last_word: bool) -> String {
    let text = text.trim();
    let chars = text.chars().count();
    if chars <= max_chars {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    // Cut at the last space if the limit fell inside a word.
    let next_is_space = text[cut..].starts_with(char::is_whitespace);
    let head = if next_is_space {
        head
    } else {
        match head.rfind(char::is_whitespace) {
            Some(i) if i > 0 => &head[..i],
            _ => head,
        }
    };
    let rest = text[head.len()..].trim_start();
    if keep_last_word && !rest.contains(char::is_whitespace) && chars <= max_chars + max_chars / 10
    {
        return text.to_string();
    }
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{head}…")
}

/// The length of a card's excerpt, in characters: a story's body no longer than this, and the
/// same as its summary, says nothing more than the card.
pub const CARD_EXCERPT_CHARS: usize = 220;

/// An excerpt of `text` of about `max_chars` characters that shows the place at byte `at`: from
/// the start when `at` falls in its first third, else from a word boundary shortly before it
/// (an eighth of the excerpt), with a leading "…". The place is early in the excerpt, so a card
/// that shows only its first lines (on a phone, three) still shows it.
pub fn excerpt_around(text: &str, at: usize, max_chars: usize) -> String {
    let text = text.trim();
    let at = at.min(text.len());
    let chars_before = text[..text.floor_char_boundary(at)].chars().count();
    if chars_before <= max_chars / 3 {
        return teaser(text, max_chars);
    }
    // Start a few words before the match, at a word boundary.
    let lead = max_chars / 8;
    let start_char = chars_before.saturating_sub(lead);
    let start = text.char_indices().nth(start_char).map_or(0, |(i, _)| i);
    // (Past the space, whatever its width: a no-break or ideographic space is more than a byte.)
    let start = text[..start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(start, |(i, c)| i + c.len_utf8());
    let start = if start > text.floor_char_boundary(at) {
        text.floor_char_boundary(at)
    } else {
        start
    };
    format!("…{}", teaser(&text[start..], max_chars))
}

/// Decodes HTML character references: numeric ones (`&#8217;`, `&#x2019;`) and the named ones
/// feeds use in practice. An unknown or malformed reference is kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| decode_reference(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return match char::from_u32(code) {
            Some('\0') | None => Some('\u{FFFD}'),
            c => c,
        };
    }
    if let Some(i) = LATIN1_NAMES.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

/// The HTML names of U+00A0 to U+00FF, in order (so a name's place gives its character): the
/// accented letters and signs of Western European text, which feeds in those languages use.
const LATIN1_NAMES: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The other named references feeds use in practice: XML's five, typography, a few symbols.
const OTHER_NAMES: [(&str, char); 66] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("euro", '€'),
    ("trade", '™'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("minus", '−'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("infin", '∞'),
    ("hearts", '♥'),
    ("star", '☆'),
    // Punctuation references, which hostile links use to disguise a scheme.
    ("colon", ':'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("sol", '/'),
    ("lpar", '('),
    ("rpar", ')'),
    ("semi", ';'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("equals", '='),
    ("num", '#'),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables of `fold_tables.rs` against the unicode-normalization crate they were made
    /// from, for every character: folding lower-cases, decomposes canonically and drops marks,
    /// then folds by hand what normalisation leaves ("ǣ" → "æ" → "ae").
    #[test]
    fn folding_matches_canonical_decomposition() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        let (mut ours, mut reference) = (Vec::new(), Vec::new());
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), is_combining_mark(c), "{c:?} ({:#x})", c as u32);
            ours.clear();
            fold_char(c, &mut |x| ours.push(x));
            reference.clear();
            if c.is_ascii() {
                reference.push(c.to_ascii_lowercase());
            } else if let Some(s) = special_fold(c) {
                reference.extend(s.chars());
            } else {
                for lower in c.to_lowercase() {
                    decompose_canonical(lower, |d| {
                        if !is_combining_mark(d) {
                            match special_fold(d) {
                                Some(s) => reference.extend(s.chars()),
                                None => reference.push(d),
                            }
                        }
                    });
                }
            }
            assert_eq!(ours, reference, "{c:?} ({:#x})", c as u32);
        }
    }

    #[test]
    fn invisible_break_hints_are_dropped() {
        assert_eq!(collapse_whitespace("\u{200B}\u{200B}"), "");
        assert_eq!(
            collapse_whitespace("Lo\u{200B}cal \u{FEFF} news"),
            "Local news"
        );
        assert_eq!(collapse_whitespace("a\u{2060}b"), "ab");
        // The joiners of emoji and of scripts such as Persian stay.
        assert_eq!(
            collapse_whitespace("👩\u{200D}💻 می\u{200C}خواهم"),
            "👩\u{200D}💻 می\u{200C}خواهم"
        );
    }

    #[test]
    fn fold_removes_case_accents_and_punctuation() {
        assert_eq!(fold("Résumé"), "resume");
        assert_eq!(fold("  São Paulo's   ZÜRICH!! "), "sao paulo s zurich");
        assert_eq!(
            fold("Łódź, Ørsted, Straße, Æsir"),
            "lodz orsted strasse aesir"
        );
        assert_eq!(fold("Nguyễn Thu Hà"), "nguyen thu ha");
        // A Greek word in capitals and in small letters, with its final sigma.
        assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
        // Letters whose base is itself folded by hand (found by the folding property test).
        assert_eq!(fold("Ǽ ǿ"), "ae o");
        assert_eq!(fold("don’t"), "don t");
        assert_eq!(fold("Web3 & Enterprise"), "web3 enterprise");
        assert_eq!(fold("中国移动 元宇宙"), "中国移动 元宇宙");
        assert_eq!(fold("ΕΛΛΆΔΑ"), "ελλαδα");
        assert_eq!(fold("سال ۲۰۲۷، عام ٢٠٢٧"), "سال 2027 عام 2027");
        assert_eq!(fold(""), "");
        assert_eq!(fold("—"), "");
    }

    #[test]
    fn unspaced_scripts_are_recognised() {
        assert!(is_unspaced_script('中'));
        assert!(is_unspaced_script('か'));
        assert!(is_unspaced_script('한'));
        assert!(!is_unspaced_script('a'));
        assert!(!is_unspaced_script('é'));
    }

    #[test]
    fn excerpt_cuts_at_a_word_boundary() {
        let s = "Regulators in three countries agreed on shared rules for stablecoin reserves";
        assert_eq!(excerpt(s, 200), s);
        assert_eq!(excerpt(s, 30), "Regulators in three countries…");
        assert_eq!(excerpt(s, 29), "Regulators in three countries…");
        assert_eq!(excerpt(s, 28), "Regulators in three…");
        assert_eq!(excerpt("Markets, bonds and more", 9), "Markets…");
        assert_eq!(excerpt("Supercalifragilistic", 5), "Super…");
        assert_eq!(excerpt("  padded  ", 10), "padded");
        let long = "é".repeat(50);
        assert_eq!(excerpt(&long, 10).chars().count(), 11);
        // A card's does not cut off a short last word alone; a longer one, or two, it does.
        let s = "The ferry sails at dawn from the old harbour on most days of the week.";
        assert_eq!(teaser(s, 66), s);
        assert_eq!(
            excerpt(s, 66),
            "The ferry sails at dawn from the old harbour on most days of the…"
        );
        assert_eq!(
            teaser(s, 60),
            "The ferry sails at dawn from the old harbour on most days of…"
        );
        let s = "The ferry sails at dawn, said the harbourmaster.";
        assert_eq!(teaser(s, 40), "The ferry sails at dawn, said the…");
    }

    #[test]
    fn excerpts_move_to_a_late_match() {
        let text = format!(
            "{} the needle is here and then more words follow",
            "filler words ".repeat(40)
        );
        let at = text.find("needle").unwrap();
        let e = excerpt_around(&text, at, 80);
        assert!(e.starts_with('…') && e.contains("needle"), "{e}");
        assert!(e.chars().count() <= 82);
        // Early in it: a few words before.
        let before = e[..e.find("needle").unwrap()].chars().count();
        assert!((5..=12).contains(&before), "{before}: {e}");
        let early = "word ".repeat(5) + "needle" + &" more".repeat(40);
        assert!(excerpt_around(&early, early.find("needle").unwrap(), 80).starts_with("word"));
        let later = "word ".repeat(6) + "needle" + &" more".repeat(40);
        assert!(excerpt_around(&later, later.find("needle").unwrap(), 80).starts_with('…'));
        assert_eq!(excerpt_around("short text", 6, 80), "short text");
        assert_eq!(excerpt_around(&text, 0, 80), teaser(&text, 80));
    }

    #[test]
    fn a_late_match_after_wide_spaces_starts_past_the_space() {
        for space in ['\u{a0}', '\u{2009}', '\u{3000}'] {
            let text = format!("word{space}").repeat(60) + "needle";
            let e = excerpt_around(&text, text.find("needle").unwrap(), 80);
            assert!(e.starts_with("…word") && e.ends_with("needle"), "{e}");
        }
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("AT&amp;T &#x41;&#66; &bogus; & &;"),
            "AT&T AB &bogus; & &;"
        );
        assert_eq!(decode_entities("&#0;&#xFFFFFF;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(
            decode_entities("Not&iacute;cias &nbsp;&Eacute;&yuml;&euro;&hellip;"),
            "Notícias \u{A0}Éÿ€…"
        );
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace(" a \n\t b  "), "a b");
        // The line tabulation is white space too (a tag of only that is empty).
        assert_eq!(collapse_owned("\u{b}".into()), "");
        assert_eq!(collapse_owned("a\u{b}b".into()), "a b");
        assert_eq!(collapse_owned("a\u{c}\u{b}".into()), "a");
    }
}
