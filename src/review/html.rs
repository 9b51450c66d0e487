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
    /// The glossary concepts of the article; blocks name theirs by index.
    concepts: Vec<ConceptData<'a>>,
    labels: std::collections::BTreeMap<&'static str, String>,
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
    /// The reviewer's role (`reviewer`, `approver`): what the page offers.
    pub role: String,
    /// Who the article is assigned to.
    pub assignee: Option<String>,
    /// Everyone it can be assigned to.
    pub reviewers: Vec<String>,
}

#[derive(Serialize)]
struct BlockData<'a> {
    block: usize,
    line: usize,
    key: &'a str,
    source: String,
    target: Option<String>,
    status: Option<&'a str>,
    /// Indexes into the page's concepts.
    concepts: Vec<usize>,
}

/// A glossary concept as the side panel shows it.
#[derive(Serialize)]
struct ConceptData<'a> {
    id: &'a str,
    kind: &'a str,
    source: Option<&'a str>,
    target: Option<&'a str>,
    admitted: &'a [String],
    forbidden: &'a [String],
    note: Option<&'a str>,
}

/// The UI texts the script shows, by the name it uses.
fn labels() -> std::collections::BTreeMap<&'static str, String> {
    let mut out: std::collections::BTreeMap<&'static str, String> = [
        ("saved", msg!("review-saved")),
        ("conflict", msg!("review-conflict")),
        ("refused", msg!("review-refused")),
        ("comment", msg!("review-comment")),
        ("reply", msg!("review-reply")),
        ("edited", msg!("review-edited-count")),
        ("approved", msg!("review-approved-count")),
        ("nothing", msg!("review-nothing-to-export")),
        ("exported", msg!("review-exported")),
        ("history", msg!("review-history")),
        ("revert", msg!("review-revert")),
        ("history_empty", msg!("review-history-empty")),
        ("send_machine", msg!("review-send-machine")),
        ("dismiss", msg!("review-dismiss")),
        ("dismiss_reason", msg!("review-dismiss-reason")),
        ("dismissed", msg!("review-dismissed")),
        ("approve_reason", msg!("review-approve-reason")),
        ("give_reason", msg!("review-give-reason")),
        ("concepts_none", msg!("review-concepts-none")),
        ("forbidden", msg!("review-concept-forbidden")),
        ("assign", msg!("review-assign")),
    ]
    .into_iter()
    .map(|(name, message)| (name, i18n::render(&message)))
    .collect();
    for status in ["machine", "reviewed", "approved"] {
        let name = match status {
            "machine" => "status_machine",
            "reviewed" => "status_reviewed",
            _ => "status_approved",
        };
        out.insert(name, i18n::render(&msg!("review-status", status = status)));
    }
    out
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
                concepts: b.concepts(),
            })
            .collect(),
        concepts: doc
            .concepts
            .iter()
            .map(|c| ConceptData {
                id: &c.id,
                kind: &c.kind,
                source: c.source_form.as_deref(),
                target: c.target_form.as_deref(),
                admitted: &c.admitted,
                forbidden: &c.forbidden,
                note: c.note.as_deref(),
            })
            .collect(),
        server: served,
        labels: labels(),
    };
    let data_json = script_json(&data);
    let nonce = nonce(&data_json);
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, &title, Some(&nonce), served.is_some());
    out.push_str("<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    summary(&mut out, doc, served);
    controls(&mut out, doc, served.is_some());
    out.push_str("</header>\n<div class=\"workspace\">\n<main>\n");
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
        "<aside id=\"concepts\" aria-live=\"polite\"><h2>{}</h2><div class=\"panel\"></div></aside>\n</div>",
        localized(&msg!("review-concepts"))
    );
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"verso-data\">{data_json}</script>"
    );
    let _ = writeln!(out, "<script nonce=\"{nonce}\">{JS}</script>");
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, doc: &ReviewDoc, served: Option<&Served>) {
    let (errors, warnings) = doc.finding_counts();
    let [machine, reviewed, approved, none] = doc.status_counts();
    out.push_str("<section class=\"summary\">\n<dl>\n");
    let status = doc.article_status();
    let _ = writeln!(
        out,
        "<div class=\"article-status a-{status}\"><dt>{}</dt><dd>{}</dd></div>",
        localized(&msg!("review-index-status")),
        localized(&msg!("review-article-status", status = status)),
    );
    if let Some(served) = served {
        let who = served
            .assignee
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| localized(&msg!("review-nobody")));
        let _ = writeln!(
            out,
            "<div class=\"assignee\"><dt>{}</dt><dd id=\"assignee\">{who}</dd></div>",
            localized(&msg!("review-assignee")),
        );
    }
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

fn controls(out: &mut String, doc: &ReviewDoc, served: bool) {
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
    filters(out, doc, served);
    let _ = writeln!(
        out,
        "<p class=\"keys\">{}</p>",
        localized(&msg!("review-keys"))
    );
}

/// The filters: blocks by status, by rule of their open findings, with comments (served).
fn filters(out: &mut String, doc: &ReviewDoc, served: bool) {
    let all = localized(&msg!("review-filter-all"));
    let _ = write!(
        out,
        "<nav class=\"filters\"><label>{} <select id=\"filter-status\"><option value=\"\">{all}</option>",
        localized(&msg!("review-filter-status"))
    );
    for status in ["machine", "reviewed", "approved", "none"] {
        let _ = write!(
            out,
            "<option value=\"{status}\">{}</option>",
            localized(&msg!("review-status", status = status))
        );
    }
    let _ = write!(
        out,
        "</select></label> <label>{} <select id=\"filter-rule\"><option value=\"\">{all}</option>",
        localized(&msg!("review-filter-rule"))
    );
    for (rule, n) in doc.rule_counts() {
        let _ = write!(
            out,
            "<option value=\"{r}\">{r} ({n})</option>",
            r = escape(&rule)
        );
    }
    out.push_str("</select></label>");
    if served {
        let _ = write!(
            out,
            " <label><input type=\"checkbox\" id=\"filter-comments\"> {}</label>",
            localized(&msg!("review-filter-comments"))
        );
    }
    out.push_str("</nav>\n");
}

fn block_html(out: &mut String, b: &BlockView) {
    let kind_name = b.kind.split(['-', ':']).next().unwrap_or(&b.kind);
    let status = b.status.as_deref().unwrap_or("none");
    let mut classes = format!("block k-{}", escape(kind_name));
    if b.open_findings().next().is_some() {
        classes.push_str(" has-findings");
    }
    if b.has_open_error() {
        classes.push_str(" has-errors");
    }
    let mut rules: Vec<&str> = b.open_findings().map(|f| f.rule.as_str()).collect();
    rules.dedup();
    let _ = writeln!(
        out,
        "<section class=\"{classes}\" id=\"b{i}\" data-block=\"{i}\" data-status=\"{status}\" \
         data-rules=\"{rules}\" tabindex=\"-1\">",
        i = b.index,
        status = escape(status),
        rules = escape(&rules.join(" ")),
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
            let dismissed = if finding.is_open() { "" } else { " dismissed" };
            let _ = write!(
                out,
                "<li class=\"finding {sev}{dismissed}\" data-f=\"{f}\" data-rule=\"{rule}\">\
                 <span class=\"sev\">{}</span> <code class=\"rule\">{rule}</code> \
                 <span class=\"msg\">{}</span>",
                localized(&msg!("review-severity", severity = sev)),
                escape(&finding.message),
                rule = escape(&finding.rule),
            );
            if let Some(d) = &finding.dismissed {
                let _ = write!(
                    out,
                    " <span class=\"why\">{} ({}): {}</span>",
                    localized(&msg!("review-dismissed")),
                    escape(&d.author),
                    escape(&d.reason)
                );
            }
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

pub(crate) fn severity_class(s: Severity) -> &'static str {
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
#[derive(Debug, Clone, PartialEq, Default)]
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
    /// The article's status: `machine`, `in-review` or `approved`.
    pub status: &'static str,
    /// Who it is assigned to (served pages only).
    pub assignee: Option<String>,
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
            status: doc.article_status(),
            assignee: None,
        }
    }
}

/// The batch's index: one row per article and locale, with counts and a link.
pub fn index(entries: &[IndexEntry]) -> String {
    index_for(entries, None)
}

/// The index; served by `verso serve` (`filter` set, to the status shown or `None` for all),
/// with each article's assignee and links that filter by status.
pub fn index_for(entries: &[IndexEntry], filter: Option<Option<&str>>) -> String {
    let title = i18n::render(&msg!("review-index-title"));
    let mut out = String::new();
    head(&mut out, &title, None, false);
    let _ = writeln!(
        out,
        "<body>\n<header><h1>{}</h1></header>\n<main>",
        escape(&title)
    );
    if let Some(current) = filter {
        out.push_str("<nav class=\"filters\">");
        let _ = write!(out, "{} ", localized(&msg!("review-filter-status")));
        let all = localized(&msg!("review-filter-all"));
        let mut link = |href: &str, label: String, on: bool| {
            let class = if on { " class=\"on\"" } else { "" };
            let _ = write!(out, "<a{class} href=\"{href}\">{label}</a> ");
        };
        link("/", all, current.is_none());
        for status in ["machine", "in-review", "approved"] {
            link(
                &format!("/?status={status}"),
                localized(&msg!("review-article-status", status = status)),
                current == Some(status),
            );
        }
        out.push_str("</nav>\n");
    }
    let served = filter.is_some();
    let _ = write!(
        out,
        "<table class=\"index\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        localized(&msg!("review-index-file")),
        localized(&msg!("review-index-locale")),
        localized(&msg!("review-index-status")),
        localized(&msg!("review-blocks")),
        localized(&msg!("review-errors")),
        localized(&msg!("review-warnings")),
        localized(&msg!("review-status", status = "machine")),
        localized(&msg!("review-status", status = "reviewed")),
        localized(&msg!("review-status", status = "approved")),
    );
    if served {
        let _ = write!(out, "<th>{}</th>", localized(&msg!("review-assignee")));
    }
    out.push_str("</tr></thead><tbody>\n");
    for e in entries {
        let row_class = if e.errors > 0 {
            " class=\"has-errors\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr{row_class} data-status=\"{status}\"><td><a href=\"{}\">{}</a></td><td>{}</td>\
             <td class=\"a-{status}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            escape(&e.href),
            escape(&e.file),
            escape(&e.locale),
            localized(&msg!("review-article-status", status = e.status)),
            e.blocks,
            e.errors,
            e.warnings,
            e.statuses[0],
            e.statuses[1],
            e.statuses[2],
            status = e.status,
        );
        if served {
            let who = e
                .assignee
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| localized(&msg!("review-nobody")));
            let _ = write!(out, "<td class=\"assignee\">{who}</td>");
        }
        out.push_str("</tr>\n");
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
