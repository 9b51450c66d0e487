//! What a review or an export starts from, when it is not a translation run: a source article
//! and either its translation on disk (`verso review SOURCE TARGET`) or what the memory holds
//! for it (`verso xliff export`).
//!
//! Both end in the same [`Prepared`] state a run has: protected source blocks (names cut out
//! as the run cuts them, so memory keys agree), translations with the source's placeholder
//! ids, their memory status, and the findings of the checks. The glossary's matchers (for
//! protecting names and for the checks) are built once per language pair in a [`Context`],
//! not once per article: with a large glossary that is most of the work.

use std::sync::Arc;

use super::model::{self, Article, ReviewDoc};
use crate::backend::LanguagePair;
use crate::check::CheckConfig;
use crate::check::batch::{Batch, BlockFacts};
use crate::check::session::Session;
use crate::document::{Document, TargetLocale};
use crate::enforce::{self, Enforced, Enforcer, TermsMode};
use crate::format::{self, ReadOptions};
use crate::glossary::Glossary;
use crate::memory::{Memory, MemoryError};
use crate::report::Issue;
use crate::restore::{render_document, structure_issue};
use crate::segment::Segment;

/// The language pair, glossary and checks of a review.
#[derive(Clone)]
pub struct Options {
    /// The pair.
    pub pair: LanguagePair,
    /// The glossary, if any.
    pub glossary: Option<Arc<Glossary>>,
    /// What the glossary does (as in the run that made the translation).
    pub terms: TermsMode,
    /// Check settings.
    pub checks: CheckConfig,
    /// Reader options (to parse rendered translations).
    pub read_options: ReadOptions,
}

/// A source article with its translation, ready to review or export.
pub struct Prepared {
    /// Per source block: protected segment, names, concepts.
    pub protected: Vec<Enforced>,
    /// Per source block: translation with source ids.
    pub targets: Vec<Option<Segment>>,
    /// Per source block: memory status.
    pub statuses: Vec<Option<String>>,
    /// The translation as a document, when there is a whole one.
    pub target_doc: Option<Document>,
    /// Findings with their source block.
    pub issues: Vec<(usize, Issue)>,
    /// What the batch rules need of each checked block (by target block), when the
    /// translation was checked as a whole.
    pub facts: ArticleFacts,
}

/// What the batch rules need of an article: each checked block's facts, by target block.
pub type ArticleFacts = Vec<(usize, BlockFacts)>;

/// What reviewing one language pair needs, built once for all its articles.
pub struct Context {
    options: Options,
    enforcer: Option<Enforcer>,
    /// The checks (their checker also marks concepts, numbers and dates on the review page).
    pub checks: Session,
}

impl Context {
    /// The context for `options`; `sources` are all the articles it will see (what they say
    /// about which words are names feeds the checks, as in a translation run).
    pub fn new(options: Options, sources: &[&Document]) -> Context {
        let (src, tgt) = (
            options.pair.source.to_string(),
            options.pair.target.to_string(),
        );
        let checks = Session::for_sources(
            (&src, &tgt),
            options
                .glossary
                .clone()
                .filter(|_| options.terms != TermsMode::Off),
            options.checks.clone(),
            sources,
        );
        let enforcer = enforce::enforcer_for(options.glossary.as_ref(), options.terms, &src, &tgt);
        Context {
            options,
            enforcer,
            checks,
        }
    }

    /// The pair.
    pub fn pair(&self) -> &LanguagePair {
        &self.options.pair
    }

    /// The protected segments of an article's blocks (names cut out as a run cuts them): what
    /// its memory keys are made from.
    pub fn protect(&self, source: &Document) -> Vec<Enforced> {
        enforce::protect(source, self.enforcer.as_ref())
    }

    /// The review model of a prepared article.
    pub fn review(&self, prepared: &Prepared, file: &str, source: &Document) -> ReviewDoc {
        let target_names: Vec<Vec<String>> =
            prepared.protected.iter().map(|p| p.names.clone()).collect();
        model::build(
            &Article {
                file: file.to_string(),
                source,
                protected: &prepared.protected,
                targets: &prepared.targets,
                target_names: &target_names,
                statuses: &prepared.statuses,
                target_doc: prepared.target_doc.as_ref(),
                issues: &prepared.issues,
                changes: &[],
            },
            &self.checks.checker,
        )
    }

    /// A source and its translation on disk. With a memory, blocks whose translation is what
    /// the memory holds get that entry's status.
    pub fn from_target(
        &self,
        source: &Document,
        target: &Document,
        memory: Option<&Memory>,
    ) -> Result<Prepared, MemoryError> {
        let protected = self.protect(source);
        let mut targets = vec![None; source.blocks.len()];
        for (s, t) in crate::check::misc::align(source, target) {
            let (Some(s), Some(t)) = (s, t) else { continue };
            targets[s] = super::codes::target_segment(
                source,
                &source.blocks[s],
                target,
                &target.blocks[t],
                &protected[s].names,
            );
        }
        let statuses = match memory {
            Some(m) => {
                let keys: Vec<String> = protected.iter().map(|p| p.segment.key()).collect();
                let found = m.lookup_best(self.pair(), &keys)?;
                keys.iter()
                    .zip(&targets)
                    .map(|(k, t)| {
                        let entry = found.get(k)?;
                        let same = t
                            .as_ref()
                            .is_some_and(|t| t.canonical() == entry.target.canonical());
                        same.then(|| entry.status.clone())
                    })
                    .collect()
            }
            None => vec![None; source.blocks.len()],
        };
        let (issues, facts) = self.check(source, target, true);
        Ok(Prepared {
            protected,
            targets,
            statuses,
            target_doc: Some(target.clone()),
            issues,
            facts,
        })
    }

    /// A source and what the memory holds for it (the best entry per block, whatever
    /// engine). When every block has a translation, the rendered translation is checked too.
    pub fn from_memory(&self, source: &Document, memory: &Memory) -> Result<Prepared, MemoryError> {
        self.from_memory_with(source, memory, None)
    }

    /// As [`from_memory`](Self::from_memory), with block `edit.0`'s translation replaced by
    /// `edit.1`: the findings a text would have before it is saved.
    pub fn from_memory_with(
        &self,
        source: &Document,
        memory: &Memory,
        edit: Option<(usize, Segment)>,
    ) -> Result<Prepared, MemoryError> {
        let protected = self.protect(source);
        let keys: Vec<String> = protected.iter().map(|p| p.segment.key()).collect();
        let found = memory.lookup_best(self.pair(), &keys)?;
        let mut targets: Vec<Option<Segment>> = keys
            .iter()
            .map(|k| found.get(k).map(|e| e.target.clone()))
            .collect();
        if let Some((block, text)) = edit
            && let Some(slot) = targets.get_mut(block)
        {
            *slot = Some(text);
        }
        let statuses = keys
            .iter()
            .map(|k| found.get(k).map(|e| e.status.clone()))
            .collect();
        let (mut target_doc, mut issues, mut facts) = (None, Vec::new(), Vec::new());
        if targets.iter().all(Option::is_some) {
            let segs: Vec<Segment> = targets.iter().flatten().cloned().collect();
            let names: Vec<Vec<String>> = protected.iter().map(|p| p.names.clone()).collect();
            let tag = self.pair().target.to_string();
            let locale = TargetLocale::new(&tag);
            let (text, problems) = render_document(source, &segs, &names, Some(&locale));
            for (block, problem, rendered) in problems {
                issues.push((block, structure_issue(source, block, &problem, rendered)));
            }
            let doc = format::parse(source.format, text, &self.options.read_options);
            let (found, checked) = self.check(source, &doc, false);
            issues.extend(found);
            facts = checked;
            target_doc = Some(doc);
        }
        Ok(Prepared {
            protected,
            targets,
            statuses,
            target_doc,
            issues,
            facts,
        })
    }
}

impl Context {
    /// The checks of a source and a target document: findings with their source block, and
    /// the facts the batch rules compare.
    fn check(
        &self,
        source: &Document,
        target: &Document,
        structure: bool,
    ) -> (Vec<(usize, Issue)>, ArticleFacts) {
        let mut checked = self.checks.check_one(source, target, &[], structure);
        let facts = std::mem::take(&mut checked.checked.facts);
        (
            model::issues_by_source(source, target, checked.issues),
            facts,
        )
    }

    /// The batch rules (a source translated two ways, a name written two ways) over the
    /// facts of every article, `facts[i]` being article `i`'s (named `labels[i]` in messages):
    /// the issues of each prepared article, with their source block, by article index. The
    /// check profile settles their severity as in a run.
    pub fn batch_issues(
        &self,
        facts: &[&[(usize, BlockFacts)]],
        labels: &[String],
        prepared: &[(usize, &Document, &Prepared)],
    ) -> Vec<(usize, Vec<(usize, Issue)>)> {
        let mut batch = Batch::default();
        for (article, blocks) in facts.iter().enumerate() {
            for (block, f) in blocks.iter() {
                batch.add(article, *block, f.clone());
            }
        }
        let mut by_article: std::collections::HashMap<usize, Vec<Issue>> =
            std::collections::HashMap::new();
        for (article, finding) in batch.findings(labels) {
            if let Some(f) = self.checks.checker.levels().settle_one(finding) {
                let line = prepared
                    .iter()
                    .find(|(a, _, _)| *a == article)
                    .and_then(|(_, _, p)| p.target_doc.as_ref()?.blocks.get(f.block))
                    .map_or(0, |b| b.line);
                by_article
                    .entry(article)
                    .or_default()
                    .push(Issue::from_finding(&f, line, "", ""));
            }
        }
        prepared
            .iter()
            .filter_map(|(article, source, p)| {
                let issues = by_article.remove(article)?;
                let target = p.target_doc.as_ref()?;
                Some((*article, model::issues_by_source(source, target, issues)))
            })
            .collect()
    }
}
