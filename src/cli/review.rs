//! `verso review SOURCE TARGET`: an article and its translation side by side, in the terminal
//! or as an HTML page (`--html FILE`).
//!
//! The translation may come from anywhere (verso, a person, another tool). Its markup is
//! matched to the source's placeholders and its glossary names found, so corrections made on
//! the page are stored under the same memory keys `verso translate` looks up — provided the
//! glossary and terms mode are those of the translation run.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use verso::backend::LanguagePair;
use verso::config::Config;
use verso::enforce::TermsMode;
use verso::format;
use verso::i18n;
use verso::locale;
use verso::memory::Memory;
use verso::msg;
use verso::review::files::{Context, Options};
use verso::review::html;
use verso::review::terminal::{self, View};

/// Flags of `verso review`.
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
    #[arg(long, value_name = "MODE", value_parser = ["enforce", "check", "off"])]
    terms: Option<String>,
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[arg(long)]
    only_issues: bool,
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
    #[arg(long, value_name = "FILE")]
    memory: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The target locale: `--to`, else a directory of the target's path named like a configured
/// target (`out/es/…`), else the first configured target.
fn target_locale(args: &Args, config: &Config) -> anyhow::Result<String> {
    if let Some(t) = &args.to {
        return Ok(locale::parse(t)?.to_string());
    }
    let named = args.target.ancestors().skip(1).find_map(|dir| {
        let name = dir.file_name()?.to_str()?;
        config
            .translate
            .to
            .iter()
            .find(|t| t.as_str() == name)
            .cloned()
    });
    match named {
        Some(t) => Ok(t),
        None => super::shared::default_target(config),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let from = locale::parse(args.from.as_deref().unwrap_or(&config.translate.from))?;
    let to = locale::parse(&target_locale(&args, &config)?)?;
    let glossary =
        super::shared::glossary(&args.glossary, &config, &from.to_string(), &to.to_string())?;
    let read_options = super::shared::read_options(&config, &from.to_string());
    let source = format::read_file(&args.source, &read_options)?;
    let target = format::read_file(&args.target, &read_options)?;
    let options = Options {
        pair: LanguagePair {
            source: from,
            target: to,
        },
        glossary,
        terms: args
            .terms
            .as_deref()
            .and_then(TermsMode::parse)
            .unwrap_or(config.glossary.terms),
        checks: config.checks.clone(),
        read_options,
    };
    // Reading statuses must not create a memory where there is none.
    let memory_path = super::shared::memory_path(args.memory.as_deref(), &config);
    let address = memory_path.to_string_lossy();
    let memory = if Path::new(&memory_path).exists() || address.starts_with("postgres") {
        Some(Memory::open_at(&address)?)
    } else {
        None
    };
    let context = Context::new(options, &[&source]);
    let prepared = context.from_target(&source, &target, memory.as_ref())?;
    let label = args.source.display().to_string();
    let review = context.review(&prepared, &label, &source);
    match &args.html {
        Some(path) => {
            super::shared::write(path, html::page(&review).as_bytes())?;
            note!("{}", i18n::render(&msg!("review-written", file = path)));
        }
        None => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let width = args
                .width
                .or_else(|| color.then(terminal::terminal_width).flatten())
                .unwrap_or(120);
            out_text!(
                "{}",
                terminal::render(
                    &review,
                    View {
                        width,
                        color,
                        only_issues: args.only_issues,
                    }
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
