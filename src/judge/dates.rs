//! Date conflict: the same event dated by intervals that cannot overlap.
//!
//! Nested or overlapping granularity is agreement: "March 10" sits inside
//! "early March 2025", which sits inside "March 2025".

use super::rule::{self, Rule};
use super::Severity;
use super::{FindingKind, Relation};
use crate::align::frames::Block;
use crate::align::Aligned;
use crate::model::{ClaimValue, DateValue, Granularity};

pub static RULE: Rule = Rule {
    kind: FindingKind::DateConflict,
    id: "date-conflict",
    name: "DateConflict",
    short: "Sources date the same event differently",
    help: "The same event is dated by intervals that cannot overlap. Nested precision agrees \
           (\"March 10\" lies within \"early March 2025\"). The side fewer independent sources \
           state is an error, a tie a warning; with --against, a draft date the references \
           contradict and none supports is an error. Check the date against the primary source.",
    level: Severity::Error,
    between_sources: Some(Severity::Error),
    groups_values: true,
    states_one_fact: true,
    contradicts: true,
    relate: Some(relate),
    message: rule::value_message,
    in_words: rule::value_in_words,
};

/// How well two dates must frame one event to be compared: between
/// documents whose story is only inferred (no --against), and against
/// references.
pub const MIN_SCORE_INFERRED: f32 = 0.7;
pub const MIN_SCORE: f32 = 0.45;
/// Clause likeness at which a year-only date is compared as closely as a
/// full one, against references.
pub const SAME_CLAUSE: f32 = 0.6;
/// Year-only dates are loose: they conflict only when their frames match
/// clearly ("began modelling in 1950" and "began modelling in 1952").
pub const MIN_SCORE_YEAR: f32 = 0.75;

/// The date a claim gives its event, if it gives one.
pub fn date_of(v: &ClaimValue) -> Option<&DateValue> {
    match v {
        ClaimValue::Date(d) => Some(d),
        ClaimValue::TableRow { date: Some(d), .. } => Some(d),
        _ => None,
    }
}

pub fn relate(al: &Aligned) -> Vec<Relation> {
    // Calendar dates only: PRESENT_REF and the like say nothing checkable.
    let anchored = |i: usize| {
        date_of(&al.claim(i).value).is_some_and(|d| {
            d.granularity <= Granularity::Year
                && ((d.interval.is_some() && d.value.starts_with(|c: char| c.is_ascii_digit()))
                    || no_year(d))
        })
    };
    // Nouns each document counts as several ("six complaints"): its dated
    // instances are members of a set, not one event.
    let lex = crate::lang::lexicon::Lexicon::bundled();
    let mut several: Vec<Vec<String>> = vec![Vec::new(); al.docs.len()];
    for (i, it) in al.items.iter().enumerate() {
        let c = al.claim(i);
        if let (Some(noun), Some(amount)) = (&c.frame.of, super::counts::amount_of(&c.value)) {
            if amount.bounds().0 >= 2.0 {
                several[it.doc].push(lex.concept(noun).to_string());
            }
        }
    }
    let instances_of_a_set = |a: usize, b: usize| {
        let (fa, fb) = (&al.claim(a).frame, &al.claim(b).frame);
        match (&fa.of, &fb.of) {
            (Some(x), Some(y)) if lex.concept(x) == lex.concept(y) => {
                let x = lex.concept(x).to_string();
                several[al.items[a].doc].contains(&x) || several[al.items[b].doc].contains(&x)
            }
            _ => false,
        }
    };
    let mut out = Vec::new();
    for (a, b, score) in al.frame_pairs(
        |b| *b == Block::Date,
        crate::align::Floors {
            inferred: MIN_SCORE_INFERRED,
            against: MIN_SCORE,
        },
    ) {
        if !anchored(a) || !anchored(b) || instances_of_a_set(a, b) {
            continue;
        }
        let against = al.against(al.items[a].doc, al.items[b].doc);
        let (da, db) = (
            date_of(&al.claim(a).value).unwrap(),
            date_of(&al.claim(b).value).unwrap(),
        );
        if shaky(al, a, da) || shaky(al, b, db) || no_year(da) || no_year(db) {
            if let Some(agree) = agree(al, a, b) {
                // The other date may be given elsewhere in the sentence.
                let sibling = |x: usize, y: usize| {
                    al.sentence(x)
                        .any(|k| k != x && self::agree(al, k, y) == Some(true))
                };
                if !agree && (sibling(a, b) || sibling(b, a)) {
                    continue;
                }
                out.push(Relation::new(a, b, FindingKind::DateConflict, agree));
            }
            continue;
        }
        let (Some(ia), Some(ib)) = (da.interval, db.interval) else {
            continue;
        };
        if ia.overlaps(&ib) {
            out.push(Relation::new(a, b, FindingKind::DateConflict, true));
            continue;
        }
        let same_event =
            al.claim(a).frame.event.is_some() && al.claim(a).frame.event == al.claim(b).frame.event;
        // Or its clause says the same around it ("sales forecast for 2021
        // remains in the range").
        let same_clause = against && al.local_similarity(a, b) >= SAME_CLAUSE;
        if (da.granularity >= Granularity::Year || db.granularity >= Granularity::Year)
            && !(same_event || same_clause)
            && score < MIN_SCORE_YEAR
        {
            continue;
        }
        // A sentence with several dates may be giving the other source's
        // date elsewhere in it.
        if sibling_overlaps(al, a, &ib) || sibling_overlaps(al, b, &ia) {
            continue;
        }
        out.push(Relation::new(a, b, FindingKind::DateConflict, false));
    }
    out
}

/// A date whose year was only guessed: resolved against a reference
/// guessed from the document's body ("December 2" in an article without a
/// dateline).
fn shaky(al: &Aligned, i: usize, d: &DateValue) -> bool {
    d.relative && !reliable_reference(al, i)
}

/// Whether two dates can name the same day or period (`None`: they cannot
/// be compared). A date whose year was only guessed is compared by month
/// and day, or quarter; one resolved against a guessed day ("Thursday",
/// "last month") not at all.
pub fn agree(al: &Aligned, a: usize, b: usize) -> Option<bool> {
    let calendar = |d: &DateValue| {
        (d.interval.is_some() && d.value.starts_with(|c: char| c.is_ascii_digit())) || no_year(d)
    };
    let da = date_of(&al.claim(a).value)
        .filter(|d| calendar(d) && d.granularity <= Granularity::Year)?;
    let db = date_of(&al.claim(b).value)
        .filter(|d| calendar(d) && d.granularity <= Granularity::Year)?;
    // Without a year ("XXXX-11-18": no reference gave one), or with a
    // guessed one, only the month and day can be compared.
    let (sa, sb) = (
        shaky(al, a, da) || no_year(da),
        shaky(al, b, db) || no_year(db),
    );
    if sa || sb {
        if (sa && !yearless(al.claim(a).surface())) || (sb && !yearless(al.claim(b).surface())) {
            return None;
        }
        return same_month_day(da, db);
    }
    Some(da.interval?.overlaps(&db.interval?))
}

/// A month or day whose year no reference gave (`XXXX-11-18`).
fn no_year(d: &DateValue) -> bool {
    d.value.starts_with("XXXX-") && within_year(&d.value).is_some()
}

/// Whether a date was written without a year but with a part of one: a
/// month ("December 2", "Nov. 18", "in March") or a quarter or half ("Q3",
/// "the third quarter", "the first half").
fn yearless(surface: &str) -> bool {
    let mut part = false;
    for w in surface.split(|c: char| !c.is_alphanumeric()) {
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let lower = w.to_lowercase();
        if crate::lang::calendar::month_number(w)
            .is_some_and(|_| crate::lang::wordlist::is_calendar_word(&lower))
            || matches!(
                lower.as_str(),
                "quarter"
                    | "half"
                    | "q1"
                    | "q2"
                    | "q3"
                    | "q4"
                    | "h1"
                    | "h2"
                    | "1q"
                    | "2q"
                    | "3q"
                    | "4q"
            )
        {
            part = true;
        }
    }
    part
}

/// The months (first, last) and day a TIMEX3 value names within its year:
/// `2020-Q3` → (7, 9, None), `2005-11-27` → (11, 11, Some(27)).
fn within_year(value: &str) -> Option<(u8, u8, Option<u8>)> {
    let rest = value.get(5..)?;
    if !value[..4].bytes().all(|b| b.is_ascii_digit() || b == b'X') || rest.starts_with('W') {
        return None;
    }
    let num = |s: &str| s.parse::<u8>().ok();
    Some(match rest.as_bytes() {
        [b'Q', q] => {
            let q = (q - b'0') * 3;
            (q - 2, q, None)
        }
        [b'H', h] => {
            let h = (h - b'0') * 6;
            (h - 5, h, None)
        }
        _ => {
            let mut parts = rest.split('-');
            let m = num(parts.next()?)?;
            (m, m, parts.next().and_then(num))
        }
    })
}

/// Whether two dates name the same part of a year, whatever their years
/// (`None` when either names no month, quarter or half).
fn same_month_day(a: &DateValue, b: &DateValue) -> Option<bool> {
    let (a0, a1, ad) = within_year(&a.value)?;
    let (b0, b1, bd) = within_year(&b.value)?;
    let months = a0 <= b1 && b0 <= a1;
    let days = match (ad, bd) {
        (Some(x), Some(y)) => x == y || a0 != a1 || b0 != b1 || a0 != b0,
        _ => true,
    };
    Some(months && days)
}

fn reliable_reference(al: &Aligned, i: usize) -> bool {
    al.docs[al.items[i].doc].reference.reliable()
}

/// Whether another date in the same sentence as item `i` overlaps `iv`.
fn sibling_overlaps(al: &Aligned, i: usize, iv: &crate::model::Interval) -> bool {
    al.sentence(i).any(|k| {
        k != i
            && date_of(&al.claim(k).value)
                .and_then(|d| d.interval)
                .is_some_and(|x| x.overlaps(iv))
    })
}

#[cfg(test)]
mod tests {
    use crate::judge::testing::draft_errors;
    use crate::judge::FindingKind;

    const REPORT: &str = "published: 2005-11-28\nA strong earthquake struck the island of Varna on Sunday, flattening seven villages, officials said.\nRelief trucks reached the island on Monday.";

    #[test]
    fn a_changed_date_of_the_same_event_is_an_error() {
        let errors = draft_errors(
            "An earthquake struck the island of Varna on Thursday, November 24, 2005, flattening villages.",
            &[REPORT],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].1, FindingKind::DateConflict);
    }

    #[test]
    fn the_date_of_another_event_is_not_compared() {
        // Monday is when relief arrived, not when the quake struck.
        let errors = draft_errors(
            "published: 2005-11-29\nAn earthquake struck Varna on Sunday. Relief trucks reached the island on Monday, November 28.",
            &[REPORT],
        );
        assert_eq!(errors, vec![]);
    }

    #[test]
    fn without_years_month_and_day_are_compared() {
        let errors = draft_errors(
            "Then, on February 18, the navy had sunk a pirate trawler after a gunbattle.",
            &["The patrol was criticised after the November 18 sinking of a pirate trawler."],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn dated_instances_of_a_counted_set_are_members_not_one_event() {
        let texts = [
            "The inspectorate reviewed six complaints. In the August 2022 complaint, residents reported discoloured water.",
            "The inspectorate reviewed six complaints. In the May 2022 complaint, a school reported low water pressure.",
        ];
        // The second checked against the first: the dates are not a
        // conflict, the set has two members.
        let found =
            crate::judge::testing::findings(&texts, Some(vec![1]), crate::judge::Severity::Warning);
        assert_eq!(found, vec![]);
    }
}
