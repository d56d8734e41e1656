//! Decoding an XML document's bytes to text.
#![no_main]

use gazette_core::charset::{decode_xml, utf8_or_1252};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = decode_xml(data);
    let d = utf8_or_1252(data);
    assert!(d.text.chars().count() <= data.len());
});
