//! Numbers an engine glued to the word before them: Apertium writes "A single 170-millimetre
//! gun" as "Un solo pistolade170 milímetros". Where the source has the number standing alone,
//! the space comes back, and the target's `of` word glued in between is set apart ("pistola
//! de 170 milímetros").

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::numbers::scan;

/// See the module documentation.
pub struct Glued;

impl Rewrite for Glued {
    fn kind(&self) -> Kind {
        Kind::Spacing
    }

    fn edits(&self, cx: &Context, source: &str, target: &str) -> Vec<Edit> {
        let loose: Vec<String> = scan(source)
            .into_iter()
            .filter(|n| !glued_at(source, n.range.start))
            .map(|n| n.raw)
            .collect();
        let mut edits = Vec::new();
        for n in scan(target) {
            if !glued_at(target, n.range.start) || !loose.contains(&n.raw) {
                continue;
            }
            let before = &target[..n.range.start];
            let word_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(n.range.start, |(i, _)| i);
            let word = &target[word_start..n.range.start];
            let of = cx.target_words.of.as_deref().unwrap_or("");
            let split = !of.is_empty()
                && word.len() > of.len() + 1
                && word.to_lowercase().ends_with(&of.to_lowercase());
            let written = if split {
                let cut = word.len() - of.len();
                format!("{} {} ", &word[..cut], &word[cut..])
            } else {
                format!("{word} ")
            };
            edits.push(Edit {
                range: word_start..n.range.start,
                written,
                rule: None,
            });
        }
        edits
    }
}

/// Whether the number at `at` follows a letter directly.
fn glued_at(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
}
