//! The review model: one article in one locale, block by block, as the HTML page and the
//! terminal view show it.
//!
//! Each side of a block is its protected segment (the target with the source's placeholder
//! ids), so what a reviewer edits maps straight back to a memory entry. Marks — glossary
//! concepts, numbers, quantities, dates, findings — are byte ranges of the side's *display
//! text*: its text pieces and glossary names in order, placeholders left out. Findings come
//! from the checks, which measure on the written file's block text; [`offset_map`] carries
//! their spans over (the two texts differ only in whitespace and in the ⟦…⟧ marks of lost
//! spans).

use std::collections::HashMap;
use std::ops::Range;

use crate::check::Checker;
use crate::check::text::BlockText;
use crate::document::Document;
use crate::enforce::Enforced;
use crate::report::{Issue, Severity};
use crate::segment::Segment;
use crate::sentences::Sentences;

/// What a mark is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// A glossary concept (index into [`ReviewDoc::concepts`]).
    Concept(usize),
    /// A number.
    Number,
    /// A number with its unit.
    Quantity,
    /// A date.
    Date,
    /// A finding (index into the block's findings).
    Finding(usize, Severity),
    /// What verso changed in the engine's text (index into the block's changes).
    Localized(usize),
}

/// A marked range of a side's display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the display text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: MarkKind,
}

/// One side of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// BCP 47 tag.
    pub lang: String,
    /// The segment (placeholder ids of the source).
    pub segment: Segment,
    /// `names[n - 1]` is the text of `Piece::Name(n)`.
    pub names: Vec<String>,
    /// Text pieces and names, in order.
    pub text: String,
    /// The sentences, as segments whose display texts concatenate to `text`.
    pub sentences: Vec<Segment>,
    /// Marks, sorted by start.
    pub marks: Vec<Mark>,
}

/// A finding shown on a block.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingView {
    /// Rule id.
    pub rule: String,
    /// How bad.
    pub severity: Severity,
    /// The message, in the UI language.
    pub message: String,
    /// The safe replacement, if any.
    pub fix: Option<String>,
    /// The span in the source display text.
    pub source: Option<Range<usize>>,
    /// The span in the target display text.
    pub target: Option<Range<usize>>,
    /// Set when a reviewer dismissed the finding on this text as a false alarm.
    pub dismissed: Option<Dismissed>,
}

impl FindingView {
    /// Whether it still counts: not dismissed.
    pub fn is_open(&self) -> bool {
        self.dismissed.is_none()
    }
}

/// Who dismissed a finding, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dismissed {
    /// The reviewer.
    pub author: String,
    /// Seconds since the epoch.
    pub at: i64,
    /// Their reason.
    pub reason: String,
}

/// A change verso made to the engine's text, shown on a block with a way to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeView {
    /// Its kind (`amount`, `time`, `fix`…).
    pub kind: String,
    /// The engine's text.
    pub engine: String,
    /// What verso wrote.
    pub written: String,
    /// Where the written text is in the target display text, when found.
    pub target: Option<Range<usize>>,
}

/// One source block and its translation.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockView {
    /// Block index in the source document.
    pub index: usize,
    /// Kind label (`heading-1`, `list-item-2`, `caption`).
    pub kind: String,
    /// Source line.
    pub line: usize,
    /// Memory status of the translation (`machine`, `reviewed`, `approved`), if known.
    pub status: Option<String>,
    /// Memory key of the protected source.
    pub key: String,
    /// The source side.
    pub source: Side,
    /// The target side, when there is a translation.
    pub target: Option<Side>,
    /// Findings on this block.
    pub findings: Vec<FindingView>,
    /// What verso changed in the engine's text of this block.
    pub changes: Vec<ChangeView>,
    /// The source block's placeholders: what each id stands for.
    pub codes: Vec<super::codes::Placeholder>,
}

impl BlockView {
    /// Whether source and target have as many sentences (then they are shown row by row).
    pub fn sentence_rows(&self) -> bool {
        self.target
            .as_ref()
            .is_some_and(|t| t.sentences.len() == self.source.sentences.len())
    }

    /// The findings not dismissed.
    pub fn open_findings(&self) -> impl Iterator<Item = &FindingView> {
        self.findings.iter().filter(|f| f.is_open())
    }

    /// Whether an error is still open on it.
    pub fn has_open_error(&self) -> bool {
        self.open_findings().any(|f| f.severity == Severity::Error)
    }

    /// The glossary concepts marked on either side (indexes into [`ReviewDoc::concepts`]),
    /// in order of first appearance.
    pub fn concepts(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let sides = std::iter::once(&self.source).chain(self.target.as_ref());
        for mark in sides.flat_map(|s| &s.marks) {
            if let MarkKind::Concept(c) = mark.kind
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }
}

/// A glossary concept seen in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptView {
    /// Concept id.
    pub id: String,
    /// Its kind (`person`, `term`).
    pub kind: String,
    /// Its preferred target form, if the glossary has one.
    pub target_form: Option<String>,
    /// Its preferred source form.
    pub source_form: Option<String>,
    /// Other target forms the glossary accepts.
    pub admitted: Vec<String>,
    /// Target forms that must not be written.
    pub forbidden: Vec<String>,
    /// The glossary's note for translators.
    pub note: Option<String>,
}

/// One article in one locale.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDoc {
    /// The article's path as the user knows it.
    pub file: String,
    /// Source tag.
    pub source_lang: String,
    /// Target tag.
    pub target_lang: String,
    /// Blocks in source order.
    pub blocks: Vec<BlockView>,
    /// Concepts in order of first appearance (their index is their color).
    pub concepts: Vec<ConceptView>,
    /// The check profile the findings come from (`None`: the defaults).
    pub profile: Option<String>,
}

impl ReviewDoc {
    /// Marks the findings reviewers dismissed (by block key; a dismissal holds for the rule on
    /// the text it was made on, so a changed text is judged again).
    pub fn apply_dismissals(
        &mut self,
        dismissals: &HashMap<String, Vec<crate::memory::desk::Dismissal>>,
    ) {
        for block in &mut self.blocks {
            let (Some(list), Some(target)) = (dismissals.get(&block.key), &block.target) else {
                continue;
            };
            let text = target.segment.canonical();
            for finding in &mut block.findings {
                if let Some(d) = list
                    .iter()
                    .find(|d| d.rule == finding.rule && d.target == text)
                {
                    finding.dismissed = Some(Dismissed {
                        author: d.author.clone(),
                        at: d.at,
                        reason: d.reason.clone(),
                    });
                }
            }
        }
    }

    /// Where the article is in review: `machine` (nobody touched it), `approved` (every block
    /// approved) or `in-review`.
    pub fn article_status(&self) -> &'static str {
        article_status(self.status_counts())
    }

    /// Findings by severity: (errors, warnings).
    pub fn finding_counts(&self) -> (usize, usize) {
        let all = self
            .blocks
            .iter()
            .flat_map(|b| &b.findings)
            .filter(|f| f.is_open());
        let errors = all
            .clone()
            .filter(|f| f.severity == Severity::Error)
            .count();
        (errors, all.count() - errors)
    }

    /// Blocks per status, in the order machine, reviewed, approved, none.
    pub fn status_counts(&self) -> [usize; 4] {
        let mut out = [0; 4];
        for b in &self.blocks {
            let i = match b.status.as_deref() {
                Some("machine") => 0,
                Some("reviewed") => 1,
                Some("approved") => 2,
                _ => 3,
            };
            out[i] += 1;
        }
        out
    }

    /// Findings per rule, most frequent first.
    pub fn rule_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for f in self.blocks.iter().flat_map(|b| &b.findings) {
            if !f.is_open() {
                continue;
            }
            *counts.entry(f.rule.as_str()).or_default() += 1;
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// Where an article is in review, from its blocks per status (machine, reviewed, approved,
/// none): `approved` when every block is, `machine` when nobody touched one, else `in-review`.
pub fn article_status([machine, reviewed, approved, none]: [usize; 4]) -> &'static str {
    let blocks = machine + reviewed + approved + none;
    if blocks > 0 && approved == blocks {
        "approved"
    } else if reviewed + approved == 0 {
        "machine"
    } else {
        "in-review"
    }
}

/// Everything known about one article in one locale.
pub struct Article<'a> {
    /// The path shown.
    pub file: String,
    /// The source document.
    pub source: &'a Document,
    /// Per source block: its protected segment, names and concepts.
    pub protected: &'a [Enforced],
    /// Per source block: the translation with source ids, if any.
    pub targets: &'a [Option<Segment>],
    /// Per source block: the target forms of its names.
    pub target_names: &'a [Vec<String>],
    /// Per source block: the memory status of its translation.
    pub statuses: &'a [Option<String>],
    /// The written target, parsed (findings' target spans are measured on it).
    pub target_doc: Option<&'a Document>,
    /// Findings with the source block they belong to.
    pub issues: &'a [(usize, Issue)],
    /// What verso changed in the engine's text (source block indices).
    pub changes: &'a [crate::localize::Change],
}

pub use crate::segment::{display_text, name_text};

/// For every byte offset of `from` (and its end), the matching offset in `to`, two texts that
/// differ in whitespace and in characters only `from` has.
pub fn offset_map(from: &str, to: &str) -> Vec<usize> {
    let mut map = vec![0; from.len() + 1];
    let to_bytes = to.as_bytes();
    let mut j = 0;
    for (i, c) in from.char_indices() {
        if c.is_whitespace() {
            map[i..i + c.len_utf8()].fill(j);
            if let Some(d) = to[j..].chars().next().filter(|d| d.is_whitespace()) {
                j += d.len_utf8();
            }
            continue;
        }
        let mut k = j;
        while let Some(d) = to[k..].chars().next().filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        let same = to[k..].starts_with(c);
        if same {
            j = k;
        }
        map[i..i + c.len_utf8()].fill(j);
        if same {
            j += c.len_utf8();
        }
        debug_assert!(j <= to_bytes.len());
    }
    map[from.len()] = j;
    map
}

fn map_range(map: &[usize], start: usize, end: usize) -> Option<Range<usize>> {
    let s = *map.get(start)?;
    let e = *map.get(end)?;
    Some(s..e.max(s))
}

struct Builder<'a> {
    checker: &'a Checker,
    concepts: Vec<ConceptView>,
    concept_index: HashMap<usize, usize>,
}

impl Builder<'_> {
    fn side(&mut self, seg: &Segment, names: &[String], lang: &str, target: bool) -> Side {
        let text = display_text(seg, names);
        let splitter = Sentences::new(lang);
        let sentences = splitter.segments(seg);
        let marks = self.marks(&text, target);
        Side {
            lang: lang.to_string(),
            segment: seg.clone(),
            names: names.to_vec(),
            text,
            sentences,
            marks,
        }
    }

    fn concept(&mut self, index: usize) -> usize {
        if let Some(&c) = self.concept_index.get(&index) {
            return c;
        }
        let c = self.concepts.len();
        let view = self.checker.glossary.as_ref().and_then(|g| {
            g.concepts.get(index).map(|concept| {
                let (source, target) = (&self.checker.source, &self.checker.target);
                let terms = concept.locale(target);
                let texts = |list: Option<&Vec<crate::glossary::Term>>| -> Vec<String> {
                    list.map(|l| l.iter().map(|t| t.text.clone()).collect())
                        .unwrap_or_default()
                };
                ConceptView {
                    id: concept.id.clone(),
                    kind: concept.kind.as_str().to_string(),
                    target_form: concept.target_form(source, target).map(str::to_string),
                    source_form: concept
                        .locale(source)
                        .and_then(|l| l.preferred.as_ref())
                        .map(|t| t.text.clone()),
                    admitted: texts(terms.map(|l| &l.admitted)),
                    forbidden: texts(terms.map(|l| &l.forbidden)),
                    note: concept.note.clone(),
                }
            })
        });
        self.concepts.push(view.unwrap_or(ConceptView {
            id: index.to_string(),
            kind: String::new(),
            target_form: None,
            source_form: None,
            admitted: Vec::new(),
            forbidden: Vec::new(),
            note: None,
        }));
        self.concept_index.insert(index, c);
        c
    }

    /// Concepts, quantities, dates and the numbers that are neither.
    fn marks(&mut self, text: &str, target: bool) -> Vec<Mark> {
        let c = self.checker;
        let (matcher, dates, lang) = if target {
            (&c.target_matcher, &c.target_dates, &c.target)
        } else {
            (&c.source_matcher, &c.source_dates, &c.source)
        };
        let mut marks = Vec::new();
        if let Some(m) = matcher {
            for hit in m.find(text) {
                let kind = MarkKind::Concept(self.concept(hit.concept));
                marks.push(Mark {
                    range: hit.range,
                    kind,
                });
            }
        }
        let mut taken: Vec<Range<usize>> = Vec::new();
        for d in dates.scan(text) {
            taken.push(d.range.clone());
            marks.push(Mark {
                range: d.range,
                kind: MarkKind::Date,
            });
        }
        for q in c.units.quantities(text, lang) {
            taken.push(q.range.clone());
            marks.push(Mark {
                range: q.range,
                kind: MarkKind::Quantity,
            });
        }
        let taken = crate::check::bounded::Covered::new(&taken);
        for n in crate::recognize::numbers::scan(text) {
            if !taken.contains(&n.full) {
                marks.push(Mark {
                    range: n.full,
                    kind: MarkKind::Number,
                });
            }
        }
        marks.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        marks
    }
}

/// Builds the review model of an article.
pub fn build(article: &Article, checker: &Checker) -> ReviewDoc {
    let mut builder = Builder {
        checker,
        concepts: Vec::new(),
        concept_index: HashMap::new(),
    };
    let pairs = article
        .target_doc
        .map(|t| crate::check::misc::align(article.source, t))
        .unwrap_or_default();
    let target_of: HashMap<usize, usize> = pairs
        .iter()
        .filter_map(|(s, t)| Some(((*s)?, (*t)?)))
        .collect();
    let mut blocks = Vec::with_capacity(article.source.blocks.len());
    for (i, block) in article.source.blocks.iter().enumerate() {
        let Some(protected) = article.protected.get(i) else {
            continue;
        };
        let source = builder.side(
            &protected.segment,
            &protected.source_names,
            &checker.source,
            false,
        );
        let target_names = article.target_names.get(i).map_or(&[][..], Vec::as_slice);
        let target = article
            .targets
            .get(i)
            .and_then(Option::as_ref)
            .map(|t| builder.side(t, target_names, &checker.target, true));
        let mut view = BlockView {
            index: i,
            kind: block.kind.label(),
            line: block.line,
            status: article.statuses.get(i).cloned().flatten(),
            key: protected.segment.key(),
            source,
            target,
            findings: Vec::new(),
            changes: Vec::new(),
            codes: super::codes::placeholders(article.source, block),
        };
        changes_of(&mut view, article.changes.iter().filter(|c| c.block == i));
        let source_text = BlockText::of(article.source, block);
        let source_map = offset_map(&source_text.text, &view.source.text);
        let target_map = match (article.target_doc, target_of.get(&i), &view.target) {
            (Some(doc), Some(&t), Some(side)) => doc
                .blocks
                .get(t)
                .map(|b| offset_map(&BlockText::of(doc, b).text, &side.text)),
            _ => None,
        };
        for (_, issue) in article.issues.iter().filter(|(b, _)| *b == i) {
            let f = view.findings.len();
            let finding = FindingView {
                rule: issue.rule.clone(),
                severity: issue.severity,
                message: issue.message.clone(),
                fix: issue.fix.clone(),
                source: issue
                    .source_span
                    .as_ref()
                    .and_then(|s| map_range(&source_map, s.start, s.end)),
                target: issue.target_span.as_ref().and_then(|s| {
                    target_map
                        .as_ref()
                        .and_then(|m| map_range(m, s.start, s.end))
                }),
                dismissed: None,
            };
            let kind = MarkKind::Finding(f, issue.severity);
            if let Some(r) = &finding.source {
                view.source.marks.push(Mark {
                    range: r.clone(),
                    kind: kind.clone(),
                });
            }
            if let (Some(r), Some(side)) = (&finding.target, view.target.as_mut()) {
                side.marks.push(Mark {
                    range: r.clone(),
                    kind,
                });
            }
            view.findings.push(finding);
        }
        view.source.marks.sort_by_key(|m| m.range.start);
        if let Some(t) = view.target.as_mut() {
            t.marks.sort_by_key(|m| m.range.start);
        }
        blocks.push(view);
    }
    ReviewDoc {
        file: article.file.clone(),
        source_lang: checker.source.clone(),
        target_lang: checker.target.clone(),
        blocks,
        concepts: builder.concepts,
        profile: checker.levels().profile.clone(),
    }
}

/// The block's changes, each found in the target display text in order and marked there.
fn changes_of<'a>(
    view: &mut BlockView,
    changes: impl Iterator<Item = &'a crate::localize::Change>,
) {
    for change in changes {
        let l = view.changes.len();
        // The change's place, if the side shows the text it was measured on.
        let at = view.target.as_ref().and_then(|side| {
            let r = change.at.clone();
            let text = side.text.get(r.clone())?;
            let trimmed = text.trim_end();
            (!trimmed.is_empty()).then(|| r.start..r.start + trimmed.len())
        });
        if let (Some(r), Some(side)) = (&at, view.target.as_mut()) {
            side.marks.push(Mark {
                range: r.clone(),
                kind: MarkKind::Localized(l),
            });
        }
        view.changes.push(ChangeView {
            kind: change.kind.name().to_string(),
            engine: change.engine.clone(),
            written: change.written.clone(),
            target: at,
        });
    }
}

/// Findings that the checks measured on target blocks, with their source block.
pub fn issues_by_source(
    source: &Document,
    target: &Document,
    issues: impl IntoIterator<Item = Issue>,
) -> Vec<(usize, Issue)> {
    let pairs = crate::check::misc::align(source, target);
    let source_of: HashMap<usize, usize> = pairs
        .iter()
        .filter_map(|(s, t)| Some(((*t)?, (*s)?)))
        .collect();
    issues
        .into_iter()
        .map(|i| (source_of.get(&i.block).copied().unwrap_or(i.block), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_survive_whitespace_and_lost_span_marks() {
        let from = "Dijo  ⟦el⟧ 11,000 soldados";
        let to = "Dijo el 11,000 soldados";
        let map = offset_map(from, to);
        let at = from.find("11,000").expect("in from");
        let r = map_range(&map, at, at + 6).expect("mapped");
        assert_eq!(&to[r], "11,000");
        let el = from.find("el").expect("el");
        assert_eq!(&to[map_range(&map, el, el + 2).expect("el")], "el");
        assert_eq!(map[from.len()], to.len());
    }

    #[test]
    fn display_text_writes_names_and_drops_codes() {
        let seg = Segment::parse_canonical("<1>Dijo</1> <n1/> en <2/>.");
        assert_eq!(
            display_text(&seg, &["Budanow".to_string()]),
            "Dijo Budanow en ."
        );
    }
}
