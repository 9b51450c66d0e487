//! HTTP engine benchmark (`cargo bench --bench http`; figures go in the README).
//!
//! 2,000 distinct paragraphs (20 articles × 100) through `verso translate --engine
//! libretranslate` against a loopback server that answers each request after 50 ms, ten
//! paragraphs per request (200 requests):
//! - at concurrency 8 and 32, verso's wall time against the ideal, requests ÷ concurrency ×
//!   50 ms (target: at least 90 % of ideal);
//! - at concurrency 32 with 30 % of requests answered 429 or 503: the batch completes, every
//!   paragraph is answered exactly once, and a rerun asks for nothing.
//!
//! Not a test: nothing here fails on a slow machine, but the exactly-once counts are asserted.

#[path = "../tests/common/fake_http.rs"]
mod fake_http;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_http::{FakeServer, Response, shout};
use serde_json::json;

const ARTICLES: usize = 20;
const PARAGRAPHS: usize = 100;
const PER_REQUEST: usize = 10;
const LATENCY: Duration = Duration::from_millis(50);

/// Texts answered with 200, and how often each.
type Answered = Arc<Mutex<HashMap<String, usize>>>;

fn server(faults: bool, answered: Answered) -> FakeServer {
    let n = AtomicUsize::new(0);
    FakeServer::start(move |r| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        if faults && i % 10 < 3 {
            let status = if i.is_multiple_of(2) { 429 } else { 503 };
            return Response::json(status, &json!({"error": "busy"})).delayed(LATENCY);
        }
        let q = r.json()["q"].as_array().cloned().unwrap_or_default();
        let out: Vec<String> = q
            .iter()
            .map(|t| {
                let t = t.as_str().unwrap_or_default();
                if let Ok(mut seen) = answered.lock() {
                    *seen.entry(t.to_string()).or_default() += 1;
                }
                shout(t)
            })
            .collect();
        Response::json(200, &json!({ "translatedText": out })).delayed(LATENCY)
    })
}

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir).expect("corpus dir");
    for a in 0..ARTICLES {
        let text: String = (0..PARAGRAPHS)
            .map(|p| {
                format!(
                    "Report {a}-{p}: the brigade moved {} trucks and {} soldiers near the border on Monday.\n\n",
                    10 + p,
                    100 * (a + 1)
                )
            })
            .collect();
        std::fs::write(dir.join(format!("article-{a:02}.md")), text).expect("article");
    }
}

/// Runs verso; returns the process's wall time, verso's own batch time (the report's
/// `totals.seconds`: from reading the inputs to the last file written), and success.
fn run(dir: &Path, url: &str, concurrency: usize, tag: &str) -> (f64, f64, bool) {
    std::fs::write(
        dir.join("verso.toml"),
        format!(
            "[engines.libretranslate]\nurl = \"{url}\"\nbatch = {PER_REQUEST}\nconcurrency = {concurrency}\n\
             backoff_ms = 100\nretries = 10\n"
        ),
    )
    .expect("config");
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_verso"))
        .current_dir(dir)
        .args([
            "translate",
            "corpus",
            "--to",
            "es",
            "--engine",
            "libretranslate",
        ])
        .args([
            "--out",
            &format!("out-{tag}"),
            "--memory",
            &format!("{tag}.sqlite"),
        ])
        .args(["--no-check", "--no-review", "--jobs", "1"])
        .args(["--report", &format!("{tag}.json")])
        .output()
        .expect("verso runs");
    let secs = start.elapsed().as_secs_f64();
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{tag}.json"))).unwrap_or_default(),
    )
    .unwrap_or_default();
    let batch = report["totals"]["seconds"].as_f64().unwrap_or(f64::NAN);
    (secs, batch, out.status.success())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path();
    write_corpus(&dir.join("corpus"));
    let total = ARTICLES * PARAGRAPHS;
    let requests = total.div_ceil(PER_REQUEST);
    println!(
        "{total} paragraphs, {PER_REQUEST} per request ({requests} requests), {} ms per reply",
        LATENCY.as_millis()
    );
    println!("| concurrency | ideal s | process s | % of ideal | batch s | % of ideal |");
    for concurrency in [8, 32] {
        let answered: Answered = Arc::default();
        let server = server(false, Arc::clone(&answered));
        let (secs, batch, ok) = run(dir, &server.url, concurrency, &format!("c{concurrency}"));
        assert!(ok, "the run completes");
        let ideal = requests.div_ceil(concurrency) as f64 * LATENCY.as_secs_f64();
        println!(
            "| {concurrency} | {ideal:.3} | {secs:.3} | {:.1} % | {batch:.3} | {:.1} % |",
            100.0 * ideal / secs,
            100.0 * ideal / batch
        );
        assert_eq!(
            server.requests().len(),
            requests,
            "one request per ten paragraphs"
        );
        if std::env::var_os("VERSO_BENCH_TRACE").is_some() {
            let at: Vec<u128> = server.requests().iter().map(|r| r.at.as_millis()).collect();
            eprintln!("arrivals (ms since server start): {at:?}");
        }
    }

    let answered: Answered = Arc::default();
    let server = server(true, Arc::clone(&answered));
    let (secs, _, ok) = run(dir, &server.url, 32, "faults");
    assert!(ok, "the run completes despite the faults");
    let sent = server.requests().len();
    let seen = answered.lock().map(|a| a.clone()).unwrap_or_default();
    let twice = seen.values().filter(|n| **n > 1).count();
    println!(
        "30 % answered 429/503, concurrency 32: {secs:.3} s, {sent} requests for {requests} \
         batches, {} paragraphs answered, {twice} answered twice",
        seen.len()
    );
    assert_eq!(seen.len(), total, "every paragraph answered");
    assert_eq!(twice, 0, "none answered twice");
    let (_, _, ok) = run(dir, &server.url, 32, "faults");
    assert!(ok);
    let again = server.requests().len() - sent;
    println!("rerun: {again} requests");
    assert_eq!(again, 0, "nothing asked again that was stored");
}
