//! What an embedding page can set beyond the feed: the widget's look, which controls show, and
//! the channel through which the host's JavaScript reaches a mounted widget.

use gazette_core::search::query::within_limit;
use gazette_core::words::Words;
use gazette_core::{DatePreset, Filter, SortOrder, Timestamp};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{AttrValue, Callback};

/// The languages of one widget, for every component (a context): the locale its dates are
/// written in (empty for the reader's own) and its own words.
#[derive(Clone, Debug, PartialEq)]
pub struct Locale {
    pub dates: AttrValue,
    pub words: &'static Words,
}

impl Default for Locale {
    fn default() -> Self {
        Locale {
            dates: AttrValue::default(),
            words: &gazette_core::words::ENGLISH,
        }
    }
}

/// How cards are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Cards in a grid, as many columns as fit (one in a narrow container).
    #[default]
    Grid,
    /// One card per row, the picture beside the text.
    List,
    /// Headlines with their badges only: no pictures or excerpts.
    Compact,
    /// A narrow "More to Read" column: small pictures, short excerpts.
    Rail,
}

impl Layout {
    /// The layout an attribute names (`grid`, `list`, `compact`, `rail`).
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key.trim().to_ascii_lowercase().as_str() {
            "grid" => Layout::Grid,
            "list" => Layout::List,
            "compact" => Layout::Compact,
            "rail" => Layout::Rail,
            _ => return None,
        })
    }

    /// Its class on the widget's root.
    pub fn class(self) -> &'static str {
        match self {
            Layout::Grid => "gz-layout-grid",
            Layout::List => "gz-layout-list",
            Layout::Compact => "gz-layout-compact",
            Layout::Rail => "gz-layout-rail",
        }
    }
}

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The theme an attribute names (`auto`, `light`, `dark`).
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key.trim().to_ascii_lowercase().as_str() {
            "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => return None,
        })
    }

    /// Its class on the widget's root.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "gz-theme-auto",
            Theme::Light => "gz-theme-light",
            Theme::Dark => "gz-theme-dark",
        }
    }
}

/// Which controls show above the cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    /// The search box.
    pub search: bool,
    /// The category chips.
    pub chips: bool,
    /// The date window, the custom range and the other facets ("More filters").
    pub dates: bool,
    /// The order.
    pub sort: bool,
}

impl Default for Controls {
    fn default() -> Self {
        Controls {
            search: true,
            chips: true,
            dates: true,
            sort: true,
        }
    }
}

impl Controls {
    /// The controls a space- or comma-separated list names (`search chips dates sort`; `none`
    /// for none). Unknown names are ignored; a list that names nothing known (an empty value,
    /// a typo) leaves every control, as when the attribute is absent.
    pub fn from_list(list: &str) -> Self {
        let has = |name: &str| {
            list.split(|c: char| c == ',' || c.is_whitespace())
                .any(|w| w.eq_ignore_ascii_case(name))
        };
        let named = Controls {
            search: has("search"),
            chips: has("chips"),
            dates: has("dates"),
            sort: has("sort"),
        };
        if named.any() || has("none") {
            named
        } else {
            Controls::default()
        }
    }

    /// True when any control shows.
    pub fn any(self) -> bool {
        self.search || self.chips || self.dates || self.sort
    }
}

/// Something the host page asks of a mounted widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Search for this text.
    Query(String),
    /// Set these filters (each `None` leaves that filter as it is).
    Filters {
        /// Categories to show (empty: all).
        categories: Option<Vec<String>>,
        /// Authors to show.
        authors: Option<Vec<String>>,
        /// Tags to show.
        tags: Option<Vec<String>>,
        /// Years to show.
        years: Option<Vec<i32>>,
        /// The date window.
        date: Option<DatePreset>,
        /// The order.
        sort: Option<SortOrder>,
        /// The first day of the custom range (`Some(None)` clears it).
        from: Option<Option<Timestamp>>,
        /// The end of the custom range, the midnight after its last day (`Some(None)` clears it).
        until: Option<Option<Timestamp>>,
    },
}

impl Command {
    /// Changes `f` as the call asks.
    pub fn apply_to(&self, f: &mut Filter) {
        match self {
            Command::Query(q) => f.query = within_limit(q).to_string(),
            Command::Filters {
                categories,
                authors,
                tags,
                years,
                date,
                sort,
                from,
                until,
            } => {
                if let Some(c) = categories {
                    f.categories = c.iter().cloned().collect();
                }
                if let Some(a) = authors {
                    f.authors = a.iter().cloned().collect();
                }
                if let Some(t) = tags {
                    f.tags = t.iter().cloned().collect();
                }
                if let Some(y) = years {
                    f.years = y.iter().copied().collect();
                }
                if let Some(d) = date {
                    f.date = *d;
                }
                if let Some(o) = sort {
                    f.sort = *o;
                }
                if let Some(t) = from {
                    f.from = *t;
                }
                if let Some(t) = until {
                    f.until = *t;
                }
            }
        }
    }
}

/// The host's line to one widget. Commands sent before the widget listens (a page calling
/// `setQuery` right after `mount`) wait for it; once it has stopped listening they are dropped.
#[derive(Clone, Default)]
pub struct Remote(
    Rc<RefCell<Line>>,
    Rc<std::cell::Cell<bool>>,
    Rc<std::cell::Cell<bool>>,
);

enum Line {
    /// Not listening yet: the commands so far, in order.
    Waiting(Vec<Command>),
    Listening(Callback<Command>),
    Closed,
}

impl Default for Line {
    fn default() -> Self {
        Line::Waiting(Vec::new())
    }
}

impl Remote {
    /// The host took the widget's parameters out of the address (it was removed, or given a
    /// new source): the widget, as it goes, must not write them back.
    pub fn forget(&self) {
        self.1.set(true);
    }

    /// See [`Remote::forget`].
    pub fn forgotten(&self) -> bool {
        self.1.get()
    }

    /// The host took the reader's categories out of the address (it gave new ones): the
    /// widget, as it goes, must not write them back.
    pub fn forget_categories(&self) {
        self.2.set(true);
    }

    /// See [`Remote::forget_categories`].
    pub fn categories_forgotten(&self) -> bool {
        self.2.get()
    }

    /// Sends a command, or keeps it until the widget listens.
    pub fn send(&self, command: Command) {
        let mut line = self.0.borrow_mut();
        match &mut *line {
            Line::Listening(h) => {
                let h = h.clone();
                drop(line);
                h.emit(command);
            }
            Line::Waiting(q) => q.push(command),
            Line::Closed => {}
        }
    }

    /// The widget starts (`Some`) or stops (`None`) listening; on starting it receives the
    /// commands that waited for it.
    pub fn listen(&self, handler: Option<Callback<Command>>) {
        let waiting = {
            let mut line = self.0.borrow_mut();
            let before = std::mem::replace(
                &mut *line,
                match &handler {
                    Some(h) => Line::Listening(h.clone()),
                    None => Line::Closed,
                },
            );
            match before {
                Line::Waiting(q) => q,
                _ => Vec::new(),
            }
        };
        if let Some(h) = handler {
            for c in waiting {
                h.emit(c);
            }
        }
    }
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Remote")
    }
}
