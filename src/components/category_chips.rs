use super::{category_name, use_locale, FeedText};
use gazette_core::set::Set;
use gazette_core::words::Words;
use gazette_core::CategoryCount;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CategoryChipsProps {
    /// Every category with its count under the other filters, and its colour swatch.
    pub categories: Rc<Vec<(CategoryCount, u32)>>,
    /// The selected ones.
    pub selected: Set<String>,
    /// How many stories match when no category is selected.
    pub all_count: usize,
    /// A chip was pressed.
    pub on_toggle: Callback<String>,
    /// "All" was pressed.
    pub on_all: Callback<()>,
    /// The language and direction of the feed's category names.
    #[prop_or_default]
    pub text: FeedText,
}

/// Chips shown before "… more categories" when there are many.
const SHOWN: usize = 10;

/// The chip's accessible name, "Markets, 8 stories": the visible text is "Markets 8", and a
/// name built from hidden spans gets stray spaces in some browsers, so it is given whole.
fn chip_label(w: &Words, name: &str, n: usize) -> String {
    format!("{name}, {}", w.stories(n))
}

/// The chips of the group an event happened in, and the place among them of the chip it
/// happened on ("All" is 0). Yew delegates events to the widget's root, so the group is found
/// from the event's target, which inside a shadow root too is the chip itself (the document's
/// active element would be the host element).
fn chips_of(e: &Event) -> Option<(Vec<web_sys::HtmlElement>, usize)> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(e.target()?).ok()?;
    let list = target
        .closest(".gz-chips")
        .ok()??
        .query_selector_all(".gz-chip")
        .ok()?;
    let buttons: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .collect();
    let at = buttons
        .iter()
        .position(|b| &target == b.as_ref() as &web_sys::Element)?;
    Some((buttons, at))
}

/// Scrolls the chips' row (one row that scrolls sideways in a narrow widget) so that `el` and
/// its focus ring show whole, clear of the row's faded edges; the browser's own scrolling leaves
/// a chip half hidden.
fn reveal_in_row(el: &web_sys::Element) {
    /// The focus ring's reach outside the chip (3 px outline, 2 px offset), and a pixel more.
    const RING: f64 = 6.0;
    let Some(row) = el.closest(".gz-chips").ok().flatten() else {
        return;
    };
    // The fade's width, which the stylesheet gives the row as its scroll padding.
    let fade = crate::browser::css_px(&row, "scroll-padding-inline-start");
    let (r, c) = (
        row.get_bounding_client_rect(),
        el.get_bounding_client_rect(),
    );
    let visible_right = r.left() + f64::from(row.client_width());
    let before = c.left() - RING - fade - r.left();
    let after = c.right() + RING + fade - visible_right;
    // A chip wider than the row shows its start.
    let by = if before < 0.0 {
        before
    } else if after > 0.0 {
        after.min(before)
    } else {
        return;
    };
    row.set_scroll_left(row.scroll_left() + by.round() as i32);
}

/// Moves focus to the previous or next chip with the arrow keys (Home and End: first, last).
fn arrow_keys(e: KeyboardEvent) {
    let step: i32 = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    let Some((buttons, at)) = chips_of(&e) else {
        return;
    };
    let last = buttons.len() as i32 - 1;
    let to = match step {
        i32::MIN => 0,
        i32::MAX => last,
        s => (at as i32 + s).clamp(0, last),
    };
    e.prevent_default();
    let _ = buttons[to as usize].focus();
}

/// Toggle buttons, one per category, with counts; several may be on at once (any of them
/// matches). "All" turns them all off. The group is one Tab stop: the chip last focused, else
/// the first that is on, else "All"; arrow keys move between its chips.
#[function_component]
pub fn CategoryChips(props: &CategoryChipsProps) -> Html {
    let none_selected = props.selected.is_empty();
    let on_all = props.on_all.reform(|_: MouseEvent| ());
    // The chip last focused, by its category (`Some(None)`: "All"): it stays the group's Tab
    // stop, and stays shown while it has the focus, also when the others are folded away.
    let focused = use_state_eq(|| None::<Option<String>>);
    let w = use_locale().words;
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            // (Not for a click: the row would move between the press and the release.)
            if let Some(el) = e
                .target_dyn_into::<web_sys::Element>()
                .filter(|el| el.matches(":focus-visible").unwrap_or(true))
            {
                reveal_in_row(&el);
            }
            if let Some((buttons, place)) = chips_of(&e) {
                focused.set(Some(buttons[place].get_attribute("data-name")));
            }
        })
    };
    let focused_name = focused.as_ref().and_then(|f| f.as_deref());
    // Many categories: the most frequent show (while stories arrive, the first seen), and any
    // that is on; the others behind a
    // button, so that the chips never take the reader's whole screen.
    let expanded = use_state_eq(|| false);
    let many = props.categories.len() > SHOWN + 2;
    let visible: Vec<_> = props
        .categories
        .iter()
        .enumerate()
        .filter(|(i, (c, _))| {
            !many
                || *expanded
                || *i < SHOWN
                || props.selected.contains(&c.name)
                || focused_name == Some(c.name.as_str())
        })
        .map(|(_, chip)| chip)
        .collect();
    let hidden = props.categories.len() - visible.len();
    // The chips the button shows or hides come before it: in a row that scrolls sideways, the
    // button, still in focus, is brought back into sight; shown all, the chips wrap onto as many
    // lines as they need, and the button, pushed down, is kept on screen.
    let more_ref = use_node_ref();
    {
        let more_ref = more_ref.clone();
        use_effect_with(*expanded, move |_| {
            if let Some(button) = more_ref.cast::<web_sys::Element>() {
                if button.matches(":focus").unwrap_or(false) {
                    reveal_in_row(&button);
                    if button.get_bounding_client_rect().bottom()
                        > crate::browser::viewport_height()
                    {
                        button.scroll_into_view_with_bool(false);
                    }
                }
            }
        });
    }
    let toggle = many.then(|| {
        let expanded = expanded.clone();
        let open = *expanded;
        let onclick = Callback::from(move |_: MouseEvent| expanded.set(!open));
        let label = if open {
            w.fewer_categories.to_string()
        } else {
            w.count(&w.more_categories, hidden, &[])
        };
        html! {
            <button type="button" class="gz-chip-more" part="chip" aria-expanded={open.to_string()} {onclick} ref={more_ref.clone()}>{ label }</button>
        }
    });
    let stop = match focused.as_ref() {
        Some(None) => Some(0),
        Some(Some(name)) => visible
            .iter()
            .position(|(c, _)| &c.name == name)
            .map(|i| i + 1),
        None => None,
    }
    .unwrap_or_else(|| {
        visible
            .iter()
            .position(|(c, _)| props.selected.contains(&c.name))
            .map_or(0, |i| i + 1)
    });
    let tabindex = |place: usize| if place == stop { "0" } else { "-1" };
    // A chosen chip out of sight in the sideways row (chosen by the page, a link, or before
    // the row was narrow) is scrolled into view, unless the reader is in the row.
    let row = use_node_ref();
    {
        let row = row.clone();
        use_effect_with(props.selected.clone(), move |_| {
            let Some(row) = row.cast::<web_sys::Element>() else {
                return;
            };
            let inside = row.query_selector(":focus").ok().flatten().is_some();
            if let (false, Ok(Some(chip))) = (
                inside,
                row.query_selector(".gz-chip[aria-pressed=\"true\"]:not(.gz-chip-all)"),
            ) {
                reveal_in_row(&chip);
            }
        });
    }
    html! {
        <div class={classes!("gz-chips", (many && *expanded).then_some("gz-chips-all"))} ref={row} role="group" aria-label={w.categories} onkeydown={Callback::from(arrow_keys)} {onfocusin}>
            <button type="button" class="gz-chip gz-chip-all" part="chip" aria-pressed={none_selected.to_string()}
                aria-label={chip_label(w, w.all, props.all_count)} onclick={on_all} tabindex={tabindex(0)}>
                { w.all }<span class="gz-count">{ w.number(props.all_count) }</span>
            </button>
            { for visible.iter().enumerate().map(|(i, (c, swatch))| {
                let pressed = props.selected.contains(&c.name);
                let name = c.name.clone();
                let onclick = props.on_toggle.reform(move |_: MouseEvent| name.clone());
                let class = classes!(
                    "gz-chip",
                    (c.count == 0 && !pressed).then_some("gz-chip-empty")
                );
                html! {
                    <button type="button" {class} part="chip" data-name={c.name.clone()} aria-pressed={pressed.to_string()}
                        aria-label={chip_label(w, category_name(&c.name, w), c.count)} {onclick} tabindex={tabindex(i + 1)}>
                        <span class={format!("gz-dot gz-swatch-{}", swatch)} aria-hidden="true"></span>
                        <bdi lang={props.text.lang.clone()} dir={props.text.dir.clone()}>{ category_name(&c.name, w).to_string() }</bdi><span class="gz-count">{ w.number(c.count) }</span>
                    </button>
                }
            }) }
            { toggle }
        </div>
    }
}
