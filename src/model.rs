//! The data that flows through the pipeline: documents in, claims out.
//!
//! Everything here is plain data with `Serialize`, so reporters can print it
//! and tests can compare it; no type here knows how to print itself.

use jiff::civil::Date;
use serde::Serialize;
use std::fmt;

/// How precise a date claim is. Ordered from finest to coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    /// A part of a month ("early March") is still reported at month precision
    /// in `value`, but its interval is narrower.
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// An inclusive interval of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    pub start: Date,
    pub end: Date,
}

impl Interval {
    pub fn new(start: Date, end: Date) -> Self {
        if start <= end {
            Interval { start, end }
        } else {
            Interval {
                start: end,
                end: start,
            }
        }
    }

    pub fn day(d: Date) -> Self {
        Interval { start: d, end: d }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// A normalised date or date range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateValue {
    /// TIMEX3-style value: `2024-11-21`, `2025-03`, `2025`, `2024-SP`,
    /// `XXXX-06-09` (year unknown), `PRESENT_REF`, `PAST_REF`, ...
    pub value: String,
    pub granularity: Granularity,
    /// The calendar days the expression can denote; `None` when the
    /// expression cannot be anchored (year unknown, no reference date).
    pub interval: Option<Interval>,
    /// True when the value was computed from the reference date
    /// ("last year", "Wednesday", "five days earlier").
    pub relative: bool,
    /// TIMEX3 `mod` where the text narrows or qualifies the value
    /// (`START`, `MID`, `END`, `BEFORE`, `AFTER`, `APPROX`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// A number as a source states it: exact, bounded, or vague.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Amount {
    Exact {
        value: f64,
    },
    /// "about 200", "nearly 50"
    Approx {
        value: f64,
    },
    /// "more than 250" (exclusive)
    MoreThan {
        value: f64,
    },
    /// "at least 3"
    AtLeast {
        value: f64,
    },
    /// "fewer than 10" (exclusive)
    LessThan {
        value: f64,
    },
    /// "up to 19", "at most 4"
    AtMost {
        value: f64,
    },
    Between {
        low: f64,
        high: f64,
    },
    /// "multiple", "several", "dozens": a range with a label.
    Vague {
        label: String,
        low: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        high: Option<f64>,
    },
}

impl Amount {
    /// The closed range of values the amount admits (`high` may be infinite).
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            Amount::Exact { value } => (value, value),
            Amount::Approx { value } => (value * 0.85, value * 1.15),
            Amount::MoreThan { value } => (value + f64::EPSILON.max(value * 1e-9), f64::INFINITY),
            Amount::AtLeast { value } => (value, f64::INFINITY),
            Amount::LessThan { value } => {
                (f64::NEG_INFINITY, value - f64::EPSILON.max(value * 1e-9))
            }
            Amount::AtMost { value } => (f64::NEG_INFINITY, value),
            Amount::Between { low, high } => (low, high),
            Amount::Vague { low, high, .. } => (low, high.unwrap_or(f64::INFINITY)),
        }
    }

    pub fn is_exact(&self) -> bool {
        matches!(self, Amount::Exact { .. })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn n(v: f64) -> String {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        }
        match self {
            Amount::Exact { value } => write!(f, "{}", n(*value)),
            Amount::Approx { value } => write!(f, "~{}", n(*value)),
            Amount::MoreThan { value } => write!(f, ">{}", n(*value)),
            Amount::AtLeast { value } => write!(f, ">={}", n(*value)),
            Amount::LessThan { value } => write!(f, "<{}", n(*value)),
            Amount::AtMost { value } => write!(f, "<={}", n(*value)),
            Amount::Between { low, high } => write!(f, "{}-{}", n(*low), n(*high)),
            Amount::Vague { label, .. } => write!(f, "{label}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    Date,
    DateRange,
    Quantity,
    Age,
    Money,
    Percent,
    Size,
    Quote,
    TableRow,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::DateRange => "date-range",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Age => "age",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Size => "size",
            ClaimKind::Quote => "quote",
            ClaimKind::TableRow => "table-row",
        }
    }
}

/// One cell of a Markdown table row, read through its column header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub header: String,
    pub text: String,
}

/// The typed, normalised content of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ClaimValue {
    Date(DateValue),
    DateRange {
        from: DateValue,
        to: DateValue,
        /// The span from the start of `from` to the end of `to`, when both anchor.
        #[serde(skip_serializing_if = "Option::is_none")]
        interval: Option<Interval>,
    },
    /// A count of a thing: `unit` is the singular head noun ("incident").
    Quantity {
        amount: Amount,
        unit: String,
    },
    Age {
        amount: Amount,
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<String>,
    },
    /// `currency` is an ISO 4217 code where known ("USD"), else the word used.
    Money {
        amount: Amount,
        currency: String,
    },
    Percent {
        amount: Amount,
    },
    /// "90-page": amount 90, unit "page".
    Size {
        amount: Amount,
        unit: String,
    },
    Quote {
        quote: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
    },
    TableRow {
        cells: Vec<Cell>,
        /// What the row is about: the text of its first non-date, non-count cell.
        subject: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<DateValue>,
        /// A count column's value and the thing it counts.
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<Amount>,
    },
}

impl ClaimValue {
    /// A short human-readable normal form, used in tables and as `value` in JSON.
    pub fn display(&self) -> String {
        match self {
            ClaimValue::Date(d) => d.value.clone(),
            ClaimValue::DateRange { from, to, .. } => format!("{}/{}", from.value, to.value),
            ClaimValue::Quantity { amount, unit } => format!("{amount} {unit}"),
            ClaimValue::Age { amount, .. } => format!("age {amount}"),
            ClaimValue::Money { amount, currency } => format!("{amount} {currency}"),
            ClaimValue::Percent { amount } => format!("{amount}%"),
            ClaimValue::Size { amount, unit } => format!("{amount} {unit}"),
            ClaimValue::Quote { quote, speaker } => match speaker {
                Some(s) => format!("{s}: \u{201c}{quote}\u{201d}"),
                None => format!("\u{201c}{quote}\u{201d}"),
            },
            ClaimValue::TableRow {
                subject,
                date,
                count,
                ..
            } => {
                let mut s = subject.clone();
                if let Some(d) = date {
                    s = format!("{} {}", d.value, s);
                }
                if let Some(c) = count {
                    s = format!("{s} = {c}");
                }
                s
            }
        }
    }
}

/// A claim found in a document, located in the original file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Byte offsets of the matched text in the file (not the body).
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column counted in characters).
    pub line: usize,
    pub column: usize,
    /// The matched text as it stands in the file.
    pub surface: String,
    /// The sentence the claim sits in, as it stands in the file.
    pub sentence: String,
    pub value: ClaimValue,
    /// Organisations and people the sentence names, canonicalised.
    pub actors: Vec<String>,
}

/// How a document's reference date (its creation time) was established.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "how", rename_all = "kebab-case")]
pub enum ReferenceSource {
    /// `published` in the document's front matter.
    FrontMatter,
    /// Given by the caller (a command-line flag or a gold creation time).
    Given,
    /// Inferred from the latest explicit date in the document itself.
    Inferred { from: String, line: usize },
    /// Nothing in the document fixes a year.
    Unknown,
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// The day, where known to the day.
    pub date: Option<Date>,
    /// The year, where known (always set when `date` is).
    pub year: Option<i16>,
    pub source: ReferenceSource,
}

impl Reference {
    pub fn unknown() -> Self {
        Reference {
            date: None,
            year: None,
            source: ReferenceSource::Unknown,
        }
    }

    pub fn given(date: Date) -> Self {
        Reference {
            date: Some(date),
            year: Some(date.year()),
            source: ReferenceSource::Given,
        }
    }

    /// The reference as a TIMEX3 value: `2025-03-01`, `2025` or `XXXX`.
    pub fn value(&self) -> String {
        match (self.date, self.year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => format!("{y:04}"),
            _ => "XXXX".to_string(),
        }
    }
}

/// Optional YAML front matter of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An article read from disk, with the text claims are located in.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it or as walked from what they gave.
    pub path: String,
    /// The whole file, decoded; for a web page its article text, each block
    /// on the page's line; for an export record, the record's text.
    pub text: String,
    /// Byte offset where the body starts (after any front matter).
    pub body_start: usize,
    pub front_matter: FrontMatter,
}

/// A document's claims and the reference date used to read them.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub reference: Reference,
    pub claims: Vec<Claim>,
}
