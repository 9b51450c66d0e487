//! Recognizers: numbers, dates and quantities found in text and read by value, in any locale.
//!
//! One place reads them so that the writer (`localize`), the checks and the review page's
//! marks can never disagree about what "11,000", "January 13" or "170-millimetre" is. Each
//! recognizer also knows how its locale writes a value (from CLDR through ICU4X, or the units
//! table in `config/` where ICU4X's unit data is still experimental).

pub mod dates;
pub mod magnitudes;
pub mod numbers;
pub mod times;
pub mod units;

use std::ops::Range;

/// Words joining the two ends of a range written with one unit or one clock ("2 to 4 inches",
/// "entre 5 y 10 centímetros", "5 bis 10 Zentimeter", "de 5 à 10 cm", "5-10 cm", "18 bis 20
/// Uhr").
pub(crate) const RANGE_JOINERS: [&str; 16] = [
    "-", "–", " - ", " – ", " to ", " and ", " or ", " y ", " a ", " o ", " et ", " à ", " ou ",
    " bis ", " und ", " oder ",
];

/// The lowercased first character of `text`: word tables are indexed by it, so a lookup at a
/// position compares only the words that can start there.
pub(crate) fn first_lower(text: &str) -> Option<char> {
    text.chars().next().and_then(|c| c.to_lowercase().next())
}

/// Whether `got` may stand where a pattern has `want`: the same letter (ASCII case aside), or
/// any space a typesetter puts where the pattern has a space ("30\u{a0}de mayo").
fn same_char(got: char, want: char) -> bool {
    got == want
        || got.eq_ignore_ascii_case(&want)
        || (want == ' ' && matches!(got, '\u{a0}' | '\u{202f}' | '\u{2009}'))
}

/// Bytes of `text` that `pattern` opens it with ([`same_char`]).
pub(crate) fn spaced_prefix(text: &str, pattern: &str) -> Option<usize> {
    let mut at = 0;
    for want in pattern.chars() {
        let got = text[at..].chars().next()?;
        if !same_char(got, want) {
            return None;
        }
        at += got.len_utf8();
    }
    Some(at)
}

/// `text` without `pattern` at its end ([`same_char`]).
pub(crate) fn spaced_suffix<'a>(text: &'a str, pattern: &str) -> Option<&'a str> {
    let mut end = text.len();
    for want in pattern.chars().rev() {
        let got = text[..end].chars().next_back()?;
        if !same_char(got, want) {
            return None;
        }
        end -= got.len_utf8();
    }
    Some(&text[..end])
}

/// The number that opens a range whose end starts right after `before`: in "2 to 4 inches",
/// with `before` = "2 to ", the "2" (its byte range in `before`). A number glued to a word or a
/// clock ("x2 to", "10:30 to") opens none.
pub(crate) fn range_start(before: &str) -> Option<Range<usize>> {
    RANGE_JOINERS.iter().find_map(|j| {
        let head = spaced_suffix(before, j)?;
        let number = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let from = head.len() - head[number.len()..].trim_start_matches(['.', ',']).len();
        let boundary = !head[..from].ends_with(|c: char| c.is_alphanumeric() || c == ':');
        (from < head.len() && boundary).then_some(from..head.len())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn range_starts_and_spaced_patterns() {
        assert_eq!(super::range_start("entre 2\u{a0}y "), Some(6..7));
        assert_eq!(super::range_start("from 11,000 to "), Some(5..11));
        assert_eq!(super::range_start("at 10:30 to "), None);
        assert_eq!(super::range_start("x2 to "), None);
        assert_eq!(super::spaced_prefix("30\u{a0}De mayo", "30 de"), Some(6));
        assert_eq!(super::spaced_suffix("2\u{202f}bis ", " bis "), Some("2"));
    }
}
