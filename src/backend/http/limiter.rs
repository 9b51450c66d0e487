//! How hard an engine pushes its service: requests in flight and requests started per second.

use std::time::{Duration, Instant};

use tokio::sync::{Mutex, Semaphore};

use super::Settings;

/// Concurrency and request-rate limits of one engine.
pub(super) struct Limiter {
    pub(super) slots: Semaphore,
    interval: Option<Duration>,
    next: Mutex<Instant>,
}

impl Limiter {
    pub(super) fn new(settings: &Settings) -> Limiter {
        let interval = (settings.requests_per_second > 0.0)
            .then(|| Duration::from_secs_f64(1.0 / settings.requests_per_second));
        Limiter {
            slots: Semaphore::new(settings.concurrency.max(1)),
            interval,
            next: Mutex::new(Instant::now()),
        }
    }

    /// Waits for a start slot under the rate limit.
    pub(super) async fn pace(&self) {
        let Some(interval) = self.interval else {
            return;
        };
        let wait = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let start = (*next).max(now);
            *next = start + interval;
            start - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}
