//! Count conflict: the same counted thing with incompatible amounts.
//!
//! "five" and "5" agree; "a single violation" and "multiple violations" do
//! not; "more than 250" and "200" do not. Counts are compared only when they
//! count the same kind of thing (synonyms from `data/units.yaml`), with the
//! same qualifier ("four *other* incidents" is a different set), in sentences
//! about the same thing.

use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{Amount, ClaimValue};
use std::collections::BTreeMap;

pub const MIN_SIMILARITY: f32 = 0.45;
/// Weighted terms the sentences must share besides being alike: two short
/// sentences that share only the counted noun are not about one thing.
pub const MIN_SHARED: usize = 3;

/// Nouns too general to say two counts are of the same thing.
const GENERIC: &[&str] = &[
    "person", "time", "thing", "way", "part", "one", "other", "year", "day",
];

pub fn amount_of(v: &ClaimValue) -> Option<&Amount> {
    match v {
        ClaimValue::Quantity { amount, .. } => Some(amount),
        ClaimValue::TableRow { count: Some(c), .. } => Some(c),
        _ => None,
    }
}

pub fn compatible(a: &Amount, b: &Amount) -> bool {
    let (alo, ahi) = a.bounds();
    let (blo, bhi) = b.bounds();
    alo <= bhi && blo <= ahi
}

/// Per document: does it count `unit` (unqualified) with an amount
/// compatible with `amount`? Such a document speaks of the same set.
pub fn docs_counting(al: &Aligned, unit: &str, amount: &Amount) -> Vec<bool> {
    let mut docs = vec![false; al.docs.len()];
    for (i, it) in al.items.iter().enumerate() {
        if it.unit.as_deref() == Some(unit)
            && it.qualifier.is_none()
            && amount_of(&al.claim(i).value).is_some_and(|a| compatible(a, amount))
        {
            docs[it.doc] = true;
        }
    }
    docs
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    // Block by (unit, qualifier): only counts of the same thing meet.
    let mut blocks: BTreeMap<(&str, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, it) in al.items.iter().enumerate() {
        if let Some(u) = it.unit.as_deref() {
            if amount_of(&al.claim(i).value).is_some() {
                blocks
                    .entry((u, it.qualifier.as_deref()))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut out = Vec::new();
    for ((unit, _), members) in blocks {
        let threshold = if GENERIC.contains(&unit) {
            0.5
        } else {
            MIN_SIMILARITY
        };
        for (a, b, sim) in al.candidate_pairs_among_above(&members, threshold) {
            if sim < threshold || al.shared_terms(a, b) < MIN_SHARED || super::dated_apart(al, a, b)
            {
                continue;
            }
            let (ca, cb) = (
                amount_of(&al.claim(a).value).unwrap(),
                amount_of(&al.claim(b).value).unwrap(),
            );
            out.push(Relation {
                a,
                b,
                kind: FindingKind::CountConflict,
                agree: compatible(ca, cb),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_decide_compatibility() {
        let exact = |v| Amount::Exact { value: v };
        assert!(compatible(&exact(5.0), &exact(5.0)));
        assert!(!compatible(&exact(5.0), &exact(6.0)));
        let multiple = Amount::Vague {
            label: "multiple".into(),
            low: 2.0,
            high: None,
        };
        assert!(!compatible(&exact(1.0), &multiple));
        assert!(compatible(&exact(3.0), &multiple));
        assert!(!compatible(
            &Amount::MoreThan { value: 250.0 },
            &exact(200.0)
        ));
        assert!(compatible(&Amount::AtMost { value: 19.0 }, &exact(12.0)));
    }
}
