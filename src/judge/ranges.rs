//! Range conflict: a source says a set of events spans a period ("five
//! incidents from November 2024 through June 2025") and a member of that set
//! is dated outside it.
//!
//! A *set statement* is a count and a date range in one sentence. A document
//! speaks of the same set when it tells the same story and counts the same
//! thing, whatever count it gives (a fabricated count must not exempt its
//! own table); its *members* are the dated claims whose context names the
//! counted thing (a table under an "Incident Date" header lists incidents).

use super::counts::amount_of;
use super::dates::date_of;
use super::rule::{Rule, Said};
use super::Severity;
use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{ClaimValue, Interval, Word};

pub static RULE: Rule = Rule {
    kind: FindingKind::RangeConflict,
    id: "range-conflict",
    name: "RangeConflict",
    short: "An event lies outside the period other sources give",
    help: "Another source says a set of events spans a period (\"five incidents from November \
           2024 through June 2025\") and this member of the set is dated outside it.",
    level: Severity::Error,
    between_sources: Some(Severity::Error),
    groups_values: false,
    states_one_fact: false,
    contradicts: true,
    relate: Some(relate),
    message,
    in_words,
};

fn message(s: &Said) -> String {
    format!(
        "`{}` lies outside the period other sources give for these events ({}); {} source{} vs {}",
        s.here,
        s.theirs,
        s.against,
        if s.against == 1 { "" } else { "s" },
        s.support
    )
}

fn in_words(s: &Said) -> String {
    format!(
        "{} lies outside the period other sources give for these events ({}; {})",
        s.here,
        s.theirs,
        s.sides()
    )
}

struct SetStatement {
    count: usize,
    range: usize,
    unit: Word,
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
            if let (true, Some(unit)) = (exact, al.items[q].unit) {
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

/// Per document: does it count `unit` at all (unqualified)?
/// Whether document `d` counts `unit` at all.
fn counts_any(al: &Aligned, d: usize, unit: &str) -> bool {
    al.items_of(d).any(|i| {
        let it = &al.items[i];
        it.unit.as_deref() == Some(unit)
            && it.qualifier.is_none()
            && amount_of(&al.claim(i).value).is_some()
    })
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let sets = set_statements(al);
    let mut out = Vec::new();
    for s in &sets {
        let set_doc = al.items[s.count].doc;
        let unit_terms = al.unit_terms(&s.unit);
        // The documents that speak of this set: its own, and those of its
        // story that count the same thing, whatever count they give (a
        // fabricated count of the set must not exempt its own table of
        // dates). Only the set's story is read: reading every item for
        // every set made the rule grow with the square of an archive.
        let mut docs: Vec<usize> = al.stories.links[set_doc]
            .iter()
            .copied()
            .filter(|&d| counts_any(al, d, &s.unit))
            .collect();
        docs.push(set_doc);
        docs.sort_unstable();
        docs.dedup();
        for i in docs.into_iter().flat_map(|d| al.items_of(d)) {
            if i == s.range {
                continue;
            }
            let c = al.claim(i);
            if al.items[i].sentence == al.items[s.range].sentence {
                continue;
            }
            let Some(iv) = date_of(&c.value).and_then(|x| x.interval) else {
                continue;
            };
            if !al.mentions_unit(i, &s.unit, &unit_terms) {
                continue;
            }
            out.push(Relation::new(
                i,
                s.range,
                FindingKind::RangeConflict,
                s.interval.overlaps(&iv),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::judge::testing::findings;
    use crate::judge::{FindingKind, Severity};

    #[test]
    fn a_fabricated_count_does_not_exempt_its_own_table() {
        let texts = [
            "The water inspectorate reviewed six complaints about the Carrow reservoir from January 2022 through March 2023, its report said.",
            "The Carrow reservoir report covered six complaints from January 2022 through March 2023 made by residents.",
            "An inspectorate report on the Carrow reservoir examined ten complaints.\n| Complaint Date | Issue |\n|---|---|\n| October 5, 2020 | Discoloured water |",
        ];
        let found = findings(&texts, None, Severity::Error);
        assert!(
            found
                .iter()
                .any(|f| f.0 == 2 && f.2 == FindingKind::RangeConflict),
            "{found:?}"
        );
    }
}
