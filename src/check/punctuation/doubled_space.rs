//! `doubled-space`: two or more spaces between words.
//!
//! Only spaces written literally count: where markup was left out of the visible text (an
//! inline code span, an image) the text shows one space of its own, which is not the writer's.

use super::warning;
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// Two spaces or more between words.
    pub const DOUBLED_SPACE: Rule = Rule::new("doubled-space");
}

/// The rule.
pub struct DoubledSpace;

impl BlockRule for DoubledSpace {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::DOUBLED_SPACE]
    }

    fn check(&self, _: &Checker, pair: &BlockPair, work: &mut Work) {
        let text = &pair.target.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b' ' {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            let inside = start > 0 && i < bytes.len();
            if i - start >= 2 && inside && pair.target.exact(&(start..i)).is_some() {
                work.findings.push(warning(
                    Rule::DOUBLED_SPACE,
                    pair,
                    start..i,
                    msg!("check-doubled-space", count = i - start),
                    Some(" ".to_string()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::BlockText;
    use crate::check::testing::{checker, findings};
    use crate::format::{self, ReadOptions};

    #[test]
    fn doubled_spaces_are_found_with_their_fix() {
        let src = "The army fired shells.";
        let found: Vec<_> = findings("es", src, "El ejército  disparó obuses.")
            .into_iter()
            .filter(|f| f.rule.id() == "doubled-space")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some(" ")
        );
        assert!(
            !findings("es", src, "El ejército disparó obuses.")
                .iter()
                .any(|f| f.rule.id() == "doubled-space")
        );
    }

    #[test]
    fn the_space_an_inline_code_span_leaves_is_not_doubled() {
        let parse =
            |s: &str| format::parse(crate::format::MARKDOWN, s.to_string(), &ReadOptions::default());
        let (s, t) = (parse("Run `make` now.\n"), parse("Ejecute `make` ahora.\n"));
        let c = checker("es");
        let checked = c.check_document(&s, &t, &[], true);
        let text = BlockText::of(&t, &t.blocks[0]);
        assert!(
            text.text.contains("  "),
            "the visible text has the atom's space next to the writer's: {:?}",
            text.text
        );
        assert!(
            !checked
                .findings
                .iter()
                .any(|f| f.rule.id() == "doubled-space"),
            "{:?}",
            checked.findings
        );
    }
}
