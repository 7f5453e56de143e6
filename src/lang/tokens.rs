//! The words and marks of a sentence, with their base forms.

use super::morph;
use crate::text::char_at;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the text tokenized.
    pub start: usize,
    pub end: usize,
    /// Lowercase form (a mark is itself).
    pub lower: String,
    /// Base form of a word ("struck" → "strike") where it differs from
    /// the lowercase form: most words are their own base form, and a
    /// sentence's tokens are made for every claim-bearing sentence.
    lemma: Option<String>,
    /// A word (letters or digits), not a mark.
    pub word: bool,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Holds a digit.
    pub digit: bool,
}

/// Splits `s` into words and marks. Letters and digits joined by an inner
/// apostrophe, hyphen, point or comma stay one word ("O'Brien", "AK-47",
/// "6.1", "1,500", "U.S"); every other character that is not a space is a
/// mark of its own.
pub fn tokenize(s: &str) -> Vec<Token> {
    // Tokens are five bytes apart on average in English prose: one
    // allocation instead of growing the vector of a long sentence.
    let mut out = Vec::with_capacity(s.len() / 4);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (c, n) = char_at(s, i);
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(mark(s, i, i + n));
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        while end < b.len() {
            let (d, dn) = char_at(s, end);
            if d.is_alphanumeric() {
                end += dn;
                continue;
            }
            let joiner = matches!(d, '\u{2019}' | '\'' | '-' | '.' | ',');
            if joiner && end + dn < b.len() {
                let next = char_at(s, end + dn).0;
                let prev_digit = s[..end].ends_with(|x: char| x.is_ascii_digit());
                // A comma or point joins digits only ("1,500", "6.1");
                // apostrophes and hyphens join any letters or digits.
                let joins = match d {
                    ',' | '.' => prev_digit && next.is_ascii_digit(),
                    _ => next.is_alphanumeric(),
                };
                if joins {
                    end += dn;
                    continue;
                }
            }
            break;
        }
        out.push(word(s, start, end));
        i = end;
    }
    out
}

/// A word without its possessive "'s" or "\u{2019}s".
pub fn without_possessive(lower: &str) -> &str {
    let b = lower.as_bytes();
    // "\u{2019}s" in UTF-8.
    if morph::ends(b, b"\xE2\x80\x99s") {
        &lower[..b.len() - 4]
    } else if morph::ends(b, b"'s") {
        &lower[..b.len() - 2]
    } else {
        lower
    }
}

impl Token {
    /// The word without its possessive ("Smith's": "smith").
    pub fn bare(&self) -> &str {
        without_possessive(&self.lower)
    }

    /// Whether the word is a possessive ("Smith's").
    pub fn is_possessive(&self) -> bool {
        self.bare().len() != self.lower.len()
    }

    /// Base form of a word ("struck" → "strike"); the lowercase form of
    /// anything else.
    pub fn lemma(&self) -> &str {
        self.lemma.as_deref().unwrap_or(&self.lower)
    }

    /// Gives the token another base form (a phrase's concept).
    pub fn set_lemma(&mut self, lemma: String) {
        self.lemma = Some(lemma);
    }
}

fn mark(s: &str, start: usize, end: usize) -> Token {
    let t = &s[start..end];
    Token {
        start,
        end,
        lower: t.to_string(),
        lemma: None,
        word: false,
        cap: false,
        digit: false,
    }
}

fn word(s: &str, start: usize, end: usize) -> Token {
    let t = &s[start..end];
    // Most words are ASCII, which need no case tables.
    let lower = if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        t.to_lowercase()
    };
    let lemma = match morph::lemma(without_possessive(&lower)) {
        std::borrow::Cow::Borrowed(l) if l == lower => None,
        l => Some(l.into_owned()),
    };
    Token {
        start,
        end,
        cap: t.starts_with(char::is_uppercase),
        digit: t.bytes().any(|b| b.is_ascii_digit()),
        lower,
        lemma,
        word: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_marks_and_numbers() {
        let t = tokenize("The 6.1-magnitude quake struck Qeshm's coast, killing 1,500 (AK-47).");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "the",
                "6.1-magnitude",
                "quake",
                "struck",
                "qeshm's",
                "coast",
                ",",
                "killing",
                "1,500",
                "(",
                "ak-47",
                ")",
                "."
            ]
        );
        assert_eq!(t[3].lemma(), "strike");
        assert_eq!(t[4].lemma(), "qeshm");
        assert_eq!(t[2].lemma(), "quake");
        assert!(t[4].cap && !t[5].cap);
        assert!(t[8].digit && !t[6].word);
    }
}
