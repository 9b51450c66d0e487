//! Apertium's stream format: protected segments in, translated pieces out.
//!
//! Measured on eng→spa (see the project notes): a superblank `[…]` comes back byte-exact at
//! its position, which suits atoms (code, URLs); a word-bound blank `[[…]]words[[/]]` is
//! attached to each word and travels with it when the grammar reorders ("the red *house*" →
//! "la *casa* roja"), which suits paired markup. So paired placeholders become word-bound
//! blanks carrying the ids of every open tag (`[[v:1;2]]`), atoms become `[aN]`, and pairs
//! with no words inside become `[oN]`/`[cN]`. On the way back, each pair spans from its first
//! to its last word, crossing spans are widened until they nest.
//!
//! Deformatting follows `apertium-destxt`: stream-special characters are backslash-escaped,
//! `~` travels as a superblank, and `.[]` is appended (the tagger wants a sentence end; the
//! added period is removed again). With `-g`, unknown words come back as `*word` (also `#`,
//! `@` for generation and transfer gaps): the marks are removed and the words reported.

use std::collections::HashMap;

use crate::segment::{Piece, Segment};

/// How each glossary name of a segment is written into the stream: a word (a stand-in proper
/// noun the dictionary knows, or an opaque token), or — when absent — a superblank `[nN]`,
/// which always comes back but is invisible to the grammar.
pub type NameWords = HashMap<u32, String>;

/// Characters `apertium-destxt` escapes with a backslash.
const SPECIAL: &[char] = &['\\', '^', '$', '@', '[', ']', '{', '}', '/', '<', '>'];

/// Turns a protected segment into one request of the null-framed stream (without the NUL).
pub fn deformat(segment: &Segment, names: &NameWords) -> String {
    let mut out = String::new();
    let pieces = &segment.pieces;
    let anchored = anchored_pairs(pieces);
    // The pairs open here that travel with their words.
    let mut open: Vec<u32> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                if open.is_empty() {
                    escape_into(&mut out, t);
                } else {
                    let trimmed = t.trim();
                    let lead = &t[..t.len() - t.trim_start().len()];
                    let trail = &t[t.trim_end().len()..];
                    escape_into(&mut out, lead);
                    if !has_word(trimmed) {
                        // Punctuation alone ("^", "—") gets no word-bound blank: Apertium
                        // drops those.
                        escape_into(&mut out, trimmed);
                    } else {
                        let ids: Vec<String> = open.iter().map(u32::to_string).collect();
                        out.push_str(&format!("[[v:{}]]", ids.join(";")));
                        escape_into(&mut out, trimmed);
                        out.push_str("[[/]]");
                    }
                    escape_into(&mut out, trail);
                }
            }
            Piece::Open(id) if anchored.contains(id) => out.push_str(&format!("[o{id}]")),
            Piece::Close(id) if anchored.contains(id) => out.push_str(&format!("[c{id}]")),
            Piece::Open(id) => open.push(*id),
            Piece::Close(id) => open.retain(|o| o != id),
            Piece::Atom(id) => out.push_str(&format!("[a{id}]")),
            Piece::Name(id) => match names.get(id) {
                Some(word) => escape_into(&mut out, word),
                None => out.push_str(&format!("[n{id}]")),
            },
        }
    }
    out.push_str(".[]");
    out
}

/// Whether text holds a word Apertium carries a word-bound blank on (a letter or digit).
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The pairs that travel as superblanks `[oN]`…`[cN]`, anchored where they stand rather
/// than carried by their words: a pair with no word inside (Apertium drops a word-bound blank
/// on punctuation), and a pair that starts or ends with something that is not a word — an
/// atom, a name written as a superblank, another anchored pair. Carried by its words, such a
/// pair would come back around the words only, and the link around an icon and its label
/// would lose the icon.
fn anchored_pairs(pieces: &[Piece]) -> std::collections::HashSet<u32> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(u32, usize)> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Open(id) => stack.push((*id, i)),
            Piece::Close(id) => {
                if let Some(at) = stack.iter().rposition(|(o, _)| o == id) {
                    let (_, start) = stack.remove(at);
                    spans.push((start, i));
                }
            }
            _ => {}
        }
    }
    // Inner pairs first: whether a pair is anchored may depend on the pairs inside it.
    spans.sort_by_key(|(start, end)| end - start);
    let mut anchored = std::collections::HashSet::new();
    for (start, end) in spans {
        let Piece::Open(id) = pieces[start] else {
            continue;
        };
        let inner = &pieces[start + 1..end];
        let blank = |p: &&Piece| matches!(p, Piece::Text(t) if t.trim().is_empty());
        let not_a_word = |p: Option<&Piece>| match p {
            Some(Piece::Atom(_)) => true,
            Some(Piece::Open(o) | Piece::Close(o)) => anchored.contains(o),
            Some(Piece::Text(t)) => !has_word(t),
            _ => false,
        };
        let words = inner
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if has_word(t)));
        let first = inner.iter().find(|p| !blank(p));
        let last = inner.iter().rev().find(|p| !blank(p));
        if !words || not_a_word(first) || not_a_word(last) {
            anchored.insert(id);
        }
    }
    anchored
}

/// Numbers with two dots or more ("24.1.2025", "1.2.3"), which Apertium's tokenizer cuts
/// at a dot as if a sentence ended there ("SEÚL, 24.1.El ejército de 2025"): their byte
/// ranges. They travel as superblanks, which come back byte for byte where they were.
fn dotted_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let (mut end, mut dots) = (i, 0);
        loop {
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                dots += 1;
                end += 1;
            } else {
                break;
            }
        }
        if dots >= 2 && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            out.push(i..end);
        }
        i = end.max(i + 1);
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    let dotted = dotted_numbers(text);
    if !dotted.is_empty() {
        let mut at = 0;
        for r in dotted {
            escape_plain(out, &text[at..r.start]);
            out.push('[');
            out.push_str(&text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        escape_plain(out, &text[at..]);
        return;
    }
    escape_plain(out, text);
}

fn escape_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if c == '~' {
            out.push_str("[~]");
        } else if c == '\0' || (c.is_control() && c != ' ') {
            // NUL would end the request; other controls are layout the segment has lost.
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

/// One item of the reply, before pairs are rebuilt.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Text { text: String, tags: Vec<u32> },
    Atom(u32),
    Name(u32),
    Open(u32),
    Close(u32),
}

/// A parsed reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The translated segment.
    pub segment: Segment,
    /// Words the engine marked unknown (name stand-ins excluded).
    pub unknown: Vec<String>,
    /// Names whose word did not come back exactly once.
    pub lost_names: Vec<u32>,
}

/// Parses one reply. `source_text` is the segment's source text, used to tell unknown-word
/// marks from literal `*`/`#` the author wrote (Apertium drops the escapes of those); `names`
/// are the words names were written as, found again and turned back into names.
pub fn reformat(raw: &str, source_text: &str, names: &NameWords) -> Reply {
    let (segment, mut unknown) = reformat_pieces(raw, source_text);
    unknown.retain(|w| !names.values().any(|n| n == w));
    let (segment, lost_names) = find_names(segment, names);
    Reply {
        segment,
        unknown,
        lost_names,
    }
}

/// Turns each name's word back into `Piece::Name` when it occurs exactly once as a whole word.
fn find_names(segment: Segment, names: &NameWords) -> (Segment, Vec<u32>) {
    let mut pieces = segment.pieces;
    let mut lost = Vec::new();
    let mut ids: Vec<&u32> = names.keys().collect();
    ids.sort();
    for id in ids {
        let word = &names[id];
        let hits: Vec<(usize, usize)> = pieces
            .iter()
            .enumerate()
            .flat_map(|(i, p)| match p {
                Piece::Text(t) => whole_word_positions(t, word)
                    .into_iter()
                    .map(|at| (i, at))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let [(i, at)] = hits[..] else {
            lost.push(*id);
            continue;
        };
        let Piece::Text(t) = pieces[i].clone() else {
            continue;
        };
        let mut replacement = Vec::new();
        if at > 0 {
            replacement.push(Piece::Text(t[..at].to_string()));
        }
        replacement.push(Piece::Name(*id));
        if at + word.len() < t.len() {
            replacement.push(Piece::Text(t[at + word.len()..].to_string()));
        }
        pieces.splice(i..=i, replacement);
    }
    (Segment { pieces }, lost)
}

fn whole_word_positions(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

fn reformat_pieces(raw: &str, source_text: &str) -> (Segment, Vec<String>) {
    let body = raw.strip_suffix("[]").unwrap_or(raw);
    let body = body.strip_suffix('.').unwrap_or(body);
    let mut items: Vec<Item> = Vec::new();
    let mut unknown = Vec::new();
    let mut tags: Vec<u32> = Vec::new();
    let chars: Vec<char> = body.chars().collect();
    let literals = Literals::new(source_text);
    let mut i = 0;
    let push_char = |items: &mut Vec<Item>, tags: &[u32], c: char| match items.last_mut() {
        Some(Item::Text { text, tags: t }) if t.as_slice() == tags => text.push(c),
        _ => items.push(Item::Text {
            text: c.to_string(),
            tags: tags.to_vec(),
        }),
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                push_char(&mut items, &tags, chars[i + 1]);
                i += 2;
            }
            '[' if chars.get(i + 1) == Some(&'[') => {
                let (content, next) = read_until(&chars, i + 2, "]]");
                tags = if content == "/" {
                    Vec::new()
                } else {
                    content
                        .strip_prefix("v:")
                        // Apertium writes a space after each `;` of a blank it carried.
                        .map(|ids| {
                            ids.split(';')
                                .filter_map(|n| n.trim().parse().ok())
                                .collect()
                        })
                        .unwrap_or_default()
                };
                i = next;
            }
            '[' => {
                let (content, next) = read_until(&chars, i + 1, "]");
                match placeholder(&content) {
                    Some(item) => items.push(item),
                    None => {
                        for ch in content.chars() {
                            push_char(&mut items, &tags, ch);
                        }
                    }
                }
                i = next;
            }
            '*' | '#' | '@' if is_mark(&chars, i, &literals) => {
                // `*` marks a word the dictionaries lack (left untranslated); `#` and `@` mark
                // generation and transfer gaps of a translated word: removed, not reported.
                if c == '*' {
                    unknown.extend(unknown_word(&chars, i));
                }
                i += 1;
            }
            c => {
                push_char(&mut items, &tags, c);
                i += 1;
            }
        }
    }
    unknown.sort();
    unknown.dedup();
    (rebuild(items), unknown)
}

/// Reads up to `end`, unescaping; returns the content and the index after `end`.
fn read_until(chars: &[char], from: usize, end: &str) -> (String, usize) {
    let end: Vec<char> = end.chars().collect();
    let mut out = String::new();
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i..].starts_with(&end) {
            return (out, i + end.len());
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, chars.len())
}

fn placeholder(content: &str) -> Option<Item> {
    let (kind, num) = content.split_at_checked(1)?;
    let id: u32 = num.parse().ok()?;
    match kind {
        "a" => Some(Item::Atom(id)),
        "n" => Some(Item::Name(id)),
        "o" => Some(Item::Open(id)),
        "c" => Some(Item::Close(id)),
        _ => None,
    }
}

/// What the source itself writes starting with `*`, `#` or `@` (the author's `*Kim`), to tell
/// marks from literal text with one look-up each, whatever the number of marks.
struct Literals {
    /// From each `*`, `#` or `@` of the source: that character and the letters after it (at
    /// most [`LITERAL_CHARS`]), sorted.
    sorted: Vec<String>,
}

/// Characters of a literal compared: a mark is followed by one word.
const LITERAL_CHARS: usize = 64;

impl Literals {
    fn new(source_text: &str) -> Literals {
        let mut sorted: Vec<String> = source_text
            .char_indices()
            .filter(|(_, c)| matches!(c, '*' | '#' | '@'))
            .map(|(at, _)| {
                let chars: Vec<char> = source_text[at..].chars().take(LITERAL_CHARS).collect();
                written_at(&chars, 0)
            })
            .collect();
        sorted.sort_unstable();
        Literals { sorted }
    }

    /// Whether the source contains `written`.
    fn contains(&self, written: &str) -> bool {
        let at = self.sorted.partition_point(|t| t.as_str() < written);
        self.sorted.get(at).is_some_and(|t| t.starts_with(written))
    }
}

/// A mark is `*`, `#` or `@` at a word start, followed by a letter (or, for `*`, by a symbol
/// the dictionaries lack: `*·`), and not something the source itself contains (`*Kim` written
/// by the author stays).
fn is_mark(chars: &[char], i: usize, literals: &Literals) -> bool {
    let at_word_start = i == 0 || !chars[i - 1].is_alphanumeric();
    let next_is_letter = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
    let unknown_symbol = chars[i] == '*'
        && chars
            .get(i + 1)
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '*' | '[' | '\\' | '<'));
    if !(at_word_start && (next_is_letter || unknown_symbol)) {
        return false;
    }
    !literals.contains(&written_at(chars, i))
}

/// What a mark at `i` is written as: the mark and the word after it, or the mark and the one
/// symbol after it (`*·`).
fn written_at(chars: &[char], i: usize) -> String {
    let mark = chars[i];
    let mut written: String = chars[i..]
        .iter()
        .take_while(|c| **c == mark || c.is_alphanumeric())
        .take(LITERAL_CHARS)
        .collect();
    if written.chars().all(|c| c == mark)
        && let Some(&next) = chars.get(i + written.chars().count())
        && !next.is_whitespace()
    {
        written.push(next);
    }
    written
}

/// The word after an unknown-word mark `*` at `i`, if a word follows (`*·` marks a symbol).
fn unknown_word(chars: &[char], i: usize) -> Option<String> {
    let word: String = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_alphanumeric() || **c == '-' || **c == '\'')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// Apertium's marks removed from a text that did not come through verso's own stream (APy's
/// replies): `*` before unknown words (returned apart), `#` and `@` before words the pair
/// could not generate or transfer. What the source itself writes stays.
pub fn strip_marks(text: &str, source: &str) -> (String, Vec<String>) {
    let literals = Literals::new(source);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut unknown = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '*' | '#' | '@') && is_mark(&chars, i, &literals) {
            if c == '*' {
                unknown.extend(unknown_word(&chars, i));
            }
            continue;
        }
        out.push(c);
    }
    (out, unknown)
}

/// Items → pieces: each pair opens before its first tagged word and closes after its last.
fn rebuild(items: Vec<Item>) -> Segment {
    // Span of each pair id over item indices.
    let mut spans: Vec<(u32, usize, usize)> = Vec::new();
    let mut span_of: HashMap<u32, usize> = HashMap::new();
    for (k, item) in items.iter().enumerate() {
        if let Item::Text { text, tags } = item {
            if text.trim().is_empty() {
                continue;
            }
            for id in tags {
                match span_of.get(id) {
                    Some(&s) => spans[s].2 = k,
                    None => {
                        span_of.insert(*id, spans.len());
                        spans.push((*id, k, k));
                    }
                }
            }
        }
    }
    nest(&mut spans);
    // Which spans open and close at each item.
    let mut opening: HashMap<usize, Vec<(u32, usize, usize)>> = HashMap::new();
    let mut closing: HashMap<usize, Vec<(u32, usize, usize)>> = HashMap::new();
    for s in &spans {
        opening.entry(s.1).or_default().push(*s);
        closing.entry(s.2).or_default().push(*s);
    }
    let mut pieces = Vec::new();
    for (k, item) in items.into_iter().enumerate() {
        if let Some(open) = opening.get_mut(&k) {
            // Outer first; of pairs on the same words, the one opened first in the source
            // (readers number pairs in order, so the lower id).
            open.sort_by_key(|s| (std::cmp::Reverse(s.2), s.0));
            pieces.extend(open.iter().map(|(id, _, _)| Piece::Open(*id)));
        }
        match item {
            Item::Text { text, .. } => pieces.push(Piece::Text(text)),
            Item::Atom(id) => pieces.push(Piece::Atom(id)),
            Item::Name(id) => pieces.push(Piece::Name(id)),
            Item::Open(id) => pieces.push(Piece::Open(id)),
            Item::Close(id) => pieces.push(Piece::Close(id)),
        }
        if let Some(close) = closing.get_mut(&k) {
            close.sort_by_key(|s| (std::cmp::Reverse(s.1), std::cmp::Reverse(s.0))); // inner first
            pieces.extend(close.iter().map(|(id, _, _)| Piece::Close(*id)));
        }
    }
    Segment::from_pieces(pieces)
}

/// Widens crossing spans until every pair of spans is nested or disjoint: a span that another
/// starts inside and outlasts is widened to that one's end (transitively). A span is only ever
/// widened by spans starting at or after it, so going from the last start to the first, each
/// span's final end is known once the spans after it are done: the spans already seen form
/// runs (first start, furthest end), and a span swallows the runs that start inside it.
fn nest(spans: &mut [(u32, usize, usize)]) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(spans[i].1));
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (start, end); the last starts first
    let mut k = 0;
    while k < order.len() {
        // Spans with the same start widen each other.
        let start = spans[order[k]].1;
        let group_end = order[k..]
            .iter()
            .take_while(|&&i| spans[i].1 == start)
            .count();
        let group = &order[k..k + group_end];
        let mut end = group.iter().map(|&i| spans[i].2).max().unwrap_or(start);
        while let Some(&(run_start, run_end)) = runs.last() {
            if run_start > end {
                break;
            }
            end = end.max(run_end);
            runs.pop();
        }
        for &i in group {
            spans[i].2 = end;
        }
        runs.push((start, end));
        k += group_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_around_punctuation_only_travel_as_superblanks_and_spaced_ids_are_read() {
        // A Wikipedia reference back-link: `<b><a>^</a></b>` then a cited name in two pairs.
        let seg = Segment::from_pieces(vec![
            Piece::Open(1),
            Piece::Open(2),
            Piece::Text("^".into()),
            Piece::Close(2),
            Piece::Close(1),
            Piece::Text(" ".into()),
            Piece::Open(3),
            Piece::Open(4),
            Piece::Text("Frankel".into()),
            Piece::Close(4),
            Piece::Close(3),
        ]);
        let raw = deformat(&seg, &NameWords::new());
        assert!(raw.starts_with("[o1][o2]\\^[c2][c1]"), "{raw}");
        // What Apertium gives back for it, spaces after the semicolons included.
        let reply = reformat(
            "[o1][o2]\\^[c2][c1] [[v:3; 4]]Frankel[[/]].[]",
            "^ Frankel",
            &NameWords::new(),
        );
        assert_eq!(reply.segment, seg);
        // A link around an icon and its label stays around both.
        let icon = Segment::from_pieces(vec![
            Piece::Open(1),
            Piece::Atom(2),
            Piece::Text(" Sign in".into()),
            Piece::Close(1),
        ]);
        assert_eq!(
            deformat(&icon, &NameWords::new()),
            "[o1][a2] Sign in[c1].[]"
        );
    }

    #[test]
    fn dotted_numbers_travel_as_superblanks_and_come_back_as_text() {
        let seg = Segment {
            pieces: vec![Piece::Text(
                "SEOUL, 24.1.2025 — version 1.2.3, 3.5 tonnes".into(),
            )],
        };
        let stream = deformat(&seg, &NameWords::new());
        assert_eq!(
            stream, "SEOUL, [24.1.2025] — version [1.2.3], 3.5 tonnes.[]",
            "a decimal stays a word the grammar sees"
        );
        let back = reformat(
            "SEÚL, [24.1.2025] — versión [1.2.3].[]",
            "",
            &NameWords::new(),
        );
        assert_eq!(
            crate::segment::display_text(&back.segment, &[]),
            "SEÚL, 24.1.2025 — versión 1.2.3"
        );
    }

    /// The fixpoint as first written: quadratic per pass, the reference for `nest`.
    fn nest_by_fixpoint(spans: &mut [(u32, usize, usize)]) {
        loop {
            let mut changed = false;
            for a in 0..spans.len() {
                for b in 0..spans.len() {
                    let (_, a1, a2) = spans[a];
                    let (_, b1, b2) = spans[b];
                    if a != b && a1 <= b1 && b1 <= a2 && b2 > a2 {
                        spans[a].2 = b2;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    #[test]
    fn marks_are_stripped_from_replies_that_bypass_the_stream() {
        let (text, unknown) = strip_marks(
            "Las tropas #ser desplegados @cerca *Zorblax *· y 5 * 3.",
            "The troops to be deployed near Zorblax · and 5 * 3.",
        );
        assert_eq!(text, "Las tropas ser desplegados cerca Zorblax · y 5 * 3.");
        assert_eq!(unknown, vec!["Zorblax".to_string()]);
        // What the author wrote stays.
        let (text, _) = strip_marks("Nota *Kim y #hashtag.", "Note *Kim and #hashtag.");
        assert_eq!(text, "Nota *Kim y #hashtag.");
    }

    #[test]
    fn an_unknown_symbol_mark_does_not_reach_the_output() {
        let r = reformat(
            "Precios *· ascendieron..[]",
            "Prices · rose.",
            &NameWords::new(),
        );
        assert_eq!(r.segment.canonical(), "Precios · ascendieron.");
        assert!(
            r.unknown.is_empty(),
            "a symbol is no unknown word: {:?}",
            r.unknown
        );
    }

    #[test]
    fn nesting_in_one_pass_equals_the_fixpoint() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..2000 {
            let count = 1 + next(8);
            let spans: Vec<(u32, usize, usize)> = (0..count)
                .map(|id| {
                    let a = next(12);
                    (id as u32, a, a + next(6))
                })
                .collect();
            let (mut fast, mut slow) = (spans.clone(), spans.clone());
            nest(&mut fast);
            nest_by_fixpoint(&mut slow);
            assert_eq!(fast, slow, "{spans:?}");
        }
        // Thousands of crossing spans: one pass.
        let mut many: Vec<(u32, usize, usize)> =
            (0..20_000usize).map(|i| (i as u32, i, i + 2)).collect();
        nest(&mut many);
        assert!(many.iter().all(|s| s.2 == 20_001));
    }

    #[test]
    fn many_marks_and_pairs_in_one_reply_cost_linear_time() {
        let source: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        let raw: String = (0..20_000)
            .map(|i| format!("[[v:{}]]*w{i}[[/]] ", i + 1))
            .collect();
        let r = reformat(&raw, &source, &NameWords::new());
        assert_eq!(r.unknown.len(), 20_000);
        assert_eq!(
            r.segment
                .pieces
                .iter()
                .filter(|p| matches!(p, Piece::Open(_)))
                .count(),
            20_000
        );
    }

    fn seg(canonical: &str) -> Segment {
        Segment::parse_canonical(canonical)
    }

    #[test]
    fn deformat_escapes_wraps_pairs_and_marks_atoms() {
        let s = seg("The <1>big red</1> dog <2/> a/b [x] ~ <3></3>.");
        assert_eq!(
            deformat(&s, &NameWords::new()),
            "The [[v:1]]big red[[/]] dog [a2] a\\/b \\[x\\] [~] [o3][c3]..[]"
        );
    }

    #[test]
    fn reformat_rebuilds_pairs_from_moved_words() {
        // The measured reply shape: each word carries its blank, words reordered.
        let raw = "La [[v:1]]casa[[/]] [[v:1]]roja[[/]] y [a2] el *Zorblax.[]";
        let r = reformat(raw, "The red house and the Zorblax", &NameWords::new());
        assert_eq!(
            r.segment.canonical(),
            "La <1>casa roja</1> y <2/> el Zorblax"
        );
        assert_eq!(r.unknown, vec!["Zorblax".to_string()]);
    }

    #[test]
    fn reformat_spans_split_words_and_nests_crossing_pairs() {
        let raw = "[[v:1]]a[[/]] b [[v:1;2]]c[[/]] [[v:2]]d[[/]].[]";
        let r = reformat(raw, "", &NameWords::new());
        // Pair 1 spans a..c, pair 2 spans c..d: crossing, so 1 widens to d.
        assert_eq!(r.segment.canonical(), "<1>a b <2>c d</2></1>");
    }

    #[test]
    fn literal_asterisks_from_the_source_are_not_marks() {
        let r = reformat(
            "Precios *subieron 5*.[]",
            "Prices *rose 5*",
            &NameWords::new(),
        );
        assert_eq!(r.segment.canonical(), "Precios subieron 5*");
        assert_eq!(r.unknown, vec!["subieron".to_string()]);
        let r = reformat("Nota *Kim.[]", "Note *Kim", &NameWords::new());
        assert_eq!(r.segment.canonical(), "Nota *Kim");
        assert!(r.unknown.is_empty());
    }

    #[test]
    fn escaped_specials_come_back_literal() {
        let r = reformat("a \\@ b \\[c\\] d \\\\ e \\/ f.[]", "", &NameWords::new());
        assert_eq!(r.segment.text(), "a @ b [c] d \\ e / f");
    }

    #[test]
    fn names_travel_as_stand_in_words_or_superblanks() {
        let s = seg("<n1/> said the <n2/> report");
        let words: NameWords = [(1, "Google".to_string())].into();
        assert_eq!(deformat(&s, &words), "Google said the [n2] report.[]");
        let r = reformat("Google dijo el [n2] informe.[]", "said the report", &words);
        assert_eq!(r.segment.canonical(), "<n1/> dijo el <n2/> informe");
        assert!(r.lost_names.is_empty());
        // A stand-in that comes back twice (or not at all) is reported, never guessed.
        let r = reformat("Google y Google.[]", "", &words);
        assert_eq!(r.lost_names, vec![1]);
        let opaque: NameWords = [(1, "XQZ1".to_string())].into();
        let r = reformat("*XQZ1 dijo.[]", "said", &opaque);
        assert_eq!(r.segment.canonical(), "<n1/> dijo");
        assert!(
            r.unknown.is_empty(),
            "an opaque token is not an unknown word of the text"
        );
    }
}
