//! `inverted-marks`: Spanish opens a question with ¿ and an exclamation with ¡.
//!
//! Each ? needs a ¿ earlier in its sentence (the ¿ may open mid-sentence: "Si llueve, ¿vienes?")
//! and each ¿ a ? later; likewise ¡ and !. A translation that copies the English punctuation
//! ("Qué pasó?") or loses a closing mark is caught; the marks inside a name ("Yahoo!") are
//! the source's too, so a mark the source has in the same word is left alone.

use super::{language, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// Spanish ¿ and ¡ without their closing mark, or the reverse.
    pub const INVERTED_MARKS: Rule = Rule::new("inverted-marks");
}

/// Languages that write the opening marks.
const LANGUAGES: [&str; 3] = ["es", "gl", "ast"];

/// The rule.
pub struct InvertedMarks;

impl BlockRule for InvertedMarks {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::INVERTED_MARKS]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        if !LANGUAGES.contains(&language(&c.target)) {
            return;
        }
        let text = &pair.target.text;
        for (open, close) in [('¿', '?'), ('¡', '!')] {
            for (at, mark) in unpaired(text, open, close) {
                if mark == close && in_source_word(&pair.source.text, text, at) {
                    continue;
                }
                let (missing, written) = if mark == close {
                    (open, close)
                } else {
                    (close, open)
                };
                work.findings.push(warning(
                    Rule::INVERTED_MARKS,
                    pair,
                    at..at + mark.len_utf8(),
                    msg!(
                        "check-inverted-marks",
                        written = written.to_string(),
                        missing = missing.to_string()
                    ),
                    None,
                ));
            }
        }
    }
}

/// Positions of `open` marks without a `close` before the sentence ends, and of `close` marks
/// without an `open` since the last sentence end.
fn unpaired(text: &str, open: char, close: char) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for (i, ch) in text.char_indices() {
        if ch == open {
            pending.push(i);
        } else if ch == close {
            if pending.pop().is_none() {
                out.push((i, close));
            }
        } else if matches!(ch, '.' | '?' | '!' | '…') && is_sentence_end(text, i) {
            // A sentence ended: its openers stay unclosed.
            out.extend(pending.drain(..).map(|p| (p, open)));
        }
    }
    out.extend(pending.into_iter().map(|p| (p, open)));
    out
}

/// Whether the mark at `i` ends a sentence: followed by a space and a capital, or by the end.
fn is_sentence_end(text: &str, i: usize) -> bool {
    let rest = text[i..].chars().skip(1);
    let mut rest = rest.skip_while(|c| super::is_closer(*c)).peekable();
    match rest.next() {
        None => true,
        Some(c) if c.is_whitespace() => rest
            .find(|c| !c.is_whitespace() && !super::is_opener(*c))
            .is_none_or(char::is_uppercase),
        _ => false,
    }
}

/// Whether the mark at `at` sits in a word the source writes with it too ("Yahoo!").
fn in_source_word(source: &str, text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &text[start..at];
    !word.is_empty() && source.contains(&text[start..=at])
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, spans};

    fn marks(target: &str, source: &str, translation: &str) -> Vec<String> {
        spans("inverted-marks", findings(target, source, translation))
    }

    #[test]
    fn spanish_questions_and_exclamations_are_paired() {
        let q = "What happened? Nobody knows.";
        assert!(marks("es", q, "¿Qué pasó? Nadie lo sabe.").is_empty());
        assert!(marks("es", "If it rains, will you come?", "Si llueve, ¿vendrás?").is_empty());
        assert!(marks("es", "Hello! Welcome.", "¡Hola! Bienvenidos.").is_empty());
        assert!(
            marks(
                "es",
                "He wrote for Yahoo! News.",
                "Escribió para Yahoo! News."
            )
            .is_empty(),
            "a name with its own mark"
        );
        assert_eq!(marks("es", q, "Qué pasó? Nadie lo sabe."), ["?"]);
        assert_eq!(marks("es", q, "¿Qué pasó. Nadie lo sabe."), ["¿"]);
        assert_eq!(marks("es", "Stop!", "Alto!"), ["!"]);
        assert!(
            marks("fr", q, "Que s'est-il passé ? Personne ne sait.").is_empty(),
            "French has no opening marks"
        );
    }
}
