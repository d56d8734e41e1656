//! The command line, read with the standard library only.

use gazette_core::url::is_http_url;
use std::path::PathBuf;

/// The usage text, printed by `help` and after a usage error.
pub const USAGE: &str = "\
Usage:
  gazette-cli build [OPTIONS] INPUT... (--out FILE | --shards DIR)
  gazette-cli inspect PATH
  gazette-cli help

build: reads every INPUT (a Gazette article set, JSON Feed 1.0/1.1, NewsAPI, RSS, RDF, Atom,
an archive manifest with its shards, or HuffPost-style JSON lines: .jsonl or .ndjson, also
gzipped), merges them (a story in several inputs is kept once, from the first), and writes them
newest first.

  --out FILE          write one article set (`-` writes to stdout)
  --shards DIR        write an archive: DIR/manifest.json and DIR/shards/0000.json, …
  --first N           stories in the first shard (default 2000)
  --growth G          each shard holds G times the one before (default 2)
  --limit N           keep only the newest N stories
  --title TEXT        the title (default: the first input's)
  --description TEXT  the description (default: the first input's)
  --language TAG      the language, BCP 47 (default: the inputs' when they all agree)
  --base-url URL      the address the inputs were served from, for their relative links
  -v, --verbose       list every story repaired, repeated or left out
N and G are whole numbers of at least 1, and may end in k or m (2k, 1m). Gzipped inputs
(.gz) are read as well.

inspect: prints what a file is: its format, stories, dates and categories; for an archive
manifest, every shard (and checks the shards found beside it).";

/// What to build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Build {
    /// The input files, in order (the first wins a repeated story).
    pub inputs: Vec<PathBuf>,
    /// Where to write one article set (`-` for stdout).
    pub out: Option<PathBuf>,
    /// Where to write an archive.
    pub shards: Option<PathBuf>,
    /// Stories in the first shard.
    pub first: usize,
    /// The factor from one shard to the next.
    pub growth: usize,
    /// Keep only the newest this many.
    pub limit: Option<usize>,
    /// The output's title.
    pub title: Option<String>,
    /// The output's description.
    pub description: Option<String>,
    /// The output's language.
    pub language: Option<String>,
    /// The address relative links in the inputs resolve against.
    pub base_url: Option<String>,
    /// List every problem, not only the first few.
    pub verbose: bool,
}

/// A command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage.
    Help,
    /// Build an article set or an archive.
    Build(Build),
    /// Describe a file.
    Inspect(PathBuf),
}

/// Reads a count, a whole number of at least 1: digits (with `_` allowed) and an optional `k`
/// or `m`.
fn count(option: &str, text: &str) -> Result<usize, String> {
    let t = text.trim().to_ascii_lowercase().replace('_', "");
    let (digits, factor) = match t.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match t.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (t.as_str(), 1),
        },
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        // A fraction (`1.5`), a sign (`-1`) or a word.
        return Err(format!(
            "{option} expects a whole number of at least 1, not “{text}”"
        ));
    }
    match digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
    {
        Some(0) => Err(format!("{option} must be at least 1, not “{text}”")),
        Some(n) => Ok(n),
        None => Err(format!("{option} is too large: “{text}”")),
    }
}

/// Reads the arguments after the program's name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    match command.as_str() {
        "help" | "-h" | "--help" => Ok(Command::Help),
        "inspect" => match rest {
            [path] if !path.starts_with('-') || path == "-" => {
                Ok(Command::Inspect(PathBuf::from(path)))
            }
            [flag] if flag == "-h" || flag == "--help" => Ok(Command::Help),
            [] => Err("inspect needs a PATH".into()),
            _ => Err("inspect takes one PATH".into()),
        },
        "build" => parse_build(rest).map(Command::Build),
        other => Err(format!(
            "unknown command “{other}” (expected build, inspect or help)"
        )),
    }
}

fn parse_build(args: &[String]) -> Result<Build, String> {
    let mut b = Build {
        inputs: Vec::new(),
        out: None,
        shards: None,
        first: 2_000,
        growth: 2,
        limit: None,
        title: None,
        description: None,
        language: None,
        base_url: None,
        verbose: false,
    };
    let mut it = args.iter();
    let mut options_done = false;
    while let Some(arg) = it.next() {
        if options_done || !arg.starts_with('-') || arg == "-" {
            b.inputs.push(PathBuf::from(arg));
            continue;
        }
        if arg == "--" {
            options_done = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if matches!(name, "-v" | "--verbose") {
            if inline.is_some() {
                return Err(format!("{name} takes no value"));
            }
            b.verbose = true;
            continue;
        }
        let known = [
            "--out",
            "--shards",
            "--first",
            "--growth",
            "--limit",
            "--title",
            "--description",
            "--language",
            "--base-url",
        ];
        if !known.contains(&name) {
            return Err(format!("unknown option “{name}”"));
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))?,
        };
        match name {
            "--out" => b.out = Some(PathBuf::from(value)),
            "--shards" => b.shards = Some(PathBuf::from(value)),
            "--first" => b.first = count(name, &value)?,
            "--growth" => b.growth = count(name, &value)?,
            "--limit" => b.limit = Some(count(name, &value)?),
            "--title" => b.title = Some(value),
            "--description" => b.description = Some(value),
            "--language" => b.language = Some(value),
            _ => {
                if !is_http_url(&value) {
                    return Err(format!(
                        "--base-url expects an absolute http(s) address, not “{value}”"
                    ));
                }
                b.base_url = Some(value)
            }
        }
    }
    if b.inputs.is_empty() {
        return Err("build needs at least one INPUT".into());
    }
    if b.out.is_none() && b.shards.is_none() {
        return Err("build needs --out FILE or --shards DIR (or both)".into());
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn reads_a_build() {
        let Ok(Command::Build(b)) = parse(&args(
            "build a.xml --first=1k --growth 3 b.json --shards out --limit 2m -v --base-url https://x.example/f/ -- --odd",
        )) else {
            panic!("a build");
        };
        assert_eq!(
            b.inputs,
            [
                PathBuf::from("a.xml"),
                PathBuf::from("b.json"),
                PathBuf::from("--odd")
            ]
        );
        assert_eq!((b.first, b.growth, b.limit), (1_000, 3, Some(2_000_000)));
        assert_eq!(b.shards, Some(PathBuf::from("out")));
        assert!(b.verbose && b.out.is_none());
        assert_eq!(b.base_url.as_deref(), Some("https://x.example/f/"));
    }

    #[test]
    fn counts_are_whole_numbers_of_at_least_1() {
        let err = |s: &str| parse(&args(s)).unwrap_err();
        assert_eq!(
            err("build a --out x --growth 1.5"),
            "--growth expects a whole number of at least 1, not “1.5”"
        );
        assert_eq!(
            err("build a --out x --growth -1"),
            "--growth expects a whole number of at least 1, not “-1”"
        );
        assert_eq!(
            err("build a --out x --growth=0"),
            "--growth must be at least 1, not “0”"
        );
        // An empty article set is not what --limit is for.
        assert_eq!(
            err("build a --out x --limit 0"),
            "--limit must be at least 1, not “0”"
        );
        assert_eq!(
            err("build a --out x --limit=0k"),
            "--limit must be at least 1, not “0k”"
        );
        assert!(err("build a --out x --first 1.5k").contains("whole number"));
        assert!(err("build a --out x --first k").contains("whole number"));
        assert!(err("build a --out x --first +3").contains("whole number"));
        assert!(err("build a --out x --limit 99999999999999999999").contains("too large"));
        assert!(err("build a --out x --limit 99999999999999m").contains("too large"));
        let Ok(Command::Build(b)) =
            parse(&args("build a --out x --growth 1 --first 1_000 --limit 1"))
        else {
            panic!("a build");
        };
        assert_eq!((b.first, b.growth, b.limit), (1_000, 1, Some(1)));
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let err = |s: &str| parse(&args(s)).unwrap_err();
        assert!(err("build a.xml").contains("--out FILE or --shards DIR"));
        assert!(err("build --out x.json").contains("at least one INPUT"));
        assert!(err("build a --out x --first lots").contains("--first expects a whole number"));
        assert!(err("build a --out x --first 0").contains("at least 1"));
        assert!(err("build a --out").contains("--out needs a value"));
        assert!(err("build a --out x --frist 3").contains("unknown option “--frist”"));
        assert!(err("build a --out x --base-url feeds/").contains("http(s)"));
        assert!(err("frobnicate").contains("unknown command"));
        assert!(err("inspect").contains("needs a PATH"));
        assert_eq!(parse(&[]), Ok(Command::Help));
        assert_eq!(
            parse(&args("inspect x.json")),
            Ok(Command::Inspect("x.json".into()))
        );
    }
}
