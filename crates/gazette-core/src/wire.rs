//! Wire formats: one story's JSON as it arrives, read leniently. (The document around the
//! stories is scanned by `load::Reader`, which parses each story with these types.)
//!
//! Each field is a [`Field`]: missing, a value of the expected type, or a note of what came
//! instead. Items that are not objects become [`ItemSlot::NotObject`]. So a wrong type anywhere
//! in one article never fails the document: validation (`load.rs`) decides, article by article,
//! what to repair and what to leave out. Everything streams through serde visitors; nothing is
//! buffered as a `serde_json::Value`, which matters for memory on archives of 100,000s of stories.
//!
//! One struct serves Gazette's article set, JSON Feed 1.0/1.1 and the common NewsAPI shape: their
//! field names hardly overlap, and `load.rs` picks the ones that apply to the detected format.
//! The XML reader (`xmlfeed.rs`) fills the same struct, so every format meets the same rules.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A field as found in the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// Absent, or `null`.
    #[default]
    Missing,
    /// Present with the expected type.
    Value(T),
    /// Present with another type, named for people ("a list").
    Wrong(&'static str),
}

impl<T> Field<T> {
    /// The value, if it had the expected type.
    pub fn value(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// One element of `articles` or `items`.
#[derive(Debug)]
pub enum ItemSlot {
    /// An object, read as an item.
    Item(Box<Item>),
    /// Something else, named for people.
    NotObject(&'static str),
}

/// One article, in any of the accepted formats.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Item {
    pub id: Field<String>,
    /// Addresses are text only (see [`address`]).
    #[serde(deserialize_with = "address")]
    pub url: Field<String>,
    #[serde(deserialize_with = "address")]
    pub external_url: Field<String>,
    pub title: Field<String>,
    pub category: Field<String>,
    pub summary: Field<String>,
    /// NewsAPI's summary.
    pub description: Field<String>,
    pub content_text: Field<String>,
    pub content_html: Field<String>,
    /// Article set.
    pub published: Field<String>,
    /// JSON Feed.
    pub date_published: Field<String>,
    pub date_modified: Field<String>,
    /// NewsAPI.
    #[serde(rename = "publishedAt")]
    pub published_at: Field<String>,
    pub image: Field<WireImage>,
    #[serde(deserialize_with = "address")]
    pub banner_image: Field<String>,
    /// NewsAPI.
    #[serde(rename = "urlToImage", deserialize_with = "address")]
    pub url_to_image: Field<String>,
    pub authors: Field<Names>,
    /// JSON Feed 1.0 and NewsAPI.
    pub author: Field<Names>,
    pub tags: Field<Names>,
    /// NewsAPI: `{ "id": …, "name": … }`.
    pub source: Field<Names>,
    pub language: Field<String>,
    /// Set for items read from an XML feed (never by serde): their text is plain already.
    #[serde(skip)]
    pub xml: Option<XmlOrigin>,
}

/// How an item read from an XML feed (`xmlfeed.rs`) differs from a JSON story.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct XmlOrigin {
    /// The element names of the date and of the fallback date, for messages (`pubDate`,
    /// `updated`).
    pub date_names: [&'static str; 2],
    /// RFC 2822 is the format's own date form (RSS), so such a date is no repair.
    pub rfc2822_dates: bool,
}

/// A list of names: strings, or objects with a `name` (JSON Feed authors). A single string or
/// object counts as a list of one. Elements that are neither are counted in `dropped`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub names: Vec<String>,
    pub dropped: usize,
}

/// An image: an address, or an object with `url` (or `src`), `alt` (or `title`) and `credit`
/// (or `caption`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WireImage {
    pub url: Option<String>,
    pub alt: Option<String>,
    pub credit: Option<String>,
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements the visitor methods for every JSON kind a field does not accept, answering
/// `Wrong(kind)` (and `Missing` for null). The accepted kinds are written out before it.
macro_rules! refuse_other_kinds {
    (wrong = $wrong:expr; $($kind:ident)*) => {
        $(refuse_other_kinds!(@one $kind, $wrong);)*
    };
    (@one bool, $w:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> { Ok($w("true or false")) }
    };
    (@one num, $w:expr) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> { Ok($w("a number")) }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> { Ok($w("a number")) }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> { Ok($w("a number")) }
    };
    (@one str, $w:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> { Ok($w("text")) }
    };
    (@one seq, $w:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            drain_seq(seq)?;
            Ok($w("a list"))
        }
    };
    (@one map, $w:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map)?;
            Ok($w("an object"))
        }
    };
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Field<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Value(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Field::Value(v))
    }
    // Numbers are accepted as text: ids and years are often written as numbers.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Field::Value(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Field::Value(v.to_string()))
    }
    // Fractions are not: no field is one, and formatting floats would cost wasm size.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Field::Wrong("a number with a fraction"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }
    refuse_other_kinds!(wrong = Field::Wrong; bool seq map);
}

impl<'de> Deserialize<'de> for Field<String> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

/// One name: a string, or an object's `name` string. `None` for anything else.
struct NameVisitor;

impl<'de> Visitor<'de> for NameVisitor {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "name" && name.is_none() {
                name = map.next_value::<Field<String>>()?.value();
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(name)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    refuse_other_kinds!(wrong = (|_| None); bool num seq);
}

struct Name(Option<String>);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NameVisitor).map(Name)
    }
}

struct NamesVisitor;

impl<'de> Visitor<'de> for NamesVisitor {
    type Value = Field<Names>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of names")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Names::default();
        while let Some(Name(n)) = seq.next_element::<Name>()? {
            match n {
                Some(n) => out.names.push(n),
                None => out.dropped += 1,
            }
        }
        Ok(Field::Value(out))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Value(Names {
            names: vec![v.to_owned()],
            dropped: 0,
        }))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let one = NameVisitor.visit_map(map)?;
        Ok(match one {
            Some(n) => Field::Value(Names {
                names: vec![n],
                dropped: 0,
            }),
            None => Field::Wrong("an object without a name"),
        })
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }
    refuse_other_kinds!(wrong = Field::Wrong; bool num);
}

impl<'de> Deserialize<'de> for Field<Names> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NamesVisitor)
    }
}

struct ImageVisitor;

impl<'de> Visitor<'de> for ImageVisitor {
    type Value = Field<WireImage>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an image")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Value(WireImage {
            url: Some(v.to_owned()),
            ..WireImage::default()
        }))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut img = WireImage::default();
        let mut wrong_address = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let slot = match key.as_ref() {
                "url" | "src" => match map.next_value::<Address>()?.0 {
                    Field::Value(v) => {
                        img.url.get_or_insert(v);
                        continue;
                    }
                    Field::Wrong(k) => {
                        wrong_address.get_or_insert(k);
                        continue;
                    }
                    Field::Missing => continue,
                },
                "alt" | "title" => &mut img.alt,
                "credit" | "caption" => &mut img.credit,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            let v = map.next_value::<Field<String>>()?.value();
            if slot.is_none() {
                *slot = v;
            }
        }
        Ok(match wrong_address {
            Some(_) if img.url.is_none() => Field::Wrong("an object whose address is not text"),
            _ => Field::Value(img),
        })
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }
    refuse_other_kinds!(wrong = Field::Wrong; bool num seq);
}

/// An address (a link's, a picture's): text only. A number, which text fields take (ids are
/// often numbers), would be read as a relative address and fetched.
struct Address(Field<String>);

fn address<'de, D: Deserializer<'de>>(d: D) -> Result<Field<String>, D::Error> {
    d.deserialize_any(AddressVisitor)
}

struct AddressVisitor;

impl<'de> Visitor<'de> for AddressVisitor {
    type Value = Field<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an address")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Field::Value(v.to_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }
    refuse_other_kinds!(wrong = Field::Wrong; bool num seq map);
}

impl<'de> Deserialize<'de> for Address {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        address(d).map(Address)
    }
}

impl<'de> Deserialize<'de> for Field<WireImage> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ImageVisitor)
    }
}

struct SlotVisitor;

impl<'de> Visitor<'de> for SlotVisitor {
    type Value = ItemSlot;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an article object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Item::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(|item| ItemSlot::Item(Box::new(item)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ItemSlot::NotObject("null"))
    }
    refuse_other_kinds!(wrong = ItemSlot::NotObject; bool num str seq);
}

impl<'de> Deserialize<'de> for ItemSlot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SlotVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(json: &str) -> Item {
        match serde_json::from_str::<ItemSlot>(json).unwrap() {
            ItemSlot::Item(i) => *i,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_types_become_notes_not_errors() {
        let i =
            item(r#"{"id": 7, "title": ["a"], "summary": {"x": 1}, "published": true, "tags": 3}"#);
        assert_eq!(i.id, Field::Value("7".into()));
        assert_eq!(i.title, Field::Wrong("a list"));
        assert_eq!(i.summary, Field::Wrong("an object"));
        assert_eq!(i.published, Field::Wrong("true or false"));
        assert_eq!(i.tags, Field::Wrong("a number"));
        assert_eq!(i.url, Field::Missing);
    }

    #[test]
    fn names_accept_strings_objects_and_singletons() {
        let i = item(
            r#"{"authors": ["Ann", {"name": "Bo", "url": "x"}, 5, {"url": "y"}], "author": {"name": "Cy"}, "tags": "solo", "source": {"id": null, "name": "Wire"}}"#,
        );
        assert_eq!(
            i.authors,
            Field::Value(Names {
                names: vec!["Ann".into(), "Bo".into()],
                dropped: 2
            })
        );
        assert_eq!(
            i.author,
            Field::Value(Names {
                names: vec!["Cy".into()],
                dropped: 0
            })
        );
        assert_eq!(
            i.tags,
            Field::Value(Names {
                names: vec!["solo".into()],
                dropped: 0
            })
        );
        assert_eq!(
            i.source,
            Field::Value(Names {
                names: vec!["Wire".into()],
                dropped: 0
            })
        );
    }

    #[test]
    fn images_accept_a_string_or_an_object() {
        let i = item(
            r#"{"image": {"src": "a.png", "caption": "Photo", "alt": "A cat", "extra": [1]}}"#,
        );
        assert_eq!(
            i.image,
            Field::Value(WireImage {
                url: Some("a.png".into()),
                alt: Some("A cat".into()),
                credit: Some("Photo".into())
            })
        );
        let i = item(r#"{"image": "b.png"}"#);
        assert_eq!(i.image.value().unwrap().url.as_deref(), Some("b.png"));
        // An address that is not text is no image (a number would be fetched as a path).
        let i = item(r#"{"image": {"url": 123, "alt": "A cat"}}"#);
        assert_eq!(i.image, Field::Wrong("an object whose address is not text"));
        let i = item(
            r#"{"url": 7, "external_url": true, "banner_image": 42, "urlToImage": [], "id": 9}"#,
        );
        assert_eq!(i.url, Field::Wrong("a number"));
        assert_eq!(i.external_url, Field::Wrong("true or false"));
        assert_eq!(i.banner_image, Field::Wrong("a number"));
        assert_eq!(i.url_to_image, Field::Wrong("a list"));
        assert_eq!(i.id, Field::Value("9".into()), "an id may be a number");
        let i = item(r#"{"image": {"src": [], "url": "c.png"}}"#);
        assert_eq!(i.image.value().unwrap().url.as_deref(), Some("c.png"));
    }

    #[test]
    fn non_objects_in_the_list_are_named() {
        let v: Vec<ItemSlot> = serde_json::from_str(r#"[1, "x", null, [], {"id": "ok"}]"#).unwrap();
        let kinds: Vec<_> = v
            .iter()
            .map(|s| match s {
                ItemSlot::NotObject(k) => *k,
                ItemSlot::Item(_) => "item",
            })
            .collect();
        assert_eq!(kinds, ["a number", "text", "null", "a list", "item"]);
    }
}
