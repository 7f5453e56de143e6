//! Dates told against an event the document dates elsewhere: "The mayor
//! was killed on October 23. The day after his death, police searched the
//! woods." The date stage cannot read "the day after his death" (no date
//! follows it); the frames, built later, say which dated claim is of that
//! event. The reference is never the anchor: an event the document does
//! not date leaves the offset without a date.

use super::dates::Pending;
use super::frame::content_concept;
use super::{Found, Range};
use crate::lang::lexicon::Lexicon;
use crate::lang::tokens::tokenize;
use crate::model::{ClaimKind, ClaimValue, Frame, Granularity};

/// Content words an event's noun phrase may run to ("the planned raid").
const PHRASE_WORDS: usize = 4;

/// The pending offsets whose event the document dates once, at day
/// granularity, each read as a date claim. An event dated on two different
/// days is ambiguous, and gives nothing.
pub fn settle(
    text: &str,
    sentences: &[Range<usize>],
    pending: &[Pending],
    found: &[Found],
    frames: &[Frame],
) -> Vec<Found> {
    if pending.is_empty() {
        return Vec::new();
    }
    let lex = Lexicon::bundled();
    let mut out = Vec::new();
    for p in pending {
        // "He was last seen Nov. 3, the day before authorities issued a
        // warrant": in apposition to a date, the offset restates it, and
        // the event it names is dated by that date, not the other way.
        if found.iter().any(|f| {
            matches!(f.kind, ClaimKind::Date | ClaimKind::DateRange)
                && f.end <= p.start
                && text[f.end..p.start].trim() == ","
        }) {
            continue;
        }
        let end = super::sentence_of(sentences, p.start).map_or(text.len(), |i| sentences[i].end);
        let Some(event) = event_named(lex, &text[p.end..end.max(p.end)]) else {
            continue;
        };
        // Its own concept first; only a story that dates nothing of it may
        // lend the date of what it came of ("shot", for "his death").
        let day = match days_of(found, frames, |e| e == event) {
            Some(days) => one(days),
            None => lex
                .dated_with(&event)
                .iter()
                .find_map(|kin| days_of(found, frames, |e| e == kin))
                .and_then(one),
        };
        let Some(v) = day.and_then(|d| p.settle(d)) else {
            continue;
        };
        out.push(Found {
            kind: ClaimKind::Date,
            start: p.start,
            end: p.end,
            value: ClaimValue::Date(v),
            ends: None,
        });
    }
    out
}

/// The days the document dates an event of a concept on, or `None` when it
/// dates none.
fn days_of(
    found: &[Found],
    frames: &[Frame],
    is_event: impl Fn(&str) -> bool,
) -> Option<Vec<jiff::civil::Date>> {
    let mut days: Vec<jiff::civil::Date> = found
        .iter()
        .zip(frames)
        .filter(|(_, fr)| fr.attribute == "date" && fr.event.as_deref().is_some_and(&is_event))
        .filter_map(|(f, _)| match &f.value {
            ClaimValue::Date(d) if d.granularity == Granularity::Day => Some(d.interval?.start),
            _ => None,
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    (!days.is_empty()).then_some(days)
}

fn one(days: Vec<jiff::civil::Date>) -> Option<jiff::civil::Date> {
    match days.as_slice() {
        [d] => Some(*d),
        _ => None,
    }
}

/// The concept of the event an offset is told against: the head of the
/// noun phrase that follows ("his death", "the planned raid", "Smith's
/// arrest"). A clause ("after he was shot", "after being born") is not
/// read: its subject may be another person than the one the document dates
/// the same kind of event for ("Brown was born on 20 February 1951 … his
/// daughter died 10 days after being born").
fn event_named(lex: &Lexicon, after: &str) -> Option<String> {
    let toks = tokenize(after);
    let first = toks.first()?;
    if !(super::dates::is_determiner(&first.lower) || (first.cap && first.is_possessive())) {
        return None;
    }
    let mut head = None;
    let mut run = 0;
    for t in toks {
        if !t.word {
            break;
        }
        // A possessive ("Smith's arrest") stands where a determiner would.
        let possessive = t.is_possessive();
        match content_concept(lex, &t).filter(|_| !possessive) {
            Some(c) => {
                head = Some(c);
                run += 1;
                if run == PHRASE_WORDS {
                    break;
                }
            }
            None if head.is_some() && !possessive => break,
            None => {}
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Options};
    use crate::model::{ClaimKind, ClaimValue, Document, FrontMatter};

    /// The dates of a text, as (surface, value).
    fn dates(text: &str) -> Vec<(String, String)> {
        let doc = Document {
            path: "t.txt".into(),
            text: text.into(),
            body_start: 0,
            front_matter: FrontMatter::default(),
        };
        extract(&doc, &Options::default())
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .filter_map(|c| match &c.value {
                ClaimValue::Date(d) => Some((c.surface.clone(), d.value.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_day_after_an_event_the_story_dates() {
        let got = dates(
            "The mayor was killed on October 23, 1998. The day after his death, \
             police searched the woods.",
        );
        assert_eq!(got[1], ("The day after".into(), "1998-10-24".into()));
        // A murder is the death: one day.
        let got = dates(
            "The mayor was murdered on October 23, 1998. The day after his death, \
             police searched the woods.",
        );
        assert_eq!(got[1], ("The day after".into(), "1998-10-24".into()));
        // A shooting is not: its victim may die days later.
        let got = dates(
            "The mayor was shot on October 23, 1998. The day after his death, \
             police searched the woods.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn so_many_days_before_an_event_the_story_dates() {
        let got = dates(
            "Parliament voted on May 5, 2024. Five days before the vote, \
             the minister resigned.",
        );
        assert_eq!(got[1], ("Five days before".into(), "2024-04-30".into()));
        let got = dates(
            "Agents raided the compound on March 3, 2021. Two weeks earlier than \
             the raid, they had met.",
        );
        assert_eq!(got[1].1, "2021-02-17");
        // "the year before" an event is a year.
        let got = dates("Ohio voted on November 2, 2004. The year before the vote, he ran.");
        assert_eq!(got[1], ("The year before".into(), "2003".into()));
    }

    #[test]
    fn an_event_the_story_never_dates_gives_no_date() {
        let got = dates(
            "The report was published on May 5, 2024. Five days before the raid, \
             the minister resigned.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn an_event_dated_twice_differently_gives_no_date() {
        let got = dates(
            "Parliament voted on May 5, 2024 and voted again on May 9, 2024. \
             The day after the vote, the minister resigned.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn an_offset_in_apposition_to_a_date_is_not_anchored_again() {
        let got = dates(
            "Police searched the woods on Nov. 4, 1998. He was last seen Nov. 3, \
             the day before the search.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_clause_after_the_offset_names_no_event() {
        // Another person's birth: the clause's subject is not read.
        let got = dates(
            "Brown was born on 20 February 1951. His daughter died 10 days after \
             being born.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = dates(
            "Agents raided the compound on March 3, 2021. Two weeks after they \
             raided it, the leader fled.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_delay_is_no_date() {
        let got = dates("The launch was held on May 5, 2024, a week later than planned.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
