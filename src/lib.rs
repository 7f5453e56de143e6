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
    let mut extractions = Vec::new();
    let (mut run, Ok(())) =
        extract_paths_streaming(paths, opts, input_opts, progress, Stream::Whole, |ex| {
            extractions.extend(ex);
            Ok::<(), std::convert::Infallible>(())
        });
    run.extractions = extractions;
    run
}

/// How [`extract_paths_streaming`] hands out the extractions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// All at once, when every file is read: the judging stages read every
    /// document together.
    Whole,
    /// A batch of about this many files at a time, in walk order, each
    /// batch dropped by the caller before the next is read: memory follows
    /// the batch, not the archive. Copies are still found among the last
    /// [`RECENT_COPY_CLAIMS`] claims' documents; a copy read further apart
    /// than that is extracted again, to the same claims.
    Batches(usize),
}

/// How many claims' worth of recent documents a streamed read keeps to
/// find copies among (a wire story's copies sit near each other in an
/// archive's folders): about 100 MB, whatever the archive's size. The
/// copy-heavy bench corpus has verbatim copies some 68,000 claims apart;
/// 2^16 missed them there and doubled the CPU time.
pub const RECENT_COPY_CLAIMS: usize = 1 << 18;

/// Files per batch of a streamed read: enough to keep every core busy
/// between two batches (the last document of a batch is the only wait).
pub const STREAM_BATCH: usize = 1024;

/// The extractions already made, by text, to give to the copies read later.
struct Known {
    by_text: HashMap<model::TextKey, Extraction>,
    /// Texts in the order their extraction was kept, with their claim
    /// counts, to forget the oldest first when `limit` is passed.
    order: std::collections::VecDeque<(model::TextKey, usize)>,
    claims: usize,
    limit: usize,
    /// One copy of each sentence, when every document is kept to the end
    /// of the read (a streamed read drops its sentences with their batch).
    sentences: Option<model::Sentences>,
}

impl Known {
    fn get(&self, key: &model::TextKey) -> Option<Extraction> {
        self.by_text.get(key).cloned()
    }

    fn share_sentences(&mut self, ex: &mut Extraction) {
        if let Some(store) = &mut self.sentences {
            store.share(&mut ex.claims);
        }
    }

    fn keep(&mut self, key: model::TextKey, ex: &Extraction) {
        let n = ex.claims.len();
        if self.by_text.insert(key, ex.clone()).is_none() {
            self.order.push_back((key, n));
            self.claims += n;
        }
        while self.claims > self.limit && self.order.len() > 1 {
            let (old, n) = self.order.pop_front().expect("more than one");
            self.by_text.remove(&old);
            self.claims -= n;
        }
    }
}

/// [`extract_paths_with`], handing the extractions to `sink` in walk order
/// as `stream` says. Returns the run's notes, skips and errors (its
/// `extractions` left empty), and the first error of `sink`, which stops
/// the read (the run then holds what was read before it: a reader of the
/// output that went away, as `head` does, needs no more).
pub fn extract_paths_streaming<E>(
    paths: &[PathBuf],
    opts: &extract::Options,
    input_opts: &input::Options,
    progress: impl Fn(Progress) + Sync,
    stream: Stream,
    mut sink: impl FnMut(Vec<Extraction>) -> Result<(), E>,
) -> (Run, Result<(), E>) {
    use rayon::prelude::*;
    let (walked, ()) = rayon::join(|| input::walk(paths, &input_opts.ignore), extract::warm);
    progress(Progress::Found {
        files: walked.files.len(),
        bytes: walked.bytes,
    });
    let (batch, limit) = match stream {
        Stream::Whole => (walked.files.len().max(1), usize::MAX),
        Stream::Batches(n) => (n.max(1), RECENT_COPY_CLAIMS),
    };
    let known = Mutex::new(Known {
        by_text: HashMap::new(),
        order: Default::default(),
        claims: 0,
        limit,
        sentences: (stream == Stream::Whole).then(model::Sentences::default),
    });
    let mut run = Run {
        skipped: walked.skipped,
        errors: walked.errors,
        ..Run::default()
    };
    for files in walked.files.chunks(batch) {
        let outcomes: Vec<Outcome> = files
            .par_iter()
            .map(|(path, display)| {
                let (outcome, bytes) = read_file(path, display, opts, input_opts, &known);
                progress(Progress::Done { bytes });
                outcome
            })
            .collect();
        let mut extractions = Vec::with_capacity(outcomes.len());
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
                    extractions.push(ex);
                }
                Outcome::Records(exs, notes, errors) => {
                    run.notes.extend(notes);
                    run.errors.extend(errors);
                    extractions.extend(exs);
                }
                Outcome::Skipped(note) => run.skipped.push(note),
                Outcome::Failed(err) => run.errors.push(err),
            }
        }
        if let Err(e) = sink(extractions) {
            return (run, Err(e));
        }
    }
    (run, Ok(()))
}

/// Reads and extracts one file, or gives it the extraction of a copy read
/// before. Returns the outcome and the bytes read.
fn read_file(
    path: &std::path::Path,
    display: &str,
    opts: &extract::Options,
    input_opts: &input::Options,
    known: &Mutex<Known>,
) -> (Outcome, u64) {
    match input::load(path, display, input_opts) {
        Loaded::Document(doc, notes) => {
            let bytes = doc.text.len() as u64;
            let key = model::TextKey::of(&doc);
            let supp = suppress::scan(&doc.text);
            let copy = known.lock().expect("no panics").get(&key);
            let origin = Some(model::Origin {
                file: path.to_path_buf(),
                record: None,
            });
            let ex = match copy {
                Some(ex) => Extraction {
                    path: doc.path.clone(),
                    origin,
                    ..ex
                },
                None => {
                    let mut ex = extract_document(&doc, key, &supp, opts);
                    ex.origin = origin;
                    let mut known = known.lock().expect("no panics");
                    known.share_sentences(&mut ex);
                    known.keep(key, &ex);
                    ex
                }
            };
            (Outcome::Extracted(Box::new((ex, notes, supp))), bytes)
        }
        Loaded::Records(records) => {
            let bytes = records.documents.iter().map(|d| d.text.len() as u64).sum();
            let mut exs: Vec<Extraction> = records
                .documents
                .iter()
                .enumerate()
                .map(|(k, d)| Extraction {
                    origin: Some(model::Origin {
                        file: path.to_path_buf(),
                        record: Some(k),
                    }),
                    ..extract::extract(d, opts)
                })
                .collect();
            let mut known = known.lock().expect("no panics");
            for ex in &mut exs {
                known.share_sentences(ex);
            }
            (Outcome::Records(exs, records.notes, records.errors), bytes)
        }
        Loaded::Skipped(note) => (Outcome::Skipped(note), 0),
        Loaded::Failed(err) => (Outcome::Failed(err), 0),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Two verbatim copies of a story, an edited copy, a page of another
    /// story, an export of two records, and a file that is no article.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let story = "Police said 12 people were arrested on March 3, 2024.\n\n\
            The mayor, Jane Doe, 54, said the city spent $2 million.\n";
        let files: [(&str, &str); 6] = [
            ("a/one.txt", story),
            ("a/two.txt", &story.replace("12 people", "19 people")),
            ("b/one.txt", story),
            (
                "b/other.md",
                "The museum reopened on June 1, 2023 after 14 months.\n",
            ),
            (
                "c/export.jsonl",
                "{\"text\": \"The bridge opened on May 2, 2022.\"}\n\
                 {\"text\": \"Its span is 300 metres, built over 4 years.\"}\n",
            ),
            ("c/notes.odt", "minutes"),
        ];
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn json(exs: &[Extraction]) -> Vec<serde_json::Value> {
        exs.iter()
            .map(|e| serde_json::to_value(e).unwrap())
            .collect()
    }

    #[test]
    fn a_streamed_read_hands_out_in_batches_what_a_whole_read_holds() {
        let dir = folder();
        let paths = [dir.path().to_path_buf()];
        let opts = extract::Options::default();
        let input = input::Options::default();
        let whole = extract_paths_with(&paths, &opts, &input, |_| {});
        let mut batches = Vec::new();
        let (run, sunk) = extract_paths_streaming(
            &paths,
            &opts,
            &input,
            |_| {},
            Stream::Batches(2),
            |b| {
                batches.push(b);
                Ok::<(), ()>(())
            },
        );
        assert_eq!(sunk, Ok(()));
        assert!(run.extractions.is_empty());
        // Five files are read (the .odt is skipped at the walk): three
        // batches of at most two files, the export giving two documents.
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [2, 2, 2]);
        let streamed: Vec<Extraction> = batches.into_iter().flatten().collect();
        assert_eq!(streamed.len(), 6);
        assert_eq!(json(&streamed), json(&whole.extractions));
        assert_eq!(run.skipped, whole.skipped);
        assert_eq!(run.notes, whole.notes);
        assert_eq!(run.errors, whole.errors);
        assert!(streamed.iter().all(|e| !e.claims.is_empty()));
    }

    #[test]
    fn a_sink_that_fails_stops_the_read_with_its_error() {
        let dir = folder();
        let mut calls = 0;
        let (_, sunk) = extract_paths_streaming(
            &[dir.path().to_path_buf()],
            &extract::Options::default(),
            &input::Options::default(),
            |_| {},
            Stream::Batches(1),
            |_| {
                calls += 1;
                Err("reader gone")
            },
        );
        assert_eq!(sunk, Err("reader gone"));
        assert_eq!(calls, 1);
    }

    #[test]
    fn copies_are_found_among_the_recent_documents_only() {
        let dir = folder();
        let run = extract_paths(&[dir.path().to_path_buf()], &extract::Options::default());
        let ex = |name: &str| {
            run.extractions
                .iter()
                .find(|e| e.path.ends_with(name))
                .unwrap()
                .clone()
        };
        let (one, two, other) = (ex("a/one.txt"), ex("a/two.txt"), ex("other.md"));
        let mut known = Known {
            by_text: HashMap::new(),
            order: Default::default(),
            claims: 0,
            limit: one.claims.len() + two.claims.len(),
            sentences: None,
        };
        known.keep(one.text, &one);
        known.keep(two.text, &two);
        assert!(known.get(&one.text).is_some());
        // A third text passes the limit: the oldest is forgotten first.
        known.keep(other.text, &other);
        assert!(known.get(&one.text).is_none());
        assert!(known.get(&two.text).is_some());
        assert!(known.get(&other.text).is_some());
        assert!(known.claims <= known.limit);
        // A text larger than the limit alone is still kept, until the next.
        known.limit = 1;
        known.keep(one.text, &one);
        assert_eq!(known.order.len(), 1);
        assert!(known.get(&one.text).is_some());
    }
}
