//! Stage 3 of a locale: what is written. Each document is written (and checked) as soon as its
//! last block is in; once the locale is done, the batch rules' findings are added to the files
//! they concern and the review pages are drawn, so they carry those findings too.

use std::collections::HashMap;
use std::path::PathBuf;

use super::finish;
use super::plan::Plan;
use super::{DocState, Job, Progress, dismissed, review_pages};
use crate::backend::LanguagePair;
use crate::check::Checker;
use crate::check::session::Session;
use crate::document::Document;
use crate::inputs::Input;
use crate::localize::Localizer;
use crate::output;
use crate::report::{BlockFactsOut, Failure, FileFacts, FileReport};
use crate::review::html::IndexEntry;

/// The files of one locale as they are written.
pub(crate) struct Writer<'a> {
    docs: &'a [(Input, Document)],
    pair: LanguagePair,
    locale: String,
    /// The target locale's CLDR data for the files' slots; `None` when the engine copies the
    /// source (`identity`): then the file keeps its language.
    target_locale: Option<crate::document::TargetLocale>,
    /// Whether only wholly approved articles are written.
    approved_only: bool,
    out_root: PathBuf,
    /// Whether the checks run.
    checks: bool,
    /// How written files are read back for the checks.
    read_options: crate::format::ReadOptions,
    /// The pair's checks, when they run or verso localizes (with the checker's recognizers).
    session: Option<Session>,
    /// What verso changes in the engine's text.
    localizer: Localizer,
    progress: &'a dyn Progress,
    /// Written files, in the order they were finished.
    pub files: Vec<FileReport>,
    /// What could not be written.
    pub failures: Vec<Failure>,
    /// Document index → its position in `files`.
    file_of: HashMap<usize, usize>,
}

impl<'a> Writer<'a> {
    /// A writer for `pair`'s locale; removes what a killed run left in the directories it
    /// writes into.
    pub fn new(
        job: &Job,
        docs: &'a [(Input, Document)],
        pair: &LanguagePair,
        checker: impl FnOnce() -> Checker,
        progress: &'a dyn Progress,
    ) -> Writer<'a> {
        let locale = pair.target.to_string();
        let out_root = job.out_dir.join(&locale);
        output::remove_stale_temporaries(&out_root);
        if let Some(dir) = &job.review {
            output::remove_stale_temporaries(&dir.join(&locale));
        }
        // `identity` writes the input byte for byte: nothing of it is localized.
        let settings = match job.engine.copies_source() {
            true => crate::localize::Settings {
                localize: false,
                fix: false,
            },
            false => job.localize,
        };
        let localizer = Localizer::new(&pair.source.to_string(), &locale, settings);
        Writer {
            target_locale: (!job.engine.copies_source())
                .then(|| crate::document::TargetLocale::new(&locale)),
            approved_only: job.approved_only,
            docs,
            pair: pair.clone(),
            checks: job.checks.is_some(),
            read_options: job.read_options.clone(),
            session: (job.checks.is_some() || localizer.is_active())
                .then(|| Session::new(checker())),
            localizer,
            locale,
            out_root,
            progress,
            files: Vec::new(),
            failures: Vec::new(),
            file_of: HashMap::new(),
        }
    }

    /// Writes and checks document `d`, or records why it was not written.
    pub fn finish(&mut self, d: usize, state: &mut DocState) {
        let (input, doc) = &self.docs[d];
        match finish::finish_document(
            d,
            doc,
            input,
            state,
            (&self.out_root, &self.locale),
            finish::Around {
                session: self.session.as_mut(),
                localizer: &self.localizer,
                check: self.checks.then_some(&self.read_options),
                for_target: self.target_locale.as_ref(),
                approved_only: self.approved_only,
            },
        ) {
            Ok(file) => {
                self.progress.wrote(&file);
                self.file_of.insert(d, self.files.len());
                self.files.push(file);
            }
            Err(failure) => {
                self.progress.failed(&failure);
                self.failures.push(failure);
            }
        }
    }

    /// Writes every document that waits for nothing (all of it from the memory).
    pub fn finish_ready(&mut self, states: &mut [DocState]) {
        for (d, state) in states.iter_mut().enumerate() {
            if state.pending == 0 {
                self.finish(d, state);
            }
        }
    }

    /// Adds the batch rules' findings (across files) to the files they concern, and draws the
    /// review pages; returns the pages' index entries. `checker` makes a checker when the
    /// checks did not run (the pages still mark numbers, dates and glossary terms).
    pub fn close(
        mut self,
        job: &Job,
        plan: &Plan,
        checker: impl FnOnce() -> Checker,
    ) -> (
        Vec<FileReport>,
        Vec<Failure>,
        Vec<IndexEntry>,
        Vec<FileFacts>,
    ) {
        // A shard sees part of the batch: it hands its blocks' facts on in its report, and the
        // batch rules run over the whole batch when the reports are merged.
        let mut facts = Vec::new();
        if let (true, Some(session), Some(_)) = (self.checks, &self.session, &job.shard) {
            for (&d, &pos) in &self.file_of {
                facts.push(FileFacts {
                    source: self.files[pos].source.clone(),
                    locale: self.locale.clone(),
                    blocks: session
                        .facts_of(d)
                        .into_iter()
                        .map(|(block, line, facts)| BlockFactsOut { block, line, facts })
                        .collect(),
                });
            }
        } else if let (true, Some(session)) = (self.checks, &self.session) {
            let labels: Vec<String> = self
                .docs
                .iter()
                .map(|(i, _)| i.relative.display().to_string())
                .collect();
            for (d, _, issue) in session.batch_findings(&labels) {
                if let Some(&pos) = self.file_of.get(&d) {
                    self.files[pos].issues.push(issue);
                }
            }
        }
        // What reviewers dismissed on these very texts, per written document.
        let mut dismissals = HashMap::new();
        // Only files with findings have anything to set aside: a clean file costs no read.
        for (&d, &pos) in &self.file_of {
            if self.files[pos].issues.is_empty() {
                continue;
            }
            match dismissed::read(&job.memory, &self.pair, &plan.enforced[d]) {
                Ok(found) if !found.is_empty() => {
                    dismissals.insert(d, found);
                }
                Ok(_) => {}
                Err(e) => {
                    let failure = Failure {
                        source: self.docs[d].0.path.clone(),
                        locale: Some(self.locale.clone()),
                        message: crate::i18n::describe(&e),
                    };
                    self.progress.failed(&failure);
                    self.failures.push(failure);
                }
            }
        }
        let mut pages = Vec::new();
        if let Some(dir) = &job.review {
            let checker = match self.session.take() {
                Some(s) => s.checker,
                None => checker(),
            };
            let page = review_pages::Locale {
                dir,
                locale: &self.locale,
                checker: &checker,
                read_options: &job.read_options,
            };
            for (&d, &pos) in &self.file_of {
                match page.write(
                    &self.docs[d],
                    &plan.enforced[d],
                    &plan.states[d],
                    &mut self.files[pos],
                    dismissals.get(&d),
                ) {
                    Ok(entry) => pages.push(entry),
                    Err(failure) => {
                        self.progress.failed(&failure);
                        self.failures.push(failure);
                    }
                }
            }
        }
        for (d, found) in &dismissals {
            if let Some(&pos) = self.file_of.get(d) {
                dismissed::set_aside(
                    found,
                    &plan.enforced[*d],
                    &plan.states[*d],
                    &mut self.files[pos],
                );
            }
        }
        (self.files, self.failures, pages, facts)
    }
}
