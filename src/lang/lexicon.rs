//! Concepts, roles, qualifiers, change words and units (`data/lexicon.yaml`).

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/lexicon.yaml");

/// The kinds of value a role applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Count,
    Money,
    Percent,
    Size,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSpec {
    kinds: Vec<ValueKind>,
    cues: Vec<String>,
    #[serde(default)]
    grows: bool,
    #[serde(default)]
    people: bool,
    #[serde(default)]
    dimensions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    concepts: Vec<Vec<String>>,
    roles: indexmap_free::OrderedMap<RoleSpec>,
    people_nouns: Vec<String>,
    person_nouns: Vec<String>,
    qualifiers: HashMap<String, Vec<String>>,
    change: HashMap<String, Vec<String>>,
    not_events: Vec<String>,
    dated_with: HashMap<String, Vec<String>>,
    occurrence: OccurrenceSpec,
    units: HashMap<String, (String, f64)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OccurrenceSpec {
    any: Vec<String>,
    passive: Vec<String>,
    auxiliaries: Vec<String>,
    not_before_subject: Vec<String>,
    relatives: Vec<String>,
    existential: Vec<String>,
}

/// The verbs that say their subject's event took place (see
/// [`Lexicon::occurrence`]).
#[derive(Debug)]
pub struct Occurrence {
    /// Each verb as its words (the first a lemma, "take place"), and
    /// whether it says so only in the passive.
    pub verbs: Vec<(Vec<String>, bool)>,
    auxiliaries: foldhash::HashSet<String>,
    not_before_subject: foldhash::HashSet<String>,
    relatives: foldhash::HashSet<String>,
    existential: foldhash::HashSet<String>,
}

impl Occurrence {
    /// Whether a lowercase word may stand before a verb as its auxiliary.
    pub fn is_auxiliary(&self, lower: &str) -> bool {
        self.auxiliaries.contains(lower)
    }

    /// Whether a lowercase word is a relative pronoun that may stand for
    /// the subject ("the vote, which was held").
    pub fn is_relative(&self, lower: &str) -> bool {
        self.relatives.contains(lower)
    }

    /// Whether a lowercase word opens an existential clause ("there" of
    /// "There was a vote on May 7").
    pub fn is_existential(&self, lower: &str) -> bool {
        self.existential.contains(lower)
    }

    /// Whether a lowercase word before a noun phrase makes it no subject.
    pub fn not_before_subject(&self, lower: &str) -> bool {
        self.not_before_subject.contains(lower)
    }
}

/// A YAML mapping read in file order (serde's maps forget it), so that
/// roles listed first win ties, as the file says (and number words keep the
/// order their regex tries them in, see [`super::numbers`]).
pub(super) mod indexmap_free {
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    #[derive(Debug)]
    pub struct OrderedMap<V>(pub Vec<(String, V)>);

    impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V2<V>(PhantomData<V>);
            impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
                type Value = OrderedMap<V>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a mapping")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some((k, v)) = m.next_entry()? {
                        out.push((k, v));
                    }
                    Ok(OrderedMap(out))
                }
            }
            d.deserialize_map(V2(PhantomData))
        }
    }
}

/// A role: what a number is a value of.
#[derive(Debug)]
pub struct Role {
    pub name: String,
    pub kinds: Vec<ValueKind>,
    /// Cues as sequences of lemmas.
    pub cues: Vec<Vec<String>>,
    pub grows: bool,
    pub people: bool,
    /// For a size role, the dimensions of the units it applies to
    /// (`length` when the lexicon names none).
    pub dimensions: Vec<String>,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    // foldhash: looked up for every word of every clause (see `words`).
    concept: foldhash::HashMap<String, String>,
    /// Every start of a concept phrase that ends before a space ("let" of
    /// "let go"): most pairs of words start none, and need not be joined
    /// to be looked up.
    phrase_heads: foldhash::HashSet<String>,
    pub roles: Vec<Role>,
    /// Each role cue by its first word: (role, cue) indices into `roles`,
    /// so a sentence finds its cues without trying every cue at every word.
    cue_starts: foldhash::HashMap<String, Vec<(usize, usize)>>,
    people: foldhash::HashSet<String>,
    persons: foldhash::HashSet<String>,
    /// Qualifier name, then its cues as lemma sequences.
    pub qualifiers: Vec<(String, Vec<Vec<String>>)>,
    change: foldhash::HashMap<String, &'static str>,
    not_events: foldhash::HashSet<String>,
    /// Concepts whose date an event of another may take (see
    /// [`Lexicon::dated_with`]).
    dated_with: foldhash::HashMap<String, Vec<String>>,
    occurrence: Occurrence,
    units: foldhash::HashMap<String, (String, f64)>,
}

fn split(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_string).collect()
}

impl Lexicon {
    fn parse(text: &str) -> Result<Lexicon, String> {
        let f: File = yaml_serde::from_str(text).map_err(|e| e.to_string())?;
        let mut concept = foldhash::HashMap::default();
        for g in &f.concepts {
            let name = g.first().ok_or("an empty concept group")?;
            for w in g {
                if concept.insert(w.clone(), name.clone()).is_some() {
                    return Err(format!("{w:?} is in two concept groups"));
                }
            }
        }
        let phrase_heads = concept
            .keys()
            .flat_map(|k: &String| k.match_indices(' ').map(|(i, _)| k[..i].to_string()))
            .collect();
        let roles: Vec<Role> = f
            .roles
            .0
            .into_iter()
            .map(|(name, r)| Role {
                name,
                kinds: r.kinds,
                cues: r.cues.iter().map(|c| split(c)).collect(),
                grows: r.grows,
                dimensions: if r.dimensions.is_empty() {
                    vec!["length".to_string()]
                } else {
                    r.dimensions
                },
                people: r.people,
            })
            .collect();
        let mut cue_starts: foldhash::HashMap<String, Vec<(usize, usize)>> = Default::default();
        for (ri, role) in roles.iter().enumerate() {
            for (ci, cue) in role.cues.iter().enumerate() {
                let first = cue.first().ok_or("an empty role cue")?;
                cue_starts.entry(first.clone()).or_default().push((ri, ci));
            }
        }
        let mut qualifiers: Vec<(String, Vec<Vec<String>>)> = f
            .qualifiers
            .into_iter()
            .map(|(k, v)| (k, v.iter().map(|c| split(c)).collect()))
            .collect();
        qualifiers.sort_by(|a, b| a.0.cmp(&b.0));
        let mut change = foldhash::HashMap::default();
        for (dir, ws) in f.change {
            let d: &'static str = match dir.as_str() {
                "up" => "up",
                "down" => "down",
                other => return Err(format!("change direction {other:?} is not up or down")),
            };
            for w in ws {
                change.insert(w, d);
            }
        }
        Ok(Lexicon {
            concept,
            phrase_heads,
            roles,
            cue_starts,
            people: f.people_nouns.into_iter().collect(),
            persons: f.person_nouns.into_iter().collect(),
            qualifiers,
            change,
            not_events: f.not_events.into_iter().collect(),
            dated_with: f.dated_with.into_iter().collect(),
            occurrence: Occurrence {
                verbs: (f.occurrence.any.iter().map(|v| (split(v), false)))
                    .chain(f.occurrence.passive.iter().map(|v| (split(v), true)))
                    .collect(),
                auxiliaries: f.occurrence.auxiliaries.into_iter().collect(),
                not_before_subject: f.occurrence.not_before_subject.into_iter().collect(),
                relatives: f.occurrence.relatives.into_iter().collect(),
                existential: f.occurrence.existential.into_iter().collect(),
            },
            units: f.units.into_iter().collect(),
        })
    }

    /// The lexicon bundled with crosscheck.
    pub fn bundled() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::parse(DATA).expect("data/lexicon.yaml is valid"))
    }

    /// The concept a lemma names, or the lemma itself.
    pub fn concept<'a>(&'a self, lemma: &'a str) -> &'a str {
        self.concept.get(lemma).map_or(lemma, String::as_str)
    }

    /// The concept the lexicon lists for `lemma`, if any.
    pub fn listed_concept(&'static self, lemma: &str) -> Option<&'static str> {
        self.concept.get(lemma).map(String::as_str)
    }

    /// Whether a phrase of the lexicon starts with `first`.
    pub fn starts_phrase(&self, first: &str) -> bool {
        self.phrase_heads.contains(first)
    }

    /// The concept two lemmas in a row name together ("let go": dismiss).
    pub fn phrase_concept(&self, first: &str, second: &str) -> Option<&str> {
        if !self.starts_phrase(first) {
            return None;
        }
        self.concept
            .get(&format!("{first} {second}"))
            .map(String::as_str)
    }

    /// Whether a count of this (singular, lowercase) noun counts people.
    pub fn counts_people(&self, noun: &str) -> bool {
        self.people.contains(noun)
    }

    /// Whether a (singular, lowercase) noun names people of some kind.
    pub fn names_people(&self, noun: &str) -> bool {
        self.people.contains(noun) || self.persons.contains(noun)
    }

    /// The direction a change word gives ("up", "down").
    pub fn change(&self, lemma: &str) -> Option<&'static str> {
        self.change.get(lemma).copied()
    }

    /// Whether a verb never names the event a value belongs to.
    pub fn is_not_event(&self, lemma: &str) -> bool {
        self.not_events.contains(lemma)
    }

    /// The concepts whose date an event of `concept` may take when a story
    /// dates none of its own ("his death", dated by "shot on October 23").
    pub fn dated_with(&self, concept: &str) -> &[String] {
        self.dated_with.get(concept).map_or(&[], Vec::as_slice)
    }

    /// The verbs whose subject names the event a date of their clause
    /// dates ("the vote was held on May 5").
    pub fn occurrence(&self) -> &Occurrence {
        &self.occurrence
    }

    /// A unit's dimension and size in the dimension's base unit.
    pub fn unit(&self, unit: &str) -> Option<(&str, f64)> {
        self.units.get(unit).map(|(d, f)| (d.as_str(), *f))
    }

    /// The role cues whose first word is `word`, as (role, cue) indices
    /// into `roles`, roles in file order.
    pub fn cues_starting(&self, word: &str) -> &[(usize, usize)] {
        self.cue_starts.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn role(&self, name: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_reads() {
        let l = Lexicon::bundled();
        assert_eq!(l.concept("temblor"), "quake");
        assert_eq!(l.concept("unlisted"), "unlisted");
        assert_eq!(l.phrase_concept("let", "go"), Some("dismiss"));
        assert!(l.role("deaths").is_some_and(|r| r.grows && r.people));
        assert_eq!(l.change("plunge"), Some("down"));
        assert_eq!(l.unit("mile").map(|u| u.0), Some("length"));
        assert!(l.counts_people("villager"));
        assert!(l.dated_with("death").iter().any(|c| c == "murder"));
        assert!(!l.dated_with("death").iter().any(|c| c == "shoot"));
    }

    #[test]
    fn verbs_of_taking_place_are_read_with_their_voice() {
        let o = Lexicon::bundled().occurrence();
        let voice = |v: &str| o.verbs.iter().find(|(w, _)| w.join(" ") == v).map(|x| x.1);
        assert_eq!(voice("take place"), Some(false));
        assert_eq!(voice("hold"), Some(true));
        assert_eq!(voice("announce"), None);
        assert!(o.is_auxiliary("will") && o.not_before_subject("of"));
        assert!(!o.not_before_subject("after"));
    }

    #[test]
    fn a_word_in_two_concepts_is_refused() {
        let bad = DATA.replace("[quake, earthquake", "[quake, kill, earthquake");
        assert!(Lexicon::parse(&bad).unwrap_err().contains("kill"));
    }
}
