//! `doubled-word`: the same word twice in a row ("el el", "the the").
//!
//! Some languages double words in correct sentences: German relative clauses ("die die Stadt
//! verließen"), French reflexive verbs ("nous nous sommes"), Spanish "que que" rarely but
//! "no no" in speech. Those pairs are listed per language in `config/doubled-words.toml`, and a
//! doubling the source has too ("no, no") is the author's.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use super::{language, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::text::letter_words;
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// A word written twice in a row.
    pub const DOUBLED_WORD: Rule = Rule::new("doubled-word");
}

/// Words a language doubles in correct sentences.
const ALLOWED: &str = include_str!("../../../config/doubled-words.toml");

fn allowed(lang: &str) -> Option<&'static HashSet<String>> {
    static TABLE: OnceLock<BTreeMap<String, HashSet<String>>> = OnceLock::new();
    TABLE
        .get_or_init(|| toml::from_str(ALLOWED).unwrap_or_default())
        .get(lang)
}

/// The rule.
pub struct DoubledWord;

/// Doubled words of `text`: the range of the second one and the gap before it.
fn doubled(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut previous: Option<(std::ops::Range<usize>, &str)> = None;
    for (range, word) in letter_words(text) {
        if let Some((prev, w)) = &previous {
            let gap = &text[prev.end..range.start];
            if !gap.is_empty()
                && gap.chars().all(|c| c == ' ')
                && w.to_lowercase() == word.to_lowercase()
            {
                out.push((prev.end..range.end, word.to_lowercase()));
            }
        }
        previous = Some((range, word));
    }
    out
}

impl BlockRule for DoubledWord {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::DOUBLED_WORD]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let found = doubled(&pair.target.text);
        if found.is_empty() {
            return;
        }
        let in_source: HashSet<String> = doubled(&pair.source.text)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        let allowed = allowed(language(&c.target));
        for (range, word) in found {
            if in_source.contains(&word) || allowed.is_some_and(|a| a.contains(&word)) {
                continue;
            }
            // The fix removes the second word and the space before it.
            work.findings.push(warning(
                Rule::DOUBLED_WORD,
                pair,
                range,
                msg!("check-doubled-word", word = word.as_str()),
                Some(String::new()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, spans};

    fn doubled(target: &str, source: &str, translation: &str) -> Vec<String> {
        spans("doubled-word", findings(target, source, translation))
    }

    #[test]
    fn a_word_twice_is_found_unless_the_language_or_the_source_doubles_it() {
        let src = "The troops left the city.";
        assert_eq!(
            doubled("es", src, "Las tropas dejaron la la ciudad."),
            [" la"]
        );
        assert!(doubled("es", src, "Las tropas dejaron la ciudad.").is_empty());
        assert!(
            doubled(
                "de",
                "The people who left the city",
                "Die Leute, die die Stadt verließen"
            )
            .is_empty(),
            "a German relative pronoun before an article"
        );
        assert!(
            doubled("fr", "We met", "Nous nous sommes rencontrés").is_empty(),
            "a French reflexive"
        );
        assert!(doubled("es", "No no no, he said.", "No no no, dijo.").is_empty());
        assert_eq!(
            doubled("de", src, "Die Truppen Truppen verließen die Stadt.").len(),
            1
        );
    }
}
