//! Killing verso with SIGKILL mid-batch loses nothing: outputs are never half-written, and a
//! second run completes the batch asking the engine only for what was not stored.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{corpus, parse_file, report, require_apertium, structure, translate};

fn stored_rows(db: &Path) -> u64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT COUNT(*) FROM translations", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as u64)
    .unwrap_or(0)
}

#[test]
fn sigkill_mid_batch_then_rerun_completes_asking_only_for_what_is_missing() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let input = work.path().join("batch");
    corpus::write_corpus(&input, 40, 24, 7);
    let db = work.path().join("mem.sqlite");

    let mut child = translate(work.path(), Path::new("batch"), &[])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until some translations are committed, then kill without warning.
    let started = Instant::now();
    while stored_rows(&db) < 100 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "nothing was stored"
        );
        assert!(
            child.try_wait().expect("wait").is_none(),
            "finished before it could be killed; grow the corpus"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let before = stored_rows(&db);

    // Whatever was written is whole: every output reads back with the source's structure.
    let out = work.path().join("out/es");
    let written: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    for path in written
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let name = path.file_name().expect("name");
        assert_eq!(
            structure(&parse_file(path)),
            structure(&parse_file(&input.join(name))),
            "{} is half-written",
            path.display()
        );
    }

    let rerun = translate(work.path(), Path::new("batch"), &[])
        .output()
        .expect("rerun");
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let r = report(&work.path().join("report.json"));
    let calls = r["totals"]["engine_calls"].as_u64().expect("calls");
    let after = stored_rows(&db);
    assert!(calls > 0, "the kill came mid-batch, so some work was left");
    assert!(before > 0);
    assert_eq!(
        after,
        before + calls,
        "the rerun asked only for segments not yet stored"
    );
    assert_eq!(r["totals"]["outputs"], 40);
    // Every output complete, and no temporary file left behind.
    for i in 0..40 {
        let name = format!("article-{i:04}.md");
        assert_eq!(
            structure(&parse_file(&out.join(&name))),
            structure(&parse_file(&input.join(&name)))
        );
    }
    let leftovers = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}
