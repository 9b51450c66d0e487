//! Stage 2 of a locale: asking the engine. The distinct segments the memory lacks are cut into
//! batches of the engine's size and kept in flight up to `jobs` segments; each batch is made
//! safe ([`checked`]), committed to the memory as it arrives, and delivered to the blocks
//! waiting for it, whose documents are written as soon as they are complete.
//!
//! Engine calls run as tasks of their own, so requests keep flowing while the loop here is busy
//! storing and writing (with many requests in flight, a loop that drove them itself would start
//! each wave late by the time it took to commit the last one). After a fatal error no new batch
//! starts, but the batches already in flight are awaited and stored: what the service answered
//! before it stopped is paid for and must not be asked again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::StreamExt;

use super::plan::{Miss, Plan};
use super::writer::Writer;
use super::{Job, Progress, RunError};
use crate::backend::{EngineError, LanguagePair, Translation};
use crate::document::Document;
use crate::i18n::{self, Message};
use crate::inputs::Input;
use crate::memory::MachineItem;
use crate::msg;
use crate::segment::Segment;

/// What happened to the distinct segments the memory did not have, whether or not their files
/// could be written: a run stopped by a bad key still paid for what it stored.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct EngineCounts {
    /// Translated by the engine and stored.
    pub translated: usize,
    /// Asked, but the engine failed for them.
    pub failed: usize,
    /// Never sent: the run stopped first.
    pub unsent: usize,
}

impl EngineCounts {
    /// Adds another locale's counts.
    pub fn add(&mut self, other: EngineCounts) {
        self.translated += other.translated;
        self.failed += other.failed;
        self.unsent += other.unsent;
    }
}

/// Asks the engine for everything `plan` lacks, stores and delivers the answers; documents
/// still waiting when a fatal error stopped the engine are finished as failed.
pub(crate) async fn run(
    job: &Job,
    docs: &[(Input, Document)],
    pair: &LanguagePair,
    fingerprint: &str,
    plan: &mut Plan,
    writer: &mut Writer<'_>,
    progress: &dyn Progress,
) -> Result<EngineCounts, RunError> {
    let (batch_size, engine_in_flight) = job.engine.batching();
    let batch_size = batch_size.max(1);
    let batches: Vec<Vec<usize>> = (0..plan.misses.len())
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
    let engine = Arc::clone(&job.engine);
    let stopping = Arc::new(AtomicBool::new(false));
    let misses = &plan.misses;
    let mut results = futures::stream::iter(batches)
        .map(|batch| {
            let engine = Arc::clone(&engine);
            let pair = pair.clone();
            let stopped = stopping.load(Ordering::Relaxed);
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

    let states = &mut plan.states;
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
            Ok(t) => checked(job.engine.name(), &batch, misses, t),
            Err(e) => {
                stopping.store(true, Ordering::Relaxed);
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
        counts.translated += store(job, pair, fingerprint, &batch, misses, &translations)?;
        if let Some(e) = translations
            .iter()
            .find_map(|r| r.as_ref().err().filter(|e| e.is_fatal()))
        {
            stopping.store(true, Ordering::Relaxed);
            fatal.get_or_insert_with(|| e.clone());
        }
        deliver(docs, misses, states, &batch, translations, writer, progress);
    }
    drop(results);
    if let Some(e) = fatal {
        let reason = i18n::describe(&e);
        for (d, state) in states.iter_mut().enumerate() {
            if state.pending > 0 {
                state.errors.push(reason.clone());
                state.pending = 0;
                writer.finish(d, state);
            }
        }
    }
    Ok(counts)
}

/// Commits a batch's translations to the memory, each filed under the engine that made it (a
/// chain's fallback has its own fingerprint); returns how many were stored.
fn store(
    job: &Job,
    pair: &LanguagePair,
    fingerprint: &str,
    batch: &[usize],
    misses: &[Miss],
    translations: &[Result<Translation, EngineError>],
) -> Result<usize, RunError> {
    let mut stored: Vec<(&str, Vec<MachineItem>)> = Vec::new();
    for (&m, r) in batch.iter().zip(translations) {
        let Ok(t) = r else { continue };
        let origin = t.origin.as_deref().unwrap_or(fingerprint);
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
    let mut n = 0;
    for (origin, items) in &stored {
        job.memory.store_machine(pair, origin, items)?;
        n += items.len();
    }
    Ok(n)
}

/// Gives each waiting block its translation (or its failure) and writes every document that
/// is now complete.
fn deliver(
    docs: &[(Input, Document)],
    misses: &[Miss],
    states: &mut [super::DocState],
    batch: &[usize],
    translations: Vec<Result<Translation, EngineError>>,
    writer: &mut Writer<'_>,
    progress: &dyn Progress,
) {
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
                writer.finish(d, state);
            }
        }
    }
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
