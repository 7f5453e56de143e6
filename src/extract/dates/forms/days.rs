//! Days told by a word rather than a date: "yesterday", "the day after
//! tomorrow", "this morning", "last night", "that day", "the next morning",
//! "Friday", "the weekend".

use super::{first_word, Form, Match, Reading, Words, S};
use crate::extract::dates::cues::cues;
use crate::extract::dates::reader::{Anchor, Reader, ANCHOR_LINES};
use crate::extract::dates::{resolve, word_before, Hit, Spec};
use crate::lang::calendar::weekday_number;
use crate::model::Granularity;
use jiff::ToSpan;

pub(super) const WEEKEND: Form = Form {
    pattern: weekend,
    read: read_weekend,
};

pub(super) const DEICTIC: Form = Form {
    pattern: deictic,
    read: read_deictic,
};

pub(super) const DAY_PART: Form = Form {
    pattern: part_of_day,
    read: read_part_of_day,
};

pub(super) const ANAPHORIC: Form = Form {
    pattern: anaphoric,
    read: read_anaphoric,
};

pub(super) const WEEKDAY: Form = Form {
    pattern: weekday,
    read: read_weekday,
};

/// the weekend, this weekend, last weekend
fn weekend(_: &Words) -> String {
    format!(r"(?P<weekend>(?:the|this|last|next|that){S}weekend(?-u:\b))")
}

fn read_weekend(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let det = m.text[m.start..m.end]
        .split_whitespace()
        .next()?
        .to_ascii_lowercase();
    Some(Reading::date(match reader.day_ref() {
        Some(r) => {
            let rw = r.weekday().to_monday_one_offset();
            let off: i64 = match det.as_str() {
                "last" => -1,
                "next" => 1,
                "this" => 0,
                // "the weekend": the one just past early in the week.
                _ if rw <= 3 && !m.future() => -1,
                _ => 0,
            };
            resolve::weekend(r.checked_add((off * 7).days()).ok()?, true)?
        }
        None => resolve::unanchored("XXXX-WXX-WE".into(), Granularity::Week),
    }))
}

/// yesterday, the day after tomorrow, tonight
fn deictic(w: &Words) -> String {
    let Words { part_of_day, .. } = w;
    format!(
        r"(?P<deictic>(?:the{S}day{S}(?P<deictic_shift>before|after){S})?(?P<deictic_day>today|yesterday|tomorrow|tonight)(?-u:\b)(?:{S}{part_of_day})?)"
    )
}

fn read_deictic(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let (text, start, end) = (m.text, m.start, m.end);
    let w = m.get("deictic_day")?;
    let rday = reader.day_ref();
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
            return Some(Reading::hit(
                m,
                resolve::reference_point("PRESENT_REF", rday),
            ));
        }
    }
    // "the people of tomorrow", "the world of yesterday": an age, not a
    // day ("the events of yesterday", "as of yesterday" keep their day).
    if m.get("deictic_shift").is_none() && word_before(text, start) == "of" {
        let of = text[..start].trim_end().len() - 2;
        if cues().present_age_nouns.contains(&word_before(text, of)) {
            return None;
        }
    }
    let base: i64 = match w.to_ascii_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    };
    let extra: i64 = match m.get("deictic_shift").map(|s| s.to_ascii_lowercase()) {
        Some(s) if s == "before" => -1,
        Some(_) => 1,
        None => 0,
    };
    Some(Reading::date(match rday {
        Some(r) => resolve::day(r.checked_add((base + extra).days()).ok()?, true),
        None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
    }))
}

/// this morning, last night
fn part_of_day(w: &Words) -> String {
    let Words { part_of_day, .. } = w;
    format!(r"(?P<part_of_day>(?P<pod_det>this|last){S}{part_of_day})")
}

/// "This morning" is the reference day; "last night" the one before.
fn read_part_of_day(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let d = m.get("pod_det")?;
    let back = if d.eq_ignore_ascii_case("last") {
        -1
    } else {
        0
    };
    Some(Reading::date(match reader.day_ref() {
        Some(r) => resolve::day(r.checked_add(back.days()).ok()?, true),
        None => resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
    }))
}

/// that day, earlier that day, the next morning, the day before
fn anaphoric(_: &Words) -> String {
    format!(
        r"(?P<anaphoric_day>(?:(?:earlier|later){S})?(?:that|the{S}same|that{S}same){S}(?:day|morning|afternoon|evening|night)(?-u:\b)|the{S}(?P<ad_next>next|following|previous|preceding){S}(?:day|morning|afternoon|evening|night)(?-u:\b)|the{S}day{S}(?P<ad_before_after>before|after)(?-u:\b))"
    )
}

fn read_anaphoric(reader: &mut Reader, m: &Match) -> Option<Reading> {
    // "the day before the vote": told against what follows.
    let against_next = m.get("ad_before_after").filter(|_| {
        m.text[m.end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| c.is_alphanumeric())
    });
    if let Some(ba) = against_next {
        let k = if ba.eq_ignore_ascii_case("before") {
            -1
        } else {
            1
        };
        return Some(Reading::Hit(Hit::single(
            m.start,
            m.end,
            resolve::unanchored("XXXX-XX-XX".into(), Granularity::Day),
            Spec::Offset(k, "day"),
            false,
        )));
    }
    // A day told against the last day stated, never against the
    // reference: with no such day in reach, it is no date.
    let shift: i64 = match (m.get("ad_next"), m.get("ad_before_after")) {
        (Some(d), _) | (_, Some(d)) => match d.to_ascii_lowercase().as_str() {
            "next" | "following" | "after" => 1,
            _ => -1,
        },
        _ => 0,
    };
    match reader.anchor {
        Some(Anchor::Day(d)) if reader.line <= reader.anchor_line + ANCHOR_LINES => Some(
            Reading::date(resolve::day(d.checked_add(shift.days()).ok()?, true)),
        ),
        _ => None,
    }
}

/// Friday, Friday night, the previous Friday, the following Monday
fn weekday(w: &Words) -> String {
    let Words {
        weekday,
        part_of_day,
        ..
    } = w;
    format!(
        r"(?P<weekday_form>(?:the{S}(?P<wd_around>previous|preceding|following|next){S})?(?P<weekday>{weekday})(?:{S}{part_of_day})?)"
    )
}

fn read_weekday(reader: &mut Reader, m: &Match) -> Option<Reading> {
    let wd = weekday_number(m.get("weekday")?)?;
    // "the previous Friday", "the following Monday": told against the last
    // day stated, the nearest such weekday before or after it.
    if let Some(around) = m.get("wd_around") {
        let back = matches!(
            around.to_ascii_lowercase().as_str(),
            "previous" | "preceding"
        );
        let base = match reader.anchor {
            Some(Anchor::Day(d)) if reader.line <= reader.anchor_line + ANCHOR_LINES => Some(d),
            _ => reader.day_ref(),
        };
        return Some(Reading::date(match base {
            Some(b) => {
                let diff = (wd - b.weekday().to_monday_one_offset()) as i64;
                let by = if back {
                    -(if diff < 0 { -diff } else { 7 - diff })
                } else if diff > 0 {
                    diff
                } else {
                    diff + 7
                };
                resolve::day(b.checked_add(by.days()).ok()?, true)
            }
            None => resolve::unanchored(format!("XXXX-WXX-{wd}"), Granularity::Day),
        }));
    }
    Some(Reading::date(match reader.day_ref() {
        Some(r) => {
            let rw = r.weekday().to_monday_one_offset();
            let diff = (wd - rw) as i64;
            // The reference's own weekday is the reference day,
            // whatever the tense: a report names today by its weekday.
            let d = if m.future() {
                r.checked_add((if diff >= 0 { diff } else { diff + 7 }).days())
                    .ok()?
            } else {
                r.checked_sub((if diff <= 0 { -diff } else { 7 - diff }).days())
                    .ok()?
            };
            resolve::day(d, true)
        }
        None => resolve::unanchored(format!("XXXX-WXX-{wd}"), Granularity::Day),
    }))
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

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn the_people_of_tomorrow_is_no_day() {
        let r = day_ref("1989-11-02");
        assert!(found("If I were choosing the people of tomorrow, I would.", &r).is_empty());
        assert!(found("It was the world of yesterday.", &r).is_empty());
        // A day still: the events of a day, "as of", or anywhere else.
        assert_eq!(
            found("The events of yesterday shook them.", &r)[0].1,
            "1989-11-01"
        );
        assert_eq!(found("As of yesterday, 300 signed.", &r)[0].1, "1989-11-01");
        assert_eq!(found("The vote is tomorrow.", &r)[0].1, "1989-11-03");
        assert_eq!(found("Shares rose yesterday.", &r)[0].1, "1989-11-01");
    }

    #[test]
    fn the_previous_weekday_is_told_against_the_last_day_stated() {
        // Told on a Monday: "Friday" is three days back, "the previous
        // Friday" a week before that.
        let r = day_ref("1989-10-30");
        let got = found(
            "On Friday, the index closed at 2082.1, down 4.5% from the previous Friday.",
            &r,
        );
        assert_eq!(got[0].1, "1989-10-27");
        assert_eq!(
            got[1],
            ("the previous Friday".to_string(), "1989-10-20".to_string())
        );
        let got = found(
            "The strike began on Oct. 3. The following Monday, talks resumed.",
            &r,
        );
        assert_eq!(got[1].1, "1989-10-09");
        // With no day stated, the reference is the day told against.
        assert_eq!(
            found("Talks resumed the following Monday.", &r)[0].1,
            "1989-11-06"
        );
        // "the next day" stays a day after the last one stated.
        let got = found("It met on Friday. The next day it closed.", &r);
        assert_eq!(got[1].1, "1989-10-28");
    }
}
