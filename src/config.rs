//! Configuration: `config/verso.toml` holds the documented defaults (compiled in), a project's
//! `verso.toml` or `--config FILE` overrides them, flags override both.
//!
//! Unknown keys are errors naming the key and the line, because a misspelt key silently
//! ignored is a setting the user believes is on. Secrets never live here: engines read keys
//! from the environment.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::{Localized, Message};
use crate::msg;

/// The shipped defaults, the same file users copy and edit.
pub const DEFAULTS: &str = include_str!("../config/verso.toml");

/// The file looked for in the working directory when `--config` is not given.
pub const PROJECT_FILE: &str = "verso.toml";

/// All settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `[translate]`.
    pub translate: TranslateConfig,
    /// `[memory]`.
    pub memory: MemoryConfig,
    /// `[markdown]`.
    pub markdown: MarkdownConfig,
    /// `[html]`.
    pub html: HtmlConfig,
    /// `[glossary]`.
    pub glossary: GlossaryConfig,
    /// `[checks]`.
    pub checks: ChecksConfig,
    /// `[review]`.
    pub review: ReviewConfig,
    /// `[engines.*]`.
    pub engines: EnginesConfig,
}

/// `[checks]`: the check settings themselves (one struct, so unknown keys are refused).
pub type ChecksConfig = crate::check::CheckConfig;

/// `[glossary]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GlossaryConfig {
    /// Glossary files layered in order (TOML, TBX, CSV, TSV); `--glossary` replaces them.
    pub files: Vec<PathBuf>,
    /// `enforce`, `check` or `off`.
    pub terms: crate::enforce::TermsMode,
}

impl Default for GlossaryConfig {
    fn default() -> Self {
        GlossaryConfig {
            files: Vec::new(),
            terms: crate::enforce::TermsMode::Enforce,
        }
    }
}

/// `[translate]`: what `verso translate` does without flags.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TranslateConfig {
    /// Source language (BCP 47).
    pub from: String,
    /// Target languages (BCP 47).
    pub to: Vec<String>,
    /// Engine name.
    pub engine: String,
    /// Engines tried in order for what the engine could not translate.
    pub fallback: Vec<String>,
    /// Output directory; files go to `<out>/<locale>/<relative path>`.
    pub out: PathBuf,
    /// Segments in flight per engine.
    pub jobs: usize,
    /// File extensions read when walking directories.
    pub extensions: Vec<String>,
    /// Numbers, amounts, dates and times written in the target's forms (`--no-localize`).
    pub localize: bool,
    /// Which of the checks' fixes `translate` applies: `safe` or `none`.
    pub fix: FixMode,
}

/// `[translate] fix`: which of the checks' fixes `translate` applies to what it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FixMode {
    /// Forbidden glossary forms, number and date forms.
    #[default]
    Safe,
    /// None: the checks only report.
    None,
}

/// `[review]`: the review pages `verso translate` writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewConfig {
    /// Whether `verso translate` writes review pages.
    pub pages: bool,
    /// Where they go; a relative path is inside the output directory.
    pub dir: PathBuf,
}

impl Default for ReviewConfig {
    fn default() -> Self {
        ReviewConfig {
            pages: true,
            dir: PathBuf::from("review"),
        }
    }
}

/// `[memory]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MemoryConfig {
    /// The SQLite file.
    pub path: PathBuf,
    /// A PostgreSQL memory shared by workers on many machines (`postgres://…`); wins over
    /// `path`. `VERSO_MEMORY_URL` wins over it, `--memory` over both.
    pub url: Option<String>,
    /// Seconds a worker's claim on a segment it is sending holds, renewed every third of it
    /// while the engine works; a worker that died stops renewing and is taken over after
    /// this long. Shorter means a quicker takeover, at one renewal per batch in flight.
    pub claim_lease: u64,
}

/// `[markdown]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
}

/// `[html]`: what of a page besides its text is translated.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HtmlConfig {
    /// Attributes whose values are translated (`alt`, `title`, …).
    pub attributes: Vec<String>,
    /// `name` or `property` of the `meta` tags whose `content` is translated.
    pub meta: Vec<String>,
}

impl Default for HtmlConfig {
    fn default() -> Self {
        let read = crate::format::ReadOptions::default();
        HtmlConfig {
            attributes: read.html_attributes,
            meta: read.html_meta,
        }
    }
}

impl Config {
    /// The readers' options.
    pub fn read_options(&self) -> crate::format::ReadOptions {
        crate::format::ReadOptions {
            front_matter_keys: self.markdown.front_matter_keys.clone(),
            html_attributes: self
                .html
                .attributes
                .iter()
                .map(|a| a.to_ascii_lowercase())
                .collect(),
            html_meta: self.html.meta.clone(),
            source_language: Some(self.translate.from.clone()),
        }
    }
}

/// `[engines]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct EnginesConfig {
    /// `[engines.apertium]`.
    pub apertium: ApertiumConfig,
    /// `[engines.deepl]`.
    pub deepl: DeeplConfig,
    /// `[engines.google]`.
    pub google: GoogleConfig,
    /// `[engines.libretranslate]`.
    pub libretranslate: LibreTranslateConfig,
    /// `[engines.openai]`.
    pub openai: OpenAiConfig,
    /// `[engines.apy]`.
    pub apy: ApyConfig,
    /// `[engines.command]`.
    pub command: CommandConfig,
}

/// Declares an engine's table: its own keys, then the keys every HTTP engine has (how hard
/// to push the service and how long to keep trying), each with its default. One struct per
/// table keeps unknown keys errors.
macro_rules! engine_table {
    (
        $(#[$doc:meta])* $name:ident {
            $( $(#[$fdoc:meta])* $field:ident : $ty:ty = $default:expr, )*
        }
        concurrency = $conc:expr, batch = $batch:expr $(,)?
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct $name {
            $( $(#[$fdoc])* pub $field: $ty, )*
            /// Texts per request (at most the service's own limit).
            pub batch: usize,
            /// Requests in flight at once.
            pub concurrency: usize,
            /// Requests started per second (0: no limit).
            pub requests_per_second: f64,
            /// Seconds before a request is given up (and retried).
            pub timeout_seconds: u64,
            /// Retries after the first attempt, on 429, 5xx, timeouts and broken replies.
            pub retries: u32,
            /// First wait before a retry, in milliseconds; doubles per retry (with jitter) up
            /// to 30 s. A `Retry-After` from the service wins.
            pub backoff_ms: u64,
        }

        impl Default for $name {
            fn default() -> Self {
                $name {
                    $( $field: $default, )*
                    batch: $batch,
                    concurrency: $conc,
                    requests_per_second: 0.0,
                    timeout_seconds: 30,
                    retries: 6,
                    backoff_ms: 500,
                }
            }
        }

        impl $name {
            /// The shared machinery's settings.
            pub fn settings(&self) -> crate::backend::http::Settings {
                crate::backend::http::Settings {
                    concurrency: self.concurrency.max(1),
                    requests_per_second: self.requests_per_second.max(0.0),
                    timeout: std::time::Duration::from_secs(self.timeout_seconds.max(1)),
                    retries: self.retries,
                    backoff: std::time::Duration::from_millis(self.backoff_ms),
                    ..crate::backend::http::Settings::default()
                }
            }
        }
    };
}

engine_table! {
    /// `[engines.deepl]`.
    DeeplConfig {
        /// Base URL; empty: chosen by the key (`:fx` keys use the free endpoint).
        url: String = String::new(),
        /// The environment variable holding the key.
        key_env: String = "DEEPL_AUTH_KEY".into(),
        /// `default`, `more`, `less`, `prefer_more`, `prefer_less`.
        formality: String = "default".into(),
        /// Context DeepL uses but does not translate (e.g. "News report about the war").
        context: String = String::new(),
        /// Make DeepL glossaries from verso's glossary.
        glossary: bool = true,
    }
    concurrency = 4, batch = 50,
}

engine_table! {
    /// `[engines.google]`: Cloud Translation v2 with an API key.
    GoogleConfig {
        /// The v2 endpoint.
        url: String = "https://translation.googleapis.com/language/translate/v2".into(),
        /// The environment variable holding the key.
        key_env: String = "GOOGLE_API_KEY".into(),
        /// `nmt` or `base`; empty: Google's default.
        model: String = String::new(),
    }
    concurrency = 4, batch = 128,
}

engine_table! {
    /// `[engines.libretranslate]`.
    LibreTranslateConfig {
        /// The server.
        url: String = "http://127.0.0.1:5000".into(),
        /// The environment variable holding the key, if the server wants one.
        key_env: String = "LIBRETRANSLATE_API_KEY".into(),
    }
    concurrency = 2, batch = 25,
}

engine_table! {
    /// `[engines.openai]`: any OpenAI-compatible chat completions endpoint.
    OpenAiConfig {
        /// Base URL up to `/v1` (OpenAI, Ollama `http://127.0.0.1:11434/v1`, vLLM, llama.cpp).
        url: String = "https://api.openai.com/v1".into(),
        /// The environment variable holding the key (unset is fine for local servers).
        key_env: String = "OPENAI_API_KEY".into(),
        /// The model.
        model: String = "gpt-4o-mini".into(),
        /// Ask for a JSON reply (`response_format`); turn off for servers without it.
        json_mode: bool = true,
    }
    concurrency = 4, batch = 20,
}

engine_table! {
    /// `[engines.apy]`: an Apertium APy server.
    ApyConfig {
        /// The server.
        url: String = "http://127.0.0.1:2737".into(),
        /// `txt` or `html` (APy's deformatter).
        format: String = "txt".into(),
    }
    concurrency = 4, batch = 1,
}

engine_table! {
    /// `[engines.command]`: a local program that translates JSON on stdin to JSON on stdout.
    CommandConfig {
        /// The program.
        program: String = String::new(),
        /// Its arguments.
        args: Vec<String> = Vec::new(),
    }
    concurrency = 1, batch = 20,
}

/// `[engines.apertium]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApertiumConfig {
    /// Where the `.mode` files are.
    pub modes_dir: PathBuf,
    /// Seconds without a reply before the pipeline is restarted.
    pub timeout_seconds: u64,
}

impl Default for TranslateConfig {
    fn default() -> Self {
        TranslateConfig {
            from: "en".into(),
            to: vec!["es".into()],
            engine: "apertium".into(),
            fallback: Vec::new(),
            out: PathBuf::from("out"),
            jobs: 64,
            extensions: crate::format::all_extensions(),
            localize: true,
            fix: FixMode::Safe,
        }
    }
}

impl Default for MemoryConfig {
    fn default() -> Self {
        MemoryConfig {
            path: PathBuf::from(".verso/memory.sqlite"),
            url: None,
            claim_lease: 300,
        }
    }
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            front_matter_keys: ["title", "description", "summary", "lead"]
                .map(String::from)
                .to_vec(),
        }
    }
}

impl Default for ApertiumConfig {
    fn default() -> Self {
        ApertiumConfig {
            modes_dir: PathBuf::from("/usr/share/apertium/modes"),
            timeout_seconds: 30,
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum ConfigError {
    /// The file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file is not valid, or has an unknown key.
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line, when known.
        line: usize,
        /// What the TOML reader said (it names the key).
        reason: String,
    },
}

impl Localized for ConfigError {
    fn message(&self) -> Message {
        match self {
            ConfigError::Read { path, reason } => {
                msg!("config-read", path = path, reason = reason)
            }
            ConfigError::Invalid { path, line, reason } => {
                msg!("config-invalid", path = path, line = *line, reason = reason)
            }
        }
    }
}

impl Config {
    /// Parses a configuration text; `path` is for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| crate::document::line_of(text, s.start))
                .unwrap_or(0);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                reason: e.message().to_string(),
            }
        })?;
        // Severities name rules and profiles: a typo must not silently check nothing.
        crate::check::profile::Levels::resolve(&config.checks).map_err(|e| {
            let key = match &e {
                crate::check::profile::ProfileError::UnknownRule { id, .. } => id,
                crate::check::profile::ProfileError::UnknownProfile { name, .. } => name,
            };
            let line = text
                .find(key.as_str())
                .map_or(0, |at| crate::document::line_of(text, at));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                reason: e.to_string(),
            }
        })?;
        Ok(config)
    }

    /// Loads `explicit` if given, else `./verso.toml` if present, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None if Path::new(PROJECT_FILE).is_file() => PathBuf::from(PROJECT_FILE),
            None => return Ok(Config::default()),
        };
        let text = crate::reading::text(&path).map_err(|e| ConfigError::Read {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        Config::parse(&text, &path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_exactly_the_defaults() {
        let parsed = Config::parse(DEFAULTS, Path::new("config/verso.toml")).expect("parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn unknown_keys_in_every_table_are_errors() {
        for (text, key) in [
            ("[checks]\ntolerence = 0.1\n", "tolerence"),
            ("[glossary]\nfile = []\n", "file"),
            ("[engines.apertium]\ntimeout = 3\n", "timeout"),
        ] {
            let err = Config::parse(text, Path::new("v.toml")).expect_err(key);
            assert!(err.to_string().contains(key), "{err}");
        }
    }

    #[test]
    fn unknown_keys_are_errors_naming_key_and_line() {
        let err = Config::parse(
            "[translate]\nfrom = \"en\"\njbos = 3\n",
            Path::new("v.toml"),
        )
        .expect_err("unknown key");
        match err {
            ConfigError::Invalid { line, reason, .. } => {
                assert_eq!(line, 3);
                assert!(reason.contains("jbos"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
