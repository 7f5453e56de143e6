//! Holidays and observances: the form that names them ("Christmas Day",
//! "last Thanksgiving", "Easter 2024") and, from `data/holidays.yaml`, the
//! day each falls on in a given year.

use super::{offset_of, parse_year, Form, Match, Reading, Words, S, YEAR4};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::resolve;
use crate::model::Granularity;
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::Deserialize;
use std::sync::OnceLock;

pub(super) const HOLIDAY: Form = Form {
    pattern: holiday,
    read: read_holiday,
};

/// Christmas Day, last Thanksgiving, Easter 2024, Thanksgiving week
fn holiday(_: &Words) -> String {
    let holidays = holidays().pattern();
    format!(
        r"(?P<holiday>(?:(?P<holiday_det>this{S}past|this{S}coming|last|this|next|past|coming){S})?(?-i:(?P<holiday_name>{holidays}))(?-u:\b)(?P<holiday_week>{S}week(?-u:\b))?(?:(?:,|{S}of)?{S}(?P<holiday_year>{YEAR4}))?)"
    )
}

fn read_holiday(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let name = m.get("holiday_name")?;
    // "Mexico's Independence Day" is not the Fourth of July.
    let before = m.text[..m.start].trim_end();
    if before.ends_with("'s") || before.ends_with("\u{2019}s") {
        return None;
    }
    // "Thanksgiving week": the week the holiday falls in.
    let week = m.get("holiday_week").is_some();
    let day = |d: Date, relative: bool| {
        if week {
            resolve::week(d, relative)
        } else {
            Some(resolve::day(d, relative))
        }
    };
    let h = holidays();
    Some(if let Some(y) = m.get("holiday_year") {
        Reading::dated(day(h.day(name, parse_year(y)?)?, false)?)
    } else if let Some(det) = m.get("holiday_det") {
        let off = offset_of(det);
        let r = reader.day_ref()?;
        // last Easter: the latest before the reference; next: the first after.
        let d = match off {
            -1 => [r.year(), r.year() - 1]
                .into_iter()
                .filter_map(|y| h.day(name, y))
                .find(|d| *d < r)?,
            1 => [r.year(), r.year() + 1]
                .into_iter()
                .filter_map(|y| h.day(name, y))
                .find(|d| *d > r)?,
            _ => h.day(name, r.year())?,
        };
        Reading::date(day(d, true)?)
    } else {
        Reading::date(
            match reader.pick_year_by(|y| h.day(name, y).map(|d| (d, d)), m.future) {
                Some(y) => day(h.day(name, y)?, true)?,
                None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
            },
        )
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    names: Vec<String>,
    date: Option<String>,
    nth: Option<(i8, String, i8)>,
    after: Option<i64>,
    easter: Option<i64>,
}

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Fixed(i8, i8),
    /// The nth weekday of a month (n = -1: the last), and days after it.
    Nth(i8, Weekday, i8, i64),
    Easter(i64),
}

pub struct Holidays {
    /// Each name in lower case, with a straight apostrophe, and its rule.
    by_name: Vec<(String, Rule)>,
    names: Vec<String>,
}

fn key(name: &str) -> String {
    name.to_ascii_lowercase().replace('\u{2019}', "'")
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match crate::lang::calendar::weekday_number(s)? {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        _ => Weekday::Sunday,
    })
}

fn parse(yaml: &str) -> Result<Holidays, String> {
    let entries: Vec<Entry> = yaml_serde::from_str(yaml).map_err(|e| e.to_string())?;
    let mut by_name = Vec::new();
    let mut names = Vec::new();
    for e in entries {
        let first = e.names.first().cloned().unwrap_or_default();
        let rule = match (&e.date, &e.nth, e.easter) {
            (Some(d), None, None) => {
                let (m, d) = d.split_once('-').ok_or(format!("{first}: date is MM-DD"))?;
                let bad = |_| format!("{first}: date is MM-DD");
                let (m, d): (i8, i8) = (m.parse().map_err(bad)?, d.parse().map_err(bad)?);
                Date::new(2000, m, d).map_err(|e| format!("{first}: {e}"))?;
                Rule::Fixed(m, d)
            }
            (None, Some((n, w, m)), None) => Rule::Nth(
                *n,
                weekday(w).ok_or(format!("{first}: no weekday {w}"))?,
                *m,
                e.after.unwrap_or(0),
            ),
            (None, None, Some(d)) => Rule::Easter(d),
            _ => return Err(format!("{first}: give one of date, nth, easter")),
        };
        for n in e.names {
            by_name.push((key(&n), rule));
            names.push(n);
        }
    }
    // Longest first, so "Christmas Day" is taken before "Christmas".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    Ok(Holidays { by_name, names })
}

pub fn holidays() -> &'static Holidays {
    static H: OnceLock<Holidays> = OnceLock::new();
    H.get_or_init(|| {
        parse(include_str!("../../../../data/holidays.yaml")).expect("data/holidays.yaml")
    })
}

/// Western Easter Sunday of year `y` (the anonymous Gregorian computus).
pub fn easter(y: i16) -> Option<Date> {
    let y = y as i32;
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y as i16, month as i8, day as i8).ok()
}

impl Holidays {
    /// The names as a regex alternation, each apostrophe either kind.
    pub fn pattern(&self) -> String {
        self.names
            .iter()
            .map(|n| regex::escape(n).replace('\'', "(?:'|\u{2019})"))
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The day the holiday named `name` falls on in year `y`.
    pub fn day(&self, name: &str, y: i16) -> Option<Date> {
        let k = key(name);
        let (_, rule) = self.by_name.iter().find(|(n, _)| *n == k)?;
        match *rule {
            Rule::Fixed(m, d) => Date::new(y, m, d).ok(),
            Rule::Nth(n, w, m, after) => {
                let first = Date::new(y, m, 1).ok()?;
                let d = if n > 0 {
                    first.nth_weekday_of_month(n, w).ok()?
                } else {
                    first.last_of_month().nth_weekday(n as i32, w).ok()?
                };
                d.checked_add(after.days()).ok()
            }
            Rule::Easter(off) => easter(y)?.checked_add(off.days()).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn every_rule_kind_gives_its_day() {
        let h = holidays();
        assert_eq!(h.day("Christmas Day", 2024), Some(d("2024-12-25")));
        assert_eq!(h.day("New Year\u{2019}s Eve", 1999), Some(d("1999-12-31")));
        assert_eq!(h.day("Thanksgiving", 1999), Some(d("1999-11-25")));
        assert_eq!(h.day("Thanksgiving", 2024), Some(d("2024-11-28")));
        assert_eq!(h.day("Memorial Day", 2025), Some(d("2025-05-26")));
        assert_eq!(h.day("Labor Day", 2025), Some(d("2025-09-01")));
        assert_eq!(h.day("Election Day", 2024), Some(d("2024-11-05")));
        assert_eq!(h.day("Black Friday", 2024), Some(d("2024-11-29")));
        assert_eq!(h.day("Easter", 2000), Some(d("2000-04-23")));
        assert_eq!(h.day("Easter", 2024), Some(d("2024-03-31")));
        assert_eq!(h.day("Easter", 2025), Some(d("2025-04-20")));
        assert_eq!(h.day("Good Friday", 2025), Some(d("2025-04-18")));
        assert_eq!(h.day("Ash Wednesday", 2025), Some(d("2025-03-05")));
        assert_eq!(h.day("Ramadan", 2025), None);
    }

    #[test]
    fn a_holiday_week_is_the_week_it_falls_in() {
        use crate::extract::dates::tests::{day_ref, found};
        let r = day_ref("2000-04-17");
        let got = found("Protesters prayed as Easter week began.", &r);
        assert_eq!(
            got,
            vec![("Easter week".to_string(), "2000-W16".to_string())]
        );
        assert_eq!(
            found("Sales rose in Thanksgiving week 1999.", &r)[0].1,
            "1999-W47"
        );
        // "Easter weekend" is no week; the holiday alone stays its day.
        assert_eq!(found("It fell on Easter.", &r)[0].1, "2000-04-23");
        assert!(found("It fell on Easter weekend.", &r)
            .iter()
            .all(|(s, _)| !s.contains("week")));
    }

    #[test]
    fn a_malformed_entry_is_named() {
        let err = parse("- names: [Odd Day]\n  date: \"13-40\"\n")
            .err()
            .unwrap();
        assert!(err.contains("Odd Day"), "{err}");
        let err = parse("- names: [Two Rules]\n  date: \"01-01\"\n  easter: 1\n")
            .err()
            .unwrap();
        assert!(err.contains("Two Rules"), "{err}");
        assert!(parse("- names: [X]\n  when: 1\n").is_err());
    }
}
