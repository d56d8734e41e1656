//! The stylesheet's default category swatches must be readable: every text/background pair at
//! least 4.5:1 (WCAG AA for normal text), and one pair for each swatch the core hands out.

use gazette_core::palette::{contrast_ratio, SWATCHES};

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../static/gazette.css"
    ))
    .expect("static/gazette.css")
}

/// The default of `--gazette-{name}`: each is the fallback of a private copy,
/// `--gz-x: var(--gazette-x, #rrggbb);`.
fn default_of(css: &str, name: &str) -> String {
    let decl = format!("var(--gazette-{name}, ");
    let start = css
        .find(&decl)
        .unwrap_or_else(|| panic!("--gazette-{name} is not defined"));
    let rest = &css[start + decl.len()..];
    rest[..rest.find(')').unwrap()].trim().to_string()
}

#[test]
fn every_default_swatch_has_readable_contrast() {
    let css = stylesheet();
    let value = |name: &str| default_of(&css, name);
    for i in 0..SWATCHES {
        let bg = value(&format!("swatch-{i}-bg"));
        let fg = value(&format!("swatch-{i}-fg"));
        let ratio = contrast_ratio(&fg, &bg)
            .unwrap_or_else(|| panic!("swatch {i}: {fg} on {bg} is not #rrggbb"));
        assert!(
            ratio >= 4.5,
            "swatch {i}: {fg} on {bg} is only {ratio:.2}:1"
        );
        assert!(
            css.contains(&format!(".gz-swatch-{i} {{")),
            "no .gz-swatch-{i} rule"
        );
    }
    assert!(
        !css.contains(&format!("--gazette-swatch-{SWATCHES}-bg")),
        "more swatches than the core uses"
    );
}

#[test]
fn light_and_dark_text_colours_are_readable() {
    let css = stylesheet();
    let value = |name: &str| default_of(&css, name);
    for theme in ["", "dark-"] {
        for (fg, bg) in [
            ("fg", "bg"),
            ("fg", "card-bg"),
            ("muted", "card-bg"),
            ("muted", "bg"),
            ("accent-fg", "accent"),
            ("accent", "card-bg"),
        ] {
            let (f, b) = (
                value(&format!("{theme}{fg}")),
                value(&format!("{theme}{bg}")),
            );
            let ratio = contrast_ratio(&f, &b).expect("#rrggbb colours");
            assert!(
                ratio >= 4.5,
                "{theme}{fg} {f} on {theme}{bg} {b}: {ratio:.2}:1"
            );
        }
    }
}
