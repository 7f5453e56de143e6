//! Reporters for `crosscheck check`: a terminal table and JSON.
//!
//! The JSON shape is the documented schema `crosscheck.check/v1`
//! (docs/schema.md), built field by field.

use super::claims::reference_json;
use super::table;
use super::Reporter;
use crate::judge::{ClaimRef, Finding, Judgement, Severity};
use crate::model::Extraction;
use crate::Run;
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
    fn docs(&self) -> &[Extraction] {
        &self.run.extractions
    }

    pub fn count(&self, s: Severity) -> usize {
        self.judgement
            .findings
            .iter()
            .filter(|f| f.severity == s)
            .count()
    }
}

fn loc(docs: &[Extraction], r: ClaimRef) -> String {
    format!("{}:{}", docs[r.doc].path, docs[r.doc].claims[r.claim].line)
}

fn evidence_json(docs: &[Extraction], r: ClaimRef) -> Value {
    let c = &docs[r.doc].claims[r.claim];
    json!({
        "path": docs[r.doc].path,
        "line": c.line,
        "column": c.column,
        "text": c.sentence,
        "match": c.surface,
        "value": c.value.display(),
    })
}

fn finding_json(docs: &[Extraction], f: &Finding) -> Value {
    let c = &docs[f.at.doc].claims[f.at.claim];
    let mut m = Map::new();
    m.insert("kind".into(), json!(f.kind.as_str()));
    m.insert("severity".into(), json!(f.severity.as_str()));
    m.insert("path".into(), json!(docs[f.at.doc].path));
    m.insert("line".into(), json!(c.line));
    m.insert("column".into(), json!(c.column));
    m.insert("claim_kind".into(), json!(c.kind.as_str()));
    m.insert("text".into(), json!(c.sentence));
    m.insert("match".into(), json!(c.surface));
    m.insert("value".into(), json!(c.value.display()));
    m.insert("message".into(), json!(f.message));
    m.insert("support".into(), json!(f.support));
    m.insert("against".into(), json!(f.against));
    m.insert(
        "evidence".into(),
        Value::Array(f.evidence.iter().map(|&e| evidence_json(docs, e)).collect()),
    );
    if let Some(l) = &f.ledger {
        m.insert(
            "ledger".into(),
            json!({"fact": l.fact, "verdict": l.verdict.as_str(), "expected": l.expected}),
        );
    }
    Value::Object(m)
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
            .map(|(d, s)| {
                json!({
                    "path": d.path,
                    "reference": reference_json(&d.reference),
                    "claims": s.claims,
                    "corroborated": s.corroborated,
                    "contradicted": s.contradicted,
                    "single_source": s.single_source,
                    "spin": s.spin,
                    "rewrite_of": s.rewrite_of,
                    "signals": s.signals,
                    "note": s.note,
                })
            })
            .collect();
        let doc = json!({
            "schema": SCHEMA,
            "findings": j.findings.iter().map(|f| finding_json(docs, f)).collect::<Vec<_>>(),
            "facts": facts,
            "sources": sources,
            "ledger": r.ledger_files,
            "summary": {
                "documents": docs.len(),
                "claims": docs.iter().map(|d| d.claims.len()).sum::<usize>(),
                "errors": r.count(Severity::Error),
                "warnings": r.count(Severity::Warning),
                "infos": r.count(Severity::Info),
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
        for f in &r.judgement.findings {
            let mut v = finding_json(r.docs(), f);
            if let Value::Object(m) = &mut v {
                m.insert("schema".into(), json!(SCHEMA));
            }
            serde_json::to_writer(&mut *out, &v)?;
            writeln!(out)?;
        }
        Ok(())
    }
}

pub struct TableReporter {
    pub width: Option<u16>,
    /// Findings below this severity are left out of the table.
    pub min_severity: Severity,
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
            .filter(|f| f.severity >= self.min_severity)
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
                    f.severity.as_str().to_string(),
                    f.kind.as_str().to_string(),
                    format!("{}:{}:{}", docs[f.at.doc].path, c.line, c.column),
                    format!(
                        "{}\n\u{201c}{}\u{201d}",
                        c.value.display(),
                        shorten(&c.surface, 60)
                    ),
                    other.join("\n"),
                    format!("{} vs {}", f.support, f.against),
                ]);
            }
            writeln!(out, "{t}")?;
        }
        let mut s = table(
            width,
            vec![
                "source",
                "claims",
                "corroborated",
                "contradicted",
                "single-source",
                "spin /1k words",
                "rewrite of",
                "note",
            ],
        );
        for (d, sum) in docs.iter().zip(&j.sources) {
            s.add_row(vec![
                d.path.clone(),
                sum.claims.to_string(),
                sum.corroborated.to_string(),
                sum.contradicted.to_string(),
                sum.single_source.to_string(),
                spin_cell(&sum.spin),
                sum.rewrite_of
                    .as_ref()
                    .map(|r| format!("{} ({})", r.path, r.kind))
                    .unwrap_or_default(),
                sum.note.clone(),
            ]);
        }
        writeln!(out, "\n{s}")?;
        writeln!(
            out,
            "{} errors, {} warnings, {} notes in {} documents{}",
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info),
            docs.len(),
            if r.ledger_files.is_empty() {
                String::new()
            } else {
                format!("; ledger: {}", r.ledger_files.join(", "))
            }
        )
    }
}

/// "4.1: Division of Investigation (×3), legal guidelines"
fn spin_cell(s: &crate::judge::sources::Spin) -> String {
    if s.hits == 0 {
        return "0".to_string();
    }
    let ev: Vec<String> = s
        .evidence
        .iter()
        .take(3)
        .map(|e| {
            if e.count > 1 {
                format!("{} (×{})", e.written, e.count)
            } else {
                e.written.clone()
            }
        })
        .collect();
    format!("{}: {}", s.per_1k_words, ev.join(", "))
}
