use super::use_locale;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// True when the set has stories but none match; false when it has none at all.
    pub filtered: bool,
    /// The reader asked to clear every filter.
    pub on_clear: Callback<()>,
}

/// What the list shows when it has nothing to show.
#[function_component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    let w = use_locale().words;
    html! {
        <div class="gz-empty">
            if props.filtered {
                <p>{ w.no_match_long }</p>
                <button type="button" class="gz-button" part="button" {onclick}>{ w.clear_all }</button>
            } else {
                <p>{ w.feed_empty }</p>
            }
        </div>
    }
}
