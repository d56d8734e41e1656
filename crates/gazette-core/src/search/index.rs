//! The inverted index: built once per article set, it answers every query from its vocabulary and
//! postings without reading the stories' text again.
//!
//! Layout (flat arrays, a few bytes per posting, so 200,000 stories index in well under a
//! second and stay compact in wasm memory):
//! - `terms`: the vocabulary, sorted, so a prefix is one contiguous range found by binary search;
//! - `starts[t]..starts[t + 1]`: term `t`'s postings in `docs` (ascending story numbers) and
//!   `tfs` (how often it occurs in the headline, the summary, and the authors, tags and category, packed
//!   into one byte);
//! - per story, the lengths of its headline and summary in tokens, for length normalisation.
//!
//! Ranking is BM25F: term frequencies are weighted per field (headline [`W_TITLE`] above summary
//! [`W_SUMMARY`] above authors, tags and category [`W_META`]), normalised by field length, saturated by
//! [`K1`], and multiplied by the term's inverse document frequency. Stories are ordered first by
//! how many clauses they matched without a typo, so typo matches always rank below exact ones
//! (a word's other number, "wallet" for "wallets", is no typo).

use super::query::{Clause, Query, TYPO_MIN_CHARS};
use super::tokens::{
    clitic, for_each_token, joins, short_form, starts_within_one_edit, within_one_edit, Kind,
    LINE_JOIN, MAX_TOKEN_BYTES,
};
use crate::intern::Interner;
use crate::model::Article;
use crate::order;
use rustc_hash::FxHashMap;

/// BM25 term-frequency saturation (usual range 1.2 to 2.0).
pub const K1: f32 = 1.2;
/// BM25 length normalisation (0 = none, 1 = full).
pub const B: f32 = 0.75;
/// Weight of a match in the headline.
pub const W_TITLE: f32 = 4.0;
/// Weight of a match in the summary.
pub const W_SUMMARY: f32 = 2.0;
/// Weight of a match in the authors or tags.
pub const W_META: f32 = 1.0;
/// Score factor of a word that only starts with the typed prefix.
pub const PREFIX_FACTOR: f32 = 0.85;
/// Score factor of a word one edit away from the typed one (ranked below exact matches).
pub const TYPO_FACTOR: f32 = 0.4;
/// Score factor of the typed word's other number, with or without a final "s" ([`short_form`]):
/// no typo, so it ranks with exact matches, a little below the word itself. Scored with length
/// normalisation as the word is, so that in a headline it outranks the word in a summary
/// (unless the headline is far longer than most and the summary far shorter).
pub const FORM_FACTOR: f32 = 0.9;
/// Length normalisation is kept within these bounds, so that with the weights above a match in
/// a headline always counts for more than one in a summary, and that for more than one in the
/// authors or tags, whatever the lengths.
const NORM_RANGE: (f32, f32) = (0.75, 1.5);
/// Typo candidates are looked for among words of up to this many characters.
const MAX_TYPO_CHARS: usize = 24;

const FIELD_TITLE: u8 = 0;
const FIELD_SUMMARY: u8 = 1;
const FIELD_META: u8 = 2;

fn pack(title: u32, summary: u32, meta: u32) -> u8 {
    (title.min(7) as u8) | ((summary.min(7) as u8) << 3) | ((meta.min(3) as u8) << 6)
}

/// Collects stories one at a time and builds the [`Index`].
#[derive(Default)]
pub struct IndexBuilder {
    words: Interner,
    pair_term: Vec<u32>,
    pair_tf: Vec<u8>,
    doc_end: Vec<u32>,
    lens: Vec<[u8; 2]>,
    initials: Vec<u64>,
    /// (word, field) pairs of the story being added.
    scratch: Vec<order::Keyed>,
}

/// The bit of a word's first byte among a story's [`Index`] initials: letters a–z, then digits.
fn initial_bit(first: u8) -> Option<u32> {
    match first {
        b'a'..=b'z' => Some(u32::from(first - b'a')),
        b'0'..=b'9' => Some(26 + u32::from(first - b'0')),
        _ => None,
    }
}

impl IndexBuilder {
    /// Adds the next story (stories are numbered in the order they are added).
    pub fn add(&mut self, a: &Article) {
        let mut local = std::mem::take(&mut self.scratch);
        local.clear();
        let mut lens = [0u32; 2];
        let mut initials = 0u64;
        let mut field = |text: &str, f: u8, local: &mut Vec<order::Keyed>, b: &mut Self| {
            for_each_token(text, |t, _, _, kind| {
                if let Some(bit) = t.bytes().next().and_then(initial_bit) {
                    initials |= 1 << bit;
                }
                let id = b.words.id(t);
                local.push((u64::from(id), u32::from(f)));
                // Words joined count once, as their words, in a field's length.
                if (f as usize) < 2 && kind != Kind::Compound {
                    lens[f as usize] += 1;
                }
            });
        };
        field(&a.title, FIELD_TITLE, &mut local, self);
        if let Some(s) = &a.summary {
            field(s, FIELD_SUMMARY, &mut local, self);
        }
        // Authors, tags and the category: a reader who types "defi" means the DeFi stories too.
        for m in a.authors.iter().chain(&a.tags).chain([&a.category]) {
            field(m, FIELD_META, &mut local, self);
        }
        order::sort(&mut local);
        let mut i = 0;
        while i < local.len() {
            let t = local[i].0;
            let mut c = [0u32; 3];
            while i < local.len() && local[i].0 == t {
                c[local[i].1 as usize] += 1;
                i += 1;
            }
            self.pair_term.push(t as u32);
            self.pair_tf.push(pack(c[0], c[1], c[2]));
        }
        self.doc_end.push(self.pair_term.len() as u32);
        self.initials.push(initials);
        self.lens
            .push([lens[0].min(255) as u8, lens[1].min(255) as u8]);
        self.scratch = local;
    }

    /// Builds the index: sorts the vocabulary and lays out the postings.
    pub fn finish(self) -> Index {
        let IndexBuilder {
            words,
            pair_term,
            pair_tf,
            doc_end,
            lens,
            initials,
            ..
        } = self;
        let names = words.into_names();
        // Each word's number in the sorted vocabulary.
        let remap = order::ranks(&names);
        let mut starts = vec![0u32; names.len() + 1];
        for &t in &pair_term {
            starts[remap[t as usize] as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut docs = vec![0u32; pair_term.len()];
        let mut tfs = vec![0u8; pair_term.len()];
        let mut begin = 0usize;
        for (doc, &end) in doc_end.iter().enumerate() {
            for p in begin..end as usize {
                let t = remap[pair_term[p] as usize] as usize;
                let at = fill[t] as usize;
                docs[at] = doc as u32;
                tfs[at] = pair_tf[p];
                fill[t] += 1;
            }
            begin = end as usize;
        }
        drop((pair_term, pair_tf, fill));
        let mut terms: Vec<Box<str>> = vec![Box::default(); names.len()];
        for (name, &new) in names.into_iter().zip(&remap) {
            terms[new as usize] = name;
        }
        drop(remap);
        // Typo candidates: words of a given length by their first and by their second
        // character. A word one edit away from another shares its first character, or its
        // second, or has one of them where the other has the other (see `expand`).
        let mut by_first: FxHashMap<(u8, char), Vec<u32>> = FxHashMap::default();
        let mut by_second: FxHashMap<(u8, char), Vec<u32>> = FxHashMap::default();
        for (id, t) in terms.iter().enumerate() {
            let n = t.chars().count();
            if (2..=MAX_TYPO_CHARS + 1).contains(&n) {
                let mut cs = t.chars();
                let (Some(c0), Some(c1)) = (cs.next(), cs.next()) else {
                    continue;
                };
                by_first.entry((n as u8, c0)).or_default().push(id as u32);
                by_second.entry((n as u8, c1)).or_default().push(id as u32);
            }
        }
        let n = lens.len().max(1) as f32;
        let avg = [
            lens.iter().map(|l| f32::from(l[0])).sum::<f32>() / n,
            lens.iter().map(|l| f32::from(l[1])).sum::<f32>() / n,
        ];
        let mut index = Index {
            terms,
            by_first,
            by_second,
            starts,
            docs,
            tfs,
            lens,
            initials,
            avg: [avg[0].max(1.0), avg[1].max(1.0)],
            quick: Vec::new(),
        };
        index.quick = (0..=255u8)
            .map(|packed| index.bm25_at_average(packed))
            .collect();
        index
    }
}

/// An inverted index over a set of stories.
#[derive(Debug, Default, PartialEq)]
pub struct Index {
    terms: Vec<Box<str>>,
    by_first: FxHashMap<(u8, char), Vec<u32>>,
    by_second: FxHashMap<(u8, char), Vec<u32>>,
    starts: Vec<u32>,
    docs: Vec<u32>,
    tfs: Vec<u8>,
    lens: Vec<[u8; 2]>,
    /// Per story, the first characters of its words (bits of [`initial_bit`]): a one-letter
    /// prefix, the first keystroke of most searches, is answered from these alone.
    initials: Vec<u64>,
    avg: [f32; 2],
    /// BM25F of each packed term frequency at average field lengths, for quick scoring.
    quick: Vec<f32>,
}

impl Eq for Index {}

/// Which stories match a query, and how well.
#[derive(Debug)]
pub struct Matches {
    /// Per story: one bit per clause it matched.
    pub mask: Vec<u16>,
    /// The value of `mask` for a story that matched every clause.
    pub full: u16,
    /// Per story: one bit per clause it matched exactly (or as a prefix), not only by a typo.
    pub exact: Vec<u16>,
    /// Per story: its relevance score.
    pub score: Vec<f32>,
    /// False when no word of the query was scored (the query is one letter still being typed):
    /// every score is then 0 and every match has the same `exact` bits, so relevance order is
    /// simply newest first.
    pub ranked: bool,
}

impl Matches {
    /// True if story `doc` matched every clause.
    #[inline]
    pub fn hit(&self, doc: usize) -> bool {
        self.mask[doc] == self.full
    }
}

impl Index {
    /// How many stories the index covers.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// True for an index of no stories.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// How many distinct words it holds.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// How many (word, story) pairs it holds.
    pub fn postings_len(&self) -> usize {
        self.docs.len()
    }

    /// Bytes held by the index's arrays (not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        self.terms.iter().map(|t| t.len() + 16).sum::<usize>()
            + self
                .by_first
                .values()
                .chain(self.by_second.values())
                .map(|v| v.len() * 4 + 32)
                .sum::<usize>()
            + self.starts.len() * 4
            + self.docs.len() * 5
            + self.lens.len() * 2
            + self.initials.len() * 8
    }

    /// The vocabulary, sorted.
    pub fn terms(&self) -> &[Box<str>] {
        &self.terms
    }

    /// The stories (ascending numbers) whose headline, summary, authors or tags hold the folded
    /// word `word`; empty for a word the index does not know.
    pub fn postings(&self, word: &str) -> &[u32] {
        match self.term_id(word) {
            Some(t) => {
                &self.docs[self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize]
            }
            None => &[],
        }
    }

    fn term_id(&self, word: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_ref().cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.terms.partition_point(|t| t.as_ref() < prefix);
        let hi = lo + self.terms[lo..].partition_point(|t| t.starts_with(prefix));
        lo..hi
    }

    /// The words of the index a clause word stands for, each with its score factor: the word
    /// itself (1.0), words it begins (prefix clauses, [`PREFIX_FACTOR`]) and words one edit away
    /// (typo clauses, [`TYPO_FACTOR`]; its other number, [`FORM_FACTOR`]). A word that is one of
    /// the index's itself keeps only the words one letter longer or shorter at its end
    /// ("pipeline", "pipelines"): "white" is no typo of "while", nor "mail" of "email".
    ///
    /// A `respelled` word (see [`Clause::Word`]) also stands for the words that start one edit
    /// away from it, as typos: those that start with its first letter, or its second (a swap,
    /// or a letter too many at the start).
    pub fn expand(&self, word: &str, prefix: bool, typo: bool, respelled: bool) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        let exact = self.term_id(word);
        if let Some(id) = exact {
            out.push((id, 1.0));
        }
        if prefix {
            for id in self.prefix_range(word) {
                if Some(id as u32) != exact {
                    out.push((id as u32, PREFIX_FACTOR));
                }
            }
        }
        let n = word.chars().count();
        if typo && n < TYPO_MIN_CHARS {
            // A short word: its other form, with or without a final "s".
            let form = match word.strip_suffix('s') {
                Some(singular) => singular.to_string(),
                None => format!("{word}s"),
            };
            let id = self.term_id(&form).filter(|_| short_form(&form, word));
            if let Some(id) = id.filter(|id| !out.iter().any(|&(t, _)| t == *id)) {
                out.push((id, FORM_FACTOR));
            }
        } else if typo {
            let mut cs = word.chars();
            if let (Some(c0), Some(c1)) = (cs.next(), cs.next()) {
                for len in n.saturating_sub(1)..=(n + 1).min(MAX_TYPO_CHARS + 1) {
                    let key = |c| (len as u8, c);
                    let buckets = [
                        self.by_first.get(&key(c0)),
                        self.by_first.get(&key(c1)),
                        self.by_second.get(&key(c0)),
                        self.by_second.get(&key(c1)),
                    ];
                    for &id in buckets.into_iter().flatten().flatten() {
                        let t = &self.terms[id as usize];
                        if Some(id) != exact
                            && !(prefix && t.starts_with(word))
                            && (exact.is_none() || t.starts_with(word) || word.starts_with(&**t))
                            && within_one_edit(t, word)
                            && !seen.contains(&id)
                        {
                            seen.push(id);
                            let form = short_form(t, word);
                            out.push((id, if form { FORM_FACTOR } else { TYPO_FACTOR }));
                        }
                    }
                }
            }
        }
        if respelled {
            let mut cs = word.chars();
            let (c0, c1) = (cs.next(), cs.next());
            let firsts = [c0, c1.filter(|&c| Some(c) != c0)];
            for c in firsts.into_iter().flatten() {
                for id in self.prefix_range(c.encode_utf8(&mut [0; 4])) {
                    let id = id as u32;
                    if starts_within_one_edit(&self.terms[id as usize], word) && !seen.contains(&id)
                    {
                        out.push((id, TYPO_FACTOR));
                    }
                }
            }
        }
        out
    }

    /// Marks the words of `query` being typed, long enough for typos, that no word of the index
    /// starts with ("presidn"), so that words starting one edit away stand for them.
    pub fn respell(&self, query: &mut Query) {
        for clause in &mut query.clauses {
            if let Clause::Word {
                text,
                prefix: true,
                typo: true,
                respelled,
            } = clause
            {
                *respelled =
                    text.chars().count() >= TYPO_MIN_CHARS && self.prefix_range(text).is_empty();
            }
        }
    }

    fn idf(&self, term: u32) -> f32 {
        let df = (self.starts[term as usize + 1] - self.starts[term as usize]) as f32;
        let n = self.len() as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Runs the word and phrase clauses of a query over the index. Phrase clauses match here
    /// when the story has all their words; the caller checks that they stand together.
    /// `None` for a query with no clauses (every story matches).
    pub fn run(&self, query: &Query) -> Option<Matches> {
        if query.is_empty() {
            return None;
        }
        let n = self.len();
        let mut m = Matches {
            mask: vec![0; n],
            full: 0,
            exact: vec![0; n],
            score: vec![0.0; n],
            ranked: false,
        };
        let mut bit = 0u32;
        let excluding = query
            .clauses
            .iter()
            .any(|c| matches!(c, Clause::Without { .. }));
        for clause in &query.clauses {
            let words: Vec<(&str, bool, bool, bool)> = match clause {
                Clause::Word {
                    text,
                    prefix,
                    typo,
                    respelled,
                } => vec![(text.as_str(), *prefix, *typo, *respelled)],
                Clause::Phrase { words, prefix } => {
                    let last = words.len().saturating_sub(1);
                    words
                        .iter()
                        .enumerate()
                        .map(|(k, w)| (w.as_str(), *prefix && k == last, false, false))
                        .collect()
                }
                Clause::Without { .. } => continue,
            };
            for (w, prefix, typo, respelled) in words {
                // (The last bit is kept for the words left out, when there are any.)
                if bit >= 16 || (bit >= 15 && excluding) {
                    break;
                }
                let b = 1u16 << bit;
                bit += 1;
                m.full |= b;
                // A prefix of one or two letters stands for a large part of the vocabulary
                // ("co": covid, court, could…), too varied for a score to mean anything: the
                // words it begins only select stories (newest first). A two-letter word that is
                // itself in the vocabulary ("uk", "ai") still ranks its stories first.
                let letters = w.chars().count();
                let short = prefix && letters <= 2;
                // One letter or digit: the stories with a word that starts with it, from their
                // initials rather than from the postings of every such word (for "t", most of
                // the postings there are). It only selects, as any prefix that short does.
                let bit = w.bytes().next().and_then(initial_bit);
                if let (true, 1, Some(bit)) = (prefix, letters, bit) {
                    for (doc, &has) in self.initials.iter().enumerate() {
                        if has >> bit & 1 != 0 {
                            m.mask[doc] |= b;
                            m.exact[doc] |= b;
                        }
                    }
                    continue;
                }
                // A word it stands for (a longer one, a typo) weighs no more than the word
                // typed, when that is a word of the index: a rare longer word ("trumpsigned",
                // of "Trump-Signed") does not outrank the word itself ("trumps"). And a story
                // scores by the first of them it holds (the word itself, then longer words, then
                // typos), not by all of them added up.
                let own = self.term_id(w).map(|id| self.idf(id));
                let terms = self.expand(w, prefix, typo, respelled);
                // What the word itself gave each story, when its other number follows: a story
                // holding both scores by the better ("outage" in its headline, "outages" among
                // its tags).
                let mut by_word: Option<Vec<(u32, f32)>> =
                    terms.iter().any(|&(_, f)| f == FORM_FACTOR).then(Vec::new);
                for (term, factor) in terms {
                    let rank = !short || (letters == 2 && factor >= 1.0);
                    m.ranked |= rank;
                    let idf = match own {
                        Some(own) if factor < 1.0 => self.idf(term).min(own),
                        _ => self.idf(term),
                    } * factor;
                    let exact_bit = if factor >= PREFIX_FACTOR { b } else { 0 };
                    let range = self.starts[term as usize] as usize
                        ..self.starts[term as usize + 1] as usize;
                    if !rank {
                        for &doc in &self.docs[range] {
                            m.mask[doc as usize] |= b;
                            m.exact[doc as usize] |= exact_bit;
                        }
                    } else if factor < 1.0 {
                        // Prefix and typo expansions: field weights without length normalisation
                        // (a word's other number with it, as the word itself).
                        let form = factor == FORM_FACTOR;
                        for p in range {
                            let doc = self.docs[p] as usize;
                            if m.mask[doc] & b != 0 {
                                let had = by_word.as_deref().filter(|_| form).and_then(|v| {
                                    let i = v.binary_search_by_key(&(doc as u32), |e| e.0).ok();
                                    i.map(|i| v[i].1)
                                });
                                if let Some(had) = had {
                                    let now = idf * self.bm25(doc, self.tfs[p]);
                                    m.score[doc] += (now - had).max(0.0);
                                }
                                continue;
                            }
                            m.mask[doc] |= b;
                            m.exact[doc] |= exact_bit;
                            let tf = self.tfs[p];
                            m.score[doc] += idf
                                * if form {
                                    self.bm25(doc, tf)
                                } else {
                                    self.quick[tf as usize]
                                };
                        }
                    } else {
                        for p in range {
                            let doc = self.docs[p] as usize;
                            m.mask[doc] |= b;
                            m.exact[doc] |= exact_bit;
                            let score = idf * self.bm25(doc, self.tfs[p]);
                            m.score[doc] += score;
                            if let Some(v) = by_word.as_mut() {
                                v.push((doc as u32, score));
                            }
                        }
                    }
                }
            }
        }
        // The words left out ("-trump", "-at&t"): the stories holding all the words of one lose
        // the last bit, which every other story has.
        if excluding {
            const KEPT: u16 = 1 << 15;
            m.full |= KEPT;
            m.mask.iter_mut().for_each(|x| *x |= KEPT);
            for clause in &query.clauses {
                let Clause::Without { words } = clause else {
                    continue;
                };
                let mut docs = words.first().map_or(&[][..], |w| self.postings(w)).to_vec();
                for w in &words[1.min(words.len())..] {
                    let more = self.postings(w);
                    docs.retain(|d| more.binary_search(d).is_ok());
                }
                for doc in docs {
                    m.mask[doc as usize] &= !KEPT;
                }
            }
        }
        Some(m)
    }

    fn bm25_at_average(&self, packed: u8) -> f32 {
        let tf_t = f32::from(packed & 7);
        let tf_s = f32::from((packed >> 3) & 7);
        let tf_m = f32::from(packed >> 6);
        let w = W_TITLE * tf_t + W_SUMMARY * tf_s + W_META * tf_m;
        w * (K1 + 1.0) / (w + K1)
    }

    #[inline]
    fn bm25(&self, doc: usize, packed: u8) -> f32 {
        let [lt, ls] = self.lens[doc];
        let tf_t = f32::from(packed & 7);
        let tf_s = f32::from((packed >> 3) & 7);
        let tf_m = f32::from(packed >> 6);
        let norm = |len: u8, avg: f32| {
            (1.0 - B + B * f32::from(len) / avg).clamp(NORM_RANGE.0, NORM_RANGE.1)
        };
        let w = W_TITLE * tf_t / norm(lt, self.avg[0])
            + W_SUMMARY * tf_s / norm(ls, self.avg[1])
            + W_META * tf_m;
        w * (K1 + 1.0) / (w + K1)
    }
}

/// True if `words` stand next to each other, in order, among the tokens of `text` (a word of
/// the phrase may stand for words joined in the text: "wellbeing" for "well-being").
pub fn contains_phrase(text: &str, words: &[String]) -> bool {
    let mut scan = PhraseScan::new(words, false);
    scan.text(text);
    scan.found()
}

/// Looks for a phrase in a story's texts (its headline, then its summary). A phrase must stand
/// within one text: it never runs from one into the next. Each word of the phrase is one word of
/// the text, or the whole of a run of words the text joins ([`joins`]: "1200" stands for
/// "1,200"), as the index holds them. Made once per query and [`PhraseScan::reset`] for each
/// story.
#[derive(Debug)]
pub struct PhraseScan<'a> {
    words: &'a [String],
    /// The last word may be the start of a longer one (a phrase still being typed).
    prefix: bool,
    found: bool,
    /// The folded words of a text that is not ASCII ([`line_up`]), kept for the next.
    line: String,
}

/// Writes a token of [`for_each_token`] to `line`, the words of a text as the phrase check reads
/// them when the text is not ASCII: folded, a word joined to the one before after
/// [`LINE_JOIN`] (which joins any words), the others after a space. Joined words and bigrams
/// are left out (the line has their words). True if it wrote.
pub(crate) fn line_up(line: &mut String, token: &str, kind: Kind) -> bool {
    match kind {
        Kind::Word if !line.is_empty() => line.push(' '),
        Kind::Joined => line.push(LINE_JOIN),
        Kind::Word => {}
        Kind::Compound | Kind::Pair => return false,
    }
    line.push_str(token);
    true
}

/// True for the bytes of words in the texts the phrase check reads: ASCII letters and digits,
/// and (in a line of folded words) every byte beyond ASCII.
fn in_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True if the words on either side of byte `at` of `text`, a separator alone between two
/// words, are joined ([`joins`]).
fn joined_at(text: &[u8], at: usize) -> bool {
    let group = text
        .get(at + 1..at + 4)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !text.get(at + 4).copied().is_some_and(in_word);
    let [before, sep, after] = [at - 1, at, at + 1].map(|k| char::from(text[k]));
    if !joins(before, sep, after, group) {
        return false;
    }
    // (The next word is read only for a separator that joins.)
    let next = &text[at + 1..];
    let next = &next[..next.iter().position(|&b| !in_word(b)).unwrap_or(next.len())];
    !clitic(sep, next)
}

impl<'a> PhraseScan<'a> {
    /// A scan for `words` (folded tokens, as a query's phrase holds them); with `prefix`, the
    /// last word matches any token it begins.
    pub fn new(words: &'a [String], prefix: bool) -> Self {
        PhraseScan {
            words,
            prefix,
            found: words.is_empty(),
            line: String::new(),
        }
    }

    /// Starts again, for another story.
    pub fn reset(&mut self) {
        self.found = self.words.is_empty();
    }

    /// True once the phrase has been seen.
    pub fn found(&self) -> bool {
        self.found
    }

    /// Looks for the phrase in one more text.
    pub fn text(&mut self, text: &str) {
        if self.found {
            return;
        }
        if text.is_ascii() {
            self.found = self.in_line(text.as_bytes());
        } else {
            let mut line = std::mem::take(&mut self.line);
            line.clear();
            for_each_token(text, |t, _, _, kind| {
                line_up(&mut line, t, kind);
            });
            self.found = self.in_line(line.as_bytes());
            self.line = line;
        }
    }

    /// ASCII text, whose words are its runs of letters and digits, lowercased and cut to
    /// MAX_TOKEN_BYTES (as `for_each_token` makes them), or a line of [`line_up`]. Rather than
    /// reading every word, it jumps (memchr) to each place where the first word's first letter
    /// starts one.
    fn in_line(&self, text: &[u8]) -> bool {
        let Some(&c) = self.words.first().and_then(|w| w.as_bytes().first()) else {
            return self.words.is_empty();
        };
        memchr::memchr2_iter(c, c.to_ascii_uppercase(), text)
            .filter(|&i| i == 0 || !in_word(text[i - 1]))
            .any(|i| self.stands_at(text, i, 0).is_some())
    }

    /// If the phrase's words from the `j`-th on stand from byte `at` of `text` (where a word
    /// starts), the byte where the word after them starts (or the text's end).
    pub(crate) fn stands_at(&self, text: &[u8], at: usize, j: usize) -> Option<usize> {
        let run_end = |from: usize, word: bool| {
            text[from..]
                .iter()
                .position(|&b| in_word(b) != word)
                .map_or(text.len(), |k| from + k)
        };
        let Some(w) = self.words.get(j).map(|w| w.as_bytes()) else {
            return Some(at);
        };
        let mut end = run_end(at, true);
        if end == at {
            return None;
        }
        let mut next = run_end(end, false);
        let word = &text[at..end.min(at + MAX_TOKEN_BYTES)];
        if self.same(j, word) {
            if let Some(after) = self.stands_at(text, next, j + 1) {
                return Some(after);
            }
        }
        // Else the phrase's word may be this word and those joined to it, as one: only from the
        // first of them, and only if it starts with this one.
        let inside = at >= 2 && in_word(text[at - 2]) && joined_at(text, at - 1);
        if word.len() > w.len() || !w[..word.len()].eq_ignore_ascii_case(word) || inside {
            return None;
        }
        let mut joined = [0u8; MAX_TOKEN_BYTES + 4];
        let (mut len, mut count, mut from) = (0, 0, at);
        loop {
            for &b in &text[from..end.min(from + MAX_TOKEN_BYTES)] {
                if len < joined.len() {
                    joined[len] = b;
                    len += 1;
                }
            }
            count += 1;
            if next != end + 1 || next == text.len() || !joined_at(text, end) {
                break;
            }
            from = next;
            end = run_end(from, true);
            next = run_end(end, false);
        }
        // Cut as the tokens are: to MAX_TOKEN_BYTES, at the start of a character.
        let mut cut = len.min(MAX_TOKEN_BYTES);
        while cut < len && joined[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
        if count > 1 && self.same(j, &joined[..cut]) {
            self.stands_at(text, next, j + 1)
        } else {
            None
        }
    }

    /// Whether word `t` is the phrase's word `j` (capitals in `t` count as lowercase).
    fn same(&self, j: usize, t: &[u8]) -> bool {
        let w = self.words[j].as_bytes();
        // The last word of a phrase being typed compares with the token's start only.
        let t = if self.prefix && j + 1 == self.words.len() && t.len() > w.len() {
            &t[..w.len()]
        } else {
            t
        };
        w.eq_ignore_ascii_case(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way of reading `text` as a list of tokens: each run of joined words as its words,
    /// or as the one word they make.
    fn readings(text: &str) -> Vec<Vec<String>> {
        let mut runs: Vec<(Vec<String>, Option<String>)> = Vec::new();
        for_each_token(text, |t, _, _, kind| match (kind, runs.last_mut()) {
            (Kind::Joined, Some(run)) => run.0.push(t.into()),
            (Kind::Compound, Some(run)) => run.1 = Some(t.into()),
            (Kind::Pair, _) => {}
            _ => runs.push((vec![t.into()], None)),
        });
        let mut out = vec![Vec::new()];
        for (words, joined) in runs {
            let mut next = Vec::new();
            for r in &out {
                next.push([r.clone(), words.clone()].concat());
                if let Some(j) = &joined {
                    next.push([r.clone(), vec![j.clone()]].concat());
                }
            }
            out = next;
        }
        out
    }

    /// The phrase check, spelled out over every reading of the text.
    fn naive(text: &str, words: &[String]) -> bool {
        words.is_empty()
            || readings(text)
                .iter()
                .any(|r| r.windows(words.len()).any(|w| w == words))
    }

    #[test]
    fn phrases_are_found_in_ascii_and_other_text_as_the_tokens_say() {
        let long = "x".repeat(MAX_TOKEN_BYTES + 5);
        let texts = [
            "The White House said",
            "white, house; WHITE--HOUSE!",
            "whitehouse white  house",
            "house white white house",
            "Résumé of the White House",
            "the résumé white house",
            "中国移动 white house",
            "",
            "white",
            &format!("{long} house"),
            &format!("{long}-white house"),
            "3.35 cents a share",
            "the White-House's 1,200 cents",
            "The white‐house’s 1\u{a0}200 cents, white-house",
            "Ünïcode’s 3-35 cents",
        ];
        let phrases: [&[&str]; 12] = [
            &["white", "house"],
            &["white", "white", "house"],
            &["house"],
            &["resume", "of"],
            &["3", "35", "cents"],
            &[&long[..MAX_TOKEN_BYTES], "house"],
            &[&long[..MAX_TOKEN_BYTES], "white"],
            &["whitehouses", "1200"],
            &["whitehouse", "s"],
            &["1200", "cents"],
            &["335"],
            &[],
        ];
        for text in texts {
            for p in phrases {
                let words: Vec<String> = p.iter().map(|w| w.to_string()).collect();
                assert_eq!(
                    contains_phrase(text, &words),
                    naive(text, &words),
                    "{text:?} {p:?}"
                );
            }
        }
        // Fed one after another, texts never join; the phrase is found in either.
        let words = vec!["white".to_string(), "house".to_string()];
        for (a, b) in [
            ("Paint it white", "House rules"),
            ("Paint it blanc", "Häuser"),
        ] {
            let mut scan = PhraseScan::new(&words, false);
            scan.text(a);
            scan.text(b);
            assert!(!scan.found(), "{a:?} {b:?}");
            scan.text("The White House");
            assert!(scan.found());
            scan.reset();
            assert!(!scan.found());
        }
        // A phrase still being typed: its last word matches the start of a token, in ASCII
        // and in other text alike.
        for (text, found) in [
            ("The White House said", true),
            ("the white hotel", true),
            ("white shoes", false),
            ("Weiße Häuser: white hou", true),
            ("Ünïcode white hat", false),
        ] {
            let words = ["white".to_string(), "ho".to_string()];
            let mut scan = PhraseScan::new(&words, true);
            scan.text(text);
            assert_eq!(scan.found(), found, "{text:?}");
        }
    }

    /// The phrase check, spelled out, for a phrase still being typed: its last word begins a
    /// token.
    fn naive_typing(text: &str, words: &[String]) -> bool {
        let (last, head) = words.split_last().expect("a word");
        readings(text).iter().any(|r| {
            r.windows(words.len())
                .any(|w| w[..head.len()] == *head && w[head.len()].starts_with(last.as_str()))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Texts made of the phrase's words and their neighbours ("whitehouse", "Ho", long runs),
        /// in any case, with any separators, in ASCII or not.
        #[test]
        fn the_scan_finds_what_the_token_list_holds(
            parts in proptest::collection::vec(
                "(white|WHITE|House|house|Ho|whitehouse|wh1te|35|200|x{39,42})([ .,;'’‐\u{a0}-]{1,2}|)",
                0..12,
            ),
            other in "(|é|中国|ß)",
            at in 0usize..12,
            phrase in proptest::collection::vec("(white|house|ho|35|200|35200|whitehouse|x{40})", 1..3),
        ) {
            let mut parts = parts;
            parts.insert(at.min(parts.len()), other);
            let text = parts.concat();
            proptest::prop_assert_eq!(contains_phrase(&text, &phrase), naive(&text, &phrase), "{:?} {:?}", text, phrase);
            let mut scan = PhraseScan::new(&phrase, true);
            scan.text(&text);
            proptest::prop_assert_eq!(scan.found(), naive_typing(&text, &phrase), "typing {:?} {:?}", text, phrase);
        }
    }
}
