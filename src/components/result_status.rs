use super::FeedText;
use crate::browser;
use gazette_core::announce::{Announcer, Shown, Timer, PAUSE_MS};
use gazette_core::Filter;
use yew::prelude::*;

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
/// region that stays in the page from the start (so that changes to it are announced). When to
/// say what is the core's [`Announcer`]: once typing, or quick changes, pause; not again for a
/// count that only grows as stories arrive.
#[function_component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    let shown = Shown {
        text: props.text.clone(),
        quoted: props.quote.is_some(),
        hidden: props.hidden,
        typing: props.typing,
        asked: props.asked.clone(),
        growing: props.growing,
    };
    let announcer = use_mut_ref(|| Announcer::new(&shown));
    let said = announcer.borrow_mut().show(&shown, browser::clock_ms());
    let waiting = use_mut_ref(|| None::<browser::Timeout>);
    let redraw = use_force_update();
    {
        let timer = said.timer;
        use_effect(move || match timer {
            Timer::Keep => {}
            Timer::Stop => drop(waiting.take()),
            Timer::Start => {
                waiting.replace(browser::after(PAUSE_MS, move || {
                    if announcer.borrow_mut().pause_over() {
                        redraw.force_update();
                    }
                }));
            }
        });
    }
    // (One text node whose text changes: a node added and removed may go unsaid.)
    let live = if said.again {
        AttrValue::from(format!("{}\u{a0}", said.text))
    } else {
        said.text
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
