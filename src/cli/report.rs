//! `verso report merge REPORT…`: the shards' reports of one batch made into one report and one
//! review index, the batch rules run over the whole batch.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use verso::config::Config;
use verso::i18n;
use verso::msg;
use verso::report::Report;
use verso::report::merge;

/// Flags of `verso report`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Merge(MergeArgs),
}

#[derive(clap::Args)]
struct MergeArgs {
    #[arg(required = true, value_name = "REPORT")]
    reports: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Merge(a) => run_merge(&a),
    }
}

fn read(path: &Path) -> anyhow::Result<Report> {
    let bytes = verso::reading::bytes(path).with_context(|| format!("{}", path.display()))?;
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{}: not a verso report", path.display()))
}

fn run_merge(a: &MergeArgs) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    for path in &a.reports {
        reports.push((path.clone(), read(path)?));
    }
    // The batch rules' severities are the profile the shards ran with.
    let mut config = Config::load(a.config.as_deref())?;
    let profile = reports.first().and_then(|(_, r)| r.checks_profile.clone());
    let levels = match profile {
        Some(name) => {
            if name != "default" {
                super::shared::choose_profile(&mut config, Some(&name))?;
            }
            Some(verso::check::profile::Levels::resolve(&config.checks)?)
        }
        None => None,
    };
    let count = reports.len();
    let mut merged = merge::merge(reports, levels.as_ref())?;
    if let Some(dir) = merged
        .review_index
        .as_ref()
        .and_then(|i| i.parent())
        .map(Path::to_path_buf)
    {
        let entries = merge::index_entries(&merged, &dir);
        let index = dir.join("index.html");
        verso::output::write_atomic(&index, verso::review::html::index(&entries).as_bytes())
            .with_context(|| format!("{}", index.display()))?;
        merged.review_index = Some(index);
    }
    let out = a.out.clone().unwrap_or_else(|| {
        a.reports[0]
            .parent()
            .unwrap_or(Path::new("."))
            .join("report.json")
    });
    let json = serde_json::to_string_pretty(&merged)?;
    super::shared::write(&out, json.as_bytes())?;
    note!(
        "{}",
        i18n::render(&msg!(
            "merge-written",
            reports = count,
            files = merged.files.len(),
            issues = merged.totals.issues,
            file = &out
        ))
    );
    for warning in &merged.warnings {
        note!("{}", i18n::render(&msg!("run-warning", reason = warning)));
    }
    Ok(ExitCode::SUCCESS)
}
