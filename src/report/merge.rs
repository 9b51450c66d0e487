//! `verso report merge`: the shards' reports of one batch made into one report, as a single
//! run would have written it, and one review index.
//!
//! A shard sees only its part of the batch, so it runs no batch rule; it hands each block's
//! facts on in its report (`batch_facts`), and the rules run here over the whole batch: a
//! source translated two ways in files of different shards is found as in one run.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::{FileReport, Issue, Report};
use crate::check::batch::Batch;
use crate::check::profile::Levels;
use crate::i18n::{Localized, Message};
use crate::msg;
use crate::review::html::IndexEntry;

/// Reports that cannot be merged into one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum MergeError {
    /// Nothing to merge.
    Empty,
    /// Reports of different batches (another source language).
    Mismatch {
        /// The report that differs.
        file: PathBuf,
        /// What differs.
        what: String,
    },
    /// The same file and locale in two reports (a shard's report given twice, or shards of
    /// different splits).
    Twice {
        /// The input.
        input: PathBuf,
        /// The locale.
        locale: String,
    },
}

impl Localized for MergeError {
    fn message(&self) -> Message {
        match self {
            MergeError::Empty => msg!("merge-empty"),
            MergeError::Mismatch { file, what } => {
                msg!("merge-mismatch", file = file, what = what.as_str())
            }
            MergeError::Twice { input, locale } => {
                msg!("merge-twice", file = input, locale = locale.as_str())
            }
        }
    }
}

/// Merges shard reports (each with the path it was read from, for messages). `levels` are
/// the check profile's severities for the batch rules (`None`: as the rules give them).
/// Missing shards are a warning in the merged report, not an error: the merge of what ran is
/// still right about it.
pub fn merge(
    reports: Vec<(PathBuf, Report)>,
    levels: Option<&Levels>,
) -> Result<Report, MergeError> {
    let mut reports = reports.into_iter();
    let (_, mut merged) = reports.next().ok_or(MergeError::Empty)?;
    let mut shards: BTreeSet<(u32, u32)> = BTreeSet::new();
    let mut note_shard = |report: &Report, warnings: &mut Vec<String>| {
        if let Some((k, n)) = report.shard.as_deref().and_then(parse_shard)
            && !shards.insert((k, n))
        {
            warnings.push(format!("shard {k}/{n} given twice"));
        }
    };
    let mut warnings = Vec::new();
    note_shard(&merged, &mut warnings);
    let mut seen: HashMap<(PathBuf, String), ()> = merged
        .files
        .iter()
        .map(|f| ((f.source.clone(), f.locale.clone()), ()))
        .collect();
    for (path, report) in reports {
        if report.from != merged.from {
            return Err(MergeError::Mismatch {
                file: path,
                what: format!("from {} (not {})", report.from, merged.from),
            });
        }
        note_shard(&report, &mut warnings);
        for f in &report.files {
            if seen
                .insert((f.source.clone(), f.locale.clone()), ())
                .is_some()
            {
                return Err(MergeError::Twice {
                    input: f.source.clone(),
                    locale: f.locale.clone(),
                });
            }
        }
        if report.engine != merged.engine {
            warnings.push(format!(
                "engines differ: {} and {}",
                merged.engine, report.engine
            ));
        }
        for t in report.to {
            if !merged.to.contains(&t) {
                merged.to.push(t);
            }
        }
        let totals = &mut merged.totals;
        totals.files += report.totals.files;
        totals.engine_calls += report.totals.engine_calls;
        totals.engine_failed += report.totals.engine_failed;
        totals.not_sent += report.totals.not_sent;
        totals.seconds = totals.seconds.max(report.totals.seconds);
        merged.files.extend(report.files);
        merged.failures.extend(report.failures);
        merged.warnings.extend(report.warnings);
        merged.batch_facts.extend(report.batch_facts);
        if merged.review_index.is_none() {
            merged.review_index = report.review_index;
        }
    }
    // Which shards of the split never reported.
    if let Some(&(_, n)) = shards.iter().next() {
        let missing: Vec<String> = (1..=n)
            .filter(|k| !shards.contains(&(*k, n)))
            .map(|k| format!("{k}/{n}"))
            .collect();
        if !missing.is_empty() {
            warnings.push(format!("shards not merged: {}", missing.join(", ")));
        }
    }
    merged.warnings.extend(warnings);
    batch_rules(&mut merged, levels);
    merged.batch_facts.clear();
    merged.shard = None;
    merged
        .files
        .sort_by(|a, b| (&a.source, &a.locale).cmp(&(&b.source, &b.locale)));
    merged.sum();
    Ok(merged)
}

fn parse_shard(spec: &str) -> Option<(u32, u32)> {
    let (k, n) = spec.split_once('/')?;
    Some((k.parse().ok()?, n.parse().ok()?))
}

/// The batch rules over every file's facts, per locale; their issues go to their files.
fn batch_rules(merged: &mut Report, levels: Option<&Levels>) {
    let mut locales: Vec<String> = merged
        .batch_facts
        .iter()
        .map(|f| f.locale.clone())
        .collect();
    locales.sort();
    locales.dedup();
    for locale in locales {
        let facts: Vec<_> = merged
            .batch_facts
            .iter()
            .filter(|f| f.locale == locale)
            .collect();
        let labels: Vec<String> = facts
            .iter()
            .map(|f| f.source.display().to_string())
            .collect();
        let mut batch = Batch::default();
        for (i, file) in facts.iter().enumerate() {
            for b in &file.blocks {
                batch.add(i, b.block, b.facts.clone());
            }
        }
        for (i, finding) in batch.findings(&labels) {
            let finding = match levels {
                Some(levels) => match levels.settle_one(finding) {
                    Some(f) => f,
                    None => continue,
                },
                None => finding,
            };
            let Some(file) = facts.get(i) else { continue };
            let line = file
                .blocks
                .iter()
                .find(|b| b.block == finding.block)
                .map_or(0, |b| b.line);
            let issue = Issue::from_finding(&finding, line, "", "");
            if let Some(report) = merged
                .files
                .iter_mut()
                .find(|r| r.source == file.source && r.locale == locale)
            {
                report.issues.push(issue);
            }
        }
    }
}

/// The review index of a merged report: one entry per file with a review page, linked
/// relative to `dir` (where the shards' indexes are).
pub fn index_entries(report: &Report, dir: &Path) -> Vec<IndexEntry> {
    let mut entries: Vec<IndexEntry> = report.files.iter().filter_map(|f| entry(f, dir)).collect();
    entries.sort_by(|a, b| (&a.file, &a.locale).cmp(&(&b.file, &b.locale)));
    entries
}

fn entry(f: &FileReport, dir: &Path) -> Option<IndexEntry> {
    let page = f.review.as_ref()?;
    let href = page.strip_prefix(dir).ok()?;
    let file = href
        .strip_prefix(&f.locale)
        .unwrap_or(href)
        .to_string_lossy()
        .trim_end_matches(".html")
        .to_string();
    let errors = f
        .issues
        .iter()
        .filter(|i| i.severity == super::Severity::Error)
        .count();
    let statuses = f.statuses.as_array();
    Some(IndexEntry {
        file,
        locale: f.locale.clone(),
        href: href.to_string_lossy().replace('\\', "/"),
        blocks: f.blocks,
        errors,
        warnings: f.issues.len() - errors,
        statuses,
        status: crate::review::model::article_status(statuses),
        assignee: None,
    })
}
