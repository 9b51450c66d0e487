//! DeepL (`/v2/translate`), with native glossaries made from verso's.
//!
//! Placeholders travel as XML with `tag_handling=xml`; atoms and names are `ignore_tags`, so
//! DeepL moves them with their words but never translates them. The key's `:fx` suffix picks
//! the free endpoint unless a URL is configured. With a glossary, verso makes a DeepL glossary
//! for the pair, named by a hash of its entries: reused while unchanged, replaced (the old one
//! deleted) when the glossary changes. verso still runs its own checks on what comes back.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::Mutex;

use super::http::{Api, ApiError, GlossaryUse, Http, Limits, answer};
use super::terms::{TermEntry, Terms};
use super::{EngineError, LanguagePair};
use crate::config::DeeplConfig;

const FREE: &str = "https://api-free.deepl.com";
const PRO: &str = "https://api.deepl.com";
/// DeepL's documented limits: 50 texts and 128 KiB per request (the JSON around the text
/// takes some of the bytes).
const MAX_TEXTS: usize = 50;
const MAX_BYTES: usize = 100 * 1024;

/// The DeepL API.
pub struct Deepl {
    config: DeeplConfig,
    key: Option<String>,
    /// Glossary id per pair (source, target), once made or found.
    glossaries: Mutex<Vec<((String, String), String)>>,
}

/// The endpoint: the configured URL, else free for `:fx` keys, else pro.
pub fn endpoint(config_url: &str, key: Option<&str>) -> String {
    if !config_url.is_empty() {
        return config_url.trim_end_matches('/').to_string();
    }
    match key {
        Some(k) if k.ends_with(":fx") => FREE.into(),
        _ => PRO.into(),
    }
}

/// DeepL's source language code: the language alone, upper case.
pub fn source_code(pair: &LanguagePair) -> String {
    pair.source.language.as_str().to_ascii_uppercase()
}

/// DeepL's target code: English and Portuguese need a variant (EN-GB/EN-US, PT-BR/PT-PT),
/// Chinese a script.
pub fn target_code(pair: &LanguagePair) -> String {
    let lang = pair.target.language.as_str().to_ascii_uppercase();
    let region = pair.target.region.map(|r| r.as_str().to_ascii_uppercase());
    let script = pair.target.script.map(|s| s.as_str().to_string());
    match lang.as_str() {
        "EN" => match region.as_deref() {
            Some("GB" | "IE" | "AU" | "NZ" | "IN" | "ZA") => "EN-GB".into(),
            _ => "EN-US".into(),
        },
        "PT" => match region.as_deref() {
            Some("BR") => "PT-BR".into(),
            _ => "PT-PT".into(),
        },
        "ZH" => match (script.as_deref(), region.as_deref()) {
            (Some("Hant"), _) | (_, Some("TW" | "HK" | "MO")) => "ZH-HANT".into(),
            _ => "ZH-HANS".into(),
        },
        _ => lang,
    }
}

#[derive(Deserialize)]
struct TranslateReply {
    translations: Vec<TranslatedText>,
}

#[derive(Deserialize)]
struct TranslatedText {
    #[serde(default)]
    text: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct GlossaryList {
    glossaries: Vec<GlossaryInfo>,
}

#[derive(Deserialize)]
struct GlossaryInfo {
    glossary_id: String,
    name: String,
}

#[derive(Deserialize)]
struct Usage {
    character_count: u64,
    character_limit: u64,
}

impl Deepl {
    /// DeepL as configured; the key is read from the environment now.
    pub fn new(config: &DeeplConfig) -> Deepl {
        Deepl {
            key: super::http::env_key(&config.key_env),
            config: config.clone(),
            glossaries: Mutex::new(Vec::new()),
        }
    }

    fn url(&self, path: &str) -> String {
        super::http::join(&endpoint(&self.config.url, self.key.as_deref()), path)
    }

    fn auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.key {
            Some(k) => request.header("Authorization", format!("DeepL-Auth-Key {k}")),
            None => request,
        }
    }

    fn glossary_pair(pair: &LanguagePair) -> (String, String) {
        (
            pair.source.language.as_str().to_string(),
            pair.target.language.as_str().to_string(),
        )
    }
}

/// The entries as DeepL's TSV: one source form per line, no tabs or line breaks inside.
pub fn entries_tsv(entries: &[TermEntry]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ").trim().to_string();
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for e in entries {
        let (s, t) = (clean(&e.source), clean(&e.target));
        if s.is_empty() || t.is_empty() || !seen.insert(s.clone()) {
            continue;
        }
        out.push_str(&s);
        out.push('\t');
        out.push_str(&t);
        out.push('\n');
    }
    out
}

#[async_trait]
impl Api for Deepl {
    fn name(&self) -> &'static str {
        "deepl"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.config.batch.clamp(1, MAX_TEXTS),
            max_bytes: MAX_BYTES,
        }
    }

    fn glossary_use(&self) -> GlossaryUse {
        if self.config.glossary {
            GlossaryUse::Native
        } else {
            GlossaryUse::None
        }
    }

    fn prepare(&self, _pair: &LanguagePair) -> Result<(), EngineError> {
        if self.key.is_none() {
            return Err(EngineError::NoKey {
                engine: "deepl".into(),
                variable: self.config.key_env.clone(),
            });
        }
        let formality = ["default", "more", "less", "prefer_more", "prefer_less"];
        if !formality.contains(&self.config.formality.as_str()) {
            return Err(EngineError::Config {
                engine: "deepl".into(),
                detail: crate::i18n::render(&crate::msg!(
                    "config-deepl-formality",
                    formality = self.config.formality.as_str(),
                    allowed = formality.join(", ")
                )),
            });
        }
        Ok(())
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        format!(
            "deepl/{}/{}/{}",
            target_code(pair),
            self.config.formality,
            &blake3::hash(self.config.context.as_bytes()).to_hex()[..8]
        )
    }

    fn secrets(&self) -> Vec<String> {
        self.key.iter().cloned().collect()
    }

    async fn use_glossary(
        &self,
        http: &Http,
        pair: &LanguagePair,
        terms: &Terms,
    ) -> Result<(), ApiError> {
        if !self.config.glossary {
            return Ok(());
        }
        let tsv = entries_tsv(&terms.all());
        if tsv.is_empty() {
            return Ok(());
        }
        let (src, tgt) = Self::glossary_pair(pair);
        let prefix = format!("verso-{src}-{tgt}-");
        let name = format!("{prefix}{}", &blake3::hash(tsv.as_bytes()).to_hex()[..16]);
        let list: GlossaryList = http.json(
            &http
                .send(self.auth(http.client.get(self.url("/v2/glossaries"))))
                .await?,
        )?;
        let existing = list.glossaries.iter().find(|g| g.name == name);
        let id = match existing {
            Some(g) => g.glossary_id.clone(),
            None => {
                let body = json!({
                    "name": name,
                    "source_lang": src,
                    "target_lang": tgt,
                    "entries": tsv,
                    "entries_format": "tsv",
                });
                let created: GlossaryInfo = http.json(
                    &http
                        .send(
                            self.auth(http.client.post(self.url("/v2/glossaries")))
                                .json(&body),
                        )
                        .await?,
                )?;
                created.glossary_id
            }
        };
        // Replaced versions of this pair's glossary go.
        for old in list
            .glossaries
            .iter()
            .filter(|g| g.name.starts_with(&prefix) && g.glossary_id != id)
        {
            let url = self.url(&format!("/v2/glossaries/{}", old.glossary_id));
            http.send(self.auth(http.client.delete(url))).await?;
        }
        let mut known = self.glossaries.lock().await;
        known.retain(|(p, _)| *p != (src.clone(), tgt.clone()));
        known.push(((src, tgt), id));
        Ok(())
    }

    async fn translate(
        &self,
        http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        _terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let mut body = json!({
            "text": texts,
            "source_lang": source_code(pair),
            "target_lang": target_code(pair),
            "tag_handling": "xml",
            "ignore_tags": ["x", "n"],
        });
        if self.config.formality != "default" {
            body["formality"] = json!(self.config.formality);
        }
        if !self.config.context.is_empty() {
            body["context"] = json!(self.config.context);
        }
        let glossary = {
            let known = self.glossaries.lock().await;
            let key = Self::glossary_pair(pair);
            known
                .iter()
                .find(|(p, _)| *p == key)
                .map(|(_, id)| id.clone())
        };
        if let Some(id) = glossary {
            body["glossary_id"] = json!(id);
        }
        let reply = http
            .send(
                self.auth(http.client.post(self.url("/v2/translate")))
                    .json(&body),
            )
            .await?;
        let parsed: TranslateReply = http.json(&reply)?;
        Ok(parsed
            .translations
            .into_iter()
            .map(|t| t.text.and_then(answer))
            .collect())
    }

    async fn probe(&self, http: &Http) -> Result<String, ApiError> {
        let usage: Usage = http.json(
            &http
                .send(self.auth(http.client.get(self.url("/v2/usage"))))
                .await?,
        )?;
        Ok(crate::i18n::render(&crate::msg!(
            "probe-usage",
            used = usage.character_count.to_string(),
            limit = usage.character_limit.to_string()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(s: &str, t: &str) -> LanguagePair {
        LanguagePair {
            source: s.parse().expect("tag"),
            target: t.parse().expect("tag"),
        }
    }

    #[test]
    fn endpoint_by_key_unless_configured() {
        assert_eq!(endpoint("", Some("abc:fx")), FREE);
        assert_eq!(endpoint("", Some("abc")), PRO);
        assert_eq!(
            endpoint("http://127.0.0.1:9/", Some("abc:fx")),
            "http://127.0.0.1:9"
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(source_code(&pair("en-US", "es")), "EN");
        assert_eq!(target_code(&pair("de", "en")), "EN-US");
        assert_eq!(target_code(&pair("de", "en-GB")), "EN-GB");
        assert_eq!(target_code(&pair("en", "pt-BR")), "PT-BR");
        assert_eq!(target_code(&pair("en", "pt")), "PT-PT");
        assert_eq!(target_code(&pair("en", "zh-TW")), "ZH-HANT");
        assert_eq!(target_code(&pair("en", "de-CH")), "DE");
    }

    #[test]
    fn tsv_has_one_line_per_source_form() {
        let e = |s: &str, t: &str| TermEntry {
            source: s.into(),
            target: t.into(),
            kind: "term".into(),
            note: None,
        };
        let tsv = entries_tsv(&[
            e("howitzer", "obús"),
            e("howitzer", "x"),
            e("a\tb", "c"),
            e(" ", "d"),
        ]);
        assert_eq!(tsv, "howitzer\tobús\na b\tc\n");
    }
}
