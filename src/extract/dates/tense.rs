//! The tense of the clause a date sits in, which tells a year-less date
//! ahead of the reference from one behind it.

use super::cues::cues;

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

/// Where the last future cue of `s` ends. A participle of arranging after
/// a determiner ("the planned march", "a scheduled vote") is an adjective,
/// which says the event was arranged, not whether it is still ahead ("the
/// planned march on Saturday drew 5,000").
fn last_future(s: &str) -> Option<usize> {
    cues()
        .future
        .find_iter(s)
        .filter(|m| !attributive(s, m.start(), m.as_str()))
        .last()
        .map(|m| m.end())
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
pub(super) fn clause_tense(
    text: &str,
    sentence: std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> Tense {
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
    let f = last_future(clause);
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
    if timetable_verb(clause) {
        return Tense {
            future: true,
            past: false,
        };
    }
    neutral
}

/// Whether `clause` holds a verb of a timetable in the present tense
/// ("meet", "resumes"): not after an auxiliary, "to", a negation or a
/// determiner, where it is an infinitive or a noun ("to meet", "the vote").
fn timetable_verb(clause: &str) -> bool {
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        cues().scheduled.contains(w.as_str())
            && i.checked_sub(1).is_none_or(|j| {
                let prev = words[j].as_str();
                !cues().not_before_scheduled.contains(prev) && !prev.ends_with("n't")
            })
    })
}

/// The tense of the rest of the sentence after a date that opens its
/// clause ("Until Thursday, they had not called him"): its first cue.
fn tense_after(text: &str, sentence: std::ops::Range<usize>, end: usize) -> Option<Tense> {
    let after = &text[end..sentence.end.max(end)];
    let after = match after.find([';', '"', '\u{201c}', '\u{201d}']) {
        Some(i) => &after[..i],
        None => after,
    };
    let first_future = cues()
        .future
        .find_iter(after)
        .find(|m| !attributive(after, m.start(), m.as_str()));
    // "On Friday, officials scheduled a vote": the date is when the
    // arranging was done, told in the past.
    if first_future.is_some_and(|m| arranging_done(after, m.start(), m.as_str())) {
        return Some(Tense {
            future: false,
            past: true,
        });
    }
    let f = first_future.map(|m| m.start());
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

/// The word before `at` in `s`, in lower case, with a straight apostrophe.
fn word_before(s: &str, at: usize) -> String {
    s[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace('\u{2019}', "'")
}

/// Whether the future cue `cue` opens with a past form of a verb of
/// arranging ("scheduled", "planned to").
fn of_arranging(cue: &str) -> bool {
    let verb = cue.split_whitespace().next().unwrap_or("");
    cues().arranged_past.contains(&verb.to_ascii_lowercase())
}

/// Whether the future cue `cue`, at `at` in `s`, is a participle of
/// arranging used as an adjective ("the planned march").
fn attributive(s: &str, at: usize, cue: &str) -> bool {
    of_arranging(cue) && super::is_determiner(&word_before(s, at))
}

/// Whether the future cue `cue`, at `at` in `s`, is the finite past verb
/// of an act of arranging ("officials scheduled", "the court postponed"),
/// not a passive after "be" ("the vote is scheduled") that looks ahead.
fn arranging_done(s: &str, at: usize, cue: &str) -> bool {
    if !of_arranging(cue) {
        return false;
    }
    let prev = word_before(s, at);
    // "'s" and "'re" are written onto the word before ("it's", "they're").
    let be = cues().be_present.iter().any(|b| {
        if b.starts_with('\'') {
            prev.ends_with(b.as_str())
        } else {
            prev == *b
        }
    });
    !be
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
pub(super) struct Tense {
    pub(super) future: bool,
    pub(super) past: bool,
}

/// The clause of one date match, whose tense is read when a reader first
/// asks for it: only a date that leaves its year or day to be picked, or
/// a quarter, needs it, and reading it costs a few scans of the clause.
pub(super) struct Clause<'t> {
    text: &'t str,
    sentence: std::ops::Range<usize>,
    start: usize,
    end: usize,
    tense: std::cell::OnceCell<Tense>,
}

impl<'t> Clause<'t> {
    pub(super) fn new(
        text: &'t str,
        sentence: std::ops::Range<usize>,
        start: usize,
        end: usize,
    ) -> Self {
        Clause {
            text,
            sentence,
            start,
            end,
            tense: std::cell::OnceCell::new(),
        }
    }

    fn tense(&self) -> Tense {
        *self
            .tense
            .get_or_init(|| clause_tense(self.text, self.sentence.clone(), self.start, self.end))
    }

    /// The clause speaks of the future.
    pub(super) fn future(&self) -> bool {
        self.tense().future
    }

    /// The clause is told in the past tense.
    pub(super) fn past(&self) -> bool {
        self.tense().past
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::tests::{day_ref, found};

    #[test]
    fn a_date_before_a_verb_of_arranging_dates_the_arranging() {
        // Told on a Wednesday: last Friday is 1 March, next Friday 8 March.
        let r = day_ref("2024-03-06");
        for (text, v) in [
            // The date opens the clause: when the plan was made.
            (
                "On Friday, the government planned to raise taxes.",
                "2024-03-01",
            ),
            ("Friday, officials scheduled a vote.", "2024-03-01"),
            ("On Friday, the court postponed the trial.", "2024-03-01"),
            // The date after the verb: the event planned.
            (
                "Protesters planned a large demonstration on Saturday.",
                "2024-03-09",
            ),
            ("Officials scheduled a vote for Tuesday.", "2024-03-12"),
            // Traps: a passive after "is" still looks ahead; a participle
            // after a determiner is an adjective; a past verb nearer the
            // date decides.
            (
                "Friday, the vote is scheduled to begin at noon.",
                "2024-03-08",
            ),
            ("On Friday, they\u{2019}re expected to vote.", "2024-03-08"),
            ("The planned march on Saturday drew 5,000.", "2024-03-02"),
            (
                "On Saturday, the planned march will go ahead.",
                "2024-03-09",
            ),
            ("Officials said Friday they planned a vote.", "2024-03-01"),
        ] {
            let got = found(text, &r);
            assert_eq!(got[0].1, v, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_timetable_verb_in_the_present_looks_ahead() {
        // Told on a Friday.
        let r = day_ref("1998-05-01");
        for text in [
            "He and Arafat meet separately Monday with Albright.",
            "Talks resume Monday in Belfast.",
            "They meet Monday.",
            "The Senate reconvenes Tuesday.",
        ] {
            let got = found(text, &r);
            assert!(got[0].1.as_str() > "1998-05-01", "{text}: {got:?}");
        }
        // Past, negated, an infinitive after a past verb, a noun: not ahead.
        for text in [
            "They met Monday.",
            "They did not meet Monday.",
            "He agreed to meet Monday.",
            "The vote Tuesday was close.",
            "Senators cast their final votes Tuesday.",
            "Officials said Monday that talks were over.",
        ] {
            let got = found(text, &r);
            assert!(got[0].1.as_str() < "1998-05-01", "{text}: {got:?}");
        }
    }
}
