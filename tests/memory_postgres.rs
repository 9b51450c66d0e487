//! The memory on a real PostgreSQL server (a throwaway cluster, `common::pg`): the same
//! meaning as the SQLite file — machine translations by engine, human ones serving every
//! engine under the precedence rules, review versions and conflicts, comments, dismissals,
//! claims — and a schema made once however many workers open it at the same moment.

mod common;

use std::time::Duration;

use common::pg::Cluster;
use verso::backend::{LanguagePair, Translation};
use verso::memory::claims::Claim;
use verso::memory::desk::Dismissal;
use verso::memory::reviews::{Role, Saved};
use verso::memory::{HumanItem, HumanStatus, MachineItem, Memory};
use verso::segment::Segment;

fn pair() -> LanguagePair {
    LanguagePair {
        source: "en".parse().expect("tag"),
        target: "es".parse().expect("tag"),
    }
}

fn machine(m: &Memory, engine: &str, source: &Segment, target: &str) {
    let t = Translation {
        segment: Segment::parse_canonical(target),
        unknown_words: vec!["Hrytsenko".into()],
        origin: None,
    };
    m.store_machine(
        &pair(),
        engine,
        &[MachineItem {
            source,
            translation: &t,
            names: &[],
        }],
    )
    .expect("stored");
}

#[test]
fn the_memory_means_on_postgresql_what_it_means_in_a_file() {
    let cluster = Cluster::start();
    let m = Memory::open_at(&cluster.url).expect("open");
    assert!(m.is_shared_server());
    let source = Segment::parse_canonical("The <1>port</1> closed at 11:00.");
    let key = source.key();
    machine(
        &m,
        "apertium",
        &source,
        "El <1>puerto</1> cerró a las 11:00.",
    );
    // By engine only; the best entry whatever engine.
    let found = m
        .lookup_many(&pair(), "apertium", std::slice::from_ref(&key))
        .expect("lookup");
    assert_eq!(found[&key].unknown_words, ["Hrytsenko"]);
    assert!(
        m.lookup_many(&pair(), "deepl", std::slice::from_ref(&key))
            .expect("lookup")
            .is_empty()
    );
    // A reviewer's text serves every engine; an older one does not replace it.
    let reviewed = Segment::parse_canonical("El <1>puerto</1> cerró a las 11.00.");
    let item = |target: &'static Segment, status, at| HumanItem {
        source: Box::leak(Box::new(source.clone())),
        target,
        status,
        changed_at: at,
        names: &[],
    };
    let reviewed: &'static Segment = Box::leak(Box::new(reviewed));
    let older: &'static Segment = Box::leak(Box::new(Segment::parse_canonical("Viejo.")));
    let done = m
        .store_human(
            &pair(),
            &[item(reviewed, HumanStatus::Approved, 100)],
            "xliff",
        )
        .expect("stored");
    assert_eq!((done.stored, done.approved), (1, 1));
    let kept = m
        .store_human(&pair(), &[item(older, HumanStatus::Reviewed, 50)], "tmx")
        .expect("answered");
    assert_eq!(kept.kept, 1);
    let best = m
        .lookup_many(&pair(), "deepl", std::slice::from_ref(&key))
        .expect("lookup");
    assert_eq!(
        (best[&key].status.as_str(), best[&key].target.canonical()),
        ("approved", reviewed.canonical())
    );
    let stats = m.stats().expect("stats");
    assert_eq!(stats.len(), 2, "{stats:?}");
    assert_eq!(m.len().expect("len"), 2);
    assert_eq!(m.entries().expect("entries").len(), 2);

    // Review versions: a stale save is refused with what won.
    let block = Segment::parse_canonical("Two howitzers moved.");
    let first = Segment::parse_canonical("Se movieron dos obuses.");
    let second = Segment::parse_canonical("Dos obuses se movieron.");
    let save = |target: &Segment, base: i64, who: &str| {
        m.save_reviewed(
            &pair(),
            &HumanItem {
                source: &block,
                target,
                status: HumanStatus::Reviewed,
                changed_at: 200,
                names: &[],
            },
            who,
            base,
        )
        .expect("answered")
    };
    assert_eq!(save(&first, 0, "ana"), Saved::Stored { version: 1 });
    assert!(matches!(
        save(&second, 0, "bo"),
        Saved::Conflict { version: 1, .. }
    ));
    assert_eq!(m.history(&pair(), &block.key()).expect("history").len(), 1);
    assert_eq!(
        m.send_to_machine(&pair(), &block.key(), "bo", 1)
            .expect("sent"),
        Saved::Stored { version: 2 }
    );

    // Reviewers, comments with answers, dismissals.
    let token = m.add_reviewer("ana", Role::Approver).expect("added");
    assert_eq!(
        m.reviewer(&token).expect("read").map(|r| r.name),
        Some("ana".into())
    );
    let c = m
        .add_comment(&pair(), &block.key(), "ana", "¿Fuente?", None)
        .expect("comment");
    let a = m
        .add_comment(&pair(), &block.key(), "bo", "La agencia.", Some(c))
        .expect("answer");
    let thread = m.comments(&pair(), &block.key()).expect("comments");
    assert_eq!(
        (thread.len(), thread[1].id, thread[1].reply_to),
        (2, a, Some(c))
    );
    m.dismiss(
        &pair(),
        &block.key(),
        &Dismissal {
            rule: "numbers".into(),
            target: first.canonical(),
            author: "ana".into(),
            at: 1,
            reason: "as quoted".into(),
        },
    )
    .expect("dismissed");
    assert_eq!(
        m.dismissals(&pair(), &[block.key()]).expect("read")[&block.key()][0].reason,
        "as quoted"
    );

    // Claims: held by one worker, landed for all once stored, taken over after the lease.
    let credit = Segment::parse_canonical("Reporting by the desk.");
    let keys = [credit.key()];
    let long = Duration::from_secs(60);
    assert_eq!(
        m.claim(&pair(), "e", &keys, "w1", long).expect("claim"),
        [Claim::Mine]
    );
    assert_eq!(
        m.claim(&pair(), "e", &keys, "w2", long).expect("claim"),
        [Claim::Held]
    );
    machine(&m, "e", &credit, "Información de la redacción.");
    assert_eq!(
        m.claim(&pair(), "e", &keys, "w2", long).expect("claim"),
        [Claim::Landed]
    );
    assert_eq!(m.live_claims().expect("claims"), 0);
    let other = ["other".to_string()];
    m.claim(&pair(), "e", &other, "w1", Duration::from_millis(1))
        .expect("claim");
    std::thread::sleep(Duration::from_millis(5));
    assert_eq!(
        m.claim(&pair(), "e", &other, "w2", long).expect("claim"),
        [Claim::Mine]
    );
    // One batch mixing what has landed, what another holds, what is free, a key twice.
    let mixed = [
        "free".to_string(),
        credit.key(),
        "other".to_string(),
        "free".to_string(),
    ];
    assert_eq!(
        m.claim(&pair(), "e", &mixed, "w3", long).expect("claim"),
        [Claim::Mine, Claim::Landed, Claim::Held, Claim::Mine]
    );
    // A fallback's translation lands only for a worker that counts it as a stand-in.
    let fell_back = Segment::parse_canonical("Wire down.");
    machine(&m, "fallback", &fell_back, "Cable caído.");
    let keys = [fell_back.key()];
    assert_eq!(
        m.claim_with(&pair(), "e", &["fallback".to_string()], &keys, "w4", long)
            .expect("claim"),
        [Claim::Landed]
    );
    assert_eq!(
        m.claim(&pair(), "e", &keys, "w4", long).expect("claim"),
        [Claim::Mine]
    );
    // A batch storing one segment twice keeps its last translation.
    let twice = Segment::parse_canonical("Twice.");
    let (a, b) = (
        Translation {
            segment: Segment::parse_canonical("Primera."),
            unknown_words: Vec::new(),
            origin: None,
        },
        Translation {
            segment: Segment::parse_canonical("Segunda."),
            unknown_words: Vec::new(),
            origin: None,
        },
    );
    let items = [&a, &b].map(|t| MachineItem {
        source: &twice,
        translation: t,
        names: &[],
    });
    m.store_machine(&pair(), "e", &items).expect("stored");
    let found = m.lookup_many(&pair(), "e", &[twice.key()]).expect("lookup");
    assert_eq!(found[&twice.key()].target.canonical(), "Segunda.");
}

#[test]
fn eight_workers_opening_a_new_database_at_once_make_one_schema() {
    let cluster = Cluster::start();
    let url = cluster.database("fresh");
    let opened: Vec<Result<(), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| Memory::open_at(&url).map(|_| ()).map_err(|e| e.to_string())))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err("panicked".into())))
            .collect()
    });
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    let m = Memory::open_at(&url).expect("open");
    assert!(m.is_empty().expect("empty"));
}

#[test]
fn a_wrong_address_is_an_error_naming_it_without_its_password() {
    let cluster = Cluster::start();
    let wrong = cluster
        .url
        .replace("verso@", "verso:hunter2@")
        .replace("/verso?", "/no_such_db?");
    let err = match Memory::open_at(&wrong) {
        Ok(_) => panic!("a database that does not exist opened"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("no_such_db") && !err.contains("hunter2"),
        "{err}"
    );
    // The server's reason, not only "db error".
    assert!(
        err.contains("does not exist") && err.contains("3D000"),
        "{err}"
    );
}

/// Sixteen reviewers save one block on the version they all saw, at the same moment, through
/// their own connections: exactly one save is stored, the others are told who won.
#[test]
fn concurrent_saves_on_one_version_store_exactly_one() {
    let cluster = Cluster::start();
    let url = cluster.url.clone();
    Memory::open_at(&url).expect("schema");
    let block = Segment::parse_canonical("The convoy left at dawn.");
    let start = std::sync::Barrier::new(16);
    let results: Vec<Saved> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let (url, block, start) = (&url, &block, &start);
                s.spawn(move || {
                    let m = Memory::open_at(url).expect("open");
                    // Warm the connection, then all save at once.
                    m.block_version(&pair(), &block.key()).expect("read");
                    start.wait();
                    let target =
                        Segment::parse_canonical(&format!("El convoy salió, versión {i}."));
                    m.save_reviewed(
                        &pair(),
                        &HumanItem {
                            source: block,
                            target: &target,
                            status: HumanStatus::Reviewed,
                            // Each newer than the last: precedence alone would store them all.
                            changed_at: 100 + i,
                            names: &[],
                        },
                        &format!("r{i}"),
                        0,
                    )
                    .expect("answered")
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let stored = results
        .iter()
        .filter(|r| matches!(r, Saved::Stored { version: 1 }))
        .count();
    assert_eq!(stored, 1, "{results:?}");
    assert_eq!(
        results
            .iter()
            .filter(|r| matches!(r, Saved::Conflict { version: 1, .. }))
            .count(),
        15
    );
    let m = Memory::open_at(&url).expect("open");
    assert_eq!(m.history(&pair(), &block.key()).expect("history").len(), 1);
}

/// `verso memory copy`: a SQLite memory with machine and human work and a review desk's
/// history, copied to PostgreSQL and back into a new file, comes back the same — entries with
/// their statuses, origins and times, comments still answering their comment — and a second
/// copy adds nothing.
#[test]
fn a_memory_copied_to_postgresql_and_back_keeps_everything() {
    let cluster = Cluster::start();
    let work = tempfile::tempdir().expect("tmp");
    let a = work.path().join("a.sqlite");
    {
        let m = Memory::open(&a).expect("open");
        let s1 = Segment::parse_canonical("The <1>port</1> closed.");
        let s2 = Segment::parse_canonical("Two howitzers moved.");
        machine(&m, "apertium", &s1, "El <1>puerto</1> cerró.");
        machine(&m, "deepl", &s2, "Se movieron dos obuses.");
        let approved = Segment::parse_canonical("Dos obuses se movieron.");
        m.save_reviewed(
            &pair(),
            &HumanItem {
                source: &s2,
                target: &approved,
                status: HumanStatus::Approved,
                changed_at: 1_700_000_000,
                names: &[],
            },
            "ana",
            0,
        )
        .expect("saved");
        m.add_reviewer("ana", Role::Approver).expect("reviewer");
        let c = m
            .add_comment(&pair(), &s2.key(), "ana", "¿Obuses?", None)
            .expect("comment");
        m.add_comment(&pair(), &s2.key(), "bo", "Sí.", Some(c))
            .expect("answer");
        m.assign(&pair(), "a.md", "ana", "bo").expect("assigned");
    }
    let copy = |from: &str, to: &str| {
        let out = common::verso()
            .args(["memory", "copy", from, to])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let a_str = a.to_str().expect("path");
    // With a password in the address (the server trusts loopback and never asks for it):
    // what the command says shows the address without it.
    let with_password = cluster.url.replace("verso@", "verso:s3cret-pw@");
    let said = copy(a_str, &with_password);
    assert!(
        said.contains("rows copied") && said.contains("127.0.0.1") && !said.contains("s3cret-pw"),
        "{said}"
    );
    let b = work.path().join("b.sqlite");
    copy(&cluster.url, b.to_str().expect("path"));
    let (ma, mb) = (Memory::open(&a).expect("a"), Memory::open(&b).expect("b"));
    let pg = Memory::open_at(&cluster.url).expect("pg");
    let key = |e: &verso::memory::StoredEntry| {
        (
            e.source.canonical(),
            e.target.canonical(),
            e.origin.clone(),
            e.status.clone(),
            e.updated_at,
        )
    };
    let mut ea: Vec<_> = ma.entries().expect("a").iter().map(key).collect();
    let mut eb: Vec<_> = mb.entries().expect("b").iter().map(key).collect();
    let mut ep: Vec<_> = pg.entries().expect("pg").iter().map(key).collect();
    ea.sort();
    eb.sort();
    ep.sort();
    assert_eq!(ea.len(), 3);
    assert_eq!(ea, ep, "SQLite → PostgreSQL");
    assert_eq!(ea, eb, "and back");
    assert_eq!(ma.stats().expect("a"), mb.stats().expect("b"));
    let s2 = Segment::parse_canonical("Two howitzers moved.");
    let thread = mb.comments(&pair(), &s2.key()).expect("comments");
    assert_eq!(thread.len(), 2);
    assert_eq!(
        thread[1].reply_to,
        Some(thread[0].id),
        "an answer still answers"
    );
    assert_eq!(mb.history(&pair(), &s2.key()).expect("history").len(), 1);
    assert_eq!(mb.block_version(&pair(), &s2.key()).expect("version").0, 1);
    assert_eq!(mb.assignees(&pair()).expect("assignees")["a.md"], "ana");
    assert_eq!(mb.reviewer_names().expect("reviewers"), ["ana"]);
    // Again: nothing added, nothing changed.
    let again = copy(a_str, &cluster.url);
    assert!(again.starts_with("0 rows copied"), "{again}");
    assert_eq!(pg.entries().expect("pg").len(), 3);
}

/// Every command that takes a memory takes a PostgreSQL one and means the same by it: one
/// batch translated into a SQLite file and into a database, then `memory stats`, `memory
/// export` (TMX) and `memory import` into a second database, `xliff export` and `review`
/// answer alike from both; `VERSO_MEMORY_URL` names the database when `--memory` does not.
#[test]
fn the_commands_that_take_a_memory_answer_alike_from_postgresql_and_a_file() {
    let cluster = Cluster::start();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::create_dir_all(dir.join("articles")).expect("mkdir");
    std::fs::write(
        dir.join("articles/port.md"),
        "# The port reopens\n\nThe harbour reopened on Monday after the storm.\n\n\
         Ferries to the islands run **twice a day** again, the [operator](https://example.org) said.\n",
    )
    .expect("article");
    std::fs::write(
        dir.join("articles/budget.md"),
        "# Budget\n\nThe council approved the budget after a long debate.\n",
    )
    .expect("article");
    let url = cluster.database("commands");
    let run = |args: &[&str], memory: Option<&str>| {
        let mut c = common::verso();
        c.current_dir(dir).args(args).env_remove("VERSO_MEMORY_URL");
        if let Some(m) = memory {
            c.args(["--memory", m]);
        }
        let out = c.output().expect("verso runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for (memory, out) in [("file.sqlite", "out-file"), (url.as_str(), "out-pg")] {
        run(
            &[
                "translate",
                "articles",
                "--to",
                "es",
                "--engine",
                "pseudo",
                "--out",
                out,
                "--no-review",
            ],
            Some(memory),
        );
    }
    let stats_file = run(&["memory", "stats"], Some("file.sqlite"));
    let stats_pg = run(&["memory", "stats"], Some(&url));
    assert!(stats_file.contains("es"), "{stats_file}");
    assert_eq!(stats_file, stats_pg);
    // The address from the environment.
    let mut env = common::verso();
    let from_env = env
        .current_dir(dir)
        .env("VERSO_MEMORY_URL", &url)
        .args(["memory", "stats"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&from_env.stdout), stats_pg);

    // TMX out of the database, into another: the same segments.
    run(&["memory", "export", "pg.tmx"], Some(&url));
    run(&["memory", "export", "file.tmx"], Some("file.sqlite"));
    let tus = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .expect("tmx")
            .matches("<tu ")
            .count()
    };
    assert!(tus("pg.tmx") >= 5, "{}", tus("pg.tmx"));
    assert_eq!(tus("pg.tmx"), tus("file.tmx"));
    let second = cluster.database("imported");
    run(&["memory", "import", "pg.tmx"], Some(&second));
    let imported = Memory::open_at(&second).expect("open");
    let first = Memory::open_at(&url).expect("open");
    let texts = |m: &Memory| {
        let mut t: Vec<(String, String)> = m
            .entries()
            .expect("entries")
            .into_iter()
            .map(|e| (e.source.canonical(), e.target.canonical()))
            .collect();
        t.sort();
        t
    };
    assert_eq!(texts(&imported), texts(&first));

    // XLIFF and the review page, drawn from either memory, say the same.
    run(
        &[
            "xliff", "export", "articles", "--to", "es", "--out", "xl-file",
        ],
        Some("file.sqlite"),
    );
    run(
        &[
            "xliff", "export", "articles", "--to", "es", "--out", "xl-pg",
        ],
        Some(&url),
    );
    for name in ["es/port.md.xlf", "es/budget.md.xlf"] {
        let a = std::fs::read_to_string(dir.join("xl-file").join(name)).expect("xliff");
        let b = std::fs::read_to_string(dir.join("xl-pg").join(name)).expect("xliff");
        assert!(a.contains("<target"), "{a}");
        assert_eq!(a, b, "{name}");
    }
    let page = |memory: &str, html: &str| {
        run(
            &[
                "review",
                "articles/port.md",
                "out-file/es/port.md",
                "--to",
                "es",
                "--html",
                html,
            ],
            Some(memory),
        );
        // The page's data: each block's source, text and status in the memory (the page
        // around it carries a fresh nonce each time).
        let html = std::fs::read_to_string(dir.join(html)).expect("page");
        let start = html
            .find(r#"<script type="application/json" id="verso-data">"#)
            .expect("the page's data");
        let end = start + html[start..].find("</script>").expect("its end");
        html[start..end].to_string()
    };
    let (a, b) = (page("file.sqlite", "file.html"), page(&url, "pg.html"));
    assert!(
        a.contains("harbour") && a.contains(r#""status":"machine""#),
        "{a}"
    );
    assert_eq!(a, b);
}

/// The review desk on a PostgreSQL memory: reviewers added to it, the server's pages and API
/// answering from it, a save approved and stored with its version, a stale save refused with
/// who won, and the approved text in the database for the next run.
#[test]
fn the_review_server_works_on_a_postgresql_memory() {
    use common::served::{ARTICLE, Server, add_reviewer_to, translate_into};
    let cluster = Cluster::start();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    std::fs::copy(common::examples().join(ARTICLE), dir.join(ARTICLE)).expect("copy");
    let url = cluster.database("desk");
    translate_into(dir, &url, &[ARTICLE], "pseudo", &[]);
    let ana = add_reviewer_to(dir, &url, "ana", "approver");
    let bo = add_reviewer_to(dir, &url, "bo", "reviewer");
    let server = Server::start_on(dir, &url, &[]);
    let cookie = format!("verso_token={ana}");
    let (status, index) = server.request("GET", "/", &[("Cookie", &cookie)], None);
    assert_eq!(status, 200, "{index}");
    assert!(index.contains(ARTICLE), "{index}");
    let page = format!("/review/es/{ARTICLE}");
    let (status, html) = server.request("GET", &page, &[("Cookie", &cookie)], None);
    assert_eq!(status, 200);
    assert!(html.contains("data-block=\"1\""), "{html}");
    let before = server.block(&ana, 1);
    assert_eq!(before["status"], "machine", "{before}");
    let text = "Texto revisado por la mesa.";
    let (status, saved) = server.save(&ana, 1, text, 0, true);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["version"], 1, "{saved}");
    let (status, stale) = server.save(&bo, 1, "Otro texto.", 0, false);
    assert_eq!(status, 409, "{stale}");
    assert_eq!(stale["author"], "ana", "{stale}");
    let after = server.block(&bo, 1);
    assert_eq!(
        (after["status"].as_str(), after["target"].as_str()),
        (Some("approved"), Some(text)),
        "{after}"
    );
    drop(server);
    let memory = Memory::open_at(&url).expect("open");
    let approved: Vec<String> = memory
        .entries()
        .expect("entries")
        .into_iter()
        .filter(|e| e.status == "approved")
        .map(|e| e.target.canonical())
        .collect();
    assert_eq!(approved, [text]);
}
