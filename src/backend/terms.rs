//! The glossary as engines see it: source form → target form entries for one language pair.
//!
//! DeepL gets every entry as a native glossary; chat engines and external commands get only
//! the entries whose source forms occur in the batch (a prompt with ten thousand entries helps
//! no one). Names are already protected as placeholders; the entries matter most for terms
//! that must inflect, which engines translate themselves.

use std::sync::{Arc, OnceLock};

use crate::glossary::Glossary;
use crate::matcher::Matcher;

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TermEntry {
    /// A source form (preferred or admitted).
    pub source: String,
    /// The target form to use.
    pub target: String,
    /// The concept's kind (`person`, `term`…).
    pub kind: String,
    /// The concept's note, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A glossary for one language pair.
///
/// Every engine is handed one, most ignore it: the matcher and the digest are made on first
/// use, so a 100,000-concept glossary costs nothing to an engine that never asks.
pub struct Terms {
    glossary: Arc<Glossary>,
    matcher: OnceLock<Matcher>,
    digest: OnceLock<String>,
    source: String,
    target: String,
}

impl Terms {
    /// The glossary's entries from `source` to `target` (BCP 47 tags).
    pub fn new(glossary: Arc<Glossary>, source: &str, target: &str) -> Terms {
        Terms {
            glossary,
            matcher: OnceLock::new(),
            digest: OnceLock::new(),
            source: source.to_string(),
            target: target.to_string(),
        }
    }

    fn entries_of(&self, index: usize) -> Vec<TermEntry> {
        let Some(c) = self.glossary.concepts.get(index) else {
            return Vec::new();
        };
        let Some(target) = c.target_form(&self.source, &self.target) else {
            return Vec::new();
        };
        let Some(source) = c.locale(&self.source) else {
            return Vec::new();
        };
        source
            .preferred
            .iter()
            .chain(source.admitted.iter())
            .filter(|t| !t.text.trim().is_empty())
            .map(|t| TermEntry {
                source: t.text.clone(),
                target: target.to_string(),
                kind: c.kind.as_str().to_string(),
                note: c.note.clone(),
            })
            .collect()
    }

    /// Every entry, one per source form, first form first when two concepts share one.
    pub fn all(&self) -> Vec<TermEntry> {
        let mut out: Vec<TermEntry> = Vec::new();
        for i in 0..self.glossary.concepts.len() {
            for e in self.entries_of(i) {
                if !out.iter().any(|x| x.source == e.source) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The entries of the concepts found in any of `texts`.
    pub fn found_in<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<TermEntry> {
        let mut concepts: Vec<usize> = Vec::new();
        for text in texts {
            let matcher = self
                .matcher
                .get_or_init(|| Matcher::new(&self.glossary, &self.source, None));
            for hit in matcher.find(text) {
                if !concepts.contains(&hit.concept) {
                    concepts.push(hit.concept);
                }
            }
        }
        let mut out: Vec<TermEntry> = Vec::new();
        for c in concepts {
            for e in self.entries_of(c) {
                if !out.iter().any(|x| x.source == e.source) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// A short hash of every entry: changes when the glossary changes for this pair.
    pub fn digest(&self) -> &str {
        self.digest.get_or_init(|| {
            let mut hasher = blake3::Hasher::new();
            for e in self.all() {
                hasher.update(e.source.as_bytes());
                hasher.update(b"\t");
                hasher.update(e.target.as_bytes());
                hasher.update(b"\n");
            }
            hasher.finalize().to_hex()[..12].to_string()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Kind, Term};

    #[test]
    fn entries_cover_admitted_forms_and_only_found_concepts() {
        let mut howitzer = Concept::new("howitzer", Kind::Term);
        let en = howitzer.terms.entry("en".into()).or_default();
        en.preferred = Some(Term::new("howitzer"));
        en.admitted = vec![Term::new("field gun")];
        howitzer.terms.entry("es".into()).or_default().preferred = Some(Term::new("obús"));
        let mut rfa = Concept::new("rfa", Kind::Publication);
        rfa.do_not_translate = true;
        rfa.terms.entry("en".into()).or_default().preferred = Some(Term::new("Radio Free Asia"));
        let terms = Terms::new(
            Arc::new(Glossary {
                concepts: vec![howitzer, rfa],
            }),
            "en",
            "es",
        );
        let all: Vec<(String, String)> = terms
            .all()
            .into_iter()
            .map(|e| (e.source, e.target))
            .collect();
        assert_eq!(
            all,
            [
                ("howitzer".to_string(), "obús".to_string()),
                ("field gun".into(), "obús".into()),
                ("Radio Free Asia".into(), "Radio Free Asia".into())
            ]
        );
        let found = terms.found_in(["Two howitzers fired."]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|e| e.target == "obús"));
    }
}
