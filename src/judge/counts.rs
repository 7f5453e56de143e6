//! Count conflict: the same counted thing with incompatible amounts.
//!
//! "five" and "5" agree; "a single violation" and "multiple violations" do
//! not; "more than 250" and "200" do not. Counts are compared only when they
//! count the same kind of thing (synonyms from `data/units.yaml`), with the
//! same qualifier ("four *other* incidents" is a different set), in sentences
//! about the same thing.

use super::{FindingKind, Relation};
use crate::align::Aligned;
use crate::model::{Amount, ClaimValue};

use super::rule::{self, Rule};
use super::Severity;
use crate::align::frames::Block;

pub static RULE: Rule = Rule {
    kind: FindingKind::CountConflict,
    id: "count-conflict",
    name: "CountConflict",
    short: "Sources count the same thing differently",
    help: "The same count (\"killing 10 people\", \"10 dead\" and \"the death toll rose to 10\" \
           count alike) is given incompatible amounts (\"a single violation\" and \"multiple \
           violations\"). The minority side is an error, a tie a warning; with --against, a draft \
           figure the references contradict and none supports is an error.",
    level: Severity::Error,
    between_sources: Some(Severity::Error),
    groups_values: true,
    states_one_fact: true,
    contradicts: true,
    relate: Some(relate),
    message: rule::value_message,
    in_words: rule::value_in_words,
};

/// How well two counts must frame one fact to be compared.
/// Between documents whose story is only inferred (no --against).
pub const MIN_SCORE_INFERRED: f32 = 0.7;
pub const MIN_SCORE: f32 = 0.4;

pub fn amount_of(v: &ClaimValue) -> Option<&Amount> {
    match v {
        ClaimValue::Quantity { amount, .. } => Some(amount),
        ClaimValue::TableRow { count: Some(c), .. } => Some(c),
        _ => None,
    }
}

pub use super::amounts::compatible;

/// Per document: does it count `unit` (unqualified) with an amount
/// compatible with `amount`? Such a document speaks of the same set.
pub fn docs_counting(al: &Aligned, unit: &str, amount: &Amount) -> Vec<bool> {
    let mut docs = vec![false; al.docs.len()];
    for (i, it) in al.items.iter().enumerate() {
        if it.unit.as_deref() == Some(unit)
            && it.qualifier.is_none()
            && amount_of(&al.claim(i).value).is_some_and(|a| compatible(a, amount))
        {
            docs[it.doc] = true;
        }
    }
    docs
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let mut out = Vec::new();
    for (a, b, _) in al.frame_pairs(
        |b| *b == Block::Count,
        crate::align::Floors {
            inferred: MIN_SCORE_INFERRED,
            against: MIN_SCORE,
        },
    ) {
        if super::dated_apart(al, a, b) {
            continue;
        }
        let (Some(ca), Some(cb)) = (amount_of(&al.claim(a).value), amount_of(&al.claim(b).value))
        else {
            continue;
        };
        out.push(Relation::new(
            a,
            b,
            FindingKind::CountConflict,
            compatible(ca, cb),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::judge::testing::draft_errors;
    use crate::judge::FindingKind;

    #[test]
    fn one_toll_in_other_words_meets() {
        let report =
            "Officials said the death toll from the Varna earthquake rose to 10 on Monday.";
        let errors = draft_errors(
            "The Varna earthquake killed 40 people, officials said.",
            &[report],
        );
        assert_eq!(
            errors,
            vec![("40 people".to_string(), FindingKind::CountConflict)]
        );
        assert_eq!(
            draft_errors(
                "The Varna earthquake killed 10 people, officials said.",
                &[report]
            ),
            vec![]
        );
    }

    #[test]
    fn a_count_of_another_thing_in_the_same_sentence_is_not_compared() {
        let report = "The earthquake flattened seven villages on the island, killing 10 people.";
        assert_eq!(
            draft_errors(
                "The earthquake flattened seven villages, killing 10 people and injuring 70.",
                &[report]
            ),
            vec![]
        );
    }

    /// Two reports on one awards night, and a third on one of its hopes.
    fn awards_night(hope: &str) -> [String; 3] {
        [
            format!(
                "Kate Winslet and Vera Drake were among the British hopes at the Academy Awards.\n\n\
                 But {hope} walked away empty-handed on Saturday despite two nominations."
            ),
            "Mike Leigh's film Vera Drake will lead British hopes at this year's Academy Awards \
             after getting three nominations.\n\nKate Winslet is also in the running."
                .to_string(),
            "Despite three nominations, Mike Leigh's Vera Drake failed to take the director or \
             screenplay awards.\n\nKate Winslet also went home empty-handed."
                .to_string(),
        ]
    }

    #[test]
    fn counts_of_two_people_of_one_story_are_not_compared() {
        let texts = awards_night("Kate Winslet");
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = crate::judge::testing::findings(&texts, None, crate::judge::Severity::Warning);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn a_count_of_the_same_one_is_compared() {
        let texts = awards_night("Vera Drake");
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = crate::judge::testing::findings(&texts, None, crate::judge::Severity::Warning);
        assert_eq!(
            found,
            vec![(
                0,
                "two nominations".to_string(),
                FindingKind::CountConflict,
                crate::judge::Severity::Error
            )]
        );
    }

    #[test]
    fn a_part_of_a_set_is_not_the_set() {
        let report = "The four robbers, two of whom were disguised as women, fled with the jewels.";
        assert_eq!(
            draft_errors(
                "A gang of four thieves, two of them dressed as women, fled with the jewels.",
                &[report]
            ),
            vec![]
        );
        assert_eq!(
            draft_errors(
                "A gang of four thieves, three of them dressed as women, fled with the jewels.",
                &[report]
            )
            .len(),
            1
        );
    }
}
