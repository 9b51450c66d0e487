//! End-to-end: the real `verso` binary with the real Apertium engine on the shipped examples.

mod common;

use std::path::Path;

use common::{
    articles, copy_tree, examples, parse_file, report, require_apertium, structure, translate,
    verso,
};

fn run_ok(cmd: &mut std::process::Command) -> std::process::Output {
    let out = cmd.output().expect("verso runs");
    assert!(
        out.status.success(),
        "verso failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn apertium_translates_every_example_with_its_structure_intact() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    run_ok(&mut translate(work.path(), &examples(), &[]));
    let files = articles(&examples());
    assert!(files.len() >= 4);
    for rel in &files {
        let source = parse_file(&examples().join(rel));
        let target_path = work.path().join("out/es").join(rel);
        let target = parse_file(&target_path);
        assert_eq!(
            structure(&target),
            structure(&source),
            "structure of {} changed:\n{}",
            rel.display(),
            target.source
        );
        assert_ne!(
            target.source,
            source.source,
            "{} was not translated",
            rel.display()
        );
    }
    // Spot checks of real Apertium output: words translated, protected spans intact.
    let md =
        std::fs::read_to_string(work.path().join("out/es/frontline-artillery.md")).expect("read");
    assert!(
        md.contains("obuses") || md.contains("howitzers") || md.contains("soldados"),
        "{md}"
    );
    assert!(md.contains("](https://www.understandingwar.org/)"));
    assert!(
        md.contains("`operational details`"),
        "inline code is never translated"
    );
    assert!(md.contains("date: 2025-01-14\nauthor: Verso Sample Desk\ntags: [war, artillery]"));
    let txt =
        std::fs::read_to_string(work.path().join("out/es/desk/grain-corridor.txt")).expect("read");
    assert!(
        txt.contains("https://example.org/uga/exports"),
        "bare URLs are protected"
    );
    assert!(txt.contains("\n- "), "bullet markers are kept");

    let r = report(&work.path().join("report.json"));
    assert_eq!(r["totals"]["files"], files.len());
    assert_eq!(r["totals"]["outputs"], files.len());
    assert_eq!(r["engine"], "apertium");
    let blocks = r["totals"]["blocks"].as_u64().expect("blocks");
    let calls = r["totals"]["engine_calls"].as_u64().expect("calls");
    let hits = r["totals"]["memory_hits"].as_u64().expect("hits");
    assert_eq!(calls + hits, blocks);
    assert!(calls > 40, "a cold memory asks the engine: {calls}");
    // Unknown-word marks are data in the report, never text in the output.
    let unknown: Vec<String> = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["unknown_words"].as_array().cloned().unwrap_or_default())
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect();
    assert!(unknown.iter().any(|w| w == "Hrytsenko"), "{unknown:?}");
    assert!(!md.contains("*Hrytsenko") && md.contains("Hrytsenko"));
    let first = &r["files"][0];
    for key in [
        "source",
        "locale",
        "output",
        "blocks",
        "engine_calls",
        "memory_hits",
        "issues",
        "unknown_words",
    ] {
        assert!(
            !first[key].is_null(),
            "report file entry lacks {key}: {first}"
        );
    }
}

#[test]
fn a_rerun_asks_nothing_and_a_changed_paragraph_costs_one_call() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let input = work.path().join("articles");
    copy_tree(&examples(), &input);
    run_ok(&mut translate(work.path(), Path::new("articles"), &[]));
    let first = report(&work.path().join("report.json"));
    let before =
        std::fs::read_to_string(work.path().join("out/es/korea-broadcasts.md")).expect("read");

    run_ok(&mut translate(work.path(), Path::new("articles"), &[]));
    let second = report(&work.path().join("report.json"));
    assert_eq!(second["totals"]["engine_calls"], 0);
    assert_eq!(second["totals"]["memory_hits"], first["totals"]["blocks"]);
    let after =
        std::fs::read_to_string(work.path().join("out/es/korea-broadcasts.md")).expect("read");
    assert_eq!(after, before, "a rerun writes the same output");

    let path = input.join("alpine-rail.txt");
    let text = std::fs::read_to_string(&path).expect("read");
    let changed = text.replace(
        "working in shifts of 8 hours",
        "working in shifts of 12 hours",
    );
    assert_ne!(changed, text);
    std::fs::write(&path, changed).expect("write");
    run_ok(&mut translate(work.path(), Path::new("articles"), &[]));
    let third = report(&work.path().join("report.json"));
    assert_eq!(third["totals"]["engine_calls"], 1);
    let out = std::fs::read_to_string(work.path().join("out/es/alpine-rail.txt")).expect("read");
    assert!(out.contains("12 horas"), "{out}");
}

#[test]
fn bad_files_are_named_and_the_others_still_translated() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("batch");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("good.md"),
        "# Good news\n\nThe river is clean again.\n",
    )
    .expect("write");
    std::fs::write(dir.join("latin1.md"), b"Caf\xe9 opens\n").expect("write");
    std::fs::write(dir.join("binary.txt"), b"PK\x03\x04\x00\x00binary").expect("write");
    std::fs::write(dir.join("empty.md"), "  \n\n").expect("write");
    std::os::unix::fs::symlink(dir.join("nowhere.md"), dir.join("dangling.md")).expect("symlink");

    let out = translate(work.path(), Path::new("batch"), &[])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "some files failed: exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, what) in [
        ("latin1.md", "UTF-8"),
        ("binary.txt", "binary"),
        ("empty.md", "empty"),
        ("dangling.md", "cannot read"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error names {name}:\n{stderr}"));
        assert!(line.contains(what), "{line}");
    }
    assert!(
        stderr.contains("latin1.md:1:"),
        "the line of the bad byte is named: {stderr}"
    );
    assert!(
        work.path().join("out/es/good.md").is_file(),
        "the good file is translated"
    );
    for name in ["latin1.md", "binary.txt", "empty.md", "dangling.md"] {
        assert!(
            !work.path().join("out/es").join(name).exists(),
            "{name} has no output"
        );
    }
    let r = report(&work.path().join("report.json"));
    assert_eq!(r["failures"].as_array().map(Vec::len), Some(4));
    assert_eq!(r["totals"]["outputs"], 1);
}

#[test]
fn a_missing_language_pair_fails_before_any_work_naming_the_package() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let out = verso()
        .current_dir(work.path())
        .args(["translate"])
        .arg(examples())
        .args(["--to", "es,de", "--out", "out", "--memory", "mem.sqlite"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("apertium-eng-deu"), "{stderr}");
    assert!(stderr.contains("en→de"), "{stderr}");
    assert!(!work.path().join("out").exists(), "nothing was written");
    assert!(
        !work.path().join("mem.sqlite").exists(),
        "not even the memory"
    );
}

#[test]
fn a_missing_engine_fails_before_any_work_naming_what_to_install() {
    let work = tempfile::tempdir().expect("tempdir");
    let out = verso()
        .current_dir(work.path())
        .env("PATH", work.path()) // no Apertium programs reachable
        .arg("translate")
        .arg(examples())
        .args(["--to", "es", "--out", "out", "--memory", "mem.sqlite"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("apt-get install apertium apertium-eng-spa"),
        "{stderr}"
    );
    assert!(!work.path().join("out").exists() && !work.path().join("mem.sqlite").exists());
}

#[test]
fn several_target_locales_mirror_the_tree_under_each() {
    let work = tempfile::tempdir().expect("tempdir");
    run_ok(&mut translate(
        work.path(),
        &examples(),
        &["--engine", "pseudo", "--to", "es,de-CH"],
    ));
    for locale in ["es", "de-CH"] {
        for rel in articles(&examples()) {
            assert!(
                work.path().join("out").join(locale).join(&rel).is_file(),
                "{locale}/{}",
                rel.display()
            );
        }
    }
    let r = report(&work.path().join("report.json"));
    assert_eq!(r["to"], serde_json::json!(["es", "de-CH"]));
    assert_eq!(
        r["files"].as_array().map(Vec::len),
        Some(2 * articles(&examples()).len())
    );
}

#[test]
fn bad_flags_and_config_keys_are_errors_that_name_them() {
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        work.path().join("verso.toml"),
        "[translate]\nto = [\"es\"]\nengin = \"pseudo\"\n",
    )
    .expect("write");
    let out = verso()
        .current_dir(work.path())
        .arg("translate")
        .arg(examples())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("verso.toml:3") && stderr.contains("engin"),
        "{stderr}"
    );

    let out = verso()
        .arg("translate")
        .arg(examples())
        .args(["--to", "es_ES!!", "--engine", "identity"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("es_ES!!"));

    let out = verso()
        .arg("translate")
        .arg(examples())
        .args(["--to", "es", "--engine", "babelfish"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("babelfish"));
}

#[test]
fn messages_follow_ui_lang_and_lang() {
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::write(work.path().join("binary.txt"), b"\x00\x01").expect("write");
    let by_flag = verso()
        .current_dir(work.path())
        .args([
            "--ui-lang",
            "es",
            "translate",
            "binary.txt",
            "--to",
            "es",
            "--engine",
            "identity",
        ])
        .args(["--memory", "m.sqlite"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&by_flag.stderr);
    assert!(stderr.contains("archivo binario"), "{stderr}");
    assert!(stderr.contains("1 archivo, 0 bloques"), "{stderr}");

    let by_env = verso()
        .current_dir(work.path())
        .env("LANG", "es_ES.UTF-8")
        .args([
            "translate",
            "binary.txt",
            "--to",
            "es",
            "--engine",
            "identity",
            "--memory",
            "m.sqlite",
        ])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&by_env.stderr).contains("archivo binario"));

    let help = verso()
        .args(["--ui-lang", "es", "translate", "--help"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&help.stdout).contains("Idiomas de destino"));
}

#[test]
fn identity_writes_every_example_byte_for_byte_and_pseudo_keeps_structure() {
    let work = tempfile::tempdir().expect("tempdir");
    run_ok(&mut translate(
        work.path(),
        &examples(),
        &["--engine", "identity"],
    ));
    run_ok(
        verso()
            .current_dir(work.path())
            .arg("translate")
            .arg(examples())
            .args([
                "--to",
                "es",
                "--engine",
                "pseudo",
                "--out",
                "pseudo",
                "--memory",
                "mem.sqlite",
            ]),
    );
    for rel in articles(&examples()) {
        let src = std::fs::read(examples().join(&rel)).expect("read");
        let same = std::fs::read(work.path().join("out/es").join(&rel)).expect("read");
        assert!(src == same, "identity changed {}", rel.display());
        let source = parse_file(&examples().join(&rel));
        let pseudo = parse_file(&work.path().join("pseudo/es").join(&rel));
        assert_eq!(structure(&pseudo), structure(&source), "{}", pseudo.source);
        assert!(pseudo.source.chars().count() > source.source.chars().count() * 11 / 10);
    }
}

#[test]
fn segment_prints_blocks_with_kind_byte_range_and_line() {
    let file = examples().join("frontline-artillery.md");
    let out = run_ok(verso().arg("segment").arg(&file).arg("--json"));
    let blocks: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let blocks = blocks.as_array().expect("array");
    let src = std::fs::read_to_string(&file).expect("read");
    let kinds: Vec<&str> = blocks.iter().filter_map(|b| b["kind"].as_str()).collect();
    for kind in [
        "front-matter",
        "heading",
        "paragraph",
        "list-item",
        "quote",
        "table-cell",
        "image-alt",
        "footnote",
    ] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    for b in blocks {
        let (start, end) = (
            b["start"].as_u64().expect("start") as usize,
            b["end"].as_u64().expect("end") as usize,
        );
        let first_word = b["text"]
            .as_str()
            .expect("text")
            .split_whitespace()
            .next()
            .unwrap_or("");
        assert!(
            src[start..end].contains(first_word),
            "range {start}..{end} does not hold {first_word}"
        );
    }
    let table = run_ok(verso().arg("segment").arg(&file));
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("heading-1") && table.contains("list-item-2"),
        "{table}"
    );
}

#[test]
fn engines_lists_the_installed_apertium_pairs() {
    require_apertium();
    let out = run_ok(verso().arg("engines"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("apertium") && text.contains("eng-spa"),
        "{text}"
    );
    assert!(text.contains("identity") && text.contains("pseudo"));
}

#[test]
fn reference_links_still_resolve_after_translation() {
    common::require_apertium();
    let article = "# The [releases] page\n\n\
        See the [releases] page, the [Goldmark][] parser, [the full docs][docs] and \
        [*emphasized* label] too.\n\n\
        [releases]: https://example.org/releases\n\
        [Goldmark]: https://github.com/yuin/goldmark\n\
        [docs]: https://example.org/docs \"Docs\"\n\
        [*emphasized* label]: https://example.org/emphasis\n";
    let mut source = Vec::new();
    for engine in ["pseudo", "apertium", "identity"] {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("a")).expect("mkdir");
        std::fs::write(dir.path().join("a/refs.md"), article).expect("write");
        source = common::structure(&common::parse_file(&dir.path().join("a/refs.md")));
        assert_eq!(
            source.iter().filter(|l| l.starts_with("link ")).count(),
            5,
            "{source:?}"
        );
        let out = common::translate(
            dir.path(),
            std::path::Path::new("a"),
            &["--engine", engine, "--no-review"],
        )
        .output()
        .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = dir.path().join("out/es/refs.md");
        // pulldown-cmark resolves every link of the written file to its definition again.
        assert_eq!(
            common::structure(&common::parse_file(&written)),
            source,
            "{engine}: {}",
            std::fs::read_to_string(&written).unwrap_or_default()
        );
        if engine == "identity" {
            assert_eq!(
                std::fs::read_to_string(&written).expect("read"),
                article,
                "identity writes the shortcut and collapsed forms as they were"
            );
        }
    }
    assert!(!source.is_empty());
}

#[test]
fn site_generator_markup_is_never_translated() {
    common::require_apertium();
    let article = "+++\ntitle = \"The release notes\"\ndate = 2024-01-01\ndraft = false\n[params]\nsummary = \"Not a top-level key\"\n+++\n\n\
        > [!NOTE]\n> Useful information for the readers.\n\n\
        ## Installation steps {#install .big}\n\n\
        Use {{< ref \"docs/install.md\" >}} and {{% notice tip %}}the tip text{{% /notice %}} here.\n\n\
        Liquid {% include footer.html %} and {{ page.title }} stay as written.\n\n\
        <!-- a comment that must stay -->\n";
    let kept = [
        "> [!NOTE]\n",
        "{#install .big}",
        "{{< ref \"docs/install.md\" >}}",
        "{{% notice tip %}}",
        "{{% /notice %}}",
        "{% include footer.html %}",
        "{{ page.title }}",
        "<!-- a comment that must stay -->",
        "date = 2024-01-01\ndraft = false\n[params]\nsummary = \"Not a top-level key\"\n+++\n",
    ];
    for engine in ["identity", "pseudo", "apertium"] {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("a")).expect("mkdir");
        std::fs::write(dir.path().join("a/site.md"), article).expect("write");
        let out = common::translate(
            dir.path(),
            std::path::Path::new("a"),
            &["--engine", engine, "--no-review"],
        )
        .output()
        .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read_to_string(dir.path().join("out/es/site.md")).expect("written");
        if engine == "identity" {
            assert_eq!(written, article);
            continue;
        }
        for k in kept {
            assert!(
                written.contains(k),
                "{engine}: {k:?} not kept in\n{written}"
            );
        }
        // The front matter is still TOML, its title translated.
        let front = written.split("+++\n").nth(1).expect("front matter");
        let table: toml::Table = toml::from_str(front).expect("TOML");
        let title = table["title"].as_str().unwrap_or_default();
        assert!(
            !title.is_empty() && title != "The release notes",
            "{engine}: {title}"
        );
        // What is text was translated.
        assert!(
            !written.contains("Useful information for the readers"),
            "{written}"
        );
    }
}
