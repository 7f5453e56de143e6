//! Reporters for `crosscheck claims`: table, JSON and JSON Lines.
//!
//! The JSON shape is the documented schema `crosscheck.claims/v1`
//! (docs/schema.md); it is built here field by field, not derived from the
//! library's types, so that refactoring the library cannot change it silently.

use super::Reporter;
use crate::model::{Claim, ClaimValue, Extraction, Reference, ReferenceSource};
use crate::Run;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "crosscheck.claims/v1";

pub struct TableReporter {
    /// Terminal width to fit, if known.
    pub width: Option<u16>,
}

pub struct JsonReporter;
pub struct JsonlReporter;

pub fn reference_json(r: &Reference) -> Value {
    let mut m = Map::new();
    m.insert("value".into(), json!(r.value()));
    match &r.source {
        ReferenceSource::FrontMatter => {
            m.insert("source".into(), json!("front-matter"));
        }
        ReferenceSource::Given => {
            m.insert("source".into(), json!("given"));
        }
        ReferenceSource::Inferred { from, line } => {
            m.insert("source".into(), json!("inferred"));
            m.insert("from".into(), json!(from));
            m.insert("line".into(), json!(line));
        }
        ReferenceSource::Unknown => {
            m.insert("source".into(), json!("unknown"));
        }
    }
    Value::Object(m)
}

fn reference_text(r: &Reference) -> String {
    match &r.source {
        ReferenceSource::FrontMatter => format!("{} (front matter)", r.value()),
        ReferenceSource::Given => format!("{} (given)", r.value()),
        ReferenceSource::Inferred { from, line } => {
            format!(
                "{} (inferred from \u{201c}{from}\u{201d}, line {line})",
                r.value()
            )
        }
        ReferenceSource::Unknown => "unknown (no explicit year in the text)".into(),
    }
}

pub fn claim_json(c: &Claim) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), json!(c.kind.as_str()));
    m.insert("match".into(), json!(c.surface));
    m.insert("text".into(), json!(c.sentence));
    m.insert("line".into(), json!(c.line));
    m.insert("column".into(), json!(c.column));
    m.insert("start".into(), json!(c.start));
    m.insert("end".into(), json!(c.end));
    m.insert("value".into(), json!(c.value.display()));
    let date = match &c.value {
        ClaimValue::Date(d) => Some((d.interval, d.granularity)),
        ClaimValue::DateRange { from, interval, .. } => Some((*interval, from.granularity)),
        ClaimValue::TableRow { date: Some(d), .. } => Some((d.interval, d.granularity)),
        _ => None,
    };
    if let Some((interval, granularity)) = date {
        m.insert(
            "interval".into(),
            match interval {
                Some(iv) => json!({"start": iv.start.to_string(), "end": iv.end.to_string()}),
                None => Value::Null,
            },
        );
        m.insert("granularity".into(), json!(granularity));
    }
    m.insert(
        "detail".into(),
        serde_json::to_value(&c.value).unwrap_or(Value::Null),
    );
    m.insert("actors".into(), json!(c.actors));
    Value::Object(m)
}

fn document_json(e: &Extraction) -> Value {
    let mut m = Map::new();
    m.insert("path".into(), json!(e.path));
    for (k, v) in [("title", &e.title), ("outlet", &e.outlet), ("url", &e.url)] {
        if let Some(v) = v {
            m.insert(k.into(), json!(v));
        }
    }
    m.insert("reference".into(), reference_json(&e.reference));
    m.insert(
        "claims".into(),
        Value::Array(e.claims.iter().map(claim_json).collect()),
    );
    Value::Object(m)
}

fn problems_json(run: &Run) -> (Value, Value) {
    let errors = run
        .errors
        .iter()
        .map(|e| json!({"path": e.path, "line": e.line, "column": e.column, "message": e.message}))
        .collect();
    let skipped = run
        .skipped
        .iter()
        .map(|n| json!({"path": n.path, "message": n.message}))
        .collect();
    (Value::Array(errors), Value::Array(skipped))
}

impl Reporter<Run> for JsonReporter {
    fn write(&self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        let (errors, skipped) = problems_json(run);
        let doc = json!({
            "schema": SCHEMA,
            "documents": run.extractions.iter().map(document_json).collect::<Vec<_>>(),
            "skipped": skipped,
            "errors": errors,
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

impl Reporter<Run> for JsonlReporter {
    fn write(&self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        for e in &run.extractions {
            let reference = reference_json(&e.reference);
            for c in &e.claims {
                let mut v = claim_json(c);
                if let Value::Object(m) = &mut v {
                    m.insert("schema".into(), json!(SCHEMA));
                    m.insert("path".into(), json!(e.path));
                    m.insert("reference".into(), reference.clone());
                }
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

impl Reporter<Run> for TableReporter {
    fn write(&self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        for e in &run.extractions {
            writeln!(out, "{}", e.path)?;
            writeln!(out, "  reference date: {}", reference_text(&e.reference))?;
            if e.claims.is_empty() {
                writeln!(out, "  no claims found\n")?;
                continue;
            }
            let mut t = super::table(
                self.width.unwrap_or(120),
                vec!["line:col", "kind", "value", "as written"],
            );
            for c in &e.claims {
                t.add_row(vec![
                    format!("{}:{}", c.line, c.column),
                    c.kind.as_str().to_string(),
                    c.value.display(),
                    c.surface.clone(),
                ]);
            }
            writeln!(out, "{t}\n")?;
        }
        let n: usize = run.extractions.iter().map(|e| e.claims.len()).sum();
        writeln!(
            out,
            "{} claims in {} documents{}",
            n,
            run.extractions.len(),
            if run.errors.is_empty() {
                String::new()
            } else {
                format!("; {} inputs could not be read", run.errors.len())
            }
        )
    }
}
