//! Word lists kept as data files under `data/`, shared by every stage; a
//! list read by more than one module is defined here, once.

use std::sync::OnceLock;

/// A set of lowercase words read from a data file on first use: one or more
/// words per line, `#` starts a comment.
pub struct WordList {
    data: &'static str,
    /// foldhash rather than SipHash: these sets are looked up for nearly
    /// every word of every document, and hold no attacker's keys.
    set: OnceLock<foldhash::HashSet<&'static str>>,
}

impl WordList {
    pub const fn new(data: &'static str) -> Self {
        WordList {
            data,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set().contains(word)
    }

    /// Every word of the list, in no order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.set().iter().copied()
    }

    fn set(&self) -> &foldhash::HashSet<&'static str> {
        self.set.get_or_init(|| {
            self.data
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .flat_map(str::split_whitespace)
                .collect()
        })
    }
}

/// Pairs of words read from a data file on first use: a word and the word
/// it stands for, per line; `#` starts a comment, and a word listed twice
/// keeps its first pair.
pub struct WordMap {
    data: &'static str,
    map: OnceLock<foldhash::HashMap<&'static str, &'static str>>,
}

impl WordMap {
    pub const fn new(data: &'static str) -> Self {
        WordMap {
            data,
            map: OnceLock::new(),
        }
    }

    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.map
            .get_or_init(|| {
                let mut m = foldhash::HashMap::default();
                for l in self.data.lines() {
                    let l = l.split('#').next().unwrap_or("").trim();
                    if let Some((word, other)) = l.split_once(char::is_whitespace) {
                        m.entry(word).or_insert(other.trim());
                    }
                }
                m
            })
            .get(word)
            .copied()
    }
}

/// Function words, auxiliaries and reporting verbs.
pub static FUNCTION_WORDS: WordList = WordList::new(include_str!("../../data/function_words.txt"));
/// Words too common to tell two texts apart.
pub static STOPWORDS: WordList = WordList::new(include_str!("../../data/stopwords.txt"));
/// Titles and roles that stand before a speaker's name.
pub static SPEAKER_TITLES: WordList = WordList::new(include_str!("../../data/speaker_titles.txt"));

/// Lowercase particles inside a person's name ("von der", "bin").
pub static NAME_PARTICLES: WordList = WordList::new(include_str!("../../data/name_connectors.txt"));

/// Lowercase words inside an organisation's name ("of", "&").
static ORG_CONNECTORS: WordList = WordList::new(include_str!("../../data/org_connectors.txt"));

/// Whether a lowercase word may join the capitalised words of a name, of a
/// person or of an organisation.
pub fn is_name_connector(w: &str) -> bool {
    NAME_PARTICLES.contains(w) || ORG_CONNECTORS.contains(w)
}

/// `w` in lower case: in `buf` when it is short ASCII (most words), which
/// spares an allocation per word looked up in a list.
pub fn lower_in<'b>(w: &str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    if w.len() <= buf.len() && w.is_ascii() {
        let out = &mut buf[..w.len()];
        out.copy_from_slice(w.as_bytes());
        out.make_ascii_lowercase();
        // ASCII in, ASCII out.
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or_default())
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

pub use super::calendar::is_calendar_word;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_comments() {
        static L: WordList = WordList::new("# a comment\nsaid told\n\nadded # trailing\n");
        assert!(L.contains("said") && L.contains("told") && L.contains("added"));
        assert!(!L.contains("comment") && !L.contains("trailing") && !L.contains("#"));
    }

    #[test]
    fn reads_pairs_and_keeps_the_first() {
        static M: WordMap =
            WordMap::new("# a comment\nmice mouse\nmice rat\ngeese  goose # birds\n");
        assert_eq!(M.get("mice"), Some("mouse"));
        assert_eq!(M.get("geese"), Some("goose"));
        assert_eq!(M.get("comment"), None);
    }
}
