//! Localizing a translation that is already a file (`verso check --fix`): the same rewrites
//! as `translate` applies, block by block, on the target document's own text. Each rewrite
//! runs over the whole document, its edits are applied where the text was written literally
//! (an edit across inline markup is skipped), and the document is read again before the next.

use super::{Change, Localizer};
use crate::check::{BlockText, Checker, misc};
use crate::document::Document;
use crate::format::{self, ReadOptions};

impl Localizer {
    /// `target` (a translation of `source`) localized: its new text, and what changed.
    pub fn localize_document(
        &self,
        checker: &Checker,
        source: &Document,
        target: &Document,
        options: &ReadOptions,
    ) -> (String, Vec<Change>) {
        let mut text = target.source.clone();
        let mut changes = Vec::new();
        if self.context(checker, "").is_none() {
            return (text, changes);
        }
        let mut doc = format::parse(target.format, text.clone(), options);
        for rewrite in &self.rewrites {
            let mut edits = Vec::new();
            for (s, t) in misc::align(source, &doc) {
                let (Some(s), Some(t)) = (s, t) else { continue };
                let st = BlockText::of(source, &source.blocks[s]);
                let tt = BlockText::of(&doc, &doc.blocks[t]);
                let Some(cx) = self.context(checker, &st.text) else {
                    continue;
                };
                for e in rewrite.edits(&cx, &tt.text) {
                    let Some(range) = tt.exact(&e.range) else {
                        continue;
                    };
                    let change = Change {
                        block: s,
                        kind: rewrite.kind(),
                        rule: e.rule.clone(),
                        engine: tt.text[e.range.clone()].to_string(),
                        written: e.written.clone(),
                        at: e.range.clone(),
                    };
                    edits.push((range, e.written, change));
                }
            }
            if edits.is_empty() {
                continue;
            }
            edits.sort_by_key(|(r, _, _)| r.start);
            edits.dedup_by(|b, a| b.0.start < a.0.end);
            for (range, written, _) in edits.iter().rev() {
                text.replace_range(range.clone(), written);
            }
            changes.extend(edits.into_iter().map(|(_, _, c)| c));
            doc = format::parse(target.format, text.clone(), options);
        }
        (text, changes)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Settings;
    use super::*;
    use crate::check::testing::checker;

    #[test]
    fn a_written_translation_is_localized_where_its_text_is_literal() {
        let parse = |s: &str| {
            format::parse(
                crate::format::MARKDOWN,
                s.to_string(),
                &ReadOptions::default(),
            )
        };
        let source = parse(
            "# Seoul, January 13\n\nRussia moved **11,000 to 12,000** soldiers and $16 billion to Pyongyang at 6 p.m.\n",
        );
        let target = parse(
            "# Seúl, enero 13\n\nRusia movió **11,000 a 12,000** soldados y $16 mil millones a Pyongyang a las 6 p.m.\n",
        );
        let c = checker("es");
        let all = Settings {
            localize: true,
            fix: true,
        };
        let l = Localizer::new("en", "es", all);
        let (text, changes) = l.localize_document(&c, &source, &target, &ReadOptions::default());
        assert_eq!(
            text,
            "# Seúl, 13 de enero\n\nRusia movió **11.000 a 12.000** soldados y 16.000 millones de \
             dólares a Pionyang a las 18:00.\n",
            "{changes:#?}"
        );
        // Nothing is left for the checks to fix.
        let again = c.check_document(&source, &parse(&text), &[], true);
        assert!(
            again.findings.iter().all(|f| f.fix.is_none()),
            "{:?}",
            again.findings
        );
    }
}
