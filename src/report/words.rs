//! Values as a reader writes them, for the reports people read (the table,
//! HTML, GitHub and SARIF messages): "5 incidents", "£1.7 million",
//! "spring 2024", "November 2024 to June 2025", "the ledger says 7",
//! "1 source against 4".
//!
//! JSON keeps the normalised codes and numbers (`2024-SP`, `1700000 GBP`):
//! programs compare them. Everything here is for people, so it is all in
//! one place, and a value is worded the same way in every format.

use crate::judge::rule::Said;
use crate::judge::{Finding, FindingKind, LedgerMatch, Severity};
use crate::ledger::Verdict;
use crate::model::{Amount, Claim, ClaimValue, DateValue};
use std::fmt::Write;

pub use crate::lang::phrase::{list, quoted, sides};

/// `n` with separators of thousands, without the artefacts of binary
/// fractions: 1700000.0000000002 is "1,700,000", 0.6000000000000001 "0.6".
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 {
            "no limit".into()
        } else {
            "no floor".into()
        };
    }
    // Twelve significant digits hold any figure a news story gives and
    // none of the noise of its binary form.
    let digits = 12 - (v.abs().max(1.0).log10().floor() as i32 + 1);
    let text = format!("{:.*}", digits.clamp(0, 12) as usize, v);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (text, String::new()),
    };
    let (sign, int) = match int.strip_prefix('-') {
        Some(i) => ("-", i.to_string()),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 4 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if grouped.chars().all(|c| c == '0') && frac.is_empty() {
        ""
    } else {
        sign
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A large figure as news writes it: "1.7 million", "4.1 billion"; a figure
/// that no scale word states in three decimals keeps its digits.
pub fn scaled(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            let x = v / scale;
            if ((x * 1000.0).round() - x * 1000.0).abs() < 1e-6 {
                return format!("{} {word}", number(x));
            }
            break;
        }
    }
    number(v)
}

/// An amount in words, each figure written by `fig`: "about 200", "more
/// than 30", "10 to 20", "several".
fn bounded(a: &Amount, fig: &dyn Fn(f64) -> String) -> String {
    match a {
        Amount::Exact { value } => fig(*value),
        Amount::Approx { value } => format!("about {}", fig(*value)),
        Amount::MoreThan { value } => format!("more than {}", fig(*value)),
        Amount::AtLeast { value } => format!("at least {}", fig(*value)),
        Amount::LessThan { value } => format!("fewer than {}", fig(*value)),
        Amount::AtMost { value } => format!("up to {}", fig(*value)),
        Amount::Between { low, high } => format!("{} to {}", fig(*low), fig(*high)),
        Amount::Vague { label, .. } => label.to_string(),
    }
}

/// Whether a noun counted by `a` takes its singular form: "1 violation",
/// "a single violation", but "multiple violations", "0 deaths".
fn singular(a: &Amount) -> bool {
    match a {
        Amount::Exact { value } | Amount::AtMost { value } => *value == 1.0,
        Amount::Vague { high, low, .. } => *low <= 1.0 && *high == Some(1.0),
        _ => false,
    }
}

/// `unit` in the number `a` asks for: "incident" or "incidents".
fn noun(a: &Amount, unit: &str) -> String {
    if unit.is_empty() || singular(a) {
        unit.to_string()
    } else {
        crate::lang::morph::plural(unit).into_owned()
    }
}

/// "5 incidents", "1 violation", "multiple violations".
pub fn count(a: &Amount, unit: &str) -> String {
    let n = bounded(a, &number);
    let unit = noun(a, unit);
    if unit.is_empty() {
        n
    } else {
        format!("{n} {unit}")
    }
}

/// The sign written before the figure, or the word after it.
fn currency(code: &str) -> (&str, &str) {
    crate::lang::currency::written(code)
}

/// "£1.7 million", "4.1 billion rupees", "about $200".
pub fn money(a: &Amount, code: &str) -> String {
    let (sign, word) = currency(code);
    let fig = |v: f64| format!("{sign}{}", scaled(v));
    let n = bounded(a, &fig);
    if word.is_empty() {
        n
    } else {
        format!("{n} {word}")
    }
}

/// "0.6%", "about 5%".
pub fn percent(a: &Amount) -> String {
    bounded(a, &|v| format!("{}%", number(v)))
}

/// A TIMEX3 value in words: "21 November 2024", "spring 2024", "now",
/// "November 2024 to June 2025", "March, year unknown".
pub fn timex(v: &str) -> String {
    if let Some((a, b)) = v.split_once('/') {
        return format!("{} to {}", timex(a), timex(b));
    }
    match v {
        "PRESENT_REF" => return "now".into(),
        "PAST_REF" => return "in the past".into(),
        "FUTURE_REF" => return "in the future".into(),
        "XXXX" => return "year unknown".into(),
        _ => {}
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let year = parts[0];
    let unknown = year == "XXXX";
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(crate::lang::calendar::month_name)
    };
    let in_year = |what: String| {
        if unknown {
            format!("{what}, year unknown")
        } else {
            format!("{what} {year}")
        }
    };
    let words = match parts.as_slice() {
        [y] if y.len() == 3 && y.bytes().all(|b| b.is_ascii_digit()) => format!("the {y}0s"),
        [y] if y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()) => format!("the {y}00s"),
        [y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.to_string(),
        [_, m] if month(m).is_some() => in_year(month(m).unwrap_or_default().to_string()),
        [_, d] => match *d {
            "SP" => in_year("spring".into()),
            "SU" => in_year("summer".into()),
            "FA" | "AU" => in_year("autumn".into()),
            "WI" => in_year("winter".into()),
            "H1" => in_year("the first half of".into()).replace("of,", "of the year,"),
            "H2" => in_year("the second half of".into()).replace("of,", "of the year,"),
            "Q1" | "Q2" | "Q3" | "Q4" => {
                let nth = ["first", "second", "third", "fourth"][(d.as_bytes()[1] - b'1') as usize];
                in_year(format!("the {nth} quarter of")).replace("of,", "of the year,")
            }
            "WXX" => "a week, date unknown".into(),
            w if w.starts_with('W') => match w[1..].parse::<u32>() {
                Ok(n) if !unknown => format!("week {n} of {year}"),
                _ => v.to_string(),
            },
            _ => v.to_string(),
        },
        [_, w, "WE"] if w.starts_with('W') => match w[1..].parse::<u32>() {
            Ok(n) if !unknown => format!("the weekend of week {n} of {year}"),
            _ => "a weekend, date unknown".into(),
        },
        [_, "WXX", d] => match d
            .parse::<usize>()
            .ok()
            .and_then(crate::lang::calendar::weekday_name)
        {
            Some(day) => format!("a {day}, date unknown"),
            _ => v.to_string(),
        },
        [_, m, d] if month(m).is_some() && d.parse::<u8>().is_ok() => in_year(format!(
            "{} {}",
            d.trim_start_matches('0'),
            month(m).unwrap_or_default()
        )),
        _ => v.to_string(),
    };
    let words = if words == v && date != v {
        v.to_string()
    } else {
        words
    };
    match time {
        None => words,
        Some(t) => {
            let part = match t {
                "MO" => "morning".to_string(),
                "AF" => "afternoon".to_string(),
                "EV" => "evening".to_string(),
                "NI" => "night".to_string(),
                hm => hm.to_string(),
            };
            if part.contains(':') {
                format!("{words}, {part}")
            } else {
                format!("{words}, in the {part}")
            }
        }
    }
}

/// A date with its qualifier: "early March 2025", "before 2020".
pub fn date(d: &DateValue) -> String {
    let w = timex(&d.value);
    match d.modifier.as_deref() {
        Some("START") => format!("early {w}"),
        Some("MID") => format!("mid-{w}"),
        Some("END") => format!("late {w}"),
        Some("BEFORE") | Some("LESS_THAN") => format!("before {w}"),
        Some("AFTER") | Some("MORE_THAN") => format!("after {w}"),
        Some("APPROX") => format!("around {w}"),
        _ => w,
    }
}

/// A claim's value as a reader writes it.
pub fn value(v: &ClaimValue) -> String {
    match v {
        ClaimValue::Date(d) => date(d),
        ClaimValue::DateRange { from, to, .. } => format!("{} to {}", date(from), date(to)),
        ClaimValue::Quantity { amount, unit } => count(amount, unit),
        ClaimValue::Size { amount, unit } => count(amount, unit),
        ClaimValue::Age { amount, person } => {
            let age = format!("aged {}", bounded(amount, &number));
            match person {
                Some(p) => format!("{p}, {age}"),
                None => age,
            }
        }
        ClaimValue::Money { amount, currency } => money(amount, currency),
        ClaimValue::Percent { amount } => percent(amount),
        ClaimValue::Quote { quote, speaker } => {
            let q = quoted(quote);
            match speaker {
                Some(s) => format!("{s}: {q}"),
                None => q,
            }
        }
        ClaimValue::TableRow {
            subject,
            date: d,
            count: c,
            ..
        } => {
            let mut s = subject.clone();
            if let Some(d) = d {
                s = format!("{s} ({})", date(d));
            }
            if let Some(c) = c {
                s = format!("{s}: {}", bounded(c, &number));
            }
            s
        }
    }
}

/// "1 error", "12 warnings".
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", crate::lang::morph::plural(noun))
    }
}

/// Free text of the ledger ("5 incident between 2024-11 and 2025-06") in
/// words: a count agrees with its number, each date is written out.
pub fn prose(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let timex_like = w.len() >= 4
            && w.as_bytes()[..4]
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b'X')
            && (w.len() == 4 || w.as_bytes()[4] == b'-')
            && w.contains('-');
        if timex_like {
            out.push(timex(w));
            continue;
        }
        // "5 incident" → "5 incidents"; the count is the word before.
        let after_number = i > 0 && words[i - 1].parse::<f64>().is_ok_and(|n| n != 1.0);
        let is_word = !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
        if after_number && is_word && i == 1 {
            out.push(crate::lang::morph::plural(w).into_owned());
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

/// What the ledger said of a claim: "the ledger says 7", "the ledger
/// agrees: 7", "the ledger cannot tell (7)".
pub fn ledger(l: &LedgerMatch) -> String {
    let expected = prose(&l.expected);
    match l.verdict {
        Verdict::Refutes => format!("the ledger says {expected}"),
        Verdict::Supports => format!("the ledger agrees: {expected}"),
        Verdict::NotEnoughInfo => format!("the ledger cannot tell ({expected})"),
    }
}

/// What a claim states a value of, for a sentence: "Number of violations",
/// "Price", "Date".
fn subject(c: &Claim) -> String {
    let s = crate::judge::subject(c);
    // "date (destroy)": the event is a concept's code, not English.
    let s = match s.split_once(" (") {
        Some((head, _)) => head.to_string(),
        None => s,
    };
    let mut cs = s.chars();
    cs.next()
        .map(|h| h.to_uppercase().collect::<String>() + cs.as_str())
        .unwrap_or_default()
}

/// A finding's message in words, from what it found: the same facts as
/// the `message` of the JSON, worded for a reader.
pub fn message(
    docs: &[crate::model::Extraction],
    f: &Finding,
    path: &dyn Fn(&str) -> String,
) -> String {
    let c = &docs[f.at.doc].claims[f.at.claim];
    let here = value(&c.value);
    let mut others: Vec<String> = f
        .evidence
        .iter()
        .map(|e| value(&docs[e.doc].claims[e.claim].value))
        .collect();
    others.sort();
    others.dedup();
    let theirs = list(&others);
    // A disagreement within one source: a copy that changed a figure.
    let copy = f.against == 0 && !f.evidence.is_empty();
    let copies = copy.then(|| {
        let mut gives: Vec<String> = f
            .evidence
            .iter()
            .map(|e| {
                format!(
                    "{} gives {}",
                    path(&docs[e.doc].path),
                    value(&docs[e.doc].claims[e.claim].value)
                )
            })
            .collect();
        gives.dedup();
        list(&gives)
    });
    let rule = crate::judge::rule(f.kind);
    let mut m = (rule.in_words)(&Said {
        subject: &|| subject(c),
        here: &here,
        theirs: &theirs,
        support: f.support,
        against: f.against,
        copies: copies.as_deref(),
        ledger: f.ledger.as_deref(),
    });
    let conflict = rule.between_sources.is_some();
    if conflict && !copy && f.support <= 1 && crate::judge::is_specific(&c.value) {
        m.push_str("; no other source supports it");
    }
    if let Some(l) = &f.ledger {
        let said = match l.verdict {
            // Alone, the ledger's word needs the claim's beside it.
            Verdict::Refutes if f.severity == Severity::Error && m.is_empty() => {
                Some(format!("{}; this says {here}", ledger(l)))
            }
            Verdict::Refutes if f.severity == Severity::Error => Some(ledger(l)),
            _ if f.kind == FindingKind::LedgerMatch => Some(ledger(l)),
            _ => None,
        };
        if let Some(said) = said {
            if !m.is_empty() {
                m.push_str("; ");
            }
            let _ = write!(m, "{said} (fact \u{201c}{}\u{201d})", l.fact);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: &str, modifier: Option<&str>) -> DateValue {
        DateValue {
            value: value.into(),
            granularity: crate::model::Granularity::Day,
            interval: None,
            relative: false,
            modifier: modifier.map(crate::model::Word::new),
        }
    }

    #[test]
    fn counted_nouns_agree_with_their_number() {
        let exact = |value| Amount::Exact { value };
        assert_eq!(count(&exact(5.0), "incident"), "5 incidents");
        assert_eq!(count(&exact(1.0), "violation"), "1 violation");
        assert_eq!(count(&exact(10.0), "person"), "10 people");
        let multiple = Amount::Vague {
            label: "multiple".into(),
            low: 2.0,
            high: None,
        };
        assert_eq!(count(&multiple, "violation"), "multiple violations");
        let single = Amount::Vague {
            label: "a single".into(),
            low: 1.0,
            high: Some(1.0),
        };
        assert_eq!(count(&single, "violation"), "a single violation");
        assert_eq!(
            count(&Amount::MoreThan { value: 30.0 }, "village"),
            "more than 30 villages"
        );
        assert_eq!(counted(1, "error"), "1 error");
        assert_eq!(counted(12, "warning"), "12 warnings");
        assert_eq!(counted(0, "note"), "0 notes");
    }

    #[test]
    fn amounts_are_written_without_float_artefacts() {
        let exact = |value| Amount::Exact { value };
        // The values of "£1.7 million" and "4.1bn rupees" as extraction
        // computed them: one unit in the last place off.
        let artefact = |v: f64| f64::from_bits(v.to_bits() + 1);
        assert_eq!(format!("{}", artefact(1_700_000.0)), "1700000.0000000002");
        assert_eq!(money(&exact(artefact(1_700_000.0)), "GBP"), "£1.7 million");
        assert_eq!(money(&exact(4.1 * 1e9), "INR"), "4.1 billion rupees");
        assert_eq!(percent(&exact(0.1 * 6.0)), "0.6%");
        assert_eq!(money(&exact(2_000_000.0), "USD"), "$2 million");
        assert_eq!(money(&exact(1_234_567.0), "USD"), "$1,234,567");
        assert_eq!(money(&exact(0.13), "USD"), "$0.13");
        assert_eq!(money(&Amount::Approx { value: 200.0 }, "EUR"), "about €200");
        assert_eq!(number(26_271.0), "26,271");
        assert_eq!(number(2024.0), "2024");
        assert_eq!(number(5.9), "5.9");
        assert_eq!(number(-3.5), "-3.5");
    }

    #[test]
    fn dates_and_periods_are_written_out() {
        assert_eq!(timex("PRESENT_REF"), "now");
        assert_eq!(timex("FUTURE_REF"), "in the future");
        assert_eq!(timex("2024-SP"), "spring 2024");
        assert_eq!(timex("2024-11/2025-06"), "November 2024 to June 2025");
        assert_eq!(timex("XXXX"), "year unknown");
        assert_eq!(timex("XXXX-03"), "March, year unknown");
        assert_eq!(timex("XXXX-06-09"), "9 June, year unknown");
        assert_eq!(timex("2024-11-21"), "21 November 2024");
        assert_eq!(timex("2024-Q3"), "the third quarter of 2024");
        assert_eq!(timex("2024-H1"), "the first half of 2024");
        assert_eq!(timex("2024-W05"), "week 5 of 2024");
        assert_eq!(timex("202"), "the 2020s");
        assert_eq!(timex("2025-03-10TEV"), "10 March 2025, in the evening");
        // What is not a date code is left as it is.
        assert_eq!(timex("someday"), "someday");
        assert_eq!(date(&d("2025-03", Some("START"))), "early March 2025");
        assert_eq!(date(&d("2025", Some("END"))), "late 2025");
    }

    #[test]
    fn verdicts_and_sources_are_sentences() {
        let l = |verdict, expected: &str| LedgerMatch {
            fact: "f".into(),
            verdict,
            expected: expected.into(),
        };
        assert_eq!(
            ledger(&l(Verdict::Refutes, "7 recommendation")),
            "the ledger says 7 recommendations"
        );
        assert_eq!(
            ledger(&l(
                Verdict::Refutes,
                "5 incident between 2024-11 and 2025-06"
            )),
            "the ledger says 5 incidents between November 2024 and June 2025"
        );
        assert_eq!(
            ledger(&l(Verdict::Supports, "1 violation")),
            "the ledger agrees: 1 violation"
        );
        assert_eq!(
            ledger(&l(Verdict::NotEnoughInfo, "2024-09-14")),
            "the ledger cannot tell (14 September 2024)"
        );
    }

    #[test]
    fn claim_values_read_as_english() {
        let v = ClaimValue::DateRange {
            from: d("2024-11", None).into(),
            to: d("2025-06", Some("END")).into(),
            interval: None,
        };
        assert_eq!(value(&v), "November 2024 to late June 2025");
        let row = ClaimValue::TableRow {
            cells: Vec::new(),
            subject: "Unauthorized communication with ICE".into(),
            date: Some(d("2024-01-14", None).into()),
            count: None,
        };
        assert_eq!(
            value(&row),
            "Unauthorized communication with ICE (14 January 2024)"
        );
        let age = ClaimValue::Age {
            amount: Amount::Exact { value: 45.0 },
            person: Some("Jane Doe".into()),
        };
        assert_eq!(value(&age), "Jane Doe, aged 45");
    }
}
