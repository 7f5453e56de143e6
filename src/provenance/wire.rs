//! Wire copies: documents whose claims are the same, read the same way.
//!
//! An archive holds the same agency story many times over. Comparing every
//! copy with every other is quadratic in the copies of a story and tells
//! nothing new: what one copy says against another, every copy says. So each
//! group of identical extractions is cut down to at most two stand-ins, the
//! first copy and a second that stands for all the others (two, because one
//! copy still meets the others: a claim in one paragraph may contradict a
//! claim in another paragraph of a copy). Judges weigh each stand-in by the
//! copies it stands for, and findings are given back to every copy.
//!
//! Copies of one text are known from read time, by their key
//! (`Extraction::same_reading`); documents of different texts whose claims
//! are the same (the same story under another headline) are found by
//! hashing their claims.

use crate::model::{Extraction, TextKey};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Documents grouped into identical copies.
#[derive(Debug, Clone)]
pub struct Copies {
    /// Per stand-in: the documents it stands for, in input order (the first
    /// is the one it was taken from).
    pub members: Vec<Vec<usize>>,
    /// Per stand-in: the other stand-in of its group, if any.
    pub twin: Vec<Option<usize>>,
}

impl Copies {
    /// Groups `docs` by identical reference and claims; documents with a
    /// different `class` (drafts and references) never share a group.
    pub fn of(docs: &[Extraction], class: impl Fn(usize) -> bool) -> Copies {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
        // Copies of one text read against one reference are known at read
        // time: they meet by their key, without hashing every sentence.
        let mut by_text: HashMap<(TextKey, bool), usize> = HashMap::new();
        for (d, ex) in docs.iter().enumerate() {
            let text = (ex.text, class(d));
            if let Some(&g) = by_text.get(&text) {
                if docs[groups[g][0]].same_reading(ex) {
                    groups[g].push(d);
                    continue;
                }
            }
            let h = fingerprint(ex, class(d));
            let candidates = by_hash.entry(h).or_default();
            let same = candidates.iter().copied().find(|&g| {
                let first = groups[g][0];
                class(first) == class(d) && identical(&docs[first], ex)
            });
            let g = match same {
                Some(g) => {
                    groups[g].push(d);
                    g
                }
                None => {
                    candidates.push(groups.len());
                    groups.push(vec![d]);
                    groups.len() - 1
                }
            };
            by_text.entry(text).or_insert(g);
        }
        let mut members: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
        let mut twin = Vec::with_capacity(groups.len());
        for g in groups {
            let first = members.len();
            if g.len() == 1 {
                members.push(g);
                twin.push(None);
            } else {
                members.push(vec![g[0]]);
                members.push(g[1..].to_vec());
                twin.push(Some(first + 1));
                twin.push(Some(first));
            }
        }
        // Stand-ins in the order of the documents they were taken from, so
        // a corpus without copies is judged exactly as it is.
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by_key(|&s| members[s][0]);
        let mut rank = vec![0; order.len()];
        for (r, &s) in order.iter().enumerate() {
            rank[s] = r;
        }
        Copies {
            members: order.iter().map(|&s| members[s].clone()).collect(),
            twin: order.iter().map(|&s| twin[s].map(|t| rank[t])).collect(),
        }
    }

    /// How many documents each stand-in stands for.
    pub fn weights(&self) -> Vec<usize> {
        self.members.iter().map(Vec::len).collect()
    }

    /// What was found of each stand-in, given back to every document it
    /// stands for.
    pub fn give_back<T: Clone + Default>(&self, per_stand_in: &[T], n_docs: usize) -> Vec<T> {
        let mut out = vec![T::default(); n_docs];
        for (s, members) in self.members.iter().enumerate() {
            for &m in members {
                out[m] = per_stand_in[s].clone();
            }
        }
        out
    }

    /// The stand-in documents, borrowed when there are no copies.
    pub fn stand_ins<'a>(&self, docs: &'a [Extraction]) -> Cow<'a, [Extraction]> {
        if self.members.len() == docs.len() {
            Cow::Borrowed(docs)
        } else {
            Cow::Owned(self.members.iter().map(|m| docs[m[0]].clone()).collect())
        }
    }
}

fn fingerprint(ex: &Extraction, class: bool) -> u64 {
    // A fixed-seed foldhash: SipHash over every claim's sentence cost more
    // than the grouping it serves (equal hashes are compared in full).
    let mut h = std::hash::BuildHasher::build_hasher(&foldhash::fast::FixedState::with_seed(0));
    class.hash(&mut h);
    ex.reference.value().hash(&mut h);
    ex.claims.len().hash(&mut h);
    for c in &ex.claims {
        (c.kind, c.start, c.end, &c.surface(), &c.sentence()).hash(&mut h);
    }
    h.finish()
}

fn identical(a: &Extraction, b: &Extraction) -> bool {
    a.same_reading(b) || (a.reference == b.reference && a.claims == b.claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Reference};

    fn ex(path: &str, value: f64) -> Extraction {
        Extraction {
            text: TextKey::test(value as u128),
            ..Extraction::of_claims(path, vec![Claim::raids(value)])
        }
    }

    #[test]
    fn copies_shrink_to_two_stand_ins_in_input_order() {
        let docs = [
            ex("a", 5.0),
            ex("b", 6.0),
            ex("c", 5.0),
            ex("d", 5.0),
            ex("e", 5.0),
        ];
        let c = Copies::of(&docs, |_| true);
        assert_eq!(c.members, vec![vec![0], vec![1], vec![2, 3, 4]]);
        assert_eq!(c.twin, vec![Some(2), None, Some(0)]);
        assert_eq!(c.weights(), vec![1, 1, 3]);
        let s = c.stand_ins(&docs);
        assert_eq!(
            s.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn one_text_read_against_two_dates_is_two_readings() {
        let mut later = ex("b", 5.0);
        later.reference = Reference::given(jiff::civil::date(2025, 3, 1));
        let docs = [ex("a", 5.0), later, ex("c", 5.0)];
        let c = Copies::of(&docs, |_| true);
        assert_eq!(c.members, vec![vec![0], vec![1], vec![2]]);
        assert_eq!(c.twin, vec![Some(2), None, Some(0)]);
    }

    #[test]
    fn drafts_never_merge_with_references() {
        let docs = [ex("a", 5.0), ex("b", 5.0)];
        let c = Copies::of(&docs, |d| d == 0);
        assert_eq!(c.members, vec![vec![0], vec![1]]);
        assert!(matches!(c.stand_ins(&docs), Cow::Borrowed(_)));
    }
}
