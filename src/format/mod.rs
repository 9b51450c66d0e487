//! Format readers: bytes in, [`Document`] out.
//!
//! A format is one [`Reader`] in its own file, registered once in [`formats!`] below. Reading
//! never changes a byte: everything the reader does not turn into a block is copied through by
//! [`Document::render`], and each block's [`crate::document::Escaping`] (chosen by the reader)
//! keeps a translation from changing the structure. File-level problems (not UTF-8, binary,
//! empty, unreadable) are [`ReadError`]s naming the file and what to do.

pub mod escape;
pub mod front_matter;
mod markdown_inline;
pub mod templates;
pub mod urls;

use std::path::{Path, PathBuf};

use std::ops::Range;

use crate::document::{Block, Document, Encoding, LineIndex, Slot, Token, Wrap};
use crate::i18n::{Localized, Message};
use crate::msg;

/// Options for the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
    /// HTML attributes whose values are translated (lower case).
    pub html_attributes: Vec<String>,
    /// `name` or `property` of the HTML `meta` tags whose `content` is translated.
    pub html_meta: Vec<String>,
    /// The source language (BCP 47), when known: an HTML element whose `lang` names another
    /// is not the source's to translate.
    pub source_language: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        ReadOptions {
            front_matter_keys: list(&["title", "description", "summary", "lead"]),
            html_attributes: list(&[
                "alt",
                "title",
                "placeholder",
                "aria-label",
                "aria-description",
            ]),
            html_meta: list(&[
                "description",
                "og:title",
                "og:description",
                "twitter:title",
                "twitter:description",
            ]),
            source_language: None,
        }
    }
}

/// Why a file could not be read as an article.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum ReadError {
    /// The file could not be opened or read.
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason (in the message; not a second link in the chain).
        cause: std::io::Error,
    },
    /// The file is not valid UTF-8.
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file starts with a UTF-16 byte order mark but is not valid UTF-16.
    InvalidUtf16 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid character.
        line: usize,
        /// Byte offset of the first invalid unit.
        offset: usize,
    },
    /// The file holds NUL bytes: a binary file, not an article.
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The file is empty or only whitespace.
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The extension is not one verso reads.
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}

impl Localized for ReadError {
    fn message(&self) -> Message {
        match self {
            ReadError::Io { path, cause } => {
                msg!("read-io", path = path, reason = cause.to_string())
            }
            ReadError::InvalidUtf8 { path, line, offset } => {
                msg!(
                    "read-invalid-utf8",
                    path = path,
                    line = *line,
                    offset = *offset
                )
            }
            ReadError::InvalidUtf16 { path, line, offset } => {
                msg!(
                    "read-invalid-utf16",
                    path = path,
                    line = *line,
                    offset = *offset
                )
            }
            ReadError::Binary { path } => msg!("read-binary", path = path),
            ReadError::Empty { path } => msg!("read-empty", path = path),
            ReadError::UnknownFormat { path } => msg!("read-unknown-format", path = path),
        }
    }
}

/// What a reader makes of a file's text.
#[derive(Debug, Default)]
pub struct Read {
    /// The blocks, in source order (a nested block right after its parent).
    pub blocks: Vec<Block>,
    /// Spans filled from the target locale, in source order.
    pub slots: Vec<Slot>,
}

/// One input format: which files it claims and how their text becomes blocks.
pub trait Reader: Sync {
    /// The name in reports and messages (`markdown`, `html`).
    fn name(&self) -> &'static str;

    /// The file extensions it claims, lower case, without the dot.
    fn extensions(&self) -> &'static [&'static str];

    /// The blocks and slots of `source`. Never fails: what the reader does not understand is
    /// left out of the blocks and so copied through untouched.
    fn read(&self, source: &str, options: &ReadOptions) -> Read;
}

/// A registered format: a handle on its [`Reader`], cheap to copy and compare.
#[derive(Clone, Copy)]
pub struct Format(&'static dyn Reader);

impl Format {
    /// The handle of a reader.
    pub const fn new(reader: &'static dyn Reader) -> Format {
        Format(reader)
    }

    /// The format's name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The extensions it claims.
    pub fn extensions(self) -> &'static [&'static str] {
        self.0.extensions()
    }

    /// Parses text in this format.
    pub fn parse(self, source: String, options: &ReadOptions) -> Document {
        let Read { blocks, slots } = self.0.read(&source, options);
        Document {
            format: self,
            source,
            blocks,
            encoding: Encoding::default(),
            slots,
        }
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Format {}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Declares each format's module and registers its reader: adding a format is its file and
/// one line here.
macro_rules! formats {
    ($($module:ident :: $reader:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// Every format verso reads, in the order extensions are listed.
        pub static FORMATS: &[Format] = &[$(Format::new(&$module::$reader)),*];
    };
}

formats! {
    markdown::Markdown,
    plain::PlainText,
    html::Html,
    fluent::Fluent,
}

pub use markdown::MARKDOWN;
pub use plain::PLAIN_TEXT;

/// The format a path is read as, from its extension.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    FORMATS
        .iter()
        .copied()
        .find(|f| f.extensions().contains(&ext.as_str()))
}

/// The wrap of a block that spans lines (any format whose soft breaks are `Token::Break`s): its longest line and its continuation prefix.
pub(crate) fn wrap_of(
    source: &str,
    lines: &LineIndex,
    range: &Range<usize>,
    tokens: &[Token],
) -> Option<Wrap> {
    let first_break = tokens.iter().find_map(|t| match t {
        Token::Break { range } => Some(range.clone()),
        _ => None,
    })?;
    let raw = &source[first_break];
    let nl = raw.find(['\r', '\n'])?;
    let continuation = raw[nl..].to_string();
    let start = lines.line_start(range.start);
    let width = source[start..range.end]
        .split('\n')
        .map(|l| l.trim_end_matches('\r').chars().count())
        .max()
        .unwrap_or(0);
    Some(Wrap {
        width,
        continuation,
    })
}

/// Every extension a registered format claims: what a directory walk reads by default.
pub fn all_extensions() -> Vec<String> {
    FORMATS
        .iter()
        .flat_map(|f| f.extensions())
        .map(|e| e.to_string())
        .collect()
}

/// Reads and parses a file.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Document, ReadError> {
    let format = format_of(path).ok_or_else(|| ReadError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = crate::reading::bytes(path).map_err(|cause| ReadError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    let (text, encoding) = decode_with_encoding(path, bytes)?;
    let mut doc = format.parse(text, options);
    doc.encoding = encoding;
    Ok(doc)
}

/// Checks that bytes are a readable article and turns them into text.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    decode_with_encoding(path, bytes).map(|(text, _)| text)
}

/// [`decode`], saying which encoding the bytes were in: UTF-8, or UTF-16 with a byte order
/// mark (NUL bytes are otherwise the mark of a binary file).
pub fn decode_with_encoding(path: &Path, bytes: Vec<u8>) -> Result<(String, Encoding), ReadError> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(Encoding::Utf16Le),
        Some([0xFE, 0xFF]) => Some(Encoding::Utf16Be),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        return decode_utf16(path, &bytes[2..], encoding).map(|t| (t, encoding));
    }
    decode_utf8(path, bytes).map(|t| (t, Encoding::Utf8))
}

fn decode_utf16(path: &Path, bytes: &[u8], encoding: Encoding) -> Result<String, ReadError> {
    let units = encoding.utf16_units(bytes);
    let mut text = String::with_capacity(units.len());
    // Where the first bad unit starts, counted in units (a character past the basic plane is
    // two of them); an odd last byte is bad too.
    let mut at = 0;
    let mut bad = None;
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) if c != '\u{ffff}' && c != '\0' => {
                text.push(c);
                at += c.len_utf16();
            }
            _ => {
                bad = Some(2 + 2 * at);
                break;
            }
        }
    }
    if bad.is_none() && bytes.len() % 2 == 1 {
        bad = Some(2 + bytes.len() - 1);
    }
    if let Some(offset) = bad {
        return Err(ReadError::InvalidUtf16 {
            path: path.to_path_buf(),
            line: crate::document::line_of(&text, text.len()),
            offset,
        });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.contains(&0) {
        return Err(ReadError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        ReadError::InvalidUtf8 {
            path: path.to_path_buf(),
            line: crate::document::line_of(&String::from_utf8_lossy(e.as_bytes()), offset),
            offset,
        }
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// Parses text in a format.
pub fn parse(format: Format, text: String, options: &ReadOptions) -> Document {
    format.parse(text, options)
}

/// What the readers' tests share.
#[cfg(test)]
pub(crate) mod testing {
    use crate::document::{Document, TargetLocale};
    use crate::restore::{Problem, render_document};
    use crate::segment::{Piece, Segment};

    /// The document written with every block's text upper-cased and its placeholders kept
    /// (what an engine's output looks like to restoring), for `target` (`None`: as an engine
    /// that copies the source); and the problems restoring reported.
    pub fn shout(doc: &Document, target: Option<&str>) -> (String, Vec<Problem>) {
        let targets: Vec<Segment> = doc
            .blocks
            .iter()
            .map(|b| Segment {
                pieces: Segment::from_block(b)
                    .pieces
                    .into_iter()
                    .map(|p| match p {
                        Piece::Text(t) => Piece::Text(t.to_uppercase()),
                        other => other,
                    })
                    .collect(),
            })
            .collect();
        let locale = target.map(TargetLocale::new);
        let (text, problems) = render_document(doc, &targets, &[], locale.as_ref());
        (text, problems.into_iter().map(|(_, p, _)| p).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        Encoding::Utf16Le.encode(text)
    }

    #[test]
    fn a_bad_utf16_unit_is_reported_at_its_byte_and_line() {
        let path = Path::new("a.txt");
        // Two characters past the basic plane (two units each) before the bad unit: its byte
        // counts units, not characters.
        let mut bytes = utf16le("\u{1F600}\u{1F600}\nb");
        bytes.extend(0xDC00u16.to_le_bytes()); // a lone low surrogate
        bytes.extend(utf16le("c")[2..].iter());
        match decode(path, bytes) {
            Err(ReadError::InvalidUtf16 { line, offset, .. }) => {
                assert_eq!((line, offset), (2, 2 + 2 * 6));
            }
            other => panic!("{other:?}"),
        }
        let mut odd = utf16le("ab");
        odd.push(b'c');
        match decode(path, odd) {
            Err(ReadError::InvalidUtf16 { line, offset, .. }) => {
                assert_eq!((line, offset), (1, 6))
            }
            other => panic!("{other:?}"),
        }
        let (text, encoding) =
            decode_with_encoding(path, Encoding::Utf16Be.encode("\u{1F600} ok")).expect("decoded");
        assert_eq!(
            (text.as_str(), encoding),
            ("\u{1F600} ok", Encoding::Utf16Be)
        );
    }
}
