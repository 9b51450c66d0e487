//! Input that is large or hostile costs linear time and never crashes the process: a paragraph
//! of a megabyte, a glossary of 100,000 concepts, XML nested 30,000 deep, a CSV with a quote
//! left open, a TMX of an unknown version, a UTF-16 article.
//!
//! The time limits here only stop a test that would hang (each is many times what the run
//! takes); the speed figures are in the benchmarks (`cargo bench --bench checks`).

mod common;

use std::path::Path;
use std::time::Duration;

use common::{output_within, verso};

const GUARD: Duration = Duration::from_secs(300);

/// About `bytes` of one paragraph: sentences with numbers, dates, quantities, names and
/// glossary terms, every one a little different.
fn long_paragraph(bytes: usize) -> String {
    let months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
    ];
    let mut out = String::new();
    let mut i = 0usize;
    while out.len() < bytes {
        let n = 1000 + (i * 7919) % 900_000;
        let sentence = match i % 4 {
            0 => format!(
                "On {} {}, 2025, Kyrylo Budanov told Radio Free Asia that {} soldiers moved {} km. ",
                months[i % 8],
                i % 28 + 1,
                group(n),
                i % 90 + 5
            ),
            1 => format!(
                "The brigade fired {} 155-millimetre shells on Tuesday, up {}% from the {}th. ",
                i % 50 + 1,
                i % 40,
                i % 12 + 1
            ),
            2 => "Between 11,000 and 12,000 troops stayed near Pyongyang, five of them with howitzers. "
                .to_string(),
            _ => format!("Prices rose by {}.5 million in {}. ", i % 9 + 1, 1990 + i % 30),
        };
        out.push_str(&sentence);
        i += 1;
    }
    out.push('\n');
    out
}

fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_paragraph_of_a_megabyte_is_checked_with_a_report_linear_in_its_size() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = long_paragraph(1_000_000);
    std::fs::write(dir.path().join("en.md"), &text).expect("write");
    let glossary = common::root().join("config/glossary.example.toml");
    // The source checked against itself as if it were Spanish: every number is a finding.
    let out = output_within(
        verso()
            .current_dir(dir.path())
            .args(["check", "en.md", "en.md", "--to", "es", "--glossary"])
            .arg(&glossary)
            .args(["--report", "report.json", "--fail-on", "never"]),
        GUARD,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = common::report(&dir.path().join("report.json"));
    let issues = report["files"][0]["issues"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(issues.len() > 10_000, "{} issues", issues.len());
    // Each issue carries an excerpt of the block, not the megabyte: the report stays linear.
    for issue in &issues {
        let source = issue["source_text"].as_str().unwrap_or_default();
        assert!(source.len() <= 1_300, "{} bytes", source.len());
        let at = issue["source_text_at"]
            .as_u64()
            .expect("an excerpt says where it starts") as usize;
        assert_eq!(source, &text[at..at + source.len()]);
        if let Some(span) = issue.get("source_span") {
            // Spans are offsets in the whole block, also when the text is an excerpt.
            let (start, end) = (
                span["start"].as_u64().unwrap_or(0) as usize,
                span["end"].as_u64().unwrap_or(0) as usize,
            );
            assert!(start >= at && start <= at + source.len());
            assert_eq!(&text[start..end], span["text"].as_str().unwrap_or(""));
        }
    }
    let size = std::fs::metadata(dir.path().join("report.json"))
        .expect("report")
        .len();
    assert!(size < 100 * text.len() as u64, "a report of {size} bytes");
}

#[test]
fn a_long_paragraph_is_translated_checked_and_drawn_for_review() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("a")).expect("mkdir");
    std::fs::write(dir.path().join("a/long.md"), long_paragraph(200_000)).expect("write");
    // Thousands of placeholders in one paragraph: links and emphasis, nested and not.
    let marked: String = (0..8_000)
        .map(|i| match i % 3 {
            0 => format!("*word {i}* "),
            1 => format!("[link {i}](https://example.org/{i}) "),
            _ => format!("**bold *nested {i}*** "),
        })
        .collect();
    std::fs::write(dir.path().join("a/marked.md"), format!("{marked}\n")).expect("write");
    let glossary = common::root().join("config/glossary.example.toml");
    let out = output_within(
        verso()
            .current_dir(dir.path())
            .args([
                "translate",
                "a",
                "--to",
                "es",
                "--engine",
                "pseudo",
                "--memory",
                "m.sqlite",
                "--glossary",
            ])
            .arg(&glossary),
        GUARD,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(dir.path().join("out/review/es/long.md.html"))
        .expect("a review page");
    assert!(page.matches("class=\"num\"").count() > 1000);
    let page = std::fs::read_to_string(dir.path().join("out/review/es/marked.md.html"))
        .expect("a review page");
    assert!(page.matches("chip open").count() >= 8_000);
}

#[test]
fn a_glossary_of_100000_concepts_loads() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut csv = String::from("en,es\n");
    let mut toml = String::new();
    for i in 0..100_000 {
        csv.push_str(&format!("Name{i} Surname{i},Nombre{i} Apellido{i}\n"));
        if i < 30_000 {
            toml.push_str(&format!(
                "[c{i}]\nkind = \"person\"\n[c{i}.en]\npreferred = \"Name{i} Surname{i}\"\n[c{i}.es]\npreferred = \"Nombre{i}\"\nforbidden = [\"Nombre {i}\"]\n\n"
            ));
        }
    }
    std::fs::write(dir.path().join("big.csv"), csv).expect("write");
    std::fs::write(dir.path().join("big.toml"), toml).expect("write");
    for file in ["big.csv", "big.toml"] {
        let out = output_within(
            verso()
                .current_dir(dir.path())
                .args(["glossary", "lint", "-g", file, "--to", "es"]),
            GUARD,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{file}: {stderr}");
    }
    let out = output_within(
        verso().current_dir(dir.path()).args([
            "glossary",
            "show",
            "name99999-surname99999",
            "-g",
            "big.csv",
        ]),
        GUARD,
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Nombre99999 Apellido99999"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `depth` nested elements inside `wrapper`, on the file's third line.
fn nested(wrapper: (&str, &str), depth: usize) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n{}\n{}x{}{}\n",
        wrapper.0,
        "<g>".repeat(depth),
        "</g>".repeat(depth),
        wrapper.1
    )
}

#[test]
fn xml_nested_30000_deep_is_an_error_naming_file_and_line_not_a_crash() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let files = [
        (
            "deep.tbx",
            nested(
                (
                    "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>",
                    "</body></text></tbx>",
                ),
                30_000,
            ),
        ),
        (
            "deep.tmx",
            nested(
                (
                    "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>",
                    "</seg></tuv></tu></body></tmx>",
                ),
                30_000,
            ),
        ),
        (
            "deep.xlf",
            nested(
                (
                    "<xliff version=\"2.1\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"es\"><file id=\"f\"><unit id=\"u\"><segment><source>",
                    "</source></segment></unit></file></xliff>",
                ),
                30_000,
            ),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(d.join(name), text).expect("write");
    }
    let runs: [(&str, Vec<&str>); 3] = [
        ("deep.tbx", vec!["glossary", "lint", "-g", "deep.tbx"]),
        (
            "deep.tmx",
            vec!["memory", "import", "deep.tmx", "--memory", "m.sqlite"],
        ),
        (
            "deep.xlf",
            vec!["xliff", "import", "deep.xlf", "--memory", "m.sqlite"],
        ),
    ];
    for (name, args) in runs {
        let out = output_within(verso().current_dir(d).args(&args), GUARD);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(1 | 2)),
            "{name}: ended with {:?} (a signal is a crash): {stderr}",
            out.status
        );
        assert!(
            stderr.contains(name) && stderr.contains(":3") && stderr.contains("nested"),
            "{name}: {stderr}"
        );
    }
    // Deep but within the limit: read without trouble.
    std::fs::write(
        d.join("ok.tmx"),
        nested(
            (
                "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>",
                "</seg></tuv><tuv xml:lang=\"es\"><seg>y</seg></tuv></tu></body></tmx>",
            ),
            400,
        ),
    )
    .expect("write");
    let out = output_within(
        verso()
            .current_dir(d)
            .args(["memory", "import", "ok.tmx", "--memory", "m.sqlite"]),
        GUARD,
    );
    assert!(out.status.code().is_some(), "{:?}", out.status);
}

#[test]
fn a_csv_glossary_with_a_quote_left_open_names_the_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::write(
        d.join("g.csv"),
        "en,es\nhowitzer,obús\n\"Radio Free Asia,Radio Free Asia\nshell,proyectil\nmile,milla\n",
    )
    .expect("write");
    std::fs::write(
        d.join("g.tsv"),
        "en\tes\n\"Kim\tKim\nPark\tPark\n\"Lee\"\tLee\n",
    )
    .expect("write");
    for (file, line) in [("g.csv", 3), ("g.tsv", 2)] {
        let out = verso()
            .current_dir(d)
            .args(["glossary", "lint", "-g", file])
            .output()
            .expect("verso runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file}: accepted");
        assert!(
            stderr.contains(&format!("{file}:{line}")) && stderr.contains("quote"),
            "{file}: {stderr}"
        );
    }
}

#[test]
fn a_tmx_of_another_version_is_refused_like_an_unknown_xliff_version() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let tmx = |v: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<tmx version=\"{v}\">\n<header srclang=\"en\" datatype=\"plaintext\" segtype=\"block\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/>\n<body><tu><tuv xml:lang=\"en\"><seg>House</seg></tuv><tuv xml:lang=\"es\"><seg>Casa</seg></tuv></tu></body></tmx>\n"
        )
    };
    std::fs::write(d.join("v2.tmx"), tmx("2.0")).expect("write");
    std::fs::write(d.join("v14b.tmx"), tmx("1.4b")).expect("write");
    let out = verso()
        .current_dir(d)
        .args(["memory", "import", "v2.tmx", "--memory", "m.sqlite"])
        .output()
        .expect("verso runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("v2.tmx") && stderr.contains("2.0") && stderr.contains("1.4b"),
        "{stderr}"
    );
    let out = verso()
        .current_dir(d)
        .args(["memory", "import", "v14b.tmx", "--memory", "m.sqlite"])
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_utf16_article_is_read_and_written_back_in_utf16() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::create_dir(d.join("a")).expect("mkdir");
    let text = "# Título\r\n\r\nThe convoy moved 40 km on Tuesday.\r\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(
            "Eleven thousand soldiers.\n"
                .encode_utf16()
                .flat_map(u16::to_be_bytes),
        )
        .collect();
    std::fs::write(d.join("a/le.md"), &le).expect("write");
    std::fs::write(d.join("a/be.txt"), &be).expect("write");
    let out = verso()
        .current_dir(d)
        .args([
            "translate",
            "a",
            "--to",
            "es",
            "--engine",
            "identity",
            "--memory",
            "m.sqlite",
        ])
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(d.join("out/es/le.md")).expect("read"), le);
    assert_eq!(std::fs::read(d.join("out/es/be.txt")).expect("read"), be);
    // Pseudo-localized: still UTF-16 with its byte order mark, and read back by the checker.
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
            "p.sqlite",
            "--out",
            "pseudo",
        ])
        .output()
        .expect("verso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(d.join("pseudo/es/le.md")).expect("read");
    assert_eq!(&written[..2], &[0xFF, 0xFE]);
    let units: Vec<u16> = written[2..]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let back = String::from_utf16(&units).expect("UTF-16");
    assert!(
        back.starts_with("# ") && back.contains("\r\n\r\n"),
        "{back}"
    );
    assert!(Path::new(&d.join("pseudo/review/es/le.md.html")).is_file());
}
