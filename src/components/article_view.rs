use super::byline::byline;
use super::dateline::dateline;
use super::rich_text::rich_text;
use super::story_card::Opener;
use super::{use_failed_picture, use_locale, FeedText, StoryCard};
use crate::browser;
use gazette_core::html::{sanitize, shows_picture, text_blocks, text_of};
use gazette_core::words::fill;
use gazette_core::{Catalog, Timestamp};
use std::rc::Rc;
use yew::prelude::*;

/// Words read per minute, for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 230;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The loaded set.
    pub catalog: Rc<Catalog>,
    /// The open story.
    pub index: usize,
    /// Its "More to Read" stories.
    pub related: Rc<Vec<usize>>,
    /// The moment relative dates count from.
    pub now: Timestamp,
    /// Open the publisher's page in a new tab.
    #[prop_or_default]
    pub new_tab: bool,
    /// How the related cards open their stories.
    pub opener: Opener,
    /// The address of the list view (for "View All" as a link).
    pub list_href: AttrValue,
    /// The reader closed the view (Esc, "View All", "Back to all stories").
    pub on_close: Callback<()>,
    /// Ids for the headline and the rail heading.
    pub id_prefix: AttrValue,
    /// The headline, which takes focus when the view opens.
    pub heading_ref: NodeRef,
    /// Read out after "More to Read" (" (2)"), so that no other landmark on the page has
    /// the rail's name.
    #[prop_or_default]
    pub rail_suffix: AttrValue,
}

/// The article view: headline, category, date and authors, the hero picture with its credit,
/// the body (sanitised HTML, or text in paragraphs and sections), tags, reading time, a link to the original,
/// and "More to Read" with "View All".
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let locale = use_locale();
    let w = locale.words;
    // Esc closes the story from the page too, with the focus on no element (after a reload
    // onto it): the latest `on_close`, while the story shows.
    let close = use_mut_ref(|| props.on_close.clone());
    *close.borrow_mut() = props.on_close.clone();
    use_effect_with((), move |_| {
        let escape = browser::on_page_escape(Rc::new(move || close.borrow().emit(())));
        move || drop(escape)
    });
    let hero = props
        .catalog
        .articles()
        .get(props.index)
        .and_then(|a| a.image.as_ref());
    let (hero_failed, onerror) = use_failed_picture(hero.map(|i| i.url.clone()));
    let body = use_memo((props.catalog.clone(), props.index), |(catalog, index)| {
        let a = &catalog.articles()[*index];
        match (&a.content_html, &a.content_text) {
            (Some(h), _) => {
                let nodes = sanitize(h, a.url.as_deref());
                let words = text_of(&nodes).split_whitespace().count();
                // A hero picture the body shows too (feeds often take it from there) is shown once.
                let repeated = a
                    .image
                    .as_ref()
                    .is_some_and(|i| shows_picture(&nodes, &i.url));
                let (html, cut) = rich_text(&nodes, 2);
                (html, words, repeated, cut)
            }
            (None, Some(t)) => {
                let nodes = text_blocks(t);
                let words = text_of(&nodes).split_whitespace().count();
                let (html, cut) = rich_text(&nodes, 2);
                (html, words, false, cut)
            }
            (None, None) => (
                a.summary
                    .as_ref()
                    .map(|s| html! { <p>{ s.clone() }</p> })
                    .unwrap_or_default(),
                0,
                false,
                false,
            ),
        }
    });
    let body_ref = use_node_ref();
    {
        let body_ref = body_ref.clone();
        use_effect_with((props.catalog.clone(), props.index), move |_| {
            let watch = body_ref
                .cast::<web_sys::Element>()
                .and_then(|body| browser::leave_out_failed_pictures(&body));
            move || drop(watch)
        });
    }
    let Some(a) = props.catalog.articles().get(props.index) else {
        return Html::default();
    };
    let text = FeedText::of(a.language.as_deref());
    let (body_html, words, hero_in_body, cut) = (*body).clone();
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    let swatch = props.catalog.swatch_of_story(props.index);
    let title_id = format!("{}-story-title", props.id_prefix);
    let rail_id = format!("{}-rail-title", props.id_prefix);
    let close = |e: MouseEvent| e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key());
    let on_link_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: MouseEvent| {
            if close(e.clone()) {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    // A link out of the widget, named by the host it leads to.
    let link_out = |url: &String, words: &'static str| {
        let host = url
            .split("//")
            .nth(1)
            .and_then(|r| r.split(['/', '?', '#']).next())
            .unwrap_or(url)
            .trim_start_matches("www.")
            .to_string();
        if props.new_tab {
            html! {
                <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                    { fill(words, &[&host]) }
                    <span class="gz-visually-hidden">{ w.new_tab }</span>
                </a>
            }
        } else {
            html! { <a href={url.clone()} rel="noopener noreferrer">{ fill(words, &[&host]) }</a> }
        }
    };
    // A link blog's post: the article it is about first, then the post's own page.
    let linked = a
        .external_url
        .as_ref()
        .map(|url| link_out(url, w.read_linked));
    let original = a.url.as_ref().map(|url| link_out(url, w.read_original));
    html! {
        // Focusable from script and pointer only: a click in its text keeps the focus in it (not
        // on the page), so Esc still closes it.
        <article class="gz-article" part="article" aria-labelledby={title_id.clone()} tabindex="-1" {onkeydown}>
            <p class="gz-back"><a href={props.list_href.clone()} onclick={on_link_close.clone()}>{ w.back_to_all }</a></p>
            <header class="gz-article-head">
                <p class="gz-meta">
                    { dateline(a, &text, swatch, props.now, &locale) }
                    if words > 0 {
                        <span class="gz-when">
                            <span class="gz-sep" aria-hidden="true">{ "·" }</span>
                            <span class="gz-reading-time">{ w.count(&w.min_read, minutes, &[]) }</span>
                        </span>
                    }
                </p>
                <h3 class="gz-article-title" id={title_id} tabindex="-1" ref={props.heading_ref.clone()} lang={text.lang.clone()} dir={text.dir.clone()}>{ a.title.clone() }</h3>
                if !a.authors.is_empty() {
                    { byline(&a.authors, &text, w, None) }
                }
            </header>
            if let Some(img) = a.image.as_ref().filter(|_| !hero_in_body) {
                <figure class="gz-hero" hidden={hero_failed} lang={text.lang.clone()} dir={text.dir.clone()}>
                    <img src={img.url.clone()} alt={img.alt.clone()} decoding="async" width="1280" height="720" {onerror} />
                    if let Some(credit) = &img.credit {
                        <figcaption class="gz-hero-credit">{ credit.clone() }</figcaption>
                    }
                </figure>
            }
            <div class="gz-article-body" ref={body_ref} lang={text.lang.clone()} dir={text.dir.clone()}>{ body_html }</div>
            if cut {
                <p class="gz-cut">{ w.story_cut }</p>
            }
            if !a.tags.is_empty() {
                <ul class="gz-tags" aria-label={w.tags} lang={text.lang.clone()} dir={text.dir.clone()}>
                    { for a.tags.iter().map(|t| html! { <li class="gz-tag" dir={text.item_dir()}>{ t.clone() }</li> }) }
                </ul>
            }
            if let Some(link) = linked {
                <p class="gz-original">{ link }</p>
            }
            if let Some(link) = original {
                <p class="gz-original">{ link }</p>
            }
            if props.related.is_empty() {
                <p class="gz-view-all"><a class="gz-button" part="button" href={props.list_href.clone()} onclick={on_link_close}>{ w.view_all }</a></p>
            } else {
                <section class="gz-rail" aria-labelledby={rail_id.clone()}>
                    // The headline's sibling (its sections are h4 and below), its cards under it.
                    <h3 class="gz-rail-title" id={rail_id}>
                        { w.more_to_read }
                        if !props.rail_suffix.is_empty() {
                            <span class="gz-visually-hidden">{ props.rail_suffix.clone() }</span>
                        }
                    </h3>
                    <ul class="gz-list gz-rail-list" role="list">
                        { for props.related.iter().map(|&index| html! {
                            <li key={props.catalog.articles()[index].id.as_str()}>
                                <StoryCard catalog={props.catalog.clone()} {index} now={props.now} new_tab={props.new_tab} opener={props.opener.clone()} level={4} />
                            </li>
                        }) }
                    </ul>
                    <p class="gz-view-all"><a class="gz-button" part="button" href={props.list_href.clone()} onclick={on_link_close}>{ w.view_all }</a></p>
                </section>
            }
        </article>
    }
}
