//! Sorting for the whole core through two element types.
//!
//! Each sort call with its own element type or comparison is a separate copy of the standard
//! library's sorting code (kilobytes of wasm each). So the core states every order of its
//! stories and facets as a key of one of two types, sorted in their natural
//! order: [`Keyed`] (a number that orders as wanted, then an item number) or [`Named`] (a name,
//! then an item number). Every key is distinct where the order must not depend on the
//! algorithm (the item number breaks ties), so these unstable sorts give the same result as the
//! stable or comparison-based sorts they stand for. (A filter's [`crate::set::Set`] sorts its few
//! chosen values itself, a small sort in the size-built wasm.)

/// A number that orders as wanted, then an item number.
pub(crate) type Keyed = (u64, u32);

/// A name, then an item number.
pub(crate) type Named<'a> = (&'a str, u32);

/// Sorts ascending.
pub(crate) fn sort(v: &mut [Keyed]) {
    v.sort_unstable();
}

/// Keeps only the `n` smallest, in no particular order.
pub(crate) fn keep_smallest(v: &mut Vec<Keyed>, n: usize) {
    if n == 0 {
        v.clear();
    } else if n < v.len() {
        v.select_nth_unstable(n - 1);
        v.truncate(n);
    }
}

/// The `n` smallest of `items`, sorted: the same as collecting them, [`keep_smallest`] and
/// [`sort`], without holding them all. A buffer of up to `2n` is cut back to the `n` smallest
/// whenever it fills; from then on an item not below the largest of those can never be among the
/// `n` smallest, so most items are turned away by one comparison.
pub(crate) fn smallest(items: impl IntoIterator<Item = Keyed>, n: usize) -> Vec<Keyed> {
    let mut kept: Vec<Keyed> = Vec::new();
    if n == 0 {
        return kept;
    }
    let room = n.saturating_mul(2);
    let mut bound: Option<Keyed> = None;
    for k in items {
        if bound.is_some_and(|b| k >= b) {
            continue;
        }
        kept.push(k);
        if kept.len() == room {
            keep_smallest(&mut kept, n);
            bound = kept.iter().copied().max();
        }
    }
    keep_smallest(&mut kept, n);
    sort(&mut kept);
    kept
}

/// Sorts by name (byte order), then number.
pub(crate) fn sort_names(v: &mut [Named<'_>]) {
    v.sort_unstable();
}

/// A key that orders like `t`.
pub(crate) fn of_i64(t: i64) -> u64 {
    (t as u64) ^ (1 << 63)
}

/// A key that orders like `f32::total_cmp`.
pub(crate) fn of_f32(x: f32) -> u32 {
    let bits = x.to_bits() as i32;
    let ordered = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
    (ordered as u32) ^ (1 << 31)
}

/// A key that puts larger counts first.
pub(crate) fn count_first(count: usize) -> u32 {
    u32::MAX - u32::try_from(count).unwrap_or(u32::MAX)
}

/// The places of `(name, count)` items, most first, then by name in byte order (names are
/// distinct): the order of a catalog's categories.
pub(crate) fn most_first(items: &[(&str, usize)]) -> Vec<usize> {
    let by_name = ranks(&items.iter().map(|c| c.0).collect::<Vec<_>>());
    let mut keyed: Vec<Keyed> = items
        .iter()
        .enumerate()
        .map(|(i, &(_, count))| {
            let key = u64::from(count_first(count)) << 32 | u64::from(by_name[i]);
            (key, i as u32)
        })
        .collect();
    sort(&mut keyed);
    keyed.iter().map(|&(_, i)| i as usize).collect()
}

/// The place of each name in byte order: `ranks(names)[i]` is how many names sort before
/// `names[i]` (names are distinct).
pub(crate) fn ranks<S: AsRef<str>>(names: &[S]) -> Vec<u32> {
    let mut order: Vec<Named<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_ref(), i as u32))
        .collect();
    sort_names(&mut order);
    let mut rank = vec![0u32; names.len()];
    for (r, &(_, i)) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_like_their_values() {
        let times = [i64::MIN, -5, -1, 0, 1, 7, i64::MAX];
        for w in times.windows(2) {
            assert!(of_i64(w[0]) < of_i64(w[1]));
        }
        let floats = [
            f32::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-30,
            0.5,
            3.0,
            f32::INFINITY,
            f32::NAN,
        ];
        for a in floats {
            for b in floats {
                assert_eq!(of_f32(a).cmp(&of_f32(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
        assert!(count_first(9) < count_first(2));
    }

    #[test]
    fn the_smallest_are_kept() {
        let mut v: Vec<Keyed> = [5, 3, 9, 1, 7].iter().map(|&k| (k, k as u32)).collect();
        keep_smallest(&mut v, 3);
        sort(&mut v);
        assert_eq!(v, [(1, 1), (3, 3), (5, 5)]);
        keep_smallest(&mut v, 5);
        assert_eq!(v.len(), 3);
        keep_smallest(&mut v, 0);
        assert!(v.is_empty());
    }

    #[test]
    fn the_smallest_streamed_are_the_smallest_sorted() {
        // A scrambled sequence with repeated keys (told apart by the item number).
        let items: Vec<Keyed> = (0..500u32)
            .map(|i| (u64::from(i.wrapping_mul(2_654_435_761) % 97), i))
            .collect();
        for n in [0, 1, 2, 7, 12, 96, 250, 499, 500, 501, usize::MAX] {
            let mut want = items.clone();
            keep_smallest(&mut want, n);
            sort(&mut want);
            assert_eq!(smallest(items.iter().copied(), n), want, "n = {n}");
        }
    }

    #[test]
    fn ranks_are_places_in_byte_order() {
        assert_eq!(ranks(&["b", "a", "c", "B"]), [2, 1, 3, 0]);
        assert!(ranks::<&str>(&[]).is_empty());
    }
}
