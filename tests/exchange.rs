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
                eprintln!("{}: {} entries, {skipped} skipped", path.display(), entries.len());
                for e in &entries {
                    assert!(!e.source_lang.is_empty() && !e.target_lang.is_empty());
                    let codes = |s: &verso::segment::Segment| s.pieces.iter().filter(|p| !matches!(p, verso::segment::Piece::Text(_))).count();
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
    assert_eq!(imported, files, "every LISA sample is valid TMX and imports");
    assert!(files >= 23);
    assert!(with_codes >= 5, "inline codes become placeholders on both sides ({with_codes})");
}
