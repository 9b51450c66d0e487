//! Numbers an engine glued to the words around them: Apertium writes "A single 170-millimetre
//! gun" as "Un solo pistolade170 milímetros" and "a 14-year-old" as "niñode14años". Where the
//! source has the number standing alone, the spaces come back, and the target's `of` word
//! glued in between is set apart ("pistola de 170 milímetros", "niño de 14 años"). The same
//! for a number word of a compound ("a three-day strike" → "una huelgadetres días" → "una
//! huelga de tres días").

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::numbers::{NumberToken, scan};

/// See the module documentation.
pub struct Glued;

impl Rewrite for Glued {
    fn kind(&self) -> Kind {
        Kind::Spacing
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let source_numbers = scan(source);
        let loose = |glued: fn(&str, &NumberToken) -> bool| {
            source_numbers
                .iter()
                .filter(|n| !glued(source, n))
                .map(|n| n.raw.clone())
                .collect::<Vec<_>>()
        };
        let (loose_before, loose_after) = (loose(glued_before), loose(glued_after));
        let mut edits = Vec::new();
        for n in scan(target) {
            // "14años": a word of three letters or more right after the digits.
            let after = glued_after(target, &n) && loose_after.contains(&n.raw);
            let before = glued_before(target, &n) && loose_before.contains(&n.raw);
            if !after && !before {
                continue;
            }
            let mut start = n.range.start;
            let mut written = String::new();
            if before {
                start = target[..n.range.start]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .last()
                    .map_or(n.range.start, |(i, _)| i);
                let word = &target[start..n.range.start];
                let of = cx.target_words.of.as_deref().unwrap_or("");
                let split = !of.is_empty()
                    && word.len() > of.len() + 1
                    && word.to_lowercase().ends_with(&of.to_lowercase());
                if split {
                    let cut = word.len() - of.len();
                    written = format!("{} {} ", &word[..cut], &word[cut..]);
                } else {
                    written = format!("{word} ");
                }
            }
            written.push_str(&target[n.full.clone()]);
            if after {
                written.push(' ');
            }
            edits.push(Edit {
                range: start..n.full.end,
                written,
                rule: None,
            });
        }
        edits.extend(glued_words(cx, source, target));
        edits.sort_by_key(|e| e.range.start);
        edits
    }
}

/// "huelgadetres" → "huelga de tres", where the source has a compound of that number word
/// ("three-day").
fn glued_words(cx: &Context, source: &str, target: &str) -> Vec<Edit> {
    let c = cx.checker;
    let Some(of) = cx.target_words.of.as_deref().filter(|o| !o.is_empty()) else {
        return Vec::new();
    };
    let lower_source = source.to_lowercase();
    let compounds: Vec<u32> = c
        .source_numbers
        .words()
        .filter(|(w, _)| lower_source.contains(&format!("{w}-")))
        .map(|(_, v)| v)
        .collect();
    if compounds.is_empty() {
        return Vec::new();
    }
    let mut edits = Vec::new();
    let mut at = 0;
    for word in target.split(|ch: char| !ch.is_alphabetic()) {
        let start = at;
        at += word.len()
            + target[start + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let lower = word.to_lowercase();
        if lower.len() != word.len() {
            continue;
        }
        let hit = c.target_numbers.words().find(|(w, v)| {
            compounds.contains(v)
                && lower.ends_with(&format!("{of}{w}"))
                && lower.len() >= of.len() + w.len() + 2
        });
        if let Some((w, _)) = hit {
            let cut = word.len() - w.len() - of.len();
            edits.push(Edit {
                range: start..start + word.len(),
                written: format!(
                    "{} {} {}",
                    &word[..cut],
                    &word[cut..cut + of.len()],
                    &word[cut + of.len()..]
                ),
                rule: None,
            });
        }
    }
    edits
}

/// Whether the number follows a letter directly.
fn glued_before(text: &str, n: &NumberToken) -> bool {
    text[..n.range.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
}

/// Whether a word of three letters or more follows the number (and its ordinal ending)
/// directly.
fn glued_after(text: &str, n: &NumberToken) -> bool {
    text[n.full.end..]
        .chars()
        .take(3)
        .filter(|c| c.is_alphabetic())
        .count()
        == 3
}
