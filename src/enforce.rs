//! Glossary enforcement: names reach the output in their target form whatever the engine does.
//!
//! Before translation, every name (person, organization, place, brand, publication) and every
//! do-not-translate concept whose target form is known is cut out of the source segment and
//! replaced by a `Piece::Name`; the engine carries it as a proper noun (Apertium: a stand-in
//! the dictionary leaves alone), and the restore step writes the target locale's preferred
//! form. "Radio Free Asia" can no longer become "Asia Libre Radiofónica". Terms that must
//! inflect (kind `term`, units) are not substituted: the engine translates them and the checks
//! verify them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::glossary::Glossary;
use crate::matcher::Matcher;
use crate::segment::{Piece, Segment};

/// What a glossary does during translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TermsMode {
    /// Protect names and write their target forms.
    #[default]
    Enforce,
    /// Only find concepts (reported; the checks verify them).
    Check,
    /// Ignore the glossary.
    Off,
}

impl TermsMode {
    /// Parses `enforce`, `check`, `off`.
    pub fn parse(s: &str) -> Option<TermsMode> {
        match s {
            "enforce" => Some(TermsMode::Enforce),
            "check" => Some(TermsMode::Check),
            "off" => Some(TermsMode::Off),
            _ => None,
        }
    }
}

/// A segment after enforcement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Enforced {
    /// The segment to translate, names as `Piece::Name(n)`.
    pub segment: Segment,
    /// `names[n - 1]`: the text to write for `Piece::Name(n)`.
    pub names: Vec<String>,
    /// `source_names[n - 1]`: the source text `Piece::Name(n)` stands for.
    pub source_names: Vec<String>,
    /// Ids of the concepts enforced (in order, once each).
    pub enforced: Vec<String>,
    /// Ids of all concepts found (in order, once each).
    pub found: Vec<String>,
}

/// Applies a glossary for one language pair.
pub struct Enforcer {
    glossary: Arc<Glossary>,
    matcher: Matcher,
    source: String,
    target: String,
    mode: TermsMode,
}

impl Enforcer {
    /// An enforcer from `source` to `target` (BCP 47 tags).
    pub fn new(glossary: Arc<Glossary>, source: &str, target: &str, mode: TermsMode) -> Enforcer {
        let matcher = Matcher::new(&glossary, source, None);
        Enforcer {
            glossary,
            matcher,
            source: source.to_string(),
            target: target.to_string(),
            mode,
        }
    }

    /// Finds the concepts in a segment and, when enforcing, protects its names.
    pub fn apply(&self, segment: &Segment) -> Enforced {
        let mut out = Enforced::default();
        let mut pieces = Vec::with_capacity(segment.pieces.len());
        for piece in &segment.pieces {
            let Piece::Text(text) = piece else {
                pieces.push(piece.clone());
                continue;
            };
            let mut pos = 0;
            for hit in self.matcher.find(text) {
                let concept = &self.glossary.concepts[hit.concept];
                push_once(&mut out.found, &concept.id);
                let written = &text[hit.range.clone()];
                let form = concept.target_form_for(&self.source, &self.target, &hit.form, written);
                let (Some(form), TermsMode::Enforce) = (form, self.mode) else {
                    continue;
                };
                if !(concept.kind.is_name() || concept.do_not_translate) {
                    continue;
                }
                if hit.range.start > pos {
                    pieces.push(Piece::Text(text[pos..hit.range.start].to_string()));
                }
                out.source_names.push(written.to_string());
                out.names.push(form);
                pieces.push(Piece::Name(
                    u32::try_from(out.names.len()).unwrap_or(u32::MAX),
                ));
                push_once(&mut out.enforced, &concept.id);
                pos = hit.range.end;
            }
            if pos < text.len() {
                pieces.push(Piece::Text(text[pos..].to_string()));
            }
        }
        out.segment = Segment::from_pieces(pieces);
        out
    }
}

/// The protected segments of a document's blocks: each block's segment with, when there is an
/// enforcer, its names cut out. Translation, XLIFF export and the review page all key the
/// memory with these, so a correction made anywhere is found by the next run.
pub fn protect(doc: &crate::document::Document, enforcer: Option<&Enforcer>) -> Vec<Enforced> {
    doc.blocks
        .iter()
        .map(|b| {
            let segment = Segment::from_block(b);
            match enforcer {
                Some(e) => e.apply(&segment),
                None => Enforced {
                    segment,
                    ..Enforced::default()
                },
            }
        })
        .collect()
}

/// The enforcer a glossary and mode give for one language pair (none when the mode is off).
pub fn enforcer_for(
    glossary: Option<&Arc<Glossary>>,
    mode: TermsMode,
    source: &str,
    target: &str,
) -> Option<Enforcer> {
    match glossary {
        Some(g) if mode != TermsMode::Off => {
            Some(Enforcer::new(Arc::clone(g), source, target, mode))
        }
        _ => None,
    }
}

fn push_once(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Kind, Term};

    fn glossary() -> Arc<Glossary> {
        let mut seoul = Concept::new("seoul", Kind::Place);
        seoul.terms.entry("en".into()).or_default().preferred = Some(Term::new("Seoul"));
        seoul.terms.entry("es".into()).or_default().preferred = Some(Term::new("Seúl"));
        let mut rfa = Concept::new("rfa", Kind::Publication);
        rfa.do_not_translate = true;
        rfa.terms.entry("en".into()).or_default().preferred = Some(Term::new("Radio Free Asia"));
        let mut howitzer = Concept::new("howitzer", Kind::Term);
        howitzer.terms.entry("en".into()).or_default().preferred = Some(Term::new("howitzer"));
        howitzer.terms.entry("es".into()).or_default().preferred = Some(Term::new("obús"));
        let mut paju = Concept::new("paju", Kind::Place);
        paju.terms.entry("en".into()).or_default().preferred = Some(Term::new("Paju"));
        Arc::new(Glossary {
            concepts: vec![seoul, rfa, howitzer, paju],
        })
    }

    #[test]
    fn names_with_a_target_form_become_name_pieces() {
        let e = Enforcer::new(glossary(), "en", "es", TermsMode::Enforce);
        let seg = Segment::parse_canonical(
            "SEOUL — <1>Radio Free Asia</1> said howitzers hit Paju near Seoul's edge.",
        );
        let out = e.apply(&seg);
        assert_eq!(
            out.segment.canonical(),
            "<n1/> — <1><n2/></1> said howitzers hit Paju near <n3/>'s edge."
        );
        assert_eq!(out.names, vec!["SEÚL", "Radio Free Asia", "Seúl"]);
        assert_eq!(out.enforced, vec!["seoul", "rfa"]);
        // Terms are found but left to the engine; a name without a target form too.
        assert_eq!(out.found, vec!["seoul", "rfa", "howitzer", "paju"]);
    }

    #[test]
    fn check_mode_finds_without_changing_the_segment() {
        let e = Enforcer::new(glossary(), "en", "es", TermsMode::Check);
        let seg = Segment::parse_canonical("Seoul and Radio Free Asia");
        let out = e.apply(&seg);
        assert_eq!(out.segment, seg);
        assert!(out.enforced.is_empty());
        assert_eq!(out.found, vec!["seoul", "rfa"]);
    }
}
