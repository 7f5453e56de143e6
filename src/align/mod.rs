//! Claims aligned: which claims, in different documents, speak of the same
//! event or the same counted thing.
//!
//! Every claim becomes an [`Item`] with the content terms of its sentence
//! (read through the spin lexicon) and the actors it names. Candidate pairs
//! come from an inverted index over those terms, so the cost grows with the
//! number of claims that share a term, never with all pairs: terms that occur
//! in most documents carry no weight and are not used to block.

pub mod copies;
pub mod frames;
pub mod story;
pub mod terms;
pub mod wire;

use crate::extract::actors::acronym_of;
use crate::extract::spin;
use crate::lang::units;
use crate::model::{Claim, ClaimKind, ClaimValue, Extraction};
use rayon::prelude::*;
use std::collections::HashMap;

/// A claim prepared for alignment.
#[derive(Debug, Clone)]
pub struct Item {
    pub doc: usize,
    pub claim: usize,
    /// Sorted, unique term ids of the claim's context.
    pub terms: Vec<u32>,
    /// Canonical name of what the claim counts or measures, if anything.
    pub unit: Option<String>,
    /// A word that makes the counted set a different one ("four *other*
    /// incidents", "two *more* arrests").
    pub qualifier: Option<String>,
    /// The claim's sentence, as an index into [`Aligned::sentence`].
    pub sentence: usize,
}

/// The lowest frame score at which a rule takes two claims for one fact.
#[derive(Debug, Clone, Copy)]
pub struct Floors {
    /// Between documents whose story is only inferred.
    pub inferred: f32,
    /// Between a draft and a reference (`check --against`).
    pub against: f32,
}

/// All claims of a set of documents, indexed for alignment.
pub struct Aligned<'a> {
    pub docs: &'a [Extraction],
    pub items: Vec<Item>,
    vocab: HashMap<String, u32>,
    idf: Vec<f32>,
    norms: Vec<f32>,
    /// Per sentence: the items whose claims sit in it.
    sentences: Vec<std::ops::Range<usize>>,
    /// Term ids by the canonical unit each term names, built on first use:
    /// asking per counted set would scan the whole vocabulary each time.
    by_unit: std::sync::OnceLock<HashMap<String, Vec<u32>>>,
    /// Every frame pair of every block with its score, found on first use:
    /// the date, count and attribute rules each take their blocks from it.
    frame_pairs: std::sync::OnceLock<Vec<(usize, usize, f32)>>,
    /// Per sentence: a hash of its words in lower case, found on first use.
    sentence_keys: std::sync::OnceLock<Vec<u128>>,
    /// Which documents tell one story.
    pub stories: story::Stories,
    /// Each item's frame words, weighted.
    pub frames: frames::Frames,
    /// Per document: its items.
    doc_items: Vec<std::ops::Range<usize>>,
    /// Per document: is it a draft checked against the others?
    pub drafts: Vec<bool>,
}

/// The lowest score floor any rule gives [`Aligned::frame_pairs`]: pairs
/// under it are never kept, so they are not stored.
pub const LOWEST_FLOOR: f32 = 0.4;

/// Words that, standing between a number and its noun, make a different set.
const SUBSET_WORDS: &[&str] = &[
    "other",
    "additional",
    "remaining",
    "more",
    "further",
    "extra",
    "another",
    "previous",
    "prior",
    "subsequent",
    "similar",
];

/// Phrases that make a count a running or overall total.
const AGGREGATE_MARKERS: &[&str] = &[
    "a total of",
    "in total",
    "so far",
    "to date",
    "in all,",
    "altogether",
    "cumulative",
    "combined",
    "since the start",
    "since the beginning",
    "this year alone",
];

impl<'a> Aligned<'a> {
    /// Indexes `docs`, where document `d` stands for `weights[d]` identical
    /// copies (term weights count every copy, as if all were here) and
    /// `drafts[d]` marks the documents checked against the others (`check
    /// --against`): a draft meets the references it shares a story with more
    /// readily, since the user says it is about their story.
    pub fn for_drafts(docs: &'a [Extraction], weights: &[usize], drafts: Vec<bool>) -> Self {
        let lex = spin::Lexicon::bundled();
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut items = Vec::new();
        let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
        let actor_keys = ActorKeys::new(docs);
        // Reading a sentence's terms (spin correction, stemming) is most of
        // the work and depends on nothing else, so documents are read in
        // parallel; ids are then given out in document order, as before.
        let read: Vec<Vec<Option<Vec<String>>>> = docs
            .par_iter()
            .map(|ex| sentence_terms(ex, lex, &actor_keys))
            .collect();
        for ((d, ex), read) in docs.iter().enumerate().zip(read) {
            let mut seen_in_doc: Vec<u32> = Vec::new();
            // Claims of one sentence share its terms.
            let mut last: Vec<u32> = Vec::new();
            for ((c, claim), words) in ex.claims.iter().enumerate().zip(read) {
                let ids = match words {
                    None => last.clone(),
                    Some(words) => {
                        let mut ids: Vec<u32> = words
                            .into_iter()
                            .map(|t| {
                                let next = vocab.len() as u32;
                                *vocab.entry(t).or_insert_with(|| {
                                    df.push(0);
                                    next
                                })
                            })
                            .collect();
                        ids.sort_unstable();
                        ids.dedup();
                        last = ids.clone();
                        ids
                    }
                };
                seen_in_doc.extend(&ids);
                let (unit, qualifier) = unit_of(claim);
                // Claims are in text order, so one sentence's are adjacent.
                let new_sentence = c == 0 || {
                    let prev = &ex.claims[c - 1];
                    prev.line != claim.line || prev.sentence != claim.sentence
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
        mark_parts(docs, &mut items, &sentences);
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
        let keys: Vec<(usize, usize)> = items.iter().map(|it| (it.doc, it.claim)).collect();
        let (stories, frames) = rayon::join(
            || story::Stories::of(docs, weights, &drafts),
            || frames::Frames::new(docs, &keys),
        );
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
            vocab,
            idf,
            norms,
            sentences,
            by_unit: std::sync::OnceLock::new(),
            frame_pairs: std::sync::OnceLock::new(),
            sentence_keys: std::sync::OnceLock::new(),
            stories,
            frames,
            doc_items,
            drafts,
        }
    }

    /// Whether a pair of documents is a draft and a reference.
    pub fn against(&self, da: usize, db: usize) -> bool {
        self.drafts[da] != self.drafts[db]
    }

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
        self.score_in(a, b, loose, self.unshared(a, db), self.unshared(b, da))
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
            sentence: clause || feat.sentence_keys.iter().any(|k| !k.in_doc(used)),
            known: !feat.name_keys.is_empty()
                && feat.name_keys.iter().all(|k| k.partly_in_doc(used)),
        }
    }

    /// [`Self::frame_score`], with whether each claim's clause names
    /// something the other document never mentions already known.
    fn score_in(
        &self,
        a: usize,
        b: usize,
        loose: bool,
        a_unshared: frames::Unshared,
        b_unshared: frames::Unshared,
    ) -> Option<f32> {
        let block = self.frames.blocks[a].as_ref()?;
        if self.frames.blocks[b].as_ref() != Some(block) {
            return None;
        }
        let (da, db) = (self.items[a].doc, self.items[b].doc);
        let ratio = match (self.frames.feats[a].money, self.frames.feats[b].money) {
            (Some(x), Some(y)) => Some(x.max(y) / x.min(y)),
            _ => None,
        };
        let cx = frames::PairContext {
            loose,
            ratio,
            against: self.against(da, db),
            story: self.stories.similarity(da, db),
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

    /// The items of document `d`.
    pub fn items_of(&self, d: usize) -> std::ops::Range<usize> {
        self.doc_items[d].clone()
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
        self.frame_pairs
            .get_or_init(|| self.best_frame_pairs())
            .iter()
            .filter(|&&(a, b, s)| {
                let floor = if self.against(self.items[a].doc, self.items[b].doc) {
                    floors.against
                } else {
                    floors.inferred
                };
                s >= floor && self.frames.blocks[a].as_ref().is_some_and(&keep)
            })
            .copied()
            .collect()
    }

    /// Every pair (a < b) of items of linked documents, of one block, where
    /// one is the other's best-framed match in its document and the score
    /// reaches the lowest floor a rule asks; sorted.
    fn best_frame_pairs(&self) -> Vec<(usize, usize, f32)> {
        let n = self.docs.len();
        let mut out: Vec<(usize, usize, f32)> = (0..n)
            .into_par_iter()
            .flat_map_iter(|da| {
                let mut found: Vec<(usize, usize, f32)> = Vec::new();
                for &db in &self.stories.links[da] {
                    if db <= da {
                        continue;
                    }
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
                        continue;
                    }
                    // Whether each claim's clause names something the other
                    // document never mentions: once per claim, not per pair.
                    // Items of no block are never compared: nothing to ask.
                    let unshared = |x: usize, other: usize| match self.frames.block_ids[x] {
                        Some(_) => self.unshared(x, other),
                        None => frames::Unshared::default(),
                    };
                    let a_unshared: Vec<frames::Unshared> =
                        ra.clone().map(|a| unshared(a, db)).collect();
                    let b_unshared: Vec<frames::Unshared> =
                        rb.clone().map(|b| unshared(b, da)).collect();
                    // Best partner of each item on either side.
                    let mut best_b: Vec<Option<(usize, f32)>> = vec![None; rb.len()];
                    for a in ra.clone() {
                        let Some(same) = self.frames.block_ids[a]
                            .and_then(|id| by_block.iter().find(|(x, _)| *x == id))
                        else {
                            continue;
                        };
                        let mut best: Option<(usize, f32)> = None;
                        for &b in &same.1 {
                            let Some(s) = self.score_in(
                                a,
                                b,
                                false,
                                a_unshared[a - ra.start],
                                b_unshared[b - rb.start],
                            ) else {
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
                }
                found
            })
            .collect();
        out.sort_by_key(|x| (x.0, x.1));
        out.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
        out
    }

    pub fn claim(&self, item: usize) -> &Claim {
        let it = &self.items[item];
        &self.docs[it.doc].claims[it.claim]
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
                    shared += self.idf[ta[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        let denom = (self.norms[a] * self.norms[b]).sqrt();
        if denom == 0.0 {
            0.0
        } else {
            shared / denom
        }
    }

    /// The items whose claims sit in the same sentence as item `i`
    /// (including `i`), in text order.
    pub fn sentence(&self, i: usize) -> std::ops::Range<usize> {
        self.sentences[self.items[i].sentence].clone()
    }

    /// A key of item `i`'s sentence that two sentences share when their
    /// words are the same, spacing and case aside: two sources that carry a
    /// figure in the very same sentence copied it from one origin.
    pub fn sentence_key(&self, i: usize) -> u128 {
        let keys = self.sentence_keys.get_or_init(|| {
            self.sentences
                .par_iter()
                .map(|r| {
                    let mut words = String::new();
                    for w in self.claim(r.start).sentence.split_whitespace() {
                        if !words.is_empty() {
                            words.push(' ');
                        }
                        words.push_str(&w.to_lowercase());
                    }
                    xxhash_rust::xxh3::xxh3_128(words.as_bytes())
                })
                .collect()
        });
        keys[self.items[i].sentence]
    }

    /// The term id of a stemmed word, if any document uses it.
    pub fn term_id(&self, stemmed: &str) -> Option<u32> {
        self.vocab.get(stemmed).copied()
    }

    /// The term ids of every word in the unit group `unit`.
    pub fn unit_terms(&self, unit: &str) -> Vec<u32> {
        let by_unit = self.by_unit.get_or_init(|| {
            let mut map: HashMap<String, Vec<u32>> = HashMap::new();
            for (w, &id) in &self.vocab {
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

/// Alignment keys for the organisations and people claims name.
///
/// A name and its acronym meet ("Department of Investigation" and "DOI"),
/// and names that differ by a few letters meet ("Homeland Safety
/// Investigations" and "Homeland Security Investigations", a spinner's swap
/// the lexicon may not know): names are blocked by acronym and clustered by
/// edit similarity within a block, so the cost never grows with all pairs.
struct ActorKeys {
    /// Lowercased name -> canonical lowercased name of its cluster.
    canonical: HashMap<String, String>,
}

/// Edit similarity above which two names of the same acronym are one name.
const NAME_SIMILARITY: f64 = 0.8;
/// Blocks larger than this are left unclustered (too generic to cluster).
const MAX_NAME_BLOCK: usize = 200;

impl ActorKeys {
    fn new(docs: &[Extraction]) -> Self {
        let mut blocks: HashMap<String, Vec<String>> = HashMap::new();
        for ex in docs {
            for c in &ex.claims {
                for a in &c.actors {
                    if a.split_whitespace().count() >= 2 {
                        let names = blocks.entry(acronym_of(a)).or_default();
                        let lower = a.to_lowercase();
                        if !names.contains(&lower) {
                            names.push(lower);
                        }
                    }
                }
            }
        }
        let mut canonical = HashMap::new();
        for mut names in blocks.into_values() {
            names.sort();
            if names.len() > MAX_NAME_BLOCK {
                continue;
            }
            // Each name joins the first earlier name it resembles.
            let mut reps: Vec<String> = Vec::new();
            for n in names {
                let rep = reps
                    .iter()
                    .find(|r| strsim::normalized_levenshtein(r, &n) >= NAME_SIMILARITY)
                    .cloned();
                match rep {
                    Some(r) => {
                        canonical.insert(n, r);
                    }
                    None => reps.push(n),
                }
            }
        }
        ActorKeys { canonical }
    }

    /// Terms for the actors a claim's sentence names: `@name` for each, and
    /// `@acronym` for names of three or more capitalised words' initials.
    fn terms(&self, actors: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for a in actors {
            let lower = a.to_lowercase();
            let is_acronym = a.chars().all(|c| !c.is_lowercase())
                && a.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            if is_acronym {
                out.push(format!("@{}", lower.replace('.', "")));
                continue;
            }
            let name = self.canonical.get(&lower).unwrap_or(&lower);
            out.push(format!("@{name}"));
            let acro = acronym_of(a);
            if acro.chars().count() >= 3 {
                out.push(format!("@{}", acro.to_lowercase()));
            }
        }
        out
    }
}

/// A count of the same thing as a count before it in the same sentence names
/// a part of that set ("Of the five cases, investigators found one instance
/// ..."), so it gets the qualifier "part".
fn mark_parts(docs: &[Extraction], items: &mut [Item], sentences: &[std::ops::Range<usize>]) {
    for i in 0..items.len() {
        let Some(unit) = items[i].unit.clone() else {
            continue;
        };
        if items[i].qualifier.is_some() {
            continue;
        }
        let first = sentences[items[i].sentence].start;
        let earlier = items[first..i].iter().any(|o| {
            o.unit.as_deref() == Some(unit.as_str())
                && matches!(
                    docs[o.doc].claims[o.claim].value,
                    ClaimValue::Quantity { .. }
                )
        });
        if earlier {
            items[i].qualifier = Some("part".to_string());
        }
    }
}

/// The text that says what a claim is about.
/// The content terms of each claim's context, `None` where a claim shares
/// the sentence (and line) of the claim before it and so its terms.
fn sentence_terms(
    ex: &Extraction,
    lex: &spin::Lexicon,
    actor_keys: &ActorKeys,
) -> Vec<Option<Vec<String>>> {
    let mut out = Vec::with_capacity(ex.claims.len());
    let mut last: Option<(&str, usize)> = None;
    for claim in ex.claims.iter() {
        let same = claim.kind != ClaimKind::TableRow
            && last == Some((claim.sentence.as_str(), claim.line));
        if same {
            out.push(None);
            continue;
        }
        let canon = spin::canonicalise(&context_text(claim), lex).text;
        let mut words = terms::content_terms(&canon);
        words.extend(actor_keys.terms(&claim.actors));
        out.push(Some(words));
        last = Some((claim.sentence.as_str(), claim.line));
    }
    out
}

fn context_text(claim: &Claim) -> String {
    match &claim.value {
        ClaimValue::TableRow { cells, .. } => cells
            .iter()
            .map(|c| format!("{} {}", c.header, c.text))
            .collect::<Vec<_>>()
            .join(" "),
        _ => claim.sentence.clone(),
    }
}

fn unit_of(claim: &Claim) -> (Option<String>, Option<String>) {
    let unit = match &claim.value {
        ClaimValue::Quantity { unit, .. } | ClaimValue::Size { unit, .. } => unit.clone(),
        ClaimValue::TableRow {
            count: Some(_),
            subject,
            ..
        } => subject.clone(),
        _ => return (None, None),
    };
    let qualifier = claim
        .surface
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find(|w| SUBSET_WORDS.contains(&w.as_str()))
        .or_else(|| {
            // A running total ("a total of 14 rifles ... so far") is a
            // different set from the count of one event.
            let s = claim.sentence.to_lowercase();
            AGGREGATE_MARKERS
                .iter()
                .any(|m| s.contains(m))
                .then(|| "total".to_string())
        });
    (Some(units::canonical_unit(&unit)), qualifier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, Reference};

    fn ex(actors: &[&str]) -> Extraction {
        Extraction {
            path: "t".into(),
            title: None,
            outlet: None,
            url: None,
            origin: None,
            reference: Reference::unknown(),
            claims: vec![Claim {
                kind: ClaimKind::Quantity,
                start: 0,
                end: 1,
                line: 1,
                column: 1,
                surface: "5 raids".into(),
                sentence: "5 raids".into(),
                value: ClaimValue::Quantity {
                    amount: Amount::Exact { value: 5.0 },
                    unit: "raid".into(),
                },
                actors: actors.iter().map(|a| a.to_string()).collect(),
                frame: Default::default(),
                ends: None,
            }]
            .into(),
            profile: Default::default(),
        }
    }

    #[test]
    fn a_name_meets_its_acronym_and_its_near_spelling() {
        let docs = [
            ex(&["Homeland Safety Investigations"]),
            ex(&["Homeland Security Investigations"]),
            ex(&["HSI"]),
            ex(&["Hudson Shipping Inc"]),
        ];
        let keys = ActorKeys::new(&docs);
        let t0 = keys.terms(&docs[0].claims[0].actors);
        let t1 = keys.terms(&docs[1].claims[0].actors);
        let t2 = keys.terms(&docs[2].claims[0].actors);
        let t3 = keys.terms(&docs[3].claims[0].actors);
        assert_eq!(t0, t1);
        assert!(t1.contains(&t2[0]), "{t1:?} {t2:?}");
        // Same acronym, different name: they share the acronym key only.
        assert_ne!(t3[0], t1[0]);
    }

    #[test]
    fn different_departments_with_one_acronym_stay_apart() {
        let docs = [
            ex(&["Department of Health"]),
            ex(&["Department of Housing"]),
        ];
        let keys = ActorKeys::new(&docs);
        assert_ne!(
            keys.terms(&docs[0].claims[0].actors)[0],
            keys.terms(&docs[1].claims[0].actors)[0]
        );
    }
}
