//! Dates in English news text: full, partial and relative dates, quarters,
//! halves, seasons, decades, fiscal years and ranges, each normalised to a
//! TIMEX3-style value and an interval of calendar days.
//!
//! One combined regex ([`lexicon::date_regex`]) finds candidates in a single
//! pass; [`Reader`] turns each match into a [`DateValue`] against the
//! reference date, keeping a little discourse state (the last date stated,
//! the last quarter named) for anaphoric forms such as "a year earlier" or
//! "the quarter"; a last pass joins neighbouring dates into ranges.

mod cues;
mod holidays;
pub mod lexicon;
mod resolve;

use super::{Context, Found, Recogniser};
use crate::lang::calendar::{month_number, season_code, weekday_number};
use crate::model::{ClaimKind, ClaimValue, DateValue, Granularity, Interval, Reference};
use cues::cues;
use jiff::civil::Date;
use jiff::ToSpan;
use lexicon::Groups;
use lexicon::{date_regex, ordinal, parse_year};
use regex::Regex;

pub struct Dates;

/// Builds the combined date regex and the tense regexes ahead of use (see
/// [`super::warm`]).
pub fn warm() {
    date_regex();
    cues();
}

/// The other half of [`warm`]: the alternatives that read each match.
pub fn warm_alternatives() {
    lexicon::alternatives();
}

/// What a year-less date needs to be read again with a year from its range
/// partner ("between March and May 2025").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    MonthDay(i8, i8),
    Month(i8),
    Season(&'static str),
    Year,
    /// Told against the date that follows it ("three days after Christmas",
    /// "the day before May 5"): by so many units; settled by
    /// [`settle_offsets`], or dropped when no date follows.
    Offset(i32, &'static str),
    Other,
}

#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    value: DateValue,
    /// The end of a range read as one expression ("Nov. 1-15", "2019-2021").
    to: Option<DateValue>,
    /// Where that range's two ends stand ("Nov. 1" and "15").
    ends: Option<[(usize, usize); 2]>,
    spec: Spec,
    /// The expression states its own year.
    explicit_year: bool,
}

impl Hit {
    /// A date read as one expression, not a range.
    fn single(start: usize, end: usize, value: DateValue, spec: Spec, explicit_year: bool) -> Hit {
        Hit {
            start,
            end,
            value,
            to: None,
            ends: None,
            spec,
            explicit_year,
        }
    }
}

/// The last resolved date, for "a year earlier" and "the year-ago quarter".
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Day(Date),
    Month(i16, i8),
    Quarter(i16, i8),
    Half(i16, i8),
    Year(i16),
}

/// Reads matches in document order against one reference.
struct Reader<'a> {
    reference: &'a Reference,
    anchor: Option<Anchor>,
    /// Line breaks seen before the current match, and before the anchor.
    line: usize,
    anchor_line: usize,
    last_quarter: Option<(i16, i8)>,
    /// The current match's clause is told in the past tense.
    past: bool,
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

fn quarter_of(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

fn shift_quarter(y: i16, q: i8, by: i32) -> (i16, i8) {
    let n = y as i32 * 4 + (q as i32 - 1) + by;
    ((n.div_euclid(4)) as i16, (n.rem_euclid(4) + 1) as i8)
}

fn shift_month(y: i16, m: i8, by: i32) -> (i16, i8) {
    let n = y as i32 * 12 + (m as i32 - 1) + by;
    ((n.div_euclid(12)) as i16, (n.rem_euclid(12) + 1) as i8)
}

/// The word before `at` in `text` (lower case, letters only).
fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    let w: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    w.chars().rev().collect::<String>().to_ascii_lowercase()
}

impl<'a> Reader<'a> {
    fn new(reference: &'a Reference) -> Self {
        Reader {
            reference,
            anchor: None,
            line: 0,
            anchor_line: 0,
            last_quarter: None,
            past: false,
        }
    }

    fn day_ref(&self) -> Option<Date> {
        self.reference.date
    }

    fn year_ref(&self) -> Option<i16> {
        self.reference.year
    }

    /// The year for a year-less month or day: of the reference year and the
    /// years either side, the one nearest the reference day, where news
    /// looks back more readily than ahead (a date ahead counts double) and a
    /// clause about the future looks ahead (a date behind counts tenfold).
    fn pick_year(&self, m: i8, d: Option<i8>, future: bool) -> Option<i16> {
        self.pick_year_by(
            |y| {
                let s = resolve::ymd(y, m, d.unwrap_or(1))?;
                Some((s, if d.is_some() { s } else { s.last_of_month() }))
            },
            future,
        )
    }

    /// [`Self::pick_year`] for any year-less date: `days_in(y)` gives its
    /// first and last day in year `y`.
    fn pick_year_by(
        &self,
        days_in: impl Fn(i16) -> Option<(Date, Date)>,
        future: bool,
    ) -> Option<i16> {
        let y = self.year_ref()?;
        let Some(r) = self.day_ref() else {
            return Some(y);
        };
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
                } else if self.past && !future {
                    // A past clause may still name the month just begun
                    // after a reference a day or two early; beyond a few
                    // weeks ahead, last year's month is nearer.
                    days(r, s) * PAST_AHEAD_WEIGHT
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
    fn anchor_year(&self) -> Option<i16> {
        if self.line > self.anchor_line + ANCHOR_LINES {
            return None;
        }
        Some(match self.anchor? {
            Anchor::Day(d) => d.year(),
            Anchor::Month(y, _) | Anchor::Quarter(y, _) | Anchor::Half(y, _) | Anchor::Year(y) => y,
        })
    }

    fn last_completed_quarter(&self) -> Option<(i16, i8)> {
        let r = self.day_ref()?;
        Some(shift_quarter(r.year(), quarter_of(r), -1))
    }

    /// A quarter named without a year ("the third quarter", "Q3"): the
    /// reference year's, or last year's when it has not begun (a quarter
    /// is reported on after it ends).
    fn quarter_without_year(&self, q: i8) -> Option<DateValue> {
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
    fn current_topic_quarter(&self) -> Option<(i16, i8)> {
        self.last_quarter.or_else(|| self.last_completed_quarter())
    }

    fn set_anchor(&mut self, v: &DateValue) {
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
        // Only a quarter that has begun can be "the quarter" reported on.
        if v.granularity == Granularity::Quarter && self.day_ref().is_none_or(|r| s <= r) {
            self.last_quarter = Some((s.year(), quarter_of(s)));
        }
    }

    /// `n` units from `base` (a day), at the unit's granularity.
    fn shift_day(&self, base: Date, n: i32, unit: &str, relative: bool) -> Option<DateValue> {
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
    fn shift_anchor(&self, n: i32, unit: &str) -> Option<DateValue> {
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

    /// Reads one match. `future` tells whether its sentence speaks of the future.
    fn read(&mut self, text: &str, c: &Groups, future: bool) -> Option<Hit> {
        let m = c.whole();
        let (start, end) = (m.start(), m.end());
        let g_ = |n: &str| c.name(n);
        let g = |n: &str| g_(n).map(|x| x.as_str());
        let pre = g("pre").and_then(modifier_of);
        let mut spec = Spec::Other;
        let mut explicit_year = false;
        // Anaphoric values do not become the anchor of later ones.
        let anaphoric_kinds = ["agon", "ya", "ty", "fyr"];
        let shifted_quarter = g("qad").is_some_and(|d| d.to_ascii_lowercase().starts_with("year-"));
        let anaphoric = shifted_quarter || anaphoric_kinds.iter().any(|k| c.name(k).is_some());
        let yr = self.year_ref();
        let rday = self.day_ref();

        let value: DateValue = if c.name("iso").is_some() {
            explicit_year = true;
            let d = resolve::ymd(
                g("isoy")?.parse().ok()?,
                g("isom")?.parse().ok()?,
                g("isod")?.parse().ok()?,
            )?;
            resolve::day(d, false)
        } else if c.name("sl").is_some() {
            explicit_year = true;
            let y = parse_year(g("sly")?)?;
            let d = resolve::ymd(y, g("slm")?.parse().ok()?, g("sld")?.parse().ok()?)?;
            resolve::day(d, false)
        } else if let Some(mm) = g("mdm").or(g("dmm")) {
            let mo = month_number(mm)?;
            let dd: i8 = digits(g("mdd").or(g("dmd"))?)?;
            let year = g("mdy").or(g("dmy"));
            // "May 5" must not be a bare "May" plus a count; a day needs a
            // month abbreviation with its period or a full month name.
            spec = Spec::MonthDay(mo, dd);
            let from = self.month_day(mo, dd, year, future)?;
            explicit_year = year.is_some();
            let day1 = g_("mdd").or(g_("dmd"))?;
            // "on May 3 and 5 people died": "and" joins a second day only
            // when no word follows it.
            let counted = g_("mdd2").is_some_and(|g2| {
                text[day1.end()..g2.start()].contains("and")
                    && text[end..]
                        .trim_start_matches([' ', '\t'])
                        .starts_with(|c: char| c.is_alphanumeric())
            });
            if counted {
                self.set_anchor(&from);
                return Some(Hit::single(start, day1.end(), from, spec, explicit_year));
            }
            if let Some(g2) = g_("mdd2") {
                let to = self.month_day(mo, digits::<i8>(g2.as_str())?, year, future)?;
                return Some(Hit {
                    start,
                    end,
                    value: from,
                    to: Some(to),
                    ends: Some([(start, day1.end()), (g2.start(), end)]),
                    spec,
                    explicit_year,
                });
            }
            from
        } else if let Some(name) = g("holn") {
            // "Mexico's Independence Day" is not the Fourth of July.
            if text[..start].trim_end().ends_with("'s")
                || text[..start].trim_end().ends_with("\u{2019}s")
            {
                return None;
            }
            let h = holidays::holidays();
            if let Some(y) = g("holy") {
                explicit_year = true;
                resolve::day(h.day(name, parse_year(y)?)?, false)
            } else if let Some(det) = g("hold") {
                let off = offset_of(det);
                let r = rday?;
                // last Easter: the latest before the reference; next: the first after.
                let d = match off {
                    -1 => [r.year(), r.year() - 1]
                        .into_iter()
                        .filter_map(|y| h.day(name, y))
                        .find(|d| *d < r)?,
                    1 => [r.year(), r.year() + 1]
                        .into_iter()
                        .filter_map(|y| h.day(name, y))
                        .find(|d| *d > r)?,
                    _ => h.day(name, r.year())?,
                };
                resolve::day(d, true)
            } else {
                match self.pick_year_by(|y| h.day(name, y).map(|d| (d, d)), future) {
                    Some(y) => resolve::day(h.day(name, y)?, true),
                    None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
                }
            }
        } else if let Some(mm) = g("mym") {
            let mo = month_number(mm)?;
            let y = parse_year(g("myy")?)?;
            explicit_year = true;
            spec = Spec::Month(mo);
            resolve::month(y, mo, false)?
        } else if let Some(mm) = g("mrm") {
            let mo = month_number(mm)?;
            match yr {
                Some(y) => resolve::month(y + offset_of(g("mrd")?), mo, true)?,
                None => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
            }
        } else if let Some(det) = g("rnd") {
            let off = offset_of(det);
            let that = det.eq_ignore_ascii_case("that");
            // "that spring": in the year last stated, if one is in reach.
            let that_year = self.anchor_year().filter(|_| that);
            if let Some(mm) = g("rnm") {
                let mo = month_number(mm)?;
                spec = Spec::Month(mo);
                match (yr, rday) {
                    _ if that_year.is_some() => resolve::month(that_year?, mo, true)?,
                    (Some(_), Some(r)) if !that => {
                        // last April: the latest April before the reference
                        // month; next April: the first after it.
                        let y = r.year();
                        let y = match off {
                            -1 if mo >= r.month() => y - 1,
                            1 if mo <= r.month() => y + 1,
                            _ => y,
                        };
                        resolve::month(y, mo, true)?
                    }
                    (Some(y), _) if !that => resolve::month(y + off, mo, true)?,
                    _ => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
                }
            } else if let Some(w) = g("rnw") {
                let wd = weekday_number(w)?;
                match rday {
                    Some(r) if !that => {
                        let rw = r.weekday().to_monday_one_offset();
                        let diff = (wd - rw) as i64;
                        let d = match off {
                            -1 => {
                                let back = if diff < 0 { -diff } else { 7 - diff };
                                r.checked_sub(back.days()).ok()?
                            }
                            1 => {
                                let fwd = if diff > 0 { diff } else { diff + 7 };
                                r.checked_add(fwd.days()).ok()?
                            }
                            _ => r.checked_add(diff.days()).ok()?,
                        };
                        resolve::day(d, true)
                    }
                    _ => resolve::unanchored(format!("XXXX-WXX-{wd}"), Granularity::Day),
                }
            } else {
                let code = season_code(g("rns")?)?;
                spec = Spec::Season(code);
                match (yr, rday) {
                    _ if that_year.is_some() => resolve::season(that_year?, code, true)?,
                    (Some(y), Some(r)) if !that => {
                        // last summer: the latest summer over before the
                        // reference day; next summer: the first to start after it.
                        let this = resolve::season(y, code, true)?.interval?;
                        let y = match off {
                            -1 if this.end >= r => y - 1,
                            1 if this.start <= r => y + 1,
                            _ => y,
                        };
                        resolve::season(y, code, true)?
                    }
                    (Some(y), None) if !that => resolve::season(y + off, code, true)?,
                    _ => resolve::unanchored(format!("XXXX-{code}"), Granularity::Season),
                }
            }
        } else if let Some(s) = g("sys") {
            let code = season_code(s)?;
            explicit_year = true;
            spec = Spec::Season(code);
            resolve::season(parse_year(g("syy")?)?, code, false)?
        } else if let Some(o) = g("qo") {
            let q = ordinal(o)?;
            if let Some(y) = g("qy0").or(g("qy")) {
                explicit_year = true;
                resolve::quarter(parse_year(y)?, q, false)?
            } else if let Some(rel) = g("qrel").or(g("qyr")) {
                match yr {
                    Some(y) => resolve::quarter(y + offset_of(rel), q, true)?,
                    None => resolve::unanchored(format!("XXXX-Q{q}"), Granularity::Quarter),
                }
            } else {
                self.quarter_without_year(q)?
            }
        } else if let Some(n) = g("qnn").or(g("qmn")) {
            let q: i8 = n.parse().ok()?;
            match g("qny").or(g("qmy")) {
                Some(y) => {
                    explicit_year = true;
                    resolve::quarter(parse_year(y)?, q, false)?
                }
                None => self.quarter_without_year(q)?,
            }
        } else if let Some(noun) = g("qan") {
            if text[end..].starts_with('-') {
                return None;
            }
            let det = g("qad").or(g("qad2")).map(|d| d.to_ascii_lowercase());
            let period = noun.eq_ignore_ascii_case("period");
            if period && det.is_none() {
                return None;
            }
            let det = det.unwrap_or_default();
            let det = det.split_whitespace().collect::<Vec<_>>().join(" ");
            let cur = rday.map(|r| (r.year(), quarter_of(r)));
            let yq = match det.as_str() {
                "" | "latest" | "most recent" | "recent" | "just-ended" | "same" => {
                    self.current_topic_quarter()
                }
                "last" | "previous" | "prior" | "past" => self.last_completed_quarter(),
                "current" | "this" => cur,
                "next" | "coming" => cur.map(|(y, q)| shift_quarter(y, q, 1)),
                _ => self.current_topic_quarter().map(|(y, q)| (y - 1, q)),
            };
            match yq {
                Some((y, q)) => resolve::quarter(y, q, true)?,
                None => resolve::unanchored("XXXX-QX".into(), Granularity::Quarter),
            }
        } else if let Some(y) = g("yqy") {
            let y = parse_year(y)?;
            explicit_year = true;
            match self.current_topic_quarter() {
                Some((_, q)) => resolve::quarter(y, q, false)?,
                None => resolve::year(y, false)?,
            }
        } else if let Some(o) = g("ho") {
            let h = if ordinal(o)? == 1 { 1 } else { 2 };
            if let Some(y) = g("hy") {
                explicit_year = true;
                resolve::half(parse_year(y)?, h, false)?
            } else {
                match yr {
                    Some(y) => resolve::half(y + offset_of(g("hyr")?), h, true)?,
                    None => resolve::unanchored(format!("XXXX-H{h}"), Granularity::Half),
                }
            }
        } else if let Some(n) = g("hnn") {
            explicit_year = true;
            resolve::half(parse_year(g("hny")?)?, n.parse().ok()?, false)?
        } else if let Some(y) = g("fyy") {
            explicit_year = true;
            spec = Spec::Year;
            resolve::year(parse_year(y)?, false)?
        } else if let Some(det) = g("frd") {
            // The latest fiscal year is the last one closed.
            let off = match det.to_ascii_lowercase().as_str() {
                "latest" => -1,
                d => offset_of(d),
            };
            match yr {
                Some(y) => resolve::year(y + off, true)?,
                None => resolve::unanchored("XXXX".into(), Granularity::Year),
            }
        } else if let Some(dy) = g("decy") {
            let from_ref = dy.starts_with('\'') && yr.is_some();
            let d = if let Some(two) = dy.strip_prefix('\'') {
                // "the '90s": the century of the reference, else the 1900s.
                let n: i16 = two.parse().ok()?;
                let century = yr.map(|y| y / 100 * 100).unwrap_or(1900);
                let d = century + n;
                if yr.is_some_and(|y| d > y) {
                    d - 100
                } else {
                    d
                }
            } else {
                explicit_year = true;
                dy.parse().ok()?
            };
            let v = resolve::decade(d, from_ref)?;
            match g("decp").and_then(modifier_of) {
                Some(md) => resolve::with_modifier(v, md),
                None => v,
            }
        } else if let Some(n) = g("decwn") {
            let tens = match n.to_ascii_lowercase().get(..3)? {
                "twe" => 2,
                "thi" => 3,
                "for" => 4,
                "fif" => 5,
                "six" => 6,
                "sev" => 7,
                "eig" => 8,
                _ => 9,
            };
            let century = match g("decwc").map(|c| c.to_ascii_lowercase()) {
                Some(c) if c == "eighteen" => 1800,
                Some(_) => 1900,
                None => yr.map(|y| y / 100 * 100).unwrap_or(1900),
            };
            let mut d = century + tens * 10;
            if g("decwc").is_none() && yr.is_some_and(|y| d > y) {
                d -= 100;
            }
            let v = resolve::decade(d, g("decwc").is_none() && yr.is_some())?;
            match g("decwp").and_then(modifier_of) {
                Some(md) => resolve::with_modifier(v, md),
                None => v,
            }
        } else if let Some(sn) = g("tss") {
            let code = season_code(sn)?;
            match yr {
                Some(y) => resolve::season(y, code, true)?,
                None => resolve::unanchored(format!("XXXX-{code}"), Granularity::Season),
            }
        } else if let Some(n) = g("cenn") {
            explicit_year = true;
            let v = resolve::century(n.parse().ok()?, false)?;
            match g("cenp").and_then(modifier_of) {
                Some(md) => resolve::with_modifier(v, md),
                None => v,
            }
        } else if let Some(n) = g("agon") {
            let unit = g("agou")?.to_ascii_lowercase();
            let dir = g("agod")?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase();
            // "ten years from now": the date is "now"; "ten years" a length.
            if dir == "from now" {
                return Some(Hit::single(
                    end - 3,
                    end,
                    resolve::reference_point("PRESENT_REF", rday),
                    spec,
                    explicit_year,
                ));
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
                return Some(Hit::single(
                    start,
                    end,
                    resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
                    Spec::Offset(k, unit),
                    explicit_year,
                ));
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
                None => {
                    resolve::reference_point(if back { "PAST_REF" } else { "FUTURE_REF" }, rday)
                }
                Some(k) => {
                    let k = if back { -(k as i32) } else { k as i32 };
                    let quarter_anchor = matches!(self.anchor, Some(Anchor::Quarter(..)));
                    let shifted = if anaphoric || (quarter_anchor && unit == "year") {
                        self.shift_anchor(k, &unit)
                    } else {
                        None
                    };
                    match (shifted, rday, yr) {
                        (Some(v), _, _) => v,
                        (None, Some(r), _) => self.shift_day(r, k, &unit, true)?,
                        (None, None, Some(y)) if unit == "year" => {
                            resolve::year(y + k as i16, true)?
                        }
                        _ => resolve::unanchored("XXXX".into(), Granularity::Year),
                    }
                }
            };
            v.modifier = g("agoq").and_then(|q| {
                let q = q.to_ascii_lowercase();
                let m = match q.as_str() {
                    "nearly" | "almost" | "under" | "barely" => "LESS_THAN",
                    "about" | "around" | "roughly" | "some" => "APPROX",
                    "only" | "just" => return None,
                    _ => "MORE_THAN",
                };
                Some(m.to_string())
            });
            v
        } else if c.name("ya").is_some() {
            let noun = g("yan").map(|n| n.to_ascii_lowercase());
            let q = match noun.as_deref() {
                Some("quarter") | Some("period") => self.current_topic_quarter(),
                _ => None,
            };
            match (q, noun.as_deref()) {
                (Some((y, q)), _) => resolve::quarter(y - 1, q, true)?,
                (None, Some("month")) => match rday {
                    Some(r) => resolve::month(r.year() - 1, r.month(), true)?,
                    None => resolve::unanchored("XXXX-XX".into(), Granularity::Month),
                },
                // Bare "year-ago" compares with the quarter under report, if any.
                (None, None) if self.last_quarter.is_some() => {
                    let (y, q) = self.last_quarter?;
                    resolve::quarter(y - 1, q, true)?
                }
                _ => match self.shift_anchor(-1, "year") {
                    Some(v) if noun.is_none() => v,
                    _ => match yr {
                        Some(y) => resolve::year(y - 1, true)?,
                        None => resolve::unanchored("XXXX".into(), Granularity::Year),
                    },
                },
            }
        } else if c.name("ye").is_some() {
            match yr {
                Some(y) => resolve::with_modifier(resolve::year(y, true)?, "END"),
                None => resolve::unanchored("XXXX".into(), Granularity::Year),
            }
        } else if let Some(unit) = g("ruu").or(g("eou")) {
            let unit = unit.to_ascii_lowercase();
            let off = g("rud").map(offset_of).unwrap_or(0) as i32;
            let md = g("rup").or(g("eop")).and_then(|p| {
                let p = p.to_ascii_lowercase();
                match p.as_str() {
                    "earlier" | "later" | "turn" => None,
                    _ => modifier_of(&p),
                }
            });
            let det = g("rud").map(|d| d.to_ascii_lowercase()).unwrap_or_default();
            // "the coming decade", "the past century": the years ahead or
            // behind, not a calendar decade.
            if matches!(det.as_str(), "coming" | "past")
                && matches!(unit.as_str(), "decade" | "century")
            {
                let v = if det == "coming" {
                    "FUTURE_REF"
                } else {
                    "PAST_REF"
                };
                return Some(Hit::single(
                    start,
                    end,
                    resolve::reference_point(v, rday),
                    spec,
                    explicit_year,
                ));
            }
            let from_anchor = match det.as_str() {
                "following" | "previous" | "same" => self.shift_anchor(off, &unit),
                _ => None,
            };
            // "the following year" names a whole year, even after a day.
            let from_anchor = match from_anchor {
                Some(v) if unit == "year" => v
                    .interval
                    .and_then(|iv| resolve::year(iv.start.year(), true))
                    .or(Some(v)),
                other => other,
            };
            let v = match (unit.as_str(), rday, yr) {
                _ if from_anchor.is_some() => from_anchor?,
                ("year", _, Some(y)) => resolve::year(y + off as i16, true)?,
                ("decade", _, Some(y)) => resolve::decade((y + 10 * off as i16) / 10 * 10, true)?,
                ("century", _, Some(y)) => resolve::century(y / 100 + 1 + off as i16, true)?,
                ("weekend", Some(r), _) => {
                    resolve::weekend(r.checked_add((off as i64 * 7).days()).ok()?, true)?
                }
                (u, Some(r), _) => self.shift_day(r, off, u, true)?,
                ("month", None, _) => resolve::unanchored("XXXX-XX".into(), Granularity::Month),
                ("week" | "weekend", None, _) => {
                    resolve::unanchored("XXXX-WXX".into(), Granularity::Week)
                }
                _ => resolve::unanchored("XXXX".into(), Granularity::Year),
            };
            match md {
                Some(md) => resolve::with_modifier(v, md),
                None => v,
            }
        } else if let Some(mm) = g("wom") {
            // "the week of March 6": the week that holds the day.
            let mo = month_number(mm)?;
            let day = self.month_day(mo, digits(g("wod")?)?, g("woy"), future)?;
            explicit_year = g("woy").is_some();
            resolve::week(day.interval?.start, day.relative)?
        } else if c.name("we").is_some() {
            let det = text[start..end]
                .split_whitespace()
                .next()?
                .to_ascii_lowercase();
            match rday {
                Some(r) => {
                    let rw = r.weekday().to_monday_one_offset();
                    let off: i64 = match det.as_str() {
                        "last" => -1,
                        "next" => 1,
                        "this" => 0,
                        // "the weekend": the one just past early in the week.
                        _ if rw <= 3 && !future => -1,
                        _ => 0,
                    };
                    resolve::weekend(r.checked_add((off * 7).days()).ok()?, true)?
                }
                None => resolve::unanchored("XXXX-WXX-WE".into(), Granularity::Week),
            }
        } else if let Some(w) = g("dww") {
            if w.eq_ignore_ascii_case("today") {
                // "VOA Today", a programme's name.
                if w.starts_with('T') && !opens_sentence(text, start) {
                    return None;
                }
                // "today's world": the present age, not a day.
                let after = &text[end..];
                if let Some(rest) = after
                    .strip_prefix("'s")
                    .or_else(|| after.strip_prefix("\u{2019}s"))
                {
                    let noun = first_word(rest.trim_start()).to_ascii_lowercase();
                    if cues().present_age_nouns.contains(&noun) {
                        return None;
                    }
                }
                // "more than is possible today": the present, not the day.
                if clause_of(text, start)
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("than"))
                {
                    return Some(Hit::single(
                        start,
                        end,
                        resolve::reference_point("PRESENT_REF", rday),
                        spec,
                        explicit_year,
                    ));
                }
            }
            let base: i64 = match w.to_ascii_lowercase().as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let extra: i64 = match g("dwba").map(|s| s.to_ascii_lowercase()) {
                Some(s) if s == "before" => -1,
                Some(_) => 1,
                None => 0,
            };
            match rday {
                Some(r) => resolve::day(r.checked_add((base + extra).days()).ok()?, true),
                None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
            }
        } else if let Some(d) = g("pdd") {
            // "this morning" is the reference day; "last night" the one before.
            let back = if d.eq_ignore_ascii_case("last") {
                -1
            } else {
                0
            };
            match rday {
                Some(r) => resolve::day(r.checked_add(back.days()).ok()?, true),
                None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
            }
        } else if let Some(ba) = g("adba").filter(|_| {
            // "the day before the vote": told against what follows.
            text[end..]
                .trim_start_matches([' ', '\t'])
                .starts_with(|c: char| c.is_alphanumeric())
        }) {
            let k = if ba.eq_ignore_ascii_case("before") {
                -1
            } else {
                1
            };
            return Some(Hit::single(
                start,
                end,
                resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
                Spec::Offset(k, "day"),
                explicit_year,
            ));
        } else if c.name("ad").is_some() {
            // A day told against the last day stated, never against the
            // reference: with no such day in reach, it is no date.
            let shift: i64 = match (g("add"), g("adba")) {
                (Some(d), _) | (_, Some(d)) => match d.to_ascii_lowercase().as_str() {
                    "next" | "following" | "after" => 1,
                    _ => -1,
                },
                _ => 0,
            };
            match self.anchor {
                Some(Anchor::Day(d)) if self.line <= self.anchor_line + ANCHOR_LINES => {
                    resolve::day(d.checked_add(shift.days()).ok()?, true)
                }
                _ => return None,
            }
        } else if let Some(w) = g("wd") {
            let wd = weekday_number(w)?;
            match rday {
                Some(r) => {
                    let rw = r.weekday().to_monday_one_offset();
                    let diff = (wd - rw) as i64;
                    // The reference's own weekday is the reference day,
                    // whatever the tense: a report names today by its weekday.
                    let d = if future {
                        r.checked_add((if diff >= 0 { diff } else { diff + 7 }).days())
                            .ok()?
                    } else {
                        r.checked_sub((if diff <= 0 { -diff } else { 7 - diff }).days())
                            .ok()?
                    };
                    resolve::day(d, true)
                }
                None => resolve::unanchored(format!("XXXX-WXX-{wd}"), Granularity::Day),
            }
        } else if c.name("pr").is_some() {
            // "the then current price": the present of a past time.
            if word_before(text, start) == "then" {
                resolve::reference_point("PAST_REF", rday)
            } else {
                resolve::reference_point("PRESENT_REF", rday)
            }
        } else if c.name("pa").is_some() {
            resolve::reference_point("PAST_REF", rday)
        } else if c.name("fu").is_some() {
            // "the future of the plan" is a topic, not a time.
            if text[end..]
                .trim_start_matches([' ', '\t'])
                .starts_with("of ")
            {
                return None;
            }
            resolve::reference_point("FUTURE_REF", rday)
        } else if c.name("yrr").is_some() {
            let a = parse_year(g("yrr1")?)?;
            let b2 = g("yrr2")?;
            let b = if b2.len() == 2 {
                a / 100 * 100 + b2.parse::<i16>().ok()?
            } else {
                b2.parse().ok()?
            };
            if b <= a || b - a > 100 || !year_context_ok(text, start, end) {
                return None;
            }
            let (y1, y2) = (g_("yrr1")?, g_("yrr2")?);
            return Some(Hit {
                start,
                end,
                value: resolve::year(a, false)?,
                to: Some(resolve::year(b, false)?),
                ends: Some([(y1.start(), y1.end()), (y2.start(), y2.end())]),
                spec: Spec::Year,
                explicit_year: true,
            });
        } else if let Some(y) = g("yry") {
            if y.bytes().all(|b| b.is_ascii_digit())
                && !text[start..end]
                    .get(..8)
                    .is_some_and(|p| p.eq_ignore_ascii_case("the year"))
                && !year_context_ok(text, start, end)
            {
                return None;
            }
            explicit_year = true;
            spec = Spec::Year;
            resolve::year(parse_year(y)?, false)?
        } else if c.name("ty").is_some() || c.name("fyr").is_some() {
            // "that year" points back at the year last stated.
            let that = text[start..end]
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("that"));
            // "in June 1998 ... later that year": the year of any date.
            let y = match self.anchor {
                Some(Anchor::Year(y)) if that => Some(y),
                _ if that => self.anchor_year().or(yr),
                _ => yr,
            };
            match y {
                Some(y) => resolve::year(y, true)?,
                None => resolve::unanchored("XXXX".into(), Granularity::Year),
            }
        } else if let Some(mm) = g("mo") {
            let mo = month_number(mm)?;
            if !bare_month_ok(text, start, end, mm) {
                return None;
            }
            spec = Spec::Month(mo);
            match self.pick_year(mo, None, future) {
                Some(y) => resolve::month(y, mo, true)?,
                None => resolve::unanchored(format!("XXXX-{mo:02}"), Granularity::Month),
            }
        } else {
            return None;
        };

        let value = match pre {
            Some(md) if value.granularity > Granularity::Day && value.modifier.is_none() => {
                resolve::with_modifier(value, md)
            }
            _ => value,
        };
        if !anaphoric {
            self.set_anchor(&value);
        }
        Some(Hit::single(start, end, value, spec, explicit_year))
    }

    fn month_day(&self, mo: i8, dd: i8, year: Option<&str>, future: bool) -> Option<DateValue> {
        if let Some(y) = year {
            return Some(resolve::day(resolve::ymd(parse_year(y)?, mo, dd)?, false));
        }
        if !(1..=31).contains(&dd) {
            return None;
        }
        match self.pick_year(mo, Some(dd), future) {
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
}

/// How many line breaks an anchor for "a year earlier" reaches across (a
/// paragraph and the one before it, with blank lines between paragraphs).
const ANCHOR_LINES: usize = 4;

/// How much more a year-less date behind the reference costs than one
/// ahead, in a clause that looks ahead ("will be named commander for a
/// mission in December", told in March, is next December).
const FUTURE_BEHIND_WEIGHT: i64 = 10;

/// How much more a year-less date ahead of the reference costs than one
/// behind, in a clause told in the past tense.
const PAST_AHEAD_WEIGHT: i64 = 10;

/// How much more a year-less date ahead of the reference costs than one behind.
const AHEAD_WEIGHT: i64 = 2;

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
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
    if month == "May" || month == "March" {
        return false;
    }
    let next = after.strip_prefix(' ').unwrap_or("");
    !next.starts_with(|c: char| c.is_uppercase())
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

/// Whether the text at `at` opens a sentence (after a full stop, a line
/// break or a quote mark, or at the very start).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '\u{201c}', '`', '\'', ':'])
}

/// The clause before `at`: back to the last comma, semicolon or sentence end.
fn clause_of(text: &str, at: usize) -> &str {
    let before = &text[..at];
    match before.rfind([',', ';', '.', '!', '?', '\n', ':']) {
        Some(i) => &before[i + 1..],
        None => before,
    }
}

/// Units a date may be told in against another ("three days after").
const UNITS: &[&str] = &["day", "week", "month", "year", "decade"];

/// `s` after its leading blanks and the word `w` and the blanks after it.
fn strip_word<'s>(s: &'s str, w: &str) -> Option<&'s str> {
    let t = s.trim_start_matches([' ', '\t']);
    let rest = t.get(w.len()..)?;
    (t[..w.len()].eq_ignore_ascii_case(w) && rest.starts_with([' ', '\t']))
        .then(|| rest.trim_start_matches([' ', '\t']))
}

fn first_word(s: &str) -> &str {
    let e = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..e]
}

/// Dates told against the date that follows them ("three days after
/// Christmas") take that date, moved; those followed by no date ("five
/// days before the raid") say nothing of the calendar and are dropped.
fn settle_offsets(text: &str, reader: &Reader, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out = Vec::with_capacity(hits.len());
    let mut it = hits.into_iter().peekable();
    while let Some(h) = it.next() {
        let Spec::Offset(k, unit) = h.spec else {
            out.push(h);
            continue;
        };
        let Some(next) = it.peek() else { continue };
        let adjacent = text[h.end..next.start].trim().is_empty();
        let base = next
            .value
            .interval
            .filter(|_| adjacent && next.to.is_none());
        // Against a day, the result is a day ("two weeks before May 5").
        let day = next.value.granularity == Granularity::Day;
        let Some(v) = base.and_then(|iv| match (day, unit) {
            (true, "day" | "week") => {
                let n = if unit == "week" { 7 * k } else { k } as i64;
                Some(resolve::day(iv.start.checked_add(n.days()).ok()?, true))
            }
            (true, "month" | "year") => {
                let span = if unit == "year" {
                    (k as i64).years()
                } else {
                    (k as i64).months()
                };
                Some(resolve::day(iv.start.checked_add(span).ok()?, true))
            }
            _ => reader.shift_day(iv.start, k, unit, true),
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
    out
}

/// A year-less date whose year follows within a few words ("that spring
/// morning in 2004", "on a June night of 1998") takes that year.
fn years_stated_after(text: &str, mut hits: Vec<Hit>) -> Vec<Hit> {
    for i in 0..hits.len().saturating_sub(1) {
        let (a, b) = (&hits[i], &hits[i + 1]);
        if !a.value.value.starts_with('X') || a.to.is_some() || b.to.is_some() {
            continue;
        }
        if !(b.explicit_year && b.spec == Spec::Year) {
            continue;
        }
        let between: Vec<&str> = text[a.end..b.start].split_whitespace().collect();
        let joined = between.len() <= 3
            && between
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("of"))
            && between.iter().all(|w| w.chars().all(char::is_alphabetic));
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
fn join_ranges(text: &str, hits: Vec<Hit>) -> Vec<Found> {
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
                    value: ClaimValue::DateRange { from, to, interval },
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
                        from: a.value.clone(),
                        to: to.clone(),
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

/// "by Dec. 15", "until", "effective", "payable": a date that closes a
/// period or starts an obligation, whatever the tense around it.
fn before_deadline(before: &str) -> bool {
    let last = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "by" | "until" | "till" | "through" | "effective" | "payable" | "before" | "to"
    )
}

/// Where the last match of `marker` ends in `s`.
fn last_match(marker: &Regex, s: &str) -> Option<usize> {
    marker.find_iter(s).last().map(|m| m.end())
}

/// Where each past-tense verb of `s` ends: a listed irregular form ("was",
/// "fled"), or a word in "-ed" that is not an infinitive's or a future's
/// participle ("to be completed", "will be paid") nor one of the "-ed" words
/// that look ahead ("expected", "scheduled") or are no verbs ("hundred").
fn past_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev = "";
    let irregular = cues().past.find_iter(s).map(|m| m.end());
    let regular = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(move |w| {
            let keep = w.len() >= 5
                && w.ends_with("ed")
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && !cues().not_past_ed.contains(w)
                && !matches!(prev, "be" | "to" | "being");
            prev = w;
            // `w` is a slice of `s`: its end is its offset plus its length.
            keep.then(|| w.as_ptr() as usize - s.as_ptr() as usize + w.len())
        });
    irregular.chain(regular)
}

fn last_past(s: &str) -> Option<usize> {
    past_ends(s).max()
}

fn first_past(s: &str) -> Option<usize> {
    past_ends(s).min()
}

/// The tense of the clause a date sits in, told by the tense cue nearest
/// before the date ("it will begin the transfer from the relatives who have
/// cared for him since he was rescued in November": "was", not "will"), or,
/// when the date opens its clause, the nearest after it.
fn clause_tense(text: &str, sentence: std::ops::Range<usize>, start: usize, end: usize) -> Tense {
    const BREAKS: &[char] = &[',', ';', ':', '"', '\u{201c}', '\u{201d}', '(', ')', '`'];
    let before = &text[sentence.start.min(start)..start];
    let mut cut = before.rfind(BREAKS);
    // "will leave at 4 (4 a.m. Thursday)": a date in brackets is told in
    // the clause around them.
    if let Some(i) = cut.filter(|&i| before[i..].starts_with('(')) {
        cut = before[..i].rfind(BREAKS);
    }
    let clause = match cut {
        Some(i) => &before[i..],
        None => before,
    };
    let neutral = Tense {
        future: false,
        past: false,
    };
    // "Wednesday's ruling": a date that names an event, not the time of
    // the clause's verb.
    if text[end..].starts_with("'s") || text[end..].starts_with("\u{2019}s") {
        return neutral;
    }
    let opens_clause = clause.split_whitespace().count() <= 1;
    if opens_clause {
        if let Some(t) = tense_after(text, sentence.clone(), end) {
            return t;
        }
    }
    let deadline = before_deadline(before);
    let f = last_match(&cues().future, clause);
    let p = last_past(clause).filter(|_| !deadline);
    // "subpoenaed him to testify on Feb. 10": an infinitive after the past
    // verb carries the date, and looks ahead of it.
    if let Some(at) = p.filter(|&at| f.is_none_or(|f| f < at)) {
        if infinitive_after(&clause[at..]) {
            return neutral;
        }
    }
    if f.is_some() || p.is_some() {
        let future = f > p;
        return Tense {
            future,
            past: !future,
        };
    }
    neutral
}

/// The tense of the rest of the sentence after a date that opens its
/// clause ("Until Thursday, they had not called him"): its first cue.
fn tense_after(text: &str, sentence: std::ops::Range<usize>, end: usize) -> Option<Tense> {
    let after = &text[end..sentence.end.max(end)];
    let after = match after.find([';', '"', '\u{201c}', '\u{201d}']) {
        Some(i) => &after[..i],
        None => after,
    };
    let f = cues().future.find(after).map(|m| m.start());
    let p = first_past(after);
    match (f, p) {
        (Some(f), p) if p.is_none_or(|p| f < p) => Some(Tense {
            future: true,
            past: false,
        }),
        (_, Some(_)) => Some(Tense {
            future: false,
            past: true,
        }),
        _ => None,
    }
}

/// Whether `s` holds an infinitive ("to testify"): "to" and a lower-case
/// word that starts no noun phrase ("to a calendar year" is a place).
fn infinitive_after(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0].eq_ignore_ascii_case("to")
            && w[1].starts_with(|c: char| c.is_ascii_lowercase())
            && w[1].chars().all(|c| c.is_ascii_alphabetic())
            && !cues().not_verbs_after_to.contains(w[1])
    })
}

/// What a date's clause says of time: a future marker, or a finite past verb.
#[derive(Debug, Clone, Copy)]
struct Tense {
    future: bool,
    past: bool,
}

/// The date expressions of a text, matched once and readable against any
/// reference: inferring a document's reference date and then resolving its
/// dates against it costs one regex pass, not two.
pub struct Scan<'t> {
    text: &'t str,
    /// Each match, the tense of its clause, and the number of line breaks
    /// before it.
    matches: Vec<(Groups<'t>, Tense, usize)>,
}

impl<'t> Scan<'t> {
    /// Matches every date expression of `text`; `sentences` decide tense.
    pub fn new(text: &'t str, sentences: &[std::ops::Range<usize>]) -> Self {
        let mut matches = Vec::new();
        let (mut seen, mut line) = (0, 0);
        for c in date_regex().captures_iter(text) {
            let m = c.whole();
            line += memchr_count(&text.as_bytes()[seen..m.start()]);
            seen = m.start();
            let si = sentences.partition_point(|r| r.end <= m.start());
            let sentence = sentences
                .get(si)
                .filter(|r| r.start <= m.start())
                .cloned()
                .unwrap_or(m.start()..m.end());
            let tense = clause_tense(text, sentence, m.start(), m.end());
            matches.push((c, tense, line));
        }
        Scan { text, matches }
    }

    /// The dates and date ranges, read against `reference`.
    pub fn read(&self, reference: &Reference) -> Vec<Found> {
        let mut reader = Reader::new(reference);
        let mut hits = Vec::new();
        for (c, tense, line) in &self.matches {
            reader.line = *line;
            reader.past = tense.past;
            if let Some(h) = reader.read(self.text, c, tense.future) {
                hits.push(h);
            }
        }
        let hits = settle_offsets(self.text, &reader, hits);
        join_ranges(self.text, years_stated_after(self.text, hits))
    }
}

/// Every date in `text` as (start, end, kind, value), for the tests.
#[cfg(test)]
fn find_dates(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    reference: &Reference,
) -> Vec<(usize, usize, ClaimKind, ClaimValue)> {
    Scan::new(text, sentences)
        .read(reference)
        .into_iter()
        .map(|f| (f.start, f.end, f.kind, f.value))
        .collect()
}

fn memchr_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

impl Recogniser for Dates {
    fn find(&self, cx: &Context) -> Vec<Found> {
        Scan::new(cx.text, cx.sentences).read(cx.reference)
    }
}

/// Reads a whole string as one date ("2025-12-03", "Dec. 3, 2025", "June
/// 2025"). A range reads as its start.
pub fn parse_date(text: &str, reference: &Reference) -> Option<DateValue> {
    let mut t = text.trim();
    // An ISO timestamp ("2025-12-03T10:00:00Z") reads as its day.
    let b = t.as_bytes();
    if b.len() > 10
        && matches!(b[10], b'T' | b' ')
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
    {
        t = &t[..10];
    }
    let whole = 0..t.len();
    let found = Scan::new(t, std::slice::from_ref(&whole)).read(reference);
    match found.as_slice() {
        [Found {
            start: 0,
            end,
            value,
            ..
        }] if *end == t.len() => match value {
            ClaimValue::Date(d) => Some(d.clone()),
            ClaimValue::DateRange { from, .. } => Some(from.clone()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests;
