//! Units of measure and the quantities written with them.
//!
//! The table (`config/units.toml`, compiled in) gives each unit its dimension, its factor to the
//! dimension's base unit, and per locale the names and symbols it is written with. A quantity
//! is a number followed by a unit, with a space, a no-break space or a hyphen between
//! ("40 km", "3.5 tonnes", "155-millimetre"): one quantity however it is written.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Deserialize;

/// The shipped unit table.
pub const DEFAULT_TABLE: &str = include_str!("../../config/units.toml");

/// How a unit is written in one locale.
#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// Words, matched case-insensitively ("tonnes", "Tonnen").
    #[serde(default)]
    pub names: Vec<String>,
    /// Symbols, matched with case ("km", "t").
    #[serde(default)]
    pub symbols: Vec<String>,
}

/// One unit.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Unit {
    /// Length, mass, volume, area, temperature, speed.
    pub dimension: String,
    /// Factor to the dimension's base unit.
    pub factor: f64,
    /// Forms by locale tag.
    #[serde(flatten)]
    pub forms: BTreeMap<String, Forms>,
}

/// The unit table.
#[derive(Debug, Clone, PartialEq)]
pub struct Units {
    /// Units by id, in file order of ids (sorted).
    pub units: BTreeMap<String, Unit>,
    /// Per locale tag of the table, its forms by their lowercased first letter: (unit id,
    /// form, whether case is folded). A quantity is looked for at every number, and comparing
    /// every form of every unit there was the quantities' main cost.
    by_first: HashMap<String, ByFirst>,
}

/// One locale's unit forms by their lowercased first letter: (unit id, form, case folded).
type ByFirst = HashMap<char, Vec<(String, String, bool)>>;

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Bytes of the whole quantity ("155-millimetre").
    pub range: Range<usize>,
    /// The number as written ("155", "3.5", "11,000").
    pub number: String,
    /// The unit's id.
    pub unit: String,
    /// The unit as written ("millimetre").
    pub written: String,
}

impl Units {
    /// The shipped table.
    pub fn builtin() -> Units {
        Units::parse(DEFAULT_TABLE).unwrap_or_else(|_| Units::new(BTreeMap::new()))
    }

    /// Parses a table.
    pub fn parse(text: &str) -> Result<Units, toml::de::Error> {
        Ok(Units::new(toml::from_str(text)?))
    }

    fn new(units: BTreeMap<String, Unit>) -> Units {
        let mut by_first: HashMap<String, ByFirst> = HashMap::new();
        for (id, unit) in &units {
            for (tag, forms) in &unit.forms {
                let names = forms.names.iter().map(|n| (n, true));
                let symbols = forms.symbols.iter().map(|s| (s, false));
                for (form, fold) in names.chain(symbols) {
                    if let Some(c) = super::first_lower(form) {
                        by_first
                            .entry(tag.clone())
                            .or_default()
                            .entry(c)
                            .or_default()
                            .push((id.clone(), form.clone(), fold));
                    }
                }
            }
        }
        Units { units, by_first }
    }

    /// How `unit` is written in `locale` (or its language).
    pub fn forms<'a>(unit: &'a Unit, locale: &str) -> Option<&'a Forms> {
        unit.forms
            .get(locale)
            .or_else(|| unit.forms.get(locale.split('-').next().unwrap_or(locale)))
    }

    /// The source's quantities as (number as written, unit id): what a rewrite of the engine's
    /// quantities looks for.
    pub fn number_units(&self, text: &str, locale: &str) -> Vec<(String, String)> {
        self.quantities(text, locale)
            .into_iter()
            .map(|q| (q.number, q.unit))
            .collect()
    }

    /// Quantities in `text` written in `locale`.
    pub fn quantities(&self, text: &str, locale: &str) -> Vec<Quantity> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let starts_number =
                bytes[i].is_ascii_digit() && (i == 0 || !is_word_byte(bytes[i - 1]));
            if !starts_number {
                i += 1;
                continue;
            }
            let mut end = i;
            loop {
                while end < bytes.len()
                    && (bytes[end].is_ascii_digit()
                        || ((bytes[end] == b'.' || bytes[end] == b',')
                            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
                {
                    end += 1;
                }
                // "19 500 km²": a space (or a no-break or thin one) before exactly three digits
                // groups thousands.
                let space = [" ", "\u{a0}", "\u{202f}", "\u{2009}"]
                    .iter()
                    .find(|s| text[end..].starts_with(**s))
                    .map_or(0, |s| s.len());
                let three = bytes.get(end + space..end + space + 3);
                let grouped = space > 0
                    && three.is_some_and(|t| t.iter().all(u8::is_ascii_digit))
                    && !bytes.get(end + space + 3).is_some_and(u8::is_ascii_digit)
                    && text[i..end]
                        .bytes()
                        .rev()
                        .take_while(u8::is_ascii_digit)
                        .count()
                        <= 3;
                if !grouped {
                    break;
                }
                end += space;
            }
            let number = &text[i..end];
            let mut rest_at = end;
            for sep in ["-", " ", "\u{a0}", "\u{202f}"] {
                if text[rest_at..].starts_with(sep) {
                    rest_at += sep.len();
                    break;
                }
            }
            // "802.11g" is a standard's name, not grams: a one-letter symbol glued to a
            // number with a decimal part is no unit.
            let glued_letter =
                |w: &str| rest_at == end && w.chars().count() == 1 && number.contains(['.', ',']);
            if let Some((unit, written)) = self
                .unit_at(&text[rest_at..], locale)
                .filter(|(_, w)| !glued_letter(w))
            {
                out.push(Quantity {
                    range: i..rest_at + written.len(),
                    number: number.to_string(),
                    unit,
                    written,
                });
                i = rest_at;
            } else {
                i = end.max(i + 1);
            }
        }
        with_range_starts(text, out)
    }

    /// The longest unit form at the start of `rest`, as a whole word.
    pub fn unit_at(&self, rest: &str, locale: &str) -> Option<(String, String)> {
        let first = super::first_lower(rest)?;
        let language = locale.split('-').next().unwrap_or(locale);
        let bucket = |tag: &str| {
            self.by_first
                .get(tag)
                .and_then(|f| f.get(&first))
                .into_iter()
                .flatten()
        };
        // The locale's own forms, and its language's for units without them (as
        // [`Units::forms`] reads the table).
        let own = bucket(locale);
        let inherited = (language != locale)
            .then(|| bucket(language))
            .into_iter()
            .flatten()
            .filter(|(id, _, _)| {
                self.units
                    .get(id)
                    .is_none_or(|u| !u.forms.contains_key(locale))
            });
        let mut best: Option<(String, String)> = None;
        for (id, form, fold) in own.chain(inherited) {
            let Some(head) = rest.get(..form.len()) else {
                continue;
            };
            let same = if *fold {
                // Compared without allocating: this runs for every candidate at every number.
                head.chars()
                    .flat_map(char::to_lowercase)
                    .eq(form.chars().flat_map(char::to_lowercase))
            } else {
                head == form
            };
            let boundary = !rest[form.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if same && boundary && best.as_ref().is_none_or(|(_, w)| w.len() < form.len()) {
                best = Some((id.clone(), head.to_string()));
            }
        }
        best
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b','
}

/// The quantities with, before each, the number that opens its range as a quantity of the same
/// unit: in "2 to 4 inches" the 2 is inches too.
fn with_range_starts(text: &str, quantities: Vec<Quantity>) -> Vec<Quantity> {
    let mut out = Vec::with_capacity(quantities.len());
    let mut last_end = 0;
    for q in quantities {
        if let Some(r) = super::range_start(&text[last_end..q.range.start]) {
            let range = last_end + r.start..last_end + r.end;
            out.push(Quantity {
                number: text[range.clone()].to_string(),
                range,
                unit: q.unit.clone(),
                written: q.written.clone(),
            });
        }
        last_end = q.range.end;
        out.push(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_found_in_every_written_form() {
        let units = Units::builtin();
        let text = "A 155-millimetre shell, 40 km away, 3.5 tonnes, 1,000\u{a0}kg and 92 a day.";
        let got: Vec<(String, String)> = units
            .quantities(text, "en")
            .into_iter()
            .map(|q| (q.number, q.unit))
            .collect();
        assert_eq!(
            got,
            vec![
                ("155".into(), "millimetre".into()),
                ("40".into(), "kilometre".into()),
                ("3.5".into(), "tonne".into()),
                ("1,000".into(), "kilogram".into()),
            ]
        );
        let de = units.quantities("eine 170-Millimeter-Haubitze, 40 km", "de-CH");
        assert_eq!(de.len(), 2);
        assert_eq!(de[0].unit, "millimetre");
    }

    #[test]
    fn symbols_need_their_case_and_a_word_boundary() {
        let units = Units::builtin();
        assert!(units.quantities("5 Km", "en").is_empty());
        assert!(units.quantities("5 kmh", "en").is_empty());
        assert_eq!(units.quantities("5 mm", "en").len(), 1);
    }
}
