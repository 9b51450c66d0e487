//! The review desk on `verso serve`, in a real headless Chromium: history and revert, sending
//! a block back to the machine, dismissing a false alarm (and the next run's report showing
//! it), approving a text with an error only with a reason, the keyboard, the glossary panel,
//! filters, the article's status and assignee, and hostile articles staying inert.

mod common;

use common::browser::{ALT, ARROW_DOWN, ARROW_UP, Browser, CONTROL, ENTER, SHIFT};
use common::served::{ARTICLE, Server, desk, desk_with};
use common::{root, verso};
use serde_json::{Value, json};

/// The block of the article whose source says "40 km" (no markup in it; glossary names are
/// placeholders when the desk has a glossary).
fn forty_km(server: &Server, token: &str) -> usize {
    (0..60)
        .find(|&b| {
            server.block(token, b)["source"]
                .as_str()
                .is_some_and(|s| s.contains("40 km") && !s.replace("<n", "").contains('<'))
        })
        .expect("the block with 40 km")
}

const WRONG: &str = "«Contamos cada ronda», dijo Hrytsenko en una carretera embarrada a 41 km del frente. «Un solo cañón de 170 milímetros del otro lado puede cambiarnos una semana entera».";

/// A browser signed in as the holder of `token`, on the article's page.
fn on_page(server: &Server, token: &str) -> Browser {
    let base = format!("http://127.0.0.1:{}", server.port);
    let browser = Browser::start();
    browser.open_url(&format!("{base}/?token={token}"));
    browser.open_url(&format!("{base}/review/es/{ARTICLE}"));
    browser
}

/// Waits until `condition` (a JS expression) holds in the page; returns `value` (another).
fn wait_for(browser: &Browser, condition: &str, value: &str) -> Value {
    browser.run_async(
        &format!(
            "const done = arguments[arguments.length - 1];
             const wait = () => ({condition}) ? done({value}) : setTimeout(wait, 50);
             wait();"
        ),
        json!([]),
    )
}

fn post(server: &Server, token: &str, path: &str, body: Value) -> (u16, Value) {
    let (status, said) = server.request("POST", path, &[("X-Verso-Token", token)], Some(&body));
    (status, serde_json::from_str(&said).unwrap_or(Value::Null))
}

#[test]
fn the_history_is_shown_on_the_page_and_an_earlier_text_is_put_back_from_it() {
    let (work, bo, _) = desk();
    let server = Server::start(work.path());
    assert_eq!(server.save(&bo, 1, "Primera versión", 0, false).0, 200);
    assert_eq!(server.save(&bo, 1, "Segunda versión", 1, false).0, 200);
    let browser = on_page(&server, &bo);
    browser.click("#b1 .history-show");
    let rows = wait_for(
        &browser,
        "document.querySelectorAll('#b1 ol.history li.version').length >= 2",
        "Array.from(document.querySelectorAll('#b1 ol.history li.version')).map(li => li.textContent)",
    );
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].as_str().is_some_and(|r| r.starts_with("v2 · bo")
            && r.contains("Segunda versión")
            && r.contains("Primera versión")),
        "newest first, before and after: {rows:?}"
    );
    browser.click("#b1 ol.history li[data-version='1'] .revert");
    let cell = wait_for(
        &browser,
        "document.querySelector('#b1 .server-note.saved')",
        "document.querySelector('#b1 .tgt[contenteditable]').textContent",
    );
    assert_eq!(cell, "Primera versión");
    let now = server.block(&bo, 1);
    assert_eq!(
        (&now["target"], &now["version"]),
        (&json!("Primera versión"), &json!(3))
    );
    // The cell shows what is saved: nothing left to save.
    let edited = browser.run(
        "return document.querySelectorAll('section.edited').length;",
        json!([]),
    );
    assert_eq!(edited, 0);
}

#[test]
fn a_block_sent_back_to_the_machine_shows_the_engines_text_again() {
    let (work, bo, ana) = desk();
    let server = Server::start(work.path());
    let engine = server.block(&bo, 1)["target"].clone();
    assert_eq!(server.block(&bo, 1)["status"], "machine");
    assert_eq!(server.save(&bo, 1, "Texto de Bo", 0, false).0, 200);
    let browser = on_page(&server, &bo);
    browser.click("#b1 .send-machine");
    wait_for(
        &browser,
        "document.querySelector('#b1 .server-note.saved')",
        "true",
    );
    let now = server.block(&bo, 1);
    assert_eq!(
        (&now["target"], &now["status"]),
        (&engine, &json!("machine"))
    );
    let shown = browser.run(
        "return [document.querySelector('#b1').dataset.status, document.querySelector('#b1 .tgt[contenteditable]').textContent];",
        json!([]),
    );
    assert_eq!(shown[0], "machine");
    assert!(
        !shown[1]
            .as_str()
            .unwrap_or_default()
            .contains("Texto de Bo"),
        "{shown}"
    );
    // An approved text goes back only by an approver's hand.
    let version = now["version"].as_i64().expect("version");
    let approved = server.save_saying(&ana, 1, "Texto aprobado", version, true, "checked by hand");
    assert_eq!(approved.0, 200, "{:?}", approved.1);
    let back = json!({"locale": "es", "path": ARTICLE, "block": 1, "version": version + 1});
    assert_eq!(post(&server, &bo, "/api/machine", back.clone()).0, 403);
    assert_eq!(post(&server, &ana, "/api/machine", back).0, 200);
}

#[test]
fn a_dismissed_finding_is_kept_with_its_reason_and_the_next_report_lists_it() {
    let (work, bo, _) = desk();
    let dir = work.path();
    let server = Server::start(dir);
    let block = forty_km(&server, &bo);
    let (status, saved) = server.save(&bo, block, WRONG, 0, false);
    assert_eq!(status, 200);
    assert!(
        saved["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["rule"] == "number-mismatch"),
        "{saved}"
    );
    let browser = on_page(&server, &bo);
    let finding = format!("#b{block} li.finding[data-rule='number-mismatch']");
    browser.click(&format!("{finding} .dismiss"));
    browser.type_into(
        &format!("#b{block} .reason-text"),
        "41 km is what the colonel said",
    );
    browser.click(&format!("#b{block} .reason-send"));
    let shown = wait_for(
        &browser,
        &format!("document.querySelector(\"{finding}.dismissed\")"),
        &format!("document.querySelector(\"{finding}\").textContent"),
    );
    assert!(
        shown
            .as_str()
            .is_some_and(|t| t.contains("(bo): 41 km is what the colonel said")),
        "{shown}"
    );
    // Drawn again, the page still shows it dismissed, and the block is not counted.
    browser.open_url(&format!(
        "http://127.0.0.1:{}/review/es/{ARTICLE}",
        server.port
    ));
    let again = browser.run(
        "return document.querySelector(arguments[0]).className;",
        json!([finding]),
    );
    assert!(
        again.as_str().is_some_and(|c| c.contains("dismissed")),
        "{again}"
    );
    drop(server);
    // The next run writes Bo's text: the finding is in the report as dismissed, not an issue.
    let run = verso()
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
            "again",
            "--report",
            "report.json",
            "--no-review",
        ])
        .output()
        .expect("runs");
    assert!(run.status.code().is_some(), "{run:?}");
    let report: Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).expect("report"))
            .expect("JSON");
    let file = &report["files"][0];
    let dismissed = file["dismissed"].as_array().expect("a dismissed list");
    assert!(
        dismissed.iter().any(|d| d["rule"] == "number-mismatch"
            && d["block"] == block
            && d["dismissed_by"] == "bo"
            && d["reason"] == "41 km is what the colonel said"),
        "{dismissed:?}"
    );
    assert!(
        !file["issues"]
            .as_array()
            .expect("issues")
            .iter()
            .any(|i| i["rule"] == "number-mismatch" && i["block"] == block),
        "a dismissed finding is not an issue"
    );
    // A changed text is judged again.
    let server = Server::start(dir);
    let version = server.block(&bo, block)["version"]
        .as_i64()
        .expect("version");
    let (_, changed) = server.save(&bo, block, &WRONG.replace("41 km", "42 km"), version, false);
    assert!(
        changed["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["rule"] == "number-mismatch" && f["dismissed"].is_null()),
        "{changed}"
    );
}

#[test]
fn approving_a_text_with_an_error_by_keyboard_asks_why_and_stores_nothing_until_told() {
    let (work, _, ana) = desk();
    let server = Server::start(work.path());
    let block = forty_km(&server, &ana);
    let browser = on_page(&server, &ana);
    let cell = format!("#b{block} .tgt[contenteditable]");
    browser.run(
        "const c = document.querySelector(arguments[0]); c.textContent = arguments[1];
         c.dispatchEvent(new Event('input')); c.focus();",
        json!([cell, WRONG]),
    );
    browser.press(&[CONTROL, SHIFT, ENTER]);
    wait_for(
        &browser,
        &format!("document.querySelector('#b{block} .reason-text')"),
        "true",
    );
    assert_eq!(
        server.block(&ana, block)["version"],
        0,
        "nothing stored yet"
    );
    browser.type_into(
        &format!("#b{block} .reason-text"),
        "the source is wrong, 41 is right",
    );
    browser.press(&[ENTER]);
    let status = wait_for(
        &browser,
        &format!("document.querySelector('#b{block} .server-note.saved')"),
        &format!("document.querySelector('#b{block}').dataset.status"),
    );
    assert_eq!(status, "approved");
    let now = server.block(&ana, block);
    assert_eq!(
        (&now["target"], &now["status"]),
        (&json!(WRONG), &json!("approved"))
    );
    let dismissed = browser.run(
        "return document.querySelector(arguments[0]).textContent;",
        json!([format!(
            "#b{block} li.finding.dismissed[data-rule='number-mismatch']"
        )]),
    );
    assert!(
        dismissed
            .as_str()
            .is_some_and(|t| t.contains("the source is wrong, 41 is right")),
        "{dismissed}"
    );
    // Ctrl+Enter alone saves without approving.
    let other = (0..60)
        .find(|&b| {
            b != block
                && server.block(&ana, b)["source"]
                    .as_str()
                    .is_some_and(|s| !s.contains('<'))
        })
        .expect("another block");
    browser.run(
        "const c = document.querySelector('#b' + arguments[0] + ' .tgt[contenteditable]');
         c.textContent = 'Guardado con el teclado'; c.dispatchEvent(new Event('input')); c.focus();",
        json!([other]),
    );
    browser.press(&[CONTROL, ENTER]);
    wait_for(
        &browser,
        &format!("document.querySelector('#b{other} .server-note.saved')"),
        "true",
    );
    let saved = server.block(&ana, other);
    assert_eq!(
        (&saved["target"], &saved["status"]),
        (&json!("Guardado con el teclado"), &json!("reviewed"))
    );
}

#[test]
fn alt_arrows_go_from_finding_to_finding_and_the_panel_shows_the_blocks_glossary() {
    let glossary = root().join("config/glossary.example.toml");
    let glossary = glossary.to_str().expect("path");
    common::require_apertium();
    let (work, bo, _) = desk_with("apertium", &["--glossary", glossary]);
    let server = Server::start_with(work.path(), &["--glossary", glossary]);
    let block = forty_km(&server, &bo);
    assert_eq!(
        server
            .save(&bo, block, &WRONG.replace("Hrytsenko", "<n1/>"), 0, false)
            .0,
        200
    );
    let browser = on_page(&server, &bo);
    let with_findings = browser.run(
        "return Array.from(document.querySelectorAll('section.has-findings')).map(s => s.dataset.block);",
        json!([]),
    );
    let with_findings: Vec<String> = with_findings
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b.as_str().map(str::to_string))
        .collect();
    assert!(with_findings.len() >= 2, "{with_findings:?}");
    let at = || {
        browser.run(
            "const s = document.activeElement.closest('section.block'); return s ? s.dataset.block : null;",
            json!([]),
        )
    };
    browser.run("document.body.focus();", json!([]));
    browser.press(&[ALT, ARROW_DOWN]);
    assert_eq!(at(), json!(with_findings[0]));
    browser.press(&[ALT, ARROW_DOWN]);
    assert_eq!(at(), json!(with_findings[1]));
    browser.press(&[ALT, ARROW_UP]);
    assert_eq!(at(), json!(with_findings[0]));
    // The block with Hrytsenko: his glossary entry, note included, in the side panel.
    browser.run(
        "document.querySelector('#b' + arguments[0] + ' .tgt[contenteditable]').focus();",
        json!([block]),
    );
    let panel = browser.run(
        "return document.querySelector('#concepts .panel').textContent;",
        json!([]),
    );
    let panel = panel.as_str().unwrap_or_default();
    assert!(
        panel.contains("Oleksandr Hrytsenko") && panel.contains("Colonel"),
        "{panel}"
    );
    // The README's picture of the desk: this block, its finding, its glossary.
    browser.run(
        "document.querySelector('#b' + arguments[0]).scrollIntoView({block: 'center'});",
        json!([block]),
    );
    let shot = browser.screenshot();
    assert_eq!(&shot[..8], b"\x89PNG\r\n\x1a\n", "a PNG screenshot");
    std::fs::write(root().join("target/review-desk.png"), &shot).expect("screenshot saved");
    if std::env::var_os("VERSO_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/review-desk.png"), &shot).expect("docs screenshot");
    }
    // A block without a concept says so.
    let plain = browser.run(
        "const s = Array.from(document.querySelectorAll('section.block')).find(s =>
           !s.querySelector('.term, .chip.name')); s.querySelector('.tgt, .src').click(); return s.dataset.block;",
        json!([]),
    );
    assert!(plain.is_string());
    let none = browser.run(
        "return document.querySelector('#concepts .panel').textContent;",
        json!([]),
    );
    assert_eq!(none, "No glossary concept in this block.");
}

#[test]
fn filters_show_blocks_by_status_rule_and_comments() {
    let (work, bo, _) = desk();
    let server = Server::start(work.path());
    assert_eq!(server.save(&bo, 0, "Un título revisado", 0, false).0, 200);
    let body = json!({"locale": "es", "path": ARTICLE, "block": 2, "text": "¿Fuente?"});
    assert_eq!(post(&server, &bo, "/api/comments", body).0, 200);
    let browser = on_page(&server, &bo);
    let shown = |script: &str| -> Vec<String> {
        browser.run(script, json!([]));
        browser
            .run(
                "return Array.from(document.querySelectorAll('section.block'))
                   .filter(s => s.offsetParent !== null).map(s => s.dataset.block);",
                json!([]),
            )
            .as_array()
            .expect("blocks")
            .iter()
            .filter_map(|b| b.as_str().map(str::to_string))
            .collect()
    };
    let reviewed = shown(
        "const f = document.getElementById('filter-status'); f.value = 'reviewed'; f.dispatchEvent(new Event('change'));",
    );
    assert_eq!(reviewed, ["0"]);
    let all = shown(
        "const f = document.getElementById('filter-status'); f.value = ''; f.dispatchEvent(new Event('change'));",
    );
    assert!(all.len() > 5);
    let rule = browser.run(
        "return document.querySelector('#filter-rule option:nth-child(2)').value;",
        json!([]),
    );
    let rule = rule.as_str().expect("a rule with findings").to_string();
    let by_rule = shown(&format!(
        "const f = document.getElementById('filter-rule'); f.value = '{rule}'; f.dispatchEvent(new Event('change'));"
    ));
    assert!(
        !by_rule.is_empty() && by_rule.len() < all.len(),
        "{by_rule:?}"
    );
    for b in &by_rule {
        let rules = browser.run(
            "return document.getElementById('b' + arguments[0]).dataset.rules;",
            json!([b]),
        );
        assert!(
            rules
                .as_str()
                .is_some_and(|r| r.split(' ').any(|x| x == rule)),
            "{b}: {rules}"
        );
    }
    let commented = shown(
        "const f = document.getElementById('filter-rule'); f.value = ''; f.dispatchEvent(new Event('change'));
         const c = document.getElementById('filter-comments'); c.checked = true; c.dispatchEvent(new Event('change'));",
    );
    assert_eq!(commented, ["2"]);
}

#[test]
fn the_index_shows_each_articles_status_and_assignee_and_filters_by_status() {
    let (work, bo, ana) = desk();
    let server = Server::start(work.path());
    let index = |query: &str| {
        server
            .request("GET", &format!("/{query}"), &[("X-Verso-Token", &bo)], None)
            .1
    };
    let first = index("");
    assert!(
        first.contains("a-machine") && first.contains("nobody"),
        "{first}"
    );
    let assign = |who: &str| {
        post(
            &server,
            &ana,
            "/api/assign",
            json!({"locale": "es", "path": ARTICLE, "assignee": who}),
        )
        .0
    };
    assert_eq!(assign("nobody-known"), 400);
    assert_eq!(assign("bo"), 200);
    assert_eq!(server.save(&bo, 0, "Un título revisado", 0, false).0, 200);
    let now = index("");
    assert!(
        now.contains("a-in-review") && now.contains("<td class=\"assignee\">bo</td>"),
        "{now}"
    );
    assert!(!index("?status=approved").contains(ARTICLE));
    assert!(index("?status=in-review").contains(ARTICLE));
    // The page offers the assignment; the browser changes it.
    let browser = on_page(&server, &bo);
    browser.run(
        "document.getElementById('assign-to').value = 'ana';",
        json!([]),
    );
    browser.click("#assign");
    let shown = wait_for(
        &browser,
        "document.getElementById('assignee').textContent === 'ana'",
        "true",
    );
    assert_eq!(shown, true);
    assert!(index("").contains("<td class=\"assignee\">ana</td>"));
    // Without a token, a browser gets nothing but the way in.
    let stranger = Browser::start();
    stranger.open_url(&format!(
        "http://127.0.0.1:{}/review/es/{ARTICLE}",
        server.port
    ));
    let text = stranger.run("return document.body.textContent;", json!([]));
    assert!(
        text.as_str()
            .is_some_and(|t| t.contains("token") && !t.contains("Hrytsenko")),
        "{text}"
    );
}

#[test]
fn markup_and_scripts_in_an_article_stay_inert_on_the_served_page() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let hostile = "# Title <script>document.title='pwned'</script>\n\n\
                   A paragraph <img src=x onerror=\"document.title='pwned'\"> with markup.\n\n\
                   [a link](javascript:document.title='pwned') and `</script><script>document.title='pwned'</script>`\n";
    std::fs::write(dir.join(ARTICLE), hostile).expect("article");
    common::served::translate_into_memory(dir, &[ARTICLE], "pseudo", &[]);
    let token = common::served::add_reviewer(dir, "bo", "approver");
    let server = Server::start(dir);
    let browser = on_page(&server, &token);
    browser.click("#b1 .history-show");
    let seen = browser.run(
        "return { title: document.title, images: document.querySelectorAll('main img').length,
                  scripts: document.querySelectorAll('main script').length,
                  links: document.querySelectorAll('main a').length,
                  blocks: document.querySelectorAll('section.block').length };",
        json!([]),
    );
    assert!(
        !seen["title"].as_str().unwrap_or_default().contains("pwned"),
        "{seen}"
    );
    assert_eq!(
        (&seen["images"], &seen["scripts"], &seen["links"]),
        (&json!(0), &json!(0), &json!(0)),
        "{seen}"
    );
    assert!(seen["blocks"].as_u64().is_some_and(|n| n >= 2), "{seen}");
}

#[test]
fn a_save_is_compared_with_the_whole_batch_at_once() {
    const OTHER: &str = "korea-broadcasts.md";
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    for name in [ARTICLE, OTHER] {
        std::fs::copy(common::examples().join(name), dir.join(name)).expect("copy");
    }
    common::served::translate_into_memory(dir, &[ARTICLE, OTHER], "pseudo", &[]);
    let bo = common::served::add_reviewer(dir, "bo", "reviewer");
    let server = Server::start_with(dir, &[OTHER]);
    let get = |path: &str, block: usize| -> Value {
        let (status, body) = server.request(
            "GET",
            &format!("/api/block?locale=es&path={path}&block={block}"),
            &[("X-Verso-Token", &bo)],
            None,
        );
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).expect("JSON")
    };
    let plain = |path: &str| {
        (1..40)
            .find(|&b| {
                get(path, b)["source"]
                    .as_str()
                    .is_some_and(|s| !s.contains('<') && s.split_whitespace().count() > 5)
            })
            .expect("a plain paragraph")
    };
    let (here, there) = (plain(ARTICLE), plain(OTHER));
    // Bo writes, in the other article, the very text a different source has in this one.
    let text = get(ARTICLE, here)["target"]
        .as_str()
        .expect("a translation")
        .to_string();
    let (status, saved) = post(
        &server,
        &bo,
        "/api/block",
        json!({"locale": "es", "path": OTHER, "block": there, "target": text, "version": 0}),
    );
    assert_eq!(status, 200, "{saved}");
    let found: Vec<&Value> = saved["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "inconsistent")
        .collect();
    assert!(
        found.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains(&format!("{ARTICLE}#{here}")))),
        "{saved}"
    );
    // Put back as it was, the finding goes.
    let engine = get(OTHER, there);
    assert_eq!(engine["version"], 1);
    let (status, back) = post(
        &server,
        &bo,
        "/api/machine",
        json!({"locale": "es", "path": OTHER, "block": there, "version": 1}),
    );
    assert_eq!(status, 200, "{back}");
    assert!(
        !back["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["rule"] == "inconsistent"),
        "{back}"
    );
}
