//! The memory on a PostgreSQL server, for workers on many machines: the same tables and
//! statements as the SQLite file ([`super::sql`]), a small pool of connections, TLS through
//! rustls with the system's roots, and versioned migrations run under an advisory lock (two
//! workers starting at once do not both create the schema).
//!
//! Writes run read-committed: a claim or a store is one statement, atomic on its row, and
//! what reads a block before writing it (a review save, a human translation's precedence)
//! holds that block's advisory lock first. Serializable transactions were tried: four
//! workers storing batches side by side failed each other's predicate locks faster than
//! retries could absorb.
//!
//! Credentials come only from the URL (or `VERSO_MEMORY_URL`); messages show the address
//! with its password cut out ([`shown`]).
//!
//! The client is the `postgres` crate, which drives its connection on a runtime of its own:
//! inside verso's multi-threaded runtime each call runs under `block_in_place`, so it neither
//! nests runtimes nor stalls the other tasks.

use std::collections::HashMap;
use std::sync::Mutex;

use postgres::error::SqlState;
use postgres::types::{ToSql, Type};

use super::sql::{Cell, DbError, P, Row, Tx, dollar_params};
use super::{MemoryError, retry_busy};

/// Whether `address` is a PostgreSQL URL rather than a file.
pub(crate) fn is_url(address: &str) -> bool {
    address.starts_with("postgres://") || address.starts_with("postgresql://")
}

/// The URL without its password, for messages and reports.
pub(crate) fn shown(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or(user);
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_string(),
    }
}

/// The schema, version by version: each runs once, in order, in the transaction that records
/// it. The first is the SQLite schema of the same meaning (identity keys, 64-bit integers).
const MIGRATIONS: &[(i64, &str)] = &[(
    1,
    "
CREATE TABLE IF NOT EXISTS translations (
    id            BIGSERIAL PRIMARY KEY,
    source_lang   TEXT NOT NULL,
    target_lang   TEXT NOT NULL,
    engine        TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    origin        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'approved')),
    unknown_words TEXT NOT NULL DEFAULT '[]',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    names         TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source_lang, target_lang, engine, source_key)
);
CREATE INDEX IF NOT EXISTS translations_by_source ON translations (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS reviewers (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'approver')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE TABLE IF NOT EXISTS block_versions (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    version     BIGINT NOT NULL,
    author      TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (source_lang, target_lang, source_key)
);
CREATE TABLE IF NOT EXISTS review_history (
    id          BIGSERIAL PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    version     BIGINT NOT NULL,
    author      TEXT NOT NULL,
    at          BIGINT NOT NULL,
    before      TEXT,
    after       TEXT NOT NULL,
    status      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_history_by_block ON review_history (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS review_comments (
    id          BIGSERIAL PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    reply_to    BIGINT,
    author      TEXT NOT NULL,
    at          BIGINT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_comments_by_block ON review_comments (source_lang, target_lang, source_key);
CREATE TABLE IF NOT EXISTS review_dismissals (
    id          BIGSERIAL PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    rule        TEXT NOT NULL,
    target      TEXT NOT NULL,
    author      TEXT NOT NULL,
    at          BIGINT NOT NULL,
    reason      TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_key, rule, target)
);
CREATE TABLE IF NOT EXISTS claims (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    engine      TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    owner       TEXT NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (source_lang, target_lang, engine, source_key)
);
CREATE TABLE IF NOT EXISTS article_assignees (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    path        TEXT NOT NULL,
    assignee    TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    at          BIGINT NOT NULL,
    PRIMARY KEY (source_lang, target_lang, path)
);
",
)];

/// Connections kept open at most.
const POOL_SIZE: usize = 8;

/// A few connections to one server, opened as needed and reused.
pub(crate) struct Pool {
    config: postgres::Config,
    tls: tokio_postgres_rustls::MakeRustlsConnect,
    idle: Mutex<Vec<Conn>>,
}

/// A connection and the statements it has prepared (a statement prepared once is run again
/// without being parsed again: one round trip instead of two).
struct Conn {
    client: postgres::Client,
    prepared: HashMap<String, postgres::Statement>,
}

fn db_error(e: &postgres::Error) -> DbError {
    let retry = e.code().is_some_and(|c| {
        *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::UNIQUE_VIOLATION
    });
    DbError {
        message: match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            // The client's own words ("error connecting to server") and their causes: the
            // cause is what says what to do ("Connection refused").
            None => {
                let mut text = e.to_string();
                let mut cause = std::error::Error::source(e);
                while let Some(c) = cause {
                    let more = c.to_string();
                    if !text.contains(&more) {
                        text.push_str(": ");
                        text.push_str(&more);
                    }
                    cause = c.source();
                }
                text
            }
        },
        retry,
    }
}

/// Runs blocking database work where it may block: under `block_in_place` on a worker of a
/// multi-threaded runtime, as it is anywhere else.
fn blocking<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

impl Pool {
    /// Connects to `url`, bringing the schema up to date.
    pub fn connect(url: &str) -> Result<Pool, MemoryError> {
        let address = shown(url);
        let err = |reason: String| MemoryError {
            path: address.clone().into(),
            reason,
        };
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| err(e.to_string()))?;
        let _ = rustls::crypto::ring::default_provider().install_default();
        let tls_config = <rustls::ClientConfig as rustls_platform_verifier::ConfigVerifierExt>::with_platform_verifier()
            .map_err(|e| err(e.to_string()))?;
        let pool = Pool {
            config,
            tls: tokio_postgres_rustls::MakeRustlsConnect::new(tls_config),
            idle: Mutex::new(Vec::new()),
        };
        retry_busy(|| pool.run(Isolation::Schema, &mut |tx| migrate(tx)))
            .map_err(|e| err(e.to_string()))?;
        Ok(pool)
    }

    fn open(&self) -> Result<Conn, DbError> {
        let mut client =
            blocking(|| self.config.connect(self.tls.clone())).map_err(|e| db_error(&e))?;
        // Statements are prepared once per connection, but planned at each run: a plan made
        // while a fresh table was empty (a scan) would otherwise stay as it fills.
        blocking(|| client.batch_execute("SET plan_cache_mode = force_custom_plan"))
            .map_err(|e| db_error(&e))?;
        Ok(Conn {
            client,
            prepared: HashMap::new(),
        })
    }

    /// Runs `f` in a transaction on a pooled connection: a write read-committed (with the
    /// blocks' locks it takes), a read one repeatable-read snapshot. A connection that broke is dropped, not returned.
    pub fn transaction<T>(
        &self,
        write: bool,
        f: &mut dyn FnMut(&mut dyn Tx) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let isolation = if write {
            Isolation::Write
        } else {
            Isolation::Read
        };
        self.run(isolation, f)
    }

    fn run<T>(
        &self,
        isolation: Isolation,
        f: &mut dyn FnMut(&mut dyn Tx) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let taken = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut conn = match taken {
            Some(c) if !c.client.is_closed() => c,
            _ => self.open()?,
        };
        let Conn { client, prepared } = &mut conn;
        let result = blocking(|| {
            let (level, read_only) = match isolation {
                // Every statement's own view; what reads a block and writes it takes that
                // block's lock (`Tx::lock`), and claims and stores are single statements.
                Isolation::Write => (postgres::IsolationLevel::ReadCommitted, false),
                Isolation::Read => (postgres::IsolationLevel::RepeatableRead, true),
                // Each statement sees what committed before it: after waiting for the lock,
                // the schema another worker made.
                Isolation::Schema => (postgres::IsolationLevel::ReadCommitted, false),
            };
            let mut tx = client
                .build_transaction()
                .isolation_level(level)
                .read_only(read_only)
                .start()
                .map_err(|e| db_error(&e))?;
            let out = f(&mut PgTx {
                tx: &mut tx,
                prepared,
            })?;
            tx.commit().map_err(|e| db_error(&e))?;
            Ok(out)
        });
        if !conn.client.is_closed()
            && let Ok(mut idle) = self.idle.lock()
            && idle.len() < POOL_SIZE
        {
            idle.push(conn);
        }
        result
    }
}

/// How a transaction sees the others.
#[derive(Debug, Clone, Copy)]
enum Isolation {
    Write,
    Read,
    Schema,
}

/// Creates or updates the schema under a transaction-scoped advisory lock; each statement is
/// also safe to run twice, so a worker that raced past the lock changes nothing.
fn migrate(tx: &mut dyn Tx) -> Result<(), DbError> {
    tx.exec("SELECT pg_advisory_xact_lock(7309826110)", &[])?;
    tx.exec(
        "CREATE TABLE IF NOT EXISTS verso_schema (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
        &[],
    )?;
    let current = tx
        .row("SELECT COALESCE(MAX(version), 0) FROM verso_schema", &[])?
        .map(|r| r.int(0))
        .transpose()?
        .unwrap_or(0);
    for (version, sql) in MIGRATIONS {
        if *version <= current {
            continue;
        }
        for statement in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            tx.exec(statement, &[])?;
        }
        tx.exec(
            "INSERT INTO verso_schema (version, applied_at) VALUES (?1, ?2)
             ON CONFLICT (version) DO NOTHING",
            &[P::I(*version), P::I(super::now())],
        )?;
    }
    Ok(())
}

/// A PostgreSQL transaction as a [`Tx`], with its connection's prepared statements.
struct PgTx<'a, 'b> {
    tx: &'a mut postgres::Transaction<'b>,
    prepared: &'a mut HashMap<String, postgres::Statement>,
}

impl PgTx<'_, '_> {
    /// The statement for `sql` (`?N` parameters), prepared once per connection.
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self
            .tx
            .prepare(&dollar_params(sql))
            .map_err(|e| db_error(&e))?;
        self.prepared.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

fn params<'p>(params: &'p [P<'p>]) -> Vec<&'p (dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| -> &(dyn ToSql + Sync) {
            match p {
                P::I(n) => n,
                P::T(s) => s,
                P::OT(o) => o,
                P::OI(o) => o,
            }
        })
        .collect()
}

impl Tx for PgTx<'_, '_> {
    fn lock(&mut self, name: &str) -> Result<(), DbError> {
        let s = self.statement("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")?;
        self.tx
            .execute(&s, &[&name])
            .map(|_| ())
            .map_err(|e| db_error(&e))
    }

    fn exec(&mut self, sql: &str, p: &[P]) -> Result<u64, DbError> {
        if p.is_empty() && !sql.contains('?') {
            // Statements without parameters (the schema) go as simple queries.
            self.tx.batch_execute(sql).map_err(|e| db_error(&e))?;
            return Ok(0);
        }
        let s = self.statement(sql)?;
        self.tx.execute(&s, &params(p)).map_err(|e| db_error(&e))
    }

    fn rows(&mut self, sql: &str, p: &[P]) -> Result<Vec<Row>, DbError> {
        let s = self.statement(sql)?;
        let rows = self.tx.query(&s, &params(p)).map_err(|e| db_error(&e))?;
        rows.iter()
            .map(|r| {
                let mut cells = Vec::with_capacity(r.len());
                for (i, column) in r.columns().iter().enumerate() {
                    let ty = column.type_();
                    let get = |e: postgres::Error| db_error(&e);
                    let cell = if *ty == Type::INT8 {
                        r.try_get::<_, Option<i64>>(i).map_err(get)?.map(Cell::Int)
                    } else if *ty == Type::INT4 {
                        r.try_get::<_, Option<i32>>(i)
                            .map_err(get)?
                            .map(|n| Cell::Int(n.into()))
                    } else if *ty == Type::INT2 {
                        r.try_get::<_, Option<i16>>(i)
                            .map_err(get)?
                            .map(|n| Cell::Int(n.into()))
                    } else if *ty == Type::BOOL {
                        r.try_get::<_, Option<bool>>(i)
                            .map_err(get)?
                            .map(|b| Cell::Int(i64::from(b)))
                    } else {
                        r.try_get::<_, Option<String>>(i)
                            .map_err(get)?
                            .map(Cell::Text)
                    };
                    cells.push(cell.unwrap_or(Cell::Null));
                }
                Ok(Row(cells))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            shown("postgres://verso:s3cret@db.example.org:5432/tm?sslmode=require"),
            "postgres://verso:***@db.example.org:5432/tm?sslmode=require"
        );
        assert_eq!(shown("postgres://localhost/tm"), "postgres://localhost/tm");
        assert!(is_url("postgresql://h/db") && !is_url("/var/tm.sqlite"));
    }
}
