//! Glossary terms an engine left in the source language: Apertium does not know "howitzers"
//! and writes it as it is, though the glossary says howitzer is "obús" in Spanish. Where a
//! term (kind `term`) of the source has none of its target forms in the translation, and the
//! translation has the very word the source wrote, that word becomes the target form — in the
//! inflection the glossary gives when the source's is inflected ("howitzers" → "obuses" when
//! "obuses" is among the Spanish forms), and untouched when the glossary cannot tell it.

use super::{Context, Edit, Kind, Rewrite};
use crate::glossary::{Kind as ConceptKind, Status};

/// See the module documentation.
pub struct Terms;

impl Rewrite for Terms {
    fn kind(&self) -> Kind {
        Kind::Term
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        let c = cx.checker;
        let (Some(glossary), Some(sm), Some(tm)) =
            (&c.glossary, &c.source_matcher, &c.target_matcher)
        else {
            return Vec::new();
        };
        // A forbidden form found is no target form ("howitzer" is forbidden in Spanish).
        let present: Vec<usize> = tm
            .find(target)
            .iter()
            .filter(|h| h.status != Status::Forbidden)
            .map(|h| h.concept)
            .collect();
        let lower = target.to_lowercase();
        let mut edits: Vec<Edit> = Vec::new();
        for hit in sm.find(source) {
            let Some(concept) = glossary.concepts.get(hit.concept) else {
                continue;
            };
            if concept.kind != ConceptKind::Term || present.contains(&hit.concept) {
                continue;
            }
            let Some(preferred) = concept.target_form(&c.source, &c.target) else {
                continue;
            };
            let written = &source[hit.range.clone()];
            let form = if written.to_lowercase() == hit.form.to_lowercase() {
                preferred.to_string()
            } else {
                // An inflected source: the target's inflected form, if the glossary has one.
                let base = base_letters(preferred);
                let stem: String = base.chars().take(base.chars().count().min(3)).collect();
                let inflected = concept.locale(&c.target).and_then(|t| {
                    t.all()
                        .filter(|(s, _)| *s != Status::Forbidden)
                        .map(|(_, t)| &t.text)
                        .find(|f| f.len() > preferred.len() && base_letters(f).starts_with(&stem))
                        .cloned()
                });
                match inflected {
                    Some(f) => f,
                    None => continue,
                }
            };
            // The source's word, as a whole word, left in the translation.
            let needle = written.to_lowercase();
            let Some(at) = lower.match_indices(&needle).map(|(i, _)| i).find(|&i| {
                lower.len() == target.len()
                    && super::word_start(target, i)
                    && !target[i + needle.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    && edits
                        .iter()
                        .all(|e| e.range.end <= i || i + needle.len() <= e.range.start)
            }) else {
                continue;
            };
            edits.push(Edit {
                range: at..at + needle.len(),
                written: form,
                rule: None,
            });
        }
        edits
    }
}

/// `text` lowercased without its accents (NFD from ICU4X, combining marks dropped): "obús"
/// and "obuses" share "obu".
fn base_letters(text: &str) -> String {
    let nfd = icu::normalizer::DecomposingNormalizerBorrowed::new_nfd();
    nfd.normalize(&text.to_lowercase())
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}
