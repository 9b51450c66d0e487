//! `untranslated` and `structure`.
//!
//! A block whose target is its source (names and numbers aside) was not translated; a block
//! with words the engine marked as unknown was only partly translated (capitalized unknown
//! words are usually names and are left to the name rules). Structure compares what must come
//! through unchanged: link targets, inline code, URLs, and the blocks themselves.

use super::{BlockPair, Checker, Finding, Rule, Span};
use crate::document::{Block, Document, TagKind, Token};
use crate::msg;
use crate::report::Severity;

impl Rule {
    /// The target is the source, or has words the engine did not know.
    pub const UNTRANSLATED: Rule = Rule::new("untranslated");
    /// Placeholders, links, code, list markers or block count differ.
    pub const STRUCTURE: Rule = Rule::new("structure");
}

fn words_without_names_and_numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .map(str::to_lowercase)
        .collect()
}

/// Runs `untranslated` on a pair.
pub fn untranslated(c: &Checker, pair: &BlockPair, findings: &mut Vec<Finding>) {
    let (src, tgt) = (&pair.source.text, &pair.target.text);
    let s = words_without_names_and_numbers(src);
    if s.len() >= 3 && s == words_without_names_and_numbers(tgt) && c.source != c.target {
        findings.push(Finding {
            rule: Rule::UNTRANSLATED,
            severity: Severity::Warning,
            block: pair.index,
            source: Some(Span::of(src, 0..src.len())),
            target: Some(Span::of(tgt, 0..tgt.len())),
            message: msg!("check-untranslated"),
            fix: None,
        });
        return;
    }
    // Capitalized unknown words are names, and so are lowercase pieces of hyphenated names
    // ("jong" of "Kim Yo-jong"): the name rules deal with those.
    let name_pieces: std::collections::HashSet<&str> = src
        .split_whitespace()
        .filter(|t| t.contains('-') && t.chars().next().is_some_and(char::is_uppercase))
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
        .collect();
    let unknown: Vec<&String> = pair
        .unknown_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !name_pieces.contains(w.as_str()))
        .collect();
    // Where each unknown word first occurs, in one pass over the target.
    let first = first_occurrences(tgt, &unknown);
    for (w, at) in unknown.into_iter().zip(first) {
        findings.push(Finding {
            rule: Rule::UNTRANSLATED,
            severity: Severity::Warning,
            block: pair.index,
            source: None,
            target: at.map(|a| Span::of(tgt, a..a + w.len())),
            message: msg!("check-unknown-word", word = w.as_str()),
            fix: None,
        });
    }
}

/// The first byte offset of each word in `text`: searched one by one when there are a few, in
/// one pass whatever their number when there are many.
fn first_occurrences(text: &str, words: &[&String]) -> Vec<Option<usize>> {
    if words.len() <= 8 {
        return words.iter().map(|w| text.find(w.as_str())).collect();
    }
    let mut out = vec![None; words.len()];
    let Ok(ac) = aho_corasick::AhoCorasick::new(words.iter().map(|w| w.as_str())) else {
        return out;
    };
    for m in ac.find_overlapping_iter(text) {
        let slot = &mut out[m.pattern().as_usize()];
        if slot.is_none() {
            *slot = Some(m.start());
        }
    }
    out
}

/// How many spans of each formatting kind (emphasis, strong, strikethrough, link) a block has:
/// a translation written with fewer lost some, or wrote delimiters Markdown does not read as
/// markup.
fn formatting(block: &Block) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for t in &block.tokens {
        let Token::Open { tag, .. } = t else { continue };
        if !matches!(
            tag,
            TagKind::Emphasis | TagKind::Strong | TagKind::Strikethrough | TagKind::Link
        ) {
            continue;
        }
        let name = tag.name();
        match out.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => *count += 1,
            None => out.push((name.to_string(), 1)),
        }
    }
    out
}

/// What must come back unchanged from a block: link targets, code, URLs, in order.
fn protected(doc: &Document, block: &Block) -> Vec<String> {
    let mut out = Vec::new();
    for t in &block.tokens {
        match t {
            Token::Atom {
                range,
                tag: TagKind::Code | TagKind::Url | TagKind::Email | TagKind::FootnoteRef,
                ..
            } => {
                out.push(doc.source[range.clone()].to_string());
            }
            Token::Close { range, .. } => {
                let markup = &doc.source[range.clone()];
                if let Some(target) = markup.strip_prefix("](") {
                    out.push(target.to_string());
                }
            }
            _ => {}
        }
    }
    out.sort();
    out
}

/// Runs `structure` on two aligned documents: block kinds and protected spans.
pub fn structure(
    source: &Document,
    target: &Document,
    pairs: &[(Option<usize>, Option<usize>)],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (s, t) in pairs {
        match (s, t) {
            (Some(s), Some(t)) => {
                let (sb, tb) = (&source.blocks[*s], &target.blocks[*t]);
                if sb.kind.structural_name() != tb.kind.structural_name() {
                    out.push(finding(
                        *t,
                        msg!(
                            "check-structure-kind",
                            source = sb.kind.label(),
                            target = tb.kind.label()
                        ),
                    ));
                }
                let (sm, tm) = (formatting(sb), formatting(tb));
                for (tag, n) in &sm {
                    let written = tm.iter().find(|(t, _)| t == tag).map_or(0, |(_, m)| *m);
                    if written < *n {
                        out.push(finding(
                            *t,
                            msg!(
                                "check-structure-markup",
                                tag = tag.as_str(),
                                source = *n,
                                target = written
                            ),
                        ));
                    }
                }
                let (sp, tp) = (protected(source, sb), protected(target, tb));
                for lost in sp.iter().filter(|p| !tp.contains(p)) {
                    out.push(finding(
                        *t,
                        msg!("check-structure-lost", span = lost.as_str()),
                    ));
                }
            }
            // A plural variant the target language does not need, or needs and the source
            // lacks, is no lost or extra block.
            (Some(s), None) if source.blocks[*s].kind.is_optional() => {}
            (None, Some(t)) if target.blocks[*t].kind.is_optional() => {}
            (Some(s), None) => out.push(finding(
                *s,
                msg!(
                    "check-structure-missing-block",
                    line = source.blocks[*s].line
                ),
            )),
            (None, Some(t)) => out.push(finding(
                *t,
                msg!("check-structure-extra-block", line = target.blocks[*t].line),
            )),
            (None, None) => {}
        }
    }
    out
}

fn finding(block: usize, message: crate::i18n::Message) -> Finding {
    Finding {
        rule: Rule::STRUCTURE,
        severity: Severity::Error,
        block,
        source: None,
        target: None,
        message,
        fix: None,
    }
}

/// Aligns blocks: by index when both documents have as many blocks of the same kinds, else by
/// the longest common sequence of block kinds (what is left over is a missing or extra block).
pub fn align(source: &Document, target: &Document) -> Vec<(Option<usize>, Option<usize>)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        source
            .blocks
            .iter()
            .map(|x| x.kind.structural_name())
            .collect(),
        target
            .blocks
            .iter()
            .map(|x| x.kind.structural_name())
            .collect(),
    );
    if a.len() == b.len() {
        return (0..a.len()).map(|i| (Some(i), Some(i))).collect();
    }
    // The common sequence is a table of blocks × blocks: a document of thousands of blocks is
    // aligned in consecutive stretches (and the proportional stretch of the other side).
    let mut out = Vec::new();
    for (rows, cols) in super::bounded::stretches(a.len(), b.len(), BLOCK_STRETCH) {
        align_stretch(&a, &b, rows, cols, &mut out);
    }
    out
}

/// Blocks aligned by their common sequence at most this many at a time.
const BLOCK_STRETCH: usize = 1024;

fn align_stretch(
    a: &[&str],
    b: &[&str],
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
    out: &mut Vec<(Option<usize>, Option<usize>)>,
) {
    let (a, b, i0, j0) = (&a[rows.clone()], &b[cols.clone()], rows.start, cols.start);
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut lcs = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push((Some(i0 + i), Some(j0 + j)));
            i += 1;
            j += 1;
        } else if j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
            out.push((Some(i0 + i), None));
            i += 1;
        } else {
            out.push((None, Some(j0 + j)));
            j += 1;
        }
    }
}

/// Untranslated text.
pub struct Untranslated;

impl super::rules::BlockRule for Untranslated {
    fn rules(&self) -> &'static [Rule] {
        &[Rule::UNTRANSLATED]
    }

    fn check(&self, c: &Checker, pair: &BlockPair, work: &mut super::rules::Work) {
        untranslated(c, pair, &mut work.findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::run;
    use crate::format::{self, ReadOptions};

    #[test]
    fn untranslated_blocks_in_four_locales() {
        for target in ["es", "de", "de-CH", "fr"] {
            let found = run(
                target,
                "The army fired many shells at night.",
                "The army fired many shells at night.",
            );
            assert!(found.iter().any(|(r, _)| r == "untranslated"), "{target}");
            let fine = run(target, "Seoul and Paju agreed.", "Seoul y Paju.");
            assert!(
                !fine.iter().any(|(r, _)| r == "untranslated"),
                "{target}: names only is no untranslated text"
            );
        }
    }

    #[test]
    fn structure_finds_lost_links_code_and_blocks() {
        let parse = |s: &str| {
            format::parse(
                crate::format::MARKDOWN,
                s.to_string(),
                &ReadOptions::default(),
            )
        };
        let src = parse("# Title\n\nSee [the report](https://a.b/r) and `cfg`.\n\n- one\n- two\n");
        let ok = parse("# Título\n\nVea [el informe](https://a.b/r) y `cfg`.\n\n- uno\n- dos\n");
        assert!(structure(&src, &ok, &align(&src, &ok)).is_empty());
        let bad = parse("# Título\n\nVea el informe y cfg.\n\n- uno\n");
        let found = structure(&src, &bad, &align(&src, &bad));
        let ids: Vec<&str> = found.iter().map(|f| f.message.id).collect();
        assert!(ids.contains(&"check-structure-lost"), "{ids:?}");
        assert!(ids.contains(&"check-structure-missing-block"), "{ids:?}");
    }
}
