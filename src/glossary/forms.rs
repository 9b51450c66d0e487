//! Which target form to write for what the source wrote: a short form for a short form
//! ("Budanov knows" → "Budánov sabe", not "Kirilo Budánov sabe"), an acronym for an acronym
//! (a caption "ISW" stays "ISW" unless the target has an acronym of its own), the preferred
//! form otherwise; and capitals only where the source wrote in capitals a form the glossary
//! does not write so ("SEOUL" → "SEÚL", but "ISW" is not "INSTITUTO…").

use super::{Concept, Status, Term, TermType};

impl Concept {
    /// The source locale's term written `matched` (case aside), if any.
    fn source_term(&self, source: &str, matched: &str) -> Option<&Term> {
        let lower = matched.to_lowercase();
        self.locale(source)?
            .all()
            .filter(|(s, _)| *s != Status::Forbidden)
            .map(|(_, t)| t)
            .find(|t| t.text.to_lowercase() == lower)
    }

    /// The form to write in `target` where the source has `written`, a match of its glossary
    /// form `form`. `None` when the concept has no form to write there.
    pub fn target_form_for(
        &self,
        source: &str,
        target: &str,
        form: &str,
        written: &str,
    ) -> Option<String> {
        let preferred = self.target_form(source, target)?;
        let kind = self.source_term(source, form).and_then(|t| t.term_type);
        let chosen = match kind {
            Some(TermType::ShortForm) => self
                .target_of_type(target, TermType::ShortForm)
                .or_else(|| shortened(self.source_preferred(source)?, form, preferred))
                .unwrap_or_else(|| preferred.to_string()),
            Some(t @ (TermType::Acronym | TermType::Abbreviation)) => self
                .target_of_type(target, t)
                .unwrap_or_else(|| form.to_string()),
            _ => preferred.to_string(),
        };
        // Capitals the glossary writes itself ("ISW") say nothing about the line's case.
        Some(if super::is_all_caps(form) {
            chosen
        } else {
            super::with_case_of(&chosen, written)
        })
    }

    /// Forms verso writes in `target` that the glossary does not list there, which the checks
    /// must therefore accept: the target's preferred form shortened like the source's short
    /// forms, and the source's acronyms where the target has none.
    pub fn implied_forms(&self, source: &str, target: &str) -> Vec<Term> {
        let Some(preferred) = self.target_form(source, target) else {
            return Vec::new();
        };
        let Some(terms) = self.locale(source) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (_, t) in terms.all().filter(|(s, _)| *s != Status::Forbidden) {
            let form = match t.term_type {
                Some(TermType::ShortForm)
                    if self.target_of_type(target, TermType::ShortForm).is_none() =>
                {
                    self.source_preferred(source)
                        .and_then(|p| shortened(p, &t.text, preferred))
                }
                Some(ty @ (TermType::Acronym | TermType::Abbreviation))
                    if self.target_of_type(target, ty).is_none() =>
                {
                    Some(t.text.clone())
                }
                _ => None,
            };
            if let Some(text) = form.filter(|f| f != preferred) {
                let mut term = Term::new(&text);
                term.term_type = t.term_type;
                out.push(term);
            }
        }
        out
    }

    fn source_preferred(&self, source: &str) -> Option<&str> {
        self.locale(source)?
            .preferred
            .as_ref()
            .map(|t| t.text.as_str())
    }

    /// The target's first preferred or admitted term of a type.
    fn target_of_type(&self, target: &str, ty: TermType) -> Option<String> {
        self.locale(target)?
            .all()
            .filter(|(s, _)| *s != Status::Forbidden)
            .map(|(_, t)| t)
            .find(|t| t.term_type == Some(ty))
            .map(|t| t.text.clone())
    }
}

/// `target` shortened the way `short` shortens `full`: its last words when `short` is the end
/// of `full` ("Budanov" of "Kyrylo Budanov" → "Budánov" of "Kirilo Budánov"), its first words
/// when the beginning.
fn shortened(full: &str, short: &str, target: &str) -> Option<String> {
    let full: Vec<&str> = full.split_whitespace().collect();
    let short: Vec<&str> = short.split_whitespace().collect();
    let words: Vec<&str> = target.split_whitespace().collect();
    let k = short.len();
    if k == 0 || k >= full.len() || k > words.len() {
        return None;
    }
    let same = |a: &[&str], b: &[&str]| {
        a.iter()
            .zip(b)
            .all(|(x, y)| x.to_lowercase() == y.to_lowercase())
    };
    if same(&full[full.len() - k..], &short) {
        Some(words[words.len() - k..].join(" "))
    } else if same(&full[..k], &short) {
        Some(words[..k].join(" "))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, LocaleTerms};
    use super::*;

    fn term(text: &str, ty: Option<TermType>) -> Term {
        let mut t = Term::new(text);
        t.term_type = ty;
        t
    }

    fn concept(kind: Kind, en: (&str, Vec<Term>), es: Option<(&str, Vec<Term>)>) -> Concept {
        let mut c = Concept::new("c", kind);
        c.terms.insert(
            "en".into(),
            LocaleTerms {
                preferred: Some(Term::new(en.0)),
                admitted: en.1,
                ..LocaleTerms::default()
            },
        );
        if let Some((p, admitted)) = es {
            c.terms.insert(
                "es".into(),
                LocaleTerms {
                    preferred: Some(Term::new(p)),
                    admitted,
                    ..LocaleTerms::default()
                },
            );
        }
        c
    }

    #[test]
    fn a_short_form_is_written_short_and_an_acronym_stays_one() {
        let budanov = concept(
            Kind::Person,
            (
                "Kyrylo Budanov",
                vec![term("Budanov", Some(TermType::ShortForm))],
            ),
            Some(("Kirilo Budánov", vec![])),
        );
        let write = |c: &Concept, form: &str, written: &str| {
            c.target_form_for("en", "es", form, written)
                .expect("a form")
        };
        assert_eq!(write(&budanov, "Budanov", "Budanov"), "Budánov");
        assert_eq!(
            write(&budanov, "Kyrylo Budanov", "Kyrylo Budanov"),
            "Kirilo Budánov"
        );
        assert_eq!(write(&budanov, "Budanov", "BUDANOV"), "BUDÁNOV");
        let isw = concept(
            Kind::Organization,
            (
                "Institute for the Study of War",
                vec![term("ISW", Some(TermType::Acronym))],
            ),
            Some(("Instituto para el Estudio de la Guerra", vec![])),
        );
        assert_eq!(write(&isw, "ISW", "ISW"), "ISW");
        assert_eq!(
            write(
                &isw,
                "Institute for the Study of War",
                "Institute for the Study of War"
            ),
            "Instituto para el Estudio de la Guerra"
        );
        let implied: Vec<String> = isw
            .implied_forms("en", "es")
            .into_iter()
            .chain(budanov.implied_forms("en", "es"))
            .map(|t| t.text)
            .collect();
        assert_eq!(implied, ["ISW", "Budánov"]);
    }

    #[test]
    fn the_targets_own_short_form_and_acronym_win() {
        let nato = concept(
            Kind::Organization,
            (
                "North Atlantic Treaty Organization",
                vec![term("NATO", Some(TermType::Acronym))],
            ),
            Some((
                "Organización del Tratado del Atlántico Norte",
                vec![term("OTAN", Some(TermType::Acronym))],
            )),
        );
        assert_eq!(
            nato.target_form_for("en", "es", "NATO", "NATO").as_deref(),
            Some("OTAN")
        );
        assert!(nato.implied_forms("en", "es").is_empty());
    }
}
