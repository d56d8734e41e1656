//! The view model: articles as the widget uses them, after validation. Every field here has
//! already been checked; nothing downstream re-validates.

use crate::date::Timestamp;

/// One story, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Unique within its set.
    pub id: String,
    /// Plain text, never empty, white space collapsed.
    pub title: String,
    /// An absolute http(s) address, or `None` when the feed gave no usable one.
    pub url: Option<String>,
    /// The page the story is about, when it is another than `url` (JSON Feed's `external_url`
    /// beside a `url`: a link blog's linked article): an absolute http(s) address.
    pub external_url: Option<String>,
    /// Never empty.
    pub category: String,
    /// When the story was published.
    pub published: Timestamp,
    /// Plain text, white space collapsed: the feed's summary, or else the start of its text.
    pub summary: Option<String>,
    /// The full plain text, paragraphs separated by a blank line (from `content_text`).
    pub content_text: Option<String>,
    /// The full story as the feed's HTML, unsanitised: never render it as markup, only through
    /// [`crate::html::sanitize`].
    pub content_html: Option<String>,
    /// A picture for the story.
    pub image: Option<Image>,
    /// Author names, in order, none empty.
    pub authors: Vec<String>,
    /// Tags, in order, none empty, no duplicates.
    pub tags: Vec<String>,
    /// A BCP 47 language tag, when the story or its feed names one.
    pub language: Option<String>,
}

impl Article {
    /// True when the story has a body to read (text or HTML), not only a summary.
    pub fn has_body(&self) -> bool {
        self.content_text.is_some() || self.content_html.is_some()
    }
}

/// A picture that goes with a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// An absolute http(s) address.
    pub url: String,
    /// The text alternative; empty when the feed gave none (the picture is then decorative,
    /// since the headline beside it says what the story is).
    pub alt: String,
    /// Who made the picture ("Photo by … on Unsplash").
    pub credit: Option<String>,
}

/// Facts about the document as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedMeta {
    /// The feed's title.
    pub title: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// The site it belongs to (http(s) only).
    pub home_page_url: Option<String>,
    /// Its language.
    pub language: Option<String>,
}

/// Which format a document was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Gazette's own article set (`articles`).
    ArticleSet,
    /// A NewsAPI response (`{"status": "ok", "totalResults": …, "articles": […]}`).
    NewsApi,
    /// JSON Feed 1.0.
    JsonFeed10,
    /// JSON Feed 1.1.
    JsonFeed11,
    /// A document with `items` but no recognised JSON Feed `version`, read as JSON Feed.
    JsonFeedUnversioned,
    /// RSS 2.0 (`<rss>` with version 2.0, or with none).
    Rss2,
    /// RSS 0.91 to 0.94 (`<rss version="0.9x">`).
    RssLegacy,
    /// RSS 1.0 or 0.90: RDF (`<rdf:RDF>` with `item`s).
    Rdf,
    /// Atom 1.0 (`<feed>` with `entry`s; also the older Atom 0.3).
    Atom,
}

impl Format {
    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::ArticleSet => "Gazette article set",
            Format::NewsApi => "NewsAPI response",
            Format::JsonFeed10 => "JSON Feed 1.0",
            Format::JsonFeed11 => "JSON Feed 1.1",
            Format::JsonFeedUnversioned => "JSON Feed (no version)",
            Format::Rss2 => "RSS 2.0",
            Format::RssLegacy => "RSS 0.9x",
            Format::Rdf => "RSS 1.0 (RDF)",
            Format::Atom => "Atom",
        }
    }
}
