//! `house-quotes`: quotation marks that are not the target locale's.
//!
//! A desk that writes Spanish with « » and “ ” (or German with „ “ and ‚ ‘) wants straight
//! quotes and English curly ones replaced. The marks come from CLDR's delimiters
//! (`config/quotes.toml`, per locale with fallback to the language). House style varies, so
//! the rule is off until a profile or `[checks.rules.house-quotes]` turns it on. The fix of
//! straight quotes writes the locale's opening and closing marks in turn.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::{language, warning};
use crate::check::rules::{BlockRule, Work};
use crate::check::{BlockPair, Checker, Rule};
use crate::msg;

impl Rule {
    /// Quotation marks other than the target locale's.
    pub const HOUSE_QUOTES: Rule = Rule::off_by_default("house-quotes");
}

/// CLDR's quotation marks by locale: `[start, end, alternate start, alternate end]`.
const QUOTES: &str = include_str!("../../../config/quotes.toml");

fn marks(tag: &str) -> Option<[char; 4]> {
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| toml::from_str(QUOTES).unwrap_or_default());
    let found = table.get(tag).or_else(|| table.get(language(tag)))?;
    let chars: Vec<char> = found.chars().collect();
    chars.try_into().ok()
}

/// The rule.
pub struct HouseQuotes;

/// Every double or single quotation mark verso knows, to tell a quote from other punctuation.
const ALL_MARKS: [char; 13] = [
    '"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '‚', '「', '」',
];

impl BlockRule for HouseQuotes {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::HOUSE_QUOTES]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut Work) {
        let Some(own) = marks(&c.target) else {
            return;
        };
        let text = &pair.target.text;
        let straight = text.matches('"').count();
        let mut seen = 0;
        for (i, ch) in text.char_indices() {
            if !ALL_MARKS.contains(&ch) || own.contains(&ch) {
                continue;
            }
            let before = text[..i].chars().next_back();
            let after = text[i + ch.len_utf8()..].chars().next();
            // An apostrophe inside a word ("l’armée", "don’t") is no quotation mark.
            if ch == '’'
                && before.is_some_and(char::is_alphabetic)
                && after.is_some_and(char::is_alphabetic)
            {
                continue;
            }
            let fix = if ch == '"' {
                seen += 1;
                straight
                    .is_multiple_of(2)
                    .then(|| if seen % 2 == 1 { own[0] } else { own[1] }.to_string())
            } else {
                None
            };
            work.findings.push(warning(
                Rule::HOUSE_QUOTES,
                pair,
                i..i + ch.len_utf8(),
                msg!(
                    "check-house-quotes",
                    mark = ch.to_string(),
                    expected = format!("{}…{}", own[0], own[1])
                ),
                fix,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{BlockPair, BlockText, CheckConfig, Checker, names};

    fn quotes(target: &str, on: bool, translation: &str) -> Vec<Option<String>> {
        let config: CheckConfig = if on {
            toml::from_str("[rules.house-quotes]\nseverity = \"warning\"\n").expect("config")
        } else {
            CheckConfig::default()
        };
        let c = Checker::new("en", target, None, config, names::Evidence::default());
        let (s, t) = (
            BlockText::plain("He said \"no\"."),
            BlockText::plain(translation),
        );
        c.check_block(&BlockPair {
            index: 0,
            source: &s,
            target: &t,
            unknown_words: &[],
        })
        .0
        .into_iter()
        .filter(|f| f.rule.id() == "house-quotes")
        .map(|f| f.fix.map(|x| x.replacement))
        .collect()
    }

    #[test]
    fn the_locales_quotation_marks_when_the_house_wants_them() {
        assert!(
            quotes("es", false, "Dijo \"no\".").is_empty(),
            "off by default"
        );
        assert_eq!(
            quotes("es", true, "Dijo \"no\"."),
            [Some("«".to_string()), Some("»".to_string())]
        );
        assert!(quotes("es", true, "Dijo «no».").is_empty());
        assert!(quotes("de", true, "Er sagte „nein“.").is_empty());
        assert_eq!(
            quotes("de", true, "Er sagte \"nein\"."),
            [Some("„".to_string()), Some("“".to_string())]
        );
        assert_eq!(
            quotes("de", true, "Er sagte “nein”."),
            [None],
            "“ closes in German; the English closing ” is not German"
        );
        assert!(quotes("fr", true, "Il a dit « non », l’armée.").is_empty());
        assert!(quotes("de-CH", true, "Er sagte «nein».").is_empty());
    }
}
