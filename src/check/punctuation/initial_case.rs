//! `initial-case`: a sentence the source starts with a capital starts in lower case.
//!
//! The block's first sentence is always compared; the others only when source and target
//! split into as many sentences (then the n-th are each other's translation). A target that
//! starts with a word capitalized inside ("iPhone", "eBay") or with a digit is left alone, and
//! so is a source that starts in lower case.
//!
//! Off by default: on the graded corpus most findings were a sentence the translator ran on
//! from the one before ("…, ce qui provoque parfois"), right in a translation aligned sentence
//! by sentence. Desks that translate whole paragraphs can turn it on.

use super::{is_opener, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;
use crate::sentences::Sentences;

impl Rule {
    /// A sentence starts in lower case where the source's starts with a capital.
    pub const INITIAL_CASE: Rule = Rule::off_by_default("initial-case");
}

/// The rule.
pub struct InitialCase;

/// The first letter of `text[range]` after opening punctuation: its position and whether it
/// may be capitalized (the word has no capital inside, and no digit comes first).
fn first_letter(text: &str, range: std::ops::Range<usize>) -> Option<(usize, char, bool)> {
    let piece = &text[range.clone()];
    let (at, c) = piece.char_indices().find(|(_, c)| !is_opener(*c))?;
    if !c.is_alphabetic() {
        return None;
    }
    let word: String = piece[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let plain = !word
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_ascii_digit());
    Some((range.start + at, c, plain))
}

/// Positions after a sentence mark, a space and before a lower-case word, where the piece
/// before does not end in an abbreviation.
fn lower_starts(splitter: &Sentences, text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let rest = &text[i + 1..];
        let spaced = rest.trim_start_matches(' ');
        if spaced.len() == rest.len() || !spaced.starts_with(char::is_lowercase) {
            continue;
        }
        // An ellipsis goes on in lower case ("…and then... we left").
        if c == '.' && (text[..i].ends_with('.') || splitter.ends_with_abbreviation(&text[..=i])) {
            continue;
        }
        out.push(text.len() - spaced.len());
    }
    out
}

/// `sentences` cut again at `starts`.
fn resplit(sentences: &[std::ops::Range<usize>], starts: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for r in sentences {
        let mut start = r.start;
        for &s in starts.iter().filter(|s| **s > r.start && **s < r.end) {
            out.push(start..s);
            start = s;
        }
        out.push(start..r.end);
    }
    out
}

impl BlockRule for InitialCase {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::INITIAL_CASE]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let (src, tgt) = (&pair.source.text, &pair.target.text);
        let ss = Sentences::new(&c.source).split(src);
        let target_splitter = Sentences::new(&c.target);
        let mut ts = target_splitter.split(tgt);
        if ts.len() < ss.len() {
            // The segmenter does not end a sentence before a lower-case word: a sentence that
            // starts in lower case is run into the one before. Where splitting after each
            // full stop followed by a lower-case word gives the source's count, split there.
            let lower = lower_starts(&target_splitter, tgt);
            if ts.len() + lower.len() == ss.len() {
                ts = resplit(&ts, &lower);
            }
        }
        let pairs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = if ss.len() == ts.len() {
            ss.into_iter().zip(ts).collect()
        } else {
            vec![(0..src.len(), 0..tgt.len())]
        };
        for (s, t) in pairs {
            let (Some((_, sc, _)), Some((at, tc, plain))) =
                (first_letter(src, s), first_letter(tgt, t))
            else {
                continue;
            };
            if sc.is_uppercase() && tc.is_lowercase() && plain {
                let upper: String = tc.to_uppercase().collect();
                work.findings.push(warning(
                    Rule::INITIAL_CASE,
                    pair,
                    at..at + tc.len_utf8(),
                    msg!("check-initial-case", letter = upper.as_str()),
                    Some(upper.clone()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, findings_on};

    fn lower(target: &str, source: &str, translation: &str) -> Vec<(String, Option<String>)> {
        findings_on(&["initial-case"], target, source, translation)
            .into_iter()
            .filter(|f| f.rule.id() == "initial-case")
            .map(|f| {
                (
                    f.target.map(|s| s.text).unwrap_or_default(),
                    f.fix.map(|x| x.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn sentences_start_as_the_source_does() {
        let src = "The troops left. Nobody stayed.";
        assert!(lower("es", src, "Las tropas se fueron. Nadie se quedó.").is_empty());
        assert!(
            findings("es", src, "las tropas se fueron.")
                .iter()
                .all(|f| f.rule.id() != "initial-case"),
            "off by default"
        );
        assert_eq!(
            lower("es", src, "las tropas se fueron. Nadie se quedó."),
            [("l".to_string(), Some("L".to_string()))]
        );
        assert_eq!(
            lower("es", src, "Las tropas se fueron. nadie se quedó.").len(),
            1
        );
        assert_eq!(
            lower("es", "Will they leave?", "¿se irán?").len(),
            1,
            "after the opening mark"
        );
        assert!(lower("es", "Apple sells the iPhone.", "iPhone: Apple lo vende.").is_empty());
        assert!(lower("de", "iPhones sell.", "iPhones verkaufen sich.").is_empty());
        assert!(lower("es", "In 2020 it grew.", "2020 fue un año.").is_empty());
        assert!(
            lower(
                "de",
                "He talks a lot...I was busy.",
                "Er redet viel ... ich war beschäftigt."
            )
            .is_empty(),
            "an ellipsis goes on in lower case"
        );
    }
}
