//! Glossaries: concepts with per-locale terms, read from and written to several formats.
//!
//! The model is concept-oriented, like TBX: a [`Concept`] (say, the person Kyrylo Budanov) has
//! per locale one preferred term, admitted variants (short forms, acronyms) and forbidden
//! terms (Budanov in German, where Budanow is right). Names — persons, organizations, places,
//! brands, publications — are protected during translation; `term` concepts inflect and are
//! left to the engine and the checks.
//!
//! Files: the native TOML ([`native`]), TBX v3 and v2 ([`tbx`]), CSV and TSV ([`csv`]); any of
//! them is read by [`load`]. Several files can be layered: a later file wins per concept id,
//! and each override is reported ([`Glossary::layer`]).

pub mod csv;
mod forms;
pub mod lint;
pub mod native;
pub mod suggest;
pub mod tbx;

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{Localized, Message};
use crate::msg;

/// What a concept is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An organization, agency, company, party, army unit.
    Organization,
    /// A place.
    Place,
    /// A brand or product.
    Brand,
    /// A newspaper, broadcaster, site, agency.
    Publication,
    /// A proper name of no known kind (TBX `properNoun` without more).
    Name,
    /// A unit of measure.
    Unit,
    /// A common term, which inflects and is translated by the engine.
    Term,
}

impl Kind {
    /// All kinds, in the order they are documented.
    pub const ALL: [Kind; 8] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Brand,
        Kind::Publication,
        Kind::Name,
        Kind::Unit,
        Kind::Term,
    ];

    /// The name as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Brand => "brand",
            Kind::Publication => "publication",
            Kind::Name => "name",
            Kind::Unit => "unit",
            Kind::Term => "term",
        }
    }

    /// Parses a kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether this is a proper name (protected and substituted during translation).
    pub fn is_name(self) -> bool {
        !matches!(self, Kind::Unit | Kind::Term)
    }
}

/// The status of a term in its locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The form to write.
    Preferred,
    /// Acceptable variants (short forms, acronyms).
    Admitted,
    /// Forms that must not appear.
    Forbidden,
}

/// How a term relates to the concept's full name (TBX `termType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TermType {
    /// The complete form.
    FullForm,
    /// A shortened form ("Budanov" for "Kyrylo Budanov").
    ShortForm,
    /// An acronym ("ISW").
    Acronym,
    /// An abbreviation ("Col.").
    Abbreviation,
    /// Another variant (spelling, transliteration).
    Variant,
}

impl TermType {
    /// The TBX name.
    pub fn as_str(self) -> &'static str {
        match self {
            TermType::FullForm => "fullForm",
            TermType::ShortForm => "shortForm",
            TermType::Acronym => "acronym",
            TermType::Abbreviation => "abbreviation",
            TermType::Variant => "variant",
        }
    }

    /// Parses a TBX name (case-insensitive, so `fullform` and `full-form` are accepted too).
    pub fn parse(s: &str) -> Option<TermType> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match key.as_str() {
            "fullform" => Some(TermType::FullForm),
            "shortform" => Some(TermType::ShortForm),
            "acronym" => Some(TermType::Acronym),
            "abbreviation" | "abbreviatedform" => Some(TermType::Abbreviation),
            "variant" => Some(TermType::Variant),
            _ => None,
        }
    }
}

/// One term of a concept in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The written form.
    pub text: String,
    /// Full form, short form, acronym…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_type: Option<TermType>,
    /// TBX part of speech (`noun`, `properNoun`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of_speech: Option<String>,
    /// A note on this term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was read (1-based line; 0 when not from a file).
    #[serde(skip)]
    pub line: usize,
}

impl Term {
    /// A plain term.
    pub fn new(text: impl Into<String>) -> Term {
        Term {
            text: text.into(),
            term_type: None,
            part_of_speech: None,
            note: None,
            line: 0,
        }
    }
}

/// The terms of a concept in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LocaleTerms {
    /// The form to write.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Term>,
    /// Acceptable variants.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub admitted: Vec<Term>,
    /// Forms that must not appear.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forbidden: Vec<Term>,
    /// Line of the locale's table (0 when not from a file).
    #[serde(skip)]
    pub line: usize,
}

impl LocaleTerms {
    /// Every term with its status, preferred first.
    pub fn all(&self) -> impl Iterator<Item = (Status, &Term)> {
        self.preferred
            .iter()
            .map(|t| (Status::Preferred, t))
            .chain(self.admitted.iter().map(|t| (Status::Admitted, t)))
            .chain(self.forbidden.iter().map(|t| (Status::Forbidden, t)))
    }
}

/// One concept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concept {
    /// Stable id, unique in a glossary (the TOML table name).
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// A note for translators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Words that must appear near a match for it to count (tells homonyms apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// Every locale keeps the source form unless it lists its own.
    pub do_not_translate: bool,
    /// Matched with case (brands such as "blue News").
    pub case_sensitive: bool,
    /// Terms by BCP 47 locale tag.
    pub terms: BTreeMap<String, LocaleTerms>,
    /// Where it was read.
    #[serde(skip)]
    pub origin: Origin,
}

/// Where a concept was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file.
    pub file: PathBuf,
    /// 1-based line of the concept (0 when not from a file).
    pub line: usize,
}

impl Concept {
    /// An empty concept of a kind.
    pub fn new(id: impl Into<String>, kind: Kind) -> Concept {
        Concept {
            id: id.into(),
            kind,
            note: None,
            context: Vec::new(),
            do_not_translate: false,
            case_sensitive: false,
            terms: BTreeMap::new(),
            origin: Origin::default(),
        }
    }

    /// The part of speech a term has when it gives none: what the concept's kind implies.
    pub fn implied_pos(&self) -> &'static str {
        if self.kind.is_name() {
            "properNoun"
        } else {
            "noun"
        }
    }

    /// Drops parts of speech that only repeat [`Concept::implied_pos`], so that every reader
    /// produces the same model for the same information.
    pub fn normalize_pos(&mut self) {
        let implied = self.implied_pos();
        for terms in self.terms.values_mut() {
            for t in terms
                .preferred
                .iter_mut()
                .chain(terms.admitted.iter_mut())
                .chain(terms.forbidden.iter_mut())
            {
                if t.part_of_speech.as_deref() == Some(implied) {
                    t.part_of_speech = None;
                }
            }
        }
    }

    /// The terms of a locale: exact tag first, then its language (`de-CH` falls back to `de`).
    pub fn locale(&self, tag: &str) -> Option<&LocaleTerms> {
        self.terms.get(tag).or_else(|| {
            let language = tag.split('-').next()?;
            self.terms.get(language)
        })
    }

    /// The form to write in `target`, translating from `source`: the target's preferred term,
    /// or for a do-not-translate concept the source's preferred term.
    pub fn target_form(&self, source: &str, target: &str) -> Option<&str> {
        if let Some(t) = self.locale(target).and_then(|l| l.preferred.as_ref()) {
            return Some(&t.text);
        }
        if self.do_not_translate {
            return self
                .locale(source)
                .and_then(|l| l.preferred.as_ref())
                .map(|t| t.text.as_str());
        }
        None
    }
}

impl Glossary {
    /// The glossary without where its concepts and terms were read (files and lines), to
    /// compare the content of glossaries read from different files or formats.
    pub fn without_positions(&self) -> Glossary {
        let mut g = self.clone();
        for c in &mut g.concepts {
            c.origin = Origin::default();
            for t in c.terms.values_mut() {
                t.line = 0;
                for term in t
                    .preferred
                    .iter_mut()
                    .chain(t.admitted.iter_mut())
                    .chain(t.forbidden.iter_mut())
                {
                    term.line = 0;
                }
            }
        }
        g
    }
}

/// A reader's reason, in the UI language.
pub(crate) fn reason(message: crate::i18n::Message) -> String {
    crate::i18n::render(&message)
}

/// A set of concepts, ordered as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The concepts; ids are unique.
    pub concepts: Vec<Concept>,
}

/// A concept of an earlier file replaced by a later one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The concept id.
    pub id: String,
    /// Where it was first.
    pub replaced: Origin,
    /// Where it is now from.
    pub by: Origin,
}

impl Glossary {
    /// The concept with this id.
    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// Adds or replaces a concept by id; returns the replaced one.
    pub fn upsert(&mut self, concept: Concept) -> Option<Concept> {
        match self.concepts.iter_mut().find(|c| c.id == concept.id) {
            Some(slot) => Some(std::mem::replace(slot, concept)),
            None => {
                self.concepts.push(concept);
                None
            }
        }
    }

    /// Layers `later` over `self`: a later concept replaces an earlier one with the same id.
    /// Ids are looked up in an index made once, so layering costs linear time (a glossary of
    /// 100,000 concepts read as one layer took minutes when each concept searched the others).
    pub fn layer(&mut self, later: Glossary) -> Vec<Override> {
        let mut overrides = Vec::new();
        let mut by_id = ById::new(std::mem::take(&mut self.concepts));
        for concept in later.concepts {
            if let Some((old, new)) = by_id.put(concept) {
                overrides.push(Override {
                    id: old.id,
                    replaced: old.origin,
                    by: new.origin.clone(),
                });
            }
        }
        self.concepts = by_id.into_concepts();
        overrides
    }

    /// Every locale tag used.
    pub fn locales(&self) -> Vec<String> {
        let mut tags: Vec<String> = self
            .concepts
            .iter()
            .flat_map(|c| c.terms.keys().cloned())
            .collect();
        tags.sort();
        tags.dedup();
        tags
    }
}

/// Concepts in the order first seen, a later concept with the same id taking the earlier's
/// place. Ids are looked up in a hash index, so putting n concepts costs linear time (a
/// glossary of 100,000 concepts read as one layer took minutes when each concept searched
/// the others). Used to layer glossaries and to read a CSV file's rows.
#[derive(Debug, Default)]
pub(crate) struct ById {
    concepts: Vec<Concept>,
    index: HashMap<String, usize>,
}

impl ById {
    /// Starts from concepts whose ids are already distinct.
    pub(crate) fn new(concepts: Vec<Concept>) -> ById {
        let index = concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        ById { concepts, index }
    }

    /// Whether a concept has this id.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Adds a concept, or puts it in the place of the one with its id: then the replaced
    /// concept and the one now in its place.
    pub(crate) fn put(&mut self, concept: Concept) -> Option<(Concept, &Concept)> {
        match self.index.get(&concept.id) {
            Some(&i) => {
                let old = std::mem::replace(&mut self.concepts[i], concept);
                Some((old, &self.concepts[i]))
            }
            None => {
                self.index.insert(concept.id.clone(), self.concepts.len());
                self.concepts.push(concept);
                None
            }
        }
    }

    /// The concepts, in order.
    pub(crate) fn into_concepts(self) -> Vec<Concept> {
        self.concepts
    }
}

/// A glossary file that cannot be used.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub struct GlossaryError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// What is wrong and what to do.
    pub reason: String,
}

impl GlossaryError {
    /// An error at a line of a file.
    pub fn at(path: &Path, line: usize, reason: impl Into<String>) -> GlossaryError {
        GlossaryError {
            path: path.to_path_buf(),
            line,
            reason: reason.into(),
        }
    }
}

impl Localized for GlossaryError {
    fn message(&self) -> Message {
        msg!(
            "glossary-error",
            path = &self.path,
            line = self.line,
            reason = &self.reason
        )
    }
}

/// The file formats glossaries are exchanged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// verso's TOML.
    Toml,
    /// TBX v3 (ISO 30042:2019), DCA style, TBX-Basic.
    Tbx,
    /// TBX v2 (`martif`).
    Tbx2,
    /// Comma-separated.
    Csv,
    /// Tab-separated.
    Tsv,
}

impl FileFormat {
    /// The format a file is read as, from its extension (TBX version from its content).
    pub fn of(path: &Path) -> Option<FileFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(FileFormat::Toml),
            "tbx" | "xml" => Some(FileFormat::Tbx),
            "csv" => Some(FileFormat::Csv),
            "tsv" | "tab" => Some(FileFormat::Tsv),
            _ => None,
        }
    }

    /// Parses a `--format` name.
    pub fn parse(s: &str) -> Option<FileFormat> {
        match s {
            "toml" => Some(FileFormat::Toml),
            "tbx" | "tbx3" => Some(FileFormat::Tbx),
            "tbx2" | "martif" => Some(FileFormat::Tbx2),
            "csv" => Some(FileFormat::Csv),
            "tsv" => Some(FileFormat::Tsv),
            _ => None,
        }
    }
}

/// Options for reading files that do not say everything themselves (two-column CSV has no
/// language header; CSV has no kinds).
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// The languages of a two-column file without header.
    pub pair: Option<(String, String)>,
    /// The kind of concepts from files that carry none.
    pub default_kind: Kind,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            pair: None,
            default_kind: Kind::Term,
        }
    }
}

/// Reads a glossary file of any supported format.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Glossary, GlossaryError> {
    let bytes =
        crate::reading::bytes(path).map_err(|e| GlossaryError::at(path, 0, e.to_string()))?;
    let format = FileFormat::of(path).ok_or_else(|| {
        GlossaryError::at(
            path,
            0,
            crate::i18n::render(&msg!("glossary-unknown-format")),
        )
    })?;
    match format {
        FileFormat::Toml => {
            let text =
                String::from_utf8(bytes).map_err(|e| GlossaryError::at(path, 0, e.to_string()))?;
            native::parse(&text, path)
        }
        FileFormat::Tbx | FileFormat::Tbx2 => tbx::parse(&bytes, path, options),
        FileFormat::Csv => csv::parse(&bytes, path, b',', options),
        FileFormat::Tsv => csv::parse(&bytes, path, b'\t', options),
    }
}

/// Reads several files, later ones layered over earlier ones.
pub fn load_layered(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<(Glossary, Vec<Override>), GlossaryError> {
    let mut glossary = Glossary::default();
    let mut overrides = Vec::new();
    for path in paths {
        overrides.extend(glossary.layer(load(path, options)?));
    }
    Ok((glossary, overrides))
}

/// Writes a glossary in a format.
pub fn write(glossary: &Glossary, format: FileFormat, source_lang: &str) -> Vec<u8> {
    match format {
        FileFormat::Toml => native::write(glossary).into_bytes(),
        FileFormat::Tbx => tbx::write_v3(glossary, source_lang).into_bytes(),
        FileFormat::Tbx2 => tbx::write_v2(glossary, source_lang).into_bytes(),
        FileFormat::Csv => csv::write(glossary, b',').into_bytes(),
        FileFormat::Tsv => csv::write(glossary, b'\t').into_bytes(),
    }
}

/// Whether `text` is written in capitals: two letters or more, all upper case ("SEOUL", "ISW").
pub fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let mut n = 0;
    let all = letters.all(|c| {
        n += 1;
        c.is_uppercase()
    });
    all && n > 1
}

/// The target form in the source's case style: a name written in capitals in the source (a
/// dateline: "SEOUL, 24.1.2025") is written in capitals in the target ("SEÚL").
pub fn with_case_of(form: &str, source: &str) -> String {
    let all_caps = is_all_caps(source);
    let form_caps = form
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if all_caps && !form_caps {
        form.to_uppercase()
    } else {
        form.to_string()
    }
}

/// A concept id from a term: lowercase letters and digits joined by `-` ("Radio Free Asia" →
/// `radio-free-asia`), unique in `taken`.
pub fn make_id(term: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in term.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-').to_string();
    let base = if base.is_empty() {
        "concept".to_string()
    } else {
        base
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str, file: &str) -> Concept {
        let mut c = Concept::new(id, Kind::Person);
        c.origin = Origin {
            file: PathBuf::from(file),
            line: 1,
        };
        c
    }

    #[test]
    fn later_files_win_per_concept_and_overrides_are_reported() {
        let mut house = Glossary::default();
        house.upsert(concept("budanov", "house.toml"));
        house.upsert(concept("kim", "house.toml"));
        let mut desk = Glossary::default();
        desk.upsert(concept("budanov", "desk.toml"));
        let overrides = house.layer(desk);
        assert_eq!(overrides.len(), 1);
        assert_eq!(overrides[0].replaced.file, PathBuf::from("house.toml"));
        assert_eq!(
            house.get("budanov").map(|c| c.origin.file.clone()),
            Some("desk.toml".into())
        );
        assert_eq!(house.concepts.len(), 2);
    }

    #[test]
    fn target_form_falls_back_to_language_and_to_source_for_dnt() {
        let mut c = Concept::new("rfa", Kind::Publication);
        c.do_not_translate = true;
        c.terms.entry("en".into()).or_default().preferred = Some(Term::new("Radio Free Asia"));
        assert_eq!(c.target_form("en", "es"), Some("Radio Free Asia"));
        let mut b = Concept::new("budanov", Kind::Person);
        b.terms.entry("de".into()).or_default().preferred = Some(Term::new("Budanow"));
        assert_eq!(b.target_form("en", "de-CH"), Some("Budanow"));
        assert_eq!(b.target_form("en", "fr"), None);
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let taken = |id: &str| id == "radio-free-asia";
        assert_eq!(make_id("Radio Free Asia", &taken), "radio-free-asia-2");
        assert_eq!(make_id("Kim Yo-jong", &|_| false), "kim-yo-jong");
        assert_eq!(make_id("«»", &|_| false), "concept");
    }
}
