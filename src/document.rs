//! The document model every format reader produces and every writer consumes.
//!
//! A [`Document`] keeps its source text and a list of [`Block`]s. Each block owns a byte range
//! of the source and a list of inline [`Token`]s that cover that range exactly: text the engine
//! translates, and markup (emphasis delimiters, link targets, inline code, URLs) that must come
//! back byte for byte. Everything outside the blocks — list markers, `#`, `> `, code blocks,
//! HTML blocks, blank lines — is never touched. That is what keeps the layout intact: splicing
//! each block's own source back gives the input byte for byte ([`Document::render`]).

use std::ops::Range;

use serde::Serialize;

/// Index of a block in [`Document::blocks`].
pub type BlockId = usize;

/// A parsed input file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The format it was read as.
    pub format: Format,
    /// The whole source text.
    pub source: String,
    /// Translatable blocks in source order; a block nested in another's token (image alt text
    /// inside a paragraph) comes after its parent and has `parent` set.
    pub blocks: Vec<Block>,
    /// How the file was encoded: its translation is written the same way.
    pub encoding: Encoding,
    /// Spans written from the target locale rather than translated (an HTML page's `lang`),
    /// in source order, never inside a block.
    pub slots: Vec<Slot>,
}

/// A span the writer fills from the target locale: an HTML page's `lang` or `dir`. An empty
/// range inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The source bytes replaced (empty: an insertion point).
    pub range: Range<usize>,
    /// What is written there.
    pub fill: Fill,
}

/// What a [`Slot`] is filled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fill {
    /// The target's BCP 47 tag.
    Language,
    /// `rtl` or `ltr`, by the target's script.
    Direction,
    /// An attribute ` NAME="tag"` inserted where the element had none.
    LanguageAttribute(&'static str),
    /// ` dir="rtl"` inserted for a right-to-left target where the element had no `dir`;
    /// nothing for a left-to-right one.
    DirectionAttribute,
    /// The variants of a plural select the target language needs and the source lacks
    /// (Spanish `many`), each written `{prefix}[category] {text}` with the text of the
    /// default variant: its block's translation, or its source when it is no block.
    PluralVariants {
        /// The keys the source has.
        present: Vec<String>,
        /// The default variant's block, if it is one.
        copy: Option<BlockId>,
        /// The default variant's source.
        source: Range<usize>,
        /// What starts each new variant: a line end and the keys' indentation.
        prefix: String,
    },
}

/// The locale a document is written for, as its [`Slot`]s need it.
#[derive(Debug, Clone)]
pub struct TargetLocale {
    /// BCP 47 tag.
    pub tag: String,
    /// Whether the target's script runs right to left.
    pub right_to_left: bool,
    /// The target's CLDR cardinal plural categories (`one`, `many`, `other`).
    pub plurals: Vec<&'static str>,
}

impl TargetLocale {
    /// The target locale `tag`, its direction and plural categories from CLDR (made once per
    /// locale of a run, not per file).
    pub fn new(tag: &str) -> TargetLocale {
        TargetLocale {
            tag: tag.to_string(),
            right_to_left: crate::locale::right_to_left(tag),
            plurals: crate::locale::plural_categories(tag),
        }
    }
}

impl Slot {
    /// The plural categories this slot adds for `target` (none for other slots).
    pub fn added(&self, target: &TargetLocale) -> Vec<&'static str> {
        match &self.fill {
            Fill::PluralVariants { present, .. } => target
                .plurals
                .iter()
                .filter(|c| !present.iter().any(|p| p == *c))
                .copied()
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A file's character encoding. Text is UTF-8 inside verso; a UTF-16 file (Windows "Unicode"
/// text, with its byte order mark) is read as such and its translation written back in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 (a byte order mark, if any, stays in the text as U+FEFF).
    #[default]
    Utf8,
    /// UTF-16, little-endian, with a byte order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte order mark.
    Utf16Be,
}

impl Encoding {
    /// `text` as bytes in this encoding.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf16Le => std::iter::once(0xFEFF)
                .chain(text.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect(),
            Encoding::Utf16Be => std::iter::once(0xFEFF)
                .chain(text.encode_utf16())
                .flat_map(u16::to_be_bytes)
                .collect(),
        }
    }

    /// The UTF-16 code units of `bytes` (after the byte order mark) in this encoding's byte
    /// order; an odd last byte is not a unit and is left out (the caller decides whether that
    /// is an error). The one reading of UTF-16 bytes, for articles and for exchange files.
    pub fn utf16_units(self, bytes: &[u8]) -> Vec<u16> {
        bytes
            .chunks_exact(2)
            .map(|c| match self {
                Encoding::Utf16Be => u16::from_be_bytes([c[0], c[1]]),
                _ => u16::from_le_bytes([c[0], c[1]]),
            })
            .collect()
    }
}

pub use crate::format::Format;

/// What a block is, for the report, the review and the structure checks: a name the format
/// gives it (`heading`, `list-item`, `attribute`), an optional detail (a level, a depth, a
/// key) and the name it has as far as layout goes.
///
/// An open set rather than an enum, so that a new format names its own kinds in its own file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockKind {
    name: &'static str,
    detail: Detail,
    layout: &'static str,
    optional: bool,
}

/// The detail of a block kind, with the field name reports give it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Detail {
    None,
    Number(&'static str, u8),
    Key(&'static str, String),
}

impl BlockKind {
    /// A paragraph not inside any other container.
    pub const PARAGRAPH: BlockKind = BlockKind::named("paragraph");
    /// A paragraph inside a block quote.
    pub const QUOTE: BlockKind = BlockKind::named("quote");
    /// One cell of a table.
    pub const TABLE_CELL: BlockKind = BlockKind::named("table-cell");
    /// The alt text of an image.
    pub const IMAGE_ALT: BlockKind = BlockKind::named("image-alt");
    /// A footnote definition's text.
    pub const FOOTNOTE: BlockKind = BlockKind::named("footnote");

    /// A kind with only a name.
    pub const fn named(name: &'static str) -> BlockKind {
        BlockKind {
            name,
            detail: Detail::None,
            layout: name,
            optional: false,
        }
    }

    /// The same kind, for a block a correct translation may add or leave out (a plural
    /// variant: the target language has other categories): the structure check does not ask
    /// for its counterpart.
    pub fn optional(self) -> BlockKind {
        BlockKind {
            optional: true,
            ..self
        }
    }

    /// Whether a translation may add or leave out a block of this kind.
    pub fn is_optional(&self) -> bool {
        self.optional
    }

    /// A kind with only a name, compared as `layout` by the structure checks (a plain-text
    /// headline is laid out as a paragraph).
    pub const fn laid_out_as(name: &'static str, layout: &'static str) -> BlockKind {
        BlockKind {
            name,
            detail: Detail::None,
            layout,
            optional: false,
        }
    }

    /// A kind with a number, written `name-N` (`heading-2`); `field` names it in reports.
    pub fn numbered(name: &'static str, field: &'static str, n: u8) -> BlockKind {
        BlockKind {
            detail: Detail::Number(field, n),
            ..BlockKind::named(name)
        }
    }

    /// A kind with a key, written `name:key` (`front-matter:title`); `field` names it.
    pub fn keyed(name: &'static str, field: &'static str, key: &str) -> BlockKind {
        BlockKind {
            detail: Detail::Key(field, key.to_string()),
            ..BlockKind::named(name)
        }
    }

    /// A heading, 1 to 6.
    pub fn heading(level: u8) -> BlockKind {
        BlockKind::numbered("heading", "level", level)
    }

    /// A list item's text; `depth` 1 is a top-level list.
    pub fn list_item(depth: u8) -> BlockKind {
        BlockKind::numbered("list-item", "depth", depth)
    }

    /// The kind's name as written in reports and `verso segment`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The name as far as layout goes, for the structure checks: the plain-text line kinds
    /// are all paragraphs there (see the plain-text reader).
    pub fn structural_name(&self) -> &'static str {
        self.layout
    }

    /// The number of a numbered kind (a heading's level, a list item's depth).
    pub fn number(&self) -> Option<u8> {
        match self.detail {
            Detail::Number(_, n) => Some(n),
            _ => None,
        }
    }

    /// The name with its detail: `heading-2`, `list-item-1`, `front-matter:title`.
    pub fn label(&self) -> String {
        match &self.detail {
            Detail::None => self.name.to_string(),
            Detail::Number(_, n) => format!("{}-{n}", self.name),
            Detail::Key(_, key) => format!("{}:{key}", self.name),
        }
    }
}

impl Serialize for BlockKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.name)?;
        match &self.detail {
            Detail::None => {}
            Detail::Number(field, n) => map.serialize_entry(field, n)?,
            Detail::Key(field, key) => map.serialize_entry(field, key)?,
        }
        map.end()
    }
}

/// What an inline markup token is; engines never see this, the restore step and reports do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagKind {
    /// `*x*` or `_x_`.
    Emphasis,
    /// `**x**`.
    Strong,
    /// `~~x~~`.
    Strikethrough,
    /// `[x](target)`: the text is translated, the target is protected.
    Link,
    /// `![alt](src)`: the alt text is its own block.
    Image,
    /// `` `code` ``.
    Code,
    /// Inline HTML.
    Html,
    /// `[^1]`.
    FootnoteRef,
    /// An autolink `<https://…>` or a bare URL.
    Url,
    /// An e-mail address.
    Email,
    /// A hard line break.
    HardBreak,
    /// A glossary name written in its target form.
    Name,
}

impl TagKind {
    /// The kind's name as reports write it (`link`, `footnote-ref`).
    pub fn name(self) -> &'static str {
        match self {
            TagKind::Emphasis => "emphasis",
            TagKind::Strong => "strong",
            TagKind::Strikethrough => "strikethrough",
            TagKind::Link => "link",
            TagKind::Image => "image",
            TagKind::Code => "code",
            TagKind::Html => "html",
            TagKind::FootnoteRef => "footnote-ref",
            TagKind::Url => "url",
            TagKind::Email => "email",
            TagKind::HardBreak => "hard-break",
            TagKind::Name => "name",
        }
    }
}

/// One inline token of a block. The tokens of a block cover its byte range exactly, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// Translatable text. `text` is the decoded text (escapes and entities resolved); `range`
    /// is its source, which may differ (`\*` is the text `*`).
    Text {
        /// Source bytes.
        range: Range<usize>,
        /// Decoded text.
        text: String,
    },
    /// A soft line break with the continuation prefix of the next line (`"\n> "`): a space to
    /// the engine, re-created by wrapping on output.
    Break {
        /// Source bytes.
        range: Range<usize>,
    },
    /// The opening markup of a paired tag (`**`, `[`).
    Open {
        /// Placeholder id, unique within the block, from 1.
        id: u32,
        /// Source bytes of the markup.
        range: Range<usize>,
        /// What it is.
        tag: TagKind,
    },
    /// The closing markup of a paired tag (`**`, `](https://…)`).
    Close {
        /// Same id as the matching `Open`.
        id: u32,
        /// Source bytes of the markup.
        range: Range<usize>,
    },
    /// A span that comes back whole and untranslated (code, URL, footnote reference, image).
    Atom {
        /// Placeholder id, unique within the block, from 1.
        id: u32,
        /// Source bytes.
        range: Range<usize>,
        /// What it is.
        tag: TagKind,
        /// Blocks nested inside this span (an image's alt text), spliced in when rendering.
        children: Vec<BlockId>,
    },
}

impl Token {
    /// The source bytes this token covers.
    pub fn range(&self) -> Range<usize> {
        match self {
            Token::Text { range, .. }
            | Token::Break { range }
            | Token::Open { range, .. }
            | Token::Close { range, .. }
            | Token::Atom { range, .. } => range.clone(),
        }
    }
}

/// How translated text is made safe in one kind of block, so that no translation can change
/// the document's structure. The reader chooses one per block; restoring only calls it, so a
/// format's escaping lives in the format's own file.
pub trait Escape: std::fmt::Debug + Send + Sync {
    /// Escapes a run of translated text; `at_start` when it begins the block. For a whole
    /// value, the value's whole text.
    fn text(&self, text: &str, at_start: bool) -> String;

    /// Whether the block is one value quoted as a whole (a YAML scalar, an HTML attribute):
    /// its plain text is assembled, markup dropped, and escaped once.
    fn whole_value(&self) -> bool {
        false
    }

    /// Mends the end of the rendered block (a Markdown heading's trailing `#`).
    fn finish(&self, _rendered: &mut String) {}
}

/// A block's escaping: a shared, static [`Escape`].
#[derive(Debug, Clone, Copy)]
pub struct Escaping(pub &'static dyn Escape);

impl PartialEq for Escaping {
    fn eq(&self, other: &Escaping) -> bool {
        format!("{:?}", self.0) == format!("{:?}", other.0)
    }
}

impl std::ops::Deref for Escaping {
    type Target = dyn Escape;
    fn deref(&self) -> &(dyn Escape + 'static) {
        self.0
    }
}

/// The style of a YAML scalar in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlStyle {
    /// Unquoted; switches to double quotes when the text needs it.
    Plain,
    /// `"…"` with backslash escapes.
    Double,
    /// `'…'` with `''` for a quote.
    Single,
    /// A folded block scalar (`>`), one or more indented lines.
    Folded,
    /// A TOML literal string `'…'` (no escapes): a text holding `'` is written as a basic string.
    Literal,
}

/// How a block's lines were broken, so a translation can be wrapped the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrap {
    /// The longest source line of the block, in characters: the target wraps at this width.
    pub width: usize,
    /// What starts each continuation line: the line end plus the container prefix (`"\n> "`).
    pub continuation: String,
}

/// A translatable unit: a heading, paragraph, list item, table cell, alt text, …
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// The source bytes the block replaces.
    pub range: Range<usize>,
    /// 1-based line of the block's start, for messages.
    pub line: usize,
    /// Inline tokens covering `range` exactly.
    pub tokens: Vec<Token>,
    /// How translated text is escaped here.
    pub escaping: Escaping,
    /// Set when the source block spans several lines: the translation is wrapped likewise.
    pub wrap: Option<Wrap>,
    /// The block whose atom contains this one, if any.
    pub parent: Option<BlockId>,
}

impl Block {
    /// The block's source bytes.
    pub fn source<'a>(&self, doc_source: &'a str) -> &'a str {
        &doc_source[self.range.clone()]
    }

    /// The decoded text without markup, soft breaks as spaces: what a reader sees.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for token in &self.tokens {
            match token {
                Token::Text { text, .. } => out.push_str(text),
                Token::Break { .. } => out.push(' '),
                _ => {}
            }
        }
        crate::segment::collapse_whitespace(&out)
    }
}

impl Document {
    /// Renders the document with each top-level block replaced by `render_block(id)`, and
    /// everything between blocks copied from the source. Nested blocks are the business of
    /// their parent's renderer.
    pub fn render(&self, render_block: impl FnMut(BlockId) -> String) -> String {
        self.render_for(None, render_block)
    }

    /// [`Document::render`], with the [`Slot`]s filled for `target` (`None` keeps their
    /// source, as an engine that copies the source must).
    pub fn render_for(
        &self,
        target: Option<&TargetLocale>,
        mut render_block: impl FnMut(BlockId) -> String,
    ) -> String {
        let mut out = String::with_capacity(self.source.len() + self.source.len() / 4);
        let mut pos = 0;
        let mut slots = self.slots.iter().peekable();
        // Top-level blocks as rendered, kept only for the slots that repeat one (plural
        // variants); most documents have none and keep nothing.
        let repeated: Vec<BlockId> = self
            .slots
            .iter()
            .filter_map(|s| match s.fill {
                Fill::PluralVariants { copy, .. } => copy,
                _ => None,
            })
            .collect();
        let mut rendered: Vec<Option<String>> = Vec::new();
        for (id, block) in self.blocks.iter().enumerate() {
            if block.parent.is_some() {
                continue;
            }
            while let Some(slot) = slots.next_if(|s| s.range.end <= block.range.start) {
                pos = self.fill(&mut out, pos, slot, target, &rendered);
            }
            out.push_str(&self.source[pos.min(block.range.start)..block.range.start]);
            let text = render_block(id);
            out.push_str(&text);
            if repeated.contains(&id) {
                if rendered.len() <= id {
                    rendered.resize(id + 1, None);
                }
                rendered[id] = Some(text);
            }
            pos = block.range.end;
        }
        for slot in slots {
            pos = self.fill(&mut out, pos, slot, target, &rendered);
        }
        out.push_str(&self.source[pos.min(self.source.len())..]);
        out
    }

    /// Writes the source up to `slot` and its fill; returns where the source resumes. A slot
    /// behind `pos` (overlapping a block) is left as it was.
    fn fill(
        &self,
        out: &mut String,
        pos: usize,
        slot: &Slot,
        target: Option<&TargetLocale>,
        rendered: &[Option<String>],
    ) -> usize {
        let Some(target) = target else { return pos };
        if slot.range.start < pos {
            return pos;
        }
        out.push_str(&self.source[pos..slot.range.start]);
        let dir = if target.right_to_left { "rtl" } else { "ltr" };
        match &slot.fill {
            Fill::Language => out.push_str(&target.tag),
            Fill::Direction => out.push_str(dir),
            Fill::LanguageAttribute(name) => {
                out.push_str(&format!(" {name}=\"{}\"", target.tag));
            }
            Fill::DirectionAttribute if target.right_to_left => out.push_str(" dir=\"rtl\""),
            Fill::DirectionAttribute => {}
            Fill::PluralVariants {
                copy,
                source,
                prefix,
                ..
            } => {
                let text = copy
                    .and_then(|b| rendered.get(b).cloned().flatten())
                    .unwrap_or_else(|| self.source[source.clone()].to_string());
                for category in slot.added(target) {
                    out.push_str(&format!("{prefix}[{category}] {text}"));
                }
            }
        }
        slot.range.end
    }

    /// The nested blocks of `parent` inside `range`. Readers push a block's nested blocks
    /// right after it, so this looks no further than they go.
    pub fn children_in(&self, parent: BlockId, range: Range<usize>) -> Vec<BlockId> {
        self.blocks
            .iter()
            .enumerate()
            .skip(parent + 1)
            .take_while(|(_, b)| b.parent == Some(parent))
            .filter(|(_, b)| b.range.start >= range.start && b.range.end <= range.end)
            .map(|(i, _)| i)
            .collect()
    }

    /// Splices a markup range of the source, replacing the nested blocks in it by
    /// `render_block(child)`.
    pub fn splice_markup(
        &self,
        range: Range<usize>,
        children: &[BlockId],
        render_block: &mut dyn FnMut(BlockId) -> String,
    ) -> String {
        let mut out = String::new();
        let mut pos = range.start;
        for &child in children {
            let r = self.blocks[child].range.clone();
            out.push_str(&self.source[pos..r.start]);
            out.push_str(&render_block(child));
            pos = r.end;
        }
        out.push_str(&self.source[pos..range.end]);
        out
    }

    /// Renders the document from its own source: the byte-identical round trip.
    pub fn render_source(&self) -> String {
        self.render(|id| self.blocks[id].source(&self.source).to_string())
    }
}

/// 1-based line number of a byte offset (a one-off; use [`LineIndex`] for many).
pub fn line_of(source: &str, offset: usize) -> usize {
    LineIndex::new(source).line(offset)
}

/// Byte offsets of line starts, for turning many offsets into line numbers cheaply.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.line(offset) - 1]
    }
}
