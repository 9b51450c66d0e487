//! `verso engines`: the engines, the installed Apertium pairs, and with `--probe` whether
//! each network engine is reachable and its key accepted.

use std::process::ExitCode;

use verso::backend::{self, ENGINE_NAMES};
use verso::config::Config;
use verso::i18n;
use verso::msg;

/// Flags of `verso engines`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    probe: bool,
    #[arg(value_name = "NAME")]
    names: Vec<String>,
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
}

fn describe(name: &str, config: &Config) -> String {
    match name {
        "apertium" => {
            let engine = backend::apertium::Apertium::new(&config.engines.apertium);
            if backend::apertium::which("lt-proc").is_none() {
                return i18n::render(&msg!("engines-apertium-missing"));
            }
            let pairs: Vec<String> = engine.installed().iter().map(|m| m.name.clone()).collect();
            i18n::render(&msg!(
                "engines-apertium",
                count = pairs.len(),
                pairs = pairs.join(", "),
                dir = &config.engines.apertium.modes_dir
            ))
        }
        "identity" => i18n::render(&msg!("engines-identity")),
        "pseudo" => i18n::render(&msg!("engines-pseudo")),
        other => i18n::render(&msg!("engines-network", name = other)),
    }
}

/// Probes an engine: `None` for local engines, else whether the service answers.
async fn probe(name: &str, config: &Config) -> Option<Result<String, String>> {
    match backend::build_one(name, config) {
        Ok(engine) => engine.probe().await,
        Err(e) => Some(Err(i18n::describe(&e))),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let names: Vec<&str> = if args.names.is_empty() {
        ENGINE_NAMES.to_vec()
    } else {
        args.names.iter().map(String::as_str).collect()
    };
    for name in &names {
        if !ENGINE_NAMES.contains(name) {
            anyhow::bail!(i18n::describe(&backend::EngineError::Unknown {
                name: name.to_string()
            }));
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut failed = false;
    for name in names {
        let about = describe(name, &config);
        let probed = if args.probe {
            runtime.block_on(probe(name, &config))
        } else {
            None
        };
        let line = match probed {
            None => {
                out!("{name:<15} {about}");
                continue;
            }
            Some(Ok(said)) if said.is_empty() => i18n::render(&msg!("engines-probe-reachable")),
            Some(Ok(said)) => i18n::render(&msg!("engines-probe-ok", detail = said)),
            Some(Err(why)) => {
                failed = true;
                i18n::render(&msg!("engines-probe-failed", reason = why))
            }
        };
        out!("{name:<15} {about}; {line}");
    }
    Ok(if failed {
        ExitCode::from(super::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}
