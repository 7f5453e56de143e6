//! Frames: what each claim of a sentence states a value of.
//!
//! A claim's frame is read from its own clause, not the whole sentence: the
//! words next to the value, up to a hard break (a semicolon, a colon, a
//! dash, a quote mark, a bracket that holds no other value) and at most a
//! few content words away, a comma or another value counting as distance.
//! In "killing 10 persons and wounding other 70", 10 are deaths and 70
//! other injuries; in "a depth of 10 km, 58 km south-west of Bandar Abbas",
//! 10 km is a depth and 58 km a distance from Bandar Abbas.
//!
//! The words are read through the language layer ([`crate::lang`]): base
//! forms, concepts ("hit", "struck" and "jolted" are one event), roles
//! ("killing", "dead", "death toll" give deaths), qualifiers and change
//! words, all data under `data/`.

mod build;
mod nouns;

use crate::lang::lexicon::Lexicon;
use crate::lang::tokens::{tokenize, Token};
use crate::model::{ClaimKind, ClaimValue, Frame};
use build::{base_attribute, build};
use std::borrow::Cow;

/// Content words kept on each side of a value.
const WINDOW: usize = 8;

/// A claim of the sentence: its byte range in the sentence, kind and value.
pub struct Slot<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub value: &'a ClaimValue,
}

/// A role cue where it stands in a sentence: its role (an index into the
/// lexicon's roles) and its tokens.
struct CueAt {
    role: usize,
    start: usize,
    len: usize,
}

/// Whether a token is the word of a cue or phrase: its base form, or its
/// form as written.
fn says(t: &Token, w: &str) -> bool {
    t.lemma() == w || t.lower == w
}

/// The role cues that may start at a token, as (role, cue) indices: as the
/// token knows them, else read here (see `Token::known`: a mark, a figure,
/// a rare word, a word a phrase gave another base form). Tokens know them
/// through the bundled lexicon, the one `lex` always is.
fn cues_at<'l>(lex: &'l Lexicon, t: &Token) -> impl Iterator<Item = (usize, usize)> + 'l {
    let [by_base, by_form]: [&'l [(usize, usize)]; 2] = match t.known() {
        Some(k) => k.cues,
        None => [
            lex.cues_starting(t.lemma()),
            if t.lower != t.lemma() {
                lex.cues_starting(&t.lower)
            } else {
                &[]
            },
        ],
    };
    debug_assert!(std::ptr::eq(lex, Lexicon::bundled()));
    by_base.iter().chain(by_form).copied()
}

/// Every role cue of a sentence, found once for all its claims.
fn role_cues(lex: &Lexicon, toks: &[Token]) -> Vec<CueAt> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for (role, ci) in cues_at(lex, &toks[i]) {
            let cue = &lex.roles[role].cues[ci];
            if toks.len() - i >= cue.len() && cue.iter().zip(&toks[i..]).all(|(w, t)| says(t, w)) {
                out.push(CueAt {
                    role,
                    start: i,
                    len: cue.len(),
                });
            }
        }
    }
    out
}

/// Marks that end a clause outright.
fn hard_break(t: &Token) -> bool {
    !t.word
        && matches!(
            &*t.lower,
            ";" | ":"
                | "\u{2014}"
                | "\u{2013}"
                | "\""
                | "\u{201c}"
                | "\u{201d}"
                | "["
                | "]"
                | "|"
                | "?"
                | "!"
        )
}

/// The concept a token of a clause or sentence contributes to what a value
/// is of, if it is a content word: not a function word, a number, a
/// calendar word or a contraction ("didn't"), which say nothing of it.
pub fn content_concept(lex: &Lexicon, t: &Token) -> Option<String> {
    concept_of(lex, t).map(Cow::into_owned)
}

/// [`content_concept`] borrowed from the token or the lexicon where it can
/// be: a frame reads it for every word of its clause, and mostly drops it.
/// A token of a common word knows it already (see `Token::known`), read
/// through the bundled lexicon, the one `lex` always is.
fn concept_of<'a>(lex: &'a Lexicon, t: &'a Token) -> Option<Cow<'a, str>> {
    if !t.word || t.digit {
        return None;
    }
    if let Some(known) = t.concept() {
        return known.map(Cow::Borrowed);
    }
    debug_assert!(std::ptr::eq(lex, Lexicon::bundled()));
    if crate::lang::lexeme::never_context(&t.lower) {
        return None;
    }
    Some(crate::lang::lexeme::concept_of_base(t.lemma()))
}

/// Function words: never context, never a cue on their own.
fn is_function(lower: &str) -> bool {
    crate::lang::wordlist::STOPWORDS.contains(lower)
}

/// What a position is, seen from one claim: its distance in words, or
/// `None` when it lies beyond the clause.
struct Reach {
    dist: Vec<Option<u8>>,
    /// Whether a comma stands between the claim and the word, after it.
    after_comma: Vec<bool>,
}

/// The frames of the claims of one sentence, in the order given.
pub fn frames(sentence: &str, slots: &[Slot]) -> Vec<Frame> {
    let mut toks = tokenize(sentence);
    let lex = Lexicon::bundled();
    // Two words that name one concept together ("let go", "laid off") are
    // read as that concept.
    // A pronoun may stand between them: "let him go", "laid them off".
    for k in 0..toks.len().saturating_sub(1) {
        let pronoun = |t: &Token| matches!(&*t.lower, "him" | "her" | "them" | "it" | "us" | "me");
        let second = if toks.get(k + 1).is_some_and(pronoun) {
            k + 2
        } else {
            k + 1
        };
        if second >= toks.len() || !(toks[k].word && toks[second].word) {
            continue;
        }
        // Most words start no phrase, as their token knows.
        if toks[k].known().is_some_and(|known| !known.phrase_head) {
            continue;
        }
        if let Some(c) = lex.phrase_concept(toks[k].lemma(), toks[second].lemma()) {
            let c = c.to_string();
            toks[k].set_lemma(c.clone());
            toks[second].set_lemma(c);
        }
    }
    // Which claim each token belongs to.
    let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(slots.len());
    for (ci, s) in slots.iter().enumerate() {
        let first = toks.partition_point(|t| t.end <= s.start);
        let mut last = first;
        while last < toks.len() && toks[last].start < s.end {
            if owner[last].is_none() {
                owner[last] = Some(ci);
            }
            last += 1;
        }
        spans.push((first, last.max(first + 1).min(toks.len().max(1))));
    }
    let cues = role_cues(lex, &toks);
    slots
        .iter()
        .enumerate()
        .map(|(ci, s)| {
            let (a, b) = spans[ci];
            if toks.is_empty() || a >= toks.len() {
                return Frame {
                    attribute: base_attribute(s).to_string(),
                    ..Frame::default()
                };
            }
            let reach = reach(&toks, &owner, ci, a, b);
            build(lex, &toks, &owner, &cues, &reach, ci, a, b, s)
        })
        .collect()
}

/// Distances from the claim at tokens [a, b) to every token of its clause.
fn reach(toks: &[Token], owner: &[Option<usize>], ci: usize, a: usize, b: usize) -> Reach {
    let mut dist = vec![None; toks.len()];
    let mut after_comma = vec![false; toks.len()];
    for d in dist.iter_mut().take(b).skip(a) {
        *d = Some(0);
    }
    // Leftwards, then rightwards.
    for dir in [-1isize, 1] {
        let mut d: u32 = 0;
        let mut content = 0;
        let mut k: isize = if dir < 0 { a as isize - 1 } else { b as isize };
        let mut last_owner: Option<usize> = Some(ci);
        let mut paren_depth = 0i32;
        let mut comma = false;
        while k >= 0 && (k as usize) < toks.len() && content < WINDOW {
            let t = &toks[k as usize];
            let o = owner[k as usize];
            if o.is_some() && o != Some(ci) {
                // Another value: its words are not context, and it stands
                // between.
                if o != last_owner {
                    d += 2;
                }
                last_owner = o;
                k += dir;
                continue;
            }
            last_owner = None;
            if hard_break(t) {
                break;
            }
            if !t.word {
                match &*t.lower {
                    "," => {
                        d += 2;
                        comma = dir > 0;
                    }
                    // A bracket that only restates a value ("58 km (36
                    // miles)") is read through; any other ends the clause.
                    "(" | ")" => {
                        let opening = (t.lower == "(") == (dir > 0);
                        if opening {
                            if !restates(toks, owner, k as usize, dir) {
                                break;
                            }
                            paren_depth += 1;
                        } else if paren_depth > 0 {
                            paren_depth -= 1;
                        } else {
                            // Leaving the brackets the claim sits in: what
                            // lies outside is still its clause.
                            d += 1;
                        }
                    }
                    "." => break,
                    _ => {}
                }
                k += dir;
                continue;
            }
            dist[k as usize] = Some(d.min(250) as u8);
            after_comma[k as usize] = comma;
            if !is_function(&t.lower) && !t.digit {
                content += 1;
                d += 1;
            } else if matches!(&*t.lower, "and" | "or" | "but" | "while" | "whereas") {
                d += 1;
            }
            k += dir;
        }
    }
    Reach { dist, after_comma }
}

/// Whether the brackets opening at `k` (reading in `dir`) hold a value and
/// little else: a conversion or restatement of the value before them.
fn restates(toks: &[Token], owner: &[Option<usize>], k: usize, dir: isize) -> bool {
    let mut j = k as isize + dir;
    let mut n = 0;
    let mut holds_value = false;
    while j >= 0 && (j as usize) < toks.len() && n < 8 {
        let t = &toks[j as usize];
        if !t.word && (t.lower == ")" || t.lower == "(") {
            return holds_value;
        }
        if owner[j as usize].is_some() {
            holds_value = true;
        } else if t.word && !is_function(&t.lower) {
            n += 1;
        }
        j += dir;
    }
    false
}

#[cfg(test)]
mod tests;
