//! The fact sheet: what an editor reads first. Each fact the sources state
//! (a group of aligned claims the judge formed), the value most
//! independent sources give and who gives it, and every value that
//! dissents with who gives that.
//!
//! Built from the judgement only: its facts (the groups), whether the judge
//! found them conflicting, and which documents are one source. Nothing is
//! judged again here.

use crate::judge::{ClaimRef, Judgement};
use crate::model::{Amount, Claim, ClaimKind, ClaimValue, Extraction};
use std::collections::BTreeSet;

/// One value of a fact and where it is stated.
#[derive(Debug)]
pub struct Stated<'a> {
    /// The value of the first claim that states it (the one shown).
    pub claim: &'a Claim,
    /// Every claim stating it, in input order.
    pub at: Vec<ClaimRef>,
    /// Independent sources among them (copies and rewrites count once).
    pub sources: usize,
}

impl Stated<'_> {
    /// The documents stating it, each once, in input order.
    pub fn docs(&self) -> Vec<usize> {
        let mut d: Vec<usize> = self.at.iter().map(|r| r.doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    }
}

/// A fact of the story as the sources state it.
#[derive(Debug)]
pub struct Fact<'a> {
    /// Its index in the judgement's facts (`f{index + 1}` in JSON).
    pub index: usize,
    /// The claim whose frame names the fact.
    pub first: &'a Claim,
    /// The judge found values of it that cannot both be true.
    pub disputed: bool,
    /// The value most independent sources give; `None` when the top values
    /// are given by as many sources each (no side outweighs the other).
    pub value: Option<Stated<'a>>,
    /// The other values, most sources first; on a tie, every value.
    pub dissent: Vec<Stated<'a>>,
}

/// What makes two values of one fact the same value: the figure, not the
/// noun counted ("5 incidents" and "5 cases" of one group are one value),
/// nor the hedge ("about 300" is a wording of 300).
fn key(v: &ClaimValue) -> String {
    let amount = |a: &Amount| match a {
        Amount::Approx { value } => format!("{:?}", Amount::Exact { value: *value }),
        a => format!("{a:?}"),
    };
    match v {
        ClaimValue::Quantity { amount: a, .. } | ClaimValue::Age { amount: a, .. } => amount(a),
        ClaimValue::Percent { amount: a } => amount(a),
        ClaimValue::Money {
            amount: a,
            currency,
        } => format!("{currency} {}", amount(a)),
        ClaimValue::Size { amount: a, unit } => format!("{} {unit}", amount(a)),
        other => other.display(),
    }
}

/// The story's facts worth an editor's first look: stated by at least two
/// independent sources, or disputed. Disputed facts first, then in the
/// order their first claims stand in the input. Quotes are left out: a
/// remark is not a value, and a changed one is a finding of its own.
pub fn sheet<'a>(docs: &'a [Extraction], j: &Judgement) -> Vec<Fact<'a>> {
    let claim = |r: ClaimRef| &docs[r.doc].claims[r.claim];
    let mut out = Vec::new();
    for (index, f) in j.facts.iter().enumerate() {
        if f.kind == ClaimKind::Quote || f.claims.is_empty() {
            continue;
        }
        let sources_of = |at: &[ClaimRef]| {
            at.iter()
                .map(|r| j.source_of[r.doc])
                .collect::<BTreeSet<_>>()
                .len()
        };
        let all = sources_of(&f.claims);
        if all < 2 && !f.conflicting {
            continue;
        }
        let stated = |at: Vec<ClaimRef>| Stated {
            claim: claim(at[0]),
            sources: sources_of(&at),
            at,
        };
        let first = claim(f.claims[0]);
        if !f.conflicting {
            // Values the judge found compatible ("about 10" and "10") are
            // one value: shown as the wording most sources use.
            let groups = by_value(&f.claims, &claim);
            let shown = groups
                .iter()
                .max_by_key(|g| (sources_of(g), std::cmp::Reverse(g[0])))
                .map(|g| g[0])
                .unwrap_or(f.claims[0]);
            let mut at = f.claims.clone();
            at.sort_by_key(|&r| (r != shown, r));
            out.push(Fact {
                index,
                first,
                disputed: false,
                value: Some(stated(at)),
                dissent: Vec::new(),
            });
            continue;
        }
        let mut values: Vec<Stated> = by_value(&f.claims, &claim)
            .into_iter()
            .map(stated)
            .collect();
        values.sort_by_key(|v| (std::cmp::Reverse(v.sources), v.at[0]));
        let tied = values.len() > 1 && values[0].sources == values[1].sources;
        let (value, dissent) = if tied {
            (None, values)
        } else {
            let mut rest = values.into_iter();
            (rest.next(), rest.collect())
        };
        out.push(Fact {
            index,
            first,
            disputed: true,
            value,
            dissent,
        });
    }
    // The judge may group two mentions of one figure apart ("5 incidents"
    // in the lead and in a table): one row, its sources together. Rows are
    // found by name and value, not by comparing each fact with every row
    // before it (time in the square of an archive's facts).
    let mut merged: Vec<Fact> = Vec::with_capacity(out.len());
    let mut row_of: std::collections::HashMap<(String, Option<String>), usize> =
        std::collections::HashMap::new();
    for f in out {
        if f.disputed {
            merged.push(f);
            continue;
        }
        let k = (name(f.first), f.value.as_ref().map(|v| key(&v.claim.value)));
        match row_of.get(&k) {
            Some(&g) => {
                let g = &mut merged[g];
                if let (Some(gv), Some(fv)) = (&mut g.value, f.value) {
                    gv.at.extend(fv.at);
                    gv.at[1..].sort_unstable();
                    gv.at.dedup();
                    gv.sources = gv
                        .at
                        .iter()
                        .map(|r| j.source_of[r.doc])
                        .collect::<BTreeSet<_>>()
                        .len();
                }
            }
            None => {
                row_of.insert(k, merged.len());
                merged.push(f);
            }
        }
    }
    merged.sort_by_key(|f| (!f.disputed, f.index));
    merged
}

/// The claims grouped by value, each group in input order, groups in the
/// order of their first claim.
fn by_value<'a>(claims: &[ClaimRef], claim: &impl Fn(ClaimRef) -> &'a Claim) -> Vec<Vec<ClaimRef>> {
    let mut groups: Vec<(String, Vec<ClaimRef>)> = Vec::new();
    for &r in claims {
        let k = key(&claim(r).value);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, at)) => at.push(r),
            None => groups.push((k, vec![r])),
        }
    }
    groups.into_iter().map(|(_, at)| at).collect()
}

/// The fact in words: "Number of violations", "Date (event: destroy)".
pub fn name(c: &Claim) -> String {
    let s = crate::judge::subject(c);
    // "date (destroy)": the event is a concept's code; said as such.
    let s = match s.split_once(" (") {
        Some((head, _)) => head.to_string(),
        None => s,
    };
    let mut cs = s.chars();
    let s = cs
        .next()
        .map(|h| h.to_uppercase().collect::<String>() + cs.as_str())
        .unwrap_or_default();
    match (&c.frame.event, c.frame.attribute.as_str()) {
        (Some(e), "date") => format!("{s} (event: {e})"),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::Fact as Group;

    #[test]
    fn two_groups_of_one_figure_make_one_row_and_other_figures_their_own() {
        let docs: Vec<Extraction> = [5.0, 5.0, 5.0, 5.0, 7.0, 7.0]
            .iter()
            .enumerate()
            .map(|(d, &v)| Extraction::of_claims(&format!("{d}.md"), vec![Claim::raids(v)]))
            .collect();
        let r = |doc| ClaimRef { doc, claim: 0 };
        let group = |a: usize, value: &str| Group {
            kind: ClaimKind::Quantity,
            claims: vec![r(a), r(a + 1)],
            values: vec![(value.into(), vec![a, a + 1])],
            conflicting: false,
        };
        let j = Judgement {
            findings: Vec::new(),
            facts: vec![group(0, "5 raid"), group(2, "5 raid"), group(4, "7 raid")],
            sources: vec![Default::default(); 6],
            source_of: (0..6).collect(),
            reported: vec![true; 6],
        };
        let rows = sheet(&docs, &j);
        let shown: Vec<(Vec<ClaimRef>, usize)> = rows
            .iter()
            .map(|f| {
                let v = f.value.as_ref().unwrap();
                (v.at.clone(), v.sources)
            })
            .collect();
        assert_eq!(
            shown,
            [(vec![r(0), r(1), r(2), r(3)], 4), (vec![r(4), r(5)], 2)]
        );
    }
}
