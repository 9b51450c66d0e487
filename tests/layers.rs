//! Layers call downward only (README, *Design*): the engines, the memory, restoring and the
//! checks import nothing from the pipeline, the review code or the review server. A module that did would make a
//! lower layer depend on a stage built on top of it.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    // A layer may be one file or a directory: a missing directory has no files.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn lower_layers_import_nothing_from_the_pipeline_or_the_review() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["backend", "memory", "restore", "check", "recognize"] {
        rust_files(&src.join(dir), &mut files);
        let single = src.join(format!("{dir}.rs"));
        if single.is_file() {
            files.push(single);
        }
    }
    assert!(
        files.len() > 20,
        "the layers' files were found: {}",
        files.len()
    );
    let mut offenders = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            if ["crate::pipeline", "crate::review", "crate::serve"]
                .iter()
                .any(|layer| line.contains(layer))
            {
                offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
