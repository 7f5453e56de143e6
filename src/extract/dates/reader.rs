//! The reader's state as it goes through a text's dates in order: the
//! reference, the last date stated (the anchor of "a year earlier") and
//! the quarter under report; and the year a year-less date is given.

use super::forms::{self, Match, Reading};
use super::matcher::Groups;
use super::tense::Clause;
use super::{resolve, Hit};
use crate::model::{DateValue, Granularity, Reference};
use jiff::civil::Date;
use jiff::ToSpan;

/// The last resolved date, for "a year earlier" and "the year-ago quarter".
#[derive(Debug, Clone, Copy)]
pub(super) enum Anchor {
    Day(Date),
    Month(i16, i8),
    Quarter(i16, i8),
    Half(i16, i8),
    Year(i16),
}

/// Reads matches in document order against one reference.
pub(super) struct Reader<'a> {
    reference: &'a Reference,
    pub(super) anchor: Option<Anchor>,
    /// Line breaks seen before the current match, and before the anchor.
    pub(super) line: usize,
    pub(super) anchor_line: usize,
    pub(super) last_quarter: Option<(i16, i8)>,
    /// The story says that quarter is over ("the fourth quarter ended
    /// Sept. 30", a fiscal quarter that the calendar has not ended).
    last_quarter_ended: bool,
}

pub(super) fn quarter_of(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

pub(super) fn shift_quarter(y: i16, q: i8, by: i32) -> (i16, i8) {
    let n = y as i32 * 4 + (q as i32 - 1) + by;
    ((n.div_euclid(4)) as i16, (n.rem_euclid(4) + 1) as i8)
}

fn shift_month(y: i16, m: i8, by: i32) -> (i16, i8) {
    let n = y as i32 * 12 + (m as i32 - 1) + by;
    ((n.div_euclid(12)) as i16, (n.rem_euclid(12) + 1) as i8)
}

impl<'a> Reader<'a> {
    pub(super) fn new(reference: &'a Reference) -> Self {
        Reader {
            reference,
            anchor: None,
            line: 0,
            anchor_line: 0,
            last_quarter: None,
            last_quarter_ended: false,
        }
    }

    pub(super) fn day_ref(&self) -> Option<Date> {
        self.reference.date
    }

    pub(super) fn year_ref(&self) -> Option<i16> {
        self.reference.year
    }

    /// The year for a year-less month or day: of the reference year and the
    /// years either side, the one nearest the reference day, where news
    /// looks back more readily than ahead (a date ahead counts double), a
    /// clause about the future looks ahead (a date behind counts tenfold)
    /// and one in the past tense does not (see [`PAST_SLACK_DAYS`]).
    pub(super) fn pick_year(&self, m: i8, d: Option<i8>, clause: &Clause) -> Option<i16> {
        self.pick_year_by(
            |y| {
                let s = resolve::ymd(y, m, d.unwrap_or(1))?;
                Some((s, if d.is_some() { s } else { s.last_of_month() }))
            },
            clause,
        )
    }

    /// [`Self::pick_year`] for any year-less date: `days_in(y)` gives its
    /// first and last day in year `y`.
    pub(super) fn pick_year_by(
        &self,
        days_in: impl Fn(i16) -> Option<(Date, Date)>,
        clause: &Clause,
    ) -> Option<i16> {
        let y = self.year_ref()?;
        let Some(r) = self.day_ref() else {
            return Some(y);
        };
        let future = clause.future();
        let inferred = matches!(
            self.reference.source,
            crate::model::ReferenceSource::Inferred { .. }
        );
        let mut best: Option<(i64, i16)> = None;
        for cand in [y, y - 1, y + 1] {
            let Some((s, e)) = days_in(cand) else {
                continue;
            };
            let days = |a: Date, b: Date| a.until(b).map_or(i64::MAX / 4, |x| x.get_days() as i64);
            let cost = if e < r {
                days(e, r) * if future { FUTURE_BEHIND_WEIGHT } else { 1 }
            } else if s > r {
                // An inferred reference is the latest date the text states,
                // so the text was written on or after it: a past-tense
                // year-less date does not lie beyond it.
                // So is a date in a clause told in the past tense ("in
                // January the company bought...").
                if inferred && !future {
                    i64::MAX / 8
                } else if clause.past() && !future {
                    // A past clause may still name the month just begun
                    // after a reference a little early; beyond that slack,
                    // what it tells has not happened yet, however much
                    // nearer than last year's ("celebrated Easter" told a
                    // month before this year's is last year's).
                    let ahead = days(r, s);
                    if ahead > PAST_SLACK_DAYS {
                        i64::MAX / 8
                    } else {
                        ahead * PAST_AHEAD_WEIGHT
                    }
                } else {
                    days(r, s) * if future { 1 } else { AHEAD_WEIGHT }
                }
            } else {
                0
            };
            if best.is_none_or(|(bc, _)| cost < bc) {
                best = Some((cost, cand));
            }
        }
        Some(best.map_or(y, |(_, c)| c))
    }

    /// The year of the last date stated, while it is in reach.
    pub(super) fn anchor_year(&self) -> Option<i16> {
        if self.line > self.anchor_line + ANCHOR_LINES {
            return None;
        }
        Some(match self.anchor? {
            Anchor::Day(d) => d.year(),
            Anchor::Month(y, _) | Anchor::Quarter(y, _) | Anchor::Half(y, _) | Anchor::Year(y) => y,
        })
    }

    pub(super) fn last_completed_quarter(&self) -> Option<(i16, i8)> {
        let r = self.day_ref()?;
        Some(shift_quarter(r.year(), quarter_of(r), -1))
    }

    /// A quarter named without a year ("the third quarter", "Q3"): the
    /// reference year's, or last year's when it has not begun (a quarter
    /// is reported on after it ends).
    pub(super) fn quarter_without_year(&self, q: i8) -> Option<DateValue> {
        Some(match (self.year_ref(), self.day_ref()) {
            (Some(y), Some(r)) => {
                let s = resolve::ymd(y, (q - 1) * 3 + 1, 1)?;
                resolve::quarter(if s > r { y - 1 } else { y }, q, true)?
            }
            (Some(y), None) => resolve::quarter(y, q, true)?,
            _ => resolve::unanchored(format!("XXXX-Q{q}"), Granularity::Quarter),
        })
    }

    /// The quarter a bare "the quarter" refers to.
    pub(super) fn current_topic_quarter(&self) -> Option<(i16, i8)> {
        self.last_quarter.or_else(|| self.last_completed_quarter())
    }

    /// The quarter "the latest quarter" refers to: the one under report
    /// once it has ended, else the last one ended. A story may name the
    /// quarter under way ("an earthquake charge in fourth-quarter
    /// results") but reports on one that is over.
    pub(super) fn latest_quarter(&self) -> Option<(i16, i8)> {
        let ended = |&(y, q): &(i16, i8)| {
            let (ny, nq) = shift_quarter(y, q, 1);
            match (resolve::ymd(ny, (nq - 1) * 3 + 1, 1), self.day_ref()) {
                (Some(next), Some(r)) => next <= r,
                _ => true,
            }
        };
        self.last_quarter
            .filter(|yq| self.last_quarter_ended || ended(yq))
            .or_else(|| self.last_completed_quarter())
    }

    pub(super) fn set_anchor(&mut self, v: &DateValue) {
        let Some(iv) = v.interval else { return };
        if v.value.ends_with("_REF") {
            return;
        }
        let s = iv.start;
        self.anchor_line = self.line;
        self.anchor = Some(match v.granularity {
            Granularity::Day => Anchor::Day(s),
            Granularity::Month => Anchor::Month(s.year(), s.month()),
            Granularity::Quarter => Anchor::Quarter(s.year(), quarter_of(s)),
            Granularity::Half => Anchor::Half(s.year(), if s.month() <= 6 { 1 } else { 2 }),
            Granularity::Year => Anchor::Year(s.year()),
            _ => return,
        });
    }

    /// Takes a quarter just stated as the one under report. Only a quarter
    /// that has begun can be reported on, and one named in a clause that
    /// looks ahead ("expects losses to continue into the fourth quarter")
    /// is a forecast, not the report.
    fn note_quarter(&mut self, v: &DateValue, clause: &Clause, told_ended: impl Fn() -> bool) {
        let Some(iv) = v.interval else { return };
        let s = iv.start;
        // "expects to report a third-quarter loss" after the quarter ended
        // is about the report, not a forecast.
        let ended = self.day_ref().is_some_and(|r| iv.end < r);
        if v.granularity == Granularity::Quarter
            && (ended || !clause.future())
            && self.day_ref().is_none_or(|r| s <= r)
        {
            self.last_quarter = Some((s.year(), quarter_of(s)));
            self.last_quarter_ended = told_ended();
        }
    }

    /// `n` units from `base` (a day), at the unit's granularity.
    pub(super) fn shift_day(
        &self,
        base: Date,
        n: i32,
        unit: &str,
        relative: bool,
    ) -> Option<DateValue> {
        match unit {
            "day" => Some(resolve::day(
                base.checked_add((n as i64).days()).ok()?,
                relative,
            )),
            "week" => resolve::week(base.checked_add((n as i64 * 7).days()).ok()?, relative),
            "month" => {
                let (y, m) = shift_month(base.year(), base.month(), n);
                resolve::month(y, m, relative)
            }
            "year" => resolve::year(base.year() + n as i16, relative),
            "decade" => resolve::decade((base.year() + 10 * n as i16) / 10 * 10, relative),
            _ => None,
        }
    }

    /// "a year earlier": the last date stated, moved; a quarter or month
    /// stays a quarter or month.
    pub(super) fn shift_anchor(&self, n: i32, unit: &str) -> Option<DateValue> {
        if self.line > self.anchor_line + ANCHOR_LINES {
            return None;
        }
        match (self.anchor?, unit) {
            (Anchor::Quarter(y, q), "year") => resolve::quarter(y + n as i16, q, true),
            (Anchor::Quarter(y, q), "quarter") => {
                let (y, q) = shift_quarter(y, q, n);
                resolve::quarter(y, q, true)
            }
            (Anchor::Month(y, m), "year") => resolve::month(y + n as i16, m, true),
            (Anchor::Month(y, m), "month") => {
                let (y, m) = shift_month(y, m, n);
                resolve::month(y, m, true)
            }
            (Anchor::Half(y, h), "year") => resolve::half(y + n as i16, h, true),
            (Anchor::Year(y), "year") => resolve::year(y + n as i16, true),
            // "Sept. 30 ... a year earlier": the same day a year before.
            (Anchor::Day(d), "year") => {
                Some(resolve::day(d.checked_add((n as i64).years()).ok()?, true))
            }
            (Anchor::Day(d), u) => self.shift_day(d, n, u, true),
            _ => None,
        }
    }

    /// Reads one match with the form that took it, in its clause.
    pub(super) fn read(&mut self, text: &str, c: &Groups, clause: &Clause) -> Option<Hit> {
        let m = Match::new(text, c, clause);
        let (value, spec, explicit_year, anaphoric) = match forms::read(self, &m)? {
            Reading::Hit(hit) => return Some(hit),
            Reading::Date {
                value,
                spec,
                explicit_year,
                anaphoric,
            } => (value, spec, explicit_year, anaphoric),
        };
        let value = match m.modifier() {
            Some(md) if value.granularity > Granularity::Day && value.modifier.is_none() => {
                resolve::with_modifier(value, md)
            }
            _ => value,
        };
        // Anaphoric values do not become the anchor of later ones.
        if !anaphoric {
            self.set_anchor(&value);
            let after = text[c.whole().end()..].trim_start();
            let told_ended = || {
                ["ended ", "that ended "].iter().any(|w| {
                    after
                        .get(..w.len())
                        .is_some_and(|a| a.eq_ignore_ascii_case(w))
                })
            };
            // A quarter whose results a past clause tells ("reported a
            // decline in fourth-quarter earnings") is over as well.
            self.note_quarter(&value, clause, || told_ended() || clause.past());
        }
        let whole = c.whole();
        Some(Hit::single(
            whole.start(),
            whole.end(),
            value,
            spec,
            explicit_year,
        ))
    }
}

/// How many line breaks an anchor for "a year earlier" reaches across (a
/// paragraph and the one before it, with blank lines between paragraphs).
pub(super) const ANCHOR_LINES: usize = 4;

/// How much more a year-less date behind the reference costs than one
/// ahead, in a clause that looks ahead ("will be named commander for a
/// mission in December", told in March, is next December).
const FUTURE_BEHIND_WEIGHT: i64 = 10;

/// How much more a year-less date ahead of the reference costs than one
/// behind, in a clause told in the past tense.
const PAST_AHEAD_WEIGHT: i64 = 10;

/// How many days a date told in the past tense may start after the
/// reference: a document dated a little before it was written, or a tense
/// read from another clause's verb ("a drama that has divided his family
/// and may be resolved in a hearing the week of March 6"). Beyond two
/// weeks, last year's date is taken.
const PAST_SLACK_DAYS: i64 = 14;

/// How much more a year-less date ahead of the reference costs than one behind.
const AHEAD_WEIGHT: i64 = 2;
