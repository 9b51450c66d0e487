//! Checking whole documents: alignment, every block pair, and safe fixes.
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
            checked
                .findings
                .extend(misc::structure(source, target, &pairs));
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

/// Applies the safe fixes of `findings` to a target document's source text; returns the new
/// text and how many fixes were applied (a fix whose span was not written literally, or that
/// overlaps another, is skipped).
pub fn apply_fixes(target: &Document, checked: &Checked) -> (String, usize) {
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = checked
        .findings
        .iter()
        .filter_map(|f| {
            let fix = f.fix.as_ref()?;
            let (_, tt) = checked.texts.get(f.block)?.as_ref()?;
            Some((tt.exact(&fix.range)?, fix.replacement.as_str()))
        })
        .collect();
    edits.sort_by_key(|(r, _)| r.start);
    edits.dedup_by(|b, a| b.0.start < a.0.end);
    let mut text = target.source.clone();
    for (range, replacement) in edits.iter().rev() {
        text.replace_range(range.clone(), replacement);
    }
    (text, edits.len())
}

#[cfg(test)]
mod tests {
    use crate::check::testing::checker;
    use crate::document::Format;
    use crate::format::{self, ReadOptions};

    #[test]
    fn fixes_apply_where_written_and_the_result_checks_clean_for_them() {
        let parse =
            |s: &str| format::parse(Format::Markdown, s.to_string(), &ReadOptions::default());
        let source = parse(
            "# Seoul, January 13\n\nRussia moved **11,000 to 12,000** soldiers to Pyongyang.\n",
        );
        let target =
            parse("# Seúl, enero 13\n\nRusia movió **11,000 a 12,000** soldados a Pyongyang.\n");
        let c = checker("es");
        let checked = c.check_document(&source, &target, &[], true);
        let rules: Vec<&str> = checked.findings.iter().map(|f| f.rule.id()).collect();
        assert!(
            rules.contains(&"date-mismatch")
                && rules.contains(&"number-format")
                && rules.contains(&"term-forbidden"),
            "{rules:?}"
        );
        let (fixed, n) = super::apply_fixes(&target, &checked);
        assert_eq!(n, 4, "{fixed}");
        assert_eq!(
            fixed,
            "# Seúl, 13 de enero\n\nRusia movió **11.000 a 12.000** soldados a Pionyang.\n"
        );
        let again = c.check_document(&source, &parse(&fixed), &[], true);
        assert!(
            again.findings.iter().all(|f| f.fix.is_none()),
            "nothing fixable is left"
        );
    }
}
