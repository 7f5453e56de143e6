//! Report out: every output format is a reporter writing to a given writer.

pub mod check;
pub mod claims;

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
