//! Where the page was scrolled when the reader left it, to return there on a reload (or on Back
//! from another page, when the browser did not keep this one).
//!
//! The browser restores the position itself, but only while the page loads: the widgets' stories
//! come later, so it finds the page too short and stops near the top. The widgets write the
//! position down as the page goes ([`remember`], a few lines of text the browser keeps for the
//! tab) and scroll there once they have drawn what was above it ([`Return`]).

/// How many positions are kept (the entries most recently left).
pub const KEPT: usize = 16;

/// `memory` with `y` as the position of the history entry `entry`, newest last, at most
/// [`KEPT`] entries. One line per entry: the position in whole CSS pixels, a tab, the entry's
/// key. (Whole numbers: writing and reading decimals would add the float formatting code to
/// the wasm, about 23 KB gzip.)
pub fn remember(memory: &str, entry: &str, y: f64) -> String {
    let mut lines: Vec<&str> = lines_except(memory, entry).collect();
    let skip = (lines.len() + 1).saturating_sub(KEPT);
    // (`as` saturates: NaN and a negative position are 0.)
    let mine = format!("{}\t{entry}", (y + 0.5) as u32);
    lines.drain(..skip);
    lines.push(&mine);
    lines.join("\n")
}

/// The position `memory` holds for `entry`, if any, and the memory without it (a position is
/// used once: the next leaving writes it again).
pub fn take(memory: &str, entry: &str) -> (Option<f64>, String) {
    let y = memory.lines().find_map(|line| {
        let (y, key) = line.split_once('\t')?;
        (key == entry).then(|| y.parse::<u32>().ok()).flatten()
    });
    let rest: Vec<&str> = lines_except(memory, entry).collect();
    (y.filter(|&y| y > 0).map(f64::from), rest.join("\n"))
}

fn lines_except<'a>(memory: &'a str, entry: &'a str) -> impl Iterator<Item = &'a str> {
    memory
        .lines()
        .filter(move |l| l.split_once('\t').is_some_and(|(_, key)| key != entry))
}

/// The way back to a position, shared by the widgets of a page. Each widget, once it has drawn
/// its first view, asks [`Return::next`] where to scroll and tells [`Return::arrived`] where the
/// page ended up. There is no way back when the page was already long enough to reach the
/// position as the first widget started (the browser's own restoration could, and whatever the
/// page shows now is the reader's doing). The way is given up once the page is there, once the
/// reader scrolls ([`Return::reader_moved`]), or once the page is not where the widgets last
/// left it, and when the page is already further down than the position.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Return {
    target: Option<f64>,
    left_at: Option<f64>,
}

/// Closer than this (CSS pixels) is there.
const NEAR: f64 = 1.0;

impl Return {
    /// The way to `target` from a page that can be scrolled down to `max_y` now.
    pub fn to(target: Option<f64>, max_y: f64) -> Self {
        Return {
            target: target.filter(|&t| max_y < t - NEAR),
            left_at: None,
        }
    }

    /// The reader scrolled (a wheel, a touch, a key, the scroll bar): the way is given up.
    pub fn reader_moved(&mut self) {
        self.target = None;
    }

    /// Where to scroll, the page being at `y` now; `None` to leave it (and from then on).
    pub fn next(&mut self, y: f64) -> Option<f64> {
        let target = self.target?;
        let moved = self.left_at.is_some_and(|at| (y - at).abs() > NEAR);
        if moved || y >= target - NEAR {
            self.target = None;
            return None;
        }
        Some(target)
    }

    /// The page is at `y` after the scroll `next` asked for (short of the target when the page
    /// is not yet long enough: another widget may still be drawing its stories).
    pub fn arrived(&mut self, y: f64) {
        match self.target {
            Some(target) if y < target - NEAR => self.left_at = Some(y),
            _ => self.target = None,
        }
    }

    /// True while the position is still to be reached.
    pub fn pending(&self) -> bool {
        self.target.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_is_kept_per_entry_and_taken_once() {
        let m = remember("", "a", 5000.4);
        let m = remember(&m, "b", 120.0);
        let m = remember(&m, "a", 6400.0);
        assert_eq!(m, "120\tb\n6400\ta");
        let (y, rest) = take(&m, "a");
        assert_eq!(y, Some(6400.0));
        assert_eq!(rest, "120\tb");
        assert_eq!(take(&rest, "a").0, None);
        assert_eq!(take(&rest, "b"), (Some(120.0), String::new()));
    }

    #[test]
    fn only_the_entries_left_last_are_kept() {
        let mut m = String::new();
        for i in 0..KEPT + 5 {
            m = remember(&m, &format!("entry-{i}"), i as f64 * 10.0 + 10.0);
        }
        assert_eq!(m.lines().count(), KEPT);
        assert_eq!(take(&m, "entry-4").0, None);
        assert_eq!(take(&m, "entry-5").0, Some(60.0));
        assert_eq!(take(&m, &format!("entry-{}", KEPT + 4)).0, Some(210.0));
    }

    #[test]
    fn anything_else_in_the_memory_is_ignored() {
        // Another script's text, a position that is no number, the top of the page.
        let m = "junk\nNaN\tx\n-5\ty\n0\tz\nabc\ta\n2.5\tb\n300\tkey\twith tab";
        assert_eq!(take(m, "x").0, None);
        assert_eq!(take(m, "y").0, None);
        assert_eq!(take(m, "z").0, None);
        assert_eq!(take(m, "a").0, None);
        assert_eq!(take(m, "b").0, None);
        assert_eq!(take(m, "key\twith tab").0, Some(300.0));
        assert_eq!(remember("", "e", f64::NAN), "0\te");
        assert_eq!(remember("", "e", -3.0), "0\te");
    }

    #[test]
    fn the_widgets_scroll_until_the_page_is_there() {
        // The first widget's stories make the page long enough.
        let mut r = Return::to(Some(5000.0), 157.0);
        assert_eq!(r.next(157.0), Some(5000.0));
        r.arrived(5000.0);
        assert!(!r.pending());
        assert_eq!(r.next(5000.0), None);
        // A second widget's stories are needed too: the first gets part of the way.
        let mut r = Return::to(Some(5000.0), 157.0);
        assert_eq!(r.next(157.0), Some(5000.0));
        r.arrived(3100.0);
        assert!(r.pending());
        assert_eq!(r.next(3100.0), Some(5000.0));
        r.arrived(4999.5);
        assert!(!r.pending());
    }

    #[test]
    fn a_page_the_browser_could_restore_is_left_alone() {
        // Long enough as the first widget starts (its placeholder holds the space): wherever it
        // is now, the browser put it there, or the reader did.
        let mut r = Return::to(Some(3000.0), 3000.0);
        assert!(!r.pending());
        assert_eq!(r.next(1200.0), None);
        // Nothing to return to.
        let mut r = Return::to(None, 0.0);
        assert_eq!(r.next(0.0), None);
        assert!(!r.pending());
    }

    #[test]
    fn the_readers_own_scrolling_ends_the_way_back() {
        // While the first widget's stories are on their way.
        let mut r = Return::to(Some(5000.0), 0.0);
        r.reader_moved();
        assert_eq!(r.next(300.0), None);
        // After the first widget left the page short of the position.
        let mut r = Return::to(Some(5000.0), 0.0);
        assert_eq!(r.next(0.0), Some(5000.0));
        r.arrived(3100.0);
        assert_eq!(r.next(2000.0), None);
        assert!(!r.pending());
        assert_eq!(r.next(3100.0), None, "not taken up again");
        // Already further down than the position as a widget draws.
        let mut r = Return::to(Some(5000.0), 0.0);
        assert_eq!(r.next(5200.0), None);
    }
}
