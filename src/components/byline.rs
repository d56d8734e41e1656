use super::highlighted::highlighted;
use super::FeedText;
use crate::browser;
use gazette_core::search::{highlight, Query};
use gazette_core::words::{pieces, Piece, Words};
use yew::prelude::*;

/// "By Ann, Bo and Cy": the sentence in the widget's language, each name isolated in the feed's
/// language, so that names written right to left keep their order and their commas. The words
/// of `query` are marked in the names (a search that found the story by its author).
pub fn byline(authors: &[String], text: &FeedText, w: &Words, query: Option<&Query>) -> Html {
    let names: Html = browser::list_parts(authors, w.lang)
        .into_iter()
        .map(|(part, name)| {
            if name {
                let marks = query.map(|q| highlight(&part, q)).unwrap_or_default();
                html! { <bdi lang={text.lang.clone()}>{ highlighted(&part, &marks) }</bdi> }
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
