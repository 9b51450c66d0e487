//! Recall of `verso check` on real errors put into real translations.
//!
//! The sentences of the graded corpus (tests/data/check-corpus) on which verso reports no error
//! get one error each of the kinds a reviewer must not miss, the way they happen in real
//! translations: a number changed (alone, inside a quantity, inside a range), a number word
//! changed ("five" → "seis"), a month or a weekday changed, a unit changed, a name altered into a
//! look-alike ("Macron" → "Macaron"), a full name dropped. Each injected pair is checked on
//! its own; the error counts as caught when verso reports an error on that block. This test
//! prints recall per kind and locale (the README's table) and keeps it from falling.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use common::root;

const CORPUS: &str = "tests/data/check-corpus";

const CASES: [(&str, &str); 6] = [
    ("flores200-devtest", "es"),
    ("flores200-devtest", "de"),
    ("flores200-devtest", "fr"),
    ("ntrex128", "es"),
    ("ntrex128", "de"),
    ("ntrex128", "fr"),
];

/// Number words two to twelve, per language.
fn number_words(lang: &str) -> [&'static str; 11] {
    match lang {
        "es" => [
            "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
            "doce",
        ],
        "de" => [
            "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
            "zwölf",
        ],
        _ => [
            "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze",
        ],
    }
}

const ENGLISH_NUMBERS: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

fn months(lang: &str) -> [&'static str; 12] {
    match lang {
        "es" => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        "de" => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        _ => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    }
}

fn weekdays(lang: &str) -> [&'static str; 7] {
    match lang {
        "es" => [
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ],
        "de" => [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ],
        _ => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
    }
}

/// Units written after a number, and a wrong unit to put in their place.
fn unit_swaps(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "es" => &[
            ("kilómetros", "metros"),
            ("metros", "kilómetros"),
            ("km", "m"),
            ("kilos", "gramos"),
            ("kg", "g"),
            ("millas", "kilómetros"),
        ],
        "de" => &[
            ("Kilometer", "Meter"),
            ("Meter", "Kilometer"),
            ("km", "m"),
            ("Kilogramm", "Gramm"),
            ("kg", "g"),
            ("Meilen", "Kilometer"),
        ],
        _ => &[
            ("kilomètres", "mètres"),
            ("mètres", "kilomètres"),
            ("km", "m"),
            ("kilos", "grammes"),
            ("kg", "g"),
            ("miles", "kilomètres"),
        ],
    }
}

/// Words of a text with their byte ranges.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn replace_at(text: &str, at: usize, old: &str, new: &str) -> String {
    format!("{}{}{}", &text[..at], new, &text[at + old.len()..])
}

/// One injected error: its kind and the changed target.
struct Injection {
    kind: &'static str,
    locale: String,
    source: String,
    target: String,
}

/// Every kind of error that can be put into this pair, at most one of each.
fn inject(
    source: &str,
    target: &str,
    lang: &str,
    common: &HashSet<String>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let src_words = words(source);
    let tgt_words = words(target);
    // A number of the source, changed in the target: its last digit.
    if let Some((at, w)) = tgt_words.iter().find(|(at, w)| {
        w.chars().all(|c| c.is_ascii_digit())
            && src_words.iter().any(|(_, s)| s == w)
            && !target[..*at].ends_with([':', '/', '.', ','])
            && !target[at + w.len()..].starts_with([':', '/', '.', ','])
    }) {
        let last = w.chars().last().and_then(|c| c.to_digit(10)).unwrap_or(0);
        let changed = format!("{}{}", &w[..w.len() - 1], (last + 3) % 10);
        if !src_words.iter().any(|(_, s)| *s == changed) {
            let after = target[at + w.len()..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            let before = target[..*at].trim_end();
            let in_quantity = unit_swaps(lang).iter().any(|(u, _)| after.starts_with(u))
                || after.starts_with('%');
            let in_range = [
                "entre", "bis", "à", " a", " y", " et", "-", "und", "zwischen",
            ]
            .iter()
            .any(|j| before.ends_with(j))
                || ["y ", "a ", "bis ", "et ", "à ", "-", "–"].iter().any(|j| {
                    after.starts_with(j)
                        && after[j.len()..].starts_with(|c: char| c.is_ascii_digit())
                });
            let kind = if in_quantity {
                "number in a quantity"
            } else if in_range {
                "number in a range"
            } else {
                "number"
            };
            out.push((kind, replace_at(target, *at, w, &changed)));
        }
    }
    // A number word of the source written as another.
    let numbers = number_words(lang);
    if let Some((at, w, k)) = tgt_words.iter().find_map(|(at, w)| {
        let k = numbers.iter().position(|n| n.eq_ignore_ascii_case(w))?;
        let in_source = src_words
            .iter()
            .any(|(_, s)| s.eq_ignore_ascii_case(ENGLISH_NUMBERS[k]) || *s == (k + 2).to_string());
        in_source.then_some((*at, *w, k))
    }) {
        let next = numbers[(k + 1) % numbers.len()];
        let next = if w.starts_with(char::is_uppercase) {
            let mut c = next.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        } else {
            next.to_string()
        };
        out.push(("number word", replace_at(target, at, w, &next)));
    }
    // A month, a weekday.
    for (kind, names) in [
        ("month", months(lang).to_vec()),
        ("weekday", weekdays(lang).to_vec()),
    ] {
        if let Some((at, w, k)) = tgt_words
            .iter()
            .find_map(|(at, w)| names.iter().position(|n| n == w).map(|k| (*at, *w, k)))
        {
            out.push((
                kind,
                replace_at(target, at, w, names[(k + 1) % names.len()]),
            ));
        }
    }
    // A unit after a number.
    if let Some((at, from, to)) = tgt_words.iter().find_map(|(at, w)| {
        let (from, to) = unit_swaps(lang).iter().find(|(u, _)| u == w)?;
        let before = target[..*at].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        before
            .ends_with(|c: char| c.is_ascii_digit())
            .then_some((*at, *from, *to))
    }) {
        out.push(("unit", replace_at(target, at, from, to)));
    }
    // A name the translation kept, altered into a look-alike: one inner vowel changed.
    let name = |(k, (_, w)): (usize, &(usize, &str))| {
        let after_sentence = k == 0
            || source[..src_words[k].0]
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '“', '«']);
        w.chars().count() >= 5
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && !after_sentence
            && !common.contains(&w.to_lowercase())
    };
    if let Some((_, w)) = src_words
        .iter()
        .enumerate()
        .filter(|x| name(*x))
        .map(|(_, x)| *x)
        .find(|(_, w)| tgt_words.iter().any(|(_, t)| t == w))
    {
        let vowels = ['a', 'e', 'i', 'o', 'u'];
        let chars: Vec<char> = w.chars().collect();
        if let Some(p) = (1..chars.len() - 1).find(|&p| vowels.contains(&chars[p])) {
            let v = vowels.iter().position(|x| *x == chars[p]).unwrap_or(0);
            let mut altered = chars.clone();
            altered[p] = vowels[(v + 1) % vowels.len()];
            let altered: String = altered.into_iter().collect();
            if let Some((at, _)) = tgt_words.iter().find(|(_, t)| *t == w) {
                out.push(("name altered", replace_at(target, *at, w, &altered)));
            }
        }
    }
    // A full name (two names or more in a row) the translation kept, dropped whole.
    let mut k = 0;
    while k < src_words.len() {
        // A run of names, joined by spaces, hyphens and the particles of names ("Cristina
        // Fernandez de Kirchner", "Camille Saint-Saens").
        let mut end = k;
        while end < src_words.len() {
            let joined = end == k
                || matches!(
                    &source[src_words[end - 1].0 + src_words[end - 1].1.len()..src_words[end].0],
                    " " | "-"
                );
            let particle = end > k
                && ["de", "del", "van", "von", "der", "bin", "al", "da"]
                    .contains(&src_words[end].1)
                && src_words
                    .get(end + 1)
                    .is_some_and(|_| name((end + 1, &src_words[end + 1])));
            if joined && (name((end, &src_words[end])) || particle) {
                end += 1;
            } else {
                break;
            }
        }
        if end - k >= 2 {
            let full = &source[src_words[k].0..src_words[end - 1].0 + src_words[end - 1].1.len()];
            if let Some(at) = target.find(full) {
                let dropped = format!(
                    "{}{}",
                    &target[..at],
                    target[at + full.len()..].trim_start()
                );
                out.push(("full name dropped", dropped));
                break;
            }
        }
        k = end.max(k + 1);
    }
    out
}

/// Runs the checks on pairs, one block each; returns the blocks with an error.
fn blocks_with_errors(pairs: &[(String, String)], locale: &str) -> HashSet<usize> {
    let report = common::check_pairs(pairs.iter().map(|(s, t)| (s.as_str(), t.as_str())), locale);
    report["files"][0]["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["severity"] == "error")
        .filter_map(|i| i["block"].as_u64())
        .map(|b| b as usize)
        .collect()
}

#[test]
fn injected_real_errors_are_reported_as_errors() {
    let common: HashSet<String> =
        std::fs::read_to_string(root().join("config/common-words/en.txt"))
            .expect("common words")
            .lines()
            .map(str::to_string)
            .collect();
    let mut injections = Vec::new();
    for (corpus, locale) in CASES {
        let dir = root().join(CORPUS).join(corpus);
        let read = |n: &str| std::fs::read_to_string(dir.join(n)).expect("corpus");
        let (source, target) = (read("en.txt"), read(&format!("{locale}.txt")));
        let pairs: Vec<(String, String)> = source
            .lines()
            .zip(target.lines())
            .map(|(s, t)| (s.to_string(), t.to_string()))
            .collect();
        // Only sentences verso finds no error in: an error after the injection is its.
        let with_errors = blocks_with_errors(&pairs, locale);
        for (k, (s, t)) in pairs.iter().enumerate() {
            if with_errors.contains(&k) {
                continue;
            }
            for (kind, changed) in inject(s, t, locale, &common) {
                injections.push(Injection {
                    kind,
                    locale: locale.to_string(),
                    source: s.clone(),
                    target: changed,
                });
            }
        }
    }
    let mut caught: BTreeMap<(&str, String), [usize; 2]> = BTreeMap::new();
    let mut missed = Vec::new();
    let locales: Vec<String> = CASES.iter().map(|(_, l)| l.to_string()).collect();
    for locale in locales.iter().collect::<std::collections::BTreeSet<_>>() {
        let mine: Vec<&Injection> = injections.iter().filter(|i| &i.locale == locale).collect();
        let pairs: Vec<(String, String)> = mine
            .iter()
            .map(|i| (i.source.clone(), i.target.clone()))
            .collect();
        // One pair per block; batch rules compare blocks, so each kind is checked apart.
        let errors = blocks_with_errors(&pairs, locale);
        for (k, i) in mine.iter().enumerate() {
            let row = caught.entry((i.kind, locale.clone())).or_default();
            row[1] += 1;
            if errors.contains(&k) {
                row[0] += 1;
            } else {
                missed.push(format!(
                    "{} {}: {}\n   {}",
                    i.locale, i.kind, i.source, i.target
                ));
            }
        }
    }
    let mut table = String::from("kind | locale | caught as error | injected | recall\n");
    let (mut all_caught, mut all) = (0, 0);
    for ((kind, locale), [c, n]) in &caught {
        all_caught += c;
        all += n;
        let _ = writeln!(
            table,
            "{kind} | {locale} | {c} | {n} | {:.2}",
            *c as f64 / *n as f64
        );
    }
    let recall = all_caught as f64 / all as f64;
    let _ = writeln!(table, "all | | {all_caught} | {all} | {recall:.3}");
    println!("{table}");
    // `VERSO_RECALL_MISSED=FILE` writes what was missed, to look at.
    if let Ok(path) = std::env::var("VERSO_RECALL_MISSED") {
        std::fs::write(path, missed.join("\n")).expect("missed list written");
    }
    assert!(all >= 300, "enough injected errors to measure: {all}");
    // Issue 11's target (0.978 is measured: README).
    assert!(
        recall >= 0.97,
        "recall {recall:.3} below 0.97\n{table}\nmissed:\n{}",
        missed.join("\n")
    );
}
