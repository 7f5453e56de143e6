//! Counts of things, ages, money, percentages and sizes.
//!
//! Each sentence that could hold a number (a digit, a currency or percent
//! sign, or a number or vague-amount word) is tokenized once; the scanner
//! then reads, at each token, an optional bound ("more than", "nearly",
//! "between"), a currency sign, a number (numeral, words, "a single",
//! "both", or a vague amount such as "several" or "dozens of"), and what
//! follows it: a percent sign or word, a currency word, an age ("-year-old",
//! "years old"), a size compound ("90-page"), or the counted noun, skipping
//! adjectives ("five separate incidents" → 5 incident). Also magnitudes
//! ("magnitude 6.1", "6.1 on the Richter scale"), tolls ("12 dead"), money
//! compounds ("$137-million"), glued units and speeds ("58km", "193km/h")
//! and durations ("two hours").

use super::numbers::{is_number_word, leading_numeral, parse_number, scale_of, Tokens};
use super::{Context, Found, Recogniser};
use crate::lang::morph::{irregular_singular, singular};
use crate::lang::wordlist::{is_calendar_word, WordList, WordMap, FUNCTION_WORDS};
use crate::model::{Amount, ClaimKind, ClaimValue};
use regex::bytes::Regex;
use std::sync::OnceLock;

pub struct Quantities;

// FUNCTION_WORDS: never the counted noun nor an adjective before it.
/// Irregular and common verb forms, which cannot be the noun after "one".
static COMMON_VERBS: WordList = WordList::new(include_str!("../../data/common_verbs.txt"));

fn is_function(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

fn is_common_verb(w: &str) -> bool {
    COMMON_VERBS.contains(w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// Units of time: a number of them is a duration, not a count of things.
static TIME_UNITS: WordList = WordList::new(include_str!("../../data/time_units.txt"));

fn is_time_unit(w: &str) -> bool {
    TIME_UNITS.contains(w.strip_suffix('s').unwrap_or(w))
}

/// Units of measure: "5 miles" is a size, not a count.
static MEASURE_UNITS: WordMap = WordMap::new(include_str!("../../data/measure_units.txt"));

fn measure_unit(w: &str) -> Option<&'static str> {
    MEASURE_UNITS.get(w)
}

/// A unit written glued to its numeral ("58km", "120mph"). Only the
/// unambiguous ones: "10m" may be ten metres or ten million.
static GLUED_UNITS: WordMap = WordMap::new(include_str!("../../data/glued_units.txt"));

fn glued_unit(rest: &str) -> Option<&'static str> {
    GLUED_UNITS.get(rest)
}

/// The singular unit of a duration after a number ("two hours", "15 mins").
static DURATION_UNITS: WordMap = WordMap::new(include_str!("../../data/duration_units.txt"));

fn duration_unit(w: &str) -> Option<&'static str> {
    DURATION_UNITS.get(w)
}

/// Words after "two years" that make it a point in time or an age, not a
/// duration: "two years ago", "five days earlier", "20 years old".
static NOT_DURATION_AFTER: WordList =
    WordList::new(include_str!("../../data/not_duration_after.txt"));

fn ends_duration(w: &str) -> bool {
    NOT_DURATION_AFTER.contains(w)
}

/// Words for people in a disaster's toll that stand for the counted people
/// right after a number: "12 dead and 40 injured", "three missing".
static TOLL_WORDS: WordList = WordList::new(include_str!("../../data/toll_words.txt"));

/// Nouns of people whose age may follow in apposition: "her husband, 45,",
/// "two daughters, 8 and 12". Singular.
static AGE_APPOSITION_NOUNS: WordList =
    WordList::new(include_str!("../../data/age_apposition_nouns.txt"));

/// Short words a title-case headline leaves in lower case.
static TITLE_SMALL_WORDS: WordList =
    WordList::new(include_str!("../../data/title_small_words.txt"));

/// A scale word opening a hyphenated word ("million" of "137-million",
/// "bn" of "bn-euro"), its multiplier and the rest after the next hyphen.
fn hyphen_scale(w: &str) -> Option<(f64, &str)> {
    let (first, rest) = w.split_once('-').unwrap_or((w, ""));
    if first.len() < 2 {
        return None;
    }
    let s = scale_of(first)?;
    let ok = rest.is_empty()
        || rest
            .split('-')
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
    ok.then_some((s, rest))
}

/// A currency word heading a compound ("two-million-euro booty",
/// "five-dollar bill"); not "pound", which in "a 5-pound bag" is a weight.
fn compound_currency(w: &str) -> Option<&'static str> {
    if matches!(w, "pound" | "pounds") {
        return None;
    }
    currency_word(w)
}

/// An ISO 4217 code for a currency sign (data/currencies.yaml).
fn currency_sign(c: &str) -> Option<&'static str> {
    crate::lang::currency::of_sign(c)
}

/// An ISO 4217 code (or the word) for a currency word after a number.
fn currency_word(w: &str) -> Option<&'static str> {
    crate::lang::currency::of_word(w)
}

/// Adjectives commonly found between a number and the noun it counts.
static COUNT_ADJECTIVES: WordList = WordList::new(include_str!("../../data/count_adjectives.txt"));

fn is_adjective(w: &str) -> bool {
    COUNT_ADJECTIVES.contains(w)
        || [
            "al", "ous", "ive", "ful", "less", "ic", "able", "ible", "ed", "ing", "ary", "ian",
            "ese",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// The singular of `w` when it reads as a plural noun.
fn plural_noun(w: &str) -> Option<String> {
    if let Some(s) = irregular_singular(w) {
        return Some(s.to_string());
    }
    let ok = w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "ous", "’s", "'s", "ics"]
            .iter()
            .any(|s| w.ends_with(s))
        && w.chars().all(|c| c.is_alphabetic() || c == '-');
    ok.then(|| singular(w))
}

/// Builds this recogniser's regex ahead of use (see [`super::warm`]).
pub fn warm() {
    prefilter();
}

fn prefilter() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i-u)[0-9$%]|\xC2\xA3|\xE2\x82\xAC|\xC2\xA5|\xE2\x82\xB9|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|single|both|multiple|several|numerous|many|countless|few|couple|handful|number|scores|lots)\b",
        )
        .expect("prefilter regex")
    })
}

/// A bound or hedge written before a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
    Approx,
    Between,
}

/// What follows the digits inside one token.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tail<'a> {
    None,
    /// "90-page": the lowercase text after the hyphen.
    Compound(&'a str),
    /// "10-20": the upper end.
    Range(f64),
    /// "58km": a unit glued to the digits.
    Unit(&'static str),
}

#[derive(Debug, Clone, Copy)]
struct Num<'a> {
    value: f64,
    /// Token index after the number.
    next: usize,
    /// Written as a numeral (not words).
    numeral: bool,
    tail: Tail<'a>,
}

struct Scan<'a> {
    text: &'a str,
    t: &'a Tokens,
    /// The sentence is a title-case headline ("Ten Dead in Iran Quake"):
    /// capitalised words there are not names.
    headline: bool,
}

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

    /// Reads a number starting at token `i`.
    fn number(&self, i: usize) -> Option<Num<'a>> {
        let w = self.lw(i)?;
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let (mut value, rest) = leading_numeral(w)?;
            let mut next = i + 1;
            let mut tail = Tail::None;
            if rest.is_empty() {
                // Times ("3:30") and scores are not amounts.
                if self.punct(i + 1) == Some(":") && self.adjacent(i) {
                    return None;
                }
                if let Some(s) = self.lw(i + 1).filter(|s| s.len() > 2).and_then(scale_of) {
                    value *= s;
                    next += 1;
                } else if let Some((s, more)) =
                    self.lw(i + 1).and_then(hyphen_scale).filter(|(_, more)| {
                        let head = more.split('-').next().unwrap_or(more);
                        compound_currency(head).is_some()
                            || (matches!(head, "a" | "an" | "per")
                                && self
                                    .punct(i.wrapping_sub(1))
                                    .and_then(currency_sign)
                                    .is_some())
                    })
                {
                    // "$2 billion-a-year", "2 mn-euro"
                    value *= s;
                    next += 1;
                    tail = Tail::Compound(more);
                }
            } else if let Some(s) = scale_of(rest) {
                value *= s;
            } else if let Some(u) = glued_unit(rest) {
                tail = Tail::Unit(u);
            } else if let Some(r) = rest.strip_prefix('-') {
                if let Some((hi, "")) = leading_numeral(r) {
                    if hi <= value || hi > value * 100.0 {
                        return None;
                    }
                    tail = Tail::Range(hi);
                } else if let Some((s, more)) = hyphen_scale(r) {
                    // "$137-million", "a 2-million-euro fine"
                    value *= s;
                    if !more.is_empty() {
                        tail = Tail::Compound(more);
                    }
                } else if r.len() >= 2
                    && r.split('-')
                        .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
                {
                    tail = Tail::Compound(r);
                } else {
                    return None;
                }
            } else {
                // Ordinals ("5th"), decades ("1990s"), codes ("3D").
                return None;
            }
            return Some(Num {
                value,
                next,
                numeral: true,
                tail,
            });
        }
        // "a single", "one single"
        if matches!(w, "a" | "an" | "one") && self.lw(i + 1) == Some("single") {
            return Some(Num {
                value: 1.0,
                next: i + 2,
                numeral: false,
                tail: Tail::None,
            });
        }
        // Number words, possibly hyphenated and over several tokens.
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        let mut tail = Tail::None;
        if matches!(w, "a" | "an") {
            match self.lw(i + 1) {
                Some("dozen" | "hundred" | "thousand" | "million" | "billion") => {
                    words.push("a");
                    j = i + 1;
                }
                _ => return None,
            }
        }
        while let Some(tw) = self.lw(j) {
            let mut parts = tw.split('-');
            let mut took = 0usize;
            let mut consumed = 0usize;
            for p in parts.by_ref() {
                let joins = match words.last() {
                    None => true,
                    Some(prev) => number_words_join(prev, p),
                };
                if is_number_word(p) && joins {
                    words.push(p);
                    took += 1;
                    consumed += p.len() + 1;
                } else {
                    break;
                }
            }
            if took == 0 {
                // "one hundred and five"
                if tw == "and"
                    && matches!(
                        words.last(),
                        Some(&("hundred" | "thousand" | "million" | "billion"))
                    )
                    && self
                        .lw(j + 1)
                        .is_some_and(|n| is_number_word(n.split('-').next().unwrap_or("")))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            j += 1;
            if consumed <= tw.len() {
                // "five-year": a number word compound; stop here.
                tail = Tail::Compound(&tw[consumed..]);
                break;
            }
        }
        if words.is_empty() || (words.len() == 1 && words[0] == "a") {
            return None;
        }
        // "a billion-dollar deal", "the million-pound homes": an order of
        // magnitude, not a figure of anything.
        if let ([scale], Tail::Compound(rest)) = (words.as_slice(), tail) {
            let head = rest.split('-').next().unwrap_or(rest);
            if scale_of(scale).is_some() && compound_currency(head).is_some() {
                return None;
            }
        }
        let value = parse_number(&words.join(" "))?;
        Some(Num {
            value,
            next: j,
            numeral: false,
            tail,
        })
    }

    /// A bound written before token `i`: the bound and the token it starts at.
    fn bound_before(&self, i: usize) -> Option<(Bound, usize)> {
        let w = |k: usize| {
            if k <= i && i - k < self.t.len() {
                self.lw(i - k)
            } else {
                None
            }
        };
        let (w1, w2, w3) = (w(1), w(2), w(3));
        let b = match (w3, w2, w1) {
            (Some("no"), Some("more" | "greater"), Some("than")) => (Bound::AtMost, 3),
            (Some("no"), Some("fewer" | "less"), Some("than")) => (Bound::AtLeast, 3),
            (Some("as"), Some("many" | "much"), Some("as")) => (Bound::AtMost, 3),
            (Some("a"), Some("maximum"), Some("of")) => (Bound::AtMost, 3),
            (Some("a"), Some("minimum"), Some("of")) => (Bound::AtLeast, 3),
            (_, Some("more" | "greater"), Some("than")) => (Bound::MoreThan, 2),
            (_, Some("upwards"), Some("of")) => (Bound::MoreThan, 2),
            (_, Some("just"), Some("over")) => (Bound::MoreThan, 2),
            (_, Some("fewer" | "less"), Some("than")) => (Bound::LessThan, 2),
            (_, Some("just"), Some("under")) => (Bound::LessThan, 2),
            (_, Some("at"), Some("least")) => (Bound::AtLeast, 2),
            (_, Some("at"), Some("most")) => (Bound::AtMost, 2),
            (_, Some("up"), Some("to")) => (Bound::AtMost, 2),
            (_, Some("close"), Some("to")) => (Bound::Approx, 2),
            (_, Some("an"), Some("estimated")) => (Bound::Approx, 2),
            (_, _, Some("over")) => (Bound::MoreThan, 1),
            // "to exceed $460,000", "surpassing 100", "above 5%"
            (
                _,
                _,
                Some(
                    "exceed" | "exceeds" | "exceeded" | "exceeding" | "surpass" | "surpasses"
                    | "surpassed" | "surpassing" | "above",
                ),
            ) => (Bound::MoreThan, 0),
            (_, _, Some("below")) => (Bound::LessThan, 0),
            (_, _, Some("under")) => (Bound::LessThan, 1),
            (
                _,
                _,
                Some(
                    "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some"
                    | "approx" | "circa" | "estimated",
                ),
            ) => (Bound::Approx, 1),
            (_, _, Some("between")) => (Bound::Between, 1),
            // "in the range of $X and $Y", "a range of 3% to 5%"
            (_, Some("range"), Some("of")) => (Bound::Between, 0),
            _ => return None,
        };
        Some((b.0, i - b.1))
    }

    /// The counted noun at or after token `j`: its token index and singular.
    /// Adjectives and other modifiers before it are skipped. A count other
    /// than one needs a plural noun.
    fn head(&self, j: usize, plural: bool) -> Option<(usize, String)> {
        for k in j..(j + 4).min(self.t.len()) {
            let raw = self.lw(k)?;
            let w = raw
                .strip_suffix("’s")
                .or_else(|| raw.strip_suffix("'s"))
                .or_else(|| raw.strip_suffix('’'))
                .unwrap_or(raw);
            // "12 dead and 40 injured", "three missing": the role stands
            // for the people, unless a noun follows ("two injured men").
            if k == j && TOLL_WORDS.contains(w) && self.head(k + 1, plural).is_none() {
                return Some((k, w.to_string()));
            }
            if is_function(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || is_number_word(w.split('-').next().unwrap_or(w))
                || is_time_unit(w)
                || w.chars().count() < 2
            {
                return None;
            }
            let cap = self.is_cap(k) && !self.headline;
            let acronym = self.is_acronym(k);
            // Anything but a noun may stand between: the next word must go on.
            let next_goes_on = self.lw(k + 1).is_some_and(|n| !is_function(n));
            if plural {
                if let Some(s) = plural_noun(w) {
                    if !(acronym && next_goes_on) {
                        return Some((k, s));
                    }
                }
                if !next_goes_on {
                    return None;
                }
            } else {
                if (cap || acronym || is_adjective(w)) && next_goes_on {
                    continue;
                }
                if cap || w.ends_with("ly") || is_common_verb(w) {
                    return None;
                }
                return Some((k, w.to_string()));
            }
        }
        None
    }

    /// A person's name of capitalised words starting at token `j`; needs two
    /// words, or one followed by something that ends a noun phrase.
    fn name_after(&self, j: usize) -> Option<String> {
        let mut k = j;
        let mut last = None;
        let mut n = 0;
        while k < self.t.len() {
            if self.is_cap(k) && !self.is_acronym(k) && !is_function(self.t.lower(k)) {
                last = Some(k);
                n += 1;
                k += 1;
            } else if n > 0 && self.lw(k).is_some_and(is_name_connector) && self.is_cap(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        let last = last?;
        if n == 1 && self.lw(last + 1).is_some_and(|w| !is_function(w)) {
            return None;
        }
        Some(self.span_text(j, last))
    }

    /// A name of capitalised words ending at token `k`.
    fn name_before(&self, k: usize) -> Option<String> {
        if !self.is_cap(k)
            || self.is_acronym(k)
            || is_function(self.t.lower(k))
            || is_calendar_word(self.t.lower(k))
        {
            return None;
        }
        let mut first = k;
        while first > 0 {
            let p = first - 1;
            if self.is_cap(p) && !self.is_acronym(p) && !is_function(self.t.lower(p)) {
                first = p;
            } else if p > 0 && self.lw(p).is_some_and(is_name_connector) && self.is_cap(p - 1) {
                first = p - 1;
            } else {
                break;
            }
        }
        Some(self.span_text(first, k))
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let s = &self.text[self.t.toks[a].start..self.t.toks[b].end];
        let s = s
            .strip_suffix("’s")
            .or_else(|| s.strip_suffix("'s"))
            .unwrap_or(s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// "magnitude" or "a magnitude of" just before token `k`: where it starts.
    fn magnitude_before(&self, k: usize) -> Option<usize> {
        let w = |d: usize| if k >= d { self.lw(k - d) } else { None };
        match (w(3), w(2), w(1)) {
            (_, _, Some("magnitude")) => Some(k - 1),
            (Some("a"), Some("magnitude"), Some("of")) => Some(k - 3),
            (_, Some("magnitude"), Some("of")) => Some(k - 2),
            _ => None,
        }
    }

    /// "magnitude" or "on the Richter scale" at token `j`: its last token.
    fn magnitude_after(&self, j: usize) -> Option<usize> {
        let scale = |k: usize| {
            if self.lw(k) == Some("scale") {
                k
            } else {
                k - 1
            }
        };
        match (self.lw(j), self.lw(j + 1), self.lw(j + 2)) {
            (Some("magnitude"), _, _) => Some(j),
            (Some("richter"), _, _) => Some(scale(j + 1)),
            (Some("on"), Some("the"), Some("richter")) => Some(scale(j + 3)),
            _ => None,
        }
    }

    /// A whole numeral that could be a child's or adult's age (1 to 150).
    fn age_numeral(&self, k: usize) -> bool {
        self.lw(k)
            .and_then(leading_numeral)
            .is_some_and(|(v, rest)| {
                rest.is_empty() && v.fract() == 0.0 && (1.0..=150.0).contains(&v)
            })
    }

    /// Whether the numeral at `i` is one of a list of ages after a noun of
    /// people: "her husband, 45,", "two daughters, 8 and 12.", "sons, 3, 5
    /// and 7". The list must end the phrase.
    fn in_age_list(&self, i: usize) -> bool {
        if !self.age_numeral(i) {
            return false;
        }
        let sep = |k: usize| self.punct(k) == Some(",") || self.lw(k) == Some("and");
        let mut s = i;
        while s >= 2 && sep(s - 1) && self.age_numeral(s - 2) {
            s -= 2;
        }
        if s < 2 || self.punct(s - 1) != Some(",") {
            return false;
        }
        let noun = self.lw(s - 2).map(singular);
        if !noun.is_some_and(|n| AGE_APPOSITION_NOUNS.contains(&n)) {
            return false;
        }
        let mut e = i + 1;
        while sep(e) && self.age_numeral(e + 1) {
            e += 2;
        }
        e >= self.t.len() || matches!(self.punct(e), Some("," | "." | ")" | ";"))
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

    /// A vague amount starting at token `i`: ("several", 2, None) and the
    /// token where the counted noun phrase starts.
    fn vague(&self, i: usize) -> Option<(&'static str, f64, Option<f64>, usize)> {
        let w = self.lw(i)?;
        let of_then = |k: usize| -> Option<usize> {
            (self.lw(k) == Some("of")).then(|| self.skip_determiner(k + 1))
        };
        Some(match w {
            "multiple" => ("multiple", 2.0, None, i + 1),
            "several" => ("several", 2.0, None, i + 1),
            "numerous" => ("numerous", 2.0, None, i + 1),
            "countless" => ("countless", 2.0, None, i + 1),
            "many" if !matches!(self.lw(i.wrapping_sub(1)), Some("how" | "as")) => {
                ("many", 2.0, None, i + 1)
            }
            "dozens" => ("dozens", 24.0, None, of_then(i + 1)?),
            "scores" => ("scores", 40.0, None, of_then(i + 1)?),
            "hundreds" => ("hundreds", 200.0, None, of_then(i + 1)?),
            "thousands" => ("thousands", 2000.0, None, of_then(i + 1)?),
            "millions" => ("millions", 2e6, None, of_then(i + 1)?),
            "lots" => ("lots", 2.0, None, of_then(i + 1)?),
            "a" => match self.lw(i + 1)? {
                "few" => ("a few", 2.0, Some(5.0), i + 2),
                "couple" => ("a couple", 2.0, Some(3.0), of_then(i + 2)?),
                "handful" => ("a handful", 2.0, Some(6.0), of_then(i + 2)?),
                "number" => ("a number of", 2.0, None, of_then(i + 2)?),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn skip_determiner(&self, k: usize) -> usize {
        match self.lw(k) {
            Some("the" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "your") => {
                k + 1
            }
            _ => k,
        }
    }

    /// Reads one claim starting at token `i`; returns it and the token after.
    fn at(&self, i: usize) -> Option<(Found, usize)> {
        let w = self.lw(i)?;
        if let Some((label, low, high, from)) = self.vague(i) {
            let (h, unit) = self.head(from, true)?;
            let amount = Amount::Vague {
                label: label.to_string(),
                low,
                high,
            };
            return Some((
                self.found(
                    ClaimKind::Quantity,
                    i,
                    h,
                    ClaimValue::Quantity { amount, unit },
                ),
                h + 1,
            ));
        }
        if w == "both" {
            return self.both(i);
        }
        // "a magnitude-5.9 quake": one token.
        if let Some((v, "")) = w.strip_prefix("magnitude-").and_then(leading_numeral) {
            if v > 10.0 {
                return None;
            }
            let bound = self.bound_before(i);
            let first = bound.map_or(i, |b| b.1);
            let amount = with_bound(bound.map(|b| b.0), v);
            return Some((
                self.found(
                    ClaimKind::Size,
                    first,
                    i,
                    ClaimValue::Size {
                        amount,
                        unit: "magnitude".to_string(),
                    },
                ),
                i + 1,
            ));
        }
        // A currency sign before the number ("$5", "US$5").
        let mut first = i;
        let mut currency = None;
        if i > 0 {
            if let Some(c) = self.punct(i - 1).and_then(currency_sign) {
                currency = Some(c);
                first = i - 1;
                if i > 1 && self.adjacent(i - 2) {
                    match self.lw(i - 2) {
                        Some("us") => first = i - 2,
                        Some("a") if c == "USD" => {
                            currency = Some("AUD");
                            first = i - 2
                        }
                        Some("c") if c == "USD" => {
                            currency = Some("CAD");
                            first = i - 2
                        }
                        _ => {}
                    }
                }
            }
        }
        let num = self.number(i)?;
        let mut bound = self.bound_before(first);
        // A bound of no words of its own ("range of"): dropped if no range
        // follows.
        let soft_bound = bound.is_some_and(|(_, at)| at == first);
        if let Some((_, b)) = bound {
            first = b;
        }
        let mut j = num.next;
        let mut high = match num.tail {
            Tail::Range(h) => Some(h),
            _ => None,
        };
        // "3% to 5%", "between 3% and 5%": the range's sign after each end.
        if high.is_none() && self.punct(j) == Some("%") {
            let joiner = self.lw(j + 1);
            let ok = match bound {
                Some((Bound::Between, _)) => matches!(joiner, Some("and" | "to")),
                _ => joiner == Some("to"),
            };
            if ok {
                if let Some(n2) = self.number(j + 2).filter(|n2| {
                    n2.tail == Tail::None
                        && n2.value > num.value
                        && self.punct(n2.next) == Some("%")
                }) {
                    high = Some(n2.value);
                    j = n2.next;
                }
            }
        }
        if matches!(bound, Some((Bound::Between, _))) || (high.is_none() && num.numeral) {
            // "between 10 and 20", "10 to 20", "$1.30 to $1.40"
            let joiner = self.lw(j);
            let mut k = j + 1;
            if currency.is_some() && self.punct(k).and_then(currency_sign) == currency {
                k += 1;
            }
            let ok = match bound {
                Some((Bound::Between, _)) => matches!(joiner, Some("and" | "to")),
                _ => {
                    joiner == Some("to")
                        && self
                            .lw(k)
                            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                }
            };
            if ok {
                if let Some(n2) = self
                    .number(k)
                    .filter(|n2| n2.tail == Tail::None && n2.value > num.value)
                {
                    high = Some(n2.value);
                    j = n2.next;
                }
            }
            if matches!(bound, Some((Bound::Between, _))) && high.is_none() {
                // "a range of 5 products" is a count after all.
                if soft_bound {
                    bound = None;
                } else {
                    return None;
                }
            }
        }
        let amount = match (high, bound) {
            (Some(h), _) => Amount::Between {
                low: num.value,
                high: h,
            },
            (None, b) => with_bound(b.map(|b| b.0), num.value),
        };
        let last = j - 1;

        // Money written as a compound: "a two-million-euro booty",
        // "$2 billion-a-year", "$20-an-hour".
        if let Tail::Compound(rest) = num.tail {
            let head = rest.split('-').next().unwrap_or(rest);
            let rate = matches!(head, "a" | "an" | "per") && currency.is_some();
            // "Million-Dollar Baby" is a title, as "Million Dollar Baby" is.
            let title = !num.numeral
                && !self.headline
                && self.surface(last).len() == self.t.lower(last).len()
                && self.surface(last)[self.surface(last).len() - rest.len()..]
                    .starts_with(char::is_uppercase);
            if let Some(c) = currency.or_else(|| compound_currency(head)) {
                if title {
                    return None;
                }
                if rate || compound_currency(head).is_some() {
                    return Some((
                        self.found(
                            ClaimKind::Money,
                            first,
                            last,
                            ClaimValue::Money {
                                amount,
                                currency: c.to_string(),
                            },
                        ),
                        j,
                    ));
                }
            }
        }

        // Sizes and ages written as compounds: "90-page", "19-year-old".
        if let Tail::Compound(rest) = num.tail {
            if currency.is_some() {
                return None;
            }
            if matches!(rest, "year-old" | "years-old") {
                let person = self.name_after(j);
                return Some((
                    self.found(
                        ClaimKind::Age,
                        first,
                        last,
                        ClaimValue::Age { amount, person },
                    ),
                    j,
                ));
            }
            let head = rest.split('-').next().unwrap_or(rest);
            if is_time_unit(head) || rest.ends_with("-old") || is_fraction_or_ordinal(head) {
                return None;
            }
            // "five-member", "two-story": a number word makes a size only
            // with a unit or a counted thing, not "one-sided" or "two-way".
            if !num.numeral && measure_unit(rest).is_none() && !is_compound_count_noun(head) {
                return None;
            }
            let unit = match measure_unit(rest) {
                Some(u) => u.to_string(),
                None => rest.replace('-', " "),
            };
            return Some((
                self.found(
                    ClaimKind::Size,
                    first,
                    last,
                    ClaimValue::Size { amount, unit },
                ),
                j,
            ));
        }

        // Lengths, weights and speeds glued to the digits: "58km", "193km/h".
        if let Tail::Unit(u) = num.tail {
            if currency.is_some() {
                return None;
            }
            let (unit, end) = match (self.punct(j), self.lw(j + 1)) {
                (Some("/"), Some("h" | "hr"))
                    if u == "kilometer" && self.adjacent(j - 1) && self.adjacent(j) =>
                {
                    ("kmh", j + 1)
                }
                _ => (u, last),
            };
            return Some((
                self.found(
                    ClaimKind::Size,
                    first,
                    end,
                    ClaimValue::Size {
                        amount,
                        unit: unit.to_string(),
                    },
                ),
                end + 1,
            ));
        }

        // Magnitudes: "magnitude 6.1", "a magnitude of at least 5.9", "6.1 on
        // the Richter scale", "6.1 magnitude", "measuring 6.1" by "magnitude".
        if currency.is_none()
            && matches!(num.tail, Tail::None | Tail::Range(_))
            && num.value <= 10.0
            && high.is_none_or(|h| h <= 10.0)
        {
            let mut mfirst = first;
            let mut mbound = bound;
            let mut prefix = false;
            if bound.is_none() {
                if let Some(m) = self.magnitude_before(i) {
                    prefix = true;
                    mfirst = m;
                    mbound = self.bound_before(m);
                    if let Some((_, b)) = mbound {
                        mfirst = b;
                    }
                }
            } else if let Some(m) = self.magnitude_before(first) {
                prefix = true;
                mfirst = m;
            }
            let suffix = self.magnitude_after(j);
            let measuring = !prefix
                && suffix.is_none()
                && mfirst > 0
                && matches!(self.lw(mfirst - 1), Some("measuring" | "measured"))
                && self.lw(j).is_none_or(|n| {
                    measure_unit(n).is_none()
                        && duration_unit(n).is_none()
                        && !matches!(n, "percent" | "per" | "pct" | "percentage")
                })
                && (mfirst.saturating_sub(6)..mfirst - 1)
                    .chain(j..(j + 6).min(self.t.len()))
                    .any(|k| matches!(self.lw(k), Some("magnitude" | "richter")));
            if prefix || suffix.is_some() || measuring {
                if matches!(mbound, Some((Bound::Between, _))) && high.is_none() {
                    return None;
                }
                let amount = match high {
                    Some(h) => Amount::Between {
                        low: num.value,
                        high: h,
                    },
                    None => with_bound(mbound.map(|b| b.0), num.value),
                };
                let end = suffix.unwrap_or(last);
                return Some((
                    self.found(
                        ClaimKind::Size,
                        mfirst,
                        end,
                        ClaimValue::Size {
                            amount,
                            unit: "magnitude".to_string(),
                        },
                    ),
                    end + 1,
                ));
            }
        }

        // Percentages.
        let pct_end = match (self.punct(j), self.lw(j), self.lw(j + 1)) {
            (Some("%"), _, _) => Some(j),
            (_, Some("percentage"), Some("point" | "points")) => Some(j + 1),
            (_, Some("percent" | "pct" | "percentage"), _) => Some(j),
            (_, Some("per"), Some("cent")) => Some(j + 1),
            _ => None,
        };
        if let Some(e) = pct_end {
            if currency.is_some() {
                return None;
            }
            return Some((
                self.found(ClaimKind::Percent, first, e, ClaimValue::Percent { amount }),
                e + 1,
            ));
        }

        // Money.
        if let Some(c) = currency {
            return Some((
                self.found(
                    ClaimKind::Money,
                    first,
                    last,
                    ClaimValue::Money {
                        amount,
                        currency: c.to_string(),
                    },
                ),
                j,
            ));
        }
        if let Some(c) = self.lw(j).and_then(currency_word) {
            // "Million Dollar Baby" is a title, outside a title-case headline.
            if !num.numeral && self.is_cap(i) && self.is_cap(j) && !self.headline {
                return None;
            }
            // "5 pounds of cocaine" is a weight.
            if !(c == "GBP" && self.lw(j + 1) == Some("of")) {
                return Some((
                    self.found(
                        ClaimKind::Money,
                        first,
                        j,
                        ClaimValue::Money {
                            amount,
                            currency: c.to_string(),
                        },
                    ),
                    j + 1,
                ));
            }
        }

        // Ages. Explicit phrases take any whole number up to 999: "aged 91",
        // "91 years old", "91 years of age", "at the age of 91"; "then 23,"
        // up to 120; apposition up to 150: "Smith, 45,", "her husband, 45,",
        // "two daughters, 8 and 12".
        let whole = num.value.fract() == 0.0 && num.value >= 1.0 && high.is_none();
        let before = |k: usize| if first >= k { self.lw(first - k) } else { None };
        let age = |a: usize, b: usize, person: Option<String>| {
            Some((
                self.found(
                    ClaimKind::Age,
                    a,
                    b,
                    ClaimValue::Age {
                        amount: amount.clone(),
                        person,
                    },
                ),
                b + 1,
            ))
        };
        if whole && num.value <= 999.0 {
            if matches!(self.lw(j), Some("years" | "year")) {
                if self.lw(j + 1) == Some("old") {
                    return age(first, j + 1, self.name_after(j + 2));
                }
                if self.lw(j + 1) == Some("of") && self.lw(j + 2) == Some("age") {
                    return age(first, j + 2, None);
                }
            }
            if before(1) == Some("aged") {
                let person = (first >= 3 && self.punct(first - 2) == Some(","))
                    .then(|| self.name_before(first - 3))
                    .flatten();
                return age(first - 1, last, person);
            }
            if before(1) == Some("of") && before(2) == Some("age") {
                let mut a = first - 2;
                if before(3) == Some("the") {
                    a -= 1;
                    if before(4) == Some("at") {
                        a -= 1;
                    }
                }
                return age(a, last, None);
            }
        }
        let ends_phrase = matches!(self.punct(j), Some("," | ")" | "." | ";")) || j >= self.t.len();
        if whole && num.value <= 120.0 && before(1) == Some("then") && ends_phrase && num.numeral {
            return age(first - 1, last, None);
        }
        if whole && num.value <= 150.0 && num.numeral && bound.is_none() {
            if first >= 2 && self.punct(first - 1) == Some(",") && self.punct(j) == Some(",") {
                if let Some(person) = self.name_before(first - 2) {
                    return age(first, last, Some(person));
                }
            }
            if first == i && self.in_age_list(i) {
                return age(first, last, None);
            }
        }

        // Counts. Numbers that label things are not counts: "Local Law 228",
        // "Route 9", "No. 5", "#3", "Catch-22", "Ocean's Eleven".
        if bound.is_none() && i > 0 {
            let p = i - 1;
            if num.numeral {
                if self.punct(p) == Some("#")
                    || (self.is_cap(p)
                        && !is_function(self.t.lower(p))
                        && !self.t.lower(p).ends_with("’s")
                        && !self.t.lower(p).ends_with("'s"))
                    || (self.punct(p) == Some(".")
                        && p > 0
                        && matches!(self.lw(p - 1), Some("no" | "nos")))
                    || (self.punct(p) == Some("-") && self.adjacent(p))
                {
                    return None;
                }
            } else if self.is_cap(i)
                && !self.headline
                && !matches!(
                    self.punct(p),
                    Some("\"" | "“" | "(" | "‘" | "'" | ":" | "-" | "—")
                )
            {
                return None;
            }
        }
        // A part of a set named before: "four robbers, two of whom were
        // disguised", "two of them": a count of the set's noun.
        if self.lw(j) == Some("of") && matches!(self.lw(j + 1), Some("whom" | "them" | "which")) {
            let noun = (i.saturating_sub(8)..first)
                .rev()
                .find_map(|k| self.lw(k).filter(|w| !is_function(w)).and_then(plural_noun));
            if let Some(unit) = noun {
                return Some((
                    self.found(
                        ClaimKind::Quantity,
                        first,
                        j + 1,
                        ClaimValue::Quantity { amount, unit },
                    ),
                    j + 2,
                ));
            }
        }
        // Ratios: "1 in 5 adults", "one in three".
        let ratio_after = self.lw(j) == Some("in") && self.number(j + 1).is_some();
        let ratio_before = i >= 2
            && self.lw(i - 1) == Some("in")
            && self.number(i - 2).is_some_and(|n| n.next == i - 1);
        if ratio_after || ratio_before {
            return None;
        }
        if w == "one"
            && i > 0
            && matches!(
                self.lw(i - 1),
                Some(
                    "no" | "any"
                        | "every"
                        | "each"
                        | "which"
                        | "this"
                        | "that"
                        | "someone"
                        | "anyone"
                )
            )
        {
            return None;
        }
        if let Some(u) = self.lw(j).and_then(measure_unit) {
            // Speeds: "120 km/h", "75 miles per hour".
            let (unit, end) = match (u, self.punct(j + 1), self.lw(j + 1), self.lw(j + 2)) {
                ("kilometer", Some("/"), _, Some("h" | "hr")) => ("kmh", j + 2),
                ("kilometer", _, Some("per"), Some("hour")) => ("kmh", j + 2),
                ("mile", _, Some("per"), Some("hour")) => ("mph", j + 2),
                _ => (u, j),
            };
            return Some((
                self.found(
                    ClaimKind::Size,
                    first,
                    end,
                    ClaimValue::Size {
                        amount,
                        unit: unit.to_string(),
                    },
                ),
                end + 1,
            ));
        }
        // Durations: "two hours", "after about 15 minutes"; not "two years
        // ago" (a date) nor the idiom "one day".
        if let Some(u) = self.lw(j).and_then(duration_unit) {
            if self.lw(j + 1).is_some_and(ends_duration) || (w == "one" && u == "day") {
                return None;
            }
            return Some((
                self.found(
                    ClaimKind::Size,
                    first,
                    j,
                    ClaimValue::Size {
                        amount,
                        unit: u.to_string(),
                    },
                ),
                j + 1,
            ));
        }
        let plural = high.is_some() || num.value != 1.0;
        // A count of a model: "12 737 MAX 9 aircraft", "two F-35 jets".
        if let Some((h, unit)) = self.model(j) {
            return Some((
                self.found(
                    ClaimKind::Quantity,
                    first,
                    h,
                    ClaimValue::Quantity { amount, unit },
                ),
                h + 1,
            ));
        }
        let Some((h, unit)) = self.head(j, plural) else {
            // "the death toll rose to 10", "a toll of 35": the number of
            // dead, with no noun after it.
            let toll = (first.saturating_sub(8)..first).any(|k| self.lw(k) == Some("toll"));
            if toll && high.is_none() {
                return Some((
                    self.found(
                        ClaimKind::Quantity,
                        first,
                        last,
                        ClaimValue::Quantity {
                            amount,
                            unit: "dead".into(),
                        },
                    ),
                    j,
                ));
            }
            return None;
        };
        Some((
            self.found(
                ClaimKind::Quantity,
                first,
                h,
                ClaimValue::Quantity { amount, unit },
            ),
            h + 1,
        ))
    }

    /// A model designation at token `j` and the noun it may qualify: "737
    /// MAX 9 aircraft", "F-35 jets", "A380s". Its last token and its name,
    /// lowercase ("737 max 9").
    fn model(&self, j: usize) -> Option<(usize, String)> {
        let w = self.lw(j)?;
        let s = self.surface(j);
        // (Not a year: "the two 2004 champions".)
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        let numeral = w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()) && !year;
        let code = self.is_cap(j)
            && s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes().any(|b| b.is_ascii_alphabetic());
        if !(numeral || code) || !self.adjacent_space(j) {
            return None;
        }
        let mut last = j;
        // "MAX 9", "Dreamliner", "-800": capitalised words and small
        // numbers that go on naming the model.
        while last + 1 < self.t.len() && last < j + 3 {
            let k = last + 1;
            let Some(n) = self.lw(k) else { break };
            let go_on = self.is_acronym(k)
                || (n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && self.is_acronym(last));
            if !go_on {
                break;
            }
            last = k;
        }
        let name = (j..=last)
            .map(|k| self.lw(k).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ");
        // The noun after it is what the model is: "aircraft", "jets".
        let h = match self.lw(last + 1) {
            Some(n) if !is_function(n) && plural_noun(n).is_some() => last + 1,
            _ => last,
        };
        Some((h, name))
    }

    /// Whether token `j` follows the one before after a space, not glued.
    fn adjacent_space(&self, j: usize) -> bool {
        j > 0 && self.t.toks[j - 1].end < self.t.toks[j].start
    }

    /// "both officers" (2 officer), or "the officers both" (the noun before).
    fn both(&self, i: usize) -> Option<(Found, usize)> {
        let mut from = i + 1;
        if self.lw(from) == Some("of") {
            from += 1;
        }
        from = self.skip_determiner(from);
        let amount = Amount::Exact { value: 2.0 };
        if let Some((h, unit)) = self.head(from, true) {
            // "both X and Y" pairs two things; it does not count X.
            if self.lw(h + 1) != Some("and") {
                return Some((
                    self.found(
                        ClaimKind::Quantity,
                        i,
                        h,
                        ClaimValue::Quantity { amount, unit },
                    ),
                    h + 1,
                ));
            }
            return None;
        }
        let prev = self.lw(i.checked_sub(1)?)?;
        let unit = plural_noun(prev)?;
        if is_function(prev) || self.is_cap(i - 1) {
            return None;
        }
        Some((
            self.found(
                ClaimKind::Quantity,
                i,
                i,
                ClaimValue::Quantity { amount, unit },
            ),
            i + 1,
        ))
    }
}

/// "two-thirds", "one-half", "first-ever": not a size.
static COMPOUND_NON_SIZES: WordList =
    WordList::new(include_str!("../../data/compound_non_sizes.txt"));

fn is_fraction_or_ordinal(w: &str) -> bool {
    COMPOUND_NON_SIZES.contains(w)
}

/// Things a number-word compound counts ("five-member panel", "two-story
/// house", "three-judge panel").
static COMPOUND_COUNT_NOUNS: WordList =
    WordList::new(include_str!("../../data/compound_count_nouns.txt"));

fn is_compound_count_noun(w: &str) -> bool {
    COMPOUND_COUNT_NOUNS.contains(w)
}

fn with_bound(b: Option<Bound>, value: f64) -> Amount {
    match b {
        None | Some(Bound::Between) => Amount::Exact { value },
        Some(Bound::MoreThan) => Amount::MoreThan { value },
        Some(Bound::LessThan) => Amount::LessThan { value },
        Some(Bound::AtLeast) => Amount::AtLeast { value },
        Some(Bound::AtMost) => Amount::AtMost { value },
        Some(Bound::Approx) => Amount::Approx { value },
    }
}

/// Whether number word `next` continues a number ending in `prev`:
/// "twenty six", "one hundred", "hundred thousand"; not "one two".
fn number_words_join(prev: &str, next: &str) -> bool {
    let tens = matches!(
        prev,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    );
    let unit = matches!(
        next,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
    );
    let scale = matches!(
        next,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
    );
    let prev_scale = matches!(
        prev,
        "hundred" | "thousand" | "million" | "billion" | "trillion"
    );
    (tens && unit) || (scale && prev != next) || (prev_scale && !scale)
}

/// Lowercase words inside a name: "von der", "bin".
static NAME_CONNECTORS: WordList = WordList::new(include_str!("../../data/name_connectors.txt"));

fn is_name_connector(w: &str) -> bool {
    NAME_CONNECTORS.contains(w)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

    fn run(text: &str) -> Vec<(String, String, ClaimValue)> {
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
    fn show(text: &str) -> Vec<(String, String, String)> {
        run(text)
            .into_iter()
            .map(|(k, s, v)| (k, s, v.display()))
            .collect()
    }

    fn one(text: &str) -> (String, String, String) {
        let all = show(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn q(kind: &str, surface: &str, display: &str) -> (String, String, String) {
        (kind.to_string(), surface.to_string(), display.to_string())
    }

    #[test]
    fn exact_counts_skip_adjectives() {
        assert_eq!(
            one("DOI reviewed 5 incidents."),
            q("quantity", "5 incidents", "5 incident")
        );
        assert_eq!(
            one("It made seven new recommendations."),
            q("quantity", "seven new recommendations", "7 recommendation")
        );
        assert_eq!(
            one("It found a single clear violation."),
            q("quantity", "a single clear violation", "1 violation")
        );
        assert_eq!(
            one("They found one instance where it failed."),
            q("quantity", "one instance", "1 instance")
        );
        assert_eq!(
            one("It covered five separate incidents."),
            q("quantity", "five separate incidents", "5 incident")
        );
        assert_eq!(
            one("Of the five cases, one stood out."),
            q("quantity", "five cases", "5 case")
        );
        assert_eq!(
            one("In the four other incidents, it complied."),
            q("quantity", "four other incidents", "4 incident")
        );
        assert_eq!(
            one("Police held 200 people."),
            q("quantity", "200 people", "200 person")
        );
        assert_eq!(
            one("Twenty-six children were hurt."),
            q("quantity", "Twenty-six children", "26 child")
        );
        assert_eq!(
            one("The 2 legislators objected."),
            q("quantity", "2 legislators", "2 legislator")
        );
        assert_eq!(
            one("He joined 238 other Venezuelan migrants."),
            q("quantity", "238 other Venezuelan migrants", "238 migrant")
        );
        assert_eq!(
            one("A dozen officers came."),
            q("quantity", "A dozen officers", "12 officer")
        );
        assert_eq!(
            one("It has one hundred and five members."),
            q("quantity", "one hundred and five members", "105 member")
        );
    }

    #[test]
    fn a_toll_counts_the_dead() {
        assert_eq!(
            show("The death toll rose to 10 on Monday."),
            vec![q("quantity", "10", "10 dead")]
        );
        assert_eq!(
            show("The quake left a toll of at least 35."),
            vec![q("quantity", "at least 35", ">=35 dead")]
        );
    }

    #[test]
    fn counts_of_models() {
        assert_eq!(
            show("They will accelerate 12 737 MAX 9 aircraft deliveries."),
            vec![q("quantity", "12 737 MAX 9 aircraft", "12 737 max 9")]
        );
        assert_eq!(
            show("It bought two F-35 jets."),
            vec![q("quantity", "two F-35 jets", "2 f-35")]
        );
    }

    #[test]
    fn parts_of_a_set_named_before() {
        assert_eq!(
            show("The four robbers, two of whom were disguised as women, fled."),
            vec![
                q("quantity", "four robbers", "4 robber"),
                q("quantity", "two of whom", "2 robber")
            ]
        );
        assert_eq!(
            show("A gang of four thieves -- two of them disguised as women -- fled."),
            vec![
                q("quantity", "four thieves", "4 thief"),
                q("quantity", "two of them", "2 thief")
            ]
        );
    }

    #[test]
    fn bounds_and_approximations() {
        assert_eq!(
            one("The price is expected to again exceed $460,000."),
            q("money", "$460,000", ">460000 USD")
        );
        assert_eq!(
            one("Costs stayed below 5% of sales."),
            q("percent", "5%", "<5%")
        );
        assert_eq!(
            one("He was freed with more than 250 detainees."),
            q("quantity", "more than 250 detainees", ">250 detainee")
        );
        assert_eq!(
            one("At least 3 officers were hurt."),
            q("quantity", "At least 3 officers", ">=3 officer")
        );
        assert_eq!(
            one("Charges against up to 19 protesters were dropped."),
            q("quantity", "up to 19 protesters", "<=19 protester")
        );
        assert_eq!(
            one("Charges against as many as 19 protesters were dropped."),
            q("quantity", "as many as 19 protesters", "<=19 protester")
        );
        assert_eq!(
            one("Fewer than 10 agents came."),
            q("quantity", "Fewer than 10 agents", "<10 agent")
        );
        for w in ["nearly", "almost", "about", "around", "roughly", "some"] {
            let t = format!("They sent {w} 200 agents.");
            assert_eq!(
                one(&t),
                q("quantity", &format!("{w} 200 agents"), "~200 agent"),
                "{w}"
            );
        }
        assert_eq!(
            one("It took between 10 and 20 officers."),
            q("quantity", "between 10 and 20 officers", "10-20 officer")
        );
        assert_eq!(
            one("It took 10-20 officers."),
            q("quantity", "10-20 officers", "10-20 officer")
        );
        assert_eq!(
            one("EPS of $1.30 to $1.40 is expected."),
            q("money", "$1.30 to $1.40", "1.3-1.4 USD")
        );
        assert_eq!(
            one("Revenue between $11,100 million and $11,250 million."),
            q(
                "money",
                "between $11,100 million and $11,250 million",
                "11100000000-11250000000 USD"
            )
        );
        assert_eq!(
            one("Revenue is expected within the range of $11,100 million and $11,250 million."),
            q(
                "money",
                "$11,100 million and $11,250 million",
                "11100000000-11250000000 USD"
            )
        );
        assert_eq!(
            one("Growth of 3% to 5% is the target."),
            q("percent", "3% to 5%", "3-5%")
        );
    }

    #[test]
    fn vague_amounts() {
        let v = |t: &str| match run(t).into_iter().next() {
            Some((
                _,
                s,
                ClaimValue::Quantity {
                    amount: Amount::Vague { label, low, high },
                    unit,
                },
            )) => (s, label, low, high, unit),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            v("It found multiple violations."),
            (
                "multiple violations".into(),
                "multiple".into(),
                2.0,
                None,
                "violation".into()
            )
        );
        assert_eq!(
            v("It found several gaps."),
            (
                "several gaps".into(),
                "several".into(),
                2.0,
                None,
                "gap".into()
            )
        );
        assert_eq!(
            v("It found a number of gaps."),
            (
                "a number of gaps".into(),
                "a number of".into(),
                2.0,
                None,
                "gap".into()
            )
        );
        assert_eq!(
            v("ICE would send hundreds of agents."),
            (
                "hundreds of agents".into(),
                "hundreds".into(),
                200.0,
                None,
                "agent".into()
            )
        );
        assert_eq!(
            v("Dozens of the protesters left."),
            (
                "Dozens of the protesters".into(),
                "dozens".into(),
                24.0,
                None,
                "protester".into()
            )
        );
        assert_eq!(
            v("It sent a few officers."),
            (
                "a few officers".into(),
                "a few".into(),
                2.0,
                Some(5.0),
                "officer".into()
            )
        );
        assert_eq!(
            v("Many people came."),
            (
                "Many people".into(),
                "many".into(),
                2.0,
                None,
                "person".into()
            )
        );
        assert!(run("Many of them left.").is_empty());
        assert!(run("It was a lot of work.").is_empty());
    }

    #[test]
    fn both_counts_two() {
        assert_eq!(
            one("Both officers were disciplined."),
            q("quantity", "Both officers", "2 officer")
        );
        assert_eq!(
            one("The officers both resigned."),
            q("quantity", "both", "2 officer")
        );
        assert!(run("It violated both department policy and city law.").is_empty());
        assert!(run("It violated both policies and laws.").is_empty());
    }

    #[test]
    fn labels_addresses_times_and_pronouns_are_not_counts() {
        for t in [
            "It breaks Local Law 228, which requires logs.",
            "Traffic on Route 9 stopped.",
            "Bill No. 5 passed.",
            "They rallied outside 26 Federal Plaza on Tuesday.",
            "It began at 3 p.m. on Friday.",
            "It began at 3:30 on Friday.",
            "She came 5th in the race.",
            "He read Catch-22 twice.",
            "Call 555-1234 today.",
            "Call 212-555-1234 today.",
            "One of them left.",
            "No one was hurt.",
            "She is the one who called.",
            "They helped one another.",
            "It happened five days earlier.",
            "It was one of the worst.",
            "He saw Ocean's Eleven Thieves twice.",
            "In the 1990s crime fell.",
            "One in three adults voted.",
            "About 1 in 5 adults voted.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", show(t));
        }
    }

    #[test]
    fn ages_with_and_without_names() {
        let age = |t: &str| match run(t).into_iter().next() {
            Some((k, s, ClaimValue::Age { amount, person })) => (k, s, amount.to_string(), person),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            age("It moved 19-year-old Merwil Gutiérrez Flores to the FBI."),
            (
                "age".into(),
                "19-year-old".into(),
                "19".into(),
                Some("Merwil Gutiérrez Flores".into())
            )
        );
        assert_eq!(
            age("The 32-year-old, based in New Jersey, left."),
            ("age".into(), "32-year-old".into(), "32".into(), None)
        );
        assert_eq!(
            age("A 32-year-old woman was held."),
            ("age".into(), "32-year-old".into(), "32".into(), None)
        );
        assert_eq!(
            age("Jane Smith, 45, was arrested."),
            (
                "age".into(),
                "45".into(),
                "45".into(),
                Some("Jane Smith".into())
            )
        );
        assert_eq!(
            age("Smith, aged 32, left."),
            (
                "age".into(),
                "aged 32".into(),
                "32".into(),
                Some("Smith".into())
            )
        );
        assert_eq!(
            age("The man, then 23, fled."),
            ("age".into(), "then 23".into(), "23".into(), None)
        );
        assert_eq!(
            age("She is 40 years old."),
            ("age".into(), "40 years old".into(), "40".into(), None)
        );
        assert!(run("In March, 45 people were arrested.")
            .iter()
            .all(|c| c.0 == "quantity"));
    }

    #[test]
    fn money() {
        assert_eq!(
            one("It cost $1.5 million."),
            q("money", "$1.5 million", "1500000 USD")
        );
        assert_eq!(
            one("A fine of £200 was paid."),
            q("money", "£200", "200 GBP")
        );
        assert_eq!(
            one("Spending hit €3bn last year."),
            q("money", "€3bn", "3000000000 EUR")
        );
        assert_eq!(
            one("He got 5 million dollars."),
            q("money", "5 million dollars", "5000000 USD")
        );
        assert_eq!(
            one("Bail was set at $20,000."),
            q("money", "$20,000", "20000 USD")
        );
        assert_eq!(
            one("It paid more than US$5 million."),
            q("money", "more than US$5 million", ">5000000 USD")
        );
        assert!(show("He had 5 pounds of cocaine.")
            .iter()
            .all(|c| c.0 != "money"));
    }

    #[test]
    fn percentages() {
        for (t, s) in [
            ("Crime fell 12 percent.", "12 percent"),
            ("Crime fell 12%.", "12%"),
            ("Crime fell twenty six percent.", "twenty six percent"),
            ("Crime fell 12 per cent.", "12 per cent"),
        ] {
            let (k, surface, _) = one(t);
            assert_eq!((k.as_str(), surface.as_str()), ("percent", s), "{t}");
        }
        assert_eq!(one("Crime fell nearly 12.5%.").2, "~12.5%");
    }

    #[test]
    fn sizes() {
        assert_eq!(
            one("The 90-page report came out."),
            q("size", "90-page", "90 page")
        );
        assert_eq!(
            one("It closed a 5-mile stretch."),
            q("size", "5-mile", "5 mile")
        );
        assert_eq!(
            one("A 10-foot wall went up."),
            q("size", "10-foot", "10 foot")
        );
        assert_eq!(
            one("A 3,000-square-foot home burned."),
            q("size", "3,000-square-foot", "3000 square foot")
        );
        assert!(run("It is a five-year plan.").is_empty());
        assert_eq!(
            one("A five-member panel met."),
            q("size", "five-member", "5 member")
        );
        assert!(run("Two-thirds of residents agreed.").is_empty());
        assert!(run("It was a one-sided, two-way fight.").is_empty());
        assert!(run("It began a 24-hour strike.").is_empty());
    }

    #[test]
    fn magnitudes() {
        for (t, surface, display) in [
            (
                "A magnitude 6.1 quake struck.",
                "magnitude 6.1",
                "6.1 magnitude",
            ),
            (
                "It had a magnitude of 5.9.",
                "a magnitude of 5.9",
                "5.9 magnitude",
            ),
            (
                "A magnitude-5.9 quake struck.",
                "magnitude-5.9",
                "5.9 magnitude",
            ),
            (
                "It measured 6.1 on the Richter scale.",
                "6.1 on the Richter scale",
                "6.1 magnitude",
            ),
            (
                "A quake measuring 6.1 magnitude hit.",
                "6.1 magnitude",
                "6.1 magnitude",
            ),
            (
                "A 6.1-magnitude quake struck.",
                "6.1-magnitude",
                "6.1 magnitude",
            ),
            (
                "It struck at least magnitude 5.9 near Tabriz.",
                "at least magnitude 5.9",
                ">=5.9 magnitude",
            ),
            (
                "A quake of a magnitude of nearly 6 hit.",
                "a magnitude of nearly 6",
                "~6 magnitude",
            ),
            (
                "The magnitude of the quake, measuring 6.1, surprised them.",
                "6.1",
                "6.1 magnitude",
            ),
        ] {
            assert_eq!(one(t), q("size", surface, display), "{t}");
        }
        assert_eq!(
            one("The pool measuring 6 meters was built."),
            q("size", "6 meters", "6 meter")
        );
        assert!(show("A quake measuring 6 hit the town.")
            .iter()
            .all(|c| !c.2.ends_with("magnitude")));
        assert!(run("The magnitude of 5 million losses stunned them.")
            .iter()
            .all(|c| !c.2.display().ends_with("magnitude")));
    }

    #[test]
    fn toll_role_words_count_people() {
        assert_eq!(
            show("The quake left 12 dead and 40 injured."),
            [
                q("quantity", "12 dead", "12 dead"),
                q("quantity", "40 injured", "40 injured")
            ]
        );
        assert_eq!(
            one("Ten dead in quake"),
            q("quantity", "Ten dead", "10 dead")
        );
        assert_eq!(
            show("Two wounded, five hurt and three missing."),
            [
                q("quantity", "Two wounded", "2 wounded"),
                q("quantity", "five hurt", "5 hurt"),
                q("quantity", "three missing", "3 missing")
            ]
        );
        assert_eq!(
            one("At least 12 killed in blast."),
            q("quantity", "At least 12 killed", ">=12 killed")
        );
        assert_eq!(
            one("One killed as bus overturns."),
            q("quantity", "One killed", "1 killed")
        );
        // A noun after the role word is what is counted.
        assert_eq!(
            one("It found 12 missing children."),
            q("quantity", "12 missing children", "12 child")
        );
        assert_eq!(
            one("Two injured officers left."),
            q("quantity", "Two injured officers", "2 officer")
        );
    }

    #[test]
    fn money_compounds() {
        assert_eq!(
            one("It cost $137-million."),
            q("money", "$137-million", "137000000 USD")
        );
        assert_eq!(
            one("They stole a two-million-euro booty."),
            q("money", "two-million-euro", "2000000 EUR")
        );
        assert_eq!(
            one("It earns $2 billion-a-year."),
            q("money", "$2 billion-a-year", "2000000000 USD")
        );
        assert_eq!(
            one("He made $20-an-hour."),
            q("money", "$20-an-hour", "20 USD")
        );
        assert_eq!(
            one("It cost 2 mn-euro."),
            q("money", "2 mn-euro", "2000000 EUR")
        );
        assert_eq!(one("It cost €2m."), q("money", "€2m", "2000000 EUR"));
        assert_eq!(
            one("It cost 2m euros."),
            q("money", "2m euros", "2000000 EUR")
        );
        assert_eq!(
            one("It cost $2.6 million."),
            q("money", "$2.6 million", "2600000 USD")
        );
        assert_eq!(
            show("He paid 85 million euros ($108 million)."),
            [
                q("money", "85 million euros", "85000000 EUR"),
                q("money", "$108 million", "108000000 USD")
            ]
        );
        assert_eq!(
            one("He had a five-dollar bill."),
            q("money", "five-dollar", "5 USD")
        );
        // An order of magnitude is no figure; a count of millions is.
        assert!(
            show("It would be the fifth billion-dollar telecoms deal since October.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert_eq!(
            one("They paid a two-million-euro fine."),
            q("money", "two-million-euro", "2000000 EUR")
        );
        // "a 5-pound bag" is a weight.
        assert!(show("He carried a 5-pound bag.")
            .iter()
            .all(|c| c.0 != "money"));
        assert!(run("They counted 2 million-plus fans.")
            .iter()
            .all(|c| !matches!(c.0.as_str(), "money" | "size")));
    }

    #[test]
    fn title_money_words_are_names() {
        assert!(
            show("Clint Eastwood's Million Dollar Baby led the hopefuls.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert!(
            show("Clint Eastwood's Million-Dollar Baby led the hopefuls.")
                .iter()
                .all(|c| c.0 != "money")
        );
        assert_eq!(
            one("Five million dollars was paid."),
            q("money", "Five million dollars", "5000000 USD")
        );
    }

    #[test]
    fn glued_lengths_and_speeds() {
        assert_eq!(one("It is 58km away."), q("size", "58km", "58 kilometer"));
        assert_eq!(one("It is 36mi away."), q("size", "36mi", "36 mile"));
        assert_eq!(one("It fell 40cm."), q("size", "40cm", "40 centimeter"));
        assert_eq!(one("It fell 12mm."), q("size", "12mm", "12 millimeter"));
        assert_eq!(one("It held 5kg."), q("size", "5kg", "5 kilogram"));
        // "10m" may be metres or a million: not a size.
        assert!(show("It is 10m away.").iter().all(|c| c.0 != "size"));
        assert_eq!(
            one("Winds of 193km/h hit."),
            q("size", "193km/h", "193 kmh")
        );
        assert_eq!(
            one("Winds of 193 km/h hit."),
            q("size", "193 km/h", "193 kmh")
        );
        assert_eq!(one("Winds of 120mph hit."), q("size", "120mph", "120 mph"));
        assert_eq!(
            one("Winds of 120 mph hit."),
            q("size", "120 mph", "120 mph")
        );
        assert_eq!(
            one("Winds of 75 miles per hour hit."),
            q("size", "75 miles per hour", "75 mph")
        );
        assert_eq!(
            show("It struck about 58km (36 miles) away."),
            [
                q("size", "about 58km", "~58 kilometer"),
                q("size", "36 miles", "36 mile")
            ]
        );
    }

    #[test]
    fn durations() {
        for (t, surface, display) in [
            ("It lasted two hours.", "two hours", "2 hour"),
            ("It took 15 minutes.", "15 minutes", "15 minute"),
            ("It shook for 10 seconds.", "10 seconds", "10 second"),
            ("It rained for three days.", "three days", "3 day"),
            ("It took six weeks.", "six weeks", "6 week"),
            ("It took five months.", "five months", "5 month"),
            ("He served 20 years.", "20 years", "20 year"),
            (
                "After about 15 minutes, it stopped.",
                "about 15 minutes",
                "~15 minute",
            ),
            ("In the next two hours it rained.", "two hours", "2 hour"),
            ("He spent three years in prison.", "three years", "3 year"),
            (
                "He spent 12 months in ICE detention.",
                "12 months",
                "12 month",
            ),
        ] {
            assert_eq!(one(t), q("size", surface, display), "{t}");
        }
        for t in [
            "It happened two years ago.",
            "It happened five days earlier.",
            "It ended three weeks later.",
            "He was jailed three times.",
            "It is a five-year plan.",
            "One day he left.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", show(t));
        }
        assert_eq!(one("He is 20 years old.").0, "age");
    }

    #[test]
    fn explicit_ages_take_any_whole_number() {
        let age = |t: &str| match run(t).as_slice() {
            [(k, s, ClaimValue::Age { amount, person })] => {
                (k.clone(), s.clone(), amount.to_string(), person.clone())
            }
            other => panic!("{t}: {other:?}"),
        };
        let none = |s: &str, a: &str| ("age".to_string(), s.to_string(), a.to_string(), None);
        assert_eq!(
            age("He died at the age of 91."),
            none("at the age of 91", "91")
        );
        assert_eq!(age("He died aged 121."), none("aged 121", "121"));
        assert_eq!(age("He is 130 years old."), none("130 years old", "130"));
        assert_eq!(age("He is 91 years of age."), none("91 years of age", "91"));
        assert_eq!(age("A 122-year-old man died."), none("122-year-old", "122"));
        assert_eq!(
            age("Eric Allen Kirkpatrick, 131, was held."),
            (
                "age".into(),
                "131".into(),
                "131".into(),
                Some("Eric Allen Kirkpatrick".into())
            )
        );
        assert!(run("Eric Allen Kirkpatrick, 161, was held.").is_empty());
    }

    #[test]
    fn ages_after_nouns_of_people() {
        assert_eq!(
            show("She left two daughters, 8 and 12."),
            [
                q("quantity", "two daughters", "2 daughter"),
                q("age", "8", "age 8"),
                q("age", "12", "age 12")
            ]
        );
        assert_eq!(
            show("Her sons, 3, 5 and 7, survived."),
            [
                q("age", "3", "age 3"),
                q("age", "5", "age 5"),
                q("age", "7", "age 7")
            ]
        );
        assert_eq!(one("Her husband, 45, was held."), q("age", "45", "age 45"));
        assert_eq!(
            one("In 2005, 45 people died."),
            q("quantity", "45 people", "45 person")
        );
        assert!(show("Of the victims, 12 were children.")
            .iter()
            .all(|c| c.0 != "age"));
    }

    #[test]
    fn title_case_headlines_count_number_words() {
        assert_eq!(
            one("Police Make Nine Arrests in Raid"),
            q("quantity", "Nine Arrests", "9 arrest")
        );
        assert_eq!(
            one("Ten Dead in Iran Quake"),
            q("quantity", "Ten Dead", "10 dead")
        );
        assert_eq!(
            show("Quake Leaves Ten Dead and Forty Injured in the North"),
            [
                q("quantity", "Ten Dead", "10 dead"),
                q("quantity", "Forty Injured", "40 injured")
            ]
        );
        assert!(run("He saw Ocean's Eleven twice.").is_empty());
        assert!(run("They watched Ocean's Eleven Thieves twice on Sunday.").is_empty());
    }
}
