//! `verso serve`: the review pages served from the memory, and an API that saves a
//! reviewer's text or approval straight into it.
//!
//! Every request needs a reviewer's token ([`auth`]); a write needs it in the
//! `X-Verso-Token` header, so a page on another site cannot write with the browser's cookie.
//! A save names the block's version it was made on and is refused (409) when another came
//! first, with what won ([`crate::memory::reviews`]); it is committed before it is answered.
//! The pages are the ones `verso translate` writes, drawn from the memory at each request.

pub mod auth;
mod blocks;
mod desk;
mod index_cache;
mod pages;

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::backend::LanguagePair;
use crate::check::batch::BlockFacts;
use crate::document::Document;
use crate::memory::Memory;
use crate::memory::reviews::{Reviewer, Role};
use crate::review::files::{ArticleFacts, Context, Prepared};
use crate::review::model::{FindingView, ReviewDoc};
use crate::segment::Segment;

/// The largest request body accepted: a block's text with its placeholders, many times over.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What the server serves: the articles, one review context per target language, the memory.
pub struct Site {
    /// The memory every save goes into.
    pub memory: Arc<Memory>,
    /// The source articles, by the path shown in links.
    pub articles: Vec<(String, Document)>,
    /// Per target language: the review context (pair, glossary, checks). Shared without a
    /// lock: the checks only read it, so saves in one language are checked side by side.
    pub locales: Vec<(String, Context)>,
    /// The source language.
    pub source: unic_langid::LanguageIdentifier,
    /// Writes allowed per reviewer in a minute.
    pub limit: WriteLimit,
    /// The protected source segments of each article's blocks, by locale and path: made once,
    /// so reading or saving a block takes no lock and no article-wide work.
    pub protected: std::collections::HashMap<(String, String), Vec<crate::segment::Segment>>,
    /// Per locale (as in `locales`), per article: the facts its last check left for the batch
    /// rules, so a save is compared with the whole batch without checking every article again.
    facts: Vec<Mutex<Vec<ArticleFacts>>>,
    /// The index as last drawn, out of date after each write.
    index: index_cache::IndexCache,
}

impl Site {
    /// A site over `articles` in `locales`, their protected segments made once.
    pub fn new(
        source: unic_langid::LanguageIdentifier,
        memory: Arc<Memory>,
        articles: Vec<(String, Document)>,
        locales: Vec<(String, Context)>,
        limit: WriteLimit,
    ) -> Site {
        let mut protected = std::collections::HashMap::new();
        let mut facts = Vec::new();
        for (tag, context) in &locales {
            // Each article checked once, as the memory holds it, for the batch rules.
            facts.push(Mutex::new(
                articles
                    .iter()
                    .map(|(_, doc)| {
                        context
                            .from_memory(doc, &memory)
                            .map(|p| p.facts)
                            .unwrap_or_default()
                    })
                    .collect(),
            ));
            for (path, doc) in &articles {
                let segments = context
                    .protect(doc)
                    .into_iter()
                    .map(|e| e.segment)
                    .collect();
                protected.insert((tag.clone(), path.clone()), segments);
            }
        }
        Site {
            memory,
            articles,
            locales,
            source,
            limit,
            protected,
            facts,
            index: index_cache::IndexCache::default(),
        }
    }
}

/// At most `per_minute` writes per reviewer in any minute: a stuck key or a runaway script
/// cannot flood the memory (429, with `Retry-After`).
#[derive(Debug)]
pub struct WriteLimit {
    per_minute: u32,
    windows: Mutex<std::collections::HashMap<String, (std::time::Instant, u32)>>,
}

impl WriteLimit {
    /// A limit of `per_minute` writes per reviewer.
    pub fn new(per_minute: u32) -> WriteLimit {
        WriteLimit {
            per_minute,
            windows: Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// Counts a write of `who`; the seconds to wait when over the limit.
    fn check(&self, who: &str) -> Result<(), u64> {
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(());
        };
        let now = std::time::Instant::now();
        let window = windows.entry(who.to_string()).or_insert((now, 0));
        let elapsed = now.duration_since(window.0);
        if elapsed >= std::time::Duration::from_secs(60) {
            *window = (now, 0);
        }
        if window.1 >= self.per_minute {
            return Err(60u64.saturating_sub(elapsed.as_secs()).max(1));
        }
        window.1 += 1;
        Ok(())
    }
}

impl Site {
    fn article(&self, path: &str) -> Option<&Document> {
        self.articles
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, d)| d)
    }

    fn locale(&self, tag: &str) -> Option<&Context> {
        self.locales.iter().find(|(t, _)| t == tag).map(|(_, c)| c)
    }

    /// The review of an article in a language as the memory holds it, with the desk's
    /// dismissals; with `edit`, one block's text replaced (the findings a save would have).
    fn review_of(
        &self,
        article: &ArticleRef,
        edit: Option<(usize, Segment)>,
    ) -> Result<ReviewDoc, Refusal> {
        let index = self
            .articles
            .iter()
            .position(|(p, _)| *p == article.path)
            .ok_or_else(|| {
                Refusal::new(
                    StatusCode::NOT_FOUND,
                    format!("no article {}", article.path),
                )
            })?;
        let mut reviews = self.reviews_of(&article.locale, &[index], edit)?;
        reviews
            .pop()
            .ok_or_else(|| Refusal::internal("no review was drawn"))
    }

    /// The reviews of some articles (by index) in a language: each article's own checks, the
    /// batch rules over every article of the batch (the others as their last check left
    /// them), the desk's dismissals. An `edit` of the first article is checked as if saved,
    /// and leaves nothing behind.
    fn reviews_of(
        &self,
        locale: &str,
        indexes: &[usize],
        edit: Option<(usize, Segment)>,
    ) -> Result<Vec<ReviewDoc>, Refusal> {
        let at = self
            .locales
            .iter()
            .position(|(t, _)| t == locale)
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no locale {locale}")))?;
        let context = &self.locales[at].1;
        let mut prepared = Vec::with_capacity(indexes.len());
        for (n, &i) in indexes.iter().enumerate() {
            let doc = &self.articles[i].1;
            let edit = if n == 0 { edit.clone() } else { None };
            let p = context
                .from_memory_with(doc, &self.memory, edit)
                .map_err(Refusal::internal)?;
            prepared.push(p);
        }
        let labels: Vec<String> = self.articles.iter().map(|(p, _)| p.clone()).collect();
        let batch = {
            let mut cache = self.facts[at].lock().map_err(Refusal::internal)?;
            if edit.is_none() {
                for (&i, p) in indexes.iter().zip(&prepared) {
                    if let Some(slot) = cache.get_mut(i) {
                        slot.clone_from(&p.facts);
                    }
                }
            }
            let mut facts: Vec<&[(usize, BlockFacts)]> = cache.iter().map(Vec::as_slice).collect();
            if let (Some(&i), Some(p)) = (indexes.first(), prepared.first()) {
                facts[i] = &p.facts;
            }
            let checked: Vec<(usize, &Document, &Prepared)> = indexes
                .iter()
                .zip(&prepared)
                .map(|(&i, p)| (i, &self.articles[i].1, p))
                .collect();
            context.batch_issues(&facts, &labels, &checked)
        };
        for (i, issues) in batch {
            if let Some(n) = indexes.iter().position(|&x| x == i) {
                prepared[n].issues.extend(issues);
            }
        }
        let mut reviews = Vec::with_capacity(indexes.len());
        for (&i, p) in indexes.iter().zip(&prepared) {
            let (path, doc) = &self.articles[i];
            let mut review = context.review(p, path, doc);
            let keys: Vec<String> = review.blocks.iter().map(|b| b.key.clone()).collect();
            let dismissals = self
                .memory
                .dismissals(context.pair(), &keys)
                .map_err(Refusal::internal)?;
            review.apply_dismissals(&dismissals);
            reviews.push(review);
        }
        Ok(reviews)
    }
}

/// The server's routes over `site`.
pub fn router(site: Arc<Site>) -> axum::Router {
    axum::Router::new()
        .route("/", get(pages::index))
        .route("/review/{locale}/{*path}", get(pages::page))
        .route("/api/block", get(blocks::block).post(blocks::save))
        .route("/api/history", get(blocks::history))
        .route("/api/revert", post(blocks::revert))
        .route("/api/machine", post(blocks::send_to_machine))
        .route("/api/approve-clean", post(desk::approve_clean))
        .route("/api/comments", get(desk::comments).post(desk::comment))
        .route("/api/dismiss", post(desk::dismiss))
        .route("/api/assign", post(desk::assign))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&site),
            count_writes,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(site)
}

/// Every request that may write (anything but GET and HEAD) makes the kept index out of date
/// once it has finished: one place for every write the API has or will have.
async fn count_writes(
    axum::extract::State(site): axum::extract::State<Arc<Site>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    let response = next.run(request).await;
    if writes {
        site.index.wrote();
    }
    response
}

/// Which block of which article in which language.
#[derive(Debug, Deserialize)]
pub struct BlockRef {
    /// Target language.
    pub locale: String,
    /// The article's path, as in its link.
    pub path: String,
    /// Block index.
    pub block: usize,
}

impl BlockRef {
    fn article(&self) -> ArticleRef {
        ArticleRef {
            locale: self.locale.clone(),
            path: self.path.clone(),
        }
    }
}

/// An article in one language.
#[derive(Debug, Deserialize)]
pub struct ArticleRef {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
}

/// A request refused: its status and why, answered as `{"error": …}`.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    message: String,
    /// Seconds to wait, for 429.
    retry_after: Option<u64>,
}

impl Refusal {
    /// A refusal with `status`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 500: the memory or the server failed.
    pub fn internal(e: impl std::fmt::Display) -> Refusal {
        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }

    /// 403: the reviewer may not approve.
    fn may_not_approve(who: &Reviewer) -> Refusal {
        Refusal::new(
            StatusCode::FORBIDDEN,
            format!("{} may not approve", who.name),
        )
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response();
        if let Some(value) = self.retry_after.and_then(|s| s.to_string().parse().ok()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// Runs blocking work (the memory, the checks) off the async threads; its refusal, or its
/// failure, is the answer otherwise.
async fn off_thread<T: IntoResponse + Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(answer)) => answer.into_response(),
        Ok(Err(refused)) => refused.into_response(),
        Err(e) => Refusal::internal(e).into_response(),
    }
}

/// The reviewer of a write (token in the header), counted against their limit.
fn writer(site: &Site, headers: &HeaderMap) -> Result<Reviewer, Refusal> {
    let who = auth::writer(&site.memory, headers)?;
    if let Err(wait) = site.limit.check(&who.name) {
        let mut refused = Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("too many writes by {}: try again in {wait} s", who.name),
        );
        refused.retry_after = Some(wait);
        return Err(refused);
    }
    Ok(who)
}

/// Runs a write off the async threads as its reviewer (token in the header, within their
/// limit); a request without a valid token gets its refusal at once.
async fn as_writer<T: IntoResponse + Send + 'static>(
    site: Arc<Site>,
    headers: &HeaderMap,
    work: impl FnOnce(&Site, Reviewer) -> Result<T, Refusal> + Send + 'static,
) -> Response {
    match writer(&site, headers) {
        Ok(who) => off_thread(move || work(&site, who)).await,
        Err(refused) => refused.into_response(),
    }
}

/// The reviewer of a write who must be an approver.
fn approver(site: &Site, headers: &HeaderMap) -> Result<Reviewer, Refusal> {
    let who = writer(site, headers)?;
    if who.role != Role::Approver {
        return Err(Refusal::may_not_approve(&who));
    }
    Ok(who)
}

/// The protected source of a block, and the pair it is reviewed in.
fn source_of(site: &Site, r: &BlockRef) -> Result<(LanguagePair, Segment), Refusal> {
    let segments = site
        .protected
        .get(&(r.locale.clone(), r.path.clone()))
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::NOT_FOUND,
                format!("no article {} in {}", r.path, r.locale),
            )
        })?;
    let segment = segments
        .get(r.block)
        .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no block {}", r.block)))?;
    let pair = site
        .locale(&r.locale)
        .map(|c| c.pair().clone())
        .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no locale {}", r.locale)))?;
    Ok((pair, segment.clone()))
}

/// A finding as the API gives it (what the page lists under a block).
fn finding_json(f: &FindingView) -> serde_json::Value {
    serde_json::json!({
        "rule": f.rule,
        "severity": crate::review::html::severity_class(f.severity),
        "message": f.message,
        "dismissed": f.dismissed.as_ref().map(|d| serde_json::json!({
            "author": d.author, "at": d.at, "reason": d.reason
        })),
    })
}

/// The findings of one block of a review.
fn block_findings(review: &ReviewDoc, block: usize) -> Vec<serde_json::Value> {
    review
        .blocks
        .iter()
        .filter(|b| b.index == block)
        .flat_map(|b| &b.findings)
        .map(finding_json)
        .collect()
}
