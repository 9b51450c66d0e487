//! Recognizers: numbers, dates and quantities found in text and read by value, in any locale.
//!
//! One place reads them so that the writer (`localize`), the checks and the review page's
//! marks can never disagree about what "11,000", "January 13" or "170-millimetre" is. Each
//! recognizer also knows how its locale writes a value (from CLDR through ICU4X, or the units
//! table in `config/` where ICU4X's unit data is still experimental).

pub mod dates;
pub mod magnitudes;
pub mod numbers;
pub mod times;
pub mod units;
