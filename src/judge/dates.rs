//! Date conflict: the same event dated by intervals that cannot overlap.
//!
//! Nested or overlapping granularity is agreement: "March 10" sits inside
//! "early March 2025", which sits inside "March 2025".

use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{ClaimValue, DateValue, Granularity};

/// How alike two sentences must be to speak of the same event.
pub const MIN_SIMILARITY: f32 = 0.4;
/// And how many weighted terms they must share.
pub const MIN_SHARED: usize = 3;

/// The date a claim gives its event, if it gives one.
pub fn date_of(v: &ClaimValue) -> Option<&DateValue> {
    match v {
        ClaimValue::Date(d) => Some(d),
        ClaimValue::TableRow { date: Some(d), .. } => Some(d),
        _ => None,
    }
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    // Calendar dates only: PRESENT_REF and the like say nothing checkable.
    let anchored = |i: usize| {
        date_of(&al.claim(i).value).is_some_and(|d| {
            d.interval.is_some()
                && d.granularity <= Granularity::Year
                && d.value.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    let mut out = Vec::new();
    for (a, b, sim) in al.candidate_pairs_above(anchored, MIN_SIMILARITY) {
        if sim < MIN_SIMILARITY || al.shared_terms(a, b) < MIN_SHARED {
            continue;
        }
        let (da, db) = (
            date_of(&al.claim(a).value).unwrap(),
            date_of(&al.claim(b).value).unwrap(),
        );
        let (ia, ib) = (da.interval.unwrap(), db.interval.unwrap());
        if ia.overlaps(&ib) {
            out.push(Relation {
                a,
                b,
                kind: FindingKind::DateConflict,
                agree: true,
            });
            continue;
        }
        // A year-level date is too loose to call a conflict on sentence
        // likeness alone; and a sentence with several dates may be giving the
        // other source's date elsewhere in it.
        if da.granularity >= Granularity::Year || db.granularity >= Granularity::Year {
            continue;
        }
        if sibling_overlaps(al, a, &ib) || sibling_overlaps(al, b, &ia) {
            continue;
        }
        // A date resolved against a guessed reference ("Wednesday" in an
        // article with no dateline) is too shaky to contradict anything.
        if (da.relative && !reliable_reference(al, a))
            || (db.relative && !reliable_reference(al, b))
        {
            continue;
        }
        out.push(Relation {
            a,
            b,
            kind: FindingKind::DateConflict,
            agree: false,
        });
    }
    out
}

fn reliable_reference(al: &Aligned, i: usize) -> bool {
    use crate::model::ReferenceSource;
    matches!(
        al.docs[al.items[i].doc].reference.source,
        ReferenceSource::FrontMatter | ReferenceSource::Given
    )
}

/// Whether another date in the same sentence as item `i` overlaps `iv`.
fn sibling_overlaps(al: &Aligned, i: usize, iv: &crate::model::Interval) -> bool {
    al.sentence(i).any(|k| {
        k != i
            && date_of(&al.claim(k).value)
                .and_then(|d| d.interval)
                .is_some_and(|x| x.overlaps(iv))
    })
}
