//! The checks' safe fixes, applied by `translate` (`[translate] fix = "safe"`): a number in
//! the source's form ("11,000" reads as eleven in Spanish), a date in the source's order
//! ("enero 13"), a forbidden glossary form. The checks run on the block as the rewrites
//! before left it, so nothing is fixed twice and nothing the checks would not fix is touched.

use super::{Context, Edit, Kind, Rewrite};
use crate::check::{BlockPair, BlockText, Rule};

/// The rules whose fixes `translate` applies.
const SAFE: [Rule; 3] = [
    Rule::NUMBER_FORMAT,
    Rule::DATE_MISMATCH,
    Rule::TERM_FORBIDDEN,
];

/// See the module documentation.
pub struct SafeFixes;

impl Rewrite for SafeFixes {
    fn kind(&self) -> Kind {
        Kind::Fix
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        // Number and date fixes need digits; term fixes a glossary.
        if !super::has_digit(source) && cx.checker.glossary.is_none() {
            return Vec::new();
        }
        let (s, t) = (BlockText::plain(source), BlockText::plain(target));
        let pair = BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        };
        cx.checker
            .fixes(&pair)
            .into_iter()
            .filter(|f| SAFE.contains(&f.rule))
            .filter_map(|f| {
                let fix = f.fix?;
                Some(Edit {
                    range: t.exact(&fix.range)?,
                    written: fix.replacement,
                    rule: Some(f.rule.id().to_string()),
                })
            })
            .collect()
    }
}
