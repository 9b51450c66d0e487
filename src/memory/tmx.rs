//! TMX 1.4b: the translation memory exchanged with CAT tools.
//!
//! Export writes one `<tu>` per stored translation, the source and target as `<tuv>`s whose
//! segments carry verso's placeholders as TMX inline codes (`<bpt>`/`<ept>` for paired
//! markup, `<ph>` for atoms, `<ph type="x-verso-name">` for glossary names), and verso's origin
//! and status as `<prop>`s. Import reads TMX 1.1 to 1.4b as the LISA compliance kit exercises
//! it — UTF-16 files, mixed-case language tags, `srclang="*all*"`, `<it>`, `<ut>`, `<hi>` and
//! `<sub>` — and turns codes back into placeholders, paired across the source and target by
//! their `x` (or `i`) attributes.

use std::collections::HashMap;

use crate::segment::{Piece, Segment};
use crate::xml::{self, Element, Node};

/// One translation read from a TMX file.
#[derive(Debug, Clone, PartialEq)]
pub struct TmxEntry {
    /// Source language (canonical BCP 47).
    pub source_lang: String,
    /// Target language.
    pub target_lang: String,
    /// Source segment.
    pub source: Segment,
    /// Target segment.
    pub target: Segment,
    /// `machine`, `reviewed` or `approved` (human memories default to `reviewed`).
    pub status: String,
    /// Who made it, when the file says.
    pub origin: Option<String>,
    /// When it was last changed (`changedate`, else `creationdate`), seconds since the epoch.
    pub changed_at: Option<i64>,
    /// The forms of its glossary names (verso's `<ph type="x-verso-name">` with their text).
    pub names: super::NameForms,
}

/// A TMX file that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct TmxError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// The TMX versions read (verso writes 1.4b).
const TMX_VERSIONS: &[&str] = &["1.1", "1.2", "1.3", "1.4", "1.4a", "1.4b"];

fn canonical_tag(tag: &str) -> String {
    crate::locale::parse(tag).map_or_else(|_| tag.to_string(), |t| t.to_string())
}

/// Reads a TMX document.
pub fn read(bytes: &[u8]) -> Result<(Vec<TmxEntry>, usize), TmxError> {
    let text = xml::decode(bytes).ok_or(TmxError {
        line: 0,
        reason: crate::i18n::render(&crate::msg!("xml-not-text")),
    })?;
    let root = xml::parse(&text, xml::Doctype::IgnoreExternal).map_err(|e| TmxError {
        line: e.line,
        reason: e.reason,
    })?;
    if root.local() != "tmx" {
        return Err(TmxError {
            line: root.line,
            reason: crate::i18n::render(&crate::msg!(
                "xml-wrong-root",
                found = root.local(),
                expected = "tmx"
            )),
        });
    }
    // 1.1 to 1.4b are read; another version (or none) is not guessed at.
    let version = root.attr_local("version").unwrap_or("").trim();
    if !TMX_VERSIONS.contains(&version) {
        return Err(TmxError {
            line: root.line,
            reason: crate::i18n::render(&crate::msg!("tmx-version", version = version)),
        });
    }
    let header_src = root
        .children_named("header")
        .next()
        .and_then(|h| h.attr_local("srclang"))
        .map(str::to_string);
    let body = root.children_named("body").next().ok_or(TmxError {
        line: root.line,
        reason: crate::i18n::render(&crate::msg!("tmx-no-body")),
    })?;
    let mut entries = Vec::new();
    let mut skipped = 0;
    for tu in body.children_named("tu") {
        let tuvs: Vec<(&Element, String)> = tu
            .children_named("tuv")
            .filter_map(|t| t.attr_local("lang").map(|l| (t, canonical_tag(l))))
            .collect();
        let src_lang = tu
            .attr_local("srclang")
            .map(str::to_string)
            .or_else(|| header_src.clone());
        let source = match src_lang.as_deref() {
            Some(l) if !l.eq_ignore_ascii_case("*all*") => {
                let want = canonical_tag(l).to_lowercase();
                tuvs.iter().find(|(_, tag)| tag.to_lowercase() == want)
            }
            _ => tuvs.first(),
        };
        let Some((source_tuv, source_lang)) = source else {
            skipped += 1;
            continue;
        };
        let props: HashMap<String, String> = tu
            .children_named("prop")
            .filter_map(|p| p.attr("type").map(|t| (t.to_string(), p.text())))
            .collect();
        let status = props
            .get("x-verso-status")
            .cloned()
            .unwrap_or_else(|| "reviewed".into());
        let changed_at = ["changedate", "creationdate"]
            .iter()
            .find_map(|a| tu.attr_local(a).and_then(parse_date));
        let mut codes = Codes::default();
        let Some(source_seg) = source_tuv.children_named("seg").next() else {
            skipped += 1;
            continue;
        };
        let source = codes.segment(source_seg);
        let source_names = std::mem::take(&mut codes.names);
        for (tuv, lang) in &tuvs {
            if std::ptr::eq(*tuv, *source_tuv) {
                continue;
            }
            let Some(seg) = tuv.children_named("seg").next() else {
                continue;
            };
            let mut target_codes = codes.clone();
            let target = target_codes.segment(seg);
            let names = (1..=source_names.keys().max().copied().unwrap_or(0))
                .map(|n| {
                    let form = |m: &HashMap<u32, String>| m.get(&n).cloned().unwrap_or_default();
                    (form(&source_names), form(&target_codes.names))
                })
                .collect();
            entries.push(TmxEntry {
                source_lang: source_lang.clone(),
                target_lang: lang.clone(),
                source: source.clone(),
                target,
                status: status.clone(),
                origin: props.get("x-verso-origin").cloned(),
                changed_at,
                names,
            });
        }
    }
    Ok((entries, skipped))
}

/// Numbers inline codes: a code seen again (by kind and `x`/`i`) gets the same placeholder id.
/// A numeric `x` is kept (verso writes its own ids there, names as 10000 + n), so verso's TMX
/// reads back under the same memory keys; other codes get the lowest free id.
#[derive(Debug, Clone, Default)]
struct Codes {
    ids: HashMap<(String, String), u32>,
    /// Ids in use: (is a name, id) — names and markup are numbered apart.
    taken: std::collections::HashSet<(bool, u32)>,
    /// Per kind, how many codes without `x`/`i` were seen in the segment being read.
    sequence: HashMap<String, u32>,
    /// In the segment being read: a `<bpt>`'s `i` → its id, for the `<ept>` that closes it.
    open: HashMap<String, u32>,
    /// In the segment being read: each name's id → the text its `<ph>` carries.
    names: HashMap<u32, String>,
}

impl Codes {
    fn id(&mut self, kind: &str, e: &Element) -> u32 {
        let raw = e.attr("x").or_else(|| e.attr("i"));
        let key = match raw {
            Some(k) => k.to_string(),
            None => {
                let n = self.sequence.entry(kind.to_string()).or_default();
                *n += 1;
                format!("#{n}")
            }
        };
        if let Some(&id) = self.ids.get(&(kind.to_string(), key.clone())) {
            return id;
        }
        let name = kind == "name";
        let wanted = raw
            .and_then(|r| r.parse::<u32>().ok())
            .map(|n| if name && n > 10_000 { n - 10_000 } else { n })
            .filter(|n| *n > 0 && !self.taken.contains(&(name, *n)));
        let id = wanted.unwrap_or_else(|| {
            (1..u32::MAX)
                .find(|n| !self.taken.contains(&(name, *n)))
                .unwrap_or(u32::MAX)
        });
        self.taken.insert((name, id));
        self.ids.insert((kind.to_string(), key), id);
        id
    }

    fn segment(&mut self, seg: &Element) -> Segment {
        self.sequence.clear();
        self.open.clear();
        self.names.clear();
        let mut pieces = Vec::new();
        self.content(seg, &mut pieces);
        Segment::from_pieces(pieces)
    }

    fn content(&mut self, e: &Element, out: &mut Vec<Piece>) {
        for node in &e.content {
            match node {
                Node::Text(t) => out.push(Piece::Text(t.clone())),
                Node::Element(c) => match c.local() {
                    "bpt" => {
                        let id = self.id("pair", c);
                        if let Some(i) = c.attr("i") {
                            self.open.insert(i.to_string(), id);
                        }
                        out.push(Piece::Open(id));
                    }
                    // An <ept> closes the <bpt> with its `i` in the same segment.
                    "ept" => {
                        let id = match c.attr("i").and_then(|i| self.open.get(i)) {
                            Some(id) => *id,
                            None => self.id("pair", c),
                        };
                        out.push(Piece::Close(id));
                    }
                    "ph" if c.attr("type") == Some("x-verso-name") => {
                        let id = self.id("name", c);
                        let text = c.all_text();
                        if !text.is_empty() {
                            self.names.insert(id, text);
                        }
                        out.push(Piece::Name(id))
                    }
                    "ph" | "it" | "ut" => out.push(Piece::Atom(self.id("atom", c))),
                    // Highlighting wraps text that is translated.
                    "hi" => self.content(c, out),
                    _ => {} // <sub> holds text of the code, not of the segment
                },
            }
        }
    }
}

/// A segment as TMX, names written as what they are (`source`: the source forms, else the
/// target forms), so other tools read "Budanov", not an empty code.
fn segment_xml(seg: &Segment, names: &[(String, String)], source: bool) -> String {
    let mut out = String::from("<seg>");
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => out.push_str(&xml::escape(t)),
            Piece::Open(id) => out.push_str(&format!("<bpt i=\"{id}\" x=\"{id}\"></bpt>")),
            Piece::Close(id) => out.push_str(&format!("<ept i=\"{id}\"></ept>")),
            Piece::Atom(id) => out.push_str(&format!("<ph x=\"{id}\"></ph>")),
            Piece::Name(id) => {
                let form = usize::try_from(*id)
                    .ok()
                    .and_then(|n| names.get(n.checked_sub(1)?))
                    .map_or("", |(s, t)| if source { s } else { t });
                out.push_str(&format!(
                    "<ph x=\"{}\" type=\"x-verso-name\">{}</ph>",
                    10_000 + id,
                    xml::escape(form)
                ))
            }
        }
    }
    out.push_str("</seg>");
    out
}

/// A TMX date (`YYYYMMDDThhmmssZ`) as seconds since the epoch.
fn parse_date(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.len() != 16 || !t.is_char_boundary(8) || &t[8..9] != "T" || !t.ends_with('Z') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| t.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    // Days since the epoch of a civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss)
}

fn tmx_date(secs: i64) -> String {
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Writes TMX 1.4b.
pub fn write(entries: &[super::StoredEntry]) -> String {
    let mut langs: Vec<&str> = entries.iter().map(|e| e.source_lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    let srclang = match langs[..] {
        [one] => one.to_string(),
        _ => "*all*".to_string(),
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"verso\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"verso\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        xml::escape(&srclang)
    );
    for e in entries {
        let date = tmx_date(e.updated_at);
        out.push_str(&format!(
            "    <tu srclang=\"{}\" changedate=\"{date}\">\n",
            xml::escape(&e.source_lang)
        ));
        out.push_str(&format!(
            "      <prop type=\"x-verso-origin\">{}</prop>\n",
            xml::escape(&e.origin)
        ));
        out.push_str(&format!(
            "      <prop type=\"x-verso-status\">{}</prop>\n",
            xml::escape(&e.status)
        ));
        out.push_str(&format!(
            "      <tuv xml:lang=\"{}\">{}</tuv>\n",
            xml::escape(&e.source_lang),
            segment_xml(&e.source, &e.names, true)
        ));
        out.push_str(&format!(
            "      <tuv xml:lang=\"{}\">{}</tuv>\n",
            xml::escape(&e.target_lang),
            segment_xml(&e.target, &e.names, false)
        ));
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::StoredEntry;

    #[test]
    fn write_then_read_keeps_segments_codes_and_status() {
        let entry = StoredEntry {
            source_lang: "en".into(),
            target_lang: "es".into(),
            source: Segment::parse_canonical("The <1>red</1> house <2/> of <n1/> & co"),
            target: Segment::parse_canonical("La casa <1>roja</1> <2/> de <n1/> & co"),
            origin: "review".into(),
            status: "approved".into(),
            updated_at: 1_764_370_800,
            names: vec![("Kyrylo Budanov".into(), "Kyrylo Budanow".into())],
        };
        let text = write(std::slice::from_ref(&entry));
        assert!(text.contains("changedate=\"20251128T230000Z\""), "{text}");
        // Names are written as what they are, each side in its own form.
        assert!(
            text.contains(">Kyrylo Budanov</ph>") && text.contains(">Kyrylo Budanow</ph>"),
            "{text}"
        );
        let (read_back, skipped) = read(text.as_bytes()).expect("reads");
        assert_eq!(skipped, 0);
        assert_eq!(read_back.len(), 1);
        let r = &read_back[0];
        assert_eq!(
            (
                r.source_lang.as_str(),
                r.target_lang.as_str(),
                r.status.as_str()
            ),
            ("en", "es", "approved")
        );
        // verso's own ids come back as they were: the memory keys are the same.
        assert_eq!(r.source, entry.source);
        assert_eq!(r.target, entry.target);
        assert_eq!(r.source.key(), entry.source.key());
        assert_eq!(r.changed_at, Some(entry.updated_at));
        assert_eq!(r.names, entry.names);
    }

    #[test]
    fn lisa_style_inline_codes_and_language_tags() {
        let text = r#"<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><header srclang="*all*"/><body>
<tu><tuv xml:lang="eN-uS"><seg>A <bpt i="1" x="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> <hi>word</hi><ph>&lt;br/&gt;</ph></seg></tuv>
<tuv lang="fR-cA"><seg><bpt i="5" x="1">&lt;b&gt;</bpt>Un<ept i="5">&lt;/b&gt;</ept> mot<ph>&lt;br/&gt;</ph></seg></tuv></tu></body></tmx>"#;
        let (entries, _) = read(text.as_bytes()).expect("reads");
        assert_eq!(
            (
                entries[0].source_lang.as_str(),
                entries[0].target_lang.as_str()
            ),
            ("en-US", "fr-CA")
        );
        assert_eq!(entries[0].source.canonical(), "A <1>bold</1> word<2/>");
        assert_eq!(entries[0].target.canonical(), "<1>Un</1> mot<2/>");
    }
}
