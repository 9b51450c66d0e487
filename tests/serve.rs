//! `verso serve` as a desk uses it: a real server process on loopback, reviewers added with
//! the command line, saves and approvals over HTTP going straight into the memory file,
//! a stale save refused with what won, no access without a token, and nothing lost when the
//! server is killed.

mod common;

use common::browser::Browser;
use common::served::{ARTICLE, Server, desk};
use common::{succeed, verso};
use serde_json::{Value, json};

#[test]
fn nothing_is_served_without_a_reviewers_token() {
    let (work, bo, _) = desk();
    let server = Server::start(work.path());
    assert_eq!(server.request("GET", "/", &[], None).0, 401);
    assert_eq!(server.request("GET", "/?token=0123", &[], None).0, 401);
    let page = format!("/review/es/{ARTICLE}");
    assert_eq!(server.request("GET", &page, &[], None).0, 401);
    // The link's token sets a session cookie the pages are then read with.
    let (status, _) = server.request("GET", &format!("/?token={bo}"), &[], None);
    assert_eq!(status, 303);
    let cookie = format!("verso_token={bo}");
    let (status, html) = server.request("GET", &page, &[("Cookie", &cookie)], None);
    assert_eq!(status, 200);
    assert!(html.contains("data-block=\"0\""), "{html}");
    // A write with the cookie alone (what a page on another site could make a browser send)
    // is refused; so is every request once the token is revoked.
    let body = json!({"locale": "es", "path": ARTICLE, "block": 0, "target": "x", "version": 0});
    assert_eq!(
        server
            .request("POST", "/api/block", &[("Cookie", &cookie)], Some(&body))
            .0,
        401
    );
    succeed(verso().current_dir(work.path()).args([
        "serve",
        "--memory",
        "mem.sqlite",
        "--revoke",
        "bo",
    ]));
    assert_eq!(
        server.request("GET", &page, &[("Cookie", &cookie)], None).0,
        401
    );
}

#[test]
fn saves_go_into_the_memory_a_stale_one_is_refused_and_a_killed_server_loses_nothing() {
    let (work, bo, ana) = desk();
    let dir = work.path();
    let server = Server::start(dir);
    let title = "Los duelos de artillería se intensifican en el frente sur";
    let before = server.block(&bo, 0);
    assert_eq!(before["version"], 0);
    assert_eq!(before["status"], "machine");
    // Bo saves; a second save made on the version he loaded is refused with what won.
    let (status, saved) = server.save(&bo, 0, title, 0, false);
    assert_eq!((status, &saved["version"]), (200, &json!(1)), "{saved}");
    let (status, late) = server.save(&ana, 0, "Otro título", 0, false);
    assert_eq!(status, 409, "{late}");
    assert_eq!(
        (&late["author"], &late["target"]),
        (&json!("bo"), &json!(title))
    );
    // A reviewer may not approve; an approver may, on the current version.
    assert_eq!(server.save(&bo, 0, title, 1, true).0, 403);
    assert_eq!(server.save(&ana, 0, title, 1, true).0, 200);
    // A text that drops the source's placeholders is refused and names why.
    let linked = (0..40)
        .find(|&b| {
            server.block(&bo, b)["source"]
                .as_str()
                .is_some_and(|s| s.contains("</1>"))
        })
        .expect("a block with paired markup");
    let (status, problem) = server.save(&bo, linked, "sin marcas", 0, false);
    assert_eq!(status, 400, "{problem}");
    // Killed without warning and started again: every save the server answered is there.
    drop(server);
    let server = Server::start(dir);
    let after = server.block(&bo, 0);
    assert_eq!(
        (&after["target"], &after["status"], &after["version"]),
        (&json!(title), &json!("approved"), &json!(2))
    );
    let (status, history) = server.request(
        "GET",
        &format!("/api/history?locale=es&path={ARTICLE}&block=0"),
        &[("X-Verso-Token", &bo)],
        None,
    );
    assert_eq!(status, 200);
    let history: Value = serde_json::from_str(&history).expect("JSON");
    let authors: Vec<&str> = history
        .as_array()
        .expect("list")
        .iter()
        .flat_map(|h| h["author"].as_str())
        .collect();
    assert_eq!(authors, ["bo", "ana"]);
    drop(server);
    // The next run writes the approved title, whatever the engine.
    common::served::translate_into_memory(dir, &[ARTICLE], "pseudo", &[]);
    let written = std::fs::read_to_string(dir.join("out/es").join(ARTICLE)).expect("output");
    assert!(written.contains(title), "{written}");
}

/// In a real browser: the token link, the page drawn from the memory, an edit saved with the
/// Save button and found in the memory and on the next load; a block another reviewer saved
/// meanwhile is not overwritten, and the page shows their text.
#[test]
fn a_reviewer_saves_from_the_page_and_a_conflict_is_shown_not_overwritten() {
    let (work, bo, ana) = desk();
    let server = Server::start(work.path());
    let base = format!("http://127.0.0.1:{}", server.port);
    let browser = Browser::start();
    browser.open_url(&format!("{base}/?token={bo}"));
    let index: String = browser
        .run("return document.body.textContent;", json!([]))
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(index.contains(ARTICLE), "{index}");
    let page = format!("{base}/review/es/{ARTICLE}");
    browser.open_url(&page);
    // Two blocks without markup: the first Bo edits alone, the second Ana saves first.
    let blocks = browser.run(
        r#"return Array.from(document.querySelectorAll('section.block'))
            .filter(s => { const c = s.querySelector('.tgt[contenteditable]');
                           return c && !c.querySelector('.chip'); })
            .slice(0, 2).map(s => Number(s.dataset.block));"#,
        json!([]),
    );
    let (mine, theirs) = (
        blocks[0].as_u64().expect("a block") as usize,
        blocks[1].as_u64().expect("another") as usize,
    );
    // Ana, in a browser of her own that drew the page when Bo's did, saves first.
    let ana_text = "Texto de Ana, guardado antes";
    let other = Browser::start();
    other.open_url(&format!("{base}/?token={ana}"));
    other.open_url(&page);
    other.run(
        r#"const c = document.querySelector('#b' + arguments[0] + ' .tgt[contenteditable]');
           c.textContent = arguments[1]; c.dispatchEvent(new Event('input'));"#,
        json!([theirs, ana_text]),
    );
    other.click("#save");
    let saved = other.run_async(
        r#"const done = arguments[arguments.length - 1], b = arguments[0];
           const wait = () => { const n = document.querySelector('#b' + b + ' .server-note');
                                n ? done(n.className) : setTimeout(wait, 50); };
           wait();"#,
        json!([theirs]),
    );
    assert!(
        saved.as_str().is_some_and(|c| c.contains("saved")),
        "{saved}"
    );
    drop(other);
    browser.run(
        r#"const set = (b, t) => { const c = document.querySelector('#b' + b + ' .tgt[contenteditable]');
                                  c.textContent = t; c.dispatchEvent(new Event('input')); };
           set(arguments[0], 'Texto de Bo'); set(arguments[1], 'Bo no vio el cambio');"#,
        json!([mine, theirs]),
    );
    browser.click("#save");
    let notes = browser.run_async(
        r#"const done = arguments[arguments.length - 1];
           const wait = () => {
             const n = document.querySelectorAll('.server-note');
             if (n.length >= 2) { done(Array.from(n).map(x => [x.closest('section').dataset.block, x.className, x.textContent])); }
             else { setTimeout(wait, 50); }
           };
           wait();"#,
        json!([]),
    );
    let notes = notes.as_array().expect("notes").clone();
    let note_of = |b: usize| {
        notes
            .iter()
            .find(|n| n[0] == json!(b.to_string()))
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert!(
        note_of(mine)[1]
            .as_str()
            .is_some_and(|c| c.contains("saved")),
        "{notes:?}"
    );
    let conflict = note_of(theirs);
    assert!(
        conflict[1].as_str().is_some_and(|c| c.contains("conflict")),
        "{notes:?}"
    );
    assert!(
        conflict[2]
            .as_str()
            .is_some_and(|t| t.contains("ana") && t.contains(ana_text)),
        "{notes:?}"
    );
    // The memory has Bo's edit and Ana's text, untouched.
    assert_eq!(server.block(&bo, mine)["target"], "Texto de Bo");
    assert_eq!(server.block(&bo, theirs)["target"], ana_text);
    // Loaded again, the page shows what was saved.
    browser.open_url(&page);
    let shown = browser.run(
        "return document.querySelector('#b' + arguments[0] + ' .tgt[contenteditable]').textContent;",
        json!([mine]),
    );
    assert_eq!(shown, "Texto de Bo");
}

/// A reviewer's writes are limited per minute: the one over the limit gets 429 and how long to
/// wait, and stores nothing.
#[test]
fn writes_over_the_limit_are_refused_and_store_nothing() {
    let (work, bo, ana) = desk();
    let server = Server::start_with(work.path(), &["--max-saves-per-minute", "3"]);
    for version in 0..3 {
        let (status, saved) = server.save(&bo, 0, &format!("Título {version}"), version, false);
        assert_eq!(status, 200, "{saved}");
    }
    let (status, refused) = server.save(&bo, 0, "Título de más", 3, false);
    assert_eq!(status, 429, "{refused}");
    assert_eq!(server.block(&bo, 0)["target"], "Título 2");
    // The limit is per reviewer: Ana still writes.
    assert_eq!(server.save(&ana, 0, "Título de Ana", 3, false).0, 200);
}

/// An approver approves at once every block without a finding; blocks with findings are left
/// for a person, and a reviewer may not do it.
#[test]
fn an_approver_approves_every_block_without_findings_in_one_step() {
    let (work, bo, ana) = desk();
    let server = Server::start(work.path());
    let body = json!({"locale": "es", "path": ARTICLE});
    let bulk = |token: &str| {
        server.request(
            "POST",
            "/api/approve-clean",
            &[("X-Verso-Token", token)],
            Some(&body),
        )
    };
    assert_eq!(bulk(&bo).0, 403);
    let (status, said) = bulk(&ana);
    assert_eq!(status, 200, "{said}");
    let approved = serde_json::from_str::<Value>(&said).expect("JSON")["approved"]
        .as_u64()
        .expect("a count");
    // The page says which blocks have findings; exactly the others are approved now.
    let (_, html) = server.request(
        "GET",
        &format!("/review/es/{ARTICLE}"),
        &[("X-Verso-Token", &ana)],
        None,
    );
    let mut clean = 0;
    for section in html.split("<section class=\"block").skip(1) {
        let classes = section.split('"').next().unwrap_or("");
        let block: usize = section
            .split("data-block=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|n| n.parse().ok())
            .expect("a block index");
        let status = server.block(&ana, block)["status"].clone();
        if classes.contains("has-findings") {
            assert_eq!(status, "machine", "block {block}");
        } else {
            clean += 1;
            assert_eq!(status, "approved", "block {block}");
        }
    }
    assert!(clean > 0 && clean < 40, "{clean}");
    assert_eq!(approved, clean);
    // Done again, nothing is left to approve.
    let again: Value = serde_json::from_str(&bulk(&ana).1).expect("JSON");
    assert_eq!(again["approved"], 0);
}

/// Publishing: `translate --approved-only` writes an article only once every block is
/// approved, and says which are not.
#[test]
fn only_wholly_approved_articles_are_published() {
    let (work, _, ana) = desk();
    let dir = work.path();
    let publish = || {
        verso()
            .current_dir(dir)
            .args([
                "translate",
                ARTICLE,
                "--to",
                "es",
                "--engine",
                "pseudo",
                "--memory",
                "mem.sqlite",
                "--out",
                "published",
                "--no-review",
                "--no-check",
                "--approved-only",
            ])
            .output()
            .expect("runs")
    };
    let first = publish();
    assert_eq!(first.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&first.stderr).contains("not approved"),
        "{first:?}"
    );
    assert!(!dir.join("published/es").join(ARTICLE).exists());
    // Ana approves every block as it is.
    let server = Server::start(dir);
    let (mut blocks, mut with_reason) = (0, 0);
    while let (200, body) = server.request(
        "GET",
        &format!("/api/block?locale=es&path={ARTICLE}&block={blocks}"),
        &[("X-Verso-Token", &ana)],
        None,
    ) {
        let b: Value = serde_json::from_str(&body).expect("JSON");
        let target = b["target"].as_str().expect("a translation").to_string();
        let version = b["version"].as_i64().expect("a version");
        // A block with an error is approved only with a reason, and nothing is stored
        // until one is given.
        let (status, said) = server.save(&ana, blocks, &target, version, true);
        if status == 422 {
            assert_eq!(said["needs_reason"], true, "{said}");
            assert_eq!(
                server.block(&ana, blocks)["version"],
                version,
                "nothing stored"
            );
            let (status, said) = server.save_saying(
                &ana,
                blocks,
                &target,
                version,
                true,
                "pseudo text, on purpose",
            );
            assert_eq!(status, 200, "{said}");
            with_reason += 1;
        } else {
            assert_eq!(status, 200, "{said}");
        }
        blocks += 1;
    }
    assert!(blocks > 5);
    assert!(
        with_reason > 0,
        "the pseudo text has errors to approve with a reason"
    );
    drop(server);
    let second = publish();
    assert!(second.status.success(), "{second:?}");
    assert!(dir.join("published/es").join(ARTICLE).is_file());
}

/// Comments: written by any reviewer, kept in the memory, shown on the page as text — a
/// script in a comment stays text — and added from the page.
#[test]
fn comments_are_kept_shown_as_text_and_added_from_the_page() {
    let (work, bo, ana) = desk();
    let server = Server::start(work.path());
    let hostile = "<img src=x onerror=\"document.title='pwned'\"> ¿seguro?";
    let body = json!({"locale": "es", "path": ARTICLE, "block": 0, "text": hostile});
    let (status, said) = server.request(
        "POST",
        "/api/comments",
        &[("X-Verso-Token", &ana)],
        Some(&body),
    );
    assert_eq!(status, 200, "{said}");
    let empty = json!({"locale": "es", "path": ARTICLE, "block": 0, "text": "  "});
    assert_eq!(
        server
            .request(
                "POST",
                "/api/comments",
                &[("X-Verso-Token", &ana)],
                Some(&empty)
            )
            .0,
        400
    );
    let base = format!("http://127.0.0.1:{}", server.port);
    let browser = Browser::start();
    browser.open_url(&format!("{base}/?token={bo}"));
    browser.open_url(&format!("{base}/review/es/{ARTICLE}"));
    let shown = browser.run(
        r#"const items = Array.from(document.querySelectorAll('#b0 .comments .comment-body'));
           return { texts: items.map(li => li.textContent),
                    images: document.querySelectorAll('.comments img').length,
                    title: document.title };"#,
        json!([]),
    );
    let texts = shown["texts"].as_array().expect("texts");
    assert_eq!(texts.len(), 1, "{shown}");
    let text = texts[0].as_str().unwrap_or_default();
    assert!(
        text.starts_with("ana (") && text.ends_with(&format!("): {hostile}")),
        "{shown}"
    );
    assert_eq!(shown["images"], 0);
    assert!(
        !shown["title"]
            .as_str()
            .unwrap_or_default()
            .contains("pwned")
    );
    // Bo answers Ana's comment from the page: the answer goes under it.
    browser.click("#b0 .comments li .reply");
    browser.run(
        "document.querySelector('#b0 .comment-text').value = 'Revisado por Bo';",
        json!([]),
    );
    browser.click("#b0 .comment-add");
    let nested = browser.run_async(
        r#"const done = arguments[arguments.length - 1];
           const wait = () => { const a = document.querySelector('#b0 .comments ul.replies .comment-body');
                                a ? done(a.textContent) : setTimeout(wait, 50); };
           wait();"#,
        json!([]),
    );
    assert!(
        nested
            .as_str()
            .is_some_and(|t| t.starts_with("bo (") && t.ends_with("Revisado por Bo")),
        "{nested}"
    );
    let (_, listed) = server.request(
        "GET",
        &format!("/api/comments?locale=es&path={ARTICLE}&block=0"),
        &[("X-Verso-Token", &ana)],
        None,
    );
    let listed: Value = serde_json::from_str(&listed).expect("JSON");
    let authors: Vec<&str> = listed
        .as_array()
        .expect("list")
        .iter()
        .flat_map(|c| c["author"].as_str())
        .collect();
    assert_eq!(authors, ["ana", "bo"]);
    assert_eq!(listed[1]["text"], "Revisado por Bo");
    assert_eq!(listed[1]["reply_to"], listed[0]["id"], "a threaded answer");
    // An answer to a comment that is not on the block is refused.
    let stray = json!({"locale": "es", "path": ARTICLE, "block": 1, "text": "¿?", "reply_to": listed[0]["id"]});
    assert_eq!(
        server
            .request(
                "POST",
                "/api/comments",
                &[("X-Verso-Token", &ana)],
                Some(&stray)
            )
            .0,
        400
    );
}

/// Live checks: a save answers the block's findings as they are now, and the page lists them
/// in place of the old ones — a wrong number is found, and its finding is gone once the
/// number is put right.
#[test]
fn a_save_is_checked_at_once_and_the_page_shows_the_findings() {
    let (work, bo, _) = desk();
    let server = Server::start(work.path());
    let block = (0..40)
        .find(|&b| {
            server.block(&bo, b)["source"]
                .as_str()
                .is_some_and(|s| s.contains("40 km") && !s.contains('<'))
        })
        .expect("the block with 40 km");
    let base = format!("http://127.0.0.1:{}", server.port);
    let browser = Browser::start();
    browser.open_url(&format!("{base}/?token={bo}"));
    browser.open_url(&format!("{base}/review/es/{ARTICLE}"));
    let save = |text: &str| {
        browser.run(
            r#"const c = document.querySelector('#b' + arguments[0] + ' .tgt[contenteditable]');
               c.textContent = arguments[1]; c.dispatchEvent(new Event('input'));
               const old = document.querySelector('#b' + arguments[0] + ' .server-note');
               if (old) { old.remove(); }"#,
            json!([block, text]),
        );
        browser.click("#save");
        browser.run_async(
            r#"const done = arguments[arguments.length - 1], b = arguments[0];
               const wait = () => document.querySelector('#b' + b + ' .server-note')
                 ? done(Array.from(document.querySelectorAll('#b' + b + ' .finding .rule')).map(r => r.textContent))
                 : setTimeout(wait, 50);
               wait();"#,
            json!([block]),
        )
    };
    let wrong = save(
        "«Contamos cada ronda», dijo Hrytsenko en una carretera embarrada a 41 km del frente. «Un solo cañón de 170 milímetros del otro lado puede cambiarnos una semana entera».",
    );
    assert!(
        wrong
            .as_array()
            .expect("rules")
            .iter()
            .any(|r| r == "number-mismatch"),
        "{wrong}"
    );
    let right = save(
        "«Contamos cada ronda», dijo Hrytsenko en una carretera embarrada a 40 km del frente. «Un solo cañón de 170 milímetros del otro lado puede cambiarnos una semana entera».",
    );
    assert!(
        !right
            .as_array()
            .expect("rules")
            .iter()
            .any(|r| r == "number-mismatch"),
        "{right}"
    );
}

/// A revert puts back the text an earlier save made, as a new version: nothing leaves the
/// history, and a revert on a stale version is refused like any save.
#[test]
fn a_revert_brings_back_an_earlier_text_as_a_new_version() {
    let (work, bo, _) = desk();
    let server = Server::start(work.path());
    assert_eq!(server.save(&bo, 0, "Primer título", 0, false).0, 200);
    assert_eq!(server.save(&bo, 0, "Segundo título", 1, false).0, 200);
    let revert = |to: i64, version: i64| {
        server.request(
            "POST",
            "/api/revert",
            &[("X-Verso-Token", &bo)],
            Some(
                &json!({"locale": "es", "path": ARTICLE, "block": 0, "to": to, "version": version}),
            ),
        )
    };
    assert_eq!(revert(1, 1).0, 409, "made on a stale version");
    let (status, said) = revert(1, 2);
    assert_eq!(status, 200, "{said}");
    let now = server.block(&bo, 0);
    assert_eq!(
        (&now["target"], &now["version"]),
        (&json!("Primer título"), &json!(3))
    );
    let (_, history) = server.request(
        "GET",
        &format!("/api/history?locale=es&path={ARTICLE}&block=0"),
        &[("X-Verso-Token", &bo)],
        None,
    );
    let history: Value = serde_json::from_str(&history).expect("JSON");
    assert_eq!(history.as_array().map(Vec::len), Some(3));
    assert_eq!(revert(9, 3).0, 404);
}

/// Two servers on one memory (or a translation run beside a server): the index one server
/// keeps shows a save made through the other within `index_cache::FRESH` (5 s). A save
/// through the server itself shows at once (`serve_desk`'s index test fails otherwise).
#[test]
fn the_index_shows_what_another_process_saved_within_seconds() {
    let (work, bo, ana) = desk();
    let first = Server::start(work.path());
    let second = Server::start(work.path());
    let index = |server: &Server| {
        server
            .request("GET", "/", &[("X-Verso-Token", &bo)], None)
            .1
    };
    let row = |status: &str| format!(" data-status=\"{status}\">");
    let drawn = index(&first);
    assert!(drawn.contains(&row("machine")), "{drawn}");
    assert_eq!(second.save(&ana, 0, "Un título revisado", 0, false).0, 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    // Kept for a while (the save was not this server's), then drawn again.
    while !index(&first).contains(&row("in-review")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the other server's save never showed"
        );
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
}
