//! Pair search: how alike two items are, and which pairs of linked
//! documents frame one fact. The judge asks through one of these:
//!
//! - [`Aligned::frame_pairs`]: the rules over all claims (dates, counts,
//!   attributes) take their candidate pairs here; each item's best-framed
//!   match per document, found once and filtered per rule.
//! - [`Aligned::frame_score`]: how well two given items frame one fact, to
//!   rank the members of a claim's group (which are not all best matches).
//! - [`Aligned::support_score`]: the same, looser, for whether a source could
//!   state a figure at all (its change and rate may be told otherwise).
//! - [`Aligned::local_similarity`]: the words of two clauses alone.
//! - [`Aligned::similarity`]: the weighted terms of two whole contexts, for
//!   claims with no frame to score (quotes).
//!
//! They differ in what they weigh, not only in cost, so one cannot stand for
//! another without changing what the rules find.

use super::{frames, Aligned};
use rayon::prelude::*;

/// The lowest frame score at which a rule takes two claims for one fact.
#[derive(Debug, Clone, Copy)]
pub struct Floors {
    /// Between documents whose story is only inferred.
    pub inferred: f32,
    /// Between a draft and a reference (`check --against`).
    pub against: f32,
}

/// The lowest score floor any rule gives [`Aligned::frame_pairs`]: pairs
/// under it are never kept, so they are not stored.
pub const LOWEST_FLOOR: f32 = 0.4;

impl Aligned<'_> {
    /// How well items `a` and `b` frame one fact (`None`: not one fact, or
    /// not comparable at all).
    pub fn frame_score(&self, a: usize, b: usize) -> Option<f32> {
        self.frame_score_with(a, b, false)
    }

    /// [`Self::frame_score`] for support only: a figure's change and rate
    /// need not be told alike for a source to state it.
    pub fn support_score(&self, a: usize, b: usize) -> Option<f32> {
        self.frame_score_with(a, b, true)
    }

    fn frame_score_with(&self, a: usize, b: usize, loose: bool) -> Option<f32> {
        // Most pairs asked about are of two kinds of value: no names looked
        // up for them.
        if self.frames.block_ids[a].is_none()
            || self.frames.block_ids[a] != self.frames.block_ids[b]
        {
            return None;
        }
        let (da, db) = (self.items[a].doc, self.items[b].doc);
        let story = self.stories.similarity(da, db);
        self.score_in(
            a,
            b,
            loose,
            self.unshared(a, db),
            self.unshared(b, da),
            story,
        )
    }

    /// Whether a name of item `x`'s clause, or of its sentence, is nowhere
    /// in document `other`.
    fn unshared(&self, x: usize, other: usize) -> frames::Unshared {
        let used = &self.docs[other].profile.names_used;
        if used.is_empty() {
            return frames::Unshared::default();
        }
        let feat = &self.frames.feats[x];
        let clause = feat.name_keys.iter().any(|k| !k.in_doc(used));
        frames::Unshared {
            clause,
            sentence: clause || feat.sentence_keys().iter().any(|k| !k.in_doc(used)),
            known: !feat.name_keys.is_empty()
                && feat.name_keys.iter().all(|k| k.partly_in_doc(used)),
        }
    }

    /// [`Self::frame_score`], with whether each claim's clause names
    /// something the other document never mentions, and the documents'
    /// story similarity, already known (once per pair of documents, not per
    /// pair of claims).
    fn score_in(
        &self,
        a: usize,
        b: usize,
        loose: bool,
        a_unshared: frames::Unshared,
        b_unshared: frames::Unshared,
        story: f32,
    ) -> Option<f32> {
        let block = self.frames.blocks[a].as_ref()?;
        if self.frames.blocks[b].as_ref() != Some(block) {
            return None;
        }
        let (da, db) = (self.items[a].doc, self.items[b].doc);
        let ratio = match (self.frames.feats[a].money(), self.frames.feats[b].money()) {
            (Some(x), Some(y)) => Some(x.max(y) / x.min(y)),
            _ => None,
        };
        let cx = frames::PairContext {
            loose,
            ratio,
            against: self.against(da, db),
            story,
            one_value: self.frames.one_value[a] && self.frames.one_value[b],
            a_unshared,
            b_unshared,
        };
        frames::score(
            &self.claim(a).frame,
            &self.frames.feats[a],
            &self.claim(b).frame,
            &self.frames.feats[b],
            block,
            &cx,
        )
    }

    /// How alike the words of two items' clauses are, in [0, 1].
    pub fn local_similarity(&self, a: usize, b: usize) -> f32 {
        frames::local_similarity(&self.frames.feats[a], &self.frames.feats[b])
    }

    /// Pairs (a < b) of items of linked documents, of a block `keep`
    /// accepts, where one is the other's best-framed match in its document
    /// and the score reaches its floor, with the score; sorted.
    ///
    /// The pairs of every block are found once, each item with its best
    /// match whatever the score, and each rule keeps its blocks and its
    /// floor: an item's best match above a floor is its best match, if that
    /// reaches the floor, so this gives what a search per rule would.
    pub fn frame_pairs(
        &self,
        keep: impl Fn(&frames::Block) -> bool,
        floors: Floors,
    ) -> Vec<(usize, usize, f32)> {
        debug_assert!(floors.against >= LOWEST_FLOOR && floors.inferred >= LOWEST_FLOOR);
        debug_assert!(!self.rules_done, "the frame pairs were freed");
        self.frame_pairs
            .get_or_init(|| self.best_frame_pairs())
            .iter()
            .map(|&(a, b, s)| (a as usize, b as usize, s))
            .filter(|&(a, b, s)| {
                let floor = if self.against(self.items[a].doc, self.items[b].doc) {
                    floors.against
                } else {
                    floors.inferred
                };
                s >= floor && self.frames.blocks[a].as_ref().is_some_and(&keep)
            })
            .collect()
    }

    /// Every pair (a < b) of items of linked documents, of one block, where
    /// one is the other's best-framed match in its document and the score
    /// reaches the lowest floor a rule asks; sorted.
    /// Items are kept as `u32`: the pairs of an archive are kept for the
    /// whole judgement.
    pub(super) fn best_frame_pairs(&self) -> Vec<(u32, u32, f32)> {
        let n = self.docs.len();
        // Each linked pair of documents is a task of its own: a document
        // with hundreds of claims linked to others like it is seconds of
        // work, which one task per document left to one core.
        let linked: Vec<(usize, usize, f32)> = (0..n)
            .flat_map(|da| {
                self.stories.links[da]
                    .iter()
                    .zip(&self.stories.sims[da])
                    .filter(move |&(&db, _)| db > da)
                    .map(move |(&db, &story)| (da, db, story))
            })
            .collect();
        let mut out: Vec<(u32, u32, f32)> = linked
            .into_par_iter()
            .flat_map_iter(|(da, db, story)| {
                self.best_pairs_between(da, db, story)
                    .into_iter()
                    .map(|(a, b, s)| (a as u32, b as u32, s))
            })
            .collect();
        out.par_sort_by_key(|x| (x.0, x.1));
        out.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
        out
    }

    /// The best-framed pairs between the items of two linked documents
    /// (`story`: how alike they are), each item's best partner on either
    /// side, reaching the lowest floor a rule asks.
    fn best_pairs_between(&self, da: usize, db: usize, story: f32) -> Vec<(usize, usize, f32)> {
        let mut found: Vec<(usize, usize, f32)> = Vec::new();
        let ra = self.items_of(da);
        let rb = self.items_of(db);
        // The other document's items by kind of value: only
        // one kind is ever compared with one item.
        let mut by_block: Vec<(u32, Vec<usize>)> = Vec::new();
        for b in rb.clone() {
            let Some(id) = self.frames.block_ids[b] else {
                continue;
            };
            match by_block.iter_mut().find(|(x, _)| *x == id) {
                Some((_, v)) => v.push(b),
                None => by_block.push((id, vec![b])),
            }
        }
        if by_block.is_empty() {
            return found;
        }
        // Whether each claim's clause names something the other
        // document never mentions: asked once per claim, not per pair, and
        // only of claims with a claim of their kind on the other side.
        let mut b_unshared: Vec<Option<frames::Unshared>> = vec![None; rb.len()];
        // Best partner of each item on either side.
        let mut best_b: Vec<Option<(usize, f32)>> = vec![None; rb.len()];
        for a in ra.clone() {
            let Some(same) =
                self.frames.block_ids[a].and_then(|id| by_block.iter().find(|(x, _)| *x == id))
            else {
                continue;
            };
            let mut best: Option<(usize, f32)> = None;
            let a_unshared = self.unshared(a, db);
            for &b in &same.1 {
                let b_unshared =
                    *b_unshared[b - rb.start].get_or_insert_with(|| self.unshared(b, da));
                let Some(s) = self.score_in(a, b, false, a_unshared, b_unshared, story) else {
                    continue;
                };
                if s < LOWEST_FLOOR {
                    continue;
                }
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((b, s));
                }
                let slot = &mut best_b[b - rb.start];
                if slot.is_none_or(|(_, bs)| s > bs) {
                    *slot = Some((a, s));
                }
            }
            if let Some((b, s)) = best {
                found.push((a, b, s));
            }
        }
        for (k, slot) in best_b.into_iter().enumerate() {
            if let Some((a, s)) = slot {
                found.push((a, rb.start + k, s));
            }
        }
        found
    }

    /// Weighted term overlap of two items in [0, 1] (cosine of binary
    /// vectors weighted by inverse document frequency).
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        let (ta, tb) = (&self.items[a].terms, &self.items[b].terms);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.index.idf[ta[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        let denom = (self.index.norms[a] * self.index.norms[b]).sqrt();
        if denom == 0.0 {
            0.0
        } else {
            shared / denom
        }
    }
}
