//! `date-mismatch` for weekdays and months named without a day: "on Sunday", "in March".
//!
//! Full dates are [`super::rules_dates`]'. What is left is the calendar words of the text,
//! compared by what they name: a weekday or a month of the source that the target names
//! differently ("Sunday" → "sábado") is an error; one the target leaves out, a warning. Names
//! come from CLDR through ICU4X in each locale; German compounds ("Sonntagmorgen") and plurals
//! ("los domingos") count as the day.

use std::ops::Range;

use super::rules_dates::DateSpans;
use super::{BlockPair, Checker, Finding, Rule, Span};
use crate::msg;
use crate::report::Severity;

/// Words after which "May" is the month ("in May", "since May", "early May").
const MONTH_BEFORE: [&str; 12] = [
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this",
];

/// A calendar word: a weekday (0-6, Monday first) or a month (1-12), and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Named {
    Weekday(usize),
    Month(u8),
}

/// Weekday and month names of a locale, for finding them in text.
pub struct CalendarNames {
    weekdays: Vec<String>,
    /// Whether a weekday may open a compound ("Sonntagmorgen"): German.
    compounds: bool,
    /// Whether names are capitalized, so a lower-case "may" or "march" is another word.
    capitalized: bool,
}

impl CalendarNames {
    /// The names of a BCP 47 locale.
    pub fn new(tag: &str) -> CalendarNames {
        let language = tag.split('-').next().unwrap_or(tag);
        CalendarNames {
            weekdays: crate::recognize::dates::weekdays(tag)
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
            compounds: language == "de",
            capitalized: matches!(language, "en" | "de"),
        }
    }

    /// The calendar words of `text` outside the `skip` spans (the full dates).
    fn find(
        &self,
        text: &str,
        dates: &crate::recognize::dates::DateLocale,
        skip: &[Range<usize>],
    ) -> Vec<(Named, Range<usize>)> {
        let skip = super::bounded::Covered::new(skip);
        super::text::letter_words(text)
            .filter(|(r, _)| !skip.contains(&(r.start..r.start + 1)))
            .filter_map(|(r, word)| Some((self.name_of(text, r.clone(), word, dates)?, r)))
            .collect()
    }

    /// What the word at `range` names, if a weekday or a month.
    fn name_of(
        &self,
        text: &str,
        range: Range<usize>,
        word: &str,
        dates: &crate::recognize::dates::DateLocale,
    ) -> Option<Named> {
        let lower = word.to_lowercase();
        // German writes compounds of a day lower-case: "freitagabendlichen".
        let compound = |w: &str| self.compounds && lower.len() > w.len() && lower.starts_with(w);
        if self.capitalized
            && !word.starts_with(char::is_uppercase)
            && !self.weekdays.iter().any(|w| compound(w))
        {
            return None;
        }
        let weekday = self.weekdays.iter().position(|w| {
            lower == *w || lower.strip_suffix('s') == Some(w.as_str()) || compound(w)
        });
        if let Some(d) = weekday {
            return Some(Named::Weekday(d));
        }
        // "Oktoberanfang", "Oktoberhälfte".
        let month_compound = || {
            self.compounds
                .then(|| {
                    (4..lower.len())
                        .filter(|&n| lower.is_char_boundary(n))
                        .find_map(|n| dates.full_month(&lower[..n]))
                })
                .flatten()
        };
        // "until Oct.": an abbreviation with its dot.
        let abbreviated = || {
            (text[range.end..].starts_with('.') && lower.chars().count() >= 3)
                .then(|| dates.any_month(&lower))
                .flatten()
        };
        let month = dates
            .full_month(&lower)
            .or_else(month_compound)
            .or_else(abbreviated)?;
        // "May" is also a name (Theresa May) and a verb: a month only before a number or
        // after a word that asks for one ("in May").
        if lower == "may" {
            let before_number = text[range.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
            let previous = text[..range.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !before_number && !MONTH_BEFORE.contains(&previous.as_str()) {
                return None;
            }
        }
        Some(Named::Month(month))
    }
}

/// Target words looked at on each side of a name's place.
const WINDOW: usize = 256;

/// The words of `text`, lower-case, with their byte ranges.
fn words_of(text: &str) -> Vec<(Range<usize>, String)> {
    super::text::letter_words(text)
        .map(|(r, w)| (r, w.to_lowercase()))
        .collect()
}

/// A word one or two letters off `expected` (a weekday or month name, lower-case), with its
/// first letter.
fn misspelled(words: &[(Range<usize>, String)], expected: &str) -> Option<Range<usize>> {
    let n = expected.chars().count();
    if n < 4 {
        return None;
    }
    words
        .iter()
        .find(|(_, w)| {
            w.chars().next() == expected.chars().next()
                && w.chars().count().abs_diff(n) <= 2
                && (1..=2).contains(&super::names::distance(w, expected))
        })
        .map(|(r, _)| r.clone())
}

/// Runs the rule on the calendar words outside the block's full dates.
pub fn check(c: &Checker, pair: &BlockPair, dates: &DateSpans, findings: &mut Vec<Finding>) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let sources = c.source_calendar.find(src, &c.source_dates, &dates.source);
    if sources.is_empty() {
        return;
    }
    let targets = c.target_calendar.find(tgt, &c.target_dates, &[]);
    let mut used = vec![false; targets.len()];
    let mut missing = Vec::new();
    let mut by_name: std::collections::HashMap<Named, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    // Target indices per kind: weekdays, months.
    let mut of_kind: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (i, (t, _)) in targets.iter().enumerate() {
        by_name.entry(*t).or_default().push_back(i);
        of_kind[usize::from(matches!(t, Named::Month(_)))].push(i);
    }
    // The target's words, looked at around each name's relative place: linear in a block's
    // length.
    let words = words_of(tgt);
    let near = |range: &Range<usize>| {
        let place = |(r, _): &(Range<usize>, String)| r.start;
        &words
            [super::bounded::around_place(&words, place, range.start, src.len(), tgt.len(), WINDOW)]
    };
    for (named, range) in &sources {
        // Kept as written: a name ("The Sunday Times", "Saturday Night Live").
        let word = &src[range.clone()];
        if near(range).iter().any(|(r, _)| &tgt[r.clone()] == word) {
            continue;
        }
        // The next unused target naming the same: a queue per name keeps this linear.
        let queue = by_name.entry(*named).or_default();
        while queue.front().is_some_and(|&i| used[i]) {
            queue.pop_front();
        }
        match queue.pop_front() {
            Some(i) => used[i] = true,
            None => missing.push((*named, range.clone())),
        }
    }
    let mut cursor = [0usize; 2];
    for (named, range) in missing {
        // Another name of the same kind in its place, the next one not used: changed.
        let kind = usize::from(matches!(named, Named::Month(_)));
        while cursor[kind] < of_kind[kind].len() && used[of_kind[kind][cursor[kind]]] {
            cursor[kind] += 1;
        }
        let changed = of_kind[kind].get(cursor[kind]).copied();
        // "Siptember", "Seturday": the target's name for it, misspelled.
        let changed = changed.map(|i| (i, targets[i].1.clone())).or_else(|| {
            let expected = match named {
                Named::Weekday(d) => c.target_calendar.weekdays.get(d).map(String::as_str),
                Named::Month(m) => c.target_dates.month_name(m),
            }?;
            let around = near(&range);
            misspelled(around, expected)
                // Kept in a name, misspelled: "Seturday Night Live".
                .or_else(|| misspelled(around, &src[range.clone()].to_lowercase()))
                .map(|r| (usize::MAX, r))
        });
        let (severity, target, message) = match changed {
            Some((i, t)) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                (
                    Severity::Error,
                    Some(Span::of(tgt, t.clone())),
                    msg!(
                        "check-calendar-changed",
                        source = &src[range.clone()],
                        written = &tgt[t]
                    ),
                )
            }
            None => (
                Severity::Warning,
                None,
                msg!("check-calendar-missing", source = &src[range.clone()]),
            ),
        };
        findings.push(Finding {
            rule: Rule::DATE_MISMATCH,
            severity,
            block: pair.index,
            source: Some(Span::of(src, range)),
            target,
            message,
            fix: None,
        });
    }
}

/// Weekdays and months outside full dates.
pub struct Calendar;

impl super::rules::BlockRule for Calendar {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::DATE_MISMATCH]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        check(c, pair, &work.dates, &mut work.findings);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn calendar(target: &str, source: &str, translation: &str) -> Vec<(String, String)> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r == "date-mismatch")
            .collect()
    }

    #[test]
    fn weekdays_and_months_changed_are_errors_in_three_locales() {
        let pair = |t: &str| ("date-mismatch".to_string(), t.to_string());
        assert_eq!(
            calendar("es", "They met on Sunday.", "Se reunieron el sábado."),
            vec![pair("sábado")]
        );
        assert_eq!(
            calendar(
                "de",
                "They met on Sunday morning.",
                "Sie trafen sich am Samstagmorgen."
            ),
            vec![pair("Samstagmorgen")]
        );
        assert_eq!(
            calendar(
                "fr",
                "Prices rose in March.",
                "Les prix ont augmenté en avril."
            ),
            vec![pair("avril")]
        );
    }

    #[test]
    fn the_same_days_and_months_pass() {
        assert!(calendar("es", "They met on Sunday.", "Se reunieron el domingo.").is_empty());
        assert!(
            calendar(
                "de",
                "They met on Sunday morning.",
                "Sie trafen sich am Sonntagmorgen."
            )
            .is_empty()
        );
        assert!(
            calendar(
                "fr",
                "Prices rose in March.",
                "Les prix ont augmenté en mars."
            )
            .is_empty()
        );
        // Theresa May is no month; "may" is a verb.
        assert!(
            calendar(
                "es",
                "Theresa May said it may rain.",
                "Theresa May dijo que podría llover."
            )
            .is_empty()
        );
    }
}
