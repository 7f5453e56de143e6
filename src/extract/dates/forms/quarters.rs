//! Quarters and halves of a year, as business news names them: "the third
//! quarter of 1989", "Q3 2020", "the quarter", "the year-ago quarter", "the
//! first half of next year", "H1 2024".

use super::{offset_of, ordinal, parse_year, Form, Match, Reading, Words, ORD, S, YEAR4};
use crate::extract::dates::reader::{quarter_of, shift_quarter, Reader};
use crate::extract::dates::resolve;
use crate::model::Granularity;

pub(super) const QUARTER: Form = Form {
    pattern: quarter,
    read: read_quarter,
};

pub(super) const Q_NUMBER: Form = Form {
    pattern: q_number,
    read: read_q_number,
};

pub(super) const NUMBER_Q: Form = Form {
    pattern: number_q,
    read: read_number_q,
};

pub(super) const THE_QUARTER: Form = Form {
    pattern: the_quarter,
    read: read_the_quarter,
};

pub(super) const YEAR_QUARTER: Form = Form {
    pattern: year_quarter,
    read: read_year_quarter,
};

pub(super) const YEAR_AGO: Form = Form {
    pattern: year_ago,
    read: read_year_ago,
};

pub(super) const HALF: Form = Form {
    pattern: half,
    read: read_half,
};

pub(super) const H_NUMBER: Form = Form {
    pattern: h_number,
    read: read_h_number,
};

/// the third quarter [of 1989], this year's first quarter, third-quarter
fn quarter(w: &Words) -> String {
    let Words { year, .. } = w;
    format!(
        r"(?P<quarter>(?:the{S})?(?:(?P<q_rel>this|last|next){S}year's{S}|(?P<q_year_before>{YEAR4}){S})?(?:(?:fiscal|calendar){S})?(?P<q_ord>{ORD})[- ]quarter(?-u:\b)(?:{S}of{S}(?:(?:fiscal|calendar){S})?(?:(?P<q_year>{year})|(?P<q_year_rel>this|last|next){S}year(?-u:\b)|(?:the|this){S}year(?-u:\b)))?)"
    )
}

fn read_quarter(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let q = ordinal(m.get("q_ord")?)?;
    Some(
        if let Some(y) = m.get("q_year_before").or(m.get("q_year")) {
            Reading::dated(resolve::quarter(parse_year(y)?, q, false)?)
        } else if let Some(rel) = m.get("q_rel").or(m.get("q_year_rel")) {
            Reading::date(match reader.year_ref() {
                Some(y) => resolve::quarter(y + offset_of(rel), q, true)?,
                None => resolve::unanchored(format!("XXXX-Q{q}"), Granularity::Quarter),
            })
        } else {
            Reading::date(reader.quarter_without_year(q)?)
        },
    )
}

/// Q3 2020, Q3'20, Q3 alone
fn q_number(_: &Words) -> String {
    format!(
        r"(?P<q_number>(?-i:Q)(?P<qn_n>[1-4])(?:{S}?(?P<qn_year>{YEAR4}|'[0-9][0-9]))?(?-u:\b))"
    )
}

fn read_q_number(reader: &mut Reader, m: &Match) -> Option<Reading> {
    numbered_quarter(reader, m.get("qn_n")?, m.get("qn_year"))
}

/// 4Q 2020
fn number_q(_: &Words) -> String {
    format!(r"(?P<number_q>(?P<nq_n>[1-4])(?-i:Q)(?:{S}(?P<nq_year>{YEAR4}))?(?-u:\b))")
}

fn read_number_q(reader: &mut Reader, m: &Match) -> Option<Reading> {
    numbered_quarter(reader, m.get("nq_n")?, m.get("nq_year"))
}

fn numbered_quarter(reader: &Reader, n: &str, year: Option<&str>) -> Option<Reading> {
    let q: i8 = n.parse().ok()?;
    Some(match year {
        Some(y) => Reading::dated(resolve::quarter(parse_year(y)?, q, false)?),
        None => Reading::date(reader.quarter_without_year(q)?),
    })
}

/// the quarter, the latest quarter, last quarter, the year-ago quarter,
/// last year's quarter, the same period a year ago
fn the_quarter(_: &Words) -> String {
    format!(
        r"(?P<the_quarter>(?:(?:the|that){S}(?:(?P<tq_det>latest|last|previous|prior|current|same|corresponding|comparable|year-ago|year-earlier|most{S}recent|recent|past|just-ended|coming|next){S})?|(?P<tq_last_year>last{S}year(?:'|\u{{2019}})s{S})|(?P<tq_det2>last|this|next){S})(?:fiscal{S})?(?P<tq_noun>quarter|period)(?-u:\b)(?P<tq_year_back>{S}(?:of{S})?last{S}year(?-u:\b)|{S}a{S}year{S}(?:ago|earlier)(?-u:\b))?)"
    )
}

fn read_the_quarter(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let noun = m.get("tq_noun")?;
    // "the year-ago quarter", "the corresponding period last year", "last
    // year's quarter": told against the quarter under report, a year back.
    let shifted = m.get("tq_det").is_some_and(|d| {
        let d = d.to_ascii_lowercase();
        d.starts_with("year-") || d == "corresponding" || d == "comparable"
    }) || m.get("tq_last_year").is_some()
        || m.get("tq_year_back").is_some();
    if m.text[m.end..].starts_with('-') {
        return None;
    }
    let det = m
        .get("tq_det")
        .or(m.get("tq_det2"))
        .map(|d| d.to_ascii_lowercase());
    let period = noun.eq_ignore_ascii_case("period");
    if period && det.is_none() && !shifted {
        return None;
    }
    let det = det.unwrap_or_default();
    let det = det.split_whitespace().collect::<Vec<_>>().join(" ");
    let cur = reader.day_ref().map(|r| (r.year(), quarter_of(r)));
    let of_last_year = m
        .get("tq_year_back")
        .is_some_and(|b| b.trim_start().to_ascii_lowercase().starts_with("of"));
    let yq = match det.as_str() {
        // "the last quarter of last year" is that year's fourth.
        "last" if of_last_year => reader.year_ref().map(|y| (y - 1, 4)),
        _ if shifted => reader.current_topic_quarter().map(|(y, q)| (y - 1, q)),
        "" | "same" => reader.current_topic_quarter(),
        "latest" | "most recent" | "recent" | "just-ended" => reader.latest_quarter(),
        "last" | "previous" | "prior" | "past" => reader.last_completed_quarter(),
        "current" | "this" => cur,
        "next" | "coming" => cur.map(|(y, q)| shift_quarter(y, q, 1)),
        _ => reader.current_topic_quarter().map(|(y, q)| (y - 1, q)),
    };
    let v = match yq {
        Some((y, q)) => resolve::quarter(y, q, true)?,
        None => resolve::unanchored("XXXX-QX".into(), Granularity::Quarter),
    };
    Some(Reading::date(v).anaphoric(shifted))
}

/// the 1988 quarter: the quarter under report, in that year
fn year_quarter(_: &Words) -> String {
    format!(
        r"(?P<year_quarter>the{S}(?P<yq_year>{YEAR4}){S}(?:fiscal{S})?(?:quarter|period)(?-u:\b))"
    )
}

fn read_year_quarter(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let y = parse_year(m.get("yq_year")?)?;
    // "In the first nine months, net was $306 million, against $195 million
    // in the 1988 period": the period is the span of months its sentence
    // names last, which lies in that year, not the quarter under report.
    let period = m.text[m.start..m.end]
        .to_ascii_lowercase()
        .ends_with("period");
    if period && super::last_span_named(m.text, m.start) == Some(true) {
        return Some(Reading::dated(resolve::year(y, false)?).anaphoric(true));
    }
    Some(match reader.current_topic_quarter() {
        // Told against the quarter under report, which it does not replace:
        // "In the 1988 period, it earned..." compares, it does not report.
        Some((_, q)) => Reading::dated(resolve::quarter(y, q, false)?).anaphoric(true),
        None => Reading::dated(resolve::year(y, false)?),
    })
}

/// the year-ago quarter, year-earlier, the year-earlier third quarter
fn year_ago(_: &Words) -> String {
    format!(
        r"(?P<year_ago>(?:the{S})?year[- ](?:ago|earlier)(?:{S}(?:fiscal{S})?(?P<year_ago_ord>{ORD})[- ]quarter(?-u:\b)|{S}(?P<year_ago_noun>quarter|period|month|year)(?-u:\b))?)"
    )
}

fn read_year_ago(reader: &mut Reader, m: &Match) -> Option<Reading> {
    // "the year-ago third quarter": that quarter of the year before the
    // one it is told against.
    if let Some(q) = m.get("year_ago_ord").and_then(ordinal) {
        let v = match reader.quarter_without_year(q)?.interval {
            Some(iv) => resolve::quarter(iv.start.year() - 1, q, true)?,
            None => resolve::unanchored(format!("XXXX-Q{q}"), Granularity::Quarter),
        };
        return Some(Reading::date(v).anaphoric(true));
    }
    let noun = m.get("year_ago_noun").map(|n| n.to_ascii_lowercase());
    let q = match noun.as_deref() {
        Some("quarter") | Some("period") => reader.current_topic_quarter(),
        _ => None,
    };
    let v = match (q, noun.as_deref()) {
        (Some((y, q)), _) => resolve::quarter(y - 1, q, true)?,
        (None, Some("month")) => match reader.day_ref() {
            Some(r) => resolve::month(r.year() - 1, r.month(), true)?,
            None => resolve::unanchored("XXXX-XX".into(), Granularity::Month),
        },
        // Bare "year-ago" compares with the quarter under report, if any.
        (None, None) if reader.last_quarter.is_some() => {
            let (y, q) = reader.last_quarter?;
            resolve::quarter(y - 1, q, true)?
        }
        _ => match reader.shift_anchor(-1, "year") {
            Some(v) if noun.is_none() => v,
            _ => match reader.year_ref() {
                Some(y) => resolve::year(y - 1, true)?,
                None => resolve::unanchored("XXXX".into(), Granularity::Year),
            },
        },
    };
    Some(Reading::date(v).anaphoric(true))
}

/// the first half of 1989, the second half of next year, the first two
/// quarters of 1990
fn half(w: &Words) -> String {
    let Words { year, .. } = w;
    format!(
        r"(?P<half>(?:the{S})?(?P<half_ord>first|second|last|latter|1st|2nd){S}(?:half|two{S}quarters){S}of{S}(?:(?:fiscal|the{S}year|calendar){S})?(?:(?P<half_year>{year})|(?P<half_year_rel>this|last|next){S}year(?-u:\b)))"
    )
}

fn read_half(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let h = if ordinal(m.get("half_ord")?)? == 1 {
        1
    } else {
        2
    };
    Some(if let Some(y) = m.get("half_year") {
        Reading::dated(resolve::half(parse_year(y)?, h, false)?)
    } else {
        Reading::date(match reader.year_ref() {
            Some(y) => resolve::half(y + offset_of(m.get("half_year_rel")?), h, true)?,
            None => resolve::unanchored(format!("XXXX-H{h}"), Granularity::Half),
        })
    })
}

/// H1 2024
fn h_number(_: &Words) -> String {
    format!(r"(?P<h_number>(?-i:H)(?P<hn_n>[12]){S}?(?P<hn_year>{YEAR4}))")
}

fn read_h_number(_: &mut Reader, m: &Match) -> Option<Reading> {
    let n = m.get("hn_n")?;
    let v = resolve::half(parse_year(m.get("hn_year")?)?, n.parse().ok()?, false)?;
    Some(Reading::dated(v))
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_latest_quarter_is_one_that_has_ended() {
        let r = day_ref("1989-11-02");
        let got = found(
            "Net rose in the third quarter. The quake will mean a fourth-quarter \
             charge. Profit fell in the latest quarter, from a year ago.",
            &r,
        );
        assert_eq!(
            got,
            pairs(&[
                ("the third quarter", "1989-Q3"),
                ("fourth-quarter", "1989-Q4"),
                ("the latest quarter", "1989-Q3"),
                ("a year ago", "1988-Q3"),
            ])
        );
        // A fiscal quarter told as ended is over, whatever the calendar says.
        let got = found(
            "Net rose in its fourth quarter ended Sept. 30. Sales in the latest \
             period rose.",
            &r,
        );
        assert_eq!(got[2], ("the latest period".into(), "1989-Q4".into()));
        let got = found(
            "It reported a decline in fourth-quarter earnings. Sales in the \
             latest period rose.",
            &r,
        );
        assert_eq!(got[1], ("the latest period".into(), "1989-Q4".into()));
        // With no quarter named, the latest is the last one ended.
        assert_eq!(
            found("Sales rose in the latest quarter.", &r),
            pairs(&[("the latest quarter", "1989-Q3")])
        );
    }

    #[test]
    fn a_quarter_ended_is_under_report_even_in_a_clause_looking_ahead() {
        // Told in February, when the last quarter ended is the fourth.
        let r = day_ref("1990-02-01");
        let got = found(
            "It expects to report a third-quarter loss. Sales fell in the \
             quarter.",
            &r,
        );
        assert_eq!(got[0].1, "1989-Q3");
        assert_eq!(got[1], ("the quarter".to_string(), "1989-Q3".to_string()));
        let got = found(
            "It expects to report a third-quarter loss. It will post a \
             first-quarter gain. In the year-ago period, it earned $1.",
            &r,
        );
        assert_eq!(got[2].1, "1988-Q3");
    }

    #[test]
    fn a_quarter_forecast_is_not_the_one_under_report() {
        let r = day_ref("1989-10-26");
        let got = found(
            "Profit fell in the third quarter. Analysts expect the slump to \
             continue into the fourth quarter. In the year-ago period, it earned \
             $1 million.",
            &r,
        );
        assert_eq!(got[2], ("the year-ago period".into(), "1988-Q3".into()));
        // Told as it stands, the quarter under way is the one reported on.
        let got = found(
            "Orders have risen in the current quarter. In the year-ago quarter, \
             they fell.",
            &r,
        );
        assert_eq!(got[1], ("the year-ago quarter".into(), "1988-Q4".into()));
    }

    #[test]
    fn the_year_ago_third_quarter_is_last_years() {
        let r = day_ref("1989-10-30");
        assert_eq!(
            found(
                "It earned $2 million in the year-earlier third quarter.",
                &r
            ),
            pairs(&[("the year-earlier third quarter", "1988-Q3")])
        );
        assert_eq!(
            found("Year-ago fourth-quarter sales were flat.", &r),
            pairs(&[("Year-ago fourth-quarter", "1988-Q4")])
        );
        // "the year-ago results" stays told against the quarter under report.
        assert_eq!(
            found(
                "Profit rose in the third quarter. The year-ago results were restated.",
                &r
            )[1],
            ("The year-ago".to_string(), "1988-Q3".to_string())
        );
    }

    #[test]
    fn the_1988_period_does_not_replace_the_quarter_under_report() {
        let r = day_ref("1989-10-26");
        let got = found(
            "It earned $5 million in the third quarter. In the 1988 period, it \
             earned $2 million. It shipped 28,000 systems in the quarter.",
            &r,
        );
        assert_eq!(got[1].1, "1988-Q3");
        assert_eq!(got[2], ("the quarter".to_string(), "1989-Q3".to_string()));
        // After a span of months in its sentence, it is that span's year.
        let got = found(
            "Profit rose in the third quarter. In the first nine months, net \
             was $306 million, against $195 million in the 1988 period.",
            &r,
        );
        assert_eq!(got[1], ("the 1988 period".to_string(), "1988".to_string()));
        let got = found(
            "Profit rose in the third quarter. In the 1988 quarter, after six \
             months of gains, it fell.",
            &r,
        );
        assert_eq!(got[1].1, "1988-Q3");
    }

    #[test]
    fn the_same_period_last_year_is_a_year_back() {
        let r = day_ref("1989-11-01");
        for (text, surface) in [
            (
                "It lost $8 million in the third quarter, against a profit for \
                 the corresponding period last year.",
                "the corresponding period last year",
            ),
            (
                "It lost $8 million in the third quarter. U.K. sales for last \
                 year's quarter were $3 million.",
                "last year's quarter",
            ),
            (
                "It lost $8 million in the third quarter. For the quarter a year \
                 ago, it earned $1 million.",
                "the quarter a year ago",
            ),
            (
                "It lost $8 million in the third quarter, against a profit in the \
                 same quarter of last year.",
                "the same quarter of last year",
            ),
        ] {
            let got = found(text, &r);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1], (surface.into(), "1988-Q3".into()), "{text}");
        }
        // Two quarters that make a half are that half.
        assert_eq!(
            found(
                "Losses will last through the first two quarters of 1990.",
                &r
            ),
            pairs(&[("the first two quarters of 1990", "1990-H1")])
        );
        assert_eq!(
            found("It grew in the last two quarters of last year.", &r),
            pairs(&[("the last two quarters of last year", "1988-H2")])
        );
        // "the last quarter of last year" is its fourth.
        assert_eq!(
            found("Sales fell in the last quarter of last year.", &r),
            pairs(&[("the last quarter of last year", "1988-Q4")])
        );
        // A bare "period" stays no date; "last year" alone stays a year.
        assert_eq!(
            found("The period was hard, worse than last year.", &r),
            pairs(&[("last year", "1988")])
        );
    }
}
