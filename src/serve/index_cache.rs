//! The desk's index, kept between requests. Drawing it reviews every article in every
//! language (300 articles of 13 blocks: about 0.9 s); a desk reloads it all day. What it
//! shows changes with every write, so a write through this server makes it out of date at
//! once; writes by other processes (a translation run, another server on a shared memory)
//! show within [`FRESH`].

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::review::html::IndexEntry;

/// How long a drawn index stands when this server wrote nothing since.
pub const FRESH: Duration = Duration::from_secs(5);

/// The last index drawn, and the writes seen since.
#[derive(Default)]
pub struct IndexCache {
    writes: AtomicU64,
    kept: Mutex<Option<Kept>>,
}

struct Kept {
    /// The writes counted when drawing began: a write during the drawing leaves it stale.
    writes: u64,
    drawn: Instant,
    entries: Vec<IndexEntry>,
}

impl IndexCache {
    /// A write went through this server (counted once it has finished).
    pub fn wrote(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }

    /// Every article's line, drawn by `draw` unless a fresh drawing is kept.
    pub fn entries<E>(
        &self,
        draw: impl FnOnce() -> Result<Vec<IndexEntry>, E>,
    ) -> Result<Vec<IndexEntry>, E> {
        let writes = self.writes.load(Ordering::SeqCst);
        if let Ok(kept) = self.kept.lock()
            && let Some(k) = kept.as_ref()
            && k.writes == writes
            && k.drawn.elapsed() < FRESH
        {
            return Ok(k.entries.clone());
        }
        let drawn = Instant::now();
        let entries = draw()?;
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some(Kept {
                writes,
                drawn,
                entries: entries.clone(),
            });
        }
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(file: &str) -> IndexEntry {
        IndexEntry {
            file: file.into(),
            ..IndexEntry::default()
        }
    }

    #[test]
    fn a_drawing_is_kept_until_a_write_and_one_made_during_a_write_is_not() {
        let cache = IndexCache::default();
        let draw = |n: &str| Ok::<_, ()>(vec![line(n)]);
        assert_eq!(cache.entries(|| draw("a")), Ok(vec![line("a")]));
        assert_eq!(cache.entries(|| draw("b")), Ok(vec![line("a")]), "kept");
        cache.wrote();
        // Drawn while a write lands: shown once, not kept.
        let during = cache.entries(|| {
            cache.wrote();
            draw("c")
        });
        assert_eq!(during, Ok(vec![line("c")]));
        assert_eq!(cache.entries(|| draw("d")), Ok(vec![line("d")]));
        assert_eq!(cache.entries(|| draw("e")), Ok(vec![line("d")]));
        // A failed drawing keeps nothing.
        cache.wrote();
        assert_eq!(cache.entries(|| Err::<Vec<IndexEntry>, ()>(())), Err(()));
        assert_eq!(cache.entries(|| draw("f")), Ok(vec![line("f")]));
    }
}
