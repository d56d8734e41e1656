//! Gazette: an embeddable news widget. This crate is the Yew front end; the pure core
//! (`gazette-core`) does the loading, validation and filtering.
//!
//! Layout: [`browser`] holds the calls into the browser and the listeners outside Yew, [`api`]
//! the JavaScript API and [`config`] the reading of the element's attributes; [`services`]
//! fetches and reads documents; [`state`] holds each widget's state and its reducer; [`app`]
//! wires it to the [`components`], which render and dispatch (and handle their own piece of the
//! page: keys, scrolling, timers).

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod embed;
pub mod names;
pub mod services;
pub mod state;

pub use app::{App, AppProps};
pub use services::{Fetcher, LoadError};

/// Mounts a widget on every `[data-gazette]` element of the page. Safe to call more than once:
/// an element that already has a widget is left alone.
pub fn start() {
    browser::watch_for_crash(config::words_for);
    for el in browser::mount_points() {
        if el.has_attribute("data-gazette-mounted") {
            continue;
        }
        let _ = el.set_attribute("data-gazette-mounted", "");
        // (Its id is not its address prefix: the older form never took it.)
        let props = config::starting_props(&el, embed::Remote::default(), false);
        // Fallback content for readers without scripts goes; the widget replaces it.
        el.set_text_content(None);
        yew::Renderer::<App>::with_root_and_props(el, props).render();
    }
}
