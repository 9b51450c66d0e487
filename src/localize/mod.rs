//! Localization of an engine's text: numbers, amounts, dates and times in the target's own
//! forms, and the safe fixes the checks know, applied before a file is written.
//!
//! Engines keep the source's forms ("11,000 a 12,000" reads as eleven in Spanish, "enero 13",
//! "$16 mil millones", "6-8 p.m.") or break them ("pistolade170 milímetros", "1.8 billones"
//! for 1.8 billion). verso rewrites the engine's output rather than protecting each entity
//! before translation: the memory keeps the engine's text as it was paid for (protection would
//! change every segment's key, so a memory filled before would be paid for again), the rules
//! can improve and apply to stored text without a new engine call, and the engine still sees
//! the whole sentence, which it needs to inflect and order the words around a number.
//!
//! Each kind of rewrite is one [`Rewrite`] in its own file, registered in [`rewrites`]; they
//! run in order over a block's text, each on the result of the one before. What is read
//! comes from [`crate::recognize`], the same recognizers the checks use, and the checks'
//! safe fixes run last ([`fixes`]), so a written file and its findings never disagree. Every
//! change is recorded ([`Change`]) for the report and the review page. Human translations
//! (reviewed, approved) are written as the reviewer left them.

mod amounts;
mod document;
mod edit;
mod fixes;
mod glued;
mod mangled_dates;
mod prepositions;
mod split_quantities;
mod terms;
mod times;
mod unit_forms;

use std::collections::HashMap;
use std::ops::Range;

use icu::plurals::PluralRules;
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::recognize::times::TimeLocale;
use crate::segment::Segment;

/// The shipped table of words around numbers, dates and times.
pub const TABLE: &str = include_str!("../../config/localize.toml");

/// What kind of change verso made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An amount with a scale or currency ("16.000 millones de dólares").
    Amount,
    /// A time of day or a range of times ("de 18:00 a 20:00").
    Time,
    /// A number the engine glued to a word ("pistola de 170 milímetros").
    Spacing,
    /// A quantity in the target's unit form ("155 milímetros" for "155-milímetro").
    Quantity,
    /// A date the engine broke ("Marcha 3, 2024").
    Date,
    /// The word before a date or time ("el 9 de enero").
    Preposition,
    /// A glossary term the engine left in the source language ("howitzers" → "obuses").
    Term,
    /// A safe fix of the checks: number form, date form, forbidden term.
    Fix,
}

impl Kind {
    /// The kind as the report and the review page write it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Amount => "amount",
            Kind::Time => "time",
            Kind::Spacing => "spacing",
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Preposition => "preposition",
            Kind::Term => "term",
            Kind::Fix => "fix",
        }
    }
}

/// One change of an engine's text, as the report and the review page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Block index (source document).
    pub block: usize,
    /// What kind of change.
    pub kind: Kind,
    /// The rule whose fix this is, for [`Kind::Fix`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The engine's text.
    pub engine: String,
    /// What verso wrote instead.
    pub written: String,
    /// Where it is in the block's display text as written (text pieces and names).
    #[serde(skip)]
    pub at: Range<usize>,
}

/// One replacement proposed by a rewrite, in the block's current text.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    /// Byte range in the target text.
    pub range: Range<usize>,
    /// What to write there.
    pub written: String,
    /// The rule, for fixes.
    pub rule: Option<String>,
}

/// Words of one language around numbers, dates and times (`config/localize.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Words {
    /// Between two times.
    pub time_range: Option<String>,
    /// The word an engine glues to a noun before a quantity.
    pub of: Option<String>,
    /// Before a date.
    pub on_date: Option<String>,
    /// What engines write before a date instead.
    pub engine_on: Vec<String>,
    /// Before a time.
    pub at_time: Option<String>,
    /// What engines write before a time instead.
    pub engine_at: Vec<String>,
    /// What engines make of "am" and "pm" when they translate them as words.
    pub engine_meridiem: Vec<String>,
}

/// Everything a rewrite reads for one block: its source, and what the language pair gives.
pub struct Context<'a> {
    /// The checker of the pair (recognizers, glossary, fixes).
    pub checker: &'a Checker,
    /// The source block's text.
    pub source: &'a str,
    /// The target's clock.
    pub clock: &'a TimeLocale,
    /// The target's plural rules.
    pub plurals: &'a PluralRules,
    /// The source language's words.
    pub source_words: &'a Words,
    /// The target language's words.
    pub target_words: &'a Words,
    /// Weekday names (CLDR, Monday first) of the source and the target.
    pub weekdays: &'a (Vec<String>, Vec<String>),
    /// The source block's dates, read once for all rewrites.
    source_dates: std::cell::OnceCell<Vec<crate::recognize::dates::DateToken>>,
}

impl Context<'_> {
    /// The dates of the source block.
    pub fn source_dates(&self) -> &[crate::recognize::dates::DateToken] {
        self.source_dates
            .get_or_init(|| self.checker.source_dates.scan(self.source))
    }
}

/// Whether a text has a digit: most rewrites have nothing to do without one, and a block
/// served from the memory should cost next to nothing.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// One kind of rewrite of an engine's text.
pub trait Rewrite: Send + Sync {
    /// The kind recorded for its changes.
    fn kind(&self) -> Kind;
    /// The replacements for one block: `target` is the engine's text (as changed by the
    /// rewrites before), `cx.source` the source block's. Ranges must not overlap.
    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit>;
}

/// The rewrites `settings` ask for, in the order they run: amounts and times before the
/// checks' fixes (a fix of "1.8" alone would leave "billones"), prepositions after them (they
/// look for the date as the target writes it).
fn rewrites(settings: Settings) -> Vec<Box<dyn Rewrite>> {
    let mut all: Vec<Box<dyn Rewrite>> = Vec::new();
    if settings.localize {
        all.push(Box::new(amounts::Amounts));
        all.push(Box::new(times::Times));
        all.push(Box::new(glued::Glued));
        all.push(Box::new(split_quantities::SplitQuantities));
        all.push(Box::new(unit_forms::UnitForms));
        all.push(Box::new(mangled_dates::MangledDates));
        all.push(Box::new(terms::Terms));
    }
    if settings.fix {
        all.push(Box::new(fixes::SafeFixes));
    }
    if settings.localize {
        all.push(Box::new(prepositions::Prepositions));
    }
    all
}

/// What `translate` does to the engine's text (`[translate] localize` and `fix`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Numbers, amounts, dates and times in the target's forms.
    pub localize: bool,
    /// The checks' safe fixes (forbidden terms, number and date forms).
    pub fix: bool,
}

/// Localizes the blocks of one language pair.
pub struct Localizer {
    clock: TimeLocale,
    plurals: Option<PluralRules>,
    source_words: Words,
    target_words: Words,
    weekdays: (Vec<String>, Vec<String>),
    rewrites: Vec<Box<dyn Rewrite>>,
}

impl Localizer {
    /// A localizer into `target` from `source`, doing what `settings` ask.
    pub fn new(source: &str, target: &str, settings: Settings) -> Localizer {
        let tables: HashMap<String, Words> = toml::from_str(TABLE).unwrap_or_default();
        let words = |tag: &str| {
            tables
                .get(tag)
                .or_else(|| tables.get(tag.split('-').next().unwrap_or(tag)))
                .cloned()
                .unwrap_or_default()
        };
        let plurals = icu::locale::Locale::try_from_str(target)
            .ok()
            .and_then(|l| PluralRules::try_new_cardinal((&l).into()).ok());
        Localizer {
            clock: TimeLocale::new(target),
            plurals,
            source_words: words(source),
            target_words: words(target),
            weekdays: (
                crate::recognize::dates::weekdays(source),
                crate::recognize::dates::weekdays(target),
            ),
            rewrites: rewrites(settings),
        }
    }

    /// What the rewrites of one block read (`None` without the target's plural rules: no
    /// CLDR data).
    fn context<'a>(&'a self, checker: &'a Checker, source: &'a str) -> Option<Context<'a>> {
        Some(Context {
            checker,
            source,
            clock: &self.clock,
            plurals: self.plurals.as_ref()?,
            source_words: &self.source_words,
            target_words: &self.target_words,
            weekdays: &self.weekdays,
            source_dates: std::cell::OnceCell::new(),
        })
    }

    /// Whether it changes anything at all.
    pub fn is_active(&self) -> bool {
        !self.rewrites.is_empty()
    }

    /// The engine's segment `target` (with its names) for source block `block` whose text is
    /// `source`, localized; and what was changed.
    pub fn localize(
        &self,
        checker: &Checker,
        block: usize,
        source: &str,
        target: &Segment,
        names: &[String],
    ) -> (Segment, Vec<Change>) {
        let Some(cx) = self.context(checker, source) else {
            return (target.clone(), Vec::new());
        };
        let mut segment = target.clone();
        let mut changes: Vec<Change> = Vec::new();
        for rewrite in &self.rewrites {
            let text = edit::display(&segment, names);
            let edits = rewrite.edits(&cx, &text);
            let applied = edit::apply(&mut segment, names, &text, edits);
            for change in &mut changes {
                change.at = edit::moved(&change.at, &applied);
            }
            let mut shift: isize = 0;
            for e in applied {
                let start = e.range.start.saturating_add_signed(shift);
                shift += e.written.len() as isize - e.range.len() as isize;
                changes.push(Change {
                    block,
                    kind: rewrite.kind(),
                    rule: e.rule,
                    engine: text[e.range].to_string(),
                    at: start..start + e.written.len(),
                    written: e.written,
                });
            }
        }
        (segment, changes)
    }
}

/// Whether `text[at..]` starts a word (nothing alphanumeric before it).
fn word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::checker;
    use crate::segment::Piece;

    fn run(target: &str, source: &str, text: &str) -> (String, Vec<Change>) {
        let l = Localizer::new(
            "en",
            target,
            Settings {
                localize: true,
                fix: true,
            },
        );
        let seg = Segment {
            pieces: vec![Piece::Text(text.to_string())],
        };
        let (out, changes) = l.localize(&checker(target), 0, source, &seg, &[]);
        (edit::display(&out, &[]), changes)
    }

    #[test]
    fn apertiums_spanish_is_written_in_spanish_forms() {
        let cases = [
            (
                "Russia moved between 11,000 and 12,000 soldiers on January 9.",
                "Rusia movió entre 11,000 y 12,000 soldados encima enero 9.",
                "Rusia movió entre 11.000 y 12.000 soldados el 9 de enero.",
            ),
            (
                "The bank lent $16 billion to the port.",
                "El banco dejó $16 mil millones al puerto.",
                "El banco dejó 16.000 millones de dólares al puerto.",
            ),
            (
                "Exports fell 14.3% to £1.8bn.",
                "Las exportaciones cayeron 14.3% a 1.8 billones de libras.",
                "Las exportaciones cayeron 14,3% a 1800 millones de libras.",
            ),
            (
                "The hearing runs from 6-8 p.m.",
                "Las carreras de oído de 6-8 p.m.",
                "Las carreras de oído de 18:00 a 20:00.",
            ),
            (
                "A single 170-millimetre gun fired.",
                "Un solo pistolade170 milímetros disparó.",
                "Un solo pistola de 170 milímetros disparó.",
            ),
            (
                "Units rely on 155-millimetre howitzers.",
                "Las unidades confían en 155-milímetro howitzers.",
                "Las unidades confían en 155 milímetros obuses.",
            ),
            (
                "A howitzer fired while two howitzers waited.",
                "Un howitzer disparó mientras dos howitzers esperaron.",
                "Un obús disparó mientras dos obuses esperaron.",
            ),
            (
                "A three-day strike ended on Friday, February 14, from 9 a.m. to 11:30 p.m.",
                "Una huelgadetres días terminó el viernes, 14 de febrero, de 9 a.m. a 11:30 p.m.",
                "Una huelga de tres días terminó el viernes, 14 de febrero, de 09:00 a 23:30.",
            ),
            (
                "Members accepted a rise from March 1, worth more, and demand peaked on Tuesday.",
                "Los miembros aceptaron un aumento de Marcha 1, valor más, y la demanda alcanzó encima martes.",
                "Los miembros aceptaron un aumento de 1 de marzo, valor más, y la demanda alcanzó el martes.",
            ),
            (
                "Parents of a 14-year-old who died.",
                "Padres de un niñode14años quién murió.",
                "Padres de un niño de 14 años quién murió.",
            ),
            (
                "Hindus are almost 80% of the nearly 1.4 billion people.",
                "Hindus comprende casi 80% del casi 1.4 miles de millones personas.",
                "Hindus comprende casi 80% del casi 1400 millones personas.",
            ),
            (
                "Sessions on Saturday at 11am, noon and 2pm.",
                "Sesiones el sábado en 11 soy, mediodía y 2*pm.",
                "Sesiones el sábado a las 11:00, mediodía y 14:00.",
            ),
            (
                "Call Monday through Friday, 10 a.m.-10 p.m. ET, at the number.",
                "Llama lunes a viernes, 10 a.m.-10 p.m. ET, en el número.",
                "Llama lunes a viernes, 10:00 a 22:00 ET, en el número.",
            ),
            (
                "The brigade moved fuel on March 3, 2024.",
                "La brigada movió combustible encima Marcha 3, 2024.",
                "La brigada movió combustible el 3 de marzo de 2024.",
            ),
            (
                "By Marta Lindqvist, March 14, 2026",
                "Por Marta Lindqvist, March 14, 2026",
                "Por Marta Lindqvist, 14 de marzo de 2026",
            ),
            (
                "Analysts expect the pressure to last until at least March 3.",
                "Los analistas esperan la presión para durar hasta que al menos Marcha 3.",
                "Los analistas esperan la presión para durar hasta que al menos 3 de marzo.",
            ),
            (
                "Up to 260 trains a day can use the 57 km tunnel again.",
                "Hasta 260 trenes un día puede utilizar el 57 túnel de km otra vez.",
                "Hasta 260 trenes un día puede utilizar el túnel de 57 km otra vez.",
            ),
            (
                "The repair cost 150 million Swiss francs.",
                "El coste de reparación 150 millones suizo francs.",
                "El coste de reparación 150 millones suizo francs.",
            ),
            (
                "They arrived at 10:30 a.m.",
                "Llegaron en 10:30 a.m.",
                "Llegaron a las 10:30.",
            ),
        ];
        for (source, engine, expected) in cases {
            let (written, changes) = run("es", source, engine);
            assert_eq!(written, expected, "{changes:#?}");
            for c in &changes {
                assert_eq!(written.get(c.at.clone()), Some(c.written.as_str()), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        /// Any text, however odd, is localized without a panic, and a text with nothing to
        /// change comes back as it was.
        #[test]
        fn any_text_is_localized_without_a_panic(
            source in "[0-9a-zá€$£.,: \u{a0}-]{0,40}(p\\.m\\.|bn|m| million| de|é|ñ){0,3}[0-9 .,]{0,8}",
            target in "[0-9a-zá€$£.,: \u{a0}-]{0,40}(p\\.m\\.|mil millones| de|é|ñ|%){0,3}[0-9 .,]{0,8}",
        ) {
            for tag in ["es", "de", "fr"] {
                let (written, changes) = run(tag, &source, &target);
                if changes.is_empty() {
                    proptest::prop_assert_eq!(&written, &target);
                }
            }
        }
    }

    #[test]
    fn a_term_the_glossary_cannot_inflect_is_left_and_one_translated_is_kept() {
        // "obusier" has no plural in the test glossary: the French word stays for the checks.
        let (written, _) = run("fr", "Two howitzers fired.", "Deux howitzers ont tiré.");
        assert_eq!(written, "Deux howitzers ont tiré.");
        // A scale word verso cannot read is the engine's: the amount is left whole.
        let (written, _) = run("es", "It cost $16 billion.", "Costó $16 ƀîļļîöñ.");
        assert_eq!(written, "Costó $16 ƀîļļîöñ.");
        let (written, changes) = run("es", "A howitzer fired.", "Un obús disparó.");
        assert_eq!(written, "Un obús disparó.");
        assert!(changes.is_empty());
    }

    #[test]
    fn settings_choose_the_rewrites() {
        let seg = |t: &str| Segment {
            pieces: vec![Piece::Text(t.to_string())],
        };
        let (source, engine) = (
            "It cost $16 billion on January 9.",
            "Costó $16 mil millones encima enero 9.",
        );
        let written = |localize: bool, fix: bool| {
            let l = Localizer::new("en", "es", Settings { localize, fix });
            let (out, _) = l.localize(&checker("es"), 0, source, &seg(engine), &[]);
            edit::display(&out, &[])
        };
        // Only the checks' fixes (`[translate] localize = false`, `fix = "safe"`).
        assert_eq!(
            written(false, true),
            "Costó $16 mil millones encima 9 de enero."
        );
        // Localization without the fixes (`fix = "none"`).
        assert_eq!(
            written(true, false),
            "Costó 16.000 millones de dólares el enero 9."
        );
        assert_eq!(written(false, false), engine);
        assert!(
            !Localizer::new(
                "en",
                "es",
                Settings {
                    localize: false,
                    fix: false
                }
            )
            .is_active()
        );
    }

    #[test]
    fn what_is_already_right_is_left_alone() {
        let (written, changes) = run(
            "es",
            "Russia moved 11,000 soldiers and $16 billion on January 9 at 6 p.m.",
            "Rusia movió 11.000 soldados y 16.000 millones de dólares el 9 de enero a las 18:00.",
        );
        assert!(changes.is_empty(), "{changes:#?}");
        assert!(written.starts_with("Rusia movió 11.000"));
    }
}
