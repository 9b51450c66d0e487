//! The word before a date, a weekday or a time: "on January 9" came out of Apertium as
//! "encima enero 9" (above January 9), "on Tuesday" as "encima martes" and "at 10:30 a.m." as
//! "en 10:30". Where the source has its own word
//! (`on_date`, `at_time`) before a date or time, and the engine wrote one of the words it
//! writes there by mistake (`engine_on`, `engine_at`), the target's word is written.

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::times;

/// See the module documentation.
pub struct Prepositions;

impl Rewrite for Prepositions {
    fn kind(&self) -> Kind {
        Kind::Preposition
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        let c = cx.checker;
        let (s, t) = (cx.source_words, cx.target_words);
        let mut edits = Vec::new();
        let digits = super::has_digit(source);
        if let (Some(own), Some(want), true) = (&s.on_date, &t.on_date, digits) {
            let said: Vec<_> = cx
                .source_dates()
                .iter()
                .filter(|d| preceded_by(source, d.range.start, own))
                .collect();
            let dates = if said.is_empty() {
                Vec::new()
            } else {
                c.target_dates.scan(target)
            };
            for d in said {
                let same = dates
                    .iter()
                    .find(|f| (f.day, f.month, f.year) == (d.day, d.month, d.year));
                if let Some(f) = same {
                    edits.extend(replace_before(target, f.range.start, &t.engine_on, want));
                }
            }
        }
        if let (Some(own), Some(want)) = (&s.on_date, &t.on_date) {
            // Weekdays (CLDR names): "on Tuesday" → "el martes".
            let (from, to) = cx.weekdays;
            for (day, name) in from.iter().enumerate() {
                let Some(target_name) = to.get(day) else {
                    continue;
                };
                let said = source
                    .match_indices(name.as_str())
                    .any(|(at, _)| preceded_by(source, at, own));
                if !said {
                    continue;
                }
                let lower = target.to_lowercase();
                if lower.len() != target.len() {
                    continue;
                }
                for (at, _) in lower.match_indices(&target_name.to_lowercase()) {
                    edits.extend(replace_before(target, at, &t.engine_on, want));
                }
            }
        }
        if let (Some(own), Some(want), true) = (&s.at_time, &t.at_time, digits) {
            for time in times::scan(source) {
                if !preceded_by(source, time.range.start, own) {
                    continue;
                }
                let written = cx.clock.format(time.start);
                let at = target.match_indices(&written).map(|(i, _)| i).next();
                if let Some(at) = at {
                    edits.extend(replace_before(target, at, &t.engine_at, want));
                }
            }
        }
        edits.sort_by_key(|e| e.range.start);
        edits.dedup_by(|b, a| b.range.start < a.range.end);
        edits
    }
}

/// Whether the word right before `at` (one space between) is `word`, any case.
fn preceded_by(text: &str, at: usize, word: &str) -> bool {
    word_before(text, at).is_some_and(|(w, _)| w.to_lowercase() == word.to_lowercase())
}

/// The word right before `at`, with one space between, and where it starts.
fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let head = text[..at].strip_suffix([' ', '\u{a0}'])?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()?
        .0;
    Some((&head[start..], start))
}

/// Replaces the word before `at` by `want` when it is one of `wrong`, keeping an initial
/// capital.
fn replace_before(text: &str, at: usize, wrong: &[String], want: &str) -> Option<Edit> {
    let (word, start) = word_before(text, at)?;
    let lower = word.to_lowercase();
    if !wrong.iter().any(|w| w.to_lowercase() == lower) {
        return None;
    }
    let written = if word.starts_with(char::is_uppercase) {
        let mut cs = want.chars();
        cs.next()
            .map(|f| f.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        want.to_string()
    };
    Some(Edit {
        range: start..start + word.len(),
        written,
        rule: None,
    })
}
