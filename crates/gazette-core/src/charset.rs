//! Character encodings of XML feeds: from bytes to text.
//!
//! JSON is UTF-8 by definition; XML names its encoding in its declaration, and real feeds are
//! still written in Latin-1 or windows-1252, sometimes without saying so. A full encoding library
//! would cost more wasm than the whole core, and these few are a byte-to-character map each, so
//! they are decoded here:
//!
//! - a byte order mark decides first: UTF-8, UTF-16 LE or BE (a document that starts with `<`
//!   and a zero byte is UTF-16 without a mark);
//! - else the declaration's `encoding`: UTF-8; ISO-8859-1, Latin-1, US-ASCII and windows-1252
//!   are all read as windows-1252, as browsers do (its bytes 0x80–0x9F are letters and quotes
//!   where ISO-8859-1 has control characters no feed means); ISO-8859-15;
//! - else UTF-8.
//!
//! In UTF-8 (declared or not), a byte that is not part of a valid sequence is read as
//! windows-1252: a Latin-1 feed that does not say so reads correctly, and a UTF-8 feed with a
//! few stray Latin-1 bytes keeps its UTF-8 text. Another declared encoding is refused with an
//! error that names it, unless the bytes are valid UTF-8 anyway.
//!
//! [`decode_xml`] decodes a whole document; [`detect_encoding`] and [`StreamDecoder`] do the
//! same as the bytes arrive, deciding from the first ones.

use std::borrow::Cow;

/// The characters of windows-1252 bytes 0x80 to 0x9F. The five bytes it leaves undefined map
/// to the control characters of the same number, as browsers do.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The character a windows-1252 byte stands for.
pub fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The character an ISO-8859-15 byte stands for: Latin-1 with eight letters and signs changed.
fn latin9(b: u8) -> char {
    match b {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => char::from(b),
    }
}

/// An encoding this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; bytes outside valid sequences are read as windows-1252.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// windows-1252 (also for ISO-8859-1 and US-ASCII labels).
    Windows1252,
    /// ISO-8859-15.
    Latin9,
}

/// The result of decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark.
    pub text: Cow<'a, str>,
    /// The encoding it was read as.
    pub encoding: Encoding,
    /// True when UTF-8 text held bytes that were not valid UTF-8 and were read as windows-1252.
    pub repaired: bool,
}

/// The encoding a declared label names, `None` for one not read here. Labels are compared
/// without regard to case, as XML says.
pub fn encoding_for_label(label: &str) -> Option<Encoding> {
    let l = label.trim().to_ascii_lowercase();
    Some(match l.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" => Encoding::Utf8,
        "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "iso88591" | "latin1" | "latin-1" | "l1"
        | "cp819" | "ibm819" | "iso-ir-100" | "csisolatin1" | "iso_8859-1:1987" | "us-ascii"
        | "ascii" | "windows-1252" | "cp1252" | "x-cp1252" => Encoding::Windows1252,
        "iso-8859-15" | "iso8859-15" | "iso_8859-15" | "iso885915" | "latin9" | "latin-9"
        | "l9" => Encoding::Latin9,
        "utf-16" | "utf-16le" => Encoding::Utf16Le,
        "utf-16be" => Encoding::Utf16Be,
        _ => return None,
    })
}

/// The `encoding` named in an XML declaration at the start of `bytes` (after white space), if
/// there is a declaration and it names one.
pub fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes.get(start..)?;
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = rest.windows(2).take(512).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(rest.get(5..end)?).ok()?;
    let at = decl.find("encoding")?;
    let after = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let value = &after[1..];
    value.find(quote).map(|e| &value[..e])
}

/// Why a document could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEncoding(pub String);

/// How a document's bytes are to be read, as its first bytes decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// In this encoding (UTF-8 with windows-1252 for bytes outside valid sequences).
    In(Encoding),
    /// The declaration names an encoding not read here (`label`, shortened): the bytes are read
    /// only if they are valid UTF-8 all the same.
    OnlyIfUtf8 {
        /// The declared name.
        label: String,
    },
}

/// Decides how to read an XML document from its first bytes, by the rules of [`decode_xml`]:
/// the reading and the length of the byte order mark to skip. `None` while the bytes so far
/// cannot tell (a byte order mark or the declaration may still be arriving); `complete`: no more
/// bytes will come, so it always decides.
pub fn detect_encoding(bytes: &[u8], complete: bool) -> Option<(Reading, usize)> {
    const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
    if !complete && bytes.len() < 3 && UTF8_BOM.starts_with(bytes) {
        return None;
    }
    if bytes.starts_with(&UTF8_BOM) {
        return Some((Reading::In(Encoding::Utf8), 3));
    }
    if !complete && bytes.len() < 2 {
        return None;
    }
    match bytes {
        [0xFF, 0xFE, ..] => return Some((Reading::In(Encoding::Utf16Le), 2)),
        [0xFE, 0xFF, ..] => return Some((Reading::In(Encoding::Utf16Be), 2)),
        [b'<', 0, ..] => return Some((Reading::In(Encoding::Utf16Le), 0)),
        [0, b'<', ..] => return Some((Reading::In(Encoding::Utf16Be), 0)),
        _ => {}
    }
    if !complete && !declaration_is_whole(bytes) {
        return None;
    }
    let reading = match declared_encoding(bytes) {
        None => Reading::In(Encoding::Utf8),
        // A declaration that could be read byte by byte is not UTF-16, whatever it says.
        Some(label) => match encoding_for_label(label) {
            Some(Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be) => {
                Reading::In(Encoding::Utf8)
            }
            Some(e) => Reading::In(e),
            None => Reading::OnlyIfUtf8 {
                label: label.chars().take(40).collect(),
            },
        },
    };
    Some((reading, 0))
}

/// Whether [`declared_encoding`] says the same of `bytes` as of any longer document starting
/// with them: there is no declaration, or it is closed within the bytes it may span.
fn declaration_is_whole(bytes: &[u8]) -> bool {
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let rest = &bytes[start..];
    if rest.len() < 5 {
        return !b"<?xml".starts_with(rest);
    }
    // `declared_encoding` looks for the closing `?>` among the first 512 pairs of bytes.
    !rest.starts_with(b"<?xml") || rest.len() > 512 || rest.windows(2).any(|w| w == b"?>")
}

/// Decodes a document as its bytes arrive, once [`detect_encoding`] has said how: the text is
/// the same as [`decode_xml`] gives for the whole (a character cut between two pieces waits for
/// the rest of its bytes).
#[derive(Clone, Debug)]
pub struct StreamDecoder {
    reading: Reading,
    /// No character has been decoded yet (UTF-16 drops a byte order mark there).
    at_start: bool,
}

impl StreamDecoder {
    /// A decoder for the bytes after the byte order mark.
    pub fn new(reading: Reading) -> Self {
        StreamDecoder {
            reading,
            at_start: true,
        }
    }

    /// The encoding the bytes are read as.
    pub fn encoding(&self) -> Encoding {
        match self.reading {
            Reading::In(e) => e,
            Reading::OnlyIfUtf8 { .. } => Encoding::Utf8,
        }
    }

    /// Appends the text of `bytes` to `out` and returns how many of them were used: all of them
    /// when `complete` (no more will come), else all but the start of a character cut at the end,
    /// which must be given again with what follows. Fails, for an undeclared encoding, on bytes
    /// that are not valid UTF-8.
    pub fn decode(
        &mut self,
        bytes: &[u8],
        complete: bool,
        out: &mut String,
    ) -> Result<usize, UnknownEncoding> {
        match &self.reading {
            Reading::In(Encoding::Utf8) => Ok(utf8_into(bytes, complete, out)),
            Reading::OnlyIfUtf8 { label } => match std::str::from_utf8(bytes) {
                Ok(t) => {
                    out.push_str(t);
                    Ok(bytes.len())
                }
                Err(e) if e.error_len().is_none() && !complete => {
                    out.push_str(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]));
                    Ok(e.valid_up_to())
                }
                Err(_) => Err(UnknownEncoding(label.clone())),
            },
            &Reading::In(e @ (Encoding::Utf16Le | Encoding::Utf16Be)) => {
                Ok(self.utf16_into(bytes, e, complete, out))
            }
            &Reading::In(e) => {
                if bytes.is_ascii() {
                    out.push_str(&String::from_utf8_lossy(bytes));
                } else {
                    let map = if e == Encoding::Latin9 {
                        latin9
                    } else {
                        windows_1252
                    };
                    out.extend(bytes.iter().map(|&b| map(b)));
                }
                Ok(bytes.len())
            }
        }
    }

    /// UTF-16: an odd byte or a high surrogate at the end waits for what follows, unless
    /// `complete` (then the odd byte is dropped and the surrogate becomes U+FFFD, as in
    /// [`decode_xml`]).
    fn utf16_into(&mut self, bytes: &[u8], e: Encoding, complete: bool, out: &mut String) -> usize {
        let unit = |p: &[u8]| {
            if e == Encoding::Utf16Be {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        };
        let mut whole = bytes.len() / 2 * 2;
        if !complete && whole >= 2 && (0xD800..0xDC00).contains(&unit(&bytes[whole - 2..whole])) {
            whole -= 2;
        }
        let units = bytes[..whole].chunks_exact(2).map(unit);
        for c in char::decode_utf16(units) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            if std::mem::take(&mut self.at_start) && c == '\u{FEFF}' {
                continue;
            }
            out.push(c);
        }
        if complete {
            bytes.len()
        } else {
            whole
        }
    }
}

/// [`utf8_or_1252`] into `out`, holding back a character cut at the end unless `complete`.
fn utf8_into(bytes: &[u8], complete: bool, out: &mut String) -> usize {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(t) => {
                out.push_str(t);
                return bytes.len();
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid by construction; the lossy call never replaces anything.
                out.push_str(&String::from_utf8_lossy(good));
                let n = match e.error_len() {
                    Some(n) => n,
                    None if complete => bad.len(),
                    None => return bytes.len() - bad.len(),
                };
                let n = n.clamp(1, bad.len());
                out.extend(bad[..n].iter().map(|&b| windows_1252(b)));
                rest = &bad[n..];
            }
        }
    }
}

/// Decodes an XML document's bytes as its byte order mark, its declaration or the UTF-8 default
/// say (see the module's notes). Never fails on bad bytes; fails only for a declared encoding
/// this module does not read, when the bytes are not valid UTF-8 either.
pub fn decode_xml(bytes: &[u8]) -> Result<Decoded<'_>, UnknownEncoding> {
    let Some((reading, skip)) = detect_encoding(bytes, true) else {
        // A whole document always decides; this keeps the function total.
        return Ok(utf8_or_1252(bytes));
    };
    let rest = &bytes[skip..];
    match reading {
        Reading::In(Encoding::Utf8) => Ok(utf8_or_1252(rest)),
        Reading::In(e @ (Encoding::Utf16Le | Encoding::Utf16Be)) => Ok(utf16(rest, e)),
        Reading::In(e) => Ok(single_byte(rest, e)),
        Reading::OnlyIfUtf8 { label } => match std::str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8,
                repaired: false,
            }),
            Err(_) => Err(UnknownEncoding(label)),
        },
    }
}

/// Text that is already ASCII decodes the same in every single-byte encoding read here.
fn single_byte(bytes: &[u8], e: Encoding) -> Decoded<'_> {
    let text = if bytes.is_ascii() {
        // ASCII bytes are valid UTF-8, so this never fails; the fallback only keeps the
        // function total.
        std::str::from_utf8(bytes).map_or_else(|_| Cow::Owned(String::new()), Cow::Borrowed)
    } else {
        let map = if e == Encoding::Latin9 {
            latin9
        } else {
            windows_1252
        };
        Cow::Owned(bytes.iter().map(|&b| map(b)).collect())
    };
    Decoded {
        text,
        encoding: e,
        repaired: false,
    }
}

/// UTF-8, with each byte outside a valid sequence read as windows-1252.
pub fn utf8_or_1252(bytes: &[u8]) -> Decoded<'_> {
    let mut text = match std::str::from_utf8(bytes) {
        Ok(t) => {
            return Decoded {
                text: Cow::Borrowed(t),
                encoding: Encoding::Utf8,
                repaired: false,
            }
        }
        Err(_) => String::with_capacity(bytes.len() + bytes.len() / 8),
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(t) => {
                text.push_str(t);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid by construction; the lossy call never replaces anything.
                text.push_str(&String::from_utf8_lossy(good));
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                text.extend(bad[..n.min(bad.len())].iter().map(|&b| windows_1252(b)));
                rest = &bad[n.min(bad.len())..];
            }
        }
    }
    Decoded {
        text: Cow::Owned(text),
        encoding: Encoding::Utf8,
        repaired: true,
    }
}

/// UTF-16 in the given order; an odd last byte is dropped and unpaired surrogates become
/// U+FFFD.
fn utf16(bytes: &[u8], e: Encoding) -> Decoded<'_> {
    let units = bytes.chunks_exact(2).map(|p| {
        if e == Encoding::Utf16Be {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    };
    Decoded {
        text: Cow::Owned(text),
        encoding: e,
        repaired: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_decide() {
        let d = decode_xml(b"\xEF\xBB\xBF<a>\xC3\xA9</a>").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("<a>é</a>", Encoding::Utf8));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_xml(&le).unwrap().text, "<a>é</a>");
        let be: Vec<u8> = "<a>€</a>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode_xml(&be).unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("<a>€</a>", Encoding::Utf16Be)
        );
    }

    #[test]
    fn declared_single_byte_encodings_are_read_as_browsers_read_them() {
        let doc = b"<?xml version='1.0' encoding='ISO-8859-1'?><a>Not\xEDcias \x93x\x94</a>";
        let d = decode_xml(doc).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d.text.ends_with("<a>Notícias “x”</a>"), "{}", d.text);
        let doc = b"<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><a>\xA4\xBD</a>";
        assert!(decode_xml(doc).unwrap().text.ends_with("<a>€œ</a>"));
        assert_eq!(
            declared_encoding(b"\n <?xml version=\"1.0\" encoding = \"latin1\" ?>"),
            Some("latin1")
        );
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?>"), None);
    }

    #[test]
    fn undeclared_bytes_that_are_not_utf8_are_windows_1252() {
        let d = decode_xml(b"<rss>Not\xEDcias \xE2\x80\x94 S\xE3o</rss>").unwrap();
        assert_eq!(d.text, "<rss>Notícias — São</rss>");
        assert!(d.repaired);
        assert_eq!(utf8_or_1252(b"\xC3").text, "Ã");
    }

    #[test]
    fn other_declared_encodings_are_refused_unless_the_bytes_are_utf8() {
        let doc = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a>\xF0</a>";
        assert_eq!(decode_xml(doc), Err(UnknownEncoding("KOI8-R".into())));
        let ascii = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a>x</a>";
        assert!(decode_xml(ascii).is_ok());
    }
}
