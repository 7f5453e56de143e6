//! Magnitudes of earthquakes: "magnitude 6.1", "a magnitude of at least
//! 5.9", "a magnitude-5.9 quake", "6.1 on the Richter scale", "6.1
//! magnitude", and "measuring 6.1" where "magnitude" is written nearby.

use super::amount::{with_bound, Bound, Figure, Tail};
use super::duration::duration_unit;
use super::size::measure_unit;
use super::{Reading, Scan};
use crate::extract::numbers::leading_numeral;
use crate::model::Word;
use crate::model::{Amount, ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

impl Scan<'_> {
    /// "a magnitude-5.9 quake": the magnitude and its figure in one token.
    pub(super) fn magnitude_word(&self, i: usize, w: &str) -> Reading {
        let Some((v, "")) = w.strip_prefix("magnitude-").and_then(leading_numeral) else {
            return Continue(());
        };
        if v > 10.0 {
            return Break(None);
        }
        let bound = self.bound_before(i);
        let first = bound.map_or(i, |b| b.1);
        let amount = with_bound(bound.map(|b| b.0), v);
        Break(Some((
            self.found(
                ClaimKind::Size,
                first,
                i,
                ClaimValue::Size {
                    amount,
                    unit: Word::new("magnitude"),
                },
            ),
            i + 1,
        )))
    }

    /// A figure of ten or less told as a magnitude by the words before or
    /// after it.
    pub(super) fn magnitude(&self, f: &Figure) -> Reading {
        let (first, j, num, high) = (f.first, f.j, &f.num, f.high);
        if !(f.currency.is_none()
            && matches!(num.tail, Tail::None | Tail::Range(_))
            && num.value <= 10.0
            && high.is_none_or(|h| h <= 10.0))
        {
            return Continue(());
        }
        let mut mfirst = first;
        let mut mbound = f.bound;
        let mut prefix = false;
        if f.bound.is_none() {
            if let Some(m) = self.magnitude_before(f.i) {
                prefix = true;
                mfirst = m;
                mbound = self.bound_before(m);
                if let Some((_, b)) = mbound {
                    mfirst = b;
                }
            }
        } else if let Some(m) = self.magnitude_before(first) {
            prefix = true;
            mfirst = m;
        }
        let suffix = self.magnitude_after(j);
        let measuring = !prefix
            && suffix.is_none()
            && mfirst > 0
            && matches!(self.lw(mfirst - 1), Some("measuring" | "measured"))
            && self.lw(j).is_none_or(|n| {
                measure_unit(n).is_none()
                    && duration_unit(n).is_none()
                    && !matches!(n, "percent" | "per" | "pct" | "percentage")
            })
            && (mfirst.saturating_sub(6)..mfirst - 1)
                .chain(j..(j + 6).min(self.t.len()))
                .any(|k| matches!(self.lw(k), Some("magnitude" | "richter")));
        if !(prefix || suffix.is_some() || measuring) {
            return Continue(());
        }
        if matches!(mbound, Some((Bound::Between, _))) && high.is_none() {
            return Break(None);
        }
        let amount = match high {
            Some(h) => Amount::Between {
                low: num.value,
                high: h,
            },
            None => with_bound(mbound.map(|b| b.0), num.value),
        };
        let end = suffix.unwrap_or(f.last);
        Break(Some((
            self.found(
                ClaimKind::Size,
                mfirst,
                end,
                ClaimValue::Size {
                    amount,
                    unit: Word::new("magnitude"),
                },
            ),
            end + 1,
        )))
    }

    /// "magnitude" or "a magnitude of" just before token `k`: where it starts.
    fn magnitude_before(&self, k: usize) -> Option<usize> {
        let w = |d: usize| if k >= d { self.lw(k - d) } else { None };
        match (w(3), w(2), w(1)) {
            (_, _, Some("magnitude")) => Some(k - 1),
            (Some("a"), Some("magnitude"), Some("of")) => Some(k - 3),
            (_, Some("magnitude"), Some("of")) => Some(k - 2),
            _ => None,
        }
    }

    /// "magnitude" or "on the Richter scale" at token `j`: its last token.
    fn magnitude_after(&self, j: usize) -> Option<usize> {
        let scale = |k: usize| {
            if self.lw(k) == Some("scale") {
                k
            } else {
                k - 1
            }
        };
        match (self.lw(j), self.lw(j + 1), self.lw(j + 2)) {
            (Some("magnitude"), _, _) => Some(j),
            (Some("richter"), _, _) => Some(scale(j + 1)),
            (Some("on"), Some("the"), Some("richter")) => Some(scale(j + 3)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q, run, show};

    #[test]
    fn magnitudes() {
        for (t, surface, display) in [
            (
                "A magnitude 6.1 quake struck.",
                "magnitude 6.1",
                "6.1 magnitude",
            ),
            (
                "It had a magnitude of 5.9.",
                "a magnitude of 5.9",
                "5.9 magnitude",
            ),
            (
                "A magnitude-5.9 quake struck.",
                "magnitude-5.9",
                "5.9 magnitude",
            ),
            (
                "It measured 6.1 on the Richter scale.",
                "6.1 on the Richter scale",
                "6.1 magnitude",
            ),
            (
                "A quake measuring 6.1 magnitude hit.",
                "6.1 magnitude",
                "6.1 magnitude",
            ),
            (
                "A 6.1-magnitude quake struck.",
                "6.1-magnitude",
                "6.1 magnitude",
            ),
            (
                "It struck at least magnitude 5.9 near Tabriz.",
                "at least magnitude 5.9",
                ">=5.9 magnitude",
            ),
            (
                "A quake of a magnitude of nearly 6 hit.",
                "a magnitude of nearly 6",
                "~6 magnitude",
            ),
            (
                "The magnitude of the quake, measuring 6.1, surprised them.",
                "6.1",
                "6.1 magnitude",
            ),
        ] {
            assert_eq!(one(t), q("size", surface, display), "{t}");
        }
        assert_eq!(
            one("The pool measuring 6 meters was built."),
            q("size", "6 meters", "6 meter")
        );
        assert!(show("A quake measuring 6 hit the town.")
            .iter()
            .all(|c| !c.2.ends_with("magnitude")));
        assert!(run("The magnitude of 5 million losses stunned them.")
            .iter()
            .all(|c| !c.2.display().ends_with("magnitude")));
    }
}
