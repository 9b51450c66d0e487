//! Review pages of a run: one per written file and locale, and the batch's index.
//!
//! Pages are built after the whole locale is done, so they carry the batch findings
//! (inconsistent translations across files) too. Each page is built from the file as written
//! (read back, so it shows exactly what was published) and the run's own segments, whose
//! placeholder ids are the source's: what a reviewer corrects maps to the memory entry the
//! next run looks up.

use std::path::{Path, PathBuf};

use super::DocState;
use crate::check::Checker;
use crate::document::Document;
use crate::enforce::Enforced;
use crate::format::{self, ReadOptions};
use crate::i18n;
use crate::inputs::Input;
use crate::msg;
use crate::output;
use crate::report::{Failure, FileReport};
use crate::review::html::{self, IndexEntry};
use crate::review::model::{self, Article};

/// The pages of one locale.
pub(crate) struct Locale<'a> {
    pub dir: &'a Path,
    pub locale: &'a str,
    pub checker: &'a Checker,
    pub read_options: &'a ReadOptions,
}

impl Locale<'_> {
    /// Writes the page of one written file; records it in the file's report.
    pub fn write(
        &self,
        (input, doc): &(Input, Document),
        enforced: &[Enforced],
        state: &DocState,
        file: &mut FileReport,
        dismissals: Option<&super::dismissed::Dismissals>,
    ) -> Result<IndexEntry, Failure> {
        let relative = format!("{}.html", input.relative.display());
        let path = self.dir.join(self.locale).join(&relative);
        let fail = |reason: String| Failure {
            source: input.path.clone(),
            locale: Some(self.locale.to_string()),
            message: i18n::render(&msg!("output-write", path = &path, reason = reason)),
        };
        let target = match &file.output {
            Some(out) => {
                format::read_file(out, self.read_options).map_err(|e| fail(i18n::describe(&e)))?
            }
            None => return Err(fail(String::new())),
        };
        let restore = state.restore_issues.min(file.issues.len());
        let mut issues: Vec<(usize, crate::report::Issue)> = file.issues[..restore]
            .iter()
            .map(|i| (i.block, i.clone()))
            .collect();
        issues.extend(model::issues_by_source(
            doc,
            &target,
            file.issues[restore..].iter().cloned(),
        ));
        let mut review = model::build(
            &Article {
                file: input.relative.display().to_string(),
                source: doc,
                protected: enforced,
                targets: &state.targets,
                target_names: &state.names,
                statuses: &state.statuses,
                target_doc: Some(&target),
                issues: &issues,
                changes: &file.localized,
            },
            self.checker,
        );
        if let Some(found) = dismissals {
            review.apply_dismissals(found);
        }
        output::write_atomic(&path, html::page(&review).as_bytes())
            .map_err(|e| fail(e.to_string()))?;
        file.review = Some(path);
        let href = format!("{}/{}", self.locale, relative.replace('\\', "/"));
        Ok(IndexEntry::of(&review, href))
    }
}

/// Writes `<dir>/<name>` (`index.html`; a shard's own beside the others') listing every page.
pub(crate) fn write_index(
    dir: &Path,
    name: &str,
    mut entries: Vec<IndexEntry>,
) -> Result<PathBuf, Failure> {
    entries.sort_by(|a, b| (&a.file, &a.locale).cmp(&(&b.file, &b.locale)));
    let path = dir.join(name);
    output::write_atomic(&path, html::index(&entries).as_bytes()).map_err(|e| Failure {
        source: path.clone(),
        locale: None,
        message: i18n::render(&msg!("output-write", path = &path, reason = e.to_string())),
    })?;
    Ok(path)
}
