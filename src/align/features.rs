//! What alignment reads of each claim besides its frame: the content terms
//! of its context, and what it counts with the qualifier that makes its set a
//! different one.

use super::actors::ActorKeys;
use super::{terms, Item};
use crate::extract::spin;
use crate::lang::units;
use crate::model::{Claim, ClaimKind, ClaimValue, Extraction, Word};

/// A count of the same thing as a count before it in the same sentence names
/// a part of that set ("Of the five cases, investigators found one instance
/// ..."), so it gets the qualifier "part".
pub(super) fn mark_parts(
    docs: &[Extraction],
    items: &mut [Item],
    sentences: &[std::ops::Range<usize>],
) {
    for i in 0..items.len() {
        let Some(unit) = items[i].unit else {
            continue;
        };
        if items[i].qualifier.is_some() {
            continue;
        }
        let first = sentences[items[i].sentence].start;
        let earlier = items[first..i].iter().any(|o| {
            o.unit == Some(unit)
                && matches!(
                    docs[o.doc].claims[o.claim].value,
                    ClaimValue::Quantity { .. }
                )
        });
        if earlier {
            items[i].qualifier = Some(Word::new("part"));
        }
    }
}

/// The content terms of each claim's context, `None` where a claim shares
/// the sentence (and line) of the claim before it and so its terms.
pub(super) fn sentence_terms<'s>(
    ex: &Extraction,
    actor_keys: &ActorKeys,
    shared: &'s SharedTerms,
) -> Vec<Option<Terms<'s>>> {
    let mut out = Vec::with_capacity(ex.claims.len());
    let mut last: Option<(&str, usize)> = None;
    for claim in ex.claims.iter() {
        let same =
            claim.kind != ClaimKind::TableRow && last == Some((claim.sentence(), claim.line));
        if same {
            out.push(None);
            continue;
        }
        let (sentence, mut own): (&[String], Vec<String>) = match claim.kind {
            ClaimKind::TableRow => (&[], context_terms(&context_text(claim))),
            _ => (&shared.terms[shared.index[claim.sentence()]], Vec::new()),
        };
        own.extend(actor_keys.terms(claim.actors()));
        out.push(Some(Terms { sentence, own }));
        last = Some((claim.sentence(), claim.line));
    }
    out
}

/// A claim's content terms: its sentence's, shared with every document
/// that tells the sentence, and its own (its names', a table row's cells').
pub(super) struct Terms<'s> {
    sentence: &'s [String],
    own: Vec<String>,
}

impl Terms<'_> {
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        self.sentence.iter().chain(&self.own).map(String::as_str)
    }
}

/// The content terms of every claim sentence of a run, each sentence read
/// once however many documents tell it word for word (the versions of one
/// story, a wire text's reprints): reading them (spin, stems) is most of
/// what alignment reads.
pub(super) struct SharedTerms<'d> {
    index: std::collections::HashMap<&'d str, usize, foldhash::fast::RandomState>,
    terms: Vec<Vec<String>>,
}

impl<'d> SharedTerms<'d> {
    pub(super) fn of(docs: &'d [Extraction]) -> SharedTerms<'d> {
        use rayon::prelude::*;
        let mut index: std::collections::HashMap<&str, usize, foldhash::fast::RandomState> =
            Default::default();
        let mut texts: Vec<&str> = Vec::new();
        for claim in docs.iter().flat_map(|ex| ex.claims.iter()) {
            if claim.kind != ClaimKind::TableRow {
                index.entry(claim.sentence()).or_insert_with(|| {
                    texts.push(claim.sentence());
                    texts.len() - 1
                });
            }
        }
        let terms = texts.par_iter().map(|t| context_terms(t)).collect();
        SharedTerms { index, terms }
    }
}

/// The content terms of a claim's context, spun phrases corrected.
fn context_terms(text: &str) -> Vec<String> {
    terms::content_terms(&spin::canonicalise(text, spin::Lexicon::bundled()).text)
}

/// The text that says what a claim is about.
fn context_text(claim: &Claim) -> String {
    match &claim.value {
        ClaimValue::TableRow { cells, .. } => cells
            .iter()
            .map(|c| format!("{} {}", c.header, c.text))
            .collect::<Vec<_>>()
            .join(" "),
        _ => claim.sentence().to_string(),
    }
}

/// The cues of the lexicon's qualifier `name`, as lowercase word sequences.
fn qualifier_cues(name: &str) -> impl Iterator<Item = &'static [String]> + use<'_> {
    crate::lang::lexicon::Lexicon::bundled()
        .qualifiers
        .iter()
        .filter(move |(n, _)| n == name)
        .flat_map(|(_, cues)| cues.iter().map(Vec::as_slice))
}

/// Words that, standing between a number and its noun, make a different set:
/// the one-word cues of the `other` qualifier ("5 more", "two other").
fn is_subset_word(w: &str) -> bool {
    qualifier_cues("other").any(|cue| cue.len() == 1 && cue[0] == w)
}

/// Whether a sentence makes its counts running or overall totals: a cue of
/// the `total` qualifier anywhere in it ("a total of 14 rifles ... so far").
/// A cue ending in a function word must not run on into a noun phrase: "in
/// all, 12 died" and "a total of 14" are totals, "in all cases" is not.
fn says_total(sentence: &str) -> bool {
    let words: Vec<(usize, usize)> = sentence
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphanumeric()
                && !sentence[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| {
            let len = sentence[i..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(sentence.len() - i);
            (i, i + len)
        })
        .collect();
    let lower: Vec<String> = words
        .iter()
        .map(|&(a, b)| sentence[a..b].to_lowercase())
        .collect();
    qualifier_cues("total").any(|cue| {
        let open_ended = cue
            .last()
            .is_some_and(|w| crate::lang::wordlist::FUNCTION_WORDS.contains(w));
        lower.windows(cue.len()).enumerate().any(|(k, w)| {
            w == cue
                && !(open_ended
                    && words.get(k + cue.len()).is_some_and(|&(a, _)| {
                        sentence[words[k + cue.len() - 1].1..a].trim().is_empty()
                            && sentence[a..].starts_with(char::is_alphabetic)
                    }))
        })
    })
}

pub(super) fn unit_of(claim: &Claim) -> (Option<Word>, Option<Word>) {
    let unit: &str = match &claim.value {
        ClaimValue::Quantity { unit, .. } | ClaimValue::Size { unit, .. } => unit,
        ClaimValue::TableRow {
            count: Some(_),
            subject,
            ..
        } => subject,
        _ => return (None, None),
    };
    let qualifier = claim
        .surface()
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find(|w| is_subset_word(w))
        .map(Word::from)
        // A running total is a different set from the count of one event.
        .or_else(|| says_total(claim.sentence()).then(|| Word::new("total")));
    (Some(Word::from(units::canonical_unit(unit))), qualifier)
}

#[cfg(test)]
mod tests {
    use super::{is_subset_word, says_total};

    #[test]
    fn totals_are_said_anywhere_in_the_sentence() {
        assert!(says_total("A total of 14 rifles have been seized so far."));
        assert!(says_total("In all, 12 people died."));
        assert!(says_total(
            "Police have made 40 arrests since the start of the unrest."
        ));
        assert!(says_total(
            "The storms have killed 30 people this year alone."
        ));
        assert!(!says_total("In all cases, 12 people were held."));
        assert!(!says_total("Police said 12 people were held."));
    }

    #[test]
    fn subset_words_make_another_set() {
        for w in ["other", "more", "additional", "remaining", "further"] {
            assert!(is_subset_word(w), "{w}");
        }
        assert!(!is_subset_word("people"));
    }
}
