//! A side's marks turned into fragments once, so that drawing costs linear time.
//!
//! A reviewer's page cuts text at every mark boundary and gives each fragment the classes of
//! the marks over it. Asking "which marks cover this fragment" of every mark for every fragment
//! is quadratic, and a paragraph of 200 KB has thousands of marks (a 200 KB paragraph took
//! seconds to draw). One sweep over the boundaries answers it for all fragments.

use std::collections::BTreeSet;
use std::ops::Range;

use super::model::{Mark, MarkKind};

/// The fragments of a side's display text and the marks over each.
pub struct Paint {
    /// Fragment boundaries, ascending, from 0 to the text's length; fragment `i` is
    /// `cuts[i]..cuts[i + 1]`.
    cuts: Vec<usize>,
    /// For each fragment, the indices of the marks over it, in mark order.
    over: Vec<Vec<usize>>,
}

impl Paint {
    /// The fragments of `text` under `marks` (ranges in `text`; boundaries inside a character
    /// are moved outwards to the character's edges).
    pub fn new(text: &str, marks: &[Mark]) -> Paint {
        // (position, is a start, mark index)
        let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(marks.len() * 2);
        for (i, m) in marks.iter().enumerate() {
            let (s, e) = (
                text.floor_char_boundary(m.range.start),
                text.ceil_char_boundary(m.range.end),
            );
            if s < e {
                events.push((s, true, i));
                events.push((e, false, i));
            }
        }
        events.sort_unstable();
        let mut cuts: Vec<usize> = std::iter::once(0)
            .chain(events.iter().map(|e| e.0))
            .chain(std::iter::once(text.len()))
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut over = Vec::with_capacity(cuts.len().saturating_sub(1));
        let mut active: BTreeSet<usize> = BTreeSet::new();
        let mut next = 0;
        for w in cuts.windows(2) {
            while next < events.len() && events[next].0 <= w[0] {
                let (_, start, i) = events[next];
                if start {
                    active.insert(i);
                } else {
                    active.remove(&i);
                }
                next += 1;
            }
            over.push(active.iter().copied().collect());
        }
        Paint { cuts, over }
    }

    /// The fragments within `range`: each part of `range` with the marks over it.
    pub fn fragments(&self, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, &[usize])> {
        let first = self
            .cuts
            .partition_point(|&c| c <= range.start)
            .saturating_sub(1);
        (first..self.over.len())
            .take_while(move |&i| self.cuts[i] < range.end)
            .map(move |i| {
                let a = self.cuts[i].max(range.start);
                let b = self.cuts[i + 1].min(range.end);
                (a..b, self.over[i].as_slice())
            })
            .filter(|(r, _)| !r.is_empty())
    }

    /// Every mark over any part of `range`, in mark order.
    pub fn marks_over(&self, range: Range<usize>) -> Vec<usize> {
        let all: BTreeSet<usize> = self
            .fragments(range)
            .flat_map(|(_, over)| over.iter().copied())
            .collect();
        all.into_iter().collect()
    }
}

/// The classes of some marks, with the finding indices (`data-f`) and change indices
/// (`data-l`) over them: one concept color (the first), numbers, quantities, dates, findings by
/// severity, verso's changes.
pub fn classes(marks: &[Mark], over: &[usize]) -> (String, Vec<usize>, Vec<usize>) {
    let mut classes: Vec<String> = Vec::new();
    let mut findings = Vec::new();
    let mut changes = Vec::new();
    let mut concept = false;
    for &i in over {
        let class = match &marks[i].kind {
            MarkKind::Concept(c) if !concept => {
                concept = true;
                format!("term c{}", c % 10)
            }
            MarkKind::Concept(_) => continue,
            MarkKind::Number => "num".into(),
            MarkKind::Quantity => "qty".into(),
            MarkKind::Date => "date".into(),
            MarkKind::Finding(f, s) => {
                findings.push(*f);
                format!("fd {}", super::html::severity_class(*s))
            }
            MarkKind::Localized(l) => {
                changes.push(*l);
                "loc".into()
            }
        };
        if !classes.contains(&class) {
            classes.push(class);
        }
    }
    (classes.join(" "), findings, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;

    fn mark(range: Range<usize>, kind: MarkKind) -> Mark {
        Mark { range, kind }
    }

    #[test]
    fn fragments_carry_the_marks_over_them() {
        let text = "one 11,000 two";
        let marks = vec![
            mark(0..14, MarkKind::Finding(0, Severity::Warning)),
            mark(4..10, MarkKind::Number),
        ];
        let p = Paint::new(text, &marks);
        let got: Vec<(Range<usize>, Vec<usize>)> =
            p.fragments(0..14).map(|(r, o)| (r, o.to_vec())).collect();
        assert_eq!(
            got,
            vec![(0..4, vec![0]), (4..10, vec![0, 1]), (10..14, vec![0])]
        );
        // A piece of the text: fragments cut at its edges.
        let got: Vec<Range<usize>> = p.fragments(6..12).map(|(r, _)| r).collect();
        assert_eq!(got, vec![6..10, 10..12]);
        assert_eq!(p.marks_over(11..12), vec![0]);
        assert_eq!(classes(&marks, &[0, 1]).0, "fd warn num");
    }

    #[test]
    fn many_marks_in_linear_time_and_boundaries_inside_characters() {
        let text = "é".repeat(50_000);
        let marks: Vec<Mark> = (0..50_000)
            .map(|i| mark(2 * i + 1..2 * i + 2, MarkKind::Number))
            .collect();
        let p = Paint::new(&text, &marks);
        assert_eq!(p.fragments(0..text.len()).count(), 50_000);
    }
}
