//! `unbalanced`: a bracket or quotation mark opened and not closed, or closed and not opened,
//! where the source's are balanced.
//!
//! Brackets nest; quotation marks pair by the target language's convention (German „…“ and
//! »…«, Spanish and French «…», English “…”), and a mark that can open or close (a straight
//! `"`, German's » and «) closes an open quotation and otherwise opens one. A source
//! that is unbalanced itself (a list item "a)", a quotation running over paragraphs) says the
//! author meant it, and the rule says nothing of that pair.

use super::{QuoteRole, language, quote_role, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// A bracket or quotation mark not closed, or not opened.
    pub const UNBALANCED: Rule = Rule::new("unbalanced");
}

/// The rule.
pub struct Balance;

/// The brackets, which nest.
const BRACKETS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];

/// The first unmatched mark of a pair that nests: an unclosed opener or a stray closer.
fn unmatched(text: &str, open: char, close: char) -> Option<usize> {
    let mut stack = Vec::new();
    for (i, c) in text.char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close && stack.pop().is_none() {
            return Some(i);
        }
    }
    stack.first().copied()
}

/// The first unmatched double quotation mark of `text` in `lang`. A mark that may open or
/// close closes when a quotation is open.
fn unmatched_quote(lang: &str, text: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        let Some(role) = quote_role(lang, c) else { continue };
        let closed = role != QuoteRole::Open && open.pop().is_some();
        match role {
            QuoteRole::Open => open.push(i),
            QuoteRole::Close if !closed => return Some(i),
            QuoteRole::Either if !closed => open.push(i),
            _ => {}
        }
    }
    open.first().copied()
}

/// Whether single quotation marks in `text` open as often as they close. An apostrophe
/// inside a word ("won't") or after a plural's s ("students' rights") is neither; British news
/// quotes with single marks, and a quotation that runs on into the next paragraph leaves one
/// open.
fn singles_balanced(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let (mut opens, mut closes) = (0, 0);
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let word_before = before
            .is_some_and(|b| !b.is_whitespace() && !matches!(b, '(' | '"' | '“' | ':' | '—' | '–'));
        let word_after = after.is_some_and(char::is_alphanumeric);
        if !word_before && word_after && c != '’' {
            opens += 1;
        } else if word_before && !word_after && c != '‘' {
            let plural = before == Some('s') && after.is_some_and(char::is_whitespace);
            if !plural {
                closes += 1;
            }
        }
    }
    opens == closes
}

impl BlockRule for Balance {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::UNBALANCED]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let (src, tgt) = (&pair.source.text, &pair.target.text);
        let (sl, tl) = (language(&c.source), language(&c.target));
        // Most blocks have no bracket or quotation mark at all: one pass says so.
        let marked = tgt.contains(|ch: char| {
            BRACKETS.iter().any(|(o, c)| ch == *o || ch == *c) || quote_role(tl, ch).is_some()
        });
        if !marked {
            return;
        }
        let mut found: Vec<usize> = Vec::new();
        let brackets_balanced = BRACKETS
            .iter()
            .all(|(o, c)| unmatched(src, *o, *c).is_none());
        if brackets_balanced {
            for (open, close) in BRACKETS {
                found.extend(unmatched(tgt, open, close));
            }
        }
        // A source sentence without any quotation mark may sit inside a quotation that runs
        // over several sentences; its translation may then carry the quotation's mark.
        let quotes_in_source = src.chars().any(|c| quote_role(sl, c).is_some());
        if quotes_in_source
            && unmatched_quote(sl, src).is_none()
            && singles_balanced(src)
            && let Some(at) = unmatched_quote(tl, tgt)
        {
            found.push(at);
        }
        for at in found {
            let mark = tgt[at..].chars().next().unwrap_or(' ');
            work.findings.push(warning(
                Rule::UNBALANCED,
                pair,
                at..at + mark.len_utf8(),
                msg!("check-unbalanced", mark = mark.to_string()),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{findings, spans};

    fn unbalanced(target: &str, source: &str, translation: &str) -> Vec<String> {
        spans("unbalanced", findings(target, source, translation))
    }

    #[test]
    fn brackets_and_quotes_close() {
        let src = "The army (the 3rd brigade) said \"no\".";
        assert!(unbalanced("es", src, "El ejército (la 3.ª brigada) dijo «no».").is_empty());
        assert_eq!(
            unbalanced("es", src, "El ejército (la 3.ª brigada dijo «no»."),
            ["("]
        );
        assert_eq!(
            unbalanced("es", src, "El ejército (la 3.ª brigada) dijo «no."),
            ["«"]
        );
        assert_eq!(
            unbalanced("es", src, "El ejército (la 3.ª brigada) dijo \"no."),
            ["\""]
        );
        assert!(
            unbalanced("de", src, "Die Armee (die 3. Brigade) sagte „nein\".").is_empty(),
            "German writers close „ with a straight quote"
        );
        assert!(
            unbalanced(
                "fr",
                "Millions would have died.",
                "« Des millions seraient morts."
            )
            .is_empty(),
            "a sentence inside a quotation that began earlier"
        );
        assert!(
            unbalanced("es", "\"We were going to war.", "“Íbamos a la guerra.").is_empty(),
            "a quotation the source leaves open too (it goes on in the next paragraph)"
        );
        assert!(
            unbalanced(
                "fr",
                "'We know it won't change students' behaviour.",
                "« Nous savons que cela ne changera pas le comportement des étudiants."
            )
            .is_empty(),
            "the source opens a single-quoted quotation and does not close it"
        );
        assert_eq!(
            unbalanced(
                "fr",
                "\"I believe 'ye' means 'you,'\" West said.",
                "« Je crois que “ye” veut dire “toi”, a dit West."
            ),
            ["«"],
            "the source's single quotes are balanced, the translation's « is not closed"
        );
        assert!(unbalanced("de", src, "Die Armee (die 3. Brigade) sagte „nein“.").is_empty());
        assert_eq!(
            unbalanced("de", src, "Die Armee (die 3. Brigade) sagte „nein.").len(),
            1
        );
        assert!(
            unbalanced("es", "a) the first", "a) el primero").is_empty(),
            "the source's own unbalanced pair"
        );
    }
}
