//! A loopback HTTP/1.1 server for engine tests and benchmarks: each test gives it a handler
//! that implements the part of a service's documented API it needs (request in, response
//! out), and reads back every request it received. Responses can be delayed, and bodies cut
//! short of their Content-Length, to play the faults real services have.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as received.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// Query parameters.
    pub query: HashMap<String, String>,
    /// Headers, names in lower case.
    pub headers: HashMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
    /// When it arrived, since the server started.
    pub at: Duration,
}

impl Request {
    /// The body as JSON (panics in the test if it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "request body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The body as a form.
    pub fn form(&self) -> HashMap<String, String> {
        parse_query(&String::from_utf8_lossy(&self.body))
    }

    /// A header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

/// A response to send.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Announce the full length but send only half the body, then close.
    pub truncate: bool,
}

impl Response {
    /// A JSON response.
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: value.to_string().into_bytes(),
            delay: Duration::ZERO,
            truncate: false,
        }
    }

    /// A plain response.
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: body.as_bytes().to_vec(),
            delay: Duration::ZERO,
            truncate: false,
        }
    }

    /// With a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Answered after `delay`.
    pub fn delayed(mut self, delay: Duration) -> Response {
        self.delay = delay;
        self
    }

    /// Cut short.
    pub fn truncated(mut self) -> Response {
        self.truncate = true;
        self
    }
}

type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// What the fakes answer for a tagged text: the text outside tags in capitals, tags and names
/// as they came — a visible, deterministic "translation" that keeps markup.
pub fn shout(text: &str) -> String {
    let mut out = String::new();
    let (mut in_tag, mut in_name) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<n ") {
            in_name = true;
        }
        if rest.starts_with("</n>") {
            in_name = false;
        }
        if c == '&'
            && let Some(end) = rest.find(';').filter(|e| *e < 10)
        {
            out.push_str(&rest[..=end]);
            rest = &rest[end + 1..];
            continue;
        }
        if c == '<' {
            in_tag = true;
        }
        if in_tag || in_name {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
        if c == '>' {
            in_tag = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The server; it runs until the test ends.
pub struct FakeServer {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

fn parse_query(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

fn read_request(stream: &mut TcpStream, started: Instant) -> Option<Request> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let header_end = loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..header_end]).to_string();
    let mut lines = head.lines();
    let first = lines.next()?;
    let mut parts = first.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while raw.len() < header_end + length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), parse_query(q)),
        None => (target, HashMap::new()),
    };
    Some(Request {
        method,
        path,
        query,
        headers,
        body: raw[header_end..(header_end + length).min(raw.len())].to_vec(),
        at: started.elapsed(),
    })
}

fn write_response(stream: &mut TcpStream, r: &Response) {
    if !r.delay.is_zero() {
        std::thread::sleep(r.delay);
    }
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        r.body.len()
    );
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let body = if r.truncate {
        &r.body[..r.body.len() / 2]
    } else {
        &r.body[..]
    };
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

impl FakeServer {
    /// Starts a server on a free loopback port.
    pub fn start(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("loopback port");
        let url = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("address").port()
        );
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let seen = Arc::clone(&requests);
        let started = Instant::now();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || {
                    let Some(request) = read_request(&mut stream, started) else {
                        return;
                    };
                    let response = handler(&request);
                    if let Ok(mut list) = seen.lock() {
                        list.push(request);
                    }
                    write_response(&mut stream, &response);
                });
            }
        });
        FakeServer { url, requests }
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        let mut list = self.requests.lock().map(|l| l.clone()).unwrap_or_default();
        list.sort_by_key(|r| r.at);
        list
    }

    /// The requests to one path.
    pub fn requests_to(&self, method: &str, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path == path)
            .collect()
    }
}
