//! Who is asking: a reviewer's token from the `X-Verso-Token` header or, for reading only, the
//! session cookie the token link set. Writes never trust the cookie alone: a page on another
//! site can make the browser send a cookie, not a header (and the cookie is `SameSite=Strict`
//! besides).

use axum::http::{HeaderMap, StatusCode, header};

use super::Refusal;
use crate::memory::Memory;
use crate::memory::reviews::Reviewer;

/// The header a write carries its token in.
pub const TOKEN_HEADER: &str = "x-verso-token";
/// The session cookie's name.
pub const COOKIE: &str = "verso_token";

/// The `Set-Cookie` value of a session: not readable by scripts, never sent cross-site.
pub fn session_cookie(token: &str) -> String {
    format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/")
}

/// 401, saying what is missing.
pub fn unauthorized() -> Refusal {
    Refusal::new(
        StatusCode::UNAUTHORIZED,
        "a reviewer's token is needed: open the link `verso serve --add-reviewer` printed",
    )
}

fn header_token(headers: &HeaderMap) -> Option<&str> {
    headers.get(TOKEN_HEADER)?.to_str().ok()
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

fn who(memory: &Memory, token: Option<&str>) -> Result<Reviewer, Refusal> {
    let token = token.ok_or_else(unauthorized)?;
    match memory.reviewer(token) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Err(unauthorized()),
        Err(e) => Err(Refusal::internal(e)),
    }
}

/// The reviewer of a read: header or cookie.
pub fn reader(memory: &Memory, headers: &HeaderMap) -> Result<Reviewer, Refusal> {
    who(memory, read_token(headers))
}

/// The token a read came with (the page gives it back to its script for saving).
pub fn read_token(headers: &HeaderMap) -> Option<&str> {
    header_token(headers).or_else(|| cookie_token(headers))
}

/// The reviewer of a write: the header only.
pub fn writer(memory: &Memory, headers: &HeaderMap) -> Result<Reviewer, Refusal> {
    who(memory, header_token(headers))
}
