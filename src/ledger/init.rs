//! `crosscheck ledger init`: draft a ledger from what two or more sources
//! corroborate, for a person to review.

use super::{AgeSpec, CountSpec, FactSpec, LedgerDate, LedgerFile, QuoteSpec};
use crate::align::terms::canonical_unit;
use crate::judge::Judgement;
use crate::model::{ClaimValue, Extraction};

/// Facts that at least two documents state with one value and none dispute.
pub fn draft(docs: &[Extraction], judgement: &Judgement) -> LedgerFile {
    let mut facts: Vec<FactSpec> = Vec::new();
    for fact in &judgement.facts {
        if fact.conflicting || fact.values.len() != 1 || fact.values[0].1.len() < 2 {
            continue;
        }
        // The most precise statement of the value among the group's claims.
        let first = fact.claims[0];
        let claim = &docs[first.doc].claims[first.claim];
        let mut spec = FactSpec {
            id: String::new(),
            statement: claim.sentence.clone(),
            about: Vec::new(),
            date: None,
            count: None,
            range: None,
            age: None,
            size: None,
            quote: None,
            sources: fact
                .claims
                .iter()
                .map(|c| format!("{}:{}", docs[c.doc].path, docs[c.doc].claims[c.claim].line))
                .collect(),
        };
        let id = match &claim.value {
            ClaimValue::Date(d) if d.interval.is_some() && !d.value.starts_with('X') => {
                spec.date = Some(LedgerDate {
                    text: d.value.clone(),
                    value: d.clone(),
                });
                format!("date-{}", d.value)
            }
            ClaimValue::Quantity {
                amount: crate::model::Amount::Exact { value },
                unit,
            } => {
                let thing = canonical_unit(unit);
                spec.count = Some(CountSpec {
                    thing: thing.clone(),
                    value: Some(*value),
                    min: None,
                    max: None,
                });
                format!("count-{thing}")
            }
            ClaimValue::Size {
                amount: crate::model::Amount::Exact { value },
                unit,
            } => {
                spec.size = Some(CountSpec {
                    thing: unit.clone(),
                    value: Some(*value),
                    min: None,
                    max: None,
                });
                format!("size-{unit}")
            }
            ClaimValue::Age {
                amount: crate::model::Amount::Exact { value },
                person: Some(p),
            } => {
                spec.age = Some(AgeSpec {
                    person: p.clone(),
                    value: *value,
                });
                format!("age-{}", slug(p))
            }
            ClaimValue::Quote { quote, speaker } => {
                spec.quote = Some(QuoteSpec {
                    speaker: speaker.clone(),
                    text: quote.clone(),
                });
                format!("quote-{}", slug(speaker.as_deref().unwrap_or("unknown")))
            }
            _ => continue,
        };
        let mut unique = id.clone();
        let mut n = 2;
        while facts.iter().any(|f| f.id == unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        spec.id = unique;
        facts.push(spec);
    }
    LedgerFile {
        story: Some(
            "drafted by `crosscheck ledger init`: review every fact before relying on it".into(),
        ),
        facts,
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
