//! What the widget's live region says, and when: the count of matching stories, told to
//! screen-reader users without drowning them.
//!
//! The count shows at once, but a screen reader hears it only when the reader pauses: while
//! the reader types, or makes changes in quick succession (arrow keys through a menu), the
//! region waits ([`PAUSE_MS`]), so that a word typed is one announcement. While stories still
//! arrive, a count that only grows with them is not said again. A story closing says the
//! list's count at once. [`Announcer`] decides this, render by render; the widget keeps the
//! timer it asks for.

/// How long the region waits for a pause, in milliseconds.
pub const PAUSE_MS: i32 = 700;

/// What the widget shows as it renders.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<T, A> {
    /// The sentence to show and announce.
    pub text: T,
    /// It ends in words of the feed's (an open story's headline): said at once, whatever came
    /// before.
    pub quoted: bool,
    /// Announced but not shown (the article view, whose headline it would repeat).
    pub hidden: bool,
    /// The reader is typing.
    pub typing: bool,
    /// What the reader asked for: each change is a new request, even one that leaves the count
    /// as it was.
    pub asked: A,
    /// Stories are still arriving and some show.
    pub growing: bool,
}

/// What to do with the pause's timer after a render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timer {
    /// Leave it as it is (running or not).
    Keep,
    /// Start it again; when it ends, call [`Announcer::pause_over`].
    Start,
    /// Stop it.
    Stop,
}

/// What the live region says after a render.
#[derive(Clone, Debug, PartialEq)]
pub struct Said<T> {
    pub text: T,
    /// Add a mark screen readers do not speak (a no-break space): the text reads as the last
    /// one did but answers a new request, so it must change to be said again. It alternates,
    /// so that the region's text always changes.
    pub again: bool,
    pub timer: Timer,
}

/// The live region's memory from one render to the next.
#[derive(Clone, Debug)]
pub struct Announcer<T, A> {
    /// The sentence last announced, and for which request (numbered as they come).
    announced: (T, u32),
    request: u32,
    /// The newest text: what a pending announcement says when the pause ends.
    latest: T,
    /// The request the pending announcement is for.
    pending: u32,
    story_shown: bool,
    last_asked: A,
    asked_at: f64,
    was_growing: bool,
    /// The time's text, request and mark, as last said.
    last_said: Option<(T, u32, bool)>,
    /// The last render's text, typing and request, to start or stop the timer only when they
    /// change.
    last_turn: Option<(T, bool, A)>,
}

impl<T: Clone + PartialEq, A: Clone + PartialEq> Announcer<T, A> {
    /// The region as the widget first shows `first`.
    pub fn new(first: &Shown<T, A>) -> Self {
        Announcer {
            announced: (first.text.clone(), 0),
            request: 0,
            latest: first.text.clone(),
            pending: 0,
            story_shown: first.hidden,
            last_asked: first.asked.clone(),
            asked_at: f64::NEG_INFINITY,
            was_growing: first.growing,
            last_said: None,
            last_turn: None,
        }
    }

    /// A render showing `now`, at `clock_ms` (any steady clock in milliseconds).
    pub fn show(&mut self, now: &Shown<T, A>, clock_ms: f64) -> Said<T> {
        self.latest = now.text.clone();
        // A story just closed (a render ago the status was hidden behind it): the list's count
        // is said at once, even when the close rewrote the address as typing does.
        let closed = std::mem::replace(&mut self.story_shown, now.hidden) && !now.hidden;
        let asked_again = self.last_asked != now.asked;
        // A click-like request that follows another closely waits for the pause too: one
        // announcement for the lot, of the last count. (One after typing is said at once, as
        // typing's own waits.)
        let mut quick = false;
        if asked_again {
            self.last_asked = now.asked.clone();
            self.request += 1;
            if !now.typing {
                quick = clock_ms - std::mem::replace(&mut self.asked_at, clock_ms)
                    < f64::from(PAUSE_MS);
            }
        }
        let typing = (now.typing || quick) && !closed;
        let grew = std::mem::replace(&mut self.was_growing, now.growing) && now.growing;
        // Only more stories arrived since the last render: what was said stands. (Not behind an
        // open story, whose own words stand there, nor when it closes.)
        let hold = grew && !asked_again && !closed && !now.hidden;
        let turn = Some((now.text.clone(), typing, now.asked.clone()));
        let timer = if self.last_turn == turn {
            Timer::Keep
        } else {
            self.last_turn = turn;
            if hold {
                // Held: a pending announcement still comes, with the newest count.
                Timer::Keep
            } else if typing {
                self.pending = self.request;
                Timer::Start
            } else {
                self.announced = (now.text.clone(), self.request);
                Timer::Stop
            }
        };
        let (text, request) = if (typing || hold) && !now.quoted {
            self.announced.clone()
        } else {
            (now.text.clone(), self.request)
        };
        let again = match &mut self.last_said {
            Some((said, said_for, again)) => {
                if *said == text && *said_for != request {
                    *again = !*again;
                }
                (*said, *said_for) = (text.clone(), request);
                *again
            }
            None => {
                self.last_said = Some((text.clone(), request, false));
                false
            }
        };
        Said { text, again, timer }
    }

    /// The pause after typing ended: the newest text is announced. True when that changes
    /// what the region says (render again).
    pub fn pause_over(&mut self) -> bool {
        let next = (self.latest.clone(), self.pending);
        let changed = self.announced != next;
        self.announced = next;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &'static str, asked: u8) -> Shown<&'static str, u8> {
        Shown {
            text,
            quoted: false,
            hidden: false,
            typing: false,
            asked,
            growing: false,
        }
    }

    fn typed(text: &'static str, asked: u8) -> Shown<&'static str, u8> {
        Shown {
            typing: true,
            ..shown(text, asked)
        }
    }

    #[test]
    fn a_click_is_said_at_once() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        assert_eq!(a.show(&first, 0.0).text, "51 stories");
        let said = a.show(&shown("9 stories match", 1), 5_000.0);
        assert_eq!((said.text, said.timer), ("9 stories match", Timer::Stop));
    }

    #[test]
    fn typing_is_said_once_it_pauses_with_the_newest_count() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        let said = a.show(&typed("12 stories match", 1), 100.0);
        assert_eq!((said.text, said.timer), ("51 stories", Timer::Start));
        let said = a.show(&typed("3 stories match", 2), 200.0);
        assert_eq!((said.text, said.timer), ("51 stories", Timer::Start));
        assert!(a.pause_over());
        let said = a.show(&typed("3 stories match", 2), 900.0);
        assert_eq!((said.text, said.timer), ("3 stories match", Timer::Keep));
        assert!(!a.pause_over(), "nothing new to say");
    }

    #[test]
    fn quick_changes_wait_for_the_pause_too() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        assert_eq!(a.show(&shown("9 stories", 1), 10_000.0).timer, Timer::Stop);
        let said = a.show(&shown("7 stories", 2), 10_100.0);
        assert_eq!((said.text, said.timer), ("9 stories", Timer::Start));
        a.pause_over();
        assert_eq!(a.show(&shown("7 stories", 2), 10_800.0).text, "7 stories");
    }

    #[test]
    fn the_same_count_for_a_new_request_is_marked_to_be_said_again() {
        let first = shown("1 story matches", 0);
        let mut a = Announcer::new(&first);
        assert!(!a.show(&first, 0.0).again);
        assert!(a.show(&shown("1 story matches", 1), 5_000.0).again);
        assert!(!a.show(&shown("1 story matches", 2), 10_000.0).again);
        // The same request rendered again keeps its mark.
        assert!(!a.show(&shown("1 story matches", 2), 10_001.0).again);
    }

    #[test]
    fn a_count_growing_with_arriving_stories_is_not_said_again() {
        let first = Shown {
            growing: true,
            ..shown("40 stories so far", 0)
        };
        let mut a = Announcer::new(&first);
        assert_eq!(a.show(&first, 0.0).text, "40 stories so far");
        let more = Shown {
            growing: true,
            ..shown("80 stories so far", 0)
        };
        assert_eq!(a.show(&more, 50.0).text, "40 stories so far");
        // The final count is said.
        assert_eq!(a.show(&shown("120 stories", 0), 100.0).text, "120 stories");
    }

    #[test]
    fn a_held_count_still_says_the_newest_once_typing_pauses() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        let arriving = |text, asked| Shown {
            growing: true,
            ..typed(text, asked)
        };
        // Typing while stories arrive: the pause is started; more stories only hold it.
        assert_eq!(a.show(&arriving("4 match", 1), 10.0).timer, Timer::Start);
        let said = a.show(&arriving("6 match", 1), 20.0);
        assert_eq!((said.text, said.timer), ("51 stories", Timer::Keep));
        assert!(a.pause_over());
        assert_eq!(a.show(&arriving("6 match", 1), 720.0).text, "6 match");
    }

    #[test]
    fn an_open_story_is_said_at_once_even_while_typing() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        a.show(&typed("3 stories match", 1), 10.0);
        let story = Shown {
            quoted: true,
            hidden: true,
            ..typed("Story: ", 1)
        };
        assert_eq!(a.show(&story, 20.0).text, "Story: ");
    }

    #[test]
    fn the_mark_alternates_for_each_new_request_with_the_same_words_after_a_pause() {
        let first = shown("1 story matches", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        a.show(&typed("1 story matches", 1), 10.0);
        a.pause_over();
        assert!(
            a.show(&typed("1 story matches", 1), 720.0).again,
            "request 1, the same words"
        );
        a.show(&typed("1 story matches", 2), 800.0);
        a.pause_over();
        assert!(
            !a.show(&typed("1 story matches", 2), 1_600.0).again,
            "request 2: the mark goes"
        );
        assert!(
            !a.show(&typed("1 story matches", 2), 1_700.0).again,
            "and stays gone"
        );
    }

    #[test]
    fn a_story_closing_says_the_list_count_at_once() {
        let first = shown("51 stories", 0);
        let mut a = Announcer::new(&first);
        a.show(&first, 0.0);
        let story = Shown {
            hidden: true,
            quoted: true,
            ..typed("Story: ", 0)
        };
        assert_eq!(a.show(&story, 10.0).text, "Story: ");
        // Closing rewrites the address as typing does, yet the count is said now.
        let said = a.show(&typed("51 stories", 0), 20.0);
        assert_eq!((said.text, said.timer), ("51 stories", Timer::Stop));
    }
}
