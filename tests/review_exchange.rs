//! Reviewed work comes back: export → edit → import → translate writes the edits without the
//! engine, through XLIFF 2.1, XLIFF 1.2 and TMX; broken files are refused whole and name the
//! unit or block; the terminal view and the page's language.

mod common;

use std::path::Path;

use common::{examples, report, root, translate, verso};

fn glossary() -> String {
    root()
        .join("config/glossary.example.toml")
        .display()
        .to_string()
}

fn run(cmd: &mut std::process::Command) -> (bool, String, String) {
    let out = cmd.output().expect("verso runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn ok(cmd: &mut std::process::Command) -> String {
    let (success, stdout, stderr) = run(cmd);
    assert!(success, "verso failed: {stderr}");
    stdout + &stderr
}

/// A work directory with the front-line article translated to Spanish by Apertium.
fn translated() -> tempfile::TempDir {
    translated_with(&[])
}

/// The engine's text as it came (`--no-localize`): errors for the terminal view to show.
fn translated_raw() -> tempfile::TempDir {
    translated_with(&["--no-localize"])
}

fn translated_with(extra: &[&str]) -> tempfile::TempDir {
    common::require_apertium();
    let g = glossary();
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::copy(
        examples().join("frontline-artillery.md"),
        dir.path().join("articles/frontline-artillery.md"),
    )
    .expect("copy");
    let mut args = vec!["--glossary", &g];
    args.extend(extra);
    ok(&mut translate(dir.path(), Path::new("articles"), &args));
    dir
}

/// Translates again; returns the report.
fn retranslate(dir: &Path) -> serde_json::Value {
    ok(&mut translate(
        dir,
        Path::new("articles"),
        &["--glossary", &glossary()],
    ));
    report(&dir.join("report.json"))
}

fn xliff_export(dir: &Path, version: &str) -> std::path::PathBuf {
    ok(verso().current_dir(dir).args([
        "xliff",
        "export",
        "articles",
        "--to",
        "es",
        "--glossary",
        &glossary(),
        "--memory",
        "mem.sqlite",
        "--out",
        "xliff",
        "--xliff-version",
        version,
    ]));
    dir.join("xliff/es/frontline-artillery.md.xlf")
}

/// The byte range of the element that starts with `open` (inside `within`).
fn element(
    text: &str,
    within: std::ops::Range<usize>,
    open: &str,
    close: &str,
) -> std::ops::Range<usize> {
    let start = within.start
        + text[within.clone()]
            .find(open)
            .unwrap_or_else(|| panic!("{open} in {}", &text[within.clone()]));
    let end = start + text[start..].find(close).expect("closed") + close.len();
    start..end
}

/// Edits the last `<target>` of a unit: `f` gets its content and returns the new one; every
/// `state="…"` of the unit becomes `state`.
fn edit_unit(
    xml: &str,
    unit: &str,
    close: &str,
    state: &str,
    f: impl Fn(&str) -> String,
) -> String {
    let u = element(xml, 0..xml.len(), unit, close);
    let body = &xml[u.clone()];
    let t_open = body.rfind("<target").expect("a target");
    let content_start = t_open + body[t_open..].find('>').expect(">") + 1;
    let content_end = content_start + body[content_start..].find("</target>").expect("</target>");
    let edited = format!(
        "{}{}{}",
        &body[..content_start],
        f(&body[content_start..content_end]),
        &body[content_end..]
    );
    let edited = [
        "translated",
        "initial",
        "new",
        "final",
        "reviewed",
        "signed-off",
    ]
    .iter()
    .fold(edited, |acc, s| {
        acc.replace(&format!("state=\"{s}\""), &format!("state=\"{state}\""))
    });
    format!("{}{}{}", &xml[..u.start], edited, &xml[u.end..])
}

/// The unit id of the first unit whose target has a paired code.
fn unit_with_code(xml: &str, unit_tag: &str, code: &str) -> String {
    let at = xml.find(code).expect("a paired code");
    let start = xml[..at].rfind(unit_tag).expect("its unit");
    let id = &xml[start..];
    let id = &id[id.find("id=\"").expect("id") + 4..];
    id[..id.find('"').expect("quote")].to_string()
}

fn page(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("out/review/es/frontline-artillery.md.html")).expect("page")
}

fn status_of(page: &str, block: usize) -> String {
    let marker = format!("data-block=\"{block}\" data-status=\"");
    let at = page.find(&marker).expect("block on page") + marker.len();
    page[at..at + page[at..].find('"').expect("quote")].to_string()
}

fn check_round_trip(dir: &Path, edited_block: usize, title: &str) {
    let second = retranslate(dir);
    assert_eq!(second["files"][0]["engine_calls"], 0, "{second}");
    let written =
        std::fs::read_to_string(dir.join("out/es/frontline-artillery.md")).expect("output");
    assert!(written.contains(title), "{written}");
    assert!(written.contains("(revisado)"), "{written}");
    let page = page(dir);
    assert_eq!(status_of(&page, 0), "approved");
    assert_eq!(status_of(&page, edited_block), "reviewed");
    assert_eq!(status_of(&page, 4), "machine");
}

/// How one XLIFF version spells what the round trip edits.
struct Spelling {
    version: &'static str,
    unit: &'static str,
    close: &'static str,
    paired_code: &'static str,
    reviewed: &'static str,
}

/// Export → edit the title (approved) and the block with a link (reviewed, its codes kept) →
/// import with `import_command` → translate writes both without the engine.
fn xliff_round_trip(x: &Spelling, import_command: &[&str]) {
    let dir = translated();
    let file = xliff_export(dir.path(), x.version);
    let xml = std::fs::read_to_string(&file).expect("xliff");
    assert!(xml.contains(&format!("version=\"{}\"", x.version)) && xml.contains(x.paired_code));
    assert!(
        xml.contains("seoul") || xml.contains("robotyne"),
        "glossary notes: {xml}"
    );
    let linked = unit_with_code(&xml, x.unit, x.paired_code);
    let block: usize = linked.trim_start_matches('b').parse().expect("b<n>");
    let title = "Los duelos de artillería se intensifican en el frente sur";
    let unit = |id: &str| format!("{}id=\"{id}\"", x.unit);
    let xml = edit_unit(&xml, &unit("b0"), x.close, "final", |_| title.into());
    let xml = edit_unit(&xml, &unit(&linked), x.close, x.reviewed, |t| {
        format!("{} (revisado)", t.trim_end())
    });
    std::fs::write(&file, xml).expect("edited");
    let said = ok(verso().current_dir(dir.path()).args(import_command).args([
        "xliff/es/frontline-artillery.md.xlf",
        "--memory",
        "mem.sqlite",
    ]));
    assert!(said.contains("1 approved and 1 reviewed"), "{said}");
    check_round_trip(dir.path(), block, title);
}

#[test]
fn xliff_21_round_trip_writes_the_edits_without_the_engine() {
    xliff_round_trip(
        &Spelling {
            version: "2.1",
            unit: "<unit ",
            close: "</unit>",
            paired_code: "<pc id=\"1\"",
            reviewed: "reviewed",
        },
        &["xliff", "import"],
    );
}

#[test]
fn xliff_12_round_trip_writes_the_edits_without_the_engine() {
    xliff_round_trip(
        &Spelling {
            version: "1.2",
            unit: "<trans-unit ",
            close: "</trans-unit>",
            paired_code: "<g id=\"1\">",
            reviewed: "signed-off",
        },
        &["import"],
    );
}

#[test]
fn tmx_round_trip_writes_the_edits_without_the_engine() {
    let dir = translated();
    ok(verso().current_dir(dir.path()).args([
        "memory",
        "export",
        "mem.tmx",
        "--memory",
        "mem.sqlite",
    ]));
    let tmx = std::fs::read_to_string(dir.path().join("mem.tmx")).expect("tmx");
    // The title (block 0) and the block with the link.
    let title_source = "<seg>Artillery duels intensify along the southern front</seg>";
    let title = "Los duelos de artillería se intensifican en el frente sur";
    let edit = |tmx: &str, source: &str, f: &dyn Fn(&str) -> String| {
        let at = tmx
            .find(source)
            .unwrap_or_else(|| panic!("{source} in the TMX"));
        let tu_start = tmx[..at].rfind("<tu ").expect("tu");
        let tu_end = at + tmx[at..].find("</tu>").expect("/tu");
        let tu = &tmx[tu_start..tu_end];
        let es = tu.find("xml:lang=\"es\"").expect("es tuv");
        let seg = es + tu[es..].find("<seg>").expect("seg") + 5;
        let seg_end = seg + tu[seg..].find("</seg>").expect("/seg");
        let new_tu = format!("{}{}{}", &tu[..seg], f(&tu[seg..seg_end]), &tu[seg_end..]).replace(
            "<prop type=\"x-verso-status\">machine</prop>",
            "<prop type=\"x-verso-status\">approved</prop>",
        );
        format!("{}{}{}", &tmx[..tu_start], new_tu, &tmx[tu_end..])
    };
    let tmx = edit(&tmx, title_source, &|_| title.to_string());
    let link = tmx.find("<seg>The <bpt").expect("the link block's source");
    let link_source = tmx[link..link + tmx[link..].find("</seg>").expect("end") + 6].to_string();
    let tmx = edit(&tmx, &link_source, &|t| format!("{t} (revisado)"));
    std::fs::write(dir.path().join("mem.tmx"), tmx).expect("edited");
    let said = ok(verso().current_dir(dir.path()).args([
        "memory",
        "import",
        "mem.tmx",
        "--memory",
        "mem.sqlite",
    ]));
    assert!(said.contains("imported"), "{said}");
    let second = retranslate(dir.path());
    assert_eq!(second["files"][0]["engine_calls"], 0, "{second}");
    let written =
        std::fs::read_to_string(dir.path().join("out/es/frontline-artillery.md")).expect("output");
    assert!(
        written.contains(title) && written.contains("(revisado)"),
        "{written}"
    );
    let page = page(dir.path());
    assert_eq!(status_of(&page, 0), "approved");
    assert_eq!(page.matches("data-status=\"approved\"").count(), 2);
}

#[test]
fn a_broken_inline_code_refuses_the_whole_file_and_other_files_still_import() {
    let dir = translated();
    let file = xliff_export(dir.path(), "2.1");
    let xml = std::fs::read_to_string(&file).expect("xliff");
    let linked = unit_with_code(&xml, "<unit ", "<pc id=\"1\"");
    let good = edit_unit(&xml, "<unit id=\"b0\"", "</unit>", "final", |_| {
        "Título revisado".into()
    });
    let broken = edit_unit(
        &good,
        &format!("<unit id=\"{linked}\""),
        "</unit>",
        "final",
        |t| {
            t.replace("<pc id=\"1\" canDelete=\"no\">", "")
                .replacen("</pc>", "", 1)
        },
    );
    std::fs::write(dir.path().join("broken.xlf"), broken).expect("broken");
    std::fs::write(dir.path().join("good.xlf"), good).expect("good");
    let (success, _, stderr) = run(verso().current_dir(dir.path()).args([
        "xliff",
        "import",
        "broken.xlf",
        "good.xlf",
        "--memory",
        "mem.sqlite",
    ]));
    assert!(!success, "a refused file is a non-zero exit");
    assert!(
        stderr.contains("broken.xlf") && stderr.contains(&format!("unit \"{linked}\"")),
        "the error names the file and the unit: {stderr}"
    );
    assert!(
        stderr.contains("good.xlf: stored 1 approved and 0 reviewed"),
        "{stderr}"
    );
    let stats =
        ok(verso()
            .current_dir(dir.path())
            .args(["memory", "stats", "--memory", "mem.sqlite"]));
    let approved: Vec<&str> = stats.lines().filter(|l| l.contains("approved")).collect();
    assert_eq!(approved.len(), 1, "only the good file's unit: {stats}");
    assert!(approved[0].trim_end().ends_with(" 1"), "{stats}");
}

#[test]
fn a_bad_corrections_file_names_the_block_and_stores_nothing() {
    let dir = translated();
    let page = page(dir.path());
    // The page's own data: take the first block with a placeholder and drop it.
    let start = page.find("id=\"verso-data\">").expect("data") + 16;
    let end = start + page[start..].find("</script>").expect("end");
    let data: serde_json::Value = serde_json::from_str(&page[start..end]).expect("JSON");
    let block = data["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .find(|b| b["source"].as_str().is_some_and(|s| s.contains("<1>")))
        .expect("a block with markup")
        .clone();
    let target = block["target"].as_str().expect("target").replace("<1>", "");
    let corrections = serde_json::json!({
        "format": "verso-corrections", "version": 1, "file": "frontline-artillery.md",
        "source_lang": "en", "target_lang": "es",
        "blocks": [
            {"block": 0, "line": 2, "key": data["blocks"][0]["key"], "source": data["blocks"][0]["source"],
             "target": "Título aprobado", "status": "approved", "edited": true},
            {"block": block["block"], "line": block["line"], "key": block["key"], "source": block["source"],
             "target": target, "status": "reviewed", "edited": true}
        ]
    });
    std::fs::write(dir.path().join("c.json"), corrections.to_string()).expect("write");
    let (success, _, stderr) =
        run(verso()
            .current_dir(dir.path())
            .args(["import", "c.json", "--memory", "mem.sqlite"]));
    assert!(!success);
    assert!(
        stderr.contains(&format!(
            "block {} (line {})",
            block["block"], block["line"]
        )) && stderr.contains("<1>"),
        "{stderr}"
    );
    let stats =
        ok(verso()
            .current_dir(dir.path())
            .args(["memory", "stats", "--memory", "mem.sqlite"]));
    assert!(
        !stats.contains("approved") && !stats.contains("reviewed"),
        "{stats}"
    );
    std::fs::write(
        dir.path().join("x.json"),
        "{\"format\": \"something-else\"}",
    )
    .expect("write");
    let (success, _, stderr) =
        run(verso()
            .current_dir(dir.path())
            .args(["import", "x.json", "--memory", "mem.sqlite"]));
    assert!(
        !success && stderr.contains("not a verso corrections file"),
        "{stderr}"
    );
}

#[test]
fn terminal_view_shows_columns_and_findings_plain_when_piped() {
    let dir = translated_raw();
    let out = ok(verso().current_dir(dir.path()).args([
        "review",
        "articles/frontline-artillery.md",
        "out/es/frontline-artillery.md",
        "--glossary",
        &glossary(),
        "--memory",
        "mem.sqlite",
        "--width",
        "100",
    ]));
    assert!(!out.contains('\u{1b}'), "no colors when piped");
    assert!(out.contains(" │ "), "two columns");
    assert!(
        out.lines().all(|l| l.chars().count() <= 100),
        "fits 100 columns"
    );
    assert!(
        out.contains("error[number-format]") && out.contains("⟪11,000⟫"),
        "{out}"
    );
    assert!(out.contains("Machine"), "statuses from the memory: {out}");
    let headers = |s: &str| s.lines().filter(|l| l.starts_with("── ")).count();
    let only = ok(verso().current_dir(dir.path()).args([
        "review",
        "articles/frontline-artillery.md",
        "out/es/frontline-artillery.md",
        "--glossary",
        &glossary(),
        "--only-issues",
    ]));
    assert!(
        headers(&only) > 0 && headers(&only) < headers(&out),
        "{only}"
    );
    assert!(only.lines().filter(|l| l.starts_with("── ")).count() <= only.matches("[").count());
}

#[test]
fn terminal_view_is_colored_on_a_terminal() {
    let dir = translated_raw();
    // `script` (util-linux) runs the command on a pseudo-terminal.
    let command = format!(
        "{} review articles/frontline-artillery.md out/es/frontline-artillery.md --glossary {} --width 100",
        env!("CARGO_BIN_EXE_verso"),
        glossary()
    );
    let out = std::process::Command::new("script")
        .current_dir(dir.path())
        .env("LANG", "en_US.UTF-8")
        .env_remove("NO_COLOR")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux) runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("\u{1b}[0;4;1;31m"),
        "errors underlined in red: {text}"
    );
    assert!(!text.contains('⟪'), "no brackets when colored");
}

#[test]
fn review_page_speaks_the_reviewers_language() {
    let dir = translated();
    let (success, _, stderr) = run(verso()
        .current_dir(dir.path())
        .env("LANG", "es_ES.UTF-8")
        .args([
            "review",
            "articles/frontline-artillery.md",
            "out/es/frontline-artillery.md",
            "--glossary",
            &glossary(),
            "--html",
            "page.html",
        ]));
    assert!(success, "{stderr}");
    let page = std::fs::read_to_string(dir.path().join("page.html")).expect("page");
    assert!(page.contains("<html lang=\"es\">"));
    assert!(page.contains("Descargar correcciones") && page.contains("Solo bloques con hallazgos"));
    assert!(!page.contains("Download corrections"));
    // A translation read from a file keeps the source's placeholder ids.
    assert!(
        page.contains("data-token=\"&lt;1&gt;\""),
        "chips on the page"
    );
}
