//! `term-missing`, `term-forbidden`, `name-altered`: the glossary against each block.
//!
//! Concepts found in the source (through the matcher: inflections, possessives, typography)
//! must have one of their allowed target forms in the target. A name or do-not-translate concept
//! without one was translated or altered ("Radio Free Asia" → "Asia Libre Radiofónica") — an
//! error; a term without one is `term-missing`. A forbidden form in the target is
//! `term-forbidden`, fixed by the preferred form (in the source's case style).

use std::ops::Range;

use super::{BlockPair, Checker, Finding, Fix, Rule, Span, batch::BlockFacts};
use crate::glossary::{Kind, Status};
use crate::msg;
use crate::report::Severity;

impl Rule {
    /// A glossary concept of the source has none of its allowed target forms.
    pub const TERM_MISSING: Rule = Rule::new("term-missing");
    /// A forbidden form is in the target.
    pub const TERM_FORBIDDEN: Rule = Rule::new("term-forbidden");
    /// A name or do-not-translate concept was translated or altered.
    pub const NAME_ALTERED: Rule = Rule::new("name-altered");
}

/// Runs the rules; returns the source spans the glossary covers (names there are known).
pub fn check(
    c: &Checker,
    pair: &BlockPair,
    findings: &mut Vec<Finding>,
    facts: &mut BlockFacts,
) -> Vec<Range<usize>> {
    let (Some(g), Some(sm), Some(tm)) = (&c.glossary, &c.source_matcher, &c.target_matcher) else {
        return Vec::new();
    };
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let source_hits = sm.find(src);
    let target_hits = tm.find(tgt);
    for hit in target_hits.iter().filter(|h| h.status == Status::Forbidden) {
        let concept = &g.concepts[hit.concept];
        let written = &tgt[hit.range.clone()];
        let preferred = concept
            .target_form(&c.source, &c.target)
            .map(|p| crate::glossary::with_case_of(p, written));
        findings.push(Finding {
            rule: Rule::TERM_FORBIDDEN,
            severity: Severity::Error,
            block: pair.index,
            source: None,
            target: Some(Span::of(tgt, hit.range.clone())),
            message: msg!(
                "check-term-forbidden",
                written = written,
                concept = &concept.id,
                expected = preferred.clone().unwrap_or_else(|| "-".into())
            ),
            fix: preferred.map(|replacement| Fix {
                range: hit.range.clone(),
                replacement,
            }),
        });
    }
    // Per concept: its first allowed form in the target, and whether it occurs at all.
    let mut in_target: std::collections::HashMap<usize, Option<&crate::matcher::Hit>> =
        std::collections::HashMap::new();
    for t in &target_hits {
        let first = in_target.entry(t.concept).or_default();
        if first.is_none() && t.status != Status::Forbidden {
            *first = Some(t);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for hit in source_hits.iter().filter(|h| h.status != Status::Forbidden) {
        if !seen.insert(hit.concept) {
            continue;
        }
        let concept = &g.concepts[hit.concept];
        let Some(expected) = concept.target_form(&c.source, &c.target) else {
            continue; // nothing to expect: no target form and not do-not-translate
        };
        if let Some(Some(first)) = in_target.get(&hit.concept) {
            facts
                .concepts
                .push((concept.id.clone(), hit.form.clone(), first.form.clone()));
            continue;
        }
        let forbidden_used = in_target.contains_key(&hit.concept);
        if forbidden_used || concept.kind == Kind::Unit {
            continue; // reported as term-forbidden; units are the unit rule's
        }
        let (rule, severity, id) = if concept.kind.is_name() || concept.do_not_translate {
            (Rule::NAME_ALTERED, Severity::Error, "check-name-altered")
        } else {
            (Rule::TERM_MISSING, Severity::Warning, "check-term-missing")
        };
        let source_text = &src[hit.range.clone()];
        findings.push(Finding {
            rule,
            severity,
            block: pair.index,
            source: Some(Span::of(src, hit.range.clone())),
            target: None,
            message: match id {
                "check-name-altered" => msg!(
                    "check-name-altered",
                    source = source_text,
                    expected = expected
                ),
                _ => msg!(
                    "check-term-missing",
                    source = source_text,
                    expected = expected
                ),
            },
            fix: None,
        });
    }
    source_hits.into_iter().map(|h| h.range).collect()
}

/// The glossary family.
pub struct Terms;

impl super::rules::BlockRule for Terms {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::TERM_MISSING, Rule::TERM_FORBIDDEN, Rule::NAME_ALTERED]
    }

    fn fixes(&self) -> bool {
        true
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        work.glossary_spans = check(c, pair, &mut work.findings, &mut work.facts);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn rules(target: &str, source: &str, translation: &str) -> Vec<(String, String)> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r.starts_with("term-") || r == "name-altered")
            .collect()
    }

    fn one(rule: &str, span: &str) -> Vec<(String, String)> {
        vec![(rule.to_string(), span.to_string())]
    }

    #[test]
    fn names_altered_and_forbidden_in_four_locales() {
        assert_eq!(
            rules(
                "es",
                "Radio Free Asia reported",
                "Asia Libre Radiofónica informó"
            ),
            one("term-forbidden", "Asia Libre Radiofónica")
        );
        assert_eq!(
            rules("es", "Radio Free Asia reported", "Radio Asia Libre informó"),
            one("name-altered", "")
        );
        assert_eq!(
            rules("de", "Budanov said", "Budanov sagte"),
            one("term-forbidden", "Budanov")
        );
        assert_eq!(
            rules(
                "de-CH",
                "Kyrylo Budanov's report",
                "der Bericht von Kirill Budanof"
            ),
            one("name-altered", "")
        );
        assert_eq!(
            rules("fr", "Budanov said", "Budanov a dit"),
            one("name-altered", "")
        );
        assert_eq!(
            rules("es", "in Pyongyang", "en Pyongyang"),
            one("term-forbidden", "Pyongyang")
        );
    }

    #[test]
    fn allowed_forms_inflections_and_dnt_pass() {
        assert!(rules("es", "Radio Free Asia reported", "Radio Free Asia informó").is_empty());
        assert!(rules("de", "Budanov's men", "Budanows Männer").is_empty());
        assert!(rules("de-CH", "in Pyongyang", "in Pjöngjang").is_empty());
        assert!(rules("fr", "Kyrylo Budanov said", "Kyrylo Boudanov a dit").is_empty());
        assert!(rules("es", "two howitzers", "dos obuses").is_empty());
    }

    #[test]
    fn terms_missing_are_warnings() {
        assert_eq!(
            rules("es", "two howitzers", "dos cañones"),
            one("term-missing", "")
        );
        assert_eq!(
            rules("de", "the howitzer", "die Kanone"),
            one("term-missing", "")
        );
    }
}
