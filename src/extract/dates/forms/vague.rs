//! The present, the past and the future named without a date ("now",
//! "recently", "the near future"): TIMEX3's reference points.

use super::{Form, Match, Reading, Words, S};
use crate::extract::dates::reader::Reader;
use crate::extract::dates::{resolve, word_before};

pub(super) const PRESENT: Form = Form {
    pattern: present,
    read: read_present,
};

pub(super) const PAST: Form = Form {
    pattern: past,
    read: read_past,
};

pub(super) const FUTURE: Form = Form {
    pattern: future,
    read: read_future,
};

/// PRESENT_REF: now, currently, these days
fn present(_: &Words) -> String {
    format!(
        r"(?P<present>now|currently|nowadays|presently|at{S}present|these{S}days|the{S}present|current)(?-u:\b)"
    )
}

fn read_present(reader: &mut Reader, m: &Match) -> Option<Reading> {
    // "the then current price": the present of a past time.
    let v = if word_before(m.text, m.start) == "then" {
        "PAST_REF"
    } else {
        "PRESENT_REF"
    };
    Some(Reading::date(resolve::reference_point(v, reader.day_ref())))
}

/// PAST_REF: recently, in recent years, the past few months
fn past(_: &Words) -> String {
    format!(
        r"(?P<past>recently|lately|recent{S}(?:years|months|weeks|days|quarters)|(?:the{S})?(?:last|past){S}(?:few|several){S}(?:years|months|weeks|days|quarters)|past{S}years|the{S}past)(?-u:\b)"
    )
}

fn read_past(reader: &mut Reader, _: &Match) -> Option<Reading> {
    Some(Reading::date(resolve::reference_point(
        "PAST_REF",
        reader.day_ref(),
    )))
}

/// FUTURE_REF: the near future, the coming years
fn future(_: &Words) -> String {
    format!(
        r"(?P<future>the{S}(?:near|distant|not-too-distant){S}future|the{S}future|the{S}(?:near|short){S}term|(?:the{S})?coming{S}(?:years|months|weeks|days|quarters)|future{S}(?:years|quarters))(?-u:\b)"
    )
}

fn read_future(reader: &mut Reader, m: &Match) -> Option<Reading> {
    // "the future of the plan" is a topic, not a time.
    if m.text[m.end..]
        .trim_start_matches([' ', '\t'])
        .starts_with("of ")
    {
        return None;
    }
    Some(Reading::date(resolve::reference_point(
        "FUTURE_REF",
        reader.day_ref(),
    )))
}
