//! Queries as typed: words, "quoted phrases", and the word still being typed.

use super::tokens::{clitic, for_each_token, joins, Kind};
use crate::text::is_unspaced_script;

/// Words of at least this many characters also match words one edit away ("presidnet").
pub const TYPO_MIN_CHARS: usize = 5;
/// Shorter words of at least this many letters match their forms with or without a final "s"
/// ("guns", "gun"), their only "typos" ([`short_form`](super::tokens::short_form)).
pub const FORMS_MIN_CHARS: usize = 3;
/// At most this many clauses of a query are used; the rest are ignored.
pub const MAX_CLAUSES: usize = 16;
/// A query is cut to this many characters (the search box takes no more, nor the address).
pub const MAX_QUERY_CHARS: usize = 200;

/// `query` cut to [`MAX_QUERY_CHARS`] characters.
pub fn within_limit(query: &str) -> &str {
    query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query, |(cut, _)| &query[..cut])
}

/// One requirement of a query: every clause must match a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A folded word. `prefix`: it is the last word and still being typed, so words that start
    /// with it match too. `typo`: words one edit away match (ranked lower): any, for a word of
    /// [`TYPO_MIN_CHARS`] or more, and for a shorter one its form with or without a final "s".
    /// `respelled`: a word being typed, with a typo, that no word of the index starts with
    /// ("presidn"): words that start one edit away from it match, ranked as typos. The index
    /// sets it ([`Index::respell`](super::Index::respell)); [`Query::parse`] never does.
    Word {
        text: String,
        prefix: bool,
        typo: bool,
        respelled: bool,
    },
    /// Folded words that must stand next to each other, in order. `prefix`: the quote is still
    /// open at the end of the query, so the last word is being typed and matches as a prefix.
    Phrase { words: Vec<String>, prefix: bool },
    /// Folded words no story found may hold all of: typed with a minus before them ("-trump",
    /// `-"white house"`, "-at&t").
    Without { words: Vec<String> },
}

impl Clause {
    /// A word matched as it is written (or, with `prefix`, as the start of words): no typos.
    fn literal(text: String, prefix: bool) -> Self {
        Clause::Word {
            text,
            prefix,
            typo: false,
            respelled: false,
        }
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Its clauses, in the order typed.
    pub clauses: Vec<Clause>,
}

impl Query {
    /// Parses what the reader typed. Text inside double quotes (straight or curly) is a phrase;
    /// an unclosed quote runs to the end. The last word is a prefix unless the query ends in a
    /// space or a closing quote. Text in unspaced scripts becomes its characters' bigrams. A
    /// word outside quotes with a minus before it ("-trump") is one no story found may hold.
    pub fn parse(input: &str) -> Self {
        let mut clauses = Vec::new();
        // The words left out, added after the others.
        let mut left_out = Vec::new();
        let normalised = input.replace(['“', '”', '„'], "\"");
        let parts: Vec<&str> = normalised.split('"').collect();
        let last_part = parts.len() - 1;
        let mut minus_before = false;
        for (n, part) in parts.iter().enumerate() {
            let quoted = n % 2 == 1;
            if quoted && std::mem::take(&mut minus_before) {
                // -"white house": a phrase left out (its words, all of them).
                let words = query_words(part);
                if !words.is_empty() && n != last_part {
                    left_out.push(Clause::Without { words });
                }
                continue;
            }
            let part = if quoted {
                part.to_string()
            } else {
                let (kept, minus) = without(part, n == last_part, &mut left_out);
                minus_before = minus;
                kept
            };
            let part = part.as_str();
            // Still being typed: the query ends in a letter or digit, or in a hyphen or
            // apostrophe that joins the next; not after a space, a quote or other punctuation
            // ("U.S."), nor a word left out.
            let ends_open = n == last_part
                && part.ends_with(|c: char| {
                    c.is_alphanumeric() || matches!(c, '-' | '\u{2010}' | '\'' | '\u{2019}')
                });
            if quoted {
                // An unclosed quote at the end is still being typed: its last word is a prefix,
                // so results narrow as the phrase grows instead of vanishing mid-word.
                let prefix = ends_open;
                let words = query_words(part);
                // Text of unspaced scripts is its bigrams, which hold their order already: each
                // is a word to find (the phrase check reads the text's single characters).
                let unspaced = words.iter().all(|w| w.starts_with(is_unspaced_script));
                match words.len() {
                    0 => {}
                    _ if unspaced => {
                        clauses.extend(words.into_iter().map(|text| Clause::literal(text, false)))
                    }
                    1 => clauses.push(Clause::literal(words[0].clone(), prefix)),
                    _ => clauses.push(Clause::Phrase { words, prefix }),
                }
                continue;
            }
            let words = query_tokens(part);
            let count = words.len();
            // Nor is a number that ends in a whole group of three ("1,000") being typed: it is
            // not the start of "10,000".
            let ends_grouped = ends_in_digit_group(part);
            for (k, (w, sep)) in words.into_iter().enumerate() {
                // The ending of a contraction or possessive ("don't", "Trump's"), which the
                // texts hold as a word of its own, and a single letter stuck to the word before
                // ("AT&T", "U.S"): a phrase with the word before, rather than every word that
                // starts with "t" or "s", or every story with an "s" somewhere.
                let stray = sep.is_some() && w.chars().count() == 1;
                if sep.is_some_and(|sep| clitic(sep, w.as_bytes())) || stray {
                    stick_to_last(&mut clauses, w);
                    continue;
                }
                let unspaced = w.chars().any(is_unspaced_script);
                let grouped = ends_grouped && w.bytes().all(|b| b.is_ascii_digit());
                let prefix = !unspaced && !grouped && ends_open && k + 1 == count;
                // A number is no typo of another ("24,000" is not "25,000").
                let typo = !unspaced
                    && w.chars().count() >= FORMS_MIN_CHARS
                    && !w.bytes().any(|b| b.is_ascii_digit());
                clauses.push(Clause::Word {
                    text: w,
                    prefix,
                    typo,
                    respelled: false,
                });
            }
        }
        clauses.extend(left_out);
        clauses.dedup();
        clauses.truncate(MAX_CLAUSES);
        Query { clauses }
    }

    /// True when the query asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// `text` without the words with a minus before them (at its start or after a space: "-trump",
/// "−trump"), which are added to `left_out`, each with the words it joins ("-at&t"), and whether
/// `text` ends in a minus that stands before a quote (`-"white house"`). At the query's end
/// (`last`), a word still being typed is left out only from its third letter on, lest every
/// story with an "a" vanish on the way to "-apple".
fn without(text: &str, last: bool, left_out: &mut Vec<Clause>) -> (String, bool) {
    let mut kept = String::with_capacity(text.len());
    let mut chunks = text.split(char::is_whitespace).peekable();
    let mut first = true;
    while let Some(chunk) = chunks.next() {
        if !std::mem::take(&mut first) {
            kept.push(' ');
        }
        match chunk.strip_prefix(['-', '\u{2212}']) {
            Some("") if !last && chunks.peek().is_none() => return (kept, true),
            Some(word) if word.starts_with(char::is_alphanumeric) => {
                let typing = last && chunks.peek().is_none();
                let words = query_words(word);
                let short = typing && word.chars().count() < 3;
                if !short && !words.is_empty() {
                    left_out.push(Clause::Without { words });
                }
            }
            _ => kept.push_str(chunk),
        }
    }
    (kept, false)
}

/// Adds `word` to the last clause as the next word of a phrase.
fn stick_to_last(clauses: &mut Vec<Clause>, word: String) {
    match clauses.pop() {
        Some(Clause::Phrase { mut words, .. }) => {
            words.push(word);
            clauses.push(Clause::Phrase {
                words,
                prefix: false,
            });
        }
        Some(Clause::Word { text, .. }) => clauses.push(Clause::Phrase {
            words: vec![text, word],
            prefix: false,
        }),
        last => {
            clauses.extend(last);
            clauses.push(Clause::literal(word, false));
        }
    }
}

/// Whether `text` ends in a group of three digits after a digit group separator ("1,000").
fn ends_in_digit_group(text: &str) -> bool {
    let mut c = text.chars().rev();
    (0..3).all(|_| c.next().is_some_and(|c| c.is_ascii_digit()))
        && c.next().is_some_and(|sep| joins('0', sep, '0', true))
}

/// The words of [`query_tokens`], without what stands between them.
fn query_words(text: &str) -> Vec<String> {
    query_tokens(text).into_iter().map(|(w, _)| w).collect()
}

/// The tokens of a query: words as indexed, words the text joins as one ("well-being" →
/// "wellbeing", which the index holds for "well-being" and "wellbeing" alike), and for unspaced
/// scripts the bigrams (or the single character when a run is one character long), since the
/// index holds both. Each comes with the one character other than a space that stands between
/// it and the word before, if that is all there is ("'" before "t" in "don't").
fn query_tokens(text: &str) -> Vec<(String, Option<char>)> {
    let mut out: Vec<(String, Option<char>)> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    // Where the words of the last run of joined words start in `out`.
    let mut joined_from = 0;
    // Where the last word ended in `text`.
    let mut last_end = None;
    let flush = |run: &mut Vec<String>, out: &mut Vec<(String, Option<char>)>| {
        match run.len() {
            0 => {}
            1 => out.push((run[0].clone(), None)),
            _ => out.extend(run.windows(2).map(|w| (format!("{}{}", w[0], w[1]), None))),
        }
        run.clear();
    };
    for_each_token(text, |t, start, end, kind| match kind {
        // Bigrams are rebuilt from the run of single characters.
        Kind::Pair => {}
        Kind::Word if t.starts_with(is_unspaced_script) => run.push(t.to_string()),
        Kind::Compound => {
            let sep = out.get(joined_from).and_then(|(_, sep)| *sep);
            out.truncate(joined_from);
            out.push((t.to_string(), sep));
        }
        Kind::Word | Kind::Joined => {
            flush(&mut run, &mut out);
            if kind == Kind::Word {
                joined_from = out.len();
            }
            let mut between = last_end
                .map(|e| text[e..start].chars())
                .into_iter()
                .flatten();
            let sep = match (between.next(), between.next()) {
                (Some(c), None) if !c.is_whitespace() => Some(c),
                _ => None,
            };
            last_end = Some(end);
            out.push((t.to_string(), sep));
        }
    });
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, prefix: bool) -> Clause {
        Clause::Word {
            text: text.into(),
            prefix,
            typo: text.chars().count() >= FORMS_MIN_CHARS
                && !text.contains(|c: char| c.is_ascii_digit()),
            respelled: false,
        }
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        assert_eq!(
            Query::parse("Climate chan").clauses,
            [w("climate", false), w("chan", true)]
        );
        assert_eq!(
            Query::parse("climate change ").clauses,
            [w("climate", false), w("change", false)]
        );
        assert!(Query::parse("  ").is_empty());
        assert!(Query::parse("—!").is_empty());
    }

    #[test]
    fn quotes_make_phrases() {
        assert_eq!(
            Query::parse("\"White House\" bid").clauses,
            [
                Clause::Phrase {
                    words: vec!["white".into(), "house".into()],
                    prefix: false
                },
                w("bid", true)
            ]
        );
        assert_eq!(
            Query::parse("“supreme court”").clauses,
            [Clause::Phrase {
                words: vec!["supreme".into(), "court".into()],
                prefix: false
            }]
        );
        assert_eq!(
            Query::parse("\"open ended").clauses,
            [Clause::Phrase {
                words: vec!["open".into(), "ended".into()],
                prefix: true
            }]
        );
        let quoted = |text: &str, prefix| Clause::Word {
            text: text.into(),
            prefix,
            typo: false,
            respelled: false,
        };
        assert_eq!(Query::parse("\"sol").clauses, [quoted("sol", true)]);
        assert_eq!(
            Query::parse("\"open ended\" sol").clauses,
            [
                Clause::Phrase {
                    words: vec!["open".into(), "ended".into()],
                    prefix: false
                },
                w("sol", true)
            ]
        );
        assert_eq!(
            Query::parse("\"solo\"").clauses,
            [Clause::Word {
                text: "solo".into(),
                prefix: false,
                typo: false,
                respelled: false
            }]
        );
    }

    #[test]
    fn accents_fold_and_words_under_three_letters_get_no_typos() {
        assert_eq!(Query::parse("Résumé").clauses, [w("resume", true)]);
        assert_eq!(Query::parse("tax ").clauses, [w("tax", false)]);
        assert_eq!(
            Query::parse("uk ").clauses,
            [Clause::Word {
                text: "uk".into(),
                prefix: false,
                typo: false,
                respelled: false
            }]
        );
    }

    #[test]
    fn words_joined_in_a_query_are_one_word() {
        assert_eq!(
            Query::parse("well-being at work").clauses,
            [w("wellbeing", false), w("at", false), w("work", true)]
        );
        assert_eq!(Query::parse("1,200 ").clauses, [w("1200", false)]);
        assert_eq!(Query::parse("o’brien").clauses, [w("obrien", true)]);
        assert_eq!(
            Query::parse("she'll").clauses,
            [Clause::Phrase {
                words: vec!["she".into(), "ll".into()],
                prefix: false
            }]
        );
        // Until the groups are whole, they are words of their own.
        assert_eq!(Query::parse("1,20").clauses, [w("1", false), w("20", true)]);
        assert_eq!(Query::parse("well-").clauses, [w("well", true)]);
        assert_eq!(
            Query::parse("\"the well-being of").clauses,
            [Clause::Phrase {
                words: vec!["the".into(), "wellbeing".into(), "of".into()],
                prefix: true
            }]
        );
    }

    #[test]
    fn a_stray_letter_is_no_word_being_typed() {
        let phrase = |a: &str, b: &str| Clause::Phrase {
            words: vec![a.into(), b.into()],
            prefix: false,
        };
        // A contraction or possessive: the word with its ending, side by side.
        assert_eq!(Query::parse("Trump's").clauses, [phrase("trump", "s")]);
        assert_eq!(
            Query::parse("don’t panic").clauses,
            [phrase("don", "t"), w("panic", true)]
        );
        // A letter after other punctuation, whether the query ends there or not.
        let phrase3 = |words: [&str; 3]| Clause::Phrase {
            words: words.map(String::from).to_vec(),
            prefix: false,
        };
        assert_eq!(Query::parse("AT&T").clauses, [phrase("at", "t")]);
        assert_eq!(Query::parse("at&t ").clauses, [phrase("at", "t")]);
        assert_eq!(Query::parse("U.S.").clauses, [phrase("u", "s")]);
        assert_eq!(Query::parse("U.S").clauses, [phrase("u", "s")]);
        assert_eq!(Query::parse("U.S.A.").clauses, [phrase3(["u", "s", "a"])]);
        assert_eq!(
            Query::parse("U.S. ban").clauses,
            [phrase("u", "s"), w("ban", true)]
        );
        // Typed with a space, a letter is the start of a word.
        assert_eq!(
            Query::parse("trump s").clauses,
            [w("trump", false), w("s", true)]
        );
    }

    #[test]
    fn a_word_with_a_minus_before_it_is_left_out() {
        let out = |t: &str| Clause::Without {
            words: t.split(' ').map(String::from).collect(),
        };
        assert_eq!(
            Query::parse("biden -trump").clauses,
            [w("biden", false), out("trump")]
        );
        assert_eq!(
            Query::parse("−trump biden").clauses,
            [w("biden", true), out("trump")]
        );
        assert_eq!(Query::parse("-well-being ").clauses, [out("wellbeing")]);
        // A word left out keeps the words it joins; a phrase in quotes is left out whole.
        assert_eq!(Query::parse("-at&t ").clauses, [out("at t")]);
        assert_eq!(
            Query::parse("biden -\"white house\"").clauses,
            [w("biden", false), out("white house")]
        );
        assert_eq!(
            Query::parse("-\"white hou").clauses,
            [],
            "still being typed"
        );
        // Still being typed, a word is left out from its third letter on.
        assert_eq!(Query::parse("biden -a").clauses, [w("biden", false)]);
        assert_eq!(
            Query::parse("biden -app").clauses,
            [w("biden", false), out("app")]
        );
        assert_eq!(
            Query::parse("biden -a ").clauses,
            [w("biden", false), out("a")]
        );
        // Not a minus: inside a word, alone, or inside quotes.
        assert_eq!(Query::parse("well-being ").clauses, [w("wellbeing", false)]);
        assert_eq!(Query::parse("biden - ").clauses, [w("biden", false)]);
        assert_eq!(
            Query::parse("\"pre -war\"").clauses,
            [Clause::Phrase {
                words: vec!["pre".into(), "war".into()],
                prefix: false
            }]
        );
    }

    #[test]
    fn unspaced_text_becomes_bigrams() {
        let bigram = |t: &str| Clause::Word {
            text: t.into(),
            prefix: false,
            typo: false,
            respelled: false,
        };
        assert_eq!(
            Query::parse("元宇宙").clauses,
            [bigram("元宇"), bigram("宇宙")]
        );
        assert_eq!(Query::parse("宙").clauses, [bigram("宙")]);
        assert_eq!(
            Query::parse("中国 mobile").clauses,
            [bigram("中国"), w("mobile", true)]
        );
    }
}
