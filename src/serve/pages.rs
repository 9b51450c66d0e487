//! The pages: the desk's index (every article in every language, its status, counts and
//! assignee, filtered by status) and an article's review page, both drawn from the memory at
//! each request.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{ArticleRef, Refusal, Site, auth, off_thread};
use crate::review::html;

#[derive(Debug, Deserialize)]
pub(super) struct IndexQuery {
    token: Option<String>,
    /// Only articles with this status (`machine`, `in-review`, `approved`).
    status: Option<String>,
}

/// The index; opened with `?token=…` (the link `--add-reviewer` prints), it sets the session
/// cookie and sends the browser to the bare address, so the token leaves the address bar.
pub(super) async fn index(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(q): Query<IndexQuery>,
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
            Err(e) => Refusal::internal(e).into_response(),
        };
    }
    if let Err(refused) = auth::reader(&site.memory, &headers) {
        return refused.into_response();
    }
    off_thread(move || {
        let mut entries = site.index.entries(|| {
            let mut entries = Vec::new();
            let all: Vec<usize> = (0..site.articles.len()).collect();
            for (tag, context) in &site.locales {
                let assignees = site
                    .memory
                    .assignees(context.pair())
                    .map_err(Refusal::internal)?;
                // Every article of the language at once: the batch rules are compared once.
                for review in site.reviews_of(tag, &all, None)? {
                    let href = format!("review/{tag}/{}", review.file);
                    let mut entry = html::IndexEntry::of(&review, href);
                    entry.assignee = assignees.get(&review.file).cloned();
                    entries.push(entry);
                }
            }
            Ok(entries)
        })?;
        entries.retain(|e| q.status.as_deref().is_none_or(|s| s == e.status));
        Ok(Html(html::index_for(&entries, Some(q.status.as_deref()))))
    })
    .await
}

/// An article's review page in one language, as the memory holds it now.
pub(super) async fn page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Path((locale, path)): Path<(String, String)>,
) -> Response {
    let who = match auth::reader(&site.memory, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if site.article(&path).is_none() || site.locale(&locale).is_none() {
        return Refusal::new(StatusCode::NOT_FOUND, format!("no page {locale}/{path}"))
            .into_response();
    }
    let token = auth::read_token(&headers).unwrap_or_default().to_string();
    off_thread(move || {
        let article = ArticleRef { locale, path };
        let review = site.review_of(&article, None)?;
        let pair = site
            .locale(&article.locale)
            .map(|c| c.pair().clone())
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, "no locale"))?;
        let keys: Vec<String> = review.blocks.iter().map(|b| b.key.clone()).collect();
        let memory = &site.memory;
        let versions = memory
            .block_versions(&pair, &keys)
            .map_err(Refusal::internal)?;
        let comments = memory
            .comments_of(&pair, &keys)
            .map_err(Refusal::internal)?;
        let assignee = memory
            .assignees(&pair)
            .map_err(Refusal::internal)?
            .remove(&article.path);
        let served = html::Served {
            token,
            versions: keys
                .iter()
                .map(|k| versions.get(k).map_or(0, |v| v.0))
                .collect(),
            comments: keys
                .iter()
                .map(|k| {
                    comments
                        .get(k)
                        .map(|cs| cs.iter().map(super::desk::comment_json).collect())
                        .unwrap_or_default()
                })
                .collect(),
            role: who.role.as_str().to_string(),
            assignee,
            reviewers: memory.reviewer_names().map_err(Refusal::internal)?,
            locale: article.locale,
            path: article.path,
        };
        Ok(Html(html::page_for(&review, Some(&served))))
    })
    .await
}
