//! [`Set`]: the small ordered set a [`crate::filter::Filter`] keeps its chosen values in.
//!
//! A reader chooses a few categories, authors, tags or years, so a sorted vector does what a
//! `BTreeSet` did, in the same order, and its code is a few hundred bytes of wasm rather than
//! the B-tree's several kilobytes for each element type.

use std::borrow::Borrow;

/// Distinct values in ascending order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Self {
        Set::default()
    }

    /// Adds `value`; false when it was there already.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Takes `value` out; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.0.binary_search_by(|v| v.borrow().cmp(value)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|v| v.borrow().cmp(value)).is_ok()
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    /// All at once, then sorted: an address may hold thousands of values, which one by one
    /// would each move those after them.
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.0.extend(items);
        self.0.sort_unstable();
        self.0.dedup();
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = Set::new();
        set.extend(items);
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_distinct_values_in_order_whichever_way_they_come() {
        let mut s: Set<String> = ["b", "a", "c", "a"].map(String::from).into();
        assert_eq!(s.iter().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(!s.insert("b".into()));
        assert!(s.insert("ab".into()));
        assert_eq!(s.iter().collect::<Vec<_>>(), ["a", "ab", "b", "c"]);
        assert!(s.contains("ab") && !s.contains("d"));
        assert!(s.remove("a") && !s.remove("a"));
        assert_eq!(s.len(), 3);
        s.extend(["c".to_string(), "0".to_string()]);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), ["0", "ab", "b", "c"]);
        // Equal whatever order the values came in.
        assert_eq!(
            Set::from([2021, 2023, 2022]),
            Set::from([2023, 2022, 2021, 2022])
        );
        assert!(Set::<i32>::new().is_empty());
    }
}
