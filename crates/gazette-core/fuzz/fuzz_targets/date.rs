//! The lenient date parser (RFC 3339, RFC 2822 and their real-world variants).
#![no_main]

use gazette_core::date::parse_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parse_date(s);
    }
});
