//! `unit-mismatch`: quantities compared across forms and locales — "170-millimetre", "170 mm",
//! "170 milímetros" and "170-Millimeter" are one quantity. A different unit, a unit lost (or a
//! quantity broken, as in Apertium's "pistolade170 milímetros"), and a quantity left in miles
//! in a locale configured to want kilometres are flagged.

use std::ops::Range;

use super::{BlockPair, Checker, Finding, Rule, Span};
use crate::msg;
use crate::recognize::units::Quantity;
use crate::report::Severity;

impl Rule {
    /// A quantity's unit differs, is lost, or is not converted as configured.
    pub const UNIT_MISMATCH: Rule = Rule::new("unit-mismatch");
}

/// Numbers this rule has accounted for, which the number rules leave alone.
#[derive(Debug, Default)]
pub struct QuantitySpans {
    /// In the source text.
    pub source: Vec<Range<usize>>,
    /// In the target text.
    pub target: Vec<Range<usize>>,
}

fn value(c: &Checker, q: &Quantity, target_side: bool) -> Option<f64> {
    let (own, other) = if target_side {
        (&c.target_numbers, &c.source_numbers)
    } else {
        (&c.source_numbers, &c.target_numbers)
    };
    own.parse(&q.number).or_else(|| other.parse(&q.number))
}

/// Every value a target quantity's number may have been meant as (its locale's reading first,
/// then the source's and the other common conventions: a badly written number is the number
/// rules' business, the unit is this rule's).
fn target_values(c: &Checker, q: &Quantity) -> Vec<f64> {
    c.target_numbers
        .parse(&q.number)
        .into_iter()
        .chain(c.source_numbers.parse(&q.number))
        .chain(crate::recognize::numbers::readings(&q.number))
        .collect()
}

fn wants_conversion<'a>(c: &'a Checker, unit: &str) -> Option<&'a String> {
    let language = c.target.split('-').next().unwrap_or(&c.target);
    let metric = c
        .config
        .metric_locales
        .iter()
        .any(|l| l == &c.target || l == language);
    metric.then(|| c.config.convert.get(unit)).flatten()
}

/// The value of one unit in the last digit of a number as written: 1 for "27", 0.1 for "2,5".
fn last_digit_step(raw: &str) -> f64 {
    let decimals = raw
        .rfind(['.', ','])
        .map_or(0, |at| raw.len() - at - 1)
        .min(3);
    // "11.000" groups thousands: its last digit is still a unit.
    let grouped = raw
        .rfind(['.', ','])
        .is_some_and(|at| raw.len() - at - 1 == 3);
    if grouped || decimals == 0 {
        // "300" rounds to the hundred: its step is its trailing zeros' unit.
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let zeros = digits.len() - digits.trim_end_matches('0').len();
        let zeros = zeros.min(digits.len().saturating_sub(1)) as i32;
        // Rounded to the hundred is within half a hundred; a last digit, within one.
        if zeros == 0 {
            1.0
        } else {
            10f64.powi(zeros) / 2.0
        }
    } else {
        10f64.powi(-(decimals as i32))
    }
}

/// A unit's dimension and its factor to the dimension's base unit.
type Dimension = (String, f64);

/// Runs the rule; returns the spans of the quantities it matched or reported. Each source
/// quantity looks for its counterpart among the target quantities around the same position
/// ([`super::bounded`]), so a block of megabytes costs linear time.
pub fn check(c: &Checker, pair: &BlockPair, findings: &mut Vec<Finding>) -> QuantitySpans {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let mut sources: Vec<Quantity> = c.units.quantities(src, &c.source);
    if !sources.is_empty() {
        // "€5m" is five million euros, not five metres.
        let money: Vec<Range<usize>> = c
            .magnitudes
            .amounts(src, &c.source)
            .into_iter()
            // "€5m", "£1.8bn": a symbol before the number. "1,000 pounds" after "weighed"
            // is a weight as often as money: the unit reading stays.
            .filter(|a| a.currency.is_some() && a.range.start < a.number.range.start)
            .map(|a| a.range)
            .collect();
        let money = super::bounded::Covered::new(&money);
        sources.retain(|q| !money.overlaps(&q.range));
    }
    let mut spans = QuantitySpans::default();
    if sources.is_empty() {
        return spans; // nothing to look for: the target's quantities are not read
    }
    let targets = c.units.quantities(tgt, &c.target);
    let mut used = vec![false; targets.len()];
    let dim = |q: &Quantity| {
        c.units
            .units
            .get(&q.unit)
            .map(|u| (u.dimension.clone(), u.factor))
    };
    // What each target quantity is, worked out once.
    let target_info: Vec<(Option<Dimension>, Vec<f64>)> = targets
        .iter()
        .map(|t| (dim(t), target_values(c, t)))
        .collect();
    // The target's bare numbers, looked at only when a quantity is not found as one.
    let mut bare: Option<BareNumbers> = None;
    for (k, s) in sources.iter().enumerate() {
        let (Some(sv), Some((sdim, sfactor))) = (value(c, s, false), dim(s)) else {
            continue;
        };
        spans.source.push(s.range.clone());
        let base = sv * sfactor;
        let mut window = super::bounded::around(k, sources.len(), targets.len());
        let same_quantity = window.clone().find(|&i| {
            !used[i]
                && target_info[i].0.as_ref().is_some_and(|(d, f)| {
                    *d == sdim
                        && target_info[i].1.iter().any(|tv| {
                            // American degrees are Fahrenheit: "80 degrees" is "26 grados",
                            // a difference of "20 degrees" is "11 grados".
                            if sdim == "temperature"
                                && ((tv - (sv - 32.0) * 5.0 / 9.0).abs() <= 1.0
                                    || (tv - sv * 5.0 / 9.0).abs() <= 1.0)
                            {
                                return true;
                            }
                            if targets[i].unit == s.unit {
                                return (tv * f - base).abs() <= 1e-9 * base.abs().max(1e-9);
                            }
                            // A converted value is rounded: within the tolerance, or within
                            // one unit of its last written digit ("1 inch" is "2 cm").
                            let step = last_digit_step(&targets[i].number);
                            let off = (tv * f - base).abs();
                            let rounded = off < step * f && off <= 0.25 * base.abs().max(tv * f);
                            off <= c.config.tolerance * base.abs().max(1e-9) || rounded
                        })
                })
        });
        let push = |findings: &mut Vec<Finding>, severity, target: Option<Span>, message| {
            findings.push(Finding {
                rule: Rule::UNIT_MISMATCH,
                severity,
                block: pair.index,
                source: Some(Span::of(src, s.range.clone())),
                target,
                message,
                fix: None,
            });
        };
        if let Some(i) = same_quantity {
            let t = &targets[i];
            used[i] = true;
            spans.target.push(t.range.clone());
            // "50 kilometers (31 miles)": the source already gives the metric value beside
            // it, and the translation keeps both.
            // Its neighbours only ("100 to 250 meters (328 to 820 feet)"): linear time.
            let beside = [k.checked_sub(2), k.checked_sub(1), Some(k + 1), Some(k + 2)];
            let converted_beside = beside
                .into_iter()
                .flatten()
                .filter_map(|j| sources.get(j))
                .any(|o| {
                    o.unit != s.unit
                        && value(c, o, false)
                            .zip(dim(o))
                            .is_some_and(|(ov, (od, of))| {
                                // Loose: the source's own conversion is often rounded hard
                                // ("20 km (15 miles)").
                                od == sdim && (ov * of - base).abs() <= 0.3 * base.abs().max(1e-9)
                            })
                });
            if let Some(expected) = wants_conversion(c, &s.unit)
                && t.unit == s.unit
                && !converted_beside
            {
                push(
                    findings,
                    Severity::Warning,
                    Some(Span::of(tgt, t.range.clone())),
                    msg!(
                        "check-unit-convert",
                        written = &tgt[t.range.clone()],
                        unit = expected,
                        locale = &c.target
                    ),
                );
            }
            continue;
        }
        // The same number with another unit.
        if let Some(i) = window
            .clone()
            .find(|&i| !used[i] && target_info[i].1.contains(&sv))
        {
            let t = &targets[i];
            used[i] = true;
            spans.target.push(t.range.clone());
            push(
                findings,
                Severity::Error,
                Some(Span::of(tgt, t.range.clone())),
                msg!(
                    "check-unit-wrong",
                    source = &src[s.range.clone()],
                    written = &tgt[t.range.clone()]
                ),
            );
            continue;
        }
        // Another number with a unit of the same kind in its place: the number was changed
        // ("40 km" → "14 km").
        if let Some(i) =
            window.find(|&i| !used[i] && target_info[i].0.as_ref().is_some_and(|(d, _)| *d == sdim))
        {
            let t = &targets[i];
            used[i] = true;
            spans.target.push(t.range.clone());
            findings.push(Finding {
                rule: Rule::NUMBER_MISMATCH,
                severity: Severity::Error,
                block: pair.index,
                source: Some(Span::of(src, s.range.clone())),
                target: Some(Span::of(tgt, t.range.clone())),
                message: msg!(
                    "check-number-changed",
                    source = &src[s.range.clone()],
                    written = &tgt[t.range.clone()]
                ),
                fix: None,
            });
            continue;
        }
        // The number is there, but not as a quantity: the unit is lost or the quantity broken.
        let b = bare.get_or_insert_with(|| BareNumbers::new(tgt, &targets));
        let near = super::bounded::around(k, sources.len(), b.numbers.len());
        let found = near.into_iter().find(|&j| {
            !b.taken[j]
                && !b.in_quantity[j].is_some_and(|q| used[q])
                && b.values[j]
                    .get_or_insert_with(|| {
                        let raw = &b.numbers[j].raw;
                        c.target_numbers
                            .parse(raw)
                            .into_iter()
                            .chain(crate::recognize::numbers::readings(raw))
                            .collect()
                    })
                    .contains(&sv)
        });
        if let Some(j) = found {
            let n = &b.numbers[j];
            b.taken[j] = true;
            spans.target.push(n.range.clone());
            let around = widen(tgt, n.range.clone());
            push(
                findings,
                Severity::Error,
                Some(Span::of(tgt, around.clone())),
                msg!(
                    "check-unit-lost",
                    source = &src[s.range.clone()],
                    written = &tgt[around]
                ),
            );
        }
        // Otherwise the value itself is gone: the number rules report it.
    }
    spans
}

/// The target's numbers, for quantities whose unit was lost: which target quantity (if any)
/// each lies in (a number in a matched quantity is accounted for), whether one was taken, and
/// the values each may be read as, worked out when first needed.
struct BareNumbers {
    numbers: Vec<crate::recognize::numbers::NumberToken>,
    in_quantity: Vec<Option<usize>>,
    taken: Vec<bool>,
    values: Vec<Option<Vec<f64>>>,
}

impl BareNumbers {
    fn new(tgt: &str, targets: &[Quantity]) -> BareNumbers {
        let numbers = crate::recognize::numbers::scan(tgt);
        let mut in_quantity: Vec<Option<usize>> = Vec::with_capacity(numbers.len());
        let mut q = 0;
        for n in &numbers {
            while q < targets.len() && targets[q].range.end < n.range.end {
                q += 1;
            }
            in_quantity.push(
                targets
                    .get(q)
                    .filter(|t| t.range.start <= n.range.start && n.range.end <= t.range.end)
                    .map(|_| q),
            );
        }
        BareNumbers {
            taken: vec![false; numbers.len()],
            values: vec![None; numbers.len()],
            in_quantity,
            numbers,
        }
    }
}

/// The word a number is glued into ("pistolade170"), or the number with the word after it.
fn widen(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(range.start, |(i, _)| i);
    let after = &text[range.end..];
    let word_end = after
        .char_indices()
        .skip_while(|(_, c)| *c == ' ' || *c == '-')
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    start..range.end + word_end
}

/// The quantities family.
pub struct Quantities;

impl super::rules::BlockRule for Quantities {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::UNIT_MISMATCH, Rule::NUMBER_MISMATCH]
    }

    fn fixes(&self) -> bool {
        true
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        work.quantities = check(c, pair, &mut work.findings);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn units(target: &str, source: &str, translation: &str) -> Vec<String> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r == "unit-mismatch")
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn true_positives_in_four_locales() {
        assert_eq!(
            units(
                "es",
                "A 170-millimetre gun fired.",
                "Una pistolade170 milímetros disparó."
            ),
            vec!["pistolade170 milímetros"]
        );
        assert_eq!(
            units("de", "It is 40 km away.", "Es ist 40 m entfernt."),
            vec!["40 m"]
        );
        assert_eq!(
            units(
                "de-CH",
                "The road is 12 miles long.",
                "Die Strasse ist 12 Meilen lang."
            ),
            vec!["12 Meilen"]
        );
        assert_eq!(
            units("fr", "It weighs 3.5 tonnes.", "Il pèse 3,5 kilos."),
            vec!["3,5 kilos"]
        );
    }

    #[test]
    fn true_negatives_in_four_locales() {
        assert!(
            units(
                "es",
                "A 170-millimetre gun fired.",
                "Un cañón de 170 milímetros disparó."
            )
            .is_empty()
        );
        assert!(
            units(
                "de",
                "A 170-millimetre gun fired.",
                "Eine 170-Millimeter-Kanone feuerte."
            )
            .is_empty()
        );
        assert!(
            units(
                "de-CH",
                "The road is 12 miles long.",
                "Die Strasse ist 19,3 km lang."
            )
            .is_empty()
                || units(
                    "de-CH",
                    "The road is 12 miles long.",
                    "Die Strasse ist 19.3 km lang."
                )
                .is_empty()
        );
        assert!(units("fr", "It weighs 3.5 tonnes.", "Il pèse 3,5 tonnes.").is_empty());
    }
}
