//! Every loading rule of docs/FORMAT.md, one test each, on small hand-made documents.

use gazette_core::detect::NotAFeed;
use gazette_core::load::{ReadEnd, Reader, Step, FALLBACK_CATEGORY, MAX_TITLE_CHARS};
use gazette_core::{load_document, DocumentError, Format, Loaded, Timestamp};

const BASE: &str = "https://news.example/data/set.json";

fn set(articles: &str) -> String {
    format!(r#"{{"title": "Test set", "articles": [{articles}]}}"#)
}

/// Reads `doc` through a [`Reader`] as its bytes arrive `size` at a time, asking for `step`
/// stories at a time: the stories handed out, and how the reader finished.
fn read_in_pieces(
    doc: &str,
    size: usize,
    step: usize,
) -> (Vec<gazette_core::Article>, Result<ReadEnd, DocumentError>) {
    let mut reader = Reader::new(None);
    let mut got = Vec::new();
    for chunk in doc.as_bytes().chunks(size) {
        reader.push(chunk).unwrap();
        while reader.read(step, &mut |a| got.push(a)).unwrap() == Step::More {}
    }
    reader.end_of_input();
    loop {
        match reader.read(step, &mut |a| got.push(a)) {
            Ok(Step::More) => continue,
            Ok(_) => return (got, reader.finish()),
            Err(e) => return (got, Err(e)),
        }
    }
}

fn load(doc: &str) -> Loaded {
    load_document(doc, Some(BASE)).unwrap_or_else(|e| panic!("{e}"))
}

const GOOD: &str = r#"{"id": "a1", "title": "Headline", "url": "https://news.example/a1",
    "category": "Markets", "published": "2024-05-01T10:00:00Z", "summary": "Summary text.",
    "authors": ["Ann Lee"], "tags": ["news", "markets"], "language": "en",
    "image": {"url": "img/a1.svg", "alt": "A chart", "credit": "Illustration by Gazette"}}"#;

#[test]
fn a_valid_article_set_loads_without_notes() {
    let l = load(&set(GOOD));
    assert_eq!(l.format, Format::ArticleSet);
    assert_eq!(l.meta.title.as_deref(), Some("Test set"));
    assert_eq!(l.report.total, 1);
    assert!(
        l.report.skipped.is_empty() && l.report.repaired.is_empty(),
        "{:?}",
        l.report
    );
    let a = &l.articles[0];
    assert_eq!(a.id, "a1");
    assert_eq!(a.url.as_deref(), Some("https://news.example/a1"));
    assert_eq!(a.published.to_rfc3339(), "2024-05-01T10:00:00Z");
    assert_eq!(a.authors, ["Ann Lee"]);
    assert_eq!(a.tags, ["news", "markets"]);
    let img = a.image.as_ref().unwrap();
    assert_eq!(img.url, "https://news.example/data/img/a1.svg");
    assert_eq!(img.alt, "A chart");
    assert_eq!(img.credit.as_deref(), Some("Illustration by Gazette"));
}

#[test]
fn unusable_documents_are_errors_that_say_why() {
    let err = |s: &str| load_document(s, None).unwrap_err();
    assert_eq!(err(""), DocumentError::Empty);
    assert_eq!(err(" \n "), DocumentError::Empty);
    assert!(matches!(
        err("{\"articles\": [}"),
        DocumentError::NotJson { line: 1, .. }
    ));
    assert_eq!(
        err("<html>404</html>"),
        DocumentError::NotAFeed(NotAFeed::WebPage)
    );
    assert_eq!(
        err("[1, 2]"),
        DocumentError::NotAnObject { found: "a list" }
    );
    assert_eq!(
        err("{\"stories\": []}"),
        DocumentError::NoArticleList { list_kind: None }
    );
    assert_eq!(
        err("{\"articles\": {}}"),
        DocumentError::NoArticleList {
            list_kind: Some("an object")
        }
    );
    for e in [err(""), err("[1]"), err("{"), err("{}")] {
        assert!(e.to_string().starts_with("The news file"), "{e}");
    }
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let l = load(&format!("\u{FEFF}{}", set(GOOD)));
    assert_eq!(l.articles.len(), 1);
}

#[test]
fn an_empty_list_is_a_valid_empty_set() {
    let l = load(r#"{"articles": []}"#);
    assert!(l.articles.is_empty());
    assert_eq!(l.report.total, 0);
}

#[test]
fn rule_non_objects_are_left_out() {
    let l = load(&set(&format!("1, null, \"x\", {GOOD}")));
    assert_eq!(l.articles.len(), 1);
    let msgs: Vec<_> = l
        .report
        .skipped
        .iter()
        .map(|p| (p.position, p.message.as_str()))
        .collect();
    assert_eq!(
        msgs,
        [
            (1, "it is a number, not an article object"),
            (2, "it is null, not an article object"),
            (3, "it is text, not an article object")
        ]
    );
}

#[test]
fn rule_a_missing_title_is_made_from_the_text_or_the_story_is_left_out() {
    let l = load(&set(
        r#"{"id": "t1", "published": "2024-01-01T00:00:00Z", "category": "X",
            "summary": "Regulators agreed a shared rulebook for stablecoin reserves across the region, after long talks in the capital"},
           {"id": "t2", "title": "   ", "published": "2024-01-01T00:00:00Z", "category": "X"},
           {"id": "t3", "title": ["wrong"], "published": "2024-01-01T00:00:00Z", "category": "X",
            "content_text": "Short body."}"#,
    ));
    assert_eq!(l.articles.len(), 2);
    assert_eq!(l.articles[0].title, "Regulators agreed a shared rulebook for stablecoin reserves across the region, after long…");
    assert_eq!(l.articles[1].title, "Short body.");
    // A headline that is the whole text is not said again as the excerpt; the start of a
    // longer text is.
    assert_eq!(l.articles[1].summary, None);
    assert!(l.articles[0]
        .summary
        .as_deref()
        .unwrap()
        .ends_with("after long talks in the capital"));
    assert_eq!(l.report.skipped.len(), 1);
    assert_eq!(
        l.report.skipped[0].message,
        "it has no headline and no text"
    );
    assert!(l.report.repaired[1]
        .message
        .contains("“title” is a list, not text"));
}

#[test]
fn rule_long_titles_are_cut_and_html_in_titles_is_removed() {
    let long = "word ".repeat(200);
    let l = load(&set(&format!(
        r#"{{"id": "l", "title": "{long}", "published": "2024-01-01T00:00:00Z", "category": "X"}},
           {{"id": "h", "title": "<b>Bold</b> claim &amp; more", "published": "2024-01-01T00:00:00Z", "category": "X"}}"#
    )));
    assert!(l.articles[0].title.chars().count() <= MAX_TITLE_CHARS + 1);
    assert!(l.articles[0].title.ends_with('…'));
    assert_eq!(l.articles[1].title, "Bold claim & more");
    assert!(l
        .report
        .repaired
        .iter()
        .any(|p| p.message.contains("HTML tags were removed")));
}

#[test]
fn rule_a_feeds_long_title_and_long_names_are_cut_too() {
    let (t, name) = ("T".repeat(300_000), "N".repeat(3_000));
    let l = load(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "{t}", "description": "{t}",
            "items": [{{"id": "1", "title": "x", "url": "https://e.com/a", "tags": ["Harbour", "{name}"],
              "authors": [{{"name": "{name}"}}], "date_published": "2024-01-01T00:00:00Z"}}]}}"#
    ));
    let title = l.meta.title.as_deref().unwrap_or_default();
    assert!(
        title.chars().count() <= MAX_TITLE_CHARS + 1,
        "{}",
        title.len()
    );
    assert!(
        l.meta
            .description
            .as_deref()
            .unwrap_or_default()
            .chars()
            .count()
            <= 1_001
    );
    let a = &l.articles[0];
    // (A JSON Feed's first tag is the story's category.)
    let tag = a.tags.last().map_or(0, |t| t.chars().count());
    assert!((50..=101).contains(&tag) && a.authors[0].chars().count() <= 101);
    assert!(a.authors[0].ends_with('…'));
}

#[test]
fn a_lone_surrogate_escape_is_read_as_the_replacement_character() {
    // An emoji cut in two by a CMS: browsers read the half as U+FFFD, and so does the widget.
    let l = load(
        r#"{"title": "Harbour \ud83d desk", "articles": [
            {"id": "a", "title": "Gulls \ud83d return", "url": "https://e.com/a", "category": "X"},
            {"id": "b", "title": "A pair \ud83d\ude00 and a low half \ude00, a backslash \\ud83d", "url": "https://e.com/b", "category": "X"}]}"#,
    );
    assert_eq!(l.meta.title.as_deref(), Some("Harbour \u{fffd} desk"));
    assert!(l.report.skipped.is_empty(), "{:?}", l.report.skipped);
    assert_eq!(l.articles[0].title, "Gulls \u{fffd} return");
    assert_eq!(
        l.articles[1].title,
        "A pair 😀 and a low half \u{fffd}, a backslash \\ud83d"
    );
}

#[test]
fn the_reader_says_whether_its_fault_came_after_the_last_story() {
    let story = r#"{"id": "a", "title": "A", "category": "X"}"#;
    for (doc, complete) in [
        (format!(r#"{{"articles": [{story}],}}"#), true),
        (format!(r#"{{"articles": [{story}]}} junk"#), true),
        (format!(r#"{{"articles": [{story},]}}"#), false),
        (format!(r#"{{"articles": [{story}, {{"id": "b""#), false),
    ] {
        let mut reader = Reader::new(None);
        reader.push(doc.as_bytes()).unwrap();
        reader.end_of_input();
        let mut got = 0;
        while let Ok(Step::More) = reader.read(10, &mut |_| got += 1) {}
        assert_eq!(got, 1, "{doc}");
        assert_eq!(reader.stories_complete(), complete, "{doc}");
        assert!(reader.finish().is_err(), "{doc}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_read_as_the_replacement_character() {
    // A stray Latin-1 letter (0xE9, "é") in the title and in one story: as a browser reads JSON.
    let mut doc = br#"{"title": "Caf"#.to_vec();
    doc.push(0xE9);
    doc.extend_from_slice(br#" desk", "articles": [{"id": "a", "title": "Cr"#);
    doc.push(0xE8);
    doc.extend_from_slice(
        br#"me", "category": "X"}, {"id": "b", "title": "Fine", "category": "X"}]}"#,
    );
    let l = gazette_core::load::load_bytes(&doc, None).unwrap();
    assert_eq!(l.meta.title.as_deref(), Some("Caf\u{fffd} desk"));
    assert!(l.report.skipped.is_empty(), "{:?}", l.report.skipped);
    let titles: Vec<&str> = l.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Cr\u{fffd}me", "Fine"]);
}

#[test]
fn rule_markup_and_entities_in_categories_tags_and_authors_are_made_text() {
    // As in titles: an end tag, `/>`, `<br` or `<p>` is markup; a lone tag is text (the
    // headline of a story about `<dialog>`), and so is text that compares.
    let l = load(
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "The <dialog> element &amp; you",
            "items": [
              {"id": "1", "title": "<b>Quiet</b> day", "tags": ["<span class=x>Markets</span>", "Arts &amp; Culture", "<br/>"],
               "authors": [{"name": "<i>Ana</i> Ruiz"}], "date_published": "2024-01-01T00:00:00Z", "content_text": "x"},
              {"id": "2", "title": "Why <dialog> beats a <div>", "tags": ["a < b", "<3"], "date_published": "2024-01-01T00:00:00Z", "content_text": "x"}
            ]}"#,
    );
    assert_eq!(l.meta.title.as_deref(), Some("The <dialog> element & you"));
    let a = &l.articles[0];
    assert_eq!(a.title, "Quiet day");
    assert_eq!(a.category, "Markets");
    assert_eq!(a.tags, ["Arts & Culture"]);
    assert_eq!(a.authors, ["Ana Ruiz"]);
    let b = &l.articles[1];
    assert_eq!(b.title, "Why <dialog> beats a <div>");
    assert_eq!(
        (b.category.as_str(), b.tags.as_slice()),
        ("a < b", &["<3".to_string()][..])
    );
    // An article set's category, too.
    let set = load(&set(
        r#"{"id": "c", "title": "A", "category": "<b>World</b> &amp; more", "published": "2024-01-01T00:00:00Z"}"#,
    ));
    assert_eq!(set.articles[0].category, "World & more");
}

#[test]
fn rule_a_date_that_cannot_be_read_leaves_the_story_undated() {
    let l = load(&set(
        r#"{"id": "d1", "title": "A", "category": "X", "published": "next Tuesday"},
           {"id": "d2", "title": "B", "category": "X"},
           {"id": "d3", "title": "C", "category": "X", "published": 1700000000},
           {"id": "d4", "title": "D", "category": "X", "published": "2024-02-30"},
           {"id": "d5", "title": "E", "category": "X", "published": "2024-03-01"},
           {"id": "d6", "title": "F", "category": "X", "published": "Fri, 01 Mar 2024 12:00:00 GMT"},
           {"id": "d7", "title": "G", "category": "X", "published": "0001-01-01T00:00:00Z"},
           {"id": "d8", "title": "H", "category": "X", "published": "0000-06-01"}"#,
    ));
    assert!(l.report.skipped.is_empty(), "{:?}", l.report.skipped);
    let undated: Vec<_> = l
        .articles
        .iter()
        .filter(|a| a.published == Timestamp::UNDATED)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(undated, ["d1", "d2", "d3", "d4", "d7", "d8"]);
    let repaired: Vec<_> = l
        .report
        .repaired
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(repaired.len(), 8, "{repaired:?}");
    assert!(
        repaired[0].contains("“next Tuesday” is not a date"),
        "{}",
        repaired[0]
    );
    assert!(
        repaired[0].contains("shown last, as undated"),
        "{}",
        repaired[0]
    );
    assert!(
        repaired[1].contains("no date (“published”)"),
        "{}",
        repaired[1]
    );
    assert!(
        repaired[3].contains("no such calendar day"),
        "{}",
        repaired[3]
    );
    assert!(repaired[4].contains("a date without a time (shown as that day to every reader)"));
    assert!(repaired[5].contains("RFC 2822"));
    // The "zero time" is how article sets write an undated story: said only of an earlier date.
    assert_eq!(repaired[6], "no “url”: the headline is not a link");
    let said = "“published” is 0000-06-01, before any story: shown last, as undated";
    assert!(repaired[7].starts_with(said), "{}", repaired[7]);
    // A feed's zero time is a generator's "no date", which the publisher is told of.
    let feed = load(
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
            {"id": "z", "title": "Zero", "date_published": "0001-01-01T00:00:00Z"}]}"#,
    );
    assert_eq!(feed.articles[0].published, Timestamp::UNDATED);
    let said = "“date_published” is 0001-01-01T00:00:00Z, before any story: shown last, as undated";
    assert!(
        feed.report.repaired[0].message.starts_with(said),
        "{:?}",
        feed.report.repaired
    );
}

#[test]
fn rule_only_http_links_survive_and_relative_ones_resolve() {
    let l = load(&set(
        r#"{"id": "u1", "title": "A", "category": "X", "published": "2024-01-01T00:00:00Z", "url": "javascript:alert(1)"},
           {"id": "u2", "title": "B", "category": "X", "published": "2024-01-01T00:00:00Z", "url": "../stories/b.html"},
           {"id": "u3", "title": "C", "category": "X", "published": "2024-01-01T00:00:00Z"},
           {"id": "u4", "title": "D", "category": "X", "published": "2024-01-01T00:00:00Z", "url": "data:text/html,<b>x</b>",
            "image": "javascript:alert(2)"}"#,
    ));
    assert_eq!(l.articles.len(), 4, "bad links never cost a story");
    let urls: Vec<_> = l.articles.iter().map(|a| a.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            None,
            Some("https://news.example/stories/b.html"),
            None,
            None
        ]
    );
    assert!(l.articles[3].image.is_none());
    let notes: Vec<_> = l
        .report
        .repaired
        .iter()
        .map(|p| (p.label.as_deref().unwrap(), p.message.as_str()))
        .collect();
    assert_eq!(
        notes[0],
        (
            "u1",
            "“url” was not used: a “javascript:” address is not allowed"
        )
    );
    assert_eq!(notes[1], ("u3", "no “url”: the headline is not a link"));
    assert!(
        notes[2].1.contains("“data:” address") && notes[2].1.contains("its image was not used")
    );
}

#[test]
fn rule_ids_default_to_the_link_and_duplicates_are_left_out() {
    let l = load(&set(
        r#"{"title": "A", "category": "X", "published": "2024-01-01T00:00:00Z", "url": "https://x.example/a"},
           {"title": "B", "category": "X", "published": "2024-01-01T00:00:00Z"},
           {"id": "dup", "title": "C", "category": "X", "published": "2024-01-01T00:00:00Z"},
           {"id": "dup", "title": "D", "category": "X", "published": "2024-01-01T00:00:00Z"}"#,
    ));
    let ids: Vec<_> = l.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["https://x.example/a", "story-2", "dup"]);
    assert_eq!(
        l.report.skipped[0].message,
        "its id “dup” repeats an earlier story's"
    );
    assert_eq!(l.report.skipped[0].position, 4);
}

#[test]
fn rule_a_missing_category_becomes_other() {
    let l = load(&set(
        r#"{"id": "c", "title": "A", "published": "2024-01-01T00:00:00Z", "tags": ["news"]}"#,
    ));
    assert_eq!(l.articles[0].category, FALLBACK_CATEGORY);
    assert_eq!(
        l.articles[0].tags,
        ["news"],
        "article sets never take the category from tags"
    );
    assert!(l.report.repaired[0].message.contains("no “category”"));
}

#[test]
fn rule_a_body_that_says_no_more_than_its_card_leads_to_the_publishers_page() {
    let l = load(&set(
        r#"{"id": "same", "title": "A", "url": "https://news.example/a", "published": "2024-01-01T00:00:00Z",
            "summary": "The snippet an alert service sends, cut ...",
            "content_html": "The <b>snippet</b> an alert service   sends, cut ..."},
           {"id": "more", "title": "B", "url": "https://news.example/b", "published": "2024-01-01T00:00:00Z",
            "summary": "The start.", "content_text": "The start.\n\nAnd the rest of the story."},
           {"id": "unlinked", "title": "C", "published": "2024-01-01T00:00:00Z",
            "summary": "Only here.", "content_text": "Only here."},
           {"id": "picture", "title": "D", "url": "https://news.example/d", "published": "2024-01-01T00:00:00Z",
            "summary": "A caption.", "content_html": "<p><img src=\"https://news.example/d.jpg\" alt=\"\">A caption.</p>"},
           {"id": "paragraphs", "title": "F", "url": "https://news.example/f", "published": "2024-01-01T00:00:00Z",
            "content_text": "One.\n\nTwo."},
           {"id": "note", "url": "https://news.example/e", "published": "2024-01-01T00:00:00Z",
            "content_text": "A note of one line."}"#,
    ));
    let by_id = |id: &str| l.articles.iter().find(|a| a.id == id).unwrap();
    let same = by_id("same");
    assert!(!same.has_body(), "the card leads to the publisher's page");
    assert_eq!(
        same.summary.as_deref(),
        Some("The snippet an alert service sends, cut ...")
    );
    assert!(by_id("more").has_body(), "a body that says more opens here");
    assert!(
        by_id("unlinked").has_body(),
        "with no page of its own, it opens here"
    );
    assert!(
        by_id("picture").has_body(),
        "a body with a picture shows it"
    );
    assert!(
        by_id("paragraphs").has_body(),
        "a body of paragraphs shows them"
    );
    let note = by_id("note");
    assert_eq!(
        (
            note.title.as_str(),
            note.summary.as_deref(),
            note.has_body()
        ),
        ("A note of one line.", None, false)
    );
}

#[test]
fn rule_a_heading_line_in_plain_text_keeps_the_lines_under_it_apart() {
    let l = load(&set(
        r#"{"id": "h", "title": "A", "category": "X", "published": "2024-01-01T00:00:00Z",
            "content_text": "Intro.\n\n## Costs\nThe plan  costs\nmore.\r\n  \r\nEnd."}"#,
    ));
    let text = l.articles[0].content_text.as_deref().unwrap();
    assert_eq!(text, "Intro.\n\n## Costs\n\nThe plan costs more.\n\nEnd.");
    assert_eq!(
        gazette_core::html::text_of(&gazette_core::html::text_blocks(text)),
        "Intro.\nCosts\nThe plan costs more.\nEnd.\n",
        "the heading holds its own words only"
    );
}

#[test]
fn rule_summary_falls_back_to_the_text_and_html_becomes_text() {
    let l = load(&set(
        r#"{"id": "s1", "title": "A", "category": "X", "published": "2024-01-01T00:00:00Z",
            "content_text": "First paragraph.\r\n\r\n   Second   paragraph.  "},
           {"id": "s2", "title": "B", "category": "X", "published": "2024-01-01T00:00:00Z",
            "content_html": "<p>Rich <em>text</em></p><script>steal()</script><p>More</p>"},
           {"id": "s3", "title": "C", "category": "X", "published": "2024-01-01T00:00:00Z",
            "summary": "<p>Tagged <b>summary</b></p>"}"#,
    ));
    assert_eq!(
        l.articles[0].content_text.as_deref(),
        Some("First paragraph.\n\nSecond paragraph.")
    );
    assert_eq!(
        l.articles[0].summary.as_deref(),
        Some("First paragraph. Second paragraph.")
    );
    assert_eq!(l.articles[1].content_text, None);
    assert_eq!(
        l.articles[1].content_html.as_deref(),
        Some("<p>Rich <em>text</em></p><script>steal()</script><p>More</p>"),
        "HTML is kept as written, to be sanitised when shown"
    );
    assert_eq!(l.articles[1].summary.as_deref(), Some("Rich text. More"));
    assert_eq!(l.articles[2].summary.as_deref(), Some("Tagged summary"));
    assert!(
        l.report
            .repaired
            .iter()
            .all(|p| p.message == "no “url”: the headline is not a link"),
        "{:?}",
        l.report.repaired
    );
}

#[test]
fn rule_wrong_types_in_optional_fields_are_ignored_with_a_note() {
    let l = load(&set(
        r#"{"id": "w", "title": "A", "category": "X", "published": "2024-01-01T00:00:00Z",
            "summary": 42, "authors": "Solo Writer", "tags": ["a", 7, "A", " b "], "image": true,
            "language": ["en"]}"#,
    ));
    let a = &l.articles[0];
    assert_eq!(a.summary.as_deref(), Some("42"), "numbers are read as text");
    assert_eq!(a.authors, ["Solo Writer"]);
    assert_eq!(
        a.tags,
        ["a", "b"],
        "non-names dropped, duplicates folded, spaces trimmed"
    );
    assert!(a.image.is_none());
    let note = &l.report.repaired[0].message;
    assert!(note.contains("1 entry of “tags” ignored"), "{note}");
    assert!(note.contains("“image” is true or false"), "{note}");
    assert!(note.contains("“language” is a list"), "{note}");
}

#[test]
fn json_feed_1_1_is_detected_and_its_category_comes_from_tags_then_the_feed_title() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Daily Wire",
        "home_page_url": "https://wire.example/", "language": "en-GB",
        "items": [
          {"id": "1", "url": "https://wire.example/1", "external_url": "https://paper.example/story", "title": "Tagged", "tags": ["Markets", "bonds"],
           "date_published": "2024-01-02T03:04:05+01:00", "authors": [{"name": "Ann"}, {"url": "x"}],
           "image": "https://wire.example/1.jpg", "content_html": "<p>Body</p>"},
          {"id": "2", "external_url": "https://elsewhere.example/2", "content_text": "Untitled micro post",
           "date_published": "2024-01-03T00:00:00Z", "banner_image": "/b.png"},
          {"id": "3", "url": "https://wire.example/3", "external_url": "https://wire.example/3", "title": "Undated"}
        ]}"#;
    let l = load_document(doc, None).unwrap();
    assert_eq!(l.format, Format::JsonFeed11);
    assert_eq!(l.articles.len(), 3);
    let (a, b) = (&l.articles[0], &l.articles[1]);
    assert_eq!(
        (a.category.as_str(), a.tags.as_slice()),
        ("Markets", &["bonds".to_string()][..])
    );
    assert_eq!(a.authors, ["Ann"]);
    assert_eq!(a.summary.as_deref(), Some("Body"));
    assert_eq!(
        a.language.as_deref(),
        Some("en-GB"),
        "the feed's language is inherited"
    );
    assert_eq!(b.category, "Daily Wire");
    assert_eq!(b.title, "Untitled micro post");
    assert_eq!(b.url.as_deref(), Some("https://elsewhere.example/2"));
    assert_eq!(b.image.as_ref().unwrap().url, "https://wire.example/b.png");
    // Beside its own page, a link blog's post keeps the page it is about; alone, that page is
    // the story's link; the same page twice is one.
    assert_eq!(
        a.external_url.as_deref(),
        Some("https://paper.example/story")
    );
    assert_eq!(b.external_url, None);
    assert_eq!(l.articles[2].external_url, None);
    // A feed's undated story is kept, with the stand-in date that sorts it last.
    assert!(l.articles[2].published.is_undated());
    assert!(l.report.skipped.is_empty());
    assert_eq!(
        l.report.repaired.last().map(|p| p.message.as_str()),
        Some("no date (“date_published”): shown last, as undated")
    );
}

#[test]
fn a_json_feeds_title_is_text_even_when_it_holds_entities() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Blog &#8211; <b>Influx</b>",
        "items": [{"id": "1", "url": "https://blog.example/1", "title": "One"}]}"#;
    let l = load_document(doc, None).unwrap();
    assert_eq!(l.meta.title.as_deref(), Some("Blog – Influx"));
    assert_eq!(l.articles[0].category, "Blog – Influx");
}

#[test]
fn json_feed_1_0_author_and_date_modified_are_used() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1", "items": [
        {"id": "x", "title": "T", "author": {"name": "Old Style"}, "date_modified": "2020-01-01T00:00:00Z"}]}"#;
    let l = load_document(doc, None).unwrap();
    assert_eq!(l.format, Format::JsonFeed10);
    assert_eq!(l.articles[0].authors, ["Old Style"]);
    assert_eq!(l.articles[0].category, "Other");
    assert!(l.report.repaired[0]
        .message
        .contains("“date_modified” is used"));
}

#[test]
fn an_unusable_publication_date_gives_way_to_the_modification_date() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "a", "title": "A", "date_published": "not a date", "date_modified": "2026-11-20T00:00:00Z"},
        {"id": "b", "title": "B", "date_published": [], "date_modified": "2026-11-21T00:00:00Z"},
        {"id": "c", "title": "C", "date_published": "soon", "date_modified": "never"}]}"#;
    let l = load_document(doc, None).unwrap();
    let day = |i: usize| l.articles[i].published.to_rfc3339();
    assert_eq!(day(0), "2026-11-20T00:00:00Z");
    assert_eq!(day(1), "2026-11-21T00:00:00Z");
    assert!(l.articles[2].published.is_undated());
    let said: Vec<&str> = l
        .report
        .repaired
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert!(
        said[0].starts_with("“date_published”: ") && said[0].ends_with(": “date_modified” is used")
    );
    assert_eq!(
        said[1],
        "“date_published” is a list, not a date: “date_modified” is used"
    );
    // Neither usable: the reason given is the publication date's.
    assert!(
        said[2].starts_with("“date_published”: ") && said[2].ends_with("shown last, as undated")
    );

    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
        <entry><id>urn:1</id><title>One</title><published>bad</published>
        <updated>2026-11-26T00:00:00+05:30</updated></entry></feed>"#;
    let l = load_document(atom, None).unwrap();
    assert_eq!(l.articles[0].published.to_rfc3339(), "2026-11-25T18:30:00Z");

    // In RSS, a `dc:date` beside an unusable `pubDate`, before it or after it.
    let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
        <item><title>One</title><pubDate>someday</pubDate><dc:date>2026-11-20T00:00:00Z</dc:date></item>
        <item><title>Two</title><dc:date>2026-11-21T00:00:00Z</dc:date><pubDate>someday</pubDate></item>
        <item><title>Three</title><dc:date>2026-11-22T00:00:00Z</dc:date><pubDate>Mon, 23 Nov 2026 00:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let l = load_document(rss, None).unwrap();
    let days: Vec<String> = l
        .articles
        .iter()
        .map(|a| a.published.to_rfc3339())
        .collect();
    assert_eq!(
        days,
        [
            "2026-11-20T00:00:00Z",
            "2026-11-21T00:00:00Z",
            "2026-11-23T00:00:00Z"
        ]
    );
}

#[test]
fn a_json_feeds_own_authors_are_those_of_its_stories_that_name_none() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk",
        "authors": [{"name": "The <b>Desk</b>"}, {"url": "https://x.example"}, {"name": "Ann Lee"}],
        "items": [
            {"id": "a", "title": "Own", "authors": [{"name": "Bo"}]},
            {"id": "b", "title": "None of its own"}]}"#;
    let l = load_document(doc, None).unwrap();
    assert_eq!(l.articles[0].authors, ["Bo"]);
    assert_eq!(l.articles[1].authors, ["The Desk", "Ann Lee"]);
    // JSON Feed 1.0's single author, read in pieces as the browser does.
    let doc = r#"{"version": "https://jsonfeed.org/version/1", "author": {"name": "Old Style"},
        "items": [{"id": "c", "title": "T"}]}"#;
    for size in [1, 7, 1000] {
        assert_eq!(read_in_pieces(doc, size, 1).0[0].authors, ["Old Style"]);
    }
    // An article set's top level has no authors of its own.
    let doc = r#"{"authors": ["Nobody"], "articles": [{"id": "d", "title": "T", "category": "C", "published": "2020-01-01T10:00:00Z"}]}"#;
    assert!(load(doc).articles[0].authors.is_empty());
    let doc = r#"{"articles": [{"id": "d", "title": "T", "category": "C", "published": "2020-01-01T10:00:00Z"}], "authors": ["Nobody"]}"#;
    assert!(load(doc).articles[0].authors.is_empty());
}

#[test]
fn a_json_feeds_own_authors_count_wherever_they_come_in_the_document() {
    // The feed's own authors after its items: the reader has handed the stories out by then.
    let doc = r#"{"items": [
        {"id": "a", "title": "Own", "authors": [{"name": "Bo"}]},
        {"id": "b", "title": "None of its own"},
        {"id": "c", "title": "None either"}
      ], "authors": [{"name": "The <b>Desk</b>"}, {"name": "Ann Lee"}],
      "version": "https://jsonfeed.org/version/1.1"}"#;
    let names = |stories: &[gazette_core::Article]| -> Vec<Vec<String>> {
        stories.iter().map(|a| a.authors.clone()).collect()
    };
    let desk = vec!["The Desk".to_string(), "Ann Lee".to_string()];
    let want = [vec!["Bo".to_string()], desk.clone(), desk.clone()];
    assert_eq!(names(&load_document(doc, None).unwrap().articles), want);
    // Read in steps, the stories come out without them, and the end names those waiting.
    for size in [1, 7, 1000] {
        let (mut got, end) = read_in_pieces(doc, size, 1);
        let end = end.unwrap();
        assert!(got.iter().skip(1).all(|a| a.authors.is_empty()));
        assert_eq!(end.needs_feed_authors, [1, 2]);
        assert_eq!(end.feed_authors, desk);
        end.complete(&mut got);
        assert_eq!(names(&got), want, "in pieces of {size} bytes");
    }
    let doc_1_0 = r#"{"items": [{"id": "c", "title": "T"}], "author": {"name": "Old Style"},
        "version": "https://jsonfeed.org/version/1"}"#;
    assert_eq!(
        load_document(doc_1_0, None).unwrap().articles[0].authors,
        ["Old Style"]
    );
    // Given first, they reach the stories at once, and nothing waits.
    let first = r#"{"author": {"name": "Old Style"}, "items": [{"id": "c", "title": "T"}]}"#;
    let (got, end) = read_in_pieces(first, 3, 1);
    assert_eq!(got[0].authors, ["Old Style"]);
    assert!(end.unwrap().needs_feed_authors.is_empty());
}

#[test]
fn newsapi_responses_are_read_too() {
    let doc = r#"{"status": "ok", "totalResults": 1, "articles": [
        {"source": {"id": null, "name": "Wire Service"}, "author": "Pat Doe", "title": "Headline - Wire Service",
         "description": "What happened.", "url": "https://wire.example/x", "urlToImage": "https://wire.example/x.jpg",
         "publishedAt": "2020-11-15T12:00:00Z", "content": "Truncated… [+1200 chars]"}]}"#;
    let l = load_document(doc, None).unwrap();
    assert_eq!(l.format, Format::NewsApi);
    assert_eq!(l.format.label(), "NewsAPI response");
    assert!(l.report.repaired.is_empty(), "{:?}", l.report);
    let a = &l.articles[0];
    assert_eq!(a.category, "Wire Service");
    // The headline does not say its source again: the badge does.
    assert_eq!(a.title, "Headline");
    assert_eq!(a.summary.as_deref(), Some("What happened."));
    assert_eq!(a.authors, ["Pat Doe"]);
    assert_eq!(a.image.as_ref().unwrap().url, "https://wire.example/x.jpg");
}

#[test]
fn a_headline_keeps_a_source_name_that_is_not_its_end_or_all_of_it() {
    let story = |title: &str| {
        let doc = format!(
            r#"{{"status": "ok", "articles": [{{"source": {{"name": "CNN"}}, "title": "{title}", "url": "https://wire.example/x", "publishedAt": "2020-11-15T12:00:00Z"}}]}}"#
        );
        load_document(&doc, None).unwrap().articles[0].title.clone()
    };
    assert_eq!(story("Storm hits the coast | CNN"), "Storm hits the coast");
    assert_eq!(story("Storm hits the coast – CNN"), "Storm hits the coast");
    assert_eq!(story("CNN hires a new anchor"), "CNN hires a new anchor");
    assert_eq!(story("Why I left CNN"), "Why I left CNN");
    assert_eq!(story(" - CNN"), "- CNN");
}

#[test]
fn documents_that_are_too_large_are_refused_before_parsing() {
    let msg = DocumentError::TooLarge {
        bytes: 300_000_000,
        limit: 50_000_000,
    }
    .to_string();
    assert_eq!(
        msg,
        "The news file is too large (more than 300 MB; the limit is 50 MB)."
    );
    // A detail that ends a sentence of its own is not given a second full stop.
    let msg = DocumentError::BadArchive {
        detail: "The archive manifest is not valid: expected `,` at line 2 column 3.".into(),
    }
    .to_string();
    assert!(msg.ends_with("column 3."), "{msg}");
    let mut r = gazette_core::load::Reader::new(None);
    r.set_limit(10);
    assert!(
        r.push(b"{\"articles\": []}").is_err(),
        "refused once past the limit"
    );
}

#[test]
fn a_story_that_is_malformed_inside_is_left_out_and_the_others_load() {
    let doc = set(&format!(
        r#"{GOOD}, {{"id": "bad", "title": tru, "published": "2024-01-01T00:00:00Z"}}, {{"id": "z", "title": "Z", "category": "X", "published": "2024-01-02T00:00:00Z"}}"#
    ));
    let l = load(&doc);
    let ids: Vec<_> = l.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "z"]);
    assert_eq!(l.report.skipped.len(), 1);
    assert!(
        l.report.skipped[0]
            .message
            .starts_with("it is not valid JSON"),
        "{:?}",
        l.report.skipped
    );
}

#[test]
fn a_truncated_document_is_not_json_with_its_position() {
    let doc = set(GOOD);
    let cut = &doc[..doc.len() - 30];
    match load_document(cut, None) {
        Err(DocumentError::NotJson { line, .. }) => assert!(line >= 1),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        load_document(&format!("{doc} trailing"), None),
        Err(DocumentError::NotJson { .. })
    ));
}

#[test]
fn reading_in_steps_gives_the_same_stories_and_the_feed_title_may_come_last() {
    let doc = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "title": "One", "date_published": "2024-01-01T00:00:00Z"},
        {"id": "2", "title": "Two", "date_published": "2024-01-02T00:00:00Z", "tags": ["Tagged"]},
        {"id": "3", "title": "Three", "date_published": "2024-01-03T00:00:00Z"}
      ], "title": "Late Title"}"#;
    // Bytes arrive seven at a time; stories come out as soon as they are whole.
    let mut reader = Reader::new(None);
    let mut got = Vec::new();
    let mut steps = 0;
    for chunk in doc.as_bytes().chunks(7) {
        reader.push(chunk).unwrap();
        while reader.read(1, &mut |a| got.push(a)).unwrap() == Step::More {
            steps += 1;
        }
    }
    reader.end_of_input();
    let end = reader.finish().unwrap();
    assert!(steps >= 3);
    assert_eq!(end.needs_feed_title, [0, 2]);
    assert_eq!(end.meta.title.as_deref(), Some("Late Title"));
    let whole = load_document(doc, None).unwrap();
    let cats: Vec<_> = whole.articles.iter().map(|a| a.category.as_str()).collect();
    assert_eq!(cats, ["Late Title", "Tagged", "Late Title"]);
    assert_eq!(got.len(), 3);
}

#[test]
fn an_error_on_one_long_line_names_its_column_however_the_bytes_arrive() {
    // One line, cut short: the error is at its end, one past its last character.
    let mut doc = String::from(r#"{"version": "https://jsonfeed.org/version/1.1", "items": ["#);
    for i in 0..300 {
        doc.push_str(&format!(
            r#"{{"id": "{i}", "title": "Über {i}", "date_published": "2024-01-01T00:00:00Z"}},"#
        ));
    }
    let end = doc.chars().count() + 1;
    let whole = match load_document(&doc, None) {
        Err(DocumentError::NotJson { line, column, .. }) => (line, column),
        other => panic!("{other:?}"),
    };
    assert_eq!(whole, (1, end));
    for size in [7, 1000, 4096] {
        match read_in_pieces(&doc, size, usize::MAX).1 {
            Err(DocumentError::NotJson { line, column, .. }) => {
                assert_eq!((line, column), (1, end), "in pieces of {size} bytes")
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_story_too_large_to_read_is_left_out_and_the_others_still_come() {
    use gazette_core::load::MAX_STORY_BYTES;
    let huge = "<p>Lorem ipsum dolor sit amet.</p>".repeat(MAX_STORY_BYTES / 30);
    let doc = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [
        {{"id": "1", "title": "Before", "date_published": "2024-01-01T00:00:00Z"}},
        {{"id": "2", "title": "Huge", "date_published": "2024-01-01T00:00:00Z", "content_html": "{huge} \"quoted\" \\"}},
        {{"id": "3", "title": "After", "date_published": "2024-01-01T00:00:00Z"}}]}}"#
    );
    // Whole, and as the bytes arrive (the story is scanned once, whatever the pieces).
    let whole = load_document(&doc, None).unwrap();
    let titles: Vec<_> = whole.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Before", "After"]);
    assert!(
        whole.report.skipped[0]
            .message
            .starts_with("it is too large to read"),
        "{:?}",
        whole.report.skipped
    );
    let (got, end) = read_in_pieces(&doc, 4096, usize::MAX);
    let titles: Vec<_> = got.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Before", "After"]);
    assert_eq!(end.unwrap().report.skipped.len(), 1);
}

#[test]
fn the_feeds_language_counts_wherever_it_comes_in_the_document() {
    // Keys sorted, as many tools write them: "items" before "language" and "title".
    let doc = r#"{"items": [
        {"id": "1", "title": "واحد", "date_published": "2024-01-01T00:00:00Z"},
        {"id": "2", "title": "Two", "language": "en", "date_published": "2024-01-02T00:00:00Z"}
      ], "language": "ar", "title": "أخبار", "version": "https://jsonfeed.org/version/1.1"}"#;
    let whole = load_document(doc, None).unwrap();
    let languages: Vec<_> = whole
        .articles
        .iter()
        .map(|a| a.language.as_deref())
        .collect();
    assert_eq!(languages, [Some("ar"), Some("en")]);
    // Read in steps, the reader names the stories still waiting for it.
    let (mut got, end) = read_in_pieces(doc, 5, 1);
    let end = end.unwrap();
    assert_eq!(end.needs_feed_language, [0]);
    assert_eq!(got[0].language, None);
    end.complete(&mut got);
    assert_eq!(got[0].language.as_deref(), Some("ar"));
    assert_eq!(got[0].category, "أخبار");
    // Given first, it reaches the stories at once, and nothing waits.
    let first = r#"{"version": "https://jsonfeed.org/version/1.1", "language": "fr", "items": [
        {"id": "1", "title": "Un", "date_published": "2024-01-01T00:00:00Z"}]}"#;
    let (got, end) = read_in_pieces(first, first.len(), usize::MAX);
    assert_eq!(got[0].language.as_deref(), Some("fr"));
    assert!(end.unwrap().needs_feed_language.is_empty());
}

#[test]
fn a_summary_made_from_plain_text_leaves_out_its_section_marks() {
    let l = load(&set(
        r###"{"id": "p", "title": "Plain", "category": "Markets", "published": "2024-05-01T10:00:00Z",
            "content_text": "Short lead.\n\n## A section\n\nThe rest."}"###,
    ));
    assert_eq!(
        l.articles[0].summary.as_deref(),
        Some("Short lead. A section The rest.")
    );
}

#[test]
fn what_a_document_says_of_itself_is_known_before_its_end() {
    // JSON: the title and language come before the stories.
    let mut json = Reader::new(None);
    json.push(
        br#"{"title": "Harbour desk", "language": "fr", "articles": [{"id": "a", "title": "A","#,
    )
    .unwrap();
    while json.read(10, &mut |_| {}).unwrap() == Step::More {}
    let meta = json.meta_so_far();
    assert_eq!(meta.title.as_deref(), Some("Harbour desk"));
    assert_eq!(meta.language.as_deref(), Some("fr"));
    // RSS: the channel's title, read before its first item is whole.
    let mut rss = Reader::new(None);
    rss.push(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay news</title><language>en-gb</language><item><title>One")
        .unwrap();
    while rss.read(10, &mut |_| {}).unwrap() == Step::More {}
    assert_eq!(rss.meta_so_far().title.as_deref(), Some("Quay news"));
    // Nothing yet: nothing known.
    assert_eq!(Reader::new(None).meta_so_far().title, None);
}
