//! Loads a benchmark set, builds the catalog and runs part of the typed query mix, for
//! profilers: `cargo run --release -p gazette-core --example profile -- bench/data/articles-200k.json`.
use gazette_core::{load_document, Catalog, Filter, Timestamp};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/data/articles-200k.json".into());
    let text = std::fs::read_to_string(&path).expect("a benchmark set (bench/make-data.sh)");
    let t = Instant::now();
    let loaded = load_document(&text, None).expect("loads");
    eprintln!("load {:?}", t.elapsed());
    drop(text);
    let t = Instant::now();
    let mut ib = gazette_core::search::IndexBuilder::default();
    for a in &loaded.articles {
        ib.add(a);
    }
    eprintln!("  index add {:?}", t.elapsed());
    let t = Instant::now();
    let idx = ib.finish();
    eprintln!(
        "  index finish {:?} ({} postings)",
        t.elapsed(),
        idx.postings_len()
    );
    drop(idx);
    let t = Instant::now();
    let catalog = Catalog::new(loaded.articles);
    eprintln!("build {:?}", t.elapsed());
    let queries = [
        "trump",
        "climate change",
        "covid vaccine",
        "world cup",
        "police shooting",
        "new york",
        "presidnet",
        "\"white house\"",
    ];
    let t = Instant::now();
    let mut n = 0;
    for q in queries {
        for (i, c) in q.char_indices() {
            let f = Filter {
                query: q[..i + c.len_utf8()].to_string(),
                ..Filter::default()
            };
            n += catalog.apply(&f, Timestamp(1_700_000_000), 24).total;
        }
    }
    eprintln!("queries {:?} ({n})", t.elapsed());
}
