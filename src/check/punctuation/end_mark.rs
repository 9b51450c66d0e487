//! `end-punctuation`: the block lost its final mark, or a question stopped being one.
//!
//! Closing quotes and brackets after the mark do not count, and marks of other scripts count
//! as theirs ("。" is a full stop). Real translators turn "!" into "." and add the full stop a
//! source forgot, turn a question into reported speech ("she asked why…"), and run two
//! sentences together with a comma; the graded corpus shows those are right. What is reported
//! is a translation that stops on a word where its source ends with a mark: a sentence cut
//! short or its full stop lost.

use super::{is_closer, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// The translation stops on a word where its source ends with a mark.
    pub const END_PUNCTUATION: Rule = Rule::new("end-punctuation");
}

/// The rule.
pub struct EndMark;

/// `text` without its trailing spaces and closing quotes or brackets.
fn ending(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c))
}

/// The final mark of `text` as a class (`None` for no mark).
fn final_mark(text: &str) -> Option<char> {
    let trimmed = ending(text);
    match trimmed.chars().next_back()? {
        '.' | '。' | '।' | '۔' if trimmed.ends_with("...") => Some('…'),
        '.' | '。' | '।' | '۔' => Some('.'),
        '?' | '？' | '؟' => Some('?'),
        '!' | '！' => Some('!'),
        ':' | '：' => Some(':'),
        ';' | '；' | '؛' => Some(';'),
        '…' => Some('…'),
        _ => None,
    }
}

impl BlockRule for EndMark {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::END_PUNCTUATION]
    }

    fn check(&self, _: &Checker, pair: &BlockPair, work: &mut Work) {
        // A translation ending on a word has no mark of its own.
        let text = &pair.target.text;
        let Some(mark) = final_mark(&pair.source.text) else {
            return;
        };
        if !ending(text).ends_with(char::is_alphanumeric) {
            return;
        }
        let end = text.trim_end().len();
        let start = text[..end].char_indices().next_back().map_or(0, |(i, _)| i);
        work.findings.push(warning(
            Rule::END_PUNCTUATION,
            pair,
            start..end,
            msg!("check-end-punctuation", source = mark.to_string()),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    fn ends(target: &str, source: &str, translation: &str) -> usize {
        run(target, source, translation)
            .iter()
            .filter(|(r, _)| r == "end-punctuation")
            .count()
    }

    #[test]
    fn the_final_mark_is_the_sources() {
        assert_eq!(ends("es", "Will they leave?", "¿Se irán?"), 0);
        assert_eq!(ends("es", "Will they leave?", "¿Se irán"), 1);
        assert_eq!(
            ends("es", "Why did they leave?", "Preguntó por qué se fueron."),
            0,
            "a question reported"
        );
        assert_eq!(
            ends("fr", "A woman appeared.", "Une femme est apparue,"),
            0,
            "run on"
        );
        assert_eq!(ends("de", "They left.", "Sie gingen"), 1);
        assert_eq!(
            ends("de", "They left", "Sie gingen."),
            0,
            "a full stop added"
        );
        assert_eq!(
            ends("es", "Stop it!", "Basta ya."),
            0,
            "a toned-down exclamation"
        );
        assert_eq!(ends("fr", "He said \"no.\"", "Il a dit « non ». "), 0);
        assert_eq!(ends("fr", "Will they leave?", "Partiront-ils ?"), 0);
        assert_eq!(ends("es", "And then...", "Y entonces…"), 0);
        assert_eq!(ends("es", "Troops in the north", "Tropas en el norte"), 0);
    }
}
