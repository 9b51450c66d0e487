//! CSV and TSV glossaries.
//!
//! Two shapes are read. With a header row of language tags (`en,es,de`, Google's equivalent
//! term sets, Amazon's custom terminology), each row is a concept and each cell its preferred
//! term in that column's language; extra columns `id`, `kind`, `note` are read when present
//! (`verso glossary suggest --tsv` writes them). Without a header, a two-column file is one
//! language pair (DeepL's glossary CSV) whose languages must be given. Byte order marks,
//! UTF-16 files and quoted fields (commas, quotes and line breaks inside) are handled.
//!
//! CSV carries only preferred terms: admitted and forbidden forms, flags and context words
//! are lost on export. Use TOML or TBX to keep everything.

use std::path::Path;

use super::{Concept, Glossary, GlossaryError, Kind, LoadOptions, Origin, Term, make_id};

const FIELD_COLUMNS: &[&str] = &["id", "kind", "note"];

/// What a header cell names.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Locale(String),
    Field(&'static str),
}

fn header(cells: &[String]) -> Option<Vec<Column>> {
    let mut columns = Vec::new();
    for cell in cells {
        let cell = cell.trim();
        if let Some(f) = FIELD_COLUMNS.iter().find(|f| f.eq_ignore_ascii_case(cell)) {
            columns.push(Column::Field(f));
            continue;
        }
        // Language tags only: two or three letters, then subtags ("en", "es-ES", "zh-Hant").
        let looks = cell.len() <= 16
            && cell.split(['-', '_']).next().is_some_and(|l| {
                (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic())
            });
        let tag = looks.then(|| crate::locale::parse(cell).ok()).flatten()?;
        columns.push(Column::Locale(tag.to_string()));
    }
    columns
        .iter()
        .any(|c| matches!(c, Column::Locale(_)))
        .then_some(columns)
}

/// Reads a CSV (`delimiter` `,`) or TSV (`\t`) glossary.
pub fn parse(
    bytes: &[u8],
    path: &Path,
    delimiter: u8,
    options: &LoadOptions,
) -> Result<Glossary, GlossaryError> {
    let text = crate::xml::decode(bytes)
        .ok_or_else(|| GlossaryError::at(path, 0, "not UTF-8 or UTF-16 text".to_string()))?;
    if let Some(line) = unclosed_quote(&text, delimiter) {
        return Err(GlossaryError::at(
            path,
            line,
            crate::glossary::reason(crate::msg!("glossary-csv-unclosed-quote")),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            GlossaryError::at(path, line, e.to_string())
        })?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push((line, cells));
    }
    let Some((_, first)) = rows.first() else {
        return Ok(Glossary::default());
    };
    let (columns, data) = match header(first) {
        Some(columns) => (columns, &rows[1..]),
        None => {
            let (src, tgt) = options.pair.clone().ok_or_else(|| {
                GlossaryError::at(
                    path,
                    rows[0].0,
                    "a two-column file without a header row of language tags; give the languages (--from en --to es) or add a header such as \"en,es\"",
                )
            })?;
            (vec![Column::Locale(src), Column::Locale(tgt)], &rows[..])
        }
    };
    // A repeated id replaces the earlier row.
    let mut by_id = crate::glossary::ById::default();
    for (line, cells) in data {
        if cells.len() > columns.len() {
            return Err(GlossaryError::at(
                path,
                *line,
                format!(
                    "{} cells in a row, but {} columns",
                    cells.len(),
                    columns.len()
                ),
            ));
        }
        let mut concept = Concept::new(String::new(), options.default_kind);
        concept.origin = Origin {
            file: path.to_path_buf(),
            line: *line,
        };
        let mut id = None;
        for (column, cell) in columns.iter().zip(cells) {
            if cell.is_empty() {
                continue;
            }
            match column {
                // A term never holds a line break: a quote left open swallowed the next rows.
                Column::Locale(_) if cell.contains(['\n', '\r']) => {
                    return Err(GlossaryError::at(
                        path,
                        *line,
                        crate::glossary::reason(crate::msg!(
                            "glossary-csv-term-lines",
                            lines = cell.lines().count()
                        )),
                    ));
                }
                Column::Locale(tag) => {
                    let mut term = Term::new(cell.as_str());
                    term.line = *line;
                    let entry = concept.terms.entry(tag.clone()).or_default();
                    entry.line = *line;
                    entry.preferred = Some(term);
                }
                Column::Field("id") => id = Some(cell.clone()),
                Column::Field("kind") => {
                    let k = cell.trim_end_matches('?');
                    concept.kind = Kind::parse(k).ok_or_else(|| {
                        GlossaryError::at(path, *line, format!("unknown kind \"{cell}\""))
                    })?;
                }
                Column::Field(_) => concept.note = Some(cell.clone()),
            }
        }
        // The id comes from the first language column that has a term: by convention the
        // source language.
        let Some(first_term) = columns.iter().find_map(|c| match c {
            Column::Locale(tag) => concept
                .terms
                .get(tag)?
                .preferred
                .as_ref()
                .map(|p| p.text.clone()),
            Column::Field(_) => None,
        }) else {
            continue;
        };
        concept.id = match id {
            Some(id) => id,
            None => make_id(&first_term, &|candidate| by_id.contains(candidate)),
        };
        by_id.put(concept);
    }
    Ok(Glossary {
        concepts: by_id.into_concepts(),
    })
}

/// The line of a quoted field that is never closed, if there is one (the CSV reader would
/// take the rest of the file as that field's text).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut line, mut opened_at) = (1usize, None);
    let mut field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (opened_at, b) {
            (None, b'"') if field_start => {
                opened_at = Some(line);
                field_start = false;
            }
            (Some(_), b'"') if bytes.get(i + 1) == Some(&b'"') => i += 1,
            (Some(_), b'"') => opened_at = None,
            (None, b'\n') => field_start = true,
            (None, d) if d == delimiter => field_start = true,
            (None, b'\r') => {}
            (None, b' ') if field_start => {}
            (None, 0xEF | 0xBB | 0xBF) if i < 3 => {} // a byte order mark
            (None, _) => field_start = false,
            (Some(_), _) => {}
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    opened_at
}

/// Writes a header row of every locale, then one row per concept with its preferred terms.
pub fn write(glossary: &Glossary, delimiter: u8) -> String {
    let locales = glossary.locales();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let _ = writer.write_record(&locales);
    for c in &glossary.concepts {
        let row: Vec<&str> = locales
            .iter()
            .map(|l| {
                c.terms
                    .get(l)
                    .and_then(|t| t.preferred.as_ref())
                    .map_or("", |t| t.text.as_str())
            })
            .collect();
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        text: &[u8],
        delimiter: u8,
        pair: Option<(&str, &str)>,
    ) -> Result<Glossary, GlossaryError> {
        let options = LoadOptions {
            pair: pair.map(|(a, b)| (a.to_string(), b.to_string())),
            ..LoadOptions::default()
        };
        parse(text, Path::new("g.csv"), delimiter, &options)
    }

    fn preferred<'a>(g: &'a Glossary, i: usize, locale: &str) -> Option<&'a str> {
        g.concepts[i]
            .terms
            .get(locale)?
            .preferred
            .as_ref()
            .map(|t| t.text.as_str())
    }

    #[test]
    fn header_of_locales_with_bom_quotes_and_fields() {
        let text = "\u{feff}en,es,de,kind\n\"Pyongyang\",Pionyang,Pjöngjang,place\n\"Smith, John\",\"John \"\"J\"\" Smith\",,person\n";
        let g = read(text.as_bytes(), b',', None).expect("reads");
        assert_eq!(g.concepts.len(), 2);
        assert_eq!(preferred(&g, 0, "de"), Some("Pjöngjang"));
        assert_eq!(g.concepts[0].kind, Kind::Place);
        assert_eq!(g.concepts[0].id, "pyongyang");
        assert_eq!(preferred(&g, 1, "es"), Some("John \"J\" Smith"));
        assert_eq!(preferred(&g, 1, "de"), None);
    }

    #[test]
    fn a_repeated_id_replaces_the_earlier_row_in_its_place() {
        let text =
            b"id,en,es\nhw,howitzer,obus\nsh,shell,proyectil\nhw,howitzer,obus autopropulsado\n";
        let g = read(text, b',', None).expect("reads");
        assert_eq!(g.concepts.len(), 2);
        assert_eq!(preferred(&g, 0, "es"), Some("obus autopropulsado"));
        assert_eq!(g.concepts[0].origin.line, 4);
        assert_eq!(g.concepts[1].id, "sh");
    }

    #[test]
    fn two_columns_without_header_need_the_pair() {
        let text = b"howitzer,obus\nshell,proyectil\n";
        let e = read(text, b',', None).expect_err("no pair");
        assert_eq!(e.line, 1);
        let g = read(text, b',', Some(("en", "es"))).expect("reads");
        assert_eq!(preferred(&g, 1, "es"), Some("proyectil"));
    }

    #[test]
    fn utf16_tsv_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "en\tde\nhowitzer\tHaubitze\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let g = read(&bytes, b'\t', None).expect("reads");
        assert_eq!(preferred(&g, 0, "de"), Some("Haubitze"));
    }

    #[test]
    fn an_unbalanced_quote_is_an_error_naming_its_line() {
        let e = read(
            b"en,es\nhowitzer,obus\n\"Smith,Smith\nshell,proyectil\n",
            b',',
            None,
        )
        .expect_err("never closed");
        assert_eq!(e.line, 3);
        // Closed later on: the rows in between would be one term.
        let e = read(
            b"en,es\n\"Smith,Smith\nshell,proyectil\n\"Jones\",Jones\n",
            b',',
            None,
        )
        .expect_err("a term over lines");
        assert_eq!(e.line, 2);
        let e = read(b"en\tes\na\tb\n\"c\td\n", b'\t', None).expect_err("TSV too");
        assert_eq!(e.line, 3);
        // Quotes inside quoted fields, and a note over lines, are fine.
        let g = read(
            b"en,es,note\n\"The \"\"Times\"\"\",El Times,\"two\nlines\"\n",
            b',',
            None,
        )
        .expect("reads");
        assert_eq!(g.concepts.len(), 1);
    }

    #[test]
    fn rows_longer_than_the_header_name_their_line() {
        let e = read(b"en,es\na,b,c\n", b',', None).expect_err("too long");
        assert_eq!(e.line, 2);
    }
}
