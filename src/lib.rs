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
pub mod lang;
pub mod ledger;
pub mod model;
pub mod report;
pub mod suppress;
pub mod text;

use input::{InputError, InputNote, Loaded};
use model::Extraction;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

/// A 128-bit hash of a text (XXH3): equal keys mean equal texts short of a
/// 1-in-2^128 accident. Every byte of an archive passes through it: two
/// SipHash passes over each text, as before, were 2.3% of the samples of
/// `claims` on the 100 MB benchmark corpus; XXH3 makes one faster pass.
fn content_key(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

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
    extract_paths_with(paths, opts, &input::Options::default(), |_| {})
}

/// What [`extract_paths_with`] reports as it goes, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The walk is done: this many files, of this many bytes, to read.
    Found { files: usize, bytes: u64 },
    /// One more file was read and extracted; it had this many bytes.
    Done { bytes: u64 },
}

/// One file's result, before the run is put together in walk order.
enum Outcome {
    Extracted(Box<(Extraction, Vec<InputNote>, suppress::Suppressions)>),
    /// An export: one extraction per record.
    Records(Vec<Extraction>, Vec<InputNote>, Vec<InputError>),
    Skipped(InputNote),
    Failed(InputError),
}

/// Like [`extract_paths`], calling `progress` (from any thread) as files are
/// found and read. Files are read and extracted in parallel on the current
/// rayon pool, but the run lists them in walk order, so output does not
/// depend on the number of threads. Each file's text is dropped as soon as
/// its claims are out: memory follows the claims, not the corpus.
///
/// An archive holds the same wire story many times: a file whose text is
/// that of a file already read (by a 128-bit hash) is not extracted again;
/// it shares that file's claims, which extraction would give it anyway.
pub fn extract_paths_with(
    paths: &[PathBuf],
    opts: &extract::Options,
    input_opts: &input::Options,
    progress: impl Fn(Progress) + Sync,
) -> Run {
    use rayon::prelude::*;
    let (walked, ()) = rayon::join(|| input::walk(paths), extract::warm);
    progress(Progress::Found {
        files: walked.files.len(),
        bytes: walked.bytes,
    });
    let seen: Mutex<HashMap<u128, Extraction>> = Mutex::default();
    let outcomes: Vec<Outcome> = walked
        .files
        .par_iter()
        .map(|(path, display)| {
            let (outcome, bytes) = match input::load(path, display, input_opts) {
                Loaded::Document(doc, notes) => {
                    let bytes = doc.text.len() as u64;
                    let key = content_key(&doc.text);
                    let supp = suppress::scan(&doc.text);
                    let known = seen.lock().expect("no panics").get(&key).cloned();
                    let ex = match known {
                        Some(ex) => Extraction {
                            path: doc.path.clone(),
                            ..ex
                        },
                        None => {
                            let mut ex = extract::extract(&doc, opts);
                            // A directive comment is not article text.
                            if !supp.directives.is_empty() {
                                ex.claims.retain(|c| !supp.directives.contains(&c.line));
                            }
                            seen.lock().expect("no panics").insert(key, ex.clone());
                            ex
                        }
                    };
                    (Outcome::Extracted(Box::new((ex, notes, supp))), bytes)
                }
                Loaded::Records(records) => {
                    let bytes = records.documents.iter().map(|d| d.text.len() as u64).sum();
                    let exs = records
                        .documents
                        .iter()
                        .map(|d| extract::extract(d, opts))
                        .collect();
                    (Outcome::Records(exs, records.notes, records.errors), bytes)
                }
                Loaded::Skipped(note) => (Outcome::Skipped(note), 0),
                Loaded::Failed(err) => (Outcome::Failed(err), 0),
            };
            progress(Progress::Done { bytes });
            outcome
        })
        .collect();
    let mut run = Run {
        skipped: walked.skipped,
        errors: walked.errors,
        ..Run::default()
    };
    for outcome in outcomes {
        match outcome {
            Outcome::Extracted(b) => {
                let (ex, notes, supp) = *b;
                run.notes.extend(notes);
                for (line, message) in &supp.problems {
                    run.notes.push(InputNote {
                        path: format!("{}:{line}", ex.path),
                        message: message.clone(),
                    });
                }
                if !supp.is_empty() {
                    run.suppressions.insert(ex.path.clone(), supp);
                }
                run.extractions.push(ex);
            }
            Outcome::Records(exs, notes, errors) => {
                run.notes.extend(notes);
                run.errors.extend(errors);
                run.extractions.extend(exs);
            }
            Outcome::Skipped(note) => run.skipped.push(note),
            Outcome::Failed(err) => run.errors.push(err),
        }
    }
    run
}
