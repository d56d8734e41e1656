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

/// News agencies and outlets that a by-line names after its people (`Carla K. Johnson, AP`),
/// compared ignoring case. Editions of an outlet are told by their first word (below).
const OUTLETS: &[&str] = &[
    "afp",
    "agence france-presse",
    "aol",
    "aol.com",
    "ap",
    "ap news",
    "ap wire",
    "associated press",
    "bloomberg",
    "bloomberg news",
    "engadget",
    "grist",
    "propublica",
    "reuters",
    "techcrunch",
    "the associated press",
    "upi",
];

/// First words of outlets that come in editions or sections (`HuffPost UK`, `Yahoo News`,
/// `BuzzFeed Shopping`), compared ignoring case.
const OUTLET_FAMILIES: &[&str] = &["buzzfeed", "huffpost", "yahoo"];

/// The last word of a role (`Contributor`, `Senior Reporter`, `Editorial Partner`), compared
/// ignoring case.
const ROLES: &[&str] = &[
    "columnist",
    "contributor",
    "correspondent",
    "editor",
    "editors",
    "partner",
    "reporter",
    "staff",
    "writer",
];

/// Words that may stand before a role (`Personal Guest Writer`, `Staff Writer`).
const ROLE_QUALIFIERS: &[&str] = &[
    "chief",
    "contributing",
    "editorial",
    "guest",
    "personal",
    "senior",
    "special",
    "staff",
];

/// Suffixes of a name that a by-line may set off with a comma (`Jonathan Landrum, Jr.`).
const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// True for a news agency or outlet: one of [`OUTLETS`], an edition of one of
/// [`OUTLET_FAMILIES`], or a syndication credit naming one (`Reuters/Variety`,
/// `Variety via Reuters`).
fn is_outlet(part: &str) -> bool {
    let lower = part.to_lowercase();
    let first = lower.split(' ').next().unwrap_or_default();
    if OUTLETS.contains(&lower.as_str()) || OUTLET_FAMILIES.contains(&first) {
        return true;
    }
    let credits: Vec<&str> = lower
        .split('/')
        .flat_map(|p| p.split(" via "))
        .map(str::trim)
        .collect();
    credits.len() > 1
        && credits
            .iter()
            .any(|c| OUTLETS.contains(c) || OUTLET_FAMILIES.contains(c))
}

/// True for a part of a by-line that names an outlet or a role rather than a person:
/// [`is_outlet`], a role (`Staff`, `Guest Writer`, `Editorial Partner`) or an assignment
/// (`On Assignment For HuffPost`).
fn is_affiliation(part: &str) -> bool {
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    let is_role = words.split_last().is_some_and(|(last, before)| {
        ROLES.contains(last) && before.iter().all(|w| ROLE_QUALIFIERS.contains(w))
    });
    is_role || lower.starts_with("on assignment for ") || is_outlet(part)
}

/// Author names from a by-line: a leading `By ` (any case) is dropped; the rest is split at
/// commas and at the words `and` (any case) and `&` (an Oxford comma's `and` too), trimmed of
/// white space and stray punctuation, with empty parts and repeats dropped. A part that is an
/// outlet or a role (see [`is_affiliation`]) names no one of its own and is dropped, unless the
/// by-line names no one else, when the first such is kept as the only credit; a name's
/// suffix set off by a comma stays with the name. `By SCOTT BAUER, AP` → `["SCOTT BAUER"]`,
/// `Stateline, Editorial Partner` → `["Stateline"]`, `Ann, Bo, and Cy` → `["Ann", "Bo", "Cy"]`,
/// `Reuters` → `["Reuters"]`.
pub fn split_authors(byline: &str) -> Vec<String> {
    let byline = byline.trim_start();
    let byline = match byline.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &byline[3..],
        _ => byline,
    };
    let mut out: Vec<String> = Vec::new();
    // The first outlet or role, kept when the by-line names no one else.
    let mut credit: Option<String> = None;
    for part in byline.split(',') {
        let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let part = part.trim_matches(|c: char| {
            c.is_ascii_punctuation() && !matches!(c, '.' | '\'' | '(' | ')')
        });
        if part.is_empty() {
            continue;
        }
        if NAME_SUFFIXES.contains(&part.to_lowercase().as_str()) {
            if let Some(name) = out.last_mut() {
                name.push(' ');
                name.push_str(part);
            }
            continue;
        }
        if is_affiliation(part) {
            credit.get_or_insert_with(|| part.to_string());
            continue;
        }
        let words: Vec<&str> = part.split(' ').collect();
        for name in words.split(|w| w.eq_ignore_ascii_case("and") || *w == "&") {
            let name = name.join(" ");
            if is_affiliation(&name) {
                // `Hilary Hanson and AP`.
                credit.get_or_insert(name);
            } else if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    if out.is_empty() {
        out.extend(credit);
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
            split_authors("Jane Doe and John Roe, Reuters"),
            ["Jane Doe", "John Roe"]
        );
        assert!(split_authors("").is_empty());
        assert!(split_authors(" , and ").is_empty());
        assert_eq!(split_authors("Ann, Ann"), ["Ann"]);
        assert_eq!(split_authors("Ann, Bo, and Cy"), ["Ann", "Bo", "Cy"]);
        assert_eq!(split_authors("Ed and Jo"), ["Ed", "Jo"]);
    }

    #[test]
    fn bylines_credit_people_not_agencies_or_roles() {
        let cases: &[(&str, &[&str])] = &[
            ("Carla K. Johnson, AP", &["Carla K. Johnson"]),
            ("By SCOTT BAUER, AP", &["SCOTT BAUER"]),
            ("by KELVIN CHAN, AP", &["KELVIN CHAN"]),
            (
                "Byron Kaye and Colin Packham, Reuters",
                &["Byron Kaye", "Colin Packham"],
            ),
            (
                "By Colleen Long, Michael Balsamo and Ashraf Khalil, AP",
                &["Colleen Long", "Michael Balsamo", "Ashraf Khalil"],
            ),
            (
                "By SUSAN MONTOYA BRYAN and MARCIA DUNN, Associated Press",
                &["SUSAN MONTOYA BRYAN", "MARCIA DUNN"],
            ),
            ("Stateline, Editorial Partner", &["Stateline"]),
            (
                "By Eve Fairbanks, On Assignment For HuffPost",
                &["Eve Fairbanks"],
            ),
            ("By Zi-Ann Lum, HuffPost Canada", &["Zi-Ann Lum"]),
            (
                "Kevin McGill, Jay Reeves, The Associated Press",
                &["Kevin McGill", "Jay Reeves"],
            ),
            (
                "Emma Lord, Samantha Wieder, BuzzFeed Shopping",
                &["Emma Lord", "Samantha Wieder"],
            ),
            ("Jane Doe, Yahoo Entertainment", &["Jane Doe"]),
            ("Jane Doe, Reuters/Variety", &["Jane Doe"]),
            ("Jane Doe, Variety via Reuters", &["Jane Doe"]),
            ("Jane Doe, Personal Guest Writer", &["Jane Doe"]),
            ("Jane Doe, Senior Reporter", &["Jane Doe"]),
            ("Jane Doe, Contributor", &["Jane Doe"]),
            ("Jane Doe, Staff", &["Jane Doe"]),
            ("Jane Doe, AFP", &["Jane Doe"]),
            ("Jane Doe, Bloomberg", &["Jane Doe"]),
            ("Marilynn Marchione, AP`", &["Marilynn Marchione"]),
            ("Jessica Luther,", &["Jessica Luther"]),
            ("Jonathan Landrum, Jr., AP", &["Jonathan Landrum Jr."]),
            ("Jonathan Landrum Jr., AP", &["Jonathan Landrum Jr."]),
            (
                "Mary Clare Jalonick, Laurie Kellman And Zeke Miller, AP",
                &["Mary Clare Jalonick", "Laurie Kellman", "Zeke Miller"],
            ),
            (
                "Sankalp Phartiyal & Aditya Kalra, Reuters",
                &["Sankalp Phartiyal", "Aditya Kalra"],
            ),
            ("Hilary Hanson and AP, AP", &["Hilary Hanson"]),
            // A by-line that names no one else keeps its credit.
            ("Reuters", &["Reuters"]),
            ("Associated Press, AP", &["Associated Press"]),
            ("HuffPost Editors", &["HuffPost Editors"]),
            // A name that only looks like a role word is a name.
            ("Jane Writer, AP", &["Jane Writer"]),
        ];
        for (byline, authors) in cases {
            assert_eq!(split_authors(byline), *authors, "{byline}");
        }
    }
}
