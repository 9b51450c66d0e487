//! `verso engines`: the engines and, for Apertium, the installed language pairs.

use std::process::ExitCode;

use verso::backend::{self, ENGINE_NAMES};
use verso::config::Config;
use verso::i18n;
use verso::msg;

/// Flags of `verso engines`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    for name in ENGINE_NAMES {
        let about = match *name {
            "apertium" => {
                let engine = backend::apertium::Apertium::new(&config.engines.apertium);
                let installed = engine.installed();
                let available = backend::apertium::which("lt-proc").is_some();
                if !available {
                    i18n::render(&msg!("engines-apertium-missing"))
                } else {
                    let pairs: Vec<String> = installed.iter().map(|m| m.name.clone()).collect();
                    i18n::render(&msg!(
                        "engines-apertium",
                        count = pairs.len(),
                        pairs = pairs.join(", "),
                        dir = &config.engines.apertium.modes_dir
                    ))
                }
            }
            "identity" => i18n::render(&msg!("engines-identity")),
            _ => i18n::render(&msg!("engines-pseudo")),
        };
        println!("{name:<10} {about}");
    }
    Ok(ExitCode::SUCCESS)
}
