//! `number-mismatch` and `number-format`.
//!
//! Each side is read in its own locale. A target number that only makes sense read the
//! source's way ("11,000" in Spanish is eleven; "3.5" is no Spanish number at all) is a
//! `number-format` error with the CLDR form as fix; a right value in a non-CLDR form (Spanish
//! "4.000") is a `number-format` warning. Values that do not correspond are `number-mismatch`:
//! changed, missing, or added. Number words up to twenty count ("five" = "cinco" = "5"); dates
//! and quantities are left to their own rules.

use std::collections::HashMap;
use std::ops::Range;

use super::bounded::Covered;
use super::rules_dates::DateSpans;
use super::units::QuantitySpans;
use super::{BlockPair, Checker, Finding, Fix, Rule, Span};
use crate::msg;
use crate::recognize::numbers::{NumberToken, scan};
use crate::report::Severity;

impl Rule {
    /// Numbers differ by value.
    pub const NUMBER_MISMATCH: Rule = Rule::new("number-mismatch");
    /// The value is right, the form is not the target locale's.
    pub const NUMBER_FORMAT: Rule = Rule::new("number-format");
}

/// A year written with two digits, read as the full year: the end of a range of years
/// ("1950-53" is 1953, "1981-87" 1987), a season or a fiscal year glued to letters ("SS19",
/// "FY19": 2019), a decade after an apostrophe ("the '90s": 1990). Both sides are read this
/// way, so "1950-53" kept as written still matches.
fn short_year(text: &str, n: &NumberToken) -> Option<f64> {
    if n.raw.len() != 2 || !n.raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let two: f64 = n.raw.parse().ok()?;
    let before = &text[..n.range.start];
    let after = &text[n.range.end..];
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "1950-53": the century of the year before the dash.
    if let Some(head) = before.strip_suffix(['-', '–']) {
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let year: f64 = head[head.len() - digits..].parse().ok()?;
        let boundary = !head[..head.len() - digits].ends_with(|c: char| c.is_alphanumeric());
        return (digits == 4 && boundary && (1000.0..2100.0).contains(&year))
            .then(|| (year / 100.0).floor() * 100.0 + two)
            .filter(|full| *full > year);
    }
    let century = if two <= 30.0 { 2000.0 } else { 1900.0 };
    let glued = before.ends_with(|c: char| c.is_ascii_uppercase())
        && before
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
    let apostrophe = before.ends_with(['\'', '’']) && after.starts_with('s');
    (glued || apostrophe).then_some(century + two)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn decimals(raw: &str, decimal: char) -> usize {
    raw.rfind(decimal)
        .map_or(0, |at| raw.len() - at - decimal.len_utf8())
}

/// Values of number words in a text, each once (at most twenty-one of them).
fn word_values(c: &crate::recognize::numbers::NumberLocale, text: &str) -> Vec<f64> {
    let mut values: Vec<u32> = text
        .split(|ch: char| !(ch.is_alphabetic() || ch == '-'))
        .filter_map(|w| c.word_value(w))
        .collect();
    values.sort_unstable();
    values.dedup();
    values.into_iter().map(f64::from).collect()
}

/// Number words with their byte ranges ("five", "fünf", "cinq"; two and up: "one" is as often
/// a pronoun).
fn word_tokens(
    n: &crate::recognize::numbers::NumberLocale,
    text: &str,
) -> Vec<(Range<usize>, f64)> {
    super::text::letter_words(text)
        .filter_map(|(r, w)| Some((r, f64::from(n.word_value(w).filter(|v| *v >= 2)?))))
        .collect()
}

/// A number word of the source written as another number in the target ("Five" → "Seis",
/// "fünf" → "sechs"): an error. Counted as multisets, so "three killed, three wounded" → "vier
/// getötet, drei verletzt" is caught. A number word the target leaves out is not reported
/// ("two of them" is often "ambos").
fn words_changed(
    c: &Checker,
    pair: &BlockPair,
    sources: &[(NumberToken, f64)],
    targets: &[Target],
    target_spelled: &[f64],
    findings: &mut Vec<Finding>,
) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let source_words = word_tokens(&c.source_numbers, src);
    if source_words.is_empty() {
        return;
    }
    let target_words = word_tokens(&c.target_numbers, tgt);
    // Counts by value, so a block with thousands of numbers costs linear time.
    let key = |v: f64| v.to_bits();
    let mut in_source: HashMap<u64, usize> = HashMap::new();
    for v in sources
        .iter()
        .map(|(_, v)| *v)
        .chain(source_words.iter().map(|(_, v)| *v))
    {
        *in_source.entry(key(v)).or_default() += 1;
    }
    let mut in_target: HashMap<u64, usize> = HashMap::new();
    for v in targets
        .iter()
        .filter_map(|t| t.own)
        .chain(target_words.iter().map(|(_, v)| *v))
    {
        *in_target.entry(key(v)).or_default() += 1;
    }
    let single_words: std::collections::HashSet<u64> =
        target_words.iter().map(|(_, v)| key(*v)).collect();
    // Per value, the target's words beyond the source's count are changed ones.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let mut extra: std::collections::VecDeque<&(Range<usize>, f64)> = Default::default();
    for w in &target_words {
        let n = seen.entry(key(w.1)).or_default();
        *n += 1;
        if *n > in_source.get(&key(w.1)).copied().unwrap_or(0) {
            extra.push_back(w);
        }
    }
    // Spelled groups of several words ("cuarenta y seis") count; single words are counted
    // above.
    let spelled_groups: std::collections::HashSet<u64> = target_spelled
        .iter()
        .map(|w| key(*w))
        .filter(|k| !single_words.contains(k))
        .collect();
    let mut used: HashMap<u64, usize> = HashMap::new();
    for (_, v) in sources {
        *used.entry(key(*v)).or_default() += 1;
    }
    for (range, v) in &source_words {
        let before = used.entry(key(*v)).or_default();
        let by_count = *before < in_target.get(&key(*v)).copied().unwrap_or(0);
        *before += 1;
        let covered = by_count || spelled_groups.contains(&key(*v));
        if covered || extra.is_empty() {
            continue;
        }
        let Some((written, _)) = extra.pop_front() else {
            continue;
        };
        findings.push(Finding {
            rule: Rule::NUMBER_MISMATCH,
            severity: Severity::Error,
            block: pair.index,
            source: Some(Span::of(src, range.clone())),
            target: Some(Span::of(tgt, written.clone())),
            message: msg!(
                "check-number-changed",
                source = &src[range.clone()],
                written = &tgt[written.clone()]
            ),
            fix: None,
        });
    }
}

/// A target number and the values it may have been meant as.
struct Target {
    token: NumberToken,
    /// Its value read as the target locale writes numbers.
    own: Option<f64>,
    /// Its values read the source's way or in another common convention.
    other: Vec<f64>,
    /// What its scale word multiplies it by ("millones": 10⁶), 1 without one.
    factor: f64,
}

/// How a source and a target number correspond.
#[derive(Clone, Copy, PartialEq)]
enum Match {
    /// Same value, written the target's way.
    Own,
    /// Same value only when read another way: a format error.
    Other,
}

fn matches(s: f64, t: &Target) -> Option<Match> {
    if t.own.is_some_and(|v| same(v, s)) {
        Some(Match::Own)
    } else if t.other.iter().any(|v| same(*v, s)) {
        Some(Match::Other)
    } else {
        None
    }
}

/// Aligns source and target numbers, keeping their order where possible (numbers rarely move
/// in a translation, and order tells "11,000" from an "11" elsewhere in the block): the
/// alignment with the most own-way matches, then other-way ones; numbers left over are then
/// matched by value whatever their order.
///
/// The order-keeping alignment is a table of sources × targets, so a block with thousands of
/// numbers is aligned in consecutive stretches of [`STRETCH`] numbers (and the proportional
/// stretch of targets): the cost stays linear in the block's length, and a number that falls
/// across a stretch's edge is still found by the pass by value.
fn align(sources: &[(NumberToken, f64)], targets: &[Target]) -> Vec<Option<(usize, Match)>> {
    let (n, m) = (sources.len(), targets.len());
    let mut out = vec![None; n];
    let mut used = vec![false; m];
    for (s, t) in super::bounded::stretches(n, m, STRETCH) {
        align_in_order(sources, targets, s, t, &mut out, &mut used);
    }
    // Left over: the first unused target with the value, found through an index by value
    // (made only when something is left over).
    if out.iter().all(Option::is_some) || used.iter().all(|u| *u) {
        return out;
    }
    let mut by_value: std::collections::HashMap<u64, Vec<usize>> = Default::default();
    for (j, t) in targets.iter().enumerate() {
        let mut keys: Vec<u64> = t.own.iter().chain(&t.other).map(|v| key(*v)).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            by_value.entry(k).or_default().push(j);
        }
    }
    let mut cursor: std::collections::HashMap<u64, usize> = Default::default();
    for (i, slot) in out.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let k = key(sources[i].1);
        let Some(list) = by_value.get(&k) else {
            continue;
        };
        let at = cursor.entry(k).or_default();
        while *at < list.len() && used[list[*at]] {
            *at += 1;
        }
        if let Some(&j) = list.get(*at) {
            used[j] = true;
            *slot = matches(sources[i].1, &targets[j]).map(|how| (j, how));
        }
    }
    out
}

/// Numbers aligned in order at most this many at a time.
const STRETCH: usize = 256;

/// A value as a key: numbers are compared by the value their digits parse to.
fn key(v: f64) -> u64 {
    if v == 0.0 { 0 } else { v.to_bits() }
}

/// The order-keeping alignment of `rows` of the sources with `cols` of the targets.
fn align_in_order(
    sources: &[(NumberToken, f64)],
    targets: &[Target],
    rows: Range<usize>,
    cols: Range<usize>,
    out: &mut [Option<(usize, Match)>],
    used: &mut [bool],
) {
    let (n, m) = (rows.len(), cols.len());
    let score =
        |i: usize, j: usize| match matches(sources[rows.start + i].1, &targets[cols.start + j]) {
            Some(Match::Own) => 3u32,
            Some(Match::Other) => 2,
            None => 0,
        };
    let width = m + 1;
    let mut best = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = match score(i, j) {
                0 => 0,
                s => s + best[(i + 1) * width + j + 1],
            };
            best[i * width + j] = take
                .max(best[(i + 1) * width + j])
                .max(best[i * width + j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = score(i, j);
        if s > 0 && best[i * width + j] == s + best[(i + 1) * width + j + 1] {
            let (si, tj) = (rows.start + i, cols.start + j);
            out[si] = matches(sources[si].1, &targets[tj]).map(|k| (tj, k));
            used[tj] = true;
            i += 1;
            j += 1;
        } else if best[(i + 1) * width + j] >= best[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// Runs both rules.
pub fn check(
    c: &Checker,
    pair: &BlockPair,
    dates: &DateSpans,
    quantities: &QuantitySpans,
    findings: &mut Vec<Finding>,
    forms: super::Forms,
) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    // Digits left over from a date the engine broke ("Marcha 3") are the date rule's.
    let mut date_parts: Vec<i32> = dates.parts.clone();
    date_parts.sort_unstable();
    date_parts.dedup();
    let (source_dates, target_dates) = (Covered::new(&dates.source), Covered::new(&dates.target));
    let (source_quantities, target_quantities) = (
        Covered::new(&quantities.source),
        Covered::new(&quantities.target),
    );
    // "16 billion" and "16.000 millones" are one value: amounts count at their full value.
    // Each side's numbers are read once, for the amounts and for the values.
    let (source_numbers, target_numbers) = (scan(src), scan(tgt));
    let scales = |text: &str, numbers: &[NumberToken], locale: &str| -> HashMap<usize, i32> {
        c.magnitudes
            .amounts_of(text, numbers, locale)
            .into_iter()
            .map(|a| (a.number.range.start, i32::from(a.scale)))
            .collect()
    };
    let source_scales = scales(src, &source_numbers, &c.source);
    // "£125m" left as the source writes it still means millions.
    let mut target_scales = scales(tgt, &target_numbers, &c.source);
    target_scales.extend(scales(tgt, &target_numbers, &c.target));
    let (source_times, target_times) = times(c, pair, findings);
    let sources: Vec<(NumberToken, f64)> = source_numbers
        .into_iter()
        .filter(|n| !source_dates.contains(&n.range) && !source_times.contains(&n.range))
        .filter_map(|n| {
            let scale = source_scales.get(&n.range.start).copied().unwrap_or(0);
            let v = c.source_numbers.parse(&n.raw)?;
            let v = short_year(src, &n).unwrap_or(v);
            Some((n, v * 10f64.powi(scale)))
        })
        .collect();
    let targets: Vec<Target> = target_numbers
        .into_iter()
        .filter(|n| !target_dates.contains(&n.range) && !target_times.contains(&n.range))
        .map(|n| {
            let scale = target_scales.get(&n.range.start).copied().unwrap_or(0);
            let factor = 10f64.powi(scale);
            Target {
                own: c
                    .target_numbers
                    .parse(&n.raw)
                    .map(|v| short_year(tgt, &n).unwrap_or(v) * factor),
                other: c
                    .source_numbers
                    .parse(&n.raw)
                    .into_iter()
                    .chain(crate::recognize::numbers::readings(&n.raw))
                    .map(|v| v * factor)
                    .collect(),
                factor,
                token: n,
            }
        })
        .collect();
    let aligned = align(&sources, &targets);
    let mut matched = vec![false; targets.len()];
    for (s, slot) in sources.iter().zip(&aligned) {
        let Some((j, how)) = slot else { continue };
        matched[*j] = true;
        let t = &targets[*j];
        match how {
            // "1:09,02": minutes and seconds keep their leading zero; "007" is a name.
            // "1.800 millones": before a scale word the thousands are grouped.
            Match::Own
                if tgt[..t.token.range.start].ends_with(':')
                    || t.token.raw == s.0.raw
                    || t.factor != 1.0 => {}
            Match::Own
                if !c.target_numbers.is_cldr_form(&t.token.raw, s.1 / t.factor)
                    && (forms == super::Forms::Written
                        || !c.target_numbers.is_space_grouped(&t.token.raw)) =>
            {
                let fixed = c.target_numbers.format(
                    s.1 / t.factor,
                    decimals(&t.token.raw, c.target_numbers.decimal),
                );
                findings.push(format_finding(
                    pair,
                    Severity::Warning,
                    &s.0,
                    &t.token,
                    fixed,
                    "check-number-style",
                    c,
                ));
            }
            Match::Own => {}
            // "802.11n", "2.4GHz": a name or a code more than a number, written as the
            // source writes it.
            Match::Other
                if tgt[t.token.range.end..].starts_with(char::is_alphabetic)
                    && src[s.0.range.end..].starts_with(char::is_alphabetic) => {}
            Match::Other => {
                // A decimal point (or comma) that cannot be read as grouping here ("2.4" in
                // Spanish) is understood: right where the house writes it so (es-MX, es-US,
                // es-419 by default), a warning elsewhere. One that reads as another value
                // ("11,000" is eleven in Spanish) is an error.
                let unambiguous = c.target_numbers.parse(&t.token.raw).is_none();
                if unambiguous && c.config.accepts_either_decimal(&c.target) {
                    continue;
                }
                let severity = if unambiguous {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let value = s.1 / t.factor;
                let places = if value.fract() == 0.0 {
                    0
                } else {
                    decimals(&s.0.raw, c.source_numbers.decimal).max(1)
                };
                let fixed = c.target_numbers.format(value, places);
                findings.push(format_finding(
                    pair,
                    severity,
                    &s.0,
                    &t.token,
                    fixed,
                    "check-number-reads-otherwise",
                    c,
                ));
            }
        }
    }
    // Values without a counterpart: quantities are the unit rule's, number words count.
    let mut target_words = word_values(&c.target_numbers, tgt);
    target_words.extend(c.target_numbers.spelled(tgt));
    let mut source_words = word_values(&c.source_numbers, src);
    source_words.extend(c.source_numbers.spelled(src));
    // "the 1960s" is "los años 60" as often as "la década de 1960".
    let decades: Vec<f64> = sources
        .iter()
        .filter(|(n, v)| {
            src[n.range.end..].starts_with('s') && v.fract() == 0.0 && (1000.0..2100.0).contains(v)
        })
        .map(|(_, v)| v % 100.0)
        .collect();
    source_words.extend(&decades);
    let missing: Vec<&(NumberToken, f64)> = sources
        .iter()
        .zip(&aligned)
        .filter(|(s, slot)| slot.is_none() && !source_quantities.contains(&s.0.range))
        .map(|(s, _)| s)
        .filter(|s| {
            // A score or a range ("1-0") is written with digits: "un" elsewhere is an article.
            let paired = src[s.0.range.end..].starts_with(['-', '–', ':'])
                || src[..s.0.range.start].ends_with(['-', '–', ':']);
            if paired && s.1 <= 1.0 {
                return true;
            }
            let decade = src[s.0.range.end..].starts_with('s');
            // "the 1800s" is also "el siglo XIX".
            let century = s.1 % 100.0 == 0.0 && s.1 > 0.0;
            let as_decade = |w: &f64| {
                decade && (same(*w, s.1 % 100.0) || (century && same(*w, s.1 / 100.0 + 1.0)))
            };
            !(target_words.iter().any(|w| same(*w, s.1) || as_decade(w))
                || targets.iter().filter_map(|t| t.own).any(|w| as_decade(&w)))
        })
        .collect();
    let mut extra: std::collections::VecDeque<&Target> = targets
        .iter()
        .zip(&matched)
        .filter(|(t, m)| !**m && !target_quantities.contains(&t.token.range))
        .map(|(t, _)| t)
        .filter(|t| {
            let v = t.own.or(t.other.first().copied()).unwrap_or(f64::NAN);
            let date_part = v.fract() == 0.0
                && v.abs() < f64::from(i32::MAX)
                && date_parts.binary_search(&(v as i32)).is_ok();
            !source_words.iter().any(|w| same(*w, v)) && !date_part
        })
        .collect();
    for s in missing {
        let changed = extra.pop_front();
        let (target, message) = match changed {
            Some(t) => (
                Some(Span::of(tgt, t.token.full.clone())),
                msg!(
                    "check-number-changed",
                    source = &src[s.0.full.clone()],
                    written = &tgt[t.token.full.clone()]
                ),
            ),
            None => (
                None,
                msg!("check-number-missing", source = &src[s.0.full.clone()]),
            ),
        };
        findings.push(Finding {
            rule: Rule::NUMBER_MISMATCH,
            severity: Severity::Error,
            block: pair.index,
            source: Some(Span::of(src, s.0.full.clone())),
            target,
            message,
            fix: None,
        });
    }
    words_changed(c, pair, &sources, &targets, &target_words, findings);
    for t in extra {
        findings.push(Finding {
            rule: Rule::NUMBER_MISMATCH,
            severity: Severity::Warning,
            block: pair.index,
            source: None,
            target: Some(Span::of(tgt, t.token.full.clone())),
            message: msg!("check-number-added", written = &tgt[t.token.full.clone()]),
            fix: None,
        });
    }
}

/// Times of day, compared by value ("6-8 p.m." = "de 18:00 a 20:00"): a source time with no
/// counterpart is a `number-mismatch` error. Returns the spans of the times on both sides, which
/// the number comparison leaves alone.
fn times(c: &Checker, pair: &BlockPair, findings: &mut Vec<Finding>) -> (Covered, Covered) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let language = |tag: &str| tag.split('-').next().unwrap_or(tag).to_string();
    let read = |text: &str, tag: &str, n: &crate::recognize::numbers::NumberLocale| {
        let mut all = crate::recognize::times::scan_all(text);
        let spoken =
            crate::recognize::times::scan_spoken(text, &language(tag), |w| n.word_value(w));
        let spoken: Vec<_> = spoken
            .into_iter()
            .filter(|t| {
                !all.iter()
                    .any(|a| a.range.start < t.range.end && t.range.start < a.range.end)
            })
            .collect();
        all.extend(spoken);
        all.sort_by_key(|t| t.range.start);
        all
    };
    let source = read(src, &c.source, &c.source_numbers);
    let target = read(tgt, &c.target, &c.target_numbers);
    let mut pool: Vec<(u8, u8)> = target
        .iter()
        .flat_map(|t| std::iter::once(t.start).chain(t.end))
        .collect();
    for t in &source {
        let mut found = true;
        for v in std::iter::once(t.start).chain(t.end) {
            match pool.iter().position(|p| *p == v) {
                Some(k) => {
                    pool.swap_remove(k);
                }
                None => found = false,
            }
        }
        if !found {
            findings.push(Finding {
                rule: Rule::NUMBER_MISMATCH,
                severity: Severity::Error,
                block: pair.index,
                source: Some(Span::of(src, t.range.clone())),
                target: None,
                message: msg!("check-time-missing", source = &src[t.range.clone()]),
                fix: None,
            });
        }
    }
    let spans = |ts: &[crate::recognize::times::TimeToken]| {
        Covered::new(&ts.iter().map(|t| t.range.clone()).collect::<Vec<_>>())
    };
    (spans(&source), spans(&target))
}

fn format_finding(
    pair: &BlockPair,
    severity: Severity,
    source: &NumberToken,
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
        rule: Rule::NUMBER_FORMAT,
        severity,
        block: pair.index,
        source: Some(Span::of(&pair.source.text, source.range.clone())),
        target: Some(Span::of(tgt, n.range.clone())),
        message,
        fix: Some(Fix {
            range: n.range.clone(),
            replacement: fixed,
        }),
    }
}

/// The numbers family.
pub struct Numbers;

impl super::rules::BlockRule for Numbers {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::NUMBER_MISMATCH, Rule::NUMBER_FORMAT]
    }

    fn fixes(&self) -> bool {
        true
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        check(
            c,
            pair,
            &work.dates,
            &work.quantities,
            &mut work.findings,
            work.forms,
        );
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
    fn a_space_grouping_is_read_and_rewritten() {
        let c = crate::check::testing::checker("de");
        let (s, t) = (
            crate::check::BlockText::plain("16,000 soldiers"),
            crate::check::BlockText::plain("16 000 Soldaten"),
        );
        let pair = crate::check::BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        };
        // Checked: Duden allows the space.
        assert!(c.check_block(&pair).0.is_empty());
        // Written: German's own mark.
        let fixes = c.fixes(&pair);
        assert_eq!(fixes.len(), 1);
        assert_eq!(
            fixes[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("16.000")
        );
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
