//! The core on real data: captured feeds and 9,999 real headlines from `../shared/data`.
//! Where that folder is absent (a clone outside this project's setting) each test says so on
//! stderr and returns without asserting anything.

use flate2::read::GzDecoder;
use gazette_core::{load_document, Catalog, DocumentError, Filter, Format, Timestamp};
use std::io::Read;
use std::path::PathBuf;

fn shared(path: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(path);
    match std::fs::read(&p) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!(
                "SKIPPED: {} is absent, so this test checks nothing here",
                p.display()
            );
            None
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn captured_json_feeds_load_with_every_loss_accounted_for() {
    let cases = [
        (
            "feeds/jsonfeed-daringfireball.json",
            Format::JsonFeed10,
            48,
            48,
        ),
        (
            "feeds/jsonfeed-inessential.json",
            Format::JsonFeed10,
            20,
            20,
        ),
        ("feeds/jsonfeed11-elastic.json", Format::JsonFeed11, 3, 2),
        (
            "feeds/newsapi-top-headlines-us-2020-11.json",
            Format::ArticleSet,
            20,
            20,
        ),
    ];
    for (file, format, total, shown) in cases {
        let Some(bytes) = shared(file) else { return };
        let l = load_document(&text(&bytes), Some("https://feeds.example/feed.json"))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(l.format, format, "{file}");
        assert_eq!(l.report.total, total, "{file}");
        assert_eq!(l.articles.len(), shown, "{file}: {:?}", l.report.skipped);
        assert_eq!(l.articles.len() + l.report.skipped.len(), total, "{file}");
        for a in &l.articles {
            assert!(!a.title.trim().is_empty(), "{file}: empty title");
            assert!(
                a.url.as_deref().is_none_or(gazette_core::url::is_http_url),
                "{file}"
            );
        }
    }
}

#[test]
fn the_jsonfeed_1_1_capture_reads_its_rfc2822_dates_and_reports_the_undated_item() {
    let Some(bytes) = shared("feeds/jsonfeed11-elastic.json") else {
        return;
    };
    let l = load_document(&text(&bytes), None).unwrap();
    assert_eq!(l.report.skipped.len(), 1);
    assert!(
        l.report.skipped[0].message.contains("no publication date"),
        "{:?}",
        l.report.skipped
    );
    assert!(
        l.report
            .repaired
            .iter()
            .any(|p| p.message.contains("RFC 2822")),
        "{:?}",
        l.report.repaired
    );
}

#[test]
fn xml_feeds_are_refused_with_a_clear_error_and_no_panic() {
    for file in [
        "feeds/rss2-guardian.xml",
        "feeds/atom-russcox.xml",
        "feeds/rss2-techcrunch-leading-newline.xml",
        "feeds/rss2-uol-noticias-br-latin1-nodecl.xml",
    ] {
        let Some(bytes) = shared(file) else { return };
        match load_document(&text(&bytes), None) {
            Err(DocumentError::NotJson { line, .. }) => assert!(line >= 1),
            other => panic!("{file}: {other:?}"),
        }
    }
}

/// The 9,999 HuffPost rows, as an article set.
fn huffpost_set() -> Option<String> {
    let gz = shared("huffpost-news-category-v3-head9999.jsonl.gz")?;
    let mut jsonl = String::new();
    GzDecoder::new(&gz[..])
        .read_to_string(&mut jsonl)
        .expect("gzip");
    let mut articles = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        let row: serde_json::Value = serde_json::from_str(line).expect("row");
        articles.push(serde_json::json!({
            "id": format!("hp-{i}"),
            "title": row["headline"],
            "url": row["link"],
            "category": row["category"],
            "published": row["date"],
            "summary": row["short_description"],
            "authors": row["authors"].as_str().filter(|a| !a.is_empty()).map(|a| vec![a]),
        }));
    }
    Some(serde_json::json!({ "articles": articles }).to_string())
}

#[test]
fn nine_thousand_real_headlines_load_and_filter_like_a_brute_force_scan() {
    let Some(doc) = huffpost_set() else { return };
    let l = load_document(&doc, None).unwrap();
    assert_eq!(l.report.total, 9_999);
    assert!(
        l.report.skipped.is_empty(),
        "{:?}",
        &l.report.skipped[..3.min(l.report.skipped.len())]
    );
    // Bare dates are repaired to midnight UTC and noted; nothing else should need repair.
    assert!(l
        .report
        .repaired
        .iter()
        .all(|p| p.message.contains("midnight UTC")));
    let catalog = Catalog::new(l.articles);
    assert_eq!(catalog.category_names().len(), 29);
    let now = Timestamp(1_700_000_000);
    for query in [
        "trump ",
        "climate change ",
        "world cup ",
        "covid vacc",
        "new york police ",
        "Beyoncé ",
    ] {
        let f = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let out = catalog.apply(&f, now, usize::MAX);
        // Brute force over whole words, and a prefix for a last word still being typed. Typo
        // matches come on top, so every brute-force match must be found, and nothing else
        // unless it is one typo away.
        let words: Vec<String> = gazette_core::text::fold(query)
            .split(' ')
            .map(String::from)
            .collect();
        let open = !query.ends_with(' ');
        let brute: Vec<usize> = (0..catalog.len())
            .filter(|&i| {
                let a = &catalog.articles()[i];
                let hay = gazette_core::search::tokens::tokens(&format!(
                    "{} {} {}",
                    a.title,
                    a.summary.as_deref().unwrap_or(""),
                    a.authors.join(" ")
                ));
                words.iter().enumerate().all(|(k, w)| {
                    let prefix = open && k + 1 == words.len();
                    hay.iter()
                        .any(|t| t == w || (prefix && t.starts_with(w.as_str())))
                })
            })
            .collect();
        let got: std::collections::BTreeSet<usize> = out.matches.iter().copied().collect();
        assert!(
            brute.iter().all(|i| got.contains(i)),
            "query {query:?}: an exact match is missing"
        );
        assert_eq!(out.total, got.len());
        assert!(!brute.is_empty(), "query {query:?} finds nothing");
        assert_eq!(
            out.categories.iter().map(|c| c.count).sum::<usize>(),
            out.total
        );
        // The first result matches every word exactly (typos rank lower).
        assert!(
            brute.contains(&out.matches[0]),
            "query {query:?}: the top result is a typo match"
        );
    }
}
