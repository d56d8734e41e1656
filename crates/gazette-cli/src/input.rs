//! Reading one input file: any document the core reads, JSON lines, or an archive on disk.

use crate::huffpost;
use flate2::read::MultiGzDecoder;
use gazette_core::archive::{is_manifest, parse_manifest, Manifest};
use gazette_core::{load_bytes, Article, FeedMeta, Problem, Report};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What an input was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A document the core reads (its format's name).
    Document(&'static str),
    /// HuffPost-style JSON lines.
    JsonLines,
    /// An archive: its manifest and the shards beside it.
    Archive,
}

impl Kind {
    /// A name for people.
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Document(f) => f,
            Kind::JsonLines => "JSON lines (HuffPost news-category shape)",
            Kind::Archive => "Gazette archive",
        }
    }

    /// What the positions of its problems count.
    pub fn unit(&self) -> &'static str {
        match self {
            Kind::JsonLines => "line",
            _ => "story",
        }
    }
}

/// One input, read.
#[derive(Debug)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// What it was read as.
    pub kind: Kind,
    /// Facts about it.
    pub meta: FeedMeta,
    /// Its stories, in document order.
    pub articles: Vec<Article>,
    /// What was repaired or left out.
    pub report: Report,
}

/// A file's bytes, gunzipped when they are gzip data.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() * 4);
    MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress {}: {e}", path.display()))?;
    Ok(out)
}

/// True for a file named as JSON lines (`.jsonl`, `.ndjson`, also gzipped).
pub fn is_json_lines_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// The first bytes of a document, enough to sniff a manifest.
pub fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(4096)]
}

/// Reads one input. Relative links resolve against `base_url`.
pub fn read(path: &Path, base_url: Option<&str>) -> Result<Input, String> {
    let bytes = read_bytes(path)?;
    let unusable = |e: &dyn std::fmt::Display| format!("cannot use {}: {e}", path.display());
    if is_json_lines_name(path) {
        let loaded = huffpost::load(&bytes, base_url).map_err(|e| unusable(&e))?;
        return Ok(Input {
            path: path.to_path_buf(),
            kind: Kind::JsonLines,
            meta: loaded.meta,
            articles: loaded.articles,
            report: loaded.report,
        });
    }
    if is_manifest(head(&bytes)) {
        let text = std::str::from_utf8(&bytes).map_err(|e| unusable(&e))?;
        let manifest = parse_manifest(text).map_err(|e| unusable(&e))?;
        return read_archive(path, manifest, base_url);
    }
    let loaded = match load_bytes(&bytes, base_url) {
        Ok(l) => l,
        Err(e) => {
            let mut message = unusable(&e);
            if looks_like_json_lines(&bytes) {
                message.push_str(" It looks like JSON lines: name it .jsonl to read it so.");
            }
            return Err(message);
        }
    };
    Ok(Input {
        path: path.to_path_buf(),
        kind: Kind::Document(loaded.format.label()),
        meta: loaded.meta,
        articles: loaded.articles,
        report: loaded.report,
    })
}

/// A first line that is a whole JSON object, with more after it.
fn looks_like_json_lines(bytes: &[u8]) -> bool {
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    let first_is_object = lines.next().is_some_and(|l| {
        matches!(
            serde_json::from_slice::<serde_json::Value>(l),
            Ok(serde_json::Value::Object(_))
        )
    });
    first_is_object && lines.next().is_some()
}

/// The path of a shard on disk, relative to its manifest.
pub fn shard_path(manifest: &Path, url: &str) -> Result<PathBuf, String> {
    if url.contains("://") {
        return Err(format!(
            "the shard {url} is not on disk (only shards addressed relative to the manifest are read)"
        ));
    }
    let relative = url.split(['?', '#']).next().unwrap_or(url);
    if relative.starts_with('/') || relative.split('/').any(|part| part == "..") {
        return Err(format!(
            "the shard {url} is outside the manifest's folder, which is not read"
        ));
    }
    let dir = manifest.parent().unwrap_or(Path::new(""));
    Ok(dir.join(relative))
}

/// Reads an archive on disk: every shard, in the manifest's order.
fn read_archive(path: &Path, manifest: Manifest, base_url: Option<&str>) -> Result<Input, String> {
    let mut articles = Vec::with_capacity(manifest.total);
    let mut report = Report::default();
    for (i, shard) in manifest.shards.iter().enumerate() {
        let file = shard_path(path, &shard.url)
            .map_err(|e| format!("cannot use {}: {e}", path.display()))?;
        let bytes = read_bytes(&file)?;
        let loaded = load_bytes(&bytes, base_url)
            .map_err(|e| format!("cannot use {}: {e}", file.display()))?;
        if loaded.articles.len() != shard.count {
            eprintln!(
                "warning: {} holds {} stories; the manifest says {}",
                file.display(),
                loaded.articles.len(),
                shard.count
            );
        }
        let named = |p: Problem| Problem {
            message: format!("{} (shard {})", p.message, i + 1),
            ..p
        };
        report.total += loaded.report.total;
        report
            .skipped
            .extend(loaded.report.skipped.into_iter().map(named));
        report
            .repaired
            .extend(loaded.report.repaired.into_iter().map(named));
        report
            .repeated
            .extend(loaded.report.repeated.into_iter().map(named));
        articles.extend(loaded.articles);
    }
    Ok(Input {
        path: path.to_path_buf(),
        kind: Kind::Archive,
        meta: FeedMeta {
            title: manifest.title,
            description: manifest.description,
            home_page_url: manifest.home_page_url,
            language: manifest.language,
        },
        articles,
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_known_by_name() {
        assert!(is_json_lines_name(Path::new("a/news.jsonl.gz")));
        assert!(is_json_lines_name(Path::new("NEWS.JSONL")));
        assert!(is_json_lines_name(Path::new("x.ndjson")));
        assert!(!is_json_lines_name(Path::new("x.json")));
        assert!(!is_json_lines_name(Path::new("x.json.gz")));
        assert!(looks_like_json_lines(b"{\"a\": 1}\n{\"a\": 2}\n"));
        assert!(!looks_like_json_lines(b"{\"a\": 1}\n"));
        assert!(!looks_like_json_lines(b"{\"a\":\n 1}\n"));
    }

    #[test]
    fn shards_are_read_only_beside_their_manifest() {
        let m = Path::new("/data/archive/manifest.json");
        assert_eq!(
            shard_path(m, "shards/0000.json?v=2").unwrap(),
            Path::new("/data/archive/shards/0000.json")
        );
        assert!(shard_path(m, "https://cdn.example/0000.json").is_err());
        assert!(shard_path(m, "../secret.json").is_err());
        assert!(shard_path(m, "/etc/passwd").is_err());
    }
}
