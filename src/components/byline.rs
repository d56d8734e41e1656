use super::FeedText;
use crate::browser;
use yew::prelude::*;

/// "By Ann, Bo and Cy": the sentence in English, each name isolated in the feed's language, so
/// that names written right to left keep their order and their commas.
pub fn byline(authors: &[String], text: &FeedText) -> Html {
    html! {
        <p class="gz-byline">
            { "By " }
            { for browser::list_parts(authors).into_iter().map(|(part, name)| if name {
                html! { <bdi lang={text.lang.clone()}>{ part }</bdi> }
            } else {
                html! { { part } }
            }) }
        </p>
    }
}
