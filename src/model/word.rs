//! Interned words: one copy of each, for the frame fields every claim has.

use serde::Serialize;
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// A word kept once for the whole process, as one pointer. A frame's words
/// come from a small vocabulary (roles, units, verbs' concepts, the names
/// of a story), and an archive holds millions of claims: a `String` each
/// cost more than the claim's other fields together.
///
/// The words are never freed: a run keeps its claims to the end anyway,
/// and the vocabulary grows far slower than the claims.
#[derive(Clone, Copy)]
pub struct Word(&'static &'static str);

/// Interning is spread over shards so that the extraction threads rarely
/// wait for one another.
const SHARDS: usize = 16;

type Shard = Mutex<HashSet<Word, foldhash::fast::FixedState>>;

fn shards() -> &'static [Shard; SHARDS] {
    static SHARDS_: OnceLock<[Shard; SHARDS]> = OnceLock::new();
    SHARDS_.get_or_init(|| {
        std::array::from_fn(|_| Mutex::new(HashSet::with_hasher(Default::default())))
    })
}

impl Word {
    /// The one copy of `w`.
    pub fn new(w: &str) -> Word {
        static EMPTY: &str = "";
        if w.is_empty() {
            return Word(&EMPTY);
        }
        let hasher = foldhash::fast::FixedState::default();
        let shard = &shards()[hasher.hash_one(w) as usize % SHARDS];
        let mut set = shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&found) = set.get(w) {
            return found;
        }
        let word = Word(Box::leak(Box::new(&*Box::leak(w.into()))));
        set.insert(word);
        word
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// A number for the word, the same for every copy of it in the
    /// process and different for any other word: hashed in place of the
    /// text where a table gives out ids to millions of words.
    pub fn key(&self) -> usize {
        std::ptr::from_ref::<&str>(self.0) as usize
    }
}

impl Default for Word {
    fn default() -> Self {
        Word::new("")
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        // One copy of each word: the same word is the same pointer.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Word {}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        *self.0 == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == *other
    }
}

impl Hash for Word {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // As the `str` it is, so the set finds a word by its text.
        self.0.hash(h)
    }
}

impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Word) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Word {
    fn cmp(&self, other: &Word) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(*self.0, f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Word {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl From<&str> for Word {
    fn from(w: &str) -> Word {
        Word::new(w)
    }
}

impl From<String> for Word {
    fn from(w: String) -> Word {
        Word::new(&w)
    }
}

#[cfg(test)]
mod tests {
    use super::Word;

    #[test]
    fn one_copy_of_each_word() {
        let (a, b) = (Word::new("village"), Word::new(&String::from("village")));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_ne!(a, Word::new("villages"));
        assert_eq!(Word::default(), Word::new(""));
        assert_eq!(&*a, "village");
        assert_eq!(a.key(), b.key());
        assert_ne!(a.key(), Word::new("villages").key());
    }
}
