//! Quantities an engine split around their noun: Apertium writes "the 57 km tunnel" as "el 57
//! túnel de km". Where the source has the quantity whole ("57 km") and the target has its
//! number, one or two words, the target's `of` word and the quantity's unit ("57 túnel de
//! km"), the quantity is put back together after the words ("túnel de 57 km").

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::numbers::scan;

/// See the module documentation.
pub struct SplitQuantities;

impl Rewrite for SplitQuantities {
    fn kind(&self) -> Kind {
        Kind::Spacing
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let c = cx.checker;
        let Some(of) = cx.target_words.of.as_deref() else {
            return Vec::new();
        };
        let wanted = c.units.number_units(source, &c.source);
        let mut edits = Vec::new();
        for n in scan(target) {
            let Some(rest) = target[n.range.end..].strip_prefix(' ') else {
                continue;
            };
            let is_quantity = |id: &str| wanted.iter().any(|(num, u)| *num == n.raw && u == id);
            // Already whole ("57 km túnel") is not this rewrite's business.
            if c.units
                .unit_at(rest, &c.target)
                .or_else(|| c.units.unit_at(rest, &c.source))
                .is_some()
            {
                continue;
            }
            let mut at = 0;
            for _ in 0..2 {
                let word = rest[at..]
                    .chars()
                    .take_while(|ch| ch.is_alphabetic())
                    .map(char::len_utf8)
                    .sum::<usize>();
                if word == 0 {
                    break;
                }
                let words = &rest[..at + word];
                let Some(tail) = rest[at + word..]
                    .strip_prefix(' ')
                    .and_then(|t| t.strip_prefix(of))
                    .and_then(|t| t.strip_prefix(' '))
                else {
                    at += word;
                    if !rest[at..].starts_with(' ') {
                        break;
                    }
                    at += 1;
                    continue;
                };
                let unit = c
                    .units
                    .unit_at(tail, &c.target)
                    .or_else(|| c.units.unit_at(tail, &c.source));
                if let Some((_, written)) = unit.filter(|(id, _)| is_quantity(id)) {
                    let end = target.len() - tail.len() + written.len();
                    edits.push(Edit {
                        range: n.range.start..end,
                        written: format!("{words} {of} {} {written}", n.raw),
                        rule: None,
                    });
                }
                break;
            }
        }
        edits
    }
}
