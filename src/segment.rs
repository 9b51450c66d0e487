//! The protected form of a block: what engines translate and the memory stores.
//!
//! A [`Segment`] is a sequence of [`Piece`]s: text and numbered placeholders. Inline markup
//! becomes paired placeholders (`Open`/`Close`) so an engine can move words without breaking
//! it; code, URLs and footnote references become `Atom`s that come back whole. Whitespace is
//! normalized (soft line breaks are spaces), so re-wrapping a paragraph in the source does not
//! change its memory key and never costs a second engine call.
//!
//! The canonical string form (`The <1>Institute</1> said <2/>.`) is the memory's key and value:
//! text is XML-escaped, placeholders are `<n>`, `</n>`, `<n/>`.

use crate::document::{Block, Token};

/// One piece of a protected segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text to translate.
    Text(String),
    /// Opening placeholder of a paired tag.
    Open(u32),
    /// Closing placeholder of a paired tag.
    Close(u32),
    /// A span kept whole.
    Atom(u32),
    /// A glossary name: the engine carries it as a proper noun, the restore step writes the
    /// target locale's form.
    Name(u32),
}

impl Piece {
    /// A placeholder as written in the canonical form (`<1>`, `</1>`, `<2/>`, `<n1/>`); `None`
    /// for text. The one name of a placeholder in messages, checks and comparisons.
    pub fn token(&self) -> Option<String> {
        match self {
            Piece::Text(_) => None,
            Piece::Open(id) => Some(format!("<{id}>")),
            Piece::Close(id) => Some(format!("</{id}>")),
            Piece::Atom(id) => Some(format!("<{id}/>")),
            Piece::Name(id) => Some(format!("<n{id}/>")),
        }
    }
}

/// A block in protected form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    /// Text and placeholders in order.
    pub pieces: Vec<Piece>,
}

impl Segment {
    /// Builds the protected segment of a block: texts joined, soft breaks as spaces,
    /// whitespace collapsed and trimmed, markup as placeholders.
    pub fn from_block(block: &Block) -> Segment {
        let mut pieces: Vec<Piece> = Vec::new();
        for token in &block.tokens {
            match token {
                Token::Text { text, .. } => push_text(&mut pieces, text),
                Token::Break { .. } => push_text(&mut pieces, " "),
                Token::Open { id, .. } => pieces.push(Piece::Open(*id)),
                Token::Close { id, .. } => pieces.push(Piece::Close(*id)),
                Token::Atom { id, .. } => pieces.push(Piece::Atom(*id)),
            }
        }
        Segment { pieces }.normalized()
    }

    /// Builds a segment from text pieces and placeholders, merging adjacent texts.
    pub fn from_pieces(raw: impl IntoIterator<Item = Piece>) -> Segment {
        let mut pieces = Vec::new();
        for piece in raw {
            match piece {
                Piece::Text(t) => push_text(&mut pieces, &t),
                other => pieces.push(other),
            }
        }
        Segment { pieces }
    }

    /// Whitespace runs collapsed to one space, the segment's two ends trimmed, empty texts
    /// dropped. Spaces next to placeholders are kept: "with <1/>" is not "with<1/>".
    pub fn normalized(self) -> Segment {
        let mut out: Vec<Piece> = Vec::with_capacity(self.pieces.len());
        let mut last_space = true; // trims leading whitespace
        for piece in self.pieces {
            match piece {
                Piece::Text(t) => {
                    let mut s = String::with_capacity(t.len());
                    for c in t.chars() {
                        if c.is_whitespace() {
                            if !last_space {
                                s.push(' ');
                                last_space = true;
                            }
                        } else {
                            s.push(c);
                            last_space = false;
                        }
                    }
                    if !s.is_empty() {
                        push_text(&mut out, &s);
                    }
                }
                other => {
                    last_space = false;
                    out.push(other);
                }
            }
        }
        if let Some(Piece::Text(t)) = out.last_mut() {
            let trimmed = t.trim_end().len();
            t.truncate(trimmed);
            if t.is_empty() {
                out.pop();
            }
        }
        Segment { pieces: out }
    }

    /// Whether the segment has any text worth translating (letters or digits).
    pub fn has_text(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if t.chars().any(char::is_alphanumeric)))
    }

    /// The text only, placeholders dropped.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            if let Piece::Text(t) = p {
                out.push_str(t);
            }
        }
        out
    }

    /// The canonical string form: `The <1>Institute</1> said <2/>.`
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => {
                    for c in t.chars() {
                        match c {
                            '&' => out.push_str("&amp;"),
                            '<' => out.push_str("&lt;"),
                            '>' => out.push_str("&gt;"),
                            c => out.push(c),
                        }
                    }
                }
                code => out.push_str(&code.token().unwrap_or_default()),
            }
        }
        out
    }

    /// Parses the canonical form back. Anything that is not a well-formed placeholder or
    /// entity is kept as text, so a damaged memory entry degrades to text, never panics.
    pub fn parse_canonical(s: &str) -> Segment {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some((piece, len)) = parse_placeholder(rest)
            {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(piece);
                rest = &rest[len..];
                continue;
            }
            if c == '&' {
                let entity = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>')]
                    .into_iter()
                    .find(|(e, _)| rest.starts_with(e));
                if let Some((e, ch)) = entity {
                    text.push(ch);
                    rest = &rest[e.len()..];
                    continue;
                }
            }
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Segment { pieces }
    }

    /// A stable hash of the canonical form, the memory key.
    pub fn key(&self) -> String {
        blake3::hash(self.canonical().as_bytes()).to_hex()[..32].to_string()
    }
}

fn parse_placeholder(s: &str) -> Option<(Piece, usize)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let len = end + 1;
    if let Some(num) = inner.strip_prefix('/') {
        return num.parse().ok().map(|id| (Piece::Close(id), len));
    }
    if let Some(num) = inner.strip_suffix('/') {
        if let Some(n) = num.strip_prefix('n') {
            return n.parse().ok().map(|id| (Piece::Name(id), len));
        }
        return num.parse().ok().map(|id| (Piece::Atom(id), len));
    }
    inner.parse().ok().map(|id| (Piece::Open(id), len))
}

fn push_text(pieces: &mut Vec<Piece>, t: &str) {
    if t.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(t);
    } else {
        pieces.push(Piece::Text(t.to_string()));
    }
}

/// Collapses whitespace runs to one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The display text of a segment: text pieces and names.
pub fn display_text(seg: &Segment, names: &[String]) -> String {
    let mut out = String::new();
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Name(n) => out.push_str(name_text(names, *n)),
            _ => {}
        }
    }
    out
}

/// The text of `Piece::Name(n)`.
pub fn name_text(names: &[String], n: u32) -> &str {
    usize::try_from(n)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| names.get(i))
        .map_or("", String::as_str)
}

/// Opening and closing quotes and brackets: what encloses a name in running text.
const OPENERS: &[char] = &['"', '“', '„', '«', '‹', '\'', '‘', '(', '['];
const CLOSERS: &[char] = &['"', '”', '“', '»', '›', '\'', '’', ')', ']'];

impl Segment {
    /// The names that `self` encloses in quotes or brackets ("reports \"<n1/>\":") and that
    /// `translation` no longer does: an engine that moved a name out of its quotes
    /// ("<n1/> \"de informes\":") wrote a broken sentence, and the segment is better sent
    /// again another way.
    pub fn names_moved_out_of_quotes(&self, translation: &Segment) -> Vec<u32> {
        let kept = translation.enclosed_names();
        self.enclosed_names()
            .into_iter()
            .filter(|id| !kept.contains(id))
            .collect()
    }

    /// The names with an opening quote or bracket right before them and a closing one right
    /// after, in one pass.
    fn enclosed_names(&self) -> Vec<u32> {
        let text_end = |p: Option<&Piece>, last: bool| match p {
            Some(Piece::Text(t)) if last => t.chars().next_back(),
            Some(Piece::Text(t)) => t.chars().next(),
            _ => None,
        };
        let mut out = Vec::new();
        for (at, piece) in self.pieces.iter().enumerate() {
            let Piece::Name(id) = piece else { continue };
            let before = text_end(at.checked_sub(1).and_then(|i| self.pieces.get(i)), true);
            let after = text_end(self.pieces.get(at + 1), false);
            if before.is_some_and(|c| OPENERS.contains(&c))
                && after.is_some_and(|c| CLOSERS.contains(&c))
            {
                out.push(*id);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_round_trips_with_entities_and_placeholders() {
        let seg = Segment::from_pieces([
            Piece::Text("A <b> & ".into()),
            Piece::Open(1),
            Piece::Text("x".into()),
            Piece::Close(1),
            Piece::Atom(2),
            Piece::Text(" <3> tail ".into()),
            Piece::Name(1),
        ]);
        let canon = seg.canonical();
        assert_eq!(canon, "A &lt;b&gt; &amp; <1>x</1><2/> &lt;3&gt; tail <n1/>");
        assert_eq!(Segment::parse_canonical(&canon), seg);
    }

    #[test]
    fn damaged_canonical_text_stays_text() {
        let seg = Segment::parse_canonical("a <x> & <1 b");
        assert_eq!(seg.pieces, vec![Piece::Text("a <x> & <1 b".into())]);
    }

    #[test]
    fn normalization_collapses_and_trims_across_pieces() {
        let seg = Segment::from_pieces([
            Piece::Text("  Hello \n ".into()),
            Piece::Open(1),
            Piece::Text("  world ".into()),
            Piece::Close(1),
            Piece::Text("  ".into()),
        ])
        .normalized();
        assert_eq!(seg.canonical(), "Hello <1> world </1>");
        let seg = Segment::from_pieces([
            Piece::Text("see ".into()),
            Piece::Atom(1),
            Piece::Text(" now ".into()),
        ])
        .normalized();
        assert_eq!(seg.canonical(), "see <1/> now");
    }

    #[test]
    fn a_name_moved_out_of_its_quotes_is_found() {
        let source = Segment::parse_canonical(
            "As one listener told reports \"<n1/>\": they never stopped, <n2/> said.",
        );
        let moved = Segment::parse_canonical(
            "Como dijo un oyente <n1/> \"de informes\": nunca pararon, dijo <n2/>.",
        );
        let kept =
            Segment::parse_canonical("Como un oyente dijo a «<n1/>»: nunca pararon, dijo <n2/>.");
        assert_eq!(source.names_moved_out_of_quotes(&moved), vec![1]);
        assert!(
            source.names_moved_out_of_quotes(&kept).is_empty(),
            "other quotes, same place"
        );
    }
}
