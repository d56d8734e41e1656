use super::use_locale;
use yew::prelude::*;

/// Why the list is empty.
#[derive(Clone, Copy, PartialEq)]
pub enum Empty {
    /// The set has no stories at all.
    NoStories,
    /// The reader's search matches none.
    Search,
    /// The filters match none.
    Filters,
    /// The search and the filters together match none.
    Both,
}

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub why: Empty,
    /// The reader asked to clear every filter.
    pub on_clear: Callback<()>,
}

/// What the list shows when it has nothing to show: what matched nothing, and a way out.
#[function_component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    let w = use_locale().words;
    let message = match props.why {
        Empty::NoStories => w.feed_empty,
        Empty::Search => w.no_match_search,
        Empty::Filters => w.no_match_filters,
        Empty::Both => w.no_match_long,
    };
    html! {
        <div class="gz-empty">
            <p>{ message }</p>
            if props.why != Empty::NoStories {
                <button type="button" class="gz-button" part="button" {onclick}>{ w.clear_all }</button>
            }
        </div>
    }
}
