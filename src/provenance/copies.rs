//! Documents that are copies or rewrites of one another.
//!
//! Five sites that ran one wire story are one source, and a spun rewrite adds
//! nothing to what it rewrote. Two documents are *related* when the order in
//! which they give names and figures is nearly the same (their names
//! sketches, see [`crate::extract::fingerprint`]): Jaccard similarity of at
//! least [`MIN_NAMES_JACCARD`], or one holding nearly all of the other's
//! ([`MIN_CONTAINMENT`]: an excerpt, a shortened copy).
//!
//! Candidates come from an index over each document's few smallest sketch
//! hashes, and a document that joins a group is not indexed again, so a story
//! copied two hundred times costs two hundred comparisons, not twenty
//! thousand.

use crate::model::{Extraction, Reading, Sketch};
use std::collections::HashMap;

/// Names-sketch Jaccard from which two documents count as one text.
/// Measured: spun rewrites 0.9-1.0; updated versions of one wire story 0.5 and
/// up; independent reports of one event at most 0.35 (ECB+, the demo corpus).
pub const MIN_NAMES_JACCARD: f64 = 0.5;
/// Share of the smaller document's shingles the other must hold.
pub const MIN_CONTAINMENT: f64 = 0.85;
/// Shingles the smaller document needs before it can be judged at all: a
/// brief with three names in it is not evidence of copying.
pub const MIN_SHINGLES: u32 = 8;
/// Running-text Jaccard from which a related document is a plain copy
/// rather than a rewrite.
pub const MIN_COPY_TEXT_JACCARD: f64 = 0.7;
/// Smallest sketch hashes each document is indexed under.
const INDEX_KEYS: usize = 4;

/// Two related documents and how alike they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Document indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Names-sketch Jaccard.
    pub names: f64,
    /// Running-text Jaccard.
    pub text: f64,
}

impl Link {
    /// Nearly the same words, not only the same names and figures.
    pub fn is_copy(&self) -> bool {
        self.text >= MIN_COPY_TEXT_JACCARD
    }
}

/// Whether two names sketches say one document derives from the other.
pub fn related(a: &Sketch, b: &Sketch) -> Option<f64> {
    if a.size.min(b.size) < MIN_SHINGLES {
        return None;
    }
    let j = a.jaccard(b);
    (j >= MIN_NAMES_JACCARD || a.containment(b) >= MIN_CONTAINMENT).then_some(j)
}

/// Every related pair found, sorted by (a, b). Each document is compared
/// with the first member (the *root*) of each group already met that shares
/// an index key with it.
pub fn detect(docs: &[Extraction]) -> Vec<Link> {
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut links = Vec::new();
    let mut alike: foldhash::HashMap<(usize, Reading), Option<(f64, f64)>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        let s = &d.profile.names;
        if s.size < MIN_SHINGLES {
            continue;
        }
        let keys = &s.mins[..s.mins.len().min(INDEX_KEYS)];
        let mut roots: Vec<usize> = keys
            .iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .collect();
        roots.sort_unstable();
        roots.dedup();
        let mut joined = false;
        for r in roots {
            // Copies of one text have the same sketches: an archive's
            // hundred copies of a story are compared with each root once.
            let alike = *alike.entry((r, d.reading())).or_insert_with(|| {
                related(&docs[r].profile.names, s)
                    .map(|names| (names, docs[r].profile.text.jaccard(&d.profile.text)))
            });
            if let Some((names, text)) = alike {
                links.push(Link {
                    a: r,
                    b: i,
                    names,
                    text,
                });
                joined = true;
            }
        }
        if !joined {
            for &k in keys {
                index.entry(k).or_default().push(i);
            }
        }
    }
    links.sort_by_key(|l| (l.a, l.b));
    links
}

/// The independent source of each document: related documents share the
/// smallest index among them.
pub fn sources(n: usize, links: &[Link]) -> Vec<usize> {
    let mut sets = crate::sets::DisjointSets::new(n);
    for l in links {
        sets.union(l.a, l.b);
    }
    (0..n).map(|i| sets.find(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(mins: &[u32]) -> Sketch {
        Sketch {
            mins: mins.to_vec(),
            size: mins.len() as u32,
        }
    }

    #[test]
    fn alike_sketches_relate_and_strangers_do_not() {
        let a = sk(&(0..20).collect::<Vec<_>>());
        let b = sk(&(2..22).collect::<Vec<_>>());
        let c = sk(&(100..120).collect::<Vec<_>>());
        assert!(related(&a, &b).is_some());
        assert!(related(&a, &c).is_none());
    }

    #[test]
    fn an_excerpt_relates_by_containment() {
        let a = sk(&(0..40).collect::<Vec<_>>());
        let part = sk(&(0..10).collect::<Vec<_>>());
        assert!(a.jaccard(&part) < MIN_NAMES_JACCARD);
        assert!(related(&a, &part).is_some());
    }

    #[test]
    fn tiny_documents_are_never_related() {
        let a = sk(&[1, 2, 3]);
        assert!(related(&a, &a).is_none());
    }

    fn extracted(path: &str, text: &str) -> Extraction {
        let doc = crate::model::Document {
            path: path.into(),
            text: text.into(),
            body_start: 0,
            front_matter: Default::default(),
        };
        crate::extract::extract(&doc, &Default::default())
    }

    #[test]
    fn copies_compared_once_link_as_documents_compared_one_by_one_do() {
        let story = "Mayor Helen Varga met Governor Tomas Brandt in Eastport on March 3, 2025. \
            Chief Marta Okafor said 14 wardens and 3 pilots joined Captain Ruiz. \
            The Department of Harbours under Pieter Laan counted 5 collisions in Northgate and Saltmarsh. \
            Council Leader Ana Ferreira and Auditor Colm Byrne answered on April 9, 2025.";
        let rewrite = story.replace("Department", "Division").replace("14", "15");
        let other = "Storms hit Lisbon and Porto on 2 May 2024. Prime Minister Luis Montenegro \
            visited Coimbra, Braga and Faro with 40 firefighters and Minister Maria Lucia Amaral.";
        let a = extracted("a", story);
        let copy = |p: &str| Extraction {
            path: p.into(),
            ..a.clone()
        };
        // The archive as read: copies of `a` have its reading.
        let shared = vec![
            a.clone(),
            extracted("x", other),
            copy("a2"),
            extracted("r", &rewrite),
            copy("a3"),
            extracted("x2", other),
        ];
        // The same documents, each taken for a text of its own.
        let separate: Vec<Extraction> = shared
            .iter()
            .enumerate()
            .map(|(k, d)| {
                let text = if d.path.starts_with('a') {
                    story.to_string()
                } else if d.path == "r" {
                    rewrite.clone()
                } else {
                    other.to_string()
                };
                Extraction {
                    text: crate::model::TextKey::test(k as u128),
                    ..extracted(&d.path, &text)
                }
            })
            .collect();
        assert!(shared[2].same_reading(&shared[0]));
        assert!(!separate[2].same_reading(&separate[0]));
        let links = detect(&shared);
        assert_eq!(links, detect(&separate));
        // Every link says what comparing its two documents directly says.
        for l in &links {
            let (x, y) = (&shared[l.a].profile, &shared[l.b].profile);
            assert_eq!(Some(l.names), related(&x.names, &y.names), "{l:?}");
            assert_eq!(l.text, x.text.jaccard(&y.text), "{l:?}");
        }
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        assert!(
            pairs.contains(&(0, 2)) && pairs.contains(&(0, 4)),
            "{pairs:?}"
        );
        assert!(pairs.contains(&(0, 3)), "the rewrite: {pairs:?}");
    }

    #[test]
    fn groups_take_their_smallest_member() {
        let l = |a, b| Link {
            a,
            b,
            names: 1.0,
            text: 1.0,
        };
        assert_eq!(sources(5, &[l(1, 3), l(3, 4)]), vec![0, 1, 2, 1, 1]);
    }
}
