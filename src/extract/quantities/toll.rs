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

/// Subjects a figure rose to or stood at that make it a toll of the dead.
static TOLL_SUBJECTS: WordList = WordList::new(include_str!("../../../data/toll_subjects.txt"));
/// Verbs a figure is reached by, before "to" or "at".
static RISE_VERBS: WordList = WordList::new(include_str!("../../../data/rise_verbs.txt"));
/// Verbs whose bare figure is the dead.
static KILL_VERBS: WordList = WordList::new(include_str!("../../../data/kill_verbs.txt"));

pub(super) fn is_toll_word(w: &str) -> bool {
    TOLL_WORDS.contains(w)
}

impl Scan<'_> {
    /// A figure with no noun after it that a toll counts: the number of
    /// dead.
    pub(super) fn toll(&self, f: &Figure) -> Option<Claim> {
        let near = (f.first.saturating_sub(8)..f.first).any(|k| self.lw(k) == Some("toll"));
        let before = f.first.checked_sub(1).and_then(|k| self.lw(k));
        // "the blast killed at least 12": the bare figure is who died.
        let killed = before.is_some_and(|w| KILL_VERBS.contains(w));
        if !(near || killed || self.toll_reached(f.first)) || f.high.is_some() {
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
        // Another word of the dead than "toll" counts only as what the
        // figure rose to: "fatalities rose to 12", not "found dead at 3".
        let risen = matches!(before, Some("to" | "at"))
            && first
                .checked_sub(2)
                .and_then(|k| self.lw(k))
                .is_some_and(|w| RISE_VERBS.contains(w));
        for k in (first.saturating_sub(20)..first).rev() {
            if self
                .punct(k)
                .is_some_and(|p| matches!(p, "," | ";" | ":" | "(" | ")" | "\u{2014}" | "."))
            {
                return false;
            }
            match self.lw(k) {
                Some("toll") => return true,
                Some(w) if risen && TOLL_SUBJECTS.contains(w) => return true,
                _ => {}
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
        // Other words of the dead, as what a figure rose to.
        for t in [
            "Fatalities rose to 12 on Monday.",
            "The number of dead climbed to 12 on Monday.",
            "The blast killed at least 12.",
            "The gunman opened fire, killing 12.",
        ] {
            assert!(
                show(t).iter().any(|c| c.2.ends_with("12 dead")),
                "{t}: {:?}",
                show(t)
            );
        }
        // Not a toll: no rise to the figure, or a noun after it.
        for t in [
            "He was found dead at 3 in the morning.",
            "The blast killed 12 soldiers.",
        ] {
            assert!(
                show(t).iter().all(|c| !c.2.ends_with("dead")),
                "{t}: {:?}",
                show(t)
            );
        }
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
