//! Names as a document's `names_used` keeps them, to ask whether another
//! document ever mentions what a claim's clause names: a name is found by its
//! acronym or by most of its pairs of words, not by one shared word.

use crate::lang::words;

/// How to look a name up in a document's `names_used`: one boxed slice,
/// since every claim of an archive keeps the keys of its names.
#[derive(Debug, Clone, Default)]
pub struct NameKeys {
    /// First a rare word alone, or each pair of words of a longer name;
    /// then the initials of a longer name ("New York Police Department":
    /// NYPD), with and without its small words ("Department of
    /// Investigation": DOI; "Immigration and Customs Enforcement": ICE).
    keys: Box<[u64]>,
    /// How many of `keys` are parts; the rest are acronyms.
    parts: u32,
}

/// Zipf frequency from which a word of a name is one of its small words
/// (of, and, the, for), left out of one of its acronyms.
const SMALL_WORD_ZIPF: f32 = 6.8;

/// The acronyms of a name of several words: its initials, and its initials
/// without its small words when they differ.
pub(super) fn acronyms(ws: &[&str]) -> Vec<String> {
    let initials = |skip_small: bool| -> String {
        ws.iter()
            .filter(|w| !skip_small || words::zipf(w).is_none_or(|z| z < SMALL_WORD_ZIPF))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let (all, big) = (initials(false), initials(true));
    if big != all && big.chars().count() >= 2 {
        vec![all, big]
    } else {
        vec![all]
    }
}

impl NameKeys {
    /// The keys of a name of a clause (lowercase words), or none for one
    /// common word.
    pub fn of(name: &str) -> Option<NameKeys> {
        let hash = crate::extract::fingerprint::name_hash;
        let ws: Vec<&str> = name.split_whitespace().collect();
        match ws.as_slice() {
            [] => None,
            [w] => words::zipf(w).is_none_or(|z| z < 4.5).then(|| NameKeys {
                keys: Box::new([hash(w)]),
                parts: 1,
            }),
            _ => {
                let mut keys: Vec<u64> = ws
                    .windows(2)
                    .map(|p| hash(&format!("{} {}", p[0], p[1])))
                    .collect();
                let parts = keys.len() as u32;
                keys.extend(acronyms(&ws).iter().map(|a| hash(a)));
                Some(NameKeys {
                    keys: keys.into(),
                    parts,
                })
            }
        }
    }

    fn parts(&self) -> &[u64] {
        &self.keys[..self.parts as usize]
    }

    fn acronyms(&self) -> &[u64] {
        &self.keys[self.parts as usize..]
    }

    /// Whether a document that uses the names `used` names any part of it.
    pub fn partly_in_doc(&self, used: &[u64]) -> bool {
        self.in_doc(used) || self.parts().iter().any(|k| used.binary_search(k).is_ok())
    }

    /// Whether a document that uses the names `used` (sorted) names it: by
    /// its acronym, or by most of its parts.
    pub fn in_doc(&self, used: &[u64]) -> bool {
        if self
            .acronyms()
            .iter()
            .any(|a| used.binary_search(a).is_ok())
        {
            return true;
        }
        let found = self
            .parts()
            .iter()
            .filter(|k| used.binary_search(k).is_ok())
            .count();
        found > 0 && found * 2 >= self.parts().len()
    }
}

#[cfg(test)]
mod tests {
    use super::NameKeys;
    use crate::extract::fingerprint::name_hash;

    fn used(names: &[&str]) -> Vec<u64> {
        let mut v: Vec<u64> = names.iter().map(|n| name_hash(n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn a_name_is_found_by_its_acronym_with_or_without_its_small_words() {
        let ice = NameKeys::of("immigration and customs enforcement").unwrap();
        assert!(ice.in_doc(&used(&["ice"])));
        let doi = NameKeys::of("department of investigation").unwrap();
        assert!(doi.in_doc(&used(&["doi"])));
        assert!(!doi.in_doc(&used(&["nypd", "ice"])));
    }

    #[test]
    fn another_ceremony_of_shared_words_is_not_found() {
        let bifa = NameKeys::of("british independent film awards").unwrap();
        let oscars = used(&["british", "academy", "awards", "academy awards"]);
        assert!(!bifa.in_doc(&oscars));
        assert!(!bifa.partly_in_doc(&oscars));
        let leigh = NameKeys::of("mike leigh vera drake").unwrap();
        let other = used(&["vera", "drake", "vera drake"]);
        assert!(!leigh.in_doc(&other));
        assert!(leigh.partly_in_doc(&other));
    }
}
