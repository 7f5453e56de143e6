//! Word lists kept as data files under `data/`, shared by the recognisers.

use std::sync::OnceLock;

/// A set of lowercase words read from a data file on first use: one or more
/// words per line, `#` starts a comment.
pub struct WordList {
    data: &'static str,
    /// foldhash rather than SipHash: these sets are looked up for nearly
    /// every word of every document, and hold no attacker's keys.
    set: OnceLock<foldhash::HashSet<&'static str>>,
}

impl WordList {
    pub const fn new(data: &'static str) -> Self {
        WordList {
            data,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| {
                self.data
                    .lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim())
                    .flat_map(str::split_whitespace)
                    .collect()
            })
            .contains(word)
    }
}

/// Month and weekday names and the months' abbreviations, lowercase
/// (a trailing full stop is ignored): never a name, never a counted thing.
pub fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_comments() {
        static L: WordList = WordList::new("# a comment\nsaid told\n\nadded # trailing\n");
        assert!(L.contains("said") && L.contains("told") && L.contains("added"));
        assert!(!L.contains("comment") && !L.contains("trailing") && !L.contains("#"));
    }
}
