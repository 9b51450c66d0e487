//! Findings reviewers dismissed on `verso serve` leave a run's issues: a dismissal holds for a
//! rule on the very text it was made on, so a file written again from the same reviewed text
//! is not flagged again, and a changed text is judged afresh.

use std::collections::HashMap;

use crate::backend::LanguagePair;
use crate::enforce::Enforced;
use crate::memory::desk::Dismissal;
use crate::memory::{Memory, MemoryError};
use crate::report::{DismissedIssue, FileReport};

use super::DocState;

/// The dismissals of a document's blocks, by key.
pub(crate) fn read(
    memory: &Memory,
    pair: &LanguagePair,
    enforced: &[Enforced],
) -> Result<Dismissals, MemoryError> {
    let keys: Vec<String> = enforced.iter().map(|e| e.segment.key()).collect();
    memory.dismissals(pair, &keys)
}

/// Dismissals by block key.
pub(crate) type Dismissals = HashMap<String, Vec<Dismissal>>;

/// Moves the issues of `file` that a reviewer dismissed into its `dismissed` list. Restore's
/// issues name source blocks and the checks' name blocks of the written file, which verso
/// writes block for block; a dismissal only applies when the block's text is the one it was
/// made on, so a block numbered otherwise is never dismissed by mistake.
pub(crate) fn set_aside(
    found: &Dismissals,
    enforced: &[Enforced],
    state: &DocState,
    file: &mut FileReport,
) {
    if file.issues.is_empty() || found.is_empty() {
        return;
    }
    let keys: Vec<String> = enforced.iter().map(|e| e.segment.key()).collect();
    let issues = std::mem::take(&mut file.issues);
    for issue in issues {
        let dismissal = keys.get(issue.block).and_then(|key| {
            let text = state.targets.get(issue.block)?.as_ref()?.canonical();
            found
                .get(key)?
                .iter()
                .find(|d| d.rule == issue.rule && d.target == text)
        });
        match dismissal {
            Some(d) => file.dismissed.push(DismissedIssue {
                issue,
                dismissed_by: d.author.clone(),
                reason: d.reason.clone(),
                dismissed_at: d.at,
            }),
            None => file.issues.push(issue),
        }
    }
}
