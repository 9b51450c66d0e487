//! `verso serve`: the review server (see `verso::serve`), and its reviewers
//! (`--add-reviewer NAME [--role …]`, `--revoke NAME`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use verso::backend::LanguagePair;
use verso::config::Config;
use verso::enforce::TermsMode;
use verso::format;
use verso::i18n;
use verso::inputs;
use verso::locale;
use verso::memory::reviews::Role;
use verso::msg;
use verso::review::files::{Context, Options};
use verso::serve::{self, Site};

/// Flags of `verso serve`.
#[derive(clap::Args)]
pub struct Args {
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "LOCALE")]
    from: Option<String>,
    #[arg(long, value_name = "LOCALES")]
    to: Option<String>,
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1:8040")]
    listen: SocketAddr,
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    #[arg(long, value_name = "MODE", value_parser = ["enforce", "check", "off"])]
    terms: Option<String>,
    #[arg(long, value_name = "NAME")]
    add_reviewer: Option<String>,
    #[arg(long, value_name = "ROLE", value_parser = ["reviewer", "approver"], default_value = "reviewer")]
    role: String,
    #[arg(long, value_name = "NAME")]
    revoke: Option<String>,
    #[arg(long, value_name = "N", default_value_t = 600)]
    max_saves_per_minute: u32,
    #[arg(long, value_name = "FILE")]
    memory: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let memory = Arc::new(super::shared::open_memory(args.memory.as_deref(), &config)?);
    if let Some(name) = &args.add_reviewer {
        let role = Role::parse(&args.role).unwrap_or(Role::Reviewer);
        let token = memory.add_reviewer(name, role)?;
        let link = format!("http://{}/?token={token}", args.listen);
        out_text!(
            "{}",
            i18n::render(&msg!(
                "serve-reviewer-added",
                name = name.as_str(),
                role = role.as_str(),
                link = link
            ))
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(name) = &args.revoke {
        let revoked = memory.revoke_reviewer(name)?;
        let said = if revoked {
            msg!("serve-reviewer-revoked", name = name.as_str())
        } else {
            msg!("serve-reviewer-unknown", name = name.as_str())
        };
        note!("{}", i18n::render(&said));
        return Ok(if revoked {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(super::EXIT_NOTHING_DONE)
        });
    }
    let from = locale::parse(args.from.as_deref().unwrap_or(&config.translate.from))?;
    let targets = super::shared::targets(args.to.as_deref(), &config)?;
    let read_options = super::shared::read_options(&config, &from.to_string());
    let (found, errors) = inputs::collect(&args.paths, &config.translate.extensions, &[]);
    for e in errors {
        note!("{}", i18n::describe(&e));
    }
    let mut articles = Vec::new();
    for input in found {
        match format::read_file(&input.path, &read_options) {
            Ok(doc) => articles.push((input.relative.display().to_string(), doc)),
            Err(e) => note!("{}", i18n::describe(&e)),
        }
    }
    let terms = args
        .terms
        .as_deref()
        .and_then(TermsMode::parse)
        .unwrap_or(config.glossary.terms);
    let sources: Vec<&verso::document::Document> = articles.iter().map(|(_, d)| d).collect();
    let mut locales = Vec::new();
    for target in &targets {
        let glossary = super::shared::glossary(
            &args.glossary,
            &config,
            &from.to_string(),
            &target.to_string(),
        )?;
        let context = Context::new(
            Options {
                pair: LanguagePair {
                    source: from.clone(),
                    target: target.clone(),
                },
                glossary,
                terms,
                checks: config.checks.clone(),
                read_options: read_options.clone(),
            },
            &sources,
        );
        locales.push((target.to_string(), context));
    }
    drop(sources);
    let site = Arc::new(Site::new(
        from.clone(),
        memory,
        articles,
        locales,
        serve::WriteLimit::new(args.max_saves_per_minute),
    ));
    if !args.listen.ip().is_loopback() {
        note!(
            "{}",
            i18n::render(&msg!(
                "serve-not-loopback",
                address = args.listen.to_string()
            ))
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen).await?;
        note!(
            "{}",
            i18n::render(&msg!(
                "serve-listening",
                address = listener.local_addr()?.to_string(),
                articles = site.articles.len()
            ))
        );
        axum::serve(listener, serve::router(site)).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
