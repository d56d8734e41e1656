//! The widget's view, drawn from its state for one render: the search and filter bar, the
//! cards, the status line and the notices, or a "More to Read" rail of its own. What must be
//! remembered between renders is kept by the hooks of the other modules.

use super::{AppProps, Refs, State};
use crate::browser;
use crate::components::empty_state::Empty;
use crate::components::story_card::Opener;
use crate::components::{
    fill_marked, CategoryChips, DateRange, EmptyState, ErrorPanel, FacetGroup, FeedText,
    LabelledSelect, SearchBox, StoryCard, StoryList,
};
use crate::services;
use crate::state::{more_filters_on, Action, Load};
use gazette_core::filter::{year_from_label, year_label, UNDATED_LABEL};
use gazette_core::words::{fill, Words};
use gazette_core::{CategoryCount, DatePreset, Filter, Query, SortOrder};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Pages of cards that scrolling brings in (the first included); the next come with "Show more
/// stories". A reader scrolling through 10,000 stories never reached the page's footer.
const SCROLL_PAGES: usize = 4;

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

/// What one render of the widget's view is drawn from.
pub(super) struct Ui<'a> {
    pub props: &'a AppProps,
    pub state: &'a UseReducerHandle<State>,
    pub refs: &'a Refs,
    /// The widget's number on the page, in its elements' ids.
    pub widget: u32,
    /// What activating a card does.
    pub opener: Opener,
    /// The chips' order last shown: while stories arrive, a chip keeps its place (new ones come
    /// after), so that one is not clicked as another takes its place; the order by count comes
    /// with the last story.
    pub chip_order: &'a RefCell<Vec<String>>,
}

/// The category chips, in the order they show, and the count of "All".
struct Chips {
    list: Rc<Vec<(CategoryCount, u32)>>,
    all: usize,
    /// Whether there is a category to choose: stories of more than one, a chosen one to undo,
    /// or more stories to come. A feed without categories of its own, whose stories all take
    /// its title, has none, and its one chip would say what "All" says.
    choice: bool,
}

impl Ui<'_> {
    fn w(&self) -> &'static Words {
        self.props.words
    }

    /// The id of one of the widget's elements, unique on the page.
    pub fn id(&self, part: &str) -> AttrValue {
        AttrValue::from(format!("gazette-{}-{part}", self.widget))
    }

    /// Sends the action `make` turns a component's value into.
    fn send<T: 'static>(&self, make: fn(T) -> Action) -> Callback<T> {
        let s = self.state.dispatcher();
        Callback::from(move |v: T| s.dispatch(make(v)))
    }

    fn signal(&self, action: fn() -> Action) -> Callback<()> {
        let s = self.state.dispatcher();
        Callback::from(move |_: ()| s.dispatch(action()))
    }

    /// For a button that goes away as it is used: the focus moves on to the first of `to` that
    /// is in the page, never back to the page itself.
    fn signal_then_focus(
        &self,
        action: impl Fn() -> Action + 'static,
        to: Vec<NodeRef>,
    ) -> Callback<()> {
        let s = self.state.dispatcher();
        Callback::from(move |_: ()| {
            s.dispatch(action());
            if let Some(el) = to.iter().find_map(|r| r.cast::<web_sys::HtmlElement>()) {
                browser::focus_in_place(&el);
            }
        })
    }

    /// The chips to show (`previewing`: while a large document is read).
    fn chips(&self, previewing: bool) -> Chips {
        let state = &**self.state;
        let (o, f) = (&state.outcome, &state.filter);
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
        let (all_count, counts) = match whole {
            Some((total, counts)) => (total, counts.as_slice()),
            None => (
                o.categories.iter().map(|c| c.count).sum::<usize>(),
                o.categories.as_slice(),
            ),
        };
        let mut chips: Vec<_> = counts
            .iter()
            .map(|c| (c.clone(), state.catalog.swatch_of_category(&c.name)))
            .collect();
        // A chosen category the stories do not have (a preset or link naming another set's)
        // still shows, pressed with no stories, so the reader can see and undo it.
        for name in &f.categories {
            if !chips.iter().any(|(c, _)| &c.name == name) {
                let none = CategoryCount {
                    name: name.clone(),
                    count: 0,
                };
                chips.push((none, state.catalog.swatch_of_category(name)));
            }
        }
        // (An archive's chips too, while older shards may come.)
        let arriving = previewing || state.archive_pending();
        let mut order = self.chip_order.borrow_mut();
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
        let manifest = state
            .archive
            .as_ref()
            .and_then(|a| a.archive.categories.as_ref());
        let choice = arriving
            || !f.categories.is_empty()
            || manifest.is_some_and(|c| c.len() > 1)
            || state.catalog.category_names().len() > 1;
        Chips {
            list: Rc::new(chips),
            all: all_count,
            choice,
        }
    }

    /// The search and filter bar, in a search landmark named `landmark`.
    fn controls_bar(&self, landmark: &str, chips: Chips) -> Html {
        let (props, state, w) = (self.props, &**self.state, self.w());
        let (o, f) = (&state.outcome, &state.filter);
        let feed_text = FeedText::of(state.meta.language.as_deref());
        let Chips {
            list: categories,
            all: all_count,
            choice,
        } = chips;
        let years_selected = f.years.iter().map(|&y| year_label(y)).collect();
        let more_active = more_filters_on(f);
        let controls = props.controls;
        // (Only by the controls shown: the others are the page's to set.)
        let narrowed = (controls.chips && !f.categories.is_empty())
            || (controls.dates && (more_active > 0 || f.date != DatePreset::AnyTime));
        // Without a query, "Best match" lists the newest first.
        let sort_options: Vec<(&'static str, &'static str)> = SortOrder::ALL
            .iter()
            .map(|&o| (o.key(), w.sort_order(o)))
            .collect();
        html! {
            if !state.catalog.is_empty() && controls.any() {
                <div class="gz-controls">
                    if controls.search {
                        <form role="search" aria-label={fill(w.search_landmark, &[landmark])} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                            <SearchBox id={self.id("q")} value={f.query.clone()} on_input={self.send(Action::Search)} input_ref={self.refs.search.clone()} shortcut={props.search_key.clone()} />
                        </form>
                    }
                    if controls.dates || controls.sort {
                        <div class="gz-selects">
                            if controls.dates {
                                <LabelledSelect
                                    id={self.id("date")}
                                    label={w.published}
                                    options={DatePreset::ALL.iter().map(|&p| (p.key(), w.date_preset(p))).collect::<Vec<_>>()}
                                    value={f.date.key()}
                                    on_change={self.send(|k: String| Action::SetDate(DatePreset::from_key(&k).unwrap_or_default()))}
                                />
                            }
                            if controls.sort {
                                <LabelledSelect
                                    id={self.id("sort")}
                                    label={w.sort}
                                    options={sort_options}
                                    value={f.sort.key()}
                                    on_change={self.send(|k: String| Action::SetSort(SortOrder::from_key(&k).unwrap_or_default()))}
                                />
                            }
                        </div>
                    }
                    if controls.chips && choice {
                        <CategoryChips
                            {categories}
                            selected={f.categories.clone()}
                            {all_count}
                            on_toggle={self.send(Action::ToggleCategory)}
                            on_all={self.signal(|| Action::AllCategories)}
                            text={feed_text.clone()}
                        />
                    }
                    if controls.dates {
                        <details class="gz-more-filters" open={state.facets_open} ontoggle={{
                            let s = self.state.dispatcher();
                            Callback::from(move |e: Event| {
                                s.dispatch(Action::ShowFacets(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()));
                            })
                        }}>
                            // The widget opens and closes the panel itself (a click, or Enter or
                            // Space on the summary), so that the facets are built in the same
                            // frame as the panel opens; while it is closed they are neither
                            // counted nor in the page, and a keystroke costs less.
                            <summary onclick={{
                                let (s, open) = (self.state.dispatcher(), state.facets_open);
                                Callback::from(move |e: MouseEvent| {
                                    e.prevent_default();
                                    s.dispatch(Action::ShowFacets(!open));
                                })
                            }}>{ if more_active > 0 { w.count(&w.more_filters_on, more_active, &[]) } else { w.more_filters.to_string() } }</summary>
                            if state.facets_open {
                                <div class="gz-facets">
                                    <DateRange id={self.id("range")} from={f.from} until={f.until} on_from={self.send(Action::SetFrom)} on_until={self.send(Action::SetUntil)} />
                                    <FacetGroup legend={w.year} values={Rc::new(o.years.clone())} selected={Rc::new(years_selected)}
                                        rename={Some((AttrValue::Static(UNDATED_LABEL), AttrValue::Static(w.undated)))}
                                        on_toggle={self.send(|y: String| year_from_label(&y).map_or(Action::ShowMore, Action::ToggleYear))} />
                                    <FacetGroup legend={w.authors} values={Rc::new(o.authors.clone())} selected={Rc::new(f.authors.clone())} on_toggle={self.send(Action::ToggleAuthor)} partial={o.more_authors} text={feed_text.clone()} />
                                    <FacetGroup legend={w.tags} values={Rc::new(o.tags.clone())} selected={Rc::new(f.tags.clone())} on_toggle={self.send(Action::ToggleTag)} partial={o.more_tags} text={feed_text.clone()} />
                                </div>
                            }
                        </details>
                    }
                    // Several filters are undone at once (when nothing matches, the empty list
                    // has the button instead).
                    if narrowed && o.total > 0 {
                        <button type="button" class="gz-clear" part="button"
                            onclick={self.signal_then_focus(move || Action::ClearFilters(controls), vec![self.refs.search.clone(), self.refs.title.clone()]).reform(|_: MouseEvent| ())}>
                            { w.clear_all }
                        </button>
                    }
                </div>
            }
        }
    }

    /// The cards, or what stands for them when none matches.
    fn cards(&self, previewing: bool) -> Html {
        let (props, state) = (self.props, &**self.state);
        let o = &state.outcome;
        let controls = props.controls;
        html! {
            <>
                if o.total == 0 {
                    // "Clear all filters" goes with the empty list: the focus goes to the
                    // search box (or the title).
                    <EmptyState why={empty_because(state)}
                        on_clear={self.signal_then_focus(move || Action::ClearFilters(controls), vec![self.refs.search.clone(), self.refs.title.clone()])} />
                } else {
                    <StoryList
                        catalog={state.catalog.clone()}
                        outcome={state.outcome.clone()}
                        now={state.now}
                        new_tab={props.new_tab}
                        opener={self.opener.clone()}
                        pending={state.archive_pending()}
                        more={!previewing}
                        on_more={self.signal(|| Action::ShowMore)}
                        on_engage={self.send(Action::Engage)}
                        scroll_loads_below={state.page_size.saturating_mul(SCROLL_PAGES)}
                    />
                }
            </>
        }
    }

    /// The status line's words, what shows under it, and the notices over the list, for a
    /// widget whose search landmark is named `landmark`.
    pub fn browse(&self, landmark: &str) -> (String, Html, Html) {
        let (props, state, w) = (self.props, &**self.state, self.w());
        // The search and filter bar and the cards: of the stories, or of those read so far
        // while a large document is read. The bar works on those already, and neither it nor
        // the cards move when the rest arrives (the reading's progress stands where "Show more
        // stories" will). (Not in a "More to Read" rail, which needs every story to choose
        // from.)
        let previewing = self.previewing();
        let (controls_bar, cards) = if previewing || state.load == Load::Ready {
            let chips = self.chips(previewing);
            (self.controls_bar(landmark, chips), self.cards(previewing))
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
                            <label for={self.id("progress")}>{ w.reading_all }</label>
                            <progress id={self.id("progress")}></progress>
                        </div>
                    </>
                },
            ),
            // (The status line says it; the widget keeps its space meanwhile.)
            Load::Loading => (w.loading.to_string(), Html::default()),
            Load::Failed(error) => (
                // The error panel is an alert, which says it all: the status stays quiet.
                String::new(),
                // Retry goes while the stories load again: the focus goes to the title (and back
                // to Retry if they fail again, `focus::use_retry_focus`).
                html! { <ErrorPanel error={error.clone()} on_retry={self.signal_then_focus(|| Action::Retry, vec![self.refs.title.clone()])} retry_ref={self.refs.retry.clone()} /> },
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
                        // A source that broke off after whole stories: those are shown.
                        { for state.failed_sources.iter().map(|f| html! {
                            <p class="gz-notice">{ fill_marked(
                                match f.kept {
                                    services::Kept::All => w.read_after_stories,
                                    services::Kept::BeforeFault => w.partly_read,
                                    services::Kept::Nothing => w.source_failed,
                                },
                                &[(&f.url, None), (&f.error.message(w), f.error.foreign_lang(w))],
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

        (status, body, notices)
    }

    /// Whether the cards show the stories read so far of a large document.
    pub fn previewing(&self) -> bool {
        let state = &**self.state;
        state.load == Load::Loading && !state.catalog.is_empty() && self.props.related_to.is_none()
    }

    /// Rail-only mode, once the stories are in: the status line's words and "More to Read"
    /// for one story.
    pub fn rail(&self) -> Option<(String, Html)> {
        let (props, state, w) = (self.props, &**self.state, self.w());
        // (Also under a rail with nothing in it: the full list is still there.)
        let view_all = html! {
            if let Some(href) = &props.view_all {
                <p class="gz-view-all"><a class="gz-button" part="button" href={href.clone()}>{ w.view_all }</a></p>
            }
        };
        let shown = match (&props.related_to, &state.load, &state.rail) {
            (Some(_), Load::Ready, Some(rail)) if !rail.is_empty() => (
                String::new(),
                html! {
                    <>
                        <ul class="gz-list gz-rail-list" role="list">
                            { for rail.iter().map(|&index| html! {
                                <li key={state.catalog.articles()[index].id.as_str()}>
                                    <StoryCard catalog={state.catalog.clone()} {index} now={state.now} new_tab={props.new_tab} opener={self.opener.clone()} />
                                </li>
                            }) }
                        </ul>
                        { view_all.clone() }
                    </>
                },
            ),
            // The page asked for no related stories (`related="0"`): just "View All".
            (Some(_), Load::Ready, _) if props.related == 0 => (String::new(), view_all),
            (Some(_), Load::Ready, _) => (
                String::new(),
                html! {
                    <>
                        <p class="gz-empty">{ w.nothing_related }</p>
                        { view_all.clone() }
                    </>
                },
            ),
            _ => return None,
        };
        Some(shown)
    }
}

/// Why the list of `state` is empty: no stories, or what the reader asked for matches none.
fn empty_because(state: &crate::state::State) -> Empty {
    let f = &state.filter;
    let searched = !Query::parse(&f.query).is_empty();
    let filtered = !Filter {
        query: String::new(),
        ..f.clone()
    }
    .is_unfiltered();
    match (state.catalog.is_empty(), searched, filtered) {
        (true, _, _) => Empty::NoStories,
        (false, true, false) => Empty::Search,
        (false, false, true) => Empty::Filters,
        _ => Empty::Both,
    }
}
