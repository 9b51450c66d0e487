//! The `pseudo` engine: pseudo-localization for layout testing.
//!
//! Letters get accents (so untranslated strings and encoding bugs stand out), the text grows
//! by about 35 % (German and French run that much longer than English), and the whole segment
//! is bracketed (so truncation shows). Placeholders are untouched, so markup must survive.

use super::local::Local;
use crate::segment::{Piece, Segment};

/// The pseudo-localization engine.
pub const PSEUDO: Local = Local::new("pseudo", "pseudo/1", pseudo_localize);

/// How much longer pseudo-localized text is than its source, as a fraction.
pub const EXPANSION: f64 = 0.35;

fn accent(c: char) -> char {
    const FROM: &str = "aAbcCdDeEgGhHiIjkKlLnNoOrRsStTuUwWyYzZ";
    const TO: &str = "åÅƀçÇđĐéÉĝĜĥĤîÎĵķĶļĻñÑöÖŕŔšŠţŢûÛŵŴýÝžŽ";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Pseudo-localizes one segment.
pub fn pseudo_localize(segment: &Segment) -> Segment {
    let letters = segment
        .text()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count();
    let padding = ((letters as f64) * EXPANSION).ceil() as usize;
    let mut pieces = vec![Piece::Text("⟦".to_string())];
    for piece in &segment.pieces {
        pieces.push(match piece {
            Piece::Text(t) => Piece::Text(t.chars().map(accent).collect()),
            other => other.clone(),
        });
    }
    pieces.push(Piece::Text(format!(
        " {}⟧",
        "·".repeat(padding.saturating_sub(1))
    )));
    Segment::from_pieces(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_expands_brackets_and_keeps_placeholders() {
        let src = Segment::from_pieces([
            Piece::Text("Read the ".into()),
            Piece::Open(1),
            Piece::Text("report".into()),
            Piece::Close(1),
            Piece::Text(" today".into()),
        ]);
        let out = pseudo_localize(&src);
        let text = out.text();
        assert!(text.starts_with('⟦') && text.ends_with('⟧'));
        assert!(text.contains("ŕépöŕţ"), "{text}");
        let placeholders: Vec<&Piece> = out
            .pieces
            .iter()
            .filter(|p| !matches!(p, Piece::Text(_)))
            .collect();
        assert_eq!(placeholders, vec![&Piece::Open(1), &Piece::Close(1)]);
        let grown = text.chars().count() as f64 / src.text().chars().count() as f64;
        assert!((1.3..1.6).contains(&grown), "grew by {grown}");
    }
}
