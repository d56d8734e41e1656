use super::highlighted::highlighted;
use crate::browser;
use gazette_core::date::relative;
use gazette_core::search::highlight;
use gazette_core::text::{excerpt, excerpt_around};
use gazette_core::{Catalog, Query, Timestamp};
use std::rc::Rc;
use yew::prelude::*;

/// Excerpts on cards are cut at a word boundary after this many characters.
pub const EXCERPT_CHARS: usize = 220;

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
    /// Open the story in a new tab.
    #[prop_or_default]
    pub new_tab: bool,
}

/// One story: category and date badges, headline (a link when the story has a safe address),
/// excerpt, authors, tags, and a lazily loaded picture in a fixed-ratio box. Words that match
/// the query are marked in the headline and the excerpt, and the excerpt is taken around the
/// first match when that lies deep in a long summary.
#[function_component]
pub fn StoryCard(props: &StoryCardProps) -> Html {
    let Some(a) = props.catalog.articles().get(props.index) else {
        return Html::default();
    };
    let swatch = props.catalog.swatch_of_story(props.index);
    let title = highlighted(&a.title, &highlight(&a.title, &props.query));
    let headline = match &a.url {
        Some(url) if props.new_tab => html! {
            <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                { title }<span class="gz-visually-hidden">{ " (opens in a new tab)" }</span>
            </a>
        },
        Some(url) => html! { <a href={url.clone()}>{ title }</a> },
        None => title,
    };
    let excerpt_html = a.summary.as_deref().map(|summary| {
        let text = match highlight(summary, &props.query).first() {
            Some(&(start, _)) => excerpt_around(summary, start, EXCERPT_CHARS),
            None => excerpt(summary, EXCERPT_CHARS),
        };
        highlighted(&text, &highlight(&text, &props.query))
    });
    html! {
        <article class="gz-card">
            <div class="gz-card-body">
                <p class="gz-meta">
                    <span class={format!("gz-badge gz-swatch-{swatch}")}>{ a.category.clone() }</span>
                    <span class="gz-sep" aria-hidden="true">{ "·" }</span>
                    <time class="gz-date" datetime={a.published.to_rfc3339()} title={browser::format_date_time(a.published)}>
                        { browser::format_date(a.published) }
                    </time>
                    <span class="gz-relative">{ browser::format_relative(relative(a.published, props.now)) }</span>
                </p>
                <h3 class="gz-headline">{ headline }</h3>
                if let Some(ex) = excerpt_html {
                    <p class="gz-excerpt">{ ex }</p>
                }
                if !a.authors.is_empty() {
                    <p class="gz-byline">{ "By " }{ browser::format_list(&a.authors) }</p>
                }
                if !a.tags.is_empty() {
                    <ul class="gz-tags" aria-label="Tags">
                        { for a.tags.iter().map(|t| html! { <li class="gz-tag">{ t.clone() }</li> }) }
                    </ul>
                }
            </div>
            if let Some(img) = &a.image {
                <figure class="gz-thumb">
                    <img src={img.url.clone()} alt={img.alt.clone()} loading="lazy" decoding="async" width="640" height="360" />
                    if let Some(credit) = &img.credit {
                        <figcaption class="gz-credit">{ credit.clone() }</figcaption>
                    }
                </figure>
            }
        </article>
    }
}
