//! Loading: from a document's text to validated articles and a report of what was repaired or
//! left out. The rules are written down for feed authors in `docs/FORMAT.md`; each rule there
//! has a test here.

use crate::charset::{detect_encoding, Encoding, Reading, StreamDecoder, UnknownEncoding};
use crate::date::{parse_date, DateQuality, Timestamp, RFC_2822};
use crate::detect::{sniff, sniff_xml_root, NotAFeed, Syntax, XmlFeedKind};
use crate::html::{html_to_text, plain_paragraphs};
use crate::model::{Article, FeedMeta, Format, Image};
use crate::text::{
    caseless, collapse_owned, collapse_whitespace, decode_entities, excerpt, excerpt_owned, teaser,
    CARD_EXCERPT_CHARS,
};
use crate::url::{is_http_url, resolve};
use crate::wire::{self, Field, Item, ItemSlot, Names};
use crate::xmlfeed::{FeedParser, Pulled, XmlError};
use rustc_hash::FxHashSet;
use std::fmt;

/// Largest document accepted, in bytes (512 MiB). Larger ones are refused before parsing, with a
/// message, rather than exhausting the page's memory. About a million typical stories fit.
pub const MAX_DOCUMENT_BYTES: usize = 512 * 1024 * 1024;
/// A story larger than this (in JSON) is left out with a note, unread: no news story needs it
/// (a long feature is some 100 kB), and a larger one holds the page up, read or opened (a
/// 150 MB story took seconds to read; a 7.5 MB one three seconds to open).
pub const MAX_STORY_BYTES: usize = 2_000_000;
/// Headlines longer than this many characters are cut at a word boundary.
pub const MAX_TITLE_CHARS: usize = 300;
/// Summaries longer than this many characters are cut at a word boundary.
pub const MAX_SUMMARY_CHARS: usize = 1_000;
/// A headline made from the start of a story's text has at most this many characters.
const DERIVED_TITLE_CHARS: usize = 90;
/// The longest body (in bytes) read to see whether it says more than its card.
const TEASER_BYTES: usize = 4_000;
/// Category names longer than this are cut.
const MAX_CATEGORY_CHARS: usize = 60;
/// At most this many tags are kept per story.
const MAX_TAGS: usize = 20;
/// An author's name or a tag longer than this many characters is cut at a word boundary.
const MAX_NAME_CHARS: usize = 100;
/// Bytes a document that is neither JSON nor XML is given, when more are coming, before it is
/// refused: enough for the words its message quotes.
const NAMING_BYTES: usize = 1024;
/// The category of a story that names none.
pub const FALLBACK_CATEGORY: &str = "Other";

/// True when an HTML body is one passage of text: at most one paragraph, and no line breaks,
/// lists, headings or pictures (which a card's excerpt cannot show).
fn is_one_passage(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.matches("<p").count() <= 1
        && [
            "<br", "<li", "<h", "<img", "<picture", "<figure", "<table", "<pre",
        ]
        .iter()
        .all(|tag| !lower.contains(tag))
}

/// A document that could not be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Nothing but white space.
    Empty,
    /// Larger than the limit (`limit` bytes; [`MAX_DOCUMENT_BYTES`] unless the widget set
    /// another with [`Reader::set_limit`]).
    TooLarge { bytes: usize, limit: usize },
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
    /// XML (so an RSS, RDF or Atom feed by its first bytes) that is not well-formed enough to
    /// read; `line` and `column` are 1-based, in the decoded text.
    NotXml {
        /// The line of the error, from 1.
        line: usize,
        /// The column of the error, in characters from 1.
        column: usize,
        /// What the XML parser found.
        detail: String,
    },
    /// A document of another kind: a web page, an OPML list, a sitemap, RSS converted to JSON,
    /// a JSON Feed of an unknown version, other XML, or neither JSON nor XML.
    NotAFeed(NotAFeed),
    /// XML in a character encoding Gazette does not read (it reads UTF-8, UTF-16, ISO-8859-1,
    /// ISO-8859-15 and windows-1252).
    UnknownEncoding {
        /// The encoding's name as the document declares it.
        name: String,
    },
    /// The manifest of a sharded archive that cannot be used (see `docs/ARCHIVE.md`).
    BadArchive { detail: String },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::BadArchive { detail } => {
                let detail = detail.trim_end_matches('.');
                write!(f, "The news archive's manifest cannot be used: {detail}.")
            }
            DocumentError::Empty => f.write_str("The news file is empty."),
            DocumentError::TooLarge { bytes, limit } => write!(
                f,
                "The news file is too large (more than {} MB; the limit is {} MB).",
                megabytes(*bytes),
                megabytes(*limit)
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
            DocumentError::NotXml { line, column, .. } => write!(
                f,
                "The news file is not well-formed XML (the error is at line {line}, column {column})."
            ),
            DocumentError::NotAFeed(n) => n.fmt(f),
            DocumentError::UnknownEncoding { name } => write!(
                f,
                "The news file is written in the “{name}” character encoding, which Gazette cannot read (it reads UTF-8, UTF-16, ISO-8859-1, ISO-8859-15 and windows-1252)."
            ),
        }
    }
}

/// A size in megabytes for people: tenths below 10 MB ("1.6"), whole numbers above and for
/// whole megabytes.
fn megabytes(bytes: usize) -> String {
    let tenths = bytes / 100_000;
    if tenths < 100 && !bytes.is_multiple_of(1_000_000) {
        format!("{}.{}", tenths / 10, tenths % 10)
    } else {
        (bytes / 1_000_000).to_string()
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
    /// Stories left out as another's repeat in a feed (the same link, or the same headline and
    /// time): shown once, so no error of the reader's concern.
    pub repeated: Vec<Problem>,
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

/// Reads a document given as text: a Gazette article set, JSON Feed 1.0 or 1.1 (detected by
/// `version`), the common NewsAPI response, RSS 2.0 or 0.9x, RSS 1.0 (RDF) or Atom (detected by
/// the first bytes and the root element). `base_url` is the document's own address, against
/// which relative links resolve. The text is taken as decoded already: an XML declaration's
/// `encoding` is ignored (use [`load_bytes`] for bytes as they were served). This reads a whole
/// document at once; [`Reader`] does the same in steps, as the bytes arrive.
pub fn load_document(text: &str, base_url: Option<&str>) -> Result<Loaded, DocumentError> {
    load(text.as_bytes(), base_url, true)
}

/// Reads a document given as the bytes it was served as: [`load_document`], with XML decoded as
/// its byte order mark or declaration says (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15,
/// windows-1252), and bytes that are not valid UTF-8 in an XML document that declares no
/// encoding read as windows-1252.
pub fn load_bytes(bytes: &[u8], base_url: Option<&str>) -> Result<Loaded, DocumentError> {
    load(bytes, base_url, false)
}

fn load(bytes: &[u8], base_url: Option<&str>, decoded: bool) -> Result<Loaded, DocumentError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let mut reader = Reader::new(base_url);
    reader.decoded = decoded;
    reader.push(bytes)?;
    reader.end_of_input();
    let mut articles = Vec::new();
    while reader.read(usize::MAX, &mut |a| articles.push(a))? == Step::More {}
    let end = reader.finish()?;
    end.complete(&mut articles);
    Ok(Loaded {
        format: end.format,
        meta: end.meta,
        articles,
        report: end.report,
    })
}

/// What is known once a [`Reader`] has read the whole document.
#[derive(Debug)]
pub struct ReadEnd {
    /// The format it was read as.
    pub format: Format,
    /// Facts about the feed.
    pub meta: FeedMeta,
    /// What was repaired or left out.
    pub report: Report,
    /// Stories (numbered in the order they were handed out) whose category should be the feed's
    /// title, which the document only gave after them: the reader put them under "Other" until
    /// then. Empty when the title came first, or there is none.
    pub needs_feed_title: Vec<usize>,
    /// Stories (numbered likewise) with no language of their own, which the feed's language,
    /// given only after them, should be (a JSON document whose keys came sorted, "articles"
    /// before "language"). Empty when the feed names no language.
    pub needs_feed_language: Vec<usize>,
    /// Stories (numbered likewise) of a JSON Feed that name no author, and so should have the
    /// feed's own ([`ReadEnd::feed_authors`]), which it gave only after them. Empty when the
    /// feed named its authors before its items, or names none.
    pub needs_feed_authors: Vec<usize>,
    /// The feed's own authors, for [`ReadEnd::needs_feed_authors`] (empty when that is).
    pub feed_authors: Vec<String>,
}

impl ReadEnd {
    /// Gives the stories handed out (`articles`, in that order) what the document said of
    /// itself only after them: the feed's title as their category, its language and its
    /// authors as theirs.
    pub fn complete(&self, articles: &mut [Article]) {
        if let Some(title) = &self.meta.title {
            for &i in &self.needs_feed_title {
                if let Some(a) = articles.get_mut(i) {
                    a.category.clone_from(title);
                }
            }
        }
        if let Some(language) = &self.meta.language {
            for &i in &self.needs_feed_language {
                if let Some(a) = articles.get_mut(i) {
                    a.language = Some(language.clone());
                }
            }
        }
        for &i in &self.needs_feed_authors {
            if let Some(a) = articles.get_mut(i) {
                a.authors.clone_from(&self.feed_authors);
            }
        }
    }
}

/// Where a [`Reader`] stands after a call to [`Reader::read`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// More stories can be read now.
    More,
    /// The bytes so far are used up: push more (or say that there are no more).
    NeedInput,
    /// The story list is read; call [`Reader::finish`].
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stage {
    /// Before the story list: the top-level fields.
    Head,
    /// Inside the story list, before an element or its closing bracket.
    List,
    /// After the story list: the rest of the top-level object.
    Tail,
    /// The whole document is read.
    End,
}

/// Reads a document story by story as its bytes arrive, so that a very large one never has to
/// be held whole, and its first stories can show before the rest have even arrived.
///
/// The first significant byte decides the syntax ([`crate::detect`]). For JSON, the bytes are
/// scanned for the document's structure (the top-level object, the story list, the bounds of
/// each story); each story is then parsed on its own with serde and validated, and the bytes it
/// took are released. A structural error (unbalanced brackets, an unterminated string, a
/// truncated file) makes the whole document unusable; a story that is malformed inside is left
/// out and reported. The top-level fields may come after the story list too: what they would
/// have given the stories already handed out (the feed's title as a category, its language, a
/// JSON Feed's authors) reaches them through [`ReadEnd::complete`], which names them.
///
/// XML (RSS, RDF, Atom) is read the same way: a web page or other XML is refused as soon as its
/// root element arrives; the encoding is decided by the first bytes (a byte order mark, the
/// declaration), the bytes are decoded as they arrive, and each item is parsed
/// ([`crate::xmlfeed::FeedParser`]) and validated as soon as its end tag is there, at most the
/// number asked for per [`Reader::read`]; the text read is released. A story inherits the feed's
/// facts given before it (language, an Atom feed's author, the addresses links resolve
/// against); one that would take the feed's title as its category when the title only comes
/// after it is listed in [`ReadEnd::needs_feed_title`], as for JSON. Malformed XML makes the
/// whole document unusable, reported once all of it has arrived.
pub struct Reader {
    buf: Vec<u8>,
    pos: usize,
    /// Bytes already released from the front of `buf`, the newlines among them, and the
    /// characters released of the line `buf` starts in, for error positions.
    dropped: usize,
    dropped_lines: usize,
    dropped_line_chars: usize,
    total: usize,
    eof: bool,
    stage: Stage,
    head_started: bool,
    members_seen: usize,
    first_in_list: bool,
    /// How far the scan of a story whose end has not arrived got, to go on from there.
    story_scan: Option<StoryScan>,
    is_feed: bool,
    header: Header,
    given_base: Option<String>,
    ctx: Context,
    handed_out: usize,
    needs_feed_title: Vec<usize>,
    /// Stories handed out with no language (see [`ReadEnd::needs_feed_language`]).
    needs_feed_language: Vec<usize>,
    /// Stories of a JSON Feed handed out with no author (see [`ReadEnd::needs_feed_authors`]).
    needs_feed_authors: Vec<usize>,
    /// The syntax, once the first significant byte has arrived.
    syntax: Option<Syntax>,
    /// The text is decoded already (it came as a `&str`): ignore an XML `encoding`.
    decoded: bool,
    /// XML: the root element seen in the first bytes, once known.
    xml_root: Option<XmlFeedKind>,
    /// XML: the decoder and parser, once the encoding is known.
    xml: Option<Box<XmlRead>>,
    /// JSON: the top level holds an RSS or Atom feed converted to JSON ("RSS", "Atom").
    converted: Option<&'static str>,
    /// Largest document accepted, in bytes.
    limit: usize,
    /// Bytes to have received before the next scan (see [`Reader::read`]).
    rescan_at: usize,
    /// Scans that started again and stopped short, for the tests.
    #[cfg(test)]
    scans: usize,
}

/// XML bytes decoded at a time, when the parser has read all the text before them.
const DECODE_SLICE: usize = 1 << 18;
/// XML bytes and text are released once this much has been read and it is half of what is held.
const RELEASE_BYTES: usize = 1 << 16;

/// An XML document being read: its text as decoded so far, and the parser's place in it. The
/// bytes received wait in the reader's buffer until the parser needs their text.
struct XmlRead {
    decoder: StreamDecoder,
    /// Undecodable bytes are an error (an encoding Gazette does not read, unless the bytes are
    /// UTF-8): other errors wait for the whole document, so that this one comes first.
    only_if_utf8: bool,
    parser: FeedParser,
    /// Decoded text not yet released; `parsed` bytes of it are read.
    text: String,
    parsed: usize,
    /// A U+FEFF at the very start of the text is still to be dropped.
    at_start: bool,
    /// Newlines in the text released from the front of `text`, and the characters after the
    /// last of them (for error positions).
    dropped_lines: usize,
    dropped_line_chars: usize,
}

impl XmlRead {
    /// Decodes more of the bytes received, from `*pos` (which it moves on): a slice at a time, so
    /// that a step's work stays in proportion to the stories it reads, but at least as much as
    /// the text still unread, so that an element longer than a slice is not parsed over and over.
    /// `false` when there is nothing more to decode yet.
    fn decode_more(
        &mut self,
        buf: &[u8],
        pos: &mut usize,
        eof: bool,
    ) -> Result<bool, DocumentError> {
        let want = DECODE_SLICE.max(self.text.len() - self.parsed);
        let end = buf.len().min(pos.saturating_add(want));
        let used = self
            .decoder
            .decode(&buf[*pos..end], eof && end == buf.len(), &mut self.text)
            .map_err(|UnknownEncoding(name)| DocumentError::UnknownEncoding { name })?;
        *pos += used;
        if self.at_start && !self.text.is_empty() {
            self.at_start = false;
            if self.text.starts_with('\u{FEFF}') {
                self.text.drain(..'\u{FEFF}'.len_utf8());
            }
        }
        Ok(used > 0)
    }

    /// Releases the text that has been read, once it is most of what is held.
    fn release(&mut self) {
        if self.parsed < RELEASE_BYTES || self.parsed * 2 < self.text.len() {
            return;
        }
        let gone = &self.text[..self.parsed];
        match gone.rfind('\n') {
            Some(last) => {
                self.dropped_lines += gone.matches('\n').count();
                self.dropped_line_chars = gone[last + 1..].chars().count();
            }
            None => self.dropped_line_chars += gone.chars().count(),
        }
        self.text.drain(..self.parsed);
        self.parsed = 0;
    }

    /// The error for a syntax error at byte `at` of the text held.
    fn not_xml(&self, at: usize, detail: String) -> DocumentError {
        let at = at.min(self.text.len());
        let before = &self.text[..self.text.floor_char_boundary(at)];
        let (line, column) = match before.rfind('\n') {
            Some(i) => (
                self.dropped_lines + before.matches('\n').count() + 1,
                before[i + 1..].chars().count() + 1,
            ),
            None => (
                self.dropped_lines + 1,
                self.dropped_line_chars + before.chars().count() + 1,
            ),
        };
        DocumentError::NotXml {
            line,
            column,
            detail,
        }
    }
}

/// Top-level fields, as they arrive.
#[derive(Default)]
struct Header {
    version: Option<String>,
    title: Option<String>,
    description: Option<String>,
    home_page_url: Option<String>,
    feed_url: Option<String>,
    language: Option<String>,
    /// A JSON Feed's own authors (`authors`, or 1.0's `author`): those of its stories that name
    /// none.
    authors: Vec<String>,
    /// NewsAPI's `status` or `totalResults` is there: a NewsAPI response, read as an article
    /// set whose stories have NewsAPI's names.
    newsapi: bool,
}

impl Header {
    fn meta(&self) -> FeedMeta {
        FeedMeta {
            title: self.title.clone(),
            description: self.description.clone(),
            home_page_url: self.home_page_url.clone().filter(|u| is_http_url(u)),
            language: self.language.clone(),
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (on its opening quote), just after the closing quote.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// Why a value could not be skipped.
enum Scan {
    /// The bytes end inside it.
    Short,
    /// It is malformed at this position.
    Bad(usize, &'static str),
}

/// Where the scan of a story (an object or array) stopped when its bytes ran out.
struct StoryScan {
    /// Bytes from the story's start already looked at.
    scanned: usize,
    /// The closing brackets awaited, innermost last.
    closers: Vec<u8>,
    /// Inside a string, and just after a backslash in it.
    in_string: bool,
    escaped: bool,
}

/// The end of the story starting at `i`, like [`skip_value`], but when its bytes run out the
/// scan is kept in `saved` and the next call (with more bytes, the story still at `i`) goes on
/// from there: a story arriving in many pieces is scanned once, not once per piece.
fn skip_story(
    b: &[u8],
    i: usize,
    complete: bool,
    saved: &mut Option<StoryScan>,
) -> Result<usize, Scan> {
    if !matches!(b.get(i), Some(b'{' | b'[')) {
        *saved = None;
        return skip_value(b, i, complete);
    }
    let mut s = saved.take().unwrap_or(StoryScan {
        scanned: 0,
        closers: Vec::with_capacity(8),
        in_string: false,
        escaped: false,
    });
    let mut j = i + s.scanned;
    while j < b.len() {
        if s.in_string {
            if s.escaped {
                s.escaped = false;
                j += 1;
                continue;
            }
            // Long strings (a story's HTML) are crossed a quote or backslash at a time.
            match memchr::memchr2(b'"', b'\\', &b[j..]) {
                None => {
                    j = b.len();
                    break;
                }
                Some(k) => {
                    j += k;
                    if b[j] == b'"' {
                        s.in_string = false;
                    } else {
                        s.escaped = true;
                    }
                }
            }
        } else {
            match b[j] {
                b'"' => s.in_string = true,
                b'{' => s.closers.push(b'}'),
                b'[' => s.closers.push(b']'),
                c @ (b'}' | b']') => {
                    if s.closers.pop() != Some(c) {
                        return Err(Scan::Bad(j, "a bracket does not match"));
                    }
                    if s.closers.is_empty() {
                        return Ok(j + 1);
                    }
                }
                _ => {}
            }
        }
        j += 1;
    }
    s.scanned = j - i;
    *saved = Some(s);
    Err(Scan::Short)
}

/// The end of the JSON value starting at `i`. Only structure is checked here (brackets,
/// strings); serde checks the rest when the value is parsed. `complete`: no more bytes will come,
/// so a number at the very end is whole.
fn skip_value(b: &[u8], i: usize, complete: bool) -> Result<usize, Scan> {
    match b.get(i) {
        None => Err(Scan::Short),
        Some(b'"') => skip_string(b, i).ok_or(Scan::Short),
        Some(b'{') | Some(b'[') => {
            let mut stack: Vec<u8> = Vec::with_capacity(8);
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j).ok_or(Scan::Short)?;
                        continue;
                    }
                    c @ (b'{' | b'[') => stack.push(if c == b'{' { b'}' } else { b']' }),
                    c @ (b'}' | b']') => {
                        if stack.pop() != Some(c) {
                            return Err(Scan::Bad(j, "a bracket does not match"));
                        }
                        if stack.is_empty() {
                            return Ok(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            Err(Scan::Short)
        }
        Some(_) => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            if j == b.len() && !complete {
                Err(Scan::Short)
            } else if j == i {
                Err(Scan::Bad(i, "a value is missing"))
            } else {
                Ok(j)
            }
        }
    }
}

fn kind_of(b: u8) -> &'static str {
    match b {
        b'[' => "a list",
        b'"' => "text",
        b't' | b'f' => "true or false",
        b'n' => "null",
        _ => "a number",
    }
}

/// What a step of the top-level scan found.
enum Head {
    /// The story list starts here.
    List,
    /// The closing brace: no (more) lists.
    Closed,
}

impl Reader {
    /// A reader for a document at `base_url` (its own address, for relative links).
    pub fn new(base_url: Option<&str>) -> Self {
        Reader {
            buf: Vec::new(),
            pos: 0,
            dropped: 0,
            dropped_lines: 0,
            dropped_line_chars: 0,
            total: 0,
            eof: false,
            stage: Stage::Head,
            head_started: false,
            members_seen: 0,
            first_in_list: true,
            story_scan: None,
            is_feed: false,
            header: Header::default(),
            given_base: base_url.filter(|u| is_http_url(u)).map(str::to_string),
            ctx: Context::default(),
            handed_out: 0,
            needs_feed_title: Vec::new(),
            needs_feed_language: Vec::new(),
            needs_feed_authors: Vec::new(),
            syntax: None,
            decoded: false,
            xml_root: None,
            xml: None,
            converted: None,
            limit: MAX_DOCUMENT_BYTES,
            rescan_at: 0,
            #[cfg(test)]
            scans: 0,
        }
    }

    /// Refuses documents larger than `bytes` (at most [`MAX_DOCUMENT_BYTES`]) as soon as that
    /// many have arrived.
    pub fn set_limit(&mut self, bytes: usize) {
        self.limit = bytes.min(MAX_DOCUMENT_BYTES);
    }

    /// Adds the next bytes of the document.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), DocumentError> {
        self.total += bytes.len();
        if self.total > self.limit {
            return Err(DocumentError::TooLarge {
                bytes: self.total,
                limit: self.limit,
            });
        }
        // Release what has been read, so memory holds little more than the story in progress.
        // (XML is held whole until it is parsed.)
        if self.pos > 0
            && self.pos * 2 >= self.buf.len()
            && self.stage != Stage::Head
            && self.syntax == Some(Syntax::Json)
        {
            let gone = &self.buf[..self.pos];
            let newlines = gone.iter().filter(|&&b| b == b'\n').count();
            match gone.iter().rposition(|&b| b == b'\n') {
                Some(last) => self.dropped_line_chars = utf8_chars(&gone[last + 1..]),
                None => self.dropped_line_chars += utf8_chars(gone),
            }
            self.dropped_lines += newlines;
            self.dropped += self.pos;
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.extend_from_slice(bytes);
        Ok(())
    }

    /// Says that no more bytes will come.
    pub fn end_of_input(&mut self) {
        self.eof = true;
    }

    /// Bytes received so far.
    pub fn received(&self) -> usize {
        self.total
    }

    /// How many stories the document has held so far.
    pub fn seen(&self) -> usize {
        self.ctx.report.total
    }

    /// The format as far as it is known (a `version` after the stories can still refine it; an
    /// XML feed's is known from its root element).
    pub fn format(&self) -> Format {
        if let Some(f) = self.xml.as_ref().and_then(|x| x.parser.format()) {
            return f;
        }
        if self.syntax == Some(Syntax::Xml) {
            return match self.xml_root {
                Some(XmlFeedKind::Atom) => Format::Atom,
                Some(XmlFeedKind::Rdf) => Format::Rdf,
                _ => Format::Rss2,
            };
        }
        if !self.is_feed {
            return match self.header.newsapi {
                true => Format::NewsApi,
                false => Format::ArticleSet,
            };
        }
        match self.header.version.as_deref().and_then(json_feed_version) {
            Some(Ok(f)) => f,
            _ => Format::JsonFeedUnversioned,
        }
    }

    fn not_json(&self, at: usize, detail: &str) -> DocumentError {
        let before = &self.buf[..at.min(self.buf.len())];
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        let line = self.dropped_lines + newlines + 1;
        // The line's characters in `buf`, after those already released when it started there.
        let column = match before.iter().rposition(|&b| b == b'\n') {
            Some(i) => utf8_chars(&before[i + 1..]),
            None => self.dropped_line_chars + utf8_chars(before),
        } + 1;
        DocumentError::NotJson {
            line,
            column,
            detail: detail.to_string(),
        }
    }

    fn refresh_context(&mut self) {
        self.ctx.is_feed = self.is_feed;
        self.ctx.feed_title = self.header.title.clone();
        self.ctx.feed_language = self.header.language.clone();
        self.ctx.feed_authors = self.header.authors.clone();
        // Relative links resolve against the document's address, else the feed's own, else its site.
        self.ctx.base = self
            .given_base
            .clone()
            .or_else(|| self.header.feed_url.clone().filter(|u| is_http_url(u)))
            .or_else(|| self.header.home_page_url.clone().filter(|u| is_http_url(u)));
    }

    /// The document's first bytes: an object, or an error saying what it is instead.
    fn open(&mut self) -> Result<Option<()>, DocumentError> {
        if self.buf.starts_with("\u{FEFF}".as_bytes()) {
            self.pos = 3;
        }
        let start = skip_ws(&self.buf, self.pos);
        let Some(&first) = self.buf.get(start) else {
            return if self.eof {
                Err(DocumentError::Empty)
            } else {
                Ok(None)
            };
        };
        if first != b'{' {
            if !self.eof {
                return Ok(None);
            }
            // Let serde say whether it is JSON at all, and what it is.
            return Err(
                match serde_json::from_slice::<serde::de::IgnoredAny>(&self.buf[self.pos..]) {
                    Err(e) => DocumentError::NotJson {
                        line: e.line(),
                        column: e.column(),
                        detail: e.to_string(),
                    },
                    Ok(_) => DocumentError::NotAnObject {
                        found: kind_of(first),
                    },
                },
            );
        }
        self.pos = start + 1;
        self.head_started = true;
        Ok(Some(()))
    }

    /// Reads top-level members from `pos`, stopping (with `Some(Head::List)`) at the start of the
    /// story list when `stop_at_list`. `None`: more bytes are needed.
    fn members(&mut self, stop_at_list: bool) -> Result<Option<Head>, DocumentError> {
        loop {
            let first = self.members_seen == 0;
            let b = &self.buf;
            let mut i = skip_ws(b, self.pos);
            match b.get(i) {
                None if self.eof => {
                    return Err(self.not_json(i, "the document ends inside its top-level object"))
                }
                None => return Ok(None),
                Some(b'}') => {
                    let rest = skip_ws(b, i + 1);
                    if rest != b.len() {
                        return Err(self.not_json(rest, "text after the end of the document"));
                    }
                    self.pos = rest;
                    return Ok(Some(Head::Closed));
                }
                Some(b',') if !first => i = skip_ws(b, i + 1),
                _ if first => {}
                _ => return Err(self.not_json(i, "a comma or closing brace is missing")),
            }
            if i >= b.len() {
                return if self.eof {
                    Err(self.not_json(i, "the document ends inside its top-level object"))
                } else {
                    Ok(None)
                };
            }
            if b[i] != b'"' {
                return Err(self.not_json(i, "a field name is missing"));
            }
            let Some(key_end) = skip_string(b, i) else {
                return if self.eof {
                    Err(self.not_json(b.len(), "a string is not closed"))
                } else {
                    Ok(None)
                };
            };
            let key: String = serde_json::from_slice(&b[i..key_end])
                .map_err(|e| self.not_json(i, &e.to_string()))?;
            let colon = skip_ws(b, key_end);
            match b.get(colon) {
                Some(b':') => {}
                None if !self.eof => return Ok(None),
                _ => return Err(self.not_json(colon, "a colon is missing")),
            }
            let v = skip_ws(b, colon + 1);
            let is_list_key = key == "articles" || key == "items";
            if is_list_key && stop_at_list {
                match b.get(v) {
                    Some(b'[') => {
                        self.is_feed = key == "items";
                        self.pos = v + 1;
                        self.members_seen += 1;
                        return Ok(Some(Head::List));
                    }
                    Some(b'n') | Some(b'"') | Some(b't') | Some(b'f') | Some(b'-')
                    | Some(b'0'..=b'9') | Some(b'{') => {
                        let c = b[v];
                        if c != b'n' {
                            return Err(DocumentError::NoArticleList {
                                list_kind: Some(if c == b'{' { "an object" } else { kind_of(c) }),
                            });
                        }
                    }
                    None if !self.eof => return Ok(None),
                    _ => {}
                }
            }
            let end = match skip_value(b, v, self.eof) {
                Ok(end) => end,
                Err(Scan::Short) if !self.eof => return Ok(None),
                Err(Scan::Short) => {
                    return Err(self.not_json(b.len(), "the document ends inside a value"))
                }
                Err(Scan::Bad(at, what)) => return Err(self.not_json(at, what)),
            };
            let value = &b[v..end];
            // RSS or Atom converted to JSON names its own structure at the top.
            let inner = match key.as_str() {
                "rss" => Some(("\"channel\"", "RSS")),
                "channel" => Some(("\"item\"", "RSS")),
                "feed" => Some(("\"entry\"", "Atom")),
                _ => None,
            };
            if let Some((needle, from)) = inner {
                if value.first() == Some(&b'{')
                    && value.windows(needle.len()).any(|w| w == needle.as_bytes())
                {
                    self.converted = Some(from);
                }
            }
            // The feed's title and description are text, where publishers still write
            // entities ("Blog &#8211; News") and the odd tag.
            let is_text = matches!(key.as_str(), "title" | "description");
            let slot = match key.as_str() {
                "version" => Some(&mut self.header.version),
                "title" => Some(&mut self.header.title),
                "description" => Some(&mut self.header.description),
                "home_page_url" => Some(&mut self.header.home_page_url),
                "feed_url" => Some(&mut self.header.feed_url),
                "language" => Some(&mut self.header.language),
                _ => None,
            };
            // A JSON Feed's authors (1.1's list before 1.0's single one), as names in text; a
            // value of another shape is ignored, as a story's would be.
            self.header.newsapi |= matches!(key.as_str(), "status" | "totalResults");
            if key == "authors" || (key == "author" && self.header.authors.is_empty()) {
                // Read as a story's would be, as the one field of a story (which keeps the
                // WebAssembly from carrying a second JSON reader for names).
                let mut one = Vec::with_capacity(value.len() + 12);
                one.extend_from_slice(b"{\"");
                one.extend_from_slice(key.as_bytes());
                one.extend_from_slice(b"\":");
                one.extend_from_slice(value);
                one.push(b'}');
                if let Ok(ItemSlot::Item(item)) = from_json::<ItemSlot>(&one) {
                    let names = if key == "authors" {
                        item.authors
                    } else {
                        item.author
                    };
                    if let Field::Value(n) = names {
                        let names = n
                            .names
                            .into_iter()
                            .map(|s| collapse_whitespace(&plain(s).0));
                        self.header.authors =
                            dedupe(names.filter(|s| !s.is_empty()).collect(), MAX_TAGS);
                    }
                }
            }
            if let Some(slot) = slot {
                let f: Field<String> = match from_json(value) {
                    Ok(f) => f,
                    Err(e) => return Err(self.not_json(v, &e.to_string())),
                };
                *slot = f
                    .value()
                    .map(|s| if is_text { plain(s).0 } else { s })
                    .map(|s| collapse_whitespace(&s))
                    .filter(|s| !s.is_empty());
            }
            if key == "version" {
                if let Some(Err(())) = self.header.version.as_deref().and_then(json_feed_version) {
                    let version = self.header.version.as_deref().unwrap_or_default();
                    return Err(DocumentError::NotAFeed(NotAFeed::JsonFeedVersion {
                        version: excerpt(version, 60),
                    }));
                }
            }
            self.pos = end;
            self.members_seen += 1;
        }
    }

    /// Reads up to `max` more stories from the bytes received, handing each valid one to
    /// `sink`.
    pub fn read(
        &mut self,
        max: usize,
        sink: &mut dyn FnMut(Article),
    ) -> Result<Step, DocumentError> {
        // Most scans that stop short start again at the first unread byte: the top level, the
        // gaps between stories, XML text (only a story's own scan goes on where it stopped). So
        // that a document arriving in many small pieces is not scanned once per piece (150 MB
        // of spaces had held the page up for a minute), such a scan waits until what is unread
        // has grown by half: each byte is then scanned a few times at most.
        if !self.eof && self.total < self.rescan_at {
            return Ok(Step::NeedInput);
        }
        let step = self.read_now(max, sink)?;
        if step == Step::NeedInput && self.story_scan.is_none() {
            #[cfg(test)]
            {
                self.scans += 1;
            }
            let text = self.xml.as_ref().map_or(0, |x| x.text.len() - x.parsed);
            self.rescan_at = self.total + (self.buf.len() - self.pos + text) / 2;
        }
        Ok(step)
    }

    fn read_now(
        &mut self,
        max: usize,
        sink: &mut dyn FnMut(Article),
    ) -> Result<Step, DocumentError> {
        if self.syntax.is_none() {
            // A byte order mark can be cut by the first chunk: decide on four bytes or more.
            if !self.eof && self.buf.len() < 4 {
                return Ok(Step::NeedInput);
            }
            match sniff(&self.buf) {
                Ok(None) if self.eof => return Err(DocumentError::Empty),
                Ok(None) => return Ok(Step::NeedInput),
                Ok(Some(s)) => self.syntax = Some(s),
                // The message quotes the document's first words: wait until they are there.
                Err(_) if !self.eof && self.buf.len() < NAMING_BYTES => return Ok(Step::NeedInput),
                Err(n) => return Err(DocumentError::NotAFeed(n)),
            }
        }
        if self.syntax == Some(Syntax::Xml) {
            return self.read_xml(max, sink);
        }
        if self.stage == Stage::Head {
            if !self.head_started && self.open()?.is_none() {
                return Ok(Step::NeedInput);
            }
            match self.members(true)? {
                None => return Ok(Step::NeedInput),
                Some(Head::Closed) => {
                    return Err(match self.converted {
                        Some(from) => DocumentError::NotAFeed(NotAFeed::ConvertedToJson { from }),
                        None => DocumentError::NoArticleList { list_kind: None },
                    })
                }
                Some(Head::List) => {
                    self.stage = Stage::List;
                    self.refresh_context();
                }
            }
        }
        if self.stage != Stage::List {
            return Ok(Step::Done);
        }
        let mut done = 0;
        while done < max {
            let b = &self.buf;
            let mut i = skip_ws(b, self.pos);
            match b.get(i) {
                Some(b']') => {
                    self.pos = i + 1;
                    self.stage = Stage::Tail;
                    return Ok(Step::Done);
                }
                Some(b',') if !self.first_in_list => i = skip_ws(b, i + 1),
                None if self.eof => {
                    return Err(self.not_json(i, "the document ends inside the list of stories"))
                }
                None => return Ok(Step::NeedInput),
                _ if self.first_in_list => {}
                _ => return Err(self.not_json(i, "a comma or closing bracket is missing")),
            }
            let end = match skip_story(b, i, self.eof, &mut self.story_scan) {
                Ok(end) => end,
                Err(Scan::Short) if !self.eof => return Ok(Step::NeedInput),
                Err(Scan::Short) => {
                    return Err(self.not_json(b.len(), "the document ends inside a story"))
                }
                Err(Scan::Bad(at, what)) => return Err(self.not_json(at, what)),
            };
            self.first_in_list = false;
            self.pos = end;
            self.ctx.report.total += 1;
            let position = self.ctx.report.total;
            if end - i > MAX_STORY_BYTES {
                self.ctx.report.skipped.push(Problem {
                    position,
                    label: None,
                    message: format!(
                        "it is too large to read ({} MB; a story may have {} MB)",
                        megabytes(end - i),
                        megabytes(MAX_STORY_BYTES)
                    ),
                });
                done += 1;
                continue;
            }
            let slot = match from_json::<ItemSlot>(&self.buf[i..end]) {
                Ok(slot) => slot,
                Err(e) => {
                    let (line, column) = match self.not_json(i, "") {
                        DocumentError::NotJson { line, column, .. } => (line, column),
                        _ => (0, 0),
                    };
                    self.ctx.report.skipped.push(Problem {
                        position,
                        label: None,
                        message: format!("it is not valid JSON ({e}; the story starts at line {line}, column {column})"),
                    });
                    done += 1;
                    continue;
                }
            };
            if let Some((a, wants_title)) = self.ctx.validate(position, slot) {
                if wants_title {
                    self.needs_feed_title.push(self.handed_out);
                }
                if a.language.is_none() {
                    self.needs_feed_language.push(self.handed_out);
                }
                // The feed's authors, had it named them by now, would be the story's.
                if self.is_feed && a.authors.is_empty() {
                    self.needs_feed_authors.push(self.handed_out);
                }
                self.handed_out += 1;
                sink(a);
            }
            done += 1;
        }
        Ok(Step::More)
    }

    /// XML: refuses a document that is not a feed as soon as its root element shows, decides
    /// the encoding from the first bytes, then decodes what has arrived and hands out the stories
    /// whose end tags are there.
    fn read_xml(
        &mut self,
        max: usize,
        sink: &mut dyn FnMut(Article),
    ) -> Result<Step, DocumentError> {
        if self.stage == Stage::End {
            return Ok(Step::Done);
        }
        if self.xml.is_none() && !self.start_xml()? {
            return Ok(Step::NeedInput);
        }
        let Some(x) = self.xml.as_deref_mut() else {
            return Ok(Step::NeedInput);
        };
        let mut done = 0;
        while done < max {
            let complete = self.eof && self.pos == self.buf.len();
            let start = x.parsed;
            let pull = x.parser.pull(&x.text[start..], complete);
            x.parsed += pull.used;
            match pull.found {
                Ok(Pulled::Item(item)) => {
                    xml_context(&mut self.ctx, &x.parser, self.given_base.as_deref());
                    self.ctx.report.total += 1;
                    let position = self.ctx.report.total;
                    if let Some((a, wants_title)) =
                        self.ctx.validate(position, ItemSlot::Item(item))
                    {
                        if wants_title {
                            self.needs_feed_title.push(self.handed_out);
                        }
                        if a.language.is_none() {
                            self.needs_feed_language.push(self.handed_out);
                        }
                        self.handed_out += 1;
                        sink(a);
                    }
                    done += 1;
                    continue;
                }
                Ok(Pulled::End) => {
                    self.stage = Stage::End;
                    return Ok(Step::Done);
                }
                Ok(Pulled::NeedMore) => {}
                Err(XmlError::NotAFeed(n)) if complete || !x.only_if_utf8 => {
                    return Err(DocumentError::NotAFeed(n))
                }
                Err(XmlError::Syntax { offset, detail }) if complete => {
                    return Err(x.not_xml(start.saturating_add(offset), detail))
                }
                // Until the last byte is decoded, an error may yet be a construct cut short, or
                // give way to an undecodable byte further on.
                Err(_) => {}
            }
            if !x.decode_more(&self.buf, &mut self.pos, self.eof)? {
                x.release();
                self.release_decoded();
                return Ok(Step::NeedInput);
            }
        }
        x.release();
        self.release_decoded();
        Ok(Step::More)
    }

    /// XML: releases the bytes already decoded, once they are most of what is held.
    fn release_decoded(&mut self) {
        if self.pos >= RELEASE_BYTES && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
    }

    /// Sets up the reading of an XML document once its first bytes have said how: `false`
    /// while they cannot tell yet.
    fn start_xml(&mut self) -> Result<bool, DocumentError> {
        const ROOT_WINDOW: usize = 1 << 16;
        let utf16 = matches!(self.buf.first(), Some(0 | 0xFE | 0xFF));
        if self.xml_root.is_none() && !utf16 {
            let head = &self.buf[..self.buf.len().min(ROOT_WINDOW)];
            match sniff_xml_root(head) {
                Some(Ok(kind)) => self.xml_root = Some(kind),
                Some(Err(n)) => return Err(DocumentError::NotAFeed(n)),
                // The root element may still be on its way; past the window the parser decides.
                None if !self.eof && self.buf.len() < ROOT_WINDOW => return Ok(false),
                None => {}
            }
        }
        let (reading, skip) = if self.decoded {
            // Text given as text: its declaration's `encoding` no longer applies.
            (Reading::In(Encoding::Utf8), 0)
        } else {
            match detect_encoding(&self.buf, self.eof) {
                Some(found) => found,
                None => return Ok(false),
            }
        };
        self.buf.drain(..skip.min(self.buf.len()));
        self.pos = 0;
        self.ctx.is_feed = true;
        self.ctx.base = self.given_base.clone();
        self.xml = Some(Box::new(XmlRead {
            only_if_utf8: matches!(reading, Reading::OnlyIfUtf8 { .. }),
            decoder: StreamDecoder::new(reading),
            parser: FeedParser::new(self.given_base.as_deref()),
            text: String::new(),
            parsed: 0,
            at_start: true,
            dropped_lines: 0,
            dropped_line_chars: 0,
        }));
        Ok(true)
    }

    /// What the document has said of itself so far (its title, language, site): all of it
    /// once it is read to the end (see [`ReadEnd::meta`]), and while it is read, what came
    /// before the stories (for a preview, or a document that breaks off).
    pub fn meta_so_far(&self) -> FeedMeta {
        let mut meta = match &self.xml {
            Some(x) => {
                let mut meta = x.parser.meta().clone();
                meta.home_page_url = meta.home_page_url.filter(|u| is_http_url(u));
                meta
            }
            None => self.header.meta(),
        };
        // Cut as a story's headline and summary are: a feed's title of 300,000 characters,
        // drawn whole as the widget's heading, had held the page up for 20 seconds.
        meta.title = meta.title.map(|t| excerpt_owned(t, MAX_TITLE_CHARS));
        meta.description = meta
            .description
            .map(|d| excerpt_owned(d, MAX_SUMMARY_CHARS));
        meta
    }

    /// Whether the list of stories has been read to its end (a fault found after it leaves no
    /// story out).
    pub fn stories_complete(&self) -> bool {
        matches!(self.stage, Stage::Tail | Stage::End)
    }

    /// Reads what follows the stories (all bytes must have arrived) and returns what the whole
    /// document said.
    pub fn finish(mut self) -> Result<ReadEnd, DocumentError> {
        self.eof = true;
        loop {
            match self.read(usize::MAX, &mut |_| {})? {
                Step::Done => break,
                Step::More => continue,
                Step::NeedInput => {
                    return Err(self.not_json(self.buf.len(), "the document ends early"))
                }
            }
        }
        if self.stage == Stage::Tail && self.syntax == Some(Syntax::Json) {
            match self.members(false)? {
                Some(_) => self.stage = Stage::End,
                None => return Err(self.not_json(self.buf.len(), "the document ends early")),
            }
        }
        let format = self.format();
        let meta = self.meta_so_far();
        if self.xml.is_some() {
            return Ok(ReadEnd {
                format,
                needs_feed_title: if meta.title.is_some() {
                    self.needs_feed_title
                } else {
                    Vec::new()
                },
                needs_feed_language: if meta.language.is_some() {
                    self.needs_feed_language
                } else {
                    Vec::new()
                },
                // An XML feed's author (Atom's) reaches only the entries after it.
                needs_feed_authors: Vec::new(),
                feed_authors: Vec::new(),
                meta,
                report: self.ctx.report,
            });
        }
        let title_known_late = self.header.title.is_some() && self.ctx.feed_title.is_none();
        let authors_known_late =
            !self.header.authors.is_empty() && self.ctx.feed_authors.is_empty();
        let (needs_feed_authors, feed_authors) = if authors_known_late {
            (self.needs_feed_authors, self.header.authors)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(ReadEnd {
            format,
            report: self.ctx.report,
            needs_feed_title: if title_known_late {
                self.needs_feed_title
            } else {
                Vec::new()
            },
            needs_feed_language: if meta.language.is_some() {
                self.needs_feed_language
            } else {
                Vec::new()
            },
            needs_feed_authors,
            feed_authors,
            meta,
        })
    }
}

/// The characters in UTF-8 `bytes` (its bytes that start one).
fn utf8_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Brings validation up to date with what an XML feed has said about itself so far: its title
/// (a story's category when it names none), its language, and the addresses links resolve
/// against (the document's, else the feed's own, else its site). Copies only what changed.
fn xml_context(ctx: &mut Context, parser: &FeedParser, given_base: Option<&str>) {
    let meta = parser.meta();
    if ctx.feed_title != meta.title {
        ctx.feed_title.clone_from(&meta.title);
    }
    if ctx.feed_language != meta.language {
        ctx.feed_language.clone_from(&meta.language);
    }
    if given_base.is_none() {
        let base = parser
            .feed_url()
            .filter(|u| is_http_url(u))
            .or_else(|| meta.home_page_url.as_deref().filter(|u| is_http_url(u)));
        if ctx.base.as_deref() != base {
            ctx.base = base.map(str::to_string);
        }
    }
}

/// The JSON Feed version a `version` names: `None` when it names none (not a jsonfeed.org
/// address), `Err` for one that is not 1 or 1.1.
fn json_feed_version(v: &str) -> Option<Result<Format, ()>> {
    let (_, n) = v.split_once("jsonfeed.org/version/")?;
    Some(match n.trim_end_matches('/') {
        "1" | "1.0" => Ok(Format::JsonFeed10),
        "1.1" => Ok(Format::JsonFeed11),
        _ => Err(()),
    })
}

/// A link as compared for duplicates: without its scheme (`http` and `https` are the same
/// story), fragment or trailing slash, its host in lower case.
#[inline(never)]
pub fn canonical_link(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let path = if path.contains('?') {
        path
    } else {
        path.trim_end_matches('/')
    };
    format!("{}{path}", host.to_ascii_lowercase())
}

#[derive(Default)]
struct Context {
    /// A syndication feed (JSON Feed, RSS, RDF, Atom) rather than an article set: categories
    /// come from tags or the feed's title, undated stories are kept (shown last), and stories
    /// that repeat an earlier one's link are left out.
    is_feed: bool,
    base: Option<String>,
    feed_title: Option<String>,
    feed_language: Option<String>,
    /// The feed's own authors, for its stories that name none (JSON Feed says so).
    feed_authors: Vec<String>,
    seen_ids: FxHashSet<String>,
    seen_links: FxHashSet<String>,
    /// Headlines with their times, in a feed.
    seen_stories: FxHashSet<(String, i64)>,
    report: Report,
}

/// Notes collected while validating one story.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    /// Notes why a feed's story is undated and gives it the stand-in date.
    #[inline(never)]
    fn undated(&mut self, why: fmt::Arguments<'_>) -> Timestamp {
        self.0.push(format!("{why}: shown last, as undated"));
        Timestamp::UNDATED
    }
    fn wrong(&mut self, field: &str, kind: &'static str) {
        self.0
            .push(format!("“{field}” is {kind}, not text, and was ignored"));
    }
    /// The value of a text field: trimmed, white space collapsed, `None` if empty. A field of the
    /// wrong type is noted and ignored.
    fn text(&mut self, field: &str, f: Field<String>) -> Option<String> {
        match f {
            Field::Value(s) => Some(collapse_owned(s)).filter(|s| !s.is_empty()),
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

/// `title` without a closing " - Source" (or " | Source", " – Source", " — Source") naming
/// `source`, when some of the headline is left.
fn without_source<'a>(title: &'a str, source: &str) -> Option<&'a str> {
    let source = source.trim();
    let head = title.strip_suffix(source).filter(|_| !source.is_empty())?;
    let head = [" - ", " | ", " – ", " — "]
        .iter()
        .find_map(|sep| head.strip_suffix(sep))?
        .trim_end();
    (!head.is_empty()).then_some(head)
}

/// Text that may carry HTML (some feeds put markup in plain-text fields) as plain text.
fn plain(s: String) -> (String, bool) {
    // Most fields hold neither markup nor entities: one scan finds that out, instead of five.
    let (mut lt, mut amp) = (false, false);
    for &b in s.as_bytes() {
        lt |= b == b'<';
        amp |= b == b'&';
    }
    if !lt && !amp {
        return (s, false);
    }
    let looks_like_html =
        lt && (s.contains("</") || s.contains("/>") || s.contains("<br") || s.contains("<p>"));
    if looks_like_html {
        (collapse_whitespace(&html_to_text(&s)), true)
    } else if s.contains('&') {
        (decode_entities(&s), false)
    } else {
        (s, false)
    }
}

/// Reads `bytes` as JSON. JSON that fails for what a browser's own reading of JSON lets pass
/// is read again as a browser reads it, rather than losing the story or the feed's title: bytes
/// that are not UTF-8 (a stray Latin-1 letter) and lone UTF-16 surrogate escapes (`"\ud83d"`,
/// an emoji cut in two) become U+FFFD.
fn from_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    // (One call of the reader, which is large: the WebAssembly carries it once per type.)
    let mut repaired = None;
    loop {
        let input = repaired.as_deref().unwrap_or(bytes);
        match serde_json::from_slice(input) {
            Err(e) if repaired.is_none() && e.is_syntax() => match read_as_browsers_do(bytes) {
                Some(fixed) => repaired = Some(fixed),
                None => return Err(e),
            },
            read => return read,
        }
    }
}

/// `bytes` as a browser reads JSON: not-UTF-8 bytes and lone surrogate escapes replaced by
/// U+FFFD; `None` when there is neither.
fn read_as_browsers_do(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Owned(text) => Some(text.into_bytes()),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let now = text.as_deref().unwrap_or(bytes);
    if now.windows(2).any(|w| w == b"\\u") {
        Some(lone_surrogates_replaced(now))
    } else {
        text
    }
}

/// `bytes` with each `\uXXXX` escape of a surrogate that is not one of a pair replaced by
/// `\ufffd`.
fn lone_surrogates_replaced(bytes: &[u8]) -> Vec<u8> {
    let escape = |at: usize| -> Option<u32> {
        let hex = bytes.get(at..at + 6)?.strip_prefix(b"\\u")?;
        u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let (high, low) = (0xD800..0xDC00, 0xDC00..0xE000);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let take = match escape(i) {
            Some(c) if high.contains(&c) && escape(i + 6).is_some_and(|d| low.contains(&d)) => 12,
            Some(c) if high.contains(&c) || low.contains(&c) => {
                out.extend_from_slice(b"\\ufffd");
                i += 6;
                continue;
            }
            // Any other escape, as it is (also a backslash written twice).
            _ => 2,
        };
        out.extend_from_slice(&bytes[i..(i + take).min(bytes.len())]);
        i += take;
    }
    out
}

fn dedupe(list: Vec<String>, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len().min(max));
    // Each kept name's caseless form ([`caseless`]).
    let mut keys: Vec<String> = Vec::with_capacity(out.capacity());
    for s in list {
        let s = excerpt_owned(collapse_owned(s), MAX_NAME_CHARS);
        if s.is_empty() || out.len() >= max {
            continue;
        }
        let key = caseless(&s);
        if !keys.contains(&key) {
            keys.push(key);
            out.push(s);
        }
    }
    out
}

impl Context {
    /// Leaves a story out, noting why: in the report's `skipped` list, or in `repeated` when it
    /// is an earlier story of the feed's again.
    fn leave_out(
        &mut self,
        repeat: bool,
        position: usize,
        label: Option<String>,
        message: String,
    ) -> Option<(Article, bool)> {
        let list = if repeat {
            &mut self.report.repeated
        } else {
            &mut self.report.skipped
        };
        list.push(Problem {
            position,
            label,
            message,
        });
        None
    }

    /// A story, valid or repaired, and whether it wants the feed's title as its category (a JSON
    /// Feed item with no tags, when the title is not known yet); `None` when it is left out.
    /// Out of line: JSON and XML stories share this one copy in the wasm.
    #[inline(never)]
    fn validate(&mut self, pos: usize, slot: ItemSlot) -> Option<(Article, bool)> {
        let item = match slot {
            ItemSlot::Item(item) => *item,
            ItemSlot::NotObject(kind) => {
                return self.leave_out(
                    false,
                    pos,
                    None,
                    format!("it is {kind}, not an article object"),
                )
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
            xml,
        } = item;
        let is_feed = self.is_feed;
        // XML items come with plain text already (their format says what is HTML).
        let is_plain = xml.is_some();
        let mut notes = Notes::default();

        // Text first: a headline can be made from it.
        let content_text = match content_text {
            Field::Value(s) => Some(plain_paragraphs(&s)).filter(|s| !s.is_empty()),
            Field::Wrong(k) => {
                notes.wrong("content_text", k);
                None
            }
            Field::Missing => None,
        };
        // The HTML is kept as written (it is sanitised when the story is opened); its text
        // stands in for a missing summary.
        let content_html = match content_html {
            Field::Value(h) if !h.trim().is_empty() => Some(h.trim().to_string()),
            Field::Wrong(k) => {
                notes.wrong("content_html", k);
                None
            }
            _ => None,
        };
        let html_text = || {
            content_html
                .as_deref()
                .map(html_to_text)
                .filter(|t| !t.is_empty())
        };
        let summary_field = if matches!(summary, Field::Missing) {
            ("description", description)
        } else {
            ("summary", summary)
        };
        let summary = notes
            .text(summary_field.0, summary_field.1)
            .map(|s| if is_plain { s } else { plain(s).0 })
            .filter(|s| !s.is_empty())
            // Its text without the section marks ("## ") of plain-text stories.
            .or_else(|| {
                content_text.as_deref().map(|t| {
                    collapse_whitespace(&crate::html::text_of(&crate::html::text_blocks(t)))
                })
            })
            .or_else(|| html_text().map(collapse_owned))
            .map(|s| excerpt_owned(s, MAX_SUMMARY_CHARS));

        // Headline.
        let title = match notes.text("title", title) {
            Some(t) if is_plain => Some(excerpt_owned(t, MAX_TITLE_CHARS)),
            Some(t) => {
                let (t, had_html) = plain(t);
                if had_html {
                    notes
                        .0
                        .push("HTML tags were removed from the headline".into());
                }
                Some(excerpt_owned(t, MAX_TITLE_CHARS)).filter(|t| !t.is_empty())
            }
            None => None,
        };
        let id_text = notes.text("id", id);
        let derived = title.is_none();
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
                    return self.leave_out(
                        false,
                        pos,
                        id_text,
                        "it has no headline and no text".into(),
                    );
                }
            },
        };
        // A headline made of the whole text is not said again as the excerpt (a note, a post).
        let mut summary = summary.filter(|s| !(derived && s.trim() == title));

        // Date. A story without a usable one is kept, undated (shown last), in every format.
        let (date_name, date_field) = if let Some(x) = &xml {
            (x.date_names[0], date_published)
        } else if is_feed {
            ("date_published", date_published)
        } else if matches!(published, Field::Missing) && !matches!(published_at, Field::Missing) {
            ("publishedAt", published_at)
        } else {
            ("published", published)
        };
        let modified_name = xml.as_ref().map_or("date_modified", |x| x.date_names[1]);
        let rfc2822_dates = xml.as_ref().is_some_and(|x| x.rfc2822_dates);
        // A date field's time, or why it gives none.
        let read = |name: &str, text: &str, notes: &mut Notes| match parse_date(text) {
            // The stand-in for undated stories (a generator's "zero time"), or earlier: no story
            // was written then. (Gazette's own article sets write undated stories so.)
            Ok((t, _)) if t.is_undated() && (is_feed || t != Timestamp::UNDATED) => Err(format!(
                "“{name}” is {}, before any story",
                excerpt(text, 40)
            )),
            Ok((t, DateQuality::Exact)) => Ok(t),
            Ok((t, DateQuality::Repaired(why))) if why == RFC_2822 && rfc2822_dates => Ok(t),
            Ok((t, DateQuality::Repaired(why))) => {
                notes
                    .0
                    .push(format!("“{name}” is {why}, read as {}", t.to_rfc3339()));
                Ok(t)
            }
            Err(e) => Err(format!("“{name}”: {e}")),
        };
        // The publication date, else (missing or unusable) the modification date.
        let first = match date_field {
            Field::Value(text) => read(date_name, &text, &mut notes).map_err(Some),
            Field::Wrong(k) => Err(Some(format!("“{date_name}” is {k}, not a date"))),
            Field::Missing => Err(None),
        };
        let published: Timestamp = match (first, date_modified.value()) {
            (Ok(t), _) => t,
            (Err(why), Some(m)) => match (read(modified_name, &m, &mut notes), why) {
                (Ok(t), Some(why)) => {
                    notes.0.push(format!("{why}: “{modified_name}” is used"));
                    t
                }
                // Atom's `updated` standing in for `published` is the format's own rule.
                (Ok(t), None) if xml.is_some() => t,
                (Ok(t), None) => {
                    notes
                        .0
                        .push(format!("no “{date_name}”: “{modified_name}” is used"));
                    t
                }
                (Err(second), why) => notes.undated(format_args!("{}", why.unwrap_or(second))),
            },
            (Err(Some(why)), None) => notes.undated(format_args!("{why}")),
            (Err(None), None) => notes.undated(format_args!("no date (“{date_name}”)")),
        };

        // Link: `url`, else (JSON Feed) `external_url`; only http(s) is kept. An `external_url`
        // beside a `url` is the page the story is about (a link blog's), kept too.
        let mut link = None;
        let mut about = None;
        let mut link_problems = Vec::new();
        for (name, field) in [("url", url), ("external_url", external_url)] {
            if let Some(u) = notes.text(name, field) {
                match resolve(self.base.as_deref(), &u) {
                    Ok(abs) if link.is_none() => link = Some(abs),
                    Ok(abs) => about = Some(abs).filter(|a| Some(a) != link.as_ref()),
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

        // A body that says no more than the card (an alert service's snippet, given as both the
        // summary and the content) is not a story to open here: the card leads to the
        // publisher's page instead. (Only a short body of one passage is read for it: one of
        // several paragraphs, or with a picture, says more than the card's excerpt shows.)
        let (mut content_text, mut content_html) = (content_text, content_html);
        if link.is_some() {
            let body = match (&content_html, &content_text) {
                (Some(h), _) if h.len() <= TEASER_BYTES && is_one_passage(h) => {
                    Some(collapse_owned(html_to_text(h)))
                }
                (None, Some(t)) if t.len() <= TEASER_BYTES && !t.contains("\n\n") => {
                    Some(collapse_whitespace(t))
                }
                _ => None,
            };
            let said = summary.as_deref().unwrap_or(&title);
            if body.is_some_and(|b| b == said && teaser(&b, CARD_EXCERPT_CHARS) == b) {
                (content_text, content_html) = (None, None);
                // (Its text stays, as the excerpt.)
                summary = Some(said.to_string()).filter(|s| *s != title);
            }
        }

        // Id: the document's, else the link, else the place in the document.
        let id = id_text
            .or_else(|| link.clone())
            .unwrap_or_else(|| format!("story-{pos}"));
        let feed_link = link.as_deref().filter(|_| is_feed);
        if !self.seen_ids.insert(id.clone()) {
            // Its link too: the same item listed again, no error.
            let again = feed_link.is_some_and(|l| self.seen_links.contains(&canonical_link(l)));
            let message = if again {
                format!("its id and link “{id}” repeat an earlier story's")
            } else {
                format!("its id “{id}” repeats an earlier story's")
            };
            return self.leave_out(again, pos, Some(id.clone()), message);
        }
        if let Some(l) = feed_link {
            if !self.seen_links.insert(canonical_link(l)) {
                return self.leave_out(
                    true,
                    pos,
                    Some(id.clone()),
                    format!("its link “{l}” repeats an earlier story's"),
                );
            }
        }
        // The same story under a second address: its headline and time repeat an earlier one's
        // (UOL lists some twice, once under each section).
        if is_feed
            && !published.is_undated()
            && !self.seen_stories.insert((title.clone(), published.0))
        {
            return self.leave_out(
                true,
                pos,
                Some(id.clone()),
                format!("its headline and time repeat an earlier story's, as “{title}”"),
            );
        }

        // Authors and tags (as text: markup and entities some feeds put in them made plain).
        let text = |s: String| if is_plain { s } else { plain(s).0 };
        let as_text = |names: Vec<String>| -> Vec<String> {
            names
                .into_iter()
                .map(text)
                .filter(|n| !n.is_empty())
                .collect()
        };
        let mut authors = as_text(notes.names("authors", authors));
        if authors.is_empty() {
            authors = as_text(notes.names("author", author));
        }
        if authors.is_empty() && is_feed {
            authors.clone_from(&self.feed_authors);
        }
        let authors = dedupe(authors, MAX_TAGS);
        let mut tags = dedupe(as_text(notes.names("tags", tags)), MAX_TAGS);

        // Category: `category`; in JSON Feed (which has none) the first tag, then the feed's title.
        let source = as_text(notes.names("source", source));
        // A headline that ends in its source's name ("… - CNN", as news APIs write them) says
        // it without the name, which its badge says.
        let title = match source.first().and_then(|s| without_source(&title, s)) {
            Some(shorter) => shorter.to_string(),
            None => title,
        };
        let category = notes
            .text("category", category)
            .map(text)
            .filter(|c| !c.is_empty())
            .or_else(|| (is_feed && !tags.is_empty()).then(|| tags.remove(0)))
            .or_else(|| {
                source
                    .into_iter()
                    .next()
                    .map(|s| collapse_whitespace(&s))
                    .filter(|s| !s.is_empty())
            })
            .or_else(|| is_feed.then(|| self.feed_title.clone()).flatten());
        let wants_title = category.is_none() && is_feed;
        let category = category.unwrap_or_else(|| {
            if !is_feed {
                notes
                    .0
                    .push(format!("no “category”: shown under “{FALLBACK_CATEGORY}”"));
            }
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
            Field::Missing => notes
                .text("banner_image", banner_image)
                .or_else(|| notes.text("urlToImage", url_to_image))
                .map(|u| wire::WireImage {
                    url: Some(u),
                    ..Default::default()
                }),
        };
        let image = image.and_then(|img| {
            let raw = img
                .url
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty())?;
            match resolve(self.base.as_deref(), &raw) {
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
            .or_else(|| self.feed_language.clone());

        if !notes.0.is_empty() {
            self.report.repaired.push(Problem {
                position: pos,
                label: Some(id.clone()),
                message: notes.0.join("; "),
            });
        }
        Some((
            Article {
                id,
                title,
                url: link,
                external_url: about,
                category,
                published,
                summary,
                content_text,
                content_html,
                image,
                authors,
                tags,
                language,
            },
            wants_title,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `doc` with `filler` (1 MB of it) arriving 100 bytes at a time where `{}` stands:
    /// the stories' headlines, and how many scans the reader made.
    fn flooded(doc: &str, filler: u8) -> (Vec<String>, usize) {
        let (before, after) = doc.split_once("{}").unwrap();
        let mut reader = Reader::new(None);
        let mut titles = Vec::new();
        let mut read = |reader: &mut Reader| {
            while reader.read(50, &mut |a| titles.push(a.title)).unwrap() == Step::More {}
        };
        reader.push(before.as_bytes()).unwrap();
        read(&mut reader);
        for _ in 0..10_000 {
            reader.push(&[filler; 100]).unwrap();
            read(&mut reader);
        }
        reader.push(after.as_bytes()).unwrap();
        reader.end_of_input();
        read(&mut reader);
        let scans = reader.scans;
        reader.finish().unwrap();
        (titles, scans)
    }

    #[test]
    fn a_flood_arriving_in_small_pieces_is_scanned_a_few_times_not_once_per_piece() {
        let story = r#"{"id":"1","title":"Kept","date_published":"2026-01-01T00:00:00Z"}"#;
        let json = [
            format!("{{}}{{\"items\":[{story}]}}"),
            format!("{{{{}}\"items\":[{story}]}}"),
            format!("{{\"items\":[{{}}{story}]}}"),
            format!("{{\"items\":[{story},{{}}{story}]}}"),
            format!("{{\"items\":[{story}]{{}}}}"),
        ];
        for doc in &json {
            let (titles, scans) = flooded(doc, b' ');
            assert!(
                titles.iter().all(|t| t == "Kept") && !titles.is_empty(),
                "{doc}"
            );
            assert!(scans < 100, "{doc}: {scans} scans for 10,000 pieces");
        }
        // A long value at the top, and spaces in XML.
        let (titles, scans) = flooded(&format!("{{\"x\":\"{{}}\",\"items\":[{story}]}}"), b'a');
        assert_eq!((titles.len(), scans < 100), (1, true), "{scans}");
        let rss = "<rss version=\"2.0\"><channel><title>T</title>{}<item><title>Kept</title>\
                   <pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate></item></channel></rss>";
        let (titles, scans) = flooded(rss, b' ');
        assert_eq!(
            (titles, scans < 100),
            (vec!["Kept".to_string()], true),
            "{scans}"
        );
    }
}
