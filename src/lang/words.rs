//! How common words are in English at large (`data/wordfreq.tsv`).
//!
//! A word's weight in a comparison falls with its frequency: two sentences
//! that share "epicentre" say more alike than two that share "people". The
//! weights come from general English, not from the documents of a run, so a
//! draft checked against one reference weighs its words as a folder of a
//! thousand articles would.

// foldhash rather than SipHash: looked up for nearly every word of every
// document, holding no attacker's keys.
use super::wordlist::{FUNCTION_WORDS, STOPWORDS};
use foldhash::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/wordfreq.tsv");

/// Zipf frequency given to words the list does not hold: names and rare
/// words, the most telling of all.
pub const UNLISTED_ZIPF: f32 = 2.0;

/// What the word lists say of one word, read in one lookup: a document's
/// profile reads every word of the document, and asking the frequency list,
/// the stop words and the function words in turn cost three.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Class {
    /// The word's Zipf frequency, if the list holds it (see [`zipf`]).
    pub zipf: Option<f32>,
    /// A stop word or a function word ([`STOPWORDS`], [`FUNCTION_WORDS`]).
    pub listed: bool,
}

fn table() -> &'static HashMap<&'static str, Class> {
    static T: OnceLock<HashMap<&'static str, Class>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<&'static str, Class> = DATA
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, z) = l.split_once('\t')?;
                let class = Class {
                    zipf: Some(z.trim().parse().ok()?),
                    listed: false,
                };
                Some((w, class))
            })
            .collect();
        for w in STOPWORDS.words().chain(FUNCTION_WORDS.words()) {
            t.entry(w).or_default().listed = true;
        }
        t
    })
}

/// Builds the table ahead of use (see `extract::warm`).
pub fn warm() {
    table();
}

/// What the lists say of `lower`, which must be lowercase.
pub fn class(lower: &str) -> Class {
    table().get(lower).copied().unwrap_or_default()
}

/// The word's Zipf frequency (log10 of its uses per billion words), if the
/// list holds it. `lower` must be lowercase.
pub fn zipf(lower: &str) -> Option<f32> {
    table().get(lower).and_then(|c| c.zipf)
}

/// Whether `lower` is an English word of the list at all.
pub fn is_word(lower: &str) -> bool {
    zipf(lower).is_some()
}

/// How much a shared word says, from 0.1 (the commonest) to 4.5 (a word
/// no list holds, such as a place name).
pub fn weight(lower: &str) -> f32 {
    let z = zipf(lower).unwrap_or(UNLISTED_ZIPF);
    (6.5 - z).clamp(0.1, 4.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        assert!(weight("the") < 0.2);
        assert!(weight("people") < weight("quake"));
        assert!(weight("quake") < weight("qeshm"));
        assert!(is_word("magnitude"));
        assert!(!is_word("qeshm"));
    }

    #[test]
    fn one_lookup_says_what_each_list_says() {
        for w in ["the", "of", "said", "people", "quake", "qeshm", "would"] {
            let c = class(w);
            assert_eq!(c.zipf, zipf(w), "{w}");
            assert_eq!(
                c.listed,
                STOPWORDS.contains(w) || FUNCTION_WORDS.contains(w),
                "{w}"
            );
        }
        assert!(class("the").listed && class("the").zipf.is_some());
        assert!(!class("quake").listed && class("quake").zipf.is_some());
        assert_eq!(class("qeshm"), Class::default());
    }
}
