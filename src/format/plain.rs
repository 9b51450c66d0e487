//! Plain-text reader.
//!
//! Paragraphs are separated by blank lines. A bullet line (`•`, `-`, `*`, `–`, `1.`, `1)`) is
//! a block of its own, marker and indentation kept outside the block; more-indented lines
//! after it continue it. A single-line block keeps its own kind — headline, byline, dateline,
//! caption, credit — guessed from English newsroom conventions, since the source language of
//! a batch is usually English; a wrong guess only changes a label, never the text.

use std::ops::Range;

use crate::document::{Block, BlockKind, LineIndex, Token};
use crate::format::escape::PLAIN;
use crate::format::wrap_of;
use crate::format::{Format, Read, ReadOptions, Reader, urls};

/// The plain-text reader.
#[derive(Debug)]
pub struct PlainText;

/// Plain text's format handle.
pub const PLAIN_TEXT: Format = Format::new(&PlainText);

impl Reader for PlainText {
    fn name(&self) -> &'static str {
        "plain-text"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt"]
    }

    fn read(&self, source: &str, _options: &ReadOptions) -> Read {
        Read {
            blocks: blocks(source),
            slots: Vec::new(),
        }
    }
}

// Plain text defines blocks (separated by blank lines) and bullets, nothing more: whether a
// block is a headline, a byline, a short line or a paragraph is the reader's guess from its
// length and wording, and a correct translation may change the guess ("a line became a
// paragraph" fired on real human translations). So all of these are laid out as paragraphs.

/// The first single-line block.
pub const HEADLINE: BlockKind = BlockKind::laid_out_as("headline", "paragraph");
/// A line starting with "By ".
pub const BYLINE: BlockKind = BlockKind::laid_out_as("byline", "paragraph");
/// A place (and date) line opening the story.
pub const DATELINE: BlockKind = BlockKind::laid_out_as("dateline", "paragraph");
/// An image or video caption line.
pub const CAPTION: BlockKind = BlockKind::laid_out_as("caption", "paragraph");
/// A photo or image credit line.
pub const CREDIT: BlockKind = BlockKind::laid_out_as("credit", "paragraph");
/// Any other single-line block.
pub const LINE: BlockKind = BlockKind::laid_out_as("line", "paragraph");
/// One bullet line (•, -, *, 1.) with its continuation lines.
pub const BULLET: BlockKind = BlockKind::named("bullet");

/// Parses plain text.
pub fn parse(source: String) -> crate::document::Document {
    PLAIN_TEXT.parse(source, &ReadOptions::default())
}

/// One source line: the whole line (line end excluded) and its content (trimmed).
#[derive(Debug, Clone)]
struct Line {
    full: Range<usize>,
    content: Range<usize>,
}

/// The blocks of a plain-text document.
fn blocks(source: &str) -> Vec<Block> {
    let index = LineIndex::new(source);
    let lines = split_lines(source);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].content.is_empty() {
            i += 1;
            continue;
        }
        // A group of non-blank lines.
        let group_end = (i..lines.len())
            .find(|&k| lines[k].content.is_empty())
            .unwrap_or(lines.len());
        let group = &lines[i..group_end];
        let mut k = 0;
        while k < group.len() {
            let line = &group[k];
            if let Some(marker_len) = bullet_marker(&source[line.content.clone()]) {
                // The bullet and its more-indented continuation lines.
                let indent = line.content.start - line.full.start;
                let mut end = k + 1;
                while end < group.len()
                    && bullet_marker(&source[group[end].content.clone()]).is_none()
                    && group[end].content.start - group[end].full.start > indent
                {
                    end += 1;
                }
                let first = line.content.start + marker_len;
                blocks.push(make_block(
                    source,
                    &index,
                    &group[k..end],
                    first,
                    BULLET,
                ));
                k = end;
            } else if let Some(kind) = stacked_line_kind(
                &source[line.content.clone()],
                blocks.is_empty(),
                group,
                k,
                source,
            ) {
                blocks.push(make_block(
                    source,
                    &index,
                    &group[k..k + 1],
                    line.content.start,
                    kind,
                ));
                k += 1;
            } else {
                let mut end = k + 1;
                while end < group.len()
                    && bullet_marker(&source[group[end].content.clone()]).is_none()
                    && stacked_line_kind(
                        &source[group[end].content.clone()],
                        false,
                        group,
                        end,
                        source,
                    )
                    .is_none()
                {
                    end += 1;
                }
                let text = &source[line.content.clone()];
                let kind = if end - k > 1 {
                    BlockKind::PARAGRAPH
                } else {
                    single_line_kind(text, blocks.is_empty())
                };
                blocks.push(make_block(
                    source,
                    &index,
                    &group[k..end],
                    line.content.start,
                    kind,
                ));
                k = end;
            }
        }
        i = group_end;
    }
    blocks
}

fn split_lines(source: &str) -> Vec<Line> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in source.split_inclusive('\n') {
        let start = if pos == 0 { bom } else { pos };
        let body = raw.trim_end_matches(['\n', '\r']);
        let full = start..pos + body.len();
        let text = &source[full.clone()];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let content = if text.trim().is_empty() {
            full.start..full.start
        } else {
            full.start + lead..full.end - trail
        };
        out.push(Line { full, content });
        pos += raw.len();
    }
    out
}

/// The byte length of a bullet marker and the spaces after it, if the line starts with one.
pub fn bullet_marker(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let marker_end = if "•-*–·‣▪".contains(first) {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let next = text.as_bytes().get(digits)?;
        if digits > 3 || (*next != b'.' && *next != b')') {
            return None;
        }
        digits + 1
    } else {
        return None;
    };
    // Only a space or a tab makes a marker: a no-break space is how translations escape one.
    let rest = &text[marker_end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (spaces > 0 && !rest.trim().is_empty()).then_some(marker_end + spaces)
}

/// A line inside a group of lines that is a block of its own: a byline, a short dateline, a
/// credit or a caption stacked under a headline. The limits are strict so that a wrapped
/// paragraph line ("KYIV, January 13 — Kyrylo Budanov said the army fires") stays in its
/// paragraph. The first line of the document is a headline when the line after it is such a
/// stacked line.
fn stacked_line_kind(
    text: &str,
    is_first_block: bool,
    group: &[Line],
    k: usize,
    source: &str,
) -> Option<BlockKind> {
    let short = text.chars().count() <= 60 && !text.ends_with(['.', ',', ';']);
    let kind = single_line_kind(text, false);
    let stacked = if kind == CREDIT || kind == CAPTION {
        true
    } else if kind == BYLINE {
        short
    } else if kind == DATELINE {
        short && text.chars().count() <= 40
    } else {
        false
    };
    if stacked {
        return Some(kind);
    }
    if is_first_block && k == 0 && group.len() > 1 {
        let next = &source[group[1].content.clone()];
        if short && stacked_line_kind(next, false, group, 1, source).is_some() {
            return Some(HEADLINE);
        }
    }
    None
}

/// Guesses the kind of a one-line block.
fn single_line_kind(text: &str, is_first: bool) -> BlockKind {
    let lower = text.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    if starts(&[
        "photo:",
        "photos:",
        "photograph:",
        "image:",
        "credit:",
        "picture:",
        "illustration:",
        "video:",
        "graphic:",
        "(photo",
        "photo by ",
        "photo credit",
    ]) || text.contains('©')
    {
        return CREDIT;
    }
    if starts(&[
        "caption:",
        "pictured:",
        "above:",
        "below:",
        "top:",
        "left:",
        "right:",
    ]) {
        return CAPTION;
    }
    if is_first {
        return HEADLINE;
    }
    if text.starts_with("By ") && text.chars().nth(3).is_some_and(char::is_uppercase) {
        return BYLINE;
    }
    if looks_like_dateline(text) {
        return DATELINE;
    }
    let sentence = text.ends_with(['.', '!', '?', '"', '”', '»', ':']);
    if sentence && text.chars().count() > 60 {
        BlockKind::PARAGRAPH
    } else {
        LINE
    }
}

/// "KYIV, January 13", "Seoul, 24.1.2025", "GENEVA —": a short line that opens with a place.
fn looks_like_dateline(text: &str) -> bool {
    if text.chars().count() > 80 || text.ends_with('.') {
        return false;
    }
    let first_word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let caps_place = first_word.chars().count() >= 3
        && first_word.chars().all(char::is_uppercase)
        && text[first_word.len()..]
            .trim_start()
            .starts_with([',', '—', '–', '-', '(']);
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = text.to_lowercase();
    let has_month = MONTHS.iter().any(|m| lower.contains(m));
    let has_numeric_date = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
        .any(|w| w.matches(['.', '/']).count() == 2 && w.len() >= 6);
    let place_comma = text.chars().next().is_some_and(char::is_uppercase) && text.contains(',');
    caps_place || (place_comma && (has_month || has_numeric_date))
}

fn make_block(
    source: &str,
    index: &LineIndex,
    lines: &[Line],
    first_start: usize,
    kind: BlockKind,
) -> Block {
    let mut tokens = Vec::new();
    let mut next_id = 1;
    for (n, line) in lines.iter().enumerate() {
        let start = if n == 0 {
            first_start
        } else {
            line.content.start
        };
        if n > 0 {
            tokens.push(Token::Break {
                range: lines[n - 1].content.end..start,
            });
        }
        push_text(source, start..line.content.end, &mut tokens, &mut next_id);
    }
    let range = first_start..lines.last().map_or(first_start, |l| l.content.end);
    Block {
        wrap: wrap_of(source, index, &range, &tokens),
        kind,
        line: index.line(first_start),
        range,
        tokens,
        escaping: PLAIN,
        parent: None,
    }
}

fn push_text(source: &str, range: Range<usize>, tokens: &mut Vec<Token>, next_id: &mut u32) {
    let text = &source[range.clone()];
    let mut pos = 0;
    for (r, tag) in urls::find(text) {
        if r.start > pos {
            tokens.push(Token::Text {
                range: range.start + pos..range.start + r.start,
                text: text[pos..r.start].to_string(),
            });
        }
        tokens.push(Token::Atom {
            id: *next_id,
            range: range.start + r.start..range.start + r.end,
            tag,
            children: Vec::new(),
        });
        *next_id += 1;
        pos = r.end;
    }
    if pos < text.len() {
        tokens.push(Token::Text {
            range: range.start + pos..range.end,
            text: text[pos..].to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(String, String)> {
        parse(src.to_string())
            .blocks
            .iter()
            .map(|b| (b.kind.label(), b.plain_text()))
            .collect()
    }

    #[test]
    fn newsroom_lines_keep_their_kinds() {
        let src = "Seoul fires back\r\n\r\nBy Mina Park\r\nSEOUL, January 24\r\n\r\n• First point\r\n  continues here\r\n- Second point\r\n2. Third\r\n\r\nA paragraph that\r\nwraps over lines.\r\n\r\nPhoto: Jane Roe/Verso\r\n";
        let got = kinds(src);
        let want = [
            ("headline", "Seoul fires back"),
            ("byline", "By Mina Park"),
            ("dateline", "SEOUL, January 24"),
            ("bullet", "First point continues here"),
            ("bullet", "Second point"),
            ("bullet", "Third"),
            ("paragraph", "A paragraph that wraps over lines."),
            ("credit", "Photo: Jane Roe/Verso"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(parse(src.to_string()).render_source(), src);
    }

    #[test]
    fn bullet_markers_need_a_following_space_and_text() {
        assert_eq!(bullet_marker("- x"), Some(2));
        assert_eq!(bullet_marker("12) x"), Some(4));
        assert_eq!(bullet_marker("-5 degrees"), None);
        assert_eq!(bullet_marker("1999. was"), None);
        assert_eq!(bullet_marker("3.5 tonnes"), None);
    }
}
