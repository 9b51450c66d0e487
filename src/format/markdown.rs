//! Markdown reader: CommonMark with GFM tables, strikethrough, footnotes and YAML front matter.
//!
//! pulldown-cmark's offset iterator gives every event its byte range. A block is a maximal run
//! of inline events between block events; that covers headings, paragraphs, tight and loose
//! list items, quotes, table cells and footnotes alike. Code blocks and HTML blocks are skipped
//! whole, so they are copied through untouched.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::escape::MarkdownText;
use super::markdown_inline::{self, Built, is_inline_end, is_inline_tag};
use super::{Format, Read, ReadOptions, Reader, front_matter, wrap_of};
use crate::document::{Block, BlockKind, Document, Escaping, LineIndex, Token};
use crate::segment::Segment;

/// The Markdown reader.
#[derive(Debug)]
pub struct Markdown;

/// Markdown's format handle.
pub const MARKDOWN: Format = Format::new(&Markdown);

impl Reader for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["md", "markdown"]
    }

    fn read(&self, source: &str, options: &ReadOptions) -> Read {
        Read {
            blocks: blocks(source, options),
            slots: Vec::new(),
        }
    }
}

/// The pulldown-cmark extensions verso reads. Math (`$…$`, `$$…$$`) follows GitHub's rules,
/// under which a dollar amount is no formula: a closing `$` must not follow a space nor be
/// followed by a digit ("$5 and $10" is text).
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
}

/// The containers that decide a block's kind.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    Heading { level: u8, atx: bool },
    Quote,
    List,
    Item,
    Footnote,
    TableCell,
    Other,
}

/// Parses a Markdown document.
pub fn parse(source: String, options: &ReadOptions) -> Document {
    MARKDOWN.parse(source, options)
}

/// The blocks of a Markdown document.
fn blocks(source: &str, options: &ReadOptions) -> Vec<Block> {
    let lines = LineIndex::new(source);
    let mut blocks = Vec::new();
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body_start = match front_matter::find(source, bom) {
        Some(fm) => {
            blocks.extend(front_matter::blocks(
                source,
                &fm,
                &options.front_matter_keys,
                &lines,
            ));
            fm.range.end
        }
        None => bom,
    };
    let body = &source[body_start..];
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, parser_options())
        .into_offset_iter()
        .map(|(e, r)| (e, r.start + body_start..r.end + body_start))
        .collect();

    let mut stack: Vec<Container> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (ev, r) = &events[i];
        match ev {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                i = markdown_inline::matching_end(&events, i) + 1;
                continue;
            }
            Event::Start(tag) if !is_inline_tag(tag) => {
                stack.push(container(tag, source, r));
                i += 1;
                continue;
            }
            Event::End(tag) if !is_inline_end(tag) => {
                stack.pop();
                i += 1;
                continue;
            }
            Event::Rule | Event::Html(_) => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let j = (i..events.len())
            .find(|&k| is_boundary(&events[k].0))
            .unwrap_or(events.len());
        let built = markdown_inline::build(source, &events[i..j]);
        push_block(source, &lines, &mut blocks, built, kind_of(&stack), &stack);
        i = j;
    }
    blocks
}

fn is_boundary(ev: &Event) -> bool {
    match ev {
        Event::Start(tag) => !is_inline_tag(tag),
        Event::End(tag) => !is_inline_end(tag),
        Event::Rule | Event::Html(_) => true,
        _ => false,
    }
}

fn container(tag: &Tag, source: &str, r: &Range<usize>) -> Container {
    match tag {
        Tag::Heading { level, .. } => Container::Heading {
            level: *level as u8,
            atx: source[r.clone()].trim_start().starts_with('#'),
        },
        Tag::BlockQuote(_) => Container::Quote,
        Tag::List(_) => Container::List,
        Tag::Item => Container::Item,
        Tag::FootnoteDefinition(_) => Container::Footnote,
        Tag::TableCell => Container::TableCell,
        _ => Container::Other,
    }
}

fn kind_of(stack: &[Container]) -> BlockKind {
    let depth = stack.iter().filter(|c| **c == Container::List).count();
    for c in stack.iter().rev() {
        match c {
            Container::Heading { level, .. } => return BlockKind::heading(*level),
            Container::TableCell => return BlockKind::TABLE_CELL,
            Container::Item => {
                return BlockKind::list_item(u8::try_from(depth.max(1)).unwrap_or(u8::MAX));
            }
            Container::Footnote => return BlockKind::FOOTNOTE,
            Container::Quote => return BlockKind::QUOTE,
            _ => {}
        }
    }
    BlockKind::PARAGRAPH
}

fn escaping_of(stack: &[Container]) -> Escaping {
    MarkdownText::escaping(
        stack.contains(&Container::TableCell),
        stack
            .iter()
            .any(|c| matches!(c, Container::Heading { atx: true, .. })),
    )
}

/// Adds a block (and its nested alt-text blocks). A run without text is not a block, but the
/// alt texts inside it are, at top level: a paragraph that is only an image translates its alt.
fn push_block(
    source: &str,
    lines: &LineIndex,
    blocks: &mut Vec<Block>,
    built: Built,
    kind: BlockKind,
    stack: &[Container],
) {
    let Built {
        mut tokens,
        range,
        children,
    } = built;
    let candidate = Block {
        kind,
        range: range.clone(),
        line: lines.line(range.start),
        tokens: Vec::new(),
        escaping: escaping_of(stack),
        wrap: wrap_of(source, lines, &range, &tokens),
        parent: None,
    };
    let is_block = Segment::from_block(&Block {
        tokens: tokens.clone(),
        ..candidate.clone()
    })
    .has_text();
    let parent = if is_block {
        let id = blocks.len();
        // Children will be pushed right after, in order: rewrite their indices.
        let base = id + 1;
        for token in &mut tokens {
            if let Token::Atom { children, .. } = token {
                for c in children.iter_mut() {
                    *c += base;
                }
            }
        }
        blocks.push(Block {
            tokens,
            ..candidate
        });
        Some(id)
    } else {
        None
    };
    for child in children {
        let child_range = child.range.clone();
        let child_tokens = child.tokens;
        let alt = Block {
            kind: BlockKind::IMAGE_ALT,
            line: lines.line(child_range.start),
            wrap: wrap_of(source, lines, &child_range, &child_tokens),
            range: child_range,
            tokens: child_tokens
                .into_iter()
                .map(|t| match t {
                    // An image inside alt text keeps no nested block of its own.
                    Token::Atom { id, range, tag, .. } => Token::Atom {
                        id,
                        range,
                        tag,
                        children: Vec::new(),
                    },
                    other => other,
                })
                .collect(),
            escaping: MarkdownText::escaping(stack.contains(&Container::TableCell), false),
            parent,
        };
        blocks.push(alt);
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(String, String)> {
        let doc = parse(src.to_string(), &ReadOptions::default());
        doc.blocks
            .iter()
            .map(|b| (b.kind.label(), b.plain_text()))
            .collect()
    }

    #[test]
    fn math_is_kept_whole_and_dollar_amounts_are_text() {
        let src = "Einstein wrote $E = mc^2$ and paid $5 and $10, or $16 billion.\n\n$$\nx^2\n$$\n";
        let doc = parse(src.to_string(), &ReadOptions::default());
        let seg = Segment::from_block(&doc.blocks[0]);
        assert_eq!(
            seg.canonical(),
            "Einstein wrote <1/> and paid $5 and $10, or $16 billion."
        );
        assert_eq!(
            doc.blocks.len(),
            1,
            "a display formula alone is no block to translate"
        );
    }

    #[test]
    fn one_block_per_heading_item_quote_cell_and_footnote() {
        let src = "# Title\n\nIntro *para*.\n\n- one\n- two\n  - nested\n\n> quoted\n> text\n\n| a | b |\n|---|---|\n| c | d |\n\nNote[^1].\n\n[^1]: The note.\n\n```\ncode\n```\n";
        let got = kinds(src);
        let want = [
            ("heading-1", "Title"),
            ("paragraph", "Intro para."),
            ("list-item-1", "one"),
            ("list-item-1", "two"),
            ("list-item-2", "nested"),
            ("quote", "quoted text"),
            ("table-cell", "a"),
            ("table-cell", "b"),
            ("table-cell", "c"),
            ("table-cell", "d"),
            ("paragraph", "Note."),
            ("footnote", "The note."),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn image_alt_is_its_own_block_and_code_is_never_a_block() {
        let src = "![A howitzer fires](img/h.jpg)\nPhoto: `AP`\n\n    indented code\n\n<div>html block</div>\n";
        let got = kinds(src);
        assert_eq!(
            got,
            vec![
                ("paragraph".to_string(), "Photo:".to_string()),
                ("image-alt".to_string(), "A howitzer fires".to_string())
            ]
        );
    }

    #[test]
    fn tokens_cover_each_block_exactly() {
        let src =
            "> A **bold** [link](http://x.y \"t\") and `code`\n> next line with https://a.b/c.\n";
        let doc = parse(src.to_string(), &ReadOptions::default());
        for b in &doc.blocks {
            let mut pos = b.range.start;
            for t in &b.tokens {
                assert_eq!(t.range().start, pos, "gap before {t:?}");
                pos = t.range().end;
            }
            assert_eq!(pos, b.range.end);
        }
        assert_eq!(doc.render_source(), src);
        let wrap = doc.blocks[0].wrap.clone().expect("two lines wrap");
        assert_eq!(wrap.continuation, "\n> ");
    }
}
