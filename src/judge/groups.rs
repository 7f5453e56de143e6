//! Support and opposition counted over the whole group of aligned claims.
//!
//! Claims the value rules align (dates, counts, attributes) form groups:
//! one fact across sources. A claim is supported by every independent
//! source in its group that states a compatible value, and opposed by every
//! one that states an incompatible value, whether or not the two claims
//! were aligned directly: seven reports of 10 deaths outweigh one of 40
//! even when only one of them was the best match of the 40.

use super::lists::{item, Lists};
use super::{amounts, attributes, dates, FindingKind, Relation};
use crate::align::frames::Block;
use crate::align::Aligned;
use crate::lang::lexicon::Lexicon;
use crate::model::ClaimValue;
use std::collections::{BTreeSet, HashMap};

/// How much worse than a document's best-framed claim an agreeing claim
/// may frame the fact and still speak for the document.
pub const SUPPORT_MARGIN: f32 = 0.35;

/// A group stops growing at this size (an archive's copies of one figure).
pub const MAX_GROUP: usize = 400;

/// Items with the value relations between them.
///
/// A claim's group is what it was aligned with, and what those were aligned
/// with at the same value: two reports of 10 deaths aligned with each other
/// both weigh against a 40 that only one of them was aligned with. Going
/// further (every claim connected by any chain of alignments) would let one
/// loose alignment join two facts.
pub struct Groups {
    /// Per item: the items it was related to, and whether they agreed
    /// (items as `u32`: a pair for every relation of an archive).
    nbrs: Lists<(u32, bool)>,
    /// The rule that related each item (the first relation's).
    pub kind: Vec<Option<FindingKind>>,
}

impl Groups {
    pub fn new(n: usize, rel: &[Relation]) -> Groups {
        let grouping = || rel.iter().filter(|r| super::rule(r.kind).groups_values);
        let mut kind = vec![None; n];
        for r in grouping() {
            kind[r.a()].get_or_insert(r.kind);
            kind[r.b()].get_or_insert(r.kind);
        }
        let mut nbrs = Lists::new(n, || {
            grouping().flat_map(|r| {
                [
                    (r.a(), (item(r.b()), r.agree)),
                    (r.b(), (item(r.a()), r.agree)),
                ]
            })
        });
        nbrs.sort_dedup();
        Groups { nbrs, kind }
    }

    /// The group of `i` (without `i`), if it has one: its neighbours, and
    /// theirs that state their value.
    pub fn of(&self, i: usize) -> Option<Vec<usize>> {
        self.kind[i]?;
        let mut out: Vec<usize> = Vec::new();
        for &(j, _) in &self.nbrs[i] {
            let j = j as usize;
            out.push(j);
            for &(k, agree) in &self.nbrs[j] {
                let k = k as usize;
                if agree && k != i {
                    out.push(k);
                }
            }
            if out.len() > MAX_GROUP {
                break;
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}

/// Whether two grouped claims state compatible values (`None`: the two
/// cannot be compared, such as a date without a calendar day).
pub fn values_agree(al: &Aligned, i: usize, m: usize) -> Option<bool> {
    let (ci, cm) = (al.claim(i), al.claim(m));
    match al.frames.blocks[i].as_ref()? {
        Block::Date => dates::agree(al, i, m),
        Block::Count => {
            let a = super::counts::amount_of(&ci.value)?;
            let b = super::counts::amount_of(&cm.value)?;
            Some(amounts::compatible(a, b))
        }
        _ => Some(attributes::agree(ci, cm)),
    }
}

/// The largest value a count or attribute claim admits.
fn figure(v: &ClaimValue) -> Option<f64> {
    let a = match v {
        ClaimValue::Quantity { amount, .. }
        | ClaimValue::Money { amount, .. }
        | ClaimValue::Size { amount, .. }
        | ClaimValue::Percent { amount } => amount,
        ClaimValue::TableRow { count: Some(c), .. } => c,
        _ => return None,
    };
    let (lo, hi) = amounts::reader_bounds(a);
    Some(if hi.is_finite() { (lo + hi) / 2.0 } else { lo })
}

/// Whether `later` updates `earlier` rather than contradicting it: a figure
/// that grows as news comes in (a toll, arrests, damage), larger in a
/// source published later.
pub fn is_update(al: &Aligned, later: usize, earlier: usize) -> bool {
    let (cl, ce) = (al.claim(later), al.claim(earlier));
    let grows = Lexicon::bundled()
        .role(&cl.frame.attribute)
        .is_some_and(|r| r.grows);
    if !grows || cl.frame.attribute != ce.frame.attribute {
        return false;
    }
    // Only dates the documents give themselves: a date guessed from the
    // body would turn a contradiction into an update.
    let published = |i: usize| {
        let r = &al.docs[al.items[i].doc].reference;
        r.date.filter(|_| r.reliable())
    };
    let (Some(dl), Some(de)) = (published(later), published(earlier)) else {
        return false;
    };
    match (figure(&cl.value), figure(&ce.value)) {
        (Some(l), Some(e)) => dl > de && l > e,
        _ => false,
    }
}

/// What the group says of one claim.
#[derive(Debug, Default)]
pub struct Tally {
    /// Sources stating a compatible value (the claim's own included).
    pub support: BTreeSet<usize>,
    /// Sources stating an incompatible value and none compatible.
    pub against: BTreeSet<usize>,
    /// Claims with an incompatible value.
    pub evidence: Vec<usize>,
    /// Claims the claim updates, or that update it.
    pub updates: Vec<usize>,
    /// Claims of other documents of the same source with another value.
    pub same_source_differing: Vec<usize>,
    /// The most sources of `against` that state one value between them: a
    /// majority against a claim must agree on what it says instead.
    pub against_as_one: usize,
}

/// What one document says of a claim: its best-framed claim (score, item,
/// agrees), and its best agreeing claim (rank, item).
type DocVoice = ((f32, usize, bool), Option<(f32, usize)>);

/// Counts the group of claim `i`: `source_of` gives each document's
/// source; only documents `votes` accepts count.
pub fn tally(
    al: &Aligned,
    group: &[usize],
    i: usize,
    source_of: &[usize],
    votes: impl Fn(usize) -> bool,
) -> Tally {
    let own_doc = al.items[i].doc;
    let own = source_of[own_doc];
    let mut t = Tally::default();
    t.support.insert(own);
    let mut against = BTreeSet::new();
    // Each document speaks through its claim that frames the fact best: a
    // transcript giving "at least $6" and "approximately $7.50" of one
    // outlook does not support "at least $5" through the second.
    // Per document: its best-framed claim, and its best-framed agreeing one.
    let mut best: std::collections::BTreeMap<usize, DocVoice> = Default::default();
    for &m in group {
        let dm = al.items[m].doc;
        if m == i || dm == own_doc || !votes(dm) {
            continue;
        }
        let Some(agree) = values_agree(al, i, m) else {
            continue;
        };
        let score = al.frame_score(i, m).unwrap_or(f32::MIN);
        let slot = best.entry(dm).or_insert(((score, m, agree), None));
        if score > slot.0 .0 || (score == slot.0 .0 && agree && !slot.0 .2) {
            slot.0 = (score, m, agree);
        }
        // The same figure stated alike (not a bound a figure falls in)
        // speaks for the document wherever it stands.
        let same_figure = agree && super::same_shape(al, i, m);
        let rank = if same_figure { f32::MAX } else { score };
        if agree && slot.1.is_none_or(|(s, _)| rank > s) {
            slot.1 = Some((rank, m));
        }
    }
    let decided: Vec<(usize, usize, bool)> = best
        .iter()
        .map(|(&dm, &((top, m, agree), agreeing))| match agreeing {
            // An agreeing claim framed nearly as well speaks for it.
            Some((s, a)) if !agree && s >= top - SUPPORT_MARGIN => (dm, a, true),
            _ => (dm, m, agree),
        })
        .collect();
    for &(dm, m, agree) in &decided {
        let mut sm = source_of[dm];
        if sm == own {
            // A draft that copies a reference and changes a figure is
            // still judged by the reference: it stands as a source apart.
            if al.against(own_doc, dm) {
                sm = usize::MAX - dm;
            } else {
                if !agree {
                    t.same_source_differing.push(m);
                }
                continue;
            }
        }
        if agree {
            t.support.insert(sm);
        } else if is_update(al, i, m) || is_update(al, m, i) {
            t.updates.push(m);
        } else {
            against.insert(sm);
            t.evidence.push(m);
        }
    }
    t.against = against.difference(&t.support).copied().collect();
    // Two sources that carry a figure in the very same sentence copied it
    // from one origin: they count once, on either side.
    t.support = one_per_sentence(al, group, i, &t.support, source_of, &votes);
    t.against = one_per_sentence(al, group, i, &t.against, source_of, &votes);
    let source = |m: usize| {
        let s = source_of[al.items[m].doc];
        if s == own {
            usize::MAX - al.items[m].doc
        } else {
            s
        }
    };
    t.against_as_one = t
        .evidence
        .iter()
        .map(|&m| {
            let one: BTreeSet<usize> = t
                .evidence
                .iter()
                .filter(|&&o| o == m || values_agree(al, m, o) == Some(true))
                .map(|&o| source(o))
                .filter(|s| t.against.contains(s))
                .collect();
            one.len()
        })
        .max()
        .unwrap_or(0);
    t
}

/// `sources` with those that give the claim's group in an identical
/// sentence (spacing and case aside) merged into one, keeping the first.
fn one_per_sentence(
    al: &Aligned,
    group: &[usize],
    i: usize,
    sources: &BTreeSet<usize>,
    source_of: &[usize],
    votes: &impl Fn(usize) -> bool,
) -> BTreeSet<usize> {
    // Sentence -> the first source that gave it.
    let mut first: HashMap<u128, usize> = HashMap::new();
    let mut covered = BTreeSet::new();
    let mut out = BTreeSet::new();
    // The claim's own sentence first: its source stands for the sentence.
    for &m in std::iter::once(&i).chain(group.iter()) {
        let d = al.items[m].doc;
        let s = source_of[d];
        if !sources.contains(&s) || !votes(d) {
            continue;
        }
        covered.insert(s);
        let f = *first.entry(al.sentence_key(m)).or_insert(s);
        if f == s {
            out.insert(s);
        }
    }
    // Sources the group reached some other way stay.
    out.extend(sources.difference(&covered).copied());
    out
}

#[cfg(test)]
mod tests {
    use crate::judge::testing::findings;
    use crate::judge::Severity;

    /// The same report of the Varna quake, giving `n` deaths.
    fn varna(n: u32) -> String {
        format!("The earthquake that struck Varna on Sunday killed {n} people, officials said.")
    }

    #[test]
    fn a_majority_against_a_claim_must_agree_with_itself() {
        // Two reports against the first, but not with one figure: no
        // majority says what it should be.
        let texts = [varna(10), varna(12), varna(14)];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(findings(&texts, None, Severity::Error), vec![]);
        // Two that agree with each other do.
        let texts = [
            varna(10),
            varna(12),
            "Officials said the Varna earthquake on Sunday killed 12 people.".to_string(),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(findings(&texts, None, Severity::Error).len(), 1);
    }

    #[test]
    fn reports_in_the_very_same_sentence_count_once() {
        // Two reports carry one sentence word for word: one origin, so the
        // third report's 12 is one against one, not outvoted.
        let texts = [
            format!("In other news.\n\n{}", varna(10)),
            varna(10),
            "Officials said the Varna earthquake on Sunday killed 12 people.".to_string(),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = findings(&texts, None, Severity::Warning);
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.3 == Severity::Warning), "{found:?}");
    }
}
