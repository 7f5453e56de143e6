//! `crosscheck check --format table`: the fact sheet, the findings and the
//! sources with warning signs, fitted to the terminal's width.

use super::check::{notable, CheckReport};
use super::words;
use super::{table, Reporter};
use crate::judge::{ClaimRef, Finding, Severity};
use crate::model::{ClaimValue, Extraction};
use std::io::{self, Write};

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
            let same = v.eq_ignore_ascii_case(c.surface().trim());
            if !same && !matches!(c.value, ClaimValue::Quote { .. }) {
                claim.extend(wrap(&words::quoted(&shorten(c.surface(), 60)), claim_w));
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
