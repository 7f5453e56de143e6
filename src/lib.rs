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
pub mod provenance;
pub mod report;
pub mod session;
mod sets;
pub mod suppress;
pub mod text;

use input::{InputError, InputNote, Loaded};
use model::Extraction;
pub use model::Run;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

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
/// that of a file already read (the same [`model::TextKey`]) is not
/// extracted again; it shares that file's claims, which extraction would
/// give it anyway.
pub fn extract_paths_with(
    paths: &[PathBuf],
    opts: &extract::Options,
    input_opts: &input::Options,
    progress: impl Fn(Progress) + Sync,
) -> Run {
    use rayon::prelude::*;
    let (walked, ()) = rayon::join(|| input::walk(paths, &input_opts.ignore), extract::warm);
    progress(Progress::Found {
        files: walked.files.len(),
        bytes: walked.bytes,
    });
    let seen: Mutex<HashMap<model::TextKey, Extraction>> = Mutex::default();
    let outcomes: Vec<Outcome> = walked
        .files
        .par_iter()
        .map(|(path, display)| {
            let (outcome, bytes) = match input::load(path, display, input_opts) {
                Loaded::Document(doc, notes) => {
                    let bytes = doc.text.len() as u64;
                    let key = model::TextKey::of(&doc);
                    let supp = suppress::scan(&doc.text);
                    let known = seen.lock().expect("no panics").get(&key).cloned();
                    let origin = Some(model::Origin {
                        file: path.clone(),
                        record: None,
                    });
                    let ex = match known {
                        Some(ex) => Extraction {
                            path: doc.path.clone(),
                            origin,
                            ..ex
                        },
                        None => {
                            let mut ex = extract_document(&doc, key, &supp, opts);
                            ex.origin = origin;
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
                        .enumerate()
                        .map(|(k, d)| Extraction {
                            origin: Some(model::Origin {
                                file: path.clone(),
                                record: Some(k),
                            }),
                            ..extract::extract(d, opts)
                        })
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

/// Extracts a document read from a file, leaving out its directive lines.
fn extract_document(
    doc: &model::Document,
    key: model::TextKey,
    supp: &suppress::Suppressions,
    opts: &extract::Options,
) -> Extraction {
    let mut ex = extract::extract_keyed(doc, key, opts);
    // A directive comment is not article text.
    if !supp.directives.is_empty() {
        ex.claims.retain(|c| !supp.directives.contains(&c.line));
    }
    ex
}

/// Days within which the datelines of a story's documents must all fall for
/// it to date a document that has none.
pub const MAX_STORY_SPREAD_DAYS: i32 = 4;
/// How alike (see `align::story`) a dated document must be to date another:
/// well above what links a story, since a date taken from the wrong story
/// moves every "Sunday" of the document.
pub const STORY_DATE_SIMILARITY: f32 = 0.4;

/// Gives each document that has no dateline of its own (its reference date
/// is only guessed from its body, or unknown) the date its story's
/// documents agree on, and reads it again against that date: "on Sunday"
/// then resolves, and a historical date of the body no longer stands for
/// the day it was written. The story's dated documents must lie within
/// [`MAX_STORY_SPREAD_DAYS`] of each other, at least
/// [`STORY_DATE_SIMILARITY`] alike to it, and closer to it than any undated
/// one; their middle date is taken. `drafts` marks the drafts of `check
/// --against`: a draft is dated by its references, never a reference by a
/// draft, whose own date is under check. Nothing changes when `opts` gives
/// the reference (every document then has it), or for a document that
/// cannot be read again.
pub fn settle_references(
    exs: &mut [Extraction],
    drafts: &[bool],
    opts: &extract::Options,
    input_opts: &input::Options,
) {
    use rayon::prelude::*;
    // A draft's own date is what is being checked: it dates no reference.
    let day = |o: usize| {
        let r = &exs[o].reference;
        r.date
            .filter(|_| r.reliable() && !drafts.get(o).copied().unwrap_or(false))
    };
    if exs.iter().all(|e| e.reference.reliable()) || !(0..exs.len()).any(|o| day(o).is_some()) {
        return;
    }
    let weights = vec![1; exs.len()];
    let stories = align::story::Stories::of(exs, &weights, drafts);
    let plans: Vec<(usize, model::Reference)> = (0..exs.len())
        .filter(|&d| !exs[d].reference.reliable() && exs[d].origin.is_some())
        .filter_map(|d| {
            // The documents closer to it than any undated one: a report of a
            // later quake on the same island is closest to the other undated
            // reports of it, not to the dated ones of the first quake.
            let mut linked: Vec<(f32, usize)> = stories.links[d]
                .iter()
                .zip(&stories.sims[d])
                .map(|(&o, &s)| (s, o))
                .collect();
            linked.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut dated: Vec<(jiff::civil::Date, usize)> = linked
                .iter()
                .take_while(|&&(s, _)| s >= STORY_DATE_SIMILARITY)
                .map_while(|&(_, o)| Some((day(o)?, o)))
                .collect();
            dated.sort_unstable();
            let (first, last) = (dated.first()?.0, dated.last()?.0);
            if (last - first).get_days() > MAX_STORY_SPREAD_DAYS {
                return None;
            }
            let (date, from) = dated[(dated.len() - 1) / 2];
            Some((
                d,
                model::Reference {
                    date: Some(date),
                    year: Some(date.year()),
                    source: model::ReferenceSource::Story {
                        from: exs[from].path.clone(),
                        of: dated.len(),
                    },
                },
            ))
        })
        .collect();
    // Each file is read once, however many records of an export it holds.
    let view: &[Extraction] = exs;
    let mut by_file: std::collections::BTreeMap<&std::path::Path, Vec<(usize, model::Reference)>> =
        Default::default();
    for (d, reference) in plans {
        if let Some(origin) = &view[d].origin {
            by_file
                .entry(origin.file.as_path())
                .or_default()
                .push((d, reference));
        }
    }
    let settled: Vec<(usize, Extraction)> = by_file
        .into_par_iter()
        .flat_map_iter(|(file, plans)| {
            let loaded = input::load(file, &view[plans[0].0].path, input_opts);
            plans.into_iter().filter_map(move |(d, reference)| {
                let origin = view[d].origin.clone()?;
                let opts = extract::Options {
                    reference: Some(reference),
                    claims_only: opts.claims_only,
                };
                let ex = match (&loaded, origin.record) {
                    (Loaded::Document(doc, _), None) => extract_document(
                        doc,
                        model::TextKey::of(doc),
                        &suppress::scan(&doc.text),
                        &opts,
                    ),
                    (Loaded::Records(records), Some(k)) => {
                        extract::extract(records.documents.get(k)?, &opts)
                    }
                    _ => return None,
                };
                Some((
                    d,
                    Extraction {
                        path: view[d].path.clone(),
                        origin: Some(origin),
                        ..ex
                    },
                ))
            })
        })
        .collect();
    for (d, ex) in settled {
        exs[d] = ex;
    }
}
