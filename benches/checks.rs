//! Check benchmarks (`cargo bench --bench checks`; figures go in the README).
//!
//! **Precision.** Correct paragraph pairs en→es, en→de, en→de-CH and en→fr are generated from
//! parallel templates written for this benchmark, their numbers and dates formatted by CLDR
//! (ICU4X), so every pair is correct by construction. Each pair is then copied with one error
//! put in — a changed number, the source's number format, a wrong or broken unit, a changed or
//! unlocalized date, a forbidden or altered name, a dropped name, a missing term, an
//! untranslated block, an inconsistent translation — and the checks must find it under the
//! right rule. Reported: recall per rule, and false positives per 1,000 words on the correct
//! pairs. Targets: recall ≥ 0.95 per rule, ≤ 1 false positive per 1,000 words.
//!
//! **Throughput.** At least 10 MB of aligned text, with a 10,000-concept glossary, in MB/s.

#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use corpus::Rng;
use verso::check::batch::Batch;
use verso::check::names::Evidence;
use verso::check::{BlockPair, BlockText, CheckConfig, Checker};
use verso::glossary::{Concept, Glossary, Kind, Term};
use verso::recognize::dates::{DateLocale, DateToken};
use verso::recognize::numbers::NumberLocale;

const LOCALES: [&str; 4] = ["es", "de", "de-CH", "fr"];

/// A concept with forms per language (index 0 = en, then es, de, fr), optional forbidden.
struct Name {
    id: &'static str,
    kind: Kind,
    forms: [&'static str; 4],
    forbidden: [&'static str; 4],
    /// How an engine might alter it, not listed as forbidden (for name-altered).
    altered: [&'static str; 4],
}

const PLACES: &[Name] = &[
    Name {
        id: "seoul",
        kind: Kind::Place,
        forms: ["Seoul", "Seúl", "Seoul", "Séoul"],
        forbidden: ["", "", "", ""],
        altered: ["", "Seul", "Söul", "Seúl"],
    },
    Name {
        id: "pyongyang",
        kind: Kind::Place,
        forms: ["Pyongyang", "Pionyang", "Pjöngjang", "Pyongyang"],
        forbidden: ["", "Pyongyang", "Pyongyang", ""],
        altered: ["", "Piongiang", "Pjongjang", "Pionyang"],
    },
    Name {
        id: "geneva",
        kind: Kind::Place,
        forms: ["Geneva", "Ginebra", "Genf", "Genève"],
        forbidden: ["", "", "", ""],
        altered: ["", "Génova", "Genua", "Gênes"],
    },
    Name {
        id: "kyiv",
        kind: Kind::Place,
        forms: ["Kyiv", "Kiev", "Kyjiw", "Kyiv"],
        forbidden: ["", "", "Kiew", "Kiev"],
        altered: ["", "Kief", "Kijew", "Kiew"],
    },
];
const ORGS: &[Name] = &[
    Name {
        id: "rfa",
        kind: Kind::Publication,
        forms: ["Radio Free Asia", "", "", ""],
        forbidden: [
            "",
            "Asia Libre Radiofónica",
            "Radio Freies Asien",
            "Radio Asie Libre",
        ],
        altered: [
            "",
            "Radio Asia Libre",
            "Freies Radio Asien",
            "Radio Libre Asie",
        ],
    },
    Name {
        id: "blue-news",
        kind: Kind::Publication,
        forms: ["blue News", "", "", ""],
        forbidden: [
            "",
            "Azul Noticioso",
            "Blaue Nachrichten",
            "Nouvelles Bleues",
        ],
        altered: ["", "noticias azules", "blaue News", "bleu News"],
    },
];
const PEOPLE: &[&str] = &[
    "Anna Keller",
    "Daria Melnyk",
    "Matthias Brunner",
    "Nataliya Kovalenko",
    "Ihor Bondar",
    "Park Ji-hoon",
    "Lee Min-seo",
];
const HOWITZER: [&str; 4] = ["howitzer", "obús", "Haubitze", "obusier"];
const HOWITZER_WRONG: [&str; 4] = ["", "cañón", "Kanone", "canon"];

fn lang_index(locale: &str) -> usize {
    match locale.split('-').next() {
        Some("es") => 1,
        Some("de") => 2,
        Some("fr") => 3,
        _ => 0,
    }
}

fn glossary(extra: usize) -> Arc<Glossary> {
    let mut concepts = Vec::new();
    for n in PLACES.iter().chain(ORGS) {
        let mut c = Concept::new(n.id, n.kind);
        c.do_not_translate = n.kind == Kind::Publication;
        c.case_sensitive = n.id == "blue-news";
        for (i, tag) in ["en", "es", "de", "fr"].into_iter().enumerate() {
            let e = c.terms.entry(tag.to_string()).or_default();
            if !n.forms[i].is_empty() {
                e.preferred = Some(Term::new(n.forms[i]));
            }
            if !n.forbidden[i].is_empty() {
                e.forbidden.push(Term::new(n.forbidden[i]));
            }
        }
        c.terms
            .retain(|_, t| t.preferred.is_some() || !t.forbidden.is_empty());
        concepts.push(c);
    }
    let mut h = Concept::new("howitzer", Kind::Term);
    for (i, tag) in ["en", "es", "de", "fr"].into_iter().enumerate() {
        h.terms.entry(tag.to_string()).or_default().preferred = Some(Term::new(HOWITZER[i]));
    }
    concepts.push(h);
    // Filler concepts for the throughput run: invented words that never occur in the text.
    let mut rng = Rng::new(99);
    for i in 0..extra {
        let mut c = Concept::new(
            format!("x{i}"),
            if i % 3 == 0 { Kind::Term } else { Kind::Person },
        );
        let word = |rng: &mut Rng| -> String {
            (0..3)
                .map(|_| rng.pick(&["zo", "qua", "vex", "ryl", "mib", "tak", "juk"]))
                .collect()
        };
        let en = format!("{} {}", word(&mut rng), word(&mut rng));
        c.terms.entry("en".into()).or_default().preferred = Some(Term::new(en.clone()));
        c.terms.entry("es".into()).or_default().preferred = Some(Term::new(format!("{en}a")));
        c.terms.entry("de".into()).or_default().preferred = Some(Term::new(format!("{en}e")));
        c.terms.entry("fr".into()).or_default().preferred = Some(Term::new(format!("{en}o")));
        concepts.push(c);
    }
    Arc::new(Glossary { concepts })
}

/// Slot values of one pair.
struct Values {
    person: &'static str,
    place: usize,
    org: usize,
    n: f64,
    big: f64,
    pct: f64,
    tonnes: f64,
    km: f64,
    mm: f64,
    month: u8,
    day: u8,
    ordinal: u32,
}

fn pick_values(rng: &mut Rng) -> Values {
    Values {
        person: rng.pick(PEOPLE),
        place: rng.below(PLACES.len()),
        org: rng.below(ORGS.len()),
        n: (21 + rng.below(900)) as f64,
        big: (11 + rng.below(89)) as f64 * 1000.0 + (rng.below(10) * 100) as f64,
        pct: (2 + rng.below(60)) as f64,
        tonnes: (10 + rng.below(80)) as f64 / 10.0,
        km: (5 + rng.below(300)) as f64,
        mm: [105.0, 122.0, 152.0, 155.0, 170.0, 203.0][rng.below(6)],
        month: (1 + rng.below(12)) as u8,
        day: (1 + rng.below(28)) as u8,
        ordinal: (1 + rng.below(30)) as u32,
    }
}

struct Locale {
    tag: &'static str,
    numbers: NumberLocale,
    dates: DateLocale,
}

fn num(l: &Locale, v: f64) -> String {
    l.numbers.format(v, if v.fract() == 0.0 { 0 } else { 1 })
}

fn date(l: &Locale, v: &Values) -> String {
    let d = DateToken {
        range: 0..0,
        month: v.month,
        day: v.day,
        year: None,
        numeric: false,
    };
    l.dates.long_form(&d).unwrap_or_default()
}

fn pct(l: &Locale, v: f64) -> String {
    // CLDR percent patterns: en "15%", es/de "15 %" (no-break space), fr "15 %" (narrow).
    match lang_index(l.tag) {
        0 => format!("{}%", num(l, v)),
        3 => format!("{}\u{202f}%", num(l, v)),
        _ => format!("{}\u{a0}%", num(l, v)),
    }
}

fn ordinal(l: &Locale, n: u32) -> String {
    match lang_index(l.tag) {
        0 => {
            let suffix = match (n % 10, n % 100) {
                (1, x) if x != 11 => "st",
                (2, x) if x != 12 => "nd",
                (3, x) if x != 13 => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        1 => format!("{n}.º"),
        2 => format!("{n}."),
        _ => {
            if n == 1 {
                "1er".to_string()
            } else {
                format!("{n}e")
            }
        }
    }
}

/// The five templates, filled in for one language.
fn render(l: &Locale, v: &Values, template: usize) -> String {
    let i = lang_index(l.tag);
    let place = PLACES[v.place].forms[i];
    let org = ORGS[v.org].forms[if ORGS[v.org].forms[i].is_empty() {
        0
    } else {
        i
    }];
    let (p, d, n, big) = (v.person, date(l, v), num(l, v.n), num(l, v.big));
    let (t, km, mm, pc, ord) = (
        num(l, v.tonnes),
        num(l, v.km),
        num(l, v.mm),
        pct(l, v.pct),
        ordinal(l, v.ordinal),
    );
    let h = HOWITZER[i];
    match (template, i) {
        (0, 0) => format!(
            "{p} said on {d} that {n} soldiers had arrived in {place}, where {big} people live."
        ),
        (0, 1) => format!(
            "{p} dijo el {d} que {n} soldados habían llegado a {place}, donde viven {big} personas."
        ),
        (0, 2) => format!(
            "{p} sagte am {d}, dass {n} Soldaten in {place} angekommen seien, wo {big} Menschen leben."
        ),
        (0, _) => format!(
            "{p} a déclaré le {d} que {n} soldats étaient arrivés à {place}, où vivent {big} personnes."
        ),
        (1, 0) => format!(
            "According to {org}, prices in {place} rose by {pc} in the {ord} week of the year."
        ),
        (1, 1) => format!(
            "Según {org}, los precios en {place} subieron un {pc} en la {ord} semana del año."
        ),
        (1, 2) => format!(
            "Laut {org} stiegen die Preise in {place} in der {ord} Woche des Jahres um {pc}."
        ),
        (1, _) => format!(
            "Selon {org}, les prix à {place} ont augmenté de {pc} au cours de la {ord} semaine de l'année."
        ),
        (2, 0) => format!(
            "Each truck carries {t} tonnes of ammunition and drives {km} km at night, {p} explained."
        ),
        (2, 1) => format!(
            "Cada camión lleva {t} toneladas de munición y recorre {km} km de noche, explicó {p}."
        ),
        (2, 2) => format!(
            "Jeder Lastwagen transportiert {t} Tonnen Munition und fährt nachts {km} km, erklärte {p}."
        ),
        (2, _) => format!(
            "Chaque camion transporte {t} tonnes de munitions et parcourt {km} km la nuit, a expliqué {p}."
        ),
        (3, 0) => format!("A {mm}-millimetre {h} fired {n} shells near {place} on {d}."),
        (3, 1) => {
            format!("Un {h} de {mm} milímetros disparó {n} proyectiles cerca de {place} el {d}.")
        }
        (3, 2) => format!("Eine {mm}-Millimeter-{h} feuerte am {d} bei {place} {n} Granaten ab."),
        (3, _) => format!("Un {h} de {mm} millimètres a tiré {n} obus près de {place} le {d}."),
        (_, 0) => {
            format!("Between {n} and {big} people have left {place} since {d}, {org} reported.")
        }
        (_, 1) => {
            format!("Entre {n} y {big} personas han salido de {place} desde el {d}, informó {org}.")
        }
        (_, 2) => format!(
            "Zwischen {n} und {big} Menschen haben {place} seit dem {d} verlassen, berichtete {org}."
        ),
        (_, _) => format!(
            "Entre {n} et {big} personnes ont quitté {place} depuis le {d}, a rapporté {org}."
        ),
    }
}

/// One kind of error put into a correct translation, and the rule that must find it.
fn inject(
    kind: &str,
    l: &Locale,
    en: &Locale,
    v: &Values,
    template: usize,
    target: &str,
    source: &str,
) -> Option<String> {
    let i = lang_index(l.tag);
    match kind {
        "number-mismatch" => Some(target.replacen(&num(l, v.n), &num(l, v.n + 1.0), 1)),
        "number-format" => {
            // The source's way of writing a big number (German grouping in Swiss text).
            let wrong = if l.tag == "de-CH" {
                NumberLocale::new("de").format(v.big, 0)
            } else {
                num(en, v.big)
            };
            (template == 0 || template == 4).then(|| target.replacen(&num(l, v.big), &wrong, 1))
        }
        "unit-mismatch" => match template {
            2 => Some(target.replacen(
                &format!("{} km", num(l, v.km)),
                &format!("{} m", num(l, v.km)),
                1,
            )),
            3 => Some(
                target
                    .replacen(&num(l, v.mm), &format!("de{}", num(l, v.mm)), 1)
                    .replacen(" de de", " de", 1),
            ),
            _ => None,
        },
        "date-mismatch" => {
            let d = date(l, v);
            (template == 0 || template == 3 || template == 4).then(|| {
                if v.day.is_multiple_of(2) {
                    // The day changed.
                    let other = Values {
                        day: v.day + 1,
                        ..*v
                    };
                    target.replacen(&d, &date(l, &other), 1)
                } else {
                    // The source's order: month first.
                    let month = d
                        .split(|c: char| !c.is_alphabetic())
                        .find(|w| w.chars().count() > 2)
                        .unwrap_or("");
                    target.replacen(&d, &format!("{month} {}", v.day), 1)
                }
            })
        }
        "term-forbidden" => {
            let n = if template == 1 || template == 4 {
                &ORGS[v.org]
            } else {
                &PLACES[v.place]
            };
            let form = if n.forms[i].is_empty() {
                n.forms[0]
            } else {
                n.forms[i]
            };
            (!n.forbidden[i].is_empty() && target.contains(form))
                .then(|| target.replacen(form, n.forbidden[i], 1))
        }
        "name-altered" => {
            let n = &PLACES[v.place];
            (template != 2 && target.contains(n.forms[i]))
                .then(|| target.replacen(n.forms[i], n.altered[i], 1))
        }
        "name-missing" => (template == 0 || template == 2).then(|| {
            let pronoun = ["", "ella", "sie", "elle"][i];
            target.replacen(v.person, pronoun, 1)
        }),
        "term-missing" => {
            (template == 3).then(|| target.replacen(HOWITZER[i], HOWITZER_WRONG[i], 1))
        }
        "untranslated" => Some(source.to_string()),
        _ => None,
    }
}

const RULES: [&str; 10] = [
    "number-mismatch",
    "number-format",
    "unit-mismatch",
    "date-mismatch",
    "term-forbidden",
    "name-altered",
    "name-missing",
    "term-missing",
    "untranslated",
    "inconsistent",
];

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let en = Locale {
        tag: "en",
        numbers: NumberLocale::new("en"),
        dates: DateLocale::new("en"),
    };
    let mut rng = Rng::new(2026);
    let g = glossary(0);
    // Names occur capitalized inside sentences across the batch: the evidence the name rule uses.
    let evidence = Evidence::collect(
        PEOPLE
            .iter()
            .map(|p| format!("and {p} met"))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    let mut recall: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut correct_words = 0usize;
    let mut false_positives: BTreeMap<String, usize> = BTreeMap::new();
    let mut pairs_total = 0;
    let mut examples: Vec<String> = Vec::new();
    for tag in LOCALES {
        let l = Locale {
            tag,
            numbers: NumberLocale::new(tag),
            dates: DateLocale::new(tag),
        };
        let checker = Checker::new(
            "en",
            tag,
            Some(Arc::clone(&g)),
            CheckConfig::default(),
            evidence.clone(),
        );
        let mut batch = Batch::default();
        for k in 0..100 {
            let block = k;
            let v = pick_values(&mut rng);
            let template = k % 5;
            let (source, target) = (render(&en, &v, template), render(&l, &v, template));
            pairs_total += 1;
            correct_words += source.split_whitespace().count();
            let (s, t) = (BlockText::plain(&source), BlockText::plain(&target));
            let (found, facts) = checker.check_block(&BlockPair {
                index: block,
                source: &s,
                target: &t,
                unknown_words: &[],
            });
            batch.add(0, block, facts);
            for f in &found {
                *false_positives.entry(f.rule.id().to_string()).or_default() += 1;
                if examples.len() < 12 {
                    examples.push(format!(
                        "{tag} {}: {}\n    {source}\n    {target}",
                        f.rule.id(),
                        verso::i18n::render(&f.message)
                    ));
                }
            }
            for rule in RULES.iter().filter(|r| **r != "inconsistent") {
                let Some(bad) =
                    inject(rule, &l, &en, &v, template, &target, &source).filter(|b| *b != target)
                else {
                    continue;
                };
                let b = BlockText::plain(&bad);
                let (found, _) = checker.check_block(&BlockPair {
                    index: 0,
                    source: &s,
                    target: &b,
                    unknown_words: &[],
                });
                let e = recall.entry(rule).or_default();
                e.0 += 1;
                if found.iter().any(|f| f.rule.id() == *rule) {
                    e.1 += 1;
                } else if examples.len() < 24 {
                    examples.push(format!("missed {tag} {rule}:\n    {source}\n    {bad}"));
                }
            }
            // Inconsistent: the same source translated a second way elsewhere in the batch.
            if k % 5 == 0 {
                let other = target.replacen(' ', "  ", 1).replacen(
                    PLACES[v.place].forms[lang_index(tag)],
                    "[…]",
                    1,
                );
                let o = BlockText::plain(&other);
                let (_, facts) = checker.check_block(&BlockPair {
                    index: block,
                    source: &s,
                    target: &o,
                    unknown_words: &[],
                });
                let mut b = Batch::default();
                let (_, first) = checker.check_block(&BlockPair {
                    index: 0,
                    source: &s,
                    target: &t,
                    unknown_words: &[],
                });
                b.add(0, 0, first);
                b.add(1, 1, facts);
                let e = recall.entry("inconsistent").or_default();
                e.0 += 1;
                if b.findings(&["a".into(), "b".into()])
                    .iter()
                    .any(|(_, f)| f.rule.id() == "inconsistent")
                {
                    e.1 += 1;
                }
            }
        }
        for (_, f) in batch.findings(&["batch".into()]) {
            *false_positives.entry(f.rule.id().to_string()).or_default() += 1;
        }
    }
    println!(
        "precision: {pairs_total} correct pairs (en→es, de, de-CH, fr), {correct_words} source words\n"
    );
    println!("| rule | injected | found | recall |");
    println!("|---|---:|---:|---:|");
    for rule in RULES {
        let (n, found) = recall.get(rule).copied().unwrap_or_default();
        println!(
            "| {rule} | {n} | {found} | {:.2} |",
            found as f64 / n.max(1) as f64
        );
    }
    let fp: usize = false_positives.values().sum();
    println!(
        "\nfalse positives on the correct pairs: {fp} ({:.2} per 1,000 words) {false_positives:?}",
        1000.0 * fp as f64 / correct_words as f64
    );
    for e in &examples {
        println!("{e}");
    }

    // Throughput: correct pairs totalling at least 10 MB, with a 10,000-concept glossary.
    let big = glossary(10_000);
    let start = Instant::now();
    let checker = Checker::new("en", "es", Some(big), CheckConfig::default(), evidence);
    let built = start.elapsed().as_secs_f64();
    let es = Locale {
        tag: "es",
        numbers: NumberLocale::new("es"),
        dates: DateLocale::new("es"),
    };
    let mut texts = Vec::new();
    let mut bytes = 0;
    let mut k = 0;
    while bytes < 10_000_000 {
        let v = pick_values(&mut rng);
        let (s, t) = (render(&en, &v, k % 5), render(&es, &v, k % 5));
        bytes += s.len() + t.len();
        texts.push((BlockText::plain(&s), BlockText::plain(&t)));
        k += 1;
    }
    let start = Instant::now();
    let mut batch = Batch::default();
    let mut findings = 0;
    for (i, (s, t)) in texts.iter().enumerate() {
        let (f, facts) = checker.check_block(&BlockPair {
            index: i,
            source: s,
            target: t,
            unknown_words: &[],
        });
        findings += f.len();
        batch.add(0, i, facts);
    }
    findings += batch.findings(&["x".into()]).len();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "\nthroughput: {:.1} MB of aligned text ({} pairs), 10,000-concept glossary (checker built in {built:.2} s): {secs:.2} s, {:.2} MB/s, {findings} findings",
        bytes as f64 / 1e6,
        texts.len(),
        bytes as f64 / 1e6 / secs
    );

    // Where the time goes: each rule family alone over the same pairs (in registration order,
    // each with what the families before it found, as in a run).
    let families: Vec<_> = verso::check::rules::block_rules().collect();
    let mut cost = vec![0f64; families.len()];
    for (i, (s, t)) in texts.iter().enumerate() {
        let pair = BlockPair {
            index: i,
            source: s,
            target: t,
            unknown_words: &[],
        };
        let mut work = verso::check::rules::Work::new(
            verso::check::batch::BlockFacts::new(&pair),
            verso::check::Forms::Read,
        );
        for (k, family) in families.iter().enumerate() {
            let at = Instant::now();
            family.check(&checker, &pair, &mut work);
            cost[k] += at.elapsed().as_secs_f64();
        }
    }
    println!("\n| rule family | seconds over the 10 MB |");
    println!("|---|---:|");
    for (family, secs) in families.iter().zip(&cost) {
        let ids: Vec<&str> = family.rules().iter().map(|r| r.id()).collect();
        println!("| {} | {secs:.2} |", ids.join(", "));
    }

    // One paragraph of 200 KB, 1 MB and 5 MB (a pasted table, a hostile file): the checks must
    // stay linear in the block's length.
    let checker = Checker::new(
        "en",
        "es",
        Some(glossary(0)),
        CheckConfig::default(),
        Evidence::default(),
    );
    println!("\n| one paragraph | seconds | MB/s | findings |");
    println!("|---:|---:|---:|---:|");
    for size in [200_000usize, 1_000_000, 5_000_000] {
        let (mut s, mut t) = (String::new(), String::new());
        let mut k = 0;
        while s.len() + t.len() < size {
            let v = pick_values(&mut rng);
            s.push_str(&render(&en, &v, k % 5));
            s.push(' ');
            t.push_str(&render(&es, &v, k % 5));
            t.push(' ');
            k += 1;
        }
        let (s, t) = (BlockText::plain(&s), BlockText::plain(&t));
        let start = Instant::now();
        let (f, _) = checker.check_block(&BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        });
        let secs = start.elapsed().as_secs_f64();
        println!(
            "| {:.1} MB | {secs:.2} | {:.2} | {} |",
            size as f64 / 1e6,
            size as f64 / 1e6 / secs,
            f.len()
        );
    }
}
