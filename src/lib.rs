//! crosscheck: cross-check dated factual claims across news articles.
//!
//! The pipeline, one module per stage:
//! documents in ([`input`]) → claims extracted ([`extract`]) → claims
//! aligned ([`align`]) → contradictions judged ([`judge`], against the
//! [`ledger`] of verified facts) → report out ([`report`]). The library never prints; only reporters write, and only to
//! the writer they are given.

pub mod align;
pub mod extract;
pub mod input;
pub mod judge;
pub mod ledger;
pub mod model;
pub mod report;
pub mod text;

use input::{InputError, InputNote, Loaded};
use model::Extraction;
use std::path::PathBuf;

/// Everything a run over some paths produced, in input order.
#[derive(Debug, Default)]
pub struct Run {
    pub extractions: Vec<Extraction>,
    /// Files passed over on purpose (not an article, binary).
    pub skipped: Vec<InputNote>,
    /// Caveats about files that were read.
    pub notes: Vec<InputNote>,
    /// Files that could not be read; the rest of the run still stands.
    pub errors: Vec<InputError>,
}

/// Walks `paths`, reads every article and extracts its claims.
pub fn extract_paths(paths: &[PathBuf], opts: &extract::Options) -> Run {
    extract_paths_with(paths, opts, &input::Options::default())
}

/// [`extract_paths`] with limits and export field names of the caller's.
pub fn extract_paths_with(
    paths: &[PathBuf],
    opts: &extract::Options,
    input_opts: &input::Options,
) -> Run {
    let walked = input::walk(paths);
    let mut run = Run {
        skipped: walked.skipped,
        errors: walked.errors,
        ..Run::default()
    };
    for (path, display) in &walked.files {
        match input::load(path, display, input_opts) {
            Loaded::Document(doc, notes) => {
                run.notes.extend(notes);
                run.extractions.push(extract::extract(&doc, opts));
            }
            Loaded::Records(records) => {
                run.notes.extend(records.notes);
                run.errors.extend(records.errors);
                run.extractions
                    .extend(records.documents.iter().map(|d| extract::extract(d, opts)));
            }
            Loaded::Skipped(note) => run.skipped.push(note),
            Loaded::Failed(err) => run.errors.push(err),
        }
    }
    run
}
