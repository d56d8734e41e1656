//! Where the reader's focus goes as the widget changes under it: a card or chip that now shows
//! another story, controls the host takes away, a story opening and closing, the search key.
//! Each rule is an effect of its own, run after the DOM is updated.

use super::State;
use crate::browser;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The widget's elements the focus is sent to, or read from.
#[derive(Clone)]
pub(super) struct Refs {
    /// The widget's `<section>`.
    pub root: NodeRef,
    /// Its heading (`tabindex="-1"`): where the focus goes when its element is gone.
    pub title: NodeRef,
    /// The search box, when it shows.
    pub search: NodeRef,
    /// An open story's headline.
    pub story_heading: NodeRef,
    /// The error panel's "Try again".
    pub retry: NodeRef,
}

/// The widget's [`Refs`], the same elements across renders.
#[hook]
pub(super) fn use_refs() -> Refs {
    Refs {
        root: use_node_ref(),
        title: use_node_ref(),
        search: use_node_ref(),
        story_heading: use_node_ref(),
        retry: use_node_ref(),
    }
}

/// What the widget remembers of the reader's way through the list and its stories.
#[derive(Clone)]
pub(super) struct Trail {
    /// Where the list was scrolled when a story was opened from it, and that story, to return
    /// there on close (after any hops through "More to Read").
    pub list_scroll: Rc<RefCell<Option<(f64, usize)>>>,
    /// Where the page was scrolled at the last Back or Forward: a story that opens by it from
    /// the list returns there too.
    pub history_scroll: Rc<RefCell<Option<f64>>>,
    /// The list has shown: a story opened after that (by the reader, or by Back and Forward)
    /// is scrolled to; one the address opened as the page loaded is not.
    list_seen: Rc<RefCell<bool>>,
    /// For the story open: whether the focus went to its headline (it is not announced then).
    story_quiet: Rc<RefCell<Option<(usize, bool)>>>,
    /// The reader opened or closed a story in this widget (a card, Esc, View All): the focus
    /// follows, wherever it was (Safari does not focus a link that is clicked).
    pub reader_acted: Rc<RefCell<bool>>,
}

/// The widget's [`Trail`], kept across renders; the list counts as seen once it has shown.
#[hook]
pub(super) fn use_trail(state: &State) -> Trail {
    let trail = Trail {
        list_scroll: use_mut_ref(|| None),
        history_scroll: use_mut_ref(|| None),
        list_seen: use_mut_ref(|| false),
        story_quiet: use_mut_ref(|| None),
        reader_acted: use_mut_ref(|| false),
    };
    if state.load == crate::state::Load::Ready && state.reading.is_none() {
        *trail.list_seen.borrow_mut() = true;
    }
    {
        // A widget removed while a story opened from its list shows gives the page back its
        // own scroll restoration.
        let list_scroll = trail.list_scroll.clone();
        use_effect_with((), move |_| {
            move || {
                if list_scroll.borrow().is_some() {
                    browser::manage_scroll(scroll_owner(&list_scroll), false);
                }
            }
        });
    }
    trail
}

impl Trail {
    /// Whether story `index`, open now, is left unannounced because the focus goes to its
    /// headline (which is read then): the focus moves when it is in the widget, or nowhere once
    /// the list has shown (see [`use_story_focus`]). Decided once for each story opened, so
    /// that a later render (the clock's) says nothing.
    pub fn quiet(&self, open: Option<usize>, root: &NodeRef) -> bool {
        let mut decided = self.story_quiet.borrow_mut();
        let Some(index) = open else {
            decided.take();
            return false;
        };
        match *decided {
            Some((was, quiet)) if was == index => quiet,
            _ => {
                let quiet = focus_is_ours(
                    focus_place_of(root),
                    *self.reader_acted.borrow(),
                    !*self.list_seen.borrow(),
                );
                *decided = Some((index, quiet));
                quiet
            }
        }
    }
}

/// Where the focus is, seen from the widget whose root is `root` (and its mount element).
fn focus_place_of(root: &NodeRef) -> Option<browser::FocusPlace> {
    root.cast::<web_sys::Element>()
        .map(|r| browser::focus_place(&r.parent_element().unwrap_or(r)))
}

/// Whether a story opening or closing takes the focus (and is not announced, the focus reading
/// its headline): when the reader acted in the widget, when the focus is inside it, or nowhere
/// in particular (after Back, say); never from the host page's own controls. A story the
/// address opened as the widget started (`at_start`) takes it only from inside (the widget
/// started again for a new attribute while the reader was in it).
fn focus_is_ours(place: Option<browser::FocusPlace>, acted: bool, at_start: bool) -> bool {
    match place {
        _ if acted => true,
        Some(browser::FocusPlace::Inside) => true,
        Some(browser::FocusPlace::Nowhere) => !at_start,
        _ => false,
    }
}

/// A change of the host's that takes away the element the reader was on (`controls` without
/// the search box, a smaller `page-size` or `related`) leaves the focus on the widget's title,
/// not on the page. `reshaped` is what the host set; `sized`, whether the stories have the new
/// sizes too (they follow in a render of their own).
#[hook]
pub(super) fn use_reshape_focus<T: PartialEq + Copy + 'static>(
    refs: &Refs,
    reshaped: T,
    sized: bool,
) {
    let last = use_mut_ref(|| reshaped);
    let focus_was_in = use_mut_ref(|| false);
    if last.replace(reshaped) != reshaped {
        focus_was_in.replace(focus_place_of(&refs.root) == Some(browser::FocusPlace::Inside));
    }
    let (root, title) = (refs.root.clone(), refs.title.clone());
    use_effect(move || {
        if sized && focus_was_in.replace(false) {
            if let (Some(browser::FocusPlace::Nowhere), Some(title)) =
                (focus_place_of(&root), title.cast::<web_sys::HtmlElement>())
            {
                // Scrolled to if need be: the list may have shrunk far below it.
                let _ = title.focus();
            }
        }
    });
}

/// "Try again" sends the focus to the title while the stories load again; when they fail
/// again, it goes back to the new "Try again", if it is still on the title.
#[hook]
pub(super) fn use_retry_focus(refs: &Refs, state: &State) {
    let failed = matches!(state.load, crate::state::Load::Failed(_));
    let refs = refs.clone();
    use_effect_with((failed, state.attempt), move |&(failed, attempt)| {
        let (Some(root), Some(title), Some(retry)) = (
            refs.root.cast::<web_sys::Element>(),
            refs.title.cast::<web_sys::Element>(),
            refs.retry.cast::<web_sys::HtmlElement>(),
        ) else {
            return;
        };
        if failed && attempt > 0 && browser::focused_in(&root) == Some(title) {
            let _ = retry.focus();
        }
    });
}

/// New stories for the list (a preview's next, or all of them), or other filters (Back and
/// Forward, the page's calls), put other stories and categories into the cards and chips
/// already in the page: a card or chip in focus then holds another one (in an open story's
/// "More to Read" too). The focus follows the story or category the reader was on, or goes to
/// the title (the story's headline) if it is no longer shown.
#[hook]
pub(super) fn use_held_focus(refs: &Refs, state: &State) {
    let last_catalog = use_mut_ref(|| state.catalog.clone());
    let last_filter = use_mut_ref(|| state.filter.clone());
    // What the focus was on, and whether it was on the screen then.
    let held = use_mut_ref(|| None::<(Held, bool)>);
    let new_filter = *last_filter.borrow() != state.filter;
    if new_filter || !Rc::ptr_eq(&last_catalog.borrow(), &state.catalog) {
        last_catalog.replace(state.catalog.clone());
        last_filter.replace(state.filter.clone());
        held.replace(
            refs.root
                .cast::<web_sys::Element>()
                .and_then(|r| browser::focused_in(&r))
                .and_then(|f| Some((Held::of(&f)?, browser::on_screen(&f)))),
        );
    }
    let refs = refs.clone();
    use_effect(move || {
        let (Some((held, was_seen)), Some(root)) =
            (held.take(), refs.root.cast::<web_sys::Element>())
        else {
            return;
        };
        match held.find(&root) {
            Some(el) => {
                if browser::focused_in(&root).as_ref() != Some(&el) {
                    browser::focus_in_place(&el);
                }
                // Kept in sight if the change moved it off the screen (a keyboard's focus; not
                // one the reader had scrolled away from).
                if was_seen {
                    browser::keep_keyboard_focus_in_view(el.into());
                }
            }
            None => {
                // (The title too when the story has closed meanwhile.)
                let instead = held.instead(&refs.title, &refs.story_heading);
                let el = instead
                    .cast::<web_sys::HtmlElement>()
                    .or_else(|| refs.title.cast());
                if let Some(el) = el {
                    browser::focus_in_place(&el);
                }
            }
        }
    });
}

/// Focus follows the article view: to the story's headline when one opens (`open`, its
/// number), and back to the card it was opened from (or the widget's title) when it closes.
#[hook]
pub(super) fn use_story_focus(refs: &Refs, trail: &Trail, open: Option<usize>) {
    {
        let (refs, trail) = (refs.clone(), trail.clone());
        let last_open = use_mut_ref(|| None::<usize>);
        use_effect_with(open, move |open| {
            let before = last_open.replace(*open);
            // Forward to a story from the list: its close returns to that list's place and
            // card, as after a card was opened (also after hops through "More to Read").
            let by_history = trail.history_scroll.take();
            if let (Some(index), None, Some(y)) = (*open, before, by_history) {
                if trail.list_scroll.borrow().is_none() && *trail.list_seen.borrow() {
                    trail.list_scroll.replace(Some((y, index)));
                    browser::manage_scroll(scroll_owner(&trail.list_scroll), true);
                }
            }
            let place = focus_place_of(&refs.root);
            let acted = std::mem::take(&mut *trail.reader_acted.borrow_mut());
            let may_focus = |at_start: bool| focus_is_ours(place, acted, at_start);
            let mut deferred = None;
            match (*open, before) {
                (Some(_), _) => {
                    if let Some(h) = refs.story_heading.cast::<web_sys::HtmlElement>() {
                        let after_start = before.is_some()
                            || trail.list_scroll.borrow().is_some()
                            || *trail.list_seen.borrow();
                        if after_start && may_focus(false) {
                            // Opened after the page loaded: the view starts at its top (the way
                            // back and the category and date line, above the headline). Again
                            // once the browser is done: after Back, its own restoring of the
                            // entry's scroll position comes after this.
                            let view: web_sys::Element = match h.closest(".gz-article") {
                                Ok(Some(view)) => view,
                                _ => h.clone().into(),
                            };
                            view.scroll_into_view();
                            deferred = browser::after(0, move || view.scroll_into_view());
                        }
                        if may_focus(!after_start) {
                            browser::focus_in_place(&h);
                        }
                    }
                }
                (None, Some(closed)) => {
                    let scroll = trail.list_scroll.borrow_mut().take();
                    if let Some((y, _)) = scroll {
                        // Not while the reader is busy elsewhere (in another widget, whose
                        // Back closed this story): the page stays where it is.
                        if may_focus(false) {
                            browser::scroll_to_y(y);
                        }
                        browser::manage_scroll(scroll_owner(&trail.list_scroll), false);
                    }
                    // The focus goes to the card the reader opened from the list, where the
                    // list is back at (not to the story read last, after "More to Read": its
                    // card may be far off screen, or beyond the pages shown); else to the
                    // story's card, or the title.
                    let card = |index: usize| {
                        let root = refs.root.cast::<web_sys::Element>()?;
                        browser::find_in(&root, &format!("[data-story=\"{index}\"] .gz-headline a"))
                    };
                    let target = scroll
                        .and_then(|(_, first)| card(first))
                        .or_else(|| card(closed))
                        .or_else(|| refs.title.cast::<web_sys::HtmlElement>())
                        .filter(|_| may_focus(false));
                    match target {
                        Some(t) if scroll.is_some() => browser::focus_in_place(&t),
                        Some(t) => drop(t.focus()),
                        None => {}
                    }
                }
                (None, None) => {}
            }
            move || drop(deferred)
        });
    }
    // A Back or Forward that opened no story here (another widget's, or the list's filters)
    // leaves nothing for a later story to take.
    let history_scroll = trail.history_scroll.clone();
    use_effect(move || {
        history_scroll.replace(None);
    });
}

/// "/" (or the page's `search-key`) focuses the search box: of the widget the focus is in,
/// else, with the focus on no element, of the one showing most of itself on screen (see
/// `browser::on_search_key`).
#[hook]
pub(super) fn use_search_key(refs: &Refs, key: Option<AttrValue>) {
    let refs = refs.clone();
    use_effect_with(key, move |key| {
        let listener = key.as_ref().and_then(|key| {
            browser::on_search_key(
                key,
                Rc::new(move || Some((refs.root.cast()?, refs.search.cast()?))),
            )
        });
        move || drop(listener)
    });
}

/// What the reader's focus is on in the list or in an open story's "More to Read", by what it
/// shows: a story's card (by its number in the catalog; in which of the two) or a category chip
/// (by its name; `None`: "All").
enum Held {
    Story(Place, String),
    Chip(Option<String>),
}

/// Where a story's card is: in the list, or in an open story's "More to Read".
#[derive(Clone, Copy)]
enum Place {
    List,
    Rail,
}

impl Place {
    fn selector(self) -> &'static str {
        match self {
            Place::List => ".gz-browse",
            Place::Rail => ".gz-rail",
        }
    }
}

impl Held {
    fn of(el: &web_sys::Element) -> Option<Held> {
        let place = [Place::List, Place::Rail]
            .into_iter()
            .find(|p| el.closest(p.selector()).ok().flatten().is_some())?;
        if let Some(card) = el.closest("[data-story]").ok()? {
            return Some(Held::Story(place, card.get_attribute("data-story")?));
        }
        let chip = el.closest(".gz-browse .gz-chip").ok()??;
        Some(Held::Chip(chip.get_attribute("data-name")))
    }

    /// The element that now shows it, in the list or the rail of `root`.
    fn find(&self, root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
        match self {
            Held::Story(place, n) => {
                browser::all_in(root, &format!("{} [data-story]", place.selector()))
                    .into_iter()
                    .find(|el| el.get_attribute("data-story").as_ref() == Some(n))
                    .and_then(|card| browser::find_in(&card, ".gz-headline a"))
            }
            Held::Chip(name) => browser::all_in(root, ".gz-browse .gz-chip")
                .into_iter()
                .find(|el| el.get_attribute("data-name") == *name),
        }
    }

    /// Where the focus goes when it is no longer shown: the open story's headline for its
    /// "More to Read", else the widget's title.
    fn instead<'a>(&self, title: &'a NodeRef, story_heading: &'a NodeRef) -> &'a NodeRef {
        match self {
            Held::Story(Place::Rail, _) => story_heading,
            _ => title,
        }
    }
}

/// Tells this widget from the others for [`browser::manage_scroll`]: where its list's scroll
/// position is kept.
pub(super) fn scroll_owner(list_scroll: &Rc<RefCell<Option<(f64, usize)>>>) -> usize {
    Rc::as_ptr(list_scroll) as usize
}
