//! Base forms of English words: "struck" → "strike", "injured" → "injure",
//! "villages" → "village".
//!
//! Irregular forms come from `data/morphology.txt`; regular ones are found
//! by stripping a suffix and keeping the candidate that is an English word
//! (checked against the frequency list), so "injured" gives "injure" and
//! "stopped" gives "stop" without a rule for each.
//!
//! The singular that names a counted thing ([`singular`]) is read by suffix
//! rules alone and the irregular plurals of `data/plurals.txt`; it parts from
//! [`lemma`] on "people", as a count of people counts persons.

use super::wordlist::WordMap;
use super::words;
use std::borrow::Cow;
// foldhash: looked up for every word of every clause (see `words`).
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/morphology.txt");

fn irregular() -> &'static HashMap<&'static str, &'static str> {
    static T: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        DATA.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| l.split_once(char::is_whitespace))
            .map(|(a, b)| (a, b.trim()))
            .collect()
    })
}

/// The entries (form, base) of one section of the data file, named by the
/// start of its heading comment.
fn section(heading: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut inside = false;
    DATA.lines().filter_map(move |l| {
        if let Some(h) = l.strip_prefix('#') {
            inside = h.trim_start().starts_with(heading);
            return None;
        }
        let (form, base) = l.trim().split_once(char::is_whitespace)?;
        inside.then_some((form, base.trim()))
    })
}

/// The verb forms of the data file's verb section, including those whose
/// form is their base ("hit", "cut", "born").
fn verb_forms() -> &'static HashSet<&'static str> {
    static T: OnceLock<HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| section("Verbs").map(|(form, _)| form).collect())
}

/// The irregular plurals of the data file by their singular ("child" →
/// "children", "aircraft" → "aircraft"); the first listed wins.
fn plurals() -> &'static HashMap<&'static str, &'static str> {
    static T: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::default();
        for (form, base) in section("Plurals") {
            m.entry(base).or_insert(form);
        }
        m
    })
}

/// The plural of a noun's base form, as a message names a counted thing
/// ("3 nominations", "two aircraft", "10 people").
pub fn plural(base: &str) -> Cow<'_, str> {
    // News counts people, not persons.
    if base == "person" {
        return Cow::Borrowed("people");
    }
    if let Some(&p) = plurals().get(base) {
        return Cow::Borrowed(p);
    }
    let n = base;
    if n.bytes().any(|b| b.is_ascii_digit()) {
        Cow::Borrowed(n)
    } else if n.ends_with('y') && !n.ends_with("ey") && !n.ends_with("ay") && !n.ends_with("oy") {
        Cow::Owned(format!("{}ies", &n[..n.len() - 1]))
    } else if n.ends_with('s') || n.ends_with('x') || n.ends_with("ch") || n.ends_with("sh") {
        Cow::Owned(format!("{n}es"))
    } else {
        Cow::Owned(format!("{n}s"))
    }
}

/// Irregular plurals of counted things with their singular ("people" →
/// "person"), which [`singular`] reads before its suffix rules.
static IRREGULAR_PLURALS: WordMap = WordMap::new(include_str!("../../data/plurals.txt"));

/// The singular of a plural English noun, good enough for naming counted
/// things and matching units: "incidents" → "incident", "people" →
/// "person". Lowercase.
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = irregular_singular(&w) {
        return s.to_string();
    }
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("sses")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("xes")
    {
        w[..w.len() - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// The singular of a lowercase irregular plural of `data/plurals.txt`
/// ("children" → "child"), or `None` for any other word.
pub fn irregular_singular(plural: &str) -> Option<&'static str> {
    IRREGULAR_PLURALS.get(plural)
}

/// The base form the data gives an irregular form ("struck": "strike").
pub fn irregular_base(lower: &str) -> Option<&'static str> {
    irregular().get(lower).copied()
}

/// Builds the tables ahead of use.
pub fn warm() {
    irregular();
    irregular_singular("");
}

/// The more frequent of the candidates that are words, if any, with its
/// frequency.
fn best<'a>(cands: &[Cow<'a, str>]) -> Option<(Cow<'a, str>, f32)> {
    let mut best: Option<(&Cow<str>, f32)> = None;
    for c in cands {
        if c.len() < 2 {
            continue;
        }
        if let Some(z) = words::zipf(c) {
            if best.is_none_or(|(_, bz)| z > bz) {
                best = Some((c, z));
            }
        }
    }
    best.map(|(c, z)| (c.clone(), z))
}

/// The base form of a lowercase word: the singular of a noun, the bare form
/// of a verb. Words it cannot read are returned as they are.
pub fn lemma(lower: &str) -> Cow<'_, str> {
    if let Some(&l) = irregular().get(lower) {
        return Cow::Borrowed(l);
    }
    let b = lower.as_bytes();
    let n = b.len();
    // Every rule below reads a word ending in "s", "d" or "g": the others,
    // most words of a sentence, are their own base.
    if n <= 3 || !matches!(b[n - 1], b's' | b'd' | b'g') || !lower.is_ascii() {
        return Cow::Borrowed(lower);
    }
    let cut = |k: usize| Cow::Borrowed(&lower[..n - k]);
    let with = |k: usize, tail: &str| Cow::Owned(format!("{}{tail}", &lower[..n - k]));
    let doubled = |k: usize| {
        n > k + 2 && b[n - k - 1] == b[n - k - 2] && !matches!(b[n - k - 1], b'l' | b's' | b'z')
    };
    let found = if ends(b, b"ies") {
        best(&[with(3, "y"), cut(1)])
    } else if ends(b, b"ied") {
        best(&[with(3, "y")])
    } else if ends(b, b"ing") {
        let c = [cut(3), with(3, "e"), cut(4)];
        best(if doubled(3) { &c } else { &c[..2] })
    } else if ends(b, b"ed") {
        let c = [cut(1), cut(2), cut(3)];
        // "hoped": "hope" over "hop"; the +e form wins when it is a word.
        best(&c[..1]).or_else(|| best(if doubled(2) { &c[1..] } else { &c[1..2] }))
    } else if ends(b, b"es") {
        best(&[cut(1), cut(2)])
    } else if ends(b, b"s") && !ends(b, b"ss") && !ends(b, b"us") && !ends(b, b"is") {
        best(&[cut(1)])
    } else {
        None
    };
    // A word that is itself far commoner than the candidate is its own base
    // ("during" is not "dure", "news" is not "new").
    match found {
        Some((f, base)) if f != lower => {
            // Only an -ing form can be its own base: the frequency table,
            // too large for the cache, is asked only of those.
            if !ends(b, b"ed") && !ends(b, b"s") && words::zipf(lower).unwrap_or(0.0) > base + 1.5 {
                Cow::Borrowed(lower)
            } else {
                f
            }
        }
        _ => Cow::Borrowed(lower),
    }
}

/// Whether `b` ends with `suffix`: compared as one fixed-size array, which
/// compiles to a few integer comparisons where `str::ends_with` calls
/// `memcmp` (this runs for every word of every claim's sentence).
#[inline]
pub fn ends<const N: usize>(b: &[u8], suffix: &[u8; N]) -> bool {
    b.last_chunk::<N>() == Some(suffix)
}

/// The verb a noun is made from, where it is an English word: "deployment"
/// → "deploy", "evacuation" → "evacuate", "injection" → "inject". Nouns
/// and verbs of one event then meet ("since its deployment on November 2",
/// "deployed on November 2"). Other words are returned as they are.
pub fn root(lemma: &str) -> Cow<'_, str> {
    let n = lemma.len();
    if n <= 7 || !lemma.is_ascii() {
        return Cow::Borrowed(lemma);
    }
    let stem = |k: usize| &lemma[..n - k];
    let cands: Vec<String> = if lemma.ends_with("ment") {
        vec![stem(4).to_string()]
    } else if lemma.ends_with("ation") {
        vec![
            format!("{}ate", stem(5)),
            stem(5).to_string(),
            format!("{}e", stem(5)),
        ]
    } else if lemma.ends_with("ion") {
        vec![stem(3).to_string(), format!("{}e", stem(3))]
    } else {
        return Cow::Borrowed(lemma);
    };
    cands
        .into_iter()
        .find(|c| c.len() >= 4 && words::is_word(c))
        .map_or(Cow::Borrowed(lemma), Cow::Owned)
}

/// Whether a word form reads as a verb's past, participle or -ing form
/// (what an event is told by): "struck", "killed", "killing".
pub fn is_verb_form(lower: &str) -> bool {
    if verb_forms().contains(lower) {
        return true;
    }
    // The irregular table is asked only of the words it could turn away:
    // it is looked at for most words of every clause a claim is read from.
    lower.len() > 4
        && (lower.ends_with("ed") || lower.ends_with("ing"))
        && !irregular().contains_key(lower)
        && lemma(lower) != lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_forms() {
        for (w, l) in [
            ("struck", "strike"),
            ("killed", "kill"),
            ("killing", "kill"),
            ("injured", "injure"),
            ("injuring", "injure"),
            ("wounded", "wound"),
            ("villages", "village"),
            ("countries", "country"),
            ("boxes", "box"),
            ("stopped", "stop"),
            ("hoped", "hope"),
            ("making", "make"),
            ("died", "die"),
            ("dying", "die"),
            ("people", "people"),
            ("news", "news"),
            ("during", "during"),
            ("robbers", "robber"),
            ("leveled", "level"),
            ("flattening", "flatten"),
        ] {
            assert_eq!(lemma(w), l, "{w}");
        }
    }

    #[test]
    fn singulars() {
        for (p, s) in [
            ("incidents", "incident"),
            ("people", "person"),
            ("children", "child"),
            ("agencies", "agency"),
            ("witnesses", "witness"),
        ] {
            assert_eq!(singular(p), s);
        }
    }

    #[test]
    fn a_count_of_people_is_of_persons_and_their_lemma_is_people() {
        assert_eq!(singular("people"), "person");
        assert_eq!(lemma("people"), "people");
    }

    #[test]
    fn roots_of_nouns_of_events() {
        assert_eq!(root("deployment"), "deploy");
        assert_eq!(root("evacuation"), "evacuate");
        assert_eq!(root("injection"), "inject");
        assert_eq!(root("million"), "million");
        assert_eq!(root("island"), "island");
    }

    #[test]
    fn verb_forms() {
        assert!(is_verb_form("struck"));
        assert!(is_verb_form("killing"));
        assert!(is_verb_form("leveled"));
        assert!(is_verb_form("born"));
        assert!(is_verb_form("hit"));
        assert!(!is_verb_form("people"));
        assert!(!is_verb_form("island"));
        assert!(!is_verb_form("morning"));
    }
}
