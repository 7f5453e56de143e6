//! One self-contained HTML page for an editor to open or share: the timeline
//! (inline SVG), the findings with both sides quoted in context, the
//! per-source summary. No script, no network, no external asset: the page
//! looks the same offline, attached to a mail, years later.

use super::check::{loc, CheckReport};
use super::rules::{rule, RULES};
use super::timeline::Timeline;
use super::{Reporter, SOURCE_COLUMNS};
use crate::judge::{Finding, Severity};
use crate::model::Claim;
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
    let s = c.sentence.trim();
    match s.find(c.surface.as_str()).filter(|_| !c.surface.is_empty()) {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape(&s[..i]),
            escape(&c.surface),
            escape(&s[i + c.surface.len()..])
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

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

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
    let mut m = lo;
    while m <= hi {
        let xm = x(m);
        let january = m.month() == 1;
        let _ = write!(
            s,
            "<line x1=\"{xm:.1}\" y1=\"{}\" x2=\"{xm:.1}\" y2=\"{:.1}\" class=\"{}\"/>",
            if january { top - 30.0 } else { top - 4.0 },
            height - 8.0,
            if january { "grid year" } else { "grid" }
        );
        if january || m == lo {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" class=\"year\">{}</text>",
                xm + 3.0,
                top - 20.0,
                m.year()
            );
        }
        if every < 12 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" class=\"tick\">{}</text>",
                xm + 2.0,
                top - 6.0,
                MONTHS[m.month() as usize - 1]
            );
        }
        m = match m.checked_add(jiff::Span::new().months(every)) {
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
                c.sentence.trim(),
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

fn finding_row(r: &CheckReport<'_>, f: &Finding) -> String {
    let docs = r.docs();
    let c = &docs[f.at.doc].claims[f.at.claim];
    let mut other = String::new();
    for &e in &f.evidence {
        let ec = &docs[e.doc].claims[e.claim];
        let _ = write!(
            other,
            "<blockquote><cite>{}</cite> {}</blockquote>",
            escape(&loc(docs, e)),
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
        "<tr class=\"{sev}\"><td><span class=\"sev\">{sev}</span></td><td><abbr title=\"{help}\">{kind}</abbr></td>\
         <td class=\"where\">{path}:{line}:{col}</td><td><blockquote>{claim}</blockquote>\
         <div class=\"msg\">{msg}</div>{suppressed}</td><td>{other}</td><td class=\"num\">{sides}</td></tr>",
        sev = f.severity.as_str(),
        help = escape(rule(f.kind).short),
        kind = f.kind.as_str(),
        path = escape(&docs[f.at.doc].path),
        line = c.line,
        col = c.column,
        claim = in_context(c),
        msg = escape(&super::words::message(docs, f, &|p| p.to_string())),
        sides = escape(&super::words::sides(f.support, f.against)),
    )
}

fn findings_table(r: &CheckReport<'_>, findings: &[&Finding]) -> String {
    let mut s = String::from(
        "<table class=\"findings\"><thead><tr><th>severity</th><th>kind</th><th>where</th>\
         <th>claim, in context</th><th>the other side</th><th>sources</th></tr></thead><tbody>",
    );
    for f in findings {
        s.push_str(&finding_row(r, f));
    }
    s.push_str("</tbody></table>");
    s
}

fn sources_table(r: &CheckReport<'_>) -> String {
    let mut s = String::from("<table class=\"sources\"><thead><tr><th>source</th>");
    for c in SOURCE_COLUMNS {
        let _ = write!(s, "<th>{}</th>", escape(c.heading));
    }
    s.push_str("</tr></thead><tbody>");
    for (d, sum) in r.docs().iter().zip(&r.judgement.sources) {
        let _ = write!(s, "<tr><td class=\"where\">{}", escape(&d.path));
        if let Some(t) = &d.title {
            let _ = write!(s, "<div class=\"title\">{}</div>", escape(t));
        }
        s.push_str("</td>");
        for c in SOURCE_COLUMNS {
            let _ = write!(s, "<td class=\"num\">{}</td>", escape(&(c.text)(sum)));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px 32px;color:#1b1b1b;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.summary{color:#444}.legend span{display:inline-block;margin-right:14px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
svg.timeline{max-width:100%;height:auto;font-size:12px}
svg .grid{stroke:#e2e2e2}svg .grid.year{stroke:#9a9a9a}svg .tick{fill:#555}svg .year{fill:#1b1b1b;font-weight:600}svg .source{fill:#1b1b1b;font-size:13px}
svg .band0{fill:#fafafa}svg .band1{fill:#f0f3f7}
table{border-collapse:collapse;width:100%;margin-top:6px}th,td{border:1px solid #ddd;padding:5px 7px;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}td.where{font-family:ui-monospace,monospace;font-size:13px;white-space:nowrap}
blockquote{margin:0 0 6px;padding-left:8px;border-left:3px solid #ccc}cite{display:block;font:12px ui-monospace,monospace;color:#666}
mark{background:#ffe58a}.msg{color:#555;font-size:13px}.title{font-family:system-ui;color:#666;font-size:12px;white-space:normal}
.sev{font-weight:600}tr.error .sev{color:#c62828}tr.warning .sev{color:#b86e00}tr.info .sev{color:#1f5fa8}
.suppressed{color:#6a1b9a;font-size:13px}details{margin-top:10px}
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
        h.push_str("</p>\n<h2>Timeline</h2>");
        h.push_str(
            "<p class=\"legend\">Every dated claim (a day, a month or a season; whole years left out), one row per \
             source. <span><i class=\"dot\" style=\"background:#1f5fa8\"></i>dated claim</span>\
             <span><i class=\"dot\" style=\"background:#c62828\"></i>contradicted (error)</span>\
             <span><i class=\"dot\" style=\"background:#ef8f00\"></i>contradicted (warning)</span> \
             Bars are periods; hover for the sentence.</p>",
        );
        h.push_str(&timeline_svg(r, &t));
        let _ = write!(h, "\n<h2>Findings ({})</h2>", serious.len());
        if serious.is_empty() {
            h.push_str("<p>No errors or warnings.</p>");
        } else {
            h.push_str(&findings_table(r, &serious));
        }
        if !notes.is_empty() {
            let _ = write!(
                h,
                "<details><summary>{} notes (single-source claims, ledger matches)</summary>{}</details>",
                notes.len(),
                findings_table(r, &notes)
            );
        }
        if !suppressed.is_empty() {
            let _ = write!(
                h,
                "<details open><summary>{} suppressed by comments in the drafts</summary>{}</details>",
                suppressed.len(),
                findings_table(r, &suppressed)
            );
        }
        h.push_str("\n<h2>Sources</h2>");
        h.push_str(&sources_table(r));
        h.push_str("\n<h2>What the findings mean</h2><dl>");
        for ru in RULES {
            let _ = write!(
                h,
                "<dt><b>{}</b>: {}</dt><dd>{}</dd>",
                ru.kind.as_str(),
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
