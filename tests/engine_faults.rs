//! Network engines under faults: what a service answered is never paid for twice, garbage is
//! never stored, and a fatal error keeps the answers of requests already in flight.
//!
//! The loopback servers implement each API's request and reply shapes. Faults are chosen from
//! a hash of (seed, request body, how many times that body was seen), so a seed gives the same
//! faults whatever order concurrent requests arrive in.

mod common;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_http::{FakeServer, Request, Response, shout};
use serde_json::{Value, json};
use verso::backend::http::markup;
use verso::memory::Memory;

const KEY: &str = "SECRET-fault-key-0815:fx";
const ARTICLES: usize = 8;

/// The services, by the shape of their requests and replies.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Deepl,
    Google,
    Libre,
    Chat,
    Apy,
}

impl Shape {
    fn engine(self) -> &'static str {
        match self {
            Shape::Deepl => "deepl",
            Shape::Google => "google",
            Shape::Libre => "libretranslate",
            Shape::Chat => "openai",
            Shape::Apy => "apy",
        }
    }

    /// The configuration: small batches of different sizes, quick retries, a 1 s timeout.
    fn config(self, url: &str) -> String {
        let (table, url, batch) = match self {
            Shape::Deepl => ("deepl", url.to_string(), 3),
            Shape::Google => ("google", format!("{url}/language/translate/v2"), 2),
            Shape::Libre => ("libretranslate", url.to_string(), 1),
            Shape::Chat => ("openai", format!("{url}/v1"), 4),
            Shape::Apy => ("apy", url.to_string(), 1),
        };
        let model = if self == Shape::Chat {
            "model = \"m\"\n"
        } else {
            ""
        };
        let glossary = if self == Shape::Deepl {
            "glossary = false\n"
        } else {
            ""
        };
        format!(
            "[engines.{table}]\nurl = \"{url}\"\nbatch = {batch}\nconcurrency = 4\n\
             timeout_seconds = 1\nretries = 8\nbackoff_ms = 10\n{model}{glossary}"
        )
    }

    /// The texts a translation request carries.
    fn texts(self, r: &Request) -> Vec<String> {
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|t| t.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        match self {
            Shape::Deepl => strings(&r.json()["text"]),
            Shape::Google | Shape::Libre => strings(&r.json()["q"]),
            Shape::Apy => vec![r.form().get("q").cloned().unwrap_or_default()],
            Shape::Chat => {
                let user: Value = serde_json::from_str(
                    r.json()["messages"][1]["content"].as_str().unwrap_or("{}"),
                )
                .expect("the user message is JSON");
                let segments = user["segments"].as_object().cloned().unwrap_or_default();
                (1..=segments.len())
                    .map(|i| {
                        segments[&i.to_string()]
                            .as_str()
                            .unwrap_or_default()
                            .to_string()
                    })
                    .collect()
            }
        }
    }

    /// A 200 reply carrying `answers` (`Value::Null`, numbers and all, as given).
    fn reply(self, answers: Vec<Value>) -> Response {
        match self {
            Shape::Deepl => {
                let t: Vec<Value> = answers
                    .into_iter()
                    .map(|a| json!({"detected_source_language": "EN", "text": a}))
                    .collect();
                Response::json(200, &json!({ "translations": t }))
            }
            Shape::Google => {
                let t: Vec<Value> = answers
                    .into_iter()
                    .map(|a| json!({ "translatedText": a }))
                    .collect();
                Response::json(200, &json!({"data": { "translations": t }}))
            }
            Shape::Libre => Response::json(200, &json!({ "translatedText": answers })),
            Shape::Apy => Response::json(
                200,
                &json!({"responseData": {"translatedText": answers.into_iter().next()},
                        "responseDetails": null, "responseStatus": 200}),
            ),
            Shape::Chat => {
                let map: serde_json::Map<String, Value> = answers
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| ((i + 1).to_string(), a))
                    .collect();
                let content = json!({ "translations": map }).to_string();
                Response::json(
                    200,
                    &json!({"id": "c", "object": "chat.completion",
                            "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": content}}]}),
                )
            }
        }
    }

    /// Whether a request is a translation request (the rest is set-up: pairs, models).
    fn is_translation(self, r: &Request) -> bool {
        match self {
            Shape::Deepl => r.path == "/v2/translate",
            Shape::Google => r.path == "/language/translate/v2",
            Shape::Libre => r.path == "/translate",
            Shape::Chat => r.path == "/v1/chat/completions",
            Shape::Apy => r.path == "/translate",
        }
    }

    /// Set-up requests every service needs.
    fn other(self, r: &Request) -> Response {
        match (self, r.path.as_str()) {
            (Shape::Apy, "/listPairs") => Response::json(
                200,
                &json!({"responseData": [{"sourceLanguage": "eng", "targetLanguage": "spa"}],
                        "responseDetails": null, "responseStatus": 200}),
            ),
            _ => Response::json(404, &json!({"message": "not found"})),
        }
    }
}

/// What the fault server saw.
#[derive(Default)]
struct Tally {
    /// Per text: how many times a well-formed answer for it was sent.
    good: HashMap<String, usize>,
    /// Per request body: how many times it came.
    seen: HashMap<Vec<u8>, u64>,
    /// How many replies were faults, by kind.
    faults: HashMap<&'static str, usize>,
}

fn hash(seed: u64, body: &[u8], nth: u64) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (seed, body, nth).hash(&mut h);
    h.finish()
}

/// A server that answers about `rate` of translation requests with a fault.
fn fault_server(shape: Shape, seed: u64, rate: u64) -> (FakeServer, Arc<Mutex<Tally>>) {
    let tally: Arc<Mutex<Tally>> = Arc::default();
    let t = Arc::clone(&tally);
    let server = FakeServer::start(move |r| {
        if !shape.is_translation(r) {
            return shape.other(r);
        }
        let texts = shape.texts(r);
        let mut tally = t.lock().expect("tally");
        let nth = {
            let n = tally.seen.entry(r.body.clone()).or_default();
            *n += 1;
            *n
        };
        let h = hash(seed, &r.body, nth);
        let mut answers: Vec<Value> = texts.iter().map(|t| json!(shout(t))).collect();
        let victim = (h >> 32) as usize % texts.len().max(1);
        let kind: &'static str = if h % 100 >= rate {
            "none"
        } else {
            [
                "429-after",
                "429",
                "503",
                "hang",
                "bad-json",
                "truncated",
                "count",
                "null",
                "empty",
                "tags",
                "number",
            ][(h >> 16) as usize % 11]
        };
        if kind != "none" {
            *tally.faults.entry(kind).or_default() += 1;
        }
        match kind {
            "429-after" => {
                return Response::json(429, &json!({"message": "slow down"}))
                    .with_header("Retry-After", "0.05");
            }
            "429" => return Response::json(429, &json!({"message": "Too many requests"})),
            "503" => return Response::text(503, "Service Unavailable"),
            "hang" => return shape.reply(answers).delayed(Duration::from_millis(2500)),
            "bad-json" => return Response::text(200, "{\"translations\": [{\"text\": "),
            "truncated" => return shape.reply(answers).truncated(),
            "count" => {
                if answers.len() > 1 && h & 1 == 0 {
                    answers.pop();
                } else {
                    answers.push(json!("EXTRA"));
                }
                return shape.reply(answers);
            }
            "null" => answers[victim] = Value::Null,
            "empty" => answers[victim] = json!(""),
            "number" => answers[victim] = json!(42),
            "tags" => {
                let stripped = answers[victim]
                    .as_str()
                    .unwrap_or_default()
                    .replace("<g id=\"1\">", "")
                    .replace("</g>", "");
                // A text without markup loses nothing to stripping: it loses its words.
                answers[victim] = if stripped == answers[victim].as_str().unwrap_or_default() {
                    json!(" ")
                } else {
                    json!(stripped)
                };
            }
            _ => {}
        }
        let spoiled = if matches!(kind, "null" | "empty" | "number" | "tags") {
            Some(victim)
        } else {
            None
        };
        for (i, text) in texts.iter().enumerate() {
            if Some(i) != spoiled {
                *tally.good.entry(text.clone()).or_default() += 1;
            }
        }
        shape.reply(answers)
    });
    (server, tally)
}

/// Eight articles of plain paragraphs and paragraphs with markup, 128 distinct blocks.
fn articles(dir: &Path) -> Vec<String> {
    std::fs::create_dir_all(dir.join("articles")).expect("mkdir");
    let mut all = Vec::new();
    for a in 1..=ARTICLES {
        let mut text = format!("# Report number {a} from the front\n\n");
        all.push(format!("Report number {a} from the front"));
        for p in 1..=15 {
            let para = if p % 3 == 0 {
                format!(
                    "Paragraph {p} of report {a} cites the [agency](https://example.org/{a}/{p}) and *officials*."
                )
            } else {
                format!("Paragraph {p} of report {a} says the convoy moved {p} kilometres north.")
            };
            text.push_str(&para);
            text.push_str("\n\n");
            all.push(para);
        }
        std::fs::write(dir.join(format!("articles/report-{a}.md")), text).expect("article");
    }
    all
}

fn run(dir: &Path, shape: Shape) -> std::process::Output {
    common::translate(
        dir,
        Path::new("articles"),
        &["--engine", shape.engine(), "--no-review", "--no-check"],
    )
    .env("DEEPL_AUTH_KEY", KEY)
    .env("GOOGLE_API_KEY", KEY)
    .env_remove("LIBRETRANSLATE_API_KEY")
    .env_remove("OPENAI_API_KEY")
    .output()
    .expect("verso runs")
}

/// A work directory with `n` numbered paragraphs in `articles/long.md` and a configuration.
fn numbered(n: usize, config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    let paragraphs: String = (1..=n)
        .map(|i| format!("Paragraph number {i} about the front.\n\n"))
        .collect();
    std::fs::write(dir.path().join("articles/long.md"), paragraphs).expect("article");
    std::fs::write(dir.path().join("verso.toml"), config).expect("config");
    dir
}

/// Every stored translation has text and exactly its source's placeholders.
fn assert_memory_clean(dir: &Path) {
    let memory = Memory::open(&dir.join("mem.sqlite")).expect("memory");
    let entries = memory.entries().expect("entries");
    assert!(!entries.is_empty());
    for e in entries {
        assert!(
            e.target.has_text(),
            "an empty translation was stored for {:?}",
            e.source.canonical()
        );
        assert_eq!(
            markup::tags(&e.target),
            markup::tags(&e.source),
            "a translation with other placeholders was stored: {:?} for {:?}",
            e.target.canonical(),
            e.source.canonical()
        );
    }
}

fn translation_requests(server: &FakeServer, shape: Shape) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| shape.is_translation(r))
        .count()
}

#[test]
fn with_thirty_percent_faults_every_paragraph_is_paid_once_and_nothing_bad_is_stored() {
    for shape in [
        Shape::Deepl,
        Shape::Google,
        Shape::Libre,
        Shape::Chat,
        Shape::Apy,
    ] {
        for seed in [1, 2, 3] {
            let dir = tempfile::tempdir().expect("tmp");
            let paragraphs = articles(dir.path());
            let (server, tally) = fault_server(shape, seed, 30);
            std::fs::write(dir.path().join("verso.toml"), shape.config(&server.url))
                .expect("config");
            let out = run(dir.path(), shape);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success(),
                "{shape:?} seed {seed}: every batch completes\n{stderr}"
            );
            let tally_now = tally.lock().expect("tally");
            let faults: usize = tally_now.faults.values().sum();
            let replies: usize = tally_now.seen.values().map(|n| *n as usize).sum();
            eprintln!(
                "{shape:?} seed {seed}: {faults} faults in {replies} replies: {:?}",
                tally_now.faults
            );
            assert!(
                faults >= 3 && faults * 10 >= replies,
                "{shape:?} seed {seed}: faults were injected"
            );
            // Each text the service answered well was answered well once: nothing paid twice.
            for (text, n) in &tally_now.good {
                assert_eq!(
                    *n, 1,
                    "{shape:?} seed {seed}: {text:?} was answered well {n} times"
                );
            }
            drop(tally_now);
            // Every paragraph written, each exactly once.
            let mut written = String::new();
            for a in 1..=ARTICLES {
                written.push_str(
                    &std::fs::read_to_string(dir.path().join(format!("out/es/report-{a}.md")))
                        .expect("written"),
                );
            }
            for p in &paragraphs {
                let head: String = p.chars().take(24).collect::<String>().to_uppercase();
                assert_eq!(
                    written.matches(&head).count(),
                    1,
                    "{shape:?} seed {seed}: {head:?} in\n{written}"
                );
            }
            assert_memory_clean(dir.path());
            // Nothing stored is asked again.
            let before = translation_requests(&server, shape);
            let again = run(dir.path(), shape);
            assert!(again.status.success());
            assert_eq!(
                translation_requests(&server, shape),
                before,
                "{shape:?} seed {seed}: the rerun asked the service again"
            );
        }
    }
}

#[test]
fn a_one_text_request_answered_with_two_texts_or_null_is_asked_again() {
    for shape in [Shape::Deepl, Shape::Libre, Shape::Google] {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
        std::fs::write(
            dir.path().join("articles/one.md"),
            "A single paragraph about the convoy.\n",
        )
        .expect("article");
        let calls = Arc::new(AtomicUsize::new(0));
        let c = Arc::clone(&calls);
        let server = FakeServer::start(move |r| {
            if !shape.is_translation(r) {
                return shape.other(r);
            }
            let texts = shape.texts(r);
            let good: Vec<Value> = texts.iter().map(|t| json!(shout(t))).collect();
            match c.fetch_add(1, Ordering::SeqCst) {
                0 => shape.reply(vec![good[0].clone(), json!("SECOND")]),
                1 => shape.reply(vec![Value::Null]),
                2 => shape.reply(vec![json!("")]),
                _ => shape.reply(good),
            }
        });
        std::fs::write(dir.path().join("verso.toml"), shape.config(&server.url)).expect("config");
        let out = run(dir.path(), shape);
        assert!(
            out.status.success(),
            "{shape:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(calls.load(Ordering::SeqCst), 4, "{shape:?}");
        let written = std::fs::read_to_string(dir.path().join("out/es/one.md")).expect("written");
        assert_eq!(
            written, "A SINGLE PARAGRAPH ABOUT THE CONVOY.\n",
            "{shape:?}"
        );
        assert_memory_clean(dir.path());
    }
}

#[test]
fn only_the_bad_answers_of_a_reply_are_asked_again() {
    // Five texts in one request; the reply has one null and one with its tags lost. The
    // second request carries only those two.
    let calls = Arc::new(Mutex::new(Vec::<Vec<String>>::new()));
    let c = Arc::clone(&calls);
    let server = FakeServer::start(move |r| {
        let texts = Shape::Deepl.texts(r);
        let first = {
            let mut list = c.lock().expect("calls");
            list.push(texts.clone());
            list.len() == 1
        };
        let mut answers: Vec<Value> = texts.iter().map(|t| json!(shout(t))).collect();
        if first {
            answers[1] = Value::Null;
            let lost = answers[4]
                .as_str()
                .unwrap_or_default()
                .replace("<g id=\"1\">", "")
                .replace("</g>", "");
            answers[4] = json!(lost);
        }
        Shape::Deepl.reply(answers)
    });
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(
        dir.path().join("articles/five.md"),
        "One.\n\nTwo paragraphs.\n\nThree.\n\nFour.\n\nFive with [a link](https://example.org).\n",
    )
    .expect("article");
    std::fs::write(
        dir.path().join("verso.toml"),
        Shape::Deepl
            .config(&server.url)
            .replace("batch = 3", "batch = 5"),
    )
    .expect("config");
    let out = run(dir.path(), Shape::Deepl);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let calls = calls.lock().expect("calls").clone();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(calls[0].len(), 5);
    assert_eq!(
        calls[1],
        vec![calls[0][1].clone(), calls[0][4].clone()],
        "only the null and the text whose tags were lost are asked again"
    );
    let written = std::fs::read_to_string(dir.path().join("out/es/five.md")).expect("written");
    assert!(
        written.contains("FIVE WITH [A LINK](https://example.org)."),
        "{written}"
    );
    assert_memory_clean(dir.path());
}

#[test]
fn a_fatal_error_keeps_the_answers_of_requests_already_in_flight_and_sends_nothing_more() {
    // One text per request, four in flight. The first request is answered after 50 ms, the
    // next three after 400 ms; the fifth, which starts when the first is done, is refused at
    // once with 401. Requests 2 to 4 are still in flight then: their answers must be stored,
    // and no request may be sent after the 401.
    let n = Arc::new(AtomicUsize::new(0));
    let answered: Arc<Mutex<Vec<String>>> = Arc::default();
    let (count, ok) = (Arc::clone(&n), Arc::clone(&answered));
    let server = FakeServer::start(move |r| {
        let i = count.fetch_add(1, Ordering::SeqCst);
        if (4..100).contains(&i) {
            return Response::json(401, &json!({"message": "Unauthorized"}));
        }
        let texts = Shape::Deepl.texts(r);
        ok.lock().expect("answered").extend(texts.iter().cloned());
        let answers = texts.iter().map(|t| json!(shout(t))).collect();
        let delay = if i == 0 { 50 } else { 400 };
        Shape::Deepl
            .reply(answers)
            .delayed(Duration::from_millis(delay))
    });
    let dir = numbered(
        40,
        &format!(
            "[engines.deepl]\nurl = \"{}\"\nbatch = 1\nconcurrency = 4\nglossary = false\nbackoff_ms = 10\n",
            server.url
        ),
    );
    let out = run(dir.path(), Shape::Deepl);
    assert_eq!(out.status.code(), Some(1), "a fatal error is exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("401"), "{stderr}");
    assert_eq!(
        server.requests_to("POST", "/v2/translate").len(),
        5,
        "nothing is sent after the 401"
    );
    let answered = answered.lock().expect("answered").clone();
    assert_eq!(answered.len(), 4);
    let memory = Memory::open(&dir.path().join("mem.sqlite")).expect("memory");
    assert_eq!(
        memory.len().expect("len"),
        4,
        "the answers that came after the 401 are stored too"
    );
    drop(memory);
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("report.json")).expect("report"),
    )
    .expect("JSON");
    assert_eq!(report["totals"]["engine_calls"], 4, "{report}");
    assert_eq!(report["totals"]["engine_failed"], 1, "{report}");
    assert_eq!(report["totals"]["not_sent"], 35, "{report}");
    assert!(
        stderr.contains("4 engine calls"),
        "the summary counts what was paid for: {stderr}"
    );
    // A good key: only what is missing is asked, none of what was answered.
    n.store(100, Ordering::SeqCst);
    let before = server.requests_to("POST", "/v2/translate").len();
    let again = run(dir.path(), Shape::Deepl);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let asked: Vec<String> = server.requests_to("POST", "/v2/translate")[before..]
        .iter()
        .flat_map(|r| Shape::Deepl.texts(r))
        .collect();
    assert_eq!(asked.len(), 36);
    for text in &answered {
        assert!(!asked.contains(text), "{text:?} was paid for twice");
    }
}

#[test]
fn a_key_that_crosses_the_cut_of_an_error_body_never_leaks() {
    for pad in [280, 290, 295, 299] {
        let body = format!("{}{KEY} is not valid", "x".repeat(pad));
        let server = FakeServer::start(move |_| Response::text(403, &body));
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
        std::fs::write(dir.path().join("articles/a.md"), "Hello.\n").expect("article");
        std::fs::write(
            dir.path().join("verso.toml"),
            format!(
                "[engines.deepl]\nurl = \"{}\"\nglossary = false\n",
                server.url
            ),
        )
        .expect("config");
        let out = run(dir.path(), Shape::Deepl);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap_or_default();
        for text in [&stderr, &report] {
            assert!(text.contains("403"), "{text}");
            // Any 6 characters of the key in a row would be a leak.
            for start in 0..KEY.len() - 6 {
                assert!(
                    !text.contains(&KEY[start..start + 6]),
                    "pad {pad}: {:?} leaked: {text}",
                    &KEY[start..start + 6]
                );
            }
        }
    }
}

/// A local engine that answers blank for segments mentioning "blank" and leaves out the last
/// result of a batch that mentions "short": what any engine could do wrong.
struct Sloppy;

#[async_trait::async_trait]
impl verso::backend::Engine for Sloppy {
    fn name(&self) -> &'static str {
        "sloppy"
    }
    fn prepare(&self, _: &verso::backend::LanguagePair) -> Result<(), verso::backend::EngineError> {
        Ok(())
    }
    fn fingerprint(&self, _: &verso::backend::LanguagePair) -> String {
        "sloppy".into()
    }
    fn batching(&self) -> (usize, usize) {
        (1, 1)
    }
    async fn translate(
        &self,
        _: &verso::backend::LanguagePair,
        segments: &[verso::segment::Segment],
    ) -> Result<
        Vec<Result<verso::backend::Translation, verso::backend::EngineError>>,
        verso::backend::EngineError,
    > {
        let mut out: Vec<_> = segments
            .iter()
            .map(|s| {
                let text = s.canonical();
                let target = if text.contains("blank") {
                    String::new()
                } else {
                    text.to_uppercase()
                };
                Ok(verso::backend::Translation {
                    segment: verso::segment::Segment::parse_canonical(&target),
                    unknown_words: Vec::new(),
                    origin: None,
                })
            })
            .collect();
        if segments.iter().any(|s| s.canonical().contains("short")) {
            out.pop();
        }
        Ok(out)
    }
}

#[tokio::test]
async fn no_engine_gets_an_empty_translation_stored_or_a_file_lost_by_answering_short() {
    let work = tempfile::tempdir().expect("tempdir");
    for (name, text) in [
        (
            "a.md",
            "A blank answer comes back here.\n\nThe rest is fine.\n",
        ),
        ("b.md", "One result short.\n"),
        ("c.md", "All good.\n"),
    ] {
        std::fs::write(work.path().join(name), text).expect("write");
    }
    let job = verso::pipeline::Job {
        paths: vec![work.path().to_path_buf()],
        source: "en".parse().expect("tag"),
        targets: vec!["es".parse().expect("tag")],
        engine: Arc::new(Sloppy),
        memory: Arc::new(Memory::open(&work.path().join("m.sqlite")).expect("memory")),
        out_dir: work.path().join("out"),
        jobs: 1,
        read_options: verso::format::ReadOptions::default(),
        extensions: vec!["md".into()],
        glossary: None,
        terms: verso::enforce::TermsMode::Off,
        checks: None,
        localize: verso::localize::Settings {
            localize: false,
            fix: false,
        },
        review: None,
        approved_only: false,
        shard: None,
        claims: Default::default(),
    };
    let report = verso::pipeline::run(&job, &verso::pipeline::Silent)
        .await
        .expect("run");
    let failed: Vec<String> = report.failures.iter().map(|f| f.message.clone()).collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(
        failed
            .iter()
            .any(|m| m.contains("block 0 (line 1)") && m.contains("empty translation")),
        "{failed:?}"
    );
    assert!(failed.iter().any(|m| m.contains("no result")), "{failed:?}");
    assert!(work.path().join("out/es/c.md").is_file());
    assert!(!work.path().join("out/es/a.md").exists());
    let memory = Memory::open(&work.path().join("m.sqlite")).expect("memory");
    for e in memory.entries().expect("entries") {
        assert!(
            e.target.has_text(),
            "{:?} stored empty",
            e.source.canonical()
        );
    }
    assert_eq!(
        memory.len().expect("len"),
        2,
        "the rest and all good are stored"
    );
}

#[test]
fn a_refused_key_during_glossary_set_up_is_said_once_and_nothing_is_sent() {
    let server = FakeServer::start(|r| match r.path.as_str() {
        "/v2/glossaries" => Response::json(
            403,
            &json!({"message": "Wrong endpoint. Use https://api.deepl.com"}),
        ),
        _ => Shape::Deepl.reply(vec![json!("X")]),
    });
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(dir.path().join("articles/a.md"), "Kyrylo Budanov spoke.\n").expect("article");
    std::fs::write(
        dir.path().join("g.toml"),
        "[b]\nkind = \"term\"\n[b.en]\npreferred = \"spoke\"\n[b.es]\npreferred = \"habló\"\n",
    )
    .expect("glossary");
    std::fs::write(
        dir.path().join("verso.toml"),
        format!(
            "[engines.deepl]\nurl = \"{}\"\nglossary = true\nbackoff_ms = 10\n",
            server.url
        ),
    )
    .expect("config");
    let out = common::translate(
        dir.path(),
        Path::new("articles"),
        &["--engine", "deepl", "--glossary", "g.toml", "--to", "es,de"],
    )
    .env("DEEPL_AUTH_KEY", KEY)
    .output()
    .expect("verso runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "nothing was done: {stderr}");
    assert_eq!(stderr.matches("403").count(), 1, "said once: {stderr}");
    assert!(!stderr.contains(".."), "{stderr}");
    assert!(server.requests_to("POST", "/v2/translate").is_empty());
}

#[test]
fn a_quota_running_out_mid_run_hands_the_rest_to_the_fallback_and_pays_nothing_twice() {
    // One text per request, four in flight; DeepL's quota runs out after 5 answers.
    let quota = Arc::new(AtomicUsize::new(5));
    let served: Arc<Mutex<Vec<String>>> = Arc::default();
    let (left, ok) = (Arc::clone(&quota), Arc::clone(&served));
    let server = FakeServer::start(move |r| {
        let texts = Shape::Deepl.texts(r);
        let mut served = ok.lock().expect("served");
        if served.len() >= left.load(Ordering::SeqCst) {
            return Response::json(456, &json!({"message": "Quota exceeded"}));
        }
        served.extend(texts.iter().cloned());
        Shape::Deepl
            .reply(texts.iter().map(|t| json!(shout(t))).collect())
            .delayed(Duration::from_millis(100))
    });
    let dir = numbered(
        20,
        &format!(
            "[translate]\nfallback = [\"identity\"]\n[engines.deepl]\nurl = \"{}\"\nbatch = 1\nconcurrency = 4\nglossary = false\nbackoff_ms = 10\n",
            server.url
        ),
    );
    let out = run(dir.path(), Shape::Deepl);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the fallback finished the batch: {stderr}"
    );
    assert!(stderr.contains("identity took over"), "{stderr}");
    let written = std::fs::read_to_string(dir.path().join("out/es/long.md")).expect("written");
    let by_deepl = served.lock().expect("served").clone();
    assert!(by_deepl.len() >= 5);
    for i in 1..=20 {
        let source = format!("Paragraph number {i} about the front.");
        let upper = source.to_uppercase();
        assert!(
            written.contains(&source) ^ written.contains(&upper),
            "paragraph {i} written once, by one engine:\n{written}"
        );
        assert_eq!(
            written.contains(&upper),
            by_deepl.contains(&source),
            "paragraph {i}: DeepL's answer is what was written"
        );
    }
    // Quota back: DeepL is asked for what the fallback did, never for what it answered.
    quota.store(usize::MAX, Ordering::SeqCst);
    let before = server.requests_to("POST", "/v2/translate").len();
    let again = run(dir.path(), Shape::Deepl);
    assert!(again.status.success());
    let asked: Vec<String> = server.requests_to("POST", "/v2/translate")[before..]
        .iter()
        .flat_map(|r| Shape::Deepl.texts(r))
        .collect();
    assert_eq!(asked.len(), 20 - by_deepl.len());
    for text in &by_deepl {
        assert!(!asked.contains(text), "{text:?} was paid for twice");
    }
}
