use super::*;
use crate::document::Document;
use crate::restore::render_document;
use crate::segment::{Piece, Segment};

fn parse(src: &str) -> Document {
    HTML.parse(src.to_string(), &ReadOptions::default())
}

fn seg(text: &str) -> Segment {
    Segment {
        pieces: vec![Piece::Text(text.to_string())],
    }
}

fn blocks(doc: &Document) -> Vec<(String, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.label(), b.plain_text()))
        .collect()
}

/// The page written with its text upper-cased; no placeholder lost.
fn shout(doc: &Document, target: Option<&str>) -> String {
    let (text, problems) = crate::format::testing::shout(doc, target);
    assert!(problems.is_empty(), "{problems:?}");
    text
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods &amp; storms</title>
  <meta name="description" content="What the floods cost">
  <meta property="og:image" content="https://example.org/a.jpg">
  <script type="application/ld+json">{"headline": "Floods"}</script>
  <style>p { color: red }</style>
</head>
<body>
<!-- navigation -->
<nav><ul><li><a href="/">Home</a><li><a href="/world" title="World news">World</a></ul></nav>
<article>
  <h1 class=title>Rivers rise in the north</h1>
  <p>The river rose <strong>two metres</strong> overnight, the <a href="https://example.org">agency</a>
     said on Tuesday.</p>
  <figure><img src="a.jpg" alt="A flooded street"><figcaption>Water in the town centre</figcaption></figure>
  <p>Run <code>make&nbsp;all</code> and <span translate="no">Acme Corp</span> &mdash; done.</p>
  <pre>keep   this</pre>
  <blockquote><p>We lost everything</p></blockquote>
  Prose directly inside the article.
</article>
</body>
</html>
"#;

#[test]
fn a_page_is_read_into_the_blocks_a_reader_sees() {
    let doc = parse(PAGE);
    assert_eq!(doc.render_source(), PAGE);
    let got = blocks(&doc);
    let want = [
        ("title", "Floods & storms"),
        ("meta:description", "What the floods cost"),
        ("list-item-1", "Home"),
        ("list-item-1", "World"),
        ("attribute:title", "World news"),
        ("heading-1", "Rivers rise in the north"),
        (
            "paragraph",
            "The river rose two metres overnight, the agency said on Tuesday.",
        ),
        ("image-alt", "A flooded street"),
        ("caption", "Water in the town centre"),
        ("paragraph", "Run and — done."),
        ("quote", "We lost everything"),
        ("paragraph", "Prose directly inside the article."),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    // The link's title is nested in its list item; the image's alt stands alone.
    assert_eq!(doc.blocks[4].parent, Some(3));
    assert_eq!(doc.blocks[7].parent, None);
}

#[test]
fn only_translated_text_changes_and_the_page_gets_the_target_language() {
    let doc = parse(PAGE);
    let out = shout(&doc, Some("es"));
    assert!(out.contains(r#"<html lang="es">"#), "{out}");
    assert!(out.contains("<title>FLOODS &amp; STORMS</title>"), "{out}");
    assert!(out.contains(r#"content="WHAT THE FLOODS COST""#));
    assert!(out.contains(r#"content="https://example.org/a.jpg""#));
    assert!(out.contains(r#"{"headline": "Floods"}"#));
    assert!(out.contains(r#"<a href="/world" title="WORLD NEWS">WORLD</a>"#), "{out}");
    assert!(out.contains("<h1 class=title>RIVERS RISE IN THE NORTH</h1>"));
    assert!(out.contains(r#"alt="A FLOODED STREET""#));
    assert!(out.contains("<code>make&nbsp;all</code>"));
    assert!(out.contains(r#"<span translate="no">Acme Corp</span>"#));
    assert!(out.contains("<pre>keep   this</pre>"));
    assert!(out.contains("<!-- navigation -->"));
    // The paragraph that spanned two lines is wrapped again, with its indentation.
    assert!(
        out.contains("<p>THE RIVER ROSE <strong>TWO METRES</strong> OVERNIGHT, THE <a href=\"https://example.org\">AGENCY</a>\n     SAID ON TUESDAY.</p>"),
        "{out}"
    );
    // Without a target (an engine that copies the source), the language stays.
    assert!(shout(&doc, None).contains(r#"<html lang="en">"#));
}

#[test]
fn a_right_to_left_target_gets_dir_and_a_page_without_lang_gets_one() {
    let doc = parse("<html><body><p>Hello</p></body></html>");
    assert_eq!(
        shout(&doc, Some("ar")),
        r#"<html lang="ar" dir="rtl"><body><p>HELLO</p></body></html>"#
    );
    let doc = parse(r#"<html dir=ltr xml:lang='en'><p>Hi</p>"#);
    assert_eq!(shout(&doc, Some("he")), r#"<html dir=rtl xml:lang='he'><p>HI</p>"#);
    assert_eq!(shout(&doc, Some("de")), r#"<html dir=ltr xml:lang='de'><p>HI</p>"#);
}

#[test]
fn text_in_another_language_than_the_pages_is_kept() {
    let src = r#"<html lang="en-GB"><link rel="alternate" hreflang="an" title="aragonés"><link rel="alternate" type="application/rss+xml" title="News feed"><p>Pick one:</p><select><option lang="de" title="Deutsch">Deutsch</option><option lang="en-US">English</option></select><p>She said <q lang=fr>bonjour</q> twice.</p>"#;
    let got = blocks(&parse(src));
    let want = [
        ("attribute:title", "News feed"),
        ("paragraph", "Pick one:"),
        ("option", "English"),
        ("paragraph", "She said twice."),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    // A fragment's first `lang` is its own language; the source language, when known, rules.
    let fragment = r#"<div lang="en"><p>Hello <span lang="fr">bonjour</span></p></div>"#;
    assert_eq!(blocks(&parse(fragment)), [("paragraph".to_string(), "Hello".to_string())]);
    let options = ReadOptions {
        source_language: Some("fr".into()),
        ..ReadOptions::default()
    };
    let doc = HTML.parse(fragment.to_string(), &options);
    assert_eq!(doc.blocks.len(), 0, "all of it is English, not the French source's");
}

#[test]
fn translations_are_escaped_for_where_they_go() {
    let src = r#"<p title='it is' data-x=1>Tom &amp; Jerry</p><img alt=cat>"#;
    let doc = parse(src);
    let targets: Vec<Segment> = doc
        .blocks
        .iter()
        .map(|b| match b.kind.label().as_str() {
            "paragraph" => seg("Tom & <Jerry> \"live\""),
            "attribute:title" => seg("it's \"so\""),
            _ => seg("a \"big\" cat"),
        })
        .collect();
    let (out, _) = render_document(&doc, &targets, &[], None);
    assert_eq!(
        out,
        r#"<p title='it&#39;s "so"' data-x=1>Tom &amp; &lt;Jerry&gt; "live"</p><img alt="a &quot;big&quot; cat">"#
    );
    // A page in another charset gets references for what it cannot hold.
    let doc = parse(r#"<meta charset="iso-8859-1"><p>Cafe</p>"#);
    let (out, _) = render_document(&doc, &[seg("Café ñ")], &[], None);
    assert_eq!(out, r#"<meta charset="iso-8859-1"><p>Caf&#xE9; &#xF1;</p>"#);
}

#[test]
fn broken_markup_keeps_its_bytes_and_pairs_stay_nested() {
    for src in [
        "<p>one <b>two <i>three</b> four</i></p>",
        "<p>stray </span> close and <em>never closed",
        "<div>a < b & c <3 </div>",
        "<li>first<li>second<p>third",
        "<p title=\"unterminated>text",
        "</p></p><p>",
        "<table><tr><td>a<td>b<tr><td>c</table>",
    ] {
        let doc = parse(src);
        assert_eq!(doc.render_source(), src, "{src}");
        // Shouting must not lose or duplicate any placeholder (text it rewrites is escaped:
        // a bare `<` or `&` is written as a reference).
        let out = shout(&doc, None).replace("&lt;", "<").replace("&amp;", "&");
        assert_eq!(out.to_lowercase(), src.to_lowercase(), "{src}");
    }
    assert_eq!(
        blocks(&parse("<table><tr><td>a<td>b<tr><td>c</table>")),
        ["a", "b", "c"].map(|t| ("table-cell".to_string(), t.to_string()))
    );
    assert_eq!(
        blocks(&parse("<ul><li>first<li>second<ul><li>inner</ul></ul>")),
        [("list-item-1", "first"), ("list-item-1", "second"), ("list-item-2", "inner")]
            .map(|(k, t)| (k.to_string(), t.to_string()))
    );
}

#[test]
fn deep_or_huge_input_is_read_in_one_pass() {
    let deep = "<div><span>".repeat(20_000) + "text";
    let doc = parse(&deep);
    assert_eq!(doc.render_source(), deep);
    let many = "<p>a &amp; b</p>\n".repeat(20_000);
    assert_eq!(parse(&many).blocks.len(), 20_000);
    // Unclosed atoms, and list items under a deep stack: each looks no further than it must.
    let unclosed = "<p>x <code>y ".repeat(20_000);
    assert_eq!(parse(&unclosed).render_source(), unclosed);
    let deep_list = "<div>".repeat(5_000) + &"<li>item".repeat(20_000);
    let doc = parse(&deep_list);
    assert_eq!(doc.render_source(), deep_list);
    assert_eq!(doc.blocks.len(), 20_000);
}
