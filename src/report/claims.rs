//! Reporters for `crosscheck claims`: table, JSON and JSON Lines.
//!
//! The JSON shape is the documented schema `crosscheck.claims/v2`
//! (docs/schema.md); it is built here field by field, not derived from the
//! library's types, so that refactoring the library cannot change it silently.

use super::detail::{DetailOut, IntervalOut};
use super::json_str;
use super::Reporter;
use crate::model::Run;
use crate::model::{
    Claim, ClaimValue, Extraction, Granularity, Reference, ReferenceSource, TextKey,
};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "crosscheck.claims/v2";

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
        ReferenceSource::Dateline { from, line } => {
            m.insert("source".into(), json!("dateline"));
            m.insert("from".into(), json!(from));
            m.insert("line".into(), json!(line));
        }
        ReferenceSource::Inferred { from, line } => {
            m.insert("source".into(), json!("inferred"));
            m.insert("from".into(), json!(from));
            m.insert("line".into(), json!(line));
        }
        ReferenceSource::Story { from, of } => {
            m.insert("source".into(), json!("story"));
            m.insert("from".into(), json!(from));
            m.insert("of".into(), json!(of));
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
        ReferenceSource::Dateline { from, line } => {
            format!(
                "{} (dateline \u{201c}{from}\u{201d}, line {line})",
                r.value()
            )
        }
        ReferenceSource::Inferred { from, line } => {
            format!(
                "{} (inferred from \u{201c}{from}\u{201d}, line {line})",
                r.value()
            )
        }
        ReferenceSource::Story { from, of } => {
            format!(
                "{} (from the dateline{s} of {of} document{s} of its story, such as {from})",
                r.value(),
                s = if *of == 1 { "" } else { "s" }
            )
        }
        ReferenceSource::Unknown => "unknown (no explicit year in the text)".into(),
    }
}

/// One claim as the schema writes it. Fields are declared in sorted order:
/// the schema's objects have always listed their keys that way (they were
/// built as sorted maps), and serialising this struct directly, without an
/// intermediate map per claim, keeps the bytes the same at a fraction of the
/// cost.
#[derive(Serialize)]
struct ClaimOut<'a> {
    actors: &'a [crate::model::Word],
    column: usize,
    detail: DetailOut<'a>,
    end: usize,
    frame: &'a crate::model::ClaimFrame,
    #[serde(skip_serializing_if = "Option::is_none")]
    granularity: Option<Granularity>,
    /// Absent for claims without a date; null for a date without an interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<Option<IntervalOut>>,
    kind: &'static str,
    line: usize,
    #[serde(rename = "match")]
    surface: &'a str,
    /// Only in JSON Lines, where each line stands alone: set here for the
    /// line [`write_line`] must write byte for byte.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a RawValue>,
    /// Only in JSON Lines, as the path.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<&'static str>,
    start: usize,
    text: &'a str,
    value: String,
}

impl<'a> ClaimOut<'a> {
    fn of(c: &'a Claim) -> Self {
        let date = match &c.value {
            ClaimValue::Date(d) => Some((d.interval, d.granularity)),
            ClaimValue::DateRange { from, interval, .. } => Some((*interval, from.granularity)),
            ClaimValue::TableRow { date: Some(d), .. } => Some((d.interval, d.granularity)),
            _ => None,
        };
        ClaimOut {
            actors: c.actors(),
            column: c.column,
            detail: DetailOut::of(&c.value).with_ends(c.ends.as_deref().copied()),
            end: c.end,
            frame: &c.frame,
            granularity: date.map(|(_, g)| g),
            interval: date.map(|(iv, _)| iv.as_ref().map(IntervalOut::of)),
            kind: c.kind.as_str(),
            line: c.line,
            surface: c.surface(),
            path: None,
            reference: None,
            schema: None,
            start: c.start,
            text: c.sentence(),
            value: c.value.display(),
        }
    }
}

pub fn claim_json(c: &Claim) -> Value {
    serde_json::to_value(ClaimOut::of(c)).unwrap_or(Value::Null)
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
        let mut json = JsonDocuments::default();
        json.write(&run.extractions, out)?;
        json.finish(run, out)
    }
}

/// The JSON report written a batch of documents at a time, as a streamed
/// read hands them out: the bytes `serde_json::to_writer_pretty` gives for
/// the run as one object (its keys in sorted order: the documents first,
/// then the errors, the schema and the skips, known at the end).
#[derive(Default)]
pub struct JsonDocuments {
    started: bool,
    written: usize,
}

/// `value` pretty-printed as it stands `depth` levels into the report: a
/// pretty printer's line breaks are its only raw newlines (one inside a
/// string is escaped), and each is followed by two spaces a level.
fn pretty_at(value: &Value, depth: usize, out: &mut Vec<u8>) -> io::Result<()> {
    let bytes = serde_json::to_vec_pretty(value)?;
    for (k, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if k > 0 {
            out.push(b'\n');
            out.resize(out.len() + 2 * depth, b' ');
        }
        out.extend_from_slice(line);
    }
    Ok(())
}

impl JsonDocuments {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"documents\": [")?;
        }
        Ok(())
    }

    /// The next documents of the run, formatted on every core and written
    /// in order, 256 at a time (a whole run given at once is never held
    /// formatted).
    pub fn write(&mut self, docs: &[Extraction], out: &mut dyn Write) -> io::Result<()> {
        use rayon::prelude::*;
        self.start(out)?;
        for batch in docs.chunks(256) {
            let bufs: Vec<io::Result<Vec<u8>>> = batch
                .par_iter()
                .map(|d| {
                    let mut buf = b"\n    ".to_vec();
                    pretty_at(&document_json(d), 2, &mut buf)?;
                    Ok(buf)
                })
                .collect();
            for buf in bufs {
                if self.written > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(&buf?)?;
                self.written += 1;
            }
        }
        Ok(())
    }

    /// Closes the documents and writes the rest of `run`.
    pub fn finish(mut self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        out.write_all(if self.written > 0 { b"\n  ]" } else { b"]" })?;
        let (errors, skipped) = problems_json(run);
        let mut buf = Vec::new();
        for (key, value) in [
            ("errors", errors),
            ("schema", Value::from(SCHEMA)),
            ("skipped", skipped),
        ] {
            buf.extend_from_slice(b",\n  \"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\": ");
            pretty_at(&value, 1, &mut buf)?;
        }
        buf.extend_from_slice(b"\n}\n");
        out.write_all(&buf)
    }
}

impl Reporter<Run> for JsonlReporter {
    fn write(&self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        self.write_documents(&run.extractions, out)
    }
}

impl JsonlReporter {
    /// The lines of `docs`, the documents of a run or the next of them as
    /// a streamed read hands them out: a line holds one claim and names its
    /// document, so a run's lines are its documents' lines in turn.
    pub fn write_documents(&self, docs: &[Extraction], out: &mut dyn Write) -> io::Result<()> {
        // A batch of documents at a time; copies of one text are formatted
        // once (see report::lines).
        super::lines::write(&DocumentLines, docs, 256, out)
    }
}

/// A document's claims, one per line.
struct DocumentLines;

/// What every line of a document carries, written as JSON once.
struct Shared<'a> {
    path: &'a [u8],
    reference: &'a [u8],
}

/// One claim's line of JSON Lines: the bytes `serde_json` writes for
/// [`ClaimOut`] with the document's path, reference and the schema, keys
/// in the same order. Written by hand, since an archive's lines were a
/// ninth of listing its claims, mostly spent escaping the same keys and
/// the same sentence again for each claim; the nested objects are still
/// serialised from their types.
fn write_line(c: &Claim, doc: &Shared, text: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
    let line = ClaimOut::of(c);
    let mut num = itoa::Buffer::new();
    out.extend_from_slice(b"{\"actors\":[");
    for (k, a) in line.actors.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        json_str::write_quoted(a.as_str(), out);
    }
    out.extend_from_slice(b"],\"column\":");
    out.extend_from_slice(num.format(line.column).as_bytes());
    out.extend_from_slice(b",\"detail\":");
    serde_json::to_writer(&mut *out, &line.detail)?;
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(num.format(line.end).as_bytes());
    out.extend_from_slice(b",\"frame\":");
    serde_json::to_writer(&mut *out, line.frame)?;
    if let Some(g) = &line.granularity {
        out.extend_from_slice(b",\"granularity\":");
        serde_json::to_writer(&mut *out, g)?;
    }
    if let Some(iv) = &line.interval {
        out.extend_from_slice(b",\"interval\":");
        serde_json::to_writer(&mut *out, iv)?;
    }
    out.extend_from_slice(b",\"kind\":");
    json_str::write_quoted(line.kind, out);
    out.extend_from_slice(b",\"line\":");
    out.extend_from_slice(num.format(line.line).as_bytes());
    out.extend_from_slice(b",\"match\":");
    json_str::write_quoted(line.surface, out);
    out.extend_from_slice(b",\"path\":");
    out.extend_from_slice(doc.path);
    out.extend_from_slice(b",\"reference\":");
    out.extend_from_slice(doc.reference);
    out.extend_from_slice(b",\"schema\":\"");
    out.extend_from_slice(SCHEMA.as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"start\":");
    out.extend_from_slice(num.format(line.start).as_bytes());
    out.extend_from_slice(b",\"text\":");
    out.extend_from_slice(text);
    out.extend_from_slice(b",\"value\":");
    json_str::write_quoted(&line.value, out);
    out.push(b'}');
    Ok(())
}

impl super::lines::Lines for DocumentLines {
    type Item = Extraction;
    type Key = TextKey;
    fn key(&self, e: &Extraction) -> TextKey {
        e.text
    }
    /// One reading gives the same claims; the reference date is all else
    /// their lines hold.
    fn same(&self, a: &Extraction, b: &Extraction) -> bool {
        a.same_reading(b)
    }
    fn path<'a>(&'a self, e: &'a Extraction) -> &'a str {
        &e.path
    }
    fn format(&self, e: &Extraction, path: Option<&str>, out: &mut Vec<u8>) -> io::Result<()> {
        let reference = serde_json::to_vec(&reference_json(&e.reference))?;
        let mut path_json = Vec::new();
        json_str::write_quoted(path.unwrap_or(&e.path), &mut path_json);
        let shared = Shared {
            path: &path_json,
            reference: &reference,
        };
        // The claims of a sentence follow one another and share its string,
        // which is escaped once for all their lines.
        let mut sentence: Option<&Claim> = None;
        let mut text = Vec::new();
        // Room for the lines at once (each holds its sentence and some 500
        // bytes more), rather than copied again at each doubling.
        out.reserve(e.claims.iter().map(|c| c.sentence().len() + 512).sum());
        for c in e.claims.iter() {
            if !sentence.is_some_and(|s| s.shares_sentence(c)) {
                sentence = Some(c);
                text.clear();
                json_str::write_quoted(c.sentence(), &mut text);
            }
            write_line(c, &shared, &text, out)?;
            out.push(b'\n');
        }
        Ok(())
    }
}

impl Reporter<Run> for TableReporter {
    fn write(&self, run: &Run, out: &mut dyn Write) -> io::Result<()> {
        use rayon::prelude::*;
        let width = self.width.unwrap_or(120);
        // A batch of documents drawn at a time in parallel, written in
        // order: an archive's tables are never held whole.
        for batch in run.extractions.chunks(256) {
            let drawn: Vec<String> = batch.par_iter().map(|e| document_table(e, width)).collect();
            for d in drawn {
                out.write_all(d.as_bytes())?;
            }
        }
        let n: usize = run.extractions.iter().map(|e| e.claims.len()).sum();
        writeln!(
            out,
            "{} in {}{}",
            super::words::counted(n, "claim"),
            super::words::counted(run.extractions.len(), "document"),
            match run.errors.len() {
                0 => String::new(),
                e => format!("; {} could not be read", super::words::counted(e, "input")),
            }
        )
    }
}

/// One document's heading and table of claims, as the table format prints
/// it.
fn document_table(e: &Extraction, width: u16) -> String {
    let mut out = format!(
        "{}\n  reference date: {}\n",
        e.path,
        reference_text(&e.reference)
    );
    if e.claims.is_empty() {
        out.push_str("  no claims found\n\n");
        return out;
    }
    let mut t = super::grid::Grid::new(width, &["line:col", "kind", "value", "as written"]);
    for c in &e.claims {
        t.row(vec![
            format!("{}:{}", c.line, c.column),
            c.kind.as_str().to_string(),
            c.value.display(),
            c.surface().to_string(),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, FrontMatter};
    use crate::report::lines::Lines;

    /// The schema is [`ClaimOut`] as serde writes it; the hand-written line
    /// must be those bytes, whatever the claim.
    #[test]
    fn a_written_line_is_the_claim_as_serde_writes_it() {
        let text = "Officials said on Tuesday that 12 people died and 40% of homes, worth \
                    $3.5 million, were lost between 2014 and 2016.\n\
                    \"We counted 7 bodies,\" said Ann\tLee, 45, of the \\ relief agency.\n\
                    | 2024-03-05 | Harbour raid | 3 |\n";
        let doc = Document {
            path: "dir/a \"quoted\" name.txt".into(),
            text: text.into(),
            body_start: 0,
            front_matter: FrontMatter::default(),
        };
        let e = crate::extract::extract(&doc, &Default::default());
        let kinds: std::collections::BTreeSet<&str> =
            e.claims.iter().map(|c| c.kind.as_str()).collect();
        assert!(kinds.len() >= 5, "too few kinds to compare: {kinds:?}");
        let mut written = Vec::new();
        DocumentLines.format(&e, None, &mut written).unwrap();
        let lines: Vec<&str> = std::str::from_utf8(&written).unwrap().lines().collect();
        assert_eq!(lines.len(), e.claims.len());
        let path = serde_json::value::to_raw_value(&e.path).unwrap();
        let reference = serde_json::value::to_raw_value(&reference_json(&e.reference)).unwrap();
        for (c, line) in e.claims.iter().zip(lines) {
            let mut out = ClaimOut::of(c);
            out.path = Some(&path);
            out.reference = Some(&reference);
            out.schema = Some(SCHEMA);
            assert_eq!(line, serde_json::to_string(&out).unwrap());
        }
    }

    /// The JSON report, written whole or a batch at a time, is the run as
    /// one object pretty-printed by serde, whatever the batches.
    #[test]
    fn the_json_report_in_batches_is_the_run_as_serde_writes_it() {
        let doc = |path: &str, text: &str| Document {
            path: path.into(),
            text: text.into(),
            body_start: 0,
            front_matter: FrontMatter::default(),
        };
        let docs = [
            doc(
                "a.txt",
                "Police said 12 people were arrested on March 3, 2024.\n",
            ),
            doc("b.txt", "No figure here.\n"),
            doc(
                "c \"q\".txt",
                "He said: \"We spent $2 million\nin 2023.\"\n",
            ),
        ];
        let mut run = Run {
            extractions: docs
                .iter()
                .map(|d| crate::extract::extract(d, &Default::default()))
                .collect(),
            ..Run::default()
        };
        run.errors.push(crate::model::InputError::new(
            "bad.jsonl",
            Some(2),
            Some(5),
            "not JSON".into(),
        ));
        run.skipped.push(crate::model::InputNote {
            path: "notes.odt".into(),
            message: "not an article extension".into(),
        });
        let (errors, skipped) = problems_json(&run);
        let documents: Vec<Value> = run.extractions.iter().map(document_json).collect();
        let mut expected = serde_json::to_vec_pretty(&json!({
            "documents": documents,
            "errors": errors,
            "schema": SCHEMA,
            "skipped": skipped,
        }))
        .unwrap();
        expected.push(b'\n');
        let mut whole = Vec::new();
        JsonReporter.write(&run, &mut whole).unwrap();
        assert_eq!(
            String::from_utf8(whole).unwrap(),
            String::from_utf8(expected.clone()).unwrap()
        );
        for batch in [1, 2] {
            let mut json = JsonDocuments::default();
            let mut out = Vec::new();
            for docs in run.extractions.chunks(batch) {
                json.write(docs, &mut out).unwrap();
            }
            json.finish(&run, &mut out).unwrap();
            assert_eq!(out, expected, "batches of {batch}");
        }
        // No document: an empty list, as serde writes one.
        let empty = Run::default();
        let mut out = Vec::new();
        JsonReporter.write(&empty, &mut out).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["documents"], json!([]));
        assert!(String::from_utf8(out)
            .unwrap()
            .contains("\"documents\": [],"));
    }
}
