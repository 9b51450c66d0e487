//! Format readers: bytes in, [`Document`] out.
//!
//! One module per format. Reading never changes a byte: everything the reader does not turn
//! into a block is copied through by [`Document::render`]. File-level problems (not UTF-8,
//! binary, empty, unreadable) are [`ReadError`]s naming the file and what to do.

pub mod escape;
pub mod front_matter;
pub mod markdown;
mod markdown_inline;
pub mod plain;
pub mod templates;
pub mod urls;

use std::path::{Path, PathBuf};

use crate::document::{Document, Encoding, Format};
use crate::i18n::{Localized, Message};
use crate::msg;

/// Options for the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            front_matter_keys: ["title", "description", "summary", "lead"]
                .map(String::from)
                .to_vec(),
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

/// The format a path is read as, from its extension.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" => Some(Format::PlainText),
        _ => None,
    }
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
    let mut doc = parse(format, text, options);
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
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| match (encoding, c) {
            (Encoding::Utf16Be, [a, b]) => u16::from_be_bytes([*a, *b]),
            (_, [a, b]) => u16::from_le_bytes([*a, *b]),
            _ => 0xFFFF, // an odd last byte: not UTF-16
        })
        .collect();
    let mut text = String::with_capacity(units.len());
    for (i, c) in char::decode_utf16(units.iter().copied()).enumerate() {
        match c {
            Ok(c) if c != '\u{ffff}' && c != '\0' => text.push(c),
            _ => {
                let offset = 2 + 2 * i;
                return Err(ReadError::InvalidUtf16 {
                    path: path.to_path_buf(),
                    line: crate::document::line_of(&text, text.len()),
                    offset,
                });
            }
        }
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
    match format {
        Format::Markdown => markdown::parse(text, options),
        Format::PlainText => plain::parse(text),
    }
}
