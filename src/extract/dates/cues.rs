//! The cue words that decide how a date is read (`data/date_cues.yaml`):
//! tense, delays, the present age, and the words around a number or a
//! month name that make it a date or not.

use super::forms::S;
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    future: Vec<String>,
    past: Vec<String>,
    not_past_ed: Vec<String>,
    scheduled: Vec<String>,
    not_before_scheduled: Vec<String>,
    arranged_past: Vec<String>,
    be_present: Vec<String>,
    determiners: Vec<String>,
    not_verbs_after_to: Vec<String>,
    delay_words: Vec<String>,
    present_age_nouns: Vec<String>,
    month_cues: Vec<String>,
    number_labels: Vec<String>,
    count_nouns: Vec<String>,
}

pub struct Cues {
    /// Any future cue, as a whole word or phrase.
    pub future: Regex,
    /// Any listed past-tense verb.
    pub past: Regex,
    pub not_past_ed: HashSet<String>,
    pub scheduled: HashSet<String>,
    pub not_before_scheduled: HashSet<String>,
    pub arranged_past: HashSet<String>,
    pub be_present: HashSet<String>,
    pub determiners: HashSet<String>,
    pub not_verbs_after_to: HashSet<String>,
    pub delay_words: HashSet<String>,
    pub present_age_nouns: HashSet<String>,
    pub month_cues: HashSet<String>,
    pub number_labels: HashSet<String>,
    pub count_nouns: HashSet<String>,
}

/// The phrases as one case-insensitive regex of whole words; a phrase
/// starting with an apostrophe is a suffix ("'ll").
fn phrases(list: &[String]) -> Result<Regex, regex::Error> {
    let (suffixes, words): (Vec<&String>, Vec<&String>) =
        list.iter().partition(|p| p.starts_with('\''));
    let join = |ps: Vec<&String>| {
        ps.iter()
            .map(|p| {
                p.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(S)
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut src = format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", join(words));
    if !suffixes.is_empty() {
        src.push_str(&format!(r"|(?:{})(?-u:\b)", join(suffixes)));
    }
    Regex::new(&src)
}

fn set(list: Vec<String>) -> HashSet<String> {
    list.into_iter().map(|w| w.to_lowercase()).collect()
}

fn parse(yaml: &str) -> Result<Cues, String> {
    let f: File = yaml_serde::from_str(yaml).map_err(|e| e.to_string())?;
    Ok(Cues {
        future: phrases(&f.future).map_err(|e| e.to_string())?,
        past: phrases(&f.past).map_err(|e| e.to_string())?,
        not_past_ed: set(f.not_past_ed),
        scheduled: set(f.scheduled),
        not_before_scheduled: set(f.not_before_scheduled),
        arranged_past: set(f.arranged_past),
        be_present: set(f.be_present),
        determiners: set(f.determiners),
        not_verbs_after_to: set(f.not_verbs_after_to),
        delay_words: set(f.delay_words),
        present_age_nouns: set(f.present_age_nouns),
        month_cues: set(f.month_cues),
        number_labels: set(f.number_labels),
        count_nouns: set(f.count_nouns),
    })
}

pub fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        parse(include_str!("../../../data/date_cues.yaml")).expect("data/date_cues.yaml")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_across_any_blanks() {
        let c = cues();
        assert!(c.future.is_match("they are set  to vote"));
        assert!(c.future.is_match("They'll vote"));
        assert!(!c.future.is_match("the willow"));
        assert!(c.past.is_match("Sales ROSE"));
        assert!(!c.past.is_match("a rosebud"));
        assert!(c.delay_words.contains("planned"));
    }

    #[test]
    fn every_verb_of_arranging_is_a_future_cue() {
        // Otherwise the rule that reads it as a past act never sees it.
        for w in &cues().arranged_past {
            assert!(cues().future.is_match(w), "{w}");
        }
    }

    #[test]
    fn an_unknown_list_is_refused() {
        let mut yaml = include_str!("../../../data/date_cues.yaml").to_string();
        yaml.push_str("\nfuturre: [soon]\n");
        assert!(parse(&yaml).is_err());
    }
}
