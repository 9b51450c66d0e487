//! Fluent reader (`.ftl`): Project Fluent's localization files, byte for byte.
//!
//! Each message value, term value and attribute is a block; a select expression that is a
//! whole value is translated variant by variant (its selector and keys kept), one inside text
//! travels as a placeholder with its variants nested in it. Placeables (`{ $var }`,
//! `{ -term }`, `{ msg.attr }`, `{ NUMBER($n) }`, string literals) and inline HTML tags
//! (Firefox's `<a data-l10n-name="url">…</a>`) are placeholders. Comments, blank lines,
//! indentation, identifiers and junk (what Fluent itself would not parse) are copied as they
//! are. Attributes that are not text — access and command keys, CSS in `.style` — are not
//! sent.
//!
//! A select on a number whose keys are CLDR plural categories gets a slot after its default
//! variant: a target language with categories the source lacks (Spanish `many`, Polish `few`)
//! gets them there, written from the default variant's translation and flagged for review.
//!
//! The grammar followed is Fluent Syntax 1.0 (`spec/fluent.ebnf`): an entry starts at column
//! 0, a pattern continues on lines that are indented and do not start with `[`, `*`, `.` or
//! `}`, and text escapes nothing (only string literals do), so `{` and `}` in a translation
//! are written as the literals `{"{"}` and `{"}"}`. One pass over each line, no backtracking
//! beyond the entry being read.

use std::ops::Range;

use super::wrap_of;
use super::{Format, Read, ReadOptions, Reader};
use crate::document::{Block, BlockKind, Escape, Escaping, Fill, LineIndex, Slot, TagKind, Token};
use crate::segment::Segment;

/// The Fluent reader.
#[derive(Debug)]
pub struct Fluent;

/// Fluent's format handle.
pub const FLUENT: Format = Format::new(&Fluent);

impl Reader for Fluent {
    fn name(&self) -> &'static str {
        "fluent"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["ftl"]
    }

    fn read(&self, source: &str, _options: &ReadOptions) -> Read {
        let mut b = Builder {
            src: source,
            lines: LineIndex::new(source),
            blocks: Vec::new(),
            slots: Vec::new(),
            depth: std::cell::Cell::new(0),
        };
        let mut at = if source.starts_with('\u{feff}') { 3 } else { 0 };
        while at < source.len() {
            at = b.entry(at);
        }
        Read {
            blocks: b.blocks,
            slots: b.slots,
        }
    }
}

/// Attributes whose values are not text to translate.
const NOT_TEXT: &[&str] = &["accesskey", "commandkey", "key", "style", "width", "height"];

/// The CLDR plural categories: a select whose keys are among them (or numbers) is plural.
const PLURAL: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// One element of a pattern.
#[derive(Debug)]
enum Element {
    Text(Range<usize>),
    Placeable {
        range: Range<usize>,
        /// The variants, for a select expression.
        select: Option<Vec<Variant>>,
    },
}

#[derive(Debug)]
struct Variant {
    key: String,
    default: bool,
    /// Where the variant's line starts (its indentation, then `[` or `*[`).
    line_start: usize,
    /// Where the key's `[` is.
    bracket: usize,
    pattern: Vec<Element>,
    /// The variant's pattern.
    range: Range<usize>,
}

struct Builder<'a> {
    src: &'a str,
    lines: LineIndex,
    blocks: Vec<Block>,
    slots: Vec<Slot>,
    /// Placeables open while reading: nesting deeper than [`MAX_DEPTH`] is junk, not a
    /// stack overflow.
    depth: std::cell::Cell<usize>,
}

/// How deep placeables may nest (Fluent files nest two or three).
const MAX_DEPTH: usize = 64;

impl Builder<'_> {
    fn bytes(&self) -> &[u8] {
        self.src.as_bytes()
    }

    /// Reads the entry (or comment, blank line, junk) starting at the line start `at`;
    /// returns where the next one starts.
    fn entry(&mut self, at: usize) -> usize {
        let b = self.bytes();
        let first = b[at];
        let is_id_start = |c: u8| c.is_ascii_alphabetic();
        let term = first == b'-' && b.get(at + 1).is_some_and(|&c| is_id_start(c));
        if !(is_id_start(first) || term) {
            // A comment, a blank line, or junk: the line is copied as it is.
            return self.next_line(at);
        }
        let id_start = if term { at + 1 } else { at };
        let id_end = self.identifier_end(id_start);
        let id = self.src[at..id_end].to_string();
        let mut p = self.skip_inline(id_end);
        if b.get(p) != Some(&b'=') {
            return self.junk(at);
        }
        p = self.skip_inline(p + 1);
        let value = match self.pattern(p) {
            Some(v) => v,
            None => return self.junk(at),
        };
        let mut end = value.1;
        let mut attributes = Vec::new();
        // Attributes: indented lines starting with `.`.
        loop {
            let line = self.next_line(end);
            let q = self.skip_inline(line);
            if line >= self.src.len() || q == line || self.bytes().get(q) != Some(&b'.') {
                break;
            }
            let name_end = self.identifier_end(q + 1);
            let name = self.src[q + 1..name_end].to_string();
            let r = self.skip_inline(name_end);
            if name.is_empty() || self.bytes().get(r) != Some(&b'=') {
                return self.junk(at);
            }
            match self.pattern(self.skip_inline(r + 1)) {
                Some((pattern, e)) => {
                    attributes.push((name, pattern));
                    end = e;
                }
                None => return self.junk(at),
            }
        }
        // What follows must be a new entry, a comment or a blank line.
        let next = self.next_line(end);
        if !self.src[end..next].trim().is_empty() {
            return self.junk(at);
        }
        let kind_name = if term { "term" } else { "message" };
        self.pattern_blocks(
            &value.0,
            &id,
            BlockKind::keyed(kind_name, "id", &id),
            None,
        );
        for (name, pattern) in attributes {
            if NOT_TEXT.contains(&name.as_str()) {
                continue;
            }
            let owner = format!("{id}.{name}");
            self.pattern_blocks(
                &pattern,
                &owner,
                BlockKind::keyed("attribute", "name", &owner),
                None,
            );
        }
        next
    }

    /// Skips a junk entry: to the next line that starts an entry or a comment.
    fn junk(&self, at: usize) -> usize {
        let mut p = self.next_line(at);
        while p < self.src.len() {
            let c = self.bytes()[p];
            if c.is_ascii_alphabetic() || c == b'-' || c == b'#' {
                break;
            }
            p = self.next_line(p);
        }
        p
    }

    fn next_line(&self, at: usize) -> usize {
        self.src[at.min(self.src.len())..]
            .find('\n')
            .map_or(self.src.len(), |n| at + n + 1)
    }

    fn skip_inline(&self, mut at: usize) -> usize {
        while self.bytes().get(at) == Some(&b' ') {
            at += 1;
        }
        at
    }

    /// Skips spaces and line ends.
    fn skip_blank(&self, mut at: usize) -> usize {
        while matches!(self.bytes().get(at), Some(b' ' | b'\n' | b'\r')) {
            at += 1;
        }
        at
    }

    fn identifier_end(&self, mut at: usize) -> usize {
        while self
            .bytes()
            .get(at)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
        {
            at += 1;
        }
        at
    }

    /// Reads a pattern from `at` (after `=` or a variant key); returns its elements and where
    /// its last line's content ends. `None` for a pattern Fluent would not parse.
    fn pattern(&self, at: usize) -> Option<(Vec<Element>, usize)> {
        let b = self.bytes();
        let mut elements = Vec::new();
        let mut p = at;
        let mut text_start = p;
        let mut end = p;
        loop {
            match b.get(p) {
                None => {
                    if text_start < p {
                        elements.push(Element::Text(text_start..p));
                    }
                    end = end.max(self.trim_end(text_start, p));
                    break;
                }
                Some(b'{') => {
                    if text_start < p {
                        elements.push(Element::Text(text_start..p));
                    }
                    let (placeable, after) = self.placeable(p)?;
                    elements.push(placeable);
                    p = after;
                    text_start = p;
                    end = p;
                }
                Some(b'}') => return None,
                Some(b'\n') => {
                    let content_end = self.trim_end(text_start, p);
                    if content_end > text_start {
                        end = content_end;
                    }
                    // Straight to the continuing line: blank lines are read once.
                    match self.continuation(p + 1) {
                        Some(line) => p = line,
                        None => {
                            if text_start < p {
                                elements.push(Element::Text(text_start..p));
                            }
                            break;
                        }
                    }
                }
                Some(_) => p += 1,
            }
        }
        // The text after the last content is the line end, not the pattern's.
        if let Some(Element::Text(r)) = elements.last_mut() {
            r.end = r.end.min(end).max(r.start);
        }
        elements.retain(|e| !matches!(e, Element::Text(r) if r.is_empty()));
        Some((elements, end))
    }

    fn trim_end(&self, start: usize, end: usize) -> usize {
        start + self.src[start..end].trim_end().len()
    }

    /// Whether the lines from `line` continue a pattern: after blank lines, an indented line
    /// that does not start with `[`, `*`, `.` or `}`, or a placeable. Returns that line.
    fn continuation(&self, line: usize) -> Option<usize> {
        let mut l = line;
        loop {
            if l >= self.src.len() {
                return None;
            }
            let q = self.skip_inline(l);
            match self.bytes().get(q) {
                Some(b'\n') => l = q + 1,
                Some(b'\r') if self.bytes().get(q + 1) == Some(&b'\n') => l = q + 2,
                Some(b'{') => return Some(l),
                Some(b'[' | b'*' | b'.' | b'}') | None => return None,
                Some(_) if q > l => return Some(l),
                Some(_) => return None,
            }
        }
    }

    /// Reads the placeable at `at` (a `{`); returns it and the position after its `}`.
    fn placeable(&self, at: usize) -> Option<(Element, usize)> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let read = self.placeable_inner(at);
        self.depth.set(self.depth.get() - 1);
        read
    }

    fn placeable_inner(&self, at: usize) -> Option<(Element, usize)> {
        let b = self.bytes();
        let mut p = self.skip_blank(at + 1);
        // The inline expression: up to `}` or `->`, over string literals, nested placeables
        // and call arguments.
        let mut depth = 0usize;
        loop {
            match b.get(p)? {
                b'"' => {
                    p += 1;
                    loop {
                        match b.get(p)? {
                            b'\\' => p += 2,
                            b'"' => break,
                            b'\n' => return None,
                            _ => p += 1,
                        }
                    }
                    p += 1;
                }
                b'{' => {
                    let (_, after) = self.placeable(p)?;
                    p = after;
                }
                b'(' => {
                    depth += 1;
                    p += 1;
                }
                b')' => {
                    depth = depth.checked_sub(1)?;
                    p += 1;
                }
                b'}' if depth == 0 => {
                    return Some((
                        Element::Placeable {
                            range: at..p + 1,
                            select: None,
                        },
                        p + 1,
                    ));
                }
                b'-' if depth == 0 && b.get(p + 1) == Some(&b'>') => {
                    let (variants, after) = self.variants(p + 2)?;
                    return Some((
                        Element::Placeable {
                            range: at..after,
                            select: Some(variants),
                        },
                        after,
                    ));
                }
                _ => p += 1,
            }
        }
    }

    /// The variants of a select expression from after its `->`; the position after its `}`.
    fn variants(&self, at: usize) -> Option<(Vec<Variant>, usize)> {
        let b = self.bytes();
        let mut variants = Vec::new();
        let mut p = at;
        loop {
            let line_start = self.src[..p].rfind('\n').map_or(0, |n| n + 1);
            let q = self.skip_blank(p);
            let line_start = if q > p {
                self.src[..q].rfind('\n').map_or(0, |n| n + 1)
            } else {
                line_start
            };
            p = q;
            match b.get(p)? {
                b'}' => {
                    let defaults = variants.iter().filter(|v: &&Variant| v.default).count();
                    return (defaults == 1).then_some((variants, p + 1));
                }
                c @ (b'*' | b'[') => {
                    let default = *c == b'*';
                    let bracket = if default { p + 1 } else { p };
                    if b.get(bracket) != Some(&b'[') {
                        return None;
                    }
                    let line_end = self.next_line(bracket);
                    let close = bracket + self.src[bracket..line_end].find(']')?;
                    let key = self.src[bracket + 1..close].trim().to_string();
                    if key.is_empty() || key.contains('\n') {
                        return None;
                    }
                    let start = self.skip_inline(close + 1);
                    let (pattern, end) = self.pattern(start)?;
                    variants.push(Variant {
                        key,
                        default,
                        line_start,
                        bracket,
                        pattern,
                        range: start..end.max(start),
                    });
                    p = end.max(start);
                }
                _ => return None,
            }
        }
    }

    /// The blocks of a pattern: one for its text with placeables as placeholders, or, for a
    /// pattern that is one select expression, those of each variant.
    fn pattern_blocks(
        &mut self,
        pattern: &[Element],
        owner: &str,
        kind: BlockKind,
        parent: Option<usize>,
    ) {
        let src = self.src;
        let kept: Vec<&Element> = pattern
            .iter()
            .filter(|e| !matches!(e, Element::Text(r) if src[r.clone()].trim().is_empty()))
            .collect();
        if let [Element::Placeable {
            select: Some(variants),
            ..
        }] = kept.as_slice()
        {
            self.select_blocks(variants, owner, parent, true);
            return;
        }
        let has_text = kept
            .iter()
            .any(|e| matches!(e, Element::Text(r) if !src[r.clone()].trim().is_empty()));
        if !has_text {
            for e in kept {
                if let Element::Placeable {
                    select: Some(variants),
                    ..
                } = e
                {
                    self.select_blocks(variants, owner, parent, false);
                }
            }
            return;
        }
        let mut tokens = Vec::new();
        let mut next_id = 1;
        let mut open: Vec<(String, usize)> = Vec::new();
        let last = kept.len() - 1;
        for (k, e) in kept.iter().enumerate() {
            match e {
                Element::Text(r) => {
                    let mut r = r.clone();
                    if k == 0 {
                        r.start = r.end - src[r.clone()].trim_start().len();
                    }
                    if k == last {
                        r.end = r.start + src[r.clone()].trim_end().len();
                    }
                    push_text(src, r, &mut tokens, &mut next_id, &mut open);
                }
                Element::Placeable { range, .. } => {
                    tokens.push(Token::Atom {
                        id: next_id,
                        range: range.clone(),
                        tag: TagKind::Code,
                        children: Vec::new(),
                    });
                    next_id += 1;
                }
            }
        }
        unpair_open(&mut tokens, &open);
        let range = tokens.first().map_or(0, |t| t.range().start)
            ..tokens.last().map_or(0, |t| t.range().end);
        // A value starting on its own line (after `=` and a line end) must not start with
        // what reads as a variant key or an attribute there; after `= ` it may.
        let line_start = src[..range.start].rfind('\n').map_or(0, |n| n + 1);
        let own_line = src[line_start..range.start].trim().is_empty();
        let block = Block {
            kind,
            line: self.lines.line(range.start),
            wrap: wrap_of(src, &self.lines, &range, &tokens),
            range,
            tokens,
            escaping: Escaping(if own_line {
                &FluentText { own_line: true }
            } else {
                &FluentText { own_line: false }
            }),
            parent,
        };
        // A block starting a line at column 0 (a placeable there, as Fluent allows) would
        // put its translation's first words where an entry starts: it is left as it is.
        let at_column_0 = block.range.start == 0 || src.as_bytes()[block.range.start - 1] == b'\n';
        if at_column_0 || !Segment::from_block(&block).has_text() {
            return;
        }
        self.blocks.push(block);
        let id = self.blocks.len() - 1;
        // Selects inside the text: their variants are nested in this block.
        for e in kept {
            if let Element::Placeable {
                select: Some(variants),
                ..
            } = e
            {
                self.select_blocks(variants, owner, Some(id), false);
            }
        }
    }

    /// The blocks of a select's variants, and the plural slot of a whole-value select.
    fn select_blocks(
        &mut self,
        variants: &[Variant],
        owner: &str,
        parent: Option<usize>,
        whole_value: bool,
    ) {
        let plural = variants
            .iter()
            .all(|v| PLURAL.contains(&v.key.as_str()) || v.key.parse::<f64>().is_ok())
            && variants.iter().any(|v| PLURAL.contains(&v.key.as_str()));
        let mut default_block = None;
        for v in variants {
            let before = self.blocks.len();
            let kind = BlockKind::keyed("variant", "key", &format!("{owner}[{}]", v.key));
            let kind = if plural { kind.optional() } else { kind };
            self.pattern_blocks(&v.pattern, owner, kind, parent);
            if v.default && self.blocks.len() == before + 1 {
                default_block = Some(before);
            }
        }
        let Some(default) = variants.iter().find(|v| v.default) else {
            return;
        };
        if !(plural && whole_value && parent.is_none()) {
            return;
        }
        // New variants go after the default one, indented as the other keys are.
        let indent_of = |v: &Variant| self.src[v.line_start..v.bracket].replace('*', " ");
        let indent = variants
            .iter()
            .find(|v| !v.default)
            .map_or_else(|| indent_of(default), indent_of);
        let line_end = if self.src[..default.line_start].ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        self.slots.push(Slot {
            range: default.range.end..default.range.end,
            fill: Fill::PluralVariants {
                present: variants.iter().map(|v| v.key.clone()).collect(),
                copy: default_block,
                source: default.range.clone(),
                prefix: format!("{line_end}{indent}"),
            },
        });
    }
}

/// Text tokens for a run of pattern text: line ends with the next line's indentation are soft
/// breaks; inline HTML tags are placeholder pairs (a tag without its partner, or one that
/// closes itself, a single placeholder).
fn push_text(
    src: &str,
    range: Range<usize>,
    tokens: &mut Vec<Token>,
    next_id: &mut u32,
    open: &mut Vec<(String, usize)>,
) {
    let text = &src[range.clone()];
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let flush = |tokens: &mut Vec<Token>, from: usize, to: usize| {
        if from < to {
            tokens.push(Token::Text {
                range: range.start + from..range.start + to,
                text: text[from..to].to_string(),
            });
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            // A line end (a lone CR is no line end in Fluent: it is text).
            b'\n' | b'\r' if bytes[i] == b'\n' || bytes.get(i + 1) == Some(&b'\n') => {
                flush(tokens, start, i);
                let ws = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                tokens.push(Token::Break {
                    range: range.start + i..range.start + i + ws,
                });
                i += ws;
                start = i;
            }
            b'<' => match tag_at(text, i) {
                Some((name, closing, self_closing, end)) => {
                    flush(tokens, start, i);
                    let r = range.start + i..range.start + end;
                    if closing {
                        match open.iter().rposition(|(n, _)| *n == name) {
                            Some(at) => {
                                let (_, index) = open.remove(at);
                                let id = match tokens[index] {
                                    Token::Open { id, .. } => id,
                                    _ => 0,
                                };
                                tokens.push(Token::Close { id, range: r });
                            }
                            None => {
                                tokens.push(Token::Atom {
                                    id: *next_id,
                                    range: r,
                                    tag: TagKind::Html,
                                    children: Vec::new(),
                                });
                                *next_id += 1;
                            }
                        }
                    } else if self_closing {
                        tokens.push(Token::Atom {
                            id: *next_id,
                            range: r,
                            tag: TagKind::Html,
                            children: Vec::new(),
                        });
                        *next_id += 1;
                    } else {
                        open.push((name, tokens.len()));
                        tokens.push(Token::Open {
                            id: *next_id,
                            range: r,
                            tag: TagKind::Html,
                        });
                        *next_id += 1;
                    }
                    i = end;
                    start = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    flush(tokens, start, bytes.len());
}

/// An HTML tag at `at` of `text`: its name, whether it closes, whether it closes itself (or
/// is a void element), and where it ends.
fn tag_at(text: &str, at: usize) -> Option<(String, bool, bool, usize)> {
    let rest = &text[at + 1..];
    let closing = rest.starts_with('/');
    let name_start = at + 1 + usize::from(closing);
    let name: String = text[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if !name.chars().next()?.is_ascii_alphabetic() {
        return None;
    }
    let end = at + text[at..].find('>')? + 1;
    if text[at..end].contains(['\n', '{']) {
        return None;
    }
    let void = matches!(name.as_str(), "br" | "img" | "input" | "hr" | "wbr");
    let self_closing = text[..end].ends_with("/>") || void;
    Some((name.to_ascii_lowercase(), closing, self_closing, end))
}

/// Opens left without a close become single placeholders, so pairs always nest.
fn unpair_open(tokens: &mut [Token], open: &[(String, usize)]) {
    for (_, index) in open {
        if let Token::Open { id, range, tag } = tokens[*index].clone() {
            tokens[*index] = Token::Atom {
                id,
                range,
                tag,
                children: Vec::new(),
            };
        }
    }
}

/// Fluent text: braces, which would open a placeable, are written as string literals, and so
/// is a first character that would read as a variant key or an attribute when the value
/// starts on its own line (`own_line`).
#[derive(Debug)]
struct FluentText {
    own_line: bool,
}

impl Escape for FluentText {
    fn text(&self, text: &str, at_start: bool) -> String {
        let at_start = at_start && self.own_line;
        let mut out = String::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            match c {
                '{' => out.push_str("{\"{\"}"),
                '}' => out.push_str("{\"}\"}"),
                '[' | '*' | '.' if at_start && i == 0 => {
                    out.push_str(&format!("{{\"{c}\"}}"));
                }
                c => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn parse(src: &str) -> Document {
        FLUENT.parse(src.to_string(), &ReadOptions::default())
    }

    fn blocks(doc: &Document) -> Vec<(String, String)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind.label(), b.plain_text()))
            .collect()
    }

    fn shout(doc: &Document, target: Option<&str>) -> (String, usize) {
        let (text, problems) = crate::format::testing::shout(doc, target);
        (text, problems.len())
    }

    const FILE: &str = "# Comment\n\n## Group\n\
-brand = Firefox\n\
hello = Hello, { $name }!\n    .title = Greeting\n    .accesskey = H\n\
multi =\n    First line\n    second line with <a data-l10n-name=\"x\">a link</a>.\n\
tabs = { $n ->\n        [one] One tab\n       *[other] { $n } tabs\n    }\n\
mixed = You have { $n ->\n    [one] one message\n   *[other] { $n } messages\n} left.\n\
broken = { $x\n\
style-only =\n    .style = width: 3em\n";

    #[test]
    fn values_attributes_and_variants_are_blocks() {
        let doc = parse(FILE);
        assert_eq!(doc.render_source(), FILE);
        let want = [
            ("term:-brand", "Firefox"),
            ("message:hello", "Hello, !"),
            ("attribute:hello.title", "Greeting"),
            ("message:multi", "First line second line with a link."),
            ("variant:tabs[one]", "One tab"),
            ("variant:tabs[other]", "tabs"),
            ("message:mixed", "You have left."),
            ("variant:mixed[one]", "one message"),
            ("variant:mixed[other]", "messages"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .collect();
        assert_eq!(blocks(&doc), want);
        assert_eq!(doc.blocks[7].parent, Some(6));
    }

    #[test]
    fn a_translation_keeps_ids_keys_and_placeables_and_gains_the_targets_plurals() {
        let doc = parse(FILE);
        let (out, problems) = shout(&doc, Some("es"));
        assert!(out.contains("hello = HELLO, { $name }!\n    .title = GREETING\n    .accesskey = H\n"));
        assert!(out.contains("<a data-l10n-name=\"x\">A LINK</a>"), "{out}");
        // Spanish has `many`: written from `other`, after it, and flagged.
        assert!(
            out.contains("tabs = { $n ->\n        [one] ONE TAB\n       *[other] { $n } TABS\n        [many] { $n } TABS\n    }\n"),
            "{out}"
        );
        assert_eq!(problems, 1);
        // A select inside text keeps its variants in place, and gets no new ones.
        assert!(out.contains("mixed = YOU HAVE { $n ->\n    [one] ONE MESSAGE\n   *[other] { $n } MESSAGES\n} LEFT.\n"));
        assert!(out.contains("broken = { $x\n"));
        assert!(out.contains(".style = width: 3em"));
        // English needs nothing more; an engine that copies the source adds nothing.
        assert_eq!(shout(&doc, Some("en")).1, 0);
        assert!(!shout(&doc, None).0.contains("[many]"));
    }

    #[test]
    fn braces_and_line_starts_in_a_translation_stay_text() {
        let own_line = FluentText { own_line: true };
        assert_eq!(own_line.text("a {b} c", false), "a {\"{\"}b{\"}\"} c");
        assert_eq!(own_line.text("[x] y", true), "{\"[\"}x] y");
        assert_eq!(own_line.text("[x] y", false), "[x] y");
        assert_eq!(FluentText { own_line: false }.text("[x] y", true), "[x] y");
    }

    #[test]
    fn junk_and_hostile_input_is_copied_and_read_in_one_pass() {
        for src in [
            "key = {\n",
            "key = }\n",
            "  indented = x\n",
            "key = { $a ->\n *[a] x\n *[b] y\n}\n",
            "key = { \"unterminated }\n",
            "key =\n\n\n",
            "-\n",
        ] {
            let doc = parse(src);
            assert_eq!(doc.render_source(), src, "{src}");
        }
        let deep = format!("key = {}x{}\n", "{ ".repeat(5000), " }".repeat(5000));
        assert_eq!(parse(&deep).render_source(), deep);
        let many = "k = v { $x } w\n".repeat(20_000);
        assert_eq!(parse(&many).blocks.len(), 20_000);
        // Blank lines inside a value, and keys never closed, are read once each.
        let blank = format!("key = a{}    b\n", "\n".repeat(50_000));
        assert_eq!(parse(&blank).blocks.len(), 1);
        let open_keys = "k = { $n ->\n [one\n".repeat(10_000);
        assert_eq!(parse(&open_keys).render_source(), open_keys);
    }
}
