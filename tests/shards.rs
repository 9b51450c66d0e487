//! A batch split between workers (`--shard K/N`) on one shared memory: four shard processes
//! in parallel write, together, exactly what one process writes; the engine (a `command`
//! engine that logs every segment it is asked) is asked each distinct segment once in all;
//! the merged report has the single run's findings, batch rules included; and a shard killed
//! in the middle and run again completes the batch without asking again for what was stored.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::verso;
use serde_json::Value;

/// Paragraphs the articles are made of: a pool of distinct ones, and the lines every article
/// of a desk repeats (credit, boilerplate), which a batch must translate once.
const POOL: &[&str] = &[
    "The council approved the budget after a long night of debate.",
    "Trains on the northern line ran late for the third day in a row.",
    "The harbour reopened once the storm had passed over the coast.",
    "Farmers said the dry spring had cut the wheat harvest by a fifth.",
    "A new bridge over the river is due to open next summer.",
    "The museum will lend forty paintings to a gallery abroad.",
    "Nurses asked for more staff on the night shifts at the hospital.",
    "The school board voted to keep the libraries open on weekends.",
    "Fishermen reported the largest catch of herring in a decade.",
    "The mayor promised to repair the roads before the winter.",
    "Two climbers were rescued from the ridge by a helicopter crew.",
    "The airport expects more passengers than ever this holiday season.",
];
const CREDIT: &str = "Reporting by the city desk; editing by the night desk.";
const BOILERPLATE: &str = "Follow our coverage of the region every morning in the newsletter.";

/// 208 articles: a title of their own, three pool paragraphs, the credit and the boilerplate.
fn articles(dir: &Path) -> BTreeSet<String> {
    let mut distinct = BTreeSet::new();
    for i in 0..208usize {
        let title = format!("Regional briefing number {i}");
        let picks: Vec<&str> = (0..3).map(|k| POOL[(i * 7 + k * 5) % POOL.len()]).collect();
        let mut text = format!("# {title}\n\n");
        distinct.insert(title);
        for p in &picks {
            text.push_str(p);
            text.push_str("\n\n");
            distinct.insert((*p).to_string());
        }
        text.push_str(&format!("{CREDIT}\n\n{BOILERPLATE}\n"));
        let folder = dir.join("articles").join(format!("day{}", i % 7));
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join(format!("briefing-{i:03}.md")), text).expect("article");
    }
    distinct.insert(CREDIT.to_string());
    distinct.insert(BOILERPLATE.to_string());
    distinct
}

/// A `command` engine that upper-cases text (tags kept), logs every segment it is asked, one
/// JSON line each (and, in `<log>.t`, with the time it was asked, in ms since the epoch, and
/// the process of the worker that asked), and takes `delay` seconds per call.
fn engine(dir: &Path, log: &str, delay: f64) -> PathBuf {
    failing_engine(dir, log, delay, "")
}

/// [`engine`], answering no translation (null) for a segment that contains `fails` (unless
/// empty).
fn failing_engine(dir: &Path, log: &str, delay: f64, fails: &str) -> PathBuf {
    let script = dir.join(format!("engine-{log}.py"));
    std::fs::write(
        &script,
        format!(
            "import fcntl, json, os, sys, time\nasked = int(time.time() * 1000)\n\
             req = json.load(sys.stdin)\ntime.sleep({delay})\n\
             with open({log:?}, 'a') as f, open({log:?} + '.t', 'a') as t:\n    \
             fcntl.flock(f, fcntl.LOCK_EX)\n    \
             for s in req['segments']:\n        f.write(json.dumps(s) + '\\n')\n        \
             t.write(json.dumps([asked, os.getppid(), s]) + '\\n')\n\
             out = []\nfor s in req['segments']:\n    r, tag = '', False\n    for c in s:\n        \
             tag = tag or c == '<'\n        r += c if tag else c.upper()\n        tag = tag and c != '>'\n    \
             out.append(None if {fails:?} and {fails:?} in s else r)\n\
             json.dump({{'translations': out}}, sys.stdout)\n",
            log = dir.join(log).display().to_string()
        ),
    )
    .expect("script");
    script
}

fn config(dir: &Path, script: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "[engines.command]\nprogram = \"python3\"\nargs = [\"{}\"]\nbatch = 8\n",
            script.display()
        ),
    )
    .expect("config");
    path
}

fn asked(dir: &Path, log: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join(log))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str::<String>(l).expect("a logged segment"))
        .collect()
}

fn translate(dir: &Path, config: &Path, out: &str, memory: &str, extra: &[&str]) -> Command {
    let mut c = verso();
    c.current_dir(dir)
        .args(["translate", "articles", "--to", "es", "--engine", "command"])
        .arg("--config")
        .arg(config)
        .args(["--memory", memory, "--out", out])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Every file under `root`, by path relative to it.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("under root").to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("file"));
            }
        }
    }
    out
}

fn report(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("report")).expect("JSON")
}

/// (file, rule, block) of every issue, sorted.
fn issues(report: &Value) -> Vec<(String, String, u64)> {
    let mut out: Vec<(String, String, u64)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| {
            let source = f["source"].as_str().unwrap_or_default().to_string();
            f["issues"].as_array().into_iter().flatten().map(move |i| {
                (
                    source.clone(),
                    i["rule"].as_str().unwrap_or_default().to_string(),
                    i["block"].as_u64().unwrap_or_default(),
                )
            })
        })
        .collect();
    out.sort();
    out
}

fn wait(child: Child) -> (bool, String) {
    let out = child.wait_with_output().expect("waited");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// SIGKILLs `child` once the engine has logged `n` segments.
fn kill_once_asked(dir: &Path, child: &mut Child, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while asked(dir, "asked.log").len() < n {
        assert!(Instant::now() < deadline, "the engine was never asked");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

/// Adds `table` (TOML) to the configuration at `path`.
fn adding(path: &Path, table: &str) {
    let mut text = std::fs::read_to_string(path).expect("config");
    text.push('\n');
    text.push_str(table);
    std::fs::write(path, text).expect("config");
}

/// Two workers on the memory `shared.sqlite` translating the articles in `dir` with
/// `config`, into `first/` and `second/`: the second starts once the first holds its claims.
/// Returns their process ids, both having succeeded.
fn second_worker_once_the_first_claims(dir: &Path, config: &Path) -> [u32; 2] {
    let memory = dir.join("shared.sqlite");
    let run = |out: &str| {
        translate(
            dir,
            config,
            out,
            &memory.display().to_string(),
            &["--no-review"],
        )
        .spawn()
        .expect("starts")
    };
    let first = run("first");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !(memory.exists()
        && verso::memory::Memory::open(&memory)
            .and_then(|m| m.live_claims())
            .is_ok_and(|n| n > 0))
    {
        assert!(Instant::now() < deadline, "the first worker never claimed");
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = run("second");
    [first, second].map(|child| {
        let pid = child.id();
        let (ok, err) = wait(child);
        assert!(ok, "{err}");
        pid
    })
}

/// The source texts `memory` holds.
fn stored_texts(memory: &str) -> BTreeSet<String> {
    verso::memory::Memory::open_at(memory)
        .expect("memory")
        .entries()
        .expect("entries")
        .into_iter()
        .map(|e| e.source.text())
        .collect()
}

/// What the engine was asked after the first `before` lines of its log, none of it `stored`
/// already.
fn asked_again(dir: &Path, before: usize, stored: &BTreeSet<String>) -> Vec<String> {
    let again: Vec<String> = asked(dir, "asked.log")[before..].to_vec();
    for s in &again {
        assert!(!stored.contains(s), "asked again though stored: {s}");
    }
    again
}

/// The batch is complete: every article written, every distinct segment asked, no claim left
/// in `memory`; returns how many asks were repeats.
fn batch_done(dir: &Path, distinct: &BTreeSet<String>, memory: &str) -> usize {
    assert_eq!(
        tree(&dir.join("out/es")).len(),
        208,
        "the batch is complete"
    );
    let all = asked(dir, "asked.log");
    let once: BTreeSet<&String> = all.iter().collect();
    assert_eq!(once.len(), distinct.len());
    let memory = verso::memory::Memory::open_at(memory).expect("memory");
    assert_eq!(
        memory.live_claims().expect("claims"),
        0,
        "no claim left behind"
    );
    all.len() - once.len()
}

#[test]
fn four_shards_write_what_one_process_writes_and_ask_each_segment_once() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let distinct = articles(dir);
    // One process, its own memory: the reference.
    let single = config(dir, &engine(dir, "single.log", 0.0), "single.toml");
    let (ok, err) = wait(
        translate(
            dir,
            &single,
            "single",
            "single.sqlite",
            &["--report", "single/report.json"],
        )
        .spawn()
        .expect("starts"),
    );
    assert!(ok, "{err}");
    assert_eq!(asked(dir, "single.log").len(), distinct.len());
    // Four shards at once on one shared memory.
    let shared = config(dir, &engine(dir, "shards.log", 0.5), "shards.toml");
    let children: Vec<Child> = (1..=4)
        .map(|k| {
            translate(
                dir,
                &shared,
                "sharded",
                "shared.sqlite",
                &["--shard", &format!("{k}/4")],
            )
            .spawn()
            .expect("starts")
        })
        .collect();
    for child in children {
        let (ok, err) = wait(child);
        assert!(ok, "{err}");
        assert!(!err.contains("s3cret-pw"), "{err}");
    }
    let asked_shards = asked(dir, "shards.log");
    let once: BTreeSet<&String> = asked_shards.iter().collect();
    assert_eq!(
        asked_shards.len(),
        once.len(),
        "a segment was asked twice: {} asks, {} distinct",
        asked_shards.len(),
        once.len()
    );
    assert_eq!(once.len(), distinct.len());
    // Together they wrote exactly what one process wrote.
    let (one, four) = (tree(&dir.join("single/es")), tree(&dir.join("sharded/es")));
    assert_eq!(one.len(), 208);
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        four.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(four.get(path) == Some(bytes), "{} differs", path.display());
    }
    // Each shard wrote its own report and index; merged, they are the single run's.
    let shard_reports: Vec<PathBuf> = (1..=4)
        .map(|k| dir.join(format!("sharded/report.shard-{k}-of-4.json")))
        .collect();
    let sizes: Vec<usize> = shard_reports
        .iter()
        .map(|p| report(p)["files"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes.iter().sum::<usize>(), 208, "{sizes:?}");
    assert!(sizes.iter().all(|&n| n > 20), "an even split: {sizes:?}");
    let merge = verso()
        .current_dir(dir)
        .args(["report", "merge"])
        .args(&shard_reports)
        .args(["--out", "merged.json"])
        .output()
        .expect("runs");
    assert!(merge.status.success(), "{merge:?}");
    let (merged, one_report) = (
        report(&dir.join("merged.json")),
        report(&dir.join("single/report.json")),
    );
    assert_eq!(merged["totals"]["files"], 208);
    assert_eq!(merged["totals"]["outputs"], 208);
    assert_eq!(
        merged["totals"]["engine_calls"].as_u64(),
        Some(distinct.len() as u64),
        "every distinct segment paid once, by one shard or another"
    );
    assert!(merged.get("batch_facts").is_none() && merged.get("shard").is_none());
    assert_eq!(
        issues(&merged),
        issues(&one_report),
        "the single run's findings"
    );
    let index = std::fs::read_to_string(dir.join("sharded/review/index.html")).expect("index");
    assert_eq!(index.matches("<tr data-status=").count(), 208);
}

#[test]
fn a_shard_killed_in_the_middle_is_run_again_without_asking_for_what_was_stored() {
    let work = tempfile::tempdir().expect("tmp");
    let memory = work.path().join("shared.sqlite").display().to_string();
    killed_and_run_again(work.path(), &memory);
}

/// Four shards on `memory`, shard 1 SIGKILLed once the engine has answered a few times: the
/// others finish, taking over what it had claimed and not sent; shard 1 run again completes
/// the batch asking for nothing stored, and no claim is left.
fn killed_and_run_again(dir: &Path, memory: &str) {
    let distinct = articles(dir);
    let slow = config(dir, &engine(dir, "asked.log", 0.15), "slow.toml");
    let args = |k: u32| {
        translate(
            dir,
            &slow,
            "out",
            memory,
            &["--shard", &format!("{k}/4"), "--no-review"],
        )
    };
    let mut first = args(1).spawn().expect("starts");
    let others: Vec<Child> = (2..=4).map(|k| args(k).spawn().expect("starts")).collect();
    // Kill shard 1 once it has been answered a few times.
    kill_once_asked(dir, &mut first, 24);
    // The other shards finish, taking over what the dead one had claimed and not sent.
    for child in others {
        let (ok, err) = wait(child);
        assert!(ok, "{err}");
    }
    let stored = stored_texts(memory);
    let before = asked(dir, "asked.log").len();
    let (ok, err) = wait(args(1).spawn().expect("starts"));
    assert!(ok, "{err}");
    asked_again(dir, before, &stored);
    // In all, only what the kill interrupted was asked twice.
    let twice = batch_done(dir, &distinct, memory);
    assert!(twice <= 16, "{twice} asked twice");
}

/// An engine slower than the lease: the worker renews its claims while it waits, so a second
/// worker on the same articles waits for the translation instead of taking the claims over
/// and paying again (without renewal the lease of 2 s runs out during the 5 s call; renewed
/// every 0.67 s, it has 1.3 s to spare on a loaded machine).
#[test]
fn a_claim_is_renewed_while_a_slow_engine_works() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("slow.md"),
        format!("# A slow day\n\n{}\n\n{CREDIT}\n", POOL[0]),
    )
    .expect("article");
    let slow = config(dir, &engine(dir, "asked.log", 5.0), "slow.toml");
    adding(&slow, "[memory]\nclaim_lease = 2\n");
    second_worker_once_the_first_claims(dir, &slow);
    let all = asked(dir, "asked.log");
    let once: BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), 3, "each segment asked once: {all:?}");
    assert_eq!(once.len(), 3);
    assert_eq!(tree(&dir.join("first/es")), tree(&dir.join("second/es")));
}

/// `--shard auto` as the shipped deploy examples use it: the Kubernetes manifest (read by
/// PyYAML) runs an Indexed Job whose `VERSO_SHARDS` is its `completions`, and each index, as
/// each task of the Slurm array script, is accepted as its shard and writes that shard's
/// report; together the shards hold every article once.
#[test]
fn the_deploy_examples_split_the_batch_the_way_verso_reads_the_scheduler() {
    let manifest = common::root().join("examples/deploy/kubernetes-indexed-job.yaml");
    let read = Command::new(common::python())
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        ])
        .arg(&manifest)
        .output()
        .expect("python runs");
    assert!(read.status.success(), "{read:?}");
    let job: Value = serde_json::from_slice(&read.stdout).expect("JSON");
    assert_eq!(job["spec"]["completionMode"], "Indexed");
    let completions = job["spec"]["completions"].as_u64().expect("completions");
    let container = &job["spec"]["template"]["spec"]["containers"][0];
    assert!(
        container["args"]
            .as_array()
            .expect("args")
            .iter()
            .any(|a| a == "--shard=auto"),
        "{container}"
    );
    let shards = container["env"]
        .as_array()
        .expect("env")
        .iter()
        .find(|e| e["name"] == "VERSO_SHARDS")
        .and_then(|e| e["value"].as_str())
        .expect("VERSO_SHARDS");
    assert_eq!(shards, completions.to_string());
    let url = container["env"]
        .as_array()
        .expect("env")
        .iter()
        .find(|e| e["name"] == "VERSO_MEMORY_URL")
        .expect("the memory's URL");
    assert!(
        url["valueFrom"]["secretKeyRef"]["key"].is_string() && url.get("value").is_none(),
        "the memory's URL (and its password) from a Secret: {url}"
    );
    let slurm = std::fs::read_to_string(common::root().join("examples/deploy/slurm-array.sh"))
        .expect("script");
    assert!(slurm.contains("--array=1-16") && slurm.contains("--shard auto"));
    assert!(slurm.contains("VERSO_MEMORY_URL") && !slurm.contains("--memory"));

    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    articles(dir);
    let run = |env: &[(&str, String)], label: &str| -> usize {
        let mut c = verso();
        c.current_dir(dir)
            .args([
                "translate",
                "articles",
                "--to",
                "es",
                "--engine",
                "identity",
            ])
            .args([
                "--memory",
                "m.sqlite",
                "--out",
                "out",
                "--no-review",
                "--no-check",
            ])
            .args(["--shard", "auto"])
            .env_remove("SLURM_ARRAY_TASK_ID")
            .env_remove("JOB_COMPLETION_INDEX");
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().expect("runs");
        assert!(out.status.success(), "{label}: {out:?}");
        report(&dir.join(format!("out/report.{label}.json")))["files"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let n = completions as usize;
    let k8s: usize = (0..n)
        .map(|i| {
            run(
                &[
                    ("JOB_COMPLETION_INDEX", i.to_string()),
                    ("VERSO_SHARDS", shards.to_string()),
                ],
                &format!("shard-{}-of-{n}", i + 1),
            )
        })
        .sum();
    assert_eq!(k8s, 208, "every article in exactly one pod's shard");
    let slurm_total: usize = (1..=16)
        .map(|id| {
            run(
                &[
                    ("SLURM_ARRAY_TASK_ID", id.to_string()),
                    ("SLURM_ARRAY_TASK_MIN", "1".into()),
                    ("SLURM_ARRAY_TASK_COUNT", "16".into()),
                ],
                &format!("shard-{id}-of-16"),
            )
        })
        .sum();
    assert_eq!(
        slurm_total, 208,
        "every article in exactly one task's shard"
    );
    // Without a scheduler, auto says what it needs.
    let out = verso()
        .current_dir(dir)
        .args([
            "translate",
            "articles",
            "--to",
            "es",
            "--engine",
            "identity",
            "--shard",
            "auto",
        ])
        .env_remove("SLURM_ARRAY_TASK_ID")
        .env_remove("JOB_COMPLETION_INDEX")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("JOB_COMPLETION_INDEX"),
        "{out:?}"
    );
}

/// The same batch on a shared PostgreSQL memory (a throwaway cluster): four shard processes
/// in parallel, each distinct segment asked once in all, the union of their outputs the
/// single run's; then a shard killed in the middle and run again asks for nothing stored.
#[test]
fn four_shards_on_a_postgresql_memory_ask_each_segment_once() {
    let cluster = common::pg::Cluster::start();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let distinct = articles(dir);
    let single = config(dir, &engine(dir, "single.log", 0.0), "single.toml");
    let (ok, err) = wait(
        translate(dir, &single, "single", "single.sqlite", &["--no-review"])
            .spawn()
            .expect("starts"),
    );
    assert!(ok, "{err}");
    let shared = config(dir, &engine(dir, "shards.log", 0.5), "shards.toml");
    // A password in the address (the cluster trusts loopback and never asks for it).
    let url = cluster.url.replace("verso@", "verso:s3cret-pw@");
    let children: Vec<Child> = (1..=4)
        .map(|k| {
            translate(
                dir,
                &shared,
                "sharded",
                &url,
                &["--shard", &format!("{k}/4"), "--no-review"],
            )
            .spawn()
            .expect("starts")
        })
        .collect();
    for child in children {
        let (ok, err) = wait(child);
        assert!(ok, "{err}");
    }
    let asked_shards = asked(dir, "shards.log");
    let once: BTreeSet<&String> = asked_shards.iter().collect();
    assert_eq!(asked_shards.len(), once.len(), "a segment was asked twice");
    assert_eq!(once.len(), distinct.len());
    assert_eq!(tree(&dir.join("single/es")), tree(&dir.join("sharded/es")));
    // Nothing the shards wrote (outputs, reports, indexes) or said holds the password; the
    // memory holds every segment.
    let written = tree(&dir.join("sharded"));
    assert!(
        written
            .keys()
            .any(|p| p.starts_with("report.shard-1-of-4.json"))
    );
    for (path, bytes) in &written {
        assert!(
            !String::from_utf8_lossy(bytes).contains("s3cret-pw"),
            "{}",
            path.display()
        );
    }
    let memory = verso::memory::Memory::open_at(&cluster.url).expect("memory");
    assert_eq!(memory.len().expect("len") as usize, distinct.len());
    assert_eq!(memory.live_claims().expect("claims"), 0);

    let again = tempfile::tempdir().expect("tmp");
    killed_and_run_again(again.path(), &cluster.database("killed"));
}

/// A chain (`command`, then `pseudo`): the first engine has no answer for one segment, so the
/// fallback translates it. A second worker that waited for that segment takes the fallback's
/// translation from the memory instead of asking the first engine again.
#[test]
fn a_segment_a_fallback_translated_for_another_worker_is_not_asked_again() {
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let failing = "The agency's wire could not be reached overnight.";
    std::fs::write(
        folder.join("wire.md"),
        format!("# The wire\n\n{failing}\n\n{}\n", POOL[1]),
    )
    .expect("article");
    let chain = config(
        dir,
        &failing_engine(dir, "asked.log", 1.5, "agency"),
        "chain.toml",
    );
    adding(&chain, "[translate]\nfallback = [\"pseudo\"]\n");
    let pids = second_worker_once_the_first_claims(dir, &chain);
    // Every ask, of every segment, came from one worker: the first.
    let times = std::fs::read_to_string(dir.join("asked.log.t")).expect("times");
    let asks: Vec<(i64, u32, String)> = times
        .lines()
        .map(|l| serde_json::from_str(l).expect("a timed line"))
        .collect();
    assert!(
        asks.iter().any(|(_, _, s)| s == failing),
        "the first engine was asked for it"
    );
    for (_, by, s) in &asks {
        assert_eq!(*by, pids[0], "asked by the second worker: {s}");
    }
    let written = std::fs::read_to_string(dir.join("second/es/wire.md")).expect("output");
    assert_eq!(
        written,
        std::fs::read_to_string(dir.join("first/es/wire.md")).expect("output")
    );
    assert!(!written.contains(failing), "the fallback's text: {written}");
}

/// Workers on several machines share only the database: a worker cannot see whether another
/// machine's worker is alive. A run killed in the middle leaves claims that, as another
/// node's, the rerun must not take before their lease runs out; once it has, the rerun takes
/// them over and completes the batch, asking nothing stored again.
#[test]
fn a_claim_left_by_another_machine_is_taken_over_once_its_lease_runs_out() {
    let cluster = common::pg::Cluster::start();
    let work = tempfile::tempdir().expect("tmp");
    let dir = work.path();
    let distinct = articles(dir);
    let slow = config(dir, &engine(dir, "asked.log", 0.3), "slow.toml");
    adding(&slow, "[memory]\nclaim_lease = 2\n");
    let url = cluster.database("nodes");
    let run = || {
        translate(dir, &slow, "out", &url, &["--no-review"])
            .spawn()
            .expect("starts")
    };
    let mut first = run();
    kill_once_asked(dir, &mut first, 24);
    // What it held, as a worker of another node would have left it, 3 s still to run.
    let held = cluster.sql(
        &url,
        "UPDATE claims SET owner = 'node-b:4242:0:0123456789ab',
           expires_at = (extract(epoch from now()) * 1000)::bigint + 3000
         RETURNING source_key",
    );
    let held: BTreeSet<&str> = held.lines().collect();
    assert!(!held.is_empty(), "the killed run held claims");
    let until: i64 = cluster
        .sql(&url, "SELECT max(expires_at) FROM claims")
        .trim()
        .parse()
        .expect("a time");
    let stored = stored_texts(&url);
    let before = asked(dir, "asked.log").len();
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_millis() as i64;
    let rerun = run();
    let pid = rerun.id();
    let (ok, err) = wait(rerun);
    assert!(ok, "{err}");
    asked_again(dir, before, &stored);
    // Everything the other node held and had not stored was taken over and asked for.
    let held_texts: BTreeSet<String> = verso::memory::Memory::open_at(&url)
        .expect("memory")
        .entries()
        .expect("entries")
        .into_iter()
        .filter(|e| held.contains(e.source.key().as_str()))
        .map(|e| e.source.text())
        .collect();
    assert_eq!(
        held_texts.len(),
        held.len(),
        "every held segment was stored"
    );
    // ... and not before the lease ran out.
    assert!(started < until, "the rerun began while the lease still ran");
    let times = std::fs::read_to_string(dir.join("asked.log.t")).expect("times");
    for t in &held_texts {
        let when: Vec<i64> = times
            .lines()
            .map(|l| serde_json::from_str::<(i64, u32, String)>(l).expect("a timed line"))
            // The rerun's asks (the killed run's engine calls may still be finishing).
            .filter(|(_, by, s)| s == t && *by == pid)
            .map(|(at, _, _)| at)
            .collect();
        assert!(!when.is_empty(), "taken over and asked: {t}");
        assert!(
            when.iter().all(|at| *at >= until),
            "{t} asked {} ms before the lease ran out",
            until - when.iter().min().copied().unwrap_or(until)
        );
    }
    batch_done(dir, &distinct, &url);
}
