//! Escaping translated text for its format, so that no translation can change the document's
//! structure: a target that starts with "- " or "# ", or holds markup characters, stays text.
//!
//! Markdown escapes are backslashes before ASCII punctuation, which CommonMark renders as the
//! character itself. Plain text has no escapes, so line breaks are only placed where the next
//! line cannot read as a bullet (see [`safe_line_start`]). YAML values switch to double quotes
//! when a plain scalar would change meaning ("No" would become the boolean false).

use crate::document::{Escape, Escaping, YamlStyle};

/// Escapes text written inside a Markdown block. `at_start` is true when the text begins the
/// block, where `- `, `+ `, `# `, `> `, `1. ` would open a list, heading or quote.
pub fn markdown(text: &str, at_start: bool, table_cell: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    if at_start {
        let (prefix_len, escape_at) = risky_block_start(text);
        if let Some(at) = escape_at {
            out.push_str(&text[..at]);
            out.push('\\');
            out.push_str(&text[at..prefix_len]);
            return out + &markdown_inline(&text[prefix_len..], table_cell);
        }
    }
    out.push_str(&markdown_inline(text, table_cell));
    out
}

/// Escapes inline markup characters anywhere in a line.
fn markdown_inline(text: &str, table_cell: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '|' if table_cell => out.push_str("\\|"),
            '&' if looks_like_entity(&text[i..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// For text at a block start: (length of the risky prefix, byte offset to put a backslash at).
fn risky_block_start(text: &str) -> (usize, Option<usize>) {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return (0, None);
    };
    let followed_by_space_or_end = |n: usize| bytes.get(n).is_none_or(|b| b.is_ascii_whitespace());
    match first {
        b'>' => (1, Some(0)),
        b'-' | b'+' | b'=' if followed_by_space_or_end(1) || bytes.get(1) == Some(&first) => {
            (1, Some(0))
        }
        b'#' => {
            let hashes = bytes.iter().take_while(|b| **b == b'#').count();
            if hashes <= 6 && followed_by_space_or_end(hashes) {
                (1, Some(0))
            } else {
                (0, None)
            }
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delim = bytes.get(digits);
            if digits <= 9
                && matches!(delim, Some(b'.' | b')'))
                && followed_by_space_or_end(digits + 1)
            {
                (digits + 1, Some(digits))
            } else {
                (0, None)
            }
        }
        _ => (0, None),
    }
}

fn looks_like_entity(s: &str) -> bool {
    let rest = &s[1..];
    let rest = rest.strip_prefix('#').unwrap_or(rest);
    let name_len = rest.chars().take_while(char::is_ascii_alphanumeric).count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Makes plain text safe at a block start. Plain text has no escape character, so a leading
/// bullet marker ("- ", "• ", "1. ") gets a no-break space instead of its space: it reads the
/// same, and the plain-text reader only takes a marker followed by a space or a tab.
pub fn plain(text: &str, at_start: bool) -> String {
    if at_start && let Some(len) = crate::format::plain::bullet_marker(text) {
        let marker = text[..len].trim_end();
        return format!("{marker}\u{a0}{}", &text[len..]);
    }
    text.to_string()
}

/// Escapes `#` at the end of an ATX heading, which CommonMark would take as a closing sequence.
pub fn markdown_heading_end(rendered: &mut String) {
    let trimmed = rendered.trim_end_matches('#');
    let hashes = rendered.len() - trimmed.len();
    if hashes > 0 && (trimmed.is_empty() || trimmed.ends_with([' ', '\t'])) {
        let tail = "\\#".repeat(hashes);
        rendered.truncate(trimmed.len());
        rendered.push_str(&tail);
    }
}

/// Whether a line may start with this text after a wrap: a letter or an opening quote, never
/// something a reader of the format would take for a marker (`-`, `#`, `>`, `1.`, `•`, `|`).
pub fn safe_line_start(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || "\"'“‘«¿¡(".contains(c))
}

/// Writes a YAML scalar in `style` (the style of the source value, upgraded when needed).
pub fn yaml(text: &str, style: YamlStyle) -> String {
    match style {
        YamlStyle::Double => double_quoted(text),
        YamlStyle::Single => format!("'{}'", text.replace('\'', "''")),
        YamlStyle::Folded => text.to_string(),
        YamlStyle::Literal if !text.contains(['\'', '\n', '\r']) => format!("'{text}'"),
        YamlStyle::Literal => double_quoted(text),
        YamlStyle::Plain if plain_is_safe(text) => text.to_string(),
        YamlStyle::Plain => double_quoted(text),
    }
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace();
    let lower = text.to_ascii_lowercase();
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]
    .contains(&lower.as_str())
        || text.parse::<f64>().is_ok();
    !(special_start
        || reserved
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.ends_with(char::is_whitespace)
        || text.chars().any(char::is_control))
}

/// Markdown inline text: backslash escapes; `|` too in a table cell, and a trailing `#` in an
/// ATX heading.
#[derive(Debug)]
pub struct MarkdownText {
    table_cell: bool,
    atx_heading: bool,
}

impl MarkdownText {
    /// The escaping of a block in a table cell or not, in an ATX heading or not.
    pub fn escaping(table_cell: bool, atx_heading: bool) -> Escaping {
        Escaping(match (table_cell, atx_heading) {
            (false, false) => &MarkdownText {
                table_cell: false,
                atx_heading: false,
            },
            (true, false) => &MarkdownText {
                table_cell: true,
                atx_heading: false,
            },
            (false, true) => &MarkdownText {
                table_cell: false,
                atx_heading: true,
            },
            (true, true) => &MarkdownText {
                table_cell: true,
                atx_heading: true,
            },
        })
    }
}

impl Escape for MarkdownText {
    fn text(&self, text: &str, at_start: bool) -> String {
        markdown(text, at_start, self.table_cell)
    }

    fn finish(&self, rendered: &mut String) {
        if self.atx_heading {
            markdown_heading_end(rendered);
        }
    }
}

/// Plain text: no escapes exist, so line starts that would read as bullets are avoided.
#[derive(Debug)]
pub struct PlainText;

/// The escaping of every plain-text block.
pub const PLAIN: Escaping = Escaping(&PlainText);

impl Escape for PlainText {
    fn text(&self, text: &str, at_start: bool) -> String {
        plain(text, at_start)
    }
}

/// A YAML scalar in front matter: one value, written in its source's style.
#[derive(Debug)]
pub struct Yaml(YamlStyle);

impl Yaml {
    /// The escaping of a front-matter value written in `style`.
    pub fn escaping(style: YamlStyle) -> Escaping {
        Escaping(match style {
            YamlStyle::Plain => &Yaml(YamlStyle::Plain),
            YamlStyle::Double => &Yaml(YamlStyle::Double),
            YamlStyle::Single => &Yaml(YamlStyle::Single),
            YamlStyle::Folded => &Yaml(YamlStyle::Folded),
            YamlStyle::Literal => &Yaml(YamlStyle::Literal),
        })
    }
}

impl Escape for Yaml {
    fn text(&self, text: &str, _at_start: bool) -> String {
        yaml(text, self.0)
    }

    fn whole_value(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_are_escaped_only_when_risky() {
        assert_eq!(markdown("- not a list", true, false), "\\- not a list");
        assert_eq!(markdown("# no heading", true, false), "\\# no heading");
        assert_eq!(markdown("12. no item", true, false), "12\\. no item");
        assert_eq!(markdown("> no quote", true, false), "\\> no quote");
        assert_eq!(markdown("-5 degrees", true, false), "-5 degrees");
        assert_eq!(markdown("#hashtag", true, false), "#hashtag");
        assert_eq!(markdown("- mid", false, false), "- mid");
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(
            markdown("a*b_c [d](e) `f` <g> &amp; AT&T ~x~ | \\", false, true),
            "a\\*b\\_c \\[d\\](e) \\`f\\` \\<g> \\&amp; AT&T \\~x\\~ \\| \\\\"
        );
    }

    #[test]
    fn plain_text_bullets_at_a_block_start_become_inert() {
        assert_eq!(plain("- no bullet", true), "-\u{a0}no bullet");
        assert_eq!(plain("2. no item", true), "2.\u{a0}no item");
        assert_eq!(plain("- mid", false), "- mid");
        assert_eq!(
            crate::format::plain::bullet_marker(&plain("• x", true)),
            None
        );
    }

    #[test]
    fn heading_closing_hashes_are_escaped() {
        let mut s = "Rank #".to_string();
        markdown_heading_end(&mut s);
        assert_eq!(s, "Rank \\#");
        let mut s = "C#".to_string();
        markdown_heading_end(&mut s);
        assert_eq!(s, "C#");
    }

    #[test]
    fn yaml_plain_values_are_quoted_when_their_meaning_would_change() {
        assert_eq!(yaml("No", YamlStyle::Plain), "\"No\"");
        assert_eq!(
            yaml("Seúl: respuesta", YamlStyle::Plain),
            "\"Seúl: respuesta\""
        );
        assert_eq!(yaml("Seúl responde", YamlStyle::Plain), "Seúl responde");
        assert_eq!(
            yaml("dice \"no\"", YamlStyle::Double),
            "\"dice \\\"no\\\"\""
        );
        assert_eq!(yaml("l'eau", YamlStyle::Single), "'l''eau'");
    }
}
