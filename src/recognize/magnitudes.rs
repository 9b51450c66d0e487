//! Amounts with a scale word or a currency: "$16 billion", "£1.8bn", "€5m", "3.5 million",
//! "N585 million", "$500".
//!
//! An amount is read by value (number × power of ten, currency) so that "16.000 millones de
//! dólares", "16 Milliarden Dollar" and "16 milliards de dollars" are all the same amount, and
//! written the way the target language writes it. Scale and currency words come from
//! `config/magnitudes.toml` (see there why not from CLDR); digits, grouping and the singular or
//! plural choice come from CLDR through ICU4X. An abbreviation ("m", "bn") is read only right
//! after a currency amount, so "100m" after "€" is a hundred million and "100m" alone stays a
//! hundred metres.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use icu::plurals::{PluralCategory, PluralRules};
use serde::Deserialize;

use super::numbers::{NumberLocale, NumberToken, scan};

/// The shipped table.
pub const TABLE: &str = include_str!("../../config/magnitudes.toml");

/// One language's words.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Language {
    #[serde(default)]
    scales: BTreeMap<String, [String; 2]>,
    #[serde(default)]
    read: BTreeMap<String, i16>,
    #[serde(default)]
    abbrev: BTreeMap<String, i16>,
    #[serde(default)]
    of: String,
    #[serde(default)]
    of_vowel: Option<String>,
    #[serde(default)]
    currencies: BTreeMap<String, [String; 2]>,
}

/// An amount found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// Bytes of the whole amount, currency and scale word included.
    pub range: Range<usize>,
    /// The number as written.
    pub number: NumberToken,
    /// Power of ten the number is scaled by (0: none).
    pub scale: i16,
    /// ISO 4217 code, when a currency is written.
    pub currency: Option<String>,
}

/// An amount found in an engine's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Bytes of it.
    pub range: Range<usize>,
    /// Whether a currency symbol or word is in the range.
    pub currency: bool,
    /// Whether a scale word is.
    pub scale: bool,
}

/// Scale words and currencies of every language in the table.
#[derive(Default)]
pub struct Magnitudes {
    languages: HashMap<String, Language>,
    /// Currency symbols and codes written before an amount, longest first.
    symbols: Vec<(String, String)>,
    /// Every word read as a scale, lowercased, longest first: (word, power).
    words: Lexicon<i16>,
    /// Every language's abbreviations, read after a currency in an engine's text.
    all_abbrevs: Language,
    /// The same per language ("billion" is 10⁹ in English and 10¹² in French).
    own_words: HashMap<String, Lexicon<i16>>,
    /// Every currency word, lowercased, longest first: (word, code).
    currency_words: Lexicon<String>,
}

/// Words grouped by their first letter, longest first within a group: a lookup at a number
/// compares the few words that can start there, not the whole table (hundreds of currency
/// names in every language), which was most of the checks' time.
#[derive(Debug, Clone)]
struct Lexicon<T> {
    by_first: HashMap<char, Vec<(String, T)>>,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first: HashMap::new(),
        }
    }
}

impl<T: PartialEq + Clone> Lexicon<T> {
    fn new(words: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut by_first: HashMap<char, Vec<(String, T)>> = HashMap::new();
        for (w, v) in words {
            if let Some(c) = super::first_lower(&w) {
                by_first.entry(c).or_default().push((w, v));
            }
        }
        for list in by_first.values_mut() {
            longest_first(list);
        }
        Lexicon { by_first }
    }

    /// The longest word `text` starts with (as a whole word).
    fn find(&self, text: &str) -> Option<&(String, T)> {
        let c = super::first_lower(text)?;
        self.by_first
            .get(&c)?
            .iter()
            .find(|(w, _)| starts_word(text, w))
    }

    fn all(&self) -> impl Iterator<Item = &(String, T)> {
        self.by_first.values().flatten()
    }
}

impl Magnitudes {
    /// The shipped table (an unreadable table is a build-time mistake, caught by the tests).
    pub fn builtin() -> Magnitudes {
        Magnitudes::parse(TABLE).unwrap_or_default()
    }

    /// Reads a table.
    pub fn parse(text: &str) -> Result<Magnitudes, toml::de::Error> {
        #[derive(Deserialize, Default)]
        struct File {
            #[serde(default)]
            symbols: BTreeMap<String, String>,
            #[serde(flatten)]
            languages: HashMap<String, Language>,
        }
        let file: File = toml::from_str(text)?;
        let mut symbols: Vec<(String, String)> = file.symbols.into_iter().collect();
        symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let mut own_words = HashMap::new();
        let mut currency_words = Vec::new();
        for (tag, lang) in &file.languages {
            let mut words = Vec::new();
            for (power, forms) in &lang.scales {
                if let Ok(p) = power.parse::<i16>() {
                    words.extend(forms.iter().map(|w| (w.to_lowercase(), p)));
                }
            }
            words.extend(lang.read.iter().map(|(w, p)| (w.to_lowercase(), *p)));
            own_words.insert(tag.clone(), Lexicon::new(words));
            for (code, forms) in &lang.currencies {
                currency_words.extend(forms.iter().map(|w| (w.to_lowercase(), code.clone())));
            }
        }
        // In an engine's text a scale word of any language counts (false friends included).
        let words = Lexicon::new(
            own_words
                .values()
                .flat_map(Lexicon::all)
                .cloned()
                .collect::<Vec<_>>(),
        );
        let currency_words = Lexicon::new(currency_words);
        let all_abbrevs = Language {
            abbrev: file
                .languages
                .values()
                .flat_map(|l| l.abbrev.clone())
                .collect(),
            ..Language::default()
        };
        Ok(Magnitudes {
            all_abbrevs,
            languages: file.languages,
            symbols,
            words,
            own_words,
            currency_words,
        })
    }

    fn language(&self, tag: &str) -> Option<&Language> {
        self.languages
            .get(tag)
            .or_else(|| self.languages.get(tag.split('-').next().unwrap_or(tag)))
    }

    /// The scale words `tag` reads (all languages' when the table does not have it).
    fn words_of(&self, tag: &str) -> &Lexicon<i16> {
        self.own_words
            .get(tag)
            .or_else(|| self.own_words.get(tag.split('-').next().unwrap_or(tag)))
            .unwrap_or(&self.words)
    }

    /// Amounts in `text` written in `locale`: a number with a scale word after it, or with a
    /// currency before or after it (then abbreviations count as scales too).
    pub fn amounts(&self, text: &str, locale: &str) -> Vec<Amount> {
        self.amounts_of(text, &scan(text), locale)
    }

    /// [`Magnitudes::amounts`] with the numbers of `text` already scanned (a check reads a
    /// block's numbers once for all its rules).
    pub fn amounts_of(&self, text: &str, numbers: &[NumberToken], locale: &str) -> Vec<Amount> {
        let lang = self.language(locale);
        let mut out = Vec::new();
        for n in numbers {
            if n.percent || n.full != n.range {
                continue;
            }
            let n = n.clone();
            let before = &text[..n.range.start];
            let symbol = self.symbol_before(before);
            let mut end = n.range.end;
            let mut scale = 0;
            let words = self.words_of(locale);
            if let Some((len, power)) =
                self.scale_after(&text[end..], words, lang, symbol.is_some())
            {
                end += len;
                scale = power;
            }
            let mut currency = symbol.as_ref().map(|(_, code)| code.clone());
            if let Some((len, code)) = self.currency_after(&text[end..], lang) {
                end += len;
                currency = currency.or(Some(code));
            }
            if scale == 0 && currency.is_none() {
                continue;
            }
            let start = symbol.map_or(n.range.start, |(len, _)| n.range.start - len);
            out.push(Amount {
                range: start..end,
                number: n,
                scale,
                currency,
            });
        }
        out
    }

    /// A currency symbol or code right before a number: its length (with a space after a
    /// code) and its code.
    fn symbol_before(&self, before: &str) -> Option<(usize, String)> {
        // Only symbols that end where the text does (or one space before) can match: a
        // cheap test before the comparison, which runs at every number.
        let last = before.chars().next_back();
        let spaced_last = before.strip_suffix(' ').and_then(|b| b.chars().next_back());
        for (symbol, code) in &self.symbols {
            let end = symbol.chars().next_back();
            if end != last && end != spaced_last {
                continue;
            }
            let letters = symbol.chars().all(char::is_alphabetic);
            let spaced = letters && before.ends_with(' ');
            let head = if spaced {
                &before[..before.len() - 1]
            } else {
                before
            };
            if !head.ends_with(symbol.as_str()) {
                continue;
            }
            let prior = head[..head.len() - symbol.len()].chars().next_back();
            let standalone = !prior.is_some_and(char::is_alphanumeric);
            if standalone && (!letters || spaced || symbol.len() == 3) {
                return Some((symbol.len() + usize::from(spaced), code.clone()));
            }
        }
        // "N585 million": the naira's Latin letter, only glued to a number.
        if before.ends_with('N') && !before[..before.len() - 1].ends_with(char::is_alphanumeric) {
            return Some((1, "NGN".to_string()));
        }
        None
    }

    /// Scale words right after a number ("billion", " mil millones", "bn"): bytes and power.
    fn scale_after(
        &self,
        rest: &str,
        words: &Lexicon<i16>,
        lang: Option<&Language>,
        money: bool,
    ) -> Option<(usize, i16)> {
        let mut at = 0;
        let mut power = 0;
        loop {
            let space = space_len(&rest[at..]);
            let spaced = space > 0;
            let from = at + space;
            let word = words.find(&rest[from..]);
            let abbrev = (money && power == 0)
                .then(|| {
                    lang.into_iter()
                        .flat_map(|l| l.abbrev.iter())
                        .filter(|(w, _)| starts_word(&rest[from..], w))
                        .max_by_key(|(w, _)| w.len())
                })
                .flatten()
                .map(|(w, p)| (w.clone(), *p));
            match word.cloned().or(abbrev) {
                Some((w, p)) if power == 0 || spaced => {
                    at = from + w.len();
                    power += p;
                }
                _ => break,
            }
        }
        (power > 0).then_some((at, power))
    }

    /// A currency word right after an amount ("dollars", " de dólares"): bytes and code.
    fn currency_after(&self, rest: &str, lang: Option<&Language>) -> Option<(usize, String)> {
        let mut from = space_len(rest);
        if from == 0 {
            return None;
        }
        for of in lang
            .into_iter()
            .flat_map(|l| [Some(&l.of), l.of_vowel.as_ref()])
        {
            let Some(of) = of.filter(|o| !o.is_empty()) else {
                continue;
            };
            if starts_word(&rest[from..], of) && rest[from + of.len()..].starts_with(' ') {
                from += of.len() + 1;
                break;
            }
            if of.ends_with('’') && rest[from..].starts_with(of.as_str()) {
                from += of.len();
                break;
            }
        }
        self.currency_words
            .find(&rest[from..])
            .map(|(w, code)| (from + w.len(), code.clone()))
    }

    /// How `locale` writes `amount` (read in `source` numbers), or `None` when the table has
    /// no words for it there.
    pub fn render(
        &self,
        amount: &Amount,
        source: &NumberLocale,
        target: &NumberLocale,
        plurals: &PluralRules,
        locale: &str,
    ) -> Option<String> {
        let lang = self.language(locale)?;
        let mut value = source.decimal(&amount.number.raw)?;
        let mut words = String::new();
        if amount.scale > 0 {
            let (power, forms) = lang
                .scales
                .iter()
                .filter_map(|(p, f)| Some((p.parse::<i16>().ok()?, f)))
                .filter(|(p, _)| *p <= amount.scale)
                .max_by_key(|(p, _)| *p)?;
            value.multiply_pow10(amount.scale - power);
            value.trim_end();
            let one = plurals.category_for(&value) == PluralCategory::One;
            words.push(' ');
            words.push_str(&forms[usize::from(!one)]);
        }
        let number = target.format_decimal(&value);
        let Some(code) = &amount.currency else {
            return Some(format!("{number}{words}"));
        };
        let forms = lang.currencies.get(code)?;
        let one = amount.scale == 0 && plurals.category_for(&value) == PluralCategory::One;
        let name = &forms[usize::from(!one)];
        let of = match (&lang.of_vowel, amount.scale > 0 && !lang.of.is_empty()) {
            (_, false) => " ".to_string(),
            (Some(v), true) if name.starts_with(is_vowel) => format!(" {v}"),
            _ => format!(" {} ", lang.of),
        };
        Some(format!("{number}{words}{of}{name}"))
    }

    /// Where `amount` (of a source text) is in an engine's `target` text, whatever form the
    /// engine gave it: the number with the same digits, with any currency symbol before it and
    /// any scale and currency words after it, in any language of the table. `taken` are
    /// ranges already matched. Says too whether a currency and a scale word are in the range
    /// (an engine may write them where verso cannot tell: "150 millones suizo francs").
    pub fn find_in(
        &self,
        amount: &Amount,
        source: &NumberLocale,
        target: &str,
        taken: &[Range<usize>],
    ) -> Option<Found> {
        let value = source.parse(&amount.number.raw)?;
        for n in scan(target) {
            if n.percent
                || taken
                    .iter()
                    .any(|t| t.start < n.range.end && n.range.start < t.end)
            {
                continue;
            }
            let same = super::numbers::readings(&n.raw)
                .iter()
                .any(|r| (r - value).abs() < 1e-9);
            if !same {
                continue;
            }
            let symbol = self.symbol_before(&target[..n.range.start]);
            let start = symbol.map_or(n.range.start, |(len, _)| n.range.start - len);
            let mut end = n.range.end;
            let scaled = self.scale_after(
                &target[end..],
                &self.words,
                Some(&self.all_abbrevs),
                start < n.range.start,
            );
            if let Some((len, _)) = scaled {
                end += len;
            }
            let currency = self
                .languages
                .values()
                .find_map(|l| self.currency_after(&target[end..], Some(l)));
            if let Some((len, _)) = &currency {
                end += len;
            }
            // A compound ("16-Millionen-Dollar-Projekt", "£44m-Neuzugang") is the engine's
            // own construction: rewriting a part of it would break the word.
            let compound = target[end..].starts_with('-') || target[n.range.end..].starts_with('-');
            if compound {
                continue;
            }
            // A bare number is not taken for the amount: the engine wrote its words in a way
            // the table does not know ("1.4 miles de millones" before "miles" was in it), and
            // writing the amount there would leave them behind.
            let has_currency = start < n.range.start || currency.is_some();
            if has_currency || scaled.is_some() {
                return Some(Found {
                    range: start..end,
                    currency: has_currency,
                    scale: scaled.is_some(),
                });
            }
        }
        None
    }
}

/// Bytes of a space or no-break space at the start of `text` (0: none).
fn space_len(text: &str) -> usize {
    text.chars()
        .next()
        .filter(|c| matches!(c, ' ' | '\u{a0}'))
        .map_or(0, char::len_utf8)
}

fn longest_first<T: PartialEq>(words: &mut Vec<(String, T)>) {
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    words.dedup();
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e' | 'i' | 'o' | 'u' | 'é' | 'è' | 'ê' | 'h'
    )
}

/// Whether `text` starts with `word` (case-insensitive) followed by no letter or digit.
fn starts_word(text: &str, word: &str) -> bool {
    let Some(head) = text.get(..word.len()) else {
        return false;
    };
    // Compared without allocating: this runs for every word of the table at every number.
    head.chars()
        .flat_map(char::to_lowercase)
        .eq(word.chars().flat_map(char::to_lowercase))
        && !text[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(tag: &str) -> PluralRules {
        let locale = icu::locale::Locale::try_from_str(tag).expect("tag");
        PluralRules::try_new_cardinal((&locale).into()).expect("plural rules")
    }

    fn localize(text: &str, tag: &str) -> Vec<String> {
        let m = Magnitudes::builtin();
        let en = NumberLocale::new("en");
        let target = NumberLocale::new(tag);
        m.amounts(text, "en")
            .iter()
            .map(|a| {
                m.render(a, &en, &target, &rules(tag), tag)
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn amounts_are_read_by_value_with_currency_and_scale() {
        let m = Magnitudes::builtin();
        let text =
            "It lent $16 billion, £1.8bn and €5m; N585 million; 3.5 million people; 100m away.";
        let amounts = m.amounts(text, "en");
        let found: Vec<(&str, i16, Option<&str>)> = amounts
            .iter()
            .map(|a| (&text[a.range.clone()], a.scale, a.currency.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("$16 billion", 9, Some("USD")),
                ("£1.8bn", 9, Some("GBP")),
                ("€5m", 6, Some("EUR")),
                ("N585 million", 6, Some("NGN")),
                ("3.5 million", 6, None),
            ],
            "100m without a currency is a distance, not an amount"
        );
    }

    #[test]
    fn amounts_are_written_in_the_target_languages_words() {
        let text = "$16 billion, £1.8bn, €5m, 3.5 million, $1 million and $500";
        assert_eq!(
            localize(text, "es"),
            [
                "16.000 millones de dólares",
                "1800 millones de libras",
                "5 millones de euros",
                "3,5 millones",
                "1 millón de dólares",
                "500 dólares"
            ]
        );
        assert_eq!(
            localize(text, "de"),
            [
                "16 Milliarden Dollar",
                "1,8 Milliarden Pfund",
                "5 Millionen Euro",
                "3,5 Millionen",
                "1 Million Dollar",
                "500 Dollar"
            ]
        );
        assert_eq!(
            localize("$16 billion and €5m", "fr"),
            ["16 milliards de dollars", "5 millions d’euros"]
        );
    }

    #[test]
    fn a_no_break_space_before_a_scale_word_is_read_whole() {
        let m = Magnitudes::builtin();
        let a = m.amounts("$5\u{a0}million and 5\u{a0}000", "en");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].scale, 6);
    }

    #[test]
    fn an_engines_compound_is_left_whole_and_its_abbreviations_are_read() {
        let m = Magnitudes::builtin();
        let en = NumberLocale::new("en");
        let source = m.amounts(
            "Less than half of its 16 million citizens; a £44m signing; a £1.7m site.",
            "en",
        );
        assert_eq!(source.len(), 3);
        let target = "Weniger als die Hälfte der 16-Millionen Bürger; 44-Millionen-Pfund-Neuzugang; £1,7m Standort.";
        assert_eq!(m.find_in(&source[0], &en, target, &[]), None);
        assert_eq!(m.find_in(&source[1], &en, target, &[]), None);
        let found = m.find_in(&source[2], &en, target, &[]).expect("found");
        assert_eq!((&target[found.range], found.currency), ("£1,7m", true));
    }

    #[test]
    fn the_engines_rendering_is_found_whatever_its_words() {
        let m = Magnitudes::builtin();
        let en = NumberLocale::new("en");
        let source = m.amounts("Exports fell to £1.8bn after 1.8 years.", "en");
        let target = "Las exportaciones cayeron a 1.8 billones de libras tras 1.8 años.";
        let found = m.find_in(&source[0], &en, target, &[]).expect("found");
        assert_eq!(&target[found.range], "1.8 billones de libras");
        assert!(found.currency && found.scale);
        let source = m.amounts("The bank lent $16 billion to 16 ports.", "en");
        let target = "El banco dejó $16 mil millones a 16 puertos.";
        let found = m.find_in(&source[0], &en, target, &[]).expect("found");
        assert_eq!(&target[found.range], "$16 mil millones");
    }
}
