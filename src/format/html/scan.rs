//! An HTML tokenizer that reports byte ranges and changes nothing.
//!
//! It follows the tokenizer states of the HTML standard as far as finding where things start
//! and end needs: tags with their attributes (quoted, single-quoted, unquoted, none), comments
//! (`<!-- -->`, and the bogus comments `<!…>`, `<?…>`, `</ …>` that browsers make of odd
//! markup), doctypes, and the raw-text elements (`script`, `style`, `textarea`, `title`, …)
//! whose content is not markup. It builds no tree and fixes nothing: the reader decides what
//! is a block, and every byte it does not translate is copied from the source. One pass over
//! the input, no backtracking: linear on any input, however broken.

use std::ops::Range;

/// One piece of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Character data between tags (entities not yet decoded).
    Text(Range<usize>),
    /// The content of a raw-text element (`script`, `style`) or an escapable raw-text one
    /// (`title`, `textarea`): text, never markup.
    RawText(Range<usize>),
    /// A start tag.
    Start(Tag),
    /// An end tag.
    End {
        /// Element name, ASCII lower case.
        name: String,
        /// The whole tag.
        range: Range<usize>,
    },
    /// A comment, doctype, processing instruction or CDATA section: markup, never text.
    Other(Range<usize>),
}

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Element name, ASCII lower case.
    pub name: String,
    /// The whole tag, `<` to `>`.
    pub range: Range<usize>,
    /// Where the name ends: an attribute inserted goes here.
    pub name_end: usize,
    /// The attributes, in source order.
    pub attrs: Vec<Attr>,
}

/// An attribute of a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    /// Name, ASCII lower case.
    pub name: String,
    /// The value's bytes, inside the quotes if any; `None` for a bare attribute.
    pub value: Option<Range<usize>>,
    /// The quote around the value (`"` or `'`), `None` when unquoted.
    pub quote: Option<u8>,
}

impl Tag {
    /// The attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    /// The raw value of attribute `name` ("" for a bare one).
    pub fn value<'a>(&self, source: &'a str, name: &str) -> Option<&'a str> {
        let attr = self.attr(name)?;
        Some(attr.value.clone().map_or("", |r| &source[r]))
    }
}

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
    "plaintext",
];

/// Splits `source` into items covering it exactly, in order.
pub fn scan(source: &str) -> Vec<Item> {
    let bytes = source.as_bytes();
    let mut items = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += memchr_lt(&bytes[i..]).unwrap_or(bytes.len() - i);
            continue;
        }
        let Some((item, end)) = markup_at(source, i) else {
            i += 1;
            continue;
        };
        if text_start < i {
            items.push(Item::Text(text_start..i));
        }
        let raw = match &item {
            Item::Start(tag) if RAW_TEXT.contains(&tag.name.as_str()) => Some(tag.name.clone()),
            _ => None,
        };
        items.push(item);
        i = end;
        if let Some(name) = raw {
            let content_end = if name == "plaintext" {
                bytes.len()
            } else {
                find_end_tag(bytes, i, name.as_bytes())
            };
            if i < content_end {
                items.push(Item::RawText(i..content_end));
            }
            i = content_end;
        }
        text_start = i;
    }
    if text_start < bytes.len() {
        items.push(Item::Text(text_start..bytes.len()));
    }
    items
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The markup starting at `at` (a `<`) and where it ends; `None` when the `<` is text.
fn markup_at(source: &str, at: usize) -> Option<(Item, usize)> {
    let bytes = source.as_bytes();
    let next = bytes.get(at + 1).copied();
    match next {
        Some(b'!') => {
            if bytes[at..].starts_with(b"<!--") {
                let end = comment_end(bytes, at + 4);
                return Some((Item::Other(at..end), end));
            }
            let end = after(bytes, at + 2, b'>');
            Some((Item::Other(at..end), end))
        }
        Some(b'?') => {
            let end = after(bytes, at + 2, b'>');
            Some((Item::Other(at..end), end))
        }
        Some(b'/') => match bytes.get(at + 2) {
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, name_end) = tag_name(source, at + 2);
                let (_, end) = attributes(bytes, name_end);
                Some((Item::End { name, range: at..end }, end))
            }
            // `</>` is dropped by browsers; `</ …>` is a bogus comment. Neither is text.
            Some(b'>') => Some((Item::Other(at..at + 3), at + 3)),
            None => None,
            Some(_) => {
                let end = after(bytes, at + 2, b'>');
                Some((Item::Other(at..end), end))
            }
        },
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, name_end) = tag_name(source, at + 1);
            let (attrs, end) = attributes(bytes, name_end);
            Some((
                Item::Start(Tag {
                    name,
                    range: at..end,
                    name_end,
                    attrs,
                }),
                end,
            ))
        }
        _ => None,
    }
}

/// Where a comment whose content starts at `from` ends: after `-->` or `--!>`, or the `<!-->`
/// and `<!--->` forms; at the end of the input if it never closes.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    if bytes[from..].starts_with(b">") {
        return from + 1;
    }
    if bytes[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"-->") {
            return i + 3;
        }
        if bytes[i..].starts_with(b"--!>") {
            return i + 4;
        }
        i += 1;
    }
    bytes.len()
}

/// The position after the next `byte` from `from`, or the end of the input.
fn after(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b == byte)
        .map_or(bytes.len(), |p| from + p + 1)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// A tag name from `from`, lower-cased, and where it ends.
fn tag_name(source: &str, from: usize) -> (String, usize) {
    let bytes = source.as_bytes();
    let len = bytes[from..]
        .iter()
        .position(|&b| is_space(b) || b == b'/' || b == b'>')
        .unwrap_or(bytes.len() - from);
    let end = from + len;
    (source[from..end].to_ascii_lowercase(), end)
}

/// The attributes from `from` to the tag's `>`, and the position after it (the end of the
/// input when the tag never closes).
fn attributes(bytes: &[u8], from: usize) -> (Vec<Attr>, usize) {
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, bytes.len());
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        // A name runs to a space, `/`, `>` or `=` (a first `=` belongs to it).
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
        {
            i += 1;
        }
        let name = String::from_utf8_lossy(&bytes[name_start..i]).to_ascii_lowercase();
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            attrs.push(Attr {
                name,
                value: None,
                quote: None,
            });
            continue;
        }
        j += 1;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        match bytes.get(j) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let end = after(bytes, j + 1, q);
                let value_end = if end == bytes.len() && bytes.last() != Some(&q) {
                    end
                } else {
                    end - 1
                };
                attrs.push(Attr {
                    name,
                    value: Some(j + 1..value_end),
                    quote: Some(q),
                });
                i = end;
            }
            _ => {
                let start = j;
                while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                    j += 1;
                }
                attrs.push(Attr {
                    name,
                    value: Some(start..j),
                    quote: None,
                });
                i = j;
            }
        }
    }
}

/// Where the raw text from `from` ends: at `</name` followed by a space, `/` or `>`, matched
/// case-insensitively; the end of the input without one.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = bytes[i..].windows(2).position(|w| w == b"</") {
        let at = i + p;
        let name_end = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(name_end)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
        if matches {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(source: &str) -> String {
        scan(source)
            .iter()
            .map(|item| match item {
                Item::Text(r) | Item::RawText(r) | Item::Other(r) => &source[r.clone()],
                Item::Start(t) => &source[t.range.clone()],
                Item::End { range, .. } => &source[range.clone()],
            })
            .collect()
    }

    #[test]
    fn items_cover_the_input_exactly() {
        for src in [
            "<!DOCTYPE html><html lang=en><p class='a b' data-x=\"1>2\">Hi &amp; bye</p>",
            "a < b and c<d> e </ f> <!-- x --> <? pi ?> </> <!--> <!---> tail",
            "<script>if (a</b) {}</script ><style>p{}</STYLE>",
            "<p title=\"never closed",
            "<title>A &amp; B</title><textarea><p>not a tag</p></textarea>",
            "<!-- unclosed comment",
        ] {
            assert_eq!(covered(src), src, "{src}");
        }
    }

    #[test]
    fn attributes_keep_their_value_ranges_and_quotes() {
        let src = r#"<img src=a.png alt="A &quot;cat&quot;" title='x' hidden>"#;
        let Item::Start(tag) = &scan(src)[0] else {
            panic!()
        };
        assert_eq!(tag.name, "img");
        assert_eq!(tag.value(src, "src"), Some("a.png"));
        assert_eq!(tag.value(src, "alt"), Some("A &quot;cat&quot;"));
        assert_eq!(tag.attr("title").and_then(|a| a.quote), Some(b'\''));
        assert_eq!(tag.value(src, "hidden"), Some(""));
    }

    #[test]
    fn script_content_is_raw_text_up_to_its_own_end_tag() {
        let src = "<script>var s = '<p>x</p>';</script><p>y</p>";
        let items = scan(src);
        assert_eq!(items[1], Item::RawText(8..27));
        assert!(matches!(&items[2], Item::End { name, .. } if name == "script"));
        assert!(matches!(&items[3], Item::Start(t) if t.name == "p"));
    }
}
