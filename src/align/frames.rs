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

use crate::lang::lexicon::Lexicon;
use crate::lang::tokens::tokenize;
use crate::lang::words;
use crate::model::{ClaimKind, ClaimValue, Extraction, Frame};
use std::collections::HashMap;

/// The kinds of value that can state one fact: only claims of one block
/// are compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Block {
    Date,
    Count,
    Age,
    /// Money in one currency.
    Money(String),
    Percent,
    /// A measure of one dimension ("length", "magnitude", "page").
    Size(String),
}

impl Block {
    pub fn of(kind: ClaimKind, value: &ClaimValue, frame: &Frame) -> Option<Block> {
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
                Block::Money(currency.clone())
            }
            (ClaimKind::Percent, _) => Block::Percent,
            (ClaimKind::Size, ClaimValue::Size { unit, .. }) => {
                let u = unit.to_lowercase();
                Block::Size(match lex.unit(&u) {
                    Some((dim, _)) => dim.to_string(),
                    None if lex.concept(&u) == "magnitude" => "magnitude".into(),
                    None => crate::lang::units::canonical_unit(&u),
                })
            }
            _ => return None,
        })
    }
}

/// A claim's words, weighted, ready to compare.
#[derive(Debug, Clone, Default)]
pub struct Feat {
    /// Concept ids of the claim's clause, with their weights, sorted by id.
    local: Vec<(u32, f32)>,
    local_norm: f32,
    /// Concept ids of the whole sentence, weighted, sorted by id.
    sent: Vec<(u32, f32)>,
    sent_norm: f32,
    /// Ids of the words of the names of the claim's clause.
    names: Vec<u32>,
    /// The names of the claim's clause as a document's `names_used` keeps
    /// them: for each, the keys of its words or pairs of words, and of
    /// its acronym.
    pub name_keys: Vec<NameKeys>,
    /// The same for the names of the rest of the claim's sentence.
    pub sentence_keys: Vec<NameKeys>,
    /// For an amount of money, the figure it stands for.
    pub money: Option<f64>,
    /// The frame's words as small numbers (equal when the words are), so a
    /// comparison of two frames compares no strings.
    key: FrameKey,
}

/// A frame's fields as ids, read once per claim.
#[derive(Debug, Clone, Default)]
struct FrameKey {
    attribute: u32,
    generic: bool,
    of: Option<u32>,
    /// The concept of `of` ("hamlet" and "village" are one).
    of_concept: Option<u32>,
    /// How much a shared `of` says (rare things count more).
    of_weight: f32,
    /// Counting it once says nothing: "people", "times".
    of_generic: bool,
    event: Option<u32>,
    qualifier: Option<u32>,
    per: Option<u32>,
    change: bool,
}

/// Gives out ids for words.
#[derive(Default)]
struct Ids(HashMap<String, u32>);

impl Ids {
    fn of(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.0.get(w) {
            return id;
        }
        let id = self.0.len() as u32;
        self.0.insert(w.to_string(), id);
        id
    }
}

/// Attributes that say only what kind of value a claim is.
fn generic(a: &str) -> bool {
    matches!(
        a,
        "count" | "money" | "percent" | "size" | "date" | "age" | "length" | "time"
    )
}

impl FrameKey {
    fn new(f: &Frame, ids: &mut Ids) -> FrameKey {
        let lex = Lexicon::bundled();
        FrameKey {
            attribute: ids.of(&f.attribute),
            generic: generic(&f.attribute),
            of: f.of.as_deref().map(|o| ids.of(o)),
            of_concept: f.of.as_deref().map(|o| ids.of(lex.concept(o))),
            of_weight: f.of.as_deref().map_or(0.0, words::weight),
            of_generic: f.of.as_deref().is_some_and(generic_thing),
            event: f.event.as_deref().map(|e| ids.of(e)),
            qualifier: f.qualifier.as_deref().map(|q| ids.of(q)),
            per: f.per.as_deref().map(|p| ids.of(p)),
            change: f.change.is_some(),
        }
    }
}

/// How to look a name up in a document's `names_used`.
#[derive(Debug, Clone, Default)]
pub struct NameKeys {
    /// A rare word alone, or each pair of words of a longer name.
    pub parts: Vec<u64>,
    /// The initials of a longer name ("New York Police Department": NYPD),
    /// with and without its small words ("Department of Investigation":
    /// DOI; "Immigration and Customs Enforcement": ICE).
    pub acronyms: Vec<u64>,
}

/// Zipf frequency from which a word of a name is one of its small words
/// (of, and, the, for), left out of one of its acronyms.
const SMALL_WORD_ZIPF: f32 = 6.8;

/// The acronyms of a name of several words: its initials, and its initials
/// without its small words when they differ.
fn acronyms(ws: &[&str]) -> Vec<String> {
    let initials = |skip_small: bool| -> String {
        ws.iter()
            .filter(|w| !skip_small || words::zipf(w).is_none_or(|z| z < SMALL_WORD_ZIPF))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let (all, big) = (initials(false), initials(true));
    if big != all && big.chars().count() >= 2 {
        vec![all, big]
    } else {
        vec![all]
    }
}

impl NameKeys {
    /// The keys of a name of a clause (lowercase words), or none for one
    /// common word.
    pub fn of(name: &str) -> Option<NameKeys> {
        let hash = crate::extract::fingerprint::name_hash;
        let ws: Vec<&str> = name.split_whitespace().collect();
        match ws.as_slice() {
            [] => None,
            [w] => words::zipf(w).is_none_or(|z| z < 4.5).then(|| NameKeys {
                parts: vec![hash(w)],
                acronyms: Vec::new(),
            }),
            _ => {
                let acronyms = acronyms(&ws).iter().map(|a| hash(a)).collect();
                Some(NameKeys {
                    parts: ws
                        .windows(2)
                        .map(|p| hash(&format!("{} {}", p[0], p[1])))
                        .collect(),
                    acronyms,
                })
            }
        }
    }

    /// Whether a document that uses the names `used` names any part of it.
    pub fn partly_in_doc(&self, used: &[u64]) -> bool {
        self.in_doc(used) || self.parts.iter().any(|k| used.binary_search(k).is_ok())
    }

    /// Whether a document that uses the names `used` (sorted) names it: by
    /// its acronym, or by most of its parts.
    pub fn in_doc(&self, used: &[u64]) -> bool {
        if self.acronyms.iter().any(|a| used.binary_search(a).is_ok()) {
            return true;
        }
        let found = self
            .parts
            .iter()
            .filter(|k| used.binary_search(k).is_ok())
            .count();
        found > 0 && found * 2 >= self.parts.len()
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

fn weighted(
    vocab: &mut HashMap<String, u32>,
    words: impl Iterator<Item = (String, f32)>,
) -> (Vec<(u32, f32)>, f32) {
    let mut v: Vec<(u32, f32)> = words
        .map(|(w, wt)| {
            let next = vocab.len() as u32;
            (*vocab.entry(w).or_insert(next), wt)
        })
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

impl Frames {
    pub fn new(docs: &[Extraction], items: &[(usize, usize)]) -> Frames {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut keys = Ids::default();
        let mut blocks = Vec::with_capacity(items.len());
        let mut feats = Vec::with_capacity(items.len());
        let mut last_sentence: Option<(usize, usize, &str)> = None;
        let mut last_sent: (Vec<(u32, f32)>, f32) = (Vec::new(), 0.0);
        for &(d, c) in items {
            let claim = &docs[d].claims[c];
            blocks.push(Block::of(claim.kind, &claim.value, &claim.frame));
            let f = &claim.frame;
            let (local, local_norm) = weighted(
                &mut vocab,
                f.context.iter().map(|(w, dist)| {
                    (
                        w.to_string(),
                        words::weight(w) / (1.0 + dist as f32 / HALF_DISTANCE),
                    )
                }),
            );
            let same = last_sentence == Some((d, claim.line, claim.sentence.as_str()));
            if !same {
                last_sent = weighted(&mut vocab, sentence_concepts(&claim.sentence).into_iter());
                last_sentence = Some((d, claim.line, claim.sentence.as_str()));
            }
            let mut names: Vec<u32> = f
                .entities
                .iter()
                .chain(f.place.iter())
                .flat_map(|e| e.split_whitespace())
                .filter(|w| words::zipf(w).is_none_or(|z| z < 5.0))
                .map(|w| {
                    let next = vocab.len() as u32;
                    *vocab.entry(format!("@{w}")).or_insert(next)
                })
                .collect();
            // A name meets its acronym: "New York Police Department", "NYPD".
            for e in f.entities.iter().chain(f.place.iter()) {
                let ws: Vec<&str> = e.split_whitespace().collect();
                if ws.len() >= 2 {
                    for a in acronyms(&ws) {
                        let next = vocab.len() as u32;
                        names.push(*vocab.entry(format!("@{a}")).or_insert(next));
                    }
                }
            }
            names.sort_unstable();
            names.dedup();
            let name_keys: Vec<NameKeys> = f
                .entities
                .iter()
                .chain(f.place.iter())
                .filter_map(|e| NameKeys::of(e))
                .collect();
            // The sentence's other names: "at the Academy Awards" after the
            // clause of "despite three nominations".
            let sentence_keys: Vec<NameKeys> = claim
                .actors
                .iter()
                .map(|a| {
                    a.to_lowercase()
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|a| !f.entities.iter().chain(f.place.iter()).any(|e| e == a))
                .filter_map(|a| NameKeys::of(&a))
                .collect();
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
                    (v.is_finite() && v > 0.0).then_some(v)
                }
                _ => None,
            };
            feats.push(Feat {
                key: FrameKey::new(f, &mut keys),
                money,
                name_keys,
                sentence_keys,
                local,
                local_norm,
                sent: last_sent.0.clone(),
                sent_norm: last_sent.1,
                names,
            });
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

/// How alike the words of two claims' clauses are, in [0, 1].
pub fn local_similarity(xa: &Feat, xb: &Feat) -> f32 {
    cosine(&xa.local, xa.local_norm, &xb.local, xb.local_norm)
}

fn cosine(a: &[(u32, f32)], na: f32, b: &[(u32, f32)], nb: f32) -> f32 {
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (na * nb)
}

/// Two amounts of money further apart than this factor are figures of
/// different things.
pub const MAX_MONEY_RATIO: f64 = 200.0;
/// Clause likeness from which two amounts are told alike whatever their
/// size (against references).
pub const SAME_WORDS: f32 = 0.6;

/// What the two documents of a pair, and the pair itself, say about it.
pub struct PairContext {
    /// Only asking whether one claim could support the other: the change
    /// and rate of a figure need not be told alike.
    pub loose: bool,
    /// How many times the larger amount is the smaller, where both are
    /// amounts.
    pub ratio: Option<f64>,
    /// A draft and a reference (`check --against`), not two documents whose
    /// story is only inferred.
    pub against: bool,
    /// How alike the documents' stories are.
    pub story: f32,
    /// Both are counts whose documents count their thing at one value each.
    pub one_value: bool,
    /// Whether the first claim names something the second document never
    /// mentions.
    pub a_unshared: Unshared,
    /// Whether the second claim names something the first never mentions.
    pub b_unshared: Unshared,
}

/// Whether a claim names something another document never mentions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unshared {
    /// A name of the claim's own clause.
    pub clause: bool,
    /// A name of its clause or of the rest of its sentence ("Despite three
    /// nominations, Vera Drake failed to win at the Academy Awards").
    pub sentence: bool,
    /// Every name of its clause, or a part of it, is in the other document
    /// too (and the clause names something).
    pub known: bool,
}

/// Story similarity at which a pair neither gains nor loses.
const STORY_PAR: f32 = 0.25;

/// How well two claims of one block frame the same fact, in about [0, 1.5];
/// `None` when their frames say they are values of different things.
pub fn score(
    fa: &Frame,
    xa: &Feat,
    fb: &Frame,
    xb: &Feat,
    block: &Block,
    cx: &PairContext,
) -> Option<f32> {
    let (ka, kb) = (&xa.key, &xb.key);
    let same_attr = ka.attribute == kb.attribute;
    if !same_attr && !ka.generic && !kb.generic {
        return None;
    }
    if ka.qualifier != kb.qualifier {
        return None;
    }
    if ka.per != kb.per && !cx.loose {
        return None;
    }
    // A price per share and a company's revenue are not one figure,
    // whatever the words around them.
    // (Unless the clauses say the same around them: "sales increased to a
    // record \$1.65 million" is a slip for billion, not another figure.)
    if let (Block::Money(_), Some(ra)) = (block, cx.ratio) {
        if ra > MAX_MONEY_RATIO && !(cx.against && local_similarity(xa, xb) >= SAME_WORDS) {
            return None;
        }
    }
    if !cx.loose && ka.change != kb.change && matches!(block, Block::Money(_) | Block::Percent) {
        return None;
    }
    if let (Some(pa), Some(pb)) = (&fa.place, &fb.place) {
        if !names_meet(pa, pb) {
            return None;
        }
    }
    if *block == Block::Count {
        if let (Some(a), Some(b)) = (ka.of, kb.of) {
            if a != b && ka.of_concept != kb.of_concept {
                return None;
            }
        }
    }
    // Each claim names something the other document never mentions: in its
    // own clause, or (between documents whose story is only inferred) in
    // its sentence.
    let (ua, ub) = (cx.a_unshared, cx.b_unshared);
    let both_unshared = (ua.clause && ub.clause) || (!cx.against && ua.sentence && ub.sentence);
    // Each clause names its own someone, and each document knows the
    // other's: two people of one story ("Kate Winslet ... despite two
    // nominations", "Vera Drake ... three nominations").
    let shared_names = xa.names.iter().any(|n| xb.names.binary_search(n).is_ok());
    // (Not for a fact of a story's own kind, such as its deaths or its
    // violations, whose clauses name whoever they like.)
    let named_apart = !shared_names && ua.known && ub.known && (ka.generic || kb.generic);
    let mut bonus = 0.0;
    // Two reports that each give one age of someone they do not name.
    if *block == Block::Age && cx.one_value && fa.of.is_none() && fb.of.is_none() {
        bonus += 0.4;
    }
    // What an amount is of: "a $900m loan" is not "a $27.5bn tax bill".
    if matches!(block, Block::Money(_) | Block::Percent) {
        match (ka.of, kb.of) {
            (Some(a), Some(b)) if a == b => bonus += 0.15,
            (Some(_), Some(_)) => {
                if !cx.against {
                    return None;
                }
                bonus -= 0.15;
            }
            // Between documents whose story is only inferred, an amount is
            // one figure only when both say what it is of, or give it the
            // same role in clauses naming the same people or things.
            _ if !cx.against => {
                let named = xa.names.iter().any(|n| xb.names.binary_search(n).is_ok());
                let events_differ = matches!((ka.event, kb.event), (Some(x), Some(y)) if x != y);
                if !(named && same_attr && !ka.generic) || events_differ {
                    return None;
                }
            }
            _ => {}
        }
    }
    if let (Block::Age, Some(a), Some(b)) = (block, &fa.of, &fb.of) {
        if !crate::lang::names::same_person(a, b) {
            return None;
        }
        bonus += 0.6;
    }
    let local = cosine(&xa.local, xa.local_norm, &xb.local, xb.local_norm);
    let sent = cosine(&xa.sent, xa.sent_norm, &xb.sent, xb.sent_norm);
    let mut s = 0.55 * local + 0.45 * sent + bonus;
    if same_attr && !ka.generic {
        s += 0.3;
    } else if !same_attr {
        s -= 0.1;
    }
    // Two counts of a rare thing in one story are likely one count ("four
    // robbers", "six robbers"); two counts of people need more.
    if *block == Block::Count {
        if let (Some(a), Some(b)) = (ka.of, kb.of) {
            if a == b {
                s += (0.08 * ka.of_weight).min(0.25);
                // Each document counts the thing once, so to speak: the
                // same count, however worded ("a single clear violation",
                // "multiple violations committed by an officer").
                // (Not when each clause names something the other
                // document never mentions: two ceremonies' nominations.)
                if cx.one_value && !ka.of_generic && !both_unshared && !named_apart {
                    s += 0.4;
                }
            }
        }
    }
    // A date is the date of its event: "rescued on November 11" is not
    // "sunk on November 19".
    let (same_event, other_event) = if *block == Block::Date {
        (0.15, 0.25)
    } else {
        (0.1, 0.05)
    };
    match (ka.event, kb.event) {
        (Some(a), Some(b)) if a == b => s += same_event,
        (Some(_), Some(_)) => s -= other_event,
        _ => {}
    }
    // Names: shared by the two clauses, or each clause naming something
    // the other document never mentions (another ceremony, another match,
    // another company). Less so for a draft, which may spell a name its
    // own way ("Betty Mae Page", "Nashville, Tenn.").
    // (Both even when the clauses share a name: "Vera Drake" at the
    // British Independent Film Awards and at the Academy Awards.)
    if shared_names {
        s += 0.1;
    }
    if both_unshared {
        s -= if cx.against { 0.1 } else { 0.3 };
    } else if named_apart && !cx.against {
        s -= 0.2;
    } else if (ua.clause || ub.clause) && !cx.against && !shared_names {
        s -= 0.1;
    }
    if cx.against {
        // The user says the draft is about the references' story: a low
        // likeness of the whole documents costs nothing.
        s += 0.4 * (cx.story - STORY_PAR).max(0.0);
    } else {
        s += 0.4 * (cx.story - STORY_PAR);
        // Money and percentages fill business news: between documents whose
        // story is only inferred, two figures are one only when their
        // clauses name the same thing.
        if matches!(block, Block::Money(_) | Block::Percent) {
            let shared = xa.names.iter().any(|n| xb.names.binary_search(n).is_ok());
            if !shared {
                return None;
            }
        }
    }
    Some(s)
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

/// Whether two place names can be one place: the shorter one's words all
/// inside the other's ("qeshm" and "qeshm island", not "south sudan" and
/// "south africa").
fn names_meet(a: &str, b: &str) -> bool {
    let (short, long) = if a.split_whitespace().count() <= b.split_whitespace().count() {
        (a, b)
    } else {
        (b, a)
    };
    short
        .split_whitespace()
        .all(|w| long.split_whitespace().any(|x| x == w))
}

#[cfg(test)]
mod tests {
    use super::NameKeys;
    use crate::extract::fingerprint::name_hash;

    fn used(names: &[&str]) -> Vec<u64> {
        let mut v: Vec<u64> = names.iter().map(|n| name_hash(n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn a_name_is_found_by_its_acronym_with_or_without_its_small_words() {
        let ice = NameKeys::of("immigration and customs enforcement").unwrap();
        assert!(ice.in_doc(&used(&["ice"])));
        let doi = NameKeys::of("department of investigation").unwrap();
        assert!(doi.in_doc(&used(&["doi"])));
        assert!(!doi.in_doc(&used(&["nypd", "ice"])));
    }

    #[test]
    fn another_ceremony_of_shared_words_is_not_found() {
        let bifa = NameKeys::of("british independent film awards").unwrap();
        let oscars = used(&["british", "academy", "awards", "academy awards"]);
        assert!(!bifa.in_doc(&oscars));
        assert!(!bifa.partly_in_doc(&oscars));
        let leigh = NameKeys::of("mike leigh vera drake").unwrap();
        let other = used(&["vera", "drake", "vera drake"]);
        assert!(!leigh.in_doc(&other));
        assert!(leigh.partly_in_doc(&other));
    }
}
