//! Seasons: "spring 2024", "the winter of 1994", "the summer". ("Last
//! summer" is read with the other named dates, in `relative`.)

use super::{parse_year, Form, Match, Reading, Words, S};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::{resolve, Spec};
use crate::lang::calendar::season_code;
use crate::model::Granularity;

pub(super) const SEASON_YEAR: Form = Form {
    pattern: season_year,
    read: read_season_year,
};

pub(super) const THE_SEASON: Form = Form {
    pattern: the_season,
    read: read_the_season,
};

/// spring 2024, the winter of 1994
fn season_year(w: &Words) -> String {
    let Words { season, year, .. } = w;
    format!(
        r"(?P<season_year>(?:the{S})?(?P<sy_season>{season})(?:,|{S}of)?{S}(?P<sy_year>{year}))"
    )
}

fn read_season_year(_: &mut Reader, m: &Match) -> Option<Reading> {
    let code = season_code(m.get("sy_season")?)?;
    let v = resolve::season(parse_year(m.get("sy_year")?)?, code, false)?;
    Some(Reading::dated(v).spec(Spec::Season(code)))
}

/// the summer, the late summer: the reference year's
fn the_season(w: &Words) -> String {
    let Words { season, .. } = w;
    format!(r"(?P<the_season>the{S}(?:(?:early|late|mid)[- ]?{S}?)?(?P<ts_season>{season}))")
}

fn read_the_season(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let code = season_code(m.get("ts_season")?)?;
    // The season, not only its value: a year stated after it ("the summer
    // in 2004") or a range partner's may give it another year.
    Some(
        Reading::date(match reader.year_ref() {
            Some(y) => resolve::season(y, code, true)?,
            None => resolve::unanchored(format!("XXXX-{code}"), Granularity::Season),
        })
        .spec(Spec::Season(code)),
    )
}
