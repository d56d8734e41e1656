//! The XML feed reader (RSS, RDF, Atom) on any text.
#![no_main]

use gazette_core::charset::utf8_or_1252;
use gazette_core::xmlfeed::parse_feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = utf8_or_1252(data).text;
    let _ = parse_feed(&text, Some("https://base.example/feed.xml"));
    let _ = parse_feed(&text, None);
});
