//! Counts of things, ages, money, percentages and sizes.

use super::numbers::{parse_number, NUMBER_WORDS, NUMERAL};
use super::{Context, Found, Recogniser};
use crate::model::{Amount, ClaimKind, ClaimValue};
use regex::Regex;
use std::sync::OnceLock;

pub struct Quantities;

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)\b(?P<n>{NUMERAL}|{NUMBER_WORDS})\s+(?P<unit>[a-z]+)\b"
        ))
        .expect("quantity regex")
    })
}

/// The singular of a plural English noun, good enough for matching units.
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("sses")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("xes")
    {
        w[..w.len() - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

impl Recogniser for Quantities {
    fn name(&self) -> &'static str {
        "quantities"
    }

    fn find(&self, cx: &Context) -> Vec<Found> {
        re().captures_iter(cx.text)
            .filter_map(|caps| {
                let m = caps.get(0)?;
                let value = parse_number(caps.name("n")?.as_str())?;
                Some(Found {
                    kind: ClaimKind::Quantity,
                    start: m.start(),
                    end: m.end(),
                    value: ClaimValue::Quantity {
                        amount: Amount::Exact { value },
                        unit: singular(caps.name("unit")?.as_str()),
                    },
                })
            })
            .collect()
    }
}
