//! `verso xliff export|import`: articles out to CAT tools and reviewed translations back.
//!
//! Export writes what the memory holds for each article and locale (run `verso translate`
//! first for machine drafts), with the glossary's concepts and the checks' findings as notes.
//! Import stores reviewed units as reviewed or approved; a file with a broken inline code is
//! refused whole, and the other files are still imported.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use verso::backend::LanguagePair;
use verso::config::Config;
use verso::document::Document;
use verso::enforce::TermsMode;
use verso::format;
use verso::glossary::Glossary;
use verso::i18n;
use verso::inputs;
use verso::locale;
use verso::memory::Memory;
use verso::msg;
use verso::review::files::{Context, Options, Prepared};
use verso::review::xliff::{self, State, Unit};

/// Flags of `verso xliff`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    #[arg(long, value_name = "FILE", global = true)]
    memory: Option<PathBuf>,
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    Export(ExportArgs),
    Import(ImportArgs),
}

#[derive(clap::Args)]
struct ExportArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "LOCALES")]
    to: Option<String>,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[arg(long, value_name = "VERSION", value_parser = ["2.1", "1.2"], default_value = "2.1")]
    xliff_version: String,
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    #[arg(long, value_name = "MODE", value_parser = ["enforce", "check", "off"])]
    terms: Option<String>,
}

#[derive(clap::Args)]
struct ImportArgs {
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let memory = super::shared::open_memory(args.memory.as_deref(), &config)?;
    match &args.command {
        Command::Export(a) => export(a, &config, &memory),
        Command::Import(a) => Ok(super::import::each(&a.files, |path| {
            super::import::report(path, verso::review::import::xliff(&memory, path))
        })),
    }
}

fn export(a: &ExportArgs, config: &Config, memory: &Memory) -> anyhow::Result<ExitCode> {
    let from = locale::parse(a.from.as_deref().unwrap_or(&config.translate.from))?;
    let targets = super::shared::targets(a.to.as_deref(), config)?;
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| config.translate.out.join("xliff"));
    let read_options = super::shared::read_options(config, &from.to_string());
    let terms = a
        .terms
        .as_deref()
        .and_then(TermsMode::parse)
        .unwrap_or(config.glossary.terms);
    let (found, errors) = inputs::collect(
        &a.paths,
        &config.translate.extensions,
        std::slice::from_ref(&out),
    );
    let mut failed = !errors.is_empty();
    for e in errors {
        note!("{}", i18n::describe(&e));
    }
    // Each article read once, for every target language.
    let mut docs = Vec::with_capacity(found.len());
    for input in found {
        match format::read_file(&input.path, &read_options) {
            Ok(doc) => docs.push((input, doc)),
            Err(e) => {
                note!("{}", i18n::describe(&e));
                failed = true;
            }
        }
    }
    let sources: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
    let glossary = match targets.first() {
        Some(first) => {
            super::shared::glossary(&a.glossary, config, &from.to_string(), &first.to_string())?
        }
        None => None,
    };
    for target in &targets {
        let context = Context::new(
            Options {
                pair: LanguagePair {
                    source: from.clone(),
                    target: target.clone(),
                },
                glossary: glossary.clone(),
                terms,
                checks: config.checks.clone(),
                read_options: read_options.clone(),
            },
            &sources,
        );
        let notes = ConceptNotes::new(glossary.as_deref(), context.pair());
        for (input, doc) in &docs {
            let prepared = context.from_memory(doc, memory)?;
            let units = units(doc, &prepared, &notes);
            let original = input.relative.display().to_string();
            let (src, tgt) = (from.to_string(), target.to_string());
            let text = if a.xliff_version == "1.2" {
                xliff::write_v12(&original, &src, &tgt, &units)
            } else {
                xliff::write_v2(&original, &src, &tgt, &units)
            };
            let path = out
                .join(target.to_string())
                .join(format!("{}.xlf", input.relative.display()));
            super::shared::write(&path, text.as_bytes())?;
            note!(
                "{}",
                i18n::render(&msg!(
                    "xliff-written",
                    file = &path,
                    units = units.len(),
                    translated = units.iter().filter(|u| u.target.is_some()).count()
                ))
            );
        }
    }
    Ok(if failed {
        ExitCode::from(super::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// The glossary note of each concept for one pair, by id: made once, looked up per block.
struct ConceptNotes(HashMap<String, String>);

impl ConceptNotes {
    fn new(glossary: Option<&Glossary>, pair: &LanguagePair) -> ConceptNotes {
        let (src, tgt) = (pair.source.to_string(), pair.target.to_string());
        let notes = glossary
            .map(|g| g.concepts.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|c| {
                let note = i18n::render(&msg!(
                    "xliff-note-concept",
                    id = &c.id,
                    kind = c.kind.as_str(),
                    form = c.target_form(&src, &tgt).unwrap_or("—")
                ));
                (c.id.clone(), note)
            })
            .collect();
        ConceptNotes(notes)
    }
}

/// One unit per block: protected source, memory target, names, state, and notes for the
/// translator — the glossary's concepts and the checks' findings.
fn units(doc: &Document, prepared: &Prepared, concepts: &ConceptNotes) -> Vec<Unit> {
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let protected = &prepared.protected[i];
            let mut notes: Vec<(String, String)> = protected
                .found
                .iter()
                .filter_map(|id| concepts.0.get(id))
                .map(|note| ("glossary".to_string(), note.clone()))
                .collect();
            for (_, issue) in prepared.issues.iter().filter(|(b, _)| *b == i) {
                let fix = issue
                    .fix
                    .as_ref()
                    .map(|f| format!(" ({})", i18n::render(&msg!("review-fix", fix = f))))
                    .unwrap_or_default();
                notes.push((
                    "check".to_string(),
                    format!("{}: {}{fix}", issue.rule, issue.message),
                ));
            }
            Unit {
                id: format!("b{i}"),
                name: block.kind.label(),
                source: protected.segment.clone(),
                target: prepared.targets[i].clone(),
                names: protected.names.clone(),
                source_names: protected.source_names.clone(),
                state: State::from_status(prepared.statuses[i].as_deref()),
                notes,
            }
        })
        .collect()
}
