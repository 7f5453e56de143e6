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
    // Most claims are related to none: they make no fact, and are left out
    // before the groups are put in order of their roots (a list per claim,
    // on an archive of millions, was a peak of the run).
    let roots: Vec<u32> = (0..n).map(|i| super::lists::item(sets.find(i))).collect();
    drop(sets);
    let mut size = vec![0u32; n];
    for &r in &roots {
        size[r as usize] += 1;
    }
    let mut grouped: Vec<u32> = (0..n as u32)
        .filter(|&i| size[roots[i as usize] as usize] >= 2)
        .collect();
    drop(size);
    // Stable: each group keeps its claims in item order.
    grouped.sort_by_key(|&i| roots[i as usize]);
    let mut facts = Vec::new();
    for chunk in grouped.chunk_by(|&a, &b| roots[a as usize] == roots[b as usize]) {
        let group: Vec<usize> = chunk.iter().map(|&i| i as usize).collect();
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
