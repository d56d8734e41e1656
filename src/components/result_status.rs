use super::FeedText;
use crate::browser;
use gazette_core::Filter;
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
    /// What the reader asked for: each keystroke starts the pause again, even one that leaves
    /// the count as it was.
    #[prop_or_default]
    pub asked: Filter,
    /// Stories are still arriving and some show (a preview of a large document): a count that
    /// grows with them is not announced again (the first preview's is), only one the reader's
    /// own change brings, and the final one.
    #[prop_or_default]
    pub growing: bool,
}

/// How many stories match: shown at once, and told to screen-reader users by a polite live
/// region that stays in the page from the start (so that changes to it are announced). While
/// the reader types, or changes the filters in quick succession, the region waits for a pause,
/// so a word typed is one announcement. While
/// stories still arrive, a count that only grows with them is shown but not said again.
#[function_component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    // The sentence last announced, and for which of the reader's requests (numbered as they come).
    let announced = use_state_eq(|| (props.text.clone(), 0_u32));
    let request = use_mut_ref(|| 0_u32);
    let waiting = use_mut_ref(|| None::<browser::Timeout>);
    // The text a pending announcement will say when it comes: the newest, even when stories
    // arrived while it waited.
    let latest = use_mut_ref(|| props.text.clone());
    latest.replace(props.text.clone());
    // A story just closed (a render ago the status was hidden behind it): the list's count is
    // said at once, even when the close rewrote the address as typing does.
    let story_shown = use_mut_ref(|| props.hidden);
    let closed = story_shown.replace(props.hidden) && !props.hidden;
    let last_asked = use_mut_ref(|| props.asked.clone());
    let asked_again = *last_asked.borrow() != props.asked;
    // A click-like request that follows another closely (arrow keys through a select, quick
    // clicks) waits for the pause too: one announcement for the lot, of the last count. (One
    // after typing is said at once, as typing's own waits.)
    let asked_at = use_mut_ref(|| f64::NEG_INFINITY);
    let mut quick = false;
    if asked_again {
        last_asked.replace(props.asked.clone());
        *request.borrow_mut() += 1;
        if !props.typing {
            let now = browser::clock_ms();
            quick = now - asked_at.replace(now) < f64::from(ANNOUNCE_AFTER_MS);
        }
    }
    let typing = (props.typing || quick) && !closed;
    let request = *request.borrow();
    let was_growing = use_mut_ref(|| props.growing);
    let grew = was_growing.replace(props.growing) && props.growing;
    // Only more stories arrived since the last render: what was said stands. (Not behind an
    // open story, whose own words stand there, nor when it closes.)
    let hold = grew && !asked_again && !closed && !props.hidden;
    {
        let announced = announced.clone();
        let deps = (props.text.clone(), typing, props.asked.clone());
        use_effect_with(deps, move |(text, typing, _)| {
            // Held: a pending announcement still comes, with the newest count.
            if hold {
                return;
            }
            if *typing {
                let later = announced.clone();
                waiting.replace(browser::after(ANNOUNCE_AFTER_MS, move || {
                    later.set((latest.borrow().clone(), request))
                }));
            } else {
                waiting.replace(None);
                announced.set((text.clone(), request));
            }
        });
    }
    // Neither typing nor held: the region says the new count in this very render.
    // (An open story is announced at once, whatever typing came before it.)
    let (live, live_for) = if (typing || hold) && props.quote.is_none() {
        (*announced).clone()
    } else {
        (props.text.clone(), request)
    };
    // A new request whose answer reads as the last one did ("1 story matches" for another
    // word) is said again: the region's text changes by a trailing no-break space, which
    // screen readers do not speak, so that they read it anew.
    let last_said = use_mut_ref(|| (live.clone(), live_for, false));
    let again = {
        let mut said = last_said.borrow_mut();
        if said.0 == live && said.1 != live_for {
            said.2 = !said.2;
        }
        said.0 = live.clone();
        said.1 = live_for;
        said.2
    };
    // (One text node whose text changes: a node added and removed may go unsaid.)
    let live = if again {
        AttrValue::from(format!("{live}\u{a0}"))
    } else {
        live
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
