//! `verso xliff export|import`: articles out to CAT tools and reviewed translations back.
//!
//! Export writes what the memory holds for each article and locale (run `verso translate`
//! first for machine drafts), with the glossary's concepts and the checks' findings as notes.
//! Import stores reviewed units as reviewed or approved; a file with a broken inline code is
//! refused whole, and the other files are still imported.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use verso::backend::LanguagePair;
use verso::config::Config;
use verso::enforce::TermsMode;
use verso::format;
use verso::i18n;
use verso::inputs;
use verso::locale;
use verso::memory::Memory;
use verso::msg;
use verso::output;
use verso::review::files::{self, Options, Prepared};
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
    let targets = match &a.to {
        Some(list) => locale::parse_list(list)?,
        None => config
            .translate
            .to
            .iter()
            .map(|t| locale::parse(t))
            .collect::<Result<Vec<_>, _>>()?,
    };
    anyhow::ensure!(!targets.is_empty(), i18n::render(&msg!("cli-no-targets")));
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| config.translate.out.join("xliff"));
    let read_options = super::shared::read_options(config);
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
        eprintln!("{}", i18n::describe(&e));
    }
    for target in &targets {
        let glossary =
            super::shared::glossary(&a.glossary, config, &from.to_string(), &target.to_string())?;
        let options = Options {
            pair: LanguagePair {
                source: from.clone(),
                target: target.clone(),
            },
            glossary,
            terms,
            checks: config.checks.clone(),
            read_options: read_options.clone(),
        };
        for input in &found {
            let doc = match format::read_file(&input.path, &read_options) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}", i18n::describe(&e));
                    failed = true;
                    continue;
                }
            };
            let prepared = files::from_memory(&doc, &options, memory)?;
            let units = units(&doc, &prepared, &options);
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
            output::write_atomic(&path, text.as_bytes())?;
            eprintln!(
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

/// One unit per block: protected source, memory target, names, state, and notes for the
/// translator — the glossary's concepts and the checks' findings.
fn units(doc: &verso::document::Document, prepared: &Prepared, options: &Options) -> Vec<Unit> {
    let (src, tgt) = (
        options.pair.source.to_string(),
        options.pair.target.to_string(),
    );
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let protected = &prepared.protected[i];
            let mut notes = Vec::new();
            if let Some(g) = &options.glossary {
                for id in &protected.found {
                    let Some(c) = g.concepts.iter().find(|c| &c.id == id) else {
                        continue;
                    };
                    let form = c.target_form(&src, &tgt).unwrap_or("—");
                    notes.push((
                        "glossary".to_string(),
                        i18n::render(&msg!(
                            "xliff-note-concept",
                            id = id,
                            kind = c.kind.as_str(),
                            form = form
                        )),
                    ));
                }
            }
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
