//! A large archive as a small manifest plus time-ordered shards, each an ordinary article set.
//!
//! Any static host can serve one: the widget fetches `manifest.json` first, learns the totals,
//! the categories and where each shard is, and then reads the shards newest first with the usual
//! loader, so the first cards show as soon as the first (small) shard has arrived. The layout is
//! written down for publishers in `docs/ARCHIVE.md`.
//!
//! ```json
//! {"gazette_archive": 1, "title": "…", "total": 200000,
//!  "categories": [{"name": "Politics", "count": 35000}],
//!  "shards": [{"url": "shards/0000.json", "count": 2000, "bytes": 812345,
//!              "newest": "2022-09-23T00:00:00Z", "oldest": "2022-08-30T00:00:00Z",
//!              "categories": [{"name": "Politics", "count": 350}]}]}
//! ```
//!
//! Shards are newest first and do not overlap in time; their sizes grow geometrically
//! ([`plan_shards`]). The widget only reads: [`is_manifest`] and [`parse_manifest`]. The writer
//! ([`write_archive`], [`article_set_json`]) is behind the cargo feature `write`, so it is not
//! compiled into the widget.

use crate::date::{parse_date, Timestamp};
use crate::filter::CategoryCount;
use crate::text::caseless;
use crate::url::is_http_url;
use crate::wire::Field;
use serde::Deserialize;

#[cfg(any(feature = "write", test))]
pub use writer::{article_set_json, write_archive};

/// The version of the archive layout this core reads and writes (the manifest's
/// `gazette_archive`).
pub const ARCHIVE_VERSION: u32 = 1;

/// An archive's manifest: facts about the whole archive and where its shards are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// The archive's title.
    pub title: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// The site it belongs to (http(s) only; another address is dropped).
    pub home_page_url: Option<String>,
    /// Its language (BCP 47).
    pub language: Option<String>,
    /// How many stories the whole archive holds (the sum of the shards' counts when the
    /// manifest does not say).
    pub total: usize,
    /// Stories per category over the whole archive, most first.
    pub categories: Vec<CategoryCount>,
    /// The shards, newest first.
    pub shards: Vec<ShardInfo>,
}

/// One shard of an archive: an article set holding the stories of one stretch of time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardInfo {
    /// Where it is: relative to the manifest's address, or an absolute http(s) address.
    pub url: String,
    /// How many stories it holds.
    pub count: usize,
    /// Its size in bytes (0 when the manifest does not say).
    pub bytes: usize,
    /// The date of its newest story.
    pub newest: Timestamp,
    /// The date of its oldest story ([`Timestamp::UNDATED`] when it holds undated stories).
    pub oldest: Timestamp,
    /// Stories per category in this shard, most first.
    pub categories: Vec<CategoryCount>,
}

/// True when the first bytes of a document (a few hundred are enough) look like an archive
/// manifest: a JSON object whose text has the key `"gazette_archive"` before any `"articles"` or
/// `"items"`. A cheap sniff that never fails; [`parse_manifest`] does the checking.
pub fn is_manifest(first_bytes: &[u8]) -> bool {
    let b = first_bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    if b.get(start) != Some(&b'{') {
        return false;
    }
    // The first of the three keys decides. A quote after a backslash is inside a string.
    let keys: [(&[u8], bool); 3] = [
        (b"\"gazette_archive\"", true),
        (b"\"articles\"", false),
        (b"\"items\"", false),
    ];
    for i in start..b.len() {
        if b[i] != b'"' || b[i - 1] == b'\\' {
            continue;
        }
        for (key, is_archive) in keys {
            let is_key = b[i..].starts_with(key)
                && b[i + key.len()..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_some_and(|&c| c == b':');
            if is_key {
                return is_archive;
            }
        }
    }
    false
}

/// The version of the layout, read before anything else.
#[derive(Deserialize)]
struct Version {
    gazette_archive: Option<u64>,
}

/// A manifest as it arrives. Fields of the wrong type in the facts are ignored; numbers must be
/// numbers.
#[derive(Deserialize)]
struct WireManifest {
    #[serde(default)]
    title: Field<String>,
    #[serde(default)]
    description: Field<String>,
    #[serde(default)]
    home_page_url: Field<String>,
    #[serde(default)]
    language: Field<String>,
    total: Option<usize>,
    #[serde(default)]
    categories: Option<Vec<WireCount>>,
    shards: Option<Vec<WireShard>>,
}

#[derive(Deserialize)]
struct WireShard {
    #[serde(default)]
    url: Field<String>,
    count: Option<usize>,
    bytes: Option<usize>,
    #[serde(default)]
    newest: Field<String>,
    #[serde(default)]
    oldest: Field<String>,
    #[serde(default)]
    categories: Option<Vec<WireCount>>,
}

#[derive(Deserialize)]
struct WireCount {
    #[serde(default)]
    name: Field<String>,
    count: Option<usize>,
}

/// The entries of a category list that have a name and a count.
fn counts(list: Option<Vec<WireCount>>) -> Vec<CategoryCount> {
    list.unwrap_or_default()
        .into_iter()
        .filter_map(|c| {
            let name = crate::text::collapse_owned(c.name.value()?);
            let count = c.count?;
            (!name.is_empty()).then_some(CategoryCount { name, count })
        })
        .collect()
}

fn text(f: Field<String>) -> Option<String> {
    f.value()
        .map(crate::text::collapse_owned)
        .filter(|s| !s.is_empty())
}

/// True for an address a shard may have: an absolute http(s) one, or a relative one (no scheme,
/// not scheme-relative, no white space or control characters).
fn usable_shard_url(u: &str) -> bool {
    if u.is_empty() || u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if is_http_url(u) {
        return true;
    }
    let before_path = u.split(['/', '?', '#']).next().unwrap_or(u);
    !before_path.contains(':') && !u.starts_with("//")
}

/// Reads an archive manifest. Unknown keys are ignored, and so are facts (`title`, …) of the wrong
/// type; an error names what makes the manifest unusable: not JSON, no or a newer
/// `gazette_archive` version, no `shards` list, or a shard (by its place and address) with a
/// missing or unusable `url`, `count`, `newest` or `oldest`, or dates out of order; shards
/// must be newest first and apart in time (a shard's `newest` earlier than the `oldest` of the
/// one before). The version is read first, so a newer layout is named as such.
pub fn parse_manifest(text_in: &str) -> Result<Manifest, String> {
    let text_in = text_in.strip_prefix('\u{FEFF}').unwrap_or(text_in);
    let invalid = |e: serde_json::Error| format!("The archive manifest is not valid: {e}.");
    // Read as bytes, as the loader reads stories: one JSON reader in the widget, not two.
    let bytes = text_in.as_bytes();
    // The version first: a newer layout may differ in everything else.
    let version: Version = serde_json::from_slice(bytes).map_err(invalid)?;
    match version.gazette_archive {
        None => {
            return Err(
                "The document is not a Gazette archive manifest: it has no “gazette_archive” version."
                    .into(),
            )
        }
        Some(v) if v > u64::from(ARCHIVE_VERSION) => {
            return Err(format!(
                "The archive manifest is of version {v} of the archive layout; this Gazette reads version {ARCHIVE_VERSION}. A newer Gazette is needed."
            ))
        }
        Some(0) => {
            return Err("The archive manifest's “gazette_archive” version is 0, which does not exist.".into())
        }
        Some(_) => {}
    }
    let wire: WireManifest = serde_json::from_slice(bytes).map_err(invalid)?;
    let wire_shards = wire
        .shards
        .ok_or("The archive manifest has no “shards” list.")?;
    let mut shards: Vec<ShardInfo> = Vec::with_capacity(wire_shards.len());
    for (i, s) in wire_shards.into_iter().enumerate() {
        let n = i + 1;
        let url = match s.url {
            Field::Value(u) => u.trim().to_string(),
            Field::Missing => return Err(format!("Shard {n} of the archive has no “url”.")),
            Field::Wrong(k) => {
                return Err(format!(
                    "Shard {n} of the archive: its “url” is {k}, not text."
                ))
            }
        };
        let name = format!(
            "Shard {n} of the archive (“{}”)",
            crate::text::excerpt(&url, 80)
        );
        if !usable_shard_url(&url) {
            return Err(format!(
                "{name}: its address is neither relative nor an http(s) address."
            ));
        }
        let count = s.count.ok_or_else(|| format!("{name} has no “count”."))?;
        let date = |field: &str, f: Field<String>| -> Result<Timestamp, String> {
            match f {
                Field::Value(d) => parse_date(&d)
                    .map(|(t, _)| t)
                    .map_err(|e| format!("{name}: its “{field}” is not a date ({e}).")),
                Field::Missing => Err(format!("{name} has no “{field}” date.")),
                Field::Wrong(k) => Err(format!("{name}: its “{field}” is {k}, not a date.")),
            }
        };
        let newest = date("newest", s.newest)?;
        let oldest = date("oldest", s.oldest)?;
        if oldest > newest {
            return Err(format!("{name}: its “oldest” date is after its “newest”."));
        }
        if let Some(prev) = shards.last() {
            if newest >= prev.oldest {
                return Err(format!(
                    "{name} overlaps the shard before it: shards must be newest first and not overlap in time."
                ));
            }
        }
        shards.push(ShardInfo {
            url,
            count,
            bytes: s.bytes.unwrap_or(0),
            newest,
            oldest,
            categories: counts(s.categories),
        });
    }
    let total = wire
        .total
        .unwrap_or_else(|| shards.iter().map(|s| s.count).sum());
    Ok(Manifest {
        title: text(wire.title),
        description: text(wire.description),
        home_page_url: text(wire.home_page_url).filter(|u| is_http_url(u)),
        language: text(wire.language),
        total,
        categories: counts(wire.categories),
        shards,
    })
}

/// Stories per category over the whole archive, summed from its shards' counts, most first
/// (then by name, as a catalog orders its categories); names that differ only in case are one,
/// written as first given, as in a catalog. `None` when a shard does not give its counts (they
/// are optional).
pub fn whole_counts(shards: &[ShardInfo]) -> Option<Vec<CategoryCount>> {
    if shards.iter().any(|s| s.categories.is_empty()) {
        return None;
    }
    // Each name as first written with its stories, and its caseless form ([`caseless`]).
    let mut sums: Vec<(&str, usize)> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for c in shards.iter().flat_map(|s| &s.categories) {
        let key = caseless(&c.name);
        match keys.iter().position(|k| *k == key) {
            Some(i) => sums[i].1 += c.count,
            None => {
                sums.push((&c.name, c.count));
                keys.push(key);
            }
        }
    }
    let order = crate::order::most_first(&sums);
    Some(
        order
            .into_iter()
            .map(|i| CategoryCount {
                name: sums[i].0.to_string(),
                count: sums[i].1,
            })
            .collect(),
    )
}

/// The sizes of the shards for `count` stories: the first holds `first` (at least 1), each next
/// one `growth` times the one before (at least 1 times), the last whatever is left. With the
/// defaults (2,000 and 2), 200,000 stories make shards of 2k, 4k, 8k, 16k, 32k, 64k and 74k.
pub fn plan_shards(count: usize, first: usize, growth: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = count;
    let mut size = first.max(1);
    while left > 0 {
        let take = size.min(left);
        sizes.push(take);
        left -= take;
        size = size.saturating_mul(growth.max(1));
    }
    sizes
}

#[cfg(any(feature = "write", test))]
mod writer {
    //! Writing archives and article sets (feature `write`).

    use super::{plan_shards, ARCHIVE_VERSION};
    use crate::model::{Article, FeedMeta};
    use serde::Serialize;
    use std::borrow::Cow;
    use std::collections::HashMap;

    /// The facts at the top of an article set or a manifest.
    #[derive(Serialize)]
    struct Facts<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        home_page_url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<&'a str>,
    }

    impl<'a> Facts<'a> {
        fn of(meta: &'a FeedMeta) -> Self {
            Facts {
                title: meta.title.as_deref(),
                description: meta.description.as_deref(),
                home_page_url: meta.home_page_url.as_deref(),
                language: meta.language.as_deref(),
            }
        }
    }

    #[derive(Serialize)]
    struct Story<'a> {
        id: &'a str,
        title: Cow<'a, str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        external_url: Option<&'a str>,
        category: &'a str,
        published: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        summary: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        content_text: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        content_html: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        image: Option<Picture<'a>>,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        authors: &'a [String],
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        tags: &'a [String],
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Picture<'a> {
        url: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        alt: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        credit: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Count<'a> {
        name: &'a str,
        count: usize,
    }

    #[derive(Serialize)]
    struct Shard<'a> {
        url: &'a str,
        count: usize,
        bytes: usize,
        newest: String,
        oldest: String,
        categories: Vec<Count<'a>>,
    }

    /// The manifest without its shards, which are written one per line after it.
    #[derive(Serialize)]
    struct ManifestHead<'a> {
        gazette_archive: u32,
        #[serde(flatten)]
        facts: Facts<'a>,
        total: usize,
        categories: Vec<Count<'a>>,
    }

    /// Headlines and summaries are read as text that may hold entities and markup (feeds put
    /// them there), so `&`, `<` and `>` are written as entities to come back as written.
    fn escaped(s: &str) -> Cow<'_, str> {
        if !s.contains(['&', '<', '>']) {
            return Cow::Borrowed(s);
        }
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        Cow::Owned(out)
    }

    fn story(a: &Article) -> Story<'_> {
        Story {
            id: &a.id,
            title: escaped(&a.title),
            url: a.url.as_deref(),
            external_url: a.external_url.as_deref(),
            category: &a.category,
            published: a.published.to_rfc3339(),
            summary: a.summary.as_deref().map(escaped),
            content_text: a.content_text.as_deref(),
            content_html: a.content_html.as_deref(),
            image: a.image.as_ref().map(|i| Picture {
                url: &i.url,
                alt: &i.alt,
                credit: i.credit.as_deref(),
            }),
            authors: &a.authors,
            tags: &a.tags,
            language: a.language.as_deref(),
        }
    }

    /// One Gazette article set holding `articles` (in the order given) and the facts of `meta`,
    /// one story per line. Loading it with [`crate::load_document`] gives back equal
    /// [`Article`]s, with two consequences of the format's own rules: a story with no language
    /// of its own reads back with the set's (`meta.language`), and a story with no summary but a
    /// body reads back with the start of its body as its summary (stories read by the loader
    /// never have that shape). Undated stories are written with the stand-in date
    /// `0001-01-01T00:00:00Z`, which reads back as [`crate::Timestamp::UNDATED`].
    pub fn article_set_json(articles: &[Article], meta: &FeedMeta) -> String {
        // `{"title":…}` becomes `{"title":…,"articles":[…]}`.
        let head = serde_json::to_string(&Facts::of(meta)).unwrap_or_else(|_| "{}".into());
        let mut out = Vec::with_capacity(64 + articles.len() * 600);
        out.extend_from_slice(head.trim_end_matches('}').as_bytes());
        if head.len() > 2 {
            out.push(b',');
        }
        out.extend_from_slice(b"\"articles\":[");
        for (i, a) in articles.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            // Writing plain strings into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut out, &story(a));
        }
        out.extend_from_slice(b"\n]}\n");
        // serde_json writes UTF-8 only.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Categories by story count, most first (then by name).
    fn tally<'a>(articles: &'a [Article]) -> Vec<Count<'a>> {
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for a in articles {
            *by_name.entry(a.category.as_str()).or_default() += 1;
        }
        let mut list: Vec<Count<'a>> = by_name
            .into_iter()
            .map(|(name, count)| Count { name, count })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(b.name)));
        list
    }

    /// An archive of `articles`: the manifest (JSON) and the shards as (address relative to the
    /// manifest, article set JSON), newest first. The stories are sorted newest first here
    /// (stable: equal dates keep their order; undated stories last). Shard sizes follow
    /// [`plan_shards`]`(n, first, growth)`, except that stories of the same date never straddle
    /// two shards: a shard grows past its planned end to take them all, and the next shards
    /// keep to the planned boundaries after it. No I/O: the caller writes the files.
    pub fn write_archive(
        mut articles: Vec<Article>,
        meta: &FeedMeta,
        first: usize,
        growth: usize,
    ) -> (String, Vec<(String, String)>) {
        articles.sort_by_key(|a| std::cmp::Reverse(a.published));
        let n = articles.len();
        let mut ranges = Vec::new();
        let (mut start, mut planned) = (0, 0);
        for size in plan_shards(n, first, growth) {
            planned += size;
            if planned <= start {
                continue;
            }
            let mut end = planned;
            while end < n && articles[end].published == articles[end - 1].published {
                end += 1;
            }
            ranges.push(start..end);
            start = end;
        }
        let mut files = Vec::with_capacity(ranges.len());
        let mut shards = Vec::with_capacity(ranges.len());
        for (i, r) in ranges.into_iter().enumerate() {
            let part = &articles[r];
            let json = article_set_json(part, meta);
            shards.push((part, json.len()));
            files.push((format!("shards/{i:04}.json"), json));
        }
        let shards: Vec<Shard<'_>> = shards
            .into_iter()
            .zip(&files)
            .map(|((part, bytes), (url, _))| Shard {
                url,
                count: part.len(),
                bytes,
                newest: part[0].published.to_rfc3339(),
                oldest: part[part.len() - 1].published.to_rfc3339(),
                categories: tally(part),
            })
            .collect();
        let head = ManifestHead {
            gazette_archive: ARCHIVE_VERSION,
            facts: Facts::of(meta),
            total: n,
            categories: tally(&articles),
        };
        // `{…,"categories":[…]}` becomes `{…,"categories":[…],"shards":[` + a shard per line.
        let head = serde_json::to_string(&head).unwrap_or_default();
        let mut text = head.trim_end_matches('}').to_string();
        text.push_str(",\"shards\":[");
        for (i, shard) in shards.iter().enumerate() {
            text.push_str(if i == 0 { "\n" } else { ",\n" });
            text.push_str(&serde_json::to_string(shard).unwrap_or_default());
        }
        text.push_str("\n]}\n");
        (text, files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_document;
    use crate::model::{Article, FeedMeta, Image};
    use proptest::prelude::*;

    fn story(id: &str, t: Timestamp, category: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Story {id}"),
            url: Some(format!("https://news.example/{id}")),
            external_url: None,
            category: category.into(),
            published: t,
            summary: Some(format!("What happened in {id}.")),
            content_text: None,
            content_html: None,
            image: None,
            authors: vec![],
            tags: vec![],
            language: None,
        }
    }

    fn meta() -> FeedMeta {
        FeedMeta {
            title: Some("Harbour Gazette".into()),
            description: Some("Local news & more".into()),
            home_page_url: Some("https://harbour.example/".into()),
            language: None,
        }
    }

    #[test]
    fn whole_counts_sum_the_shards_most_first_then_by_name() {
        let shard = |counts: &[(&str, usize)]| ShardInfo {
            url: "s.json".into(),
            count: 0,
            bytes: 0,
            newest: Timestamp(0),
            oldest: Timestamp(0),
            categories: counts
                .iter()
                .map(|&(name, count)| CategoryCount {
                    name: name.into(),
                    count,
                })
                .collect(),
        };
        let shards = [
            shard(&[("Sport", 2), ("Politics", 1)]),
            // ("POLITICS" is Politics, as in a catalog.)
            shard(&[
                ("Politics", 2),
                ("Arts", 2),
                ("Culture", 4),
                ("POLITICS", 1),
            ]),
        ];
        let whole: Vec<(String, usize)> = whole_counts(&shards)
            .unwrap()
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect();
        assert_eq!(
            whole,
            [
                ("Culture".to_string(), 4),
                ("Politics".into(), 4),
                ("Arts".into(), 2),
                ("Sport".into(), 2)
            ]
        );
        // A shard without its counts: the whole is not known.
        assert_eq!(whole_counts(&[shards[0].clone(), shard(&[])]), None);
    }

    #[test]
    fn plans_grow_geometrically_and_cover_every_story() {
        assert_eq!(
            plan_shards(200_000, 2_000, 2),
            [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 74_000]
        );
        assert_eq!(plan_shards(0, 2_000, 2), Vec::<usize>::new());
        assert_eq!(plan_shards(1_500, 2_000, 2), [1_500]);
        assert_eq!(plan_shards(10, 3, 1), [3, 3, 3, 1]);
        // Nonsense parameters still give a plan.
        assert_eq!(plan_shards(3, 0, 0), [1, 1, 1]);
        assert_eq!(plan_shards(7, usize::MAX, usize::MAX), [7]);
        assert_eq!(plan_shards(5, 2, usize::MAX), [2, 3]);
    }

    #[test]
    fn a_manifest_is_sniffed_from_its_first_bytes() {
        assert!(is_manifest(b"{\"gazette_archive\": 1, \"shards\": []}"));
        assert!(is_manifest(
            b"\xEF\xBB\xBF\n  {\n  \"title\": \"x\",\n  \"gazette_archive\" :1"
        ));
        // Cut short: the key is there, the rest is not.
        assert!(is_manifest(b"{\"gazette_archive\": "));
        assert!(!is_manifest(b""));
        assert!(!is_manifest(b"\xFF\xFE<"));
        assert!(!is_manifest(b"[{\"gazette_archive\": 1}]"));
        assert!(!is_manifest(b"{\"articles\": [], \"gazette_archive\": 1}"));
        assert!(!is_manifest(b"{\"items\": [{\"gazette_archive\": 1}]}"));
        // Only as a key, not inside text.
        assert!(!is_manifest(
            b"{\"title\": \"the \\\"gazette_archive\\\": key\", \"articles\": []}"
        ));
        assert!(!is_manifest(
            b"{\"title\": \"gazette_archive\", \"articles\": []}"
        ));
        assert!(!is_manifest(b"<rss version=\"2.0\">"));
    }

    const GOOD: &str = r#"{"gazette_archive": 1, "title": " Harbour  Gazette ", "language": "en",
        "home_page_url": "javascript:alert(1)", "future": {"x": [1, 2]},
        "total": 3, "categories": [{"name": "Politics", "count": 2}, {"name": ["x"], "count": 1}, {"count": 1}, {"name": "Sport"}, {"name": 7, "count": 1}],
        "shards": [
          {"url": "shards/0000.json", "count": 2, "bytes": 100,
           "newest": "2022-09-23T00:00:00Z", "oldest": "2022-09-22T00:00:00Z",
           "categories": [{"name": "Politics", "count": 2}]},
          {"url": "https://cdn.example/a/0001.json", "count": 1,
           "newest": "2022-09-21", "oldest": "0001-01-01T00:00:00Z"}
        ]}"#;

    #[test]
    fn a_manifest_is_read_leniently() {
        let m = parse_manifest(GOOD).unwrap();
        assert_eq!(m.title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(m.home_page_url, None);
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.total, 3);
        // Entries without a name or a count are dropped; numbers are read as text.
        let categories: Vec<(&str, usize)> = m
            .categories
            .iter()
            .map(|c| (c.name.as_str(), c.count))
            .collect();
        assert_eq!(categories, [("Politics", 2), ("7", 1)]);
        assert_eq!(m.shards.len(), 2);
        assert_eq!(m.shards[0].bytes, 100);
        assert_eq!(m.shards[0].newest.to_rfc3339(), "2022-09-23T00:00:00Z");
        assert_eq!(m.shards[1].bytes, 0);
        assert_eq!(m.shards[1].oldest, Timestamp::UNDATED);
        assert!(m.shards[1].categories.is_empty());
        // No total: the shards' sum.
        let m = parse_manifest(&GOOD.replace("\"total\": 3,", "")).unwrap();
        assert_eq!(m.total, 3);
    }

    #[test]
    fn an_unusable_manifest_is_an_error_that_says_why() {
        let err = |text: &str| parse_manifest(text).unwrap_err();
        assert!(err("{").contains("not valid"));
        assert!(err(r#"{"shards": []}"#).contains("no “gazette_archive”"));
        let newer = err(r#"{"gazette_archive": 2, "shards": []}"#);
        assert!(
            newer.contains("version 2") && newer.contains("reads version 1"),
            "{newer}"
        );
        // A newer layout is named as such even when the rest would not be read.
        let newer = err(r#"{"gazette_archive": 3, "shards": {"by-year": []}, "total": "many"}"#);
        assert!(newer.contains("version 3"), "{newer}");
        assert!(err(r#"{"gazette_archive": 1}"#).contains("no “shards”"));
        let e = err(&GOOD.replace("shards/0000.json", "javascript:alert(1)"));
        assert!(
            e.contains("Shard 1") && e.contains("javascript:alert(1)"),
            "{e}"
        );
        assert!(err(&GOOD.replace("shards/0000.json", "//cdn.example/x")).contains("Shard 1"));
        assert!(err(&GOOD.replace("shards/0000.json", "a b.json")).contains("Shard 1"));
        let e = err(&GOOD.replace("\"2022-09-21\"", "\"last tuesday\""));
        assert!(
            e.contains("Shard 2") && e.contains("0001.json") && e.contains("“newest”"),
            "{e}"
        );
        let e = err(&GOOD.replace("\"url\": \"shards/0000.json\",", ""));
        assert!(e.contains("Shard 1 of the archive has no “url”"), "{e}");
        let e = err(&GOOD.replace("\"2022-09-21\"", "\"2022-09-24\""));
        assert!(e.contains("overlaps"), "{e}");
        // A date on both sides of a boundary is an overlap too.
        let e = err(&GOOD.replace("2022-09-21", "2022-09-22T00:00:00Z"));
        assert!(e.contains("Shard 2") && e.contains("overlaps"), "{e}");
        let e = err(&GOOD.replace("\"count\": 1,", ""));
        assert!(e.contains("no “count”"), "{e}");
        assert!(err(&GOOD.replace("\"count\": 1,", "\"count\": \"one\",")).contains("not valid"));
    }

    #[test]
    fn an_empty_archive_is_a_manifest_without_shards() {
        let (manifest, shards) = write_archive(vec![], &FeedMeta::default(), 2, 2);
        assert!(shards.is_empty());
        assert!(is_manifest(manifest.as_bytes()));
        let m = parse_manifest(&manifest).unwrap();
        assert_eq!((m.total, m.shards.len(), m.title), (0, 0, None));
    }

    #[test]
    fn an_article_set_round_trips_every_field() {
        let mut rich = story("rich", Timestamp(1_700_000_000), "Science & Tech");
        rich.title = "AT&T says <script> & &amp; are fine </p> <br>".into();
        rich.summary = Some("Less &lt; more > less; x/> y".into());
        rich.content_text = Some("First paragraph.\n\n## A section\n\nSecond.".into());
        rich.content_html = Some("<p>First <b>bold</b> &amp; <a href=\"x\">link</a></p>".into());
        rich.image = Some(Image {
            url: "https://img.example/a.jpg".into(),
            alt: "A tower at dusk".into(),
            credit: Some("Photo by A. Reader".into()),
        });
        rich.authors = vec!["Maëlle Quist".into(), "J. Doe".into()];
        rich.tags = vec!["heritage".into(), "news".into()];
        rich.language = Some("fr-CA".into());
        rich.external_url = Some("https://elsewhere.example/the-paper".into());
        let mut bare = story("bare", Timestamp(1_600_000_000), "Other");
        bare.url = None;
        bare.summary = None;
        bare.image = Some(Image {
            url: "https://img.example/b.png".into(),
            alt: String::new(),
            credit: None,
        });
        let mut undated = story("undated", Timestamp::UNDATED, "News");
        undated.title = "中文标题 “quoted” \\ back slash".into();
        let articles = vec![rich, bare, undated];
        let json = article_set_json(&articles, &meta());
        let loaded = load_document(&json, None).unwrap();
        assert_eq!(loaded.articles, articles);
        assert_eq!(loaded.meta, meta());
        assert!(loaded.report.skipped.is_empty(), "{:?}", loaded.report);
        // Only the story without a link is noted (its headline is not a link).
        let repaired: Vec<_> = loaded
            .report
            .repaired
            .iter()
            .map(|p| p.label.as_deref())
            .collect();
        assert_eq!(repaired, [Some("bare")]);
        assert!(json.contains("\"published\":\"0001-01-01T00:00:00Z\""));
        assert!(!is_manifest(json.as_bytes()));

        // A story with no language of its own takes the set's, by the format's rule.
        let with_language = FeedMeta {
            language: Some("en".into()),
            ..meta()
        };
        let loaded = load_document(&article_set_json(&articles, &with_language), None).unwrap();
        assert_eq!(loaded.articles[0].language.as_deref(), Some("fr-CA"));
        assert_eq!(loaded.articles[1].language.as_deref(), Some("en"));
        // No facts at all.
        let loaded = load_document(&article_set_json(&articles, &FeedMeta::default()), None);
        assert_eq!(loaded.unwrap().articles, articles);
    }

    #[test]
    fn stories_of_one_date_stay_in_one_shard_and_undated_ones_go_last() {
        let day = |d: i64| Timestamp(d * 86_400);
        let mut articles = vec![story("u1", Timestamp::UNDATED, "B")];
        for i in 0..5 {
            articles.push(story(&format!("a{i}"), day(10), "A"));
        }
        articles.push(story("b", day(9), "B"));
        articles.push(story("c", day(8), "A"));
        articles.push(story("u2", Timestamp::UNDATED, "B"));
        let (manifest, files) = write_archive(articles, &meta(), 2, 2);
        let m = parse_manifest(&manifest).unwrap();
        let counts: Vec<usize> = m.shards.iter().map(|s| s.count).collect();
        // Planned 2, 4, 3: the five of day 10 stay together; the planned end at 6 still holds.
        assert_eq!(counts, [5, 1, 3]);
        assert_eq!(files[0].0, "shards/0000.json");
        assert_eq!(m.shards[2].oldest, Timestamp::UNDATED);
        assert_eq!(m.shards[2].newest, day(8));
        assert_eq!(
            m.categories
                .iter()
                .map(|c| (c.name.as_str(), c.count))
                .collect::<Vec<_>>(),
            [("A", 6), ("B", 3)]
        );
        let last = load_document(&files[2].1, None).unwrap();
        let ids: Vec<&str> = last.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "u1", "u2"]);
        assert_eq!(m.shards[2].bytes, files[2].1.len());
    }

    fn arb_text(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!("[a-zA-Z0-9&<>;/é中 \"\\\\#]{{1,{max}}}"))
            .expect("a valid pattern")
            .prop_map(|s| crate::text::collapse_whitespace(&s))
            .prop_filter("not empty", |s| !s.is_empty())
    }

    fn arb_article() -> impl Strategy<Value = Article> {
        (
            arb_text(60),
            prop_oneof![Just("Politics"), Just("Sport & Leisure"), Just("Other")],
            prop_oneof![
                3 => (0i64..6).prop_map(|d| Timestamp(1_600_000_000 + d * 3_600)),
                1 => Just(Timestamp::UNDATED),
            ],
            proptest::option::of(arb_text(120)),
            proptest::option::of(arb_text(20)),
            any::<bool>(),
            proptest::collection::vec("[a-z]{1,8}", 0..3),
        )
            .prop_map(
                |(title, category, published, summary, credit, html, tags)| {
                    let mut tags_out: Vec<String> = Vec::new();
                    for t in tags {
                        if !tags_out.contains(&t) {
                            tags_out.push(t);
                        }
                    }
                    Article {
                        id: String::new(),
                        title,
                        url: None,
                        external_url: None,
                        category: category.into(),
                        published,
                        content_html: (html && summary.is_some())
                            .then(|| "<p>Body <i>text</i></p>".into()),
                        summary,
                        content_text: None,
                        image: credit.map(|c| Image {
                            url: "https://img.example/p.jpg".into(),
                            alt: String::new(),
                            credit: Some(c),
                        }),
                        authors: vec![],
                        tags: tags_out,
                        language: Some("en".into()),
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]

        #[test]
        fn sniffing_and_parsing_never_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            text in "[{}\\[\\]\":,0-9a-z_ \\\\]{0,200}",
        ) {
            let _ = is_manifest(&bytes);
            let _ = is_manifest(text.as_bytes());
            let _ = parse_manifest(&text);
            let _ = parse_manifest(&String::from_utf8_lossy(&bytes));
            let keyed = format!("{{\"gazette_archive\": 1, {text}");
            let _ = is_manifest(keyed.as_bytes());
            let _ = parse_manifest(&keyed);
        }

        #[test]
        fn an_archive_reads_back_as_its_stories(
            mut stories in proptest::collection::vec(arb_article(), 0..40),
            first in 1usize..6,
            growth in 1usize..4,
        ) {
            for (i, a) in stories.iter_mut().enumerate() {
                a.id = format!("s{i}");
                if i % 3 == 0 {
                    a.url = Some(format!("https://news.example/{i}?a=b&c=d"));
                }
            }
            let (manifest, files) = write_archive(stories.clone(), &meta(), first, growth);
            prop_assert!(is_manifest(manifest.as_bytes()));
            let m = parse_manifest(&manifest).map_err(TestCaseError::fail)?;
            prop_assert_eq!(m.total, stories.len());
            prop_assert_eq!(m.shards.len(), files.len());
            prop_assert_eq!(m.shards.iter().map(|s| s.count).sum::<usize>(), stories.len());
            prop_assert!(m.shards.len() <= plan_shards(stories.len(), first, growth).len());
            let mut union = Vec::new();
            for (i, (info, (url, json))) in m.shards.iter().zip(&files).enumerate() {
                prop_assert_eq!(&info.url, url);
                prop_assert_eq!(info.bytes, json.len());
                let l = load_document(json, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(l.report.skipped.is_empty());
                prop_assert_eq!(l.articles.len(), info.count);
                prop_assert_eq!(l.articles[0].published, info.newest);
                prop_assert_eq!(l.articles[info.count - 1].published, info.oldest);
                prop_assert!(l.articles.windows(2).all(|w| w[0].published >= w[1].published));
                prop_assert_eq!(
                    info.categories.iter().map(|c| c.count).sum::<usize>(),
                    info.count
                );
                if let Some(next) = m.shards.get(i + 1) {
                    prop_assert!(info.oldest > next.newest, "shards overlap");
                }
                union.extend(l.articles);
            }
            // The same stories, in the same order as a stable newest-first sort.
            let mut expected = stories.clone();
            expected.sort_by_key(|a| std::cmp::Reverse(a.published));
            prop_assert_eq!(&union, &expected);
            let single = load_document(&article_set_json(&stories, &meta()), None)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(single.articles, stories);
        }
    }
}
