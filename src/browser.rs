//! The widget's calls into the browser beyond what Yew renders: the clock and timers, `fetch`,
//! `Intl` formatting, the address bar and history, listeners outside Yew's tree, DOM events and
//! the console, and finding mount points. Components reach the DOM only around their own nodes
//! (an event's target, a `NodeRef`); the rest of the widget is plain Rust over the pure core.
//! Nothing crosses per story except the few strings a visible card needs.

use gazette_core::date::{Relative, Timestamp};
use gazette_core::scroll;
use gazette_core::words::Words;
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why fetching a document failed, before its content was looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No response: offline, a refused connection, a blocked cross-origin request, a bad address.
    Network(String),
    /// A response with an error status.
    Http { status: u16, status_text: String },
    /// The server stopped sending: nothing arrived for this many seconds.
    Stalled(u32),
    /// The connection broke off while the document was coming (the browser's words).
    BrokeOff(String),
    /// The address is not one to fetch (`javascript:`, `file:`, …): only `http`, `https`,
    /// `blob:` and `data:` are.
    BadAddress(String),
}

/// How long a document may send nothing before the widget gives up on it.
pub const STALL_SECONDS: u32 = 30;

/// A promise that a timer settles after `ms` milliseconds, with the timer's id and the
/// promise's resolve function (to settle it early). The timer calls the promise's own resolve
/// function: the browser holds no Rust closure that could outlive its owner.
fn timer_promise(ms: i32) -> Option<(js_sys::Promise, i32, js_sys::Function)> {
    let mut started = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        started = window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .ok()
            })
            .map(|id| (id, resolve));
    });
    let (id, resolve) = started?;
    Some((promise, id, resolve))
}

/// Awaits `promise`, or gives up after `STALL_SECONDS` (`Ok(None)`), leaving no timer behind.
async fn within_stall_limit(promise: js_sys::Promise) -> Result<Option<JsValue>, JsValue> {
    let answer = std::pin::pin!(JsFuture::from(promise));
    first_of(answer, sleep(STALL_SECONDS as i32 * 1000))
        .await
        .transpose()
}

/// `a`'s output if it is ready before `b` is, else `None` (`a` can be awaited again).
pub async fn first_of<A: std::future::Future + ?Sized, B: std::future::Future>(
    a: std::pin::Pin<&mut A>,
    b: B,
) -> Option<A::Output> {
    let (mut a, mut b) = (a, std::pin::pin!(b));
    std::future::poll_fn(|cx| match a.as_mut().poll(cx) {
        std::task::Poll::Ready(out) => std::task::Poll::Ready(Some(out)),
        std::task::Poll::Pending => b.as_mut().poll(cx).map(|_| None),
    })
    .await
}

/// A future that is ready after `ms` milliseconds; dropping it clears the timer.
pub struct Sleep(Option<(JsFuture, i32)>);

/// Waits `ms` milliseconds (never, where there is no window).
pub fn sleep(ms: i32) -> Sleep {
    Sleep(timer_promise(ms).map(|(promise, id, _)| (promise.into(), id)))
}

impl std::future::Future for Sleep {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        match &mut self.0 {
            Some((timer, _)) => std::pin::Pin::new(timer).poll(cx).map(|_| ()),
            None => std::task::Poll::Pending,
        }
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let (Some(w), Some((_, id))) = (window(), &self.0) {
            w.clear_timeout_with_handle(*id);
        }
    }
}

/// Lets the browser handle input and paint before the future continues. Uses a message
/// channel, which unlike a zero-delay timer is not throttled when repeated.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            let _ = channel.port2().post_message(&JsValue::NULL);
        } else if let Some(w) = window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A pending call, cancelled when dropped.
pub struct Timeout {
    id: i32,
    /// Settles the timer's promise early, so that the waiting task ends.
    resolve: js_sys::Function,
    cancelled: Rc<Cell<bool>>,
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.cancelled.set(true);
        if let Some(w) = window() {
            w.clear_timeout_with_handle(self.id);
        }
        let _ = self.resolve.call0(&JsValue::NULL);
    }
}

/// Calls `f` after `ms` milliseconds, unless the returned handle is dropped first. The timer
/// settles a promise ([`timer_promise`]), and `f` runs in a task of its own, where it may drop
/// the handle.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<Timeout> {
    let (promise, id, resolve) = timer_promise(ms)?;
    let cancelled = Rc::new(Cell::new(false));
    let flag = cancelled.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
        if !flag.get() {
            f();
        }
    });
    Some(Timeout {
        id,
        resolve,
        cancelled,
    })
}

/// A call waiting for a pause, a scroll or a move of the focus, cancelled when dropped.
pub struct Pending {
    _timer: Option<Timeout>,
    _scroll: Option<Listener>,
    _focus: Option<Listener>,
}

/// Calls `f` once, after `ms` milliseconds, or when the reader scrolls (the page or any box in
/// it) or moves the focus (Tab out of the search box), whichever comes first; unless the
/// returned handle is dropped first.
pub fn after_pause_or_scroll(ms: i32, f: impl FnOnce() + 'static) -> Pending {
    let f = Rc::new(RefCell::new(Some(f)));
    let call = move || {
        let f = f.borrow_mut().take();
        if let Some(f) = f {
            // Run after this listener returns: `f` may drop the handle, and with it the very
            // closure the browser is calling.
            wasm_bindgen_futures::spawn_local(async move { f() });
        }
    };
    let (on_scroll, on_focus) = (call.clone(), call.clone());
    let document = window().and_then(|w| w.document());
    Pending {
        _timer: after(ms, call),
        _scroll: document
            .clone()
            .and_then(|d| listen_in(d.into(), "scroll", true, move |_| on_scroll())),
        _focus: document.and_then(|d| listen_in(d.into(), "focusin", true, move |_| on_focus())),
    }
}

/// How many of `list`'s items start above the bottom of the viewport (those on screen, and
/// any scrolled past).
pub fn items_on_screen(list: &web_sys::Element) -> usize {
    let bottom = viewport_height();
    let items = list.children();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .take_while(|li| li.get_bounding_client_rect().top() < bottom)
        .count()
}

/// Waits for the browser's next frame, before it is painted.
async fn frame_start() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match window() {
        Some(w) => {
            let _ = w.request_animation_frame(&resolve);
        }
        None => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted the next frame (for a preview to show before more work).
pub async fn next_frame() {
    frame_start().await;
    yield_now().await;
}

/// Lets a preview be painted before work goes on: the next frame, or, in a page that is hidden
/// (a background tab draws no frames), only a turn of the event loop.
pub async fn after_paint() {
    let hidden = window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        yield_now().await;
    } else {
        next_frame().await;
    }
}

/// Milliseconds since the page started, for pacing work.
pub fn clock_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Now, by the reader's clock.
pub fn now() -> Timestamp {
    Timestamp::from_millis(Date::now())
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// A document's body, read a piece at a time as it arrives.
pub enum Body {
    /// A whole text at once (in-memory documents, tests).
    Text(Option<String>),
    /// The network stream of a `fetch` response, the controller that can stop it, and the
    /// length the response declared (`Content-Length`: the bytes sent, compressed or not).
    Stream(web_sys::ReadableStreamDefaultReader, Aborter, Option<usize>),
}

/// Aborts its request when dropped: a load given up (its widget removed, or given another
/// source) stops downloading at once. Disarmed once the body has been read to its end.
pub struct Aborter(Option<web_sys::AbortController>);

impl Drop for Aborter {
    fn drop(&mut self) {
        if let Some(a) = self.0.take() {
            a.abort();
        }
    }
}

impl Body {
    /// How many bytes the server said it sends, when it said.
    pub fn declared_length(&self) -> Option<usize> {
        match self {
            Body::Text(_) => None,
            Body::Stream(_, _, length) => *length,
        }
    }

    /// The next piece of the body, or `None` at its end.
    pub async fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, FetchError> {
        match self {
            Body::Text(t) => Ok(t.take().map(String::into_bytes)),
            Body::Stream(reader, abort, _) => {
                let Some(result) = within_stall_limit(reader.read())
                    .await
                    .map_err(|e| FetchError::BrokeOff(js_error_text(&e)))?
                else {
                    let _ = reader.cancel();
                    return Err(FetchError::Stalled(STALL_SECONDS));
                };
                let done = Reflect::get(&result, &JsValue::from_str("done"))
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true);
                if done {
                    // Read to its end: nothing is left to abort.
                    abort.0 = None;
                    return Ok(None);
                }
                let value = Reflect::get(&result, &JsValue::from_str("value"))
                    .unwrap_or(JsValue::UNDEFINED);
                Ok(Some(js_sys::Uint8Array::new(&value).to_vec()))
            }
        }
    }
}

/// A task that can be given up: [`Cancel::cancel`] drops the future at its next wake-up,
/// with what it holds (a request, a body being read), and nothing of it runs after that.
pub fn cancellable(
    task: impl std::future::Future<Output = ()> + 'static,
) -> (impl std::future::Future<Output = ()>, Cancel) {
    let cancel = Cancel::default();
    let shared = cancel.0.clone();
    let mut task = Some(Box::pin(task));
    let future = std::future::poll_fn(move |cx| {
        if shared.cancelled.get() {
            task = None;
            return std::task::Poll::Ready(());
        }
        *shared.waker.borrow_mut() = Some(cx.waker().clone());
        match task.as_mut().map(|t| t.as_mut().poll(cx)) {
            Some(std::task::Poll::Pending) => std::task::Poll::Pending,
            _ => {
                task = None;
                std::task::Poll::Ready(())
            }
        }
    });
    (future, cancel)
}

/// Gives up a [`cancellable`] task.
#[derive(Default)]
pub struct Cancel(Rc<CancelState>);

#[derive(Default)]
struct CancelState {
    cancelled: Cell<bool>,
    waker: RefCell<Option<std::task::Waker>>,
}

impl Cancel {
    pub fn cancel(&self) {
        self.0.cancelled.set(true);
        if let Some(w) = self.0.waker.borrow_mut().take() {
            w.wake();
        }
    }
}

/// Starts fetching a document at once (not when first awaited); its body is then read with
/// [`Body::next_chunk`] as it arrives.
pub fn fetch_body(url: String) -> impl std::future::Future<Output = Result<Body, FetchError>> {
    let web = ["http://", "https://", "blob:", "data:"]
        .iter()
        .any(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
    // Aborted if no answer comes in time, so that the request does not stay open, and when
    // the load is given up (the future or its body dropped).
    let abort = Aborter(web_sys::AbortController::new().ok());
    let request = web.then(|| {
        let init = web_sys::RequestInit::new();
        if let Some(a) = &abort.0 {
            init.set_signal(Some(&a.signal()));
        }
        window().map(|w| w.fetch_with_str_and_init(&url, &init))
    });
    async move {
        let request = match request {
            None => return Err(FetchError::BadAddress(url)),
            Some(r) => r.ok_or_else(|| FetchError::Network("no browser window".into()))?,
        };
        answer(request, abort).await
    }
}

/// The requests the loader (`embed.js`) sent for `el`'s stories while the WebAssembly was on its
/// way (its `gazetteEarly` property: `[address, Promise<Response>, AbortController]` each), taken
/// once: the widget reads their answers as [`fetch_body`] would its own.
pub fn take_early(
    el: &web_sys::Element,
) -> Vec<(
    String,
    impl std::future::Future<Output = Result<Body, FetchError>>,
)> {
    let key = JsValue::from_str("gazetteEarly");
    let Ok(sent) = Reflect::get(el, &key) else {
        return Vec::new();
    };
    let _ = Reflect::delete_property(el, &key);
    let Some(sent) = sent.dyn_ref::<Array>() else {
        return Vec::new();
    };
    sent.iter()
        .filter_map(|entry| {
            let entry: Array = entry.dyn_into().ok()?;
            let url = entry.get(0).as_string()?;
            let request: js_sys::Promise = entry.get(1).dyn_into().ok()?;
            let abort = Aborter(entry.get(2).dyn_into().ok());
            Some((url, answer(request, abort)))
        })
        .collect()
}

/// The body of the answer to `request`, whose `abort` gives it up.
async fn answer(request: js_sys::Promise, abort: Aborter) -> Result<Body, FetchError> {
    let Some(response) = within_stall_limit(request)
        .await
        .map_err(|e| FetchError::Network(js_error_text(&e)))?
    else {
        drop(abort);
        return Err(FetchError::Stalled(STALL_SECONDS));
    };
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| FetchError::Network("not a response".into()))?;
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    match response.body() {
        Some(stream) => {
            let length = response
                .headers()
                .get("content-length")
                .ok()
                .flatten()
                .and_then(|n| n.trim().parse::<u64>().ok())
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            Ok(Body::Stream(
                stream.get_reader().unchecked_into(),
                abort,
                length,
            ))
        }
        None => {
            let text = response
                .text()
                .map_err(|e| FetchError::Network(js_error_text(&e)))?;
            let text = JsFuture::from(text)
                .await
                .map_err(|e| FetchError::Network(js_error_text(&e)))?;
            Ok(Body::Text(Some(text.as_string().unwrap_or_default())))
        }
    }
}

/// The absolute form of an address written in the page, resolved against the page's base.
pub fn absolute_url(address: &str) -> Option<String> {
    let base = window()?.document()?.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(address, &base)
        .ok()
        .map(|u| u.href())
}

/// `address` resolved against another absolute address (a shard against its manifest).
pub fn resolve_url(address: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(address, base)
        .ok()
        .map(|u| u.href())
}

/// The value of a query parameter of the page's own address.
pub fn page_query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The page's query parameters that start with `prefix` + ".", without the prefix.
pub fn page_params(prefix: &str) -> Vec<(String, String)> {
    let Some(search) = window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let lead = format!("{prefix}.");
    parse_query_string(&search)
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix(&lead).map(|k| (k.to_string(), v)))
        .collect()
}

fn parse_query_string(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let entries = js_sys::try_iter(&params).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair: Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

/// How a change of view is kept in the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// Not at all (the change came from the address).
    Keep,
    /// In place of the current entry (typing).
    Replace,
    /// As a new entry, so Back undoes it (a discrete filter change).
    Push,
}

/// The page's address with this widget's parameters (`prefix.name=value`) replaced by
/// `params`, every other parameter and the fragment kept; and whether that differs from the
/// address now.
pub fn page_url_with(prefix: &str, params: &[(&str, String)]) -> Option<(String, bool)> {
    let location = window()?.location();
    let search = location.search().ok()?;
    let lead = format!("{prefix}.");
    let out = web_sys::UrlSearchParams::new().ok()?;
    for (k, v) in parse_query_string(&search) {
        if !k.starts_with(&lead) {
            out.append(&k, &v);
        }
    }
    for (k, v) in params {
        out.append(&format!("{lead}{k}"), v);
    }
    let query = String::from(out.to_string());
    let changed = format!("?{query}") != search && !(query.is_empty() && search.is_empty());
    let hash = location.hash().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    Some((url, changed))
}

/// Rewrites this widget's parameters in the page address (see [`page_url_with`]). A new entry
/// that opens a story records, in the entry's state, how many story entries this widget has
/// added above an entry of its list ([`story_depth`]); others record none, as does a story
/// reached from a story that came with the address (no list entry lies below it).
pub fn write_page_params(prefix: &str, params: &[(&str, String)], mode: HistoryMode) {
    let Some((url, true)) = page_url_with(prefix, params) else {
        return;
    };
    let Some(h) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let opens_story = params.iter().any(|(k, _)| *k == "story");
    let story_here = || page_params(prefix).iter().any(|(k, _)| k == "story");
    let _ = match mode {
        HistoryMode::Keep => Ok(()),
        HistoryMode::Replace => {
            // The entry stays the same step of the history: a story's counts are kept as they
            // are, also the one that says another widget has added entries since (a story
            // shown longer, more stories behind it).
            let depth = if opens_story { counts_of(prefix).0 } else { 0 };
            // More stories loaded (the page) is no change of the view another widget's Back
            // must keep; a search or filter is.
            // (Compared as sets: a sort would cost wasm of its own.)
            let view = |params: Vec<(String, String)>| -> Vec<(String, String)> {
                params.into_iter().filter(|(k, _)| k != "page").collect()
            };
            let was = view(page_params(prefix));
            let now = view(
                params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            );
            let same =
                |a: &[(String, String)], b: &[(String, String)]| a.iter().all(|p| b.contains(p));
            let step = match same(&was, &now) && same(&now, &was) {
                true => Step::Same,
                false => Step::Changed,
            };
            h.replace_state_with_url(&entry_state(&h, prefix, depth, step), "", Some(&url))
        }
        HistoryMode::Push => {
            let depth = match (opens_story, story_here(), story_depth(prefix)) {
                (false, _, _) => 0,
                (true, false, _) => 1,
                (true, true, 0) => 0,
                (true, true, d) => d + 1,
            };
            h.push_state_with_url(&entry_state(&h, prefix, depth, Step::New), "", Some(&url))
        }
    };
}

/// What a widget's write does to the history, as the other widgets' counts see it.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// A new entry.
    New,
    /// The same entry, with the writer's view changed (a search typed).
    Changed,
    /// The same entry, with the same view (at most more stories loaded).
    Same,
}

/// The state of a history entry written by the widget with this prefix: the current entry's,
/// with this widget's `depth` (see [`story_depth`]), after `step`.
///
/// The other widgets' depths are kept; a new entry is one more above their lists, for
/// their stories stay open in it. A new entry, or this entry's view changed by this widget, is
/// a change by another widget ("prefix+") to each of them: closing their story then must not
/// go back past it (it would undo this widget's change). The counts live under
/// one key of the entry's state; the page's own state (a router's) is carried over as it is,
/// into a new entry too.
fn entry_state(h: &web_sys::History, prefix: &str, depth: u32, step: Step) -> JsValue {
    let current = h.state().unwrap_or(JsValue::NULL);
    let before = our_counts(&current);
    let counts = Object::new();
    let get = |key: &str| count_in(before.as_ref()?, key);
    let set = |key: &str, value: f64| {
        let _ = Reflect::set(&counts, &JsValue::from_str(key), &value.into());
    };
    let keys = before
        .as_ref()
        .map_or_else(Array::new, |c| Object::keys(c.unchecked_ref::<Object>()));
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if key == prefix || key.ends_with('+') {
            continue;
        }
        if let Some(d) = get(&key) {
            let foreign = format!("{key}+");
            let f = get(&foreign).unwrap_or(0.0);
            let (d, f) = match step {
                Step::New => (d + 1.0, f + 1.0),
                Step::Changed => (d, f.max(1.0)),
                Step::Same => (d, f),
            };
            set(&key, d);
            if f >= 1.0 {
                set(&foreign, f);
            }
        }
    }
    if depth > 0 {
        set(prefix, f64::from(depth));
        // A hop to another story keeps the count; a story opened from the list starts it.
        let foreign = format!("{prefix}+");
        if let Some(f) = get(&foreign).filter(|_| depth > 1) {
            set(&foreign, f);
        }
    }
    with_counts(&current, &counts)
}

/// Forgets, in the current history entry, the story entries this widget added above its list:
/// a widget started again (new categories) with its story open closes it into the list in
/// place, instead of going back to a list of the old filters.
pub fn forget_story_depth(prefix: &str) {
    let Some(h) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    if current_counts().is_some() {
        let _ = h.replace_state_with_url(&entry_state(&h, prefix, 0, Step::Same), "", None);
    }
}

/// How many story entries this widget added to the history above its list, as recorded in the
/// current entry; 0 when the story came with the address (it then closes in place, see
/// [`story_came_with_address`]), or when another widget has added entries since (going back
/// would undo them): the story then closes into a new entry.
pub fn story_depth(prefix: &str) -> u32 {
    match counts_of(prefix) {
        (_, Some(_others_since)) => 0,
        (above_list, None) => above_list,
    }
}

/// This widget's counts in the current entry: the story entries it added above its list (0 for
/// none), and the entries other widgets have added since, if any (see [`entry_state`]).
fn counts_of(prefix: &str) -> (u32, Option<f64>) {
    current_counts().map_or((0, None), |c| {
        (
            count_in(&c, prefix).map_or(0, |d| d as u32),
            count_in(&c, &format!("{prefix}+")),
        )
    })
}

/// True when the current entry's story (of the widget with this prefix) came with the address:
/// the widget added no entry for it, and no other widget has added one since.
pub fn story_came_with_address(prefix: &str) -> bool {
    counts_of(prefix) == (0, None)
}

/// The key of a history entry's state under which the widgets keep their counts.
const STATE_KEY: &str = "gazette";

/// The widgets' counts in the current history entry's state, if it has any.
fn current_counts() -> Option<JsValue> {
    our_counts(&window()?.history().ok()?.state().ok()?)
}

/// The widgets' counts in a history entry's state, if it has any.
fn our_counts(state: &JsValue) -> Option<JsValue> {
    if !state.is_object() {
        return None;
    }
    Reflect::get(state, &JsValue::from_str(STATE_KEY))
        .ok()
        .filter(|c| c.is_object())
}

/// The page's own `state` with the widgets' `counts` in it: a copy of its own keys (a router's
/// `key`, `idx`, `scroll`…) and the counts under [`STATE_KEY`], none when there are none. A
/// state that is not a plain object (a string, an array) is left as it is unless there are
/// counts to keep, which then replace it.
fn with_counts(state: &JsValue, counts: &Object) -> JsValue {
    let any = Object::keys(counts).length() > 0;
    let plain = state.is_object() && !Array::is_array(state);
    if !plain && !any && !state.is_null() {
        return state.clone();
    }
    let next = Object::new();
    if plain {
        Object::assign(&next, state.unchecked_ref());
    }
    let key = JsValue::from_str(STATE_KEY);
    if any {
        let _ = Reflect::set(&next, &key, counts);
    } else {
        let _ = Reflect::delete_property(&next, &key);
    }
    if !plain && !any {
        return JsValue::NULL;
    }
    next.into()
}

/// A count of at least 1 that the widgets' counts record under `key`.
fn count_in(state: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(state, &JsValue::from_str(key))
        .ok()
        .and_then(|d| d.as_f64())
        .filter(|&d| d >= 1.0)
}

thread_local! {
    /// The page's own scroll restoration mode, and the widgets that need "manual" meanwhile
    /// (see [`manage_scroll`]).
    static SAVED: RefCell<(Option<JsValue>, Vec<usize>)> = const { RefCell::new((None, Vec::new())) };
    /// The way back to where the page was when the reader left it (see [`ScrollMemory`]); `None`
    /// until the first widget starts.
    static RETURN: RefCell<Option<scroll::Return>> = const { RefCell::new(None) };
    /// The story at the top of the screen when the reader left, with the way back.
    static MARK: Cell<Option<scroll::Mark>> = const { Cell::new(None) };
    /// The page's one `pagehide` listener that writes the position down, shared by the
    /// widgets' [`ScrollMemory`]: it goes with the last of them.
    static LEAVE: RefCell<std::rc::Weak<Listener>> = const { RefCell::new(std::rc::Weak::new()) };
}

/// Where the page's positions are kept for the tab (`sessionStorage`).
const SCROLL_ITEM: &str = "gazette-scroll";

/// The tab's storage, if the page may use it (a sandboxed frame, or storage switched off, may not).
fn tab_storage() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// The current history entry's key: the Navigation API's, which a reload keeps, or else the
/// page's address.
fn entry_key() -> Option<String> {
    let w = window()?;
    let entry = Reflect::get(&w, &JsValue::from_str("navigation"))
        .ok()
        .filter(|n| n.is_object())
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("currentEntry")).ok())
        .filter(|e| e.is_object())
        .and_then(|e| Reflect::get(&e, &JsValue::from_str("key")).ok())
        .and_then(|k| k.as_string());
    entry.or_else(|| w.location().href().ok())
}

/// A widget's part in returning to where the page was scrolled when the reader left it (on a
/// reload, or on Back from another page the browser did not keep): it writes the position down
/// as the page goes (`pagehide`), and, until [`ScrollMemory::return_once`], hears the reader
/// scroll, which ends the way back. Stops when dropped; the page's last one stops writing.
pub struct ScrollMemory {
    _leave: Option<Rc<Listener>>,
    reader: Vec<Listener>,
    tried: bool,
}

/// Starts a widget's [`ScrollMemory`]. The first widget of the page reads the position left
/// there (see [`scroll::Return`]).
pub fn remember_scroll() -> ScrollMemory {
    let pending = RETURN.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| {
                let left = take_left_scroll();
                MARK.with(|m| m.set(left.and_then(|(_, mark)| mark)));
                scroll::Return::to(left.map(|(y, _)| y), max_scroll_y())
            })
            .pending()
    });
    let reader = match window().filter(|_| pending) {
        Some(w) => listen_each(
            &w.into(),
            &["wheel", "touchmove", "keydown", "mousedown"],
            |_| {
                RETURN.with(|r| r.borrow_mut().as_mut().map(scroll::Return::reader_moved));
            },
        ),
        None => Vec::new(),
    };
    let leave = LEAVE.with(|leave| {
        let mut shared = leave.borrow_mut();
        shared.upgrade().or_else(|| {
            let listener =
                window().and_then(|w| listen(w.into(), "pagehide", |_| write_scroll_down()));
            let listener = Rc::new(listener?);
            *shared = Rc::downgrade(&listener);
            Some(listener)
        })
    });
    ScrollMemory {
        _leave: leave,
        reader,
        tried: false,
    }
}

impl ScrollMemory {
    /// Called once the widget has drawn its first view: scrolls the page to where it was, if
    /// the page is long enough now and the reader has not scrolled since. Once per widget.
    pub fn return_once(&mut self) {
        if std::mem::replace(&mut self.tried, true) {
            return;
        }
        self.reader.clear();
        RETURN.with(|r| {
            if let Some(way) = r.borrow_mut().as_mut() {
                // The story that was at the top of the screen, where it is now.
                let mark = MARK.with(Cell::get);
                if let Some((m, top)) = mark.and_then(|m| Some((m, card_top(m)?))) {
                    way.aim(scroll_y() + top - f64::from(m.offset));
                }
                if let Some(y) = way.next(scroll_y()) {
                    scroll_to_y(y);
                    way.arrived(scroll_y());
                }
            }
        });
    }
}

/// The position written down for the current history entry, and the story then at the top of
/// the screen, taken out of the tab's memory.
fn take_left_scroll() -> Option<(f64, Option<scroll::Mark>)> {
    let (store, key) = tab_storage().zip(entry_key())?;
    let memory = store.get_item(SCROLL_ITEM).ok().flatten()?;
    let (place, rest) = scroll::take(&memory, &key);
    let _ = store.set_item(SCROLL_ITEM, &rest);
    place
}

/// The page's widgets' story cards, widget by widget in document order.
fn cards_of_widgets(selector: &str) -> impl Iterator<Item = (usize, web_sys::Element)> + '_ {
    widget_mounts()
        .into_iter()
        .enumerate()
        .flat_map(move |(widget, (mount, _))| {
            let list = mount.query_selector_all(selector).ok();
            let n = list.as_ref().map_or(0, |l| l.length());
            (0..n).filter_map(move |i| {
                let card = list
                    .as_ref()?
                    .item(i)?
                    .dyn_into::<web_sys::Element>()
                    .ok()?;
                Some((widget, card))
            })
        })
}

/// Every widget on the page, in document order: the element it is drawn in (a `data-gazette`
/// element, or the mount in a `<gazette-news>` element's shadow root) and the element whose
/// attributes configure it.
fn widget_mounts() -> Vec<(web_sys::Element, web_sys::Element)> {
    elements("[data-gazette], gazette-news")
        .into_iter()
        .map(|host| {
            let mount = host
                .shadow_root()
                .and_then(|r| r.query_selector(".gz-mount").ok().flatten());
            (mount.unwrap_or_else(|| host.clone()), host)
        })
        .collect()
}

/// The story card at the top of the screen: the first of a widget's cards that reaches into
/// the screen (shown cards only).
fn top_story() -> Option<scroll::Mark> {
    let screen = viewport_height();
    cards_of_widgets("article[data-story]").find_map(|(widget, card)| {
        let r = card.get_bounding_client_rect();
        if !reaches_screen(&r, screen) {
            return None;
        }
        Some(scroll::Mark {
            widget,
            story: card.get_attribute("data-story")?.parse().ok()?,
            offset: r.top().round() as i32,
        })
    })
}

/// Where the card of `mark`'s story is now, from the top of the screen, if it is shown.
fn card_top(mark: scroll::Mark) -> Option<f64> {
    let selector = format!("article[data-story=\"{}\"]", mark.story);
    let (_, card) = cards_of_widgets(&selector).find(|&(w, _)| w == mark.widget)?;
    let r = card.get_bounding_client_rect();
    (r.height() > 0.0).then(|| r.top())
}

/// Writes the page's position down for the current history entry.
fn write_scroll_down() {
    if let (Some(store), Some(key)) = (tab_storage(), entry_key()) {
        let memory = store
            .get_item(SCROLL_ITEM)
            .ok()
            .flatten()
            .unwrap_or_default();
        let place = scroll::remember(&memory, &key, scroll_y(), top_story());
        let _ = store.set_item(SCROLL_ITEM, &place);
    }
}

/// How far down the page can be scrolled now, in CSS pixels.
fn max_scroll_y() -> f64 {
    let Some(w) = window() else {
        return 0.0;
    };
    let height = w
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| e.scroll_height() as f64);
    (height - viewport_height()).max(0.0)
}

/// While `on`, the browser leaves the scroll position alone when the history goes between the
/// list and its stories: the widget restores the list's position itself (the browser's would
/// be clamped to the story's shorter page). Set on the list's entry as a story opens (entries
/// added after it take the same mode); `false` gives the page back its own mode once no widget
/// (`owner`, any number that tells one from the others) needs it.
pub fn manage_scroll(owner: usize, on: bool) {
    let Some(h) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let key = JsValue::from_str("scrollRestoration");
    SAVED.with(|saved| {
        let (saved, owners) = &mut *saved.borrow_mut();
        if on {
            if !owners.contains(&owner) {
                owners.push(owner);
            }
            if saved.is_none() {
                *saved = Reflect::get(&h, &key).ok();
            }
            let _ = Reflect::set(&h, &key, &JsValue::from_str("manual"));
        } else {
            owners.retain(|&o| o != owner);
            if owners.is_empty() {
                if let Some(mode) = saved.take() {
                    let _ = Reflect::set(&h, &key, &mode);
                }
            }
        }
    });
}

/// Goes `n` entries back in the history (the popstate that follows shows that view).
pub fn go_back(n: u32) {
    if let Some(h) = window().and_then(|w| w.history().ok()) {
        let _ = h.go_with_delta(-(n as i32));
    }
}

/// The reader's calendar, in seconds east of UTC: the time zone's offset at the start of this
/// year, where the year facet's boundaries fall (the dates on the cards are the reader's too).
pub fn calendar_offset() -> i64 {
    let year = Date::new_0().get_full_year();
    let minutes_behind = Date::new_with_year_month_day(year, 0, 1).get_timezone_offset();
    -(minutes_behind as i64) * 60
}

/// `t` as the reader's wall-clock time written as if it were UTC (the time zone's offset at
/// that instant, summer time included), for relative dates that agree with the dates shown.
pub fn wall_clock(t: Timestamp) -> Timestamp {
    let minutes_behind = Date::new(&JsValue::from_f64(t.as_millis())).get_timezone_offset();
    if minutes_behind.is_finite() && !t.is_undated() {
        Timestamp(t.0 - minutes_behind as i64 * 60)
    } else {
        t
    }
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Scrolls the page to `y` CSS pixels from the top, at once (not smoothly, whatever the page's
/// `scroll-behavior`: one scroll event, which [`when_scrolled_near`] leaves alone after a story).
pub fn scroll_to_y(y: f64) {
    let Some(w) = window() else {
        return;
    };
    let options = web_sys::ScrollToOptions::new();
    options.set_left(w.scroll_x().unwrap_or(0.0));
    options.set_top(y);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    w.scroll_to_with_scroll_to_options(&options);
}

/// Moves keyboard focus to `el` without scrolling the page.
pub fn focus_in_place(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// Scrolls just enough to show `el` whole (the page, and any scrolling box it is in) when it
/// has the keyboard's focus (a card the list moved as it changed under it), as moving the focus
/// there would. A focus the keyboard did not put there is left where it is.
///
/// At the start of the next frame: after Back or Forward, the browser restores the page's
/// scroll once `popstate` has been handled, and a list drawn at once would be scrolled away
/// again.
pub fn keep_keyboard_focus_in_view(el: web_sys::Element) {
    wasm_bindgen_futures::spawn_local(async move {
        frame_start().await;
        if !el.matches(":focus-visible").unwrap_or(false) {
            return;
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// True when some of `el` is on the screen (in the window's height).
pub fn on_screen(el: &web_sys::Element) -> bool {
    reaches_screen(&el.get_bounding_client_rect(), viewport_height())
}

/// True when a shown box `r` reaches into a screen `screen` pixels high.
fn reaches_screen(r: &web_sys::DomRect, screen: f64) -> bool {
    r.height() > 0.0 && r.bottom() > 0.0 && r.top() < screen
}

/// Where the keyboard's focus is, seen from a widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusPlace {
    /// On an element inside it.
    Inside,
    /// Nowhere in particular: on the page's body.
    Nowhere,
    /// On something else of the page (the host's search box, a button): not the widget's to
    /// take.
    Elsewhere,
}

/// True on a device with a touch screen (where the keyboard is usually on the screen).
pub fn touch_screen() -> bool {
    window().is_some_and(|w| w.navigator().max_touch_points() > 0)
}

/// Where the keyboard's focus is, seen from `el` (in a shadow root or not).
pub fn focus_place(el: &web_sys::Element) -> FocusPlace {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return FocusPlace::Nowhere;
    };
    let page_level = doc.active_element();
    if page_level.is_none() || page_level == doc.body().map(Into::into) {
        return FocusPlace::Nowhere;
    }
    if focused_in(el).is_some() {
        FocusPlace::Inside
    } else {
        FocusPlace::Elsewhere
    }
}

/// True when the keyboard's focus is on an element below the top of `el` (its box), outside
/// it, anywhere in the page (through open shadow roots): the reader has moved the focus on
/// past it, and the page scrolled to follow.
pub fn keyboard_focus_below(el: &web_sys::Element) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let mut active = doc.active_element();
    // Down to the focused element itself, through the shadow roots that hold it.
    while let Some(inner) = active
        .as_ref()
        .and_then(|a| a.shadow_root())
        .and_then(|s| s.active_element())
    {
        active = Some(inner);
    }
    let Some(active) = active.filter(|a| Some(a) != doc.body().map(Into::into).as_ref()) else {
        return false;
    };
    !el.contains(Some(&active))
        && active.matches(":focus-visible").unwrap_or(false)
        && active.get_bounding_client_rect().top() >= el.get_bounding_client_rect().top()
}

/// The element inside `el` that has the keyboard's focus, if one has (`el` may be in a shadow
/// root).
pub fn focused_in(el: &web_sys::Element) -> Option<web_sys::Element> {
    let root = el.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => window()?.document()?.active_element(),
    };
    active.filter(|a| el.contains(Some(a)))
}

/// The first element inside `root` that matches a CSS selector.
pub fn find_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Every element inside `root` that matches a CSS selector, in document order.
pub fn all_in(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// An event listener that is removed when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

fn listen(
    target: web_sys::EventTarget,
    kind: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Option<Listener> {
    listen_in(target, kind, false, f)
}

/// As [`listen`]; `capture` also hears events that do not bubble, from any element inside.
fn listen_in(
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Option<Listener> {
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    target
        .add_event_listener_with_callback_and_bool(kind, callback.as_ref().unchecked_ref(), capture)
        .ok()?;
    Some(Listener {
        target,
        kind,
        capture,
        callback,
    })
}

/// The mark of a picture in a story's body that failed to load, and of what held only it (its
/// figure, a link or a paragraph around it), all left out by the stylesheet.
const FAILED_PICTURE: &str = "data-gz-failed";

/// Leaves out the pictures of a story's `body` that fail to load (a dead link, a host that
/// refuses others' pages), as the cards' and the hero's are: a broken frame says nothing, a
/// caption under no picture less, and a link around no picture has no name.
pub fn leave_out_failed_pictures(body: &web_sys::Element) -> Option<Listener> {
    // Marks from the story shown before (the elements may be used again for this one), then
    // the pictures that have failed already (before the listener came, or kept by an element
    // used again with the same address, which does not load again).
    for el in all_in(body, &format!("[{FAILED_PICTURE}]")) {
        let _ = el.remove_attribute(FAILED_PICTURE);
    }
    for img in all_in(body, "img") {
        if let Some(img) = img.dyn_ref::<web_sys::HtmlImageElement>() {
            if img.complete() && img.natural_width() == 0 && !img.current_src().is_empty() {
                leave_out_picture(img.clone().into(), body);
            }
        }
    }
    let root = body.clone();
    listen_in(body.clone().into(), "error", true, move |e| {
        match e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            Some(img) if img.tag_name().eq_ignore_ascii_case("img") => {
                leave_out_picture(img, &root)
            }
            _ => {}
        }
    })
}

/// Marks `img` as failed, with the elements up to `root` that held nothing else: a figure
/// with only failed pictures and their captions, a link or paragraph with no words.
fn leave_out_picture(img: web_sys::Element, root: &web_sys::Element) {
    let blank = |n: &web_sys::Node| n.text_content().is_none_or(|t| t.trim().is_empty());
    let others = format!("img:not([{FAILED_PICTURE}])");
    let mut el = img;
    loop {
        let _ = el.set_attribute(FAILED_PICTURE, "");
        let Some(parent) = el.parent_element().filter(|p| p != root) else {
            break;
        };
        let all_failed = parent.query_selector(&others).ok().flatten().is_none();
        let held_only_pictures = if parent.tag_name().eq_ignore_ascii_case("figure") {
            // Its caption goes with the picture; a quote or paragraph beside it stays.
            let nodes = parent.child_nodes();
            (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .all(|n| n.node_name().eq_ignore_ascii_case("figcaption") || blank(&n))
        } else {
            blank(&parent)
        };
        if !(all_failed && held_only_pictures) {
            break;
        }
        el = parent;
    }
}

/// One listener on `target` for each event of `kinds`, in the capture phase (events that do not
/// bubble too), all calling `f`; each stops when dropped.
fn listen_each(
    target: &web_sys::EventTarget,
    kinds: &[&'static str],
    f: impl Fn(web_sys::Event) + Clone + 'static,
) -> Vec<Listener> {
    kinds
        .iter()
        .filter_map(|&kind| listen_in(target.clone(), kind, true, f.clone()))
        .collect()
}

/// Calls `f` when the reader goes Back or Forward.
pub fn on_history_change(f: impl Fn() + 'static) -> Option<Listener> {
    listen(window()?.into(), "popstate", move |_| f())
}

/// A widget's root and its search box, when both are drawn.
pub type SearchTarget = Rc<dyn Fn() -> Option<(web_sys::Element, web_sys::HtmlInputElement)>>;

/// Widgets that share one page-level listener of the keys (the search key, Esc on the page):
/// what each gave, by its number, in the order they came; and the listener while there are any.
struct KeyUsers<T: 'static> {
    next: u32,
    entries: Vec<(u32, T)>,
    listener: Option<Listener>,
}

impl<T> Default for KeyUsers<T> {
    fn default() -> Self {
        KeyUsers {
            next: 0,
            entries: Vec::new(),
            listener: None,
        }
    }
}

type Users<T> = &'static std::thread::LocalKey<RefCell<KeyUsers<T>>>;

/// A widget's use of a page-level key, until this is dropped (the listener goes with the last).
pub struct KeyUse<T: 'static>(Users<T>, u32);

impl<T> Drop for KeyUse<T> {
    fn drop(&mut self) {
        let id = self.1;
        let listener = self.0.with(|u| {
            let mut u = u.borrow_mut();
            u.entries.retain(|(i, _)| *i != id);
            // (Dropped outside the borrow.)
            u.entries.is_empty().then(|| u.listener.take()).flatten()
        });
        drop(listener);
    }
}

/// Adds `entry` to `users`; the document's keys go to `pressed` while there are any.
fn use_keys<T>(
    users: Users<T>,
    entry: T,
    pressed: fn(&web_sys::KeyboardEvent),
) -> Option<KeyUse<T>> {
    let listening = users.with(|u| u.borrow().listener.is_some());
    let listener = if listening {
        None
    } else {
        let doc: web_sys::EventTarget = window()?.document()?.into();
        Some(listen(doc, "keydown", move |e| {
            if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                pressed(k);
            }
        })?)
    };
    users.with(|u| {
        let mut u = u.borrow_mut();
        if listener.is_some() {
            u.listener = listener;
        }
        let id = u.next;
        u.next += 1;
        u.entries.push((id, entry));
        Some(KeyUse(users, id))
    })
}

thread_local! {
    /// The open stories that Esc closes with the focus on no element (after a reload onto a
    /// story, say).
    static CLOSERS: RefCell<KeyUsers<Rc<dyn Fn()>>> = RefCell::default();
    /// The widgets that take a search key, with their key.
    static SEARCHERS: RefCell<KeyUsers<(String, SearchTarget)>> = RefCell::default();
}

/// An open story that Esc closes from the page, until this is dropped.
pub type PageEscape = KeyUse<Rc<dyn Fn()>>;

/// Calls `close` when Esc is pressed with the focus on no element of the page, if this is the
/// page's only open story (with two, which one the reader meant is not plain: Esc waits for
/// the focus to be in one).
pub fn on_page_escape(close: Rc<dyn Fn()>) -> Option<PageEscape> {
    use_keys(&CLOSERS, close, page_escape_pressed)
}

fn page_escape_pressed(k: &web_sys::KeyboardEvent) {
    if k.key() != "Escape" || k.default_prevented() || k.ctrl_key() || k.meta_key() || k.alt_key() {
        return;
    }
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let active = doc.active_element();
    if active.is_some() && active != doc.body().map(Into::into) {
        return;
    }
    let only = CLOSERS.with(|c| {
        let c = c.borrow();
        (c.entries.len() == 1).then(|| c.entries[0].1.clone())
    });
    if let Some(close) = only {
        k.prevent_default();
        close();
    }
}

/// A widget's search key, listened for until this is dropped.
pub type SearchKey = KeyUse<(String, SearchTarget)>;

/// Focuses the search box of `target` (and selects what it holds) when `key` ("/", the usual
/// shortcut to search) is pressed outside a text field, if the key is for this widget (see
/// [`search_key_for`]).
pub fn on_search_key(key: &str, target: SearchTarget) -> Option<SearchKey> {
    use_keys(&SEARCHERS, (key.to_string(), target), search_key_pressed)
}

/// A key pressed on the page: a widget's search key, outside a text field, focuses the search
/// box of the widget it is for.
fn search_key_pressed(k: &web_sys::KeyboardEvent) {
    if k.ctrl_key() || k.meta_key() || k.alt_key() {
        return;
    }
    // The widgets taking this key (most keys are none's: nothing more is read for them).
    let key = k.key();
    let targets: Vec<SearchTarget> = SEARCHERS.with(|s| {
        s.borrow()
            .entries
            .iter()
            .filter(|(_, (taken, _))| *taken == key)
            .map(|(_, (_, target))| target.clone())
            .collect()
    });
    if targets.is_empty() {
        return;
    }
    // The element the key went to, inside a shadow root too (the target seen from the
    // document would be the shadow root's host). A field the key is typed into keeps it (a date
    // field too, whose parts it may separate); a menu, box to tick or button does not.
    let typing = k
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok()
        .is_some_and(|el| match el.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => !matches!(
                input.type_().as_str(),
                "checkbox"
                    | "radio"
                    | "button"
                    | "submit"
                    | "reset"
                    | "image"
                    | "range"
                    | "color"
                    | "file"
            ),
            None => el.tag_name() == "TEXTAREA" || el.get_attribute("contenteditable").is_some(),
        });
    if typing {
        return;
    }
    if let Some(input) = search_key_for(k, &targets) {
        k.prevent_default();
        let _ = input.focus();
        input.select();
    }
}

/// The search box a press of a search key is for, of the widgets taking that key (`targets`):
/// the widget's the focus is in; or, with the focus on no element of the page (on its body), the
/// one that
/// shows most of itself on screen (the page's main list rather than a sidebar's), the first to
/// take the key on a tie. Only a search box that can take the focus (not hidden, disabled or
/// inert) takes the key. A key pressed on the page's own links, buttons or widgets stays
/// theirs.
fn search_key_for(
    e: &web_sys::KeyboardEvent,
    targets: &[SearchTarget],
) -> Option<web_sys::HtmlInputElement> {
    let candidates: Vec<_> = targets.iter().filter_map(|t| t()).collect();
    // The focused element and its ancestors, through open shadow roots.
    let path = e.composed_path();
    let inside = candidates.iter().find(|(root, _)| {
        path.iter()
            .any(|item| item.dyn_ref::<web_sys::Element>() == Some(root))
    });
    if let Some((_, input)) = inside {
        return can_take_focus(input).then(|| input.clone());
    }
    let on_nothing = path
        .get(0)
        .dyn_into::<web_sys::Element>()
        .is_ok_and(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML"));
    if !on_nothing || e.default_prevented() {
        return None;
    }
    let width = window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    let height = viewport_height();
    let on_screen = |el: &web_sys::Element| {
        let r = el.get_bounding_client_rect();
        (r.bottom().min(height) - r.top().max(0.0)).max(0.0)
            * (r.right().min(width) - r.left().max(0.0)).max(0.0)
    };
    let mut best = None;
    let mut most = 0.0;
    for (root, input) in candidates {
        let shown = on_screen(&root);
        if shown > most && can_take_focus(&input) {
            (best, most) = (Some(input), shown);
        }
    }
    best
}

/// Whether `el` can take the focus: it has a box (not `display: none`, nor in a `hidden`
/// element), is visible and enabled, is not inert (nor inside an inert element, through shadow
/// roots), and is inside the modal dialog open on the page, if one is.
fn can_take_focus(el: &web_sys::HtmlInputElement) -> bool {
    let visible = window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value("visibility").ok())
        .is_some_and(|v| v == "visible");
    let r = el.get_bounding_client_rect();
    if (r.width() == 0.0 && r.height() == 0.0) || !visible || el.disabled() {
        return false;
    }
    let modal = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("dialog:modal").ok().flatten());
    let mut in_modal = modal.is_none();
    let mut at: web_sys::Element = el.clone().into();
    loop {
        if at.closest("[inert]").ok().flatten().is_some() {
            return false;
        }
        in_modal = in_modal || modal.as_ref().is_some_and(|m| m.contains(Some(&at)));
        match at.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => at = shadow.host(),
            Err(_) => return in_modal,
        }
    }
}

/// The computed length `property` of `el` in CSS pixels (0 when it is not a length, as `auto`).
pub fn css_px(el: &web_sys::Element, property: &str) -> f64 {
    window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value(property).ok())
        // (JavaScript's parseFloat: Rust's would bring its float tables into the wasm.)
        .and_then(|v| v.strip_suffix("px").map(js_sys::parse_float))
        .filter(|n| n.is_finite())
        .unwrap_or(0.0)
}

/// The viewport's height in CSS pixels.
pub fn viewport_height() -> f64 {
    window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Calls `f` when the reader scrolls (the page or any scrolling box around `el`) while `el` is
/// on screen or within `margin` CSS pixels below the viewport's bottom, until `f` says it acted
/// (returns `true`). Only the reader's scrolling counts: a list too short to fill the screen
/// does not grow on its own, nor does a hidden one, nor one the reader has scrolled past, nor
/// one the widget has just scrolled back to after a story. `f` is told whether the reader has
/// scrolled by hand (wheel, touch, keys other than Tab) since the focus last moved: if not,
/// the page may have scrolled to follow the focus. Stops when dropped.
pub fn when_scrolled_near(
    el: &web_sys::Element,
    margin: f64,
    f: impl Fn(bool) -> bool + 'static,
) -> Vec<Listener> {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let by_hand = Rc::new(Cell::new(false));
    let hand = by_hand.clone();
    let mut listeners = listen_each(
        &doc.clone().into(),
        &["wheel", "touchmove", "keydown"],
        move |e| {
            // (Tab moves the focus: the page scrolling after it is not the reader's doing.)
            let tab = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Tab");
            if !tab {
                hand.set(true);
            }
        },
    );
    let moved = by_hand.clone();
    listeners.extend(listen_in(doc.clone().into(), "focusin", true, move |_| {
        moved.set(false)
    }));
    let el = el.clone();
    let mut done = false;
    // A hidden element (the list while a story is open) has no box: it is near nothing.
    let has_box = |r: &web_sys::DomRect| r.width() > 0.0 || r.height() > 0.0;
    let mut was_shown = has_box(&el.get_bounding_client_rect());
    listeners.extend(listen_in(doc.into(), "scroll", true, move |_| {
        if done || !el.is_connected() {
            return;
        }
        let r = el.get_bounding_client_rect();
        let shown = has_box(&r);
        // The first scroll once it shows again (a story closed) is the page settling: the
        // widget putting the list back where it was, the browser's own moves. It is not the
        // reader going on down the list.
        let settled = std::mem::replace(&mut was_shown, shown);
        if shown && settled && r.bottom() > 0.0 && r.top() < viewport_height() + margin {
            done = f(by_hand.get());
        }
    }));
    listeners
}

/// The place of `el` among the page's widgets (`[data-gazette]` and `<gazette-news>`), in
/// document order, from 0. One the document does not list (inside another shadow root) comes
/// after them all, each such widget one further on.
pub fn widget_position(el: &web_sys::Element) -> usize {
    thread_local! {
        static UNLISTED: Cell<usize> = const { Cell::new(0) };
    }
    let listed = elements("[data-gazette], gazette-news");
    listed.iter().position(|w| w == el).unwrap_or_else(|| {
        UNLISTED.with(|u| {
            u.set(u.get() + 1);
            listed.len() + u.get() - 1
        })
    })
}

thread_local! {
    /// The address prefixes of the widgets mounted on the page, with how many use each.
    static KEYS_IN_USE: RefCell<rustc_hash::FxHashMap<String, usize>> = RefCell::default();
}

/// Takes the address prefix `wanted` for a widget, or, when it is only the default one and
/// another widget holds it already or names it (its `id` or `url-key`), the next free default:
/// `gz`, `gz2`, `gz3`… Two widgets never share a prefix unless the page asks for it (one `id`
/// or `url-key` for both), which the console points out.
pub fn claim_url_key(wanted: &str, default: bool) -> String {
    let named = || -> Vec<String> {
        elements("[data-gazette], gazette-news")
            .into_iter()
            .flat_map(|e| {
                [
                    e.get_attribute("url-key"),
                    e.get_attribute("data-url-key"),
                    Some(e.id()),
                ]
            })
            .flatten()
            .filter(|k| !k.is_empty())
            .collect()
    };
    KEYS_IN_USE.with(|keys| {
        let mut keys = keys.borrow_mut();
        let mut key = wanted.to_string();
        if default {
            let named = named();
            let first: usize = wanted
                .strip_prefix("gz")
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            let taken = |k: &String| keys.contains_key(k) || named.contains(k);
            key = (first..)
                .map(|n| {
                    if n == 1 {
                        "gz".to_string()
                    } else {
                        format!("gz{n}")
                    }
                })
                .find(|k| !taken(k))
                .unwrap_or(key);
        }
        let holders = keys.entry(key.clone()).or_default();
        if *holders > 0 && !default {
            // (As a copied widget keeps the original's id.)
            warn(&format!(
                "Gazette: another widget on the page uses the address prefix \"{key}\" (its id or url-key): the two share their search and filters in the address; give each an id or url-key of its own"
            ));
        }
        *holders += 1;
        key
    })
}

/// Gives back an address prefix taken by [`claim_url_key`].
pub fn release_url_key(key: &str) {
    KEYS_IN_USE.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(n) = keys.get_mut(key) {
            *n -= 1;
            if *n == 0 {
                keys.remove(key);
            }
        }
    });
}

/// Every element on the page that asks for a widget (`data-gazette`).
pub fn mount_points() -> Vec<web_sys::Element> {
    elements("[data-gazette]")
}

/// The page's elements that match `selector`, in document order.
fn elements(selector: &str) -> Vec<web_sys::Element> {
    let Some(list) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Adds a named mark to the page's performance timeline (`performance.mark`), for the browser
/// benchmarks: `gazette:data-arrived`, `gazette:parsed`, `gazette:index-built`,
/// `gazette:first-cards`. Costs nothing measurable; does nothing where unsupported.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The size of the widget's WebAssembly memory in bytes (for the benchmarks).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}

thread_local! {
    static INDEXING_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Adds to the time spent building catalogs (search index and facet tables) since the page
/// loaded, for [`indexing_ms`].
pub fn add_indexing_ms(ms: f64) {
    INDEXING_MS.with(|t| t.set(t.get() + ms));
}

/// Milliseconds spent building catalogs (the search index and the facet tables, not reading
/// the feed) since the page loaded, for the benchmarks.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn indexing_ms() -> f64 {
    INDEXING_MS.with(std::cell::Cell::get)
}

/// Writes a warning to the console.
pub fn warn(message: &str) {
    let held = HELD_WARNINGS.with(|h| {
        h.borrow_mut()
            .as_mut()
            .map(|held| held.push(message.to_owned()))
    });
    if held.is_none() {
        web_sys::console::warn_1(&JsValue::from_str(message));
    }
}

thread_local! {
    /// Warnings held back by [`warn_once_for`] while it runs.
    static HELD_WARNINGS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// The warnings said for each element (held weakly: a removed element takes its own).
    static SAID_FOR: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// Runs `read` (which reads `el`'s attributes), then says each warning it gave that has not
/// been said for `el` before: its attributes are read again at every change of any of them,
/// and a typo in one is said once, not again at each change of the others.
pub fn warn_once_for<T>(el: &web_sys::Element, read: impl FnOnce() -> T) -> T {
    let outer = HELD_WARNINGS.with(|h| h.replace(Some(Vec::new())));
    let out = read();
    let held = HELD_WARNINGS.with(|h| h.replace(outer)).unwrap_or_default();
    let said = SAID_FOR.with(|said_for| {
        let said = said_for.get(el);
        said.dyn_into::<js_sys::Set>().unwrap_or_else(|_| {
            let set = js_sys::Set::new(&JsValue::UNDEFINED);
            said_for.set(el, &set);
            set
        })
    });
    for message in held {
        let m = JsValue::from_str(&message);
        if !said.has(&m) {
            said.add(&m);
            warn(&message);
        }
    }
    out
}

/// Writes a collapsed group of lines to the console under a heading.
pub fn log_group(heading: &str, lines: &[String]) {
    web_sys::console::group_collapsed_1(&JsValue::from_str(heading));
    for line in lines {
        web_sys::console::warn_1(&JsValue::from_str(line));
    }
    web_sys::console::group_end();
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales(tag)`: throws on a malformed tag, so the error is caught here.
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// `tag` in its canonical form, or `None` when `Intl` cannot read it.
fn canonical_locale(tag: &str) -> Option<String> {
    canonical_locales(tag).ok()?.get(0).as_string()
}

/// A locale attribute as a well-formed BCP 47 tag (`en_GB` read as `en-GB`), or `None` for one
/// `Intl` would refuse (it would throw on every date), after a console warning (once per value:
/// the attributes are read again at every change of another).
pub fn language_tag(attribute: &str) -> Option<String> {
    thread_local! {
        static WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }
    let tag = attribute.trim().replace('_', "-");
    if tag.is_empty() {
        return None;
    }
    let canonical = canonical_locale(&tag);
    let first = canonical.is_none()
        && WARNED.with_borrow_mut(|w| {
            let new = !w.iter().any(|a| a == attribute);
            if new {
                w.push(attribute.to_string());
            }
            new
        });
    if first {
        warn(&format!(
            "Gazette: locale=\"{attribute}\" is not a language tag (such as fr-FR); it is ignored"
        ));
    }
    canonical
}

/// The language of the page around `el`: the nearest `lang` attribute on it or an element
/// holding it, across shadow roots (`fr_FR`, as some templates write it, read as `fr-FR`);
/// empty when none says.
pub fn page_language(el: &web_sys::Element) -> String {
    let mut at = Some(el.clone());
    while let Some(el) = at {
        if let Ok(Some(holder)) = el.closest("[lang]") {
            return holder
                .get_attribute("lang")
                .unwrap_or_default()
                .replace('_', "-");
        }
        at = el
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|root| root.host());
    }
    String::new()
}

/// The locale of dates on a page written in `page` (a `lang` value): none (the reader's own)
/// when the page names no language or the reader's is the same one (an en-GB reader on an
/// English page keeps the British form), else the page's language.
pub fn dates_for_page(page: &str) -> Option<String> {
    let page = canonical_locale(page.trim()).filter(|_| !page.trim().is_empty())?;
    let reader = window()?.navigator().language().unwrap_or_default();
    let language = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    (language(&reader) != language(&page)).then_some(page)
}

/// The `Intl` formatters of one locale ("" is the browser's own).
struct Formats {
    /// The language the dates come out in, as `Intl` resolved the locale asked for.
    language: String,
    short_date: Intl::DateTimeFormat,
    long_date: Intl::DateTimeFormat,
    /// For a day without a time (`Timestamp::is_day_only`): that day, in UTC where it is
    /// written, so that it is the same day for every reader; in full with no time.
    short_day: Intl::DateTimeFormat,
    long_day: Intl::DateTimeFormat,
    relative: Intl::RelativeTimeFormat,
    list: Intl::ListFormat,
}

impl Formats {
    fn new(locale: &str) -> Self {
        // An empty list lets `Intl` use the browser's locale; a tag it does not know falls back
        // to it too.
        let locales = Array::new();
        if let Some(tag) = canonical_locale(locale) {
            locales.push(&JsValue::from_str(&tag));
        }
        let short_date = Intl::DateTimeFormat::new(&locales, &options(&[("dateStyle", "medium")]));
        Formats {
            language: Reflect::get(&short_date.resolved_options(), &JsValue::from_str("locale"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            short_date,
            long_date: Intl::DateTimeFormat::new(
                &locales,
                &options(&[("dateStyle", "full"), ("timeStyle", "short")]),
            ),
            short_day: Intl::DateTimeFormat::new(
                &locales,
                &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
            ),
            long_day: Intl::DateTimeFormat::new(
                &locales,
                &options(&[("dateStyle", "full"), ("timeZone", "UTC")]),
            ),
            relative: Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")])),
            list: Intl::ListFormat::new(
                &locales,
                &options(&[("style", "long"), ("type", "conjunction")]),
            ),
        }
    }
}

type Cache<K> = std::cell::RefCell<rustc_hash::FxHashMap<K, String>>;

thread_local! {
    static FORMATS: std::cell::RefCell<rustc_hash::FxHashMap<String, std::rc::Rc<Formats>>> =
        std::cell::RefCell::default();
    /// Formatted dates by locale, moment and style: cards come back as the reader types, and
    /// `Intl` calls are the costliest part of drawing one.
    static DATE_CACHE: Cache<(String, i64, bool)> = Cache::default();
    static RELATIVE_CACHE: Cache<(String, i64, &'static str)> = Cache::default();
}

fn formats(locale: &str) -> std::rc::Rc<Formats> {
    FORMATS.with(|f| {
        f.borrow_mut()
            .entry(locale.to_string())
            .or_insert_with(|| std::rc::Rc::new(Formats::new(locale)))
            .clone()
    })
}

fn format_with(fmt: &Intl::DateTimeFormat, t: Timestamp) -> String {
    let date = Date::new(&JsValue::from_f64(t.as_millis()));
    fmt.format()
        .call1(fmt, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn cached_date(locale: &str, t: Timestamp, long: bool) -> String {
    DATE_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 4096 {
            c.clear();
        }
        c.entry((locale.to_string(), t.0, long))
            .or_insert_with(|| {
                let f = formats(locale);
                let format = match (t.is_day_only(), long) {
                    (false, false) => &f.short_date,
                    (false, true) => &f.long_date,
                    (true, false) => &f.short_day,
                    (true, true) => &f.long_day,
                };
                format_with(format, t)
            })
            .clone()
    })
}

/// The language the dates of `locale` ("" for the reader's own) are written in: the locale
/// `Intl` settled on, to mark them with.
pub fn date_language(locale: &str) -> String {
    formats(locale).language.clone()
}

/// The date in `locale` ("" for the reader's own) and the reader's time zone, short
/// ("30 Nov 2023", "Nov 30, 2023"); a day without a time is that day in every time zone.
pub fn format_date(locale: &str, t: Timestamp) -> String {
    cached_date(locale, t, false)
}

/// The date and time in full, for a tooltip ("Saturday, 1 July 2023 at 05:34"); a day without a
/// time, in full without one.
pub fn format_date_time(locale: &str, t: Timestamp) -> String {
    cached_date(locale, t, true)
}

/// A relative time in `locale` ("3 days ago", "yesterday").
pub fn format_relative(locale: &str, r: Relative) -> String {
    RELATIVE_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 1024 {
            c.clear();
        }
        c.entry((locale.to_string(), r.value, r.unit.as_str()))
            .or_insert_with(|| {
                formats(locale)
                    .relative
                    .format(r.value as f64, r.unit.as_str())
                    .into()
            })
            .clone()
    })
}

/// Readies the `Intl` formatters of `locale` and of English, each used once: the first one a
/// page makes costs some 20 to 40 ms in Chromium. Called while the stories are on their way,
/// so that drawing the first cards does not wait for it.
pub fn prepare_formats(locale: &str) {
    let f = formats(locale);
    let _ = format_with(&f.short_date, Timestamp(0));
    let _ = format_with(&f.long_date, Timestamp(0));
    let _ = f.relative.format(-1.0, "day");
    let _ = formats("en").list.format(&Array::new());
}

/// A list of names joined in the language `lang`, as the sentence it stands in ("Ann, Bo and
/// Cy"), in parts: each name (`true`) and the words between them (`false`).
pub fn list_parts(items: &[String], lang: &str) -> Vec<(String, bool)> {
    let arr: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    let text = |part: &JsValue, key: &str| {
        Reflect::get(part, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    formats(lang)
        .list
        .format_to_parts(&arr)
        .iter()
        .map(|part| (text(&part, "value"), text(&part, "type") == "element"))
        .collect()
}

/// A list of strings for an event's detail.
pub fn string_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> JsValue {
    items
        .into_iter()
        .map(|s| JsValue::from_str(s.as_ref()))
        .collect::<js_sys::Array>()
        .into()
}

/// An array of numbers for JavaScript.
pub fn number_list(items: impl IntoIterator<Item = f64>) -> JsValue {
    items
        .into_iter()
        .map(JsValue::from_f64)
        .collect::<js_sys::Array>()
        .into()
}

/// A plain object for JavaScript with these keys and values.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let d = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&d, &JsValue::from_str(k), v);
    }
    d.into()
}

/// Sends a DOM event from a widget's host element (`gazette:ready`, `gazette:change`,
/// `gazette:select`, `gazette:error`), bubbling and crossing shadow roots, with `detail` as a
/// plain object.
pub fn emit(target: &web_sys::Element, name: &str, detail: &[(&str, JsValue)]) {
    let d = object(detail);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&d);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// Replaces the content of every widget on the page with a message in its language (`words`
/// of the element that configures it), for when the program itself has failed. Uses the DOM
/// directly: Yew's state can no longer be trusted.
fn show_crash_message(words: fn(&web_sys::Element) -> &'static Words) {
    for (el, host) in widget_mounts() {
        let message = words(&host).crashed;
        el.set_text_content(None);
        let Some(doc) = el.owner_document() else {
            continue;
        };
        if let Ok(p) = doc.create_element("p") {
            let _ = p.set_attribute("role", "alert");
            let _ = p.set_attribute("class", "gz-crash");
            p.set_text_content(Some(message));
            let _ = el.append_child(&p);
        }
    }
}

/// Watches for the widget's program failing, once per page, and then turns every widget into a
/// visible message rather than a dead region of the page, in the language `words` gives the
/// element that configures each widget.
///
/// The release build stops at a panic at once (`panic=immediate-abort`, see `scripts/build.sh`):
/// no Rust code runs then, and the browser reports a `WebAssembly.RuntimeError` from
/// `gazette_bg.wasm` as an uncaught error (or an unhandled rejection). That report is what is
/// watched for, so the message also comes for an abort that is not a panic. Builds that still
/// run a panic hook (debug builds, a build on stable Rust) log the panic's message first.
pub fn watch_for_crash(words: fn(&web_sys::Element) -> &'static Words) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&format!("Gazette failed: {info}")));
        }));
        let Some(w) = window() else {
            return;
        };
        let module = our_module();
        let watch = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let error = ["error", "reason"]
                .iter()
                .filter_map(|k| Reflect::get(&e, &JsValue::from_str(k)).ok())
                .find(|v| v.is_object());
            if error.is_some_and(|e| is_our_trap(&e, module.as_deref())) {
                show_crash_message(words);
            }
        });
        for kind in ["error", "unhandledrejection"] {
            let _ = w.add_event_listener_with_callback(kind, watch.as_ref().unchecked_ref());
        }
        // Listened for as long as the page lives.
        watch.forget();
    });
}

/// Whether `error` is a trap of this widget's WebAssembly (`module`, see [`our_module`]):
/// another program's WebAssembly on the page failing is not the widget's business.
fn is_our_trap(error: &JsValue, module: Option<&str>) -> bool {
    error.is_instance_of::<js_sys::WebAssembly::RuntimeError>()
        && gazette_core::trap::is_ours(&stack_of(error), module)
}

/// The name stack traces give this widget's WebAssembly module: its address, or, when the
/// module was made from bytes (a host that serves it without the `application/wasm` type
/// makes the glue fall back to that), an anonymous `wasm://wasm/…` name. Read from the stack
/// of an error made here, whose caller's frame is in the module.
fn our_module() -> Option<String> {
    let stack = stack_of(&js_sys::Error::new("").into());
    gazette_core::trap::first_module(&stack).map(str::to_owned)
}

fn stack_of(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("stack"))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
