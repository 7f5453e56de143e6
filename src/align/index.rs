//! The term index over every claim's context: term ids, their inverse
//! document frequency, each item's norm, and which items share a sentence.
//! Ids are given out in document order, so a run's ids never depend on how
//! the documents were read in parallel.

use super::features::unit_of;
use super::{terms, Aligned, Item};
use crate::lang::units;
use crate::model::{ClaimKind, Extraction};
use rayon::prelude::*;
use std::collections::HashMap;

/// The terms of every item, weighted for [`Aligned::similarity`].
#[derive(Default)]
pub(super) struct TermIndex {
    vocab: super::frames::Vocab,
    pub(super) idf: Vec<f32>,
    pub(super) norms: Vec<f32>,
    /// Per sentence: the items whose claims sit in it.
    pub(super) sentences: Vec<std::ops::Range<usize>>,
    /// Term ids by the canonical unit each term names, built on first use:
    /// asking per counted set would scan the whole vocabulary each time.
    by_unit: std::sync::OnceLock<HashMap<String, Vec<u32>>>,
    /// Per sentence: a hash of its words in lower case, found on first use.
    sentence_keys: std::sync::OnceLock<Vec<u128>>,
    /// The vocabulary was freed once the rules had run (see
    /// [`Aligned::rules_done`]): asking it after is a mistake.
    released: bool,
}

impl TermIndex {
    /// Indexes the terms `read` for each claim of `docs` (`None`: those of
    /// the claim before), where document `d` stands for `weights[d]`
    /// identical copies; gives the index and every claim as an item, in
    /// document and text order.
    pub(super) fn build(
        docs: &[Extraction],
        weights: &[usize],
        read: Vec<Vec<Option<super::features::Terms>>>,
    ) -> (TermIndex, Vec<Item>) {
        let mut vocab = super::frames::Vocab::default();
        let mut df: Vec<u32> = Vec::new();
        // Sized once: an archive has millions of items, and a vector grown
        // by doubling holds up to twice what it needs.
        let mut items = Vec::with_capacity(docs.iter().map(|ex| ex.claims.len()).sum());
        let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
        // What each claim counts depends on the claim alone: read on every
        // core, while the ids below are given out in document order.
        let units: Vec<Vec<_>> = docs
            .par_iter()
            .map(|ex| ex.claims.iter().map(unit_of).collect())
            .collect();
        let mut told_before: foldhash::HashMap<usize, std::sync::Arc<[u32]>> = Default::default();
        for (((d, ex), read), units) in docs.iter().enumerate().zip(read).zip(units) {
            let mut seen_in_doc: Vec<u32> = Vec::new();
            // Claims of one sentence share its terms.
            let mut last: std::sync::Arc<[u32]> = Default::default();
            for (((c, claim), words), (unit, qualifier)) in
                ex.claims.iter().enumerate().zip(read).zip(units)
            {
                // A sentence told word for word in another document (shared
                // when read: see `model::Sentences`) has the same terms: its
                // own and its names'.
                let told = (claim.kind != ClaimKind::TableRow)
                    .then(|| told_before.get(&claim.sentence_id()))
                    .flatten();
                let ids = match (words, told) {
                    (None, _) => last.clone(),
                    (Some(_), Some(ids)) => {
                        last = ids.clone();
                        last.clone()
                    }
                    (Some(words), None) => {
                        let mut ids: Vec<u32> = words
                            .iter()
                            .map(|t| {
                                let id = super::frames::id_of(&mut vocab, t);
                                if id as usize == df.len() {
                                    df.push(0);
                                }
                                id
                            })
                            .collect();
                        ids.sort_unstable();
                        ids.dedup();
                        last = ids.into();
                        if claim.kind != ClaimKind::TableRow {
                            told_before.insert(claim.sentence_id(), last.clone());
                        }
                        last.clone()
                    }
                };
                seen_in_doc.extend(ids.iter());
                // Claims are in text order, so one sentence's are adjacent.
                let new_sentence = c == 0 || {
                    let prev = &ex.claims[c - 1];
                    prev.line != claim.line || prev.sentence() != claim.sentence()
                };
                if new_sentence {
                    sentences.push(items.len()..items.len() + 1);
                } else if let Some(last) = sentences.last_mut() {
                    last.end += 1;
                }
                items.push(Item {
                    doc: d,
                    claim: c,
                    terms: ids,
                    unit,
                    qualifier,
                    sentence: sentences.len() - 1,
                });
            }
            seen_in_doc.sort_unstable();
            seen_in_doc.dedup();
            for &t in &seen_in_doc {
                df[t as usize] += weights[d] as u32;
            }
        }
        let n = weights.iter().sum::<usize>().max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            // Smoothed: a term every document uses weighs little but not
            // nothing, so a small corpus about one story still aligns.
            .map(|&f| ((n + 1.0) / (f as f32 + 0.5)).ln().max(0.0))
            .collect();
        let norms = items
            .iter()
            .map(|it| it.terms.iter().map(|&t| idf[t as usize]).sum())
            .collect();
        let index = TermIndex {
            vocab,
            idf,
            norms,
            sentences,
            by_unit: std::sync::OnceLock::new(),
            sentence_keys: std::sync::OnceLock::new(),
            released: false,
        };
        (index, items)
    }
}

impl TermIndex {
    /// Gives up the term strings (ids and weights stay): only the rules
    /// and the ledger look terms up by their words.
    pub(super) fn release_vocab(&mut self) -> impl Send {
        self.released = true;
        (
            std::mem::take(&mut self.vocab),
            std::mem::take(&mut self.by_unit),
        )
    }
}

impl Aligned<'_> {
    /// The items whose claims sit in the same sentence as item `i`
    /// (including `i`), in text order.
    pub fn sentence(&self, i: usize) -> std::ops::Range<usize> {
        self.index.sentences[self.items[i].sentence].clone()
    }

    /// A key of item `i`'s sentence that two sentences share when their
    /// words are the same, spacing and case aside: two sources that carry a
    /// figure in the very same sentence copied it from one origin.
    pub fn sentence_key(&self, i: usize) -> u128 {
        self.sentence_keys()[self.items[i].sentence]
    }

    /// Every sentence's key, by its place in the index.
    pub(super) fn sentence_keys(&self) -> &[u128] {
        self.index.sentence_keys.get_or_init(|| {
            self.index
                .sentences
                .par_iter()
                // One buffer for every sentence a worker reads, lowered in
                // place: most words are ASCII.
                .map_init(String::new, |words, r| {
                    words.clear();
                    for w in self.claim(r.start).sentence().split_whitespace() {
                        if !words.is_empty() {
                            words.push(' ');
                        }
                        if w.is_ascii() {
                            let at = words.len();
                            words.push_str(w);
                            words[at..].make_ascii_lowercase();
                        } else {
                            words.push_str(&w.to_lowercase());
                        }
                    }
                    xxhash_rust::xxh3::xxh3_128(words.as_bytes())
                })
                .collect()
        })
    }

    /// The term id of a stemmed word, if any document uses it.
    pub fn term_id(&self, stemmed: &str) -> Option<u32> {
        debug_assert!(!self.index.released, "the vocabulary was freed");
        self.index.vocab.get(stemmed).copied()
    }

    /// The term ids of every word in the unit group `unit`.
    pub fn unit_terms(&self, unit: &str) -> Vec<u32> {
        debug_assert!(!self.index.released, "the vocabulary was freed");
        let by_unit = self.index.by_unit.get_or_init(|| {
            let mut map: HashMap<String, Vec<u32>> = HashMap::new();
            for (w, &id) in &self.index.vocab {
                map.entry(units::canonical_unit(w)).or_default().push(id);
            }
            map
        });
        // A term (a stemmed content word) names `unit` when it canonicalises
        // to it, or when it is the unit's own stem.
        let mut ids: Vec<u32> = by_unit.get(unit).cloned().unwrap_or_default();
        ids.extend(self.term_id(&terms::stem(unit)));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether an item counts `unit` or its context names one of `unit_terms`.
    pub fn mentions_unit(&self, item: usize, unit: &str, unit_terms: &[u32]) -> bool {
        let it = &self.items[item];
        it.unit.as_deref() == Some(unit)
            || unit_terms.iter().any(|t| it.terms.binary_search(t).is_ok())
    }
}
