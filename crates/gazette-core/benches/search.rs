//! Native benchmarks of the core: loading, index building and the query mix, at 10k, 200k and
//! 1M stories (the sets `bench/make-data.sh` generates).
//!
//! `cargo bench -p gazette-core --bench search` runs criterion on the 10k set (index build,
//! query mix), then times every available size itself and prints a table of load, build and
//! per-keystroke query times (median and p95, each query typed one character at a time, first
//! page of 24), writing the figures to `bench/results/native.json`.
//! `GAZETTE_BENCH_SIZES=10k,200k` picks sizes (default: 10k, 200k, 1m).

use criterion::Criterion;
use gazette_core::{load_document, Catalog, Filter, Timestamp};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn queries() -> Vec<String> {
    let text =
        std::fs::read_to_string(root().join("bench/queries.json")).expect("bench/queries.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("queries.json is JSON");
    v["queries"]
        .as_array()
        .expect("a queries list")
        .iter()
        .filter_map(|q| q.as_str().map(String::from))
        .collect()
}

/// Every prefix of every query, as a reader types it.
fn keystrokes(queries: &[String]) -> Vec<String> {
    queries
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .map(move |(i, c)| q[..i + c.len_utf8()].to_string())
        })
        .collect()
}

fn load(size: &str) -> Option<(String, usize)> {
    let path = root().join(format!("bench/data/articles-{size}.json"));
    match std::fs::read_to_string(&path) {
        Ok(t) => {
            let n = t.len();
            Some((t, n))
        }
        Err(_) => {
            eprintln!(
                "skipping {size}: {} is missing (make it with bench/make-data.sh {size})",
                path.display()
            );
            None
        }
    }
}

/// Runs every keystroke of the mix, first page only (12 stories, the widget's page).
fn type_all(catalog: &Catalog, typed: &[String], now: Timestamp) {
    for q in typed {
        black_box(catalog.apply(
            &Filter {
                query: q.clone(),
                ..Filter::default()
            },
            now,
            12,
        ));
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let now = Timestamp(1_700_000_000);
    let typed = keystrokes(&queries());

    // Criterion on the 10k set.
    if let Some((text, _)) = load("10k") {
        let articles = load_document(&text, None).expect("10k set loads").articles;
        let catalog = Catalog::new(articles.clone());
        let mut c = Criterion::default().configure_from_args().sample_size(20);
        c.bench_function("build index, 10k stories", |b| {
            b.iter(|| Catalog::new(black_box(articles.clone())))
        });
        c.bench_function("query mix typed, 10k stories (all keystrokes)", |b| {
            b.iter(|| type_all(&catalog, &typed, now))
        });
        c.final_summary();
    }

    let sizes = std::env::var("GAZETTE_BENCH_SIZES").unwrap_or_else(|_| "10k,200k,1m".into());
    let mut rows = Vec::new();
    println!("\n| stories | JSON MB | load ms | index build ms | vocabulary | postings | index MB | keystroke median ms | keystroke p95 ms | max ms |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for size in sizes.split(',').map(str::trim) {
        let Some((text, bytes)) = load(size) else {
            continue;
        };
        let t = Instant::now();
        let loaded = load_document(&text, None).expect("set loads");
        let load_ms = ms(t.elapsed());
        drop(text);
        let n = loaded.articles.len();
        let t = Instant::now();
        let catalog = Catalog::new(loaded.articles);
        let build_ms = ms(t.elapsed());
        // Warm up once, then time every keystroke of the mix three times.
        type_all(&catalog, &typed, now);
        let mut times = Vec::with_capacity(typed.len() * 3);
        let mut per_key = vec![Vec::with_capacity(3); typed.len()];
        for _ in 0..3 {
            for (q, slot) in typed.iter().zip(&mut per_key) {
                let f = Filter {
                    query: q.clone(),
                    ..Filter::default()
                };
                let t = Instant::now();
                black_box(catalog.apply(&f, now, 12));
                times.push(t.elapsed());
                slot.push(t.elapsed());
            }
        }
        times.sort();
        // The slowest keystrokes (median of the three passes), to show where the p95 comes from.
        let mut slowest: Vec<(Duration, &String)> = per_key
            .iter_mut()
            .zip(&typed)
            .map(|(t, q)| {
                t.sort();
                (t[t.len() / 2], q)
            })
            .collect();
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        let shown: Vec<String> = slowest
            .iter()
            .take(10)
            .map(|(t, q)| format!("{q:?} {:.2} ms", ms(*t)))
            .collect();
        eprintln!("{size}: slowest keystrokes: {}", shown.join(", "));
        let (p50, p95, max) = (
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            *times.last().unwrap(),
        );
        let index = catalog.index();
        println!(
            "| {n} | {:.1} | {load_ms:.0} | {build_ms:.0} | {} | {} | {:.1} | {:.3} | {:.3} | {:.2} |",
            bytes as f64 / 1e6,
            index.vocabulary_len(),
            index.postings_len(),
            index.heap_bytes() as f64 / 1e6,
            ms(p50),
            ms(p95),
            ms(max)
        );
        rows.push(serde_json::json!({
            "size": size, "stories": n, "json_bytes": bytes, "load_ms": load_ms, "build_ms": build_ms,
            "vocabulary": index.vocabulary_len(), "postings": index.postings_len(), "index_bytes": index.heap_bytes(),
            "keystrokes": times.len(), "query_median_ms": ms(p50), "query_p95_ms": ms(p95), "query_max_ms": ms(max),
        }));
    }
    let out = root().join("bench/results/native.json");
    let _ = std::fs::create_dir_all(out.parent().unwrap_or(&root()));
    let json = serde_json::json!({ "keystrokes_per_pass": typed.len(), "rows": rows });
    match std::fs::write(
        &out,
        serde_json::to_string_pretty(&json).unwrap_or_default(),
    ) {
        Ok(()) => println!("\nwrote {}", out.display()),
        Err(e) => eprintln!("could not write {}: {e}", out.display()),
    }
}
