//! crosscheck: cross-check dated factual claims across news articles.
//!
//! The pipeline, one module per stage:
//! documents in ([`input`]) → claims extracted ([`extract`]) → claims
//! aligned ([`align`]) → contradictions judged ([`judge`], against the
//! [`ledger`] of verified facts) → report out ([`report`]). The library never prints; only reporters write, and only to
//! the writer they are given.

pub mod align;
pub mod config;
pub mod extract;
pub mod input;
pub mod judge;
pub mod ledger;
pub mod model;
pub mod report;
pub mod suppress;
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
    /// Inline suppressions by document path (only documents that have any).
    pub suppressions: std::collections::BTreeMap<String, suppress::Suppressions>,
}

/// Walks `paths`, reads every article and extracts its claims.
pub fn extract_paths(paths: &[PathBuf], opts: &extract::Options) -> Run {
    let walked = input::walk(paths);
    let mut run = Run {
        skipped: walked.skipped,
        errors: walked.errors,
        ..Run::default()
    };
    for (path, display) in &walked.files {
        match input::load(path, display) {
            Loaded::Document(doc, notes) => {
                run.notes.extend(notes);
                let mut extraction = extract::extract(&doc, opts);
                let s = suppress::scan(&doc.text);
                extraction
                    .claims
                    .retain(|c| !s.directives.contains(&c.line));
                for (line, message) in &s.problems {
                    run.notes.push(InputNote {
                        path: format!("{}:{line}", doc.path),
                        message: message.clone(),
                    });
                }
                if !s.is_empty() {
                    run.suppressions.insert(doc.path.clone(), s);
                }
                run.extractions.push(extraction);
            }
            Loaded::Skipped(note) => run.skipped.push(note),
            Loaded::Failed(err) => run.errors.push(err),
        }
    }
    run
}
