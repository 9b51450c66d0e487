//! `verso memory import|export|stats`: the translation memory exchanged as TMX 1.4b.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use verso::backend::{LanguagePair, Translation};
use verso::config::Config;
use verso::i18n;
use verso::memory::{HumanItem, HumanStatus, MachineItem, Memory, tmx};
use verso::msg;

/// Flags of `verso memory`.
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
    Import(ImportArgs),
    Export(ExportArgs),
    Stats,
    Copy(CopyArgs),
}

#[derive(clap::Args)]
struct CopyArgs {
    #[arg(value_name = "FROM")]
    from: String,
    #[arg(value_name = "TO")]
    to: String,
}

#[derive(clap::Args)]
struct ImportArgs {
    file: PathBuf,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALE")]
    to: Option<String>,
}

#[derive(clap::Args)]
struct ExportArgs {
    file: PathBuf,
}

fn open(args: &Args) -> anyhow::Result<Memory> {
    let config = Config::load(args.config.as_deref())?;
    super::shared::open_memory(args.memory.as_deref(), &config)
}

fn language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // A copy names both memories itself.
    if let Command::Copy(a) = &args.command {
        let (from, to) = (Memory::open_at(&a.from)?, Memory::open_at(&a.to)?);
        let copied = from.copy_into(&to)?;
        for (table, added, there) in &copied.tables {
            out!("{table:<20} {added:>8} {there:>8}");
        }
        note!(
            "{}",
            i18n::render(&msg!(
                "memory-copied",
                added = copied.tables.iter().map(|t| t.1).sum::<usize>(),
                there = copied.tables.iter().map(|t| t.2).sum::<usize>(),
                to = to.address()
            ))
        );
        return Ok(ExitCode::SUCCESS);
    }
    let memory = open(&args)?;
    match &args.command {
        Command::Import(a) => import(&memory, &a.file, a.from.as_deref(), a.to.as_deref()),
        Command::Export(a) => {
            let entries = memory.entries()?;
            super::shared::write(&a.file, tmx::write(&entries).as_bytes())?;
            note!(
                "{}",
                i18n::render(&msg!(
                    "memory-exported",
                    count = entries.len(),
                    file = &a.file
                ))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Copy(_) => Ok(ExitCode::SUCCESS),
        Command::Stats => {
            let stats = memory.stats()?;
            for (src, tgt, origin, status, n) in &stats {
                out!("{src:>6} → {tgt:<6} {origin:<24} {status:<9} {n:>8}");
            }
            let total: u64 = stats.iter().map(|s| s.4).sum();
            note!("{}", i18n::render(&msg!("memory-total", count = total)));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Stores a TMX file's translations; with --from/--to, only those whose languages match (by
/// language subtag) and under the given tags, so "en-US"/"es-ES" memories serve "en"→"es".
/// Entries stored together: source and target tag, status, origin.
type Group = (String, String, String, Option<String>);

pub fn import(
    memory: &Memory,
    file: &std::path::Path,
    from: Option<&str>,
    to: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let bytes = verso::reading::bytes(file).with_context(|| file.display().to_string())?;
    let (entries, skipped) = tmx::read(&bytes).map_err(|e| {
        anyhow::anyhow!(i18n::render(&msg!(
            "tmx-error",
            file = file,
            line = e.line,
            reason = e.reason
        )))
    })?;
    let from = from.map(verso::locale::parse).transpose()?;
    let to = to.map(verso::locale::parse).transpose()?;
    // A unit without a date was changed when the file was.
    let file_time = verso::reading::modified(file);
    let mut groups: BTreeMap<Group, Vec<tmx::TmxEntry>> = BTreeMap::new();
    for e in entries {
        let src = match &from {
            Some(f) if language(&e.source_lang) == f.language.as_str() => f.to_string(),
            Some(_) => continue,
            None => e.source_lang.clone(),
        };
        let tgt = match &to {
            Some(t) if language(&e.target_lang) == t.language.as_str() => t.to_string(),
            Some(_) => continue,
            None => e.target_lang.clone(),
        };
        groups
            .entry((src, tgt, e.status.clone(), e.origin.clone()))
            .or_default()
            .push(e);
    }
    let (mut stored, mut kept) = (0, 0);
    for ((src, tgt, status, origin), items) in groups {
        let pair = LanguagePair {
            source: verso::locale::parse(&src)?,
            target: verso::locale::parse(&tgt)?,
        };
        match (status.as_str(), origin) {
            ("machine", Some(engine)) => {
                let translations: Vec<Translation> = items
                    .iter()
                    .map(|e| Translation {
                        segment: e.target.clone(),
                        unknown_words: Vec::new(),
                        origin: None,
                    })
                    .collect();
                let machine: Vec<MachineItem> = items
                    .iter()
                    .zip(&translations)
                    .map(|(e, translation)| MachineItem {
                        source: &e.source,
                        translation,
                        names: &e.names,
                    })
                    .collect();
                memory.store_machine(&pair, &engine, &machine)?;
                stored += machine.len();
            }
            (status, _) => {
                // Other tools' translations come in as reviewed.
                let status = HumanStatus::parse(status).unwrap_or(HumanStatus::Reviewed);
                let human: Vec<HumanItem> = items
                    .iter()
                    .map(|e| HumanItem {
                        source: &e.source,
                        target: &e.target,
                        status,
                        changed_at: e.changed_at.unwrap_or(file_time),
                        names: &e.names,
                    })
                    .collect();
                let done = memory.store_human(&pair, &human, "tmx")?;
                stored += done.stored;
                kept += done.kept;
            }
        }
    }
    if kept > 0 {
        note!(
            "{}",
            i18n::render(&msg!("import-kept", file = file, kept = kept))
        );
    }
    note!(
        "{}",
        i18n::render(&msg!(
            "memory-imported",
            count = stored,
            skipped = skipped,
            file = file
        ))
    );
    Ok(ExitCode::SUCCESS)
}
