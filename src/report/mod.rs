//! Report out: every output format is a reporter writing to a given writer.
//!
//! Every format implements the one [`Reporter`] trait; the library never
//! prints. `check`'s formats each live in their own file; what several of them
//! share (the per-source summary columns, the finding kinds' help text, the
//! timeline) is here or in its own module so that a change is made once.

pub mod check;
pub mod claimreview;
pub mod claims;
pub mod github;
pub mod html;
pub mod rules;
pub mod sarif;
pub mod timeline;

use crate::judge::SourceSummary;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The output formats of `crosscheck claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line, one line per claim.
    Jsonl,
}

/// The output formats of `crosscheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// A table for the terminal (coloured on a terminal, plain when piped).
    Table,
    /// One JSON document, schema crosscheck.check/v1.
    Json,
    /// One JSON object per finding, one per line.
    Jsonl,
    /// GitHub Actions annotations (::error file=...), then the full report.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// One self-contained HTML page: findings, sources, a timeline.
    Html,
    /// schema.org ClaimReview JSON-LD for every refuted claim.
    Claimreview,
}

/// Writes a report of something to `out`.
pub trait Reporter<T: ?Sized> {
    fn write(&self, item: &T, out: &mut dyn Write) -> io::Result<()>;
}

/// A terminal table with crosscheck's look, fitted to `width` columns.
pub(crate) fn table(width: u16, header: Vec<&str>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header);
    t
}

/// One column of the per-source summary: its heading, its JSON key, and its
/// value. Every format renders the summary from this list, so a new column
/// is one entry here.
pub struct SourceColumn {
    pub heading: &'static str,
    pub key: &'static str,
    pub value: fn(&SourceSummary) -> Value,
}

pub const SOURCE_COLUMNS: &[SourceColumn] = &[
    SourceColumn {
        heading: "claims",
        key: "claims",
        value: |s| json!(s.claims),
    },
    SourceColumn {
        heading: "corroborated",
        key: "corroborated",
        value: |s| json!(s.corroborated),
    },
    SourceColumn {
        heading: "contradicted",
        key: "contradicted",
        value: |s| json!(s.contradicted),
    },
    SourceColumn {
        heading: "single-source",
        key: "single_source",
        value: |s| json!(s.single_source),
    },
];

/// A summary value as text in a table cell.
pub(crate) fn cell_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
