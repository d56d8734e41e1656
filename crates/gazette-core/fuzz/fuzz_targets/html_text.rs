//! The HTML and XML text helpers: markup to plain text, entities, the first picture.
#![no_main]

use gazette_core::html::html_to_text;
use gazette_core::html::first_image;
use gazette_core::text::decode_entities;
use gazette_core::xmlfeed::{element_text, maybe_html_to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = html_to_text(s);
        let _ = decode_entities(s);
        let _ = first_image(s);
        let _ = element_text(s);
        let _ = maybe_html_to_text(s);
    }
});
