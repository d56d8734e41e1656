//! The page address as the widget's memory: the view is written there (under the widget's
//! `url-key`) as it changes, and Back and Forward bring the view it describes back.

use super::{AppProps, State};
use crate::browser;
use crate::state::{Action, Load};
use gazette_core::address::{self, View};
use gazette_core::{DatePreset, Filter, SortOrder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Typing is written to the address this long after the last keystroke.
const URL_PAUSE_MS: i32 = 400;

/// The one menu or field whose change turns `before` into `after` ("date", "sort", "range"),
/// if that is the only change.
fn menu_changed(before: &Filter, after: &Filter) -> Option<&'static str> {
    let same = |f: &Filter| Filter {
        date: DatePreset::default(),
        sort: SortOrder::default(),
        from: None,
        until: None,
        ..f.clone()
    };
    if same(before) != same(after) {
        return None;
    }
    let date = before.date != after.date;
    let sort = before.sort != after.sort;
    let range = before.from != after.from || before.until != after.until;
    match (date, sort, range) {
        (true, false, false) => Some("date"),
        (false, true, false) => Some("sort"),
        (false, false, true) => Some("range"),
        _ => None,
    }
}

/// The view the page address gives the widget under `key` (none without a key).
pub(super) fn params_under(key: &Option<AttrValue>) -> Vec<(String, String)> {
    key.as_ref()
        .map(|k| browser::page_params(k))
        .unwrap_or_default()
}

/// The address follows the view: typing replaces the entry (once typing pauses: the history
/// API is slow and rate-limited), other changes add one at once. Typing still waiting to be
/// written goes into the current entry first, so Back returns to what was typed.
#[hook]
pub(super) fn use_write_address(props: &AppProps, state: &UseReducerHandle<State>) {
    let key = props.url_key.clone();
    // (The write takes whether to leave the categories out.)
    let pending = use_mut_ref(|| None::<(browser::Timeout, Rc<dyn Fn(bool)>)>);
    // Typing not yet in the address is written there as the widget goes: a widget started
    // again (for a new attribute) takes the whole query back from it. Not when the host
    // has taken the parameters out (Yew runs this after the host's call).
    {
        let (pending, remote) = (pending.clone(), props.remote.clone());
        use_effect_with((), move |_| {
            move || {
                if let Some((_timer, write)) = pending.borrow_mut().take() {
                    if !remote.forgotten() {
                        write(remote.categories_forgotten());
                    }
                }
            }
        });
    }
    // Changes of one menu or of the date range that follow each other within a second
    // (arrow keys on a menu, a date typed field by field) make one history entry: the first
    // adds it, the others replace it. Clicks on chips and boxes, and opening or closing a
    // story, each add one.
    let last_push = use_mut_ref(|| (f64::NEG_INFINITY, None::<&'static str>));
    let last_filter = use_mut_ref(|| state.filter.clone());
    let last_story = use_mut_ref(|| state.story.clone());
    let asked = state.history;
    use_effect_with(
        (
            state.filter.clone(),
            state.pages,
            state.story.clone(),
            state.base.clone(),
        ),
        move |(filter, pages, story, base)| {
            let mut mode = asked;
            // Only typing and paging wait for a pause; a story closed in place (its entry
            // becoming the list) is written at once.
            let story_changed = *last_story.borrow() != *story;
            *last_story.borrow_mut() = story.clone();
            let control = menu_changed(&last_filter.replace(filter.clone()), filter);
            if asked == browser::HistoryMode::Push {
                let now = browser::clock_ms();
                let (at, last) = last_push.replace((now, control));
                if now - at < 1000.0 && control.is_some() && last == control {
                    mode = browser::HistoryMode::Replace;
                }
            }
            if let Some(key) = key {
                let params = address::encode(
                    &View {
                        filter: filter.clone(),
                        pages: *pages,
                        story: story.clone(),
                    },
                    base,
                );
                let earlier = pending.borrow_mut().take();
                if mode == browser::HistoryMode::Replace && !story_changed {
                    // Written once, by whichever comes first: the pause, a change that adds
                    // an entry, or the widget going (never again later, over what the host
                    // has written since).
                    let done = Cell::new(false);
                    let write: Rc<dyn Fn(bool)> = Rc::new(move |no_categories| {
                        if !done.replace(true) {
                            let mut params = params.clone();
                            params.retain(|(k, _)| !(no_categories && *k == "cat"));
                            browser::write_page_params(
                                &key,
                                &params,
                                browser::HistoryMode::Replace,
                            );
                        }
                    });
                    let later = write.clone();
                    *pending.borrow_mut() =
                        browser::after(URL_PAUSE_MS, move || later(false)).map(|t| (t, write));
                } else {
                    if let Some((_timer, write)) = earlier {
                        if mode == browser::HistoryMode::Push {
                            write(false);
                        }
                    }
                    browser::write_page_params(&key, &params, mode);
                }
            }
        },
    );
}

/// Back and Forward show the view the address describes; `history_scroll` takes where the page
/// was scrolled then.
#[hook]
pub(super) fn use_back_and_forward(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    history_scroll: &Rc<RefCell<Option<f64>>>,
) {
    let dispatcher = state.dispatcher();
    let history_scroll = history_scroll.clone();
    use_effect_with(props.url_key.clone(), move |key| {
        let key = key.clone();
        let listener = key.is_some().then(|| {
            browser::on_history_change(move || {
                history_scroll.replace(Some(browser::scroll_y()));
                dispatcher.dispatch(Action::Restore(params_under(&key)));
            })
        });
        move || drop(listener)
    });
}

/// A reload (or Back from another page the browser did not keep) returns to where the page was
/// scrolled: the position is written down as the page goes (once for the page's widgets), and
/// the widget scrolls there once it has drawn its first view, its stories or its error (the
/// browser's own restoration comes too early for them). The way back is shared by the page's widgets (see `browser::ScrollMemory`).
#[hook]
pub(super) fn use_return_to_scroll(state: &UseReducerHandle<State>) {
    let memory = use_mut_ref(|| None::<browser::ScrollMemory>);
    {
        let memory = memory.clone();
        use_effect_with((), move |_| {
            memory.replace(Some(browser::remember_scroll()));
            move || drop(memory.take())
        });
    }
    use_effect_with(state.load != Load::Loading, move |&drawn| {
        if let (true, Some(m)) = (drawn, memory.borrow_mut().as_mut()) {
            m.return_once();
        }
    });
}
