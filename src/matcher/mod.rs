//! One matcher for glossary terms in text, used by enforcement and by the checks.
//!
//! Built once per glossary and language, it finds every form of every concept (preferred,
//! admitted, forbidden) in a text:
//! - over normalized text ([`normalize`]): NFC, typographic apostrophes, quotes and hyphens
//!   unified, case folded unless the concept is case-sensitive;
//! - with Aho-Corasick, so the cost is one pass over the text whatever the glossary size;
//! - whole words only, the longest match winning ("Radio Free Asia" over "Asia");
//! - inflection-tolerant: terms through Snowball stems for languages that have a stemmer
//!   ("Haubitzen" finds "Haubitze", "obuses" finds "obús"), names through genitive endings
//!   ("Kim's", German "Budanows") but never through stems ("Seul" is not "Seúl");
//! - with context words for homonyms: a concept that lists them counts only where one of them
//!   occurs in the same text, and then wins over a same-form concept without them.

pub mod normalize;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};

use crate::glossary::{Glossary, Kind, Status};
use normalize::Normalized;

/// One occurrence of a concept's form in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Status of the matched form.
    pub status: Status,
    /// The form as written in the glossary.
    pub form: String,
    /// Found through stems (an inflected form) rather than as written.
    pub inflected: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    concept: usize,
    status: Status,
    form: String,
    is_name: bool,
    has_context: bool,
}

/// A compiled matcher for one language.
pub struct Matcher {
    language: String,
    folded: Option<AhoCorasick>,
    folded_patterns: Vec<Pattern>,
    exact: Option<AhoCorasick>,
    exact_patterns: Vec<Pattern>,
    stemmer: Option<Stemmer>,
    stems: Option<AhoCorasick>,
    stem_patterns: Vec<Pattern>,
    /// Per concept: stems of its context words.
    context: Vec<Vec<String>>,
    /// Stems already computed: news repeats its words, and stemming every token of every
    /// block was a fifth of the checks' time.
    stem_cache: std::sync::Mutex<HashMap<String, String>>,
}

/// How many stems the cache keeps before it starts over (a bound on memory, not a tuning).
const STEM_CACHE: usize = 200_000;

/// The Snowball algorithm for a language subtag, if one exists.
pub fn stemmer_for(language: &str) -> Option<Algorithm> {
    Some(match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Endings a name takes in the genitive without an apostrophe ("Budanows Bericht").
fn genitive_endings(language: &str) -> &'static [&'static str] {
    match language {
        "de" | "nl" | "da" | "sv" | "nb" | "nn" | "no" => &["s"],
        _ => &[],
    }
}

/// Word tokens of normalized text: runs of letters and digits, with their byte ranges.
fn tokens(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out.into_iter()
}

fn stem_key(stemmer: &Stemmer, text: &str) -> String {
    let mut key = String::from(" ");
    for (_, t) in tokens(text) {
        key.push_str(&stemmer.stem(t));
        key.push(' ');
    }
    key
}

impl Matcher {
    /// Builds the matcher for `locale` (a BCP 47 tag; a concept's `de` terms serve `de-CH`).
    ///
    /// `source_locale` makes it a matcher for translations from that locale: do-not-translate
    /// concepts without terms of their own match with the source's forms (which they keep), and
    /// context words, which are source-language words, are not required — a concept is looked
    /// for in a translation because its source already named it.
    pub fn new(glossary: &Glossary, locale: &str, source_locale: Option<&str>) -> Matcher {
        let language = locale
            .split('-')
            .next()
            .unwrap_or(locale)
            .to_ascii_lowercase();
        let stemmer = stemmer_for(&language).map(Stemmer::create);
        let mut folded_patterns = Vec::new();
        let mut folded_keys = Vec::new();
        let mut exact_patterns = Vec::new();
        let mut exact_keys = Vec::new();
        let mut stem_patterns = Vec::new();
        let mut stem_keys = Vec::new();
        let mut context = Vec::with_capacity(glossary.concepts.len());
        for (index, concept) in glossary.concepts.iter().enumerate() {
            let context_words = if source_locale.is_some() {
                &[][..]
            } else {
                concept.context.as_slice()
            };
            context.push(
                context_words
                    .iter()
                    .map(|w| {
                        let w = normalize::term(w, true);
                        stemmer
                            .as_ref()
                            .map_or(w.clone(), |s| s.stem(&w).into_owned())
                    })
                    .collect(),
            );
            // A do-not-translate concept without a preferred form of its own here is written
            // as in the source: the source's forms count too (besides the locale's forbidden
            // ones).
            let own = concept.locale(locale);
            let borrowed = match source_locale {
                Some(src)
                    if concept.do_not_translate && own.is_none_or(|t| t.preferred.is_none()) =>
                {
                    concept.locale(src).map(|t| {
                        t.all()
                            .filter(|(s, _)| *s != Status::Forbidden)
                            .collect::<Vec<_>>()
                    })
                }
                _ => None,
            };
            // What enforcement writes without the glossary listing it here (a short form
            // shortened like the source's, a source acronym kept) is a form of the concept.
            let implied = match source_locale {
                Some(src) if concept.kind.is_name() || concept.do_not_translate => {
                    concept.implied_forms(src, locale)
                }
                _ => Vec::new(),
            };
            let forms: Vec<(Status, &crate::glossary::Term)> = own
                .map(|t| t.all().collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .chain(borrowed.unwrap_or_default())
                .chain(implied.iter().map(|t| (Status::Admitted, t)))
                .collect();
            for (status, term) in forms {
                let pattern = Pattern {
                    concept: index,
                    status,
                    form: term.text.clone(),
                    is_name: concept.kind.is_name(),
                    has_context: !context_words.is_empty(),
                };
                let key = normalize::term(&term.text, !concept.case_sensitive);
                if key.is_empty() {
                    continue;
                }
                if concept.case_sensitive {
                    exact_keys.push(key);
                    exact_patterns.push(pattern.clone());
                } else {
                    // Terms inflect; names do not ("Seul" is no form of "Seúl", though the
                    // Spanish stemmer drops accents) — their genitives are handled apart.
                    if let Some(s) = &stemmer
                        && concept.kind == Kind::Term
                    {
                        let sk = stem_key(s, &key);
                        if sk.trim() != key.trim()
                            || sk.split(' ').filter(|t| !t.is_empty()).count() > 1
                        {
                            stem_keys.push(sk);
                            stem_patterns.push(pattern.clone());
                        }
                    }
                    folded_keys.push(key);
                    folded_patterns.push(pattern);
                }
            }
        }
        let build = |keys: &[String]| {
            (!keys.is_empty())
                .then(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(keys)
                        .ok()
                })
                .flatten()
        };
        Matcher {
            language,
            folded: build(&folded_keys),
            folded_patterns,
            exact: build(&exact_keys),
            exact_patterns,
            stems: build(&stem_keys),
            stemmer,
            stem_patterns,
            context,
            stem_cache: Default::default(),
        }
    }

    /// Every concept occurrence in `text`, leftmost-longest, not overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut candidates: Vec<(Hit, u8)> = Vec::new();
        let folded = normalize::normalize(text, true);
        let mut block_stems: Option<HashSet<String>> = None;
        if let Some(ac) = &self.folded {
            self.surface(ac, &self.folded_patterns, &folded, text, &mut candidates);
        }
        if let Some(ac) = &self.exact {
            let exact = normalize::normalize(text, false);
            self.surface(ac, &self.exact_patterns, &exact, text, &mut candidates);
        }
        if let (Some(ac), Some(stemmer)) = (&self.stems, &self.stemmer) {
            self.by_stems(ac, stemmer, &folded, &mut candidates);
        }
        // Context words: a concept that has them counts only where one occurs.
        candidates.retain(|(hit, _)| {
            let ctx = &self.context[hit.concept];
            if ctx.is_empty() {
                return true;
            }
            let stems = block_stems.get_or_insert_with(|| {
                tokens(&folded.text)
                    .map(|(_, t)| {
                        self.stemmer
                            .as_ref()
                            .map_or(t.to_string(), |s| s.stem(t).into_owned())
                    })
                    .collect()
            });
            ctx.iter().any(|w| stems.contains(w))
        });
        select(candidates)
    }

    fn surface(
        &self,
        ac: &AhoCorasick,
        patterns: &[Pattern],
        normalized: &Normalized,
        original: &str,
        out: &mut Vec<(Hit, u8)>,
    ) {
        let text = &normalized.text;
        for m in ac.find_overlapping_iter(text) {
            let p = &patterns[m.pattern().as_usize()];
            let (s, mut e) = (m.start(), m.end());
            let starts_word = text[s..].chars().next().is_some_and(char::is_alphanumeric);
            let ends_word = text[..e]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let before_ok = !starts_word
                || !text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            let mut after_ok =
                !ends_word || !text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !after_ok && p.is_name {
                // A genitive ending glued to a name: the name is matched, the ending left.
                for ending in genitive_endings(&self.language) {
                    let rest = &text[e..];
                    if rest.starts_with(ending)
                        && !rest[ending.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                    {
                        after_ok = true;
                    }
                }
            }
            if !(before_ok && after_ok) {
                continue;
            }
            // Do not end a match inside whitespace the normalizer collapsed.
            while e > s && text.as_bytes()[e - 1] == b' ' {
                e -= 1;
            }
            let range = normalized.original(s..e);
            if original.get(range.clone()).is_none() {
                continue;
            }
            out.push((
                Hit {
                    range,
                    concept: p.concept,
                    status: p.status,
                    form: p.form.clone(),
                    inflected: false,
                },
                2 + u8::from(p.has_context),
            ));
        }
    }

    fn by_stems(
        &self,
        ac: &AhoCorasick,
        stemmer: &Stemmer,
        folded: &Normalized,
        out: &mut Vec<(Hit, u8)>,
    ) {
        // " stem stem stem " with each token's range in the folded text.
        let mut joined = String::from(" ");
        let mut starts = Vec::new(); // (offset in joined, token range)
        let mut cache = self
            .stem_cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if cache.len() > STEM_CACHE {
            cache.clear();
        }
        for (range, t) in tokens(&folded.text) {
            starts.push((joined.len(), range));
            match cache.get(t) {
                Some(stem) => joined.push_str(stem),
                None => {
                    let stem = stemmer.stem(t).into_owned();
                    joined.push_str(&stem);
                    cache.insert(t.to_string(), stem);
                }
            }
            joined.push(' ');
        }
        drop(cache);
        for m in ac.find_overlapping_iter(&joined) {
            let p = &self.stem_patterns[m.pattern().as_usize()];
            // The match spans from the token starting at m.start()+1 to the one ending at m.end()-1.
            let first = starts.partition_point(|(o, _)| *o < m.start() + 1);
            let last = starts
                .partition_point(|(o, _)| *o < m.end() - 1)
                .saturating_sub(1);
            let (Some((_, a)), Some((_, b))) = (starts.get(first), starts.get(last)) else {
                continue;
            };
            out.push((
                Hit {
                    range: folded.original(a.start..b.end),
                    concept: p.concept,
                    status: p.status,
                    form: p.form.clone(),
                    inflected: true,
                },
                u8::from(p.has_context) * 2,
            ));
        }
    }
}

/// Leftmost-longest selection; at equal spans, context-confirmed concepts win, then surface
/// matches over inflected ones, then preferred over admitted over forbidden.
fn select(mut candidates: Vec<(Hit, u8)>) -> Vec<Hit> {
    candidates.sort_by(|(a, sa), (b, sb)| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(sb.cmp(sa))
            .then(a.status.cmp(&b.status))
    });
    let mut out: Vec<Hit> = Vec::new();
    let mut end = 0;
    for (hit, _) in candidates {
        if hit.range.start < end || hit.range.is_empty() {
            continue;
        }
        end = hit.range.end;
        out.push(hit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, LocaleTerms, Term};

    fn concept(id: &str, kind: Kind, terms: &[(&str, &str, Status)]) -> Concept {
        let mut c = Concept::new(id, kind);
        for (locale, text, status) in terms {
            let entry: &mut LocaleTerms = c.terms.entry(locale.to_string()).or_default();
            match status {
                Status::Preferred => entry.preferred = Some(Term::new(*text)),
                Status::Admitted => entry.admitted.push(Term::new(*text)),
                Status::Forbidden => entry.forbidden.push(Term::new(*text)),
            }
        }
        c
    }

    fn glossary() -> Glossary {
        let mut rfa = concept(
            "rfa",
            Kind::Publication,
            &[("en", "Radio Free Asia", Status::Preferred)],
        );
        rfa.do_not_translate = true;
        let mut blue = concept(
            "blue-news",
            Kind::Publication,
            &[("en", "blue News", Status::Preferred)],
        );
        blue.case_sensitive = true;
        blue.do_not_translate = true;
        let mut jordan_person = concept(
            "jordan-person",
            Kind::Person,
            &[("en", "Jordan", Status::Preferred)],
        );
        jordan_person.context = vec!["coach".into(), "player".into()];
        Glossary {
            concepts: vec![
                rfa,
                concept("asia", Kind::Place, &[("en", "Asia", Status::Preferred)]),
                blue,
                concept(
                    "budanov",
                    Kind::Person,
                    &[
                        ("en", "Kyrylo Budanov", Status::Preferred),
                        ("en", "Budanov", Status::Admitted),
                        ("de", "Kyrylo Budanow", Status::Preferred),
                        ("de", "Budanow", Status::Admitted),
                        ("de", "Budanov", Status::Forbidden),
                    ],
                ),
                concept(
                    "kim",
                    Kind::Person,
                    &[("en", "Kim Yo-jong", Status::Preferred)],
                ),
                concept(
                    "howitzer",
                    Kind::Term,
                    &[
                        ("en", "howitzer", Status::Preferred),
                        ("de", "Haubitze", Status::Preferred),
                        ("es", "obús", Status::Preferred),
                    ],
                ),
                concept(
                    "jordan-place",
                    Kind::Place,
                    &[("en", "Jordan", Status::Preferred)],
                ),
                jordan_person,
            ],
        }
    }

    fn found(m: &Matcher, text: &str) -> Vec<(String, String)> {
        let g = glossary();
        m.find(text)
            .into_iter()
            .map(|h| (g.concepts[h.concept].id.clone(), text[h.range].to_string()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn longest_whole_word_match_wins() {
        let m = Matcher::new(&glossary(), "en", None);
        assert_eq!(
            found(&m, "Radio Free Asia reported from Asia, not Asian markets."),
            pairs(&[("rfa", "Radio Free Asia"), ("asia", "Asia")])
        );
    }

    #[test]
    fn case_sensitive_concepts_need_their_case() {
        let m = Matcher::new(&glossary(), "en", None);
        assert_eq!(
            found(&m, "blue News said"),
            pairs(&[("blue-news", "blue News")])
        );
        assert!(found(&m, "the blue news of the day").is_empty());
    }

    #[test]
    fn typography_possessives_and_genitives() {
        let en = Matcher::new(&glossary(), "en", None);
        assert_eq!(
            found(&en, "Kim Yo‑jong’s statement and KIM YO-JONG's reply"),
            pairs(&[("kim", "Kim Yo‑jong"), ("kim", "KIM YO-JONG")])
        );
        let de = Matcher::new(&glossary(), "de", None);
        assert_eq!(
            found(&de, "Budanows Bericht nennt Budanov."),
            pairs(&[("budanov", "Budanow"), ("budanov", "Budanov")])
        );
        let hits = de.find("nennt Budanov.");
        assert_eq!(hits[0].status, Status::Forbidden);
    }

    #[test]
    fn inflected_terms_are_found_through_stems() {
        let de = Matcher::new(&glossary(), "de", None);
        let hits = de.find("Zwei Haubitzen feuerten.");
        assert_eq!(hits.len(), 1);
        assert!(hits[0].inflected);
        let es = Matcher::new(&glossary(), "es", None);
        assert_eq!(
            found(&es, "Los obuses llegaron."),
            pairs(&[("howitzer", "obuses")])
        );
        let en = Matcher::new(&glossary(), "en", None);
        assert_eq!(
            found(&en, "Two Howitzers fired."),
            pairs(&[("howitzer", "Howitzers")])
        );
    }

    #[test]
    fn context_words_tell_homonyms_apart() {
        let en = Matcher::new(&glossary(), "en", None);
        assert_eq!(
            found(&en, "The coach said Jordan played well."),
            pairs(&[("jordan-person", "Jordan")])
        );
        assert_eq!(
            found(&en, "Refugees crossed into Jordan."),
            pairs(&[("jordan-place", "Jordan")])
        );
    }

    #[test]
    fn dnt_concepts_match_with_source_forms_in_other_locales() {
        let es = Matcher::new(&glossary(), "es", Some("en"));
        assert_eq!(
            found(&es, "Según Radio Free Asia,"),
            pairs(&[("rfa", "Radio Free Asia")])
        );
        let es_no_source = Matcher::new(&glossary(), "es", None);
        assert!(found(&es_no_source, "Según Radio Free Asia,").is_empty());
    }
}
