//! Quote disagreements for the table: one row per disagreement, not one
//! per document, with the words that changed marked.
//!
//! The judge gives every claim on either side of a changed quote its own
//! finding, whose evidence is the other side: four reports of one remark
//! made four rows of the same quote. A disagreement is the claims those
//! findings link; its sides are its wordings.

use crate::judge::{ClaimRef, Finding, FindingKind, Severity};
use crate::model::{ClaimValue, Extraction};

/// The quote findings among `shown`, gathered into disagreements: for each,
/// the index in `shown` of its first finding and every finding in it.
pub(crate) fn disagreements(shown: &[&Finding]) -> Vec<(usize, Vec<usize>)> {
    // The claims a finding links are joined (union-find): on an archive a
    // report holds tens of thousands of quote findings, and merging each
    // into a list of groups took time in their square.
    let mut node: std::collections::HashMap<ClaimRef, usize> = std::collections::HashMap::new();
    let mut sets = crate::sets::DisjointSets::default();
    let mut quote_findings = Vec::new();
    for (i, f) in shown.iter().enumerate() {
        if f.kind != FindingKind::QuoteConflict {
            continue;
        }
        let at = *node.entry(f.at).or_insert_with(|| sets.add());
        for &e in &f.evidence {
            let other = *node.entry(e).or_insert_with(|| sets.add());
            sets.union(at, other);
        }
        quote_findings.push((i, at));
    }
    let mut groups: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (i, n) in quote_findings {
        groups.entry(sets.find(n)).or_default().push(i);
    }
    // Findings come in order, so each group's are sorted.
    let mut out: Vec<(usize, Vec<usize>)> = groups.into_values().map(|ids| (ids[0], ids)).collect();
    out.sort();
    out
}

/// A word as compared: case, punctuation and the form of apostrophes and
/// quotation marks do not make a change.
fn norm(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The wording of a quote, for grouping the sources that give it.
pub(crate) fn wording(quote: &str) -> String {
    quote
        .split_whitespace()
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The quote of a claim, if it is one.
pub(crate) fn quote_of(docs: &[Extraction], r: ClaimRef) -> Option<(&str, Option<&str>)> {
    match &docs[r.doc].claims[r.claim].value {
        ClaimValue::Quote { quote, speaker } => Some((quote, speaker.as_deref())),
        _ => None,
    }
}

/// One wording of a quote: its normalised words, the quote as the first
/// claim gives it, and the claims that give it.
pub(crate) type Side<'a> = (String, &'a str, Vec<ClaimRef>);

/// One quote disagreement (the findings of one group, the lead first) as
/// its wordings, each with the claims that give it, in the order of their
/// first source, the lead's first; and the group's worst severity.
pub(crate) fn sides<'a>(docs: &'a [Extraction], group: &[&Finding]) -> (Severity, Vec<Side<'a>>) {
    let lead = group[0];
    let severity = group
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(lead.severity);
    let mut refs: Vec<ClaimRef> = group
        .iter()
        .flat_map(|f| std::iter::once(f.at).chain(f.evidence.iter().copied()))
        .collect();
    refs.sort();
    refs.dedup();
    let mut sides: Vec<Side> = Vec::new();
    for &r in std::iter::once(&lead.at).chain(&refs) {
        let Some((quote, _)) = quote_of(docs, r) else {
            continue;
        };
        let w = wording(quote);
        match sides.iter_mut().find(|s| s.0 == w) {
            Some(s) if !s.2.contains(&r) => s.2.push(r),
            Some(_) => {}
            None => sides.push((w, quote, vec![r])),
        }
    }
    (severity, sides)
}

/// A stretch of one quote against another: words both give, or words one
/// gives where the other gives others (either side may be empty).
#[derive(Debug, PartialEq)]
pub(crate) enum Piece<'a> {
    Same(&'a str),
    Changed {
        del: Vec<&'a str>,
        ins: Vec<&'a str>,
    },
}

/// The words of `a` and `b` aligned: what stays and what `b` changes.
/// Words are compared as [`norm`] reads them; the words kept are `a`'s and
/// `b`'s as written.
pub(crate) fn diff<'a>(a: &'a str, b: &'a str) -> Vec<Piece<'a>> {
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let an: Vec<String> = aw.iter().map(|w| norm(w)).collect();
    let bn: Vec<String> = bw.iter().map(|w| norm(w)).collect();
    // Longest common subsequence, table from the ends.
    let (n, m) = (aw.len(), bw.len());
    let mut l = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            l[i][j] = if an[i] == bn[j] {
                l[i + 1][j + 1] + 1
            } else {
                l[i + 1][j].max(l[i][j + 1])
            };
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut del, mut ins): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<Piece<'a>>, del: &mut Vec<&'a str>, ins: &mut Vec<&'a str>| {
        if !del.is_empty() || !ins.is_empty() {
            out.push(Piece::Changed {
                del: std::mem::take(del),
                ins: std::mem::take(ins),
            });
        }
    };
    while i < n || j < m {
        if i < n && j < m && an[i] == bn[j] {
            flush(&mut out, &mut del, &mut ins);
            out.push(Piece::Same(aw[i]));
            i += 1;
            j += 1;
        } else if j >= m || (i < n && l[i + 1][j] >= l[i][j + 1]) {
            del.push(aw[i]);
            i += 1;
        } else {
            ins.push(bw[j]);
            j += 1;
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// `a` with the words `b` changes marked: "accepted all [their → its]
/// recommendations", "[+also]", "[−fully]". Inside a mark, words are joined
/// by no-break spaces so that a mark is wrapped as one word.
pub(crate) fn changes(a: &str, b: &str) -> String {
    let nb = |ws: &[&str]| ws.join("\u{a0}");
    diff(a, b)
        .iter()
        .map(|p| match p {
            Piece::Same(w) => w.to_string(),
            Piece::Changed { del, ins } => match (del.is_empty(), ins.is_empty()) {
                (false, false) => format!("[{}\u{a0}\u{2192}\u{a0}{}]", nb(del), nb(ins)),
                (false, true) => format!("[\u{2212}{}]", nb(del)),
                _ => format!("[+{}]", nb(ins)),
            },
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line of text marked by [`changes`] with its marks in colour for a
/// terminal: words taken out struck through in red, words put in green.
/// Applied after wrapping, so a mark is never split and the line only
/// shortens.
pub(crate) fn coloured(line: &str) -> String {
    const DEL: &str = "\x1b[9;31m";
    const INS: &str = "\x1b[32m";
    const END: &str = "\x1b[0m";
    let mut out = String::with_capacity(line.len() + 32);
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if let Some((del, ins)) = inner.split_once("\u{a0}\u{2192}\u{a0}") {
            out.push_str(&format!("{DEL}{del}{END} {INS}{ins}{END}"));
        } else if let Some(ins) = inner.strip_prefix('+') {
            out.push_str(&format!("{INS}{ins}{END}"));
        } else if let Some(del) = inner.strip_prefix('\u{2212}') {
            out.push_str(&format!("{DEL}{del}{END}"));
        } else {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::Severity;

    #[test]
    fn marks_take_colour_in_a_terminal() {
        let marked = changes(
            "accepted all their recommendations",
            "accepted all its recommendations",
        );
        assert_eq!(
            coloured(&marked),
            "accepted all \x1b[9;31mtheir\x1b[0m \x1b[32mits\x1b[0m recommendations"
        );
        assert_eq!(
            coloured("we acted [+very] fast"),
            "we acted \x1b[32mvery\x1b[0m fast"
        );
        assert_eq!(
            coloured("we [\u{2212}fully] acted"),
            "we \x1b[9;31mfully\x1b[0m acted"
        );
        // Brackets of the text itself stay as they are.
        assert_eq!(coloured("the [sic] text"), "the [sic] text");
    }

    #[test]
    fn a_changed_word_is_marked_and_punctuation_is_not_a_change() {
        let a = "We appreciate DOI\u{2019}s report and have accepted all their recommendations.";
        let b = "We appreciate DOI's report and have accepted all its recommendations";
        assert_eq!(
            changes(a, b),
            "We appreciate DOI\u{2019}s report and have accepted all [their\u{a0}\u{2192}\u{a0}its] recommendations."
        );
        assert_eq!(
            changes("we acted fast", "we acted very fast"),
            "we acted [+very] fast"
        );
        assert_eq!(
            changes("we fully acted", "we acted"),
            "we [\u{2212}fully] acted"
        );
        assert_eq!(changes("same words", "Same words,"), "same words");
        assert_eq!(
            wording("\u{201c}Same, words.\u{201d}"),
            wording("same words")
        );
    }

    fn finding(at: (usize, usize), evidence: &[(usize, usize)], kind: FindingKind) -> Finding {
        let r = |(doc, claim)| ClaimRef { doc, claim };
        Finding {
            kind,
            severity: Severity::Warning,
            at: r(at),
            message: String::new(),
            evidence: evidence.iter().copied().map(r).collect(),
            support: 1,
            against: 1,
            ledger: None,
        }
    }

    #[test]
    fn the_findings_of_one_disagreement_make_one_row() {
        let fs = [
            finding((0, 3), &[(1, 2), (2, 5)], FindingKind::QuoteConflict),
            finding((0, 9), &[], FindingKind::CountConflict),
            finding((1, 2), &[(0, 3)], FindingKind::QuoteConflict),
            finding((3, 1), &[(4, 1)], FindingKind::QuoteConflict),
            finding((2, 5), &[(0, 3)], FindingKind::QuoteConflict),
        ];
        let shown: Vec<&Finding> = fs.iter().collect();
        assert_eq!(disagreements(&shown), [(0, vec![0, 2, 4]), (3, vec![3])]);
    }

    #[test]
    fn a_finding_that_links_two_disagreements_joins_them() {
        let fs = [
            finding((0, 1), &[(1, 1)], FindingKind::QuoteConflict),
            finding((2, 1), &[(3, 1)], FindingKind::QuoteConflict),
            finding((5, 1), &[(6, 1)], FindingKind::QuoteConflict),
            finding((3, 1), &[(1, 1)], FindingKind::QuoteConflict),
        ];
        let shown: Vec<&Finding> = fs.iter().collect();
        assert_eq!(disagreements(&shown), [(0, vec![0, 1, 3]), (2, vec![2])]);
    }
}
