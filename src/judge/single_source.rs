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

#[cfg(test)]
mod tests {
    use crate::judge::testing::findings;
    use crate::judge::{FindingKind, Severity};

    fn single(texts: &[&str]) -> Vec<(usize, String)> {
        findings(texts, None, Severity::Info)
            .into_iter()
            .filter(|f| f.2 == FindingKind::SingleSource)
            .map(|f| (f.0, f.1))
            .collect()
    }

    const FLOOD: &str =
        "Floods in Eastmere killed 14 people on Tuesday, March 4, 2025, officials said.";

    #[test]
    fn a_count_one_source_gives_is_a_note_and_two_sources_confirm_it() {
        let alone = single(&[
            FLOOD,
            "Storms closed 30 schools in Harlow on June 2, 2024, the council said.",
        ]);
        assert!(alone.contains(&(0, "14 people".to_string())), "{alone:?}");
        let both = single(&[
            FLOOD,
            "Officials said 14 people died in the Eastmere floods on March 4, 2025.",
        ]);
        assert!(!both.iter().any(|(_, s)| s.contains("14")), "{both:?}");
    }
}
