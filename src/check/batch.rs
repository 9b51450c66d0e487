//! Rules over a whole batch: `inconsistent`, and names rendered two ways (`name-missing`).
//!
//! Each checked block leaves its facts — its normalized source and target, the glossary forms
//! it used, how each unknown name was rendered — and once every file is checked, the batch
//! compares them: the same source translated two ways, one target for different sources, a
//! concept or a name written one way here and another way elsewhere, in the same locale.

use std::collections::BTreeMap;

use super::{BlockPair, Finding, Rule};
use crate::msg;
use crate::report::Severity;

impl Rule {
    /// The same source translated differently, or one target for different sources.
    pub const INCONSISTENT: Rule = Rule::new("inconsistent");
}

/// What one block contributes to the batch rules (kept in a shard's report, so the whole
/// batch can be compared when the shards are merged).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BlockFacts {
    /// The source, whitespace collapsed and case folded.
    pub source_norm: String,
    /// The target, likewise.
    pub target_norm: String,
    /// Words in the source.
    pub words: usize,
    /// (source name, how it was rendered in the target).
    pub names: Vec<(String, String)>,
    /// (concept id, source form, target form used).
    pub concepts: Vec<(String, String, String)>,
}

impl BlockFacts {
    /// The facts of a pair, before the rules add theirs.
    pub fn new(pair: &BlockPair) -> BlockFacts {
        // Whitespace collapsed and case folded in one pass: this runs for every block.
        let norm = |s: &str| {
            let mut out = String::with_capacity(s.len());
            for word in s.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(word.chars().flat_map(char::to_lowercase));
            }
            out
        };
        BlockFacts {
            source_norm: norm(&pair.source.text),
            target_norm: norm(&pair.target.text),
            words: pair.source.text.split_whitespace().count(),
            ..BlockFacts::default()
        }
    }
}

/// Facts of every block of a batch in one locale.
#[derive(Default)]
pub struct Batch {
    entries: Vec<(usize, usize, BlockFacts)>,
}

/// Where a block is, for messages: file label and block index.
fn at(labels: &[String], file: usize, block: usize) -> String {
    format!("{}#{}", labels.get(file).map_or("?", String::as_str), block)
}

impl Batch {
    /// Every block recorded: file, block, facts.
    pub fn entries(&self) -> &[(usize, usize, BlockFacts)] {
        &self.entries
    }

    /// Records a block of file `file`.
    pub fn add(&mut self, file: usize, block: usize, facts: BlockFacts) {
        self.entries.push((file, block, facts));
    }

    /// The batch findings, each with its file index; `labels` name the files in messages.
    pub fn findings(&self, labels: &[String]) -> Vec<(usize, Finding)> {
        let mut out = Vec::new();
        let mut push = |file: usize, block: usize, rule: Rule, message: crate::i18n::Message| {
            out.push((
                file,
                Finding {
                    rule,
                    severity: Severity::Warning,
                    block,
                    source: None,
                    target: None,
                    message,
                    fix: None,
                },
            ));
        };
        // The same source translated differently; one target for different sources.
        for (by_source, id) in [
            (true, "check-inconsistent-target"),
            (false, "check-inconsistent-source"),
        ] {
            let mut first: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
            for (file, block, f) in &self.entries {
                if f.words < 3 {
                    continue;
                }
                let (k, v) = if by_source {
                    (&f.source_norm, &f.target_norm)
                } else {
                    (&f.target_norm, &f.source_norm)
                };
                match first.get(k.as_str()) {
                    Some((seen, ff, fb)) if *seen != v.as_str() => {
                        push(
                            *file,
                            *block,
                            Rule::INCONSISTENT,
                            match id {
                                "check-inconsistent-target" => {
                                    msg!("check-inconsistent-target", other = at(labels, *ff, *fb))
                                }
                                _ => {
                                    msg!("check-inconsistent-source", other = at(labels, *ff, *fb))
                                }
                            },
                        );
                    }
                    Some(_) => {}
                    None => {
                        first.insert(k, (v, *file, *block));
                    }
                }
            }
        }
        // A concept, or an unknown name, written one way here and another elsewhere.
        let mut concepts: BTreeMap<(&str, String), (&str, usize, usize)> = BTreeMap::new();
        let mut names: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
        for (file, block, f) in &self.entries {
            for (id, source_form, target_form) in &f.concepts {
                let key = (id.as_str(), source_form.to_lowercase());
                match concepts.get(&key) {
                    Some((seen, ff, fb)) if *seen != target_form.as_str() => push(
                        *file,
                        *block,
                        Rule::INCONSISTENT,
                        msg!(
                            "check-inconsistent-concept",
                            concept = id,
                            here = target_form,
                            there = *seen,
                            other = at(labels, *ff, *fb)
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        concepts.insert(key, (target_form.as_str(), *file, *block));
                    }
                }
            }
            for (name, rendering) in &f.names {
                let key = name.to_lowercase();
                let r = rendering.to_lowercase();
                match names.get(&key) {
                    Some((seen, ff, fb)) if !super::names::one_rendering(seen, &r) => push(
                        *file,
                        *block,
                        Rule::NAME_MISSING,
                        msg!(
                            "check-name-rendered",
                            name = name,
                            here = rendering,
                            there = seen.as_str(),
                            other = at(labels, *ff, *fb)
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        names.insert(key, (r, *file, *block));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(source: &str, target: &str) -> BlockFacts {
        BlockFacts {
            source_norm: source.to_lowercase(),
            target_norm: target.to_lowercase(),
            words: source.split_whitespace().count(),
            ..BlockFacts::default()
        }
    }

    #[test]
    fn same_source_two_targets_and_one_target_two_sources() {
        let mut b = Batch::default();
        b.add(0, 1, facts("photo by the desk", "foto del escritorio"));
        b.add(1, 4, facts("photo by the desk", "foto de la redacción"));
        b.add(1, 5, facts("picture by the desk", "foto del escritorio"));
        let found = b.findings(&["a.md".into(), "b.md".into()]);
        let ids: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|(f, x)| (*f, x.block, x.message.id))
            .collect();
        assert_eq!(
            ids,
            vec![
                (1, 4, "check-inconsistent-target"),
                (1, 5, "check-inconsistent-source")
            ]
        );
    }

    #[test]
    fn names_rendered_two_ways() {
        let mut b = Batch::default();
        let mut one = facts("x", "y");
        one.names.push(("Hrytsenko".into(), "Hrytsenko".into()));
        let mut two = facts("x", "y");
        two.names.push(("Hrytsenko".into(), "Hryzenko".into()));
        b.add(0, 0, one.clone());
        b.add(0, 3, one);
        b.add(1, 2, two);
        let found = b.findings(&["a".into(), "b".into()]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1.rule), (1, Rule::NAME_MISSING));
    }
}
