//! JSON lines in the shape of the HuffPost News Category data set, one story per line:
//! `{"link", "headline", "category", "short_description", "authors", "date"}`.
//!
//! Each line is renamed into an article set story (`url`, `title`, `category`, `summary`,
//! `authors`, `published`) and the whole set goes through the core's loader, so these stories
//! meet exactly the rules of any other document. Shaped as the benchmark generator shapes them:
//! an all-capitals category in title case (`WORLD NEWS` → `World News`), the by-line split into
//! the people it names, without a leading `By ` or the agency, outlet or role after them
//! (`By Jane Doe and John Roe, AP` → `Jane Doe`, `John Roe`; `Stateline, Editorial Partner` →
//! `Stateline`), the calendar date at midnight UTC. The link is the story's id. No tags are made
//! up.

use gazette_core::{load_document, DocumentError, Loaded, Problem};
use gazette_datagen::text::{category_name, split_authors};
use serde_json::{Map, Value};

/// The stories of JSON lines, loaded, with problems numbered by line.
pub fn load(bytes: &[u8], base_url: Option<&str>) -> Result<Loaded, DocumentError> {
    let mut stories: Vec<Value> = Vec::new();
    // The line of each story handed to the loader, and lines that are not JSON.
    let mut lines: Vec<usize> = Vec::new();
    let mut unreadable: Vec<Problem> = Vec::new();
    let mut seen = 0;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        seen += 1;
        match serde_json::from_slice::<Value>(line) {
            Ok(v) => {
                stories.push(story(v));
                lines.push(i + 1);
            }
            Err(e) => unreadable.push(Problem {
                position: i + 1,
                label: None,
                message: format!("it is not valid JSON ({e})"),
            }),
        }
    }
    if seen == 0 {
        return Err(DocumentError::Empty);
    }
    let mut set = Map::new();
    set.insert("articles".into(), Value::Array(stories));
    let text = Value::Object(set).to_string();
    let mut loaded = load_document(&text, base_url)?;
    let report = &mut loaded.report;
    for p in report.skipped.iter_mut().chain(report.repaired.iter_mut()) {
        let line = p.position.checked_sub(1).and_then(|i| lines.get(i));
        p.position = line.copied().unwrap_or(p.position);
    }
    report.total += unreadable.len();
    report.skipped.extend(unreadable);
    report.skipped.sort_by_key(|p| p.position);
    Ok(loaded)
}

/// One line as an article set story. Anything that is not an object is handed on as it is, for
/// the loader to report.
fn story(line: Value) -> Value {
    let Value::Object(mut line) = line else {
        return line;
    };
    let mut out = Map::new();
    let mut rename = |from: &str, to: &str, f: &dyn Fn(Value) -> Value| {
        if let Some(v) = line.remove(from) {
            out.insert(to.into(), f(v));
        }
    };
    rename("link", "url", &|v| v);
    rename("headline", "title", &|v| v);
    rename("category", "category", &|v| match v {
        Value::String(s) => Value::String(category_name(&s)),
        v => v,
    });
    rename("short_description", "summary", &|v| v);
    rename("authors", "authors", &|v| match v {
        Value::String(s) => {
            Value::Array(split_authors(&s).into_iter().map(Value::String).collect())
        }
        v => v,
    });
    rename("date", "published", &|v| match v {
        Value::String(s) if is_calendar_date(&s) => Value::String(format!("{s}T00:00:00Z")),
        v => v,
    });
    Value::Object(out)
}

/// `YYYY-MM-DD` by its shape (the loader checks that it is a real date).
fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_stories_by_the_core_s_rules() {
        let text = concat!(
            r#"{"link": "https://www.huffpost.com/entry/a", "headline": "Over 4 Million Americans Roll Up Sleeves", "category": "U.S. NEWS", "short_description": "Health experts said so.", "authors": "Carla K. Johnson, AP", "date": "2022-09-23"}"#,
            "\n\n",
            "not json at all\n",
            r#"{"link": "https://www.huffpost.com/entry/b", "headline": "No date", "category": "COMEDY"}"#,
            "\n",
            r#"{"link": "https://www.huffpost.com/entry/c", "headline": "Bad date", "category": "COMEDY", "date": "2022-02-30"}"#,
            "\n",
            r#"[1, 2]"#,
            "\n",
            r#"{"link": "/entry/g", "headline": "Last, no newline", "category": "DeFi", "short_description": "", "authors": "A, B, and C", "date": "2018-05-01"}"#,
        );
        let l = load(text.as_bytes(), Some("https://www.huffpost.com/")).unwrap();
        assert_eq!(l.report.total, 6);
        assert_eq!(l.articles.len(), 4);
        let a = &l.articles[0];
        assert_eq!(a.id, "https://www.huffpost.com/entry/a");
        assert_eq!(a.category, "U.S. News");
        assert_eq!(a.authors, ["Carla K. Johnson"]);
        assert_eq!(a.published.to_rfc3339(), "2022-09-23T00:00:00Z");
        assert_eq!(a.summary.as_deref(), Some("Health experts said so."));
        // Without a date that can be read, a story shows last, as undated.
        for undated in &l.articles[1..3] {
            assert_eq!(undated.published, gazette_core::Timestamp::UNDATED);
        }
        let g = &l.articles[3];
        assert_eq!(g.url.as_deref(), Some("https://www.huffpost.com/entry/g"));
        assert_eq!(g.category, "DeFi");
        assert_eq!(g.authors, ["A", "B", "C"]);
        assert_eq!(g.summary, None);
        let left_out: Vec<usize> = l.report.skipped.iter().map(|p| p.position).collect();
        assert_eq!(left_out, [3, 6]);
        assert!(l.report.skipped[0].message.contains("not valid JSON"));
        assert_eq!(l.report.repaired.len(), 2, "{:?}", l.report.repaired);
        assert!(l.report.repaired[1].message.contains("as undated"));
        assert_eq!(load(b"\n \n", None), Err(DocumentError::Empty));
    }

    #[test]
    fn category_names_and_bylines() {
        assert_eq!(category_name("WORLD NEWS"), "World News");
        assert_eq!(category_name("STYLE & BEAUTY"), "Style & Beauty");
        assert_eq!(category_name("U.S. NEWS"), "U.S. News");
        assert_eq!(category_name("DeFi"), "DeFi");
        assert_eq!(split_authors(""), Vec::<String>::new());
        assert_eq!(split_authors("Ed and Jo"), ["Ed", "Jo"]);
        // Not "By By SCOTT BAUER and AP" on the card.
        assert_eq!(split_authors("By SCOTT BAUER, AP"), ["SCOTT BAUER"]);
        assert_eq!(split_authors("Stateline, Editorial Partner"), ["Stateline"]);
        assert_eq!(
            split_authors("Nomaan Merchant, Robert Burns and Eric Tucker, AP"),
            ["Nomaan Merchant", "Robert Burns", "Eric Tucker"]
        );
    }
}
