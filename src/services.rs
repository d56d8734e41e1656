//! Input and output behind `Result`: fetching a document and turning it into a catalog, with the
//! one error type the widget shows to readers.

use crate::browser::{self, Body, FetchError};
use gazette_core::load::{Reader, Step};
use gazette_core::{Catalog, CatalogBuilder, DocumentError, FeedMeta, Report};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Everything that can stop a document from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The widget was given no address.
    NoSource,
    /// The request failed or the server answered with an error.
    Fetch(FetchError),
    /// The response was not a usable document.
    Document(DocumentError),
}

impl LoadError {
    /// A headline for the error panel.
    pub fn title(&self) -> &'static str {
        match self {
            LoadError::NoSource => "No news source is set",
            LoadError::Fetch(_) => "The news could not be loaded",
            LoadError::Document(_) => "The news could not be read",
        }
    }

    /// What to do about it.
    pub fn advice(&self) -> &'static str {
        match self {
            LoadError::NoSource => "Give the widget's element a data-src attribute with the address of a JSON Feed or article set.",
            LoadError::Fetch(FetchError::Network(_)) => "Check your connection and try again. If it keeps failing, the feed's server may not allow this site to read it.",
            LoadError::Fetch(FetchError::Http { status, .. }) if *status >= 500 => "The feed's server had a problem. Try again in a moment.",
            LoadError::Fetch(FetchError::Http { .. }) => "The feed's address may be wrong or the feed may have moved.",
            LoadError::Document(_) => "The feed's publisher needs to fix the file. You can try again later.",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoSource => f.write_str("This widget has no feed address."),
            LoadError::Fetch(FetchError::Network(detail)) => {
                write!(f, "The request for the news file failed ({detail}).")
            }
            LoadError::Fetch(FetchError::Http {
                status,
                status_text,
            }) => {
                let text = if status_text.is_empty() {
                    ""
                } else {
                    status_text.as_str()
                };
                write!(f, "The server answered {status} {text}.").map(|_| ())
            }
            LoadError::Document(e) => e.fmt(f),
        }
    }
}

/// A loaded set, ready to show.
#[derive(Debug)]
pub struct LoadedSet {
    /// The stories, prepared for filtering.
    pub catalog: Rc<Catalog>,
    /// Facts about the feed.
    pub meta: FeedMeta,
    /// What was repaired or left out.
    pub report: Report,
}

/// Fetches a document. A function value, so that tests can serve documents without a network;
/// compares by identity.
#[derive(Clone)]
pub struct Fetcher(Rc<dyn Fn(String) -> FetchFuture>);

/// What a [`Fetcher`] returns.
pub type FetchFuture = Pin<Box<dyn Future<Output = Result<Body, FetchError>>>>;

impl Fetcher {
    /// A fetcher of whole texts, from any async function of an address (for tests and
    /// documents held in memory).
    pub fn new<F, Fut>(f: F) -> Self
    where
        F: Fn(String) -> Fut + 'static,
        Fut: Future<Output = Result<String, FetchError>> + 'static,
    {
        let f = Rc::new(f);
        Fetcher(Rc::new(move |url| {
            let f = f.clone();
            Box::pin(async move { f(url).await.map(|t| Body::Text(Some(t))) })
        }))
    }

    /// The browser's `fetch`, read as the body streams in.
    pub fn browser() -> Self {
        Fetcher(Rc::new(|url| Box::pin(browser::fetch_body(url))))
    }
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher::browser()
    }
}

impl PartialEq for Fetcher {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fetcher")
    }
}

/// Stories read per step of a large document; between steps the reader yields to the browser
/// once [`SLICE_MS`] have passed, so the page stays responsive while a 200,000-story set loads.
pub const STEP_STORIES: usize = 250;
/// Longest stretch of reading, in milliseconds, before the browser gets a turn.
pub const SLICE_MS: f64 = 12.0;
/// A document with more stories than one step shows its first ones as a preview this soon.
pub const PREVIEW_STORIES: usize = 500;

/// Fetches and reads the document at `src` (resolved against the page), logging what was
/// repaired or left out to the console. Large documents are read in steps of [`STEP_STORIES`],
/// yielding to the browser between steps; after the first [`PREVIEW_STORIES`] `on_preview` gets them, ready to show.
pub async fn load(
    fetcher: &Fetcher,
    src: &str,
    on_preview: impl Fn(Rc<Catalog>),
) -> Result<LoadedSet, LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    let url = browser::absolute_url(src).unwrap_or_else(|| src.to_string());
    let mut body = (fetcher.0)(url.clone()).await.map_err(LoadError::Fetch)?;
    let mut reader = Reader::new(Some(&url));
    let mut builder = CatalogBuilder::default();
    let mut previewed = false;
    let mut arrived = false;
    let mut last_yield = browser::clock_ms();
    loop {
        let chunk = body.next_chunk().await.map_err(LoadError::Fetch)?;
        if !arrived {
            arrived = true;
            browser::mark("gazette:data-arrived");
        }
        match &chunk {
            Some(bytes) => reader.push(bytes).map_err(LoadError::Document)?,
            None => reader.end_of_input(),
        }
        // Read what has arrived, a step at a time. Stream reads resolve at once when data is
        // buffered, so without an explicit yield the page would not paint until the end: yield
        // after each slice of work, and let the preview be painted before going on.
        while reader
            .read(STEP_STORIES, &mut |a| builder.push(a))
            .map_err(LoadError::Document)?
            == Step::More
        {
            if !previewed && builder.articles().len() >= PREVIEW_STORIES {
                previewed = true;
                let preview = Rc::new(Catalog::new(builder.articles().to_vec()));
                browser::mark("gazette:preview");
                on_preview(preview);
                browser::next_frame().await;
                last_yield = browser::clock_ms();
            }
            if browser::clock_ms() - last_yield > SLICE_MS {
                browser::yield_now().await;
                last_yield = browser::clock_ms();
            }
        }
        if chunk.is_none() {
            break;
        }
    }
    let end = reader.finish().map_err(LoadError::Document)?;
    browser::mark("gazette:parsed");
    if let Some(title) = &end.meta.title {
        builder.set_categories(&end.needs_feed_title, title);
    }
    let report = end.report;
    if !report.skipped.is_empty() {
        let lines: Vec<String> = report.skipped.iter().map(|p| p.to_string()).collect();
        browser::log_group(
            &format!(
                "Gazette: {} of {} stories in {url} could not be shown",
                report.skipped.len(),
                report.total
            ),
            &lines,
        );
    }
    if !report.repaired.is_empty() {
        let lines: Vec<String> = report.repaired.iter().map(|p| p.to_string()).collect();
        browser::log_group(
            &format!(
                "Gazette: {} stories in {url} were repaired",
                report.repaired.len()
            ),
            &lines,
        );
    }
    let catalog = Rc::new(builder.finish());
    browser::mark("gazette:index-built");
    Ok(LoadedSet {
        catalog,
        meta: end.meta,
        report,
    })
}
