//! Dates: full, partial, month-year, years; normalised to TIMEX3 values and
//! day intervals.

use super::{Context, Found, Recogniser};
use crate::model::{ClaimKind, ClaimValue, DateValue, Granularity, Interval, Reference};
use jiff::civil::Date;
use regex::Regex;
use std::sync::OnceLock;

pub struct Dates;

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

fn month_number(s: &str) -> Option<i8> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let m = match &l[..l.len().min(3)] {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})|(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}}))?|(?P<m3>{MONTH})\s+(?P<y3>\d{{4}})|(?P<y4>(?:19|20)\d{{2}}))\b"
        ))
        .expect("date regex")
    })
}

fn day(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn month_interval(y: i16, m: i8) -> Option<Interval> {
    let start = day(y, m, 1)?;
    Some(Interval::new(start, start.last_of_month()))
}

/// Normalises one matched date expression.
fn normalise(caps: &regex::Captures, reference: &Reference) -> Option<DateValue> {
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i32>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        let date = day(y as i16, m as i8, d as i8)?;
        return Some(DateValue {
            value: date.to_string(),
            granularity: Granularity::Day,
            interval: Some(Interval::day(date)),
            relative: false,
            modifier: None,
        });
    }
    for (mn, dn, yn) in [("m1", "d1", "y1"), ("m2", "d2", "y2")] {
        if let (Some(m), Some(d)) = (caps.name(mn), num(dn)) {
            let m = month_number(m.as_str())?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let (year, relative) = match num(yn) {
                Some(y) => (Some(y as i16), false),
                None => (reference.year, true),
            };
            return Some(match year {
                Some(y) => {
                    let date = day(y, m, d as i8)?;
                    DateValue {
                        value: date.to_string(),
                        granularity: Granularity::Day,
                        interval: Some(Interval::day(date)),
                        relative,
                        modifier: None,
                    }
                }
                None => DateValue {
                    value: format!("XXXX-{m:02}-{d:02}"),
                    granularity: Granularity::Day,
                    interval: None,
                    relative: false,
                    modifier: None,
                },
            });
        }
    }
    if let (Some(m), Some(y)) = (caps.name("m3"), num("y3")) {
        let m = month_number(m.as_str())?;
        return Some(DateValue {
            value: format!("{y:04}-{m:02}"),
            granularity: Granularity::Month,
            interval: month_interval(y as i16, m),
            relative: false,
            modifier: None,
        });
    }
    if let Some(y) = num("y4") {
        let y = y as i16;
        return Some(DateValue {
            value: format!("{y:04}"),
            granularity: Granularity::Year,
            interval: Some(Interval::new(day(y, 1, 1)?, day(y, 12, 31)?)),
            relative: false,
            modifier: None,
        });
    }
    None
}

impl Recogniser for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn find(&self, cx: &Context) -> Vec<Found> {
        re().captures_iter(cx.text)
            .filter_map(|caps| {
                let m = caps.get(0)?;
                let value = normalise(&caps, cx.reference)?;
                Some(Found {
                    kind: ClaimKind::Date,
                    start: m.start(),
                    end: m.end(),
                    value: ClaimValue::Date(value),
                })
            })
            .collect()
    }
}

/// Reads a whole string as one date ("2025-12-03", "Dec. 3, 2025").
pub fn parse_date(text: &str, reference: &Reference) -> Option<DateValue> {
    let t = text.trim();
    let caps = re().captures(t)?;
    let m = caps.get(0)?;
    if m.start() != 0 || m.end() != t.len() {
        return None;
    }
    normalise(&caps, reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_dates() {
        let r = Reference::unknown();
        for (s, v) in [
            ("Nov. 21, 2024", "2024-11-21"),
            ("November 21, 2024", "2024-11-21"),
            ("21 November 2024", "2024-11-21"),
            ("2024-11-21", "2024-11-21"),
            ("February 2025", "2025-02"),
            ("June 9", "XXXX-06-09"),
        ] {
            assert_eq!(
                parse_date(s, &r).map(|d| d.value),
                Some(v.to_string()),
                "{s}"
            );
        }
    }
}
