use super::{category_name, FeedText};
use crate::browser;
use crate::embed::Locale;
use gazette_core::date::{relative, relative_day};
use gazette_core::{Article, Timestamp};
use yew::prelude::*;

/// How long ago (or ahead) `published` is from `now`, on the reader's calendar: a day without
/// a time is that day there, counted in days.
fn when(published: Timestamp, now: Timestamp) -> gazette_core::date::Relative {
    let now = browser::wall_clock(now);
    match published.is_day_only() {
        true => relative_day(published, now),
        false => relative(browser::wall_clock(published), now),
    }
}

/// The start of a story's meta line, on a card and in the article view: the category badge in
/// its swatch (in the story's language, `text`), then the date in the widget's locale (marked
/// with the language it comes out in) with its relative form (counted from `now`), or "Undated".
pub fn dateline(
    a: &Article,
    text: &FeedText,
    swatch: u32,
    now: Timestamp,
    locale: &Locale,
) -> Html {
    // Dates are written in the locale's language (the reader's own when none is set), the rest
    // of the widget in its own language. A date in a right-to-left language (Arabic, Hebrew,
    // Persian) runs in its own direction, found from its first letter or mark.
    let (locale, w) = (locale.dates.as_str(), locale.words);
    let lang = Some(AttrValue::from(browser::date_language(locale))).filter(|l| !l.is_empty());
    // A day without a time is written as that day (`2023-07-01`).
    let datetime = a.published.to_rfc3339();
    let datetime = match a.published.is_day_only() {
        true => datetime.split('T').next().unwrap_or_default().to_string(),
        false => datetime,
    };
    html! {
        <>
            <span class={format!("gz-badge gz-swatch-{swatch}")} part="badge" lang={text.lang.clone()} dir={text.dir.clone()}>{ category_name(&a.category, w).to_string() }</span>
            // The separator goes with the date, in the gap before it (see gazette.css), so that
            // no line starts or ends with it.
            <span class="gz-when">
                <span class="gz-sep" aria-hidden="true">{ "·" }</span>
                if a.published.is_undated() {
                    <span class="gz-date">{ w.undated }</span>
                } else {
                    <time class="gz-date" {datetime} title={browser::format_date_time(locale, a.published)} lang={lang.clone()} dir="auto">
                        { browser::format_date(locale, a.published) }
                    </time>
                }
            </span>
            if !a.published.is_undated() {
                <span class="gz-relative" {lang} dir="auto">{ browser::format_relative(locale, when(a.published, now)) }</span>
            }
        </>
    }
}
