//! Ages: compounds ("19-year-old"), explicit phrases ("aged 91", "91 years
//! old", "at the age of 91", "then 23,") and apposition after a name or a
//! noun of people ("Jane Smith, 45,", "her husband, 45,", "two daughters, 8
//! and 12"), with the person's name where it is written.

use super::amount::{Figure, Tail};
use super::{is_function, Reading, Scan};
use crate::extract::numbers::leading_numeral;
use crate::lang::morph::singular;
use crate::lang::wordlist::{is_calendar_word, WordList, NAME_PARTICLES};
use crate::model::{ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

/// Nouns of people whose age may follow in apposition: "her husband, 45,",
/// "two daughters, 8 and 12". Singular.
static AGE_APPOSITION_NOUNS: WordList =
    WordList::new(include_str!("../../../data/age_apposition_nouns.txt"));

/// Lowercase words inside a person's name: "von der", "bin".
fn is_name_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(w)
}

impl<'a> Scan<'a> {
    /// An age written as a compound: "19-year-old", and the name after it
    /// ("19-year-old Merwil Gutiérrez Flores").
    pub(super) fn age_compound(&self, f: &Figure) -> Reading {
        match f.num.tail {
            Tail::Compound("year-old" | "years-old") if f.currency.is_none() => {
                let person = self.name_after(f.j);
                Break(Some((
                    self.found(
                        ClaimKind::Age,
                        f.first,
                        f.last,
                        ClaimValue::Age {
                            amount: f.amount.clone(),
                            person,
                        },
                    ),
                    f.j,
                )))
            }
            _ => Continue(()),
        }
    }

    /// Ages. Explicit phrases take any whole number up to 999: "aged 91",
    /// "91 years old", "91 years of age", "at the age of 91"; "then 23,"
    /// up to 120; apposition up to 150: "Smith, 45,", "her husband, 45,",
    /// "two daughters, 8 and 12".
    pub(super) fn age(&self, f: &Figure) -> Reading {
        let (i, first, last, j, num) = (f.i, f.first, f.last, f.j, &f.num);
        let whole = num.value.fract() == 0.0 && num.value >= 1.0 && f.high.is_none();
        let before = |k: usize| if first >= k { self.lw(first - k) } else { None };
        let age = |a: usize, b: usize, person: Option<String>| {
            Break(Some((
                self.found(
                    ClaimKind::Age,
                    a,
                    b,
                    ClaimValue::Age {
                        amount: f.amount.clone(),
                        person,
                    },
                ),
                b + 1,
            )))
        };
        if whole && num.value <= 999.0 {
            if matches!(self.lw(j), Some("years" | "year")) {
                if self.lw(j + 1) == Some("old") {
                    return age(first, j + 1, self.name_after(j + 2));
                }
                if self.lw(j + 1) == Some("of") && self.lw(j + 2) == Some("age") {
                    return age(first, j + 2, None);
                }
            }
            if before(1) == Some("aged") {
                let person = (first >= 3 && self.punct(first - 2) == Some(","))
                    .then(|| self.name_before(first - 3))
                    .flatten();
                return age(first - 1, last, person);
            }
            if before(1) == Some("of") && before(2) == Some("age") {
                let mut a = first - 2;
                if before(3) == Some("the") {
                    a -= 1;
                    if before(4) == Some("at") {
                        a -= 1;
                    }
                }
                return age(a, last, None);
            }
        }
        let ends_phrase = matches!(self.punct(j), Some("," | ")" | "." | ";")) || j >= self.t.len();
        if whole && num.value <= 120.0 && before(1) == Some("then") && ends_phrase && num.numeral {
            return age(first - 1, last, None);
        }
        if whole && num.value <= 150.0 && num.numeral && f.bound.is_none() {
            if first >= 2 && self.punct(first - 1) == Some(",") && self.punct(j) == Some(",") {
                if let Some(person) = self.name_before(first - 2) {
                    return age(first, last, Some(person));
                }
            }
            if first == i && self.in_age_list(i) {
                return age(first, last, None);
            }
        }
        Continue(())
    }

    /// A person's name of capitalised words starting at token `j`; needs two
    /// words, or one followed by something that ends a noun phrase.
    fn name_after(&self, j: usize) -> Option<String> {
        let mut k = j;
        let mut last = None;
        let mut n = 0;
        while k < self.t.len() {
            if self.is_cap(k) && !self.is_acronym(k) && !is_function(self.t.lower(k)) {
                last = Some(k);
                n += 1;
                k += 1;
            } else if n > 0 && self.lw(k).is_some_and(is_name_particle) && self.is_cap(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        let last = last?;
        if n == 1 && self.lw(last + 1).is_some_and(|w| !is_function(w)) {
            return None;
        }
        Some(self.span_text(j, last))
    }

    /// A name of capitalised words ending at token `k`.
    fn name_before(&self, k: usize) -> Option<String> {
        if !self.is_cap(k)
            || self.is_acronym(k)
            || is_function(self.t.lower(k))
            || is_calendar_word(self.t.lower(k))
        {
            return None;
        }
        let mut first = k;
        while first > 0 {
            let p = first - 1;
            if self.is_cap(p) && !self.is_acronym(p) && !is_function(self.t.lower(p)) {
                first = p;
            } else if p > 0 && self.lw(p).is_some_and(is_name_particle) && self.is_cap(p - 1) {
                first = p - 1;
            } else {
                break;
            }
        }
        Some(self.span_text(first, k))
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let s = &self.text[self.t.toks[a].start..self.t.toks[b].end];
        let s = s
            .strip_suffix("’s")
            .or_else(|| s.strip_suffix("'s"))
            .unwrap_or(s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A whole numeral that could be a child's or adult's age (1 to 150).
    fn age_numeral(&self, k: usize) -> bool {
        self.lw(k)
            .and_then(leading_numeral)
            .is_some_and(|(v, rest)| {
                rest.is_empty() && v.fract() == 0.0 && (1.0..=150.0).contains(&v)
            })
    }

    /// Whether the numeral at `i` is one of a list of ages after a noun of
    /// people: "her husband, 45,", "two daughters, 8 and 12.", "sons, 3, 5
    /// and 7". The list must end the phrase.
    fn in_age_list(&self, i: usize) -> bool {
        if !self.age_numeral(i) {
            return false;
        }
        let sep = |k: usize| self.punct(k) == Some(",") || self.lw(k) == Some("and");
        let mut s = i;
        while s >= 2 && sep(s - 1) && self.age_numeral(s - 2) {
            s -= 2;
        }
        if s < 2 || self.punct(s - 1) != Some(",") {
            return false;
        }
        let noun = self.lw(s - 2).map(singular);
        if !noun.is_some_and(|n| AGE_APPOSITION_NOUNS.contains(&n)) {
            return false;
        }
        let mut e = i + 1;
        while sep(e) && self.age_numeral(e + 1) {
            e += 2;
        }
        e >= self.t.len() || matches!(self.punct(e), Some("," | "." | ")" | ";"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};
    use crate::model::ClaimValue;

    #[test]
    fn ages_with_and_without_names() {
        let age = |t: &str| match run(t).into_iter().next() {
            Some((k, s, ClaimValue::Age { amount, person })) => (k, s, amount.to_string(), person),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            age("It moved 19-year-old Merwil Gutiérrez Flores to the FBI."),
            (
                "age".into(),
                "19-year-old".into(),
                "19".into(),
                Some("Merwil Gutiérrez Flores".into())
            )
        );
        assert_eq!(
            age("The 32-year-old, based in New Jersey, left."),
            ("age".into(), "32-year-old".into(), "32".into(), None)
        );
        assert_eq!(
            age("A 32-year-old woman was held."),
            ("age".into(), "32-year-old".into(), "32".into(), None)
        );
        assert_eq!(
            age("Jane Smith, 45, was arrested."),
            (
                "age".into(),
                "45".into(),
                "45".into(),
                Some("Jane Smith".into())
            )
        );
        assert_eq!(
            age("Smith, aged 32, left."),
            (
                "age".into(),
                "aged 32".into(),
                "32".into(),
                Some("Smith".into())
            )
        );
        assert_eq!(
            age("The man, then 23, fled."),
            ("age".into(), "then 23".into(), "23".into(), None)
        );
        assert_eq!(
            age("She is 40 years old."),
            ("age".into(), "40 years old".into(), "40".into(), None)
        );
        assert!(run("In March, 45 people were arrested.")
            .iter()
            .all(|c| c.0 == "quantity"));
    }

    #[test]
    fn explicit_ages_take_any_whole_number() {
        let age = |t: &str| match run(t).as_slice() {
            [(k, s, ClaimValue::Age { amount, person })] => {
                (k.clone(), s.clone(), amount.to_string(), person.clone())
            }
            other => panic!("{t}: {other:?}"),
        };
        let none = |s: &str, a: &str| ("age".to_string(), s.to_string(), a.to_string(), None);
        assert_eq!(
            age("He died at the age of 91."),
            none("at the age of 91", "91")
        );
        assert_eq!(age("He died aged 121."), none("aged 121", "121"));
        assert_eq!(age("He is 130 years old."), none("130 years old", "130"));
        assert_eq!(age("He is 91 years of age."), none("91 years of age", "91"));
        assert_eq!(age("A 122-year-old man died."), none("122-year-old", "122"));
        assert_eq!(
            age("Eric Allen Kirkpatrick, 131, was held."),
            (
                "age".into(),
                "131".into(),
                "131".into(),
                Some("Eric Allen Kirkpatrick".into())
            )
        );
        assert!(run("Eric Allen Kirkpatrick, 161, was held.").is_empty());
    }

    #[test]
    fn ages_after_nouns_of_people() {
        assert_eq!(
            show("She left two daughters, 8 and 12."),
            [
                q("quantity", "two daughters", "2 daughter"),
                q("age", "8", "age 8"),
                q("age", "12", "age 12")
            ]
        );
        assert_eq!(
            show("Her sons, 3, 5 and 7, survived."),
            [
                q("age", "3", "age 3"),
                q("age", "5", "age 5"),
                q("age", "7", "age 7")
            ]
        );
        assert_eq!(one("Her husband, 45, was held."), q("age", "45", "age 45"));
        assert_eq!(
            one("In 2005, 45 people died."),
            q("quantity", "45 people", "45 person")
        );
        assert!(show("Of the victims, 12 were children.")
            .iter()
            .all(|c| c.0 != "age"));
    }
}
