//! Localization on real news that nobody on this project wrote (WMT23 general test, en→de news
//! documents, with the human reference and six systems' outputs; see
//! tests/data/wmt23-en-de-news/SOURCE.md), and Apertium's Spanish of the same English news.

mod common;

use std::path::Path;
use std::process::Command;

use common::{python, report, root, succeed, translate};
use serde_json::Value;

const DATA: &str = "tests/data/wmt23-en-de-news";

#[test]
fn real_systems_outputs_localized_lose_no_chrf_and_keep_no_source_forms() {
    let out = Command::new(python())
        .arg(root().join("tests/support/localize_eval.py"))
        .arg(env!("CARGO_BIN_EXE_verso"))
        .arg(root().join(DATA))
        .arg("de")
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "the evaluation needs sacrebleu (scripts/setup.sh --test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: Value = serde_json::from_slice(&out.stdout).expect("JSON scores");
    let systems = scores.as_object().expect("systems");
    assert_eq!(systems.len(), 6, "{scores}");
    let mut changed = 0;
    let mut forms = 0;
    for (system, s) in systems {
        let (raw, localized) = (
            s["chrf_raw"].as_f64().expect("chrF"),
            s["chrf_localized"].as_f64().expect("chrF"),
        );
        assert!(localized >= raw, "{system}: chrF {raw} → {localized}");
        assert_eq!(s["source_forms_localized"], 0, "{system}: {s}");
        changed += s["changed"].as_u64().unwrap_or(0);
        forms += s["source_forms_raw"].as_u64().unwrap_or(0);
    }
    // Eight source forms in the six outputs by today's checks (a space grouping thousands,
    // "16 000", counts as German, as Duden allows; it was counted as a source form before).
    assert!(
        changed >= 10 && forms >= 5,
        "real outputs do hold source forms, and verso changes them: {scores}"
    );
}

#[test]
fn apertiums_spanish_of_real_news_keeps_no_source_forms() {
    common::require_apertium();
    let work = tempfile::tempdir().expect("tmp");
    let paragraphs = std::fs::read_to_string(root().join(DATA).join("source.en")).expect("source");
    let article: Vec<&str> = paragraphs.lines().collect();
    std::fs::create_dir_all(work.path().join("news")).expect("mkdir");
    std::fs::write(
        work.path().join("news/wmt23.txt"),
        article.join("\n\n") + "\n",
    )
    .expect("write");
    let source_forms = |extra: &[&str]| {
        succeed(translate(work.path(), Path::new("news"), extra).args(["--no-review"]));
        let r = report(&work.path().join("report.json"));
        let issues: Vec<Value> = r["files"][0]["issues"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let forms = issues
            .iter()
            .filter(|i| {
                (i["rule"] == "number-format" || i["rule"] == "date-mismatch")
                    && !i["fix"].is_null()
            })
            .count();
        let errors = issues.iter().filter(|i| i["severity"] == "error").count();
        // Times left on the English twelve-hour clock count as source forms too.
        let written =
            std::fs::read_to_string(work.path().join("out/es/wmt23.txt")).expect("written");
        let twelve_hour = written
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| {
                w[0].chars().next().is_some_and(|c| c.is_ascii_digit())
                    && matches!(w[1].trim_end_matches([',', ';']), "a.m." | "p.m.")
            })
            .count();
        (forms + twelve_hour, errors, r)
    };
    let (raw_forms, raw_errors, _) = source_forms(&["--no-localize"]);
    let (forms, errors, r) = source_forms(&[]);
    assert!(raw_forms >= 20, "Apertium keeps English forms: {raw_forms}");
    assert_eq!(forms, 0, "{r}");
    assert!(errors * 3 <= raw_errors, "{raw_errors} errors → {errors}");
    let written = std::fs::read_to_string(work.path().join("out/es/wmt23.txt")).expect("written");
    for expected in [
        "96.000 dólares",
        "126,5 millones de dólares",
        "niño de 14 años",
        "13:30",
    ] {
        assert!(written.contains(expected), "{expected} in {written}");
    }
}
