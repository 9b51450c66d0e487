//! `date-mismatch`: dates compared by value; a date missing, changed, or not written the target
//! locale's way ("enero 13" in Spanish), with the CLDR form as fix.

use std::ops::Range;

use super::{BlockPair, Checker, Finding, Fix, Rule, Span};
use crate::msg;
use crate::report::Severity;

impl Rule {
    /// A date differs, is missing, or is not written the target locale's way.
    pub const DATE_MISMATCH: Rule = Rule::new("date-mismatch");
}

/// Where dates are, so other rules leave their digits alone.
#[derive(Debug, Default)]
pub struct DateSpans {
    /// In the source text.
    pub source: Vec<Range<usize>>,
    /// In the target text.
    pub target: Vec<Range<usize>>,
    /// Days and years of the source's dates.
    pub parts: Vec<i32>,
}

/// Runs the rule; returns the date spans of both sides.
pub fn check(c: &Checker, pair: &BlockPair, findings: &mut Vec<Finding>) -> DateSpans {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let sources = c.source_dates.scan(src);
    let targets = c.target_dates.scan(tgt);
    let mut used = vec![false; targets.len()];
    let mut unmatched = Vec::new();
    for (k, s) in sources.iter().enumerate() {
        let found = super::bounded::around(k, sources.len(), targets.len()).find(|&i| {
            let t = &targets[i];
            !used[i]
                && t.month == s.month
                && t.day == s.day
                && (t.year == s.year || t.year.is_none() || s.year.is_none())
        });
        let Some(i) = found else {
            unmatched.push((k, s));
            continue;
        };
        let t = &targets[i];
        used[i] = true;
        if !c.target_dates.is_localized(tgt, t) {
            let fix = c.target_dates.long_form(t);
            findings.push(Finding {
                rule: Rule::DATE_MISMATCH,
                severity: Severity::Warning,
                block: pair.index,
                source: Some(Span::of(src, s.range.clone())),
                target: Some(Span::of(tgt, t.range.clone())),
                message: msg!(
                    "check-date-form",
                    written = &tgt[t.range.clone()],
                    expected = fix.clone().unwrap_or_default(),
                    locale = &c.target
                ),
                fix: fix.map(|replacement| Fix {
                    range: t.range.clone(),
                    replacement,
                }),
            });
        }
    }
    for (k, s) in unmatched {
        // A target date of the same month or day that is not otherwise matched: changed.
        let changed = super::bounded::around(k, sources.len(), targets.len())
            .map(|i| (i, &targets[i]))
            .find(|(i, t)| !used[*i] && (t.month == s.month || t.day == s.day));
        let expected = c.target_dates.long_form(s).unwrap_or_default();
        let (target, message) = match changed {
            Some((i, t)) => {
                used[i] = true;
                (
                    Some(Span::of(tgt, t.range.clone())),
                    msg!(
                        "check-date-changed",
                        source = &src[s.range.clone()],
                        written = &tgt[t.range.clone()],
                        expected = expected
                    ),
                )
            }
            None => (
                None,
                msg!(
                    "check-date-missing",
                    source = &src[s.range.clone()],
                    expected = expected
                ),
            ),
        };
        findings.push(Finding {
            rule: Rule::DATE_MISMATCH,
            severity: Severity::Error,
            block: pair.index,
            source: Some(Span::of(src, s.range.clone())),
            target,
            message,
            fix: None,
        });
    }
    DateSpans {
        parts: sources
            .iter()
            .flat_map(|d| [i32::from(d.day)].into_iter().chain(d.year))
            .collect(),
        source: sources.into_iter().map(|d| d.range).collect(),
        target: targets.into_iter().map(|d| d.range).collect(),
    }
}

/// The dates family.
pub struct Dates;

impl super::rules::BlockRule for Dates {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::DATE_MISMATCH]
    }

    fn fixes(&self) -> bool {
        true
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        work.dates = check(c, pair, &mut work.findings);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn dates(target: &str, source: &str, translation: &str) -> Vec<String> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r == "date-mismatch")
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn true_positives_in_four_locales() {
        assert_eq!(
            dates("es", "It began on January 9.", "Comenzó encima enero 9."),
            vec!["enero 9"]
        );
        assert_eq!(
            dates(
                "es",
                "Talks end on March 3.",
                "Las conversaciones acaban en Marcha 3."
            ),
            vec![""]
        );
        assert_eq!(
            dates(
                "de",
                "On January 13 they met.",
                "Am 14. Januar trafen sie sich."
            ),
            vec!["14. Januar"]
        );
        assert_eq!(
            dates(
                "de-CH",
                "On 24.1.2025 it opened.",
                "Am 25.1.2025 öffnete er."
            ),
            vec!["25.1.2025"]
        );
        assert_eq!(
            dates(
                "fr",
                "Jan. 9, 2025 was cold.",
                "Le janvier 9, 2025 était froid."
            ),
            vec!["janvier 9, 2025"]
        );
    }

    #[test]
    fn true_negatives_in_four_locales() {
        assert!(dates("es", "It began on January 9.", "Comenzó el 9 de enero.").is_empty());
        assert!(
            dates(
                "es",
                "SEOUL, 24.1.2025 — it began",
                "SEÚL, 24.1.2025 — comenzó"
            )
            .is_empty()
        );
        assert!(
            dates(
                "de",
                "On January 13 they met.",
                "Am 13. Januar trafen sie sich."
            )
            .is_empty()
        );
        assert!(
            dates(
                "de-CH",
                "On 24.1.2025 it opened.",
                "Am 24. Januar 2025 öffnete er."
            )
            .is_empty()
        );
        assert!(
            dates(
                "fr",
                "Jan. 9, 2025 was cold.",
                "Le 9 janvier 2025 était froid."
            )
            .is_empty()
        );
    }
}
