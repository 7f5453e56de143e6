//! Tolls: the dead of a disaster counted with no noun after the figure
//! ("the death toll rose to 10", "a toll of 35"), and the words for its
//! people that stand for the counted noun ("12 dead and 40 injured").

use super::amount::Figure;
use super::{Claim, Scan};
use crate::lang::wordlist::WordList;
use crate::model::{ClaimKind, ClaimValue};

/// Words for people in a disaster's toll that stand for the counted people
/// right after a number: "12 dead and 40 injured", "three missing".
static TOLL_WORDS: WordList = WordList::new(include_str!("../../../data/toll_words.txt"));

pub(super) fn is_toll_word(w: &str) -> bool {
    TOLL_WORDS.contains(w)
}

impl Scan<'_> {
    /// A figure with no noun after it that a toll counts: the number of
    /// dead.
    pub(super) fn toll(&self, f: &Figure) -> Option<Claim> {
        let near = (f.first.saturating_sub(8)..f.first).any(|k| self.lw(k) == Some("toll"));
        if !(near || self.toll_reached(f.first)) || f.high.is_some() {
            return None;
        }
        Some((
            self.found(
                ClaimKind::Quantity,
                f.first,
                f.last,
                ClaimValue::Quantity {
                    amount: f.amount.clone(),
                    unit: "dead".into(),
                },
            ),
            f.j,
        ))
    }

    /// Whether the figure at `first` is what a toll further back in its
    /// clause rose to or stood at: "the death toll from Sunday's gas
    /// explosion at a block of flats rose to 10". Modifiers put the toll out
    /// of the near window; the verb's "to" or "at" and no clause break
    /// between keep another figure of the sentence out.
    fn toll_reached(&self, first: usize) -> bool {
        let before = first.checked_sub(1).and_then(|k| self.lw(k));
        if !matches!(before, Some("to" | "at" | "reached" | "hit")) {
            return false;
        }
        for k in (first.saturating_sub(20)..first).rev() {
            if self
                .punct(k)
                .is_some_and(|p| matches!(p, "," | ";" | ":" | "(" | ")" | "\u{2014}" | "."))
            {
                return false;
            }
            if self.lw(k) == Some("toll") {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, show};

    #[test]
    fn a_toll_counts_the_dead() {
        assert_eq!(
            show("The death toll rose to 10 on Monday."),
            vec![q("quantity", "10", "10 dead")]
        );
        assert_eq!(
            show("The quake left a toll of at least 35."),
            vec![q("quantity", "at least 35", ">=35 dead")]
        );
        // The toll's modifiers put it far back; its verb still reaches the
        // figure.
        assert_eq!(
            show(
                "The death toll from the gas explosion at a block of flats in Ashford rose to 10."
            ),
            vec![q("quantity", "10", "10 dead")]
        );
        // Not across a clause: the toll is of another figure.
        assert!(show(
            "The death toll from the storm is not known, but the river rose to 10 metres."
        )
        .iter()
        .all(|c| !c.2.ends_with("dead")));
    }

    #[test]
    fn toll_role_words_count_people() {
        assert_eq!(
            show("The quake left 12 dead and 40 injured."),
            [
                q("quantity", "12 dead", "12 dead"),
                q("quantity", "40 injured", "40 injured")
            ]
        );
        assert_eq!(
            one("Ten dead in quake"),
            q("quantity", "Ten dead", "10 dead")
        );
        assert_eq!(
            show("Two wounded, five hurt and three missing."),
            [
                q("quantity", "Two wounded", "2 wounded"),
                q("quantity", "five hurt", "5 hurt"),
                q("quantity", "three missing", "3 missing")
            ]
        );
        assert_eq!(
            one("At least 12 killed in blast."),
            q("quantity", "At least 12 killed", ">=12 killed")
        );
        assert_eq!(
            one("One killed as bus overturns."),
            q("quantity", "One killed", "1 killed")
        );
        // A noun after the role word is what is counted.
        assert_eq!(
            one("It found 12 missing children."),
            q("quantity", "12 missing children", "12 child")
        );
        assert_eq!(
            one("Two injured officers left."),
            q("quantity", "Two injured officers", "2 officer")
        );
    }
}
