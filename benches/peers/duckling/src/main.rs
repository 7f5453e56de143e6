//! Runs duckling's time dimension over TimeBank with each document's creation
//! time as the reference, scored exactly like crosscheck's
//! `examples/timebank` (the TimeML reading and scoring code is the same file).
//!
//! ```text
//! cd benches/peers/duckling && cargo run --release -- ../../../../shared/timeml/timebank [--errors]
//! ```
//!
//! `--time DIR [SECONDS]` instead times duckling over every `.txt` file
//! under DIR (paragraph by paragraph, as below), for `benches/scale.sh`;
//! past SECONDS (default 300) it stops and reports the rate on what it read.

#[path = "../../../../examples/timebank/timeml.rs"]
mod timeml;

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use duckling::{
    parse, Context, DimensionKind, DimensionValue, Grain, Lang, Locale, Options, TimePoint,
    TimeValue,
};
use std::path::PathBuf;
use timeml::{Pred, Scores};

fn naive(p: &TimePoint) -> (NaiveDateTime, Grain) {
    match p {
        TimePoint::Instant { value, grain } => (value.naive_local(), *grain),
        TimePoint::Naive { value, grain } => (*value, *grain),
    }
}

/// A duckling time point as a TIMEX3 value at its grain.
fn timex(t: NaiveDateTime, g: Grain) -> String {
    let d = t.date();
    match g {
        Grain::NoGrain => "PRESENT_REF".to_string(),
        Grain::Year => format!("{:04}", d.year()),
        Grain::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
        Grain::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Grain::Week => {
            let w = d.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

/// Times duckling over a folder of plain-text articles.
fn time_dir(dir: &std::path::Path, budget: f64) {
    fn files(d: &std::path::Path, out: &mut Vec<PathBuf>) {
        let mut es: Vec<PathBuf> = std::fs::read_dir(d)
            .expect("read folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        es.sort();
        for e in es {
            if e.is_dir() {
                files(&e, out);
            } else if e.extension().is_some_and(|x| x == "txt") {
                out.push(e);
            }
        }
    }
    let mut all = Vec::new();
    files(dir, &mut all);
    let locale = Locale::new(Lang::EN, None);
    let options = Options::default();
    let context = Context::new(
        FixedOffset::east_opt(0)
            .unwrap()
            .from_utc_datetime(&NaiveDate::from_ymd_opt(2005, 1, 1).unwrap().and_hms_opt(12, 0, 0).unwrap()),
        locale,
    );
    let start = std::time::Instant::now();
    let (mut bytes, mut found, mut read) = (0usize, 0usize, 0usize);
    for f in &all {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        for line in text.split_inclusive('\n') {
            found += parse(line, &locale, &[DimensionKind::Time], &context, &options).len();
        }
        bytes += text.len();
        read += 1;
        if start.elapsed().as_secs_f64() > budget {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "duckling: {read} of {} files, {:.1} MB in {secs:.1} s = {:.3} MB/s, {found} time entities",
        all.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        let dir = PathBuf::from(args.get(1).expect("usage: --time DIR [SECONDS]"));
        let budget = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300.0);
        time_dir(&dir, budget);
        return;
    }
    let mut dir = None;
    let mut show_errors = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--errors" => show_errors = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.expect("usage: duckling-timebank DIR [--errors]");
    let docs = timeml::read_dir(&dir).expect("read TimeBank");
    let locale = Locale::new(Lang::EN, None);
    let options = Options::default();
    let mut scores = Scores::default();
    let mut errors = Vec::new();
    for d in &docs {
        let dct = NaiveDate::parse_from_str(&d.dct, "%Y-%m-%d").expect("DCT");
        let context = Context::new(
            FixedOffset::east_opt(0)
                .unwrap()
                .from_utc_datetime(&dct.and_hms_opt(12, 0, 0).unwrap()),
            locale,
        );
        let mut preds = Vec::new();
        // Duckling is built for utterances: run it paragraph by paragraph.
        let mut off = 0;
        for line in d.text.split_inclusive('\n') {
            let ents = parse(line, &locale, &[DimensionKind::Time], &context, &options);
            for e in ents {
                let (s, en) = (off + e.start, off + e.end);
                let parts = match &e.value {
                    DimensionValue::Time(TimeValue::Single { value, .. }) => {
                        let (t, g) = naive(value);
                        vec![(s, en, timex(t, g))]
                    }
                    DimensionValue::Time(TimeValue::Interval { from, to, .. }) => {
                        let mid = s + (en - s) / 2;
                        let mut parts = Vec::new();
                        if let Some(f) = from {
                            let (t, g) = naive(f);
                            parts.push((s, mid, timex(t, g)));
                        }
                        if let Some(x) = to {
                            // Duckling's interval end is exclusive.
                            let (t, g) = naive(x);
                            parts.push((mid, en, timex(t - Duration::seconds(1), g)));
                        }
                        parts
                    }
                    _ => continue,
                };
                preds.push(Pred {
                    start: s,
                    end: en,
                    parts,
                });
            }
            off += line.len();
        }
        timeml::score(d, &preds, &mut scores, &mut errors);
    }
    if show_errors {
        timeml::print_errors(&errors);
    }
    timeml::print("duckling 0.4.0", docs.len(), &scores);
}
