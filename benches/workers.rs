//! Workers against an engine (`cargo bench --bench workers`; figures go in the README).
//!
//! A loopback engine speaking LibreTranslate's API answers each request after 50 ms and
//! serves at most 16 requests at once (its own limit); each verso worker keeps 2 requests of
//! 25 segments in flight (the engine's per-worker concurrency). A batch of distinct
//! paragraphs is split between 1, 2, 4 and 8 shard processes sharing one memory, SQLite and
//! then PostgreSQL (a throwaway cluster): printed, segments per second and the ratio to
//! linear (N times one worker's rate). Then the memory's cost per segment lookup, SQLite
//! against PostgreSQL, looking up every stored segment in one call.

#[path = "../tests/common/fake_http.rs"]
mod fake_http;
#[path = "../tests/common/pg.rs"]
mod pg;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use fake_http::{FakeServer, Response, shout};
use serde_json::json;

const VERSO: &str = env!("CARGO_BIN_EXE_verso");
const ARTICLES: usize = 320;
const PARAGRAPHS: usize = 25;
const ENGINE_LIMIT: usize = 16;
const DELAY: Duration = Duration::from_millis(50);

/// At most `ENGINE_LIMIT` requests served at once, the rest waiting their turn.
struct Gate {
    busy: Mutex<usize>,
    free: Condvar,
}

impl Gate {
    fn pass<T>(&self, f: impl FnOnce() -> T) -> T {
        let mut busy = self.busy.lock().expect("gate");
        while *busy >= ENGINE_LIMIT {
            busy = self.free.wait(busy).expect("gate");
        }
        *busy += 1;
        drop(busy);
        let out = f();
        *self.busy.lock().expect("gate") -= 1;
        self.free.notify_one();
        out
    }
}

fn engine() -> FakeServer {
    let gate = Arc::new(Gate {
        busy: Mutex::new(0),
        free: Condvar::new(),
    });
    FakeServer::start(move |req| match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/languages") => Response::json(
            200,
            &json!([{"code": "en", "name": "English", "targets": ["es"]},
                    {"code": "es", "name": "Spanish", "targets": ["en"]}]),
        ),
        ("POST", "/translate") => gate.pass(|| {
            std::thread::sleep(DELAY);
            let body = req.json();
            let texts: Vec<String> = body["q"]
                .as_array()
                .map(|q| q.iter().map(|t| shout(t.as_str().unwrap_or(""))).collect())
                .unwrap_or_default();
            Response::json(200, &json!({ "translatedText": texts }))
        }),
        _ => Response::text(404, "no"),
    })
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

/// Seconds for `workers` shard processes to translate the batch into a fresh `memory`.
fn run(dir: &Path, config: &Path, memory: &str, workers: usize) -> f64 {
    let out = dir.join(format!("out-{workers}-{}", memory.len()));
    let started = Instant::now();
    let children: Vec<_> = (1..=workers)
        .map(|k| {
            Command::new(VERSO)
                .current_dir(dir)
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
                .args(["--no-check", "--no-review", "--no-localize", "--jobs", "50"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("verso starts")
        })
        .collect();
    for child in children {
        let done = child.wait_with_output().expect("waited");
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
    started.elapsed().as_secs_f64()
}

fn main() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let segments = articles(dir);
    let server = engine();
    let config = dir.join("verso.toml");
    std::fs::write(
        &config,
        format!("[engines.libretranslate]\nurl = \"{}\"\n", server.url),
    )
    .expect("config");
    let cluster = pg::Cluster::start();
    println!(
        "{segments} distinct segments; engine: {} ms a request of up to 25, {ENGINE_LIMIT} at once; \
         2 requests in flight per worker",
        DELAY.as_millis()
    );
    for kind in ["sqlite", "postgresql"] {
        let mut one = 0.0;
        for workers in [1usize, 2, 4, 8] {
            let memory = match kind {
                "sqlite" => dir.join(format!("m{workers}.sqlite")).display().to_string(),
                _ => cluster.database(&format!("w{workers}")),
            };
            let seconds = run(dir, &config, &memory, workers);
            let rate = segments as f64 / seconds;
            if workers == 1 {
                one = rate;
            }
            println!(
                "{kind:<10} {workers} workers: {seconds:6.2} s, {rate:7.0} segments/s, {:.2}× linear",
                rate / (one * workers as f64)
            );
        }
    }
    // The cost of one lookup, each memory holding the whole batch, once the server has its
    // table statistics (autovacuum gathers them within a minute of the inserts; until then the
    // planner takes the fresh table for an empty one and scans it).
    cluster.sql(&cluster.url_of("w8"), "ANALYZE");
    let sqlite = verso::memory::Memory::open(&dir.join("m8.sqlite")).expect("sqlite");
    let postgres = verso::memory::Memory::open_at(&cluster.url_of("w8")).expect("postgresql");
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
