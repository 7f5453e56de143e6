//! Words that say what a sentence is about: stemmed content terms. (The
//! canonical names of counted things are `lang::units`.)

use crate::lang::wordlist::STOPWORDS;
use std::borrow::Cow;

/// A light suffix-stripping stemmer: enough to meet "alerts"/"alert",
/// "investigated"/"investigation" is left alone on purpose (different roles).
pub fn stem(word: &str) -> String {
    let lower = lowercase(word);
    // As trim_end_matches would, without building a substring searcher for
    // every word.
    let mut w = &*lower;
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("\u{2019}s") {
        w = rest;
    }
    let n = w.chars().count();
    if n <= 3 {
        return w.to_string();
    }
    for (suffix, keep) in [
        ("ies", "y"),
        ("sses", "ss"),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3
                && !(suffix == "s" && (base.ends_with('s') || base.ends_with('u')))
            {
                let mut out = String::with_capacity(base.len() + keep.len());
                out.push_str(base);
                out.push_str(keep);
                return out;
            }
        }
    }
    w.to_string()
}

/// `word` in lower case, copied only when it has a letter to lower.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Content terms of `text`: lowercased, stemmed, without stopwords, numbers
/// or one-letter tokens. Order is kept; duplicates are not removed.
pub fn content_terms(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|t| !t.is_empty())
        .filter_map(|t| {
            let t = t.trim_matches(|c| c == '\'' || c == '\u{2019}');
            let lower = lowercase(t);
            if lower.chars().count() < 2
                || lower.chars().any(|c| c.is_ascii_digit())
                || STOPWORDS.contains(&lower)
            {
                return None;
            }
            Some(stem(&lower))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("alerts"), stem("alert"));
        assert_eq!(stem("placed"), "plac");
        assert_eq!(stem("agencies"), "agency");
        assert_eq!(stem("ICE"), "ice");
    }

    #[test]
    fn terms_drop_function_words_and_dates() {
        assert_eq!(
            content_terms("On Nov. 21, 2024, the officer placed alerts."),
            vec!["officer", "plac", "alert"]
        );
    }
}
