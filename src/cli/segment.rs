//! `verso segment FILE [--json]`: the blocks a file is cut into, with kind and byte range.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use verso::config::Config;
use verso::format;
use verso::segment::Segment;

/// Flags of `verso segment`.
#[derive(clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Serialize)]
struct BlockOut {
    index: usize,
    #[serde(flatten)]
    kind: verso::document::BlockKind,
    start: usize,
    end: usize,
    line: usize,
    parent: Option<usize>,
    text: String,
    protected: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let options = config.read_options();
    let doc = format::read_file(&args.file, &options)?;
    let blocks: Vec<BlockOut> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(index, b)| BlockOut {
            index,
            kind: b.kind.clone(),
            start: b.range.start,
            end: b.range.end,
            line: b.line,
            parent: b.parent,
            text: b.plain_text(),
            protected: Segment::from_block(b).canonical(),
        })
        .collect();
    if args.json {
        out!("{}", serde_json::to_string_pretty(&blocks)?);
    } else {
        for b in &blocks {
            let kind = doc.blocks[b.index].kind.label();
            out!(
                "{:>4}  {:<20} {:>7}..{:<7} {:>5}  {}",
                b.index,
                kind,
                b.start,
                b.end,
                b.line,
                b.protected
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
