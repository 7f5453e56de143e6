//! Contradictions judged: each rule (one per file) relates aligned claims as
//! agreeing or conflicting; this module weighs the sources on each side and
//! turns the relations into findings.

pub mod amounts;
pub mod attributes;
pub mod counts;
pub mod dates;
mod facts;
pub mod groups;
pub mod ledger;
mod lists;
pub mod quotes;
pub mod ranges;
pub mod registry;
pub mod rule;
pub mod severity;
pub mod single_source;
pub mod sources;
mod subject;
pub mod uncorroborated;
pub mod update;
mod weigh;

/// Judging small texts written for the tests beside each rule.
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

pub use registry::{rule, FindingKind, RULES};
pub use subject::subject;

use crate::align::Aligned;
use crate::ledger::{Ledger, Verdict};
use crate::model::{ClaimKind, ClaimValue, Extraction, Granularity};
use crate::provenance::{self, copies, wire::Copies};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Two aligned claims (item indices) found to agree or to conflict.
///
/// The items are kept as `u32`: the rules relate every claim of a story to
/// the claims of its other versions, millions of pairs in an archive, all
/// kept to the end of judging; and no run holds four billion claims.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relation {
    a: u32,
    b: u32,
    pub kind: FindingKind,
    pub agree: bool,
}

impl Relation {
    pub fn new(a: usize, b: usize, kind: FindingKind, agree: bool) -> Relation {
        Relation {
            a: lists::item(a),
            b: lists::item(b),
            kind,
            agree,
        }
    }

    /// The first claim's item.
    pub fn a(&self) -> usize {
        self.a as usize
    }

    /// The second claim's item.
    pub fn b(&self) -> usize {
        self.b as usize
    }
}

/// A claim located by document and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    pub doc: usize,
    pub claim: usize,
}

/// The ledger's word on a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerMatch {
    pub fact: String,
    pub verdict: Verdict,
    pub expected: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub at: ClaimRef,
    pub message: String,
    pub evidence: Vec<ClaimRef>,
    /// Independent sources that state the claim's value (including its own).
    pub support: usize,
    /// Independent sources that state a conflicting value.
    pub against: usize,
    /// Boxed: an archive has millions of findings, and without a ledger
    /// none has a match.
    pub ledger: Option<Box<LedgerMatch>>,
}

/// A group of aligned claims: one event or counted thing across sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: ClaimKind,
    pub claims: Vec<ClaimRef>,
    /// Each distinct value and the documents that state it.
    pub values: Vec<(String, Vec<usize>)>,
    pub conflicting: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceSummary {
    pub claims: usize,
    /// Claims another independent source states alike.
    pub corroborated: usize,
    pub contradicted: usize,
    /// Claims no other independent source speaks of.
    pub single_source: usize,
    pub spin: sources::Spin,
    /// The document this one copies or rewrites, if any.
    pub rewrite_of: Option<sources::RewriteOf>,
    /// Warning signs, strongest first.
    pub signals: Vec<sources::Signal>,
    /// The signs, the rewrite and the spin in one sentence.
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Judgement {
    pub findings: Vec<Finding>,
    pub facts: Vec<Fact>,
    pub sources: Vec<SourceSummary>,
    /// Per document: the independent source it belongs to, named by the
    /// first document of its copies and rewrites. Read-only, for reports
    /// that count sources the way the findings do.
    pub source_of: Vec<usize>,
    /// Per document: may its findings be reported (drafts mode).
    pub reported: Vec<bool>,
}

pub struct Options<'a> {
    /// Documents whose findings are reported; `None` reports all.
    pub drafts: Option<Vec<usize>>,
    pub ledger: Option<&'a Ledger>,
}

/// Claims weighed side by side at a time.
const WEIGH_CHUNK: usize = 4096;

/// Runs every rule, weighs the sources, and returns the findings sorted by
/// path, line, column and kind.
///
/// Identical copies of a document are judged once (see
/// [`crate::provenance::wire`]): each finding is given back to every copy, with
/// evidence naming the first copy of each conflicting document.
pub fn judge(docs: &[Extraction], opts: &Options) -> Judgement {
    let reported: Vec<bool> = match &opts.drafts {
        None => vec![true; docs.len()],
        Some(d) => (0..docs.len()).map(|i| d.contains(&i)).collect(),
    };
    // Identical copies are judged through stand-ins (see provenance::wire).
    let wire = Copies::of(docs, |d| reported[d]);
    let stand_ins = wire.stand_ins(docs);
    let weights = wire.weights();
    let stand_drafts: Vec<bool> = wire
        .members
        .iter()
        .map(|m| opts.drafts.is_some() && reported[m[0]])
        .collect();
    let mut al = Aligned::for_drafts(&stand_ins, &weights, stand_drafts.clone());
    al.prepare();
    // The rules, rewrite detection and the ledger read the alignment and
    // the documents only, so they run side by side; relations are kept in
    // rule order.
    let rules: Vec<fn(&Aligned) -> Vec<Relation>> = RULES.iter().filter_map(|r| r.relate).collect();
    let ((rel, links), ledger_matches) = rayon::join(
        || {
            rayon::join(
                || {
                    rules
                        .par_iter()
                        .flat_map_iter(|rule| rule(&al))
                        .collect::<Vec<_>>()
                },
                // Copies and rewrites of one text are one source: they count
                // once for support and for opposition. Identical copies are
                // one source too, whether or not their names sketch could
                // tell.
                || copies::detect(docs),
            )
        },
        || match opts.ledger {
            Some(l) => ledger::verdicts(l, &al),
            // No ledger, no verdicts: nothing kept per claim.
            None => Vec::new(),
        },
    );
    let freed = al.rules_done();
    let doc_source = provenance::sources_of(docs.len(), &links, &wire);
    // The source of each stand-in.
    let source_of: Vec<usize> = wire.members.iter().map(|m| doc_source[m[0]]).collect();
    let ((relations, groups), ()) = rayon::join(
        || {
            rayon::join(
                || weigh::Relations::new(&al, &rel, &source_of, docs.len()),
                || groups::Groups::new(al.items.len(), &rel),
            )
        },
        || drop(freed),
    );
    let scene = weigh::Scene {
        al: &al,
        relations: &relations,
        groups: &groups,
        source_of: &source_of,
        weights: &weights,
        drafts: &stand_drafts,
        members: &wire.members,
    };
    let mut findings = Vec::new();
    // Per stand-in, what its claims add up to; given to every copy after.
    let mut stand_summaries = vec![SourceSummary::default(); stand_ins.len()];
    let mut stand_tallies = vec![sources::Tally::default(); stand_ins.len()];
    // Claims are weighed side by side, a chunk at a time (few enough that
    // their findings wait in little memory), and added up in item order.
    let n = al.items.len();
    let weighed = (0..n).step_by(WEIGH_CHUNK).flat_map(|start| {
        let chunk = start..(start + WEIGH_CHUNK).min(n);
        let ws: Vec<weigh::Weighed> = chunk
            .clone()
            .into_par_iter()
            .map(|i| weigh::weigh(&scene, i, ledger_matches.get(i).and_then(Option::as_ref)))
            .collect();
        chunk.zip(ws)
    });
    for (i, w) in weighed {
        let lm = ledger_matches.get(i).and_then(Option::as_ref);
        let doc = al.items[i].doc;
        let claim = al.claim(i);
        let alone = !relations.aligned_other[i];
        let ledger_supports = matches!(lm, Some(m) if m.verdict == Verdict::Supports);
        let s = &mut stand_summaries[doc];
        s.claims += 1;
        s.corroborated += usize::from(w.corroborated);
        s.single_source += usize::from(alone);
        let t = &mut stand_tallies[doc];
        if is_specific(&claim.value) {
            t.specific += 1;
            t.specific_alone += usize::from(alone && !ledger_supports);
        }
        if claim.kind == ClaimKind::TableRow {
            t.table_rows += 1;
        }
        let Some(f) = w.finding else { continue };
        let contradicts = rule(f.kind).contradicts;
        if f.severity >= Severity::Warning && contradicts {
            s.contradicted += 1;
        }
        if f.severity == Severity::Error && contradicts {
            t.refuted.insert(claim.line);
        }
        if f.kind == FindingKind::Uncorroborated {
            t.unsupported_rows.insert(claim.line);
        }
        // Each reported copy has the finding; the last takes it, the others
        // a clone (most documents have no copy: no clone at all).
        let members = &wire.members[doc];
        let Some(last) = members.iter().rposition(|&m| reported[m]) else {
            continue;
        };
        for &m in members[..last].iter().filter(|&&m| reported[m]) {
            findings.push(Finding {
                at: ClaimRef { doc: m, ..f.at },
                ledger: lm.cloned().map(Box::new),
                ..f.clone()
            });
        }
        findings.push(Finding {
            at: ClaimRef {
                doc: members[last],
                ..f.at
            },
            ledger: lm.cloned().map(Box::new),
            ..f
        });
    }
    let mut summaries = wire.give_back(&stand_summaries, docs.len());
    let tallies = wire.give_back(&stand_tallies, docs.len());
    // What only the weighing read is freed before the facts are grouped,
    // the peak of a run on an archive: its lists are a few large vectors.
    let weigh::Relations {
        agree,
        agree_docs,
        conflicts,
        aligned_other,
        related_sources,
    } = relations;
    drop((agree, agree_docs, conflicts, aligned_other, groups));
    // Every copy has its findings, so an archive has millions: the keys
    // are read once and the (stable) sort runs on every core, beside the
    // freeing of what the facts do not read.
    let weighed = al.weighing_done();
    rayon::join(
        || {
            findings.par_sort_by_cached_key(|f| {
                let c = &docs[f.at.doc].claims[f.at.claim];
                (docs[f.at.doc].path.as_str(), c.line, c.column, f.kind)
            })
        },
        || drop(weighed),
    );
    // Facts and the sources' spin and rewrites are independent. On an
    // archive the alignment and relations hold millions of small
    // allocations: they are freed on one core while the sources are
    // weighed on the other, not one after the other at the end.
    let (facts, (spin, rewrites)) = rayon::join(
        || {
            let facts = facts::group_facts(&al, &rel, &wire.members);
            drop((al, rel, ledger_matches));
            facts
        },
        || {
            let spin = sources::spin(docs, &doc_source, &related_sources);
            let rewrites = sources::rewrites(docs, &links, &spin);
            (spin, rewrites)
        },
    );
    for (((s, t), sp), rw) in summaries.iter_mut().zip(&tallies).zip(spin).zip(rewrites) {
        s.signals = sources::signals(t);
        s.note = sources::note(&s.signals, rw.as_ref(), &sp);
        s.spin = sp;
        s.rewrite_of = rw;
    }
    Judgement {
        findings,
        facts,
        sources: summaries,
        source_of: doc_source,
        reported,
    }
}

/// How well a reference claim must frame a draft's value to support it
/// when it was not the draft claim's best match.
pub const SUPPORT_SCORE: f32 = 0.2;

/// Whether two claims state their figures alike: a range by a range, a
/// single figure by a single figure, a floor by a floor (one end of
/// "\$1.30 to \$1.40" does not support "\$1.30 to \$1.45", nor "at least
/// \$6" a figure of \$6.52).
pub(crate) fn same_shape(al: &Aligned, i: usize, j: usize) -> bool {
    use crate::model::{Amount, ClaimValue};
    // 0: a figure, 1: a floor, 2: a ceiling, 3: a range, 4: a vague amount.
    let shape = |k: usize| match &al.claim(k).value {
        ClaimValue::Quantity { amount, .. }
        | ClaimValue::Money { amount, .. }
        | ClaimValue::Percent { amount }
        | ClaimValue::Size { amount, .. }
        | ClaimValue::Age { amount, .. } => match amount {
            Amount::Exact { .. } | Amount::Approx { .. } => 0,
            Amount::MoreThan { .. } | Amount::AtLeast { .. } => 1,
            Amount::LessThan { .. } | Amount::AtMost { .. } => 2,
            Amount::Between { .. } => 3,
            Amount::Vague { .. } => 4,
        },
        _ => 0,
    };
    shape(i) == shape(j)
}

/// Whether two claims sit in sentences dated apart: each sentence gives a
/// calendar date and none of one's overlaps any of the other's ("146,000
/// jobs in January" and "157,000 jobs in December" are two months' figures).
pub fn dated_apart(al: &Aligned, a: usize, b: usize) -> bool {
    let (sa, sb): (Vec<usize>, Vec<usize>) = (
        al.sentence(a)
            .filter(|&k| dates::date_of(&al.claim(k).value).is_some())
            .collect(),
        al.sentence(b)
            .filter(|&k| dates::date_of(&al.claim(k).value).is_some())
            .collect(),
    );
    // Dates that cannot be compared ("Thursday" against a guessed day) tell
    // nothing; the others must all disagree.
    let mut compared = false;
    for &x in &sa {
        for &y in &sb {
            match dates::agree(al, x, y) {
                Some(true) => return false,
                Some(false) => compared = true,
                None => {}
            }
        }
    }
    compared
}

/// A claim precise enough that a second source should be able to confirm it.
pub fn is_specific(v: &ClaimValue) -> bool {
    match v {
        ClaimValue::Date(d) => d.granularity <= Granularity::Month && d.interval.is_some(),
        ClaimValue::Quantity { amount, .. } => amount.is_exact(),
        ClaimValue::TableRow { .. } | ClaimValue::Age { .. } | ClaimValue::Money { .. } => true,
        _ => false,
    }
}
