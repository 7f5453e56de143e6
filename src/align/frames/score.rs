//! Two claims' frames scored against each other: whether they can be values
//! of one thing at all, then how well their clauses, sentences, names and
//! stories say so.

use super::{Block, Feat};
use crate::model::ClaimFrame;

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
    fa: &ClaimFrame,
    xa: &Feat,
    fb: &ClaimFrame,
    xb: &Feat,
    block: &Block,
    cx: &PairContext,
) -> Option<f32> {
    let (ka, kb) = (&xa.key, &xb.key);
    let same_attr = fa.attribute == fb.attribute;
    if !same_attr && !ka.generic && !kb.generic {
        return None;
    }
    if fa.qualifier != fb.qualifier {
        return None;
    }
    if fa.per != fb.per && !cx.loose {
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
    if !cx.loose
        && fa.change.is_some() != fb.change.is_some()
        && matches!(block, Block::Money(_) | Block::Percent)
    {
        return None;
    }
    if let (Some(pa), Some(pb)) = (&fa.place, &fb.place) {
        if !names_meet(pa, pb) {
            return None;
        }
    }
    if *block == Block::Count {
        if let (Some(a), Some(b)) = (fa.of, fb.of) {
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
        match (fa.of, fb.of) {
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
                let events_differ = matches!((fa.event, fb.event), (Some(x), Some(y)) if x != y);
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
    let sent = cosine(
        &xa.sent.concepts,
        xa.sent.norm,
        &xb.sent.concepts,
        xb.sent.norm,
    );
    let mut s = 0.55 * local + 0.45 * sent + bonus;
    if same_attr && !ka.generic {
        s += 0.3;
    } else if !same_attr {
        s -= 0.1;
    }
    // Two counts of a rare thing in one story are likely one count ("four
    // robbers", "six robbers"); two counts of people need more.
    if *block == Block::Count {
        if let (Some(a), Some(b)) = (fa.of, fb.of) {
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
    match (fa.event, fb.event) {
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
