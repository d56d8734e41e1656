//! Shared helpers for the browser tests: mounting a widget with documents served from memory,
//! waiting for the page to settle, and finding and using elements as a reader would.

#![allow(dead_code)]

use gazette::browser::FetchError;
use gazette::{App, AppProps, Fetcher};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A fetcher that answers each request with the next of `answers` (the last one repeats), and
/// records the addresses asked for.
pub fn fetcher(answers: Vec<Result<String, FetchError>>) -> (Fetcher, Rc<RefCell<Vec<String>>>) {
    let queue = Rc::new(RefCell::new(VecDeque::from(answers)));
    let asked = Rc::new(RefCell::new(Vec::new()));
    let log = asked.clone();
    let f = Fetcher::new(move |url: String| {
        log.borrow_mut().push(url);
        let mut q = queue.borrow_mut();
        let answer = if q.len() > 1 {
            q.pop_front()
        } else {
            q.front().cloned()
        };
        async move { answer.unwrap_or(Err(FetchError::Network("no answer".into()))) }
    });
    (f, asked)
}

/// Mounts a widget in a fresh element of the test page and returns the element.
pub fn mount(fetcher: Fetcher) -> Element {
    mount_with(fetcher, |_| {})
}

/// A widget on [`SAMPLE`], once its first cards show.
pub async fn mount_sample() -> Element {
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let root = mount(f);
    until("cards", || !headlines(&root).is_empty()).await;
    root
}

/// Mounts a widget whose props `adjust` changes first.
pub fn mount_with(fetcher: Fetcher, adjust: impl FnOnce(&mut AppProps)) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let mut props = AppProps {
        src: "memory://articles.json".into(),
        heading: None,
        new_tab: false,
        page_size: 24,
        url_key: None,
        open: Default::default(),
        related: 4,
        related_to: None,
        view_all: None,
        max_mb: 200,
        search_key: Some(gazette::app::DEFAULT_SEARCH_KEY.into()),
        layout: Default::default(),
        theme: Default::default(),
        controls: Default::default(),
        categories: Vec::new(),
        locale: Default::default(),
        words: &gazette_core::words::ENGLISH,
        host: None,
        remote: Default::default(),
        fetcher,
    };
    adjust(&mut props);
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Lets the event loop run once (a zero-delay task), so pending renders and futures complete.
/// This waits for work, not for time.
pub async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Runs the event loop until `cond` holds; fails after 500 turns with `what`.
pub async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        tick().await;
    }
    panic!("gave up waiting for: {what}");
}

/// Waits for the widget's alert (an error panel) and gives its text.
pub async fn alert_text(root: &Element) -> String {
    until("error panel", || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
    text(&root.query_selector("[role=alert]").unwrap().unwrap())
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// A card's headline, without the arrow and words after one that opens on the publisher's page.
pub fn headline(h: &Element) -> String {
    let out = h
        .query_selector(".gz-out")
        .ok()
        .flatten()
        .map(|o| text(&o))
        .unwrap_or_default();
    text(h).trim_end_matches(out.as_str()).to_string()
}

/// The headlines of the cards on the page, in order.
pub fn headlines(root: &Element) -> Vec<String> {
    all(root, "article h3").iter().map(headline).collect()
}

/// The button whose visible text starts with `name`.
pub fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| text(b).trim().starts_with(name))
        .unwrap_or_else(|| panic!("no button named {name:?}"))
        .dyn_into()
        .unwrap()
}

/// The input labelled `label`.
pub fn input_labelled(root: &Element, label: &str) -> HtmlInputElement {
    let l = all(root, "label")
        .into_iter()
        .find(|l| text(l) == label)
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = l.get_attribute("for").unwrap();
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// Types `value` into `input` as a reader would: the value changes and an input event bubbles.
pub fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// The element keyboard focus is on.
pub fn focused() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// Presses a key on `target` (the event bubbles, as a real key press does).
pub fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// The link whose visible text starts with `name`.
pub fn link(root: &Element, name: &str) -> HtmlElement {
    all(root, "a")
        .into_iter()
        .find(|a| text(a).trim().starts_with(name))
        .unwrap_or_else(|| panic!("no link named {name:?}"))
        .dyn_into()
        .unwrap()
}

/// The live region's text.
pub fn status(root: &Element) -> String {
    root.query_selector("[role=status]")
        .unwrap()
        .map(|e| text(&e))
        .unwrap_or_default()
}

/// The live region's text once the visible status line shows `shown`. Both change in one render
/// of the status, but Yew may yield to the browser between a parent's render and its
/// children's: the list can be back before its status is.
pub async fn status_once_shown(root: &Element, shown: &str) -> String {
    until(&format!("the status line to show {shown:?}"), || {
        root.query_selector(".gz-status")
            .unwrap()
            .is_some_and(|e| text(&e) == shown)
    })
    .await;
    status(root)
}

/// A small article set for the tests.
pub const SAMPLE: &str = r#"{"title": "Test desk", "articles": [
  {"id": "a", "title": "Regulators publish stablecoin reserve rules", "url": "https://news.example/a",
   "category": "Policy & Regulation", "published": "2025-02-10T09:00:00Z",
   "summary": "A short summary.", "authors": ["Zoë Lindqvist"], "tags": ["news", "stablecoins"],
   "image": {"url": "https://news.example/a.svg", "alt": "A bar chart", "credit": "Illustration by Gazette"}},
  {"id": "b", "title": "An on-chain résumé pilot starts", "url": "javascript:alert(1)",
   "category": "Technology", "published": "2024-06-01T12:00:00Z"},
  {"id": "c", "title": "Exchange restructuring plan filed", "url": "https://news.example/c",
   "category": "Policy & Regulation", "published": "2023-11-30T08:00:00Z", "tags": ["news"]},
  {"id": "d", "title": "Alliance forms for metaverse standards", "url": "https://news.example/d",
   "category": "Web3 & Enterprise", "published": "2023-07-01T05:34:00+08:00"},
  {"id": "a", "title": "A second story under the first one's id", "category": "Markets",
   "published": "2024-01-01T00:00:00Z"}
]}"#;
