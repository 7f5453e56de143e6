//! The date forms. Each family of forms keeps in its own file both the
//! pattern that finds it and the code that reads it; this file orders the
//! forms into the one date regex and holds the words they share.

mod days;
mod eras;
mod holidays;
mod months;
mod numeric;
mod offsets;
mod quarters;
mod relative;
mod seasons;
mod vague;
mod years;

use super::matcher::{Group, Groups};
use super::reader::Reader;
use super::tense::Clause;
use super::{Hit, Spec};
use crate::lang::numbers;
use crate::model::DateValue;
use std::sync::OnceLock;

/// Horizontal whitespace: a date never runs across a line break.
///
/// The date regex is compiled without Unicode classes and case folding (its
/// words are ASCII), which shrinks its automaton to about a quarter; the one
/// non-ASCII space is written as its own alternative for that reason.
pub(super) const S: &str = r"(?:[ \t\r]|\u{a0})+";

const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
const YEAR4: &str = r"(?:1[6-9][0-9][0-9]|20[0-9][0-9])(?-u:\b)";
const ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";

/// One form of the date regex: its pattern and how to read a match of it.
pub(super) struct Form {
    /// The pattern. It opens with a named group, set whenever the form
    /// matches, by which a match read with the combined regex tells which
    /// form took it.
    pattern: fn(&Words) -> String,
    /// What a match says, or `None` when it is no date after all.
    read: fn(&mut Reader, &Match) -> Option<Reading>,
}

/// The forms in priority order: of two forms that match from one place,
/// the one listed first is taken, however long the other. So a full date
/// comes before the month alone, a year range before the year, a quarter
/// before the year inside it.
const FORMS: &[Form] = &[
    numeric::ISO,
    numeric::SLASH,
    holidays::HOLIDAY,
    months::MONTH_DAY,
    months::DAY_MONTH,
    months::MONTH_YEAR,
    relative::MONTH_OF_YEAR,
    relative::NAMED,
    seasons::SEASON_YEAR,
    quarters::QUARTER,
    quarters::Q_NUMBER,
    quarters::NUMBER_Q,
    quarters::THE_QUARTER,
    quarters::YEAR_QUARTER,
    quarters::HALF,
    quarters::H_NUMBER,
    years::FISCAL,
    years::RELATIVE_FISCAL,
    eras::DECADE,
    eras::CENTURY,
    offsets::AGO,
    quarters::YEAR_AGO,
    relative::YEAR_END,
    relative::UNIT,
    relative::END_OF,
    days::WEEKEND,
    months::WEEK_OF,
    days::DEICTIC,
    days::DAY_PART,
    days::ANAPHORIC,
    days::WEEKDAY,
    vague::PRESENT,
    vague::PAST,
    vague::FUTURE,
    eras::DECADE_WORDS,
    years::THE_YEAR,
    seasons::THE_SEASON,
    years::RANGE,
    years::YEAR,
    years::THAT_YEAR,
    months::BARE_MONTH,
];

/// The words the patterns share, built from the calendar data.
struct Words {
    month_full: String,
    month_abbr: String,
    /// A month's full name or its abbreviation.
    month: String,
    weekday: String,
    season: String,
    /// A part of a day ("morning").
    part_of_day: String,
    /// A year in digits or in words.
    year: String,
    /// A year in words alone.
    year_words: String,
    /// A count of time units.
    count: String,
}

/// The patterns of the date regex.
pub(super) struct Sources {
    /// Each form's pattern, in priority order.
    pub forms: Vec<String>,
    /// The group each form's pattern opens with.
    pub tags: Vec<String>,
    /// The modifier that may come before any form ("early", "the end of").
    pub pre: String,
}

pub(super) fn sources() -> &'static Sources {
    static SRC: OnceLock<Sources> = OnceLock::new();
    SRC.get_or_init(|| {
        // Month and weekday names are matched case-sensitively: "a protest
        // march" is no date.
        let cal = crate::lang::calendar::calendar();
        let month_full = format!(r"(?-i:{})(?-u:\b)", cal.month_names());
        let month_abbr = format!(r"(?-i:{})(?:\.|(?-u:\b))", cal.month_abbreviations());
        let year_words = year_words();
        let words = Words {
            month: format!("(?:{month_full}|{month_abbr})"),
            month_full,
            month_abbr,
            weekday: format!(r"(?-i:{})(?-u:\b)", cal.weekday_names()),
            season: format!(r"(?:{})(?-u:\b)", cal.season_names()),
            part_of_day: format!(r"(?:{})(?-u:\b)", cal.part_of_day_names()),
            year: format!("(?:{YEAR4}|{year_words})"),
            year_words,
            count: count(),
        };
        let forms: Vec<String> = FORMS.iter().map(|f| (f.pattern)(&words)).collect();
        let tags = forms.iter().map(|f| tag_of(f).to_string()).collect();
        let pre = format!(
            r"(?:early|late|mid)(?:-|{S})|(?:the{S})?(?:end|beginning|start|middle|close){S}of{S}"
        );
        Sources { forms, tags, pre }
    })
}

/// The name of the group a form's pattern opens with.
fn tag_of(pattern: &str) -> &str {
    let name = pattern
        .strip_prefix("(?P<")
        .expect("a form opens with a named group");
    &name[..name.find('>').expect("a group name ends")]
}

/// A year said in words: "nineteen ninety-six", "two thousand and one".
fn year_words() -> String {
    let words = |r| numbers::alternation(numbers::units(r));
    let units = words(1.0..10.0);
    let teens = words(10.0..20.0);
    let tens = words(20.0..100.0);
    // Years from 1700 to 1999 are said by their hundreds.
    let centuries = words(17.0..20.0);
    let below100 = format!("(?:(?:{tens})(?:[- ](?:{units}))?|{teens}|oh[- ](?:{units}))");
    format!(
        "(?:(?:{centuries})[- ](?:hundred(?:[- ]and)?[- ])?{below100}|two[- ]thousand(?:(?:[- ]and)?[- ](?:{below100}|{units}))?|twenty[- ](?:{teens}|(?:{tens})(?:[- ](?:{units}))?))(?-u:\\b)"
    )
}

/// A count of time units: "two", "a", "several", "18", "a couple of".
fn count() -> String {
    // The shared fragment spells spaces `\s`; keep this regex's classes small.
    let words = numbers::words_pattern().replace(r"\s", "[ \t]");
    format!(r"(?:a{S}couple{S}of|a{S}few|several|few|many|some|an|a|[0-9]+|{words})")
}

/// One match of the date regex, as a form's reader sees it.
pub(super) struct Match<'m, 't> {
    text: &'t str,
    start: usize,
    end: usize,
    /// The match's clause, whose tense is read when a form asks.
    pub(super) clause: &'m Clause<'t>,
    groups: &'m Groups<'t>,
}

impl<'m, 't> Match<'m, 't> {
    pub(super) fn new(text: &'t str, groups: &'m Groups<'t>, clause: &'m Clause<'t>) -> Self {
        let whole = groups.whole();
        Match {
            text,
            start: whole.start(),
            end: whole.end(),
            clause,
            groups,
        }
    }

    /// The match's clause speaks of the future.
    pub(super) fn future(&self) -> bool {
        self.clause.future()
    }

    /// The group `name` of the match, if it took part.
    fn group(&self, name: &str) -> Option<Group<'t>> {
        // A form that asks for a group it lacks would silently read nothing.
        #[cfg(test)]
        assert!(self.groups.has(name), "no group {name} in the form matched");
        self.groups.name(name)
    }

    /// The text of the group `name`, if it took part.
    fn get(&self, name: &str) -> Option<&'t str> {
        self.group(name).map(|g| g.as_str())
    }

    /// The modifier before the form, as `START`, `MID` or `END`.
    pub(super) fn modifier(&self) -> Option<&'static str> {
        self.get("pre").and_then(modifier_of)
    }
}

/// What a form reads from its match.
pub(super) enum Reading {
    /// A date, which a modifier before it narrows ("early 2024") and which
    /// later anaphoric dates ("a year earlier") are told against, unless it
    /// is one of them.
    Date {
        value: DateValue,
        spec: Spec,
        explicit_year: bool,
        anaphoric: bool,
    },
    /// A date read in full: no modifier narrows it and nothing is told
    /// against it.
    Hit(Hit),
}

impl Reading {
    /// A date that states no year of its own.
    fn date(value: DateValue) -> Reading {
        Reading::Date {
            value,
            spec: Spec::Other,
            explicit_year: false,
            anaphoric: false,
        }
    }

    /// A date that states its own year.
    fn dated(value: DateValue) -> Reading {
        Reading::date(value).year_stated(true)
    }

    fn year_stated(mut self, stated: bool) -> Reading {
        if let Reading::Date { explicit_year, .. } = &mut self {
            *explicit_year = stated;
        }
        self
    }

    fn spec(mut self, to: Spec) -> Reading {
        if let Reading::Date { spec, .. } = &mut self {
            *spec = to;
        }
        self
    }

    fn anaphoric(mut self, is: bool) -> Reading {
        if let Reading::Date { anaphoric, .. } = &mut self {
            *anaphoric = is;
        }
        self
    }

    /// A single date, taken as read.
    fn hit(m: &Match, value: DateValue) -> Reading {
        Reading::Hit(Hit::single(m.start, m.end, value, Spec::Other, false))
    }
}

/// Reads a match with the form that took it.
pub(super) fn read(reader: &mut Reader, m: &Match) -> Option<Reading> {
    (FORMS.get(m.groups.alternative())?.read)(reader, m)
}

fn modifier_of(pre: &str) -> Option<&'static str> {
    let l = pre.to_ascii_lowercase();
    if l.starts_with("early") || l.contains("beginning") || l.contains("start") {
        Some("START")
    } else if l.starts_with("late") || l.contains("end") || l.contains("close") {
        Some("END")
    } else if l.starts_with("mid") || l.contains("middle") {
        Some("MID")
    } else {
        None
    }
}

/// -1 for last/past/previous, 0 for this/current/same, +1 for next/coming.
fn offset_of(word: &str) -> i16 {
    let l = word.to_ascii_lowercase();
    match l.split_whitespace().last().unwrap_or("") {
        "last" | "past" | "previous" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        _ => 0,
    }
}

fn ordinal(s: &str) -> Option<i8> {
    Some(match s.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" | "last" | "latter" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// A year in digits or words; two-digit years read as 19xx/20xx (pivot 50).
fn parse_year(s: &str) -> Option<i16> {
    let t = s.trim().trim_start_matches('\'');
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i16 = t.parse().ok()?;
        return Some(match t.len() {
            2 if n < 50 => 2000 + n,
            2 => 1900 + n,
            _ => n,
        });
    }
    let l = t.to_ascii_lowercase().replace('-', " ");
    let words: Vec<&str> = l.split_whitespace().filter(|w| *w != "and").collect();
    let small = |ws: &[&str]| -> Option<i16> {
        let j = ws.join(" ");
        if j.is_empty() {
            return Some(0);
        }
        if let Some(rest) = j.strip_prefix("oh ") {
            return crate::extract::numbers::parse_number(rest).map(|v| v as i16);
        }
        crate::extract::numbers::parse_number(&j).map(|v| v as i16)
    };
    match words.first().copied()? {
        "two" if words.get(1) == Some(&"thousand") => Some(2000 + small(&words[2..])?),
        first => {
            let century = crate::extract::numbers::parse_number(first)? as i16;
            let rest = if words.get(1) == Some(&"hundred") {
                &words[2..]
            } else {
                &words[1..]
            };
            Some(century * 100 + small(rest)?)
        }
    }
}

/// A day of the month ("21", "21st").
fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// `s` after its leading blanks and the word `w` and the blanks after it.
fn strip_word<'s>(s: &'s str, w: &str) -> Option<&'s str> {
    let t = s.trim_start_matches([' ', '\t']);
    let rest = t.get(w.len()..)?;
    (t[..w.len()].eq_ignore_ascii_case(w) && rest.starts_with([' ', '\t']))
        .then(|| rest.trim_start_matches([' ', '\t']))
}

/// The span of time the sentence before `at` names last, as results are
/// told over it: `Some(true)` for a span of months ("the first nine
/// months", "the six months", "the first half"), `Some(false)` for a
/// quarter, `None` for neither. A period or a comparison ("the 1988
/// period", "a year earlier") refers to that span.
fn last_span_named(text: &str, at: usize) -> Option<bool> {
    // A full stop ends a sentence before a blank, not in "$10.83".
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n'
                || (matches!(c, '.' | '!' | '?')
                    && before[i + 1..].starts_with(|n: char| n.is_whitespace()))
        })
        .map_or(0, |(i, _)| i + 1);
    text[start..at]
        .split(|c: char| !c.is_ascii_alphabetic())
        .rev()
        .find_map(|w| match w.to_ascii_lowercase().as_str() {
            "quarter" | "quarters" => Some(false),
            // Not "month": "sales last month rose from a year earlier".
            "months" | "half" => Some(true),
            _ => None,
        })
}

fn first_word(s: &str) -> &str {
    let e = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..e]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each form opens with its own group, the one that tells it.
    #[test]
    fn every_form_opens_with_a_group_of_its_own() {
        let src = sources();
        assert_eq!(src.forms.len(), FORMS.len());
        let unique: std::collections::HashSet<&String> = src.tags.iter().collect();
        assert_eq!(unique.len(), src.tags.len(), "{:?}", src.tags);
    }
}
