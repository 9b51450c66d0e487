//! The text of a block as the checks read it: decoded text, markup left out, with a map back to
//! the document's bytes.
//!
//! Checks run on what a reader sees ("11,000" whether or not it sits inside `**…**`), and their
//! spans must lead back to the file: to underline the right line and to apply a fix exactly
//! where it belongs. A byte maps exactly where the text was written literally; where it was
//! not (an escape, an entity, a soft line break), a fix touching it is not applied.

use std::ops::Range;

use crate::document::{Block, Document, Token};

/// A block's readable text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockText {
    /// Decoded text; soft line breaks and markup gaps are single spaces.
    pub text: String,
    /// For each byte of `text`, the document byte it came from (`None` where it was not
    /// written literally there).
    map: Vec<Option<usize>>,
    /// Document byte where the block starts (for lines when a span does not map exactly).
    start: usize,
}

impl BlockText {
    /// The text of `block` in `doc`.
    pub fn of(doc: &Document, block: &Block) -> BlockText {
        let mut out = BlockText {
            start: block.range.start,
            ..BlockText::default()
        };
        for token in &block.tokens {
            match token {
                Token::Text { range, text } => {
                    // Literal: written as is, and not the tail of a backslash escape (pulldown's
                    // range for `\*` starts at the `*`).
                    let literal = doc.source.get(range.start..range.start + text.len())
                        == Some(text.as_str())
                        && !doc.source[..range.start].ends_with('\\');
                    out.text.push_str(text);
                    out.map
                        .extend((0..text.len()).map(|i| literal.then_some(range.start + i)));
                }
                Token::Break { .. } => out.push_space(),
                // Atoms are not text, but words on both sides of one must not run together.
                Token::Atom { .. } => out.push_space(),
                Token::Open { .. } | Token::Close { .. } => {}
            }
        }
        out
    }

    /// Text not from a document (tests, the precision benchmark).
    pub fn plain(text: &str) -> BlockText {
        BlockText {
            text: text.to_string(),
            map: (0..text.len()).map(Some).collect(),
            start: 0,
        }
    }

    fn push_space(&mut self) {
        if !self.text.ends_with(' ') && !self.text.is_empty() {
            self.text.push(' ');
            self.map.push(None);
        }
    }

    /// The document range of a text range, if every byte of it was written literally and in
    /// one piece: only such a range can be replaced by a fix.
    pub fn exact(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let first = (*self.map.get(range.start)?)?;
        let mut expected = first;
        for i in range.clone() {
            if self.map.get(i).copied().flatten() != Some(expected) {
                return None;
            }
            expected += 1;
        }
        Some(first..expected)
    }

    /// A document offset for a text position (exact when possible, else the block start).
    pub fn offset(&self, at: usize) -> usize {
        self.map.get(at).copied().flatten().unwrap_or(self.start)
    }
}

/// The runs of letters of `text` with their byte ranges: the words the calendar and number-word
/// rules look at ("1er" gives "er", "Sonntagmorgen" one word).
pub fn letter_words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (start, c.is_alphabetic()) {
            (None, true) => {
                start = Some(i);
                None
            }
            (Some(s), false) => {
                start = None;
                Some((s..i, &text[s..i]))
            }
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, ReadOptions};

    #[test]
    fn markup_is_left_out_and_literal_bytes_map_exactly() {
        let src = "Russia moved **11,000** troops, see [the map](https://x.y/11,000) and `12,000`\nnear Robotyne \\*.\n";
        let doc = format::parse(
            crate::format::MARKDOWN,
            src.to_string(),
            &ReadOptions::default(),
        );
        let t = BlockText::of(&doc, &doc.blocks[0]);
        assert_eq!(
            t.text,
            "Russia moved 11,000 troops, see the map and near Robotyne *."
        );
        let at = t.text.find("11,000").expect("found");
        let r = t.exact(&(at..at + 6)).expect("literal");
        assert_eq!(&src[r], "11,000");
        let star = t.text.find('*').expect("star");
        assert_eq!(
            t.exact(&(star..star + 1)),
            None,
            "an escaped character is not written literally"
        );
    }
}
