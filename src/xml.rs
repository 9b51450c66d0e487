//! A small XML element tree for the exchange formats (TBX, XLIFF, TMX).
//!
//! Files are read whole into elements with their attributes, line numbers and mixed content in
//! order (text and inline codes interleave in XLIFF and TMX segments). Nothing is ever fetched:
//! the five predefined entities and character references are resolved, any other entity
//! reference is an error, and a document type declaration is either refused (TBX, where the
//! rule is to refuse DTDs) or, for TMX and XLIFF whose files customarily name their DTD, read
//! past — unless it declares entities, which is refused.

use crate::msg;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::document::{Encoding, LineIndex};

/// The deepest nesting read. TBX, TMX and XLIFF need a dozen levels; inline markup nested a
/// few dozen deep is already unusual.
pub const MAX_DEPTH: usize = 512;

/// What to do with `<!DOCTYPE …>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doctype {
    /// Refuse any document type declaration.
    Refuse,
    /// Read past an external reference (never fetched); refuse entity declarations.
    IgnoreExternal,
}

/// A node of mixed content.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Character data.
    Text(String),
    /// A child element.
    Element(Element),
}

/// An element.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Element {
    /// The qualified name as written (`xml:lang`, `mda:meta`).
    pub name: String,
    /// Attributes in order, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Content in order.
    pub content: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct XmlError {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

impl Element {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// An attribute by local name, whatever its prefix or case (TMX writers vary).
    pub fn attr_local(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| {
                k.rsplit(':')
                    .next()
                    .is_some_and(|l| l.eq_ignore_ascii_case(name))
            })
            .map(|(_, v)| v.as_str())
    }

    /// The local name (without prefix).
    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// Child elements.
    pub fn children(&self) -> impl Iterator<Item = &Element> {
        self.content.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Child elements with a local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children().filter(move |c| c.local() == name)
    }

    /// Direct text, concatenated.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// All text of the element and its descendants, whitespace collapsed.
    pub fn all_text(&self) -> String {
        fn collect(e: &Element, out: &mut String) {
            for n in &e.content {
                match n {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(c) => collect(c, out),
                }
            }
        }
        let mut s = String::new();
        collect(self, &mut s);
        crate::segment::collapse_whitespace(&s)
    }

    /// Every descendant element, depth first.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        for c in self.children() {
            out.push(c);
            out.extend(c.descendants());
        }
        out
    }
}

/// Decodes bytes to text: UTF-8 (BOM dropped) or UTF-16 with or without a BOM.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).ok();
    }
    let utf16 =
        |encoding: Encoding, rest: &[u8]| String::from_utf16(&encoding.utf16_units(rest)).ok();
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(Encoding::Utf16Le, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(Encoding::Utf16Be, rest);
    }
    if bytes.len() >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 {
        return utf16(Encoding::Utf16Le, bytes);
    }
    if bytes.len() >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 {
        return utf16(Encoding::Utf16Be, bytes);
    }
    String::from_utf8(bytes.to_vec()).ok()
}

fn element(
    e: &BytesStart,
    line: usize,
    err: &dyn Fn(String) -> XmlError,
) -> Result<Element, XmlError> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| err(reason(msg!("xml-bad-attribute", reason = x.to_string()))))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| err(reason(msg!("xml-bad-attribute", reason = x.to_string()))))?;
        attrs.push((a.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        name: e.name().as_ref().to_string(),
        attrs,
        content: Vec::new(),
        line,
    })
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(top) = stack.last_mut() {
        match top.content.last_mut() {
            Some(Node::Text(t)) => t.push_str(text),
            _ => top.content.push(Node::Text(text.to_string())),
        }
    }
}

/// Parses a document into its root element.
pub fn parse(text: &str, doctype: Doctype) -> Result<Element, XmlError> {
    let lines = LineIndex::new(text);
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let line = lines.line(pos);
        let err = |reason: String| XmlError { line, reason };
        let event = reader.read_event().map_err(|e| XmlError {
            line: lines.line(usize::try_from(reader.error_position()).unwrap_or(0)),
            reason: reason(msg!("xml-not-well-formed", reason = e.to_string())),
        })?;
        match event {
            Event::Start(e) => {
                // The tree is walked recursively by the readers (and dropped recursively), so a
                // file nested 30,000 deep would overflow the stack: refused, with its line.
                if stack.len() > MAX_DEPTH {
                    return Err(err(reason(msg!("xml-too-deep", depth = MAX_DEPTH))));
                }
                stack.push(element(&e, line, &err)?)
            }
            Event::Empty(e) => {
                let el = element(&e, line, &err)?;
                if let Some(parent) = stack.last_mut() {
                    parent.content.push(Node::Element(el));
                }
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| err(reason(msg!("xml-unexpected-end"))))?;
                match stack.last_mut() {
                    Some(parent) => parent.content.push(Node::Element(done)),
                    None => return Err(err(reason(msg!("xml-unexpected-end")))),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(c) => push_text(&mut stack, &c),
            Event::GeneralRef(r) => {
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .ok()
                        .flatten()
                        .ok_or_else(|| err(reason(msg!("xml-bad-char-ref", reference = &*r))))?
                } else {
                    match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            return Err(err(reason(msg!("xml-undefined-entity", entity = other))));
                        }
                    }
                };
                push_text(&mut stack, &ch.to_string());
            }
            Event::DocType(d) => {
                let declares = d.contains("<!ENTITY") || d.contains("<!entity");
                if doctype == Doctype::Refuse || declares {
                    return Err(err(reason(msg!("xml-doctype"))));
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 {
        let open = stack
            .last()
            .map(|e| (e.name.clone(), e.line))
            .unwrap_or_default();
        return Err(XmlError {
            line: open.1,
            reason: reason(msg!("xml-never-closed", element = open.0)),
        });
    }
    let mut root = stack.pop().unwrap_or_default();
    let mut elements = root.content.drain(..).filter_map(|n| match n {
        Node::Element(e) => Some(e),
        Node::Text(_) => None,
    });
    let first = elements.next().ok_or(XmlError {
        line: 0,
        reason: reason(msg!("xml-no-root")),
    })?;
    Ok(first)
}

/// A reason in the UI language.
fn reason(message: crate::i18n::Message) -> String {
    crate::i18n::render(&message)
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_content_keeps_its_order() {
        let root = parse(
            "<seg>a <ph x=\"1\"/>b &amp; <bpt i=\"1\">&lt;b&gt;</bpt>c</seg>",
            Doctype::Refuse,
        )
        .expect("parses");
        let kinds: Vec<String> = root
            .content
            .iter()
            .map(|n| match n {
                Node::Text(t) => format!("text:{t}"),
                Node::Element(e) => format!("<{}>", e.local()),
            })
            .collect();
        assert_eq!(
            kinds,
            vec!["text:a ", "<ph>", "text:b & ", "<bpt>", "text:c"]
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_an_error_with_its_line_not_a_crash() {
        let deep = format!(
            "<seg>\n{}{}</seg>",
            "<g>".repeat(30_000),
            "</g>".repeat(30_000)
        );
        let e = parse(&deep, Doctype::Refuse).expect_err("too deep");
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("512"), "{}", e.reason);
        let ok = format!("<a>{}{}</a>", "<b>".repeat(500), "</b>".repeat(500));
        assert!(parse(&ok, Doctype::Refuse).is_ok());
    }

    #[test]
    fn external_doctypes_are_read_past_and_entity_declarations_refused() {
        let tmx =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\"/>";
        assert!(parse(tmx, Doctype::IgnoreExternal).is_ok());
        assert!(parse(tmx, Doctype::Refuse).is_err());
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>";
        let e = parse(xxe, Doctype::IgnoreExternal).expect_err("entities are refused");
        assert_eq!(e.line, 2);
    }
}
