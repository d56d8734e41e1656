//! Property tests of detection, decoding and the XML feed reader: arbitrary bytes and
//! arbitrary XML-ish text never panic any of them, and the reader keeps its promises.

use gazette_core::charset::{
    decode_xml, detect_encoding, utf8_or_1252, StreamDecoder, UnknownEncoding,
};
use gazette_core::date::parse_date;
use gazette_core::detect::{sniff, sniff_xml_root};
use gazette_core::html::first_image;
use gazette_core::load::{Reader, Step};
use gazette_core::xmlfeed::{element_text, maybe_html_to_text, parse_feed};
use gazette_core::{load_bytes, load_document, Article, DocumentError, Loaded};
use proptest::prelude::*;

/// Pieces of feeds, real and broken, to be put together in any order.
fn xml_piece() -> impl Strategy<Value = String> {
    let fixed = prop_oneof![
        Just("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        Just("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"),
        Just("<?xml version=\"1.0\" encoding=\"x-unknown\"?>"),
        Just("<!DOCTYPE rss [<!ENTITY a \"b\">]>"),
        Just("<!DOCTYPE html>"),
        Just("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"),
        Just("</rss>"),
        Just("<channel>"),
        Just("</channel>"),
        Just("<item>"),
        Just("</item>"),
        Just("<title>"),
        Just("</title>"),
        Just("<link>https://x.example/a</link>"),
        Just("<guid isPermaLink=\"true\">/rel</guid>"),
        Just("<pubDate>Seg, 05 Set 2016 10:00:00 -0300</pubDate>"),
        Just("<description>"),
        Just("</description>"),
        Just("<category>C</category>"),
        Just("<media:content url=\"x.jpg\" width=\"9\">"),
        Just("</media:content>"),
        Just("<media:credit>c</media:credit>"),
        Just("<enclosure url=\"https://x.example/e.png\" type=\"image/png\"/>"),
        Just("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://b.example/d/\">"),
        Just("</feed>"),
        Just("<entry>"),
        Just("</entry>"),
        Just("<link rel=\"alternate\" href=\"../p\" xml:base=\"sub/\"/>"),
        Just("<content type=\"xhtml\"><div><img src=\"i.png\"/></div></content>"),
        Just("<summary type=\"html\">&lt;p&gt;s&lt;/p&gt;</summary>"),
        Just("<author><name>N</name></author>"),
        Just("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"),
        Just("<dc:date>2024-02-29T12:00:00Z</dc:date>"),
        Just("<![CDATA[<b>bold</b> & ]]>"),
        Just("<![CDATA["),
        Just("]]>"),
        Just("<!--"),
        Just("-->"),
        Just("&nbsp;"),
        Just("&amp;"),
        Just("&#x1F600;"),
        Just("&#0;"),
        Just("&unknown;"),
        Just("&"),
        Just("<"),
        Just(">"),
        Just("<img src=\"javascript:alert(1)\">"),
        Just("</wrong>"),
        Just("<a b=c d>"),
        Just("\u{FEFF}"),
        Just("\n"),
        Just("é"),
    ];
    prop_oneof![
        4 => fixed.prop_map(String::from),
        1 => "\\PC{0,6}",
    ]
}

fn xmlish() -> impl Strategy<Value = String> {
    prop::collection::vec(xml_piece(), 0..40).prop_map(|v| v.concat())
}

/// Reads `bytes` through a [`Reader`] in chunks, a few stories a step.
fn in_steps(
    bytes: &[u8],
    chunk: usize,
) -> Result<(Vec<gazette_core::Article>, gazette_core::Report), DocumentError> {
    let mut reader = Reader::new(Some("https://base.example/feed.xml"));
    let mut got = Vec::new();
    for c in bytes.chunks(chunk.max(1)) {
        reader.push(c)?;
        while reader.read(3, &mut |a| got.push(a))? == Step::More {}
    }
    reader.end_of_input();
    while reader.read(3, &mut |a| got.push(a))? == Step::More {}
    let end = reader.finish()?;
    end.complete(&mut got);
    Ok((got, end.report))
}

/// Reads `bytes` through a [`Reader`] in chunks of `chunk` bytes and steps of `step` stories,
/// into what [`load_bytes`] gives: stories whose category is the feed's title, or whose language
/// the feed's, given after them, are mended at the end, as the widget does.
fn read_like_load_bytes(
    bytes: &[u8],
    base: Option<&str>,
    chunk: usize,
    step: usize,
) -> Result<Loaded, DocumentError> {
    let mut reader = Reader::new(base);
    let mut articles: Vec<Article> = Vec::new();
    let mut sink = |a| articles.push(a);
    for c in bytes.chunks(chunk.max(1)) {
        reader.push(c)?;
        loop {
            let before = reader.seen();
            let s = reader.read(step, &mut sink)?;
            assert!(
                reader.seen() - before <= step,
                "more stories than asked for"
            );
            if s != Step::More {
                break;
            }
        }
    }
    reader.end_of_input();
    while reader.read(step, &mut sink)? == Step::More {}
    let end = reader.finish()?;
    end.complete(&mut articles);
    Ok(Loaded {
        format: end.format,
        meta: end.meta,
        articles,
        report: end.report,
    })
}

/// Decodes `bytes` a chunk at a time, as the reader does.
fn decode_in_chunks(bytes: &[u8], chunk: usize) -> Result<String, UnknownEncoding> {
    let mut held: Vec<u8> = Vec::new();
    let mut decoder: Option<StreamDecoder> = None;
    let mut out = String::new();
    let pieces = bytes.chunks(chunk.max(1)).map(|c| (c, false));
    for (piece, last) in pieces.chain(std::iter::once((&[][..], true))) {
        held.extend_from_slice(piece);
        if decoder.is_none() {
            let Some((reading, skip)) = detect_encoding(&held, last) else {
                continue;
            };
            held.drain(..skip);
            decoder = Some(StreamDecoder::new(reading));
        }
        if let Some(d) = decoder.as_mut() {
            let used = d.decode(&held, last, &mut out)?;
            held.drain(..used);
        }
    }
    Ok(out)
}

/// Text for a field: words, entities, CDATA, comments, characters of every width.
fn field_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,8}( [a-z]{1,6}){0,3}",
        1 => Just("&amp;".to_string()),
        1 => Just("&nbsp;".to_string()),
        1 => Just("&eacute;t&#233;".to_string()),
        1 => Just(" é ü ß ".to_string()),
        1 => Just("€ “q” 😀 中文".to_string()),
        1 => Just("<![CDATA[<b>bold</b> & co]]>".to_string()),
        1 => Just("<!-- note -->".to_string()),
        1 => Just("\u{FEFF}".to_string()),
        1 => Just("a > b".to_string()),
        1 => Just(" & ".to_string()),
        1 => Just("&lt;p&gt;para&lt;/p&gt;".to_string()),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|v| v.concat())
}

/// What stands between elements: white space, comments, stray text, a U+FEFF.
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("\n  ".to_string()),
        1 => Just(String::new()),
        1 => Just("<!-- between -->".to_string()),
        1 => Just("\u{FEFF}".to_string()),
        1 => Just(" stray &amp; text ".to_string()),
        1 => Just("<unknown a=\"1\"><deep>x</deep></unknown>".to_string()),
    ]
}

/// One story's XML for `kind` (0 RSS, 1 Atom, 2 RDF), from its parts.
#[allow(clippy::too_many_arguments)]
fn story(
    kind: u8,
    n: usize,
    title: &str,
    body: &str,
    has: [bool; 6],
    date: &str,
    cats: usize,
    fill: &str,
) -> String {
    let [with_title, with_link, relative, with_id, with_author, with_body] = has;
    let link = if relative {
        format!("stories/{n}")
    } else {
        format!("https://x.example/{n}")
    };
    let mut x = String::new();
    match kind {
        1 => {
            x.push_str("<entry>");
            x.push_str(fill);
            if with_title {
                x.push_str(&format!("<title type=\"html\">{title}</title>"));
            }
            if with_link {
                x.push_str(&format!("<link rel=\"alternate\" href=\"{link}\"/>"));
            }
            if with_id {
                x.push_str(&format!("<id>urn:x:{}</id>", n % 7));
            }
            x.push_str(&format!("<published>{date}</published>"));
            for c in 0..cats {
                x.push_str(&format!("<category term=\"c{c}\"/>"));
            }
            if with_author {
                x.push_str("<author><name>Ann</name></author>");
            }
            x.push_str(fill);
            if with_body {
                x.push_str(&format!("<summary>{body}</summary>"));
            }
            x.push_str("</entry>");
        }
        _ => {
            if kind == 2 {
                x.push_str(&format!("<item rdf:about=\"https://x.example/r{n}\">"));
            } else {
                x.push_str("<item>");
            }
            x.push_str(fill);
            if with_title {
                x.push_str(&format!("<title>{title}</title>"));
            }
            if with_link {
                x.push_str(&format!("<link>{link}</link>"));
            }
            if with_id {
                x.push_str(&format!("<guid isPermaLink=\"false\">g{}</guid>", n % 7));
            }
            if kind == 2 {
                x.push_str(&format!("<dc:date>{date}</dc:date>"));
            } else {
                x.push_str(&format!("<pubDate>{date}</pubDate>"));
            }
            for c in 0..cats {
                x.push_str(&format!("<category>c{c}</category>"));
            }
            if with_author {
                x.push_str("<dc:creator>Ann</dc:creator>");
            }
            x.push_str(fill);
            if with_body {
                x.push_str(&format!("<description>{body}</description>"));
                x.push_str(&format!("<content:encoded><![CDATA[<p>{n}</p><img src=\"i{n}.png\">]]></content:encoded>"));
            }
            x.push_str("</item>");
        }
    }
    x
}

fn a_story() -> impl Strategy<Value = (String, String, [bool; 6], String, usize, String)> {
    (
        field_text(),
        field_text(),
        any::<[bool; 6]>(),
        prop_oneof![
            Just("Tue, 04 Mar 2025 10:00:00 GMT".to_string()),
            Just("2025-03-04T10:00:00Z".to_string()),
            Just("4 Mar 2025".to_string()),
            Just("not a date".to_string()),
            Just(String::new()),
        ],
        0usize..3,
        filler(),
    )
}

/// The feed's facts: title, site, description, language, an Atom author.
fn facts(kind: u8, which: &[u8], title: &str) -> String {
    which
        .iter()
        .map(|f| match (f, kind) {
            (0, _) => format!("<title>{title}</title>"),
            (1, 1) => "<link rel=\"alternate\" href=\"https://site.example/a/\"/>".into(),
            (1, _) => "<link>https://site.example/r/</link>".into(),
            (2, 1) => "<subtitle>All the news</subtitle>".into(),
            (2, _) => "<description>All &amp; the news</description>".into(),
            (3, 1) => "<author><name>Feed Desk</name></author>".into(),
            (3, _) => "<language>pt-BR</language>".into(),
            (_, 1) => "<link rel=\"self\" href=\"https://site.example/atom.xml\"/>".into(),
            _ => "<atom:link rel=\"self\" href=\"https://site.example/rss.xml\"/>".into(),
        })
        .collect()
}

/// A well-formed feed of any kind, its facts before and after its stories.
fn feed() -> impl Strategy<Value = String> {
    (
        0u8..3,
        prop::collection::vec(0u8..5, 0..4),
        prop::collection::vec(0u8..5, 0..3),
        field_text(),
        prop::collection::vec(a_story(), 0..8),
        filler(),
        any::<bool>(),
    )
        .prop_map(|(kind, before, after, title, stories, fill, declared)| {
            let items: String = stories
                .iter()
                .enumerate()
                .map(|(n, (t, b, has, date, cats, f))| {
                    format!("{}{fill}", story(kind, n, t, b, *has, date, *cats, f))
                })
                .collect();
            let head = if declared {
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            } else {
                ""
            };
            let (before, after) = (facts(kind, &before, &title), facts(kind, &after, &title));
            match kind {
                0 => format!(
                    "{head}<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
                     xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
                     xmlns:atom=\"http://www.w3.org/2005/Atom\">{fill}<channel>{before}{items}{after}</channel>{fill}</rss>\n"
                ),
                1 => format!(
                    "{head}<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">{fill}{before}{items}{after}</feed>"
                ),
                _ => format!(
                    "{head}<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                     xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
                     <channel rdf:about=\"https://site.example/\">{before}</channel>{items}<channel>{after}</channel></rdf:RDF>"
                ),
            }
        })
}

/// `text` as the bytes of one of the encodings feeds are served in (some declared, some not,
/// one Gazette refuses unless the bytes are UTF-8).
fn encode(text: &str, how: u8) -> Vec<u8> {
    let latin1 = |t: &str| -> Vec<u8> {
        t.chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect()
    };
    let declare = |label: &str| {
        let body = text
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .unwrap_or(text);
        format!("<?xml version=\"1.0\" encoding=\"{label}\"?>{body}")
    };
    match how {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        4 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        5 => latin1(&declare("ISO-8859-1")),
        // Latin-1 bytes that say nothing: read as windows-1252 where they are not UTF-8.
        6 => latin1(text),
        7 => declare("KOI8-R").into_bytes(),
        _ => latin1(&declare("KOI8-R")),
    }
}

fn promises(l: &Loaded) -> Result<(), TestCaseError> {
    prop_assert_eq!(l.articles.len() + l.report.skipped.len(), l.report.total);
    let mut ids = std::collections::HashSet::new();
    for a in &l.articles {
        prop_assert!(!a.title.trim().is_empty());
        prop_assert!(!a.category.trim().is_empty());
        prop_assert!(a.url.as_deref().is_none_or(gazette_core::url::is_http_url));
        prop_assert!(a
            .image
            .as_ref()
            .is_none_or(|i| gazette_core::url::is_http_url(&i.url)));
        prop_assert!(ids.insert(a.id.clone()), "duplicate id");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_bytes_never_panic_detection_decoding_or_loading(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = sniff(&bytes);
        let _ = sniff_xml_root(&bytes);
        let _ = decode_xml(&bytes);
        let d = utf8_or_1252(&bytes);
        // Every byte becomes at least one character; valid UTF-8 is kept as it is.
        prop_assert!(d.text.chars().count() <= bytes.len());
        if let Ok(s) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(d.text.as_ref(), s);
        }
        if let Ok(l) = load_bytes(&bytes, Some("https://base.example/x")) {
            promises(&l)?;
        }
    }

    #[test]
    fn decoding_as_the_bytes_arrive_gives_what_decoding_them_whole_gives(
        start in prop_oneof![
            Just(&b""[..]),
            Just(&b"\xEF\xBB\xBF"[..]),
            Just(&b"\xFF\xFE"[..]),
            Just(&b"\xFE\xFF"[..]),
            Just(&b"<\x00?\x00"[..]),
            Just(&b"\x00<"[..]),
            Just(&b" <?xml version='1.0' encoding='ISO-8859-15'?>"[..]),
            Just(&b"<?xml version=\"1.0\" encoding=\"windows-1252\" ?>"[..]),
            Just(&b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?>"[..]),
            Just(&b"<?xml version=\"1.0\" encoding=\"utf-16\"?>"[..]),
        ],
        rest in prop::collection::vec(prop_oneof![
            any::<u8>(),
            Just(0xD8), Just(0xDC), Just(0xC3), Just(0xE2), Just(0xF0), Just(0x80), Just(b'<'),
        ], 0..300),
        chunk in 1usize..9,
    ) {
        let bytes = [start, &rest[..]].concat();
        let whole = decode_xml(&bytes).map(|d| d.text.into_owned());
        prop_assert_eq!(decode_in_chunks(&bytes, chunk), whole);
    }

    #[test]
    fn arbitrary_bytes_after_an_xml_start_never_panic(tail in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut bytes = b"<rss><channel><item><title>".to_vec();
        bytes.extend(tail);
        let _ = load_bytes(&bytes, None);
    }

    #[test]
    fn xmlish_text_never_panics_and_keeps_the_loading_promises(s in xmlish()) {
        let _ = parse_feed(&s, Some("https://base.example/feed.xml"));
        let _ = parse_feed(&s, None);
        let _ = element_text(&s);
        let _ = maybe_html_to_text(&s);
        let _ = first_image(&s);
        let _ = parse_date(&s);
        if let Ok(l) = load_document(&s, Some("https://base.example/feed.xml")) {
            promises(&l)?;
        }
        let _ = load_bytes(s.as_bytes(), None);
    }

    #[test]
    fn wrapped_xmlish_items_never_panic(items in prop::collection::vec(xmlish(), 0..5), atom in any::<bool>()) {
        let doc = if atom {
            format!("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>{}</feed>",
                items.iter().map(|i| format!("<entry>{i}</entry>")).collect::<String>())
        } else {
            format!("<rss version=\"2.0\"><channel><title>F</title>{}</channel></rss>",
                items.iter().map(|i| format!("<item>{i}</item>")).collect::<String>())
        };
        if let Ok(l) = load_document(&doc, None) {
            promises(&l)?;
        }
    }

    #[test]
    fn xml_read_in_chunks_and_steps_of_any_size_gives_exactly_what_load_bytes_gives(
        doc in prop_oneof![3 => feed(), 1 => xmlish()],
        how in 0u8..9,
        chunk in prop_oneof![1usize..8, 8usize..200, 200usize..5000],
        step in prop_oneof![1usize..4, Just(250usize)],
        based in any::<bool>(),
    ) {
        let bytes = encode(&doc, how);
        let base = based.then_some("https://base.example/feeds/x.xml");
        let whole = load_bytes(&bytes, base);
        let steps = read_like_load_bytes(&bytes, base, chunk, step);
        prop_assert_eq!(steps, whole);
    }

    #[test]
    fn xml_read_in_chunks_gives_what_reading_whole_gives(s in xmlish(), chunk in 1usize..50) {
        let whole = load_bytes(s.as_bytes(), Some("https://base.example/feed.xml"));
        let steps = in_steps(s.as_bytes(), chunk);
        match (whole, steps) {
            (Ok(w), Ok((articles, report))) => {
                prop_assert_eq!(w.articles, articles);
                prop_assert_eq!(w.report, report);
            }
            // A web page can be refused early, before a parse error further on would show.
            (Err(_), Err(_)) => {}
            (w, r) => prop_assert!(false, "whole {:?} but in steps {:?}", w.map(|l| l.articles.len()), r.map(|r| r.0.len())),
        }
    }
}
