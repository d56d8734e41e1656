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
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    if let Some(script) = rest
        .iter()
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return RTL_SCRIPTS.contains(script);
    }
    // Sorani Kurdish in Iraq is written in Arabic script; Kurdish elsewhere mostly in Latin.
    if language == "ku" {
        return rest.first() == Some(&"iq");
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
