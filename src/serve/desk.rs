//! The desk's work around the texts: comments, dismissed findings, who is assigned an
//! article, and the approver's bulk approval of clean blocks.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{
    ArticleRef, BlockRef, Refusal, Site, approver, as_writer, auth, block_findings, off_thread,
    source_of,
};
use crate::memory::desk::Dismissal;
use crate::memory::reviews::{self, Saved};
use crate::memory::{HumanItem, now};

/// A comment on a block.
#[derive(Debug, Deserialize)]
pub struct CommentRequest {
    /// The block.
    #[serde(flatten)]
    pub at: BlockRef,
    /// What the reviewer writes (plain text; shown as text, never as markup).
    pub text: String,
    /// The comment it answers.
    #[serde(default)]
    pub reply_to: Option<i64>,
}

/// The longest comment accepted, in characters.
const COMMENT_LIMIT: usize = 4000;

pub(super) fn comment_json(c: &crate::memory::reviews::Comment) -> serde_json::Value {
    serde_json::json!({
        "id": c.id, "reply_to": c.reply_to, "author": c.author, "at": c.at, "text": c.text
    })
}

/// A block's comments, oldest first.
pub(super) async fn comments(
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
            .map_err(Refusal::internal)?;
        Ok(Json(rows.iter().map(comment_json).collect::<Vec<_>>()))
    })
    .await
}

/// Adds a comment (reviewers and approvers alike); answers it with its id.
pub(super) async fn comment(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<CommentRequest>,
) -> Response {
    let text = req.text.trim().to_string();
    if text.is_empty() || text.chars().count() > COMMENT_LIMIT {
        return Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("a comment has 1 to {COMMENT_LIMIT} characters"),
        )
        .into_response();
    }
    as_writer(site, &headers, move |site, who| {
        let r = &req.at;
        let (pair, source) = source_of(site, r)?;
        // An answer answers a comment on the same block.
        if let Some(to) = req.reply_to {
            let thread = site
                .memory
                .comments(&pair, &source.key())
                .map_err(Refusal::internal)?;
            if !thread.iter().any(|c| c.id == to) {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    format!("there is no comment {to} on this block to answer"),
                ));
            }
        }
        let id = site
            .memory
            .add_comment(&pair, &source.key(), &who.name, &text, req.reply_to)
            .map_err(Refusal::internal)?;
        Ok(Json(serde_json::json!({
            "id": id, "reply_to": req.reply_to, "author": who.name, "at": now(), "text": text
        })))
    })
    .await
}

/// A finding dismissed as a false alarm.
#[derive(Debug, Deserialize)]
pub struct DismissRequest {
    /// The block.
    #[serde(flatten)]
    pub at: BlockRef,
    /// The finding's rule.
    pub rule: String,
    /// Why it is a false alarm.
    pub reason: String,
}

/// Dismisses a block's finding of a rule, on the text the block has now, with a reason
/// (reviewers and approvers alike; it is recorded with their name and shown in the report).
/// Answers the block's findings.
pub(super) async fn dismiss(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<DismissRequest>,
) -> Response {
    let reason = req.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > COMMENT_LIMIT || req.rule.is_empty() {
        return Refusal::new(
            StatusCode::BAD_REQUEST,
            format!(
                "a dismissal names its rule and gives a reason of 1 to {COMMENT_LIMIT} characters"
            ),
        )
        .into_response();
    }
    as_writer(site, &headers, move |site, who| {
        let r = &req.at;
        let (pair, source) = source_of(site, r)?;
        let review = site.review_of(&r.article(), None)?;
        let block = review
            .blocks
            .iter()
            .find(|b| b.index == r.block)
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no block {}", r.block)))?;
        let target = block.target.as_ref().ok_or_else(|| {
            Refusal::new(
                StatusCode::CONFLICT,
                "the block has no translation to judge",
            )
        })?;
        if !block.findings.iter().any(|f| f.rule == req.rule) {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                format!("the block has no {} finding now", req.rule),
            ));
        }
        let dismissal = Dismissal {
            rule: req.rule,
            target: target.segment.canonical(),
            author: who.name,
            at: now(),
            reason,
        };
        site.memory
            .dismiss(&pair, &source.key(), &dismissal)
            .map_err(Refusal::internal)?;
        let mut review = review;
        review.apply_dismissals(&std::iter::once((source.key(), vec![dismissal])).collect());
        Ok(Json(
            serde_json::json!({ "findings": block_findings(&review, r.block) }),
        ))
    })
    .await
}

/// An article given to a reviewer.
#[derive(Debug, Deserialize)]
pub struct AssignRequest {
    /// Target language.
    pub locale: String,
    /// The article's path.
    pub path: String,
    /// The reviewer it is given to.
    pub assignee: String,
}

/// Assigns an article in a language to a reviewer (anyone on the desk may).
pub(super) async fn assign(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<AssignRequest>,
) -> Response {
    as_writer(site, &headers, move |site, who| {
        if site.article(&req.path).is_none() {
            return Err(Refusal::new(
                StatusCode::NOT_FOUND,
                format!("no article {}", req.path),
            ));
        }
        let pair = site
            .locale(&req.locale)
            .map(|c| c.pair().clone())
            .ok_or_else(|| {
                Refusal::new(StatusCode::NOT_FOUND, format!("no locale {}", req.locale))
            })?;
        let names = site.memory.reviewer_names().map_err(Refusal::internal)?;
        if !names.contains(&req.assignee) {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                format!("{} is not a reviewer with a valid token", req.assignee),
            ));
        }
        site.memory
            .assign(&pair, &req.path, &req.assignee, &who.name)
            .map_err(Refusal::internal)?;
        Ok(Json(serde_json::json!({ "assignee": req.assignee })))
    })
    .await
}

/// Approves, as they are, the blocks of an article that have a translation and no finding
/// and are not approved yet (an approver's bulk action): each saved on its current version,
/// so a block saved meanwhile is left for a person to look at. Answers how many were approved.
pub(super) async fn approve_clean(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<ArticleRef>,
) -> Response {
    let who = match approver(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    off_thread(move || {
        let review = site.review_of(&req, None)?;
        let pair = site
            .locale(&req.locale)
            .map(|c| c.pair().clone())
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, "no locale"))?;
        let mut approved = 0;
        // Blocks whose findings were all dismissed count as clean: a reviewer judged them.
        for view in review
            .blocks
            .iter()
            .filter(|b| b.open_findings().next().is_none())
        {
            let Some(target) = &view.target else {
                continue;
            };
            if view.status.as_deref() == Some("approved") {
                continue;
            }
            let (version, _) = site
                .memory
                .block_version(&pair, &view.key)
                .map_err(Refusal::internal)?;
            let item = HumanItem {
                source: &view.source.segment,
                target: &target.segment,
                status: reviews::status(true),
                changed_at: now(),
                names: &[],
            };
            let saved = site
                .memory
                .save_reviewed(&pair, &item, &who.name, version)
                .map_err(Refusal::internal)?;
            if matches!(saved, Saved::Stored { .. }) {
                approved += 1;
            }
        }
        Ok(Json(serde_json::json!({ "approved": approved })))
    })
    .await
}
