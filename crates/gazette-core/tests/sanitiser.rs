//! Property tests of the HTML sanitiser: whatever markup goes in, only allowed elements with
//! allowed, safe attributes come out, the tree is never deeper than its limit, and nothing
//! panics.

use gazette_core::html::{rebase, sanitize, text_of, Element, Node, Tag, MAX_DEPTH};
use proptest::prelude::*;

/// Pieces of markup, hostile and ordinary, that arbitrary sequences are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<svg onload=x()>".to_string()),
        Just("</svg>".to_string()),
        Just("<math>".to_string()),
        Just("<style>".to_string()),
        Just("<a href=\"javascript:x()\">".to_string()),
        Just("<a href=\"https://ok.example/\" onclick=x()>".to_string()),
        Just("<a href=\"java&#x09;script:x()\">".to_string()),
        Just("</a>".to_string()),
        Just("<img src=x onerror=x()>".to_string()),
        Just("<img src=\"data:image/png;base64,AA\">".to_string()),
        Just("<img src=\"https://i.example/a.png\" style=\"x\">".to_string()),
        Just("<iframe srcdoc=\"<script>x()</script>\">".to_string()),
        Just("<base href=\"https://evil.example/\">".to_string()),
        Just("<ul><li>".to_string()),
        Just("<h2>".to_string()),
        Just("<em>".to_string()),
        Just("<p dir=\"rtl\" lang=\"ar\">".to_string()),
        Just("<q dir=\"x\" lang=\"a b\">".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\"".to_string()),
        Just("&lt;".to_string()),
        Just("&#106;".to_string()),
        "[a-zA-Z0-9 <>/=\"'&#;:é中]{0,12}",
    ]
}

fn check(nodes: &[Node], depth: usize) -> Result<(), TestCaseError> {
    for n in nodes {
        if let Node::Element(Element {
            tag,
            attrs,
            children,
            ..
        }) = n
        {
            prop_assert!(depth <= MAX_DEPTH + 1, "too deep");
            for (name, value) in attrs {
                let allowed: &[&str] = match tag {
                    Tag::A => &["href", "rel", "title"],
                    Tag::Img => &[
                        "src", "alt", "title", "width", "height", "loading", "decoding",
                    ],
                    Tag::Ol => &["start"],
                    _ => &[],
                };
                prop_assert!(
                    allowed.contains(name) || ["dir", "lang"].contains(name),
                    "{name} on {}",
                    tag.name()
                );
                if *name == "dir" {
                    prop_assert!(
                        ["ltr", "rtl", "auto"].contains(&value.as_str()),
                        "dir {value}"
                    );
                }
                if *name == "lang" {
                    prop_assert!(
                        value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                        "lang {value}"
                    );
                }
                if *name == "href" {
                    prop_assert!(
                        value.starts_with("https://")
                            || value.starts_with("http://")
                            || value.starts_with("mailto:"),
                        "href {value}"
                    );
                }
                if *name == "src" {
                    prop_assert!(value.starts_with("https://") || value.starts_with("http://"));
                }
            }
            if tag.is_void() {
                prop_assert!(children.is_empty());
            }
            check(children, depth + 1)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn only_allowed_elements_and_safe_attributes_come_out(
        pieces in prop::collection::vec(piece(), 0..40),
        with_base in any::<bool>(),
    ) {
        let html = pieces.concat();
        let base = with_base.then_some("https://news.example/story");
        let nodes = sanitize(&html, base);
        check(&nodes, 0)?;
        let _ = text_of(&nodes);
        // A body made absolute against a feed's xml:base first is as safe.
        check(&sanitize(&rebase(&html, "https://news.example/feed/"), base), 0)?;
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        let nodes = sanitize(&s, Some("https://news.example/"));
        check(&nodes, 0)?;
        check(&sanitize(&rebase(&s, "https://news.example/"), None), 0)?;
    }

    #[test]
    fn plain_text_comes_out_whole(s in "[a-zA-Z0-9 ,.é中]{1,80}") {
        let nodes = sanitize(&s, None);
        let out = text_of(&nodes);
        prop_assert_eq!(out.trim(), s.trim());
    }
}
