//! What the widget exports to JavaScript: mounting a widget on an element, and a handle to it.
//! `static/embed.js` defines the `<gazette-news>` custom element and the `mount()` function on
//! top of these; pages use those, not this module directly.

use crate::app::App;
use crate::config;
use crate::embed::{Command, Remote};
use gazette_core::{address, DatePreset, SortOrder, Timestamp};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<yew::AppHandle<App>>,
    remote: Remote,
    /// The prefix of its parameters in the page address (`None`: it keeps none there).
    url_key: Option<String>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget: its DOM, its listeners, timers and observers.
    pub fn destroy(&mut self) {
        self.remote.listen(None);
        if let Some(h) = self.handle.take() {
            h.destroy();
            if let Some(key) = &self.url_key {
                crate::browser::release_url_key(key);
            }
        }
    }

    /// Takes the widget's parameters out of the page address, so that a widget mounted later
    /// under the same prefix starts afresh (the element was removed, or given a new source).
    #[wasm_bindgen(js_name = forgetAddress)]
    pub fn forget_address(&self) {
        self.remote.forget();
        if let Some(key) = &self.url_key {
            crate::browser::write_page_params(key, &[], crate::browser::HistoryMode::Replace);
        }
    }

    /// Forgets the story entries the widget added to the history above its list, for a new
    /// start with other categories: its story, still open, then closes into a list of those in
    /// place, not back to an entry of the old ones. For new preset `categories`, the reader's
    /// choice of categories leaves the address too: the page's new ones show.
    #[wasm_bindgen(js_name = forgetHistory)]
    pub fn forget_history(&self, categories: bool) {
        if let Some(key) = &self.url_key {
            crate::browser::forget_story_depth(key);
            if categories {
                self.remote.forget_categories();
                let params = crate::browser::page_params(key);
                let kept: Vec<(&str, String)> = params
                    .iter()
                    .filter(|(k, _)| k != "cat")
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                if kept.len() < params.len() {
                    crate::browser::write_page_params(
                        key,
                        &kept,
                        crate::browser::HistoryMode::Replace,
                    );
                }
            }
        }
    }

    /// Reads `host`'s attributes again, for a change that needs no new start (its look, its
    /// controls, its language, its links, its heading): the reader's search, filters, open
    /// story and focus stay as they are. The address prefix stays the one first claimed.
    pub fn reconfigure(&mut self, host: web_sys::Element) {
        let Some(handle) = self.handle.as_mut() else {
            return;
        };
        let n = crate::browser::widget_position(&host);
        let mut props = config::props_for(&host, n, self.remote.clone());
        props.url_key = self.url_key.clone().map(Into::into);
        handle.update(props);
    }

    /// Searches for `text`, as if the reader had typed it.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, text: String) {
        self.remote.send(Command::Query(text));
    }

    /// Sets filters from an object: `categories`, `authors`, `tags` (arrays of names), `years`
    /// (array of numbers), `date` (`day`, `week`, `month`, `year`, `any`), `sort` (`relevance`,
    /// `newest`, `oldest`), `from` and `to` (the custom range's first and last days,
    /// `YYYY-MM-DD`, or `null`). Absent keys leave that filter as it is.
    #[wasm_bindgen(js_name = setFilters)]
    pub fn set_filters(&self, filters: JsValue) {
        if !filters.is_object() {
            crate::browser::warn(
                "Gazette: setFilters() takes an object, such as { categories: [\"Politics\"] }; it was ignored",
            );
            return;
        }
        let get = |k: &str| {
            Reflect::get(&filters, &JsValue::from_str(k))
                .ok()
                .filter(|v| !v.is_undefined())
        };
        let names = |k: &str| list_of(get(k), |x| x.as_string());
        let text = |k: &str| get(k).and_then(|v| v.as_string());
        let categories = names("categories");
        let authors = names("authors");
        let tags = names("tags");
        let years = list_of(get("years"), |x| {
            x.as_f64()
                .filter(|y| y.fract() == 0.0 && y.abs() < 1e6)
                .map(|y| y as i32)
        });
        let date = text("date").and_then(|d| DatePreset::from_key(&d));
        let sort = text("sort").and_then(|o| SortOrder::from_key(&o));
        // The custom range's first and last days, `YYYY-MM-DD`; `null` clears either.
        let day = |k: &str, read: fn(&str) -> Option<Timestamp>| {
            let v = get(k)?;
            if v.is_null() {
                Some(None)
            } else {
                v.as_string().as_deref().and_then(read).map(Some)
            }
        };
        let from = day("from", address::day_start);
        let until = day("to", address::day_end);
        // A key given a value it cannot take is left as it is, and said so.
        let ignored: Vec<&str> = [
            ("categories", categories.is_none()),
            ("authors", authors.is_none()),
            ("tags", tags.is_none()),
            ("years", years.is_none()),
            ("date", date.is_none()),
            ("sort", sort.is_none()),
            ("from", from.is_none()),
            ("to", until.is_none()),
        ]
        .into_iter()
        .filter(|&(k, unread)| unread && get(k).is_some())
        .map(|(k, _)| k)
        .collect();
        if !ignored.is_empty() {
            crate::browser::warn(&format!(
                "Gazette: setFilters() left {} as they were: categories, authors and tags take arrays of strings, years an array of whole numbers, date one of day, week, month, year, any, sort one of relevance, newest, oldest, and from and to a day such as \"2024-05-31\" or null",
                ignored.join(", ")
            ));
        }
        self.remote.send(Command::Filters {
            categories,
            authors,
            tags,
            years,
            date,
            sort,
            from,
            until,
        });
    }
}

/// The items of `value` when it is an array and `item` reads every one of them; `None` (the
/// filter stays as it is) for anything else, such as a list holding a wrong type.
fn list_of<T>(value: Option<JsValue>, item: impl Fn(JsValue) -> Option<T>) -> Option<Vec<T>> {
    let v = value.filter(|v| v.is_array())?;
    v.unchecked_into::<Array>().iter().map(item).collect()
}

/// Mounts a widget inside `container`, configured by `host`'s attributes (see [`config`]), which
/// also sends its DOM events. `container` may be inside `host`'s shadow root.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(container: web_sys::Element, host: web_sys::Element) -> Widget {
    crate::browser::watch_for_crash(config::words_for);
    let remote = Remote::default();
    let props = config::starting_props(&host, remote.clone(), true);
    let url_key = props.url_key.as_ref().map(|k| k.to_string());
    let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Widget {
        handle: Some(handle),
        remote,
        url_key,
    }
}
