use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelledSelectProps {
    /// The element id, unique on the page.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// `(key, label)` of each choice.
    pub options: Vec<(&'static str, &'static str)>,
    /// The key of the current choice.
    pub value: &'static str,
    /// Called with the key of the new choice.
    pub on_change: Callback<String>,
}

/// A `<select>` with its `<label>`: the date window and the order.
#[function_component]
pub fn LabelledSelect(props: &LabelledSelectProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    // Once the reader has picked an option, the browser no longer follows the `selected`
    // attributes: the choice is set on the element itself (after Back, for one).
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.value, move |value| {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                if s.value() != *value {
                    s.set_value(value);
                }
            }
        });
    }
    html! {
        <div class="gz-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange} ref={select}>
                { for props.options.iter().map(|(key, label)| html! {
                    <option value={*key} selected={*key == props.value}>{ *label }</option>
                }) }
            </select>
        </div>
    }
}
