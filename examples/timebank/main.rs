//! Scores crosscheck's date recogniser on the gold DATE TIMEX3s of a TimeML set
//! (TimeBank, AQUAINT).
//!
//! ```text
//! cargo run --release --example timebank -- ../shared/timeml/timebank [--errors]
//! ```
//!
//! Each document's `<TEXT>` is stripped to plain text and run through
//! `crosscheck::extract::extract` with the creation time (`<DCT>`) as the
//! reference date; date and date-range claims are scored against the gold
//! DATE expressions (relaxed span, strict span, and value).

mod timeml;

use crosscheck::extract::{extract, Options};
use crosscheck::model::{ClaimValue, Document, FrontMatter, Reference};
use std::path::PathBuf;
use timeml::{Pred, Scores};

/// Where the `to` part of a range starts in its surface: after the last
/// separator ("through", "to", "and", a dash).
fn split_range(surface: &str) -> usize {
    let lower = surface.to_ascii_lowercase();
    let mut best = surface.len() / 2;
    for sep in [
        " through ",
        " thru ",
        " until ",
        " till ",
        " to ",
        " and ",
        "-",
        "\u{2013}",
    ] {
        if let Some(i) = lower.rfind(sep) {
            best = i + sep.len();
            break;
        }
    }
    best
}

/// Throughput of the date recogniser alone over the TimeBank text (one
/// thread), read 20 times over.
fn measure_speed(docs: &[timeml::TimeDoc]) {
    use crosscheck::extract::{dates::Dates, Context, Recogniser};
    let prepared: Vec<(String, Vec<std::ops::Range<usize>>, Reference)> = docs
        .iter()
        .filter_map(|d| {
            let dct: jiff::civil::Date = d.dct.parse().ok()?;
            let s = crosscheck::text::sentences(&d.text, 0..d.text.len());
            Some((d.text.clone(), s, Reference::given(dct)))
        })
        .collect();
    let bytes: usize = prepared.iter().map(|p| p.0.len()).sum();
    let rounds = 20;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (text, sentences, reference) in &prepared {
            let cx = Context {
                text,
                sentences,
                reference,
            };
            n += Dates.find(&cx).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "  dates recogniser: {:.1} MB/s on one thread ({} dates over {} rounds of {} KB)",
        (bytes * rounds) as f64 / secs / 1e6,
        n / rounds,
        rounds,
        bytes / 1000
    );
}

fn main() -> anyhow::Result<()> {
    let mut dir = None;
    let mut show_errors = false;
    let mut speed = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--errors" => show_errors = true,
            "--speed" => speed = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.ok_or_else(|| anyhow::anyhow!("usage: timebank DIR [--errors]"))?;
    let docs = timeml::read_dir(&dir)?;
    let mut scores = Scores::default();
    let mut errors = Vec::new();
    for d in &docs {
        let dct: jiff::civil::Date = d.dct.parse()?;
        let doc = Document {
            path: d.name.clone(),
            text: d.text.clone(),
            body_start: 0,
            front_matter: FrontMatter::default(),
        };
        let opts = Options {
            reference: Some(Reference::given(dct)),
            claims_only: true,
        };
        let ex = extract(&doc, &opts);
        let preds: Vec<Pred> = ex
            .claims
            .iter()
            .filter_map(|c| match &c.value {
                ClaimValue::Date(v) => Some(Pred {
                    start: c.start,
                    end: c.end,
                    parts: vec![(c.start, c.end, v.value.to_string())],
                }),
                ClaimValue::DateRange { from, to, .. } => {
                    let mid = c.start + split_range(c.surface());
                    Some(Pred {
                        start: c.start,
                        end: c.end,
                        parts: vec![
                            (c.start, mid, from.value.to_string()),
                            (mid, c.end, to.value.to_string()),
                        ],
                    })
                }
                _ => None,
            })
            .collect();
        timeml::score(d, &preds, &mut scores, &mut errors);
    }
    if show_errors {
        timeml::print_errors(&errors);
    }
    timeml::print("crosscheck", docs.len(), &scores);
    if speed {
        measure_speed(&docs);
    }
    Ok(())
}
