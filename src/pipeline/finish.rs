//! Finishing one document: render, write atomically, check what was written.

use std::collections::HashMap;
use std::path::Path;

use super::DocState;
use super::render::{issue_for, render_document};
use crate::check::batch::Batch;
use crate::check::{BlockText, Checker};
use crate::document::Document;
use crate::format::{self, ReadOptions};
use crate::i18n;
use crate::inputs::Input;
use crate::localize::{Change, Localizer};
use crate::msg;
use crate::output;
use crate::report::{Failure, FileReport, Issue};
use crate::segment::Segment;

/// The checks of one locale: what the batch rules collect across files.
pub(crate) struct LocaleChecks {
    pub batch: Batch,
    pub read_options: ReadOptions,
    /// Per document index: the lines of the written file's blocks, and the block texts.
    pub written: HashMap<usize, Vec<(usize, String, String)>>,
}

/// What happens around writing a document: localizing the engine's text before, checking
/// the file after.
pub(crate) struct Around<'a> {
    /// The pair's checker (`None` when neither checks nor localization run).
    pub checker: Option<&'a Checker>,
    /// What verso changes in the engine's text.
    pub localizer: &'a Localizer,
    /// The checks, when they run.
    pub checks: Option<&'a mut LocaleChecks>,
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
    let localized = match around.checker {
        Some(checker) if around.localizer.is_active() => {
            localize(doc, state, checker, around.localizer)
        }
        _ => Vec::new(),
    };
    let targets: Vec<Segment> = state
        .targets
        .iter()
        .map(|t| t.clone().unwrap_or_default())
        .collect();
    let (text, problems) = render_document(doc, &targets, &state.names);
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
        .map(|(block, problem, target_text)| issue_for(doc, block, &problem, target_text))
        .collect();
    state.restore_issues = issues.len();
    if let (Some(checks), Some(checker)) = (around.checks, around.checker) {
        let restored: Vec<usize> = issues.iter().map(|i| i.block).collect();
        issues.extend(check_written(
            d, doc, &text, state, checks, checker, &restored,
        ));
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
        issues,
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

/// Checks a written document against its source; the batch rules get its facts. The
/// structure rule reads the written file back, so markup that did not survive writing is
/// found; blocks whose placeholders restoring already reported (`restored`) are left to that
/// report.
fn check_written(
    d: usize,
    doc: &Document,
    text: &str,
    state: &DocState,
    checks: &mut LocaleChecks,
    checker: &Checker,
    restored: &[usize],
) -> Vec<Issue> {
    let target = format::parse(doc.format, text.to_string(), &checks.read_options);
    let mut checked = checker.check_document(doc, &target, &state.unknown, true);
    checked
        .findings
        .retain(|f| f.rule != crate::check::Rule::STRUCTURE || !restored.contains(&f.block));
    let mut written = Vec::with_capacity(target.blocks.len());
    for (i, block) in target.blocks.iter().enumerate() {
        let (s, t) = checked.texts[i]
            .as_ref()
            .map(|(s, t)| (s.text.clone(), t.text.clone()))
            .unwrap_or_default();
        written.push((block.line, s, t));
    }
    let issues = checked
        .findings
        .iter()
        .map(|f| {
            let (line, s, t) = written
                .get(f.block)
                .map_or((0, "", ""), |(l, s, t)| (*l, s.as_str(), t.as_str()));
            Issue::from_finding(f, line, s, t)
        })
        .collect();
    for (block, facts) in checked.facts {
        checks.batch.add(d, block, facts);
    }
    checks.written.insert(d, written);
    issues
}

/// The batch findings, as issues with their document index.
pub(crate) fn batch_issues(checks: &LocaleChecks, labels: &[String]) -> Vec<(usize, Issue)> {
    checks
        .batch
        .findings(labels)
        .into_iter()
        .map(|(d, f)| {
            let (line, s, t) = checks
                .written
                .get(&d)
                .and_then(|w| w.get(f.block))
                .map_or((0, "", ""), |(l, s, t)| (*l, s.as_str(), t.as_str()));
            (d, Issue::from_finding(&f, line, s, t))
        })
        .collect()
}
