//! The judge on short texts: how the sides weigh, with and without references.

use super::testing::*;
use super::*;

const REPORT: &str = "A powerful earthquake struck the island of Varna on Sunday, killing 10 people and injuring 40, officials said.";

#[test]
fn against_references_a_contradicted_value_is_an_error_not_a_tie() {
    let errors = draft_errors(
        "An earthquake struck Varna on Sunday, killing 35 people, officials said.",
        &[REPORT],
    );
    assert_eq!(
        errors,
        vec![("35 people".to_string(), FindingKind::CountConflict)]
    );
}

#[test]
fn a_fact_the_references_do_not_speak_of_is_new_not_wrong() {
    let errors = draft_errors(
        "An earthquake struck Varna on Sunday, killing 10 people. The Red Crescent flew 300 tents to the island.",
        &[REPORT],
    );
    assert_eq!(errors, vec![]);
}

#[test]
fn references_that_disagree_make_a_draft_siding_with_one_a_warning() {
    let texts = [
        "The quake measured magnitude 6.1, the survey said.",
        "The 6.1-magnitude quake struck the island of Varna, officials said.",
        "The 5.9-magnitude quake struck the island of Varna, officials said.",
    ];
    let found = findings(&texts, Some(vec![0]), Severity::Warning);
    assert!(!found.is_empty());
    assert!(found.iter().all(|f| f.3 == Severity::Warning), "{found:?}");
}

#[test]
fn in_a_folder_the_side_fewer_sources_state_is_the_error() {
    let texts = [
        REPORT,
        "The earthquake that struck Varna on Sunday killed 10 people, officials said.",
        "An earthquake struck Varna on Sunday, killing 12 people and injuring 40, officials said.",
    ];
    let errors: Vec<(usize, String)> = findings(&texts, None, Severity::Error)
        .into_iter()
        .map(|f| (f.0, f.1))
        .collect();
    assert_eq!(errors, vec![(2, "12 people".to_string())]);
}

#[test]
fn a_later_larger_toll_is_an_update() {
    let texts = [
        "published: 2005-11-27\nAn earthquake struck Varna on Sunday, killing 10 people, officials said.",
        "published: 2005-11-29\nThe earthquake that struck Varna on Sunday killed 14 people, officials said.",
    ];
    let found = findings(&texts, None, Severity::Info);
    assert!(
        found.iter().any(|f| f.2 == FindingKind::Update),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.3 < Severity::Warning), "{found:?}");
    // Dates only guessed from the bodies say nothing of which came
    // later: the two figures conflict.
    let texts = [
        "The toll was given on November 27, 2005. An earthquake struck Varna on Sunday, killing 10 people, officials said.",
        "The earthquake that struck Varna on Sunday killed 14 people, officials said on November 29, 2005.",
    ];
    let found = findings(&texts, None, Severity::Info);
    assert!(
        found.iter().all(|f| f.2 != FindingKind::Update),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.2 == FindingKind::CountConflict),
        "{found:?}"
    );
}
