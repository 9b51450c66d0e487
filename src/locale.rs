//! Language tags: BCP 47 through `unic-langid`, with errors that say what to write instead.

use unic_langid::LanguageIdentifier;

use crate::i18n::{Localized, Message};
use crate::msg;

/// A tag that is not valid BCP 47.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub struct LocaleError {
    /// What was given.
    pub tag: String,
}

impl Localized for LocaleError {
    fn message(&self) -> Message {
        msg!("locale-invalid", tag = &self.tag)
    }
}

/// Parses a BCP 47 tag (`es`, `es-ES`, `de-CH`, `ca-ES-valencia`); `_` is accepted for `-`.
pub fn parse(tag: &str) -> Result<LanguageIdentifier, LocaleError> {
    let cleaned = tag.trim().replace('_', "-");
    let parsed: LanguageIdentifier = cleaned.parse().map_err(|_| LocaleError {
        tag: tag.to_string(),
    })?;
    if parsed.language.is_empty() {
        return Err(LocaleError {
            tag: tag.to_string(),
        });
    }
    Ok(parsed)
}

/// Parses a comma-separated list of tags, as `--to es,ca` takes.
pub fn parse_list(list: &str) -> Result<Vec<LanguageIdentifier>, LocaleError> {
    let mut out: Vec<LanguageIdentifier> = Vec::new();
    for tag in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let parsed = parse(tag)?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_lists() {
        assert_eq!(
            parse("es_ES").map(|l| l.to_string()).ok(),
            Some("es-ES".into())
        );
        assert_eq!(
            parse_list("es, ca,es").map(|v| v.len()).ok(),
            Some(2),
            "duplicates collapse"
        );
        assert!(parse("not a tag!").is_err());
        assert!(parse("").is_err());
    }
}

/// Whether `tag` is one of `list`: the same tag (case aside), or a language subtag listed
/// alone ("es" covers "es-ES" and "es-MX"; "es-MX" covers only itself).
pub fn matches_any(tag: &str, list: &[String]) -> bool {
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    list.iter()
        .any(|l| l.eq_ignore_ascii_case(tag) || l.eq_ignore_ascii_case(language))
}

/// Month and weekday names of a locale, wide and abbreviated ("January", "Jan", "Monday",
/// "Mon"), from CLDR through ICU4X. Used to tell calendar words from proper names.
pub fn calendar_words(tag: &str) -> Vec<String> {
    use icu::calendar::{Date, Gregorian};
    use icu::datetime::{FixedCalendarDateTimeFormatter, fieldsets};
    let Ok(locale) = icu::locale::Locale::try_from_str(tag) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let months = [fieldsets::M::long(), fieldsets::M::medium()];
    for set in months {
        if let Ok(f) =
            FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new((&locale).into(), set)
        {
            for m in 1..=12 {
                if let Ok(d) = Date::try_new_gregorian(2025, m, 1) {
                    words.push(f.format(&d).to_string());
                }
            }
        }
    }
    for set in [fieldsets::E::long(), fieldsets::E::medium()] {
        if let Ok(f) =
            FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new((&locale).into(), set)
        {
            // 2025-01-06 was a Monday.
            for day in 6..=12 {
                if let Ok(d) = Date::try_new_gregorian(2025, 1, day) {
                    words.push(f.format(&d).to_string());
                }
            }
        }
    }
    let mut words: Vec<String> = words
        .into_iter()
        .map(|w| w.trim_end_matches('.').to_string())
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod calendar_tests {
    #[test]
    fn month_and_weekday_names_come_from_cldr() {
        let en = super::calendar_words("en");
        for w in ["January", "Jan", "Monday", "Mon", "September"] {
            assert!(en.iter().any(|x| x == w), "{w} in {en:?}");
        }
        let es = super::calendar_words("es");
        assert!(es.iter().any(|x| x == "enero"), "{es:?}");
    }
}

/// Whether `tag`'s script runs right to left (Arabic, Hebrew, Persian, Urdu…), by CLDR's
/// likely subtags: what an HTML page's `dir` is set from. An unparsable tag is left to right.
pub fn right_to_left(tag: &str) -> bool {
    tag.parse::<icu::locale::LanguageIdentifier>()
        .is_ok_and(|id| icu::locale::LocaleDirectionality::new_extended().is_right_to_left(&id))
}

/// The CLDR cardinal plural categories of `tag` (`one`, `many`, `other` for Spanish), in
/// CLDR's order; just `other` for a tag ICU4X does not know.
pub fn plural_categories(tag: &str) -> Vec<&'static str> {
    use icu::plurals::{PluralCategory, PluralRules};
    let rules = icu::locale::Locale::try_from_str(tag)
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal((&l).into()).ok());
    let Some(rules) = rules else {
        return vec!["other"];
    };
    rules
        .categories()
        .map(|c| match c {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        })
        .collect()
}
