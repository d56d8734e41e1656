//! Loading: from a document's text to validated articles and a report of what was repaired or
//! left out. The rules are written down for feed authors in `docs/FORMAT.md`; each rule there
//! has a test here.

use crate::date::{parse_date, DateQuality, Timestamp};
use crate::model::{Article, FeedMeta, Format, Image};
use crate::text::{collapse_whitespace, decode_entities, excerpt, html_to_text};
use crate::url::{is_http_url, resolve};
use crate::wire::{self, Field, Item, ItemSlot, Names, Top};
use std::collections::HashSet;
use std::fmt;

/// Largest document accepted, in bytes (512 MiB). Larger ones are refused before parsing, with a
/// message, rather than exhausting the page's memory. About a million typical stories fit.
pub const MAX_DOCUMENT_BYTES: usize = 512 * 1024 * 1024;
/// Headlines longer than this many characters are cut at a word boundary.
pub const MAX_TITLE_CHARS: usize = 300;
/// Summaries longer than this many characters are cut at a word boundary.
pub const MAX_SUMMARY_CHARS: usize = 1_000;
/// A headline made from the start of a story's text has at most this many characters.
const DERIVED_TITLE_CHARS: usize = 90;
/// Category names longer than this are cut.
const MAX_CATEGORY_CHARS: usize = 60;
/// At most this many tags are kept per story.
const MAX_TAGS: usize = 20;
/// The category of a story that names none.
pub const FALLBACK_CATEGORY: &str = "Other";

/// A document that could not be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Nothing but white space.
    Empty,
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON; `line` and `column` are 1-based.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but the top level is not an object.
    NotAnObject { found: &'static str },
    /// An object without an `articles` or `items` list.
    NoArticleList { list_kind: Option<&'static str> },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Empty => f.write_str("The news file is empty."),
            DocumentError::TooLarge { bytes } => write!(
                f,
                "The news file is too large ({} MB; the limit is {} MB).",
                bytes / 1_000_000,
                MAX_DOCUMENT_BYTES / 1_000_000
            ),
            DocumentError::NotJson { line, column, .. } => write!(
                f,
                "The news file is not valid JSON (the error is at line {line}, column {column})."
            ),
            DocumentError::NotAnObject { found } => write!(
                f,
                "The news file holds {found}, not a feed: expected an object with an “articles” or “items” list."
            ),
            DocumentError::NoArticleList { list_kind: None } => f.write_str(
                "The news file is JSON but not a feed: it has no “articles” or “items” list.",
            ),
            DocumentError::NoArticleList { list_kind: Some(k) } => write!(
                f,
                "The news file's list of stories is {k}, not a list."
            ),
        }
    }
}

/// A story that was repaired or left out, for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The story's place in the document, from 1.
    pub position: usize,
    /// Its id or headline when it has one, to find it in the document.
    pub label: Option<String>,
    /// What was wrong and what was done.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "story {}", self.position)?;
        if let Some(l) = &self.label {
            write!(f, " (“{}”)", excerpt(l, 60))?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// How many stories the document held.
    pub total: usize,
    /// Stories left out, with the reason.
    pub skipped: Vec<Problem>,
    /// Stories shown after a repair, with what was repaired.
    pub repaired: Vec<Problem>,
}

/// A usable document.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The format it was read as.
    pub format: Format,
    /// Facts about the feed.
    pub meta: FeedMeta,
    /// The valid stories, in document order.
    pub articles: Vec<Article>,
    /// What was repaired or left out.
    pub report: Report,
}

/// Reads a document: a Gazette article set, JSON Feed 1.0 or 1.1 (detected by `version`), or the
/// common NewsAPI response. `base_url` is the document's own address, against which relative
/// links resolve.
pub fn load_document(text: &str, base_url: Option<&str>) -> Result<Loaded, DocumentError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    let doc = match wire::parse(text) {
        Ok(Top::Object(doc)) => doc,
        Ok(Top::NotObject(found)) => return Err(DocumentError::NotAnObject { found }),
        Err(e) => {
            return Err(DocumentError::NotJson {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            })
        }
    };
    let doc = *doc;
    let version = doc.version.value().unwrap_or_default();
    let declared_feed = version.contains("jsonfeed.org/version/");
    let (format, list) = match (doc.articles, doc.items) {
        (Field::Value(a), _) if !declared_feed => (Format::ArticleSet, a),
        (_, Field::Value(i)) => {
            let format = if version.ends_with("/version/1.1") {
                Format::JsonFeed11
            } else if version.ends_with("/version/1") {
                Format::JsonFeed10
            } else {
                Format::JsonFeedUnversioned
            };
            (format, i)
        }
        (Field::Wrong(k), _) | (_, Field::Wrong(k)) => {
            return Err(DocumentError::NoArticleList { list_kind: Some(k) })
        }
        (Field::Value(a), _) => (Format::ArticleSet, a),
        _ => return Err(DocumentError::NoArticleList { list_kind: None }),
    };
    let clean = |f: Field<String>| {
        f.value()
            .map(|s| collapse_whitespace(&s))
            .filter(|s| !s.is_empty())
    };
    let home = clean(doc.home_page_url).filter(|u| is_http_url(u));
    let meta = FeedMeta {
        title: clean(doc.title),
        description: clean(doc.description),
        language: clean(doc.language),
        home_page_url: home.clone(),
    };
    // Relative links resolve against the document's address, else the feed's own, else its site.
    let feed_url = clean(doc.feed_url).filter(|u| is_http_url(u));
    let base = base_url
        .filter(|b| is_http_url(b))
        .map(str::to_string)
        .or(feed_url)
        .or(home);

    let mut ctx = Context {
        format,
        base: base.as_deref(),
        meta: &meta,
        seen_ids: HashSet::with_capacity(list.len()),
        report: Report {
            total: list.len(),
            ..Report::default()
        },
    };
    let mut articles = Vec::with_capacity(list.len());
    for (i, slot) in list.into_iter().enumerate() {
        if let Some(a) = ctx.validate(i + 1, slot) {
            articles.push(a);
        }
    }
    let report = ctx.report;
    Ok(Loaded {
        format,
        meta,
        articles,
        report,
    })
}

struct Context<'a> {
    format: Format,
    base: Option<&'a str>,
    meta: &'a FeedMeta,
    seen_ids: HashSet<String>,
    report: Report,
}

/// Notes collected while validating one story.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    fn wrong(&mut self, field: &str, kind: &'static str) {
        self.0
            .push(format!("“{field}” is {kind}, not text, and was ignored"));
    }
    /// The value of a text field: trimmed, white space collapsed, `None` if empty. A field of the
    /// wrong type is noted and ignored.
    fn text(&mut self, field: &str, f: Field<String>) -> Option<String> {
        match f {
            Field::Value(s) => Some(collapse_whitespace(&s)).filter(|s| !s.is_empty()),
            Field::Wrong(k) => {
                self.wrong(field, k);
                None
            }
            Field::Missing => None,
        }
    }
    fn names(&mut self, field: &str, f: Field<Names>) -> Vec<String> {
        match f {
            Field::Value(n) => {
                if n.dropped > 0 {
                    self.0.push(format!(
                        "{} entr{} of “{field}” ignored (not a name)",
                        n.dropped,
                        if n.dropped == 1 { "y" } else { "ies" }
                    ));
                }
                n.names
            }
            Field::Wrong(k) => {
                self.0
                    .push(format!("“{field}” is {k}, not a list, and was ignored"));
                Vec::new()
            }
            Field::Missing => Vec::new(),
        }
    }
}

/// Text that may carry HTML (some feeds put markup in plain-text fields) as plain text.
fn plain(s: String) -> (String, bool) {
    let looks_like_html =
        s.contains("</") || s.contains("/>") || s.contains("<br") || s.contains("<p>");
    if looks_like_html {
        (collapse_whitespace(&html_to_text(&s)), true)
    } else if s.contains('&') {
        (decode_entities(&s), false)
    } else {
        (s, false)
    }
}

/// Tidies a plain-text body: normalised line ends, paragraphs separated by one blank line.
fn paragraphs(s: &str) -> String {
    s.replace("\r\n", "\n")
        .split("\n\n")
        .map(collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn dedupe(list: Vec<String>, max: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    list.into_iter()
        .map(|s| collapse_whitespace(&s))
        .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase()))
        .take(max)
        .collect()
}

impl Context<'_> {
    fn skip(&mut self, position: usize, label: Option<String>, message: String) -> Option<Article> {
        self.report.skipped.push(Problem {
            position,
            label,
            message,
        });
        None
    }

    fn validate(&mut self, pos: usize, slot: ItemSlot) -> Option<Article> {
        let item = match slot {
            ItemSlot::Item(item) => *item,
            ItemSlot::NotObject(kind) => {
                return self.skip(pos, None, format!("it is {kind}, not an article object"))
            }
        };
        let Item {
            id,
            url,
            external_url,
            title,
            category,
            summary,
            description,
            content_text,
            content_html,
            published,
            date_published,
            date_modified,
            published_at,
            image,
            banner_image,
            url_to_image,
            authors,
            author,
            tags,
            source,
            language,
        } = item;
        let is_feed = self.format.is_json_feed();
        let mut notes = Notes::default();

        // Text first: a headline can be made from it.
        let content_text = match content_text {
            Field::Value(s) => Some(paragraphs(&s)).filter(|s| !s.is_empty()),
            Field::Wrong(k) => {
                notes.wrong("content_text", k);
                None
            }
            Field::Missing => None,
        }
        .or_else(|| {
            notes
                .text("content_html", content_html)
                .map(|h| html_to_text(&h))
                .filter(|t| !t.is_empty())
        });
        let summary_field = if matches!(summary, Field::Missing) {
            ("description", description)
        } else {
            ("summary", summary)
        };
        let summary = notes
            .text(summary_field.0, summary_field.1)
            .map(|s| plain(s).0)
            .filter(|s| !s.is_empty())
            .or_else(|| content_text.as_deref().map(collapse_whitespace))
            .map(|s| excerpt(&s, MAX_SUMMARY_CHARS));

        // Headline.
        let title = match notes.text("title", title) {
            Some(t) => {
                let (t, had_html) = plain(t);
                if had_html {
                    notes
                        .0
                        .push("HTML tags were removed from the headline".into());
                }
                Some(excerpt(&t, MAX_TITLE_CHARS)).filter(|t| !t.is_empty())
            }
            None => None,
        };
        let id_text = notes.text("id", id);
        let title = match title {
            Some(t) => t,
            None => match summary.as_deref().map(|s| excerpt(s, DERIVED_TITLE_CHARS)) {
                Some(t) => {
                    if !is_feed {
                        notes
                            .0
                            .push("no headline: the start of its text is used".into());
                    }
                    t
                }
                None => {
                    return self.skip(pos, id_text, "it has no headline and no text".into());
                }
            },
        };
        let label = id_text.clone().or_else(|| Some(title.clone()));

        // Date.
        let (date_name, date_field) = if is_feed {
            ("date_published", date_published)
        } else if matches!(published, Field::Missing) && !matches!(published_at, Field::Missing) {
            ("publishedAt", published_at)
        } else {
            ("published", published)
        };
        let date_text = match date_field {
            Field::Value(s) => Some(s),
            Field::Wrong(k) => {
                return self.skip(pos, label, format!("“{date_name}” is {k}, not a date"));
            }
            Field::Missing => None,
        };
        let (date_name, date_text) = match date_text {
            Some(t) => (date_name, t),
            None => match date_modified.value() {
                Some(m) => {
                    notes
                        .0
                        .push(format!("no “{date_name}”: “date_modified” is used"));
                    ("date_modified", m)
                }
                None => {
                    return self.skip(
                        pos,
                        label,
                        format!("it has no publication date (“{date_name}”)"),
                    )
                }
            },
        };
        let published: Timestamp = match parse_date(&date_text) {
            Ok((t, DateQuality::Exact)) => t,
            Ok((t, DateQuality::Repaired(why))) => {
                notes.0.push(format!(
                    "“{date_name}” is {why}, read as {}",
                    t.to_rfc3339()
                ));
                t
            }
            Err(e) => return self.skip(pos, label, format!("“{date_name}”: {e}")),
        };

        // Link: `url`, else (JSON Feed) `external_url`; only http(s) is kept.
        let mut link = None;
        let mut link_problems = Vec::new();
        for (name, field) in [("url", url), ("external_url", external_url)] {
            if link.is_some() {
                break;
            }
            if let Some(u) = notes.text(name, field) {
                match resolve(self.base, &u) {
                    Ok(abs) => link = Some(abs),
                    Err(p) => link_problems.push(format!("“{name}” was not used: {p}")),
                }
            }
        }
        if link.is_none() {
            if link_problems.is_empty() && !is_feed {
                notes.0.push("no “url”: the headline is not a link".into());
            }
            notes.0.extend(link_problems);
        }

        // Id: the document's, else the link, else the place in the document.
        let id = id_text
            .or_else(|| link.clone())
            .unwrap_or_else(|| format!("story-{pos}"));
        if !self.seen_ids.insert(id.clone()) {
            return self.skip(
                pos,
                Some(id.clone()),
                format!("its id “{id}” repeats an earlier story's"),
            );
        }

        // Authors and tags.
        let mut authors = notes.names("authors", authors);
        if authors.is_empty() {
            authors = notes.names("author", author);
        }
        let authors = dedupe(authors, MAX_TAGS);
        let mut tags = dedupe(notes.names("tags", tags), MAX_TAGS);

        // Category: `category`; in JSON Feed (which has none) the first tag, then the feed's title.
        let source = notes.names("source", source);
        let category = notes
            .text("category", category)
            .or_else(|| (is_feed && !tags.is_empty()).then(|| tags.remove(0)))
            .or_else(|| {
                source
                    .into_iter()
                    .next()
                    .map(|s| collapse_whitespace(&s))
                    .filter(|s| !s.is_empty())
            })
            .or_else(|| is_feed.then(|| self.meta.title.clone()).flatten())
            .unwrap_or_else(|| {
                notes
                    .0
                    .push(format!("no “category”: shown under “{FALLBACK_CATEGORY}”"));
                FALLBACK_CATEGORY.to_string()
            });
        let category = excerpt(&category, MAX_CATEGORY_CHARS);

        // Image.
        let image = match image {
            Field::Value(img) => Some(img),
            Field::Wrong(k) => {
                notes
                    .0
                    .push(format!("“image” is {k}, not an image, and was ignored"));
                None
            }
            Field::Missing => {
                banner_image
                    .value()
                    .or(url_to_image.value())
                    .map(|u| wire::WireImage {
                        url: Some(u),
                        ..Default::default()
                    })
            }
        };
        let image = image.and_then(|img| {
            let raw = img
                .url
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty())?;
            match resolve(self.base, &raw) {
                Ok(url) => Some(Image {
                    url,
                    alt: img.alt.map(|a| collapse_whitespace(&a)).unwrap_or_default(),
                    credit: img
                        .credit
                        .map(|c| collapse_whitespace(&c))
                        .filter(|c| !c.is_empty()),
                }),
                Err(p) => {
                    notes.0.push(format!("its image was not used: {p}"));
                    None
                }
            }
        });

        let language = notes
            .text("language", language)
            .or_else(|| self.meta.language.clone());

        if !notes.0.is_empty() {
            self.report.repaired.push(Problem {
                position: pos,
                label: Some(id.clone()),
                message: notes.0.join("; "),
            });
        }
        Some(Article {
            id,
            title,
            url: link,
            category,
            published,
            summary,
            content_text,
            image,
            authors,
            tags,
            language,
        })
    }
}
