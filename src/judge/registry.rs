//! Every finding kind, listed once. A new kind is a variant here, its rule
//! file under `judge/` and its line in [`RULES`]; the judge, the config,
//! SARIF, the HTML legend and the messages in words read it from here.

use super::rule::Rule;
use super::{
    attributes, counts, dates, ledger, quotes, ranges, single_source, uncorroborated, update,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A kind of finding. The order is precedence: a claim in conflict of
/// several kinds is reported as the first, and findings at one place are
/// sorted by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    DateConflict,
    CountConflict,
    AttributeConflict,
    QuoteConflict,
    RangeConflict,
    LedgerConflict,
    LedgerMatch,
    Uncorroborated,
    SingleSource,
    Update,
}

/// The rules, in the order of [`FindingKind`] (a test holds them to it).
/// Relations are computed, and kept, in this order.
pub static RULES: &[&Rule] = &[
    &dates::RULE,
    &counts::RULE,
    &attributes::RULE,
    &quotes::RULE,
    &ranges::RULE,
    &ledger::CONFLICT,
    &ledger::MATCH,
    &uncorroborated::RULE,
    &single_source::RULE,
    &update::RULE,
];

pub fn rule(kind: FindingKind) -> &'static Rule {
    RULES[kind as usize]
}

impl FindingKind {
    pub fn as_str(&self) -> &'static str {
        rule(*self).id
    }

    /// The kind a config or a command line names: "date-conflict".
    pub fn from_id(id: &str) -> Option<FindingKind> {
        RULES.iter().find(|r| r.id == id).map(|r| r.kind)
    }
}

impl Serialize for FindingKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FindingKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        FindingKind::from_id(&id).ok_or_else(|| {
            let ids: Vec<String> = RULES.iter().map(|r| format!("`{}`", r.id)).collect();
            serde::de::Error::custom(format!(
                "unknown finding kind `{id}`, expected one of {}",
                ids.join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_listed_in_the_order_of_their_kinds() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.kind as usize, i, "{}", r.id);
        }
    }

    #[test]
    fn every_rule_is_named_after_its_id() {
        for r in RULES {
            let camel: String =
                r.id.split('-')
                    .map(|w| w[..1].to_uppercase() + &w[1..])
                    .collect();
            assert_eq!(camel, r.name);
            assert_eq!(FindingKind::from_id(r.id), Some(r.kind));
        }
    }

    #[test]
    fn a_rule_reported_between_sources_is_capped_within_its_level() {
        for r in RULES {
            if let Some(cap) = r.between_sources {
                assert!(cap <= r.level, "{}", r.id);
                assert!(r.relate.is_some(), "{}", r.id);
            }
        }
    }
}
