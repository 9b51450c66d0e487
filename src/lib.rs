//! verso: a translation and localization pipeline for articles.
//!
//! The flow runs one way, one module per stage, with plain values between them:
//!
//! ```text
//! read ──► segment ──► protect ──► translate ──► restore ──► write
//! format    Document    Segment     backend       rendered    localized file,
//!           of Blocks   (pieces)    (async)       block text  report
//! ```
//!
//! * [`format`] turns bytes into a [`document::Document`]: blocks with byte ranges and inline
//!   tokens, such that splicing every block back unchanged reproduces the input byte for byte.
//! * [`segment`] turns a block into the protected form engines see: text pieces and numbered
//!   placeholders for inline markup, code, URLs.
//! * [`backend`] holds the engine trait and the engines (Apertium, identity, pseudo).
//! * [`restore`] puts a translated segment back into its format, escaped so that no translation
//!   can change the document's structure, and reports lost or doubled placeholders.
//! * [`memory`] is the SQLite translation memory that makes runs resumable and cheap to repeat.
//! * [`pipeline`] drives a batch: inputs, memory, engine, atomic output, report.
#![deny(missing_docs)]

pub mod backend;
pub mod check;
pub mod config;
pub mod document;
pub mod enforce;
pub mod format;
pub mod glossary;
pub mod i18n;
pub mod inputs;
pub mod locale;
pub mod localize;
pub mod matcher;
pub mod memory;
pub mod output;
pub mod pipeline;
pub mod reading;
pub mod recognize;
pub mod report;
pub mod restore;
pub mod review;
pub mod segment;
pub mod sentences;
pub mod serve;
pub mod shard;
pub mod xml;
