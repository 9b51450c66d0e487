//! Exchange with CAT tools: the third-party TMX and XLIFF samples, verso's own files read back
//! by an independent reader (Translate Toolkit), and the review round trips.

mod common;

use verso::memory::tmx;

#[test]
fn every_lisa_tmx_sample_imports_or_fails_clearly() {
    let dir = common::formats().join("tmx");
    let (mut imported, mut files, mut with_codes) = (0, 0, 0);
    for entry in std::fs::read_dir(&dir).expect("tmx dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "tmx") {
            continue;
        }
        files += 1;
        let bytes = std::fs::read(&path).expect("read");
        match tmx::read(&bytes) {
            Ok((entries, skipped)) => {
                eprintln!(
                    "{}: {} entries, {skipped} skipped",
                    path.display(),
                    entries.len()
                );
                for e in &entries {
                    assert!(!e.source_lang.is_empty() && !e.target_lang.is_empty());
                    let codes = |s: &verso::segment::Segment| {
                        s.pieces
                            .iter()
                            .filter(|p| !matches!(p, verso::segment::Piece::Text(_)))
                            .count()
                    };
                    if codes(&e.source) > 0 && codes(&e.target) > 0 {
                        with_codes += 1;
                    }
                }
                imported += 1;
            }
            Err(e) => {
                eprintln!("{}: line {}: {}", path.display(), e.line, e.reason);
                assert!(!e.reason.is_empty());
            }
        }
    }
    assert_eq!(
        imported, files,
        "every LISA sample is valid TMX and imports"
    );
    assert!(files >= 23);
    assert!(
        with_codes >= 5,
        "inline codes become placeholders on both sides ({with_codes})"
    );
}

#[test]
fn every_oasis_xliff2_sample_imports_or_fails_clearly() {
    let dir = common::formats().join("xliff2");
    let (mut files, mut imported, mut units) = (0, 0, 0);
    for entry in std::fs::read_dir(&dir).expect("xliff2 dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "xlf") {
            continue;
        }
        files += 1;
        match verso::review::xliff::read(&std::fs::read(&path).expect("read")) {
            Ok(f) => {
                eprintln!(
                    "{}: {} units {}→{}",
                    path.display(),
                    f.units.len(),
                    f.source_lang,
                    f.target_lang
                );
                assert!(
                    !f.source_lang.is_empty(),
                    "{}: srcLang is required",
                    path.display()
                );
                imported += 1;
                units += f.units.len();
            }
            Err(e) => {
                eprintln!(
                    "{}: line {} unit {:?}: {}",
                    path.display(),
                    e.line,
                    e.unit,
                    e.reason
                );
                assert!(e.line > 0 && !e.reason.is_empty());
            }
        }
    }
    assert!(files >= 25);
    assert_eq!(imported, files, "the OASIS samples are all valid XLIFF 2");
    assert!(units >= 37, "{units} units");
    // A unit translated only in part has no translation to store; reordered and deletable
    // codes are read as XLIFF 2 allows them.
    let read = |name: &str| {
        verso::review::xliff::read(&std::fs::read(dir.join(name)).expect("read")).expect(name)
    };
    assert!(read("toSegment.xlf").units[0].target.is_none());
    let core = read("everything-core.xlf");
    assert_eq!(
        core.units[0].target.as_ref().map(|t| t.text()),
        Some("Contenu du segment. Exemple de segment.".into()),
        "targets in their order"
    );
    assert!(
        read("withReorderedCodes.xlf")
            .units
            .iter()
            .all(|u| u.target.is_some())
    );
}
