//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the
//! format code-scanning dashboards read.
//!
//! Each finding kind is a rule with help text; each finding a result at its
//! claim, with the evidence on the other side as related locations. Columns
//! count Unicode code points, as crosscheck's do. A suppressed finding carries
//! an `inSource` suppression with the comment's reason.

use super::check::CheckReport;
use super::Reporter;
use crate::judge::RULES;
use crate::judge::{Finding, Severity};
use crate::model::Claim;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct SarifReporter;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a relative URI reference: `/` separators, and every byte
/// outside the unreserved set percent-encoded (a space, `#` or `%` in a file
/// name would otherwise change the URI's meaning).
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn physical(path: &str, c: &Claim) -> Value {
    json!({
        "artifactLocation": { "uri": path_uri(path) },
        "region": {
            "startLine": c.line,
            "startColumn": c.column,
            "endColumn": c.column + c.surface().chars().count(),
            "snippet": { "text": c.surface() },
        },
    })
}

fn result(r: &CheckReport<'_>, f: &Finding, rule_index: usize) -> Value {
    let docs = r.docs();
    let c = &docs[f.at.doc].claims[f.at.claim];
    let mut m = Map::new();
    m.insert("ruleId".into(), json!(f.kind.as_str()));
    m.insert("ruleIndex".into(), json!(rule_index));
    m.insert("level".into(), json!(level(f.severity)));
    let text = super::words::message(docs, f, &|p| p.to_string());
    m.insert("message".into(), json!({ "text": text }));
    m.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical(&docs[f.at.doc].path, c) }]),
    );
    if !f.evidence.is_empty() {
        let related: Vec<Value> = f
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let ec = &docs[e.doc].claims[e.claim];
                json!({
                    "id": i + 1,
                    "physicalLocation": physical(&docs[e.doc].path, ec),
                    "message": { "text": format!("{}: {}", super::words::value(&ec.value), ec.sentence().trim()) },
                })
            })
            .collect();
        m.insert("relatedLocations".into(), Value::Array(related));
    }
    if let Some(reason) = r.suppressed(f) {
        m.insert(
            "suppressions".into(),
            json!([{ "kind": "inSource", "justification": reason }]),
        );
    }
    let mut props = Map::new();
    props.insert("claimKind".into(), json!(c.kind.as_str()));
    props.insert("value".into(), json!(c.value.display()));
    props.insert("support".into(), json!(f.support));
    props.insert("against".into(), json!(f.against));
    if let Some(l) = &f.ledger {
        props.insert(
            "ledger".into(),
            json!({"fact": l.fact, "verdict": l.verdict.as_str(), "expected": l.expected}),
        );
    }
    m.insert("properties".into(), Value::Object(props));
    Value::Object(m)
}

/// The log, its fields in sorted order (it was built as sorted maps), the
/// results written as they are made.
#[derive(serde::Serialize)]
#[serde(bound(serialize = "RunOut<R>: serde::Serialize"))]
struct Log<R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [RunOut<R>; 1],
    version: &'static str,
}

#[derive(serde::Serialize)]
#[serde(bound(serialize = "super::Seq<R>: serde::Serialize"))]
struct RunOut<R> {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: super::Seq<R>,
    tool: Value,
}

impl Reporter<CheckReport<'_>> for SarifReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = RULES
            .iter()
            .map(|ru| {
                json!({
                    "id": ru.id,
                    "name": ru.name,
                    "shortDescription": { "text": ru.short },
                    "fullDescription": { "text": ru.help },
                    "help": { "text": ru.help },
                    "defaultConfiguration": { "level": level(ru.level) },
                })
            })
            .collect();
        let log = Log {
            schema: SCHEMA_URI,
            runs: [RunOut {
                column_kind: "unicodeCodePoints",
                results: super::Seq(|| {
                    r.judgement
                        .findings
                        .iter()
                        .map(|f| result(r, f, f.kind as usize))
                }),
                tool: json!({ "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }}),
            }],
            version: "2.1.0",
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(
            path_uri("./drafts/my story#2.md"),
            "drafts/my%20story%232.md"
        );
        assert_eq!(path_uri("corpus\\a.txt"), "corpus/a.txt");
        assert_eq!(path_uri("é.md"), "%C3%A9.md");
    }
}
