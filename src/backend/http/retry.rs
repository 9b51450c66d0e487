//! How long to wait before the next attempt.

use std::time::{Duration, SystemTime};

use super::Settings;

/// The longest `Retry-After` honored.
const LONGEST: Duration = Duration::from_secs(600);

/// `Retry-After` as seconds or as an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds >= 0.0 && seconds.is_finite()).then(|| Duration::from_secs_f64(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// The wait before retry `attempt` (0-based): the service's `Retry-After` when it gave one,
/// else exponential backoff with full jitter between half and all of the step, so many
/// clients that failed together do not come back together.
pub fn delay(settings: &Settings, attempt: u32, after: Option<Duration>) -> Duration {
    if let Some(after) = after {
        return after.min(LONGEST);
    }
    let step = settings
        .backoff
        .saturating_mul(2u32.saturating_pow(attempt))
        .min(settings.max_backoff);
    step.mul_f64(0.5 + fastrand::f64() * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after(" 0.5 "), Some(Duration::from_millis(500)));
        let soon = SystemTime::now() + Duration::from_secs(30);
        let d = parse_retry_after(&httpdate::fmt_http_date(soon)).expect("a date");
        assert!(
            d > Duration::from_secs(27) && d <= Duration::from_secs(30),
            "{d:?}"
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let s = Settings {
            backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(1000),
            ..Settings::default()
        };
        for attempt in 0..8 {
            let d = delay(&s, attempt, None);
            let step = (100u64 << attempt).min(1000);
            assert!(
                d >= Duration::from_millis(step / 2) && d <= Duration::from_millis(step),
                "attempt {attempt}: {d:?}"
            );
        }
        assert_eq!(
            delay(&s, 0, Some(Duration::from_secs(5))),
            Duration::from_secs(5)
        );
        assert_eq!(delay(&s, 0, Some(Duration::from_secs(9999))), LONGEST);
    }
}
