//! `gazette-datagen`: deterministic benchmark data for Gazette.
//!
//! Benchmarks of the widget (loading, filtering, searching, rendering) are only comparable when
//! everyone measures the same stories. Data sets of 300 MB do not belong in Git, so instead this
//! tool regenerates them, byte for byte, on any machine: the same arguments always give the same
//! file. `bench/make-data.sh` uses it to write the standard 10k, 50k, 200k and 1M sets (seed 42).
//!
//! The stories come from a real news sample — the first 9,999 lines of the HuffPost News
//! Category data set, in `../shared/data/` next to the workspace — so headlines, categories,
//! summaries and authors have realistic lengths and distributions. Sets larger than the sample
//! repeat it: each further copy keeps every headline and category, borrows summaries and authors
//! from other stories and is dated about three months further back, so a million stories span
//! decades (see [`generate`]). The copies are interleaved by a seeded shuffle. All randomness is a
//! SplitMix64 generator written out in [`rng`], never the platform's or a crate's, so nothing
//! outside this crate can change the output.
//!
//! When the HuffPost sample is absent, the bundled `static/articles.json` is used instead, with a
//! notice on stderr: the output is then valid but is not the standard benchmark data.
//!
//! ```text
//! gazette-datagen --count N [--out PATH] [--seed S] [--source PATH]
//! ```
//!
//! The output is a Gazette article set (`docs/FORMAT.md`), one story per line, streamed through
//! a buffer so that a million stories take seconds and little memory.

mod date;
mod generate;
mod rng;
mod source;

use gazette_datagen::text;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The seed used when `--seed` is not given (and by `bench/make-data.sh`).
const DEFAULT_SEED: u64 = 42;
/// Output buffer size.
const BUFFER_BYTES: usize = 1 << 20;

const USAGE: &str = "\
Usage: gazette-datagen --count N [--out PATH] [--seed S] [--source PATH]

Writes a Gazette article set of N stories (N may end in k or m: 10k, 1m), the same bytes for
the same arguments on any machine.

  --count N       how many stories (required)
  --out PATH      where to write; `-` or no --out writes to stdout
  --seed S        seed of every random choice (default 42)
  --source PATH   source stories: HuffPost-style JSON lines (.jsonl or .jsonl.gz) or a Gazette
                  article set (.json). Default: ../shared/data/huffpost-news-category-v3-head9999.jsonl.gz
                  next to the workspace, else the bundled static/articles.json (with a notice)
  -h, --help      this text";

/// Parsed command-line arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    /// How many stories to write.
    pub count: usize,
    /// The output file; `None` for stdout.
    pub out: Option<PathBuf>,
    /// The seed.
    pub seed: u64,
    /// The source file; `None` for the default.
    pub source: Option<PathBuf>,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage.
    Help,
    /// Generate a data set.
    Run(Args),
}

/// Reads a count: digits with optional `_` separators and an optional `k` (thousand) or `m`
/// (million) suffix.
fn parse_count(s: &str) -> Result<usize, String> {
    let bad = || format!("--count expects a number of stories such as 10000 or 10k, not {s:?}");
    let lower = s.trim().to_ascii_lowercase();
    let (digits, scale) = match lower.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match lower.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (lower.as_str(), 1),
        },
    };
    let digits = digits.replace('_', "");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: usize = digits.parse().map_err(|_| bad())?;
    let n = n.checked_mul(scale).ok_or_else(bad)?;
    if n == 0 {
        return Err("--count must be at least 1".into());
    }
    if n > generate::MAX_COUNT {
        return Err(format!(
            "--count {n} is too large (at most {})",
            generate::MAX_COUNT
        ));
    }
    Ok(n)
}

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut count = None;
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut source = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        if !matches!(flag.as_str(), "--count" | "--out" | "--seed" | "--source") {
            return Err(format!("unknown argument {arg:?} (see --help)"));
        }
        let value = match inline.or_else(|| args.next()) {
            Some(v) => v,
            None => return Err(format!("{flag} needs a value (see --help)")),
        };
        match flag.as_str() {
            "--count" => count = Some(parse_count(&value)?),
            "--out" => out = (value != "-").then(|| PathBuf::from(value)),
            "--seed" => {
                seed = value.trim().parse().map_err(|_| {
                    format!("--seed expects a whole number 0 to 2^64-1, not {value:?}")
                })?
            }
            _ => source = Some(PathBuf::from(value)),
        }
    }
    let count = count.ok_or("--count N is required (see --help)")?;
    Ok(Command::Run(Args {
        count,
        out,
        seed,
        source,
    }))
}

/// Writes the set to `path` through a temporary file beside it, renamed into place only when
/// complete, so an interrupted run never leaves a truncated file that looks finished.
fn write_file(
    path: &Path,
    source: &source::Source,
    opts: &generate::Options,
) -> Result<generate::Stats, String> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = File::create(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))
        .and_then(|f| {
            let mut w = BufWriter::with_capacity(BUFFER_BYTES, f);
            let stats = generate::generate(source, opts, &mut w)
                .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
            let f = w
                .into_inner()
                .map_err(|e| format!("cannot write {}: {}", partial.display(), e.error()))?;
            f.sync_all()
                .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
            Ok(stats)
        })
        .and_then(|stats| {
            fs::rename(&partial, path).map(|()| stats).map_err(|e| {
                format!(
                    "cannot rename {} to {}: {e}",
                    partial.display(),
                    path.display()
                )
            })
        });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

fn run(args: Args) -> Result<(), String> {
    let started = Instant::now();
    let choice = source::choose(args.source.as_deref())?;
    if choice.is_fallback {
        eprintln!(
            "gazette-datagen: notice: the shared source {} is absent; using the bundled sample \
             article set {} instead. The output is valid but is NOT the standard benchmark data.",
            source::default_source_path().display(),
            choice.path.display()
        );
    }
    let source = source::load(&choice.path)?;
    if source.malformed > 0 {
        eprintln!(
            "gazette-datagen: skipped {} malformed entr{} in {} (e.g. {})",
            source.malformed,
            if source.malformed == 1 { "y" } else { "ies" },
            source.name,
            source.examples.join("; ")
        );
    }
    let opts = generate::Options {
        count: args.count,
        seed: args.seed,
    };
    let (stats, target) = match &args.out {
        Some(path) => (
            write_file(path, &source, &opts)?,
            path.display().to_string(),
        ),
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::with_capacity(BUFFER_BYTES, stdout.lock());
            let stats = generate::generate(&source, &opts, &mut w)
                .and_then(|s| w.flush().map(|()| s))
                .map_err(|e| format!("cannot write to stdout: {e}"))?;
            (stats, "stdout".to_string())
        }
    };
    eprintln!(
        "gazette-datagen: wrote {} stories, {} bytes ({:.1} MB) to {} in {:.2} s \
         (from {} source stories in {}, seed {})",
        stats.stories,
        stats.bytes,
        stats.bytes as f64 / 1e6,
        target,
        started.elapsed().as_secs_f64(),
        source.rows.len(),
        source.name,
        args.seed
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Run(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gazette-datagen: error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("gazette-datagen: error: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    /// The source the tests use: the shared HuffPost sample, or — saying so — the bundled sample.
    fn test_source() -> source::Source {
        let choice = source::choose(None).expect("a source file to test with");
        if choice.is_fallback {
            eprintln!(
                "NOTE: {} is absent; testing with the fallback {}",
                source::default_source_path().display(),
                choice.path.display()
            );
        } else {
            eprintln!("testing with {}", choice.path.display());
        }
        let s = source::load(&choice.path).expect("the source loads");
        assert!(!s.rows.is_empty());
        s
    }

    fn generate_bytes(source: &source::Source, count: usize, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let stats = generate::generate(source, &generate::Options { count, seed }, &mut out)
            .expect("writing to memory");
        assert_eq!(stats.stories, count);
        assert_eq!(stats.bytes, out.len() as u64);
        out
    }

    #[test]
    fn command_lines() {
        assert_eq!(
            args(&["--count", "10k"]),
            Ok(Command::Run(Args {
                count: 10_000,
                out: None,
                seed: 42,
                source: None
            }))
        );
        assert_eq!(
            args(&[
                "--count=1m",
                "--out",
                "x.json",
                "--seed=7",
                "--source",
                "s.jsonl"
            ]),
            Ok(Command::Run(Args {
                count: 1_000_000,
                out: Some("x.json".into()),
                seed: 7,
                source: Some("s.jsonl".into())
            }))
        );
        assert_eq!(
            args(&["--count", "200_000", "--out", "-"]),
            Ok(Command::Run(Args {
                count: 200_000,
                out: None,
                seed: 42,
                source: None
            }))
        );
        assert_eq!(args(&["--count", "5", "--help"]), Ok(Command::Help));
        for bad in [
            &[][..],
            &["--count"],
            &["--count", "ten"],
            &["--count", "0"],
            &["--count", "-5"],
            &["--count", "1k5"],
            &["--count", "99999999999"],
            &["--count", "5", "--seed", "-1"],
            &["--count", "5", "--colour", "red"],
            &["5"],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn same_arguments_same_bytes() {
        let source = test_source();
        let a = generate_bytes(&source, 500, 42);
        assert_eq!(a, generate_bytes(&source, 500, 42));
        assert_ne!(a, generate_bytes(&source, 500, 43));
        assert_ne!(a, generate_bytes(&source, 501, 42));
        let text = String::from_utf8(a).expect("UTF-8");
        assert!(
            text.starts_with(r#"{"title":"Gazette benchmark set (500 stories)","description":"#)
        );
        assert!(text.contains(&format!("generated from {} (", source.name)));
        assert!(text.contains(r#"by gazette-datagen, seed 42","language":"en","articles":["#));
        assert!(text.ends_with("\n]}\n"));
        // One story per line.
        assert_eq!(text.lines().count(), 500 + 2);
    }

    #[test]
    fn output_loads_in_gazette_with_every_story() {
        let source = test_source();
        // Enough stories for at least three copies of the HuffPost sample.
        let count = 30_000;
        let text = String::from_utf8(generate_bytes(&source, count, 42)).expect("UTF-8");
        let loaded = gazette_core::load_document(&text, None).expect("a valid document");
        assert!(
            loaded.report.skipped.is_empty(),
            "skipped: {:?}",
            &loaded.report.skipped[..loaded.report.skipped.len().min(5)]
        );
        assert_eq!(loaded.report.total, count);
        assert!(
            loaded.report.repaired.is_empty(),
            "repaired: {:?}",
            loaded.report.repaired.first()
        );
        assert_eq!(loaded.articles.len(), count);
        assert_eq!(
            loaded.meta.title.as_deref(),
            Some("Gazette benchmark set (30000 stories)")
        );
        assert_eq!(loaded.meta.language.as_deref(), Some("en"));

        let ids: HashSet<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), count, "ids are unique");
        for a in &loaded.articles {
            assert!((1..=3).contains(&a.tags.len()), "{:?}", a.tags);
            assert!(a.tags.iter().all(|t| t
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
            assert!(a.url.is_some());
            assert!((1900..=2100).contains(&a.published.year()), "{}", a.id);
        }
        // Copies interleave: the first stories are not all copy 0.
        assert!(loaded.articles[..20].iter().any(|a| !a.id.ends_with("-k0")));
        let later = loaded.articles.iter().find(|a| a.id.ends_with("-k2"));
        let later = later.expect("a copy 2");
        assert!(later.url.as_deref().is_some_and(|u| u.ends_with("v=2")));
        // Later copies are older.
        let oldest = |suffix: &str| {
            loaded
                .articles
                .iter()
                .filter(|a| a.id.ends_with(suffix))
                .map(|a| a.published)
                .min()
        };
        assert!(oldest("-k2") < oldest("-k0"));
        eprintln!("{count} stories, {} bytes", text.len());
    }

    #[test]
    fn the_bundled_fallback_makes_a_valid_set_too() {
        // Always exercised, whether or not the shared source is present.
        let s = source::load(&source::fallback_source_path()).expect("the bundled sample loads");
        assert_eq!(s.malformed, 0, "{:?}", s.examples);
        // Hundreds of copies of the 51 sample stories: the back-shift must wrap.
        let count = 30_000;
        let text = String::from_utf8(generate_bytes(&s, count, 42)).expect("UTF-8");
        let loaded = gazette_core::load_document(&text, None).expect("a valid document");
        assert!(
            loaded.report.skipped.is_empty(),
            "{:?}",
            loaded.report.skipped.first()
        );
        assert!(
            loaded.report.repaired.is_empty(),
            "{:?}",
            loaded.report.repaired.first()
        );
        assert_eq!(loaded.articles.len(), count);
        assert!(loaded.articles.iter().all(|a| a.published.year() >= 1900));
    }

    #[test]
    fn a_one_story_source_still_makes_a_valid_set() {
        let line = r#"{"link": "https://h.example/a?x=1#top", "headline": "Only one platypus", "category": "WEIRD NEWS", "short_description": "Alone.", "authors": "A. Writer", "date": "2020-01-01"}"#;
        let s = source::read_json_lines("one.jsonl".into(), line.as_bytes()).expect("read");
        let text = String::from_utf8(generate_bytes(&s, 1000, 1)).expect("UTF-8");
        let loaded = gazette_core::load_document(&text, None).expect("a valid document");
        assert!(loaded.report.skipped.is_empty());
        assert_eq!(loaded.articles.len(), 1000);
        let k5 = loaded
            .articles
            .iter()
            .find(|a| a.id == "hp-000000-k5")
            .expect("copy 5");
        assert_eq!(k5.url.as_deref(), Some("https://h.example/a?x=1&v=5#top"));
        assert_eq!(k5.summary.as_deref(), Some("Alone."));
        assert_eq!(k5.category, "Weird News");
        assert_eq!(k5.tags, ["weird-news", "platypus"]);
    }
}
