//! Dates in English news text: full, partial and relative dates, quarters,
//! halves, seasons, decades, fiscal years and ranges, each normalised to a
//! TIMEX3-style value and an interval of calendar days.
//!
//! One combined regex ([`matcher::date_regex`]), assembled from the forms
//! of [`forms`], finds candidates in a single pass; the form that took each
//! match reads it into a [`DateValue`] against the reference date, the
//! [`reader::Reader`] keeping a little discourse state (the last date stated,
//! the last quarter named) for anaphoric forms such as "a year earlier" or
//! "the quarter"; a last pass joins neighbouring dates into ranges.

mod cues;
mod forms;
mod matcher;
mod ranges;
mod reader;
mod resolve;
mod tense;

use super::{Context, Found, Recogniser};
use crate::model::{ClaimValue, DateValue, Granularity, Reference};
use matcher::{date_regex, Groups};
use reader::Reader;
use tense::{clause_tense, Clause};
#[cfg(test)]
use {
    crate::model::{ClaimKind, Interval},
    jiff::civil::Date,
};

pub struct Dates;

/// Builds the combined date regex and the tense regexes ahead of use (see
/// [`super::warm`]).
pub fn warm() {
    date_regex();
    cues::cues();
}

/// The other half of [`warm`]: the alternatives that read each match.
pub fn warm_alternatives() {
    matcher::alternatives();
}

/// What a year-less date needs to be read again with a year from its range
/// partner ("between March and May 2025").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    MonthDay(i8, i8),
    Month(i8),
    Season(&'static str),
    Year,
    /// Told against the date that follows it ("three days after Christmas",
    /// "the day before May 5"): by so many units; settled by
    /// [`ranges::settle_offsets`], or left [`Pending`] when an event, not a
    /// date, follows.
    Offset(i32, &'static str),
    Other,
}

#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    value: DateValue,
    /// The end of a range read as one expression ("Nov. 1-15", "2019-2021").
    to: Option<DateValue>,
    /// Where that range's two ends stand ("Nov. 1" and "15").
    ends: Option<[(usize, usize); 2]>,
    spec: Spec,
    /// The expression states its own year.
    explicit_year: bool,
}

impl Hit {
    /// A date read as one expression, not a range.
    fn single(start: usize, end: usize, value: DateValue, spec: Spec, explicit_year: bool) -> Hit {
        Hit {
            start,
            end,
            value,
            to: None,
            ends: None,
            spec,
            explicit_year,
        }
    }
}

/// A date told against an event the text names rather than dates ("the
/// day after his death", "five days before the raid"): it waits for the
/// document's frames, which may date that event elsewhere (see
/// [`crate::extract::anchors`]); it is never told against the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The offset as written ("The day after", "five days earlier than").
    pub start: usize,
    pub end: usize,
    /// Units to move by: negative for "before" and "earlier than".
    pub by: i32,
    pub unit: &'static str,
    /// The granularity the expression states: "the year before the vote"
    /// is a year, "the day before" a day.
    pub granularity: Granularity,
}

/// The word before `at` in `text` (lower case, letters only).
fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    let w: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    w.chars().rev().collect::<String>().to_ascii_lowercase()
}

/// The date expressions of a text, matched once and readable against any
/// reference: inferring a document's reference date and then resolving its
/// dates against it costs one regex pass, not two.
pub struct Scan<'t> {
    text: &'t str,
    /// Each match, the tense of its clause, and the number of line breaks
    /// before it.
    matches: Vec<(Groups<'t>, Clause<'t>, usize)>,
}

impl<'t> Scan<'t> {
    /// Matches every date expression of `text`; `sentences` decide tense.
    pub fn new(text: &'t str, sentences: &[std::ops::Range<usize>]) -> Self {
        let mut matches = Vec::new();
        let (mut seen, mut line) = (0, 0);
        for c in date_regex().captures_iter(text) {
            let m = c.whole();
            line += memchr_count(&text.as_bytes()[seen..m.start()]);
            seen = m.start();
            let si = sentences.partition_point(|r| r.end <= m.start());
            let sentence = sentences
                .get(si)
                .filter(|r| r.start <= m.start())
                .cloned()
                .unwrap_or(m.start()..m.end());
            let clause = Clause::new(text, sentence, m.start(), m.end());
            matches.push((c, clause, line));
        }
        Scan { text, matches }
    }

    /// The dates and date ranges, read against `reference`.
    pub fn read(&self, reference: &Reference) -> Vec<Found> {
        self.read_anchored(reference).0
    }

    /// [`Scan::read`], with the dates told against an event that no date
    /// follows, left for the frames to settle.
    pub fn read_anchored(&self, reference: &Reference) -> (Vec<Found>, Vec<Pending>) {
        let mut reader = Reader::new(reference);
        let mut hits = Vec::new();
        for (c, clause, line) in &self.matches {
            reader.line = *line;
            if let Some(h) = reader.read(self.text, c, clause) {
                hits.push(h);
            }
        }
        let (hits, pending) = ranges::settle_offsets(self.text, &reader, hits);
        let found = ranges::join_ranges(self.text, ranges::years_stated_after(self.text, hits));
        (found, pending)
    }
}

/// Whether the clause of `text[start..end]` is told in the past tense.
pub fn told_in_past(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    start: usize,
    end: usize,
) -> bool {
    let si = sentences.partition_point(|r| r.end <= start);
    let sentence = sentences
        .get(si)
        .filter(|r| r.start <= start)
        .cloned()
        .unwrap_or(start..end);
    clause_tense(text, sentence, start, end).past
}

/// Every date in `text` as (start, end, kind, value), for the tests.
#[cfg(test)]
fn find_dates(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    reference: &Reference,
) -> Vec<(usize, usize, ClaimKind, ClaimValue)> {
    Scan::new(text, sentences)
        .read(reference)
        .into_iter()
        .map(|f| (f.start, f.end, f.kind, f.value))
        .collect()
}

fn memchr_count(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

impl Recogniser for Dates {
    fn find(&self, cx: &Context) -> Vec<Found> {
        Scan::new(cx.text, cx.sentences).read(cx.reference)
    }
}

/// Reads a whole string as one date ("2025-12-03", "Dec. 3, 2025", "June
/// 2025"). A range reads as its start.
pub fn parse_date(text: &str, reference: &Reference) -> Option<DateValue> {
    let mut t = text.trim();
    // An ISO timestamp ("2025-12-03T10:00:00Z") reads as its day.
    let b = t.as_bytes();
    if b.len() > 10
        && matches!(b[10], b'T' | b' ')
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
    {
        t = &t[..10];
    }
    let whole = 0..t.len();
    let found = Scan::new(t, std::slice::from_ref(&whole)).read(reference);
    match found.as_slice() {
        [Found {
            start: 0,
            end,
            value,
            ..
        }] if *end == t.len() => match value {
            ClaimValue::Date(d) => Some(d.clone()),
            ClaimValue::DateRange { from, .. } => Some((**from).clone()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests;

/// Whether a word opens a noun phrase as a determiner does ("the", "his",
/// "its"): an event named after "before" or "after" is one only then.
pub(super) fn is_determiner(word: &str) -> bool {
    cues::cues().determiners.contains(word)
}
