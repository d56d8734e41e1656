use super::byline::byline;
use super::dateline::dateline;
use super::highlighted::highlighted;
use super::{use_failed_picture, use_locale, FeedText};
use crate::browser;
use gazette_core::search::highlight;
use gazette_core::text::{excerpt_around, teaser};
use gazette_core::{address, Article, Catalog, Query, Timestamp};
use std::rc::Rc;
use yew::prelude::*;

/// Where activating a story card takes the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenMode {
    /// The article view when the story has a body, else the publisher's page.
    #[default]
    Auto,
    /// Always the article view.
    Inside,
    /// Always the publisher's page.
    Link,
}

impl OpenMode {
    /// The mode an attribute value names (`auto`, `inside`, `link`); `None` for anything else.
    pub fn from_key(key: &str) -> Option<Self> {
        match key.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(OpenMode::Auto),
            "inside" => Some(OpenMode::Inside),
            "link" => Some(OpenMode::Link),
            _ => None,
        }
    }
}

/// How cards open stories inside the widget: the mode, what to call, and how to write a link
/// to the open story (the page's address with this widget's view and `story=id`).
#[derive(Clone, Default, PartialEq)]
pub struct Opener {
    /// Where activating a card goes.
    pub mode: OpenMode,
    /// Opens story number `n` in the article view.
    pub on_open: Callback<usize>,
    /// The page address of an open story, around its id (see [`StoryLink`]); `None` when the
    /// view is not kept in the address.
    pub link: Option<Rc<StoryLink>>,
}

/// The address of the page with a story open in this widget, cut where the story's id goes:
/// worked out once per view, so that a card's link costs no call into the browser.
#[derive(Debug, PartialEq)]
pub struct StoryLink {
    before: String,
    after: String,
}

impl StoryLink {
    /// The address of the page with this widget's view `params` and a story open; `None`
    /// outside a browser.
    pub fn new(url_key: &str, params: &[(&'static str, String)]) -> Option<Self> {
        // A value that form encoding leaves as it is, and that no real address holds.
        const SLOT: &str = "gazette0story0slot0";
        let mut params = params.to_vec();
        params.push(("story", SLOT.to_string()));
        let (url, _) = browser::page_url_with(url_key, &params)?;
        let (before, after) = url.split_once(SLOT)?;
        Some(StoryLink {
            before: before.to_string(),
            after: after.to_string(),
        })
    }

    /// The address with story `id` open.
    pub fn to(&self, id: &str) -> String {
        format!("{}{}{}", self.before, address::form_encode(id), self.after)
    }
}

impl Opener {
    /// True when story `a` opens in the article view.
    pub fn inside(&self, a: &Article) -> bool {
        match self.mode {
            OpenMode::Inside => true,
            OpenMode::Link => a.url.is_none() && a.has_body(),
            OpenMode::Auto => a.has_body(),
        }
    }

    /// The address of the page showing story `a` open in this widget.
    pub fn href(&self, a: &Article) -> AttrValue {
        match &self.link {
            Some(link) => AttrValue::from(link.to(&a.id)),
            None => AttrValue::from(a.url.clone().unwrap_or_else(|| "#".into())),
        }
    }
}

/// Excerpts on cards are cut at a word boundary after this many characters.
pub const EXCERPT_CHARS: usize = gazette_core::text::CARD_EXCERPT_CHARS;

#[derive(Properties, PartialEq)]
pub struct StoryCardProps {
    /// The loaded set (compared by identity, so cards re-render only when it changes).
    #[prop_or_default]
    pub catalog: Rc<Catalog>,
    /// Which story.
    pub index: usize,
    /// The moment the relative date counts from.
    pub now: Timestamp,
    /// The query whose matches are marked.
    #[prop_or_default]
    pub query: Rc<Query>,
    /// Open the publisher's page in a new tab.
    #[prop_or_default]
    pub new_tab: bool,
    /// How the card opens its story.
    #[prop_or_default]
    pub opener: Opener,
    /// The level of the headline (3 in the list; 4 in "More to Read", under its h3).
    #[prop_or(3)]
    pub level: u8,
}

/// One story: category and date badges, headline (a link when the story has a safe address),
/// excerpt, authors, tags, and a lazily loaded picture in a fixed-ratio box. Words that match
/// the query are marked in the headline, the excerpt, the authors and the tags, and the excerpt
/// is taken around the first match when that lies deep in a long summary.
#[function_component]
pub fn StoryCard(props: &StoryCardProps) -> Html {
    let locale = use_locale();
    let w = locale.words;
    let story = props.catalog.articles().get(props.index);
    let (picture_failed, onerror) =
        use_failed_picture(story.and_then(|a| a.image.as_ref()).map(|i| i.url.clone()));
    let Some(a) = story else {
        return Html::default();
    };
    let swatch = props.catalog.swatch_of_story(props.index);
    let text = FeedText::of(a.language.as_deref());
    let title = highlighted(&a.title, &highlight(&a.title, &props.query));
    let inside = props.opener.inside(a);
    let headline = if inside {
        let (on_open, index) = (props.opener.on_open.clone(), props.index);
        let onclick = Callback::from(move |e: MouseEvent| {
            // With a modifier key or another button the browser opens the link (the story in
            // this widget) in a new tab or window, as with any link.
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_open.emit(index);
            }
        });
        html! { <a href={props.opener.href(a)} {onclick}>{ title }</a> }
    } else {
        // A story that leaves the widget for the publisher's page says so, to the eye (an
        // arrow) and to screen readers, unlike one that opens here.
        let out = |words: &'static str| {
            html! {
                <span class="gz-out">
                    <span aria-hidden="true">{ "\u{2197}" }</span>
                    <span class="gz-visually-hidden" lang={w.lang}>{ words }</span>
                </span>
            }
        };
        match &a.url {
            Some(url) if props.new_tab => html! {
                <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                    { title }{ out(w.new_tab) }
                </a>
            },
            Some(url) => html! { <a href={url.clone()}>{ title }{ out(w.elsewhere) }</a> },
            None => title,
        }
    };
    let excerpt_html = a.summary.as_deref().map(|summary| {
        let text = match highlight(summary, &props.query).first() {
            Some(&(start, _)) => excerpt_around(summary, start, EXCERPT_CHARS),
            None => teaser(summary, EXCERPT_CHARS),
        };
        highlighted(&text, &highlight(&text, &props.query))
    });
    html! {
        // (A card that opens its story here leaves its tags to the story on a phone.)
        <article class={classes!("gz-card", inside.then_some("gz-opens-here"))} part="card" data-story={props.index.to_string()}>
            <div class="gz-card-body">
                <p class="gz-meta">
                    { dateline(a, &text, swatch, props.now, &locale) }
                </p>
                <@{format!("h{}", props.level.clamp(2, 6))} class="gz-headline" part="headline" lang={text.lang.clone()} dir={text.dir.clone()}>{ headline }</@>
                if let Some(ex) = excerpt_html {
                    <p class="gz-excerpt" part="excerpt" lang={text.lang.clone()} dir={text.dir.clone()}>{ ex }</p>
                }
                if !a.authors.is_empty() {
                    { byline(&a.authors, &text, w, Some(&props.query)) }
                }
                if !a.tags.is_empty() {
                    <ul class="gz-tags" aria-label={w.tags} lang={text.lang.clone()} dir={text.dir.clone()}>
                        { for a.tags.iter().map(|t| html! { <li class="gz-tag" dir={text.item_dir()}>{ highlighted(t, &highlight(t, &props.query)) }</li> }) }
                    </ul>
                }
            </div>
            if let Some(img) = &a.image {
                <figure class="gz-thumb" hidden={picture_failed} lang={text.lang.clone()} dir={text.dir.clone()}>
                    <img src={img.url.clone()} alt={img.alt.clone()} loading="lazy" decoding="async" width="640" height="360" {onerror} />
                    if let Some(credit) = &img.credit {
                        <figcaption class="gz-credit">{ credit.clone() }</figcaption>
                    }
                </figure>
            }
        </article>
    }
}
