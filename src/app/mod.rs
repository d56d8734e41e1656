//! The widget's root component: owns the state and wires its parts together. Each part is a
//! module of its own: `loading` (sources, archive parts, the clock), `history` (the page
//! address and Back and Forward), `host` (the host page's commands and events), `focus` (where
//! the focus goes as the view changes) and `view` (drawing the state).

mod focus;
mod history;
mod host;
mod loading;
mod view;

use crate::browser;
use crate::components::story_card::{OpenMode, Opener, StoryLink};
use crate::components::{ArticleView, FeedText, ResultStatus};
use crate::embed::{Controls, Layout, Locale, Remote, Theme};
use crate::names;
use crate::services::Fetcher;
use crate::state::{Action, Load, State};
use focus::Refs;
use gazette_core::address::{self, View};
use gazette_core::words::{Words, ENGLISH};
use gazette_core::Filter;
use std::rc::Rc;
use yew::prelude::*;

/// Stories per page, unless the element says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 12;
/// Largest document accepted, in megabytes, unless the element says otherwise.
pub const DEFAULT_MAX_MB: usize = 200;
/// The key that takes the reader to the search box, unless the page names another or none.
pub const DEFAULT_SEARCH_KEY: &str = "/";
/// Stories in "More to Read", unless the element says otherwise.
pub const DEFAULT_RELATED: usize = 4;

/// How a widget instance is configured (from its element's attributes, or `data-` ones on the
/// older `<div data-gazette>`; see `config.rs`).
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppProps {
    /// The address of the news (article set, archive, JSON Feed, RSS, Atom; several separated by
    /// spaces), relative to the page.
    pub src: AttrValue,
    /// The widget's heading; the feed's title when absent.
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    /// Open stories in a new tab.
    #[prop_or_default]
    pub new_tab: bool,
    /// Stories per page (1 to 200).
    #[prop_or(DEFAULT_PAGE_SIZE)]
    pub page_size: usize,
    /// The prefix of this widget's parameters in the page address (`gz` → `gz.q=…`); `None`
    /// keeps the view out of the address.
    #[prop_or_default]
    pub url_key: Option<AttrValue>,
    /// Where activating a card goes: the article view or the publisher's page.
    #[prop_or_default]
    pub open: OpenMode,
    /// Stories in "More to Read" (0 to 24).
    #[prop_or(DEFAULT_RELATED)]
    pub related: usize,
    /// Rail-only mode: show just "More to Read" for the story with this id or address.
    #[prop_or_default]
    pub related_to: Option<AttrValue>,
    /// In rail-only mode, the address "View All" leads to.
    #[prop_or_default]
    pub view_all: Option<AttrValue>,
    /// How the cards are laid out.
    #[prop_or_default]
    pub layout: Layout,
    /// Light, dark, or the reader's setting.
    #[prop_or_default]
    pub theme: Theme,
    /// Which controls show.
    #[prop_or_default]
    pub controls: Controls,
    /// Categories selected when the address names none.
    #[prop_or_default]
    pub categories: Vec<AttrValue>,
    /// The locale of dates (a BCP 47 tag); empty for the reader's own.
    #[prop_or_default]
    pub locale: AttrValue,
    /// The widget's own words: those of its `locale`, else of the page around it, else English.
    #[prop_or(&ENGLISH)]
    pub words: &'static Words,
    /// The element the widget's DOM events (`gazette:ready`, `gazette:select`,
    /// `gazette:error`) are sent from; none when absent.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// The host page's line to this widget (`setQuery`, `setFilters`).
    #[prop_or_default]
    pub remote: Remote,
    /// Largest document accepted, in megabytes (1 to 512).
    #[prop_or(DEFAULT_MAX_MB)]
    pub max_mb: usize,
    /// The key that takes the reader to the search box (`/`); `None` for none.
    #[prop_or(Some(AttrValue::Static(DEFAULT_SEARCH_KEY)))]
    pub search_key: Option<AttrValue>,
    /// How documents are fetched (tests replace it).
    #[prop_or_default]
    pub fetcher: Fetcher,
}

/// One news widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (key, size) = (props.url_key.clone(), props.page_size.clamp(1, 200));
        let related = props.related.min(24);
        let rail_for = props.related_to.as_ref().map(|r| r.to_string());
        let preset = props.categories.iter().map(|c| c.to_string()).collect();
        use_reducer(move || {
            // The first view: the page's preset categories (an address with categories of its
            // own replaces them).
            let base = Filter {
                categories: preset,
                ..Filter::default()
            };
            State::new(size, base, &history::params_under(&key), related, rail_for)
        })
    };
    let w = props.words;
    // The widget's number: in its elements' ids, and in the list of names on the page.
    let widget = *use_state(names::new_widget);
    // The article view's "More to Read" holds a name of its own while it shows.
    let rail_name = *use_state(names::new_widget);
    use_effect_with((), move |_| {
        move || {
            names::release(widget);
            names::release(rail_name);
        }
    });
    let refs = focus::use_refs();
    // The page size and number of related stories the host asks for, within bounds.
    let sizes = (props.page_size.clamp(1, 200), props.related.min(24));
    focus::use_reshape_focus(
        &refs,
        (props.controls, props.page_size, props.related),
        (state.page_size, state.related_limit) == sizes,
    );
    focus::use_held_focus(&refs, &state);
    focus::use_retry_focus(&refs, &state);
    let trail = focus::use_trail(&state);
    loading::use_loading(props, &state);
    host::use_host(props, &state, sizes);
    loading::use_clock(&state);
    history::use_write_address(props, &state);
    history::use_back_and_forward(props, &state, &trail.history_scroll);
    history::use_return_to_scroll(&state);
    focus::use_search_key(&refs, props.search_key.clone());
    let open = state.reading.as_ref().map(|r| r.index);
    focus::use_story_focus(&refs, &trail, open);

    let (opener, list_href) = use_opener(props, &state, &trail);
    let chip_order = use_mut_ref(Vec::new);
    let ui = view::Ui {
        props,
        state: &state,
        refs: &refs,
        widget,
        opener: opener.clone(),
        chip_order: &chip_order,
    };

    // The host's heading, the feed's title (in the feed's language), or the widget's own words.
    let (heading, heading_text) = match (&props.related_to, &props.heading, &state.meta.title) {
        (Some(_), None, _) => (AttrValue::from(w.more_to_read), FeedText::default()),
        (_, Some(h), _) => (h.clone(), FeedText::of(None)),
        (None, None, Some(t)) => (
            AttrValue::from(t.clone()),
            FeedText::of(state.meta.language.as_deref()),
        ),
        (None, None, None) => (AttrValue::from(w.latest_stories), FeedText::default()),
    };
    // Read out after the heading, so that two widgets of one feed are two landmarks apart.
    let suffix = names::suffix(widget, &heading);
    let previewing = ui.previewing();
    let (status, body, notices) = match ui.rail() {
        Some((status, body)) => (status, body, Html::default()),
        None => ui.browse(&format!("{heading}{suffix}")),
    };

    let reading = state
        .reading
        .as_ref()
        .filter(|r| r.index < state.catalog.len());
    let close_story = close_story(props, &state, &trail);
    let rail_suffix = match reading {
        Some(r) if !r.related.is_empty() => {
            AttrValue::from(names::suffix(rail_name, w.more_to_read))
        }
        _ => {
            names::release(rail_name);
            AttrValue::default()
        }
    };
    // An open story is announced by its headline, in its own language, unless the focus goes
    // to that headline.
    let quiet = trail.quiet(reading.map(|r| r.index), &refs.root);
    let (status, quote) = match reading {
        Some(_) if quiet => (String::new(), None),
        Some(r) => {
            let a = &state.catalog.articles()[r.index];
            let text = FeedText::of(a.language.as_deref());
            (
                w.story.to_string(),
                Some((AttrValue::from(a.title.clone()), text)),
            )
        }
        None => (status, None),
    };

    html! {
        <ContextProvider<Locale> context={Locale { dates: props.locale.clone(), words: w }}>
        <section
            class={classes!(
                "gazette",
                props.layout.class(),
                props.theme.class(),
                props.related_to.is_some().then_some("gz-rail-only"),
                // Holds the placeholder's height until every story is in (a preview too).
                (state.load == Load::Loading).then_some("gz-reading")
            )}
            lang={w.lang}
            dir="ltr"
            part="root"
            aria-labelledby={ui.id("title")} aria-busy={(state.load == Load::Loading && !previewing).to_string()} ref={refs.root.clone()}>
            <h2 class="gz-title" part="title" id={ui.id("title")} tabindex="-1" ref={refs.title.clone()} lang={heading_text.lang} dir={heading_text.dir}>
                { heading.clone() }
                if !suffix.is_empty() {
                    <span class="gz-visually-hidden">{ suffix.clone() }</span>
                }
            </h2>
            <ResultStatus text={status} {quote} hidden={reading.is_some()} typing={state.history == browser::HistoryMode::Replace} asked={state.filter.clone()} growing={previewing} />
            if let Some(r) = reading {
                <ArticleView
                    catalog={state.catalog.clone()}
                    index={r.index}
                    related={r.related.clone()}
                    now={state.now}
                    new_tab={props.new_tab}
                    opener={opener}
                    {list_href}
                    on_close={close_story}
                    id_prefix={ui.id("view")}
                    heading_ref={refs.story_heading.clone()}
                    {rail_suffix}
                />
            }
            <div class="gz-browse" hidden={reading.is_some()}>
                <div class="gz-notices" aria-live="polite">{ notices }</div>
                { body }
            </div>
        </section>
        </ContextProvider<Locale>>
    }
}

/// What activating a card does (opens it in the article view, or goes to its page), and the
/// address of the list's own view (for "Back to all stories" as a link).
#[hook]
fn use_opener(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    trail: &focus::Trail,
) -> (Opener, AttrValue) {
    let list_params = use_memo(
        (state.filter.clone(), state.pages, state.base.clone()),
        |(filter, pages, base)| {
            address::encode(
                &View {
                    filter: filter.clone(),
                    pages: *pages,
                    story: None,
                },
                base,
            )
        },
    );
    let on_open = {
        let (s, list_scroll, acted) = (
            state.dispatcher(),
            trail.list_scroll.clone(),
            trail.reader_acted.clone(),
        );
        use_callback(state.reading.is_none(), move |index: usize, from_list| {
            *acted.borrow_mut() = true;
            if *from_list {
                *list_scroll.borrow_mut() = Some((browser::scroll_y(), index));
                browser::manage_scroll(focus::scroll_owner(&list_scroll), true);
            }
            s.dispatch(Action::Open(index));
        })
    };
    let story_link = use_memo(
        (list_params.clone(), props.url_key.clone()),
        |(params, key)| {
            key.as_ref()
                .and_then(|k| StoryLink::new(k, params))
                .map(Rc::new)
        },
    );
    let opener = Opener {
        // A rail of its own (a page's "More to Read" column) is a list of links: by default
        // its stories open on their pages, not inside the narrow column.
        mode: match (&props.related_to, props.open) {
            (Some(_), OpenMode::Auto) => OpenMode::Link,
            (_, mode) => mode,
        },
        on_open,
        link: (*story_link).clone(),
    };
    let list_href = use_memo(
        (list_params.clone(), props.url_key.clone()),
        |(params, key)| {
            AttrValue::from(
                key.as_ref()
                    .and_then(|k| browser::page_url_with(k, params))
                    .map_or_else(|| "#".to_string(), |(url, _)| url),
            )
        },
    );
    (opener, (*list_href).clone())
}

/// Closing a story the reader opened here (Esc, View All, "Back to all stories") goes back
/// through the history to the list's entry, so that Back afterwards does not reopen it.
fn close_story(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    trail: &focus::Trail,
) -> Callback<()> {
    let s = state.dispatcher();
    let key = props.url_key.clone();
    let acted = trail.reader_acted.clone();
    Callback::from(move |()| {
        *acted.borrow_mut() = true;
        match key.as_deref().map_or(0, browser::story_depth) {
            // A story that came with the address becomes the list in its own entry, so
            // that Back leaves the page instead of opening it again; one closed after
            // another widget's entries closes into a new entry, leaving theirs alone.
            0 => s.dispatch(Action::Close {
                in_place: key.as_deref().is_some_and(browser::story_came_with_address),
            }),
            depth => browser::go_back(depth),
        }
    })
}
