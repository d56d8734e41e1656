//! XML feeds: RSS 2.0 and 0.9x, RSS 1.0 (RDF) and Atom, read into the same wire items as JSON
//! stories, so that one set of validation rules (`load.rs`) applies to every format.
//!
//! The document is parsed with `quick-xml`, a pull parser that leaves character references to
//! us: undeclared HTML entities (`&nbsp;` in RSS) are decoded from a table instead of failing
//! the feed, CDATA sections are taken as written, and end tags that do not match are tolerated.
//! The text of each field is converted to plain text here, by the rules of its format (RSS
//! `description` is HTML; Atom says with `type`); `docs/FORMAT.md` has the full table.
//!
//! Namespaces are resolved by their URIs, so any prefix works; a prefix used without a
//! declaration falls back to its usual meaning (`dc:`, `media:`, `content:`).
//!
//! [`FeedParser`] reads the text as it arrives, one item per call, keeping only the open
//! elements and the item in progress between calls (a quick-xml reader lasts one call, over the
//! text not yet read); [`parse_feed`] reads a whole text with it.

use crate::detect::{classify_root, NotAFeed, XmlFeedKind};
use crate::html::{first_image, rebase};
use crate::html::{html_to_text, plain_paragraphs};
use crate::model::{FeedMeta, Format};
use crate::text::{collapse_owned, collapse_whitespace, decode_entities};
use crate::url::{is_http_url, resolve};
use crate::wire::{Field, Item, Names, WireImage, XmlOrigin};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// A parsed XML feed: its format, facts and items, ready for validation.
#[derive(Debug)]
pub struct XmlFeed {
    /// RSS 2.0, RSS 0.9x, RDF or Atom.
    pub format: Format,
    /// The feed's title, description, site and language (the site not yet checked).
    pub meta: FeedMeta,
    /// The feed's own address, from `atom:link rel="self"`.
    pub feed_url: Option<String>,
    /// The items, in document order.
    pub items: Vec<Item>,
}

/// Why an XML document could not be read as a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlError {
    /// It is not a feed (a web page, an OPML list, …).
    NotAFeed(NotAFeed),
    /// It is not well-formed enough to read: `offset` is a byte offset into the text.
    Syntax {
        /// Where the problem was found, in bytes from the start of the text.
        offset: usize,
        /// What it was.
        detail: String,
    },
}

/// The namespaces feeds use, by URI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    /// No namespace (RSS 2.0), or RSS 1.0's and 0.90's own.
    Plain,
    Atom,
    Dc,
    Content,
    Media,
    Rdf,
    Feedburner,
    Xml,
    Other,
}

fn ns_for_uri(uri: &str) -> Ns {
    match uri.trim().trim_end_matches(['/', '#']) {
        "http://purl.org/rss/1.0" | "http://my.netscape.com/rdf/simple/0.9" | "" => Ns::Plain,
        "http://www.w3.org/2005/Atom" | "http://purl.org/atom/ns" => Ns::Atom,
        "http://purl.org/dc/elements/1.1" | "http://purl.org/dc/terms" => Ns::Dc,
        "http://purl.org/rss/1.0/modules/content" => Ns::Content,
        "http://search.yahoo.com/mrss" | "https://search.yahoo.com/mrss" => Ns::Media,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns" => Ns::Rdf,
        "http://rssnamespace.org/feedburner/ext/1.0" => Ns::Feedburner,
        _ => Ns::Other,
    }
}

/// The usual meaning of a prefix used without a declaration.
fn ns_for_prefix(prefix: &str) -> Ns {
    match prefix {
        "" => Ns::Plain,
        "atom" => Ns::Atom,
        "dc" | "dcterms" => Ns::Dc,
        "content" => Ns::Content,
        "media" => Ns::Media,
        "rdf" => Ns::Rdf,
        "feedburner" => Ns::Feedburner,
        "xml" => Ns::Xml,
        _ => Ns::Other,
    }
}

/// An open element.
struct Frame {
    qname: String,
    ns: Ns,
    local: String,
    /// Namespace bindings in force before this element.
    bindings_before: usize,
    /// Its `xml:base`, resolved (or inherited).
    base: Option<String>,
}

/// A picture offered by the item, and how good a source it is (lower is better).
struct Picture {
    rank: u8,
    width: u32,
    url: String,
    alt: String,
    credit: Option<String>,
}

/// One item as it is read.
#[derive(Default)]
struct Draft {
    depth: usize,
    title: Option<String>,
    link: Option<String>,
    orig_link: Option<String>,
    guid: Option<String>,
    guid_is_link: bool,
    about: Option<String>,
    summary: Option<String>,
    content: Option<String>,
    content_html: Option<String>,
    published: Option<(String, &'static str)>,
    updated: Option<(String, &'static str)>,
    categories: Vec<String>,
    authors: Vec<String>,
    pictures: Vec<Picture>,
    /// The first picture in the item's text: its address as written, its text alternative,
    /// and the element's own `xml:base` if it set one (resolved once the item's link is known).
    content_image: Option<(String, String, Option<String>)>,
    language: Option<String>,
}

/// How the text of an element is to be read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Plain,
    Html,
    Xhtml,
}

/// The Atom `type` (or Atom 0.3 `mode`) of a text construct.
fn text_kind(e: &BytesStart<'_>) -> TextKind {
    match attr(e, "type")
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "text/html") => TextKind::Html,
        Some("xhtml" | "application/xhtml+xml") => TextKind::Xhtml,
        _ if attr(e, "mode").is_some_and(|m| m.eq_ignore_ascii_case("escaped")) => TextKind::Html,
        _ => TextKind::Plain,
    }
}

/// The attributes of a tag, read leniently: values may be unquoted (as in HTML), and a repeated
/// attribute is not an error (the first one counts).
fn attributes<'a>(e: &'a BytesStart<'_>) -> quick_xml::events::attributes::Attributes<'a> {
    let mut a = e.html_attributes();
    a.with_checks(false);
    a
}

/// An attribute's value by its qualified name, entities decoded.
#[inline(never)]
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    attributes(e)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| decode_entities(&a.value))
}

/// The content of an element as text: CDATA sections as written, character and entity
/// references decoded (XML's, numeric and HTML's named ones; unknown ones are kept as written),
/// comments dropped, and child elements kept as markup (they are HTML in practice).
pub fn element_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        let cdata = rest.find("<![CDATA[");
        let comment = rest.find("<!--");
        let (at, is_cdata) = match (cdata, comment) {
            (Some(c), Some(m)) if m < c => (m, false),
            (Some(c), _) => (c, true),
            (None, Some(m)) => (m, false),
            (None, None) => break,
        };
        out.push_str(&decode_entities(&rest[..at]));
        if is_cdata {
            let body = &rest[at + 9..];
            let end = body.find("]]>").unwrap_or(body.len());
            out.push_str(&body[..end]);
            rest = body.get(end + 3..).unwrap_or("");
        } else {
            let body = &rest[at + 4..];
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Plain text that may carry HTML, as in RSS titles: HTML is stripped only where the text looks
/// like markup, so a headline about `<script>` tags keeps its words.
pub fn maybe_html_to_text(s: &str) -> String {
    let looks_like_html =
        s.contains("</") || s.contains("/>") || s.contains("<br") || s.contains("<p>");
    if looks_like_html {
        collapse_whitespace(&html_to_text(s))
    } else {
        collapse_whitespace(&decode_entities(s))
    }
}

/// The text (on one line: titles, summaries) and first picture (its address as written, and
/// its text alternative) of a field's raw content, read as `kind`.
fn convert(raw: &str, kind: TextKind) -> (String, Option<(String, String)>) {
    let (text, html) = match kind {
        TextKind::Plain => (element_text(raw), None),
        TextKind::Html => {
            let html = element_text(raw);
            (html_to_text(&html), Some(html))
        }
        TextKind::Xhtml => (html_to_text(raw), Some(raw.to_string())),
    };
    let image = html.as_deref().and_then(first_image);
    (collapse_owned(text), image)
}

/// An RSS `author`: an e-mail address, often with the name in brackets ("jo@x.org (Jo Ng)").
fn rss_author(s: &str) -> String {
    match (s.find('('), s.rfind(')')) {
        (Some(open), Some(close)) if open < close && s[..open].contains('@') => {
            collapse_whitespace(&s[open + 1..close])
        }
        _ => collapse_whitespace(s),
    }
}

/// What to do with an element that starts.
enum Action {
    /// Its content is a field: read it whole and hand it to [`State::field`].
    Field(Frame),
    /// Open it (its children are read as events).
    Open(Frame),
}

/// The parser's state between events.
struct State {
    kind: Option<XmlFeedKind>,
    version: Option<String>,
    doctype: Option<String>,
    frames: Vec<Frame>,
    bindings: Vec<(String, Ns)>,
    base_url: Option<String>,
    channel_depth: Option<usize>,
    item: Option<Draft>,
    /// The item that the last event closed, until it is handed out.
    ready: Option<Item>,
    meta: FeedMeta,
    feed_url: Option<String>,
    feed_authors: Vec<String>,
}

/// What [`FeedParser::pull`] came to.
#[derive(Debug)]
pub enum Pulled {
    /// The next item, whole.
    Item(Box<Item>),
    /// The text given ends before the next item does: call again with more.
    NeedMore,
    /// The document is read to its end.
    End,
}

/// One call of [`FeedParser::pull`]: how far it read, and what it came to.
#[derive(Debug)]
pub struct Pull {
    /// Bytes of the text given that were read: the next call starts just after them. After an
    /// error, the start of what could not be read, so that a call with more text tries it again.
    pub used: usize,
    /// The next item, the need for more text, the end; or why the document cannot be read (a
    /// syntax error's offset is counted from the start of the text given).
    pub found: Result<Pulled, XmlError>,
}

/// Reads an XML feed item by item from its text, which may arrive a piece at a time: each call
/// of [`FeedParser::pull`] gets the text not yet read and stops after the next item, so that
/// each story can be shown as soon as its last byte has arrived. The feed's facts
/// ([`FeedParser::meta`]) are those read so far; an item inherits the facts given before it
/// (an Atom feed's author, for one).
pub struct FeedParser {
    st: State,
}

impl FeedParser {
    /// A parser for a document at `base_url`, its own address: the first base of relative links
    /// (Atom's `xml:base` refines it).
    pub fn new(base_url: Option<&str>) -> Self {
        FeedParser {
            st: State {
                kind: None,
                version: None,
                doctype: None,
                frames: Vec::new(),
                bindings: Vec::new(),
                base_url: base_url.filter(|u| is_http_url(u)).map(str::to_string),
                channel_depth: None,
                item: None,
                ready: None,
                meta: FeedMeta::default(),
                feed_url: None,
                feed_authors: Vec::new(),
            },
        }
    }

    /// Reads `text`, the part of the document after what earlier calls used, up to the end of
    /// the next item. `complete`: `text` runs to the end of the document; otherwise a construct
    /// cut by the end of `text` is left for the next call ([`Pulled::NeedMore`]), and an error
    /// may only be a construct cut short. An error leaves the parser as it was before the
    /// construct that failed, and [`Pull::used`] stops before it, so that a call with more text
    /// reads it again.
    pub fn pull(&mut self, text: &str, complete: bool) -> Pull {
        let mut used = 0;
        let found = self.st.pull(text, complete, &mut used);
        Pull { used, found }
    }

    /// The format, once the root element has been read.
    pub fn format(&self) -> Option<Format> {
        let kind = self.st.kind?;
        Some(match kind {
            XmlFeedKind::Atom => Format::Atom,
            XmlFeedKind::Rdf => Format::Rdf,
            XmlFeedKind::Rss
                if self
                    .st
                    .version
                    .as_deref()
                    .is_some_and(|v| v.starts_with("0.9")) =>
            {
                Format::RssLegacy
            }
            XmlFeedKind::Rss => Format::Rss2,
        })
    }

    /// The feed's title, description, site and language as far as they have been read (the
    /// site not yet checked).
    pub fn meta(&self) -> &FeedMeta {
        &self.st.meta
    }

    /// The feed's own address, from `atom:link rel="self"`, once read.
    pub fn feed_url(&self) -> Option<&str> {
        self.st.feed_url.as_deref()
    }
}

/// A quick-xml reader over `text`, as lenient as real feeds need.
fn xml_reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    reader
}

impl XmlError {
    /// The same error with its offset counted from `by` bytes earlier.
    fn shifted(self, by: usize) -> Self {
        match self {
            XmlError::Syntax { offset, detail } => XmlError::Syntax {
                offset: offset.saturating_add(by),
                detail,
            },
            other => other,
        }
    }
}

impl State {
    /// [`FeedParser::pull`]; `used` follows the start of each construct as it is read.
    fn pull(&mut self, text: &str, complete: bool, used: &mut usize) -> Result<Pulled, XmlError> {
        // A reader that starts on U+FEFF drops it as a byte order mark without counting its
        // bytes, which would shift every position after it. Here (only ever within the
        // document) it starts a run of text, read by hand.
        let mut base = 0;
        if let Some(rest) = text.strip_prefix('\u{FEFF}') {
            base = match rest.find(['<', '&']) {
                Some(i) => text.len() - rest.len() + i,
                None if complete => text.len(),
                None => return Ok(Pulled::NeedMore),
            };
            if self.kind.is_none() {
                return Err(XmlError::Syntax {
                    offset: base,
                    detail: "text before the root element".into(),
                });
            }
            *used = base;
        }
        let slice = &text[base..];
        let mut reader = xml_reader(slice);
        loop {
            let before = position(&reader);
            *used = base + before;
            let event = next_event(&mut reader).map_err(|e| e.shifted(base))?;
            match event {
                Event::Start(e) => {
                    let mark = self.bindings.len();
                    let action = self
                        .start(&e)
                        .inspect_err(|_| self.bindings.truncate(mark))?;
                    match action {
                        Action::Field(f) => {
                            match content_of(&mut reader, slice, &f.qname, complete) {
                                Ok(Some(raw)) => {
                                    self.field(&f, &e, raw);
                                    self.bindings.truncate(f.bindings_before);
                                }
                                Ok(None) => {
                                    self.bindings.truncate(mark);
                                    return Ok(Pulled::NeedMore);
                                }
                                Err(err) => {
                                    self.bindings.truncate(mark);
                                    return Err(err.shifted(base));
                                }
                            }
                        }
                        Action::Open(f) => self.frames.push(f),
                    }
                }
                Event::Empty(e) => {
                    let mark = self.bindings.len();
                    let action = self
                        .start(&e)
                        .inspect_err(|_| self.bindings.truncate(mark))?;
                    match action {
                        Action::Field(f) => {
                            self.field(&f, &e, "");
                            self.bindings.truncate(f.bindings_before);
                        }
                        Action::Open(f) => {
                            let depth = self.frames.len() + 1;
                            self.bindings.truncate(f.bindings_before);
                            self.closed(depth);
                        }
                    }
                }
                Event::End(e) => self.end(e.name().as_ref()),
                Event::DocType(d) => {
                    self.doctype = d.split_whitespace().next().map(str::to_string);
                }
                // Text that runs to the end of what has arrived may go on.
                Event::Text(_) if !complete && position(&reader) == slice.len() => {
                    return Ok(Pulled::NeedMore);
                }
                Event::Text(t) if self.kind.is_none() && !t.trim().is_empty() => {
                    return Err(XmlError::Syntax {
                        offset: base + position(&reader),
                        detail: "text before the root element".into(),
                    });
                }
                Event::Eof if !complete => return Ok(Pulled::NeedMore),
                Event::Eof => return self.at_end(text.len()),
                _ => {}
            }
            if let Some(item) = self.ready.take() {
                *used = base + position(&reader);
                return Ok(Pulled::Item(Box::new(item)));
            }
        }
    }

    /// The checks at the end of the document (`len` bytes from where the last call started).
    fn at_end(&self, len: usize) -> Result<Pulled, XmlError> {
        if let Some(open) = self.frames.last() {
            return Err(XmlError::Syntax {
                offset: len,
                detail: format!("the document ends before </{}>", open.qname),
            });
        }
        if self.kind.is_none() {
            return Err(XmlError::Syntax {
                offset: len,
                detail: "there is no root element".into(),
            });
        }
        Ok(Pulled::End)
    }
}

/// Parses a whole XML feed already decoded to text. `base_url` is the document's own address,
/// the first base of relative links (Atom's `xml:base` refines it). [`FeedParser`] does the same
/// a piece at a time.
pub fn parse_feed(text: &str, base_url: Option<&str>) -> Result<XmlFeed, XmlError> {
    let mut parser = FeedParser::new(base_url);
    let mut items = Vec::new();
    let mut at = 0;
    loop {
        let pull = parser.pull(&text[at..], true);
        let found = pull.found.map_err(|e| e.shifted(at))?;
        at += pull.used;
        match found {
            Pulled::Item(item) => items.push(*item),
            // A whole document never needs more.
            Pulled::End | Pulled::NeedMore => break,
        }
    }
    Ok(XmlFeed {
        format: parser.format().unwrap_or(Format::Rss2),
        meta: parser.st.meta,
        feed_url: parser.st.feed_url,
        items,
    })
}

/// The reader's position, as a byte offset into the text.
fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// The next event. The one place the parser is called, kept out of line so that its code is in
/// the wasm once, whatever the optimiser would inline into each caller.
#[inline(never)]
fn next_event<'a>(reader: &mut Reader<&'a [u8]>) -> Result<Event<'a>, XmlError> {
    reader.read_event().map_err(|e| XmlError::Syntax {
        offset: usize::try_from(reader.error_position()).unwrap_or(usize::MAX),
        // A short word rather than the parser's own message: its formatting code would cost
        // wasm, and readers see only the line and column.
        detail: match e {
            quick_xml::Error::Syntax(_) => "a syntax error",
            quick_xml::Error::IllFormed(_) => "ill-formed markup",
            quick_xml::Error::InvalidAttr(_) => "a malformed attribute",
            _ => "unreadable XML",
        }
        .into(),
    })
}

/// The raw content of the element named `qname` whose start tag was just read, up to its
/// matching end tag (elements of the same name inside it are counted), which is consumed.
/// `None` when `text` ends first and is not `complete`.
fn content_of<'a>(
    reader: &mut Reader<&[u8]>,
    text: &'a str,
    qname: &str,
    complete: bool,
) -> Result<Option<&'a str>, XmlError> {
    let start = position(reader);
    let mut depth = 0usize;
    loop {
        let before = position(reader);
        match next_event(reader)? {
            Event::Start(e) if e.name().as_ref() == qname => depth += 1,
            Event::End(e) if e.name().as_ref() == qname => {
                if depth == 0 {
                    return Ok(Some(text.get(start..before).unwrap_or_default()));
                }
                depth -= 1;
            }
            Event::Eof if !complete => return Ok(None),
            Event::Eof => {
                return Err(XmlError::Syntax {
                    offset: text.len(),
                    detail: format!("the document ends before </{qname}>"),
                })
            }
            _ => {}
        }
    }
}

fn own_ns(kind: XmlFeedKind, ns: Ns) -> bool {
    match kind {
        XmlFeedKind::Atom => matches!(ns, Ns::Atom | Ns::Plain),
        _ => ns == Ns::Plain,
    }
}

/// `url` resolved against `base` when it can be, else as written (validation reports it).
#[inline(never)]
fn absolute(base: Option<&str>, url: &str) -> String {
    let url = url.trim();
    resolve(base, url).unwrap_or_else(|_| url.to_string())
}

/// The first non-empty value of an element's text, collapsed.
#[inline(never)]
fn one_line(raw: &str) -> Option<String> {
    Some(collapse_owned(element_text(raw))).filter(|s| !s.is_empty())
}

impl State {
    fn resolve_name(&self, qname: &str) -> (Ns, String) {
        let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
        let ns = self
            .bindings
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map_or_else(|| ns_for_prefix(prefix), |&(_, ns)| ns);
        (ns, local.to_string())
    }

    /// Reads a start tag (or an empty element's tag) and decides what it is.
    fn start(&mut self, e: &BytesStart<'_>) -> Result<Action, XmlError> {
        let bindings_before = self.bindings.len();
        let mut base = self
            .frames
            .last()
            .map_or_else(|| self.base_url.clone(), |f| f.base.clone());
        for a in attributes(e).flatten() {
            let key = a.key.as_ref();
            if key == "xmlns" {
                self.bindings.push((String::new(), ns_for_uri(&a.value)));
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                self.bindings.push((p.to_string(), ns_for_uri(&a.value)));
            } else if key == "xml:base" {
                let b = decode_entities(&a.value);
                base = resolve(base.as_deref(), &b).ok().or(base);
            }
        }
        let qname = e.name().as_ref().to_string();
        let (ns, local) = self.resolve_name(&qname);
        let frame = Frame {
            qname,
            ns,
            local,
            bindings_before,
            base,
        };
        let Some(kind) = self.kind else {
            let kind =
                classify_root(&frame.qname, self.doctype.as_deref()).map_err(XmlError::NotAFeed)?;
            self.kind = Some(kind);
            self.version = attr(e, "version");
            if kind == XmlFeedKind::Atom {
                self.meta.language = attr(e, "xml:lang")
                    .map(|l| collapse_whitespace(&l))
                    .filter(|l| !l.is_empty());
            }
            return Ok(Action::Open(frame));
        };
        // The depth of this element: the root is 1.
        let depth = self.frames.len() + 1;
        let own = own_ns(kind, frame.ns);
        let parent = self.frames.last().map(|f| (f.ns, f.local.as_str()));
        let local = frame.local.as_str();

        let Some(item) = self.item.as_mut() else {
            let starts_item = match kind {
                XmlFeedKind::Atom => own && local == "entry" && depth == 2,
                _ => own && local == "item",
            };
            if starts_item {
                self.item = Some(Draft {
                    depth,
                    about: attr(e, "rdf:about"),
                    language: attr(e, "xml:lang"),
                    ..Draft::default()
                });
                return Ok(Action::Open(frame));
            }
            if kind != XmlFeedKind::Atom && own && local == "channel" {
                self.channel_depth = Some(depth);
                return Ok(Action::Open(frame));
            }
            // Facts about the feed: children of the channel (RSS, RDF) or of the root (Atom).
            let meta_parent = match kind {
                XmlFeedKind::Atom => Some(1),
                _ => self.channel_depth,
            };
            if meta_parent.is_some_and(|p| depth == p + 1) {
                let is_field = match frame.ns {
                    Ns::Dc => local == "language",
                    ns if own_ns(kind, ns) => {
                        matches!(
                            local,
                            "title" | "description" | "subtitle" | "tagline" | "language"
                        ) || (kind != XmlFeedKind::Atom && local == "link")
                    }
                    _ => false,
                };
                if is_field {
                    return Ok(Action::Field(frame));
                }
                let atom_link =
                    local == "link" && (frame.ns == Ns::Atom || (kind == XmlFeedKind::Atom && own));
                if atom_link {
                    let rel = attr(e, "rel").unwrap_or_else(|| "alternate".into());
                    if let Some(href) = attr(e, "href").filter(|h| !h.trim().is_empty()) {
                        let href = absolute(frame.base.as_deref(), &href);
                        if rel == "self" && self.feed_url.is_none() {
                            self.feed_url = Some(href);
                        } else if rel == "alternate" && self.meta.home_page_url.is_none() {
                            self.meta.home_page_url = Some(href);
                        }
                    }
                }
            }
            // The name of an Atom feed's author, which entries without one inherit.
            let in_feed_author = kind == XmlFeedKind::Atom
                && depth == 3
                && matches!(parent, Some((ns, "author")) if own_ns(kind, ns));
            if in_feed_author && own && local == "name" {
                return Ok(Action::Field(frame));
            }
            return Ok(Action::Open(frame));
        };

        // Inside an item. Pictures first, wherever they are (media:group holds media:content).
        if frame.ns == Ns::Media && matches!(local, "content" | "thumbnail") {
            let is_image = local == "thumbnail" || {
                let medium = attr(e, "medium").map(|m| m.to_ascii_lowercase());
                let mime = attr(e, "type").map(|t| t.to_ascii_lowercase());
                match (medium.as_deref(), mime.as_deref()) {
                    (Some(m), _) => m == "image",
                    (None, Some(t)) => t.starts_with("image/"),
                    (None, None) => true,
                }
            };
            if let Some(url) = attr(e, "url").filter(|u| is_image && !u.trim().is_empty()) {
                item.pictures.push(Picture {
                    rank: if local == "content" { 0 } else { 1 },
                    width: attr(e, "width")
                        .and_then(|w| w.trim().parse().ok())
                        .unwrap_or(0),
                    url: absolute(frame.base.as_deref(), &url),
                    alt: String::new(),
                    credit: None,
                });
            }
            return Ok(Action::Open(frame));
        }
        let in_media = matches!(parent, Some((Ns::Media, "content" | "thumbnail")));
        if in_media
            && frame.ns == Ns::Media
            && matches!(local, "credit" | "description" | "title" | "text")
        {
            return Ok(Action::Field(frame));
        }
        if depth == item.depth + 1 {
            let is_field = match frame.ns {
                Ns::Dc => matches!(local, "date" | "creator" | "subject" | "language"),
                Ns::Content => local == "encoded",
                Ns::Feedburner => local == "origLink",
                ns if own_ns(kind, ns) => match kind {
                    XmlFeedKind::Atom => matches!(
                        local,
                        "title"
                            | "id"
                            | "published"
                            | "updated"
                            | "summary"
                            | "content"
                            | "issued"
                            | "created"
                            | "modified"
                    ),
                    _ => matches!(
                        local,
                        "title"
                            | "link"
                            | "guid"
                            | "description"
                            | "pubDate"
                            | "category"
                            | "author"
                    ),
                },
                _ => false,
            };
            if is_field {
                return Ok(Action::Field(frame));
            }
            if kind == XmlFeedKind::Atom && own && local == "link" {
                let rel = attr(e, "rel").unwrap_or_else(|| "alternate".into());
                let href = attr(e, "href").filter(|h| !h.trim().is_empty());
                let mime = attr(e, "type").unwrap_or_default().to_ascii_lowercase();
                if let Some(href) = href {
                    let href = absolute(frame.base.as_deref(), &href);
                    if rel == "alternate" && item.link.is_none() {
                        item.link = Some(href);
                    } else if rel == "enclosure" && mime.starts_with("image/") {
                        item.pictures.push(Picture {
                            rank: 2,
                            width: 0,
                            url: href,
                            alt: String::new(),
                            credit: None,
                        });
                    }
                }
            } else if kind == XmlFeedKind::Atom && own && local == "category" {
                let label = attr(e, "label").filter(|l| !l.trim().is_empty());
                if let Some(c) = label.or_else(|| attr(e, "term")) {
                    item.categories.push(collapse_whitespace(&c));
                }
            } else if own && local == "enclosure" {
                let mime = attr(e, "type").unwrap_or_default().to_ascii_lowercase();
                if let Some(url) = attr(e, "url").filter(|_| mime.starts_with("image/")) {
                    item.pictures.push(Picture {
                        rank: 2,
                        width: 0,
                        url: absolute(frame.base.as_deref(), &url),
                        alt: String::new(),
                        credit: None,
                    });
                }
            }
        }
        // An Atom entry's author's name.
        let in_author =
            depth == item.depth + 2 && matches!(parent, Some((ns, "author")) if own_ns(kind, ns));
        if kind == XmlFeedKind::Atom && in_author && own && local == "name" {
            return Ok(Action::Field(frame));
        }
        Ok(Action::Open(frame))
    }

    /// The content of a field element (`raw`: its inner markup as written).
    fn field(&mut self, f: &Frame, e: &BytesStart<'_>, raw: &str) {
        let kind = self.kind.unwrap_or(XmlFeedKind::Rss);
        let atom = kind == XmlFeedKind::Atom;
        let local = f.local.as_str();
        let base = f.base.as_deref();
        // An `xml:base` the feed itself set (not merely the document's address), for the
        // fields that keep it.
        let own_base = || {
            f.base
                .clone()
                .filter(|b| Some(b.as_str()) != self.base_url.as_deref())
        };
        let Some(item) = self.item.as_mut() else {
            match local {
                "name" => self.feed_authors.extend(one_line(raw)),
                "title" => {
                    self.meta.title = if atom {
                        Some(convert(raw, text_kind(e)).0)
                    } else {
                        Some(maybe_html_to_text(&element_text(raw)))
                    }
                    .filter(|t| !t.is_empty());
                }
                "description" | "subtitle" | "tagline" => {
                    let k = if atom { text_kind(e) } else { TextKind::Html };
                    self.meta.description = Some(convert(raw, k).0).filter(|t| !t.is_empty());
                }
                "language" => {
                    if let Some(l) = one_line(raw) {
                        self.meta.language = Some(l);
                    }
                }
                "link" => {
                    if let Some(l) = one_line(raw) {
                        self.meta.home_page_url.get_or_insert(absolute(base, &l));
                    }
                }
                _ => {}
            }
            return;
        };
        match (f.ns, local) {
            (Ns::Media, _) => {
                let text = one_line(raw);
                if let (Some(p), Some(t)) = (item.pictures.last_mut(), text) {
                    if local == "credit" {
                        p.credit.get_or_insert(t);
                    } else if p.alt.is_empty() {
                        p.alt = maybe_html_to_text(&t);
                    }
                }
            }
            // (Beside a `pubDate`, `dc:date` stands in for it when it is unusable.)
            (Ns::Dc, "date") => {
                if let Some(d) = one_line(raw) {
                    match item.published {
                        Some(_) => _ = item.updated.get_or_insert((d, "dc:date")),
                        None => item.published = Some((d, "dc:date")),
                    }
                }
            }
            (Ns::Dc, "creator") => item.authors.extend(one_line(raw)),
            (Ns::Dc, "subject") => item.categories.extend(one_line(raw)),
            (Ns::Dc, "language") => item.language = one_line(raw).or(item.language.take()),
            (Ns::Content, _) => item.set_body(raw, TextKind::Html, own_base()),
            (Ns::Feedburner, _) => item.orig_link = one_line(raw),
            (_, "name") => item.authors.extend(one_line(raw)),
            (_, "title") => {
                item.title = if atom {
                    Some(convert(raw, text_kind(e)).0)
                } else {
                    Some(maybe_html_to_text(&element_text(raw)))
                };
            }
            (_, "link") => item.link = one_line(raw).map(|l| absolute(base, &l)),
            (_, "guid") => {
                item.guid = one_line(raw);
                item.guid_is_link =
                    attr(e, "isPermaLink").is_none_or(|p| !p.trim().eq_ignore_ascii_case("false"));
            }
            (_, "id") => item.guid = one_line(raw),
            (_, "description" | "summary") => {
                let k = if atom { text_kind(e) } else { TextKind::Html };
                let (text, image) = convert(raw, k);
                item.summary = Some(text).filter(|t| !t.is_empty());
                if item.content_image.is_none() {
                    item.content_image = image.map(|(src, alt)| (src, alt, own_base()));
                }
            }
            // Atom content given by reference (`src`) has no text here.
            (_, "content") if attr(e, "src").is_none() => {
                item.set_body(raw, text_kind(e), own_base());
            }
            (_, "pubDate") => {
                if let Some(d) = one_line(raw) {
                    if let Some(dc) = item.published.replace((d, "pubDate")) {
                        item.updated.get_or_insert(dc);
                    }
                }
            }
            (_, "published" | "issued" | "created") => {
                if let Some(d) = one_line(raw) {
                    item.published = Some((
                        d,
                        if local == "published" {
                            "published"
                        } else {
                            "issued"
                        },
                    ));
                }
            }
            (_, "updated" | "modified") => {
                if let Some(d) = one_line(raw) {
                    item.updated = Some((
                        d,
                        if local == "updated" {
                            "updated"
                        } else {
                            "modified"
                        },
                    ));
                }
            }
            (_, "category") => item
                .categories
                .extend(one_line(raw).map(|c| maybe_html_to_text(&c))),
            (_, "author") => item.authors.extend(one_line(raw).map(|a| rss_author(&a))),
            _ => {}
        }
    }

    /// A closing tag: closes the innermost open element of that name and any left open inside it.
    /// A closing tag that matches nothing open is ignored.
    fn end(&mut self, qname: &str) {
        let Some(at) = self.frames.iter().rposition(|f| f.qname == qname) else {
            return;
        };
        while self.frames.len() > at {
            let depth = self.frames.len();
            if let Some(f) = self.frames.pop() {
                self.bindings.truncate(f.bindings_before);
            }
            self.closed(depth);
        }
    }

    /// An element at `depth` has closed.
    fn closed(&mut self, depth: usize) {
        if self.item.as_ref().is_some_and(|i| i.depth == depth) {
            if let Some(d) = self.item.take() {
                let kind = self.kind.unwrap_or(XmlFeedKind::Rss);
                self.ready = Some(d.into_item(kind, &self.feed_authors, self.base_url.as_deref()));
            }
        }
        if self.channel_depth == Some(depth) {
            self.channel_depth = None;
        }
    }
}

impl Draft {
    /// The story's body from a field's raw content: HTML (RSS `content:encoded`, Atom `html` and
    /// `xhtml`) is kept as written, as JSON Feed's `content_html` is, and its first picture is
    /// noted; plain text keeps its paragraphs. Under an `xml:base` the feed set (`own_base`),
    /// its relative links and pictures are made absolute against that base here, as the story
    /// view would otherwise resolve them against the story's own address.
    fn set_body(&mut self, raw: &str, kind: TextKind, own_base: Option<String>) {
        let html = match kind {
            TextKind::Plain => {
                self.content = Some(plain_paragraphs(&element_text(raw))).filter(|t| !t.is_empty());
                return;
            }
            TextKind::Html => element_text(raw),
            TextKind::Xhtml => raw.to_string(),
        };
        let html = match &own_base {
            Some(base) => rebase(&html, base),
            None => html,
        };
        if let Some((src, alt)) = first_image(&html) {
            self.content_image = Some((src, alt, own_base));
        }
        self.content_html = Some(html.trim().to_string()).filter(|h| !h.is_empty());
    }

    /// The wire item validation reads.
    /// The item, read; `doc_base` is the document's address.
    fn into_item(self, kind: XmlFeedKind, feed_authors: &[String], doc_base: Option<&str>) -> Item {
        let text = |s: Option<String>| s.map_or(Field::Missing, Field::Value);
        let http = |s: &Option<String>| s.as_deref().is_some_and(is_http_url);
        // The link: feedburner's original over its redirect, then `link`, then a guid that is a
        // permalink, then RDF's `rdf:about`.
        let url = if http(&self.orig_link) {
            self.orig_link
        } else if self.link.is_some() {
            self.link
        } else if self.guid_is_link && http(&self.guid) {
            self.guid.clone()
        } else if http(&self.about) {
            self.about.clone()
        } else {
            None
        };
        let id = self.guid.or(self.about);
        // The best source, and among pictures of one source the widest (the first of equals).
        let mut best: Option<Picture> = None;
        for p in self.pictures {
            let better = best
                .as_ref()
                .is_none_or(|b| p.rank < b.rank || (p.rank == b.rank && p.width > b.width));
            if better {
                best = Some(p);
            }
        }
        let image = match best {
            Some(p) => Some(WireImage {
                url: Some(p.url),
                alt: Some(p.alt),
                credit: p.credit,
            }),
            // A picture in the text is resolved as the story view resolves its body: against an
            // `xml:base` the feed set, else the story's own address (right for a copy of a
            // feed served from elsewhere, too), else the document's.
            None => self.content_image.map(|(src, alt, own_base)| WireImage {
                url: Some(absolute(
                    own_base.as_deref().or(url.as_deref()).or(doc_base),
                    &src,
                )),
                alt: Some(alt),
                credit: None,
            }),
        };
        let authors = if self.authors.is_empty() && kind == XmlFeedKind::Atom {
            feed_authors.to_vec()
        } else {
            self.authors
        };
        let default_date = match kind {
            XmlFeedKind::Atom => "published",
            XmlFeedKind::Rdf => "dc:date",
            XmlFeedKind::Rss => "pubDate",
        };
        let (published, date_name) = match self.published {
            Some((d, n)) => (Some(d), n),
            None => (None, default_date),
        };
        let (updated, updated_name) = match self.updated {
            Some((d, n)) => (Some(d), n),
            None => (None, "updated"),
        };
        Item {
            id: text(id),
            url: text(url),
            title: text(self.title),
            summary: text(self.summary),
            content_text: text(self.content),
            content_html: text(self.content_html),
            date_published: text(published),
            date_modified: text(updated),
            image: image.map_or(Field::Missing, Field::Value),
            authors: Field::Value(Names {
                names: authors,
                dropped: 0,
            }),
            tags: Field::Value(Names {
                names: self.categories,
                dropped: 0,
            }),
            language: text(
                self.language
                    .map(|l| collapse_whitespace(&l))
                    .filter(|l| !l.is_empty()),
            ),
            xml: Some(XmlOrigin {
                date_names: [date_name, updated_name],
                rfc2822_dates: kind != XmlFeedKind::Atom,
            }),
            ..Item::default()
        }
    }
}
