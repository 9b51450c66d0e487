//! Stage 1 of a locale: what is there to do. Every block is protected (glossary names cut
//! out), looked up in the memory, and what the memory lacks is deduplicated into the distinct
//! segments the engine must translate, each with every block waiting for it (a credit line
//! repeated in fifty articles is sent once).

use std::collections::HashMap;

use super::{DocState, Job, RunError};
use crate::backend::LanguagePair;
use crate::document::{BlockId, Document};
use crate::enforce::{self, Enforced};
use crate::inputs::Input;
use crate::report::BlockTerms;
use crate::segment::Segment;

/// One distinct segment the engine must translate, and every block waiting for it.
pub(crate) struct Miss {
    pub segment: Segment,
    pub waiting: Vec<(usize, BlockId)>,
    /// The forms of its glossary names (of the first block waiting), kept with it in the
    /// memory for exports.
    pub names: crate::memory::NameForms,
}

/// The work of one locale.
pub(crate) struct Plan {
    /// Per document, per block: the protected segment and its names.
    pub enforced: Vec<Vec<Enforced>>,
    /// Per document: what is known so far (memory hits filled in).
    pub states: Vec<DocState>,
    /// What the engine must translate.
    pub misses: Vec<Miss>,
    /// Blocks in all documents.
    pub total_blocks: u64,
}

impl Plan {
    /// Plans a locale: protects every block, looks every segment up in the memory (human
    /// translations, or this engine's), and gathers the rest.
    pub fn make(
        job: &Job,
        docs: &[(Input, Document)],
        pair: &LanguagePair,
        fingerprint: &str,
    ) -> Result<Plan, RunError> {
        let enforcer = enforce::enforcer_for(
            job.glossary.as_ref(),
            job.terms,
            &pair.source.to_string(),
            &pair.target.to_string(),
        );
        let enforced: Vec<Vec<Enforced>> = docs
            .iter()
            .map(|(_, d)| enforce::protect(d, enforcer.as_ref()))
            .collect();
        let keys: Vec<String> = enforced.iter().flatten().map(|e| e.segment.key()).collect();
        let hits = job.memory.lookup_many(pair, fingerprint, &keys)?;

        let mut states: Vec<DocState> = Vec::with_capacity(docs.len());
        let mut misses: Vec<Miss> = Vec::new();
        let mut miss_index: HashMap<String, usize> = HashMap::new();
        let mut total_blocks = 0u64;
        let mut keys = keys.into_iter();
        for (d, blocks) in enforced.iter().enumerate() {
            let mut state = DocState::new(blocks);
            for (b, (e, key)) in blocks.iter().zip(keys.by_ref()).enumerate() {
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
                        misses.push(Miss {
                            segment: e.segment.clone(),
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
        Ok(Plan {
            enforced,
            states,
            misses,
            total_blocks,
        })
    }

    /// Blocks still waiting for the engine.
    pub fn pending(&self) -> u64 {
        self.states.iter().map(|s| s.pending as u64).sum()
    }
}

impl DocState {
    /// The state of a document before the memory and the engine are asked.
    fn new(blocks: &[Enforced]) -> DocState {
        DocState {
            targets: vec![None; blocks.len()],
            names: blocks.iter().map(|e| e.names.clone()).collect(),
            terms: blocks
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.found.is_empty())
                .map(|(block, e)| BlockTerms {
                    block,
                    enforced: e.enforced.clone(),
                    found: e.found.clone(),
                })
                .collect(),
            unknown: vec![Vec::new(); blocks.len()],
            statuses: vec![None; blocks.len()],
            restore_issues: 0,
            pending: 0,
            engine_calls: 0,
            errors: Vec::new(),
        }
    }
}
