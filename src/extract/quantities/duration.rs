//! Durations: "two hours", "after about 15 minutes", "three years in
//! prison"; not "two years ago" (a date), "20 years old" (an age) nor the
//! idiom "one day". The units of time also keep other readers off: a
//! number of them is never a count, nor a size ("a 24-hour strike").

use super::amount::Figure;
use super::{Reading, Scan};
use crate::lang::wordlist::{WordList, WordMap};
use crate::model::Word;
use crate::model::{ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

/// Units of time: a number of them is a duration, not a count of things.
static TIME_UNITS: WordList = WordList::new(include_str!("../../../data/time_units.txt"));

pub(super) fn is_time_unit(w: &str) -> bool {
    TIME_UNITS.contains(w.strip_suffix('s').unwrap_or(w))
}

/// The singular unit of a duration after a number ("two hours", "15 mins").
static DURATION_UNITS: WordMap = WordMap::new(include_str!("../../../data/duration_units.txt"));

pub(super) fn duration_unit(w: &str) -> Option<&'static str> {
    DURATION_UNITS.get(w)
}

/// Words after "two years" that make it a point in time or an age, not a
/// duration: "two years ago", "five days earlier", "20 years old".
static NOT_DURATION_AFTER: WordList =
    WordList::new(include_str!("../../../data/not_duration_after.txt"));

fn ends_duration(w: &str) -> bool {
    NOT_DURATION_AFTER.contains(w)
}

/// Words before the figure that make it a length of time whatever follows:
/// "lasted two hours before the gunman gave himself up".
static DURATION_BEFORE: WordList = WordList::new(include_str!("../../../data/duration_before.txt"));

impl Scan<'_> {
    /// A unit of time after the figure.
    pub(super) fn duration(&self, f: &Figure) -> Reading {
        let j = f.j;
        let Some(u) = self.lw(j).and_then(duration_unit) else {
            return Continue(());
        };
        let lasting = f
            .first
            .checked_sub(1)
            .and_then(|k| self.lw(k))
            .is_some_and(|w| DURATION_BEFORE.contains(w));
        if self.lw(j + 1).is_some_and(ends_duration) && !lasting || (f.w == "one" && u == "day") {
            return Break(None);
        }
        Break(Some((
            self.found(
                ClaimKind::Size,
                f.first,
                j,
                ClaimValue::Size {
                    amount: f.amount.clone(),
                    unit: Word::new(u),
                },
            ),
            j + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};

    #[test]
    fn durations() {
        for (t, surface, display) in [
            ("It lasted two hours.", "two hours", "2 hour"),
            ("It took 15 minutes.", "15 minutes", "15 minute"),
            ("It shook for 10 seconds.", "10 seconds", "10 second"),
            ("It rained for three days.", "three days", "3 day"),
            ("It took six weeks.", "six weeks", "6 week"),
            ("It took five months.", "five months", "5 month"),
            ("He served 20 years.", "20 years", "20 year"),
            (
                "After about 15 minutes, it stopped.",
                "about 15 minutes",
                "~15 minute",
            ),
            ("In the next two hours it rained.", "two hours", "2 hour"),
            ("He spent three years in prison.", "three years", "3 year"),
            // Lasting, the time is a length even before an event.
            (
                "The standoff lasted two hours before the gunman gave himself up.",
                "two hours",
                "2 hour",
            ),
            (
                "He worked there for ten years before the war.",
                "ten years",
                "10 year",
            ),
            (
                "He spent 12 months in ICE detention.",
                "12 months",
                "12 month",
            ),
        ] {
            assert_eq!(one(t), q("size", surface, display), "{t}");
        }
        for t in [
            "It happened two years ago.",
            "It happened five days earlier.",
            "Two hours before the vote, he resigned.",
            "It ended three weeks later.",
            "He was jailed three times.",
            "It is a five-year plan.",
            "One day he left.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", show(t));
        }
        assert_eq!(one("He is 20 years old.").0, "age");
    }
}
