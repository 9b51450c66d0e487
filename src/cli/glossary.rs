//! `verso glossary …`: maintaining glossaries.
//!
//! Commands that change a file (`add`, `rm`, `import`) edit it in place, keeping comments and
//! layout; commands that read (`show`, `list`, `search`, `lint`, `export`, `suggest`,
//! `coverage`) take `--glossary FILE` (repeatable, layered) or the configured files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use verso::config::Config;
use verso::document::Document;
use verso::format;
use verso::glossary::{
    self, Concept, FileFormat, Glossary, Kind, LoadOptions, Origin, Term, lint, native, suggest,
};
use verso::i18n;
use verso::inputs;
use verso::matcher::normalize;
use verso::msg;
use verso::recognize::units::Units;
use verso::report::Severity;

/// Flags of `verso glossary`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Add(AddArgs),
    Rm(RmArgs),
    Show(ShowArgs),
    List(ListArgs),
    Search(SearchArgs),
    Lint(LintArgs),
    Merge(MergeArgs),
    Import(ImportArgs),
    Export(ExportArgs),
    Suggest(SuggestArgs),
    Coverage(CoverageArgs),
}

/// Where the glossaries to read come from.
#[derive(clap::Args)]
struct Source {
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    glossary: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct AddArgs {
    file: PathBuf,
    #[arg(long)]
    id: Option<String>,
    #[arg(long, value_name = "KIND")]
    kind: String,
    #[arg(long = "term", value_name = "LOCALE=TEXT", required = true)]
    terms: Vec<String>,
    #[arg(long = "admitted", value_name = "LOCALE=TEXT")]
    admitted: Vec<String>,
    #[arg(long = "forbidden", value_name = "LOCALE=TEXT")]
    forbidden: Vec<String>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long = "context", value_name = "WORD")]
    context: Vec<String>,
    #[arg(long)]
    dnt: bool,
    #[arg(long)]
    case_sensitive: bool,
}

#[derive(clap::Args)]
struct RmArgs {
    file: PathBuf,
    #[arg(required = true)]
    ids: Vec<String>,
}

#[derive(clap::Args)]
struct ShowArgs {
    id: String,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct ListArgs {
    #[arg(long)]
    kind: Option<String>,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct SearchArgs {
    query: String,
    #[arg(long)]
    kind: Option<String>,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct LintArgs {
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALES")]
    to: Option<String>,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct MergeArgs {
    #[arg(required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct ImportArgs {
    file: PathBuf,
    #[arg(long, value_name = "GLOSSARY")]
    into: PathBuf,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALE")]
    to: Option<String>,
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
}

#[derive(clap::Args)]
struct ExportArgs {
    #[arg(long, value_parser = ["tbx", "tbx2", "csv", "tsv", "toml"])]
    format: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct SuggestArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long)]
    tsv: bool,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALES")]
    to: Option<String>,
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_count: usize,
    #[command(flatten)]
    source: Source,
}

#[derive(clap::Args)]
struct CoverageArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[command(flatten)]
    source: Source,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Add(a) => add(a),
        Command::Rm(a) => rm(a),
        Command::Show(a) => show(a),
        Command::List(a) => list(a.source, a.kind, None),
        Command::Search(a) => list(a.source, a.kind, Some(a.query)),
        Command::Lint(a) => run_lint(a),
        Command::Merge(a) => merge(a),
        Command::Import(a) => import(a),
        Command::Export(a) => export(a),
        Command::Suggest(a) => run_suggest(a),
        Command::Coverage(a) => run_coverage(a),
    }
}

fn say(message: verso::i18n::Message) {
    note!("{}", i18n::render(&message));
}

fn parse_kind(kind: &str) -> anyhow::Result<Kind> {
    Kind::parse(kind).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        anyhow::anyhow!(i18n::render(&msg!(
            "glossary-bad-kind",
            kind = kind,
            kinds = all.join(", ")
        )))
    })
}

/// Loads the glossaries named by `--glossary`, else the configured ones.
fn load(source: &Source) -> anyhow::Result<(Glossary, Config)> {
    let config = Config::load(source.config.as_deref())?;
    let files = if source.glossary.is_empty() {
        config.glossary.files.clone()
    } else {
        source.glossary.clone()
    };
    if files.is_empty() {
        bail!(i18n::render(&msg!("glossary-none-given")));
    }
    let options = LoadOptions {
        pair: Some((
            config.translate.from.clone(),
            config.translate.to.first().cloned().unwrap_or_default(),
        )),
        ..LoadOptions::default()
    };
    let (glossary, overrides) = glossary::load_layered(&files, &options)?;
    for o in overrides {
        say(msg!(
            "glossary-override",
            id = o.id,
            replaced = format!("{}:{}", o.replaced.file.display(), o.replaced.line),
            by = format!("{}:{}", o.by.file.display(), o.by.line)
        ));
    }
    Ok((glossary, config))
}

fn split_term(spec: &str) -> anyhow::Result<(String, String)> {
    let (locale, text) = spec
        .split_once('=')
        .ok_or_else(|| anyhow::anyhow!(i18n::render(&msg!("glossary-bad-term", spec = spec))))?;
    let tag = verso::locale::parse(locale)?.to_string();
    Ok((tag, text.trim().to_string()))
}

fn read_or_empty(path: &Path) -> anyhow::Result<String> {
    match verso::reading::text(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e).with_context(|| path.display().to_string()),
    }
}

fn add(a: AddArgs) -> anyhow::Result<ExitCode> {
    let kind = parse_kind(&a.kind)?;
    let existing = read_or_empty(&a.file)?;
    let current = native::parse(&existing, &a.file)?;
    let mut first_term = None;
    let mut concept = Concept::new(String::new(), kind);
    for spec in &a.terms {
        let (locale, text) = split_term(spec)?;
        first_term.get_or_insert_with(|| text.clone());
        concept.terms.entry(locale).or_default().preferred = Some(Term::new(text));
    }
    for spec in &a.admitted {
        let (locale, text) = split_term(spec)?;
        concept
            .terms
            .entry(locale)
            .or_default()
            .admitted
            .push(Term::new(text));
    }
    for spec in &a.forbidden {
        let (locale, text) = split_term(spec)?;
        concept
            .terms
            .entry(locale)
            .or_default()
            .forbidden
            .push(Term::new(text));
    }
    concept.note = a.note;
    concept.context = a.context;
    concept.do_not_translate = a.dnt;
    concept.case_sensitive = a.case_sensitive;
    concept.id = match a.id {
        Some(id) => id,
        None => glossary::make_id(first_term.as_deref().unwrap_or(""), &|id| {
            current.get(id).is_some()
        }),
    };
    let (text, replaced) = native::upsert_text(&existing, std::slice::from_ref(&concept), &a.file)?;
    native::parse(&text, &a.file)?; // never write a file that would not read back
    super::shared::write(&a.file, text.as_bytes())?;
    if replaced.is_empty() {
        say(msg!("glossary-added", id = &concept.id, file = &a.file));
    } else {
        say(msg!("glossary-replaced", id = &concept.id, file = &a.file));
    }
    Ok(ExitCode::SUCCESS)
}

fn rm(a: RmArgs) -> anyhow::Result<ExitCode> {
    let existing = verso::reading::text(&a.file).with_context(|| a.file.display().to_string())?;
    let (text, missing) = native::remove_text(&existing, &a.ids, &a.file)?;
    for id in &missing {
        say(msg!("glossary-not-found", id = id));
    }
    super::shared::write(&a.file, text.as_bytes())?;
    let removed = a.ids.len() - missing.len();
    say(msg!("glossary-removed", count = removed, file = &a.file));
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PARTIAL)
    })
}

fn show(a: ShowArgs) -> anyhow::Result<ExitCode> {
    let (g, _) = load(&a.source)?;
    let Some(c) = g.get(&a.id) else {
        say(msg!("glossary-not-found", id = &a.id));
        return Ok(ExitCode::from(super::EXIT_PARTIAL));
    };
    out!("# {}:{}", c.origin.file.display(), c.origin.line);
    out_text!("{}", native::concept_text(c));
    Ok(ExitCode::SUCCESS)
}

fn row(c: &Concept, source: &str) -> String {
    let preferred = c
        .locale(source)
        .and_then(|t| t.preferred.as_ref())
        .map_or("", |t| t.text.as_str());
    let locales: Vec<&str> = c.terms.keys().map(String::as_str).collect();
    format!(
        "{:<24} {:<13} {:<36} {}",
        c.id,
        c.kind.as_str(),
        preferred,
        locales.join(",")
    )
}

fn list(source: Source, kind: Option<String>, query: Option<String>) -> anyhow::Result<ExitCode> {
    let (g, config) = load(&source)?;
    let kind = kind.as_deref().map(parse_kind).transpose()?;
    let query = query.map(|q| normalize::term(&q, true));
    let mut shown = 0usize;
    for c in &g.concepts {
        if kind.is_some_and(|k| k != c.kind) {
            continue;
        }
        if let Some(q) = &query {
            let in_terms = c
                .terms
                .values()
                .flat_map(|t| t.all())
                .any(|(_, t)| normalize::term(&t.text, true).contains(q.as_str()));
            if !in_terms && !c.id.contains(q.as_str()) {
                continue;
            }
        }
        out!("{}", row(c, &config.translate.from));
        shown += 1;
    }
    say(msg!(
        "glossary-listed",
        count = shown,
        total = g.concepts.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn run_lint(a: LintArgs) -> anyhow::Result<ExitCode> {
    let (g, config) = load(&a.source)?;
    let from = a.from.unwrap_or(config.translate.from.clone());
    let to: Vec<String> = match a.to {
        Some(list) => verso::locale::parse_list(&list)?
            .iter()
            .map(ToString::to_string)
            .collect(),
        None => config.translate.to.clone(),
    };
    let findings = lint::lint(&g, &from, &to);
    for f in &findings {
        let severity = match f.severity {
            Severity::Error => i18n::render(&msg!("severity-error")),
            Severity::Warning => i18n::render(&msg!("severity-warning")),
        };
        out!(
            "{}",
            i18n::render(&msg!(
                "lint-finding",
                file = &f.file,
                line = f.line,
                severity = severity,
                rule = f.rule,
                concept = &f.concept,
                message = &f.message
            ))
        );
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    say(msg!(
        "lint-summary",
        errors = errors,
        warnings = findings.len() - errors,
        concepts = g.concepts.len()
    ));
    Ok(if errors > 0 {
        ExitCode::from(super::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

fn merge(a: MergeArgs) -> anyhow::Result<ExitCode> {
    let (g, overrides) = glossary::load_layered(&a.files, &LoadOptions::default())?;
    for o in &overrides {
        say(msg!(
            "glossary-override",
            id = &o.id,
            replaced = format!("{}:{}", o.replaced.file.display(), o.replaced.line),
            by = format!("{}:{}", o.by.file.display(), o.by.line)
        ));
    }
    super::shared::write(&a.out, native::write(&g).as_bytes())?;
    say(msg!(
        "glossary-merged",
        count = g.concepts.len(),
        file = &a.out,
        overrides = overrides.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn import(a: ImportArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(None)?;
    let options = LoadOptions {
        pair: Some((
            a.from.unwrap_or(config.translate.from.clone()),
            a.to.or_else(|| config.translate.to.first().cloned())
                .unwrap_or_default(),
        )),
        default_kind: a
            .kind
            .as_deref()
            .map(parse_kind)
            .transpose()?
            .unwrap_or(Kind::Term),
    };
    let incoming = glossary::load(&a.file, &options)?;
    let existing = read_or_empty(&a.into)?;
    let mut concepts = incoming.concepts;
    for c in &mut concepts {
        c.origin = Origin::default();
    }
    let (text, replaced) = native::upsert_text(&existing, &concepts, &a.into)?;
    native::parse(&text, &a.into)?;
    super::shared::write(&a.into, text.as_bytes())?;
    for id in &replaced {
        say(msg!("glossary-replaced", id = id, file = &a.into));
    }
    say(msg!(
        "glossary-imported",
        count = concepts.len(),
        replaced = replaced.len(),
        file = &a.into
    ));
    Ok(ExitCode::SUCCESS)
}

fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let (g, config) = load(&a.source)?;
    let format = FileFormat::parse(&a.format).unwrap_or(FileFormat::Tbx);
    let from = a.from.unwrap_or(config.translate.from);
    super::shared::write(&a.out, &glossary::write(&g, format, &from))?;
    say(msg!(
        "glossary-exported",
        count = g.concepts.len(),
        file = &a.out,
        format = &a.format
    ));
    Ok(ExitCode::SUCCESS)
}

/// Reads the articles under `paths` (errors reported, the rest used).
fn articles(paths: &[PathBuf], config: &Config) -> Vec<(PathBuf, Document)> {
    let (found, errors) = inputs::collect(paths, &config.translate.extensions, &[]);
    for e in errors {
        say(msg!("cli-error", reason = i18n::describe(&e)));
    }
    let options = config.read_options();
    found
        .into_iter()
        .filter_map(|input| match format::read_file(&input.path, &options) {
            Ok(doc) => Some((input.path, doc)),
            Err(e) => {
                say(msg!("cli-error", reason = i18n::describe(&e)));
                None
            }
        })
        .collect()
}

/// The glossaries for suggest/coverage: given ones, configured ones, or none at all.
fn optional_glossary(source: &Source) -> anyhow::Result<(Glossary, Config)> {
    if source.glossary.is_empty() {
        let config = Config::load(source.config.as_deref())?;
        if config.glossary.files.is_empty() {
            return Ok((Glossary::default(), config));
        }
    }
    load(source)
}

fn run_suggest(a: SuggestArgs) -> anyhow::Result<ExitCode> {
    let (g, config) = optional_glossary(&a.source)?;
    let from = a.from.unwrap_or(config.translate.from.clone());
    let to: Vec<String> = match &a.to {
        Some(list) => verso::locale::parse_list(list)?
            .iter()
            .map(ToString::to_string)
            .collect(),
        None => config.translate.to.clone(),
    };
    let docs = articles(&a.paths, &config);
    let found: Vec<suggest::Candidate> = suggest::candidates(&docs, &g, &from, &Units::builtin())
        .into_iter()
        .filter(|c| c.count >= a.min_count)
        .collect();
    if a.tsv {
        // Ready to fill in and import: one column per language, then kind and note.
        let mut w = csv::WriterBuilder::new()
            .delimiter(b'\t')
            .from_writer(std::io::stdout());
        let mut header = vec![from.clone()];
        header.extend(to.iter().cloned());
        header.extend(["kind".to_string(), "note".to_string()]);
        w.write_record(&header)?;
        for c in &found {
            let mut rec = vec![c.text.clone()];
            rec.extend(to.iter().map(|_| String::new()));
            rec.push(c.kind.as_str().to_string());
            let acronym = c
                .acronym
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            rec.push(format!(
                "{}×{acronym} {}:{}: {}",
                c.count,
                c.file.display(),
                c.line,
                c.context
            ));
            w.write_record(&rec)?;
        }
        w.flush()?;
    } else {
        for c in &found {
            let acronym = c
                .acronym
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            out!(
                "{:>4}  {:<13} {}{acronym}\n      {}:{}: {}",
                c.count,
                format!("{}?", c.kind.as_str()),
                c.text,
                c.file.display(),
                c.line,
                c.context
            );
        }
    }
    say(msg!(
        "glossary-suggested",
        count = found.len(),
        files = docs.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn run_coverage(a: CoverageArgs) -> anyhow::Result<ExitCode> {
    let (g, config) = load(&a.source)?;
    let from = a.from.unwrap_or(config.translate.from.clone());
    let docs = articles(&a.paths, &config);
    let cov = suggest::coverage(&docs, &g, &from, &Units::builtin());
    out!(
        "{}",
        i18n::render(&msg!(
            "coverage-found",
            count = cov.found.len(),
            total = g.concepts.len()
        ))
    );
    for (id, n, files) in &cov.found {
        out!(
            "  {id:<28} {n:>4}×  {}",
            i18n::render(&msg!("coverage-files", files = *files))
        );
    }
    out!(
        "{}",
        i18n::render(&msg!("coverage-unused", count = cov.unused.len()))
    );
    for id in &cov.unused {
        out!("  {id}");
    }
    out!(
        "{}",
        i18n::render(&msg!("coverage-missing", count = cov.missing.len()))
    );
    for c in &cov.missing {
        out!(
            "  {:<36} {:<13} {:>4}×  {}:{}",
            c.text,
            format!("{}?", c.kind.as_str()),
            c.count,
            c.file.display(),
            c.line
        );
    }
    Ok(ExitCode::SUCCESS)
}
