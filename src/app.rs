//! The widget's root component: owns the state, starts loading, keeps the address in step, and
//! wires components to actions.

use crate::browser;
use crate::components::story_card::{OpenMode, Opener, StoryLink};
use crate::components::{
    fill_marked, ArticleView, CategoryChips, DateRange, EmptyState, ErrorPanel, FacetGroup,
    FeedText, LabelledSelect, ResultStatus, SearchBox, StoryCard, StoryList,
};
use crate::embed::{Command, Controls, Layout, Locale, Remote, Theme};
use crate::names;
use crate::services::{self, Fetcher};
use crate::state::{more_filters_on, set_of, Action, Load, State};
use gazette_core::address::{self, View};
use gazette_core::filter::{year_from_label, year_label, UNDATED_LABEL};
use gazette_core::words::{fill, Words, ENGLISH};
use gazette_core::{DatePreset, Filter, Query, SortOrder, Timestamp};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Typing is written to the address this long after the last keystroke.
const URL_PAUSE_MS: i32 = 400;

/// Stories per page, unless the element says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 12;
/// Largest document accepted, in megabytes, unless the element says otherwise.
pub const DEFAULT_MAX_MB: usize = 200;
/// The key that takes the reader to the search box, unless the page names another or none.
pub const DEFAULT_SEARCH_KEY: &str = "/";
/// Stories in "More to Read", unless the element says otherwise.
pub const DEFAULT_RELATED: usize = 4;
/// How often the widget's clock moves on while stories show (five minutes): "2 hours ago",
/// "today" and the date windows stay true on a page left open.
const CLOCK_MS: i32 = 300_000;

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

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

fn next_instance() -> u32 {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// The one menu or field whose change turns `before` into `after` ("date", "sort", "range"),
/// if that is the only change.
fn menu_changed(before: &Filter, after: &Filter) -> Option<&'static str> {
    let same = |f: &Filter| Filter {
        date: DatePreset::default(),
        sort: SortOrder::default(),
        from: None,
        until: None,
        ..f.clone()
    };
    if same(before) != same(after) {
        return None;
    }
    let date = before.date != after.date;
    let sort = before.sort != after.sort;
    let range = before.from != after.from || before.until != after.until;
    match (date, sort, range) {
        (true, false, false) => Some("date"),
        (false, true, false) => Some("sort"),
        (false, false, true) => Some("range"),
        _ => None,
    }
}

fn from_address(key: &Option<AttrValue>) -> Vec<(String, String)> {
    key.as_ref()
        .map(|k| browser::page_params(k))
        .unwrap_or_default()
}

/// Where the focus is, seen from the widget whose root is `root` (and its mount element).
fn focus_place_of(root: &NodeRef) -> Option<browser::FocusPlace> {
    root.cast::<web_sys::Element>()
        .map(|r| browser::focus_place(&r.parent_element().unwrap_or(r)))
}

/// Whether a story opening or closing takes the focus (and is not announced, the focus reading
/// its headline): when the reader acted in the widget, when the focus is inside it, or nowhere
/// in particular (after Back, say); never from the host page's own controls. A story the
/// address opened as the widget started (`at_start`) takes it only from inside (the widget
/// started again for a new attribute while the reader was in it).
fn focus_is_ours(place: Option<browser::FocusPlace>, acted: bool, at_start: bool) -> bool {
    match place {
        _ if acted => true,
        Some(browser::FocusPlace::Inside) => true,
        Some(browser::FocusPlace::Nowhere) => !at_start,
        _ => false,
    }
}

/// The file name of an archive's shard `i` (`0002.json`), for a notice.
fn shard_name(archive: &services::Archive, i: usize) -> String {
    let url = archive.shards.get(i).map_or("", |(url, _)| url.as_str());
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// `status` followed by an order the reader chose, so that choosing it is announced.
fn with_order(w: &Words, status: String, sort: SortOrder, total: usize) -> String {
    match sort {
        SortOrder::Relevance => status,
        _ if total == 0 => status,
        order => {
            let name = w.sort_order(order);
            let mut chars = name.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            format!("{status}, {}{}", first.unwrap_or_default(), chars.as_str())
        }
    }
}

/// What the reader's focus is on in the list or in an open story's "More to Read", by what it
/// shows: a story's card (by its number in the catalog; in which of the two) or a category chip
/// (by its name; `None`: "All").
enum Held {
    Story(Place, String),
    Chip(Option<String>),
}

/// Where a story's card is: in the list, or in an open story's "More to Read".
#[derive(Clone, Copy)]
enum Place {
    List,
    Rail,
}

impl Place {
    fn selector(self) -> &'static str {
        match self {
            Place::List => ".gz-browse",
            Place::Rail => ".gz-rail",
        }
    }
}

impl Held {
    fn of(el: &web_sys::Element) -> Option<Held> {
        let place = [Place::List, Place::Rail]
            .into_iter()
            .find(|p| el.closest(p.selector()).ok().flatten().is_some())?;
        if let Some(card) = el.closest("[data-story]").ok()? {
            return Some(Held::Story(place, card.get_attribute("data-story")?));
        }
        let chip = el.closest(".gz-browse .gz-chip").ok()??;
        Some(Held::Chip(chip.get_attribute("data-name")))
    }

    /// The element that now shows it, in the list or the rail of `root`.
    fn find(&self, root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
        match self {
            Held::Story(place, n) => {
                browser::all_in(root, &format!("{} [data-story]", place.selector()))
                    .into_iter()
                    .find(|el| el.get_attribute("data-story").as_ref() == Some(n))
                    .and_then(|card| browser::find_in(&card, ".gz-headline a"))
            }
            Held::Chip(name) => browser::all_in(root, ".gz-browse .gz-chip")
                .into_iter()
                .find(|el| el.get_attribute("data-name") == *name),
        }
    }

    /// Where the focus goes when it is no longer shown: the open story's headline for its
    /// "More to Read", else the widget's title.
    fn instead<'a>(&self, title: &'a NodeRef, story_heading: &'a NodeRef) -> &'a NodeRef {
        match self {
            Held::Story(Place::Rail, _) => story_heading,
            _ => title,
        }
    }
}

/// One news widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (key, size) = (props.url_key.clone(), props.page_size.clamp(1, 200));
        let related = props.related.min(24);
        let rail_for = props.related_to.as_ref().map(|r| r.to_string());
        let preset = set_of(props.categories.iter().map(|c| c.to_string()));
        use_reducer(move || {
            // The first view: the page's preset categories (an address with categories of its
            // own replaces them).
            let base = Filter {
                categories: preset,
                ..Filter::default()
            };
            State::new(size, base, &from_address(&key), related, rail_for)
        })
    };
    let instance = *use_state(next_instance);
    let w = props.words;
    let id = |part: &str| AttrValue::from(format!("gazette-{instance}-{part}"));
    let widget = use_state(names::new_widget);
    // The article view's "More to Read" holds a name of its own while it shows.
    let rail_name = use_state(names::new_widget);
    {
        let (me, rail) = (*widget, *rail_name);
        use_effect_with((), move |_| {
            move || {
                names::release(me);
                names::release(rail);
            }
        });
    }
    let search_ref = use_node_ref();
    let root_ref = use_node_ref();
    let title_ref = use_node_ref();
    let story_heading_ref = use_node_ref();
    // The page size and number of related stories the host asks for, within bounds.
    let sizes = (props.page_size.clamp(1, 200), props.related.min(24));
    // A change of the host's that takes away the element the reader was on (`controls` without
    // the search box, a smaller `page-size` or `related`) leaves the focus on the widget's title,
    // not on the page.
    {
        let reshaped = (props.controls, props.page_size, props.related);
        let last = use_mut_ref(|| reshaped);
        let focus_was_in = use_mut_ref(|| false);
        if last.replace(reshaped) != reshaped {
            focus_was_in.replace(focus_place_of(&root_ref) == Some(browser::FocusPlace::Inside));
        }
        // Seen once the stories have the new sizes too (they follow in a render of their own).
        let sized = (state.page_size, state.related_limit) == sizes;
        let (root_ref, title_ref) = (root_ref.clone(), title_ref.clone());
        use_effect(move || {
            if sized && focus_was_in.replace(false) {
                if let (Some(browser::FocusPlace::Nowhere), Some(title)) = (
                    focus_place_of(&root_ref),
                    title_ref.cast::<web_sys::HtmlElement>(),
                ) {
                    // Scrolled to if need be: the list may have shrunk far below it.
                    let _ = title.focus();
                }
            }
        });
    }
    // New stories for the list (a preview's next, or all of them), or other filters (Back and
    // Forward, the page's calls), put other stories and categories into the cards and chips
    // already in the page: a card or chip in focus then holds another one (in an open story's
    // "More to Read" too). The focus follows the story or category the reader was on, or goes
    // to the title (the story's headline) if it is no longer shown.
    {
        let last_catalog = use_mut_ref(|| state.catalog.clone());
        let last_filter = use_mut_ref(|| state.filter.clone());
        let held = use_mut_ref(|| None::<Held>);
        let new_filter = *last_filter.borrow() != state.filter;
        if new_filter || !Rc::ptr_eq(&last_catalog.borrow(), &state.catalog) {
            last_catalog.replace(state.catalog.clone());
            last_filter.replace(state.filter.clone());
            held.replace(
                root_ref
                    .cast::<web_sys::Element>()
                    .and_then(|r| browser::focused_in(&r))
                    .and_then(|f| Held::of(&f)),
            );
        }
        let (root_ref, title_ref) = (root_ref.clone(), title_ref.clone());
        let story_heading_ref = story_heading_ref.clone();
        use_effect(move || {
            let (Some(held), Some(root)) = (held.take(), root_ref.cast::<web_sys::Element>())
            else {
                return;
            };
            match held.find(&root) {
                Some(el) if browser::focused_in(&root).as_ref() == Some(&el) => {}
                Some(el) => browser::focus_in_place(&el),
                None => {
                    // (The title too when the story has closed meanwhile.)
                    let instead = held.instead(&title_ref, &story_heading_ref);
                    let el = instead
                        .cast::<web_sys::HtmlElement>()
                        .or_else(|| title_ref.cast());
                    if let Some(el) = el {
                        browser::focus_in_place(&el);
                    }
                }
            }
        });
    }
    // Where the list was scrolled when a story was opened from it, and that story, to return
    // there on close (after any hops through "More to Read").
    let list_scroll = use_mut_ref(|| None::<(f64, usize)>);
    // Where the page was scrolled at the last Back or Forward: a story that opens by it from
    // the list returns there too.
    let history_scroll = use_mut_ref(|| None::<f64>);
    {
        // A widget removed while a story opened from its list shows gives the page back its
        // own scroll restoration.
        let list_scroll = list_scroll.clone();
        use_effect_with((), move |_| {
            move || {
                if list_scroll.borrow().is_some() {
                    browser::manage_scroll(false);
                }
            }
        });
    }

    {
        let dispatcher = state.dispatcher();
        let max_bytes = props.max_mb.clamp(1, 512) * 1_000_000;
        let locale = props.locale.clone();
        // The stories are asked for while the widget first draws itself (in this render), not
        // after it: the first load takes the requests already on their way, a retry asks anew.
        let head_start = {
            let fetcher = props.fetcher.clone();
            use_memo(props.src.clone(), move |src| {
                RefCell::new(Some(fetcher.head_start(src)))
            })
        };
        let fetcher = props.fetcher.clone();
        use_effect_with((props.src.clone(), state.attempt), move |(src, attempt)| {
            let (src, attempt) = (src.to_string(), *attempt);
            let fetcher = head_start.borrow_mut().take().unwrap_or(fetcher);
            // The dates' formatters are made while the stories are on their way: in a task of
            // their own, after the request has gone.
            let prepare = browser::after(0, move || browser::prepare_formats(&locale));
            // Given up when the widget goes or its source changes: the download stops, and
            // nothing of it reaches the state.
            let (task, cancel) = browser::cancellable(async move {
                let previews = dispatcher.clone();
                let on_preview = move |catalog, meta| {
                    previews.dispatch(Action::Preview {
                        meta,
                        catalog,
                        now: browser::now(),
                        attempt,
                    });
                };
                dispatcher.dispatch(
                    match services::load(&fetcher, &src, max_bytes, on_preview).await {
                        Ok(set) => Action::Loaded {
                            set: Box::new(set),
                            now: browser::now(),
                            attempt,
                        },
                        Err(error) => Action::Failed { error, attempt },
                    },
                );
            });
            wasm_bindgen_futures::spawn_local(task);
            move || {
                drop(prepare);
                cancel.cancel();
            }
        });
    }
    // A sharded archive loads its older shards when the view needs them, one at a time.
    {
        let dispatcher = state.dispatcher();
        let fetcher = props.fetcher.clone();
        let max_bytes = props.max_mb.clamp(1, 512) * 1_000_000;
        let wanted = state.wanted_shard().and_then(|k| {
            let a = state.archive.as_ref()?;
            Some((k, a.archive.shards[k].0.clone()))
        });
        let (catalog, attempt) = (state.catalog.clone(), state.attempt);
        // The shard on its way is given up (its download stopped) when the widget goes; not
        // when the next render changes `wanted`, as its start does.
        let shard_task = use_mut_ref(|| None::<browser::Cancel>);
        {
            let shard_task = shard_task.clone();
            use_effect_with((), move |_| {
                move || {
                    if let Some(c) = shard_task.borrow_mut().take() {
                        c.cancel();
                    }
                }
            });
        }
        use_effect_with(wanted, move |wanted| {
            if let Some((_, url)) = wanted.clone() {
                dispatcher.dispatch(Action::ShardStarted { attempt });
                let (task, cancel) = browser::cancellable(async move {
                    dispatcher.dispatch(
                        match services::grow(&fetcher, &catalog, &url, max_bytes).await {
                            Ok(c) => Action::ShardLoaded {
                                catalog: Rc::new(c),
                                attempt,
                            },
                            Err(error) => Action::ShardFailed { error, attempt },
                        },
                    );
                });
                wasm_bindgen_futures::spawn_local(task);
                *shard_task.borrow_mut() = Some(cancel);
            }
        });
    }
    // A new page size or number of related stories, set by the host on the running widget.
    {
        let s = state.dispatcher();
        use_effect_with(sizes, move |&(page_size, related)| {
            s.dispatch(Action::Resize { page_size, related });
        });
    }
    // The host page's commands reach the reducer while the widget is mounted.
    {
        let s = state.dispatcher();
        use_effect_with(props.remote.clone(), move |remote| {
            remote.listen(Some(Callback::from(move |c: Command| {
                s.dispatch(Action::Apply(c))
            })));
            let remote = remote.clone();
            move || remote.listen(None)
        });
    }
    // The clock moves on while the stories show; each tick sets the next.
    {
        let s = state.dispatcher();
        let ready = matches!(state.load, Load::Ready);
        use_effect_with((state.now, ready), move |&(_, ready)| {
            let tick = ready
                .then(|| browser::after(CLOCK_MS, move || s.dispatch(Action::Tick(browser::now()))))
                .flatten();
            move || drop(tick)
        });
    }
    // DOM events for the host page: ready (with counts), error, and the story opened.
    {
        let host = props.host.clone();
        let loaded = match &state.load {
            Load::Ready => Some(Ok((state.document_total(), state.catalog.len()))),
            Load::Failed(e) => Some(Err(e.to_string())),
            Load::Loading => None,
        };
        // Read when the stories are in, not a reason to announce them again.
        let matching = state.outcome.total;
        use_effect_with((loaded, state.attempt), move |(loaded, _)| {
            match (&host, loaded) {
                (Some(h), Some(Ok((total, stories)))) => browser::emit(
                    h,
                    "gazette:ready",
                    &[
                        ("total", (*total as f64).into()),
                        ("stories", (*stories as f64).into()),
                        ("matching", (matching as f64).into()),
                    ],
                ),
                (Some(h), Some(Err(message))) => {
                    browser::emit(h, "gazette:error", &[("message", message.as_str().into())])
                }
                _ => {}
            }
        });
        let host = props.host.clone();
        let opened = state.reading.as_ref().and_then(|r| {
            let a = state.catalog.articles().get(r.index)?;
            Some((a.id.clone(), a.title.clone(), a.url.clone()))
        });
        use_effect_with(opened, move |opened| {
            if let (Some(h), Some((id, title, url))) = (&host, opened) {
                browser::emit(
                    h,
                    "gazette:select",
                    &[
                        ("id", id.as_str().into()),
                        ("title", title.as_str().into()),
                        (
                            "url",
                            url.as_deref()
                                .map_or(wasm_bindgen::JsValue::NULL, Into::into),
                        ),
                    ],
                );
            }
        });
    }
    // A category of the host's `categories` that no story has (a typo, or another feed's) is
    // named in the console once the stories are in. (Not for an archive: its older shards may
    // have it.)
    {
        let missing: Vec<String> = match (&state.load, &state.archive) {
            (Load::Ready, None) => props
                .categories
                .iter()
                // (Not one the address overrode, which was never chosen.)
                .filter(|c| {
                    state.catalog.category_spelt(c).is_none()
                        && state.filter.categories.contains(c.as_str())
                })
                .map(|c| format!("\"{c}\""))
                .collect(),
            _ => Vec::new(),
        };
        let warning = (!missing.is_empty()).then(|| {
            let all: Vec<&str> = props.categories.iter().map(AttrValue::as_str).collect();
            format!(
                "Gazette: no story has the category {} (categories=\"{}\"): while chosen, it matches none",
                missing.join(", "),
                all.join(",")
            )
        });
        // Said once a load is read (choosing it again later says nothing more).
        let read = (state.load == Load::Ready, state.attempt);
        use_effect_with(read, move |_| {
            if let Some(w) = warning {
                browser::warn(&w);
            }
        });
    }
    // Marks the first paint of cards for the benchmarks (effects run after the DOM is updated).
    use_effect_with(!state.outcome.matches.is_empty(), |shown| {
        if *shown {
            browser::mark("gazette:first-cards");
        }
    });
    // The address follows the view: typing replaces the entry (once typing pauses: the history
    // API is slow and rate-limited), other changes add one at once. Typing still waiting to be
    // written goes into the current entry first, so Back returns to what was typed.
    {
        let key = props.url_key.clone();
        // (The write takes whether to leave the categories out.)
        let pending = use_mut_ref(|| None::<(browser::Timeout, Rc<dyn Fn(bool)>)>);
        // Typing not yet in the address is written there as the widget goes: a widget started
        // again (for a new attribute) takes the whole query back from it. Not when the host
        // has taken the parameters out (Yew runs this after the host's call).
        {
            let (pending, remote) = (pending.clone(), props.remote.clone());
            use_effect_with((), move |_| {
                move || {
                    if let Some((_timer, write)) = pending.borrow_mut().take() {
                        if !remote.forgotten() {
                            write(remote.categories_forgotten());
                        }
                    }
                }
            });
        }
        // Changes of one menu or of the date range that follow each other within a second
        // (arrow keys on a menu, a date typed field by field) make one history entry: the first
        // adds it, the others replace it. Clicks on chips and boxes, and opening or closing a
        // story, each add one.
        let last_push = use_mut_ref(|| (f64::NEG_INFINITY, None::<&'static str>));
        let last_filter = use_mut_ref(|| state.filter.clone());
        let last_story = use_mut_ref(|| state.story.clone());
        let asked = state.history;
        use_effect_with(
            (
                state.filter.clone(),
                state.pages,
                state.story.clone(),
                state.base.clone(),
            ),
            move |(filter, pages, story, base)| {
                let mut mode = asked;
                // Only typing and paging wait for a pause; a story closed in place (its entry
                // becoming the list) is written at once.
                let story_changed = *last_story.borrow() != *story;
                *last_story.borrow_mut() = story.clone();
                let control = menu_changed(&last_filter.replace(filter.clone()), filter);
                if asked == browser::HistoryMode::Push {
                    let now = browser::clock_ms();
                    let (at, last) = last_push.replace((now, control));
                    if now - at < 1000.0 && control.is_some() && last == control {
                        mode = browser::HistoryMode::Replace;
                    }
                }
                if let Some(key) = key {
                    let params = address::encode(
                        &View {
                            filter: filter.clone(),
                            pages: *pages,
                            story: story.clone(),
                        },
                        base,
                    );
                    let earlier = pending.borrow_mut().take();
                    if mode == browser::HistoryMode::Replace && !story_changed {
                        // Written once, by whichever comes first: the pause, a change that adds
                        // an entry, or the widget going (never again later, over what the host
                        // has written since).
                        let done = Cell::new(false);
                        let write: Rc<dyn Fn(bool)> = Rc::new(move |no_categories| {
                            if !done.replace(true) {
                                let mut params = params.clone();
                                params.retain(|(k, _)| !(no_categories && *k == "cat"));
                                browser::write_page_params(
                                    &key,
                                    &params,
                                    browser::HistoryMode::Replace,
                                );
                            }
                        });
                        let later = write.clone();
                        *pending.borrow_mut() =
                            browser::after(URL_PAUSE_MS, move || later(false)).map(|t| (t, write));
                    } else {
                        if let Some((_timer, write)) = earlier {
                            if mode == browser::HistoryMode::Push {
                                write(false);
                            }
                        }
                        browser::write_page_params(&key, &params, mode);
                    }
                }
            },
        );
    }
    // Back and Forward show the view the address describes.
    {
        let dispatcher = state.dispatcher();
        let history_scroll = history_scroll.clone();
        use_effect_with(props.url_key.clone(), move |key| {
            let key = key.clone();
            let listener = key.is_some().then(|| {
                browser::on_history_change(move || {
                    history_scroll.replace(Some(browser::scroll_y()));
                    dispatcher.dispatch(Action::Restore(from_address(&key)));
                })
            });
            move || drop(listener)
        });
    }
    // "/" (or the page's `search-key`) focuses the search box: of the widget the focus is in,
    // else, with the focus on no element, of the one showing most of itself on screen.
    {
        let (search_ref, root_ref) = (search_ref.clone(), root_ref.clone());
        use_effect_with(props.search_key.clone(), move |key| {
            let listener = key.as_ref().and_then(|key| {
                browser::on_search_key(key, move |e| {
                    let Some(root) = root_ref.cast::<web_sys::Element>() else {
                        return;
                    };
                    if !browser::search_key_is_for(e, &root) {
                        return;
                    }
                    if let Some(input) = search_ref.cast::<web_sys::HtmlInputElement>() {
                        e.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The list has shown: a story opened after that (by the reader, or by Back and Forward)
    // is scrolled to; one the address opened as the page loaded is not.
    let list_seen = use_mut_ref(|| false);
    // For the story open: whether the focus went to its headline (it is not announced then).
    let story_quiet = use_mut_ref(|| None::<(usize, bool)>);
    // The reader opened or closed a story in this widget (a card, Esc, View All): the focus
    // follows, wherever it was (Safari does not focus a link that is clicked).
    let reader_acted = use_mut_ref(|| false);
    if state.load == Load::Ready && state.reading.is_none() {
        *list_seen.borrow_mut() = true;
    }
    // Focus follows the article view: to the story's headline when one opens, and back to the
    // card it was opened from (or the widget's title) when it closes.
    {
        let (root_ref, title_ref, heading_ref) = (
            root_ref.clone(),
            title_ref.clone(),
            story_heading_ref.clone(),
        );
        let (list_scroll, history_scroll) = (list_scroll.clone(), history_scroll.clone());
        let last_open = use_mut_ref(|| None::<usize>);
        let (list_seen, reader_acted) = (list_seen.clone(), reader_acted.clone());
        use_effect_with(state.reading.as_ref().map(|r| r.index), move |open| {
            let before = last_open.replace(*open);
            // Forward to a story from the list: its close returns to that list's place and
            // card, as after a card was opened (also after hops through "More to Read").
            let by_history = history_scroll.take();
            if let (Some(index), None, Some(y)) = (*open, before, by_history) {
                if list_scroll.borrow().is_none() && *list_seen.borrow() {
                    list_scroll.replace(Some((y, index)));
                    browser::manage_scroll(true);
                }
            }
            let place = focus_place_of(&root_ref);
            let acted = std::mem::take(&mut *reader_acted.borrow_mut());
            let may_focus = |at_start: bool| focus_is_ours(place, acted, at_start);
            let mut deferred = None;
            match (*open, before) {
                (Some(_), _) => {
                    if let Some(h) = heading_ref.cast::<web_sys::HtmlElement>() {
                        let after_start = before.is_some()
                            || list_scroll.borrow().is_some()
                            || *list_seen.borrow();
                        if after_start && may_focus(false) {
                            // Opened after the page loaded: the view starts at its top (the way
                            // back and the category and date line, above the headline). Again
                            // once the browser is done: after Back, its own restoring of the
                            // entry's scroll position comes after this.
                            let view: web_sys::Element = match h.closest(".gz-article") {
                                Ok(Some(view)) => view,
                                _ => h.clone().into(),
                            };
                            view.scroll_into_view();
                            deferred = browser::after(0, move || view.scroll_into_view());
                        }
                        if may_focus(!after_start) {
                            browser::focus_in_place(&h);
                        }
                    }
                }
                (None, Some(closed)) => {
                    let scroll = list_scroll.borrow_mut().take();
                    if let Some((y, _)) = scroll {
                        // Not while the reader is busy elsewhere (in another widget, whose
                        // Back closed this story): the page stays where it is.
                        if may_focus(false) {
                            browser::scroll_to_y(y);
                        }
                        browser::manage_scroll(false);
                    }
                    // The focus goes to the card the reader opened from the list, where the
                    // list is back at (not to the story read last, after "More to Read": its
                    // card may be far off screen, or beyond the pages shown); else to the
                    // story's card, or the title.
                    let card = |index: usize| {
                        let root = root_ref.cast::<web_sys::Element>()?;
                        browser::find_in(&root, &format!("[data-story=\"{index}\"] .gz-headline a"))
                    };
                    let target = scroll
                        .and_then(|(_, first)| card(first))
                        .or_else(|| card(closed))
                        .or_else(|| title_ref.cast::<web_sys::HtmlElement>())
                        .filter(|_| may_focus(false));
                    match target {
                        Some(t) if scroll.is_some() => browser::focus_in_place(&t),
                        Some(t) => drop(t.focus()),
                        None => {}
                    }
                }
                (None, None) => {}
            }
            move || drop(deferred)
        });
    }
    // A Back or Forward that opened no story here (another widget's, or the list's filters)
    // leaves nothing for a later story to take.
    {
        let history_scroll = history_scroll.clone();
        use_effect(move || {
            history_scroll.replace(None);
        });
    }
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
        let (s, list_scroll, acted) = (state.clone(), list_scroll.clone(), reader_acted.clone());
        use_callback(state.reading.is_none(), move |index: usize, from_list| {
            *acted.borrow_mut() = true;
            if *from_list {
                *list_scroll.borrow_mut() = Some((browser::scroll_y(), index));
                browser::manage_scroll(true);
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

    let dispatch = |make: fn(String) -> Action| {
        let s = state.clone();
        Callback::from(move |v: String| s.dispatch(make(v)))
    };
    let signal = |action: fn() -> Action| {
        let s = state.clone();
        Callback::from(move |_: ()| s.dispatch(action()))
    };
    // For a button that goes away as it is used: the focus moves on to the first of `to` that
    // is in the page, never back to the page itself.
    let signal_then_focus = |action: fn() -> Action, to: Vec<NodeRef>| {
        let s = state.clone();
        Callback::from(move |_: ()| {
            s.dispatch(action());
            if let Some(el) = to.iter().find_map(|r| r.cast::<web_sys::HtmlElement>()) {
                browser::focus_in_place(&el);
            }
        })
    };
    let on_time = |make: fn(Option<Timestamp>) -> Action| {
        let s = state.clone();
        Callback::from(move |v: Option<Timestamp>| s.dispatch(make(v)))
    };

    // The feed's own words outside its stories (category names, authors, tags).
    let feed_text = FeedText::of(state.meta.language.as_deref());
    // The host's heading, the feed's title (in the feed's language), or the widget's own words.
    let (heading, heading_text) = match (&props.related_to, &props.heading, &state.meta.title) {
        (Some(_), None, _) => (AttrValue::from(w.more_to_read), FeedText::default()),
        (_, Some(h), _) => (h.clone(), FeedText::of(None)),
        (None, None, Some(t)) => (AttrValue::from(t.clone()), feed_text.clone()),
        (None, None, None) => (AttrValue::from(w.latest_stories), FeedText::default()),
    };
    // Read out after the heading, so that two widgets of one feed are two landmarks apart.
    let suffix = names::suffix(*widget, &heading);

    // The search and filter bar and the cards: of the stories, or of those read so far while
    // a large document is read. The bar works on those already, and neither it nor the cards
    // move when the rest arrives (the reading's progress stands where "Show more stories" will).
    // (Not in a "More to Read" rail, which needs every story to choose from.)
    let previewing =
        state.load == Load::Loading && !state.catalog.is_empty() && props.related_to.is_none();
    // The chips' order last shown: while stories arrive, a chip keeps its place (new ones come
    // after), so that one is not clicked as another takes its place; the order by count comes
    // with the last story.
    let chip_order = use_mut_ref(Vec::<String>::new);
    let (controls_bar, cards) = if previewing || state.load == Load::Ready {
        let o = &state.outcome;
        let f = &state.filter;
        let mut all_count = o.categories.iter().map(|c| c.count).sum::<usize>();
        let mut chips: Vec<_> = o
            .categories
            .iter()
            .map(|c| (c.clone(), state.catalog.swatch_of_category(&c.name)))
            .collect();
        // An archive read in part, filtered by nothing but categories: the chips count the whole
        // archive as its manifest says, most first, also for the categories of parts not read
        // yet (so that they keep their places as the parts come).
        let whole = state.archive.as_ref().and_then(|a| {
            let only_categories = Filter {
                categories: Default::default(),
                ..f.clone()
            }
            .is_unfiltered();
            let counts = a.archive.categories.as_ref()?;
            (state.archive_pending() && only_categories).then_some((a.archive.total, counts))
        });
        let whole_archive = whole.is_some();
        if let Some((total, counts)) = whole {
            all_count = total;
            chips = counts
                .iter()
                .map(|c| (c.clone(), state.catalog.swatch_of_category(&c.name)))
                .collect();
        }
        // A chosen category the stories do not have (a preset or link naming another set's)
        // still shows, pressed with no stories, so the reader can see and undo it.
        for name in &f.categories {
            if !chips.iter().any(|(c, _)| &c.name == name) {
                let none = gazette_core::CategoryCount {
                    name: name.clone(),
                    count: 0,
                };
                chips.push((none, state.catalog.swatch_of_category(name)));
            }
        }
        // (An archive's chips too, while older shards may come.)
        let arriving = previewing || state.archive_pending();
        let mut order = chip_order.borrow_mut();
        // (The whole archive's counts never change as its parts come: they are in their own
        // order, most first, which is kept from then on, rather than the order of the stories
        // first read.)
        if arriving && !whole_archive {
            // Those shown before, in their order, then the new ones.
            let mut rest = std::mem::take(&mut chips);
            for name in order.iter() {
                if let Some(i) = rest.iter().position(|(c, _)| &c.name == name) {
                    chips.push(rest.remove(i));
                }
            }
            chips.append(&mut rest);
        }
        if arriving {
            *order = chips.iter().map(|(c, _)| c.name.clone()).collect();
        } else {
            order.clear();
        }
        drop(order);
        let categories = Rc::new(chips);
        let years_selected = set_of(f.years.iter().map(|&y| year_label(y)));
        let more_active = more_filters_on(f);
        let controls = props.controls;
        // Without a query, "Best match" lists the newest first.
        let sort_options: Vec<(&'static str, &'static str)> = SortOrder::ALL
            .iter()
            .map(|&o| (o.key(), w.sort_order(o)))
            .collect();
        let controls_bar = html! {
                if !state.catalog.is_empty() && controls.any() {
                    <div class="gz-controls">
                        if controls.search {
                            <form role="search" aria-label={fill(w.search_landmark, &[&format!("{heading}{suffix}")])} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                                <SearchBox id={id("q")} value={f.query.clone()} on_input={dispatch(Action::Search)} input_ref={search_ref.clone()} shortcut={props.search_key.clone()} />
                            </form>
                        }
                        if controls.dates || controls.sort {
                            <div class="gz-selects">
                                if controls.dates {
                                    <LabelledSelect
                                        id={id("date")}
                                        label={w.published}
                                        options={DatePreset::ALL.iter().map(|&p| (p.key(), w.date_preset(p))).collect::<Vec<_>>()}
                                        value={f.date.key()}
                                        on_change={dispatch(|k| Action::SetDate(DatePreset::from_key(&k).unwrap_or_default()))}
                                    />
                                }
                                if controls.sort {
                                    <LabelledSelect
                                        id={id("sort")}
                                        label={w.sort}
                                        options={sort_options}
                                        value={f.sort.key()}
                                        on_change={dispatch(|k| Action::SetSort(SortOrder::from_key(&k).unwrap_or_default()))}
                                    />
                                }
                            </div>
                        }
                        if controls.chips {
                            <CategoryChips
                                {categories}
                                selected={f.categories.clone()}
                                {all_count}
                                on_toggle={dispatch(Action::ToggleCategory)}
                                on_all={signal(|| Action::AllCategories)}
                                text={feed_text.clone()}
                            />
                        }
                        if controls.dates {
                        <details class="gz-more-filters" open={state.facets_open} ontoggle={{
                            let s = state.dispatcher();
                            Callback::from(move |e: Event| {
                                s.dispatch(Action::ShowFacets(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()));
                            })
                        }}>
                            // The widget opens and closes the panel itself (a click, or Enter or
                            // Space on the summary), so that the facets are built in the same
                            // frame as the panel opens; while it is closed they are neither
                            // counted nor in the page, and a keystroke costs less.
                            <summary onclick={{
                                let (s, open) = (state.dispatcher(), state.facets_open);
                                Callback::from(move |e: MouseEvent| {
                                    e.prevent_default();
                                    s.dispatch(Action::ShowFacets(!open));
                                })
                            }}>{ if more_active > 0 { w.count(&w.more_filters_on, more_active, &[]) } else { w.more_filters.to_string() } }</summary>
                            if state.facets_open {
                            <div class="gz-facets">
                                <DateRange id={id("range")} from={f.from} until={f.until} on_from={on_time(Action::SetFrom)} on_until={on_time(Action::SetUntil)} />
                                <FacetGroup legend={w.year} values={Rc::new(o.years.clone())} selected={Rc::new(years_selected)}
                                    rename={Some((AttrValue::Static(UNDATED_LABEL), AttrValue::Static(w.undated)))}
                                    on_toggle={dispatch(|y| year_from_label(&y).map_or(Action::ShowMore, Action::ToggleYear))} />
                                <FacetGroup legend={w.authors} values={Rc::new(o.authors.clone())} selected={Rc::new(f.authors.clone())} on_toggle={dispatch(Action::ToggleAuthor)} partial={o.more_authors} text={feed_text.clone()} />
                                <FacetGroup legend={w.tags} values={Rc::new(o.tags.clone())} selected={Rc::new(f.tags.clone())} on_toggle={dispatch(Action::ToggleTag)} partial={o.more_tags} text={feed_text.clone()} />
                            </div>
                            }
                        </details>
                        }
                    </div>
                }
        };
        let cards = html! {
            <>
                if o.total == 0 {
                    // "Clear all filters" goes with the empty list: the focus goes to the
                    // search box (or the title).
                    <EmptyState filtered={!state.catalog.is_empty()}
                        on_clear={signal_then_focus(|| Action::ClearFilters, vec![search_ref.clone(), title_ref.clone()])} />
                } else {
                    <StoryList
                        catalog={state.catalog.clone()}
                        outcome={state.outcome.clone()}
                        now={state.now}
                        new_tab={props.new_tab}
                        opener={opener.clone()}
                        pending={state.archive_pending()}
                        more={!previewing}
                        on_more={signal(|| Action::ShowMore)}
                        on_engage={let s = state.clone(); Callback::from(move |on: bool| s.dispatch(Action::Engage(on)))}
                    />
                }
            </>
        };
        (controls_bar, cards)
    } else {
        (Html::default(), Html::default())
    };

    let mut notices = Html::default();
    let (status, body) = match &state.load {
        // While a large feed is read, the catalog holds its first stories.
        Load::Loading if previewing => (
            // A search, filter or order set meanwhile is answered among the stories read so
            // far.
            {
                let (f, total) = (&state.filter, state.outcome.total);
                if f.is_unfiltered() && f.sort == SortOrder::Relevance {
                    w.loading.to_string()
                } else {
                    let found = if f.is_unfiltered() {
                        w.stories(total)
                    } else {
                        w.count(&w.matches, total, &[])
                    };
                    with_order(w, fill(w.so_far, &[&found]), f.sort, total)
                }
            },
            html! {
                <>
                    { controls_bar }
                    { cards }
                    <div class="gz-more gz-loading">
                        <label for={id("progress")}>{ w.reading_all }</label>
                        <progress id={id("progress")}></progress>
                    </div>
                </>
            },
        ),
        Load::Loading => (
            w.loading.to_string(),
            html! { <p class="gz-loading" aria-hidden="true">{ w.loading }</p> },
        ),
        Load::Failed(error) => (
            // The error panel is an alert, which says it all: the status stays quiet.
            String::new(),
            // Retry goes while the stories load again: the focus goes to the title.
            html! { <ErrorPanel error={error.clone()} on_retry={signal_then_focus(|| Action::Retry, vec![title_ref.clone()])} /> },
        ),
        Load::Ready => {
            let o = &state.outcome;
            let f = &state.filter;
            let archive = state.archive.as_ref();
            let catalog_empty = state.catalog.is_empty();
            // An archive whose older parts a search is reading.
            let older = archive.filter(|_| state.searching_older());
            let status = if catalog_empty {
                w.no_stories.to_string()
            } else if let Some(a) = older {
                let found = if f.is_unfiltered() {
                    w.stories(a.archive.total)
                } else {
                    // As in a preview: "4 stories match so far".
                    fill(w.so_far, &[&w.count(&w.matches, o.total, &[])])
                };
                fill(
                    w.reading_older,
                    &[
                        &found,
                        &w.number(a.loaded),
                        &w.number(a.archive.shards.len()),
                    ],
                )
            } else if f.is_unfiltered() {
                w.stories(archive.map_or(o.total, |a| {
                    if state.archive_pending() {
                        a.archive.total
                    } else {
                        o.total
                    }
                }))
            } else if o.total == 0 {
                w.no_match.to_string()
            } else {
                w.count(&w.matches, o.total, &[])
            };
            let status = with_order(w, status, f.sort, o.total);
            // Something typed that holds nothing to search for ("😀", "!!!") changes nothing:
            // the reader is told why the count is what it is (not while an archive's parts
            // are read, whose sentence is long enough).
            let typed = f.query.trim();
            let status = if !typed.is_empty()
                && older.is_none()
                && !catalog_empty
                && Query::parse(typed).is_empty()
            {
                fill(w.unsearchable, &[&status, typed])
            } else {
                status
            };
            let one_source = services::sources(&props.src).len() == 1;
            // In a live region that is always in the page, so that a notice is announced when
            // it comes with the stories.
            notices = html! {
                <>
                    if state.story_missing {
                        <p class="gz-notice">{ w.story_missing }</p>
                    }
                    // With one source, the stories shown are those read before it broke off.
                    { for state.failed_sources.iter().map(|(url, why)| html! {
                        <p class="gz-notice">{ fill_marked(
                            if one_source { w.partly_read } else { w.source_failed },
                            &[(url, None), (&why.message(w), why.foreign_lang(w))],
                        ) }</p>
                    }) }
                    // The shards that failed, by their file names, and why the first did.
                    if let Some(a) = archive.filter(|a| !a.failed.is_empty()) {
                        <p class="gz-notice">{ fill_marked(w.older_failed, &[
                            (&a.failed.iter().map(|(i, _)| shard_name(&a.archive, *i)).collect::<Vec<_>>().join(", "), None),
                            (&a.failed[0].1.message(w), a.failed[0].1.foreign_lang(w)),
                        ]) }</p>
                    }
                    if state.skipped > 0 {
                        <p class="gz-notice">
                            { w.count(
                                if one_source { &w.skipped_in_feed } else { &w.skipped_in_feeds },
                                state.skipped,
                                &[&w.number(state.total)],
                            ) }
                        </p>
                    }
                </>
            };
            (
                status,
                html! {
                    <>
                        { controls_bar }
                        { cards }
                        // In the place of the preview's progress: Yew matches the children of a
                        // fragment from its end, and the bar and the cards must stay the same
                        // elements (the reader may be typing in the search box).
                        { Html::default() }
                    </>
                },
            )
        }
    };

    // Rail-only mode: just "More to Read" for one story.
    if props.related_to.is_some() {
        notices = Html::default();
    }
    let (status, body) = match (&props.related_to, &state.load, &state.rail) {
        (Some(_), Load::Ready, Some(rail)) if !rail.is_empty() => (
            String::new(),
            html! {
                <>
                    <ul class="gz-list gz-rail-list" role="list">
                        { for rail.iter().map(|&index| html! {
                            <li key={state.catalog.articles()[index].id.as_str()}>
                                <StoryCard catalog={state.catalog.clone()} {index} now={state.now} new_tab={props.new_tab} opener={opener.clone()} />
                            </li>
                        }) }
                    </ul>
                    if let Some(href) = &props.view_all {
                        <p class="gz-view-all"><a class="gz-button" part="button" href={href.clone()}>{ w.view_all }</a></p>
                    }
                </>
            },
        ),
        (Some(_), Load::Ready, _) => (
            String::new(),
            html! { <p class="gz-empty">{ w.nothing_related }</p> },
        ),
        _ => (status, body),
    };
    let reading = state
        .reading
        .as_ref()
        .filter(|r| r.index < state.catalog.len());
    // Closing a story the reader opened here (Esc, View All, "Back to all stories") goes back
    // through the history to the list's entry, so that Back afterwards does not reopen it; a
    // story that came with the address becomes the list in its own entry, and one closed after
    // another widget's entries closes into a new entry.
    let close_story = {
        let s = state.dispatcher();
        let key = props.url_key.clone();
        let acted = reader_acted.clone();
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
    };
    let rail_suffix = match reading {
        Some(r) if !r.related.is_empty() => {
            AttrValue::from(names::suffix(*rail_name, w.more_to_read))
        }
        _ => {
            names::release(*rail_name);
            AttrValue::default()
        }
    };
    // An open story is announced by its headline, in its own language, unless the focus goes
    // to that headline (which is read then): the focus moves when it is in the widget, or
    // nowhere once the list has shown (see the effect above).
    let focus_moves = || {
        focus_is_ours(
            focus_place_of(&root_ref),
            *reader_acted.borrow(),
            !*list_seen.borrow(),
        )
    };
    // Decided once for each story opened, so that a later render (the clock's) says nothing.
    let quiet = match reading {
        Some(r) => {
            let mut decided = story_quiet.borrow_mut();
            match *decided {
                Some((index, quiet)) if index == r.index => quiet,
                _ => {
                    let quiet = focus_moves();
                    *decided = Some((r.index, quiet));
                    quiet
                }
            }
        }
        None => {
            story_quiet.borrow_mut().take();
            false
        }
    };
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
            aria-labelledby={id("title")} aria-busy={(state.load == Load::Loading && !previewing).to_string()} ref={root_ref}>
            <h2 class="gz-title" part="title" id={id("title")} tabindex="-1" ref={title_ref} lang={heading_text.lang} dir={heading_text.dir}>
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
                    opener={opener.clone()}
                    list_href={(*list_href).clone()}
                    on_close={close_story}
                    id_prefix={id("view")}
                    heading_ref={story_heading_ref.clone()}
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
