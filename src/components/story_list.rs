use super::story_card::Opener;
use super::{use_locale, StoryCard};
use crate::browser;
use gazette_core::words::fill;
use gazette_core::{Catalog, Outcome, Query, Timestamp};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the cards below the screen wait for the reader to stop typing (or scroll).
const REVEAL_AFTER_MS: i32 = 120;

#[derive(Properties, PartialEq)]
pub struct StoryListProps {
    pub catalog: Rc<Catalog>,
    pub outcome: Rc<Outcome>,
    pub now: Timestamp,
    #[prop_or_default]
    pub new_tab: bool,
    /// How cards open their stories.
    #[prop_or_default]
    pub opener: Opener,
    /// The reader asked for more, or scrolled near the end.
    pub on_more: Callback<()>,
    /// Offer more pages (not while a preview shows).
    #[prop_or(true)]
    pub more: bool,
    /// More stories may come (older shards of an archive), so offer more even at the end.
    #[prop_or_default]
    pub pending: bool,
    /// The reader is on the list (`true`: the pointer over it, or the focus in it) or has left
    /// it (`false`).
    #[prop_or_default]
    pub on_engage: Callback<bool>,
    /// Scrolling near the end loads more only while fewer cards than this show; then only
    /// "Show more stories" does, so that the page below the widget can still be reached.
    #[prop_or(usize::MAX)]
    pub scroll_loads_below: usize,
}

/// True when the element of `r` has the keyboard's focus (`:focus-visible`, not a click's).
fn keyboard_focus_on(r: &NodeRef) -> bool {
    r.cast::<web_sys::Element>()
        .is_some_and(|b| b.matches(":focus-visible").unwrap_or(false))
}

/// True when the element of `r` has the focus, however it came.
fn focus_on(r: &NodeRef) -> bool {
    r.cast::<web_sys::Element>()
        .is_some_and(|b| b.matches(":focus").unwrap_or(false))
}

/// True when an element inside the element of `r` has the keyboard's focus.
fn keyboard_focus_within(r: &NodeRef) -> bool {
    r.cast::<web_sys::Element>()
        .is_some_and(|l| l.query_selector(":focus-visible").ok().flatten().is_some())
}

/// The first pages of matches. More load as the reader nears the end of the list (like the
/// "Loading" rail of a news page), for a few pages, or as the reader presses "Show more
/// stories"; only those pages are in the page, however many stories match.
#[function_component]
pub fn StoryList(props: &StoryListProps) -> Html {
    let total = props.outcome.total;
    let shown = props.outcome.matches.len();
    let sentinel = use_node_ref();
    let query = use_memo(props.outcome.clone(), |o| Query::clone(&o.query));
    let more_ref = use_node_ref();
    let list = use_node_ref();
    let w = use_locale().words;
    {
        // Re-armed after every page: the next scroll near the end asks for the next one. Not
        // while the keyboard's focus is on a card, or any focus on "Show more stories" (a
        // screen reader's, a script's), or the keyboard's on the page below the list: the page
        // scrolled because the reader moved the focus, and more cards would keep the next Tab
        // in the list for ever, take the focus off the button the reader is about to press,
        // or push what the reader tabbed to off the screen (until the reader scrolls by hand).
        let sentinel = sentinel.clone();
        let on_more = props.on_more.clone();
        let (more_ref, list) = (more_ref.clone(), list.clone());
        use_effect_with(
            (
                shown,
                shown < total,
                props.pending,
                props.more,
                props.scroll_loads_below,
            ),
            move |&(shown, fewer, pending, more, below)| {
                let watch = (more && (fewer || pending) && shown < below)
                    .then(|| sentinel.cast::<web_sys::Element>())
                    .flatten()
                    .map(|el| {
                        let end = el.clone();
                        browser::when_scrolled_near(&el, 600.0, move |by_hand| {
                            let focused = focus_on(&more_ref)
                                || keyboard_focus_within(&list)
                                || (!by_hand && browser::keyboard_focus_below(&end));
                            if !focused {
                                on_more.emit(());
                            }
                            !focused
                        })
                    });
                move || drop(watch)
            },
        );
    }
    // "Show more stories" moves the focus to the first new story once it is in (the button may
    // be gone by then: it was the last page). From the keyboard the new story is scrolled into
    // view; after a click the page stays where the reader put it.
    let focus_from = use_mut_ref(|| None::<(usize, bool)>);
    // The matches of the previous render (kept for the first screen, below).
    let last_outcome = use_mut_ref(|| None::<Rc<Outcome>>);
    let before = last_outcome
        .borrow()
        .as_ref()
        .map_or(shown, |o| o.matches.len());
    let offer_more = props.more && (shown < total || props.pending);
    // (Also when the focus was put on the button some other way, a screen reader's or a
    // script's, and the page came as it scrolled into view: the button may go.)
    if shown > before && focus_from.borrow().is_none() && focus_on(&more_ref) {
        focus_from.replace(Some((before, keyboard_focus_on(&more_ref))));
    }
    {
        let (list, focus_from) = (list.clone(), focus_from.clone());
        use_effect_with(shown, move |&shown| {
            let first_new = *focus_from.borrow();
            if let Some((k, scroll)) = first_new.filter(|&(k, _)| shown > k) {
                focus_from.replace(None);
                let link = list
                    .cast::<web_sys::Element>()
                    .and_then(|ul| ul.children().item(k as u32))
                    .and_then(|li| browser::find_in(&li, ".gz-headline a"));
                match link {
                    Some(link) if scroll => {
                        let _ = link.focus();
                    }
                    Some(link) => browser::focus_in_place(&link),
                    None => {}
                }
            }
        });
    }
    // First screen first. When a new search replaces the cards (a keystroke), the cards below
    // the screen take their new stories at once but are left out of layout and paint
    // (`gz-later`: content-visibility hidden, their height kept) until the reader pauses,
    // scrolls or moves the focus. While the reader types, only the cards on screen are drawn
    // each time.
    let drawn_up_to = use_mut_ref(|| usize::MAX);
    let reveal = use_mut_ref(|| None::<browser::Pending>);
    let redraw = use_force_update();
    let typed = last_outcome.borrow().as_ref().is_some_and(|o| {
        !Rc::ptr_eq(o, &props.outcome)
            && o.query != props.outcome.query
            && !props.outcome.matches.starts_with(&o.matches)
    });
    if typed {
        let on_screen = list
            .cast::<web_sys::Element>()
            .map_or(usize::MAX, |ul| browser::items_on_screen(&ul));
        drawn_up_to.replace(on_screen.max(1));
        let (drawn_up_to, redraw) = (drawn_up_to.clone(), redraw.clone());
        reveal.replace(Some(browser::after_pause_or_scroll(
            REVEAL_AFTER_MS,
            move || {
                drawn_up_to.replace(usize::MAX);
                redraw.force_update();
            },
        )));
    }
    last_outcome.replace(Some(props.outcome.clone()));
    {
        // The cards on screen were counted before the new stories changed their heights: once
        // laid out (before the frame is painted), any waiting card that turns out to be on
        // screen is drawn at once.
        let (list, drawn_up_to, redraw) = (list.clone(), drawn_up_to.clone(), redraw.clone());
        use_effect(move || {
            let drawn = *drawn_up_to.borrow();
            let on_screen = (drawn != usize::MAX)
                .then(|| list.cast::<web_sys::Element>())
                .flatten()
                .map_or(0, |ul| browser::items_on_screen(&ul));
            if on_screen > drawn {
                drawn_up_to.replace(on_screen);
                redraw.force_update();
            }
        });
    }
    let later_from = *drawn_up_to.borrow();
    // Whether the pointer is over the list, and the focus in it: the reader is on the list
    // while either is.
    let on_list = use_mut_ref(|| (false, false));
    let engage = |pointer: Option<bool>, focus: Option<bool>| {
        let (on_list, on_engage) = (on_list.clone(), props.on_engage.clone());
        move || {
            let was = *on_list.borrow();
            let now = (pointer.unwrap_or(was.0), focus.unwrap_or(was.1));
            on_list.replace(now);
            if (was.0 || was.1) != (now.0 || now.1) {
                on_engage.emit(now.0 || now.1);
            }
        }
    };
    let onpointerenter = {
        let f = engage(Some(true), None);
        Callback::from(move |_: PointerEvent| f())
    };
    let onpointerleave = {
        let f = engage(Some(false), None);
        Callback::from(move |_: PointerEvent| f())
    };
    let onfocusin = {
        let f = engage(None, Some(true));
        Callback::from(move |_: FocusEvent| f())
    };
    let onfocusout = {
        let (f, list) = (engage(None, Some(false)), list.clone());
        Callback::from(move |e: FocusEvent| {
            let Some(l) = list.cast::<web_sys::Element>() else {
                return;
            };
            // To nothing: the window lost the focus (another tab), and the card keeps it.
            let stays = match e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            {
                Some(to) => l.contains(Some(&to)),
                None => browser::focused_in(&l).is_some(),
            };
            if !stays {
                f();
            }
        })
    };
    // The list going (a story opens, nothing matches, an error) takes the reader off it.
    {
        let (on_list, on_engage) = (on_list.clone(), props.on_engage.clone());
        use_effect_with((), move |_| {
            move || {
                let (pointer, focus) = *on_list.borrow();
                if pointer || focus {
                    on_engage.emit(false);
                }
            }
        });
    }
    let on_more = {
        let (on_more, focus_from, button) =
            (props.on_more.clone(), focus_from.clone(), more_ref.clone());
        Callback::from(move |_: MouseEvent| {
            focus_from.replace(Some((shown, keyboard_focus_on(&button))));
            on_more.emit(());
        })
    };
    html! {
        <>
            <ul class="gz-list" role="list" ref={list} {onpointerenter} {onpointerleave} {onfocusin} {onfocusout}>
                // Keyed by position, not by story: when the matches change, the cards already
                // in the page take the new stories' text (a few changed nodes each) instead of
                // being removed and built again, which made a keystroke at 200,000 stories cost
                // about a third more in the browser; and a new page is added after the others.
                // (Yew matches unkeyed lists from the end, so they would rewrite every card.)
                { for props.outcome.matches.iter().enumerate().map(|(position, &index)| html! {
                    <li key={position} class={(position >= later_from).then_some("gz-later")}>
                        <StoryCard catalog={props.catalog.clone()} {index} now={props.now} query={query.clone()} new_tab={props.new_tab} opener={props.opener.clone()} />
                    </li>
                }) }
            </ul>
            if offer_more {
                <div class="gz-more" ref={sentinel}>
                    <p class="gz-more-count">{
                        if props.pending { fill(w.showing_pending, &[&w.number(shown)]) }
                        else { w.count(&w.showing, shown, &[&w.number(total)]) }
                    }</p>
                    <button type="button" class="gz-button" part="button" onclick={on_more} ref={more_ref}>{ w.show_more }</button>
                </div>
            }
        </>
    }
}
