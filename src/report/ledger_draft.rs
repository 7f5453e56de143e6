//! `crosscheck ledger init`: a judgement written as a draft ledger, the
//! facts two or more sources corroborate, for a person to review.

use crate::judge::Judgement;
use crate::lang::units::canonical_unit;
use crate::ledger::{AgeSpec, CountSpec, FactSpec, LedgerDate, LedgerFile, QuoteSpec};
use crate::model::{ClaimValue, Extraction};

/// Facts that at least two documents state with one value and none dispute.
pub fn draft(docs: &[Extraction], judgement: &Judgement) -> LedgerFile {
    let mut facts: Vec<FactSpec> = Vec::new();
    // The ids given so far, and for each base the next suffix to try: many
    // facts share a base ("quote-unknown"), and looking each up in the list
    // took time in the square of the facts.
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for fact in &judgement.facts {
        // The value two or more sources state, and more sources than any other.
        let (value, sources) = &fact.values[0];
        let runner_up = fact.values.get(1).map_or(0, |v| v.1.len());
        if sources.len() < 2 || sources.len() <= runner_up {
            continue;
        }
        // Its statement from a source nothing contradicts, where there is one.
        let with_value: Vec<_> = fact
            .claims
            .iter()
            .filter(|c| docs[c.doc].claims[c.claim].value.display() == *value)
            .collect();
        let first = with_value
            .iter()
            .find(|c| judgement.sources[c.doc].contradicted == 0)
            .or(with_value.first())
            .copied()
            .copied()
            .expect("a claim with the value");
        let claim = &docs[first.doc].claims[first.claim];
        let mut spec = FactSpec {
            id: String::new(),
            statement: claim.sentence().to_string(),
            about: Vec::new(),
            date: None,
            count: None,
            range: None,
            age: None,
            size: None,
            quote: None,
            sources: with_value
                .iter()
                .map(|c| format!("{}:{}", docs[c.doc].path, docs[c.doc].claims[c.claim].line))
                .collect(),
        };
        let id = match &claim.value {
            ClaimValue::Date(d) if d.interval.is_some() && !d.value.starts_with('X') => {
                spec.date = Some(LedgerDate {
                    text: d.value.to_string(),
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
                    thing: unit.to_string(),
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
        let n = next.entry(id.clone()).or_insert(2);
        while taken.contains(&unique) {
            unique = format!("{id}-{n}");
            *n += 1;
        }
        taken.insert(unique.clone());
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
