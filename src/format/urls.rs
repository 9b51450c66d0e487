//! Finds bare URLs and e-mail addresses in text, so they travel as placeholders.
//!
//! Apertium translates URL fragments (`#Options` → `#Opciones`) and LLM engines "fix" them;
//! a URL is never text to translate. The scanner is deliberately conservative: a URL starts
//! with a scheme (`http://`, `https://`, `ftp://`, `mailto:`) or `www.` at a word start and
//! runs to whitespace; trailing sentence punctuation and an unbalanced `)` are left outside.

use std::ops::Range;

use crate::document::TagKind;

/// Byte ranges of URLs and e-mail addresses in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<(Range<usize>, TagKind)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at_word_start = i == 0 || !is_word_byte(bytes[i - 1]);
        if at_word_start && let Some(end) = url_at(text, i) {
            found.push((i..end, TagKind::Url));
            i = end;
            continue;
        }
        if bytes[i] == b'@'
            && let Some(range) = email_around(text, i)
        {
            // Drop a URL found earlier that this address overlaps (cannot happen with the
            // word-start rule, but keep the ranges disjoint regardless).
            found.retain(|(r, _): &(Range<usize>, TagKind)| r.end <= range.start);
            i = range.end;
            found.push((range, TagKind::Email));
            continue;
        }
        i += 1;
    }
    found
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'/' || b == b'.' || b >= 0x80
}

fn url_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let lower_prefix: String = rest
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_len = ["https://", "http://", "ftp://", "mailto:", "www."]
        .iter()
        .find(|p| lower_prefix.starts_with(*p))
        .map(|p| p.len())?;
    let mut end = i + rest
        .find(|c: char| c.is_whitespace() || c == '<' || c == '"')
        .unwrap_or(rest.len());
    // Trailing punctuation belongs to the sentence, not the URL.
    loop {
        let s = &text[i..end];
        let Some(last) = s.chars().last() else { break };
        let unbalanced_paren = last == ')' && s.matches('(').count() < s.matches(')').count();
        if ".,;:!?'’”»".contains(last) || unbalanced_paren {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > i + scheme_len).then_some(end)
}

fn email_around(text: &str, at: usize) -> Option<Range<usize>> {
    let local_ok = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain_ok = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| local_ok(*c))
        .last()
        .map(|(idx, _)| idx)?;
    let after = &text[at + 1..];
    let mut len = after.find(|c: char| !domain_ok(c)).unwrap_or(after.len());
    while after[..len].ends_with(['.', '-']) {
        len -= 1;
    }
    let domain = &after[..len];
    let tld = domain.rsplit('.').next()?;
    let valid = domain.contains('.')
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !text[start..at].starts_with('.');
    valid.then(|| start..at + 1 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(r, _)| &text[r]).collect()
    }

    #[test]
    fn finds_urls_without_trailing_punctuation() {
        assert_eq!(
            urls("See https://example.org/a_b?x=1#Options. Or (www.rfa.org/korean)."),
            vec!["https://example.org/a_b?x=1#Options", "www.rfa.org/korean"]
        );
        assert_eq!(
            urls("the page https://en.wikipedia.org/wiki/Howitzer_(gun), said"),
            vec!["https://en.wikipedia.org/wiki/Howitzer_(gun)"]
        );
    }

    #[test]
    fn finds_emails_but_not_handles() {
        assert_eq!(
            urls("Write to news.desk@verso.example, or @reporter."),
            vec!["news.desk@verso.example"]
        );
        assert!(urls("a@b and user@localhost").is_empty());
    }

    #[test]
    fn a_scheme_alone_is_not_a_url() {
        assert!(urls("http:// and www. alone").is_empty());
        assert!(urls("notwww.example.org").is_empty());
    }
}
