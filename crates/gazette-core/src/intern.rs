//! Strings numbered in the order they are first seen, so that words, authors and tags can be
//! stored and counted as small integers.

use rustc_hash::FxHashMap;

/// A table of distinct strings and their numbers.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// The number of `s`, given it now if it is new.
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    /// The number of `s`, if it has one.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The strings, by number.
    pub fn names(&self) -> &[Box<str>] {
        &self.names
    }

    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The strings, by number, without the lookup table.
    pub fn into_names(self) -> Vec<Box<str>> {
        self.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_first_sight_and_repeat() {
        let mut t = Interner::default();
        assert_eq!((t.id("b"), t.id("a"), t.id("b")), (0, 1, 0));
        assert_eq!(t.get("a"), Some(1));
        assert_eq!(t.get("z"), None);
        assert_eq!(t.names(), [Box::from("b"), Box::from("a")]);
    }
}
