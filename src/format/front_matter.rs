//! Front matter — YAML between `---` lines, or TOML between `+++` lines (Hugo) — found, and its
//! configured top-level keys turned into blocks.
//!
//! Only scalar values of top-level keys are translated: in YAML plain, `"double"`, `'single'`,
//! and folded or literal block scalars; in TOML one-line `"basic"` and `'literal'` strings before
//! the first `[table]`. Lists, maps, anchors, multi-line strings and anything else stay as
//! written. A line-based reader is enough for this and keeps every byte of the rest in place,
//! which a parser-and-serializer would not.

use std::ops::Range;

use super::escape::Yaml;
use crate::document::{Block, BlockKind, LineIndex, Token, Wrap, YamlStyle};

/// Where the front matter is.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line, line end included.
    pub range: Range<usize>,
    /// The YAML or TOML between the delimiter lines.
    pub body: Range<usize>,
    /// TOML (`+++`) rather than YAML (`---`).
    pub toml: bool,
}

/// Finds front matter opening at byte `start` (after a BOM): a `---` line, YAML, then a `---`
/// or `...` line; or a `+++` line, TOML, then a `+++` line.
pub fn find(source: &str, start: usize) -> Option<FrontMatter> {
    let text = &source[start..];
    let first_end = text.find('\n')?;
    let toml = match text[..first_end].trim_end() {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let body_start = start + first_end + 1;
    let mut pos = body_start;
    for line in source[body_start..].split_inclusive('\n') {
        let content = line.trim_end();
        let closes = if toml {
            content == "+++"
        } else {
            content == "---" || content == "..."
        };
        if closes {
            return Some(FrontMatter {
                range: start..pos + line.len(),
                body: body_start..pos,
                toml,
            });
        }
        pos += line.len();
    }
    None
}

/// One line of the front matter: its content range (line end excluded).
fn lines_of(source: &str, body: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = body.start;
    for line in source[body.clone()].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        out.push(pos..pos + content.len());
        pos += line.len();
    }
    out
}

/// The blocks of the translatable keys.
pub fn blocks(source: &str, fm: &FrontMatter, keys: &[String], lines: &LineIndex) -> Vec<Block> {
    if fm.toml {
        return toml_blocks(source, fm, keys, lines);
    }
    let all = lines_of(source, &fm.body);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let line = all[i].clone();
        i += 1;
        let text = &source[line.clone()];
        let Some((key, value_start)) = top_level_key(text) else {
            continue;
        };
        if !keys.iter().any(|k| k == key) {
            continue;
        }
        let value = line.start + value_start..line.end;
        let raw = &source[value.clone()];
        let block = if raw.starts_with('>') || raw.starts_with('|') {
            let indented: Vec<Range<usize>> = all[i..]
                .iter()
                .take_while(|l| {
                    let s = &source[(*l).clone()];
                    s.trim().is_empty() || s.starts_with([' ', '\t'])
                })
                .cloned()
                .collect();
            i += indented.len();
            block_scalar(source, key, &indented, lines)
        } else {
            inline_scalar(source, key, value, lines)
        };
        blocks.extend(block);
    }
    blocks
}

/// The blocks of TOML front matter: `key = "…"` or `key = '…'` lines of the configured keys,
/// before the first table header (keys after it belong to that table).
fn toml_blocks(source: &str, fm: &FrontMatter, keys: &[String], lines: &LineIndex) -> Vec<Block> {
    let mut blocks = Vec::new();
    for line in lines_of(source, &fm.body) {
        let text = &source[line.clone()];
        if text.trim_start().starts_with('[') {
            break;
        }
        let Some((key, rest)) = text.split_once('=') else {
            continue;
        };
        let key = key.trim_end();
        if !is_bare_key(key) || !keys.iter().any(|k| k == key) {
            continue;
        }
        let value_start = line.start + text.len() - rest.trim_start().len();
        let raw = &source[value_start..line.end];
        let (len, text, style) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            continue; // multi-line strings stay as written
        } else if raw.starts_with('"') {
            let Some((len, text)) = double_quoted(raw) else {
                continue;
            };
            (len, text, YamlStyle::Double)
        } else if let Some(inner) = raw.strip_prefix('\'') {
            let Some(end) = inner.find('\'') else {
                continue;
            };
            (end + 2, inner[..end].to_string(), YamlStyle::Literal)
        } else {
            continue;
        };
        blocks.extend(scalar_block(
            key,
            value_start..value_start + len,
            text,
            style,
            lines,
        ));
    }
    blocks
}

/// A key written without quotes, the same in YAML and TOML as verso reads them: letters,
/// digits, `_` and `-`.
fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// `key: rest` at column 0 → (key, byte offset of the value in the line).
fn top_level_key(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    if !is_bare_key(key) {
        return None;
    }
    let after = &line[colon + 1..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let value_offset = colon + 1 + (after.len() - after.trim_start().len());
    Some((key, value_offset))
}

fn inline_scalar(source: &str, key: &str, value: Range<usize>, lines: &LineIndex) -> Option<Block> {
    let raw = &source[value.clone()];
    let (len, text, style) = match raw.chars().next()? {
        '"' => {
            let (len, text) = double_quoted(raw)?;
            (len, text, YamlStyle::Double)
        }
        '\'' => {
            let (len, text) = single_quoted(raw)?;
            (len, text, YamlStyle::Single)
        }
        c if "[{&*!#%@`,".contains(c) => return None,
        _ => {
            let end = raw.find(" #").unwrap_or(raw.len());
            let text = raw[..end].trim_end();
            (text.len(), text.to_string(), YamlStyle::Plain)
        }
    };
    scalar_block(key, value.start..value.start + len, text, style, lines)
}

/// The block of one scalar value written at `range` (quotes included) whose text is `text`;
/// none for a blank value, which has nothing to translate.
fn scalar_block(
    key: &str,
    range: Range<usize>,
    text: String,
    style: YamlStyle,
    lines: &LineIndex,
) -> Option<Block> {
    if text.trim().is_empty() {
        return None;
    }
    Some(Block {
        kind: BlockKind::keyed("front-matter", "key", key),
        line: lines.line(range.start),
        tokens: vec![Token::Text {
            range: range.clone(),
            text,
        }],
        range,
        escaping: Yaml::escaping(style),
        wrap: None,
        parent: None,
    })
}

/// `"…"` at the start of `raw` → (length with quotes, decoded text).
fn double_quoted(raw: &str) -> Option<(usize, String)> {
    let mut text = String::new();
    let mut chars = raw.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((i + 1, text)),
            '\\' => {
                let (_, e) = chars.next()?;
                text.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    '0' => '\0',
                    other => other,
                });
            }
            c => text.push(c),
        }
    }
    None
}

/// `'…'` at the start of `raw` → (length with quotes, decoded text).
fn single_quoted(raw: &str) -> Option<(usize, String)> {
    let mut text = String::new();
    let mut chars = raw.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().map(|(_, n)| *n) == Some('\'') {
                chars.next();
                text.push('\'');
                continue;
            }
            return Some((i + 1, text));
        }
        text.push(c);
    }
    None
}

fn block_scalar(
    source: &str,
    key: &str,
    lines_in: &[Range<usize>],
    lines: &LineIndex,
) -> Option<Block> {
    let content: Vec<Range<usize>> = lines_in
        .iter()
        .filter(|l| !source[(*l).clone()].trim().is_empty())
        .map(|l| {
            let s = &source[l.clone()];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            l.start + lead..l.end - trail
        })
        .collect();
    let first = content.first()?.clone();
    let last = content.last()?.clone();
    let mut tokens = Vec::new();
    for (n, r) in content.iter().enumerate() {
        if n > 0 {
            tokens.push(Token::Break {
                range: content[n - 1].end..r.start,
            });
        }
        tokens.push(Token::Text {
            range: r.clone(),
            text: source[r.clone()].to_string(),
        });
    }
    let indent = &source[lines.line_start(first.start)..first.start];
    let line_end = if source[..first.start].ends_with("\r\n") || source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let width = lines_in
        .iter()
        .map(|l| source[l.clone()].chars().count())
        .max()
        .unwrap_or(0);
    Some(Block {
        kind: BlockKind::keyed("front-matter", "key", key),
        line: lines.line(first.start),
        range: first.start..last.end,
        tokens,
        escaping: Yaml::escaping(YamlStyle::Folded),
        wrap: Some(Wrap {
            width,
            continuation: format!("{line_end}{indent}"),
        }),
        parent: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm_blocks(src: &str) -> Vec<(String, String)> {
        let fm = find(src, 0).expect("front matter");
        let keys: Vec<String> = ["title", "description", "summary", "lead"]
            .map(String::from)
            .to_vec();
        blocks(src, &fm, &keys, &LineIndex::new(src))
            .into_iter()
            .map(|b| (b.kind.label(), b.plain_text()))
            .collect()
    }

    #[test]
    fn reads_plain_quoted_and_folded_values_of_configured_keys() {
        let src = "---\ntitle: \"Seoul says \\\"no\\\"\"\ndate: 2025-01-24\ndescription: It's here # comment\nsummary: >\n  Folded text\n  on two lines\nlead: 'It''s'\ntags: [a, b]\n---\nBody\n";
        assert_eq!(
            fm_blocks(src),
            vec![
                ("front-matter:title".into(), "Seoul says \"no\"".into()),
                ("front-matter:description".into(), "It's here".into()),
                (
                    "front-matter:summary".into(),
                    "Folded text on two lines".into()
                ),
                ("front-matter:lead".into(), "It's".into()),
            ]
        );
    }

    #[test]
    fn toml_front_matter_between_plus_lines() {
        let src = "+++\ntitle = \"Release \\\"notes\\\"\"\ndate = 2024-01-01\ndescription = 'It is here' # note\nsummary = \"\"\"\nlong\n\"\"\"\n[params]\nlead = \"not top level\"\n+++\nBody\n";
        let fm = find(src, 0).expect("front matter");
        assert!(fm.toml);
        assert_eq!(
            fm_blocks(src),
            vec![
                ("front-matter:title".into(), "Release \"notes\"".into()),
                ("front-matter:description".into(), "It is here".into()),
            ]
        );
    }

    #[test]
    fn no_closing_delimiter_means_no_front_matter() {
        assert!(find("---\ntitle: x\n", 0).is_none());
        assert!(find("--- \ntitle: x\n...\n", 0).is_some());
    }
}
