//! HTTP engines: one driver with the shared machinery, one small API module per service.
//!
//! An [`Api`] only knows its service: how to ask for a list of tagged texts and how to read
//! the answer, its limits, and what its errors mean. Everything else is here, written once:
//! placeholders to tags and back ([`markup`]), paragraphs too long for a request split at
//! sentences, batching by the service's limits, concurrency and requests-per-second limits,
//! retries with exponential backoff and jitter that honor `Retry-After`, a timeout per
//! request, and the difference between what is worth retrying (429, 5xx, timeouts, a
//! malformed or truncated reply), what fails only the texts of one request (other 4xx — the
//! texts are then retried one by one), and what stops the run (401, 403, DeepL's 456: the
//! engine answers every text of the call with [`EngineError::Fatal`], and the pipeline stores
//! what it has and stops).
//!
//! API keys never reach a message: reqwest errors are stripped of their URL (Google puts the
//! key in the query) and every detail is redacted of the keys in use.

mod client;
mod limiter;
pub mod markup;
mod retry;

pub use client::{Http, Reply, detail, env_key, join};
use limiter::Limiter;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::terms::{TermEntry, Terms};
use super::{Engine, EngineError, LanguagePair, Translation};
use crate::segment::Segment;
use crate::sentences::Sentences;

/// What a service accepts per request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Texts per request.
    pub max_texts: usize,
    /// Bytes of text per request.
    pub max_bytes: usize,
}

/// How hard to push a service and how long to keep trying.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Requests started per second (0: no limit).
    pub requests_per_second: f64,
    /// Seconds before a request is given up (and retried).
    pub timeout: Duration,
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff; doubles per retry, with jitter.
    pub backoff: Duration,
    /// Longest wait between attempts (a longer `Retry-After` is honored up to 10 minutes).
    pub max_backoff: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            concurrency: 4,
            requests_per_second: 0.0,
            timeout: Duration::from_secs(30),
            retries: 6,
            backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
        }
    }
}

/// What went wrong with one request.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// Worth another try (429, 5xx, timeout, connection, malformed or truncated reply).
    Retry {
        /// What happened.
        detail: String,
        /// The service's `Retry-After`.
        after: Option<Duration>,
    },
    /// These texts cannot succeed as sent (400, 413, …).
    Request {
        /// What the service said.
        detail: String,
    },
    /// The reply cannot be lined up with the request (not the expected shape): asked again at
    /// once, then text by text; never accepted.
    Mismatch {
        /// What was wrong.
        detail: String,
    },
    /// Nothing more will work: bad key, no permission, quota used up.
    Fatal {
        /// What the service said.
        detail: String,
    },
    /// Not sent: an earlier request of this run failed fatally.
    Stopped {
        /// What the service had said.
        detail: String,
    },
}

/// What a service does with the run's glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryUse {
    /// Nothing: its output does not depend on the glossary.
    None,
    /// It keeps a glossary of its own, made once per pair ([`Api::use_glossary`]).
    Native,
    /// It gets the entries that occur in each request.
    PerRequest,
}

/// One translation service.
#[async_trait]
pub trait Api: Send + Sync + 'static {
    /// The engine name (`deepl`).
    fn name(&self) -> &'static str;
    /// Per-request limits.
    fn limits(&self) -> Limits;
    /// How placeholders are written for this service.
    fn style(&self) -> markup::Style {
        markup::Style::default()
    }
    /// Checks that can be made without a request (a key is set, the pair is expressible).
    fn prepare(&self, pair: &LanguagePair) -> Result<(), EngineError>;
    /// What decides the output besides the pair: service, URL, model, options.
    fn fingerprint(&self, pair: &LanguagePair) -> String;
    /// Secrets to keep out of every message.
    fn secrets(&self) -> Vec<String> {
        Vec::new()
    }
    /// What it does with the glossary (it changes the fingerprint unless `None`).
    fn glossary_use(&self) -> GlossaryUse {
        GlossaryUse::None
    }
    /// Checks that need the service (the pair is installed), once per pair before any work.
    async fn ready(&self, _http: &Http, _pair: &LanguagePair) -> Result<(), EngineError> {
        Ok(())
    }
    /// Called once per pair before translating, with the run's glossary (DeepL makes a
    /// native glossary of it).
    async fn use_glossary(
        &self,
        _http: &Http,
        _pair: &LanguagePair,
        _terms: &Terms,
    ) -> Result<(), ApiError> {
        Ok(())
    }
    /// Translates tagged texts; `terms` are the glossary entries found in them. One answer per
    /// text, in order; `None` where the reply has no usable text for it (`null`, not a
    /// string, a missing id). The driver checks every answer and asks again for bad ones.
    async fn translate(
        &self,
        http: &Http,
        pair: &LanguagePair,
        texts: &[String],
        terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError>;
    /// A cheap request that proves the service is reachable and the key accepted; says
    /// something useful (usage, models) when it is.
    async fn probe(&self, http: &Http) -> Result<String, ApiError>;
}

/// An HTTP engine: an [`Api`] with the shared machinery.
pub struct HttpEngine<A: Api> {
    api: A,
    http: Http,
    settings: Settings,
    limiter: Limiter,
    terms: std::sync::Mutex<Vec<(LanguagePair, Arc<Terms>)>>,
    /// Set by the first fatal reply (bad key, quota): nothing more is sent.
    dead: std::sync::Mutex<Option<String>>,
}

impl<A: Api> HttpEngine<A> {
    /// The engine; fails only when the HTTP client cannot be built.
    pub fn new(api: A, settings: Settings) -> Result<HttpEngine<A>, EngineError> {
        let http =
            Http::new(settings.timeout, api.secrets()).map_err(|detail| EngineError::Failed {
                engine: api.name().to_string(),
                detail,
            })?;
        Ok(HttpEngine {
            limiter: Limiter::new(&settings),
            api,
            http,
            settings,
            terms: std::sync::Mutex::new(Vec::new()),
            dead: std::sync::Mutex::new(None),
        })
    }

    fn failed(&self, detail: String) -> EngineError {
        EngineError::Failed {
            engine: self.api.name().to_string(),
            detail,
        }
    }

    fn fatal(&self, detail: String) -> EngineError {
        EngineError::Fatal {
            engine: self.api.name().to_string(),
            detail,
        }
    }

    fn terms_for(&self, pair: &LanguagePair) -> Option<Arc<Terms>> {
        let list = self.terms.lock().ok()?;
        list.iter()
            .find(|(p, _)| p == pair)
            .map(|(_, t)| Arc::clone(t))
    }

    /// Runs `attempt` until it succeeds or fails for a reason retrying cannot fix; waits
    /// between attempts as the service asks, else with backoff. Out of retries, the last
    /// reason fails the request.
    async fn retrying<T, Fut>(&self, mut attempt: impl FnMut() -> Fut) -> Result<T, ApiError>
    where
        Fut: std::future::Future<Output = Result<T, ApiError>>,
    {
        let mut tries = 0;
        loop {
            match attempt().await {
                Err(ApiError::Retry { after, .. }) if tries < self.settings.retries => {
                    tokio::time::sleep(retry::delay(&self.settings, tries, after)).await;
                    tries += 1;
                }
                Err(ApiError::Retry { detail, .. }) => {
                    return Err(ApiError::Request {
                        detail: crate::i18n::render(&crate::msg!(
                            "http-gave-up",
                            attempts = tries as usize + 1,
                            detail = detail
                        )),
                    });
                }
                other => return other,
            }
        }
    }

    /// One request for some of `texts`, within the limits. An engine that has failed for good
    /// (bad key, quota) sends nothing more: requests still waiting for a slot fail at once,
    /// while those already sent are awaited, so what the service answered is kept.
    async fn request(
        &self,
        pair: &LanguagePair,
        texts: &[String],
        terms: &[TermEntry],
    ) -> Result<Vec<Option<String>>, ApiError> {
        let _slot = self.limiter.slots.acquire().await;
        self.limiter.pace().await;
        if let Some(detail) = self.dead() {
            return Err(ApiError::Stopped { detail });
        }
        let result = self.api.translate(&self.http, pair, texts, terms).await;
        if let Err(ApiError::Fatal { detail }) = &result
            && let Ok(mut dead) = self.dead.lock()
        {
            dead.get_or_insert_with(|| detail.clone());
        }
        result
    }

    /// Why the engine stopped for good, if it did.
    fn dead(&self) -> Option<String> {
        self.dead.lock().ok().and_then(|d| d.clone())
    }

    /// Translates a group of texts sent together. Every answer is checked on its own
    /// ([`validate`]): the good ones are kept at once and only the bad ones are asked again, so
    /// nothing the service answered well is paid for twice. A reply that cannot be lined up
    /// with the request (another count, not the expected shape) is asked again at once; twice
    /// in a row, or once the retries are used up, the texts left are asked one by one, so one
    /// text the service chokes on does not take its neighbours down.
    async fn call_group(
        &self,
        pair: &LanguagePair,
        texts: &[String],
        terms: &[TermEntry],
    ) -> Vec<Result<Segment, EngineError>> {
        // What each answer must look like, worked out once for every request that asks again.
        let expected: Vec<Expected> = texts.iter().map(|t| Expected::of(t)).collect();
        let mut out: Vec<Option<Result<Segment, EngineError>>> =
            texts.iter().map(|_| None).collect();
        let all: Vec<usize> = (0..texts.len()).collect();
        let rest = self.ask(pair, texts, &expected, terms, all, &mut out).await;
        if !rest.is_empty() {
            let expected = &expected;
            let singles = rest.into_iter().map(|i| async move {
                let mut one = vec![None];
                self.ask(
                    pair,
                    std::slice::from_ref(&texts[i]),
                    std::slice::from_ref(&expected[i]),
                    terms,
                    vec![0],
                    &mut one,
                )
                .await;
                (i, one.pop().flatten())
            });
            for (i, answer) in futures::future::join_all(singles).await {
                out[i] = answer;
            }
        }
        out.into_iter()
            .map(|o| o.unwrap_or_else(|| Err(self.failed(String::new()))))
            .collect()
    }

    /// Asks for `pending` (indices into `texts`) until each has a good answer or has failed,
    /// filling `out`. Returns the indices left to ask one by one (never for a single text).
    async fn ask(
        &self,
        pair: &LanguagePair,
        texts: &[String],
        expected: &[Expected],
        terms: &[TermEntry],
        mut pending: Vec<usize>,
        out: &mut [Option<Result<Segment, EngineError>>],
    ) -> Vec<usize> {
        let (mut tries, mut mismatches) = (0u32, 0u32);
        loop {
            let asked: Vec<String> = pending.iter().map(|&i| texts[i].clone()).collect();
            let wait = match self.request(pair, &asked, terms).await {
                Ok(answers) if answers.len() == asked.len() => {
                    mismatches = 0;
                    let mut bad = Vec::new();
                    let mut reason = String::new();
                    for (&i, answer) in pending.iter().zip(answers) {
                        match expected[i].validate(answer) {
                            Ok(segment) => out[i] = Some(Ok(segment)),
                            Err(why) => {
                                reason = why;
                                bad.push(i);
                            }
                        }
                    }
                    pending = bad;
                    if pending.is_empty() {
                        return Vec::new();
                    }
                    Err(reason)
                }
                Ok(answers) => {
                    mismatches += 1;
                    Err(crate::i18n::render(&crate::msg!(
                        "http-count",
                        sent = asked.len(),
                        back = answers.len()
                    )))
                }
                Err(ApiError::Mismatch { detail }) => {
                    mismatches += 1;
                    Err(detail)
                }
                Err(ApiError::Retry { detail, after }) => Ok((detail, after)),
                Err(ApiError::Fatal { detail }) => {
                    for &i in &pending {
                        out[i] = Some(Err(self.fatal(detail.clone())));
                    }
                    return Vec::new();
                }
                Err(ApiError::Stopped { detail }) => {
                    for &i in &pending {
                        out[i] = Some(Err(EngineError::Stopped {
                            engine: self.api.name().to_string(),
                            detail: detail.clone(),
                        }));
                    }
                    return Vec::new();
                }
                Err(ApiError::Request { detail }) => {
                    if pending.len() > 1 {
                        return pending;
                    }
                    for &i in &pending {
                        out[i] = Some(Err(self.failed(detail.clone())));
                    }
                    return Vec::new();
                }
            };
            if pending.len() > 1 && (mismatches >= 2 || tries >= self.settings.retries) {
                return pending;
            }
            if tries >= self.settings.retries {
                let detail = match &wait {
                    Ok((detail, _)) | Err(detail) => detail.clone(),
                };
                let gave_up = crate::i18n::render(&crate::msg!(
                    "http-gave-up",
                    attempts = tries as usize + 1,
                    detail = detail
                ));
                for &i in &pending {
                    out[i] = Some(Err(self.failed(gave_up.clone())));
                }
                return Vec::new();
            }
            // A service that is struggling gets time; a reply that was merely wrong is asked
            // again at once.
            if let Ok((_, after)) = wait {
                tokio::time::sleep(retry::delay(&self.settings, tries, after)).await;
            }
            tries += 1;
        }
    }
}

/// What an answer to a tagged text must be to be accepted.
struct Expected {
    /// The source has words: an empty answer is no translation.
    has_text: bool,
    /// The source's placeholders, sorted: the answer carries each back once.
    tags: Vec<String>,
}

impl Expected {
    fn of(source: &str) -> Expected {
        let seg = markup::decode(source);
        Expected {
            has_text: seg.has_text(),
            tags: markup::tags(&seg),
        }
    }

    /// The answer decoded, if the driver accepts it: present, not empty for a text with words,
    /// and with exactly the tags of its source (nothing lost, doubled or invented). Anything
    /// else is a malformed reply, asked again and never stored.
    fn validate(&self, answer: Option<String>) -> Result<Segment, String> {
        let Some(text) = answer else {
            return Err(crate::i18n::render(&crate::msg!("http-no-text")));
        };
        let seg = markup::decode(&text);
        if self.has_text && seg.text().trim().is_empty() {
            return Err(crate::i18n::render(&crate::msg!("http-empty-text")));
        }
        let tags = markup::tags(&seg);
        if tags != self.tags {
            return Err(crate::i18n::render(&crate::msg!(
                "http-tags",
                sent = self.tags.join(" "),
                back = tags.join(" ")
            )));
        }
        Ok(seg)
    }
}

/// What a service answered for one text, when it is text: `null`, numbers and the like are no
/// answer (the driver asks again for those).
pub fn answer(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

/// Texts packed into requests within the limits; returns index ranges into `texts`.
fn pack(texts: &[String], limits: Limits) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        let full = i - start >= limits.max_texts.max(1)
            || (i > start && bytes + t.len() > limits.max_bytes);
        if full {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += t.len();
    }
    if start < texts.len() {
        out.push(start..texts.len());
    }
    out
}

/// A segment as tagged texts that each fit a request: one text, or for a paragraph too long
/// for one request, runs of sentences cut at sentence ends outside paired markup. Each sentence
/// is encoded once and runs are joined as they grow, so a paragraph of megabytes costs linear
/// time.
fn encode_fitting(
    seg: &Segment,
    max_bytes: usize,
    style: markup::Style,
    lang: &str,
) -> Vec<String> {
    let whole = markup::encode(seg, style);
    if whole.len() <= max_bytes {
        return vec![whole];
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for s in Sentences::new(lang).segments(seg) {
        let text = markup::encode(&s, style);
        if !current.is_empty() && current.len() + text.len() > max_bytes {
            parts.push(std::mem::take(&mut current));
        }
        current.push_str(&text);
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

#[async_trait]
impl<A: Api> Engine for HttpEngine<A> {
    fn name(&self) -> &'static str {
        self.api.name()
    }

    fn prepare(&self, pair: &LanguagePair) -> Result<(), EngineError> {
        self.api.prepare(pair)
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        // The glossary changes what DeepL and chat engines write, not what Google writes.
        match self.terms_for(pair) {
            Some(terms) => format!("{}+glossary-{}", self.api.fingerprint(pair), terms.digest()),
            None => self.api.fingerprint(pair),
        }
    }

    async fn ready(&self, pair: &LanguagePair) -> Result<(), EngineError> {
        self.api.ready(&self.http, pair).await
    }

    async fn probe(&self) -> Option<Result<String, String>> {
        // Settings and keys first (any pair will do): "set DEEPL_AUTH_KEY" says more than a 403.
        let any = LanguagePair {
            source: unic_langid::langid!("en"),
            target: unic_langid::langid!("es"),
        };
        if let Err(e) = self.api.prepare(&any) {
            return Some(Err(crate::i18n::describe(&e)));
        }
        Some(probe(self).await)
    }

    fn batching(&self) -> (usize, usize) {
        let limits = self.api.limits();
        (
            limits.max_texts.clamp(1, 128),
            self.settings.concurrency.max(1) * 2,
        )
    }

    async fn use_glossary(
        &self,
        pair: &LanguagePair,
        terms: Arc<Terms>,
    ) -> Result<(), EngineError> {
        let used = self.api.glossary_use();
        if used == GlossaryUse::None {
            return Ok(());
        }
        if let Ok(mut list) = self.terms.lock() {
            list.retain(|(p, _)| p != pair);
            list.push((pair.clone(), Arc::clone(&terms)));
        }
        if used != GlossaryUse::Native {
            return Ok(());
        }
        self.retrying(|| self.api.use_glossary(&self.http, pair, &terms))
            .await
            .map_err(|e| match e {
                ApiError::Fatal { detail } => self.fatal(detail),
                other => self.failed(detail(&other)),
            })
    }

    async fn translate(
        &self,
        pair: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError> {
        let style = self.api.style();
        let limits = self.api.limits();
        let lang = pair.source.to_string();
        // Every segment as one or more texts that each fit a request.
        let mut texts: Vec<String> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            for text in encode_fitting(seg, limits.max_bytes, style, &lang) {
                texts.push(text);
                owner.push(i);
            }
        }
        let terms = match (self.api.glossary_use(), self.terms_for(pair)) {
            (GlossaryUse::PerRequest, Some(t)) => {
                let plain: Vec<String> = segments.iter().map(Segment::text).collect();
                t.found_in(plain.iter().map(String::as_str))
            }
            _ => Vec::new(),
        };
        let groups = pack(&texts, limits);
        let calls = groups
            .iter()
            .map(|r| self.call_group(pair, &texts[r.clone()], &terms));
        let answers: Vec<Result<Segment, EngineError>> = futures::future::join_all(calls)
            .await
            .into_iter()
            .flatten()
            .collect();
        let mut out: Vec<Result<Vec<crate::segment::Piece>, EngineError>> =
            (0..segments.len()).map(|_| Ok(Vec::new())).collect();
        for (answer, &i) in answers.into_iter().zip(&owner) {
            match (answer, &mut out[i]) {
                (Ok(part), Ok(pieces)) => {
                    if !pieces.is_empty() {
                        pieces.push(crate::segment::Piece::Text(" ".into()));
                    }
                    pieces.extend(part.pieces);
                }
                (Err(e), slot @ Ok(_)) => *slot = Err(e),
                (_, Err(_)) => {}
            }
        }
        Ok(out
            .into_iter()
            .map(|r| {
                r.map(|pieces| Translation {
                    segment: Segment::from_pieces(pieces).normalized(),
                    unknown_words: Vec::new(),
                    origin: None,
                })
            })
            .collect())
    }
}

/// Probes an engine: what it says when reachable, or why not.
pub async fn probe<A: Api>(engine: &HttpEngine<A>) -> Result<String, String> {
    engine.api.probe(&engine.http).await.map_err(|e| match e {
        ApiError::Retry { detail, .. }
        | ApiError::Request { detail }
        | ApiError::Mismatch { detail }
        | ApiError::Fatal { detail }
        | ApiError::Stopped { detail } => engine.http.redact(&detail),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_respects_count_and_bytes() {
        let texts: Vec<String> = ["aaaa", "bb", "cccccc", "d", "e"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let limits = Limits {
            max_texts: 2,
            max_bytes: 7,
        };
        assert_eq!(pack(&texts, limits), vec![0..2, 2..4, 4..5]);
        let one = Limits {
            max_texts: 10,
            max_bytes: 3,
        };
        assert_eq!(pack(&texts, one), vec![0..1, 1..2, 2..3, 3..5]);
    }

    #[test]
    fn long_paragraphs_split_at_sentences_outside_markup() {
        let seg = Segment::parse_canonical(
            "First sentence here. <1>Second one. Third one.</1> Fourth sentence here.",
        );
        let style = markup::Style::default();
        let parts: Vec<Segment> = encode_fitting(&seg, 40, style, "en")
            .iter()
            .map(|t| markup::decode(t))
            .collect();
        assert!(parts.len() >= 3, "{parts:?}");
        // Put back together as the driver does: parts joined by a space.
        let joined: Vec<crate::segment::Piece> = parts
            .iter()
            .flat_map(|p| {
                std::iter::once(crate::segment::Piece::Text(" ".into())).chain(p.pieces.clone())
            })
            .collect();
        assert_eq!(Segment::from_pieces(joined).normalized(), seg);
        assert!(
            parts
                .iter()
                .any(|p| p.canonical().contains("<1>Second one. Third one.</1>")),
            "{parts:?}"
        );
    }
}
