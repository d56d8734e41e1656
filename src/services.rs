//! Input and output behind `Result`: fetching a document and turning it into a catalog, with the
//! one error type the widget shows to readers.

use crate::browser::{self, Body, FetchError};
use gazette_core::archive::{is_manifest, parse_manifest, whole_counts, ShardInfo};
use gazette_core::load::{ReadEnd, Reader, Step};
use gazette_core::merge::{merge, merge_meta};
use gazette_core::words::{fill, Words, ENGLISH};
use gazette_core::{Article, Catalog, CatalogBuilder, DocumentError, FeedMeta, Problem, Report};
use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

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
    pub fn title(&self, w: &Words) -> &'static str {
        match self {
            LoadError::NoSource => w.no_source_title,
            LoadError::Fetch(_) => w.fetch_title,
            LoadError::Document(_) => w.read_title,
        }
    }

    /// What to do about it.
    pub fn advice(&self, w: &Words) -> &'static str {
        match self {
            LoadError::NoSource => w.no_source_advice,
            LoadError::Fetch(FetchError::Network(_)) => w.network_advice,
            LoadError::Fetch(FetchError::Http { status, .. }) if *status >= 500 => w.server_advice,
            LoadError::Fetch(FetchError::Http { .. }) => w.http_advice,
            LoadError::Fetch(FetchError::Stalled(_) | FetchError::BrokeOff(_)) => w.stalled_advice,
            LoadError::Fetch(FetchError::BadAddress(_)) => w.bad_address_advice,
            LoadError::Document(DocumentError::NotAFeed(_)) => w.not_a_feed_advice,
            // (A manifest's own limit is not the site's to raise.)
            LoadError::Document(DocumentError::TooLarge { limit, .. })
                if *limit != MAX_MANIFEST_BYTES =>
            {
                w.too_large_advice
            }
            LoadError::Document(_) => w.document_advice,
        }
    }

    /// True when [`LoadError::message`] is in English whatever the widget's language: a
    /// document's own faults (where a feed is malformed, for its publisher).
    pub fn in_english(&self) -> bool {
        matches!(self, LoadError::Document(_))
    }

    /// The language of [`LoadError::message`] when it is not the widget's own.
    pub fn foreign_lang(&self, w: &Words) -> Option<&'static str> {
        (self.in_english() && w.lang != "en").then_some("en")
    }

    /// What happened, in the words of `w` (see [`LoadError::in_english`]).
    pub fn message(&self, w: &Words) -> String {
        match self {
            LoadError::NoSource => w.no_address.to_string(),
            LoadError::Fetch(FetchError::Network(detail)) => fill(w.network_failed, &[detail]),
            LoadError::Fetch(FetchError::BrokeOff(detail)) => fill(w.broke_off, &[detail]),
            LoadError::Fetch(FetchError::Stalled(seconds)) => {
                fill(w.stalled, &[&seconds.to_string()])
            }
            LoadError::Fetch(FetchError::BadAddress(address)) => fill(w.bad_address, &[address]),
            LoadError::Fetch(FetchError::Http {
                status,
                status_text,
            }) => {
                // HTTP/2 answers carry no reason phrase: the usual ones are named here.
                let reason = match (status_text.trim(), status) {
                    ("", 401) => "Unauthorized",
                    ("", 403) => "Forbidden",
                    ("", 404) => "Not Found",
                    ("", 410) => "Gone",
                    ("", 429) => "Too Many Requests",
                    ("", 500) => "Internal Server Error",
                    ("", 502) => "Bad Gateway",
                    ("", 503) => "Service Unavailable",
                    ("", 504) => "Gateway Timeout",
                    (text, _) => text,
                };
                // The reason phrase is English: other languages give the number alone.
                let answer = match w.lang {
                    "en" => format!("{status} {reason}"),
                    _ => status.to_string(),
                };
                fill(w.server_answered, &[answer.trim_end()])
            }
            LoadError::Document(e) => e.to_string(),
        }
    }
}

/// In English, for the console and the host's `gazette:error` event.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&ENGLISH))
    }
}

/// A source that could not be loaded, or not to its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub url: String,
    pub error: LoadError,
    /// Which of its stories are shown.
    pub kept: Kept,
}

/// Which stories of a source that failed are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// None: it failed before its first whole story.
    Nothing,
    /// Those before its fault.
    BeforeFault,
    /// All: its fault came after its last story.
    All,
}

/// A document that failed: why, what it said of itself before, and whether its fault came after
/// its last story.
struct Broken {
    error: LoadError,
    meta: FeedMeta,
    complete: bool,
}

impl Broken {
    fn before_reading(error: LoadError) -> Self {
        Broken {
            error,
            meta: FeedMeta::default(),
            complete: false,
        }
    }

    /// Which of the document's stories are shown, of which `read` had been read; said in the
    /// console.
    fn kept(&self, url: &str, read: usize) -> Kept {
        let error = &self.error;
        if read == 0 {
            browser::warn(&format!("Gazette: {url} could not be loaded: {error}"));
            return Kept::Nothing;
        }
        browser::warn(&format!(
            "Gazette: {url} could not be read to its end: {error}"
        ));
        if self.complete {
            Kept::All
        } else {
            Kept::BeforeFault
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
    /// Sources that could not be loaded, or not to their end, with the reason.
    pub failed: Vec<Failed>,
    /// For a sharded archive: its shards, of which the first is loaded.
    pub archive: Option<Rc<Archive>>,
}

/// A sharded archive (see `docs/ARCHIVE.md`): the manifest's facts, with shard addresses made
/// absolute. Shards are newest first.
#[derive(Debug, PartialEq)]
pub struct Archive {
    /// Stories in the whole archive.
    pub total: usize,
    /// Each shard: its absolute address and what the manifest says of it.
    pub shards: Vec<(String, ShardInfo)>,
    /// Stories per category over the whole archive, most first, when every shard gives its
    /// counts ([`whole_counts`]).
    pub categories: Option<Vec<gazette_core::CategoryCount>>,
}

/// Largest manifest accepted, in bytes.
const MAX_MANIFEST_BYTES: usize = 16_000_000;

/// What reading a source found.
enum Read {
    /// A document of stories, read (boxed: it is far larger than a manifest's text).
    Document(Box<ReadEnd>),
    /// The manifest of a sharded archive, whole.
    Manifest(String),
}

/// Fetches a document. A function value, so that tests can serve documents without a network;
/// compares by identity.
#[derive(Clone)]
pub struct Fetcher(Rc<dyn Fn(String) -> FetchFuture>);

/// What a [`Fetcher`] returns.
pub type FetchFuture = Pin<Box<dyn Future<Output = Result<Body, FetchError>>>>;

impl Fetcher {
    /// A fetcher of whole texts, from any async function of an address (for tests and
    /// documents held in memory). As with the browser's, the request is made when it is asked
    /// for, not when its answer is awaited.
    pub fn new<F, Fut>(f: F) -> Self
    where
        F: Fn(String) -> Fut + 'static,
        Fut: Future<Output = Result<String, FetchError>> + 'static,
    {
        Fetcher(Rc::new(move |url| {
            let answer = f(url);
            Box::pin(async move { answer.await.map(|t| Body::Text(Some(t))) })
        }))
    }

    /// The browser's `fetch`, read as the body streams in.
    pub fn browser() -> Self {
        Fetcher(Rc::new(|url| Box::pin(browser::fetch_body(url))))
    }

    /// Sends the requests for the sources in `src` now, and returns a fetcher that answers the
    /// first request for each of those addresses with the one already on its way (any other
    /// request, and any later one, goes to `self`). Made while a widget first draws itself, so
    /// that its stories are in flight during that work instead of after it.
    pub fn head_start(&self, src: &str) -> Fetcher {
        self.answering_first(
            source_urls(src)
                .into_iter()
                .map(|url| (url.clone(), (self.0)(url)))
                .collect(),
        )
    }

    /// A fetcher that answers the first request for each address in `started` with the answer
    /// already on its way there, and any other with `self`.
    pub fn answering_first(&self, started: Vec<(String, FetchFuture)>) -> Fetcher {
        if started.is_empty() {
            return self.clone();
        }
        let started = Rc::new(RefCell::new(started));
        let inner = self.0.clone();
        Fetcher(Rc::new(move |url| {
            let mut started = started.borrow_mut();
            match started.iter().position(|(u, _)| *u == url) {
                Some(i) => started.swap_remove(i).1,
                None => inner(url),
            }
        }))
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

/// A document still arriving after this many milliseconds shows the stories read so far, and
/// again as often while fewer than [`PREVIEW_STORIES`] are shown.
pub const PREVIEW_AFTER_MS: f64 = 500.0;

/// Whether to show a preview of `read` stories, `elapsed` ms after the request, the last one
/// having been of `last.1` stories at `last.0` ms. A preview costs a catalog of the stories so
/// far, so large ones come once: at [`PREVIEW_STORIES`], the first preview of a quick
/// connection; a slow one shows what it has every [`PREVIEW_AFTER_MS`] until then.
fn preview_due(last: Option<(f64, usize)>, read: usize, elapsed: f64) -> bool {
    let (at, shown) = last.unwrap_or((0.0, 0));
    let big = shown >= PREVIEW_STORIES;
    !big && read > shown && (read >= PREVIEW_STORIES || elapsed - at >= PREVIEW_AFTER_MS)
}

/// The addresses in a widget's source: one, or several separated by white space.
pub fn sources(src: &str) -> Vec<String> {
    src.split_whitespace().map(str::to_string).collect()
}

/// The [`sources`] resolved against the page, as they are requested: each once, however often
/// it is written, and in whatever way ("feed.json ./feed.json").
pub fn source_urls(src: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for url in sources(src)
        .into_iter()
        .map(|s| browser::absolute_url(&s).unwrap_or(s))
    {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// Fetches and reads the source (or sources) in `src`, resolved against the page, logging what
/// was repaired or left out to the console. Documents larger than `max_bytes` are refused.
///
/// One source is read as it streams in: in steps of [`STEP_STORIES`], yielding to the browser
/// between steps; `on_preview` gets the stories read so far, ready to show, when
/// [`preview_due`] says (after the first [`PREVIEW_STORIES`], or on a slow connection every
/// [`PREVIEW_AFTER_MS`] until then). Several sources are fetched and read in parallel and
/// merged (repeats left out, newest first); a source that fails is reported in [`LoadedSet::failed`] while the others show, and
/// only when every one fails is the whole load an error.
pub async fn load(
    fetcher: &Fetcher,
    src: &str,
    max_bytes: usize,
    on_preview: impl Fn(Rc<Catalog>, FeedMeta),
) -> Result<LoadedSet, LoadError> {
    let list = source_urls(src);
    match list.as_slice() {
        [] => Err(LoadError::NoSource),
        [one] => load_one(fetcher, one, max_bytes, on_preview).await,
        many => load_many(fetcher, many, max_bytes).await,
    }
}

async fn load_one(
    fetcher: &Fetcher,
    src: &str,
    max_bytes: usize,
    on_preview: impl Fn(Rc<Catalog>, FeedMeta),
) -> Result<LoadedSet, LoadError> {
    let url = browser::absolute_url(src).unwrap_or_else(|| src.to_string());
    let read = match read_into_builder(fetcher, &url, max_bytes, &on_preview).await {
        Ok(read) => read,
        // The document broke off (cut short, malformed further on, too large, the connection
        // lost) after whole stories: they show, and the error is told above them.
        Err((broken, builder)) if !builder.articles().is_empty() => {
            let total = builder.articles().len();
            let kept = broken.kept(&url, total);
            return Ok(LoadedSet {
                catalog: finish_catalog(builder),
                meta: broken.meta,
                report: Report {
                    total,
                    ..Report::default()
                },
                failed: vec![Failed {
                    url,
                    error: broken.error,
                    kept,
                }],
                archive: None,
            });
        }
        Err((broken, _)) => return Err(broken.error),
    };
    match read {
        (Read::Document(end), builder) => Ok(finish_one(&url, *end, builder, None)),
        (Read::Manifest(text), _) => {
            let manifest = parse_manifest(&text)
                .map_err(|detail| LoadError::Document(DocumentError::BadArchive { detail }))?;
            let categories = whole_counts(&manifest.shards);
            let shards: Vec<(String, ShardInfo)> = manifest
                .shards
                .into_iter()
                .map(|s| (browser::resolve_url(&s.url, &url).unwrap_or_default(), s))
                .collect();
            let Some((first, _)) = shards.first() else {
                return Err(LoadError::Document(DocumentError::BadArchive {
                    detail: "it lists no shards".into(),
                }));
            };
            let first = first.clone();
            // The archive's own words come before its first shard's.
            let of_archive = |shard: FeedMeta| FeedMeta {
                title: manifest.title.clone().or(shard.title),
                description: manifest.description.clone().or(shard.description),
                home_page_url: manifest.home_page_url.clone().or(shard.home_page_url),
                language: manifest.language.clone().or(shard.language),
            };
            let preview_shard = |catalog, meta| on_preview(catalog, of_archive(meta));
            let (read, builder) = read_into_builder(fetcher, &first, max_bytes, &preview_shard)
                .await
                .map_err(|(broken, _)| broken.error)?;
            let Read::Document(mut end) = read else {
                return Err(LoadError::Document(DocumentError::BadArchive {
                    detail: "its first shard is itself a manifest".into(),
                }));
            };
            end.meta = of_archive(std::mem::take(&mut end.meta));
            let archive = Archive {
                total: manifest.total,
                shards,
                categories,
            };
            Ok(finish_one(&first, *end, builder, Some(Rc::new(archive))))
        }
    }
}

/// Reads one source into a catalog builder, showing a preview of a large one. A document that
/// fails comes back with the stories read and what it said of itself before it broke off.
async fn read_into_builder(
    fetcher: &Fetcher,
    url: &str,
    max_bytes: usize,
    on_preview: &impl Fn(Rc<Catalog>, FeedMeta),
) -> Result<(Read, CatalogBuilder), (Broken, CatalogBuilder)> {
    let calendar = browser::calendar_offset();
    let mut builder = CatalogBuilder::default();
    builder.set_calendar(calendar);
    let builder = RefCell::new(builder);
    // When the last preview was shown, and of how many stories.
    let mut previewed: Option<(f64, usize)> = None;
    let started = browser::clock_ms();
    let read = read_source(
        fetcher,
        url,
        max_bytes,
        |batch| {
            let t = browser::clock_ms();
            let mut b = builder.borrow_mut();
            for a in batch.drain(..) {
                b.push(a);
            }
            browser::add_indexing_ms(browser::clock_ms() - t);
        },
        |reader| {
            let b = builder.borrow();
            let (now, read) = (browser::clock_ms(), b.articles().len());
            if !preview_due(previewed, read, now - started) {
                return false;
            }
            previewed = Some((now - started, read));
            browser::mark("gazette:preview");
            on_preview(
                Rc::new(Catalog::with_calendar(b.articles().to_vec(), calendar)),
                reader.meta_so_far(),
            );
            true
        },
    )
    .await;
    match read {
        Ok(read) => Ok((read, builder.into_inner())),
        Err(broken) => Err((broken, builder.into_inner())),
    }
}

/// The catalog of the stories read, its indexing timed for the benchmarks.
fn finish_catalog(builder: CatalogBuilder) -> Rc<Catalog> {
    let t = browser::clock_ms();
    let catalog = Rc::new(builder.finish());
    browser::add_indexing_ms(browser::clock_ms() - t);
    browser::mark("gazette:index-built");
    catalog
}

fn finish_one(
    url: &str,
    end: ReadEnd,
    mut builder: CatalogBuilder,
    archive: Option<Rc<Archive>>,
) -> LoadedSet {
    builder.complete(&end);
    log_report(url, &end.report);
    LoadedSet {
        catalog: finish_catalog(builder),
        meta: end.meta,
        report: end.report,
        failed: Vec::new(),
        archive,
    }
}

/// Reads one more shard of an archive and returns a catalog of `loaded`'s stories and the
/// shard's, indexed in steps that leave the page responsive.
pub async fn grow(
    fetcher: &Fetcher,
    loaded: &Catalog,
    shard_url: &str,
    max_bytes: usize,
) -> Result<Catalog, LoadError> {
    let stories = RefCell::new(Vec::new());
    let read = read_source(
        fetcher,
        shard_url,
        max_bytes,
        |batch| stories.borrow_mut().append(batch),
        |_| false,
    )
    .await
    .map_err(|b| b.error)?;
    let Read::Document(end) = read else {
        return Err(LoadError::Document(DocumentError::BadArchive {
            detail: format!("{shard_url} is a manifest, not a shard"),
        }));
    };
    log_report(shard_url, &end.report);
    let mut stories = stories.into_inner();
    end.complete(&mut stories);
    let mut builder = CatalogBuilder::with_capacity(loaded.len() + stories.len());
    builder.set_calendar(loaded.calendar());
    let mut last_yield = browser::clock_ms();
    for a in loaded.articles().iter().cloned().chain(stories) {
        builder.push(a);
        if builder.articles().len().is_multiple_of(STEP_STORIES)
            && browser::clock_ms() - last_yield > SLICE_MS
        {
            browser::yield_now().await;
            last_yield = browser::clock_ms();
        }
    }
    Ok(builder.finish())
}

async fn load_many(
    fetcher: &Fetcher,
    list: &[String],
    max_bytes: usize,
) -> Result<LoadedSet, LoadError> {
    let reads = list.iter().map(|src| async move {
        let url = browser::absolute_url(src).unwrap_or_else(|| src.to_string());
        let stories = RefCell::new(Vec::new());
        let end = read_source(
            fetcher,
            &url,
            max_bytes,
            |batch| stories.borrow_mut().append(batch),
            |_| false,
        )
        .await;
        let stories = stories.into_inner();
        let outcome = match end {
            Ok(Read::Document(end)) => Ok((stories, *end)),
            Ok(Read::Manifest(_)) => Err((
                Broken::before_reading(LoadError::Document(DocumentError::BadArchive {
                    detail: "an archive cannot be merged with other sources".into(),
                })),
                Vec::new(),
            )),
            Err(broken) => Err((broken, stories)),
        };
        (url, outcome)
    });
    let mut sets = Vec::new();
    let mut failed = Vec::new();
    let mut metas = Vec::new();
    let mut report = Report::default();
    for (url, outcome) in join_all(reads.collect()).await {
        match outcome {
            Ok((mut stories, end)) => {
                end.complete(&mut stories);
                log_report(&url, &end.report);
                report.total += end.report.total;
                report.skipped.extend(end.report.skipped);
                report.repaired.extend(end.report.repaired);
                report.repeated.extend(end.report.repeated);
                metas.push(end.meta);
                sets.push(stories);
            }
            // The stories read before a document broke off show, as with one source.
            Err((broken, stories)) => {
                let kept = broken.kept(&url, stories.len());
                if kept != Kept::Nothing {
                    report.total += stories.len();
                    metas.push(broken.meta);
                    sets.push(stories);
                }
                failed.push(Failed {
                    url,
                    error: broken.error,
                    kept,
                });
            }
        }
    }
    if metas.is_empty() {
        return Err(failed
            .into_iter()
            .next()
            .map_or(LoadError::NoSource, |f| f.error));
    }
    // A language only when every feed that names one names the same: the chips and filters
    // then speak it.
    let meta = merge_meta(metas);
    let (stories, _repeats) = merge(sets);
    browser::mark("gazette:parsed");
    let t = browser::clock_ms();
    let catalog = Rc::new(Catalog::with_calendar(stories, browser::calendar_offset()));
    browser::add_indexing_ms(browser::clock_ms() - t);
    browser::mark("gazette:index-built");
    Ok(LoadedSet {
        catalog,
        meta,
        report,
        failed,
        archive: None,
    })
}

/// Streams one document through the core's [`Reader`], handing each story to `push`. After
/// each step, and every [`WAKE_MS`] while the next bytes are awaited, `preview` may show what
/// there is so far; when it says it did, the browser paints before reading goes on. A document
/// that fails comes back with what it said of itself before it broke off (its title, say).
async fn read_source(
    fetcher: &Fetcher,
    url: &str,
    max_bytes: usize,
    push: impl FnMut(&mut Vec<Article>),
    preview: impl FnMut(&Reader) -> bool,
) -> Result<Read, Broken> {
    let body = (fetcher.0)(url.to_string())
        .await
        .map_err(|e| Broken::before_reading(LoadError::Fetch(e)))?;
    let mut reader = Reader::new(Some(url));
    reader.set_limit(max_bytes);
    match stream(&mut reader, body, max_bytes, push, preview).await {
        Ok(Some(manifest)) => Ok(manifest),
        Ok(None) => {
            let (meta, complete) = (reader.meta_so_far(), reader.stories_complete());
            let end = reader.finish().map_err(|e| Broken {
                error: LoadError::Document(e),
                meta,
                complete,
            })?;
            browser::mark("gazette:parsed");
            Ok(Read::Document(Box::new(end)))
        }
        Err(error) => Err(Broken {
            error,
            meta: reader.meta_so_far(),
            complete: reader.stories_complete(),
        }),
    }
}

/// [`read_source`]'s reading: `None` once every byte is in the reader, or the whole of a
/// manifest.
async fn stream(
    reader: &mut Reader,
    body: Body,
    max_bytes: usize,
    mut push: impl FnMut(&mut Vec<Article>),
    mut preview: impl FnMut(&Reader) -> bool,
) -> Result<Option<Read>, LoadError> {
    let mut arrived = false;
    let mut last_yield = browser::clock_ms();
    let mut batch = Vec::with_capacity(STEP_STORIES);
    let mut waiting = Box::pin(next_chunk(body));
    // While the next bytes are slow to come, the stories read so far may be shown: a timer
    // wakes the reading every WAKE_MS (one timer, made again only once it has fired).
    let mut wake = browser::sleep(WAKE_MS);
    loop {
        let Some((mut body, chunk)) = browser::first_of(waiting.as_mut(), &mut wake).await else {
            wake = browser::sleep(WAKE_MS);
            if preview(reader) {
                browser::after_paint().await;
            }
            continue;
        };
        let chunk = chunk.map_err(LoadError::Fetch)?;
        if !arrived {
            arrived = true;
            browser::mark("gazette:data-arrived");
            if chunk.as_deref().is_some_and(is_manifest) {
                return read_manifest(&mut body, chunk.unwrap_or_default())
                    .await
                    .map(Some);
            }
            // A server that says the document is over the limit is taken at its word: no more
            // is read. (A compressed answer declares fewer bytes than it holds, so this never
            // refuses what the reader would take.)
            if let Some(bytes) = body.declared_length().filter(|&n| n > max_bytes) {
                return Err(LoadError::Document(DocumentError::TooLarge {
                    bytes,
                    limit: max_bytes,
                }));
            }
        }
        match &chunk {
            Some(bytes) => reader.push(bytes).map_err(LoadError::Document)?,
            None => reader.end_of_input(),
        }
        // Read what has arrived, a step at a time. Stream reads resolve at once when data is
        // buffered, so without an explicit yield the page would not paint until the end: yield
        // after each slice of work, and let the preview be painted before going on.
        loop {
            // (The stories read before a fault in the document are kept: they show, with it.)
            let step = reader.read(STEP_STORIES, &mut |a| batch.push(a));
            push(&mut batch);
            let step = step.map_err(LoadError::Document)?;
            if step == Step::Done {
                break;
            }
            // Also when the bytes so far are used up: on a slow connection every chunk ends
            // the step early, and the stories read so far are all there is to show for a while.
            if preview(reader) {
                browser::after_paint().await;
                last_yield = browser::clock_ms();
            }
            if step == Step::NeedInput {
                break;
            }
            if browser::clock_ms() - last_yield > SLICE_MS {
                browser::yield_now().await;
                last_yield = browser::clock_ms();
            }
        }
        if chunk.is_none() {
            break;
        }
        waiting.set(next_chunk(body));
    }
    Ok(None)
}

/// How long reading waits for the next bytes before it sees whether to show a preview.
const WAKE_MS: i32 = 100;

/// The next piece of `body`, with the body, so that a wait for it can be set aside and taken
/// up again.
async fn next_chunk(mut body: Body) -> (Body, Result<Option<Vec<u8>>, FetchError>) {
    let chunk = body.next_chunk().await;
    (body, chunk)
}

/// The rest of a manifest, whole.
async fn read_manifest(body: &mut Body, mut bytes: Vec<u8>) -> Result<Read, LoadError> {
    while let Some(more) = body.next_chunk().await.map_err(LoadError::Fetch)? {
        bytes.extend_from_slice(&more);
        if bytes.len() > MAX_MANIFEST_BYTES {
            return Err(LoadError::Document(DocumentError::TooLarge {
                bytes: bytes.len(),
                limit: MAX_MANIFEST_BYTES,
            }));
        }
    }
    Ok(Read::Manifest(String::from_utf8_lossy(&bytes).into_owned()))
}

fn log_report(url: &str, report: &Report) {
    // One console group for each list that has stories, headed by `title` of their number.
    let group = |problems: &[Problem], title: &dyn Fn(usize) -> String| {
        if !problems.is_empty() {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            browser::log_group(&title(problems.len()), &lines);
        }
    };
    group(&report.skipped, &|n| {
        format!(
            "Gazette: {n} of {} stories in {url} could not be shown",
            report.total
        )
    });
    group(&report.repaired, &|n| match n {
        1 => format!("Gazette: 1 story in {url} was repaired"),
        n => format!("Gazette: {n} stories in {url} were repaired"),
    });
    group(&report.repeated, &|n| match n {
        1 => format!("Gazette: 1 story in {url} repeats an earlier one, shown once"),
        n => format!("Gazette: {n} stories in {url} repeat earlier ones, shown once"),
    });
}

/// Runs futures side by side and returns their outputs in order (several sources are fetched
/// and read at once; this is all the widget needs of a futures library).
async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut futures: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, out) in futures.iter_mut().zip(outputs.iter_mut()) {
            if out.is_none() {
                match f.as_mut().poll(cx) {
                    Poll::Ready(v) => *out = Some(v),
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}
