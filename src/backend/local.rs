//! Engines that run in-process on one segment at a time, with no set-up and no language data:
//! `identity` and `pseudo`. They share everything but the transform.

use async_trait::async_trait;

use super::{Engine, EngineError, LanguagePair, Translation};
use crate::segment::Segment;

/// An in-process engine defined by a segment transform.
pub struct Local {
    name: &'static str,
    fingerprint: &'static str,
    transform: fn(&Segment) -> Segment,
}

impl Local {
    /// An engine named `name` that applies `transform`; `fingerprint` changes whenever the
    /// transform's output does, so the memory never serves an old version's output.
    pub const fn new(
        name: &'static str,
        fingerprint: &'static str,
        transform: fn(&Segment) -> Segment,
    ) -> Local {
        Local {
            name,
            fingerprint,
            transform,
        }
    }
}

#[async_trait]
impl Engine for Local {
    fn name(&self) -> &'static str {
        self.name
    }

    fn prepare(&self, _: &LanguagePair) -> Result<(), EngineError> {
        Ok(())
    }

    fn fingerprint(&self, _: &LanguagePair) -> String {
        self.fingerprint.to_string()
    }

    fn copies_source(&self) -> bool {
        self.name == "identity"
    }

    async fn translate(
        &self,
        _: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError> {
        Ok(segments
            .iter()
            .map(|s| {
                Ok(Translation {
                    segment: (self.transform)(s),
                    unknown_words: Vec::new(),
                    origin: None,
                })
            })
            .collect())
    }
}
