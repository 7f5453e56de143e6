//! Dates told against the reference date by a calendar unit or name: "last
//! April", "next Friday", "this summer", "June last year", "earlier this
//! year", "the end of the month", "year-end".

use super::{modifier_of, offset_of, Form, Match, Reading, Words, S};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::{resolve, Spec};
use crate::lang::calendar::{month_number, season_code, weekday_number};
use crate::model::Granularity;
use jiff::ToSpan;

pub(super) const MONTH_OF_YEAR: Form = Form {
    pattern: month_of_year,
    read: read_month_of_year,
};

pub(super) const NAMED: Form = Form {
    pattern: named,
    read: read_named,
};

pub(super) const YEAR_END: Form = Form {
    pattern: year_end,
    read: read_year_end,
};

pub(super) const UNIT: Form = Form {
    pattern: unit,
    read: read_unit,
};

pub(super) const END_OF: Form = Form {
    pattern: end_of,
    read: read_end_of,
};

/// June last year
fn month_of_year(w: &Words) -> String {
    let Words { month_full, .. } = w;
    format!(
        r"(?P<month_of_year>(?P<moy_month>{month_full}){S}(?P<moy_det>this|last|next){S}year(?-u:\b))"
    )
}

fn read_month_of_year(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let mo = month_number(m.get("moy_month")?)?;
    Some(Reading::date(match reader.year_ref() {
        Some(y) => resolve::month(y + offset_of(m.get("moy_det")?), mo, true)?,
        None => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
    }))
}

/// last April, next Friday, this summer, that spring
fn named(w: &Words) -> String {
    let Words {
        month_full,
        weekday,
        season,
        ..
    } = w;
    format!(
        r"(?P<named>(?P<named_det>this{S}past|this{S}coming|last|this|next|past|coming|that){S}(?:(?P<named_month>{month_full})|(?P<named_weekday>{weekday})|(?P<named_season>{season})))"
    )
}

fn read_named(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let det = m.get("named_det")?;
    let (yr, rday) = (reader.year_ref(), reader.day_ref());
    let off = offset_of(det);
    let that = det.eq_ignore_ascii_case("that");
    // "that spring": in the year last stated, if one is in reach.
    let that_year = reader.anchor_year().filter(|_| that);
    Some(if let Some(mm) = m.get("named_month") {
        let mo = month_number(mm)?;
        let v = match (yr, rday) {
            _ if that_year.is_some() => resolve::month(that_year?, mo, true)?,
            (Some(_), Some(r)) if !that => {
                // last April: the latest April before the reference
                // month; next April: the first after it.
                let y = r.year();
                let y = match off {
                    -1 if mo >= r.month() => y - 1,
                    1 if mo <= r.month() => y + 1,
                    _ => y,
                };
                resolve::month(y, mo, true)?
            }
            (Some(y), _) if !that => resolve::month(y + off, mo, true)?,
            _ => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
        };
        Reading::date(v).spec(Spec::Month(mo))
    } else if let Some(w) = m.get("named_weekday") {
        let wd = weekday_number(w)?;
        Reading::date(match rday {
            Some(r) if !that => {
                let rw = r.weekday().to_monday_one_offset();
                let diff = (wd - rw) as i64;
                let d = match off {
                    -1 => {
                        let back = if diff < 0 { -diff } else { 7 - diff };
                        r.checked_sub(back.days()).ok()?
                    }
                    1 => {
                        let fwd = if diff > 0 { diff } else { diff + 7 };
                        r.checked_add(fwd.days()).ok()?
                    }
                    _ => r.checked_add(diff.days()).ok()?,
                };
                resolve::day(d, true)
            }
            _ => resolve::unanchored(format!("XXXX-WXX-{wd}"), Granularity::Day),
        })
    } else {
        let code = season_code(m.get("named_season")?)?;
        let v = match (yr, rday) {
            _ if that_year.is_some() => resolve::season(that_year?, code, true)?,
            (Some(y), Some(r)) if !that => {
                // last summer: the latest summer over before the
                // reference day; next summer: the first to start after it.
                let this = resolve::season(y, code, true)?.interval?;
                let y = match off {
                    -1 if this.end >= r => y - 1,
                    1 if this.start <= r => y + 1,
                    _ => y,
                };
                resolve::season(y, code, true)?
            }
            (Some(y), None) if !that => resolve::season(y + off, code, true)?,
            _ => resolve::unanchored(format!("XXXX-{code}"), Granularity::Season),
        };
        Reading::date(v).spec(Spec::Season(code))
    })
}

/// year-end, year's end
fn year_end(_: &Words) -> String {
    format!(r"(?P<year_end>year(?:[- ]|'s{S})end(?-u:\b))")
}

fn read_year_end(reader: &mut Reader, _: &Match) -> Option<Reading> {
    Some(Reading::date(match reader.year_ref() {
        Some(y) => resolve::with_modifier(resolve::year(y, true)?, "END"),
        None => resolve::unanchored("XXXX".into(), Granularity::Year),
    }))
}

/// earlier this year, late next month, this week, the past year
fn unit(_: &Words) -> String {
    format!(
        r"(?P<unit>(?:(?P<unit_part>earlier|later|early|late|mid)[- ]?{S}?)?(?:the{S})?(?P<unit_det>this|last|next|past|coming|previous|current|same|following){S}(?P<unit_noun>year|month|week|weekend|decade|century)(?-u:\b))"
    )
}

fn read_unit(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let noun = m.get("unit_noun")?;
    // ABC's "This Week": a unit in title case, quoted or after a
    // possessive, names a programme or a column, not a time. A title-case
    // headline ("Stocks Rally This Week") keeps its dates.
    let det_capital = m
        .get("unit_det")
        .is_some_and(|d| d.starts_with(|c: char| c.is_ascii_uppercase()));
    let before = m.text[..m.start].trim_end_matches([' ', '\t']);
    let titled = before.ends_with(['"', '\u{201c}', '`'])
        || before.ends_with("'s")
        || before.ends_with("\u{2019}s");
    if det_capital
        && titled
        && m.get("unit_part").is_none()
        && noun.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    unit_reading(reader, m, noun, m.get("unit_det"), m.get("unit_part"))
}

/// the end of the year, the beginning of the month
fn end_of(_: &Words) -> String {
    format!(
        r"(?P<end_of>(?:the{S})?(?P<end_of_part>end|beginning|start|middle|close|turn){S}of{S}(?:(?:the|this){S})?(?P<end_of_unit>year|month|week|decade|century)(?-u:\b))"
    )
}

fn read_end_of(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let unit = m.get("end_of_unit")?;
    unit_reading(reader, m, unit, None, m.get("end_of_part"))
}

/// A unit of the calendar (`unit`) moved from the reference's by `det`
/// ("next", "past"; none: the reference's own), or from the last date
/// stated ("the following year"), and narrowed by `part` ("early").
fn unit_reading(
    reader: &mut Reader,
    m: &Match,
    unit: &str,
    det: Option<&str>,
    part: Option<&str>,
) -> Option<Reading> {
    let (yr, rday) = (reader.year_ref(), reader.day_ref());
    let unit = unit.to_ascii_lowercase();
    let off = det.map(offset_of).unwrap_or(0) as i32;
    let md = part.and_then(|p| {
        let p = p.to_ascii_lowercase();
        match p.as_str() {
            "earlier" | "later" | "turn" => None,
            _ => modifier_of(&p),
        }
    });
    let det = det.map(|d| d.to_ascii_lowercase()).unwrap_or_default();
    // "the coming decade", "the past century": the years ahead or
    // behind, not a calendar decade.
    if matches!(det.as_str(), "coming" | "past") && matches!(unit.as_str(), "decade" | "century") {
        let v = if det == "coming" {
            "FUTURE_REF"
        } else {
            "PAST_REF"
        };
        return Some(Reading::hit(m, resolve::reference_point(v, rday)));
    }
    let from_anchor = match det.as_str() {
        "following" | "previous" | "same" => reader.shift_anchor(off, &unit),
        _ => None,
    };
    // "the following year" names a whole year, even after a day.
    let from_anchor = match from_anchor {
        Some(v) if unit == "year" => v
            .interval
            .and_then(|iv| resolve::year(iv.start.year(), true))
            .or(Some(v)),
        other => other,
    };
    let v = match (unit.as_str(), rday, yr) {
        _ if from_anchor.is_some() => from_anchor?,
        ("year", _, Some(y)) => resolve::year(y + off as i16, true)?,
        ("decade", _, Some(y)) => resolve::decade((y + 10 * off as i16) / 10 * 10, true)?,
        ("century", _, Some(y)) => resolve::century(y / 100 + 1 + off as i16, true)?,
        ("weekend", Some(r), _) => {
            resolve::weekend(r.checked_add((off as i64 * 7).days()).ok()?, true)?
        }
        (u, Some(r), _) => reader.shift_day(r, off, u, true)?,
        ("month", None, _) => resolve::unanchored("XXXX-XX".into(), Granularity::Month),
        ("week" | "weekend", None, _) => resolve::unanchored("XXXX-WXX".into(), Granularity::Week),
        _ => resolve::unanchored("XXXX".into(), Granularity::Year),
    };
    Some(Reading::date(match md {
        Some(md) => resolve::with_modifier(v, md),
        None => v,
    }))
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn a_unit_in_title_case_within_a_line_is_a_name() {
        let r = day_ref("1990-08-13");
        assert!(found("Baker, speaking on ABC News' \"This Week,\" said so.", &r).is_empty());
        assert!(found(
            "He said on \"This Week With David Brinkley\" that it was.",
            &r
        )
        .is_empty());
        assert!(found("He writes NPR's This Week column.", &r).is_empty());
        // Unquoted, in a headline, or in lower case, it is a time.
        assert_eq!(found("This week, Baker said so.", &r)[0].1, "1990-W33");
        assert_eq!(found("Stocks Rally This Week", &r)[0].1, "1990-W33");
        assert_eq!(
            found("\"This week was hard,\" he said.", &r)[0].1,
            "1990-W33"
        );
        assert_eq!(found("He said \"this week\" twice.", &r)[0].1, "1990-W33");
    }
}
