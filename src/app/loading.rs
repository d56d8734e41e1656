//! What brings stories and time into the widget: its sources, an archive's older parts, and a
//! clock. Each is started by an effect and given up when the widget goes.

use super::{AppProps, State};
use crate::browser;
use crate::services;
use crate::state::{Action, Load};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How often the widget's clock moves on while stories show (five minutes): "2 hours ago",
/// "today" and the date windows stay true on a page left open.
const CLOCK_MS: i32 = 300_000;

/// The largest document accepted, in bytes.
fn max_bytes(props: &AppProps) -> usize {
    props.max_mb.clamp(1, 512) * 1_000_000
}

/// Loads the sources (again on a retry, or for a new `src`); a sharded archive's older parts
/// follow when the view needs them, one at a time.
#[hook]
pub(super) fn use_loading(props: &AppProps, state: &UseReducerHandle<State>) {
    {
        let dispatcher = state.dispatcher();
        let max_bytes = max_bytes(props);
        let locale = props.locale.clone();
        // The stories are asked for while the widget first draws itself (in this render), not
        // after it: the first load takes the requests already on their way, a retry asks anew.
        let head_start = {
            let fetcher = props.fetcher.clone();
            use_memo(props.src.clone(), move |src| {
                RefCell::new(Some(fetcher.head_start(src)))
            })
        };
        let fetcher = props.fetcher.clone();
        use_effect_with((props.src.clone(), state.attempt), move |(src, attempt)| {
            let (src, attempt) = (src.to_string(), *attempt);
            let fetcher = head_start.borrow_mut().take().unwrap_or(fetcher);
            // The dates' formatters are made while the stories are on their way: in a task of
            // their own, after the request has gone.
            let prepare = browser::after(0, move || browser::prepare_formats(&locale));
            // Given up when the widget goes or its source changes: the download stops, and
            // nothing of it reaches the state.
            let (task, cancel) = browser::cancellable(async move {
                let previews = dispatcher.clone();
                let on_preview = move |catalog, meta| {
                    previews.dispatch(Action::Preview {
                        meta,
                        catalog,
                        now: browser::now(),
                        attempt,
                    });
                };
                dispatcher.dispatch(
                    match services::load(&fetcher, &src, max_bytes, on_preview).await {
                        Ok(set) => Action::Loaded {
                            set: Box::new(set),
                            now: browser::now(),
                            attempt,
                        },
                        Err(error) => Action::Failed { error, attempt },
                    },
                );
            });
            wasm_bindgen_futures::spawn_local(task);
            move || {
                drop(prepare);
                cancel.cancel();
            }
        });
    }
    let dispatcher = state.dispatcher();
    let fetcher = props.fetcher.clone();
    let max_bytes = max_bytes(props);
    let wanted = state.wanted_shard().and_then(|k| {
        let a = state.archive.as_ref()?;
        Some((k, a.archive.shards[k].0.clone()))
    });
    let (catalog, attempt) = (state.catalog.clone(), state.attempt);
    // The shard on its way is given up (its download stopped) when the widget goes; not when
    // the next render changes `wanted`, as its start does.
    let shard_task = use_mut_ref(|| None::<browser::Cancel>);
    {
        let shard_task = shard_task.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(c) = shard_task.borrow_mut().take() {
                    c.cancel();
                }
            }
        });
    }
    use_effect_with(wanted, move |wanted| {
        if let Some((_, url)) = wanted.clone() {
            dispatcher.dispatch(Action::ShardStarted { attempt });
            let (task, cancel) = browser::cancellable(async move {
                dispatcher.dispatch(
                    match services::grow(&fetcher, &catalog, &url, max_bytes).await {
                        Ok(c) => Action::ShardLoaded {
                            catalog: Rc::new(c),
                            attempt,
                        },
                        Err(error) => Action::ShardFailed { error, attempt },
                    },
                );
            });
            wasm_bindgen_futures::spawn_local(task);
            *shard_task.borrow_mut() = Some(cancel);
        }
    });
}

/// The clock moves on while the stories show; each tick sets the next.
#[hook]
pub(super) fn use_clock(state: &UseReducerHandle<State>) {
    let s = state.dispatcher();
    let ready = matches!(state.load, Load::Ready);
    use_effect_with((state.now, ready), move |&(_, ready)| {
        let tick = ready
            .then(|| browser::after(CLOCK_MS, move || s.dispatch(Action::Tick(browser::now()))))
            .flatten();
        move || drop(tick)
    });
}
