//! XLIFF 2.1 and 1.2: articles out to CAT tools, reviewed translations back.
//!
//! Export writes one unit per block and one segment per sentence (when source and target have
//! as many sentences; otherwise the block is one segment). verso's placeholders become inline
//! codes — `<pc>`/`<ph>` in 2.1, `<g>`/`<x>` in 1.2; glossary names are `<ph id="nN">` /
//! `<x id="nN">` with their target form as `disp`/`equiv-text` — glossary matches and findings
//! become notes, and the state tells machine output (`translated`) from reviewed and approved
//! (`final`) work.
//!
//! Import reads XLIFF 2.x and 1.2 (verso's and other tools': `<pc>`, `<ph>`, `<sc>`/`<ec>`,
//! `<mrk>`, `<cp>`; `<g>`, `<x>`, `<bx>`/`<ex>`, `<bpt>`/`<ept>`, `<ph>`, `<it>`), and checks
//! that every inline code of a unit's source comes back exactly once in its target. A broken
//! code is an error naming the unit, and nothing of that file is stored.

use std::collections::HashMap;

use crate::msg;
use crate::segment::{Piece, Segment};
use crate::sentences::Sentences;
use crate::xml::{self, Element, Node};

/// How far a unit's translation has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// No translation yet.
    Initial,
    /// Machine translation.
    Translated,
    /// Looked at by a person.
    Reviewed,
    /// Approved.
    Final,
}

impl State {
    fn v2(self) -> &'static str {
        match self {
            State::Initial => "initial",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
            State::Final => "final",
        }
    }

    fn v12(self) -> &'static str {
        match self {
            State::Initial => "new",
            State::Translated => "translated",
            State::Reviewed => "signed-off",
            State::Final => "final",
        }
    }

    /// From a memory status (`machine`, `reviewed`, `approved`) or none.
    pub fn from_status(status: Option<&str>) -> State {
        match status {
            None => State::Initial,
            Some("approved") => State::Final,
            Some("reviewed") => State::Reviewed,
            Some(_) => State::Translated,
        }
    }

    fn parse(s: &str) -> State {
        match s {
            "final" => State::Final,
            "reviewed" | "signed-off" => State::Reviewed,
            "initial" | "new" | "needs-translation" => State::Initial,
            _ => State::Translated,
        }
    }
}

/// One block to export.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Unit id (`b` + block index).
    pub id: String,
    /// The block kind (`heading-1`, `list-item-2`).
    pub name: String,
    /// The protected source.
    pub source: Segment,
    /// The translation, if there is one.
    pub target: Option<Segment>,
    /// Target forms of the glossary names (`Piece::Name(n)` is `names[n - 1]`).
    pub names: Vec<String>,
    /// The names as the source writes them.
    pub source_names: Vec<String>,
    /// Its state.
    pub state: State,
    /// Notes: (category, text) — `glossary`, `check`.
    pub notes: Vec<(String, String)>,
}

fn inline_v2(seg: &Segment, names: &[String]) -> String {
    let mut out = String::new();
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => out.push_str(&xml::escape(t)),
            // verso needs every code back: none may be deleted.
            Piece::Open(id) => out.push_str(&format!("<pc id=\"{id}\" canDelete=\"no\">")),
            Piece::Close(_) => out.push_str("</pc>"),
            Piece::Atom(id) => out.push_str(&format!("<ph id=\"{id}\" canDelete=\"no\"/>")),
            // A name is text the translator must not change: shown and equivalent to its form
            // in this language.
            Piece::Name(id) => {
                let text = xml::escape(super::model::name_text(names, *id));
                out.push_str(&format!(
                    "<ph id=\"n{id}\" disp=\"{text}\" equiv=\"{text}\" canDelete=\"no\"/>"
                ));
            }
        }
    }
    out
}

fn inline_v12(seg: &Segment, names: &[String]) -> String {
    let mut out = String::new();
    for p in &seg.pieces {
        match p {
            Piece::Text(t) => out.push_str(&xml::escape(t)),
            Piece::Open(id) => out.push_str(&format!("<g id=\"{id}\">")),
            Piece::Close(_) => out.push_str("</g>"),
            Piece::Atom(id) => out.push_str(&format!("<x id=\"{id}\"/>")),
            Piece::Name(id) => {
                let equiv = xml::escape(super::model::name_text(names, *id));
                out.push_str(&format!("<x id=\"n{id}\" equiv-text=\"{equiv}\"/>"));
            }
        }
    }
    out
}

/// Writes XLIFF 2.1 for one article.
pub fn write_v2(original: &str, source_lang: &str, target_lang: &str, units: &[Unit]) -> String {
    let (ssplit, tsplit) = (Sentences::new(source_lang), Sentences::new(target_lang));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"{}\" trgLang=\"{}\">\n  <file id=\"f1\" original=\"{}\">\n",
        xml::escape(source_lang),
        xml::escape(target_lang),
        xml::escape(original)
    );
    for u in units {
        out.push_str(&format!(
            "    <unit id=\"{}\" name=\"{}\">\n",
            xml::escape(&u.id),
            xml::escape(&u.name)
        ));
        if !u.notes.is_empty() {
            out.push_str("      <notes>\n");
            for (category, text) in &u.notes {
                out.push_str(&format!(
                    "        <note category=\"{}\">{}</note>\n",
                    xml::escape(category),
                    xml::escape(text)
                ));
            }
            out.push_str("      </notes>\n");
        }
        let sources = ssplit.segments(&u.source);
        let targets = u.target.as_ref().map(|t| tsplit.segments(t));
        let paired: Vec<(Segment, Option<Segment>)> = match targets {
            Some(ts) if ts.len() == sources.len() => {
                sources.into_iter().zip(ts.into_iter().map(Some)).collect()
            }
            Some(_) => vec![(u.source.clone(), u.target.clone())],
            None => sources.into_iter().map(|s| (s, None)).collect(),
        };
        for (i, (s, t)) in paired.iter().enumerate() {
            out.push_str(&format!(
                "      <segment id=\"{}-s{}\" state=\"{}\">\n",
                xml::escape(&u.id),
                i + 1,
                u.state.v2()
            ));
            out.push_str(&format!(
                "        <source xml:space=\"preserve\">{}</source>\n",
                inline_v2(s, &u.source_names)
            ));
            if let Some(t) = t {
                out.push_str(&format!(
                    "        <target xml:space=\"preserve\">{}</target>\n",
                    inline_v2(t, &u.names)
                ));
            }
            out.push_str("      </segment>\n");
        }
        out.push_str("    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

/// Writes XLIFF 1.2 for one article: one trans-unit per block.
pub fn write_v12(original: &str, source_lang: &str, target_lang: &str, units: &[Unit]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\">\n    <body>\n",
        xml::escape(original),
        xml::escape(source_lang),
        xml::escape(target_lang)
    );
    for u in units {
        out.push_str(&format!(
            "      <trans-unit id=\"{}\" resname=\"{}\" xml:space=\"preserve\">\n",
            xml::escape(&u.id),
            xml::escape(&u.name)
        ));
        out.push_str(&format!(
            "        <source>{}</source>\n",
            inline_v12(&u.source, &u.source_names)
        ));
        if let Some(t) = &u.target {
            out.push_str(&format!(
                "        <target state=\"{}\">{}</target>\n",
                u.state.v12(),
                inline_v12(t, &u.names)
            ));
        }
        for (category, text) in &u.notes {
            out.push_str(&format!(
                "        <note from=\"verso-{}\">{}</note>\n",
                xml::escape(category),
                xml::escape(text)
            ));
        }
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

/// A unit read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadUnit {
    /// The unit id.
    pub id: String,
    /// The source, segments joined.
    pub source: Segment,
    /// The target, segments joined (`None` when the file has none).
    pub target: Option<Segment>,
    /// The state.
    pub state: State,
}

/// A file read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    /// Source language.
    pub source_lang: String,
    /// Target language.
    pub target_lang: String,
    /// Units in order.
    pub units: Vec<ReadUnit>,
}

/// An XLIFF file that cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub struct XliffError {
    /// 1-based line.
    pub line: usize,
    /// The unit, when one is at fault.
    pub unit: Option<String>,
    /// What is wrong.
    pub reason: String,
}

/// Inline code ids of one unit: numbers stay, other ids get numbers, the same in source and
/// target. Also notes which codes a target may leave out.
#[derive(Default)]
struct Ids {
    map: HashMap<String, u32>,
    v2: bool,
    deletable: std::collections::HashSet<String>,
}

impl Ids {
    fn number(&mut self, id: &str) -> u32 {
        if let Ok(n) = id.parse::<u32>() {
            return n;
        }
        let next = 1000 + self.map.len() as u32;
        *self.map.entry(id.to_string()).or_insert(next)
    }

    fn piece_for_ph(&mut self, id: &str) -> Piece {
        match id.strip_prefix('n').and_then(|n| n.parse::<u32>().ok()) {
            Some(n) => Piece::Name(n),
            None => Piece::Atom(self.number(id)),
        }
    }
}

fn content(e: &Element, ids: &mut Ids, out: &mut Vec<Piece>) {
    for node in &e.content {
        match node {
            Node::Text(t) => out.push(Piece::Text(t.clone())),
            Node::Element(c) => {
                let id = c.attr("id").unwrap_or_default();
                // XLIFF 2: a code without canDelete="no" may be left out of a target.
                let deletable = ids.v2 && c.attr("canDelete") != Some("no");
                let before = out.len();
                match c.local() {
                    "ph" | "x" | "it" => out.push(ids.piece_for_ph(id)),
                    "pc" | "g" => {
                        let n = ids.number(id);
                        out.push(Piece::Open(n));
                        content(c, ids, out);
                        out.push(Piece::Close(n));
                    }
                    "sc" | "bx" | "bpt" => out.push(Piece::Open(ids.number(id))),
                    "ec" | "ex" | "ept" => {
                        let r = c.attr("startRef").or_else(|| c.attr("rid")).unwrap_or(id);
                        out.push(Piece::Close(ids.number(r)));
                    }
                    "cp" => {
                        if let Some(ch) = c
                            .attr("hex")
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32)
                        {
                            out.push(Piece::Text(ch.to_string()));
                        }
                    }
                    "sm" | "em" | "sub" => {}
                    _ => content(c, ids, out), // <mrk> and other annotations wrap text
                }
                if deletable {
                    let keys: Vec<String> = out[before..].iter().filter_map(Piece::token).collect();
                    ids.deletable.extend(keys);
                }
            }
        }
    }
}

/// What is wrong with a target's inline codes, if anything: a source code that may not be
/// deleted is missing, or a source code is doubled. Codes only in the target (XLIFF 2 lets a
/// translator add them) are accepted; restoring ignores ids the source does not have.
fn code_problem(
    source: &[Piece],
    target: &[Piece],
    deletable: &std::collections::HashSet<String>,
) -> Option<String> {
    let keys = |pieces: &[Piece]| pieces.iter().filter_map(Piece::token).collect::<Vec<_>>();
    let (s, t) = (keys(source), keys(target));
    let count = |list: &[String], k: &String| list.iter().filter(|x| *x == k).count();
    for k in &s {
        let (in_source, in_target) = (count(&s, k), count(&t, k));
        if in_target < in_source && !deletable.contains(k) {
            return Some(crate::i18n::render(&msg!("xliff-code-missing", code = k)));
        }
        if in_target > in_source {
            return Some(crate::i18n::render(&msg!("xliff-code-doubled", code = k)));
        }
    }
    None
}

/// Reads XLIFF 2.x or 1.2.
pub fn read(bytes: &[u8]) -> Result<ReadFile, XliffError> {
    let err = |line: usize, unit: Option<String>, reason: String| XliffError { line, unit, reason };
    let text = xml::decode(bytes)
        .ok_or_else(|| err(0, None, crate::i18n::render(&msg!("xml-not-text"))))?;
    let root =
        xml::parse(&text, xml::Doctype::IgnoreExternal).map_err(|e| err(e.line, None, e.reason))?;
    if root.local() != "xliff" {
        return Err(err(
            root.line,
            None,
            crate::i18n::render(&msg!(
                "xml-wrong-root",
                found = root.local(),
                expected = "xliff"
            )),
        ));
    }
    let version = root.attr("version").unwrap_or("");
    let v2 = version.starts_with('2');
    if !v2 && !version.starts_with('1') {
        return Err(err(
            root.line,
            None,
            crate::i18n::render(&msg!("xliff-version", version = version)),
        ));
    }
    let mut file = ReadFile {
        source_lang: root.attr("srcLang").unwrap_or_default().to_string(),
        target_lang: root.attr("trgLang").unwrap_or_default().to_string(),
        units: Vec::new(),
    };
    for f in root.children_named("file") {
        if !v2 {
            file.source_lang = f.attr("source-language").unwrap_or_default().to_string();
            file.target_lang = f.attr("target-language").unwrap_or_default().to_string();
        }
        let units: Vec<&Element> = f
            .descendants()
            .into_iter()
            .filter(|e| e.local() == if v2 { "unit" } else { "trans-unit" })
            .collect();
        for u in units {
            let id = u.attr("id").unwrap_or_default().to_string();
            let mut ids = Ids {
                v2,
                ..Ids::default()
            };
            let (mut source, mut state) = (Vec::new(), None);
            let mut target: Option<Vec<Piece>> = Some(Vec::new());
            let fail = |reason: String| err(u.line, Some(id.clone()), reason);
            if v2 {
                // Segments and ignorables in order; targets in their `order` when given. The
                // unit has a translation only when every segment has one.
                let mut ordered: Vec<(usize, Vec<Piece>)> = Vec::new();
                for (i, part) in u
                    .children()
                    .filter(|c| matches!(c.local(), "segment" | "ignorable"))
                    .enumerate()
                {
                    let mut src = Vec::new();
                    if let Some(s) = part.children_named("source").next() {
                        content(s, &mut ids, &mut src);
                    }
                    match part.children_named("target").next() {
                        Some(tg) => {
                            let mut t = Vec::new();
                            content(tg, &mut ids, &mut t);
                            if let Some(problem) = code_problem(&src, &t, &ids.deletable) {
                                return Err(fail(problem));
                            }
                            let order = tg
                                .attr("order")
                                .and_then(|o| o.parse::<usize>().ok())
                                .unwrap_or(i + 1);
                            ordered.push((order, t));
                        }
                        // An ignorable without target keeps its source text in the target.
                        None if part.local() == "ignorable" => ordered.push((i + 1, src.clone())),
                        None => target = None,
                    }
                    if part.local() == "segment" {
                        let s = State::parse(part.attr("state").unwrap_or("initial"));
                        state = Some(state.map_or(s, |prev| least(prev, s)));
                    }
                    source.extend(src);
                }
                ordered.sort_by_key(|(o, _)| *o);
                if let Some(t) = target.as_mut() {
                    t.extend(ordered.into_iter().flat_map(|(_, t)| t));
                }
            } else {
                if let Some(s) = u.children_named("source").next() {
                    content(s, &mut ids, &mut source);
                }
                match u.children_named("target").next() {
                    Some(tg) => {
                        let mut t = Vec::new();
                        content(tg, &mut ids, &mut t);
                        if let Some(problem) = code_problem(&source, &t, &ids.deletable) {
                            return Err(fail(problem));
                        }
                        state = Some(State::parse(tg.attr("state").unwrap_or("translated")));
                        target = Some(t);
                    }
                    None => target = None,
                }
            }
            let has_segments = !v2 || u.children().any(|c| c.local() == "segment");
            let source = Segment::from_pieces(source);
            let target = target.filter(|_| has_segments).map(Segment::from_pieces);
            file.units.push(ReadUnit {
                id,
                source,
                target,
                state: state.unwrap_or(State::Initial),
            });
        }
    }
    Ok(file)
}

/// The less advanced of two states: a unit is only as final as its least final segment.
fn least(a: State, b: State) -> State {
    let rank = |s: State| match s {
        State::Initial => 0,
        State::Translated => 1,
        State::Reviewed => 2,
        State::Final => 3,
    };
    if rank(a) <= rank(b) { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit() -> Unit {
        Unit {
            id: "b3".into(),
            name: "paragraph".into(),
            source: Segment::parse_canonical(
                "Dr. Park met <n1/> in <1>the old town</1>. He left at <2/> & went home.",
            ),
            target: Some(Segment::parse_canonical(
                "El Dr. Park vio a <n1/> en <1>el casco antiguo</1>. Se fue a las <2/> y volvió.",
            )),
            names: vec!["Seúl".into()],
            source_names: vec!["Seoul".into()],
            state: State::Translated,
            notes: vec![("glossary".into(), "seoul: Seoul → Seúl".into())],
        }
    }

    #[test]
    fn v2_round_trip_with_sentence_segments_codes_and_names() {
        let text = write_v2("a.md", "en", "es", &[unit()]);
        assert_eq!(
            text.matches("<segment ").count(),
            2,
            "two sentences each side:\n{text}"
        );
        assert!(
            text.contains("<source xml:space=\"preserve\">Dr. Park met <ph id=\"n1\" disp=\"Seoul\" equiv=\"Seoul\" canDelete=\"no\"/>")
                && text.contains("<ph id=\"n1\" disp=\"Seúl\" equiv=\"Seúl\" canDelete=\"no\"/>")
                && text.contains("<pc id=\"1\" canDelete=\"no\">"),
            "{text}"
        );
        let back = read(text.as_bytes()).expect("reads");
        assert_eq!(
            (back.source_lang.as_str(), back.target_lang.as_str()),
            ("en", "es")
        );
        let u = &back.units[0];
        assert_eq!(u.source, unit().source);
        assert_eq!(u.target, unit().target);
        assert_eq!(u.state, State::Translated);
    }

    #[test]
    fn v12_round_trip() {
        let mut un = unit();
        un.state = State::Final;
        let text = write_v12("a.md", "en", "es", &[un.clone()]);
        assert!(
            text.contains("<g id=\"1\">") && text.contains("<x id=\"n1\" equiv-text=\"Seúl\"/>"),
            "{text}"
        );
        let back = read(text.as_bytes()).expect("reads");
        assert_eq!(back.units[0].source, un.source);
        assert_eq!(back.units[0].target, un.target);
        assert_eq!(back.units[0].state, State::Final);
    }

    #[test]
    fn a_broken_code_names_the_unit() {
        let text = write_v2("a.md", "en", "es", &[unit()])
            .replace("<ph id=\"2\" canDelete=\"no\"/> y", "y");
        let e = read(text.as_bytes()).expect_err("broken code");
        assert_eq!(e.unit.as_deref(), Some("b3"));
        assert!(e.reason.contains("<2/>"), "{}", e.reason);
        let doubled = write_v12("a.md", "en", "es", &[unit()])
            .replace("<x id=\"2\"/> y", "<x id=\"2\"/><x id=\"2\"/> y");
        let e = read(doubled.as_bytes()).expect_err("doubled code");
        assert!(e.reason.contains("doubled"), "{}", e.reason);
        // XLIFF 2 codes that may be deleted can be left out.
        let deletable = write_v2("a.md", "en", "es", &[unit()])
            .replace("<ph id=\"2\" canDelete=\"no\"/>", "<ph id=\"2\"/>")
            .replace("<ph id=\"2\"/> y", "y");
        assert!(read(deletable.as_bytes()).is_ok());
    }
}
