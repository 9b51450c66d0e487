//! Real HTML nobody on this project wrote (`tests/data/html-corpus/`: whole news and blog
//! pages with their scripts, navigation, ads and forms, and article bodies as a CMS exports
//! them; see tests/data/html-corpus-SOURCE.md) comes back byte for byte with `identity`, and keeps its structure
//! through `pseudo` and Apertium as an independent HTML5 parser (html5lib, through
//! `tests/support/html_structure.py`) sees it: every element and comment, every attribute and
//! its value (translated attributes only present), and the page's language set to the
//! target. The review page and an XLIFF round trip work on a page as on Markdown.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::real::{
    edit_target, independent, translate_corpus, translate_file, xliff_export, xliff_import,
};
use common::{articles, root, succeed, verso};
use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/data/html-corpus")
}

/// What html5lib sees in each file: its elements in document order, and its language.
fn structure(files: &[PathBuf]) -> Value {
    independent("html_structure.py", "html5lib", files)
}

/// Translates the corpus with `engine` into `dir/<engine>/es/`; returns the report.
fn translate(dir: &Path, engine: &str) -> Value {
    translate_corpus(dir, &corpus(), engine, &["--no-review"])
}

fn key(p: &Path) -> &str {
    p.to_str().expect("utf-8")
}

/// Elements as a multiset: what must survive an engine that may reorder words, and with them
/// the inline elements around words, inside a block.
fn counted(elements: &Value) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for e in elements.as_array().expect("elements") {
        *out.entry(e.as_str().expect("string").to_string())
            .or_default() += 1;
    }
    out
}

/// Translates with `engine` and compares each output with its source: the same elements in
/// the same order (`in_order`), or the same elements in any order; `lang="es"` on every page.
fn same_structure_after(engine: &str, in_order: bool) -> Value {
    let work = tempfile::tempdir().expect("tmp");
    let report = translate(work.path(), engine);
    let rels = articles(&corpus());
    assert_eq!(rels.len(), 12, "{rels:?}");
    let sources: Vec<PathBuf> = rels.iter().map(|r| corpus().join(r)).collect();
    let outputs: Vec<PathBuf> = rels
        .iter()
        .map(|r| work.path().join(engine).join("es").join(r))
        .collect();
    let (before, after) = (structure(&sources), structure(&outputs));
    let mut differ = Vec::new();
    for ((s, o), rel) in sources.iter().zip(&outputs).zip(&rels) {
        let (a, b) = (&before[key(s)], &after[key(o)]);
        assert!(
            a["elements"].as_array().expect("list").len() > 30,
            "{rel:?}"
        );
        let same = if in_order {
            a["elements"] == b["elements"]
        } else {
            counted(&a["elements"]) == counted(&b["elements"])
        };
        if !same {
            let (x, y) = (counted(&a["elements"]), counted(&b["elements"]));
            let lost: Vec<_> = x.iter().filter(|(k, n)| y.get(*k) != Some(n)).collect();
            differ.push(format!("{}: {lost:?}", rel.display()));
        }
        if rel.starts_with("pages") {
            assert_eq!(b["lang"], "es", "{}: the page's language", rel.display());
        }
        let (src, out) = (
            std::fs::read_to_string(s).expect("source"),
            std::fs::read_to_string(o).expect("output"),
        );
        assert_ne!(src, out, "{} was translated", rel.display());
    }
    assert!(
        differ.is_empty(),
        "{engine}: {} of 12 differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    report
}

#[test]
fn real_html_keeps_every_element_in_place_through_pseudo_localization() {
    same_structure_after("pseudo", true);
}

#[test]
fn real_html_keeps_every_element_and_attribute_through_apertium() {
    common::require_apertium();
    let report = same_structure_after("apertium", false);
    // What the engine lost is put back visibly and reported; on real pages that is rare.
    let blocks: u64 = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["blocks"].as_u64().expect("blocks"))
        .sum();
    let lost = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["issues"].as_array().expect("issues"))
        .filter(|i| i["rule"] == "structure")
        .count() as u64;
    assert!(blocks > 1500, "{blocks}");
    assert!(
        lost * 200 < blocks,
        "{lost} structure findings in {blocks} blocks"
    );
}

#[test]
fn real_html_round_trips_byte_for_byte_with_identity() {
    let work = tempfile::tempdir().expect("tmp");
    translate(work.path(), "identity");
    for rel in articles(&corpus()) {
        let src = std::fs::read(corpus().join(&rel)).expect("source");
        let out = std::fs::read(work.path().join("identity/es").join(&rel)).expect("output");
        assert!(src == out, "identity changed {}", rel.display());
    }
}

/// A page's review page shows its blocks; its XLIFF, edited and imported, is what translate
/// writes next, without the engine.
#[test]
fn a_page_goes_through_the_review_page_and_an_xliff_round_trip() {
    common::require_apertium();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::copy(
        corpus().join("pages/mozilla-2.html"),
        dir.join("mozilla-2.html"),
    )
    .expect("copy");
    let first = translate_file(dir, "mozilla-2.html");
    let blocks = first["files"][0]["blocks"].as_u64().expect("blocks");
    let page = std::fs::read_to_string(dir.join("out/review/es/mozilla-2.html.html"))
        .expect("review page");
    assert_eq!(
        page.matches("data-block=\"").count() as u64,
        blocks,
        "one row per block"
    );
    assert!(page.contains("Firefox Developer Edition"));
    // The terminal view reads the page and its translation side by side.
    let view = succeed(verso().current_dir(dir).args([
        "review",
        "mozilla-2.html",
        "out/es/mozilla-2.html",
        "--to",
        "es",
    ]));
    let view = String::from_utf8_lossy(&view.stdout);
    assert!(
        view.contains(&format!("{blocks} blocks")) && view.contains("Firefox Developer Edition"),
        "{view}"
    );
    let file = xliff_export(dir, "mozilla-2.html");
    let xml = std::fs::read_to_string(&file).expect("xliff");
    // The page's main heading, its inline element kept as a paired code.
    let xml = edit_target(
        &xml,
        "Welcome to <pc id=\"1\"",
        "Le damos la bienvenida a <pc id=\"1\" canDelete=\"no\">Firefox Developer Edition</pc>",
    );
    std::fs::write(&file, xml).expect("edited");
    xliff_import(dir, &file);
    let second = translate_file(dir, "mozilla-2.html");
    assert_eq!(second["files"][0]["engine_calls"], 0, "{second}");
    let written = std::fs::read_to_string(dir.join("out/es/mozilla-2.html")).expect("output");
    assert!(
        written.contains("Le damos la bienvenida a <span>"),
        "{written}"
    );
}
