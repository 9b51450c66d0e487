//! Layout guarantees, over generated documents:
//! - reading and writing back with every block's own text reproduces the input byte for byte
//!   (the `identity` engine's path);
//! - no translation, however hostile, can change the document's structure: block count and
//!   kinds stay, and each block reads back as exactly the text that was written into it.

use proptest::prelude::*;
use verso::document::{Document, Format};
use verso::format::{self, ReadOptions};
use verso::restore::render_document;
use verso::segment::{Piece, Segment, collapse_whitespace};

// ---------- a grammar of Markdown documents ----------

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Budanov",
        "Kyiv",
        "howitzers",
        "fired",
        "92",
        "11,000",
        "a",
        "day",
        "Pjöngjang",
        "Seúl",
        "서울",
        "Буданов",
        "café",
        "the",
        "Radio",
        "Free",
        "Asia",
        "3.5",
        "tonnes",
        "15%",
        "January",
        "13",
        "\"quoted\"",
        "it's",
        "x\\*y",
        "AT&T",
        "&amp;",
        "e.g.",
        "—",
    ])
    .prop_map(str::to_string)
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..max).prop_map(|w| w.join(" "))
}

fn inline() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => words(5),
        1 => words(3).prop_map(|w| format!("*{w}*")),
        1 => words(3).prop_map(|w| format!("**{w}**")),
        1 => words(3).prop_map(|w| format!("~~{w}~~")),
        1 => words(3).prop_map(|w| format!("[{w}](https://example.org/a_b?q=1#Frag \"T\")")),
        1 => words(3).prop_map(|w| format!("![{w}](img/p.jpg)")),
        1 => Just("`inline code`".to_string()),
        1 => Just("https://www.rfa.org/english".to_string()),
        1 => Just("<https://example.org>".to_string()),
        1 => Just("<span>html</span>".to_string()),
    ];
    prop::collection::vec(piece, 1..5).prop_map(|p| p.join(" "))
}

fn paragraph_lines(prefix: &'static str) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(inline(), 1..3)
        .prop_map(move |lines| lines.into_iter().map(|l| format!("{prefix}{l}")).collect())
}

fn block() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (1..4usize, words(5)).prop_map(|(n, w)| vec![format!("{} {w}", "#".repeat(n))]),
        paragraph_lines(""),
        paragraph_lines("> "),
        prop::collection::vec((inline(), any::<bool>()), 1..4).prop_map(|items| {
            let mut lines = Vec::new();
            for (text, nested) in items {
                lines.push(format!("- {text}"));
                if nested {
                    lines.push(format!("  1. {text}"));
                }
            }
            lines
        }),
        (words(3), words(3), inline(), inline()).prop_map(|(a, b, c, d)| vec![
            format!("| {a} | {b} |"),
            "|---|--:|".to_string(),
            format!("| {c} | {d} |"),
        ]),
        words(4).prop_map(|w| vec!["```".into(), format!("code {w}"), "```".into()]),
        Just(vec![
            "<div>".to_string(),
            "html block".to_string(),
            "</div>".to_string()
        ]),
        words(4).prop_map(|w| vec![
            format!("Note[^1] {w}."),
            String::new(),
            format!("[^1]: {w}")
        ]),
    ]
}

fn markdown_doc() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        words(6),
        prop::collection::vec(block(), 1..7),
        any::<bool>(),
    )
        .prop_map(|(front, title, blocks, crlf)| {
            let mut lines = Vec::new();
            if front {
                lines.push("---".to_string());
                lines.push(format!("title: {title}"));
                lines.push("date: 2025-01-13".to_string());
                lines.push(format!("description: \"{title}\""));
                lines.push("---".to_string());
            }
            for b in blocks {
                lines.extend(b);
                lines.push(String::new());
            }
            let eol = if crlf { "\r\n" } else { "\n" };
            lines.join(eol)
        })
}

fn plain_doc() -> impl Strategy<Value = String> {
    let para = prop_oneof![
        words(8).prop_map(|w| vec![w]),
        (words(8), words(8)).prop_map(|(a, b)| vec![a, b]),
        prop::collection::vec(words(5), 1..4)
            .prop_map(|ws| ws.into_iter().map(|w| format!("• {w}")).collect()),
        prop::collection::vec(words(5), 1..3).prop_map(|ws| ws
            .into_iter()
            .enumerate()
            .map(|(i, w)| format!("  {}. {w}", i + 1))
            .collect()),
        Just(vec![
            "By Anna Keller".to_string(),
            "LUGANO, 24.1.2025".to_string()
        ]),
        Just(vec!["Photo: Jane Roe / Verso".to_string()]),
    ];
    (prop::collection::vec(para, 1..6), any::<bool>()).prop_map(|(paras, crlf)| {
        let eol = if crlf { "\r\n" } else { "\n" };
        paras
            .into_iter()
            .map(|p| p.join(eol))
            .collect::<Vec<_>>()
            .join(&format!("{eol}{eol}"))
            + eol
    })
}

// ---------- hostile translations ----------

/// Text an engine might return: block syntax at the start, markup characters inside words,
/// line breaks and blank lines. Words start and end with letters, so emphasis delimiters next
/// to them stay valid; what is tested is that nothing changes the block structure.
fn hostile_text(at_start: bool) -> impl Strategy<Value = String> {
    let start = if at_start {
        prop::sample::select(vec![
            "", "- ", "* ", "+ ", "# ", "## ", "1. ", "2) ", "> ", "=== ", "--- ", "• ", "| ",
            "    ", "```",
        ])
        .boxed()
    } else {
        Just("").boxed()
    };
    let w = prop::sample::select(vec![
        "palabra", "a*b", "c_d", "e[f]g", "h<i>j", "k|l", "m\\n", "o&amp;p", "q~~r", "s`t", "u#v",
        "Wörter", "x!y", "n\n\nm", "p\nq", "r\r\n- s", "t\n# u", "v\n> w", "ü\n1. z", "end#",
    ]);
    // Engines put spaces around words next to markup; the restore step moves them outside
    // the delimiters, which is what keeps emphasis valid.
    (start, prop::collection::vec(w, 1..6)).prop_map(|(s, ws)| format!("{s}{} ", ws.join(" ")))
}

fn hostile_targets(doc: &Document) -> impl Strategy<Value = Vec<Segment>> + use<> {
    let per_block: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| {
            let seg = Segment::from_block(b);
            let texts: Vec<_> = seg
                .pieces
                .iter()
                .enumerate()
                .filter(|(_, p)| matches!(p, Piece::Text(_)))
                .map(|(i, _)| hostile_text(i == 0))
                .collect();
            (Just(seg), texts).prop_map(|(seg, mut texts)| {
                let pieces = seg.pieces.into_iter().map(|p| match p {
                    Piece::Text(_) => Piece::Text(texts.remove(0)),
                    other => other,
                });
                Segment::from_pieces(pieces).normalized()
            })
        })
        .collect();
    per_block
}

fn reparse(format: Format, text: &str) -> Document {
    format::parse(format, text.to_string(), &ReadOptions::default())
}

/// What must not change. Markdown: every block's kind. Plain text: the blank-line groups and,
/// in each, which lines are bullets; how the other lines of a group split into byline,
/// dateline and paragraph is guessed from English words, which translation changes by design.
fn structure(doc: &Document) -> Vec<String> {
    if doc.format == verso::format::MARKDOWN {
        return doc
            .blocks
            .iter()
            .map(|b| {
                format!(
                    "{}{}",
                    b.kind.label(),
                    if b.parent.is_some() { "^" } else { "" }
                )
            })
            .collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut prev_end = 0;
    for b in &doc.blocks {
        let between = &doc.source[prev_end..b.range.start];
        if prev_end > 0 && between.replace('\r', "").contains("\n\n") {
            out.push("--".into());
        }
        let kind = if b.kind == verso::format::plain::BULLET {
            "bullet"
        } else {
            "text"
        };
        if !(kind == "text" && out.last().map(String::as_str) == Some("text")) {
            out.push(kind.into());
        }
        prev_end = b.range.end;
    }
    out
}

fn identity_round_trip(format: Format, src: &str) -> Result<(), TestCaseError> {
    let doc = reparse(format, src);
    prop_assert_eq!(&doc.render_source(), src);
    let targets: Vec<Segment> = doc.blocks.iter().map(Segment::from_block).collect();
    let (out, problems) = render_document(&doc, &targets, &[], None);
    prop_assert!(problems.is_empty());
    prop_assert_eq!(out, src);
    Ok(())
}

fn hostile_keeps_structure(doc: &Document, targets: &[Segment]) -> Result<(), TestCaseError> {
    let (out, problems) = render_document(doc, targets, &[], None);
    prop_assert!(problems.is_empty(), "{:?}", problems);
    let again = reparse(doc.format, &out);
    prop_assert_eq!(structure(&again), structure(doc), "output:\n{}", out);
    // Each block reads back as what was written into it (plain-text lines of one group may
    // regroup, so there the whole text is compared).
    let read: Vec<String> = again
        .blocks
        .iter()
        .map(|b| collapse_whitespace(&b.plain_text().replace('\u{a0}', " ")))
        .collect();
    let written: Vec<String> = targets
        .iter()
        .map(|t| collapse_whitespace(&t.text()))
        .collect();
    if doc.format == verso::format::MARKDOWN {
        prop_assert_eq!(read, written, "output:\n{}", out);
    } else {
        prop_assert_eq!(read.join(" "), written.join(" "), "output:\n{}", out);
    }
    Ok(())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=5000 for a longer search.

    #[test]
    fn markdown_round_trips_byte_for_byte(src in markdown_doc()) {
        identity_round_trip(verso::format::MARKDOWN, &src)?;
    }

    #[test]
    fn plain_text_round_trips_byte_for_byte(src in plain_doc()) {
        identity_round_trip(verso::format::PLAIN_TEXT, &src)?;
    }

    #[test]
    fn no_markdown_translation_changes_structure(
        (doc, targets) in markdown_doc()
            .prop_map(|s| reparse(verso::format::MARKDOWN, &s))
            .prop_flat_map(|d| { let t = hostile_targets(&d); (Just(d), t) })
    ) {
        hostile_keeps_structure(&doc, &targets)?;
    }

    #[test]
    fn no_plain_translation_changes_structure(
        (doc, targets) in plain_doc()
            .prop_map(|s| reparse(verso::format::PLAIN_TEXT, &s))
            .prop_flat_map(|d| { let t = hostile_targets(&d); (Just(d), t) })
    ) {
        hostile_keeps_structure(&doc, &targets)?;
    }
}

#[test]
fn every_example_round_trips_byte_for_byte() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("walk");
        let Some(format) = format::format_of(entry.path()) else {
            continue;
        };
        let src = std::fs::read_to_string(entry.path()).expect("read");
        identity_round_trip(format, &src).expect("round trip");
        seen += 1;
    }
    assert!(seen >= 4, "examples found: {seen}");
}

#[test]
fn a_target_with_block_syntax_stays_inside_its_block() {
    let src = "- first item\n- second item\n\nA paragraph.\n";
    let doc = reparse(verso::format::MARKDOWN, src);
    let targets = vec![
        Segment::parse_canonical("- nested?"),
        Segment::parse_canonical("# heading?\n\nnew paragraph?"),
        Segment::parse_canonical("1. list?"),
    ];
    let (out, _) = render_document(&doc, &targets, &[], None);
    assert_eq!(
        out,
        "- \\- nested?\n- \\# heading? new paragraph?\n\n1\\. list?\n"
    );
}
