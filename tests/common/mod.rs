//! Helpers shared by the end-to-end tests: the real binary, temporary work directories, and
//! structure extraction used to compare a source article with its translation.
#![allow(dead_code)]

pub mod browser;
pub mod fake_http;

use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{Event, Parser, Tag};
use verso::document::{BlockKind, Document};
use verso::format::{self, ReadOptions};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The third-party format samples (`shared/formats`, beside the repository): `$VERSO_FORMATS_DIR`,
/// else `shared/formats` in the nearest ancestor directory, else `/work/shared/formats`.
/// Missing samples fail the test: they are evidence, never optional.
pub fn formats() -> PathBuf {
    if let Some(dir) = std::env::var_os("VERSO_FORMATS_DIR") {
        return PathBuf::from(dir);
    }
    let found = root()
        .ancestors()
        .map(|a| a.join("shared/formats"))
        .chain(std::iter::once(PathBuf::from("/work/shared/formats")))
        .find(|p| p.join("tbx").is_dir());
    found.unwrap_or_else(|| {
        panic!("the third-party samples (shared/formats) were not found; set VERSO_FORMATS_DIR")
    })
}

/// The shipped examples.
pub fn examples() -> PathBuf {
    root().join("examples/articles")
}

/// The verso binary, with a UI language fixed to English unless a test sets another.
pub fn verso() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_verso"));
    cmd.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// `verso translate INPUT` run in `dir`, writing `out/`, `mem.sqlite` and `report.json` there;
/// `--to es` unless `extra` names the targets.
pub fn translate(dir: &Path, input: &Path, extra: &[&str]) -> Command {
    let mut cmd = verso();
    cmd.current_dir(dir)
        .arg("translate")
        .arg(input)
        .args([
            "--out",
            "out",
            "--memory",
            "mem.sqlite",
            "--report",
            "report.json",
        ])
        .args(extra);
    if !extra.contains(&"--to") {
        cmd.args(["--to", "es"]);
    }
    cmd
}

/// Fails loudly when Apertium is missing: these tests use the real engine, never a stand-in.
pub fn require_apertium() {
    let ok = Path::new("/usr/share/apertium/modes/eng-spa.mode").is_file()
        && verso::backend::apertium::which("lt-proc").is_some();
    assert!(
        ok,
        "these tests need Apertium and the eng-spa pair: apt-get install apertium apertium-eng-spa (.ci/run does this)"
    );
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// Every article file under a directory, relative paths sorted.
pub fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && format::format_of(e.path()).is_some())
        .map(|e| e.path().strip_prefix(dir).expect("prefix").to_path_buf())
        .collect();
    out.sort();
    out
}

pub fn parse_file(path: &Path) -> Document {
    format::read_file(path, &ReadOptions::default()).expect("readable article")
}

/// The structure a translation must keep, as comparable lines: block kinds (with heading
/// levels and list depths), the markup before each block on its line (list markers, `#`,
/// `> `), link and image targets, code blocks, and front-matter keys that are not translated.
pub fn structure(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let src = &doc.source;
    // A plural variant a translation may add (Spanish `many`) or drop is no structure.
    for b in doc.blocks.iter().filter(|b| !b.kind.is_optional()) {
        let line_start = src[..b.range.start].rfind('\n').map_or(0, |p| p + 1);
        let lead = &src[line_start..b.range.start];
        let kind = if doc.format != verso::format::PLAIN_TEXT {
            b.kind.label()
        } else if b.kind == verso::format::plain::BULLET {
            "bullet".to_string()
        } else {
            "text".to_string()
        };
        // Table cells: only what follows the previous `|` (the other cells are text).
        let lead = match lead.rfind('|') {
            Some(bar) if b.kind == BlockKind::TABLE_CELL => &lead[bar..],
            _ => lead,
        };
        let lead = if b.parent.is_some() { "(nested)" } else { lead };
        out.push(format!("block {kind} after {lead:?}"));
    }
    if doc.format == verso::format::PLAIN_TEXT {
        out.dedup();
        return out;
    }
    for (ev, _) in
        Parser::new_ext(src, verso::format::markdown::parser_options()).into_offset_iter()
    {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => out.push(format!("link {dest_url}")),
            Event::Start(Tag::Image { dest_url, .. }) => out.push(format!("image {dest_url}")),
            Event::Start(Tag::CodeBlock(_)) => out.push("code block".into()),
            Event::Code(code) => out.push(format!("code {code}")),
            Event::FootnoteReference(f) => out.push(format!("footnote-ref {f}")),
            _ => {}
        }
    }
    out
}

/// Reads a JSON report.
pub fn report(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("report written"))
        .expect("report is JSON")
}

pub mod corpus;
pub mod loopback;
pub mod pg;
pub mod real;
pub mod served;

/// Runs a command to the end, or kills it after `limit` and fails the test: a command that
/// would hang (on a FIFO, on a deeply nested file) fails instead of stopping the suite.
pub fn output_within(cmd: &mut Command, limit: std::time::Duration) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stdout.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stderr.read_to_end(&mut b);
        b
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the command did not finish within {limit:?}: {cmd:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
    }
}

/// The Python with the test tools (Translate Toolkit, sacrebleu): `$VERSO_PYTHON`, else the
/// set-up's virtualenv, else `python3`.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("VERSO_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/verso/pytools/bin/python3"))
        .filter(|p| p.is_file());
    venv.unwrap_or_else(|| PathBuf::from("python3"))
}

/// `verso check` of sentence pairs, one block each (one paragraph per sentence), from English
/// to `locale`: its JSON report.
pub fn check_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    locale: &str,
) -> serde_json::Value {
    let work = tempfile::tempdir().expect("tmp");
    let (mut source, mut target) = (Vec::new(), Vec::new());
    for (s, t) in pairs {
        source.push(s);
        target.push(t);
    }
    let (s, t) = (work.path().join("en.txt"), work.path().join("target.txt"));
    std::fs::write(&s, source.join("\n\n") + "\n").expect("write");
    std::fs::write(&t, target.join("\n\n") + "\n").expect("write");
    let out = work.path().join("report.json");
    succeed(
        verso()
            .args([
                "check",
                "--from",
                "en",
                "--to",
                locale,
                "--fail-on",
                "never",
            ])
            .arg(&s)
            .arg(&t)
            .arg("--report")
            .arg(&out),
    );
    report(&out)
}

/// Runs a command that must succeed; its output. A failure shows what it said.
pub fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
