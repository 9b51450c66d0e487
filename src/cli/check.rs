//! `verso check SOURCE TARGET`: checks existing translations (human or machine).
//!
//! Two files, or two directories with mirrored trees. Both sides are read with the same format
//! readers and aligned block by block; findings are printed as rustc-style diagnostics, written
//! to the report, and with `--fix` the safe fixes are applied to the target files.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use verso::check::BlockText;
use verso::check::diagnostics::{self, Place};
use verso::check::session::{DocumentChecks, Session};
use verso::config::Config;
use verso::document::{Document, LineIndex};
use verso::format;
use verso::i18n;
use verso::inputs;
use verso::msg;
use verso::report::{FailOn, Failure, FileReport, Report};

/// Flags of `verso check`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(required_unless_present = "rules")]
    source: Option<PathBuf>,
    #[arg(required_unless_present = "rules")]
    target: Option<PathBuf>,
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
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    #[arg(long)]
    rules: bool,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// One file pair to check.
struct Pair {
    source_path: PathBuf,
    target_path: PathBuf,
    source: Document,
    target: Document,
}

/// The file pairs: two files, or two directories with mirrored trees.
fn pairs(
    (source, target): (&Path, &Path),
    config: &Config,
    failures: &mut Vec<Failure>,
) -> Vec<(PathBuf, PathBuf)> {
    if source.is_dir() {
        let (found, errors) = inputs::collect(
            std::slice::from_ref(&source.to_path_buf()),
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
            .map(|i| (i.path, target.join(i.relative)))
            .collect();
    }
    let target = if target.is_dir() {
        target.join(source.file_name().unwrap_or_default())
    } else {
        target.to_path_buf()
    };
    vec![(source.to_path_buf(), target)]
}

/// Reads every pair; what cannot be read is a failure, the others are checked.
fn read_pairs(
    found: Vec<(PathBuf, PathBuf)>,
    to: &str,
    read_options: &verso::format::ReadOptions,
    failures: &mut Vec<Failure>,
) -> Vec<Pair> {
    let mut out = Vec::new();
    for (source_path, target_path) in found {
        let read = |p: &Path| format::read_file(p, read_options);
        match (read(&source_path), read(&target_path)) {
            (Ok(source), Ok(target)) => out.push(Pair {
                source_path,
                target_path,
                source,
                target,
            }),
            (Err(e), _) | (_, Err(e)) => failures.push(Failure {
                source: source_path,
                locale: Some(to.to_string()),
                message: i18n::describe(&e),
            }),
        }
    }
    out
}

/// `--rules`: every rule, whether it runs by default, and what it checks.
fn list_rules() -> anyhow::Result<ExitCode> {
    for rule in verso::check::rules::all() {
        let default = match rule.on_by_default() {
            true => i18n::render(&msg!("rules-on")),
            false => i18n::render(&msg!("rules-off")),
        };
        let description = i18n::render_id(&format!("rule-{}", rule.id())).unwrap_or_default();
        out!(
            "{}",
            i18n::render(&msg!(
                "rules-header",
                rule = rule.id(),
                default = default,
                description = description
            ))
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.rules {
        return list_rules();
    }
    let (Some(source), Some(target)) = (&args.source, &args.target) else {
        return list_rules();
    };
    let mut config = Config::load(args.config.as_deref())?;
    super::shared::choose_profile(&mut config, args.profile.as_deref())?;
    let from =
        verso::locale::parse(args.from.as_deref().unwrap_or(&config.translate.from))?.to_string();
    let to = match &args.to {
        Some(t) => verso::locale::parse(t)?.to_string(),
        None => super::shared::default_target(&config)?,
    };
    let glossary = super::shared::glossary(&args.glossary, &config, &from, &to)?;
    let read_options = super::shared::read_options(&config, &from.to_string());
    let mut failures = Vec::new();
    let found = pairs((source, target), &config, &mut failures);
    let checked = read_pairs(found, &to, &read_options, &mut failures);
    let sources: Vec<&Document> = checked.iter().map(|p| &p.source).collect();
    let mut session = Session::for_sources((&from, &to), glossary, config.checks.clone(), &sources);
    let mut results: Vec<DocumentChecks> = checked
        .iter()
        .enumerate()
        .map(|(i, p)| session.check(i, &p.source, &p.target, &[], true))
        .collect();
    let labels: Vec<String> = checked
        .iter()
        .map(|p| p.target_path.display().to_string())
        .collect();
    for (i, finding, issue) in session.batch_findings(&labels) {
        if let Some(r) = results.get_mut(i) {
            r.checked.findings.push(finding);
            r.issues.push(issue);
        }
    }

    let mut report = Report {
        schema: verso::report::SCHEMA_VERSION,
        verso: env!("CARGO_PKG_VERSION").to_string(),
        engine: String::new(),
        from: from.clone(),
        to: vec![to.clone()],
        checks_profile: Some(config.checks.profile_name().to_string()),
        ..Report::default()
    };
    let color = std::io::stdout().is_terminal();
    let mut fixed_total = 0;
    // `--fix` writes what `translate` would have: the target's own forms and the safe fixes.
    let localizer = args.fix.then(|| {
        let settings = verso::localize::Settings {
            localize: true,
            fix: true,
        };
        verso::localize::Localizer::new(&from, &to, settings)
    });
    for (pair, result) in checked.iter().zip(results) {
        print_findings(pair, &result, color)?;
        if let Some(localizer) = &localizer {
            fixed_total += fix(pair, &session, localizer, &read_options)?;
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
            statuses: Default::default(),
            issues: result.issues,
            dismissed: Vec::new(),
            localized: Vec::new(),
            review: None,
        });
    }
    finish(args, report, failures, checked.len(), fixed_total)
}

/// Prints a file's findings as diagnostics.
fn print_findings(pair: &Pair, result: &DocumentChecks, color: bool) -> anyhow::Result<()> {
    let lines = LineIndex::new(&pair.target.source);
    let empty = BlockText::default();
    for f in &result.checked.findings {
        let (s, t) = result
            .checked
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
    }
    Ok(())
}

/// `--fix` on one file: writes it as `translate` would have; returns how many changes were
/// made.
fn fix(
    pair: &Pair,
    session: &Session,
    localizer: &verso::localize::Localizer,
    read_options: &verso::format::ReadOptions,
) -> anyhow::Result<usize> {
    let (text, changes) =
        localizer.localize_document(&session.checker, &pair.source, &pair.target, read_options);
    if !changes.is_empty() {
        super::shared::write(&pair.target_path, &pair.target.encoding.encode(&text))?;
        note!(
            "{}",
            i18n::render(&msg!(
                "check-fixed",
                count = changes.len(),
                file = &pair.target_path
            ))
        );
    }
    Ok(changes.len())
}

/// Reports failures, writes the report, prints the summary, and says how to exit.
fn finish(
    args: Args,
    mut report: Report,
    failures: Vec<Failure>,
    files: usize,
    fixed: usize,
) -> anyhow::Result<ExitCode> {
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
    report.totals.files = files + report.failures.len();
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
            files = files,
            fixed = fixed
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
