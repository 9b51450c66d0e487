//! The desk's index on a large batch (`cargo bench --bench serve_index`; figures go in the
//! README): 300 articles of 13 blocks translated (pseudo) into a memory, `verso serve` over
//! them, and the index page loaded: drawn (the first load, and the first after a save through
//! the server), and kept (every load until then). Printed: the best and median of each.

#[path = "../tests/common/loopback.rs"]
mod loopback;

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

const VERSO: &str = env!("CARGO_BIN_EXE_verso");
const ARTICLES: usize = 300;

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(VERSO)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn main() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).expect("mkdir");
    for a in 0..ARTICLES {
        let text: String = (0..12)
            .map(|p| {
                format!(
                    "Dispatch {a}, part {p}: the ferry left port at dawn on March {}, 2024, \
                     carrying {} passengers.\n\n",
                    p + 1,
                    a * 3 + p
                )
            })
            .collect();
        std::fs::write(
            folder.join(format!("a{a:03}.md")),
            format!("# Dispatch {a}\n\n{text}"),
        )
        .expect("article");
    }
    run(
        dir,
        &[
            "translate",
            "articles",
            "--to",
            "es",
            "--engine",
            "pseudo",
            "--memory",
            "mem.sqlite",
            "--out",
            "out",
            "--no-review",
            "--no-check",
        ],
    );
    let said = run(
        dir,
        &[
            "serve",
            "--memory",
            "mem.sqlite",
            "--add-reviewer",
            "ana",
            "--role",
            "approver",
        ],
    );
    let token = said
        .trim()
        .rsplit_once("token=")
        .expect("a link")
        .1
        .to_string();
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a port")
        .port();
    let mut server = Command::new(VERSO)
        .current_dir(dir)
        .args(["serve", "articles", "--to", "es", "--memory", "mem.sqlite"])
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("verso serve starts");
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        std::thread::sleep(Duration::from_millis(100));
    }
    let load = || {
        let started = Instant::now();
        let (status, body) =
            loopback::request(port, "GET", "/", &[("X-Verso-Token", &token)], None);
        assert_eq!(status, 200);
        assert_eq!(body.matches(" data-status=").count(), ARTICLES);
        started.elapsed().as_secs_f64() * 1000.0
    };
    let (mut drawn, mut kept) = (Vec::new(), Vec::new());
    for round in 0..5 {
        drawn.push(load());
        for _ in 0..5 {
            kept.push(load());
        }
        // A save through the server: the next load draws the index again.
        let (status, body) = loopback::request(
            port,
            "POST",
            "/api/block",
            &[("X-Verso-Token", &token)],
            Some(&json!({
                "locale": "es", "path": "a000.md", "block": 1,
                "target": format!("Texto revisado {round}."), "version": round,
                "approve": false, "reason": ""
            })),
        );
        assert_eq!(status, 200, "{body}");
    }
    let _ = server.kill();
    let _ = server.wait();
    for (name, mut ms) in [("drawn", drawn), ("kept", kept)] {
        ms.sort_by(f64::total_cmp);
        println!(
            "index of {ARTICLES} articles, {name}: best {:.1} ms, median {:.1} ms ({} loads)",
            ms[0],
            ms[ms.len() / 2],
            ms.len()
        );
    }
}
