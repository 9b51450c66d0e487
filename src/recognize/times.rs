//! Times of day on the twelve-hour clock ("6 p.m.", "10:30 a.m.", "6-8 p.m.", "11 a.m. to
//! 1 p.m."), read by value and written in a locale's own clock from CLDR through ICU4X
//! ("18:00" in Spanish, German and French; "6:00 PM" in American English).
//!
//! Twenty-four-hour times ("18:00") are already how most target locales write a time, so
//! only times with a meridiem are recognized: a bare "6-8" is a score or a range of anything.

use std::ops::Range;

use icu::datetime::{NoCalendarFormatter, fieldsets};
use icu::time::Time;

/// A time or a range of times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeToken {
    /// Bytes of the whole expression.
    pub range: Range<usize>,
    /// Hour (0–23) and minute of the start.
    pub start: (u8, u8),
    /// Hour and minute of the end, for a range.
    pub end: Option<(u8, u8)>,
}

/// Meridiem markers as written in English and by engines ("p. m." in Spanish typography).
const MERIDIEMS: &[(&str, bool)] = &[
    ("a. m.", false),
    ("p. m.", true),
    ("a.m.", false),
    ("p.m.", true),
    ("a.m", false),
    ("p.m", true),
    ("am", false),
    ("pm", true),
    ("AM", false),
    ("PM", true),
    ("A.M.", false),
    ("P.M.", true),
];

/// Hours and minutes at the start of `text`: "6", "10:30"; bytes read.
fn clock(text: &str) -> Option<((u8, u8), usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let hour: u8 = text[..digits].parse().ok()?;
    let mut at = digits;
    let mut minute = 0;
    let rest = &text[at..];
    // "10:30", and the British "1.30" (read only with a meridiem after it).
    if rest.starts_with([':', '.']) && rest[1..].bytes().take_while(u8::is_ascii_digit).count() == 2
    {
        minute = rest[1..3].parse().ok()?;
        at += 3;
    }
    (1..=12).contains(&hour).then_some(((hour, minute), at))?;
    (minute < 60).then_some(((hour, minute), at))
}

/// A meridiem at the start of `text` (after an optional space): bytes read, and whether it is
/// after noon.
fn meridiem(text: &str) -> Option<(usize, bool)> {
    let space = text
        .chars()
        .next()
        .filter(|c| matches!(c, ' ' | '\u{a0}'))
        .map_or(0, char::len_utf8);
    let rest = &text[space..];
    MERIDIEMS.iter().find_map(|(m, pm)| {
        let after = rest.strip_prefix(m)?;
        let boundary = !after.chars().next().is_some_and(char::is_alphanumeric);
        boundary.then_some((space + m.len(), *pm))
    })
}

fn to_24(hour: u8, pm: bool) -> u8 {
    match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// Times with a meridiem in `text`.
pub fn scan(text: &str) -> Vec<TimeToken> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let boundary = i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == ':');
        let Some((first, len)) = clock(&text[i..]).filter(|_| boundary) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut at = i + len;
        let first_mer = meridiem(&text[at..]);
        let dotted = text[i..i + len].contains('.');
        if dotted && first_mer.is_none() {
            i += len;
            continue;
        }
        if let Some((m, _)) = first_mer {
            at += m;
        }
        // "between 6 and 8 p.m." is a range; "12 pm and 12 a.m." two times.
        let seps = super::RANGE_JOINERS
            .iter()
            .filter(|s| first_mer.is_none() || **s != " and ");
        let second = seps.into_iter().find_map(|sep| {
            let from = at + sep.len();
            let (t, l) = clock(text[at..].strip_prefix(sep)?)?;
            let (m, pm) = meridiem(&text[from + l..])?;
            Some((t, pm, from + l + m))
        });
        let token = match (first_mer, second) {
            (first_mer, Some((end, end_pm, stop))) => {
                // "6-8 p.m." shares the meridiem; "11-1 p.m." starts before noon.
                let start_pm =
                    first_mer.map_or(end_pm && first.0 <= end.0 && first.0 != 12, |m| m.1);
                Some(TimeToken {
                    range: i..stop,
                    start: (to_24(first.0, start_pm), first.1),
                    end: Some((to_24(end.0, end_pm), end.1)),
                })
            }
            (Some((_, pm)), None) => Some(TimeToken {
                range: i..at,
                start: (to_24(first.0, pm), first.1),
                end: None,
            }),
            (None, None) => None,
        };
        match token {
            Some(t) => {
                i = t.range.end;
                out.push(t);
            }
            None => i += len,
        }
    }
    out
}

/// A twenty-four-hour time written with a word for o'clock or a time zone instead of a colon,
/// at a digit: "22 h 08", "22h08", "22 h", "10 heures", "18 Uhr", "13.30 Uhr", "12.00 GMT",
/// "1200 GMT". Returns (hour, minute) and bytes read.
fn worded(text: &str) -> Option<((u8, u8), usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let zone = |rest: &str| {
        let r = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        [
            "GMT", "UTC", "Uhr", "CET", "EST", "EDT", "PST", "PDT", "MEZ", "MESZ",
        ]
        .iter()
        .any(|z| r.starts_with(z) && !r[z.len()..].starts_with(char::is_alphanumeric))
    };
    let two = |s: &str| {
        (s.len() >= 2 && s.as_bytes()[..2].iter().all(u8::is_ascii_digit))
            .then(|| s[..2].parse::<u8>().ok())
            .flatten()
            .filter(|_| !s[2..].starts_with(|c: char| c.is_ascii_digit()))
    };
    let (hour, minute, len) = if digits == 4 && zone(&text[4..]) {
        (text[..2].parse().ok()?, text[2..4].parse().ok()?, 4)
    } else if (1..=2).contains(&digits) {
        let hour: u8 = text[..digits].parse().ok()?;
        let rest = &text[digits..];
        if let Some(m) = rest
            .strip_prefix('.')
            .and_then(two)
            .filter(|_| zone(&rest[3..]))
        {
            (hour, m, digits + 3)
        } else {
            let spaced = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
            let after = &rest[spaced..];
            let word = ["heures", "heure", "Uhr"]
                .iter()
                .find(|w| after.starts_with(**w) && spaced > 0);
            if let Some(w) = word {
                (hour, 0, digits + spaced + w.len())
            } else if let Some(h) = after.strip_prefix('h') {
                let gap = h.len() - h.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
                match two(&h[gap..]) {
                    Some(m) => (hour, m, digits + spaced + 1 + gap + 2),
                    None if !h.starts_with(char::is_alphanumeric) && !h.starts_with('/') => {
                        (hour, 0, digits + spaced + 1)
                    }
                    None => return None,
                }
            } else {
                return None;
            }
        }
    } else {
        return None;
    };
    (hour < 24 && minute < 60).then_some(((hour, minute), len))
}

/// Twenty-four-hour times ("18:00", "9:30", "18.00 Uhr" is not one: the dot is a decimal)
/// and twelve-hour ones, in order: every time of day written in `text`.
pub fn scan_all(text: &str) -> Vec<TimeToken> {
    // Every form here has a digit: most sentences have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = scan(text);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':');
        if boundary
            && bytes[i].is_ascii_digit()
            && let Some((start, len)) = worded(&text[i..])
            && !out.iter().any(|t| t.range.start <= i && i < t.range.end)
        {
            out.push(TimeToken {
                range: i..i + len,
                start,
                end: None,
            });
            i += len;
            continue;
        }
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':');
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let colon = bytes.get(i + digits) == Some(&b':');
        let minutes = bytes
            .get(i + digits + 1..i + digits + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit));
        let after = bytes.get(i + digits + 3);
        let alone = !after.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b':');
        // "13.30 Uhr": a dot between hours and minutes, with the word for o'clock after.
        let dotted = bytes.get(i + digits) == Some(&b'.')
            && minutes
            && text[i + digits + 3..].trim_start().starts_with("Uhr");
        if boundary && (1..=2).contains(&digits) && (colon || dotted) && minutes && alone {
            let hour: u8 = text[i..i + digits].parse().unwrap_or(99);
            let minute: u8 = text[i + digits + 1..i + digits + 3].parse().unwrap_or(99);
            let range = i..i + digits + 3;
            let inside = out.iter().any(|t| t.range.start <= i && i < t.range.end);
            if hour < 24 && minute < 60 && !inside {
                out.push(TimeToken {
                    range,
                    start: (hour, minute),
                    end: None,
                });
            }
            i += digits + 3;
        } else {
            i += digits.max(1);
        }
    }
    out.sort_by_key(|t| t.range.start);
    with_range_starts(text, out)
}

/// "18 bis 20 Uhr", "de 18 à 20 h": the bare hour before a time and a range word is a time
/// too, the range's start.
fn with_range_starts(text: &str, times: Vec<TimeToken>) -> Vec<TimeToken> {
    let mut out: Vec<TimeToken> = Vec::with_capacity(times.len());
    for t in times {
        let start = super::range_start(&text[..t.range.start]).and_then(|r| {
            let hour: u8 = text[r.clone()].parse().ok()?;
            (r.len() <= 2 && hour < 24 && t.end.is_none()).then_some((r.start, hour))
        });
        // Times come in order: only the one before can overlap the new range.
        match start {
            Some((at, hour)) if out.last().is_none_or(|o| o.range.end <= at) => {
                out.push(TimeToken {
                    range: at..t.range.end,
                    start: (hour, 0),
                    end: Some(t.start),
                })
            }
            _ => out.push(t),
        }
    }
    out
}

/// Day-part phrases after an hour, per language: the phrase, and whether it is after noon
/// (`None`: at night, after noon from nine on).
const DAY_PARTS: &[(&str, &str, Option<bool>)] = &[
    ("en", " in the morning", Some(false)),
    ("en", " in the afternoon", Some(true)),
    ("en", " in the evening", Some(true)),
    ("en", " at night", None),
    ("en", " o'clock", Some(false)),
    ("es", " de la mañana", Some(false)),
    ("es", " de la madrugada", Some(false)),
    ("es", " de la tarde", Some(true)),
    ("es", " de la noche", None),
    ("fr", " du matin", Some(false)),
    ("fr", " de l'après-midi", Some(true)),
    ("fr", " de l’après-midi", Some(true)),
    ("fr", " du soir", Some(true)),
    ("de", " Uhr morgens", Some(false)),
    ("de", " Uhr früh", Some(false)),
    ("de", " Uhr vormittags", Some(false)),
    ("de", " Uhr nachmittags", Some(true)),
    ("de", " Uhr abends", Some(true)),
    ("de", " Uhr nachts", None),
];

/// Noon and midnight, per language.
const NAMED: &[(&str, &str, u8)] = &[
    ("en", "noon", 12),
    ("en", "midday", 12),
    ("en", "midnight", 0),
    ("es", "mediodía", 12),
    ("es", "medianoche", 0),
    ("fr", "midi", 12),
    ("fr", "minuit", 0),
    ("de", "Mittag", 12),
    ("de", "Mitternacht", 0),
];

/// Whether a text may hold `phrase` (matched ignoring ASCII case and kinds of space): its last
/// word is in `lower`, the text in lower case.
fn may_hold(lower: &str, phrase: &str) -> bool {
    let last = phrase.rsplit(' ').next().unwrap_or(phrase);
    lower.contains(&last.to_lowercase())
}

/// Times said with words: an hour (digits or a number word of `words`) and a day part ("las
/// siete de la mañana", "10 heures du matin", "7 Uhr abends", "2 in the afternoon"), and noon
/// and midnight. `language` is the BCP 47 language subtag.
pub fn scan_spoken(
    text: &str,
    language: &str,
    word_value: impl Fn(&str) -> Option<u32>,
) -> Vec<TimeToken> {
    let mut out = Vec::new();
    // Only the day parts and named times the text has (found in one fast pass each), looked
    // for at its spaces and words.
    // A language without day parts or named times needs no lower-case copy of the text.
    let known = DAY_PARTS.iter().any(|(l, _, _)| *l == language)
        || NAMED.iter().any(|(l, _, _)| *l == language);
    if !known {
        return out;
    }
    let lower = text.to_lowercase();
    let parts: Vec<_> = DAY_PARTS
        .iter()
        .filter(|(l, phrase, _)| *l == language && may_hold(&lower, phrase))
        .collect();
    let named: Vec<_> = NAMED
        .iter()
        .filter(|(l, word, _)| *l == language && may_hold(&lower, word))
        .collect();
    if parts.is_empty() && named.is_empty() {
        return out;
    }
    for (at, c) in text.char_indices() {
        if c == ' ' || c == '\u{a0}' {
            for (_, phrase, pm) in &parts {
                let Some(len) = super::spaced_prefix(&text[at..], phrase) else {
                    continue;
                };
                let boundary = !text[at + len..].starts_with(char::is_alphanumeric);
                let mut head = &text[..at];
                for unit in ["heures", "heure", "h"] {
                    if let Some(h) = head.strip_suffix(unit) {
                        head = h.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
                        break;
                    }
                }
                let word_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                });
                let word = &head[word_start..];
                let hour = word
                    .parse::<u32>()
                    .ok()
                    .or_else(|| word_value(&word.to_lowercase()))
                    .filter(|h| (1..=12).contains(h));
                if let (Some(h), true) = (hour, boundary) {
                    let h = h as u8;
                    let pm = pm.unwrap_or(h >= 9 && h != 12);
                    out.push(TimeToken {
                        range: word_start..at + len,
                        start: (to_24(h, pm), 0),
                        end: None,
                    });
                }
            }
        }
        let opens_word = at == 0 || !text[..at].ends_with(char::is_alphanumeric);
        if opens_word {
            for (_, word, hour) in &named {
                if let Some(len) = super::spaced_prefix(&text[at..], word)
                    && !text[at + len..].starts_with(char::is_alphanumeric)
                {
                    out.push(TimeToken {
                        range: at..at + len,
                        start: (*hour, 0),
                        end: None,
                    });
                }
            }
        }
    }
    out
}

/// How one locale writes a time of day.
pub struct TimeLocale {
    formatter: Option<NoCalendarFormatter<fieldsets::T>>,
}

impl TimeLocale {
    /// The clock of a BCP 47 locale, from CLDR.
    pub fn new(tag: &str) -> TimeLocale {
        let formatter = icu::locale::Locale::try_from_str(tag)
            .ok()
            .and_then(|l| NoCalendarFormatter::try_new((&l).into(), fieldsets::T::hm()).ok());
        TimeLocale { formatter }
    }

    /// `hour:minute` in this locale's clock.
    pub fn format(&self, (hour, minute): (u8, u8)) -> String {
        match (&self.formatter, Time::try_new(hour, minute, 0, 0)) {
            (Some(f), Ok(t)) => f.format(&t).to_string(),
            _ => format!("{hour:02}:{minute:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read<'a> = Vec<(&'a str, (u8, u8), Option<(u8, u8)>)>;

    fn read(text: &str) -> Read<'_> {
        scan(text)
            .into_iter()
            .map(|t| (&text[t.range], t.start, t.end))
            .collect()
    }

    #[test]
    fn twelve_hour_times_and_ranges_are_read_by_value() {
        assert_eq!(
            read("From 6-8 p.m., at 10:30 a.m., 11 a.m. to 1 p.m., 12 pm and 12 a.m.; 6-8 goals."),
            vec![
                ("6-8 p.m.", (18, 0), Some((20, 0))),
                ("10:30 a.m.", (10, 30), None),
                ("11 a.m. to 1 p.m.", (11, 0), Some((13, 0))),
                ("12 pm", (12, 0), None),
                ("12 a.m.", (0, 0), None),
            ]
        );
        assert_eq!(
            read("11-1 p.m.")[0].1,
            (11, 0),
            "a range across noon starts in the morning"
        );
        assert_eq!(
            read("de 6-8 p. m.")[0].2,
            Some((20, 0)),
            "Spanish typography"
        );
    }

    #[test]
    fn twenty_four_hour_times_are_read_beside_twelve_hour_ones() {
        let text = "De 18:00 a 20:30, 2 a.m., 9:05; score 3:1, 1:2:3 and 25:00; 13.30 Uhr, 1.30pm; 3.50 euros.";
        let found: Vec<(u8, u8)> = scan_all(text).iter().map(|t| t.start).collect();
        assert_eq!(
            found,
            vec![(18, 0), (20, 30), (2, 0), (9, 5), (13, 30), (13, 30)]
        );
    }

    #[test]
    fn times_said_with_words() {
        let es = crate::recognize::numbers::NumberLocale::new("es");
        let starts = |t: &str, l: &str, n: &crate::recognize::numbers::NumberLocale| {
            scan_spoken(t, l, |w| n.word_value(w))
                .iter()
                .map(|x| x.start)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            starts("a las 7 de la mañana y a la una de la tarde", "es", &es),
            vec![(7, 0), (13, 0)]
        );
        assert_eq!(
            starts("a las dos de la tarde, al mediodía", "es", &es),
            vec![(14, 0), (12, 0)]
        );
        let fr = crate::recognize::numbers::NumberLocale::new("fr");
        assert_eq!(
            starts("à 10\u{a0}heures du matin", "fr", &fr),
            vec![(10, 0)]
        );
        let de = crate::recognize::numbers::NumberLocale::new("de");
        assert_eq!(starts("um 7 Uhr abends", "de", &de), vec![(19, 0)]);
        let en = crate::recognize::numbers::NumberLocale::new("en");
        assert_eq!(
            starts("at noon, not at midnight", "en", &en),
            vec![(12, 0), (0, 0)]
        );
        assert!(starts("la tarde, las manos", "es", &es).is_empty());
    }

    #[test]
    fn times_written_with_words_and_zones() {
        let starts = |t: &str| scan_all(t).iter().map(|x| x.start).collect::<Vec<_>>();
        assert_eq!(
            starts("entre 22 h 00 et 23 h 35 MDT"),
            vec![(22, 0), (23, 35)]
        );
        assert_eq!(starts("à 22h08, puis à 10 heures"), vec![(22, 8), (10, 0)]);
        assert_eq!(
            starts("um 18 Uhr und um 13.30 Uhr"),
            vec![(18, 0), (13, 30)]
        );
        assert_eq!(starts("at 12.00 GMT and 1200 UTC"), vec![(12, 0), (12, 0)]);
        assert_eq!(
            starts("100 km/h, 50 hectares, 2.5 GMT-"),
            Vec::<(u8, u8)>::new()
        );
        let between = scan("entre las 10:00 y 11:00 p. m.");
        assert_eq!(between[0].start, (22, 0));
        assert_eq!(between[0].end, Some((23, 0)));
    }

    #[test]
    fn a_number_before_a_multibyte_letter_is_no_time_and_no_panic() {
        assert!(scan("15 % más de 6 más").is_empty());
        assert!(scan("5\u{a0}000 y 6\u{a0}p").is_empty());
    }

    #[test]
    fn times_are_written_in_the_locales_clock() {
        assert_eq!(TimeLocale::new("es").format((18, 0)), "18:00");
        assert_eq!(TimeLocale::new("de").format((9, 5)), "09:05");
        assert_eq!(TimeLocale::new("fr").format((18, 30)), "18:30");
        let us = TimeLocale::new("en-US").format((18, 0));
        assert!(us.starts_with("6:00") && us.ends_with("PM"), "{us}");
    }
}
