//! Where the page was scrolled when the reader left it, to return there on a reload (or on Back
//! from another page, when the browser did not keep this one).
//!
//! The browser restores the position itself, but only while the page loads: the widgets' stories
//! come later, so it finds the page too short and stops near the top. The widgets write the
//! position down as the page goes ([`remember`], a few lines of text the browser keeps for the
//! tab), with the story card then at the top of the screen ([`Mark`]), and scroll there once
//! they have drawn what was above it ([`Return`]), to the card itself when it is shown.

/// How many positions are kept (the entries most recently left).
pub const KEPT: usize = 16;

/// The story card at the top of the screen as the reader left: the `widget`-th widget of the
/// page (in document order), its story `story` (the card's number in the list), whose top was
/// `offset` CSS pixels below the screen's top (above it when negative). A place in the stories,
/// not in pixels: pictures that fail to load change the page's height, but not which story was
/// read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub widget: usize,
    pub story: usize,
    pub offset: i32,
}

impl Mark {
    fn write(self) -> String {
        format!("{}:{}:{}", self.widget, self.story, self.offset)
    }

    fn read(text: &str) -> Option<Mark> {
        let mut parts = text.split(':');
        let mut next = || parts.next();
        let mark = Mark {
            widget: next()?.parse().ok()?,
            story: next()?.parse().ok()?,
            offset: next()?.parse().ok()?,
        };
        next().is_none().then_some(mark)
    }
}

/// `memory` with `y` (and the story there, `mark`) as the place of the history entry `entry`,
/// newest last, at most [`KEPT`] entries. One line per entry: the position in whole CSS pixels
/// (and, after a space, the mark), a tab, the entry's key. (Whole numbers: writing and reading
/// decimals would add the float formatting code to the wasm, about 23 KB gzip.)
pub fn remember(memory: &str, entry: &str, y: f64, mark: Option<Mark>) -> String {
    let mut lines: Vec<&str> = lines_except(memory, entry).collect();
    let skip = (lines.len() + 1).saturating_sub(KEPT);
    // (`as` saturates: NaN and a negative position are 0.)
    let y = (y + 0.5) as u32;
    let mine = match mark {
        Some(m) => format!("{y} {}\t{entry}", m.write()),
        None => format!("{y}\t{entry}"),
    };
    lines.drain(..skip);
    lines.push(&mine);
    lines.join("\n")
}

/// The position `memory` holds for `entry`, if any, with its mark, and the memory without it
/// (a position is used once: the next leaving writes it again).
pub fn take(memory: &str, entry: &str) -> (Option<(f64, Option<Mark>)>, String) {
    let place = memory.lines().find_map(|line| {
        let (place, key) = line.split_once('\t')?;
        if key != entry {
            return None;
        }
        let (y, mark) = place.split_once(' ').unwrap_or((place, ""));
        let y = y.parse::<u32>().ok().filter(|&y| y > 0)?;
        Some((f64::from(y), Mark::read(mark)))
    });
    let rest: Vec<&str> = lines_except(memory, entry).collect();
    (place, rest.join("\n"))
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

    /// The position found again by its story (see [`Mark`]), while the way is not yet given up.
    /// Within a pixel or two of the position written down it is that position (the mark's
    /// offset is rounded to a whole pixel).
    pub fn aim(&mut self, target: f64) {
        if let Some(t) = self.target.as_mut().filter(|t| (**t - target).abs() > 2.0) {
            *t = target;
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
        let m = remember("", "a", 5000.4, None);
        let m = remember(&m, "b", 120.0, None);
        let mark = Mark {
            widget: 1,
            story: 37,
            offset: -12,
        };
        let m = remember(&m, "a", 6400.0, Some(mark));
        assert_eq!(m, "120\tb\n6400 1:37:-12\ta");
        let (place, rest) = take(&m, "a");
        assert_eq!(place, Some((6400.0, Some(mark))));
        assert_eq!(rest, "120\tb");
        assert_eq!(take(&rest, "a").0, None);
        assert_eq!(take(&rest, "b"), (Some((120.0, None)), String::new()));
        // A mark that does not read leaves the position.
        assert_eq!(take("300 1:x:2\tc", "c").0, Some((300.0, None)));
        assert_eq!(take("300 1:2:3:4\tc", "c").0, Some((300.0, None)));
    }

    #[test]
    fn only_the_entries_left_last_are_kept() {
        let mut m = String::new();
        for i in 0..KEPT + 5 {
            m = remember(&m, &format!("entry-{i}"), i as f64 * 10.0 + 10.0, None);
        }
        assert_eq!(m.lines().count(), KEPT);
        assert_eq!(take(&m, "entry-4").0, None);
        assert_eq!(take(&m, "entry-5").0, Some((60.0, None)));
        assert_eq!(
            take(&m, &format!("entry-{}", KEPT + 4)).0,
            Some((210.0, None))
        );
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
        assert_eq!(take(m, "key\twith tab").0, Some((300.0, None)));
        assert_eq!(remember("", "e", f64::NAN, None), "0\te");
        assert_eq!(remember("", "e", -3.0, None), "0\te");
    }

    #[test]
    fn the_widgets_scroll_until_the_page_is_there() {
        // The first widget's stories make the page long enough.
        let mut r = Return::to(Some(5000.0), 157.0);
        assert_eq!(r.next(157.0), Some(5000.0));
        r.arrived(5000.0);
        assert!(!r.pending());
        assert_eq!(r.next(5000.0), None);
        // The story at the top of the screen is found higher up than the position (pictures
        // that failed made the page shorter): that is where the way goes.
        let mut r = Return::to(Some(5000.0), 157.0);
        r.aim(4100.0);
        assert_eq!(r.next(157.0), Some(4100.0));
        r.arrived(4100.0);
        assert!(!r.pending());
        r.aim(4300.0);
        assert_eq!(r.next(4100.0), None, "not once the way is over");
        let mut r = Return::to(Some(5000.0), 157.0);
        r.aim(4998.5);
        assert_eq!(
            r.next(157.0),
            Some(5000.0),
            "a rounded mark's pixel is no move"
        );
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
