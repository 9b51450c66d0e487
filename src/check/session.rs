//! One run of the checks over a batch in one language pair: what `verso translate`,
//! `verso check` and the review pages all do, in one place.
//!
//! A session builds the [`Checker`] once (with what all the batch's sources say about names),
//! checks each document pair, turns findings into report issues with their lines and texts,
//! keeps what the batch rules compare across files, and settles every finding (block,
//! structure, batch) by the configured severities and profile.

use std::collections::HashMap;
use std::sync::Arc;

use super::batch::Batch;
use super::file::Checked;
use super::{CheckConfig, Checker, Finding, names};
use crate::document::Document;
use crate::glossary::Glossary;
use crate::report::Issue;

/// The checks of one language pair over a batch.
pub struct Session {
    /// The checker (the review page also marks concepts, numbers and dates with it).
    pub checker: Checker,
    batch: Batch,
    /// Per document: per target block, its line and its source and target texts (for the
    /// issues of the batch rules, found after every document was checked).
    texts: HashMap<usize, Vec<(usize, String, String)>>,
}

/// The checks of one document pair.
pub struct DocumentChecks {
    /// The findings, their texts, and the facts for the batch rules.
    pub checked: Checked,
    /// One issue per finding, in the same order.
    pub issues: Vec<Issue>,
}

impl DocumentChecks {
    fn new(checked: Checked, target: &Document) -> DocumentChecks {
        let issues = checked
            .findings
            .iter()
            .map(|f| {
                let line = target.blocks.get(f.block).map_or(0, |b| b.line);
                let (s, t) = checked
                    .texts
                    .get(f.block)
                    .and_then(Option::as_ref)
                    .map(|(s, t)| (s.text.as_str(), t.text.as_str()))
                    .unwrap_or_default();
                Issue::from_finding(f, line, s, t)
            })
            .collect();
        DocumentChecks { checked, issues }
    }

    /// Keeps only the findings (and their issues) `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&Finding) -> bool) {
        let findings = std::mem::take(&mut self.checked.findings);
        let issues = std::mem::take(&mut self.issues);
        (self.checked.findings, self.issues) = findings
            .into_iter()
            .zip(issues)
            .filter(|(f, _)| keep(f))
            .unzip();
    }
}

impl Session {
    /// A session around a checker built elsewhere.
    pub fn new(checker: Checker) -> Session {
        Session {
            checker,
            batch: Batch::default(),
            texts: HashMap::new(),
        }
    }

    /// A session from `source` to `target` for a batch of `sources`: what they say about
    /// which words are names feeds the name rule, as in a translation run.
    pub fn for_sources(
        (source, target): (&str, &str),
        glossary: Option<Arc<Glossary>>,
        config: CheckConfig,
        sources: &[&Document],
    ) -> Session {
        let texts: Vec<String> = sources
            .iter()
            .flat_map(|d| d.blocks.iter().map(|b| b.plain_text()))
            .collect();
        let evidence = names::Evidence::collect(texts.iter().map(String::as_str));
        Session::new(Checker::new(source, target, glossary, config, evidence))
    }

    /// Checks document `d` of the batch and keeps what the batch rules need. `unknown[i]`
    /// are the engine's unknown words for source block `i`; `structure` runs the structure
    /// rule.
    pub fn check(
        &mut self,
        d: usize,
        source: &Document,
        target: &Document,
        unknown: &[Vec<String>],
        structure: bool,
    ) -> DocumentChecks {
        let mut doc = self.check_one(source, target, unknown, structure);
        for (block, facts) in std::mem::take(&mut doc.checked.facts) {
            self.batch.add(d, block, facts);
        }
        let texts = target
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let (s, t) = doc.checked.texts[i]
                    .as_ref()
                    .map(|(s, t)| (s.text.clone(), t.text.clone()))
                    .unwrap_or_default();
                (b.line, s, t)
            })
            .collect();
        self.texts.insert(d, texts);
        doc
    }

    /// Checks one document pair on its own (no batch rules).
    pub fn check_one(
        &self,
        source: &Document,
        target: &Document,
        unknown: &[Vec<String>],
        structure: bool,
    ) -> DocumentChecks {
        let checked = self
            .checker
            .check_document(source, target, unknown, structure);
        DocumentChecks::new(checked, target)
    }

    /// What document `d`'s blocks gave the batch rules: (block, line, facts), for a shard's
    /// report (the batch rules then run when the shards are merged).
    pub fn facts_of(&self, d: usize) -> Vec<(usize, usize, super::batch::BlockFacts)> {
        self.batch
            .entries()
            .iter()
            .filter(|(file, _, _)| *file == d)
            .map(|(_, block, facts)| {
                let line = self
                    .texts
                    .get(&d)
                    .and_then(|w| w.get(*block))
                    .map_or(0, |(l, _, _)| *l);
                (*block, line, facts.clone())
            })
            .collect()
    }

    /// The batch rules' findings over every document checked, each with its document index
    /// and its issue; `labels` name the documents in messages.
    pub fn batch_findings(&self, labels: &[String]) -> Vec<(usize, Finding, Issue)> {
        let mut out = Vec::new();
        for (doc, f) in self.batch.findings(labels) {
            let Some(f) = self.checker.levels().settle_one(f) else {
                continue;
            };
            let (line, s, t) = self
                .texts
                .get(&doc)
                .and_then(|w| w.get(f.block))
                .map_or((0, "", ""), |(l, s, t)| (*l, s.as_str(), t.as_str()));
            let issue = Issue::from_finding(&f, line, s, t);
            out.push((doc, f, issue));
        }
        out
    }
}
