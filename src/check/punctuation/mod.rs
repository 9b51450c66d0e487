//! Punctuation and typography: what Translate Toolkit's pofilter and Okapi CheckMate check and
//! a reviewer notices at once. One rule per file, each listed once in the `rules!` list below
//! (which declares its module too); they need nothing of the other rules and run after them.
//!
//! These rules read the block's visible text ([`super::BlockText`]): markup is left out, and an
//! inline atom (code, an image) reads as one space, so spacing rules only trust spaces that were
//! written literally ([`super::BlockText::exact`]), and only those can be fixed.

/// Declares each rule's module and lists its type, so a new rule is its file and one line
/// here.
macro_rules! rules {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// The punctuation and typography rules, in the order they run.
        pub static RULES: &[&dyn super::rules::BlockRule] = &[$(&$module::$rule),*];
    };
}

rules! {
    inverted::InvertedMarks,
    quote_spacing::QuoteSpacing,
    doubled_word::DoubledWord,
    doubled_space::DoubledSpace,
    initial_case::InitialCase,
    end_mark::EndMark,
    balance::Balance,
    sentence_count::SentenceCount,
    french_spacing::FrenchSpacing,
    house_quotes::HouseQuotes,
}

use std::ops::Range;

use super::{BlockPair, Finding, Fix, Rule, Span};
use crate::i18n::Message;
use crate::report::Severity;

/// The language subtag of a tag ("es" of "es-MX").
pub(crate) fn language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A warning on a target span, with a fix when the span was written literally.
pub(crate) fn warning(
    rule: Rule,
    pair: &BlockPair,
    range: Range<usize>,
    message: Message,
    replacement: Option<String>,
) -> Finding {
    let fix = replacement
        .filter(|_| pair.target.exact(&range).is_some())
        .map(|replacement| Fix {
            range: range.clone(),
            replacement,
        });
    Finding {
        rule,
        severity: Severity::Warning,
        block: pair.index,
        source: None,
        target: Some(Span::of(&pair.target.text, range)),
        message,
        fix,
    }
}

/// Characters that close a sentence's quotation or bracket after its final mark.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '“'
            | '’'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '*'
    )
}

/// Characters that open a sentence before its first word.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '„'
            | '‘'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '—'
            | '–'
            | '-'
            | '*'
    ) || c.is_whitespace()
}

/// What a double quotation mark does in `lang`: open, close, or either (a straight `"`, and
/// marks a language uses both ways: German closes „ with “ and also writes »…«).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum QuoteRole {
    /// It opens a quotation.
    Open,
    /// It closes one.
    Close,
    /// It closes an open quotation, else opens one.
    Either,
}

/// The role of `c` in `lang`'s text, if it is a double quotation mark: one table for the rules
/// that pair quotation marks (`unbalanced`) and those that look inside them (`quote-spacing`).
pub(crate) fn quote_role(lang: &str, c: char) -> Option<QuoteRole> {
    Some(match (lang, c) {
        (_, '"') => QuoteRole::Either,
        ("de" | "cs" | "sk" | "sl" | "hr" | "bg" | "lt" | "et", '“') => QuoteRole::Close,
        ("de" | "da" | "sv" | "fi", '»' | '«') => QuoteRole::Either,
        (_, '“' | '„' | '«') => QuoteRole::Open,
        (_, '”' | '»') => QuoteRole::Close,
        _ => return None,
    })
}
