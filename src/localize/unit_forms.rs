//! Quantities in the target's unit form: Apertium writes "155-millimetre howitzers" as
//! "155-milímetro howitzers", an English compound with a Spanish word in it. In a language
//! that writes a quantity as number and unit apart (one with an `of` word: Spanish, French,
//! Italian, Portuguese, Catalan), a hyphenated quantity of the source's value is written "155
//! milímetros", singular or plural by the number's CLDR plural category (the unit table lists
//! a unit's names singular first, then plural).

use icu::plurals::PluralCategory;

use super::{Context, Edit, Kind, Rewrite};
use crate::recognize::units::Units;

/// See the module documentation.
pub struct UnitForms;

impl Rewrite for UnitForms {
    fn kind(&self) -> Kind {
        Kind::Quantity
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let c = cx.checker;
        if cx.target_words.of.as_deref().is_none_or(str::is_empty) {
            return Vec::new();
        }
        let wanted = c.units.number_units(source, &c.source);
        let mut edits = Vec::new();
        for q in c.units.quantities(target, &c.target) {
            let written = &target[q.range.clone()];
            let hyphen = written[q.number.len()..].starts_with('-');
            if !hyphen || !wanted.iter().any(|(n, u)| *n == q.number && *u == q.unit) {
                continue;
            }
            let Some(names) = c
                .units
                .units
                .get(&q.unit)
                .and_then(|u| Units::forms(u, &c.target))
                .map(|f| &f.names)
            else {
                continue;
            };
            let one = c
                .target_numbers
                .decimal(&q.number)
                .is_some_and(|d| cx.plurals.category_for(&d) == PluralCategory::One);
            let Some(name) = names.get(usize::from(!one)).or(names.first()) else {
                continue;
            };
            edits.push(Edit {
                range: q.range,
                written: format!("{} {name}", q.number),
                rule: None,
            });
        }
        edits
    }
}
