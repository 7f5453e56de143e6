//! Sizes: compounds ("90-page", "a 3,000-square-foot home", "five-member
//! panel"), units glued to the digits and speeds ("58km", "193km/h") and
//! units of measure after a figure ("5 miles", "75 miles per hour").

use super::amount::{Figure, Tail};
use super::duration::is_time_unit;
use super::{Reading, Scan};
use crate::lang::wordlist::{WordList, WordMap};
use crate::model::Word;
use crate::model::{ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

/// Units of measure: "5 miles" is a size, not a count.
static MEASURE_UNITS: WordMap = WordMap::new(include_str!("../../../data/measure_units.txt"));

pub(super) fn measure_unit(w: &str) -> Option<&'static str> {
    MEASURE_UNITS.get(w)
}

/// A unit written glued to its numeral ("58km", "120mph"). Only the
/// unambiguous ones: "10m" may be ten metres or ten million.
static GLUED_UNITS: WordMap = WordMap::new(include_str!("../../../data/glued_units.txt"));

pub(super) fn glued_unit(rest: &str) -> Option<&'static str> {
    GLUED_UNITS.get(rest)
}

/// "two-thirds", "one-half", "first-ever": not a size.
static COMPOUND_NON_SIZES: WordList =
    WordList::new(include_str!("../../../data/compound_non_sizes.txt"));

fn is_fraction_or_ordinal(w: &str) -> bool {
    COMPOUND_NON_SIZES.contains(w)
}

/// Things a number-word compound counts ("five-member panel", "two-story
/// house", "three-judge panel").
static COMPOUND_COUNT_NOUNS: WordList =
    WordList::new(include_str!("../../../data/compound_count_nouns.txt"));

fn is_compound_count_noun(w: &str) -> bool {
    COMPOUND_COUNT_NOUNS.contains(w)
}

impl Scan<'_> {
    /// Sizes written as compounds: "90-page", "five-member". Money and ages
    /// have read theirs before; any other compound is no claim.
    pub(super) fn size_compound(&self, f: &Figure) -> Reading {
        let Tail::Compound(rest) = f.num.tail else {
            return Continue(());
        };
        if f.currency.is_some() {
            return Break(None);
        }
        let head = rest.split('-').next().unwrap_or(rest);
        if is_time_unit(head) || rest.ends_with("-old") || is_fraction_or_ordinal(head) {
            return Break(None);
        }
        // "five-member", "two-story": a number word makes a size only
        // with a unit or a counted thing, not "one-sided" or "two-way".
        if !f.num.numeral && measure_unit(rest).is_none() && !is_compound_count_noun(head) {
            return Break(None);
        }
        let unit = match measure_unit(rest) {
            Some(u) => u.to_string(),
            None => rest.replace('-', " "),
        };
        Break(Some((
            self.found(
                ClaimKind::Size,
                f.first,
                f.last,
                ClaimValue::Size {
                    amount: f.amount.clone(),
                    unit: Word::new(&unit),
                },
            ),
            f.j,
        )))
    }

    /// A size from the figure to its unit's last token `end`.
    fn size_to(&self, f: &Figure, end: usize, unit: &str) -> Reading {
        Break(Some((
            self.found(
                ClaimKind::Size,
                f.first,
                end,
                ClaimValue::Size {
                    amount: f.amount.clone(),
                    unit: Word::new(unit),
                },
            ),
            end + 1,
        )))
    }

    /// Lengths, weights and speeds glued to the digits: "58km", "193km/h".
    pub(super) fn glued_size(&self, f: &Figure) -> Reading {
        let Tail::Unit(u) = f.num.tail else {
            return Continue(());
        };
        if f.currency.is_some() {
            return Break(None);
        }
        let j = f.j;
        let (unit, end) = match (self.punct(j), self.lw(j + 1)) {
            (Some("/"), Some("h" | "hr"))
                if u == "kilometer" && self.adjacent(j - 1) && self.adjacent(j) =>
            {
                ("kmh", j + 1)
            }
            _ => (u, f.last),
        };
        self.size_to(f, end, unit)
    }

    /// A unit of measure after the figure: "5 miles"; speeds: "120 km/h",
    /// "75 miles per hour".
    pub(super) fn measure(&self, f: &Figure) -> Reading {
        let j = f.j;
        let Some(u) = self.lw(j).and_then(measure_unit) else {
            return Continue(());
        };
        let (unit, end) = match (u, self.punct(j + 1), self.lw(j + 1), self.lw(j + 2)) {
            ("kilometer", Some("/"), _, Some("h" | "hr")) => ("kmh", j + 2),
            ("kilometer", _, Some("per"), Some("hour")) => ("kmh", j + 2),
            ("mile", _, Some("per"), Some("hour")) => ("mph", j + 2),
            _ => (u, j),
        };
        self.size_to(f, end, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};

    #[test]
    fn sizes() {
        assert_eq!(
            one("The 90-page report came out."),
            q("size", "90-page", "90 page")
        );
        assert_eq!(
            one("It closed a 5-mile stretch."),
            q("size", "5-mile", "5 mile")
        );
        assert_eq!(
            one("A 10-foot wall went up."),
            q("size", "10-foot", "10 foot")
        );
        assert_eq!(
            one("A 3,000-square-foot home burned."),
            q("size", "3,000-square-foot", "3000 square foot")
        );
        assert!(run("It is a five-year plan.").is_empty());
        assert_eq!(
            one("A five-member panel met."),
            q("size", "five-member", "5 member")
        );
        assert!(run("Two-thirds of residents agreed.").is_empty());
        assert!(run("It was a one-sided, two-way fight.").is_empty());
        assert!(run("It began a 24-hour strike.").is_empty());
    }

    #[test]
    fn glued_lengths_and_speeds() {
        assert_eq!(one("It is 58km away."), q("size", "58km", "58 kilometer"));
        assert_eq!(one("It is 36mi away."), q("size", "36mi", "36 mile"));
        assert_eq!(one("It fell 40cm."), q("size", "40cm", "40 centimeter"));
        assert_eq!(one("It fell 12mm."), q("size", "12mm", "12 millimeter"));
        assert_eq!(one("It held 5kg."), q("size", "5kg", "5 kilogram"));
        // "10m" may be metres or a million: not a size.
        assert!(show("It is 10m away.").iter().all(|c| c.0 != "size"));
        assert_eq!(
            one("Winds of 193km/h hit."),
            q("size", "193km/h", "193 kmh")
        );
        assert_eq!(
            one("Winds of 193 km/h hit."),
            q("size", "193 km/h", "193 kmh")
        );
        assert_eq!(one("Winds of 120mph hit."), q("size", "120mph", "120 mph"));
        assert_eq!(
            one("Winds of 120 mph hit."),
            q("size", "120 mph", "120 mph")
        );
        assert_eq!(
            one("Winds of 75 miles per hour hit."),
            q("size", "75 miles per hour", "75 mph")
        );
        assert_eq!(
            show("It struck about 58km (36 miles) away."),
            [
                q("size", "about 58km", "~58 kilometer"),
                q("size", "36 miles", "36 mile")
            ]
        );
    }
}
