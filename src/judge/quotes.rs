//! Quote conflict: the same words quoted with some of them changed.
//!
//! A quote that appears word for word inside another source's quote (after
//! normalising case, punctuation and quote marks) corroborates it. A quote
//! that matches another closely but not exactly is a misquote in one of them.

use super::lists::item;
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

/// A speaker's name words, lowercased ("Adrienne Adams": adrienne, adams).
fn name_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .map(str::to_lowercase)
}

/// Words long enough for a spelling variant to be told from another word.
const VARIANT_CHARS: usize = 7;

/// What two spellings of one word share: its first three characters, for a
/// word long enough to have spelling variants ([`VARIANT_CHARS`]); 0 for a
/// shorter one.
fn variant_key(w: &str) -> u64 {
    if w.chars().count() < VARIANT_CHARS {
        return 0;
    }
    // Three characters of 21 bits each; a word's first is never NUL.
    w.chars().take(3).fold(0, |k, c| (k << 21) | u64::from(c))
}

/// How two quotes relate: `Some(true)` same words (one inside the other),
/// `Some(false)` nearly the same words, `None` different quotes.
pub fn compare(a: &str, b: &str) -> Option<bool> {
    let mut vocab = Vocab::default();
    let wa: Vec<u32> = words(a).into_iter().map(|w| vocab.id(w)).collect();
    let wb: Vec<u32> = words(b).into_iter().map(|w| vocab.id(w)).collect();
    compare_words(&vocab, &wa, &wb)
}

/// The words of a run's quotes, each held once: a quote is a list of ids,
/// and equal words are equal ids.
#[derive(Default)]
struct Vocab {
    ids: foldhash::HashMap<String, u32>,
    words: Vec<String>,
    /// Per id: its [`variant_key`].
    variant: Vec<u64>,
}

impl Vocab {
    fn id(&mut self, w: String) -> u32 {
        if let Some(&id) = self.ids.get(&w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.variant.push(variant_key(&w));
        self.words.push(w.clone());
        self.ids.insert(w, id);
        id
    }

    /// Spelling variants of one word ("neighbourhood"/"neighborhood",
    /// "realised"/"realized") are not a change of words. Cheapest tests
    /// first: this runs for every word of every window of every pair of
    /// quotes.
    fn same(&self, a: u32, b: u32) -> bool {
        let key = |w: u32| self.variant[w as usize];
        a == b
            || (key(a) != 0
                && key(a) == key(b)
                && strsim::levenshtein(&self.words[a as usize], &self.words[b as usize]) <= 2)
    }
}

/// [`compare`] on quotes already split into word ids.
fn compare_words(vocab: &Vocab, wa: &[u32], wb: &[u32]) -> Option<bool> {
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
        .any(|w| w.iter().zip(short).all(|(&x, &y)| vocab.same(x, y)))
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
    // Some window of the long quote where the short one is nearly the same
    // words: its word edit distance leaves it alike enough.
    let n = short.len();
    let mut rows = (Vec::new(), Vec::new());
    let alike = (0..=long.len().saturating_sub(n)).any(|start| {
        let end = (start + n + 2).min(long.len());
        let d = word_distance(vocab, short, &long[start..end], &mut rows);
        1.0 - d as f64 / n as f64 >= MIN_LIKENESS
    });
    alike.then_some(false)
}

/// Edit distance over words, allowing the window's trailing words to go
/// unused (a quote may stop early). `rows` is room for the work, reused
/// from one window to the next.
fn word_distance(
    vocab: &Vocab,
    a: &[u32],
    b: &[u32],
    rows: &mut (Vec<usize>, Vec<usize>),
) -> usize {
    let (prev, cur) = rows;
    prev.clear();
    prev.extend(0..=b.len());
    cur.clear();
    cur.resize(b.len() + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = if vocab.same(a[i - 1], b[j - 1]) { 0 } else { 1 };
            cur[j] = (prev[j - 1] + sub).min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(prev, cur);
    }
    *prev.iter().min().unwrap_or(&a.len())
}

/// Quotes split this many at a time (on every core) before their words are
/// given ids: the words of an archive's quotes are never all held as
/// strings at once.
const SPLIT_CHUNK: usize = 8192;

/// The run's quotes as word ids, one flat list: quote `x`'s words are
/// `words[starts[x]..starts[x + 1]]`, and its speaker's name words (`None`
/// for a quote without a speaker) are interned alike.
struct Split {
    vocab: Vocab,
    words: Vec<u32>,
    starts: Vec<usize>,
    speakers: Vec<Option<Box<[u32]>>>,
}

impl Split {
    fn of(quotes: &[(&str, Option<&str>)]) -> Split {
        let mut s = Split {
            vocab: Vocab::default(),
            words: Vec::new(),
            starts: vec![0],
            speakers: Vec::with_capacity(quotes.len()),
        };
        type Read = Vec<(Vec<String>, Option<Vec<String>>)>;
        let read = |chunk: &[(&str, Option<&str>)]| -> Read {
            chunk
                .par_iter()
                .map(|&(q, sp)| (words(q), sp.map(|sp| name_words(sp).collect())))
                .collect()
        };
        let mut add = |read: Read| {
            for (ws, names) in read {
                for w in ws {
                    let id = s.vocab.id(w);
                    s.words.push(id);
                }
                s.starts.push(s.words.len());
                let names = names.map(|n| n.into_iter().map(|w| s.vocab.id(w)).collect());
                s.speakers.push(names);
            }
        };
        // Ids are given on one core, a chunk's while the next is split.
        let mut pending: Option<Read> = None;
        for chunk in quotes.chunks(SPLIT_CHUNK) {
            let (next, ()) = rayon::join(
                || read(chunk),
                || {
                    if let Some(r) = pending.take() {
                        add(r);
                    }
                },
            );
            pending = Some(next);
        }
        if let Some(r) = pending {
            add(r);
        }
        s
    }

    fn words(&self, x: usize) -> &[u32] {
        &self.words[self.starts[x]..self.starts[x + 1]]
    }

    /// Speakers are compatible when they share a name word ("Adams and
    /// Brewer" and "Adrienne Adams") or either is a generic role ("the
    /// report"); a quote without a speaker fits any.
    fn speakers_compatible(&self, x: usize, y: usize) -> bool {
        match (&self.speakers[x], &self.speakers[y]) {
            (Some(a), Some(b)) => a.is_empty() || b.is_empty() || a.iter().any(|w| b.contains(w)),
            _ => true,
        }
    }
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let quote = |i: usize| match &al.claim(i).value {
        ClaimValue::Quote { quote, speaker } => Some((quote.as_str(), speaker.as_deref())),
        _ => None,
    };
    let (members, quotes): (Vec<usize>, Vec<(&str, Option<&str>)>) = (0..al.items.len())
        .filter_map(|i| Some((i, quote(i)?)))
        .unzip();
    let split = Split::of(&quotes);
    drop(quotes);
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
                    if !split.speakers_compatible(x, y) {
                        return None;
                    }
                    // Common phrases recur across unrelated stories ("one of
                    // the biggest ..."): the sentences must also tell the
                    // same story.
                    if al.similarity(a, b) < MIN_CONTEXT_SIMILARITY {
                        return None;
                    }
                    compare_words(&split.vocab, split.words(x), split.words(y))
                        .map(|same| Relation::new(a, b, FindingKind::QuoteConflict, same))
                })
        })
        .collect()
}

/// How alike the quotes' sentences must be (they include the quotes).
pub const MIN_CONTEXT_SIMILARITY: f32 = 0.3;

/// Postings longer than this are word pairs too common to block on.
const MAX_SHINGLE_POSTINGS: usize = 64;

/// Quotes (by their place in `members`, with their document) by each pair
/// of consecutive words they hold, for the pairs that more than one quote
/// and at most [`MAX_SHINGLE_POSTINGS`] hold: a pair only one quote holds
/// finds no candidate, and most pairs are such.
struct Postings {
    /// Each kept pair's quotes, as the end and the start of its range of
    /// `quotes`.
    lists: foldhash::HashMap<(u32, u32), (u32, u32)>,
    /// (quote, document), each pair's in quote order.
    quotes: Vec<(u32, u32)>,
}

impl Postings {
    fn get(&self, key: (u32, u32)) -> Option<&[(u32, u32)]> {
        let &(end, start) = self.lists.get(&key)?;
        Some(&self.quotes[start as usize..end as usize])
    }
}

fn shingle_postings(al: &Aligned, members: &[usize], split: &Split) -> Postings {
    // Each quote's pairs, once each.
    let pairs_of = |x: usize, seen: &mut Vec<(u32, u32)>| {
        seen.clear();
        seen.extend(split.words(x).windows(2).map(|p| (p[0], p[1])));
        seen.sort_unstable();
        seen.dedup();
    };
    let mut seen: Vec<(u32, u32)> = Vec::new();
    // The quotes of each pair are counted, then placed in one vector: an
    // archive's quotes hold millions of pairs, and a list per pair (most
    // hold one quote) was a peak of the run.
    let mut lists: foldhash::HashMap<(u32, u32), (u32, u32)> = Default::default();
    for x in 0..members.len() {
        pairs_of(x, &mut seen);
        for &key in &seen {
            lists.entry(key).or_default().0 += 1;
        }
    }
    lists.retain(|_, &mut (n, _)| (2..=MAX_SHINGLE_POSTINGS).contains(&(n as usize)));
    lists.shrink_to_fit();
    // Each list's room, as (next place, start).
    let mut total = 0u32;
    for v in lists.values_mut() {
        let n = v.0;
        *v = (total, total);
        total += n;
    }
    let mut quotes = vec![(0, 0); total as usize];
    for (x, &m) in members.iter().enumerate() {
        pairs_of(x, &mut seen);
        // Postings carry each quote's document: looking it up through the
        // items for every pair of every list was most of this rule's time
        // on large archives.
        let doc = item(al.items[m].doc);
        for key in &seen {
            if let Some(next) = lists.get_mut(key) {
                quotes[next.0 as usize] = (item(x), doc);
                next.0 += 1;
            }
        }
    }
    Postings { lists, quotes }
}

/// The quotes after quote `x` (of document `doc`) in other documents of its
/// period that share a pair of consecutive words with it, in order: any
/// quote inside another, or changed in one word of five or more, shares
/// one. Blocking on the quotes' own words (rather than their sentences')
/// keeps the costly comparison to plausible pairs.
fn candidates(
    al: &Aligned,
    postings: &Postings,
    split: &Split,
    x: usize,
    doc: usize,
) -> Vec<usize> {
    let mut found: Vec<usize> = split
        .words(x)
        .windows(2)
        .filter_map(|p| postings.get((p[0], p[1])))
        // Each list is in quote order: the quotes after `x` are its tail.
        .flat_map(|list| &list[list.partition_point(|&(y, _)| y as usize <= x)..])
        .map(|&(y, dy)| (y as usize, dy as usize))
        .filter(|&(_, dy)| {
            dy != doc && crate::align::story::same_period(&al.docs[doc], &al.docs[dy])
        })
        .map(|(y, _)| y)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
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
