//! HTML reader: whole pages and fragments (a CMS's article body), byte for byte.
//!
//! Nothing is parsed and written again: [`scan`] finds where tags, text, comments and raw-text
//! elements start and end, this module decides which runs of text are blocks, and everything
//! else — doctype, comments, scripts, entity references, whitespace, attribute quoting,
//! invalid markup — is copied from the source. Translate Toolkit and Okapi rewrite entities,
//! quotes and whitespace on the way back; their users' complaint is the reason for this design.
//!
//! - A block is a run of text and inline markup between block-level tags: `p`, `h1`–`h6`,
//!   `li`, `dt`, `dd`, `td`, `th`, `caption`, `figcaption`, `title`, `summary`, `option`, and
//!   prose directly inside `div`, `section`, `article` and the like. Its kind comes from the
//!   innermost element that names one (a `p` inside a `li` is a list item, as in Markdown).
//! - Inline elements (`a`, `em`, `strong`, `span`, …) travel as placeholder pairs; `img`,
//!   `code`, `svg`, `video`, form controls, comments and anything marked `translate="no"` or
//!   `class="notranslate"` or a `lang` other than the page's as atoms; `script`, `style`, `template`, `noscript`, `pre` and
//!   `textarea` are never sent.
//! - Translated attributes (`alt`, `title`, `placeholder`, `aria-label`, … and the `content`
//!   of description and social-card `meta` tags; lists in [`ReadOptions`]) are blocks of their
//!   own, nested in the block whose markup holds them.
//! - The page's `<html lang>` (and `xml:lang`) and `dir` are slots the writer fills for the
//!   target locale.
//! - Character references are decoded for the engine; a translation is escaped for where it
//!   goes (`&` and `<` in text, the quote in an attribute), and a page that declares a charset
//!   other than UTF-8 gets non-ASCII characters as numeric references.

mod scan;

use std::ops::Range;

use scan::{Item, Tag};

use super::wrap_of;
use super::{Format, Read, ReadOptions, Reader};
use crate::document::{
    Block, BlockKind, Escape, Escaping, Fill, LineIndex, Slot, TagKind, Token,
};
use crate::segment::Segment;

/// The HTML reader.
#[derive(Debug)]
pub struct Html;

/// HTML's format handle.
pub const HTML: Format = Format::new(&Html);

impl Reader for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm"]
    }

    fn read(&self, source: &str, options: &ReadOptions) -> Read {
        let mut builder = Builder::new(source, options);
        builder.walk(&scan::scan(source));
        builder.flush();
        builder.slots.sort_by_key(|s| (s.range.start, s.range.end));
        Read {
            blocks: builder.blocks,
            slots: builder.slots,
        }
    }
}

/// Inline elements: placeholder pairs inside a block.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i",
    "ins", "label", "mark", "nobr", "q", "s", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u",
];

/// Inline elements without content, kept as atoms.
const INLINE_VOID: &[&str] = &["br", "wbr"];

/// Elements kept whole as one atom: media, code, form controls, and what is never sent but
/// may sit inside a paragraph (a script, a template).
const ATOMS: &[&str] = &[
    "audio", "canvas", "code", "embed", "iframe", "img", "input", "kbd", "math", "noscript",
    "object", "picture", "samp", "script", "style", "svg", "template", "var", "video",
];

/// Block-level elements whose content is never sent.
const SKIPPED: &[&str] = &["pre", "textarea", "xmp", "plaintext"];

/// How many open block-level elements are tracked.
const MAX_STACK: usize = 256;

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
];

/// One piece of the run of inline content being collected.
#[derive(Debug)]
enum RunItem {
    Text(Range<usize>),
    Open {
        name: String,
        range: Range<usize>,
        tag: TagKind,
    },
    Close {
        name: String,
        range: Range<usize>,
    },
    Atom {
        range: Range<usize>,
        tag: TagKind,
    },
    /// A translated attribute inside the run's markup: a nested block.
    Attribute(Attribute),
}

/// A translated attribute value, before it becomes a block.
#[derive(Debug)]
struct Attribute {
    kind: BlockKind,
    range: Range<usize>,
    text: String,
    escaping: Escaping,
}

struct Builder<'a> {
    source: &'a str,
    options: &'a ReadOptions,
    lines: LineIndex,
    /// Non-ASCII characters are written as references (the page declares another charset).
    ascii: bool,
    blocks: Vec<Block>,
    slots: Vec<Slot>,
    /// Open block-level elements, outermost first.
    stack: Vec<String>,
    /// The primary language of the text: the source language when the options name it (the
    /// same for a source and its translation), else the page's `<html lang>`, else the first
    /// `lang` of a fragment.
    page_lang: Option<String>,
    run: Vec<RunItem>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, options: &'a ReadOptions) -> Builder<'a> {
        Builder {
            source,
            options,
            lines: LineIndex::new(source),
            ascii: declares_other_charset(source),
            blocks: Vec::new(),
            slots: Vec::new(),
            stack: Vec::new(),
            page_lang: options.source_language.as_deref().map(primary_language),
            run: Vec::new(),
        }
    }

    fn walk(&mut self, items: &[Item]) {
        let ends = matching_ends(items);
        let mut i = 0;
        while i < items.len() {
            match &items[i] {
                Item::Text(r) => self.run.push(RunItem::Text(r.clone())),
                // Only a title's raw text gets here (the others are inside atoms or skipped).
                Item::RawText(r) => {
                    if self.stack.last().is_some_and(|n| n == "title") {
                        self.run.push(RunItem::Text(r.clone()));
                    }
                }
                Item::Other(r) => self.run.push(RunItem::Atom {
                    range: r.clone(),
                    tag: TagKind::Html,
                }),
                Item::Start(tag) => {
                    i = self.start(items, &ends, i, tag);
                    continue;
                }
                Item::End { name, range } => self.end(name, range),
            }
            i += 1;
        }
    }

    /// Handles the start tag at `items[i]`; returns the index of the next item to read.
    fn start(&mut self, items: &[Item], ends: &[Option<usize>], i: usize, tag: &Tag) -> usize {
        let name = tag.name.as_str();
        if name == "html" {
            self.language_slots(tag);
        } else if self.page_lang.is_none()
            && let Some(lang) = tag.value(self.source, "lang").filter(|l| !l.trim().is_empty())
        {
            // A fragment that names no language: its first `lang` is the text's own.
            self.page_lang = Some(primary_language(lang));
        }
        let kept = self.no_translate(tag);
        if kept || ATOMS.contains(&name) {
            let end = element_end(items, ends, i);
            let range = tag.range.start..item_end(&items[end]);
            if !kept {
                self.attributes_into_run(tag);
            }
            self.run.push(RunItem::Atom {
                range,
                tag: match name {
                    "img" | "picture" => TagKind::Image,
                    "code" | "kbd" | "samp" | "var" => TagKind::Code,
                    _ => TagKind::Html,
                },
            });
            return end + 1;
        }
        if INLINE_VOID.contains(&name) {
            self.run.push(RunItem::Atom {
                range: tag.range.clone(),
                tag: if name == "br" {
                    TagKind::HardBreak
                } else {
                    TagKind::Html
                },
            });
            return i + 1;
        }
        if INLINE.contains(&name) {
            self.attributes_into_run(tag);
            self.run.push(RunItem::Open {
                name: tag.name.clone(),
                range: tag.range.clone(),
                tag: match name {
                    "a" => TagKind::Link,
                    "em" | "i" => TagKind::Emphasis,
                    "strong" | "b" => TagKind::Strong,
                    "s" | "strike" | "del" => TagKind::Strikethrough,
                    _ => TagKind::Html,
                },
            });
            return i + 1;
        }
        self.flush();
        if SKIPPED.contains(&name) {
            return element_end(items, ends, i) + 1;
        }
        self.open_block(name);
        let attributes = self.attributes(tag);
        for a in attributes {
            self.push_attribute(a, None);
        }
        i + 1
    }

    fn end(&mut self, name: &str, range: &Range<usize>) {
        if INLINE.contains(&name) {
            self.run.push(RunItem::Close {
                name: name.to_string(),
                range: range.clone(),
            });
            return;
        }
        self.flush();
        if let Some(at) = self.stack.iter().rposition(|n| n == name) {
            self.stack.truncate(at);
        }
    }

    /// Opens a block-level element, closing first what its start implies (a `li` ends the
    /// open `li` of its list, any block ends an open `p`).
    fn open_block(&mut self, name: &str) {
        let implied: Option<(&[&str], &[&str])> = match name {
            "li" => Some((&["li"], &["ul", "ol", "menu"])),
            "dt" | "dd" => Some((&["dt", "dd"], &["dl"])),
            "td" | "th" => Some((&["td", "th"], &["tr", "table"])),
            "tr" => Some((&["tr"], &["table", "tbody", "thead", "tfoot"])),
            "option" => Some((&["option"], &["select", "datalist"])),
            _ => None,
        };
        if let Some((closes, within)) = implied {
            let found = self
                .stack
                .iter()
                .rev()
                .take_while(|n| !within.contains(&n.as_str()))
                .position(|n| closes.contains(&n.as_str()));
            if let Some(back) = found {
                self.stack.truncate(self.stack.len() - 1 - back);
            }
        }
        if self.stack.last().is_some_and(|n| n == "p") && !VOID.contains(&name) {
            self.stack.pop();
        }
        // Deeper than any real page nests, elements are not tracked: every look at the stack
        // stays bounded, whatever the input.
        if !VOID.contains(&name) && self.stack.len() < MAX_STACK {
            self.stack.push(name.to_string());
        }
    }

    /// Whether the element is marked as not to be translated: `translate="no"`, the class
    /// `notranslate`, or a `lang` other than the page's (a language picker's "Deutsch", a
    /// quotation in French) — text in another language is not the source's to translate.
    fn no_translate(&self, tag: &Tag) -> bool {
        let src = self.source;
        // A `<link rel=alternate hreflang>` titles a page in that language.
        let lang = match tag.name.as_str() {
            "html" => None,
            "link" => tag.value(src, "hreflang"),
            _ => tag.value(src, "lang"),
        }
        .filter(|l| !l.trim().is_empty());
        let other_language = match (lang, &self.page_lang) {
            (Some(l), Some(page)) => primary_language(l) != *page,
            _ => false,
        };
        other_language
            || tag
                .value(src, "translate")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("no"))
            || tag
                .value(src, "class")
                .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == "notranslate"))
    }

    /// The `lang`/`xml:lang` and `dir` of the page's `html` element, as slots (inserted
    /// after the element name when absent).
    fn language_slots(&mut self, tag: &Tag) {
        if self.page_lang.is_none() {
            self.page_lang = tag
                .value(self.source, "lang")
                .or_else(|| tag.value(self.source, "xml:lang"))
                .map(primary_language);
        }
        let mut has_lang = false;
        for attr in &tag.attrs {
            let fill = match attr.name.as_str() {
                "lang" | "xml:lang" => Fill::Language,
                "dir" => Fill::Direction,
                _ => continue,
            };
            if let Some(range) = attr.value.clone() {
                has_lang |= fill == Fill::Language;
                self.slots.push(Slot { range, fill });
            }
        }
        let at = tag.name_end..tag.name_end;
        if !has_lang {
            self.slots.push(Slot {
                range: at.clone(),
                fill: Fill::LanguageAttribute("lang"),
            });
        }
        if tag.attr("dir").is_none() {
            self.slots.push(Slot {
                range: at,
                fill: Fill::DirectionAttribute,
            });
        }
    }

    /// The translated attributes of a tag: the configured ones, and the `content` of a
    /// configured `meta` tag.
    fn attributes(&self, tag: &Tag) -> Vec<Attribute> {
        let src = self.source;
        let mut out = Vec::new();
        if tag.name == "meta" {
            let key = tag
                .value(src, "name")
                .or_else(|| tag.value(src, "property"))
                .map(str::to_ascii_lowercase);
            if let Some(key) = key
                && self.options.html_meta.iter().any(|m| m.eq_ignore_ascii_case(&key))
                && let Some(a) = self.attribute(tag, "content", BlockKind::keyed("meta", "name", &key))
            {
                out.push(a);
            }
            return out;
        }
        for attr in &tag.attrs {
            if !self.options.html_attributes.contains(&attr.name) {
                continue;
            }
            let kind = if attr.name == "alt" {
                BlockKind::IMAGE_ALT
            } else {
                BlockKind::keyed("attribute", "name", &attr.name)
            };
            out.extend(self.attribute(tag, &attr.name, kind));
        }
        out
    }

    fn attribute(&self, tag: &Tag, name: &str, kind: BlockKind) -> Option<Attribute> {
        let attr = tag.attr(name)?;
        let range = attr.value.clone()?;
        if attr.quote.is_some() && range.end == self.source.len() {
            // A quote never closed: browsers drop the tag, so there is nothing to translate.
            return None;
        }
        let text = htmlize::unescape_attribute(&self.source[range.clone()]).into_owned();
        if text.trim().is_empty() || looks_like_address(&text) {
            return None;
        }
        Some(Attribute {
            kind,
            range,
            text,
            escaping: attribute_escaping(attr.quote, self.ascii),
        })
    }

    fn attributes_into_run(&mut self, tag: &Tag) {
        for a in self.attributes(tag) {
            self.run.push(RunItem::Attribute(a));
        }
    }

    fn push_attribute(&mut self, a: Attribute, parent: Option<usize>) {
        let Attribute {
            kind,
            range,
            text,
            escaping,
        } = a;
        self.blocks.push(Block {
            kind,
            line: self.lines.line(range.start),
            tokens: vec![Token::Text {
                range: range.clone(),
                text,
            }],
            range,
            escaping,
            wrap: None,
            parent,
        });
    }

    /// Ends the run being collected: a block when it has text, and its attributes as blocks
    /// (nested in it, or at top level when it is no block).
    fn flush(&mut self) {
        let mut items = std::mem::take(&mut self.run);
        if items.is_empty() {
            return;
        }
        pair_up(&mut items);
        let (tokens, attributes) = self.tokens(items);
        let parent = match tokens.first().zip(tokens.last()) {
            Some((first, last)) => {
                let range = first.range().start..last.range().end;
                let block = Block {
                    kind: self.kind(),
                    line: self.lines.line(range.start),
                    wrap: wrap_of(self.source, &self.lines, &range, &tokens),
                    range,
                    tokens,
                    escaping: text_escaping(self.ascii),
                    parent: None,
                };
                Segment::from_block(&block).has_text().then(|| {
                    self.blocks.push(block);
                    self.blocks.len() - 1
                })
            }
            None => None,
        };
        for a in attributes {
            self.push_attribute(a, parent);
        }
    }

    /// The tokens of a run, whitespace at either end left out, and its attributes.
    fn tokens(&self, items: Vec<RunItem>) -> (Vec<Token>, Vec<Attribute>) {
        let src = self.source;
        let is_blank = |r: &Range<usize>| src[r.clone()].trim_ascii().is_empty();
        let first = items
            .iter()
            .position(|it| !matches!(it, RunItem::Text(r) if is_blank(r)) && !matches!(it, RunItem::Attribute(_)));
        let last = items
            .iter()
            .rposition(|it| !matches!(it, RunItem::Text(r) if is_blank(r)) && !matches!(it, RunItem::Attribute(_)));
        let mut tokens = Vec::new();
        let mut attributes = Vec::new();
        let mut ids: Vec<u32> = Vec::new(); // ids of the pairs open here
        let mut next_id = 1;
        let (Some(first), Some(last)) = (first, last) else {
            attributes.extend(items.into_iter().filter_map(|it| match it {
                RunItem::Attribute(a) => Some(a),
                _ => None,
            }));
            return (tokens, attributes);
        };
        for (k, item) in items.into_iter().enumerate() {
            match item {
                RunItem::Attribute(a) => attributes.push(a),
                _ if k < first || k > last => {}
                RunItem::Text(mut r) => {
                    if k == first {
                        r.start = r.end - src[r.clone()].trim_ascii_start().len();
                    }
                    if k == last {
                        r.end = r.start + src[r.clone()].trim_ascii_end().len();
                    }
                    push_text(src, r, &mut tokens);
                }
                RunItem::Open { range, tag, .. } => {
                    ids.push(next_id);
                    tokens.push(Token::Open {
                        id: next_id,
                        range,
                        tag,
                    });
                    next_id += 1;
                }
                RunItem::Close { range, .. } => {
                    // `pair_up` left only pairs that nest properly.
                    let id = ids.pop().unwrap_or(0);
                    tokens.push(Token::Close { id, range });
                }
                RunItem::Atom { range, tag } => {
                    tokens.push(Token::Atom {
                        id: next_id,
                        range,
                        tag,
                        children: Vec::new(),
                    });
                    next_id += 1;
                }
            }
        }
        (tokens, attributes)
    }

    /// The kind of a block from the open elements: the innermost that names one.
    fn kind(&self) -> BlockKind {
        for name in self.stack.iter().rev() {
            let kind = match name.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    BlockKind::heading(name.as_bytes()[1] - b'0')
                }
                "li" => {
                    let depth = self
                        .stack
                        .iter()
                        .filter(|n| matches!(n.as_str(), "ul" | "ol" | "menu"))
                        .count();
                    BlockKind::list_item(u8::try_from(depth.max(1)).unwrap_or(u8::MAX))
                }
                "td" | "th" => BlockKind::TABLE_CELL,
                "blockquote" => BlockKind::QUOTE,
                "caption" | "figcaption" => BlockKind::named("caption"),
                "dt" => BlockKind::named("term"),
                "dd" => BlockKind::named("definition"),
                "title" => BlockKind::named("title"),
                "summary" => BlockKind::named("summary"),
                "option" => BlockKind::named("option"),
                _ => continue,
            };
            return kind;
        }
        BlockKind::PARAGRAPH
    }
}

/// Turns opens without a matching close, and closes without a matching open, into atoms:
/// the pairs left are properly nested, as placeholders must be.
fn pair_up(items: &mut [RunItem]) {
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut unmatched = Vec::new();
    for (k, item) in items.iter().enumerate() {
        match item {
            RunItem::Open { name, .. } => open.push((k, name.clone())),
            RunItem::Close { name, .. } => match open.iter().rposition(|(_, n)| n == name) {
                Some(at) => {
                    unmatched.extend(open.drain(at + 1..).map(|(k, _)| k));
                    open.pop();
                }
                None => unmatched.push(k),
            },
            _ => {}
        }
    }
    unmatched.extend(open.into_iter().map(|(k, _)| k));
    for k in unmatched {
        let range = match &items[k] {
            RunItem::Open { range, .. } | RunItem::Close { range, .. } => range.clone(),
            _ => continue,
        };
        items[k] = RunItem::Atom {
            range,
            tag: TagKind::Html,
        };
    }
}

/// Text tokens for a run of character data: whitespace holding a line break is a soft break
/// (a space to the engine, a line again when the translation is wrapped); the rest is text,
/// references decoded.
fn push_text(src: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let raw = &src[range.clone()];
    let mut start = 0;
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let ws_end = i + bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if bytes[i..ws_end].contains(&b'\n') {
            if start < i {
                push_decoded(src, range.start + start..range.start + i, tokens);
            }
            tokens.push(Token::Break {
                range: range.start + i..range.start + ws_end,
            });
            start = ws_end;
        }
        i = ws_end;
    }
    if start < bytes.len() {
        push_decoded(src, range.start + start..range.end, tokens);
    }
}

fn push_decoded(src: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let text = htmlize::unescape(&src[range.clone()]).into_owned();
    tokens.push(Token::Text { range, text });
}

/// For each start tag, the index of its end tag: the next end tag of the same name that no
/// later start of that name took first (nesting counted per name), found in one pass so that
/// a page of unclosed elements costs linear time.
fn matching_ends(items: &[Item]) -> Vec<Option<usize>> {
    let mut ends = vec![None; items.len()];
    let mut open: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (k, item) in items.iter().enumerate() {
        match item {
            Item::Start(t) if !VOID.contains(&t.name.as_str()) => {
                open.entry(t.name.as_str()).or_default().push(k);
            }
            Item::End { name, .. } => {
                if let Some(start) = open.get_mut(name.as_str()).and_then(Vec::pop) {
                    ends[start] = Some(k);
                }
            }
            _ => {}
        }
    }
    ends
}

/// The index of the item that ends the element started at `items[start]`: its matching end
/// tag, or the start tag itself for a void one, or the last item when it never ends.
fn element_end(items: &[Item], ends: &[Option<usize>], start: usize) -> usize {
    let Item::Start(tag) = &items[start] else {
        return start;
    };
    if VOID.contains(&tag.name.as_str()) {
        return start;
    }
    ends[start].unwrap_or(items.len() - 1)
}

fn item_end(item: &Item) -> usize {
    match item {
        Item::Text(r) | Item::RawText(r) | Item::Other(r) => r.end,
        Item::Start(t) => t.range.end,
        Item::End { range, .. } => range.end,
    }
}

/// The primary language subtag of a BCP 47 tag, lower case (`en` for `en-GB`).
fn primary_language(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// A value that is an address, not prose (a `title` holding a URL): not sent.
fn looks_like_address(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ') && (t.contains("://") || t.starts_with('/') || t.starts_with('#'))
}

/// Whether the page declares a character set other than UTF-8 (`<meta charset>` or the
/// `http-equiv` form) in its first kilobytes, where the standard says to look.
fn declares_other_charset(source: &str) -> bool {
    let head = source.get(..source.len().min(4096)).unwrap_or(source);
    let lower = head.to_ascii_lowercase();
    let Some(at) = lower.find("charset=") else {
        return false;
    };
    let value: String = lower[at + 8..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    !value.is_empty() && value != "utf-8" && value != "utf8"
}

/// Text of an element: `&` and `<` escaped (and `>`, for readers that are less forgiving).
#[derive(Debug)]
struct HtmlText {
    ascii: bool,
}

fn text_escaping(ascii: bool) -> Escaping {
    Escaping(if ascii {
        &HtmlText { ascii: true }
    } else {
        &HtmlText { ascii: false }
    })
}

impl Escape for HtmlText {
    fn text(&self, text: &str, _at_start: bool) -> String {
        escape(text, None, self.ascii)
    }
}

/// An attribute value: `&` and its quote escaped; an unquoted value is quoted once it changes.
#[derive(Debug)]
struct HtmlAttribute {
    quote: Option<u8>,
    ascii: bool,
}

fn attribute_escaping(quote: Option<u8>, ascii: bool) -> Escaping {
    Escaping(match (quote, ascii) {
        (Some(b'\''), false) => &HtmlAttribute {
            quote: Some(b'\''),
            ascii: false,
        },
        (Some(b'\''), true) => &HtmlAttribute {
            quote: Some(b'\''),
            ascii: true,
        },
        (Some(_), false) => &HtmlAttribute {
            quote: Some(b'"'),
            ascii: false,
        },
        (Some(_), true) => &HtmlAttribute {
            quote: Some(b'"'),
            ascii: true,
        },
        (None, false) => &HtmlAttribute {
            quote: None,
            ascii: false,
        },
        (None, true) => &HtmlAttribute {
            quote: None,
            ascii: true,
        },
    })
}

impl Escape for HtmlAttribute {
    fn text(&self, text: &str, _at_start: bool) -> String {
        match self.quote {
            Some(q) => escape(text, Some(q as char), self.ascii),
            None => format!("\"{}\"", escape(text, Some('"'), self.ascii)),
        }
    }

    fn whole_value(&self) -> bool {
        true
    }
}

/// Escapes text for HTML: `&`, `<`, `>` in text or the quote in an attribute, and every
/// non-ASCII character when `ascii`.
fn escape(text: &str, quote: Option<char>, ascii: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' if quote.is_none() => out.push_str("&gt;"),
            '"' if quote == Some('"') => out.push_str("&quot;"),
            '\'' if quote == Some('\'') => out.push_str("&#39;"),
            c if ascii && !c.is_ascii() => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
