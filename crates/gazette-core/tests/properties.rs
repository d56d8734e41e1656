//! Property tests: the loader never panics and keeps its promises on arbitrary input; text
//! helpers and dates keep their invariants; filtering agrees with a brute-force scan.

use gazette_core::date::{parse_date, Timestamp};
use gazette_core::text::{excerpt, excerpt_around, fold, teaser};
use gazette_core::{load_document, Article, Catalog, DatePreset, Filter, SortOrder};
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2024-02-29T12:00:00Z"),
            Just("javascript:alert(1)"),
            Just("https://x.example/a"),
            Just("<b>x</b>"),
            Just("résumé"),
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    let keys = prop_oneof![
        Just("id"),
        Just("title"),
        Just("url"),
        Just("category"),
        Just("published"),
        Just("summary"),
        Just("content_html"),
        Just("image"),
        Just("authors"),
        Just("tags"),
        Just("name"),
        Just("date_published"),
        Just("items"),
        Just("articles"),
        Just("version"),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn loading_arbitrary_text_never_panics(s in ".{0,200}") {
        let _ = load_document(&s, Some("https://base.example/x.json"));
    }

    #[test]
    fn loading_arbitrary_json_keeps_its_promises(items in prop::collection::vec(arb_json(), 0..8), feed in any::<bool>()) {
        let doc = if feed {
            json!({"version": "https://jsonfeed.org/version/1.1", "items": items})
        } else {
            json!({"articles": items})
        };
        let l = load_document(&doc.to_string(), Some("https://base.example/x.json")).unwrap();
        prop_assert_eq!(l.articles.len() + l.report.skipped.len(), l.report.total);
        let mut ids = std::collections::HashSet::new();
        for a in &l.articles {
            prop_assert!(!a.title.trim().is_empty());
            prop_assert!(!a.category.trim().is_empty());
            prop_assert!(a.url.as_deref().is_none_or(gazette_core::url::is_http_url));
            prop_assert!(a.image.as_ref().is_none_or(|i| gazette_core::url::is_http_url(&i.url)));
            prop_assert!(ids.insert(a.id.clone()), "duplicate id");
        }
    }

    #[test]
    fn reading_in_chunks_of_any_size_gives_what_reading_whole_gives(items in prop::collection::vec(arb_json(), 0..6), chunk in 1usize..40) {
        use gazette_core::load::{Reader, Step};
        let doc = json!({"title": "T", "articles": items}).to_string();
        let whole = load_document(&doc, None);
        let mut reader = Reader::new(None);
        let mut got = Vec::new();
        let mut result: Result<(), gazette_core::DocumentError> = Ok(());
        for c in doc.as_bytes().chunks(chunk) {
            if let Err(e) = reader.push(c) { result = Err(e); break; }
            loop {
                match reader.read(3, &mut |a| got.push(a)) {
                    Ok(Step::More) => continue,
                    Ok(_) => break,
                    Err(e) => { result = Err(e); break; }
                }
            }
            if result.is_err() { break; }
        }
        match (whole, result) {
            (Ok(w), Ok(())) => {
                reader.end_of_input();
                let end = reader.finish().unwrap();
                prop_assert_eq!(w.articles, got);
                prop_assert_eq!(w.report, end.report);
            }
            (Err(a), Err(b)) => prop_assert_eq!(std::mem::discriminant(&a), std::mem::discriminant(&b)),
            (w, r) => prop_assert!(false, "whole {:?} but chunked {:?}", w.map(|l| l.articles.len()), r),
        }
    }

    #[test]
    fn folding_is_idempotent_and_spaced(s in "\\PC{0,40}") {
        let f = fold(&s);
        prop_assert_eq!(fold(&f), f.clone());
        prop_assert!(!f.starts_with(' ') && !f.ends_with(' ') && !f.contains("  "));
        prop_assert_eq!(f.to_lowercase(), f.clone());
    }

    #[test]
    fn excerpts_are_short_prefixes(s in "\\PC{0,300}", max in 1usize..200) {
        let e = excerpt(&s, max);
        prop_assert!(e.chars().count() <= max + 1);
        let body = e.strip_suffix('…').unwrap_or(&e);
        prop_assert!(s.trim().starts_with(body));
        // A card's may keep a short last word whole, a tenth over.
        let e = teaser(&s, max);
        prop_assert!(e.chars().count() <= max + max / 10 + 1);
        let body = e.strip_suffix('…').unwrap_or(&e);
        prop_assert!(s.trim().starts_with(body));
    }

    // Words apart by spaces of every width (a no-break space is two bytes, an ideographic one
    // three), the match anywhere: a late match must not cut a space in two.
    #[test]
    fn excerpts_around_a_match_show_it_whatever_the_spaces(
        s in "([a-zé]{1,8}[ \u{a0}\u{2009}\u{3000}\n]){0,120}",
        place in 0.0f64..1.0,
        max in 20usize..200,
    ) {
        let at = s.floor_char_boundary((s.len() as f64 * place) as usize);
        let e = excerpt_around(&s, at, max);
        prop_assert!(e.chars().count() <= max + max / 10 + 2);
    }

    #[test]
    fn typo_candidates_are_the_words_one_edit_away(
        titles in prop::collection::vec("[a-e]{4,7}( [a-e]{4,7}){0,4}", 1..30),
        word in "[a-e]{5,7}",
    ) {
        use gazette_core::search::tokens::within_one_edit;
        let articles: Vec<Article> = titles.iter().enumerate().map(|(i, t)| Article {
            id: format!("t{i}"), title: t.clone(), url: None, external_url: None, category: "X".into(),
            published: Timestamp(0), summary: None, content_text: None,
            content_html: None, image: None,
            authors: vec![], tags: vec![], language: None,
        }).collect();
        let catalog = Catalog::new(articles);
        let index = catalog.index();
        let mut got: Vec<u32> = index.expand(&word, false, true, false).into_iter().map(|(t, _)| t).collect();
        got.sort_unstable();
        // A word the index holds itself keeps only the words one letter longer or shorter at
        // its end (and itself).
        let held = index.terms().iter().any(|t| **t == *word);
        let want: Vec<u32> = (0..index.terms().len() as u32)
            .filter(|&t| {
                let term = &index.terms()[t as usize];
                within_one_edit(term, &word)
                    && (!held || term.starts_with(&*word) || word.starts_with(&**term))
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn dates_round_trip(secs in -2_000_000_000i64..8_000_000_000) {
        let t = Timestamp(secs);
        prop_assert_eq!(parse_date(&t.to_rfc3339()).unwrap().0, t);
    }

    #[test]
    fn filtering_and_facet_counts_agree_with_a_brute_force_scan(
        stories in prop::collection::vec(
            ("[a-c]{1,3}( [a-c]{1,3}){0,3}", 0usize..3, -800i64..5, prop::collection::btree_set(0usize..4, 0..3), prop::collection::btree_set(0usize..4, 0..3)),
            0..40,
        ),
        query in "[a-c]{0,2}( [a-c]{1,2})?",
        picked in (
            prop::collection::btree_set(0usize..3, 0..3),
            prop::collection::btree_set(0usize..4, 0..2),
            prop::collection::btree_set(0usize..4, 0..2),
            prop::collection::btree_set(0usize..3, 0..2),
        ),
        preset in 0usize..5,
        sort in 0usize..3,
    ) {
        const CATS: [&str; 3] = ["Alpha", "Beta", "Gamma"];
        const PEOPLE: [&str; 4] = ["Ann", "Bo", "Cy", "Di"];
        const TAGS: [&str; 4] = ["red", "green", "blue", "grey"];
        let now = Timestamp(1_000_000_000);
        let articles: Vec<Article> = stories.iter().enumerate().map(|(i, (title, cat, days, people, tags))| Article {
            id: format!("s{i}"),
            title: title.clone(),
            url: None,
            external_url: None,
            category: CATS[*cat].into(),
            published: Timestamp(now.0 + days * 86_400),
            summary: None,
            content_text: None,
            content_html: None,
            image: None,
            authors: people.iter().map(|&p| PEOPLE[p].to_string()).collect(),
            tags: tags.iter().map(|&t| TAGS[t].to_string()).collect(),
            language: None,
        }).collect();
        let years_present: Vec<i32> = {
            let mut y: Vec<i32> = articles.iter().map(|a| a.published.year()).collect();
            y.sort_unstable();
            y.dedup();
            y
        };
        let filter = Filter {
            query: query.clone(),
            categories: picked.0.iter().map(|&c| CATS[c].to_string()).collect(),
            authors: picked.1.iter().map(|&c| PEOPLE[c].to_string()).collect(),
            tags: picked.2.iter().map(|&c| TAGS[c].to_string()).collect(),
            years: picked.3.iter().filter_map(|&i| years_present.get(i).copied()).collect(),
            date: DatePreset::ALL[preset],
            sort: SortOrder::ALL[sort],
            ..Filter::default()
        };
        let catalog = Catalog::new(articles.clone());
        let out = catalog.apply(&filter, now, usize::MAX);

        // Brute force: the last word is a prefix unless the query ends in a space; others whole.
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        let text_ok = |a: &Article| {
            words.iter().enumerate().all(|(k, w)| {
                let last = k + 1 == words.len();
                a.title.split(' ').chain(a.authors.iter().map(|s| s.as_str())).chain(a.tags.iter().map(|s| s.as_str())).chain([a.category.as_str()])
                    .map(|t| t.to_lowercase())
                    .any(|t| if last { t.starts_with(w) } else { t == *w })
            }) && filter.date.contains(a.published, now)
        };
        let c_ok = |a: &Article| filter.categories.is_empty() || filter.categories.contains(&a.category);
        let a_ok = |a: &Article| filter.authors.is_empty() || a.authors.iter().any(|x| filter.authors.contains(x));
        let t_ok = |a: &Article| filter.tags.is_empty() || a.tags.iter().any(|x| filter.tags.contains(x));
        let y_ok = |a: &Article| filter.years.is_empty() || filter.years.contains(&a.published.year());
        let mut brute: Vec<usize> = (0..articles.len())
            .filter(|&i| { let a = &articles[i]; text_ok(a) && c_ok(a) && a_ok(a) && t_ok(a) && y_ok(a) })
            .collect();
        prop_assert_eq!(out.total, brute.len());
        let mut got = out.matches.clone();
        if filter.sort == SortOrder::Relevance && !words.is_empty() {
            got.sort_unstable();
        } else {
            let oldest = filter.sort == SortOrder::Oldest;
            brute.sort_by(|&a, &b| {
                let o = articles[b].published.cmp(&articles[a].published);
                let o = if oldest { o.reverse() } else { o };
                o.then(a.cmp(&b))
            });
        }
        prop_assert_eq!(&got, &brute);
        for c in &out.categories {
            let n = articles.iter().filter(|a| a.category == c.name && text_ok(a) && a_ok(a) && t_ok(a) && y_ok(a)).count();
            prop_assert_eq!(c.count, n, "category {}", c.name);
        }
        for c in &out.authors {
            let n = articles.iter().filter(|a| a.authors.contains(&c.name) && text_ok(a) && c_ok(a) && t_ok(a) && y_ok(a)).count();
            prop_assert_eq!(c.count, n, "author {}", c.name);
        }
        for c in &out.tags {
            let n = articles.iter().filter(|a| a.tags.contains(&c.name) && text_ok(a) && c_ok(a) && a_ok(a) && y_ok(a)).count();
            prop_assert_eq!(c.count, n, "tag {}", c.name);
        }
        for c in &out.years {
            let n = articles.iter().filter(|a| a.published.year().to_string() == c.name && text_ok(a) && c_ok(a) && a_ok(a) && t_ok(a)).count();
            prop_assert_eq!(c.count, n, "year {}", c.name);
        }
        // Every author and tag with a match is listed (there are fewer than the cut-off here).
        let listed: usize = out.authors.iter().filter(|c| c.count > 0).count();
        let with_matches = PEOPLE.iter().filter(|p| articles.iter().any(|a| a.authors.iter().any(|x| x == *p) && text_ok(a) && c_ok(a) && t_ok(a) && y_ok(a))).count();
        prop_assert_eq!(listed, with_matches);
    }
}
