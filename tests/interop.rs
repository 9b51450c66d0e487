//! verso's XLIFF 2.1, XLIFF 1.2 and TMX output, read by an independent reader: Translate
//! Toolkit (PyPI `translate-toolkit`, installed by scripts/setup.sh). Every unit, its source
//! and target text and (in 1.2) its inline codes must be what verso meant to write.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use common::{copy_tree, examples, python, root, translate, verso};
use serde_json::Value;
use verso::backend::LanguagePair;
use verso::enforce::{self, Enforcer, TermsMode};
use verso::format::{self, ReadOptions};
use verso::glossary::{self, LoadOptions};
use verso::memory::Memory;
use verso::segment::{Piece, Segment};

/// Translate Toolkit's view of a file.
fn read_with_toolkit(kind: &str, file: &Path) -> Vec<Value> {
    let out = Command::new(python())
        .arg(root().join("tests/interop/translate_toolkit.py"))
        .arg(kind)
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "Translate Toolkit could not read {} (is it installed? scripts/setup.sh installs it): {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("JSON units")
}

fn glossary_path() -> PathBuf {
    root().join("config/glossary.example.toml")
}

fn ok(cmd: &mut Command) {
    let out = cmd.output().expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Inline codes as Translate Toolkit names them in XLIFF 1.2: `<g>` for paired markup, `<x>`
/// for atoms and names.
fn expected_codes(seg: &Segment) -> Vec<Value> {
    seg.pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Open(n) => Some(serde_json::json!(["G", n.to_string()])),
            Piece::Atom(n) => Some(serde_json::json!(["X", n.to_string()])),
            Piece::Name(n) => Some(serde_json::json!(["X", format!("n{n}")])),
            _ => None,
        })
        .collect()
}

#[test]
fn translate_toolkit_reads_verso_xliff_and_tmx() {
    common::require_apertium();
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&examples(), &dir.path().join("articles"));
    let g = glossary_path().display().to_string();
    ok(&mut translate(
        dir.path(),
        Path::new("articles"),
        &["--glossary", &g],
    ));
    for version in ["2.1", "1.2"] {
        ok(verso().current_dir(dir.path()).args([
            "xliff",
            "export",
            "articles",
            "--to",
            "es",
            "--glossary",
            &g,
            "--memory",
            "mem.sqlite",
            "--out",
            &format!("xliff-{version}"),
            "--xliff-version",
            version,
        ]));
    }
    ok(verso().current_dir(dir.path()).args([
        "memory",
        "export",
        "mem.tmx",
        "--memory",
        "mem.sqlite",
    ]));

    // What verso meant to write, from the library itself.
    let memory = Memory::open(&dir.path().join("mem.sqlite")).expect("memory");
    let pair = LanguagePair {
        source: "en".parse().expect("en"),
        target: "es".parse().expect("es"),
    };
    let options = LoadOptions {
        pair: Some(("en".into(), "es".into())),
        ..LoadOptions::default()
    };
    let glossary = Arc::new(
        glossary::load_layered(&[glossary_path()], &options)
            .expect("glossary")
            .0,
    );
    let enforcer = Enforcer::new(glossary, "en", "es", TermsMode::Enforce);
    let mut checked_units = 0;
    for article in common::articles(&dir.path().join("articles")) {
        let doc = format::read_file(
            &dir.path().join("articles").join(&article),
            &ReadOptions::default(),
        )
        .expect("article");
        let protected = enforce::protect(&doc, Some(&enforcer));
        let keys: Vec<String> = protected.iter().map(|p| p.segment.key()).collect();
        let targets = memory.lookup_best(&pair, &keys).expect("lookup");
        let name = format!("{}.xlf", article.display());

        let v2 = read_with_toolkit("xliff2", &dir.path().join("xliff-2.1/es").join(&name));
        let v12 = read_with_toolkit("xliff12", &dir.path().join("xliff-1.2/es").join(&name));
        assert_eq!(v12.len(), protected.len(), "{name}: one 1.2 unit per block");
        for (i, p) in protected.iter().enumerate() {
            let target = targets[&keys[i]].target.clone();
            // XLIFF 2: the unit's segments, joined, are the block.
            let prefix = format!("b{i}::");
            let segments: Vec<&Value> = v2
                .iter()
                .filter(|u| u["id"].as_str().is_some_and(|id| id.starts_with(&prefix)))
                .collect();
            assert!(!segments.is_empty(), "{name}: unit b{i} in XLIFF 2.1");
            let joined = |field: &str| -> String {
                segments
                    .iter()
                    .map(|s| s[field].as_str().unwrap_or_default())
                    .collect()
            };
            assert_eq!(
                joined("source"),
                p.segment.text(),
                "{name} b{i} source (2.1)"
            );
            assert_eq!(joined("target"), target.text(), "{name} b{i} target (2.1)");
            // XLIFF 1.2: text and inline codes.
            let u = &v12[i];
            assert!(
                u["id"]
                    .as_str()
                    .is_some_and(|id| id.ends_with(&format!("b{i}"))),
                "{name}: {u}"
            );
            assert_eq!(u["source"], p.segment.text(), "{name} b{i} source (1.2)");
            assert_eq!(u["target"], target.text(), "{name} b{i} target (1.2)");
            assert_eq!(
                u["source_codes"],
                Value::Array(expected_codes(&p.segment)),
                "{name} b{i} source codes"
            );
            let mut tc: Vec<Value> = expected_codes(&target);
            let mut got: Vec<Value> = u["target_codes"].as_array().cloned().unwrap_or_default();
            tc.sort_by_key(ToString::to_string);
            got.sort_by_key(ToString::to_string);
            assert_eq!(got, tc, "{name} b{i} target codes");
            for concept in &p.found {
                assert!(
                    u["notes"]
                        .as_str()
                        .is_some_and(|n| n.contains(concept.as_str())),
                    "{name} b{i}: glossary note for {concept}: {u}"
                );
            }
            checked_units += 1;
        }
    }
    assert!(checked_units >= 50, "{checked_units} units checked");

    // TMX: every entry, source and target text.
    let tmx = read_with_toolkit("tmx", &dir.path().join("mem.tmx"));
    let entries = memory.entries().expect("entries");
    assert_eq!(tmx.len(), entries.len());
    let seen: BTreeSet<(String, String)> = tmx
        .iter()
        .map(|u| {
            (
                u["source"].as_str().unwrap_or_default().to_string(),
                u["target"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    // Names are read as what they are ("Kyrylo Budanov said"), not as empty codes.
    let with_names = |seg: &verso::segment::Segment, names: &[(String, String)], source: bool| {
        seg.pieces
            .iter()
            .map(|p| match p {
                verso::segment::Piece::Text(t) => t.clone(),
                verso::segment::Piece::Name(n) => names
                    .get(*n as usize - 1)
                    .map(|(s, t)| if source { s.clone() } else { t.clone() })
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .collect::<String>()
    };
    let meant: BTreeSet<(String, String)> = entries
        .iter()
        .map(|e| {
            (
                with_names(&e.source, &e.names, true),
                with_names(&e.target, &e.names, false),
            )
        })
        .collect();
    assert_eq!(seen, meant);
    let named = entries
        .iter()
        .filter(|e| {
            e.source
                .pieces
                .iter()
                .any(|p| matches!(p, verso::segment::Piece::Name(_)))
        })
        .count();
    assert!(named >= 5, "{named} entries with names");
    assert!(
        entries
            .iter()
            .all(|e| e.names.iter().all(|(s, t)| !s.is_empty() && !t.is_empty())),
        "every name has both forms"
    );
}
