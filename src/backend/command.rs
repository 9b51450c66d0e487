//! Any local program as an engine: JSON on stdin, JSON on stdout, like mdBook's external
//! preprocessors. A user plugs in a local neural engine (CTranslate2/Marian, Argos) without
//! rebuilding verso.
//!
//! Request: `{"source_language": "en", "target_language": "es", "segments": ["…"], "glossary":
//! [{"source": "…", "target": "…", "kind": "…"}]}`, segments with verso's tags (`<g id="1">…</g>`,
//! `<x id="2"/>`, `<n id="1">…</n>`). Reply: `{"translations": ["…"]}`, one per segment, tags
//! kept. A non-zero exit fails the request (its stderr is the message); a program that hangs
//! past the timeout is killed and retried.

use std::process::Stdio;

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;
use tokio::io::AsyncWriteExt;

use super::http::{Api, ApiError, GlossaryUse, Http, Limits, answer};
use super::terms::TermEntry;
use super::{EngineError, LanguagePair};
use crate::config::CommandConfig;

/// The engine.
pub struct CommandApi {
    config: CommandConfig,
}

#[derive(Deserialize)]
struct Reply {
    translations: Vec<serde_json::Value>,
}

impl CommandApi {
    /// The program as configured.
    pub fn new(config: &CommandConfig) -> CommandApi {
        CommandApi {
            config: config.clone(),
        }
    }

    async fn run(&self, input: &[u8]) -> Result<Vec<u8>, ApiError> {
        let mut child = tokio::process::Command::new(&self.config.program)
            .args(&self.config.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| ApiError::Fatal {
                detail: crate::i18n::render(&crate::msg!(
                    "command-cannot-run",
                    program = self.config.program.as_str(),
                    reason = e.to_string()
                )),
            })?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(input).await.map_err(|e| ApiError::Retry {
                detail: crate::i18n::render(&crate::msg!(
                    "command-write",
                    program = self.config.program.as_str(),
                    reason = e.to_string()
                )),
                after: None,
            })?;
        }
        let timeout = std::time::Duration::from_secs(self.config.timeout_seconds.max(1));
        let output = tokio::time::timeout(timeout, child.wait_with_output())
            .await
            .map_err(|_| ApiError::Retry {
                detail: crate::i18n::render(&crate::msg!(
                    "command-timeout",
                    program = self.config.program.as_str(),
                    seconds = timeout.as_secs()
                )),
                after: None,
            })?
            .map_err(|e| ApiError::Retry {
                detail: e.to_string(),
                after: None,
            })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let tail: String = stderr
                .trim()
                .chars()
                .rev()
                .take(300)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            return Err(ApiError::Request {
                detail: crate::i18n::render(&crate::msg!(
                    "command-exit",
                    program = self.config.program.as_str(),
                    status = output.status.to_string(),
                    stderr = tail
                )),
            });
        }
        Ok(output.stdout)
    }
}

#[async_trait]
impl Api for CommandApi {
    fn name(&self) -> &'static str {
        "command"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.config.batch.max(1),
            max_bytes: 256 * 1024,
        }
    }

    fn glossary_use(&self) -> GlossaryUse {
        GlossaryUse::PerRequest
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        if self.config.program.trim().is_empty() {
            return Err(EngineError::Config {
                engine: "command".into(),
                detail: crate::i18n::render(&crate::msg!("config-command-program")),
            });
        }
        Ok(())
    }

    fn fingerprint(&self, _pair: &LanguagePair) -> String {
        format!(
            "command/{}/{}",
            self.config.program,
            self.config.args.join(" ")
        )
    }

    async fn translate(
        &self,
        _http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let request = json!({
            "source_language": pair.source.to_string(),
            "target_language": pair.target.to_string(),
            "segments": texts,
            "glossary": terms,
        });
        let stdout = self.run(request.to_string().as_bytes()).await?;
        // A reply that is not the expected JSON is asked again (then text by text): a program
        // that crashed half-way may well answer the next time.
        let reply: Reply = serde_json::from_slice(&stdout).map_err(|e| ApiError::Mismatch {
            detail: crate::i18n::render(&crate::msg!(
                "command-bad-reply",
                program = self.config.program.as_str(),
                reason = e.to_string()
            )),
        })?;
        Ok(reply.translations.into_iter().map(answer).collect())
    }

    async fn probe(&self, _http: &Http) -> Result<String, ApiError> {
        let out = self
            .run(br#"{"source_language":"en","target_language":"en","segments":[],"glossary":[]}"#)
            .await?;
        let reply: Reply = serde_json::from_slice(&out).map_err(|e| ApiError::Request {
            detail: crate::i18n::render(&crate::msg!(
                "command-bad-reply",
                program = self.config.program.as_str(),
                reason = e.to_string()
            )),
        })?;
        Ok(crate::i18n::render(&crate::msg!(
            "command-probe",
            program = self.config.program.as_str(),
            count = reply.translations.len()
        )))
    }
}
