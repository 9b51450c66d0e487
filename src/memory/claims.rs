//! Claims: how workers sharing one memory never pay twice for a segment.
//!
//! Before a worker sends a segment to the engine it claims it, in the same transaction that
//! checks the memory does not hold it already. A segment another worker has claimed is left to
//! that worker; this one waits for its translation to land in the memory. A claim is a lease:
//! a worker that dies (SIGKILL, a lost node) stops renewing it, and once it runs out another
//! worker takes the segment over. Storing a translation removes its claims.

use std::path::Path;
use std::time::Duration;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::sql::{DbError, P, Tx, placeholders};
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
    ///
    /// A batch costs two statements (claim, look for landed translations) and two more only
    /// when some keys are held or have landed: on a server each is a round trip, which one
    /// statement per key made the largest cost of a shared memory.
    pub fn claim(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        keys: &[String],
        owner: &str,
        lease: Duration,
    ) -> Result<Vec<Claim>, MemoryError> {
        self.claim_with(pair, fingerprint, &[], keys, owner, lease)
    }

    /// [`Memory::claim`], a translation by one of `stand_ins` (a chain's fallbacks, see
    /// [`crate::backend::Engine::stand_ins`]) counting as landed too.
    pub fn claim_with(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        stand_ins: &[String],
        keys: &[String],
        owner: &str,
        lease: Duration,
    ) -> Result<Vec<Claim>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now_ms();
        let until = now.saturating_add(lease_ms(lease));
        let sorted = in_key_order(keys);
        let decided = self.write(|tx| {
            let mut decided: HashMap<String, Claim> = HashMap::new();
            for chunk in sorted.chunks(CHUNK) {
                let scope = [P::T(&src), P::T(&tgt), P::T(fingerprint), P::T(owner)];
                let mut mine = take(tx, chunk, &scope, until, now)?;
                if mine.len() < chunk.len() {
                    let held: Vec<&str> = chunk
                        .iter()
                        .copied()
                        .filter(|k| !mine.contains(*k))
                        .collect();
                    mine.extend(take_from_dead(tx, &held, &scope, until)?);
                }
                let mine: Vec<&str> = chunk
                    .iter()
                    .copied()
                    .filter(|k| mine.contains(*k))
                    .collect();
                // Claimed first, then looked for: a translation stored after this look was
                // stored by the holder of a claim this one could not have taken, so a
                // segment is never both claimed here and stored elsewhere unseen.
                let landed = landed(tx, &mine, &scope, stand_ins)?;
                let done: Vec<&str> = mine
                    .iter()
                    .copied()
                    .filter(|k| landed.contains(k))
                    .collect();
                release_in(tx, &done, &scope)?;
                for key in chunk {
                    let claim = if landed.contains(*key) {
                        Claim::Landed
                    } else if mine.contains(key) {
                        Claim::Mine
                    } else {
                        Claim::Held
                    };
                    decided.insert((*key).to_string(), claim);
                }
            }
            Ok(decided)
        })?;
        Ok(keys
            .iter()
            .map(|k| decided.get(k).copied().unwrap_or(Claim::Held))
            .collect())
    }

    /// Extends this owner's claims on `keys`: a worker renews what it is still waiting for
    /// the engine to answer, so a slow answer does not outlive the lease.
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
        let sorted = in_key_order(keys);
        self.write(|tx| {
            for chunk in sorted.chunks(CHUNK) {
                let sql = format!(
                    "UPDATE claims SET expires_at = ?5 WHERE source_lang = ?1 AND target_lang = ?2
                       AND engine = ?3 AND owner = ?4 AND source_key IN ({})",
                    placeholders(6, chunk.len())
                );
                let mut params = vec![
                    P::T(&src),
                    P::T(&tgt),
                    P::T(fingerprint),
                    P::T(owner),
                    P::I(until),
                ];
                params.extend(chunk.iter().map(|k| P::T(k)));
                tx.exec(&sql, &params)?;
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
        let sorted = in_key_order(keys);
        self.write(|tx| {
            let scope = [P::T(&src), P::T(&tgt), P::T(fingerprint), P::T(owner)];
            for chunk in sorted.chunks(CHUNK) {
                release_in(tx, chunk, &scope)?;
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

/// Keys one statement claims, releases or renews (a server's parameter limit is far above).
const CHUNK: usize = 64;

/// `keys` once each, sorted: rows are locked in key order whatever order a batch has, so two
/// workers with overlapping batches never wait for each other in a circle.
fn in_key_order(keys: &[String]) -> Vec<&str> {
    let mut sorted: Vec<&str> = keys.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
}

/// Those of `among` that the statement `sql` returns (its first column).
fn returned<'k>(
    tx: &mut dyn Tx,
    sql: &str,
    params: &[P],
    among: &[&'k str],
) -> Result<HashSet<&'k str>, DbError> {
    let got: HashSet<String> = tx
        .rows(sql, params)?
        .iter()
        .map(|r| r.text(0))
        .collect::<Result<_, _>>()?;
    Ok(among.iter().copied().filter(|k| got.contains(*k)).collect())
}

/// Drops the owner's claims on `keys` (at most [`CHUNK`]); `scope` is source language, target
/// language, engine fingerprint and owner.
fn release_in(tx: &mut dyn Tx, keys: &[&str], scope: &[P; 4]) -> Result<(), DbError> {
    if keys.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "DELETE FROM claims WHERE source_lang = ?1 AND target_lang = ?2
           AND engine = ?3 AND owner = ?4 AND source_key IN ({})",
        placeholders(5, keys.len())
    );
    let mut params = scope.to_vec();
    params.extend(keys.iter().map(|k| P::T(k)));
    tx.exec(&sql, &params)?;
    Ok(())
}

/// Claims the free keys of `chunk` (sorted), and those whose lease ran out, and those already
/// `owner`'s, in one statement; returns the keys claimed. `scope` is source language, target
/// language, engine fingerprint and owner.
fn take<'k>(
    tx: &mut dyn Tx,
    chunk: &[&'k str],
    scope: &[P; 4],
    until: i64,
    now: i64,
) -> Result<HashSet<&'k str>, DbError> {
    let rows: Vec<String> = (0..chunk.len())
        .map(|i| format!("(?1, ?2, ?3, ?{}, ?4, ?5)", i + 7))
        .collect();
    let sql = format!(
        "INSERT INTO claims (source_lang, target_lang, engine, source_key, owner, expires_at)
         VALUES {}
         ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
           owner = excluded.owner, expires_at = excluded.expires_at
         WHERE claims.owner = excluded.owner OR claims.expires_at <= ?6
         RETURNING source_key",
        rows.join(", ")
    );
    let mut params = scope.to_vec();
    params.extend([P::I(until), P::I(now)]);
    params.extend(chunk.iter().map(|k| P::T(k)));
    returned(tx, &sql, &params, chunk)
}

/// Takes over those of `held` whose holder is a worker of this machine that is no longer
/// running: a rerun after a kill goes on at once instead of waiting out the lease.
fn take_from_dead<'k>(
    tx: &mut dyn Tx,
    held: &[&'k str],
    scope: &[P; 4],
    until: i64,
) -> Result<Vec<&'k str>, DbError> {
    let sql = format!(
        "SELECT source_key, owner FROM claims WHERE source_lang = ?1 AND target_lang = ?2
           AND engine = ?3 AND source_key IN ({})",
        placeholders(4, held.len())
    );
    let mut params = scope[..3].to_vec();
    params.extend(held.iter().map(|k| P::T(k)));
    let mut by_dead: BTreeMap<String, Vec<&'k str>> = BTreeMap::new();
    for row in tx.rows(&sql, &params)? {
        let (key, holder) = (row.text(0)?, row.text(1)?);
        if let Some(k) = held.iter().find(|k| **k == key)
            && dead_here(&holder)
        {
            by_dead.entry(holder).or_default().push(k);
        }
    }
    let mut taken = Vec::new();
    for (dead, keys) in by_dead {
        // Only while the dead worker still holds them: another live one may have been first.
        let sql = format!(
            "UPDATE claims SET owner = ?4, expires_at = ?5 WHERE source_lang = ?1
               AND target_lang = ?2 AND engine = ?3 AND owner = ?6 AND source_key IN ({})
             RETURNING source_key",
            placeholders(7, keys.len())
        );
        let mut params = scope.to_vec();
        params.extend([P::I(until), P::T(&dead)]);
        params.extend(keys.iter().map(|k| P::T(k)));
        taken.extend(returned(tx, &sql, &params, &keys)?);
    }
    Ok(taken)
}

/// Those of `keys` the memory holds a translation for that the engine would be asked for:
/// its own, a stand-in's, or a human one.
fn landed<'k>(
    tx: &mut dyn Tx,
    keys: &[&'k str],
    scope: &[P; 4],
    stand_ins: &[String],
) -> Result<HashSet<&'k str>, DbError> {
    if keys.is_empty() {
        return Ok(HashSet::new());
    }
    let others = if stand_ins.is_empty() {
        String::new()
    } else {
        format!(
            " OR engine IN ({})",
            placeholders(4 + keys.len(), stand_ins.len())
        )
    };
    let sql = format!(
        "SELECT DISTINCT source_key FROM translations
         WHERE source_lang = ?1 AND target_lang = ?2 AND source_key IN ({})
           AND (engine = ?3 OR status IN ('approved', 'reviewed'){others})",
        placeholders(4, keys.len())
    );
    let mut params = scope[..3].to_vec();
    params.extend(keys.iter().map(|k| P::T(k)));
    params.extend(stand_ins.iter().map(|f| P::T(f)));
    returned(tx, &sql, &params, keys)
}

/// A name for this worker's claims: host, process, a random part (two runs of one process
/// image on one host never share it), and the scope in which its process number means
/// something (see [`pid_scope`]).
pub fn owner_id() -> String {
    format!(
        "{}:{}:{:08x}:{}",
        host(),
        std::process::id(),
        fastrand::u32(..),
        pid_scope()
    )
}

fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "host".into())
}

/// Where a process number names one process: one kernel (its boot id) and one process
/// namespace. Containers of one node share the host name or not, and each has its own
/// process numbers: the host name alone would let one container take another's live worker
/// for dead. Empty where this cannot be known (no `/proc`): nobody is then known dead.
fn pid_scope() -> String {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id");
    let namespace = std::fs::read_link("/proc/self/ns/pid");
    match (boot, namespace) {
        (Ok(boot), Ok(ns)) => {
            let hash = blake3::hash(format!("{}\n{}", boot.trim(), ns.display()).as_bytes());
            hash.to_hex()[..12].to_string()
        }
        _ => String::new(),
    }
}

/// Whether `owner` is a worker whose process this one can see has ended (Linux: same kernel,
/// same process namespace, no `/proc/<pid>`). Anywhere else nobody is known dead: the lease
/// decides.
fn dead_here(owner: &str) -> bool {
    let parts: Vec<&str> = owner.split(':').collect();
    let [_, pid, _, scope] = parts.as_slice() else {
        return false;
    };
    if scope.is_empty() || *scope != pid_scope() {
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
        let dead = format!("{}:{pid}:0:{}", host(), pid_scope());
        assert!(dead_here(&dead));
        // The same process number in another namespace or on another machine is not known.
        assert!(!dead_here(&format!("{}:{pid}:0:0123456789ab", host())));
        assert!(!dead_here(&format!("{}:{pid}:0", host())));
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
        // A batch naming a key twice, and one longer than a statement takes, are answered
        // key for key, in the batch's order.
        let many: Vec<String> = (0..CHUNK * 2 + 3)
            .map(|i| format!("m{i:03}"))
            .rev()
            .collect();
        let mut twice = many.clone();
        twice.push(many[0].clone());
        let got = m.claim(&pair(), "e", &twice, "a", long).expect("claim");
        assert_eq!(got, vec![Claim::Mine; twice.len()]);
        let got = m
            .claim(&pair(), "e", &twice[..3], "b", long)
            .expect("claim");
        assert_eq!(got, [Claim::Held; 3]);
        m.release_claims(&pair(), "e", &many, "a").expect("release");
        let got = m.claim(&pair(), "e", &many, "b", long).expect("claim");
        assert_eq!(got, vec![Claim::Mine; many.len()]);
        let alive = owner_id();
        assert!(!dead_here(&alive) && !dead_here("elsewhere:1:0:"));
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
