//! Seeing through article spinners.
//!
//! Spinners replace words with near-synonyms ("Division of Investigation",
//! "earlier this 12 months"). Recognisers read a *canonical view* of the text
//! in which the lexicon's rewritable phrases are put back, and every span they
//! find is mapped back to the original file through [`OffsetMap`].

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
// foldhash: looked up for every spun phrase a document holds.
use foldhash::HashMap;
use std::sync::OnceLock;

const LEXICON_YAML: &str = include_str!("../../data/spin.yaml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Substitution {
    pub spun: String,
    pub original: String,
    #[serde(default)]
    pub rewrite: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    substitutions: Vec<Substitution>,
}

/// The spinner lexicon, compiled once.
pub struct Lexicon {
    pub entries: Vec<Substitution>,
    /// Matches any `spun` phrase. It has no capture groups, so the fast
    /// engines run it; the entry is found by the matched text instead.
    all: Regex,
    /// Entry index by `key` of its spun phrase.
    by_phrase: HashMap<String, usize>,
}

/// Lowercase with single spaces: how a matched phrase is looked up.
fn key(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Lexicon {
    pub fn parse(yaml: &str) -> anyhow::Result<Lexicon> {
        let file: LexiconFile = yaml_serde::from_str(yaml)?;
        let entries = file.substitutions;
        let mut by_phrase = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            anyhow::ensure!(
                !e.spun.trim().is_empty() && !e.original.trim().is_empty(),
                "spin lexicon entry with an empty phrase"
            );
            anyhow::ensure!(
                !e.spun.eq_ignore_ascii_case(&e.original),
                "spin lexicon entry {:?} maps to itself",
                e.spun
            );
            anyhow::ensure!(
                by_phrase.insert(key(&e.spun), i).is_none(),
                "spin lexicon lists {:?} twice",
                e.spun
            );
        }
        // Longest first, so "earlier this 12 months" wins over "this 12 months".
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(entries[i].spun.len()));
        let alts: Vec<String> = order
            .iter()
            .map(|&i| {
                let spun = &entries[i].spun;
                let p = regex::escape(spun).replace(' ', r"\s+");
                // ASCII word boundaries: spinner phrases are ASCII, and
                // Unicode boundaries would force the slowest engine.
                let end = if spun.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                    r"(?-u:\b)"
                } else {
                    ""
                };
                format!(r"(?-u:\b){p}{end}")
            })
            .collect();
        let all = RegexBuilder::new(&alts.join("|"))
            .case_insensitive(true)
            .build()?;
        Ok(Lexicon {
            entries,
            all,
            by_phrase,
        })
    }

    /// The lexicon bundled with crosscheck (`data/spin.yaml`).
    pub fn bundled() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(LEXICON_YAML).expect("data/spin.yaml is valid"))
    }

    /// Every spinner phrase in `text`: (byte range, entry index).
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.all.find_iter(text).filter_map(move |m| {
            let i = *self.by_phrase.get(&key(m.as_str()))?;
            Some((m.start(), m.end(), i))
        })
    }
}

/// Maps offsets in a canonical view back to the original text.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// (canonical start, original start, canonical len, original len) of each
    /// rewritten phrase, in order. Offsets between them shift uniformly.
    edits: Vec<(usize, usize, usize, usize)>,
}

impl OffsetMap {
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a canonical offset to the original text. An offset inside a
    /// rewritten phrase maps to the phrase's start (or end, with `end`).
    pub fn map(&self, off: usize, end: bool) -> usize {
        // The last rewritten phrase that starts before `off`.
        let k = self.edits.partition_point(|&(cs, ..)| cs < off);
        let Some(&(cs, os, cl, ol)) = k.checked_sub(1).map(|k| &self.edits[k]) else {
            return off;
        };
        if off < cs + cl {
            return if end { os + ol } else { os };
        }
        (off as isize + (os + ol) as isize - (cs + cl) as isize) as usize
    }
}

/// The text recognisers read, and how to get back to the file.
pub struct CanonicalText {
    pub text: String,
    pub map: OffsetMap,
    /// Every lexicon phrase met, rewritten or not: (offset in the original
    /// text, entry index). The evidence that a document was spun.
    pub hits: Vec<(usize, usize)>,
}

/// Rewrites spinner phrases in `text` to their originals.
pub fn canonicalise(text: &str, lex: &Lexicon) -> CanonicalText {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut last = 0;
    let mut hits = Vec::new();
    for (s, e, i) in lex.find(text) {
        hits.push((s, i));
        let sub = &lex.entries[i];
        if !sub.rewrite {
            continue;
        }
        out.push_str(&text[last..s]);
        let cs = out.len();
        let orig = &text[s..e];
        let mut replacement = sub.original.clone();
        // Keep the writer's capitalisation of the first letter.
        if orig.chars().next().is_some_and(char::is_uppercase) {
            let mut c = replacement.chars();
            if let Some(f) = c.next() {
                replacement = f.to_uppercase().collect::<String>() + c.as_str();
            }
        }
        out.push_str(&replacement);
        map.edits.push((cs, s, replacement.len(), e - s));
        last = e;
    }
    out.push_str(&text[last..]);
    CanonicalText {
        text: out,
        map,
        hits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses() {
        assert!(Lexicon::bundled().entries.len() > 20);
    }

    #[test]
    fn rewrites_and_maps_back() {
        let text = "The Division of Investigation probe began earlier this 12 months in March.";
        let c = canonicalise(text, Lexicon::bundled());
        assert_eq!(
            c.text,
            "The Department of Investigation probe began earlier this year in March."
        );
        let march = c.text.find("March").unwrap();
        let orig = c.map.map(march, false);
        assert_eq!(&text[orig..orig + 5], "March");
        let ey = c.text.find("earlier this year").unwrap();
        let (s, e) = (
            c.map.map(ey, false),
            c.map.map(ey + "earlier this year".len(), true),
        );
        assert_eq!(&text[s..e], "earlier this 12 months");
        // A span that ends inside a rewritten phrase covers the whole phrase.
        let (s, e) = (c.map.map(ey + 8, false), c.map.map(ey + 12, true));
        assert_eq!(&text[s..e], "earlier this 12 months");
    }

    #[test]
    fn honest_text_is_untouched() {
        let text = "Over the last 12 months the Department of Justice said so.";
        let c = canonicalise(text, Lexicon::bundled());
        assert_eq!(c.text, text);
        assert!(c.map.is_identity());
    }

    #[test]
    fn evidence_only_entries_are_found_but_not_rewritten() {
        let text = "In a joint assertion Wednesday, they spoke.";
        let lex = Lexicon::bundled();
        assert_eq!(lex.find(text).count(), 1);
        assert_eq!(canonicalise(text, lex).text, text);
    }
}
