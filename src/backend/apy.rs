//! Apertium APy: `/translate` with `markUnknown=no`, one paragraph per request.
//!
//! APy silently truncates a request beyond about 40 KB of text (see the project notes), so
//! requests stay under 8 KB: longer paragraphs are cut at sentence ends by the driver. The
//! deformatter is configurable: `txt` (the default) passes verso's tags through as text;
//! `html` lets Apertium's deformatter carry them as it carries markup, which keeps agreement
//! around them ("La <g>casa roja</g>" rather than "El <g>casa roja</g>").

use async_trait::async_trait;
use serde::Deserialize;

use super::apertium::modes::{apertium_code, package_hint};
use super::apertium::stream::strip_marks;
use super::http::{Api, ApiError, Http, Limits, answer, markup};
use super::terms::TermEntry;
use super::{EngineError, LanguagePair};
use crate::config::ApyConfig;

/// The API.
pub struct Apy {
    config: ApyConfig,
}

#[derive(Deserialize)]
struct Reply {
    #[serde(rename = "responseData")]
    response_data: ResponseData,
}

#[derive(Deserialize)]
struct ResponseData {
    #[serde(rename = "translatedText", default)]
    translated_text: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Pairs {
    #[serde(rename = "responseData")]
    response_data: Vec<PairInfo>,
}

#[derive(Deserialize)]
struct PairInfo {
    #[serde(rename = "sourceLanguage")]
    source: String,
    #[serde(rename = "targetLanguage")]
    target: String,
}

impl Apy {
    /// APy as configured.
    pub fn new(config: &ApyConfig) -> Apy {
        Apy {
            config: config.clone(),
        }
    }

    fn url(&self, path: &str) -> String {
        super::http::join(&self.config.url, path)
    }

    fn langpair(pair: &LanguagePair) -> String {
        format!(
            "{}|{}",
            apertium_code(&pair.source),
            apertium_code(&pair.target)
        )
    }

    async fn pairs(&self, http: &Http) -> Result<Vec<String>, ApiError> {
        let reply = http.send(http.client.get(self.url("/listPairs"))).await?;
        let pairs: Pairs = http.json(&reply)?;
        Ok(pairs
            .response_data
            .into_iter()
            .map(|p| format!("{}|{}", p.source, p.target))
            .collect())
    }
}

#[async_trait]
impl Api for Apy {
    fn name(&self) -> &'static str {
        "apy"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: 1,
            max_bytes: 8 * 1024,
        }
    }

    /// In `txt` mode Apertium reads tags as text and mangles closing tags; paired markup goes
    /// as self-closing markers there. The `html` deformatter knows tags.
    fn style(&self) -> markup::Style {
        markup::Style {
            markers: self.config.format != "html",
            ..markup::Style::default()
        }
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        if self.config.format != "txt" && self.config.format != "html" {
            return Err(EngineError::Config {
                engine: "apy".into(),
                detail: crate::i18n::render(&crate::msg!(
                    "config-apy-format",
                    format = self.config.format.as_str()
                )),
            });
        }
        Ok(())
    }

    async fn ready(&self, http: &Http, pair: &LanguagePair) -> Result<(), EngineError> {
        let wanted = Self::langpair(pair);
        let pairs = self.pairs(http).await.map_err(|e| EngineError::Failed {
            engine: "apy".into(),
            detail: super::http::detail(&e),
        })?;
        if pairs.contains(&wanted) {
            return Ok(());
        }
        Err(EngineError::PairMissing {
            engine: "apy".into(),
            pair: wanted,
            installed: pairs.join(", "),
            install: package_hint(&pair.source, &pair.target),
        })
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        // `txt` output made before markers carried paired markup is not replayed.
        let format = match self.config.format.as_str() {
            "html" => "html",
            _ => "txt-markers",
        };
        format!("apy/{}/{}/{format}", self.config.url, Self::langpair(pair),)
    }

    async fn translate(
        &self,
        http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        _terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let mut out = Vec::with_capacity(texts.len());
        for text in texts {
            let form = [
                ("langpair", Self::langpair(pair)),
                ("q", text.clone()),
                ("markUnknown", "no".to_string()),
                ("format", self.config.format.clone()),
            ];
            let reply = http
                .send(http.client.post(self.url("/translate")).form(&form))
                .await?;
            let parsed: Reply = http.json(&reply)?;
            // `markUnknown=no` leaves out `*`, but `#` and `@` marks of words Apertium could
            // not generate or transfer still come back ("#ser desplegados").
            out.push(
                parsed
                    .response_data
                    .translated_text
                    .and_then(answer)
                    .map(|t| strip_marks(&t, text).0),
            );
        }
        Ok(out)
    }

    async fn probe(&self, http: &Http) -> Result<String, ApiError> {
        let pairs = self.pairs(http).await?;
        Ok(crate::i18n::render(&crate::msg!(
            "probe-pairs",
            count = pairs.len(),
            pairs = pairs.join(", ")
        )))
    }
}
