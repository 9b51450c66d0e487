//! Load test of `verso serve` (`cargo bench --bench serve`; figures go in the README).
//!
//! The shipped examples translated (pseudo) into a fresh memory, 50 reviewers (5 of them
//! approvers), and one thread per reviewer for `VERSO_LOAD_SECONDS` (default 60): each loads a
//! random block, then saves it (approvers approve one save in four) with its own text on the
//! version it loaded — many land on a block another saved first and get 409, as on a desk.
//! Afterwards every accepted save must be in the history of its block with the version it was
//! answered, each version once: no lost update. Printed: saves accepted and refused per
//! second, and save latency p50/p95/p99.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::loopback;
use common::served::{Server, add_reviewer_to, translate_into};
use serde_json::{Value, json};

/// An accepted save: article, block, the version it was answered, its text.
type Accepted = (&'static str, usize, i64, String);
const REVIEWERS: usize = 50;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let seconds: u64 = std::env::var("VERSO_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let articles = root.join("examples/articles");
    let articles = articles.to_str().expect("utf-8");
    translate_into(dir, "mem.sqlite", &[articles], "pseudo", &[]);
    let tokens: Vec<(String, bool)> = (0..REVIEWERS)
        .map(|i| {
            let approver = i % 10 == 0;
            let role = if approver { "approver" } else { "reviewer" };
            let token = add_reviewer_to(dir, "mem.sqlite", &format!("r{i}"), role);
            (token, approver)
        })
        .collect();
    let server = Server::serving(
        dir,
        &[articles],
        "mem.sqlite",
        &["--max-saves-per-minute", "100000"],
    );
    let port = server.port;
    // Every block of every article, by asking until a block is not found.
    let paths = [
        "frontline-artillery.md",
        "korea-broadcasts.md",
        "alpine-rail.txt",
        "desk/grain-corridor.txt",
        "web/harbour-storm.html",
        "app/reader-app.ftl",
    ];
    let mut blocks = Vec::new();
    for path in paths {
        let mut b = 0;
        while loopback::request(
            port,
            "GET",
            &format!("/api/block?locale=es&path={path}&block={b}"),
            &[("X-Verso-Token", &tokens[0].0)],
            None,
        )
        .0 == 200
        {
            blocks.push((path, b));
            b += 1;
        }
    }
    let checker = tokens[0].0.clone();
    let blocks = Arc::new(blocks);
    let accepted: Arc<Mutex<Vec<Accepted>>> = Arc::default();
    // Latencies of accepted saves, and of saves refused as stale.
    let latencies: Arc<Mutex<(Vec<f64>, Vec<f64>)>> = Arc::default();
    let refused = Arc::new(Mutex::new(0usize));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let threads: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(i, (token, approver))| {
            let (blocks, accepted, latencies, refused) = (
                Arc::clone(&blocks),
                Arc::clone(&accepted),
                Arc::clone(&latencies),
                Arc::clone(&refused),
            );
            std::thread::spawn(move || {
                let mut rng = fastrand::Rng::with_seed(i as u64 + 1);
                let mut n = 0;
                while Instant::now() < deadline {
                    let (path, block) = blocks[rng.usize(..blocks.len())];
                    let (_, body) = loopback::request(
                        port,
                        "GET",
                        &format!("/api/block?locale=es&path={path}&block={block}"),
                        &[("X-Verso-Token", &token)],
                        None,
                    );
                    let b: Value = serde_json::from_str(&body).expect("JSON");
                    let Some(target) = b["target"].as_str() else {
                        continue;
                    };
                    n += 1;
                    // The block's text with this save's mark (the previous save's mark
                    // replaced, so texts keep their length).
                    let base = target.split(" ⟨").next().unwrap_or(target);
                    let text = format!("{base} ⟨r{i}-{n}⟩");
                    let approve = approver && n % 4 == 0;
                    let started = Instant::now();
                    let (status, answer) = loopback::request(
                        port,
                        "POST",
                        "/api/block",
                        &[("X-Verso-Token", &token)],
                        Some(&json!({
                            "locale": "es", "path": path, "block": block, "target": text,
                            "approve": approve, "version": b["version"],
                            // The pseudo text has errors: an approval says why.
                            "reason": "load test"
                        })),
                    );
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    let mut l = latencies.lock().expect("lock");
                    if status == 200 {
                        l.0.push(ms)
                    } else {
                        l.1.push(ms)
                    }
                    drop(l);
                    match status {
                        200 => {
                            let a: Value = serde_json::from_str(&answer).expect("JSON");
                            let version = a["version"].as_i64().expect("version");
                            accepted
                                .lock()
                                .expect("lock")
                                .push((path, block, version, text));
                        }
                        409 => *refused.lock().expect("lock") += 1,
                        other => panic!("save answered {other}: {answer}"),
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("reviewer thread");
    }
    // No lost update: each accepted save in its block's history, with its version, once.
    let accepted = accepted.lock().expect("lock").clone();
    let mut by_block: BTreeMap<(&str, usize), BTreeSet<(i64, String)>> = BTreeMap::new();
    for (path, block, version, text) in &accepted {
        assert!(
            by_block
                .entry((path, *block))
                .or_default()
                .insert((*version, text.clone())),
            "version {version} of {path}#{block} answered twice"
        );
    }
    let mut checked = 0;
    for ((path, block), saves) in &by_block {
        let (status, body) = loopback::request(
            port,
            "GET",
            &format!("/api/history?locale=es&path={path}&block={block}"),
            &[("X-Verso-Token", &checker)],
            None,
        );
        assert_eq!(status, 200, "{body}");
        let history: Value = serde_json::from_str(&body).expect("JSON");
        let stored: BTreeSet<(i64, String)> = history
            .as_array()
            .expect("list")
            .iter()
            .map(|h| {
                (
                    h["version"].as_i64().expect("version"),
                    h["after"].as_str().expect("text").to_string(),
                )
            })
            .collect();
        assert_eq!(
            stored.len(),
            history.as_array().map_or(0, Vec::len),
            "{path}#{block}: a version twice"
        );
        // Saved texts are stored in canonical form: compare without the block's markup.
        for (version, text) in saves {
            let mark = text.rsplit(" ⟨").next().unwrap_or(text);
            let found = stored
                .iter()
                .any(|(v, t)| v == version && t.ends_with(mark));
            assert!(
                found,
                "{path}#{block}: save {version} ({text}) is not in the memory"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, accepted.len());
    drop(server);
    let (mut lat, mut stale) = latencies.lock().expect("lock").clone();
    lat.sort_by(f64::total_cmp);
    stale.sort_by(f64::total_cmp);
    let refused = *refused.lock().expect("lock");
    println!(
        "{REVIEWERS} reviewers, {seconds} s, {} blocks: {} saves accepted ({:.1}/s), {refused} refused as stale (409, {:.1}/s)",
        blocks.len(),
        accepted.len(),
        accepted.len() as f64 / seconds as f64,
        refused as f64 / seconds as f64
    );
    println!(
        "accepted save latency: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms; refused (409): p50 {:.1} ms, p95 {:.1} ms",
        percentile(&lat, 0.5),
        percentile(&lat, 0.95),
        percentile(&lat, 0.99),
        percentile(&stale, 0.5),
        percentile(&stale, 0.95)
    );
    println!("every accepted save found in its block's history with its version: {checked}");
}
