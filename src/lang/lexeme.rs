//! What the language layer says of one word on its own: its base form,
//! whether it reads as a verb form, the concept it stands for as the
//! context of a value, and the lexicon's entries that start with it (role
//! cues, phrases).
//!
//! Every word of every claim-bearing sentence is asked for most of them, by
//! extraction (frames) and again by alignment, and news uses the same few
//! thousand words over and over, while reading one costs several table
//! lookups (irregular forms, word frequencies for the suffix rules;
//! function, number and calendar words; the lexicon's concepts, cues and
//! phrases). So each thread reads a common word once and keeps what it
//! found, as a length of the word where the answer is its start, as most
//! are: nothing is interned for good, and a token still borrows its base
//! form from its text. Only common words are kept, and only so many: a
//! table larger than the cache costs more than it saves (timed on a 1 GB
//! archive; see docs/house.md).

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

/// What a token is given of its word.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// All of it, for a word a thread keeps.
    Kept(Lexeme),
    /// Only the base form, for a rare word: the rest is read when a stage
    /// asks, as most stages do not.
    Base(Part),
}

/// What `lower`, a word in lower case, is; its parts are read from it.
pub fn of(lower: &str) -> Reading {
    KEPT.with(|kept| {
        if let Some(l) = kept.borrow().get(lower) {
            return Reading::Kept(l.clone());
        }
        if !words::zipf(lower).is_some_and(|z| z >= KEPT_ZIPF) {
            return Reading::Base(base_of(lower));
        }
        let l = read(lower);
        let mut kept = kept.borrow_mut();
        if kept.len() < KEPT_WORDS {
            kept.insert(lower.into(), l.clone());
        }
        Reading::Kept(l)
    })
}

/// The base form of `lower`, as read from it.
pub fn base_of(lower: &str) -> Part {
    let bare = without_possessive(lower);
    Part::of(&morph::lemma(bare), lower, morph::irregular_base(bare))
}

fn read(lower: &str) -> Lexeme {
    let lex = Lexicon::bundled();
    let bare = without_possessive(lower);
    let base = morph::lemma(bare);
    let concept = (!never_context(lower)).then(|| {
        let (root, listed) = root_concept(&base);
        Part::of(listed.unwrap_or(&root), lower, listed)
    });
    Lexeme {
        base: Part::of(&base, lower, morph::irregular_base(bare)),
        verb_form: morph::is_verb_form(lower),
        known: Known {
            concept,
            cues: [
                lex.cues_starting(&base),
                if lower == base {
                    &[]
                } else {
                    lex.cues_starting(lower)
                },
            ],
            phrase_head: lex.starts_phrase(&base),
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
    let (root, listed) = root_concept(base);
    listed.map_or(root, Cow::Borrowed)
}

/// The root of a base form, and the concept the lexicon lists for it.
fn root_concept(base: &str) -> (Cow<'_, str>, Option<&'static str>) {
    let root = morph::root(base);
    let listed = Lexicon::bundled().listed_concept(&root);
    (root, listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every part of what a word is, read afresh through the functions the
    /// stages called before the thread kept words.
    fn check_read(w: &str, l: &Lexeme) {
        let base = morph::lemma(without_possessive(w));
        assert_eq!(l.base.get(w), base, "{w}");
        let concept = (!never_context(w)).then(|| concept_of_base(&base));
        assert_eq!(
            l.known.concept.as_ref().map(|c| c.get(w)),
            concept.as_deref(),
            "{w}"
        );
        let lex = Lexicon::bundled();
        let mut cues = lex.cues_starting(&base).to_vec();
        if base != w {
            cues.extend(lex.cues_starting(w));
        }
        assert_eq!(l.known.cues.concat(), cues, "{w}");
        assert_eq!(l.known.phrase_head, lex.starts_phrase(&base), "{w}");
        assert_eq!(l.verb_form, morph::is_verb_form(w), "{w}");
    }

    /// A common word is kept, and reads from the thread's memory as it
    /// reads anew; a rare word or name is given its base form only.
    #[test]
    fn a_kept_word_reads_as_a_new_one() {
        let common = [
            "struck",
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
            "killed",
        ];
        for w in common {
            let Reading::Kept(first) = of(w) else {
                panic!("{w} is common enough to keep");
            };
            assert_eq!(first, read(w), "{w}");
            check_read(w, &first);
            assert_eq!(of(w), Reading::Kept(first), "{w}");
        }
        for w in ["qeshm's", "zürich’s", "bandar"] {
            assert_eq!(of(w), Reading::Base(base_of(w)), "{w}");
            assert_eq!(base_of(w).get(w), morph::lemma(without_possessive(w)));
            check_read(w, &read(w));
        }
        let kept = |w: &str| match of(w) {
            Reading::Kept(l) => l,
            Reading::Base(_) => panic!("{w} is kept"),
        };
        assert_eq!(kept("struck").base, Part::Data("strike"));
        assert_eq!(kept("villages").base, Part::Prefix(7));
        assert_eq!(kept("the").known.concept, None);
        assert!(kept("let").known.phrase_head);
        assert!(kept("struck").verb_form && !kept("villages").verb_form);
        assert!(!kept("killed").known.cues[0].is_empty());
        assert_eq!(base_of("qeshm's"), Part::Prefix(5));
    }
}
