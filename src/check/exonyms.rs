//! What a name is called in the target language when that is not the source's spelling:
//! "Sweden" is "Suecia", "Moscow" is "Moscú", "NATO" is "OTAN", "Swedish" is "sueco".
//!
//! Real translations write these forms, and a name rule that does not know them reports most
//! country, city, language and people names of a news article as missing. Countries and
//! languages come from CLDR's display names through ICU4X (every region and language CLDR
//! names, in both languages); what CLDR lacks (cities, organizations, holidays, peoples) from
//! `config/exonyms.toml`; the glossary, checked before this, overrides both. A word derived
//! from a name ("Canadian" from "Canada", "Egyptians" from "Egypt") takes the forms of the name
//! it is derived from.

use std::collections::HashMap;

use serde::Deserialize;

/// The built-in table of what CLDR lacks.
pub const TABLE: &str = include_str!("../../config/exonyms.toml");

/// One target language's entries: source name → target forms.
#[derive(Debug, Deserialize, Default)]
struct Entries(HashMap<String, Vec<String>>);

/// Target forms of source names, for one language pair.
#[derive(Debug, Default)]
pub struct Exonyms {
    /// Folded source name → folded target forms.
    forms: HashMap<String, Vec<String>>,
    /// Folded source names, for derived words: sorted, so a prefix search is a range.
    names: Vec<String>,
    /// Names that are languages' names, used as adjectives ("Turkish", "Swedish").
    adjectives: std::collections::HashSet<String>,
}

/// How a name's target form was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The name itself is listed.
    Listed,
    /// The word is derived from a listed name ("Canadian" from "Canada").
    Derived,
}

impl Exonyms {
    /// The forms from `source` names to `target` names (BCP 47 tags).
    pub fn new(source: &str, target: &str) -> Exonyms {
        let mut ex = Exonyms::default();
        let lang = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_lowercase();
        let (sl, tl) = (lang(source), lang(target));
        if sl == tl {
            return ex;
        }
        ex.add_cldr(source, target);
        if let Ok(table) = toml::from_str::<HashMap<String, HashMap<String, Entries>>>(TABLE)
            && let Some(entries) = table.get(&sl).and_then(|t| t.get(&tl))
        {
            for (name, forms) in &entries.0 {
                ex.add(name, forms.iter().map(String::as_str));
            }
        }
        ex.names = ex.forms.keys().cloned().collect();
        ex.names.sort();
        // A listed word derived from another listed name takes that name's forms too: the
        // language "Korean" is also the adjective of "Korea" ("Nordkoreas").
        let extra: Vec<(String, Vec<String>)> = ex
            .names
            .iter()
            .filter_map(|n| {
                let base = ex.derived_base(n).filter(|b| *b != n)?;
                Some((n.clone(), ex.forms.get(base)?.clone()))
            })
            .collect();
        for (name, forms) in extra {
            let entry = ex.forms.entry(name).or_default();
            for f in forms {
                if !entry.contains(&f) {
                    entry.push(f);
                }
            }
        }
        ex
    }

    /// The listed single-word name `key` is derived from, if any.
    fn derived_base(&self, key: &str) -> Option<&String> {
        if key.chars().count() < 4 || key.contains(' ') {
            return None;
        }
        let head: String = key.chars().take(4).collect();
        let start = self.names.partition_point(|n| n.as_str() < head.as_str());
        self.names[start..]
            .iter()
            .take_while(|n| n.starts_with(&head))
            .filter(|n| !n.contains(' ') && n.as_str() != key)
            .filter(|n| derived_from(key, n))
            .max_by_key(|n| n.len())
    }

    fn add<'a>(&mut self, name: &str, forms: impl IntoIterator<Item = &'a str>) {
        let key = super::names::fold_phrase(name);
        if key.is_empty() {
            return;
        }
        let entry = self.forms.entry(key).or_default();
        for f in forms {
            let f = super::names::fold_phrase(f);
            if !f.is_empty() && !entry.contains(&f) {
                entry.push(f);
            }
        }
    }

    /// Every region and language CLDR names in both locales.
    fn add_cldr(&mut self, source: &str, target: &str) {
        use icu::experimental::displaynames::{
            DisplayNamesOptions,
            multi::{LanguageDisplayNames, RegionDisplayNames},
        };
        use icu::locale::subtags::{Language, Region};
        let (Ok(sl), Ok(tl)) = (
            icu::locale::Locale::try_from_str(source),
            icu::locale::Locale::try_from_str(target),
        ) else {
            return;
        };
        let opts = DisplayNamesOptions::default;
        let languages_target = LanguageDisplayNames::try_new((&tl).into(), opts());
        let regions = (
            RegionDisplayNames::try_new((&sl).into(), opts()),
            RegionDisplayNames::try_new((&tl).into(), opts()),
        );
        if let (Ok(s), Ok(t)) = &regions {
            let letters = b'A'..=b'Z';
            let codes = letters.clone().flat_map(|a| {
                (b'A'..=b'Z').map(move |b| String::from_utf8_lossy(&[a, b]).into_owned())
            });
            // The UN M.49 areas news names: world, continents and their parts.
            let areas = [
                "002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029",
                "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150",
                "151", "154", "155", "202", "419",
            ];
            for code in codes.chain(areas.iter().map(|a| a.to_string())) {
                let Ok(region) = Region::try_from_str(&code) else {
                    continue;
                };
                if let (Some(a), Some(b)) = (s.of(region), t.of(region)) {
                    // A country's adjective is most often its language's name ("polnisch",
                    // "polonais" for Poland).
                    let language = main_language(region)
                        .and_then(|l| languages_target.as_ref().ok().and_then(|n| n.of(l)));
                    self.add(a, std::iter::once(b).chain(language));
                }
            }
        }
        let languages = (
            LanguageDisplayNames::try_new((&sl).into(), opts()),
            LanguageDisplayNames::try_new((&tl).into(), opts()),
        );
        if let (Ok(s), Ok(t)) = &languages {
            for code in LANGUAGES {
                let Ok(language) = Language::try_from_str(code) else {
                    continue;
                };
                if let (Some(a), Some(b)) = (s.of(language), t.of(language)) {
                    self.add(a, [b]);
                    self.adjectives.insert(super::names::fold_phrase(a));
                }
            }
        }
    }

    /// Whether a folded name is an adjective of a people or a language ("turkish",
    /// "canadian"): it describes a name, it is none.
    pub fn is_adjective(&self, key: &str) -> bool {
        self.adjectives.contains(key)
            || (!self.forms.contains_key(key) && self.derived_base(key).is_some())
    }

    /// The target forms of a folded source name, and how they were found: the name itself, or
    /// the name it is derived from (a shared beginning of at least four letters and most of the
    /// name: "canadian" → "canada", "egyptians" → "egypt", never "austrian" → "australia").
    pub fn forms(&self, key: &str) -> Option<(&[String], Source)> {
        if let Some(f) = self.forms.get(key) {
            return Some((f, Source::Listed));
        }
        self.derived_base(key)
            .and_then(|n| self.forms.get(n))
            .map(|f| (f.as_slice(), Source::Derived))
    }

    /// Whether any of `forms` is among the target's folded words: the form itself, or a word
    /// derived from it ("suecia" in "sueco", "alemania" in "alemanes", "estados unidos" in
    /// "estadounidense").
    pub fn present(forms: &[String], target_words: &[String]) -> bool {
        forms.iter().any(|form| {
            form.split(' ')
                .filter(|w| w.chars().count() >= 2)
                .any(|fw| {
                    // A compound holds the name: "Nordmexiko", "norcoreano".
                    let inside = |t: &String| fw.chars().count() >= 5 && t.contains(fw);
                    target_words
                        .iter()
                        .any(|t| t == fw || related(t, fw) || inside(t))
                })
        })
    }
}

/// The language most spoken in a region, from CLDR's likely subtags ("und-PL" is Polish).
fn main_language(region: icu::locale::subtags::Region) -> Option<icu::locale::subtags::Language> {
    use icu::locale::LocaleExpander;
    let mut locale = icu::locale::Locale::UNKNOWN;
    locale.id.region = Some(region);
    LocaleExpander::new_common().maximize(&mut locale.id);
    let language = locale.id.language;
    (!language.is_unknown()).then_some(language)
}

/// Whether `word` is derived from `name` the way English derives people and adjectives from
/// places: the name, less at most two final letters, and an ending of the kind ("canadian" from
/// "canada", "moroccan" from "morocco", "swedish" from "sweden", "iraqi" from "iraq"; never
/// "brunner" from "brunei" or "austrian" from "australia").
fn derived_from(word: &str, name: &str) -> bool {
    const ENDINGS: [&str; 16] = [
        "ians", "ian", "ans", "an", "ns", "n", "ese", "ish", "is", "i", "ers", "er", "ic", "ites",
        "es", "s",
    ];
    let name: Vec<char> = name.chars().collect();
    (0..=2.min(name.len().saturating_sub(4))).any(|drop| {
        let stem: String = name[..name.len() - drop].iter().collect();
        word.strip_prefix(stem.as_str())
            .is_some_and(|ending| ENDINGS.contains(&ending))
    })
}

/// Whether two words are forms of one word: a shared beginning of at least four letters, and
/// all but the last three letters of the longer one or the last two of the shorter one
/// ("sueco", "suecia"; "alemanes", "alemania"; "japanischen", "japan"; "russisch", "russia").
pub fn related(a: &str, b: &str) -> bool {
    let common = common_prefix(a, b);
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && (common + 3 >= la.max(lb) || common + 2 >= la.min(lb))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The ISO 639 languages news writes about (CLDR's display names have hundreds; these are the
/// ones whose English names are also names of peoples and adjectives in articles).
const LANGUAGES: [&str; 96] = [
    "af", "am", "ar", "az", "be", "bg", "bn", "bo", "bs", "ca", "cs", "cy", "da", "de", "el", "en",
    "eo", "es", "et", "eu", "fa", "fi", "fil", "fr", "ga", "gd", "gl", "gu", "ha", "he", "hi",
    "hr", "hu", "hy", "id", "ig", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko", "ku", "ky",
    "la", "lb", "lo", "lt", "lv", "mg", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl",
    "no", "pa", "pl", "ps", "pt", "ro", "ru", "sa", "sd", "si", "sk", "sl", "so", "sq", "sr", "sv",
    "sw", "ta", "te", "tg", "th", "tk", "tr", "uk", "ur", "uz", "vi", "xh", "yi", "yo", "zh", "zu",
    "se",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(ex: &Exonyms, name: &str) -> Vec<String> {
        ex.forms(&super::super::names::fold_phrase(name))
            .map(|(f, _)| f.to_vec())
            .unwrap_or_default()
    }

    #[test]
    fn countries_and_languages_come_from_cldr() {
        let es = Exonyms::new("en", "es");
        assert!(forms(&es, "Sweden").contains(&"suecia".to_string()));
        assert!(forms(&es, "Ukraine").contains(&"ucrania".to_string()));
        assert!(forms(&es, "Germany").contains(&"alemania".to_string()));
        assert!(forms(&es, "Arabic").contains(&"arabe".to_string()));
        let de = Exonyms::new("en", "de");
        assert!(forms(&de, "Germany").contains(&"deutschland".to_string()));
        let fr = Exonyms::new("en", "fr");
        assert!(forms(&fr, "Sweden").contains(&"suede".to_string()));
        assert!(
            forms(&de, "Poland").contains(&"polnisch".to_string()),
            "the language's name"
        );
    }

    #[test]
    fn derived_words_take_the_forms_of_their_name() {
        let es = Exonyms::new("en", "es");
        assert_eq!(
            es.forms("canadian").map(|(f, s)| (f.to_vec(), s)),
            Some((vec!["canada".to_string()], Source::Derived))
        );
        assert!(es.forms("egyptians").is_some());
        assert!(es.forms("swedish").is_some());
        assert!(es.forms("brunner").is_none(), "not from Brunei");
        assert!(
            es.forms("austrian").map(|(f, _)| f.to_vec())
                != es.forms("australia").map(|(f, _)| f.to_vec())
        );
        assert!(Exonyms::present(
            &["suecia".to_string()],
            &["los".into(), "reyes".into(), "suecos".into()]
        ));
        assert!(!Exonyms::present(
            &["suecia".to_string()],
            &["suiza".into()]
        ));
    }

    #[test]
    fn the_table_gives_what_cldr_lacks() {
        let es = Exonyms::new("en", "es");
        assert!(forms(&es, "Moscow").contains(&"moscu".to_string()));
        assert!(forms(&es, "NATO").contains(&"otan".to_string()));
        assert!(forms(&es, "Christmas").contains(&"navidad".to_string()));
        let fr = Exonyms::new("en", "fr");
        assert!(forms(&fr, "Putin").contains(&"poutine".to_string()));
        assert!(forms(&Exonyms::new("en", "de"), "Putin").is_empty());
    }
}
