//! The ledger: curated, verified facts about a story (`claims/*.yaml`), and
//! FEVER-style verdicts for the claims that speak of them.
//!
//! The schema is documented in docs/ledger.md. Unknown fields, wrong types
//! and dates that are not dates are errors located at file:line:column.

use crate::align::terms;
use crate::extract::dates::parse_date;
use crate::input::InputError;
use crate::model::{Amount, DateValue, Extraction, Granularity, Interval, Reference};
use serde::{Deserialize, Deserializer, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    #[serde(rename = "SUPPORTS")]
    Supports,
    #[serde(rename = "REFUTES")]
    Refutes,
    #[serde(rename = "NOT ENOUGH INFO")]
    NotEnoughInfo,
}

impl Verdict {
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Supports => "SUPPORTS",
            Verdict::Refutes => "REFUTES",
            Verdict::NotEnoughInfo => "NOT ENOUGH INFO",
        }
    }
}

/// A date written in the ledger: `2024-11-21`, `2025-03`, `2025`, or any
/// form crosscheck reads with a year ("November 2024", "early March 2025").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "String")]
pub struct LedgerDate {
    pub text: String,
    #[serde(skip)]
    pub value: DateValue,
}

impl From<LedgerDate> for String {
    fn from(d: LedgerDate) -> String {
        d.text
    }
}

impl<'de> Deserialize<'de> for LedgerDate {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = String::deserialize(de)?;
        match iso_date(&text).or_else(|| parse_date(&text, &Reference::unknown())) {
            Some(value) if value.interval.is_some() => Ok(LedgerDate { text, value }),
            _ => Err(serde::de::Error::custom(format!(
                "`{text}` is not a date with a year (write YYYY-MM-DD, YYYY-MM or YYYY)"
            ))),
        }
    }
}

/// Writes whole numbers without a fractional part (`5`, not `5.0`).
fn whole<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => whole_f64(x, s),
        None => s.serialize_none(),
    }
}

fn whole_f64<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn iso_date(text: &str) -> Option<DateValue> {
    use jiff::civil::Date;
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (start, end, granularity) = match parts.as_slice() {
        [y] if digits(y, 4) => {
            let y: i16 = y.parse().ok()?;
            (
                Date::new(y, 1, 1).ok()?,
                Date::new(y, 12, 31).ok()?,
                Granularity::Year,
            )
        }
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let d = Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok()?;
            (d, d.last_of_month(), Granularity::Month)
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let d = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
            (d, d, Granularity::Day)
        }
        _ => return None,
    };
    Some(DateValue {
        value: crate::model::Word::new(t),
        granularity,
        interval: Some(Interval::new(start, end)),
        relative: false,
        modifier: None,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountSpec {
    /// What is counted, singular ("incident").
    pub thing: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole"
    )]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl CountSpec {
    pub fn amount(&self) -> Amount {
        match (self.value, self.min, self.max) {
            (Some(v), _, _) => Amount::Exact { value: v },
            (None, Some(lo), Some(hi)) => Amount::Between { low: lo, high: hi },
            (None, Some(lo), None) => Amount::AtLeast { value: lo },
            (None, None, Some(hi)) => Amount::AtMost { value: hi },
            (None, None, None) => Amount::AtLeast { value: 0.0 },
        }
    }

    pub fn describe(&self) -> String {
        format!("{} {}", self.amount(), self.thing)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    pub from: LedgerDate,
    pub to: LedgerDate,
}

impl RangeSpec {
    pub fn interval(&self) -> Interval {
        let a = self.from.value.interval.expect("validated");
        let b = self.to.value.interval.expect("validated");
        Interval::new(a.start.min(b.start), a.end.max(b.end))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeSpec {
    pub person: String,
    #[serde(serialize_with = "whole_f64")]
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub text: String,
}

/// One verified fact and what it pins down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSpec {
    pub id: String,
    pub statement: String,
    /// Extra words that say what the fact is about, for matching claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<LedgerDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<CountSpec>,
    /// With `count`: the period the counted events fall in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<RangeSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<CountSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuoteSpec>,
    /// Where the fact is documented: URLs or `path:line`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    pub facts: Vec<FactSpec>,
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub spec: FactSpec,
    pub file: String,
    pub line: usize,
    /// Stemmed content terms of the statement and `about`.
    pub(crate) terms: Vec<String>,
    /// The names and rare words of the fact's file (its story, statements
    /// and `about`), sorted: what a document must share to be of its story.
    story: std::sync::Arc<Vec<String>>,
}

impl Fact {
    /// Whether `doc` is of the story this fact's file records.
    pub(crate) fn of_story(&self, doc: &Extraction) -> bool {
        doc.profile
            .story
            .iter()
            .filter(|(w, _)| {
                self.story
                    .binary_search_by(|s| s.as_str().cmp(w.as_str()))
                    .is_ok()
            })
            .map(|(w, _)| crate::lang::words::weight(w))
            .sum::<f32>()
            >= MIN_STORY_WEIGHT
    }
}

/// How much of a document's story a ledger file must share for its facts
/// to judge the document's claims: the English weight of the shared story
/// words (one rare name such as "NYPD" is enough; "investigation" alone
/// is not).
pub const MIN_STORY_WEIGHT: f32 = 3.0;

/// The names and rare words of a text, lowercase: what tells its story
/// (as a document's story signature keeps them).
fn telling_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = crate::lang::tokens::tokenize(text)
        .into_iter()
        .filter(|t| t.word && !t.digit && t.lower.len() >= 3)
        .filter_map(|t| {
            let lower = t
                .lower
                .strip_suffix("'s")
                .or_else(|| t.lower.strip_suffix("\u{2019}s"))
                .unwrap_or(&t.lower)
                .to_string();
            if crate::lang::wordlist::STOPWORDS.contains(&lower) {
                return None;
            }
            let z = crate::lang::words::zipf(&lower);
            ((t.cap && z.is_none_or(|z| z < 5.0)) || z.is_none_or(|z| z < 3.5)).then_some(lower)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// All facts of one or more ledger files.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub facts: Vec<Fact>,
    pub files: Vec<String>,
}

impl Ledger {
    /// Loads a ledger file, or every `.yaml`/`.yml` file in a folder (sorted).
    pub fn load(path: &Path) -> Result<Ledger, InputError> {
        let display = path.to_string_lossy().to_string();
        let mut files: Vec<std::path::PathBuf> = Vec::new();
        if path.is_dir() {
            let rd = std::fs::read_dir(path).map_err(|e| {
                InputError::new(&display, None, None, format!("cannot read folder: {e}"))
            })?;
            for e in rd.flatten() {
                let p = e.path();
                if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
                    files.push(p);
                }
            }
            files.sort();
        } else {
            files.push(path.to_path_buf());
        }
        let mut ledger = Ledger::default();
        for f in files {
            let d = f.to_string_lossy().to_string();
            let text = std::fs::read_to_string(&f)
                .map_err(|e| InputError::new(&d, None, None, format!("cannot read ledger: {e}")))?;
            ledger.add_str(&text, &d)?;
        }
        Ok(ledger)
    }

    /// Adds the facts of one ledger file's text.
    pub fn add_str(&mut self, text: &str, path: &str) -> Result<(), InputError> {
        let file: LedgerFile = yaml_serde::from_str(text).map_err(|e| {
            let (mut line, mut col) = e
                .location()
                .map_or((None, None), |l| (Some(l.line()), Some(l.column())));
            let msg = e.to_string();
            // The location is reported in the prefix; keep the message to its first clause.
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            // A value rejected inside an optional field is located at its
            // mapping; point at the value itself when the message names it.
            if let Some(bad) = msg.split('`').nth(1).filter(|b| !b.is_empty()) {
                let from = line.unwrap_or(1).saturating_sub(1);
                if let Some((i, l)) = text
                    .lines()
                    .enumerate()
                    .skip(from)
                    .find(|(_, l)| l.contains(bad))
                {
                    line = Some(i + 1);
                    col = l.find(bad).map(|c| l[..c].chars().count() + 1);
                }
            }
            InputError::new(path, line, col, format!("invalid ledger: {msg}"))
        })?;
        let story = {
            let mut text = file.story.clone().unwrap_or_default();
            for f in &file.facts {
                text.push('\n');
                text.push_str(&f.statement);
                for a in &f.about {
                    text.push('\n');
                    text.push_str(a);
                }
            }
            std::sync::Arc::new(telling_words(&text))
        };

        for spec in file.facts {
            let line = text
                .lines()
                .position(|l| {
                    let t = l.trim_start().trim_start_matches("- ").trim_start();
                    t.strip_prefix("id:")
                        .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == spec.id)
                })
                .map_or(1, |i| i + 1);
            if spec.id.trim().is_empty() {
                return Err(InputError::new(
                    path,
                    Some(line),
                    None,
                    "fact with an empty id".into(),
                ));
            }
            if self.facts.iter().any(|f| f.spec.id == spec.id) {
                return Err(InputError::new(
                    path,
                    Some(line),
                    None,
                    format!("duplicate fact id `{}`", spec.id),
                ));
            }
            if spec.date.is_none()
                && spec.count.is_none()
                && spec.age.is_none()
                && spec.size.is_none()
                && spec.quote.is_none()
            {
                return Err(InputError::new(
                    path,
                    Some(line),
                    None,
                    format!("fact `{}` pins nothing down: give one of date, count (with range), age, size, quote", spec.id),
                ));
            }
            if spec.range.is_some() && spec.count.is_none() {
                return Err(InputError::new(
                    path,
                    Some(line),
                    None,
                    format!(
                        "fact `{}`: range needs a count of the events it spans",
                        spec.id
                    ),
                ));
            }
            let mut t = terms::content_terms(&spec.statement);
            for a in &spec.about {
                t.extend(terms::content_terms(a));
            }
            t.sort();
            t.dedup();
            self.facts.push(Fact {
                spec,
                file: path.to_string(),
                line,
                terms: t,
                story: story.clone(),
            });
        }
        self.files.push(path.to_string());
        Ok(())
    }

    /// How many of `docs` are of the story some fact of the ledger records:
    /// the documents its facts judge.
    pub fn documents_of_its_story(&self, docs: &[Extraction]) -> usize {
        docs.iter()
            .filter(|d| self.facts.iter().any(|f| f.of_story(d)))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Ledger, InputError> {
        let mut l = Ledger::default();
        l.add_str(text, "t.yaml").map(|_| l)
    }

    #[test]
    fn reads_a_valid_ledger() {
        let l = load(
            "facts:\n  - id: n\n    statement: Five incidents were reviewed.\n    count: { thing: incident, value: 5 }\n    range: { from: 2024-11, to: 2025-06 }\n",
        )
        .unwrap();
        assert_eq!(l.facts.len(), 1);
        assert_eq!(l.facts[0].line, 2);
        let iv = l.facts[0].spec.range.as_ref().unwrap().interval();
        assert_eq!(iv.start.to_string(), "2024-11-01");
        assert_eq!(iv.end.to_string(), "2025-06-30");
    }

    #[test]
    fn unknown_field_is_located() {
        let e = load("facts:\n  - id: n\n    statement: x\n    cuont: { thing: a, value: 1 }\n")
            .unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("cuont"), "{e}");
    }

    #[test]
    fn a_date_that_is_not_a_date_is_located() {
        let e = load("facts:\n  - id: n\n    statement: x\n    date: the thirty-second of May\n")
            .unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("not a date"), "{e}");
    }

    #[test]
    fn fact_must_pin_something_and_ids_are_unique() {
        let e = load("facts:\n  - id: n\n    statement: x\n").unwrap_err();
        assert!(e.message.contains("pins nothing"), "{e}");
        let e = load("facts:\n  - id: n\n    statement: x\n    date: 2024\n  - id: n\n    statement: y\n    date: 2025\n").unwrap_err();
        assert!(e.message.contains("duplicate"), "{e}");
        assert_eq!(e.line, Some(2));
    }
}
