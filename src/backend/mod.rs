//! Translation engines behind one trait.
//!
//! An engine receives protected [`Segment`]s (text plus numbered placeholders) for a language
//! pair and returns one translation per segment, in order. How it carries placeholders through
//! its own machinery is its business (Apertium uses word-bound blanks and superblanks); the
//! restore step checks that they all came back. Engines are built by name from the config,
//! and each says before any work whether it can serve a pair ([`Engine::prepare`]).

pub mod apertium;
pub mod apy;
pub mod chain;
pub mod command;
pub mod deepl;
pub mod google;
pub mod http;
pub mod identity;
pub mod libretranslate;
pub mod local;
pub mod openai;
pub mod pseudo;
pub mod terms;

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
    /// The fingerprint of the engine that made it, when not the engine asked (a fallback in
    /// a chain): the memory files it under that engine.
    pub origin: Option<String>,
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
    /// The engine will not work for the rest of the run (bad key, no permission, quota used
    /// up): the batch stops, and what is translated is kept.
    Fatal {
        /// The engine.
        engine: String,
        /// What the service said.
        detail: String,
    },
    /// Not sent: the engine had already stopped for good in this run (see [`EngineError::Fatal`]).
    Stopped {
        /// The engine.
        engine: String,
        /// Why it stopped.
        detail: String,
    },
    /// The engine needs a key from the environment.
    NoKey {
        /// The engine.
        engine: String,
        /// The environment variable.
        variable: String,
    },
    /// The engine's configuration cannot work.
    Config {
        /// The engine.
        engine: String,
        /// What is wrong.
        detail: String,
    },
}

impl EngineError {
    /// Whether nothing more can be done with this engine in this run.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            EngineError::Fatal { .. } | EngineError::Stopped { .. }
        )
    }

    /// Whether the segment was never sent (the engine had stopped before its turn).
    pub fn was_not_sent(&self) -> bool {
        matches!(self, EngineError::Stopped { .. })
    }
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
            EngineError::Fatal { engine, detail } => {
                msg!("engine-fatal", engine = engine, detail = detail)
            }
            EngineError::Stopped { engine, detail } => {
                msg!("engine-stopped", engine = engine, detail = detail)
            }
            EngineError::NoKey { engine, variable } => {
                msg!("engine-no-key", engine = engine, variable = variable)
            }
            EngineError::Config { engine, detail } => {
                msg!("engine-config", engine = engine, detail = detail)
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

    /// Fingerprints whose translations stand in for this engine's within one batch: a
    /// chain's fallbacks. A segment that another worker of the batch had a fallback translate
    /// was already asked of this engine (and failed): it is taken from the memory, not asked
    /// again. A later run asks this engine again, as the chain intends.
    fn stand_ins(&self, _pair: &LanguagePair) -> Vec<String> {
        Vec::new()
    }

    /// Translates segments, one result per segment, in order. The outer error is fatal for
    /// the batch (the engine cannot run); an inner error concerns that segment alone.
    async fn translate(
        &self,
        pair: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError>;

    /// Releases processes and connections.
    async fn shutdown(&self) {}

    /// Whether the engine's output is the source itself (`identity`): then nothing is
    /// localized, so the file written is the input byte for byte.
    fn copies_source(&self) -> bool {
        false
    }

    /// How the pipeline should feed this engine: segments per [`Engine::translate`] call,
    /// and calls in flight at once.
    fn batching(&self) -> (usize, usize) {
        (16, 4)
    }

    /// What went wrong without stopping the run (a chain's engine that had to be skipped), to
    /// tell the user; read after the run.
    fn warnings(&self) -> Vec<String> {
        Vec::new()
    }

    /// For network engines: one cheap request that proves the service is reachable and the
    /// key accepted (`Ok` says something useful, like usage); `None` for local engines.
    async fn probe(&self) -> Option<Result<String, String>> {
        None
    }

    /// Checks that need the engine itself (a server has the pair), once per pair before any
    /// work; the error says what to do.
    async fn ready(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        Ok(())
    }

    /// Gives the engine the run's glossary for a pair, before any translation (DeepL makes a
    /// native glossary of it, chat engines put the entries that occur in their prompt).
    async fn use_glossary(
        &self,
        _pair: &LanguagePair,
        _terms: Arc<terms::Terms>,
    ) -> Result<(), EngineError> {
        Ok(())
    }
}

/// The engines verso knows, for `verso engines` and error messages.
pub const ENGINE_NAMES: &[&str] = &[
    "apertium",
    "apy",
    "deepl",
    "google",
    "libretranslate",
    "openai",
    "command",
    "identity",
    "pseudo",
];

/// Builds one engine by name.
pub fn build_one(name: &str, config: &Config) -> Result<Arc<dyn Engine>, EngineError> {
    let e = &config.engines;
    Ok(match name {
        "apertium" => Arc::new(apertium::Apertium::new(&e.apertium)),
        "identity" => Arc::new(identity::IDENTITY),
        "pseudo" => Arc::new(pseudo::PSEUDO),
        "deepl" => Arc::new(http::HttpEngine::new(
            deepl::Deepl::new(&e.deepl),
            e.deepl.settings(),
        )?),
        "google" => Arc::new(http::HttpEngine::new(
            google::Google::new(&e.google),
            e.google.settings(),
        )?),
        "libretranslate" => Arc::new(http::HttpEngine::new(
            libretranslate::LibreTranslate::new(&e.libretranslate),
            e.libretranslate.settings(),
        )?),
        "openai" => Arc::new(http::HttpEngine::new(
            openai::OpenAi::new(&e.openai),
            e.openai.settings(),
        )?),
        "apy" => Arc::new(http::HttpEngine::new(
            apy::Apy::new(&e.apy),
            e.apy.settings(),
        )?),
        "command" => Arc::new(http::HttpEngine::new(
            command::CommandApi::new(&e.command),
            e.command.settings(),
        )?),
        other => {
            return Err(EngineError::Unknown {
                name: other.to_string(),
            });
        }
    })
}

/// Builds an engine by name, followed by the configured fallbacks (`translate.fallback`):
/// what the first cannot translate goes to the next.
pub fn build(name: &str, config: &Config) -> Result<Arc<dyn Engine>, EngineError> {
    let primary = build_one(name, config)?;
    let fallbacks: Vec<Arc<dyn Engine>> = config
        .translate
        .fallback
        .iter()
        .filter(|f| f.as_str() != name)
        .map(|f| build_one(f, config))
        .collect::<Result<_, _>>()?;
    if fallbacks.is_empty() {
        return Ok(primary);
    }
    Ok(Arc::new(chain::Chain::new(primary, fallbacks)))
}
