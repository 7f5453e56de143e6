//! Canonical names of counted things (`data/units.yaml`): a count of
//! "instances" and one of "incidents" count the same kind of thing, a count
//! of "violations" another. Extraction names a frame's thing by them,
//! alignment and judging compare counts by them.

use super::morph::singular;
use serde::Deserialize;
// foldhash: asked for the thing of every count a run reads, and for every
// term of the run's vocabulary when counts are compared.
use foldhash::HashMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct UnitsFile {
    groups: Vec<Vec<String>>,
}

fn unit_groups() -> &'static HashMap<String, String> {
    static G: OnceLock<HashMap<String, String>> = OnceLock::new();
    G.get_or_init(|| {
        let file: UnitsFile =
            yaml_serde::from_str(include_str!("../../data/units.yaml")).expect("data/units.yaml");
        let mut map = HashMap::default();
        for g in file.groups {
            let canon = g[0].clone();
            for w in g {
                map.entry(w).or_insert_with(|| canon.clone());
            }
        }
        map
    })
}

/// The canonical name of a counted thing: its last word, singular, mapped
/// through the synonym groups of `data/units.yaml`.
pub fn canonical_unit(unit: &str) -> String {
    // A model is named whole: "737 max 9", "f-35".
    if unit.bytes().any(|b| b.is_ascii_digit()) {
        return unit.to_lowercase();
    }
    let last = unit.split_whitespace().last().unwrap_or(unit);
    let s = singular(last);
    unit_groups().get(&s).cloned().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_thing_is_named_by_its_last_word_and_a_model_whole() {
        assert_eq!(canonical_unit("armed robbers"), "robber");
        // "three F-35 jets" are not any three jets.
        assert_eq!(canonical_unit("F-35 jets"), "f-35 jets");
        assert_ne!(canonical_unit("737 Max 9 jets"), canonical_unit("jets"));
    }

    #[test]
    fn spun_synonyms_count_the_same_thing() {
        assert_eq!(canonical_unit("instances"), "incident");
        assert_eq!(canonical_unit("suggestions"), "recommendation");
        assert_eq!(canonical_unit("clear violation"), "violation");
        assert_ne!(canonical_unit("violations"), canonical_unit("incidents"));
    }
}
