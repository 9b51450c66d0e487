//! Puts a translated segment back into its block: placeholders become their markup again, text
//! is escaped for the format, lines are wrapped like the source.
//!
//! Placeholders are checked first. Each must come back exactly once: a doubled one is dropped
//! after its first use, a pair whose halves came back in the wrong order is put right, and a
//! lost one is appended at the end of the block as `⟦original markup⟧` — a visible marker a
//! reviewer cannot miss — and reported. Protected text is never silently dropped.

mod document;

use std::collections::HashMap;

use crate::document::{Block, BlockId, Document, TagKind, Token};
use crate::format::escape;
use crate::segment::{Piece, Segment};

pub use document::{render_document, structure_issue};

/// Opening and closing marks around a protected span the engine lost.
pub const LOST_OPEN: char = '⟦';
/// See [`LOST_OPEN`].
pub const LOST_CLOSE: char = '⟧';

/// Something wrong with the placeholders of a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A protected span did not come back; it was re-added with a visible marker.
    Lost {
        /// What it was.
        tag: TagKind,
        /// Its source text.
        source: String,
    },
    /// A protected span came back more than once; later copies were dropped.
    Duplicated {
        /// What it was.
        tag: TagKind,
        /// Its source text.
        source: String,
    },
    /// The engine returned no text for a block that has text.
    Empty,
    /// The target language needs a plural form the source lacks: it was added, written as
    /// the default form (`other`), for a reviewer to correct.
    PluralAdded {
        /// The CLDR category added (`many`).
        category: String,
    },
}

/// A rendered block and what went wrong on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The text that replaces the block's source range.
    pub text: String,
    /// Placeholder problems; empty when all came back once.
    pub problems: Vec<Problem>,
}

/// What a placeholder id stands for in the source block.
#[derive(Debug, Clone)]
enum Markup {
    Pair {
        tag: TagKind,
        open: std::ops::Range<usize>,
        close: std::ops::Range<usize>,
    },
    Atom {
        tag: TagKind,
        range: std::ops::Range<usize>,
        children: Vec<BlockId>,
    },
}

fn inventory(block: &Block) -> HashMap<u32, Markup> {
    let mut map = HashMap::new();
    for token in &block.tokens {
        match token {
            Token::Open { id, range, tag } => {
                map.insert(
                    *id,
                    Markup::Pair {
                        tag: *tag,
                        open: range.clone(),
                        close: range.end..range.end,
                    },
                );
            }
            Token::Close { id, range } => {
                if let Some(Markup::Pair { close, .. }) = map.get_mut(id) {
                    *close = range.clone();
                }
            }
            Token::Atom {
                id,
                range,
                tag,
                children,
            } => {
                map.insert(
                    *id,
                    Markup::Atom {
                        tag: *tag,
                        range: range.clone(),
                        children: children.clone(),
                    },
                );
            }
            Token::Text { .. } | Token::Break { .. } => {}
        }
    }
    map
}

/// Renders block `id` of `doc` with `translation`. `names[n - 1]` is the target form of
/// `Piece::Name(n)`. Nested blocks (alt texts) are rendered by `render_child`.
pub fn restore(
    doc: &Document,
    id: BlockId,
    translation: &Segment,
    names: &[String],
    render_child: &mut dyn FnMut(BlockId) -> String,
) -> Restored {
    let block = &doc.blocks[id];
    if *translation == Segment::from_block(block) {
        // Unchanged text keeps its source bytes, so escapes, entities and line breaks the
        // author wrote stay exactly as written.
        let children = doc.children_in(id, block.range.clone());
        return Restored {
            text: doc.splice_markup(block.range.clone(), &children, render_child),
            problems: Vec::new(),
        };
    }
    let markup = inventory(block);
    let (pieces, mut problems, lost) = check_placeholders(doc, translation, &markup, names);
    let pieces = move_spaces_out_of_pairs(unnest_links(pieces, &markup), &markup);
    let lines = line_images(block);
    let (mut text, text_ranges, kept) =
        render_pieces(doc, id, &pieces, &markup, names, &lines, render_child);
    for lost_text in lost {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push(LOST_OPEN);
        text.push_str(&lost_text);
        text.push(LOST_CLOSE);
    }
    if text.trim().is_empty() && Segment::from_block(block).has_text() {
        problems.push(Problem::Empty);
    }
    if let Some(wrap) = &block.wrap {
        let line_start = doc.source[..block.range.start]
            .rfind('\n')
            .map_or(0, |p| p + 1);
        let first_column = doc.source[line_start..block.range.start].chars().count();
        let kept: Vec<usize> = kept
            .into_iter()
            .filter(|&at| text.as_bytes().get(at) == Some(&b' '))
            .collect();
        text = wrap_text(
            &text,
            &breakable(&text_ranges, &text),
            &kept,
            wrap,
            first_column,
        );
    }
    block.escaping.finish(&mut text);
    Restored { text, problems }
}

/// Keeps each placeholder once, repairs reversed pairs, and lists what was lost (the text to
/// write back visibly: the source markup, or a name's target form).
fn check_placeholders(
    doc: &Document,
    translation: &Segment,
    markup: &HashMap<u32, Markup>,
    names: &[String],
) -> (Vec<Piece>, Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut seen_open = HashMap::new();
    let mut seen_close = HashMap::new();
    let mut seen_atom = HashMap::new();
    let mut seen_name = HashMap::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let name_of = |id: u32| names.get((id as usize).wrapping_sub(1));
    for piece in &translation.pieces {
        let (seen, id) = match piece {
            Piece::Text(_) => {
                pieces.push(piece.clone());
                continue;
            }
            Piece::Open(id) => (&mut seen_open, *id),
            Piece::Close(id) => (&mut seen_close, *id),
            Piece::Atom(id) => (&mut seen_atom, *id),
            Piece::Name(id) => (&mut seen_name, *id),
        };
        let known = match piece {
            Piece::Name(_) => name_of(id).is_some(),
            _ => matches!(
                (markup.get(&id), piece),
                (Some(Markup::Pair { .. }), Piece::Open(_) | Piece::Close(_))
                    | (Some(Markup::Atom { .. }), Piece::Atom(_))
            ),
        };
        if !known {
            continue; // an engine's invention: not ours to write
        }
        if seen.contains_key(&id) {
            if let Piece::Name(_) = piece {
                problems.push(Problem::Duplicated {
                    tag: TagKind::Name,
                    source: name_of(id).cloned().unwrap_or_default(),
                });
            } else if let Some(m) = markup.get(&id) {
                problems.push(Problem::Duplicated {
                    tag: tag_of(m),
                    source: source_of(doc, m),
                });
            }
            continue;
        }
        seen.insert(id, pieces.len());
        pieces.push(piece.clone());
    }
    // Pairs: both halves present, in order; otherwise the pair is lost.
    let mut lost = Vec::new();
    let mut drop = Vec::new();
    let mut ids: Vec<&u32> = markup.keys().collect();
    ids.sort();
    for id in ids {
        let m = &markup[id];
        match m {
            Markup::Pair { open, close, .. } => match (seen_open.get(id), seen_close.get(id)) {
                (Some(&o), Some(&c)) if c < o => {
                    pieces.swap(o, c);
                }
                (Some(_), Some(_)) => {}
                (o, c) => {
                    drop.extend(o.copied());
                    drop.extend(c.copied());
                    problems.push(Problem::Lost {
                        tag: tag_of(m),
                        source: source_of(doc, m),
                    });
                    lost.push(doc.source[open.start..close.end].to_string());
                }
            },
            Markup::Atom { range, .. } => {
                if !seen_atom.contains_key(id) {
                    problems.push(Problem::Lost {
                        tag: tag_of(m),
                        source: source_of(doc, m),
                    });
                    lost.push(doc.source[range.clone()].to_string());
                }
            }
        }
    }
    drop.sort_unstable();
    for idx in drop.into_iter().rev() {
        pieces.remove(idx);
    }
    (pieces, problems, lost)
}

fn tag_of(m: &Markup) -> TagKind {
    match m {
        Markup::Pair { tag, .. } | Markup::Atom { tag, .. } => *tag,
    }
}

fn source_of(doc: &Document, m: &Markup) -> String {
    match m {
        Markup::Pair { open, close, .. } => doc.source[open.start..close.end].to_string(),
        Markup::Atom { range, .. } => doc.source[range.clone()].to_string(),
    }
}

/// Links never nest: an engine that moved one link's words into another's
/// (`[sitio-[página o rutas relativas](g)](g)`, which CommonMark reads as text around one link)
/// gets the outer link closed where the inner one opens, so each link keeps the words it
/// starts with and both still link (`[sitio-](g)[página o rutas relativas](g)`). Only a link
/// opened directly inside another is moved, so no other markup ends up crossing.
fn unnest_links(pieces: Vec<Piece>, markup: &HashMap<u32, Markup>) -> Vec<Piece> {
    let is_link = |id: &u32| {
        markup.get(id).is_some_and(|m| {
            matches!(
                m,
                Markup::Pair {
                    tag: TagKind::Link,
                    ..
                }
            )
        })
    };
    let mut out = Vec::with_capacity(pieces.len());
    let mut open: Vec<u32> = Vec::new();
    let mut closed_early: Vec<u32> = Vec::new();
    for piece in pieces {
        match &piece {
            Piece::Open(id) => {
                if is_link(id)
                    && let Some(&outer) = open.last()
                    && is_link(&outer)
                {
                    out.push(Piece::Close(outer));
                    open.pop();
                    closed_early.push(outer);
                }
                open.push(*id);
            }
            Piece::Close(id) => {
                if let Some(k) = closed_early.iter().position(|c| c == id) {
                    closed_early.remove(k);
                    continue;
                }
                if let Some(k) = open.iter().rposition(|o| o == id) {
                    open.remove(k);
                }
            }
            _ => {}
        }
        out.push(piece);
    }
    out
}

/// `<1> text</1>` → ` <1>text</1>`: delimiters hugging whitespace stop being markup in
/// Markdown, and engines often move a space inside. Emphasis delimiters (`*`, `**`, `~~`) also
/// stop being markup between a letter and punctuation (`ZAPORIYIA**, enero 13**`), so for
/// them leading and trailing punctuation moves out too (`ZAPORIYIA, **enero 13**`).
fn move_spaces_out_of_pairs(pieces: Vec<Piece>, markup: &HashMap<u32, Markup>) -> Vec<Piece> {
    let delimiter = |id: &u32| {
        markup.get(id).is_some_and(|m| {
            matches!(
                m,
                Markup::Pair {
                    tag: TagKind::Emphasis | TagKind::Strong | TagKind::Strikethrough,
                    ..
                }
            )
        })
    };
    let movable = |c: char, id: &u32| c.is_whitespace() || (delimiter(id) && is_punctuation(c));
    // Openings first, then closings: a span's text may need both ends moved.
    let mut pieces = pieces;
    for opening in [true, false] {
        let mut out: Vec<Piece> = Vec::with_capacity(pieces.len() + 2);
        let mut i = 0;
        while i < pieces.len() {
            match (&pieces[i], pieces.get(i + 1)) {
                (Piece::Open(id), Some(Piece::Text(t)))
                    if opening && t.starts_with(|c| movable(c, id)) =>
                {
                    let rest = t.trim_start_matches(|c| movable(c, id));
                    if rest.chars().any(char::is_alphanumeric) {
                        out.push(Piece::Text(t[..t.len() - rest.len()].to_string()));
                        out.push(Piece::Open(*id));
                        out.push(Piece::Text(rest.to_string()));
                        i += 2;
                        continue;
                    }
                }
                (Piece::Text(t), Some(Piece::Close(id)))
                    if !opening && t.ends_with(|c| movable(c, id)) =>
                {
                    let kept = t.trim_end_matches(|c| movable(c, id));
                    if kept.chars().any(char::is_alphanumeric) {
                        out.push(Piece::Text(kept.to_string()));
                        out.push(Piece::Close(*id));
                        out.push(Piece::Text(t[kept.len()..].to_string()));
                        i += 2;
                        continue;
                    }
                }
                _ => {}
            }
            out.push(pieces[i].clone());
            i += 1;
        }
        pieces = Segment::from_pieces(out).pieces;
    }
    Segment::from_pieces(pieces).normalized().pieces
}

/// Punctuation and symbols as CommonMark's flanking rules count them.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Images alone on their source line, with the line ending after them: an image above its
/// caption keeps the caption on the next line.
fn line_images(block: &Block) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, token) in block.tokens.iter().enumerate() {
        let Token::Atom {
            id,
            tag: TagKind::Image,
            ..
        } = token
        else {
            continue;
        };
        let starts_line = i == 0 || matches!(block.tokens[i - 1], Token::Break { .. });
        let ends_line = matches!(block.tokens.get(i + 1), Some(Token::Break { .. }));
        if starts_line && ends_line {
            out.push(*id);
        }
    }
    out
}

/// Renders the pieces; returns the text, the ranges of translated text in it (where lines may
/// break), and where a line must break (after each of `line_images`).
fn render_pieces(
    doc: &Document,
    block_id: BlockId,
    pieces: &[Piece],
    markup: &HashMap<u32, Markup>,
    names: &[String],
    line_images: &[u32],
    render_child: &mut dyn FnMut(BlockId) -> String,
) -> (String, Vec<std::ops::Range<usize>>, Vec<usize>) {
    let block = &doc.blocks[block_id];
    if block.escaping.whole_value() {
        // A value quoted as a whole (a YAML scalar, an attribute): assemble its text, then
        // escape it once.
        let mut plain = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => plain.push_str(t),
                Piece::Name(id) => {
                    plain.push_str(names.get(*id as usize - 1).map_or("", String::as_str))
                }
                _ => {}
            }
        }
        let text = block.escaping.text(&plain, true);
        let whole = std::iter::once(0..text.len()).collect();
        return (text, whole, Vec::new());
    }
    let mut out = String::new();
    let mut text_ranges = Vec::new();
    let mut breaks = Vec::new();
    let mut bare_address_end: Option<usize> = None;
    // Where each pair's content starts in `out`.
    let mut opened_at: HashMap<u32, usize> = HashMap::new();
    for piece in pieces {
        match piece {
            Piece::Text(_) | Piece::Name(_) => {
                let t = match piece {
                    Piece::Text(t) => t.as_str(),
                    Piece::Name(id) => names
                        .get((*id as usize).wrapping_sub(1))
                        .map_or("", String::as_str),
                    _ => "",
                };
                if bare_address_end == Some(out.len()) && !may_follow_address(t) {
                    out.push(' ');
                }
                let start = out.len();
                out.push_str(&block.escaping.text(t, out.is_empty()));
                // A name stays on one line: only translated text offers places to wrap.
                if let Piece::Text(_) = piece {
                    text_ranges.push(start..out.len());
                }
            }
            Piece::Open(id) => {
                if let Some(Markup::Pair { open, .. }) = markup.get(id) {
                    // An opening tag may hold translated attributes (an HTML link's title).
                    let children = doc.children_in(block_id, open.clone());
                    out.push_str(&doc.splice_markup(open.clone(), &children, render_child));
                    opened_at.insert(*id, out.len());
                }
            }
            Piece::Close(id) => {
                if let Some(Markup::Pair { close, open, tag }) = markup.get(id) {
                    let written = opened_at.get(id).and_then(|&at| out.get(at..));
                    match reference_label(doc, *tag, open, close, written) {
                        Some(label) => {
                            out.push_str("][");
                            out.push_str(label);
                            out.push(']');
                        }
                        None => out.push_str(&doc.source[close.clone()]),
                    }
                }
            }
            Piece::Atom(id) => {
                if let Some(Markup::Atom {
                    range,
                    children,
                    tag,
                }) = markup.get(id)
                {
                    let bare = is_bare_address(doc, *tag, range);
                    if bare && out.ends_with(|c: char| c.is_alphanumeric()) {
                        out.push(' ');
                    }
                    // The blocks inside the atom (an image's alt text), whether the reader
                    // listed them on the token (Markdown) or only as nested blocks (HTML).
                    let inside = doc.children_in(block_id, range.clone());
                    let children = if inside.is_empty() { children } else { &inside };
                    out.push_str(&doc.splice_markup(range.clone(), children, render_child));
                    if line_images.contains(id) {
                        breaks.push(out.len());
                    }
                    bare_address_end = bare.then_some(out.len());
                    continue;
                }
            }
        }
        bare_address_end = None;
    }
    (out, text_ranges, breaks)
}

/// A URL or e-mail address written without `<>`: it ends at the next space when read again,
/// so text an engine glued to it would become part of the address.
/// For a shortcut (`[label]`) or collapsed (`[label][]`) reference link whose text was
/// translated, the label to write as a full reference (`[texto][label]`): the link text is its
/// label there, so once it changes the link would no longer find its definition. `None` when
/// the markup can be written as it was.
fn reference_label<'a>(
    doc: &'a Document,
    tag: TagKind,
    open: &std::ops::Range<usize>,
    close: &std::ops::Range<usize>,
    written: Option<&str>,
) -> Option<&'a str> {
    if tag != TagKind::Link {
        return None;
    }
    let markup = doc.source.get(close.clone())?;
    if markup != "]" && markup != "][]" {
        return None;
    }
    let label = doc.source.get(open.end..close.start)?;
    // Labels match case-insensitively with whitespace collapsed (CommonMark).
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    (fold(label) != fold(written?)).then_some(label)
}

fn is_bare_address(doc: &Document, tag: TagKind, range: &std::ops::Range<usize>) -> bool {
    matches!(tag, TagKind::Url | TagKind::Email) && !doc.source[range.clone()].starts_with('<')
}

/// Whether text may follow a bare address directly (a space, or sentence punctuation).
fn may_follow_address(text: &str) -> bool {
    text.chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || ".,;:!?)]}\"'’”»".contains(c))
}

/// Byte offsets of the spaces inside translated text: the only places a line may break
/// (never inside markup such as a link target or a code span).
fn breakable(text_ranges: &[std::ops::Range<usize>], rendered: &str) -> Vec<usize> {
    let bytes = rendered.as_bytes();
    text_ranges
        .iter()
        .flat_map(|r| r.clone())
        .filter(|&i| bytes.get(i) == Some(&b' '))
        .collect()
}

/// Greedy wrap at `wrap.width`, breaking only at `spaces` and only where the next line starts
/// safely (see [`escape::safe_line_start`]).
/// Wraps `text` at `spaces` to the block's width; a line always ends at the spaces of `kept`.
fn wrap_text(
    text: &str,
    spaces: &[usize],
    kept: &[usize],
    wrap: &crate::document::Wrap,
    first_column: usize,
) -> String {
    let prefix_width = wrap
        .continuation
        .trim_start_matches(['\r', '\n'])
        .chars()
        .count();
    let mut out = String::with_capacity(text.len() + 16);
    let mut line_start = 0; // byte offset in text
    let mut column0 = first_column;
    let mut last_ok: Option<usize> = None;
    for &sp in spaces {
        if kept.contains(&sp) && sp >= line_start {
            out.push_str(&text[line_start..sp]);
            out.push_str(&wrap.continuation);
            line_start = sp + 1;
            column0 = prefix_width;
            last_ok = None;
            continue;
        }
        let width_to_sp = column0 + text[line_start..sp].chars().count();
        if width_to_sp > wrap.width
            && let Some(at) = last_ok
        {
            out.push_str(&text[line_start..at]);
            out.push_str(&wrap.continuation);
            line_start = at + 1;
            column0 = prefix_width;
            last_ok = None;
        }
        if escape::safe_line_start(&text[sp + 1..]) && sp >= line_start {
            last_ok = Some(sp);
        }
    }
    // The tail may still be too long: one more break if possible.
    if column0 + text[line_start..].chars().count() > wrap.width
        && let Some(at) = last_ok
    {
        out.push_str(&text[line_start..at]);
        out.push_str(&wrap.continuation);
        line_start = at + 1;
    }
    out.push_str(&text[line_start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, ReadOptions};

    fn tags(doc: &Document) -> Vec<TagKind> {
        doc.blocks[0]
            .tokens
            .iter()
            .filter_map(|t| match t {
                Token::Open { tag, .. } => Some(*tag),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_image_alone_on_its_line_keeps_its_caption_on_the_next() {
        let src = "![The portal](img/p.jpg)\n*The north portal, reopened on Monday after work.*\n";
        let doc = format::parse(crate::format::MARKDOWN, src.into(), &ReadOptions::default());
        let block = doc
            .blocks
            .iter()
            .position(|b| b.wrap.is_some())
            .expect("the paragraph");
        let translation = Segment::parse_canonical(
            "<1/> <2>El portal norte, reabierto el lunes tras las obras.</2>",
        );
        let out = restore(&doc, block, &translation, &[], &mut |_| "El portal".into());
        assert_eq!(
            out.text.lines().next(),
            Some("![El portal](img/p.jpg)"),
            "{}",
            out.text
        );
        assert!(
            out.text
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("*El portal norte"))
        );
    }

    #[test]
    fn a_link_an_engine_put_inside_another_is_written_beside_it() {
        let doc = format::parse(
            crate::format::MARKDOWN,
            "Use [site-relative](g) paths or [page-relative](h) paths.\n".into(),
            &ReadOptions::default(),
        );
        let translation =
            Segment::parse_canonical("Usa <1>sitio-<2>rutas relativas a la página</2></1> o no.");
        let out = restore(&doc, 0, &translation, &[], &mut |_| String::new());
        assert_eq!(
            out.text,
            "Usa [sitio-](g)[rutas relativas a la página](h) o no."
        );
        let back = format::parse(
            crate::format::MARKDOWN,
            format!("{}\n", out.text),
            &ReadOptions::default(),
        );
        assert_eq!(tags(&back), vec![TagKind::Link, TagKind::Link]);
    }

    /// An engine that moves a name out of bold leaves `NAME**, date**`, which CommonMark does
    /// not read as bold; the punctuation moves out with the space.
    #[test]
    fn emphasis_stays_markup_when_punctuation_follows_the_delimiter() {
        let doc = format::parse(
            crate::format::MARKDOWN,
            "**ZAPORIZHZHIA, January 13** — gunners fired.\n".into(),
            &ReadOptions::default(),
        );
        let translation = Segment::parse_canonical("<n1/><1>, enero 13 </1>— dispararon.");
        let out = restore(&doc, 0, &translation, &["ZAPORIYIA".into()], &mut |_| {
            String::new()
        });
        assert_eq!(out.text, "ZAPORIYIA, **enero 13** — dispararon.");
        let back = format::parse(
            crate::format::MARKDOWN,
            format!("{}\n", out.text),
            &ReadOptions::default(),
        );
        assert_eq!(tags(&back), vec![TagKind::Strong]);
        let quoted = Segment::parse_canonical("Dijo<1>\u{201c}basta\u{201d}</1>hoy <n1/>.");
        let out = restore(&doc, 0, &quoted, &["Z".into()], &mut |_| String::new());
        let back = format::parse(
            crate::format::MARKDOWN,
            format!("{}\n", out.text),
            &ReadOptions::default(),
        );
        assert_eq!(tags(&back), vec![TagKind::Strong], "{}", out.text);
    }
}
