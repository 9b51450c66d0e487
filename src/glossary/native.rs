//! The native glossary file: TOML, one concept per table, diff-friendly.
//!
//! ```toml
//! [budanov]
//! kind = "person"
//! note = "Head of Ukraine's military intelligence."
//!
//! [budanov.en]
//! preferred = "Kyrylo Budanov"
//! admitted = ["Budanov"]
//!
//! [budanov.de]
//! preferred = "Kyrylo Budanow"
//! admitted = ["Budanow"]
//! forbidden = ["Budanov"]
//! ```
//!
//! A term is a string, or an inline table when it carries more:
//! `{ term = "ISW", type = "acronym", pos = "properNoun", note = "…" }`. Reading keeps the line
//! of every concept, locale and term for the linter; editing (`verso glossary add`, `rm`,
//! `import`) goes through `toml_edit`, so the user's comments and layout survive.

use std::collections::BTreeMap;
use std::path::Path;

use toml_edit::{DocumentMut, Value as EditValue};

use super::{Concept, Glossary, GlossaryError, Kind, LocaleTerms, Origin, Term, TermType};
use crate::document::LineIndex;

const CONCEPT_KEYS: &str = "kind, note, context, dnt, case_sensitive, or a locale table";

type Table<'i> = toml::de::DeTable<'i>;
type Spanned<T> = toml::Spanned<T>;
type Value<'i> = toml::de::DeValue<'i>;

/// The entries of a table in the order the file has them (the parser's map is sorted).
fn in_file_order<'a, 'i>(
    table: &'a Table<'i>,
) -> Vec<(&'a Spanned<toml::de::DeString<'i>>, &'a Spanned<Value<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// Parses a native glossary. Read with `toml`'s span-keeping parser, which borrows the text
/// (a glossary of 100,000 concepts loads in about a second); editing uses `toml_edit`.
pub fn parse(text: &str, path: &Path) -> Result<Glossary, GlossaryError> {
    let lines = LineIndex::new(text);
    let line_at = |span: std::ops::Range<usize>| lines.line(span.start);
    let root = Table::parse(text).map_err(|e| {
        GlossaryError::at(
            path,
            e.span().map_or(0, |s| lines.line(s.start)),
            e.message().trim().to_string(),
        )
    })?;
    let mut glossary = Glossary::default();
    for (key, item) in in_file_order(root.get_ref()) {
        let id: &str = key.get_ref();
        let line = line_at(key.span());
        let err = |line: usize, reason: String| GlossaryError::at(path, line, reason);
        let Value::Table(table) = item.get_ref() else {
            return Err(err(
                line,
                crate::glossary::reason(crate::msg!("glossary-not-table", id = id)),
            ));
        };
        let mut concept = Concept::new(id, Kind::Term);
        concept.origin = Origin {
            file: path.to_path_buf(),
            line,
        };
        for (k, value) in in_file_order(table) {
            let key: &str = k.get_ref();
            let vline = line_at(value.span());
            match key {
                "kind" => {
                    let s = string(value).ok_or_else(|| {
                        err(
                            vline,
                            crate::glossary::reason(crate::msg!("glossary-kind-string")),
                        )
                    })?;
                    concept.kind = Kind::parse(s).ok_or_else(|| {
                        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                        err(
                            vline,
                            crate::glossary::reason(crate::msg!(
                                "glossary-unknown-kind",
                                kind = s,
                                kinds = all.join(", ")
                            )),
                        )
                    })?;
                }
                "note" => concept.note = Some(required_string(value, "note", vline, path)?),
                "context" => concept.context = strings(value, "context", vline, path)?,
                "dnt" | "do_not_translate" => {
                    concept.do_not_translate = boolean(value, key, vline, path)?
                }
                "case_sensitive" => concept.case_sensitive = boolean(value, key, vline, path)?,
                locale => {
                    let Value::Table(terms_table) = value.get_ref() else {
                        return Err(err(
                            vline,
                            crate::glossary::reason(crate::msg!(
                                "glossary-unknown-key",
                                key = locale,
                                id = id,
                                expected = CONCEPT_KEYS
                            )),
                        ));
                    };
                    let tline = line_at(k.span());
                    let mut terms = LocaleTerms {
                        line: tline,
                        ..LocaleTerms::default()
                    };
                    for (tk, v) in in_file_order(terms_table) {
                        let l = line_at(v.span()).max(tline);
                        match tk.get_ref().as_ref() {
                            "preferred" => terms.preferred = Some(term_value(v, l, path)?),
                            "admitted" => terms.admitted = term_list(v, l, path)?,
                            "forbidden" => terms.forbidden = term_list(v, l, path)?,
                            other => {
                                return Err(err(
                                    l,
                                    crate::glossary::reason(crate::msg!(
                                        "glossary-unknown-locale-key",
                                        key = other,
                                        id = id,
                                        locale = locale
                                    )),
                                ));
                            }
                        }
                    }
                    concept.terms.insert(locale.to_string(), terms);
                }
            }
        }
        concept.normalize_pos();
        glossary.concepts.push(concept);
    }
    Ok(glossary)
}

fn string<'a>(item: &'a Spanned<Value<'_>>) -> Option<&'a str> {
    match item.get_ref() {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn required_string(
    item: &Spanned<Value<'_>>,
    key: &str,
    line: usize,
    path: &Path,
) -> Result<String, GlossaryError> {
    string(item).map(str::to_string).ok_or_else(|| {
        GlossaryError::at(
            path,
            line,
            crate::glossary::reason(crate::msg!("glossary-must-be-string", key = key)),
        )
    })
}

fn boolean(
    item: &Spanned<Value<'_>>,
    key: &str,
    line: usize,
    path: &Path,
) -> Result<bool, GlossaryError> {
    match item.get_ref() {
        Value::Boolean(b) => Ok(*b),
        _ => Err(GlossaryError::at(
            path,
            line,
            crate::glossary::reason(crate::msg!("glossary-must-be-bool", key = key)),
        )),
    }
}

fn strings(
    item: &Spanned<Value<'_>>,
    key: &str,
    line: usize,
    path: &Path,
) -> Result<Vec<String>, GlossaryError> {
    let err = || {
        GlossaryError::at(
            path,
            line,
            crate::glossary::reason(crate::msg!("glossary-must-be-strings", key = key)),
        )
    };
    let Value::Array(array) = item.get_ref() else {
        return Err(err());
    };
    array
        .iter()
        .map(|v| string(v).map(str::to_string).ok_or_else(err))
        .collect()
}

fn term_list(
    item: &Spanned<Value<'_>>,
    line: usize,
    path: &Path,
) -> Result<Vec<Term>, GlossaryError> {
    let Value::Array(array) = item.get_ref() else {
        return Err(GlossaryError::at(
            path,
            line,
            crate::glossary::reason(crate::msg!("glossary-list-shape")),
        ));
    };
    array.iter().map(|v| term_value(v, line, path)).collect()
}

fn term_value(value: &Spanned<Value<'_>>, line: usize, path: &Path) -> Result<Term, GlossaryError> {
    let mut t = match value.get_ref() {
        Value::String(s) => Term::new(s.as_ref()),
        Value::Table(table) => {
            let text = table.get("term").and_then(string).ok_or_else(|| {
                GlossaryError::at(
                    path,
                    line,
                    crate::glossary::reason(crate::msg!("glossary-term-table")),
                )
            })?;
            let mut t = Term::new(text);
            for (k, v) in in_file_order(table) {
                let k: &str = k.get_ref();
                let s = string(v).ok_or_else(|| {
                    GlossaryError::at(
                        path,
                        line,
                        crate::glossary::reason(crate::msg!("glossary-must-be-string", key = k)),
                    )
                })?;
                match k {
                    "term" => {}
                    "type" => {
                        t.term_type = Some(TermType::parse(s).ok_or_else(|| {
                            GlossaryError::at(
                                path,
                                line,
                                crate::glossary::reason(crate::msg!(
                                    "glossary-unknown-term-type",
                                    term_type = s
                                )),
                            )
                        })?);
                    }
                    "pos" => t.part_of_speech = Some(s.to_string()),
                    "note" => t.note = Some(s.to_string()),
                    other => {
                        return Err(GlossaryError::at(
                            path,
                            line,
                            crate::glossary::reason(crate::msg!(
                                "glossary-unknown-term-key",
                                key = other
                            )),
                        ));
                    }
                }
            }
            t
        }
        _ => {
            return Err(GlossaryError::at(
                path,
                line,
                crate::glossary::reason(crate::msg!("glossary-term-shape")),
            ));
        }
    };
    t.line = line;
    Ok(t)
}

fn quote(s: &str) -> String {
    EditValue::from(s).decorated("", "").to_string()
}

/// A TOML key, quoted when it is not a bare key.
fn key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        s.to_string()
    } else {
        quote(s)
    }
}

fn term_literal(t: &Term) -> String {
    if t.term_type.is_none() && t.part_of_speech.is_none() && t.note.is_none() {
        return quote(&t.text);
    }
    let mut parts = vec![format!("term = {}", quote(&t.text))];
    if let Some(tt) = t.term_type {
        parts.push(format!("type = {}", quote(tt.as_str())));
    }
    if let Some(p) = &t.part_of_speech {
        parts.push(format!("pos = {}", quote(p)));
    }
    if let Some(n) = &t.note {
        parts.push(format!("note = {}", quote(n)));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// One concept as TOML text.
pub fn concept_text(c: &Concept) -> String {
    let mut out = format!("[{}]\nkind = {}\n", key(&c.id), quote(c.kind.as_str()));
    if let Some(n) = &c.note {
        out.push_str(&format!("note = {}\n", quote(n)));
    }
    if !c.context.is_empty() {
        let items: Vec<String> = c.context.iter().map(|s| quote(s)).collect();
        out.push_str(&format!("context = [{}]\n", items.join(", ")));
    }
    if c.do_not_translate {
        out.push_str("dnt = true\n");
    }
    if c.case_sensitive {
        out.push_str("case_sensitive = true\n");
    }
    for (locale, terms) in &c.terms {
        out.push_str(&format!("\n[{}.{}]\n", key(&c.id), key(locale)));
        if let Some(p) = &terms.preferred {
            out.push_str(&format!("preferred = {}\n", term_literal(p)));
        }
        for (name, list) in [
            ("admitted", &terms.admitted),
            ("forbidden", &terms.forbidden),
        ] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(term_literal).collect();
                out.push_str(&format!("{name} = [{}]\n", items.join(", ")));
            }
        }
    }
    out
}

/// A whole glossary as TOML text, concepts in order.
pub fn write(glossary: &Glossary) -> String {
    let mut out = String::from(
        "# verso glossary: one concept per table. Schema: config/glossary.example.toml\n",
    );
    for c in &glossary.concepts {
        out.push('\n');
        out.push_str(&concept_text(c));
    }
    out
}

/// Adds or replaces concepts in an existing file's text, keeping everything else (comments,
/// order, formatting) as it was. Returns the new text and the ids that were replaced.
pub fn upsert_text(
    existing: &str,
    concepts: &[Concept],
    path: &Path,
) -> Result<(String, Vec<String>), GlossaryError> {
    let mut doc: DocumentMut = existing.parse().map_err(|e: toml_edit::TomlError| {
        GlossaryError::at(path, 0, e.message().trim().to_string())
    })?;
    let mut replaced = Vec::new();
    for c in concepts {
        if doc.remove(&c.id).is_some() {
            replaced.push(c.id.clone());
        }
    }
    let mut text = doc.to_string();
    for c in concepts {
        if !text.is_empty() && !text.ends_with("\n\n") {
            text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
        }
        text.push_str(&concept_text(c));
    }
    Ok((text, replaced))
}

/// Removes concepts from a file's text, keeping the rest as it was; returns the ids not found.
pub fn remove_text(
    existing: &str,
    ids: &[String],
    path: &Path,
) -> Result<(String, Vec<String>), GlossaryError> {
    let mut doc: DocumentMut = existing.parse().map_err(|e: toml_edit::TomlError| {
        GlossaryError::at(path, 0, e.message().trim().to_string())
    })?;
    let missing = ids
        .iter()
        .filter(|id| doc.remove(id).is_none())
        .cloned()
        .collect();
    Ok((doc.to_string(), missing))
}

/// The concepts as a map by id (for comparisons in tests and merges).
pub fn by_id(glossary: &Glossary) -> BTreeMap<&str, &Concept> {
    glossary
        .concepts
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"# house glossary
[budanov]
kind = "person"
note = "Head of military intelligence"

[budanov.en]
preferred = "Kyrylo Budanov"
admitted = ["Budanov"]

[budanov.de]
preferred = "Kyrylo Budanow"
admitted = ["Budanow"]
forbidden = ["Budanov"]

[isw]
kind = "organization"
context = ["war", "study"]
dnt = true
case_sensitive = true

[isw.en]
preferred = { term = "Institute for the Study of War", type = "fullForm" }
admitted = [{ term = "ISW", type = "acronym" }]
"#;

    #[test]
    fn reads_concepts_terms_flags_and_lines() {
        let g = parse(SAMPLE, Path::new("g.toml")).expect("parses");
        assert_eq!(g.concepts.len(), 2);
        let b = &g.concepts[0];
        assert_eq!(
            (b.id.as_str(), b.kind, b.origin.line),
            ("budanov", Kind::Person, 2)
        );
        let de = &b.terms["de"];
        assert_eq!(
            de.preferred.as_ref().map(|t| t.text.as_str()),
            Some("Kyrylo Budanow")
        );
        assert_eq!(de.forbidden[0].text, "Budanov");
        assert_eq!(de.line, 10);
        let isw = &g.concepts[1];
        assert!(isw.do_not_translate && isw.case_sensitive);
        assert_eq!(isw.context, vec!["war", "study"]);
        assert_eq!(
            isw.terms["en"].admitted[0].term_type,
            Some(TermType::Acronym)
        );
    }

    #[test]
    fn write_then_parse_is_lossless() {
        let g = parse(SAMPLE, Path::new("g.toml")).expect("parses");
        let again = parse(&write(&g), Path::new("g.toml")).expect("reparses");
        assert_eq!(again.without_positions(), g.without_positions());
    }

    #[test]
    fn upsert_and_remove_keep_comments_and_other_concepts() {
        let mut c = Concept::new("kim-yo-jong", Kind::Person);
        c.terms.entry("en".into()).or_default().preferred = Some(Term::new("Kim Yo-jong"));
        let (text, replaced) = upsert_text(SAMPLE, &[c], Path::new("g.toml")).expect("upsert");
        assert!(replaced.is_empty());
        assert!(text.starts_with("# house glossary\n[budanov]"));
        assert!(text.contains("[kim-yo-jong.en]\npreferred = \"Kim Yo-jong\""));
        let (text, missing) =
            remove_text(&text, &["isw".into(), "nope".into()], Path::new("g.toml")).expect("rm");
        assert_eq!(missing, vec!["nope".to_string()]);
        let g = parse(&text, Path::new("g.toml")).expect("parses");
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["budanov", "kim-yo-jong"]);
    }

    #[test]
    fn errors_name_the_line_and_what_to_write() {
        let bad = "[a]\nkind = \"persn\"\n";
        let e = parse(bad, Path::new("g.toml")).expect_err("bad kind");
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("person"), "{}", e.reason);
        let bad = "[a]\nkind = \"person\"\ncolour = 3\n";
        let e = parse(bad, Path::new("g.toml")).expect_err("unknown key");
        assert_eq!(e.line, 3);
        assert!(e.reason.contains("colour"));
        let e = parse("[a\n", Path::new("g.toml")).expect_err("syntax");
        assert_eq!(e.line, 1);
    }
}
