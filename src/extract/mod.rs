//! Claims extracted from a document: one recogniser per file, run over a
//! spin-corrected view of the text, with every span mapped back to the file.

pub mod actors;
mod anchors;
pub mod dateline;
pub mod dates;
pub mod fingerprint;
pub mod frame;
pub mod numbers;
pub mod quantities;
pub mod quotes;
pub mod spin;
pub mod tables;

use crate::model::{
    Claim, ClaimKind, ClaimValue, Document, Extraction, Reference, ReferenceSource, Said, Sentence,
    TextKey,
};
use crate::text::{self, LineIndex};
use std::ops::Range;

/// A claim as a recogniser reports it: offsets are into [`Context::text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    pub value: ClaimValue,
    /// A date range's two ends, each where the text states it.
    pub ends: Option<[(usize, usize); 2]>,
}

/// What a recogniser reads.
pub struct Context<'a> {
    /// The document body as recognisers see it (spinner phrases rewritten).
    pub text: &'a str,
    /// Sentence spans of `text`, in order, never crossing a line break.
    pub sentences: &'a [Range<usize>],
    pub reference: &'a Reference,
}

impl Context<'_> {
    /// The sentences that lie on one line each, with their text.
    pub fn sentence_texts(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        self.sentences
            .iter()
            .map(|r| (r.clone(), &self.text[r.clone()]))
    }
}

/// One kind of claim finder. Implementations must be pure: the same context
/// gives the same claims, in the same order.
pub trait Recogniser: Sync {
    fn find(&self, cx: &Context) -> Vec<Found>;
}

/// Runs one recogniser over plain `text` (no spin correction), split into
/// sentences the way [`extract`] splits a document.
pub fn find_in(r: &dyn Recogniser, text: &str, reference: &Reference) -> Vec<Found> {
    let sentences = text::sentences(text, 0..text.len());
    r.find(&Context {
        text,
        sentences: &sentences,
        reference,
    })
}

/// Options for extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides any reference date from front matter or inference.
    pub reference: Option<Reference>,
    /// Only the claims: leave out the document's profile (spinner phrases,
    /// names, text sketch), which only judging reads: about a fifth of the
    /// instructions of listing claims.
    pub claims_only: bool,
}

/// Builds the compiled regexes and lexicons extraction needs, in two halves
/// of about equal cost side by side: the combined date regex on one thread;
/// the spin lexicon, the quantity prefilter and the date alternatives on
/// the other. They are built on first use anyway; on a handful of articles,
/// building them one after the other was half the run.
pub fn warm() {
    rayon::join(dates::warm, || {
        spin::Lexicon::bundled();
        quantities::warm();
        crate::lang::words::warm();
        crate::lang::morph::warm();
        crate::lang::lexicon::Lexicon::bundled();
        dates::warm_alternatives();
    });
}

/// Extracts every claim from a document.
pub fn extract(doc: &Document, opts: &Options) -> Extraction {
    extract_keyed(doc, TextKey::of(doc), opts)
}

/// [`extract`] for a document whose key the caller has already hashed (to
/// find its copies before reading it): a text is hashed once.
pub fn extract_keyed(doc: &Document, text: TextKey, opts: &Options) -> Extraction {
    let body = &doc.text[doc.body_start..];
    let lex = spin::Lexicon::bundled();
    let canon = spin::canonicalise(body, lex);
    let sentences = text::sentences(&canon.text, 0..canon.text.len());
    let lines = LineIndex::new(&doc.text);
    let to_file = |off: usize, end: bool| doc.body_start + canon.map.map(off, end);
    // Dates are matched once; inferring the reference only reads them again.
    let scan = dates::Scan::new(&canon.text, &sentences);
    let given = opts
        .reference
        .clone()
        .or_else(|| front_matter_reference(doc));
    let (reference, dates, dateline_span) = match given {
        // The dateline is still marked as such: its full date reads the
        // same against any reference.
        Some(r) => {
            let dates = scan.read_anchored(&r);
            let span = dateline::find(&canon.text, &dates.0).map(|(span, _)| span);
            (r, dates, span)
        }
        None => {
            let unanchored = scan.read_anchored(&Reference::unknown());
            let dateline = dateline::find(&canon.text, &unanchored.0);
            let from_dateline = dateline.as_ref().and_then(|(_, f)| {
                let ClaimValue::Date(d) = &f.value else {
                    return None;
                };
                let day = d.interval?.start;
                Some(Reference {
                    date: Some(day),
                    year: Some(day.year()),
                    source: ReferenceSource::Dateline {
                        from: canon.text[f.start..f.end].to_string(),
                        line: lines.position(&doc.text, to_file(f.start, false)).0,
                    },
                })
            });
            let span = dateline.map(|(span, _)| span);
            let r = from_dateline.unwrap_or_else(|| {
                reference_from(&canon.text, &sentences, &unanchored.0, |off| {
                    lines.position(&doc.text, to_file(off, false)).0
                })
            });
            // A reference that stays unknown would read every date as the
            // unanchored pass just did (two documents in five of the BBC set).
            let dates = if r == Reference::unknown() {
                unanchored
            } else {
                scan.read_anchored(&r)
            };
            (r, dates, span)
        }
    };
    let cx = Context {
        text: &canon.text,
        sentences: &sentences,
        reference: &reference,
    };
    let (dates, pending) = dates;
    let mut found = find_all_with(&cx, dates);
    drop(scan);

    let mut frames = frames_of(&canon.text, &sentences, &found);
    // Dates told against an event the document dates elsewhere: once they
    // are read, the frames of their sentences are read again with them.
    let anchored = anchors::settle(&canon.text, &sentences, &pending, &found, &frames);
    if !anchored.is_empty() {
        found.extend(anchored);
        found = settle_overlaps(found);
        frames = frames_of(&canon.text, &sentences, &found);
    }
    // The dateline states when the page was published, not a fact of the
    // story.
    if let Some(r) = &dateline_span {
        for (f, fr) in found.iter().zip(frames.iter_mut()) {
            if f.start >= r.start && f.end <= r.end {
                fr.attribute = "published".into();
            }
        }
    }
    // A sentence's text and actors are read once and shared by its claims.
    // The text runs on to the end of the sentence's longest claim (a quote
    // of several sentences), so that every claim's own text is a part of it.
    let sentence_ids: Vec<Option<usize>> = found
        .iter()
        .map(|f| sentence_of(&sentences, f.start))
        .collect();
    let mut reach = vec![0; sentences.len()];
    for (f, si) in found.iter().zip(&sentence_ids) {
        if let Some(i) = *si {
            reach[i] = reach[i].max(to_file(f.end, true));
        }
    }
    let mut sentence_cache: Vec<Option<std::sync::Arc<Sentence>>> = vec![None; sentences.len()];
    let mut claims = Vec::with_capacity(found.len());
    for ((f, frame), si) in found.into_iter().zip(frames).zip(sentence_ids) {
        let (start, end) = (to_file(f.start, false), to_file(f.end, true));
        let own = || Said::whole(&doc.text[start..end], Box::default());
        let said = match si {
            Some(i) => {
                let r = &sentences[i];
                let from = to_file(r.start, false);
                let sentence = sentence_cache[i].get_or_insert_with(|| {
                    let to = to_file(r.end, true);
                    Sentence::new(
                        &doc.text[from..to.max(reach[i])],
                        to - from,
                        actors::find(&canon.text[r.clone()])
                            .iter()
                            .map(|a| crate::model::Word::new(a))
                            .collect(),
                    )
                });
                Said::new(sentence.clone(), start - from).unwrap_or_else(own)
            }
            None => own(),
        };
        let (line, column) = lines.position(&doc.text, start);
        let ends = f
            .ends
            .map(|e| Box::new(e.map(|(a, b)| (to_file(a, false), to_file(b, true)))));
        claims.push(Claim {
            kind: f.kind,
            start,
            end,
            line,
            column,
            said,
            value: f.value,
            frame: frame.into(),
            ends,
        });
    }
    Extraction {
        path: doc.path.clone(),
        title: doc.front_matter.title.clone(),
        outlet: doc.front_matter.outlet.clone(),
        url: doc.front_matter.url.clone(),
        reference,
        origin: None,
        text,
        claims: claims.into(),
        profile: if opts.claims_only {
            Default::default()
        } else {
            std::sync::Arc::new(fingerprint::profile(
                &doc.text,
                doc.body_start,
                &canon,
                &lines,
                lex,
            ))
        },
    }
}

/// The frame of each claim (in order), read sentence by sentence.
fn frames_of(text: &str, sentences: &[Range<usize>], found: &[Found]) -> Vec<crate::model::Frame> {
    let mut out = vec![crate::model::Frame::default(); found.len()];
    let mut i = 0;
    while i < found.len() {
        let Some(si) = sentence_of(sentences, found[i].start) else {
            i += 1;
            continue;
        };
        let r = &sentences[si];
        let mut j = i;
        while j < found.len() && found[j].start < r.end && found[j].start >= r.start {
            j += 1;
        }
        let slots: Vec<frame::Slot> = found[i..j]
            .iter()
            .map(|f| frame::Slot {
                start: f.start - r.start,
                end: f.end.min(r.end) - r.start,
                kind: f.kind,
                value: &f.value,
            })
            .collect();
        for (k, fr) in frame::frames(&text[r.clone()], &slots)
            .into_iter()
            .enumerate()
        {
            out[i + k] = fr;
        }
        i = j.max(i + 1);
    }
    out
}

/// Runs every recogniser and settles overlaps between them.
pub fn find_all(cx: &Context) -> Vec<Found> {
    find_all_with(cx, dates::Dates.find(cx))
}

/// [`find_all`] with the dates already found.
fn find_all_with(cx: &Context, dates: Vec<Found>) -> Vec<Found> {
    let recognisers: [&dyn Recogniser; 3] =
        [&quantities::Quantities, &quotes::Quotes, &tables::Tables];
    let mut all = dates;
    for r in recognisers {
        all.extend(r.find(cx));
    }
    settle_overlaps(all)
}

/// A number inside a date ("2024", "five days earlier") is not a count, and
/// a table row already carries the dates and counts of its cells.
fn settle_overlaps(mut all: Vec<Found>) -> Vec<Found> {
    let dates = Spans::of(&all, |k| {
        matches!(k, ClaimKind::Date | ClaimKind::DateRange)
    });
    let rows = Spans::of(&all, |k| k == ClaimKind::TableRow);
    all.retain(|f| match f.kind {
        ClaimKind::TableRow | ClaimKind::Quote => true,
        ClaimKind::Date | ClaimKind::DateRange => !rows.overlaps(f),
        _ => !rows.overlaps(f) && !dates.overlaps(f),
    });
    all.sort_by_key(|a| (a.start, a.end, a.kind));
    all.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
    all
}

/// Spans sorted by start, with the running maximum of their ends, so an
/// overlap test is a binary search rather than a scan.
struct Spans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Spans {
    fn of(all: &[Found], keep: impl Fn(ClaimKind) -> bool) -> Spans {
        let mut spans: Vec<(usize, usize)> = all
            .iter()
            .filter(|f| keep(f.kind))
            .map(|f| (f.start, f.end))
            .collect();
        spans.sort_unstable();
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        Spans {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    fn overlaps(&self, f: &Found) -> bool {
        let k = self.starts.partition_point(|&s| s < f.end);
        k > 0 && self.max_end[k - 1] > f.start
    }
}

fn sentence_of(sentences: &[Range<usize>], off: usize) -> Option<usize> {
    let i = sentences.partition_point(|r| r.end <= off);
    (i < sentences.len() && sentences[i].start <= off).then_some(i)
}

/// The front matter's `published`, read as a date.
fn front_matter_reference(doc: &Document) -> Option<Reference> {
    let published = doc.front_matter.published.as_deref()?;
    let d = dates::parse_date(published, &Reference::unknown())?;
    let iv = d.interval?;
    let date = (d.granularity == crate::model::Granularity::Day).then_some(iv.start);
    Some(Reference {
        date,
        year: Some(iv.start.year()),
        source: ReferenceSource::FrontMatter,
    })
}

/// Infers a reference date from the document's own explicit dates: an
/// article is written no earlier than the latest date it states in full.
/// When the latest explicit date is a full date it becomes the reference day;
/// a month of a year gives only its year. A year alone gives nothing, and
/// with no such date the year stays unknown.
pub fn infer_reference(
    text: &str,
    sentences: &[Range<usize>],
    line_of: impl Fn(usize) -> usize,
) -> Reference {
    reference_from(
        text,
        sentences,
        &dates::Scan::new(text, sentences).read(&Reference::unknown()),
        line_of,
    )
}

/// [`infer_reference`] from the dates read without a reference.
fn reference_from(
    text: &str,
    sentences: &[Range<usize>],
    found: &[Found],
    line_of: impl Fn(usize) -> usize,
) -> Reference {
    let unknown = Reference::unknown();
    let mut best: Option<(jiff::civil::Date, bool, usize, usize)> = None;
    for f in found {
        // A range's end is as explicit as a lone date ("through June 2025").
        let ds: Vec<&crate::model::DateValue> = match &f.value {
            ClaimValue::Date(d) => vec![d],
            ClaimValue::DateRange { from, to, .. } => vec![from, to],
            _ => continue,
        };
        for d in ds {
            // A year or a decade alone ("in 1991", "the 1950s") is mostly
            // history: an obituary's latest year is not when it was written,
            // and a wrong year moves every "December 2" of the document
            // into a false conflict. A month of a year still dates it.
            if d.relative
                || d.modifier.is_some()
                || d.granularity >= crate::model::Granularity::Year
            {
                continue;
            }
            let Some(iv) = d.interval else { continue };
            let full = d.granularity == crate::model::Granularity::Day;
            let better = match best {
                None => true,
                Some((b, bfull, _, _)) => iv.start > b || (iv.start == b && full && !bfull),
            };
            if better {
                best = Some((iv.start, full, f.start, f.end));
            }
        }
    }
    // A year the document tells in the past ("beat Italy in the 1994 World
    // Cup") was behind it when it was written: a month or day of an earlier
    // year ("the previous encounter back in June 1984") is history, not when
    // it was written, and would move every year-less date of the document
    // decades back. Every month or day stated is then older than that year,
    // so none dates the document. (Only the years after the latest month
    // are asked their tense: most documents have none.)
    let history = best.is_some_and(|(latest, _, _, _)| {
        found.iter().any(|f| match &f.value {
            ClaimValue::Date(d)
                if d.granularity == crate::model::Granularity::Year
                    && !d.relative
                    && d.modifier.is_none() =>
            {
                d.interval.is_some_and(|iv| iv.start.year() > latest.year())
                    && dates::told_in_past(text, sentences, f.start, f.end)
            }
            _ => false,
        })
    });
    match best {
        None => unknown,
        Some(_) if history => unknown,
        Some((date, full, s, e)) => Reference {
            date: full.then_some(date),
            year: Some(date.year()),
            source: ReferenceSource::Inferred {
                from: text[s..e].to_string(),
                line: line_of(s),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrontMatter;

    fn doc(text: &str) -> Document {
        Document {
            path: "t.txt".into(),
            text: text.into(),
            body_start: 0,
            front_matter: FrontMatter::default(),
        }
    }

    /// The document's first claim of `kind`.
    fn first_of(ex: &Extraction, kind: ClaimKind) -> &Claim {
        ex.claims
            .iter()
            .find(|c| c.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} claim"))
    }

    #[test]
    fn documents_read_together_share_the_sentences_they_tell_alike() {
        let told = "Police said 12 people were arrested on Monday in Leeds.";
        let read = |text: &str| extract(&doc(text), &Options::default());
        let mut a = read(&format!("{told}\nThe mayor spoke."));
        let mut b = read(&format!("Officials spoke first.\n{told}"));
        let mut other = read("Police said 12 people were arrested on Monday in York.");
        let before: Vec<Vec<Claim>> = [&a, &b, &other]
            .iter()
            .map(|ex| ex.claims.to_vec())
            .collect();
        let mut store = crate::model::Sentences::default();
        for ex in [&mut a, &mut b, &mut other] {
            store.share(&mut ex.claims);
        }
        // Nothing a claim says changes: only where its sentence is kept.
        for (ex, was) in [&a, &b, &other].iter().zip(&before) {
            assert_eq!(&ex.claims[..], &was[..]);
        }
        let of = |ex: &Extraction| -> Vec<(usize, usize)> {
            ex.claims
                .iter()
                .filter(|c| c.sentence() == told || c.sentence().ends_with("York."))
                .map(|c| (c.sentence_id(), c.frame.context.id()))
                .collect()
        };
        let (in_a, in_b, in_other) = (of(&a), of(&b), of(&other));
        assert!(in_a.len() >= 2, "a count and a date: {in_a:?}");
        // One copy of the sentence and of each claim's context words.
        assert_eq!(in_a, in_b);
        assert!(in_a.iter().all(|(s, _)| *s == in_a[0].0));
        assert!(in_other.iter().all(|(s, _)| *s != in_a[0].0));
    }

    #[test]
    fn claims_point_at_the_original_text_through_spin() {
        let text =
            "The Division of Investigation said 5 incidents occurred.\nOn Nov. 21, 2024, it acted.";
        let ex = extract(&doc(text), &Options::default());
        let date = first_of(&ex, ClaimKind::Date);
        assert_eq!(date.surface(), "Nov. 21, 2024");
        assert_eq!((date.line, date.column), (2, 4));
        assert_eq!(&text[date.start..date.end], "Nov. 21, 2024");
        let q = first_of(&ex, ClaimKind::Quantity);
        assert!(q.sentence().starts_with("The Division of Investigation"));
    }

    #[test]
    fn a_quote_that_runs_past_its_sentence_keeps_its_whole_text() {
        let text = "\"The raids were wrong. They must stop,\" said Jane Roe on 5 May 2024.";
        let ex = extract(&doc(text), &Options::default());
        let quote = first_of(&ex, ClaimKind::Quote);
        assert_eq!(
            quote.surface(),
            &text[quote.start..quote.end],
            "the matched text as it stands in the file"
        );
        assert!(quote.surface().ends_with("They must stop,\""));
        assert_eq!(quote.sentence(), "\"The raids were wrong.");
        // The date of the next sentence has a text of its own.
        let date = first_of(&ex, ClaimKind::Date);
        assert_eq!(date.surface(), "5 May 2024");
        assert!(date.sentence().starts_with("They must stop"));
        assert!(!date.shares_sentence(quote));
    }

    #[test]
    fn reference_is_inferred_from_latest_full_date() {
        let text = "It began on March 3, 2023. It ended on May 9, 2024.";
        let ex = extract(&doc(text), &Options::default());
        assert_eq!(ex.reference.value(), "2024-05-09");
        assert!(matches!(
            ex.reference.source,
            ReferenceSource::Inferred { ref from, line: 1 } if from == "May 9, 2024"
        ));
    }

    #[test]
    fn a_year_or_a_decade_alone_never_dates_the_article() {
        let ex = extract(
            &doc("She was the pin-up of the 1950s and quit modelling in the '70s."),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "XXXX");
        // Nor does a year alone: "since 1991" in a story of 2008.
        let ex = extract(
            &doc("Somalia has had no government since 1991. Pirates struck on December 2."),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "XXXX");
        let ex = extract(
            &doc("A star of the 1950s, she quit in March 1957."),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "1957");
    }

    #[test]
    fn a_month_before_a_year_told_in_the_past_is_history() {
        // The year told in the past was behind the writer: the earlier
        // month cannot be when the article was written.
        let ex = extract(
            &doc(
                "They last met back in June 1984. The club was relegated in 1994. \
                 The rematch is on 17 August.",
            ),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "XXXX");
        let rematch = ex.claims.iter().find(|c| c.surface() == "17 August");
        assert_eq!(
            rematch.map(|c| c.value.display()).as_deref(),
            Some("XXXX-08-17")
        );
        // A later year still ahead of the writer says nothing of it.
        let ex = extract(
            &doc("The plant opened in June 2004. It will double its output by 2006."),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "2004");
        // Nor does an earlier year told in the past.
        let ex = extract(
            &doc("The plant was sold in 2001. It reopened in June 2004."),
            &Options::default(),
        );
        assert_eq!(ex.reference.value(), "2004");
    }

    #[test]
    fn reference_stays_unknown_without_a_year() {
        let ex = extract(&doc("It happened on June 9."), &Options::default());
        assert_eq!(ex.reference.source, ReferenceSource::Unknown);
        assert_eq!(ex.reference.value(), "XXXX");
    }
}
