//! Text rules for the generated stories: category names in title case, category slugs, author
//! lists, and tags taken from headlines.

/// Words too common to be useful tags (only words of four letters or more are ever candidates).
const STOP_WORDS: &[&str] = &[
    "about", "after", "again", "against", "also", "amid", "back", "because", "been", "before",
    "being", "between", "could", "does", "doing", "down", "during", "each", "even", "ever",
    "every", "first", "from", "gets", "have", "having", "here", "into", "just", "know", "last",
    "like", "made", "make", "makes", "many", "more", "most", "much", "must", "need", "never",
    "next", "only", "other", "over", "people", "really", "said", "says", "should", "some", "still",
    "such", "take", "than", "that", "their", "them", "then", "there", "these", "they", "thing",
    "things", "this", "those", "through", "time", "under", "until", "very", "want", "wants",
    "week", "well", "were", "what", "when", "where", "which", "while", "will", "with", "without",
    "would", "year", "years", "your",
];

/// Shortest headline word (in letters and digits) that can become a tag.
const MIN_TAG_WORD: usize = 4;

/// A category name as shown: an all-capitals name in title case (`WORLD NEWS` → `World News`,
/// `U.S. NEWS` → `U.S. News`, `STYLE & BEAUTY` → `Style & Beauty`); a name that already has
/// lower-case letters is kept as it is (`DeFi`).
pub fn category_name(raw: &str) -> String {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if raw.chars().any(char::is_lowercase) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len());
    let mut start = true;
    for c in raw.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '.' | '-' | '/' | '(' | '&');
    }
    out
}

/// One character folded to lower-case ASCII: letters and digits as themselves, common accented
/// Latin letters without their marks; `None` for everything else.
fn fold(c: char) -> Option<&'static str> {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let c = c.to_lowercase().next().unwrap_or(c);
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c)?;
        return ASCII.get(i..i + 1);
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ễ' | 'ệ' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'ơ' | 'ộ' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ư' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// A category's slug: lower-case ASCII words joined by `-` (`World News` → `world-news`,
/// `U.S. News` → `us-news`, `Style & Beauty` → `style-beauty`); `news` if nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c == '.' || is_apostrophe(c) {
            continue;
        }
        match fold(c) {
            Some(f) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(f);
            }
            None => gap = true,
        }
    }
    if out.is_empty() {
        out.push_str("news");
    }
    out
}

/// The words of a headline, lower-case ASCII-folded: apostrophes inside words are dropped and a
/// possessive `'s` is removed (`Biden's` → `biden`, `Don't` → `dont`).
fn words(headline: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = headline.chars().peekable();
    let finish = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // A possessive: "'s" at the end of a word.
            if !word.is_empty() {
                let mut ahead = chars.clone();
                if matches!(ahead.next(), Some('s' | 'S'))
                    && ahead
                        .next()
                        .is_none_or(|n| fold(n).is_none() && !is_apostrophe(n))
                {
                    chars.next();
                    finish(&mut word, &mut out);
                }
            }
            continue;
        }
        match fold(c) {
            Some(f) => word.push_str(f),
            None => finish(&mut word, &mut out),
        }
    }
    finish(&mut word, &mut out);
    out
}

/// Tags for a story: the category slug, then up to two content words of the headline — the
/// longest ones of at least four letters that are not stop words, numbers or the slug again, in
/// headline order. Always one to three distinct lower-case tags.
pub fn tags(category_slug: &str, headline: &str) -> Vec<String> {
    let mut candidates: Vec<(usize, String)> = Vec::new();
    for w in words(headline) {
        let useful = w.len() >= MIN_TAG_WORD
            && !w.bytes().all(|b| b.is_ascii_digit())
            && !STOP_WORDS.contains(&w.as_str())
            && w != category_slug
            && !candidates.iter().any(|(_, c)| *c == w);
        if useful {
            candidates.push((candidates.len(), w));
        }
    }
    // Longest first; on equal length, the earlier word. Then back to headline order.
    candidates.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    candidates.truncate(2);
    candidates.sort_by_key(|c| c.0);
    let mut out = Vec::with_capacity(3);
    out.push(category_slug.to_string());
    out.extend(candidates.into_iter().map(|c| c.1));
    out
}

/// Author names from a by-line: split on `", "` and `" and "` (a leading `and ` after an Oxford
/// comma is dropped too), trimmed, empty parts and repeats dropped (`Carla K. Johnson, AP` →
/// `["Carla K. Johnson", "AP"]`).
pub fn split_authors(byline: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in byline.split(", ").flat_map(|p| p.split(" and ")) {
        let name = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = match name.strip_prefix("and ") {
            Some(rest) => rest.to_string(),
            None if name == "and" => String::new(),
            None => name,
        };
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_in_title_case() {
        assert_eq!(category_name("WORLD NEWS"), "World News");
        assert_eq!(category_name("U.S. NEWS"), "U.S. News");
        assert_eq!(category_name("STYLE & BEAUTY"), "Style & Beauty");
        assert_eq!(category_name("POLITICS"), "Politics");
        assert_eq!(category_name(" FOOD  &  DRINK "), "Food & Drink");
        assert_eq!(category_name("DeFi"), "DeFi");
        assert_eq!(category_name("Web3 & Enterprise"), "Web3 & Enterprise");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("World News"), "world-news");
        assert_eq!(slug("U.S. News"), "us-news");
        assert_eq!(slug("Style & Beauty"), "style-beauty");
        assert_eq!(slug("Web3 & Enterprise"), "web3-enterprise");
        assert_eq!(slug("Crème Brûlée"), "creme-brulee");
        assert_eq!(slug("中文"), "news");
    }

    #[test]
    fn tags_from_headlines() {
        assert_eq!(
            tags(
                "us-news",
                "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters"
            ),
            ["us-news", "americans", "targeted"]
        );
        assert_eq!(
            tags("politics", "Biden's Plan Won’t Work, Says Senator"),
            ["politics", "biden", "senator"]
        );
        assert_eq!(
            tags("culture", "Zoë Lindqvist on Łódź"),
            ["culture", "lindqvist", "lodz"]
        );
        assert_eq!(tags("comedy", "LOL: 23 of the best"), ["comedy", "best"]);
        assert_eq!(tags("news", ""), ["news"]);
        // Repeats and the slug itself are not tags twice.
        assert_eq!(
            tags("politics", "Politics, politics, POLITICS"),
            ["politics"]
        );
        for t in tags("x", "Émigrés’ “Café” Über-Straße at 10:00") {
            assert!(t
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    #[test]
    fn authors_from_bylines() {
        assert_eq!(
            split_authors("Carla K. Johnson, AP"),
            ["Carla K. Johnson", "AP"]
        );
        assert_eq!(
            split_authors("Jane Doe and John Roe, Reuters"),
            ["Jane Doe", "John Roe", "Reuters"]
        );
        assert!(split_authors("").is_empty());
        assert!(split_authors(" , and ").is_empty());
        assert_eq!(split_authors("Ann, Ann"), ["Ann"]);
        assert_eq!(split_authors("Ann, Bo, and Cy"), ["Ann", "Bo", "Cy"]);
    }
}
