//! Command-line layer: parses flags, sets the UI language, dispatches to one module per
//! subcommand, and turns errors into messages and exit codes.
//!
//! Exit codes: 0 all done; 1 some inputs or outputs failed (the rest was done); 2 nothing was
//! done (bad flags, configuration, or a missing engine or language pair).

/// Writes a line to standard output. A reader that went away (`verso segment big.md | head`)
/// ends the command quietly: the error travels up and [`main`] exits 0 without a message.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// [`out!`] without the line break.
macro_rules! out_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// Writes a line to standard error. A closed standard error never stops the work: a batch
/// piped into `head` keeps translating and storing what it pays for.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod check;
mod engines;
mod glossary;
mod import;
mod memory;
mod progress;
mod report;
mod review;
mod segment;
mod serve;
mod shared;
mod summary;
mod translate;
mod xliff;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use verso::i18n;
use verso::msg;

#[derive(Parser)]
#[command(name = "verso", version, propagate_version = true)]
struct Cli {
    /// The language of verso's own messages (BCP 47); defaults to LANG.
    #[arg(long, global = true, value_name = "LANG")]
    ui_lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Translate(translate::Args),
    Check(check::Args),
    Segment(segment::Args),
    Engines(engines::Args),
    Glossary(glossary::Args),
    Memory(memory::Args),
    Review(review::Args),
    Xliff(xliff::Args),
    Import(import::Args),
    Serve(serve::Args),
    Report(report::Args),
}

/// Whether an error is standard output's reader going away: not a failure of the command.
pub fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Exit code when some work failed and the rest was done.
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code when nothing was done.
pub const EXIT_NOTHING_DONE: u8 = 2;

pub fn main() -> ExitCode {
    i18n::init(prescan_ui_lang().as_deref());
    let matches = localized_command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Translate(args) => translate::run(args),
        Command::Check(args) => check::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Engines(args) => engines::run(args),
        Command::Glossary(args) => glossary::run(args),
        Command::Memory(args) => memory::run(args),
        Command::Review(args) => review::run(args),
        Command::Xliff(args) => xliff::run(args),
        Command::Import(args) => import::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            note!(
                "{}",
                i18n::render(&msg!("cli-error", reason = format!("{e:#}")))
            );
            ExitCode::from(EXIT_NOTHING_DONE)
        }
    }
}

/// `--ui-lang` must be known before clap renders help, so it is read ahead of parsing.
fn prescan_ui_lang() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--ui-lang=")
            .map(str::to_string)
            .or_else(|| {
                (a == "--ui-lang")
                    .then(|| args.get(i + 1).cloned())
                    .flatten()
            })
    })
}

/// The clap command with every about and help text taken from Fluent: `about-<command>` and
/// `help-<command>-<arg>`, where a nested command is named by its path (`glossary-add`) and
/// the top level is `verso`.
pub fn localized_command() -> clap::Command {
    localize_tree(Cli::command(), None)
}

fn localize_tree(cmd: clap::Command, path: Option<&str>) -> clap::Command {
    let name = path.unwrap_or("verso").to_string();
    let cmd = localize(cmd, &name);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    subs.iter().fold(cmd, |cmd, sub| {
        let sub_path = match path {
            Some(p) => format!("{p}-{sub}"),
            None => sub.clone(),
        };
        cmd.mut_subcommand(sub, |c| localize_tree(c, Some(&sub_path)))
    })
}

fn localize(cmd: clap::Command, name: &str) -> clap::Command {
    let mut cmd = match i18n::render_id(&format!("about-{name}")) {
        Some(about) => cmd.about(about),
        None => cmd,
    };
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        if let Some(help) = i18n::render_id(&format!("help-{name}-{id}")) {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(help));
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its about/help text in the shipped Fluent files.
    #[test]
    fn every_command_and_argument_has_fluent_help() {
        let cmd = Cli::command();
        let mut missing = Vec::new();
        let mut check = |c: &clap::Command, name: &str| {
            if i18n::render_id(&format!("about-{name}")).is_none() {
                missing.push(format!("about-{name}"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().to_string();
                if id != "help"
                    && id != "version"
                    && i18n::render_id(&format!("help-{name}-{id}")).is_none()
                {
                    missing.push(format!("help-{name}-{id}"));
                }
            }
        };
        fn walk(
            c: &clap::Command,
            path: Option<String>,
            check: &mut dyn FnMut(&clap::Command, &str),
        ) {
            let name = path.clone().unwrap_or_else(|| "verso".into());
            check(c, &name);
            for sub in c.get_subcommands() {
                let sub_path = match &path {
                    Some(p) => format!("{p}-{}", sub.get_name()),
                    None => sub.get_name().to_string(),
                };
                walk(sub, Some(sub_path), check);
            }
        }
        walk(&cmd, None, &mut check);
        assert!(missing.is_empty(), "missing Fluent ids: {missing:?}");
    }
}
