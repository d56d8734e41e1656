//! Which way a language tag's text runs, so that a story in Arabic or Hebrew reads right to left
//! whatever the page around the widget does.

/// Scripts written right to left (ISO 15924 codes, lower case).
const RTL_SCRIPTS: &[&str] = &[
    "adlm", "arab", "aran", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi",
];

/// Languages whose usual script runs right to left (ISO 639 codes): used when the tag names no
/// script of its own.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "mzn", "nqo", "pnb", "ps", "sd", "syr",
    "ug", "ur", "yi",
];

/// Whether text in the language of this BCP 47 tag runs right to left: by the tag's script when
/// it names one (`az-Arab` yes, `ku-Latn` no), else by its language (`ar`, `he-IL`, `fa` yes).
/// Case and `_` for `-` are forgiven; an empty or malformed tag is left to right.
pub fn is_right_to_left(tag: &str) -> bool {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-').peekable();
    let language = parts.next().unwrap_or_default();
    let alpha = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_alphabetic());
    // Up to three extended-language subtags, then the script, if any, comes next: a later
    // four-letter subtag belongs to an extension (`ar-u-nu-latn`) or a private use.
    for _ in 0..3 {
        if parts.next_if(|p| alpha(p, 3)).is_none() {
            break;
        }
    }
    if let Some(script) = parts.next_if(|p| alpha(p, 4)) {
        return RTL_SCRIPTS.contains(&script);
    }
    // Sorani Kurdish in Iraq is written in Arabic script; Kurdish elsewhere mostly in Latin.
    if language == "ku" {
        return parts.next() == Some("iq");
    }
    RTL_LANGUAGES.contains(&language)
}

#[cfg(test)]
mod tests {
    use super::is_right_to_left;

    #[test]
    fn languages_and_scripts() {
        for rtl in [
            "ar", "AR-eg", "he", "he_IL", "fa-IR", "ur", "yi", "ps", "dv", "ckb", "ku-IQ",
        ] {
            assert!(is_right_to_left(rtl), "{rtl}");
        }
        for rtl_script in ["az-Arab", "pa-Arab-PK", "tg-Hebr", "uz-Arab"] {
            assert!(is_right_to_left(rtl_script), "{rtl_script}");
        }
        // Only the script subtag counts, not four letters in an extension or a private use.
        for rtl in ["ar-u-nu-latn", "he-x-abcd", "ar-EG-u-nu-latn"] {
            assert!(is_right_to_left(rtl), "{rtl}");
        }
        for ltr in [
            "en",
            "en-US",
            "fr",
            "ku",
            "ku-Latn-IQ",
            "ar-Latn",
            "zh-Hant",
            "",
            "-",
            "x",
        ] {
            assert!(!is_right_to_left(ltr), "{ltr}");
        }
    }
}
