//! Applying text edits to a segment: an edit lands only inside one text piece, so markup
//! placeholders and glossary names are never cut.

use std::ops::Range;

use super::Edit;
use crate::segment::{Piece, Segment};

/// The display text of a segment: text pieces and names, in order.
pub fn display(seg: &Segment, names: &[String]) -> String {
    crate::segment::display_text(seg, names)
}

/// Applies `edits` (ranges in `text`, the display text of `seg`) to `seg`; returns the edits
/// applied, with their ranges in `text` (an edit across a placeholder or a name, overlapping
/// an earlier one, or changing nothing, is not applied).
pub fn apply(seg: &mut Segment, names: &[String], text: &str, mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|e| e.range.start);
    // Display range of each piece.
    let mut spans = Vec::with_capacity(seg.pieces.len());
    let mut at = 0;
    for p in &seg.pieces {
        let len = match p {
            Piece::Text(t) => t.len(),
            Piece::Name(n) => crate::segment::name_text(names, *n).len(),
            _ => 0,
        };
        spans.push(at..at + len);
        at += len;
    }
    let mut accepted: Vec<(usize, Edit)> = Vec::new();
    for e in edits {
        let overlaps = accepted
            .last()
            .is_some_and(|(_, a)| e.range.start < a.range.end);
        let unchanged = text.get(e.range.clone()).is_none_or(|t| t == e.written);
        if overlaps || unchanged {
            continue;
        }
        let inside = seg.pieces.iter().zip(&spans).position(|(p, s)| {
            matches!(p, Piece::Text(_)) && s.start <= e.range.start && e.range.end <= s.end
        });
        if let Some(i) = inside {
            accepted.push((i, e));
        }
    }
    for (i, e) in accepted.iter().rev() {
        if let Piece::Text(t) = &mut seg.pieces[*i] {
            let local = e.range.start - spans[*i].start..e.range.end - spans[*i].start;
            t.replace_range(local, &e.written);
        }
    }
    accepted.into_iter().map(|(_, e)| e).collect()
}

/// Where `range` of a text is after `applied` edits (sorted, not overlapping, ranges in the
/// text before them): moved by the edits before it, widened over edits inside it.
pub fn moved(range: &Range<usize>, applied: &[Edit]) -> Range<usize> {
    let (mut start, mut end) = (range.start as isize, range.end as isize);
    for e in applied.iter().rev() {
        let delta = e.written.len() as isize - e.range.len() as isize;
        if e.range.end <= range.start {
            start += delta;
            end += delta;
        } else if e.range.start < range.end {
            start = start.min(e.range.start as isize);
            end = end.max(e.range.end as isize) + delta;
        }
    }
    start.max(0) as usize..end.max(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_land_inside_text_pieces_and_never_across_markup_or_names() {
        let mut seg = Segment {
            pieces: vec![
                Piece::Text("Moved ".into()),
                Piece::Open(1),
                Piece::Text("11,000 to 12,000".into()),
                Piece::Close(1),
                Piece::Text(" with ".into()),
                Piece::Name(1),
                Piece::Text(".".into()),
            ],
        };
        let names = vec!["Budanow".to_string()];
        let text = display(&seg, &names);
        assert_eq!(text, "Moved 11,000 to 12,000 with Budanow.");
        let edit = |r: std::ops::Range<usize>, w: &str| Edit {
            range: r,
            written: w.into(),
            rule: None,
        };
        let applied = apply(
            &mut seg,
            &names,
            &text,
            vec![
                edit(16..22, "12.000"),
                edit(6..12, "11.000"),
                edit(0..8, "overlapping"),
                edit(19..32, "across the close tag"),
                edit(28..35, "Budanov"),
            ],
        );
        assert_eq!(applied.len(), 2, "{applied:?}");
        assert_eq!(
            display(&seg, &names),
            "Moved 11.000 to 12.000 with Budanow."
        );
        assert_eq!(seg.pieces[1], Piece::Open(1), "markup kept");
    }
}
