use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultStatusProps {
    /// The sentence to announce.
    pub text: AttrValue,
    /// Announced but not shown (in the article view, where it would repeat the headline).
    #[prop_or_default]
    pub hidden: bool,
}

/// The polite live region that tells screen-reader users how many stories match after each
/// change. It stays in the page from the start so that changes to it are announced.
#[function_component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    html! {
        <p class={classes!("gz-status", props.hidden.then_some("gz-visually-hidden"))} role="status" aria-live="polite" aria-atomic="true">{ props.text.clone() }</p>
    }
}

/// "1 story", "12 stories".
pub fn stories(n: usize) -> String {
    if n == 1 {
        "1 story".into()
    } else {
        format!("{n} stories")
    }
}
