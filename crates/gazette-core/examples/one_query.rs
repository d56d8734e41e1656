//! Times one query against a benchmark set: `cargo run --release -p gazette-core --example
//! one_query -- bench/data/articles-10k.json "climate c"`.
use gazette_core::{load_document, Catalog, Filter, Timestamp};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "bench/data/articles-10k.json".into());
    let query = args.next().unwrap_or_else(|| "climate c".into());
    let text = std::fs::read_to_string(&path).expect("a benchmark set (bench/make-data.sh)");
    let catalog = Catalog::new(load_document(&text, None).expect("loads").articles);
    let f = Filter {
        query,
        ..Filter::default()
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let out = catalog.apply(&f, Timestamp(1_700_000_000), 24);
        eprintln!("{:?}: {} matches", t.elapsed(), out.total);
    }
}
