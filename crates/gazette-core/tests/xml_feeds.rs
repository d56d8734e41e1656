//! RSS, RDF and Atom on small hand-made documents: detection, encodings, the mapping table of
//! docs/FORMAT.md, real-feed leniency, and reading in steps.

use gazette_core::detect::NotAFeed;
use gazette_core::load::{Reader, Step};
use gazette_core::{load_bytes, load_document, Article, DocumentError, Format, Loaded, Problem};

const BASE: &str = "https://news.example/feeds/main.xml";

fn load(doc: &str) -> Loaded {
    load_document(doc, Some(BASE)).unwrap_or_else(|e| panic!("{e}"))
}

fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Harbour &amp; Coast</title>
    <link>https://harbour.example/</link>
    <description>Local news</description>
    <language>en-GB</language>
    <atom:link rel="self" href="https://harbour.example/rss.xml"/>
    <image><title>Not a story</title><url>https://harbour.example/logo.png</url></image>
    {items}
  </channel>
</rss>"#
    )
}

#[test]
fn rss_items_map_field_by_field() {
    let l = load(&rss(r#"
    <item>
      <title>Tide &amp;nbsp;energy&nbsp;pilot &#8211; approved</title>
      <link>https://harbour.example/tide</link>
      <guid isPermaLink="false">tide-1</guid>
      <description><![CDATA[<p>The council <b>voted</b> yes.</p><img src="/img/tide.jpg" alt="A buoy">]]></description>
      <content:encoded><![CDATA[<p>First paragraph.</p><p>Second &amp; last.</p>]]></content:encoded>
      <pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
      <category>Energy</category>
      <category>Council</category>
      <category>energy</category>
      <dc:creator>Maëlle Quist</dc:creator>
      <author>desk@harbour.example (News Desk)</author>
    </item>"#));
    assert_eq!(l.format, Format::Rss2);
    assert_eq!(l.meta.title.as_deref(), Some("Harbour & Coast"));
    assert_eq!(
        l.meta.home_page_url.as_deref(),
        Some("https://harbour.example/")
    );
    assert_eq!(l.meta.language.as_deref(), Some("en-GB"));
    assert!(
        l.report.repaired.is_empty() && l.report.skipped.is_empty(),
        "{:?}",
        l.report
    );
    let a = &l.articles[0];
    assert_eq!(a.id, "tide-1");
    assert_eq!(a.title, "Tide energy pilot – approved");
    assert_eq!(a.url.as_deref(), Some("https://harbour.example/tide"));
    assert_eq!(a.published.to_rfc3339(), "2025-03-04T10:00:00Z");
    assert_eq!(a.summary.as_deref(), Some("The council voted yes."));
    // The body's HTML is kept as written, as JSON Feed's `content_html` is.
    assert_eq!(a.content_text, None);
    assert_eq!(
        a.content_html.as_deref(),
        Some("<p>First paragraph.</p><p>Second &amp; last.</p>")
    );
    assert_eq!(a.category, "Energy");
    assert_eq!(
        a.tags,
        ["Council"],
        "the first category is not repeated as a tag"
    );
    assert_eq!(a.authors, ["Maëlle Quist", "News Desk"]);
    let img = a.image.as_ref().unwrap();
    // The description's picture, relative to the document's address.
    // Relative to the story's own address, as the story view reads its text.
    assert_eq!(img.url, "https://harbour.example/img/tide.jpg");
    assert_eq!(img.alt, "A buoy");
    assert_eq!(a.language.as_deref(), Some("en-GB"));
}

#[test]
fn pictures_come_from_media_content_then_thumbnails_then_enclosures_then_the_text() {
    let l = load(&rss(r#"
    <item><title>A</title><link>https://h.example/a</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
      <enclosure url="https://h.example/a.mp3" type="audio/mpeg" length="1"/>
      <enclosure url="https://h.example/enc.jpg" type="image/jpeg" length="1"/>
      <media:thumbnail url="https://h.example/thumb.jpg"/>
      <media:content url="https://h.example/video.mp4" medium="video"/>
      <media:group>
        <media:content url="https://h.example/small.jpg" width="140"/>
        <media:content url="https://h.example/big.jpg" width="640" type="image/jpeg">
          <media:description>Boats at dawn</media:description>
          <media:credit>Photo: A. Reader</media:credit>
        </media:content>
      </media:group>
    </item>
    <item><title>B</title><link>https://h.example/b</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
      <media:thumbnail url="https://h.example/thumb-b.jpg"/>
      <enclosure url="https://h.example/enc-b.jpg" type="image/jpeg" length="1"/>
    </item>
    <item><title>C</title><link>https://h.example/c</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
      <enclosure url="https://h.example/enc-c.png" type="image/png" length="1"/>
      <description>&lt;img src="https://h.example/in-text.jpg"&gt;</description>
    </item>
    <item><title>D</title><link>https://h.example/d</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
      <description>&lt;img src="https://t.example/pixel.gif" width="1" height="1"&gt;&lt;img src="javascript:alert(1)"&gt;</description>
    </item>"#));
    let urls: Vec<Option<&str>> = l
        .articles
        .iter()
        .map(|a| a.image.as_ref().map(|i| i.url.as_str()))
        .collect();
    assert_eq!(
        urls,
        [
            Some("https://h.example/big.jpg"),
            Some("https://h.example/thumb-b.jpg"),
            Some("https://h.example/enc-c.png"),
            None
        ]
    );
    let img = l.articles[0].image.as_ref().unwrap();
    assert_eq!(img.alt, "Boats at dawn");
    assert_eq!(img.credit.as_deref(), Some("Photo: A. Reader"));
    assert!(l.report.repaired[0]
        .message
        .contains("“javascript:” address"));
}

#[test]
fn guids_links_and_duplicates() {
    let l = load(&rss(r#"
    <item><title>Permalink guid</title><guid>https://h.example/p</guid><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Opaque guid</title><guid isPermaLink="false">https://h.example/o</guid><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Same guid</title><guid>https://h.example/p</guid><link>https://h.example/x</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Same link</title><guid>other</guid><link>HTTPS://H.example/p/#top</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Relative link</title><link>/local/story</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Opaque guid</title><link>https://h.example/section/o</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
    <item><title>Opaque guid</title><link>https://h.example/later</link><pubDate>Tue, 04 Mar 2025 11:00:00 GMT</pubDate></item>
    <item><title>Undated</title><link>https://h.example/u1</link></item>
    <item><title>Undated</title><link>https://h.example/u2</link></item>
    <item><title>Undated</title><link>https://h.example/u2</link></item>"#));
    let got: Vec<(&str, Option<&str>)> = l
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.url.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Permalink guid", Some("https://h.example/p")),
            ("Opaque guid", None),
            ("Relative link", Some("https://news.example/local/story")),
            // The same headline an hour later is another story; undated ones cannot tell.
            ("Opaque guid", Some("https://h.example/later")),
            ("Undated", Some("https://h.example/u1")),
            ("Undated", Some("https://h.example/u2")),
        ]
    );
    let messages =
        |list: &[Problem]| -> Vec<String> { list.iter().map(|p| p.message.clone()).collect() };
    assert_eq!(
        messages(&l.report.skipped),
        ["its id “https://h.example/p” repeats an earlier story's"]
    );
    // The same story again: no error, it is shown once.
    assert_eq!(
        messages(&l.report.repeated),
        [
            "its link “HTTPS://H.example/p/#top” repeats an earlier story's",
            "its headline and time repeat an earlier story's, as “Opaque guid”",
            // The same item word for word: its id is its link.
            "its id and link “https://h.example/u2” repeat an earlier story's"
        ]
    );
    assert_eq!(l.report.total, 10);
}

#[test]
fn undated_and_oddly_dated_items_are_kept_last_and_noted() {
    let l = load(&rss(r#"
    <item><title>No date</title><link>https://h.example/1</link></item>
    <item><title>Unreadable</title><link>https://h.example/2</link><pubDate>sometime soon</pubDate></item>
    <item><title>dc:date</title><link>https://h.example/3</link><dc:date>2025-03-04T10:00:00+01:00</dc:date></item>
    <item><title>Localised</title><link>https://h.example/4</link><pubDate>Seg, 05 Set 2016 10:00:00 -0300</pubDate></item>"#));
    assert_eq!(l.articles.len(), 4);
    assert!(l.articles[0].published.is_undated());
    assert!(l.articles[1].published.is_undated());
    assert_eq!(l.articles[2].published.to_rfc3339(), "2025-03-04T09:00:00Z");
    assert_eq!(l.articles[3].published.to_rfc3339(), "2016-09-05T13:00:00Z");
    let notes: Vec<&str> = l
        .report
        .repaired
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        notes,
        [
            "no date (“pubDate”): shown last, as undated",
            "“pubDate”: “sometime soon” is not a date: shown last, as undated",
            "“pubDate” is an RFC 2822 date with non-English names, read as 2016-09-05T13:00:00Z",
        ]
    );
}

#[test]
fn atom_entries_map_field_by_field() {
    let doc = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
      xml:lang="de" xml:base="https://blog.example/de/">
  <title type="html">Das &lt;i&gt;Blog&lt;/i&gt;</title>
  <subtitle>Notizen</subtitle>
  <link rel="self" href="feed.atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <author><name>Feed Author</name></author>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Ein <b>fetter</b> Titel</div></title>
    <link rel="edit" href="https://blog.example/edit/1"/>
    <link rel="alternate" href="posts/1.html" xml:base="https://other.example/x/"/>
    <id>urn:uuid:1</id>
    <updated>2024-05-02T00:00:00Z</updated>
    <published>2024-05-01T12:00:00+02:00</published>
    <summary type="text">Kurz &amp; gut: &lt;b&gt; bleibt Text.</summary>
    <content type="html">&lt;p&gt;Eins&lt;/p&gt;&lt;p&gt;Zwei &lt;img src="bild.png" alt="Bild"&gt;&lt;/p&gt;</content>
    <category term="tech" label="Technik"/>
    <category term="notes"/>
    <author><name>Ann Autor</name></author>
  </entry>
  <entry>
    <title>Nur aktualisiert</title>
    <link href="https://blog.example/2"/>
    <id>urn:uuid:2</id>
    <updated>2024-05-03T08:00:00Z</updated>
    <media:thumbnail url="https://blog.example/2.jpg"/>
    <content>Absatz eins.

Absatz &lt;zwei&gt;.</content>
  </entry>
</feed>"#;
    let l = load(doc);
    assert_eq!(l.format, Format::Atom);
    assert_eq!(l.meta.title.as_deref(), Some("Das Blog"));
    assert_eq!(l.meta.description.as_deref(), Some("Notizen"));
    assert_eq!(l.meta.language.as_deref(), Some("de"));
    assert_eq!(
        l.meta.home_page_url.as_deref(),
        Some("https://blog.example/")
    );
    assert!(l.report.repaired.is_empty(), "{:?}", l.report.repaired);
    let a = &l.articles[0];
    assert_eq!(a.id, "urn:uuid:1");
    assert_eq!(a.title, "Ein fetter Titel");
    assert_eq!(
        a.url.as_deref(),
        Some("https://other.example/x/posts/1.html")
    );
    assert_eq!(a.published.to_rfc3339(), "2024-05-01T10:00:00Z");
    assert_eq!(a.summary.as_deref(), Some("Kurz & gut: <b> bleibt Text."));
    // The body's picture, as the card's, under the feed's xml:base (not the story's address).
    assert_eq!(
        a.content_html.as_deref(),
        Some("<p>Eins</p><p>Zwei <img src=\"https://blog.example/de/bild.png\" alt=\"Bild\"></p>")
    );
    assert_eq!(a.category, "Technik");
    assert_eq!(a.tags, ["notes"]);
    assert_eq!(a.authors, ["Ann Autor"]);
    assert_eq!(
        a.image.as_ref().map(|i| (i.url.as_str(), i.alt.as_str())),
        Some(("https://blog.example/de/bild.png", "Bild"))
    );
    assert_eq!(a.language.as_deref(), Some("de"));
    let b = &l.articles[1];
    assert_eq!(
        b.published.to_rfc3339(),
        "2024-05-03T08:00:00Z",
        "updated stands in"
    );
    assert_eq!(b.authors, ["Feed Author"], "the feed's author is inherited");
    assert_eq!(b.category, "Das Blog");
    assert_eq!(b.image.as_ref().unwrap().url, "https://blog.example/2.jpg");
    // Text content is plain text, its paragraphs kept; it also gives the summary.
    assert_eq!(
        b.content_text.as_deref(),
        Some("Absatz eins.\n\nAbsatz <zwei>.")
    );
    assert_eq!(b.content_html, None);
    assert_eq!(b.summary.as_deref(), Some("Absatz eins. Absatz <zwei>."));
}

#[test]
fn rdf_and_old_rss_are_read() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF news</title><link>https://rdf.example/</link>
    <description>d</description><dc:language>fr</dc:language>
    <items><rdf:Seq><rdf:li resource="https://rdf.example/1"/></rdf:Seq></items></channel>
  <item rdf:about="https://rdf.example/1"><title>Un</title><link>https://rdf.example/1</link>
    <dc:date>2003-12-13T18:30:02Z</dc:date><dc:subject>Politique</dc:subject><dc:creator>Anne</dc:creator></item>
  <item rdf:about="https://rdf.example/2"><title>Deux</title><dc:date>2003-12-14T18:30:02Z</dc:date></item>
</rdf:RDF>"#;
    let l = load(rdf);
    assert_eq!(l.format, Format::Rdf);
    assert_eq!(l.meta.language.as_deref(), Some("fr"));
    let a = &l.articles[0];
    assert_eq!(
        (a.id.as_str(), a.category.as_str(), a.authors.as_slice()),
        (
            "https://rdf.example/1",
            "Politique",
            &["Anne".to_string()][..]
        )
    );
    assert_eq!(a.published.to_rfc3339(), "2003-12-13T18:30:02Z");
    assert_eq!(
        l.articles[1].url.as_deref(),
        Some("https://rdf.example/2"),
        "rdf:about is the link when there is no <link>"
    );
    assert!(l.report.repaired.is_empty(), "{:?}", l.report.repaired);

    let old = r#"<rss version="0.91"><channel><title>Old</title><language></language>
        <item><title>Hi</title><link>https://old.example/1</link><description>Plain &amp; simple</description></item>
        </channel></rss>"#;
    let l = load(old);
    assert_eq!(l.format, Format::RssLegacy);
    assert_eq!(l.format.label(), "RSS 0.9x");
    assert_eq!(l.meta.language, None, "an empty <language> is ignored");
    assert_eq!(l.articles[0].summary.as_deref(), Some("Plain & simple"));
    assert_eq!(l.articles[0].category, "Old");
}

#[test]
fn real_world_xml_slips_are_tolerated() {
    // White space before the declaration, an undeclared prefix, a bare ampersand, unknown
    // entities, HTML left unescaped inside <description>, a mismatched end tag inside it, and
    // a comment.
    let doc = "\n\n  <?xml version=\"1.0\"?>\n<!-- generated --><rss version=\"2.0\"><channel><title>T</title>\
        <item><title>AT&T &bogus; caf&eacute;</title><link>https://t.example/1</link>\
        <description><p>Unescaped <b>HTML</i> here</p></description>\
        <media:thumbnail url=\"https://t.example/1.jpg\"/>\
        <pubDate>wed, 02 nov 2011 17:25:27 +0000</pubDate></item></channel></rss>";
    let l = load(doc);
    let a = &l.articles[0];
    assert_eq!(a.title, "AT&T &bogus; café");
    assert_eq!(a.summary.as_deref(), Some("Unescaped HTML here"));
    assert_eq!(a.image.as_ref().unwrap().url, "https://t.example/1.jpg");
    assert_eq!(a.published.to_rfc3339(), "2011-11-02T17:25:27Z");
}

#[test]
fn encodings_are_decoded_from_the_bytes() {
    let item = "<item><title>Not\u{ED}cias \u{201C}hoje\u{201D}</title><link>https://x.example/1</link></item>";
    let title = |l: &Loaded| l.articles[0].title.clone();
    // Undeclared, not UTF-8: windows-1252.
    let mut latin: Vec<u8> = b"<rss><channel>".to_vec();
    latin.extend(item.chars().map(|c| match c {
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        c => c as u8,
    }));
    latin.extend(b"</channel></rss>");
    let l = load_bytes(&latin, None).unwrap();
    assert_eq!(title(&l), "Notícias “hoje”");
    // Declared ISO-8859-1 (read as windows-1252, as browsers do).
    let mut declared = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".to_vec();
    declared.extend(&latin);
    assert_eq!(
        title(&load_bytes(&declared, None).unwrap()),
        "Notícias “hoje”"
    );
    // UTF-8 with a byte order mark.
    let utf8 = format!("\u{FEFF}<rss><channel>{item}</channel></rss>");
    assert_eq!(
        title(&load_bytes(utf8.as_bytes(), None).unwrap()),
        "Notícias “hoje”"
    );
    // UTF-16, both orders, with a byte order mark.
    for le in [true, false] {
        let units = format!("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel>{item}</channel></rss>");
        let bytes: Vec<u8> = units
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        assert_eq!(title(&load_bytes(&bytes, None).unwrap()), "Notícias “hoje”");
    }
    // Text that is decoded already keeps its characters whatever the declaration says.
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>{item}</channel></rss>"
    );
    assert_eq!(
        title(&load_document(&doc, None).unwrap()),
        "Notícias “hoje”"
    );
    // An encoding not read here, with bytes that are not UTF-8.
    let koi = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><channel><title>\xF0</title></channel></rss>";
    assert_eq!(
        load_bytes(koi, None).unwrap_err(),
        DocumentError::UnknownEncoding {
            name: "KOI8-R".into()
        }
    );
}

#[test]
fn documents_that_are_not_feeds_say_what_they_are() {
    let err = |s: &str| load_document(s, None).unwrap_err();
    let cases = [
        (
            "<!DOCTYPE html>\n<html><head><title>Home</title>",
            NotAFeed::WebPage,
        ),
        ("<html><body><p>unclosed</body></html>", NotAFeed::WebPage),
        (
            r#"<?xml version="1.0"?><opml version="2.0"><body/></opml>"#,
            NotAFeed::Opml,
        ),
        (
            r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>"#,
            NotAFeed::Sitemap,
        ),
        (
            "<svg><rect/></svg>",
            NotAFeed::OtherXml { root: "svg".into() },
        ),
        (
            r#"{"rss": {"channel": {"title": "x", "item": []}}}"#,
            NotAFeed::ConvertedToJson { from: "RSS" },
        ),
        (
            r#"{"channel": {"item": [{"title": "x"}]}}"#,
            NotAFeed::ConvertedToJson { from: "RSS" },
        ),
        (
            r#"{"feed": {"entry": []}}"#,
            NotAFeed::ConvertedToJson { from: "Atom" },
        ),
        (
            r#"{"version": "https://jsonfeed.org/version/2", "items": []}"#,
            NotAFeed::JsonFeedVersion {
                version: "https://jsonfeed.org/version/2".into(),
            },
        ),
        (
            "Hello there",
            NotAFeed::Other {
                found: "text that starts “Hello there”".into(),
            },
        ),
    ];
    for (doc, expected) in cases {
        assert_eq!(err(doc), DocumentError::NotAFeed(expected), "{doc}");
    }
    assert!(err("<!DOCTYPE html><html>")
        .to_string()
        .contains("a web page, not a feed"));
    assert!(err(r#"{"rss": {"channel": {}}}"#)
        .to_string()
        .contains("RSS converted to JSON, not JSON Feed"));
    // A JSON Feed version after the items is checked too.
    assert!(matches!(
        err(r#"{"items": [], "version": "https://jsonfeed.org/version/9"}"#),
        DocumentError::NotAFeed(NotAFeed::JsonFeedVersion { .. })
    ));
    // Versions 1, 1.0 and 1.1 (with or without a final slash) are read.
    for v in ["1", "1.0", "1.1/"] {
        let doc = format!(r#"{{"version": "https://jsonfeed.org/version/{v}", "items": []}}"#);
        assert!(load_document(&doc, None).is_ok(), "{v}");
    }
}

#[test]
fn broken_xml_is_an_error_with_its_position() {
    let cut = "<rss version=\"2.0\">\n<channel>\n<item><title>Cut sh";
    match load_document(cut, None) {
        Err(DocumentError::NotXml { line, .. }) => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
    let unclosed = "<rss><channel><item><title>x</title></item>";
    assert!(matches!(
        load_document(unclosed, None),
        Err(DocumentError::NotXml { .. })
    ));
    let e = load_document("<rss><channel>\n<item><title>x</title>", None).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("The news file is not well-formed XML"),
        "{e}"
    );
    let empty = load(r#"<rss version="2.0"><channel><title>No items yet</title></channel></rss>"#);
    assert!(empty.articles.is_empty());
    assert_eq!(empty.meta.title.as_deref(), Some("No items yet"));
}

/// Reads `bytes` through a [`Reader`] in chunks of `chunk` bytes, a few stories a step.
fn read_in_steps(bytes: &[u8], chunk: usize) -> (Vec<Article>, Format) {
    let mut reader = Reader::new(Some(BASE));
    let mut out = Vec::new();
    for piece in bytes.chunks(chunk.max(1)) {
        reader.push(piece).unwrap();
        while reader.read(2, &mut |a| out.push(a)).unwrap() == Step::More {}
    }
    reader.end_of_input();
    while reader.read(2, &mut |a| out.push(a)).unwrap() == Step::More {}
    let end = reader.finish().unwrap();
    (out, end.format)
}

#[test]
fn the_reader_gives_the_same_stories_in_steps_as_at_once() {
    let doc = rss(&(0..7)
        .map(|i| {
            format!("<item><title>Story {i}</title><link>https://h.example/{i}</link><pubDate>Tue, 04 Mar 2025 10:0{i}:00 GMT</pubDate></item>")
        })
        .collect::<String>());
    let whole = load(&doc);
    for chunk in [1, 3, 64, 100_000] {
        let (stories, format) = read_in_steps(doc.as_bytes(), chunk);
        assert_eq!(format, Format::Rss2);
        assert_eq!(stories, whole.articles, "chunks of {chunk}");
    }
}

#[test]
fn a_web_page_is_refused_as_soon_as_its_root_arrives() {
    let mut reader = Reader::new(None);
    reader
        .push(b"<!DOCTYPE html>\n<html lang=\"en\"><head>")
        .unwrap();
    assert_eq!(
        reader.read(10, &mut |_| {}),
        Err(DocumentError::NotAFeed(NotAFeed::WebPage))
    );
    // A feed waits for its first story.
    let mut reader = Reader::new(None);
    reader.push(b"<rss version=\"2.0\"><channel>").unwrap();
    assert_eq!(reader.read(10, &mut |_| {}), Ok(Step::NeedInput));
    assert_eq!(reader.format(), Format::Rss2);
}

fn numbered_items(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| {
            format!("<item><title>Story {i}</title><link>https://h.example/{i}</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>\n")
        })
        .collect()
}

#[test]
fn stories_are_handed_out_as_their_end_tags_arrive_a_step_at_a_time() {
    let doc = rss(&numbered_items(0..10));
    let cut = doc.find("<item><title>Story 4").unwrap() + 30;
    let mut reader = Reader::new(Some(BASE));
    let mut got = Vec::new();
    reader.push(&doc.as_bytes()[..cut]).unwrap();
    // Four stories are whole: two steps of two, then the fifth is awaited.
    assert_eq!(reader.read(2, &mut |a| got.push(a)), Ok(Step::More));
    assert_eq!(got.len(), 2);
    assert_eq!(reader.read(2, &mut |a| got.push(a)), Ok(Step::More));
    assert_eq!(reader.read(2, &mut |a| got.push(a)), Ok(Step::NeedInput));
    assert_eq!(got.len(), 4);
    assert_eq!(got[3].title, "Story 3");
    assert_eq!(
        got[3].category, "Harbour & Coast",
        "the channel's title came first"
    );
    assert_eq!(reader.format(), Format::Rss2);

    reader.push(&doc.as_bytes()[cut..]).unwrap();
    reader.end_of_input();
    let mut steps = Vec::new();
    loop {
        let before = got.len();
        let step = reader.read(4, &mut |a| got.push(a)).unwrap();
        steps.push(got.len() - before);
        if step == Step::Done {
            break;
        }
    }
    assert_eq!(steps, [4, 2]);
    let end = reader.finish().unwrap();
    assert_eq!(end.report.total, 10);
    assert!(end.needs_feed_title.is_empty());
    assert_eq!(got, load(&doc).articles);
}

#[test]
fn a_feed_title_after_the_stories_still_becomes_their_category() {
    let rss_doc = r#"<rss version="2.0"><channel>
        <item><title>Untagged</title><link>https://l.example/1</link></item>
        <item><title>Tagged</title><link>https://l.example/2</link><category>Sport</category></item>
        <title>Late Title</title><language>fr</language>
        <item><title>After</title><link>https://l.example/3</link></item>
        </channel></rss>"#;
    let l = load(rss_doc);
    let cats: Vec<&str> = l.articles.iter().map(|a| a.category.as_str()).collect();
    assert_eq!(cats, ["Late Title", "Sport", "Late Title"]);
    assert_eq!(l.meta.title.as_deref(), Some("Late Title"));
    // The language, given late too, reaches the stories before it as well.
    let langs: Vec<Option<&str>> = l.articles.iter().map(|a| a.language.as_deref()).collect();
    assert_eq!(langs, [Some("fr"), Some("fr"), Some("fr")]);

    // Read in steps, the stories read before the title are named for the widget to mend.
    let mut reader = Reader::new(Some(BASE));
    let mut got = Vec::new();
    reader.push(rss_doc.as_bytes()).unwrap();
    reader.end_of_input();
    while reader.read(1, &mut |a| got.push(a)).unwrap() == Step::More {}
    let end = reader.finish().unwrap();
    assert_eq!(end.needs_feed_title, [0]);
    assert_eq!(end.needs_feed_language, [0, 1]);
    assert_eq!(got[0].category, "Other");

    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>E</title><id>urn:e</id><link href="https://a.example/e"/></entry>
      <title type="html">Atom &amp;lt;Late&amp;gt;</title></feed>"#;
    let l = load(atom);
    assert_eq!(l.articles[0].category, "Atom <Late>");
}

/// A document whose `n` stories are followed by a syntax error, and where the error is.
fn broken_after(n: usize, newlines: bool) -> (String, usize, usize) {
    let mut doc = rss(&numbered_items(0..n));
    if !newlines {
        doc = doc.replace('\n', " ");
    }
    let at = doc.rfind("</channel>").unwrap();
    doc.insert_str(at, "<item><title a=\"1>x</title></item>");
    let whole = load_document(&doc, None).unwrap_err();
    let DocumentError::NotXml { line, column, .. } = whole else {
        panic!("{whole:?}");
    };
    (doc, line, column)
}

#[test]
fn an_error_far_into_a_large_document_has_the_same_position_when_read_in_pieces() {
    for newlines in [true, false] {
        let (doc, line, column) = broken_after(2_000, newlines);
        assert!(doc.len() > 200_000);
        if newlines {
            assert_eq!(
                line,
                doc[..doc.rfind("<item><title a=").unwrap()]
                    .matches('\n')
                    .count()
                    + 1
            );
        } else {
            assert_eq!(line, 1);
        }
        for chunk in [997, 16_384] {
            let mut reader = Reader::new(Some(BASE));
            let mut stories = 0;
            let mut result = Ok(Step::NeedInput);
            for piece in doc.as_bytes().chunks(chunk) {
                reader.push(piece).unwrap();
                result = reader.read(100, &mut |_| stories += 1);
                while result == Ok(Step::More) {
                    result = reader.read(100, &mut |_| stories += 1);
                }
            }
            assert_eq!(
                result,
                Ok(Step::NeedInput),
                "the error waits for the last byte"
            );
            assert_eq!(stories, 2_000, "every story before it was handed out");
            reader.end_of_input();
            match reader.read(100, &mut |_| {}) {
                Err(DocumentError::NotXml {
                    line: l, column: c, ..
                }) => {
                    assert_eq!(
                        (l, c),
                        (line, column),
                        "chunks of {chunk}, newlines {newlines}"
                    )
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn a_large_feed_reads_the_same_in_pieces_in_every_encoding() {
    // Long enough that the text is decoded in several slices and released as it is read, with
    // characters of every width to be cut between pieces.
    let items: String = (0..3_000)
        .map(|i| {
            format!(
                "<item><title>Nº {i} — “Zoë” 😀 中文 &amp; ü</title><link>https://h.example/{i}</link>\
                 <description>&lt;p&gt;Été {i}&lt;/p&gt;</description></item>\n"
            )
        })
        .collect();
    let text = rss(&items);
    let latin1: Vec<u8> = text
        .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for bytes in [text.as_bytes().to_vec(), latin1, utf16] {
        let whole = load_bytes(&bytes, Some(BASE)).unwrap();
        assert_eq!(whole.articles.len(), 3_000);
        for chunk in [1_001, 65_537, bytes.len()] {
            let mut reader = Reader::new(Some(BASE));
            let mut got = Vec::new();
            for piece in bytes.chunks(chunk) {
                reader.push(piece).unwrap();
                while reader.read(7, &mut |a| got.push(a)).unwrap() == Step::More {}
            }
            reader.end_of_input();
            while reader.read(250, &mut |a| got.push(a)).unwrap() == Step::More {}
            let end = reader.finish().unwrap();
            assert_eq!(got, whole.articles, "chunks of {chunk}");
            assert_eq!(end.report, whole.report);
        }
    }
}

#[test]
fn a_relative_picture_in_an_entry_resolves_against_the_story_like_its_text() {
    // A copy of a feed served from elsewhere: its relative pictures belong to the stories' site.
    let doc = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
  <entry><title>Logs</title><link href="https://notes.example/2019/logs"/><id>1</id>
    <updated>2019-03-01T16:00:00Z</updated>
    <content type="html">&lt;p&gt;See &lt;img src="logs-1.png" alt="A log"&gt;&lt;/p&gt;</content></entry>
</feed>"#;
    let l = load(doc);
    assert_eq!(
        l.articles[0].image.as_ref().map(|i| i.url.as_str()),
        Some("https://notes.example/2019/logs-1.png")
    );
}
