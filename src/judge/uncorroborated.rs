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

#[cfg(test)]
mod tests {
    use crate::judge::testing::findings;
    use crate::judge::{FindingKind, Severity};

    const TABLE: &str = "Incidents this year:\n\n\
        | Date | Incident | Injured |\n\
        | --- | --- | --- |\n\
        | March 3, 2025 | Fire at the Harlow depot | 4 |\n\
        | March 9, 2025 | Crash on Route 9 | 2 |\n";

    #[test]
    fn a_table_row_standing_alone_is_a_warning_and_prose_only_a_note() {
        let found = findings(
            &[
                TABLE,
                "The Eastmere museum reopened on June 1, 2023 after 14 months of work.",
            ],
            None,
            Severity::Info,
        );
        let rows: Vec<&(usize, String, FindingKind, Severity)> = found
            .iter()
            .filter(|f| f.2 == FindingKind::Uncorroborated)
            .collect();
        assert_eq!(rows.len(), 2, "{found:?}");
        assert!(rows
            .iter()
            .all(|f| f.0 == 0 && f.3 == Severity::Warning && f.1.starts_with('|')));
        assert!(
            found
                .iter()
                .any(|f| f.0 == 1 && f.2 == FindingKind::SingleSource && f.3 == Severity::Info),
            "{found:?}"
        );
    }
}
