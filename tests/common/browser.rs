//! A real headless Chromium, driven over WebDriver by chromedriver (Debian packages `chromium`
//! and `chromium-driver`). A small HTTP/1.1 client over loopback is all WebDriver needs.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A browser session; the driver is killed on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .chain([
                PathBuf::from("/usr/bin").join(n),
                PathBuf::from("/usr/lib/chromium").join(n),
            ])
            .find(|p| p.is_file())
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// One HTTP request to the driver; returns the JSON body.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // chromedriver keeps connections open: read the header, then exactly the body.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let header_end = loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the header".into());
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..header_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let body = &raw[header_end..];
        let complete = match length {
            Some(len) => body.len() >= len,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            break;
        }
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let rest = String::from_utf8_lossy(&raw[header_end..]).to_string();
    let body = if chunked { dechunk(&rest) } else { rest };
    serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n.min(after.len())]);
        rest = after.get(n + 2..).unwrap_or("");
    }
    out
}

/// WebDriver's Control key.
pub const CONTROL: &str = "\u{E009}";
/// WebDriver's Shift key.
pub const SHIFT: &str = "\u{E008}";
/// WebDriver's Alt key.
pub const ALT: &str = "\u{E00A}";
/// WebDriver's Enter key.
pub const ENTER: &str = "\u{E007}";
/// WebDriver's ArrowDown key.
pub const ARROW_DOWN: &str = "\u{E015}";
/// WebDriver's ArrowUp key.
pub const ARROW_UP: &str = "\u{E013}";

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile.
    pub fn start() -> Browser {
        let driver_bin = find(&["chromedriver"]).expect(
            "chromedriver not found: the browser tests need the Debian packages chromium and \
             chromium-driver (scripts/setup.sh installs them)",
        );
        let chromium = find(&["chromium", "chromium-browser", "google-chrome"])
            .expect("chromium not found (scripts/setup.sh installs it)");
        let port = free_port();
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        // Killed on drop from here on, even if the session cannot be made.
        let mut driver = DriverGuard(Some(driver));
        let deadline = Instant::now() + Duration::from_secs(20);
        while http(port, "GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.display().to_string(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1400,1800",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let reply = http(port, "POST", "/session", Some(&caps)).expect("new session");
        let session = reply["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {reply}"))
            .to_string();
        Browser {
            driver: driver.0.take().expect("the driver"),
            port,
            session,
            _profile: profile,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let reply = http(self.port, method, &path, body).expect("webdriver call");
        if reply["value"]["error"].is_string() {
            panic!("webdriver {method} {path}: {}", reply["value"]);
        }
        reply["value"].clone()
    }

    /// Opens a local file.
    pub fn open(&self, file: &Path) {
        let url = format!(
            "file://{}",
            file.canonicalize().expect("page exists").display()
        );
        self.call("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Opens an address (a page `verso serve` serves).
    pub fn open_url(&self, url: &str) {
        self.call("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Runs a script in the page (`arguments` are `args`); returns its result.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": args})),
        )
    }

    /// Runs an async script: it calls `arguments[arguments.length - 1]` with its result.
    pub fn run_async(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(&json!({"script": script, "args": args})),
        )
    }

    /// Clicks the first element matching a CSS selector, as a user would.
    pub fn click(&self, selector: &str) {
        let found = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": selector})),
        );
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {selector}"))
            .to_string();
        self.call("POST", &format!("/element/{id}/click"), Some(&json!({})));
    }

    /// Presses keys together, as a user would, on the focused element: WebDriver key values
    /// ([`CONTROL`], [`SHIFT`], [`ALT`], [`ENTER`], [`ARROW_DOWN`], [`ARROW_UP`] or a character).
    pub fn press(&self, keys: &[&str]) {
        let mut actions: Vec<Value> = keys
            .iter()
            .map(|k| json!({"type": "keyDown", "value": k}))
            .collect();
        actions.extend(
            keys.iter()
                .rev()
                .map(|k| json!({"type": "keyUp", "value": k})),
        );
        self.call(
            "POST",
            "/actions",
            Some(&json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Types text into the first element matching a CSS selector.
    pub fn type_into(&self, selector: &str, text: &str) {
        let found = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": selector})),
        );
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {selector}"))
            .to_string();
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(&json!({ "text": text })),
        );
    }

    /// The browser console since the last call: (level, message).
    pub fn console(&self) -> Vec<(String, String)> {
        let logs = self.call("POST", "/se/log", Some(&json!({"type": "browser"})));
        logs.as_array()
            .into_iter()
            .flatten()
            .map(|l| {
                (
                    l["level"].as_str().unwrap_or_default().to_string(),
                    l["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.call("GET", "/screenshot", None);
        decode_base64(b64.as_str().unwrap_or_default())
    }
}

/// Kills chromedriver unless handed on to a [`Browser`].
struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn decode_base64(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}
