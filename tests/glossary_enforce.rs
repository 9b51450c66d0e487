//! End to end: with a glossary naming every person, place, organization, brand and publication
//! of examples/articles, an enforced Apertium translation to Spanish contains each concept's
//! Spanish preferred form and none of its forbidden forms.

mod common;

use common::{articles, examples, report, require_apertium, root, succeed, translate};
use verso::glossary::{self, LoadOptions};
use verso::matcher::Matcher;

#[test]
fn enforced_apertium_translation_writes_every_name_in_its_spanish_form() {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let glossary_path = root().join("config/glossary.example.toml");
    let out = translate(
        work.path(),
        &examples(),
        &["--glossary", glossary_path.to_str().expect("utf-8 path")],
    )
    .output()
    .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let g = glossary::load(&glossary_path, &LoadOptions::default()).expect("glossary");
    let source_matcher = Matcher::new(&g, "en", None);
    let mut checked = 0;
    for rel in articles(&examples()) {
        let source = std::fs::read_to_string(examples().join(&rel)).expect("read");
        let target = std::fs::read_to_string(work.path().join("out/es").join(&rel)).expect("read");
        let mut seen: Vec<usize> = source_matcher
            .find(&source)
            .into_iter()
            .map(|h| h.concept)
            .collect();
        seen.sort();
        seen.dedup();
        for i in seen {
            let concept = &g.concepts[i];
            if !(concept.kind.is_name() || concept.do_not_translate) {
                continue;
            }
            let preferred = concept
                .target_form("en", "es")
                .expect("every name has a Spanish form");
            // A name written in capitals in the source is written in capitals in the target.
            assert!(
                target.contains(preferred) || target.contains(&preferred.to_uppercase()),
                "{}: {} should appear as {preferred}:\n{target}",
                rel.display(),
                concept.id
            );
            for forbidden in concept
                .locale("es")
                .map(|t| t.forbidden.as_slice())
                .unwrap_or_default()
            {
                assert!(
                    !target.contains(&forbidden.text),
                    "{}: forbidden {} for {}",
                    rel.display(),
                    forbidden.text,
                    concept.id
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} name occurrences checked");

    // The report lists, per block, the concepts enforced.
    let r = report(&work.path().join("report.json"));
    let korea = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| {
            f["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("korea-broadcasts.md"))
        })
        .expect("korea file");
    let enforced: Vec<&str> = korea["terms"]
        .as_array()
        .expect("terms")
        .iter()
        .flat_map(|b| b["enforced"].as_array().cloned().unwrap_or_default())
        .filter_map(|v| v.as_str().map(str::to_string))
        .map(|s| Box::leak(s.into_boxed_str()) as &str)
        .collect();
    for id in ["seoul", "pyongyang", "rfa", "kim-yo-jong", "park-ji-hoon"] {
        assert!(
            enforced.contains(&id),
            "{id} not reported as enforced: {enforced:?}"
        );
    }
}

#[test]
fn without_enforcement_apertium_mangles_the_names_the_glossary_protects() {
    // The control: the same run with --terms off shows what enforcement prevents, so the test
    // above cannot pass by accident.
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    let glossary_path = root().join("config/glossary.example.toml");
    let out = translate(
        work.path(),
        &examples(),
        &[
            "--glossary",
            glossary_path.to_str().expect("utf-8 path"),
            "--terms",
            "off",
        ],
    )
    .output()
    .expect("runs");
    assert!(out.status.success());
    let korea =
        std::fs::read_to_string(work.path().join("out/es/korea-broadcasts.md")).expect("read");
    assert!(korea.contains("Asia Libre Radiofónica"), "{korea}");
    let rail = std::fs::read_to_string(work.path().join("out/es/alpine-rail.txt")).expect("read");
    assert!(rail.to_lowercase().contains("azul noticioso"), "{rail}");
}

#[test]
fn translate_takes_tbx_and_csv_glossaries_directly_and_layers_them() {
    let work = tempfile::tempdir().expect("tempdir");
    let example = root().join("config/glossary.example.toml");
    let g = glossary::load(&example, &LoadOptions::default()).expect("glossary");
    std::fs::write(
        work.path().join("house.tbx"),
        glossary::write(&g, glossary::FileFormat::Tbx, "en"),
    )
    .expect("write");
    // A desk CSV overrides one concept of the house TBX (same id, from its first column).
    std::fs::write(
        work.path().join("desk.csv"),
        "id,en,es,kind\npyongyang,Pyongyang,Piongyang,place\n",
    )
    .expect("write");
    let out = translate(
        work.path(),
        &examples().join("korea-broadcasts.md"),
        &[
            "--engine",
            "identity",
            "--glossary",
            "house.tbx",
            "--glossary",
            "desk.csv",
        ],
    )
    .output()
    .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pyongyang") && stderr.contains("desk.csv:2"),
        "the override is reported: {stderr}"
    );
    let text =
        std::fs::read_to_string(work.path().join("out/es/korea-broadcasts.md")).expect("read");
    // The identity engine leaves the text alone, so only enforcement changed these names.
    assert!(
        text.contains("Piongyang") && !text.contains("Pionyang"),
        "{text}"
    );
    assert!(
        text.contains("Corea del Sur") && text.contains("SEÚL"),
        "{text}"
    );
}

#[tokio::test]
async fn names_come_back_once_when_stand_ins_cannot_be_used() {
    // Every stand-in word already occurs in this paragraph, so Apertium must carry the names as
    // opaque tokens (or, failing that, superblanks); either way each comes back exactly once.
    require_apertium();
    use verso::backend::{self, LanguagePair};
    use verso::segment::{Piece, Segment};
    let engine = backend::build("apertium", &verso::config::Config::default()).expect("engine");
    let pair = LanguagePair {
        source: "en".parse().expect("tag"),
        target: "es".parse().expect("tag"),
    };
    let crowded = Segment::parse_canonical(
        "Google, Microsoft, Linux, Nokia, Nike, Siemens, Boeing, Airbus, Twitter, Facebook, Spotify and Ericsson met <n1/> in <n2/>.",
    );
    let plain = Segment::parse_canonical("<n1/> said that the report of <n2/> was late.");
    let results = engine
        .translate(&pair, &[crowded, plain])
        .await
        .expect("engine runs");
    for r in results {
        let t = r.expect("translated");
        let names: Vec<&Piece> = t
            .segment
            .pieces
            .iter()
            .filter(|p| matches!(p, Piece::Name(_)))
            .collect();
        assert_eq!(
            names,
            vec![&Piece::Name(1), &Piece::Name(2)],
            "{}",
            t.segment.canonical()
        );
        assert!(
            !t.segment.text().contains("XQZ"),
            "no token left in the text: {}",
            t.segment.canonical()
        );
        assert!(!t.unknown_words.iter().any(|w| w.starts_with("XQZ")));
    }
    engine.shutdown().await;
}

/// An article written for these cases: a name in quotes, a short form, an acronym alone on a
/// caption line and after "Via", a term Apertium does not know, in singular and plural.
const DAMAGE: &str = "# Budanov warns of a spring offensive\n\n\
Ukraine's intelligence chief Kyrylo Budanov said on Monday that Russia is preparing a new \
offensive. Budanov knows the front better than most.\n\n\
As one listener told reports \"Radio Free Asia\": the broadcasts never stopped.\n\n\
ISW\n\nVia RFA\n\n\
A howitzer fired while two howitzers waited.\n";

/// Translates `DAMAGE` with `extra` flags; returns the Spanish.
fn damage_case(extra: &[&str]) -> String {
    require_apertium();
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(work.path().join("a")).expect("mkdir");
    std::fs::write(work.path().join("a/names.md"), DAMAGE).expect("write");
    succeed(&mut translate(
        work.path(),
        std::path::Path::new("a"),
        extra,
    ));
    std::fs::read_to_string(work.path().join("out/es/names.md")).expect("written")
}

#[test]
fn enforcement_keeps_quotes_short_forms_acronyms_and_translates_left_terms() {
    let g = root().join("config/glossary.example.toml");
    let g = g.to_str().expect("utf-8 path");
    let enforced = damage_case(&["--glossary", g]);
    // The control: the same article without the glossary.
    let control = damage_case(&["--glossary", g, "--terms", "off"]);

    // The engine keeps the quotes around the name; enforcement does too.
    assert!(
        control.contains("informes \"Asia Libre Radiofónica\":"),
        "{control}"
    );
    assert!(
        enforced.contains("informes \"Radio Free Asia\":"),
        "{enforced}"
    );
    // A short form gets the short form.
    assert!(control.contains("Budanov Sabe"), "{control}");
    assert!(enforced.contains("Budánov sabe"), "{enforced}");
    assert!(!enforced.contains("Kirilo Budánov sabe"), "{enforced}");
    assert!(
        enforced.contains("Kirilo Budánov dijo"),
        "the full form stays full: {enforced}"
    );
    // An acronym stays an acronym, in the case the glossary writes it.
    assert!(enforced.contains("\n\nISW\n\n"), "{enforced}");
    assert!(enforced.contains("Vía RFA"), "{enforced}");
    assert!(!enforced.contains("INSTITUTO"), "{enforced}");
    assert!(!enforced.contains("RADIO FREE ASIA"), "{enforced}");
    // A term the engine does not know, in its Spanish form and number.
    assert!(control.contains("howitzers"), "{control}");
    assert!(enforced.contains("Un obús disparó"), "{enforced}");
    assert!(enforced.contains("dos obuses"), "{enforced}");
}
