use super::use_locale;
use crate::browser;
use gazette_core::search::query::MAX_QUERY_CHARS;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The element id, unique on the page.
    pub id: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every change.
    pub on_input: Callback<String>,
    /// The input element, for the search key.
    #[prop_or_default]
    pub input_ref: NodeRef,
    /// The key that takes the reader here ("/"), if any, for assistive technologies.
    #[prop_or_default]
    pub shortcut: Option<AttrValue>,
}

/// The labelled search field. Typing filters as you go; Escape clears it (the browser's own
/// behaviour for `type="search"`, made explicit so that every browser does it); on a touch
/// screen, Enter puts the on-screen keyboard away.
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let onkeydown = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            // On a touch screen, "Search" on the on-screen keyboard puts the keyboard away, so
            // that the stories found are in sight (they came as the reader typed).
            if e.key() == "Enter" && browser::touch_screen() {
                let input: web_sys::HtmlElement = e.target_unchecked_into();
                let _ = input.blur();
            }
            if e.key() == "Escape" {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                if !input.value().is_empty() {
                    e.prevent_default();
                    input.set_value("");
                    on_input.emit(String::new());
                }
            }
        })
    };
    let w = use_locale().words;
    // (ARIA names the "+" key "Plus".)
    let shortcut = props.shortcut.clone().map(|k| {
        if k == "+" {
            AttrValue::Static("Plus")
        } else {
            k
        }
    });
    html! {
        <div class="gz-field gz-search">
            <label for={props.id.clone()}>{ w.search_label }</label>
            <input
                id={props.id.clone()}
                ref={props.input_ref.clone()}
                type="search"
                part="search"
                enterkeyhint="search"
                aria-keyshortcuts={shortcut}
                autocomplete="off"
                spellcheck="false"
                maxlength={MAX_QUERY_CHARS.to_string()}
                // A query in Arabic or Hebrew runs right to left as it is typed.
                dir="auto"
                placeholder={w.search_placeholder}
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
        </div>
    }
}
