//! `number-mismatch` and `number-format`.
//!
//! Each side is read in its own locale. A target number that only makes sense read the
//! source's way ("11,000" in Spanish is eleven; "3.5" is no Spanish number at all) is a
//! `number-format` error with the CLDR form as fix; a right value in a non-CLDR form (Spanish
//! "4.000") is a `number-format` warning. Values that do not correspond are `number-mismatch`:
//! changed, missing, or added. Number words up to twenty count ("five" = "cinco" = "5"); dates
//! and quantities are left to their own rules.

use std::ops::Range;

use super::numbers::{NumberToken, scan};
use super::rules_dates::DateSpans;
use super::units::QuantitySpans;
use super::{BlockPair, Checker, Finding, Fix, Rule, Span};
use crate::msg;
use crate::report::Severity;

fn inside(ranges: &[Range<usize>], r: &Range<usize>) -> bool {
    ranges.iter().any(|x| x.start <= r.start && r.end <= x.end)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn decimals(raw: &str, decimal: char) -> usize {
    raw.rfind(decimal)
        .map_or(0, |at| raw.len() - at - decimal.len_utf8())
}

/// Values of number words in a text.
fn word_values(c: &super::numbers::NumberLocale, text: &str) -> Vec<f64> {
    text.split(|ch: char| !(ch.is_alphabetic() || ch == '-'))
        .filter_map(|w| c.word_value(w))
        .map(f64::from)
        .collect()
}

/// Runs both rules.
pub fn check(
    c: &Checker,
    pair: &BlockPair,
    dates: &DateSpans,
    quantities: &QuantitySpans,
    findings: &mut Vec<Finding>,
) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    // Digits left over from a date the engine broke ("Marcha 3") are the date rule's.
    let date_parts: Vec<f64> = dates.parts.iter().map(|v| f64::from(*v)).collect();
    let all_sources: Vec<(NumberToken, f64)> = scan(src)
        .into_iter()
        .filter(|n| !inside(&dates.source, &n.range))
        .filter_map(|n| c.source_numbers.parse(&n.raw).map(|v| (n, v)))
        .collect();
    let source_values: Vec<f64> = all_sources.iter().map(|(_, v)| *v).collect();
    // Target numbers with the value they were meant to have.
    let mut targets: Vec<(NumberToken, f64)> = Vec::new();
    for n in scan(tgt)
        .into_iter()
        .filter(|n| !inside(&dates.target, &n.range))
    {
        let own = c.target_numbers.parse(&n.raw);
        // What the writer may have meant in another convention, if that is a source value.
        let theirs = c
            .source_numbers
            .parse(&n.raw)
            .into_iter()
            .chain(super::numbers::readings(&n.raw))
            .find(|v| source_values.iter().any(|s| same(*s, *v)));
        let own_matches = own.is_some_and(|v| source_values.iter().any(|s| same(*s, v)));
        match (own, theirs) {
            (Some(v), _) if own_matches => {
                if !c.target_numbers.is_cldr_form(&n.raw, v) {
                    let fixed = c
                        .target_numbers
                        .format(v, decimals(&n.raw, c.target_numbers.decimal));
                    findings.push(format_finding(
                        pair,
                        Severity::Warning,
                        &n,
                        fixed,
                        "check-number-style",
                        c,
                    ));
                }
                targets.push((n, v));
            }
            (_, Some(v)) if !own.is_some_and(|o| same(o, v)) => {
                // Meant the source's way, which reads otherwise (or not at all) here.
                let places = if v.fract() == 0.0 {
                    0
                } else {
                    decimals(&n.raw, c.source_numbers.decimal).max(1)
                };
                let fixed = c.target_numbers.format(v, places);
                findings.push(format_finding(
                    pair,
                    Severity::Error,
                    &n,
                    fixed,
                    "check-number-reads-otherwise",
                    c,
                ));
                targets.push((n, v));
            }
            (Some(v), _) => targets.push((n, v)),
            (None, _) => {}
        }
    }
    // Values compared as multisets, quantities aside.
    let sources: Vec<&(NumberToken, f64)> = all_sources
        .iter()
        .filter(|(n, _)| !inside(&quantities.source, &n.range))
        .collect();
    let targets: Vec<&(NumberToken, f64)> = targets
        .iter()
        .filter(|(n, _)| !inside(&quantities.target, &n.range))
        .collect();
    let mut used = vec![false; targets.len()];
    let mut missing = Vec::new();
    for s in &sources {
        match targets
            .iter()
            .enumerate()
            .find(|(i, t)| !used[*i] && same(t.1, s.1))
        {
            Some((i, _)) => used[i] = true,
            None => missing.push(*s),
        }
    }
    let target_words = word_values(&c.target_numbers, tgt);
    let source_words = word_values(&c.source_numbers, src);
    let mut extra: Vec<&(NumberToken, f64)> = targets
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            !used[*i]
                && !source_words.iter().any(|w| same(*w, t.1))
                && !date_parts.iter().any(|d| same(*d, t.1))
        })
        .map(|(_, t)| *t)
        .collect();
    for s in missing {
        if target_words.iter().any(|w| same(*w, s.1)) {
            continue; // "five" for 5
        }
        let changed = (!extra.is_empty()).then(|| extra.remove(0));
        let (target, message) = match changed {
            Some(t) => (
                Some(Span::of(tgt, t.0.full.clone())),
                msg!(
                    "check-number-changed",
                    source = &src[s.0.full.clone()],
                    written = &tgt[t.0.full.clone()]
                ),
            ),
            None => (
                None,
                msg!("check-number-missing", source = &src[s.0.full.clone()]),
            ),
        };
        findings.push(Finding {
            rule: Rule::NumberMismatch,
            severity: Severity::Error,
            block: pair.index,
            source: Some(Span::of(src, s.0.full.clone())),
            target,
            message,
            fix: None,
        });
    }
    for t in extra {
        findings.push(Finding {
            rule: Rule::NumberMismatch,
            severity: Severity::Warning,
            block: pair.index,
            source: None,
            target: Some(Span::of(tgt, t.0.full.clone())),
            message: msg!("check-number-added", written = &tgt[t.0.full.clone()]),
            fix: None,
        });
    }
}

fn format_finding(
    pair: &BlockPair,
    severity: Severity,
    n: &NumberToken,
    fixed: String,
    id: &'static str,
    c: &Checker,
) -> Finding {
    let tgt = &pair.target.text;
    let message = match (id, c.target_numbers.parse(&n.raw)) {
        ("check-number-style", _) => msg!(
            "check-number-style",
            written = &n.raw,
            expected = &fixed,
            locale = &c.target
        ),
        (_, Some(v)) => msg!(
            "check-number-reads-otherwise",
            written = &n.raw,
            // The value as briefly as the locale writes it: "11,000" reads as "11" in Spanish.
            reads = c
                .target_numbers
                .format(v, format!("{v}").split('.').nth(1).map_or(0, str::len)),
            expected = &fixed,
            locale = &c.target
        ),
        (_, None) => msg!(
            "check-number-foreign",
            written = &n.raw,
            expected = &fixed,
            locale = &c.target
        ),
    };
    Finding {
        rule: Rule::NumberFormat,
        severity,
        block: pair.index,
        source: None,
        target: Some(Span::of(tgt, n.range.clone())),
        message,
        fix: Some(Fix {
            range: n.range.clone(),
            replacement: fixed,
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn rules(target: &str, source: &str, translation: &str) -> Vec<(String, String)> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r.starts_with("number-"))
            .collect()
    }

    fn pair(rule: &str, span: &str) -> (String, String) {
        (rule.to_string(), span.to_string())
    }

    #[test]
    fn number_format_true_positives_and_negatives() {
        // "11,000" left in Spanish reads as eleven: an error, fixed to the CLDR form.
        assert_eq!(
            rules(
                "es",
                "11,000 to 12,000 soldiers",
                "11,000 a 12,000 soldados"
            ),
            vec![
                pair("number-format", "11,000"),
                pair("number-format", "12,000")
            ]
        );
        assert!(
            rules(
                "es",
                "11,000 to 12,000 soldiers",
                "entre 11.000 y 12.000 soldados"
            )
            .is_empty()
        );
        assert_eq!(
            rules("de", "It costs 3.5 million", "Es kostet 3.5 Millionen"),
            vec![pair("number-format", "3.5")]
        );
        assert!(rules("de", "It costs 3.5 million", "Es kostet 3,5 Millionen").is_empty());
        assert_eq!(
            rules("de-CH", "11,000 soldiers", "11.000 Soldaten"),
            vec![pair("number-format", "11.000")]
        );
        assert!(rules("de-CH", "11,000 soldiers", "11'000 Soldaten").is_empty());
        assert!(rules("de-CH", "11,000 soldiers", "11’000 Soldaten").is_empty());
        assert_eq!(
            rules("fr", "11,000 soldiers", "11,000 soldats"),
            vec![pair("number-format", "11,000")]
        );
        for sep in ["\u{202f}", "\u{a0}", " "] {
            assert!(
                rules("fr", "11,000 soldiers", &format!("11{sep}000 soldats")).is_empty(),
                "{sep:?}"
            );
        }
        // Right value, not the CLDR form: a warning.
        assert_eq!(
            rules("es", "4,000 people", "4.000 personas"),
            vec![pair("number-format", "4.000")]
        );
    }

    #[test]
    fn number_mismatch_true_positives_and_negatives() {
        assert_eq!(
            rules("es", "92 shells a day", "93 proyectiles al día"),
            vec![pair("number-mismatch", "93")]
        );
        assert_eq!(
            rules("de", "in 2024, 15% more", "2024 mehr"),
            vec![pair("number-mismatch", "")]
        );
        assert_eq!(
            rules("fr", "the 95th day", "le 96e jour"),
            vec![pair("number-mismatch", "96e")]
        );
        assert_eq!(
            rules("de-CH", "5 trucks", "5 Lastwagen und 7 Busse"),
            vec![pair("number-mismatch", "7")]
        );
        // Ordinals, percents, years and words by value.
        assert!(
            rules(
                "es",
                "the 95th day, 15% more in 2024",
                "el 95.º día, un 15 % más en 2024"
            )
            .is_empty()
        );
        assert!(rules("de", "the 95th day", "der 95. Tag").is_empty());
        assert!(rules("fr", "the 95th day", "le 95e jour").is_empty());
        assert!(
            rules(
                "es",
                "five trucks and 12 buses",
                "5 camiones y doce autobuses"
            )
            .is_empty()
        );
        assert!(rules("de-CH", "1.5 million", "1.5 Millionen").is_empty());
    }
}
