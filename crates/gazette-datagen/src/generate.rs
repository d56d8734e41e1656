//! Writing an article set of any size from the source stories.
//!
//! Story `slot` of the set is copy `k = slot / R` of source row `i = slot % R` (R source rows).
//! Copy 0 is the row as it is; a later copy keeps the row's headline and category but borrows a
//! summary from another row of the same category and authors from any other row, and is dated
//! `k × 97` days (plus 0–96 days) earlier. The slots are then shuffled so copies interleave.
//!
//! Every random choice about a story comes from a generator seeded by `(seed, k, i)` alone, so a
//! story's content does not depend on where it lands in the file, and the output is a pure
//! function of the source, the count and the seed.

use crate::date::write_rfc3339;
use crate::rng::SplitMix64;
use crate::source::Source;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The most stories one run may write (about 6 GB of JSON).
pub const MAX_COUNT: usize = 20_000_000;
/// Each further copy of the source is dated this many days earlier than the one before.
pub const SHIFT_DAYS: u64 = 97;
/// The back-shift wraps after this many copies (about 106 years), so that even a tiny source
/// stays within four-digit years. The HuffPost sample needs only about 100 copies for 1M stories.
pub const SHIFT_WRAP: u64 = 400;
/// Minutes in a day: a story's time of day is one of them.
const MINUTES_PER_DAY: u64 = 24 * 60;
/// Seed domains, so that the shuffle and the stories draw from unrelated streams.
const DOMAIN_ORDER: u64 = 0x006f_7264_6572;
const DOMAIN_STORY: u64 = 0x0073_746f_7279;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many stories.
    pub count: usize,
    /// The seed of every random choice.
    pub seed: u64,
}

/// What was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Stories written.
    pub stories: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// A writer that counts the bytes passing through it.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The document's own fields, written before the list of stories.
#[derive(Serialize)]
struct Header<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
}

/// One story as written, in the article-set format (`docs/FORMAT.md`).
#[derive(Serialize)]
struct Story<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a str,
    category: &'a str,
    published: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    authors: &'a [String],
    tags: &'a [String],
    language: &'a str,
}

/// The document title for a set of `count` stories.
pub fn title(count: usize) -> String {
    format!("Gazette benchmark set ({count} stories)")
}

/// Writes an article set of `opts.count` stories made from `source` to `out`, one story per
/// line inside the `articles` list. `out` should be buffered; it is flushed at the end.
pub fn generate<W: Write>(source: &Source, opts: &Options, out: W) -> io::Result<Stats> {
    let rows = &source.rows;
    let n_rows = rows.len();
    if n_rows == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the source has no stories",
        ));
    }
    if opts.count > MAX_COUNT {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("at most {MAX_COUNT} stories can be generated"),
        ));
    }
    let mut out = Counting {
        inner: out,
        bytes: 0,
    };

    // Rows of each category, for borrowing summaries.
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut peers: Vec<Vec<usize>> = Vec::new();
    let mut group_of = Vec::with_capacity(n_rows);
    for (i, row) in rows.iter().enumerate() {
        let g = *by_name.entry(row.category.as_str()).or_insert_with(|| {
            peers.push(Vec::new());
            peers.len() - 1
        });
        peers[g].push(i);
        group_of.push(g);
    }

    // The order of the stories: every slot once, shuffled.
    let mut order: Vec<u32> = (0..opts.count as u32).collect();
    SplitMix64::for_part(opts.seed, DOMAIN_ORDER, 0, 0).shuffle(&mut order);

    let description = format!(
        "Benchmark stories generated from {} ({} source stories) by gazette-datagen, seed {}",
        source.name, n_rows, opts.seed
    );
    let header = serde_json::to_string(&Header {
        title: &title(opts.count),
        description: &description,
        language: "en",
    })?;
    // `{"title":…,"language":"en"}` becomes `{"title":…,"language":"en","articles":[`.
    out.write_all(header.trim_end_matches('}').as_bytes())?;
    out.write_all(b",\"articles\":[")?;

    let (mut id, mut url, mut published) = (String::new(), String::new(), String::new());
    for (n, &slot) in order.iter().enumerate() {
        let slot = slot as usize;
        let (k, i) = ((slot / n_rows) as u64, slot % n_rows);
        let row = &rows[i];
        let mut rng = SplitMix64::for_part(opts.seed, DOMAIN_STORY, k, i as u64);
        let minute = rng.below(MINUTES_PER_DAY) as u32;

        id.clear();
        let _ = write!(id, "{}-{i:06}-k{k}", source.id_prefix);
        url.clear();
        let (summary, authors, day) = if k == 0 {
            url.push_str(&row.link);
            (&row.summary, &row.authors, row.day)
        } else {
            // The summary of another row of the same category, when there is one.
            let group = &peers[group_of[i]];
            let pick = rng.below(group.len() as u64) as usize;
            let mut s = group[pick];
            if s == i {
                s = group[(pick + 1) % group.len()];
            }
            // The authors of any other row.
            let mut a = rng.below(n_rows as u64) as usize;
            if a == i {
                a = (a + 1) % n_rows;
            }
            let back = (k % SHIFT_WRAP) * SHIFT_DAYS + rng.below(SHIFT_DAYS);
            // The copy number as a query parameter, before any fragment.
            let (base, fragment) = match row.link.find('#') {
                Some(h) => row.link.split_at(h),
                None => (row.link.as_str(), ""),
            };
            let sep = if base.contains('?') { '&' } else { '?' };
            let _ = write!(url, "{base}{sep}v={k}{fragment}");
            (&rows[s].summary, &rows[a].authors, row.day - back as i64)
        };
        write_rfc3339(&mut published, day, minute);

        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(
            &mut out,
            &Story {
                id: &id,
                title: &row.headline,
                url: &url,
                category: &row.category,
                published: &published,
                summary,
                authors,
                tags: &row.tags,
                language: "en",
            },
        )?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(Stats {
        stories: opts.count,
        bytes: out.bytes,
    })
}
