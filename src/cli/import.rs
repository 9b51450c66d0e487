//! `verso import FILE...`: reviewed work back into the memory — the review page's corrections
//! files, and for convenience XLIFF and TMX too (recognized by their content).
//!
//! Each file is all or nothing; a refused file is reported and the others are still imported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use verso::config::Config;
use verso::i18n;
use verso::msg;
use verso::review::import::{self, ImportError, Imported};

/// Flags of `verso import`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    memory: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// What a file is, from its first bytes.
enum Kind {
    Corrections,
    Xliff,
    Tmx,
    Unknown,
}

fn sniff(path: &Path) -> Kind {
    // The first 4 KiB say what it is; the importer reads the whole file.
    let Ok(bytes) = verso::reading::head(path, 4096) else {
        // Unreadable: the corrections reader says why.
        return Kind::Corrections;
    };
    let head = String::from_utf8_lossy(&bytes).to_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        Kind::Corrections
    } else if head.contains("<xliff") {
        Kind::Xliff
    } else if head.contains("<tmx") {
        Kind::Tmx
    } else {
        Kind::Unknown
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let memory = super::shared::open_memory(args.memory.as_deref(), &config)?;
    Ok(each(&args.files, |path| match sniff(path) {
        Kind::Corrections => report(path, import::corrections(&memory, path)),
        Kind::Xliff => report(path, import::xliff(&memory, path)),
        Kind::Tmx => match super::memory::import(&memory, path, None, None) {
            Ok(_) => true,
            Err(e) => {
                note!(
                    "{}",
                    i18n::render(&msg!("cli-error", reason = format!("{e:#}")))
                );
                false
            }
        },
        Kind::Unknown => {
            note!("{}", i18n::render(&msg!("import-unknown", file = path)));
            false
        }
    }))
}

/// Runs `import` on every file; the exit code says whether all went in.
pub fn each(files: &[PathBuf], mut import: impl FnMut(&Path) -> bool) -> ExitCode {
    // Every file is tried, whatever happened to the ones before.
    let failed = files.iter().filter(|f| !import(f)).count();
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PARTIAL)
    }
}

/// Prints what an import did or why it was refused; whether it went in.
pub fn report(path: &Path, result: Result<Imported, ImportError>) -> bool {
    match result {
        Ok(i) => {
            note!(
                "{}",
                i18n::render(&msg!(
                    "imported",
                    file = path,
                    approved = i.approved,
                    reviewed = i.reviewed,
                    skipped = i.skipped,
                    kept = i.kept,
                    source = i.pair.source.to_string(),
                    target = i.pair.target.to_string()
                ))
            );
            true
        }
        Err(e) => {
            note!("{}", i18n::describe(&e));
            false
        }
    }
}
