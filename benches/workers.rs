//! Workers against an engine (`cargo bench --bench workers`; figures go in the README).
//!
//! A loopback engine speaking LibreTranslate's API answers each request after 50 ms. It
//! limits each worker (told apart by its API key, as a paid service does) to 2 requests at
//! once, answering 429 beyond, and serves at most 16 requests in all (its own limit). A
//! batch of distinct paragraphs is split between 1, 2, 4 and 8 shard processes sharing one
//! memory, SQLite and then PostgreSQL (a throwaway cluster), each worker keeping its 2
//! requests in flight: printed, segments per second and the ratio to linear (N times one
//! worker's rate). Twice: with requests of 5 segments, where the engine's latency bounds a
//! worker, and of 25, where 8 workers need more CPU than this machine's cores have. Then the
//! memory's cost per segment lookup, SQLite against PostgreSQL, looking up every stored
//! segment in one call.

#[path = "../tests/common/fake_http.rs"]
mod fake_http;
#[path = "../tests/common/pg.rs"]
mod pg;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use fake_http::{FakeServer, Response, shout};
use serde_json::json;

const VERSO: &str = env!("CARGO_BIN_EXE_verso");
const ARTICLES: usize = 2000;
const PARAGRAPHS: usize = 4;
const ENGINE_LIMIT: usize = 16;
const PER_WORKER: usize = 2;
const DELAY: Duration = Duration::from_millis(50);

/// At most `ENGINE_LIMIT` requests served at once, the rest waiting their turn; at most
/// `PER_WORKER` of one API key at once, the rest refused with 429.
struct Gate {
    busy: Mutex<(usize, HashMap<String, usize>)>,
    free: Condvar,
    refused: AtomicUsize,
}

impl Gate {
    fn pass(&self, key: &str, f: impl FnOnce() -> Response) -> Response {
        let mut busy = self.busy.lock().expect("gate");
        if busy.1.get(key).copied().unwrap_or(0) >= PER_WORKER {
            self.refused.fetch_add(1, Ordering::Relaxed);
            return Response::json(429, &json!({"error": "Too many requests for this key"}));
        }
        *busy.1.entry(key.to_string()).or_default() += 1;
        while busy.0 >= ENGINE_LIMIT {
            busy = self.free.wait(busy).expect("gate");
        }
        busy.0 += 1;
        drop(busy);
        let out = f();
        let mut busy = self.busy.lock().expect("gate");
        busy.0 -= 1;
        if let Some(n) = busy.1.get_mut(key) {
            *n -= 1;
        }
        drop(busy);
        self.free.notify_one();
        out
    }
}

fn engine() -> (FakeServer, Arc<Gate>) {
    let gate = Arc::new(Gate {
        busy: Mutex::new((0, HashMap::new())),
        free: Condvar::new(),
        refused: AtomicUsize::new(0),
    });
    let g = Arc::clone(&gate);
    let server = FakeServer::start(move |req| match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/languages") => Response::json(
            200,
            &json!([{"code": "en", "name": "English", "targets": ["es"]},
                    {"code": "es", "name": "Spanish", "targets": ["en"]}]),
        ),
        ("POST", "/translate") => {
            let body = req.json();
            let key = body["api_key"].as_str().unwrap_or("").to_string();
            g.pass(&key, || {
                std::thread::sleep(DELAY);
                let texts: Vec<String> = body["q"]
                    .as_array()
                    .map(|q| q.iter().map(|t| shout(t.as_str().unwrap_or(""))).collect())
                    .unwrap_or_default();
                Response::json(200, &json!({ "translatedText": texts }))
            })
        }
        _ => Response::text(404, "no"),
    });
    (server, gate)
}

fn articles(dir: &Path) -> usize {
    for a in 0..ARTICLES {
        let folder = dir.join("articles").join(format!("d{}", a % 10));
        std::fs::create_dir_all(&folder).expect("mkdir");
        let text: String = (0..PARAGRAPHS)
            .map(|p| format!("Dispatch {a} paragraph {p}: the ferry left port at dawn.\n\n"))
            .collect();
        std::fs::write(folder.join(format!("a{a:04}.md")), text).expect("article");
    }
    ARTICLES * PARAGRAPHS
}

/// Seconds for `workers` shard processes to translate the batch into a fresh `memory`, in
/// requests of `batch` segments, each worker with an API key of its own.
fn run(dir: &Path, config: &Path, memory: &str, workers: usize, batch: usize) -> f64 {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let out = dir.join(format!("out-{}", RUNS.fetch_add(1, Ordering::Relaxed)));
    let started = Instant::now();
    let children: Vec<_> = (1..=workers)
        .map(|k| {
            Command::new(VERSO)
                .current_dir(dir)
                .env("LIBRETRANSLATE_API_KEY", format!("worker-{k}"))
                .args([
                    "translate",
                    "articles",
                    "--to",
                    "es",
                    "--engine",
                    "libretranslate",
                ])
                .arg("--config")
                .arg(config)
                .args(["--memory", memory, "--shard", &format!("{k}/{workers}")])
                .arg("--out")
                .arg(&out)
                .args(["--no-check", "--no-review", "--no-localize"])
                .args(["--jobs", &(batch * PER_WORKER).to_string()])
                .stdout(Stdio::null())
                // A file, not a pipe: a worker's lines about the files it wrote must never
                // wait for this process to read them (a full pipe stalls the worker).
                .stderr(std::fs::File::create(out.with_extension(format!("{k}.log"))).expect("log"))
                .spawn()
                .expect("verso starts")
        })
        .collect();
    for (k, mut child) in (1..=workers).zip(children) {
        let done = child.wait().expect("waited");
        assert!(
            done.success(),
            "{}",
            std::fs::read_to_string(out.with_extension(format!("{k}.log"))).unwrap_or_default()
        );
    }
    started.elapsed().as_secs_f64()
}

/// The largest shard's articles when `workers` shards split the batch, and the share of
/// linear that allows: a worker cannot finish before its own part is done.
fn split_bound(workers: usize) -> (usize, f64) {
    let mut load = vec![0usize; workers];
    for a in 0..ARTICLES {
        let relative = format!("d{}/a{a:04}.md", a % 10);
        let k = verso::shard::shard_of(Path::new(&relative), workers as u32);
        load[(k - 1) as usize] += 1;
    }
    let most = load.iter().copied().max().unwrap_or(1).max(1);
    (most, ARTICLES as f64 / (most * workers) as f64)
}

fn main() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let segments = articles(dir);
    let (server, gate) = engine();
    let cluster = pg::Cluster::start();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{segments} distinct segments; engine: {} ms a request, {PER_WORKER} at once per worker \
         (429 beyond), {ENGINE_LIMIT} in all; {cores} cores",
        DELAY.as_millis()
    );
    for batch in [5usize, 25] {
        let config = dir.join(format!("verso-{batch}.toml"));
        std::fs::write(
            &config,
            format!(
                "[engines.libretranslate]\nurl = \"{}\"\nbatch = {batch}\nconcurrency = {PER_WORKER}\n",
                server.url
            ),
        )
        .expect("config");
        println!("requests of {batch} segments:");
        if batch == 5 {
            for workers in [2usize, 4, 8] {
                let (most, bound) = split_bound(workers);
                println!(
                    "  the split: {workers} shards, the largest of {most} articles for {} on \
                     average (at most {bound:.2}× linear)",
                    ARTICLES / workers
                );
            }
        }
        for kind in ["sqlite", "postgresql"] {
            let mut one = 0.0;
            for workers in [1usize, 2, 4, 8] {
                let memory = match kind {
                    "sqlite" => dir
                        .join(format!("m{workers}-{batch}.sqlite"))
                        .display()
                        .to_string(),
                    _ => cluster.database(&format!("w{workers}_{batch}")),
                };
                let seconds = run(dir, &config, &memory, workers, batch);
                let rate = segments as f64 / seconds;
                if workers == 1 {
                    one = rate;
                }
                let linear = rate / (one * workers as f64);
                println!(
                    "  {kind:<10} {workers} workers: {seconds:6.2} s, {rate:7.0} segments/s, \
                     {linear:.2}× linear, {:.2} of what the split allows",
                    linear / split_bound(workers).1
                );
            }
        }
    }
    println!(
        "requests refused for going over a worker's limit: {}",
        gate.refused.load(Ordering::Relaxed)
    );
    // A worker's own time, every segment already in the memory: what it spends besides
    // waiting for the engine (start, reading, segmenting, looking up, writing).
    for kind in ["sqlite", "postgresql"] {
        let memory = match kind {
            "sqlite" => dir.join("m1-5.sqlite").display().to_string(),
            _ => cluster.url_of("w1_5"),
        };
        let seconds = run(dir, &dir.join("verso-5.toml"), &memory, 1, 5);
        println!("{kind:<10} one worker, all {segments} segments in the memory: {seconds:.2} s");
    }
    // The cost of one lookup, each memory holding the whole batch, once the server has its
    // table statistics (autovacuum gathers them within a minute of the inserts; until then the
    // planner takes the fresh table for an empty one and scans it).
    cluster.sql(&cluster.url_of("w8_25"), "ANALYZE");
    let sqlite = verso::memory::Memory::open(&dir.join("m8-25.sqlite")).expect("sqlite");
    let postgres = verso::memory::Memory::open_at(&cluster.url_of("w8_25")).expect("postgresql");
    let keys: Vec<String> = sqlite
        .entries()
        .expect("entries")
        .iter()
        .map(|e| e.source.key())
        .collect();
    let pair = verso::backend::LanguagePair {
        source: "en".parse().expect("tag"),
        target: "es".parse().expect("tag"),
    };
    for (name, memory) in [("sqlite", &sqlite), ("postgresql", &postgres)] {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let started = Instant::now();
            let found = memory.lookup_best(&pair, &keys).expect("lookup");
            assert_eq!(found.len(), keys.len(), "{name} holds the whole batch");
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name:<10} lookup: {:.1} µs a segment ({} segments in one call)",
            best * 1e6 / keys.len() as f64,
            keys.len()
        );
    }
}
