//! Years: "1989", "the year 2000", "nineteen ninety-six", "2019-2021",
//! "fiscal 1989", "the current fiscal year", "that year", "the full year".

use super::{offset_of, parse_year, Form, Match, Reading, Words, S, YEAR4};
use crate::extract::dates::cues::cues;
use crate::extract::dates::reader::{Anchor, Reader};
use crate::extract::dates::{resolve, word_before, Hit, Spec};
use crate::model::Granularity;

pub(super) const FISCAL: Form = Form {
    pattern: fiscal,
    read: read_fiscal,
};

pub(super) const RELATIVE_FISCAL: Form = Form {
    pattern: relative_fiscal,
    read: read_relative_fiscal,
};

pub(super) const THE_YEAR: Form = Form {
    pattern: the_year,
    read: read_that_year,
};

pub(super) const RANGE: Form = Form {
    pattern: range,
    read: read_range,
};

pub(super) const YEAR: Form = Form {
    pattern: year,
    read: read_year,
};

pub(super) const THAT_YEAR: Form = Form {
    pattern: that_year,
    read: read_that_year,
};

/// fiscal 1989, fiscal year 2024, FY2024
fn fiscal(_: &Words) -> String {
    format!(
        r"(?P<fiscal>(?:fiscal(?:{S}year)?{S}|(?-i:FY){S}?)(?P<fiscal_year>{YEAR4}|'?[0-9][0-9](?-u:\b)))"
    )
}

fn read_fiscal(_: &mut Reader, m: &Match) -> Option<Reading> {
    let y = parse_year(m.get("fiscal_year")?)?;
    Some(Reading::dated(resolve::year(y, false)?).spec(Spec::Year))
}

/// the current fiscal year, last fiscal year
fn relative_fiscal(_: &Words) -> String {
    format!(
        r"(?P<relative_fiscal>(?:the{S})?(?P<rf_det>this|last|next|current|latest|previous|prior|coming|past){S}fiscal{S}year(?-u:\b))"
    )
}

fn read_relative_fiscal(reader: &mut Reader, m: &Match) -> Option<Reading> {
    // The latest fiscal year is the last one closed.
    let off = match m.get("rf_det")?.to_ascii_lowercase().as_str() {
        "latest" => -1,
        d => offset_of(d),
    };
    Some(Reading::date(match reader.year_ref() {
        Some(y) => resolve::year(y + off, true)?,
        None => resolve::unanchored("XXXX".into(), Granularity::Year),
    }))
}

/// the fiscal year, the full year
fn the_year(_: &Words) -> String {
    format!(r"(?P<the_year>the{S}(?:full|fiscal|calendar|whole|entire){S}year(?-u:\b))")
}

/// that year, later that year, the year
fn that_year(_: &Words) -> String {
    format!(r"(?P<that_year>(?:(?:earlier|later){S})?(?:the|that){S}year(?-u:\b))")
}

/// "That year" points back at the year last stated; "the year" is the
/// reference's.
fn read_that_year(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let yr = reader.year_ref();
    if let Some(r) = year_before_or_after(reader, m) {
        return Some(r);
    }
    let that = m.text[m.start..m.end]
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("that"));
    // "in June 1998 ... later that year": the year of any date.
    let y = match reader.anchor {
        Some(Anchor::Year(y)) if that => Some(y),
        _ if that => reader.anchor_year().or(yr),
        _ => yr,
    };
    let v = match y {
        Some(y) => resolve::year(y, true)?,
        None => resolve::unanchored("XXXX".into(), Granularity::Year),
    };
    Some(Reading::date(v).anaphoric(true))
}

/// "down from $450 million the year before": the year next to the last
/// one stated (or the reference's), not the reference's own; "the year
/// before the election" is told against what follows, and is no date
/// unless a date follows.
fn year_before_or_after(reader: &Reader, m: &Match) -> Option<Reading> {
    let words: Vec<&str> = m.text[m.start..m.end].split_whitespace().collect();
    if words.len() != 2 {
        return None;
    }
    let after = m.text[m.end..].trim_start_matches([' ', '\t']);
    let w = super::first_word(after).to_ascii_lowercase();
    let k: i16 = match w.as_str() {
        "before" | "earlier" => -1,
        "after" | "later" => 1,
        _ => return None,
    };
    let end = m.end + (m.text[m.end..].len() - after.len()) + w.len();
    let rest = m.text[end..].trim_start_matches([' ', '\t']);
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        // "the year before the election", "a year later than planned"
        if w == "earlier" || w == "later" {
            return None;
        }
        return Some(Reading::Hit(Hit::single(
            m.start,
            end,
            resolve::unanchored("XXXX".into(), Granularity::Year),
            Spec::Offset(k as i32, "year"),
            false,
        )));
    }
    let base = reader.anchor_year().or(reader.year_ref());
    let v = match base {
        Some(y) => resolve::year(y + k, true)?,
        None => resolve::unanchored("XXXX".into(), Granularity::Year),
    };
    Some(Reading::Hit(Hit::single(
        m.start,
        end,
        v,
        Spec::Other,
        false,
    )))
}

/// 2019-2021, 1990-91
fn range(_: &Words) -> String {
    format!(
        r"(?P<year_range>(?P<range_from>{YEAR4})(?:-|–)(?P<range_to>{YEAR4}|[0-9][0-9](?-u:\b)))"
    )
}

fn read_range(_: &mut Reader, m: &Match) -> Option<Reading> {
    let (y1, y2) = (m.group("range_from")?, m.group("range_to")?);
    let a = parse_year(y1.as_str())?;
    let b2 = y2.as_str();
    let b = if b2.len() == 2 {
        a / 100 * 100 + b2.parse::<i16>().ok()?
    } else {
        b2.parse().ok()?
    };
    if b <= a || b - a > 100 || !year_context_ok(m.text, m.start, m.end) {
        return None;
    }
    Some(Reading::Hit(Hit {
        start: m.start,
        end: m.end,
        value: resolve::year(a, false)?,
        to: Some(resolve::year(b, false)?),
        ends: Some([(y1.start(), y1.end()), (y2.start(), y2.end())]),
        spec: Spec::Year,
        explicit_year: true,
    }))
}

/// 1989, the year 2000, nineteen ninety-six
fn year(w: &Words) -> String {
    let Words { year_words, .. } = w;
    format!(r"(?P<year>(?:the{S}year{S})?(?P<year_value>{YEAR4}|{year_words}))")
}

fn read_year(_: &mut Reader, m: &Match) -> Option<Reading> {
    let y = m.get("year_value")?;
    if y.bytes().all(|b| b.is_ascii_digit())
        && !m.text[m.start..m.end]
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("the year"))
        && !year_context_ok(m.text, m.start, m.end)
    {
        return None;
    }
    Some(Reading::dated(resolve::year(parse_year(y)?, false)?).spec(Spec::Year))
}

/// A four-digit number reads as a year unless money, a label or a count.
fn year_context_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    // "post-1959 politics", "pre-1990 levels".
    let prefixed =
        before == Some('-') && matches!(word_before(text, start - 1).as_str(), "post" | "pre");
    if prefixed {
        return true;
    }
    if matches!(
        before,
        Some('$' | '#' | '€' | '£' | '¥' | '.' | ',' | '-' | '/' | '+')
    ) || before.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let after = &text[end..];
    let mut chars = after.chars();
    match chars.next() {
        Some('%' | '/') => return false,
        Some('.' | ',' | ':') if chars.next().is_some_and(|c| c.is_ascii_digit()) => return false,
        _ => {}
    }
    let prev = word_before(text, start);
    if cues().number_labels.contains(&prev) {
        return false;
    }
    let next: String = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    !cues().count_nouns.contains(&next)
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn the_year_before_is_next_to_the_last_year_stated() {
        let r = day_ref("1998-09-07");
        let got = found(
            "Revenue dropped to $300 million last year, down from $450 million the year before.",
            &r,
        );
        assert_eq!(got[1], ("the year before".to_string(), "1996".to_string()));
        let got = found("It opened in 1990 and closed the year after.", &r);
        assert_eq!(got[1], ("the year after".to_string(), "1991".to_string()));
        // Told against what follows: no date unless a date follows.
        assert_eq!(
            found("He quit the year before the election.", &r),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            found("He quit the year before 2004.", &r),
            vec![("the year before 2004".to_string(), "2003".to_string())]
        );
        // "the year" alone is still the reference's.
        assert_eq!(found("Sales rose for the year.", &r)[0].1, "1998");
    }
}
