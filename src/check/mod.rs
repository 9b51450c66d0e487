//! Checks: what is wrong in a translation, where, and how to fix it.
//!
//! Every translated block is compared with its source by rules in families: glossary terms and
//! names ([`terms`]), unknown names ([`names`]), numbers ([`rules_numbers`]),
//! quantities with units ([`units`]), dates ([`rules_dates`]), untranslated text and
//! structure ([`misc`]), and, across a whole batch, consistency ([`batch`]). Each finding has a
//! rule, a severity, the block, the source and target spans, a Fluent message, and a fix where
//! replacing the target span is safe. What a number, date or quantity is comes from
//! [`crate::recognize`], shared with the writer and the review page. A [`Checker`] holds everything a locale pair needs (the
//! matchers, CLDR number and date data, the unit table) and is built once per run.

pub mod batch;
pub mod bounded;
pub mod calendar;
pub mod diagnostics;
pub mod exonyms;
pub mod file;
pub mod misc;
pub mod names;
pub mod profile;
pub mod punctuation;
pub mod rules;
pub mod rules_dates;
pub mod rules_numbers;
pub mod session;
pub mod terms;
pub mod text;
pub mod units;

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::glossary::Glossary;
use crate::i18n::Message;
use crate::matcher::Matcher;
use crate::recognize::dates::DateLocale;
use crate::recognize::numbers::NumberLocale;
use crate::report::Severity;
pub use text::BlockText;

/// A rule: what reports, configuration and profiles call it, and whether it runs when the
/// configuration says nothing (house-style rules such as the locale's quotation marks are off
/// until a desk turns them on). Each rule family declares its rules next to its code, in an
/// `impl Rule` block of its own file; [`rules`] lists them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    id: &'static str,
    on: bool,
}

impl Rule {
    /// A rule that runs unless configured off.
    pub const fn new(id: &'static str) -> Rule {
        Rule { id, on: true }
    }

    /// A rule that runs only when configured on (a severity in `[checks.rules.<id>]`).
    pub const fn off_by_default(id: &'static str) -> Rule {
        Rule { id, on: false }
    }

    /// The rule id as written in reports and configuration.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// Whether the rule runs when the configuration does not mention it.
    pub fn on_by_default(self) -> bool {
        self.on
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id)
    }
}

/// A span of a block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte range in the block's text ([`BlockText::text`]).
    pub range: Range<usize>,
    /// The text there.
    pub text: String,
}

impl Span {
    /// The span `range` of `text`.
    pub fn of(text: &str, range: Range<usize>) -> Span {
        Span {
            text: text.get(range.clone()).unwrap_or_default().to_string(),
            range,
        }
    }
}

/// A safe replacement of a target span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Byte range in the target block's text.
    pub range: Range<usize>,
    /// What to write there.
    pub replacement: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// How bad.
    pub severity: Severity,
    /// Block index.
    pub block: usize,
    /// Where in the source, if anywhere.
    pub source: Option<Span>,
    /// Where in the target, if anywhere.
    pub target: Option<Span>,
    /// What is wrong, as a Fluent message.
    pub message: Message,
    /// The fix, where it is safe.
    pub fix: Option<Fix>,
}

/// A source block and its translation.
pub struct BlockPair<'a> {
    /// Block index (in both documents).
    pub index: usize,
    /// The source text.
    pub source: &'a BlockText,
    /// The target text.
    pub target: &'a BlockText,
    /// Words the engine marked unknown (empty when checking existing files).
    pub unknown_words: &'a [String],
}

/// Settings of the checks (`[checks]` in the configuration).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Whether `verso translate` checks what it writes.
    pub enabled: bool,
    /// When `verso translate` exits non-zero for findings (`verso check` has its own flag,
    /// default `error`).
    pub fail_on: crate::report::FailOn,
    /// Rules not run.
    pub disable: Vec<String>,
    /// Unit conversions a target locale expects, e.g. `{ mile = "kilometre" }`.
    pub convert: std::collections::BTreeMap<String, String>,
    /// Locales (language subtags or tags) where `convert` applies.
    pub metric_locales: Vec<String>,
    /// Relative tolerance when comparing converted quantities.
    pub tolerance: f64,
    /// Locales (tags or language subtags) where a number may use either decimal mark when it
    /// cannot be misread ("1.35" and "1,35" in Mexican Spanish); elsewhere the mark CLDR does
    /// not give is a warning.
    pub either_decimal: Vec<String>,
    /// Severities per rule id (`[checks.rules.<id>] severity = "error" | "warning" | "off"`).
    pub rules: std::collections::BTreeMap<String, profile::RuleSetting>,
    /// Named profiles (`[checks.profiles.<name>.rules.<id>]`), each over `rules`.
    pub profiles: std::collections::BTreeMap<String, profile::Profile>,
    /// The profile in use (`--profile` sets it).
    pub profile: Option<String>,
}

impl CheckConfig {
    /// The profile's name as reports show it: `default` without one.
    pub fn profile_name(&self) -> &str {
        self.profile.as_deref().unwrap_or("default")
    }

    /// Whether `target` accepts both decimal marks (`either_decimal`).
    pub fn accepts_either_decimal(&self, target: &str) -> bool {
        crate::locale::matches_any(target, &self.either_decimal)
    }
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            enabled: true,
            fail_on: crate::report::FailOn::Never,
            disable: Vec::new(),
            convert: [
                ("mile", "kilometre"),
                ("foot", "metre"),
                ("pound", "kilogram"),
            ]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
            metric_locales: ["es", "de", "fr", "it", "pt", "ca", "nl", "pl", "uk", "ru"]
                .map(String::from)
                .to_vec(),
            tolerance: 0.05,
            either_decimal: ["es-MX", "es-US", "es-419"].map(String::from).to_vec(),
            rules: Default::default(),
            profiles: Default::default(),
            profile: None,
        }
    }
}

/// Which number forms count as the target's own: what a reader accepts (the checks: a space
/// groups thousands in every locale, as the RAE and Duden allow), or what verso writes (the
/// locale's CLDR grouping: "16 000" becomes "16.000" in German).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forms {
    /// Checking: accepted forms pass.
    Read,
    /// Writing: only the CLDR form passes, anything else gets its fix.
    Written,
}

/// Everything the checks need for one language pair.
pub struct Checker {
    /// Source locale tag.
    pub source: String,
    /// Target locale tag.
    pub target: String,
    /// The glossary, if any.
    pub glossary: Option<Arc<Glossary>>,
    pub(crate) source_matcher: Option<Matcher>,
    pub(crate) target_matcher: Option<Matcher>,
    pub(crate) source_numbers: NumberLocale,
    pub(crate) target_numbers: NumberLocale,
    pub(crate) source_dates: DateLocale,
    pub(crate) target_dates: DateLocale,
    pub(crate) source_calendar: calendar::CalendarNames,
    pub(crate) target_calendar: calendar::CalendarNames,
    pub(crate) units: crate::recognize::units::Units,
    pub(crate) magnitudes: crate::recognize::magnitudes::Magnitudes,
    pub(crate) names: names::NameFinder,
    pub(crate) exonyms: exonyms::Exonyms,
    pub(crate) config: CheckConfig,
    /// Which rules run, at which severity.
    pub(crate) levels: profile::Levels,
    /// Per family of [`rules::block_rules`], whether it runs: families others build on (they
    /// can fix what they find) always do, the others when one of their rules is on. Worked out
    /// once, not at every block.
    families: Vec<bool>,
}

impl Checker {
    /// A checker from `source` to `target` (BCP 47 tags). `evidence` is what the whole batch's
    /// sources say about which words are names ([`names::Evidence::collect`]).
    pub fn new(
        source: &str,
        target: &str,
        glossary: Option<Arc<Glossary>>,
        config: CheckConfig,
        evidence: names::Evidence,
    ) -> Checker {
        let source_matcher = glossary.as_ref().map(|g| Matcher::new(g, source, None));
        let target_matcher = glossary
            .as_ref()
            .map(|g| Matcher::new(g, target, Some(source)));
        Checker {
            source: source.to_string(),
            target: target.to_string(),
            source_numbers: NumberLocale::new(source),
            target_numbers: NumberLocale::new(target),
            source_dates: DateLocale::new(source),
            target_dates: DateLocale::new(target),
            source_calendar: calendar::CalendarNames::new(source),
            target_calendar: calendar::CalendarNames::new(target),
            units: crate::recognize::units::Units::builtin(),
            magnitudes: crate::recognize::magnitudes::Magnitudes::builtin(),
            names: names::NameFinder::new(source, evidence),
            exonyms: exonyms::Exonyms::new(source, target),
            glossary,
            source_matcher,
            target_matcher,
            families: Vec::new(),
            levels: profile::Levels::resolve_lenient(&config),
            config,
        }
        .with_families()
    }

    fn with_families(mut self) -> Checker {
        self.families = rules::block_rules()
            .map(|f| f.fixes() || f.rules().iter().any(|r| self.levels.runs(*r)))
            .collect();
        self
    }

    /// Which rules run, at which severity, and under which profile.
    pub fn levels(&self) -> &profile::Levels {
        &self.levels
    }

    /// Only the rules whose findings may carry a safe fix (dates, quantities, numbers, glossary
    /// terms), and only those findings: what `translate` applies before writing, at a fraction
    /// of [`Checker::check_block`]'s cost for a block served from the memory.
    pub fn fixes(&self, pair: &BlockPair) -> Vec<Finding> {
        // Nothing here feeds the batch rules: no facts are made.
        let mut work = rules::Work::new(batch::BlockFacts::default(), Forms::Written);
        for family in rules::block_rules().filter(|f| f.fixes()) {
            family.check(self, pair, &mut work);
        }
        let mut findings = work.findings;
        findings.retain(|f| f.fix.is_some());
        self.levels.settle(&mut findings);
        findings
    }

    /// Runs every block rule that runs (see `families`) on a pair; returns the findings and
    /// what the batch rules need.
    pub fn check_block(&self, pair: &BlockPair) -> (Vec<Finding>, batch::BlockFacts) {
        let mut work = rules::Work::new(batch::BlockFacts::new(pair), Forms::Read);
        for (family, runs) in rules::block_rules().zip(&self.families) {
            if *runs {
                family.check(self, pair, &mut work);
            }
        }
        let (mut findings, facts) = (work.findings, work.facts);
        // An unknown word inside a span already reported is the same problem twice.
        let reported: Vec<Range<usize>> = findings
            .iter()
            .filter(|f| f.rule != Rule::UNTRANSLATED)
            .filter_map(|f| f.target.as_ref().map(|s| s.range.clone()))
            .collect();
        let reported = bounded::Covered::new(&reported);
        findings.retain(|f| {
            let covered = f.message.id == "check-unknown-word"
                && f.target
                    .as_ref()
                    .is_some_and(|s| reported.overlaps(&s.range));
            !covered
        });
        self.levels.settle(&mut findings);
        findings.sort_by_key(|f| {
            (
                f.target.as_ref().map_or(usize::MAX, |s| s.range.start),
                f.rule,
            )
        });
        (findings, facts)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Shared helpers for the rule tests: a checker with a small glossary.
    use super::*;
    use crate::glossary::{Concept, Kind, Term};

    pub fn glossary() -> Arc<Glossary> {
        let mut concepts = Vec::new();
        let mut add = |id: &str, kind: Kind, dnt: bool, terms: &[(&str, &str, &str)]| {
            let mut c = Concept::new(id, kind);
            c.do_not_translate = dnt;
            for (locale, status, text) in terms {
                let e = c.terms.entry(locale.to_string()).or_default();
                match *status {
                    "p" => e.preferred = Some(Term::new(*text)),
                    "a" => e.admitted.push(Term::new(*text)),
                    _ => e.forbidden.push(Term::new(*text)),
                }
            }
            concepts.push(c);
        };
        add(
            "rfa",
            Kind::Publication,
            true,
            &[
                ("en", "p", "Radio Free Asia"),
                ("es", "f", "Asia Libre Radiofónica"),
            ],
        );
        add(
            "pyongyang",
            Kind::Place,
            false,
            &[
                ("en", "p", "Pyongyang"),
                ("es", "p", "Pionyang"),
                ("es", "f", "Pyongyang"),
                ("de", "p", "Pjöngjang"),
                ("de", "f", "Pyongyang"),
                ("fr", "p", "Pyongyang"),
            ],
        );
        add(
            "budanov",
            Kind::Person,
            false,
            &[
                ("en", "p", "Kyrylo Budanov"),
                ("en", "a", "Budanov"),
                ("es", "p", "Kirilo Budánov"),
                ("es", "a", "Budánov"),
                ("de", "p", "Kyrylo Budanow"),
                ("de", "a", "Budanow"),
                ("de", "f", "Budanov"),
                ("fr", "p", "Kyrylo Boudanov"),
                ("fr", "a", "Boudanov"),
            ],
        );
        add(
            "howitzer",
            Kind::Term,
            false,
            &[
                ("en", "p", "howitzer"),
                ("es", "p", "obús"),
                ("es", "a", "obuses"),
                ("de", "p", "Haubitze"),
                ("fr", "p", "obusier"),
            ],
        );
        Arc::new(Glossary { concepts })
    }

    pub fn checker(target: &str) -> Checker {
        let evidence = names::Evidence::collect([
            "residents of the city, officials and analysts said that Paju, Seoul, Oleksandr Hrytsenko, \
             Matthias Brunner and Park Ji-hoon met in Erstfeld",
        ]);
        Checker::new(
            "en",
            target,
            Some(glossary()),
            CheckConfig::default(),
            evidence,
        )
    }

    /// What `c` finds on one pair of plain texts.
    pub fn check_plain(c: &Checker, source: &str, translation: &str) -> Vec<Finding> {
        let (s, t) = (BlockText::plain(source), BlockText::plain(translation));
        let pair = BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        };
        c.check_block(&pair).0
    }

    /// The findings on one pair of plain texts.
    pub fn findings(target: &str, source: &str, translation: &str) -> Vec<Finding> {
        check_plain(&checker(target), source, translation)
    }

    /// The findings on one pair with the rules `on` turned on (rules off by default).
    pub fn findings_on(on: &[&str], target: &str, source: &str, translation: &str) -> Vec<Finding> {
        let mut config = CheckConfig::default();
        for id in on {
            let severity = profile::Level::Warning;
            config
                .rules
                .insert(id.to_string(), profile::RuleSetting { severity });
        }
        let c = Checker::new("en", target, Some(glossary()), config, Default::default());
        check_plain(&c, source, translation)
    }

    /// The target spans of `rule`'s findings.
    pub fn spans(rule: &str, findings: Vec<Finding>) -> Vec<String> {
        findings
            .into_iter()
            .filter(|f| f.rule.id() == rule)
            .map(|f| f.target.map(|s| s.text).unwrap_or_default())
            .collect()
    }

    /// Rule ids found on a pair, with their target span texts.
    pub fn run(target: &str, source: &str, translation: &str) -> Vec<(String, String)> {
        findings(target, source, translation)
            .into_iter()
            .map(|f| {
                (
                    f.rule.id().to_string(),
                    f.target.map(|s| s.text).unwrap_or_default(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod locale_tests {
    //! The batch and document rules, in each of the four locale pairs.
    use super::testing::checker;
    use super::*;
    use crate::format::{self, ReadOptions};

    const TRANSLATIONS: [(&str, &str, &str); 4] = [
        (
            "es",
            "El ejército disparó 92 proyectiles al día.",
            "El ejército lanzó 92 proyectiles al día.",
        ),
        (
            "de",
            "Die Armee feuerte 92 Granaten am Tag.",
            "Die Armee schoss 92 Granaten am Tag.",
        ),
        (
            "de-CH",
            "Die Armee feuerte 92 Granaten pro Tag.",
            "Die Armee schoss 92 Granaten pro Tag.",
        ),
        (
            "fr",
            "L'armée a tiré 92 obus par jour.",
            "L'armée a lancé 92 obus par jour.",
        ),
    ];

    #[test]
    fn inconsistent_translations_across_the_batch_in_four_locales() {
        let source = BlockText::plain("The army fired 92 shells a day.");
        for (locale, one, other) in TRANSLATIONS {
            let c = checker(locale);
            let run = |targets: &[&str]| {
                let mut b = batch::Batch::default();
                for (i, t) in targets.iter().enumerate() {
                    let t = BlockText::plain(t);
                    let (_, facts) = c.check_block(&BlockPair {
                        index: 0,
                        source: &source,
                        target: &t,
                        unknown_words: &[],
                    });
                    b.add(i, 0, facts);
                }
                b.findings(&["a.md".into(), "b.md".into(), "c.md".into()])
            };
            let found = run(&[one, other]);
            assert_eq!(found.len(), 1, "{locale}");
            assert_eq!(
                (found[0].0, found[0].1.rule),
                (1, Rule::INCONSISTENT),
                "{locale}"
            );
            assert!(
                run(&[one, one, one]).is_empty(),
                "{locale}: the same translation each time"
            );
        }
    }

    #[test]
    fn structure_in_four_locales() {
        let parse = |s: &str| {
            format::parse(
                crate::format::MARKDOWN,
                s.to_string(),
                &ReadOptions::default(),
            )
        };
        let source =
            parse("# Title\n\nSee [the map](https://a.example/m) and `cfg`.\n\n- one\n- two\n");
        for (locale, good, bad) in [
            (
                "es",
                "# Título\n\nVea [el mapa](https://a.example/m) y `cfg`.\n\n- uno\n- dos\n",
                "# Título\n\nVea el mapa y `cfg`.\n\n- uno\n- dos\n",
            ),
            (
                "de",
                "# Titel\n\nSiehe [die Karte](https://a.example/m) und `cfg`.\n\n- eins\n- zwei\n",
                "# Titel\n\nSiehe [die Karte](https://a.example/m) und cfg.\n\n- eins\n- zwei\n",
            ),
            (
                "de-CH",
                "# Titel\n\nSiehe [die Karte](https://a.example/m) und `cfg`.\n\n- eins\n- zwei\n",
                "# Titel\n\nSiehe [die Karte](https://a.example/m) und `cfg`.\n\n- eins\n",
            ),
            (
                "fr",
                "# Titre\n\nVoir [la carte](https://a.example/m) et `cfg`.\n\n- un\n- deux\n",
                "Titre\n\nVoir [la carte](https://a.example/m) et `cfg`.\n\n- un\n- deux\n",
            ),
        ] {
            let c = checker(locale);
            let structure = |t: &str| {
                c.check_document(&source, &parse(t), &[], true)
                    .findings
                    .into_iter()
                    .filter(|f| f.rule == Rule::STRUCTURE)
                    .count()
            };
            assert_eq!(structure(good), 0, "{locale}");
            assert!(structure(bad) >= 1, "{locale}");
        }
    }
}

#[cfg(test)]
mod real_translation_cases {
    //! What real translations do (issue 11, section 2) must pass; what must be caught (section
    //! 3) must be an error. Each case has its true and its false side.
    use super::testing::{findings, run as found};

    fn errors(locale: &str, source: &str, target: &str) -> usize {
        findings(locale, source, target)
            .iter()
            .filter(|f| f.severity == crate::report::Severity::Error)
            .count()
    }

    #[test]
    fn what_real_translations_write_passes() {
        for (locale, source, target) in [
            // Magnitude words.
            (
                "es",
                "It costs $16 billion.",
                "Cuesta 16.000 millones de dólares.",
            ),
            (
                "de",
                "It costs $16 billion.",
                "Es kostet 16 Milliarden Dollar.",
            ),
            (
                "es",
                "A £1.8 billion deal.",
                "Un acuerdo de 1.800 millones de libras.",
            ),
            ("es", "Sales of €5m.", "Ventas de 5 millones de euros."),
            (
                "es",
                "About 3.5 million people.",
                "Unos 3,5 millones de personas.",
            ),
            // Times, year ranges, decades.
            (
                "es",
                "From 6-8 p.m. on Friday.",
                "De 18:00 a 20:00 el viernes.",
            ),
            (
                "de",
                "From 6-8 p.m. on Friday.",
                "Am Freitag von 18 bis 20 Uhr.",
            ),
            (
                "fr",
                "It ended at 10:00 pm.",
                "Cela s'est terminé à 22 h 00.",
            ),
            (
                "es",
                "The attack came at 7 a.m.",
                "El ataque llegó a las 7 de la mañana.",
            ),
            ("es", "He ruled in 1981-87.", "Gobernó de 1981 a 1987."),
            ("es", "Music of the '90s.", "Música de los años 90."),
            (
                "es",
                "During the 1960s he worked.",
                "Durante los años 60 trabajó.",
            ),
            // Regional decimals: right in Mexico.
            (
                "es-MX",
                "Inflation was 14.3 percent.",
                "La inflación fue de 14.3 por ciento.",
            ),
            // Exonyms and demonyms.
            (
                "es",
                "Russians in Moscow and Ukraine.",
                "Los rusos en Moscú y Ucrania.",
            ),
            (
                "es",
                "He visited Germany and NATO.",
                "Visitó Alemania y la OTAN.",
            ),
            (
                "es",
                "Christmas and New Year passed.",
                "Pasaron la Navidad y el Año Nuevo.",
            ),
            (
                "de",
                "He met the Canadian minister.",
                "Er traf den kanadischen Minister.",
            ),
            // Inflected units, ordinals, dates.
            (
                "de",
                "A 170 millimetre gun.",
                "Ein Geschütz mit 170 Millimetern.",
            ),
            ("fr", "It opens on January 1.", "Il ouvre le 1er janvier."),
            ("es", "It opens on January 1.", "Abre el 1.º de enero."),
            (
                "es",
                "Talks run January 9 to 13.",
                "Las conversaciones serán entre el 9 y el 13 de enero.",
            ),
            ("fr", "in the 15th century", "au XVe siècle"),
            (
                "es",
                "Nearly 200 people died.",
                "Murieron cerca de doscientas personas.",
            ),
            // Conversions made by the translator.
            (
                "es",
                "The hog weighed 550 pounds.",
                "El cerdo pesaba 250 kilos.",
            ),
            ("es", "Winds of 85 mph.", "Vientos de 136 km/h."),
            (
                "es",
                "It could reach 80 degrees.",
                "Podría llegar a 26 grados.",
            ),
            // Transliterations and adaptations.
            (
                "de",
                "Yesterday Budanov said so.",
                "Gestern sagte Budanow das.",
            ),
            ("es", "They went to Rome.", "Fueron a Roma."),
            ("fr", "Yesterday Putin spoke.", "Hier, Poutine a parlé."),
        ] {
            let f = found(locale, source, target);
            assert!(f.is_empty(), "{locale}: {source} → {target}: {f:?}");
        }
    }

    #[test]
    fn what_must_be_caught_is_an_error() {
        for (locale, source, target) in [
            ("es", "The tunnel is 40 km long.", "El túnel mide 14 km."),
            (
                "es",
                "From 2 to 4 inches of rain.",
                "Entre 5 y 25 centímetros de lluvia.",
            ),
            ("es", "Five people died.", "Murieron seis personas."),
            ("de", "Five people died.", "Sechs Menschen starben."),
            ("es", "They met on Sunday.", "Se reunieron el sábado."),
            (
                "fr",
                "Prices rose in March.",
                "Les prix ont augmenté en avril.",
            ),
            ("es", "He swam 100 metres.", "Nadó 100 kilómetros."),
            ("fr", "Yesterday Macron spoke.", "Hier, Macaron a parlé."),
            ("de", "Yesterday Scholz spoke.", "Gestern sprach Scholl."),
            ("es", "Pavlo Kyrylenko spoke.", "Pablo Kyrylenko habló."),
            (
                "es",
                "Fernando Alonso led the race.",
                "Él lideró la carrera.",
            ),
            ("es", "The score was 1-0.", "El marcador fue 4-0."),
            (
                "es",
                "Senator Cristina Fernandez de Kirchner spoke.",
                "Habló la senadora de Kirchner.",
            ),
            (
                "es",
                "It aired on Saturday Night Live.",
                "Se emitió en Seturday Night Live.",
            ),
            (
                "de",
                "They met in September.",
                "Sie trafen sich im Siptember.",
            ),
        ] {
            assert!(
                errors(locale, source, target) >= 1,
                "{locale}: {source} → {target}"
            );
        }
    }

    /// Errors the recall benchmark missed once (tests/check_recall.rs), each beside the
    /// correct translation that must stay clean.
    #[test]
    fn look_alikes_hidden_by_another_form_are_errors() {
        for (locale, source, wrong, right) in [
            // The name found through its adjective, and written as a look-alike as well.
            (
                "de",
                "No damage was reported in Tonga, which prevented Tongan authorities from acting.",
                "Aus Tunga wurden keine Schäden gemeldet, was die tongaischen Behörden behinderte.",
                "Aus Tonga wurden keine Schäden gemeldet, was die tongaischen Behörden behinderte.",
            ),
            // The transliteration key folds "ou" and doubled letters: "Luuis" is not "Louis",
            // "Boudanov" is "Budanov".
            (
                "de",
                "It was a highlight of Louis Gates's special.",
                "Es war ein Höhepunkt von Luuis Gates' Spezial.",
                "Es war ein Höhepunkt von Louis Gates' Spezial.",
            ),
            // A citation after a bracket is a name, not a sentence's first word.
            (
                "de",
                "The team (Larson and LaFasto, 1989) is unique.",
                "Das Team (Lerson und LaFasto 1989) ist einzigartig.",
                "Das Team (Larson und LaFasto 1989) ist einzigartig.",
            ),
            // A given name dropped where the family name also names others.
            (
                "fr",
                "The accused are Baba Kanjar, Bhutha Kanjar and Gaza Kanjar.",
                "Les accusés sont Baba Kanjar, Kanjar et Gaza Kanjar.",
                "Les accusés sont Baba Kanjar, Bhutha Kanjar et Gaza Kanjar.",
            ),
            // A "km/h" that lost its "k" is another unit; "kph" is km/h.
            (
                "es",
                "It traveled at 800 kph before striking.",
                "Viajó a 800 m/h antes de golpear.",
                "Viajó a 800 km/h antes de golpear.",
            ),
        ] {
            assert!(
                errors(locale, source, wrong) >= 1,
                "{locale}: {source} → {wrong}"
            );
            assert_eq!(
                errors(locale, source, right),
                0,
                "{locale}: {source} → {right}: {:?}",
                findings(locale, source, right)
            );
        }
        // The name's own forms and a shortened person's name are no look-alikes or drops.
        for (locale, source, target) in [
            (
                "fr",
                "Trump made Berlin and Moscow partners; Moscow agreed.",
                "Trump a fait de Berlin et de Moscou des partenaires ; Moscou a accepté.",
            ),
            (
                "fr",
                "Prime Minister Theresa May arrives in Birmingham.",
                "May arrive à Birmingham.",
            ),
            (
                "es",
                "The Vinson Massif peaks at Mount Vinson.",
                "El Macizo de Vinson culmina en el monte Vinson.",
            ),
        ] {
            assert_eq!(
                errors(locale, source, target),
                0,
                "{locale}: {source} → {target}: {:?}",
                findings(locale, source, target)
            );
        }
    }

    #[test]
    fn a_title_case_headline_reports_no_missing_name() {
        let f = found(
            "es",
            "Killer Pig Mauls Chinese Farmer",
            "Un cerdo asesino ataca a un granjero chino",
        );
        assert!(f.is_empty(), "{f:?}");
        // The same words in a sentence: "Mauls" is looked for.
        assert!(!found("es", "He said that Mauls called.", "Dijo que llamó.").is_empty());
    }

    #[test]
    fn a_plain_text_line_that_grew_into_a_paragraph_is_no_structure_error() {
        use crate::format::{self, ReadOptions};
        let read = |s: &str| {
            format::parse(
                crate::format::PLAIN_TEXT,
                s.to_string(),
                &ReadOptions::default(),
            )
        };
        let source = read(
            "The expedition left Tokyo in the spring of that year, heading north.\n\nIwasaki ran into trouble.\n",
        );
        let target = read(
            "La expedición salió de Tokio en la primavera de ese año, rumbo al norte.\n\nIwasaki debió enfrentarse con numerosos problemas durante su largo viaje.\n",
        );
        let c = super::testing::checker("es");
        let structure = c
            .check_document(&source, &target, &[], true)
            .findings
            .into_iter()
            .filter(|f| f.rule == super::Rule::STRUCTURE)
            .count();
        assert_eq!(structure, 0);
    }

    #[test]
    fn either_decimal_mark_is_configurable_per_locale() {
        let config = super::CheckConfig {
            either_decimal: vec!["es".to_string()],
            ..Default::default()
        };
        let c = super::Checker::new("en", "es", None, config, Default::default());
        let (s, t) = (
            super::BlockText::plain("Inflation was 14.3 percent."),
            super::BlockText::plain("La inflación fue de 14.3 por ciento."),
        );
        let pair = super::BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        };
        assert!(c.check_block(&pair).0.is_empty());
    }

    #[test]
    fn a_foreign_decimal_point_is_a_warning_in_spain_and_right_in_mexico() {
        let spain = found(
            "es",
            "Inflation was 14.3 percent.",
            "La inflación fue de 14.3 por ciento.",
        );
        assert_eq!(spain.len(), 1, "{spain:?}");
        assert_eq!(
            errors(
                "es",
                "Inflation was 14.3 percent.",
                "La inflación fue de 14.3 por ciento."
            ),
            0
        );
        // "11,000" read in Spanish is eleven: an error everywhere.
        assert_eq!(errors("es", "11,000 soldiers", "11,000 soldados"), 1);
    }
}
