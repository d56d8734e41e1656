//! What a document is, from its first bytes rather than its name or media type (servers label
//! feeds every way there is): JSON, XML, or something else that is named for the reader.
//!
//! After an optional byte order mark and white space, `<` means XML (and a zero byte beside it,
//! UTF-16 XML); `{`, `[`, `"`, a digit, `-`, `t`, `f` or `n` mean JSON. Among XML documents the
//! root element tells a feed (`rss`, `feed`, `rdf:RDF`) from a web page, an OPML list of feeds,
//! a sitemap or other XML; see [`classify_root`].

use crate::text::collapse_whitespace;
use std::fmt;

/// The syntax a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// JSON: an article set, a JSON Feed or a NewsAPI response.
    Json,
    /// XML: RSS, RDF or Atom.
    Xml,
}

/// A document that is not a news feed, named for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAFeed {
    /// An HTML page (`<!DOCTYPE html>`, `<html>`).
    WebPage,
    /// An OPML outline: a list of feeds, not a feed.
    Opml,
    /// A sitemap (`urlset`, `sitemapindex`).
    Sitemap,
    /// An RSS or Atom feed converted to JSON (`{"rss": {"channel": …}}`), which is not JSON Feed.
    ConvertedToJson {
        /// "RSS" or "Atom".
        from: &'static str,
    },
    /// A JSON Feed whose `version` names a version other than 1 or 1.1.
    JsonFeedVersion {
        /// The version as written (shortened).
        version: String,
    },
    /// XML whose root element is not a feed's.
    OtherXml {
        /// The root element's name as written (shortened).
        root: String,
    },
    /// Neither JSON nor XML: binary data, a PDF, an image, or text.
    Other {
        /// What it seems to be ("a PDF document", "text that starts “Hello”").
        found: String,
    },
}

impl fmt::Display for NotAFeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAFeed::WebPage => f.write_str(
                "The news file is a web page, not a feed: the address may be a site's page rather than its RSS, Atom or JSON feed.",
            ),
            NotAFeed::Opml => f.write_str(
                "The news file is an OPML list of feeds, not a feed: use the address of one of the feeds it lists.",
            ),
            NotAFeed::Sitemap => {
                f.write_str("The news file is a sitemap (a list of a site's pages), not a feed.")
            }
            NotAFeed::ConvertedToJson { from } => write!(
                f,
                "The news file is {from} converted to JSON, not JSON Feed: use the original {from} address."
            ),
            NotAFeed::JsonFeedVersion { version } => write!(
                f,
                "The news file is a JSON Feed of a version Gazette does not read (“{version}”); it reads versions 1 and 1.1."
            ),
            NotAFeed::OtherXml { root } => write!(
                f,
                "The news file is XML but not a feed: its root element is <{root}>, not <rss>, <feed> or <rdf:RDF>."
            ),
            NotAFeed::Other { found } => write!(f, "The news file is {found}, not a feed."),
        }
    }
}

/// The kind of XML feed a root element starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XmlFeedKind {
    /// `<rss>` (RSS 2.0 and 0.9x).
    Rss,
    /// `<rdf:RDF>` (RSS 1.0 and 0.90).
    Rdf,
    /// `<feed>` (Atom 1.0, and the older 0.3).
    Atom,
}

/// Tells a feed's root element from others, by its local name (any prefix is ignored) and the
/// `<!DOCTYPE>` name if there was one.
pub fn classify_root(qname: &str, doctype: Option<&str>) -> Result<XmlFeedKind, NotAFeed> {
    let local = qname.rsplit(':').next().unwrap_or(qname);
    if doctype.is_some_and(|d| d.eq_ignore_ascii_case("html")) {
        return Err(NotAFeed::WebPage);
    }
    match local.to_ascii_lowercase().as_str() {
        "rss" => Ok(XmlFeedKind::Rss),
        "rdf" => Ok(XmlFeedKind::Rdf),
        "feed" => Ok(XmlFeedKind::Atom),
        "html" | "head" | "body" => Err(NotAFeed::WebPage),
        "opml" => Err(NotAFeed::Opml),
        "urlset" | "sitemapindex" => Err(NotAFeed::Sitemap),
        _ => Err(NotAFeed::OtherXml {
            root: qname.chars().take(40).collect(),
        }),
    }
}

/// Where the first significant byte is: after a UTF-8 byte order mark and white space.
fn first_significant(bytes: &[u8]) -> usize {
    let start = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    bytes[start..]
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .map_or(bytes.len(), |i| start + i)
}

/// The syntax of a document from its first bytes. `Ok(None)`: nothing significant has arrived
/// yet (with `complete`, the document is empty). `Err`: neither JSON nor XML, named.
pub fn sniff(bytes: &[u8]) -> Result<Option<Syntax>, NotAFeed> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // UTF-16: XML may be written so, JSON may not (RFC 8259 asks for UTF-8).
        let little = bytes[0] == 0xFF;
        let first = bytes[2..]
            .chunks_exact(2)
            .map(|u| if little { [u[0], u[1]] } else { [u[1], u[0]] })
            .find(|[lo, hi]| !(*hi == 0 && matches!(lo, b' ' | b'\t' | b'\n' | b'\r')));
        return match first {
            None => Ok(None),
            Some([b'{' | b'[', 0]) => Err(NotAFeed::Other {
                found: "JSON written in UTF-16 (JSON feeds must be UTF-8)".into(),
            }),
            Some(_) => Ok(Some(Syntax::Xml)),
        };
    }
    if matches!(bytes, [b'<', 0, ..] | [0, b'<', ..]) {
        return Ok(Some(Syntax::Xml));
    }
    let i = first_significant(bytes);
    match bytes.get(i) {
        None => Ok(None),
        Some(b'<') => Ok(Some(Syntax::Xml)),
        Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
            Ok(Some(Syntax::Json))
        }
        Some(_) => Err(NotAFeed::Other {
            found: describe(&bytes[i..]),
        }),
    }
}

/// What bytes that are neither JSON nor XML seem to be.
fn describe(b: &[u8]) -> String {
    let magic: [(&[u8], &str); 7] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "an image"),
        (b"\xFF\xD8\xFF", "an image"),
        (b"GIF8", "an image"),
        (b"\x1F\x8B", "compressed data (gzip)"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x00", "binary data"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| b.starts_with(m)) {
        return (*what).to_string();
    }
    let head = &b[..b.len().min(120)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A character cut at the end of the sample is fine; anything else is not text.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return "binary data".into(),
    };
    if text
        .chars()
        .any(|c| c.is_control() && !c.is_ascii_whitespace())
    {
        return "binary data".into();
    }
    let words = collapse_whitespace(text);
    let shown: String = words.chars().take(30).collect();
    let more = if words.chars().count() > 30 {
        "…"
    } else {
        ""
    };
    format!("text that starts “{shown}{more}”")
}

/// What the prolog of an XML document (its first bytes, in an ASCII-compatible encoding) says
/// about its root element: `None` while that is undecided (the root's start tag has not arrived,
/// or something unexpected stands before it, which the parser will report), else whether it is
/// a feed. Lets a reader refuse a web page as soon as its first bytes arrive.
pub fn sniff_xml_root(bytes: &[u8]) -> Option<Result<XmlFeedKind, NotAFeed>> {
    let mut i = first_significant(bytes);
    let mut doctype: Option<String> = None;
    loop {
        let rest = bytes.get(i..)?;
        if rest.starts_with(b"<?") {
            i += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            i += find(rest, b"-->")? + 3;
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") {
            let name: String = rest[9..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take_while(|b| !b.is_ascii_whitespace() && **b != b'>' && **b != b'[')
                .map(|&b| char::from(b))
                .collect();
            // An internal subset ends with "]>".
            let end = match (find(rest, b"["), find(rest, b">")) {
                (Some(open), Some(close)) if open < close => find(rest, b"]>")? + 2,
                (_, Some(close)) => close + 1,
                _ => return None,
            };
            doctype = Some(name);
            i += end;
        } else if rest.first() == Some(&b'<') {
            let name_len = rest[1..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))?;
            let name = String::from_utf8_lossy(&rest[1..1 + name_len]);
            return Some(classify_root(&name, doctype.as_deref()));
        } else {
            // Nothing yet, or text before the root: the parser will say what is wrong.
            return None;
        }
        i = first_significant_from(bytes, i);
    }
}

fn first_significant_from(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|r| r.iter().position(|b| !b.is_ascii_whitespace()))
        .map_or(bytes.len(), |p| from + p)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_significant_byte_decides() {
        assert_eq!(sniff(b""), Ok(None));
        assert_eq!(sniff(b" \n\t"), Ok(None));
        assert_eq!(sniff(b"\xEF\xBB\xBF {"), Ok(Some(Syntax::Json)));
        assert_eq!(sniff(b"\n<?xml?>"), Ok(Some(Syntax::Xml)));
        assert_eq!(sniff(b"\xFF\xFE<\x00"), Ok(Some(Syntax::Xml)));
        assert_eq!(sniff(b"\xFE\xFF\x00\n\x00<"), Ok(Some(Syntax::Xml)));
        assert_eq!(sniff(b"\xFF\xFE"), Ok(None));
        for json in [&b"\xFF\xFE{\x00"[..], b"\xFE\xFF\x00 \x00["] {
            let Err(NotAFeed::Other { found }) = sniff(json) else {
                panic!("UTF-16 JSON is refused");
            };
            assert!(found.contains("UTF-16"), "{found}");
        }
        assert_eq!(sniff(b"[1]"), Ok(Some(Syntax::Json)));
        assert_eq!(
            sniff(b"%PDF-1.4"),
            Err(NotAFeed::Other {
                found: "a PDF document".into()
            })
        );
        assert_eq!(
            sniff(b"Hello,   world"),
            Err(NotAFeed::Other {
                found: "text that starts “Hello, world”".into()
            })
        );
        assert_eq!(
            sniff(b"\x01\x02"),
            Err(NotAFeed::Other {
                found: "binary data".into()
            })
        );
    }

    #[test]
    fn the_root_element_tells_feeds_from_other_documents() {
        let root = |s: &str| sniff_xml_root(s.as_bytes());
        assert_eq!(
            root("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Some(Ok(XmlFeedKind::Rss))
        );
        assert_eq!(
            root("<!-- c --><feed xmlns=\"x\">"),
            Some(Ok(XmlFeedKind::Atom))
        );
        assert_eq!(
            root("<rdf:RDF\nxmlns:rdf=\"…\">"),
            Some(Ok(XmlFeedKind::Rdf))
        );
        assert_eq!(root("<!DOCTYPE html><html>"), Some(Err(NotAFeed::WebPage)));
        assert_eq!(
            root("<!doctype HTML>\n<HTML lang=en>"),
            Some(Err(NotAFeed::WebPage))
        );
        assert_eq!(root("<html>"), Some(Err(NotAFeed::WebPage)));
        assert_eq!(root("<opml version=\"2.0\">"), Some(Err(NotAFeed::Opml)));
        assert_eq!(root("<urlset xmlns=\"x\">"), Some(Err(NotAFeed::Sitemap)));
        assert_eq!(
            root("<!DOCTYPE x [<!ENTITY a \"b\">]><svg>"),
            Some(Err(NotAFeed::OtherXml { root: "svg".into() }))
        );
        assert_eq!(root("<?xml version=\"1.0\""), None);
        assert_eq!(root("<rs"), None);
    }
}
