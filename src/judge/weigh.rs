//! One claim weighed: the independent sources for it and against it, the
//! severity that follows (see [`super::severity`]), and the one finding it
//! gives, if any. Claims are named by their item in the alignment, and
//! documents by stand-in (see `provenance::wire`): the judge gives each finding
//! back to every copy after.

use super::lists::{item, Lists};
use super::rule::Said;
use super::severity::{severity, Standing};
use super::{
    dated_apart, groups, is_specific, ledger, rule, same_shape, single_source, subject,
    uncorroborated, update, ClaimRef, Finding, FindingKind, LedgerMatch, Relation, Severity,
    SUPPORT_SCORE,
};
use crate::align::Aligned;
use crate::ledger::Verdict;
use crate::model::ClaimKind;
use std::collections::BTreeSet;

/// The rules' relations, per claim.
pub struct Relations {
    /// The sources each claim agrees with, sorted (a few per claim, for
    /// every claim of an archive: see [`Lists`]; as `u32`, see [`item`]).
    pub agree: Lists<u32>,
    /// The documents (not sources) each claim agrees with, sorted.
    pub agree_docs: Lists<u32>,
    /// The claims each claim conflicts with, and by which rule.
    pub conflicts: Lists<(u32, FindingKind)>,
    /// Whether each claim was related to a claim of another source.
    pub aligned_other: Vec<bool>,
    /// Per source: the sources whose claims its claims were related to,
    /// where a name's spelling can be compared.
    pub related_sources: Vec<BTreeSet<usize>>,
}

impl Relations {
    /// `source_of` gives each stand-in's source; sources are named by a
    /// document, so there are at most `n_docs`.
    pub fn new(al: &Aligned, rel: &[Relation], source_of: &[usize], n_docs: usize) -> Relations {
        let n = al.items.len();
        // Each relation, from both of its claims: (claim, other claim,
        // other document).
        let sides = |agree: bool| {
            rel.iter().filter(move |x| x.agree == agree).flat_map(|x| {
                let (da, db) = (al.items[x.a()].doc, al.items[x.b()].doc);
                [(x.a(), x.b(), db, x.kind), (x.b(), x.a(), da, x.kind)]
            })
        };
        // Each list reads every relation of an archive: they are made side
        // by side.
        let ((agree, agree_docs), (conflicts, (aligned_other, related_sources))) = rayon::join(
            || {
                rayon::join(
                    || {
                        let mut agree = Lists::new(n, || {
                            sides(true).map(|(i, _, d, _)| (i, item(source_of[d])))
                        });
                        agree.sort_dedup();
                        agree
                    },
                    || {
                        let mut agree_docs =
                            Lists::new(n, || sides(true).map(|(i, _, d, _)| (i, item(d))));
                        agree_docs.sort_dedup();
                        agree_docs
                    },
                )
            },
            || {
                rayon::join(
                    || Lists::new(n, || sides(false).map(|(i, j, _, k)| (i, (item(j), k)))),
                    || {
                        let mut aligned_other = vec![false; n];
                        let mut related_sources = vec![BTreeSet::new(); n_docs];
                        for x in rel {
                            let (da, db) = (al.items[x.a()].doc, al.items[x.b()].doc);
                            let (sa, sb) = (source_of[da], source_of[db]);
                            if sa != sb {
                                aligned_other[x.a()] = true;
                                aligned_other[x.b()] = true;
                            }
                            related_sources[sa].insert(sb);
                            related_sources[sb].insert(sa);
                        }
                        (aligned_other, related_sources)
                    },
                )
            },
        );
        Relations {
            agree,
            agree_docs,
            conflicts,
            aligned_other,
            related_sources,
        }
    }
}

/// What every claim of one judgement is weighed against.
pub struct Scene<'a> {
    pub al: &'a Aligned<'a>,
    pub relations: &'a Relations,
    pub groups: &'a groups::Groups,
    /// Per stand-in: its source.
    pub source_of: &'a [usize],
    /// Per stand-in: how many documents it stands for.
    pub weights: &'a [usize],
    /// Per stand-in: is it a draft checked against references?
    pub drafts: &'a [bool],
    /// Per stand-in: the documents it stands for.
    pub members: &'a [Vec<usize>],
}

/// A claim weighed.
pub struct Weighed {
    /// At the stand-in, without the ledger's word (the judge adds it).
    pub finding: Option<Finding>,
    /// Whether another independent source states the claim's value.
    pub corroborated: bool,
}

/// The two sides of one claim.
struct Sides {
    support: BTreeSet<usize>,
    against: BTreeSet<usize>,
    /// Claims stating an incompatible value.
    evidence: Vec<ClaimRef>,
    /// The rules those claims conflict by.
    kinds: Vec<FindingKind>,
    /// Claims the claim updates, or that update it.
    updates: Vec<ClaimRef>,
    /// Documents of the claim's own source that state another value.
    grouped_differing: BTreeSet<usize>,
    /// The most sources against the claim that agree among themselves.
    against_as_one: Option<usize>,
}

fn at(al: &Aligned, m: usize) -> ClaimRef {
    ClaimRef {
        doc: al.items[m].doc,
        claim: al.items[m].claim,
    }
}

/// Counts who stands for claim `i` and who against; only documents `votes`
/// accepts count.
fn sides(s: &Scene, i: usize, is_draft: bool, votes: &impl Fn(usize) -> bool) -> Sides {
    let al = s.al;
    let own = s.source_of[al.items[i].doc];
    let mut sides = Sides {
        support: BTreeSet::from([own]),
        against: BTreeSet::new(),
        evidence: Vec::new(),
        kinds: Vec::new(),
        updates: Vec::new(),
        grouped_differing: BTreeSet::new(),
        against_as_one: None,
    };
    let group = s.groups.of(i);
    if let Some(g) = &group {
        let t = groups::tally(al, g, i, s.source_of, votes);
        sides.against_as_one = Some(t.against_as_one);
        sides.support = t.support;
        sides.against = t.against;
        sides.evidence.extend(t.evidence.iter().map(|&m| at(al, m)));
        if !t.evidence.is_empty() || !t.same_source_differing.is_empty() {
            sides.kinds.extend(s.groups.kind[i]);
        }
        sides.updates.extend(t.updates.iter().map(|&m| at(al, m)));
        sides
            .grouped_differing
            .extend(t.same_source_differing.iter().map(|&m| al.items[m].doc));
    } else {
        sides.support.extend(
            s.relations.agree_docs[i]
                .iter()
                .map(|&d| d as usize)
                .filter(|&d| votes(d))
                .map(|d| s.source_of[d]),
        );
    }
    for &(j, k) in &s.relations.conflicts[i] {
        let j = j as usize;
        if group.is_some() && rule(k).groups_values {
            continue;
        }
        let jt = &al.items[j];
        if !votes(jt.doc) {
            continue;
        }
        // A reference the draft copies still judges it.
        if is_draft && s.source_of[jt.doc] == own {
            sides.against.insert(usize::MAX - jt.doc);
        } else {
            sides.against.insert(s.source_of[jt.doc]);
        }
        sides
            .against
            .extend(s.relations.agree[j].iter().map(|&x| x as usize));
        sides.evidence.push(at(al, j));
        sides.kinds.push(k);
    }
    sides.against = sides.against.difference(&sides.support).copied().collect();
    sides
}

/// The conflict finding of claim `i`, if its sides make one.
fn conflict(
    s: &Scene,
    i: usize,
    sides: &mut Sides,
    is_draft: bool,
    votes: &impl Fn(usize) -> bool,
) -> Option<Finding> {
    let al = s.al;
    let doc = al.items[i].doc;
    let own = s.source_of[doc];
    sides.kinds.sort();
    sides.kinds.dedup();
    let kind = sides.kinds[0];
    // A copy that changes what it copies is worth a look even though the
    // two count as one source.
    let agree_docs = &s.relations.agree_docs[i];
    let mut copies_differing: BTreeSet<usize> = s.relations.conflicts[i]
        .iter()
        .map(|&(j, _)| al.items[j as usize].doc)
        .filter(|&d| {
            d != doc && s.source_of[d] == own && agree_docs.binary_search(&item(d)).is_err()
        })
        .collect();
    copies_differing.extend(sides.grouped_differing.iter().copied());
    // Within one source the copies outnumber the edits: the side fewer
    // documents give is the changed one (both on a tie).
    let same_side: usize = s.weights[doc]
        + agree_docs
            .iter()
            .map(|&d| d as usize)
            .filter(|&d| s.source_of[d] == own)
            .map(|d| s.weights[d])
            .sum::<usize>();
    let other_side: usize = copies_differing.iter().map(|&d| s.weights[d]).sum();
    let (support, against) = (sides.support.len(), sides.against.len());
    let within_source = against == 0 && !copies_differing.is_empty() && same_side <= other_side;
    let standing = Standing {
        support,
        against,
        against_as_one: sides.against_as_one,
        // Only asked of a draft that something contradicts: the loose
        // search for support costs.
        referenced: is_draft && against > 0 && (support > 1 || loose_support(al, i, votes)),
        is_draft,
        within_source,
    };
    let r = rule(kind);
    let cap = if is_draft {
        r.level
    } else {
        r.between_sources.unwrap_or(r.level)
    };
    let severity = severity(&standing)?.min(cap);
    let claim = al.claim(i);
    let evidence = &mut sides.evidence;
    evidence.sort();
    evidence.dedup();
    let specific_alone = is_specific(&claim.value) && support <= 1;
    let message = if within_source {
        evidence.retain(|e| copies_differing.contains(&e.doc));
        copy_message(al, i, evidence)
    } else {
        conflict_message(al, i, kind, evidence, support, against, specific_alone)
    };
    Some(Finding {
        kind,
        severity,
        at: at(al, i),
        message,
        evidence: first_copies(evidence, s.members),
        support,
        against,
        ledger: None,
    })
}

/// Weighs claim `i`, which the ledger's word `lm` speaks of if given.
pub fn weigh(s: &Scene, i: usize, lm: Option<&LedgerMatch>) -> Weighed {
    let al = s.al;
    let doc = al.items[i].doc;
    let is_draft = s.drafts[doc];
    // With --against, only the references vote on a draft's claims.
    let votes = |d: usize| !is_draft || !s.drafts[d];
    let mut sides = sides(s, i, is_draft, &votes);
    let corroborated = sides.support.len() > 1;
    let ledger_supports = lm.is_some_and(|m| m.verdict == Verdict::Supports);
    let claim = al.claim(i);
    let value = || claim.value.display();
    let (support, against) = (sides.support.len(), sides.against.len());
    let note = |kind: FindingKind, severity: Severity, message: String| Finding {
        kind,
        severity,
        at: at(al, i),
        message,
        evidence: Vec::new(),
        support,
        against,
        ledger: None,
    };

    let mut finding = None;
    if !sides.kinds.is_empty() && !ledger_supports {
        finding = conflict(s, i, &mut sides, is_draft, &votes);
    }
    match lm {
        Some(m) if m.verdict == Verdict::Refutes => {
            let f = finding.get_or_insert_with(|| {
                note(FindingKind::LedgerConflict, Severity::Error, String::new())
            });
            f.severity = Severity::Error;
            let said = (ledger::CONFLICT.message)(&Said {
                ledger: Some(m),
                ..Said::of(&value())
            });
            f.message = if f.message.is_empty() {
                said
            } else {
                format!("{}; {said}", f.message)
            };
        }
        Some(m) if finding.is_none() => {
            let said = (ledger::MATCH.message)(&Said {
                ledger: Some(m),
                ..Said::of(&value())
            });
            finding = Some(note(FindingKind::LedgerMatch, Severity::Info, said));
        }
        _ => {}
    }
    if finding.is_none() && !sides.updates.is_empty() {
        let updates = &mut sides.updates;
        updates.sort();
        updates.dedup();
        let said = (update::RULE.message)(&Said {
            theirs: &values(al, updates),
            ..Said::of(&value())
        });
        finding = Some(Finding {
            evidence: first_copies(updates, s.members),
            against: 0,
            ..note(FindingKind::Update, Severity::Info, said)
        });
    }
    if finding.is_none() && !corroborated && !ledger_supports {
        let alone = |kind, severity, message| Finding {
            support: 1,
            against: 0,
            ..note(kind, severity, message)
        };
        if claim.kind == ClaimKind::TableRow {
            let said = (uncorroborated::RULE.message)(&Said::of(&value()));
            finding = Some(alone(FindingKind::Uncorroborated, Severity::Warning, said));
        } else if is_specific(&claim.value) {
            let said = (single_source::RULE.message)(&Said::of(&value()));
            finding = Some(alone(FindingKind::SingleSource, Severity::Info, said));
        }
    }
    Weighed {
        finding,
        corroborated,
    }
}

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

/// The values the claims state, each once, in order: "10, 12".
fn values(al: &Aligned, refs: &[ClaimRef]) -> String {
    let mut vs: Vec<String> = refs
        .iter()
        .map(|e| al.docs[e.doc].claims[e.claim].value.display())
        .collect();
    vs.sort();
    vs.dedup();
    vs.join(", ")
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
    let mut m = (rule(kind).message)(&Said {
        subject: &|| subject(claim),
        here: &claim.value.display(),
        theirs: &values(al, evidence),
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
