//! An allow-list sanitiser for the HTML of story bodies (`content_html`).
//!
//! Feed HTML is written by strangers, so it is never handed to the browser as markup. It is
//! read here by a small, forgiving tokenizer into a tree that can only hold the elements of
//! [`Tag`] and, on them, only the attributes listed below, with every address checked. The
//! widget builds DOM nodes from that tree one by one (never an HTML string), so nothing the
//! feed wrote can become a script, a handler, a style or a frame.
//!
//! - **Kept**: paragraphs, headings (`h1`–`h6` become three section levels, none skipped), lists, block
//!   quotes, emphasis, code and preformatted text, figures and captions, line breaks, rules,
//!   links and images, a few harmless inline elements (`sub`, `sup`, `small`, `cite`, `q`), and
//!   `span` and `bdi` (`bdo` becomes `bdi`) for the language and direction they may carry.
//! - **Unwrapped** (the element goes, its content stays): every other element whose content is
//!   text, such as `div`, `font`, `section`, `table` or `form`. Block-level ones end the
//!   paragraph, so their text does not run together.
//! - **Dropped with their content**: `script`, `style`, `template`, frames, `svg`, `math`,
//!   `noscript`, `textarea`, `select`, `head`, `title`, `dialog`; and the empty elements
//!   `base`, `meta`, `link`, `embed`, `input` and the like. (An `svg` or `math` left open ends
//!   where a browser would end it, at the next HTML element such as `p`.) Elements whose
//!   content is fallback text (`object`, `video`, `audio`, `canvas`, `button`) are unwrapped.
//! - **Attributes**: `a href title`, `img src alt title width height`, `ol start`, and on any
//!   kept element `dir` (`ltr`, `rtl`, `auto`) and `lang` (a language tag's shape); nothing else
//!   (no `on…` handlers, `style`, `class`, `id`, `srcset`, `srcdoc`, `formaction`…). Links must
//!   resolve to `http`, `https` or `mailto` and get `rel="noopener noreferrer nofollow"`;
//!   images must resolve to `http` or `https` and load lazily. A link with an unsafe address
//!   keeps its text; an image with one is dropped.

use crate::text::{collapse_whitespace, decode_entities};
use crate::url::resolve;

/// Elements deeper than this are unwrapped (their text stays), so a hostile document cannot
/// build a tree deep enough to exhaust the stack when it is rendered.
pub const MAX_DEPTH: usize = 24;

/// An element the sanitiser keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// A paragraph.
    P,
    /// A section heading (`h1`, `h2`).
    H2,
    /// A subsection heading (`h3`).
    H3,
    /// A lower heading (`h4`, `h5`, `h6`).
    H4,
    /// A bulleted list.
    Ul,
    /// A numbered list.
    Ol,
    /// A list item.
    Li,
    /// A quotation block.
    Blockquote,
    /// Emphasis (`em`, `i`).
    Em,
    /// Strong importance (`strong`, `b`).
    Strong,
    /// Code (`code`, `kbd`, `samp`, `tt`).
    Code,
    /// Preformatted text.
    Pre,
    /// A figure.
    Figure,
    /// A figure's caption.
    Figcaption,
    /// A line break.
    Br,
    /// A thematic break.
    Hr,
    /// A link.
    A,
    /// An image.
    Img,
    /// Subscript.
    Sub,
    /// Superscript.
    Sup,
    /// Side comment.
    Small,
    /// A title of a work.
    Cite,
    /// An inline quotation.
    Q,
    /// A stretch of text, kept for the language or direction it may carry (`dir`, `lang`).
    Span,
    /// Text isolated from the direction around it (`bdi`, and `bdo`, whose `dir` is kept).
    Bdi,
}

impl Tag {
    /// The element's name.
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::H2 => "h2",
            Tag::H3 => "h3",
            Tag::H4 => "h4",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Blockquote => "blockquote",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::Code => "code",
            Tag::Pre => "pre",
            Tag::Figure => "figure",
            Tag::Figcaption => "figcaption",
            Tag::Br => "br",
            Tag::Hr => "hr",
            Tag::A => "a",
            Tag::Img => "img",
            Tag::Sub => "sub",
            Tag::Sup => "sup",
            Tag::Small => "small",
            Tag::Cite => "cite",
            Tag::Q => "q",
            Tag::Span => "span",
            Tag::Bdi => "bdi",
        }
    }

    fn from_name(name: &str) -> Option<Tag> {
        Some(match name {
            "p" => Tag::P,
            "h1" | "h2" => Tag::H2,
            "h3" => Tag::H3,
            "h4" | "h5" | "h6" => Tag::H4,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "blockquote" => Tag::Blockquote,
            "em" | "i" => Tag::Em,
            "strong" | "b" => Tag::Strong,
            "code" | "kbd" | "samp" | "tt" => Tag::Code,
            "pre" | "listing" => Tag::Pre,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "a" => Tag::A,
            "img" | "image" => Tag::Img,
            "sub" => Tag::Sub,
            "sup" => Tag::Sup,
            "small" => Tag::Small,
            "cite" => Tag::Cite,
            "q" => Tag::Q,
            "span" => Tag::Span,
            "bdi" | "bdo" => Tag::Bdi,
            _ => return None,
        })
    }

    /// True for elements that never have content.
    pub fn is_void(self) -> bool {
        matches!(self, Tag::Br | Tag::Hr | Tag::Img)
    }

    /// True for headings.
    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H2 | Tag::H3 | Tag::H4)
    }

    /// True for elements that start a new block and so end an open paragraph.
    fn closes_paragraph(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::Ul
                | Tag::Ol
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Figure
                | Tag::Hr
        )
    }

    /// True for elements that hold phrasing content.
    fn is_inline(self) -> bool {
        matches!(
            self,
            Tag::Em
                | Tag::Strong
                | Tag::Code
                | Tag::Br
                | Tag::A
                | Tag::Img
                | Tag::Sub
                | Tag::Sup
                | Tag::Small
                | Tag::Cite
                | Tag::Q
                | Tag::Span
                | Tag::Bdi
        )
    }
}

/// A node of sanitised content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An allowed element.
    Element(Element),
    /// Text (entities decoded; render it as text).
    Text(String),
}

/// An allowed element with its allowed, checked attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Which element.
    pub tag: Tag,
    /// Attribute names and values, already checked (addresses resolved and safe).
    pub attrs: Vec<(&'static str, String)>,
    /// Its content.
    pub children: Vec<Node>,
    /// A heading's level in the source (1 to 6; 0 for other elements), which sets its level
    /// among the story's headings (see `level_headings`).
    pub(crate) rank: u8,
}

impl Element {
    fn new(tag: Tag) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
            rank: match tag {
                Tag::H2 => 2,
                Tag::H3 => 3,
                Tag::H4 => 4,
                _ => 0,
            },
        }
    }

    /// The value of attribute `name`, if kept.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements dropped together with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "template", "iframe", "svg", "math", "noscript", "noembed", "noframes",
    "textarea", "select", "datalist", "head", "title", "xmp", "dialog",
];

/// Void elements dropped (no content to keep).
const DROPPED_VOID: &[&str] = &[
    "base", "meta", "link", "input", "param", "source", "track", "area", "keygen", "wbr", "col",
    "embed", "isindex", "frame", "frameset",
];

/// HTML elements that end an `svg` or `math` element left open, as they do in browsers (the
/// content from there on is HTML again).
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Elements whose content is not markup: everything up to their end tag is skipped unread.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Unwrapped elements that are blocks: they end the open paragraph where they start and end.
const BLOCKS: &[&str] = &[
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "address", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "center", "details",
    "summary", "fieldset", "legend", "form", "hgroup", "body", "html",
];

/// Sanitises an HTML fragment. `base` (the story's own address) resolves relative links and
/// image addresses; without it they are dropped. Never fails: anything it cannot read as
/// markup is kept as text or left out.
pub fn sanitize(html: &str, base: Option<&str>) -> Vec<Node> {
    let mut b = Builder {
        base,
        stack: vec![Element::new(Tag::Figure)],
        implicit: false,
    };
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            b.text(rest);
            break;
        };
        if lt > 0 {
            b.text(&rest[..lt]);
        }
        let after = &rest[lt + 1..];
        rest = match after.as_bytes().first() {
            Some(b'!') => skip_comment_or_declaration(after),
            Some(b'?') => after.find('>').map_or("", |e| &after[e + 1..]),
            Some(b'/') if after.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = read_end_tag(&after[1..]);
                b.end(&name);
                end
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (tag, end) = read_start_tag(after);
                if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
                    skip_raw_text(end, &tag.name)
                } else if tag.name == "plaintext" {
                    ""
                } else {
                    b.start(tag, end)
                }
            }
            _ => {
                // A "<" that starts no tag is text.
                b.text("<");
                after
            }
        };
    }
    let mut nodes = b.finish();
    drop_empty_paragraphs(&mut nodes);
    level_headings(&mut nodes, &mut Vec::new());
    nodes
}

/// Paragraphs with nothing to read (only line breaks and white space, as editors leave between
/// passages, or a tracking pixel now gone) are left out: each would be a blank gap.
fn drop_empty_paragraphs(nodes: &mut Vec<Node>) {
    nodes.retain_mut(|node| match node {
        Node::Element(e) => {
            drop_empty_paragraphs(&mut e.children);
            e.tag != Tag::P
                || e.children.iter().any(|c| match c {
                    Node::Text(t) => !t.trim().is_empty(),
                    Node::Element(inner) => inner.tag != Tag::Br,
                })
        }
        Node::Text(_) => true,
    });
}

/// `html` with the relative addresses of its links and pictures (`href`, `src`) made absolute
/// against `base`: for a body whose base is not the story's own address (an Atom feed's
/// `xml:base`), before [`sanitize`] resolves the rest against that. Everything else is kept as
/// written; a tag with an address to change is written anew.
pub fn rebase(html: &str, base: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        if !after
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
        {
            // An end tag, a comment or a lone "<": as written, up to what it ends.
            let next = match after.as_bytes().first() {
                Some(b'!') => skip_comment_or_declaration(after),
                _ => after,
            };
            out.push_str(&rest[lt..rest.len() - next.len()]);
            rest = next;
            continue;
        }
        let (tag, end) = read_start_tag(after);
        let written = &rest[lt..rest.len() - end.len()];
        let moved: Vec<(&str, String)> = tag
            .attrs
            .iter()
            .filter(|(n, _)| n == "href" || n == "src")
            .filter_map(|(n, v)| {
                let v = v.trim();
                // (A link within the story stays one: the sanitiser keeps no such link.)
                if v.starts_with('#') {
                    return None;
                }
                let to = resolve(Some(base), v).ok()?;
                (to != v).then_some((n.as_str(), to))
            })
            .collect();
        if moved.is_empty() {
            out.push_str(written);
        } else {
            out.push('<');
            out.push_str(&tag.name);
            for (n, v) in &tag.attrs {
                let v = moved.iter().find(|(m, _)| m == n).map_or(v, |(_, to)| to);
                out.push(' ');
                out.push_str(n);
                out.push_str("=\"");
                out.push_str(&v.replace('&', "&amp;").replace('"', "&quot;"));
                out.push('"');
            }
            out.push_str(if tag.self_closing { "/>" } else { ">" });
        }
        rest = if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
            let skipped = skip_raw_text(end, &tag.name);
            out.push_str(&end[..end.len() - skipped.len()]);
            skipped
        } else {
            end
        };
    }
    out.push_str(rest);
    out
}

/// The story's headings on three levels that skip none (an `h1` followed by an `h5`, or a first
/// heading at `h4`, which readers of headings and checkers such as axe-core take for a missing
/// section), following the source's own outline: the first heading, and any at its level or
/// above, is a section heading (`h2`); a heading below the one before it goes one level down
/// (down to `h4`); one at the level of an earlier heading still open takes that heading's level,
/// so siblings stay siblings. `open` holds the source levels of the headings above the current
/// place, each with the level it was given.
fn level_headings(nodes: &mut [Node], open: &mut Vec<(u8, Tag)>) {
    for node in nodes {
        let Node::Element(e) = node else { continue };
        if e.tag.is_heading() {
            while open.last().is_some_and(|&(rank, _)| rank > e.rank) {
                open.pop();
            }
            e.tag = match open.last() {
                Some(&(rank, tag)) if rank == e.rank => {
                    open.pop();
                    tag
                }
                Some((_, Tag::H2)) => Tag::H3,
                Some(_) => Tag::H4,
                None => Tag::H2,
            };
            open.push((e.rank, e.tag));
        } else {
            level_headings(&mut e.children, open);
        }
    }
}

/// A story's plain text (`content_text`) as content nodes: paragraphs between blank lines, and
/// a line that starts with `## ` (or `# `) a section heading, `### ` a subsection and `#### `
/// to `###### ` a lower heading, the way plain-text stories mark their sections. The text is
/// never read as markup.
pub fn text_blocks(text: &str) -> Vec<Node> {
    let mut out = Vec::new();
    let mut para = String::new();
    let push = |out: &mut Vec<Node>, tag: Tag, rank: usize, text: &str| {
        if !text.is_empty() {
            let mut e = Element::new(tag);
            e.children.push(Node::Text(text.to_string()));
            e.rank = rank as u8;
            out.push(Node::Element(e));
        }
    };
    for line in text.lines().map(str::trim) {
        let heading = heading_line(line);
        if line.is_empty() || heading.is_some() {
            push(&mut out, Tag::P, 0, &para);
            para.clear();
        }
        if let Some((hashes, title)) = heading {
            let tag = match hashes {
                1 | 2 => Tag::H2,
                3 => Tag::H3,
                _ => Tag::H4,
            };
            push(&mut out, tag, hashes, title);
        } else if !line.is_empty() {
            if !para.is_empty() {
                para.push('\n');
            }
            para.push_str(line);
        }
    }
    push(&mut out, Tag::P, 0, &para);
    level_headings(&mut out, &mut Vec::new());
    out
}

/// A plain-text line that marks a section: one to six `#`, white space (a space, a tab, a
/// no-break space), then the heading's text (the number of `#` with the text).
fn heading_line(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    let text = rest.trim();
    (rest.starts_with(char::is_whitespace) && (1..=6).contains(&hashes) && !text.is_empty())
        .then_some((hashes, text))
}

/// Tidies a plain-text body as it is read: one paragraph per run of lines between blank ones,
/// its white space collapsed, paragraphs separated by one blank line; a heading line (as
/// [`text_blocks`] reads them) stays a line of its own, so the text under it stays a paragraph.
pub fn plain_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut para = String::new();
    let end = |out: &mut String, para: &mut String| {
        let p = collapse_whitespace(para);
        if !p.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&p);
        }
        para.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            end(&mut out, &mut para);
        } else if heading_line(line.trim()).is_some() {
            end(&mut out, &mut para);
            para.push_str(line);
            end(&mut out, &mut para);
        } else {
            para.push(' ');
            para.push_str(line);
        }
    }
    end(&mut out, &mut para);
    out
}

/// The plain text of sanitised content (for reading-time estimates and tests).
pub fn text_of(nodes: &[Node]) -> String {
    fn walk(nodes: &[Node], out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    if !e.tag.is_inline() && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    if e.tag == Tag::Img {
                        out.push_str(e.attr("alt").unwrap_or(""));
                    }
                    walk(&e.children, out);
                    if e.tag == Tag::Br || !e.tag.is_inline() {
                        out.push('\n');
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(nodes, &mut out);
    out
}

/// The readable text of an HTML fragment, read as [`sanitize`] reads it: each block (and each
/// line break) a paragraph, paragraphs separated by a blank line, white space collapsed within
/// them, inline markup leaving its text in place ("<b>T</b>essera" is "Tessera"), pictures left
/// out, and their captions too ("Photo: agency" is no way to begin an excerpt) unless the
/// captions are all the text there is. The result is plain text and is never rendered as HTML.
///
/// It is read on one line (a card's excerpt, the search's text), so a paragraph that ends
/// without a stop before one that starts a sentence gets one ("a standfirst. The story"), and
/// publishers' links around the story ("Continue reading…", "Related: …", "The post … appeared
/// first on …") are left out when there is other text.
pub fn html_to_text(html: &str) -> String {
    let nodes = sanitize(html, None);
    let mut blocks = text_blocks_of(&nodes, false);
    if blocks.is_empty() {
        blocks = text_blocks_of(&nodes, true);
    }
    let alone = blocks.len() == 1;
    if let Some(last) = blocks.last_mut() {
        if let Some(cut) = read_more_at_end(last).filter(|&cut| cut > 0 || !alone) {
            last.truncate(cut);
        }
    }
    if blocks.iter().any(|b| !is_boilerplate(b)) {
        blocks.retain(|b| !is_boilerplate(b));
    }
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let open = out.chars().next_back().is_some_and(char::is_alphanumeric);
            if open && block.chars().next().is_some_and(char::is_uppercase) {
                out.push('.');
            }
            out.push_str("\n\n");
        }
        out.push_str(block);
    }
    out
}

/// Links publishers put at the end of a summary, to their page ("Continue reading…"), lower
/// case, without the dots or arrow after them.
const READ_MORE: &[&str] = &[
    "continue reading",
    "read more",
    "read the full story",
    "read the full article",
    "read full story",
    "read full article",
    "keep reading",
    "full story",
    "leer más",
    "seguir leyendo",
    "leia mais",
    "continue lendo",
    "weiterlesen",
    "lire la suite",
    "continua a leggere",
];

/// The start of a "Continue reading…" that ends `block` after a sentence (or is all of it).
fn read_more_at_end(block: &str) -> Option<usize> {
    let text = block.trim_end_matches(|c: char| ".…→»›>)] ".contains(c));
    let lower = text.to_lowercase();
    // (Some letters change length in lower case; then the offsets below would not match the
    // text, and it is left as it is.)
    if lower.len() != text.len() {
        return None;
    }
    let phrase = READ_MORE.iter().find(|p| lower.ends_with(*p))?;
    let start = text.len() - phrase.len();
    let before = text[..start].trim_end_matches(['(', '[', ' ']);
    // All of the paragraph, or after a sentence and a space.
    let after_sentence =
        before.len() < start && before.ends_with(['.', '!', '?', '…', '"', '”', ':']);
    (before.is_empty() || after_sentence).then_some(before.len())
}

/// A paragraph that is a publisher's link around a story rather than part of it: a "Related:"
/// or "See also:" line, a "Continue reading…", a blog's "The post … appeared first on …".
fn is_boilerplate(block: &str) -> bool {
    let lower = block.to_lowercase();
    let lead = [
        "related:",
        "see also:",
        "read also:",
        "also read:",
        "read more:",
    ];
    (lead.iter().any(|l| lower.starts_with(l)) && block.chars().count() <= 300)
        || (lower.starts_with("the post ") && lower.contains(" appeared first on "))
        || block.is_empty()
}

/// The paragraphs of `nodes` for [`html_to_text`], `captions` or not.
fn text_blocks_of(nodes: &[Node], captions: bool) -> Vec<String> {
    fn flush(para: &mut String, out: &mut Vec<String>) {
        let p = collapse_whitespace(para);
        para.clear();
        if !p.is_empty() {
            out.push(p);
        }
    }
    fn walk(nodes: &[Node], captions: bool, para: &mut String, out: &mut Vec<String>) {
        for n in nodes {
            match n {
                Node::Text(t) => para.push_str(t),
                Node::Element(e) if e.tag == Tag::Img => {}
                Node::Element(e) if e.tag == Tag::Figcaption && !captions => {}
                Node::Element(e) if e.tag == Tag::Br || !e.tag.is_inline() => {
                    flush(para, out);
                    walk(&e.children, captions, para, out);
                    flush(para, out);
                }
                Node::Element(e) => walk(&e.children, captions, para, out),
            }
        }
    }
    let (mut para, mut out) = (String::new(), Vec::new());
    walk(nodes, captions, &mut para, &mut out);
    flush(&mut para, &mut out);
    out
}

/// The address and text alternative of the first picture in an HTML fragment (`<img src>`),
/// skipping one-pixel trackers, read by the same tokenizer as [`sanitize`]. The address is as
/// written (entities decoded); the caller resolves and checks it.
pub fn first_image(html: &str) -> Option<(String, String)> {
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        rest = match after.as_bytes().first() {
            Some(b'!') => skip_comment_or_declaration(after),
            Some(c) if c.is_ascii_alphabetic() => {
                let (tag, end) = read_start_tag(after);
                let picture = tag.name == "img"
                    && !is_pixel(|name| tag.attr(name))
                    && emoji_picture(&tag).is_none();
                match tag.attr("src") {
                    Some(src) if picture && !src.is_empty() => {
                        let alt = tag.attr("alt").unwrap_or_default();
                        return Some((src.to_string(), collapse_whitespace(alt)));
                    }
                    _ if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing => {
                        skip_raw_text(end, &tag.name)
                    }
                    _ => end,
                }
            }
            _ => after,
        };
    }
    None
}

/// True for a picture one pixel wide or high, or less: a tracking pixel or a spacer, never
/// something to look at. `attr` reads an attribute of the `<img>`.
fn is_pixel<'a>(attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    ["width", "height"].into_iter().any(|d| {
        attr(d)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .is_some_and(|n| n <= 1)
    })
}

/// The text of an emoji drawn as a picture (`<img class="emoji" alt="🙂">`, as blog software
/// writes emoji into its feeds; a face in a picture 72 pixels high), which is shown as the
/// character it stands for: it reads on in the sentence, in the excerpt too, loads nothing,
/// and is no story's picture.
fn emoji_picture(tag: &StartTag) -> Option<&str> {
    let classed = tag.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| c.eq_ignore_ascii_case("emoji") || c.eq_ignore_ascii_case("wp-smiley"))
    });
    // A picture from an emoji set's folder: /emoji/, /emojis/, /twemoji/.
    let emoji_set = tag.attr("src").is_some_and(|s| {
        let path = s.split(['?', '#']).next().unwrap_or(s);
        let folders = path.rsplit_once('/').map_or("", |(folders, _)| folders);
        folders.split('/').any(|f| {
            let f = f.to_ascii_lowercase();
            f.ends_with("emoji") || f.ends_with("emojis")
        })
    });
    let alt = tag
        .attr("alt")
        .filter(|a| !a.is_empty() && a.chars().count() <= 16)?;
    (tag.name == "img" && (classed || emoji_set)).then_some(alt)
}

/// True when sanitised content shows the picture at `url`, whatever size its query asks for
/// (`a.jpg?w=150` and `a.jpg?w=1200` are one picture): the story view then leaves out a hero
/// picture the body repeats.
pub fn shows_picture(nodes: &[Node], url: &str) -> bool {
    let file = |u: &str| u.split(['?', '#']).next().unwrap_or(u).to_string();
    let wanted = file(url);
    nodes.iter().any(|n| match n {
        Node::Element(e) if e.tag == Tag::Img => e.attr("src").is_some_and(|s| file(s) == wanted),
        Node::Element(e) => shows_picture(&e.children, url),
        Node::Text(_) => false,
    })
}

/// True when `e` has something to be named by: text, a picture's text alternative, or its title.
fn has_name(e: &Element) -> bool {
    e.attr("title").is_some_and(|t| !t.trim().is_empty())
        || e.children.iter().any(|c| match c {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(i) if i.tag == Tag::Img => {
                i.attr("alt").is_some_and(|a| !a.trim().is_empty())
            }
            Node::Element(inner) => has_name(inner),
        })
}

/// A BCP 47 tag's shape: letters, digits and dashes, starting with a letter, at most 35 long.
fn is_language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The value of attribute `name` among a start tag's attributes.
fn attr_of<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

struct StartTag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl StartTag {
    /// The value of attribute `name`, without white space around it.
    fn attr(&self, name: &str) -> Option<&str> {
        attr_of(&self.attrs, name).map(str::trim)
    }
}

fn skip_comment_or_declaration(after_lt: &str) -> &str {
    if let Some(body) = after_lt.strip_prefix("!--") {
        // "<!-->" and "<!--->" end at once, as browsers read them.
        if let Some(r) = body.strip_prefix('>').or_else(|| body.strip_prefix("->")) {
            return r;
        }
        return body
            .find("-->")
            .map(|e| &body[e + 3..])
            .or_else(|| body.find("--!>").map(|e| &body[e + 4..]))
            .unwrap_or("");
    }
    // "<![CDATA[…]]>" and "<!DOCTYPE …>" are not content of a story.
    after_lt.find('>').map_or("", |e| &after_lt[e + 1..])
}

fn read_end_tag(s: &str) -> (String, &str) {
    let name_len = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let name = s[..name_len].to_ascii_lowercase();
    let rest = &s[name_len..];
    (name, rest.find('>').map_or("", |e| &rest[e + 1..]))
}

fn read_start_tag(s: &str) -> (StartTag, &str) {
    let name_len = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let mut tag = StartTag {
        name: s[..name_len].to_ascii_lowercase(),
        attrs: Vec::new(),
        self_closing: false,
    };
    let mut rest = &s[name_len..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        match rest.as_bytes().first() {
            None => return (tag, ""),
            Some(b'>') => return (tag, &rest[1..]),
            Some(b'/') => {
                rest = &rest[1..];
                if rest.starts_with('>') {
                    tag.self_closing = true;
                }
                continue;
            }
            _ => {}
        }
        // An attribute name runs to white space, "/", ">" or "=" (a leading "=" belongs to it).
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let name_len = rest[first..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>' || c == '=')
            .map_or(rest.len(), |i| i + first);
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = String::new();
        if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (raw, after) = match v.as_bytes().first() {
                Some(&q @ (b'"' | b'\'')) => {
                    let body = &v[1..];
                    match body.find(q as char) {
                        Some(e) => (&body[..e], &body[e + 1..]),
                        None => (body, ""),
                    }
                }
                _ => {
                    let e = v
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(v.len());
                    (&v[..e], &v[e..])
                }
            };
            value = decode_entities(raw);
            rest = after;
        }
        if !tag.attrs.iter().any(|(n, _)| *n == name) {
            tag.attrs.push((name, value));
        }
    }
}

fn skip_raw_text<'a>(s: &'a str, name: &str) -> &'a str {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i + 2;
        let end = at + name.len();
        if bytes.len() >= end
            && bytes[at..end].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(end)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        {
            return s[end..].find('>').map_or("", |e| &s[end + e + 1..]);
        }
        from = at;
    }
    ""
}

struct Builder<'a> {
    base: Option<&'a str>,
    /// Open elements; the first is the root that collects the result.
    stack: Vec<Element>,
    /// The open paragraph was made here (for loose text at the top level), not by the feed.
    implicit: bool,
}

impl Builder<'_> {
    fn top(&mut self) -> &mut Element {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn open(&self, tag: Tag) -> Option<usize> {
        self.stack
            .iter()
            .skip(1)
            .rposition(|e| e.tag == tag)
            .map(|i| i + 1)
    }

    /// Closes the open elements from `at` up, attaching each to its parent.
    fn close_from(&mut self, at: usize) {
        while self.stack.len() > at.max(1) {
            let Some(done) = self.stack.pop() else { return };
            if done.tag == Tag::A && !has_name(&done) {
                // A link with nothing to read out (a tracker's link around a picture without a
                // text alternative) would be an unnamed stop for the keyboard: its content stays
                // without it.
                self.top().children.extend(done.children);
                continue;
            }
            let keep = done.tag.is_void()
                || done.children.iter().any(|c| match c {
                    Node::Text(t) => !t.trim().is_empty(),
                    Node::Element(_) => true,
                });
            if keep {
                self.top().children.push(Node::Element(done));
            } else if let Some(Node::Text(_)) = done.children.first() {
                // White space between words survives the empty element it sat in.
                self.text(" ");
            }
        }
        if self.open(Tag::P).is_none() {
            self.implicit = false;
        }
    }

    fn end_paragraph(&mut self) {
        if let Some(p) = self.open(Tag::P) {
            // A paragraph inside a quote or list item is ended only by blocks inside those.
            let container = self
                .stack
                .iter()
                .rposition(|e| matches!(e.tag, Tag::Blockquote | Tag::Li | Tag::Figure))
                .unwrap_or(0);
            if p > container {
                self.close_from(p);
            }
        }
    }

    fn text(&mut self, raw: &str) {
        self.push_text(decode_entities(raw));
    }

    /// Adds text already decoded.
    fn push_text(&mut self, text: String) {
        let top = self.top().tag;
        if text.trim().is_empty() {
            // White space matters between words, not between blocks.
            if self.stack.len() == 1 || matches!(top, Tag::Ul | Tag::Ol) {
                return;
            }
        } else if self.stack.len() == 1 {
            self.stack.push(Element::new(Tag::P));
            self.implicit = true;
        }
        match self.top().children.last_mut() {
            Some(Node::Text(t)) => t.push_str(&text),
            _ => self.top().children.push(Node::Text(text)),
        }
    }

    fn start<'s>(&mut self, tag: StartTag, rest: &'s str) -> &'s str {
        let name = tag.name.as_str();
        if DROPPED.contains(&name) {
            return if tag.self_closing {
                rest
            } else {
                skip_element(rest, name)
            };
        }
        if DROPPED_VOID.contains(&name) {
            return rest;
        }
        let Some(t) = Tag::from_name(name) else {
            if BLOCKS.contains(&name) {
                self.end_paragraph();
            }
            return rest;
        };
        if t.closes_paragraph() || (self.implicit && !t.is_inline()) {
            self.end_paragraph();
        }
        match t {
            Tag::Li => {
                let list = self
                    .stack
                    .iter()
                    .rposition(|e| matches!(e.tag, Tag::Ul | Tag::Ol))
                    .unwrap_or(0);
                if let Some(li) = self.open(Tag::Li).filter(|&li| li > list) {
                    self.close_from(li);
                }
            }
            t if t.is_heading() => {
                if let Some(h) = self.stack.iter().rposition(|e| e.tag.is_heading()) {
                    self.close_from(h);
                }
            }
            Tag::A => {
                if let Some(a) = self.open(Tag::A) {
                    self.close_from(a);
                }
            }
            _ => {}
        }
        if self.stack.len() > MAX_DEPTH {
            return rest;
        }
        if let Some(alt) = emoji_picture(&tag) {
            self.push_text(alt.to_string());
            return rest;
        }
        let Some(mut el) = self.element(t, &tag.attrs) else {
            return rest;
        };
        if let Some(level) = name.strip_prefix('h').and_then(|n| n.parse().ok()) {
            el.rank = level;
        }
        if self.stack.len() == 1 && t.is_inline() {
            self.stack.push(Element::new(Tag::P));
            self.implicit = true;
        }
        if t.is_void() {
            self.top().children.push(Node::Element(el));
        } else {
            self.stack.push(el);
        }
        rest
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            // "</br>" is a line break to browsers, too.
            if self.stack.len() > 1 {
                self.top()
                    .children
                    .push(Node::Element(Element::new(Tag::Br)));
            }
            return;
        }
        let Some(t) = Tag::from_name(name) else {
            if BLOCKS.contains(&name) {
                self.end_paragraph();
            }
            return;
        };
        let at = if t.is_heading() {
            self.stack
                .iter()
                .skip(1)
                .rposition(|e| e.tag.is_heading())
                .map(|i| i + 1)
        } else {
            self.open(t)
        };
        if let Some(at) = at {
            self.close_from(at);
        }
    }

    /// The element with its allowed attributes, or `None` when it cannot be kept (an image
    /// without a safe address).
    fn element(&self, tag: Tag, attrs: &[(String, String)]) -> Option<Element> {
        let mut el = Element::new(tag);
        let get = |n: &str| attr_of(attrs, n);
        match tag {
            Tag::A => {
                if let Some(href) = get("href").and_then(|h| safe_link(h, self.base)) {
                    el.attrs.push(("href", href));
                    el.attrs
                        .push(("rel", "noopener noreferrer nofollow".into()));
                }
                if let Some(t) = get("title") {
                    el.attrs.push(("title", plain_attr(t)));
                }
            }
            Tag::Img => {
                if is_pixel(get) {
                    return None;
                }
                let src = get("src").and_then(|s| safe_image(s, self.base))?;
                el.attrs.push(("src", src));
                el.attrs.push(("alt", plain_attr(get("alt").unwrap_or(""))));
                if let Some(t) = get("title") {
                    el.attrs.push(("title", plain_attr(t)));
                }
                for dim in ["width", "height"] {
                    if let Some(v) = get(dim).filter(|v| is_small_number(v)) {
                        el.attrs.push((dim, v.trim().to_string()));
                    }
                }
                el.attrs.push(("loading", "lazy".into()));
                el.attrs.push(("decoding", "async".into()));
            }
            Tag::Ol => {
                if let Some(v) = get("start").filter(|v| is_small_number(v)) {
                    el.attrs.push(("start", v.trim().to_string()));
                }
            }
            _ => {}
        }
        // A passage in another language or direction (an English quotation in an Arabic story)
        // keeps its marks: `dir` by keyword, `lang` as a language tag's letters, digits, dashes.
        if let Some(d) = get("dir").map(|d| d.trim().to_ascii_lowercase()) {
            if matches!(d.as_str(), "ltr" | "rtl" | "auto") {
                el.attrs.push(("dir", d));
            }
        }
        if let Some(l) = get("lang").map(str::trim).filter(|l| is_language_tag(l)) {
            el.attrs.push(("lang", l.to_string()));
        }
        Some(el)
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_from(1);
        self.stack
            .pop()
            .map(|root| root.children)
            .unwrap_or_default()
    }
}

/// Skips a dropped element and everything in it, counting nested elements of the same name.
fn skip_element<'a>(s: &'a str, name: &str) -> &'a str {
    let foreign = name == "svg" || name == "math";
    let mut depth = 1usize;
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        let at_tag = &rest[lt..];
        let after = &rest[lt + 1..];
        if let Some(end) = after.strip_prefix('/') {
            let (n, r) = read_end_tag(end);
            if foreign && (n == "p" || n == "br") {
                return at_tag;
            }
            rest = r;
            if n == name {
                depth -= 1;
                if depth == 0 {
                    return rest;
                }
            }
        } else if after.starts_with("!") {
            rest = skip_comment_or_declaration(after);
        } else if after
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
        {
            let (tag, r) = read_start_tag(after);
            if foreign && BREAKOUT.contains(&tag.name.as_str()) {
                return at_tag;
            }
            rest = if RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
                skip_raw_text(r, &tag.name)
            } else {
                r
            };
            if tag.name == name && !tag.self_closing {
                depth += 1;
            }
        } else {
            rest = after;
        }
    }
    ""
}

/// White space and control characters removed the way browsers remove them from addresses:
/// tabs and newlines anywhere, controls and spaces at either end.
fn clean_address(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ' || c.is_control())
        .to_string()
}

/// A link address if it is (or resolves to) http, https or mailto.
fn safe_link(raw: &str, base: Option<&str>) -> Option<String> {
    let href = clean_address(raw);
    if let Some(rest) = strip_prefix_ignore_case(&href, "mailto:") {
        let ok = !rest.is_empty()
            && !rest
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || "<>\"".contains(c));
        return ok.then(|| format!("mailto:{rest}"));
    }
    if href.starts_with('#') {
        // In-page anchors point into the feed's page, not this one.
        return None;
    }
    resolve(base, &href).ok()
}

/// An image address if it is (or resolves to) http or https.
fn safe_image(raw: &str, base: Option<&str>) -> Option<String> {
    resolve(base, &clean_address(raw)).ok()
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes()))
    .then(|| &s[prefix.len()..])
}

fn plain_attr(v: &str) -> String {
    v.chars().filter(|c| !c.is_control()).take(300).collect()
}

fn is_small_number(v: &str) -> bool {
    let v = v.trim();
    !v.is_empty() && v.len() <= 5 && v.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of a tree, for assertions.
    fn show(nodes: &[Node]) -> String {
        let mut out = String::new();
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    out.push('<');
                    out.push_str(e.tag.name());
                    for (k, v) in &e.attrs {
                        out.push_str(&format!(" {k}=\"{v}\""));
                    }
                    out.push('>');
                    if !e.tag.is_void() {
                        out.push_str(&show(&e.children));
                        out.push_str(&format!("</{}>", e.tag.name()));
                    }
                }
            }
        }
        out
    }

    fn clean(html: &str) -> String {
        show(&sanitize(
            html,
            Some("https://news.example/2024/story.html"),
        ))
    }

    #[test]
    fn rebase_makes_links_and_pictures_absolute_and_keeps_the_rest_as_written() {
        let base = "https://site.example/blog/";
        let html = r##"<p class=x>See <a href="/posts/other.html" title='a "b"'>this</a> <A HREF=next.html>and</A></p><img src="images/a.png" alt="A &amp; B"/><!-- <a href="c.html"> --><script>var s = "<a href='d.html'>";</script><a href="https://elsewhere.example/x">far</a><a href="#top">up</a> 1 < 2"##;
        assert_eq!(
            rebase(html, base),
            r##"<p class=x>See <a href="https://site.example/posts/other.html" title="a &quot;b&quot;">this</a> <a href="https://site.example/blog/next.html">and</A></p><img src="https://site.example/blog/images/a.png" alt="A &amp; B"/><!-- <a href="c.html"> --><script>var s = "<a href='d.html'>";</script><a href="https://elsewhere.example/x">far</a><a href="#top">up</a> 1 < 2"##
        );
        // What the sanitiser then makes of it.
        let nodes = sanitize(
            &rebase(r#"<p><a href="p.html">p</a></p>"#, base),
            Some("https://other.example/x/"),
        );
        let Node::Element(p) = &nodes[0] else {
            panic!()
        };
        let Node::Element(a) = &p.children[0] else {
            panic!()
        };
        assert!(
            a.attrs
                .iter()
                .any(|(n, v)| *n == "href" && v == "https://site.example/blog/p.html"),
            "{:?}",
            a.attrs
        );
    }

    #[test]
    fn passages_keep_their_language_and_direction() {
        assert_eq!(
            clean(
                r#"<p DIR=" RTL " lang="ar-EG">نص</p><blockquote dir="ltr" lang="en"><p>Quote</p></blockquote>"#
            ),
            r#"<p dir="rtl" lang="ar-EG">نص</p><blockquote dir="ltr" lang="en"><p>Quote</p></blockquote>"#
        );
        // Inline too, on a span or an isolate (bdo's override becomes an isolate).
        assert_eq!(
            clean(
                r#"<p dir="rtl">قال <span lang="en" dir="ltr">fine day</span> و<bdo dir="ltr">ABC</bdo></p>"#
            ),
            r#"<p dir="rtl">قال <span dir="ltr" lang="en">fine day</span> و<bdi dir="ltr">ABC</bdi></p>"#
        );
        // Other values of either are dropped.
        assert_eq!(
            clean(
                r#"<p dir="rtl;color:red" lang="en&quot;onload">x</p><p dir="" lang="-en">y</p><p lang="e n">z</p>"#
            ),
            "<p>x</p><p>y</p><p>z</p>"
        );
    }

    #[test]
    fn a_picture_is_found_in_content_whatever_size_it_asks_for() {
        let nodes = sanitize(
            r#"<p>Intro</p><figure><img src="https://img.example/a.jpg?w=1200" alt=""></figure>"#,
            None,
        );
        assert!(shows_picture(&nodes, "https://img.example/a.jpg?w=150"));
        assert!(shows_picture(&nodes, "https://img.example/a.jpg"));
        assert!(!shows_picture(&nodes, "https://img.example/b.jpg"));
    }

    #[test]
    fn links_with_nothing_to_read_out_keep_only_their_content() {
        let nodes = sanitize(
            r#"<p>Read <a href="https://ads.example/c"><img src="https://ads.example/p.gif" alt=""></a> <a href="https://x.example/">the report</a> <a href="https://x.example/i"><img src="https://x.example/i.png" alt="A chart"></a> <a href="https://x.example/t" title="Top"><img src="https://x.example/t.png" alt=""></a></p>"#,
            None,
        );
        let mut links = Vec::new();
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Element>) {
            for n in nodes {
                if let Node::Element(e) = n {
                    if e.tag == Tag::A {
                        out.push(e);
                    }
                    walk(&e.children, out);
                }
            }
        }
        walk(&nodes, &mut links);
        let hrefs: Vec<_> = links.iter().map(|a| a.attr("href").unwrap_or("")).collect();
        assert_eq!(
            hrefs,
            [
                "https://x.example/",
                "https://x.example/i",
                "https://x.example/t"
            ]
        );
        // The tracker's picture stays, outside any link.
        assert!(format!("{nodes:?}").contains("https://ads.example/p.gif"));
    }

    #[test]
    fn the_first_real_image_is_found() {
        let html = r#"<p>x</p><IMG width="1" height="1" src="https://t.example/pixel.gif"/>
            <img class=a src='https://img.example/a.jpg?w=1&amp;h=2' alt="A &amp; B">"#;
        assert_eq!(
            first_image(html),
            Some(("https://img.example/a.jpg?w=1&h=2".into(), "A & B".into()))
        );
        assert_eq!(
            first_image("<img src=plain.png>"),
            Some(("plain.png".into(), String::new()))
        );
        assert_eq!(first_image("<imgx src=a> <img alt=x> <img src=\"\">"), None);
        // A spacer one pixel wide or high, or of size 0, is no picture either, to both the card
        // and the story.
        for pixel in [
            r#"<img src="s.gif" width="1" height="40">"#,
            r#"<img src="s.gif" height=" 0 ">"#,
            r#"<img src="s.gif" width="0" height="0">"#,
        ] {
            assert_eq!(first_image(pixel), None, "{pixel}");
            assert_eq!(clean(pixel), "", "{pixel}");
        }
        assert!(first_image(r#"<img src="a.jpg" width="10" height="12">"#).is_some());
        assert_eq!(
            first_image("<img src=\"unterminated"),
            Some(("unterminated".into(), String::new()))
        );
        assert_eq!(
            first_image(
                r#"<img alt="a > b" src="https://img.example/q.jpg"><script><img src=x.png></script>"#
            ),
            Some(("https://img.example/q.jpg".into(), "a > b".into()))
        );
        assert_eq!(
            first_image("<script><img src=x.png></script><!-- <img src=y.png> -->"),
            None
        );
    }

    #[test]
    fn emoji_drawn_as_pictures_are_their_characters() {
        let wp = r#"<p>Launch day <img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f680.png" alt="🚀" class="wp-smiley" style="height: 1em; max-height: 1em;" /> is &amp; here</p>"#;
        assert_eq!(clean(wp), "<p>Launch day 🚀 is & here</p>");
        assert_eq!(html_to_text(wp), "Launch day 🚀 is & here");
        // Not a story's picture, whoever drew it; the real picture after it is.
        let html = r#"<img class="Emoji" alt="&lt;3" src="https://cdn.example/e/heart.png"> <img src="https://cdn.example/twemoji/1f600.png" alt="😀"><img src="https://img.example/a.jpg">"#;
        assert_eq!(
            first_image(html),
            Some(("https://img.example/a.jpg".into(), String::new()))
        );
        assert_eq!(clean(html), "<p><3 😀<img src=\"https://img.example/a.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\"></p>");
        // A picture without a short text to stand for is still a picture.
        for picture in [
            r#"<img class="emoji" src="https://img.example/e.png">"#,
            r#"<img class="emoji-art" alt="x" src="https://img.example/e.png">"#,
            r#"<img alt="Emoji" src="https://img.example/2026/emoji-day.jpg?from=/emoji/">"#,
            r#"<img class="emoji" alt="A long description of a whole scene" src="https://img.example/e.png">"#,
        ] {
            assert!(first_image(picture).is_some(), "{picture}");
        }
    }

    #[test]
    fn text_for_one_line_keeps_sentences_apart_and_leaves_publishers_links_out() {
        // As a newspaper's feed writes its summaries.
        let guardian = r#"<p>Former teams pay tribute to a hard-working veteran</p><p>The 13-year NBA veteran died on Wednesday.</p><p> <span>Related: </span><a href="https://news.example/r">Fact check: the address analysed</a> </p> <a href="https://news.example/s">Continue reading...</a>"#;
        assert_eq!(
            html_to_text(guardian),
            "Former teams pay tribute to a hard-working veteran.\n\nThe 13-year NBA veteran died on Wednesday."
        );
        // A stop only between sentences: not after punctuation, nor before a lower-case line.
        assert_eq!(
            html_to_text("<p>Timetable:</p><p>Departs 22:00</p><p>and arrives</p><p>¿Qué?</p>"),
            "Timetable:\n\nDeparts 22:00\n\nand arrives\n\n¿Qué?"
        );
        // A "read more" after a sentence, in the same paragraph, in another language, or with
        // an arrow.
        for (html, text) in [
            (
                "<p>The pier opens. <a href=x>Read more →</a></p>",
                "The pier opens.",
            ),
            (
                "<p>Der Hafen öffnet. [Weiterlesen]</p>",
                "Der Hafen öffnet.",
            ),
            (
                "<p>Abre el muelle.</p><p><a href=x>Leer más</a></p>",
                "Abre el muelle.",
            ),
            (
                "<p>A post.</p><p>The post A post appeared first on A blog.</p>",
                "A post.",
            ),
            // Words that only look like one stay, as does one that is all the text.
            (
                "<p>Why we should keep reading</p>",
                "Why we should keep reading",
            ),
            ("<p>Continue reading</p>", "Continue reading"),
            (
                "<p>Related: a story of its own, nothing else</p>",
                "Related: a story of its own, nothing else",
            ),
        ] {
            assert_eq!(html_to_text(html), text, "{html}");
        }
    }

    #[test]
    fn html_becomes_plain_paragraphs() {
        let html = "<p>Hello <b>world</b> &amp; friends&#8217; <a href=\"x\">link</a></p>\
                    <script>alert('x')</script><p>Second&nbsp;para</p><!-- note --><STYLE>p{}</STYLE>";
        assert_eq!(
            html_to_text(html),
            "Hello world & friends’ link.\n\nSecond para"
        );
        assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(
            html_to_text("<img src=x onerror=alert(1)>caption"),
            "caption"
        );
        assert_eq!(
            html_to_text("unterminated <script>never closed"),
            "unterminated"
        );
        assert_eq!(html_to_text("<p>one<br>two</p>"), "one\n\ntwo");
    }

    #[test]
    fn captions_are_left_out_of_the_text_unless_they_are_all_of_it() {
        let lead = "<figure><img src=\"/a.jpg\" alt=\"Boats\"><figcaption>Photo: Harbour desk</figcaption></figure>\
                    <p>The ferry runs again.</p>";
        assert_eq!(html_to_text(lead), "The ferry runs again.");
        let quote = "<figure><blockquote>Boats first.</blockquote><figcaption>The mayor</figcaption></figure>";
        assert_eq!(html_to_text(quote), "Boats first.");
        let photo_only =
            "<figure><img src=\"/a.jpg\"><figcaption>Dawn over the quay</figcaption></figure>";
        assert_eq!(html_to_text(photo_only), "Dawn over the quay");
    }

    #[test]
    fn inline_markup_leaves_words_whole_and_quoted_brackets_stay_inside_tags() {
        assert_eq!(
            html_to_text("<p>Prices rose <em>sharply</em>, analysts said, and <a href=\"https://news.example/r\">the report</a>.</p>"),
            "Prices rose sharply, analysts said, and the report."
        );
        assert_eq!(
            html_to_text("<p>See <a href=\"https://news.example/?q=a>b\" title=\"x > y\">the chart</a> for details.</p>"),
            "See the chart for details."
        );
        assert_eq!(
            html_to_text("<p>The <b>T</b>essera index and the <span>super</span>market.</p>"),
            "The Tessera index and the supermarket."
        );
        assert_eq!(
            html_to_text(
                "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
            ),
            "one\n\ntwo\n\na\n\nb"
        );
        assert_eq!(
            html_to_text("<svg><text>drawn</text></svg><p>kept</p>"),
            "kept"
        );
    }

    #[test]
    fn plain_text_gives_paragraphs_and_marked_sections() {
        let t = "Lead paragraph.\n\n## From trial to use\n\nBody <b>text</b>.\n\n### Detail\nSame block.\n\n#Not a heading\n\n##\n\n####### Seven\n\n   \n\n# Top";
        assert_eq!(
            show(&text_blocks(t)),
            "<p>Lead paragraph.</p><h2>From trial to use</h2><p>Body <b>text</b>.</p><h3>Detail</h3><p>Same block.</p>\
             <p>#Not a heading</p><p>##</p><p>####### Seven</p><h2>Top</h2>"
        );
        // The text stays text: the "<b>" above is a text node, not an element.
        assert!(
            matches!(&text_blocks("<b>x</b>")[..], [Node::Element(e)] if e.children == [Node::Text("<b>x</b>".into())])
        );
        assert_eq!(
            show(&text_blocks(
                "## Top\n\n### Sub\n\n#### Low\n\n###### Lowest"
            )),
            "<h2>Top</h2><h3>Sub</h3><h4>Low</h4><h4>Lowest</h4>"
        );
        // No level is skipped.
        assert_eq!(
            show(&text_blocks("#### Low\n\n###### Lowest")),
            "<h2>Low</h2><h3>Lowest</h3>"
        );
        // A heading line needs no blank line around it; Windows line ends are lines too.
        assert_eq!(
            show(&text_blocks("Intro.\r\n## Tight\r\nText\n## One\n## Two")),
            "<p>Intro.</p><h2>Tight</h2><p>Text</p><h2>One</h2><h2>Two</h2>"
        );
        assert!(text_blocks("").is_empty());
    }

    #[test]
    fn plain_paragraphs_keep_heading_lines_apart_and_collapse_the_rest() {
        assert_eq!(
            plain_paragraphs("  One\n  line.\r\n\t\r\n## Head\nUnder it\n### Sub\n#No\nheading"),
            "One line.\n\n## Head\n\nUnder it\n\n### Sub\n\n#No heading"
        );
        assert_eq!(plain_paragraphs(" \n \n"), "");
        // Any white space after the marks: the heading is still the line alone.
        assert_eq!(
            plain_paragraphs("##\tHead\nBody\n###\u{a0}Sub\nMore"),
            "## Head\n\nBody\n\n### Sub\n\nMore"
        );
        // What it gives reads as the same blocks as what it was given.
        let t = "Lead.\n## A\nBody\n\n###### Low\nText";
        assert_eq!(
            show(&text_blocks(&plain_paragraphs(t))),
            show(&text_blocks(t))
        );
    }

    #[test]
    fn allowed_structure_is_kept() {
        assert_eq!(
            clean("<h2>Why</h2><p>One <em>two</em> <b>three</b></p><ul><li>a<li>b</ul>"),
            "<h2>Why</h2><p>One <em>two</em> <strong>three</strong></p><ul><li>a</li><li>b</li></ul>"
        );
        assert_eq!(
            clean("<blockquote><p>Said</p></blockquote><pre><code>x &lt; y</code></pre>"),
            "<blockquote><p>Said</p></blockquote><pre><code>x < y</code></pre>"
        );
    }

    #[test]
    fn loose_text_and_blocks_become_paragraphs() {
        assert_eq!(
            clean("First<br>line<div>Second</div><div>Third</div>"),
            "<p>First<br>line</p><p>Second</p><p>Third</p>"
        );
        assert_eq!(clean("<p>a<p>b"), "<p>a</p><p>b</p>");
        // Paragraphs with nothing to read, and tracking pixels, leave no gap.
        assert_eq!(
            clean("<p>a</p><p><br></p><p> &nbsp; </p><p><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></p><p>b</p>"),
            "<p>a</p><p>b</p>"
        );
        assert_eq!(
            clean("<h2>Top</h2><h3>Sub</h3><h5>Low</h5><h1>Top</h1>"),
            "<h2>Top</h2><h3>Sub</h3><h4>Low</h4><h2>Top</h2>"
        );
        // No level is skipped: not after a section heading, nor at the start.
        assert_eq!(
            clean("<h1>Top</h1><h5>Low</h5>"),
            "<h2>Top</h2><h3>Low</h3>"
        );
        assert_eq!(
            clean("<div><h4>First</h4></div><h6>Next</h6>"),
            "<h2>First</h2><h3>Next</h3>"
        );
        // Siblings stay siblings, at any level of the source; the outline is the source's.
        assert_eq!(
            clean("<h4>Slide 1</h4><p>a</p><h4>Slide 2</h4><h4>Slide 3</h4><h4>Slide 4</h4>"),
            "<h2>Slide 1</h2><p>a</p><h2>Slide 2</h2><h2>Slide 3</h2><h2>Slide 4</h2>"
        );
        assert_eq!(
            clean("<h2>A</h2><h4>a1</h4><h3>a2</h3><h5>x</h5><h4>a3</h4><h2>B</h2><h3>b1</h3>"),
            "<h2>A</h2><h3>a1</h3><h3>a2</h3><h4>x</h4><h4>a3</h4><h2>B</h2><h3>b1</h3>"
        );
        assert_eq!(
            show(&text_blocks(
                "### One\n\n### Two\n\n#### Under two\n\n### Three"
            )),
            "<h2>One</h2><h2>Two</h2><h3>Under two</h3><h2>Three</h2>"
        );
    }

    #[test]
    fn scripts_styles_and_frames_go_with_their_content() {
        assert_eq!(
            clean(
                "<p>ok</p><script>alert(1)</script><style>p{}</style><iframe srcdoc=x>y</iframe>"
            ),
            "<p>ok</p>"
        );
        assert_eq!(
            clean("<svg><a href=\"https://x.example/\">in</a></svg>after"),
            "<p>after</p>"
        );
        assert_eq!(
            clean("<svg onload=x()><p>breaks out</p>"),
            "<p>breaks out</p>"
        );
        assert_eq!(clean("<object data=x>fallback</object>"), "<p>fallback</p>");
        assert_eq!(clean("<SCRIPT>a</script >b"), "<p>b</p>");
        assert_eq!(clean("<script>no end"), "");
        assert_eq!(
            clean("<template><p>t</p></template><p>kept</p>"),
            "<p>kept</p>"
        );
        assert_eq!(clean("<math><mi>x</mi></math>"), "");
    }

    #[test]
    fn handlers_styles_and_unknown_attributes_are_dropped() {
        assert_eq!(
            clean("<p onclick=\"x()\" style=\"color:red\" class=c id=i>t</p>"),
            "<p>t</p>"
        );
        assert_eq!(
            clean("<img src=\"https://i.example/a.png\" onerror=alert(1) srcset=\"javascript:x\" alt=\"A\">"),
            "<p><img src=\"https://i.example/a.png\" alt=\"A\" loading=\"lazy\" decoding=\"async\"></p>"
        );
    }

    #[test]
    fn only_http_https_and_mailto_links_survive() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java&#x09;script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript&colon;alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "#top",
        ] {
            let out = clean(&format!("<a href=\"{bad}\">text</a>"));
            assert_eq!(out, "<p><a>text</a></p>", "{bad}");
        }
        assert_eq!(
            clean("<a href=\"/about\">a</a>"),
            "<p><a href=\"https://news.example/about\" rel=\"noopener noreferrer nofollow\">a</a></p>"
        );
        assert_eq!(
            clean("<a href=\"MAILTO:desk@news.example\">m</a>"),
            "<p><a href=\"mailto:desk@news.example\" rel=\"noopener noreferrer nofollow\">m</a></p>"
        );
    }

    #[test]
    fn images_need_an_http_address() {
        assert_eq!(clean("<img src=\"data:image/png;base64,AAA\" alt=x>"), "");
        assert_eq!(clean("<img src=javascript:alert(1)>"), "");
        assert_eq!(
            clean("<img src=pic.png width=640 height=\"1e9\">"),
            "<p><img src=\"https://news.example/2024/pic.png\" alt=\"\" width=\"640\" loading=\"lazy\" decoding=\"async\"></p>"
        );
        assert_eq!(show(&sanitize("<img src=pic.png>", None)), "");
    }

    #[test]
    fn base_meta_forms_and_controls_do_nothing() {
        assert_eq!(
            clean("<base href=\"https://evil.example/\"><meta http-equiv=refresh content=\"0;url=javascript:x\"><a href=\"x\">l</a>"),
            "<p><a href=\"https://news.example/2024/x\" rel=\"noopener noreferrer nofollow\">l</a></p>"
        );
        assert_eq!(
            clean("<form action=\"javascript:x\"><input value=v><button formaction=y>Go</button>Text</form>"),
            "<p>GoText</p>",
            "a button's label stays as text"
        );
    }

    #[test]
    fn broken_markup_is_read_forgivingly() {
        assert_eq!(clean("a < b and c > d"), "<p>a < b and c > d</p>");
        assert_eq!(
            clean("<p>open <em>never closed"),
            "<p>open <em>never closed</em></p>"
        );
        assert_eq!(
            clean("<b><i>x</b></i>y"),
            "<p><strong><em>x</em></strong>y</p>"
        );
        assert_eq!(clean("<!-- <script>alert(1)</script> -->t"), "<p>t</p>");
        assert_eq!(clean("<!--> t"), "<p> t</p>");
        assert_eq!(clean("<p title=\"unterminated>t"), "");
        assert_eq!(
            clean("<a href=https://a.example/><a href=https://b.example/>b</a>"),
            "<p><a href=\"https://b.example/\" rel=\"noopener noreferrer nofollow\">b</a></p>"
        );
        let deep = "<em>".repeat(500) + "deep";
        assert!(text_of(&sanitize(&deep, None)).contains("deep"));
    }

    #[test]
    fn entities_become_text_never_markup() {
        assert_eq!(
            clean("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"),
            "<p><script>alert(1)</script> & more</p>"
        );
        let nodes = sanitize("&lt;b&gt;", None);
        assert_eq!(nodes.len(), 1);
        let Node::Element(p) = &nodes[0] else {
            panic!()
        };
        assert_eq!(p.children, vec![Node::Text("<b>".into())]);
    }

    #[test]
    fn text_of_keeps_paragraph_breaks() {
        let t = text_of(&sanitize("<p>One</p><p>Two <b>three</b></p>", None));
        assert_eq!(
            t.split_whitespace().collect::<Vec<_>>(),
            ["One", "Two", "three"]
        );
    }
}
