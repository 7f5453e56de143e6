//! Attribute conflict: ages, money, sizes and percentages of the same person
//! or thing.
//!
//! Ages meet by the person they describe (names matched fuzzily, so
//! "Gutiérrez Flores" meets "Merwil Gutiérrez Flores"); money, sizes and
//! percentages by their unit and the sentence around them.

use super::rule::{self, Rule};
use super::Severity;
use super::{FindingKind, Relation};
use crate::align::frames::Block;
use crate::align::Aligned;
use crate::lang::lexicon::Lexicon;
use crate::model::{Amount, Claim, ClaimKind, ClaimValue};

pub static RULE: Rule = Rule {
    kind: FindingKind::AttributeConflict,
    id: "attribute-conflict",
    name: "AttributeConflict",
    short: "Sources give the same attribute different values",
    help: "An age of the same person, or money, a size or a percentage of the same thing, \
           differs between sources.",
    level: Severity::Error,
    between_sources: Some(Severity::Error),
    groups_values: true,
    states_one_fact: true,
    contradicts: true,
    relate: Some(relate),
    message: rule::value_message,
    in_words: rule::value_in_words,
};

/// How well two values must frame one fact to be compared.
/// Between documents whose story is only inferred (no --against).
pub const MIN_SCORE_INFERRED: f32 = 0.7;
pub const MIN_SCORE: f32 = 0.4;

/// The amount of an attribute claim, in its dimension's base unit for a
/// size ("36 miles" and "58 km" are compared in metres), signed for a
/// change ("down 5%" is -5).
fn amount(c: &Claim) -> Option<Amount> {
    let a = match &c.value {
        ClaimValue::Age { amount, .. }
        | ClaimValue::Money { amount, .. }
        | ClaimValue::Percent { amount } => amount.clone(),
        ClaimValue::Size { amount, unit } => {
            let factor = Lexicon::bundled()
                .unit(&unit.to_lowercase())
                .map_or(1.0, |u| u.1);
            scale(amount, factor)
        }
        _ => return None,
    };
    Some(a)
}

fn scale(a: &Amount, f: f64) -> Amount {
    match a.clone() {
        Amount::Exact { value } => Amount::Exact { value: value * f },
        Amount::Approx { value } => Amount::Approx { value: value * f },
        Amount::MoreThan { value } => Amount::MoreThan { value: value * f },
        Amount::AtLeast { value } => Amount::AtLeast { value: value * f },
        Amount::LessThan { value } => Amount::LessThan { value: value * f },
        Amount::AtMost { value } => Amount::AtMost { value: value * f },
        Amount::Between { low, high } => Amount::Between {
            low: low * f,
            high: high * f,
        },
        Amount::Vague { label, low, high } => Amount::Vague {
            label,
            low: low * f,
            high: high.map(|h| h * f),
        },
    }
}

/// Whether two attribute values can state one figure. Figures given in
/// different units are conversions, rounded: they agree within 10%.
pub fn agree(a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (amount(a), amount(b)) else {
        return true;
    };
    if let (Some(da), Some(db)) = (&a.frame.change, &b.frame.change) {
        if da != db {
            return false;
        }
    }
    let factor = |u: &str| {
        Lexicon::bundled()
            .unit(&u.to_lowercase())
            .map_or(1.0, |x| x.1)
    };
    let converted = match (&a.value, &b.value) {
        (ClaimValue::Size { unit: ua, .. }, ClaimValue::Size { unit: ub, .. }) => {
            factor(ua) != factor(ub)
        }
        _ => false,
    };
    if converted {
        let widen = |a: &Amount| {
            let (lo, hi) = super::amounts::reader_bounds(a);
            Amount::Between {
                low: lo * 0.9,
                high: if hi.is_finite() { hi * 1.1 } else { hi },
            }
        };
        let ((alo, ahi), (blo, bhi)) = (
            super::amounts::reader_bounds(&widen(&x)),
            super::amounts::reader_bounds(&widen(&y)),
        );
        return alo <= bhi && blo <= ahi;
    }
    // A person's age moves on a year on their birthday: a year apart is
    // not a contradiction between reports of unknown dates.
    if let (ClaimValue::Age { .. }, ClaimValue::Age { .. }) = (&a.value, &b.value) {
        if let (Amount::Exact { value: p }, Amount::Exact { value: q }) = (&x, &y) {
            return (p - q).abs() <= 1.0;
        }
    }
    // Figures written to a fine precision are compared to it: "$1.28 to
    // $1.40" is not "$1.30 to $1.40", nor "$3.500 billion" "$3.515 billion",
    // though "1.3" or "3.5" would round to either.
    if let (Some(ha), Some(hb)) = (written_half(a), written_half(b)) {
        return super::amounts::compatible_within(&x, &y, ha.max(hb));
    }
    super::amounts::compatible_measure(&x, &y)
}

/// Half a unit of the last digit a money claim writes after a decimal
/// point, in the claim's own scale: 0.005 for "$1.30", 500,000 for "$3.500
/// billion"; `None` for a figure written without decimals.
fn written_half(c: &Claim) -> Option<f64> {
    if !matches!(c.value, ClaimValue::Money { .. }) {
        return None;
    }
    let s = c.surface();
    let b = s.as_bytes();
    let mut best: Option<f64> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'.'
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let decimals = (j - i - 1) as i32;
            let word: String = s[j..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let scale = crate::lang::numbers::scale_of(&word).unwrap_or(1.0);
            // One decimal of a scaled figure ("$1.8 billion") is a round
            // figure, not a precise one.
            if decimals >= 2 || (decimals == 1 && scale == 1.0) {
                let half = 0.5 * 10f64.powi(-decimals) * scale;
                best = Some(best.map_or(half, |h: f64| h.max(half)));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    best
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    let mut out = Vec::new();
    let keep = |b: &Block| {
        matches!(
            b,
            Block::Age | Block::Money(_) | Block::Percent | Block::Size(_)
        )
    };
    for (a, b, _) in al.frame_pairs(
        keep,
        crate::align::Floors {
            inferred: MIN_SCORE_INFERRED,
            against: MIN_SCORE,
        },
    ) {
        let (ca, cb) = (al.claim(a), al.claim(b));
        if ca.kind != ClaimKind::Age && super::dated_apart(al, a, b) {
            continue;
        }
        out.push(Relation::new(
            a,
            b,
            FindingKind::AttributeConflict,
            agree(ca, cb),
        ));
    }
    out
}

#[cfg(test)]
mod frame_tests {
    use crate::judge::testing::draft_errors;
    use crate::judge::FindingKind;

    const REPORT: &str = "The survey put the epicentre about 58 km (36 miles) south-west of Port Elm, at a depth of 10 km.";

    #[test]
    fn a_distance_meets_its_conversion_and_not_the_depth() {
        assert_eq!(
            draft_errors(
                "The epicentre was 36 miles south-west of Port Elm.",
                &[REPORT]
            ),
            vec![]
        );
        let errors = draft_errors(
            "The epicentre was 150 kilometres south-west of Port Elm.",
            &[REPORT],
        );
        assert_eq!(
            errors,
            vec![("150 kilometres".to_string(), FindingKind::AttributeConflict)]
        );
    }

    #[test]
    fn money_written_to_the_cent_is_compared_to_the_cent() {
        let report = "We expect earnings per diluted share in the range of $1.30 to $1.40 for the fourth quarter.";
        assert_eq!(
            draft_errors("The company expects earnings per diluted share in the range of $1.28 to $1.40 for the fourth quarter.", &[report]).len(),
            1
        );
        assert_eq!(
            draft_errors("The company expects earnings per diluted share of $1.30 to $1.40 in the fourth quarter.", &[report]),
            vec![]
        );
    }

    #[test]
    fn a_figure_is_as_precise_as_its_decimals_in_its_own_scale() {
        let half = |text: &str| {
            let docs = crate::judge::testing::docs(&[text]);
            let c = docs[0]
                .claims
                .iter()
                .find(|c| matches!(c.value, crate::model::ClaimValue::Money { .. }))
                .expect("a money claim")
                .clone();
            super::written_half(&c)
        };
        assert_eq!(half("The deal was worth $3.500 billion."), Some(5e5));
        assert_eq!(half("The firm paid $2.25bn for it."), Some(5e6));
        assert_eq!(half("It raised $1.75 trillion in all."), Some(5e9));
        assert_eq!(half("Shares closed at $1.30 on Friday."), Some(0.005));
        // One decimal of a scaled figure is a round figure.
        assert_eq!(half("The deal was worth $1.8 billion."), None);
        assert_eq!(half("The deal was worth $2 billion."), None);
    }
}
