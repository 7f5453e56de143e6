//! Attribute conflict: ages, money, sizes and percentages of the same person
//! or thing.
//!
//! Ages meet by the person they describe (names matched fuzzily, so
//! "Gutiérrez Flores" meets "Merwil Gutiérrez Flores"); money, sizes and
//! percentages by their unit and the sentence around them.

use super::counts::compatible;
use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{Amount, ClaimKind, ClaimValue};

pub const MIN_SIMILARITY: f32 = 0.45;
/// For money and percentages.
pub const MONEY_SIMILARITY: f32 = 0.75;

fn attribute(v: &ClaimValue) -> Option<(&Amount, String)> {
    match v {
        ClaimValue::Age { amount, person } => {
            Some((amount, format!("age:{}", person.as_deref().unwrap_or(""))))
        }
        ClaimValue::Money { amount, currency } => Some((amount, format!("money:{currency}"))),
        ClaimValue::Size { amount, unit } => Some((
            amount,
            format!("size:{}", crate::align::terms::canonical_unit(unit)),
        )),
        ClaimValue::Percent { amount } => Some((amount, "percent".into())),
        _ => None,
    }
}

/// Whether two written names can denote the same person: one name's words
/// all appear (fuzzily) in the other's.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 1)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    // The shorter name ends in a surname of the longer ("Gutiérrez Flores",
    // "Williams"), never in its first name: "Stephen" is not "Stephen
    // Douglas".
    let close = |x: &String, y: &String| strsim::jaro_winkler(x, y) >= 0.92;
    let last = short.last().unwrap();
    let surnames = if long.len() == 1 {
        &long[..]
    } else {
        &long[1..]
    };
    if !surnames.iter().any(|w| close(last, w)) {
        return false;
    }
    short
        .iter()
        .all(|w| long.iter().any(|x| strsim::jaro_winkler(w, x) >= 0.92))
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    // Only the same attribute meets (ages by person, below), so each kind
    // of attribute is its own block: money never waits on percentages.
    let mut blocks: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for i in 0..al.items.len() {
        if let Some((_, key)) = attribute(&al.claim(i).value) {
            let block = if key.starts_with("age:") {
                "age".to_string()
            } else {
                key
            };
            blocks.entry(block).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize, f32)> = blocks
        .iter()
        .flat_map(|(block, members)| {
            // Ages meet by person whatever their sentences say.
            let min_sim = match block.as_str() {
                "age" => 0.0,
                b if b.starts_with("size:") => MIN_SIMILARITY,
                _ => MONEY_SIMILARITY,
            };
            al.candidate_pairs_among_above(members, min_sim)
        })
        .collect();
    pairs.sort_by_key(|x| (x.0, x.1));
    let mut out = Vec::new();
    for (a, b, sim) in pairs {
        let (ca, cb) = (al.claim(a), al.claim(b));
        let ((xa, ka), (xb, kb)) = (attribute(&ca.value).unwrap(), attribute(&cb.value).unwrap());
        let same = if ca.kind == ClaimKind::Age && cb.kind == ClaimKind::Age {
            match (&ca.value, &cb.value) {
                (
                    ClaimValue::Age {
                        person: Some(p), ..
                    },
                    ClaimValue::Age {
                        person: Some(q), ..
                    },
                ) => same_person(p, q),
                _ => false,
            }
        } else {
            // Money and percentages fill business news; only near-identical
            // sentences are taken to give the same figure.
            let needed = if ka.starts_with("size:") {
                MIN_SIMILARITY
            } else {
                MONEY_SIMILARITY
            };
            ka == kb && sim >= needed && !super::dated_apart(al, a, b)
        };
        if same {
            out.push(Relation {
                a,
                b,
                kind: FindingKind::AttributeConflict,
                agree: compatible(xa, xb),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_meet_fuzzily() {
        assert!(same_person("Merwil Gutiérrez Flores", "Gutiérrez Flores"));
        assert!(same_person("Merwil Gutierrez Flores", "Merwil Gutiérrez"));
        assert!(!same_person("Leqaa Kordia", "Merwil Gutiérrez"));
        assert!(!same_person("Stephen", "Stephen Douglas"));
        assert!(same_person("Williams", "Serena Williams"));
    }
}
