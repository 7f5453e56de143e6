//! Update: a toll, a count of arrests or a damage estimate rises as news
//! comes in, so a later source's larger figure updates an earlier one
//! instead of contradicting it. Which figures grow, and which source is
//! later, is decided where claims are grouped (`groups`).

use super::rule::{Rule, Said};
use super::{FindingKind, Severity};

pub static RULE: Rule = Rule {
    kind: FindingKind::Update,
    id: "update",
    name: "Update",
    short: "A later source gives a larger figure that grows with time",
    help: "A toll, a count of arrests or a damage estimate rises as news comes in: a source \
           published later that gives a larger figure updates the earlier one rather than \
           contradicting it. A note only: report the latest figure and say when it was given.",
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
    format!(
        "`{}` here, {} elsewhere: a figure that grows as news comes in, given at different times",
        s.here, s.theirs
    )
}

fn in_words(s: &Said) -> String {
    format!(
        "{} here, {} elsewhere: a figure that grows as news comes in, given at different times",
        s.here, s.theirs
    )
}
