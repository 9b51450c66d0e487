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

/// The input formats verso reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// CommonMark with GFM tables, strikethrough, footnotes and YAML front matter.
    Markdown,
    /// Plain text: paragraphs separated by blank lines, one block per bullet line.
    PlainText,
}

/// What a block is, for the report, the review and the structure checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BlockKind {
    /// A Markdown heading (ATX or setext).
    Heading {
        /// 1 to 6.
        level: u8,
    },
    /// A paragraph not inside any other container.
    Paragraph,
    /// A list item's text (tight or loose); `depth` 1 is a top-level list.
    ListItem {
        /// Nesting depth of the list, from 1.
        depth: u8,
    },
    /// A paragraph inside a block quote.
    Quote,
    /// One cell of a table.
    TableCell,
    /// The alt text of an image.
    ImageAlt,
    /// A footnote definition's text.
    Footnote,
    /// A translatable front-matter value.
    FrontMatter {
        /// The YAML key.
        key: String,
    },
    /// Plain text: the first single-line block.
    Headline,
    /// Plain text: a line starting with "By ".
    Byline,
    /// Plain text: a place (and date) line opening the story.
    Dateline,
    /// Plain text: an image or video caption line.
    Caption,
    /// Plain text: a photo or image credit line.
    Credit,
    /// Plain text: one bullet line (•, -, *, 1.) with its continuation lines.
    Bullet,
    /// Plain text: any other single-line block.
    Line,
}

impl BlockKind {
    /// The kind's name as written in reports and `verso segment`.
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::Quote => "quote",
            BlockKind::TableCell => "table-cell",
            BlockKind::ImageAlt => "image-alt",
            BlockKind::Footnote => "footnote",
            BlockKind::FrontMatter { .. } => "front-matter",
            BlockKind::Headline => "headline",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Bullet => "bullet",
            BlockKind::Line => "line",
        }
    }

    /// The name as far as layout goes: the plain-text line kinds (headline, byline, dateline,
    /// caption, credit) are told apart by English cues ("By …", "Photo:"), so in a
    /// translation they are all just a line.
    ///
    /// Plain text defines blocks (separated by blank lines) and bullets, nothing more: whether a
    /// block is a headline, a byline, a short line or a paragraph is the reader's guess from its
    /// length and wording, and a correct translation may change the guess ("a line became a
    /// paragraph" fired on real human translations). So all of these are one kind here.
    pub fn structural_name(&self) -> &'static str {
        match self {
            BlockKind::Headline
            | BlockKind::Byline
            | BlockKind::Dateline
            | BlockKind::Caption
            | BlockKind::Credit
            | BlockKind::Line
            | BlockKind::Paragraph => "paragraph",
            other => other.name(),
        }
    }

    /// The name with its detail: `heading-2`, `list-item-1`, `front-matter:title`.
    pub fn label(&self) -> String {
        match self {
            BlockKind::Heading { level } => format!("heading-{level}"),
            BlockKind::ListItem { depth } => format!("list-item-{depth}"),
            BlockKind::FrontMatter { key } => format!("front-matter:{key}"),
            other => other.name().to_string(),
        }
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

/// How text written into a block must be escaped so it cannot change the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escaping {
    /// Markdown inline text.
    Markdown {
        /// Inside a table cell: `|` must be escaped.
        table_cell: bool,
        /// An ATX heading: a trailing `#` must be escaped.
        atx_heading: bool,
    },
    /// Plain text: no escapes exist, so line starts that would read as bullets are avoided.
    Plain,
    /// A YAML scalar in front matter, written in the given style.
    Yaml(YamlStyle),
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
    pub fn render(&self, mut render_block: impl FnMut(BlockId) -> String) -> String {
        let mut out = String::with_capacity(self.source.len() + self.source.len() / 4);
        let mut pos = 0;
        for (id, block) in self.blocks.iter().enumerate() {
            if block.parent.is_some() {
                continue;
            }
            out.push_str(&self.source[pos..block.range.start]);
            out.push_str(&render_block(id));
            pos = block.range.end;
        }
        out.push_str(&self.source[pos..]);
        out
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
