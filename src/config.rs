//! Reading a widget's configuration from its element's `data-` attributes.
//!
//! | attribute | meaning | default |
//! |---|---|---|
//! | `data-src` | address of the feed (RSS, Atom, JSON Feed) or article set, relative to the page; several separated by spaces are merged | required |
//! | `data-max-mb` | largest document accepted, in megabytes (1 to 512) | 200 |
//! | `data-src-param` | name of a query parameter of the page's address that may replace `data-src` (opt-in, for demo pages) | none |
//! | `data-heading` | the widget's heading | the feed's title |
//! | `data-new-tab` | present: stories open in a new tab | absent |
//! | `data-page-size` | stories per page, 1 to 200 | 12 |
//! | `data-open` | where a card takes the reader: `auto` (the article view when the story has a body, else the publisher's page), `inside`, `link` | `auto` |
//! | `data-related` | stories in "More to Read", 0 to 24 | 4 |
//! | `data-related-to` | rail-only mode: show just "More to Read" for the story with this id or address | none |
//! | `data-view-all` | in rail-only mode, the address of the full list, for "View All" | none |
//! | `data-url-key` | prefix of this widget's parameters in the page address (`gz` → `gz.q=…`); `off` keeps the view out of the address | `gz`, then `gz2`, `gz3`… in page order |

use crate::app::{AppProps, DEFAULT_MAX_MB, DEFAULT_PAGE_SIZE, DEFAULT_RELATED};
use crate::browser;
use crate::components::story_card::OpenMode;
use crate::services::Fetcher;
use yew::AttrValue;

/// The props for the widget mounted on `el`, the `n`-th widget of the page (from 0).
pub fn props_for(el: &web_sys::Element, n: usize) -> AppProps {
    let attr = |name: &str| el.get_attribute(name).map(|v| v.trim().to_string());
    let from_page = attr("data-src-param")
        .filter(|p| !p.is_empty())
        .and_then(|p| browser::page_query_param(&p))
        .filter(|s| !s.trim().is_empty());
    AppProps {
        src: AttrValue::from(from_page.or_else(|| attr("data-src")).unwrap_or_default()),
        heading: attr("data-heading")
            .filter(|h| !h.is_empty())
            .map(AttrValue::from),
        new_tab: attr("data-new-tab").is_some_and(|v| v != "false"),
        page_size: attr("data-page-size")
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(DEFAULT_PAGE_SIZE, |n| n.clamp(1, 200)),
        url_key: match attr("data-url-key").filter(|k| !k.is_empty()) {
            Some(k) if k == "off" => None,
            Some(k) => Some(AttrValue::from(k)),
            None if n == 0 => Some(AttrValue::from("gz")),
            None => Some(AttrValue::from(format!("gz{}", n + 1))),
        },
        open: attr("data-open")
            .and_then(|v| OpenMode::from_key(&v))
            .unwrap_or_default(),
        related: attr("data-related")
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(DEFAULT_RELATED, |n| n.min(24)),
        related_to: attr("data-related-to")
            .filter(|v| !v.is_empty())
            .map(AttrValue::from),
        view_all: attr("data-view-all")
            .filter(|v| !v.is_empty())
            .map(AttrValue::from),
        max_mb: attr("data-max-mb")
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(DEFAULT_MAX_MB, |n| n.clamp(1, 512)),
        fetcher: Fetcher::browser(),
    }
}
