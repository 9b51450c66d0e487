//! Files verso writes and reads: never replace what is not ours (links, devices, FIFOs), `-`
//! for standard output, no debris after a kill, the usual permissions, inputs that are not
//! regular files skipped by name, and a closed pipe is not a crash.

mod common;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;

use common::verso;

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(
        dir.path().join("articles/a.md"),
        "# Title\n\nA paragraph about the convoy.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("articles/b.txt"), "Another article.\n").expect("write");
    dir
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
}

fn translate(dir: &Path, extra: &[&str]) -> std::process::Output {
    verso()
        .current_dir(dir)
        .args([
            "translate",
            "articles",
            "--to",
            "es",
            "--engine",
            "identity",
            "--memory",
            "mem.sqlite",
        ])
        .args(extra)
        .output()
        .expect("verso runs")
}

#[test]
fn a_report_through_a_link_keeps_the_link_and_a_device_or_fifo_is_written_in_place() {
    let dir = workdir();
    let d = dir.path();
    // A link to a file: the file is replaced, the link stays a link.
    std::fs::create_dir(d.join("real")).expect("mkdir");
    std::fs::write(d.join("real/report.json"), "old").expect("write");
    std::os::unix::fs::symlink("real/report.json", d.join("report.json")).expect("link");
    let out = translate(d, &["--report", "report.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(is_symlink(&d.join("report.json")), "the link was replaced");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("real/report.json")).expect("read"))
            .expect("the report went through the link");
    assert_eq!(json["totals"]["outputs"], 2);

    // A link to a device: written into, never replaced.
    std::os::unix::fs::symlink("/dev/null", d.join("null-link")).expect("link");
    let out = translate(d, &["--report", "null-link"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(is_symlink(&d.join("null-link")));
    assert!(
        std::fs::metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );

    // A FIFO: a reader gets the report through it, and it stays a FIFO.
    let fifo = d.join("report.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(&fifo).expect("read fifo"))
    };
    let out = translate(d, &["--report", "report.fifo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Checked before the reader is joined: a FIFO replaced by a file would leave it waiting.
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo(),
        "the FIFO was replaced"
    );
    let through: serde_json::Value =
        serde_json::from_str(&reader.join().expect("reader")).expect("JSON through the FIFO");
    assert_eq!(through["schema"], 1);

    // A directory is a clear error (exit 1: the translations were still written).
    std::fs::create_dir(d.join("a-dir")).expect("mkdir");
    std::fs::remove_dir_all(d.join("out")).expect("rm");
    let out = translate(d, &["--report", "a-dir"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a-dir") && stderr.contains("directory"),
        "{stderr}"
    );
    assert!(d.join("out/es/a.md").is_file());
}

#[test]
fn a_dash_means_standard_output() {
    let dir = workdir();
    let out = translate(dir.path(), &["--report", "-"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the report alone on standard output");
    assert_eq!(json["totals"]["files"], 2);
    assert!(!dir.path().join("-").exists());

    let glossary = common::root().join("config/glossary.example.toml");
    let out = verso()
        .args(["glossary", "export", "-g"])
        .arg(&glossary)
        .args(["--format", "tbx", "--out", "-"])
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("<?xml") && text.contains("<tbx"), "{text}");

    let out = verso()
        .current_dir(dir.path())
        .args(["memory", "export", "-", "--memory", "mem.sqlite"])
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<tmx"));
}

#[test]
fn a_rerun_removes_what_a_killed_run_left_in_every_directory_it_writes_into() {
    let dir = workdir();
    let d = dir.path();
    assert!(translate(d, &[]).status.success());
    // A kill while review pages and outputs were written leaves temporaries (pid 999999999
    // runs nowhere; the nameless ones are from earlier versions).
    let debris = [
        "out/review/es/.verso-999999999-Ab12Cd.tmp",
        "out/review/.verso-999999999-Ef34Gh.tmp",
        "out/es/.verso-Ij56Kl.tmp",
        "out/review/es/deep/.verso-999999999-Mn78Op.tmp",
    ];
    for f in debris {
        let p = d.join(f);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, "half").expect("write");
    }
    // Another run's temporary (this test's own process is alive) is left alone.
    let live = d.join(format!(
        "out/review/es/.verso-{}-Qr90St.tmp",
        std::process::id()
    ));
    std::fs::write(&live, "in progress").expect("write");
    assert!(translate(d, &[]).status.success());
    for f in debris {
        assert!(!d.join(f).exists(), "{f} is still there");
    }
    assert!(live.exists(), "a live run's temporary was removed");
}

#[test]
fn outputs_get_the_usual_permissions() {
    let dir = workdir();
    let out = verso()
        .current_dir(dir.path())
        .args([
            "translate",
            "articles",
            "--to",
            "es",
            "--engine",
            "identity",
            "--memory",
            "mem.sqlite",
            "--report",
            "report.json",
        ])
        .process_group(0)
        .pre_exec_umask(0o022)
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "out/es/a.md",
        "out/es/b.txt",
        "out/review/index.html",
        "out/review/es/a.md.html",
        "report.json",
    ] {
        let mode = std::fs::metadata(dir.path().join(f))
            .expect(f)
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o644, "{f}: {mode:o}");
    }
}

/// Sets the child's umask.
trait Umask {
    fn pre_exec_umask(&mut self, mask: u32) -> &mut Self;
}

impl Umask for std::process::Command {
    fn pre_exec_umask(&mut self, mask: u32) -> &mut Self {
        // SAFETY: umask is async-signal-safe and touches only the child.
        unsafe {
            self.pre_exec(move || {
                libc::umask(mask as libc::mode_t);
                Ok(())
            })
        }
    }
}

#[test]
fn inputs_that_are_not_regular_files_are_skipped_by_name() {
    let dir = workdir();
    let d = dir.path();
    mkfifo(&d.join("articles/stuck.md"));
    // A link to it is no regular file either, though the walk sees a link, not a FIFO.
    std::os::unix::fs::symlink("stuck.md", d.join("articles/linked.md")).expect("link");
    // Given inside a folder, and given by name.
    let limit = std::time::Duration::from_secs(60);
    let out = common::output_within(
        verso().current_dir(d).args([
            "translate",
            "articles",
            "articles/stuck.md",
            "--to",
            "es",
            "--engine",
            "identity",
            "--memory",
            "mem.sqlite",
        ]),
        limit,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("stuck.md") && stderr.contains("FIFO") && stderr.contains("skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("linked.md"), "{stderr}");
    assert!(d.join("out/es/a.md").is_file() && d.join("out/es/b.txt").is_file());
    // The checker and the glossary reader refuse it too, instead of hanging.
    let out = common::output_within(
        verso()
            .current_dir(d)
            .args(["check", "articles/stuck.md", "out/es/a.md", "--to", "es"]),
        limit,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
    let out = common::output_within(
        verso()
            .current_dir(d)
            .args(["glossary", "lint", "-g", "articles/stuck.md"]),
        limit,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = tempfile::tempdir().expect("tmp");
    let big: String = (0..20_000)
        .map(|i| format!("Paragraph {i} with a few words in it.\n\n"))
        .collect();
    std::fs::write(dir.path().join("big.md"), big).expect("write");
    for json in [false, true] {
        let mut cmd = verso();
        cmd.current_dir(dir.path()).args(["segment", "big.md"]);
        if json {
            cmd.arg("--json");
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut first = [0u8; 64];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // The reader goes away, as `head` does.
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "json {json}: {stderr}");
        assert!(stderr.is_empty(), "json {json}: {stderr}");
    }
}
