//! Numbers in a locale's own format: found in text, read by value, written the CLDR way.
//!
//! Each locale's grouping and decimal separators and its minimum grouping come from CLDR through
//! ICU4X (by formatting sample numbers), so en "11,000", es "11.000", de-CH "11'000" and fr
//! "11 000" all read as 11000 in their own locale, while "11,000" read as Spanish is eleven.
//! Printed text often uses a typographic apostrophe for Swiss grouping and a plain space or a
//! no-break space for French: those are accepted as the same separator.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;

/// Number words (zero to twenty) per language.
pub const NUMBER_WORDS: &str = include_str!("../../config/number-words.toml");

/// How one locale writes numbers.
pub struct NumberLocale {
    /// The grouping separator CLDR gives ('.', ',', '\'', U+202F, U+00A0).
    pub group: char,
    /// The decimal separator.
    pub decimal: char,
    /// Digits an integer needs before it is grouped (es: 5, so 4000 but 11.000).
    pub min_grouped_digits: usize,
    formatter: Option<DecimalFormatter>,
    words: HashMap<String, u32>,
    multiples: HashMap<String, u64>,
    joiners: Vec<String>,
}

/// A number written in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    /// Bytes of the digits and separators.
    pub range: Range<usize>,
    /// Bytes including a percent sign or an ordinal ending.
    pub full: Range<usize>,
    /// The digits and separators as written.
    pub raw: String,
    /// Followed by a percent sign.
    pub percent: bool,
}

fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

impl NumberLocale {
    /// The number format of a BCP 47 locale, from CLDR.
    pub fn new(tag: &str) -> NumberLocale {
        let formatter = icu::locale::Locale::try_from_str(tag)
            .ok()
            .and_then(|l| DecimalFormatter::try_new((&l).into(), Default::default()).ok());
        let sample = |s: &str| {
            let d: Option<Decimal> = s.parse().ok();
            match (&formatter, d) {
                (Some(f), Some(d)) => f.format(&d).to_string(),
                _ => s.to_string(),
            }
        };
        let big = sample("1234567.5");
        let mut non_digits = big.chars().filter(|c| !c.is_ascii_digit());
        let group = non_digits.next().unwrap_or(',');
        let decimal = big
            .chars()
            .rev()
            .find(|c| !c.is_ascii_digit())
            .unwrap_or('.');
        let min_grouped_digits = (4..=6)
            .find(|&n| sample(&format!("1{}", "0".repeat(n - 1))).contains(group))
            .unwrap_or(4);
        let language = tag.split('-').next().unwrap_or(tag);
        let all: HashMap<String, Vec<Vec<String>>> =
            toml::from_str(NUMBER_WORDS).unwrap_or_default();
        let words = all
            .get(language)
            .map(|forms| {
                forms
                    .iter()
                    .enumerate()
                    .flat_map(|(n, ws)| ws.iter().map(move |w| (w.clone(), n as u32)))
                    .collect()
            })
            .unwrap_or_default();
        let mut multiples: HashMap<String, Multiples> =
            toml::from_str(NUMBER_MULTIPLES).unwrap_or_default();
        debug_assert!(!multiples.is_empty(), "config/number-multiples.toml parses");
        let m = multiples.remove(language).unwrap_or_default();
        NumberLocale {
            group,
            decimal,
            min_grouped_digits,
            formatter,
            words,
            multiples: m
                .words
                .into_iter()
                .chain(m.ordinals)
                .map(|(w, v)| (w.to_lowercase(), v))
                .collect(),
            joiners: m.and,
        }
    }

    /// The locale's own grouping mark (its apostrophes and spaces alike).
    fn is_own_group(&self, c: char) -> bool {
        c == self.group
            || (matches!(self.group, '\'' | '’') && matches!(c, '\'' | '’'))
            || (is_space_group(self.group) && is_space_group(c))
    }

    /// A space groups thousands in every locale here (ISO 80000 and SI, what the RAE and
    /// Duden recommend beside the locale's own mark): "17 500" reads as 17500 in Spanish too.
    fn is_group(&self, c: char) -> bool {
        self.is_own_group(c) || is_space_group(c)
    }

    /// Whether `raw` groups with a space where the locale's own mark is another ("16 000" in
    /// German): read the same, written otherwise.
    pub fn is_space_grouped(&self, raw: &str) -> bool {
        !is_space_group(self.group) && raw.contains(is_space_group)
    }

    /// Reads a number as this locale writes it; `None` if it is not a valid number here.
    pub fn parse(&self, raw: &str) -> Option<f64> {
        parse_with(raw, |c| self.is_group(c), self.decimal)
    }

    /// The CLDR form of a value with `decimals` fraction digits.
    pub fn format(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        match (&self.formatter, text.parse::<Decimal>()) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => text,
        }
    }

    /// `raw` read in this locale as an exact decimal (no binary rounding: 1.8 × 1000 is 1800).
    pub fn decimal(&self, raw: &str) -> Option<Decimal> {
        let value = self.parse(raw)?;
        let decimals = raw
            .rfind(self.decimal)
            .filter(|&at| {
                self.parse(&raw[..at]).is_some() && at + self.decimal.len_utf8() < raw.len()
            })
            .map_or(0, |at| raw.len() - at - self.decimal.len_utf8());
        format!("{value:.decimals$}").parse().ok()
    }

    /// The CLDR form of an exact decimal.
    pub fn format_decimal(&self, value: &Decimal) -> String {
        match &self.formatter {
            Some(f) => f.format(value).to_string(),
            None => value.to_string(),
        }
    }

    /// Whether `raw` is exactly how CLDR writes its value here (years and other four-digit
    /// integers without separators are accepted as they are written).
    pub fn is_cldr_form(&self, raw: &str, value: f64) -> bool {
        let decimals = raw
            .rfind(self.decimal)
            .filter(|_| !self.is_group(self.decimal))
            .map_or(0, |at| raw.len() - at - self.decimal.len_utf8());
        let expected = self.format(value, decimals);
        let same = |a: &str, b: &str| {
            a.chars()
                .zip(b.chars())
                .all(|(x, y)| x == y || (self.is_own_group(x) && self.is_own_group(y)))
                && a.chars().count() == b.chars().count()
        };
        same(raw, &expected) || (raw.len() == 4 && raw.chars().all(|c| c.is_ascii_digit()))
    }

    /// Every number word with its value.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.words.iter().map(|(w, v)| (w.as_str(), *v))
    }

    /// The value of a number word, if `word` is one ("cinco" → 5).
    pub fn word_value(&self, word: &str) -> Option<u32> {
        self.words.get(lower(word).as_ref()).copied()
    }

    /// Values of the numbers spelled out in `text`, each group of number words read as one
    /// number ("cuarenta y seis" = 46, "doce mil" = 12000, "quarante-six" = 46), and Roman
    /// numerals of two letters or more ("siglo XIX" = 19).
    pub fn spelled(&self, text: &str) -> Vec<f64> {
        let mut out = Vec::new();
        let (mut total, mut group, mut words) = (0u64, 0u64, 0usize);
        let mut previous: Cow<str> = Cow::Borrowed("");
        let flush = |total: &mut u64, group: &mut u64, words: &mut usize, out: &mut Vec<f64>| {
            if *words > 0 {
                out.push((*total + *group) as f64);
            }
            (*total, *group, *words) = (0, 0, 0);
        };
        for token in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            for w in token.split('-').filter(|w| !w.is_empty()) {
                let lower = lower(w);
                // "achtmal", "dreifach": a number word with a multiplier ending.
                let base = ["mal", "fach"]
                    .iter()
                    .find_map(|e| lower.strip_suffix(e))
                    .filter(|b| !b.is_empty());
                let value = [Some(lower.as_ref()), base]
                    .into_iter()
                    .flatten()
                    .find_map(|l| {
                        self.words
                            .get(l)
                            .map(|v| u64::from(*v))
                            .or_else(|| self.multiples.get(l).copied())
                    });
                match value {
                    Some(v) if v >= 1000 => {
                        total += group.max(1) * v;
                        group = 0;
                        words += 1;
                    }
                    Some(100) => {
                        group = group.max(1) * 100;
                        words += 1;
                    }
                    Some(v) => {
                        // "une vingtaine", "ein Dutzend": the article is no number.
                        if v >= 10 && group == 1 && words == 1 && total == 0 {
                            group = 0;
                        }
                        group += v;
                        words += 1;
                    }
                    None if words > 0 && self.joiners.iter().any(|j| j == lower.as_ref()) => {}
                    None => {
                        flush(&mut total, &mut group, &mut words, &mut out);
                        // "XIX", and the French ordinal "XVe", "XIIIe", "XVIème", "Ier".
                        let numeral = ["ème", "eme", "er", "e"]
                            .iter()
                            .find_map(|e| w.strip_suffix(e).filter(|r| !r.is_empty()))
                            .and_then(|r| roman(r).or_else(|| single_roman(r)));
                        // "siglo X", "siglos X-XI": one letter is a numeral after the word.
                        let century = ["siglo", "siglos", "century", "centuries"]
                            .contains(&previous.as_ref());
                        let single = century.then(|| single_roman(w)).flatten();
                        if let Some(r) = roman(w).or(numeral).or(single) {
                            out.push(f64::from(r));
                        }
                    }
                }
                previous = lower;
            }
        }
        flush(&mut total, &mut group, &mut words, &mut out);
        out
    }
}

/// `word` in lower case, without a copy when it already is (most words are): number words are
/// looked up at every word of every block.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The value of a Roman numeral of two to seven capital letters ("XIX", "MCM"), if it is one
/// written the usual way.
pub fn roman(word: &str) -> Option<u32> {
    if !(2..=7).contains(&word.len()) {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = word.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    // Only the canonical spelling: "IIII" and "VX" are not numerals.
    (to_roman(total) == word).then_some(total)
}

/// A one-letter numeral with an ordinal ending ("Xe siècle", "Ier").
fn single_roman(w: &str) -> Option<u32> {
    match w {
        "I" => Some(1),
        "V" => Some(5),
        "X" => Some(10),
        _ => None,
    }
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Number words above twenty (`config/number-multiples.toml`).
pub const NUMBER_MULTIPLES: &str = include_str!("../../config/number-multiples.toml");

#[derive(serde::Deserialize, Default)]
struct Multiples {
    #[serde(default)]
    and: Vec<String>,
    #[serde(default)]
    words: HashMap<String, u64>,
    #[serde(default)]
    ordinals: HashMap<String, u64>,
}

/// Reads `raw` with a grouping rule and a decimal separator: groups of three after a first
/// group of one to three digits, at most one decimal part.
pub fn parse_with(raw: &str, is_group: impl Fn(char) -> bool, decimal: char) -> Option<f64> {
    let (int, frac) = match raw.rfind(decimal) {
        Some(at) if !is_group(decimal) => (&raw[..at], Some(&raw[at + decimal.len_utf8()..])),
        _ => (raw, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let groups: Vec<&str> = int.split(&is_group).collect();
    let valid = !groups.is_empty()
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !valid {
        return None;
    }
    let digits: String = groups.concat();
    let text = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    text.parse().ok()
}

/// Every reading of `raw` in the conventions printed text uses (comma, dot, apostrophe or
/// space grouping): what a writer may have meant, whatever the locale.
pub fn readings(raw: &str) -> Vec<f64> {
    let conventions: [(&dyn Fn(char) -> bool, char); 4] = [
        (&|c| c == ',', '.'),
        (&|c| c == '.', ','),
        (&|c| c == '\'' || c == '’', '.'),
        (&is_space_group, ','),
    ];
    let mut out: Vec<f64> = conventions
        .iter()
        .filter_map(|(g, d)| parse_with(raw, g, *d))
        .collect();
    out.dedup();
    out
}

/// Ordinal endings after digits: "95th", "95.ª", "95º", "95e", "95er", "95ème".
const ORDINALS: &[&str] = &[
    "st", "nd", "rd", "th", ".ª", ".º", "ª", "º", ".er", ".o", ".a", "ème", "ᵉ", "er", "re", "e",
];

/// Numbers in text, wherever they are (also glued to letters: "de170" holds 170).
pub fn scan(text: &str) -> Vec<NumberToken> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let after_digit_sep = i > 0
            && matches!(chars[i - 1].1, '.' | ',')
            && i > 1
            && chars[i - 2].1.is_ascii_digit();
        if !c.is_ascii_digit() || after_digit_sep {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            let Some(&(_, sep)) = chars.get(j) else { break };
            let next_digit = chars.get(j + 1).is_some_and(|(_, d)| d.is_ascii_digit());
            if matches!(sep, '.' | ',' | '\'' | '’') && next_digit {
                j += 1;
                continue;
            }
            // A space groups only exactly three digits followed by no digit: "11 000".
            let three = (1..=3).all(|k| chars.get(j + k).is_some_and(|(_, d)| d.is_ascii_digit()))
                && !chars.get(j + 4).is_some_and(|(_, d)| d.is_ascii_digit());
            let prev_group_ok = {
                let digits_before = chars[i..j]
                    .iter()
                    .rev()
                    .take_while(|(_, d)| d.is_ascii_digit())
                    .count();
                digits_before <= 3
            };
            if is_space_group(sep) && three && prev_group_ok {
                j += 1;
                continue;
            }
            break;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let mut full_end = end;
        let rest = &text[end..];
        let mut percent = false;
        if let Some(p) = ["%", " %", "\u{a0}%", "\u{202f}%"]
            .iter()
            .find(|p| rest.starts_with(**p))
        {
            percent = true;
            full_end += p.len();
        } else if let Some(o) = ORDINALS.iter().find(|o| {
            rest.starts_with(**o)
                && !rest[o.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        }) {
            full_end += o.len();
        }
        out.push(NumberToken {
            range: start..end,
            full: start..full_end,
            raw: text[start..end].to_string(),
            percent,
        });
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn spelled_numbers_and_numerals_are_read() {
        let es = super::NumberLocale::new("es");
        assert_eq!(es.spelled("cerca de doscientos individuos"), vec![200.0]);
        assert_eq!(es.spelled("Cuarenta y seis centavos"), vec![46.0]);
        assert_eq!(
            es.spelled("de doce mil a dieciséis mil rublos"),
            vec![12000.0, 16000.0]
        );
        assert_eq!(es.spelled("en quinto lugar, el siglo XIX"), vec![5.0, 19.0]);
        assert_eq!(es.spelled("los siglos X-XI"), vec![10.0, 11.0]);
        assert_eq!(es.spelled("la X en el mapa"), Vec::<f64>::new());
        let fr = super::NumberLocale::new("fr");
        assert_eq!(
            fr.spelled("quarante-six ans, au XVe siècle"),
            vec![46.0, 15.0]
        );
        let de = super::NumberLocale::new("de");
        assert_eq!(de.spelled("dreißig Jahre"), vec![30.0]);
        assert_eq!(fr.spelled("une vingtaine d'années"), vec![20.0]);
        assert_eq!(super::roman("IIII"), None);
        assert_eq!(super::roman("MCMXC"), Some(1990));
    }

    use super::*;

    #[test]
    fn separators_come_from_cldr() {
        let en = NumberLocale::new("en");
        assert_eq!((en.group, en.decimal), (',', '.'));
        let es = NumberLocale::new("es");
        assert_eq!((es.group, es.decimal, es.min_grouped_digits), ('.', ',', 5));
        let ch = NumberLocale::new("de-CH");
        assert_eq!((ch.group, ch.decimal), ('\'', '.'));
        let fr = NumberLocale::new("fr");
        assert_eq!((fr.group, fr.decimal), ('\u{202f}', ','));
    }

    #[test]
    fn the_same_value_in_four_locales_and_eleven_in_spanish() {
        assert_eq!(NumberLocale::new("en").parse("11,000"), Some(11000.0));
        assert_eq!(NumberLocale::new("es").parse("11.000"), Some(11000.0));
        assert_eq!(NumberLocale::new("es").parse("11,000"), Some(11.0));
        assert_eq!(NumberLocale::new("de-CH").parse("11'000"), Some(11000.0));
        assert_eq!(NumberLocale::new("de-CH").parse("11’000"), Some(11000.0));
        for sep in [" ", "\u{a0}", "\u{202f}"] {
            assert_eq!(
                NumberLocale::new("fr").parse(&format!("11{sep}000")),
                Some(11000.0)
            );
        }
        assert_eq!(NumberLocale::new("de").parse("3,5"), Some(3.5));
        assert_eq!(
            NumberLocale::new("de").parse("3.5"),
            None,
            "3.5 is no German number"
        );
        assert_eq!(NumberLocale::new("en").parse("1,23"), None);
    }

    #[test]
    fn cldr_forms_and_fixes() {
        let es = NumberLocale::new("es");
        assert_eq!(es.format(11000.0, 0), "11.000");
        assert_eq!(es.format(4000.0, 0), "4000");
        assert_eq!(es.format(3.5, 1), "3,5");
        assert!(es.is_cldr_form("11.000", 11000.0));
        assert!(!es.is_cldr_form("4.000", 4000.0));
        assert!(
            es.is_cldr_form("2025", 2025.0),
            "years are written as they are"
        );
        assert_eq!(NumberLocale::new("fr").format(11000.0, 0), "11\u{202f}000");
    }

    #[test]
    fn scanning_finds_ranges_percents_ordinals_and_glued_numbers() {
        let raws = |t: &str| {
            scan(t)
                .into_iter()
                .map(|n| (n.raw, n.percent))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            raws("between 11,000 and 12 000 soldiers, 15 % and 2.5%"),
            vec![
                ("11,000".into(), false),
                ("12 000".into(), false),
                ("15".into(), true),
                ("2.5".into(), true)
            ]
        );
        assert_eq!(
            raws("the 95th, 95.ª, 95e; pistolade170 m"),
            vec![
                ("95".into(), false),
                ("95".into(), false),
                ("95".into(), false),
                ("170".into(), false)
            ]
        );
        assert_eq!(
            raws("in 2024 200 people"),
            vec![("2024".into(), false), ("200".into(), false)]
        );
    }

    #[test]
    fn number_words_up_to_twenty() {
        assert_eq!(NumberLocale::new("es").word_value("Cinco"), Some(5));
        assert_eq!(NumberLocale::new("de").word_value("zwanzig"), Some(20));
        assert_eq!(NumberLocale::new("fr").word_value("dix-sept"), Some(17));
        assert_eq!(NumberLocale::new("en").word_value("fifty"), None);
    }
}
