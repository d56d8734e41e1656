//! Reading a widget's configuration from its element's attributes: `<gazette-news src="…">`
//! (the custom element) or `<div data-gazette data-src="…">` (each name with `data-` before it).
//!
//! | attribute | meaning | default |
//! |---|---|---|
//! | `src` | address of the feed (RSS, Atom, JSON Feed), article set or archive manifest, relative to the page; several separated by spaces are merged | required |
//! | `src-param` | name of a query parameter of the page's address that may replace `src` (opt-in, for demo pages) | none |
//! | `heading` | the widget's heading | the feed's title |
//! | `page-size` | stories per page, 1 to 200 | 12 |
//! | `categories` | categories selected at first, separated by commas, in any case | all |
//! | `layout` | `grid`, `list`, `compact`, or `rail` (a narrow "More to Read" column) | `grid` |
//! | `theme` | `light`, `dark`, or `auto` (the reader's system setting) | `auto` |
//! | `controls` | which controls show: any of `search chips dates sort`, or `none` (naming none of them: all) | all |
//! | `locale` | the language of the dates (BCP 47, e.g. `fr-FR`; a malformed tag is ignored with a warning), and of the widget's own words when it speaks it (English, French, German, Spanish) | the page's language (the nearest `lang`); for dates in the reader's own form when the reader's language is the page's, and the reader's with no `lang`; for words English when it is not one of those |
//! | `link-target` | `_blank` opens publishers' pages in a new tab (as does `new-tab`) | same tab |
//! | `open` | where a card takes the reader: `auto` (the article view when the story has a body, else the publisher's page; with `related-to`, the publisher's page when there is one), `inside`, `link` | `auto` |
//! | `related` | stories in "More to Read", 0 to 24 | 4 |
//! | `related-to` | rail-only mode: just "More to Read" for the story with this id or address | none |
//! | `view-all` | in rail-only mode, the address of the full list, for "View All" | none |
//! | `max-mb` | largest document accepted, in megabytes (1 to 512) | 200 |
//! | `search-key` | the key that takes the reader to the search box when the focus is in the widget or on no element of the page: one character, or `none` (or `off`) | `/` |
//! | `loading` | `eager` starts the widget at once (read by `static/embed.js`, not here) | when seen |
//! | `url-key` | prefix of this widget's parameters in the page address (`gz` → `gz.q=…`); `off` keeps the view out of the address | for `<gazette-news>`, the element's `id` if it has one (see `starting_props`), else `gz`, then `gz2`, `gz3`… in page order, skipping one another widget holds or names |

use crate::app::{
    AppProps, DEFAULT_MAX_MB, DEFAULT_PAGE_SIZE, DEFAULT_RELATED, DEFAULT_SEARCH_KEY,
};
use crate::browser;
use crate::components::story_card::OpenMode;
use crate::embed::{Controls, Layout, Remote, Theme};
use crate::services::{self, FetchFuture, Fetcher};
use gazette_core::words::Words;
use yew::AttrValue;

/// The key a `search-key` attribute names: one character (`/`, `s`), or `none` for no key.
/// Anything else keeps the default, with a console warning.
fn search_key(value: Option<String>) -> Option<AttrValue> {
    let default = Some(AttrValue::Static(DEFAULT_SEARCH_KEY));
    match value {
        None => default,
        Some(v) if v.eq_ignore_ascii_case("none") || v.eq_ignore_ascii_case("off") => None,
        Some(v) if v.chars().count() == 1 => Some(AttrValue::from(v)),
        Some(v) => {
            browser::warn(&format!(
                "Gazette: search-key takes one character, or none; \"{v}\" was ignored and \"{DEFAULT_SEARCH_KEY}\" is used"
            ));
            default
        }
    }
}

/// An attribute's value read by `parse`. One it cannot read keeps the default, with a console
/// warning that says what the attribute takes (a site owner's typo, `layout="lsit"`, shows).
fn read<T>(
    name: &str,
    value: Option<String>,
    takes: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let v = value.filter(|v| !v.is_empty())?;
    let parsed = parse(&v);
    if parsed.is_none() {
        browser::warn(&format!(
            "Gazette: {name} takes {takes}; \"{v}\" was ignored"
        ));
    }
    parsed
}

/// A whole number attribute within `range`: one outside it is brought inside, and one that is
/// no whole number keeps `default`, each with a console warning.
fn number(
    name: &str,
    value: Option<String>,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> usize {
    let (lo, hi) = (*range.start(), *range.end());
    let takes = format!("a whole number from {lo} to {hi}");
    let Some(n) = read(name, value, &takes, |v| v.parse::<i64>().ok()) else {
        return default;
    };
    let kept = n.clamp(lo as i64, hi as i64) as usize;
    if kept as i64 != n {
        browser::warn(&format!(
            "Gazette: {name} takes {takes}; {n} was read as {kept}"
        ));
    }
    kept
}

/// The `controls` attribute, with a console warning for any word it does not know.
fn controls(value: Option<String>) -> Controls {
    let Some(v) = value else {
        return Controls::default();
    };
    let known = ["search", "chips", "dates", "sort", "none"];
    let unknown: Vec<&str> = v
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty() && !known.iter().any(|k| w.eq_ignore_ascii_case(k)))
        .collect();
    if !unknown.is_empty() {
        browser::warn(&format!(
            "Gazette: controls takes any of search, chips, dates and sort, or none; \"{}\" was ignored",
            unknown.join(" ")
        ));
    }
    Controls::from_list(&v)
}

/// True when `el` names its address prefix itself (`url-key`, or `data-url-key`).
pub fn names_url_key(el: &web_sys::Element) -> bool {
    ["url-key", "data-url-key"]
        .iter()
        .any(|a| el.get_attribute(a).is_some_and(|k| !k.trim().is_empty()))
}

/// The props of a widget starting on `el`, with its address prefix claimed: the one `el` names,
/// else (`by_id`, for `<gazette-news>`) its `id`, else one by its place among the page's
/// widgets (so that it does not depend on which widget happened to start first).
pub fn starting_props(el: &web_sys::Element, remote: Remote, by_id: bool) -> AppProps {
    let n = browser::widget_position(el);
    let mut props = props_for(el, n, remote);
    let named = names_url_key(el);
    let id = el.id();
    let by_id = by_id && !named && !id.is_empty();
    if by_id {
        props.url_key = Some(id.into());
    }
    let by_default = !named && !by_id;
    props.url_key = props
        .url_key
        .map(|k| browser::claim_url_key(&k, by_default).into());
    props
}

/// The value of `el`'s attribute `name`, or of `data-name`, trimmed.
fn attribute(el: &web_sys::Element, name: &str) -> Option<String> {
    el.get_attribute(name)
        .or_else(|| el.get_attribute(&format!("data-{name}")))
        .map(|v| v.trim().to_string())
}

/// The language tags that choose the languages of the widget `el` configures: its `locale`
/// (canonical; a malformed one counts as none) and its page's (the nearest `lang`).
fn languages(el: &web_sys::Element) -> (Option<String>, String) {
    let locale = attribute(el, "locale").and_then(|l| browser::language_tag(&l));
    (locale, browser::page_language(el))
}

/// The widget speaks its locale's language, else the page's (English when it speaks neither).
fn words_of(locale: Option<&str>, page: &str) -> &'static Words {
    Words::for_tag(locale.unwrap_or(page))
}

/// The words of the widget `el` configures (also for its message when the program stops).
pub fn words_for(el: &web_sys::Element) -> &'static Words {
    let (locale, page) = languages(el);
    words_of(locale.as_deref(), &page)
}

/// The props for the widget configured by `el`'s attributes, the `n`-th widget of the page
/// (from 0), sending its events from `el`. A value it cannot read is warned of once per element.
pub fn props_for(el: &web_sys::Element, n: usize, remote: Remote) -> AppProps {
    browser::warn_once_for(el, || read_props(el, n, remote))
}

fn read_props(el: &web_sys::Element, n: usize, remote: Remote) -> AppProps {
    let attr = |name: &str| attribute(el, name);
    let from_page = attr("src-param")
        .filter(|p| !p.is_empty())
        .and_then(|p| browser::page_query_param(&p))
        .filter(|s| !s.trim().is_empty());
    let (locale, page) = languages(el);
    let target = read(
        "link-target",
        attr("link-target"),
        "_blank or _self",
        |v| match v.to_ascii_lowercase().as_str() {
            "_blank" => Some(true),
            "_self" => Some(false),
            _ => None,
        },
    );
    let new_tab = attr("new-tab").is_some_and(|v| v != "false") || target == Some(true);
    let src = from_page.or_else(|| attr("src")).unwrap_or_default();
    // The requests the loader sent while the code was on its way are taken up; any for another
    // address (the source changed meanwhile) are given up.
    let wanted = services::source_urls(&src);
    let early: Vec<(String, FetchFuture)> = browser::take_early(el)
        .into_iter()
        .filter(|(url, _)| wanted.contains(url))
        .map(|(url, answer)| (url, Box::pin(answer) as FetchFuture))
        .collect();
    AppProps {
        src: AttrValue::from(src),
        heading: attr("heading")
            .filter(|h| !h.is_empty())
            .map(AttrValue::from),
        new_tab,
        page_size: number("page-size", attr("page-size"), DEFAULT_PAGE_SIZE, 1..=200),
        url_key: match attr("url-key").filter(|k| !k.is_empty()) {
            Some(k) if k == "off" => None,
            Some(k) => Some(AttrValue::from(k)),
            None if n == 0 => Some(AttrValue::from("gz")),
            None => Some(AttrValue::from(format!("gz{}", n + 1))),
        },
        open: read(
            "open",
            attr("open"),
            "auto, inside or link",
            OpenMode::from_key,
        )
        .unwrap_or_default(),
        related: number("related", attr("related"), DEFAULT_RELATED, 0..=24),
        related_to: attr("related-to")
            .filter(|v| !v.is_empty())
            .map(AttrValue::from),
        view_all: attr("view-all")
            .filter(|v| !v.is_empty())
            .map(AttrValue::from),
        layout: read(
            "layout",
            attr("layout"),
            "grid, list, compact or rail",
            Layout::from_key,
        )
        .unwrap_or_default(),
        theme: read(
            "theme",
            attr("theme"),
            "auto, light or dark",
            Theme::from_key,
        )
        .unwrap_or_default(),
        controls: controls(attr("controls")),
        categories: attr("categories")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(|c| AttrValue::from(c.to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        // Dates are in the locale's language, else the page's (in the reader's own form when
        // the reader's language is the page's: en-GB on an English page), else the reader's.
        locale: AttrValue::from(
            locale
                .clone()
                .or_else(|| browser::dates_for_page(&page))
                .unwrap_or_default(),
        ),
        words: words_of(locale.as_deref(), &page),
        host: Some(el.clone()),
        remote,
        max_mb: number("max-mb", attr("max-mb"), DEFAULT_MAX_MB, 1..=512),
        search_key: search_key(attr("search-key")),
        fetcher: Fetcher::browser().answering_first(early),
    }
}
