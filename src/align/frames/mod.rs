//! Claims aligned frame to frame: two claims of linked documents state the
//! same fact when they are values of the same attribute (same role, same
//! counted thing, same qualifier, same place) and their clauses say the same
//! thing around them. The wording of the whole sentence is one signal among
//! several, weighed with the frequencies of English, not of the run, so one
//! draft against one reference weighs its words as a large folder would.
//!
//! Claims are blocked by story (only linked documents meet, see
//! [`super::story`]) and by kind of value ([`Block`]); inside a pair of
//! documents, each claim is aligned with the claim of the other document
//! that frames it best, if that one frames it well enough.

mod names;
mod score;

pub use names::NameKeys;
pub use score::{local_similarity, score, PairContext, Unshared, MAX_MONEY_RATIO, SAME_WORDS};

use crate::lang::lexicon::Lexicon;
use crate::lang::tokens::tokenize;
use crate::lang::words;
use crate::model::{ClaimFrame, ClaimKind, ClaimValue, Extraction, Word};
use names::acronyms;

/// The kinds of value that can state one fact: only claims of one block
/// are compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Block {
    Date,
    Count,
    Age,
    /// Money in one currency.
    Money(Word),
    Percent,
    /// A measure of one dimension ("length", "magnitude", "page").
    Size(Word),
}

impl Block {
    pub fn of(kind: ClaimKind, value: &ClaimValue, frame: &ClaimFrame) -> Option<Block> {
        if frame.attribute == "published" {
            return None;
        }
        let lex = Lexicon::bundled();
        Some(match (kind, value) {
            (ClaimKind::Date, _) => Block::Date,
            (ClaimKind::TableRow, ClaimValue::TableRow { count: Some(_), .. }) => Block::Count,
            (ClaimKind::TableRow, ClaimValue::TableRow { date: Some(_), .. }) => Block::Date,
            (ClaimKind::Quantity, _) => Block::Count,
            (ClaimKind::Age, _) => Block::Age,
            (ClaimKind::Money, ClaimValue::Money { currency, .. }) => {
                Block::Money(Word::new(currency))
            }
            (ClaimKind::Percent, _) => Block::Percent,
            (ClaimKind::Size, ClaimValue::Size { unit, .. }) => {
                let u = unit.to_lowercase();
                Block::Size(match lex.unit(&u) {
                    Some((dim, _)) => Word::new(dim),
                    None if lex.concept(&u) == "magnitude" => Word::new("magnitude"),
                    None => Word::from(crate::lang::units::canonical_unit(&u)),
                })
            }
            _ => return None,
        })
    }
}

/// Word ids with their weights, sorted by id.
type Weighted = std::sync::Arc<[(u32, f32)]>;

/// A claim's words, weighted, ready to compare.
#[derive(Debug, Clone, Default)]
pub struct Feat {
    /// Concept ids of the claim's clause, with their weights, sorted by id:
    /// one list for the claims whose frames share their context words.
    local: Weighted,
    local_norm: f32,
    /// What the claims of its sentence share, read once for them all.
    sent: std::sync::Arc<SentenceFeat>,
    /// Ids of the words of the names of the claim's clause.
    names: Box<[u32]>,
    /// The names of the claim's clause as a document's `names_used` keeps
    /// them: for each, the keys of its words or pairs of words, and of
    /// its acronym.
    pub name_keys: Box<[NameKeys]>,
    /// For an amount of money, the figure it stands for; 0 for none (a
    /// figure is positive). Not an `Option`, which would take twice the
    /// room in every item.
    money: f64,
    /// What the frame's words say beyond themselves, read once per claim.
    /// (The words are compared as the claim's frame keeps them: interned,
    /// so equal words are equal pointers.)
    key: FrameKey,
}

impl Feat {
    /// For an amount of money, the figure it stands for.
    pub fn money(&self) -> Option<f64> {
        (self.money > 0.0).then_some(self.money)
    }

    /// The names of the claim's sentence (its actors) as a document's
    /// `names_used` keeps them.
    pub fn sentence_keys(&self) -> &[NameKeys] {
        &self.sent.keys
    }
}

/// A sentence's part of its claims' features: one for all of them.
#[derive(Debug, Default)]
struct SentenceFeat {
    /// Concept ids of the whole sentence, weighted, sorted by id.
    concepts: Box<[(u32, f32)]>,
    norm: f32,
    /// The names of the sentence (its actors), as [`Feat::name_keys`].
    keys: Box<[NameKeys]>,
}

/// What a frame's words say beyond themselves, read once per claim.
#[derive(Debug, Clone, Default)]
struct FrameKey {
    /// The concept of `of` ("hamlet" and "village" are one).
    of_concept: Option<Word>,
    /// How much a shared `of` says (rare things count more).
    of_weight: f32,
    /// The attribute says only what kind of value the claim is.
    generic: bool,
    /// Counting it once says nothing: "people", "times".
    of_generic: bool,
}

/// Attributes that say only what kind of value a claim is.
fn generic(a: &str) -> bool {
    matches!(
        a,
        "count" | "money" | "percent" | "size" | "date" | "age" | "length" | "time"
    )
}

impl FrameKey {
    fn new(f: &ClaimFrame) -> FrameKey {
        let lex = Lexicon::bundled();
        FrameKey {
            generic: generic(&f.attribute),
            of_concept: f.of.as_deref().map(|o| Word::new(lex.concept(o))),
            of_weight: f.of.as_deref().map_or(0.0, words::weight),
            of_generic: f.of.as_deref().is_some_and(generic_thing),
        }
    }
}

/// Weighted words of every claim, for alignment.
#[derive(Debug, Default)]
pub struct Frames {
    pub blocks: Vec<Option<Block>>,
    /// The blocks as small numbers, equal when the blocks are.
    pub block_ids: Vec<Option<u32>>,
    pub feats: Vec<Feat>,
    /// Per item: a count whose document counts its thing at this value
    /// only (its every count of violations says "multiple").
    pub one_value: Vec<bool>,
}

/// Words at this distance from the value weigh half.
const HALF_DISTANCE: f32 = 3.0;

/// Words by their ids. foldhash rather than SipHash: the ids are given out
/// on one core, in item order, for every term of every claim of a run.
pub(super) type Vocab = foldhash::HashMap<String, u32>;

/// The id of a word, given out in order of first use. Most words are
/// already known: no string is made for them.
pub(super) fn id_of(vocab: &mut Vocab, w: &str) -> u32 {
    match vocab.get(w) {
        Some(&id) => id,
        None => {
            let id = vocab.len() as u32;
            vocab.insert(w.to_string(), id);
            id
        }
    }
}

fn weighted<W: AsRef<str>>(
    vocab: &mut Vocab,
    words: impl Iterator<Item = (W, f32)>,
) -> (Vec<(u32, f32)>, f32) {
    let mut v: Vec<(u32, f32)> = words
        .map(|(w, wt)| (id_of(vocab, w.as_ref()), wt))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    v.dedup_by_key(|x| x.0);
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    (v, norm)
}

/// The content words of a sentence, as concepts with their English weight.
pub fn sentence_concepts(sentence: &str) -> Vec<(String, f32)> {
    let lex = Lexicon::bundled();
    let spin = crate::extract::spin::Lexicon::bundled();
    let canon = crate::extract::spin::canonicalise(sentence, spin).text;
    tokenize(&canon)
        .iter()
        .filter(|t| t.lower.chars().count() > 1)
        .filter_map(|t| crate::extract::frame::content_concept(lex, t))
        .map(|c| {
            let w = words::weight(&c);
            (c, w)
        })
        .collect()
}

/// What of an item is read without the shared ids: read for many items
/// side by side (the sentence's words are most of the work), before the
/// ids are given out in item order, as one pass would.
struct Read<'d> {
    block: Option<Block>,
    /// For the first item of a sentence: its concepts, and the keys of
    /// the names it holds ("at the Academy Awards" after the clause of
    /// "despite three nominations"; those that are the clause's own say
    /// nothing more, see `pairs::unshared`).
    sentence: Option<SentenceRead>,
    name_keys: Box<[NameKeys]>,
    /// For an amount of money, the figure it stands for.
    money: f64,
    /// The frame's context words, each weighed by its rarity and distance.
    local: Vec<(&'d str, f32)>,
    /// The frame's rarer name words and its names' acronyms, each after an
    /// "@" (a name's words are kept apart from other words).
    names: Vec<String>,
}

/// A sentence's concepts with their weights, and the keys of its names.
type SentenceRead = (Vec<(String, f32)>, Box<[NameKeys]>);

/// Items read side by side at a time: enough to keep both cores busy, few
/// enough that their sentences' words need little memory.
const READ_CHUNK: usize = 4096;

fn read(claim: &crate::model::Claim, first_of_sentence: bool) -> Read<'_> {
    let f = &claim.frame;
    let sentence = first_of_sentence.then(|| {
        let keys = claim
            .actors()
            .iter()
            .map(|a| {
                a.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter_map(|a| NameKeys::of(&a))
            .collect();
        (sentence_concepts(claim.sentence()), keys)
    });
    let money = match &claim.value {
        ClaimValue::Money { amount, .. } => {
            let (lo, hi) = amount.bounds();
            let v = if hi.is_finite() && lo.is_finite() {
                (lo + hi) / 2.0
            } else if lo.is_finite() {
                lo
            } else {
                hi
            };
            if v.is_finite() && v > 0.0 {
                v
            } else {
                0.0
            }
        }
        _ => 0.0,
    };
    Read {
        block: Block::of(claim.kind, &claim.value, f),
        sentence,
        name_keys: f
            .entities
            .iter()
            .chain(f.place.iter())
            .filter_map(|e| NameKeys::of(e))
            .collect(),
        money,
        local: f
            .context
            .iter()
            .map(|(w, dist)| (w, words::weight(w) / (1.0 + dist as f32 / HALF_DISTANCE)))
            .collect(),
        names: name_words(f),
    }
}

/// A frame's name words rarer than everyday words, then the acronym of
/// each name of two words or more ("New York Police Department",
/// "NYPD"), each after an "@".
fn name_words(f: &crate::model::ClaimFrame) -> Vec<String> {
    let at = |w: &str| format!("@{w}");
    let mut names: Vec<String> = f
        .entities
        .iter()
        .chain(f.place.iter())
        .flat_map(|e| e.split_whitespace())
        .filter(|w| words::zipf(w).is_none_or(|z| z < 5.0))
        .map(at)
        .collect();
    for e in f.entities.iter().chain(f.place.iter()) {
        let ws: Vec<&str> = e.split_whitespace().collect();
        if ws.len() >= 2 {
            names.extend(acronyms(&ws).iter().map(|a| at(a)));
        }
    }
    names
}

impl Frames {
    pub fn new(docs: &[Extraction], items: &[(usize, usize)]) -> Frames {
        use rayon::prelude::*;
        let mut vocab = Vocab::default();
        let mut blocks = Vec::with_capacity(items.len());
        let mut feats: Vec<Feat> = Vec::with_capacity(items.len());
        // Which items open a sentence: the claims of one sentence are
        // neighbours.
        let mut last_sentence: Option<(usize, usize, &str)> = None;
        let opens: Vec<bool> = items
            .iter()
            .map(|&(d, c)| {
                let claim = &docs[d].claims[c];
                let here = Some((d, claim.line, claim.sentence()));
                let opens = last_sentence != here;
                last_sentence = here;
                opens
            })
            .collect();
        // A sentence told word for word in another document (the versions
        // of one story, a wire text's reprints) has the same concepts and
        // names there: it is read once, and its part of the features is
        // shared.
        type SentenceKey<'d> = (&'d str, &'d [Word]);
        let mut first: std::collections::HashMap<SentenceKey, usize, foldhash::fast::RandomState> =
            Default::default();
        // For an item that opens a sentence already read: the item that read it.
        let read_by: Vec<Option<usize>> = items
            .iter()
            .zip(&opens)
            .enumerate()
            .map(|(i, (&(d, c), &open))| {
                let claim = &docs[d].claims[c];
                let at =
                    *open.then(|| first.entry((claim.sentence(), claim.actors())).or_insert(i))?;
                (at != i).then_some(at)
            })
            .collect();
        drop(first);
        let mut last_sent: std::sync::Arc<SentenceFeat> = Default::default();
        let span_of = |k: usize| k * READ_CHUNK..((k + 1) * READ_CHUNK).min(items.len());
        let read_chunk = |k: usize| -> Vec<Read> {
            let span = span_of(k);
            items[span.clone()]
                .par_iter()
                .zip(&opens[span.clone()])
                .zip(&read_by[span])
                .map(|((&(d, c), &open), by)| read(&docs[d].claims[c], open && by.is_none()))
                .collect()
        };
        // Ids are given out in item order, on one core: each chunk's are
        // given while the next chunk is read on the other.
        let mut locals: foldhash::HashMap<usize, (Weighted, f32)> = Default::default();
        let mut add = |k: usize, reads: Vec<Read>| {
            let span = span_of(k);
            for ((&(d, c), r), by) in items[span.clone()].iter().zip(reads).zip(&read_by[span]) {
                let claim = &docs[d].claims[c];
                blocks.push(r.block);
                let f = &claim.frame;
                // A context told word for word elsewhere (shared when read:
                // see `model::Sentences`) has the ids it had there.
                let (local, local_norm) = match locals.get(&f.context.id()) {
                    Some((l, n)) => (l.clone(), *n),
                    None => {
                        let (l, n) = weighted(&mut vocab, r.local.into_iter());
                        let l: Weighted = l.into();
                        if !f.context.is_empty() {
                            locals.insert(f.context.id(), (l.clone(), n));
                        }
                        (l, n)
                    }
                };
                if let Some((concepts, keys)) = r.sentence {
                    let (concepts, norm) = weighted(&mut vocab, concepts.into_iter());
                    last_sent = std::sync::Arc::new(SentenceFeat {
                        concepts: concepts.into(),
                        norm,
                        keys,
                    });
                } else if let Some(by) = *by {
                    last_sent = feats[by].sent.clone();
                }
                let mut names: Vec<u32> = r.names.iter().map(|w| id_of(&mut vocab, w)).collect();
                names.sort_unstable();
                names.dedup();
                feats.push(Feat {
                    key: FrameKey::new(f),
                    money: r.money,
                    name_keys: r.name_keys,
                    local,
                    local_norm,
                    sent: last_sent.clone(),
                    names: names.into(),
                });
            }
        };
        let mut pending: Option<(usize, Vec<Read>)> = None;
        for k in 0..items.len().div_ceil(READ_CHUNK) {
            let (reads, ()) = rayon::join(
                || read_chunk(k),
                || {
                    if let Some((k, reads)) = pending.take() {
                        add(k, reads);
                    }
                },
            );
            pending = Some((k, reads));
        }
        if let Some((k, reads)) = pending {
            add(k, reads);
        }
        let one_value = one_value(docs, items);
        let mut ids: Vec<&Block> = Vec::new();
        let block_ids = blocks
            .iter()
            .map(|b| {
                let b = b.as_ref()?;
                Some(match ids.iter().position(|x| *x == b) {
                    Some(k) => k as u32,
                    None => {
                        ids.push(b);
                        (ids.len() - 1) as u32
                    }
                })
            })
            .collect();
        Frames {
            block_ids,
            blocks,
            feats,
            one_value,
        }
    }
}

/// Per item, for counts: whether every count of the same thing in its
/// document gives the same value.
fn one_value(docs: &[Extraction], items: &[(usize, usize)]) -> Vec<bool> {
    let mut out = vec![false; items.len()];
    let mut i = 0;
    while i < items.len() {
        let d = items[i].0;
        let mut j = i;
        while j < items.len() && items[j].0 == d {
            j += 1;
        }
        let claims = &docs[d].claims;
        for k in i..j {
            let c = &claims[items[k].1];
            out[k] = match &c.value {
                ClaimValue::Quantity { amount, .. } => (i..j).all(|m| {
                    let o = &claims[items[m].1];
                    match &o.value {
                        ClaimValue::Quantity { amount: x, .. }
                            if o.frame.of == c.frame.of
                                && o.frame.qualifier == c.frame.qualifier =>
                        {
                            x == amount
                        }
                        _ => true,
                    }
                }),
                // A report that gives one age gives the age of the one
                // person it is about.
                ClaimValue::Age { amount, .. } => (i..j).all(|m| match &claims[items[m].1].value {
                    ClaimValue::Age { amount: x, .. } => x == amount,
                    _ => true,
                }),
                _ => false,
            };
        }
        i = j;
    }
    out
}

/// Things counted so often in any story that counting them once says
/// nothing ("people", "times", "years").
fn generic_thing(noun: &str) -> bool {
    words::zipf(noun).is_some_and(|z| z >= 5.0)
        || matches!(
            noun,
            "people" | "person" | "time" | "year" | "day" | "thing" | "way" | "part"
        )
}
