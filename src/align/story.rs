//! Stories: which documents tell the same story.
//!
//! Two quakes in one country, two heists in one city, two award ceremonies:
//! their figures must never meet. Documents are linked when they share the
//! names and rare words that tell a story apart (each document's signature,
//! read at extraction: see `extract::fingerprint`) and were written close
//! together. Claims are only compared between linked documents, which also
//! keeps the cost near-linear: each document has at most [`MAX_LINKS`]
//! links, found through an index of the signature words, never by comparing
//! every pair.

use crate::model::{ClaimValue, Extraction, Granularity, Word};
use rayon::prelude::*;

/// How alike two signatures must be for one story.
pub const MIN_SIMILARITY: f32 = 0.12;
/// How alike a draft must be to a reference: the user says the draft is
/// about the references' story, so little more than a shared word or two.
pub const MIN_DRAFT_SIMILARITY: f32 = 0.02;
/// The weight of a full date a document states, as a story word.
pub const DAY_WEIGHT: f32 = 3.0;
/// Links kept per document, the most alike first.
pub const MAX_LINKS: usize = 60;
/// A draft linked to no reference is linked to every one of at most this
/// many references.
pub const MAX_UNLINKED_REFERENCES: usize = 20;
/// Days apart beyond which two dated documents tell different stories.
pub const MAX_DAYS_APART: i32 = 75;
/// Signature words this common in the run say little about any one story;
/// those shared by more documents weigh less.
const COMMON_DOCS: usize = 12;
/// Words shared by more documents than this are not used to find links: a
/// story is told in tens of versions, a few hundred at most. The bound also
/// keeps the cost near-linear, at most this many candidates per entry of
/// the index. On the distinct 1 GB archive (benches/make_distinct.py, whose
/// file names tell each document's story) 800 against 2,000 kept 99.99% of
/// the same-story pairs, dropped 54% of the links between different
/// stories, and took the step from 18-26 s to 10 s.
const MAX_POSTINGS: usize = 800;

/// The documents each document tells a story with.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    /// Per document: linked documents, sorted.
    pub links: Vec<Vec<usize>>,
    /// Per document: the similarity of each link, in the order of `links`.
    pub sims: Vec<Vec<f32>>,
}

impl Stories {
    /// Links `docs`, where document `d` stands for `weights[d]` identical
    /// copies.
    pub fn of(docs: &[Extraction], weights: &[usize], drafts: &[bool]) -> Stories {
        let n = docs.len();
        // Each document's words are gathered on every core; ids are then
        // given out in document order on one, keyed by the interned word's
        // key (one copy of each word: no string is hashed).
        let keys: Vec<Vec<(Word, f32)>> = docs
            .par_iter()
            .map(|ex| {
                // The days a document states in full tell its story too:
                // two reports of one arrest give its date.
                let days = ex.claims.iter().filter_map(|c| match &c.value {
                    ClaimValue::Date(v)
                        if v.granularity == Granularity::Day
                            && !v.relative
                            && c.frame.attribute != "published" =>
                    {
                        Some((Word::new(&format!("@{}", v.value)), DAY_WEIGHT))
                    }
                    _ => None,
                });
                ex.profile.story.iter().copied().chain(days).collect()
            })
            .collect();
        let mut vocab: foldhash::HashMap<usize, u32> = Default::default();
        let mut df: Vec<usize> = Vec::new();
        let raw: Vec<Vec<(u32, f32)>> = keys
            .into_iter()
            .enumerate()
            .map(|(d, keys)| {
                let mut v: Vec<(u32, f32)> = keys
                    .into_iter()
                    .map(|(w, wt)| {
                        let next = vocab.len() as u32;
                        let id = *vocab.entry(w.key()).or_insert_with(|| {
                            df.push(0);
                            next
                        });
                        df[id as usize] += weights[d];
                        (id, wt)
                    })
                    .collect();
                v.sort_unstable_by_key(|x| x.0);
                v.dedup_by_key(|x| x.0);
                v
            })
            .collect();
        let total: usize = weights.iter().sum();
        let common = COMMON_DOCS.max(total / 100);
        let vecs: Vec<Vec<(u32, f32)>> = raw
            .into_iter()
            .map(|v| {
                v.into_iter()
                    .map(|(id, w)| {
                        let f = df[id as usize];
                        let discount = if f > common {
                            common as f32 / f as f32
                        } else {
                            1.0
                        };
                        (id, w * discount)
                    })
                    .collect()
            })
            .collect();
        let norms: Vec<f32> = vecs
            .iter()
            .map(|v| v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt())
            .collect();
        // Documents as u32: half the bytes to stream through per entry.
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
        for (d, v) in vecs.iter().enumerate() {
            for &(id, w) in v {
                postings[id as usize].push((d as u32, w));
            }
        }
        // Each document's candidates are scored on both cores, each worker
        // with its own accumulator; the links are then made in document
        // order, as one pass would make them.
        let found: Vec<Vec<(usize, f32)>> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0.0f32; n], Vec::new()),
                |(acc, touched), a| {
                    for &(id, wa) in &vecs[a] {
                        let p = &postings[id as usize];
                        if p.len() > MAX_POSTINGS {
                            continue;
                        }
                        // Postings are in document order: the documents
                        // after `a` are the list's tail.
                        for &(b, wb) in &p[p.partition_point(|&(b, _)| b as usize <= a)..] {
                            let b = b as usize;
                            if acc[b] == 0.0 {
                                touched.push(b);
                            }
                            acc[b] += wa * wb;
                        }
                    }
                    let mut out = Vec::new();
                    for &b in touched.iter() {
                        let denom = norms[a] * norms[b];
                        let sim = if denom > 0.0 { acc[b] / denom } else { 0.0 };
                        acc[b] = 0.0;
                        let min = if drafts[a] != drafts[b] {
                            MIN_DRAFT_SIMILARITY
                        } else {
                            MIN_SIMILARITY
                        };
                        if sim >= min && same_period(&docs[a], &docs[b]) {
                            out.push((b, sim));
                        }
                    }
                    touched.clear();
                    out
                },
            )
            .collect();
        let mut links: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
        for (a, found) in found.into_iter().enumerate() {
            for (b, sim) in found {
                links[a].push((b, sim));
                links[b].push((a, sim));
            }
        }
        // A draft that shares no telling word with any reference (a summary
        // of an earnings call names no one) is still about the references'
        // story when the user gives a handful of them.
        let refs: Vec<usize> = (0..n).filter(|&d| !drafts[d]).collect();
        if refs.len() <= MAX_UNLINKED_REFERENCES {
            for d in (0..n).filter(|&d| drafts[d]) {
                if !links[d].iter().any(|&(o, _)| !drafts[o]) {
                    for &r in &refs {
                        links[d].push((r, 0.0));
                        links[r].push((d, 0.0));
                    }
                }
            }
        }
        // Each document's links are sorted and cut on every core.
        let (links, sims) = links
            .into_par_iter()
            .map(|mut l| {
                l.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                l.truncate(MAX_LINKS);
                l.sort_by_key(|x| x.0);
                l.into_iter().unzip::<_, _, Vec<usize>, Vec<f32>>()
            })
            .unzip();
        let mut out = Stories { links, sims };
        // Keep a link both ends kept: a document that is among the most
        // alike of hundreds of others (a hub of common words) keeps its own
        // most alike only, and no document has more than MAX_LINKS links.
        let kept: Vec<(Vec<usize>, Vec<f32>)> = (0..n)
            .into_par_iter()
            .map(|a| {
                out.links[a]
                    .iter()
                    .zip(&out.sims[a])
                    .filter(|&(&b, _)| out.links[b].binary_search(&a).is_ok())
                    .map(|(&b, &s)| (b, s))
                    .unzip()
            })
            .collect();
        for (a, (l, s)) in kept.into_iter().enumerate() {
            out.links[a] = l;
            out.sims[a] = s;
        }
        out
    }

    /// Whether two documents tell one story.
    pub fn linked(&self, a: usize, b: usize) -> bool {
        a != b && self.links[a].binary_search(&b).is_ok()
    }

    /// The similarity of two linked documents (0 when not linked).
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        match self.links[a].binary_search(&b) {
            Ok(k) => self.sims[a][k],
            Err(_) => 0.0,
        }
    }
}

/// Whether two documents were written close enough together to tell one
/// story: within [`MAX_DAYS_APART`] days where both dates are known, within
/// a year where only years are; any two when either is unknown.
pub fn same_period(a: &Extraction, b: &Extraction) -> bool {
    // A reference guessed from the body may be a historical date.
    if !a.reference.reliable() || !b.reference.reliable() {
        return true;
    }
    match (a.reference.date, b.reference.date) {
        (Some(x), Some(y)) => {
            let days = (x - y).get_days().abs();
            days <= MAX_DAYS_APART
        }
        _ => match (a.reference.year, b.reference.year) {
            (Some(x), Some(y)) => (x - y).abs() <= 1,
            _ => true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;

    fn ex(keys: &[&str]) -> Extraction {
        Extraction {
            profile: Profile {
                story: keys.iter().map(|k| (Word::new(k), 1.0)).collect(),
                ..Default::default()
            }
            .into(),
            ..Extraction::of_claims(&keys.join(" "), Vec::new())
        }
    }

    #[test]
    fn a_document_alike_to_many_keeps_its_most_alike_and_links_stay_mutual() {
        // One document shares its only word with every other; the others
        // share nothing else, so each has it as its one story-mate.
        let mut docs = vec![ex(&["harbour"])];
        let others = MAX_LINKS + 10;
        for i in 0..others {
            docs.push(ex(&["harbour", &format!("name{i}")]));
        }
        let n = docs.len();
        let st = Stories::of(&docs, &vec![1; n], &vec![false; n]);
        assert_eq!(st.links[0].len(), MAX_LINKS);
        for a in 0..n {
            assert!(st.links[a].len() <= MAX_LINKS);
            for &b in &st.links[a] {
                assert!(st.linked(b, a), "{a} links {b} one way");
            }
        }
        // The ten the crowded document did not keep have no story-mate.
        assert_eq!(st.links.iter().filter(|l| l.is_empty()).count(), 10);
    }

    #[test]
    fn a_word_too_many_documents_share_finds_no_story() {
        // A thousand documents name the harbour: more than one story has
        // versions. In an archive this large (the last document stands for
        // a million) the word is rare enough to weigh in full, and still
        // links none of them.
        let shared = 1000;
        let mut docs: Vec<Extraction> = (0..shared)
            .map(|i| ex(&["harbour", &format!("name{i}")]))
            .collect();
        docs.push(ex(&["ferryman", "quay"]));
        docs.push(ex(&["ferryman", "pier"]));
        docs.push(ex(&["archive"]));
        let n = docs.len();
        let mut weights = vec![1; n];
        weights[n - 1] = 1_000_000;
        let st = Stories::of(&docs, &weights, &vec![false; n]);
        assert!(st.links[..shared].iter().all(|l| l.is_empty()));
        assert!(st.linked(n - 3, n - 2), "a rarer word still links");
    }
}
