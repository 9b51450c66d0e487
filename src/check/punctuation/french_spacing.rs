//! `french-spacing` and `french-no-break-space`: French puts a space before ; : ! ? and inside
//! « », and that space must not break.
//!
//! A mark glued to its word ("Pourquoi?") is `french-spacing`, on by default; an ordinary
//! space where a no-break one belongs (so a line can start with "?") is
//! `french-no-break-space`, a house-style rule, off until a desk turns it on. The fixes write
//! U+202F (narrow no-break space) before ; ! ? and U+00A0 before : and inside « », as the
//! Imprimerie nationale's rules and CLDR's French number format do. Swiss French writes no
//! space before ; ! ?, only before :. A colon between digits (10:30) or in a URL is no
//! punctuation.

use super::{language, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Finding, Rule};
use crate::msg;

impl Rule {
    /// French ; : ! ? glued to the word before, « » glued to the quotation.
    pub const FRENCH_SPACING: Rule = Rule::new("french-spacing");
    /// An ordinary space where French wants a no-break one.
    pub const FRENCH_NO_BREAK_SPACE: Rule = Rule::off_by_default("french-no-break-space");
}

/// The rule.
pub struct FrenchSpacing;

const NARROW: char = '\u{202F}';
const NO_BREAK: char = '\u{A0}';

/// The space a mark wants in French, or `None` if the mark needs none here.
fn wanted(mark: char, swiss: bool) -> Option<char> {
    match mark {
        ';' | '!' | '?' if !swiss => Some(NARROW),
        ':' | '«' | '»' => Some(NO_BREAK),
        _ => None,
    }
}

/// The mark at `at` glued to its word: the fix writes it with its space.
fn glued(pair: &BlockPair, at: usize, mark: char, space: char) -> Finding {
    let fix = match mark {
        '«' => format!("«{space}"),
        _ => format!("{space}{mark}"),
    };
    let message = msg!("check-french-spacing", mark = mark.to_string());
    warning(Rule::FRENCH_SPACING, pair, at..at + mark.len_utf8(), message, Some(fix))
}

/// The ordinary space at `at` beside a mark: the fix writes the no-break one.
fn breaking(pair: &BlockPair, at: usize, mark: char, space: char) -> Finding {
    let message = msg!("check-french-no-break-space", mark = mark.to_string());
    let fix = Some(space.to_string());
    warning(Rule::FRENCH_NO_BREAK_SPACE, pair, at..at + 1, message, fix)
}

/// Whether the words around the mark at `at` are the source's own (an English title kept in
/// English: « AI Superpowers: China… »).
fn quoted_from_source(source: &str, text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let after = &text[at..];
    let end = after
        .char_indices()
        .skip(1)
        .skip_while(|(_, c)| c.is_whitespace())
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i);
    let piece = &text[start..end];
    piece.chars().filter(|c| c.is_alphanumeric()).count() > 3
        && piece.contains(' ')
        && source.contains(piece)
}

impl BlockRule for FrenchSpacing {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::FRENCH_SPACING, Rule::FRENCH_NO_BREAK_SPACE]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        if language(&c.target) != "fr" {
            return;
        }
        let swiss = c.target.ends_with("-CH");
        let strict = c.levels.runs(Rule::FRENCH_NO_BREAK_SPACE);
        let text = &pair.target.text;
        for (i, mark) in text.char_indices() {
            let Some(space) = wanted(mark, swiss) else {
                continue;
            };
            let end = i + mark.len_utf8();
            let before = text[..i].chars().next_back();
            let after = text[end..].chars().next();
            if mark == '«' {
                match after {
                    Some(c) if c.is_alphanumeric() => {
                        work.findings.push(glued(pair, i, mark, space))
                    }
                    Some(' ') if strict => work.findings.push(breaking(pair, end, mark, space)),
                    _ => {}
                }
                continue;
            }
            // A mark that ends a word: not inside a number, a URL or a time.
            let glued_before =
                before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '»' | ')' | '"'));
            let word_after = after.is_some_and(|c| c.is_alphanumeric() || c == '/');
            if word_after {
                continue;
            }
            if glued_before {
                if !quoted_from_source(&pair.source.text, text, i) {
                    work.findings.push(glued(pair, i, mark, space));
                }
            } else if strict && before == Some(' ') {
                work.findings.push(breaking(pair, i - 1, mark, space));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, findings_on};

    fn spacing(target: &str, translation: &str) -> Vec<(String, Option<String>)> {
        findings(
            target,
            "Why? Because: he said \"no\"; then left!",
            translation,
        )
        .into_iter()
        .filter(|f| f.rule.id().starts_with("french"))
        .map(|f| (f.rule.id().to_string(), f.fix.map(|x| x.replacement)))
        .collect()
    }

    #[test]
    fn french_marks_have_their_space() {
        let good = "Pourquoi\u{202F}? Parce que\u{A0}: il a dit «\u{A0}non\u{A0}»\u{202F}; puis il est parti\u{202F}!";
        assert!(spacing("fr", good).is_empty());
        let ordinary = "Pourquoi ? Parce que : il a dit « non » ; puis il est parti !";
        assert!(
            spacing("fr", ordinary).is_empty(),
            "an ordinary space is house style, off by default"
        );
        let glued = "Pourquoi? Parce que: il a dit «non»; puis il est parti!";
        let found = spacing("fr", glued);
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(
            found[0],
            ("french-spacing".to_string(), Some("\u{202F}?".to_string()))
        );
        assert!(spacing("fr", "À 10:30, voir https://a.example/x?q=1.").is_empty());
        assert!(
            findings(
                "fr",
                "His book \"AI Superpowers: China\" sold.",
                "Son livre « AI Superpowers: China » s'est vendu."
            )
            .iter()
            .all(|f| !f.rule.id().starts_with("french")),
            "an English title kept in English"
        );
        assert!(spacing("es", glued).is_empty(), "Spanish");
        assert_eq!(
            spacing("fr-CH", "Pourquoi? Parce que: non!").len(),
            1,
            "Swiss French spaces only the colon"
        );
    }

    #[test]
    fn the_no_break_rule_reports_ordinary_spaces_when_on() {
        let found = findings_on(&["french-no-break-space"], "fr", "Why?", "Pourquoi ?");
        let ids: Vec<&str> = found.iter().map(|f| f.rule.id()).collect();
        assert_eq!(ids, ["french-no-break-space"]);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("\u{202F}")
        );
    }
}
