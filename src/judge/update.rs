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

#[cfg(test)]
mod tests {
    use crate::judge::testing::findings;
    use crate::judge::{FindingKind, Severity};

    #[test]
    fn a_later_larger_toll_updates_the_earlier_one() {
        let found = findings(
            &[
                "published: 2025-03-02\nThe gas blast at the Ashford flats killed 8 people, police said.",
                "published: 2025-03-04\nThe death toll from the gas blast at the Ashford flats rose to 12, police said.",
                "published: 2025-03-03\nThe Harlow council approved a budget of $40 million for 2026.",
            ],
            None,
            Severity::Info,
        );
        let kinds: Vec<(usize, FindingKind)> = found
            .iter()
            .filter(|f| f.1.contains('8') || f.1.contains("12"))
            .map(|f| (f.0, f.2))
            .collect();
        assert!(kinds.contains(&(0, FindingKind::Update)), "{found:?}");
        assert!(
            !found.iter().any(|f| f.2 == FindingKind::CountConflict),
            "{found:?}"
        );
    }
}
