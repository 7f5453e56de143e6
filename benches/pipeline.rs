//! Micro-benchmarks of the pipeline's stages on the demo corpus (divan).
//!
//! `cargo bench --bench pipeline`. Corpus-scale numbers (10 MB to 1 GB,
//! against ripgrep) come from `benches/scale.sh`.

use crosscheck::extract::{self, Options};
use crosscheck::input::{self, Loaded};
use crosscheck::judge;
use crosscheck::model::{Document, Extraction};
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn corpus() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let walked = input::walk(&[dir], &input::Ignore::default());
    walked
        .files
        .iter()
        .filter_map(
            |(p, d)| match input::load(p, d, &input::Options::default()) {
                Loaded::Document(doc, _) => Some(doc),
                _ => None,
            },
        )
        .collect()
}

/// Extraction of every claim of the demo corpus, one document after another.
#[divan::bench]
fn extract_corpus(bencher: divan::Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            docs.iter()
                .map(|d| extract::extract(d, &Options::default()).claims.len())
                .sum::<usize>()
        });
}

/// Judging the demo corpus repeated `copies` times, as an archive holds one
/// wire story many times: copies are judged once, so time should grow with
/// the claims, not with the pairs of copies.
#[divan::bench(args = [1, 10, 100])]
fn judge_copies(bencher: divan::Bencher, copies: usize) {
    let one: Vec<Extraction> = corpus()
        .iter()
        .map(|d| extract::extract(d, &Options::default()))
        .collect();
    let docs: Vec<Extraction> = (0..copies)
        .flat_map(|k| {
            one.iter().map(move |e| Extraction {
                path: format!("{k}/{}", e.path),
                ..e.clone()
            })
        })
        .collect();
    bencher.bench(|| {
        judge::judge(
            &docs,
            &judge::Options {
                drafts: None,
                ledger: None,
            },
        )
        .findings
        .len()
    });
}
