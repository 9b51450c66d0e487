//! TBX import and export: v3 (ISO 30042:2019, DCA style: `conceptEntry/langSec/termSec`) in
//! its TBX-Core, TBX-Basic and TBX-Min dialects, and v2 (`martif`: `termEntry/langSet/tig`).
//!
//! Files are read into a small element tree and checked against the structure rules of their
//! dialect before anything is imported, so a bad file fails with what is wrong and on which
//! line, and nothing of it is used. DTDs are refused and entities other than XML's five and
//! character references are errors: nothing is ever fetched.
//!
//! Status mapping: `preferred`/`preferredTerm-admn-sts` → preferred; `admitted`/
//! `admittedTerm-admn-sts` → admitted; `deprecated`, `superseded`, `notRecommended`,
//! `obsolete` → forbidden. `partOfSpeech` `properNoun` marks a name. verso's own fields that
//! TBX has no data category for (kind, do-not-translate, case-sensitive, context words) travel
//! in a concept-level `<note>` starting with `verso:`, so native → TBX → native loses nothing.

use std::path::Path;

use super::{Concept, Glossary, GlossaryError, Kind, LoadOptions, Origin, Status, Term, TermType};
use crate::xml::{self, Element};

fn parse_tree(text: &str, path: &Path) -> Result<Element, GlossaryError> {
    xml::parse(text, xml::Doctype::Refuse).map_err(|e| GlossaryError::at(path, e.line, e.reason))
}

/// Which TBX this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Core,
    Basic,
    Min,
    /// TBX v2 `martif`.
    Martif,
}

/// Reads a TBX file (v3 or v2).
pub fn parse(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Glossary, GlossaryError> {
    let text = xml::decode(bytes).ok_or_else(|| {
        GlossaryError::at(path, 0, crate::i18n::render(&crate::msg!("xml-not-text")))
    })?;
    let root = parse_tree(&text, path)?;
    let dialect = match (root.local(), root.attr("type")) {
        ("martif", _) => Dialect::Martif,
        ("tbx", Some("TBX-Min")) => Dialect::Min,
        ("tbx", Some("TBX-Basic")) => Dialect::Basic,
        ("tbx", _) => Dialect::Core,
        (other, _) => {
            return Err(GlossaryError::at(
                path,
                root.line,
                crate::glossary::reason(crate::msg!("tbx-root", found = other)),
            ));
        }
    };
    let mut problems = Vec::new();
    validate(&root, dialect, &mut Vec::new(), &mut problems);
    if let Some((line, first)) = problems.first() {
        // Every problem with its line, so one pass fixes the file (the first ten).
        let mut reason = first.clone();
        for (l, p) in problems.iter().skip(1).take(9) {
            reason.push_str(&crate::glossary::reason(crate::msg!(
                "tbx-problem-at",
                line = *l,
                problem = p
            )));
        }
        if problems.len() > 10 {
            reason.push_str(&crate::glossary::reason(crate::msg!(
                "tbx-more-problems",
                count = problems.len() - 10
            )));
        }
        return Err(GlossaryError::at(path, *line, reason));
    }
    let body = root
        .children_named("text")
        .flat_map(|t| t.children_named("body"))
        .next()
        .ok_or_else(|| {
            GlossaryError::at(
                path,
                root.line,
                crate::glossary::reason(crate::msg!("tbx-no-body")),
            )
        })?;
    let entry_name = if dialect == Dialect::Martif {
        "termEntry"
    } else {
        "conceptEntry"
    };
    let mut glossary = Glossary::default();
    for entry in body.children_named(entry_name) {
        let concept = read_entry(entry, dialect, path, options, &glossary)?;
        glossary.concepts.push(concept);
    }
    Ok(glossary)
}

const POS_PICKLIST: &[&str] = &["noun", "verb", "adjective", "adverb", "properNoun", "other"];
const STATUS_VALUES: &[&str] = &[
    "preferred",
    "admitted",
    "deprecated",
    "superseded",
    "notRecommended",
    "obsolete",
    "preferredTerm-admn-sts",
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
    "supersededTerm-admn-sts",
];

/// Checks the structure rules of the dialect; problems are (line, what).
fn validate(
    e: &Element,
    dialect: Dialect,
    path: &mut Vec<String>,
    problems: &mut Vec<(usize, String)>,
) {
    let name = e.local().to_string();
    let parent = path.last().cloned().unwrap_or_default();
    let mut say = |line: usize, what: String| problems.push((line, what));
    let in_header = path.iter().any(|p| p == "tbxHeader" || p == "martifHeader");
    if in_header && name != "p" && !e.text().trim().is_empty() {
        say(
            e.line,
            crate::glossary::reason(crate::msg!("tbx-header-text", element = name.as_str())),
        );
    }
    if dialect != Dialect::Martif {
        match name.as_str() {
            "admin" if parent == "text" => say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-admin-in-text")),
            ),
            "admin" if e.attr("type").is_none() => say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-admin-type")),
            ),
            "termSec" => {
                let terms = e.children_named("term").count();
                if e.children().next().map(Element::local) != Some("term") {
                    say(
                        e.line,
                        crate::glossary::reason(crate::msg!("tbx-term-first")),
                    );
                }
                if terms != 1 {
                    say(
                        e.line,
                        crate::glossary::reason(crate::msg!("tbx-one-term", count = terms)),
                    );
                }
            }
            "descripGrp" if e.children_named("descrip").count() > 1 => {
                say(
                    e.line,
                    crate::glossary::reason(crate::msg!("tbx-one-descrip")),
                );
            }
            _ => {}
        }
    }
    let direct = e.text();
    let value = direct.trim();
    let kind = e.attr("type").unwrap_or("");
    if matches!(dialect, Dialect::Basic | Dialect::Min | Dialect::Martif) {
        if name == "termNote" && kind == "partOfSpeech" && !POS_PICKLIST.contains(&value) {
            say(
                e.line,
                crate::glossary::reason(crate::msg!(
                    "tbx-pos",
                    value = value,
                    allowed = POS_PICKLIST.join(", ")
                )),
            );
        }
        if name == "termNote"
            && matches!(kind, "usageStatus" | "administrativeStatus")
            && !STATUS_VALUES.contains(&value)
        {
            say(
                e.line,
                crate::glossary::reason(crate::msg!(
                    "tbx-status",
                    kind = kind,
                    value = value,
                    allowed = STATUS_VALUES.join(", ")
                )),
            );
        }
    }
    if dialect == Dialect::Basic {
        if name == "admin" && kind == "source" && parent == "conceptEntry" {
            say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-source-admin")),
            );
        }
        if name == "descrip" && kind == "definition" && path.iter().any(|p| p == "termSec") {
            say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-term-definition")),
            );
        }
        if name == "transac" && kind != "transactionType" {
            say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-transac", kind = kind)),
            );
        }
        if name == "transacNote" && kind != "responsibility" {
            say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-transac-note", kind = kind)),
            );
        }
    }
    if dialect == Dialect::Min {
        if name == "admin" {
            say(
                e.line,
                crate::glossary::reason(crate::msg!("tbx-min-admin", kind = kind)),
            );
        }
        if name == "xref" {
            say(e.line, crate::glossary::reason(crate::msg!("tbx-min-xref")));
        }
    }
    path.push(name);
    for c in e.children() {
        validate(c, dialect, path, problems);
    }
    path.pop();
}

fn status_of(value: &str) -> Option<Status> {
    match value {
        "preferred" | "preferredTerm-admn-sts" | "standardizedTerm-admn-sts" => {
            Some(Status::Preferred)
        }
        "admitted" | "admittedTerm-admn-sts" => Some(Status::Admitted),
        "deprecated"
        | "superseded"
        | "notRecommended"
        | "obsolete"
        | "deprecatedTerm-admn-sts"
        | "supersededTerm-admn-sts"
        | "legalTerm-admn-sts" => Some(Status::Forbidden),
        _ => None,
    }
}

fn read_entry(
    entry: &Element,
    dialect: Dialect,
    path: &Path,
    options: &LoadOptions,
    so_far: &Glossary,
) -> Result<Concept, GlossaryError> {
    let id = entry
        .attr("id")
        .map(str::to_string)
        .unwrap_or_else(|| format!("c{}", so_far.concepts.len() + 1));
    let mut concept = Concept::new(id, options.default_kind);
    concept.origin = Origin {
        file: path.to_path_buf(),
        line: entry.line,
    };
    let mut kind_given = false;
    let mut notes = Vec::new();
    for note in entry.children_named("note") {
        let text = note.all_text();
        match text.strip_prefix("verso:") {
            Some(meta) => {
                kind_given |= read_meta(meta, &mut concept, path, note.line)?;
            }
            None => notes.push(text),
        }
    }
    if !notes.is_empty() {
        concept.note = Some(notes.join("\n"));
    }
    let lang_name = if dialect == Dialect::Martif {
        "langSet"
    } else {
        "langSec"
    };
    let mut pos_seen = Vec::new();
    for lang in entry.children_named(lang_name) {
        let tag = lang
            .attr("xml:lang")
            .or_else(|| lang.attr("lang"))
            .ok_or_else(|| {
                GlossaryError::at(
                    path,
                    lang.line,
                    crate::glossary::reason(crate::msg!("tbx-needs-lang", element = lang_name)),
                )
            })?;
        let tag = crate::locale::parse(tag)
            .map_err(|_| {
                GlossaryError::at(
                    path,
                    lang.line,
                    crate::glossary::reason(crate::msg!("tbx-bad-lang", tag = tag)),
                )
            })?
            .to_string();
        let holders: Vec<&Element> = if dialect == Dialect::Martif {
            lang.children()
                .flat_map(|c| match c.local() {
                    "tig" => vec![c],
                    "ntig" => c.children_named("termGrp").collect(),
                    _ => Vec::new(),
                })
                .collect()
        } else {
            lang.children_named("termSec").collect()
        };
        let terms = concept.terms.entry(tag).or_default();
        terms.line = lang.line;
        for holder in holders {
            let Some(term_el) = holder.children_named("term").next() else {
                continue;
            };
            let mut term = Term::new(term_el.all_text());
            term.line = term_el.line;
            let mut status = None;
            for note in holder.children_named("termNote") {
                let value = note.all_text();
                match note.attr("type").unwrap_or("") {
                    "administrativeStatus" | "usageStatus" | "normativeAuthorization" => {
                        status = status_of(&value);
                    }
                    "partOfSpeech" => term.part_of_speech = Some(value),
                    "termType" => term.term_type = TermType::parse(&value),
                    _ => {}
                }
            }
            if let Some(note) = holder.children_named("note").next() {
                term.note = Some(note.all_text());
            }
            if term.text.is_empty() {
                continue;
            }
            pos_seen.extend(term.part_of_speech.clone());
            let status = status.unwrap_or(if terms.preferred.is_none() {
                Status::Preferred
            } else {
                Status::Admitted
            });
            match status {
                Status::Preferred if terms.preferred.is_none() => terms.preferred = Some(term),
                Status::Preferred | Status::Admitted => terms.admitted.push(term),
                Status::Forbidden => terms.forbidden.push(term),
            }
        }
    }
    if !kind_given && pos_seen.iter().any(|p| p == "properNoun") {
        concept.kind = Kind::Name;
    }
    concept.normalize_pos();
    Ok(concept)
}

/// Reads `verso: kind=person; dnt=true; case-sensitive=true; context=war|study`; returns
/// whether a kind was given.
fn read_meta(
    meta: &str,
    concept: &mut Concept,
    path: &Path,
    line: usize,
) -> Result<bool, GlossaryError> {
    let mut kind_given = false;
    for part in meta.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, "true"));
        match k.trim() {
            "kind" => {
                concept.kind = Kind::parse(v.trim()).ok_or_else(|| {
                    GlossaryError::at(
                        path,
                        line,
                        crate::glossary::reason(crate::msg!("tbx-verso-kind", kind = v)),
                    )
                })?;
                kind_given = true;
            }
            "dnt" => concept.do_not_translate = v.trim() == "true",
            "case-sensitive" => concept.case_sensitive = v.trim() == "true",
            "context" => {
                concept.context = v
                    .split('|')
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
            }
            _ => {}
        }
    }
    Ok(kind_given)
}

fn esc(s: &str) -> String {
    xml::escape(s)
}

fn meta_note(c: &Concept) -> String {
    let mut parts = vec![format!("kind={}", c.kind.as_str())];
    if c.do_not_translate {
        parts.push("dnt=true".into());
    }
    if c.case_sensitive {
        parts.push("case-sensitive=true".into());
    }
    if !c.context.is_empty() {
        parts.push(format!("context={}", c.context.join("|")));
    }
    format!("verso: {}", parts.join("; "))
}

fn status_value(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Forbidden => "deprecatedTerm-admn-sts",
    }
}

fn term_xml(out: &mut String, t: &Term, status: Status, implied_pos: &str, indent: &str) {
    out.push_str(&format!("{indent}<term>{}</term>\n", esc(&t.text)));
    let pos = t.part_of_speech.as_deref().unwrap_or(implied_pos);
    out.push_str(&format!(
        "{indent}<termNote type=\"partOfSpeech\">{}</termNote>\n",
        esc(pos)
    ));
    out.push_str(&format!(
        "{indent}<termNote type=\"administrativeStatus\">{}</termNote>\n",
        status_value(status)
    ));
    if let Some(tt) = t.term_type {
        out.push_str(&format!(
            "{indent}<termNote type=\"termType\">{}</termNote>\n",
            tt.as_str()
        ));
    }
    if let Some(n) = &t.note {
        out.push_str(&format!("{indent}<note>{}</note>\n", esc(n)));
    }
}

/// Writes TBX v3, TBX-Basic, DCA style.
pub fn write_v3(glossary: &Glossary, source_lang: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Exported by verso {}</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n",
        esc(source_lang),
        env!("CARGO_PKG_VERSION")
    );
    for c in &glossary.concepts {
        out.push_str(&format!("      <conceptEntry id=\"{}\">\n", esc(&c.id)));
        if let Some(n) = &c.note {
            out.push_str(&format!("        <note>{}</note>\n", esc(n)));
        }
        out.push_str(&format!("        <note>{}</note>\n", esc(&meta_note(c))));
        for (locale, terms) in &c.terms {
            out.push_str(&format!("        <langSec xml:lang=\"{}\">\n", esc(locale)));
            for (status, t) in terms.all() {
                out.push_str("          <termSec>\n");
                term_xml(&mut out, t, status, c.implied_pos(), "            ");
                out.push_str("          </termSec>\n");
            }
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// Writes TBX v2 (`martif`).
pub fn write_v2(glossary: &Glossary, source_lang: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\" xml:lang=\"{}\">\n  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Exported by verso {}</p>\n      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n  <text>\n    <body>\n",
        esc(source_lang),
        env!("CARGO_PKG_VERSION")
    );
    for c in &glossary.concepts {
        out.push_str(&format!("      <termEntry id=\"{}\">\n", esc(&c.id)));
        if let Some(n) = &c.note {
            out.push_str(&format!("        <note>{}</note>\n", esc(n)));
        }
        out.push_str(&format!("        <note>{}</note>\n", esc(&meta_note(c))));
        for (locale, terms) in &c.terms {
            out.push_str(&format!("        <langSet xml:lang=\"{}\">\n", esc(locale)));
            for (status, t) in terms.all() {
                out.push_str("          <tig>\n");
                term_xml(&mut out, t, status, c.implied_pos(), "            ");
                out.push_str("          </tig>\n");
            }
            out.push_str("        </langSet>\n");
        }
        out.push_str("      </termEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</martif>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Glossary, GlossaryError> {
        parse(text.as_bytes(), Path::new("t.tbx"), &LoadOptions::default())
    }

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        let e = load(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx SYSTEM \"http://evil.example/x.dtd\">\n<tbx/>",
        )
        .expect_err("DTD");
        assert!(e.reason.contains("DTD"), "{}", e.reason);
        assert_eq!(e.line, 2);
        let e = load("<tbx type=\"TBX-Basic\"><text><body><conceptEntry id=\"a\"><note>&xxe;</note></conceptEntry></body></text></tbx>")
            .expect_err("entity");
        assert!(e.reason.contains("&xxe;"), "{}", e.reason);
    }

    #[test]
    fn v2_martif_with_tig_and_ntig_is_read() {
        let text = r#"<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="e1"><langSet xml:lang="en"><tig><term>howitzer</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="de"><ntig><termGrp><term>Haubitze</term></termGrp></ntig><tig><term>Kanone</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
</body></text></martif>"#;
        let g = load(text).expect("reads");
        let c = &g.concepts[0];
        assert_eq!(
            c.terms["de"].preferred.as_ref().map(|t| t.text.as_str()),
            Some("Haubitze")
        );
        assert_eq!(c.terms["de"].forbidden[0].text, "Kanone");
        assert_eq!(c.kind, Kind::Term);
    }

    #[test]
    fn utf16_files_are_decoded() {
        let text = "<martif type=\"TBX\"><text><body><termEntry id=\"x\"><langSet xml:lang=\"en\"><tig><term>Pjöngjang</term></tig></langSet></termEntry></body></text></martif>";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let g = parse(&bytes, Path::new("t.tbx"), &LoadOptions::default()).expect("reads");
        assert_eq!(
            g.concepts[0].terms["en"]
                .preferred
                .as_ref()
                .map(|t| t.text.as_str()),
            Some("Pjöngjang")
        );
    }
}
