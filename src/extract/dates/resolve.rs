//! Calendar arithmetic: TIMEX3 values and day intervals for each kind of date.

use crate::model::{DateValue, Granularity, Interval};
use jiff::civil::Date;
use jiff::ToSpan;

pub fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

pub fn value(
    value: String,
    granularity: Granularity,
    interval: Option<Interval>,
    relative: bool,
) -> DateValue {
    DateValue {
        value: crate::model::Word::new(&value),
        granularity,
        interval,
        relative,
        modifier: None,
    }
}

pub fn day(d: Date, relative: bool) -> DateValue {
    value(
        d.to_string(),
        Granularity::Day,
        Some(Interval::day(d)),
        relative,
    )
}

pub fn month(y: i16, m: i8, relative: bool) -> Option<DateValue> {
    let s = ymd(y, m, 1)?;
    Some(value(
        format!("{y:04}-{m:02}"),
        Granularity::Month,
        Some(Interval::new(s, s.last_of_month())),
        relative,
    ))
}

pub fn year(y: i16, relative: bool) -> Option<DateValue> {
    Some(value(
        format!("{y:04}"),
        Granularity::Year,
        Some(Interval::new(ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
        relative,
    ))
}

pub fn quarter(y: i16, q: i8, relative: bool) -> Option<DateValue> {
    let s = ymd(y, (q - 1) * 3 + 1, 1)?;
    let e = ymd(y, q * 3, 1)?.last_of_month();
    Some(value(
        format!("{y:04}-Q{q}"),
        Granularity::Quarter,
        Some(Interval::new(s, e)),
        relative,
    ))
}

pub fn half(y: i16, h: i8, relative: bool) -> Option<DateValue> {
    let (s, e) = if h == 1 {
        (ymd(y, 1, 1)?, ymd(y, 6, 30)?)
    } else {
        (ymd(y, 7, 1)?, ymd(y, 12, 31)?)
    };
    Some(value(
        format!("{y:04}-H{h}"),
        Granularity::Half,
        Some(Interval::new(s, e)),
        relative,
    ))
}

/// Meteorological seasons; winter runs from December into the next year.
pub fn season(y: i16, code: &str, relative: bool) -> Option<DateValue> {
    let (s, e) = match code {
        "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        _ => (ymd(y, 12, 1)?, ymd(y + 1, 3, 1)?.yesterday().ok()?),
    };
    Some(value(
        format!("{y:04}-{code}"),
        Granularity::Season,
        Some(Interval::new(s, e)),
        relative,
    ))
}

/// The ISO week containing `d`.
pub fn week(d: Date, relative: bool) -> Option<DateValue> {
    let w = d.iso_week_date();
    let monday = d
        .checked_sub((w.weekday().to_monday_one_offset() as i64 - 1).days())
        .ok()?;
    Some(value(
        format!("{:04}-W{:02}", w.year(), w.week()),
        Granularity::Week,
        Some(Interval::new(monday, monday.checked_add(6.days()).ok()?)),
        relative,
    ))
}

/// The weekend (Saturday and Sunday) of the ISO week containing `d`.
pub fn weekend(d: Date, relative: bool) -> Option<DateValue> {
    let w = d.iso_week_date();
    let monday = d
        .checked_sub((w.weekday().to_monday_one_offset() as i64 - 1).days())
        .ok()?;
    Some(value(
        format!("{:04}-W{:02}-WE", w.year(), w.week()),
        Granularity::Week,
        Some(Interval::new(
            monday.checked_add(5.days()).ok()?,
            monday.checked_add(6.days()).ok()?,
        )),
        relative,
    ))
}

/// `decade` is the first year of the decade (1990).
pub fn decade(decade: i16, relative: bool) -> Option<DateValue> {
    Some(value(
        format!("{:03}", decade / 10),
        Granularity::Decade,
        Some(Interval::new(ymd(decade, 1, 1)?, ymd(decade + 9, 12, 31)?)),
        relative,
    ))
}

/// `century` is the ordinal century (20 for the 1900s).
pub fn century(century: i16, relative: bool) -> Option<DateValue> {
    let first = (century - 1) * 100;
    Some(value(
        format!("{:02}", century - 1),
        Granularity::Century,
        Some(Interval::new(
            ymd(first.max(1), 1, 1)?,
            ymd(first + 99, 12, 31)?,
        )),
        relative,
    ))
}

/// Narrows a value to its start, middle or end third (`START`, `MID`, `END`).
pub fn with_modifier(mut d: DateValue, modifier: &str) -> DateValue {
    if let Some(iv) = d.interval {
        let len = iv.start.until(iv.end).map(|s| s.get_days()).unwrap_or(0) as i64 + 1;
        let third = (len / 3).max(1);
        let add = |x: Date, n: i64| x.checked_add(n.days()).unwrap_or(x);
        d.interval = Some(match modifier {
            "START" => Interval::new(iv.start, add(iv.start, third - 1)),
            "MID" => Interval::new(add(iv.start, third), add(iv.end, -third)),
            "END" => Interval::new(add(iv.end, -(third - 1)), iv.end),
            _ => iv,
        });
    }
    d.modifier = Some(crate::model::Word::new(modifier));
    d
}

/// A value whose year is unknown: `XXXX-06-09`, `XXXX-03`, `XXXX-Q3`.
pub fn unanchored(v: String, granularity: Granularity) -> DateValue {
    value(v, granularity, None, false)
}

/// A reference point: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
pub fn reference_point(v: &str, reference_day: Option<Date>) -> DateValue {
    let interval = match v {
        "PRESENT_REF" => reference_day.map(Interval::day),
        _ => None,
    };
    value(v.to_string(), Granularity::Day, interval, true)
}
