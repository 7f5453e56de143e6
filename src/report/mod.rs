//! Report out: every output format is a reporter writing to a given writer.
//!
//! Every format implements the one [`Reporter`] trait; the library never
//! prints. `check`'s formats each live in their own file; what several of them
//! share (the per-source summary columns, the finding kinds' help text, the
//! timeline) is here or in its own module so that a change is made once.

pub mod check;
mod check_json;
mod check_table;
pub mod claimreview;
pub mod claims;
mod detail;
pub mod facts;
pub(crate) mod fit;
pub mod github;
pub(crate) mod grid;
pub mod html;
mod json_str;
pub mod ledger_draft;
mod lines;
mod quotes;
pub mod sarif;
pub mod timeline;
pub mod words;

use crate::judge::SourceSummary;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The output formats of `crosscheck claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// One JSON document, written as the files are read (an archive's
    /// claims are never held whole).
    Json,
    /// One JSON object per line, one line per claim, written as the files
    /// are read.
    Jsonl,
}

/// The output formats of `crosscheck timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// Events in date order for the terminal.
    Table,
    /// One JSON document, schema crosscheck.timeline/v1.
    Json,
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

/// One column of the per-source summary: its heading, its JSON key, its
/// value in JSON and as text in a table cell. Every format renders the
/// summary from this list, so a new column is one entry here.
pub struct SourceColumn {
    pub heading: &'static str,
    pub key: &'static str,
    pub value: fn(&SourceSummary) -> Value,
    pub text: fn(&SourceSummary) -> String,
}

pub const SOURCE_COLUMNS: &[SourceColumn] = &[
    SourceColumn {
        heading: "claims",
        key: "claims",
        value: |s| json!(s.claims),
        text: |s| s.claims.to_string(),
    },
    SourceColumn {
        heading: "corroborated",
        key: "corroborated",
        value: |s| json!(s.corroborated),
        text: |s| s.corroborated.to_string(),
    },
    SourceColumn {
        heading: "contradicted",
        key: "contradicted",
        value: |s| json!(s.contradicted),
        text: |s| s.contradicted.to_string(),
    },
    SourceColumn {
        heading: "single-source",
        key: "single_source",
        value: |s| json!(s.single_source),
        text: |s| s.single_source.to_string(),
    },
    SourceColumn {
        heading: "spin /1k words",
        key: "spin",
        value: |s| json!(s.spin),
        text: |s| spin_cell(&s.spin),
    },
    SourceColumn {
        heading: "rewrite of",
        key: "rewrite_of",
        value: |s| json!(s.rewrite_of),
        text: |s| {
            s.rewrite_of
                .as_ref()
                .map(|r| format!("{} ({})", r.path, r.kind))
                .unwrap_or_default()
        },
    },
    SourceColumn {
        heading: "signals",
        key: "signals",
        value: |s| json!(s.signals),
        text: |s| {
            s.signals
                .iter()
                .map(|x| x.kind)
                .collect::<Vec<_>>()
                .join(", ")
        },
    },
    SourceColumn {
        heading: "note",
        key: "note",
        value: |s| json!(s.note),
        text: |s| s.note.clone(),
    },
];

/// "35.13: Getty Photographs (×7), Picture by (×4), the town (×2)"
pub(crate) fn spin_cell(s: &crate::judge::sources::Spin) -> String {
    if s.hits == 0 {
        return "0".to_string();
    }
    let ev: Vec<String> = s
        .evidence
        .iter()
        .take(3)
        .map(|e| {
            if e.count > 1 {
                format!("{} (×{})", e.written, e.count)
            } else {
                e.written.clone()
            }
        })
        .collect();
    format!("{}: {}", s.per_1k_words, ev.join(", "))
}

/// A JSON array written as its elements are made, one at a time: a report
/// of an archive holds millions of findings, and a tree of them all took
/// gigabytes before the first byte was written.
pub(crate) struct Seq<F>(pub F);

impl<F, I> serde::Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

#[cfg(test)]
mod tests {
    use super::Seq;

    #[test]
    fn a_streamed_array_writes_the_bytes_a_built_one_does() {
        for n in [0, 1, 3] {
            let streamed = Seq(|| (0..n).map(|i| serde_json::json!({ "b": i, "a": [i] })));
            let built: Vec<_> = (0..n)
                .map(|i| serde_json::json!({ "b": i, "a": [i] }))
                .collect();
            assert_eq!(
                serde_json::to_string_pretty(&serde_json::json!({ "x": built })).unwrap(),
                serde_json::to_string_pretty(&std::collections::BTreeMap::from([("x", streamed)]))
                    .unwrap()
            );
        }
    }
}
