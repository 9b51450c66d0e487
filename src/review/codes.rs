//! A translated block read from a file, as a segment with the source's placeholder ids.
//!
//! `verso review SOURCE TARGET` and corrections made on its page need the target in the
//! memory's terms: placeholder ids of the source block, glossary names as `Piece::Name`. A
//! translation may reorder markup, so ids are matched by what the markup is — the same tag
//! kind with the same markup text (a link to the same URL, the same code span) — and then, for
//! what is left, by kind in order. A target code that matches nothing in the source cannot be
//! written back, and the block is shown read-only.

use std::collections::HashMap;

use crate::document::{Block, Document, TagKind, Token};
use crate::segment::{Piece, Segment};

/// What a placeholder stands for: what identifies it across languages, and what labels it on
/// the review page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Its id in the block.
    pub id: u32,
    /// Paired markup (`Open`/`Close`) rather than an atom.
    pub paired: bool,
    /// What it is.
    pub tag: TagKind,
    /// The markup as written: `**…**`, `[…](https://…)`, `` `code` ``.
    pub markup: String,
}

/// The placeholders of a block, in order.
pub fn placeholders(doc: &Document, block: &Block) -> Vec<Placeholder> {
    let close: HashMap<u32, &str> = block
        .tokens
        .iter()
        .filter_map(|t| match t {
            Token::Close { id, range } => Some((*id, doc.source.get(range.clone()).unwrap_or(""))),
            _ => None,
        })
        .collect();
    block
        .tokens
        .iter()
        .filter_map(|t| match t {
            Token::Open { id, range, tag } => Some(Placeholder {
                id: *id,
                paired: true,
                tag: *tag,
                markup: format!(
                    "{}…{}",
                    doc.source.get(range.clone()).unwrap_or(""),
                    close.get(id).copied().unwrap_or("")
                ),
            }),
            Token::Atom { id, range, tag, .. } => Some(Placeholder {
                id: *id,
                paired: false,
                tag: *tag,
                markup: doc.source.get(range.clone()).unwrap_or("").to_string(),
            }),
            _ => None,
        })
        .collect()
}

/// Target id → source id, or `None` when a target code has no counterpart.
fn id_map(source: &[Placeholder], target: &[Placeholder]) -> Option<HashMap<u32, u32>> {
    let mut used = vec![false; source.len()];
    let mut map = HashMap::new();
    let mut pass = |exact: bool, map: &mut HashMap<u32, u32>| {
        for t in target {
            if map.contains_key(&t.id) {
                continue;
            }
            let found = source.iter().enumerate().find(|(i, s)| {
                !used[*i]
                    && s.paired == t.paired
                    && s.tag == t.tag
                    && (!exact || s.markup == t.markup)
            });
            if let Some((i, s)) = found {
                used[i] = true;
                map.insert(t.id, s.id);
            }
        }
    };
    pass(true, &mut map);
    pass(false, &mut map);
    (map.len() == target.len()).then_some(map)
}

/// The target block as a segment with source ids and the glossary names (`names[n - 1]` is
/// the target form of `Piece::Name(n)`) cut out where they are written.
pub fn target_segment(
    source: &Document,
    source_block: &Block,
    target: &Document,
    target_block: &Block,
    names: &[String],
) -> Option<Segment> {
    let map = id_map(
        &placeholders(source, source_block),
        &placeholders(target, target_block),
    )?;
    let remap = |id: &u32| map.get(id).copied();
    let seg = Segment::from_block(target_block);
    let mut pieces = Vec::with_capacity(seg.pieces.len());
    for p in seg.pieces {
        pieces.push(match p {
            Piece::Open(id) => Piece::Open(remap(&id)?),
            Piece::Close(id) => Piece::Close(remap(&id)?),
            Piece::Atom(id) => Piece::Atom(remap(&id)?),
            other => other,
        });
    }
    Some(with_names(pieces, names))
}

/// Cuts each name out of the text pieces, in order, where it is first written after the
/// previous one (names the translation lacks are left out: the checks report them).
pub fn with_names(pieces: Vec<Piece>, names: &[String]) -> Segment {
    let mut pieces = pieces;
    let mut from = (0usize, 0usize); // (piece, byte) where the search resumes
    for (n, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let found = (from.0..pieces.len()).find_map(|i| match &pieces[i] {
            Piece::Text(t) => {
                let start = if i == from.0 { from.1 } else { 0 };
                t.get(start..)
                    .and_then(|rest| rest.find(name.as_str()))
                    .map(|at| (i, start + at))
            }
            _ => None,
        });
        let Some((i, at)) = found else { continue };
        let Piece::Text(t) = pieces[i].clone() else {
            continue;
        };
        let (before, after) = (&t[..at], &t[at + name.len()..]);
        let mut replacement = Vec::new();
        if !before.is_empty() {
            replacement.push(Piece::Text(before.to_string()));
        }
        replacement.push(Piece::Name(u32::try_from(n + 1).unwrap_or(u32::MAX)));
        let resume = i + replacement.len();
        if !after.is_empty() {
            replacement.push(Piece::Text(after.to_string()));
        }
        pieces.splice(i..=i, replacement);
        from = (resume, 0);
    }
    Segment { pieces }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, ReadOptions};

    fn doc(text: &str) -> Document {
        format::parse(
            crate::format::MARKDOWN,
            text.to_string(),
            &ReadOptions::default(),
        )
    }

    #[test]
    fn reordered_markup_keeps_the_source_ids() {
        let s = doc("The **army** said [more](https://a.example) and [less](https://b.example).\n");
        let t =
            doc("Dijo [menos](https://b.example) y [más](https://a.example) el **ejército**.\n");
        let seg = target_segment(&s, &s.blocks[0], &t, &t.blocks[0], &[]).expect("mapped");
        assert_eq!(
            seg.canonical(),
            "Dijo <3>menos</3> y <2>más</2> el <1>ejército</1>."
        );
    }

    #[test]
    fn names_become_name_pieces_and_unknown_codes_refuse() {
        let s = doc("Budanov met Umerov in `Kyiv`.\n");
        let t = doc("Budanow se reunió con Umerow en `Kyiv`.\n");
        let names = ["Budanow".to_string(), "Umerow".to_string()];
        let seg = target_segment(&s, &s.blocks[0], &t, &t.blocks[0], &names).expect("mapped");
        assert_eq!(seg.canonical(), "<n1/> se reunió con <n2/> en <1/>.");
        let extra = doc("Budanow **se** reunió en `Kyiv`.\n");
        assert_eq!(
            target_segment(&s, &s.blocks[0], &extra, &extra.blocks[0], &names),
            None
        );
    }
}
