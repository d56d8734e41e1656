use super::use_locale;
use crate::services::LoadError;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// What went wrong.
    pub error: Rc<LoadError>,
    /// The reader pressed Retry.
    pub on_retry: Callback<()>,
    /// The Retry button.
    #[prop_or_default]
    pub retry_ref: NodeRef,
}

/// Shown instead of the stories when the document could not be used: what happened, what to do,
/// and a Retry button.
#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    let retryable = !matches!(*props.error, LoadError::NoSource);
    let w = use_locale().words;
    html! {
        // The button is outside the alert, so that its word is not read as the end of the
        // last sentence.
        <div class="gz-error">
            <div role="alert">
                <p class="gz-error-title"><strong>{ props.error.title(w) }</strong></p>
                <p lang={props.error.foreign_lang(w)}>{ props.error.message(w) }</p>
                <p>{ props.error.advice(w) }</p>
            </div>
            if retryable {
                <button type="button" class="gz-button" part="button" ref={props.retry_ref.clone()} {onclick}>{ w.retry }</button>
            }
        </div>
    }
}
