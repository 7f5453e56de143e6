//! Dates that name their month: "Nov. 21, 2024", "the 21st of November",
//! "November 2024", "the week of March 6", and a month named alone.

use super::{digits, parse_year, Form, Group, Match, Reading, Words, DAY, S, YEAR4};
use crate::extract::dates::cues::cues;
use crate::extract::dates::reader::Reader;
use crate::extract::dates::tense::Clause;
use crate::extract::dates::{resolve, word_before, Hit, Spec};
use crate::lang::calendar::month_number;
use crate::model::{DateValue, Granularity};

pub(super) const MONTH_DAY: Form = Form {
    pattern: month_day,
    read: read_month_day,
};

pub(super) const DAY_MONTH: Form = Form {
    pattern: day_month,
    read: read_day_month,
};

pub(super) const MONTH_YEAR: Form = Form {
    pattern: month_year,
    read: read_month_year,
};

pub(super) const WEEK_OF: Form = Form {
    pattern: week_of,
    read: read_week_of,
};

pub(super) const BARE_MONTH: Form = Form {
    pattern: bare_month,
    read: read_bare_month,
};

/// [Friday,] Nov. 21[-23][, 2024]
fn month_day(w: &Words) -> String {
    let Words { weekday, month, .. } = w;
    format!(
        r"(?P<month_day>(?:{weekday},?{S})?(?P<md_month>{month}){S}?(?P<md_day>{DAY})(?:(?:-|–|{S}and{S})(?P<md_day2>{DAY}))?(?:,?{S}(?P<md_year>{YEAR4}))?)"
    )
}

fn read_month_day(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let month = m.get("md_month")?;
    let day = m.group("md_day")?;
    day_of_month(reader, m, month, day, m.get("md_year"), m.group("md_day2"))
}

/// [the] 21[st] [of] November [2024]
fn day_month(w: &Words) -> String {
    let Words {
        month_full,
        month_abbr,
        ..
    } = w;
    format!(
        r"(?P<day_month>(?:the{S})?(?P<dm_day>{DAY}){S}(?:of{S})?(?P<dm_month>{month_full}|{month_abbr})(?:,?{S}(?P<dm_year>{YEAR4}))?)"
    )
}

fn read_day_month(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let month = m.get("dm_month")?;
    let day = m.group("dm_day")?;
    day_of_month(reader, m, month, day, m.get("dm_year"), None)
}

/// A day of a month, and a second day of the same month if one is given.
fn day_of_month(
    reader: &mut Reader,
    m: &Match,
    month: &str,
    day1: Group,
    year: Option<&str>,
    day2: Option<Group>,
) -> Option<Reading> {
    let mo = month_number(month)?;
    let dd: i8 = digits(day1.as_str())?;
    // "May 5" must not be a bare "May" plus a count; a day needs a
    // month abbreviation with its period or a full month name.
    let spec = Spec::MonthDay(mo, dd);
    let from = month_day_value(reader, mo, dd, year, m.clause)?;
    let explicit_year = year.is_some();
    // "on May 3 and 5 people died": "and" joins a second day only
    // when no word follows it.
    let counted = day2.is_some_and(|g2| {
        m.text[day1.end()..g2.start()].contains("and")
            && m.text[m.end..]
                .trim_start_matches([' ', '\t'])
                .starts_with(|c: char| c.is_alphanumeric())
    });
    if counted {
        reader.set_anchor(&from);
        return Some(Reading::Hit(Hit::single(
            m.start,
            day1.end(),
            from,
            spec,
            explicit_year,
        )));
    }
    if let Some(g2) = day2 {
        let to = month_day_value(reader, mo, digits::<i8>(g2.as_str())?, year, m.clause)?;
        return Some(Reading::Hit(Hit {
            start: m.start,
            end: m.end,
            value: from,
            to: Some(to),
            ends: Some([(m.start, day1.end()), (g2.start(), m.end)]),
            spec,
            explicit_year,
        }));
    }
    Some(Reading::date(from).spec(spec).year_stated(explicit_year))
}

/// November 2024, Sept. '89, March of 1990
fn month_year(w: &Words) -> String {
    let Words { month, year, .. } = w;
    format!(
        r"(?P<month_year>(?P<my_month>{month})(?:,|{S}of)?{S}(?P<my_year>{year}|'[0-9][0-9](?-u:\b)))"
    )
}

fn read_month_year(_: &mut Reader, m: &Match) -> Option<Reading> {
    let mo = month_number(m.get("my_month")?)?;
    let y = parse_year(m.get("my_year")?)?;
    Some(Reading::dated(resolve::month(y, mo, false)?).spec(Spec::Month(mo)))
}

/// the week of March 6
fn week_of(w: &Words) -> String {
    let Words { month, .. } = w;
    format!(
        r"(?P<week_of>the{S}week{S}of{S}(?P<week_of_month>{month}){S}?(?P<week_of_day>{DAY})(?:,?{S}(?P<week_of_year>{YEAR4}))?)"
    )
}

/// The week that holds the day.
fn read_week_of(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let mo = month_number(m.get("week_of_month")?)?;
    let year = m.get("week_of_year");
    let day = month_day_value(reader, mo, digits(m.get("week_of_day")?)?, year, m.clause)?;
    let week = resolve::week(day.interval?.start, day.relative)?;
    Some(Reading::date(week).year_stated(year.is_some()))
}

/// A bare month, read only where [`bare_month_ok`] allows.
fn bare_month(w: &Words) -> String {
    let Words { month_full, .. } = w;
    format!(r"(?P<bare_month>{month_full})")
}

fn read_bare_month(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let mm = m.get("bare_month")?;
    let mo = month_number(mm)?;
    if !bare_month_ok(m.text, m.start, m.end, mm) {
        return None;
    }
    let v = match reader.pick_year(mo, None, m.clause) {
        Some(y) => resolve::month(y, mo, true)?,
        None => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
    };
    Some(Reading::date(v).spec(Spec::Month(mo)))
}

/// A day of a month, in the year given or else the one the reader picks.
fn month_day_value(
    reader: &Reader,
    mo: i8,
    dd: i8,
    year: Option<&str>,
    clause: &Clause,
) -> Option<DateValue> {
    if let Some(y) = year {
        return Some(resolve::day(resolve::ymd(parse_year(y)?, mo, dd)?, false));
    }
    if !(1..=31).contains(&dd) {
        return None;
    }
    match reader.pick_year(mo, Some(dd), clause) {
        Some(y) => Some(resolve::day(resolve::ymd(y, mo, dd)?, true)),
        None => {
            // Validate the day against a leap year.
            resolve::ymd(2000, mo, dd)?;
            Some(resolve::unanchored(
                format!("XXXX-{mo:02}-{dd:02}"),
                Granularity::Day,
            ))
        }
    }
}

/// A month name standing alone: "May" and "March" need a temporal cue
/// before them (or a range after); any month followed by a capitalised word
/// may be a name ("June Carter").
fn bare_month_ok(text: &str, start: usize, end: usize, month: &str) -> bool {
    let prev = word_before(text, start);
    let cued = cues().month_cues.contains(&prev);
    let after = &text[end..];
    let next_range = {
        let a = after.trim_start();
        let a = a
            .strip_prefix(['-', '–'])
            .or_else(|| a.strip_prefix("to "))
            .or_else(|| a.strip_prefix("through "))
            .or_else(|| a.strip_prefix("and "));
        a.is_some_and(|a| {
            let a = a.trim_start();
            let word = &a[..a.find(|c: char| !c.is_alphabetic()).unwrap_or(a.len())];
            word.starts_with(char::is_uppercase) && month_number(word).is_some()
        })
    };
    if cued || next_range {
        return true;
    }
    let next = after.strip_prefix(' ').unwrap_or("");
    if month == "May" || month == "March" {
        // "the March accession", "the May election": after "the" and
        // before a lower-case noun, the month is a date ("the March on
        // Washington" is a name, told by the function word after it).
        let noun = super::first_word(next);
        return prev == "the"
            && noun.len() > 2
            && noun.starts_with(|c: char| c.is_ascii_lowercase())
            && !crate::lang::wordlist::FUNCTION_WORDS.contains(noun);
    }
    !next.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn may_and_march_before_a_noun_after_the_are_months() {
        let r = day_ref("1999-02-10");
        assert_eq!(
            found("The March accession will let them join.", &r),
            vec![("March".to_string(), "1999-03".to_string())]
        );
        assert_eq!(found("He lost the May election.", &r)[0].1, "1998-05");
        // A march, a name, a verb: no month.
        for text in [
            "They joined the March on Washington.",
            "The March of Dimes raised funds.",
            "Staff may march on the capital.",
            "May Day rallies were held.",
            "He may leave.",
            "March forward, he said.",
        ] {
            let got = found(text, &r);
            assert!(
                got.iter().all(|(s, _)| s != "March" && s != "May"),
                "{text}: {got:?}"
            );
        }
    }
}
