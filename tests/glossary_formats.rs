//! Glossary exchange with real third-party files (../shared/formats/tbx) and round trips.

mod common;

use std::path::{Path, PathBuf};

use verso::glossary::{self, FileFormat, Glossary, Kind, LoadOptions};

fn shared_tbx() -> PathBuf {
    common::formats().join("tbx")
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

fn example() -> Glossary {
    load(&common::root().join("config/glossary.example.toml")).expect("the example glossary reads")
}

fn through(g: &Glossary, format: FileFormat, ext: &str) -> Glossary {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(format!("g.{ext}"));
    std::fs::write(&path, glossary::write(g, format, "en")).expect("write");
    load(&path).unwrap_or_else(|e| panic!("{ext} written by verso reads back: {e}"))
}

#[test]
fn native_to_tbx_to_native_loses_no_field() {
    let g = example();
    assert!(g.concepts.len() > 40);
    // The example exercises every field of the model, so the round trip covers them all.
    assert!(g.concepts.iter().any(|c| c.case_sensitive));
    assert!(g.concepts.iter().any(|c| c.do_not_translate));
    assert!(g.concepts.iter().any(|c| !c.context.is_empty()));
    assert!(g.concepts.iter().any(|c| c.note.is_some()));
    let terms: Vec<&glossary::Term> = g
        .concepts
        .iter()
        .flat_map(|c| c.terms.values())
        .flat_map(|t| t.all().map(|(_, term)| term))
        .collect();
    assert!(terms.iter().any(|t| t.term_type.is_some()));
    assert!(
        terms
            .iter()
            .any(|t| t.part_of_speech.is_some() && t.note.is_some())
    );
    assert!(
        g.concepts
            .iter()
            .flat_map(|c| c.terms.values())
            .any(|t| !t.forbidden.is_empty())
    );
    for kind in [
        Kind::Person,
        Kind::Place,
        Kind::Organization,
        Kind::Publication,
        Kind::Brand,
        Kind::Unit,
        Kind::Term,
    ] {
        assert!(g.concepts.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    for (format, ext) in [(FileFormat::Tbx, "tbx"), (FileFormat::Tbx2, "tbx")] {
        let back = through(&g, format, ext);
        assert_eq!(
            back.without_positions(),
            g.without_positions(),
            "{format:?}"
        );
    }
    // Twice through native is stable too (comments aside).
    assert_eq!(
        through(&g, FileFormat::Toml, "toml").without_positions(),
        g.without_positions()
    );
}

#[test]
fn csv_and_tsv_keep_every_preferred_term() {
    let g = example();
    for (format, ext) in [(FileFormat::Csv, "csv"), (FileFormat::Tsv, "tsv")] {
        let back = through(&g, format, ext);
        let mut expected = 0;
        for c in &g.concepts {
            for (locale, terms) in &c.terms {
                let Some(p) = &terms.preferred else { continue };
                expected += 1;
                let found = back.concepts.iter().any(|b| {
                    b.terms
                        .get(locale)
                        .and_then(|t| t.preferred.as_ref())
                        .map(|t| &t.text)
                        == Some(&p.text)
                });
                assert!(found, "{ext}: {locale} {}", p.text);
            }
        }
        assert!(expected > 80);
    }
}

#[test]
fn tbx_written_by_verso_is_tbx_basic_with_names_marked() {
    // verso's own export passes the same structure rules third-party files are held to (the
    // round trip above reads it through them), and marks names as properNoun.
    let text = glossary::write(&example(), FileFormat::Tbx, "en");
    let text = String::from_utf8(text).expect("utf-8");
    assert!(text.contains("<tbx type=\"TBX-Basic\" style=\"dca\""));
    assert!(text.contains("<termNote type=\"partOfSpeech\">properNoun</termNote>"));
    assert!(
        text.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>")
    );
    let rfa = example();
    let rfa = rfa.get("rfa").expect("rfa");
    assert_eq!(rfa.kind, Kind::Publication);
}
