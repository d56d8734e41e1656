//! Property tests of detection, decoding and the XML feed reader: arbitrary bytes and
//! arbitrary XML-ish text never panic any of them, and the reader keeps its promises.

use gazette_core::charset::{decode_xml, utf8_or_1252};
use gazette_core::date::parse_date;
use gazette_core::detect::{sniff, sniff_xml_root};
use gazette_core::load::{Reader, Step};
use gazette_core::text::first_image;
use gazette_core::xmlfeed::{element_text, maybe_html_to_text, parse_feed};
use gazette_core::{load_bytes, load_document, DocumentError, Loaded};
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
    Ok((got, end.report))
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
