//! Findings for people: rustc-style diagnostics in the UI language.
//!
//! ```text
//! error[number-format]: "11,000" reads as 11 in es; write 11.000
//!   --> out/es/frontline-artillery.md:16
//!    |
//! 16 | Rusia ha movido entre 11,000 y 12,000 soldados al sector…
//!    |                       ^^^^^^
//!    = source: Russia has moved between 11,000 and 12,000 soldiers…
//!    = fix: 11.000
//! ```
//! The excerpt is the block's text around the span (a paragraph can be long), the line is
//! the file's. Colors only on a terminal.

use std::ops::Range;
use std::path::Path;

use super::{BlockText, Finding};
use crate::document::LineIndex;
use crate::i18n;
use crate::msg;
use crate::report::Severity;

/// Where a finding is.
pub struct Place<'a> {
    /// The file shown (the target, or the source when the target has no span).
    pub file: &'a Path,
    /// The source block's text.
    pub source: &'a BlockText,
    /// The target block's text.
    pub target: &'a BlockText,
    /// Lines of the target document.
    pub target_lines: &'a LineIndex,
    /// The target block's first line.
    pub block_line: usize,
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The text around a span, at most `room` characters each side, and where the span starts
/// within it (in characters) and how long it is.
fn excerpt(text: &str, span: &Range<usize>, room: usize) -> (String, usize, usize) {
    let start = text[..span.start]
        .char_indices()
        .rev()
        .nth(room)
        .map_or(0, |(i, _)| i);
    let end = text[span.end..]
        .char_indices()
        .nth(room)
        .map_or(text.len(), |(i, _)| span.end + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let lead = out.chars().count();
    out.push_str(&text[start..end].replace('\n', " "));
    if end < text.len() {
        out.push('…');
    }
    let col = lead + text[start..span.start].chars().count();
    let len = text[span.clone()].chars().count().max(1);
    (out, col, len)
}

/// Renders one finding.
pub fn render(f: &Finding, place: &Place, color: bool) -> String {
    let style = Style { on: color };
    let (word, code) = match f.severity {
        Severity::Error => (i18n::render(&msg!("severity-error")), "1;31"),
        Severity::Warning => (i18n::render(&msg!("severity-warning")), "1;33"),
    };
    let head = format!(
        "{}{}",
        style.paint(code, &format!("{word}[{}]", f.rule.id())),
        style.paint("1", &format!(": {}", i18n::render(&f.message)))
    );
    let line = f.target.as_ref().map_or(place.block_line, |s| {
        place.target_lines.line(place.target.offset(s.range.start))
    });
    let gutter = " ".repeat(line.to_string().len());
    let bar = style.paint("1;34", "|");
    let mut out = format!(
        "{head}\n{gutter}{} {}:{line}\n",
        style.paint("1;34", "-->"),
        place.file.display()
    );
    let shown = match (&f.target, &f.source) {
        (Some(t), _) => Some((&place.target.text, t.range.clone(), "")),
        (None, Some(s)) => Some((&place.source.text, s.range.clone(), "source: ")),
        (None, None) => None,
    };
    if let Some((text, range, label)) = shown {
        let (snippet, col, len) = excerpt(text, &range, 45);
        out.push_str(&format!("{gutter} {bar}\n"));
        out.push_str(&format!(
            "{} {bar} {label}{snippet}\n",
            style.paint("1;34", &line.to_string())
        ));
        out.push_str(&format!(
            "{gutter} {bar} {}{}\n",
            " ".repeat(col + label.chars().count()),
            style.paint(code, &"^".repeat(len))
        ));
    }
    if f.target.is_some()
        && let Some(s) = &f.source
    {
        let (snippet, _, _) = excerpt(&place.source.text, &s.range, 45);
        out.push_str(&format!(
            "{gutter} = {}\n",
            i18n::render(&msg!("diagnostic-source", text = snippet))
        ));
    }
    if let Some(fix) = &f.fix {
        out.push_str(&format!(
            "{gutter} = {}\n",
            style.paint(
                "1;32",
                &i18n::render(&msg!("diagnostic-fix", text = &fix.replacement))
            )
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Fix, Rule, Span};

    #[test]
    fn a_finding_reads_like_a_compiler_error() {
        let target = BlockText::plain(
            "Rusia ha movido entre 11,000 y 12,000 soldados al sector desde diciembre.",
        );
        let source = BlockText::plain(
            "Russia has moved between 11,000 and 12,000 soldiers to the sector since December.",
        );
        let at = target.text.find("11,000").expect("found");
        let f = Finding {
            rule: Rule::NUMBER_FORMAT,
            severity: Severity::Error,
            block: 3,
            source: Some(Span::of(&source.text, 25..31)),
            target: Some(Span::of(&target.text, at..at + 6)),
            message: msg!(
                "check-number-reads-otherwise",
                written = "11,000",
                reads = "11",
                expected = "11.000",
                locale = "es"
            ),
            fix: Some(Fix {
                range: at..at + 6,
                replacement: "11.000".into(),
            }),
        };
        let lines = LineIndex::new(&target.text);
        let out = render(
            &f,
            &Place {
                file: Path::new("out/es/a.md"),
                source: &source,
                target: &target,
                target_lines: &lines,
                block_line: 1,
            },
            false,
        );
        let rows: Vec<&str> = out.lines().collect();
        assert!(rows[0].starts_with("error[number-format]: "), "{out}");
        assert_eq!(
            rows[1], " --> out/es/a.md:1",
            "the gutter is as wide as the line number, as in rustc"
        );
        let caret_col = rows[4].find('^').expect("caret");
        let text_col = rows[3].find("11,000").expect("span shown");
        assert_eq!(caret_col, text_col, "the caret is under the span:\n{out}");
        assert_eq!(rows[4].matches('^').count(), 6);
        assert!(out.contains("= fix: 11.000"), "{out}");
        assert!(out.contains("source: Russia has moved"), "{out}");
    }
}
