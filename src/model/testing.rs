//! Documents and claims built by hand, for the tests of later stages.

use super::*;

impl Extraction {
    /// A document of these claims, read against no reference.
    pub fn of_claims(path: &str, claims: Vec<Claim>) -> Extraction {
        Extraction {
            path: path.into(),
            title: None,
            outlet: None,
            url: None,
            origin: None,
            reference: Reference::unknown(),
            text: Default::default(),
            claims: claims.into(),
            profile: Default::default(),
        }
    }
}

impl Claim {
    /// "5 raids took place.": a count of raids at the start of line 1.
    pub fn raids(value: f64) -> Claim {
        Claim {
            kind: ClaimKind::Quantity,
            start: 0,
            end: 7,
            line: 1,
            column: 1,
            said: Said::whole("5 raids took place.", Box::default()),
            value: ClaimValue::Quantity {
                amount: Amount::Exact { value },
                unit: "raid".into(),
            },
            frame: Default::default(),
            ends: None,
        }
    }
}
