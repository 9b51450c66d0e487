//! `verso memory copy FROM TO`: a memory moved between a SQLite file and a PostgreSQL server,
//! either way, with everything that gives its entries their meaning — engines, origins,
//! statuses and times of the translations, and the review desk's reviewers, versions,
//! history, comments (answers still answering their comment), dismissals and assignees.
//!
//! Copying into a memory that already holds some of it adds what is missing and changes
//! nothing there (a translation or a reviewer already present is kept), so a copy can be run
//! again. Claims are not copied: they belong to running workers.

use std::collections::HashMap;

use super::sql::{Cell, DbError, P, Row};
use super::{Memory, MemoryError};

/// A column and whether it may be null (and of which kind, for PostgreSQL's types).
#[derive(Clone, Copy)]
enum Col {
    Text(&'static str),
    Int(&'static str),
    OptText(&'static str),
    OptInt(&'static str),
}

impl Col {
    fn name(self) -> &'static str {
        match self {
            Col::Text(n) | Col::Int(n) | Col::OptText(n) | Col::OptInt(n) => n,
        }
    }

    fn param(self, cell: &Cell) -> P<'_> {
        match (self, cell) {
            (_, Cell::Int(n)) => P::I(*n),
            (_, Cell::Text(t)) => P::T(t),
            (Col::Int(_) | Col::OptInt(_), Cell::Null) => P::OI(None),
            (Col::Text(_) | Col::OptText(_), Cell::Null) => P::OT(None),
        }
    }
}

/// A table copied with `ON CONFLICT (…) DO NOTHING`, in the order of its columns.
struct Table {
    name: &'static str,
    columns: &'static [Col],
    /// The unique key that says a row is already there.
    key: &'static str,
    /// The order rows are read in.
    order: &'static str,
}

use Col::{Int, OptInt, OptText, Text};

const TABLES: &[Table] = &[
    Table {
        name: "translations",
        columns: &[
            Text("source_lang"),
            Text("target_lang"),
            Text("engine"),
            Text("source_key"),
            Text("source"),
            Text("target"),
            Text("origin"),
            Text("status"),
            Text("unknown_words"),
            Int("created_at"),
            Int("updated_at"),
            Text("names"),
        ],
        key: "source_lang, target_lang, engine, source_key",
        order: "id",
    },
    Table {
        name: "reviewers",
        columns: &[
            Text("name"),
            Text("role"),
            Text("token_hash"),
            Int("created_at"),
            OptInt("revoked_at"),
        ],
        key: "name",
        order: "name",
    },
    Table {
        name: "block_versions",
        columns: &[
            Text("source_lang"),
            Text("target_lang"),
            Text("source_key"),
            Int("version"),
            Text("author"),
            Int("updated_at"),
        ],
        key: "source_lang, target_lang, source_key",
        order: "source_lang, target_lang, source_key",
    },
    Table {
        name: "review_dismissals",
        columns: &[
            Text("source_lang"),
            Text("target_lang"),
            Text("source_key"),
            Text("rule"),
            Text("target"),
            Text("author"),
            Int("at"),
            Text("reason"),
        ],
        key: "source_lang, target_lang, source_key, rule, target",
        order: "id",
    },
    Table {
        name: "article_assignees",
        columns: &[
            Text("source_lang"),
            Text("target_lang"),
            Text("path"),
            Text("assignee"),
            Text("assigned_by"),
            Int("at"),
        ],
        key: "source_lang, target_lang, path",
        order: "source_lang, target_lang, path",
    },
];

/// The history: a row is there when its block has its version.
const HISTORY: &[Col] = &[
    Text("source_lang"),
    Text("target_lang"),
    Text("source_key"),
    Int("version"),
    Text("author"),
    Int("at"),
    OptText("before"),
    Text("after"),
    Text("status"),
];

/// What a copy did: per table, rows added and rows already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Copied {
    /// (table, added, already there).
    pub tables: Vec<(&'static str, usize, usize)>,
}

fn names(columns: &[Col]) -> String {
    columns
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn placeholders(n: usize, from: usize) -> String {
    (from..from + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn params<'a>(columns: &[Col], row: &'a Row) -> Vec<P<'a>> {
    columns
        .iter()
        .zip(&row.0)
        .map(|(c, cell)| c.param(cell))
        .collect()
}

impl Memory {
    /// Copies everything this memory holds into `to` (see the module).
    pub fn copy_into(&self, to: &Memory) -> Result<Copied, MemoryError> {
        let mut copied = Copied::default();
        for table in TABLES {
            let sql = format!(
                "SELECT {} FROM {} ORDER BY {}",
                names(table.columns),
                table.name,
                table.order
            );
            let rows = self.read(|tx| tx.rows(&sql, &[]))?;
            let insert = format!(
                "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO NOTHING",
                table.name,
                names(table.columns),
                placeholders(table.columns.len(), 1),
                table.key
            );
            let added = to.write(|tx| {
                let mut added = 0;
                for row in &rows {
                    added += tx.exec(&insert, &params(table.columns, row))? as usize;
                }
                Ok(added)
            })?;
            copied.tables.push((table.name, added, rows.len() - added));
        }
        copied.tables.push(self.copy_history(to)?);
        copied.tables.push(self.copy_comments(to)?);
        Ok(copied)
    }

    fn copy_history(&self, to: &Memory) -> Result<(&'static str, usize, usize), MemoryError> {
        let rows = self.read(|tx| {
            tx.rows(
                &format!("SELECT {} FROM review_history ORDER BY id", names(HISTORY)),
                &[],
            )
        })?;
        let added = to.write(|tx| {
            let mut added = 0;
            for row in &rows {
                let there = tx
                    .row(
                        "SELECT 1 FROM review_history WHERE source_lang = ?1 AND target_lang = ?2
                           AND source_key = ?3 AND version = ?4",
                        &params(&HISTORY[..4], row),
                    )?
                    .is_some();
                if !there {
                    tx.exec(
                        &format!(
                            "INSERT INTO review_history ({}) VALUES ({})",
                            names(HISTORY),
                            placeholders(HISTORY.len(), 1)
                        ),
                        &params(HISTORY, row),
                    )?;
                    added += 1;
                }
            }
            Ok(added)
        })?;
        Ok(("review_history", added, rows.len() - added))
    }

    /// Comments in the order they were written, each answer pointing at its comment's new id.
    fn copy_comments(&self, to: &Memory) -> Result<(&'static str, usize, usize), MemoryError> {
        let rows = self.read(|tx| {
            tx.rows(
                "SELECT id, reply_to, source_lang, target_lang, source_key, author, at, text
                 FROM review_comments ORDER BY id",
                &[],
            )
        })?;
        let added = to.write(|tx| {
            let mut ids: HashMap<i64, i64> = HashMap::new();
            let mut added = 0;
            for r in &rows {
                let (id, reply_to) = (r.int(0)?, r.opt_int(1)?);
                let (src, tgt, key) = (r.text(2)?, r.text(3)?, r.text(4)?);
                let (author, at, text) = (r.text(5)?, r.int(6)?, r.text(7)?);
                let same = [
                    P::T(&src),
                    P::T(&tgt),
                    P::T(&key),
                    P::T(&author),
                    P::I(at),
                    P::T(&text),
                ];
                let there = tx.row(
                    "SELECT id FROM review_comments WHERE source_lang = ?1 AND target_lang = ?2
                       AND source_key = ?3 AND author = ?4 AND at = ?5 AND text = ?6",
                    &same,
                )?;
                let new_id = match there {
                    Some(row) => row.int(0)?,
                    None => {
                        added += 1;
                        let answer = reply_to.and_then(|r| ids.get(&r).copied());
                        tx.row(
                            "INSERT INTO review_comments
                               (source_lang, target_lang, source_key, author, at, text, reply_to)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                            &[
                                P::T(&src),
                                P::T(&tgt),
                                P::T(&key),
                                P::T(&author),
                                P::I(at),
                                P::T(&text),
                                P::OI(answer),
                            ],
                        )?
                        .ok_or_else(|| DbError::new("no id for a copied comment"))?
                        .int(0)?
                    }
                };
                ids.insert(id, new_id);
            }
            Ok(added)
        })?;
        Ok(("review_comments", added, rows.len() - added))
    }
}
