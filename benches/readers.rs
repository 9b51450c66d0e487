//! Format readers benchmark (`cargo bench --bench readers`; figures go in the README).
//!
//! Each reader on real files of its format — the Markdown corpus, the HTML pages and article
//! bodies, Firefox's Fluent strings (`tests/data/`) — read into blocks and written back from
//! the blocks' own source (what `identity` does), repeated until about 20 MB have gone
//! through: MB/s, median of `VERSO_BENCH_RUNS` runs (default 3). Then one HTML page and the
//! Fluent file repeated 1, 4 and 16 times in one document: time per MB should stay flat
//! (linear reading).

use std::path::{Path, PathBuf};
use std::time::Instant;

use verso::format::{self, ReadOptions};

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ext.contains(&x))
        })
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn runs() -> usize {
    std::env::var("VERSO_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Seconds to read and write back `texts` `times` times.
fn time(format: format::Format, texts: &[String], times: usize) -> f64 {
    let options = ReadOptions::default();
    let start = Instant::now();
    let mut blocks = 0;
    for _ in 0..times {
        for t in texts {
            let doc = format.parse(t.clone(), &options);
            blocks += doc.blocks.len();
            assert_eq!(doc.render_source().len(), t.len());
        }
    }
    assert!(blocks > 0);
    start.elapsed().as_secs_f64()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let sets = [
        (
            "Markdown",
            format::MARKDOWN,
            files(&root.join("markdown-corpus"), &["md"]),
        ),
        (
            "HTML",
            format::html::HTML,
            files(&root.join("html-corpus"), &["html"]),
        ),
        (
            "Fluent",
            format::fluent::FLUENT,
            files(&root.join("fluent-corpus"), &["ftl"]),
        ),
    ];
    println!(
        "| format | files | MB per pass | passes | MB/s (median of {}) |",
        runs()
    );
    println!("|---|---:|---:|---:|---:|");
    for (name, fmt, paths) in &sets {
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("readable"))
            .collect();
        let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let passes = ((20.0 / mb).ceil() as usize).max(1);
        let secs = median((0..runs()).map(|_| time(*fmt, &texts, passes)).collect());
        println!(
            "| {name} | {} | {mb:.2} | {passes} | {:.1} |",
            texts.len(),
            mb * passes as f64 / secs
        );
    }
    println!();
    println!("| document | × 1 s/MB | × 4 s/MB | × 16 s/MB |");
    println!("|---|---:|---:|---:|");
    for (name, fmt, path) in [
        (
            "bbc-1.html",
            format::html::HTML,
            root.join("html-corpus/pages/bbc-1.html"),
        ),
        (
            "gecko_strings.ftl",
            format::fluent::FLUENT,
            root.join("fluent-corpus/gecko_strings.ftl"),
        ),
    ] {
        let one = std::fs::read_to_string(&path).expect("readable");
        let cells: Vec<String> = [1, 4, 16]
            .iter()
            .map(|&n| {
                let text = one.repeat(n);
                let mb = text.len() as f64 / 1e6;
                let secs = median(
                    (0..runs())
                        .map(|_| time(fmt, std::slice::from_ref(&text), 1))
                        .collect(),
                );
                format!("{:.3}", secs / mb)
            })
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
}
