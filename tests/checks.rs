//! End to end: the checks in `verso translate` (real Apertium output) and `verso check` (a
//! human translation, clean and with errors put in).

mod common;

use std::path::Path;

use common::{examples, report, require_apertium, root, succeed, translate, verso};
use serde_json::Value;

fn glossary_arg() -> String {
    root()
        .join("config/glossary.example.toml")
        .display()
        .to_string()
}

/// Issues of the file whose source ends with `name`.
fn issues<'a>(r: &'a Value, name: &str) -> Vec<&'a Value> {
    r["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["source"].as_str().is_some_and(|s| s.ends_with(name)))
        .and_then(|f| f["issues"].as_array())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The issue with this rule whose target span is `text`.
fn find<'a>(list: &[&'a Value], rule: &str, text: &str) -> Option<&'a Value> {
    list.iter()
        .copied()
        .find(|i| i["rule"] == rule && i["target_span"]["text"] == text)
}

#[test]
fn apertium_problems_are_reported_at_their_spans_and_enforcement_removes_the_name_problems() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let g = glossary_arg();
    // The engine's own text: what the checks find in it.
    let out = translate(
        work.path(),
        &examples(),
        &["--glossary", &g, "--terms", "check", "--no-localize"],
    )
    .output()
    .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("frontline-artillery.md: ") && stderr.contains("number-format ×"),
        "a summary per file and rule: {stderr}"
    );
    let r = report(&work.path().join("report.json"));

    let front = issues(&r, "frontline-artillery.md");
    let unlocalized = find(&front, "number-format", "11,000").expect("11,000 left in Spanish");
    assert_eq!(unlocalized["severity"], "error");
    assert_eq!(unlocalized["fix"], "11.000");
    let broken = find(&front, "unit-mismatch", "pistolade170 milímetros")
        .expect("the broken 170-millimetre quantity");
    assert!(
        broken["source_span"]["text"]
            .as_str()
            .is_some_and(|s| s.contains("170-millimetre"))
    );
    let date = find(&front, "date-mismatch", "enero 13").expect("an unlocalized date");
    assert_eq!(date["fix"], "13 de enero");
    let korea = issues(&r, "korea-broadcasts.md");
    let rfa = find(&korea, "term-forbidden", "Asia Libre Radiofónica").expect("a translated name");
    assert_eq!(rfa["fix"], "Radio Free Asia");
    assert!(
        korea
            .iter()
            .any(|i| i["rule"] == "name-altered" && i["source_span"]["text"] == "Park Ji-hoon")
    );
    // Spans index the texts they come with.
    for i in front.iter().chain(&korea) {
        if let (Some(s), Some(e), Some(text)) = (
            i["target_span"]["start"].as_u64(),
            i["target_span"]["end"].as_u64(),
            i["target_text"].as_str(),
        ) {
            assert_eq!(
                &text[s as usize..e as usize],
                i["target_span"]["text"].as_str().unwrap_or_default()
            );
        }
    }

    let enforced = tempfile::tempdir().expect("tempdir");
    let out = translate(
        enforced.path(),
        &examples(),
        &["--glossary", &g, "--terms", "enforce"],
    )
    .output()
    .expect("runs");
    assert!(out.status.success());
    let r = report(&enforced.path().join("report.json"));
    // Localized (the default): what the checks found in the engine's numbers, dates and
    // quantities is written right, and each change is in the report.
    for file in r["files"].as_array().expect("files") {
        for i in file["issues"].as_array().expect("issues") {
            let rule = i["rule"].as_str().unwrap_or_default();
            assert!(
                !matches!(
                    rule,
                    "number-format" | "date-mismatch" | "unit-mismatch" | "number-mismatch"
                ),
                "{i}"
            );
        }
    }
    let changes: Vec<(String, String)> = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["localized"].as_array().cloned().unwrap_or_default())
        .map(|c| {
            (
                c["engine"].as_str().unwrap_or_default().to_string(),
                c["written"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for (engine, written) in [
        ("11,000", "11.000"),
        ("enero 13", "13 de enero"),
        ("pistolade170", "pistola de 170"),
        ("Marcha 3", "3 de marzo"),
        ("encima", "el"),
    ] {
        assert!(
            changes.contains(&(engine.to_string(), written.to_string())),
            "{engine} → {written} in {changes:?}"
        );
    }
    let front = std::fs::read_to_string(enforced.path().join("out/es/frontline-artillery.md"))
        .expect("written");
    assert!(
        front.contains("entre 11.000 y 12.000") && front.contains("pistola de 170 milímetros"),
        "{front}"
    );
    let g =
        verso::glossary::load(Path::new(&glossary_arg()), &Default::default()).expect("glossary");
    for file in r["files"].as_array().expect("files") {
        for i in file["issues"].as_array().expect("issues") {
            let rule = i["rule"].as_str().unwrap_or_default();
            assert!(rule != "name-altered" && rule != "name-missing", "{i}");
            if rule == "term-forbidden" {
                // Only terms remain, never names: those are enforced.
                let concept = i["message"].as_str().unwrap_or_default();
                let name = g
                    .concepts
                    .iter()
                    .find(|c| concept.contains(&format!("for {};", c.id)))
                    .expect("concept");
                assert!(!name.kind.is_name(), "{i}");
            }
        }
    }
}

const SOURCE: &str = "# Seoul resumes broadcasts\n\nSEOUL, January 24 — The army restarted broadcasts at 11 sites, about 12,000 metres apart, \
officials said on January 24. Radio Free Asia reported that 40% of 11,000 listeners heard them.\n\n\
- The trucks carry 3.5 tonnes each.\n- Paju residents met Park Ji-hoon.\n";
const GOOD: &str = "# Seúl reanuda las emisiones\n\nSEÚL, 24 de enero — El ejército reanudó las emisiones en 11 puntos, separados unos 12.000 metros, \
dijeron los funcionarios el 24 de enero. Radio Free Asia informó de que el 40 % de 11.000 oyentes las oyeron.\n\n\
- Los camiones llevan 3,5 toneladas cada uno.\n- Los vecinos de Paju se reunieron con Park Ji-hoon.\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn a_correct_human_translation_checks_clean() {
    let work = tempfile::tempdir().expect("tempdir");
    write(&work.path().join("en"), "a.md", SOURCE);
    write(&work.path().join("es"), "a.md", GOOD);
    let out = verso()
        .current_dir(work.path())
        .args([
            "check",
            "en/a.md",
            "es/a.md",
            "--from",
            "en",
            "--to",
            "es",
            "--glossary",
            &glossary_arg(),
            "--fail-on",
            "warning",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 errors, 0 warnings in 1 file"));
}

#[test]
fn errors_put_into_a_human_translation_are_found_fixed_and_exit_codes_follow_fail_on() {
    let work = tempfile::tempdir().expect("tempdir");
    let bad = GOOD
        .replace("11.000 oyentes", "11,000 oyentes") // unlocalized number
        .replace("el 24 de enero.", "el enero 24.") // unlocalized date
        .replace("Radio Free Asia informó", "Asia Libre Radiofónica informó") // translated name
        .replace("3,5 toneladas", "3,5 kilos") // wrong unit
        .replace("en 11 puntos", "en 12 puntos"); // changed number
    write(&work.path().join("en/sub"), "a.md", SOURCE);
    write(&work.path().join("es/sub"), "a.md", &bad);
    let run = |extra: &[&str]| {
        verso()
            .current_dir(work.path())
            .args([
                "check",
                "en",
                "es",
                "--to",
                "es",
                "--glossary",
                &glossary_arg(),
                "--report",
                "r.json",
            ])
            .args(extra)
            .output()
            .expect("runs")
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1), "errors fail by default");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for (rule, span) in [
        ("number-format", "11,000"),
        ("date-mismatch", "enero 24"),
        ("term-forbidden", "Asia Libre Radiofónica"),
        ("unit-mismatch", "3,5 kilos"),
        ("number-mismatch", "12"),
    ] {
        assert!(
            stdout.contains(&format!("[{rule}]")),
            "{rule} missing:\n{stdout}"
        );
        let r = report(&work.path().join("r.json"));
        let list = issues(&r, "a.md");
        assert!(
            find(&list, rule, span).is_some(),
            "{rule} at {span}: {list:#?}"
        );
    }
    assert!(
        stdout.contains("es/sub/a.md:"),
        "diagnostics name the file and line:\n{stdout}"
    );
    assert_eq!(run(&["--fail-on", "never"]).status.code(), Some(0));

    let fixed = run(&["--fix"]);
    assert!(
        String::from_utf8_lossy(&fixed.stderr).contains("applied 3 fixes"),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    let text = std::fs::read_to_string(work.path().join("es/sub/a.md")).expect("read");
    assert!(
        text.contains("11.000 oyentes")
            && text.contains("el 24 de enero.")
            && text.contains("Radio Free Asia informó"),
        "{text}"
    );
    // What a fix cannot decide stays reported.
    let again = run(&[]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        stdout.contains("[unit-mismatch]") && stdout.contains("[number-mismatch]"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("[number-format]") && !stdout.contains("[term-forbidden]"),
        "{stdout}"
    );
}

#[test]
fn a_missing_block_or_link_is_a_structure_error() {
    let work = tempfile::tempdir().expect("tempdir");
    write(
        work.path(),
        "en.md",
        "# Title\n\nSee [the report](https://a.example/r).\n\n- one\n- two\n",
    );
    write(
        work.path(),
        "es.md",
        "# Título\n\nVea el informe.\n\n- uno\n",
    );
    let out = verso()
        .current_dir(work.path())
        .args(["check", "en.md", "es.md", "--to", "es"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("error[structure]") && stdout.contains("https://a.example/r"),
        "{stdout}"
    );
    assert!(stdout.contains("has no translation"), "{stdout}");
}

/// Articles of the same kind as the examples, written for this test after the localization was
/// built (tests/data/own-articles): what Apertium makes of them, localized, has no number, date
/// or unit error and no name problem, and the report lists what verso changed.
#[test]
fn other_articles_of_the_kind_are_written_right_too() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let dir = root().join("tests/data/own-articles");
    std::fs::create_dir_all(work.path().join("a")).expect("mkdir");
    for name in ["port-strike.md", "heatwave.txt"] {
        std::fs::copy(dir.join(name), work.path().join("a").join(name)).expect("copy");
    }
    let g = dir.join("glossary.toml");
    succeed(&mut translate(
        work.path(),
        Path::new("a"),
        &["--glossary", g.to_str().expect("utf-8 path")],
    ));
    let r = report(&work.path().join("report.json"));
    let mut changes = 0;
    for file in r["files"].as_array().expect("files") {
        changes += file["localized"].as_array().map_or(0, Vec::len);
        for i in file["issues"].as_array().expect("issues") {
            let rule = i["rule"].as_str().unwrap_or_default();
            assert!(
                !matches!(
                    rule,
                    "number-format"
                        | "number-mismatch"
                        | "date-mismatch"
                        | "unit-mismatch"
                        | "name-missing"
                        | "name-altered"
                ),
                "{i}"
            );
        }
    }
    assert!(changes >= 15, "{r}");
    let heat = std::fs::read_to_string(work.path().join("out/es/heatwave.txt")).expect("written");
    for expected in [
        "SEVILLA, 22 de julio",
        "46,2 grados",
        "12,5 millones de euros",
        "1200 millones de libras",
        "de 18:00 a 20:00",
        "a las 14:00 el martes",
    ] {
        assert!(heat.contains(expected), "{expected} in {heat}");
    }
}

/// `verso check` with a configuration, on one Spanish file with straight quotes and a
/// doubled space; returns the exit status, stderr, and the report.
fn check_with(
    dir: &Path,
    config: &str,
    extra: &[&str],
) -> (std::process::ExitStatus, String, Option<Value>) {
    let (src, tgt, cfg, rep) = (
        dir.join("a.md"),
        dir.join("es.md"),
        dir.join("verso.toml"),
        dir.join("report.json"),
    );
    std::fs::write(&src, "He said \"no\" to the plan.\n").expect("write");
    std::fs::write(&tgt, "Dijo \"no\" al  plan.\n").expect("write");
    std::fs::write(&cfg, config).expect("write");
    let _ = std::fs::remove_file(&rep);
    let out = verso()
        .args(["check", "--to", "es", "--config"])
        .arg(&cfg)
        .arg("--report")
        .arg(&rep)
        .arg(&src)
        .arg(&tgt)
        .args(extra)
        .output()
        .expect("runs");
    let r = rep.exists().then(|| report(&rep));
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        r,
    )
}

fn rules_found(r: &Value) -> Vec<(String, String)> {
    issues(r, "a.md")
        .iter()
        .map(|i| {
            (
                i["rule"].as_str().unwrap_or_default().to_string(),
                i["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const DESK: &str = r#"
[checks.rules.doubled-space]
severity = "error"

[checks.profiles.house.rules.house-quotes]
severity = "warning"

[checks.profiles.lax.rules.doubled-space]
severity = "off"
"#;

#[test]
fn profiles_set_severities_and_the_report_names_the_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, _, r) = check_with(dir.path(), DESK, &[]);
    let r = r.expect("report");
    assert_eq!(r["checks_profile"], "default");
    assert_eq!(
        rules_found(&r),
        [("doubled-space".to_string(), "error".to_string())],
        "[checks.rules] makes it an error; house-quotes is off by default"
    );
    assert!(!status.success(), "an error fails `verso check`");

    let (_, _, r) = check_with(dir.path(), DESK, &["--profile", "house"]);
    let r = r.expect("report");
    assert_eq!(r["checks_profile"], "house");
    let found = rules_found(&r);
    assert_eq!(
        found.iter().filter(|(id, _)| id == "house-quotes").count(),
        2,
        "both straight quotes: {found:?}"
    );

    let (status, _, r) = check_with(dir.path(), DESK, &["--profile", "lax"]);
    assert!(rules_found(&r.expect("report")).is_empty());
    assert!(status.success());
}

#[test]
fn an_unknown_profile_or_rule_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, stderr, r) = check_with(dir.path(), DESK, &["--profile", "sports"]);
    assert!(!status.success() && r.is_none());
    assert!(
        stderr.contains("sports") && stderr.contains("house") && stderr.contains("lax"),
        "names the profile and the profiles there are: {stderr}"
    );
    let (status, stderr, _) = check_with(
        dir.path(),
        "\n[checks.rules.dubled-space]\nseverity = \"off\"\n",
        &[],
    );
    assert!(!status.success());
    assert!(
        stderr.contains("verso.toml") && stderr.contains(":2") && stderr.contains("dubled-space"),
        "names the file, the line and the rule: {stderr}"
    );
}

#[test]
fn every_rule_is_listed_with_its_default() {
    let out = succeed(verso().args(["check", "--rules"]));
    let text = String::from_utf8_lossy(&out.stdout);
    for id in [
        "doubled-word",
        "inverted-marks",
        "house-quotes",
        "structure",
    ] {
        assert!(text.contains(id), "{id}: {text}");
    }
    let house = text
        .lines()
        .find(|l| l.starts_with("house-quotes"))
        .expect("listed");
    assert!(house.contains("off by default"), "{house}");
}

#[test]
fn translate_runs_the_chosen_profile_and_names_it_in_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("a.md");
    std::fs::write(&input, "He said \"no\" to the plan.\n").expect("write");
    let cfg = dir.path().join("verso.toml");
    std::fs::write(&cfg, DESK).expect("write");
    let run = |extra: &[&str]| {
        let mut args = vec!["--engine", "pseudo", "--config"];
        let cfg = cfg.display().to_string();
        args.push(&cfg);
        args.extend(extra);
        let out = translate(dir.path(), &input, &args).output().expect("runs");
        (out, report(&dir.path().join("report.json")))
    };
    let (out, r) = run(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(r["checks_profile"], "default");
    let (out, r) = run(&["--profile", "house"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(r["checks_profile"], "house");
    let out = translate(
        dir.path(),
        &input,
        &[
            "--engine",
            "pseudo",
            "--config",
            &cfg.display().to_string(),
            "--profile",
            "nope",
        ],
    )
    .output()
    .expect("runs");
    assert!(!out.status.success(), "an unknown profile stops the run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}
