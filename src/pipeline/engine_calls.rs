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
use crate::memory::claims::Claim;
use crate::memory::{MachineItem, MemoryError};
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

/// What a batch of segments became once claimed: the ones this worker sends, the ones another
/// worker is sending, the ones already in the memory, and the engine's answer for the first.
struct Claimed {
    mine: Vec<usize>,
    held: Vec<usize>,
    landed: Vec<usize>,
    answer: Option<Result<Vec<Result<Translation, EngineError>>, EngineError>>,
}

/// Asks the engine for everything `plan` lacks, stores and delivers the answers; documents
/// still waiting when a fatal error stopped the engine are finished as failed.
///
/// Each batch is claimed in the memory before it is sent ([`crate::memory::claims`]): what
/// another worker sharing the memory is sending is not sent again, but waited for, round after
/// round, until its translation lands or its claim runs out and this worker takes it over.
pub(crate) async fn run(
    job: &Job,
    docs: &[(Input, Document)],
    pair: &LanguagePair,
    fingerprint: &str,
    plan: &mut Plan,
    writer: &mut Writer<'_>,
    progress: &dyn Progress,
) -> Result<EngineCounts, RunError> {
    let mut counts = EngineCounts::default();
    let mut todo: Vec<usize> = (0..plan.misses.len()).collect();
    let mut pause = MIN_POLL;
    // In the first round a segment counts as stored only by this engine (a fallback's
    // translation from an earlier run is asked of the first engine again); once it was held,
    // another worker of this batch asked the first engine, and a fallback's answer stands.
    let chain_stand_ins = job.engine.stand_ins(pair);
    let mut stand_ins: &[String] = &[];
    let fatal = loop {
        let round = send(
            job,
            docs,
            pair,
            (fingerprint, stand_ins),
            plan,
            writer,
            progress,
            &todo,
            &mut counts,
        )
        .await?;
        if round.fatal.is_some() || round.held.is_empty() {
            break round.fatal;
        }
        // Another worker is translating these: wait for them to land in the memory, or for
        // its claims to run out.
        if round.progressed {
            pause = MIN_POLL;
        } else {
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(MAX_POLL);
        }
        todo = round.held;
        stand_ins = &chain_stand_ins;
    };
    if let Some(e) = fatal {
        let reason = i18n::describe(&e);
        for (d, state) in plan.states.iter_mut().enumerate() {
            if state.pending > 0 {
                state.errors.push(reason.clone());
                state.pending = 0;
                writer.finish(d, state);
            }
        }
    }
    Ok(counts)
}

/// How often a worker looks for segments another worker is translating: at first soon, then
/// less and less often.
const MIN_POLL: std::time::Duration = std::time::Duration::from_millis(100);
const MAX_POLL: std::time::Duration = std::time::Duration::from_secs(2);

/// What one round left.
struct Round {
    /// Segments another worker holds.
    held: Vec<usize>,
    /// Whether anything was translated or found in the memory this round.
    progressed: bool,
    /// The error that stopped the engine.
    fatal: Option<EngineError>,
}

/// One round: the segments `todo` claimed batch by batch, sent, stored and delivered.
#[allow(clippy::too_many_arguments)]
async fn send(
    job: &Job,
    docs: &[(Input, Document)],
    pair: &LanguagePair,
    (fingerprint, stand_ins): (&str, &[String]),
    plan: &mut Plan,
    writer: &mut Writer<'_>,
    progress: &dyn Progress,
    todo: &[usize],
    counts: &mut EngineCounts,
) -> Result<Round, RunError> {
    let (batch_size, engine_in_flight) = job.engine.batching();
    let batch_size = batch_size.max(1);
    let batches: Vec<Vec<usize>> = todo.chunks(batch_size).map(<[usize]>::to_vec).collect();
    let in_flight = job
        .jobs
        .max(1)
        .div_ceil(batch_size)
        .max(engine_in_flight)
        .max(1);
    let engine = Arc::clone(&job.engine);
    let stopping = Arc::new(AtomicBool::new(false));
    let (misses, states) = (&plan.misses, &mut plan.states);
    let claims = &job.claims;
    let mut results = futures::stream::iter(batches)
        .map(|batch| {
            let engine = Arc::clone(&engine);
            let pair = pair.clone();
            let stopped = stopping.load(Ordering::Relaxed);
            let keys: Vec<String> = batch.iter().map(|&m| misses[m].segment.key()).collect();
            let memory = Arc::clone(&job.memory);
            let fingerprint = fingerprint.to_string();
            let stand_ins = stand_ins.to_vec();
            let name = job.engine.name().to_string();
            async move {
                if stopped {
                    return Ok((batch, None)); // not started: the run is stopping
                }
                let decided = memory.claim_with(
                    &pair,
                    &fingerprint,
                    &stand_ins,
                    &keys,
                    &claims.owner,
                    claims.lease,
                )?;
                let mut claimed = Claimed {
                    mine: Vec::new(),
                    held: Vec::new(),
                    landed: Vec::new(),
                    answer: None,
                };
                for (&m, c) in batch.iter().zip(decided) {
                    match c {
                        Claim::Mine => claimed.mine.push(m),
                        Claim::Held => claimed.held.push(m),
                        Claim::Landed => claimed.landed.push(m),
                    }
                }
                if !claimed.mine.is_empty() {
                    let segs: Vec<Segment> = claimed
                        .mine
                        .iter()
                        .map(|&m| misses[m].segment.clone())
                        .collect();
                    let keys: Vec<String> = claimed
                        .mine
                        .iter()
                        .map(|&m| misses[m].segment.key())
                        .collect();
                    let asked = pair.clone();
                    let mut task =
                        tokio::spawn(async move { engine.translate(&asked, &segs).await });
                    // An engine may take longer than the lease (a slow model, a queue): the
                    // claims are renewed while it works, so no other worker takes them over
                    // and pays for them again. A renewal that fails costs at worst that.
                    let answer = loop {
                        tokio::select! {
                            done = &mut task => break done,
                            () = tokio::time::sleep(claims.lease / 3) => {
                                let _ = memory.renew_claims(
                                    &pair, &fingerprint, &keys, &claims.owner, claims.lease,
                                );
                            }
                        }
                    };
                    claimed.answer = Some(answer.unwrap_or_else(|e| {
                        Err(EngineError::Failed {
                            engine: name,
                            detail: e.to_string(),
                        })
                    }));
                }
                Ok::<_, MemoryError>((batch, Some(claimed)))
            }
        })
        .buffer_unordered(in_flight);

    let mut round = Round {
        held: Vec::new(),
        progressed: false,
        fatal: None,
    };
    while let Some(result) = results.next().await {
        let (batch, claimed) = result?;
        let Some(claimed) = claimed else {
            counts.unsent += batch.len();
            continue;
        };
        round.held.extend(&claimed.held);
        if !claimed.landed.is_empty() {
            let missing = from_memory(
                job,
                (pair, fingerprint, stand_ins),
                (misses, &mut *states),
                &claimed.landed,
                writer,
                progress,
            )?;
            round.progressed |= missing.len() < claimed.landed.len();
            round.held.extend(missing);
        }
        let Some(answer) = claimed.answer else {
            continue;
        };
        let translations = match answer {
            Ok(t) => checked(job.engine.name(), &claimed.mine, misses, t),
            Err(e) => {
                stopping.store(true, Ordering::Relaxed);
                counts.failed += claimed.mine.len();
                release(job, pair, fingerprint, misses, &claimed.mine)?;
                round.fatal.get_or_insert(e);
                continue;
            }
        };
        let mut failed = Vec::new();
        for (&m, r) in claimed.mine.iter().zip(&translations) {
            match r {
                Err(e) if e.was_not_sent() => {
                    counts.unsent += 1;
                    failed.push(m);
                }
                Err(_) => {
                    counts.failed += 1;
                    failed.push(m);
                }
                Ok(_) => {}
            }
        }
        release(job, pair, fingerprint, misses, &failed)?;
        let stored = store(job, pair, fingerprint, &claimed.mine, misses, &translations)?;
        counts.translated += stored;
        round.progressed |= stored > 0;
        if let Some(e) = translations
            .iter()
            .find_map(|r| r.as_ref().err().filter(|e| e.is_fatal()))
        {
            stopping.store(true, Ordering::Relaxed);
            round.fatal.get_or_insert_with(|| e.clone());
        }
        deliver(
            docs,
            misses,
            states,
            &claimed.mine,
            translations,
            writer,
            progress,
        );
    }
    Ok(round)
}

/// Gives up the claims of segments this worker could not translate.
fn release(
    job: &Job,
    pair: &LanguagePair,
    fingerprint: &str,
    misses: &[Miss],
    which: &[usize],
) -> Result<(), RunError> {
    if which.is_empty() {
        return Ok(());
    }
    let keys: Vec<String> = which.iter().map(|&m| misses[m].segment.key()).collect();
    Ok(job
        .memory
        .release_claims(pair, fingerprint, &keys, &job.claims.owner)?)
}

/// Delivers segments another worker translated (or a reviewer stored) from the memory, as
/// memory hits, this engine's translation first, then its stand-ins'; returns those not
/// there after all.
fn from_memory(
    job: &Job,
    (pair, fingerprint, stand_ins): (&LanguagePair, &str, &[String]),
    (misses, states): (&[Miss], &mut [super::DocState]),
    which: &[usize],
    writer: &mut Writer<'_>,
    progress: &dyn Progress,
) -> Result<Vec<usize>, RunError> {
    let keys: Vec<String> = which.iter().map(|&m| misses[m].segment.key()).collect();
    let mut found = job.memory.lookup_many(pair, fingerprint, &keys)?;
    for other in stand_ins {
        let lacking: Vec<String> = keys
            .iter()
            .filter(|k| !found.contains_key(*k))
            .cloned()
            .collect();
        if lacking.is_empty() {
            break;
        }
        for (k, entry) in job.memory.lookup_many(pair, other, &lacking)? {
            found.entry(k).or_insert(entry);
        }
    }
    let mut missing = Vec::new();
    for (&m, key) in which.iter().zip(&keys) {
        let Some(entry) = found.get(key) else {
            missing.push(m);
            continue;
        };
        let miss = &misses[m];
        // The document charged with asking the engine for it did not.
        if let Some(&(d, _)) = miss.waiting.first() {
            let state = &mut states[d];
            state.engine_calls = state.engine_calls.saturating_sub(1);
        }
        for &(d, b) in &miss.waiting {
            let state = &mut states[d];
            state.targets[b] = Some(entry.target.clone());
            state.unknown[b] = entry.unknown_words.clone();
            state.statuses[b] = Some(entry.status.clone());
            state.pending -= 1;
            progress.advance(1);
            if state.pending == 0 {
                writer.finish(d, state);
            }
        }
    }
    Ok(missing)
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
