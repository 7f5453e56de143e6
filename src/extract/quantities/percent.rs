//! Percentages: "12%", "12 percent", "12 per cent", "3 percentage points",
//! and ranges of them ("3% to 5%", read with the figure).

use super::amount::Figure;
use super::{Reading, Scan};
use crate::model::{ClaimKind, ClaimValue};
use std::ops::ControlFlow::{Break, Continue};

impl Scan<'_> {
    /// A percent sign or word after the figure.
    pub(super) fn percent(&self, f: &Figure) -> Reading {
        let j = f.j;
        let end = match (self.punct(j), self.lw(j), self.lw(j + 1)) {
            (Some("%"), _, _) => Some(j),
            (_, Some("percentage"), Some("point" | "points")) => Some(j + 1),
            (_, Some("percent" | "pct" | "percentage"), _) => Some(j),
            (_, Some("per"), Some("cent")) => Some(j + 1),
            _ => None,
        };
        let Some(e) = end else {
            return Continue(());
        };
        if f.currency.is_some() {
            return Break(None);
        }
        Break(Some((
            self.found(
                ClaimKind::Percent,
                f.first,
                e,
                ClaimValue::Percent {
                    amount: f.amount.clone(),
                },
            ),
            e + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::one;

    #[test]
    fn percentages() {
        for (t, s) in [
            ("Crime fell 12 percent.", "12 percent"),
            ("Crime fell 12%.", "12%"),
            ("Crime fell twenty six percent.", "twenty six percent"),
            ("Crime fell 12 per cent.", "12 per cent"),
        ] {
            let (k, surface, _) = one(t);
            assert_eq!((k.as_str(), surface.as_str()), ("percent", s), "{t}");
        }
        assert_eq!(one("Crime fell nearly 12.5%.").2, "~12.5%");
    }
}
