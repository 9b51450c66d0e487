//! Dates in a locale's words: found in text, read by value, and written the CLDR way.
//!
//! Month names (wide and abbreviated) and the forms a locale writes dates in ("January 13",
//! "13 de enero", "13. Januar", "13 janvier", "24/1/2025") come from CLDR through ICU4X. A date
//! is recognized in any common order — month-day ("January 13", "Jan. 9, 2025"), day-month
//! ("13 January", "13 de enero de 2025", "13. Januar") and numeric ("24.1.2025", "24/1/2025",
//! "2025-01-24") — so "enero 13" reads as 13 January, and is then found not to be Spanish.

use std::ops::Range;

use icu::calendar::{Date, Gregorian};
use icu::datetime::options::YearStyle;
use icu::datetime::{FixedCalendarDateTimeFormatter, fieldsets};

/// A date written in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateToken {
    /// Bytes of the date.
    pub range: Range<usize>,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// The year, when written.
    pub year: Option<i32>,
    /// Written with digits only ("24.1.2025").
    pub numeric: bool,
}

/// How one locale writes dates.
pub struct DateLocale {
    /// Month-day forms: long, medium, short.
    md: Vec<Md>,
    /// Year-month-day forms: long, medium, short, short with the full year.
    ymd: Vec<Ymd>,
    /// Per month (0-based): every name form, lowercase, without a trailing dot.
    months: Vec<Vec<String>>,
    /// Numeric dates with slashes put the month first (en-US).
    month_first_slash: bool,
    /// Characters in the longest month form: all [`DateLocale::month_at`] needs to look at.
    longest_month: usize,
    /// The first three characters (lowercase) of every month form, sorted: most words start
    /// with none of them ("en" and "de" are not "ene" and "dic"), and are passed over without
    /// lowercasing anything.
    starts: Vec<[char; 3]>,
}

type Md = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>;
type Ymd = FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>;

/// Builds a formatter for a locale (the type follows from the field set).
macro_rules! dtf {
    ($locale:expr, $set:expr) => {
        FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(($locale).into(), $set).ok()
    };
}

impl DateLocale {
    /// The date conventions of a BCP 47 locale, from CLDR.
    pub fn new(tag: &str) -> DateLocale {
        let locale = icu::locale::Locale::try_from_str(tag).unwrap_or(icu::locale::Locale::UNKNOWN);
        let mut months = vec![Vec::new(); 12];
        for set in [fieldsets::M::long(), fieldsets::M::medium()] {
            if let Some(f) = dtf!(&locale, set) {
                for (m, forms) in months.iter_mut().enumerate() {
                    if let Ok(d) = Date::try_new_gregorian(2025, m as u8 + 1, 1) {
                        let name = f.format(&d).to_string().to_lowercase();
                        let name = name.trim_end_matches('.').to_string();
                        if !forms.contains(&name) && name.chars().any(char::is_alphabetic) {
                            forms.push(name);
                        }
                    }
                }
            }
        }
        // English writes "Sept." too.
        if tag.starts_with("en") && !months[8].iter().any(|m| m == "sept") {
            months[8].push("sept".into());
        }
        let md = [
            fieldsets::MD::long(),
            fieldsets::MD::medium(),
            fieldsets::MD::short(),
        ]
        .into_iter()
        .filter_map(|set| dtf!(&locale, set))
        .collect();
        let ymd = [
            fieldsets::YMD::long(),
            fieldsets::YMD::medium(),
            fieldsets::YMD::short(),
            fieldsets::YMD::short().with_year_style(YearStyle::Full),
        ]
        .into_iter()
        .filter_map(|set| dtf!(&locale, set))
        .collect();
        let mut starts: Vec<[char; 3]> = months.iter().flatten().map(|f| prefix(f)).collect();
        starts.sort_unstable();
        starts.dedup();
        DateLocale {
            md,
            ymd,
            starts,
            longest_month: months
                .iter()
                .flatten()
                .map(|f| f.chars().count())
                .max()
                .unwrap_or(0),
            months,
            month_first_slash: tag == "en" || tag == "en-US",
        }
    }

    /// The month (1-12) whose full name `lower` is ("march", "marzo", "mars"); abbreviations
    /// are not, "mar" is the Spanish sea.
    pub fn full_month(&self, lower: &str) -> Option<u8> {
        self.months
            .iter()
            .position(|forms| {
                forms
                    .iter()
                    .max_by_key(|f| f.chars().count())
                    .is_some_and(|f| f == lower)
            })
            .and_then(|m| u8::try_from(m + 1).ok())
    }

    /// The full name of month `m` (1-12), lower-case ("march", "marzo").
    pub fn month_name(&self, m: u8) -> Option<&str> {
        self.months
            .get(usize::from(m).checked_sub(1)?)?
            .iter()
            .max_by_key(|f| f.chars().count())
            .map(String::as_str)
    }

    /// The month any of whose forms `lower` is, abbreviations included ("oct", "sept").
    pub fn any_month(&self, lower: &str) -> Option<u8> {
        self.months
            .iter()
            .position(|forms| forms.iter().any(|f| f == lower))
            .and_then(|m| u8::try_from(m + 1).ok())
    }

    fn month_at(&self, text: &str) -> Option<(u8, usize)> {
        let head = prefix(text);
        // A form shorter than three letters ends where the text's word may go on.
        let known = |key: [char; 3]| self.starts.binary_search(&key).is_ok();
        let shorter = [[head[0], '\0', '\0'], [head[0], head[1], '\0']];
        if !known(head) && !shorter.into_iter().any(known) {
            return None;
        }
        // Called at every word: lower-case only as much as a month name can take, not the
        // rest of the block (which made scanning quadratic in the block's length).
        let head = text
            .char_indices()
            .nth(self.longest_month)
            .map_or(text.len(), |(i, _)| i);
        let lower = text[..head].to_lowercase();
        let mut best: Option<(u8, usize)> = None;
        for (m, forms) in self.months.iter().enumerate() {
            for f in forms {
                if lower.starts_with(f.as_str()) {
                    // The lowercase form has the same byte length for these scripts; check.
                    let len = text
                        .char_indices()
                        .nth(f.chars().count())
                        .map_or(text.len(), |(i, _)| i);
                    let mut end = len;
                    if text[end..].starts_with('.') {
                        end += 1;
                    }
                    let boundary = !text[len..].chars().next().is_some_and(char::is_alphabetic);
                    if boundary && best.is_none_or(|(_, l)| end > l) {
                        best = Some((m as u8 + 1, end));
                    }
                }
            }
        }
        best
    }

    /// Dates in text.
    pub fn scan(&self, text: &str) -> Vec<DateToken> {
        let mut out: Vec<DateToken> = Vec::new();
        let starts: Vec<usize> = text
            .char_indices()
            .filter(|(i, c)| {
                c.is_alphanumeric()
                    && !text[..*i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| i)
            .collect();
        for s in starts {
            if out.last().is_some_and(|d| s < d.range.end) {
                continue;
            }
            if let Some(d) = self
                .month_day(text, s)
                .or_else(|| self.day_month(text, s))
                .or_else(|| numeric(text, s, self.month_first_slash))
            {
                out.push(d);
            }
        }
        with_day_ranges(text, out)
    }

    /// "January 13", "Jan. 9, 2025", "enero 13", "January 13th".
    fn month_day(&self, text: &str, s: usize) -> Option<DateToken> {
        let (month, mlen) = self.month_at(&text[s..])?;
        let rest = &text[s + mlen..];
        let sp = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
        if sp == 0 {
            return None;
        }
        let (day, dlen) = day_number(&rest[sp..])?;
        let mut end = s + mlen + sp + dlen;
        for suffix in ["st", "nd", "rd", "th"] {
            if text[end..].starts_with(suffix)
                && !text[end + suffix.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                end += suffix.len();
            }
        }
        let mut year = None;
        if let Some((y, ylen)) = year_after(&text[end..], &[", ", " "]) {
            year = Some(y);
            end += ylen;
        }
        Some(DateToken {
            range: s..end,
            month,
            day,
            year,
            numeric: false,
        })
    }

    /// "13 January", "13 de enero de 2025", "13. Januar", "13 janvier 2025".
    fn day_month(&self, text: &str, s: usize) -> Option<DateToken> {
        // "el triunfo 4-1 de febrero": the end of a score, not the first of February.
        let score = text[..s]
            .strip_suffix(['-', '–', ':'])
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
        if score {
            return None;
        }
        let (day, dlen) = day_number(&text[s..])?;
        let mut at = s + dlen;
        for sep in [". ", " de ", " of ", " "] {
            if let Some(n) = super::spaced_prefix(&text[at..], sep) {
                at += n;
                break;
            }
        }
        if at == s + dlen {
            return None;
        }
        let (month, mlen) = self.month_at(&text[at..])?;
        let mut end = at + mlen;
        let mut year = None;
        if let Some((y, ylen)) = year_after(&text[end..], &[" de ", " del ", ", ", " "]) {
            year = Some(y);
            end += ylen;
        }
        Some(DateToken {
            range: s..end,
            month,
            day,
            year,
            numeric: false,
        })
    }

    /// The CLDR long form ("13 de enero", "13. Januar 2025").
    pub fn long_form(&self, d: &DateToken) -> Option<String> {
        self.forms(d).into_iter().next()
    }

    /// The CLDR forms a date may take here, long first (long, medium, short; numeric with the
    /// full year).
    pub fn forms(&self, d: &DateToken) -> Vec<String> {
        let Ok(date) = Date::try_new_gregorian(d.year.unwrap_or(2001), d.month, d.day) else {
            return Vec::new();
        };
        match d.year {
            Some(_) => self
                .ymd
                .iter()
                .map(|f| f.format(&date).to_string())
                .collect(),
            None => self
                .md
                .iter()
                .map(|f| f.format(&date).to_string())
                .collect(),
        }
    }

    /// Whether the date as written in `text` is one of the locale's CLDR forms (spaces and
    /// case aside; a year-less numeric date is accepted in the locale's day-month order).
    pub fn is_localized(&self, text: &str, d: &DateToken) -> bool {
        let norm = |s: &str| {
            s.replace(['\u{a0}', '\u{202f}'], " ")
                .to_lowercase()
                .trim_end_matches('.')
                .to_string()
        };
        let written = norm(&text[d.range.clone()]);
        // The other day of a range ("entre el 9 y el 13 de enero"): a bare day.
        if !d.numeric && written.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
        if self.forms(d).iter().any(|f| norm(f) == written) {
            return true;
        }
        // The first of a month as an ordinal: French "1er octobre", Spanish "1.º de enero"
        // (CLDR: "1 octobre", "1 de enero").
        if d.day == 1
            && let Some(rest) = ["1er", "1.º", "1º", "1°"]
                .iter()
                .find_map(|p| written.strip_prefix(p))
            && self
                .forms(d)
                .iter()
                .any(|f| norm(f).strip_prefix('1') == Some(rest))
        {
            return true;
        }
        // Numeric dates: day-first with dots or slashes is how every locale here but en-US
        // writes them, whatever the year digits.
        d.numeric && !self.month_first_slash && {
            let first: String = written.chars().take_while(char::is_ascii_digit).collect();
            first.parse::<u8>().ok() == Some(d.day)
        }
    }
}

/// Words joining the two days of a range ("January 9 to 13", "del 9 al 13 de enero", "entre el
/// 9 y el 13 de enero", "9.–13. Januar", "du 9 au 13 janvier").
const DAY_JOINERS: [&str; 12] = [
    " to ", "-", "–", " y el ", " al ", " y ", " bis ", ".–", ".-", " au ", " et le ", " et ",
];

/// The dates with the other day of each range as a date too (same month and year).
fn with_day_ranges(text: &str, dates: Vec<DateToken>) -> Vec<DateToken> {
    let mut out = Vec::with_capacity(dates.len());
    for d in dates {
        if d.numeric {
            out.push(d);
            continue;
        }
        // A day before the date: "9 y el 13 de enero".
        let before = &text[..d.range.start];
        let earlier = DAY_JOINERS.iter().find_map(|j| {
            let head = before.strip_suffix(j)?;
            let head = head.strip_suffix('.').unwrap_or(head);
            let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let at = head.len() - digits;
            let day: u8 = head[at..].parse().ok()?;
            ((1..=2).contains(&digits) && (1..=31).contains(&day) && day < d.day)
                .then_some((at..head.len(), day))
        });
        if let Some((range, day)) = earlier {
            out.push(DateToken {
                range,
                day,
                ..d.clone()
            });
        }
        // A day after it: "January 9 to 13".
        let after = &text[d.range.end..];
        let later = DAY_JOINERS.iter().find_map(|j| {
            let rest = after.strip_prefix(j)?;
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let day: u8 = rest[..digits].parse().ok()?;
            let start = d.range.end + j.len();
            ((1..=2).contains(&digits)
                && (1..=31).contains(&day)
                && day > d.day
                && !rest[digits..].starts_with(|c: char| c.is_alphanumeric()))
            .then_some((start..start + digits, day))
        });
        let end = later.clone().map(|(range, day)| DateToken {
            range,
            day,
            ..d.clone()
        });
        out.push(d);
        out.extend(end);
    }
    out
}

/// The first three characters of `text`, lowercase, `\0` past its end.
fn prefix(text: &str) -> [char; 3] {
    let mut cs = text.chars().flat_map(char::to_lowercase);
    [
        cs.next().unwrap_or('\0'),
        cs.next().unwrap_or('\0'),
        cs.next().unwrap_or('\0'),
    ]
}

/// The seven weekday names of a locale, Monday first, in their long form ("Monday", "lunes"),
/// from CLDR through ICU4X; empty when the locale has no data.
pub fn weekdays(tag: &str) -> Vec<String> {
    let locale = icu::locale::Locale::try_from_str(tag).unwrap_or(icu::locale::Locale::UNKNOWN);
    let Some(f) = dtf!(&locale, fieldsets::E::long()) else {
        return Vec::new();
    };
    // 2025-01-06 was a Monday.
    (6..=12)
        .filter_map(|day| Date::try_new_gregorian(2025, 1, day).ok())
        .map(|d| f.format(&d).to_string())
        .collect()
}

fn day_number(s: &str) -> Option<(u8, usize)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if s[digits.len()..].chars().next().is_some_and(|c| {
        // "3,5" and "3.1990" are no day: the digits go on.
        c.is_ascii_digit()
            || matches!(c, ',' | '.')
                && s[digits.len() + 1..].starts_with(|c: char| c.is_ascii_digit())
    }) {
        return None;
    }
    let day: u8 = digits.parse().ok()?;
    // "6th October", "October 6th", "1er janvier", "1.º de enero": the ordinal ending belongs
    // to the day.
    let rest = &s[digits.len()..];
    let ending = ["st", "nd", "rd", "th", "er", "º", ".º", "°"]
        .iter()
        .find(|e| rest.starts_with(**e) && !rest[e.len()..].starts_with(char::is_alphanumeric))
        .map_or(0, |e| e.len());
    (1..=31)
        .contains(&day)
        .then_some((day, digits.len() + ending))
}

fn year_after(s: &str, separators: &[&str]) -> Option<(i32, usize)> {
    for sep in separators {
        if let Some(n) = super::spaced_prefix(s, sep) {
            let rest = &s[n..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let boundary = !rest[digits.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if digits.len() == 4 && boundary {
                return digits.parse().ok().map(|y| (y, n + 4));
            }
        }
    }
    None
}

/// "24.1.2025", "24/1/2025", "1/24/2025" (month first), "2025-01-24".
fn numeric(text: &str, s: usize, month_first_slash: bool) -> Option<DateToken> {
    let rest = &text[s..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == '-'))
        .unwrap_or(rest.len());
    let token = rest[..end].trim_end_matches(['.', '-', '/']);
    let sep = ['.', '/', '-'].into_iter().find(|c| token.contains(*c))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let nums: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != 3 {
        return None;
    }
    let (year, month, day) = if sep == '-' && parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if sep == '/' && month_first_slash {
        (nums[2], nums[0], nums[1])
    } else {
        (nums[2], nums[1], nums[0])
    };
    let year = if year < 100 { 2000 + year } else { year };
    let valid =
        (1..=12).contains(&month) && (1..=31).contains(&day) && (1900..=2100).contains(&year);
    valid.then(|| DateToken {
        range: s..s + token.len(),
        month: month as u8,
        day: day as u8,
        year: Some(year),
        numeric: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(tag: &str, text: &str) -> Vec<(u8, u8, Option<i32>, String)> {
        DateLocale::new(tag)
            .scan(text)
            .into_iter()
            .map(|d| (d.month, d.day, d.year, text[d.range].to_string()))
            .collect()
    }

    #[test]
    fn english_dates_in_every_order() {
        assert_eq!(
            dates(
                "en",
                "on January 13, in Jan. 9, 2025 and 13 January; SEOUL, 24.1.2025 — May 3rd"
            ),
            vec![
                (1, 13, None, "January 13".into()),
                (1, 9, Some(2025), "Jan. 9, 2025".into()),
                (1, 13, None, "13 January".into()),
                (1, 24, Some(2025), "24.1.2025".into()),
                (5, 3, None, "May 3rd".into()),
            ]
        );
        assert!(
            dates("en", "prices may 3 times rise").is_empty()
                || dates("en", "prices may 3 times rise")[0].0 == 5
        );
    }

    #[test]
    fn weekday_names_come_from_cldr() {
        assert_eq!(weekdays("en")[1], "Tuesday");
        assert_eq!(weekdays("es")[1], "martes");
        assert_eq!(weekdays("de")[6], "Sonntag");
    }

    #[test]
    fn target_locales_read_their_own_month_names() {
        assert_eq!(
            dates("es", "el 13 de enero de 2025")[0],
            (1, 13, Some(2025), "13 de enero de 2025".into())
        );
        assert_eq!(
            dates("es", "encima enero 9")[0],
            (1, 9, None, "enero 9".into())
        );
        assert_eq!(
            dates("de", "am 13. Januar")[0],
            (1, 13, None, "13. Januar".into())
        );
        assert_eq!(
            dates("fr", "le 13 janvier 2025")[0],
            (1, 13, Some(2025), "13 janvier 2025".into())
        );
        assert_eq!(dates("de-CH", "am 9. Jan. 2025")[0].0, 1);
    }

    #[test]
    fn localized_forms_and_fixes_come_from_cldr() {
        let es = DateLocale::new("es");
        let text = "enero 13 y 13 de enero y 24.1.2025";
        let found = es.scan(text);
        assert!(
            !es.is_localized(text, &found[0]),
            "enero 13 is English order"
        );
        assert_eq!(es.long_form(&found[0]).as_deref(), Some("13 de enero"));
        assert!(es.is_localized(text, &found[1]));
        assert!(
            es.is_localized(text, &found[2]),
            "day-first numeric dates are fine in Spanish"
        );
        let de = DateLocale::new("de");
        assert_eq!(de.long_form(&found[0]).as_deref(), Some("13. Januar"));
    }
}
