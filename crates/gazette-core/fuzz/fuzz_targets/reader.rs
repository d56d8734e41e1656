//! The streaming reader (JSON and XML, with validation) fed in chunks; the first byte picks the
//! chunk size. Whole or in chunks, the stories must be the same.
#![no_main]

use gazette_core::load::{Reader, Step};
use gazette_core::{load_bytes, Article, DocumentError};
use libfuzzer_sys::fuzz_target;

fn in_steps(bytes: &[u8], chunk: usize) -> Result<Vec<Article>, DocumentError> {
    let mut reader = Reader::new(Some("https://base.example/feed"));
    let mut got = Vec::new();
    for c in bytes.chunks(chunk) {
        reader.push(c)?;
        while reader.read(3, &mut |a| got.push(a))? == Step::More {}
    }
    reader.end_of_input();
    while reader.read(3, &mut |a| got.push(a))? == Step::More {}
    reader.finish()?;
    Ok(got)
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, doc)) = data.split_first() else {
        return;
    };
    let chunk = usize::from(first % 64) + 1;
    let whole = load_bytes(doc, Some("https://base.example/feed"));
    let steps = in_steps(doc, chunk);
    if let (Ok(w), Ok(s)) = (&whole, &steps) {
        assert_eq!(&w.articles, s);
    }
    assert_eq!(whole.is_ok(), steps.is_ok());
});
