//! `verso engines`: the engines, the installed Apertium pairs, and with `--probe` whether
//! each network engine is reachable and its key accepted.

use std::process::ExitCode;

use verso::backend::{self, ENGINE_NAMES, LanguagePair};
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

/// Engines that talk to a service.
const NETWORK: &[&str] = &[
    "apy",
    "deepl",
    "google",
    "libretranslate",
    "openai",
    "command",
];

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

/// Probes one network engine: its configuration (key, program), then one request.
async fn probe(name: &str, config: &Config) -> Result<String, String> {
    let engine = backend::build_one(name, config).map_err(|e| i18n::describe(&e))?;
    // Any pair will do to check keys and settings.
    let pair = LanguagePair {
        source: unic_langid::langid!("en"),
        target: unic_langid::langid!("es"),
    };
    engine.prepare(&pair).map_err(|e| i18n::describe(&e))?;
    match engine.probe().await {
        Some(result) => result,
        None => Ok(String::new()),
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
        if !(args.probe && NETWORK.contains(&name)) {
            println!("{name:<15} {about}");
            continue;
        }
        let line = match runtime.block_on(probe(name, &config)) {
            Ok(said) if said.is_empty() => i18n::render(&msg!("engines-probe-reachable")),
            Ok(said) => i18n::render(&msg!("engines-probe-ok", detail = said)),
            Err(why) => {
                failed = true;
                i18n::render(&msg!("engines-probe-failed", reason = why))
            }
        };
        println!("{name:<15} {about}; {line}");
    }
    Ok(if failed {
        ExitCode::from(super::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}
