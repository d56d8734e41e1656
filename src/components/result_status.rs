use super::FeedText;
use crate::browser;
use yew::prelude::*;

/// How long the count waits to be announced while the reader types.
const ANNOUNCE_AFTER_MS: i32 = 700;

#[derive(Properties, PartialEq)]
pub struct ResultStatusProps {
    /// The sentence to show and announce.
    pub text: AttrValue,
    /// Words of the feed's that end it (an open story's headline), in their language.
    #[prop_or_default]
    pub quote: Option<(AttrValue, FeedText)>,
    /// Announced but not shown (in the article view, where it would repeat the headline).
    #[prop_or_default]
    pub hidden: bool,
    /// The reader is typing: announce once typing pauses, not at every keystroke.
    #[prop_or_default]
    pub typing: bool,
    /// The text typed: each keystroke starts the pause again, even one that leaves the count
    /// as it was.
    #[prop_or_default]
    pub typed: AttrValue,
}

/// How many stories match: shown at once, and told to screen-reader users by a polite live
/// region that stays in the page from the start (so that changes to it are announced). While
/// the reader types, the region waits for a pause, so a word typed is one announcement.
#[function_component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    let announced = use_state_eq(|| props.text.clone());
    let waiting = use_mut_ref(|| None::<browser::Timeout>);
    // A story just closed (a render ago the status was hidden behind it): the list's count is
    // said at once, even when the close rewrote the address as typing does.
    let story_shown = use_mut_ref(|| props.hidden);
    let closed = story_shown.replace(props.hidden) && !props.hidden;
    let typing = props.typing && !closed;
    {
        let announced = announced.clone();
        let deps = (props.text.clone(), typing, props.typed.clone());
        use_effect_with(deps, move |(text, typing, _)| {
            let text = text.clone();
            if *typing {
                let later = announced.clone();
                waiting.replace(browser::after(ANNOUNCE_AFTER_MS, move || later.set(text)));
            } else {
                waiting.replace(None);
                announced.set(text);
            }
        });
    }
    // Not typing: the region says the new count in this very render.
    // (An open story is announced at once, whatever typing came before it.)
    let live = if typing && props.quote.is_none() {
        (*announced).clone()
    } else {
        props.text.clone()
    };
    let quote = props.quote.as_ref().map(|(words, text)| {
        html! { <span lang={text.lang.clone()} dir={text.dir.clone()}>{ words.clone() }</span> }
    });
    html! {
        <>
            <p class={classes!("gz-status", props.hidden.then_some("gz-visually-hidden"))} aria-hidden="true">{ props.text.clone() }{ quote.clone() }</p>
            <p class="gz-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ live }{ quote }</p>
        </>
    }
}
