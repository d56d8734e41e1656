use super::FeedText;
use crate::browser;
use gazette_core::words::{pieces, Piece, Words};
use yew::prelude::*;

/// "By Ann, Bo and Cy": the sentence in the widget's language, each name isolated in the feed's
/// language, so that names written right to left keep their order and their commas.
pub fn byline(authors: &[String], text: &FeedText, w: &Words) -> Html {
    let names: Html = browser::list_parts(authors, w.lang)
        .into_iter()
        .map(|(part, name)| {
            if name {
                html! { <bdi lang={text.lang.clone()}>{ part }</bdi> }
            } else {
                html! { { part } }
            }
        })
        .collect();
    html! {
        <p class="gz-byline">
            { for pieces(w.by).map(|piece| match piece {
                Piece::Text(t) => html! { { t } },
                Piece::Place(_) => names.clone(),
            }) }
        </p>
    }
}
