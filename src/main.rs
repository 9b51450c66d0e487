//! The `verso` command: a thin layer over the library. Each subcommand lives in `src/cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
