//! The review page's corrections file: what a reviewer edited and approved, back into memory.
//!
//! The page writes one JSON file per article and locale. Each block carries its protected
//! source (canonical form), that source's memory key, and the target as the reviewer left it —
//! text with the page's placeholder chips written as `<1>`, `</1>`, `<2/>`, `<n1/>`. Importing
//! checks every block before storing anything: the key must match the source (a file edited
//! by hand or for another article is refused), and the target must carry every placeholder of
//! the source exactly once, opening before closing. One bad block stops the whole file, so a
//! reviewer never gets half their corrections stored without noticing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Localized, Message};
use crate::memory::HumanStatus;
use crate::msg;
use crate::segment::{Piece, Segment};

/// The `format` value of a corrections file.
pub const FORMAT: &str = "verso-corrections";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// A corrections file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The article, as the page named it.
    pub file: String,
    /// Source language tag.
    pub source_lang: String,
    /// Target language tag.
    pub target_lang: String,
    /// When the reviewer saved the file (seconds since the epoch; the page writes it). Without
    /// it, the file's modification time says when the work was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<i64>,
    /// Corrected or approved blocks.
    pub blocks: Vec<CorrectedBlock>,
}

/// One corrected or approved block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectedBlock {
    /// Block index in the article.
    pub block: usize,
    /// Its source line.
    #[serde(default)]
    pub line: usize,
    /// Memory key of the source.
    pub key: String,
    /// The protected source, canonical form.
    pub source: String,
    /// The target, canonical form.
    pub target: String,
    /// `reviewed` or `approved`.
    pub status: String,
    /// Whether the reviewer changed the text (rather than only approving it).
    #[serde(default)]
    pub edited: bool,
}

/// A corrections file that cannot be imported.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum CorrectionsError {
    /// Not readable, or not JSON of this shape.
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Another format or a newer version.
    Format {
        /// The file.
        path: PathBuf,
        /// What it says it is.
        found: String,
    },
    /// Blocks that cannot be stored (none of the file was).
    Blocks {
        /// The file.
        path: PathBuf,
        /// One line per bad block.
        problems: Vec<String>,
    },
}

impl Localized for CorrectionsError {
    fn message(&self) -> Message {
        match self {
            CorrectionsError::Read { path, reason } => {
                msg!("corrections-read", file = path, reason = reason)
            }
            CorrectionsError::Format { path, found } => {
                msg!("corrections-format", file = path, found = found)
            }
            CorrectionsError::Blocks { path, problems } => msg!(
                "corrections-blocks",
                file = path,
                count = problems.len(),
                problems = problems.join("\n")
            ),
        }
    }
}

/// What is wrong with a corrected target's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeProblem {
    /// A source placeholder is not in the target.
    Missing(String),
    /// A placeholder is there twice.
    Doubled(String),
    /// A placeholder the source does not have.
    Unknown(String),
    /// A closing placeholder before its opening one.
    Order(String),
}

impl Localized for CodeProblem {
    fn message(&self) -> Message {
        match self {
            CodeProblem::Missing(c) => msg!("code-missing", code = c),
            CodeProblem::Doubled(c) => msg!("code-doubled", code = c),
            CodeProblem::Unknown(c) => msg!("code-unknown", code = c),
            CodeProblem::Order(c) => msg!("code-order", code = c),
        }
    }
}

/// Checks that `target` has every placeholder of `source` exactly once and none other, each
/// closing one after its opening one.
pub fn check_codes(source: &Segment, target: &Segment) -> Result<(), CodeProblem> {
    let s: Vec<String> = source.pieces.iter().filter_map(Piece::token).collect();
    let t: Vec<String> = target.pieces.iter().filter_map(Piece::token).collect();
    for code in &t {
        if !s.contains(code) {
            return Err(CodeProblem::Unknown(code.clone()));
        }
        if t.iter().filter(|x| *x == code).count() > 1 {
            return Err(CodeProblem::Doubled(code.clone()));
        }
    }
    if let Some(code) = s.iter().find(|c| !t.contains(c)) {
        return Err(CodeProblem::Missing(code.clone()));
    }
    let mut open = std::collections::HashSet::new();
    for p in &target.pieces {
        match p {
            Piece::Open(id) => {
                open.insert(*id);
            }
            Piece::Close(id) if !open.contains(id) => {
                return Err(CodeProblem::Order(
                    Piece::Close(*id).token().unwrap_or_default(),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A block ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// The protected source.
    pub source: Segment,
    /// The corrected target.
    pub target: Segment,
    /// How it is stored.
    pub status: HumanStatus,
}

/// Reads a corrections file and checks every block; nothing is returned unless every block is
/// good.
pub fn read(path: &Path) -> Result<(Corrections, Vec<Accepted>), CorrectionsError> {
    let read_err = |reason: String| CorrectionsError::Read {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = crate::reading::bytes(path).map_err(|e| read_err(e.to_string()))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| read_err(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if format != FORMAT || version != Some(u64::from(VERSION)) {
        return Err(CorrectionsError::Format {
            path: path.to_path_buf(),
            found: format!("{format} {}", version.unwrap_or(0)),
        });
    }
    let file: Corrections = serde_json::from_value(value).map_err(|e| read_err(e.to_string()))?;
    let accepted = validate(&file).map_err(|problems| CorrectionsError::Blocks {
        path: path.to_path_buf(),
        problems,
    })?;
    Ok((file, accepted))
}

/// Every block checked; the problems, one rendered line per bad block, if any.
pub fn validate(file: &Corrections) -> Result<Vec<Accepted>, Vec<String>> {
    let mut accepted = Vec::new();
    let mut problems = Vec::new();
    for b in &file.blocks {
        let problem = |m: Message| {
            i18n::render(&msg!(
                "corrections-block",
                block = b.block,
                line = b.line,
                reason = i18n::render(&m)
            ))
        };
        let source = Segment::parse_canonical(&b.source);
        if source.key() != b.key {
            problems.push(problem(msg!("corrections-key")));
            continue;
        }
        let Some(status) = HumanStatus::parse(&b.status) else {
            problems.push(problem(msg!("corrections-status", status = &b.status)));
            continue;
        };
        let target = Segment::parse_canonical(&b.target).normalized();
        if source.has_text() && !target.has_text() {
            problems.push(problem(msg!("corrections-empty")));
            continue;
        }
        if let Err(p) = check_codes(&source, &target) {
            problems.push(problem(p.message()));
            continue;
        }
        accepted.push(Accepted {
            source,
            target,
            status,
        });
    }
    if problems.is_empty() {
        Ok(accepted)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> Segment {
        Segment::parse_canonical(s)
    }

    #[test]
    fn placeholders_must_all_come_back_once_and_in_order() {
        let source = seg("The <1>army</1> said <2/> to <n1/>.");
        assert_eq!(
            check_codes(&source, &seg("<n1/>: el <1>ejército</1> dijo <2/>.")),
            Ok(())
        );
        assert_eq!(
            check_codes(&source, &seg("El <1>ejército</1> dijo.")),
            Err(CodeProblem::Missing("<2/>".into()))
        );
        assert_eq!(
            check_codes(&source, &seg("<n1/> <1>a</1> <2/> <2/>")),
            Err(CodeProblem::Doubled("<2/>".into()))
        );
        assert_eq!(
            check_codes(&source, &seg("<n1/> <1>a</1> <2/> <3/>")),
            Err(CodeProblem::Unknown("<3/>".into()))
        );
        assert_eq!(
            check_codes(&source, &seg("<n1/> </1>a<1> <2/>")),
            Err(CodeProblem::Order("</1>".into()))
        );
    }

    #[test]
    fn one_bad_block_refuses_the_file() {
        let source = seg("Hello <1>world</1>.");
        let good = CorrectedBlock {
            block: 0,
            line: 1,
            key: source.key(),
            source: source.canonical(),
            target: "Hola <1>mundo</1>.".into(),
            status: "approved".into(),
            edited: true,
        };
        let bad = CorrectedBlock {
            block: 4,
            line: 9,
            target: "Hola mundo.".into(),
            ..good.clone()
        };
        let file = Corrections {
            format: FORMAT.into(),
            version: VERSION,
            file: "a.md".into(),
            source_lang: "en".into(),
            target_lang: "es".into(),
            saved_at: None,
            blocks: vec![good.clone(), bad],
        };
        let problems = validate(&file).expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains('4') && problems[0].contains('9'),
            "{problems:?}"
        );
        let only_good = Corrections {
            blocks: vec![good],
            ..file
        };
        let accepted = validate(&only_good).expect("accepted");
        assert_eq!(accepted[0].target.canonical(), "Hola <1>mundo</1>.");
        assert_eq!(accepted[0].status, HumanStatus::Approved);
        // A status the page never writes is a problem naming it, not a silent "reviewed".
        let mut odd = only_good.blocks[0].clone();
        odd.status = "final".into();
        let problems = validate(&Corrections {
            blocks: vec![odd],
            ..only_good
        })
        .expect_err("refused");
        assert!(problems[0].contains("final"), "{problems:?}");
    }
}
