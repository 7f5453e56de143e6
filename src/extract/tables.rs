//! Markdown tables: one claim per row, read through the header.
//!
//! A table is a header line with pipes, a separator line of dashes (with
//! optional alignment colons) with as many cells, and the rows after it up
//! to a blank or pipe-less line. Leading and trailing pipes are optional and
//! `\|` is a literal pipe. Lines with pipes but no separator are not a table.
//!
//! A column whose header names a date ("Date", "When", "Day") dates its row;
//! a column whose header names a count ("Occurrences", "Total", "#") or whose
//! cells are all bare numbers gives the row's count; the first other cell is
//! the row's subject.

use super::dates;
use super::numbers::parse_number;
use super::{Context, Found, Recogniser};
use crate::lang::wordlist::WordList;
use crate::model::{Amount, Cell, ClaimKind, ClaimValue, DateValue, Reference};
use std::ops::Range;

pub struct Tables;

/// Words in a header that mark a date column.
fn is_date_header(h: &str) -> bool {
    header_words(h).any(|w| {
        matches!(
            w.as_str(),
            "date" | "dates" | "dated" | "when" | "day" | "days"
        )
    })
}

/// Words in a header that mark a count column.
static COUNT_HEADERS: WordList = WordList::new(include_str!("../../data/count_headers.txt"));

fn is_count_header(h: &str) -> bool {
    h.trim() == "#" || h.contains('#') || header_words(h).any(|w| COUNT_HEADERS.contains(&w))
}

fn header_words(h: &str) -> impl Iterator<Item = String> + '_ {
    h.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The cells of a table line: outer pipes stripped, `\|` unescaped.
fn split_cells(line: &str) -> Vec<String> {
    let mut t = line.trim();
    if let Some(r) = t.strip_prefix('|') {
        t = r;
    }
    if t.ends_with('|') && !t.ends_with("\\|") {
        t = &t[..t.len() - 1];
    }
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

/// True when `line` has an unescaped pipe.
fn has_pipe(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
}

/// A separator line ("|---|:--:|") with its cell count.
fn separator_cells(line: &str) -> Option<usize> {
    if !line.contains('-') {
        return None;
    }
    let cells = split_cells(line);
    let ok = cells.iter().all(|c| {
        let c = c.trim();
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.chars().all(|x| x == '-')
    });
    (ok && (has_pipe(line) || cells.len() > 1)).then_some(cells.len())
}

/// A count written in a cell: "3", "1,204", "about 40", ">5", "5+".
fn parse_count(cell: &str) -> Option<Amount> {
    let c = cell.trim().trim_end_matches('*').trim();
    if c.is_empty() {
        return None;
    }
    let lower = c.to_lowercase();
    let (bound, rest): (fn(f64) -> Amount, &str) = if let Some(r) = lower.strip_prefix('>') {
        (|v| Amount::MoreThan { value: v }, r)
    } else if let Some(r) = lower.strip_prefix('<') {
        (|v| Amount::LessThan { value: v }, r)
    } else if let Some(r) = lower
        .strip_prefix('~')
        .or_else(|| lower.strip_prefix("about "))
    {
        (|v| Amount::Approx { value: v }, r)
    } else if let Some(r) = lower.strip_prefix("at least ") {
        (|v| Amount::AtLeast { value: v }, r)
    } else if let Some(r) = lower.strip_suffix('+') {
        (|v| Amount::AtLeast { value: v }, r)
    } else {
        (|v| Amount::Exact { value: v }, lower.as_str())
    };
    let rest = rest.trim();
    if let Some((a, b)) = rest.split_once(['-', '\u{2013}']) {
        if let (Some(lo), Some(hi)) = (parse_number(a), parse_number(b)) {
            return Some(Amount::Between { low: lo, high: hi });
        }
    }
    parse_number(rest).map(bound)
}

/// A date in a cell: the whole cell, or failing that the longest run of
/// words in it that reads as a date.
fn parse_cell_date(cell: &str, reference: &Reference) -> Option<DateValue> {
    if let Some(d) = dates::parse_date(cell, reference) {
        return Some(d);
    }
    let words: Vec<(usize, usize)> = cell
        .split_whitespace()
        .map(|w| {
            let s = w.as_ptr() as usize - cell.as_ptr() as usize;
            (s, s + w.len())
        })
        .collect();
    for len in (1..=4.min(words.len())).rev() {
        for win in words.windows(len) {
            let piece = cell[win[0].0..win[len - 1].1]
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if piece.is_empty() {
                continue;
            }
            if let Some(d) = dates::parse_date(piece, reference) {
                return Some(d);
            }
        }
    }
    None
}

impl Recogniser for Tables {
    fn find(&self, cx: &Context) -> Vec<Found> {
        let text = cx.text;
        if !text.contains('|') {
            return Vec::new();
        }
        let lines = crate::text::line_ranges(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i + 1 < lines.len() {
            let head = &text[lines[i].clone()];
            if !has_pipe(head) {
                i += 1;
                continue;
            }
            let headers = split_cells(head);
            match separator_cells(&text[lines[i + 1].clone()]) {
                Some(n) if n == headers.len() => {}
                _ => {
                    i += 1;
                    continue;
                }
            }
            let mut end = i + 2;
            while end < lines.len() {
                let l = &text[lines[end].clone()];
                if l.trim().is_empty() || !has_pipe(l) {
                    break;
                }
                end += 1;
            }
            table(cx, &headers, &lines[i + 2..end], &mut out);
            i = end;
        }
        out
    }
}

/// One claim per body row of a table.
fn table(cx: &Context, headers: &[String], rows: &[Range<usize>], out: &mut Vec<Found>) {
    let n = headers.len();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = split_cells(&cx.text[r.clone()]);
            cells.resize(n, String::new());
            cells
        })
        .collect();
    let date_col = (0..n).find(|&c| is_date_header(&headers[c]));
    let numeric = |c: usize| {
        body.iter().all(|row| {
            let cell = row[c].trim();
            !cell.is_empty()
                && parse_count(cell).is_some()
                && cell.chars().any(|x| x.is_ascii_digit())
        })
    };
    let count_col = (0..n).find(|&c| {
        Some(c) != date_col
            && !body.is_empty()
            && ((is_count_header(&headers[c])
                && body.iter().any(|row| parse_count(&row[c]).is_some()))
                || numeric(c))
    });
    for (r, cells) in rows.iter().zip(&body) {
        let line = &cx.text[r.clone()];
        let lead = line.len() - line.trim_start().len();
        let start = r.start + lead;
        let end = r.start + line.trim_end().len();
        let date = date_col.and_then(|c| parse_cell_date(&cells[c], cx.reference));
        let count = count_col.and_then(|c| parse_count(&cells[c]));
        let subject = (0..n)
            .filter(|&c| Some(c) != date_col && Some(c) != count_col)
            .map(|c| cells[c].as_str())
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .to_string();
        out.push(Found {
            kind: ClaimKind::TableRow,
            start,
            end,
            value: ClaimValue::TableRow {
                cells: headers
                    .iter()
                    .zip(cells)
                    .map(|(h, t)| Cell {
                        header: h.clone(),
                        text: t.clone(),
                    })
                    .collect(),
                subject,
                date: date.map(Box::new),
                count: count.map(Box::new),
            },
            ends: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn run_with(text: &str, reference: &Reference) -> Vec<(String, ClaimValue)> {
        crate::extract::find_in(&Tables, text, reference)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.value))
            .collect()
    }

    fn run(text: &str) -> Vec<(String, ClaimValue)> {
        run_with(text, &Reference::unknown())
    }

    fn parts(v: &ClaimValue) -> (String, Option<String>, Option<Amount>, usize) {
        match v {
            ClaimValue::TableRow {
                cells,
                subject,
                date,
                count,
            } => (
                subject.clone(),
                date.as_ref().map(|d| d.value.to_string()),
                count.as_deref().cloned(),
                cells.len(),
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dated_rows_read_through_the_header() {
        let t = "Intro line.\n| Incident Date | Nature of Violation | Response |\n|---|---|---|\n| January 14, 2024 | Unauthorized communication | Initiated review |\n| February 3, 2024 | Improper request | Reprimanded |\nAfter.";
        let rows = run(t);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].0,
            "| January 14, 2024 | Unauthorized communication | Initiated review |"
        );
        assert_eq!(
            parts(&rows[0].1),
            (
                "Unauthorized communication".into(),
                Some("2024-01-14".into()),
                None,
                3
            )
        );
        assert_eq!(parts(&rows[1].1).1, Some("2024-02-03".into()));
    }

    #[test]
    fn count_columns_by_header_or_by_numbers() {
        let t = "| Issue | Occurrences | Severity |\n|---|---|---|\n| Unlawful Detentions | 3 | High |\n| Training Gaps | 1,204 | High |\n";
        let rows = run(t);
        assert_eq!(
            parts(&rows[0].1),
            (
                "Unlawful Detentions".into(),
                None,
                Some(Amount::Exact { value: 3.0 }),
                3
            )
        );
        assert_eq!(parts(&rows[1].1).2, Some(Amount::Exact { value: 1204.0 }));
        let t = "Team | Score\n--- | ---\nReds | 12\nBlues | 7\n";
        let rows = run(t);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            parts(&rows[1].1),
            ("Blues".into(), None, Some(Amount::Exact { value: 7.0 }), 2)
        );
        assert_eq!(rows[0].0, "Reds | 12");
    }

    #[test]
    fn alignment_escapes_and_missing_cells() {
        let t = "| Name | Note |\n|:---|:---:|\n| A \\| B | x |\n| C |\n";
        let rows = run(t);
        assert_eq!(rows.len(), 2);
        match &rows[0].1 {
            ClaimValue::TableRow { cells, .. } => {
                assert_eq!(cells[0].text, "A | B");
                assert_eq!(cells[1].header, "Note");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(parts(&rows[1].1), ("C".into(), None, None, 2));
    }

    #[test]
    fn pipes_without_separator_are_not_tables() {
        assert!(run("Photo: AP | Getty\nNews | Sports | Weather\nMore text").is_empty());
        assert!(run("| a | b |\n| c | d |\n").is_empty());
        // Separator with a different cell count.
        assert!(run("| a | b |\n|---|\n| c | d |\n").is_empty());
    }

    #[test]
    fn date_found_inside_a_longer_cell_and_relative_to_reference() {
        let r = Reference::given(date(2025, 3, 1));
        let t =
            "| When | What |\n|---|---|\n| On June 9 (evening) | Referral |\n| unknown | Other |\n";
        let rows = run_with(t, &r);
        assert_eq!(parts(&rows[0].1).1, Some("2025-06-09".into()));
        assert_eq!(parts(&rows[1].1).1, None);
        assert_eq!(parts(&rows[1].1).0, "Other");
    }

    #[test]
    fn table_ends_at_blank_line() {
        let t = "| a | # |\n|---|---|\n| x | 1 |\n\n| y | 2 |\n";
        let rows = run(t);
        assert_eq!(rows.len(), 1);
        assert_eq!(parts(&rows[0].1).2, Some(Amount::Exact { value: 1.0 }));
    }
}
