//! Uncorroborated: a row of a Markdown table that no other source supports.
//! Content farms invent tables of dated incidents, and tables are copied as
//! fact, so a row standing alone is worth a warning.

use super::rule::{Rule, Said};
use super::{FindingKind, Severity};
use crate::lang::phrase::quoted;

pub static RULE: Rule = Rule {
    kind: FindingKind::Uncorroborated,
    id: "uncorroborated",
    name: "Uncorroborated",
    short: "A table row no other source supports",
    help: "A row of a Markdown table states a dated event or a figure that no other source \
           states. Tables are often copied as fact; find a second source for the row.",
    level: Severity::Warning,
    between_sources: None,
    groups_values: false,
    states_one_fact: true,
    contradicts: false,
    relate: None,
    message,
    in_words,
};

fn message(s: &Said) -> String {
    format!("table row `{}` is supported by no other source", s.here)
}

fn in_words(s: &Said) -> String {
    format!(
        "the table row {} is supported by no other source",
        quoted(s.here)
    )
}
