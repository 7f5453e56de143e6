//! Counts of things, ages, money, percentages and sizes.
//!
//! Each sentence that could hold a number (a digit, a currency or percent
//! sign, or a number or vague-amount word) is tokenized once; a [`Scan`]
//! then reads at each token. Vague amounts ("several", "dozens of") and
//! "both" are counts of their own ([`count`]); anything else starts as a
//! figure ([`amount`]): an optional bound ("more than", "nearly",
//! "between"), a currency sign, a number (numeral, words, "a single") and
//! the other end of a range. One reader per kind then looks at the figure
//! and the words around it, in the order [`Scan::read`] gives:
//!
//! - [`money`]: "$5", "5 million dollars", compounds ("$137-million");
//! - [`age`]: "19-year-old", "aged 91", "Smith, 45,";
//! - [`size`]: compounds ("90-page"), glued units and speeds ("58km",
//!   "193km/h"), units of measure ("5 miles");
//! - [`magnitude`]: "magnitude 6.1", "6.1 on the Richter scale";
//! - [`percent`]: "12%", "12 per cent";
//! - [`duration`]: "two hours";
//! - [`count`]: the counted noun, skipping adjectives ("five separate
//!   incidents" → 5 incident), tolls ("12 dead"), models ("two F-35 jets").

mod age;
mod amount;
mod count;
mod duration;
mod magnitude;
mod money;
mod percent;
mod size;
mod toll;

use super::numbers::Tokens;
use super::{Context, Found, Recogniser};
use crate::lang::wordlist::{WordList, FUNCTION_WORDS};
use crate::model::{ClaimKind, ClaimValue};
use regex::bytes::Regex;
use std::ops::ControlFlow::{self, Break, Continue};
use std::sync::OnceLock;

pub struct Quantities;

/// A claim read at a token, and the token after it.
type Claim = (Found, usize);

/// What one kind's reader makes of a figure: `Break(Some(claim))` when it
/// reads one; `Break(None)` when the words rule out any claim there, so
/// that no later reader takes them; `Continue(())` when the figure is not
/// of its kind, and the next reader tries.
type Reading = ControlFlow<Option<Claim>>;

/// A function word: never the counted noun nor an adjective before it,
/// nor a word of a name.
fn is_function(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

/// Builds this recogniser's regex ahead of use (see [`super::warm`]).
pub fn warm() {
    prefilter();
}

/// The scale words read without a numeral before them: after "a" ("a
/// million"), going on with "and" ("one hundred and five"), and alone in
/// the prefilter ("millions"). A trillion is read only right after a
/// number ("3 trillion", "one trillion").
const BARE_SCALES: std::ops::RangeToInclusive<f64> = ..=1e9;

fn bare_scale(w: &str) -> bool {
    crate::lang::numbers::scale(w).is_some_and(|v| BARE_SCALES.contains(&v))
}

fn prefilter() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        use crate::lang::numbers::{alternation, groups, scales, units};
        // "Zero" alone does not make a sentence worth reading.
        let units = alternation(units(1.0..));
        let plurals: Vec<String> = scales(BARE_SCALES)
            .chain(groups())
            .map(|w| format!("{}s?", regex::escape(w)))
            .collect();
        let plurals = plurals.join("|");
        Regex::new(&format!(
            r"(?i-u)[0-9$%]|\xC2\xA3|\xE2\x82\xAC|\xC2\xA5|\xE2\x82\xB9|\b(?:{units}|{plurals}|single|both|multiple|several|numerous|many|countless|few|couple|handful|number|scores|lots)\b",
        ))
        .expect("prefilter regex")
    })
}

/// One sentence being read: its tokens and the text they index.
struct Scan<'a> {
    text: &'a str,
    t: &'a Tokens,
    /// The sentence is a title-case headline ("Ten Dead in Iran Quake"):
    /// capitalised words there are not names.
    headline: bool,
}

/// Short words a title-case headline leaves in lower case.
static TITLE_SMALL_WORDS: WordList =
    WordList::new(include_str!("../../../data/title_small_words.txt"));

/// Whether most words of the sentence (of three letters or more, leaving
/// out the short words titles keep lowercase) are capitalised.
fn is_headline(text: &str, t: &Tokens) -> bool {
    let (mut n, mut caps) = (0usize, 0usize);
    for (k, tok) in t.toks.iter().enumerate() {
        let s = &text[tok.start..tok.end];
        if !tok.word
            || s.chars().filter(|c| c.is_alphabetic()).count() < 3
            || !s
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        {
            continue;
        }
        let up = s.starts_with(char::is_uppercase);
        if !up && TITLE_SMALL_WORDS.contains(t.lower(k)) {
            continue;
        }
        n += 1;
        caps += usize::from(up);
    }
    n >= 3 && caps * 10 >= n * 8
}

impl<'a> Scan<'a> {
    fn lw(&self, i: usize) -> Option<&'a str> {
        (i < self.t.len() && self.t.toks[i].word).then(|| self.t.lower(i))
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        (i < self.t.len() && !self.t.toks[i].word).then(|| self.t.lower(i))
    }

    fn surface(&self, i: usize) -> &'a str {
        let k = &self.t.toks[i];
        &self.text[k.start..k.end]
    }

    fn is_cap(&self, i: usize) -> bool {
        i < self.t.len() && self.t.toks[i].word && self.surface(i).starts_with(char::is_uppercase)
    }

    fn is_acronym(&self, i: usize) -> bool {
        let s = self.surface(i);
        s.len() >= 2 && s.chars().all(|c| c.is_uppercase() || c == '.')
    }

    /// Tokens `i` and `i + 1` are written with no space between them.
    fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.t.len() && self.t.toks[i].end == self.t.toks[i + 1].start
    }

    /// Whether token `j` follows the one before after a space, not glued.
    fn adjacent_space(&self, j: usize) -> bool {
        j > 0 && self.t.toks[j - 1].end < self.t.toks[j].start
    }

    fn found(&self, kind: ClaimKind, a: usize, b: usize, value: ClaimValue) -> Found {
        Found {
            kind,
            start: self.t.toks[a].start,
            end: self.t.toks[b].end,
            value,
            ends: None,
        }
    }

    /// Reads one claim starting at token `i`; returns it and the token after.
    fn at(&self, i: usize) -> Option<Claim> {
        match self.read(i) {
            Break(claim) => claim,
            Continue(()) => None,
        }
    }

    /// The readers in the order they decide. The first to break settles
    /// the token, so the order is part of the rules: a currency sign makes
    /// money of a figure the count reader would take ("$5 fines"), and
    /// "aged 45 years" is an age before the duration reader could take "45
    /// years".
    fn read(&self, i: usize) -> Reading {
        let Some(w) = self.lw(i) else {
            return Break(None);
        };
        // Most words of a sentence start nothing: the readers below are
        // not asked of them.
        if !may_start(w) {
            return Break(None);
        }
        // Amounts with no figure of their own.
        self.vague_count(i)?;
        if w == "both" {
            return Break(self.both(i));
        }
        self.magnitude_word(i, w)?;
        let Some(f) = self.figure(i, w) else {
            return Break(None);
        };
        // What is written inside the figure's own token ("$137-million",
        // "19-year-old", "90-page", "58km").
        self.money_compound(&f)?;
        self.age_compound(&f)?;
        self.size_compound(&f)?;
        self.glued_size(&f)?;
        // The words around it.
        self.magnitude(&f)?;
        self.percent(&f)?;
        self.money(&f)?;
        self.age(&f)?;
        self.labels_and_sets(&f)?;
        self.measure(&f)?;
        self.duration(&f)?;
        Break(self.count(&f))
    }
}

/// Whether a claim can start at a word: a numeral, a number word ("five",
/// "twenty-one"), a word of a vague amount or of "a single", "both", or a
/// "magnitude-6" compound. Every reader of [`Scan::read`] starts at one of
/// these; for any other word the figure reader finds no number there.
fn may_start(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || matches!(
            w,
            "a" | "an"
                | "one"
                | "both"
                | "multiple"
                | "several"
                | "numerous"
                | "countless"
                | "many"
                | "dozens"
                | "scores"
                | "hundreds"
                | "thousands"
                | "millions"
                | "lots"
        )
        || w.starts_with("magnitude-")
        || crate::lang::numbers::is_number_word(w.split('-').next().unwrap_or(w))
}

/// Finds quantity-like claims in `text[range]`; offsets are into `text`.
fn scan_sentence(
    text: &str,
    range: std::ops::Range<usize>,
    toks: &mut Tokens,
    out: &mut Vec<Found>,
) {
    toks.tokenize(&text[range.clone()], range.start);
    let headline = is_headline(text, toks);
    let s = Scan {
        text,
        t: toks,
        headline,
    };
    let mut i = 0;
    while i < s.t.len() {
        match s.at(i) {
            Some((f, next)) => {
                out.push(f);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

impl Recogniser for Quantities {
    fn find(&self, cx: &Context) -> Vec<Found> {
        let mut out = Vec::new();
        let mut toks = Tokens::default();
        let pre = prefilter();
        for (range, sentence) in cx.sentence_texts() {
            if !pre.is_match(sentence.as_bytes()) {
                continue;
            }
            scan_sentence(cx.text, range, &mut toks, &mut out);
        }
        out
    }
}

/// How the tests of each reader read a text.
#[cfg(test)]
mod testing {
    use super::Quantities;
    use crate::model::{ClaimValue, Reference};

    /// (kind, surface, value) of each claim.
    pub fn run(text: &str) -> Vec<(String, String, ClaimValue)> {
        crate::extract::find_in(&Quantities, text, &Reference::unknown())
            .into_iter()
            .map(|f| {
                (
                    f.kind.as_str().to_string(),
                    text[f.start..f.end].to_string(),
                    f.value,
                )
            })
            .collect()
    }

    /// (kind, surface, display) of each claim.
    pub fn show(text: &str) -> Vec<(String, String, String)> {
        run(text)
            .into_iter()
            .map(|(k, s, v)| (k, s, v.display()))
            .collect()
    }

    /// The one claim of `text`.
    pub fn one(text: &str) -> (String, String, String) {
        let all = show(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    pub fn q(kind: &str, surface: &str, display: &str) -> (String, String, String) {
        (kind.to_string(), surface.to_string(), display.to_string())
    }
}
