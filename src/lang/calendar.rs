//! Month, weekday and season names and the parts of a day
//! (`data/calendar.yaml`): one list, read
//! by the date regex, the dateline reader and every recogniser that must
//! not take "May" for a name or "March" for a counted thing.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    seasons: BTreeMap<String, String>,
    parts_of_day: Vec<String>,
}

pub struct Calendar {
    /// Each month: its full name, then its abbreviations.
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    /// Lower-case name or abbreviation → month number (1-12).
    month_of: foldhash::HashMap<String, i8>,
    /// Lower-case name or abbreviation → weekday (Monday = 1).
    weekday_of: foldhash::HashMap<String, i8>,
    season_of: foldhash::HashMap<String, &'static str>,
    parts_of_day: Vec<String>,
    /// What [`is_calendar_word`] reads, in one set: it is asked of most
    /// words of every clause a claim is read from.
    words: foldhash::HashSet<String>,
}

fn parse(yaml: &str) -> Result<Calendar, String> {
    let f: File = yaml_serde::from_str(yaml).map_err(|e| e.to_string())?;
    if f.months.len() != 12 || f.weekdays.len() != 7 {
        return Err("12 months and 7 weekdays".into());
    }
    let index = |lists: &[Vec<String>]| {
        lists
            .iter()
            .enumerate()
            .flat_map(|(i, names)| names.iter().map(move |n| (n.to_lowercase(), i as i8 + 1)))
            .collect()
    };
    let season_of = f
        .seasons
        .into_iter()
        .map(|(k, v)| (k, &*Box::leak(v.into_boxed_str())))
        .collect();
    let month_of: foldhash::HashMap<String, i8> = index(&f.months);
    let words = month_of
        .keys()
        .cloned()
        .chain(f.weekdays.iter().map(|w| w[0].to_lowercase()))
        .collect();
    Ok(Calendar {
        month_of,
        words,
        weekday_of: index(&f.weekdays),
        months: f.months,
        weekdays: f.weekdays,
        season_of,
        parts_of_day: f.parts_of_day.iter().map(|p| p.to_lowercase()).collect(),
    })
}

pub fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| parse(include_str!("../../data/calendar.yaml")).expect("data/calendar.yaml"))
}

/// `names` as a regex alternation, longest first ("Sept" before "Sep").
fn alternation(names: impl Iterator<Item = String>) -> String {
    let mut v: Vec<String> = names.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

impl Calendar {
    /// The full month names as a regex alternation.
    pub fn month_names(&self) -> String {
        alternation(self.months.iter().map(|m| m[0].clone()))
    }

    /// The months' abbreviations as a regex alternation.
    pub fn month_abbreviations(&self) -> String {
        alternation(self.months.iter().flat_map(|m| m[1..].iter().cloned()))
    }

    /// The full weekday names as a regex alternation.
    pub fn weekday_names(&self) -> String {
        alternation(self.weekdays.iter().map(|w| w[0].clone()))
    }

    /// The season names as a regex alternation.
    pub fn season_names(&self) -> String {
        alternation(self.season_of.keys().cloned())
    }

    /// The parts of a day ("morning", "night") as a regex alternation.
    pub fn part_of_day_names(&self) -> String {
        alternation(self.parts_of_day.iter().cloned())
    }
}

fn key(s: &str) -> String {
    s.trim_end_matches('.').to_lowercase()
}

/// The number of the month `s` names or abbreviates (1-12), in any case.
pub fn month_number(s: &str) -> Option<i8> {
    calendar().month_of.get(&key(s)).copied()
}

/// The weekday `s` names or abbreviates, Monday = 1 ... Sunday = 7.
pub fn weekday_number(s: &str) -> Option<i8> {
    calendar().weekday_of.get(&key(s)).copied()
}

/// The full name of month `m` (1-12), as a reader writes it.
pub fn month_name(m: usize) -> Option<&'static str> {
    Some(calendar().months.get(m.checked_sub(1)?)?[0].as_str())
}

/// The full name of weekday `d` (Monday = 1 ... Sunday = 7).
pub fn weekday_name(d: usize) -> Option<&'static str> {
    Some(calendar().weekdays.get(d.checked_sub(1)?)?[0].as_str())
}

/// The shortest written form of month `m` (1-12): "Sep", "May".
pub fn month_short(m: usize) -> Option<&'static str> {
    calendar()
        .months
        .get(m.checked_sub(1)?)?
        .iter()
        .min_by_key(|n| n.len())
        .map(String::as_str)
}

/// The TIMEX3 code of a season: `SP`, `SU`, `FA`, `WI`.
pub fn season_code(s: &str) -> Option<&'static str> {
    calendar().season_of.get(&s.to_lowercase()).copied()
}

/// Whether a lower-case word names a part of a day ("morning").
pub fn is_part_of_day(lower: &str) -> bool {
    calendar().parts_of_day.iter().any(|p| p == lower)
}

/// Month names and abbreviations and weekday names, lower case (a trailing
/// full stop is ignored): never a name, never a counted thing.
pub fn is_calendar_word(lower: &str) -> bool {
    // Weekdays by their full names only: "sat", "wed" and "sun" are words.
    calendar().words.contains(lower.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations_read_in_any_case() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Marching"), None);
        assert_eq!(weekday_number("Thurs"), Some(4));
        assert_eq!(weekday_number("SUNDAY"), Some(7));
        assert_eq!(weekday_number("monkey"), None);
        assert_eq!(season_code("Autumn"), Some("FA"));
        assert!(is_part_of_day("evening") && !is_part_of_day("day"));
        assert!(is_calendar_word("dec.") && is_calendar_word("friday"));
        assert!(!is_calendar_word("mayor") && !is_calendar_word("sat"));
        assert_eq!(month_name(9), Some("September"));
        assert_eq!(month_short(9), Some("Sep"));
        assert_eq!(month_short(5), Some("May"));
        assert_eq!(month_name(13), None);
        assert_eq!(month_name(0), None);
    }

    #[test]
    fn abbreviations_are_tried_longest_first() {
        let abbr = calendar().month_abbreviations();
        let at = |n: &str| abbr.split('|').position(|a| a == n);
        assert!(at("Sept").unwrap() < at("Sep").unwrap(), "{abbr}");
    }

    #[test]
    fn a_short_list_is_refused() {
        assert!(parse("months: [[January]]\nweekdays: []\nseasons: {}\n").is_err());
    }
}
