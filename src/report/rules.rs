//! What each finding kind means, for formats that explain their findings
//! (SARIF rules, the HTML report's legend).

use crate::judge::{FindingKind, Severity};

pub struct Rule {
    pub kind: FindingKind,
    /// A name in the UpperCamelCase SARIF expects of `rule.name`.
    pub name: &'static str,
    pub short: &'static str,
    pub help: &'static str,
    /// The highest severity the kind is reported at.
    pub level: Severity,
}

pub const RULES: &[Rule] = &[
    Rule {
        kind: FindingKind::DateConflict,
        name: "DateConflict",
        short: "Sources date the same event differently",
        help: "The same event is dated by intervals that cannot overlap. Nested precision agrees \
               (\"March 10\" lies within \"early March 2025\"). The side fewer independent sources \
               state is an error, a tie a warning; with --against, a draft date the references \
               contradict and none supports is an error. Check the date against the primary source.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::CountConflict,
        name: "CountConflict",
        short: "Sources count the same thing differently",
        help: "The same count (\"killing 10 people\", \"10 dead\" and \"the death toll rose to 10\" \
               count alike) is given incompatible amounts (\"a single violation\" and \"multiple \
               violations\"). The minority side is an error, a tie a warning; with --against, a draft \
               figure the references contradict and none supports is an error.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::AttributeConflict,
        name: "AttributeConflict",
        short: "Sources give the same attribute different values",
        help: "An age of the same person, or money, a size or a percentage of the same thing, \
               differs between sources.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::QuoteConflict,
        name: "QuoteConflict",
        short: "The same speaker is quoted with changed words",
        help: "Two sources quote the same speaker with nearly the same words but some changed. \
               Outlets transcribe speech differently, so between sources this is at most a warning; \
               a draft that changes a word of what a reference quotes verbatim is an error. Compare \
               with a recording or transcript.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::RangeConflict,
        name: "RangeConflict",
        short: "An event lies outside the period other sources give",
        help: "Another source says a set of events spans a period (\"five incidents from November \
               2024 through June 2025\") and this member of the set is dated outside it.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::LedgerConflict,
        name: "LedgerConflict",
        short: "The ledger's verified fact refutes the claim",
        help: "A curated, verified fact in the ledger (claims/*.yaml) says otherwise. Always an \
               error: correct the claim or, if the ledger is wrong, the ledger.",
        level: Severity::Error,
    },
    Rule {
        kind: FindingKind::LedgerMatch,
        name: "LedgerMatch",
        short: "The ledger has a verdict on the claim",
        help: "A ledger fact speaks of this claim and supports it or has not enough information. \
               A note only.",
        level: Severity::Info,
    },
    Rule {
        kind: FindingKind::Uncorroborated,
        name: "Uncorroborated",
        short: "A table row no other source supports",
        help: "A row of a Markdown table states a dated event or a figure that no other source \
               states. Tables are often copied as fact; find a second source for the row.",
        level: Severity::Warning,
    },
    Rule {
        kind: FindingKind::SingleSource,
        name: "SingleSource",
        short: "A specific claim rests on this source only",
        help: "A precise date, an exact count, an age or an amount that no other source states. \
               A note only: not wrong, but not confirmed.",
        level: Severity::Info,
    },
    Rule {
        kind: FindingKind::Update,
        name: "Update",
        short: "A later source gives a larger figure that grows with time",
        help: "A toll, a count of arrests or a damage estimate rises as news comes in: a source \
               published later that gives a larger figure updates the earlier one rather than \
               contradicting it. A note only: report the latest figure and say when it was given.",
        level: Severity::Info,
    },
];

pub fn rule(kind: FindingKind) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.kind == kind)
        .expect("every finding kind has a rule")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_named_after_its_kind() {
        for r in RULES {
            let camel: String = r
                .kind
                .as_str()
                .split('-')
                .map(|w| w[..1].to_uppercase() + &w[1..])
                .collect();
            assert_eq!(camel, r.name);
        }
    }
}
