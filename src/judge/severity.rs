//! How severe a conflict is, from the independent sources on each side.
//!
//! Between sources, the side fewer sources state is an error and a tie a
//! warning. With `--against`, the references are the authority: a draft
//! value they contradict and none supports is an error, and a draft siding
//! with one of two references that disagree is worth a look.

use super::Severity;

/// Where a conflicting claim stands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Standing {
    /// Independent sources stating the claim's value, its own included.
    pub support: usize,
    /// Independent sources stating a conflicting value and none compatible.
    pub against: usize,
    /// The most sources against the claim that agree among themselves
    /// (`None` where the claims are not grouped by value).
    pub against_as_one: Option<usize>,
    /// Whether the claim is a draft's, checked against references.
    pub is_draft: bool,
    /// For a draft: whether a reference supports its value, if only
    /// loosely.
    pub referenced: bool,
    /// Whether the only other side is a copy of the same text that changed
    /// the value.
    pub within_source: bool,
}

/// The severity of the conflict, before the rule's cap; `None` when the
/// claim's side holds.
pub fn severity(s: &Standing) -> Option<Severity> {
    if s.is_draft {
        if s.against > 0 && !s.referenced {
            Some(Severity::Error)
        } else if s.against > 0 || s.within_source {
            Some(Severity::Warning)
        } else {
            None
        }
    } else if s.support < s.against_as_one.unwrap_or(s.against).min(s.against) {
        // Outvoted by sources that agree with one another: seven reports of
        // 10 against one of 40, not one of 40 against reports of 10, 70 and
        // 777 that are of other things.
        Some(Severity::Error)
    } else if s.support == s.against && s.against > 0 || s.within_source {
        Some(Severity::Warning)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn between(support: usize, against: usize, as_one: Option<usize>) -> Option<Severity> {
        severity(&Standing {
            support,
            against,
            against_as_one: as_one,
            ..Standing::default()
        })
    }

    #[test]
    fn between_sources_the_minority_is_an_error_and_a_tie_a_warning() {
        assert_eq!(between(1, 2, None), Some(Severity::Error));
        assert_eq!(between(2, 2, None), Some(Severity::Warning));
        assert_eq!(between(2, 1, None), None);
    }

    #[test]
    fn a_claim_is_outvoted_only_by_sources_that_agree_among_themselves() {
        // One 40 against reports of 10, 70 and 777: three sources, but no
        // two of them say the same thing.
        assert_eq!(between(1, 3, Some(1)), None);
        assert_eq!(between(1, 3, Some(2)), Some(Severity::Error));
    }

    #[test]
    fn a_draft_the_references_contradict_and_none_supports_is_an_error() {
        let draft = |against, referenced| {
            severity(&Standing {
                support: 1,
                against,
                is_draft: true,
                referenced,
                ..Standing::default()
            })
        };
        // Outnumbering does not matter: the references are the authority.
        assert_eq!(draft(1, false), Some(Severity::Error));
        // References that disagree among themselves: siding with one is a
        // warning.
        assert_eq!(draft(1, true), Some(Severity::Warning));
        assert_eq!(draft(0, true), None);
    }

    #[test]
    fn a_copy_that_changed_a_value_is_worth_a_look() {
        let s = Standing {
            support: 1,
            within_source: true,
            ..Standing::default()
        };
        assert_eq!(severity(&s), Some(Severity::Warning));
        assert_eq!(
            severity(&Standing {
                is_draft: true,
                ..s
            }),
            Some(Severity::Warning)
        );
    }
}
