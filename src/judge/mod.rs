//! Contradictions judged: each rule (one per file) relates aligned claims as
//! agreeing or conflicting; this module weighs the sources on each side and
//! turns the relations into findings.

pub mod amounts;
pub mod attributes;
pub mod counts;
pub mod dates;
pub mod groups;
pub mod ledger;
pub mod quotes;
pub mod ranges;
pub mod registry;
pub mod rule;
pub mod single_source;
pub mod sources;
pub mod uncorroborated;
pub mod update;

pub use registry::{rule, FindingKind, RULES};

use crate::align::wire::Copies;
use crate::align::{copies, Aligned};
use crate::ledger::{Ledger, Verdict};
use crate::model::{ClaimKind, ClaimValue, Extraction, Granularity};
use rayon::prelude::*;
use rule::Said;
use serde::Serialize;
use std::collections::BTreeSet;

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
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub a: usize,
    pub b: usize,
    pub kind: FindingKind,
    pub agree: bool,
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
    pub ledger: Option<LedgerMatch>,
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

/// Runs every rule, weighs the sources, and returns the findings sorted by
/// path, line, column and kind.
///
/// Identical copies of a document are judged once (see
/// [`crate::align::wire`]): each finding is given back to every copy, with
/// evidence naming the first copy of each conflicting document.
pub fn judge(docs: &[Extraction], opts: &Options) -> Judgement {
    let reported: Vec<bool> = match &opts.drafts {
        None => vec![true; docs.len()],
        Some(d) => (0..docs.len()).map(|i| d.contains(&i)).collect(),
    };
    // Identical copies are judged through stand-ins (see align::wire).
    let wire = Copies::of(docs, |d| reported[d]);
    let stand_ins = wire.stand_ins(docs);
    let weights = wire.weights();
    let stand_drafts: Vec<bool> = wire
        .members
        .iter()
        .map(|m| opts.drafts.is_some() && reported[m[0]])
        .collect();
    let al = Aligned::for_drafts(&stand_ins, &weights, stand_drafts);
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
            None => vec![None; al.items.len()],
        },
    );
    let doc_source = {
        let mut all = links.clone();
        for (s, members) in wire.members.iter().enumerate() {
            let mut group: Vec<usize> = members.clone();
            if let Some(t) = wire.twin[s] {
                group.push(wire.members[t][0]);
            }
            all.extend(group[1..].iter().map(|&m| copies::Link {
                a: group[0],
                b: m,
                names: 1.0,
                text: 1.0,
            }));
        }
        copies::sources(docs.len(), &all)
    };
    // The source of each stand-in.
    let source_of: Vec<usize> = wire.members.iter().map(|m| doc_source[m[0]]).collect();
    let n = al.items.len();
    let mut agree: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    // The documents (not sources) each claim agrees with.
    let mut agree_docs: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut conflicts: Vec<Vec<(usize, FindingKind)>> = vec![Vec::new(); n];
    let mut aligned_other = vec![false; n];
    // Documents that speak of the same things: where a name's spelling can
    // be compared.
    let mut related_sources: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); docs.len()];
    for r in &rel {
        let (da, db) = (al.items[r.a].doc, al.items[r.b].doc);
        if source_of[da] != source_of[db] {
            aligned_other[r.a] = true;
            aligned_other[r.b] = true;
        }
        related_sources[source_of[da]].insert(source_of[db]);
        related_sources[source_of[db]].insert(source_of[da]);
        if r.agree {
            agree_docs[r.a].insert(db);
            agree_docs[r.b].insert(da);
            agree[r.a].insert(source_of[al.items[r.b].doc]);
            agree[r.b].insert(source_of[al.items[r.a].doc]);
        } else {
            conflicts[r.a].push((r.b, r.kind));
            conflicts[r.b].push((r.a, r.kind));
        }
    }

    let drafts_mode = opts.drafts.is_some();
    // Per stand-in: is it a draft (reported with --against)?
    let stand_reported: Vec<bool> = wire.members.iter().map(|m| reported[m[0]]).collect();
    let groups = groups::Groups::new(n, &rel);
    let mut findings = Vec::new();
    let mut summaries = vec![SourceSummary::default(); docs.len()];
    let mut tallies = vec![sources::Tally::default(); docs.len()];
    // Per stand-in, what its claims add up to; given to every copy after.
    let mut stand_summaries = vec![SourceSummary::default(); stand_ins.len()];
    let mut stand_tallies = vec![sources::Tally::default(); stand_ins.len()];
    for i in 0..n {
        let it = &al.items[i];
        let at = ClaimRef {
            doc: it.doc,
            claim: it.claim,
        };
        let claim = al.claim(i);
        let own = source_of[it.doc];
        let is_draft = drafts_mode && stand_reported[it.doc];
        // With --against, only the references vote on a draft's claims.
        let votes = |d: usize| !is_draft || !stand_reported[d];
        let mut supp: BTreeSet<usize> = BTreeSet::new();
        supp.insert(own);
        let mut opp: BTreeSet<usize> = BTreeSet::new();
        let mut evidence: Vec<ClaimRef> = Vec::new();
        let mut kinds: Vec<FindingKind> = Vec::new();
        let mut updates: Vec<ClaimRef> = Vec::new();
        let mut grouped_differing: BTreeSet<usize> = BTreeSet::new();
        // The most sources against the claim that agree among themselves.
        let mut against_as_one: Option<usize> = None;
        let group = groups.of(i);
        if let Some(g) = &group {
            let t = groups::tally(&al, g, i, &source_of, votes);
            against_as_one = Some(t.against_as_one);
            supp = t.support;
            opp = t.against;
            for &m in &t.evidence {
                evidence.push(ClaimRef {
                    doc: al.items[m].doc,
                    claim: al.items[m].claim,
                });
            }
            if !t.evidence.is_empty() || !t.same_source_differing.is_empty() {
                kinds.extend(groups.kind[i]);
            }
            for &m in &t.updates {
                updates.push(ClaimRef {
                    doc: al.items[m].doc,
                    claim: al.items[m].claim,
                });
            }
            grouped_differing.extend(t.same_source_differing.iter().map(|&m| al.items[m].doc));
        } else {
            supp.extend(
                agree_docs[i]
                    .iter()
                    .filter(|&&d| votes(d))
                    .map(|&d| source_of[d]),
            );
        }
        for &(j, k) in &conflicts[i] {
            if group.is_some() && rule(k).groups_values {
                continue;
            }
            let jt = &al.items[j];
            if !votes(jt.doc) {
                continue;
            }
            // A reference the draft copies still judges it.
            if is_draft && source_of[jt.doc] == own {
                opp.insert(usize::MAX - jt.doc);
            } else {
                opp.insert(source_of[jt.doc]);
            }
            opp.extend(agree[j].iter().copied());
            evidence.push(ClaimRef {
                doc: jt.doc,
                claim: jt.claim,
            });
            kinds.push(k);
        }
        let opp: BTreeSet<usize> = opp.difference(&supp).copied().collect();
        let corroborated = supp.len() > 1;
        let s = &mut stand_summaries[it.doc];
        s.claims += 1;
        if corroborated {
            s.corroborated += 1;
        }
        if !aligned_other[i] {
            s.single_source += 1;
        }
        let lm = ledger_matches[i].clone();
        let ledger_refutes = matches!(&lm, Some(m) if m.verdict == Verdict::Refutes);
        let ledger_supports = matches!(&lm, Some(m) if m.verdict == Verdict::Supports);
        let t = &mut stand_tallies[it.doc];
        if is_specific(&claim.value) {
            t.specific += 1;
            if !aligned_other[i] && !ledger_supports {
                t.specific_alone += 1;
            }
        }
        if claim.kind == ClaimKind::TableRow {
            t.table_rows += 1;
        }

        let mut finding: Option<Finding> = None;
        let has_conflict = !kinds.is_empty();
        if has_conflict && !ledger_supports {
            kinds.sort();
            kinds.dedup();
            let kind = kinds[0];
            // A copy that changes what it copies is worth a look even though
            // the two count as one source.
            let mut copies_differing: BTreeSet<usize> = conflicts[i]
                .iter()
                .map(|&(j, _)| al.items[j].doc)
                .filter(|&d| d != it.doc && source_of[d] == own && !agree_docs[i].contains(&d))
                .collect();
            copies_differing.extend(grouped_differing.iter().copied());
            // Within one source the copies outnumber the edits: the side
            // fewer documents give is the changed one (both on a tie).
            let same_side: usize = weights[it.doc]
                + agree_docs[i]
                    .iter()
                    .filter(|&&d| source_of[d] == own)
                    .map(|&d| weights[d])
                    .sum::<usize>();
            let other_side: usize = copies_differing.iter().map(|&d| weights[d]).sum();
            let within_source =
                opp.is_empty() && !copies_differing.is_empty() && same_side <= other_side;
            let severity = if is_draft {
                // The references are the authority: a value they contradict
                // and none supports is an error; where they disagree among
                // themselves, siding with one of them is worth a look.
                let referenced = supp.len() > 1 || loose_support(&al, i, &votes);
                if !opp.is_empty() && !referenced {
                    Some(Severity::Error)
                } else if !opp.is_empty() || within_source {
                    Some(Severity::Warning)
                } else {
                    None
                }
            } else if supp.len() < against_as_one.unwrap_or(opp.len()).min(opp.len()) {
                // Outvoted by sources that agree with one another: seven
                // reports of 10 against one of 40, not one of 40 against
                // reports of 10, 70 and 777 that are of other things.
                Some(Severity::Error)
            } else if supp.len() == opp.len() && !opp.is_empty() || within_source {
                Some(Severity::Warning)
            } else {
                None
            };
            let r = rule(kind);
            let cap = if is_draft {
                r.level
            } else {
                r.between_sources.unwrap_or(r.level)
            };
            if let Some(severity) = severity.map(|s| s.min(cap)) {
                evidence.sort();
                evidence.dedup();
                let specific_alone = is_specific(&claim.value) && !corroborated;
                let message = if within_source {
                    evidence.retain(|e| copies_differing.contains(&e.doc));
                    copy_message(&al, i, &evidence)
                } else {
                    conflict_message(
                        &al,
                        i,
                        kind,
                        &evidence,
                        supp.len(),
                        opp.len(),
                        specific_alone,
                    )
                };
                finding = Some(Finding {
                    kind,
                    severity,
                    at,
                    message,
                    evidence: first_copies(&evidence, &wire.members),
                    support: supp.len(),
                    against: opp.len(),
                    ledger: None,
                });
            }
        }
        if ledger_refutes {
            let m = lm.clone().expect("refutes");
            let f = finding.get_or_insert_with(|| Finding {
                kind: FindingKind::LedgerConflict,
                severity: Severity::Error,
                at,
                message: String::new(),
                evidence: Vec::new(),
                support: supp.len(),
                against: opp.len(),
                ledger: None,
            });
            f.severity = Severity::Error;
            let note = (ledger::CONFLICT.message)(&Said {
                ledger: Some(&m),
                ..Said::of(&claim.value.display())
            });
            f.message = if f.message.is_empty() {
                note
            } else {
                format!("{}; {note}", f.message)
            };
        }
        if finding.is_none() {
            if let Some(m) = &lm {
                finding = Some(Finding {
                    kind: FindingKind::LedgerMatch,
                    severity: Severity::Info,
                    at,
                    message: (ledger::MATCH.message)(&Said {
                        ledger: Some(m),
                        ..Said::of(&claim.value.display())
                    }),
                    evidence: Vec::new(),
                    support: supp.len(),
                    against: opp.len(),
                    ledger: None,
                });
            }
        }
        if finding.is_none() && !updates.is_empty() {
            updates.sort();
            updates.dedup();
            let mut others: Vec<String> = updates
                .iter()
                .map(|e| al.docs[e.doc].claims[e.claim].value.display())
                .collect();
            others.sort();
            others.dedup();
            finding = Some(Finding {
                kind: FindingKind::Update,
                severity: Severity::Info,
                at,
                message: (update::RULE.message)(&Said {
                    theirs: &others.join(", "),
                    ..Said::of(&claim.value.display())
                }),
                evidence: first_copies(&updates, &wire.members),
                support: supp.len(),
                against: 0,
                ledger: None,
            });
        }
        if finding.is_none() && !corroborated && !ledger_supports {
            if claim.kind == ClaimKind::TableRow {
                finding = Some(Finding {
                    kind: FindingKind::Uncorroborated,
                    severity: Severity::Warning,
                    at,
                    message: (uncorroborated::RULE.message)(&Said::of(&claim.value.display())),
                    evidence: Vec::new(),
                    support: 1,
                    against: 0,
                    ledger: None,
                });
            } else if is_specific(&claim.value) {
                finding = Some(Finding {
                    kind: FindingKind::SingleSource,
                    severity: Severity::Info,
                    at,
                    message: (single_source::RULE.message)(&Said::of(&claim.value.display())),
                    evidence: Vec::new(),
                    support: 1,
                    against: 0,
                    ledger: None,
                });
            }
        }
        if let Some(f) = &finding {
            let contradicts = rule(f.kind).contradicts;
            if f.severity >= Severity::Warning && contradicts {
                stand_summaries[it.doc].contradicted += 1;
            }
            if f.severity == Severity::Error && contradicts {
                stand_tallies[it.doc].refuted.insert(claim.line);
            }
            if f.kind == FindingKind::Uncorroborated {
                stand_tallies[it.doc].unsupported_rows.insert(claim.line);
            }
            for &m in &wire.members[it.doc] {
                if reported[m] {
                    let mut f = f.clone();
                    f.at.doc = m;
                    f.ledger = lm.clone();
                    findings.push(f);
                }
            }
        }
    }
    for (s, members) in wire.members.iter().enumerate() {
        for &m in members {
            summaries[m] = stand_summaries[s].clone();
            tallies[m] = stand_tallies[s].clone();
        }
    }
    // Every copy has its findings, so an archive has millions: the keys
    // are read once and the (stable) sort runs on every core.
    findings.par_sort_by_cached_key(|f| {
        let c = &docs[f.at.doc].claims[f.at.claim];
        (docs[f.at.doc].path.as_str(), c.line, c.column, f.kind)
    });
    // Facts and the sources' spin and rewrites are independent. On an
    // archive the alignment and relations hold millions of small
    // allocations: they are freed on one core while the sources are
    // weighed on the other, not one after the other at the end.
    let (facts, (spin, rewrites)) = rayon::join(
        || {
            let facts = group_facts(&al, &rel, &wire.members);
            drop((al, rel, agree, agree_docs, conflicts, ledger_matches));
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

/// Whether a document `votes` accepts states item `i`'s value in a frame
/// close enough to support it, aligned or not.
fn loose_support(al: &Aligned, i: usize, votes: &impl Fn(usize) -> bool) -> bool {
    if al.frames.blocks[i].is_none() {
        return false;
    }
    let d = al.items[i].doc;
    al.stories.links[d].iter().any(|&o| {
        votes(o)
            && al.items_of(o).any(|j| {
                al.support_score(i, j).is_some_and(|s| s >= SUPPORT_SCORE)
                    && groups::values_agree(al, i, j) == Some(true)
                    && same_shape(al, i, j)
                    && !dated_apart(al, i, j)
            })
    })
}

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

fn conflict_message(
    al: &Aligned,
    i: usize,
    kind: FindingKind,
    evidence: &[ClaimRef],
    support: usize,
    against: usize,
    specific_alone: bool,
) -> String {
    let claim = al.claim(i);
    let mut others: Vec<String> = evidence
        .iter()
        .map(|e| al.docs[e.doc].claims[e.claim].value.display())
        .collect();
    others.sort();
    others.dedup();
    let mut m = (rule(kind).message)(&Said {
        subject: &|| subject(claim),
        here: &claim.value.display(),
        theirs: &others.join(", "),
        support,
        against,
        copies: None,
        ledger: None,
    });
    if specific_alone {
        m.push_str("; no other source supports it");
    }
    m
}

/// What a claim states a value of, in words: "deaths", "number of
/// villages", "distance from Bandar Abbas", "age of Eric Kirkpatrick",
/// "date (strike)".
pub fn subject(c: &crate::model::Claim) -> String {
    let f = &c.frame;
    let title = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|h| h.to_uppercase().collect::<String>() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = match f.attribute.as_str() {
        "count" => match &f.of {
            Some(of) => format!("number of {}", crate::lang::morph::plural(of)),
            None => "number".into(),
        },
        "money" | "percent" => {
            let what = if f.attribute == "money" {
                "amount"
            } else {
                "percentage"
            };
            match &f.of {
                Some(of) => format!("{what} of the {of}"),
                None => what.into(),
            }
        }
        "age" => match &f.of {
            Some(p) => format!("age of {}", title(p)),
            None => "age".into(),
        },
        "distance" => match &f.place {
            Some(p) => format!("distance from {}", title(p)),
            None => "distance".into(),
        },
        "eps" => "earnings per share".into(),
        "date" => match &f.event {
            Some(e) => format!("date ({e})"),
            None => "date".into(),
        },
        other => other.replace('-', " "),
    };
    match f.change.as_deref() {
        Some("up") => format!("rise in {base}"),
        Some("down") => format!("fall in {base}"),
        _ => base,
    }
}

/// The plural of a counted noun, for messages.
/// A copy or rewrite that changed a value of the text it shares with others.
fn copy_message(al: &Aligned, i: usize, evidence: &[ClaimRef]) -> String {
    let mut others: Vec<String> = evidence
        .iter()
        .map(|e| {
            format!(
                "{} gives {}",
                al.docs[e.doc].path,
                al.docs[e.doc].claims[e.claim].value.display()
            )
        })
        .collect();
    others.sort();
    others.dedup();
    format!(
        "`{}` here, but {} (a copy or rewrite of the same text: one source, so neither side outweighs the other)",
        al.claim(i).value.display(),
        others.join("; ")
    )
}

/// Claims of stand-ins as evidence: each names the first copy of its
/// document.
fn first_copies(refs: &[ClaimRef], members: &[Vec<usize>]) -> Vec<ClaimRef> {
    refs.iter()
        .map(|e| ClaimRef {
            doc: members[e.doc][0],
            claim: e.claim,
        })
        .collect()
}

/// Groups claims connected by any relation (union-find), for `facts[]`;
/// each stand-in's claims are given back to every copy in `members`.
fn group_facts(al: &Aligned, rel: &[Relation], members: &[Vec<usize>]) -> Vec<Fact> {
    let n = al.items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut conflicting = vec![false; n];
    for r in rel {
        if r.kind == FindingKind::RangeConflict {
            continue;
        }
        let (ra, rb) = (find(&mut parent, r.a), find(&mut parent, r.b));
        if ra != rb {
            parent[ra] = rb;
        }
        if !r.agree {
            conflicting[r.a] = true;
            conflicting[r.b] = true;
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut facts = Vec::new();
    for (_, group) in groups {
        if group.len() < 2 {
            continue;
        }
        let mut values: Vec<(String, Vec<usize>)> = Vec::new();
        for &m in &group {
            let v = al.claim(m).value.display();
            let d = al.items[m].doc;
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, ds)) => {
                    if !ds.contains(&d) {
                        ds.push(d)
                    }
                }
                None => values.push((v, vec![d])),
            }
        }
        // Stand-ins are disjoint sets of documents: expanding keeps them
        // unique, and sorting puts them back in input order.
        for (_, ds) in &mut values {
            *ds = ds
                .iter()
                .flat_map(|&d| members[d].iter().copied())
                .collect();
            ds.sort_unstable();
        }
        values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let mut claims: Vec<ClaimRef> = group
            .iter()
            .flat_map(|&m| {
                members[al.items[m].doc].iter().map(move |&doc| ClaimRef {
                    doc,
                    claim: al.items[m].claim,
                })
            })
            .collect();
        claims.sort_unstable();
        facts.push(Fact {
            kind: al.claim(group[0]).kind,
            claims,
            values,
            conflicting: group.iter().any(|&m| conflicting[m]),
        });
    }
    facts
}

/// Judging small texts written for the tests beside each rule.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::model::{Document, FrontMatter};

    /// The texts as documents `d0.md`, `d1.md`, ...: a first line
    /// `published: YYYY-MM-DD` is their front matter's date.
    pub fn docs(texts: &[&str]) -> Vec<Extraction> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (published, body) = match t.strip_prefix("published: ") {
                    Some(rest) => {
                        let (d, body) = rest.split_once('\n').unwrap_or((rest, ""));
                        (Some(d.to_string()), body)
                    }
                    None => (None, *t),
                };
                let doc = Document {
                    path: format!("d{i}.md"),
                    text: body.to_string(),
                    body_start: 0,
                    front_matter: FrontMatter {
                        published,
                        ..FrontMatter::default()
                    },
                };
                crate::extract::extract(&doc, &crate::extract::Options::default())
            })
            .collect()
    }

    /// The findings at `min` or above, as (document, claim as written,
    /// kind, severity), with `drafts` checked against the other texts.
    pub fn findings(
        texts: &[&str],
        drafts: Option<Vec<usize>>,
        min: Severity,
    ) -> Vec<(usize, String, FindingKind, Severity)> {
        let docs = docs(texts);
        let j = judge(
            &docs,
            &Options {
                drafts,
                ledger: None,
            },
        );
        j.findings
            .iter()
            .filter(|f| f.severity >= min)
            .map(|f| {
                (
                    f.at.doc,
                    docs[f.at.doc].claims[f.at.claim].surface.clone(),
                    f.kind,
                    f.severity,
                )
            })
            .collect()
    }

    /// The errors of text 0 checked against the others.
    pub fn draft_errors(draft: &str, references: &[&str]) -> Vec<(String, FindingKind)> {
        let mut texts = vec![draft];
        texts.extend_from_slice(references);
        findings(&texts, Some(vec![0]), Severity::Error)
            .into_iter()
            .map(|(_, s, k, _)| (s, k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    const REPORT: &str = "A powerful earthquake struck the island of Varna on Sunday, killing 10 people and injuring 40, officials said.";

    #[test]
    fn against_references_a_contradicted_value_is_an_error_not_a_tie() {
        let errors = draft_errors(
            "An earthquake struck Varna on Sunday, killing 35 people, officials said.",
            &[REPORT],
        );
        assert_eq!(
            errors,
            vec![("35 people".to_string(), FindingKind::CountConflict)]
        );
    }

    #[test]
    fn a_fact_the_references_do_not_speak_of_is_new_not_wrong() {
        let errors = draft_errors(
            "An earthquake struck Varna on Sunday, killing 10 people. The Red Crescent flew 300 tents to the island.",
            &[REPORT],
        );
        assert_eq!(errors, vec![]);
    }

    #[test]
    fn references_that_disagree_make_a_draft_siding_with_one_a_warning() {
        let texts = [
            "The quake measured magnitude 6.1, the survey said.",
            "The 6.1-magnitude quake struck the island of Varna, officials said.",
            "The 5.9-magnitude quake struck the island of Varna, officials said.",
        ];
        let found = findings(&texts, Some(vec![0]), Severity::Warning);
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.3 == Severity::Warning), "{found:?}");
    }

    #[test]
    fn in_a_folder_the_side_fewer_sources_state_is_the_error() {
        let texts = [
            REPORT,
            "The earthquake that struck Varna on Sunday killed 10 people, officials said.",
            "An earthquake struck Varna on Sunday, killing 12 people and injuring 40, officials said.",
        ];
        let errors: Vec<(usize, String)> = findings(&texts, None, Severity::Error)
            .into_iter()
            .map(|f| (f.0, f.1))
            .collect();
        assert_eq!(errors, vec![(2, "12 people".to_string())]);
    }

    #[test]
    fn a_later_larger_toll_is_an_update() {
        let texts = [
            "published: 2005-11-27\nAn earthquake struck Varna on Sunday, killing 10 people, officials said.",
            "published: 2005-11-29\nThe earthquake that struck Varna on Sunday killed 14 people, officials said.",
        ];
        let found = findings(&texts, None, Severity::Info);
        assert!(
            found.iter().any(|f| f.2 == FindingKind::Update),
            "{found:?}"
        );
        assert!(found.iter().all(|f| f.3 < Severity::Warning), "{found:?}");
        // Dates only guessed from the bodies say nothing of which came
        // later: the two figures conflict.
        let texts = [
            "The toll was given on November 27, 2005. An earthquake struck Varna on Sunday, killing 10 people, officials said.",
            "The earthquake that struck Varna on Sunday killed 14 people, officials said on November 29, 2005.",
        ];
        let found = findings(&texts, None, Severity::Info);
        assert!(
            found.iter().all(|f| f.2 != FindingKind::Update),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.2 == FindingKind::CountConflict),
            "{found:?}"
        );
    }
}
