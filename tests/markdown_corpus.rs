//! Real Markdown nobody on this project wrote (`tests/data/markdown-corpus/`: a blog, Hugo and
//! Jekyll documentation, a project README and docs; see tests/data/markdown-corpus-SOURCE.md) keeps its structure
//! through a translation, as an independent CommonMark parser (markdown-it-py, through
//! `tests/support/md_structure.py`) counts it: links and their targets, images, inline code,
//! HTML, headings, list items, tables and cells, code blocks, footnotes, math.

mod common;

use std::path::{Path, PathBuf};

use common::real::{independent, translate_corpus};
use common::{articles, root};
use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/data/markdown-corpus")
}

/// What markdown-it-py sees in each file.
fn structure(files: &[PathBuf]) -> Value {
    independent("md_structure.py", "markdown-it-py", files)
}

/// Translates the corpus with `engine` into `dir/<engine>/es/`.
fn translate(dir: &Path, engine: &str) {
    translate_corpus(dir, &corpus(), engine, &["--no-review", "--no-check"]);
}

fn same_structure_after(engine: &str) {
    let work = tempfile::tempdir().expect("tmp");
    translate(work.path(), engine);
    let rels = articles(&corpus());
    assert_eq!(rels.len(), 30, "{rels:?}");
    let sources: Vec<PathBuf> = rels.iter().map(|r| corpus().join(r)).collect();
    let outputs: Vec<PathBuf> = rels
        .iter()
        .map(|r| work.path().join(engine).join("es").join(r))
        .collect();
    let (before, after) = (structure(&sources), structure(&outputs));
    let mut differ = Vec::new();
    for (s, o) in sources.iter().zip(&outputs) {
        let (a, b) = (
            &before[s.to_str().expect("utf-8")],
            &after[o.to_str().expect("utf-8")],
        );
        assert!(
            a["counts"]["headings"].as_u64() > Some(0) || a["counts"]["links"].as_u64() > Some(0)
        );
        if a != b {
            differ.push(format!("{}: {a} → {b}", s.display()));
        }
        let (src, out) = (
            std::fs::read_to_string(s).expect("source"),
            std::fs::read_to_string(o).expect("output"),
        );
        assert_ne!(src, out, "{} was translated", s.display());
    }
    assert!(
        differ.is_empty(),
        "{engine}: {} of 30 differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn real_markdown_keeps_its_structure_through_pseudo_localization() {
    same_structure_after("pseudo");
}

#[test]
fn real_markdown_keeps_its_structure_through_apertium() {
    common::require_apertium();
    same_structure_after("apertium");
}

#[test]
fn real_markdown_round_trips_byte_for_byte_with_identity() {
    let work = tempfile::tempdir().expect("tmp");
    translate(work.path(), "identity");
    for rel in articles(&corpus()) {
        let src = std::fs::read(corpus().join(&rel)).expect("source");
        let out = std::fs::read(work.path().join("identity/es").join(&rel)).expect("output");
        assert!(src == out, "identity changed {}", rel.display());
    }
}
