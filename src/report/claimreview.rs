//! schema.org ClaimReview JSON-LD, for fact-checkers who publish their
//! verdicts where search engines and aggregators read them.
//!
//! One ClaimReview per claim that the ledger refutes ("False") or that more
//! independent sources contradict than support ("Contradicted by N sources").
//! A tie is not a verdict and is left out, as are suppressed findings. No
//! author or date is invented: the publisher adds those.

use super::check::CheckReport;
use super::Reporter;
use crate::judge::{Finding, FindingKind, Severity};
use crate::ledger::Verdict;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

pub struct ClaimReviewReporter;

/// The rating of a refuted claim: (ratingValue on 1-5, alternateName).
fn rating(f: &Finding) -> Option<(u8, String)> {
    let ledger_refutes = f
        .ledger
        .as_ref()
        .is_some_and(|l| l.verdict == Verdict::Refutes);
    if ledger_refutes || f.kind == FindingKind::LedgerConflict {
        return Some((1, "False".to_string()));
    }
    let conflict = crate::judge::rule(f.kind).contradicts;
    if conflict && f.severity == Severity::Error && f.against > f.support {
        return Some((
            2,
            format!(
                "Contradicted by {} source{}",
                f.against,
                if f.against == 1 { "" } else { "s" }
            ),
        ));
    }
    None
}

fn review(r: &CheckReport<'_>, f: &Finding, name: String, value: u8) -> Value {
    let docs = r.docs();
    let d = &docs[f.at.doc];
    let c = &d.claims[f.at.claim];
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    // Without a published URL the file's path is the only address there is.
    appearance.insert(
        "url".into(),
        json!(d.url.clone().unwrap_or_else(|| d.path.clone())),
    );
    if let Some(t) = &d.title {
        appearance.insert("headline".into(), json!(t));
    }
    if let Some(o) = &d.outlet {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": o}),
        );
    }
    let mut body = f.message.clone();
    for &e in &f.evidence {
        let ec = &docs[e.doc].claims[e.claim];
        let other = &docs[e.doc];
        let at = format!("{}:{}", other.path, ec.line);
        let who = match &other.title {
            Some(t) => format!("{t} ({at})"),
            None => at,
        };
        body.push_str(&format!(
            ". {who}: \u{201c}{}\u{201d}",
            ec.sentence().trim()
        ));
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": c.sentence().trim(),
        "itemReviewed": {
            "@type": "Claim",
            "appearance": Value::Object(appearance),
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "reviewBody": body,
        "identifier": format!("{}:{}:{}", d.path, c.line, c.column),
    })
}

impl Reporter<CheckReport<'_>> for ClaimReviewReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        // Written as each review is made: an archive has millions.
        let reviews = super::Seq(|| {
            r.judgement
                .findings
                .iter()
                .filter(|f| r.suppressed(f).is_none())
                .filter_map(|f| rating(f).map(|(v, name)| review(r, f, name, v)))
        });
        serde_json::to_writer_pretty(&mut *out, &reviews)?;
        writeln!(out)
    }
}
