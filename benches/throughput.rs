//! Throughput benchmark (run with `cargo bench --bench throughput`; figures go in the README).
//!
//! A corpus of at least 1 MB of generated article paragraphs is translated to Spanish:
//! - raw: one `apertium -u eng-spa` call over the same text concatenated (the floor: no
//!   markup handling, no memory, no files);
//! - verso cold: `verso translate --no-check --no-review` with an empty memory (localization
//!   on, as by default);
//! - verso warm: the same run again, everything served from memory;
//! - the same two runs as `verso translate` runs by default, checking every block and writing
//!   the review pages (the targets are about translation; these show what the rest costs).
//!
//! Targets: cold at most 1.15 × raw; warm under 5 % of cold. Each figure is the median of
//! `VERSO_BENCH_RUNS` runs (default 3). Not a test: nothing here fails on a slow machine.

#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn time(mut cmd: Command) -> f64 {
    let start = Instant::now();
    let out = cmd.output().expect("command runs");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    secs
}

/// `verso translate` on the corpus; `extra` flags (`--no-check --no-review` for translation
/// alone).
fn verso(dir: &Path, memory: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_verso"));
    cmd.current_dir(dir)
        .arg("translate")
        .arg("corpus")
        .args(["--to", "es", "--engine", "apertium"])
        .arg("--memory")
        .arg(memory)
        .arg("--out")
        .arg(out)
        .args(extra);
    cmd
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` lists; nothing to list
    }
    let runs: usize = std::env::var("VERSO_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path();
    let bytes = corpus::write_corpus(&dir.join("corpus"), 110, 40, 2025);
    assert!(bytes >= 1_000_000, "corpus is only {bytes} bytes");
    let mut all = String::new();
    for entry in std::fs::read_dir(dir.join("corpus")).expect("read corpus") {
        let path = entry.expect("entry").path();
        all.push_str(&std::fs::read_to_string(path).expect("read"));
        all.push('\n');
    }
    std::fs::write(dir.join("all.txt"), &all).expect("write");
    let words = all.split_whitespace().count();

    // Translation alone (what the targets are about), then the default run, which also checks
    // every block and writes the review pages.
    let alone = ["--no-check", "--no-review"];
    let mut raw = Vec::new();
    let (mut cold, mut warm, mut full_cold, mut full_warm) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut raw_warm = Vec::new();
    for run in 0..runs {
        let mut cmd = Command::new("apertium");
        cmd.env("LC_ALL", "C.UTF-8")
            .args(["-u", "eng-spa"])
            .arg(dir.join("all.txt"))
            .arg(dir.join("all.es.txt"));
        raw.push(time(cmd));
        let memory = dir.join(format!("mem-{run}.sqlite"));
        let out = dir.join(format!("out-{run}"));
        cold.push(time(verso(dir, &memory, &out, &alone)));
        warm.push(time(verso(dir, &memory, &out, &alone)));
        // The same rerun writing the engine's text as stored: what localization costs.
        let engine_text = ["--no-check", "--no-review", "--no-localize"];
        raw_warm.push(time(verso(dir, &memory, &out, &engine_text)));
        let memory = dir.join(format!("mem-full-{run}.sqlite"));
        let out = dir.join(format!("out-full-{run}"));
        full_cold.push(time(verso(dir, &memory, &out, &[])));
        full_warm.push(time(verso(dir, &memory, &out, &[])));
    }
    let (raw, cold, warm) = (median(raw), median(cold), median(warm));
    let raw_warm = median(raw_warm);
    let (full_cold, full_warm) = (median(full_cold), median(full_warm));
    println!("corpus: {bytes} bytes, {words} words, 110 files; median of {runs} runs");
    println!("| run | seconds | words/s | ratio |");
    println!("|---|---:|---:|---:|");
    println!(
        "| raw `apertium -u eng-spa` | {raw:.2} | {:.0} | 1.00 × raw |",
        words as f64 / raw
    );
    println!(
        "| verso, cold memory (`--no-check --no-review`) | {cold:.2} | {:.0} | {:.2} × raw (target ≤ 1.15) |",
        words as f64 / cold,
        cold / raw
    );
    println!(
        "| verso, warm memory (`--no-check --no-review`) | {warm:.3} | {:.0} | {:.1} % of cold (target < 5 %) |",
        words as f64 / warm,
        100.0 * warm / cold
    );
    println!(
        "| verso, warm memory (`--no-check --no-review --no-localize`) | {raw_warm:.3} | {:.0} | {:.1} % of cold |",
        words as f64 / raw_warm,
        100.0 * raw_warm / cold
    );
    println!(
        "| verso default (checks, review pages), cold | {full_cold:.2} | {:.0} | {:.2} × raw |",
        words as f64 / full_cold,
        full_cold / raw
    );
    println!(
        "| verso default (checks, review pages), warm | {full_warm:.3} | {:.0} | {:.1} % of cold |",
        words as f64 / full_warm,
        100.0 * full_warm / full_cold
    );
}
