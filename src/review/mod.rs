//! Review: what reviewers read and correct, and how corrections come back.
//!
//! The side-by-side HTML page ([`html`]) and the terminal view ([`terminal`]) show source and
//! translation block by block, sentence by sentence, with glossary hits, numbers and findings;
//! XLIFF ([`xliff`]) and the page's corrections file ([`corrections`]) bring reviewed text
//! back into the memory, so the next run writes it without asking the engine.

pub mod xliff;
