//! Reporters for `crosscheck check`: a terminal table, JSON and JSON Lines.
//!
//! The JSON shape is the documented schema `crosscheck.check/v1`
//! (docs/schema.md), built field by field.

use super::claims::reference_json;
use super::words;
use super::{table, Reporter, SOURCE_COLUMNS};
use crate::judge::{ClaimRef, Finding, Judgement, Severity};
use crate::model::{ClaimValue, Extraction};
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
    /// How many documents are of the story the ledger records: the ones
    /// its facts judge.
    pub ledger_documents: usize,
}

impl CheckReport<'_> {
    /// The end of the summary line that names the ledger (its files as
    /// `files` shows them) and whether it judged any document.
    pub fn ledger_note(&self, files: &[String]) -> String {
        if files.is_empty() {
            return String::new();
        }
        let n = self.docs().len();
        match self.ledger_documents {
            0 => format!(
                "; ledger {} not used: no document is of the story it records",
                files.join(", ")
            ),
            k => format!(
                "; ledger: {} ({k} of {n} document{} of its story)",
                files.join(", "),
                if n == 1 { "" } else { "s" }
            ),
        }
    }

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

    /// "7 errors, 1 warning, 59 notes in 5 documents (2 suppressed)".
    pub fn summary_line(&self) -> String {
        let suppressed = self.suppressed_count();
        use super::words::counted;
        format!(
            "{}, {}, {} in {}{}",
            counted(self.count(Severity::Error), "error"),
            counted(self.count(Severity::Warning), "warning"),
            counted(self.count(Severity::Info), "note"),
            counted(self.docs().len(), "document"),
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
        let sheet: Vec<Value> = super::facts::sheet(docs, j)
            .iter()
            .map(|f| fact_sheet_json(docs, f))
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
            "fact_sheet": sheet,
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
    /// Columns to fit the tables into.
    pub width: u16,
    /// Findings below this severity are left out of the table.
    pub min_severity: Severity,
    /// Colour the severities (ANSI escapes).
    pub color: bool,
    /// List every source in the per-source table, not only those with
    /// warning signs.
    pub all_sources: bool,
    /// The working folder: paths inside it are shown relative to it.
    pub base: Option<std::path::PathBuf>,
}

/// The narrowest the tables are laid out for; below it they would hold a
/// word a line.
pub const MIN_WIDTH: u16 = 60;

fn severity_cell(s: Severity, lines: Vec<String>, color: bool) -> comfy_table::Cell {
    use comfy_table::{Attribute, Cell, Color};
    let c = Cell::new(lines.join("\n"));
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

/// A table whose columns have exactly these content widths: the cells are
/// wrapped by [`super::fit`] to them, so comfy-table cuts nothing.
fn fixed_table(header: Vec<&str>, widths: &[usize], color: bool) -> comfy_table::Table {
    use comfy_table::{ColumnConstraint, Width};
    let total = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    let mut t = table(total as u16, header);
    styled(&mut t, color);
    // A constraint's width includes the cell's padding of one a side.
    t.set_constraints(
        widths
            .iter()
            .map(|&w| ColumnConstraint::Absolute(Width::Fixed(w as u16 + 2))),
    );
    t
}

/// Content widths of `n` columns: the first ones as given, the rest share
/// what is left of `total` columns (borders and padding taken off).
fn share(total: u16, fixed: &[usize], n: usize) -> Vec<usize> {
    let inner = (total.max(MIN_WIDTH) as usize).saturating_sub(3 * n + 1);
    let left = inner.saturating_sub(fixed.iter().sum::<usize>());
    let rest = n - fixed.len();
    let mut widths = fixed.to_vec();
    for i in 0..rest {
        // The first of the shared columns takes the odd column.
        widths.push(left / rest + usize::from(i < left % rest));
    }
    widths
}

impl TableReporter {
    fn path(&self, p: &str) -> String {
        super::fit::relative(p, self.base.as_deref())
    }

    /// `path:line:col` of a claim, whole, in `max` columns.
    fn at(&self, docs: &[Extraction], r: ClaimRef, max: usize) -> String {
        let c = &docs[r.doc].claims[r.claim];
        super::fit::location(&self.path(&docs[r.doc].path), c.line, Some(c.column), max)
    }

    fn findings_table(&self, r: &CheckReport<'_>, shown: &[&Finding]) -> comfy_table::Table {
        use super::fit::wrap;
        let docs = r.docs();
        let first = shown
            .iter()
            .map(|f| f.kind.as_str().len())
            .chain([Severity::Warning.as_str().len(), "1 source,".len()])
            .max()
            .unwrap_or(0);
        let widths = share(self.width, &[first], 3);
        let (claim_w, other_w) = (widths[1], widths[2]);
        let mut t = fixed_table(
            vec!["finding", "claim", "conflicts with"],
            &widths,
            self.color,
        );
        // One row per quote disagreement, where its first finding stands.
        let quotes = super::quotes::disagreements(shown);
        let mut in_quote: Vec<Option<usize>> = vec![None; shown.len()];
        for (g, (_, ids)) in quotes.iter().enumerate() {
            for &i in ids {
                in_quote[i] = Some(g);
            }
        }
        for (i, f) in shown.iter().enumerate() {
            if let Some(g) = in_quote[i] {
                let (lead, ids) = &quotes[g];
                if *lead == i {
                    let group: Vec<&Finding> = ids.iter().map(|&k| shown[k]).collect();
                    t.add_row(self.quote_row(docs, &group, &widths));
                }
                continue;
            }
            let c = &docs[f.at.doc].claims[f.at.claim];
            let mut claim = vec![self.at(docs, f.at, claim_w)];
            let v = words::value(&c.value);
            claim.extend(wrap(&v, claim_w));
            // The words as written, when the value rewords them.
            let same = v.eq_ignore_ascii_case(c.surface.trim());
            if !same && !matches!(c.value, ClaimValue::Quote { .. }) {
                claim.extend(wrap(&words::quoted(&shorten(&c.surface, 60)), claim_w));
            }
            let mut other: Vec<String> = Vec::new();
            for &e in f.evidence.iter().take(4) {
                other.push(self.at(docs, e, other_w));
                other.extend(wrap(
                    &words::value(&docs[e.doc].claims[e.claim].value),
                    other_w,
                ));
            }
            if f.evidence.len() > 4 {
                other.extend(wrap(&format!("and {} more", f.evidence.len() - 4), other_w));
            }
            if let Some(l) = &f.ledger {
                let said = format!("{} (fact \u{201c}{}\u{201d})", words::ledger(l), l.fact);
                other.extend(wrap(&said, other_w));
            }
            let finding = vec![f.severity.as_str().to_string(), f.kind.as_str().to_string()];
            let finding = finding
                .into_iter()
                .chain(wrap(&words::sides(f.support, f.against), first))
                .collect();
            t.add_row(vec![
                severity_cell(f.severity, finding, self.color),
                claim.join("\n").into(),
                other.join("\n").into(),
            ]);
        }
        t
    }

    /// One quote disagreement: every source of the first finding's wording
    /// beside every source of each other wording, with the words that
    /// wording changes marked.
    fn quote_row(
        &self,
        docs: &[Extraction],
        group: &[&Finding],
        widths: &[usize],
    ) -> Vec<comfy_table::Cell> {
        use super::fit::wrap;
        use super::quotes::{changes, quote_of};
        let lead = group[0];
        let (severity, sides) = super::quotes::sides(docs, group);
        // Each source at its location; the speaker once when a side agrees
        // on who spoke, else under each source.
        let sources = |side: &[ClaimRef], w: usize, out: &mut Vec<String>| -> String {
            let speaker = |r: ClaimRef| quote_of(docs, r).and_then(|q| q.1);
            let one = side.iter().all(|&r| speaker(r) == speaker(side[0]));
            for &r in side.iter().take(6) {
                out.push(self.at(docs, r, w));
                if let (false, Some(s)) = (one, speaker(r)) {
                    out.extend(wrap(&format!("{s}:"), w));
                }
            }
            if side.len() > 6 {
                out.extend(wrap(&format!("and {} more", side.len() - 6), w));
            }
            match speaker(side[0]) {
                Some(s) if one => format!("{s}: "),
                _ => String::new(),
            }
        };
        let (claim_w, other_w) = (widths[1], widths[2]);
        let mut claim = Vec::new();
        let mut other = Vec::new();
        if let Some((_, quote, side)) = sides.first() {
            let who = sources(side, claim_w, &mut claim);
            claim.extend(wrap(&format!("{who}{}", words::quoted(quote)), claim_w));
            for (_, theirs, side) in &sides[1..] {
                let who = sources(side, other_w, &mut other);
                let marked = words::quoted(&changes(quote, theirs));
                let lines = wrap(&format!("{who}{marked}"), other_w);
                if self.color {
                    other.extend(lines.iter().map(|l| super::quotes::coloured(l)));
                } else {
                    other.extend(lines);
                }
            }
        }
        let finding: Vec<String> = [
            severity.as_str().to_string(),
            lead.kind.as_str().to_string(),
        ]
        .into_iter()
        .chain(wrap(&words::sides(lead.support, lead.against), widths[0]))
        .collect();
        vec![
            severity_cell(severity, finding, self.color),
            claim.join("\n").into(),
            other.join("\n").into(),
        ]
    }

    /// The fact sheet: each fact, the value most sources give and who gives
    /// it, and every dissenting value with who gives that.
    fn facts_table(&self, r: &CheckReport<'_>) -> Option<comfy_table::Table> {
        use super::facts::{name, sheet, Stated};
        use super::fit::wrap;
        let docs = r.docs();
        let facts = sheet(docs, r.judgement);
        if facts.is_empty() {
            return None;
        }
        let fact_w = facts
            .iter()
            .map(|f| super::fit::width(&name(f.first)))
            .max()
            .unwrap_or(0)
            .min(20)
            .max("fact".len());
        let widths = share(self.width, &[fact_w], 3);
        let mut t = fixed_table(
            vec!["fact", "sources agree on", "dissenting"],
            &widths,
            self.color,
        );
        // "5 incidents", "3 sources:", then a document a line (a path is
        // never cut between lines).
        let said = |v: &Stated<'_>, w: usize, out: &mut Vec<String>| {
            out.extend(wrap(&words::value(&v.claim.value), w));
            out.push(format!("  {}:", words::counted(v.sources, "source")));
            let ds = v.docs();
            for &d in ds.iter().take(6) {
                // The outlet is the name an editor knows a source by.
                let p = docs[d]
                    .outlet
                    .clone()
                    .unwrap_or_else(|| self.path(&docs[d].path));
                out.extend(
                    wrap(&p, w.saturating_sub(2))
                        .into_iter()
                        .map(|l| format!("  {l}")),
                );
            }
            if ds.len() > 6 {
                out.push(format!("  and {} more", ds.len() - 6));
            }
        };
        for f in &facts {
            let mut agreed = Vec::new();
            match &f.value {
                Some(v) => said(v, widths[1], &mut agreed),
                None => agreed.push("no majority".to_string()),
            }
            let mut dissent = Vec::new();
            for v in &f.dissent {
                said(v, widths[2], &mut dissent);
            }
            t.add_row(vec![
                wrap(&name(f.first), widths[0]).join("\n"),
                agreed.join("\n"),
                dissent.join("\n"),
            ]);
        }
        Some(t)
    }

    /// The per-source table: the sources with warning signs (all with
    /// `all_sources`), and how many it leaves out.
    fn sources_table(&self, r: &CheckReport<'_>) -> (Option<comfy_table::Table>, usize) {
        use super::fit::wrap;
        let docs = r.docs();
        let rows: Vec<(&Extraction, &crate::judge::SourceSummary)> = docs
            .iter()
            .zip(&r.judgement.sources)
            .filter(|(_, s)| self.all_sources || notable(s))
            .collect();
        let left_out = docs.len() - rows.len();
        if rows.is_empty() {
            return (None, left_out);
        }
        let counts_w = "single-source".len() + 4;
        let longest = rows
            .iter()
            .map(|(d, _)| super::fit::width(&self.path(&d.path)))
            .max()
            .unwrap_or(0);
        let inner = share(self.width, &[counts_w], 3);
        // The path takes what it needs, up to a third of the room.
        let source_w = longest.min((inner[1] + inner[2]) / 3).max(12);
        let widths = share(self.width, &[source_w, counts_w], 3);
        let note_w = widths[2];
        let mut t = fixed_table(vec!["source", "claims", "note"], &widths, self.color);
        for (d, s) in rows {
            let counts = [
                format!("{} claims", s.claims),
                format!("{} corroborated", s.corroborated),
                format!("{} contradicted", s.contradicted),
                format!("{} single-source", s.single_source),
            ];
            let mut note = wrap(&s.note, note_w);
            // The note gives the rate of a spun source; the phrases are
            // the evidence.
            if s.spin.is_spun() {
                let phrases = super::spin_cell(&s.spin);
                let phrases = phrases.split_once(": ").map_or(&*phrases, |(_, p)| p);
                note.extend(wrap(&format!("spinner phrases: {phrases}"), note_w));
            } else if s.spin.hits > 0 {
                let line = format!("spin per 1,000 words: {}", super::spin_cell(&s.spin));
                note.extend(wrap(&line, note_w));
            }
            t.add_row(vec![
                wrap(&self.path(&d.path), source_w).join("\n"),
                counts.join("\n"),
                note.join("\n"),
            ]);
        }
        (Some(t), left_out)
    }
}

/// A source worth a row of its own: a warning sign, spin, or a copy.
pub(crate) fn notable(s: &crate::judge::SourceSummary) -> bool {
    !s.signals.is_empty() || s.spin.is_spun() || s.rewrite_of.is_some()
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
        let shown: Vec<&Finding> = r
            .judgement
            .findings
            .iter()
            .filter(|f| f.severity >= self.min_severity && r.suppressed(f).is_none())
            .collect();
        // What the sources say comes before what is wrong with it.
        if let Some(t) = self.facts_table(r) {
            writeln!(out, "{t}\n")?;
        }
        if shown.is_empty() {
            writeln!(
                out,
                "No findings at {} or above.",
                self.min_severity.as_str()
            )?;
        } else {
            writeln!(out, "{}", self.findings_table(r, &shown))?;
        }
        let (sources, left_out) = self.sources_table(r);
        if let Some(t) = sources {
            writeln!(out, "\n{t}")?;
        }
        if left_out > 0 {
            let line = format!(
                "{left_out} {} no warning signs, spin or copying (--sources all lists {}; --format json has every source)",
                if left_out == 1 { "other source shows" } else { "other sources show" },
                if left_out == 1 { "it" } else { "them" },
            );
            writeln!(
                out,
                "{}",
                super::fit::wrap(&line, self.width as usize).join("\n")
            )?;
        }
        let summary = format!(
            "{}{}",
            r.summary_line(),
            r.ledger_note(
                &r.ledger_files
                    .iter()
                    .map(|f| self.path(f))
                    .collect::<Vec<_>>()
            )
        );
        writeln!(
            out,
            "{}",
            super::fit::wrap(&summary, self.width as usize).join("\n")
        )
    }
}
