//! Range conflict: a source says a set of events spans a period ("five
//! incidents from November 2024 through June 2025") and a member of that set
//! is dated outside it.
//!
//! A *set statement* is a count and a date range in one sentence. A document
//! speaks of the same set when it counts the same thing with a compatible
//! amount and tells the same story; its *members* are the dated claims whose
//! context names the counted thing (a table under an "Incident Date" header
//! lists incidents).

use super::counts::{amount_of, docs_counting};
use super::dates::date_of;
use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{ClaimValue, Interval};

/// How alike two documents must be to tell the same story.
pub const MIN_DOC_SIMILARITY: f32 = 0.05;

struct SetStatement {
    count: usize,
    range: usize,
    unit: String,
    interval: Interval,
}

fn set_statements(al: &Aligned) -> Vec<SetStatement> {
    let mut out = Vec::new();
    for r in 0..al.items.len() {
        let rc = al.claim(r);
        let ClaimValue::DateRange {
            interval: Some(iv), ..
        } = &rc.value
        else {
            continue;
        };
        // The count the range qualifies: the nearest count before it in the sentence.
        let q = al
            .sentence(r)
            .filter(|&k| k < r)
            .rev()
            .find(|&k| matches!(al.claim(k).value, ClaimValue::Quantity { .. }));
        if let Some(q) = q {
            // Only an exact count names a set whose members can be checked
            // ("five incidents", not "up to 15 channels").
            let exact = amount_of(&al.claim(q).value).is_some_and(|a| a.is_exact());
            if let (true, Some(unit)) = (exact, al.items[q].unit.clone()) {
                out.push(SetStatement {
                    count: q,
                    range: r,
                    unit,
                    interval: *iv,
                });
            }
        }
    }
    out
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let sets = set_statements(al);
    let mut out = Vec::new();
    for s in &sets {
        let set_doc = al.items[s.count].doc;
        let set_amount = amount_of(&al.claim(s.count).value)
            .expect("a count")
            .clone();
        let unit_terms = al.unit_terms(&s.unit);
        // The documents that speak of this set: its own, and those that
        // count the same thing alike and tell the same story.
        let counting = docs_counting(al, &s.unit, &set_amount);
        let same_set: Vec<bool> = (0..al.docs.len())
            .map(|d| {
                d == set_doc || (counting[d] && al.doc_similarity(d, set_doc) >= MIN_DOC_SIMILARITY)
            })
            .collect();
        for (i, it) in al.items.iter().enumerate() {
            if !same_set[it.doc] || i == s.range {
                continue;
            }
            let c = al.claim(i);
            if it.sentence == al.items[s.range].sentence {
                continue;
            }
            let Some(iv) = date_of(&c.value).and_then(|x| x.interval) else {
                continue;
            };
            if !al.mentions_unit(i, &s.unit, &unit_terms) {
                continue;
            }
            out.push(Relation {
                a: i,
                b: s.range,
                kind: FindingKind::RangeConflict,
                agree: s.interval.overlaps(&iv),
            });
        }
    }
    out
}
