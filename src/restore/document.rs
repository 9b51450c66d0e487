//! Restoring a whole document from its translated segments, and the structure issues that
//! restoring found.

use super::Problem;
use crate::document::{BlockId, Document, Fill, TargetLocale};
use crate::i18n;
use crate::msg;
use crate::report::{Issue, Severity};
use crate::segment::Segment;

/// Renders a document with one target segment per block (and, per block, the target forms of
/// its glossary names) for `target` (whose tag fills the document's language slots; `None`
/// keeps them, for an engine that copies the source); returns the text and every placeholder
/// problem with its block and that block's rendered text.
pub fn render_document(
    doc: &Document,
    targets: &[Segment],
    names: &[Vec<String>],
    target: Option<&TargetLocale>,
) -> (String, Vec<(BlockId, Problem, String)>) {
    let mut problems = Vec::new();
    let text = doc.render_for(target, |id| {
        render_block(doc, id, targets, names, &mut problems)
    });
    // Plural forms added for the target, each flagged on the default form's block.
    for slot in &doc.slots {
        let Fill::PluralVariants {
            copy: Some(block), ..
        } = &slot.fill
        else {
            continue;
        };
        for category in target.map(|t| slot.added(t)).unwrap_or_default() {
            let problem = Problem::PluralAdded {
                category: category.to_string(),
            };
            problems.push((*block, problem, String::new()));
        }
    }
    (text, problems)
}

fn render_block(
    doc: &Document,
    id: BlockId,
    targets: &[Segment],
    names: &[Vec<String>],
    problems: &mut Vec<(BlockId, Problem, String)>,
) -> String {
    let mut nested = Vec::new();
    let block_names = names.get(id).map_or(&[][..], Vec::as_slice);
    let restored = super::restore(doc, id, &targets[id], block_names, &mut |child| {
        render_block(doc, child, targets, names, &mut nested)
    });
    problems.extend(nested);
    for p in restored.problems {
        problems.push((id, p, restored.text.clone()));
    }
    restored.text
}

/// The report issue of a placeholder problem restoring found in `block`.
pub fn structure_issue(
    doc: &Document,
    block: BlockId,
    problem: &Problem,
    target_text: String,
) -> Issue {
    let (severity, message) = match problem {
        Problem::Lost { tag, source } => (
            Severity::Error,
            msg!("structure-lost", tag = tag.name(), source = source),
        ),
        Problem::Duplicated { tag, source } => (
            Severity::Warning,
            msg!("structure-duplicated", tag = tag.name(), source = source),
        ),
        Problem::Empty => (Severity::Error, msg!("structure-empty")),
        Problem::PluralAdded { category } => (
            Severity::Warning,
            msg!("structure-plural-added", category = category.as_str()),
        ),
    };
    let b = &doc.blocks[block];
    let (source_text, source_text_at) = crate::report::excerpt(b.source(&doc.source), None);
    let (target_text, target_text_at) = crate::report::excerpt(&target_text, None);
    Issue {
        rule: "structure".into(),
        severity,
        block,
        line: b.line,
        source_text,
        source_text_at,
        target_text,
        target_text_at,
        message: i18n::render(&message),
        message_id: message.id.to_string(),
        source_span: None,
        target_span: None,
        fix: None,
    }
}
