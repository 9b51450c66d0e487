//! One way to speak to the memory's database, SQLite or PostgreSQL: every statement is
//! written once, with `?1`-style parameters (rewritten to `$1` for PostgreSQL); parameters are
//! integers or text, possibly null; rows are read by position.
//!
//! Why not an ORM or a driver-neutral crate: the memory's statements are few and plain, and
//! both databases take them as they are (`INSERT … ON CONFLICT … DO UPDATE`, `RETURNING`);
//! what differs is only the wire, and that is this module.

use std::fmt;

/// A parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) enum P<'a> {
    /// An integer.
    I(i64),
    /// Text.
    T(&'a str),
    /// Text or null.
    OT(Option<&'a str>),
    /// An integer or null.
    OI(Option<i64>),
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Int(i64),
    Text(String),
    Null,
}

/// A row, by column position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row(pub Vec<Cell>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Cell, DbError> {
        self.0
            .get(i)
            .ok_or_else(|| DbError::new(format!("no column {i}")))
    }

    /// Column `i` as an integer.
    pub fn int(&self, i: usize) -> Result<i64, DbError> {
        match self.cell(i)? {
            Cell::Int(n) => Ok(*n),
            other => Err(DbError::new(format!(
                "column {i} is {other:?}, not an integer"
            ))),
        }
    }

    /// Column `i` as text.
    pub fn text(&self, i: usize) -> Result<String, DbError> {
        match self.cell(i)? {
            Cell::Text(s) => Ok(s.clone()),
            other => Err(DbError::new(format!("column {i} is {other:?}, not text"))),
        }
    }

    /// Column `i` as text or null.
    pub fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            _ => self.text(i).map(Some),
        }
    }

    /// Column `i` as an integer or null.
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            _ => self.int(i).map(Some),
        }
    }
}

/// What the database said; `retry` when the same transaction may succeed if run again (a
/// busy SQLite file, a PostgreSQL serialization failure or deadlock).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DbError {
    pub message: String,
    pub retry: bool,
}

impl DbError {
    pub fn new(message: impl Into<String>) -> DbError {
        DbError {
            message: message.into(),
            retry: false,
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Statements inside one transaction.
pub(crate) trait Tx {
    /// Runs a statement; how many rows it changed.
    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64, DbError>;
    /// Runs a query; its rows.
    fn rows(&mut self, sql: &str, params: &[P]) -> Result<Vec<Row>, DbError>;
    /// The first row of a query, if any.
    fn row(&mut self, sql: &str, params: &[P]) -> Result<Option<Row>, DbError> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }
    /// Holds `name` until the transaction ends: what a transaction reads about one block and
    /// then writes is not changed in between by another. SQLite's write transactions take the
    /// whole file, so there it is nothing more.
    fn lock(&mut self, _name: &str) -> Result<(), DbError> {
        Ok(())
    }
}

// --- SQLite ---------------------------------------------------------------------------------

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        let retry = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        DbError {
            message: e.to_string(),
            retry,
        }
    }
}

impl rusqlite::ToSql for P<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            P::I(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            P::T(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            P::OT(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            P::OI(Some(n)) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            P::OT(None) | P::OI(None) => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

/// A SQLite connection or transaction (a `Transaction` derefs to its `Connection`).
pub(crate) struct Lite<'c>(pub &'c rusqlite::Connection);

impl Tx for Lite<'_> {
    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64, DbError> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let n = stmt.execute(rusqlite::params_from_iter(params.iter()))?;
        Ok(n as u64)
    }

    fn rows(&mut self, sql: &str, params: &[P]) -> Result<Vec<Row>, DbError> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.0.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                cells.push(match r.get_ref(i)? {
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Null => Cell::Null,
                    ValueRef::Real(x) => Cell::Int(x as i64),
                    ValueRef::Blob(b) => Cell::Text(String::from_utf8_lossy(b).into_owned()),
                });
            }
            out.push(Row(cells));
        }
        Ok(out)
    }
}

/// `?first, ?first+1, …`: the `n` parameters of an `IN (…)` list or of the rows of a
/// multi-row `VALUES`.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `?1`-style parameters as PostgreSQL writes them (`$1`); text in quotes is left alone.
pub(crate) fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_rewritten_outside_quotes_only() {
        assert_eq!(
            dollar_params("SELECT ?1, '?2', x FROM t WHERE a = ?12 AND b = '?'"),
            "SELECT $1, '?2', x FROM t WHERE a = $12 AND b = '?'"
        );
    }

    #[test]
    fn sqlite_reads_back_what_it_was_given() {
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        let mut tx = Lite(&conn);
        tx.exec("CREATE TABLE t (a INTEGER, b TEXT, c TEXT)", &[])
            .expect("create");
        tx.exec(
            "INSERT INTO t VALUES (?1, ?2, ?3)",
            &[P::I(7), P::T("x"), P::OT(None)],
        )
        .expect("insert");
        let row = tx
            .row("SELECT a, b, c FROM t", &[])
            .expect("read")
            .expect("row");
        assert_eq!(
            (
                row.int(0).expect("a"),
                row.text(1).expect("b"),
                row.opt_text(2).expect("c")
            ),
            (7, "x".to_string(), None)
        );
        assert!(row.text(0).is_err() && row.int(5).is_err());
    }
}
