//! Bounded searches, so that checking a block costs time linear in its length.
//!
//! The rules pair things of the source with things of the target (numbers, quantities) in
//! order. In a paragraph of ordinary length every candidate is looked at; in a paragraph of
//! megabytes (a pasted table, a hostile file) a rule looks only at candidates near the same
//! relative position, since a translation moves a number by a few places, not by thousands.
//! Blocks with up to twice [`WINDOW`] candidates behave exactly as an unbounded search.

use std::ops::Range;

/// Candidates looked at on each side of the expected position.
pub const WINDOW: usize = 64;

/// The indices of `len` target candidates worth looking at for source item `at` of `of`: all of
/// them when there are few, else those around the same relative position.
pub fn around(at: usize, of: usize, len: usize) -> Range<usize> {
    around_within(at, of, len, WINDOW)
}

/// The target items around the place that corresponds to byte `place` of the source: items
/// sorted by their start (`start`), the source `source_len` bytes and the target `target_len`
/// long. A word of a translation stays near the same relative place.
pub fn around_place<T>(
    items: &[T],
    start: impl Fn(&T) -> usize,
    place: usize,
    source_len: usize,
    target_len: usize,
    window: usize,
) -> Range<usize> {
    let at = items.partition_point(|t| {
        (start(t) as u128) * (source_len.max(1) as u128) < (place as u128) * (target_len as u128)
    });
    around_within(at, items.len(), items.len(), window)
}

/// [`around`] with another number of candidates on each side.
pub fn around_within(at: usize, of: usize, len: usize, window: usize) -> Range<usize> {
    if len <= 2 * window {
        return 0..len;
    }
    let center = if of == 0 {
        0
    } else {
        // In u128: `at * len` overflows usize only for absurd lengths, but never panics here.
        (at as u128 * len as u128 / of as u128) as usize
    };
    let start = center.saturating_sub(window).min(len - 2 * window);
    start..start + 2 * window
}

/// An order-keeping alignment of `n` source items with `m` target items is a table of `n × m`
/// cells: up to `side × side` cells it is made whole, beyond in consecutive stretches of at
/// most `side` items per side (and the proportional stretch of the other side), so its cost
/// stays linear in the block's length. Items that fall across a stretch's edge are left to
/// each rule's pass by value.
pub fn stretches(n: usize, m: usize, side: usize) -> Vec<(Range<usize>, Range<usize>)> {
    if n.saturating_mul(m) <= side * side {
        return vec![(0..n, 0..m)];
    }
    let count = n.div_ceil(side).max(m.div_ceil(side)).max(1);
    (0..count)
        .map(|k| {
            (
                (k * n / count)..((k + 1) * n / count),
                (k * m / count)..((k + 1) * m / count),
            )
        })
        .collect()
}

/// Byte ranges with a fast "is this range inside one of them" (the union of the ranges is
/// what counts; ranges handed over in any order).
#[derive(Debug, Default, Clone)]
pub struct Covered {
    merged: Vec<Range<usize>>,
}

impl Covered {
    /// The union of `ranges`.
    pub fn new(ranges: &[Range<usize>]) -> Covered {
        let mut sorted: Vec<Range<usize>> = ranges.to_vec();
        sorted.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for r in sorted {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Covered { merged }
    }

    /// Whether `r` lies inside the union.
    pub fn contains(&self, r: &Range<usize>) -> bool {
        let i = self.merged.partition_point(|m| m.start <= r.start);
        i > 0 && self.merged[i - 1].end >= r.end
    }

    /// Whether `r` shares a byte with the union.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        let i = self.merged.partition_point(|m| m.end <= r.start);
        self.merged.get(i).is_some_and(|m| m.start < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lists_are_searched_whole_and_long_ones_around_the_position() {
        assert_eq!(around(3, 5, 100), 0..100);
        let r = around(5000, 10_000, 10_000);
        assert_eq!(r.len(), 2 * WINDOW);
        assert!(r.contains(&5000));
        assert_eq!(around(0, 10_000, 500), 0..2 * WINDOW);
        assert_eq!(around(9_999, 10_000, 500), 500 - 2 * WINDOW..500);
        assert_eq!(around(usize::MAX / 2, usize::MAX, 1000).len(), 2 * WINDOW);
    }

    #[test]
    fn stretches_cover_both_sides_in_order() {
        assert_eq!(stretches(10, 20, 256), vec![(0..10, 0..20)]);
        let s = stretches(1000, 600, 256);
        assert_eq!(s.len(), 4);
        assert_eq!(
            (s[0].0.start, s[3].0.end, s[0].1.start, s[3].1.end),
            (0, 1000, 0, 600)
        );
        assert!(
            s.windows(2)
                .all(|w| w[0].0.end == w[1].0.start && w[0].1.end == w[1].1.start)
        );
        assert!(s.iter().all(|(a, b)| a.len() <= 256 && b.len() <= 256));
    }

    #[test]
    fn containment_in_the_union() {
        let c = Covered::new(&[10..20, 0..5, 15..30]);
        assert!(c.contains(&(12..25)));
        assert!(c.contains(&(0..5)));
        assert!(!c.contains(&(4..11)));
        assert!(!c.contains(&(31..32)));
        assert!(!Covered::new(&[]).contains(&(0..1)));
        assert!(c.overlaps(&(29..40)) && c.overlaps(&(3..4)) && !c.overlaps(&(5..10)));
        assert!(!c.overlaps(&(30..31)) && !Covered::new(&[]).overlaps(&(0..9)));
    }
}
