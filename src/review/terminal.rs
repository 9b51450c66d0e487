//! The terminal view: source and translation in two wrapped columns, findings inline.
//!
//! Sentences are rows when both sides have as many; a finding's span is underlined in color on
//! a terminal and bracketed `⟪…⟫` when piped, so the plain text still shows where it is. The
//! findings of a block follow it, one per line. Widths are measured in terminal columns
//! (`unicode-width`), so accented and CJK text line up.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::model::{BlockView, Mark, MarkKind, ReviewDoc, Side, name_text};
use crate::i18n;
use crate::msg;
use crate::report::Severity;
use crate::segment::{Piece, Segment};

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// Total width in columns.
    pub width: usize,
    /// ANSI colors.
    pub color: bool,
    /// Only blocks with findings.
    pub only_issues: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Style {
    finding: Option<Severity>,
    concept: Option<usize>,
    code: bool,
}

type Styled = Vec<(char, Style)>;

const CONCEPT_COLORS: [u8; 6] = [36, 35, 32, 34, 33, 96];

fn style_at(marks: &[Mark], at: usize) -> Style {
    let mut style = Style::default();
    for m in marks
        .iter()
        .filter(|m| m.range.start <= at && at < m.range.end)
    {
        match m.kind {
            MarkKind::Finding(_, s) => {
                style.finding = Some(match style.finding {
                    Some(Severity::Error) => Severity::Error,
                    _ => s,
                });
            }
            MarkKind::Concept(c) if style.concept.is_none() => style.concept = Some(c),
            _ => {}
        }
    }
    style
}

/// One cell's characters with their styles; `offset` is where its display text starts.
fn styled(side: &Side, seg: &Segment, offset: &mut usize, plain: bool) -> Styled {
    let mut out: Styled = Vec::new();
    let push_text = |out: &mut Styled, text: &str, offset: &mut usize| {
        for (i, c) in text.char_indices() {
            out.push((c, style_at(&side.marks, *offset + i)));
        }
        *offset += text.len();
    };
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => push_text(&mut out, t, offset),
            Piece::Name(n) => push_text(&mut out, name_text(&side.names, *n), offset),
            Piece::Open(_) => out.push(('‹', code_style())),
            Piece::Close(_) => out.push(('›', code_style())),
            Piece::Atom(_) => {
                for c in "‹…›".chars() {
                    out.push((c, code_style()));
                }
            }
        }
    }
    if plain { bracket_findings(out) } else { out }
}

fn code_style() -> Style {
    Style {
        code: true,
        ..Style::default()
    }
}

/// Without colors, finding spans are shown as `⟪span⟫`.
fn bracket_findings(chars: Styled) -> Styled {
    let mut out = Vec::with_capacity(chars.len() + 4);
    let mut inside = false;
    for (c, s) in chars {
        let now = s.finding.is_some();
        if now && !inside {
            out.push(('⟪', s));
        } else if !now && inside {
            out.push(('⟫', Style::default()));
        }
        inside = now;
        out.push((c, s));
    }
    if inside {
        out.push(('⟫', Style::default()));
    }
    out
}

fn width_of(chars: &[(char, Style)]) -> usize {
    chars.iter().map(|(c, _)| c.width().unwrap_or(0)).sum()
}

/// Greedy word wrap to `width` columns; a word longer than a line is cut.
fn wrap(chars: &Styled, width: usize) -> Vec<Styled> {
    let width = width.max(8);
    let mut lines: Vec<Styled> = Vec::new();
    let mut line: Styled = Vec::new();
    let words = chars.split_inclusive(|(c, _)| *c == ' ');
    for word in words {
        let trimmed: &[(char, Style)] = match word.last() {
            Some((' ', _)) => &word[..word.len() - 1],
            _ => word,
        };
        if !line.is_empty() && width_of(&line) + width_of(trimmed) > width {
            while line.last().is_some_and(|(c, _)| *c == ' ') {
                line.pop();
            }
            lines.push(std::mem::take(&mut line));
        }
        for &(c, s) in word {
            if width_of(&line) + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            if !(line.is_empty() && c == ' ') {
                line.push((c, s));
            }
        }
    }
    while line.last().is_some_and(|(c, _)| *c == ' ') {
        line.pop();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn ansi(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    if style.code {
        codes.push("2".into());
    }
    if let Some(c) = style.concept {
        codes.push(CONCEPT_COLORS[c % CONCEPT_COLORS.len()].to_string());
    }
    match style.finding {
        Some(Severity::Error) => codes.extend(["4".into(), "1".into(), "31".into()]),
        Some(Severity::Warning) => codes.extend(["4".into(), "33".into()]),
        None => {}
    }
    if codes.is_empty() {
        "\x1b[0m".into()
    } else {
        format!("\x1b[0;{}m", codes.join(";"))
    }
}

/// A line padded to `width` columns.
fn render_line(line: &[(char, Style)], width: usize, color: bool) -> String {
    let mut out = String::new();
    let mut current = Style::default();
    for &(c, s) in line {
        if color && s != current {
            out.push_str(&ansi(s));
            current = s;
        }
        out.push(c);
    }
    if color && current != Style::default() {
        out.push_str("\x1b[0m");
    }
    let pad = width.saturating_sub(width_of(line));
    out.push_str(&" ".repeat(pad));
    out
}

fn dim(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[2m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The whole view of one article.
pub fn render(doc: &ReviewDoc, view: View) -> String {
    let mut out = String::new();
    let (errors, warnings) = doc.finding_counts();
    let header = i18n::render(&msg!(
        "review-terminal-header",
        file = &doc.file,
        source = &doc.source_lang,
        target = &doc.target_lang,
        blocks = doc.blocks.len(),
        errors = errors,
        warnings = warnings
    ));
    for line in wrap_plain(&header, view.width) {
        let _ = writeln!(out, "{line}");
    }
    let col = view.width.saturating_sub(3) / 2;
    for b in &doc.blocks {
        if view.only_issues && b.findings.is_empty() {
            continue;
        }
        block(&mut out, b, col, view);
    }
    out
}

fn block(out: &mut String, b: &BlockView, col: usize, view: View) {
    let status = b.status.as_deref().unwrap_or("none");
    let title = format!(
        "── {} · {} · {} ",
        b.kind,
        i18n::render(&msg!("review-line", line = b.line)),
        i18n::render(&msg!("review-status", status = status)),
    );
    let rule_len = (col * 2 + 3).saturating_sub(title.chars().count());
    let _ = writeln!(
        out,
        "{}",
        dim(&format!("{title}{}", "─".repeat(rule_len)), view.color)
    );
    let plain = !view.color;
    let rows: Vec<(Styled, Styled)> = match &b.target {
        Some(t) if b.sentence_rows() => {
            let (mut so, mut to) = (0, 0);
            b.source
                .sentences
                .iter()
                .zip(&t.sentences)
                .map(|(s, ts)| {
                    (
                        styled(&b.source, s, &mut so, plain),
                        styled(t, ts, &mut to, plain),
                    )
                })
                .collect()
        }
        Some(t) => vec![(
            styled(&b.source, &b.source.segment, &mut 0, plain),
            styled(t, &t.segment, &mut 0, plain),
        )],
        None => {
            let missing = i18n::render(&msg!("review-no-translation"));
            vec![(
                styled(&b.source, &b.source.segment, &mut 0, plain),
                missing.chars().map(|c| (c, code_style())).collect(),
            )]
        }
    };
    for (s, t) in rows {
        let (left, right) = (wrap(&s, col), wrap(&t, col));
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map_or(&[][..], Vec::as_slice);
            let r = right.get(i).map_or(&[][..], Vec::as_slice);
            let line = format!(
                "{} {} {}",
                render_line(l, col, view.color),
                dim("│", view.color),
                render_line(r, 0, view.color)
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    for f in &b.findings {
        let (label, code) = match f.severity {
            Severity::Error => ("err", "1;31"),
            Severity::Warning => ("warn", "1;33"),
        };
        let sev = i18n::render(&msg!("review-severity", severity = label));
        let fix = f
            .fix
            .as_ref()
            .map(|x| format!(" ({})", i18n::render(&msg!("review-fix", fix = x))))
            .unwrap_or_default();
        let text = format!("{sev}[{}] {}{fix}", f.rule, f.message);
        for (i, line) in wrap_plain(&text, (col * 2 + 3).saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let line = if i == 0 && view.color {
                line.replacen(&sev, &format!("\x1b[{code}m{sev}\x1b[0m"), 1)
            } else {
                line
            };
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}

/// Plain text wrapped to `width` columns.
fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let chars: Styled = text.chars().map(|c| (c, Style::default())).collect();
    wrap(&chars, width)
        .iter()
        .map(|l| l.iter().map(|(c, _)| *c).collect())
        .collect()
}

/// The width of the terminal on stdout, if it is one.
pub fn terminal_width() -> Option<usize> {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Styled {
        text.chars().map(|c| (c, Style::default())).collect()
    }

    fn text(line: &Styled) -> String {
        line.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn wraps_at_words_and_measures_columns() {
        let lines = wrap(&plain("Las tropas rusas dispararon 11.000 proyectiles"), 16);
        let texts: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(
            texts,
            ["Las tropas rusas", "dispararon", "11.000", "proyectiles"]
        );
        assert_eq!(width_of(&plain("日本語")), 6);
        assert_eq!(render_line(&plain("é"), 3, false), "é  ");
    }

    #[test]
    fn findings_are_bracketed_without_color() {
        let mut chars = plain("keeps 11,000 here");
        for (c, s) in chars.iter_mut().skip(6).take(6) {
            let _ = c;
            s.finding = Some(Severity::Error);
        }
        assert_eq!(text(&bracket_findings(chars)), "keeps ⟪11,000⟫ here");
    }
}
