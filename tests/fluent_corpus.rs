//! Real Fluent files nobody on this project wrote (`tests/data/fluent-corpus/`: Firefox's
//! strings as Project Fluent benchmarks them, and the syntax fixtures of Fluent's own
//! specification; see tests/data/fluent-corpus-SOURCE.md) come back byte for byte with
//! `identity`, and through `pseudo` and Apertium keep what Project Fluent's own parser
//! (fluent.syntax, through `tests/support/ftl_structure.py`) sees: no new junk, the same
//! messages, terms and attributes, the same placeables, the same variant keys — plus, on plural
//! selects, the target language's CLDR categories the source lacks, each flagged for review.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::real::{
    edit_target, independent, translate_corpus, translate_file, xliff_export, xliff_import,
};
use common::{articles, root, succeed, verso};
use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/data/fluent-corpus")
}

/// What fluent.syntax sees in each file.
fn structure(files: &[PathBuf]) -> Value {
    independent("ftl_structure.py", "fluent.syntax", files)
}

fn translate(dir: &Path, engine: &str) -> Value {
    translate_corpus(dir, &corpus(), engine, &[])
}

fn key(p: &Path) -> &str {
    p.to_str().expect("utf-8")
}

/// Spanish's cardinal plural categories (CLDR): what a translation into Spanish may add.
const SPANISH: &[&str] = &["one", "many", "other"];

/// Differences between a source pattern and its translation that are not allowed; returns
/// how many variants were added.
fn compare_pattern(what: &str, a: &Value, b: &Value, wrong: &mut Vec<String>) -> usize {
    let (sa, sb) = (
        a["selects"].as_array().expect("selects"),
        b["selects"].as_array().expect("selects"),
    );
    if sa.len() != sb.len() {
        wrong.push(format!("{what}: selects {sa:?} → {sb:?}"));
        return 0;
    }
    let mut added = 0;
    for (x, y) in sa.iter().zip(sb) {
        let x: Vec<&str> = x
            .as_array()
            .expect("keys")
            .iter()
            .flat_map(Value::as_str)
            .collect();
        let y: Vec<&str> = y
            .as_array()
            .expect("keys")
            .iter()
            .flat_map(Value::as_str)
            .collect();
        let new: Vec<&str> = y.iter().filter(|k| !x.contains(k)).copied().collect();
        let kept: Vec<&str> = y.iter().filter(|k| x.contains(k)).copied().collect();
        if kept != x || new.iter().any(|k| !SPANISH.contains(k)) {
            wrong.push(format!("{what}: keys {x:?} → {y:?}"));
        }
        added += new.len();
    }
    let (pa, pb) = (&a["placeables"], &b["placeables"]);
    let as_set = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .expect("placeables")
            .iter()
            .flat_map(Value::as_str)
            .map(String::from)
            .collect()
    };
    // Added variants repeat the default one's placeables; otherwise exactly the same.
    let same = if added == 0 {
        pa == pb
    } else {
        as_set(pa) == as_set(pb)
    };
    if !same {
        wrong.push(format!("{what}: placeables {pa} → {pb}"));
    }
    added
}

/// Translates with `engine`; every file parses as its source did. Returns the report and how
/// many plural variants were added.
fn same_structure_after(work: &Path, engine: &str) -> (Value, usize) {
    let report = translate(work, engine);
    let rels = articles(&corpus());
    assert_eq!(rels.len(), 38, "{rels:?}");
    let sources: Vec<PathBuf> = rels.iter().map(|r| corpus().join(r)).collect();
    let outputs: Vec<PathBuf> = rels
        .iter()
        .map(|r| work.join(engine).join("es").join(r))
        .collect();
    let (before, after) = (structure(&sources), structure(&outputs));
    let mut wrong = Vec::new();
    let mut added = 0;
    for ((s, o), rel) in sources.iter().zip(&outputs).zip(&rels) {
        let (a, b) = (&before[key(s)], &after[key(o)]);
        let name = rel.display().to_string();
        if a["junk"] != b["junk"] {
            wrong.push(format!("{name}: junk {} → {}", a["junk"], b["junk"]));
        }
        let (ea, eb) = (
            a["entries"].as_object().expect("entries"),
            b["entries"].as_object().expect("entries"),
        );
        if ea.keys().collect::<Vec<_>>() != eb.keys().collect::<Vec<_>>() {
            wrong.push(format!("{name}: entries differ"));
            continue;
        }
        for (id, x) in ea {
            let y = &eb[id];
            added += compare_pattern(
                &format!("{name} {id}"),
                &x["value"],
                &y["value"],
                &mut wrong,
            );
            let (xa, ya) = (
                x["attributes"].as_object().expect("attributes"),
                y["attributes"].as_object().expect("attributes"),
            );
            if xa.keys().collect::<Vec<_>>() != ya.keys().collect::<Vec<_>>() {
                wrong.push(format!("{name} {id}: attributes differ"));
                continue;
            }
            for (attr, p) in xa {
                added += compare_pattern(&format!("{name} {id}.{attr}"), p, &ya[attr], &mut wrong);
            }
        }
    }
    assert!(wrong.is_empty(), "{engine}:\n{}", wrong.join("\n"));
    let firefox = std::fs::read_to_string(work.join(engine).join("es/gecko_strings.ftl"))
        .expect("the Firefox strings are written");
    assert_ne!(
        firefox,
        std::fs::read_to_string(corpus().join("gecko_strings.ftl")).expect("source")
    );
    (report, added)
}

/// The findings of a rule in the report, by message id.
fn flagged(report: &Value, message_id: &str) -> usize {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["issues"].as_array().expect("issues"))
        .filter(|i| i["message_id"] == message_id)
        .count()
}

#[test]
fn real_fluent_keeps_ids_attributes_placeables_and_keys_through_pseudo_localization() {
    let work = tempfile::tempdir().expect("tmp");
    let (report, added) = same_structure_after(work.path(), "pseudo");
    assert!(added >= 10, "Spanish's plural forms added: {added}");
    assert_eq!(flagged(&report, "structure-plural-added"), added);
}

#[test]
fn real_fluent_keeps_ids_attributes_placeables_and_keys_through_apertium() {
    common::require_apertium();
    let work = tempfile::tempdir().expect("tmp");
    let (report, added) = same_structure_after(work.path(), "apertium");
    assert_eq!(flagged(&report, "structure-plural-added"), added);
    // Written once, every block of the Firefox strings has a row on its review page.
    let firefox = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| {
            f["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("gecko_strings.ftl"))
        })
        .expect("the Firefox strings");
    let page = firefox["review"].as_str().expect("a review page");
    let page = std::fs::read_to_string(work.path().join(page)).expect("review page");
    assert_eq!(
        page.matches("data-block=\"").count() as u64,
        firefox["blocks"].as_u64().expect("blocks")
    );
}

#[test]
fn real_fluent_round_trips_byte_for_byte_with_identity() {
    let work = tempfile::tempdir().expect("tmp");
    translate(work.path(), "identity");
    for rel in articles(&corpus()) {
        let src = std::fs::read(corpus().join(&rel)).expect("source");
        let out = std::fs::read(work.path().join("identity/es").join(&rel)).expect("output");
        assert!(src == out, "identity changed {}", rel.display());
    }
}

/// The Firefox strings' XLIFF, edited and imported, is what translate writes next, without
/// the engine; an edited variant stays a variant.
#[test]
fn the_firefox_strings_go_through_an_xliff_round_trip() {
    common::require_apertium();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::copy(corpus().join("gecko_strings.ftl"), dir.join("strings.ftl")).expect("copy");
    translate_file(dir, "strings.ftl");
    let file = xliff_export(dir, "strings.ftl");
    let xml = std::fs::read_to_string(&file).expect("xliff");
    let xml = edit_target(
        &xml,
        "Close All Container Tabs?<",
        "¿Cerrar todas las pestañas contenedoras?",
    );
    let xml = edit_target(&xml, "Keep enabled<", "Mantener activadas");
    std::fs::write(&file, xml).expect("edited");
    xliff_import(dir, &file);
    let second = translate_file(dir, "strings.ftl");
    assert_eq!(second["files"][0]["engine_calls"], 0, "{second}");
    let written = std::fs::read_to_string(dir.join("out/es/strings.ftl")).expect("output");
    assert!(
        written.contains(
            "containers-disable-alert-title = ¿Cerrar todas las pestañas contenedoras?\n"
        ),
        "{written}"
    );
    assert!(written.contains("containers-disable-alert-cancel-button = Mantener activadas\n"));
}

/// A term is translated like any value, unless the glossary says its words are not: then the
/// brand stays as it is, in the term and wherever it is written.
#[test]
fn a_term_the_glossary_marks_do_not_translate_keeps_its_words() {
    common::require_apertium();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::copy(
        root().join("examples/articles/app/reader-app.ftl"),
        dir.join("app.ftl"),
    )
    .expect("copy");
    let without = {
        translate_file(dir, "app.ftl");
        std::fs::read_to_string(dir.join("out/es/app.ftl")).expect("output")
    };
    assert!(
        !without.contains("-app-name = Coastal Ledger\n"),
        "{without}"
    );
    std::fs::write(
        dir.join("glossary.toml"),
        "[ledger]\nkind = \"publication\"\ndnt = true\n\n[ledger.en]\npreferred = \"Coastal Ledger\"\n",
    )
    .expect("glossary");
    succeed(verso().current_dir(dir).args([
        "translate",
        "app.ftl",
        "--to",
        "es",
        "--memory",
        "dnt.sqlite",
        "--out",
        "dnt",
        "--glossary",
        "glossary.toml",
    ]));
    let with = std::fs::read_to_string(dir.join("dnt/es/app.ftl")).expect("output");
    assert!(with.contains("-app-name = Coastal Ledger\n"), "{with}");
    assert!(with.contains("{ -app-name }"), "{with}");
}
