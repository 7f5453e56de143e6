//! Properties over generated input: extraction never panics, every claim is
//! a real slice of its document on its line, normalisation is idempotent,
//! and date intervals run forwards.

use crosscheck::extract::{self, dates, spin};
use crosscheck::input::{self, Kind, Loaded};
use crosscheck::model::{ClaimValue, DateValue, Document, FrontMatter, Reference};
use proptest::prelude::*;

/// Words that wake the recognisers, with the awkward characters news text
/// holds (curly quotes, accents, wide characters, CRLF, table pipes).
const WORDS: &[&str] = &[
    "On",
    "March",
    "3,",
    "2024",
    "Nov.",
    "21",
    "last",
    "year",
    "Monday",
    "early",
    "1990s",
    "between",
    "and",
    "from",
    "to",
    "about",
    "more",
    "than",
    "40",
    "people",
    "five",
    "dozens",
    "aged",
    "19",
    "percent",
    "$5m",
    "\u{a3}300",
    "90-page",
    "said",
    "\u{201c}",
    "\u{201d}",
    "\"",
    ".",
    ",",
    "\n",
    "\r\n",
    "|",
    "---",
    "| Date | Count |",
    "Caf\u{e9}",
    "\u{4e2d}\u{6587}",
    "\u{1f600}",
    "the",
    "council",
    "NYPD",
    "a",
    "week",
    "later",
    "2025-06-30",
    "Q3",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|w| w.join(" "))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>(), "[ -~\n\u{a0}-\u{17f}]{0,400}"]
}

fn reference() -> impl Strategy<Value = Option<Reference>> {
    prop_oneof![
        Just(None),
        (1900i16..2100, 1i8..13, 1i8..29)
            .prop_map(|(y, m, d)| Some(Reference::given(jiff::civil::date(y, m, d)))),
    ]
}

fn doc(text: String) -> Document {
    Document {
        path: "p.md".into(),
        text,
        body_start: 0,
        front_matter: FrontMatter::default(),
    }
}

fn well_ordered(d: &DateValue) -> bool {
    d.interval.is_none_or(|iv| iv.start <= iv.end)
}

proptest! {
    #[test]
    fn claims_are_slices_of_the_file_on_their_line(t in text(), r in reference()) {
        let d = doc(t);
        let ex = extract::extract(&d, &extract::Options {
            reference: r,
            ..Default::default()
        });
        let lines: Vec<&str> = d.text.split('\n').collect();
        for c in &ex.claims {
            prop_assert!(c.start <= c.end && c.end <= d.text.len());
            prop_assert!(d.text.is_char_boundary(c.start) && d.text.is_char_boundary(c.end));
            prop_assert_eq!(&d.text[c.start..c.end], c.surface());
            prop_assert!(c.line >= 1 && c.line <= lines.len());
            let line_start: usize = lines[..c.line - 1].iter().map(|l| l.len() + 1).sum();
            prop_assert!(c.start >= line_start && c.start <= line_start + lines[c.line - 1].len());
            prop_assert_eq!(c.column, d.text[line_start..c.start].chars().count() + 1);
        }
    }

    #[test]
    fn date_intervals_are_well_ordered(t in newsy(), r in reference()) {
        let ex = extract::extract(&doc(t), &extract::Options {
            reference: r,
            ..Default::default()
        });
        for c in &ex.claims {
            match &c.value {
                ClaimValue::Date(d) => prop_assert!(well_ordered(d), "{:?}", d),
                ClaimValue::DateRange { from, to, interval } => {
                    prop_assert!(well_ordered(from) && well_ordered(to));
                    prop_assert!(interval.is_none_or(|iv| iv.start <= iv.end));
                }
                ClaimValue::TableRow { date: Some(d), .. } => prop_assert!(well_ordered(d)),
                _ => {}
            }
        }
    }

    #[test]
    fn spin_normalisation_is_idempotent(t in text()) {
        let lex = spin::Lexicon::bundled();
        let once = spin::canonicalise(&t, lex).text;
        let twice = spin::canonicalise(&once, lex).text;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn a_normalised_day_reads_back_as_itself(t in newsy(), r in reference()) {
        let ex = extract::extract(&doc(t), &extract::Options {
            reference: r,
            ..Default::default()
        });
        for c in &ex.claims {
            if let ClaimValue::Date(d) = &c.value {
                if d.granularity == crosscheck::model::Granularity::Day && d.modifier.is_none() {
                    if let Some(again) = dates::parse_date(&d.value, &Reference::unknown()) {
                        prop_assert_eq!(&again.value, &d.value);
                        prop_assert_eq!(again.interval, d.interval);
                    }
                }
            }
        }
    }

    #[test]
    fn any_bytes_as_any_kind_load_without_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        kind in prop::sample::select(vec![Kind::Article, Kind::Html, Kind::Json, Kind::JsonLines]),
    ) {
        let docs = match input::load_bytes(bytes, "x", kind, &input::Options::default()) {
            Loaded::Document(d, _) => vec![d],
            Loaded::Records(r) => r.documents,
            Loaded::Skipped(_) | Loaded::Failed(_) => Vec::new(),
        };
        for d in docs {
            let ex = extract::extract(&d, &extract::Options::default());
            for c in ex.claims.iter() {
                prop_assert!(d.text.is_char_boundary(c.start) && d.text.is_char_boundary(c.end));
            }
        }
    }

    #[test]
    fn html_text_is_laid_out_on_the_pages_lines(paras in prop::collection::vec(("[a-z ]{1,30}", 0usize..3), 1..20)) {
        // Each paragraph's words must be on the line its <p> starts on.
        let mut html = String::from("<body>\n");
        let mut want = Vec::new();
        for (words, gap) in &paras {
            html.push_str(&"\n".repeat(*gap));
            let line = html.matches('\n').count() + 1;
            html.push_str(&format!("<p>X{words}</p>\n"));
            let text = format!("X{words}");
            want.push((line, text.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        let page = input::html::extract(&html);
        let lines: Vec<&str> = page.text.split('\n').collect();
        for (line, text) in want {
            prop_assert_eq!(lines.get(line - 1).map(|l| l.trim()), Some(text.trim()));
        }
    }
}
