//! Times of day: "6-8 p.m." → "18:00 a 20:00", "10:30 a.m." → "10:30" in the target's clock
//! (CLDR through ICU4X), a range joined with the target's word (`time_range`).

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::times::{TimeToken, scan};

/// See the module documentation.
pub struct Times;

impl Rewrite for Times {
    fn kind(&self) -> Kind {
        Kind::Time
    }

    fn edits(&self, cx: &Context, source: &str, target: &str) -> Vec<Edit> {
        let wanted = scan(source);
        let mut edits = Vec::new();
        let mut from = 0;
        for t in scan(target) {
            // The engine kept the twelve-hour form: take the next source time of that value.
            let Some(k) = wanted[from..]
                .iter()
                .position(|w| w.start == t.start && w.end == t.end)
            else {
                continue;
            };
            from += k + 1;
            let mut written = render(cx, &t);
            // "… 6-8 p.m." at a sentence's end: its dot ends the sentence too.
            let rest = &target[t.range.end..];
            let ends_sentence = rest.is_empty()
                || rest
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && rest.starts_with(char::is_whitespace);
            if target[t.range.clone()].ends_with('.') && ends_sentence {
                written.push('.');
            }
            edits.push(Edit {
                range: t.range,
                written,
                rule: None,
            });
        }
        edits
    }
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
