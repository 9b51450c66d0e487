//! `quote-spacing`: a space inside quotation marks (`" Tuvo`, `Tuvo "`).
//!
//! Which mark opens and which closes depends on the language (German closes with “, Spanish
//! opens with it) and, for the straight `"`, on the order: in a block with an even number of
//! them they alternate. French spaces inside « » by rule; that is left to `french-spacing`.

use super::{QuoteRole, language, quote_role, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// A space right inside quotation marks.
    pub const QUOTE_SPACING: Rule = Rule::new("quote-spacing");
}

/// The rule.
pub struct QuoteSpacing;

/// Whether `c` opens (true) or closes (false) a quotation in `lang` ([`quote_role`]); marks
/// that may do either are left to the straight quotes' order, and French spaces inside « »
/// by rule.
fn opens(lang: &str, c: char) -> Option<bool> {
    match quote_role(lang, c)? {
        _ if lang == "fr" && matches!(c, '«' | '»') => None,
        QuoteRole::Open => Some(true),
        QuoteRole::Close => Some(false),
        QuoteRole::Either => None,
    }
}

impl BlockRule for QuoteSpacing {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::QUOTE_SPACING]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let lang = language(&c.target);
        let text = &pair.target.text;
        // Doubled straight quotes are a spreadsheet's escaping left in the text: which of them
        // opens is anyone's guess.
        let straight = match text.contains("\"\"") {
            true => 1,
            false => text.matches('"').count(),
        };
        let mut straight_seen = 0;
        for (i, ch) in text.char_indices() {
            let opens = if ch == '"' {
                straight_seen += 1;
                if straight % 2 == 1 {
                    continue;
                }
                straight_seen % 2 == 1
            } else {
                match opens(lang, ch) {
                    Some(o) => o,
                    None => continue,
                }
            };
            let end = i + ch.len_utf8();
            let gap = if opens {
                let spaces = text[end..].len() - text[end..].trim_start_matches(' ').len();
                let next = text[end + spaces..].chars().next();
                (spaces > 0
                    && next.is_some_and(char::is_alphanumeric)
                    && !text[..i].ends_with(|c: char| c.is_alphanumeric()))
                .then(|| end..end + spaces)
            } else {
                let spaces = text[..i].len() - text[..i].trim_end_matches(' ').len();
                let before = text[..i - spaces].chars().next_back();
                let after = text[end..].chars().next();
                (spaces > 0
                    && before
                        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '?' | '!' | ','))
                    && after.is_none_or(|c| !c.is_alphanumeric()))
                .then(|| i - spaces..i)
            };
            if let Some(range) = gap {
                work.findings.push(warning(
                    Rule::QUOTE_SPACING,
                    pair,
                    range,
                    msg!("check-quote-spacing", mark = ch.to_string()),
                    Some(String::new()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::findings;

    fn spaced(target: &str, source: &str, translation: &str) -> Vec<Option<String>> {
        findings(target, source, translation)
            .into_iter()
            .filter(|f| f.rule.id() == "quote-spacing")
            .map(|f| f.fix.map(|x| x.replacement))
            .collect()
    }

    #[test]
    fn spaces_inside_quotes_are_found_and_removed() {
        let src = "He said \"It was hard\" yesterday.";
        assert!(spaced("es", src, "Dijo \"Fue duro\" ayer.").is_empty());
        assert_eq!(
            spaced("es", src, "Dijo \" Fue duro\" ayer."),
            [Some(String::new())]
        );
        assert_eq!(spaced("es", src, "Dijo «Fue duro » ayer.").len(), 1);
        assert!(spaced("es", src, "Dijo «Fue duro» ayer.").is_empty());
        assert!(spaced("de", src, "Er sagte „Es war schwer“ gestern.").is_empty());
        assert_eq!(
            spaced("de", src, "Er sagte „ Es war schwer“ gestern.").len(),
            1
        );
        assert!(
            spaced("fr", src, "Il a dit « C'était dur » hier.").is_empty(),
            "French spaces inside guillemets"
        );
        assert!(
            spaced("es", "A 5\" screen", "Una pantalla de 5\" y otra").is_empty(),
            "an odd number of straight quotes says nothing about order"
        );
    }
}
