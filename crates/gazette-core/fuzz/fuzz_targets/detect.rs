//! Detection: what the first bytes of a document say it is.
#![no_main]

use gazette_core::detect::{sniff, sniff_xml_root};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sniff(data);
    let _ = sniff_xml_root(data);
});
