//! `crosscheck check --format json` and `--format jsonl`: the documented
//! schema `crosscheck.check/v1` (docs/schema.md), built field by field.

use super::check::CheckReport;
use super::claims::reference_json;
use super::words;
use super::{Reporter, SOURCE_COLUMNS};
use crate::judge::{Finding, Severity};
use crate::model::{Extraction, TextKey};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "crosscheck.check/v1";

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
                        surface: ec.surface(),
                        path: &docs[e.doc].path,
                        text: ec.sentence(),
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
            surface: c.surface(),
            message: &f.message,
            path: &docs[f.at.doc].path,
            schema: None,
            severity: f.severity.as_str(),
            support: f.support,
            suppressed: r.suppressed(f).map(|reason| SuppressedOut { reason }),
            text: c.sentence(),
            value: c.value.display(),
        }
    }
}

/// One value of the fact sheet: normalised as in `facts`, in words, and
/// where it is stated.
fn stated_json(docs: &[Extraction], v: &super::facts::Stated<'_>) -> Value {
    json!({
        "value": v.claim.value.display(),
        "words": words::value(&v.claim.value),
        "sources": v.sources,
        "documents": v.docs().iter().map(|&d| json!({
            "path": docs[d].path,
            "outlet": docs[d].outlet,
            "lines": v.at.iter().filter(|r| r.doc == d)
                .map(|r| docs[d].claims[r.claim].line).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn fact_sheet_json(docs: &[Extraction], f: &super::facts::Fact<'_>) -> Value {
    let frame = &f.first.frame;
    json!({
        "fact": format!("f{}", f.index + 1),
        "name": super::facts::name(f.first),
        "kind": f.first.kind.as_str(),
        "attribute": frame.attribute,
        "event": frame.event,
        "disputed": f.disputed,
        "value": f.value.as_ref().map(|v| stated_json(docs, v)),
        "dissent": f.dissent.iter().map(|v| stated_json(docs, v)).collect::<Vec<_>>(),
    })
}

pub struct JsonReporter;

/// The whole report, its fields in the sorted order the schema's object has
/// always had (it was built as a sorted map), each long list written as it
/// is made.
#[derive(Serialize)]
#[serde(bound(
    serialize = "super::Seq<F>: Serialize, super::Seq<G>: Serialize, super::Seq<H>: Serialize, super::Seq<K>: Serialize"
))]
struct ReportOut<F, G, H, K> {
    fact_sheet: super::Seq<F>,
    facts: super::Seq<G>,
    findings: super::Seq<H>,
    input_errors: Value,
    ledger: Value,
    schema: &'static str,
    sources: super::Seq<K>,
    summary: Value,
}

/// Findings are made on every core a batch at a time, and written in order.
const FINDING_BATCH: usize = 4096;

impl Reporter<CheckReport<'_>> for JsonReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        let j = r.judgement;
        let fact_json = |(i, f): (usize, &crate::judge::Fact)| {
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
        };
        let sheet = super::facts::sheet(docs, j);
        let doc = ReportOut {
            fact_sheet: super::Seq(|| sheet.iter().map(|f| fact_sheet_json(docs, f))),
            facts: super::Seq(|| j.facts.iter().enumerate().map(fact_json)),
            findings: super::Seq(|| {
                j.findings.chunks(FINDING_BATCH).flat_map(|batch| {
                    batch
                        .par_iter()
                        .map(|f| FindingOut::of(r, f))
                        .collect::<Vec<_>>()
                })
            }),
            input_errors: r
                .run
                .errors
                .iter()
                .map(|e| {
                    json!({
                        "path": e.path, "line": e.line, "column": e.column, "message": e.message,
                    })
                })
                .collect(),
            ledger: json!(r.ledger_files),
            schema: SCHEMA,
            sources: super::Seq(|| docs.iter().zip(&j.sources).map(|(d, s)| source_json(d, s))),
            summary: json!({
                "documents": docs.len(),
                "claims": docs.iter().map(|d| d.claims.len()).sum::<usize>(),
                "errors": r.count(Severity::Error),
                "warnings": r.count(Severity::Warning),
                "infos": r.count(Severity::Info),
                "suppressed": r.suppressed_count(),
            }),
        };
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
    /// The claim's text (shared by copies) and the claim in it.
    type Key = (TextKey, usize);
    fn key(&self, f: &Finding) -> (TextKey, usize) {
        (self.0.docs()[f.at.doc].text, f.at.claim)
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
        let docs = self.0.docs();
        *kind == b.kind
            && *severity == b.severity
            && at.claim == b.at.claim
            && docs[at.doc].same_reading(&docs[b.at.doc])
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
