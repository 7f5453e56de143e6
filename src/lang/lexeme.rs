//! What the language layer says of one word on its own: its base form, the
//! concept it stands for as the context of a value, and the lexicon's
//! entries that start with it (role cues, phrases).
//!
//! Every word of every claim-bearing sentence is asked for all of them, by
//! extraction (frames) and again by alignment, and news uses the same few
//! thousand words over and over, while reading one costs several table
//! lookups (irregular forms, word frequencies for the suffix rules;
//! function, number and calendar words; the lexicon's concepts, cues and
//! phrases). So each
//! thread reads a word once and keeps what it found, as a length of the
//! word where the answer is its start, as most are: nothing is interned
//! for good, and a token still borrows its base form from its text.

use super::{
    calendar, lexicon::Lexicon, morph, numbers, tokens::without_possessive, wordlist, words,
};
use std::borrow::Cow;
use std::cell::RefCell;

/// A string read from a word: its start, a string of the bundled data, or
/// one of its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The word's first this many bytes.
    Prefix(usize),
    Data(&'static str),
    Own(Box<str>),
}

impl Part {
    /// `s` as read from `word`; `data` is `s` where bundled data holds it.
    pub fn of(s: &str, word: &str, data: Option<&'static str>) -> Part {
        if word.starts_with(s) {
            Part::Prefix(s.len())
        } else if let Some(d) = data.filter(|&d| d == s) {
            Part::Data(d)
        } else {
            Part::Own(s.into())
        }
    }

    /// The string, given the word it was read from.
    pub fn get<'a>(&'a self, word: &'a str) -> &'a str {
        match self {
            Part::Prefix(n) => &word[..*n],
            Part::Data(d) => d,
            Part::Own(s) => s,
        }
    }
}

/// What one word in lower case is.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexeme {
    /// Its base form ("struck": "strike", "qeshm's": "qeshm").
    pub base: Part,
    /// Whether it reads as a verb's past, participle or -ing form (see
    /// [`morph::is_verb_form`]).
    pub verb_form: bool,
    /// What follows from the base form.
    pub known: Known,
}

/// What a word is, given its base form: a token keeps it while its base
/// form is its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    /// The concept it stands for (see [`concept_of_base`]); `None` for a
    /// word that is never context.
    pub concept: Option<Part>,
    /// The lexicon's role cues whose first word is the base form, and
    /// those whose first word is the word as written where that differs
    /// (see [`Lexicon::cues_starting`]).
    pub cues: [&'static [(usize, usize)]; 2],
    /// Whether the base form is the first word of a phrase of the lexicon
    /// ("let" of "let go").
    pub phrase_head: bool,
}

impl Known {
    /// What the lexicon says of a word whose base form is `base`, with no
    /// concept looked up: for a figure or a mark, never context.
    pub fn without_concept(lower: &str, base: &str) -> Known {
        let lex = Lexicon::bundled();
        Known {
            concept: None,
            cues: [
                lex.cues_starting(base),
                if lower == base {
                    &[]
                } else {
                    lex.cues_starting(lower)
                },
            ],
            phrase_head: lex.starts_phrase(base),
        }
    }
}

/// The most words a thread keeps: a bound on memory, and on the cache the
/// table takes (a kept word is asked for again and again only if it is
/// common, and a table larger than the cache costs more than it saves).
const KEPT_WORDS: usize = 1 << 15;

/// How common in English a word must be to be kept (Zipf frequency: once
/// per million words). Rarer words, most names among them, are read anew:
/// an archive has more of them than any cache holds.
const KEPT_ZIPF: f32 = 3.0;

thread_local! {
    static KEPT: RefCell<foldhash::HashMap<Box<str>, Lexeme>> = RefCell::new(Default::default());
}

/// What `lower`, a word in lower case, is; its parts are read from it.
pub fn of(lower: &str) -> Lexeme {
    KEPT.with(|kept| {
        if let Some(l) = kept.borrow().get(lower) {
            return l.clone();
        }
        let l = read(lower);
        let mut kept = kept.borrow_mut();
        if kept.len() < KEPT_WORDS && words::zipf(lower).is_some_and(|z| z >= KEPT_ZIPF) {
            kept.insert(lower.into(), l.clone());
        }
        l
    })
}

fn read(lower: &str) -> Lexeme {
    let bare = without_possessive(lower);
    let base = morph::lemma(bare);
    let concept = (!never_context(lower)).then(|| {
        let root = morph::root(&base);
        let listed = Lexicon::bundled().listed_concept(&root);
        Part::of(listed.unwrap_or(&root), lower, listed)
    });
    Lexeme {
        base: Part::of(&base, lower, morph::irregular_base(bare)),
        verb_form: morph::is_verb_form(lower),
        known: Known {
            concept,
            ..Known::without_concept(lower, &base)
        },
    }
}

/// A word that is never the context of a value: a function word, a
/// negated auxiliary, a number or a calendar word.
pub fn never_context(lower: &str) -> bool {
    wordlist::STOPWORDS.contains(lower)
        || lower.ends_with("n't")
        || lower.ends_with("n\u{2019}t")
        || numbers::is_number_word(lower)
        || calendar::is_calendar_word(lower)
}

/// The concept a word of base form `base` stands for: the lexicon's concept
/// of its root, else the root ("investigators": "investigate").
pub fn concept_of_base(base: &str) -> Cow<'_, str> {
    let lex = Lexicon::bundled();
    match morph::root(base) {
        Cow::Borrowed(root) => Cow::Borrowed(lex.concept(root)),
        Cow::Owned(root) => Cow::Owned(lex.concept(&root).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word read from the thread's memory is what reading it gives.
    #[test]
    fn a_kept_word_reads_as_a_new_one() {
        for w in [
            "struck",
            "qeshm's",
            "villages",
            "investigators",
            "the",
            "didn't",
            "march",
            "twelve",
            "studies",
            "hoped",
            "people",
            "let",
            "zürich’s",
        ] {
            let first = of(w);
            assert_eq!(first, read(w), "{w}");
            assert_eq!(of(w), first, "{w}");
            let base = morph::lemma(without_possessive(w));
            assert_eq!(first.base.get(w), base, "{w}");
            let concept = (!never_context(w)).then(|| concept_of_base(&base));
            assert_eq!(
                first.known.concept.as_ref().map(|c| c.get(w)),
                concept.as_deref(),
                "{w}"
            );
            let lex = Lexicon::bundled();
            let mut cues = lex.cues_starting(&base).to_vec();
            if base != w {
                cues.extend(lex.cues_starting(w));
            }
            assert_eq!(first.known.cues.concat(), cues, "{w}");
            assert_eq!(first.known.phrase_head, lex.starts_phrase(&base), "{w}");
            assert_eq!(first.verb_form, morph::is_verb_form(w), "{w}");
        }
        assert_eq!(of("struck").base, Part::Data("strike"));
        assert_eq!(of("villages").base, Part::Prefix(7));
        assert_eq!(of("the").known.concept, None);
        assert!(of("let").known.phrase_head);
        assert!(of("struck").verb_form && !of("villages").verb_form);
        assert!(!of("killed").known.cues[0].is_empty());
    }
}
