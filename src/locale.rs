//! Language tags: BCP 47 through `unic-langid`, with errors that say what to write instead.

use unic_langid::LanguageIdentifier;

use crate::i18n::{Localized, Message};
use crate::msg;

/// A tag that is not valid BCP 47.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub struct LocaleError {
    /// What was given.
    pub tag: String,
}

impl Localized for LocaleError {
    fn message(&self) -> Message {
        msg!("locale-invalid", tag = &self.tag)
    }
}

/// Parses a BCP 47 tag (`es`, `es-ES`, `de-CH`, `ca-ES-valencia`); `_` is accepted for `-`.
pub fn parse(tag: &str) -> Result<LanguageIdentifier, LocaleError> {
    let cleaned = tag.trim().replace('_', "-");
    let parsed: LanguageIdentifier = cleaned.parse().map_err(|_| LocaleError {
        tag: tag.to_string(),
    })?;
    if parsed.language.is_empty() {
        return Err(LocaleError {
            tag: tag.to_string(),
        });
    }
    Ok(parsed)
}

/// Parses a comma-separated list of tags, as `--to es,ca` takes.
pub fn parse_list(list: &str) -> Result<Vec<LanguageIdentifier>, LocaleError> {
    let mut out: Vec<LanguageIdentifier> = Vec::new();
    for tag in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let parsed = parse(tag)?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_lists() {
        assert_eq!(
            parse("es_ES").map(|l| l.to_string()).ok(),
            Some("es-ES".into())
        );
        assert_eq!(
            parse_list("es, ca,es").map(|v| v.len()).ok(),
            Some(2),
            "duplicates collapse"
        );
        assert!(parse("not a tag!").is_err());
        assert!(parse("").is_err());
    }
}
