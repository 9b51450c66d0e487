//! The `identity` engine: returns every segment unchanged.
//!
//! It proves the layout guarantee (the output equals the input byte for byte) and lets a
//! pipeline be exercised without any language data.

use super::local::Local;

/// The identity engine.
pub const IDENTITY: Local = Local::new("identity", "identity", Clone::clone);
