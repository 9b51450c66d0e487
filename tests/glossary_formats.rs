//! Glossary exchange with real third-party files (../shared/formats/tbx) and round trips.

mod common;

use std::path::{Path, PathBuf};

use verso::glossary::{self, FileFormat, Glossary, Kind, LoadOptions};

fn shared_tbx() -> PathBuf {
    common::root().join("../shared/formats/tbx")
}

fn load(path: &Path) -> Result<Glossary, glossary::GlossaryError> {
    glossary::load(path, &LoadOptions::default())
}

#[test]
fn the_good_tbx_samples_import() {
    for name in [
        "basic_good.tbx",
        "min_good.tbx",
        "core_structure_good.tbx",
        "Example_Astronomy_DCA_VALID.tbx",
    ] {
        let g = load(&shared_tbx().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(g.concepts.len(), 45, "{name}");
        let terms: usize = g
            .concepts
            .iter()
            .flat_map(|c| c.terms.values())
            .map(|t| t.all().count())
            .sum();
        assert_eq!(terms, 113, "{name}: every termSec is a term");
        eprintln!("{name}: ok");
    }
    let astro = load(&shared_tbx().join("Example_Astronomy_DCA_VALID.tbx")).expect("reads");
    let c1 = astro.get("c1").expect("c1");
    assert_eq!(
        c1.terms["en"].preferred.as_ref().map(|t| t.text.as_str()),
        Some("open cluster")
    );
    let forbidden: usize = astro
        .concepts
        .iter()
        .flat_map(|c| c.terms.values())
        .map(|t| t.forbidden.len())
        .sum();
    assert_eq!(forbidden, 4, "3 deprecated + 1 superseded");
}

#[test]
fn the_bad_tbx_samples_fail_saying_what_and_where() {
    // Problem counts are the "Expected errors" each file lists in its own header comment.
    for (name, line, what, expected) in [
        ("basic_bad.tbx", 24, "admin type=\"source\"", 5),
        ("min_bad.tbx", 21, "TBX-Min", 3),
        ("core_structure_bad.tbx", 15, "<p>", 6),
        ("poorly_formed_xml.tbx", 0, "well-formed", 1),
    ] {
        let e = load(&shared_tbx().join(name)).expect_err(name);
        eprintln!("{name}: {e} [{}]", e.line);
        assert!(e.reason.contains(what), "{name}: {}", e.reason);
        let problems = e.reason.matches("; line ").count() + 1;
        assert_eq!(
            problems, expected,
            "{name}: each expected error is found: {}",
            e.reason
        );
        if line > 0 {
            assert_eq!(e.line, line, "{name}: {}", e.reason);
        }
        assert!(
            e.to_string().contains(name),
            "the message names the file: {e}"
        );
    }
}
