//! Quote conflict: the same words quoted with some of them changed.
//!
//! A quote that appears word for word inside another source's quote (after
//! normalising case, punctuation and quote marks) corroborates it. A quote
//! that matches another closely but not exactly is a misquote in one of them.

use super::rule::{Rule, Said};
use super::Severity;
use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::ClaimValue;
use rayon::prelude::*;

pub static RULE: Rule = Rule {
    kind: FindingKind::QuoteConflict,
    id: "quote-conflict",
    name: "QuoteConflict",
    short: "The same speaker is quoted with changed words",
    help: "Two sources quote the same speaker with nearly the same words but some changed. \
           Outlets transcribe speech differently, so between sources this is at most a warning; \
           a draft that changes a word of what a reference quotes verbatim is an error. Compare \
           with a recording or transcript.",
    level: Severity::Error,
    // Outlets transcribe speech differently; a changed word is worth a
    // look, not a failed build, whichever side has more sources.
    between_sources: Some(Severity::Warning),
    groups_values: false,
    states_one_fact: true,
    contradicts: true,
    relate: Some(relate),
    message,
    in_words,
};

fn message(s: &Said) -> String {
    format!(
        "`{}` here, but {} other source{} quotes the same words as {} ({} vs {})",
        s.here,
        s.against,
        if s.against == 1 { "" } else { "s" },
        s.theirs,
        s.support,
        s.against
    )
}

fn in_words(s: &Said) -> String {
    match s.copies {
        Some(_) => format!(
            "{} here, but a copy of the same text quotes {}",
            s.here, s.theirs
        ),
        None => format!(
            "{} here, but {} {} the same words as {} ({})",
            s.here,
            s.others(),
            s.verb("quotes", "quote"),
            s.theirs,
            s.sides()
        ),
    }
}

/// Quotes shorter than this many words are too short to call misquoted.
pub const MIN_WORDS: usize = 5;
/// Word-level likeness above which differing quotes are the same quote.
pub const MIN_LIKENESS: f64 = 0.75;

fn words(q: &str) -> Vec<String> {
    q.replace(['\u{2019}', '\u{2018}'], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == ':'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == ':'))
        // "6:00" and "6" are the same time as spoken.
        .map(|w| w.strip_suffix(":00").unwrap_or(w))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Spelling variants of one word ("neighbourhood"/"neighborhood",
/// "realised"/"realized") are not a change of words.
fn same_word(a: &str, b: &str) -> bool {
    // Cheapest tests first: this runs for every word of every window of
    // every pair of quotes (seven characters take at least seven bytes).
    a == b
        || (a.len() >= 7
            && b.len() >= 7
            && a.chars().take(3).eq(b.chars().take(3))
            && a.chars().count() >= 7
            && b.chars().count() >= 7
            && strsim::levenshtein(a, b) <= 2)
}

/// How two quotes relate: `Some(true)` same words (one inside the other),
/// `Some(false)` nearly the same words, `None` different quotes.
pub fn compare(a: &str, b: &str) -> Option<bool> {
    compare_words(&words(a), &words(b))
}

/// [`compare`] on quotes already split into normalised words.
fn compare_words(wa: &[String], wb: &[String]) -> Option<bool> {
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if short.is_empty() {
        return None;
    }
    if long
        .windows(short.len())
        .any(|w| w.iter().zip(short).all(|(x, y)| same_word(x, y)))
    {
        return Some(true);
    }
    if short.len() < MIN_WORDS {
        return None;
    }
    // Cheap bound first: a near-identical quote shares most of its words
    // verbatim (spelling variants aside), so most pairs stop here.
    let shared = short.iter().filter(|w| long.contains(w)).count();
    if (shared as f64) < short.len() as f64 * (MIN_LIKENESS - 0.25) {
        return None;
    }
    // Best alignment of the short quote against a window of the long one.
    let mut best = 0.0f64;
    let n = short.len();
    for start in 0..=long.len().saturating_sub(n) {
        let end = (start + n + 2).min(long.len());
        let d = word_distance(short, &long[start..end]);
        let likeness = 1.0 - d as f64 / n as f64;
        best = best.max(likeness);
    }
    (best >= MIN_LIKENESS).then_some(false)
}

/// Edit distance over words, allowing the window's trailing words to go
/// unused (a quote may stop early).
fn word_distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = if same_word(&a[i - 1], &b[j - 1]) {
                0
            } else {
                1
            };
            cur[j] = (prev[j - 1] + sub).min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    *prev.iter().min().unwrap_or(&a.len())
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let quote = |i: usize| match &al.claim(i).value {
        ClaimValue::Quote { quote, speaker } => Some((quote.as_str(), speaker.as_deref())),
        _ => None,
    };
    let members: Vec<usize> = (0..al.items.len())
        .filter(|&i| quote(i).is_some())
        .collect();
    // Each quote's words, by its place in `members`.
    let split: Vec<Vec<String>> = members
        .par_iter()
        .map(|&i| words(quote(i).expect("a quote").0))
        .collect();
    // An archive's quotes give millions of candidate pairs: each quote's
    // are found and compared on its own (on every core), so they are never
    // all held at once, and come out in pair order.
    let postings = shingle_postings(al, &members, &split);
    let (members, split, postings) = (&members, &split, &postings);
    (0..members.len())
        .into_par_iter()
        .flat_map_iter(|x| {
            let a = members[x];
            candidates(al, postings, split, x, al.items[a].doc)
                .into_iter()
                .filter_map(move |y| {
                    let b = members[y];
                    let ((_, sa), (_, sb)) = (quote(a)?, quote(b)?);
                    if let (Some(sa), Some(sb)) = (sa, sb) {
                        if !speakers_compatible(sa, sb) {
                            return None;
                        }
                    }
                    // Common phrases recur across unrelated stories ("one of
                    // the biggest ..."): the sentences must also tell the
                    // same story.
                    if al.similarity(a, b) < MIN_CONTEXT_SIMILARITY {
                        return None;
                    }
                    compare_words(&split[x], &split[y]).map(|same| Relation {
                        a,
                        b,
                        kind: FindingKind::QuoteConflict,
                        agree: same,
                    })
                })
        })
        .collect()
}

/// How alike the quotes' sentences must be (they include the quotes).
pub const MIN_CONTEXT_SIMILARITY: f32 = 0.3;

/// Postings longer than this are word pairs too common to block on.
const MAX_SHINGLE_POSTINGS: usize = 64;

/// Quotes (by their place in `members`, with their document) by each pair
/// of consecutive words they hold, leaving out pairs too common to block on.
type Postings<'q> = foldhash::HashMap<(&'q str, &'q str), Vec<(usize, usize)>>;

fn shingle_postings<'q>(al: &Aligned, members: &[usize], split: &'q [Vec<String>]) -> Postings<'q> {
    // Postings carry each quote's document: looking it up through the items
    // for every pair of every posting list was most of this rule's time on
    // large archives.
    let mut postings: Postings = Default::default();
    for (x, w) in split.iter().enumerate() {
        let doc = al.items[members[x]].doc;
        let mut seen: Vec<(&str, &str)> = w
            .windows(2)
            .map(|p| (p[0].as_str(), p[1].as_str()))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for key in seen {
            postings.entry(key).or_default().push((x, doc));
        }
    }
    postings.retain(|_, list| list.len() <= MAX_SHINGLE_POSTINGS);
    postings
}

/// The quotes after quote `x` (of document `doc`) in other documents of its
/// period that share a pair of consecutive words with it, in order: any
/// quote inside another, or changed in one word of five or more, shares
/// one. Blocking on the quotes' own words (rather than their sentences')
/// keeps the costly comparison to plausible pairs.
fn candidates(
    al: &Aligned,
    postings: &Postings,
    split: &[Vec<String>],
    x: usize,
    doc: usize,
) -> Vec<usize> {
    let mut found: Vec<usize> = split[x]
        .windows(2)
        .filter_map(|p| postings.get(&(p[0].as_str(), p[1].as_str())))
        .flatten()
        .filter(|&&(y, dy)| {
            y > x && dy != doc && crate::align::story::same_period(&al.docs[doc], &al.docs[dy])
        })
        .map(|&(y, _)| y)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Speakers are compatible when they share a name word ("Adams and Brewer"
/// and "Adrienne Adams") or either is a generic role ("the report").
fn speakers_compatible(a: &str, b: &str) -> bool {
    let names = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
            .map(str::to_lowercase)
            .collect()
    };
    let (na, nb) = (names(a), names(b));
    na.is_empty() || nb.is_empty() || na.iter().any(|w| nb.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contained_quote_corroborates() {
        assert_eq!(
            compare(
                "working diligently",
                "the NYPD has been working diligently to ensure"
            ),
            Some(true)
        );
        assert_eq!(
            compare("It\u{2019}s critical", "It's critical that"),
            Some(true)
        );
    }

    #[test]
    fn one_changed_word_is_a_misquote() {
        assert_eq!(
            compare(
                "We have accepted all their recommendations to make our policies stronger",
                "We have accepted all its recommendations to make our policies stronger"
            ),
            Some(false)
        );
    }

    #[test]
    fn spelling_times_and_stray_marks_are_no_misquote() {
        assert_eq!(
            compare(
                "Police 'locked down 'the neighborhood and negotiated until 6:00 p.m.",
                "Police locked down the neighbourhood and negotiated until 6 p.m."
            ),
            Some(true)
        );
        assert_eq!(
            compare(
                "He probably realized he was going to be shot",
                "He probably realised he was going to be shot"
            ),
            Some(true)
        );
    }

    #[test]
    fn different_quotes_do_not_meet() {
        assert_eq!(
            compare(
                "the weather was lovely all week long",
                "we will appeal the ruling at once"
            ),
            None
        );
        assert_eq!(compare("gaps", "deeply troubling"), None);
    }
}
