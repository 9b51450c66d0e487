//! The side-by-side review page and the batch's index page.
//!
//! One self-contained file per article and locale: styles and script inline, nothing loaded
//! from anywhere (a Content-Security-Policy of `default-src 'none'` makes sure), so it works
//! from `file://`, from a mail attachment, offline. Everything from an article or a glossary is
//! HTML-escaped here, on the server side; the script only reads text back out of the DOM and
//! the page's data block (JSON whose `<` are escaped, in a non-executable script element). The
//! script runs under a per-page nonce, so even markup that slipped through could not run.
//!
//! The reviewer edits target cells (placeholders are chips that cannot be typed into), ticks
//! "approve", and downloads a corrections file that `verso import` stores in the memory.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::codes::Placeholder;
use super::corrections::{FORMAT, VERSION};
use super::model::{BlockView, Mark, ReviewDoc, Side, name_text};
use super::paint::{Paint, classes};
use crate::i18n::{self, Message};
use crate::msg;
use crate::report::Severity;
use crate::segment::{Piece, Segment};

const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// HTML-escapes text for element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON safe inside a `<script>` element: no `<`, `>`, `&` or line separators left raw.
fn script_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// A message in the UI language, escaped for HTML.
fn localized(message: &Message) -> String {
    escape(&i18n::render(message))
}

/// A nonce for the page's script: unpredictable to whoever wrote the article.
fn nonce(content: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(content.as_bytes());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    hasher.update(&now.to_le_bytes());
    hasher.update(&std::process::id().to_le_bytes());
    hasher.finalize().to_hex()[..24].to_string()
}

fn head(out: &mut String, title: &str, nonce: Option<&str>, served: bool) {
    let script = nonce.map_or("'none'".to_string(), |n| format!("'nonce-{n}'"));
    // Served by `verso serve`, the page talks to its own server and to nothing else.
    let connect = if served { "connect-src 'self'; " } else { "" };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         {connect}style-src 'unsafe-inline'; script-src {script}; img-src 'none'; \
         base-uri 'none'; form-action 'none'\">\n<meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>{CSS}</style>\n</head>\n",
        lang = escape(&i18n::ui_lang().to_string()),
        title = escape(title),
    );
}

/// The data the page's script needs.
#[derive(Serialize)]
struct PageData<'a> {
    format: &'a str,
    version: u32,
    file: &'a str,
    source_lang: &'a str,
    target_lang: &'a str,
    blocks: Vec<BlockData<'a>>,
    labels: Labels,
    /// Set when `verso serve` serves the page: saves go to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    server: Option<&'a Served>,
}

/// What a page served by `verso serve` needs to save into the memory: the reviewer's token
/// (the page is only ever served to its holder), the article and locale, and the version of
/// each block it was drawn from.
#[derive(Debug, Serialize)]
pub struct Served {
    /// The reviewer's token, sent back in the `X-Verso-Token` header.
    pub token: String,
    /// The target locale.
    pub locale: String,
    /// The article's path.
    pub path: String,
    /// Each block's version, by block index.
    pub versions: Vec<i64>,
    /// Each block's comments (`{id, reply_to, author, at, text}`), by block index.
    pub comments: Vec<Vec<serde_json::Value>>,
}

#[derive(Serialize)]
struct BlockData<'a> {
    block: usize,
    line: usize,
    key: &'a str,
    source: String,
    target: Option<String>,
    status: Option<&'a str>,
}

#[derive(Serialize)]
struct Labels {
    saved: String,
    conflict: String,
    refused: String,
    comment: String,
    edited: String,
    approved: String,
    nothing: String,
    exported: String,
}

/// The review page of one article in one locale.
pub fn page(doc: &ReviewDoc) -> String {
    page_for(doc, None)
}

/// The review page, saving through `verso serve` when `served` says how.
pub fn page_for(doc: &ReviewDoc, served: Option<&Served>) -> String {
    let title = i18n::render(&msg!(
        "review-title",
        file = &doc.file,
        source = &doc.source_lang,
        target = &doc.target_lang
    ));
    let data = PageData {
        format: FORMAT,
        version: VERSION,
        file: &doc.file,
        source_lang: &doc.source_lang,
        target_lang: &doc.target_lang,
        blocks: doc
            .blocks
            .iter()
            .map(|b| BlockData {
                block: b.index,
                line: b.line,
                key: &b.key,
                source: b.source.segment.canonical(),
                target: b.target.as_ref().map(|t| t.segment.canonical()),
                status: b.status.as_deref(),
            })
            .collect(),
        server: served,
        labels: Labels {
            saved: i18n::render(&msg!("review-saved")),
            conflict: i18n::render(&msg!("review-conflict")),
            refused: i18n::render(&msg!("review-refused")),
            comment: i18n::render(&msg!("review-comment")),
            edited: i18n::render(&msg!("review-edited-count")),
            approved: i18n::render(&msg!("review-approved-count")),
            nothing: i18n::render(&msg!("review-nothing-to-export")),
            exported: i18n::render(&msg!("review-exported")),
        },
    };
    let data_json = script_json(&data);
    let nonce = nonce(&data_json);
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, &title, Some(&nonce), served.is_some());
    out.push_str("<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    summary(&mut out, doc);
    controls(&mut out, served.is_some());
    out.push_str("</header>\n<main>\n");
    let _ = writeln!(
        out,
        "<div class=\"colheads\"><div lang=\"{s}\">{sl}</div><div lang=\"{tl}\">{tt}</div></div>",
        s = escape(&doc.source_lang),
        sl = localized(&msg!("review-source", lang = &doc.source_lang)),
        tl = escape(&doc.target_lang),
        tt = localized(&msg!("review-target", lang = &doc.target_lang)),
    );
    for block in &doc.blocks {
        block_html(&mut out, block);
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"verso-data\">{data_json}</script>"
    );
    let _ = writeln!(out, "<script nonce=\"{nonce}\">{JS}</script>");
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, doc: &ReviewDoc) {
    let (errors, warnings) = doc.finding_counts();
    let [machine, reviewed, approved, none] = doc.status_counts();
    out.push_str("<section class=\"summary\">\n<dl>\n");
    let mut item = |label: Message, value: usize, class: &str| {
        let _ = writeln!(
            out,
            "<div class=\"{class}\"><dt>{}</dt><dd>{value}</dd></div>",
            localized(&label)
        );
    };
    item(msg!("review-blocks"), doc.blocks.len(), "n-blocks");
    item(msg!("review-errors"), errors, "n-errors");
    item(msg!("review-warnings"), warnings, "n-warnings");
    item(
        msg!("review-status", status = "machine"),
        machine,
        "n-machine",
    );
    item(
        msg!("review-status", status = "reviewed"),
        reviewed,
        "n-reviewed",
    );
    item(
        msg!("review-status", status = "approved"),
        approved,
        "n-approved",
    );
    if none > 0 {
        item(msg!("review-status", status = "none"), none, "n-none");
    }
    out.push_str("</dl>\n");
    let profile = match &doc.profile {
        Some(name) => msg!("check-profile", name = name.as_str()),
        None => msg!("check-profile-default"),
    };
    let _ = writeln!(out, "<p class=\"profile\">{}</p>", localized(&profile));
    let rules = doc.rule_counts();
    if !rules.is_empty() {
        let _ = write!(
            out,
            "<p class=\"rules\"><span>{}</span>",
            localized(&msg!("review-by-rule"))
        );
        for (rule, n) in rules {
            let _ = write!(out, " <code>{}</code>&#160;{n}", escape(&rule));
        }
        out.push_str("</p>\n");
    }
    if !doc.concepts.is_empty() {
        let _ = write!(
            out,
            "<p class=\"legend\"><span>{}</span>",
            localized(&msg!("review-glossary"))
        );
        for (i, c) in doc.concepts.iter().enumerate() {
            let form = c
                .target_form
                .as_deref()
                .map(|f| format!(" → {}", escape(f)))
                .unwrap_or_default();
            let _ = write!(
                out,
                " <span class=\"term c{}\" title=\"{}\">{}{form}</span>",
                i % 10,
                escape(&c.kind),
                escape(&c.id)
            );
        }
        out.push_str("</p>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span class=\"num\">{}</span> <span class=\"qty\">{}</span> \
         <span class=\"date\">{}</span> <span class=\"fd err\">{}</span> \
         <span class=\"fd warn\">{}</span></p>",
        localized(&msg!("review-legend-number")),
        localized(&msg!("review-legend-quantity")),
        localized(&msg!("review-legend-date")),
        localized(&msg!("review-legend-error")),
        localized(&msg!("review-legend-warning")),
    );
    out.push_str("</section>\n");
}

fn controls(out: &mut String, served: bool) {
    let save = if served {
        format!(
            "<button type=\"button\" id=\"save\">{}</button> \
             <button type=\"button\" id=\"approve-clean\">{}</button> ",
            localized(&msg!("review-save")),
            localized(&msg!("review-approve-clean"))
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<nav class=\"controls\"><label><input type=\"checkbox\" id=\"only-findings\"> {}</label> \
         {save}<button type=\"button\" id=\"download\">{}</button> \
         <span id=\"counts\" aria-live=\"polite\"></span></nav>",
        localized(&msg!("review-only-findings")),
        localized(&msg!("review-download")),
    );
}

fn block_html(out: &mut String, b: &BlockView) {
    let kind_name = b.kind.split(['-', ':']).next().unwrap_or(&b.kind);
    let status = b.status.as_deref().unwrap_or("none");
    let mut classes = format!("block k-{}", escape(kind_name));
    if !b.findings.is_empty() {
        classes.push_str(" has-findings");
    }
    if b.findings.iter().any(|f| f.severity == Severity::Error) {
        classes.push_str(" has-errors");
    }
    let _ = writeln!(
        out,
        "<section class=\"{classes}\" id=\"b{i}\" data-block=\"{i}\" data-status=\"{status}\">",
        i = b.index,
        status = escape(status),
    );
    let _ = write!(
        out,
        "<div class=\"meta\"><span class=\"kind\">{}</span> <span class=\"line\">{}</span> \
         <span class=\"status s-{st}\">{}</span>",
        localized(&msg!("review-kind", kind = kind_name, label = &b.kind)),
        localized(&msg!("review-line", line = b.line)),
        localized(&msg!("review-status", status = status)),
        st = escape(status),
    );
    if b.target.is_some() {
        let _ = write!(
            out,
            " <label class=\"approve\"><input type=\"checkbox\" class=\"approve-box\"{}> {}</label>",
            if status == "approved" { " checked" } else { "" },
            localized(&msg!("review-approve"))
        );
    }
    out.push_str("</div>\n<div class=\"rows\">\n");
    // Sentence by sentence when both sides have as many; else the block in one row.
    let rows: Vec<(&Segment, Option<&Segment>)> = match &b.target {
        Some(target) if b.sentence_rows() => b
            .source
            .sentences
            .iter()
            .zip(target.sentences.iter().map(Some))
            .collect(),
        Some(target) => vec![(&b.source.segment, Some(&target.segment))],
        None => vec![(&b.source.segment, None)],
    };
    let (mut so, mut to) = (0usize, 0usize);
    let source_paint = Paint::new(&b.source.text, &b.source.marks);
    // By id: a block can have thousands of placeholders.
    let codes: HashMap<u32, &Placeholder> = b.codes.iter().map(|c| (c.id, c)).collect();
    let target_paint = b.target.as_ref().map(|t| Paint::new(&t.text, &t.marks));
    for (k, (s, t)) in rows.into_iter().enumerate() {
        out.push_str("<div class=\"row\">");
        cell(out, &b.source, &source_paint, s, &mut so, &codes, false, k);
        match (t, &b.target, &target_paint) {
            (Some(t), Some(target), Some(paint)) => {
                cell(out, target, paint, t, &mut to, &codes, true, k)
            }
            _ => {
                let _ = write!(
                    out,
                    "<div class=\"tgt missing\">{}</div>",
                    localized(&msg!("review-no-translation"))
                );
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
    if !b.findings.is_empty() {
        out.push_str("<ol class=\"findings\">\n");
        for (f, finding) in b.findings.iter().enumerate() {
            let sev = severity_class(finding.severity);
            let _ = write!(
                out,
                "<li class=\"finding {sev}\" data-f=\"{f}\"><span class=\"sev\">{}</span> \
                 <code class=\"rule\">{}</code> <span class=\"msg\">{}</span>",
                localized(&msg!("review-severity", severity = sev)),
                escape(&finding.rule),
                escape(&finding.message),
            );
            if let Some(fix) = &finding.fix {
                let _ = write!(
                    out,
                    " <span class=\"fix\">{}</span>",
                    localized(&msg!("review-fix", fix = fix))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    if !b.changes.is_empty() {
        out.push_str("<ol class=\"changes\">\n");
        for (l, change) in b.changes.iter().enumerate() {
            let _ = write!(
                out,
                "<li class=\"change\" data-l=\"{l}\" data-engine=\"{}\"><code class=\"rule\">{}</code> \
                 <span class=\"msg\">{}</span>",
                escape(&change.engine),
                escape(&change.kind),
                localized(&msg!(
                    "review-localized",
                    engine = &change.engine,
                    written = &change.written
                )),
            );
            if change.target.is_some() {
                let _ = write!(
                    out,
                    " <button type=\"button\" class=\"undo\">{}</button>",
                    localized(&msg!("review-undo"))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

pub(super) fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "err",
        Severity::Warning => "warn",
    }
}

/// One cell: a sentence (or the whole block) of one side. `offset` is where its display text
/// starts in the side's display text, and moves past it.
#[allow(clippy::too_many_arguments)]
fn cell(
    out: &mut String,
    side: &Side,
    paint: &Paint,
    seg: &Segment,
    offset: &mut usize,
    codes: &HashMap<u32, &Placeholder>,
    target: bool,
    row: usize,
) {
    if target {
        let _ = write!(
            out,
            "<div class=\"tgt\" lang=\"{}\" dir=\"auto\" contenteditable=\"true\" \
             spellcheck=\"true\" data-row=\"{row}\">",
            escape(&side.lang)
        );
    } else {
        let _ = write!(
            out,
            "<div class=\"src\" lang=\"{}\" dir=\"auto\">",
            escape(&side.lang)
        );
    }
    for piece in &seg.pieces {
        match piece {
            Piece::Text(text) => {
                marked_text(out, text, *offset, &side.marks, paint);
                *offset += text.len();
            }
            Piece::Name(n) => {
                let text = name_text(&side.names, *n);
                let range = *offset..*offset + text.len();
                let classes = classes(&side.marks, &paint.marks_over(range));
                let _ = write!(
                    out,
                    "<span class=\"chip name {}\" contenteditable=\"false\" data-token=\"&lt;n{n}/&gt;\">{}</span>",
                    classes.0,
                    escape(text)
                );
                *offset += text.len();
            }
            Piece::Open(id) | Piece::Close(id) | Piece::Atom(id) => {
                let info = codes.get(id);
                let tag = info.map_or("code", |c| c.tag.name());
                let markup = info.map_or("", |c| c.markup.as_str());
                let (token, label, class) = match piece {
                    Piece::Open(_) => (format!("<{id}>"), tag.to_string(), "open"),
                    Piece::Close(_) => (format!("</{id}>"), format!("/{tag}"), "close"),
                    _ => (format!("<{id}/>"), short(markup), "atom"),
                };
                let _ = write!(
                    out,
                    "<span class=\"chip {class}\" contenteditable=\"false\" data-token=\"{}\" \
                     title=\"{}\">{}</span>",
                    escape(&token),
                    escape(markup),
                    escape(&label)
                );
            }
        }
    }
    out.push_str("</div>");
}

/// A chip's label: the markup, shortened.
fn short(markup: &str) -> String {
    let n = markup.chars().count();
    if n <= 28 {
        return markup.to_string();
    }
    let head: String = markup.chars().take(26).collect();
    format!("{head}…")
}

/// Text with its marks as spans: cut at every mark boundary, each fragment with the classes
/// of the marks over it. `offset` is where `text` starts in the side's display text.
fn marked_text(out: &mut String, text: &str, offset: usize, marks: &[Mark], paint: &Paint) {
    for (r, over) in paint.fragments(offset..offset + text.len()) {
        let fragment = &text[r.start - offset..r.end - offset];
        let (classes, findings, changes) = classes(marks, over);
        if classes.is_empty() {
            out.push_str(&escape(fragment));
        } else {
            let list = |name: &str, ids: &[usize]| {
                if ids.is_empty() {
                    return String::new();
                }
                let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
                format!(" {name}=\"{}\"", ids.join(" "))
            };
            let data = format!("{}{}", list("data-f", &findings), list("data-l", &changes));
            let _ = write!(
                out,
                "<span class=\"{classes}\"{data}>{}</span>",
                escape(fragment)
            );
        }
    }
}

/// One line of the index page.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// The article.
    pub file: String,
    /// Target locale.
    pub locale: String,
    /// Link to its page, relative to the index.
    pub href: String,
    /// Blocks.
    pub blocks: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Blocks per status: machine, reviewed, approved, none.
    pub statuses: [usize; 4],
}

impl IndexEntry {
    /// The entry of a review page written at `href`.
    pub fn of(doc: &ReviewDoc, href: String) -> IndexEntry {
        let (errors, warnings) = doc.finding_counts();
        IndexEntry {
            file: doc.file.clone(),
            locale: doc.target_lang.clone(),
            href,
            blocks: doc.blocks.len(),
            errors,
            warnings,
            statuses: doc.status_counts(),
        }
    }
}

/// The batch's index: one row per article and locale, with counts and a link.
pub fn index(entries: &[IndexEntry]) -> String {
    let title = i18n::render(&msg!("review-index-title"));
    let mut out = String::new();
    head(&mut out, &title, None, false);
    let _ = writeln!(
        out,
        "<body>\n<header><h1>{}</h1></header>\n<main>",
        escape(&title)
    );
    let _ = writeln!(
        out,
        "<table class=\"index\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        localized(&msg!("review-index-file")),
        localized(&msg!("review-index-locale")),
        localized(&msg!("review-blocks")),
        localized(&msg!("review-errors")),
        localized(&msg!("review-warnings")),
        localized(&msg!("review-status", status = "machine")),
        localized(&msg!("review-status", status = "reviewed")),
        localized(&msg!("review-status", status = "approved")),
    );
    for e in entries {
        let row_class = if e.errors > 0 {
            " class=\"has-errors\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr{row_class}><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.href),
            escape(&e.file),
            escape(&e.locale),
            e.blocks,
            e.errors,
            e.warnings,
            e.statuses[0],
            e.statuses[1],
            e.statuses[2],
        );
    }
    out.push_str("</tbody></table>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::model::MarkKind;

    #[test]
    fn the_page_names_the_check_profile() {
        let mut doc = ReviewDoc {
            file: "a.md".into(),
            source_lang: "en".into(),
            target_lang: "es".into(),
            blocks: Vec::new(),
            concepts: Vec::new(),
            profile: Some("legal <desk>".into()),
        };
        let html = page(&doc);
        assert!(
            html.contains("profile: legal &lt;desk&gt;"),
            "escaped, named"
        );
        doc.profile = None;
        assert!(page(&doc).contains("profile: default"));
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&serde_json::json!({"t": "</script><script>alert(1)</script>&"}));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
        assert_eq!(back["t"], "</script><script>alert(1)</script>&");
    }

    #[test]
    fn marks_split_text_and_escape_it() {
        let marks = vec![
            Mark {
                range: 4..10,
                kind: MarkKind::Number,
            },
            Mark {
                range: 0..3,
                kind: MarkKind::Finding(0, Severity::Error),
            },
        ];
        let mut out = String::new();
        let text = "<a> 11,000 \"x\"";
        marked_text(&mut out, text, 0, &marks, &Paint::new(text, &marks));
        assert_eq!(
            out,
            "<span class=\"fd err\" data-f=\"0\">&lt;a&gt;</span> <span class=\"num\">11,000</span> &quot;x&quot;"
        );
    }
}
