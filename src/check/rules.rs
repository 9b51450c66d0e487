//! The list of rules: where a new rule is registered.
//!
//! A block rule is one type implementing [`BlockRule`] in a file of its own, plus one line in
//! [`BLOCK_RULES`] (or, for a punctuation rule, in `punctuation`'s list, which declares its
//! module too). The families run in the order listed because some read what earlier ones
//! found: the number rule leaves the dates' and quantities' numbers alone, the name rule the
//! glossary's spans, the calendar rule the dates. Rules that need nothing of the others
//! (punctuation and typography) go anywhere after them.

use std::ops::Range;

use super::batch::BlockFacts;
use super::rules_dates::DateSpans;
use super::units::QuantitySpans;
use super::{
    BlockPair, Checker, Finding, Forms, Rule, calendar, misc, names, punctuation, rules_dates,
    rules_numbers, terms, units,
};

/// What the rules of one block share while they run: the findings so far, the facts for the
/// batch rules, and what earlier rules recognized.
pub struct Work {
    /// Findings so far.
    pub findings: Vec<Finding>,
    /// What the batch rules will compare across files.
    pub facts: BlockFacts,
    /// Which number forms pass (reading, or writing).
    pub forms: Forms,
    /// Dates found (source and target).
    pub dates: DateSpans,
    /// Quantities found.
    pub quantities: QuantitySpans,
    /// Target spans the glossary accounted for.
    pub glossary_spans: Vec<Range<usize>>,
}

impl Work {
    /// The work of a pair, nothing found yet. `facts` starts the batch rules' record
    /// (empty where no batch rule will read it: `translate`'s fix pass).
    pub fn new(facts: BlockFacts, forms: Forms) -> Work {
        Work {
            findings: Vec::new(),
            facts,
            forms,
            dates: DateSpans::default(),
            quantities: QuantitySpans::default(),
            glossary_spans: Vec::new(),
        }
    }
}

/// One family of rules that looks at a block and its translation.
pub trait BlockRule: Sync {
    /// The rules it reports.
    fn rules(&self) -> &'static [Rule];

    /// Whether its findings may carry a safe fix, so that `translate` runs it on every block
    /// it writes ([`Checker::fixes`]), not only when checking.
    fn fixes(&self) -> bool {
        false
    }

    /// Checks one pair, adding to `work`.
    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work);
}

/// Every block rule family, in the order they run.
pub static BLOCK_RULES: &[&dyn BlockRule] = &[
    &rules_dates::Dates,
    &units::Quantities,
    &rules_numbers::Numbers,
    &terms::Terms,
    &calendar::Calendar,
    &names::Names,
    &misc::Untranslated,
];

/// Every block rule: the families above, then the punctuation rules
/// ([`punctuation::RULES`], listed in their own module).
pub fn block_rules() -> impl Iterator<Item = &'static dyn BlockRule> {
    BLOCK_RULES.iter().chain(punctuation::RULES).copied()
}

/// Rules that look at more than a block: the documents' structure and the batch.
pub const OTHER_RULES: &[Rule] = &[Rule::STRUCTURE, Rule::INCONSISTENT];

/// Every rule, in documentation order.
pub fn all() -> Vec<Rule> {
    let mut out: Vec<Rule> = Vec::new();
    for r in block_rules()
        .flat_map(|f| f.rules().iter())
        .chain(OTHER_RULES)
    {
        if !out.contains(r) {
            out.push(*r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_one_id_and_a_description_in_each_ui_language() {
        let rules = all();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "rule ids are unique");
        for (ui, ftl) in crate::i18n::LOCALES {
            for r in &rules {
                assert!(
                    ftl.contains(&format!("\nrule-{} = ", r.id())),
                    "{ui}: rule {} has no description (rule-{} in locales/{ui}/verso.ftl)",
                    r.id(),
                    r.id()
                );
            }
        }
    }
}
