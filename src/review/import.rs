//! Reviewed work back into the memory: the review page's corrections files and XLIFF from
//! CAT tools. Either a whole file is stored or none of it.
//!
//! What is stored is keyed by the protected source as the file carries it, so the next
//! `verso translate` with the same glossary finds it and writes it without the engine. An
//! XLIFF unit still in the `translated` state whose target is what the memory already holds
//! is the machine's text coming back unread, and is not promoted to reviewed.

use std::path::{Path, PathBuf};

use super::corrections::{self, CorrectionsError};
use super::xliff::{self, State};
use crate::backend::LanguagePair;
use crate::i18n::{Localized, Message};
use crate::memory::{HumanItem, HumanStatus, Memory, MemoryError};
use crate::msg;
use crate::segment::Segment;

/// What an import stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The language pair.
    pub pair: LanguagePair,
    /// Stored as approved.
    pub approved: usize,
    /// Stored as reviewed.
    pub reviewed: usize,
    /// Left out: no target, or a machine translation coming back unchanged.
    pub skipped: usize,
    /// Not stored: the memory keeps a better or newer human translation (see
    /// [`crate::memory::precedence`]).
    pub kept: usize,
}

/// A file that could not be imported (nothing of it was stored). A wrapped error says what
/// its cause says, without a second link in the chain.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A corrections file.
    #[error(transparent)]
    Corrections(#[from] CorrectionsError),
    /// An XLIFF file.
    #[error("{}", crate::i18n::describe(self))]
    Xliff {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The unit at fault, if one is.
        unit: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// The file names no usable language.
    #[error("{}", crate::i18n::describe(self))]
    Language {
        /// The file.
        path: PathBuf,
        /// The tag it gives.
        tag: String,
    },
    /// The memory.
    #[error(transparent)]
    Memory(#[from] MemoryError),
}

impl Localized for ImportError {
    fn message(&self) -> Message {
        match self {
            ImportError::Corrections(e) => e.message(),
            ImportError::Xliff {
                path,
                line,
                unit: Some(unit),
                reason,
            } => msg!(
                "xliff-unit-error",
                file = path,
                line = *line,
                unit = unit,
                reason = reason
            ),
            ImportError::Xliff {
                path, line, reason, ..
            } => msg!("xliff-error", file = path, line = *line, reason = reason),
            ImportError::Language { path, tag } => {
                msg!("import-language", file = path, tag = tag)
            }
            ImportError::Memory(e) => e.message(),
        }
    }
}

fn pair(path: &Path, source: &str, target: &str) -> Result<LanguagePair, ImportError> {
    let parse = |tag: &str| {
        crate::locale::parse(tag).map_err(|_| ImportError::Language {
            path: path.to_path_buf(),
            tag: tag.to_string(),
        })
    };
    Ok(LanguagePair {
        source: parse(source)?,
        target: parse(target)?,
    })
}

/// Imports a review page's corrections file.
pub fn corrections(memory: &Memory, path: &Path) -> Result<Imported, ImportError> {
    let (file, accepted) = corrections::read(path)?;
    let pair = pair(path, &file.source_lang, &file.target_lang)?;
    let changed_at = file
        .saved_at
        .unwrap_or_else(|| crate::reading::modified(path));
    let items: Vec<(Segment, Segment, HumanStatus)> = accepted
        .into_iter()
        .map(|a| (a.source, a.target, a.status))
        .collect();
    store(memory, pair, items, 0, "review", changed_at)
}

/// Imports a reviewed XLIFF 2.x or 1.2 file.
pub fn xliff(memory: &Memory, path: &Path) -> Result<Imported, ImportError> {
    let xliff_err = |line: usize, unit: Option<String>, reason: String| ImportError::Xliff {
        path: path.to_path_buf(),
        line,
        unit,
        reason,
    };
    let bytes = crate::reading::bytes(path).map_err(|e| xliff_err(0, None, e.to_string()))?;
    let file = xliff::read(&bytes).map_err(|e| xliff_err(e.line, e.unit, e.reason))?;
    let pair = pair(path, &file.source_lang, &file.target_lang)?;
    let keys: Vec<String> = file.units.iter().map(|u| u.source.key()).collect();
    let known = memory.lookup_best(&pair, &keys)?;
    let mut items = Vec::new();
    let mut skipped = 0;
    for (unit, key) in file.units.into_iter().zip(&keys) {
        let Some(target) = unit.target.filter(Segment::has_text) else {
            skipped += 1;
            continue;
        };
        let status = match unit.state {
            State::Final => HumanStatus::Approved,
            State::Reviewed => HumanStatus::Reviewed,
            State::Translated => {
                let unchanged = known
                    .get(key)
                    .is_some_and(|e| e.target.canonical() == target.canonical());
                if unchanged {
                    skipped += 1;
                    continue;
                }
                HumanStatus::Reviewed
            }
            State::Initial => {
                skipped += 1;
                continue;
            }
        };
        items.push((unit.source, target.normalized(), status));
    }
    store(
        memory,
        pair,
        items,
        skipped,
        "xliff",
        crate::reading::modified(path),
    )
}

/// Stores what a file brought, as the memory's precedence allows; `changed_at` is when the
/// work in the file was done.
fn store(
    memory: &Memory,
    pair: LanguagePair,
    items: Vec<(Segment, Segment, HumanStatus)>,
    skipped: usize,
    origin: &str,
    changed_at: i64,
) -> Result<Imported, ImportError> {
    let human: Vec<HumanItem> = items
        .iter()
        .map(|(source, target, status)| HumanItem {
            source,
            target,
            status: *status,
            changed_at,
            names: &[],
        })
        .collect();
    let done = memory.store_human(&pair, &human, origin)?;
    Ok(Imported {
        pair,
        approved: done.approved,
        reviewed: done.stored - done.approved,
        skipped,
        kept: done.kept,
    })
}
