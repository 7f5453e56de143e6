//! Counts of things: the counted noun after a figure, skipping adjectives
//! ("five separate incidents" → 5 incident); vague amounts ("several gaps",
//! "dozens of protesters") and "both"; tolls ("12 dead", "the death toll
//! rose to 10"); parts of a set named before ("two of whom"); counts of a
//! model ("two F-35 jets"). Also the numbers that count nothing: labels
//! ("Route 9"), ratios ("1 in 5"), "no one".

use super::amount::Figure;
use super::duration::is_time_unit;
use super::{is_function, Claim, Reading, Scan};
use crate::lang::morph::{irregular_singular, singular};
use crate::lang::numbers::is_number_word;
use crate::lang::wordlist::WordList;
use crate::model::Word;
use crate::model::{Amount, ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

/// Irregular and common verb forms, which cannot be the noun after "one".
static COMMON_VERBS: WordList = WordList::new(include_str!("../../../data/common_verbs.txt"));

fn is_common_verb(w: &str) -> bool {
    COMMON_VERBS.contains(w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// Adjectives commonly found between a number and the noun it counts.
static COUNT_ADJECTIVES: WordList =
    WordList::new(include_str!("../../../data/count_adjectives.txt"));

fn is_adjective(w: &str) -> bool {
    COUNT_ADJECTIVES.contains(w)
        || [
            "al", "ous", "ive", "ful", "less", "ic", "able", "ible", "ed", "ing", "ary", "ian",
            "ese",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// The singular of `w` when it reads as a plural noun.
fn plural_noun(w: &str) -> Option<String> {
    if let Some(s) = irregular_singular(w) {
        return Some(s.to_string());
    }
    let ok = w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "ous", "’s", "'s", "ics"]
            .iter()
            .any(|s| w.ends_with(s))
        && w.chars().all(|c| c.is_alphabetic() || c == '-');
    ok.then(|| singular(w))
}

impl<'a> Scan<'a> {
    /// A vague amount and the noun it counts: "several gaps", "dozens of
    /// the protesters", "a few officers".
    pub(super) fn vague_count(&self, i: usize) -> Reading {
        let Some((label, low, high, from)) = self.vague(i) else {
            return Continue(());
        };
        let Some((h, unit)) = self.head(from, true) else {
            return Break(None);
        };
        let amount = Amount::Vague {
            label: Word::new(label),
            low,
            high,
        };
        Break(Some((
            self.found(
                ClaimKind::Quantity,
                i,
                h,
                ClaimValue::Quantity {
                    amount,
                    unit: Word::new(&unit),
                },
            ),
            h + 1,
        )))
    }

    /// A vague amount starting at token `i`: ("several", 2, None) and the
    /// token where the counted noun phrase starts.
    fn vague(&self, i: usize) -> Option<(&'static str, f64, Option<f64>, usize)> {
        let w = self.lw(i)?;
        let of_then = |k: usize| -> Option<usize> {
            (self.lw(k) == Some("of")).then(|| self.skip_determiner(k + 1))
        };
        Some(match w {
            "multiple" => ("multiple", 2.0, None, i + 1),
            "several" => ("several", 2.0, None, i + 1),
            "numerous" => ("numerous", 2.0, None, i + 1),
            "countless" => ("countless", 2.0, None, i + 1),
            "many" if !matches!(self.lw(i.wrapping_sub(1)), Some("how" | "as")) => {
                ("many", 2.0, None, i + 1)
            }
            "dozens" => ("dozens", 24.0, None, of_then(i + 1)?),
            "scores" => ("scores", 40.0, None, of_then(i + 1)?),
            "hundreds" => ("hundreds", 200.0, None, of_then(i + 1)?),
            "thousands" => ("thousands", 2000.0, None, of_then(i + 1)?),
            "millions" => ("millions", 2e6, None, of_then(i + 1)?),
            "lots" => ("lots", 2.0, None, of_then(i + 1)?),
            "a" => match self.lw(i + 1)? {
                "few" => ("a few", 2.0, Some(5.0), i + 2),
                "couple" => ("a couple", 2.0, Some(3.0), of_then(i + 2)?),
                "handful" => ("a handful", 2.0, Some(6.0), of_then(i + 2)?),
                "number" => ("a number of", 2.0, None, of_then(i + 2)?),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn skip_determiner(&self, k: usize) -> usize {
        match self.lw(k) {
            Some("the" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "your") => {
                k + 1
            }
            _ => k,
        }
    }

    /// "both officers" (2 officer), or "the officers both" (the noun before).
    pub(super) fn both(&self, i: usize) -> Option<Claim> {
        let mut from = i + 1;
        if self.lw(from) == Some("of") {
            from += 1;
        }
        from = self.skip_determiner(from);
        let amount = Amount::Exact { value: 2.0 };
        if let Some((h, unit)) = self.head(from, true) {
            // "both X and Y" pairs two things; it does not count X.
            if self.lw(h + 1) != Some("and") {
                return Some((
                    self.found(
                        ClaimKind::Quantity,
                        i,
                        h,
                        ClaimValue::Quantity {
                            amount,
                            unit: Word::new(&unit),
                        },
                    ),
                    h + 1,
                ));
            }
            return None;
        }
        let prev = self.lw(i.checked_sub(1)?)?;
        let unit = plural_noun(prev)?;
        if is_function(prev) || self.is_cap(i - 1) {
            return None;
        }
        Some((
            self.found(
                ClaimKind::Quantity,
                i,
                i,
                ClaimValue::Quantity {
                    amount,
                    unit: Word::new(&unit),
                },
            ),
            i + 1,
        ))
    }

    /// The counted noun at or after token `j`: its token index and singular.
    /// Adjectives and other modifiers before it are skipped. A count other
    /// than one needs a plural noun.
    fn head(&self, j: usize, plural: bool) -> Option<(usize, String)> {
        for k in j..(j + 4).min(self.t.len()) {
            let raw = self.lw(k)?;
            let w = raw
                .strip_suffix("’s")
                .or_else(|| raw.strip_suffix("'s"))
                .or_else(|| raw.strip_suffix('’'))
                .unwrap_or(raw);
            // "12 dead and 40 injured", "three missing": the role stands
            // for the people, unless a noun follows ("two injured men").
            if k == j && super::toll::is_toll_word(w) && self.head(k + 1, plural).is_none() {
                return Some((k, w.to_string()));
            }
            if is_function(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || is_number_word(w.split('-').next().unwrap_or(w))
                || is_time_unit(w)
                || w.chars().count() < 2
            {
                return None;
            }
            let cap = self.is_cap(k) && !self.headline;
            let acronym = self.is_acronym(k);
            // Anything but a noun may stand between: the next word must go on.
            let next_goes_on = self.lw(k + 1).is_some_and(|n| !is_function(n));
            if plural {
                if let Some(s) = plural_noun(w) {
                    if !(acronym && next_goes_on) {
                        return Some((k, s));
                    }
                }
                if !next_goes_on {
                    return None;
                }
            } else {
                if (cap || acronym || is_adjective(w)) && next_goes_on {
                    continue;
                }
                if cap || w.ends_with("ly") || is_common_verb(w) {
                    return None;
                }
                return Some((k, w.to_string()));
            }
        }
        None
    }

    /// Numbers that count nothing, whatever follows them: labels ("Local
    /// Law 228", "Route 9", "No. 5", "#3", "Catch-22", "Ocean's Eleven"),
    /// ratios ("1 in 5 adults") and "no one"; and a part of a set named
    /// before ("two of whom"), a count of the set's noun.
    pub(super) fn labels_and_sets(&self, f: &Figure) -> Reading {
        let (i, w, first, j) = (f.i, f.w, f.first, f.j);
        if f.bound.is_none() && i > 0 {
            let p = i - 1;
            if f.num.numeral {
                if self.punct(p) == Some("#")
                    || (self.is_cap(p)
                        && !is_function(self.t.lower(p))
                        && !self.t.lower(p).ends_with("’s")
                        && !self.t.lower(p).ends_with("'s"))
                    || (self.punct(p) == Some(".")
                        && p > 0
                        && matches!(self.lw(p - 1), Some("no" | "nos")))
                    || (self.punct(p) == Some("-") && self.adjacent(p))
                {
                    return Break(None);
                }
            } else if self.is_cap(i)
                && !self.headline
                && !matches!(
                    self.punct(p),
                    Some("\"" | "“" | "(" | "‘" | "'" | ":" | "-" | "—")
                )
            {
                return Break(None);
            }
        }
        // "four robbers, two of whom were disguised", "two of them".
        if self.lw(j) == Some("of") && matches!(self.lw(j + 1), Some("whom" | "them" | "which")) {
            let noun = (i.saturating_sub(8)..first)
                .rev()
                .find_map(|k| self.lw(k).filter(|w| !is_function(w)).and_then(plural_noun));
            if let Some(unit) = noun {
                return Break(Some((
                    self.found(
                        ClaimKind::Quantity,
                        first,
                        j + 1,
                        ClaimValue::Quantity {
                            amount: f.amount.clone(),
                            unit: Word::new(&unit),
                        },
                    ),
                    j + 2,
                )));
            }
        }
        // Ratios: "1 in 5 adults", "one in three".
        let ratio_after = self.lw(j) == Some("in") && self.number(j + 1).is_some();
        let ratio_before = i >= 2
            && self.lw(i - 1) == Some("in")
            && self.number(i - 2).is_some_and(|n| n.next == i - 1);
        if ratio_after || ratio_before {
            return Break(None);
        }
        if w == "one"
            && i > 0
            && matches!(
                self.lw(i - 1),
                Some(
                    "no" | "any"
                        | "every"
                        | "each"
                        | "which"
                        | "this"
                        | "that"
                        | "someone"
                        | "anyone"
                )
            )
        {
            return Break(None);
        }
        Continue(())
    }

    /// The last reader: the thing a figure counts, a model or a noun, or the
    /// dead of a toll.
    pub(super) fn count(&self, f: &Figure) -> Option<Claim> {
        let plural = f.high.is_some() || f.num.value != 1.0;
        // A count of a model: "12 737 MAX 9 aircraft", "two F-35 jets".
        if let Some((h, unit)) = self.model(f.j) {
            return Some((
                self.found(
                    ClaimKind::Quantity,
                    f.first,
                    h,
                    ClaimValue::Quantity {
                        amount: f.amount.clone(),
                        unit: Word::new(&unit),
                    },
                ),
                h + 1,
            ));
        }
        let Some((h, unit)) = self.head(f.j, plural) else {
            return self.toll(f);
        };
        Some((
            self.found(
                ClaimKind::Quantity,
                f.first,
                h,
                ClaimValue::Quantity {
                    amount: f.amount.clone(),
                    unit: Word::new(&unit),
                },
            ),
            h + 1,
        ))
    }

    /// A model designation at token `j` and the noun it may qualify: "737
    /// MAX 9 aircraft", "F-35 jets", "A380s". Its last token and its name,
    /// lowercase ("737 max 9").
    fn model(&self, j: usize) -> Option<(usize, String)> {
        let w = self.lw(j)?;
        let s = self.surface(j);
        // (Not a year: "the two 2004 champions".)
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        let numeral = w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()) && !year;
        let code = self.is_cap(j)
            && s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes().any(|b| b.is_ascii_alphabetic());
        if !(numeral || code) || !self.adjacent_space(j) {
            return None;
        }
        let mut last = j;
        // "MAX 9", "Dreamliner", "-800": capitalised words and small
        // numbers that go on naming the model.
        while last + 1 < self.t.len() && last < j + 3 {
            let k = last + 1;
            let Some(n) = self.lw(k) else { break };
            let go_on = self.is_acronym(k)
                || (n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && self.is_acronym(last));
            if !go_on {
                break;
            }
            last = k;
        }
        let name = (j..=last)
            .map(|k| self.lw(k).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ");
        // The noun after it is what the model is: "aircraft", "jets".
        let h = match self.lw(last + 1) {
            Some(n) if !is_function(n) && plural_noun(n).is_some() => last + 1,
            _ => last,
        };
        Some((h, name))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};
    use crate::model::{Amount, ClaimValue};

    #[test]
    fn exact_counts_skip_adjectives() {
        assert_eq!(
            one("DOI reviewed 5 incidents."),
            q("quantity", "5 incidents", "5 incident")
        );
        assert_eq!(
            one("It made seven new recommendations."),
            q("quantity", "seven new recommendations", "7 recommendation")
        );
        assert_eq!(
            one("It found a single clear violation."),
            q("quantity", "a single clear violation", "1 violation")
        );
        assert_eq!(
            one("They found one instance where it failed."),
            q("quantity", "one instance", "1 instance")
        );
        assert_eq!(
            one("It covered five separate incidents."),
            q("quantity", "five separate incidents", "5 incident")
        );
        assert_eq!(
            one("Of the five cases, one stood out."),
            q("quantity", "five cases", "5 case")
        );
        assert_eq!(
            one("In the four other incidents, it complied."),
            q("quantity", "four other incidents", "4 incident")
        );
        assert_eq!(
            one("Police held 200 people."),
            q("quantity", "200 people", "200 person")
        );
        assert_eq!(
            one("Twenty-six children were hurt."),
            q("quantity", "Twenty-six children", "26 child")
        );
        assert_eq!(
            one("The 2 legislators objected."),
            q("quantity", "2 legislators", "2 legislator")
        );
        assert_eq!(
            one("He joined 238 other Venezuelan migrants."),
            q("quantity", "238 other Venezuelan migrants", "238 migrant")
        );
        assert_eq!(
            one("A dozen officers came."),
            q("quantity", "A dozen officers", "12 officer")
        );
        assert_eq!(
            one("It has one hundred and five members."),
            q("quantity", "one hundred and five members", "105 member")
        );
    }

    #[test]
    fn counts_of_models() {
        assert_eq!(
            show("They will accelerate 12 737 MAX 9 aircraft deliveries."),
            vec![q("quantity", "12 737 MAX 9 aircraft", "12 737 max 9")]
        );
        assert_eq!(
            show("It bought two F-35 jets."),
            vec![q("quantity", "two F-35 jets", "2 f-35")]
        );
    }

    #[test]
    fn parts_of_a_set_named_before() {
        assert_eq!(
            show("The four robbers, two of whom were disguised as women, fled."),
            vec![
                q("quantity", "four robbers", "4 robber"),
                q("quantity", "two of whom", "2 robber")
            ]
        );
        assert_eq!(
            show("A gang of four thieves -- two of them disguised as women -- fled."),
            vec![
                q("quantity", "four thieves", "4 thief"),
                q("quantity", "two of them", "2 thief")
            ]
        );
    }

    #[test]
    fn vague_amounts() {
        let v = |t: &str| match run(t).into_iter().next() {
            Some((
                _,
                s,
                ClaimValue::Quantity {
                    amount: Amount::Vague { label, low, high },
                    unit,
                },
            )) => (s, label, low, high, unit),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            v("It found multiple violations."),
            (
                "multiple violations".into(),
                "multiple".into(),
                2.0,
                None,
                "violation".into()
            )
        );
        assert_eq!(
            v("It found several gaps."),
            (
                "several gaps".into(),
                "several".into(),
                2.0,
                None,
                "gap".into()
            )
        );
        assert_eq!(
            v("It found a number of gaps."),
            (
                "a number of gaps".into(),
                "a number of".into(),
                2.0,
                None,
                "gap".into()
            )
        );
        assert_eq!(
            v("ICE would send hundreds of agents."),
            (
                "hundreds of agents".into(),
                "hundreds".into(),
                200.0,
                None,
                "agent".into()
            )
        );
        assert_eq!(
            v("Dozens of the protesters left."),
            (
                "Dozens of the protesters".into(),
                "dozens".into(),
                24.0,
                None,
                "protester".into()
            )
        );
        assert_eq!(
            v("It sent a few officers."),
            (
                "a few officers".into(),
                "a few".into(),
                2.0,
                Some(5.0),
                "officer".into()
            )
        );
        assert_eq!(
            v("Many people came."),
            (
                "Many people".into(),
                "many".into(),
                2.0,
                None,
                "person".into()
            )
        );
        assert!(run("Many of them left.").is_empty());
        assert!(run("It was a lot of work.").is_empty());
    }

    #[test]
    fn both_counts_two() {
        assert_eq!(
            one("Both officers were disciplined."),
            q("quantity", "Both officers", "2 officer")
        );
        assert_eq!(
            one("The officers both resigned."),
            q("quantity", "both", "2 officer")
        );
        assert!(run("It violated both department policy and city law.").is_empty());
        assert!(run("It violated both policies and laws.").is_empty());
    }

    #[test]
    fn labels_addresses_times_and_pronouns_are_not_counts() {
        for t in [
            "It breaks Local Law 228, which requires logs.",
            "Traffic on Route 9 stopped.",
            "Bill No. 5 passed.",
            "They rallied outside 26 Federal Plaza on Tuesday.",
            "It began at 3 p.m. on Friday.",
            "It began at 3:30 on Friday.",
            "She came 5th in the race.",
            "He read Catch-22 twice.",
            "Call 555-1234 today.",
            "Call 212-555-1234 today.",
            "One of them left.",
            "No one was hurt.",
            "She is the one who called.",
            "They helped one another.",
            "It happened five days earlier.",
            "It was one of the worst.",
            "He saw Ocean's Eleven Thieves twice.",
            "In the 1990s crime fell.",
            "One in three adults voted.",
            "About 1 in 5 adults voted.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", show(t));
        }
    }

    #[test]
    fn title_case_headlines_count_number_words() {
        assert_eq!(
            one("Police Make Nine Arrests in Raid"),
            q("quantity", "Nine Arrests", "9 arrest")
        );
        assert_eq!(
            one("Ten Dead in Iran Quake"),
            q("quantity", "Ten Dead", "10 dead")
        );
        assert_eq!(
            show("Quake Leaves Ten Dead and Forty Injured in the North"),
            [
                q("quantity", "Ten Dead", "10 dead"),
                q("quantity", "Forty Injured", "40 injured")
            ]
        );
        assert!(run("He saw Ocean's Eleven twice.").is_empty());
        assert!(run("They watched Ocean's Eleven Thieves twice on Sunday.").is_empty());
    }
}
