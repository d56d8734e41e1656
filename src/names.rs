//! The names of the widgets on a page, kept apart for assistive technology: each widget is a
//! landmark named by its heading, and two widgets of one feed would otherwise be two landmarks
//! of the same name. Every widget on a page runs in the same WebAssembly instance, so one list
//! serves them all.

use std::cell::{Cell, RefCell};

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
    /// The name each mounted widget holds.
    static HELD: RefCell<Vec<(u32, String)>> = const { RefCell::new(Vec::new()) };
}

/// A number for a new widget.
pub fn new_widget() -> u32 {
    NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// What widget `me`, headed `heading`, adds to its name to stand apart: "" while no other
/// widget holds that name, else " (2)", " (3)"… The first to take a name keeps it.
pub fn suffix(me: u32, heading: &str) -> String {
    HELD.with(|held| {
        let mut held = held.borrow_mut();
        held.retain(|(w, _)| *w != me);
        let mut n = 1;
        let name = loop {
            let name = match n {
                1 => heading.to_string(),
                _ => format!("{heading} ({n})"),
            };
            if !held.iter().any(|(_, other)| *other == name) {
                break name;
            }
            n += 1;
        };
        let suffix = name[heading.len()..].to_string();
        held.push((me, name));
        suffix
    })
}

/// Widget `me` is gone: its name is free again.
pub fn release(me: u32) {
    HELD.with(|held| held.borrow_mut().retain(|(w, _)| *w != me));
}
