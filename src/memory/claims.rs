//! Claims: how workers sharing one memory never pay twice for a segment.
//!
//! Before a worker sends a segment to the engine it claims it, in the same transaction that
//! checks the memory does not hold it already. A segment another worker has claimed is left to
//! that worker; this one waits for its translation to land in the memory. A claim is a lease:
//! a worker that dies (SIGKILL, a lost node) stops renewing it, and once it runs out another
//! worker takes the segment over. Storing a translation removes its claims.

use std::path::Path;
use std::time::Duration;

use super::sql::P;
use super::{Memory, MemoryError};
use crate::backend::LanguagePair;

/// What became of a claim on one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// This worker's to send.
    Mine,
    /// Another worker's, its lease still running: wait for its translation.
    Held,
    /// The memory has it now: nothing to send.
    Landed,
}

/// Milliseconds since the epoch: leases of a few seconds must be measurable.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn lease_ms(lease: Duration) -> i64 {
    i64::try_from(lease.as_millis()).unwrap_or(i64::MAX)
}

impl Memory {
    /// Claims segments (by source key) for `owner` for `lease`, in one transaction: each is
    /// [`Claim::Mine`] (free, already this owner's, or another's whose lease ran out),
    /// [`Claim::Held`] by another worker, or [`Claim::Landed`] when the memory holds a
    /// translation the engine with `fingerprint` would be asked for.
    pub fn claim(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        keys: &[String],
        owner: &str,
        lease: Duration,
    ) -> Result<Vec<Claim>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now_ms();
        let until = now.saturating_add(lease_ms(lease));
        // Rows are locked in key order, whatever order the batch has: two workers claiming
        // overlapping batches never wait for each other in a circle.
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
        self.write(|tx| {
            let mut out = vec![Claim::Held; keys.len()];
            for &i in &order {
                let key = &keys[i];
                let mut changed = tx.exec(
                    "INSERT INTO claims (source_lang, target_lang, engine, source_key, owner,
                                         expires_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
                       owner = excluded.owner, expires_at = excluded.expires_at
                     WHERE claims.owner = excluded.owner OR claims.expires_at <= ?7",
                    &[
                        P::T(&src),
                        P::T(&tgt),
                        P::T(fingerprint),
                        P::T(key),
                        P::T(owner),
                        P::I(until),
                        P::I(now),
                    ],
                )?;
                if changed == 0 {
                    // A worker of this machine that is no longer running holds nothing: a rerun
                    // after a kill goes on at once instead of waiting out the lease.
                    let holder = tx
                        .row(
                            "SELECT owner FROM claims WHERE source_lang = ?1 AND target_lang = ?2
                               AND engine = ?3 AND source_key = ?4",
                            &[P::T(&src), P::T(&tgt), P::T(fingerprint), P::T(key)],
                        )?
                        .map(|r| r.text(0))
                        .transpose()?;
                    if holder.as_deref().is_some_and(dead_here) {
                        changed = tx.exec(
                            "UPDATE claims SET owner = ?5, expires_at = ?6 WHERE source_lang = ?1
                               AND target_lang = ?2 AND engine = ?3 AND source_key = ?4",
                            &[
                                P::T(&src),
                                P::T(&tgt),
                                P::T(fingerprint),
                                P::T(key),
                                P::T(owner),
                                P::I(until),
                            ],
                        )?;
                    }
                }
                if changed == 0 {
                    out[i] = Claim::Held;
                    continue;
                }
                // Claimed first, then looked for: a translation stored after this look was
                // stored by the holder of a claim this one could not have taken, so a
                // segment is never both claimed here and stored elsewhere unseen.
                let landed = tx
                    .row(
                        "SELECT 1 FROM translations
                         WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3
                           AND (engine = ?4 OR status IN ('approved', 'reviewed')) LIMIT 1",
                        &[P::T(&src), P::T(&tgt), P::T(key), P::T(fingerprint)],
                    )?
                    .is_some();
                if landed {
                    tx.exec(
                        "DELETE FROM claims WHERE source_lang = ?1 AND target_lang = ?2
                           AND engine = ?3 AND source_key = ?4 AND owner = ?5",
                        &[
                            P::T(&src),
                            P::T(&tgt),
                            P::T(fingerprint),
                            P::T(key),
                            P::T(owner),
                        ],
                    )?;
                    out[i] = Claim::Landed;
                } else {
                    out[i] = Claim::Mine;
                }
            }
            Ok(out)
        })
    }

    /// Extends this owner's claims on `keys` (a long run keeps what it has not sent yet).
    pub fn renew_claims(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        keys: &[String],
        owner: &str,
        lease: Duration,
    ) -> Result<(), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let until = now_ms().saturating_add(lease_ms(lease));
        self.write(|tx| {
            for key in keys {
                tx.exec(
                    "UPDATE claims SET expires_at = ?6 WHERE source_lang = ?1 AND target_lang = ?2
                       AND engine = ?3 AND source_key = ?4 AND owner = ?5",
                    &[
                        P::T(&src),
                        P::T(&tgt),
                        P::T(fingerprint),
                        P::T(key),
                        P::T(owner),
                        P::I(until),
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// Gives up this owner's claims on `keys` (the engine failed for them), so another worker
    /// can try at once.
    pub fn release_claims(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        keys: &[String],
        owner: &str,
    ) -> Result<(), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.write(|tx| {
            for key in keys {
                tx.exec(
                    "DELETE FROM claims WHERE source_lang = ?1 AND target_lang = ?2 AND engine = ?3
                       AND source_key = ?4 AND owner = ?5",
                    &[
                        P::T(&src),
                        P::T(&tgt),
                        P::T(fingerprint),
                        P::T(key),
                        P::T(owner),
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// Claims still standing (leases not run out), for `memory stats` and the tests.
    pub fn live_claims(&self) -> Result<u64, MemoryError> {
        self.read(|tx| {
            let n = tx
                .row(
                    "SELECT COUNT(*) FROM claims WHERE expires_at > ?1",
                    &[P::I(now_ms())],
                )?
                .map(|r| r.int(0))
                .transpose()?
                .unwrap_or(0);
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }
}

/// A name for this worker's claims: host, process and a random part (two runs of one process
/// image on one host never share it).
pub fn owner_id() -> String {
    format!(
        "{}:{}:{:08x}",
        host(),
        std::process::id(),
        fastrand::u32(..)
    )
}

fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "host".into())
}

/// Whether `owner` is a worker of this machine whose process has ended (Linux: no
/// `/proc/<pid>`). Anywhere else, or on another machine, nobody is known dead: the lease
/// decides.
fn dead_here(owner: &str) -> bool {
    let mut parts = owner.split(':');
    let (Some(h), Some(pid)) = (parts.next(), parts.next()) else {
        return false;
    };
    if h != host() || !Path::new("/proc/self").exists() {
        return false;
    }
    pid.parse::<u32>().is_ok_and(|pid| {
        pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::Translation;
    use crate::memory::MachineItem;
    use crate::segment::Segment;

    fn pair() -> LanguagePair {
        LanguagePair {
            source: "en".parse().expect("tag"),
            target: "es".parse().expect("tag"),
        }
    }

    #[test]
    fn a_claimed_segment_is_held_for_others_until_its_lease_runs_out_or_it_lands() {
        let dir = tempfile::tempdir().expect("tmp");
        let m = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let seg = Segment::parse_canonical("Credit: the desk.");
        let keys = vec![seg.key(), "other".to_string()];
        let long = Duration::from_secs(60);
        assert_eq!(
            m.claim(&pair(), "e", &keys, "a", long).expect("claim"),
            [Claim::Mine, Claim::Mine]
        );
        assert_eq!(
            m.claim(&pair(), "e", &keys, "b", long).expect("claim"),
            [Claim::Held, Claim::Held]
        );
        // Another engine's claims are its own.
        assert_eq!(
            m.claim(&pair(), "f", &keys[..1], "b", long).expect("claim"),
            [Claim::Mine]
        );
        // A renewed claim is still a's; a released one is free.
        m.renew_claims(&pair(), "e", &keys, "a", long)
            .expect("renew");
        m.release_claims(&pair(), "e", &keys[1..], "a")
            .expect("release");
        assert_eq!(
            m.claim(&pair(), "e", &keys[1..], "b", long).expect("claim"),
            [Claim::Mine]
        );
        // Stored, it has landed for everyone, and its claims are gone.
        let t = Translation {
            segment: Segment::parse_canonical("Crédito: la redacción."),
            unknown_words: Vec::new(),
            origin: None,
        };
        m.store_machine(
            &pair(),
            "e",
            &[MachineItem {
                source: &seg,
                translation: &t,
                names: &[],
            }],
        )
        .expect("stored");
        assert_eq!(
            m.claim(&pair(), "e", &keys[..1], "b", long).expect("claim"),
            [Claim::Landed]
        );
        // A claim whose lease ran out is taken over.
        let short = Duration::from_millis(1);
        assert_eq!(
            m.claim(&pair(), "e", &["k".into()], "a", short)
                .expect("claim"),
            [Claim::Mine]
        );
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(
            m.claim(&pair(), "e", &["k".into()], "b", long)
                .expect("claim"),
            [Claim::Mine]
        );
        // A worker of this machine that has ended holds nothing, lease or not; a running one
        // (this process) keeps its claims.
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("a process");
        let pid = child.id();
        child.wait().expect("ended");
        let dead = format!("{}:{pid}:0", host());
        assert!(dead_here(&dead));
        assert_eq!(
            m.claim(&pair(), "e", &["d".into()], &dead, long)
                .expect("claim"),
            [Claim::Mine]
        );
        assert_eq!(
            m.claim(&pair(), "e", &["d".into()], "b", long)
                .expect("claim"),
            [Claim::Mine]
        );
        let alive = owner_id();
        assert!(!dead_here(&alive) && !dead_here("elsewhere:1:0"));
        assert_eq!(
            m.claim(&pair(), "e", &["l".into()], &alive, long)
                .expect("claim"),
            [Claim::Mine]
        );
        assert_eq!(
            m.claim(&pair(), "e", &["l".into()], "b", long)
                .expect("claim"),
            [Claim::Held]
        );
    }
}
