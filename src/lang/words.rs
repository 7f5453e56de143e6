//! How common words are in English at large (`data/wordfreq.tsv`).
//!
//! A word's weight in a comparison falls with its frequency: two sentences
//! that share "epicentre" say more alike than two that share "people". The
//! weights come from general English, not from the documents of a run, so a
//! draft checked against one reference weighs its words as a folder of a
//! thousand articles would.

// foldhash rather than SipHash: looked up for nearly every word of every
// document, holding no attacker's keys.
use foldhash::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/wordfreq.tsv");

/// Zipf frequency given to words the list does not hold: names and rare
/// words, the most telling of all.
pub const UNLISTED_ZIPF: f32 = 2.0;

fn table() -> &'static HashMap<&'static str, f32> {
    static T: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    T.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, z) = l.split_once('\t')?;
                Some((w, z.trim().parse().ok()?))
            })
            .collect()
    })
}

/// Builds the table ahead of use (see `extract::warm`).
pub fn warm() {
    table();
}

/// The word's Zipf frequency (log10 of its uses per billion words), if the
/// list holds it. `lower` must be lowercase.
pub fn zipf(lower: &str) -> Option<f32> {
    table().get(lower).copied()
}

/// Whether `lower` is an English word of the list at all.
pub fn is_word(lower: &str) -> bool {
    table().contains_key(lower)
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
}
