//! The HTML review page in a real headless Chromium: it loads without console errors, shows
//! what it should, an edit plus an approval export the expected corrections JSON, that file
//! imported makes the next run write the edit without the engine, and a hostile article
//! stays inert.

mod common;

use std::path::Path;

use common::browser::Browser;
use common::{examples, report, root, translate, verso};
use serde_json::{Value, json};

const PAGE: &str = "out/review/es/frontline-artillery.md.html";

fn glossary() -> String {
    root()
        .join("config/glossary.example.toml")
        .display()
        .to_string()
}

fn run_ok(mut cmd: impl std::borrow::BorrowMut<std::process::Command>) -> String {
    let out = cmd.borrow_mut().output().expect("verso runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "verso failed: {stderr}");
    stderr
}

fn translate_article(dir: &Path) {
    std::fs::create_dir_all(dir.join("articles")).expect("mkdir");
    std::fs::copy(
        examples().join("frontline-artillery.md"),
        dir.join("articles/frontline-artillery.md"),
    )
    .expect("copy");
    run_ok(translate(
        dir,
        Path::new("articles"),
        &["--glossary", &glossary()],
    ));
}

/// Console entries at SEVERE level (errors, CSP violations, failed loads).
fn severe(browser: &Browser) -> Vec<String> {
    browser
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .map(|(_, m)| m)
        .collect()
}

#[test]
fn page_shows_the_article_and_corrections_round_trip_through_the_memory() {
    common::require_apertium();
    let dir = tempfile::tempdir().expect("tmp");
    translate_article(dir.path());
    let page = dir.path().join(PAGE);
    assert!(dir.path().join("out/review/index.html").is_file());
    let first = report(&dir.path().join("report.json"));
    let blocks = first["files"][0]["blocks"].as_u64().expect("blocks");
    // The index links the page with its counts: blocks, then errors as the report has them.
    let index = std::fs::read_to_string(dir.path().join("out/review/index.html")).expect("index");
    let errors = first["files"][0]["issues"]
        .as_array()
        .map_or(0, |i| i.iter().filter(|x| x["severity"] == "error").count());
    let row = index
        .split("<tr")
        .find(|r| r.contains("<a href=\"es/frontline-artillery.md.html\">frontline-artillery.md</a></td><td>es</td>"))
        .unwrap_or_else(|| panic!("{index}"));
    assert!(
        row.contains(&format!("</td><td>{blocks}</td><td>{errors}</td>")),
        "{row}"
    );
    // Its status: nobody has reviewed a block yet.
    assert!(
        row.contains("<td class=\"a-machine\">Machine</td>"),
        "{row}"
    );

    let browser = Browser::start();
    browser.open(&page);
    assert_eq!(severe(&browser), Vec::<String>::new(), "console errors");
    let shot = browser.screenshot();
    assert_eq!(&shot[..8], b"\x89PNG\r\n\x1a\n", "a PNG screenshot");
    std::fs::write(root().join("target/review-page.png"), &shot).expect("screenshot saved");
    if std::env::var_os("VERSO_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/review-page.png"), &shot).expect("docs screenshot");
    }

    // What the page shows.
    let facts = browser.run(
        r#"
        const q = s => document.querySelectorAll(s);
        const shared = Array.from(q('section.block')).filter(b => {
            const cls = el => Array.from(el.querySelectorAll('.term'))
                .map(t => Array.from(t.classList).find(c => /^c\d$/.test(c)));
            const src = cls(b.querySelector('.src') || b);
            return Array.from(b.querySelectorAll('.tgt')).some(t => cls(t).some(c => src.includes(c)));
        }).length;
        return {
            blocks: q('section.block').length,
            errorsShown: Number(document.querySelector('.n-errors dd').textContent),
            errorItems: q('.finding.err').length,
            findingBlocks: q('section.has-findings').length,
            sharedConceptBlocks: shared,
            numbers: q('.src .num, .src .qty, .src .date').length,
            targetNumbers: q('.tgt .num, .tgt .qty, .tgt .date').length,
            sentenceRows: Array.from(q('section.block')).filter(b => b.querySelectorAll('.row').length > 1).length,
            kinds: Array.from(new Set(Array.from(q('.meta .kind')).map(k => k.textContent))),
            editable: q('.tgt[contenteditable="true"]').length,
            chips: q('.tgt .chip[contenteditable="false"]').length,
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
            changes: q('.change').length,
            changeMarks: q('.tgt .loc[data-l]').length,
            findingItems: q('.finding').length,
        };
        "#,
        json!([]),
    );
    assert_eq!(facts["blocks"].as_u64(), Some(blocks), "{facts}");
    assert_eq!(facts["errorsShown"], facts["errorItems"], "{facts}");
    assert!(facts["findingItems"].as_u64() > Some(0), "{facts}");
    // What verso changed in the engine's text is listed and marked.
    let changes = first["files"][0]["localized"]
        .as_array()
        .map_or(0, Vec::len) as u64;
    assert!(changes >= 5, "{first}");
    assert_eq!(facts["changes"].as_u64(), Some(changes), "{facts}");
    assert!(facts["changeMarks"].as_u64() >= Some(changes), "{facts}");
    assert!(facts["sharedConceptBlocks"].as_u64() >= Some(3), "{facts}");
    assert!(facts["numbers"].as_u64() >= Some(5), "{facts}");
    assert!(facts["targetNumbers"].as_u64() >= Some(5), "{facts}");
    assert!(facts["sentenceRows"].as_u64() >= Some(1), "{facts}");
    assert!(facts["chips"].as_u64() >= Some(3), "{facts}");
    for kind in [
        "Heading",
        "List item",
        "Paragraph",
        "Quote",
        "Image text",
        "Front matter",
    ] {
        assert!(
            facts["kinds"]
                .as_array()
                .is_some_and(|k| k.iter().any(|x| x == kind)),
            "{kind} shown: {facts}"
        );
    }
    assert!(
        facts["csp"]
            .as_str()
            .is_some_and(|c| c.contains("default-src 'none'"))
    );

    // The filter shows only blocks with findings.
    browser.click("#only-findings");
    let visible = browser.run(
        "return Array.from(document.querySelectorAll('section.block')).filter(b => b.offsetParent !== null).length;",
        json!([]),
    );
    assert_eq!(visible, facts["findingBlocks"]);
    assert!(visible.as_u64() < Some(blocks));
    browser.click("#only-findings");

    // Edit the block with the link (its chips stay), approve the title, download.
    let edited = browser.run(
        r#"
        const cell = Array.from(document.querySelectorAll('section.block .tgt'))
            .find(c => c.querySelector('.chip.open') && c.textContent.includes('Instituto'));
        const section = cell.closest('section.block');
        const close = cell.querySelector('.chip.close');
        while (close.nextSibling) { close.nextSibling.remove(); }
        close.after(document.createTextNode(' dice que el ritmo de los combates subió un 15 % en enero.'));
        cell.dispatchEvent(new Event('input', { bubbles: true }));
        window.__blobs = [];
        const create = URL.createObjectURL;
        URL.createObjectURL = function (blob) { window.__blobs.push(blob); return create.call(URL, blob); };
        return Number(section.dataset.block);
        "#,
        json!([]),
    );
    // Undoing verso's "11.000" puts the engine's "11,000" back, as the reviewer's edit.
    let undone = browser.run(
        r#"
        const item = Array.from(document.querySelectorAll('.change'))
            .find(i => i.dataset.engine === '11,000');
        item.querySelector('.undo').click();
        const section = item.closest('section.block');
        return [Number(section.dataset.block), section.querySelector('.tgt').textContent,
                section.classList.contains('edited')];
        "#,
        json!([]),
    );
    let undone_block = undone[0].as_u64().expect("block");
    assert!(
        undone[1]
            .as_str()
            .is_some_and(|t| t.contains("11,000 y 12.000")),
        "{undone}"
    );
    assert_eq!(undone[2], true, "{undone}");
    browser.click("section.block[data-block=\"0\"] .approve-box");
    browser.click("#download");
    let text = browser.run_async(
        "const done = arguments[arguments.length - 1]; window.__blobs[0].text().then(done);",
        json!([]),
    );
    let corrections: Value =
        serde_json::from_str(text.as_str().expect("blob text")).expect("JSON corrections");
    assert_eq!(corrections["format"], "verso-corrections");
    assert_eq!(corrections["version"], 1);
    assert_eq!(corrections["source_lang"], "en");
    assert_eq!(corrections["target_lang"], "es");
    let list = corrections["blocks"].as_array().expect("blocks");
    assert_eq!(list.len(), 3, "{corrections}");
    let reverted = list
        .iter()
        .find(|b| b["block"] == undone_block)
        .expect("the undone change");
    assert!(
        reverted["target"]
            .as_str()
            .is_some_and(|t| t.contains("11,000")),
        "{reverted}"
    );
    let title = list.iter().find(|b| b["block"] == 0).expect("title");
    assert_eq!(title["status"], "approved");
    assert_eq!(title["edited"], false);
    let edit = list.iter().find(|b| b["block"] == edited).expect("edit");
    assert_eq!(edit["status"], "reviewed");
    assert_eq!(edit["edited"], true);
    let target = edit["target"].as_str().expect("target");
    assert!(
        target.contains("<1>") && target.contains("</1>"),
        "the link's chips are placeholders: {target}"
    );
    assert!(
        target.ends_with("</1> dice que el ritmo de los combates subió un 15 % en enero."),
        "{target}"
    );
    let counts = browser.run(
        "return document.getElementById('counts').textContent;",
        json!([]),
    );
    assert!(
        counts
            .as_str()
            .is_some_and(|c| c.contains("frontline-artillery.md.es.corrections.json")),
        "{counts}"
    );
    assert_eq!(severe(&browser), Vec::<String>::new(), "console errors");

    // Back into the memory; the next run writes the edit without the engine.
    let file = dir.path().join("corrections.json");
    std::fs::write(&file, text.as_str().unwrap_or_default()).expect("write");
    let said = run_ok(verso().current_dir(dir.path()).args([
        "import",
        "corrections.json",
        "--memory",
        "mem.sqlite",
    ]));
    assert!(
        said.contains("1 approved and 2 reviewed"),
        "import says what it stored: {said}"
    );
    run_ok(translate(
        dir.path(),
        Path::new("articles"),
        &["--glossary", &glossary()],
    ));
    let second = report(&dir.path().join("report.json"));
    assert_eq!(second["files"][0]["engine_calls"], 0, "{second}");
    let written =
        std::fs::read_to_string(dir.path().join("out/es/frontline-artillery.md")).expect("output");
    assert!(
        written.contains("subió un 15 % en enero"),
        "the edit is written: {written}"
    );
    assert!(
        written.contains("11,000 y 12.000"),
        "a reviewer's text is written as the reviewer left it: {written}"
    );
    browser.open(&page);
    let statuses = browser.run(
        &format!(
            "const s = n => document.querySelector('section.block[data-block=\"' + n + '\"]');\
             return [s(0).dataset.status, s(0).querySelector('.approve-box').checked, s({edited}).dataset.status];"
        ),
        json!([]),
    );
    assert_eq!(statuses, json!(["approved", true, "reviewed"]));
}

#[test]
fn a_hostile_article_stays_inert() {
    let dir = tempfile::tempdir().expect("tmp");
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).expect("mkdir");
    std::fs::write(
        articles.join("hostile.md"),
        "# Breaking <script>window.__pwned = 1</script> news\n\n\
         Officials said <img src=\"x\" onerror=\"window.__pwned = 2\"> the plan \
         [failed](javascript:window.__pwned=3) on \"onerror=alert(1)\".\n\n\
         <script>window.__pwned = 4</script>\n\n\
         A quote: \"</script><script>window.__pwned = 5</script>\" and <b onmouseover=\"window.__pwned = 6\">bold</b>.\n",
    )
    .expect("article");
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[evil]\nkind = \"organization\"\nnote = \"<img src=x onerror=window.__pwned=7>\"\n\
         [evil.en]\npreferred = \"Officials\"\n\
         [evil.es]\npreferred = \"<script>window.__pwned = 8</script>\"\n",
    )
    .expect("glossary");
    let glossary = dir.path().join("glossary.toml").display().to_string();
    run_ok(translate(
        dir.path(),
        Path::new("articles"),
        &["--engine", "identity", "--glossary", &glossary],
    ));
    let page = dir.path().join("out/review/es/hostile.md.html");
    let browser = Browser::start();
    browser.open(&page);
    // Hover and click everything a reviewer might touch.
    browser.run(
        "document.querySelectorAll('*').forEach(e => { \
           e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); \
           e.dispatchEvent(new MouseEvent('click', {bubbles: true})); });",
        json!([]),
    );
    let state = browser.run(
        r#"return {
            pwned: typeof window.__pwned,
            scripts: document.scripts.length,
            active: document.querySelectorAll('img, iframe, object, embed, a, [onerror], [onmouseover], [src], [href]').length,
            shown: document.body.textContent.includes('<script>window.__pwned = 1</script>'),
            name: document.body.textContent.includes('<script>window.__pwned = 8</script>'),
        };"#,
        json!([]),
    );
    assert_eq!(
        state,
        json!({"pwned": "undefined", "scripts": 2, "active": 0, "shown": true, "name": true}),
        "nothing from the article runs, and it is shown as text"
    );
    assert_eq!(severe(&browser), Vec::<String>::new(), "console errors");
}

#[test]
fn a_deleted_placeholder_is_put_back_from_the_source_column() {
    common::require_apertium();
    let dir = tempfile::tempdir().expect("tmp");
    translate_article(dir.path());
    let browser = Browser::start();
    browser.open(&dir.path().join(PAGE));
    // Delete the link's closing chip from the translation, leave the caret at the end.
    let block = browser.run(
        r#"
        const cell = Array.from(document.querySelectorAll('section.block .tgt'))
            .find(c => c.querySelector('.chip.close') && c.textContent.includes('Instituto'));
        cell.querySelector('.chip.close').remove();
        cell.focus();
        const range = document.createRange();
        range.selectNodeContents(cell);
        range.collapse(false);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        cell.dispatchEvent(new Event('input', { bubbles: true }));
        return Number(cell.closest('section.block').dataset.block);
        "#,
        json!([]),
    );
    let missing = browser.run(
        "const b = window.versoCorrections().blocks.find(b => b.block === arguments[0]); return b.target;",
        json!([block]),
    );
    assert!(
        missing.as_str().is_some_and(|t| !t.contains("</1>")),
        "{missing}"
    );
    browser.click(&format!(
        "section.block[data-block=\"{block}\"] .src .chip.close"
    ));
    let back = browser.run(
        "const b = window.versoCorrections().blocks.find(b => b.block === arguments[0]); return b ? b.target : null;",
        json!([block]),
    );
    let text = back.as_str().unwrap_or_default();
    assert!(
        text.contains("<1>") && text.contains("</1>"),
        "the chip is back: {back}"
    );
    assert_eq!(severe(&browser), Vec::<String>::new());
}
