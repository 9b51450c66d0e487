//! `verso translate PATH... --to es[,ca]`: the main job.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use verso::backend;
use verso::config::Config;
use verso::enforce::TermsMode;
use verso::i18n;
use verso::locale;
use verso::msg;
use verso::pipeline::{self, Job};
use verso::report::FailOn;
use verso::shard::Shard;

use super::progress::Console;

/// Flags of `verso translate`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "LOCALES")]
    to: Option<String>,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "NAME")]
    engine: Option<String>,
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    #[arg(long, value_name = "FILE")]
    memory: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    #[arg(long, value_name = "MODE", value_parser = ["enforce", "check", "off"])]
    terms: Option<String>,
    #[arg(long)]
    no_check: bool,
    #[arg(long)]
    no_localize: bool,
    #[arg(long)]
    no_review: bool,
    #[arg(long)]
    approved_only: bool,
    #[arg(long, value_name = "DIR")]
    review_dir: Option<PathBuf>,
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "never"])]
    fail_on: Option<String>,
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    #[arg(long, value_name = "K/N|auto")]
    shard: Option<String>,
    #[arg(long, value_name = "N")]
    shards: Option<u32>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let shard = args
        .shard
        .as_deref()
        .map(|spec| Shard::parse(spec, args.shards, |name| std::env::var(name).ok()))
        .transpose()?;
    let mut config = Config::load(args.config.as_deref())?;
    super::shared::choose_profile(&mut config, args.profile.as_deref())?;
    let t = &config.translate;
    let source = locale::parse(args.from.as_deref().unwrap_or(&t.from))?;
    let targets = super::shared::targets(args.to.as_deref(), &config)?;
    let engine_name = args.engine.clone().unwrap_or_else(|| t.engine.clone());
    let engine = backend::build(&engine_name, &config)?;
    pipeline::check_pairs(engine.as_ref(), &source, &targets)?;
    let terms = args
        .terms
        .as_deref()
        .and_then(TermsMode::parse)
        .unwrap_or(config.glossary.terms);
    let glossary = super::shared::glossary(
        &args.glossary,
        &config,
        &source.to_string(),
        &targets[0].to_string(),
    )?;
    let memory = Arc::new(super::shared::open_memory(args.memory.as_deref(), &config)?);
    let out_dir = args.out.clone().unwrap_or_else(|| t.out.clone());
    let read_options = super::shared::read_options(&config, &source.to_string());
    let job = Job {
        paths: args.paths.clone(),
        source,
        targets,
        engine,
        memory,
        out_dir: out_dir.clone(),
        jobs: args.jobs.unwrap_or(t.jobs),
        read_options,
        extensions: t.extensions.clone(),
        glossary,
        terms,
        checks: (config.checks.enabled && !args.no_check).then(|| config.checks.clone()),
        localize: verso::localize::Settings {
            localize: t.localize && !args.no_localize,
            fix: t.fix == verso::config::FixMode::Safe && !args.no_localize,
        },
        review: (config.review.pages && !args.no_review)
            .then(|| out_dir.join(args.review_dir.as_ref().unwrap_or(&config.review.dir))),
        approved_only: args.approved_only,
        shard,
        claims: verso::pipeline::Claims {
            lease: std::time::Duration::from_secs(config.memory.claim_lease.max(1)),
            ..Default::default()
        },
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("tokio runtime")?;
    let console = Console::new();
    let report = runtime.block_on(pipeline::run(&job, &console));
    console.finish();
    let report = report?;
    // The translations are written whatever happens to the report: a report that cannot be
    // written is a failure of the run (exit 1), not "nothing done".
    let mut report_failed = false;
    // Each shard writes its own report beside the others', for `verso report merge`.
    let report_path = args
        .report
        .clone()
        .or_else(|| shard.map(|s| out_dir.join(format!("report.{}.json", s.label()))));
    if let Some(path) = &report_path {
        let json = serde_json::to_string_pretty(&report)?;
        if let Err(e) = super::shared::write(path, json.as_bytes()) {
            if super::closed_pipe(&e) {
                return Ok(ExitCode::SUCCESS);
            }
            note!(
                "{}",
                i18n::render(&msg!("cli-error", reason = format!("{e:#}")))
            );
            report_failed = true;
        }
    }
    let totals = &report.totals;
    note!(
        "{}",
        i18n::render(&msg!(
            "summary",
            files = totals.files,
            outputs = totals.outputs,
            blocks = totals.blocks,
            hits = totals.memory_hits,
            calls = totals.engine_calls,
            issues = totals.issues,
            failures = totals.failures,
            seconds = totals.seconds
        ))
    );
    if totals.engine_failed + totals.not_sent > 0 {
        note!(
            "{}",
            i18n::render(&msg!(
                "summary-engine-unfinished",
                failed = totals.engine_failed,
                unsent = totals.not_sent
            ))
        );
    }
    for warning in &report.warnings {
        note!("{}", i18n::render(&msg!("run-warning", reason = warning)));
    }
    super::summary::by_file_and_rule(&report);
    if let Some(index) = &report.review_index {
        note!(
            "{}",
            i18n::render(&msg!("review-index-written", file = index))
        );
    }
    if totals.outputs > 0 {
        for target in &report.to {
            note!(
                "{}",
                i18n::render(&msg!("summary-output", dir = out_dir.join(target)))
            );
        }
    }
    let fail_on = args
        .fail_on
        .as_deref()
        .and_then(FailOn::parse)
        .unwrap_or(config.checks.fail_on);
    Ok(
        if report.failures.is_empty() && !report_failed && !fail_on.fails(&report) {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(super::EXIT_PARTIAL)
        },
    )
}
