//! Reading the source stories: HuffPost-style JSON lines (optionally gzipped), or a Gazette
//! article set such as the bundled `static/articles.json`.

use crate::date::parse_ymd;
use crate::text::{category_name, slug, split_authors, tags};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The shared HuffPost sample, relative to the workspace root.
const DEFAULT_SOURCE: &str = "../shared/data/huffpost-news-category-v3-head9999.jsonl.gz";
/// The sample article set bundled with the widget, relative to the workspace root.
const FALLBACK_SOURCE: &str = "static/articles.json";

/// The Cargo workspace this crate belongs to (two levels above the crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the source stories are read from when `--source` is not given.
pub fn default_source_path() -> PathBuf {
    workspace_root().join(DEFAULT_SOURCE)
}

/// The bundled sample article set, used when the default source is absent.
pub fn fallback_source_path() -> PathBuf {
    workspace_root().join(FALLBACK_SOURCE)
}

/// One source story, ready to be written out any number of times.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The story's real address.
    pub link: String,
    /// Its headline.
    pub headline: String,
    /// Its category as shown (`World News`).
    pub category: String,
    /// Its summary; empty when it has none.
    pub summary: String,
    /// Its authors; empty when it names none.
    pub authors: Vec<String>,
    /// Its publication date, in days since 1970-01-01.
    pub day: i64,
    /// Its tags: the category slug and up to two headline words.
    pub tags: Vec<String>,
}

/// The stories a data set is made from.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file's name (no directory, so that output does not depend on where it lives).
    pub name: String,
    /// The usable stories, in file order.
    pub rows: Vec<Row>,
    /// How many lines or entries were left out as malformed.
    pub malformed: usize,
    /// The first few reasons, for the message on stderr.
    pub examples: Vec<String>,
    /// The start of every generated id (`hp` for the HuffPost sample, `gz` for an article set).
    pub id_prefix: &'static str,
}

/// How many reasons for malformed input are kept for the message.
const MAX_EXAMPLES: usize = 3;

impl Source {
    fn new(name: String, id_prefix: &'static str) -> Self {
        Source {
            name,
            rows: Vec::new(),
            malformed: 0,
            examples: Vec::new(),
            id_prefix,
        }
    }

    fn reject(&mut self, reason: String) {
        self.malformed += 1;
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(reason);
        }
    }
}

/// Which source file is used, and whether it is the fallback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The file to read.
    pub path: PathBuf,
    /// True when the default source was absent and the bundled sample is used instead.
    pub is_fallback: bool,
}

/// Chooses the source file: `explicit` if given (it must exist), else the shared HuffPost sample,
/// else the bundled sample article set.
pub fn choose(explicit: Option<&Path>) -> Result<Choice, String> {
    if let Some(p) = explicit {
        if !p.is_file() {
            return Err(format!("the source file {} does not exist", p.display()));
        }
        return Ok(Choice {
            path: p.to_path_buf(),
            is_fallback: false,
        });
    }
    let default = default_source_path();
    if default.is_file() {
        return Ok(Choice {
            path: default,
            is_fallback: false,
        });
    }
    let fallback = fallback_source_path();
    if fallback.is_file() {
        Ok(Choice {
            path: fallback,
            is_fallback: true,
        })
    } else {
        Err(format!(
            "neither the default source {} nor the fallback {} exists; pass --source PATH",
            default.display(),
            fallback.display()
        ))
    }
}

/// Reads a source file. A name ending in `.json` is read as a Gazette article set; anything else
/// as JSON lines, gunzipped first when the file starts with the gzip magic bytes.
pub fn load(path: &Path) -> Result<Source, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut reader = BufReader::new(file);
    let source = if name.ends_with(".json") {
        let mut text = String::new();
        reader
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        read_article_set(name, &text)?
    } else {
        let head = reader
            .fill_buf()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if head.starts_with(&[0x1f, 0x8b]) {
            read_json_lines(name, BufReader::new(MultiGzDecoder::new(reader)))
        } else {
            read_json_lines(name, reader)
        }
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
    if source.rows.is_empty() {
        return Err(format!(
            "{} holds no usable stories ({} malformed)",
            path.display(),
            source.malformed
        ));
    }
    Ok(source)
}

/// One line of the HuffPost News Category data set. Every field is optional here so that a
/// missing one is reported as such rather than as a parse error.
#[derive(Deserialize)]
struct HuffLine {
    link: Option<String>,
    headline: Option<String>,
    category: Option<String>,
    short_description: Option<String>,
    authors: Option<String>,
    date: Option<String>,
}

/// The parts of a story both formats share, before checking.
struct Raw<'a> {
    link: Option<&'a str>,
    headline: Option<&'a str>,
    category: Option<&'a str>,
    summary: Option<&'a str>,
    authors: Vec<String>,
    date: Option<&'a str>,
}

/// Checks a story and turns it into a [`Row`], or says what is wrong with it.
fn make_row(raw: Raw<'_>) -> Result<Row, String> {
    let text = |s: Option<&str>| s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
    let link = raw.link.map(str::trim).unwrap_or_default();
    if !(link.starts_with("https://") || link.starts_with("http://")) || link.contains(' ') {
        return Err("no http(s) “link”".into());
    }
    let headline = text(raw.headline).filter(|h| !h.is_empty());
    let headline = headline.ok_or("no “headline”")?;
    let category = text(raw.category).filter(|c| !c.is_empty());
    let category = category_name(&category.ok_or("no “category”")?);
    let date = raw.date.ok_or("no “date”")?;
    let day = parse_ymd(date).ok_or_else(|| format!("“date” {date:?} is not YYYY-MM-DD"))?;
    let tags = tags(&slug(&category), &headline);
    Ok(Row {
        link: link.to_string(),
        headline,
        category,
        summary: text(raw.summary).unwrap_or_default(),
        authors: raw.authors,
        day,
        tags,
    })
}

/// Reads JSON lines in the HuffPost layout. Blank lines are ignored; a line that is not valid
/// UTF-8 or JSON, or lacks a usable link, headline, category or date, is counted as malformed.
/// Only a failure to read the stream itself is an error.
pub fn read_json_lines<R: BufRead>(name: String, mut reader: R) -> std::io::Result<Source> {
    let mut source = Source::new(name, "hp");
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed: HuffLine = match serde_json::from_slice(&line) {
            Ok(p) => p,
            Err(e) => {
                source.reject(format!("line {number}: {e}"));
                continue;
            }
        };
        let raw = Raw {
            link: parsed.link.as_deref(),
            headline: parsed.headline.as_deref(),
            category: parsed.category.as_deref(),
            summary: parsed.short_description.as_deref(),
            authors: split_authors(parsed.authors.as_deref().unwrap_or_default()),
            date: parsed.date.as_deref(),
        };
        match make_row(raw) {
            Ok(row) => source.rows.push(row),
            Err(why) => source.reject(format!("line {number}: {why}")),
        }
    }
    Ok(source)
}

/// A Gazette article set, as far as the generator needs it.
#[derive(Deserialize)]
struct ArticleSet {
    articles: Vec<serde_json::Value>,
}

/// One story of an article set.
#[derive(Deserialize)]
struct SetArticle {
    url: Option<String>,
    title: Option<String>,
    category: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    published: Option<String>,
}

/// Reads a Gazette article set (the bundled sample). The calendar date of `published` as written
/// (its first ten characters) is the story's date. A story that does not fit is malformed.
pub fn read_article_set(name: String, text: &str) -> Result<Source, String> {
    let set: ArticleSet = serde_json::from_str(text)
        .map_err(|e| format!("{name} is not an article set with an “articles” list: {e}"))?;
    let mut source = Source::new(name, "gz");
    for (i, value) in set.articles.into_iter().enumerate() {
        let a: SetArticle = match serde_json::from_value(value) {
            Ok(a) => a,
            Err(e) => {
                source.reject(format!("story {}: {e}", i + 1));
                continue;
            }
        };
        let raw = Raw {
            link: a.url.as_deref(),
            headline: a.title.as_deref(),
            category: a.category.as_deref(),
            summary: a.summary.as_deref(),
            authors: split_authors(&a.authors.join(", ")),
            date: a.published.as_deref().and_then(|p| p.get(..10)),
        };
        match make_row(raw) {
            Ok(row) => source.rows.push(row),
            Err(why) => source.reject(format!("story {}: {why}", i + 1)),
        }
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_lines_and_counts_bad_ones() {
        let input = concat!(
            r#"{"link": "https://www.huffpost.com/entry/a", "headline": "Over 4 Million Americans Roll Up Sleeves", "category": "U.S. NEWS", "short_description": "Health experts said so.", "authors": "Carla K. Johnson, AP", "date": "2022-09-23"}"#,
            "\n\n",
            "not json at all\n",
            r#"{"link": "https://www.huffpost.com/entry/b", "headline": "No date", "category": "COMEDY"}"#,
            "\n",
            r#"{"link": "https://www.huffpost.com/entry/c", "headline": "Bad date", "category": "COMEDY", "date": "2022-02-30"}"#,
            "\n",
            r#"{"link": "ftp://x/d", "headline": "Bad link", "category": "COMEDY", "date": "2022-02-03"}"#,
            "\n",
            r#"{"link": "https://www.huffpost.com/entry/e", "headline": 5, "category": "COMEDY", "date": "2022-02-03"}"#,
            "\n",
            r#"{"link": "https://www.huffpost.com/entry/f", "headline": "   ", "category": "COMEDY", "date": "2022-02-03"}"#,
            "\n",
            r#"[1, 2]"#,
            "\n",
            r#"{"link": "https://www.huffpost.com/entry/g", "headline": "Last, with no newline", "category": "WORLD NEWS", "short_description": "", "authors": "", "date": "2018-05-01"}"#,
        );
        let mut bytes = input.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n\xff\xfe{}\n");
        let s = read_json_lines("t.jsonl".into(), &bytes[..]).expect("in-memory read");
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.malformed, 8);
        assert_eq!(s.examples.len(), MAX_EXAMPLES);
        assert!(s.examples[0].starts_with("line 3:"), "{:?}", s.examples);
        let r = &s.rows[0];
        assert_eq!(r.category, "U.S. News");
        assert_eq!(r.authors, ["Carla K. Johnson"]);
        assert_eq!(r.summary, "Health experts said so.");
        assert_eq!(r.tags, ["us-news", "million", "americans"]);
        let r = &s.rows[1];
        assert_eq!(
            (r.category.as_str(), r.summary.as_str()),
            ("World News", "")
        );
        assert!(r.authors.is_empty());
    }

    #[test]
    fn reads_an_article_set() {
        let text = r#"{"title": "x", "articles": [
            {"id": "a", "title": "Tessera 50 gains", "url": "https://g.example/a", "category": "DeFi",
             "published": "2026-11-24T07:45:00Z", "authors": ["Søren Holm"]},
            {"id": "b", "title": "No link", "category": "DeFi", "published": "2026-11-24T07:45:00Z"},
            "not an object"
        ]}"#;
        let s = read_article_set("articles.json".into(), text).expect("valid set");
        assert_eq!((s.rows.len(), s.malformed, s.id_prefix), (1, 2, "gz"));
        assert_eq!(s.rows[0].category, "DeFi");
        assert_eq!(s.rows[0].authors, ["Søren Holm"]);
        assert!(read_article_set("x.json".into(), "[]").is_err());
        assert!(read_article_set("x.json".into(), "{").is_err());
    }

    #[test]
    fn a_missing_explicit_source_is_an_error() {
        let err = choose(Some(Path::new("/nonexistent/source.jsonl.gz"))).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
    }
}
