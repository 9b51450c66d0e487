//! Times of day: "6-8 p.m." → "18:00 a 20:00", "10:30 a.m." → "10:30" in the target's clock
//! (CLDR through ICU4X), a range joined with the target's word (`time_range`). A time the
//! engine broke is found by its hour and what the engine made of the meridiem (Apertium
//! writes "at 11am" as "en 11 soy", I am; `engine_meridiem`).

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::times::{TimeToken, scan};

/// See the module documentation.
pub struct Times;

impl Rewrite for Times {
    fn kind(&self) -> Kind {
        Kind::Time
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let wanted = scan(source);
        let mut edits = Vec::new();
        let mut from = 0;
        let mut found = vec![false; wanted.len()];
        for t in scan(target) {
            // The engine kept the twelve-hour form: take the next source time of that value.
            let Some(k) = wanted[from..]
                .iter()
                .position(|w| w.start == t.start && w.end == t.end)
            else {
                continue;
            };
            from += k + 1;
            found[from - 1] = true;
            let written = with_sentence_end(target, &t, render(cx, &t));
            edits.push(Edit {
                range: t.range,
                written,
                rule: None,
            });
        }
        // A source range the engine split ("from 9 a.m. to 11:30 p.m." → "de 9 a.m. a 11:30
        // p.m."): each of its times, where the engine wrote it alone.
        let mut singles: Vec<(u8, u8)> = wanted
            .iter()
            .zip(&found)
            .filter(|(w, f)| !**f && w.end.is_some())
            .flat_map(|(w, _)| std::iter::once(w.start).chain(w.end))
            .collect();
        for t in scan(target).into_iter().filter(|t| t.end.is_none()) {
            let free = edits
                .iter()
                .all(|e| e.range.end <= t.range.start || t.range.end <= e.range.start);
            if let Some(k) = singles.iter().position(|s| *s == t.start).filter(|_| free) {
                singles.remove(k);
                let written = with_sentence_end(target, &t, cx.clock.format(t.start));
                edits.push(Edit {
                    range: t.range,
                    written,
                    rule: None,
                });
            }
        }
        for (w, _) in wanted
            .iter()
            .zip(&found)
            .filter(|(w, f)| !**f && w.end.is_none())
        {
            if let Some(range) = broken(cx, source, w, target, &edits) {
                edits.push(Edit {
                    range,
                    written: cx.clock.format(w.start),
                    rule: None,
                });
            }
        }
        edits.sort_by_key(|e| e.range.start);
        edits
    }
}

/// Where the engine wrote source time `w` as its hour and a broken meridiem ("11 soy",
/// "2*pm"), outside the ranges already edited.
fn broken(
    cx: &Context,
    source: &str,
    w: &TimeToken,
    target: &str,
    edits: &[Edit],
) -> Option<std::ops::Range<usize>> {
    let written = &source[w.range.clone()];
    let hour: String = written.chars().take_while(char::is_ascii_digit).collect();
    if written[hour.len()..].starts_with(':') {
        return None;
    }
    let marks: Vec<&str> = ["am", "pm", "a.m.", "p.m."]
        .into_iter()
        .chain(cx.target_words.engine_meridiem.iter().map(String::as_str))
        .collect();
    target.match_indices(hour.as_str()).find_map(|(at, _)| {
        let alone = super::word_start(target, at)
            && !target[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let rest = &target[at + hour.len()..];
        let gap = rest.len() - rest.trim_start_matches([' ', '*']).len();
        let mark = marks.iter().find(|m| {
            rest[gap..].starts_with(**m)
                && !rest[gap + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })?;
        let range = at..at + hour.len() + gap + mark.len();
        let free = edits
            .iter()
            .all(|e| e.range.end <= range.start || range.end <= e.range.start);
        (alone && free).then_some(range)
    })
}

/// `written` with a final dot when the engine's "… 6-8 p.m." ended a sentence: its dot ends
/// the sentence too. A sentence follows when a capitalized word does ("p.m. ET" is a time
/// zone, not one).
fn with_sentence_end(target: &str, t: &TimeToken, mut written: String) -> String {
    let rest = &target[t.range.end..];
    let mut next = rest.trim_start().chars();
    let capitalized =
        next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    let ends_sentence =
        rest.trim().is_empty() || (rest.starts_with(char::is_whitespace) && capitalized);
    if target[t.range.clone()].ends_with('.') && ends_sentence {
        written.push('.');
    }
    written
}

fn render(cx: &Context, t: &TimeToken) -> String {
    let start = cx.clock.format(t.start);
    match t.end {
        None => start,
        Some(end) => match &cx.target_words.time_range {
            Some(word) => format!("{start} {word} {}", cx.clock.format(end)),
            None => format!("{start}–{}", cx.clock.format(end)),
        },
    }
}
