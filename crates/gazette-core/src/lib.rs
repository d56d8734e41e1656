//! Gazette's pure core: everything the widget knows about news that does not need a browser.
//!
//! - [`load`] reads a document (Gazette article set, JSON Feed 1.0/1.1, NewsAPI, RSS 2.0/0.9x,
//!   RSS 1.0 (RDF), Atom) into validated [`model::Article`]s and a [`load::Report`] of what was
//!   repaired or left out; [`detect`] tells which from the first bytes, [`charset`] decodes XML,
//!   [`xmlfeed`] reads it;
//! - [`archive`] reads (and, with the feature `write`, writes) a large archive served as a
//!   manifest plus time-ordered shards;
//! - [`filter`] prepares a [`filter::Catalog`] once and answers each [`filter::Filter`];
//! - [`date`], [`text`], [`url`], [`lang`], [`palette`] and [`set`] are the small pieces those are
//!   made of;
//! - [`address`] and [`scroll`] are the widget's memory in the page: its view in the address, and
//!   where the page was scrolled when the reader left it.
//!
//! Nothing here depends on the web platform: it builds and tests natively with `cargo test`,
//! and the wasm widget calls it through plain Rust values.

pub mod address;
pub mod announce;
pub mod archive;
pub mod charset;
pub mod date;
pub mod detect;
pub mod filter;
pub mod html;
pub mod intern;
pub mod lang;
pub mod load;
pub mod merge;
pub mod model;
mod order;
pub mod palette;
pub mod related;
pub mod scroll;
pub mod search;
pub mod set;
pub mod text;
pub mod trap;
pub mod url;
pub mod wire;
pub mod words;
pub mod xmlfeed;

pub use date::Timestamp;
pub use filter::{
    Catalog, CatalogBuilder, CategoryCount, DatePreset, Facets, Filter, Outcome, SortOrder,
};
pub use load::{load_bytes, load_document, DocumentError, Loaded, Problem, Report};
pub use model::{Article, FeedMeta, Format, Image};
pub use search::Query;
