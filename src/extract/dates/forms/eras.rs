//! Decades and centuries: "the 1990s", "the mid-1980s", "the '90s", "the
//! nineties", "the 20th century".

use super::{modifier_of, Form, Match, Reading, Words, S};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::resolve;
use crate::model::DateValue;

pub(super) const DECADE: Form = Form {
    pattern: decade,
    read: read_decade,
};

pub(super) const CENTURY: Form = Form {
    pattern: century,
    read: read_century,
};

pub(super) const DECADE_WORDS: Form = Form {
    pattern: decade_words,
    read: read_decade_words,
};

/// the 1990s, the mid-1980s, the '90s
fn decade(_: &Words) -> String {
    format!(
        r"(?P<decade>(?:the{S})?(?:(?P<decade_part>early|mid|late)[- ]?)?(?P<decade_year>1[0-9][0-9]0|20[0-9]0|'[0-9]0)'?s(?-u:\b))"
    )
}

fn read_decade(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let dy = m.get("decade_year")?;
    let yr = reader.year_ref();
    let from_ref = dy.starts_with('\'') && yr.is_some();
    let explicit_year = !dy.starts_with('\'');
    let d = if let Some(two) = dy.strip_prefix('\'') {
        // "the '90s": the century of the reference, else the 1900s.
        let n: i16 = two.parse().ok()?;
        let century = yr.map(|y| y / 100 * 100).unwrap_or(1900);
        let d = century + n;
        if yr.is_some_and(|y| d > y) {
            d - 100
        } else {
            d
        }
    } else {
        dy.parse().ok()?
    };
    let v = resolve::decade(d, from_ref)?;
    Some(Reading::date(narrowed(v, m.get("decade_part"))).year_stated(explicit_year))
}

/// the 20th century
fn century(_: &Words) -> String {
    format!(
        r"(?P<century>(?:the{S})?(?:(?P<century_part>early|mid|late)[- ]?)?(?P<century_n>1[0-9]|2[0-2]|[1-9])(?:st|nd|rd|th){S}century(?-u:\b))"
    )
}

fn read_century(_: &mut Reader, m: &Match) -> Option<Reading> {
    let v = resolve::century(m.get("century_n")?.parse().ok()?, false)?;
    Some(Reading::dated(narrowed(v, m.get("century_part"))))
}

/// the nineties, the early eighteen-sixties
fn decade_words(_: &Words) -> String {
    format!(
        r"(?P<decade_words>(?:the{S})?(?:(?P<dw_part>early|mid|late)[- ]?)?(?:(?P<dw_century>nineteen|eighteen)[- ])?(?P<dw_tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b))"
    )
}

fn read_decade_words(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let n = m.get("dw_tens")?;
    let yr = reader.year_ref();
    let tens = match n.to_ascii_lowercase().get(..3)? {
        "twe" => 2,
        "thi" => 3,
        "for" => 4,
        "fif" => 5,
        "six" => 6,
        "sev" => 7,
        "eig" => 8,
        _ => 9,
    };
    let named = m.get("dw_century");
    let century = match named.map(|c| c.to_ascii_lowercase()) {
        Some(c) if c == "eighteen" => 1800,
        Some(_) => 1900,
        None => yr.map(|y| y / 100 * 100).unwrap_or(1900),
    };
    let mut d = century + tens * 10;
    if named.is_none() && yr.is_some_and(|y| d > y) {
        d -= 100;
    }
    let v = resolve::decade(d, named.is_none() && yr.is_some())?;
    Some(Reading::date(narrowed(v, m.get("dw_part"))))
}

/// `v` narrowed by its own "early", "mid" or "late".
fn narrowed(v: DateValue, part: Option<&str>) -> DateValue {
    match part.and_then(modifier_of) {
        Some(md) => resolve::with_modifier(v, md),
        None => v,
    }
}
