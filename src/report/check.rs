//! Reporters for `crosscheck check`: a terminal table, JSON and JSON Lines.
//!
//! The JSON shape is the documented schema `crosscheck.check/v1`
//! (docs/schema.md), built field by field.

use super::claims::reference_json;
use super::{table, Reporter, SOURCE_COLUMNS};
use crate::judge::{ClaimRef, Finding, Judgement, Severity};
use crate::model::Extraction;
use crate::Run;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "crosscheck.check/v1";

/// A finished check: the documents read and what was judged of them.
pub struct CheckReport<'a> {
    pub run: &'a Run,
    pub judgement: &'a Judgement,
    pub ledger_files: &'a [String],
}

impl CheckReport<'_> {
    pub fn docs(&self) -> &[Extraction] {
        &self.run.extractions
    }

    /// Findings of this severity that are not suppressed.
    pub fn count(&self, s: Severity) -> usize {
        self.judgement
            .findings
            .iter()
            .filter(|f| f.severity == s && self.suppressed(f).is_none())
            .count()
    }

    /// Why the finding is suppressed by a comment in its document, if it is.
    pub fn suppressed(&self, f: &Finding) -> Option<&str> {
        let d = &self.docs()[f.at.doc];
        self.run
            .suppressions
            .get(&d.path)?
            .reason(d.claims[f.at.claim].line)
    }

    pub fn suppressed_count(&self) -> usize {
        self.judgement
            .findings
            .iter()
            .filter(|f| self.suppressed(f).is_some())
            .count()
    }

    /// The highest severity among findings that are not suppressed.
    pub fn worst(&self) -> Option<Severity> {
        self.judgement
            .findings
            .iter()
            .filter(|f| self.suppressed(f).is_none())
            .map(|f| f.severity)
            .max()
    }

    /// "7 errors, 12 warnings, 59 notes in 5 documents (2 suppressed)".
    pub fn summary_line(&self) -> String {
        let suppressed = self.suppressed_count();
        format!(
            "{} errors, {} warnings, {} notes in {} documents{}",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
            self.docs().len(),
            if suppressed > 0 {
                format!(" ({suppressed} suppressed)")
            } else {
                String::new()
            }
        )
    }
}

/// A source's summary as a JSON object: its path, then every summary column.
pub fn source_json(d: &Extraction, s: &crate::judge::SourceSummary) -> Value {
    let mut m = Map::new();
    m.insert("path".into(), json!(d.path));
    m.insert("reference".into(), reference_json(&d.reference));
    for c in SOURCE_COLUMNS {
        m.insert(c.key.into(), (c.value)(s));
    }
    Value::Object(m)
}

pub(crate) fn loc(docs: &[Extraction], r: ClaimRef) -> String {
    format!("{}:{}", docs[r.doc].path, docs[r.doc].claims[r.claim].line)
}

/// One finding as the schema writes it. Fields are declared in sorted
/// order, the order the schema's objects have always had (they were built as
/// sorted maps): serialising the struct directly keeps the bytes and skips a
/// map per finding and per piece of evidence.
#[derive(Serialize)]
struct FindingOut<'a> {
    against: usize,
    claim_kind: &'static str,
    column: usize,
    evidence: Vec<EvidenceOut<'a>>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger: Option<LedgerOut<'a>>,
    line: usize,
    #[serde(rename = "match")]
    surface: &'a str,
    message: &'a str,
    path: &'a str,
    /// Only in JSON Lines, where each line stands alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<&'static str>,
    severity: &'static str,
    support: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<SuppressedOut<'a>>,
    text: &'a str,
    value: String,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    column: usize,
    line: usize,
    #[serde(rename = "match")]
    surface: &'a str,
    path: &'a str,
    text: &'a str,
    value: String,
}

#[derive(Serialize)]
struct LedgerOut<'a> {
    expected: &'a str,
    fact: &'a str,
    verdict: &'static str,
}

#[derive(Serialize)]
struct SuppressedOut<'a> {
    reason: &'a str,
}

impl<'a> FindingOut<'a> {
    fn of(r: &'a CheckReport<'_>, f: &'a Finding) -> Self {
        let docs = r.docs();
        let c = &docs[f.at.doc].claims[f.at.claim];
        FindingOut {
            against: f.against,
            claim_kind: c.kind.as_str(),
            column: c.column,
            evidence: f
                .evidence
                .iter()
                .map(|&e| {
                    let ec = &docs[e.doc].claims[e.claim];
                    EvidenceOut {
                        column: ec.column,
                        line: ec.line,
                        surface: &ec.surface,
                        path: &docs[e.doc].path,
                        text: &ec.sentence,
                        value: ec.value.display(),
                    }
                })
                .collect(),
            kind: f.kind.as_str(),
            ledger: f.ledger.as_ref().map(|l| LedgerOut {
                expected: &l.expected,
                fact: &l.fact,
                verdict: l.verdict.as_str(),
            }),
            line: c.line,
            surface: &c.surface,
            message: &f.message,
            path: &docs[f.at.doc].path,
            schema: None,
            severity: f.severity.as_str(),
            support: f.support,
            suppressed: r.suppressed(f).map(|reason| SuppressedOut { reason }),
            text: &c.sentence,
            value: c.value.display(),
        }
    }
}

fn finding_json(r: &CheckReport<'_>, f: &Finding) -> Value {
    serde_json::to_value(FindingOut::of(r, f)).unwrap_or(Value::Null)
}

pub struct JsonReporter;

impl Reporter<CheckReport<'_>> for JsonReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        let j = r.judgement;
        let facts: Vec<Value> = j
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                json!({
                    "id": format!("f{}", i + 1),
                    "kind": f.kind.as_str(),
                    "conflicting": f.conflicting,
                    "values": f.values.iter().map(|(v, ds)| json!({
                        "value": v,
                        "sources": ds.iter().map(|&d| docs[d].path.clone()).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "claims": f.claims.iter().map(|&c| json!({
                        "path": docs[c.doc].path,
                        "line": docs[c.doc].claims[c.claim].line,
                        "value": docs[c.doc].claims[c.claim].value.display(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let sources: Vec<Value> = docs
            .iter()
            .zip(&j.sources)
            .map(|(d, s)| source_json(d, s))
            .collect();
        let doc = json!({
            "schema": SCHEMA,
            "findings": j.findings.par_iter().map(|f| finding_json(r, f)).collect::<Vec<_>>(),
            "facts": facts,
            "sources": sources,
            "ledger": r.ledger_files,
            "summary": {
                "documents": docs.len(),
                "claims": docs.iter().map(|d| d.claims.len()).sum::<usize>(),
                "errors": r.count(Severity::Error),
                "warnings": r.count(Severity::Warning),
                "infos": r.count(Severity::Info),
                "suppressed": r.suppressed_count(),
            },
            "input_errors": r.run.errors.iter().map(|e| json!({
                "path": e.path, "line": e.line, "column": e.column, "message": e.message,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

/// One finding per line, each with `schema`; nothing else.
pub struct JsonlReporter;

impl Reporter<CheckReport<'_>> for JsonlReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        // A large archive gives a finding per copy: a batch at a time, each
        // copy's finding formatted once (see report::lines).
        super::lines::write(&FindingLines(r), &r.judgement.findings, 4096, out)
    }
}

struct FindingLines<'r, 'a>(&'r CheckReport<'a>);

impl super::lines::Lines for FindingLines<'_, '_> {
    type Item = Finding;
    /// The claim's list (shared by copies) and the claim in it.
    type Key = (usize, usize);
    fn key(&self, f: &Finding) -> (usize, usize) {
        (self.0.docs()[f.at.doc].claims.list_id(), f.at.claim)
    }
    fn same(&self, a: &Finding, b: &Finding) -> bool {
        // Every field but the document, so that a new one is not missed.
        let Finding {
            kind,
            severity,
            at,
            message,
            evidence,
            support,
            against,
            ledger,
        } = a;
        *kind == b.kind
            && *severity == b.severity
            && at.claim == b.at.claim
            && *message == b.message
            && *evidence == b.evidence
            && *support == b.support
            && *against == b.against
            && *ledger == b.ledger
            && self.0.suppressed(a) == self.0.suppressed(b)
    }
    fn path<'a>(&'a self, f: &'a Finding) -> &'a str {
        &self.0.docs()[f.at.doc].path
    }
    fn format(&self, f: &Finding, path: Option<&str>, out: &mut Vec<u8>) -> io::Result<()> {
        let mut line = FindingOut::of(self.0, f);
        line.schema = Some(SCHEMA);
        if let Some(p) = path {
            line.path = p;
        }
        serde_json::to_writer(&mut *out, &line)?;
        out.push(b'\n');
        Ok(())
    }
}

pub struct TableReporter {
    pub width: Option<u16>,
    /// Findings below this severity are left out of the table.
    pub min_severity: Severity,
    /// Colour the severities (ANSI escapes).
    pub color: bool,
}

fn severity_cell(s: Severity, color: bool) -> comfy_table::Cell {
    use comfy_table::{Attribute, Cell, Color};
    let c = Cell::new(s.as_str());
    if !color {
        return c;
    }
    match s {
        Severity::Error => c.fg(Color::Red).add_attribute(Attribute::Bold),
        Severity::Warning => c.fg(Color::Yellow),
        Severity::Info => c.fg(Color::Blue),
    }
}

/// Styling on or off whatever comfy-table guesses about the terminal: the
/// caller has decided (`--color`, `NO_COLOR`, a pipe).
fn styled(t: &mut comfy_table::Table, color: bool) {
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}\u{2026}")
    }
}

impl Reporter<CheckReport<'_>> for TableReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        let j = r.judgement;
        let shown: Vec<&Finding> = j
            .findings
            .iter()
            .filter(|f| f.severity >= self.min_severity && r.suppressed(f).is_none())
            .collect();
        let width = self.width.unwrap_or(160);
        if shown.is_empty() {
            writeln!(
                out,
                "No findings at {} or above.",
                self.min_severity.as_str()
            )?;
        } else {
            let mut t = table(
                width,
                vec![
                    "severity",
                    "kind",
                    "where",
                    "claim",
                    "conflicts with",
                    "sources",
                ],
            );
            styled(&mut t, self.color);
            for f in &shown {
                let c = &docs[f.at.doc].claims[f.at.claim];
                let mut other: Vec<String> = f
                    .evidence
                    .iter()
                    .take(4)
                    .map(|&e| {
                        format!(
                            "{} {}",
                            loc(docs, e),
                            docs[e.doc].claims[e.claim].value.display()
                        )
                    })
                    .collect();
                if f.evidence.len() > 4 {
                    other.push(format!("and {} more", f.evidence.len() - 4));
                }
                if let Some(l) = &f.ledger {
                    other.push(format!(
                        "ledger {}: {} ({})",
                        l.fact,
                        l.verdict.as_str(),
                        l.expected
                    ));
                }
                t.add_row(vec![
                    severity_cell(f.severity, self.color),
                    f.kind.as_str().into(),
                    format!("{}:{}:{}", docs[f.at.doc].path, c.line, c.column).into(),
                    format!(
                        "{}\n\u{201c}{}\u{201d}",
                        c.value.display(),
                        shorten(&c.surface, 60)
                    )
                    .into(),
                    other.join("\n").into(),
                    format!("{} vs {}", f.support, f.against).into(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
        let (sources, left_out) = source_table(r, width);
        writeln!(out, "\n{sources}")?;
        if left_out > 0 {
            writeln!(
                out,
                "{left_out} more sources with no warning signs, spin or rewrite (all are in --format json)"
            )?;
        }
        writeln!(
            out,
            "{}{}",
            r.summary_line(),
            if r.ledger_files.is_empty() {
                String::new()
            } else {
                format!("; ledger: {}", r.ledger_files.join(", "))
            }
        )
    }
}

/// The per-source summary as a terminal table.
/// Sources listed in full in the terminal; past this, only those with
/// something to say (a warning sign, spin, a rewrite) are, so that an
/// archive's table stays readable. JSON always lists every source.
pub const FULL_SOURCE_TABLE: usize = 50;

/// The per-source summary as a terminal table, and how many sources it
/// leaves out.
pub(crate) fn source_table(r: &CheckReport<'_>, width: u16) -> (comfy_table::Table, usize) {
    let mut header = vec!["source"];
    header.extend(SOURCE_COLUMNS.iter().map(|c| c.heading));
    let mut t = table(width, header);
    let docs = r.docs();
    let full = docs.len() <= FULL_SOURCE_TABLE;
    let mut left_out = 0;
    for (d, sum) in docs.iter().zip(&r.judgement.sources) {
        let notable = !sum.signals.is_empty() || sum.spin.is_spun() || sum.rewrite_of.is_some();
        if !full && !notable {
            left_out += 1;
            continue;
        }
        let mut row = vec![d.path.clone()];
        row.extend(SOURCE_COLUMNS.iter().map(|c| (c.text)(sum)));
        t.add_row(row);
    }
    (t, left_out)
}
