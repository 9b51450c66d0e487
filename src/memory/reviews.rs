//! What a review server keeps in the memory file beside the translations: its reviewers (with
//! hashed access tokens), a version per reviewed block, and the history of every save.
//!
//! A save names the version it was made on; when another save came first, nothing is stored
//! and the caller gets the version and text that won, so two editors on one block never
//! overwrite each other silently. The text, the new version and the history row are committed
//! in one transaction before the save is answered, so a save the page was told about survives
//! a killed server.

use super::sql::{DbError, P, Tx};
use super::{HumanItem, HumanStatus, Memory, MemoryError, now, store_human_in};
use crate::backend::LanguagePair;

/// What a reviewer may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Saves texts and comments.
    Reviewer,
    /// Also approves.
    Approver,
}

impl Role {
    /// As stored and written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Approver => "approver",
        }
    }

    /// The role [`as_str`](Self::as_str) names.
    pub fn parse(word: &str) -> Option<Role> {
        [Role::Reviewer, Role::Approver]
            .into_iter()
            .find(|r| r.as_str() == word)
    }
}

/// A reviewer a token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    /// Their name.
    pub name: String,
    /// What they may do.
    pub role: Role,
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Stored; the block's version is now this.
    Stored {
        /// The new version.
        version: i64,
    },
    /// Another save came first: nothing stored.
    Conflict {
        /// The block's version now.
        version: i64,
        /// Who saved it.
        author: String,
        /// The text they saved, canonical form.
        target: Option<String>,
    },
    /// The memory holds an approved text this (reviewed) one may not replace.
    Kept {
        /// The block's version, unchanged.
        version: i64,
    },
}

/// One save of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The version it made.
    pub version: i64,
    /// Who saved.
    pub author: String,
    /// When (seconds since the epoch).
    pub at: i64,
    /// The text before, canonical form (none: the machine's or nothing).
    pub before: Option<String>,
    /// The text saved.
    pub after: String,
    /// `reviewed` or `approved`.
    pub status: String,
}

/// The hash a token is stored as: only its holder can present it, and the file never gives it
/// away.
fn token_hash(token: &str) -> String {
    blake3::hash(token.as_bytes()).to_hex().to_string()
}

/// 32 random bytes from the operating system, as hex.
fn new_token() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Memory {
    /// Adds a reviewer (or gives an existing one a new token and role); returns the token, the
    /// only time it is known in the clear.
    pub fn add_reviewer(&self, name: &str, role: Role) -> Result<String, MemoryError> {
        let token = new_token().map_err(|e| self.error(e))?;
        let hash = token_hash(&token);
        let now = now();
        self.write(|tx| {
            tx.exec(
                "INSERT INTO reviewers (name, role, token_hash, created_at, revoked_at)
                 VALUES (?1, ?2, ?3, ?4, NULL)
                 ON CONFLICT (name) DO UPDATE SET role = excluded.role,
                   token_hash = excluded.token_hash, created_at = excluded.created_at,
                   revoked_at = NULL",
                &[P::T(name), P::T(role.as_str()), P::T(&hash), P::I(now)],
            )
        })?;
        Ok(token)
    }

    /// Revokes a reviewer's token; whether there was one to revoke.
    pub fn revoke_reviewer(&self, name: &str) -> Result<bool, MemoryError> {
        let now = now();
        let changed = self.write(|tx| {
            tx.exec(
                "UPDATE reviewers SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
                &[P::T(name), P::I(now)],
            )
        })?;
        Ok(changed > 0)
    }

    /// The reviewer a token belongs to, unless revoked.
    pub fn reviewer(&self, token: &str) -> Result<Option<Reviewer>, MemoryError> {
        let hash = token_hash(token);
        let found = self.read(|tx| {
            tx.row(
                "SELECT name, role FROM reviewers WHERE token_hash = ?1 AND revoked_at IS NULL",
                &[P::T(&hash)],
            )?
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .transpose()
        })?;
        Ok(found.and_then(|(name, role)| Role::parse(&role).map(|role| Reviewer { name, role })))
    }

    /// A block's version (0 before any save) and who made it.
    pub fn block_version(
        &self,
        pair: &LanguagePair,
        source_key: &str,
    ) -> Result<(i64, String), MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read(|tx| version_of(tx, (&src, &tgt), source_key))
    }

    /// Saves a reviewer's text for a block made on `base_version`: stored with the next
    /// version and a history row, in one transaction, when no other save came first and the
    /// memory's precedence lets it replace what is there.
    pub fn save_reviewed(
        &self,
        pair: &LanguagePair,
        item: &HumanItem,
        author: &str,
        base_version: i64,
    ) -> Result<Saved, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let key = item.source.key();
        let now = now();
        self.write(|tx| {
            tx.lock(&format!("block {src} {tgt} {key}"))?;
            let (version, last_author) = version_of(tx, (&src, &tgt), &key)?;
            let before = human_text(tx, (&src, &tgt), &key)?;
            if version != base_version {
                return Ok(Saved::Conflict {
                    version,
                    author: last_author,
                    target: before,
                });
            }
            let done = store_human_in(tx, (&src, &tgt), std::slice::from_ref(item), "review", now)?;
            if done.stored == 0 {
                return Ok(Saved::Kept { version });
            }
            let next = version + 1;
            record_version(tx, (&src, &tgt), &key, next, author, now)?;
            let after = item.target.canonical();
            record_history(
                tx,
                (&src, &tgt),
                &key,
                (next, author, now),
                (before.as_deref(), &after, item.status.as_str()),
            )?;
            Ok(Saved::Stored { version: next })
        })
    }

    /// Sends a block back to the machine: the reviewers' text is taken out of the memory, so
    /// the engine's translation (or, without one, the next run's) is used again. Made on
    /// `base_version` like a save, and kept in the history (status `machine`, the text it
    /// took out as `before`, so a revert can bring it back). `Kept` when there was no
    /// reviewers' text to take out.
    pub fn send_to_machine(
        &self,
        pair: &LanguagePair,
        source_key: &str,
        author: &str,
        base_version: i64,
    ) -> Result<Saved, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now();
        self.write(|tx| {
            tx.lock(&format!("block {src} {tgt} {source_key}"))?;
            let (version, last_author) = version_of(tx, (&src, &tgt), source_key)?;
            let before = human_text(tx, (&src, &tgt), source_key)?;
            if version != base_version {
                return Ok(Saved::Conflict {
                    version,
                    author: last_author,
                    target: before,
                });
            }
            if before.is_none() {
                return Ok(Saved::Kept { version });
            }
            tx.exec(
                "DELETE FROM translations WHERE source_lang = ?1 AND target_lang = ?2
                   AND engine = 'human' AND source_key = ?3",
                &[P::T(&src), P::T(&tgt), P::T(source_key)],
            )?;
            let next = version + 1;
            record_version(tx, (&src, &tgt), source_key, next, author, now)?;
            record_history(
                tx,
                (&src, &tgt),
                source_key,
                (next, author, now),
                (before.as_deref(), "", "machine"),
            )?;
            Ok(Saved::Stored { version: next })
        })
    }

    /// The versions of many blocks (those saved at least once), by source key.
    pub fn block_versions(
        &self,
        pair: &LanguagePair,
        keys: &[String],
    ) -> Result<std::collections::HashMap<String, (i64, String)>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let found = self.read_each(keys, |tx, key| {
            let v = version_of(tx, (&src, &tgt), key)?;
            Ok(if v.0 > 0 { vec![v] } else { Vec::new() })
        })?;
        Ok(found
            .into_iter()
            .filter_map(|(k, mut v)| v.pop().map(|v| (k, v)))
            .collect())
    }

    /// Every save of a block, oldest first.
    pub fn history(
        &self,
        pair: &LanguagePair,
        source_key: &str,
    ) -> Result<Vec<HistoryEntry>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read(|tx| {
            tx.rows(
                "SELECT version, author, at, before, after, status FROM review_history
                 WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3
                 ORDER BY id",
                &[P::T(&src), P::T(&tgt), P::T(source_key)],
            )?
            .into_iter()
            .map(|r| {
                Ok(HistoryEntry {
                    version: r.int(0)?,
                    author: r.text(1)?,
                    at: r.int(2)?,
                    before: r.opt_text(3)?,
                    after: r.text(4)?,
                    status: r.text(5)?,
                })
            })
            .collect()
        })
    }
}

/// A reviewer's comment on a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its id.
    pub id: i64,
    /// The comment it answers, if any.
    pub reply_to: Option<i64>,
    /// Who wrote it.
    pub author: String,
    /// When (seconds since the epoch).
    pub at: i64,
    /// What they wrote.
    pub text: String,
}

impl Memory {
    /// Adds a comment on a block (an answer to `reply_to`, if given); returns its id.
    pub fn add_comment(
        &self,
        pair: &LanguagePair,
        source_key: &str,
        author: &str,
        text: &str,
        reply_to: Option<i64>,
    ) -> Result<i64, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let now = now();
        self.write(|tx| {
            tx.row(
                "INSERT INTO review_comments
                   (source_lang, target_lang, source_key, reply_to, author, at, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                &[
                    P::T(&src),
                    P::T(&tgt),
                    P::T(source_key),
                    P::OI(reply_to),
                    P::T(author),
                    P::I(now),
                    P::T(text),
                ],
            )?
            .ok_or_else(|| DbError::new("no id for the comment"))?
            .int(0)
        })
    }

    /// The comments of many blocks, by source key, oldest first.
    pub fn comments_of(
        &self,
        pair: &LanguagePair,
        keys: &[String],
    ) -> Result<std::collections::HashMap<String, Vec<Comment>>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read_each(keys, |tx, key| comments_in(tx, (&src, &tgt), key))
    }

    /// A block's comments, oldest first.
    pub fn comments(
        &self,
        pair: &LanguagePair,
        source_key: &str,
    ) -> Result<Vec<Comment>, MemoryError> {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        self.read(|tx| comments_in(tx, (&src, &tgt), source_key))
    }
}

fn comments_in(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    key: &str,
) -> Result<Vec<Comment>, DbError> {
    tx.rows(
        "SELECT id, reply_to, author, at, text FROM review_comments
         WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3 ORDER BY id",
        &[P::T(src), P::T(tgt), P::T(key)],
    )?
    .into_iter()
    .map(|r| {
        Ok(Comment {
            id: r.int(0)?,
            reply_to: r.opt_int(1)?,
            author: r.text(2)?,
            at: r.int(3)?,
            text: r.text(4)?,
        })
    })
    .collect()
}

/// The reviewers' text of a block, canonical form, if any.
fn human_text(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    key: &str,
) -> Result<Option<String>, DbError> {
    tx.row(
        "SELECT target FROM translations WHERE source_lang = ?1
           AND target_lang = ?2 AND engine = 'human' AND source_key = ?3",
        &[P::T(src), P::T(tgt), P::T(key)],
    )?
    .map(|r| r.text(0))
    .transpose()
}

/// Sets a block's version and who made it.
fn record_version(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    key: &str,
    version: i64,
    author: &str,
    now: i64,
) -> Result<(), DbError> {
    tx.exec(
        "INSERT INTO block_versions
           (source_lang, target_lang, source_key, version, author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (source_lang, target_lang, source_key) DO UPDATE SET
           version = excluded.version, author = excluded.author,
           updated_at = excluded.updated_at",
        &[
            P::T(src),
            P::T(tgt),
            P::T(key),
            P::I(version),
            P::T(author),
            P::I(now),
        ],
    )?;
    Ok(())
}

/// One row of a block's history: the version, who and when; the text before, after, and the
/// status it was saved as.
fn record_history(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    key: &str,
    (version, author, at): (i64, &str, i64),
    (before, after, status): (Option<&str>, &str, &str),
) -> Result<(), DbError> {
    tx.exec(
        "INSERT INTO review_history
           (source_lang, target_lang, source_key, version, author, at, before, after, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &[
            P::T(src),
            P::T(tgt),
            P::T(key),
            P::I(version),
            P::T(author),
            P::I(at),
            P::OT(before),
            P::T(after),
            P::T(status),
        ],
    )?;
    Ok(())
}

fn version_of(
    tx: &mut dyn Tx,
    (src, tgt): (&str, &str),
    key: &str,
) -> Result<(i64, String), DbError> {
    Ok(tx
        .row(
            "SELECT version, author FROM block_versions
             WHERE source_lang = ?1 AND target_lang = ?2 AND source_key = ?3",
            &[P::T(src), P::T(tgt), P::T(key)],
        )?
        .map(|r| Ok::<_, DbError>((r.int(0)?, r.text(1)?)))
        .transpose()?
        .unwrap_or((0, String::new())))
}

/// The status a save asks for, as the memory keeps it.
pub fn status(approve: bool) -> HumanStatus {
    if approve {
        HumanStatus::Approved
    } else {
        HumanStatus::Reviewed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segment;

    fn pair() -> LanguagePair {
        LanguagePair {
            source: "en".parse().expect("tag"),
            target: "es".parse().expect("tag"),
        }
    }

    fn item<'a>(source: &'a Segment, target: &'a Segment, approve: bool) -> HumanItem<'a> {
        HumanItem {
            source,
            target,
            status: status(approve),
            changed_at: now(),
            names: &[],
        }
    }

    #[test]
    fn tokens_are_stored_hashed_and_revocable() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("m.sqlite");
        let m = Memory::open(&path).expect("open");
        let token = m.add_reviewer("ana", Role::Approver).expect("added");
        assert_eq!(token.len(), 64);
        let who = m.reviewer(&token).expect("read");
        assert_eq!(
            who,
            Some(Reviewer {
                name: "ana".into(),
                role: Role::Approver
            })
        );
        assert_eq!(m.reviewer("not-a-token").expect("read"), None);
        let bytes = std::fs::read(&path).expect("file");
        assert!(
            !bytes.windows(64).any(|w| w == token.as_bytes()),
            "stored in the clear"
        );
        assert!(m.revoke_reviewer("ana").expect("revoked"));
        assert_eq!(m.reviewer(&token).expect("read"), None);
    }

    #[test]
    fn a_save_on_an_old_version_is_refused_with_what_won() {
        let dir = tempfile::tempdir().expect("tmp");
        let m = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let source = Segment::parse_canonical("The <1>port</1> closed.");
        let first = Segment::parse_canonical("El <1>puerto</1> cerró.");
        let second = Segment::parse_canonical("Cerró el <1>puerto</1>.");
        let saved = m
            .save_reviewed(&pair(), &item(&source, &first, false), "ana", 0)
            .expect("saved");
        assert_eq!(saved, Saved::Stored { version: 1 });
        // Bo loaded the block before Ana saved: his save is refused, Ana's text kept.
        let late = m
            .save_reviewed(&pair(), &item(&source, &second, false), "bo", 0)
            .expect("answered");
        assert_eq!(
            late,
            Saved::Conflict {
                version: 1,
                author: "ana".into(),
                target: Some(first.canonical())
            }
        );
        // On the version he was shown, it goes through; the history has both saves.
        let merged = m
            .save_reviewed(&pair(), &item(&source, &second, true), "bo", 1)
            .expect("saved");
        assert_eq!(merged, Saved::Stored { version: 2 });
        let history = m.history(&pair(), &source.key()).expect("history");
        assert_eq!(history.len(), 2);
        assert_eq!(
            history[1].before.as_deref(),
            Some(first.canonical().as_str())
        );
        assert_eq!(history[1].status, "approved");
        // A reviewed text does not replace an approved one.
        let over = m
            .save_reviewed(&pair(), &item(&source, &first, false), "ana", 2)
            .expect("answered");
        assert_eq!(over, Saved::Kept { version: 2 });
    }

    #[test]
    fn sending_a_block_back_to_the_machine_brings_the_engines_text_back() {
        use crate::backend::Translation;
        use crate::memory::MachineItem;
        let dir = tempfile::tempdir().expect("tmp");
        let m = Memory::open(&dir.path().join("m.sqlite")).expect("open");
        let source = Segment::parse_canonical("The port closed.");
        let engine = Translation {
            segment: Segment::parse_canonical("El puerto cerrado."),
            unknown_words: Vec::new(),
            origin: None,
        };
        m.store_machine(
            &pair(),
            "apertium",
            &[MachineItem {
                source: &source,
                translation: &engine,
                names: &[],
            }],
        )
        .expect("stored");
        let edited = Segment::parse_canonical("El puerto cerró.");
        let keys = [source.key()];
        m.save_reviewed(&pair(), &item(&source, &edited, false), "ana", 0)
            .expect("saved");
        assert_eq!(
            m.lookup_best(&pair(), &keys).expect("read")[&keys[0]].status,
            "reviewed"
        );
        // On a stale version it is refused like a save.
        let stale = m
            .send_to_machine(&pair(), &keys[0], "bo", 0)
            .expect("answered");
        assert!(
            matches!(stale, Saved::Conflict { version: 1, .. }),
            "{stale:?}"
        );
        let sent = m.send_to_machine(&pair(), &keys[0], "bo", 1).expect("sent");
        assert_eq!(sent, Saved::Stored { version: 2 });
        let best = &m.lookup_best(&pair(), &keys).expect("read")[&keys[0]];
        assert_eq!(
            (best.status.as_str(), best.target.canonical()),
            ("machine", engine.segment.canonical())
        );
        let history = m.history(&pair(), &keys[0]).expect("history");
        assert_eq!(history[1].status, "machine");
        assert_eq!(
            history[1].before.as_deref(),
            Some(edited.canonical().as_str())
        );
        // Nothing left to send back.
        assert_eq!(
            m.send_to_machine(&pair(), &keys[0], "bo", 2)
                .expect("answered"),
            Saved::Kept { version: 2 }
        );
        let versions = m
            .block_versions(&pair(), &[keys[0].clone(), "other".into()])
            .expect("read");
        assert_eq!(versions.get(&keys[0]), Some(&(2, "bo".to_string())));
        assert!(!versions.contains_key("other"));
    }
}
