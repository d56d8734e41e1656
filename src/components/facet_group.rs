use super::{use_locale, FeedText};
use gazette_core::set::Set;
use gazette_core::CategoryCount;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The group's name ("Authors").
    pub legend: AttrValue,
    /// The values to offer, with their counts under the other filters.
    pub values: Rc<Vec<CategoryCount>>,
    /// The ticked values.
    pub selected: Rc<Set<String>>,
    /// A value was ticked or unticked.
    pub on_toggle: Callback<String>,
    /// Only the most frequent values are listed: more have matches.
    #[prop_or_default]
    pub partial: bool,
    /// The language and direction of the values, when they are the feed's words.
    #[prop_or_default]
    pub text: FeedText,
    /// A value shown under another name (the year facet's "Undated", in the widget's language).
    #[prop_or_default]
    pub rename: Option<(AttrValue, AttrValue)>,
}

/// A group of checkboxes, one per value, with counts: several may be ticked (any matches).
#[function_component]
pub fn FacetGroup(props: &FacetGroupProps) -> Html {
    let w = use_locale().words;
    if props.values.is_empty() {
        return Html::default();
    }
    let shown = |name: &str| match &props.rename {
        Some((from, to)) if from == name => to.clone(),
        _ => AttrValue::from(name.to_string()),
    };
    html! {
        <fieldset class="gz-facet">
            <legend>{ props.legend.clone() }</legend>
            if props.partial {
                <p class="gz-facet-note">{ w.most_frequent }</p>
            }
            <ul role="list">
                { for props.values.iter().map(|v| {
                    let name = v.name.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| name.clone());
                    let checked = props.selected.contains(&v.name);
                    // Its name is given whole, "2026, 3 stories": one built from the label's
                    // parts (flex items) gets stray spaces ("2026 , 3 stories").
                    let label = format!("{}, {}", shown(&v.name), w.stories(v.count));
                    html! {
                        <li>
                            <label class={classes!("gz-check", (v.count == 0 && !checked).then_some("gz-chip-empty"))}>
                                <input type="checkbox" aria-label={label} {checked} {onchange} />
                                <bdi lang={props.text.lang.clone()} dir={props.text.dir.clone()}>{ shown(&v.name) }</bdi>
                                <span class="gz-count" aria-hidden="true">{ w.number(v.count) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
