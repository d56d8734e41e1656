use super::StoryCard;
use gazette_core::{Catalog, Outcome, Timestamp};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryListProps {
    pub catalog: Rc<Catalog>,
    pub outcome: Rc<Outcome>,
    /// How many matches to put on the page.
    pub shown: usize,
    pub now: Timestamp,
    #[prop_or_default]
    pub new_tab: bool,
    /// The reader asked for more.
    pub on_more: Callback<()>,
}

/// The matching stories, a page at a time, with a "Show more" button while more remain.
#[function_component]
pub fn StoryList(props: &StoryListProps) -> Html {
    let total = props.outcome.matches.len();
    let shown = props.shown.min(total);
    let on_more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <ul class="gz-list" role="list">
                { for props.outcome.matches[..shown].iter().map(|&index| html! {
                    <li key={props.catalog.articles()[index].id.as_str()}>
                        <StoryCard catalog={props.catalog.clone()} {index} now={props.now} new_tab={props.new_tab} />
                    </li>
                }) }
            </ul>
            if shown < total {
                <div class="gz-more">
                    <p class="gz-more-count">{ format!("Showing {shown} of {total}") }</p>
                    <button type="button" class="gz-button" onclick={on_more}>{ "Show more stories" }</button>
                </div>
            }
        </>
    }
}
