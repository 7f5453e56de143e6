//! Dates written in digits alone: 2024-11-21, 11/21/2024.

use super::{parse_year, Form, Match, Reading, Words};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::resolve;

pub(super) const ISO: Form = Form {
    pattern: iso,
    read: read_iso,
};

pub(super) const SLASH: Form = Form {
    pattern: slash,
    read: read_slash,
};

/// 2024-11-21
fn iso(_: &Words) -> String {
    r"(?P<iso>(?P<iso_year>[0-9]{4})-(?P<iso_month>[0-9][0-9])-(?P<iso_day>[0-9][0-9]))(?-u:\b)"
        .to_string()
}

fn read_iso(_: &mut Reader, m: &Match) -> Option<Reading> {
    let d = resolve::ymd(
        m.get("iso_year")?.parse().ok()?,
        m.get("iso_month")?.parse().ok()?,
        m.get("iso_day")?.parse().ok()?,
    )?;
    Some(Reading::dated(resolve::day(d, false)))
}

/// 11/21/2024, 11/21/24: month first, as American news writes it.
fn slash(_: &Words) -> String {
    r"(?P<slash>(?P<slash_month>[0-9]{1,2})/(?P<slash_day>[0-9]{1,2})/(?P<slash_year>[0-9]{4}|[0-9][0-9]))(?-u:\b)".to_string()
}

fn read_slash(_: &mut Reader, m: &Match) -> Option<Reading> {
    let y = parse_year(m.get("slash_year")?)?;
    let d = resolve::ymd(
        y,
        m.get("slash_month")?.parse().ok()?,
        m.get("slash_day")?.parse().ok()?,
    )?;
    Some(Reading::dated(resolve::day(d, false)))
}
