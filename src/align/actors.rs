//! Actors clustered into alignment keys: the names a claim's sentence gives
//! become terms of its context, so that one organisation spelt several ways
//! still links the claims that name it.

use crate::extract::actors::acronym_of;
use crate::model::{Extraction, Word};
// foldhash: every actor name of every claim sentence is looked up.
use foldhash::HashMap;

/// Alignment keys for the organisations and people claims name.
///
/// A name and its acronym meet ("Department of Investigation" and "DOI"),
/// and names that differ by a few letters meet ("Homeland Safety
/// Investigations" and "Homeland Security Investigations", a spinner's swap
/// the lexicon may not know): names are blocked by acronym and clustered by
/// edit similarity within a block, so the cost never grows with all pairs.
pub(super) struct ActorKeys {
    /// Lowercased name -> canonical lowercased name of its cluster.
    canonical: HashMap<String, String>,
}

/// Edit similarity above which two names of the same acronym are one name.
const NAME_SIMILARITY: f64 = 0.8;
/// Blocks larger than this are left unclustered (too generic to cluster).
const MAX_NAME_BLOCK: usize = 200;

impl ActorKeys {
    pub(super) fn new(docs: &[Extraction]) -> Self {
        // Each name once: an archive names the same bodies in sentence
        // after sentence, and the claims of a sentence share its names.
        let mut distinct: foldhash::HashSet<Word> = Default::default();
        for ex in docs {
            let mut last: Option<&crate::model::Claim> = None;
            for c in &ex.claims {
                if last.is_some_and(|l| l.shares_sentence(c)) {
                    continue;
                }
                last = Some(c);
                distinct.extend(
                    c.actors()
                        .iter()
                        .filter(|a| a.contains(char::is_whitespace)),
                );
            }
        }
        let mut blocks: HashMap<String, Vec<String>> = HashMap::default();
        for a in distinct {
            if a.split_whitespace().count() >= 2 {
                blocks
                    .entry(acronym_of(&a))
                    .or_default()
                    .push(a.to_lowercase());
            }
        }
        let mut canonical = HashMap::default();
        for mut names in blocks.into_values() {
            names.sort();
            names.dedup();
            if names.len() > MAX_NAME_BLOCK {
                continue;
            }
            // Each name joins the first earlier name it resembles.
            let mut reps: Vec<String> = Vec::new();
            for n in names {
                let rep = reps
                    .iter()
                    .find(|r| strsim::normalized_levenshtein(r, &n) >= NAME_SIMILARITY)
                    .cloned();
                match rep {
                    Some(r) => {
                        canonical.insert(n, r);
                    }
                    None => reps.push(n),
                }
            }
        }
        ActorKeys { canonical }
    }

    /// Terms for the actors a claim's sentence names: `@name` for each, and
    /// `@acronym` for names of three or more capitalised words' initials.
    pub(super) fn terms(&self, actors: &[Word]) -> Vec<String> {
        let mut out = Vec::new();
        for a in actors {
            let lower = a.to_lowercase();
            let is_acronym = a.chars().all(|c| !c.is_lowercase())
                && a.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            if is_acronym {
                out.push(format!("@{}", lower.replace('.', "")));
                continue;
            }
            let name = self.canonical.get(&lower).unwrap_or(&lower);
            out.push(format!("@{name}"));
            let acro = acronym_of(a);
            if acro.chars().count() >= 3 {
                out.push(format!("@{}", acro.to_lowercase()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Said};

    fn ex(actors: &[&str]) -> Extraction {
        let claim = Claim {
            said: Said::whole(
                "5 raids took place.",
                actors.iter().map(|a| Word::new(a)).collect(),
            ),
            ..Claim::raids(5.0)
        };
        Extraction::of_claims("t", vec![claim])
    }

    #[test]
    fn a_name_meets_its_acronym_and_its_near_spelling() {
        let docs = [
            ex(&["Homeland Safety Investigations"]),
            ex(&["Homeland Security Investigations"]),
            ex(&["HSI"]),
            ex(&["Hudson Shipping Inc"]),
        ];
        let keys = ActorKeys::new(&docs);
        let t0 = keys.terms(docs[0].claims[0].actors());
        let t1 = keys.terms(docs[1].claims[0].actors());
        let t2 = keys.terms(docs[2].claims[0].actors());
        let t3 = keys.terms(docs[3].claims[0].actors());
        assert_eq!(t0, t1);
        assert!(t1.contains(&t2[0]), "{t1:?} {t2:?}");
        // Same acronym, different name: they share the acronym key only.
        assert_ne!(t3[0], t1[0]);
    }

    #[test]
    fn different_departments_with_one_acronym_stay_apart() {
        let docs = [
            ex(&["Department of Health"]),
            ex(&["Department of Housing"]),
        ];
        let keys = ActorKeys::new(&docs);
        assert_ne!(
            keys.terms(docs[0].claims[0].actors())[0],
            keys.terms(docs[1].claims[0].actors())[0]
        );
    }
}
