//! The ledger's verdict on each claim: a rule like the others, which the
//! ledger of verified facts (`crate::ledger`, its schema and loading) feeds.
//! A fact judges only the claims of documents of the story its file
//! records, and a claim takes the strongest verdict any fact gives it.

use super::counts::{amount_of, compatible, docs_counting};
use super::dates::date_of;
use super::rule::Rule;
use super::LedgerMatch;
use super::{FindingKind, Severity};
use crate::align::Aligned;
use crate::lang::names::same_person;
use crate::lang::units;
use crate::ledger::{Fact, Ledger, Verdict};
use crate::model::{Amount, ClaimValue, Granularity};

pub static CONFLICT: Rule = Rule {
    kind: FindingKind::LedgerConflict,
    id: "ledger-conflict",
    name: "LedgerConflict",
    short: "The ledger's verified fact refutes the claim",
    help: "A curated, verified fact in the ledger (claims/*.yaml) says otherwise. Always an \
           error: correct the claim or, if the ledger is wrong, the ledger.",
    level: Severity::Error,
    between_sources: None,
    groups_values: false,
    states_one_fact: true,
    contradicts: true,
    relate: None,
    message: |s| match s.ledger {
        Some(m) => format!(
            "the ledger's fact `{}` says {}; this says {}",
            m.fact, m.expected, s.here
        ),
        None => String::new(),
    },
    // Readers are given the ledger's word beside any finding (see
    // `report::words`), so the kind adds nothing of its own.
    in_words: |_| String::new(),
};

pub static MATCH: Rule = Rule {
    kind: FindingKind::LedgerMatch,
    id: "ledger-match",
    name: "LedgerMatch",
    short: "The ledger has a verdict on the claim",
    help: "A ledger fact speaks of this claim and supports it or has not enough information. \
           A note only.",
    level: Severity::Info,
    between_sources: None,
    groups_values: false,
    states_one_fact: true,
    contradicts: false,
    relate: None,
    message: |s| match s.ledger {
        Some(m) => format!(
            "the ledger's fact `{}`: {} ({})",
            m.fact,
            m.verdict.as_str(),
            m.expected
        ),
        None => String::new(),
    },
    in_words: |_| String::new(),
};

/// What a fact is matched by, resolved against one alignment.
struct FactKeys {
    /// Term ids of the fact's words, sorted.
    ids: Vec<u32>,
    /// Per document: whether it counts the fact's set compatibly.
    set_docs: Vec<bool>,
    /// The canonical counted thing of `count`, and the term ids naming it.
    count_unit: Option<String>,
    unit_terms: Vec<u32>,
    /// The canonical measured thing of `size`.
    size_unit: Option<String>,
}

impl FactKeys {
    fn new(f: &Fact, al: &Aligned) -> Self {
        let mut ids: Vec<u32> = f.terms.iter().filter_map(|t| al.term_id(t)).collect();
        ids.sort_unstable();
        let count_unit = f
            .spec
            .count
            .as_ref()
            .map(|c| units::canonical_unit(&c.thing));
        let (set_docs, unit_terms) = match (&f.spec.count, &f.spec.range, &count_unit) {
            (Some(c), Some(_), Some(unit)) => {
                (docs_counting(al, unit, &c.amount()), al.unit_terms(unit))
            }
            _ => (vec![false; al.docs.len()], Vec::new()),
        };
        FactKeys {
            ids,
            set_docs,
            count_unit,
            unit_terms,
            size_unit: f
                .spec
                .size
                .as_ref()
                .map(|s| units::canonical_unit(&s.thing)),
        }
    }
}

/// The ledger's verdict on every aligned item (None: no fact speaks of it).
pub fn verdicts(ledger: &Ledger, al: &Aligned) -> Vec<Option<LedgerMatch>> {
    // Everything about a fact that does not depend on the claim is worked
    // out once here: the vocabulary scans behind it cost far more than
    // one comparison per claim.
    let keys: Vec<FactKeys> = ledger.facts.iter().map(|f| FactKeys::new(f, al)).collect();
    // A ledger records one story: its facts judge only the documents of
    // that story, never a report of another that shares a word or two.
    let of_story = |d: usize, f: &Fact| f.of_story(&al.docs[d]);
    (0..al.items.len())
        .map(|i| {
            let mut best: Option<LedgerMatch> = None;
            let d = al.items[i].doc;
            for (f, k) in ledger.facts.iter().zip(&keys) {
                if !of_story(d, f) {
                    continue;
                }
                if let Some(m) = judge_one(al, i, f, k) {
                    let rank = |v: Verdict| match v {
                        Verdict::Supports => 2,
                        Verdict::Refutes => 1,
                        Verdict::NotEnoughInfo => 0,
                    };
                    if best
                        .as_ref()
                        .is_none_or(|b| rank(m.verdict) > rank(b.verdict))
                    {
                        best = Some(m);
                    }
                }
            }
            best
        })
        .collect()
}

fn judge_one(al: &Aligned, i: usize, f: &Fact, k: &FactKeys) -> Option<LedgerMatch> {
    let ids = &k.ids;
    let it = &al.items[i];
    let claim = al.claim(i);
    let shared = ids
        .iter()
        .filter(|t| it.terms.binary_search(t).is_ok())
        .count();
    let m = |verdict: Verdict, expected: String| {
        Some(LedgerMatch {
            fact: f.spec.id.clone(),
            verdict,
            expected,
        })
    };
    let spec = &f.spec;
    if let Some(c) = &spec.count {
        let unit = k.count_unit.as_deref().unwrap_or_default();
        if let Some(a) = amount_of(&claim.value) {
            if it.unit.as_deref() == Some(unit) && it.qualifier.is_none() && shared >= 2 {
                let v = if compatible(a, &c.amount()) {
                    Verdict::Supports
                } else {
                    Verdict::Refutes
                };
                return m(v, c.describe());
            }
        }
        if let Some(r) = &spec.range {
            let riv = r.interval();
            let expected = format!("{} between {} and {}", c.describe(), r.from.text, r.to.text);
            if let ClaimValue::DateRange {
                interval: Some(iv), ..
            } = &claim.value
            {
                if shared >= 2 {
                    let v = if riv.overlaps(iv) {
                        Verdict::Supports
                    } else {
                        Verdict::Refutes
                    };
                    return m(v, expected);
                }
            }
            if k.set_docs[it.doc] {
                if let Some(d) = date_of(&claim.value) {
                    if al.mentions_unit(i, unit, &k.unit_terms) {
                        return match d.interval {
                            Some(iv) if riv.overlaps(&iv) => m(Verdict::Supports, expected),
                            Some(_) => m(Verdict::Refutes, expected),
                            None => m(Verdict::NotEnoughInfo, expected),
                        };
                    }
                }
            }
        }
    }
    if let Some(s) = &spec.size {
        if let ClaimValue::Size { amount, unit } = &claim.value {
            if k.size_unit.as_deref() == Some(units::canonical_unit(unit).as_str()) && shared >= 1 {
                let v = if compatible(amount, &s.amount()) {
                    Verdict::Supports
                } else {
                    Verdict::Refutes
                };
                return m(v, s.describe());
            }
        }
    }
    if let Some(a) = &spec.age {
        if let ClaimValue::Age { amount, person } = &claim.value {
            let named = person.as_deref().is_some_and(|p| same_person(p, &a.person))
                || (person.is_none() && claim.actors().iter().any(|x| same_person(x, &a.person)));
            if named {
                let v = if compatible(amount, &Amount::Exact { value: a.value }) {
                    Verdict::Supports
                } else {
                    Verdict::Refutes
                };
                return m(v, format!("{} is {}", a.person, a.value));
            }
        }
    }
    if let Some(q) = &spec.quote {
        if let ClaimValue::Quote { quote, .. } = &claim.value {
            if let Some(same) = crate::judge::quotes::compare(quote, &q.text) {
                let v = if same {
                    Verdict::Supports
                } else {
                    Verdict::Refutes
                };
                return m(v, format!("\u{201c}{}\u{201d}", q.text));
            }
        }
    }
    if let Some(d) = &spec.date {
        if let Some(cd) = date_of(&claim.value) {
            let enough = shared >= 3 && shared * 10 >= ids.len().max(1) * 3;
            if enough {
                let fiv = d.value.interval.expect("validated");
                return match cd.interval {
                    Some(iv) if iv.overlaps(&fiv) => m(Verdict::Supports, d.text.clone()),
                    Some(_) if cd.granularity <= Granularity::Month => {
                        m(Verdict::Refutes, d.text.clone())
                    }
                    _ => m(Verdict::NotEnoughInfo, d.text.clone()),
                };
            }
        }
    }
    None
}
