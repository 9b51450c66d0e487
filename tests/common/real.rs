//! What the tests on real third-party files share: translating a corpus, asking an
//! independent parser (a Python script in `tests/support/`) what it sees, and an XLIFF
//! export, edit and import.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{python, report, root, succeed, verso};

/// What `tests/support/<script>` prints, as JSON, for `files`; `package` names what the
/// script needs when it fails.
pub fn independent(script: &str, package: &str, files: &[PathBuf]) -> Value {
    let out = Command::new(python())
        .arg(root().join("tests/support").join(script))
        .args(files)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{package} is needed (scripts/setup.sh --test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Translates `corpus` into Spanish with `engine` under `dir/<engine>/es/` (memory
/// `dir/<engine>.sqlite`, report `dir/report.json`, `extra` flags added); returns the report.
pub fn translate_corpus(dir: &Path, corpus: &Path, engine: &str, extra: &[&str]) -> Value {
    succeed(
        verso()
            .current_dir(dir)
            .arg("translate")
            .arg(corpus)
            .args(["--to", "es", "--engine", engine, "--out", engine])
            .arg("--memory")
            .arg(format!("{engine}.sqlite"))
            .args(["--report", "report.json"])
            .args(extra),
    );
    report(&dir.join("report.json"))
}

/// Translates `file` (in `dir`) into Spanish with Apertium: output `out/`, memory
/// `mem.sqlite`; returns the report.
pub fn translate_file(dir: &Path, file: &str) -> Value {
    succeed(verso().current_dir(dir).args([
        "translate",
        file,
        "--to",
        "es",
        "--memory",
        "mem.sqlite",
        "--out",
        "out",
        "--report",
        "report.json",
    ]));
    report(&dir.join("report.json"))
}

/// Exports `file`'s Spanish XLIFF from `mem.sqlite`; returns its path.
pub fn xliff_export(dir: &Path, file: &str) -> PathBuf {
    succeed(verso().current_dir(dir).args([
        "xliff",
        "export",
        file,
        "--to",
        "es",
        "--memory",
        "mem.sqlite",
        "--out",
        "xliff",
    ]));
    dir.join(format!("xliff/es/{file}.xlf"))
}

/// Imports an edited XLIFF file into `mem.sqlite`.
pub fn xliff_import(dir: &Path, xliff: &Path) {
    succeed(
        verso()
            .current_dir(dir)
            .args(["xliff", "import"])
            .arg(xliff)
            .args(["--memory", "mem.sqlite"]),
    );
}

/// `xml` with the target of the unit whose source starts with `source` replaced by `target`.
pub fn edit_target(xml: &str, source: &str, target: &str) -> String {
    let at = xml
        .find(&format!("<source xml:space=\"preserve\">{source}"))
        .unwrap_or_else(|| panic!("a unit for {source}"));
    let start = at + xml[at..].find("<target").expect("target");
    let content = start + xml[start..].find('>').expect(">") + 1;
    let end = content + xml[content..].find("</target>").expect("</target>");
    format!("{}{target}{}", &xml[..content], &xml[end..])
}
