//! Drives a batch: inputs → documents → memory → engine → restore → atomic output → report.
//!
//! Work is planned per target locale. Every block's protected segment is looked up in the
//! memory first; what is missing is deduplicated (a credit line repeated in fifty articles is
//! sent once), cut into batches of the engine's size, and kept in flight up to `jobs` segments.
//! Each batch is committed to the memory as it arrives, and each file is written (atomically)
//! as soon as its last block is in, so a killed run loses at most the batches in flight and a
//! rerun asks the engine only for what is missing. One file's problem is reported and the rest
//! of the batch goes on.
//!
//! A locale runs in three stages, one module each, in the order the data flows: `plan`
//! (protect, look up, deduplicate), `engine_calls` (batches in flight, checked, stored,
//! delivered), `writer` (each file written and checked when complete, then the batch findings
//! and the review pages); `finish` writes one document, `render` puts its translations back
//! into the source layout.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

mod dismissed;
mod engine_calls;
mod finish;
mod plan;
mod review_pages;
mod writer;

use engine_calls::EngineCounts;
use plan::Plan;
use writer::Writer;

use unic_langid::LanguageIdentifier;

use crate::backend::{Engine, EngineError, LanguagePair};
use crate::check::{CheckConfig, Checker};
use crate::document::Document;
use crate::enforce::TermsMode;
use crate::format::{self, ReadOptions};
use crate::glossary::Glossary;
use crate::i18n::{self, Localized, Message};
use crate::inputs::{self, Input};
use crate::memory::{Memory, MemoryError};
use crate::report::{BlockTerms, Failure, FileReport, Report};
use crate::segment::Segment;

/// What to translate and how.
pub struct Job {
    /// Files and directories given by the user.
    pub paths: Vec<PathBuf>,
    /// Source language.
    pub source: LanguageIdentifier,
    /// Target languages.
    pub targets: Vec<LanguageIdentifier>,
    /// The engine.
    pub engine: Arc<dyn Engine>,
    /// The translation memory.
    pub memory: Arc<Memory>,
    /// Output root; files go to `<out>/<locale>/<relative path>`.
    pub out_dir: PathBuf,
    /// Segments in flight at once.
    pub jobs: usize,
    /// Reader options.
    pub read_options: ReadOptions,
    /// Extensions read when walking directories.
    pub extensions: Vec<String>,
    /// The glossary (layered from all `--glossary` files), if any.
    pub glossary: Option<Arc<Glossary>>,
    /// What the glossary does.
    pub terms: TermsMode,
    /// The checks to run on what is written (`None`: no checks).
    pub checks: Option<CheckConfig>,
    /// What verso changes in the engine's text before writing it.
    pub localize: crate::localize::Settings,
    /// Where review pages go (`<dir>/<locale>/<relative path>.html` and `<dir>/index.html`);
    /// `None`: no pages.
    pub review: Option<PathBuf>,
    /// Publishing: only articles whose every block is approved are written; the others are
    /// listed as not written.
    pub approved_only: bool,
    /// This worker's part of the batch (`--shard`); `None`: all of it.
    pub shard: Option<crate::shard::Shard>,
    /// How this worker claims the segments it sends, so workers sharing the memory never
    /// send one twice.
    pub claims: Claims,
}

/// A worker's claims on the segments it is about to send.
#[derive(Debug, Clone)]
pub struct Claims {
    /// Who claims ([`crate::memory::claims::owner_id`]).
    pub owner: String,
    /// How long a claim holds without being renewed: a dead worker's segments are taken over
    /// after this long.
    pub lease: std::time::Duration,
}

impl Default for Claims {
    fn default() -> Claims {
        Claims {
            owner: crate::memory::claims::owner_id(),
            lease: std::time::Duration::from_secs(300),
        }
    }
}

/// Receives progress as the batch runs (a progress bar, plain lines, or nothing).
pub trait Progress: Send + Sync {
    /// Planning is done: `blocks` blocks to produce for `locale`.
    fn planned(&self, _locale: &str, _blocks: u64) {}
    /// `blocks` more blocks are done.
    fn advance(&self, _blocks: u64) {}
    /// A file was written.
    fn wrote(&self, _file: &FileReport) {}
    /// Something could not be processed.
    fn failed(&self, _failure: &Failure) {}
}

/// Reports nothing.
pub struct Silent;
impl Progress for Silent {}

/// What stops a whole run. It says what its cause says, and is not a second link in the
/// error chain (`{e:#}` would print the message twice).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The engine cannot serve a pair: nothing was done.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The memory cannot be used.
    #[error(transparent)]
    Memory(#[from] MemoryError),
}

impl Localized for RunError {
    fn message(&self) -> Message {
        match self {
            RunError::Engine(e) => e.message(),
            RunError::Memory(e) => e.message(),
        }
    }
}

/// The language pairs of a run, each checked with the engine: a missing engine or pair is an
/// error before any work (call it before opening the memory or creating outputs).
pub fn check_pairs(
    engine: &dyn Engine,
    source: &LanguageIdentifier,
    targets: &[LanguageIdentifier],
) -> Result<Vec<LanguagePair>, EngineError> {
    targets
        .iter()
        .map(|t| {
            let pair = LanguagePair {
                source: source.clone(),
                target: t.clone(),
            };
            engine.prepare(&pair).map(|()| pair)
        })
        .collect()
}

/// Runs a batch.
pub async fn run(job: &Job, progress: &dyn Progress) -> Result<Report, RunError> {
    let started = Instant::now();
    let pairs = check_pairs(job.engine.as_ref(), &job.source, &job.targets)?;
    for pair in &pairs {
        job.engine.ready(pair).await?;
    }
    let mut report = Report {
        schema: crate::report::SCHEMA_VERSION,
        verso: env!("CARGO_PKG_VERSION").to_string(),
        engine: job.engine.name().to_string(),
        from: job.source.to_string(),
        to: job.targets.iter().map(ToString::to_string).collect(),
        checks_profile: job.checks.as_ref().map(|c| c.profile_name().to_string()),
        ..Report::default()
    };
    let (mut found, input_errors) = inputs::collect(
        &job.paths,
        &job.extensions,
        std::slice::from_ref(&job.out_dir),
    );
    if let Some(shard) = &job.shard {
        found.retain(|input| shard.holds(&input.relative));
        report.shard = Some(format!("{}/{}", shard.index, shard.count));
    }
    for e in input_errors {
        let failure = Failure {
            source: e.path().to_path_buf(),
            locale: None,
            message: i18n::describe(&e),
        };
        progress.failed(&failure);
        report.failures.push(failure);
    }
    let mut docs: Vec<(Input, Document)> = Vec::new();
    for input in found {
        match format::read_file(&input.path, &job.read_options) {
            Ok(doc) => docs.push((input, doc)),
            Err(e) => {
                let failure = Failure {
                    source: input.path.clone(),
                    locale: None,
                    message: i18n::describe(&e),
                };
                progress.failed(&failure);
                report.failures.push(failure);
            }
        }
    }
    report.totals.files = docs.len() + report.failures.len();
    if let (Some(g), true) = (&job.glossary, job.terms != TermsMode::Off) {
        for pair in &pairs {
            let terms = Arc::new(crate::backend::terms::Terms::new(
                Arc::clone(g),
                &pair.source.to_string(),
                &pair.target.to_string(),
            ));
            if let Err(e) = job.engine.use_glossary(pair, terms).await {
                if e.is_fatal() {
                    return Err(RunError::Engine(e));
                }
                report.warnings.push(i18n::describe(&e));
            }
        }
    }
    // What the sources say about which words are names, for the checks (and the review
    // pages' marks); nothing to collect when neither runs.
    let texts: Vec<String> = if job.checks.is_some() || job.review.is_some() {
        docs.iter()
            .flat_map(|(_, d)| d.blocks.iter().map(|b| b.plain_text()))
            .collect()
    } else {
        Vec::new()
    };
    let evidence = crate::check::names::Evidence::collect(texts.iter().map(String::as_str));
    let runs = pairs
        .iter()
        .map(|pair| translate_locale(job, &docs, pair, progress, &evidence));
    let mut pages = Vec::new();
    let mut counts = EngineCounts::default();
    for result in futures::future::join_all(runs).await {
        let (files, failures, entries, c, facts) = result?;
        report.batch_facts.extend(facts);
        report.files.extend(files);
        report.failures.extend(failures);
        pages.extend(entries);
        counts.add(c);
    }
    if let Some(dir) = &job.review
        && !pages.is_empty()
    {
        let name = match &job.shard {
            Some(shard) => format!("index.{}.html", shard.label()),
            None => "index.html".to_string(),
        };
        match review_pages::write_index(dir, &name, pages) {
            Ok(path) => report.review_index = Some(path),
            Err(failure) => {
                progress.failed(&failure);
                report.failures.push(failure);
            }
        }
    }
    report.warnings.extend(job.engine.warnings());
    report.sum();
    report.totals.engine_calls = counts.translated;
    report.totals.engine_failed = counts.failed;
    report.totals.not_sent = counts.unsent;
    report.totals.seconds = (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
    job.engine.shutdown().await;
    Ok(report)
}

/// What one locale's run produced: files written, failures, review index entries, and what
/// the engine did.
type LocaleResult = (
    Vec<FileReport>,
    Vec<Failure>,
    Vec<crate::review::html::IndexEntry>,
    EngineCounts,
    Vec<crate::report::FileFacts>,
);

/// Per-document state while its blocks come in.
pub(crate) struct DocState {
    targets: Vec<Option<Segment>>,
    /// Per block: target forms of its glossary names.
    names: Vec<Vec<String>>,
    /// Blocks where the glossary found or enforced concepts.
    terms: Vec<BlockTerms>,
    /// Per block: the words the engine did not know.
    unknown: Vec<Vec<String>>,
    /// Per block: the memory status of its translation (`machine` for the engine's).
    statuses: Vec<Option<String>>,
    /// How many of the file's issues came from restoring (they name source blocks; the
    /// checks' name target blocks).
    restore_issues: usize,
    pending: usize,
    engine_calls: usize,
    errors: Vec<String>,
}

/// One locale, in the order the data flows: plan (protect, look up, deduplicate), ask the
/// engine (store and deliver as answers arrive, writing each file when complete), then close
/// (batch findings, review pages).
async fn translate_locale(
    job: &Job,
    docs: &[(Input, Document)],
    pair: &LanguagePair,
    progress: &dyn Progress,
    evidence: &crate::check::names::Evidence,
) -> Result<LocaleResult, RunError> {
    let checker = || {
        Checker::new(
            &pair.source.to_string(),
            &pair.target.to_string(),
            job.glossary.clone().filter(|_| job.terms != TermsMode::Off),
            job.checks.clone().unwrap_or_default(),
            evidence.clone(),
        )
    };
    let fingerprint = job.engine.fingerprint(pair);
    let mut plan = Plan::make(job, docs, pair, &fingerprint)?;
    progress.planned(&pair.target.to_string(), plan.total_blocks);
    progress.advance(plan.total_blocks - plan.pending());

    let mut writer = Writer::new(job, docs, pair, checker, progress);
    writer.finish_ready(&mut plan.states);
    let counts = engine_calls::run(
        job,
        docs,
        pair,
        &fingerprint,
        &mut plan,
        &mut writer,
        progress,
    )
    .await?;
    let (files, failures, pages, facts) = writer.close(job, &plan, checker);
    Ok((files, failures, pages, counts, facts))
}
