//! Text normalization for matching, with a map back to the original byte offsets.
//!
//! The same name is written many ways: composed or decomposed accents, typographic or straight
//! apostrophes ("Kim’s", "Kim's"), quotes, hyphens (U+2010, U+2011, en dash), no-break spaces,
//! upper or lower case. Text and terms are both brought to one form — NFC (ICU4X), those
//! characters unified, whitespace runs collapsed, and case folded (ICU4X full case folding, so
//! "STRASSE" meets "Straße") unless a concept is case-sensitive — and every byte of the result
//! remembers where it came from, so matches are reported on the original text.

use icu::casemap::CaseMapper;
use icu::normalizer::ComposingNormalizerBorrowed;
use icu::normalizer::properties::CanonicalCombiningClassMapBorrowed;

/// Normalized text and, for each of its bytes, the original byte offset it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// `map[i]` is the original offset of normalized byte `i`; one extra entry maps the end.
    pub map: Vec<usize>,
}

impl Normalized {
    /// The original byte range of a normalized range.
    pub fn original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.map[range.start];
        // The end maps to just past the last original char of the range.
        let end = if range.end == 0 {
            0
        } else {
            self.end_of(range.end)
        };
        start..end.max(start)
    }

    fn end_of(&self, normalized_end: usize) -> usize {
        self.map[normalized_end]
    }
}

/// One character's replacement before folding: typographic variants made plain.
fn unify(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{0060}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Normalizes `text`; `fold` applies case folding.
pub fn normalize(text: &str, fold: bool) -> Normalized {
    let nfc = ComposingNormalizerBorrowed::new_nfc();
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        map: Vec::with_capacity(text.len() + 1),
    };
    if nfc.is_normalized(text) {
        push_chars(&mut out, text, 0, fold);
    } else {
        // Normalize each run of a starter and its combining marks on its own, so offsets stay
        // exact at every run boundary.
        let ccc = CanonicalCombiningClassMapBorrowed::new();
        let mut run_start = 0;
        for (i, c) in text.char_indices() {
            if i > run_start && ccc.get_u8(c) == 0 {
                let run = nfc.normalize(&text[run_start..i]);
                push_run(&mut out, &run, run_start, fold);
                run_start = i;
            }
        }
        let run = nfc.normalize(&text[run_start..]);
        push_run(&mut out, &run, run_start, fold);
    }
    out.map.push(text.len());
    out
}

/// Pushes a normalized run whose every byte maps to the run's original start.
fn push_run(out: &mut Normalized, run: &str, origin: usize, fold: bool) {
    let before = out.map.len();
    push_chars(out, run, 0, fold);
    for m in &mut out.map[before..] {
        *m = origin;
    }
}

fn push_chars(out: &mut Normalized, text: &str, base: usize, fold: bool) {
    let casemap = CaseMapper::new();
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let c = unify(c);
        if c == ' ' && (out.text.is_empty() || out.text.ends_with(' ')) {
            continue; // collapse whitespace runs, drop leading ones
        }
        let origin = base + i;
        if c.is_ascii() {
            let b = if fold { c.to_ascii_lowercase() } else { c } as u8;
            out.text.push(b as char);
            out.map.push(origin);
        } else if fold {
            let folded = casemap.fold_string(c.encode_utf8(&mut buf));
            out.text.push_str(&folded);
            out.map.extend(std::iter::repeat_n(origin, folded.len()));
        } else {
            out.text.push(c);
            out.map.extend(std::iter::repeat_n(origin, c.len_utf8()));
        }
    }
}

/// Normalizes a term (no offsets needed).
pub fn term(text: &str, fold: bool) -> String {
    let n = normalize(text, fold);
    n.text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_case_and_composition_are_unified() {
        assert_eq!(term("Kim’s  Yo‑jong", true), "kim's yo-jong");
        assert_eq!(term("STRASSE", true), term("Straße", true));
        assert_eq!(term("Pjo\u{308}ngjang", true), "pjöngjang");
        assert_eq!(term("blue News", false), "blue News");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "Die Pjo\u{308}ngjang\u{a0}STRASSE";
        let n = normalize(text, true);
        let at = n.text.find("pjöngjang").expect("found");
        let r = n.original(at..at + "pjöngjang".len());
        assert_eq!(&text[r], "Pjo\u{308}ngjang");
        let at = n.text.find("strasse").expect("found");
        assert_eq!(&text[n.original(at..at + 7)], "STRASSE");
    }
}
