//! The command line as a user runs it, on the shared HuffPost sample and real captured feeds.

use gazette_core::archive::{is_manifest, parse_manifest, Manifest};
use gazette_core::{load_document, Article};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file of the shared data beside the repository (`../shared/data`, as the core's real-data
/// tests and the end-to-end tests find it); `None`, with a note, when it is absent (the test
/// that needs it then checks nothing).
fn shared(name: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    if !path.is_file() {
        eprintln!(
            "NOTE: {} is absent; the test that reads it is skipped",
            path.display()
        );
        return None;
    }
    Some(path.to_string_lossy().into_owned())
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-cli"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn load_file(path: &Path) -> Vec<Article> {
    let text = std::fs::read_to_string(path).expect("the file");
    let loaded = load_document(&text, None).expect("a usable article set");
    assert!(
        loaded.report.skipped.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.report.skipped
    );
    loaded.articles
}

fn read_manifest(dir: &Path) -> Manifest {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("the manifest");
    assert!(is_manifest(text.as_bytes()));
    parse_manifest(&text).expect("a valid manifest")
}

/// The number before `word` in `text` ("9999 lines" → 9999).
fn number_before(text: &str, word: &str) -> Option<usize> {
    let at = text.find(word)?;
    text[..at].split_whitespace().last()?.parse().ok()
}

/// Checks an archive on disk against its manifest and returns its stories, newest first.
fn check_archive(dir: &Path) -> (Manifest, Vec<Article>) {
    let m = read_manifest(dir);
    assert_eq!(m.total, m.shards.iter().map(|s| s.count).sum::<usize>());
    assert_eq!(m.total, m.categories.iter().map(|c| c.count).sum::<usize>());
    let mut all = Vec::new();
    for (i, shard) in m.shards.iter().enumerate() {
        let path = dir.join(&shard.url);
        let stories = load_file(&path);
        assert_eq!(stories.len(), shard.count, "{}", shard.url);
        assert_eq!(
            std::fs::metadata(&path).expect("the shard").len() as usize,
            shard.bytes
        );
        assert_eq!(stories[0].published, shard.newest);
        assert_eq!(stories[stories.len() - 1].published, shard.oldest);
        assert!(stories.windows(2).all(|w| w[0].published >= w[1].published));
        if let Some(next) = m.shards.get(i + 1) {
            assert!(
                shard.oldest > next.newest,
                "shards {i} and {} overlap",
                i + 1
            );
        }
        all.extend(stories);
    }
    (m, all)
}

#[test]
fn the_huffpost_sample_round_trips_through_shards() {
    let Some(huffpost) = shared("huffpost-news-category-v3-head9999.jsonl.gz") else {
        return;
    };
    let dir = temp_dir("huffpost");
    let archive = dir.join("archive");
    let single = dir.join("single.json");
    let out = cli(&[
        "build",
        &huffpost,
        "--first",
        "1000",
        "--shards",
        s(&archive),
        "--out",
        s(&single),
        "--title",
        "HuffPost sample",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // What the core left out is said on stderr: lines = kept + left out.
    let lines = number_before(&err, "lines,").expect("the count of lines");
    let kept = number_before(&err, "kept").expect("the count kept");
    let left_out = number_before(&err, "left out").unwrap_or(0);
    assert_eq!(lines, 9_999);
    assert_eq!(kept + left_out, lines, "{err}");

    let (m, union) = check_archive(&archive);
    assert_eq!(m.total, kept);
    assert_eq!(m.title.as_deref(), Some("HuffPost sample"));
    assert_eq!(m.shards.len(), 4, "1000, 2000, 4000 and the rest");
    let sizes: Vec<usize> = m.shards.iter().map(|s| s.count).collect();
    // Stories of one day stay in one shard, so a shard runs past its planned end.
    assert!(
        sizes[0] >= 1_000 && sizes[0] + sizes[1] >= 3_000,
        "{sizes:?}"
    );
    assert_eq!(m.categories[0].name, "Politics");
    assert!(m.categories.windows(2).all(|w| w[0].count >= w[1].count));

    let whole = load_file(&single);
    assert_eq!(whole.len(), kept);
    assert_eq!(union, whole);
    let ids: HashSet<&str> = whole.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), whole.len());
    assert!(whole
        .iter()
        .all(|a| a.url.as_deref().is_some_and(gazette_core::url::is_http_url)));

    // inspect agrees, and checks every shard.
    let inspected = cli(&["inspect", s(&archive.join("manifest.json"))]);
    assert!(inspected.status.success(), "{}", stderr(&inspected));
    let text = String::from_utf8_lossy(&inspected.stdout);
    assert!(text.contains("Gazette archive manifest"), "{text}");
    assert!(text.contains(&format!("stories:     {kept}")), "{text}");
    assert!(!text.contains("problem:"), "{text}");

    // An archive is an input too: rebuilt into one file, it is the same stories.
    let again = dir.join("again.json");
    let out = cli(&[
        "build",
        s(&archive.join("manifest.json")),
        "--out",
        s(&again),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(load_file(&again), whole);

    // A smaller rebuild into the same folder leaves no stale shards behind.
    let out = cli(&[
        "build",
        s(&single),
        "--limit",
        "1500",
        "--shards",
        s(&archive),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("removed 3 shards"),
        "{}",
        stderr(&out)
    );
    let (m, newest) = check_archive(&archive);
    assert_eq!((m.total, m.shards.len()), (1_500, 1));
    assert_eq!(newest, whole[..1_500]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rss_atom_and_json_feed_merge_into_one_file() {
    let Some(feeds) = [
        "feeds/rss2-guardian.xml",
        "feeds/atom-heise-de.xml",
        "feeds/jsonfeed-daringfireball.json",
    ]
    .map(shared)
    .into_iter()
    .collect::<Option<Vec<_>>>() else {
        return;
    };
    let dir = temp_dir("mixed");
    let out_path = dir.join("mixed.json");
    // The Guardian twice: every story of the second copy is a repeat.
    let out = cli(&[
        "build",
        &feeds[0],
        &feeds[1],
        &feeds[2],
        &feeds[0],
        "--out",
        s(&out_path),
        "--title",
        "Mixed",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("RSS 2.0") && err.contains("Atom") && err.contains("JSON Feed 1.0"));
    let kept_each: Vec<usize> = err
        .lines()
        .filter(|l| l.starts_with("read "))
        .map(|l| number_before(l, "kept").expect("a count kept"))
        .collect();
    assert_eq!(kept_each.len(), 4, "{err}");
    let repeats = number_before(&err, "repeats left out").expect("the repeats");
    assert_eq!(repeats, kept_each[0], "{err}");

    let text = std::fs::read_to_string(&out_path).expect("the output");
    let loaded = load_document(&text, None).expect("a usable article set");
    assert!(loaded.report.skipped.is_empty());
    let stories = loaded.articles;
    assert_eq!(stories.len(), kept_each[..3].iter().sum::<usize>());
    assert_eq!(loaded.meta.title.as_deref(), Some("Mixed"));
    assert!(stories.windows(2).all(|w| w[0].published >= w[1].published));
    let hosts: HashSet<&str> = stories
        .iter()
        .filter_map(|a| a.url.as_deref())
        .filter_map(|u| u.split('/').nth(2))
        .collect();
    for host in ["www.theguardian.com", "www.heise.de", "daringfireball.net"] {
        assert!(hosts.contains(host), "{host} in {hosts:?}");
    }
    // Each feed's language stays with its stories; the inputs disagree, so the set names none.
    let language_of = |host: &str| {
        let a = stories
            .iter()
            .find(|a| a.url.as_deref().is_some_and(|u| u.contains(host)));
        a.and_then(|a| a.language.clone())
    };
    assert_eq!(language_of("theguardian.com").as_deref(), Some("en-gb"));
    assert_eq!(language_of("heise.de"), None);
    assert_eq!(loaded.meta.language, None);

    // inspect reads the result back.
    let inspected = cli(&["inspect", s(&out_path)]);
    assert!(inspected.status.success());
    let report = String::from_utf8_lossy(&inspected.stdout);
    assert!(report.contains("Gazette article set"), "{report}");
    assert!(
        report.contains(&format!("stories:     {}", stories.len())),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unusable_input_fails_with_a_message() {
    let dir = temp_dir("bad");
    let page = dir.join("page.html");
    std::fs::write(&page, "<!DOCTYPE html><html><body>Hi</body></html>").expect("a file");
    let out = cli(&["build", s(&page), "--out", s(&dir.join("x.json"))]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("page.html") && err.contains("web page"),
        "{err}"
    );
    assert!(!dir.join("x.json").exists());

    let out = cli(&["build", "/nonexistent/feed.xml", "--out", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read /nonexistent/feed.xml"));

    // JSON lines under another name: the message says what to do.
    let lines = dir.join("lines.json");
    std::fs::write(&lines, "{\"headline\": \"a\"}\n{\"headline\": \"b\"}\n").expect("a file");
    let out = cli(&["build", s(&lines), "--out", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("name it .jsonl"), "{}", stderr(&out));

    // Nothing usable at all.
    let empty = dir.join("empty.json");
    std::fs::write(
        &empty,
        "{\"articles\": [{\"published\": \"2024-01-01T00:00:00Z\"}]}",
    )
    .expect("a file");
    let out = cli(&["build", s(&empty), "--out", "-"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("1 left out") && err.contains("no stories to write"),
        "{err}"
    );

    // A manifest of a newer layout.
    let newer = dir.join("manifest.json");
    std::fs::write(&newer, "{\"gazette_archive\": 9, \"shards\": []}").expect("a file");
    let out = cli(&["inspect", s(&newer)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("version 9"), "{}", stderr(&out));

    // Usage errors exit with 2 and the usage.
    let out = cli(&["build", s(&page)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out FILE or --shards DIR"));
    assert!(stderr(&out).contains("Usage:"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdout_output_and_relative_links_with_a_base_url() {
    let dir = temp_dir("stdout");
    let set = dir.join("set.json");
    std::fs::write(
        &set,
        r#"{"title": "Local", "articles": [
            {"id": "a", "title": "Older", "url": "2024/a.html", "category": "News",
             "published": "2024-01-01T10:00:00Z", "image": "img/a.jpg"},
            {"id": "b", "title": "Newer", "url": "2024/b.html", "category": "News",
             "published": "2024-02-01T10:00:00Z"}]}"#,
    )
    .expect("a file");
    let out = cli(&[
        "build",
        s(&set),
        "--base-url",
        "https://local.example/news/",
        "--out",
        "-",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let stories = load_document(&text, None).expect("an article set").articles;
    let ids: Vec<&str> = stories.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(
        stories[1].url.as_deref(),
        Some("https://local.example/news/2024/a.html")
    );
    assert_eq!(
        stories[1].image.as_ref().map(|i| i.url.as_str()),
        Some("https://local.example/news/img/a.jpg")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_newsapi_response_is_named_as_such() {
    let Some(path) = shared("feeds/newsapi-top-headlines-us-2020-11.json") else {
        return;
    };
    let out = cli(&["build", &path, "--out", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("NewsAPI response"), "{err}");
    assert!(!err.contains("Gazette article set"), "{err}");
    let inspected = cli(&["inspect", &path]);
    assert!(inspected.status.success());
    let report = String::from_utf8_lossy(&inspected.stdout);
    assert!(report.contains("format:      NewsAPI response"), "{report}");
}
