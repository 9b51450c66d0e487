//! Glossary matcher benchmark (`cargo bench --bench matcher`; figures go in the README).
//!
//! A generated glossary (names and inflecting terms, a few case-sensitive, some admitted and
//! forbidden forms) is matched over generated article text cut into paragraph-sized blocks, as
//! enforcement and the checks use it. Reported: build time, throughput in MB/s, time against
//! text size (should be linear) and against glossary size from 1,000 to 100,000 concepts
//! (should stay within ±15 %). The share of sentences naming a concept is held constant, so a
//! bigger glossary does not mean more matches. Median of `VERSO_BENCH_RUNS` runs (default 3).
//! Last, loading: the 100,000-concept glossary written as TOML, CSV and TBX and read back with
//! `glossary::load`, as every command that takes `--glossary` does (target: under 2 s).

#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::time::Instant;

use verso::glossary::{Concept, FileFormat, Glossary, Kind, LoadOptions, Term};
use verso::matcher::Matcher;

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vel", "min", "tor", "sa", "lu", "bre", "dan", "ko", "vi", "zel", "mar", "ten",
    "os", "rik", "pa", "lo", "gri", "sen", "ul", "ber", "nia", "dor",
];

fn word(rng: &mut corpus::Rng) -> String {
    let n = 2 + rng.below(3);
    (0..n).map(|_| rng.pick(SYLLABLES)).collect()
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn glossary(size: usize, seed: u64) -> (Glossary, Vec<String>) {
    let mut rng = corpus::Rng::new(seed);
    let mut concepts = Vec::with_capacity(size);
    let mut forms = Vec::with_capacity(size);
    for i in 0..size {
        let kind = if i % 3 == 0 { Kind::Term } else { Kind::Person };
        let words = 1 + rng.below(3);
        let mut text: Vec<String> = (0..words).map(|_| word(&mut rng)).collect();
        if kind != Kind::Term {
            text = text.iter().map(|w| capitalized(w)).collect();
        }
        let text =
            format!("{} {i:x}", text.join(" ")).replace(' ', if i % 2 == 0 { " " } else { "-" });
        let mut c = Concept::new(format!("c{i}"), kind);
        c.case_sensitive = i % 20 == 0;
        let en = c.terms.entry("en".into()).or_default();
        en.preferred = Some(Term::new(text.clone()));
        if i % 4 == 0 {
            en.admitted.push(Term::new(format!("{}x", word(&mut rng))));
        }
        if i % 7 == 0 {
            en.forbidden.push(Term::new(format!("{}z", word(&mut rng))));
        }
        forms.push(text);
        concepts.push(c);
    }
    (Glossary { concepts }, forms)
}

/// Paragraph blocks totalling `bytes`, with one sentence in five naming a concept.
fn text(bytes: usize, forms: &[String], seed: u64) -> Vec<String> {
    let mut rng = corpus::Rng::new(seed);
    let mut blocks = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut block = String::new();
        for _ in 0..4 {
            block.push_str(&corpus::sentence(&mut rng));
            block.push(' ');
            if rng.below(5) == 0 {
                block.push_str(&format!(
                    "Officials met {} on Monday. ",
                    forms[rng.below(forms.len())]
                ));
            }
        }
        total += block.len();
        blocks.push(block);
    }
    blocks
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Seconds to match every block, and the number of hits.
fn time_find(m: &Matcher, blocks: &[String], runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut hits = 0;
    for _ in 0..runs {
        let start = Instant::now();
        hits = blocks.iter().map(|b| m.find(b).len()).sum();
        times.push(start.elapsed().as_secs_f64());
    }
    (median(times), hits)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = std::env::var("VERSO_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    const MB: usize = 1_000_000;

    let (big, big_forms) = glossary(100_000, 7);
    let start = Instant::now();
    let matcher = Matcher::new(&big, "en", None);
    let build = start.elapsed().as_secs_f64();
    println!(
        "glossary: 100,000 concepts, {} forms; matcher build {build:.2} s",
        big.concepts
            .iter()
            .map(|c| c.terms["en"].all().count())
            .sum::<usize>()
    );

    println!("\n| text | seconds | MB/s | hits |");
    println!("|---:|---:|---:|---:|");
    let mut per_mb = Vec::new();
    for size in [1, 2, 5, 10] {
        let blocks = text(size * MB, &big_forms, 11);
        let (secs, hits) = time_find(&matcher, &blocks, runs);
        per_mb.push(secs / size as f64);
        println!(
            "| {size} MB | {secs:.2} | {:.1} | {hits} |",
            size as f64 / secs
        );
    }
    let spread = per_mb.iter().cloned().fold(0.0, f64::max)
        / per_mb.iter().cloned().fold(f64::MAX, f64::min);
    println!("linearity: seconds per MB vary by a factor of {spread:.2} from 1 to 10 MB");

    println!("\n| concepts | build s | 10 MB seconds | MB/s | vs 100,000 |");
    println!("|---:|---:|---:|---:|---:|");
    let mut results = Vec::new();
    for size in [1_000, 10_000, 100_000] {
        let (g, forms) = glossary(size, 7);
        let start = Instant::now();
        let m = Matcher::new(&g, "en", None);
        let build = start.elapsed().as_secs_f64();
        let blocks = text(10 * MB, &forms, 11);
        let (secs, _) = time_find(&m, &blocks, runs);
        results.push((size, build, secs));
    }
    let reference = results.last().map_or(1.0, |r| r.2);
    for (size, build, secs) in results {
        println!(
            "| {size} | {build:.2} | {secs:.2} | {:.1} | {:+.1} % |",
            10.0 / secs,
            100.0 * (secs - reference) / reference
        );
    }

    // Loading: each format written once, then read back (median of the runs).
    let (mut big, _) = glossary(100_000, 7);
    for (i, c) in big.concepts.iter_mut().enumerate() {
        let es = c.terms.entry("es".into()).or_default();
        es.preferred = Some(Term::new(format!("es-{i}")));
    }
    let dir = std::env::temp_dir().join(format!("verso-bench-load-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    println!("\n| 100,000 concepts | file | load seconds |");
    println!("|---|---:|---:|");
    for (name, format) in [
        ("toml", FileFormat::Toml),
        ("csv", FileFormat::Csv),
        ("tbx", FileFormat::Tbx),
    ] {
        let path = dir.join(format!("glossary.{name}"));
        if std::fs::write(&path, verso::glossary::write(&big, format, "en")).is_err() {
            continue;
        }
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let mut times = Vec::new();
        let mut loaded = 0;
        for _ in 0..runs {
            let start = Instant::now();
            loaded = verso::glossary::load(&path, &LoadOptions::default())
                .map_or(0, |g| g.concepts.len());
            times.push(start.elapsed().as_secs_f64());
        }
        println!(
            "| {name} ({loaded} read) | {:.1} MB | {:.2} |",
            size as f64 / 1e6,
            median(times)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
