//! Single source: a specific claim (a precise date, an exact count, an age,
//! an amount) that no other source states. Not wrong, not confirmed: a note.

use super::rule::{Rule, Said};
use super::{FindingKind, Severity};

pub static RULE: Rule = Rule {
    kind: FindingKind::SingleSource,
    id: "single-source",
    name: "SingleSource",
    short: "A specific claim rests on this source only",
    help: "A precise date, an exact count, an age or an amount that no other source states. \
           A note only: not wrong, but not confirmed.",
    level: Severity::Info,
    between_sources: None,
    groups_values: false,
    states_one_fact: true,
    contradicts: false,
    relate: None,
    message,
    in_words,
};

fn message(s: &Said) -> String {
    format!("`{}` rests on this source only", s.here)
}

fn in_words(s: &Said) -> String {
    format!("{} rests on this source alone", s.here)
}
