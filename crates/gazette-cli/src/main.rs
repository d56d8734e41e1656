//! `gazette-cli`: builds Gazette article sets and sharded archives from feeds and news data, and
//! inspects them.
//!
//! ```text
//! gazette-cli build [OPTIONS] INPUT... (--out FILE | --shards DIR)
//! gazette-cli inspect PATH
//! ```
//!
//! Every input is read by the core's own loader (`gazette_core::load_bytes`: article sets, JSON
//! Feed, NewsAPI, RSS, RDF, Atom), so a story the widget would leave out is left out here too,
//! and said so. HuffPost-style JSON lines and archives already on disk are read as well. The
//! inputs are merged with `gazette_core::merge::merge`; the output is one article set, an archive
//! (`docs/ARCHIVE.md`), or both. What was read, repaired and left out goes to stderr; unusable
//! input ends the run with a message and exit code 1 (2 for a usage error).

mod args;
mod huffpost;
mod input;

use args::{Build, Command, USAGE};
use gazette_core::archive::{article_set_json, is_manifest, parse_manifest, write_archive};
use gazette_core::merge::merge;
use gazette_core::{load_bytes, Article, FeedMeta, Problem, Timestamp};
use input::Input;
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// How many problems of each kind are listed per input without `--verbose`.
const LISTED: usize = 5;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = match args::parse(&argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("gazette-cli: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Build(b) => build(&b),
        Command::Inspect(path) => inspect(&path),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gazette-cli: {e}");
            ExitCode::from(1)
        }
    }
}

/// A byte count for people.
fn size(bytes: usize) -> String {
    if bytes >= 10_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A problem with its place counted in lines or stories.
fn problem(p: &Problem, unit: &str) -> String {
    let story = p.to_string();
    let rest = story
        .strip_prefix(&format!("story {}", p.position))
        .unwrap_or(&story);
    format!("{unit} {}{rest}", p.position)
}

fn list_problems(what: &str, problems: &[Problem], unit: &str, verbose: bool) {
    let shown = if verbose { problems.len() } else { LISTED };
    for p in problems.iter().take(shown) {
        eprintln!("    {what}: {}", problem(p, unit));
    }
    if problems.len() > shown {
        eprintln!(
            "    … and {} more {what} (--verbose lists them all)",
            problems.len() - shown
        );
    }
}

/// One line on what an input gave, and its problems.
fn summarise(input: &Input, verbose: bool) {
    let r = &input.report;
    let unit = input.kind.unit();
    let mut line = format!(
        "read {}: {}, {}, {} kept",
        input.path.display(),
        input.kind.label(),
        plural(
            r.total,
            unit,
            if unit == "line" { "lines" } else { "stories" }
        ),
        input.articles.len()
    );
    if !r.skipped.is_empty() {
        line.push_str(&format!(", {} left out", r.skipped.len()));
    }
    if !r.repaired.is_empty() {
        line.push_str(&format!(", {} repaired", r.repaired.len()));
    }
    if !r.repeated.is_empty() {
        line.push_str(&format!(", {} repeated", r.repeated.len()));
    }
    eprintln!("{line}");
    list_problems("left out", &r.skipped, unit, verbose);
    if verbose {
        list_problems("repaired", &r.repaired, unit, true);
        list_problems("repeated", &r.repeated, unit, true);
    }
}

/// The facts of the output: the options, else the inputs'.
fn output_meta(b: &Build, inputs: &[Input]) -> FeedMeta {
    let first =
        |f: fn(&FeedMeta) -> &Option<String>| inputs.iter().find_map(|i| f(&i.meta).clone());
    let languages: Vec<&Option<String>> = inputs.iter().map(|i| &i.meta.language).collect();
    let common_language = languages
        .first()
        .filter(|l| languages.iter().all(|o| o == *l))
        .and_then(|l| (*l).clone());
    FeedMeta {
        title: b.title.clone().or_else(|| first(|m| &m.title)),
        description: b.description.clone().or_else(|| first(|m| &m.description)),
        home_page_url: first(|m| &m.home_page_url),
        language: b.language.clone().or(common_language),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn build(b: &Build) -> Result<(), String> {
    let started = Instant::now();
    let mut inputs = Vec::with_capacity(b.inputs.len());
    for path in &b.inputs {
        let input = input::read(path, b.base_url.as_deref())?;
        summarise(&input, b.verbose);
        inputs.push(input);
    }
    let meta = output_meta(b, &inputs);
    let read: usize = inputs.iter().map(|i| i.articles.len()).sum();
    let sources: Vec<Vec<Article>> = inputs
        .iter_mut()
        .map(|i| std::mem::take(&mut i.articles))
        .collect();
    let (mut articles, repeats) = merge(sources);
    if inputs.len() > 1 || repeats > 0 {
        eprintln!(
            "merged {}: {} stories, {} left out",
            plural(inputs.len(), "input", "inputs"),
            articles.len(),
            plural(repeats, "repeat", "repeats")
        );
    }
    if articles.is_empty() {
        return Err(format!(
            "no stories to write ({read} read from {})",
            plural(inputs.len(), "input", "inputs")
        ));
    }
    if let Some(limit) = b.limit {
        if articles.len() > limit {
            articles.truncate(limit);
            eprintln!("kept the newest {limit} (--limit)");
        }
    }
    let total = articles.len();
    if let Some(out) = &b.out {
        let json = article_set_json(&articles, &meta);
        if out.as_os_str() == "-" {
            std::io::stdout()
                .write_all(json.as_bytes())
                .map_err(|e| format!("cannot write to stdout: {e}"))?;
        } else {
            write_file(out, &json)?;
        }
        eprintln!(
            "wrote {}: {}, {}",
            out.display(),
            plural(total, "story", "stories"),
            size(json.len())
        );
    }
    if let Some(dir) = &b.shards {
        let articles = if b.out.is_some() {
            articles.clone()
        } else {
            std::mem::take(&mut articles)
        };
        write_shards(dir, articles, &meta, b)?;
    }
    eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Writes the archive into `dir`: the shards first, the manifest last; shards of an earlier,
/// larger build that the new manifest does not list are removed.
fn write_shards(
    dir: &Path,
    articles: Vec<Article>,
    meta: &FeedMeta,
    b: &Build,
) -> Result<(), String> {
    let total = articles.len();
    let (manifest, files) = write_archive(articles, meta, b.first, b.growth);
    let shard_dir = dir.join("shards");
    fs::create_dir_all(&shard_dir)
        .map_err(|e| format!("cannot create {}: {e}", shard_dir.display()))?;
    let mut bytes = manifest.len();
    for (url, json) in &files {
        write_file(&dir.join(url), json)?;
        bytes += json.len();
    }
    let manifest_path = dir.join("manifest.json");
    write_file(&manifest_path, &manifest)?;
    let listed: Vec<String> = files
        .iter()
        .filter_map(|(url, _)| url.strip_prefix("shards/").map(str::to_string))
        .collect();
    let mut removed = 0;
    if let Ok(entries) = fs::read_dir(&shard_dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name
                .strip_suffix(".json")
                .is_some_and(|n| n.len() >= 4 && n.bytes().all(|c| c.is_ascii_digit()));
            if ours && !listed.contains(&name) && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    let sizes: Vec<String> = parse_manifest(&manifest)
        .map(|m| m.shards.iter().map(|s| s.count.to_string()).collect())
        .unwrap_or_default();
    eprintln!(
        "wrote {} and {} ({}): {}, {}",
        manifest_path.display(),
        plural(files.len(), "shard", "shards"),
        sizes.join(", "),
        plural(total, "story", "stories"),
        size(bytes)
    );
    if removed > 0 {
        eprintln!(
            "removed {} of an earlier build from {}",
            plural(removed, "shard", "shards"),
            shard_dir.display()
        );
    }
    Ok(())
}

/// Categories by story count, most first, as `Name 12, Other 3`.
fn category_line(articles: &[Article]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in articles {
        *counts.entry(&a.category).or_default() += 1;
    }
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = list.iter().map(|(n, c)| format!("{n} {c}")).collect();
    parts.join(", ")
}

/// `newest … oldest`, and the undated stories.
fn date_line(articles: &[Article]) -> String {
    let dated = articles.iter().filter(|a| !a.published.is_undated());
    let newest = dated.clone().map(|a| a.published).max();
    let oldest = dated.map(|a| a.published).min();
    let undated = articles.iter().filter(|a| a.published.is_undated()).count();
    let mut line = match (newest, oldest) {
        (Some(n), Some(o)) => format!("{} … {}", n.to_rfc3339(), o.to_rfc3339()),
        _ => "none dated".to_string(),
    };
    if undated > 0 {
        line.push_str(&format!(" (and {undated} undated)"));
    }
    line
}

fn inspect(path: &Path) -> Result<(), String> {
    let bytes = input::read_bytes(path)?;
    if !input::is_json_lines_name(path) && is_manifest(input::head(&bytes)) {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| format!("cannot use {}: {e}", path.display()))?;
        let m = parse_manifest(text).map_err(|e| format!("cannot use {}: {e}", path.display()))?;
        return inspect_manifest(path, &m);
    }
    let input = input::read(path, None)?;
    let r = &input.report;
    println!("file:        {}", path.display());
    println!("format:      {}", input.kind.label());
    if let Some(t) = &input.meta.title {
        println!("title:       {t}");
    }
    if let Some(l) = &input.meta.language {
        println!("language:    {l}");
    }
    println!(
        "stories:     {} ({} in the document, {} left out, {} repeated, {} repaired)",
        input.articles.len(),
        r.total,
        r.skipped.len(),
        r.repeated.len(),
        r.repaired.len()
    );
    println!("dates:       {}", date_line(&input.articles));
    println!("categories:  {}", category_line(&input.articles));
    let unit = input.kind.unit();
    for p in r.skipped.iter().take(LISTED) {
        println!("left out:    {}", problem(p, unit));
    }
    if r.skipped.len() > LISTED {
        println!("left out:    … and {} more", r.skipped.len() - LISTED);
    }
    Ok(())
}

fn inspect_manifest(path: &Path, m: &gazette_core::archive::Manifest) -> Result<(), String> {
    println!("file:        {}", path.display());
    println!(
        "format:      Gazette archive manifest (version {})",
        gazette_core::archive::ARCHIVE_VERSION
    );
    if let Some(t) = &m.title {
        println!("title:       {t}");
    }
    if let Some(l) = &m.language {
        println!("language:    {l}");
    }
    let sum: usize = m.shards.iter().map(|s| s.count).sum();
    println!(
        "stories:     {}{}",
        m.total,
        if sum == m.total {
            String::new()
        } else {
            format!(" (but the shards hold {sum})")
        }
    );
    let parts: Vec<String> = m
        .categories
        .iter()
        .map(|c| format!("{} {}", c.name, c.count))
        .collect();
    println!("categories:  {}", parts.join(", "));
    println!("shards:      {}", m.shards.len());
    let mut problems = Vec::new();
    for (i, s) in m.shards.iter().enumerate() {
        let date = |t: Timestamp| {
            if t.is_undated() {
                "undated".to_string()
            } else {
                t.to_rfc3339()
            }
        };
        let top: Vec<String> = s
            .categories
            .iter()
            .take(4)
            .map(|c| format!("{} {}", c.name, c.count))
            .collect();
        let more = if s.categories.len() > 4 { ", …" } else { "" };
        println!(
            "  {i:>4}  {}  {} stories, {}, {} … {}; {}{more}",
            s.url,
            s.count,
            size(s.bytes),
            date(s.newest),
            date(s.oldest),
            top.join(", ")
        );
        // Check the shard when it is on disk beside the manifest.
        let Ok(file) = input::shard_path(path, &s.url) else {
            continue;
        };
        let Ok(bytes) = input::read_bytes(&file) else {
            problems.push(format!("{} is missing", file.display()));
            continue;
        };
        match load_bytes(&bytes, None) {
            Ok(l) if l.articles.len() == s.count => {}
            Ok(l) => problems.push(format!(
                "{} holds {} stories, not {}",
                file.display(),
                l.articles.len(),
                s.count
            )),
            Err(e) => problems.push(format!("{}: {e}", file.display())),
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    for p in &problems {
        println!("problem:     {p}");
    }
    Err(format!(
        "{} of the archive does not match its manifest",
        plural(problems.len(), "shard", "shards")
    ))
}
