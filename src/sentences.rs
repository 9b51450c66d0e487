//! Sentences within a block, for the review page's alignment, XLIFF segments and engines that
//! translate sentence by sentence.
//!
//! ICU4X's sentence segmenter (CLDR's rules) splits correctly at "U.S. officials", "3 a.m. on",
//! "1.5 km", but also after "Lt.", "Gen.", "Dr.": pieces ending in a known abbreviation of the
//! language (`config/abbreviations.toml`) or in a single capital initial are merged with the
//! next.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use icu::segmenter::SentenceSegmenter;

use crate::segment::{Piece, Segment};

/// The shipped abbreviation lists.
pub const ABBREVIATIONS: &str = include_str!("../config/abbreviations.toml");

/// The abbreviation lists, lower-cased, by language: parsed once per process, since a splitter
/// is made per block on the review page and per file in XLIFF export.
fn table() -> &'static BTreeMap<String, HashSet<String>> {
    static TABLE: OnceLock<BTreeMap<String, HashSet<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let all: BTreeMap<String, Vec<String>> = toml::from_str(ABBREVIATIONS).unwrap_or_default();
        all.into_iter()
            .map(|(lang, list)| (lang, list.iter().map(|a| a.to_lowercase()).collect()))
            .collect()
    })
}

/// Splits text into sentences for one language.
pub struct Sentences {
    abbreviations: Option<&'static HashSet<String>>,
}

impl Sentences {
    /// The splitter for a BCP 47 locale.
    pub fn new(locale: &str) -> Sentences {
        let language = locale.split('-').next().unwrap_or(locale);
        Sentences {
            abbreviations: table().get(language),
        }
    }

    /// Whether `piece` ends in a known abbreviation of the language or a capital initial.
    pub(crate) fn ends_with_abbreviation(&self, piece: &str) -> bool {
        let trimmed = piece.trim_end();
        let Some(before) = trimmed.strip_suffix('.') else {
            return false;
        };
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        !word.is_empty()
            && (initial
                || self
                    .abbreviations
                    .is_some_and(|a| a.contains(&word.to_lowercase())))
    }

    /// A segment split at the sentence ends that fall outside paired codes (the review
    /// page's alignment, XLIFF units, and engines that translate sentence by sentence).
    pub fn segments(&self, seg: &Segment) -> Vec<Segment> {
        let text = seg.text();
        let ends: Vec<usize> = self
            .split(&text)
            .into_iter()
            .map(|r| r.end)
            .filter(|e| *e < text.len())
            .collect();
        let mut out = Vec::new();
        let mut current: Vec<Piece> = Vec::new();
        let (mut offset, mut open) = (0usize, 0i32);
        let mut next_end = ends.iter().peekable();
        for piece in &seg.pieces {
            match piece {
                Piece::Text(t) => {
                    let mut rest = t.as_str();
                    while let Some(&&end) = next_end.peek() {
                        if end > offset + rest.len() {
                            break;
                        }
                        next_end.next();
                        if open > 0 || end <= offset {
                            continue;
                        }
                        let cut = end - offset;
                        current.push(Piece::Text(rest[..cut].to_string()));
                        out.push(Segment::from_pieces(std::mem::take(&mut current)));
                        rest = &rest[cut..];
                        offset = end;
                    }
                    if !rest.is_empty() {
                        current.push(Piece::Text(rest.to_string()));
                    }
                    offset += rest.len();
                }
                Piece::Open(_) => {
                    open += 1;
                    current.push(piece.clone());
                }
                Piece::Close(_) => {
                    open -= 1;
                    current.push(piece.clone());
                }
                other => current.push(other.clone()),
            }
        }
        if !current.is_empty() {
            out.push(Segment::from_pieces(current));
        }
        out
    }

    /// Byte ranges of the sentences of `text` (trailing spaces belong to their sentence).
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let breaks: Vec<usize> = SentenceSegmenter::new(Default::default())
            .segment_str(text)
            .collect();
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        for &b in breaks.iter().filter(|b| **b > 0) {
            let piece = &text[start..b];
            if b < text.len() && self.ends_with_abbreviation(piece) {
                continue; // merge with what follows
            }
            if !text[start..b].trim().is_empty() {
                out.push(start..b);
            }
            start = b;
        }
        if start < text.len() && !text[start..].trim().is_empty() {
            out.push(start..text.len());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(locale: &str, text: &str) -> Vec<String> {
        Sentences::new(locale)
            .split(text)
            .into_iter()
            .map(|r| text[r].trim().to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "en",
                "Lt. Gen. Kyrylo Budanov spoke to Dr. Kim at 3 a.m. on Monday. U.S. officials agreed. It was 1.5 km away."
            ),
            vec![
                "Lt. Gen. Kyrylo Budanov spoke to Dr. Kim at 3 a.m. on Monday.",
                "U.S. officials agreed.",
                "It was 1.5 km away."
            ]
        );
        assert_eq!(
            sentences("es", "El Sr. Park llegó. La Dra. Lee habló."),
            vec!["El Sr. Park llegó.", "La Dra. Lee habló."]
        );
        assert_eq!(
            sentences("en", "John F. Kennedy spoke. Then he left."),
            vec!["John F. Kennedy spoke.", "Then he left."]
        );
    }
}
