//! `name-missing`: proper names the glossary does not know, looked for in the target.
//!
//! Names are found the way `glossary suggest` finds them (capitalized words and sequences,
//! acronyms; titles, sentence-initial ordinary words and CLDR month and weekday names left out).
//! A name is recognizable in the target when one of its significant words is there, accents
//! and case aside, allowing the small differences of transliteration ("Hrytsenko" and
//! "Hryzenko" are one name; "Park" and "Parque" are not). A name found in no form is a
//! warning; the batch rule then compares how each name was rendered across files.

use std::collections::HashSet;
use std::ops::Range;

use super::{BlockPair, Checker, Finding, Rule, Span, batch::BlockFacts};
use crate::glossary::suggest::Heuristics;
use crate::msg;
use crate::report::Severity;

/// What the whole batch says about words: which occur in lower case (ordinary words), and
/// which occur capitalized inside a sentence (names). A single word that opens a sentence is a
/// name only on such evidence: "Wheat made up 60%" is not about a person called Wheat.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Words seen in lower case.
    pub lowercase: HashSet<String>,
    /// Words seen capitalized inside a sentence.
    pub capitalized_inside: HashSet<String>,
}

impl Evidence {
    /// Collects the evidence of texts (the source blocks of a batch).
    pub fn collect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Evidence {
        let mut e = Evidence::default();
        for text in texts {
            let words = word_spans(text);
            for (i, &(s, end)) in words.iter().enumerate() {
                let w = &text[s..end];
                if w.chars().next().is_some_and(char::is_lowercase) {
                    e.lowercase.insert(w.to_string());
                } else if i > 0 && !text[words[i - 1].1..s].contains(SENTENCE_MARKS) {
                    e.capitalized_inside.insert(w.to_string());
                }
            }
        }
        e
    }
}

/// Characters after which a word opens a sentence (or a list item, a quote, a heading).
const SENTENCE_MARKS: [char; 12] = ['.', '!', '?', ':', '—', '–', '"', '“', '«', '(', '•', ';'];

/// Finds names in source text.
pub struct NameFinder {
    heuristics: Heuristics,
    calendar: HashSet<String>,
    evidence: Evidence,
}

/// Letters of a word without accents and case ("Budánov" → "budanov").
fn fold(word: &str) -> String {
    use icu::normalizer::DecomposingNormalizerBorrowed;
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(word);
    nfd.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether two folded words are one name in two transliterations: equal, or at most one edit
/// per four letters (never more than two), with the first letter kept.
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let len = a.chars().count().max(b.chars().count());
    len >= 5 && a.chars().next() == b.chars().next() && distance(a, b) <= (len / 4).clamp(1, 2)
}

impl NameFinder {
    /// A finder for a source language, given what the batch says about its words.
    pub fn new(source: &str, evidence: Evidence) -> NameFinder {
        let language = source.split('-').next().unwrap_or(source);
        NameFinder {
            heuristics: Heuristics::builtin(language),
            calendar: crate::locale::calendar_words(source).into_iter().collect(),
            evidence,
        }
    }

    /// Names in `text`: byte ranges of capitalized words and sequences that are names.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let words = word_spans(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (s, e) = words[i];
            let w = &text[s..e];
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital || w.chars().all(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < words.len()
                && &text[words[j].1..words[j + 1].0] == " "
                && text[words[j + 1].0..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                j += 1;
            }
            let sentence_start = i == 0 || text[words[i - 1].1..s].contains(SENTENCE_MARKS);
            let mut first = i;
            while first <= j
                && (self
                    .heuristics
                    .titles
                    .contains(&text[words[first].0..words[first].1])
                    || (first == i
                        && sentence_start
                        && (self
                            .heuristics
                            .stopwords
                            .contains(&text[words[first].0..words[first].1])
                            || self
                                .evidence
                                .lowercase
                                .contains(&text[words[first].0..words[first].1].to_lowercase()))))
            {
                first += 1;
            }
            if first <= j {
                let token = &text[words[first].0..words[j].1];
                let single = first == j;
                let opens_sentence = first == i && sentence_start;
                let ordinary = single
                    && (self.calendar.contains(token)
                        || self.heuristics.stopwords.contains(token)
                        || token.chars().count() < 2
                        || (opens_sentence && !self.evidence.capitalized_inside.contains(token)));
                if !ordinary {
                    out.push(words[first].0..words[j].1);
                }
            }
            i = j + 1;
        }
        out
    }
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inner = c.is_alphanumeric() || c == '-';
        match (start, inner) {
            (None, true) if c.is_alphanumeric() => start = Some(i),
            (Some(s), false) => {
                out.push((s, trim_end(text, s, i)));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, trim_end(text, s, text.len())));
    }
    out
}

fn trim_end(text: &str, s: usize, e: usize) -> usize {
    s + text[s..e].trim_end_matches('-').len()
}

/// Target words looked at on each side of a name's place in a very long block.
const WORD_WINDOW: usize = 1024;

/// Runs the rule. `known` are source spans the glossary covers.
pub fn check(
    c: &Checker,
    pair: &BlockPair,
    known: &[Range<usize>],
    findings: &mut Vec<Finding>,
    facts: &mut BlockFacts,
) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let target_words: Vec<(Range<usize>, String)> = word_spans(tgt)
        .into_iter()
        .map(|(s, e)| (s..e, fold(&tgt[s..e])))
        .collect();
    let known = super::bounded::Covered::new(known);
    for name in c.names.find(src) {
        if known.overlaps(&name) {
            continue;
        }
        let parts: Vec<String> = src[name.clone()]
            .split([' ', '-'])
            .filter(|p| p.chars().count() >= 3 && !c.names.heuristics.connectors.contains(*p))
            .map(fold)
            .collect();
        // The target's words around the same relative place (all of them in a paragraph of
        // ordinary length), so a block of megabytes costs linear time.
        let at = target_words.partition_point(|(r, _)| {
            (r.start as u128) * (src.len().max(1) as u128)
                < (name.start as u128) * (tgt.len() as u128)
        });
        let near =
            super::bounded::around_within(at, target_words.len(), target_words.len(), WORD_WINDOW);
        let rendering = parts.iter().find_map(|p| {
            target_words[near.clone()]
                .iter()
                .find(|(_, w)| same_name(p, w))
                .map(|(r, _)| tgt[r.clone()].to_string())
        });
        match rendering {
            Some(r) => facts.names.push((src[name.clone()].to_string(), r)),
            None if !parts.is_empty() => findings.push(Finding {
                rule: Rule::NameMissing,
                severity: Severity::Warning,
                block: pair.index,
                source: Some(Span::of(src, name.clone())),
                target: None,
                message: msg!("check-name-missing", source = &src[name.clone()]),
                fix: None,
            }),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::run;

    fn names(target: &str, source: &str, translation: &str) -> Vec<String> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r == "name-missing")
            .map(|(r, _)| r)
            .collect()
    }

    #[test]
    fn dropped_and_mangled_names_in_four_locales() {
        assert_eq!(
            names(
                "es",
                "Colonel Oleksandr Hrytsenko said so.",
                "El coronel dijo eso."
            ),
            vec!["name-missing"]
        );
        assert_eq!(
            names("de", "Residents of Paju left.", "Die Bewohner gingen."),
            vec!["name-missing"]
        );
        assert_eq!(
            names("de-CH", "Matthias Brunner spoke.", "Herr Bruno sprach."),
            vec!["name-missing"]
        );
        assert_eq!(
            names("fr", "Ask Park Ji-hoon.", "Demandez au parc."),
            vec!["name-missing"]
        );
    }

    #[test]
    fn names_in_any_recognizable_form_pass() {
        assert!(
            names(
                "es",
                "Colonel Oleksandr Hrytsenko said so.",
                "El coronel Oleksandr Hrytsenko lo dijo."
            )
            .is_empty()
        );
        assert!(
            names(
                "de",
                "Oleksandr Hrytsenko said so.",
                "Oleksandr Hryzenko sagte es."
            )
            .is_empty()
        );
        assert!(
            names(
                "de-CH",
                "Residents of Paju left for Erstfeld.",
                "Bewohner von Paju gingen nach Erstfeld."
            )
            .is_empty()
        );
        assert!(
            names(
                "fr",
                "In January, Seoul agreed.",
                "En janvier, Séoul a accepté."
            )
            .is_empty()
        );
    }

    #[test]
    fn transliteration_distance() {
        assert!(same_name(&fold("Hrytsenko"), &fold("Hryzenko")));
        assert!(same_name(&fold("Budanov"), &fold("Budánov")));
        assert!(!same_name(&fold("Park"), &fold("Parque")));
        assert!(!same_name(&fold("Kim"), &fold("Kin")));
    }
}
