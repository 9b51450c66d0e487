//! Turns a run of pulldown-cmark inline events into [`Token`]s that cover the run's bytes.
//!
//! The walk keeps a cursor in the source. Text events become text tokens; the bytes between
//! events (delimiters, `](url)`, continuation prefixes) attach to the markup token before them,
//! so the tokens of a block always cover its range exactly and the round trip is byte-exact.
//! Autolinks, code, inline HTML and footnote references become atoms; an image becomes an atom
//! whose alt text is a nested block of its own.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::document::{TagKind, Token};
use crate::format::urls;

/// Tokens of an inline run, and the nested blocks (image alt texts) its atoms contain.
pub(crate) struct Built {
    /// Tokens covering `range`; an `Atom`'s `children` index into `children` here.
    pub tokens: Vec<Token>,
    /// The bytes covered.
    pub range: Range<usize>,
    /// Nested inline runs.
    pub children: Vec<Built>,
}

/// Whether a tag is inline (inside a block's text) rather than a block container.
pub(crate) fn is_inline_tag(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether an end tag closes an inline tag.
pub(crate) fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Index of the `End` matching the `Start` at `start`.
pub(crate) fn matching_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, (ev, _)) in events.iter().enumerate().skip(start) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// Builds the tokens of an inline run.
pub(crate) fn build(source: &str, events: &[(Event, Range<usize>)]) -> Built {
    let start = events.iter().map(|(_, r)| r.start).min().unwrap_or(0);
    let end = events.iter().map(|(_, r)| r.end).max().unwrap_or(start);
    let mut b = Builder {
        tokens: Vec::new(),
        children: Vec::new(),
        pos: start,
        next_id: 1,
        open: Vec::new(),
    };
    let mut i = 0;
    while i < events.len() {
        let (ev, r) = &events[i];
        match ev {
            Event::Text(t) => {
                b.gap(r.start);
                b.tokens.push(Token::Text {
                    range: r.clone(),
                    text: t.to_string(),
                });
                b.pos = r.end;
            }
            Event::SoftBreak => {
                b.gap(r.start);
                b.tokens.push(Token::Break { range: r.clone() });
                b.pos = r.end;
            }
            Event::HardBreak => b.atom(r, TagKind::HardBreak, Vec::new()),
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                b.atom(r, TagKind::Code, Vec::new())
            }
            Event::InlineHtml(_) | Event::Html(_) | Event::TaskListMarker(_) => {
                b.atom(r, TagKind::Html, Vec::new())
            }
            Event::FootnoteReference(_) => b.atom(r, TagKind::FootnoteRef, Vec::new()),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                ..
            }) => {
                i = matching_end(events, i);
                b.atom(r, TagKind::Url, Vec::new());
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => {
                i = matching_end(events, i);
                b.atom(r, TagKind::Email, Vec::new());
            }
            Event::Start(Tag::Image { .. }) => {
                let j = matching_end(events, i);
                let inner = &events[i + 1..j];
                let has_text = inner
                    .iter()
                    .any(|(e, _)| matches!(e, Event::Text(t) if !t.trim().is_empty()));
                let children = if has_text {
                    b.children.push(build(source, inner));
                    vec![b.children.len() - 1]
                } else {
                    Vec::new()
                };
                b.atom(r, TagKind::Image, children);
                i = j;
            }
            Event::Start(tag) => {
                b.gap(r.start);
                let id = b.next_id;
                b.next_id += 1;
                b.tokens.push(Token::Open {
                    id,
                    range: r.start..r.start,
                    tag: tag_kind(tag),
                });
                b.open.push(id);
                b.pos = r.start;
            }
            Event::End(_) => {
                if let Some(id) = b.open.pop() {
                    b.tokens.push(Token::Close {
                        id,
                        range: b.pos..r.end,
                    });
                    b.pos = r.end;
                }
            }
            Event::Rule => {}
        }
        i += 1;
    }
    b.gap(end);
    let tokens = split_protected(source, b.tokens, &mut b.next_id);
    Built {
        tokens,
        range: start..end,
        children: b.children,
    }
}

struct Builder {
    tokens: Vec<Token>,
    children: Vec<Built>,
    pos: usize,
    next_id: u32,
    open: Vec<u32>,
}

impl Builder {
    /// Attaches the bytes between the cursor and `to` to the token before them.
    fn gap(&mut self, to: usize) {
        if to <= self.pos {
            return;
        }
        if let Some(last) = self.tokens.last_mut() {
            match last {
                Token::Text { range, .. }
                | Token::Break { range }
                | Token::Open { range, .. }
                | Token::Close { range, .. }
                | Token::Atom { range, .. } => range.end = to,
            }
        }
        self.pos = to;
    }

    fn atom(&mut self, r: &Range<usize>, tag: TagKind, children: Vec<usize>) {
        self.gap(r.start);
        let id = self.next_id;
        self.next_id += 1;
        self.tokens.push(Token::Atom {
            id,
            range: r.clone(),
            tag,
            children,
        });
        self.pos = r.end;
    }
}

fn tag_kind(tag: &Tag) -> TagKind {
    match tag {
        Tag::Emphasis => TagKind::Emphasis,
        Tag::Strong => TagKind::Strong,
        Tag::Strikethrough => TagKind::Strikethrough,
        Tag::Link { .. } => TagKind::Link,
        Tag::Image { .. } => TagKind::Image,
        _ => TagKind::Html,
    }
}

/// Consecutive text tokens as one: the parser cuts a run of text at characters that may start
/// markup (`{{<` arrives as `{{` and `< …`), and a tag must be found whole.
fn merge_adjacent_text(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let (
            Some(Token::Text { range, text }),
            Token::Text {
                range: next,
                text: more,
            },
        ) = (out.last_mut(), &token)
            && range.end == next.start
        {
            range.end = next.end;
            text.push_str(more);
            continue;
        }
        out.push(token);
    }
    out
}

/// What a text token holds that must not be translated: template tags (Hugo shortcodes,
/// Liquid, Jinja), bare URLs and e-mail addresses, in order, not overlapping (a URL inside a
/// tag is part of the tag).
fn protected_spans(text: &str) -> Vec<(Range<usize>, TagKind)> {
    let tags = crate::format::templates::find(text);
    // Both lists are in order: one pass over the tags for all URLs.
    let mut next_tag = 0;
    let mut found: Vec<(Range<usize>, TagKind)> = urls::find(text)
        .into_iter()
        .filter(|(r, _)| {
            while tags.get(next_tag).is_some_and(|t| t.end <= r.start) {
                next_tag += 1;
            }
            tags.get(next_tag).is_none_or(|t| t.start >= r.end)
        })
        .collect();
    found.extend(tags.into_iter().map(|t| (t, TagKind::Html)));
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// Splits text tokens around template tags, bare URLs and e-mail addresses, which become
/// atoms. They are found in the decoded text and located in the source, where they must
/// appear literally; the text between keeps its own decoded text and source range.
fn split_protected(source: &str, tokens: Vec<Token>, next_id: &mut u32) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in merge_adjacent_text(tokens) {
        let Token::Text { range, text } = &token else {
            out.push(token);
            continue;
        };
        let found = protected_spans(text);
        if found.is_empty() {
            out.push(token);
            continue;
        }
        let raw = &source[range.clone()];
        let mut pieces = Vec::new();
        let (mut dpos, mut spos) = (0, 0);
        for (r, tag) in found {
            let url = &text[r.clone()];
            let Some(at) = raw[spos..].find(url).map(|a| a + spos) else {
                continue;
            };
            if at > spos {
                pieces.push(Token::Text {
                    range: range.start + spos..range.start + at,
                    text: text[dpos..r.start].to_string(),
                });
            }
            pieces.push(Token::Atom {
                id: *next_id,
                range: range.start + at..range.start + at + url.len(),
                tag,
                children: Vec::new(),
            });
            *next_id += 1;
            dpos = r.end;
            spos = at + url.len();
        }
        if pieces.is_empty() {
            out.push(token);
            continue;
        }
        if spos < raw.len() {
            pieces.push(Token::Text {
                range: range.start + spos..range.end,
                text: text[dpos..].to_string(),
            });
        }
        out.extend(pieces);
    }
    out
}
