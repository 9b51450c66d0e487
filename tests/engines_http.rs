//! HTTP engines against loopback servers that implement each API's documented request and
//! response shapes and its errors; requests are asserted field by field.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_http::{FakeServer, Request, Response, shout};
use common::verso;
use serde_json::{Value, json};

const KEY: &str = "SECRET-test-key-4711:fx";

const ARTICLE: &str = "# Howitzers reach the front\n\n\
The [Institute for the Study of War](https://isw.example/report) said Kyrylo Budanov moved \
two howitzers to `Sector 7`.\n\n\
Radio Free Asia reported 11,000 soldiers near the border.\n";

const GLOSSARY: &str = "[budanov]\nkind = \"person\"\n[budanov.en]\npreferred = \"Kyrylo Budanov\"\n\
[budanov.es]\npreferred = \"Kyrylo Budánov\"\n\
[howitzer]\nkind = \"term\"\n[howitzer.en]\npreferred = \"howitzer\"\n[howitzer.es]\npreferred = \"obús\"\n\
[rfa]\nkind = \"publication\"\ndnt = true\n[rfa.en]\npreferred = \"Radio Free Asia\"\n";

/// A work directory with the article, the glossary and a configuration.
fn workdir(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(dir.path().join("articles/front.md"), ARTICLE).expect("article");
    std::fs::write(dir.path().join("glossary.toml"), GLOSSARY).expect("glossary");
    std::fs::write(dir.path().join("verso.toml"), config).expect("config");
    dir
}

struct Run {
    ok: bool,
    code: Option<i32>,
    stderr: String,
    report: String,
}

fn translate(dir: &Path, engine: &str, extra: &[&str]) -> Run {
    translate_env(dir, engine, &[], extra)
}

/// `verso translate` with the test keys set, `env` overriding them (`None` unsets).
fn translate_env(dir: &Path, engine: &str, env: &[(&str, Option<&str>)], extra: &[&str]) -> Run {
    let flags = [
        &[
            "--engine",
            engine,
            "--glossary",
            "glossary.toml",
            "--no-review",
        ],
        extra,
    ]
    .concat();
    let mut cmd = common::translate(dir, Path::new("articles"), &flags);
    cmd.env("DEEPL_AUTH_KEY", KEY)
        .env("GOOGLE_API_KEY", KEY)
        .env("LIBRETRANSLATE_API_KEY", KEY)
        .env_remove("OPENAI_API_KEY");
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let out = cmd.output().expect("verso runs");
    Run {
        ok: out.status.success(),
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        report: std::fs::read_to_string(dir.join("report.json")).unwrap_or_default(),
    }
}

fn output(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("out/es/front.md")).unwrap_or_default()
}

/// A DeepL that translates (in capitals) and keeps glossaries, as the v2 API does.
fn deepl(fail: impl Fn(&Request, usize) -> Option<Response> + Send + Sync + 'static) -> FakeServer {
    let glossaries: Arc<Mutex<Vec<Value>>> = Arc::default();
    let calls = AtomicUsize::new(0);
    FakeServer::start(move |r| {
        if r.header("authorization") != Some(&format!("DeepL-Auth-Key {KEY}")) {
            return Response::json(403, &json!({"message": "Authorization failed"}));
        }
        match (r.method.as_str(), r.path.as_str()) {
            ("POST", "/v2/translate") => {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                if let Some(resp) = fail(r, n) {
                    return resp;
                }
                let texts = r.json()["text"].as_array().cloned().unwrap_or_default();
                let translations: Vec<Value> = texts
                    .iter()
                    .map(|t| json!({"detected_source_language": "EN", "text": shout(t.as_str().unwrap_or(""))}))
                    .collect();
                Response::json(200, &json!({ "translations": translations }))
            }
            ("GET", "/v2/glossaries") => {
                let list = glossaries.lock().map(|g| g.clone()).unwrap_or_default();
                Response::json(200, &json!({ "glossaries": list }))
            }
            ("POST", "/v2/glossaries") => {
                let body = r.json();
                let mut list = glossaries.lock().expect("lock");
                let info = json!({
                    "glossary_id": format!("g-{}", list.len() + 1),
                    "name": body["name"], "ready": true,
                    "source_lang": body["source_lang"], "target_lang": body["target_lang"],
                    "creation_time": "2026-11-29T00:00:00Z",
                    "entry_count": body["entries"].as_str().unwrap_or("").lines().count(),
                });
                list.push(info.clone());
                Response::json(201, &info)
            }
            ("DELETE", path) if path.starts_with("/v2/glossaries/") => {
                let id = path.trim_start_matches("/v2/glossaries/").to_string();
                glossaries
                    .lock()
                    .expect("lock")
                    .retain(|g| g["glossary_id"] != id.as_str());
                Response::text(204, "")
            }
            ("GET", "/v2/usage") => Response::json(
                200,
                &json!({"character_count": 1234, "character_limit": 500000}),
            ),
            _ => Response::json(404, &json!({"message": "not found"})),
        }
    })
}

fn deepl_config(url: &str, extra: &str) -> String {
    format!(
        "[engines.deepl]\nurl = \"{url}\"\nformality = \"more\"\ncontext = \"A news report about the war.\"\n\
         timeout_seconds = 2\nbackoff_ms = 50\n{extra}\n"
    )
}

#[test]
fn deepl_requests_follow_the_api_and_glossaries_are_made_once_and_replaced() {
    let server = deepl(|_, _| None);
    let dir = workdir(&deepl_config(&server.url, ""));
    let run = translate(dir.path(), "deepl", &[]);
    assert!(run.ok, "{}", run.stderr);

    let made = server.requests_to("POST", "/v2/glossaries");
    assert_eq!(made.len(), 1, "one glossary made");
    let g = made[0].json();
    assert!(
        g["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("verso-en-es-")),
        "{g}"
    );
    assert_eq!(
        (g["source_lang"].as_str(), g["target_lang"].as_str()),
        (Some("en"), Some("es"))
    );
    assert_eq!(g["entries_format"], "tsv");
    let entries = g["entries"].as_str().unwrap_or_default();
    assert!(entries.contains("howitzer\tobús\n"), "{entries}");
    assert!(
        entries.contains("Kyrylo Budanov\tKyrylo Budánov\n"),
        "{entries}"
    );

    let calls = server.requests_to("POST", "/v2/translate");
    assert!(!calls.is_empty());
    let texts: Vec<String> = calls
        .iter()
        .flat_map(|c| c.json()["text"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    assert_eq!(texts.len(), 3, "three blocks, each sent once: {texts:?}");
    for c in &calls {
        let b = c.json();
        assert_eq!(b["source_lang"], "EN");
        assert_eq!(b["target_lang"], "ES");
        assert_eq!(b["tag_handling"], "xml");
        assert_eq!(b["ignore_tags"], json!(["x", "n"]));
        assert_eq!(b["formality"], "more");
        assert_eq!(b["context"], "A news report about the war.");
        assert_eq!(b["glossary_id"], "g-1");
        assert!(b["text"].as_array().is_some_and(|t| t.len() <= 50));
        assert_eq!(c.header("content-type"), Some("application/json"));
    }
    let linked = texts
        .iter()
        .find(|t| t.contains("said"))
        .expect("the paragraph");
    assert!(
        linked.contains("<g id=\"1\">Institute for the Study of War</g>")
            && linked.contains("<x id=\"2\"/>")
            && linked.contains("<n id=\"1\">"),
        "{linked}"
    );
    let written = output(dir.path());
    assert!(
        written.contains("[INSTITUTE FOR THE STUDY OF WAR](https://isw.example/report)")
            && written.contains("Kyrylo Budánov")
            && written.contains("`Sector 7`")
            && written.contains("Radio Free Asia"),
        "{written}"
    );

    // Unchanged glossary: found, not made again; nothing to translate.
    let again = translate(dir.path(), "deepl", &[]);
    assert!(again.ok, "{}", again.stderr);
    assert_eq!(server.requests_to("POST", "/v2/glossaries").len(), 1);
    assert_eq!(
        server.requests_to("POST", "/v2/translate").len(),
        calls.len()
    );

    // A changed glossary replaces the old one, and its output is not replayed.
    let mut glossary = GLOSSARY.to_string();
    glossary.push_str("[border]\nkind = \"term\"\n[border.en]\npreferred = \"border\"\n[border.es]\npreferred = \"frontera\"\n");
    std::fs::write(dir.path().join("glossary.toml"), glossary).expect("glossary");
    let third = translate(dir.path(), "deepl", &[]);
    assert!(third.ok, "{}", third.stderr);
    assert_eq!(server.requests_to("POST", "/v2/glossaries").len(), 2);
    let deleted = server.requests();
    assert!(
        deleted
            .iter()
            .any(|r| r.method == "DELETE" && r.path == "/v2/glossaries/g-1"),
        "the replaced glossary is deleted"
    );
    let last = server.requests_to("POST", "/v2/translate");
    assert!(
        last.len() > calls.len(),
        "a new glossary means new translations"
    );
    assert_eq!(last.last().expect("call").json()["glossary_id"], "g-2");
}

#[test]
fn deepl_quota_stops_the_run_keeps_finished_work_and_never_shows_the_key() {
    // Many paragraphs, five per request, one request at a time; the quota runs out on the
    // fourth request.
    let quota = Arc::new(AtomicUsize::new(3));
    let left = Arc::clone(&quota);
    let server = deepl(move |_, n| {
        (n >= left.load(Ordering::SeqCst))
            .then(|| Response::json(456, &json!({"message": "Quota exceeded"})))
    });
    let dir = workdir(&deepl_config(
        &server.url,
        "batch = 5\nconcurrency = 1\nglossary = false",
    ));
    let paragraphs: String = (1..=40)
        .map(|i| format!("Paragraph number {i} about the front.\n\n"))
        .collect();
    std::fs::write(dir.path().join("articles/long.md"), paragraphs).expect("article");
    let run = translate(dir.path(), "deepl", &[]);
    assert!(!run.ok, "a fatal engine error is a non-zero exit");
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("456") && run.stderr.contains("Quota"),
        "{}",
        run.stderr
    );
    for text in [&run.stderr, &run.report] {
        assert!(!text.contains("SECRET-test-key"), "the key leaked: {text}");
    }
    let first: usize = server
        .requests_to("POST", "/v2/translate")
        .iter()
        .take(3)
        .map(|r| r.json()["text"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(first, 15);

    // Quota back: only what was not stored is asked for.
    quota.store(usize::MAX, Ordering::SeqCst);
    let before = server.requests_to("POST", "/v2/translate").len();
    let second = translate(dir.path(), "deepl", &[]);
    assert!(second.ok, "{}", second.stderr);
    let asked: usize = server.requests_to("POST", "/v2/translate")[before..]
        .iter()
        .map(|r| r.json()["text"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(
        asked,
        43 - 15,
        "43 blocks, 15 stored before the quota ran out"
    );
}

#[test]
fn faults_are_retried_until_every_paragraph_is_translated_exactly_once() {
    // Request by request: 429 with Retry-After, a burst of 503, a reply too slow for the
    // timeout, malformed JSON, a body cut short; then normal service.
    let server = deepl(|_, n| match n {
        0 => Some(
            Response::json(429, &json!({"message": "Too many requests"}))
                .with_header("Retry-After", "1"),
        ),
        1..=3 => Some(Response::text(503, "Service Unavailable")),
        4 => {
            Some(Response::json(200, &json!({"translations": []})).delayed(Duration::from_secs(3)))
        }
        5 => Some(Response::text(200, "{\"translations\": [{\"text\": ")),
        6 => Some(Response::json(200, &json!({"translations": [{"text": "x"}]})).truncated()),
        _ => None,
    });
    let dir = workdir(&deepl_config(
        &server.url,
        "batch = 50\nconcurrency = 1\nglossary = false\nretries = 8",
    ));
    let run = translate(dir.path(), "deepl", &[]);
    assert!(run.ok, "{}", run.stderr);
    let calls = server.requests_to("POST", "/v2/translate");
    assert_eq!(calls.len(), 8, "seven faults, then the answer");
    assert!(
        calls[1].at - calls[0].at >= Duration::from_millis(950),
        "Retry-After: 1 honored ({:?})",
        calls[1].at - calls[0].at
    );
    let report: Value = serde_json::from_str(&run.report).expect("report");
    assert_eq!(report["totals"]["engine_calls"], 3);
    let written = output(dir.path());
    assert!(written.contains("# HOWITZERS REACH THE FRONT"), "{written}");
    // Stored once each: a rerun asks nothing.
    let again = translate(dir.path(), "deepl", &[]);
    assert!(again.ok);
    assert_eq!(server.requests_to("POST", "/v2/translate").len(), 8);
}

#[test]
fn a_missing_key_is_an_error_before_any_work() {
    let server = deepl(|_, _| None);
    let dir = workdir(&deepl_config(&server.url, ""));
    let run = translate_env(dir.path(), "deepl", &[("DEEPL_AUTH_KEY", None)], &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("DEEPL_AUTH_KEY"), "{}", run.stderr);
    assert!(server.requests().is_empty());
    assert!(!dir.path().join("out").exists());
}

#[test]
fn google_v2_gets_html_a_key_in_the_query_and_a_bad_key_stops_the_run() {
    let bad_key = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let bad = Arc::clone(&bad_key);
    let server = FakeServer::start(move |r| {
        if bad.load(Ordering::SeqCst) || r.query.get("key").map(String::as_str) != Some(KEY) {
            return Response::json(
                400,
                &json!({"error": {"code": 400,
                "message": "API key not valid. Please pass a valid API key.",
                "errors": [{"message": "API key not valid.", "domain": "global", "reason": "keyInvalid"}]}}),
            );
        }
        match (r.method.as_str(), r.path.as_str()) {
            ("POST", "/language/translate/v2") => {
                let q = r.json()["q"].as_array().cloned().unwrap_or_default();
                let t: Vec<Value> = q
                    .iter()
                    .map(|x| json!({"translatedText": shout(x.as_str().unwrap_or(""))}))
                    .collect();
                Response::json(200, &json!({"data": {"translations": t}}))
            }
            ("GET", "/language/translate/v2/languages") => Response::json(
                200,
                &json!({"data": {"languages": [{"language": "en"}, {"language": "es"}]}}),
            ),
            _ => Response::json(
                404,
                &json!({"error": {"code": 404, "message": "Not found"}}),
            ),
        }
    });
    let config = format!(
        "[engines.google]\nurl = \"{}/language/translate/v2\"\nmodel = \"nmt\"\nbackoff_ms = 50\n",
        server.url
    );
    let dir = workdir(&config);
    let run = translate(dir.path(), "google", &[]);
    assert!(run.ok, "{}", run.stderr);
    let calls = server.requests_to("POST", "/language/translate/v2");
    assert!(!calls.is_empty());
    for c in &calls {
        let b = c.json();
        assert_eq!(
            (b["source"].as_str(), b["target"].as_str()),
            (Some("en"), Some("es"))
        );
        assert_eq!(b["format"], "html");
        assert_eq!(b["model"], "nmt");
        assert!(
            b["q"]
                .as_array()
                .is_some_and(|q| !q.is_empty() && q.len() <= 128)
        );
    }
    let sent: String = calls.iter().map(|c| c.json()["q"].to_string()).collect();
    assert!(sent.contains(r#"<x id=\"2\" translate=\"no\"/>"#), "{sent}");
    assert!(output(dir.path()).contains("TWO HOWITZERS"));

    let probe = verso()
        .current_dir(dir.path())
        .env("GOOGLE_API_KEY", KEY)
        .args(["engines", "--probe", "google"])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&probe.stdout);
    assert!(
        probe.status.success() && said.contains("reachable: 2 languages"),
        "{said}"
    );

    bad_key.store(true, Ordering::SeqCst);
    std::fs::write(dir.path().join("articles/more.md"), "A new paragraph.\n").expect("write");
    let run = translate(dir.path(), "google", &[]);
    assert!(!run.ok);
    assert!(run.stderr.contains("API key not valid"), "{}", run.stderr);
    assert!(!run.stderr.contains("SECRET-test-key") && !run.report.contains("SECRET-test-key"));
    let attempts = server.requests_to("POST", "/language/translate/v2").len() - calls.len();
    assert_eq!(attempts, 1, "a bad key is not retried");
}

#[test]
fn libretranslate_sends_lists_html_and_its_key() {
    let server = FakeServer::start(|r| match (r.method.as_str(), r.path.as_str()) {
        ("POST", "/translate") => {
            let b = r.json();
            if b["api_key"] != KEY {
                return Response::json(403, &json!({"error": "Invalid API key"}));
            }
            let q = b["q"].as_array().cloned().unwrap_or_default();
            let t: Vec<String> = q.iter().map(|x| shout(x.as_str().unwrap_or(""))).collect();
            Response::json(200, &json!({"translatedText": t}))
        }
        ("GET", "/languages") => Response::json(
            200,
            &json!([{"code": "en"}, {"code": "es"}, {"code": "de"}]),
        ),
        _ => Response::json(404, &json!({"error": "Not Found"})),
    });
    let dir = workdir(&format!(
        "[engines.libretranslate]\nurl = \"{}\"\nbatch = 2\n",
        server.url
    ));
    let run = translate(dir.path(), "libretranslate", &[]);
    assert!(run.ok, "{}", run.stderr);
    let calls = server.requests_to("POST", "/translate");
    assert_eq!(calls.len(), 2, "three blocks, two per request");
    for c in &calls {
        let b = c.json();
        assert_eq!(
            (
                b["source"].as_str(),
                b["target"].as_str(),
                b["format"].as_str()
            ),
            (Some("en"), Some("es"), Some("html"))
        );
        assert!(b["q"].is_array());
    }
    assert!(
        !output(dir.path()).contains("RADIO FREE ASIA"),
        "names are not sent as text"
    );
    // The engine kept the English number; verso writes it the Spanish way.
    assert!(output(dir.path()).contains("Radio Free Asia REPORTED 11.000 SOLDIERS"));
    // LibreTranslate does not use the glossary: changing it does not cost a second translation.
    let mut glossary = GLOSSARY.to_string();
    glossary.push_str("[seoul]\nkind = \"place\"\n[seoul.en]\npreferred = \"Seoul\"\n[seoul.es]\npreferred = \"Seúl\"\n");
    std::fs::write(dir.path().join("glossary.toml"), glossary).expect("glossary");
    let again = translate(dir.path(), "libretranslate", &[]);
    assert!(again.ok, "{}", again.stderr);
    assert_eq!(server.requests_to("POST", "/translate").len(), calls.len());
}

/// An OpenAI-compatible server; `answer` gets the segments of a request and returns the
/// message content.
fn chat(
    answer: impl Fn(&serde_json::Map<String, Value>, usize) -> String + Send + Sync + 'static,
) -> FakeServer {
    let calls = AtomicUsize::new(0);
    FakeServer::start(move |r| match (r.method.as_str(), r.path.as_str()) {
        ("POST", "/v1/chat/completions") => {
            let b = r.json();
            let user: Value =
                serde_json::from_str(b["messages"][1]["content"].as_str().unwrap_or("{}"))
                    .expect("the user message is JSON");
            let segments = user["segments"].as_object().cloned().unwrap_or_default();
            let content = answer(&segments, calls.fetch_add(1, Ordering::SeqCst));
            Response::json(
                200,
                &json!({
                    "id": "chatcmpl-1", "object": "chat.completion", "model": b["model"],
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}]
                }),
            )
        }
        ("GET", "/v1/models") => Response::json(
            200,
            &json!({"object": "list", "data": [{"id": "llama3.1:8b", "object": "model"}]}),
        ),
        _ => Response::json(404, &json!({"error": {"message": "not found"}})),
    })
}

fn shouted(segments: &serde_json::Map<String, Value>) -> Value {
    let t: serde_json::Map<String, Value> = segments
        .iter()
        .map(|(k, v)| (k.clone(), json!(shout(v.as_str().unwrap_or("")))))
        .collect();
    json!({ "translations": t })
}

#[test]
fn chat_engine_prompts_with_the_pair_and_only_the_glossary_it_needs_and_rejects_bad_replies() {
    // First request: one translation short. Then: correct, except that the paragraph with the
    // link always comes back without its tags.
    let server = chat(|segments, n| {
        if n == 0 {
            let mut v = shouted(segments);
            if let Some(map) = v["translations"].as_object_mut() {
                map.remove("1");
            }
            return v.to_string();
        }
        let mut v = shouted(segments);
        if let Some(map) = v["translations"].as_object_mut() {
            for t in map.values_mut() {
                if let Some(s) = t.as_str().filter(|s| s.contains("<g id=")) {
                    *t = json!(s.replace("<g id=\"1\">", "").replace("</g>", ""));
                }
            }
        }
        format!("```json\n{v}\n```")
    });
    let mut glossary = GLOSSARY.to_string();
    glossary.push_str("[pyongyang]\nkind = \"place\"\n[pyongyang.en]\npreferred = \"Pyongyang\"\n[pyongyang.es]\npreferred = \"Pionyang\"\n");
    let dir = workdir(&format!(
        "[engines.openai]\nurl = \"{}/v1\"\nmodel = \"llama3.1:8b\"\nbackoff_ms = 50\n",
        server.url
    ));
    std::fs::write(dir.path().join("glossary.toml"), glossary).expect("glossary");
    let run = translate(dir.path(), "openai", &[]);
    assert!(!run.ok, "the paragraph whose tags never come back fails");
    assert!(run.stderr.contains("different tags"), "{}", run.stderr);
    let calls = server.requests_to("POST", "/v1/chat/completions");
    let first = calls[0].json();
    assert_eq!(first["model"], "llama3.1:8b");
    assert_eq!(first["temperature"], 0);
    assert_eq!(first["response_format"], json!({"type": "json_object"}));
    assert!(
        calls[0].header("authorization").is_none(),
        "no key for a local server"
    );
    let system = first["messages"][0]["content"].as_str().unwrap_or_default();
    assert!(
        system.contains("from en to es") && system.contains("<g id"),
        "{system}"
    );
    let user: Value =
        serde_json::from_str(first["messages"][1]["content"].as_str().unwrap_or("")).expect("JSON");
    assert_eq!(user["segments"].as_object().map(|m| m.len()), Some(3));
    let glossary = user["glossary"].to_string();
    assert!(
        glossary.contains("obús") && !glossary.contains("Pionyang"),
        "only what occurs: {glossary}"
    );
    // The short reply cannot be lined up: the batch is asked again whole; of the second reply
    // the two good answers are kept, and only the paragraph whose tags never come back is
    // asked again, on its own, until the retries (6 after the first request) are used up.
    let sizes: Vec<usize> = calls
        .iter()
        .map(|c| {
            let u: Value =
                serde_json::from_str(c.json()["messages"][1]["content"].as_str().unwrap_or(""))
                    .expect("JSON");
            u["segments"].as_object().map_or(0, |m| m.len())
        })
        .collect();
    assert_eq!(&sizes[..2], &[3, 3], "{sizes:?}");
    assert!(sizes[2..].iter().all(|n| *n == 1), "{sizes:?}");
    assert_eq!(sizes.len(), 1 + 6, "{sizes:?}");
}

#[test]
fn a_local_command_translates_json_on_stdin() {
    let dir = workdir("");
    let script = dir.path().join("engine.py");
    std::fs::write(
        &script,
        "import json, sys\nreq = json.load(sys.stdin)\nopen('request.json', 'w').write(json.dumps(req))\n\
         out = []\nfor s in req['segments']:\n    r, tag = '', False\n    for c in s:\n        tag = tag or c == '<'\n        r += c if tag else c.upper()\n        tag = tag and c != '>'\n    out.append(r)\n\
         json.dump({'translations': out}, sys.stdout)\n",
    )
    .expect("script");
    std::fs::write(
        dir.path().join("verso.toml"),
        format!(
            "[engines.command]\nprogram = \"python3\"\nargs = [\"{}\"]\n",
            script.display()
        ),
    )
    .expect("config");
    let run = translate(dir.path(), "command", &["--terms", "check"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        output(dir.path()).contains("MOVED TWO HOWITZERS"),
        "{}",
        output(dir.path())
    );
    let request: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("request.json")).expect("request"),
    )
    .expect("JSON");
    assert_eq!(request["source_language"], "en");
    assert_eq!(request["target_language"], "es");
    assert!(request["glossary"].to_string().contains("obús"));
}

#[test]
fn a_fallback_takes_over_when_the_engine_fails_for_good_and_is_not_replayed() {
    let server = deepl(|_, _| None);
    let dir = workdir(&format!(
        "[translate]\nfallback = [\"identity\"]\n{}",
        deepl_config(&server.url, "glossary = false")
    ));
    let run = translate_env(
        dir.path(),
        "deepl",
        &[("DEEPL_AUTH_KEY", Some("wrong-key-0000"))],
        &[],
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("deepl was not used for the rest of the run")
            && run.stderr.contains("identity took over"),
        "the user is told: {}",
        run.stderr
    );
    assert_eq!(
        output(dir.path()),
        ARTICLE
            .replace("Budanov", "Budánov")
            .replace("11,000", "11.000"),
        "identity wrote the source, names in their Spanish form"
    );
    let refused = server.requests_to("POST", "/v2/translate").len();
    assert_eq!(
        refused, 1,
        "after a 403 DeepL is not asked again in this run"
    );
    // With the right key DeepL is asked: the fallback's output was filed under identity.
    let run = translate(dir.path(), "deepl", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(server.requests_to("POST", "/v2/translate").len() > refused);
    assert!(output(dir.path()).contains("TWO HOWITZERS"));
    // No key at all: the fallback does the work, and says why.
    std::fs::write(dir.path().join("articles/new.md"), "One more paragraph.\n").expect("write");
    let run = translate_env(dir.path(), "deepl", &[("DEEPL_AUTH_KEY", None)], &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stderr.contains("DEEPL_AUTH_KEY"), "{}", run.stderr);
}

#[test]
fn probe_says_what_works_and_what_does_not() {
    let server = deepl(|_, _| None);
    let dir = workdir(&deepl_config(&server.url, ""));
    let out = verso()
        .current_dir(dir.path())
        .env("DEEPL_AUTH_KEY", KEY)
        .env_remove("GOOGLE_API_KEY")
        .args(["engines", "--probe", "deepl", "google"])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("reachable: 1234 / 500000 characters used"),
        "{said}"
    );
    assert!(
        said.contains("NOT usable") && said.contains("GOOGLE_API_KEY"),
        "{said}"
    );
    assert!(!said.contains("SECRET-test-key"));
}

#[test]
fn concurrency_and_request_rate_limits_hold() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now, max) = (Arc::clone(&in_flight), Arc::clone(&most));
    let server = FakeServer::start(move |r| {
        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
        max.fetch_max(n, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(150));
        now.fetch_sub(1, Ordering::SeqCst);
        let q = r.json()["q"].as_array().cloned().unwrap_or_default();
        let t: Vec<String> = q.iter().map(|x| shout(x.as_str().unwrap_or(""))).collect();
        Response::json(200, &json!({ "translatedText": t }))
    });
    let dir = workdir(&format!(
        "[engines.libretranslate]\nurl = \"{}\"\nbatch = 1\nconcurrency = 2\n",
        server.url
    ));
    let more: String = (1..=5)
        .map(|i| format!("Extra paragraph {i}.\n\n"))
        .collect();
    std::fs::write(dir.path().join("articles/more.md"), more).expect("article");
    let run = translate(dir.path(), "libretranslate", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(server.requests().len(), 8);
    assert_eq!(
        most.load(Ordering::SeqCst),
        2,
        "never more than 2 in flight"
    );

    let server = FakeServer::start(|r| {
        let q = r.json()["q"].as_array().cloned().unwrap_or_default();
        let t: Vec<String> = q.iter().map(|x| shout(x.as_str().unwrap_or(""))).collect();
        Response::json(200, &json!({ "translatedText": t }))
    });
    let dir = workdir(&format!(
        "[engines.libretranslate]\nurl = \"{}\"\nbatch = 1\nconcurrency = 8\nrequests_per_second = 10\n",
        server.url
    ));
    let run = translate(dir.path(), "libretranslate", &[]);
    assert!(run.ok, "{}", run.stderr);
    let at: Vec<Duration> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(at.len(), 3);
    for w in at.windows(2) {
        assert!(
            w[1] - w[0] >= Duration::from_millis(90),
            "10 per second: {at:?}"
        );
    }
}
