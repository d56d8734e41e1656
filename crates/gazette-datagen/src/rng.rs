//! A small seeded pseudo-random generator: SplitMix64 (Steele, Lea and Flood, 2014).
//!
//! It is written out here, rather than taken from `rand`, so that the sequence is fixed by this
//! file alone: the same seed gives the same numbers on every machine, compiler and crate version,
//! which is what makes the generated data sets byte-identical for everyone.

/// The SplitMix64 generator. Not for cryptography; good enough statistics for test data.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

/// The golden-ratio increment SplitMix64 adds at each step.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a strong 64-bit mixer, also used to derive seeds.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// A generator for one part of the output, independent of the order in which parts are
    /// written: `domain` names the purpose, `a` and `b` the part (e.g. copy and row).
    pub fn for_part(seed: u64, domain: u64, a: u64, b: u64) -> Self {
        let s = mix64(mix64(seed ^ domain).wrapping_add(a.wrapping_mul(GAMMA)) ^ b);
        SplitMix64::new(s)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix64(self.state)
    }

    /// A number in `0..n` (`n` > 0), by multiply-and-shift. The bias is below 2^-32 for the
    /// sizes used here, and the mapping is fixed, which is what matters.
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // The first outputs of the reference C implementation for seed 0.
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range_and_shuffle_keeps_the_items() {
        let mut r = SplitMix64::new(7);
        assert!((0..10_000).all(|_| r.below(97) < 97));
        let mut v: Vec<u32> = (0..1000).collect();
        r.shuffle(&mut v);
        assert_ne!(v, (0..1000).collect::<Vec<_>>());
        v.sort_unstable();
        assert_eq!(v, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn parts_are_independent_streams() {
        let a = SplitMix64::for_part(42, 1, 0, 5).next_u64();
        let b = SplitMix64::for_part(42, 1, 5, 0).next_u64();
        let c = SplitMix64::for_part(43, 1, 0, 5).next_u64();
        assert!(a != b && a != c && b != c);
        assert_eq!(a, SplitMix64::for_part(42, 1, 0, 5).next_u64());
    }
}
