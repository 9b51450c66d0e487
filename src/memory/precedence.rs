//! Which translation of a segment wins: the one rule every path that writes the memory obeys.
//!
//! 1. **Status**: approved > reviewed > machine. Human translations (reviewed, approved) serve
//!    every engine; a machine translation only the engine that made it. A machine translation
//!    never replaces a human one (they are kept apart, and lookups rank human work first).
//! 2. **Time**, within a status: the newer wins. The time of human work is when it was done —
//!    a TMX unit's `changedate`, a corrections file's `saved_at`, else the file's modification
//!    time — not when it was imported, so an old file imported late stays old.
//! 3. **Machine drafts are not human work**: an import never replaces a human translation with
//!    a text that is a machine draft of the segment (an XLIFF exported before the review and
//!    imported after it carries the draft back).
//!
//! So importing an older XLIFF, corrections file or TMX after a block was approved leaves the
//! approved text in place, and says how many blocks kept theirs.

use super::HumanStatus;

/// A human translation already in the memory for a segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing<'a> {
    /// Its status.
    pub status: HumanStatus,
    /// When it was done (seconds since the epoch).
    pub changed_at: i64,
    /// Its text (canonical form).
    pub target: &'a str,
}

/// A human translation arriving (from a corrections file, XLIFF or TMX).
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming<'a> {
    /// Its status.
    pub status: HumanStatus,
    /// When it was done.
    pub changed_at: i64,
    /// Its text (canonical form).
    pub target: &'a str,
}

/// What to do with an incoming human translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Store it (there was none, or it wins).
    Store,
    /// Keep what the memory has: it is approved where this is only reviewed, or newer, or this
    /// is a machine draft coming back.
    Keep,
}

fn rank(s: HumanStatus) -> u8 {
    match s {
        HumanStatus::Reviewed => 1,
        HumanStatus::Approved => 2,
    }
}

/// The rule. `is_machine_draft` says whether the incoming text is one of the memory's machine
/// translations of the segment.
pub fn decide(
    existing: Option<&Existing>,
    incoming: &Incoming,
    is_machine_draft: bool,
) -> Decision {
    let Some(old) = existing else {
        // Nothing human yet: a reviewer may well approve a machine draft as it is.
        return Decision::Store;
    };
    if old.target == incoming.target {
        // The same text: only a promotion (reviewed → approved) changes anything.
        return if rank(incoming.status) > rank(old.status) {
            Decision::Store
        } else {
            Decision::Keep
        };
    }
    if is_machine_draft {
        return Decision::Keep;
    }
    match rank(incoming.status).cmp(&rank(old.status)) {
        std::cmp::Ordering::Greater => Decision::Store,
        std::cmp::Ordering::Less => Decision::Keep,
        std::cmp::Ordering::Equal if incoming.changed_at >= old.changed_at => Decision::Store,
        std::cmp::Ordering::Equal => Decision::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HumanStatus::{Approved, Reviewed};

    fn old(status: HumanStatus, at: i64, target: &str) -> Existing<'_> {
        Existing {
            status,
            changed_at: at,
            target,
        }
    }

    fn new(status: HumanStatus, at: i64, target: &str) -> Incoming<'_> {
        Incoming {
            status,
            changed_at: at,
            target,
        }
    }

    #[test]
    fn approved_beats_reviewed_and_newer_beats_older() {
        let approved = old(Approved, 100, "La casa");
        // A stale draft, stored as reviewed, never replaces an approval.
        assert_eq!(
            decide(Some(&approved), &new(Reviewed, 200, "La vivienda"), false),
            Decision::Keep
        );
        // A newer approval does; an older one does not.
        assert_eq!(
            decide(Some(&approved), &new(Approved, 200, "La vivienda"), false),
            Decision::Store
        );
        assert_eq!(
            decide(Some(&approved), &new(Approved, 50, "La vivienda"), false),
            Decision::Keep
        );
        // Reviewed work is replaced by an approval, even an older one.
        let reviewed = old(Reviewed, 100, "La casa");
        assert_eq!(
            decide(Some(&reviewed), &new(Approved, 50, "La vivienda"), false),
            Decision::Store
        );
        // Same text: promoted, never demoted.
        assert_eq!(
            decide(Some(&reviewed), &new(Approved, 1, "La casa"), false),
            Decision::Store
        );
        assert_eq!(
            decide(Some(&approved), &new(Reviewed, 999, "La casa"), false),
            Decision::Keep
        );
    }

    #[test]
    fn a_machine_draft_never_replaces_human_work_but_may_be_approved_as_it_is() {
        let reviewed = old(Reviewed, 100, "La casa");
        assert_eq!(
            decide(Some(&reviewed), &new(Approved, 999, "El casa"), true),
            Decision::Keep
        );
        assert_eq!(
            decide(None, &new(Approved, 1, "El casa"), true),
            Decision::Store
        );
    }
}
