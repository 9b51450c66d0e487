//! `verso glossary lint`: what makes a glossary wrong or useless, with file and line.
//!
//! Errors: invalid locale tags, empty terms, a forbidden term equal to a preferred or admitted
//! one, two concepts that are the same (same kind, same preferred terms), one source term in
//! several concepts that no context words tell apart. Warnings: a concept with no preferred
//! term in a configured target locale (do-not-translate concepts need none), a concept with no
//! source term (it can never be found in an article), a term listed twice in one locale.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::{Concept, Glossary, Status};
use crate::i18n::{self, Message};
use crate::matcher::normalize;
use crate::msg;
use crate::report::Severity;

/// One lint finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// How bad.
    pub severity: Severity,
    /// Rule id, e.g. `forbidden-is-preferred`.
    pub rule: &'static str,
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// The concept.
    pub concept: String,
    /// What is wrong, in the UI language.
    pub message: String,
}

struct Linter<'g> {
    findings: Vec<Finding>,
    glossary: &'g Glossary,
}

impl Linter<'_> {
    fn add(
        &mut self,
        severity: Severity,
        rule: &'static str,
        c: &Concept,
        line: usize,
        message: Message,
    ) {
        self.findings.push(Finding {
            severity,
            rule,
            file: c.origin.file.clone(),
            line: if line == 0 { c.origin.line } else { line },
            concept: c.id.clone(),
            message: i18n::render(&message),
        });
    }
}

fn key(text: &str, case_sensitive: bool) -> String {
    normalize::term(text, !case_sensitive)
}

/// Lints a glossary translated from `source` into `targets` (BCP 47 tags).
pub fn lint(glossary: &Glossary, source: &str, targets: &[String]) -> Vec<Finding> {
    let mut l = Linter {
        findings: Vec::new(),
        glossary,
    };
    for c in &glossary.concepts {
        per_concept(&mut l, c, source, targets);
    }
    across_concepts(&mut l, source);
    l.findings
        .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    l.findings
}

fn per_concept(l: &mut Linter, c: &Concept, source: &str, targets: &[String]) {
    for (locale, terms) in &c.terms {
        // Strict: a tag must already be written in canonical BCP 47 form.
        let canonical = locale
            .parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .map(|t| t.to_string());
        if canonical.as_deref() != Some(locale.as_str()) {
            l.add(
                Severity::Error,
                "invalid-locale",
                c,
                terms.line,
                msg!("lint-invalid-locale", tag = locale),
            );
        }
        let mut seen: HashMap<String, Status> = HashMap::new();
        for (status, t) in terms.all() {
            if t.text.trim().is_empty() {
                l.add(
                    Severity::Error,
                    "empty-term",
                    c,
                    t.line.max(terms.line),
                    msg!("lint-empty-term", locale = locale),
                );
                continue;
            }
            let k = key(&t.text, c.case_sensitive);
            match seen.get(&k) {
                Some(&earlier)
                    if earlier != status
                        && (earlier == Status::Forbidden || status == Status::Forbidden) =>
                {
                    l.add(
                        Severity::Error,
                        "forbidden-is-preferred",
                        c,
                        t.line.max(terms.line),
                        msg!("lint-forbidden-own", term = &t.text, locale = locale),
                    );
                }
                Some(_) => l.add(
                    Severity::Warning,
                    "duplicate-term",
                    c,
                    t.line.max(terms.line),
                    msg!("lint-duplicate-term", term = &t.text, locale = locale),
                ),
                None => {
                    seen.insert(k, status);
                }
            }
        }
    }
    let has_source = c
        .locale(source)
        .is_some_and(|t| t.preferred.is_some() || !t.admitted.is_empty());
    if !has_source {
        l.add(
            Severity::Warning,
            "no-source-term",
            c,
            0,
            msg!("lint-no-source-term", locale = source),
        );
    }
    for target in targets {
        if c.target_form(source, target).is_none() && has_source {
            l.add(
                Severity::Warning,
                "missing-preferred",
                c,
                0,
                msg!("lint-missing-preferred", locale = target),
            );
        }
    }
}

fn across_concepts(l: &mut Linter, source: &str) {
    let g = l.glossary;
    // Same kind, same source term, and no locale where their preferred terms differ: the same
    // concept twice (one may simply have more locales).
    let mut by_source: BTreeMap<(String, String), Vec<&Concept>> = BTreeMap::new();
    for c in &g.concepts {
        if let Some(p) = c.locale(source).and_then(|t| t.preferred.as_ref()) {
            let k = (c.kind.as_str().to_string(), key(&p.text, c.case_sensitive));
            by_source.entry(k).or_default().push(c);
        }
    }
    for group in by_source.values() {
        for (i, c) in group.iter().enumerate() {
            let same = group[..i].iter().find(|earlier| {
                c.context.is_empty()
                    && earlier.context.is_empty()
                    && c.terms.iter().all(|(loc, t)| {
                        match (
                            t.preferred.as_ref(),
                            earlier.terms.get(loc).and_then(|e| e.preferred.as_ref()),
                        ) {
                            (Some(a), Some(b)) => key(&a.text, false) == key(&b.text, false),
                            _ => true,
                        }
                    })
            });
            if let Some(first) = same {
                let first = format!(
                    "{} ({}:{})",
                    first.id,
                    first.origin.file.display(),
                    first.origin.line
                );
                l.add(
                    Severity::Error,
                    "duplicate-concept",
                    c,
                    0,
                    msg!("lint-duplicate-concept", other = first),
                );
            }
        }
    }
    // One source form in several concepts, not told apart by context words.
    let mut by_form: BTreeMap<String, Vec<&Concept>> = BTreeMap::new();
    for c in &g.concepts {
        let Some(terms) = c.locale(source) else {
            continue;
        };
        let mut forms: Vec<String> = terms
            .all()
            .filter(|(s, _)| *s != Status::Forbidden)
            .map(|(_, t)| key(&t.text, false))
            .collect();
        forms.sort();
        forms.dedup();
        for f in forms {
            by_form.entry(f).or_default().push(c);
        }
    }
    for (form, concepts) in by_form {
        let without_context: Vec<&&Concept> =
            concepts.iter().filter(|c| c.context.is_empty()).collect();
        if concepts.len() > 1 && without_context.len() > 1 {
            let ids: Vec<&str> = concepts.iter().map(|c| c.id.as_str()).collect();
            for c in &without_context[1..] {
                l.add(
                    Severity::Error,
                    "ambiguous-term",
                    c,
                    0,
                    msg!("lint-ambiguous", term = &form, concepts = ids.join(", ")),
                );
            }
        }
    }
    // A forbidden form that is another concept's preferred form in the same locale.
    let mut preferred: HashMap<(String, String), &Concept> = HashMap::new();
    for c in &g.concepts {
        for (loc, t) in &c.terms {
            if let Some(p) = &t.preferred {
                preferred.insert((loc.clone(), key(&p.text, false)), c);
            }
        }
    }
    for c in &g.concepts {
        for (loc, t) in &c.terms {
            for f in &t.forbidden {
                let own = t
                    .preferred
                    .iter()
                    .chain(&t.admitted)
                    .any(|p| key(&p.text, false) == key(&f.text, false));
                if let Some(other) = preferred.get(&(loc.clone(), key(&f.text, false)))
                    && other.id != c.id
                    && !own
                {
                    l.add(
                        Severity::Error,
                        "forbidden-is-preferred",
                        c,
                        f.line.max(t.line),
                        msg!(
                            "lint-forbidden-other",
                            term = &f.text,
                            locale = loc,
                            other = &other.id
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn findings(toml: &str, targets: &[&str]) -> Vec<(String, usize, &'static str)> {
        let g = super::super::native::parse(toml, Path::new("g.toml")).expect("parses");
        let targets: Vec<String> = targets.iter().map(|t| t.to_string()).collect();
        lint(&g, "en", &targets)
            .into_iter()
            .map(|f| (f.concept, f.line, f.rule))
            .collect()
    }

    #[test]
    fn each_rule_fires_on_its_case_with_its_line() {
        let toml = r#"[a]
kind = "place"
[a.en]
preferred = "Jordan"
[a.es]
preferred = "Jordania"
forbidden = ["Jordania"]
[a.es_ES]
preferred = "x"

[b]
kind = "person"
[b.en]
preferred = "Jordan"
admitted = [""]

[c]
kind = "place"
[c.en]
preferred = "Jordan"
[c.es]
preferred = "Jordania"

[d]
kind = "person"
[d.de]
preferred = "Haus"
forbidden = ["Jordania"]
[d.es]
forbidden = ["Jordania"]
"#;
        let got = findings(toml, &["es", "fr"]);
        let has = |id: &str, line: usize, rule: &str| {
            got.iter()
                .any(|(c, l, r)| c == id && *l == line && *r == rule)
        };
        assert!(has("a", 7, "forbidden-is-preferred"), "{got:?}");
        assert!(has("a", 8, "invalid-locale"), "{got:?}");
        assert!(has("b", 15, "empty-term"), "{got:?}");
        assert!(has("c", 17, "duplicate-concept"), "{got:?}");
        assert!(
            has("b", 11, "ambiguous-term") || has("c", 17, "ambiguous-term"),
            "{got:?}"
        );
        assert!(has("d", 30, "forbidden-is-preferred"), "{got:?}");
        assert!(
            !has("d", 28, "forbidden-is-preferred"),
            "German has no Jordania: {got:?}"
        );
        assert!(has("d", 24, "no-source-term"), "{got:?}");
        assert!(has("a", 1, "missing-preferred"), "{got:?}");
    }

    #[test]
    fn context_words_settle_ambiguity_and_dnt_needs_no_target() {
        let toml = r#"[a]
kind = "place"
[a.en]
preferred = "Jordan"
[a.es]
preferred = "Jordania"

[b]
kind = "person"
context = ["coach"]
dnt = true
[b.en]
preferred = "Jordan"
"#;
        assert!(findings(toml, &["es"]).is_empty());
    }
}
