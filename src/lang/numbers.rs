//! Numbers written in words (`data/numbers.yaml`): the values a number in
//! words is read by, and the regex fragments that find one, built from the
//! same lists so that what a regex finds the reader can read.

use super::lexicon::indexmap_free::OrderedMap;
use serde::Deserialize;
use std::ops::RangeBounds;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    units: OrderedMap<f64>,
    scales: OrderedMap<f64>,
    groups: OrderedMap<f64>,
    stand_ins: OrderedMap<f64>,
    abbreviations: OrderedMap<String>,
}

/// What a word is to a number in words, with its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// Adds up with the words after it ("twenty" "six").
    Unit(f64),
    /// Multiplies the number before it ("three hundred").
    Scale(f64),
    /// A number by itself that also multiplies ("a dozen", "two dozen").
    Group(f64),
    /// Counts only inside a number ("a hundred", "a single", "none").
    StandIn(f64),
    /// A scale written short after a numeral ("3bn"): the scale's value.
    Abbreviation(f64),
}

struct Numbers {
    /// In file order, which is the order a regex tries them in.
    units: Vec<(String, f64)>,
    scales: Vec<(String, f64)>,
    groups: Vec<(String, f64)>,
    /// foldhash: asked of nearly every word of every clause.
    words: foldhash::HashMap<String, Word>,
    /// The shapes of all words listed, and of the number words alone.
    any: Shapes,
    number_words: Shapes,
}

/// The lengths of the listed words that start with each byte. Numbers are
/// asked about nearly every word of every clause, and most words ("the",
/// "said", "of") are turned away by these before any hashing.
struct Shapes([u32; 256]);

impl Shapes {
    fn add(&mut self, w: &str) -> Result<(), String> {
        match w.as_bytes() {
            [first, ..] if w.len() < 32 => {
                self.0[usize::from(*first)] |= 1 << w.len();
                Ok(())
            }
            _ => Err(format!("{w:?}: a number word is 1 to 31 bytes long")),
        }
    }

    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        match w.as_bytes() {
            [first, ..] => w.len() < 32 && self.0[usize::from(*first)] & (1 << w.len()) != 0,
            [] => false,
        }
    }
}

fn parse(yaml: &str) -> Result<Numbers, String> {
    let f: File = yaml_serde::from_str(yaml).map_err(|e| e.to_string())?;
    let mut words = foldhash::HashMap::default();
    let mut add = |w: &str, word: Word| match words.insert(w.to_string(), word) {
        Some(_) => Err(format!("{w:?} is listed twice")),
        None => Ok(()),
    };
    for (w, v) in &f.units.0 {
        add(w, Word::Unit(*v))?;
    }
    for (w, v) in &f.scales.0 {
        add(w, Word::Scale(*v))?;
    }
    for (w, v) in &f.groups.0 {
        add(w, Word::Group(*v))?;
    }
    for (w, v) in &f.stand_ins.0 {
        add(w, Word::StandIn(*v))?;
    }
    for (w, scale) in &f.abbreviations.0 {
        let (_, v) = f
            .scales
            .0
            .iter()
            .find(|(s, _)| s == scale)
            .ok_or_else(|| format!("{w:?} abbreviates {scale:?}, which is no scale"))?;
        add(w, Word::Abbreviation(*v))?;
    }
    let mut any = Shapes([0; 256]);
    let mut number_words = Shapes([0; 256]);
    for (w, word) in &words {
        any.add(w)?;
        if matches!(word, Word::Unit(_) | Word::Scale(_) | Word::Group(_)) {
            number_words.add(w)?;
        }
    }
    Ok(Numbers {
        units: f.units.0,
        scales: f.scales.0,
        groups: f.groups.0,
        words,
        any,
        number_words,
    })
}

fn numbers() -> &'static Numbers {
    static N: LazyLock<Numbers> = LazyLock::new(|| {
        parse(include_str!("../../data/numbers.yaml")).expect("data/numbers.yaml")
    });
    &N
}

/// What lowercase `w` is to a number in words, if anything.
pub fn word(w: &str) -> Option<Word> {
    let n = numbers();
    if !n.any.may_hold(w) {
        return None;
    }
    n.words.get(w).copied()
}

/// True for a single lowercase word that is part of a number in words
/// ("five", "twenty", "hundred", "dozen"); not "a", "an", "none" or "single".
pub fn is_number_word(w: &str) -> bool {
    let n = numbers();
    n.number_words.may_hold(w)
        && matches!(
            n.words.get(w),
            Some(Word::Unit(_) | Word::Scale(_) | Word::Group(_))
        )
}

/// The multiplier of a scale word or abbreviation after a numeral
/// ("3 million", "3bn", "10k"). From a thousand up: "5 hundred" is not how
/// a figure of 500 is written.
pub fn scale_of(w: &str) -> Option<f64> {
    match word(w)? {
        Word::Abbreviation(v) => Some(v),
        Word::Scale(v) if v >= 1e3 => Some(v),
        _ => None,
    }
}

/// The value of scale word `w` ("hundred" → 100).
pub fn scale(w: &str) -> Option<f64> {
    match word(w)? {
        Word::Scale(v) => Some(v),
        _ => None,
    }
}

/// The unit words valued in `range`, in file order.
pub fn units(range: impl RangeBounds<f64>) -> impl Iterator<Item = &'static str> {
    in_range(&numbers().units, range)
}

/// The scale words valued in `range`, in file order.
pub fn scales(range: impl RangeBounds<f64>) -> impl Iterator<Item = &'static str> {
    in_range(&numbers().scales, range)
}

/// The group words ("dozen"), in file order.
pub fn groups() -> impl Iterator<Item = &'static str> {
    in_range(&numbers().groups, ..)
}

fn in_range(
    list: &'static [(String, f64)],
    range: impl RangeBounds<f64>,
) -> impl Iterator<Item = &'static str> {
    list.iter()
        .filter(move |(_, v)| range.contains(v))
        .map(|(w, _)| w.as_str())
}

/// `words` as a regex alternation, in the order given.
pub fn alternation<'w>(words: impl Iterator<Item = &'w str>) -> String {
    words.map(regex::escape).collect::<Vec<_>>().join("|")
}

/// A regex fragment matching a number written in words (one to several
/// words: "twenty-six", "one hundred and five", "a dozen"), for recognisers
/// to embed. Case-insensitive matching is expected; spaces are `\s`.
pub fn words_pattern() -> &'static str {
    static P: LazyLock<String> = LazyLock::new(|| {
        let mut first: Vec<String> = units(..).chain(scales(..)).map(regex::escape).collect();
        for g in groups().map(regex::escape) {
            first.extend([format!(r"a\s+{g}"), g]);
        }
        let first = first.join("|");
        // "Zero" and "dozen" open a number but never go on with one.
        let next = alternation(units(1.0..).chain(scales(..)));
        format!(r"(?:(?:{first})(?:(?:\s+and\s+|[\s-]+)(?:{next}))*)")
    });
    &P
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_by_kind() {
        assert_eq!(word("twenty"), Some(Word::Unit(20.0)));
        assert_eq!(word("trillion"), Some(Word::Scale(1e12)));
        assert_eq!(word("dozen"), Some(Word::Group(12.0)));
        assert_eq!(word("single"), Some(Word::StandIn(1.0)));
        assert_eq!(word("bn"), Some(Word::Abbreviation(1e9)));
        assert_eq!(word("Five"), None);
        assert_eq!(word("tens"), None);
        assert_eq!(word(""), None);
        assert!(!is_number_word(&"one".repeat(20)) && !is_number_word("the"));
        assert!(is_number_word("zero") && is_number_word("dozen"));
        assert!(!is_number_word("a") && !is_number_word("none") && !is_number_word("k"));
        assert_eq!(scale_of("mln"), Some(1e6));
        assert_eq!(scale_of("thousand"), Some(1e3));
        assert_eq!(scale_of("hundred"), None);
    }

    #[test]
    fn subsets_keep_file_order() {
        assert_eq!(
            alternation(units(1.0..10.0)),
            "one|two|three|four|five|six|seven|eight|nine"
        );
        assert_eq!(
            alternation(scales(..=1e9)),
            "hundred|thousand|million|billion"
        );
    }

    #[test]
    fn the_pattern_finds_what_is_read() {
        let re = regex::Regex::new(&format!("(?i)^{}$", words_pattern())).unwrap();
        for s in [
            "twenty-six",
            "One hundred and five",
            "a dozen",
            "zero",
            "three million",
        ] {
            assert!(re.is_match(s), "{s}");
        }
        for s in ["a", "five zero", "two dozen"] {
            assert!(!re.is_match(s), "{s}");
        }
    }

    #[test]
    fn a_word_listed_twice_or_a_missing_scale_is_refused() {
        let base = "scales: {hundred: 100}\ngroups: {}\nstand_ins: {}\n";
        assert!(parse(&format!("units: {{one: 1}}\n{base}abbreviations: {{}}\n")).is_ok());
        assert!(parse(&format!(
            "units: {{one: 1, hundred: 1}}\n{base}abbreviations: {{}}\n"
        ))
        .is_err());
        assert!(parse(&format!(
            "units: {{one: 1}}\n{base}abbreviations: {{k: thousand}}\n"
        ))
        .is_err());
    }
}
