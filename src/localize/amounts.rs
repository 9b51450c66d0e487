//! Amounts with a scale or a currency: "$16 mil millones" → "16.000 millones de dólares",
//! "1.8 billones de libras" (Apertium's false friend for 1.8 billion) → "1800 millones de
//! libras". The source's amount says the value; the engine's rendering of it (same digits,
//! any symbol before, any scale or currency words after) is replaced whole.

use super::{Context, Edit, Kind, Rewrite};

/// See the module documentation.
pub struct Amounts;

impl Rewrite for Amounts {
    fn kind(&self) -> Kind {
        Kind::Amount
    }

    fn edits(&self, cx: &Context, target: &str) -> Vec<Edit> {
        let source = cx.source;
        if !super::has_digit(source) {
            return Vec::new();
        }
        let c = cx.checker;
        let mut taken = Vec::new();
        let mut edits = Vec::new();
        for mut amount in cx.checker.magnitudes.amounts(source, &c.source) {
            let Some(found) =
                cx.checker
                    .magnitudes
                    .find_in(&amount, &c.source_numbers, target, &taken)
            else {
                continue;
            };
            // A scale word verso cannot read ("$16 ƀîļļîöñ") is the engine's: the amount is
            // left alone rather than written with its scale twice.
            if amount.scale > 0 && !found.scale {
                continue;
            }
            let range = found.range;
            // A currency the engine wrote out of reach is left where it is, not doubled.
            if !found.currency {
                amount.currency = None;
            }
            let Some(written) = cx.checker.magnitudes.render(
                &amount,
                &c.source_numbers,
                &c.target_numbers,
                cx.plurals,
                &c.target,
            ) else {
                continue;
            };
            taken.push(range.clone());
            edits.push(Edit {
                range,
                written,
                rule: None,
            });
        }
        edits
    }
}
