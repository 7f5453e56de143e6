//! What alignment reads of each claim besides its frame: the content terms
//! of its context, and what it counts with the qualifier that makes its set a
//! different one.

use super::actors::ActorKeys;
use super::{terms, Item};
use crate::extract::spin;
use crate::lang::units;
use crate::model::{Claim, ClaimKind, ClaimValue, Extraction};

/// Words that, standing between a number and its noun, make a different set.
const SUBSET_WORDS: &[&str] = &[
    "other",
    "additional",
    "remaining",
    "more",
    "further",
    "extra",
    "another",
    "previous",
    "prior",
    "subsequent",
    "similar",
];

/// Phrases that make a count a running or overall total.
const AGGREGATE_MARKERS: &[&str] = &[
    "a total of",
    "in total",
    "so far",
    "to date",
    "in all,",
    "altogether",
    "cumulative",
    "combined",
    "since the start",
    "since the beginning",
    "this year alone",
];

/// A count of the same thing as a count before it in the same sentence names
/// a part of that set ("Of the five cases, investigators found one instance
/// ..."), so it gets the qualifier "part".
pub(super) fn mark_parts(
    docs: &[Extraction],
    items: &mut [Item],
    sentences: &[std::ops::Range<usize>],
) {
    for i in 0..items.len() {
        let Some(unit) = items[i].unit.clone() else {
            continue;
        };
        if items[i].qualifier.is_some() {
            continue;
        }
        let first = sentences[items[i].sentence].start;
        let earlier = items[first..i].iter().any(|o| {
            o.unit.as_deref() == Some(unit.as_str())
                && matches!(
                    docs[o.doc].claims[o.claim].value,
                    ClaimValue::Quantity { .. }
                )
        });
        if earlier {
            items[i].qualifier = Some("part".to_string());
        }
    }
}

/// The content terms of each claim's context, `None` where a claim shares
/// the sentence (and line) of the claim before it and so its terms.
pub(super) fn sentence_terms(
    ex: &Extraction,
    lex: &spin::Lexicon,
    actor_keys: &ActorKeys,
) -> Vec<Option<Vec<String>>> {
    let mut out = Vec::with_capacity(ex.claims.len());
    let mut last: Option<(&str, usize)> = None;
    for claim in ex.claims.iter() {
        let same = claim.kind != ClaimKind::TableRow
            && last == Some((claim.sentence.as_str(), claim.line));
        if same {
            out.push(None);
            continue;
        }
        let canon = spin::canonicalise(&context_text(claim), lex).text;
        let mut words = terms::content_terms(&canon);
        words.extend(actor_keys.terms(&claim.actors));
        out.push(Some(words));
        last = Some((claim.sentence.as_str(), claim.line));
    }
    out
}

/// The text that says what a claim is about.
fn context_text(claim: &Claim) -> String {
    match &claim.value {
        ClaimValue::TableRow { cells, .. } => cells
            .iter()
            .map(|c| format!("{} {}", c.header, c.text))
            .collect::<Vec<_>>()
            .join(" "),
        _ => claim.sentence.clone(),
    }
}

pub(super) fn unit_of(claim: &Claim) -> (Option<String>, Option<String>) {
    let unit = match &claim.value {
        ClaimValue::Quantity { unit, .. } | ClaimValue::Size { unit, .. } => unit.clone(),
        ClaimValue::TableRow {
            count: Some(_),
            subject,
            ..
        } => subject.clone(),
        _ => return (None, None),
    };
    let qualifier = claim
        .surface
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find(|w| SUBSET_WORDS.contains(&w.as_str()))
        .or_else(|| {
            // A running total ("a total of 14 rifles ... so far") is a
            // different set from the count of one event.
            let s = claim.sentence.to_lowercase();
            AGGREGATE_MARKERS
                .iter()
                .any(|m| s.contains(m))
                .then(|| "total".to_string())
        });
    (Some(units::canonical_unit(&unit)), qualifier)
}
