//! Which text a document is: the key copies share (see "Copies" in
//! `docs/house.md`).

use super::{Document, Reference};

/// A text and the reference date it was read against: see
/// [`Extraction::reading`](super::Extraction::reading).
pub type Reading<'a> = (TextKey, &'a Reference);

/// A 128-bit hash (XXH3) of a document's text and front matter: equal keys
/// mean equal documents short of a 1-in-2^128 accident. Every byte of an
/// archive passes through it once, at read time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextKey(u128);

impl TextKey {
    pub fn of(doc: &Document) -> TextKey {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        // The front matter of a web page comes from its head, not its text:
        // two pages with one article but different dates are not copies.
        let fm = &doc.front_matter;
        for field in [&fm.title, &fm.outlet, &fm.published, &fm.url] {
            match field {
                None => h.update(&[0]),
                Some(f) => {
                    h.update(&[1]);
                    h.update(&(f.len() as u64).to_le_bytes());
                    h.update(f.as_bytes());
                }
            }
        }
        h.update(doc.text.as_bytes());
        TextKey(h.digest128())
    }

    /// A key for a document made up in a test.
    #[cfg(test)]
    pub fn test(n: u128) -> TextKey {
        TextKey(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrontMatter;

    fn doc(path: &str, text: &str, published: Option<&str>) -> Document {
        Document {
            path: path.into(),
            text: text.into(),
            body_start: 0,
            front_matter: FrontMatter {
                published: published.map(Into::into),
                ..Default::default()
            },
        }
    }

    #[test]
    fn copies_share_a_text_key_whatever_their_paths() {
        let a = doc("wire/a.txt", "Ten people died on Sunday.", None);
        let b = doc("other/b.txt", "Ten people died on Sunday.", None);
        assert_eq!(TextKey::of(&a), TextKey::of(&b));
        let c = doc("c.txt", "Ten people died on Monday.", None);
        assert_ne!(TextKey::of(&a), TextKey::of(&c));
    }

    #[test]
    fn pages_with_one_text_but_another_date_are_not_copies() {
        let a = doc("a.html", "Ten people died on Sunday.", Some("2025-03-02"));
        let b = doc("b.html", "Ten people died on Sunday.", Some("2025-03-09"));
        let none = doc("c.html", "Ten people died on Sunday.", None);
        let empty = doc("d.html", "Ten people died on Sunday.", Some(""));
        let keys = [&a, &b, &none, &empty].map(TextKey::of);
        for i in 0..keys.len() {
            for j in i + 1..keys.len() {
                assert_ne!(keys[i], keys[j], "{i} {j}");
            }
        }
    }
}
