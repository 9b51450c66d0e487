//! A block's text: read it, save it (and approve it), see its history, put an earlier text
//! back, send it back to the machine. Every write names the block's version it was made on
//! and is refused (409) with what won when another came first.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{
    BlockRef, Refusal, Site, as_writer, auth, block_findings, off_thread, source_of, writer,
};
use crate::memory::desk::Dismissal;
use crate::memory::reviews::{self, Role, Saved};
use crate::memory::{HumanItem, now};
use crate::report::Severity;
use crate::review::corrections::{self, CorrectedBlock, Corrections};
use crate::segment::Segment;

/// The best text the memory holds for a block (approved, reviewed, the newest machine one).
fn best(
    site: &Site,
    pair: &crate::backend::LanguagePair,
    key: &str,
) -> Result<Option<crate::memory::Entry>, Refusal> {
    let mut found = site
        .memory
        .lookup_best(pair, &[key.to_string()])
        .map_err(Refusal::internal)?;
    Ok(found.remove(key))
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

/// A block: its source, the best text the memory holds, its status and version.
pub(super) async fn block(
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
        let entry = best(&site, &pair, &key)?;
        let entry = entry.as_ref();
        let (version, author) = site
            .memory
            .block_version(&pair, &key)
            .map_err(Refusal::internal)?;
        Ok(Json(BlockView {
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

/// A save: the reviewer's text (canonical form, placeholders as `<1>…</1>`), whether it is
/// approved, and the version it was made on.
#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    /// The block.
    #[serde(flatten)]
    pub at: BlockRef,
    /// The text.
    pub target: String,
    /// Save and approve.
    #[serde(default)]
    pub approve: bool,
    /// The version the text was made on.
    pub version: i64,
    /// Why a text with an error is approved as it is (asked for when it has one; recorded as
    /// the dismissal of those errors).
    #[serde(default)]
    pub reason: String,
}

/// The reviewer's text checked as a corrections file is: every placeholder back once.
fn accepted_text(
    req: &SaveRequest,
    pair: &crate::backend::LanguagePair,
    source: &Segment,
) -> Result<(Segment, Segment), Refusal> {
    let file = Corrections {
        format: corrections::FORMAT.into(),
        version: corrections::VERSION,
        file: req.at.path.clone(),
        source_lang: pair.source.to_string(),
        target_lang: pair.target.to_string(),
        saved_at: None,
        blocks: vec![CorrectedBlock {
            block: req.at.block,
            line: 0,
            key: source.key(),
            source: source.canonical(),
            target: req.target.clone(),
            status: reviews::status(req.approve).as_str().into(),
            edited: true,
        }],
    };
    let accepted = corrections::validate(&file)
        .map_err(|problems| Refusal::new(StatusCode::BAD_REQUEST, problems.join("; ")))?;
    let a = accepted
        .into_iter()
        .next()
        .ok_or_else(|| Refusal::new(StatusCode::BAD_REQUEST, "nothing to save"))?;
    Ok((a.source, a.target))
}

/// The answer to a write that another came before, or that precedence kept out.
fn refused_write(saved: Saved) -> Response {
    match saved {
        Saved::Conflict {
            version,
            author,
            target,
        } => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "saved": false, "version": version, "author": author, "target": target
            })),
        )
            .into_response(),
        Saved::Kept { version } | Saved::Stored { version } => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "saved": false, "version": version, "error": "the block is approved"
            })),
        )
            .into_response(),
    }
}

/// Saves a reviewer's text (and approval): 200 with the new version and the block's findings,
/// 409 with what won when the block changed since it was loaded, 400 when the text lost or
/// doubled a placeholder, 403 when a reviewer who may not approve asks to, 422 when a text
/// with an error is approved without a reason (nothing stored; the findings are in the answer).
pub(super) async fn save(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<SaveRequest>,
) -> Response {
    let who = match writer(&site, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if req.approve && who.role != Role::Approver {
        return Refusal::may_not_approve(&who).into_response();
    }
    off_thread(move || {
        let r = &req.at;
        let (pair, source) = source_of(&site, r)?;
        let (source, target) = accepted_text(&req, &pair, &source)?;
        // An approval is checked before anything is stored: an error needs a reason.
        let mut checked = None;
        if req.approve {
            let review = site.review_of(&r.article(), Some((r.block, target.clone())))?;
            let errors: Vec<String> = review
                .blocks
                .iter()
                .filter(|b| b.index == r.block)
                .flat_map(|b| b.open_findings())
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.rule.clone())
                .collect();
            let reason = req.reason.trim();
            if !errors.is_empty() && reason.is_empty() {
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(serde_json::json!({
                        "saved": false, "needs_reason": true,
                        "error": "the text has an error: give a reason to approve it as it is",
                        "findings": block_findings(&review, r.block),
                    })),
                )
                    .into_response());
            }
            let mut review = review;
            let mut made = Vec::new();
            for rule in errors {
                let dismissal = Dismissal {
                    rule,
                    target: target.canonical(),
                    author: who.name.clone(),
                    at: now(),
                    reason: reason.to_string(),
                };
                site.memory
                    .dismiss(&pair, &source.key(), &dismissal)
                    .map_err(Refusal::internal)?;
                made.push(dismissal);
            }
            review.apply_dismissals(&std::iter::once((source.key(), made)).collect());
            checked = Some(review);
        }
        let item = HumanItem {
            source: &source,
            target: &target,
            status: reviews::status(req.approve),
            changed_at: now(),
            names: &[],
        };
        let saved = site
            .memory
            .save_reviewed(&pair, &item, &who.name, req.version)
            .map_err(Refusal::internal)?;
        let Saved::Stored { version } = saved else {
            return Ok(refused_write(saved));
        };
        // Live checks: the block's findings with the text now in the memory (an approval's
        // were made above, on the same text).
        let review = match checked {
            Some(review) => review,
            None => site.review_of(&r.article(), None)?,
        };
        Ok(Json(serde_json::json!({
            "saved": true, "version": version, "findings": block_findings(&review, r.block)
        }))
        .into_response())
    })
    .await
}

/// A revert: the block's text as a save made it (`to`), saved again as a new version on the
/// version the reviewer saw (`version`).
#[derive(Debug, Deserialize)]
pub struct RevertRequest {
    /// The block.
    #[serde(flatten)]
    pub at: BlockRef,
    /// The version whose text comes back.
    pub to: i64,
    /// The version the reviewer saw.
    pub version: i64,
}

/// What a revert or a send-back answers: the block as it is now.
fn block_now(site: &Site, r: &BlockRef, version: i64) -> Result<Response, Refusal> {
    let (pair, source) = source_of(site, r)?;
    let key = source.key();
    let entry = best(site, &pair, &key)?;
    let entry = entry.as_ref();
    let review = site.review_of(&r.article(), None)?;
    Ok(Json(serde_json::json!({
        "saved": true, "version": version,
        "target": entry.map(|e| e.target.canonical()),
        "status": entry.map(|e| e.status.clone()),
        "findings": block_findings(&review, r.block),
    }))
    .into_response())
}

/// Puts back the text a save made, as a new save (history keeps everything); an approved
/// text comes back approved, which only an approver may do, and a send-back is sent back
/// again.
pub(super) async fn revert(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<RevertRequest>,
) -> Response {
    as_writer(site, &headers, move |site, who| {
        let r = &req.at;
        let (pair, source) = source_of(site, r)?;
        let history = site
            .memory
            .history(&pair, &source.key())
            .map_err(Refusal::internal)?;
        let entry = history
            .iter()
            .find(|h| h.version == req.to)
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no version {}", req.to)))?;
        if entry.status == "machine" {
            return machine_back(site, &who, r, req.version);
        }
        let approve = entry.status == "approved";
        if approve && who.role != Role::Approver {
            return Err(Refusal::may_not_approve(&who));
        }
        let target = Segment::parse_canonical(&entry.after);
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
            .map_err(Refusal::internal)?;
        match saved {
            Saved::Stored { version } => block_now(site, r, version),
            refused => Ok(refused_write(refused)),
        }
    })
    .await
}

/// A block to send back to the machine, on the version the reviewer saw.
#[derive(Debug, Deserialize)]
pub struct MachineRequest {
    /// The block.
    #[serde(flatten)]
    pub at: BlockRef,
    /// The version the reviewer saw.
    pub version: i64,
}

/// Takes the reviewers' text of a block out of the memory, so the engine's translation is
/// used again (an approved one only by an approver); answers the block as it is now.
pub(super) async fn send_to_machine(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Json(req): Json<MachineRequest>,
) -> Response {
    as_writer(site, &headers, move |site, who| {
        let r = &req.at;
        machine_back(site, &who, r, req.version)
    })
    .await
}

fn machine_back(
    site: &Site,
    who: &reviews::Reviewer,
    r: &BlockRef,
    version: i64,
) -> Result<Response, Refusal> {
    let (pair, source) = source_of(site, r)?;
    let key = source.key();
    let entry = best(site, &pair, &key)?;
    let entry = entry.as_ref();
    if entry.is_some_and(|e| e.status == "approved") && who.role != Role::Approver {
        return Err(Refusal::may_not_approve(who));
    }
    let saved = site
        .memory
        .send_to_machine(&pair, &key, &who.name, version)
        .map_err(Refusal::internal)?;
    match saved {
        Saved::Stored { version } => block_now(site, r, version),
        Saved::Kept { version } => Ok((
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "saved": false, "version": version,
                "error": "the block has no reviewers' text to take back"
            })),
        )
            .into_response()),
        conflict => Ok(refused_write(conflict)),
    }
}

/// Every save of a block: who, when, before and after.
pub(super) async fn history(
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
            .map_err(Refusal::internal)?;
        let rows: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|h| {
                serde_json::json!({
                    "version": h.version, "author": h.author, "at": h.at,
                    "before": h.before, "after": h.after, "status": h.status
                })
            })
            .collect();
        Ok(Json(rows))
    })
    .await
}
