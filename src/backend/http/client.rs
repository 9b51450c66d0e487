//! The HTTP client every engine shares: timeout, status classes, JSON replies, and secrets
//! kept out of every message.

use std::time::Duration;

use super::{ApiError, retry};

/// An API key from the environment variable `variable` (never from files), if set.
pub fn env_key(variable: &str) -> Option<String> {
    std::env::var(variable)
        .ok()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
}

/// `base` (trailing slashes dropped) followed by `path`.
pub fn join(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

/// A transport error with its causes ("error sending request: … Connection refused"), without
/// the URL (Google's carries the key).
fn transport(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The message of an [`ApiError`].
pub fn detail(e: &ApiError) -> String {
    match e {
        ApiError::Retry { detail, .. }
        | ApiError::Request { detail }
        | ApiError::Mismatch { detail }
        | ApiError::Fatal { detail }
        | ApiError::Stopped { detail } => detail.clone(),
    }
}

/// The HTTP client with what every request needs: timeout, redaction, status classes.
pub struct Http {
    /// The client (connection pool).
    pub client: reqwest::Client,
    secrets: Vec<String>,
}

/// A successful reply.
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

impl Http {
    pub(super) fn new(timeout: Duration, secrets: Vec<String>) -> Result<Http, String> {
        // reqwest is built with rustls but no default crypto provider (ring builds fast);
        // installing it twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .user_agent(concat!("verso/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(transport)?;
        Ok(Http {
            client,
            secrets: secrets.into_iter().filter(|s| s.len() >= 4).collect(),
        })
    }

    /// `text` with every secret replaced by `***`.
    pub fn redact(&self, text: &str) -> String {
        self.secrets
            .iter()
            .fold(text.to_string(), |t, s| t.replace(s.as_str(), "***"))
    }

    /// Sends a request and classifies the outcome: 2xx is a reply; 408, 429 and 5xx are worth
    /// retrying (with `Retry-After`); 401, 403 and 456 are fatal; other statuses fail the
    /// request. A body that cannot be read in full is worth retrying.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Result<Reply, ApiError> {
        let response = request.send().await.map_err(|e| ApiError::Retry {
            detail: self.redact(&transport(e)),
            after: None,
        })?;
        let status = response.status().as_u16();
        let after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(retry::parse_retry_after);
        let body = response.bytes().await.map_err(|e| ApiError::Retry {
            detail: self.redact(&transport(e)),
            after: None,
        })?;
        // Redacted before it is cut: a key that crossed the cut would leave its first
        // characters in the message.
        let detail = || {
            let text = self.redact(&String::from_utf8_lossy(&body));
            let text: String = text.chars().take(300).collect();
            crate::i18n::render(&crate::msg!(
                "http-status",
                status = status.to_string(),
                body = text.trim()
            ))
        };
        match status {
            200..=299 => Ok(Reply {
                status,
                body: body.to_vec(),
            }),
            408 | 429 | 500..=599 => Err(ApiError::Retry {
                detail: detail(),
                after,
            }),
            401 | 403 | 456 => Err(ApiError::Fatal { detail: detail() }),
            _ => Err(ApiError::Request { detail: detail() }),
        }
    }

    /// Parses a JSON reply; a body that is not the expected JSON is worth retrying (a proxy's
    /// error page, a truncated body).
    pub fn json<T: serde::de::DeserializeOwned>(&self, reply: &Reply) -> Result<T, ApiError> {
        serde_json::from_slice(&reply.body).map_err(|e| ApiError::Retry {
            detail: self.redact(&crate::i18n::render(&crate::msg!(
                "http-unexpected-reply",
                status = reply.status.to_string(),
                reason = e.to_string()
            ))),
            after: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted() {
        let http = Http::new(Duration::from_secs(1), vec!["sk-secret-123".into()]).expect("client");
        assert_eq!(
            http.redact("bad key sk-secret-123 in https://x/?key=sk-secret-123"),
            "bad key *** in https://x/?key=***"
        );
    }
}
