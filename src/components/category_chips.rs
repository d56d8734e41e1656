use gazette_core::CategoryCount;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CategoryChipsProps {
    /// Every category with its count under the other filters, and its colour swatch.
    pub categories: Rc<Vec<(CategoryCount, u32)>>,
    /// The selected ones.
    pub selected: BTreeSet<String>,
    /// How many stories match when no category is selected.
    pub all_count: usize,
    /// A chip was pressed.
    pub on_toggle: Callback<String>,
    /// "All" was pressed.
    pub on_all: Callback<()>,
}

/// The chip's accessible name, "Markets, 8 stories": the visible text is "Markets 8", and a
/// name built from hidden spans gets stray spaces in some browsers, so it is given whole.
fn chip_label(name: &str, n: usize) -> String {
    format!("{name}, {n} {}", if n == 1 { "story" } else { "stories" })
}

/// Toggle buttons, one per category, with counts; several may be on at once (any of them
/// matches). "All" turns them all off.
#[function_component]
pub fn CategoryChips(props: &CategoryChipsProps) -> Html {
    let none_selected = props.selected.is_empty();
    let on_all = props.on_all.reform(|_: MouseEvent| ());
    html! {
        <div class="gz-chips" role="group" aria-label="Categories">
            <button type="button" class="gz-chip gz-chip-all" aria-pressed={none_selected.to_string()}
                aria-label={chip_label("All", props.all_count)} onclick={on_all}>
                { "All" }<span class="gz-count">{ props.all_count }</span>
            </button>
            { for props.categories.iter().map(|(c, swatch)| {
                let pressed = props.selected.contains(&c.name);
                let name = c.name.clone();
                let onclick = props.on_toggle.reform(move |_: MouseEvent| name.clone());
                let class = classes!(
                    "gz-chip",
                    (c.count == 0 && !pressed).then_some("gz-chip-empty")
                );
                html! {
                    <button type="button" {class} aria-pressed={pressed.to_string()}
                        aria-label={chip_label(&c.name, c.count)} {onclick}>
                        <span class={format!("gz-dot gz-swatch-{}", swatch)} aria-hidden="true"></span>
                        { c.name.clone() }<span class="gz-count">{ c.count }</span>
                    </button>
                }
            }) }
        </div>
    }
}
