//! The `identity` engine: returns every segment unchanged.
//!
//! It proves the layout guarantee (the output equals the input byte for byte) and lets a
//! pipeline be exercised without any language data.

use async_trait::async_trait;

use super::{Engine, EngineError, LanguagePair, Translation};
use crate::segment::Segment;

/// Returns segments unchanged.
pub struct Identity;

#[async_trait]
impl Engine for Identity {
    fn name(&self) -> &'static str {
        "identity"
    }

    fn prepare(&self, _: &LanguagePair) -> Result<(), EngineError> {
        Ok(())
    }

    fn fingerprint(&self, _: &LanguagePair) -> String {
        "identity".to_string()
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
                    segment: s.clone(),
                    unknown_words: Vec::new(),
                })
            })
            .collect())
    }
}
