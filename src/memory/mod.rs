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
//! `approved`, serve every engine, and win over machine output; which human translation wins is
//! [`precedence`]'s one rule. Apertium's output is not a pure function of its input (the tagger
//! keeps state between requests), so the memory never assumes it could recompute an entry.
//!
//! Several processes may use one memory file at once (runs on the same batch, `memory stats`
//! while a run writes): writes take the write lock when they begin and wait for it, and a
//! transaction the database still refuses as busy is tried again, so no run fails because
//! another holds the file.

pub mod claims;
pub mod copy;
pub mod desk;
mod postgres_memory;
pub mod precedence;
pub mod reviews;
mod sql;
pub mod tmx;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sql::{DbError, Lite, P, Tx};

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

    /// The status [`as_str`](Self::as_str) wrote; none for any other word.
    pub fn parse(word: &str) -> Option<HumanStatus> {
        [HumanStatus::Reviewed, HumanStatus::Approved]
            .into_iter()
            .find(|s| s.as_str() == word)
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
    /// The glossary names of the segments: `names[n - 1]` is what `Piece::Name(n)` stood for.
    pub names: NameForms,
}

/// The source and target forms of a segment's glossary names: `[n - 1]` for `Piece::Name(n)`.
/// The memory key holds only the placeholder; the forms are kept for exports (TMX and XLIFF
/// readers show names, not empty codes).
pub type NameForms = Vec<(String, String)>;

/// A machine translation to store.
#[derive(Debug, Clone, Copy)]
pub struct MachineItem<'a> {
    /// The protected source.
    pub source: &'a Segment,
    /// What the engine answered.
    pub translation: &'a Translation,
    /// The forms of its names.
    pub names: &'a [(String, String)],
}

/// A human translation to store.
#[derive(Debug, Clone, Copy)]
pub struct HumanItem<'a> {
    /// The protected source.
    pub source: &'a Segment,
    /// The translation.
    pub target: &'a Segment,
    /// Reviewed or approved.
    pub status: HumanStatus,
    /// When the work was done (seconds since the epoch): see [`precedence`].
    pub changed_at: i64,
    /// The forms of its names, when the file says.
    pub names: &'a [(String, String)],
}

/// What storing human translations did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HumanStored {
    /// Stored.
    pub stored: usize,
    /// Not stored: the memory keeps a better or newer human translation ([`precedence`]).
    pub kept: usize,
    /// Of those stored, how many as approved.
    pub approved: usize,
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
        let kind = if postgres_memory::is_url(&self.path.to_string_lossy()) {
            "server"
        } else {
            "file"
        };
        msg!(
            "memory-error",
            path = &self.path,
            reason = &self.reason,
            kind = kind
        )
    }
}

/// An open translation memory.
pub struct Memory {
    /// Where it is, for messages: the file, or the PostgreSQL address without its password.
    path: PathBuf,
    db: Db,
}

/// The database behind a memory.
enum Db {
    /// A SQLite file.
    Lite(Mutex<Connection>),
    /// A PostgreSQL server.
    Pg(Box<postgres_memory::Pool>),
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
    names         TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source_lang, target_lang, engine, source_key)
);
CREATE INDEX IF NOT EXISTS translations_by_source
    ON translations (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS reviewers (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'approver')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE TABLE IF NOT EXISTS block_versions (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    author      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (source_lang, target_lang, source_key)
);
CREATE TABLE IF NOT EXISTS review_history (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    author      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    before      TEXT,
    after       TEXT NOT NULL,
    status      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_history_by_block
    ON review_history (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS review_comments (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    reply_to    INTEGER,
    author      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_comments_by_block
    ON review_comments (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS review_dismissals (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    rule        TEXT NOT NULL,
    target      TEXT NOT NULL,
    author      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_key, rule, target)
);
CREATE TABLE IF NOT EXISTS claims (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    engine      TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    owner       TEXT NOT NULL,
    expires_at  INTEGER NOT NULL,
    PRIMARY KEY (source_lang, target_lang, engine, source_key)
);
CREATE TABLE IF NOT EXISTS article_assignees (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    path        TEXT NOT NULL,
    assignee    TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (source_lang, target_lang, path)
);
";

/// The schema's version (`PRAGMA user_version`): 1 had no `names`, 2 no reviewers, block
/// versions or review history, 3 no review comments, 4 no dismissed findings or article
/// assignees, 5 no claims (each created by `CREATE TABLE IF NOT EXISTS` on the way up).
const SCHEMA_VERSION: i64 = 6;

/// How long a process waits for another to release the file before an attempt fails; attempts
/// that still fail as busy are made again ([`ATTEMPTS`]).
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);
/// Attempts at a transaction the database refuses as busy (SQLite) or could not serialize
/// (PostgreSQL).
const ATTEMPTS: u32 = 8;

/// Keys looked up by one statement.
const LOOKUP_CHUNK: usize = 64;

/// Machine translations stored by one statement (five parameters each).
const STORE_CHUNK: usize = 64;

/// The lookup of [`LOOKUP_CHUNK`] keys: every candidate of each (human translations, or the
/// engine's when `?3` names one), the best chosen by the caller: approved, then reviewed,
/// then the newest.
fn lookup_sql() -> String {
    format!(
        "SELECT source_key, target, unknown_words, origin, status, updated_at, id
         FROM translations
         WHERE source_lang = ?1 AND target_lang = ?2 AND source_key IN ({})
           AND (?3 = '' OR engine = ?3 OR status IN ('approved', 'reviewed'))",
        sql::placeholders(4, LOOKUP_CHUNK)
    )
}

/// Runs `f` until it succeeds or fails for a reason other than contention, waiting a little
/// longer each time (SQLite returns "busy" at once, without waiting, in a few cases: a read
/// transaction that meets a newer snapshot, changing the journal mode, recovery; PostgreSQL
/// refuses one of two serializable transactions that overlap).
fn retry_busy<T>(mut f: impl FnMut() -> Result<T, DbError>) -> Result<T, DbError> {
    let mut attempt = 0;
    loop {
        match f() {
            Err(e) if e.retry && attempt + 1 < ATTEMPTS => {
                attempt += 1;
                let wait = 20u64 << attempt.min(6);
                std::thread::sleep(std::time::Duration::from_millis(
                    wait / 2 + fastrand::u64(0..=wait / 2),
                ));
            }
            other => return other,
        }
    }
}

impl Memory {
    /// Opens (creating if needed) the memory at `path`, bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Memory, MemoryError> {
        let err = |reason: String| MemoryError {
            path: path.to_path_buf(),
            reason,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let conn = Connection::open(path).map_err(|e| err(e.to_string()))?;
        conn.busy_timeout(BUSY_WAIT)
            .map_err(|e| err(e.to_string()))?;
        retry_busy(|| {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            Ok(())
        })
        .map_err(|e| err(e.to_string()))?;
        retry_busy(|| migrate(&conn).map_err(DbError::from)).map_err(|e| err(e.to_string()))?;
        Ok(Memory {
            path: path.to_path_buf(),
            db: Db::Lite(Mutex::new(conn)),
        })
    }

    /// Opens a memory by its address: a `postgres://` (or `postgresql://`) URL, or a SQLite
    /// file's path.
    pub fn open_at(address: &str) -> Result<Memory, MemoryError> {
        if postgres_memory::is_url(address) {
            let pool = postgres_memory::Pool::connect(address)?;
            return Ok(Memory {
                path: PathBuf::from(postgres_memory::shown(address)),
                db: Db::Pg(Box::new(pool)),
            });
        }
        Memory::open(Path::new(address))
    }

    /// Where it is, as messages show it (a URL without its password).
    pub fn address(&self) -> String {
        self.path.display().to_string()
    }

    /// Whether the memory is a PostgreSQL server.
    pub fn is_shared_server(&self) -> bool {
        matches!(self.db, Db::Pg(_))
    }

    fn error(&self, reason: impl ToString) -> MemoryError {
        MemoryError {
            path: self.path.clone(),
            reason: reason.to_string(),
        }
    }

    /// Runs `f` in a write transaction, tried again while the database is contended: SQLite
    /// takes the write lock at once (waiting for another writer happens before anything is
    /// read), PostgreSQL runs it serializable (two overlapping writes cannot both read the
    /// same version and both write the next).
    fn write<T>(
        &self,
        mut f: impl FnMut(&mut dyn Tx) -> Result<T, DbError>,
    ) -> Result<T, MemoryError> {
        match &self.db {
            Db::Lite(conn) => {
                let mut conn = conn.lock().map_err(|e| self.error(e))?;
                retry_busy(|| {
                    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    let out = f(&mut Lite(&tx))?;
                    tx.commit()?;
                    Ok(out)
                })
                .map_err(|e| self.error(e))
            }
            Db::Pg(pool) => {
                retry_busy(|| pool.transaction(true, &mut |tx| f(tx))).map_err(|e| self.error(e))
            }
        }
    }

    /// Runs `f` in a read transaction (one snapshot for all it reads).
    fn read<T>(
        &self,
        mut f: impl FnMut(&mut dyn Tx) -> Result<T, DbError>,
    ) -> Result<T, MemoryError> {
        match &self.db {
            Db::Lite(conn) => {
                let mut conn = conn.lock().map_err(|e| self.error(e))?;
                retry_busy(|| {
                    let tx = conn.transaction()?;
                    let out = f(&mut Lite(&tx))?;
                    tx.commit()?;
                    Ok(out)
                })
                .map_err(|e| self.error(e))
            }
            Db::Pg(pool) => {
                retry_busy(|| pool.transaction(false, &mut |tx| f(tx))).map_err(|e| self.error(e))
            }
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

    /// The best entry per key whatever engine made it: approved, then reviewed, then the
    /// newest machine translation.
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
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        // One read transaction for all keys (SQLite would otherwise lock and unlock the file
        // for every query), and the keys asked LOOKUP_CHUNK at a time: one statement, always
        // the same (the last chunk is padded with its last key), instead of one per key — a
        // round trip each on a server.
        let mut wanted: Vec<&String> = keys.iter().collect();
        wanted.sort();
        wanted.dedup();
        let sql = lookup_sql();
        self.read(|tx| {
            let mut best: HashMap<String, ((i64, i64, i64), Entry)> = HashMap::new();
            for chunk in wanted.chunks(LOOKUP_CHUNK) {
                let mut params = vec![P::T(&src), P::T(&tgt), P::T(fingerprint.unwrap_or(""))];
                for i in 0..LOOKUP_CHUNK {
                    let key = chunk.get(i).or(chunk.last()).map_or("", |k| k.as_str());
                    params.push(P::T(key));
                }
                for row in tx.rows(&sql, &params)? {
                    let status = row.text(4)?;
                    let rank = (
                        match status.as_str() {
                            "approved" => 2,
                            "reviewed" => 1,
                            _ => 0,
                        },
                        row.int(5)?,
                        row.int(6)?,
                    );
                    let key = row.text(0)?;
                    if best.get(&key).is_some_and(|(r, _)| *r >= rank) {
                        continue;
                    }
                    let entry = Entry {
                        target: Segment::parse_canonical(&row.text(1)?),
                        unknown_words: serde_json::from_str(&row.text(2)?).unwrap_or_default(),
                        origin: row.text(3)?,
                        status,
                    };
                    best.insert(key, (rank, entry));
                }
            }
            Ok(best.into_iter().map(|(k, (_, e))| (k, e)).collect())
        })
    }

    /// Stores machine translations in one transaction. A machine translation replaces only
    /// the same engine's earlier one; human translations live apart and are never touched.
    pub fn store_machine(
        &self,
        pair: &LanguagePair,
        fingerprint: &str,
        items: &[MachineItem],
    ) -> Result<(), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now();
        // One per key, the last of a batch that names a key twice, in key order (rows are
        // locked in one order by every worker), STORE_CHUNK to a statement.
        let mut rows: BTreeMap<String, &MachineItem> = BTreeMap::new();
        for item in items {
            rows.insert(item.source.key(), item);
        }
        let rows: Vec<(String, String, String, String, String)> = rows
            .into_iter()
            .map(|(key, item)| {
                let unknown = serde_json::to_string(&item.translation.unknown_words)
                    .unwrap_or_else(|_| "[]".into());
                (
                    key,
                    item.source.canonical(),
                    item.translation.segment.canonical(),
                    unknown,
                    names_json(item.names),
                )
            })
            .collect();
        self.write(|tx| {
            for chunk in rows.chunks(STORE_CHUNK) {
                // Stored, a segment needs no claim any more: whoever waits for it takes it.
                let sql = format!(
                    "DELETE FROM claims WHERE source_lang = ?1 AND target_lang = ?2
                       AND source_key IN ({})",
                    sql::placeholders(3, chunk.len())
                );
                let mut params = vec![P::T(&src), P::T(&tgt)];
                params.extend(chunk.iter().map(|r| P::T(&r.0)));
                tx.exec(&sql, &params)?;
                let values: Vec<String> = (0..chunk.len())
                    .map(|i| {
                        let k = 5 + i * 5;
                        format!(
                            "(?1, ?2, ?3, ?{k}, ?{}, ?{}, ?3, 'machine', ?{}, ?4, ?4, ?{})",
                            k + 1,
                            k + 2,
                            k + 3,
                            k + 4
                        )
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO translations
                       (source_lang, target_lang, engine, source_key, source, target, origin,
                        status, unknown_words, created_at, updated_at, names)
                     VALUES {}
                     ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
                       target = excluded.target, unknown_words = excluded.unknown_words,
                       updated_at = excluded.updated_at,
                       names = CASE excluded.names WHEN '[]' THEN translations.names
                               ELSE excluded.names END
                     WHERE translations.status = 'machine'",
                    values.join(", ")
                );
                let mut params = vec![P::T(&src), P::T(&tgt), P::T(fingerprint), P::I(now)];
                for (key, source, target, unknown, names) in chunk {
                    params.extend([
                        P::T(key),
                        P::T(source),
                        P::T(target),
                        P::T(unknown),
                        P::T(names),
                    ]);
                }
                tx.exec(&sql, &params)?;
            }
            Ok(())
        })
    }

    /// Stores human translations in one transaction, each as [`precedence`] decides: what the
    /// memory holds that is approved where this is only reviewed, or newer, or what would be
    /// replaced by a machine draft, is kept. `origin` says where they come from (`review`,
    /// `xliff`, `tmx`).
    pub fn store_human(
        &self,
        pair: &LanguagePair,
        items: &[HumanItem],
        origin: &str,
    ) -> Result<HumanStored, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now();
        self.write(|tx| store_human_in(tx, (&src, &tgt), items, origin, now))
    }

    /// Every entry, for export, each with the forms of its names (taken from another entry of
    /// the same segment when its own are not known).
    pub fn entries(&self) -> Result<Vec<StoredEntry>, MemoryError> {
        let rows = self.read(|tx| {
            tx.rows(
                "SELECT source_lang, target_lang, source, target, origin, status, updated_at,
                        names, source_key
                 FROM translations ORDER BY source_lang, target_lang, id",
                &[],
            )?
            .into_iter()
            .map(|r| {
                Ok((
                    StoredEntry {
                        source_lang: r.text(0)?,
                        target_lang: r.text(1)?,
                        source: Segment::parse_canonical(&r.text(2)?),
                        target: Segment::parse_canonical(&r.text(3)?),
                        origin: r.text(4)?,
                        status: r.text(5)?,
                        updated_at: r.int(6)?,
                        names: serde_json::from_str(&r.text(7)?).unwrap_or_default(),
                    },
                    r.text(8)?,
                ))
            })
            .collect::<Result<Vec<_>, DbError>>()
        })?;
        let mut known: HashMap<(String, String, String), NameForms> = HashMap::new();
        for (e, key) in &rows {
            if !e.names.is_empty() {
                known
                    .entry((e.source_lang.clone(), e.target_lang.clone(), key.clone()))
                    .or_insert_with(|| e.names.clone());
            }
        }
        Ok(rows
            .into_iter()
            .map(|(mut e, key)| {
                if e.names.is_empty()
                    && let Some(names) =
                        known.get(&(e.source_lang.clone(), e.target_lang.clone(), key))
                {
                    e.names = names.clone();
                }
                e
            })
            .collect())
    }

    /// Counts by language pair, origin and status.
    pub fn stats(&self) -> Result<Vec<StatsRow>, MemoryError> {
        self.read(|tx| {
            tx.rows(
                "SELECT source_lang, target_lang, origin, status, COUNT(*) FROM translations
                 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                &[],
            )?
            .into_iter()
            .map(|r| {
                Ok((
                    r.text(0)?,
                    r.text(1)?,
                    r.text(2)?,
                    r.text(3)?,
                    u64::try_from(r.int(4)?).unwrap_or(0),
                ))
            })
            .collect()
        })
    }

    /// How many entries the memory holds.
    pub fn len(&self) -> Result<u64, MemoryError> {
        self.read(|tx| {
            let row = tx.row("SELECT COUNT(*) FROM translations", &[])?;
            Ok(row.map(|r| r.int(0)).transpose()?.unwrap_or(0))
        })
        .map(|n| u64::try_from(n).unwrap_or(0))
    }

    /// Whether the memory is empty.
    pub fn is_empty(&self) -> Result<bool, MemoryError> {
        Ok(self.len()? == 0)
    }
}

/// Creates the schema, or brings an older one up to date, in one immediate transaction (two
/// processes opening a new file at once do not both create it).
fn migrate(conn: &Connection) -> Result<(), rusqlite::Error> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version >= SCHEMA_VERSION {
            return Ok(());
        }
        let exists: bool = conn
            .query_row(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'translations'",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if exists && version < 2 {
            conn.execute_batch(
                "ALTER TABLE translations ADD COLUMN names TEXT NOT NULL DEFAULT '[]'",
            )?;
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// [`Memory::store_human`] inside a transaction the caller holds (a review server's save
/// stores the text and its block version together).
fn store_human_in(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    items: &[HumanItem],
    origin: &str,
    now: i64,
) -> Result<HumanStored, DbError> {
    let mut done = HumanStored::default();
    for item in items {
        let key = item.source.key();
        let target = item.target.canonical();
        // Precedence reads what is there and then writes: nobody else writes it in between.
        tx.lock(&format!("human {src} {tgt} {key}"))?;
        let old = tx
            .row(
                "SELECT status, updated_at, target FROM translations
                 WHERE source_lang = ?1 AND target_lang = ?2 AND engine = 'human'
                   AND source_key = ?3",
                &[P::T(src), P::T(tgt), P::T(&key)],
            )?
            .map(|r| Ok::<_, DbError>((r.text(0)?, r.int(1)?, r.text(2)?)))
            .transpose()?;
        let old = old.as_ref().map(|(status, at, text)| precedence::Existing {
            status: HumanStatus::parse(status).unwrap_or(HumanStatus::Reviewed),
            changed_at: *at,
            target: text,
        });
        let draft = old.is_some()
            && tx
                .row(
                    "SELECT 1 FROM translations
                     WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3
                       AND status = 'machine' AND target = ?4 LIMIT 1",
                    &[P::T(src), P::T(tgt), P::T(&key), P::T(&target)],
                )?
                .is_some();
        let incoming = precedence::Incoming {
            status: item.status,
            changed_at: item.changed_at,
            target: &target,
        };
        match precedence::decide(old.as_ref(), &incoming, draft) {
            precedence::Decision::Keep => done.kept += 1,
            precedence::Decision::Store => {
                tx.exec(
                    "INSERT INTO translations
                       (source_lang, target_lang, engine, source_key, source, target, origin,
                        status, unknown_words, created_at, updated_at, names)
                     VALUES (?1, ?2, 'human', ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?9, ?10)
                     ON CONFLICT (source_lang, target_lang, engine, source_key) DO UPDATE SET
                       target = excluded.target, origin = excluded.origin,
                       status = excluded.status, updated_at = excluded.updated_at,
                       names = CASE excluded.names WHEN '[]' THEN translations.names
                               ELSE excluded.names END",
                    &[
                        P::T(src),
                        P::T(tgt),
                        P::T(&key),
                        P::T(&item.source.canonical()),
                        P::T(&target),
                        P::T(origin),
                        P::T(item.status.as_str()),
                        P::I(now),
                        P::I(item.changed_at),
                        P::T(&names_json(item.names)),
                    ],
                )?;
                done.stored += 1;
                if item.status == HumanStatus::Approved {
                    done.approved += 1;
                }
            }
        }
    }
    Ok(done)
}

fn names_json(names: &[(String, String)]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".into())
}

/// Seconds since the epoch: the time stamps the memory and the review server write.
pub(crate) fn now() -> i64 {
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

    fn machine<'a>(source: &'a Segment, t: &'a Translation) -> MachineItem<'a> {
        MachineItem {
            source,
            translation: t,
            names: &[],
        }
    }

    fn human<'a>(
        source: &'a Segment,
        target: &'a Segment,
        status: HumanStatus,
        changed_at: i64,
    ) -> HumanItem<'a> {
        HumanItem {
            source,
            target,
            status,
            changed_at,
            names: &[],
        }
    }

    fn best(mem: &Memory, src: &Segment) -> (String, String) {
        let found = mem
            .lookup_many(&pair(), "deepl", &[src.key()])
            .expect("lookup");
        let e = &found[&src.key()];
        (e.target.canonical(), e.status.clone())
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
        mem.store_machine(&pair(), "apertium/eng-spa", &[machine(&src, &tr)])
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
        let draft = Translation {
            segment: Segment::parse_canonical("La casa (máquina)"),
            unknown_words: vec![],
            origin: None,
        };
        mem.store_machine(&pair(), "apertium/eng-spa", &[machine(&src, &draft)])
            .expect("store");
        let reviewed = Segment::parse_canonical("La casa");
        mem.store_human(
            &pair(),
            &[human(&src, &reviewed, HumanStatus::Reviewed, 100)],
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
            &[human(&src, &approved, HumanStatus::Approved, 50)],
            "xliff",
        )
        .expect("store");
        assert_eq!(best(&mem, &src).1, "approved");
        let stats = mem.stats().expect("stats");
        assert!(
            stats
                .iter()
                .any(|(_, _, o, s, n)| o == "xliff" && s == "approved" && *n == 1),
            "{stats:?}"
        );
        assert_eq!(mem.entries().expect("entries").len(), 2);
    }

    #[test]
    fn an_older_or_lesser_import_or_a_machine_draft_never_replaces_human_work() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mem = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let src = Segment::parse_canonical("The house");
        let draft = Translation {
            segment: Segment::parse_canonical("El casa"),
            unknown_words: vec![],
            origin: None,
        };
        mem.store_machine(&pair(), "deepl", &[machine(&src, &draft)])
            .expect("store");
        let approved = Segment::parse_canonical("La casa");
        let done = mem
            .store_human(
                &pair(),
                &[human(&src, &approved, HumanStatus::Approved, 1000)],
                "review",
            )
            .expect("store");
        assert_eq!((done.stored, done.kept, done.approved), (1, 0, 1));
        // The stale machine draft, as reviewed or even as approved and newer: kept out.
        for status in [HumanStatus::Reviewed, HumanStatus::Approved] {
            let done = mem
                .store_human(
                    &pair(),
                    &[human(&src, &draft.segment, status, 2000)],
                    "xliff",
                )
                .expect("store");
            assert_eq!((done.stored, done.kept), (0, 1));
            assert_eq!(best(&mem, &src), ("La casa".into(), "approved".into()));
        }
        // An older approval of another text: kept out; a newer one: stored.
        let other = Segment::parse_canonical("La vivienda");
        let older = mem
            .store_human(
                &pair(),
                &[human(&src, &other, HumanStatus::Approved, 900)],
                "tmx",
            )
            .expect("store");
        assert_eq!(older.kept, 1);
        let newer = mem
            .store_human(
                &pair(),
                &[human(&src, &other, HumanStatus::Approved, 1100)],
                "tmx",
            )
            .expect("store");
        assert_eq!(newer.stored, 1);
        assert_eq!(best(&mem, &src), ("La vivienda".into(), "approved".into()));
    }

    #[test]
    fn a_memory_of_the_first_schema_is_brought_up_to_date_keeping_its_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.sqlite");
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(
                "CREATE TABLE translations (
                    id INTEGER PRIMARY KEY, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
                    engine TEXT NOT NULL, source_key TEXT NOT NULL, source TEXT NOT NULL,
                    target TEXT NOT NULL, origin TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'approved')),
                    unknown_words TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (source_lang, target_lang, engine, source_key));
                 PRAGMA user_version = 1;",
            )
            .expect("old schema");
            let src = Segment::parse_canonical("The house");
            conn.execute(
                "INSERT INTO translations VALUES (1, 'en', 'es', 'apertium', ?1, 'The house',
                 'La casa', 'apertium', 'machine', '[]', 1, 1)",
                [src.key()],
            )
            .expect("row");
        }
        let mem = Memory::open(&path).expect("migrated");
        let src = Segment::parse_canonical("The house");
        let found = mem
            .lookup_many(&pair(), "apertium", &[src.key()])
            .expect("lookup");
        assert_eq!(found[&src.key()].target.canonical(), "La casa");
        assert!(mem.entries().expect("entries")[0].names.is_empty());
        drop(mem);
        Memory::open(&path).expect("opens again");
    }

    #[test]
    fn names_are_kept_for_export_and_lent_to_entries_that_lack_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mem = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let src = Segment::parse_canonical("<n1/> said so.");
        let t = Translation {
            segment: Segment::parse_canonical("<n1/> lo dijo."),
            unknown_words: vec![],
            origin: None,
        };
        let names = vec![("Kyrylo Budanov".to_string(), "Kyrylo Budanow".to_string())];
        mem.store_machine(
            &pair(),
            "deepl",
            &[MachineItem {
                source: &src,
                translation: &t,
                names: &names,
            }],
        )
        .expect("store");
        let corrected = Segment::parse_canonical("Así lo dijo <n1/>.");
        mem.store_human(
            &pair(),
            &[human(&src, &corrected, HumanStatus::Reviewed, 5)],
            "review",
        )
        .expect("store");
        let entries = mem.entries().expect("entries");
        assert_eq!(entries.len(), 2);
        assert!(entries.iter().all(|e| e.names == names), "{entries:?}");
    }

    #[test]
    fn writers_and_readers_in_several_threads_wait_for_each_other() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("shared.sqlite");
        let threads: Vec<_> = (0..6)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    // Each thread its own connection, as separate processes have.
                    let mem = Memory::open(&path).expect("open");
                    for i in 0..40 {
                        let src = Segment::parse_canonical(&format!("Text {t} {i}"));
                        let tr = Translation {
                            segment: Segment::parse_canonical(&format!("Texto {t} {i}")),
                            unknown_words: vec![],
                            origin: None,
                        };
                        mem.store_machine(&pair(), "e", &[machine(&src, &tr)])
                            .expect("store while others write");
                        mem.stats().expect("stats while others write");
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        assert_eq!(Memory::open(&path).expect("open").len().expect("len"), 240);
    }
}
