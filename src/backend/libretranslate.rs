//! LibreTranslate: `POST /translate` with `q` as a list and `format=html`; a key when the
//! server asks for one.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;

use super::http::{Api, ApiError, Http, Limits, answer, markup};
use super::terms::TermEntry;
use super::{EngineError, LanguagePair};
use crate::config::LibreTranslateConfig;

/// The API.
pub struct LibreTranslate {
    config: LibreTranslateConfig,
    key: Option<String>,
}

#[derive(Deserialize)]
struct Reply {
    #[serde(rename = "translatedText")]
    translated_text: serde_json::Value,
}

impl LibreTranslate {
    /// LibreTranslate as configured; the key (optional) is read from the environment now.
    pub fn new(config: &LibreTranslateConfig) -> LibreTranslate {
        LibreTranslate {
            key: super::http::env_key(&config.key_env),
            config: config.clone(),
        }
    }

    fn url(&self, path: &str) -> String {
        super::http::join(&self.config.url, path)
    }
}

/// LibreTranslate's codes are ISO 639-1 languages (Chinese: `zh`, or `zt` for traditional).
fn code(tag: &unic_langid::LanguageIdentifier) -> String {
    match (
        tag.language.as_str(),
        tag.region.map(|r| r.as_str().to_string()).as_deref(),
    ) {
        ("zh", Some("TW" | "HK" | "MO")) => "zt".into(),
        (lang, _) => lang.to_string(),
    }
}

#[async_trait]
impl Api for LibreTranslate {
    fn name(&self) -> &'static str {
        "libretranslate"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.config.batch.max(1),
            max_bytes: 20_000,
        }
    }

    fn style(&self) -> markup::Style {
        markup::Style {
            no_translate: true,
            ..markup::Style::default()
        }
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        Ok(())
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        format!("libretranslate/{}/{}", self.config.url, code(&pair.target))
    }

    fn secrets(&self) -> Vec<String> {
        self.key.iter().cloned().collect()
    }

    async fn translate(
        &self,
        http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        _terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let mut body = json!({
            "q": texts,
            "source": code(&pair.source),
            "target": code(&pair.target),
            "format": "html",
        });
        if let Some(k) = &self.key {
            body["api_key"] = json!(k);
        }
        let reply = http
            .send(http.client.post(self.url("/translate")).json(&body))
            .await?;
        let parsed: Reply = http.json(&reply)?;
        match parsed.translated_text {
            serde_json::Value::Array(items) => Ok(items.into_iter().map(answer).collect()),
            serde_json::Value::String(one) => Ok(vec![Some(one)]),
            other => Err(ApiError::Retry {
                detail: http.redact(&crate::i18n::render(&crate::msg!(
                    "libretranslate-unexpected",
                    value = other.to_string()
                ))),
                after: None,
            }),
        }
    }

    async fn probe(&self, http: &Http) -> Result<String, ApiError> {
        let reply = http.send(http.client.get(self.url("/languages"))).await?;
        let langs: Vec<serde_json::Value> = http.json(&reply)?;
        Ok(crate::i18n::render(&crate::msg!(
            "probe-languages",
            count = langs.len()
        )))
    }
}
