//! A fallback chain: what the first engine cannot translate goes to the next
//! (`translate.fallback = ["apertium"]` after `engine = "deepl"`; the memory always comes
//! first). An engine that fails fatally (bad key, quota) is skipped for the rest of the run.
//! A fallback's translations are filed in the memory under the fallback's own fingerprint, so
//! the next run asks the first engine again rather than replaying the fallback.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;

use super::terms::Terms;
use super::{Engine, EngineError, LanguagePair, Translation};
use crate::segment::Segment;

/// Engines tried in order.
pub struct Chain {
    engines: Vec<Arc<dyn Engine>>,
    down: Vec<AtomicBool>,
    /// Why engines were skipped, once per engine.
    skipped: std::sync::Mutex<Vec<String>>,
}

impl Chain {
    /// `primary`, then `fallbacks` in order.
    pub fn new(primary: Arc<dyn Engine>, fallbacks: Vec<Arc<dyn Engine>>) -> Chain {
        let engines: Vec<Arc<dyn Engine>> = std::iter::once(primary).chain(fallbacks).collect();
        let down = engines.iter().map(|_| AtomicBool::new(false)).collect();
        Chain {
            engines,
            down,
            skipped: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Takes engine `i` out for the rest of the run, remembering why.
    fn skip(&self, i: usize, why: &EngineError) {
        if self.down[i].swap(true, Ordering::Relaxed) {
            return;
        }
        let next = self
            .engines
            .iter()
            .enumerate()
            .find(|(j, _)| *j > i && !self.down[*j].load(Ordering::Relaxed))
            .map_or("", |(_, e)| e.name());
        if let Ok(mut list) = self.skipped.lock() {
            list.push(crate::i18n::render(&crate::msg!(
                "chain-skipped",
                engine = self.engines[i].name(),
                reason = crate::i18n::describe(why),
                next = next
            )));
        }
    }

    fn up(&self) -> impl Iterator<Item = (usize, &Arc<dyn Engine>)> {
        self.engines
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.down[*i].load(Ordering::Relaxed))
    }
}

#[async_trait]
impl Engine for Chain {
    fn name(&self) -> &'static str {
        self.engines[0].name()
    }

    /// Fine when any engine of the chain can serve the pair; those that cannot are skipped.
    fn prepare(&self, pair: &LanguagePair) -> Result<(), EngineError> {
        let mut first_error = None;
        for (i, e) in self.engines.iter().enumerate() {
            if let Err(err) = e.prepare(pair) {
                self.skip(i, &err);
                first_error.get_or_insert(err);
            }
        }
        match (self.up().next(), first_error) {
            (None, Some(e)) => Err(e),
            _ => Ok(()),
        }
    }

    async fn ready(&self, pair: &LanguagePair) -> Result<(), EngineError> {
        let mut first_error = None;
        for (i, e) in self.engines.iter().enumerate() {
            if self.down[i].load(Ordering::Relaxed) {
                continue;
            }
            if let Err(err) = e.ready(pair).await {
                self.skip(i, &err);
                first_error.get_or_insert(err);
            }
        }
        match (self.up().next(), first_error) {
            (None, Some(e)) => Err(e),
            _ => Ok(()),
        }
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        self.engines[0].fingerprint(pair)
    }

    fn stand_ins(&self, pair: &LanguagePair) -> Vec<String> {
        self.engines[1..]
            .iter()
            .map(|e| e.fingerprint(pair))
            .collect()
    }

    fn batching(&self) -> (usize, usize) {
        self.engines[0].batching()
    }

    fn copies_source(&self) -> bool {
        self.engines.iter().all(|e| e.copies_source())
    }

    async fn use_glossary(
        &self,
        pair: &LanguagePair,
        terms: Arc<Terms>,
    ) -> Result<(), EngineError> {
        for (i, e) in self.engines.iter().enumerate() {
            if let Err(err) = e.use_glossary(pair, Arc::clone(&terms)).await {
                if err.is_fatal() {
                    self.skip(i, &err);
                } else if i == 0 {
                    return Err(err);
                }
            }
        }
        Ok(())
    }

    async fn translate(
        &self,
        pair: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError> {
        let mut results: Vec<Result<Translation, EngineError>> = segments
            .iter()
            .map(|_| {
                Err(EngineError::Failed {
                    engine: self.name().to_string(),
                    detail: String::new(),
                })
            })
            .collect();
        let mut pending: Vec<usize> = (0..segments.len()).collect();
        let engines: Vec<(usize, Arc<dyn Engine>)> =
            self.up().map(|(i, e)| (i, Arc::clone(e))).collect();
        for (i, engine) in engines {
            if pending.is_empty() {
                break;
            }
            let batch: Vec<Segment> = pending.iter().map(|&p| segments[p].clone()).collect();
            let answers = match engine.translate(pair, &batch).await {
                Ok(a) => a,
                Err(e) => batch.iter().map(|_| Err(e.clone())).collect(),
            };
            let origin = (i > 0).then(|| engine.fingerprint(pair));
            let mut still = Vec::new();
            for (&p, answer) in pending.iter().zip(answers) {
                match answer {
                    Ok(mut t) => {
                        if t.origin.is_none() {
                            t.origin = origin.clone();
                        }
                        results[p] = Ok(t);
                    }
                    Err(e) => {
                        if e.is_fatal() {
                            self.skip(i, &e);
                        }
                        results[p] = Err(e);
                        still.push(p);
                    }
                }
            }
            pending = still;
        }
        Ok(results)
    }

    fn warnings(&self) -> Vec<String> {
        self.skipped.lock().map(|l| l.clone()).unwrap_or_default()
    }

    async fn shutdown(&self) {
        for e in &self.engines {
            e.shutdown().await;
        }
    }
}
