//! A running `verso serve` for the desk tests: a real server process on loopback over an
//! example article translated (pseudo) into a memory file, with reviewers added by the command
//! line.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{examples, loopback, succeed, verso};

pub const ARTICLE: &str = "frontline-artillery.md";

/// A running `verso serve`; killed (SIGKILL) when dropped.
pub struct Server {
    child: Child,
    /// The port it listens on.
    pub port: u16,
}

impl Server {
    pub fn start(dir: &Path) -> Server {
        Server::start_with(dir, &[])
    }

    pub fn start_with(dir: &Path, extra: &[&str]) -> Server {
        Server::start_on(dir, "mem.sqlite", extra)
    }

    /// A server on the memory at `memory` (a file in `dir`, or a PostgreSQL URL).
    pub fn start_on(dir: &Path, memory: &str, extra: &[&str]) -> Server {
        Server::serving(dir, &[ARTICLE], memory, extra)
    }

    /// A server over the articles at `paths` (in `dir`), on the memory at `memory`.
    pub fn serving(dir: &Path, paths: &[&str], memory: &str, extra: &[&str]) -> Server {
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .expect("a free port");
            let mut child = Command::new(env!("CARGO_BIN_EXE_verso"))
                .current_dir(dir)
                .arg("serve")
                .args(paths)
                .args(["--to", "es", "--memory", memory])
                .arg("--listen")
                .arg(format!("127.0.0.1:{port}"))
                .args(extra)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("verso serve starts");
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                if let Ok(Some(_)) = child.try_wait() {
                    break; // the port was taken after all: another one
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Server { child, port };
                }
                assert!(Instant::now() < deadline, "verso serve did not come up");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!("verso serve could not bind a port");
    }

    /// One HTTP/1.1 request; the status and the body.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> (u16, String) {
        loopback::request(self.port, method, path, headers, body)
    }

    pub fn save(
        &self,
        token: &str,
        block: usize,
        target: &str,
        version: i64,
        approve: bool,
    ) -> (u16, Value) {
        self.save_saying(token, block, target, version, approve, "")
    }

    /// A save with the reason an approval of a text with an error needs.
    pub fn save_saying(
        &self,
        token: &str,
        block: usize,
        target: &str,
        version: i64,
        approve: bool,
        reason: &str,
    ) -> (u16, Value) {
        let (status, body) = self.request(
            "POST",
            "/api/block",
            &[("X-Verso-Token", token)],
            Some(&json!({
                "locale": "es", "path": ARTICLE, "block": block,
                "target": target, "version": version, "approve": approve, "reason": reason
            })),
        );
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    pub fn block(&self, token: &str, block: usize) -> Value {
        let (status, body) = self.request(
            "GET",
            &format!("/api/block?locale=es&path={ARTICLE}&block={block}"),
            &[("X-Verso-Token", token)],
            None,
        );
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).expect("JSON")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn add_reviewer(dir: &Path, name: &str, role: &str) -> String {
    add_reviewer_to(dir, "mem.sqlite", name, role)
}

/// [`add_reviewer`] on the memory at `memory`.
pub fn add_reviewer_to(dir: &Path, memory: &str, name: &str, role: &str) -> String {
    let out = succeed(verso().current_dir(dir).args([
        "serve",
        "--memory",
        memory,
        "--add-reviewer",
        name,
        "--role",
        role,
    ]));
    let said = String::from_utf8_lossy(&out.stdout);
    said.trim()
        .rsplit_once("token=")
        .map(|(_, t)| t.to_string())
        .unwrap_or_else(|| panic!("a link with a token: {said}"))
}

/// `articles` (in `dir`) translated by `engine` into the desk's memory (`mem.sqlite`), no
/// checks, no pages: what a desk serves.
pub fn translate_into_memory(dir: &Path, articles: &[&str], engine: &str, extra: &[&str]) {
    translate_into(dir, "mem.sqlite", articles, engine, extra);
}

/// [`translate_into_memory`] on the memory at `memory`.
pub fn translate_into(dir: &Path, memory: &str, articles: &[&str], engine: &str, extra: &[&str]) {
    succeed(
        verso()
            .current_dir(dir)
            .arg("translate")
            .args(articles)
            .args(["--to", "es", "--engine", engine, "--memory", memory])
            .args(["--out", "out", "--no-review", "--no-check"])
            .args(extra),
    );
}

/// An article translated (pseudo) into the memory, and two reviewers.
pub fn desk() -> (tempfile::TempDir, String, String) {
    desk_with("pseudo", &[])
}

/// [`desk`] translated by `engine`, the run given `extra` arguments (a glossary: the server
/// must then be given the same one, as its memory keys are made with it).
pub fn desk_with(engine: &str, extra: &[&str]) -> (tempfile::TempDir, String, String) {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::copy(examples().join(ARTICLE), dir.join(ARTICLE)).expect("copy");
    translate_into_memory(dir, &[ARTICLE], engine, extra);
    let bo = add_reviewer(dir, "bo", "reviewer");
    let ana = add_reviewer(dir, "ana", "approver");
    (work, bo, ana)
}
