//! Google Cloud Translation v2 with an API key: `format=html`, up to 128 texts per request.
//!
//! The key goes in the query string, as v2 wants; it never reaches a message (errors are
//! stripped of URLs and redacted). An invalid key is a 400 with reason `keyInvalid`, which is
//! as fatal as a 403.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;

use super::http::{Api, ApiError, Http, Limits, answer, markup};
use super::terms::TermEntry;
use super::{EngineError, LanguagePair};
use crate::config::GoogleConfig;

/// The API.
pub struct Google {
    config: GoogleConfig,
    key: Option<String>,
}

#[derive(Deserialize)]
struct Reply {
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    translations: Vec<Translated>,
}

#[derive(Deserialize)]
struct Translated {
    #[serde(rename = "translatedText", default)]
    translated_text: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Languages {
    data: LanguageList,
}

#[derive(Deserialize)]
struct LanguageList {
    languages: Vec<serde_json::Value>,
}

/// Google's code: the language, with the region only for Chinese and Portuguese variants.
pub fn code(tag: &unic_langid::LanguageIdentifier) -> String {
    let lang = tag.language.as_str();
    match (lang, tag.region.map(|r| r.as_str().to_string()).as_deref()) {
        ("zh", Some("TW" | "HK" | "MO")) => "zh-TW".into(),
        ("zh", _) => "zh-CN".into(),
        ("pt", Some("PT")) => "pt-PT".into(),
        _ => lang.to_string(),
    }
}

impl Google {
    /// Google as configured; the key is read from the environment now.
    pub fn new(config: &GoogleConfig) -> Google {
        Google {
            key: super::http::env_key(&config.key_env),
            config: config.clone(),
        }
    }

    fn url(&self, path: &str) -> String {
        super::http::join(&self.config.url, path)
    }

    fn keyed(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.key {
            Some(k) => request.query(&[("key", k.as_str())]),
            None => request,
        }
    }
}

/// A 400 about the key is fatal: nothing will work until it is fixed.
fn key_problem(e: ApiError) -> ApiError {
    match e {
        ApiError::Request { detail }
            if detail.contains("keyInvalid") || detail.contains("API key not valid") =>
        {
            ApiError::Fatal { detail }
        }
        other => other,
    }
}

#[async_trait]
impl Api for Google {
    fn name(&self) -> &'static str {
        "google"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.config.batch.clamp(1, 128),
            max_bytes: 30_000,
        }
    }

    fn style(&self) -> markup::Style {
        markup::Style {
            no_translate: true,
            ..markup::Style::default()
        }
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        match self.key {
            Some(_) => Ok(()),
            None => Err(EngineError::NoKey {
                engine: "google".into(),
                variable: self.config.key_env.clone(),
            }),
        }
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        format!("google/{}/{}", code(&pair.target), self.config.model)
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
        if !self.config.model.is_empty() {
            body["model"] = json!(self.config.model);
        }
        let reply = http
            .send(self.keyed(http.client.post(self.url(""))).json(&body))
            .await
            .map_err(key_problem)?;
        let parsed: Reply = http.json(&reply)?;
        Ok(parsed
            .data
            .translations
            .into_iter()
            .map(|t| t.translated_text.and_then(answer))
            .collect())
    }

    async fn probe(&self, http: &Http) -> Result<String, ApiError> {
        let reply = http
            .send(
                self.keyed(http.client.get(self.url("/languages")))
                    .query(&[("target", "en")]),
            )
            .await
            .map_err(key_problem)?;
        let langs: Languages = http.json(&reply)?;
        Ok(crate::i18n::render(&crate::msg!(
            "probe-languages",
            count = langs.data.languages.len()
        )))
    }
}
