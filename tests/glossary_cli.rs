//! Every `verso glossary` command through the real binary.

mod common;

use std::path::Path;
use std::process::Output;

use common::{examples, root, verso};

fn run(dir: &Path, args: &[&str]) -> Output {
    verso()
        .current_dir(dir)
        .arg("glossary")
        .args(args)
        .output()
        .expect("verso runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn add_show_list_search_rm_edit_in_place_keeping_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = dir.path().join("desk.toml");
    std::fs::write(&g, "# Desk glossary — keep this comment\n").expect("write");
    ok(&run(
        dir.path(),
        &[
            "add",
            "desk.toml",
            "--kind",
            "person",
            "--term",
            "en=Kyrylo Budanov",
            "--term",
            "de=Kyrylo Budanow",
            "--admitted",
            "en=Budanov",
            "--forbidden",
            "de=Budanov",
            "--note",
            "HUR chief",
        ],
    ));
    ok(&run(
        dir.path(),
        &[
            "add",
            "desk.toml",
            "--kind",
            "publication",
            "--term",
            "en=blue News",
            "--dnt",
            "--case-sensitive",
        ],
    ));
    let text = std::fs::read_to_string(&g).expect("read");
    assert!(
        text.starts_with("# Desk glossary — keep this comment\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "[kyrylo-budanov.de]\npreferred = \"Kyrylo Budanow\"\nforbidden = [\"Budanov\"]"
        ),
        "{text}"
    );
    assert!(
        text.contains("[blue-news]\nkind = \"publication\"\ndnt = true\ncase_sensitive = true"),
        "{text}"
    );

    let shown = ok(&run(
        dir.path(),
        &["show", "kyrylo-budanov", "-g", "desk.toml"],
    ));
    // Line 3: the comment, a blank line, then the concept.
    assert!(
        shown.contains("desk.toml:3") && shown.contains("note = \"HUR chief\""),
        "{shown}"
    );
    let listed = ok(&run(
        dir.path(),
        &["list", "-g", "desk.toml", "--kind", "person"],
    ));
    assert!(
        listed.contains("kyrylo-budanov") && !listed.contains("blue-news"),
        "{listed}"
    );
    let found = ok(&run(dir.path(), &["search", "BUDANOW", "-g", "desk.toml"]));
    assert!(
        found.contains("kyrylo-budanov"),
        "search is case-insensitive across locales: {found}"
    );
    assert!(ok(&run(dir.path(), &["search", "nothing", "-g", "desk.toml"])).is_empty());

    // Replacing by id keeps one concept.
    ok(&run(
        dir.path(),
        &[
            "add",
            "desk.toml",
            "--id",
            "blue-news",
            "--kind",
            "publication",
            "--term",
            "en=blue News",
            "--dnt",
        ],
    ));
    let text = std::fs::read_to_string(&g).expect("read");
    assert_eq!(text.matches("[blue-news]").count(), 1);

    ok(&run(dir.path(), &["rm", "desk.toml", "blue-news"]));
    let text = std::fs::read_to_string(&g).expect("read");
    assert!(!text.contains("blue-news") && text.contains("kyrylo-budanov"));
    let missing = run(dir.path(), &["rm", "desk.toml", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nope"));

    let bad = run(
        dir.path(),
        &["add", "desk.toml", "--kind", "persn", "--term", "en=X"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("person"), "{}", stderr(&bad));
}

#[test]
fn lint_names_file_and_line_and_fails_on_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("g.toml"),
        "[a]\nkind = \"place\"\n[a.en]\npreferred = \"Jordan\"\n[a.es]\npreferred = \"Jordania\"\nforbidden = [\"Jordania\"]\n",
    )
    .expect("write");
    let out = run(dir.path(), &["lint", "-g", "g.toml", "--to", "es,de"]);
    assert_eq!(out.status.code(), Some(1), "errors fail the lint");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("g.toml:7: error[forbidden-is-preferred] a:"),
        "{text}"
    );
    assert!(
        text.contains("g.toml:1: warning[missing-preferred] a:") && text.contains(" de"),
        "{text}"
    );
    // The shipped example is clean for Spanish.
    let example = root().join("config/glossary.example.toml");
    let out = run(
        dir.path(),
        &["lint", "-g", example.to_str().expect("path"), "--to", "es"],
    );
    ok(&out);
    assert!(
        stderr(&out).contains("0 errors, 0 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn merge_layers_files_and_reports_overrides() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("house.toml"), "[kyiv]\nkind = \"place\"\n[kyiv.en]\npreferred = \"Kyiv\"\n[kyiv.es]\npreferred = \"Kiev\"\n\n[odesa]\nkind = \"place\"\n[odesa.en]\npreferred = \"Odesa\"\n").expect("write");
    std::fs::write(dir.path().join("desk.toml"), "\n[kyiv]\nkind = \"place\"\n[kyiv.en]\npreferred = \"Kyiv\"\n[kyiv.es]\npreferred = \"Kyiv\"\n").expect("write");
    let out = run(
        dir.path(),
        &["merge", "house.toml", "desk.toml", "--out", "all.toml"],
    );
    ok(&out);
    assert!(
        stderr(&out).contains("house.toml:1") && stderr(&out).contains("desk.toml:2"),
        "{}",
        stderr(&out)
    );
    let merged = std::fs::read_to_string(dir.path().join("all.toml")).expect("read");
    assert!(
        merged.contains("[kyiv.es]\npreferred = \"Kyiv\"") && merged.contains("[odesa]"),
        "{merged}"
    );
}

#[test]
fn import_and_export_through_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tbx = common::formats().join("tbx/Example_Astronomy_DCA_VALID.tbx");
    let out = run(
        dir.path(),
        &[
            "import",
            tbx.to_str().expect("path"),
            "--into",
            "astro.toml",
        ],
    );
    ok(&out);
    assert!(stderr(&out).contains("45 concepts"), "{}", stderr(&out));
    let bad = common::formats().join("tbx/basic_bad.tbx");
    let out = run(
        dir.path(),
        &["import", bad.to_str().expect("path"), "--into", "bad.toml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("basic_bad.tbx:24"),
        "{}",
        stderr(&out)
    );
    assert!(
        !dir.path().join("bad.toml").exists(),
        "nothing of a bad file is stored"
    );

    // A DeepL-style two-column CSV needs its languages.
    std::fs::write(
        dir.path().join("pair.csv"),
        "howitzer,obús\n\"shell, artillery\",proyectil\n",
    )
    .expect("write");
    let out = run(
        dir.path(),
        &[
            "import",
            "pair.csv",
            "--into",
            "pair.toml",
            "--from",
            "en",
            "--to",
            "es",
            "--kind",
            "term",
        ],
    );
    ok(&out);
    let pair = std::fs::read_to_string(dir.path().join("pair.toml")).expect("read");
    assert!(pair.contains("preferred = \"shell, artillery\""), "{pair}");

    let example = root().join("config/glossary.example.toml");
    for format in ["tbx", "tbx2", "csv", "tsv"] {
        let file = format!(
            "out.{}",
            if format.starts_with("tbx") {
                "tbx"
            } else {
                format
            }
        );
        ok(&run(
            dir.path(),
            &[
                "export",
                "--format",
                format,
                "--out",
                &file,
                "-g",
                example.to_str().expect("path"),
            ],
        ));
        let back = format!("back-{format}.toml");
        ok(&run(dir.path(), &["import", &file, "--into", &back]));
        let text = std::fs::read_to_string(dir.path().join(&back)).expect("read");
        assert!(
            text.contains("Pionyang") && text.contains("Corea del Sur"),
            "{format}: {text}"
        );
        if format.starts_with("tbx") {
            assert!(
                text.contains("forbidden = [\"Asia Libre Radiofónica\", \"Radio Asia Libre\"]"),
                "{format}"
            );
            assert!(text.contains("case_sensitive = true"), "{format}");
        }
    }
}

#[test]
fn suggest_then_fill_in_then_import_then_coverage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = examples();
    let table = ok(&run(
        dir.path(),
        &["suggest", articles.to_str().expect("path")],
    ));
    for name in [
        "Institute for the Study of War",
        "Kim Yo-jong",
        "Swiss Federal Railways",
        "Zaporizhzhia",
    ] {
        assert!(table.contains(name), "{name} not suggested:\n{table}");
    }
    assert!(
        table.contains("korea-broadcasts.md:"),
        "each candidate has a context line"
    );
    // Candidate lines are "count  kind?  text"; context lines follow, indented.
    let names: Vec<&str> = table
        .lines()
        .filter(|l| {
            l.trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .filter_map(|l| l.split('?').nth(1).map(str::trim))
        .collect();
    assert!(names.len() > 20, "{names:?}");
    for calendar in ["January", "Monday", "Friday", "September"] {
        assert!(
            !names.contains(&calendar),
            "{calendar} is not a name: {names:?}"
        );
    }

    let tsv = ok(&run(
        dir.path(),
        &[
            "suggest",
            articles.to_str().expect("path"),
            "--tsv",
            "--to",
            "es",
        ],
    ));
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("en\tes\tkind\tnote"));
    // The editor fills in the Spanish column for one row and imports the file.
    let filled: String = tsv
        .lines()
        .map(|l| {
            if l.starts_with("Kim Yo-jong\t") {
                l.replacen("Kim Yo-jong\t\t", "Kim Yo-jong\tKim Yo-jong\t", 1)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("candidates.tsv"), filled).expect("write");
    let out = run(
        dir.path(),
        &["import", "candidates.tsv", "--into", "new.toml"],
    );
    ok(&out);
    let new = std::fs::read_to_string(dir.path().join("new.toml")).expect("read");
    assert!(new.contains("[kim-yo-jong]\nkind = \"person\""), "{new}");
    assert!(
        new.contains("[kim-yo-jong.es]\npreferred = \"Kim Yo-jong\""),
        "{new}"
    );

    // Coverage with the new glossary: Kim is found, the rest are names without an entry.
    let cov = ok(&run(
        dir.path(),
        &[
            "coverage",
            articles.to_str().expect("path"),
            "-g",
            "new.toml",
        ],
    ));
    assert!(cov.contains("kim-yo-jong"), "{cov}");
    let example = root().join("config/glossary.example.toml");
    let full = ok(&run(
        dir.path(),
        &[
            "coverage",
            articles.to_str().expect("path"),
            "-g",
            example.to_str().expect("path"),
        ],
    ));
    assert!(
        full.contains("Concepts not found (1):\n  budanov"),
        "{full}"
    );
}
