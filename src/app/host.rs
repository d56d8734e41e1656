//! The widget's line to the host page: the sizes and commands it sets on the running widget,
//! and what the widget tells it (DOM events: ready, change, select and error; and console warnings for a category no story has,
//! a rail's story the feed does not hold, a source that failed).

use super::{AppProps, State};
use crate::browser;
use crate::embed::Command;
use crate::services;
use crate::state::{Action, Load};
use gazette_core::{address, Filter};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Keeps the widget in step with its host: `sizes` are the page size and number of related
/// stories the host asks for, within bounds.
#[hook]
pub(super) fn use_host(props: &AppProps, state: &UseReducerHandle<State>, sizes: (usize, usize)) {
    // A new page size or number of related stories, set by the host on the running widget.
    {
        let s = state.dispatcher();
        use_effect_with(sizes, move |&(page_size, related)| {
            s.dispatch(Action::Resize { page_size, related });
        });
    }
    // The host page's commands reach the reducer while the widget is mounted. The categories
    // of its last `setFilters` call that named some are kept, numbered, for the warning below
    // (read in the render the call brings: an applied command always makes a new state).
    let called = use_mut_ref(|| (0_u32, Vec::<String>::new()));
    {
        let (s, called) = (state.dispatcher(), called.clone());
        use_effect_with(props.remote.clone(), move |remote| {
            remote.listen(Some(Callback::from(move |c: Command| {
                if let Command::Filters {
                    categories: Some(names),
                    ..
                } = &c
                {
                    let mut called = called.borrow_mut();
                    *called = (called.0 + 1, names.clone());
                }
                s.dispatch(Action::Apply(c))
            })));
            let remote = remote.clone();
            move || remote.listen(None)
        });
    }
    // DOM events for the host page: ready (with counts), error, and the story opened.
    {
        let host = props.host.clone();
        let loaded = match &state.load {
            Load::Ready => Some(Ok((state.document_total(), state.catalog.len()))),
            Load::Failed(e) => Some(Err((e.to_string(), services::source_urls(&props.src)))),
            Load::Loading => None,
        };
        // Read when the stories are in, not a reason to announce them again.
        let view =
            matches!(loaded, Some(Ok(_))).then(|| (state.filter.clone(), state.outcome.total));
        use_effect_with((loaded, state.attempt), move |(loaded, _)| {
            match (&host, loaded, view) {
                (Some(h), Some(Ok((total, stories))), Some((filter, matching))) => {
                    let [query, filters, matching] = view_detail(&filter, matching);
                    browser::emit(
                        h,
                        "gazette:ready",
                        &[
                            ("total", (*total as f64).into()),
                            ("stories", (*stories as f64).into()),
                            query,
                            filters,
                            matching,
                        ],
                    )
                }
                (Some(h), Some(Err((message, sources))), _) => {
                    // The console names the addresses too: with several widgets, a relative
                    // address or a <base>, which one failed is not plain from the panel.
                    browser::warn(&format!(
                        "Gazette: the news from {} could not be shown: {message}",
                        sources.join(" and ")
                    ));
                    browser::emit(
                        h,
                        "gazette:error",
                        &[
                            ("message", message.as_str().into()),
                            ("sources", browser::string_list(sources)),
                        ],
                    )
                }
                _ => {}
            }
        });
        // The reader's view, each time it changes once the stories are in (the first one is
        // `gazette:ready`'s): from the controls, the address (Back) or the page's own calls.
        let host = props.host.clone();
        let last = use_mut_ref(|| None::<Filter>);
        let view = (state.load == Load::Ready).then(|| (state.filter.clone(), state.outcome.total));
        use_effect_with((view, state.attempt), move |(view, _)| {
            let mut last = last.borrow_mut();
            match view {
                None => *last = None,
                Some((filter, matching)) => {
                    if let (Some(h), Some(before)) = (&host, last.as_ref()) {
                        if before != filter {
                            browser::emit(h, "gazette:change", &view_detail(filter, *matching));
                        }
                    }
                    *last = Some(filter.clone());
                }
            }
        });
        let host = props.host.clone();
        let opened = state.reading.as_ref().and_then(|r| {
            let a = state.catalog.articles().get(r.index)?;
            Some((a.id.clone(), a.title.clone(), a.url.clone()))
        });
        use_effect_with(opened, move |opened| {
            if let (Some(h), Some((id, title, url))) = (&host, opened) {
                browser::emit(
                    h,
                    "gazette:select",
                    &[
                        ("id", id.as_str().into()),
                        ("title", title.as_str().into()),
                        (
                            "url",
                            url.as_deref()
                                .map_or(wasm_bindgen::JsValue::NULL, Into::into),
                        ),
                    ],
                );
            }
        });
    }
    // A category of the host's `categories` that no story has (a typo, or another feed's) is
    // named in the console once the stories are in. (Not for an archive: its older shards may
    // have it.)
    {
        let names: Vec<&str> = props.categories.iter().map(AttrValue::as_str).collect();
        let warning = missing_categories(state, &names).map(|missing| {
            format!(
                "Gazette: no story has the category {missing} (categories=\"{}\"): while chosen, it matches none",
                names.join(",")
            )
        });
        // Said once a load is read (choosing it again later says nothing more).
        let read = (state.load == Load::Ready, state.attempt);
        use_effect_with(read, move |_| {
            if let Some(w) = warning {
                browser::warn(&w);
            }
        });
    }
    // A rail for a story the feed does not hold (by id, address or page): an address the page
    // wrote its own way, say. The rail says there is nothing related; the console says why.
    {
        // (The state found the story, or not, as it made the rail: no rail once the stories
        // are in is no story.)
        let missing = props
            .related_to
            .as_ref()
            .filter(|_| state.load == Load::Ready && state.rail.is_none());
        let warning = missing.map(|key| {
            format!("Gazette: no story of the feed has the id or address related-to=\"{key}\": the rail shows none")
        });
        use_effect_with((state.load == Load::Ready, state.attempt), move |_| {
            if let Some(w) = warning {
                browser::warn(&w);
            }
        });
    }
    // The same for the categories of a `setFilters` call, once the stories are in (again for
    // each call, and each load).
    {
        let (call, names) = called.borrow().clone();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let warning = missing_categories(state, &names).map(|missing| {
            format!("Gazette: no story has the category {missing} (setFilters): while chosen, it matches none")
        });
        use_effect_with(
            (state.load == Load::Ready, state.attempt, call),
            move |_| {
                if let Some(w) = warning {
                    browser::warn(&w);
                }
            },
        );
    }
    // Marks the first paint of cards for the benchmarks (effects run after the DOM is updated).
    use_effect_with(!state.outcome.matches.is_empty(), |shown| {
        if *shown {
            browser::mark("gazette:first-cards");
        }
    });
}

/// The reader's view for the page's events: the search, the filters (as `setFilters()` takes
/// them, every key given) and how many stories match.
fn view_detail(f: &Filter, matching: usize) -> [(&'static str, JsValue); 3] {
    let day = |t: Option<_>, write: fn(_) -> String| t.map_or(JsValue::NULL, |t| write(t).into());
    let filters = browser::object(&[
        ("categories", browser::string_list(&f.categories)),
        ("authors", browser::string_list(&f.authors)),
        ("tags", browser::string_list(&f.tags)),
        (
            "years",
            browser::number_list(f.years.iter().map(|&y| f64::from(y))),
        ),
        ("date", f.date.key().into()),
        ("sort", f.sort.key().into()),
        ("from", day(f.from, address::day_string)),
        ("to", day(f.until, address::last_day_string)),
    ]);
    [
        ("query", f.query.as_str().into()),
        ("filters", filters),
        ("matching", (matching as f64).into()),
    ]
}

/// Those of `names` (the page's choice of categories) that no story has but are chosen, quoted
/// and joined, once the stories are in. (Not one the address overrode, which was never chosen;
/// nor in an archive, whose older parts may have it.)
fn missing_categories(state: &State, names: &[&str]) -> Option<String> {
    if state.load != Load::Ready || state.archive.is_some() {
        return None;
    }
    let missing: Vec<String> = names
        .iter()
        .filter(|c| {
            state.catalog.category_spelt(c).is_none() && state.filter.categories.contains(**c)
        })
        .map(|c| format!("\"{c}\""))
        .collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}
