//! Placeholders as XML-like tags for engines that keep markup (DeepL's `tag_handling=xml`,
//! Google's and LibreTranslate's `format=html`, APy, chat models).
//!
//! `<g id="1">…</g>` is paired markup (or `<b id="1"/>…<e id="1"/>` for engines that treat
//! tags as text), `<x id="2"/>` an atom, `<n id="1">Nike</n>` a glossary
//! name (its content a stand-in proper noun, so the engine's grammar treats it as a name; the
//! restore step writes the real form). Decoding is lenient about what engines do to markup:
//! attribute quoting, `<x ...></x>` for `<x .../>`, extra attributes, whitespace, entities;
//! tags it does not know are dropped. A lost or doubled placeholder is left for the restore
//! step to report.

use crate::segment::{Piece, Segment};

/// Proper nouns engines leave alone, standing in for glossary names.
const STAND_INS: &[&str] = &[
    "Nike",
    "Nokia",
    "Siemens",
    "Boeing",
    "Airbus",
    "Spotify",
    "Ericsson",
    "Microsoft",
    "Google",
    "Linux",
    "Twitter",
    "Facebook",
];

/// How tags are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Mark atoms and names `translate="no"` (HTML engines).
    pub no_translate: bool,
    /// Paired markup as two self-closing markers, `<b id="1"/>…<e id="1"/>`, for engines that
    /// read tags as plain text: Apertium's `txt` mode turns `army</g>` into `g</de ejército>`
    /// but passes self-closing tags through whole.
    pub markers: bool,
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// A segment as tagged text.
pub fn encode(seg: &Segment, style: Style) -> String {
    let lower = seg.text().to_lowercase();
    let mut stand_ins = STAND_INS
        .iter()
        .filter(|w| !lower.contains(&w.to_lowercase()))
        .cycle();
    let no = if style.no_translate {
        " translate=\"no\""
    } else {
        ""
    };
    let mut out = String::new();
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => escape(t, &mut out),
            Piece::Open(id) if style.markers => out.push_str(&format!("<b id=\"{id}\"/>")),
            Piece::Close(id) if style.markers => out.push_str(&format!("<e id=\"{id}\"/>")),
            Piece::Open(id) => out.push_str(&format!("<g id=\"{id}\">")),
            Piece::Close(_) => out.push_str("</g>"),
            Piece::Atom(id) => out.push_str(&format!("<x id=\"{id}\"{no}/>")),
            Piece::Name(id) => {
                let word = stand_ins.next().copied().unwrap_or("Nike");
                out.push_str(&format!("<n id=\"{id}\"{no}>{word}</n>"));
            }
        }
    }
    out
}

/// A tag as read: name, whether closing, whether self-closing, its `id`.
struct Tag {
    name: String,
    closing: bool,
    empty: bool,
    id: Option<u32>,
    len: usize,
}

fn parse_tag(s: &str) -> Option<Tag> {
    let end = s.find('>')?;
    let inner = s[1..end].trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let (inner, empty) = match inner.strip_suffix('/') {
        Some(rest) => (rest.trim_end(), true),
        None => (inner, false),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let attrs = &inner[name.len()..];
    let id = attrs.find("id").and_then(|at| {
        let rest = attrs[at + 2..].trim_start().strip_prefix('=')?.trim_start();
        let digits: String = rest
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    });
    Some(Tag {
        name,
        closing,
        empty,
        id,
        len: end + 1,
    })
}

fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';').filter(|e| *e <= 10)?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// The placeholders of a segment, sorted: what a translation must carry back, each once.
pub fn tags(seg: &Segment) -> Vec<String> {
    let mut out: Vec<String> = seg.pieces.iter().filter_map(Piece::token).collect();
    out.sort();
    out
}

/// Tagged text back to a segment.
pub fn decode(text: &str) -> Segment {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current = String::new();
    let mut open: Vec<u32> = Vec::new();
    let mut rest = text;
    let flush = |current: &mut String, pieces: &mut Vec<Piece>| {
        if !current.is_empty() {
            pieces.push(Piece::Text(std::mem::take(current)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(tag) = parse_tag(rest)
        {
            rest = &rest[tag.len..];
            match (tag.name.as_str(), tag.closing) {
                ("g", false) => {
                    if let Some(id) = tag.id {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Open(id));
                        open.push(id);
                    }
                }
                ("g", true) => {
                    if let Some(id) = open.pop() {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Close(id));
                    }
                }
                // Markers of paired markup (`Style::markers`).
                ("b", false) => {
                    if let Some(id) = tag.id {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Open(id));
                    }
                }
                ("e", false) => {
                    if let Some(id) = tag.id {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Close(id));
                    }
                }
                ("x", false) => {
                    if let Some(id) = tag.id {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Atom(id));
                    }
                }
                ("n", false) => {
                    if let Some(id) = tag.id {
                        flush(&mut current, &mut pieces);
                        pieces.push(Piece::Name(id));
                        if !tag.empty {
                            // Skip the stand-in up to its closing tag.
                            if let Some(close) = rest.find("</n>") {
                                rest = &rest[close + 4..];
                            }
                        }
                    }
                }
                _ => {} // </x>, </n> and tags an engine added
            }
            continue;
        }
        if c == '&'
            && let Some((ch, len)) = entity(rest)
        {
            current.push(ch);
            rest = &rest[len..];
            continue;
        }
        current.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut current, &mut pieces);
    Segment::from_pieces(pieces).normalized()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_what_engines_do_to_tags() {
        let seg = Segment::parse_canonical("The <1>red &amp; blue</1> house of <n1/> near <2/>.");
        let html = Style {
            no_translate: true,
            ..Style::default()
        };
        let text = encode(&seg, html);
        assert_eq!(
            text,
            "The <g id=\"1\">red &amp; blue</g> house of <n id=\"1\" translate=\"no\">Nike</n> near <x id=\"2\" translate=\"no\"/>."
        );
        assert_eq!(decode(&text), seg);
        let engine = "La casa <g id='1'>roja &amp;amp; azul</g> de <n id=\"1\">Nike</n> cerca <x id=\"2\"></x>&#46; <br>";
        assert_eq!(
            decode(engine).canonical(),
            "La casa <1>roja &amp;amp; azul</1> de <n1/> cerca <2/>."
        );
        assert_eq!(decode("a <g id=\"1\">b").canonical(), "a <1>b");
        assert_eq!(
            decode("3 &lt; 5 &#x263A; &bogus; <").canonical(),
            "3 &lt; 5 ☺ &amp;bogus; &lt;"
        );
    }

    #[test]
    fn markers_carry_paired_markup_for_engines_that_read_tags_as_text() {
        let seg = Segment::parse_canonical("The <1>red <2>house</2></1> near <3/>.");
        let markers = Style {
            markers: true,
            ..Style::default()
        };
        let text = encode(&seg, markers);
        assert_eq!(
            text,
            "The <b id=\"1\"/>red <b id=\"2\"/>house<e id=\"2\"/><e id=\"1\"/> near <x id=\"3\"/>."
        );
        assert_eq!(decode(&text), seg);
        // What Apertium's txt mode answers: markers moved with their words, intact.
        let back =
            "La <b id=\"1\"/>casa <b id=\"2\"/>roja<e id=\"2\"/><e id=\"1\"/> cerca <x id=\"3\"/>.";
        assert_eq!(
            decode(back).canonical(),
            "La <1>casa <2>roja</2></1> cerca <3/>."
        );
    }

    #[test]
    fn stand_ins_avoid_words_of_the_segment() {
        let seg = Segment::parse_canonical("Nike and <n1/>");
        assert!(encode(&seg, Style::default()).contains(">Nokia</n>"));
    }
}
