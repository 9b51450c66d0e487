//! Any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, llama.cpp server).
//!
//! The batch goes as numbered JSON with the language pair, the placeholder rules and only the
//! glossary entries that occur in it; temperature 0. The reply must be JSON with exactly the
//! same ids, each translation carrying exactly the placeholders of its source. Anything else
//! — a wrong count, a missing id, a lost or invented tag — is not accepted: the driver asks
//! again text by text, and a text that still comes back wrong fails on its own.

use std::collections::BTreeMap;

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;

use super::http::{Api, ApiError, GlossaryUse, Http, Limits};
use super::terms::TermEntry;
use super::{EngineError, LanguagePair};
use crate::config::OpenAiConfig;

/// The instructions. Written for the model, not for people; kept stable because they are part
/// of the engine's fingerprint.
const SYSTEM: &str = "You are a professional news translator. Translate each segment from \
{source} to {target}. Segments contain XML-like tags: <g id=\"N\">…</g> wraps text that must \
stay wrapped (translate the text inside), <x id=\"N\"/> is a fixed element, and <n id=\"N\">…</n> \
is a name written by the publisher: keep every tag exactly once with its id, never translate or \
change what is inside <n>…</n>, add no tags. Use the glossary's target terms where its source \
terms occur, inflected as the grammar needs. Keep numbers' values and write them the way \
{target} writes them. Reply with one JSON object: {\"translations\": {\"<id>\": \"<translated \
segment>\", …}} with exactly the ids you were given and nothing else.";

/// The API.
pub struct OpenAi {
    config: OpenAiConfig,
    key: Option<String>,
}

#[derive(Deserialize)]
struct Reply {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    content: Option<String>,
}

#[derive(Deserialize)]
struct Models {
    data: Vec<Model>,
}

#[derive(Deserialize)]
struct Model {
    id: String,
}

impl OpenAi {
    /// The endpoint as configured; the key (optional for local servers) is read now.
    pub fn new(config: &OpenAiConfig) -> OpenAi {
        OpenAi {
            key: super::http::env_key(&config.key_env),
            config: config.clone(),
        }
    }

    fn url(&self, path: &str) -> String {
        super::http::join(&self.config.url, path)
    }

    fn auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.key {
            Some(k) => request.bearer_auth(k),
            None => request,
        }
    }
}

/// The system prompt for a pair.
pub fn system_prompt(pair: &LanguagePair) -> String {
    SYSTEM
        .replace("{source}", &pair.source.to_string())
        .replace("{target}", &pair.target.to_string())
}

/// The user message: numbered segments and the glossary entries that occur in them.
pub fn user_message(pair: &LanguagePair, texts: &[String], terms: &[TermEntry]) -> String {
    let segments: BTreeMap<String, &String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| ((i + 1).to_string(), t))
        .collect();
    let glossary: Vec<serde_json::Value> = terms
        .iter()
        .map(|t| json!({"source": t.source, "target": t.target}))
        .collect();
    json!({
        "source_language": pair.source.to_string(),
        "target_language": pair.target.to_string(),
        "glossary": glossary,
        "segments": segments,
    })
    .to_string()
}

/// Reads the model's answer: JSON (possibly in a code fence) with a `translations` object (or
/// the ids at top level) holding exactly the ids sent: one answer per text, by id, `None` where
/// the value is not a string (the driver asks again for those and checks the tags of the
/// others). Another set of ids is not accepted at all: a model that merged or split segments
/// shifts every id after the change, so no answer of that reply can be trusted.
pub fn read_answer(content: &str, texts: &[String]) -> Result<Vec<Option<String>>, String> {
    let trimmed = content.trim();
    let body = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .and_then(|s| s.strip_suffix("```"))
        .unwrap_or(trimmed);
    let value: serde_json::Value = serde_json::from_str(body.trim())
        .map_err(|e| crate::i18n::render(&crate::msg!("chat-not-json", reason = e.to_string())))?;
    let map = value
        .get("translations")
        .unwrap_or(&value)
        .as_object()
        .ok_or_else(|| crate::i18n::render(&crate::msg!("chat-no-translations")))?;
    let expected = |k: &String| {
        k.parse::<usize>()
            .is_ok_and(|n| (1..=texts.len()).contains(&n))
    };
    if map.len() != texts.len() || !map.keys().all(expected) {
        return Err(crate::i18n::render(&crate::msg!(
            "chat-count",
            sent = texts.len(),
            back = map.len()
        )));
    }
    Ok((1..=texts.len())
        .map(|id| {
            map.get(&id.to_string())
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .collect())
}

#[async_trait]
impl Api for OpenAi {
    fn name(&self) -> &'static str {
        "openai"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.config.batch.max(1),
            max_bytes: 12_000,
        }
    }

    fn glossary_use(&self) -> GlossaryUse {
        GlossaryUse::PerRequest
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        if self.config.model.trim().is_empty() {
            return Err(EngineError::Config {
                engine: "openai".into(),
                detail: crate::i18n::render(&crate::msg!("config-openai-model")),
            });
        }
        // OpenAI itself needs a key; local servers (Ollama, llama.cpp) do not.
        if self.key.is_none() && self.config.url.contains("api.openai.com") {
            return Err(EngineError::NoKey {
                engine: "openai".into(),
                variable: self.config.key_env.clone(),
            });
        }
        Ok(())
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        format!(
            "openai/{}/{}/{}",
            self.config.url,
            self.config.model,
            &blake3::hash(system_prompt(pair).as_bytes()).to_hex()[..8]
        )
    }

    fn secrets(&self) -> Vec<String> {
        self.key.iter().cloned().collect()
    }

    async fn translate(
        &self,
        http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let mut body = json!({
            "model": self.config.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": system_prompt(pair)},
                {"role": "user", "content": user_message(pair, texts, terms)},
            ],
        });
        if self.config.json_mode {
            body["response_format"] = json!({"type": "json_object"});
        }
        let reply = http
            .send(
                self.auth(http.client.post(self.url("/chat/completions")))
                    .json(&body),
            )
            .await?;
        let parsed: Reply = http.json(&reply)?;
        let content = parsed
            .choices
            .into_iter()
            .next()
            .and_then(|c| c.message.content)
            .unwrap_or_default();
        read_answer(&content, texts).map_err(|detail| ApiError::Mismatch { detail })
    }

    async fn probe(&self, http: &Http) -> Result<String, ApiError> {
        let models: Models = http.json(
            &http
                .send(self.auth(http.client.get(self.url("/models"))))
                .await?,
        )?;
        let has = models.data.iter().any(|m| m.id == self.config.model);
        Ok(crate::i18n::render(&crate::msg!(
            "probe-models",
            count = models.data.len(),
            model = self.config.model.as_str(),
            available = if has { "yes" } else { "no" }
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_by_id_and_only_for_exactly_the_ids_sent() {
        let texts = vec![
            "The <g id=\"1\">army</g> moved.".to_string(),
            "Near <x id=\"2\"/>.".to_string(),
        ];
        let good = r#"```json
{"translations": {"1": "El <g id=\"1\">ejército</g> se movió.", "2": "Cerca de <x id=\"2\"/>."}}
```"#;
        let read = read_answer(good, &texts).expect("good");
        assert!(read.iter().all(Option::is_some), "{read:?}");
        // Ids shifted by a merge: nothing of it is taken.
        let shifted = r#"{"1": "El ejército se movió. Cerca de <x id=\"2\"/>.", "3": "x"}"#;
        assert!(read_answer(shifted, &texts).is_err());
        let short = r#"{"2": "Cerca de <x id=\"2\"/>."}"#;
        assert!(read_answer(short, &texts).is_err());
        let null = r#"{"translations": {"1": null, "2": 7}}"#;
        assert_eq!(read_answer(null, &texts).expect("by id"), vec![None, None]);
        assert!(read_answer("Sure! Here it is", &texts).is_err());
        assert!(read_answer("[1, 2]", &texts).is_err());
    }
}
