//! The widget's root component: owns the state, starts loading, and wires components to actions.

use crate::browser;
use crate::components::result_status::stories;
use crate::components::{
    CategoryChips, EmptyState, ErrorPanel, LabelledSelect, ResultStatus, SearchBox, StoryList,
};
use crate::services::{self, Fetcher};
use crate::state::{Action, Load, State};
use gazette_core::{DatePreset, SortOrder};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Stories per page, unless the element says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 24;

/// How a widget instance is configured (from its element's `data-` attributes).
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppProps {
    /// The address of the article set or JSON Feed, relative to the page.
    pub src: AttrValue,
    /// The widget's heading; the feed's title when absent.
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    /// Open stories in a new tab.
    #[prop_or_default]
    pub new_tab: bool,
    /// Stories per page (1 to 200).
    #[prop_or(DEFAULT_PAGE_SIZE)]
    pub page_size: usize,
    /// How documents are fetched (tests replace it).
    #[prop_or_default]
    pub fetcher: Fetcher,
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

fn next_instance() -> u32 {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// One news widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.page_size.clamp(1, 200)));
    let instance = *use_state(next_instance);
    let id = |part: &str| AttrValue::from(format!("gazette-{instance}-{part}"));

    {
        let dispatcher = state.dispatcher();
        let fetcher = props.fetcher.clone();
        use_effect_with((props.src.clone(), state.attempt), move |(src, attempt)| {
            let (src, attempt) = (src.to_string(), *attempt);
            wasm_bindgen_futures::spawn_local(async move {
                dispatcher.dispatch(match services::load(&fetcher, &src).await {
                    Ok(set) => Action::Loaded {
                        set: Box::new(set),
                        now: browser::now(),
                        attempt,
                    },
                    Err(error) => Action::Failed { error, attempt },
                });
            });
        });
    }

    // Marks the first paint of cards for the benchmarks (effects run after the DOM is updated).
    use_effect_with(state.load == Load::Ready, |ready| {
        if *ready {
            browser::mark("gazette:first-cards");
        }
    });

    let dispatch = |make: fn(String) -> Action| {
        let s = state.clone();
        Callback::from(move |v: String| s.dispatch(make(v)))
    };
    let signal = |action: fn() -> Action| {
        let s = state.clone();
        Callback::from(move |_: ()| s.dispatch(action()))
    };

    let heading = props
        .heading
        .clone()
        .or_else(|| state.meta.title.clone().map(AttrValue::from))
        .unwrap_or_else(|| AttrValue::from("Latest stories"));

    let (status, body) = match &state.load {
        Load::Loading => (
            "Loading stories…".to_string(),
            html! {
                <p class="gz-loading" aria-hidden="true">{ "Loading stories…" }</p>
            },
        ),
        Load::Failed(error) => (
            "The stories could not be loaded.".to_string(),
            html! {
                <ErrorPanel error={error.clone()} on_retry={signal(|| Action::Retry)} />
            },
        ),
        Load::Ready => {
            let matches = state.outcome.matches.len();
            let status = if state.catalog.is_empty() {
                "No stories.".to_string()
            } else if state.filter.is_unfiltered() {
                stories(matches)
            } else if matches == 0 {
                "No stories match.".to_string()
            } else {
                format!("{} match", stories(matches))
            };
            let all_count = state
                .outcome
                .categories
                .iter()
                .map(|c| c.count)
                .sum::<usize>();
            let categories = Rc::new(
                state
                    .outcome
                    .categories
                    .iter()
                    .map(|c| (c.clone(), state.catalog.swatch_of_category(&c.name)))
                    .collect::<Vec<_>>(),
            );
            let body = html! {
                <>
                    if state.skipped > 0 {
                        <p class="gz-notice">
                            { format!(
                                "{} of the {} stories in this feed could not be shown because of errors in the feed. Details are in the browser console.",
                                state.skipped, state.total
                            ) }
                        </p>
                    }
                    if !state.catalog.is_empty() {
                        <div class="gz-controls">
                            <form role="search" aria-label={format!("Search {heading}")} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                                <SearchBox id={id("q")} value={state.filter.query.clone()} on_input={dispatch(Action::Search)} />
                            </form>
                            <CategoryChips
                                {categories}
                                selected={state.filter.categories.clone()}
                                {all_count}
                                on_toggle={dispatch(Action::ToggleCategory)}
                                on_all={signal(|| Action::AllCategories)}
                            />
                            <div class="gz-selects">
                                <LabelledSelect
                                    id={id("date")}
                                    label="Published"
                                    options={DatePreset::ALL.iter().map(|p| (p.key(), p.label())).collect::<Vec<_>>()}
                                    value={state.filter.date.key()}
                                    on_change={dispatch(|k| Action::SetDate(DatePreset::from_key(&k).unwrap_or_default()))}
                                />
                                <LabelledSelect
                                    id={id("sort")}
                                    label="Sort"
                                    options={SortOrder::ALL.iter().map(|o| (o.key(), o.label())).collect::<Vec<_>>()}
                                    value={state.filter.sort.key()}
                                    on_change={dispatch(|k| Action::SetSort(SortOrder::from_key(&k).unwrap_or_default()))}
                                />
                            </div>
                        </div>
                    }
                    if matches == 0 {
                        <EmptyState filtered={!state.catalog.is_empty()} on_clear={signal(|| Action::ClearFilters)} />
                    } else {
                        <StoryList
                            catalog={state.catalog.clone()}
                            outcome={state.outcome.clone()}
                            shown={state.shown}
                            now={state.now}
                            new_tab={props.new_tab}
                            on_more={signal(|| Action::ShowMore)}
                        />
                    }
                </>
            };
            (status, body)
        }
    };

    html! {
        <section class="gazette" aria-labelledby={id("title")} aria-busy={(state.load == Load::Loading).to_string()}>
            <h2 class="gz-title" id={id("title")}>{ heading.clone() }</h2>
            <ResultStatus text={status} />
            { body }
        </section>
    }
}
