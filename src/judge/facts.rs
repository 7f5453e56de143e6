//! Facts: the claims the rules related, grouped (one event or counted thing
//! across sources) with each value and the documents that state it, for
//! `facts[]` in the JSON and the fact sheet.

use super::{rule, ClaimRef, Fact, Relation};
use crate::align::Aligned;

/// Groups claims connected by any relation (union-find), for `facts[]`;
/// each stand-in's claims are given back to every copy in `members`.
pub fn group_facts(al: &Aligned, rel: &[Relation], members: &[Vec<usize>]) -> Vec<Fact> {
    let n = al.items.len();
    // Facts come out in the order of their roots as the relations join
    // them (`attach`), which gives each its id.
    let mut sets = crate::sets::DisjointSets::new(n);
    let mut conflicting = vec![false; n];
    for r in rel {
        if !rule(r.kind).states_one_fact {
            continue;
        }
        sets.attach(r.a(), r.b());
        if !r.agree {
            conflicting[r.a()] = true;
            conflicting[r.b()] = true;
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut facts = Vec::new();
    for (_, group) in groups {
        if group.len() < 2 {
            continue;
        }
        let mut values: Vec<(String, Vec<usize>)> = Vec::new();
        for &m in &group {
            let v = al.claim(m).value.display();
            let d = al.items[m].doc;
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, ds)) => {
                    if !ds.contains(&d) {
                        ds.push(d)
                    }
                }
                None => values.push((v, vec![d])),
            }
        }
        // Stand-ins are disjoint sets of documents: expanding keeps them
        // unique, and sorting puts them back in input order.
        for (_, ds) in &mut values {
            *ds = ds
                .iter()
                .flat_map(|&d| members[d].iter().copied())
                .collect();
            ds.sort_unstable();
        }
        values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let mut claims: Vec<ClaimRef> = group
            .iter()
            .flat_map(|&m| {
                members[al.items[m].doc].iter().map(move |&doc| ClaimRef {
                    doc,
                    claim: al.items[m].claim,
                })
            })
            .collect();
        claims.sort_unstable();
        facts.push(Fact {
            kind: al.claim(group[0]).kind,
            claims,
            values,
            conflicting: group.iter().any(|&m| conflicting[m]),
        });
    }
    facts
}
