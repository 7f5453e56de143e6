//! A document's own date: its dateline or byline.
//!
//! News pages carry the day they were published on a line of its own near
//! the top or the bottom: "Last Updated: Monday, 28 November 2005, 02:24
//! GMT", "Posted 11/27/2005 7:21 AM", "9 September 2013 Last updated at
//! 14:39 GMT", "By Jane Doe | June 6, 2013". Such a line holds a full date
//! and little else: clock times, time zones, the words around a dateline
//! and at most a short byline. Its date is the document's reference, and
//! the line states no fact of the story.

use super::Found;
use crate::lang::wordlist::WordList;
use crate::model::{ClaimKind, ClaimValue, Granularity};
use std::ops::Range;

/// Lines read from the top of the body, and from the bottom.
const TOP_LINES: usize = 4;
const BOTTOM_LINES: usize = 3;
/// Words of a byline a dateline may carry ("By Jane Doe, Reuters").
const BYLINE_WORDS: usize = 6;

/// Words a dateline holds besides its date.
static DATELINE_WORDS: WordList = WordList::new(include_str!("../../data/dateline_words.txt"));

fn dateline_word(lower: &str) -> bool {
    // "a.m." reaches here as "a", "m" (see `only_dateline`), "28th" as one
    // token with a digit.
    DATELINE_WORDS.contains(lower)
}

/// The dateline of a body: the line's range and the date claim in it.
/// `found` are the dates read without a reference, in text order.
pub fn find<'f>(text: &str, found: &'f [Found]) -> Option<(Range<usize>, &'f Found)> {
    let lines: Vec<Range<usize>> = crate::text::line_ranges(text)
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .collect();
    let n = lines.len();
    let candidates = lines.iter().take(TOP_LINES).chain(
        lines
            .iter()
            .skip(n.saturating_sub(BOTTOM_LINES).max(TOP_LINES.min(n))),
    );
    for r in candidates {
        let dates: Vec<&Found> = found
            .iter()
            .filter(|f| f.start >= r.start && f.end <= r.end)
            .collect();
        let full = dates.iter().copied().find(|f| match &f.value {
            ClaimValue::Date(d) => {
                f.kind == ClaimKind::Date
                    && d.granularity == Granularity::Day
                    && !d.relative
                    && d.interval.is_some()
            }
            _ => false,
        });
        let Some(full) = full else { continue };
        if only_dateline(text, r, &dates) && weekday_agrees(&text[r.clone()], full) {
            return Some((r.clone(), full));
        }
    }
    None
}

/// Whether a weekday the line names is the date's own: "Monday, 28
/// November 2005" is a dateline, "Friday, 28 November 2005" a slip not to
/// build every relative date of the document on.
fn weekday_agrees(line: &str, date: &Found) -> bool {
    let ClaimValue::Date(d) = &date.value else {
        return true;
    };
    let Some(iv) = d.interval else { return true };
    let named: Vec<i8> = crate::lang::tokens::tokenize(line)
        .iter()
        .filter(|t| t.word && t.cap && t.lower.len() >= 3)
        .filter_map(|t| crate::lang::calendar::weekday_number(&t.lower))
        .collect();
    let own = iv.start.weekday().to_monday_one_offset();
    named.is_empty() || named.contains(&own)
}

/// Whether a line holds nothing but dates, clock times and dateline words,
/// and at most a short byline.
fn only_dateline(text: &str, r: &Range<usize>, dates: &[&Found]) -> bool {
    let mut other = 0;
    let mut byline = false;
    for t in crate::lang::tokens::tokenize(&text[r.clone()]) {
        let abs = r.start + t.start;
        if !t.word || t.digit || dates.iter().any(|d| abs >= d.start && abs < d.end) {
            continue;
        }
        if dateline_word(&t.lower) || matches!(&*t.lower, "a" | "p" | "m") {
            continue;
        }
        if t.lower == "by" {
            byline = true;
            continue;
        }
        other += 1;
    }
    other <= if byline { BYLINE_WORDS } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

    fn dateline(text: &str) -> Option<String> {
        let found =
            crate::extract::dates::Scan::new(text, &crate::text::sentences(text, 0..text.len()))
                .read(&Reference::unknown());
        find(text, &found).map(|(_, f)| match &f.value {
            ClaimValue::Date(d) => d.value.to_string(),
            _ => unreachable!(),
        })
    }

    #[test]
    fn datelines_as_pages_write_them() {
        for (line, want) in [
            (
                "Last Updated: Monday, 28 November 2005, 02:24 GMT",
                "2005-11-28",
            ),
            ("Posted 11/27/2005 7:21 AM", "2005-11-27"),
            ("November 28th, 2005, 09:11 GMT", "2005-11-28"),
            (
                "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET",
                "2005-11-27",
            ),
            ("9 September 2013 Last updated at 14:39 GMT", "2013-09-09"),
            ("Friday, June 7, 2013", "2013-06-07"),
            ("By Jane Doe | June 6, 2013", "2013-06-06"),
        ] {
            let text = format!("{line}\nA quake hit the island on Sunday, killing 10 people.\n");
            assert_eq!(dateline(&text).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn a_dateline_whose_weekday_is_not_its_date_is_not_trusted() {
        let text = "Friday, 28 November 2005\nA quake hit the island on Sunday.\n";
        assert_eq!(dateline(text), None);
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_dateline() {
        let text = "Quake kills 10\nThe quake struck on November 27, 2005, officials said.\n";
        assert_eq!(dateline(text), None);
        let text = "It began on March 3, 2023.\nIt ended on May 9, 2024.\n";
        assert_eq!(dateline(text), None);
    }
}
