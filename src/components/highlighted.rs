use yew::prelude::*;

/// `text` with the byte ranges `marks` wrapped in `<mark>`, built as nodes (never as HTML).
pub fn highlighted(text: &str, marks: &[(usize, usize)]) -> Html {
    if marks.is_empty() {
        return html! { { text.to_string() } };
    }
    let mut parts: Vec<Html> = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for &(s, e) in marks {
        let (s, e) = (s.min(text.len()), e.min(text.len()));
        if s < at || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            parts.push(html! { { text[at..s].to_string() } });
        }
        parts.push(html! { <mark>{ text[s..e].to_string() }</mark> });
        at = e;
    }
    if at < text.len() {
        parts.push(html! { { text[at..].to_string() } });
    }
    parts.into_iter().collect::<Html>()
}
