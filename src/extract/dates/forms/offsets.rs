//! Dates told as a distance from another: "two years ago", "nearly four
//! years ago", "five days earlier", "a week later", "three days after
//! Christmas", "ten years from now".

use super::{first_word, strip_word, Form, Match, Reading, Words, S};
use crate::extract::dates::cues::cues;
use crate::extract::dates::reader::{Anchor, Reader, ANCHOR_LINES};
use crate::extract::dates::{resolve, Hit, Spec};
use crate::model::Granularity;

pub(super) const AGO: Form = Form {
    pattern: ago,
    read: read_ago,
};

/// Units a date may be told in against another ("three days after").
const UNITS: &[&str] = &["day", "week", "month", "year", "decade"];

/// two years ago, nearly four years ago, a week or so ago, five days earlier
fn ago(w: &Words) -> String {
    let Words { count, .. } = w;
    format!(
        r"(?P<ago>(?:(?P<ago_qualifier>nearly|almost|about|around|roughly|some|more{S}than|less{S}than|over|under|only|just|barely|at{S}least){S})?(?P<ago_count>{count}){S}(?P<ago_unit>day|week|month|year|decade)s?(?:{S}or{S}(?:so|two|three|more))?{S}(?P<ago_dir>ago|earlier|later|from{S}now|hence|before|after)(?-u:\b))"
    )
}

/// Against the reference ("ago", "hence"), the last date stated
/// ("earlier", "later") or the date that follows ("before", "after",
/// "earlier than"). Such a date is never itself the anchor of another.
fn read_ago(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let (text, start, end) = (m.text, m.start, m.end);
    let (yr, rday) = (reader.year_ref(), reader.day_ref());
    let n = m.get("ago_count")?;
    let unit = m.get("ago_unit")?.to_ascii_lowercase();
    let dir = m
        .get("ago_dir")?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    // "ten years from now": the date is "now"; "ten years" a length.
    if dir == "from now" {
        return Some(Reading::Hit(Hit::single(
            end - 3,
            end,
            resolve::reference_point("PRESENT_REF", rday),
            Spec::Other,
            false,
        )));
    }
    let than = (dir == "earlier" || dir == "later")
        .then(|| strip_word(&text[end..], "than"))
        .flatten();
    // "a week later than planned" is a delay, not a date.
    if than.is_some_and(|rest| {
        cues()
            .delay_words
            .contains(&first_word(rest).to_ascii_lowercase())
    }) {
        return None;
    }
    // "five days before the raid", "two weeks after Election Day":
    // told against what follows, never against the reference.
    if than.is_some() || dir == "before" || dir == "after" {
        let k = match n.to_ascii_lowercase().as_str() {
            "a" | "an" => 1.0,
            s if s.starts_with("a couple") => 2.0,
            s => crate::extract::numbers::parse_number(s)?,
        } as i32;
        let k = if dir == "before" || dir == "earlier" {
            -k
        } else {
            k
        };
        let unit = UNITS.iter().find(|u| **u == unit)?;
        let end = match than {
            Some(rest) => text.len() - rest.len(),
            None => end,
        };
        return Some(Reading::Hit(Hit::single(
            start,
            end,
            resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
            Spec::Offset(k, unit),
            false,
        )));
    }
    let back = dir == "ago" || dir == "earlier";
    let anaphoric = dir == "earlier" || dir == "later";
    let count = match n.to_ascii_lowercase().as_str() {
        "a" | "an" => Some(1.0),
        s if s.starts_with("a couple") => Some(2.0),
        "several" | "few" | "many" | "some" => None,
        s if s.starts_with("a few") => None,
        s => crate::extract::numbers::parse_number(s),
    };
    let mut v = match count {
        None => resolve::reference_point(if back { "PAST_REF" } else { "FUTURE_REF" }, rday),
        // "through the first nine months, against $382 million a year
        // earlier": a year before that span of months, which is told as
        // its year, not as the quarter or day last stated.
        // "Ago" is told against the reference, "earlier" against the span.
        Some(k) if unit == "year" && super::last_span_named(text, start) == Some(true) => {
            let base = if anaphoric {
                reader.anchor_year().or(yr)
            } else {
                yr
            };
            let k = if back { -(k as i16) } else { k as i16 };
            match base {
                Some(y) => resolve::year(y + k, true)?,
                None => resolve::unanchored("XXXX".into(), Granularity::Year),
            }
        }
        Some(k) => {
            let k = if back { -(k as i32) } else { k as i32 };
            let quarter_anchor = matches!(reader.anchor, Some(Anchor::Quarter(..)));
            let shifted = if anaphoric || (quarter_anchor && unit == "year") {
                reader.shift_anchor(k, &unit)
            } else {
                None
            };
            // "A year earlier, net income was...", paragraphs after the
            // last date: told against the quarter under report.
            let anchor_gone =
                reader.anchor.is_none() || reader.line > reader.anchor_line + ANCHOR_LINES;
            let shifted = match (shifted, reader.last_quarter) {
                (None, Some((y, q))) if anaphoric && unit == "year" && anchor_gone => {
                    resolve::quarter(y + k as i16, q, true)
                }
                (s, _) => s,
            };
            match (shifted, rday, yr) {
                (Some(v), _, _) => v,
                (None, Some(r), _) => reader.shift_day(r, k, &unit, true)?,
                (None, None, Some(y)) if unit == "year" => resolve::year(y + k as i16, true)?,
                _ => resolve::unanchored("XXXX".into(), Granularity::Year),
            }
        }
    };
    v.modifier = m.get("ago_qualifier").and_then(|q| {
        let q = q.to_ascii_lowercase();
        let m = match q.as_str() {
            "nearly" | "almost" | "under" | "barely" => "LESS_THAN",
            "about" | "around" | "roughly" | "some" => "APPROX",
            "only" | "just" => return None,
            _ => "MORE_THAN",
        };
        Some(crate::model::Word::new(m))
    });
    Some(Reading::date(v).anaphoric(true))
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn a_year_earlier_far_from_any_date_is_the_quarter_under_report() {
        let r = day_ref("1990-02-01");
        let text = "It expects to report a third-quarter loss.\n\nIt will take a \
                    charge.\n\nIt also cited costs.\n\nA year earlier, net income \
                    was $2.1 million.";
        assert_eq!(
            found(text, &r)[1],
            ("A year earlier".to_string(), "1988-Q3".to_string())
        );
        // With no quarter under report, a year before the reference.
        let text = "It took a charge.\n\nA year earlier, it earned $2.1 million.";
        assert_eq!(found(text, &r)[0].1, "1989");
    }

    #[test]
    fn a_year_earlier_than_a_span_of_months_is_a_year() {
        let r = day_ref("1989-10-30");
        let got = found(
            "Profit rose in the third quarter. Net fell to $300 million through \
             the first nine months, against $382 million a year earlier.",
            &r,
        );
        assert_eq!(got[1], ("a year earlier".to_string(), "1988".to_string()));
        // Figures with decimals do not end the sentence.
        let got = found(
            "Profit rose in the third quarter. For the nine months, losses were \
             $212 million, or $10.83 a share, against $48.7 million a year earlier.",
            &r,
        );
        assert_eq!(got[1], ("a year earlier".to_string(), "1988".to_string()));
        // After a quarter, the quarter a year back; after a month, the month.
        let got = found(
            "Profit rose in the third quarter, against a loss a year earlier.",
            &r,
        );
        assert_eq!(got[1].1, "1988-Q3");
        let got = found("Sales in September rose 5% from a year earlier.", &r);
        assert_eq!(got[1].1, "1988-09");
        // "a year ago" stays told against the reference.
        let got = found(
            "In the six months to June 1987, sales rose from a year ago.",
            &r,
        );
        assert_eq!(got.last().unwrap().1, "1988");
    }
}
