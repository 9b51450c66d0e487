//! Finds the articles to translate: files as given, directories walked recursively.
//!
//! Each input keeps its path relative to the directory it was found under, so the output
//! mirrors the input tree. Hidden files and directories are skipped, and so is the output
//! directory when it lies inside an input directory (translating last run's output would be
//! a costly surprise).

use std::path::{Path, PathBuf};

use crate::i18n::{Localized, Message};
use crate::msg;

/// One article to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it is.
    pub path: PathBuf,
    /// Where it goes under `<out>/<locale>/`.
    pub relative: PathBuf,
}

/// A path given on the command line that yields nothing.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum InputError {
    /// The path does not exist.
    Missing {
        /// The path.
        path: PathBuf,
    },
    /// A file with an extension verso does not read.
    Unsupported {
        /// The path.
        path: PathBuf,
        /// The extensions read.
        extensions: String,
    },
    /// Two inputs would be written to the same output path.
    Collision {
        /// The input skipped.
        path: PathBuf,
        /// The input that keeps the output path.
        kept: PathBuf,
        /// The shared relative path.
        relative: PathBuf,
    },
    /// Not a regular file (a FIFO, socket or device would block or never end): skipped.
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// A directory could not be walked.
    Walk {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl Localized for InputError {
    fn message(&self) -> Message {
        match self {
            InputError::Missing { path } => msg!("input-missing", path = path),
            InputError::Unsupported { path, extensions } => {
                msg!("input-unsupported", path = path, extensions = extensions)
            }
            InputError::Walk { path, reason } => {
                msg!("input-walk", path = path, reason = reason)
            }
            InputError::NotRegular { path, kind } => {
                msg!("input-not-regular", path = path, kind = *kind)
            }
            InputError::Collision {
                path,
                kept,
                relative,
            } => msg!(
                "input-collision",
                path = path,
                kept = kept,
                relative = relative
            ),
        }
    }
}

impl InputError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            InputError::Missing { path }
            | InputError::Unsupported { path, .. }
            | InputError::Collision { path, .. }
            | InputError::NotRegular { path, .. }
            | InputError::Walk { path, .. } => path,
        }
    }
}

/// Collects inputs in a stable order (sorted within each directory).
pub fn collect(
    paths: &[PathBuf],
    extensions: &[String],
    exclude: &[PathBuf],
) -> (Vec<Input>, Vec<InputError>) {
    let wanted = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    let excluded: Vec<PathBuf> = exclude
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        let meta = std::fs::symlink_metadata(root);
        if meta.is_err() {
            errors.push(InputError::Missing { path: root.clone() });
            continue;
        }
        if !root.is_dir() {
            if let Ok(Some(kind)) = crate::reading::not_regular(root) {
                errors.push(InputError::NotRegular {
                    path: root.clone(),
                    kind,
                });
                continue;
            }
            if wanted(root) {
                let name = root.file_name().map(PathBuf::from).unwrap_or_default();
                inputs.push(Input {
                    path: root.clone(),
                    relative: name,
                });
            } else {
                errors.push(InputError::Unsupported {
                    path: root.clone(),
                    extensions: extensions.join(", "),
                });
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let is_excluded = e.file_type().is_dir()
                    && std::fs::canonicalize(e.path())
                        .map(|c| excluded.contains(&c))
                        .unwrap_or(false);
                !hidden && !is_excluded
            });
        for entry in walker {
            match entry {
                Ok(e) if !e.file_type().is_dir() && wanted(e.path()) => {
                    // A FIFO named like an article would block the whole batch. The walk
                    // already knows a regular file; only the rest (links among them) is
                    // looked at again.
                    if !e.file_type().is_file()
                        && let Ok(Some(kind)) = crate::reading::not_regular(e.path())
                    {
                        errors.push(InputError::NotRegular {
                            path: e.path().to_path_buf(),
                            kind,
                        });
                        continue;
                    }
                    let relative = e
                        .path()
                        .strip_prefix(root)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| e.path().to_path_buf());
                    inputs.push(Input {
                        path: e.path().to_path_buf(),
                        relative,
                    });
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError::Walk {
                    path: e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone()),
                    reason: e.to_string(),
                }),
            }
        }
    }
    dedupe(inputs, errors)
}

/// The same file given twice is read once; two files that would be written to the same
/// output path keep the first, and the second is an error (never a silent overwrite).
fn dedupe(inputs: Vec<Input>, mut errors: Vec<InputError>) -> (Vec<Input>, Vec<InputError>) {
    let mut kept: Vec<Input> = Vec::with_capacity(inputs.len());
    let mut by_relative: std::collections::HashMap<PathBuf, usize> = Default::default();
    let mut seen = std::collections::HashSet::new();
    for input in inputs {
        let real = std::fs::canonicalize(&input.path).unwrap_or_else(|_| input.path.clone());
        if !seen.insert(real) {
            continue;
        }
        if let Some(&k) = by_relative.get(&input.relative) {
            errors.push(InputError::Collision {
                path: input.path,
                kept: kept[k].path.clone(),
                relative: input.relative,
            });
            continue;
        }
        by_relative.insert(input.relative.clone(), kept.len());
        kept.push(input);
    }
    (kept, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_output_directories() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in [
            "b.md",
            "a.txt",
            "sub/c.markdown",
            ".hidden/d.md",
            "out/es/e.md",
            "f.pdf",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
        }
        let exts: Vec<String> = ["md", "markdown", "txt"].map(String::from).to_vec();
        let (inputs, errors) = collect(&[root.to_path_buf()], &exts, &[root.join("out")]);
        let rel: Vec<String> = inputs
            .iter()
            .map(|i| i.relative.display().to_string())
            .collect();
        assert_eq!(rel, vec!["a.txt", "b.md", "sub/c.markdown"]);
        assert!(errors.is_empty());
        let (_, errors) = collect(&[root.join("nope.md"), root.join("f.pdf")], &exts, &[]);
        assert!(matches!(errors[0], InputError::Missing { .. }));
        assert!(matches!(errors[1], InputError::Unsupported { .. }));
        // The same file twice is read once; another file with the same output path is refused.
        std::fs::create_dir_all(root.join("other")).expect("mkdir");
        std::fs::write(root.join("other/b.md"), "y").expect("write");
        let (inputs, errors) = collect(
            &[
                root.join("b.md"),
                root.join("b.md"),
                root.join("other/b.md"),
            ],
            &exts,
            &[],
        );
        assert_eq!(inputs.len(), 1);
        assert!(matches!(&errors[..], [InputError::Collision { .. }]));
    }
}
