//! Several processes on one memory file: runs wait for each other and never fail because the
//! file is busy; human work is never downgraded by a later import of older work, whichever way
//! it comes (corrections file, XLIFF, TMX); `memory export` writes names as what they are.

mod common;

use std::path::Path;
use std::process::{Child, Stdio};

use common::verso;

/// `verso` with the given arguments, in `dir`, started in the background.
fn spawn(dir: &Path, args: &[&str]) -> Child {
    verso()
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("verso starts")
}

#[test]
fn four_runs_and_a_reader_on_one_fresh_memory_all_succeed() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    for k in 0..4 {
        let folder = d.join(format!("batch{k}"));
        std::fs::create_dir_all(&folder).expect("mkdir");
        for f in 0..3 {
            let text: String = (0..20)
                .map(|p| format!("Batch {k} file {f} paragraph {p} about the convoy.\n\n"))
                .collect();
            std::fs::write(folder.join(format!("a{f}.md")), text).expect("write");
        }
    }
    let mut failures = Vec::new();
    for round in 0..10 {
        let memory = format!("m{round}.sqlite");
        let mut children: Vec<(String, Child)> = (0..4)
            .map(|k| {
                let args = [
                    "translate",
                    &format!("batch{k}"),
                    "--to",
                    "es",
                    "--engine",
                    "pseudo",
                    "--memory",
                    &memory,
                    "--out",
                    &format!("out{round}-{k}"),
                    "--no-review",
                ];
                (format!("translate {k}"), spawn(d, &args))
            })
            .collect();
        for r in 0..3 {
            children.push((
                format!("stats {r}"),
                spawn(d, &["memory", "stats", "--memory", &memory]),
            ));
        }
        for (what, child) in children {
            let out = child.wait_with_output().expect("wait");
            if !out.status.success() {
                failures.push(format!(
                    "round {round}, {what}: {:?} {}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A two-paragraph article translated with the pseudo engine into `mem.sqlite`.
fn translated(dir: &Path) {
    std::fs::create_dir_all(dir.join("a")).expect("mkdir");
    std::fs::write(
        dir.join("a/story.md"),
        "The convoy moved north.\n\nKyrylo Budanov said so.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("g.toml"),
        "[budanov]\nkind = \"person\"\n[budanov.en]\npreferred = \"Kyrylo Budanov\"\n[budanov.es]\npreferred = \"Kyrylo Budánov\"\n",
    )
    .expect("glossary");
    run(dir, TRANSLATE);
}

/// The run these tests repeat: the article with the pseudo engine into `mem.sqlite`.
const TRANSLATE: &[&str] = &[
    "translate",
    "a",
    "--to",
    "es",
    "--engine",
    "pseudo",
    "--memory",
    "mem.sqlite",
    "--glossary",
    "g.toml",
];

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = verso()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// What the next run writes for the first paragraph, and that block's status on its page.
fn first_paragraph(dir: &Path) -> String {
    run(dir, TRANSLATE);
    std::fs::read_to_string(dir.join("out/es/story.md"))
        .expect("written")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Sets a file's modification time (seconds since the epoch).
fn set_mtime(path: &Path, secs: i64) {
    let c = std::ffi::CString::new(path.to_string_lossy().as_bytes()).expect("path");
    let times = [
        libc::timespec {
            tv_sec: secs,
            tv_nsec: 0,
        },
        libc::timespec {
            tv_sec: secs,
            tv_nsec: 0,
        },
    ];
    // SAFETY: a valid NUL-terminated path and two timespecs.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) };
    assert_eq!(r, 0, "utimensat");
}

#[test]
fn an_approved_block_survives_every_later_import_of_older_or_machine_work() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    translated(d);
    // An XLIFF exported now (machine drafts, state "translated") and a TMX of the memory.
    run(
        d,
        &[
            "xliff",
            "export",
            "a",
            "--to",
            "es",
            "--memory",
            "mem.sqlite",
            "--glossary",
            "g.toml",
            "--out",
            "x",
        ],
    );
    let xliff = d.join("x/es/story.md.xlf");
    let stale_xliff = std::fs::read_to_string(&xliff).expect("xliff");
    run(
        d,
        &["memory", "export", "old.tmx", "--memory", "mem.sqlite"],
    );
    let draft = first_paragraph(d);

    // A reviewer approves a corrected first paragraph.
    let page = std::fs::read_to_string(d.join("out/review/es/story.md.html")).expect("page");
    let data_at = page.find("\"blocks\"").expect("page data");
    let key_at = page[data_at..].find("\"key\":\"").expect("a key") + data_at + 7;
    let key = &page[key_at..key_at + 32];
    let source_at = page[key_at..].find("\"source\":\"").expect("source") + key_at + 10;
    let source_end = page[source_at..].find('"').expect("end") + source_at;
    let source = &page[source_at..source_end];
    let corrections = serde_json::json!({
        "format": "verso-corrections", "version": 1, "file": "story.md",
        "source_lang": "en", "target_lang": "es", "saved_at": 2_000_000_000i64,
        "blocks": [{"block": 0, "line": 1, "key": key, "source": source,
                    "target": "El convoy avanzó hacia el norte.", "status": "approved",
                    "edited": true}]
    });
    std::fs::write(d.join("fix.json"), corrections.to_string()).expect("write");
    run(d, &["import", "fix.json", "--memory", "mem.sqlite"]);
    assert_eq!(first_paragraph(d), "El convoy avanzó hacia el norte.");

    // The stale XLIFF, saved after the approval (so "newer"), with the draft as "reviewed".
    std::fs::write(
        &xliff,
        stale_xliff.replace("state=\"translated\"", "state=\"reviewed\""),
    )
    .expect("write");
    let out = run(
        d,
        &[
            "xliff",
            "import",
            xliff.to_str().unwrap_or(""),
            "--memory",
            "mem.sqlite",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kept the memory's"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(first_paragraph(d), "El convoy avanzó hacia el norte.");

    // An older corrections file approving something else: older than the approval, kept out.
    let older = corrections
        .to_string()
        .replace("2000000000", "1000000000")
        .replace(
            "El convoy avanzó hacia el norte.",
            "Otra versión más antigua.",
        );
    std::fs::write(d.join("older.json"), older).expect("write");
    run(d, &["import", "older.json", "--memory", "mem.sqlite"]);
    assert_eq!(first_paragraph(d), "El convoy avanzó hacia el norte.");
    // The same without `saved_at`: the file's time says when, here long ago.
    let undated: serde_json::Value = {
        let mut v = corrections.clone();
        v.as_object_mut().map(|o| o.remove("saved_at"));
        v["blocks"][0]["target"] = serde_json::json!("Una versión sin fecha.");
        v
    };
    std::fs::write(d.join("undated.json"), undated.to_string()).expect("write");
    set_mtime(&d.join("undated.json"), 1_500_000_000);
    run(d, &["import", "undated.json", "--memory", "mem.sqlite"]);
    assert_eq!(first_paragraph(d), "El convoy avanzó hacia el norte.");

    // The TMX exported before the approval: its machine entries go back under their engine,
    // and the approval stays.
    run(
        d,
        &["memory", "import", "old.tmx", "--memory", "mem.sqlite"],
    );
    assert_eq!(first_paragraph(d), "El convoy avanzó hacia el norte.");
    assert_ne!(draft, "El convoy avanzó hacia el norte.");

    // A newer approval does replace it.
    let newer = corrections
        .to_string()
        .replace("2000000000", "2100000000")
        .replace(
            "El convoy avanzó hacia el norte.",
            "El convoy fue hacia el norte.",
        );
    std::fs::write(d.join("newer.json"), newer).expect("write");
    run(d, &["import", "newer.json", "--memory", "mem.sqlite"]);
    assert_eq!(first_paragraph(d), "El convoy fue hacia el norte.");
}

#[test]
fn memory_export_writes_names_as_what_they_are_and_reads_them_back_to_the_same_keys() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    translated(d);
    run(
        d,
        &["memory", "export", "mem.tmx", "--memory", "mem.sqlite"],
    );
    let tmx = std::fs::read_to_string(d.join("mem.tmx")).expect("tmx");
    assert!(
        tmx.contains("type=\"x-verso-name\">Kyrylo Budanov</ph>")
            && tmx.contains("type=\"x-verso-name\">Kyrylo Budánov</ph>"),
        "{tmx}"
    );
    assert!(!tmx.contains("x-verso-name\"></ph>"), "{tmx}");
    // Into a fresh memory and out again: the same units, keys and names.
    run(
        d,
        &["memory", "import", "mem.tmx", "--memory", "fresh.sqlite"],
    );
    run(
        d,
        &["memory", "export", "again.tmx", "--memory", "fresh.sqlite"],
    );
    let again = std::fs::read_to_string(d.join("again.tmx")).expect("tmx");
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.contains("changedate"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&again), strip(&tmx));
    // The translation of the name's paragraph is found under its key: no engine call.
    let out = run(
        d,
        &[
            "translate",
            "a",
            "--to",
            "es",
            "--engine",
            "pseudo",
            "--memory",
            "fresh.sqlite",
            "--glossary",
            "g.toml",
            "--out",
            "o2",
            "--report",
            "r.json",
        ],
    );
    drop(out);
    let report = common::report(&d.join("r.json"));
    assert_eq!(report["totals"]["engine_calls"], 0, "{report}");
    // Translate Toolkit reads the names' text too (tests/interop.rs).
}

#[test]
fn a_run_waits_for_a_long_writer_instead_of_failing() {
    // Another process's long transaction (an import of a large TMX) holds the write lock for
    // longer than a plain busy timeout: the run waits for it and then does its work.
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::create_dir_all(d.join("a")).expect("mkdir");
    std::fs::write(d.join("a/one.md"), "One paragraph.\n\nAnother paragraph.\n").expect("write");
    let memory = d.join("mem.sqlite");
    run(d, &["memory", "stats", "--memory", "mem.sqlite"]); // creates the file
    let (locked, release) = std::sync::mpsc::channel();
    let holder = {
        let memory = memory.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&memory).expect("open");
            conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO translations (source_lang, target_lang, engine, source_key, source, target, origin, status, created_at, updated_at) VALUES ('en', 'fr', 'x', 'k', 's', 't', 'x', 'machine', 0, 0);")
                .expect("lock");
            locked.send(()).expect("send");
            std::thread::sleep(std::time::Duration::from_secs(12));
            conn.execute_batch("COMMIT").expect("commit");
        })
    };
    release.recv().expect("locked");
    let out = verso()
        .current_dir(d)
        .args([
            "translate",
            "a",
            "--to",
            "es",
            "--engine",
            "pseudo",
            "--memory",
            "mem.sqlite",
            "--no-review",
        ])
        .output()
        .expect("runs");
    holder.join().expect("holder");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(d.join("out/es/one.md").is_file());
}
