//! `verso serve`: the review pages served from the memory, and an API that saves a
//! reviewer's text or approval straight into it.
//!
//! Every request needs a reviewer's token ([`auth`]); a write needs it in the
//! `X-Verso-Token` header, so a page on another site cannot write with the browser's cookie.
//! A save names the block's version it was made on and is refused (409) when another came
//! first, with what won ([`crate::memory::reviews`]); it is committed before it is answered.
//! The pages are the ones `verso translate` writes, drawn from the memory at each request.

pub mod auth;

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};

use crate::backend::LanguagePair;
use crate::document::Document;
use crate::memory::reviews::{self, Role, Saved};
use crate::memory::{HumanItem, Memory, now};
use crate::review::corrections::{self, CorrectedBlock, Corrections};
use crate::review::files::Context;
use crate::review::html;

/// The largest request body accepted: a block's text with its placeholders, many times over.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What the server serves: the articles, one review context per target language, the memory.
pub struct Site {
    /// The memory every save goes into.
    pub memory: Arc<Memory>,
    /// The source articles, by the path shown in links.
    pub articles: Vec<(String, Document)>,
    /// Per target language: its pair and the review context (glossary, checks).
    pub locales: Vec<(String, Mutex<Context>)>,
    /// The source language.
    pub source: unic_langid::LanguageIdentifier,
    /// Writes allowed per reviewer in a minute.
    pub limit: WriteLimit,
    /// The protected source segments of each article's blocks, by locale and path: made once,
    /// so reading or saving a block takes no lock and no article-wide work.
    pub protected: std::collections::HashMap<(String, String), Vec<crate::segment::Segment>>,
}

impl Site {
    /// A site over `articles` in `locales`, their protected segments made once.
    pub fn new(
        source: unic_langid::LanguageIdentifier,
        memory: Arc<Memory>,
        articles: Vec<(String, Document)>,
        locales: Vec<(String, Mutex<Context>)>,
        limit: WriteLimit,
    ) -> Site {
        let mut protected = std::collections::HashMap::new();
        for (tag, context) in &locales {
            let Ok(context) = context.lock() else {
                continue;
            };
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

    fn locale(&self, tag: &str) -> Option<&Mutex<Context>> {
        self.locales.iter().find(|(t, _)| t == tag).map(|(_, c)| c)
    }
}

/// The server's routes over `site`.
pub fn router(site: Arc<Site>) -> axum::Router {
    axum::Router::new()
        .route("/", get(index))
        .route("/review/{locale}/{*path}", get(page))
        .route("/api/block", get(block).post(save))
        .route("/api/history", get(history))
        .route("/api/approve-clean", axum::routing::post(approve_clean))
        .route("/api/comments", get(comments).post(comment))
        .route("/api/revert", axum::routing::post(revert))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(site)
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

/// A block as the API gives it.
#[derive(Debug, Serialize)]
struct BlockView {
    key: String,
    source: String,
    target: Option<String>,
    status: Option<String>,
    version: i64,
    author: String,
}

/// A save: the reviewer's text (canonical form, placeholders as `<1>…</1>`), whether it is
/// approved, and the version it was made on.
#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
    /// Block index.
    pub block: usize,
    /// The text.
    pub target: String,
    /// Save and approve.
    #[serde(default)]
    pub approve: bool,
    /// The version the text was made on.
    pub version: i64,
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
        Err(e) => internal(e).into_response(),
    }
}

/// The reviewer of a write (token in the header), counted against their limit.
fn writer(site: &Site, headers: &HeaderMap) -> Result<crate::memory::reviews::Reviewer, Refusal> {
    let who = auth::writer(&site.memory, headers)?;
    if let Err(wait) = site.limit.check(&who.name) {
        let mut refused = error(
            StatusCode::TOO_MANY_REQUESTS,
            format!("too many writes by {}: try again in {wait} s", who.name),
        );
        refused.retry_after = Some(wait);
        return Err(refused);
    }
    Ok(who)
}

fn error(status: StatusCode, message: impl Into<String>) -> Refusal {
    Refusal::new(status, message)
}

fn internal(e: impl std::fmt::Display) -> Refusal {
    Refusal::internal(e)
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

/// The index; opened with `?token=…` (the link `--add-reviewer` prints), it sets the session
/// cookie and sends the browser to the bare address, so the token leaves the address bar.
async fn index(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Response {
    if let Some(token) = q.token {
        return match site.memory.reviewer(&token) {
            Ok(Some(_)) => {
                let mut response = Redirect::to("/").into_response();
                if let Ok(cookie) = auth::session_cookie(&token).parse() {
                    response.headers_mut().insert(header::SET_COOKIE, cookie);
                }
                response
            }
            Ok(None) => auth::unauthorized().into_response(),
            Err(e) => internal(e).into_response(),
        };
    }
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    let site = Arc::clone(&site);
    let built = tokio::task::spawn_blocking(move || {
        let mut entries = Vec::new();
        for (tag, context) in &site.locales {
            let context = context.lock().map_err(|e| e.to_string())?;
            for (path, doc) in &site.articles {
                let prepared = context
                    .from_memory(doc, &site.memory)
                    .map_err(|e| e.to_string())?;
                let review = context.review(&prepared, path, doc);
                entries.push(html::IndexEntry::of(
                    &review,
                    format!("review/{tag}/{path}"),
                ));
            }
        }
        Ok::<_, String>(html::index(&entries))
    })
    .await;
    match built {
        Ok(Ok(page)) => Html(page).into_response(),
        Ok(Err(e)) => internal(e).into_response(),
        Err(e) => internal(e).into_response(),
    }
}

/// An article's review page in one language, as the memory holds it now.
async fn page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Path((locale, path)): Path<(String, String)>,
) -> Response {
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    if site.article(&path).is_none() || site.locale(&locale).is_none() {
        return error(StatusCode::NOT_FOUND, format!("no page {locale}/{path}")).into_response();
    }
    let token = auth::read_token(&headers).unwrap_or_default().to_string();
    let built = tokio::task::spawn_blocking(move || {
        let (doc, context) = (site.article(&path)?, site.locale(&locale)?);
        let context = context.lock().ok()?;
        let prepared = context.from_memory(doc, &site.memory).ok()?;
        let versions = prepared
            .protected
            .iter()
            .map(|p| {
                site.memory
                    .block_version(context.pair(), &p.segment.key())
                    .map(|(v, _)| v)
            })
            .collect::<Result<Vec<i64>, _>>()
            .ok()?;
        let comments = prepared
            .protected
            .iter()
            .map(|p| {
                site.memory
                    .comments(context.pair(), &p.segment.key())
                    .map(|cs| cs.iter().map(comment_json).collect())
            })
            .collect::<Result<Vec<Vec<serde_json::Value>>, _>>()
            .ok()?;
        let served = html::Served {
            token,
            locale,
            path: path.clone(),
            versions,
            comments,
        };
        Some(html::page_for(
            &context.review(&prepared, &path, doc),
            Some(&served),
        ))
    })
    .await;
    match built {
        Ok(Some(page)) => Html(page).into_response(),
        _ => internal("the page could not be drawn").into_response(),
    }
}

/// The findings of a block as the checks see the article now (what the page lists under it).
fn findings_of(site: &Site, r: &BlockRef) -> Result<Vec<serde_json::Value>, Refusal> {
    let doc = site
        .article(&r.path)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no article {}", r.path)))?;
    let context = site
        .locale(&r.locale)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no locale {}", r.locale)))?;
    let context = context.lock().map_err(internal)?;
    let prepared = context.from_memory(doc, &site.memory).map_err(internal)?;
    let review = context.review(&prepared, &r.path, doc);
    Ok(review
        .blocks
        .iter()
        .filter(|b| b.index == r.block)
        .flat_map(|b| &b.findings)
        .map(|f| {
            serde_json::json!({
                "rule": f.rule,
                "severity": match f.severity {
                    crate::report::Severity::Error => "err",
                    crate::report::Severity::Warning => "warn",
                },
                "message": f.message,
            })
        })
        .collect())
}

/// The protected source of a block, and the pair it is reviewed in.
fn source_of(
    site: &Site,
    r: &BlockRef,
) -> Result<(LanguagePair, crate::segment::Segment), Refusal> {
    let segments = site
        .protected
        .get(&(r.locale.clone(), r.path.clone()))
        .ok_or_else(|| {
            error(
                StatusCode::NOT_FOUND,
                format!("no article {} in {}", r.path, r.locale),
            )
        })?;
    let segment = segments
        .get(r.block)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no block {}", r.block)))?;
    let pair = LanguagePair {
        source: site.source.clone(),
        target: r
            .locale
            .parse()
            .map_err(|_| error(StatusCode::NOT_FOUND, format!("no locale {}", r.locale)))?,
    };
    Ok((pair, segment.clone()))
}

/// A block: its source, the best text the memory holds, its status and version.
async fn block(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(r): Query<BlockRef>,
) -> Response {
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    off_thread(move || {
        let (pair, source) = source_of(&site, &r)?;
        let key = source.key();
        let found = site
            .memory
            .lookup_best(&pair, std::slice::from_ref(&key))
            .map_err(internal)?;
        let entry = found.get(&key);
        let (version, author) = site.memory.block_version(&pair, &key).map_err(internal)?;
        Ok::<_, Refusal>(Json(BlockView {
            key,
            source: source.canonical(),
            target: entry.map(|e| e.target.canonical()),
            status: entry.map(|e| e.status.clone()),
            version,
            author,
        }))
    })
    .await
}

/// Saves a reviewer's text (and approval): 200 with the new version, 409 with what won when
/// the block changed since it was loaded, 400 when the text lost or doubled a placeholder,
/// 403 when a reviewer who may not approve asks to.
async fn save(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<SaveRequest>,
) -> Response {
    let who = match writer(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if req.approve && who.role != Role::Approver {
        return error(
            StatusCode::FORBIDDEN,
            format!("{} may not approve", who.name),
        )
        .into_response();
    }
    let answer = tokio::task::spawn_blocking(move || {
        let r = BlockRef {
            locale: req.locale.clone(),
            path: req.path.clone(),
            block: req.block,
        };
        let (pair, source) = source_of(&site, &r)?;
        let status = reviews::status(req.approve);
        // The checks of a corrections file: every placeholder back once, in order.
        let file = Corrections {
            format: corrections::FORMAT.into(),
            version: corrections::VERSION,
            file: req.path.clone(),
            source_lang: pair.source.to_string(),
            target_lang: pair.target.to_string(),
            saved_at: None,
            blocks: vec![CorrectedBlock {
                block: req.block,
                line: 0,
                key: source.key(),
                source: source.canonical(),
                target: req.target.clone(),
                status: status.as_str().into(),
                edited: true,
            }],
        };
        let accepted = corrections::validate(&file)
            .map_err(|problems| error(StatusCode::BAD_REQUEST, problems.join("; ")))?;
        let Some(a) = accepted.first() else {
            return Err(error(StatusCode::BAD_REQUEST, "nothing to save"));
        };
        let item = HumanItem {
            source: &a.source,
            target: &a.target,
            status: a.status,
            changed_at: now(),
            names: &[],
        };
        let saved = site
            .memory
            .save_reviewed(&pair, &item, &who.name, req.version)
            .map_err(internal)?;
        // Live checks: the block's findings with the text now in the memory.
        let findings = match saved {
            Saved::Stored { .. } => findings_of(&site, &r)?,
            _ => Vec::new(),
        };
        Ok((saved, findings))
    })
    .await;
    match answer {
        Ok(Ok((Saved::Stored { version }, findings))) => Json(serde_json::json!({
            "saved": true, "version": version, "findings": findings
        }))
        .into_response(),
        Ok(Ok((
            Saved::Conflict {
                version,
                author,
                target,
            },
            _,
        ))) => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "saved": false, "version": version, "author": author, "target": target
            })),
        )
            .into_response(),
        Ok(Ok((Saved::Kept { version }, _))) => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "saved": false, "version": version, "error": "the block is approved"
            })),
        )
            .into_response(),
        Ok(Err(refused)) => refused.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

/// A comment on a block.
#[derive(Debug, Deserialize)]
pub struct CommentRequest {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
    /// Block index.
    pub block: usize,
    /// What the reviewer writes (plain text; shown as text, never as markup).
    pub text: String,
    /// The comment it answers.
    #[serde(default)]
    pub reply_to: Option<i64>,
}

/// The longest comment accepted, in characters.
const COMMENT_LIMIT: usize = 4000;

fn comment_json(c: &crate::memory::reviews::Comment) -> serde_json::Value {
    serde_json::json!({
        "id": c.id, "reply_to": c.reply_to, "author": c.author, "at": c.at, "text": c.text
    })
}

/// A block's comments, oldest first.
async fn comments(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(r): Query<BlockRef>,
) -> Response {
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    off_thread(move || {
        let (pair, source) = source_of(&site, &r)?;
        let rows = site
            .memory
            .comments(&pair, &source.key())
            .map_err(internal)?;
        Ok::<_, Refusal>(Json(rows.iter().map(comment_json).collect::<Vec<_>>()))
    })
    .await
}

/// Adds a comment (reviewers and approvers alike); answers it with its id.
async fn comment(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<CommentRequest>,
) -> Response {
    let text = req.text.trim().to_string();
    if text.is_empty() || text.chars().count() > COMMENT_LIMIT {
        return error(
            StatusCode::BAD_REQUEST,
            format!("a comment has 1 to {COMMENT_LIMIT} characters"),
        )
        .into_response();
    }
    let who = match writer(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    off_thread(move || {
        let r = BlockRef {
            locale: req.locale,
            path: req.path,
            block: req.block,
        };
        let (pair, source) = source_of(&site, &r)?;
        let id = site
            .memory
            .add_comment(&pair, &source.key(), &who.name, &text, req.reply_to)
            .map_err(internal)?;
        Ok::<_, Refusal>(Json(serde_json::json!({
            "id": id, "reply_to": req.reply_to, "author": who.name, "at": now(), "text": text
        })))
    })
    .await
}

/// A revert: the block's text as a save made it (`to`), saved again as a new version on the
/// version the reviewer saw (`version`).
#[derive(Debug, Deserialize)]
pub struct RevertRequest {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
    /// Block index.
    pub block: usize,
    /// The version whose text comes back.
    pub to: i64,
    /// The version the reviewer saw.
    pub version: i64,
}

/// Puts back the text a save made, as a new save (history keeps everything); an approved
/// text comes back approved, which only an approver may do.
async fn revert(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<RevertRequest>,
) -> Response {
    let who = match writer(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    off_thread(move || {
        let r = BlockRef {
            locale: req.locale,
            path: req.path,
            block: req.block,
        };
        let (pair, source) = source_of(&site, &r)?;
        let history = site
            .memory
            .history(&pair, &source.key())
            .map_err(internal)?;
        let entry = history
            .iter()
            .find(|h| h.version == req.to)
            .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no version {}", req.to)))?;
        let approve = entry.status == "approved";
        if approve && who.role != Role::Approver {
            return Err(error(
                StatusCode::FORBIDDEN,
                format!("{} may not approve", who.name),
            ));
        }
        let target = crate::segment::Segment::parse_canonical(&entry.after);
        let item = HumanItem {
            source: &source,
            target: &target,
            status: reviews::status(approve),
            changed_at: now(),
            names: &[],
        };
        let saved = site
            .memory
            .save_reviewed(&pair, &item, &who.name, req.version)
            .map_err(internal)?;
        Ok(match saved {
            Saved::Stored { version } => {
                Json(serde_json::json!({ "saved": true, "version": version })).into_response()
            }
            Saved::Conflict { version, .. } | Saved::Kept { version } => (
                StatusCode::CONFLICT,
                Json(serde_json::json!({ "saved": false, "version": version })),
            )
                .into_response(),
        })
    })
    .await
}

/// An article in one language.
#[derive(Debug, Deserialize)]
pub struct ArticleRef {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
}

/// Approves, as they are, the blocks of an article that have a translation and no finding
/// and are not approved yet (an approver's bulk action): each saved on its current version,
/// so a block saved meanwhile is left for a person to look at. Answers how many were approved.
async fn approve_clean(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<ArticleRef>,
) -> Response {
    let who = match writer(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if who.role != Role::Approver {
        return error(
            StatusCode::FORBIDDEN,
            format!("{} may not approve", who.name),
        )
        .into_response();
    }
    off_thread(move || {
        let doc = site
            .article(&req.path)
            .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no article {}", req.path)))?;
        let context = site
            .locale(&req.locale)
            .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no locale {}", req.locale)))?;
        let context = context.lock().map_err(internal)?;
        let prepared = context.from_memory(doc, &site.memory).map_err(internal)?;
        let review = context.review(&prepared, &req.path, doc);
        let mut approved = 0;
        for view in review.blocks.iter().filter(|b| b.findings.is_empty()) {
            let i = view.index;
            let (Some(target), Some(protected)) = (
                prepared.targets.get(i).cloned().flatten(),
                prepared.protected.get(i),
            ) else {
                continue;
            };
            if view.status.as_deref() == Some("approved") {
                continue;
            }
            let pair = context.pair();
            let (version, _) = site
                .memory
                .block_version(pair, &protected.segment.key())
                .map_err(internal)?;
            let item = HumanItem {
                source: &protected.segment,
                target: &target,
                status: reviews::status(true),
                changed_at: now(),
                names: &[],
            };
            let saved = site
                .memory
                .save_reviewed(pair, &item, &who.name, version)
                .map_err(internal)?;
            if matches!(saved, Saved::Stored { .. }) {
                approved += 1;
            }
        }
        Ok::<_, Refusal>(Json(serde_json::json!({ "approved": approved })))
    })
    .await
}

/// Every save of a block: who, when, before and after.
async fn history(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(r): Query<BlockRef>,
) -> Response {
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    off_thread(move || {
        let (pair, source) = source_of(&site, &r)?;
        let rows = site
            .memory
            .history(&pair, &source.key())
            .map_err(internal)?;
        let rows: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|h| {
                serde_json::json!({
                    "version": h.version, "author": h.author, "at": h.at,
                    "before": h.before, "after": h.after, "status": h.status
                })
            })
            .collect();
        Ok::<_, Refusal>(Json(rows))
    })
    .await
}
