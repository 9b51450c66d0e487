//! Dates an engine mistranslated or left as they were. Apertium reads "March" in "on March 3,
//! 2024" as the noun and writes "encima Marcha 3, 2024"; a date alone ("March 14, 2026" in an
//! HTML `<time>` element, a Markdown emphasis) it leaves in English. When a source date written
//! month first has no counterpart in the target's forms, and the target has it in the source's
//! form, or a word that begins like the source's month ("Marcha" for "March") followed by the
//! same day (and year), that is the date: it is written the target's way.

use super::{Context, Edit, Kind, Rewrite, word_start};

/// See the module documentation.
pub struct MangledDates;

impl Rewrite for MangledDates {
    fn kind(&self) -> Kind {
        Kind::Date
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let c = cx.checker;
        let wanted = cx.source_dates();
        if wanted.iter().all(|d| d.numeric) {
            return Vec::new();
        }
        let found = c.target_dates.scan(target);
        // The same dates as the source language reads them in the target: left untranslated.
        let left = c.source_dates.scan(target);
        let mut edits = Vec::new();
        for d in wanted {
            let month: String = source[d.range.clone()]
                .chars()
                .take_while(|ch| ch.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if d.numeric || month.chars().count() < 3 {
                continue;
            }
            let stem: String = month.chars().take(3).collect();
            let same = |f: &&crate::recognize::dates::DateToken| {
                (f.day, f.month, f.year) == (d.day, d.month, d.year)
            };
            if found.iter().any(|f| same(&f)) {
                continue;
            }
            if let Some(f) = left.iter().find(|f| same(f) && !f.numeric)
                && let Some(written) = c.target_dates.long_form(d)
            {
                edits.push(Edit {
                    range: f.range.clone(),
                    written,
                    rule: None,
                });
                continue;
            }
            let tail = match d.year {
                Some(year) => format!(" {}, {year}", d.day),
                None => format!(" {}", d.day),
            };
            let word_before = |i: usize| {
                target[..i]
                    .char_indices()
                    .rev()
                    .take_while(|(_, ch)| ch.is_alphabetic())
                    .last()
                    .map(|(w, _)| w)
            };
            let hit = target.match_indices(&tail).find_map(|(i, _)| {
                let end = i + tail.len();
                // A year-less date is not one the engine wrote with a year ("Marcha 3, 2024").
                let rest = &target[end..];
                let with_year = rest.strip_prefix(", ").is_some_and(|r| {
                    r.len() >= 4 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                });
                let glued = rest.chars().next().is_some_and(char::is_alphanumeric);
                let alone = !(glued || (d.year.is_none() && with_year));
                let start = word_before(i)?;
                let like = target[start..i].to_lowercase().starts_with(&stem);
                (alone && like && word_start(target, start)).then_some((start, end))
            });
            let (Some((start, end)), Some(written)) = (hit, c.target_dates.long_form(d)) else {
                continue;
            };
            edits.push(Edit {
                range: start..end,
                written,
                rule: None,
            });
        }
        edits
    }
}
