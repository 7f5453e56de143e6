//! What every finding kind declares about itself, in its own file under
//! `judge/`: its names, its help, how severe it may be, how it relates
//! aligned claims, and how its finding is said. The registry
//! ([`super::registry`]) lists the rules once; the judge, the config and
//! every reporter read them from there.

use super::{FindingKind, LedgerMatch, Relation, Severity};
use crate::align::Aligned;

pub struct Rule {
    pub kind: FindingKind,
    /// Its name in JSON, in the config and in SARIF's `ruleId`:
    /// "date-conflict".
    pub id: &'static str,
    /// In the UpperCamelCase SARIF expects of `rule.name`.
    pub name: &'static str,
    /// One line, for a legend.
    pub short: &'static str,
    /// What it means and what to do about it.
    pub help: &'static str,
    /// The highest severity it is reported at.
    pub level: Severity,
    /// For a rule relating the claims of different sources: the highest
    /// severity when sources disagree among themselves (a draft checked
    /// against references may reach `level`). `None` for the rest.
    pub between_sources: Option<Severity>,
    /// Whether its claims are grouped by value, so that sources that agree
    /// with each other weigh together (see `groups`).
    pub groups_values: bool,
    /// Whether the claims it relates state one fact, listed together in
    /// `facts[]` (a range relates a period to its members, which are not
    /// one fact).
    pub states_one_fact: bool,
    /// Whether a finding of it at warning or above says the claim is
    /// contradicted (not merely unsupported).
    pub contradicts: bool,
    /// Relates aligned claims; `None` for kinds decided per claim.
    pub relate: Option<fn(&Aligned) -> Vec<Relation>>,
    /// The finding's message in the JSON: values as the claims write them.
    pub message: fn(&Said) -> String,
    /// The finding in words, for readers: values as prose.
    pub in_words: fn(&Said) -> String,
}

/// What a message is made of, each value already written in the style of
/// the message being built.
pub struct Said<'a> {
    /// What the claim states a value of: "deaths", "age of Eric Kirkpatrick"
    /// (written only by the rules that name it).
    pub subject: &'a dyn Fn() -> String,
    /// The claim's value.
    pub here: &'a str,
    /// The other side's values, listed.
    pub theirs: &'a str,
    /// Independent sources for the claim's value, and against it.
    pub support: usize,
    pub against: usize,
    /// When the other side is a copy of the same text: each copy and what
    /// it gives, listed.
    pub copies: Option<&'a str>,
    pub ledger: Option<&'a LedgerMatch>,
}

impl<'a> Said<'a> {
    /// What a claim alone says: its value, nothing against it.
    pub fn of(here: &'a str) -> Said<'a> {
        Said {
            subject: &String::new,
            here,
            theirs: "",
            support: 1,
            against: 0,
            copies: None,
            ledger: None,
        }
    }

    /// "1 other source", "3 other sources".
    pub fn others(&self) -> String {
        if self.against == 1 {
            "1 other source".to_string()
        } else {
            format!("{} other sources", self.against)
        }
    }

    /// A verb agreeing with [`Said::others`]: "gives" or "give".
    pub fn verb(&self, one: &'static str, many: &'static str) -> &'static str {
        if self.against == 1 {
            one
        } else {
            many
        }
    }

    /// "1 source against 2", for readers.
    pub fn sides(&self) -> String {
        crate::lang::phrase::sides(self.support, self.against)
    }
}

/// The message of the rules that compare a value of a named fact (a date,
/// a count, an attribute): "deaths: `35` here; 1 other source gives 10".
pub fn value_message(s: &Said) -> String {
    format!(
        "{}: `{}` here; {} {} {} ({} vs {})",
        (s.subject)(),
        s.here,
        s.others(),
        s.verb("gives", "give"),
        s.theirs,
        s.support,
        s.against
    )
}

/// [`value_message`] for readers, and the copy that changed a value.
pub fn value_in_words(s: &Said) -> String {
    match s.copies {
        Some(copies) => format!(
            "{}: {} here, but {copies} (a copy or rewrite of the same text: one source, so neither side outweighs the other)",
            (s.subject)(),
            s.here
        ),
        None => format!(
            "{}: {} here; {} {} {} ({})",
            (s.subject)(),
            s.here,
            s.others(),
            s.verb("gives", "give"),
            s.theirs,
            s.sides()
        ),
    }
}
