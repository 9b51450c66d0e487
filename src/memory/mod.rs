//! The translation memory: a SQLite file that makes runs resumable and repeats free.
//!
//! Entries are keyed by language pair and the hash of the protected source segment (the
//! canonical form, so re-wrapping a paragraph or changing a link target does not change the
//! key). Every translation is committed as its batch arrives; the journal is WAL with
//! `synchronous=NORMAL`, which survives a killed process (not a power cut) at a fraction of the
//! cost of a sync per commit.
//!
//! Machine translations are reused only for the engine fingerprint that made them, so
//! switching from Apertium to another engine never replays Apertium's output. Human
//! translations — corrections from the review page, XLIFF and TMX imports — are `reviewed` or
//! `approved`, serve every engine, and win over machine output (approved first). Apertium's output is not a
//! pure function of its input (the tagger keeps state between requests), so the memory never
//! assumes it could recompute an entry.

pub mod tmx;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};

use crate::backend::{LanguagePair, Translation};
use crate::i18n::{Localized, Message};
use crate::msg;
use crate::segment::Segment;

/// A stored translation.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The target segment.
    pub target: Segment,
    /// Unknown words the engine marked.
    pub unknown_words: Vec<String>,
    /// Who made it: an engine fingerprint, or `human`.
    pub origin: String,
    /// `machine`, `reviewed` or `approved`.
    pub status: String,
}

/// One line of [`Memory::stats`]: source and target language, origin, status, count.
pub type StatsRow = (String, String, String, String, u64);

/// The status of a human translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanStatus {
    /// Looked at and corrected by a person.
    Reviewed,
    /// Approved for publication.
    Approved,
}

impl HumanStatus {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            HumanStatus::Reviewed => "reviewed",
            HumanStatus::Approved => "approved",
        }
    }
}

/// A stored translation with its language pair, for export.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEntry {
    /// Source language tag.
    pub source_lang: String,
    /// Target language tag.
    pub target_lang: String,
    /// Source segment.
    pub source: Segment,
    /// Target segment.
    pub target: Segment,
    /// Engine fingerprint or human origin.
    pub origin: String,
    /// `machine`, `reviewed` or `approved`.
    pub status: String,
    /// Seconds since the epoch.
    pub updated_at: i64,
}

/// The memory could not be opened or written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub struct MemoryError {
    /// The database file.
    pub path: PathBuf,
    /// What SQLite or the file system said.
    pub reason: String,
}

impl Localized for MemoryError {
    fn message(&self) -> Message {
        msg!("memory-error", path = &self.path, reason = &self.reason)
    }
}

/// An open translation memory.
pub struct Memory {
    path: PathBuf,
    conn: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS translations (
    id            INTEGER PRIMARY KEY,
    source_lang   TEXT NOT NULL,
    target_lang   TEXT NOT NULL,
    engine        TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    origin        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'approved')),
    unknown_words TEXT NOT NULL DEFAULT '[]',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (source_lang, target_lang, engine, source_key)
);
CREATE INDEX IF NOT EXISTS translations_by_source
    ON translations (source_lang, target_lang, source_key);
PRAGMA user_version = 1;
";

impl Memory {
    /// Opens (creating if needed) the memory at `path`.
    pub fn open(path: &Path) -> Result<Memory, MemoryError> {
        let err = |reason: String| MemoryError {
            path: path.to_path_buf(),
            reason,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let conn = Connection::open(path).map_err(|e| err(e.to_string()))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| err(e.to_string()))?;
        conn.execute_batch(SCHEMA).map_err(|e| err(e.to_string()))?;
        Ok(Memory {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        })
    }

    fn error(&self, reason: impl ToString) -> MemoryError {
        MemoryError {
            path: self.path.clone(),
            reason: reason.to_string(),
        }
    }

    /// Looks up many source keys at once; returns the entries found, by key: human
    /// translations, or machine translations by the engine with this fingerprint.
    pub fn lookup_many(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        keys: &[String],
    ) -> Result<HashMap<String, Entry>, MemoryError> {
        self.lookup(pair, Some(fingerprint), keys)
    }

    /// Looks up many source keys whatever engine made the translations: the best entry per
    /// key (approved, then reviewed, then machine; the latest of each). For exports and
    /// reviews of what the memory holds, not for translation (which keeps engines apart).
    pub fn lookup_best(
        &self,
        pair: &LanguagePair,
        keys: &[String],
    ) -> Result<HashMap<String, Entry>, MemoryError> {
        self.lookup(pair, None, keys)
    }

    fn lookup(
        &self,
        pair: &LanguagePair,
        fingerprint: Option<&str>,
        keys: &[String],
    ) -> Result<HashMap<String, Entry>, MemoryError> {
        let mut conn = self.conn.lock().map_err(|e| self.error(e))?;
        // One read transaction for all keys: SQLite would otherwise lock and unlock the file
        // for every query.
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        let mut stmt = tx
            .prepare_cached(
                "SELECT target, unknown_words, origin, status FROM translations
                 WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3
                   AND (?4 IS NULL OR engine = ?4 OR status IN ('approved', 'reviewed'))
                 ORDER BY CASE status WHEN 'approved' THEN 2 WHEN 'reviewed' THEN 1 ELSE 0 END DESC,
                          updated_at DESC, id DESC
                 LIMIT 1",
            )
            .map_err(|e| self.error(e))?;
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let mut found = HashMap::new();
        for key in keys {
            if found.contains_key(key) {
                continue;
            }
            let row = stmt
                .query_row(params![src, tgt, key, fingerprint], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                    ))
                })
                .optional()
                .map_err(|e| self.error(e))?;
            if let Some((target, unknown, origin, status)) = row {
                found.insert(
                    key.clone(),
                    Entry {
                        target: Segment::parse_canonical(&target),
                        unknown_words: serde_json::from_str(&unknown).unwrap_or_default(),
                        origin,
                        status,
                    },
                );
            }
        }
        drop(stmt);
        tx.commit().map_err(|e| self.error(e))?;
        Ok(found)
    }

    /// Stores machine translations in one transaction.
    pub fn store_machine(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        items: &[(&Segment, &Translation)],
    ) -> Result<(), MemoryError> {
        let mut conn = self.conn.lock().map_err(|e| self.error(e))?;
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO translations
                       (source_lang, target_lang, engine, source_key, source, target, origin,
                        status, unknown_words, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3, 'machine', ?7, ?8, ?8)
                     ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
                       target = excluded.target, unknown_words = excluded.unknown_words,
                       updated_at = excluded.updated_at
                     WHERE status = 'machine'",
                )
                .map_err(|e| self.error(e))?;
            let now = now();
            let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
            for (source, translation) in items {
                let unknown = serde_json::to_string(&translation.unknown_words)
                    .unwrap_or_else(|_| "[]".into());
                stmt.execute(params![
                    src,
                    tgt,
                    fingerprint,
                    source.key(),
                    source.canonical(),
                    translation.segment.canonical(),
                    unknown,
                    now
                ])
                .map_err(|e| self.error(e))?;
            }
        }
        tx.commit().map_err(|e| self.error(e))
    }

    /// Stores human translations (`reviewed` or `approved`) in one transaction; a later one
    /// replaces an earlier one for the same source. `origin` says where they come from
    /// (`review`, `xliff`, `tmx`).
    pub fn store_human(
        &self,
        pair: &LanguagePair,
        items: &[(&Segment, &Segment)],
        status: HumanStatus,
        origin: &str,
    ) -> Result<usize, MemoryError> {
        let items: Vec<(&Segment, &Segment, HumanStatus)> =
            items.iter().map(|(s, t)| (*s, *t, status)).collect();
        self.store_reviewed(pair, &items, origin)
    }

    /// Stores human translations, each with its own status, in one transaction: all or none.
    pub fn store_reviewed(
        &self,
        pair: &LanguagePair,
        items: &[(&Segment, &Segment, HumanStatus)],
        origin: &str,
    ) -> Result<usize, MemoryError> {
        let mut conn = self.conn.lock().map_err(|e| self.error(e))?;
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO translations
                       (source_lang, target_lang, engine, source_key, source, target, origin,
                        status, unknown_words, created_at, updated_at)
                     VALUES (?1, ?2, 'human', ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?8)
                     ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
                       target = excluded.target, origin = excluded.origin,
                       status = excluded.status, updated_at = excluded.updated_at",
                )
                .map_err(|e| self.error(e))?;
            let now = now();
            let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
            for (source, target, status) in items {
                stmt.execute(params![
                    src,
                    tgt,
                    source.key(),
                    source.canonical(),
                    target.canonical(),
                    origin,
                    status.as_str(),
                    now
                ])
                .map_err(|e| self.error(e))?;
            }
        }
        tx.commit().map_err(|e| self.error(e))?;
        Ok(items.len())
    }

    /// Every entry, for export: (source lang, target lang, source, target, origin, status,
    /// updated at).
    pub fn entries(&self) -> Result<Vec<StoredEntry>, MemoryError> {
        let conn = self.conn.lock().map_err(|e| self.error(e))?;
        let mut stmt = conn
            .prepare(
                "SELECT source_lang, target_lang, source, target, origin, status, updated_at
                 FROM translations ORDER BY source_lang, target_lang, id",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoredEntry {
                    source_lang: r.get(0)?,
                    target_lang: r.get(1)?,
                    source: Segment::parse_canonical(&r.get::<_, String>(2)?),
                    target: Segment::parse_canonical(&r.get::<_, String>(3)?),
                    origin: r.get(4)?,
                    status: r.get(5)?,
                    updated_at: r.get(6)?,
                })
            })
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(e))
    }

    /// Counts by language pair, origin and status.
    pub fn stats(&self) -> Result<Vec<StatsRow>, MemoryError> {
        let conn = self.conn.lock().map_err(|e| self.error(e))?;
        let mut stmt = conn
            .prepare(
                "SELECT source_lang, target_lang, origin, status, COUNT(*) FROM translations
                 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                ))
            })
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(e))
    }

    /// How many entries the memory holds.
    pub fn len(&self) -> Result<u64, MemoryError> {
        let conn = self.conn.lock().map_err(|e| self.error(e))?;
        conn.query_row("SELECT COUNT(*) FROM translations", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| u64::try_from(n).unwrap_or(0))
        .map_err(|e| self.error(e))
    }

    /// Whether the memory is empty.
    pub fn is_empty(&self) -> Result<bool, MemoryError> {
        Ok(self.len()? == 0)
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> LanguagePair {
        LanguagePair {
            source: "en".parse().expect("tag"),
            target: "es".parse().expect("tag"),
        }
    }

    #[test]
    fn stores_and_finds_by_engine_fingerprint_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mem = Memory::open(&dir.path().join("m/memory.sqlite")).expect("open");
        let src = Segment::parse_canonical("The <1>red</1> house");
        let tr = Translation {
            segment: Segment::parse_canonical("La casa <1>roja</1>"),
            unknown_words: vec!["Zorblax".into()],
            origin: None,
        };
        mem.store_machine(&pair(), "apertium/eng-spa", &[(&src, &tr)])
            .expect("store");
        let found = mem
            .lookup_many(&pair(), "apertium/eng-spa", &[src.key()])
            .expect("lookup");
        let entry = found.get(&src.key()).expect("hit");
        assert_eq!(entry.target, tr.segment);
        assert_eq!(entry.unknown_words, tr.unknown_words);
        let other = mem
            .lookup_many(&pair(), "deepl", &[src.key()])
            .expect("lookup");
        assert!(
            other.is_empty(),
            "another engine must not replay apertium's output"
        );
        assert_eq!(mem.len().expect("len"), 1);
    }

    #[test]
    fn human_translations_serve_every_engine_and_win_over_machine_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mem = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let src = Segment::parse_canonical("The house");
        let machine = Translation {
            segment: Segment::parse_canonical("La casa (máquina)"),
            unknown_words: vec![],
            origin: None,
        };
        mem.store_machine(&pair(), "apertium/eng-spa", &[(&src, &machine)])
            .expect("store");
        let reviewed = Segment::parse_canonical("La casa");
        mem.store_human(
            &pair(),
            &[(&src, &reviewed)],
            HumanStatus::Reviewed,
            "review",
        )
        .expect("store");
        for engine in ["apertium/eng-spa", "deepl"] {
            let found = mem
                .lookup_many(&pair(), engine, &[src.key()])
                .expect("lookup");
            let e = &found[&src.key()];
            assert_eq!(
                (e.target.canonical().as_str(), e.status.as_str()),
                ("La casa", "reviewed"),
                "{engine}"
            );
        }
        let approved = Segment::parse_canonical("La vivienda");
        mem.store_human(
            &pair(),
            &[(&src, &approved)],
            HumanStatus::Approved,
            "xliff",
        )
        .expect("store");
        let found = mem
            .lookup_many(&pair(), "deepl", &[src.key()])
            .expect("lookup");
        assert_eq!(found[&src.key()].status, "approved");
        let stats = mem.stats().expect("stats");
        assert!(
            stats
                .iter()
                .any(|(_, _, o, s, n)| o == "xliff" && s == "approved" && *n == 1),
            "{stats:?}"
        );
        assert_eq!(mem.entries().expect("entries").len(), 2);
    }
}
