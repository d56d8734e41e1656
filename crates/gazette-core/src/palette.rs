//! Category colours: each category gets one of a fixed set of swatches, chosen from its name, so
//! a category keeps its colour across page loads, feeds and widget instances.
//!
//! The swatches themselves live in the stylesheet (`--gazette-swatch-N-bg` and `-fg` in
//! `static/gazette.css`) so that a site can restyle them; a test checks that every default pair
//! has a contrast ratio of at least 4.5:1.

use crate::order;
use crate::text::fold;

/// How many swatches the stylesheet defines.
pub const SWATCHES: u32 = 10;

/// The swatch (0 to [`SWATCHES`] − 1) for a category: a hash (FNV-1a) of its folded name, so
/// "Markets" and "markets" share one.
pub fn swatch(category: &str) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for b in fold(category).bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % SWATCHES
}

/// Swatches for a set of categories: each gets its own [`swatch`] unless another category of the
/// set has it already, in which case it takes the next free one. Categories are placed in order
/// of their folded names, so the same set always gets the same colours, whatever order it comes
/// in. With more categories than swatches, the extra ones share.
pub fn assign<'a>(categories: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
    let names: Vec<&str> = categories.into_iter().collect();
    // By folded name, then name, then place: a folded name has no NUL, so the NUL between them
    // makes this one text order like the pair (fold, name).
    let keys: Vec<String> = names
        .iter()
        .map(|n| {
            let mut key = fold(n);
            key.push('\0');
            key.push_str(n);
            key
        })
        .collect();
    let mut keyed: Vec<order::Named<'_>> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    order::sort_names(&mut keyed);
    let order: Vec<usize> = keyed.iter().map(|&(_, i)| i as usize).collect();
    let mut taken = [false; SWATCHES as usize];
    let mut out = vec![0; names.len()];
    for (placed, &i) in order.iter().enumerate() {
        let first = swatch(names[i]);
        out[i] = if placed < SWATCHES as usize {
            (0..SWATCHES)
                .map(|k| (first + k) % SWATCHES)
                .find(|&s| !taken[s as usize])
                .unwrap_or(first)
        } else {
            first
        };
        taken[out[i] as usize] = true;
    }
    out
}

/// The WCAG 2 contrast ratio of two `#rrggbb` colours (1.0 to 21.0), or `None` if either is not
/// in that form.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(h.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 7] = [
        "Markets",
        "Policy & Regulation",
        "Web3 & Enterprise",
        "Technology",
        "Security",
        "DeFi",
        "Culture",
    ];

    #[test]
    fn swatches_are_stable_and_in_range() {
        assert_eq!(swatch("Markets"), swatch("markets"));
        assert_eq!(swatch("Web3 & Enterprise"), swatch("web3 enterprise"));
        for name in ["", "Policy & Regulation", "DeFi", "Security", "中国"] {
            assert!(swatch(name) < SWATCHES);
        }
        // Spread: eight common names do not all land on one swatch.
        let distinct: std::collections::HashSet<_> =
            NAMES.iter().chain(&["Other"]).map(|n| swatch(n)).collect();
        assert!(distinct.len() >= 5, "{distinct:?}");
    }

    #[test]
    fn a_set_of_up_to_ten_categories_gets_distinct_swatches_whatever_the_order() {
        let names = NAMES;
        let a = assign(names);
        let distinct: std::collections::HashSet<_> = a.iter().collect();
        assert_eq!(distinct.len(), names.len());
        let mut reversed = names;
        reversed.reverse();
        let mut b = assign(reversed);
        b.reverse();
        assert_eq!(a, b, "order of arrival does not matter");
        let many: Vec<String> = (0..25).map(|i| format!("Category {i}")).collect();
        let m = assign(many.iter().map(String::as_str));
        assert!(m.iter().all(|&s| s < SWATCHES));
        assert_eq!(
            m.iter().collect::<std::collections::HashSet<_>>().len(),
            SWATCHES as usize
        );
    }

    #[test]
    fn contrast_matches_known_values() {
        let white_black = contrast_ratio("#ffffff", "#000000").unwrap();
        assert!((white_black - 21.0).abs() < 1e-9);
        assert!((contrast_ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio("#fff", "#000"), None);
        assert_eq!(contrast_ratio("zzzzzz", "#000000"), None);
    }
}
