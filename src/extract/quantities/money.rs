//! Money: a currency sign before a figure ("$5", "US$5 million", "€3bn"),
//! a currency word after it ("5 million dollars", "85 million euros") and
//! compounds ("$137-million", "a two-million-euro fine", "$20-an-hour").
//! Currencies themselves are data (`lang::currency`).

use super::amount::{Figure, Tail};
use super::{Reading, Scan};
use crate::model::Word;
use crate::model::{ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

/// A currency word heading a compound ("two-million-euro booty",
/// "five-dollar bill"); not "pound", which in "a 5-pound bag" is a weight.
pub(super) fn compound_currency(w: &str) -> Option<&'static str> {
    if matches!(w, "pound" | "pounds") {
        return None;
    }
    currency_word(w)
}

/// An ISO 4217 code for a currency sign (data/currencies.yaml).
pub(super) fn currency_sign(c: &str) -> Option<&'static str> {
    crate::lang::currency::of_sign(c)
}

/// An ISO 4217 code (or the word) for a currency word after a number.
fn currency_word(w: &str) -> Option<&'static str> {
    crate::lang::currency::of_word(w)
}

impl Scan<'_> {
    /// Money written as a compound: "a two-million-euro booty",
    /// "$2 billion-a-year", "$20-an-hour".
    pub(super) fn money_compound(&self, f: &Figure) -> Reading {
        let Tail::Compound(rest) = f.num.tail else {
            return Continue(());
        };
        let last = f.last;
        let head = rest.split('-').next().unwrap_or(rest);
        let rate = matches!(head, "a" | "an" | "per") && f.currency.is_some();
        // "Million-Dollar Baby" is a title, as "Million Dollar Baby" is.
        let title = !f.num.numeral
            && !self.headline
            && self.surface(last).len() == self.t.lower(last).len()
            && self.surface(last)[self.surface(last).len() - rest.len()..]
                .starts_with(char::is_uppercase);
        if let Some(c) = f.currency.or_else(|| compound_currency(head)) {
            if title {
                return Break(None);
            }
            if rate || compound_currency(head).is_some() {
                return Break(Some((
                    self.found(
                        ClaimKind::Money,
                        f.first,
                        last,
                        ClaimValue::Money {
                            amount: f.amount.clone(),
                            currency: Word::new(c),
                        },
                    ),
                    f.j,
                )));
            }
        }
        Continue(())
    }

    /// Money by a sign before the figure or a word after it.
    pub(super) fn money(&self, f: &Figure) -> Reading {
        let j = f.j;
        if let Some(c) = f.currency {
            return Break(Some((
                self.found(
                    ClaimKind::Money,
                    f.first,
                    f.last,
                    ClaimValue::Money {
                        amount: f.amount.clone(),
                        currency: Word::new(c),
                    },
                ),
                j,
            )));
        }
        if let Some(c) = self.lw(j).and_then(currency_word) {
            // "Million Dollar Baby" is a title, outside a title-case headline.
            if !f.num.numeral && self.is_cap(f.i) && self.is_cap(j) && !self.headline {
                return Break(None);
            }
            // "5 pounds of cocaine" is a weight.
            if !(c == "GBP" && self.lw(j + 1) == Some("of")) {
                return Break(Some((
                    self.found(
                        ClaimKind::Money,
                        f.first,
                        j,
                        ClaimValue::Money {
                            amount: f.amount.clone(),
                            currency: Word::new(c),
                        },
                    ),
                    j + 1,
                )));
            }
        }
        Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};

    #[test]
    fn money() {
        assert_eq!(
            one("It cost $1.5 million."),
            q("money", "$1.5 million", "1500000 USD")
        );
        assert_eq!(
            one("A fine of £200 was paid."),
            q("money", "£200", "200 GBP")
        );
        assert_eq!(
            one("Spending hit €3bn last year."),
            q("money", "€3bn", "3000000000 EUR")
        );
        assert_eq!(
            one("He got 5 million dollars."),
            q("money", "5 million dollars", "5000000 USD")
        );
        assert_eq!(
            one("Bail was set at $20,000."),
            q("money", "$20,000", "20000 USD")
        );
        assert_eq!(
            one("It paid more than US$5 million."),
            q("money", "more than US$5 million", ">5000000 USD")
        );
        assert!(show("He had 5 pounds of cocaine.")
            .iter()
            .all(|c| c.0 != "money"));
    }

    #[test]
    fn money_compounds() {
        assert_eq!(
            one("It cost $137-million."),
            q("money", "$137-million", "137000000 USD")
        );
        assert_eq!(
            one("They stole a two-million-euro booty."),
            q("money", "two-million-euro", "2000000 EUR")
        );
        assert_eq!(
            one("It earns $2 billion-a-year."),
            q("money", "$2 billion-a-year", "2000000000 USD")
        );
        assert_eq!(
            one("He made $20-an-hour."),
            q("money", "$20-an-hour", "20 USD")
        );
        assert_eq!(
            one("It cost 2 mn-euro."),
            q("money", "2 mn-euro", "2000000 EUR")
        );
        assert_eq!(one("It cost €2m."), q("money", "€2m", "2000000 EUR"));
        assert_eq!(
            one("It cost 2m euros."),
            q("money", "2m euros", "2000000 EUR")
        );
        assert_eq!(
            one("It cost $2.6 million."),
            q("money", "$2.6 million", "2600000 USD")
        );
        assert_eq!(
            show("He paid 85 million euros ($108 million)."),
            [
                q("money", "85 million euros", "85000000 EUR"),
                q("money", "$108 million", "108000000 USD")
            ]
        );
        assert_eq!(
            one("He had a five-dollar bill."),
            q("money", "five-dollar", "5 USD")
        );
        // An order of magnitude is no figure; a count of millions is.
        assert!(
            show("It would be the fifth billion-dollar telecoms deal since October.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert_eq!(
            one("They paid a two-million-euro fine."),
            q("money", "two-million-euro", "2000000 EUR")
        );
        // "a 5-pound bag" is a weight.
        assert!(show("He carried a 5-pound bag.")
            .iter()
            .all(|c| c.0 != "money"));
        assert!(run("They counted 2 million-plus fans.")
            .iter()
            .all(|c| !matches!(c.0.as_str(), "money" | "size")));
    }

    #[test]
    fn title_money_words_are_names() {
        assert!(
            show("Clint Eastwood's Million Dollar Baby led the hopefuls.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert!(
            show("Clint Eastwood's Million-Dollar Baby led the hopefuls.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert_eq!(
            one("Five million dollars was paid."),
            q("money", "Five million dollars", "5000000 USD")
        );
    }
}
