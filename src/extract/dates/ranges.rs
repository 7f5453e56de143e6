//! The passes over a text's dates after each is read: dates told against
//! the date that follows them, years stated a few words on, and ranges.

use super::reader::Reader;
use super::{resolve, word_before, Hit, Pending, Spec};
use crate::extract::Found;
use crate::lang::calendar::is_part_of_day;
use crate::model::{ClaimKind, ClaimValue, DateValue, Granularity, Interval};
use jiff::civil::Date;
use jiff::ToSpan;

/// Dates told against the date that follows them ("three days after
/// Christmas") take that date, moved; those followed by no date ("five
/// days before the raid") say nothing of the calendar yet, and wait as
/// [`Pending`] for the document to date their event.
pub(super) fn settle_offsets(
    text: &str,
    reader: &Reader,
    hits: Vec<Hit>,
) -> (Vec<Hit>, Vec<Pending>) {
    let mut out = Vec::with_capacity(hits.len());
    let mut pending = Vec::new();
    let mut it = hits.into_iter().peekable();
    while let Some(h) = it.next() {
        let Spec::Offset(k, unit) = h.spec else {
            out.push(h);
            continue;
        };
        let adjacent = it
            .peek()
            .is_some_and(|next| text[h.end..next.start].trim().is_empty());
        if !adjacent {
            pending.push(Pending {
                start: h.start,
                end: h.end,
                by: k,
                unit,
                granularity: h.value.granularity,
            });
            continue;
        }
        let next = it.peek().expect("adjacent");
        let base = next.value.interval.filter(|_| next.to.is_none());
        // Against a day, the result is a day ("two weeks before May 5").
        let day = next.value.granularity == Granularity::Day;
        let Some(v) = base.and_then(|iv| {
            if day && unit != "decade" {
                offset_day(iv.start, k, unit)
            } else {
                reader.shift_day(iv.start, k, unit, true)
            }
        }) else {
            continue;
        };
        let next = it.next().expect("peeked");
        out.push(Hit::single(
            h.start,
            next.end,
            v,
            Spec::Other,
            next.explicit_year,
        ));
    }
    (out, pending)
}

impl Pending {
    /// The date this offset names once its event is known to fall on
    /// `day`: a year stays a year ("the year before the vote").
    pub fn settle(&self, day: Date) -> Option<DateValue> {
        if self.granularity == Granularity::Year && self.unit == "year" {
            return resolve::year(day.year().checked_add(self.by as i16)?, true);
        }
        offset_day(day, self.by, self.unit)
    }
}

/// The day `k` units (a day, week, month, year or decade) from `day`.
fn offset_day(day: Date, k: i32, unit: &str) -> Option<DateValue> {
    let k = k as i64;
    let moved = match unit {
        "day" => day.checked_add(k.days()),
        "week" => day.checked_add((7 * k).days()),
        "month" => day.checked_add(k.months()),
        "year" => day.checked_add(k.years()),
        "decade" => day.checked_add((10 * k).years()),
        _ => return None,
    };
    Some(resolve::day(moved.ok()?, true))
}

/// A year-less date whose year follows within a few words ("that spring
/// morning in 2004", "on a June night of 1998") takes that year. One read
/// against the reference or the last date stated takes it too, but only
/// when the year closes its own noun phrase ("that spring morning in
/// 2004", "May 5 of 2004"): "in May the vote in 2004" tells of two times.
pub(super) fn years_stated_after(text: &str, mut hits: Vec<Hit>) -> Vec<Hit> {
    for i in 0..hits.len().saturating_sub(1) {
        let (a, b) = (&hits[i], &hits[i + 1]);
        if a.explicit_year || a.to.is_some() || b.to.is_some() {
            continue;
        }
        if !(b.explicit_year && b.spec == Spec::Year) {
            continue;
        }
        let between: Vec<&str> = text[a.end..b.start].split_whitespace().collect();
        let Some((last, words)) = between.split_last() else {
            continue;
        };
        if !(last.eq_ignore_ascii_case("in") || last.eq_ignore_ascii_case("of")) {
            continue;
        }
        let joined = if a.value.value.starts_with('X') {
            between.len() <= 3 && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        } else {
            words.len() <= 1
                && words.iter().all(|w| {
                    let w = w.to_lowercase();
                    w == "day" || is_part_of_day(&w)
                })
        };
        let y = b.value.interval.map(|iv| iv.start.year());
        if let (true, Some(y)) = (joined, y) {
            if let Some(v) = with_year(a, y) {
                hits[i].value = v;
                hits[i].explicit_year = true;
            }
        }
    }
    hits
}

/// Joins "from X through Y", "between X and Y", "X-Y" into ranges.
pub(super) fn join_ranges(text: &str, hits: Vec<Hit>) -> Vec<Found> {
    let mut out = Vec::with_capacity(hits.len());
    let mut i = 0;
    while i < hits.len() {
        let a = &hits[i];
        if let Some(b) = hits.get(i + 1) {
            let lead = word_before(text, a.start);
            let between = &text[a.end..b.start];
            if a.to.is_none()
                && b.to.is_none()
                && !between.contains('\n')
                && range_separator(between, &lead)
                && rangeable(&a.value)
                && rangeable(&b.value)
            {
                let mut from = a.value.clone();
                if !a.explicit_year && b.explicit_year {
                    if let Some(y) = b.value.interval.map(|iv| iv.start.year()) {
                        if let Some(v) = with_year(a, y) {
                            let later = match (v.interval, b.value.interval) {
                                (Some(x), Some(z)) => x.start > z.start,
                                _ => false,
                            };
                            from = if later {
                                with_year(a, y - 1).unwrap_or(v)
                            } else {
                                v
                            };
                        }
                    }
                }
                let mut to = b.value.clone();
                // Two year-less ends ("from March 3 to April 5") name one
                // stretch: the second is the first after the first.
                if !a.explicit_year && !b.explicit_year {
                    if let Some(y) = from.interval.map(|iv| iv.start.year()) {
                        if let Some(v) = with_year(b, y) {
                            let before = matches!((v.interval, from.interval),
                                (Some(x), Some(z)) if x.end < z.start);
                            to = if before {
                                with_year(b, y + 1).unwrap_or(v)
                            } else {
                                v
                            };
                            to.relative = true;
                        }
                    }
                }
                let interval = match (from.interval, to.interval) {
                    (Some(x), Some(z)) if x.start <= z.end => Some(Interval::new(x.start, z.end)),
                    _ => None,
                };
                out.push(Found {
                    kind: ClaimKind::DateRange,
                    start: a.start,
                    end: b.end,
                    value: ClaimValue::DateRange {
                        from: from.into(),
                        to: to.into(),
                        interval,
                    },
                    ends: Some([(a.start, a.end), (b.start, b.end)]),
                });
                i += 2;
                continue;
            }
        }
        match &a.to {
            Some(to) => {
                let interval = match (a.value.interval, to.interval) {
                    (Some(x), Some(z)) => Some(Interval::new(x.start, z.end)),
                    _ => None,
                };
                out.push(Found {
                    kind: ClaimKind::DateRange,
                    start: a.start,
                    end: a.end,
                    value: ClaimValue::DateRange {
                        from: a.value.clone().into(),
                        to: to.clone().into(),
                        interval,
                    },
                    ends: a.ends,
                });
            }
            None => out.push(Found {
                kind: ClaimKind::Date,
                start: a.start,
                end: a.end,
                value: ClaimValue::Date(a.value.clone()),
                ends: None,
            }),
        }
        i += 1;
    }
    out
}

/// The separator between two dates that makes them a range, given the word
/// before the first ("from", "between").
fn range_separator(between: &str, lead: &str) -> bool {
    if between.len() > 12 {
        return false;
    }
    let b = between.trim().to_ascii_lowercase();
    match b.as_str() {
        "-" | "–" | "—" | "through" | "thru" | "until" | "till" | "to" => {
            b != "to" || lead == "from"
        }
        "and" => lead == "between",
        _ => false,
    }
}

/// Reads a year-less date again in the year its range partner states.
fn with_year(h: &Hit, y: i16) -> Option<DateValue> {
    Some(match h.spec {
        Spec::MonthDay(m, d) => resolve::day(resolve::ymd(y, m, d)?, false),
        Spec::Month(m) => resolve::month(y, m, false)?,
        Spec::Season(code) => resolve::season(y, code, false)?,
        _ => return None,
    })
}

fn rangeable(v: &DateValue) -> bool {
    !v.value.ends_with("_REF") && !v.value.starts_with('X')
        || v.value.starts_with("XXXX-") && !v.value.contains('W')
}
