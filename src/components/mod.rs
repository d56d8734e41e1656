//! Thin components: each renders its props and reports what the reader did through callbacks.
//! The story's state lives in `state.rs`; what a component keeps is only how it shows that
//! state (the list's cards waiting a frame, the live region's pause, the chips' Tab stop), and
//! it reaches the browser only through `browser`.

pub mod article_view;
pub mod byline;
pub mod category_chips;
pub mod date_range;
pub mod dateline;
pub mod empty_state;
pub mod error_panel;
pub mod facet_group;
pub mod highlighted;
pub mod labelled_select;
pub mod result_status;
pub mod rich_text;
pub mod search_box;
pub mod story_card;
pub mod story_list;

use crate::embed::Locale;
use yew::{hook, use_context, use_state, AttrValue, Callback, Event};

/// Whether the picture at `url` failed to load (a dead link, a host that refuses others' pages),
/// and the `onerror` that says so: such a picture is hidden, not shown as a broken frame.
#[hook]
pub fn use_failed_picture(url: Option<String>) -> (bool, Callback<Event>) {
    let failed = use_state(|| None::<String>);
    let is_failed = url.is_some() && *failed == url;
    let onerror = Callback::from(move |_: Event| failed.set(url.clone()));
    (is_failed, onerror)
}

/// The widget's languages: its dates' locale and its own words.
#[hook]
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The `lang` and `dir` of a feed's own words (a headline, an excerpt, a story's body, its tags
/// and category, the feed's title): the language the feed names, written in that language's
/// direction (Arabic and Hebrew right to left), or, with no language named, an unknown language
/// (`lang=""`, not the widget's English) in the direction the browser reads from the text itself
/// (`dir="auto"`). The widget's own words are in its language, left to right, whatever the
/// page's direction (the default: neither attribute).
#[derive(Clone, Default, PartialEq)]
pub struct FeedText {
    pub lang: Option<AttrValue>,
    pub dir: Option<AttrValue>,
}

impl FeedText {
    pub fn of(language: Option<&str>) -> Self {
        let language = language.map(str::trim).filter(|l| !l.is_empty());
        let dir = match language {
            Some(l) if gazette_core::lang::is_right_to_left(l) => "rtl",
            Some(_) => "ltr",
            None => "auto",
        };
        FeedText {
            lang: Some(AttrValue::from(language.unwrap_or_default().to_string())),
            dir: Some(AttrValue::Static(dir)),
        }
    }

    /// The `dir` of each item in a list of such words (tags): `auto` again when the language is
    /// unknown, so that each item finds its own direction, not the first item's.
    pub fn item_dir(&self) -> Option<AttrValue> {
        self.dir.clone().filter(|d| d == "auto")
    }
}

/// A category's name as shown: the feed's own, or, for stories that had none, the widget's
/// word for "Other" (see `load::FALLBACK_CATEGORY`).
pub fn category_name<'a>(name: &'a str, w: &'static gazette_core::words::Words) -> &'a str {
    if name == gazette_core::load::FALLBACK_CATEGORY {
        w.other
    } else {
        name
    }
}

/// `template` (see `words::fill`) as nodes, each place filled with its text and, when it is in
/// another language than the widget's words (an English diagnosis in a French notice), marked
/// with that language.
pub fn fill_marked(template: &str, args: &[(&str, Option<&'static str>)]) -> yew::Html {
    use gazette_core::words::{pieces, Piece};
    use yew::html;
    pieces(template)
        .map(|piece| match piece {
            Piece::Text(t) => html! { { t.to_string() } },
            Piece::Place(i) => match args.get(i) {
                Some((text, Some(lang))) => {
                    html! { <span lang={*lang}>{ text.to_string() }</span> }
                }
                Some((text, None)) => html! { { text.to_string() } },
                None => html! { { format!("{{{i}}}") } },
            },
        })
        .collect()
}

pub use article_view::ArticleView;
pub use category_chips::CategoryChips;
pub use date_range::DateRange;
pub use empty_state::EmptyState;
pub use error_panel::ErrorPanel;
pub use facet_group::FacetGroup;
pub use labelled_select::LabelledSelect;
pub use result_status::ResultStatus;
pub use search_box::SearchBox;
pub use story_card::StoryCard;
pub use story_list::StoryList;
