//! `name-missing`: proper names the glossary does not know, looked for in the target.
//!
//! Names are found the way `glossary suggest` finds them (capitalized words and sequences,
//! acronyms; titles, sentence-initial ordinary words and CLDR month and weekday names left out).
//! A name is recognizable in the target when one of its significant words is there, accents
//! and case aside, allowing the small differences of transliteration ("Hrytsenko" and
//! "Hryzenko" are one name; "Park" and "Parque" are not). A name found in no form is a
//! warning; the batch rule then compares how each name was rendered across files.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::exonyms::{self, Exonyms};
use super::{BlockPair, Checker, Finding, Rule, Span, batch::BlockFacts};
use crate::glossary::suggest::Heuristics;
use crate::msg;
use crate::report::Severity;

impl Rule {
    /// A name not in the glossary has no recognizable form in the target.
    pub const NAME_MISSING: Rule = Rule::new("name-missing");
}

/// What the whole batch says about words: which occur in lower case (ordinary words), and
/// which occur capitalized inside a sentence (names). A single word that opens a sentence is a
/// name only on such evidence: "Wheat made up 60%" is not about a person called Wheat.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Words seen in lower case.
    pub lowercase: HashSet<String>,
    /// Words seen capitalized inside a sentence.
    pub capitalized_inside: HashSet<String>,
}

impl Evidence {
    /// Collects the evidence of texts (the source blocks of a batch).
    pub fn collect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Evidence {
        let mut e = Evidence::default();
        for text in texts {
            let words = word_spans(text);
            for (i, &(s, end)) in words.iter().enumerate() {
                let w = &text[s..end];
                if w.chars().next().is_some_and(char::is_lowercase) {
                    e.lowercase.insert(w.to_string());
                } else if i > 0 && !text[words[i - 1].1..s].contains(SENTENCE_MARKS) {
                    e.capitalized_inside.insert(w.to_string());
                }
            }
        }
        e
    }
}

/// Characters after which a word opens a sentence (or a list item, a quote, a heading).
const SENTENCE_MARKS: [char; 12] = ['.', '!', '?', ':', '—', '–', '"', '“', '«', '(', '•', ';'];

/// Finds names in source text.
pub struct NameFinder {
    heuristics: Heuristics,
    calendar: HashSet<String>,
    evidence: Evidence,
    /// Words the source language writes in lower case (`config/common-words/`).
    common: HashSet<&'static str>,
}

/// The source languages with a list of common words.
const COMMON_WORDS: [(&str, &str); 1] = [("en", include_str!("../../config/common-words/en.txt"))];

/// Letters of a word without accents and case ("Budánov" → "budanov").
fn fold(word: &str) -> String {
    use icu::normalizer::DecomposingNormalizerBorrowed;
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(word);
    // Letters NFD does not take apart: "Bjørn" is "Bjorn", "Łódź" is "Lodz".
    nfd.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .flat_map(|c| {
            let plain = match c {
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ı' => "i",
                _ => "",
            };
            if plain.is_empty() {
                vec![c]
            } else {
                plain.chars().collect()
            }
        })
        .collect()
}

/// A phrase folded word by word, words joined by one space ("Nueva  Escocia" → "nueva escocia",
/// "Nouvelle-Zélande" → "nouvelle zelande").
pub fn fold_phrase(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Levenshtein distance over chars (the calendar rule tells misspelled names of days with it
/// too).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

impl NameFinder {
    /// A finder for a source language, given what the batch says about its words.
    pub fn new(source: &str, evidence: Evidence) -> NameFinder {
        let language = source.split('-').next().unwrap_or(source);
        NameFinder {
            heuristics: Heuristics::builtin(language),
            calendar: crate::locale::calendar_words(source).into_iter().collect(),
            evidence,
            common: COMMON_WORDS
                .iter()
                .filter(|(l, _)| *l == language)
                .flat_map(|(_, words)| words.lines())
                .collect(),
        }
    }

    /// Whether the language writes the word in lower case, itself or with a noun ending
    /// ("romanticism", "westerners"). Not plurals: "James", "Morales" and "Woods" are names
    /// whatever "jam", "morale" and "wood" are.
    fn is_common(&self, lower: &str) -> bool {
        let known = |w: &str| self.common.contains(w) || self.evidence.lowercase.contains(w);
        let derived = ["isms", "ism", "ists", "ist", "erners", "erner"]
            .iter()
            .filter_map(|e| lower.strip_suffix(e))
            .filter(|stem| stem.chars().count() >= 4)
            .any(&known);
        known(lower) || derived
    }

    /// What a name's word asks of the target: nothing if the language writes it in lower case
    /// (in the common-word list, or in this batch), a known form if CLDR or the exonym table
    /// has one, else itself.
    fn classify(&self, word: &str, exonyms: &Exonyms) -> Part {
        let lower = word.to_lowercase();
        let acronym = is_acronym(word);
        let title = self.heuristics.titles.contains(word);
        if !acronym && (title || self.is_common(&lower) || self.calendar.contains(word)) {
            return Part::Common;
        }
        match exonyms.forms(&fold(word)) {
            Some((forms, source)) => Part::Known(forms.to_vec(), source),
            None => Part::Proper,
        }
    }

    /// Names in `text`: byte ranges of capitalized words and sequences that are names.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let words = word_spans(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (s, e) = words[i];
            let w = &text[s..e];
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital || w.chars().all(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < words.len()
                && &text[words[j].1..words[j + 1].0] == " "
                && text[words[j + 1].0..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                j += 1;
            }
            let sentence_start = i == 0 || text[words[i - 1].1..s].contains(SENTENCE_MARKS);
            let mut first = i;
            while first <= j
                && (self
                    .heuristics
                    .titles
                    .contains(&text[words[first].0..words[first].1])
                    || (first == i
                        && sentence_start
                        && (self
                            .heuristics
                            .stopwords
                            .contains(&text[words[first].0..words[first].1])
                            || self
                                .evidence
                                .lowercase
                                .contains(&text[words[first].0..words[first].1].to_lowercase()))))
            {
                first += 1;
            }
            if first <= j {
                let token = &text[words[first].0..words[j].1];
                let single = first == j;
                // After an opening bracket comes a citation or an aside as often as a sentence:
                // "(Larson and LaFasto, 1989)".
                let after_bracket = i > 0 && text[words[i - 1].1..s].ends_with('(');
                let opens_sentence = first == i && sentence_start && !after_bracket;
                let ordinary = single
                    && (self.calendar.contains(token)
                        || self.heuristics.stopwords.contains(token)
                        || token.chars().count() < 2
                        || (opens_sentence && !self.evidence.capitalized_inside.contains(token)));
                if !ordinary {
                    out.push(words[first].0..words[j].1);
                }
            }
            i = j + 1;
        }
        out
    }
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inner = c.is_alphanumeric() || c == '-';
        match (start, inner) {
            (None, true) if c.is_alphanumeric() => start = Some(i),
            (Some(s), false) => {
                out.push((s, trim_end(text, s, i)));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, trim_end(text, s, text.len())));
    }
    out
}

fn trim_end(text: &str, s: usize, e: usize) -> usize {
    s + text[s..e].trim_end_matches('-').len()
}

/// Target words looked at on each side of a name's place in a very long block.
const WORD_WINDOW: usize = 1024;

/// Target words looked at on each side for a look-alike of a name found as written.
const TWIN_WINDOW: usize = 96;

/// A name's word, and what the target must show of it.
enum Part {
    /// An ordinary word of the source language ("Report", "Queen"): translators translate it.
    Common,
    /// A word with known target forms (CLDR, the exonym table), and whether the word is the
    /// listed name itself or derived from it.
    Known(Vec<String>, exonyms::Source),
    /// A name the target keeps, in some transliteration.
    Proper,
}

/// Where a name's word was seen in the target.
enum Seen {
    /// In a form the rules accept; (the name's word, its rendering) when it is the word
    /// itself, for the batch rule: each word is compared with its own renderings elsewhere.
    Found(Option<(String, String)>),
    /// Not there, but a different word that looks like it is ("Macron", "Macaron").
    Similar(Range<usize>),
    /// Not there; `full` for a full name (two words or more the target keeps, "Fernando
    /// Alonso"), whose loss is an error: a reviewer must see a person dropped.
    Absent { full: bool },
}

/// Runs the rule. `known` are source spans the glossary covers.
pub fn check(
    c: &Checker,
    pair: &BlockPair,
    known: &[Range<usize>],
    findings: &mut Vec<Finding>,
    facts: &mut BlockFacts,
) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let known = super::bounded::Covered::new(known);
    let names: Vec<Range<usize>> = c
        .names
        .find(src)
        .into_iter()
        .filter(|n| !known.overlaps(n))
        .collect();
    // Most blocks name nobody: the target's words are read only for those that do.
    if names.is_empty() {
        return;
    }
    let words = TargetWords::of(tgt);
    let mut source_words: HashMap<String, usize> = HashMap::new();
    for (s, e) in word_spans(src) {
        for part in src[s..e].split('-') {
            *source_words.entry(fold(part)).or_default() += 1;
        }
    }
    let title_case = is_title_case(src);
    for name in names {
        // The target's words around the same relative place (all of them in a paragraph of
        // ordinary length), so a block of megabytes costs linear time.
        let near = words.near(name.start, src.len(), tgt.len());
        let text = &src[name.clone()];
        let seen = match listed_forms(c, src, &name) {
            Some(forms) => seen_known(forms, &near, text, tgt, &source_words),
            None => seen_parts(c, text, &near, tgt, &source_words),
        };
        let Some(seen) = seen else { continue };
        let (severity, target, message) = match seen {
            Seen::Found(rendering) => {
                facts.names.extend(rendering);
                continue;
            }
            Seen::Similar(range) => (
                Severity::Error,
                Some(Span::of(tgt, range.clone())),
                msg!("check-name-similar", source = text, target = &tgt[range]),
            ),
            Seen::Absent { full: false } if title_case => continue,
            Seen::Absent { full } => (
                if full {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                None,
                msg!("check-name-missing", source = text),
            ),
        };
        findings.push(Finding {
            rule: if target.is_some() {
                Rule::NAME_ALTERED
            } else {
                Rule::NAME_MISSING
            },
            severity,
            block: pair.index,
            source: Some(Span::of(src, name.clone())),
            target,
            message,
            fix: None,
        });
    }
}

/// A Title Case headline ("Killer Pig Mauls Chinese Farmer") capitalizes ordinary words: a
/// look-alike is still an error there, a word not found is no finding.
fn is_title_case(src: &str) -> bool {
    let words: Vec<&str> = src
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let sentence = src.trim_end().ends_with(['.', '!', '?']);
    (4..=20).contains(&words.len())
        && capitalized * 4 >= words.len() * 3
        && (!sentence || words.len() >= 5)
}

/// The target forms of a name listed whole in CLDR or the exonym table: the name itself
/// ("Sweden"), with the sentence's opening word the finder left out ("New" of "New
/// Zealand"), or after an ordinary word or a title ("Queen Marie Antoinette"). An ordinary
/// word alone ("World", "Turkey" the bird) is not looked up.
fn listed_forms<'c>(c: &'c Checker, src: &str, name: &Range<usize>) -> Option<&'c [String]> {
    let text = &src[name.clone()];
    let listed = |phrase: &str| {
        c.exonyms
            .forms(&fold_phrase(phrase))
            .filter(|(_, s)| *s == exonyms::Source::Listed)
            .map(|(f, _)| f)
    };
    let with_previous = || {
        let previous = src[..name.start]
            .strip_suffix(' ')?
            .rsplit([' ', '\n'])
            .next()?;
        listed(&format!("{previous} {text}"))
    };
    let ordinary =
        !text.contains(' ') && !is_acronym(text) && c.names.is_common(&text.to_lowercase());
    let whole = || (!ordinary).then(|| listed(text)).flatten();
    let core = || {
        let (first, rest) = text.split_once(' ')?;
        let ordinary =
            c.names.heuristics.titles.contains(first) || c.names.is_common(&first.to_lowercase());
        ordinary.then(|| listed(rest)).flatten()
    };
    with_previous().or_else(whole).or_else(core)
}

/// The target's words, folded, with their byte ranges and transliteration keys; a hyphenated
/// word is also its parts ("Kashiwazaki-Kariwa" has "Kariwa").
struct TargetWords {
    ranges: Vec<Range<usize>>,
    folded: Vec<String>,
    keys: Vec<String>,
}

impl TargetWords {
    fn of(tgt: &str) -> TargetWords {
        let mut ranges = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for (s, e) in word_spans(tgt) {
            ranges.push(s..e);
            words.push(&tgt[s..e]);
            if tgt[s..e].contains('-') {
                let mut at = s;
                for piece in tgt[s..e].split('-') {
                    ranges.push(at..at + piece.len());
                    words.push(piece);
                    at += piece.len() + 1;
                }
            }
        }
        let (folded, keys) = cached_forms(&words);
        TargetWords {
            ranges,
            folded,
            keys,
        }
    }

    /// The words around the place of source byte `place`.
    fn near(&self, place: usize, source_len: usize, target_len: usize) -> Near<'_> {
        let r = super::bounded::around_place(
            &self.ranges,
            |r| r.start,
            place,
            source_len,
            target_len,
            WORD_WINDOW,
        );
        Near {
            ranges: &self.ranges[r.clone()],
            folded: &self.folded[r.clone()],
            keys: &self.keys[r],
        }
    }
}

/// The folded forms and transliteration keys of words, from a cache kept per thread: a batch
/// repeats its words, and folding and keying every target word of every block that names
/// someone was a good part of the checks' time.
fn cached_forms(words: &[&str]) -> (Vec<String>, Vec<String>) {
    thread_local! {
        static FORMS: std::cell::RefCell<HashMap<String, (String, String)>> = Default::default();
    }
    /// Entries kept before the cache starts over (a bound on memory).
    const LIMIT: usize = 200_000;
    FORMS.with(|cell| {
        let mut forms = cell.borrow_mut();
        if forms.len() > LIMIT {
            forms.clear();
        }
        words
            .iter()
            .map(|w| match forms.get(*w) {
                Some(f) => f.clone(),
                None => {
                    let folded = fold(w);
                    let key = key_of_folded(&folded);
                    forms.insert((*w).to_string(), (folded.clone(), key.clone()));
                    (folded, key)
                }
            })
            .unzip()
    })
}

/// The target's words near a name: their ranges, folded, and their transliteration keys.
struct Near<'a> {
    ranges: &'a [Range<usize>],
    folded: &'a [String],
    keys: &'a [String],
}

impl<'a> Near<'a> {
    /// (range, folded, key) of each word.
    fn iter(&self) -> impl Iterator<Item = (&'a Range<usize>, &'a String, &'a String)> + use<'a> {
        let (ranges, folded, keys) = (self.ranges, self.folded, self.keys);
        ranges
            .iter()
            .zip(folded)
            .zip(keys)
            .map(|((r, f), k)| (r, f, k))
    }

    /// The words within `side` of the middle (the name's own sentence or two).
    fn middle(&self, side: usize) -> Near<'a> {
        let mid = self.ranges.len() / 2;
        let r = mid.saturating_sub(side)..(mid + side).min(self.ranges.len());
        Near {
            ranges: &self.ranges[r.clone()],
            folded: &self.folded[r.clone()],
            keys: &self.keys[r],
        }
    }
}

/// Whether `target` doubles a vowel `source` does not ("Luuis" for "Louis"): transliterations
/// write "ou" for "u" ("Boudanov"), none writes "uu" for "ou", so the shared key hides a typo.
fn doubled_vowel_added(target: &str, source: &str) -> bool {
    ["aa", "ee", "ii", "oo", "uu"]
        .iter()
        .any(|d| target.contains(d) && !source.contains(d))
}

/// Whether `w` is `name` with one letter changed, added or dropped, its first letter kept.
fn one_letter_off(w: &str, name: &str) -> bool {
    w.chars().next() == name.chars().next()
        && w.len().abs_diff(name.len()) <= 2
        && distance(w, name) == 1
}

/// A name with known target forms ("Sweden", "Middle East"): found in one of them, in a word
/// derived from one, or as written.
fn seen_known(
    forms: &[String],
    near: &Near,
    text: &str,
    tgt: &str,
    source_words: &HashMap<String, usize>,
) -> Option<Seen> {
    let words = near.folded;
    let own = fold_phrase(text);
    let own: Vec<String> = own.split(' ').map(str::to_string).collect();
    if Exonyms::present(forms, words) || Exonyms::present(&own, words) {
        // Found (as "tongaischen") and also written as a look-alike ("aus Tunga").
        let altered = match own.as_slice() {
            [one] => altered_twin(one, forms, near, tgt, source_words),
            _ => None,
        };
        return Some(altered.map_or(Seen::Found(None), Seen::Similar));
    }
    Some(
        look_alike(forms.iter().chain(&own), near, tgt)
            .map_or(Seen::Absent { full: false }, Seen::Similar),
    )
}

/// A capitalized target word that looks like one of `names` (folded) without being it: "Tunga"
/// for "Tonga", "Jepan" for "Japan".
fn look_alike<'a>(
    names: impl IntoIterator<Item = &'a String>,
    near: &Near,
    tgt: &str,
) -> Option<Range<usize>> {
    let names: Vec<&str> = names
        .into_iter()
        .flat_map(|n| n.split(' '))
        .filter(|n| n.chars().count() >= 4)
        .collect();
    near.iter()
        .find(|(r, w, _)| {
            tgt[(*r).clone()].starts_with(char::is_uppercase)
                && !names.contains(&w.as_str())
                && names
                    .iter()
                    .any(|n| looks_like(w, n) && !adapted(w, n) && !derived(w, n))
        })
        .map(|(r, _, _)| r.clone())
}

/// A name as its words: a word the target keeps that became a look-alike is an error even
/// when the name's other words are there ("Dunald Trump"); otherwise the name is found when one
/// of its words is; nothing is looked for when all are ordinary words.
fn seen_parts(
    c: &Checker,
    text: &str,
    near: &Near,
    tgt: &str,
    source_words: &HashMap<String, usize>,
) -> Option<Seen> {
    let parts: Vec<(&str, Part)> = text
        .split([' ', '-'])
        .filter(|p| {
            let n = p.chars().count();
            (n >= 3 || (n == 2 && p.chars().all(char::is_uppercase)))
                && !c.names.heuristics.connectors.contains(*p)
        })
        .map(|p| (p, c.names.classify(p, &c.exonyms)))
        .collect();
    let mut similar = None;
    let mut wanted = false;
    let mut found = false;
    let mut rendering = None;
    let mut kept_words = 0;
    let mut missing_words = 0;
    let mut found_proper = false;
    // Whether a word found is this name's own, not one the source also writes elsewhere
    // ("Kanjar" of five brothers named Kanjar).
    let own_word = |w: &str| source_words.get(&fold(w)).is_none_or(|n| *n < 2);
    // Per proper word: `None` if absent, else whether it was found as this name's own.
    let mut proper_found: Vec<Option<bool>> = Vec::new();
    for (word, part) in &parts {
        match part {
            Part::Common => {
                // Kept as written: "Park" is not "parc". Kept with its capital, it is the
                // name's word ("Theresa May" → "May").
                let f = fold(word);
                for (r, w, _) in near.iter() {
                    if *w == f {
                        found = true;
                        found_proper |= tgt[r.clone()].starts_with(char::is_uppercase);
                    }
                }
            }
            Part::Known(forms, source) => {
                let words = near.folded;
                let own = fold(word);
                let here = Exonyms::present(forms, words)
                    || Exonyms::present(std::slice::from_ref(&own), words);
                found |= here;
                // "Turkish" found says nothing of "Recep Tayyip Erdoğan"; "Jordan" and "Charles"
                // are words of a full name.
                let adjective = c.exonyms.is_adjective(&own);
                found_proper |= here && !adjective;
                if !adjective {
                    kept_words += 1;
                    missing_words += usize::from(!here);
                }
                wanted |= *source == exonyms::Source::Listed;
                // Found (as "tongaischen") and also written as a look-alike ("aus Tunga").
                if here && !adjective {
                    similar =
                        similar.or_else(|| altered_twin(word, forms, near, tgt, source_words));
                }
                // "Pecific", "Teiwan", "Wilsh": one letter changed.
                if !here {
                    let strict = near.iter().find(|(r, w, _)| {
                        tgt[(*r).clone()].starts_with(char::is_uppercase)
                            && w.chars().count() == own.chars().count()
                            && own.chars().count() >= 4
                            && one_letter_off(w, &own)
                    });
                    similar = similar.or(strict.map(|(r, _, _)| r.clone()));
                }
            }
            Part::Proper => {
                // An acronym is often spelt out or becomes the target's own ("GDP", "PIB"):
                // looked for, never missed.
                wanted |= !is_acronym(word);
                kept_words += usize::from(!is_acronym(word));
                match proper_seen(word, near, tgt) {
                    Seen::Found(r) => {
                        found = true;
                        found_proper = true;
                        proper_found.push(Some(own_word(word)));
                        // Written as is once and as a look-alike elsewhere: "lobte Gongrich
                        // ... gegen Gingrich".
                        if r.is_some() {
                            similar = similar.or_else(|| twin(word, near, tgt, source_words));
                        }
                        rendering = rendering.or(r);
                    }
                    Seen::Similar(r) => similar = similar.or(Some(r)),
                    Seen::Absent { .. } => {
                        missing_words += usize::from(!is_acronym(word));
                        proper_found.push(None);
                    }
                }
            }
        }
    }
    // A name with words the target keeps is found through them: "Turkish President Recep
    // Tayyip Erdoğan" is not found in "türkischen".
    let found = if kept_words > 0 { found_proper } else { found };
    match (similar, found) {
        (Some(r), _) => Some(Seen::Similar(r)),
        // Two words of a full name gone while another stays: "Cristina Fernández de Kirchner"
        // written "de Kirchner", "Lee Hsien Loong" written "Lee".
        (None, true) if missing_words >= 2 => Some(Seen::Absent { full: true }),
        // A person's given name gone, and the family name left also names someone else in
        // the source: "Bhutha Kanjar" dropped from a list of Kanjars, "Oliver Cromwell" from a
        // sentence about the Cromwell Society.
        (None, true) if parts.len() == 2 && proper_found == [None, Some(false)] => {
            Some(Seen::Absent { full: true })
        }
        (None, true) => Some(Seen::Found(rendering)),
        (None, false) if wanted => Some(Seen::Absent {
            full: kept_words >= 2,
        }),
        (None, false) => None,
    }
}

/// A look-alike of a name with known forms, found in one of them and altered in another place:
/// not one of its forms ("Moscou" is Moscow), and as long as the name ("Pharao" is how German
/// drops the "h" of "Pharaoh").
fn altered_twin(
    word: &str,
    forms: &[String],
    near: &Near,
    tgt: &str,
    source_words: &HashMap<String, usize>,
) -> Option<Range<usize>> {
    let own = fold(word);
    twin(word, near, tgt, source_words).filter(|r| {
        let w = fold(&tgt[r.clone()]);
        w.chars().count() == own.chars().count() && !forms.contains(&w)
    })
}

/// A capitalized look-alike of a name's word that is no word of the source: the name kept once
/// and altered in another place.
fn twin(
    word: &str,
    near: &Near,
    tgt: &str,
    source_words: &HashMap<String, usize>,
) -> Option<Range<usize>> {
    let (k, f) = (key(word), fold(word));
    // The sentence or two around the name, not the whole window: this runs for every name
    // found.
    near.middle(TWIN_WINDOW)
        .iter()
        .find(|(r, w, key)| {
            tgt[(*r).clone()].starts_with(char::is_uppercase)
                && !source_words.contains_key(*w)
                && f.chars().count() >= 5
                // One letter off, no more: German capitalizes every noun ("Spiel", "Spieth").
                && one_letter_off(w, &f)
                && !same_or_inflected(w, &f)
                && !same_or_inflected(key, &k)
                && !adapted(w, &f)
                && !adapted(key, &k)
        })
        .map(|(r, _, _)| r.clone())
}

/// Where one word of a name the target keeps is: as written or transliterated (by key:
/// "Hryzenko"; by letters: "Holts", a genitive the key would blur), adapted ("Roma",
/// "Kalifornien"), derived ("texanische"), inside a compound ("Nobelpreis"); or a capitalized
/// look-alike in its place.
fn proper_seen(word: &str, near: &Near, tgt: &str) -> Seen {
    let (k, f) = (key(word), fold(word));
    // A key match needs a capital: "Lee" and the article "le" share a key.
    let capital = |r: &Range<usize>| tgt[r.clone()].starts_with(char::is_uppercase);
    // "MWPs" written "MWP": an acronym's plural.
    let singular = is_acronym(word).then(|| f.strip_suffix('s')).flatten();
    if let Some((r, _, _)) = near.iter().find(|(r, folded, key)| {
        (capital(r) && same_or_inflected(key, &k) && !doubled_vowel_added(folded, &f))
            || same_or_inflected(folded, &f)
            || singular == Some(folded.as_str())
    }) {
        return Seen::Found(Some((word.to_string(), tgt[r.clone()].to_string())));
    }
    let compound = |w: &str, part: &str| {
        part.chars().count() >= 4 && w.len() >= part.len() + 3 && w.contains(part)
    };
    let kept = near.iter().any(|(_, w, key)| {
        adapted(key, &k)
            || derived(key, &k)
            || derived(w, &f)
            || adapted(w, &f)
            || compound(w, &f)
            // By key only for a long word: "Jones" is in the key of "opciones".
            || (k.chars().count() >= 7 && compound(key, &k))
    });
    if kept {
        return Seen::Found(None);
    }
    near.iter()
        .find(|(r, w, key)| {
            capital(r) && (looks_like(key, &k) || looks_like(w, &f)) && !adapted(w, &f)
        })
        .map_or(Seen::Absent { full: false }, |(r, _, _)| {
            Seen::Similar(r.clone())
        })
}

/// One name in two spellings: equal keys, or the target's key is the source's with an
/// inflection ending ("Putins", "Merkels").
fn same_or_inflected(target: &str, source: &str) -> bool {
    target == source
        || target
            .strip_prefix(source)
            .is_some_and(|rest| matches!(rest, "s" | "n" | "ns" | "es" | "en"))
            && source.chars().count() >= 3
}

/// An acronym, singular or plural: "NATO", "MPs", "FAQs".
fn is_acronym(word: &str) -> bool {
    let letters = word
        .strip_suffix('s')
        .filter(|w| w.len() >= 2)
        .unwrap_or(word);
    letters
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Whether two renderings of a name in one batch are one: the same letters (case and accents
/// aside), or one an inflection of the other ("Putin", "Putins"). Two transliterations
/// ("Hrytsenko", "Hryzenko") are two renderings: the batch should write one.
pub fn one_rendering(a: &str, b: &str) -> bool {
    // "Jay" and "Jay-Z": a hyphenated word holds the name, it does not respell it.
    let hyphened = |x: &str, y: &str| x.split('-').any(|p| p.eq_ignore_ascii_case(y));
    if hyphened(a, b) || hyphened(b, a) {
        return true;
    }
    let (a, b) = (fold(a), fold(b));
    same_or_inflected(&a, &b) || same_or_inflected(&b, &a)
}

/// Whether the target word is the name adapted to the target language's endings: the same
/// beginning (four letters or more), at most two letters of the source's ending dropped (a
/// vowel, "y", "s" or "n"), and nothing or a vowel-led ending added ("Rome" → "Roma",
/// "Templars" → "Templarios", "Holocaust" → "Holocausto"). "Scholz" → "Scholl" and "Goethe" →
/// "Goether" change consonants: not adaptations.
fn adapted(target: &str, source: &str) -> bool {
    let common = target
        .chars()
        .zip(source.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let dropped: String = source.chars().skip(common).collect();
    let added: String = target.chars().skip(common).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    // English endings other languages replace with their own: "Templars" → "Templiers",
    // "Templer"; "-ian" → "-ien".
    const ENDINGS: [&str; 16] = [
        "ar", "ars", "er", "ers", "or", "ors", "us", "um", "ic", "ics", "an", "ans", "ian", "ians",
        "ids", "es",
    ];
    let dropped_ok = (dropped.chars().count() <= 2
        && dropped.chars().all(|c| vowel(c) || c == 's' || c == 'n'))
        || (ENDINGS.contains(&dropped.as_str()) && added.chars().count() >= 2);
    common >= 4.min(source.chars().count().saturating_sub(1)).max(3)
        && dropped_ok
        && added.chars().count() <= 4
        && added.chars().next().is_none_or(vowel)
        && !(dropped.is_empty() && added.is_empty())
        // Only an ending dropped from a long word: "Scholz" (key "sols") is not "Scholl".
        && (!added.is_empty() || source.chars().count() >= 6 || dropped.chars().all(vowel))
}

/// Whether the target word is an adjective or a noun made from the name: its beginning (all
/// but two letters of the name, four at least) and a longer ending ("texas", "texanische";
/// "minoan", "minoischen"). A word no longer than the name plus one letter is a look-alike,
/// not a derivative ("Scholz", "Scholl"; "Goethe", "Goether").
fn derived(target: &str, source: &str) -> bool {
    let n = source.chars().count();
    let common = target
        .chars()
        .zip(source.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 4.max(n.saturating_sub(2)) && target.chars().count() >= n + 2
}

/// A different word that looks like the name: same first letter, one or two letters changed
/// (one per three letters of the name), so "Macaron" for "Macron", "Scholl" for "Scholz",
/// "Pablo" for "Pavlo".
fn looks_like(target: &str, source: &str) -> bool {
    let n = source.chars().count();
    n >= 4
        && target != source
        && target.chars().next() == source.chars().next()
        && target.chars().count().abs_diff(n) <= 2
        && distance(target, source) <= (n / 3).clamp(1, 2)
}

/// The key two transliterations of one name share: accents and case folded, and the spellings
/// that differ between languages' transliterations made one ("Hrytsenko", "Hryzenko";
/// "Budanov", "Budanow", "Boudanov"; "Zelensky", "Selenskyj"), doubled letters single.
pub fn key(word: &str) -> String {
    key_of_folded(&fold(word))
}

fn key_of_folded(folded: &str) -> String {
    let mut s = folded.to_string();
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("ch", "sh"),
        ("sh", "s"),
        ("cc", "k"),
        ("ou", "u"),
        ("kh", "h"),
        ("ck", "k"),
        ("ph", "f"),
        ("th", "t"),
        ("ts", "s"),
        ("tz", "s"),
        // German transliterates umlauts: "Loesch" is "Lösch".
        ("oe", "o"),
        ("ae", "a"),
        ("ue", "u"),
        ("yj", "y"),
        ("ij", "y"),
        ("iy", "y"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'w' => 'v',
            'z' => 's',
            'j' | 'y' => 'i',
            'c' => 'k',
            'f' => 'v',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Names outside the glossary.
pub struct Names;

impl super::rules::BlockRule for Names {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::NAME_MISSING, Rule::NAME_ALTERED]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        check(
            c,
            pair,
            &work.glossary_spans,
            &mut work.findings,
            &mut work.facts,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::run;

    fn names(target: &str, source: &str, translation: &str) -> Vec<String> {
        run(target, source, translation)
            .into_iter()
            .filter(|(r, _)| r == "name-missing")
            .map(|(r, _)| r)
            .collect()
    }

    #[test]
    fn dropped_and_mangled_names_in_four_locales() {
        assert_eq!(
            names(
                "es",
                "Colonel Oleksandr Hrytsenko said so.",
                "El coronel dijo eso."
            ),
            vec!["name-missing"]
        );
        assert_eq!(
            names("de", "Residents of Paju left.", "Die Bewohner gingen."),
            vec!["name-missing"]
        );
        // A look-alike in the name's place is an error of its own.
        assert_eq!(
            run("de-CH", "Matthias Brunner spoke.", "Herr Bruno sprach."),
            vec![("name-altered".to_string(), "Bruno".to_string())]
        );
        assert_eq!(
            names("fr", "Ask Park Ji-hoon.", "Demandez au parc."),
            vec!["name-missing"]
        );
    }

    #[test]
    fn names_in_any_recognizable_form_pass() {
        assert!(
            names(
                "es",
                "Colonel Oleksandr Hrytsenko said so.",
                "El coronel Oleksandr Hrytsenko lo dijo."
            )
            .is_empty()
        );
        assert!(
            names(
                "de",
                "Oleksandr Hrytsenko said so.",
                "Oleksandr Hryzenko sagte es."
            )
            .is_empty()
        );
        assert!(
            names(
                "de-CH",
                "Residents of Paju left for Erstfeld.",
                "Bewohner von Paju gingen nach Erstfeld."
            )
            .is_empty()
        );
        assert!(
            names(
                "fr",
                "In January, Seoul agreed.",
                "En janvier, Séoul a accepté."
            )
            .is_empty()
        );
    }

    #[test]
    fn transliterations_share_a_key_and_look_alikes_do_not() {
        for (a, b) in [
            ("Hrytsenko", "Hryzenko"),
            ("Budanov", "Budánov"),
            ("Budanov", "Budanow"),
            ("Budanov", "Boudanov"),
            ("Zelensky", "Selenskyj"),
            ("Bishkek", "Biskek"),
        ] {
            assert_eq!(key(a), key(b), "{a} {b}");
        }
        for (a, b) in [
            ("Macron", "Macaron"),
            ("Scholz", "Scholl"),
            ("Pavlo", "Pablo"),
            ("Putin", "Poutine"),
        ] {
            assert_ne!(key(a), key(b), "{a} {b}");
            assert!(looks_like(&key(b), &key(a)), "{a} {b}");
        }
        assert!(!looks_like(&key("Parque"), &key("Park")));
        assert!(same_or_inflected(&key("Putins"), &key("Putin")));
    }
}
