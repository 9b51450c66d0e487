//! Precision of `verso check` on real professional translations, graded by hand.
//!
//! The corpus (tests/data/check-corpus, see SOURCE.md there) is English news and Wikinews
//! sentences with their human translations into Spanish (Spain and Mexico), German and
//! French: FLORES-200 devtest and the first documents of NTREX-128. Every finding verso reports
//! on it was read once by a person and graded true (the translation has that problem: real
//! references contain changed figures and misspelled names) or false, in `graded.tsv`. This
//! test runs the checks again and
//! - fails on a finding nobody graded (grade it: set `VERSO_GRADE_OUT=path` to get every
//!   finding as graded.tsv lines, the new ones with `?`);
//! - fails when false findings exceed the targets: 0.3 false errors and 3 false warnings per
//!   1,000 target words, per locale;
//! - fails when a finding graded true is no longer reported (a lost catch);
//! - prints precision per locale and rule (the README's table).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use common::root;

const CORPUS: &str = "tests/data/check-corpus";

/// (corpus, target file and locale).
const CASES: [(&str, &str); 7] = [
    ("flores200-devtest", "es"),
    ("flores200-devtest", "de"),
    ("flores200-devtest", "fr"),
    ("ntrex128", "es"),
    ("ntrex128", "es-MX"),
    ("ntrex128", "de"),
    ("ntrex128", "fr"),
];

/// One finding as graded: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    corpus: String,
    locale: String,
    sentence: usize,
    message_id: String,
    span: String,
}

struct Found {
    key: Key,
    severity: String,
    rule: String,
    message: String,
    source: String,
    target: String,
}

fn graded() -> HashMap<Key, (bool, String)> {
    let text = std::fs::read_to_string(root().join(CORPUS).join("graded.tsv")).unwrap_or_default();
    let mut out = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 7, "graded.tsv: a line needs 7 fields: {line}");
        let key = Key {
            corpus: f[0].into(),
            locale: f[1].into(),
            sentence: f[2].parse().expect("sentence number"),
            message_id: f[3].into(),
            span: f[4].into(),
        };
        let verdict = match f[5] {
            "true" => true,
            "false" => false,
            other => panic!("graded.tsv: verdict must be true or false, not {other:?}: {line}"),
        };
        out.insert(key, (verdict, f[6].to_string()));
    }
    out
}

fn run(corpus: &str, locale: &str) -> (Vec<Found>, usize) {
    let dir = root().join(CORPUS).join(corpus);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("corpus file");
    let (source, target) = (read("en.txt"), read(&format!("{locale}.txt")));
    let report = common::check_pairs(source.lines().zip(target.lines()), locale);
    let mut found = Vec::new();
    for issue in report["files"][0]["issues"].as_array().expect("issues") {
        let text = |k: &str| issue[k].as_str().unwrap_or_default().to_string();
        let span = issue["source_span"]["text"]
            .as_str()
            .or(issue["target_span"]["text"].as_str())
            .unwrap_or_default()
            .replace(['\u{a0}', '\u{202f}'], " ");
        let line = issue["line"].as_u64().expect("line") as usize;
        found.push(Found {
            key: Key {
                corpus: corpus.into(),
                locale: locale.into(),
                sentence: line.div_ceil(2),
                message_id: text("message_id"),
                span,
            },
            severity: text("severity"),
            rule: text("rule"),
            message: text("message"),
            source: text("source_text"),
            target: text("target_text"),
        });
    }
    (found, target.split_whitespace().count())
}

#[test]
fn findings_on_real_translations_are_graded_and_precise() {
    let graded = graded();
    let mut lines = Vec::new();
    let mut ungraded = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // (locale) → (words, false errors, false warnings, true errors, true warnings)
    let mut per_locale: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    // (rule, severity) → (true, false)
    let mut per_rule: BTreeMap<(String, String), [usize; 2]> = BTreeMap::new();
    for (corpus, locale) in CASES {
        let (found, words) = run(corpus, locale);
        let row = per_locale.entry(locale.to_string()).or_default();
        row[0] += words;
        for f in found {
            let verdict = graded.get(&f.key);
            lines.push(format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                f.key.corpus,
                f.key.locale,
                f.key.sentence,
                f.key.message_id,
                f.key.span,
                verdict.map_or("?", |(v, _)| if *v { "true" } else { "false" }),
                verdict.map_or_else(
                    || format!("{} || {} || {}", f.message, f.source, f.target),
                    |(_, note)| note.clone()
                )
            ));
            let Some((verdict, _)) = verdict else {
                ungraded.push(format!("{:?}: {}", f.key, f.message));
                continue;
            };
            seen.insert(f.key.clone());
            let error = f.severity == "error";
            let slot = match (verdict, error) {
                (false, true) => 1,
                (false, false) => 2,
                (true, true) => 3,
                (true, false) => 4,
            };
            row[slot] += 1;
            per_rule.entry((f.rule, f.severity)).or_default()[usize::from(!verdict)] += 1;
        }
    }
    if let Ok(path) = std::env::var("VERSO_GRADE_OUT") {
        std::fs::write(path, lines.join("\n") + "\n").expect("write grades");
    }
    let mut table = String::from(
        "locale | words | false errors /1000 | false warnings /1000 | true findings\n",
    );
    for (locale, [words, fe, fw, te, tw]) in &per_locale {
        let per = |n: usize| n as f64 * 1000.0 / *words as f64;
        let _ = writeln!(
            table,
            "{locale} | {words} | {:.2} ({fe}) | {:.2} ({fw}) | {} errors, {} warnings",
            per(*fe),
            per(*fw),
            te,
            tw
        );
    }
    table.push_str("\nrule | severity | true | false | precision\n");
    for ((rule, severity), [t, f]) in &per_rule {
        let _ = writeln!(
            table,
            "{rule} | {severity} | {t} | {f} | {:.2}",
            *t as f64 / (*t + *f).max(1) as f64
        );
    }
    println!("{table}");
    assert!(
        ungraded.is_empty(),
        "{} findings nobody graded (VERSO_GRADE_OUT=file writes them all):\n{}",
        ungraded.len(),
        ungraded.join("\n")
    );
    let lost: Vec<&Key> = graded
        .iter()
        .filter(|(k, (v, _))| *v && !seen.contains(*k))
        .map(|(k, _)| k)
        .collect();
    assert!(lost.is_empty(), "real errors no longer reported: {lost:#?}");
    for (locale, [words, fe, fw, _, _]) in &per_locale {
        let per = |n: usize| n as f64 * 1000.0 / *words as f64;
        assert!(
            per(*fe) <= 0.3 && per(*fw) <= 3.0,
            "{locale}: {:.2} false errors and {:.2} false warnings per 1,000 words\n{table}",
            per(*fe),
            per(*fw)
        );
    }
}
