//! The JSON report of a run (`--report FILE`): per output file and in total, what was
//! translated, what came from memory, what the engine was asked, and what went wrong.
//!
//! The schema is documented in the README; later stages add fields, never rename them.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Schema version of the report; bumped when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

pub mod merge;

/// The whole run.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema: u32,
    /// verso's version.
    pub verso: String,
    /// The engine used.
    pub engine: String,
    /// Source language.
    pub from: String,
    /// Target languages.
    pub to: Vec<String>,
    /// The check profile that ran ("default" without one); absent when no checks ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checks_profile: Option<String>,
    /// Totals over all files and locales.
    pub totals: Totals,
    /// One entry per (input, locale) that was processed.
    pub files: Vec<FileReport>,
    /// Inputs or outputs that could not be processed, with why.
    pub failures: Vec<Failure>,
    /// Problems that did not stop the run (an engine could not use the glossary natively).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The review pages' index, when pages were written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_index: Option<PathBuf>,
    /// The shard this report is of (`K/N`), when the batch was split (`--shard`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// A shard's blocks as the batch rules see them, for `verso report merge` to run the
    /// batch rules over the whole batch (a shard alone sees only its part).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub batch_facts: Vec<FileFacts>,
}

/// What the batch rules need of one written file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileFacts {
    /// The input path, as in its [`FileReport`].
    pub source: PathBuf,
    /// The target locale.
    pub locale: String,
    /// Its checked blocks.
    pub blocks: Vec<BlockFactsOut>,
}

/// One block's facts with where it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BlockFactsOut {
    /// Block index in the written file.
    pub block: usize,
    /// Its line.
    pub line: usize,
    /// The facts.
    #[serde(flatten)]
    pub facts: crate::check::batch::BlockFacts,
}

/// Blocks of a written file by the status of their translation.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct BlockStatuses {
    /// The engine's.
    pub machine: usize,
    /// A reviewer's.
    pub reviewed: usize,
    /// Approved.
    pub approved: usize,
    /// Not known (no translation).
    pub none: usize,
}

impl BlockStatuses {
    /// Counts `statuses` (`machine`, `reviewed`, `approved`, or none).
    pub fn count<'a>(statuses: impl IntoIterator<Item = Option<&'a str>>) -> BlockStatuses {
        let mut out = BlockStatuses::default();
        for s in statuses {
            match s {
                Some("machine") => out.machine += 1,
                Some("reviewed") => out.reviewed += 1,
                Some("approved") => out.approved += 1,
                _ => out.none += 1,
            }
        }
        out
    }

    /// As the review index counts them: machine, reviewed, approved, none.
    pub fn as_array(self) -> [usize; 4] {
        [self.machine, self.reviewed, self.approved, self.none]
    }
}

/// Totals of a run.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Totals {
    /// Input files read.
    pub files: usize,
    /// Output files written.
    pub outputs: usize,
    /// Blocks in all outputs.
    pub blocks: usize,
    /// Blocks served by the translation memory (including repeats within the run).
    pub memory_hits: usize,
    /// Distinct segments the engine translated in this run (all stored in the memory), also
    /// those of files that could not be written.
    pub engine_calls: usize,
    /// Distinct segments the engine was asked for and failed.
    pub engine_failed: usize,
    /// Distinct segments never sent because the run stopped (bad key, quota).
    pub not_sent: usize,
    /// Issues over all files.
    pub issues: usize,
    /// Failures.
    pub failures: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// One input in one locale.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileReport {
    /// The input path.
    pub source: PathBuf,
    /// The target locale.
    pub locale: String,
    /// The output path (absent when the file was not written).
    pub output: Option<PathBuf>,
    /// Translatable blocks.
    pub blocks: usize,
    /// Blocks translated by the engine in this run.
    pub engine_calls: usize,
    /// Blocks served by the memory.
    pub memory_hits: usize,
    /// Words the engine did not know (Apertium's `*` marks), sorted: names to add to a
    /// glossary, or typos in the source.
    pub unknown_words: Vec<String>,
    /// Blocks where glossary concepts were found, and which were enforced.
    pub terms: Vec<BlockTerms>,
    /// Its blocks by the status of their translation.
    #[serde(default)]
    pub statuses: BlockStatuses,
    /// Findings on this file.
    pub issues: Vec<Issue>,
    /// Findings a reviewer dismissed as false alarms on this very text (`verso serve`): kept
    /// out of `issues` and of `--fail-on`, listed with who and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<DismissedIssue>,
    /// What verso changed in the engine's text before writing it (numbers, amounts, dates and
    /// times in the target's forms; the checks' safe fixes).
    pub localized: Vec<crate::localize::Change>,
    /// Its review page, when one was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<PathBuf>,
}

/// A finding a reviewer dismissed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DismissedIssue {
    /// The finding.
    #[serde(flatten)]
    pub issue: Issue,
    /// Who dismissed it.
    pub dismissed_by: String,
    /// Why.
    pub reason: String,
    /// When (seconds since the epoch).
    pub dismissed_at: i64,
}

/// The glossary concepts of one block.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BlockTerms {
    /// Block index.
    pub block: usize,
    /// Concepts whose target form was written by verso (names, do-not-translate).
    pub enforced: Vec<String>,
    /// Every concept found in the block's source.
    pub found: Vec<String>,
}

/// Severity of an issue.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Warning,
    /// Wrong: must be fixed before publishing.
    Error,
}

/// One finding on one block.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Issue {
    /// Rule id, e.g. `structure`.
    pub rule: String,
    /// How bad.
    pub severity: Severity,
    /// Block index in the document (0-based, as `verso segment` numbers them).
    pub block: usize,
    /// Source line of the block (1-based).
    pub line: usize,
    /// The block's source text; for a block longer than [`WHOLE_TEXT`] bytes, an excerpt around
    /// the span starting at byte `source_text_at` of the block (a report stays linear in the
    /// size of the input, however many findings a huge block has).
    pub source_text: String,
    /// Where `source_text` starts in the block, when it is an excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text_at: Option<usize>,
    /// The block's written target text, or an excerpt as for the source.
    pub target_text: String,
    /// Where `target_text` starts in the block, when it is an excerpt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_text_at: Option<usize>,
    /// What is wrong, in the UI language.
    pub message: String,
    /// The Fluent message id, for tools that localize themselves.
    pub message_id: String,
    /// Where in the source block's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<SpanOut>,
    /// Where in the target block's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_span: Option<SpanOut>,
    /// The safe replacement of the target span, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// Blocks up to this many bytes are given whole in an issue; longer ones as an excerpt.
pub const WHOLE_TEXT: usize = 2048;
/// Bytes of context on each side of a span in an excerpt.
const EXCERPT_CONTEXT: usize = 400;

/// A block's text for an issue: whole, or for a long block the part around `span` (at char
/// boundaries, at most about 1,200 bytes) and where that part starts.
pub fn excerpt(text: &str, span: Option<&std::ops::Range<usize>>) -> (String, Option<usize>) {
    if text.len() <= WHOLE_TEXT {
        return (text.to_string(), None);
    }
    let (from, to) = span.map_or((0, 0), |r| (r.start.min(text.len()), r.end.min(text.len())));
    let start = text.floor_char_boundary(from.saturating_sub(EXCERPT_CONTEXT));
    // A span longer than the excerpt (a whole block found untranslated) is shown from its start.
    let end =
        text.ceil_char_boundary((to.max(start) + EXCERPT_CONTEXT).min(start + 3 * EXCERPT_CONTEXT));
    (text[start..end].to_string(), Some(start))
}

/// A span of a block's text in the report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpanOut {
    /// Byte offset in the block's whole text (also when the issue gives an excerpt).
    pub start: usize,
    /// Byte offset in the block's whole text.
    pub end: usize,
    /// The text.
    pub text: String,
}

impl Issue {
    /// An issue from a check finding; `line` is where the block is, `source_text` and
    /// `target_text` the block texts.
    pub fn from_finding(
        f: &crate::check::Finding,
        line: usize,
        source_text: &str,
        target_text: &str,
    ) -> Issue {
        let span = |s: &crate::check::Span| SpanOut {
            start: s.range.start,
            end: s.range.end,
            text: s.text.clone(),
        };
        let (source_text, source_text_at) =
            excerpt(source_text, f.source.as_ref().map(|s| &s.range));
        let (target_text, target_text_at) =
            excerpt(target_text, f.target.as_ref().map(|s| &s.range));
        Issue {
            rule: f.rule.id().to_string(),
            severity: f.severity,
            block: f.block,
            line,
            source_text,
            source_text_at,
            target_text,
            target_text_at,
            message: crate::i18n::render(&f.message),
            message_id: f.message.id.to_string(),
            source_span: f.source.as_ref().map(span),
            target_span: f.target.as_ref().map(span),
            fix: f.fix.as_ref().map(|x| x.replacement.clone()),
        }
    }
}

/// When findings make a run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any error.
    Error,
    /// Any warning or error.
    Warning,
    /// Never (findings are reported only).
    Never,
}

impl FailOn {
    /// Parses `error`, `warning`, `never`.
    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    /// Whether a report fails under this policy.
    pub fn fails(self, report: &Report) -> bool {
        match self {
            FailOn::Error => report.has_issues_at(Severity::Error),
            FailOn::Warning => report.has_issues_at(Severity::Warning),
            FailOn::Never => false,
        }
    }
}

/// An input or output that could not be processed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Failure {
    /// The input path.
    pub source: PathBuf,
    /// The locale, when the failure concerns one output.
    pub locale: Option<String>,
    /// What went wrong and what to do, in the UI language.
    pub message: String,
}

impl Report {
    /// Recomputes the totals from the files and failures (keeps `files` and `seconds`).
    pub fn sum(&mut self) {
        let t = &mut self.totals;
        t.outputs = self.files.iter().filter(|f| f.output.is_some()).count();
        t.blocks = self.files.iter().map(|f| f.blocks).sum();
        t.memory_hits = self.files.iter().map(|f| f.memory_hits).sum();
        // engine_calls, engine_failed and not_sent are counted by the run itself: files that
        // failed are not in `files`, but what the engine did for them happened.
        t.issues = self.files.iter().map(|f| f.issues.len()).sum();
        t.failures = self.failures.len();
    }

    /// Issues by severity: (errors, warnings).
    pub fn issue_counts(&self) -> (usize, usize) {
        let all = self.files.iter().flat_map(|f| &f.issues);
        let errors = all
            .clone()
            .filter(|i| i.severity == Severity::Error)
            .count();
        (errors, all.count() - errors)
    }

    /// Whether any issue has at least `severity`.
    pub fn has_issues_at(&self, severity: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.issues)
            .any(|i| i.severity >= severity)
    }
}
