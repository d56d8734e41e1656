//! The core on real data: captured JSON, RSS and Atom feeds and 9,999 real headlines from
//! `../shared/data`.
//! Where that folder is absent (a clone outside this project's setting) each test says so on
//! stderr and returns without asserting anything.

use flate2::read::GzDecoder;
use gazette_core::{load_bytes, load_document, Catalog, Filter, Format, Timestamp};
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

/// What one captured feed must give: the counts of `SOURCES.txt`, and spot checks of the story
/// with `title` (its date, category, an author and a picture where the feed has them).
struct Expect {
    file: &'static str,
    base: &'static str,
    format: Format,
    stories: usize,
    /// Stories left out as another's repeat.
    repeated: usize,
    title: &'static str,
    date: &'static str,
    category: &'static str,
    author: Option<&'static str>,
    image: Option<&'static str>,
}

const FEEDS: [Expect; 12] = [
    Expect {
        file: "atom-google-alerts.xml",
        base: "https://www.google.com/alerts/feeds/1/2",
        format: Format::Atom,
        stories: 20,
        repeated: 0,
        title: "Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...",
        date: "2019-07-10T11:53:37Z",
        category: "Google Alert - Slack",
        author: None,
        image: None,
    },
    Expect {
        file: "atom-heise-de.xml",
        base: "http://www.heise.de/developer/rss/news-atom.xml",
        format: Format::Atom,
        stories: 15,
        repeated: 0,
        title: "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei",
        date: "2016-02-01T16:22:00Z",
        category: "heise developer neueste Meldungen",
        author: Some("heise online"),
        image: Some("http://www.heise.de/scale/geometry/264/q80/imgs/18/1/7/3/9/9/2/1/wildfly-2bf4ffd2935e38b6-90200def80b152e9-5ba35d3770232d92.jpeg"),
    },
    Expect {
        file: "atom-russcox.xml",
        base: "https://research.swtch.com/feed.atom",
        format: Format::Atom,
        stories: 19,
        repeated: 0,
        title: "Transparent Logs for Skeptical Clients",
        date: "2019-03-01T16:00:00Z",
        category: "research!rsc",
        author: Some("Russ Cox"),
        // The picture in the text is relative: resolved against the story's own address
        // (http://research.swtch.com/tlog), as the story view resolves the text.
        image: Some("http://research.swtch.com/tlog-16.png"),
    },
    Expect {
        file: "jsonfeed-daringfireball.json",
        base: "https://daringfireball.net/feeds/json",
        format: Format::JsonFeed10,
        stories: 48,
        repeated: 0,
        title: "The Talk Show: ‘I Do Like Throwing a Baby’",
        date: "2017-06-27T00:54:17Z",
        category: "Daring Fireball",
        author: Some("John Gruber"),
        image: None,
    },
    Expect {
        file: "jsonfeed-inessential.json",
        base: "https://inessential.com/feed.json",
        format: Format::JsonFeed10,
        stories: 20,
        repeated: 0,
        title: "James Dempsey and the Breakpoints Benefit App Camp for Girls",
        date: "2017-06-03T05:05:47Z",
        category: "inessential.com",
        author: None,
        image: None,
    },
    Expect {
        file: "jsonfeed11-elastic.json",
        base: "https://www.influxdata.com/feed/json",
        format: Format::JsonFeed11,
        stories: 3,
        repeated: 0,
        title: "InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark",
        date: "2019-05-31T19:17:58Z",
        category: "InfluxDB",
        author: Some("Chris Churilo"),
        image: None,
    },
    Expect {
        file: "newsapi-top-headlines-us-2020-11.json",
        base: "https://newsapi.org/v2/top-headlines",
        format: Format::NewsApi,
        stories: 20,
        repeated: 0,
        title: "Iota reaches hurricane strength and is forecast to hit storm-ravaged Central America as a major hurricane early next week",
        date: "2020-11-15T07:05:00Z",
        category: "CNN",
        author: Some("Jason Hanna and Alanne Orjoux, CNN"),
        image: Some("https://cdn.cnn.com/cnnnext/dam/assets/201114101700-weather-tropical-storm-iota-white-satellite-11142020-super-tease.jpg"),
    },
    Expect {
        file: "rss2-aktuality-sk.xml",
        base: "https://www.aktuality.sk/rss/",
        format: Format::Rss2,
        stories: 30,
        repeated: 0,
        title: "Analytici Goldman Sachs zvýšili odhad rastu ekonomiky USA",
        date: "2021-01-17T18:27:00Z",
        category: "Aktuality.sk - aktuálne spravodajstvo",
        author: None,
        image: Some("https://t.aimg.sk/magaziny/vUw5YHzvQKDCkNw6PtXtAg.320.jpg?t=LzE1OHgxMDYvc21hcnQ&h=OcgUSVfIJOH9QPOW-nqQxQ&e=2145916800&v=3"),
    },
    Expect {
        file: "rss2-guardian.xml",
        base: "https://www.theguardian.com/us/rss",
        format: Format::Rss2,
        stories: 55,
        repeated: 0,
        title: "Trump State of the Union address promised unity but emphasized discord",
        date: "2018-01-31T07:26:05Z",
        category: "Donald Trump",
        author: Some("David Smith in Washington"),
        image: Some("https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/0_108_3000_1799/master/3000.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a606a273a90104e57b1e09bc4c0a1e11"),
    },
    Expect {
        file: "rss2-lanacion-ar.xml",
        base: "https://www.lanacion.com.ar/arc/outboundfeeds/rss/",
        format: Format::Rss2,
        stories: 100,
        repeated: 0,
        title: "El Gobierno aumentó un 50% el monto de la Tarjeta Alimentar, en medio de la crisis",
        date: "2022-04-06T22:48:39Z",
        category: "Política",
        author: None,
        image: Some("https://resizer.glanacion.com/resizer/3C2XbPiWq8g0gBa5pivFTYV6q3c=/768x0/cloudfront-us-east-1.images.arcpublishing.com/lanacionar/J6BBWX44GRDKZN5Y4M3ZBNN2K4.jpg"),
    },
    Expect {
        file: "rss2-techcrunch-leading-newline.xml",
        base: "http://feeds.feedburner.com/TechCrunch/",
        format: Format::Rss2,
        stories: 20,
        repeated: 0,
        title: "Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M",
        date: "2011-11-02T17:25:27Z",
        category: "TC",
        author: Some("Leena Rao"),
        image: Some("http://tctechcrunch2011.files.wordpress.com/2011/11/angies-list.jpeg?w=150"),
    },
    Expect {
        file: "rss2-uol-noticias-br-latin1-nodecl.xml",
        base: "http://rss.uol.com.br/feed/noticias.xml",
        format: Format::Rss2,
        stories: 15,
        // One story listed twice, under two addresses.
        repeated: 1,
        title: "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
        date: "2018-09-24T22:42:40Z",
        category: "UOL Noticias",
        author: None,
        image: Some("https://conteudo.imguol.com.br/c/noticias/5f/2018/09/17/presidenciaveis-1537211917356_142x100.jpg"),
    },
];

#[test]
fn every_captured_feed_loads_with_its_expected_count_and_spot_checks() {
    for e in &FEEDS {
        let Some(bytes) = shared(&format!("feeds/{}", e.file)) else {
            return;
        };
        let file = e.file;
        let l = load_bytes(&bytes, Some(e.base)).unwrap_or_else(|err| panic!("{file}: {err}"));
        assert_eq!(l.format, e.format, "{file}");
        assert_eq!(l.report.total, e.stories, "{file}");
        assert_eq!(
            l.articles.len(),
            e.stories - e.repeated,
            "{file}: {:?}",
            l.report.skipped
        );
        assert_eq!(l.report.repeated.len(), e.repeated, "{file}");
        assert!(
            l.report.skipped.is_empty(),
            "{file}: {:?}",
            l.report.skipped
        );
        for a in &l.articles {
            assert!(!a.title.trim().is_empty(), "{file}: empty title");
            assert!(!a.title.contains('<'), "{file}: markup in {:?}", a.title);
            assert!(
                a.url.as_deref().is_none_or(gazette_core::url::is_http_url),
                "{file}"
            );
            assert!(
                a.image
                    .as_ref()
                    .is_none_or(|i| gazette_core::url::is_http_url(&i.url)),
                "{file}"
            );
        }
        let a = l
            .articles
            .iter()
            .find(|a| a.title == e.title)
            .unwrap_or_else(|| panic!("{file}: no story “{}”", e.title));
        assert_eq!(a.published.to_rfc3339(), e.date, "{file}");
        assert_eq!(a.category, e.category, "{file}");
        if let Some(author) = e.author {
            assert!(
                a.authors.iter().any(|n| n == author),
                "{file}: {:?}",
                a.authors
            );
        }
        assert_eq!(a.image.as_ref().map(|i| i.url.as_str()), e.image, "{file}");
    }
}

#[test]
fn the_jsonfeed_1_1_capture_reads_its_rfc2822_dates_and_keeps_the_undated_item_last() {
    let Some(bytes) = shared("feeds/jsonfeed11-elastic.json") else {
        return;
    };
    let l = load_document(&text(&bytes), None).unwrap();
    assert!(l.report.skipped.is_empty(), "{:?}", l.report.skipped);
    let undated: Vec<_> = l
        .articles
        .iter()
        .filter(|a| a.published.is_undated())
        .collect();
    assert_eq!(undated.len(), 1);
    assert!(
        l.report
            .repaired
            .iter()
            .any(|p| p.message.contains("RFC 2822")),
        "{:?}",
        l.report.repaired
    );
    let catalog = Catalog::new(l.articles);
    let out = catalog.apply(&Filter::default(), Timestamp(1_700_000_000), usize::MAX);
    let last = out.matches.last().map(|&i| &catalog.articles()[i]);
    assert!(last.is_some_and(|a| a.published.is_undated()));
}

#[test]
fn the_xml_captures_keep_their_details() {
    let load = |file: &str| -> Option<gazette_core::Loaded> {
        let bytes = shared(&format!("feeds/{file}"))?;
        Some(load_bytes(&bytes, None).unwrap_or_else(|e| panic!("{file}: {e}")))
    };
    // Latin-1 without a declaration, Portuguese dates, an empty <language>.
    let Some(uol) = load("rss2-uol-noticias-br-latin1-nodecl.xml") else {
        return;
    };
    assert_eq!(uol.meta.description.as_deref(), Some("Últimas Notícias"));
    assert_eq!(uol.meta.language, None);
    assert!(uol
        .report
        .repaired
        .iter()
        .all(|p| p.message.contains("non-English names")));
    // The guardian: every category after the first is a tag; the picture is the widest.
    let Some(g) = load("rss2-guardian.xml") else {
        return;
    };
    let a = &g.articles[0];
    assert_eq!(a.tags.len(), 6);
    assert_eq!(
        a.image.as_ref().and_then(|i| i.credit.as_deref()),
        Some("Photograph: Networ/Sipa USA/REX/Shutterstock")
    );
    assert_eq!(a.language.as_deref(), Some("en-gb"));
    assert!(g.report.repaired.is_empty(), "{:?}", g.report.repaired);
    // Its summaries end in a link to the page, and some hold a "Related:" line: neither is
    // part of the excerpt (nor found by a search), and paragraphs stay sentences.
    let summaries: Vec<&str> = g
        .articles
        .iter()
        .filter_map(|a| a.summary.as_deref())
        .collect();
    assert!(summaries.len() > 40);
    assert!(summaries
        .iter()
        .all(|s| !s.contains("Continue reading") && !s.contains("Related:")));
    assert!(
        summaries.iter().any(|s| s.contains("veteran. The 13-year")),
        "{summaries:?}"
    );
    // Google Alerts: <b> inside type="html" titles is markup, not text.
    let Some(alerts) = load("atom-google-alerts.xml") else {
        return;
    };
    assert!(alerts.articles.iter().all(|a| !a.title.contains("<b>")));
    assert!(alerts.articles.iter().all(|a| a.url.is_some()));
    // Russ Cox: CJK text and thousands of character references come through as text.
    let Some(rsc) = load("atom-russcox.xml") else {
        return;
    };
    let text: String = rsc
        .articles
        .iter()
        .filter_map(|a| {
            a.content_html
                .as_deref()
                .map(gazette_core::html::html_to_text)
        })
        .collect();
    assert!(text.chars().any(gazette_core::text::is_unspaced_script));
    assert!(!text.contains("&lt;") && !text.contains("&#x"));
    // TechCrunch: a newline before the declaration; feedburner's original link is preferred.
    let Some(tc) = load("rss2-techcrunch-leading-newline.xml") else {
        return;
    };
    assert!(tc.articles[0]
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("http://techcrunch.com/2011/11/02/")));
    assert!(tc.articles[0].has_body());
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
    // Bare dates are read as their day and noted; nothing else should need repair.
    assert!(l
        .report
        .repaired
        .iter()
        .all(|p| p.message.contains("a date without a time")));
    assert!(l.articles.iter().all(|a| a.published.is_day_only()));
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

#[test]
fn real_headlines_answer_numbers_short_words_stray_letters_and_words_left_out_as_written() {
    let Some(doc) = huffpost_set() else { return };
    let catalog = Catalog::new(load_document(&doc, None).unwrap().articles);
    let now = Timestamp(1_700_000_000);
    let found = |query: &str| -> Vec<usize> {
        let f = Filter {
            query: query.into(),
            ..Filter::default()
        };
        catalog.apply(&f, now, usize::MAX).matches
    };
    let text = |i: usize| {
        let a = &catalog.articles()[i];
        format!(
            "{} {} {} {}",
            a.title,
            a.summary.as_deref().unwrap_or(""),
            a.authors.join(" "),
            a.category
        )
    };
    let words = |i: usize| gazette_core::search::tokens::tokens(&text(i));
    // A number finds itself, also joined to a word ("24,000-Year-Old"), and no other number.
    let n = found("24,000 ");
    assert!(
        !n.is_empty() && n.iter().all(|&i| text(i).contains("24,000")),
        "{}",
        n.len()
    );
    // "AT&T" is the company, not every "at" and every "won't".
    let att = found("at&t");
    assert!(!att.is_empty() && att.iter().all(|&i| text(i).to_lowercase().contains("at&t")));
    // A short word and its plural, as a brute-force scan of the words finds them.
    let guns = found("guns ");
    let brute = (0..catalog.len())
        .filter(|&i| words(i).iter().any(|w| w == "gun" || w == "guns"))
        .count();
    assert_eq!(guns.len(), brute);
    assert!(guns.len() > found("\"guns\"").len());
    // A word left out.
    let biden = found("biden -trump ");
    assert!(!biden.is_empty());
    // (With the forms of "biden" one letter longer or shorter, as typos.)
    assert!(biden.iter().all(|&i| {
        let w = words(i);
        w.iter().any(|t| t.starts_with("bide")) && !w.iter().any(|t| t == "trump")
    }));
    assert!(biden.len() < found("biden ").len());
}
