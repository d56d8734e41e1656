use super::use_locale;
use gazette_core::address::{day_end, day_start, day_string, last_day_string};
use gazette_core::Timestamp;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateRangeProps {
    /// Prefix for element ids, unique on the page.
    pub id: AttrValue,
    /// First day shown (its midnight written in UTC, on the catalog's calendar).
    pub from: Option<Timestamp>,
    /// The day after the last day shown.
    pub until: Option<Timestamp>,
    /// The first day changed.
    pub on_from: Callback<Option<Timestamp>>,
    /// The end changed (the day after the chosen last day).
    pub on_until: Callback<Option<Timestamp>>,
}

/// Two labelled date fields for a custom range of whole days, both included.
#[function_component]
pub fn DateRange(props: &DateRangeProps) -> Html {
    // While a year is typed digit by digit the field already holds a whole date, of the year
    // 0002, then 0020, 0202: those are not the reader's day yet, and change nothing.
    let read = |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        let typing = value
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| y < 1000);
        (!typing).then_some(value)
    };
    // `moment`: the day's start, or (for the range's end) the next midnight.
    let on_day = |emit: &Callback<Option<Timestamp>>, moment: fn(&str) -> Option<Timestamp>| {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(day) = read(e) {
                emit.emit(moment(&day));
            }
        })
    };
    let on_from = on_day(&props.on_from, day_start);
    let on_until = on_day(&props.on_until, day_end);
    let from_id = format!("{}-from", props.id);
    let to_id = format!("{}-to", props.id);
    let note_id = format!("{}-note", props.id);
    let w = use_locale().words;
    let reversed = props
        .from
        .zip(props.until)
        .is_some_and(|(from, until)| from >= until);
    let invalid = reversed.then_some("true");
    html! {
        <fieldset class="gz-facet gz-range">
            <legend>{ w.published_between }</legend>
            <div class="gz-range-fields">
                <div class="gz-field">
                    <label for={from_id.clone()}>{ w.from }</label>
                    <input id={from_id} type="date" aria-describedby={note_id.clone()} aria-invalid={invalid} value={props.from.map(day_string).unwrap_or_default()} onchange={on_from} />
                </div>
                <div class="gz-field">
                    <label for={to_id.clone()}>{ w.to }</label>
                    <input id={to_id} type="date" aria-describedby={note_id.clone()} aria-invalid={invalid} value={props.until.map(last_day_string).unwrap_or_default()} onchange={on_until} />
                </div>
            </div>
            // Always in the page, so that the note is announced when it appears.
            <p class="gz-facet-note" id={note_id.clone()} aria-live="polite">{
                if reversed { w.days_reversed } else { "" }
            }</p>
        </fieldset>
    }
}
