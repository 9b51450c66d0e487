//! Review: what reviewers read and correct, and how corrections come back.
//!
//! The review model ([`model`]) puts source and translation side by side, block by block and
//! sentence by sentence, with glossary hits, numbers and findings; the HTML page ([`html`])
//! and the terminal view ([`terminal`]) show it. XLIFF ([`xliff`]) and the page's corrections
//! file ([`corrections`]) bring reviewed text back into the memory, so the next run writes it
//! without asking the engine. [`files`] builds the model for a translation that already exists
//! on disk, [`codes`] maps such a translation's markup back to the source's placeholders.

pub mod codes;
pub mod corrections;
pub mod files;
pub mod html;
pub mod import;
pub mod model;
pub mod paint;
pub mod terminal;
pub mod xliff;
