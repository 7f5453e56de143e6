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
                docs[f.at.doc].claims[f.at.claim].surface().to_string(),
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
