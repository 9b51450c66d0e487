//! `sentence-count`: the translation has a different number of sentences than its source.
//!
//! Sentences are split by ICU4X's segmenter with verso's abbreviation lists
//! ([`crate::sentences`]). Translators join and split sentences for good reasons, so one
//! sentence more or less is what the graded corpus shows to be normal; the rule reports a
//! difference of two or more, where a sentence is usually lost or an engine ran two together.
//!
//! Off by default: even at two, the graded corpus shows translators splitting one long
//! sentence into three, and German ordinals ("am 6. Juli") split by the segmenter.

use super::warning;
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;
use crate::sentences::Sentences;

impl Rule {
    /// Source and target differ in their number of sentences by two or more.
    pub const SENTENCE_COUNT: Rule = Rule::off_by_default("sentence-count");
}

/// How many sentences more or fewer are reported.
const DIFFERENCE: usize = 2;

/// The rule.
pub struct SentenceCount;

impl BlockRule for SentenceCount {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::SENTENCE_COUNT]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let (src, tgt) = (&pair.source.text, &pair.target.text);
        let s = Sentences::new(&c.source).split(src).len();
        let t = Sentences::new(&c.target).split(tgt).len();
        if s.abs_diff(t) < DIFFERENCE || tgt.trim().is_empty() {
            return;
        }
        work.findings.push(warning(
            Rule::SENTENCE_COUNT,
            pair,
            0..tgt.len(),
            msg!("check-sentence-count", source = s, target = t),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, findings_on};

    fn count(target: &str, source: &str, translation: &str) -> usize {
        findings_on(&["sentence-count"], target, source, translation)
            .iter()
            .filter(|f| f.rule.id() == "sentence-count")
            .count()
    }

    #[test]
    fn two_sentences_lost_are_reported_one_is_not() {
        let src = "They left. Nobody stayed. The city was empty.";
        assert_eq!(
            count(
                "es",
                src,
                "Se fueron. Nadie se quedó. La ciudad estaba vacía."
            ),
            0
        );
        assert_eq!(
            count(
                "es",
                src,
                "Se fueron y nadie se quedó. La ciudad estaba vacía."
            ),
            0
        );
        assert_eq!(count("es", src, "Se fueron."), 1);
        assert!(
            findings("es", src, "Se fueron.")
                .iter()
                .all(|f| f.rule.id() != "sentence-count"),
            "off by default"
        );
        assert_eq!(
            count(
                "de",
                "Dr. Kim left. Nobody stayed.",
                "Dr. Kim ging. Keiner blieb."
            ),
            0
        );
    }
}
