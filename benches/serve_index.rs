//! The desk's index on a large batch (`cargo bench --bench serve_index`; figures go in the
//! README): 300 articles of 13 blocks translated (pseudo) into a memory, `verso serve` over
//! them, and the index page loaded: drawn (the first load, and the first after a save through
//! the server), and kept (every load until then). Printed: the best and median of each.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::served::{Server, add_reviewer_to, translate_into};
use serde_json::json;

const ARTICLES: usize = 300;

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
    translate_into(dir, "mem.sqlite", &["articles"], "pseudo", &[]);
    let token = add_reviewer_to(dir, "mem.sqlite", "ana", "approver");
    let server = Server::serving(dir, &["articles"], "mem.sqlite", &[]);
    let load = || {
        let started = Instant::now();
        let (status, body) = server.request("GET", "/", &[("X-Verso-Token", &token)], None);
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
        let (status, body) = server.request(
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
    drop(server);
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
