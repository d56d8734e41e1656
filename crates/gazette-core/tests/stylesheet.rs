//! The stylesheet's default category swatches must be readable: every text/background pair at
//! least 4.5:1 (WCAG AA for normal text), and one pair for each swatch the core hands out.

use gazette_core::palette::{contrast_ratio, SWATCHES};

#[test]
fn every_default_swatch_has_readable_contrast() {
    let css = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../static/gazette.css"
    ))
    .expect("static/gazette.css");
    let value = |name: &str| -> String {
        let start = css
            .find(&format!("{name}:"))
            .unwrap_or_else(|| panic!("{name} is not defined"));
        let rest = &css[start + name.len() + 1..];
        rest[..rest.find(';').unwrap()].trim().to_string()
    };
    for i in 0..SWATCHES {
        let bg = value(&format!("--gazette-swatch-{i}-bg"));
        let fg = value(&format!("--gazette-swatch-{i}-fg"));
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
