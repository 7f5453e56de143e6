//! Claims aligned: which claims, in different documents, speak of the same
//! event or the same counted thing.
//!
//! Every claim becomes an [`Item`] with the content terms of its sentence
//! (read through the spin lexicon) and the actors it names, weighed by how
//! few documents use them. Pairs are only sought between documents of one
//! story and claims of one kind of value, so the cost grows with the
//! stories, never with all pairs.

mod actors;
mod features;
pub mod frames;
mod index;
mod pairs;
pub mod story;
pub mod terms;

pub use pairs::{Floors, LOWEST_FLOOR};

use crate::model::{Claim, Extraction, Word};
use rayon::prelude::*;

/// A claim prepared for alignment.
#[derive(Debug, Clone)]
pub struct Item {
    pub doc: usize,
    pub claim: usize,
    /// Sorted, unique term ids of the claim's context: one list shared by
    /// the claims of a sentence.
    pub terms: std::sync::Arc<[u32]>,
    /// Canonical name of what the claim counts or measures, if anything.
    pub unit: Option<Word>,
    /// A word that makes the counted set a different one ("four *other*
    /// incidents", "two *more* arrests").
    pub qualifier: Option<Word>,
    /// The claim's sentence, as an index into [`Aligned::sentence`].
    pub sentence: usize,
}

/// All claims of a set of documents, indexed for alignment.
pub struct Aligned<'a> {
    pub docs: &'a [Extraction],
    pub items: Vec<Item>,
    index: index::TermIndex,
    /// Every frame pair of every block with its score, found on first use:
    /// the date, count and attribute rules each take their blocks from it.
    frame_pairs: std::sync::OnceLock<Vec<(u32, u32, f32)>>,
    /// The rules have run and their shared pairs are freed.
    rules_done: bool,
    /// Which documents tell one story.
    pub stories: story::Stories,
    /// Each item's frame words, weighted.
    pub frames: frames::Frames,
    /// Per document: its items.
    doc_items: Vec<std::ops::Range<usize>>,
    /// Per document: is it a draft checked against the others?
    pub drafts: Vec<bool>,
}

impl<'a> Aligned<'a> {
    /// Indexes `docs`, where document `d` stands for `weights[d]` identical
    /// copies (term weights count every copy, as if all were here) and
    /// `drafts[d]` marks the documents checked against the others (`check
    /// --against`): a draft meets the references it shares a story with more
    /// readily, since the user says it is about their story.
    pub fn for_drafts(docs: &'a [Extraction], weights: &[usize], drafts: Vec<bool>) -> Self {
        // Every claim is an item, in document and text order.
        let keys: Vec<(usize, usize)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, ex)| (0..ex.claims.len()).map(move |c| (d, c)))
            .collect();
        // Reading a sentence's terms (spin correction, stemming) is most of
        // the work and depends on nothing else, so each distinct sentence is
        // read once, in parallel; ids are then given out in document order,
        // as before.
        let (actor_keys, shared) = rayon::join(
            || actors::ActorKeys::new(docs),
            || features::SharedTerms::of(docs),
        );
        let read: Vec<Vec<Option<features::Terms>>> = docs
            .par_iter()
            .map(|ex| features::sentence_terms(ex, &actor_keys, &shared))
            .collect();
        // Ids are given out on one core; the stories and the frames need
        // none of them, and are found on the other meanwhile.
        let ((index, items), (stories, frames)) = rayon::join(
            || {
                let (index, mut items) = index::TermIndex::build(docs, weights, read);
                features::mark_parts(docs, &mut items, &index.sentences);
                (index, items)
            },
            || {
                rayon::join(
                    || story::Stories::of(docs, weights, &drafts),
                    || frames::Frames::new(docs, &keys),
                )
            },
        );
        drop(shared);
        debug_assert!(items
            .iter()
            .map(|it| (it.doc, it.claim))
            .eq(keys.iter().copied()));
        let mut doc_items = vec![0..0; docs.len()];
        let mut start = 0;
        for (d, range) in doc_items.iter_mut().enumerate() {
            let mut end = start;
            while end < items.len() && items[end].doc == d {
                end += 1;
            }
            *range = start..end;
            start = end;
        }
        Aligned {
            docs,
            items,
            index,
            frame_pairs: std::sync::OnceLock::new(),
            rules_done: false,
            stories,
            frames,
            doc_items,
            drafts,
        }
    }

    /// Finds what the rules share, on every core, before they run side by
    /// side: a rule that waits on another's first use of it holds its core
    /// idle (on a distinct archive the date rule found the frame pairs on
    /// one core while the others waited).
    pub fn prepare(&self) {
        rayon::join(
            || {
                self.frame_pairs.get_or_init(|| self.best_frame_pairs());
            },
            || {
                self.sentence_keys();
            },
        );
    }

    /// Gives up what only the rules and the ledger read, once they have
    /// run: the frame pairs and the term strings, on the distinct 100 MB
    /// archive 55 MB that the weighing, at the peak of a run, does not
    /// need. Half a million small strings: the caller drops them while
    /// other work runs.
    #[must_use = "drop it beside other work"]
    pub fn rules_done(&mut self) -> impl Send {
        self.rules_done = true;
        (
            std::mem::take(&mut self.frame_pairs),
            self.index.release_vocab(),
        )
    }

    /// Gives up all but the items and their claims once every claim is
    /// weighed: the term index, the frames and the stories (on the distinct
    /// 100 MB archive 150 MB) that grouping the facts, the last step and
    /// on an archive the peak of a run, does not read. Millions of small
    /// allocations: the caller drops them beside other work. Asking for a
    /// frame, a term or a story after is a mistake.
    #[must_use = "drop it beside other work"]
    pub fn weighing_done(&mut self) -> impl Send {
        (
            std::mem::take(&mut self.index),
            std::mem::take(&mut self.frames),
            std::mem::take(&mut self.stories),
        )
    }

    /// Whether a pair of documents is a draft and a reference.
    pub fn against(&self, da: usize, db: usize) -> bool {
        self.drafts[da] != self.drafts[db]
    }

    /// The items of document `d`.
    pub fn items_of(&self, d: usize) -> std::ops::Range<usize> {
        self.doc_items[d].clone()
    }

    pub fn claim(&self, item: usize) -> &Claim {
        let it = &self.items[item];
        &self.docs[it.doc].claims[it.claim]
    }
}
