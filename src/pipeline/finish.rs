//! Finishing one document: render, write atomically, check what was written.

use std::path::Path;

use super::DocState;
use crate::check::session::Session;
use crate::check::{BlockText, Checker, Rule};
use crate::document::{Document, TargetLocale};
use crate::format::{self, ReadOptions};
use crate::i18n;
use crate::inputs::Input;
use crate::localize::{Change, Localizer};
use crate::msg;
use crate::output;
use crate::report::{Failure, FileReport, Issue};
use crate::restore::{render_document, structure_issue};
use crate::segment::Segment;

/// What happens around writing a document: localizing the engine's text before, checking
/// the file after.
pub(crate) struct Around<'a> {
    /// The pair's checks (`None` when neither checks nor localization run: localizing uses
    /// the checker's recognizers).
    pub session: Option<&'a mut Session>,
    /// What verso changes in the engine's text.
    pub localizer: &'a Localizer,
    /// Whether the written file is checked (how to read it back, when it is).
    pub check: Option<&'a ReadOptions>,
    /// The locale the file is written for (its language slots filled); `None` when the engine
    /// copies the source, whose file is the input byte for byte.
    pub for_target: Option<&'a TargetLocale>,
    /// Whether only a wholly approved article is written.
    pub approved_only: bool,
}

/// Renders and writes one document, or says why it was not written.
pub(crate) fn finish_document(
    d: usize,
    doc: &Document,
    input: &Input,
    state: &mut DocState,
    (out_root, locale): (&Path, &str),
    around: Around,
) -> Result<FileReport, Failure> {
    let fail = |message: String| Failure {
        source: input.path.clone(),
        locale: Some(locale.to_string()),
        message,
    };
    if !state.errors.is_empty() {
        let first = state.errors[0].clone();
        let more = state.errors.len() - 1;
        return Err(fail(i18n::render(&msg!(
            "file-not-written",
            reason = first,
            more = more
        ))));
    }
    if around.approved_only {
        let waiting = state
            .statuses
            .iter()
            .filter(|s| s.as_deref() != Some("approved"))
            .count();
        if waiting > 0 {
            return Err(fail(i18n::render(&msg!(
                "file-not-approved",
                waiting = waiting,
                blocks = doc.blocks.len()
            ))));
        }
    }
    let localized = match around.session.as_deref() {
        Some(session) if around.localizer.is_active() => {
            localize(doc, state, &session.checker, around.localizer)
        }
        _ => Vec::new(),
    };
    let targets: Vec<Segment> = state
        .targets
        .iter()
        .map(|t| t.clone().unwrap_or_default())
        .collect();
    let (text, problems) = render_document(doc, &targets, &state.names, around.for_target);
    let out_path = out_root.join(&input.relative);
    output::write_atomic(&out_path, &doc.encoding.encode(&text)).map_err(|e| {
        fail(i18n::render(&msg!(
            "output-write",
            path = &out_path,
            reason = e.to_string()
        )))
    })?;
    let mut unknown: Vec<String> = state.unknown.iter().flatten().cloned().collect();
    unknown.sort();
    unknown.dedup();
    let mut issues: Vec<Issue> = problems
        .into_iter()
        .map(|(block, problem, target_text)| structure_issue(doc, block, &problem, target_text))
        .collect();
    state.restore_issues = issues.len();
    if let (Some(session), Some(read_options)) = (around.session, around.check) {
        // The structure rule reads the written file back, so markup that did not survive
        // writing is found; blocks whose placeholders restoring already reported are left to
        // that report.
        let restored: Vec<usize> = issues.iter().map(|i| i.block).collect();
        let target = format::parse(doc.format, text, read_options);
        let mut checked = session.check(d, doc, &target, &state.unknown, true);
        checked.retain(|f| f.rule != Rule::STRUCTURE || !restored.contains(&f.block));
        issues.extend(checked.issues);
    }
    Ok(FileReport {
        source: input.path.clone(),
        locale: locale.to_string(),
        output: Some(out_path),
        blocks: doc.blocks.len(),
        engine_calls: state.engine_calls,
        memory_hits: doc.blocks.len() - state.engine_calls,
        unknown_words: unknown,
        terms: std::mem::take(&mut state.terms),
        statuses: crate::report::BlockStatuses::count(state.statuses.iter().map(|s| s.as_deref())),
        issues,
        dismissed: Vec::new(),
        localized,
        review: None,
    })
}

/// Localizes the engine's translations of a document in place (the memory keeps them as the
/// engine gave them); human translations are left as their reviewer wrote them.
fn localize(
    doc: &Document,
    state: &mut DocState,
    checker: &Checker,
    localizer: &Localizer,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let human = state
            .statuses
            .get(i)
            .cloned()
            .flatten()
            .is_some_and(|s| s != "machine");
        let (Some(Some(target)), false) = (state.targets.get(i), human) else {
            continue;
        };
        let names = state.names.get(i).map_or(&[][..], Vec::as_slice);
        let source = BlockText::of(doc, block);
        let (localized, made) = localizer.localize(checker, i, &source.text, target, names);
        if !made.is_empty() {
            state.targets[i] = Some(localized);
            changes.extend(made);
        }
    }
    changes
}
