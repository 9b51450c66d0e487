//! What a review desk decides beside the texts: findings dismissed as false alarms (with who
//! and why), and who is assigned each article.
//!
//! A dismissal belongs to the finding's rule on one text of one block: when the text changes,
//! the finding is judged again, as the checks judge every new text. It is kept in the memory,
//! not in a report, so every later run and every reviewer sees it.

use std::collections::HashMap;

use super::sql::{DbError, P, Tx};
use super::{Memory, MemoryError, now};
use crate::backend::LanguagePair;

/// A finding a reviewer dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dismissal {
    /// The rule whose finding it was.
    pub rule: String,
    /// The text it was found on, canonical form.
    pub target: String,
    /// Who dismissed it.
    pub author: String,
    /// When (seconds since the epoch).
    pub at: i64,
    /// Why.
    pub reason: String,
}

impl Memory {
    /// Records that `rule`'s finding on `target` (canonical) in a block is a false alarm, and
    /// why; a second dismissal of the same finding replaces the reason.
    pub fn dismiss(
        &self,
        pair: &LanguagePair,
        source_key: &str,
        dismissal: &Dismissal,
    ) -> Result<(), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.write(|tx| {
            tx.exec(
                "INSERT INTO review_dismissals
                   (source_lang, target_lang, source_key, rule, target, author, at, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (source_lang, target_lang, source_key, rule, target) DO UPDATE SET
                   author = excluded.author, at = excluded.at, reason = excluded.reason",
                &[
                    P::T(&src),
                    P::T(&tgt),
                    P::T(source_key),
                    P::T(&dismissal.rule),
                    P::T(&dismissal.target),
                    P::T(&dismissal.author),
                    P::I(dismissal.at),
                    P::T(&dismissal.reason),
                ],
            )?;
            Ok(())
        })
    }

    /// The dismissals of many blocks, by source key, read in one transaction.
    pub fn dismissals(
        &self,
        pair: &LanguagePair,
        keys: &[String],
    ) -> Result<HashMap<String, Vec<Dismissal>>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read_each(keys, |tx, key| {
            tx.rows(
                "SELECT rule, target, author, at, reason FROM review_dismissals
                 WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3 ORDER BY id",
                &[P::T(&src), P::T(&tgt), P::T(key)],
            )?
            .into_iter()
            .map(|r| {
                Ok(Dismissal {
                    rule: r.text(0)?,
                    target: r.text(1)?,
                    author: r.text(2)?,
                    at: r.int(3)?,
                    reason: r.text(4)?,
                })
            })
            .collect()
        })
    }

    /// Assigns an article (by its path) in a language to a reviewer.
    pub fn assign(
        &self,
        pair: &LanguagePair,
        path: &str,
        assignee: &str,
        by: &str,
    ) -> Result<(), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let at = now();
        self.write(|tx| {
            tx.exec(
                "INSERT INTO article_assignees
                   (source_lang, target_lang, path, assignee, assigned_by, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (source_lang, target_lang, path) DO UPDATE SET
                   assignee = excluded.assignee, assigned_by = excluded.assigned_by,
                   at = excluded.at",
                &[
                    P::T(&src),
                    P::T(&tgt),
                    P::T(path),
                    P::T(assignee),
                    P::T(by),
                    P::I(at),
                ],
            )?;
            Ok(())
        })
    }

    /// Who each article of a language is assigned to, by path.
    pub fn assignees(&self, pair: &LanguagePair) -> Result<HashMap<String, String>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read(|tx| {
            tx.rows(
                "SELECT path, assignee FROM article_assignees
                 WHERE source_lang = ?1 AND target_lang = ?2",
                &[P::T(&src), P::T(&tgt)],
            )?
            .into_iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect()
        })
    }

    /// The names of the reviewers whose tokens are valid, sorted.
    pub fn reviewer_names(&self) -> Result<Vec<String>, MemoryError> {
        self.read(|tx| {
            tx.rows(
                "SELECT name FROM reviewers WHERE revoked_at IS NULL ORDER BY name",
                &[],
            )?
            .into_iter()
            .map(|r| r.text(0))
            .collect()
        })
    }

    /// Runs `read` for every key in one read transaction (a page asks about every block at
    /// once); keys with nothing are left out.
    pub(crate) fn read_each<T>(
        &self,
        keys: &[String],
        read: impl Fn(&mut dyn Tx, &str) -> Result<Vec<T>, DbError>,
    ) -> Result<HashMap<String, Vec<T>>, MemoryError> {
        self.read(|tx| {
            let mut out = HashMap::new();
            for key in keys {
                if out.contains_key(key) {
                    continue;
                }
                let rows = read(tx, key)?;
                if !rows.is_empty() {
                    out.insert(key.clone(), rows);
                }
            }
            Ok(out)
        })
    }
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

    fn dismissal(target: &str, reason: &str) -> Dismissal {
        Dismissal {
            rule: "numbers".into(),
            target: target.into(),
            author: "ana".into(),
            at: 1,
            reason: reason.into(),
        }
    }

    #[test]
    fn dismissals_are_kept_per_text_and_survive_reopening() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("m.sqlite");
        let m = Memory::open(&path).expect("open");
        m.dismiss(&pair(), "k1", &dismissal("Son 3 días.", "a quote"))
            .expect("dismissed");
        m.dismiss(
            &pair(),
            "k1",
            &dismissal("Son 3 días.", "quoted as written"),
        )
        .expect("reason replaced");
        m.dismiss(&pair(), "k1", &dismissal("Son tres días.", "spelled out"))
            .expect("another text");
        drop(m);
        let m = Memory::open(&path).expect("reopen");
        let found = m
            .dismissals(&pair(), &["k1".into(), "k2".into()])
            .expect("read");
        let k1 = &found["k1"];
        assert_eq!(k1.len(), 2, "one per text: {k1:?}");
        assert_eq!(k1[0].reason, "quoted as written");
        assert!(!found.contains_key("k2"));
    }

    #[test]
    fn an_article_has_one_assignee_at_a_time() {
        let dir = tempfile::tempdir().expect("tmp");
        let m = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        m.assign(&pair(), "a.md", "ana", "bo").expect("assigned");
        m.assign(&pair(), "a.md", "cy", "bo").expect("reassigned");
        m.assign(&pair(), "b.md", "ana", "ana").expect("assigned");
        let all = m.assignees(&pair()).expect("read");
        assert_eq!(all.get("a.md").map(String::as_str), Some("cy"));
        assert_eq!(all.get("b.md").map(String::as_str), Some("ana"));
        let other = LanguagePair {
            source: "en".parse().expect("tag"),
            target: "de".parse().expect("tag"),
        };
        assert!(m.assignees(&other).expect("read").is_empty());
    }
}
