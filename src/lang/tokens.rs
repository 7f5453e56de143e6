//! The words and marks of a sentence, with their base forms.

use super::lexeme::{self, Known, Part};
use super::morph;
use crate::text::char_at;
use std::borrow::Cow;

/// One token of a sentence, borrowing what it can of the text it was cut
/// from: most words of prose are already lower case, and a sentence's
/// tokens are made for every claim-bearing sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    /// Byte range in the text tokenized.
    pub start: usize,
    pub end: usize,
    /// Lowercase form (a mark is itself).
    pub lower: Cow<'a, str>,
    /// Base form of a word ("struck" → "strike"), read from the lowercase
    /// form: most words are their own base form, or its start.
    lemma: Part,
    /// What the lexicon says of the word and its base form; `None` where
    /// it is read when asked (a mark, a figure, a rare word, or a word a
    /// phrase gave another base form).
    known: Option<Known>,
    /// Whether the word reads as a verb form (see [`morph::is_verb_form`]);
    /// `None` where it is read when asked (a mark, a figure, a rare word).
    verb_form: Option<bool>,
    /// A word (letters or digits), not a mark.
    pub word: bool,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Holds a digit.
    pub digit: bool,
}

/// Whether `c` goes on a word: read byte by byte for ASCII, which is
/// nearly all of English news, and through the Unicode tables otherwise.
#[inline]
fn alnum_at(s: &str, i: usize) -> (bool, char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), b as char, 1)
    } else {
        let (c, n) = char_at(s, i);
        (c.is_alphanumeric(), c, n)
    }
}

/// Splits `s` into words and marks. Letters and digits joined by an inner
/// apostrophe, hyphen, point or comma stay one word ("O'Brien", "AK-47",
/// "6.1", "1,500", "U.S"); every other character that is not a space is a
/// mark of its own.
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    // Tokens are five bytes apart on average in English prose: one
    // allocation instead of growing the vector of a long sentence.
    let mut out = Vec::with_capacity(s.len() / 4);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (alnum, c, n) = alnum_at(s, i);
        if !alnum {
            if !c.is_whitespace() {
                out.push(mark(s, i, i + n));
            }
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        while end < b.len() {
            let (alnum, d, dn) = alnum_at(s, end);
            if alnum {
                end += dn;
                continue;
            }
            let joiner = matches!(d, '\u{2019}' | '\'' | '-' | '.' | ',');
            if joiner && end + dn < b.len() {
                let next = char_at(s, end + dn).0;
                // A comma or point joins digits only ("1,500", "6.1");
                // apostrophes and hyphens join any letters or digits.
                let joins = match d {
                    ',' | '.' => b[end - 1].is_ascii_digit() && next.is_ascii_digit(),
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

impl<'a> Token<'a> {
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
        self.lemma.get(&self.lower)
    }

    /// Gives the token another base form (a phrase's concept).
    pub fn set_lemma(&mut self, lemma: String) {
        self.lemma = Part::Own(lemma.into());
        self.known = None;
    }

    /// Whether the word reads as a verb's past, participle or -ing form
    /// ("struck", "killed", "killing").
    pub fn is_verb_form(&self) -> bool {
        self.verb_form
            .unwrap_or_else(|| morph::is_verb_form(&self.lower))
    }

    /// What the lexicon says of the word and its own base form; `None`
    /// for a mark, a figure or a rare word, or when a phrase gave the word
    /// another base form.
    pub fn known(&self) -> Option<&Known> {
        self.known.as_ref()
    }

    /// The concept the word stands for as context, as its own base form
    /// gives it: `Some(None)` for a word never taken as context, `None`
    /// where the token does not know it (see [`Token::known`]).
    pub fn concept(&self) -> Option<Option<&str>> {
        self.known
            .as_ref()
            .map(|k| k.concept.as_ref().map(|c| c.get(&self.lower)))
    }
}

fn mark(s: &str, start: usize, end: usize) -> Token<'_> {
    Token {
        start,
        end,
        lower: Cow::Borrowed(&s[start..end]),
        lemma: Part::Prefix(end - start),
        known: None,
        verb_form: None,
        word: false,
        cap: false,
        digit: false,
    }
}

fn word(s: &str, start: usize, end: usize) -> Token<'_> {
    let t = &s[start..end];
    // Most words are ASCII, which need no case tables, and most are
    // written in lower case already: those are borrowed.
    let lower: Cow<str> = if t.is_ascii() {
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(t.to_ascii_lowercase())
        } else {
            Cow::Borrowed(t)
        }
    } else {
        let l = t.to_lowercase();
        if l == t {
            Cow::Borrowed(t)
        } else {
            Cow::Owned(l)
        }
    };
    let digit = t.bytes().any(|b| b.is_ascii_digit());
    // A figure is never context, and its forms are too many to keep: like a
    // rare word, it is given its base form, and the rest is read when asked.
    let (lemma, known, verb_form) = match (!digit).then(|| lexeme::of(&lower)) {
        Some(lexeme::Reading::Kept(l)) => (l.base, Some(l.known), Some(l.verb_form)),
        Some(lexeme::Reading::Base(base)) => (base, None, None),
        None => (lexeme::base_of(&lower), None, None),
    };
    Token {
        start,
        end,
        cap: t.starts_with(char::is_uppercase),
        digit,
        lower,
        lemma,
        known,
        verb_form,
        word: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_marks_and_numbers() {
        let t = tokenize("The 6.1-magnitude quake struck Qeshm's coast, killing 1,500 (AK-47).");
        let words: Vec<&str> = t.iter().map(|t| &*t.lower).collect();
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

    #[test]
    fn words_outside_ascii_are_lowered_and_joined_alike() {
        let t = tokenize("Ärzte in Zürich’s clinics, São Paulo\u{a0}2,5 Ünal’s ÉCOLE.");
        let words: Vec<&str> = t.iter().map(|t| &*t.lower).collect();
        assert_eq!(
            words,
            vec![
                "ärzte",
                "in",
                "zürich’s",
                "clinics",
                ",",
                "são",
                "paulo",
                "2,5",
                "ünal’s",
                "école",
                "."
            ]
        );
        assert_eq!(t[2].lemma(), "zürich");
        assert_eq!(t[3].lemma(), "clinic");
        assert!(t[0].cap && t[8].cap && !t[1].cap);
        // A space outside ASCII still parts words.
        assert_eq!((t[6].start, t[6].end), (36, 41));
    }
}
