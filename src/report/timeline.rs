//! The timeline: every dated claim on one time axis, grouped into events.
//!
//! An event is a group of aligned claims (a judged fact) that carry dates, or
//! a dated claim nothing else aligned with. Each entry is one source's date for
//! the event, marked when a finding contradicts it. The terminal `timeline`
//! command and the HTML report's SVG both draw from [`Timeline::build`], so
//! they always agree.

use super::check::CheckReport;
use super::words;
use super::Reporter;
use crate::judge::{ClaimRef, FindingKind, Severity};
use crate::model::{Claim, ClaimValue, Granularity, Interval};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

pub const SCHEMA: &str = "crosscheck.timeline/v1";

/// One source's date for an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub at: ClaimRef,
    pub interval: Interval,
    /// The date as a TIMEX3 value ("2024-11-21", "2024-SP", "2024-11/2025-06").
    pub when: String,
    /// The most severe unsuppressed finding that contradicts this claim.
    pub conflict: Option<(Severity, FindingKind)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub label: String,
    pub entries: Vec<Entry>,
}

impl Event {
    pub fn start(&self) -> jiff::civil::Date {
        self.first().interval.start
    }

    /// The entry that starts earliest.
    pub fn first(&self) -> &Entry {
        self.entries
            .iter()
            .min_by_key(|e| (e.interval.start, e.at))
            .expect("an event has entries")
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Sorted by their earliest date, then label.
    pub events: Vec<Event>,
}

/// The days a claim places on the axis, if it is a calendar date precise
/// enough to place (a whole year says little about when; "now" nothing).
pub fn placed(c: &Claim) -> Option<(Interval, String)> {
    let (value, interval, granularity) = match &c.value {
        ClaimValue::Date(d) => (d.value.to_string(), d.interval?, d.granularity),
        ClaimValue::TableRow { date: Some(d), .. } => {
            (d.value.to_string(), d.interval?, d.granularity)
        }
        ClaimValue::DateRange { from, to, interval } => (
            format!("{}/{}", from.value, to.value),
            (*interval)?,
            from.granularity,
        ),
        _ => return None,
    };
    let calendar = value.starts_with(|ch: char| ch.is_ascii_digit());
    (calendar && granularity < Granularity::Year).then_some((interval, value))
}

/// `s` cut to `max` characters with an ellipsis.
pub fn short_label(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

fn label(c: &Claim) -> String {
    match &c.value {
        ClaimValue::TableRow { subject, .. } => short_label(subject, 72),
        _ => short_label(&c.sentence().replace('\n', " "), 72),
    }
}

impl Timeline {
    pub fn build(r: &CheckReport<'_>) -> Timeline {
        let docs = r.docs();
        let mut conflict: BTreeMap<ClaimRef, (Severity, FindingKind)> = BTreeMap::new();
        for f in &r.judgement.findings {
            let contradicts = f.severity >= Severity::Warning
                && crate::judge::rule(f.kind).contradicts
                && r.suppressed(f).is_none();
            if contradicts {
                let e = conflict.entry(f.at).or_insert((f.severity, f.kind));
                if f.severity > e.0 {
                    *e = (f.severity, f.kind);
                }
            }
        }
        let entry = |at: ClaimRef| -> Option<Entry> {
            let (interval, when) = placed(&docs[at.doc].claims[at.claim])?;
            Some(Entry {
                at,
                interval,
                when,
                conflict: conflict.get(&at).copied(),
            })
        };
        let mut seen: BTreeSet<ClaimRef> = BTreeSet::new();
        let mut events = Vec::new();
        for fact in &r.judgement.facts {
            let mut entries: Vec<Entry> = fact.claims.iter().filter_map(|&at| entry(at)).collect();
            if entries.is_empty() {
                continue;
            }
            entries.sort_by_key(|e| e.at);
            seen.extend(entries.iter().map(|e| e.at));
            let first = entries[0].at;
            events.push(Event {
                label: label(&docs[first.doc].claims[first.claim]),
                entries,
            });
        }
        for (d, doc) in docs.iter().enumerate() {
            for (i, c) in doc.claims.iter().enumerate() {
                let at = ClaimRef { doc: d, claim: i };
                if seen.contains(&at) {
                    continue;
                }
                if let Some(e) = entry(at) {
                    events.push(Event {
                        label: label(c),
                        entries: vec![e],
                    });
                }
            }
        }
        events.sort_by(|a, b| {
            (a.start(), &a.label, a.entries[0].at).cmp(&(b.start(), &b.label, b.entries[0].at))
        });
        Timeline { events }
    }

    /// Every entry, for drawing.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.events.iter().flat_map(|e| &e.entries)
    }
}

/// The timeline in the terminal: each event, each source's date, conflicts marked.
pub struct TimelineReporter {
    pub color: bool,
}

impl Reporter<CheckReport<'_>> for TimelineReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        let t = Timeline::build(r);
        let (red, yellow, dim, reset) = if self.color {
            ("\x1b[1;31m", "\x1b[33m", "\x1b[2m", "\x1b[0m")
        } else {
            ("", "", "", "")
        };
        if t.events.is_empty() {
            return writeln!(out, "No dated claims to place on a timeline.");
        }
        let loc_width = t
            .entries()
            .map(|e| {
                let c = &docs[e.at.doc].claims[e.at.claim];
                format!("{}:{}:{}", docs[e.at.doc].path, c.line, c.column)
                    .chars()
                    .count()
            })
            .max()
            .unwrap_or(0);
        // Dates in words ("spring 2024", "November 2024 to June 2025"),
        // padded so the events' labels line up.
        let when_width = t
            .events
            .iter()
            .map(|ev| words::timex(&ev.first().when).chars().count())
            .max()
            .unwrap_or(0);
        let mut conflicts = 0;
        for ev in &t.events {
            let when = words::timex(&ev.first().when);
            writeln!(out, "{when:<when_width$}  {}", ev.label)?;
            for e in &ev.entries {
                let c = &docs[e.at.doc].claims[e.at.claim];
                let loc = format!("{}:{}:{}", docs[e.at.doc].path, c.line, c.column);
                let mark = match e.conflict {
                    Some((s, k)) => {
                        conflicts += 1;
                        let colour = if s == Severity::Error { red } else { yellow };
                        format!("  {colour}\u{2717} {} ({}){reset}", k.as_str(), s.as_str())
                    }
                    None => String::new(),
                };
                writeln!(
                    out,
                    "    {dim}{loc:<loc_width$}{reset}  {}{mark}",
                    words::timex(&e.when)
                )?;
            }
        }
        writeln!(
            out,
            "\n{}, {}, {} contradicted, in {}",
            super::words::counted(t.events.len(), "event"),
            super::words::counted(t.entries().count(), "dated claim"),
            conflicts,
            super::words::counted(docs.len(), "document")
        )
    }
}

/// The timeline as one JSON document, schema `crosscheck.timeline/v1`
/// (docs/schema.md): the events in the order the terminal shows them.
pub struct TimelineJsonReporter;

#[derive(Serialize)]
struct TimelineOut<'a> {
    schema: &'static str,
    events: Vec<EventOut<'a>>,
    summary: SummaryOut,
    input_errors: Vec<InputErrorOut<'a>>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    label: &'a str,
    start: jiff::civil::Date,
    entries: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    #[serde(rename = "match")]
    surface: &'a str,
    /// The normalised date, as in `check`'s JSON.
    value: &'a str,
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    /// The most severe finding that contradicts this date, if any.
    conflict: Option<ConflictOut>,
}

#[derive(Serialize)]
struct ConflictOut {
    severity: &'static str,
    kind: &'static str,
}

#[derive(Serialize)]
struct SummaryOut {
    events: usize,
    dated_claims: usize,
    contradicted: usize,
    documents: usize,
}

#[derive(Serialize)]
struct InputErrorOut<'a> {
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
}

impl Reporter<CheckReport<'_>> for TimelineJsonReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        let t = Timeline::build(r);
        let events = t
            .events
            .iter()
            .map(|ev| EventOut {
                label: &ev.label,
                start: ev.start(),
                entries: ev
                    .entries
                    .iter()
                    .map(|e| {
                        let c = &docs[e.at.doc].claims[e.at.claim];
                        EntryOut {
                            path: &docs[e.at.doc].path,
                            line: c.line,
                            column: c.column,
                            surface: c.surface(),
                            value: &e.when,
                            start: e.interval.start,
                            end: e.interval.end,
                            conflict: e.conflict.map(|(s, k)| ConflictOut {
                                severity: s.as_str(),
                                kind: k.as_str(),
                            }),
                        }
                    })
                    .collect(),
            })
            .collect();
        let doc = TimelineOut {
            schema: SCHEMA,
            events,
            summary: SummaryOut {
                events: t.events.len(),
                dated_claims: t.entries().count(),
                contradicted: t.entries().filter(|e| e.conflict.is_some()).count(),
                documents: docs.len(),
            },
            input_errors: r
                .run
                .errors
                .iter()
                .map(|e| InputErrorOut {
                    path: &e.path,
                    line: e.line,
                    column: e.column,
                    message: &e.message,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
