//! Translation engines behind one trait.
//!
//! An engine receives protected [`Segment`]s (text plus numbered placeholders) for a language
//! pair and returns one translation per segment, in order. How it carries placeholders through
//! its own machinery is its business (Apertium uses word-bound blanks and superblanks); the
//! restore step checks that they all came back. Engines are built by name from the config,
//! and each says before any work whether it can serve a pair ([`Engine::prepare`]).

pub mod apertium;
pub mod identity;
pub mod local;
pub mod pseudo;

use std::sync::Arc;

use async_trait::async_trait;
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::i18n::{Localized, Message};
use crate::msg;
use crate::segment::Segment;

/// A source and a target language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguagePair {
    /// The language of the articles.
    pub source: LanguageIdentifier,
    /// The language to translate into.
    pub target: LanguageIdentifier,
}

impl std::fmt::Display for LanguagePair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}→{}", self.source, self.target)
    }
}

/// An engine's answer for one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The translated segment, placeholders included.
    pub segment: Segment,
    /// Words the engine did not know (Apertium's `*` marks), kept for the checks and removed
    /// from the text.
    pub unknown_words: Vec<String>,
}

/// Why an engine could not translate.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum EngineError {
    /// No engine has this name.
    Unknown {
        /// The name asked for.
        name: String,
    },
    /// The engine's program is not installed.
    NotInstalled {
        /// The engine.
        engine: String,
        /// What to install, e.g. `apt-get install apertium apertium-eng-spa`.
        install: String,
    },
    /// The engine is installed but lacks this language pair.
    PairMissing {
        /// The engine.
        engine: String,
        /// The pair asked for.
        pair: String,
        /// Pairs that are installed.
        installed: String,
        /// What to install.
        install: String,
    },
    /// One segment took longer than the timeout; the engine was restarted.
    Timeout {
        /// The engine.
        engine: String,
        /// The timeout in seconds.
        seconds: u64,
    },
    /// The engine process failed.
    Failed {
        /// The engine.
        engine: String,
        /// What it said.
        detail: String,
    },
}

impl Localized for EngineError {
    fn message(&self) -> Message {
        match self {
            EngineError::Unknown { name } => msg!("engine-unknown", name = name),
            EngineError::NotInstalled { engine, install } => {
                msg!("engine-not-installed", engine = engine, install = install)
            }
            EngineError::PairMissing {
                engine,
                pair,
                installed,
                install,
            } => msg!(
                "engine-pair-missing",
                engine = engine,
                pair = pair,
                installed = installed,
                install = install
            ),
            EngineError::Timeout { engine, seconds } => {
                msg!("engine-timeout", engine = engine, seconds = *seconds)
            }
            EngineError::Failed { engine, detail } => {
                msg!("engine-failed", engine = engine, detail = detail)
            }
        }
    }
}

/// A translation engine.
#[async_trait]
pub trait Engine: Send + Sync {
    /// The engine's name, as given to `--engine`.
    fn name(&self) -> &'static str;

    /// Checks, before any work, that the pair can be served; the error says what to install.
    fn prepare(&self, pair: &LanguagePair) -> Result<(), EngineError>;

    /// What, besides the pair, decides this engine's output. Machine translations in the
    /// memory are reused only for the same fingerprint, so switching engines or language
    /// data never replays another engine's output.
    fn fingerprint(&self, pair: &LanguagePair) -> String;

    /// Translates segments, one result per segment, in order. The outer error is fatal for
    /// the batch (the engine cannot run); an inner error concerns that segment alone.
    async fn translate(
        &self,
        pair: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError>;

    /// Releases processes and connections.
    async fn shutdown(&self) {}
}

/// The engines verso knows, for `verso engines` and error messages.
pub const ENGINE_NAMES: &[&str] = &["apertium", "identity", "pseudo"];

/// Builds an engine by name.
pub fn build(name: &str, config: &Config) -> Result<Arc<dyn Engine>, EngineError> {
    match name {
        "apertium" => Ok(Arc::new(apertium::Apertium::new(&config.engines.apertium))),
        "identity" => Ok(Arc::new(identity::IDENTITY)),
        "pseudo" => Ok(Arc::new(pseudo::PSEUDO)),
        other => Err(EngineError::Unknown {
            name: other.to_string(),
        }),
    }
}
