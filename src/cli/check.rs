//! `verso check SOURCE TARGET`: checks existing translations (human or machine).
//!
//! Two files, or two directories with mirrored trees. Both sides are read with the same format
//! readers and aligned block by block; findings are printed as rustc-style diagnostics, written
//! to the report, and with `--fix` the safe fixes are applied to the target files.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use verso::check::batch::Batch;
use verso::check::diagnostics::{self, Place};
use verso::check::file::Checked;
use verso::check::names::Evidence;
use verso::check::{BlockText, Checker};
use verso::config::Config;
use verso::document::{Document, LineIndex};
use verso::format;
use verso::i18n;
use verso::inputs;
use verso::msg;
use verso::report::{FailOn, Failure, FileReport, Issue, Report};

/// Flags of `verso check`.
#[derive(clap::Args)]
pub struct Args {
    source: PathBuf,
    target: PathBuf,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALE")]
    to: Option<String>,
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    #[arg(long)]
    fix: bool,
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "never"])]
    fail_on: Option<String>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// One checked file pair.
struct Pair {
    source_path: PathBuf,
    target_path: PathBuf,
    source: Document,
    target: Document,
    checked: Option<Checked>,
}

fn pairs(args: &Args, config: &Config, failures: &mut Vec<Failure>) -> Vec<(PathBuf, PathBuf)> {
    if args.source.is_dir() {
        let (found, errors) = inputs::collect(
            std::slice::from_ref(&args.source),
            &config.translate.extensions,
            &[],
        );
        for e in errors {
            failures.push(Failure {
                source: e.path().to_path_buf(),
                locale: None,
                message: i18n::describe(&e),
            });
        }
        return found
            .into_iter()
            .map(|i| (i.path, args.target.join(i.relative)))
            .collect();
    }
    let target = if args.target.is_dir() {
        args.target
            .join(args.source.file_name().unwrap_or_default())
    } else {
        args.target.clone()
    };
    vec![(args.source.clone(), target)]
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let from =
        verso::locale::parse(args.from.as_deref().unwrap_or(&config.translate.from))?.to_string();
    let to = match &args.to {
        Some(t) => verso::locale::parse(t)?.to_string(),
        None => super::shared::default_target(&config)?,
    };
    let glossary = super::shared::glossary(&args.glossary, &config, &from, &to)?;
    let read_options = super::shared::read_options(&config);
    let mut failures = Vec::new();
    let mut checked: Vec<Pair> = Vec::new();
    for (source_path, target_path) in pairs(&args, &config, &mut failures) {
        let read = |p: &Path| format::read_file(p, &read_options);
        match (read(&source_path), read(&target_path)) {
            (Ok(source), Ok(target)) => checked.push(Pair {
                source_path,
                target_path,
                source,
                target,
                checked: None,
            }),
            (Err(e), _) | (_, Err(e)) => failures.push(Failure {
                source: source_path,
                locale: Some(to.clone()),
                message: i18n::describe(&e),
            }),
        }
    }
    let texts: Vec<String> = checked
        .iter()
        .flat_map(|p| p.source.blocks.iter().map(|b| b.plain_text()))
        .collect();
    let checker = Checker::new(
        &from,
        &to,
        glossary,
        config.checks.clone(),
        Evidence::collect(texts.iter().map(String::as_str)),
    );
    let mut batch = Batch::default();
    for (i, pair) in checked.iter_mut().enumerate() {
        let result = checker.check_document(&pair.source, &pair.target, &[], true);
        for (block, facts) in &result.facts {
            batch.add(i, *block, facts.clone());
        }
        pair.checked = Some(result);
    }
    let labels: Vec<String> = checked
        .iter()
        .map(|p| p.target_path.display().to_string())
        .collect();
    for (i, finding) in batch.findings(&labels) {
        if let Some(c) = checked[i].checked.as_mut() {
            c.findings.push(finding);
        }
    }

    let color = std::io::stdout().is_terminal();
    let mut report = Report {
        schema: verso::report::SCHEMA_VERSION,
        verso: env!("CARGO_PKG_VERSION").to_string(),
        engine: String::new(),
        from: from.clone(),
        to: vec![to.clone()],
        ..Report::default()
    };
    let mut fixed_total = 0;
    // `--fix` writes what `translate` would have: the target's own forms and the safe fixes.
    let localizer = verso::localize::Localizer::new(
        &from,
        &to,
        verso::localize::Settings {
            localize: true,
            fix: true,
        },
    );
    for pair in &checked {
        let Some(c) = &pair.checked else { continue };
        let lines = LineIndex::new(&pair.target.source);
        let empty = BlockText::default();
        let mut issues = Vec::new();
        for f in &c.findings {
            let (s, t) = c
                .texts
                .get(f.block)
                .and_then(Option::as_ref)
                .map_or((&empty, &empty), |(s, t)| (s, t));
            let place = Place {
                file: &pair.target_path,
                source: s,
                target: t,
                target_lines: &lines,
                block_line: pair.target.blocks.get(f.block).map_or(0, |b| b.line),
            };
            out!("{}", diagnostics::render(f, &place, color));
            issues.push(Issue::from_finding(f, place.block_line, &s.text, &t.text));
        }
        if args.fix {
            let (text, changes) =
                localizer.localize_document(&checker, &pair.source, &pair.target, &read_options);
            let n = changes.len();
            if n > 0 {
                super::shared::write(&pair.target_path, &pair.target.encoding.encode(&text))?;
                fixed_total += n;
                note!(
                    "{}",
                    i18n::render(&msg!("check-fixed", count = n, file = &pair.target_path))
                );
            }
        }
        report.files.push(FileReport {
            source: pair.source_path.clone(),
            locale: to.clone(),
            output: Some(pair.target_path.clone()),
            blocks: pair.target.blocks.len(),
            engine_calls: 0,
            memory_hits: 0,
            unknown_words: Vec::new(),
            terms: Vec::new(),
            issues,
            localized: Vec::new(),
            review: None,
        });
    }
    for f in &failures {
        note!(
            "{}",
            i18n::render(&msg!(
                "progress-failed",
                source = &f.source,
                locale = f.locale.clone().unwrap_or_default(),
                reason = &f.message
            ))
        );
    }
    report.failures = failures;
    report.totals.files = checked.len() + report.failures.len();
    report.sum();
    if let Some(path) = &args.report {
        super::shared::write(path, serde_json::to_string_pretty(&report)?.as_bytes())?;
    }
    let (errors, warnings) = report.issue_counts();
    note!(
        "{}",
        i18n::render(&msg!(
            "check-summary",
            errors = errors,
            warnings = warnings,
            files = checked.len(),
            fixed = fixed_total
        ))
    );
    let fail_on = args
        .fail_on
        .as_deref()
        .and_then(FailOn::parse)
        .unwrap_or(FailOn::Error);
    Ok(if report.failures.is_empty() && !fail_on.fails(&report) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PARTIAL)
    })
}
