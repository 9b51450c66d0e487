//! `verso glossary suggest` and `coverage`: what a batch of articles names that the glossary
//! lacks, and which concepts it uses.
//!
//! Candidates are multi-word capitalized names ("Institute for the Study of War", connectors
//! such as "for the" allowed inside), single capitalized words that are not sentence-initial
//! ordinary words, acronyms with their expansion ("Institute for the Study of War (ISW)"),
//! names written in capitals in datelines ("SEOUL"), and quantities with units. Month and
//! weekday names come from CLDR and are never names; the other word lists are per-language
//! heuristics in `config/suggest.toml`. Each candidate gets a kind guess, a count and one line of
//! context, so the list can be edited and imported.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Glossary, Kind};
use crate::document::Document;
use crate::matcher::{Matcher, normalize};
use crate::recognize::units::Units;

/// The shipped heuristics.
pub const DEFAULT_HEURISTICS: &str = include_str!("../../config/suggest.toml");

/// Word lists for one source language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Heuristics {
    /// Ordinary words written with a capital at a sentence start.
    pub stopwords: HashSet<String>,
    /// Lowercase words allowed inside a name.
    pub connectors: HashSet<String>,
    /// Titles and ranks that precede names but are not part of them.
    pub titles: HashSet<String>,
    /// Words that make a name an organization.
    pub organization: HashSet<String>,
    /// Words that make a name a publication.
    pub publication: HashSet<String>,
    /// Words that make a name a place.
    pub place: HashSet<String>,
    /// Words after which a name is a place.
    pub place_before: HashSet<String>,
}

impl Heuristics {
    /// The shipped lists for a language (empty lists for a language without any).
    pub fn builtin(language: &str) -> Heuristics {
        let all: BTreeMap<String, Heuristics> =
            toml::from_str(DEFAULT_HEURISTICS).unwrap_or_default();
        all.get(language).cloned().unwrap_or_default()
    }
}

/// One suggested glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The form as written most often.
    pub text: String,
    /// Guessed kind.
    pub kind: Kind,
    /// Occurrences in the batch.
    pub count: usize,
    /// Files it occurs in.
    pub files: usize,
    /// First occurrence: file and line.
    pub file: PathBuf,
    /// 1-based line of the first occurrence.
    pub line: usize,
    /// One line of context around the first occurrence.
    pub context: String,
    /// An acronym seen with this expansion ("ISW").
    pub acronym: Option<String>,
}

#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    text: String,
    possessive: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let is_inner = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let push = |s: usize, e: usize, out: &mut Vec<Word>| {
        let raw = text[s..e].trim_end_matches(['-', '\'', '’']);
        let (stem, possessive) = match raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) {
            Some(stem) => (stem, true),
            None => (raw, false),
        };
        if !stem.is_empty() {
            out.push(Word {
                start: s,
                end: s + stem.len(),
                text: stem.to_string(),
                possessive,
            });
        }
    };
    for (i, c) in text.char_indices() {
        match start {
            None if c.is_alphanumeric() => start = Some(i),
            Some(s) if !is_inner(c) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn title_case(w: &str) -> String {
    w.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

fn context(text: &str, start: usize, end: usize) -> String {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(45)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(45)
        .map_or(text.len(), |(i, _)| end + i);
    let mut s = crate::segment::collapse_whitespace(&text[from..to]);
    if from > 0 {
        s.insert(0, '…');
    }
    if to < text.len() {
        s.push('…');
    }
    s
}

#[derive(Default)]
struct Tally {
    forms: HashMap<String, usize>,
    kinds: HashMap<Kind, usize>,
    count: usize,
    files: HashSet<PathBuf>,
    first: Option<(PathBuf, usize, String)>,
    acronym: Option<String>,
}

struct Scan<'a> {
    h: &'a Heuristics,
    calendar: HashSet<String>,
    lowercase_words: HashSet<String>,
    /// Single words seen capitalized inside a sentence: only those are names.
    mid_sentence: HashSet<String>,
    tallies: BTreeMap<String, Tally>,
}

impl Scan<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        form: &str,
        kind: Kind,
        file: &Path,
        line: usize,
        ctx: String,
        acronym: Option<String>,
    ) {
        let key = normalize::term(form, true);
        let t = self.tallies.entry(key).or_default();
        *t.forms.entry(form.to_string()).or_default() += 1;
        t.count += 1;
        t.files.insert(file.to_path_buf());
        *t.kinds.entry(kind).or_default() += 1;
        if acronym.is_some() {
            t.acronym = acronym;
        }
        if t.first.is_none() {
            t.first = Some((file.to_path_buf(), line, ctx));
        }
    }

    fn guess(&self, tokens: &[&str], before: Option<&str>) -> Kind {
        let any = |set: &HashSet<String>| tokens.iter().any(|t| set.contains(*t));
        let acronym = tokens.len() == 1 && is_all_caps(tokens[0]) && tokens[0].chars().count() <= 5;
        if acronym || any(&self.h.organization) {
            Kind::Organization
        } else if any(&self.h.publication) {
            Kind::Publication
        } else if any(&self.h.place)
            || before.is_some_and(|b| self.h.place_before.contains(&b.to_lowercase()))
        {
            Kind::Place
        } else if (2..=3).contains(&tokens.len()) && tokens.iter().all(|t| is_capitalized(t)) {
            Kind::Person
        } else {
            Kind::Name
        }
    }

    fn block(&mut self, text: &str, known: &[std::ops::Range<usize>], file: &Path, line: usize) {
        let ws = words(text);
        let sentence_start = |i: usize| {
            i == 0
                || text[ws[i - 1].end..ws[i].start]
                    .contains(['.', '!', '?', ':', '—', '–', '"', '“', '«', '(', '•', ';'])
        };
        let overlaps_known = |s: usize, e: usize| known.iter().any(|k| k.start < e && s < k.end);
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            if !is_capitalized(&w.text) || w.text.chars().all(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            // Extend over capitalized words and connectors followed by capitalized words,
            // separated by single spaces only.
            let mut j = i;
            while j + 1 < ws.len() && !ws[j].possessive {
                let gap = &text[ws[j].end..ws[j + 1].start];
                if gap != " " {
                    break;
                }
                if is_capitalized(&ws[j + 1].text) {
                    j += 1;
                    continue;
                }
                // Up to two connectors ("of", "for the") between capitalized words, and only
                // inside institutional names ("Institute for the Study of War", "Bank of
                // England"): "Paju for Seoul" is two names.
                let institutional = ws[i..=j].iter().any(|w| {
                    self.h.organization.contains(&w.text)
                        || self.h.publication.contains(&w.text)
                        || self.h.place.contains(&w.text)
                });
                if !institutional {
                    break;
                }
                let mut k = j + 1;
                while k < ws.len()
                    && k <= j + 2
                    && self.h.connectors.contains(&ws[k].text)
                    && &text[ws[k - 1].end..ws[k].start] == " "
                {
                    k += 1;
                }
                if k > j + 1
                    && k < ws.len()
                    && is_capitalized(&ws[k].text)
                    && &text[ws[k - 1].end..ws[k].start] == " "
                {
                    j = k;
                } else {
                    break;
                }
            }
            let mut first = i;
            // Drop titles anywhere ("Colonel Oleksandr Hrytsenko") and ordinary words that only
            // carry a capital because they open a sentence ("The Gotthard Base Tunnel", "But
            // Seoul"); mid-sentence, "Swiss Federal Railways" keeps its "Swiss".
            while first <= j
                && (self.h.titles.contains(&ws[first].text)
                    || self.h.connectors.contains(&ws[first].text)
                    || (first == i
                        && sentence_start(first)
                        && self.h.stopwords.contains(&ws[first].text)))
            {
                first += 1;
            }
            let mut last = j;
            while last > first && self.h.connectors.contains(&ws[last].text) {
                last -= 1;
            }
            let next = j + 1;
            if first > last || first > j {
                i = next;
                continue;
            }
            let tokens: Vec<&str> = ws[first..=last].iter().map(|w| w.text.as_str()).collect();
            let single = tokens.len() == 1;
            let token = tokens[0];
            let (s, e) = (ws[first].start, ws[last].end);
            // A capitalized word opening a block before "," or "—" is a dateline: "SEOUL, …".
            let dateline = single
                && first == 0
                && is_all_caps(token)
                && text[e..].trim_start().starts_with([',', '—', '–', '(']);
            let dropped = single
                && (self.calendar.contains(token)
                    || token.chars().count() < 2
                    || self.h.stopwords.contains(token)
                    || self.h.titles.contains(token));
            if !dropped && !overlaps_known(s, e) {
                let form = if dateline {
                    title_case(token)
                } else {
                    text[s..e].to_string()
                };
                // Capitalized inside a sentence, or opening a dateline: evidence of a name.
                if single && (dateline || !sentence_start(first)) {
                    self.mid_sentence.insert(normalize::term(&form, true));
                }
                let before = first.checked_sub(1).map(|b| ws[b].text.as_str());
                let kind = if dateline {
                    Kind::Place
                } else {
                    self.guess(&tokens, before)
                };
                // An acronym right after the name, in parentheses, whose letters are its
                // initials: "Institute for the Study of War (ISW)".
                let acronym = ws.get(next).filter(|a| {
                    let gap = &text[ws[last].end..a.start];
                    let initials: String = tokens
                        .iter()
                        .filter(|t| !self.h.connectors.contains(**t))
                        .filter_map(|t| t.chars().next())
                        .collect();
                    gap.trim() == "(" && is_all_caps(&a.text) && a.text == initials
                });
                let ctx = context(text, s, e);
                self.add(
                    &form,
                    kind,
                    file,
                    line,
                    ctx.clone(),
                    acronym.map(|a| a.text.clone()),
                );
                if let Some(a) = acronym {
                    self.add(&a.text, Kind::Organization, file, line, ctx, None);
                    i = next + 1; // the acronym is counted
                    continue;
                }
            }
            i = next;
        }
    }
}

/// Candidate entries from documents, minus what the glossary already holds.
pub fn candidates(
    docs: &[(PathBuf, Document)],
    glossary: &Glossary,
    source: &str,
    units: &Units,
) -> Vec<Candidate> {
    let language = source.split('-').next().unwrap_or(source);
    let h = Heuristics::builtin(language);
    let matcher = Matcher::new(glossary, source, None);
    let mut scan = Scan {
        h: &h,
        calendar: crate::locale::calendar_words(source).into_iter().collect(),
        lowercase_words: HashSet::new(),
        mid_sentence: HashSet::new(),
        tallies: BTreeMap::new(),
    };
    let blocks: Vec<(&Path, usize, String)> = docs
        .iter()
        .flat_map(|(path, doc)| {
            doc.blocks
                .iter()
                .map(move |b| (path.as_path(), b.line, b.plain_text()))
        })
        .collect();
    for (_, _, text) in &blocks {
        scan.lowercase_words.extend(
            words(text)
                .into_iter()
                .filter(|w| !is_capitalized(&w.text))
                .map(|w| w.text),
        );
    }
    let mut unit_tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (file, line, text) in &blocks {
        let known: Vec<std::ops::Range<usize>> =
            matcher.find(text).into_iter().map(|h| h.range).collect();
        scan.block(text, &known, file, *line);
        for q in units.quantities(text, source) {
            let unit_range = q.range.end - q.written.len()..q.range.end;
            if known
                .iter()
                .any(|k| k.start < unit_range.end && unit_range.start < k.end)
            {
                continue;
            }
            let t = unit_tallies.entry(q.unit.clone()).or_default();
            // Listed by the unit's first name in the source language ("kilometre" for "km").
            let name = units
                .units
                .get(&q.unit)
                .and_then(|u| u.forms.get(language).or_else(|| u.forms.get(source)))
                .and_then(|f| f.names.first().cloned())
                .unwrap_or_else(|| q.written.clone());
            *t.forms.entry(name).or_default() += 1;
            t.count += 1;
            *t.kinds.entry(Kind::Unit).or_default() += 1;
            t.files.insert(file.to_path_buf());
            if t.first.is_none() {
                t.first = Some((
                    file.to_path_buf(),
                    *line,
                    context(text, q.range.start, q.range.end),
                ));
            }
        }
    }
    // A single word never capitalized inside a sentence is an ordinary word that opened
    // sentences ("Analysts said…"); acronyms and multi-word names stay.
    let mid = std::mem::take(&mut scan.mid_sentence);
    scan.tallies.retain(|key, t| {
        let form = t.forms.keys().next().cloned().unwrap_or_default();
        key.contains(' ') || is_all_caps(&form) || mid.contains(key)
    });
    let mut out: Vec<Candidate> = scan
        .tallies
        .into_values()
        .chain(unit_tallies.into_values())
        .filter_map(|t| {
            let (file, line, context) = t.first?;
            let text = t
                .forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| f.clone())?;
            // The kind most occurrences suggest; an unspecific "name" only when nothing else.
            let kind = t
                .kinds
                .iter()
                .filter(|(k, _)| **k != Kind::Name)
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map_or(Kind::Name, |(k, _)| *k);
            Some(Candidate {
                text,
                kind,
                count: t.count,
                files: t.files.len(),
                file,
                line,
                context,
                acronym: t.acronym,
            })
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
    out
}

/// How a batch uses a glossary.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Concepts found: id, occurrences, files.
    pub found: Vec<(String, usize, usize)>,
    /// Concepts never found in the batch.
    pub unused: Vec<String>,
    /// Names the batch has and the glossary lacks.
    pub missing: Vec<Candidate>,
}

/// Which concepts a batch uses and which names it has without an entry.
pub fn coverage(
    docs: &[(PathBuf, Document)],
    glossary: &Glossary,
    source: &str,
    units: &Units,
) -> Coverage {
    let matcher = Matcher::new(glossary, source, None);
    let mut counts: BTreeMap<usize, (usize, HashSet<&Path>)> = BTreeMap::new();
    for (path, doc) in docs {
        for b in &doc.blocks {
            for hit in matcher.find(&b.plain_text()) {
                let e = counts.entry(hit.concept).or_default();
                e.0 += 1;
                e.1.insert(path.as_path());
            }
        }
    }
    let mut found: Vec<(String, usize, usize)> = counts
        .iter()
        .map(|(i, (n, files))| (glossary.concepts[*i].id.clone(), *n, files.len()))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let unused = glossary
        .concepts
        .iter()
        .enumerate()
        .filter(|(i, _)| !counts.contains_key(i))
        .map(|(_, c)| c.id.clone())
        .collect();
    let missing = candidates(docs, glossary, source, units)
        .into_iter()
        .filter(|c| c.kind.is_name())
        .collect();
    Coverage {
        found,
        unused,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, ReadOptions};

    fn docs(text: &str) -> Vec<(PathBuf, Document)> {
        vec![(
            PathBuf::from("a.md"),
            format::parse(
                crate::format::MARKDOWN,
                text.to_string(),
                &ReadOptions::default(),
            ),
        )]
    }

    fn found(text: &str, glossary: &Glossary) -> Vec<(String, Kind, usize)> {
        candidates(&docs(text), glossary, "en", &Units::builtin())
            .into_iter()
            .map(|c| (c.text, c.kind, c.count))
            .collect()
    }

    #[test]
    fn names_acronyms_datelines_and_units_are_suggested() {
        let text = "SEOUL, January 13 — The Institute for the Study of War (ISW) said on Monday that \
                    Kim Yo-jong's statement worried Seoul. Residents of Paju heard 155-millimetre \
                    guns 40 km away. Analysts said residents of Paju left. The ISW agreed.";
        let got = found(text, &Glossary::default());
        let has = |t: &str, k: Kind| got.iter().any(|(x, kind, _)| x == t && *kind == k);
        assert!(
            has("Institute for the Study of War", Kind::Organization),
            "{got:?}"
        );
        assert!(has("ISW", Kind::Organization), "{got:?}");
        assert!(has("Kim Yo-jong", Kind::Person), "{got:?}");
        assert!(
            has("Seoul", Kind::Name) || has("Seoul", Kind::Place),
            "{got:?}"
        );
        assert!(has("Paju", Kind::Place), "{got:?}");
        assert!(
            has("millimetre", Kind::Unit) && has("kilometre", Kind::Unit),
            "{got:?}"
        );
        let seoul = got.iter().find(|(x, _, _)| x == "Seoul").expect("seoul");
        assert_eq!(
            seoul.2, 2,
            "SEOUL in the dateline and Seoul in the text are one name"
        );
        for not_a_name in ["January", "Monday", "The", "Residents", "Analysts"] {
            assert!(
                !got.iter().any(|(x, _, _)| x == not_a_name),
                "{not_a_name}: {got:?}"
            );
        }
    }

    #[test]
    fn what_the_glossary_has_is_not_suggested() {
        let mut g = Glossary::default();
        let mut c = super::super::Concept::new("paju", Kind::Place);
        c.terms.entry("en".into()).or_default().preferred = Some(super::super::Term::new("Paju"));
        g.concepts.push(c);
        let got = found("Residents of Paju left Paju for Seoul.", &g);
        assert!(!got.iter().any(|(x, _, _)| x == "Paju"), "{got:?}");
        assert!(got.iter().any(|(x, _, _)| x == "Seoul"), "{got:?}");
    }
}
