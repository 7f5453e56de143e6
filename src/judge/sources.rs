//! The sources themselves: how spun each one reads, which are copies or
//! rewrites of another, and what in each one no independent source backs.
//!
//! Nothing here is a black-box score. Spin is a rate (spinner phrases and
//! near-miss names per thousand words) with its evidence; a rewrite names
//! what it rewrites and how alike the two are; the reliability note lists
//! each warning sign with the lines it stands on.

use crate::extract::actors::acronym_of;
use crate::model::{Claim, Extraction, Reading, SpinHit};
use crate::provenance::copies::Link;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
// foldhash: every name of every claim is looked up here, and no key is an
// attacker's.
use foldhash::{HashMap, HashSet};

/// How many pieces of spin evidence a summary carries.
const EVIDENCE_SHOWN: usize = 5;
/// Spin rate (per thousand words) from which a document reads as spun, and
/// the fewest uses that can make it so: one "12 months later" in a short
/// honest piece is not spin. Measured: the two spun demo articles 27 and 35
/// per thousand; no BBC article above 8, none with five uses.
pub const SPUN_RATE: f64 = 5.0;
pub const SPUN_MIN_HITS: usize = 5;
/// Blocks of names sharing one acronym larger than this are not compared:
/// a huge block is a common acronym, not a spelling to check.
const MAX_NAME_BLOCK: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Spin {
    /// Spinner phrases and near-miss names per thousand words.
    pub per_1k_words: f64,
    /// How many uses were counted.
    pub hits: usize,
    /// The most used, most telling first.
    pub evidence: Vec<SpinEvidence>,
}

impl Spin {
    pub fn is_spun(&self) -> bool {
        self.per_1k_words >= SPUN_RATE && self.hits >= SPUN_MIN_HITS
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpinEvidence {
    /// What the document writes.
    pub written: String,
    /// What writers who are not spinning write.
    pub usual: String,
    pub line: usize,
    pub count: usize,
    /// `lexicon` (data/spin.yaml) or `near-miss` (a name other sources spell
    /// differently by one word).
    pub kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RewriteOf {
    pub doc: usize,
    pub path: String,
    /// `copy` (nearly the same words), `spun rewrite` (the same names and
    /// figures in the same order, other words, and spinner phrases), or
    /// `rewrite`.
    pub kind: &'static str,
    /// Similarity of the order of names and figures (0-1).
    pub names: f64,
    /// Similarity of the running text (0-1).
    pub text: f64,
}

/// One warning sign about a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// `contradicted`, `unsupported-table`, `uncorroborated`.
    pub kind: &'static str,
    pub message: String,
    pub lines: Vec<usize>,
}

/// Per document, what the claim loop saw.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Lines of claims the other sources or the ledger contradict (errors).
    pub refuted: BTreeSet<usize>,
    pub table_rows: usize,
    pub unsupported_rows: BTreeSet<usize>,
    pub specific: usize,
    pub specific_alone: usize,
}

/// Spin rate and evidence of every document. `related[s]` holds the sources
/// whose claims were aligned with source `s`'s.
pub fn spin(docs: &[Extraction], source_of: &[usize], related: &[BTreeSet<usize>]) -> Vec<Spin> {
    let near = near_miss_names(docs, source_of, related);
    docs.iter()
        .zip(near)
        .map(|(d, near)| {
            let mut evidence: Vec<SpinEvidence> =
                d.profile.spin.iter().map(lexicon_evidence).collect();
            evidence.extend(near);
            let hits: usize = evidence.iter().map(|e| e.count).sum();
            // Most used first; a rewritten name or time word before common
            // prose; then by line.
            evidence.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then(a.line.cmp(&b.line))
                    .then(a.written.cmp(&b.written))
            });
            evidence.truncate(EVIDENCE_SHOWN);
            let words = d.profile.words.max(1) as f64;
            Spin {
                per_1k_words: round2(hits as f64 * 1000.0 / words),
                hits,
                evidence,
            }
        })
        .collect()
}

fn lexicon_evidence(h: &SpinHit) -> SpinEvidence {
    SpinEvidence {
        written: h.written.clone(),
        usual: h.original.clone(),
        line: h.line,
        count: h.count,
        kind: "lexicon",
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Names a document spells one word off from how more related documents
/// spell them, with the same acronym ("Division of Sanitation" where others
/// write "Department of Sanitation"). Spinners rename institutions this way;
/// honest writers use the institution's name or its acronym.
fn near_miss_names<'a>(
    docs: &'a [Extraction],
    source_of: &[usize],
    related: &[BTreeSet<usize>],
) -> Vec<Vec<SpinEvidence>> {
    // The distinct names of two words or more, borrowed from the claims.
    // Copies have the same claims: read each reading once.
    // The claims of a sentence share its names: each list is read once.
    let mut readings_seen = HashSet::default();
    let mut names: Vec<&str> = docs
        .iter()
        .filter(|ex| readings_seen.insert(ex.reading()))
        .flat_map(|ex| {
            ex.claims
                .iter()
                .enumerate()
                .filter(|&(k, c)| k == 0 || !ex.claims[k - 1].shares_sentence(c))
                .flat_map(|(_, c)| c.actors().iter())
        })
        .map(|a| a.as_str())
        .filter(|a| a.contains(' '))
        .collect::<HashSet<&str>>()
        .into_iter()
        .collect();
    names.sort_unstable();
    let mut blocks: HashMap<String, Vec<&str>> = HashMap::default();
    for &name in &names {
        blocks.entry(acronym_of(name)).or_default().push(name);
    }
    let mut blocks: Vec<_> = blocks.into_iter().filter(|(_, v)| v.len() >= 2).collect();
    blocks.sort();
    let mut pairs: Vec<(&str, &str, String, String)> = Vec::new();
    for (_, names) in &blocks {
        if names.len() > MAX_NAME_BLOCK {
            continue;
        }
        // Each name split once, not once per pair it is asked about.
        let split: Vec<Vec<&str>> = names.iter().map(|n| words_of(n)).collect();
        for (&n, wn) in names.iter().zip(&split) {
            for (&m, wm) in names.iter().zip(&split) {
                if let Some((x, y)) = swapped_words(wn, wm) {
                    pairs.push((n, m, x.to_lowercase(), y.to_lowercase()));
                }
            }
        }
    }
    if pairs.is_empty() {
        return vec![Vec::new(); docs.len()];
    }
    // Only the names in some pair need their uses counted:
    // name -> document -> (first line, lines naming it, last such line).
    let paired: HashSet<&str> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
    // An archive holds each wire story many times over, and its copies have
    // the same claims: each reading is read once and its uses given to every
    // document that has it.
    type Use<'a> = (&'a str, (usize, usize, usize));
    let uses_in = |ex: &'a Extraction| -> Vec<Use<'a>> {
        let mut found: Vec<Use> = Vec::new();
        for c in ex.claims.iter() {
            for a in c.actors() {
                if !paired.contains(a.as_str()) {
                    continue;
                }
                let at = match found.iter().position(|(n, _)| *n == a.as_str()) {
                    Some(k) => k,
                    None => {
                        found.push((a.as_str(), (c.line, 0, 0)));
                        found.len() - 1
                    }
                };
                let e = &mut found[at].1;
                if e.2 != c.line {
                    e.1 += 1;
                    e.2 = c.line;
                }
            }
        }
        found
    };
    // The first document of each reading, whose uses are read on every
    // core.
    let mut first_of: HashMap<Reading, usize> = HashMap::default();
    for (d, ex) in docs.iter().enumerate() {
        first_of.entry(ex.reading()).or_insert(d);
    }
    let mut firsts: Vec<usize> = first_of.values().copied().collect();
    firsts.sort_unstable();
    let read: Vec<Vec<Use>> = firsts.par_iter().map(|&d| uses_in(&docs[d])).collect();
    let reading_uses: HashMap<Reading, (&[Claim], Vec<Use>)> = firsts
        .iter()
        .zip(read)
        .map(|(&d, found)| (docs[d].reading(), (&docs[d].claims[..], found)))
        .collect();
    let mut uses: HashMap<&str, BTreeMap<usize, (usize, usize, usize)>> = HashMap::default();
    for (d, ex) in docs.iter().enumerate() {
        let (_, of_list) = &reading_uses[&ex.reading()];
        for &(name, e) in of_list.iter() {
            uses.entry(name).or_default().insert(d, e);
        }
    }
    // A spinner swaps dictionary words ("Department" for "Division"); two
    // people who share a first name differ by a surname, which nobody writes
    // in lower case. The corpus's own sentences are the dictionary.
    let wanted: HashSet<&str> = pairs
        .iter()
        .flat_map(|(_, _, x, y)| [x.as_str(), y.as_str()])
        .collect();
    // The lists of claims that use the names are where their words are
    // read, each sentence once, each list on any core.
    let lists: Vec<&[Claim]> = reading_uses
        .values()
        .filter(|(_, found)| !found.is_empty())
        .map(|(claims, _)| *claims)
        .collect();
    let lowercase_seen: HashSet<String> = lists
        .par_iter()
        .flat_map_iter(|claims| {
            let mut seen: Vec<String> = Vec::new();
            let mut last: Option<&str> = None;
            for c in claims.iter() {
                if last == Some(c.sentence()) {
                    continue;
                }
                last = Some(c.sentence());
                for w in c.sentence().split(|ch: char| !ch.is_alphabetic()) {
                    if w.starts_with(char::is_lowercase) && wanted.contains(w) {
                        seen.push(w.to_string());
                    }
                }
            }
            seen
        })
        .collect::<Vec<String>>()
        .into_iter()
        .collect();
    let mut out = vec![Vec::new(); docs.len()];
    // The sources that write each paired name (copies count once).
    let sources_of: HashMap<&str, BTreeSet<usize>> = uses
        .iter()
        .map(|(&name, ds)| (name, ds.keys().map(|&d| source_of[d]).collect()))
        .collect();
    for (n, m, x, y) in pairs {
        let dictionary_words = lowercase_seen.contains(&x) && lowercase_seen.contains(&y);
        if !dictionary_words && !institution_shaped(n) {
            continue;
        }
        // Per source writing `n`: the related sources that write `m`, against
        // those that write `n` as it does.
        let mut verdict: HashMap<usize, bool> = HashMap::default();
        for (&d, &(line, count, _)) in &uses[n] {
            let own = source_of[d];
            let near_miss = *verdict.entry(own).or_insert_with(|| {
                let count_sources = |name: &str| -> usize {
                    sources_of[name]
                        .iter()
                        .filter(|&&so| so == own || related[own].contains(&so))
                        .count()
                };
                let others = count_sources(m);
                others > 0 && others > count_sources(n)
            });
            if near_miss {
                out[d].push(SpinEvidence {
                    written: n.to_string(),
                    usual: m.to_string(),
                    line,
                    count,
                    kind: "near-miss",
                });
            }
        }
    }
    for v in &mut out {
        v.sort_by(|a, b| (a.line, &a.written).cmp(&(b.line, &b.written)));
        v.dedup_by(|a, b| a.written == b.written);
    }
    out
}

/// [`swapped_words`] of two names.
#[cfg(test)]
fn swapped_word<'a>(a: &'a str, b: &'a str) -> Option<(&'a str, &'a str)> {
    swapped_words(&words_of(a), &words_of(b))
}

fn words_of(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Same number of words, exactly one differs, and it differs as a word
/// swap would (words of some length, not inflections of each other), not as
/// a number or an initial: the two differing words.
fn swapped_words<'a>(wa: &[&'a str], wb: &[&'a str]) -> Option<(&'a str, &'a str)> {
    if wa.len() != wb.len() {
        return None;
    }
    let mut diff = wa
        .iter()
        .zip(wb)
        .filter(|(x, y)| !x.eq_ignore_ascii_case(y));
    let (x, y) = diff.next()?;
    if diff.next().is_some() {
        return None;
    }
    let word = |w: &str| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic);
    (word(x) && word(y) && !same_stem(x, y)).then_some((*x, *y))
}

#[cfg(test)]
fn one_word_off(a: &str, b: &str) -> bool {
    swapped_word(a, b).is_some()
}

/// "Department of Transport", "Bank for International Settlements": a
/// connector or three words make a name an institution's, not a person's.
fn institution_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 3 || words.iter().any(|w| matches!(*w, "of" | "for" | "and"))
}

/// "Democrat"/"Democrats", "Korea"/"Korean": one word inflected, not
/// swapped for another.
fn same_stem(a: &str, b: &str) -> bool {
    let common = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count();
    common >= 4.min(a.chars().count().min(b.chars().count()))
}

/// What each document derives from, if anything: for every related pair the
/// later, spinnier one is the derivative.
pub fn rewrites(docs: &[Extraction], links: &[Link], spin: &[Spin]) -> Vec<Option<RewriteOf>> {
    let mut out: Vec<Option<RewriteOf>> = vec![None; docs.len()];
    for l in links {
        let (orig, copy) = original_of(docs, spin, l.a, l.b);
        let kind = if l.is_copy() {
            "copy"
        } else if spin[copy].is_spun() && spin[copy].per_1k_words > spin[orig].per_1k_words {
            "spun rewrite"
        } else {
            "rewrite"
        };
        let cand = RewriteOf {
            doc: orig,
            path: docs[orig].path.clone(),
            kind,
            names: round2(l.names),
            text: round2(l.text),
        };
        // The most alike original wins.
        let better = match &out[copy] {
            None => true,
            Some(o) => (cand.names, cand.text) > (o.names, o.text),
        };
        if better {
            out[copy] = Some(cand);
        }
    }
    out
}

/// (original, derivative) of a related pair: the less spun one is the
/// original; between equals, the one published first, then the first given.
fn original_of(docs: &[Extraction], spin: &[Spin], a: usize, b: usize) -> (usize, usize) {
    let key = |i: usize| {
        let published = docs[i].reference.date.map(|d| d.to_string());
        (
            (spin[i].per_1k_words * 100.0) as i64,
            published.is_none(),
            published,
            i,
        )
    };
    if key(a) <= key(b) {
        (a, b)
    } else {
        (b, a)
    }
}

/// The warning signs of one source, strongest first.
pub fn signals(t: &Tally) -> Vec<Signal> {
    let mut out = Vec::new();
    if !t.refuted.is_empty() {
        let n = t.refuted.len();
        out.push(Signal {
            kind: "contradicted",
            message: format!(
                "{n} line{} with claims the other sources or the ledger contradict",
                plural(n)
            ),
            lines: t.refuted.iter().copied().collect(),
        });
    }
    if t.unsupported_rows.len() >= 2 {
        let n = t.unsupported_rows.len();
        out.push(Signal {
            kind: "unsupported-table",
            message: format!(
                "a table of {n} specific rows (of {}) that no other source supports",
                t.table_rows
            ),
            lines: t.unsupported_rows.iter().copied().collect(),
        });
    }
    if t.specific >= 4 && t.specific_alone * 2 > t.specific {
        out.push(Signal {
            kind: "uncorroborated",
            message: format!(
                "{} of {} specific claims (exact dates, counts, amounts) rest on this source alone",
                t.specific_alone, t.specific
            ),
            lines: Vec::new(),
        });
    }
    out
}

/// One sentence a person can read: what was found and where.
pub fn note(signals: &[Signal], rewrite: Option<&RewriteOf>, spin: &Spin) -> String {
    let mut parts: Vec<String> = Vec::new();
    for s in signals {
        if s.lines.is_empty() {
            parts.push(s.message.clone());
        } else {
            let word = if s.lines.len() == 1 { "line" } else { "lines" };
            parts.push(format!("{} ({word} {})", s.message, spans(&s.lines)));
        }
    }
    if let Some(r) = rewrite {
        parts.push(format!(
            "a {} of {}: adds no independent support",
            r.kind, r.path
        ));
    }
    if spin.is_spun() {
        parts.push(format!(
            "reads as spun ({} spinner phrases per 1,000 words)",
            spin.per_1k_words
        ));
    }
    if parts.is_empty() {
        "no warning signs".to_string()
    } else {
        parts.join("; ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "3, 12-16, 20"
fn spans(lines: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1] == lines[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}-{}", lines[i], lines[j])
        } else {
            lines[i].to_string()
        });
        i = j + 1;
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_institution_is_one_word_off() {
        assert!(one_word_off(
            "Division of Sanitation",
            "Department of Sanitation"
        ));
        assert!(!one_word_off(
            "Department of Sanitation",
            "Department of Sanitation"
        ));
        assert!(!one_word_off("New York", "New York City"));
        assert!(!one_word_off("Route 9 Bridge", "Route 7 Bridge"));
        assert!(!one_word_off("Lake Erie Dam", "Lake Huron Bay"));
        assert!(!one_word_off("Liberal Democrats", "Liberal Democrat"));
        assert!(!one_word_off("South Korean", "South Korea"));
    }

    #[test]
    fn line_spans_read_as_ranges() {
        assert_eq!(spans(&[3, 12, 13, 14, 20]), "3, 12-14, 20");
    }

    #[test]
    fn a_clean_source_has_no_signals() {
        let t = Tally {
            specific: 10,
            specific_alone: 2,
            ..Tally::default()
        };
        assert!(signals(&t).is_empty());
        assert_eq!(note(&[], None, &Spin::default()), "no warning signs");
    }

    #[test]
    fn an_unsupported_table_is_a_signal_with_its_lines() {
        let t = Tally {
            table_rows: 5,
            unsupported_rows: [12, 13, 14, 15, 16].into(),
            refuted: [12, 13].into(),
            specific: 8,
            specific_alone: 7,
        };
        let s = signals(&t);
        let kinds: Vec<&str> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            ["contradicted", "unsupported-table", "uncorroborated"]
        );
        assert!(note(&s, None, &Spin::default()).contains("(lines 12-16)"));
    }
}
