//! Checking whole documents: alignment and every block pair (the fixes are applied by
//! [`crate::localize`]).
//!
//! `verso translate` checks each output it writes, `verso check` checks existing translations;
//! both come here. The two documents are read with the same format reader and aligned block by
//! block (see [`misc::align`]); findings refer to the target's blocks, or to the source's where
//! the target has no counterpart.

use super::batch::BlockFacts;
use super::{BlockPair, BlockText, Checker, Finding, misc};
use crate::document::Document;

/// The result of checking one document pair.
pub struct Checked {
    /// Findings, in block order.
    pub findings: Vec<Finding>,
    /// Facts for the batch rules: (target block, facts).
    pub facts: Vec<(usize, BlockFacts)>,
    /// Per target block: the source and target texts (for diagnostics and fixes).
    pub texts: Vec<Option<(BlockText, BlockText)>>,
    /// Per source block without a target block: its text.
    pub orphans: Vec<(usize, BlockText)>,
}

impl Checker {
    /// Checks `target` against `source`. `unknown[i]` are the engine's unknown words for source
    /// block `i` (empty when checking existing files). `structure` runs the structure rule (the
    /// translate pipeline has already checked placeholders itself).
    pub fn check_document(
        &self,
        source: &Document,
        target: &Document,
        unknown: &[Vec<String>],
        structure: bool,
    ) -> Checked {
        let pairs = misc::align(source, target);
        let mut checked = Checked {
            findings: Vec::new(),
            facts: Vec::new(),
            texts: vec![None; target.blocks.len()],
            orphans: Vec::new(),
        };
        if structure {
            // Block findings are settled by `check_block`; these are the document's own.
            let mut found = misc::structure(source, target, &pairs);
            self.levels.settle(&mut found);
            checked.findings.extend(found);
        }
        for (s, t) in &pairs {
            match (s, t) {
                (Some(s), Some(t)) => {
                    let st = BlockText::of(source, &source.blocks[*s]);
                    let tt = BlockText::of(target, &target.blocks[*t]);
                    let pair = BlockPair {
                        index: *t,
                        source: &st,
                        target: &tt,
                        unknown_words: unknown.get(*s).map_or(&[][..], Vec::as_slice),
                    };
                    let (findings, facts) = self.check_block(&pair);
                    checked.findings.extend(findings);
                    checked.facts.push((*t, facts));
                    checked.texts[*t] = Some((st, tt));
                }
                (Some(s), None) => checked
                    .orphans
                    .push((*s, BlockText::of(source, &source.blocks[*s]))),
                _ => {}
            }
        }
        checked.findings.sort_by_key(|f| f.block);
        checked
    }
}
