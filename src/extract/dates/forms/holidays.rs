//! Holidays and observances: the form that names them ("Christmas Day",
//! "last Thanksgiving", "Easter 2024") and, from `data/holidays.yaml`, the
//! day each falls on in a given year.

use super::{offset_of, parse_year, Form, Match, Reading, Words, S, YEAR4};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::{resolve, Hit, Spec};
use crate::model::Granularity;
use icu_calendar::cal::{ChineseTraditional, Hebrew, Hijri};
use icu_calendar::types::Month;
use icu_calendar::{Calendar, Date as CalDate, Iso};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::Deserialize;
use std::sync::OnceLock;

pub(super) const HOLIDAY: Form = Form {
    pattern: holiday,
    read: read_holiday,
};

/// Christmas Day, last Thanksgiving, Easter 2024, Thanksgiving week, Yom
/// Kippur last year, last year's Christmas
fn holiday(_: &Words) -> String {
    let holidays = holidays().pattern();
    // "last year" beside the name says which year's holiday it is: one
    // date, not a holiday of the nearest year and a year beside it.
    let rel = r"(?:last|next|this)";
    format!(
        r"(?P<holiday>(?:(?P<holiday_det>this{S}past|this{S}coming|last|this|next|past|coming){S}|(?P<holiday_rel_pre>{rel}){S}year(?:'|\u{{2019}})s{S})?(?-i:(?P<holiday_name>{holidays}))(?-u:\b)(?P<holiday_week>{S}week(?-u:\b))?(?:(?:,|{S}of)?{S}(?P<holiday_year>{YEAR4})|(?P<holiday_rel_post>{S}(?:of{S})?(?P<holiday_rel>{rel}){S}year(?-u:\b)))?)"
    )
}

/// When the holiday is no date after all, the year beside it still is
/// ("last year" of "Mexico's Independence Day last year"): the regex took
/// it with the name, so it is read here or lost.
fn year_alone(reader: &Reader, m: &Match) -> Option<Reading> {
    let (start, end, det) = if let Some(g) = m.group("holiday_rel_post") {
        (
            g.start() + (g.as_str().len() - g.as_str().trim_start().len()),
            g.end(),
            m.get("holiday_rel")?,
        )
    } else {
        let det = m.group("holiday_rel_pre")?;
        let name = m.group("holiday_name")?;
        // Up to the possessive's apostrophe.
        let upto = m.text[..name.start()].trim_end().len();
        let apos = m.text[..upto].rfind(['\'', '\u{2019}'])?;
        (det.start(), apos, det.as_str())
    };
    let v = match reader.year_ref() {
        Some(y) => resolve::year(y + offset_of(det), true)?,
        None => resolve::unanchored("XXXX".into(), Granularity::Year),
    };
    Some(Reading::Hit(Hit::single(start, end, v, Spec::Year, false)))
}

fn read_holiday(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let name = m.get("holiday_name")?;
    // "Mexico's Independence Day" is not the Fourth of July.
    let before = m.text[..m.start].trim_end();
    if before.ends_with("'s") || before.ends_with("\u{2019}s") {
        return year_alone(reader, m);
    }
    let h = holidays();
    // "the Yom Kippur War" is a war, not the holiday: the words the entry
    // says turn its name into another thing's.
    let next = m.text[m.end..].split(|c: char| !c.is_alphanumeric());
    let next = next.take(2).find(|w| !w.is_empty()).unwrap_or("");
    if m.get("holiday_year").is_none() && h.not_before(name).iter().any(|w| w == next) {
        return year_alone(reader, m);
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
    let rel = m.get("holiday_rel").or(m.get("holiday_rel_pre"));
    Some(if let Some(y) = m.get("holiday_year") {
        // A Hijri holiday can fall twice in one Gregorian year (every 32 or
        // 33 years); "Ramadan 2030" is then taken as the first.
        Reading::dated(day(h.day(name, parse_year(y)?)?, false)?)
    } else if let Some(rel) = rel {
        let unknown = || resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day);
        let Some(y) = reader.year_ref() else {
            return Some(Reading::date(unknown()));
        };
        let days = h.days(name, y + offset_of(rel));
        // Of two in that year, the one nearest the reference in the
        // tense's direction, as for a holiday of the nearest year.
        let d = match reader.day_ref() {
            Some(r) => nearest(&days, r, m.future())?,
            None => *days.first()?,
        };
        Reading::date(day(d, true)?)
    } else if let Some(det) = m.get("holiday_det") {
        let off = offset_of(det);
        let r = reader.day_ref()?;
        // last Easter: the latest before the reference; next: the first after.
        let d = match off {
            -1 => [r.year(), r.year() - 1]
                .into_iter()
                .flat_map(|y| h.days(name, y).into_iter().rev())
                .find(|d| *d < r)?,
            1 => [r.year(), r.year() + 1]
                .into_iter()
                .flat_map(|y| h.days(name, y))
                .find(|d| *d > r)?,
            _ => nearest(&h.days(name, r.year()), r, m.future())?,
        };
        Reading::date(day(d, true)?)
    } else {
        // The year is picked as for any year-less date, from the span of the
        // holiday's days in each candidate year; within a year that holds
        // two (Hijri), the one nearest the reference in the tense's direction.
        let span = |y| {
            let days = h.days(name, y);
            Some((*days.first()?, *days.last()?))
        };
        Reading::date(match reader.pick_year_by(span, m.clause) {
            Some(y) => {
                let days = h.days(name, y);
                let d = match reader.day_ref() {
                    Some(r) => nearest(&days, r, m.future())?,
                    None => *days.first()?,
                };
                day(d, true)?
            }
            None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
        })
    })
}

/// Of a year's days of one holiday (in order), the one nearest `r` in the
/// tense's direction: the first on or after it when the clause looks ahead,
/// else the last on or before it; failing that, the nearest on the other
/// side.
fn nearest(days: &[Date], r: Date, future: bool) -> Option<Date> {
    let after = days.iter().find(|d| **d >= r);
    let before = days.iter().rev().find(|d| **d <= r);
    if future {
        after.or(before)
    } else {
        before.or(after)
    }
    .copied()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    names: Vec<String>,
    date: Option<String>,
    nth: Option<(i8, String, i8)>,
    after: Option<i64>,
    easter: Option<i64>,
    hebrew: Option<(String, u8)>,
    hijri: Option<(u8, u8)>,
    chinese: Option<(u8, u8)>,
    #[serde(default)]
    not_before: Vec<String>,
}

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Fixed(i8, i8),
    /// The nth weekday of a month (n = -1: the last), and days after it.
    Nth(i8, Weekday, i8, i64),
    Easter(i64),
    /// A day of a month of another calendar, and days after it: the month
    /// as ICU4X numbers it (a leap month apart), the day in the month.
    Lunar(Lunar, Month, u8, i64),
}

/// The calendars a holiday's day can be given in.
#[derive(Debug, Clone, Copy)]
enum Lunar {
    /// The arithmetic Hebrew calendar; months from Tishrei (M01), Adar I
    /// being the leap month M05L and Adar (II) M06.
    Hebrew,
    /// The Hijri calendar of Umm al-Qura (Saudi Arabia's).
    Hijri,
    /// The Chinese calendar, astronomical; its year is the Gregorian year
    /// in which it begins.
    Chinese,
}

pub struct Holidays {
    /// Each name in lower case, with a straight apostrophe, and its rule.
    by_name: Vec<(String, Rule)>,
    /// Each name in lower case, and the words after which it names
    /// something else (its entry's `not_before`).
    not_before: Vec<(String, Vec<String>)>,
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
    let mut not_before = Vec::new();
    let mut names = Vec::new();
    for e in entries {
        let first = e.names.first().cloned().unwrap_or_default();
        let lunar = [
            e.hebrew.as_ref().map(|(m, d)| {
                month_code(m)
                    .map(|m| (Lunar::Hebrew, m, *d))
                    .ok_or(format!("{first}: no Hebrew month {m}"))
            }),
            e.hijri.map(|(m, d)| Ok((Lunar::Hijri, Month::new(m), d))),
            e.chinese
                .map(|(m, d)| Ok((Lunar::Chinese, Month::new(m), d))),
        ];
        let mut lunar = lunar.into_iter().flatten();
        let rule = match (&e.date, &e.nth, e.easter, lunar.next(), lunar.next()) {
            (Some(d), None, None, None, None) => {
                let (m, d) = d.split_once('-').ok_or(format!("{first}: date is MM-DD"))?;
                let bad = |_| format!("{first}: date is MM-DD");
                let (m, d): (i8, i8) = (m.parse().map_err(bad)?, d.parse().map_err(bad)?);
                Date::new(2000, m, d).map_err(|e| format!("{first}: {e}"))?;
                Rule::Fixed(m, d)
            }
            (None, Some((n, w, m)), None, None, None) => Rule::Nth(
                *n,
                weekday(w).ok_or(format!("{first}: no weekday {w}"))?,
                *m,
                e.after.unwrap_or(0),
            ),
            (None, None, Some(d), None, None) => Rule::Easter(d),
            (None, None, None, Some(l), None) => {
                let (cal, m, d) = l?;
                let rule = Rule::Lunar(cal, m, d, e.after.unwrap_or(0));
                // A month or day the calendar never has is a typo: said now,
                // not found as a holiday that never comes.
                if (1990..2040).all(|y| days_of(rule, y).is_empty()) {
                    return Err(format!("{first}: no such day in its calendar"));
                }
                rule
            }
            _ => {
                return Err(format!(
                    "{first}: give one of date, nth, easter, hebrew, hijri, chinese"
                ))
            }
        };
        for n in e.names {
            if !e.not_before.is_empty() {
                not_before.push((key(&n), e.not_before.clone()));
            }
            by_name.push((key(&n), rule));
            names.push(n);
        }
    }
    // Longest first, so "Christmas Day" is taken before "Christmas".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    Ok(Holidays {
        by_name,
        not_before,
        names,
    })
}

pub fn holidays() -> &'static Holidays {
    static H: OnceLock<Holidays> = OnceLock::new();
    H.get_or_init(|| {
        parse(include_str!("../../../../data/holidays.yaml")).expect("data/holidays.yaml")
    })
}

/// "M07" or "M05L" (a leap month), as ICU4X codes months.
fn month_code(s: &str) -> Option<Month> {
    let n = s.strip_prefix('M')?;
    let (n, leap) = match n.strip_suffix('L') {
        Some(n) => (n, true),
        None => (n, false),
    };
    let n: u8 = n.parse().ok().filter(|n| (1..=13).contains(n))?;
    Some(if leap { Month::leap(n) } else { Month::new(n) })
}

/// The days in Gregorian year `y` that month `m`, day `d` of calendar `cal`
/// falls on, in order: the calendar's years that overlap `y` are each tried
/// and their day kept when it lies in `y`. None in a year without that month
/// (Adar I outside a leap year); two for a Hijri day in some years.
fn in_calendar<C: Calendar + Clone>(cal: C, m: Month, d: u8, y: i16) -> Vec<Date> {
    let year_of = |md: (u8, u8)| {
        CalDate::try_new_iso(y as i32, md.0, md.1)
            .ok()
            .map(|iso| iso.to_calendar(cal.clone()).year().extended_year())
    };
    let (Some(first), Some(last)) = (year_of((1, 1)), year_of((12, 31))) else {
        return Vec::new();
    };
    (first..=last)
        .filter_map(|cy| {
            let iso = CalDate::try_new(cy.into(), m, d, cal.clone())
                .ok()?
                .to_calendar(Iso);
            Date::new(
                i16::try_from(iso.year().extended_year()).ok()?,
                iso.month().ordinal as i8,
                iso.day_of_month().0 as i8,
            )
            .ok()
        })
        .filter(|g| g.year() == y)
        .collect()
}

/// The days a rule gives in year `y`, in order.
fn days_of(rule: Rule, y: i16) -> Vec<Date> {
    let one = |d: Option<Date>| d.into_iter().collect();
    match rule {
        Rule::Fixed(m, d) => one(Date::new(y, m, d).ok()),
        Rule::Nth(n, w, m, after) => one((|| {
            let first = Date::new(y, m, 1).ok()?;
            let d = if n > 0 {
                first.nth_weekday_of_month(n, w).ok()?
            } else {
                first.last_of_month().nth_weekday(n as i32, w).ok()?
            };
            d.checked_add(after.days()).ok()
        })()),
        Rule::Easter(off) => one(easter(y).and_then(|e| e.checked_add(off.days()).ok())),
        Rule::Lunar(cal, m, d, after) => {
            // The day is found in the year the holiday's day lies in, then
            // moved: "the eve" of a day on 1 January is in the year before.
            let y0 = y.saturating_sub(after.signum() as i16);
            let mut days: Vec<Date> = [y0, y]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .flat_map(|yy| match cal {
                    Lunar::Hebrew => in_calendar(Hebrew, m, d, yy),
                    Lunar::Hijri => in_calendar(Hijri::new_umm_al_qura(), m, d, yy),
                    Lunar::Chinese => in_calendar(ChineseTraditional::new(), m, d, yy),
                })
                .filter_map(|g| g.checked_add(after.days()).ok())
                .filter(|g| g.year() == y)
                .collect();
            days.dedup();
            days
        }
    }
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

    /// The day the holiday named `name` falls on in year `y`; the first, for
    /// a Hijri holiday that falls twice in it.
    pub fn day(&self, name: &str, y: i16) -> Option<Date> {
        self.days(name, y).first().copied()
    }

    /// The words after which `name` names something other than the holiday.
    fn not_before(&self, name: &str) -> &[String] {
        let k = key(name);
        self.not_before
            .iter()
            .find(|(n, _)| *n == k)
            .map_or(&[], |(_, w)| w.as_slice())
    }

    /// Every day the holiday named `name` falls on in year `y`, in order.
    pub fn days(&self, name: &str, y: i16) -> Vec<Date> {
        let k = key(name);
        match self.by_name.iter().find(|(n, _)| *n == k) {
            Some((_, rule)) => days_of(*rule, y),
            None => Vec::new(),
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
        assert_eq!(h.day("Diwali", 2025), None);
    }

    #[test]
    fn hebrew_holidays_fall_on_their_first_full_day() {
        let h = holidays();
        // Passover began at sundown on 22 April 2024: 15 Nisan is the 23rd.
        assert_eq!(h.day("Passover", 2024), Some(d("2024-04-23")));
        assert_eq!(h.day("Pesach", 2025), Some(d("2025-04-13")));
        assert_eq!(h.day("Rosh Hashanah", 2023), Some(d("2023-09-16")));
        assert_eq!(h.day("Rosh Hashana", 2024), Some(d("2024-10-03")));
        assert_eq!(h.day("Yom Kippur", 2023), Some(d("2023-09-25")));
        assert_eq!(h.day("Yom Kippur", 2024), Some(d("2024-10-12")));
        assert_eq!(h.day("Hanukkah", 2023), Some(d("2023-12-08")));
        assert_eq!(h.day("Chanukah", 2024), Some(d("2024-12-26")));
        // 5784 was a leap year: Purim is in Adar II (M06), not Adar I.
        assert_eq!(h.day("Purim", 2024), Some(d("2024-03-24")));
        assert_eq!(h.day("Purim", 2023), Some(d("2023-03-07")));
    }

    #[test]
    fn hijri_holidays_follow_umm_al_qura() {
        let h = holidays();
        assert_eq!(h.day("Ramadan", 2024), Some(d("2024-03-11")));
        assert_eq!(h.day("Ramadan", 2023), Some(d("2023-03-23")));
        assert_eq!(h.day("Eid al-Fitr", 2024), Some(d("2024-04-10")));
        assert_eq!(h.day("Eid ul-Fitr", 2023), Some(d("2023-04-21")));
        assert_eq!(h.day("Eid al-Adha", 2024), Some(d("2024-06-16")));
        assert_eq!(h.day("Eid-al-Adha", 2023), Some(d("2023-06-28")));
        // The Hijri year is eleven days short: in 2030 Ramadan begins twice.
        let twice = h.days("Ramadan", 2030);
        assert_eq!(twice.len(), 2, "{twice:?}");
        assert_eq!(twice[0].year(), 2030);
        assert!(twice[0].month() == 1 && twice[1].month() == 12, "{twice:?}");
        assert_eq!(h.days("Ramadan", 2029).len(), 1);
    }

    #[test]
    fn chinese_new_year_is_the_first_of_the_first_month() {
        let h = holidays();
        assert_eq!(h.day("Lunar New Year", 2024), Some(d("2024-02-10")));
        assert_eq!(h.day("Chinese New Year", 2023), Some(d("2023-01-22")));
        assert_eq!(h.day("Spring Festival", 2025), Some(d("2025-01-29")));
        assert_eq!(h.day("Lunar New Year's Eve", 2024), Some(d("2024-02-09")));
    }

    #[test]
    fn lunar_holidays_resolve_in_text() {
        use crate::extract::dates::tests::{day_ref, found};
        let r = day_ref("2024-05-02");
        let first = |text: &str| found(text, &r).first().map(|(s, v)| (s.clone(), v.clone()));
        // Past tense: the last one before the reference.
        assert_eq!(
            first("Families gathered for a Passover seder."),
            Some(("Passover".into(), "2024-04-23".into()))
        );
        assert_eq!(
            first("Shops closed for Eid al-Fitr.").unwrap().1,
            "2024-04-10"
        );
        assert_eq!(
            first("Shops closed for Eid ul-Fitr.").unwrap().1,
            "2024-04-10"
        );
        // Future: the next one.
        assert_eq!(
            first("Talks will resume after Eid al-Adha.").unwrap().1,
            "2024-06-16"
        );
        assert_eq!(
            first("The vote will come before Yom Kippur.").unwrap().1,
            "2024-10-12"
        );
        assert_eq!(first("Prices rose last Ramadan.").unwrap().1, "2024-03-11");
        assert_eq!(
            first("Prices will rise next Ramadan.").unwrap().1,
            "2025-03-01"
        );
        // A year given.
        assert_eq!(
            first("Sales fell during Ramadan 2023.").unwrap().1,
            "2023-03-23"
        );
        assert_eq!(
            first("It opened on Chinese New Year 2023.").unwrap().1,
            "2023-01-22"
        );
        assert_eq!(
            first("Rosh Hashana 2023 fell on a Saturday.").unwrap().1,
            "2023-09-16"
        );
        // A war named after the holiday is no date.
        assert!(found("He fought in the Yom Kippur War.", &r).is_empty());
        assert!(found("Veterans of the Ramadan War met.", &r).is_empty());
        // "Eid" alone is either Eid: no date is made of it.
        assert!(found("They met after Eid prayers.", &r).is_empty());
        assert!(found("They met after the Eid holiday.", &r).is_empty());
    }

    #[test]
    fn a_hijri_day_twice_in_a_year_is_the_one_nearest() {
        use crate::extract::dates::tests::{day_ref, found};
        let h = holidays();
        let twice = h.days("Ramadan", 2030);
        // Late in 2030, "Ramadan" in the past tense is the January one;
        // looking ahead, December's.
        let r = day_ref("2030-11-01");
        assert_eq!(
            found("Prices rose in Ramadan.", &r)[0].1,
            twice[0].to_string()
        );
        assert_eq!(
            found("Prices will rise in Ramadan.", &r)[0].1,
            twice[1].to_string()
        );
        assert_eq!(
            found("Prices rose last Ramadan.", &r)[0].1,
            twice[0].to_string()
        );
        assert_eq!(
            found("Prices will rise next Ramadan.", &r)[0].1,
            twice[1].to_string()
        );
    }

    #[test]
    fn a_holiday_with_last_year_beside_it_is_one_date() {
        use crate::extract::dates::tests::{day_ref, found};
        let r = day_ref("2024-03-01");
        let one = |text: &str, span: &str, v: &str| {
            assert_eq!(found(text, &r), vec![(span.into(), v.into())], "{text}");
        };
        one(
            "Attacks rose around Yom Kippur last year.",
            "Yom Kippur last year",
            "2023-09-25",
        );
        one(
            "Prices fell after last year\u{2019}s Christmas.",
            "last year\u{2019}s Christmas",
            "2023-12-25",
        );
        one(
            "He will be home for Christmas next year.",
            "Christmas next year",
            "2025-12-25",
        );
        one(
            "Easter this year is early.",
            "Easter this year",
            "2024-03-31",
        );
        // Traps: a holiday that is no date leaves the year beside it its
        // own date; a year set off by a comma is not the holiday's.
        one(
            "Mexico's Independence Day last year drew crowds.",
            "last year",
            "2023",
        );
        one(
            "He recalled last year's Yom Kippur War games.",
            "last year",
            "2023",
        );
        assert_eq!(
            found("At Christmas, last year's winner returned.", &r),
            vec![
                ("Christmas".into(), "2023-12-25".into()),
                ("last year".into(), "2023".into())
            ]
        );
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
        let err = parse("- names: [Bad Month]\n  hebrew: [Nisan, 15]\n")
            .err()
            .unwrap();
        assert!(err.contains("Bad Month"), "{err}");
        let err = parse("- names: [No Day]\n  hijri: [9, 31]\n")
            .err()
            .unwrap();
        assert!(err.contains("No Day"), "{err}");
        assert!(parse("- names: [Both]\n  hijri: [9, 1]\n  chinese: [1, 1]\n").is_err());
    }
}
