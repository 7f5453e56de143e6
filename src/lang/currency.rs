//! Currencies (`data/currencies.yaml`): the signs and words that name one
//! in a text, and how a report writes an amount of it.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    #[serde(default)]
    signs: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    write: Write,
}

/// A sign before the figure, or a word after it (one of the two).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Write {
    before: Option<String>,
    after: Option<String>,
}

fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| {
        yaml_serde::from_str(include_str!("../../data/currencies.yaml"))
            .expect("data/currencies.yaml")
    })
}

/// The code of the currency a sign written before a figure names ("£").
pub fn of_sign(sign: &str) -> Option<&'static str> {
    entries()
        .iter()
        .find(|e| e.signs.iter().any(|s| s == sign))
        .map(|e| e.code.as_str())
}

/// The code of the currency a word after a figure names ("euros"), lower case.
pub fn of_word(word: &str) -> Option<&'static str> {
    entries()
        .iter()
        .find(|e| e.words.iter().any(|w| w == word))
        .map(|e| e.code.as_str())
}

/// How an amount in `code` is written: the sign before the figure, or the
/// word after it; an unknown code is written after, as it is.
pub fn written(code: &str) -> (&str, &str) {
    match entries().iter().find(|e| e.code == code) {
        Some(e) => (
            e.write.before.as_deref().unwrap_or(""),
            e.write.after.as_deref().unwrap_or(""),
        ),
        None => ("", code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_words_read_and_amounts_are_written_back() {
        assert_eq!(of_sign("£"), Some("GBP"));
        assert_eq!(of_sign("%"), None);
        assert_eq!(of_word("rupees"), Some("INR"));
        assert_eq!(of_word("sterling"), Some("GBP"));
        assert_eq!(of_word("bananas"), None);
        assert_eq!(written("GBP"), ("£", ""));
        assert_eq!(written("INR"), ("", "rupees"));
        assert_eq!(written("AUD"), ("A$", ""));
        assert_eq!(written("XYZ"), ("", "XYZ"));
    }
}
