use super::FeedText;
use gazette_core::CategoryCount;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The group's name ("Authors").
    pub legend: AttrValue,
    /// The values to offer, with their counts under the other filters.
    pub values: Rc<Vec<CategoryCount>>,
    /// The ticked values.
    pub selected: Rc<BTreeSet<String>>,
    /// A value was ticked or unticked.
    pub on_toggle: Callback<String>,
    /// Only the most frequent values are listed: more have matches.
    #[prop_or_default]
    pub partial: bool,
    /// The language and direction of the values, when they are the feed's words.
    #[prop_or_default]
    pub text: FeedText,
}

/// A group of checkboxes, one per value, with counts: several may be ticked (any matches).
#[function_component]
pub fn FacetGroup(props: &FacetGroupProps) -> Html {
    if props.values.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="gz-facet">
            <legend>{ props.legend.clone() }</legend>
            if props.partial {
                <p class="gz-facet-note">{ "The most frequent; search finds the others." }</p>
            }
            <ul role="list">
                { for props.values.iter().map(|v| {
                    let name = v.name.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| name.clone());
                    let checked = props.selected.contains(&v.name);
                    html! {
                        <li>
                            <label class={classes!("gz-check", (v.count == 0 && !checked).then_some("gz-chip-empty"))}>
                                <input type="checkbox" {checked} {onchange} />
                                <bdi lang={props.text.lang.clone()} dir={props.text.dir.clone()}>{ v.name.clone() }</bdi>
                                <span class="gz-count">
                                    <span class="gz-visually-hidden">{ ", " }</span>
                                    { v.count }
                                    <span class="gz-visually-hidden">{ if v.count == 1 { " story" } else { " stories" } }</span>
                                </span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
