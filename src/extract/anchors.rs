//! Dates told against an event the document dates elsewhere: "The mayor
//! was killed on October 23. The day after his death, police searched the
//! woods." The date stage cannot read "the day after his death" (no date
//! follows it); the frames, built later, say which dated claim is of that
//! event. The reference is never the anchor: an event the document does
//! not date leaves the offset without a date. A date dates the event its
//! clause's verb names, and the one the subject names when the verb only
//! says it took place ("The vote was held on May 5").

use super::dates::Pending;
use super::frame::content_concept;
use super::{Found, Range};
use crate::lang::lexicon::{Lexicon, Occurrence};
use crate::lang::tokens::{tokenize, Token};
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
    let subjects: Vec<Option<String>> = found
        .iter()
        .map(|f| match &f.value {
            // Only a day can anchor an offset ("now" is no day).
            ClaimValue::Date(d) if d.granularity == Granularity::Day => {
                subject_event(lex, text, sentences, f)
            }
            _ => None,
        })
        .collect();
    let dated = Dated {
        found,
        frames,
        subjects: &subjects,
    };
    let mut out = Vec::new();
    for p in pending {
        // "He was last seen Nov. 3, the day before authorities issued a
        // warrant", or " - the day before": in apposition to a date, the
        // offset restates it, and the event it names is dated by that
        // date, not the other way.
        if found.iter().any(|f| {
            matches!(f.kind, ClaimKind::Date | ClaimKind::DateRange)
                && f.end <= p.start
                && matches!(
                    text[f.end..p.start].trim(),
                    "," | "-" | "\u{2013}" | "\u{2014}"
                )
        }) {
            continue;
        }
        let end = super::sentence_of(sentences, p.start).map_or(text.len(), |i| sentences[i].end);
        let Some(event) = event_named(lex, &text[p.end..end.max(p.end)]) else {
            continue;
        };
        // Its own concept first; only a story that dates nothing of it may
        // lend the date of what it came of ("shot", for "his death").
        let day = match dated.days_of(&event) {
            Some(days) => one(days),
            None => lex
                .dated_with(&event)
                .iter()
                .find_map(|kin| dated.days_of(kin))
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

/// The document's date claims with the events each dates: the frame's
/// (its clause's verb) and the subject's, if its verb says only that it
/// took place.
struct Dated<'a> {
    found: &'a [Found],
    frames: &'a [Frame],
    subjects: &'a [Option<String>],
}

impl Dated<'_> {
    /// The days the document dates an event of a concept on, or `None`
    /// when it dates none.
    fn days_of(&self, event: &str) -> Option<Vec<jiff::civil::Date>> {
        let mut days: Vec<jiff::civil::Date> = (self.found.iter())
            .zip(self.frames)
            .zip(self.subjects)
            .filter(|((_, fr), subject)| {
                fr.attribute == "date"
                    && (fr.event.as_deref() == Some(event) || subject.as_deref() == Some(event))
            })
            .filter_map(|((f, _), _)| match &f.value {
                ClaimValue::Date(d) if d.granularity == Granularity::Day => Some(d.interval?.start),
                _ => None,
            })
            .collect();
        days.sort_unstable();
        days.dedup();
        (!days.is_empty()).then_some(days)
    }
}

/// The event a date's clause names by the subject of a verb that says it
/// took place: "the vote" in "The vote was held on May 5", "the wedding"
/// in "the wedding is on Saturday", "On May 5, the vote was held" and
/// "There was a vote on May 5".
fn subject_event(
    lex: &Lexicon,
    text: &str,
    sentences: &[Range<usize>],
    f: &Found,
) -> Option<String> {
    // "Tuesday's vote": the date names a thing, it is not told of the verb.
    let after = &text[f.end..];
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return None;
    }
    let occ = lex.occurrence();
    let sentence = &sentences[super::sentence_of(sentences, f.start)?];
    let before = tokenize(&text[sentence.start..f.start]);
    told_before(lex, occ, &before)
        .or_else(|| existential(lex, occ, &before))
        .or_else(|| {
            let after = tokenize(&text[f.end..sentence.end.max(f.end)]);
            fronted(lex, occ, &before, &after)
        })
}

/// Where the words before a date that may name its event end: before the
/// "on" that introduces the date and the place named before that ("held
/// in Port Ellis on"), and whether there was such an "on".
fn before_on(toks: &[Token]) -> (usize, bool) {
    let mut k = toks.len();
    if toks.last().is_none_or(|t| t.lower != "on") {
        return (k, false);
    }
    k -= 1;
    let mut j = k;
    while j > 0 && k - j < 4 && toks[j - 1].word && toks[j - 1].cap && !toks[j - 1].digit {
        j -= 1;
    }
    if j < k && j > 0 && toks[j - 1].lower == "the" {
        j -= 1;
    }
    if j < k && j > 0 && matches!(&*toks[j - 1].lower, "in" | "at") {
        k = j - 1;
    }
    (k, true)
}

/// The subject of a verb that says it took place, told before the date:
/// only a subject standing right before the verb, and the date right after
/// it (or after "on", and a place named before that). In "He held talks on
/// May 5" the talks are no subject, and in "turnout in the vote was on May
/// 5" the vote is no subject either.
fn told_before(lex: &Lexicon, occ: &Occurrence, toks: &[Token]) -> Option<String> {
    let (k, _) = before_on(toks);
    // The verb by its lemma, the rest of a phrase as written ("took place").
    let (verb, passive) = occ.verbs.iter().find_map(|(words, passive)| {
        let at = k.checked_sub(words.len())?;
        let (first, rest) = toks[at..k].split_first()?;
        (first.word
            && first.lemma() == words[0]
            && rest.iter().zip(&words[1..]).all(|(t, w)| t.lower == *w))
        .then_some((at, *passive))
    })?;
    // Auxiliaries and adverbs ("was finally held"); a passive needs "be"
    // nearest the verb.
    let mut h = verb;
    let mut be = None;
    while let Some(t) = h.checked_sub(1).map(|i| &toks[i]) {
        if occ.is_auxiliary(&t.lower) {
            be.get_or_insert(t.lemma() == "be");
        } else if !is_adverb(t) {
            break;
        }
        h -= 1;
    }
    // "the referendum held on June 23": a participle right after its noun
    // (a reduced relative clause), with no auxiliary.
    let reduced = passive && be.is_none() && h == verb;
    if passive && be != Some(true) && !reduced {
        return None;
    }
    // "the vote, which was held": the noun the relative stands for.
    if h > 0 && occ.is_relative(&toks[h - 1].lower) {
        if reduced {
            // "the court that held on May 5 that ...": active.
            return None;
        }
        h -= 1;
        if h > 0 && toks[h - 1].lower == "," {
            h -= 1;
        }
    }
    let head = toks.get(h.checked_sub(1)?)?;
    if head.is_possessive() {
        return None;
    }
    let event = content_concept(lex, head)?;
    // The noun phrase's start: its modifiers, then a determiner or a
    // possessive ("the presidential vote", "Sunday's vote").
    let mut s = phrase_start(lex, toks, h - 1);
    let determined =
        s > 0 && (super::dates::is_determiner(&toks[s - 1].lower) || toks[s - 1].is_possessive());
    if determined {
        s -= 1;
    }
    if reduced {
        // The participle tells of the noun it follows, inside a phrase or
        // not ("results of the referendum held on"); a noun phrase that
        // opens the sentence is the verb's subject ("The council held on
        // May 5 that ..."), and the verb active.
        return (determined && s > 0).then_some(event);
    }
    if s > 0 && occ.not_before_subject(&toks[s - 1].lower) {
        return None;
    }
    Some(event)
}

/// "There was a vote on May 7", "there will be a referendum on June 23":
/// an existential clause says its noun took place on the date.
fn existential(lex: &Lexicon, occ: &Occurrence, toks: &[Token]) -> Option<String> {
    let (k, on) = before_on(toks);
    if !on {
        return None;
    }
    let head = toks.get(k.checked_sub(1)?)?;
    if !head.word || head.is_possessive() {
        return None;
    }
    let event = content_concept(lex, head)?;
    let s = phrase_start(lex, toks, k - 1);
    if s == 0 || !super::dates::is_determiner(&toks[s - 1].lower) {
        return None;
    }
    // "be" among the auxiliaries before the noun phrase, and "there" first.
    let mut h = s - 1;
    let mut be = false;
    while h > 0 && occ.is_auxiliary(&toks[h - 1].lower) {
        be |= toks[h - 1].lemma() == "be";
        h -= 1;
    }
    (be && h > 0 && occ.is_existential(&toks[h - 1].lower)).then_some(event)
}

/// "On May 5, the vote was held": a date before its clause, which names
/// the event by its subject after the comma. Only a date that opens the
/// sentence (after "On", if any).
fn fronted(lex: &Lexicon, occ: &Occurrence, before: &[Token], after: &[Token]) -> Option<String> {
    if !(before.is_empty() || (before.len() == 1 && before[0].lower == "on")) {
        return None;
    }
    if after.first()?.lower != "," {
        return None;
    }
    let det = after.get(1)?;
    if !(super::dates::is_determiner(&det.lower) || (det.cap && det.is_possessive())) {
        return None;
    }
    // The noun phrase, up to the verb group.
    let mut k = 2;
    let mut head = None;
    while let Some(t) = after.get(k) {
        if k - 2 == PHRASE_WORDS
            || (head.is_some() && (occ.is_auxiliary(&t.lower) || verb_at(occ, after, k).is_some()))
            || !t.word
            || t.is_possessive()
        {
            break;
        }
        let Some(c) = content_concept(lex, t) else {
            break;
        };
        head = Some(c);
        k += 1;
    }
    let head = head?;
    // Auxiliaries and adverbs; a passive needs "be" nearest the verb.
    let mut be = None;
    while let Some(t) = after.get(k) {
        if occ.is_auxiliary(&t.lower) {
            be = Some(t.lemma() == "be");
        } else if !is_adverb(t) {
            break;
        }
        k += 1;
    }
    let (_, passive) = verb_at(occ, after, k)?;
    if passive && be != Some(true) {
        return None;
    }
    Some(head)
}

/// The verb at token `k` that says its subject took place, by its lemma
/// and the rest of its phrase as written ("took place"): its length in
/// tokens, and whether it says so only in the passive.
fn verb_at(occ: &Occurrence, toks: &[Token], k: usize) -> Option<(usize, bool)> {
    occ.verbs.iter().find_map(|(words, passive)| {
        let (first, rest) = toks.get(k..k + words.len())?.split_first()?;
        (first.word
            && first.lemma() == words[0]
            && rest.iter().zip(&words[1..]).all(|(t, w)| t.lower == *w))
        .then_some((words.len(), *passive))
    })
}

/// "finally", "formally": an adverb in a verb group.
fn is_adverb(t: &Token) -> bool {
    t.word && t.lower.len() > 4 && t.lower.ends_with("ly")
}

/// Where the noun phrase whose head is token `head` starts: its modifiers
/// (content words, up to [`PHRASE_WORDS`] in all).
fn phrase_start(lex: &Lexicon, toks: &[Token], head: usize) -> usize {
    let mut s = head;
    while s > 0 && head + 1 - s < PHRASE_WORDS {
        let t = &toks[s - 1];
        if !(t.word && !t.is_possessive() && content_concept(lex, t).is_some()) {
            break;
        }
        s -= 1;
    }
    s
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
                ClaimValue::Date(d) => Some((c.surface().to_string(), d.value.to_string())),
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
        let got = dates(
            "The ceremony was held on March 5, 2005. Voting ended on March 1, 2005 \
             - five days before the ceremony.",
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
    fn an_event_a_subject_names_is_dated_by_its_clause() {
        for (text, v) in [
            (
                "The vote was held on May 5, 2024. Five days before the vote, \
                 the minister resigned.",
                "2024-04-30",
            ),
            (
                "The election took place on May 5, 2024. The day after the \
                 election, the minister resigned.",
                "2024-05-06",
            ),
            (
                "The wedding is on June 8, 2024. The day before the wedding, \
                 the guests arrived.",
                "2024-06-07",
            ),
            (
                "The merger was finally completed on March 3, 2021. A week after \
                 the merger, the chief executive left.",
                "2021-03-10",
            ),
            (
                "The awards ceremony will be held in Port Ellis on March 14, \
                 2019. Two days before the ceremony, the nominees met.",
                "2019-03-12",
            ),
            (
                "The vote, which was held on May 5, 2024, was close. The day \
                 after the vote, the minister resigned.",
                "2024-05-06",
            ),
            (
                "Officials said the presidential vote will be held on May 5, 2024. \
                 The day before the vote, polls close.",
                "2024-05-04",
            ),
            // The date before its clause, a clause saying there was one, a
            // participle after its noun.
            (
                "On May 5, 2024, the vote was held in the capital. Two days before \
                 the vote, protesters gathered.",
                "2024-05-03",
            ),
            (
                "June 8, 2024, the wedding took place. The day after the wedding, \
                 the guests left.",
                "2024-06-09",
            ),
            (
                "There was a vote on May 7, 2024. Two days before the vote, \
                 protesters gathered.",
                "2024-05-05",
            ),
            (
                "There will be a referendum on June 23, 2016. A week before the \
                 referendum, the polls closed.",
                "2016-06-16",
            ),
            (
                "Officials said the vote held on May 5, 2024 was fair. Two days \
                 before the vote, protesters gathered.",
                "2024-05-03",
            ),
            (
                "The results of the referendum held in Port Ellis on June 23, 2016 \
                 surprised many. A week before the referendum, the polls closed.",
                "2016-06-16",
            ),
        ] {
            let got = dates(text);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1].1, v, "{text}");
        }
    }

    #[test]
    fn a_noun_that_is_not_the_subject_of_a_taking_place_verb_is_not_dated() {
        for text in [
            // The object, not the subject: the talks were held, not the vote.
            "He held talks on May 5, 2024. The day before the vote, the minister resigned.",
            "The party held the vote on May 5, 2024. The day before the vote, he resigned.",
            // Active, "hold" says who acts, not what happened.
            "The council held on May 5, 2024 that the deal stood. The day before the \
             council, he resigned.",
            // Inside another noun phrase.
            "The protest against the vote was held on May 5, 2024. The day before the \
             vote, he resigned.",
            // Where a place does not run straight to the date.
            "The vote was held in the city hall on May 5, 2024. The day before the \
             vote, he resigned.",
            // Not held.
            "The vote was not held on May 5, 2024. The day before the vote, he resigned.",
            // Another event.
            "The rally was held on May 5, 2024. The day before the vote, he resigned.",
            // One event noun, two days.
            "The vote was held on May 5, 2024. A second vote was held on May 9, 2024. \
             The day after the vote, he resigned.",
            // A clause after its date that does not say the event took place.
            // Put off, not held.
            "On May 5, 2024, the vote was postponed. The day before the vote, he resigned.",
            // The subject is who spoke.
            "On May 5, 2024, the minister said the vote was close. The day before the \
             vote, he resigned.",
            // The vote's result, not the vote.
            "On May 5, 2024, the vote's result was announced. The day before the vote, \
             he resigned.",
            // A deadline: held by then, not on the day.
            "By May 5, 2024, the vote was held. The day before the vote, he resigned.",
            // A noun opening the sentence is the subject of an active "held".
            "The court held on May 5, 2024 that the vote stood. The day before the \
             court, he resigned.",
            // A relative pronoun before an active "held".
            "It was the court that held on May 5, 2024 that the vote stood. The day \
             before the court, he resigned.",
            // "There" as a place, not an existential.
            "The vote there was postponed on May 5, 2024. The day before the vote, he \
             resigned.",
        ] {
            let got = dates(text);
            assert!(
                !got.iter().any(|(s, _)| s.starts_with("The day")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_delay_is_no_date() {
        let got = dates("The launch was held on May 5, 2024, a week later than planned.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
