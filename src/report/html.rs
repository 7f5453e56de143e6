//! One self-contained HTML page for an editor to open or share: the timeline
//! (inline SVG), the findings with both sides quoted in context, the
//! per-source summary. No script, no network, no external asset: the page
//! looks the same offline, attached to a mail, years later.

use super::check::{notable, CheckReport};
use super::timeline::Timeline;
use super::{Reporter, SOURCE_COLUMNS};
use crate::judge::{rule, RULES};
use crate::judge::{ClaimRef, Finding, Severity, SourceSummary};
use crate::model::{Claim, Extraction};
use jiff::civil::Date;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct HtmlReporter;

pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The claim's sentence with the matched text marked.
fn in_context(c: &Claim) -> String {
    let s = c.sentence().trim();
    match s.find(c.surface()).filter(|_| !c.surface().is_empty()) {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape(&s[..i]),
            escape(c.surface()),
            escape(&s[i + c.surface().len()..])
        ),
        None => escape(s),
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), for placing dates on an axis.
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The room a year label needs on the axis (four digits at 12 px, bold,
/// and a gap), in the SVG's units.
const YEAR_LABEL_PX: f64 = 40.0;

fn colour(e: &super::timeline::Entry) -> &'static str {
    match e.conflict {
        Some((Severity::Error, _)) => "#c62828",
        Some(_) => "#ef8f00",
        None => "#1f5fa8",
    }
}

/// The timeline as inline SVG: one row per source, every placed date on one
/// axis; contradicted dates in red (error) or amber (warning).
fn timeline_svg(r: &CheckReport<'_>, t: &Timeline) -> String {
    let docs = r.docs();
    let entries: Vec<_> = t.entries().collect();
    if entries.is_empty() {
        return "<p>No dated claims to place on a timeline.</p>".into();
    }
    let first = entries
        .iter()
        .map(|e| e.interval.start)
        .min()
        .expect("some");
    let last = entries.iter().map(|e| e.interval.end).max().expect("some");
    let lo = first.first_of_month();
    let hi = last.last_of_month();
    let (d0, d1) = (day_number(lo), day_number(hi) + 1);
    let (left, width, row_h, top) = (250.0, 1100.0, 34.0, 46.0);
    let plot = width - left - 20.0;
    let x = |d: Date| left + (day_number(d) - d0) as f64 / (d1 - d0) as f64 * plot;
    let height = top + row_h * docs.len() as f64 + 12.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Timeline of dated claims per source\">"
    );
    // Row bands first, so the grid and the dates are drawn over them.
    for i in 0..docs.len() {
        let _ = write!(
            s,
            "<rect x=\"0\" y=\"{:.1}\" width=\"{width}\" height=\"{row_h}\" class=\"band{}\"/>",
            top + row_h * i as f64,
            i % 2
        );
    }
    // Month ticks (every quarter or year on long spans); years on a row of
    // their own above the months so the labels never collide.
    let months =
        (hi.year() as i32 - lo.year() as i32) * 12 + hi.month() as i32 - lo.month() as i32 + 1;
    let every = if months > 72 {
        12
    } else if months > 30 {
        3
    } else {
        1
    };
    // Years are labelled often enough to read the axis and no closer than
    // a label's width: every year on a short span, every 5 or 10 on a
    // century of dates.
    let per_year = x(lo.saturating_add(jiff::Span::new().years(1))) - x(lo);
    let year_step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|&k| per_year * k as f64 >= YEAR_LABEL_PX)
        .unwrap_or(100);
    // The first month is labelled with its year unless a January label
    // follows too close to it.
    let next_january = Date::new(lo.year() + 1, 1, 1).ok();
    let label_first = lo.month() == 1 || next_january.is_none_or(|j| x(j) - x(lo) >= YEAR_LABEL_PX);
    // Month by month, so that quarters and years fall on their calendar
    // months whatever month the axis starts in.
    let mut m = lo;
    while m <= hi {
        let xm = x(m);
        let january = m.month() == 1;
        let tick = every < 12 && (m.month() as i32 - 1) % every == 0;
        let labelled = (january && m.year() as i32 % year_step == 0) || (m == lo && label_first);
        // With years far apart, only the labelled years get a dark line.
        let strong = january && (year_step == 1 || labelled);
        if strong || tick {
            let _ = write!(
                s,
                "<line x1=\"{xm:.1}\" y1=\"{}\" x2=\"{xm:.1}\" y2=\"{:.1}\" class=\"{}\"/>",
                if strong { top - 30.0 } else { top - 4.0 },
                height - 8.0,
                if strong { "grid year" } else { "grid" }
            );
        }
        if labelled {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" class=\"year\">{}</text>",
                xm + 3.0,
                top - 20.0,
                m.year()
            );
        }
        if tick {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" class=\"tick\">{}</text>",
                xm + 2.0,
                top - 6.0,
                crate::lang::calendar::month_short(m.month() as usize).unwrap_or("")
            );
        }
        m = match m.checked_add(jiff::Span::new().months(1)) {
            Ok(n) => n,
            Err(_) => break,
        };
    }
    for (i, d) in docs.iter().enumerate() {
        let y = top + row_h * i as f64 + row_h / 2.0;
        let name = d.path.rsplit(['/', '\\']).next().unwrap_or(&d.path);
        let shown = match &d.outlet {
            Some(o) => format!("{name} ({o})"),
            None => name.to_string(),
        };
        let _ = write!(
            s,
            "<g class=\"row\"><text x=\"8\" y=\"{:.1}\" class=\"source\"><title>{}</title>{}</text>",
            y + 4.0,
            escape(&d.path),
            escape(&super::timeline::short_label(&shown, 34))
        );
        for e in entries.iter().filter(|e| e.at.doc == i) {
            let c = &d.claims[e.at.claim];
            let (xa, xb) = (
                x(e.interval.start),
                x(e.interval.end) + plot / (d1 - d0) as f64,
            );
            let tip = format!(
                "{}:{}  {}\n{}{}",
                d.path,
                c.line,
                super::words::timex(&e.when),
                c.sentence().trim(),
                match e.conflict {
                    Some((sev, k)) => format!("\n{} {}", sev.as_str(), k.as_str()),
                    None => String::new(),
                }
            );
            let fill = colour(e);
            if xb - xa < 8.0 {
                let _ = write!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5.5\" fill=\"{fill}\"><title>{}</title></circle>",
                    (xa + xb) / 2.0,
                    escape(&tip)
                );
            } else {
                let _ = write!(
                    s,
                    "<rect x=\"{xa:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"4\" fill=\"{fill}\" \
                     fill-opacity=\"0.45\" stroke=\"{fill}\"><title>{}</title></rect>",
                    y - 5.0,
                    xb - xa,
                    escape(&tip)
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// A claim's location, wrapping anywhere (a long path must not widen the
/// page).
fn cite(docs: &[Extraction], r: ClaimRef) -> String {
    let c = &docs[r.doc].claims[r.claim];
    format!(
        "<cite>{}:{}:{}</cite>",
        escape(&docs[r.doc].path),
        c.line,
        c.column
    )
}

/// The finding's first cell: severity, kind, and how many sources stand on
/// each side.
fn finding_cell(severity: Severity, f: &Finding) -> String {
    format!(
        "<td class=\"finding\"><div class=\"sev\">{sev}</div><abbr title=\"{help}\">{kind}</abbr>\
         <div class=\"sides\">{sides}</div></td>",
        sev = severity.as_str(),
        help = escape(rule(f.kind).short),
        kind = f.kind.as_str(),
        sides = escape(&super::words::sides(f.support, f.against)),
    )
}

fn finding_row(r: &CheckReport<'_>, f: &Finding) -> String {
    let docs = r.docs();
    let c = &docs[f.at.doc].claims[f.at.claim];
    let mut other = String::new();
    for &e in &f.evidence {
        let ec = &docs[e.doc].claims[e.claim];
        let _ = write!(
            other,
            "<blockquote>{}{}</blockquote>",
            cite(docs, e),
            in_context(ec)
        );
    }
    if let Some(l) = &f.ledger {
        let _ = write!(
            other,
            "<blockquote><cite>ledger: {}</cite> {}</blockquote>",
            escape(&l.fact),
            escape(&super::words::ledger(l))
        );
    }
    let suppressed = match r.suppressed(f) {
        Some(reason) => format!(
            "<div class=\"suppressed\">suppressed: {}</div>",
            escape(reason)
        ),
        None => String::new(),
    };
    format!(
        "<tr class=\"{sev}\">{first}<td data-label=\"claim\"><blockquote>{at}{claim}</blockquote>\
         <div class=\"msg\">{msg}</div>{suppressed}</td><td data-label=\"the other side\">{other}</td></tr>",
        sev = f.severity.as_str(),
        first = finding_cell(f.severity, f),
        at = cite(docs, f.at),
        claim = in_context(c),
        msg = escape(&super::words::message(docs, f, &|p| p.to_string())),
    )
}

/// `theirs` against `ours`, with the words it drops struck out and the
/// words it puts instead marked as inserted.
fn marked_changes(ours: &str, theirs: &str) -> String {
    use super::quotes::{diff, Piece};
    let words = |ws: &[&str]| escape(&ws.join(" "));
    diff(ours, theirs)
        .iter()
        .map(|p| match p {
            Piece::Same(w) => escape(w),
            Piece::Changed { del, ins } => {
                let mut m = String::new();
                if !del.is_empty() {
                    let _ = write!(m, "<del>{}</del>", words(del));
                }
                if !ins.is_empty() {
                    if !m.is_empty() {
                        m.push(' ');
                    }
                    let _ = write!(m, "<ins>{}</ins>", words(ins));
                }
                m
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A quote without the quotation marks it was extracted with, so that it
/// is given exactly one pair.
fn bare(q: &str) -> &str {
    let t = q.trim();
    let t = t.strip_prefix(['\u{201c}', '"']).unwrap_or(t);
    t.strip_suffix(['\u{201d}', '"']).unwrap_or(t)
}

/// One quote disagreement: the first finding's wording with every source
/// that gives it, beside each other wording with its sources and the words
/// it changes marked.
fn quote_row(r: &CheckReport<'_>, group: &[&Finding]) -> String {
    use super::quotes::quote_of;
    let docs = r.docs();
    let lead = group[0];
    let (severity, sides) = super::quotes::sides(docs, group);
    let who = |side: &[ClaimRef]| -> String {
        let mut s = String::new();
        for &c in side {
            s.push_str(&cite(docs, c));
            if let Some((_, Some(speaker))) = quote_of(docs, c) {
                let _ = write!(s, "<div class=\"speaker\">{}:</div>", escape(speaker));
            }
        }
        s
    };
    let (mut claim, mut other) = (String::new(), String::new());
    if let Some((_, ours, side)) = sides.first() {
        let _ = write!(
            claim,
            "<blockquote>{}\u{201c}{}\u{201d}</blockquote>",
            who(side),
            escape(bare(ours))
        );
        for (_, theirs, side) in &sides[1..] {
            let _ = write!(
                other,
                "<blockquote>{}\u{201c}{}\u{201d}</blockquote>",
                who(side),
                marked_changes(bare(ours), bare(theirs))
            );
        }
    }
    let msg = "The same remark in different words: struck-out words are this side's, \
               marked words the other side's.";
    format!(
        "<tr class=\"{sev}\">{first}<td data-label=\"claim\">{claim}<div class=\"msg\">{msg}</div></td>\
         <td data-label=\"the other side\">{other}</td></tr>",
        sev = severity.as_str(),
        first = finding_cell(severity, lead),
    )
}

fn findings_table(
    r: &CheckReport<'_>,
    findings: &[&Finding],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::from(
        "<table class=\"findings\"><colgroup><col class=\"c-finding\"><col><col></colgroup>\
         <thead><tr><th>finding</th><th>claim, in context</th><th>the other side</th></tr></thead><tbody>",
    );
    // One row per quote disagreement, where its first finding stands.
    let quotes = super::quotes::disagreements(findings);
    let mut in_quote: Vec<Option<usize>> = vec![None; findings.len()];
    for (g, (_, ids)) in quotes.iter().enumerate() {
        for &i in ids {
            in_quote[i] = Some(g);
        }
    }
    for (i, f) in findings.iter().enumerate() {
        match in_quote[i] {
            Some(g) => {
                let (lead, ids) = &quotes[g];
                if *lead == i {
                    let group: Vec<&Finding> = ids.iter().map(|&k| findings[k]).collect();
                    s.push_str(&quote_row(r, &group));
                }
            }
            None => s.push_str(&finding_row(r, f)),
        }
        spill(&mut s, out)?;
    }
    s.push_str("</tbody></table>");
    out.write_all(s.as_bytes())
}

/// Writes out what `s` holds once it is long: an archive's tables run to
/// hundreds of megabytes, which the page never needs in memory whole.
fn spill(s: &mut String, out: &mut dyn Write) -> io::Result<()> {
    if s.len() >= 1 << 16 {
        drain(s, out)?;
    }
    Ok(())
}

/// Writes out what `s` holds and empties it.
fn drain(s: &mut String, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(s.as_bytes())?;
    s.clear();
    Ok(())
}

fn sources_table(rows: &[(&Extraction, &SourceSummary)]) -> String {
    let mut s = String::from("<table class=\"sources\"><thead><tr><th>source</th>");
    for c in SOURCE_COLUMNS {
        let _ = write!(s, "<th class=\"{}\">{}</th>", c.key, escape(c.heading));
    }
    s.push_str("</tr></thead><tbody>");
    for (d, sum) in rows {
        let _ = write!(
            s,
            "<tr><td class=\"path\" data-label=\"source\">{}",
            escape(&d.path)
        );
        if let Some(t) = &d.title {
            let _ = write!(s, "<div class=\"title\">{}</div>", escape(t));
        }
        s.push_str("</td>");
        for c in SOURCE_COLUMNS {
            let v = (c.text)(sum);
            let _ = write!(
                s,
                "<td class=\"{}{}\" data-label=\"{}\">{}</td>",
                c.key,
                if v.is_empty() { " empty" } else { "" },
                escape(c.heading),
                escape(&v)
            );
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// One value of the fact sheet and the documents that give it.
fn stated_html(docs: &[Extraction], v: &super::facts::Stated<'_>) -> String {
    let mut h = format!(
        "<div class=\"value\">{}</div><div class=\"who\">{}: ",
        escape(&super::words::value(&v.claim.value)),
        escape(&super::words::counted(v.sources, "source"))
    );
    let names: Vec<String> = v
        .docs()
        .iter()
        .map(|&d| {
            // The file's name, its path on hover: a list of full paths
            // reads as one long string.
            let path = &docs[d].path;
            let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
            let cite = format!("<cite title=\"{}\">{}</cite>", escape(path), escape(file));
            match &docs[d].outlet {
                Some(o) => format!("<span class=\"outlet\">{}</span> {cite}", escape(o)),
                None => cite,
            }
        })
        .collect();
    h.push_str(&names.join(""));
    h.push_str("</div>");
    h
}

/// The fact sheet: each fact, the value most sources give with its
/// sources, and every dissenting value with its own.
fn facts_section(r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    let docs = r.docs();
    let facts = super::facts::sheet(docs, r.judgement);
    if facts.is_empty() {
        return out.write_all(b"<p>No fact is stated by two independent sources.</p>");
    }
    let mut h = String::from(
        "<table class=\"facts\"><colgroup><col class=\"c-fact\"><col><col></colgroup>\
         <thead><tr><th>fact</th><th>sources agree on</th><th>dissenting</th></tr></thead><tbody>",
    );
    for f in &facts {
        let agreed = match &f.value {
            Some(v) => stated_html(docs, v),
            None => "<div class=\"value\">no majority</div>".into(),
        };
        let dissent: String = f.dissent.iter().map(|v| stated_html(docs, v)).collect();
        let _ = write!(
            h,
            "<tr class=\"{}\"><td class=\"fact\">{}</td><td data-label=\"sources agree on\">{agreed}</td>\
             <td data-label=\"dissenting\"{}>{dissent}</td></tr>",
            if f.disputed { "disputed" } else { "agreed" },
            escape(&super::facts::name(f.first)),
            if dissent.is_empty() { " class=\"empty\"" } else { "" },
        );
        spill(&mut h, out)?;
    }
    h.push_str("</tbody></table>");
    out.write_all(h.as_bytes())
}

/// The per-source section: the sources with warning signs in a table, the
/// others folded away below it (an archive has hundreds).
fn sources_section(r: &CheckReport<'_>) -> String {
    let all: Vec<(&Extraction, &SourceSummary)> =
        r.docs().iter().zip(&r.judgement.sources).collect();
    let (flagged, quiet): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, s)| notable(s));
    let mut h = String::new();
    if flagged.is_empty() {
        h.push_str("<p>No source shows warning signs, spin or copying.</p>");
    } else {
        h.push_str(&sources_table(&flagged));
    }
    if !quiet.is_empty() {
        let _ = write!(
            h,
            "<details><summary>{} no warning signs, spin or copying</summary>{}</details>",
            if quiet.len() == 1 {
                "1 other source shows".to_string()
            } else {
                format!("{} other sources show", quiet.len())
            },
            sources_table(&quiet)
        );
    }
    h
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px clamp(10px,3vw,32px);color:#1b1b1b;background:#fff;overflow-wrap:break-word}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.summary{color:#444;overflow-wrap:anywhere}.legend span{display:inline-block;margin-right:14px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
.scroll{overflow-x:auto;max-width:100%}
svg.timeline{display:block;width:100%;max-width:1100px;min-width:960px;height:auto;font-size:12px}
svg .grid{stroke:#e2e2e2}svg .grid.year{stroke:#9a9a9a}svg .tick{fill:#555}svg .year{fill:#1b1b1b;font-weight:600}svg .source{fill:#1b1b1b;font-size:13px}
svg .band0{fill:#fafafa}svg .band1{fill:#f0f3f7}
table{border-collapse:collapse;width:100%;margin-top:6px;table-layout:fixed}th,td{border:1px solid #ddd;padding:5px 7px;vertical-align:top;text-align:left}
th{background:#f4f4f4}col.c-finding{width:10.5em}col.c-fact{width:14em}
table.facts .value{font-weight:600}table.facts .who{font-size:13px;color:#444;margin-bottom:6px}
table.facts .who cite{display:inline-block;margin-right:.8em;font-size:12px}table.facts .who .outlet{font-weight:600}tr.disputed td.fact{border-left:4px solid #c62828}
td.finding abbr{white-space:nowrap}td.finding .sides{color:#444;font-size:13px}
cite,td.path{font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}
blockquote{margin:0 0 6px;padding-left:8px;border-left:3px solid #ccc}cite{display:block;font-style:normal;font-size:12px;color:#666}
mark{background:#ffe58a}.msg{color:#555;font-size:13px}.title{font-family:system-ui;color:#666;font-size:12px}
del{background:#fbd5d5;color:#8a1c1c}ins{background:#cdeccd;color:#14532d;text-decoration:none;border-bottom:2px solid #2e7d32}
.speaker{font-size:13px;color:#444}
.sev{font-weight:600}tr.error .sev{color:#c62828}tr.warning .sev{color:#b86e00}tr.info .sev{color:#1f5fa8}
.suppressed{color:#6a1b9a;font-size:13px}details{margin-top:10px}
table.sources th{font-size:12px;overflow-wrap:normal;hyphens:auto}
table.sources td:not(.path):not(.note){font-size:13px}
table.sources .claims,table.sources .corroborated,table.sources .contradicted,table.sources .single_source{text-align:right}
table.sources th:first-child{width:17%}table.sources th.spin{width:14%}table.sources th.rewrite_of{width:9%}
table.sources th.claims,table.sources th.corroborated,table.sources th.contradicted,table.sources th.single_source{width:7%}
table.sources th.signals{width:11%}table.sources th.note{width:21%}
@media (max-width:760px){
 table.findings,table.sources,table.facts{table-layout:auto}
 table.findings thead,table.sources thead,table.facts thead{display:none}
 table.findings tr,table.findings td,table.sources tr,table.sources td,table.facts tr,table.facts td{display:block;width:auto}
 table.findings tr,table.sources tr,table.facts tr{border:1px solid #ccc;margin:0 0 12px}
 table.findings td,table.sources td,table.facts td{border:0;border-top:1px solid #eee}
 table.facts td.empty{display:none}table.facts td.fact{font-weight:600}
 table.findings td[data-label]::before,table.sources td[data-label]::before,table.facts td[data-label]::before{content:attr(data-label);display:block;font-size:12px;color:#777}
 table.sources td{text-align:left!important}table.sources td.empty{display:none}
 table.sources td[data-label]::before{display:inline-block;width:8.5em;vertical-align:top}
}
";

impl Reporter<CheckReport<'_>> for HtmlReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let t = Timeline::build(r);
        let live: Vec<&Finding> = r
            .judgement
            .findings
            .iter()
            .filter(|f| r.suppressed(f).is_none())
            .collect();
        let serious: Vec<&Finding> = live
            .iter()
            .copied()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        let notes: Vec<&Finding> = live
            .iter()
            .copied()
            .filter(|f| f.severity < Severity::Warning)
            .collect();
        let suppressed: Vec<&Finding> = r
            .judgement
            .findings
            .iter()
            .filter(|f| r.suppressed(f).is_some())
            .collect();
        let mut h = String::new();
        h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.push_str("<title>crosscheck report</title><style>");
        h.push_str(STYLE);
        h.push_str("</style></head><body>\n<h1>crosscheck report</h1>");
        let _ = write!(h, "<p class=\"summary\">{}", escape(&r.summary_line()));
        h.push_str(&escape(&r.ledger_note(r.ledger_files)));
        h.push_str("</p>\n<h2>Fact sheet</h2>");
        h.push_str(
            "<p class=\"legend\">Each fact two or more independent sources state, or that they dispute: the value \
             most sources give, and every other value with who gives it (copies and rewrites of one text count \
             as one source).</p>",
        );
        drain(&mut h, out)?;
        facts_section(r, out)?;
        h.push_str("\n<h2>Timeline</h2>");
        h.push_str(
            "<p class=\"legend\">Every dated claim (a day, a month or a season; whole years left out), one row per \
             source. <span><i class=\"dot\" style=\"background:#1f5fa8\"></i>dated claim</span>\
             <span><i class=\"dot\" style=\"background:#c62828\"></i>contradicted (error)</span>\
             <span><i class=\"dot\" style=\"background:#ef8f00\"></i>contradicted (warning)</span> \
             Bars are periods; hover for the sentence.</p>",
        );
        // On a phone the timeline scrolls in its own box rather than
        // shrinking its labels past reading.
        let _ = write!(h, "<div class=\"scroll\">{}</div>", timeline_svg(r, &t));
        let _ = write!(h, "\n<h2>Findings ({})</h2>", serious.len());
        if serious.is_empty() {
            h.push_str("<p>No errors or warnings.</p>");
        } else {
            drain(&mut h, out)?;
            findings_table(r, &serious, out)?;
        }
        if !notes.is_empty() {
            let _ = write!(
                h,
                "<details><summary>{} notes (single-source claims, ledger matches)</summary>",
                notes.len(),
            );
            drain(&mut h, out)?;
            findings_table(r, &notes, out)?;
            h.push_str("</details>");
        }
        if !suppressed.is_empty() {
            let _ = write!(
                h,
                "<details open><summary>{} suppressed by comments in the drafts</summary>",
                suppressed.len(),
            );
            drain(&mut h, out)?;
            findings_table(r, &suppressed, out)?;
            h.push_str("</details>");
        }
        h.push_str("\n<h2>Sources</h2>");
        h.push_str(&sources_section(r));
        h.push_str("\n<h2>What the findings mean</h2><dl>");
        for ru in RULES {
            let _ = write!(
                h,
                "<dt><b>{}</b>: {}</dt><dd>{}</dd>",
                ru.id,
                escape(ru.short),
                escape(ru.help)
            );
        }
        h.push_str("</dl>\n</body></html>\n");
        out.write_all(h.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_calendar_days() {
        let d = |y, m, dd| day_number(Date::new(y, m, dd).unwrap());
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2);
        assert_eq!(d(2025, 1, 1) - d(2024, 1, 1), 366);
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
