//! Drives a batch: inputs → documents → memory → engine → restore → atomic output → report.
//!
//! Work is planned per target locale. Every block's protected segment is looked up in the
//! memory first; what is missing is deduplicated (a credit line repeated in fifty articles is
//! sent once), cut into batches of the engine's size, and kept in flight up to `jobs` segments.
//! Each batch is committed to the memory as it arrives, and each file is written (atomically)
//! as soon as its last block is in, so a killed run loses at most the batches in flight and a
//! rerun asks the engine only for what is missing. One file's problem is reported and the rest
//! of the batch goes on.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

mod finish;
mod render;
mod review_pages;

use futures::StreamExt;
use unic_langid::LanguageIdentifier;

use crate::backend::{Engine, EngineError, LanguagePair, Translation};
use crate::check::{CheckConfig, Checker};
use crate::document::{BlockId, Document};
use crate::enforce::{self, Enforced, TermsMode};
use crate::format::{self, ReadOptions};
use crate::glossary::Glossary;
use crate::i18n::{self, Localized, Message};
use crate::inputs::{self, Input};
use crate::memory::{MachineItem, Memory, MemoryError};
use crate::msg;
use crate::output;
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
    /// Where review pages go (`<dir>/<locale>/<relative path>.html` and `<dir>/index.html`);
    /// `None`: no pages.
    pub review: Option<PathBuf>,
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
        ..Report::default()
    };
    let (found, input_errors) = inputs::collect(
        &job.paths,
        &job.extensions,
        std::slice::from_ref(&job.out_dir),
    );
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
        let (files, failures, entries, c) = result?;
        report.files.extend(files);
        report.failures.extend(failures);
        pages.extend(entries);
        counts.translated += c.translated;
        counts.failed += c.failed;
        counts.unsent += c.unsent;
    }
    if let Some(dir) = &job.review
        && !pages.is_empty()
    {
        match review_pages::write_index(dir, pages) {
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

pub(crate) use render::issue_for as structure_issue;
pub use render::render_document;

/// What one locale's run produced: files written, failures, review index entries, and what
/// the engine did.
type LocaleResult = (
    Vec<FileReport>,
    Vec<Failure>,
    Vec<crate::review::html::IndexEntry>,
    EngineCounts,
);

/// What happened to the distinct segments the memory did not have, whether or not their files
/// could be written: a run stopped by a bad key still paid for what it stored.
#[derive(Debug, Default, Clone, Copy)]
struct EngineCounts {
    /// Translated by the engine and stored.
    translated: usize,
    /// Asked, but the engine failed for them.
    failed: usize,
    /// Never sent: the run stopped first.
    unsent: usize,
}

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

/// What an engine answered for a batch, made safe to store whatever the engine: one result per
/// segment (a missing one is a failure, so no file waits forever for it), and an empty
/// translation of a segment with words is a failure of that segment, never a result (stored,
/// it would be replayed from the memory forever after).
fn checked(
    engine: &str,
    batch: &[usize],
    misses: &[Miss],
    mut translations: Vec<Result<Translation, EngineError>>,
) -> Vec<Result<Translation, EngineError>> {
    let failed = |why: Message| EngineError::Failed {
        engine: engine.to_string(),
        detail: i18n::render(&why),
    };
    translations.truncate(batch.len());
    while translations.len() < batch.len() {
        translations.push(Err(failed(msg!("engine-no-result"))));
    }
    batch
        .iter()
        .zip(translations)
        .map(|(&m, r)| match r {
            Ok(t) if misses[m].segment.has_text() && !t.segment.has_text() => {
                Err(failed(msg!("engine-empty")))
            }
            other => other,
        })
        .collect()
}

/// One distinct segment the engine must translate, and every block waiting for it.
struct Miss {
    segment: Segment,
    waiting: Vec<(usize, BlockId)>,
    /// The forms of its glossary names (of the first block waiting), kept with it in the
    /// memory for exports.
    names: crate::memory::NameForms,
}

async fn translate_locale(
    job: &Job,
    docs: &[(Input, Document)],
    pair: &LanguagePair,
    progress: &dyn Progress,
    evidence: &crate::check::names::Evidence,
) -> Result<LocaleResult, RunError> {
    let locale = pair.target.to_string();
    let checker = || {
        Checker::new(
            &pair.source.to_string(),
            &locale,
            job.glossary.clone().filter(|_| job.terms != TermsMode::Off),
            job.checks.clone().unwrap_or_default(),
            evidence.clone(),
        )
    };
    let mut checks = job.checks.as_ref().map(|_| finish::LocaleChecks {
        checker: checker(),
        batch: Default::default(),
        read_options: job.read_options.clone(),
        written: Default::default(),
    });
    let mut file_of: HashMap<usize, usize> = HashMap::new();
    let out_root = job.out_dir.join(&locale);
    // What a killed run left in the directories this locale writes into.
    output::remove_stale_temporaries(&out_root);
    if let Some(dir) = &job.review {
        output::remove_stale_temporaries(&dir.join(&locale));
    }
    let fingerprint = job.engine.fingerprint(pair);

    let enforcer = enforce::enforcer_for(
        job.glossary.as_ref(),
        job.terms,
        &pair.source.to_string(),
        &locale,
    );
    let enforced: Vec<Vec<Enforced>> = docs
        .iter()
        .map(|(_, d)| enforce::protect(d, enforcer.as_ref()))
        .collect();
    let segments: Vec<Vec<Segment>> = enforced
        .iter()
        .map(|blocks| blocks.iter().map(|e| e.segment.clone()).collect())
        .collect();
    let keys: Vec<String> = segments.iter().flatten().map(Segment::key).collect();
    let hits = job.memory.lookup_many(pair, &fingerprint, &keys)?;

    let mut states: Vec<DocState> = Vec::with_capacity(docs.len());
    let mut misses: Vec<Miss> = Vec::new();
    let mut miss_index: HashMap<String, usize> = HashMap::new();
    let mut total_blocks = 0u64;
    let mut keys = keys.into_iter();
    for (d, segs) in segments.iter().enumerate() {
        let mut state = DocState {
            targets: vec![None; segs.len()],
            names: enforced[d].iter().map(|e| e.names.clone()).collect(),
            terms: enforced[d]
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.found.is_empty())
                .map(|(block, e)| BlockTerms {
                    block,
                    enforced: e.enforced.clone(),
                    found: e.found.clone(),
                })
                .collect(),
            unknown: vec![Vec::new(); segs.len()],
            statuses: vec![None; segs.len()],
            restore_issues: 0,
            pending: 0,
            engine_calls: 0,
            errors: Vec::new(),
        };
        for (b, (seg, key)) in segs.iter().zip(keys.by_ref()).enumerate() {
            total_blocks += 1;
            if let Some(entry) = hits.get(&key) {
                state.targets[b] = Some(entry.target.clone());
                state.unknown[b] = entry.unknown_words.clone();
                state.statuses[b] = Some(entry.status.clone());
                continue;
            }
            state.pending += 1;
            match miss_index.get(&key) {
                Some(&m) => misses[m].waiting.push((d, b)),
                None => {
                    miss_index.insert(key, misses.len());
                    state.engine_calls += 1;
                    let e = &enforced[d][b];
                    misses.push(Miss {
                        segment: seg.clone(),
                        waiting: vec![(d, b)],
                        names: e
                            .source_names
                            .iter()
                            .cloned()
                            .zip(e.names.iter().cloned())
                            .collect(),
                    });
                }
            }
        }
        states.push(state);
    }
    progress.planned(&locale, total_blocks);
    progress.advance(total_blocks - states.iter().map(|s| s.pending as u64).sum::<u64>());

    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut finish = |d: usize, state: &mut DocState| {
        let (input, doc) = &docs[d];
        match finish::finish_document(d, doc, input, state, &out_root, &locale, checks.as_mut()) {
            Ok(file) => {
                progress.wrote(&file);
                file_of.insert(d, files.len());
                files.push(file);
            }
            Err(failure) => {
                progress.failed(&failure);
                failures.push(failure);
            }
        }
    };
    for (d, state) in states.iter_mut().enumerate() {
        if state.pending == 0 {
            finish(d, state);
        }
    }

    let (batch_size, engine_in_flight) = job.engine.batching();
    let batch_size = batch_size.max(1);
    let batches: Vec<Vec<usize>> = (0..misses.len())
        .collect::<Vec<_>>()
        .chunks(batch_size)
        .map(<[usize]>::to_vec)
        .collect();
    let in_flight = job
        .jobs
        .max(1)
        .div_ceil(batch_size)
        .max(engine_in_flight)
        .max(1);
    // Engine calls run as tasks of their own, so requests keep flowing while this loop is busy
    // storing and writing (with many requests in flight, a loop that drove them itself would
    // start each wave late by the time it took to commit the last one). After a fatal error no
    // new batch starts, but the batches already in flight are awaited and stored: what the
    // service answered before it stopped is paid for and must not be asked again.
    let engine = Arc::clone(&job.engine);
    let stopping = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut results = futures::stream::iter(batches)
        .map(|batch| {
            let engine = Arc::clone(&engine);
            let pair = pair.clone();
            let stopped = stopping.load(std::sync::atomic::Ordering::Relaxed);
            let segs: Vec<Segment> = batch.iter().map(|&m| misses[m].segment.clone()).collect();
            let task = (!stopped)
                .then(|| tokio::spawn(async move { engine.translate(&pair, &segs).await }));
            async move {
                match task {
                    Some(task) => (batch, Some(task.await)),
                    None => (batch, None),
                }
            }
        })
        .buffer_unordered(in_flight);

    let mut fatal: Option<EngineError> = None;
    let mut counts = EngineCounts::default();
    while let Some((batch, joined)) = results.next().await {
        let Some(joined) = joined else {
            counts.unsent += batch.len(); // not started: the run is stopping
            continue;
        };
        let result = joined.unwrap_or_else(|e| {
            Err(EngineError::Failed {
                engine: job.engine.name().to_string(),
                detail: e.to_string(),
            })
        });
        let translations = match result {
            Ok(t) => checked(job.engine.name(), &batch, &misses, t),
            Err(e) => {
                stopping.store(true, std::sync::atomic::Ordering::Relaxed);
                counts.failed += batch.len();
                fatal.get_or_insert(e);
                continue;
            }
        };
        for r in &translations {
            match r {
                Err(e) if e.was_not_sent() => counts.unsent += 1,
                Err(_) => counts.failed += 1,
                Ok(_) => {}
            }
        }
        // Filed under the engine that made each (a chain's fallback has its own fingerprint).
        let mut stored: Vec<(&str, Vec<MachineItem>)> = Vec::new();
        for (&m, r) in batch.iter().zip(&translations) {
            let Ok(t) = r else { continue };
            let origin = t.origin.as_deref().unwrap_or(&fingerprint);
            let item = MachineItem {
                source: &misses[m].segment,
                translation: t,
                names: &misses[m].names,
            };
            match stored.iter_mut().find(|(o, _)| *o == origin) {
                Some((_, items)) => items.push(item),
                None => stored.push((origin, vec![item])),
            }
        }
        for (origin, items) in &stored {
            job.memory.store_machine(pair, origin, items)?;
            counts.translated += items.len();
        }
        if let Some(e) = translations
            .iter()
            .find_map(|r| r.as_ref().err().filter(|e| e.is_fatal()))
        {
            stopping.store(true, std::sync::atomic::Ordering::Relaxed);
            fatal.get_or_insert_with(|| e.clone());
        }
        for (&m, result) in batch.iter().zip(translations) {
            for &(d, b) in &misses[m].waiting {
                let state = &mut states[d];
                match &result {
                    Ok(t) => {
                        state.targets[b] = Some(t.segment.clone());
                        state.unknown[b] = t.unknown_words.clone();
                        state.statuses[b] = Some("machine".to_string());
                    }
                    Err(e) => state.errors.push(i18n::render(&msg!(
                        "block-failed",
                        block = b,
                        line = docs[d].1.blocks[b].line,
                        reason = i18n::describe(e)
                    ))),
                }
                state.pending -= 1;
                progress.advance(1);
                if state.pending == 0 {
                    finish(d, state);
                }
            }
        }
    }
    drop(results);
    if let Some(e) = fatal {
        let reason = i18n::describe(&e);
        for (d, state) in states.iter_mut().enumerate() {
            if state.pending > 0 {
                state.errors.push(reason.clone());
                state.pending = 0;
                finish(d, state);
            }
        }
    }
    if let Some(checks) = &checks {
        let labels: Vec<String> = docs
            .iter()
            .map(|(i, _)| i.relative.display().to_string())
            .collect();
        for (d, issue) in finish::batch_issues(checks, &labels) {
            if let Some(&pos) = file_of.get(&d) {
                files[pos].issues.push(issue);
            }
        }
    }
    let mut pages = Vec::new();
    if let Some(dir) = &job.review {
        let checker = match checks.take() {
            Some(c) => c.checker,
            None => checker(),
        };
        let page = review_pages::Locale {
            dir,
            locale: &locale,
            checker: &checker,
            read_options: &job.read_options,
        };
        for (&d, &pos) in &file_of {
            match page.write(&docs[d], &enforced[d], &states[d], &mut files[pos]) {
                Ok(entry) => pages.push(entry),
                Err(failure) => {
                    progress.failed(&failure);
                    failures.push(failure);
                }
            }
        }
    }
    Ok((files, failures, pages, counts))
}
