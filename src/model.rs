//! The data that flows through the pipeline: documents in, claims out.
//!
//! Everything here is plain data with `Serialize`, so reporters can print it
//! and tests can compare it; no type here knows how to print itself.

use jiff::civil::Date;
use serde::Serialize;
use std::fmt;

mod frame;
mod run;
#[cfg(test)]
mod testing;
mod text_key;
mod word;
pub use frame::{ClaimFrame, Context, Frame};
pub use run::{InputError, InputNote, Run};
pub use text_key::{Reading, TextKey};
pub use word::Word;

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
    pub value: Word,
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
    pub modifier: Option<Word>,
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
        label: Word,
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
    // The rare kinds with large values are boxed, so that every claim is
    // not as large as they are: an archive holds millions of claims.
    DateRange {
        from: Box<DateValue>,
        to: Box<DateValue>,
        /// The span from the start of `from` to the end of `to`, when both anchor.
        #[serde(skip_serializing_if = "Option::is_none")]
        interval: Option<Interval>,
    },
    /// A count of a thing: `unit` is the singular head noun ("incident").
    Quantity {
        amount: Amount,
        unit: Word,
    },
    Age {
        amount: Amount,
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<String>,
    },
    /// `currency` is an ISO 4217 code where known ("USD"), else the word used.
    Money {
        amount: Amount,
        currency: Word,
    },
    Percent {
        amount: Amount,
    },
    /// "90-page": amount 90, unit "page".
    Size {
        amount: Amount,
        unit: Word,
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
        date: Option<Box<DateValue>>,
        /// A count column's value and the thing it counts.
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<Box<Amount>>,
    },
}

impl ClaimValue {
    /// A short human-readable normal form, used in tables and as `value` in JSON.
    pub fn display(&self) -> String {
        match self {
            ClaimValue::Date(d) => d.value.to_string(),
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
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Byte offsets of the matched text in the file (not the body).
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column counted in characters).
    pub line: usize,
    pub column: usize,
    /// The claim's sentence and its own text, as they stand in the file
    /// (see [`Claim::sentence`] and [`Claim::surface`]).
    pub said: Said,
    pub value: ClaimValue,
    /// What the claim states a value of.
    pub frame: ClaimFrame,
    /// A date range's two ends, as byte offsets in the file, each where the
    /// text states it ("2014" and "2016" of "2014-2016"). Boxed: few claims
    /// are ranges.
    pub ends: Option<Box<[(usize, usize); 2]>>,
}

impl Claim {
    /// The sentence the claim sits in, as it stands in the file.
    pub fn sentence(&self) -> &str {
        let s = &self.said.sentence;
        &s.text[..s.len]
    }

    /// The matched text as it stands in the file.
    pub fn surface(&self) -> &str {
        let at = self.said.surface_at as usize;
        &self.said.sentence.text[at..at + (self.end - self.start)]
    }

    /// Organisations and people the sentence names, canonicalised, each
    /// name interned (archives name the same people and bodies over and
    /// over).
    pub fn actors(&self) -> &[Word] {
        &self.said.sentence.actors
    }

    /// Which copy of its sentence the claim holds: claims of one sentence,
    /// and of sentences told word for word in documents read together (see
    /// [`Sentences`]), have one id, and while they are held no other claim
    /// has it.
    pub fn sentence_id(&self) -> usize {
        std::sync::Arc::as_ptr(&self.said.sentence) as usize
    }

    /// Whether both claims are of one sentence as extraction read it (the
    /// same shared sentence, so the same actors), without comparing text.
    pub fn shares_sentence(&self, other: &Claim) -> bool {
        std::sync::Arc::ptr_eq(&self.said.sentence, &other.said.sentence)
    }
}

/// As the derived form would write it, with the sentence and the matched
/// text as fields of their own.
impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Claim", 11)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("surface", self.surface())?;
        st.serialize_field("sentence", self.sentence())?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("actors", self.actors())?;
        st.serialize_field("frame", &self.frame)?;
        st.serialize_field("ends", &self.ends)?;
        st.end()
    }
}

/// A claim's sentence and, within it, the claim's own text.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    sentence: std::sync::Arc<Sentence>,
    /// Where the claim's own text starts in the sentence's `text`.
    surface_at: u32,
}

/// A sentence as its claims share it: an archive holds millions of claims,
/// and a string of its own per claim, and a pointer per claim to each of
/// the sentence's text and names, cost an allocation and 40 bytes a claim.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// The sentence as it stands in the file. A quote can run on past its
    /// sentence's end ("... unacceptable. The NYPD must also ..."): the
    /// text then runs on to the end of the longest claim of the sentence,
    /// and the sentence is its first `len` bytes.
    text: Box<str>,
    len: usize,
    /// The names the sentence gives (see [`Claim::actors`]).
    actors: Box<[Word]>,
}

impl Sentence {
    /// `text` begins with the sentence, `len` bytes long (at a character
    /// boundary), and holds the text of each of its claims.
    pub fn new(text: &str, len: usize, actors: Box<[Word]>) -> std::sync::Arc<Sentence> {
        std::sync::Arc::new(Sentence {
            text: text.into(),
            len,
            actors,
        })
    }
}

impl Said {
    /// The claim whose text starts `surface_at` bytes into `sentence`'s
    /// text. `None` past what a claim keeps (4 GiB into a sentence).
    pub fn new(sentence: std::sync::Arc<Sentence>, surface_at: usize) -> Option<Said> {
        Some(Said {
            surface_at: u32::try_from(surface_at).ok()?,
            sentence,
        })
    }

    /// A claim that is its own sentence (a claim outside any sentence, such
    /// as a table cell).
    pub fn whole(text: &str, actors: Box<[Word]>) -> Said {
        Said {
            sentence: Sentence::new(text, text.len(), actors),
            surface_at: 0,
        }
    }
}

/// How a document's reference date (its creation time) was established.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "how", rename_all = "kebab-case")]
pub enum ReferenceSource {
    /// `published` in the document's front matter.
    FrontMatter,
    /// Given by the caller (a command-line flag or a gold creation time).
    Given,
    /// The document's own dateline or byline ("Posted 11/27/2005 7:21 AM").
    Dateline { from: String, line: usize },
    /// Inferred from the latest explicit date in the document itself: a
    /// guess, which a historical date can mislead.
    Inferred { from: String, line: usize },
    /// The dateline of the documents that tell the same story, which agree
    /// on it: `from` is the path of the one whose date was taken, `of` how
    /// many agree.
    Story { from: String, of: usize },
    /// Nothing in the document fixes a year.
    Unknown,
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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

    /// Whether the reference is the document's own (front matter, dateline)
    /// or given, not a guess from its body.
    pub fn reliable(&self) -> bool {
        matches!(
            self.source,
            ReferenceSource::FrontMatter
                | ReferenceSource::Given
                | ReferenceSource::Dateline { .. }
                | ReferenceSource::Story { .. }
        )
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
    /// Which text the document is. Copies of one text (the same words and
    /// front matter, whatever their paths) have the same key, and read
    /// against the same reference they have the same claims: see
    /// [`Extraction::same_reading`].
    #[serde(skip)]
    pub text: TextKey,
    pub claims: Claims,
    /// The document as a source (spin, sketches); not part of the claims
    /// schema.
    /// Shared, like the claims, between identical copies.
    #[serde(skip)]
    pub profile: std::sync::Arc<Profile>,
    /// Where the document was read from, to read it again when its story
    /// settles its reference date (see `settle_references`).
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Extraction {
    /// Whether both are one text read against one reference date, so their
    /// claims and profiles are equal without comparing them. This is how
    /// every stage knows a wire copy: extraction, judging (through
    /// stand-ins, see `provenance::wire`) and the reporters each do their
    /// work once per reading and give it to every copy.
    pub fn same_reading(&self, other: &Extraction) -> bool {
        self.reading() == other.reading()
    }

    /// The text and reference date, as a key: documents with one reading
    /// are copies (see [`Extraction::same_reading`]).
    pub fn reading(&self) -> Reading<'_> {
        (self.text, &self.reference)
    }
}

/// The file a document was read from, and its record in an export.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub file: std::path::PathBuf,
    pub record: Option<usize>,
}

/// A spinner phrase a document uses, from `data/spin.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpinHit {
    /// The lexicon's phrase.
    pub spun: String,
    /// The phrase as the document writes it (first time).
    pub written: String,
    /// What writers who are not spinning say.
    pub original: String,
    /// Line of the first use.
    pub line: usize,
    pub count: usize,
}

/// A bottom-k sketch: the smallest distinct shingle hashes of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sketch {
    /// Sorted, distinct, at most k.
    pub mins: Vec<u32>,
    /// How many distinct shingles the document had.
    pub size: u32,
}

impl Sketch {
    /// Estimated Jaccard similarity of the two shingle sets (exact when both
    /// sets fit in the sketch).
    pub fn jaccard(&self, other: &Sketch) -> f64 {
        let k = self.mins.len().max(other.mins.len());
        if k == 0 {
            return 0.0;
        }
        // The k smallest of the union, and how many of them both sets hold.
        let (mut i, mut j, mut taken, mut both) = (0, 0, 0, 0);
        while taken < k && (i < self.mins.len() || j < other.mins.len()) {
            let a = self.mins.get(i).copied().unwrap_or(u32::MAX);
            let b = other.mins.get(j).copied().unwrap_or(u32::MAX);
            if i < self.mins.len() && j < other.mins.len() && a == b {
                both += 1;
                i += 1;
                j += 1;
            } else if j >= other.mins.len() || (i < self.mins.len() && a < b) {
                i += 1;
            } else {
                j += 1;
            }
            taken += 1;
        }
        // Any of the union's k smallest is among its own set's k smallest, so
        // the merge above is exactly the union's sketch.
        both as f64 / taken as f64
    }

    /// Estimated share of the smaller set that the other also holds.
    pub fn containment(&self, other: &Sketch) -> f64 {
        let j = self.jaccard(other);
        let (a, b) = (self.size as f64, other.size as f64);
        if a == 0.0 || b == 0.0 {
            return 0.0;
        }
        let inter = j * (a + b) / (1.0 + j);
        (inter / a.min(b)).min(1.0)
    }
}

/// What a document looks like as a source, read while its text was at hand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Words in the body.
    pub words: usize,
    /// Spinner phrases used, in order of first use.
    pub spin: Vec<SpinHit>,
    /// Sketch of the order in which names and figures appear.
    pub names: Sketch,
    /// Sketch of the running text.
    pub text: Sketch,
    /// The names and rare words that tell which story the document is
    /// about, each with its weight, heaviest first (see `align::story`).
    pub story: Box<[(Word, f32)]>,
    /// Hashes of every name the document uses (capitalised words, not
    /// function words, lowercase), sorted: whether a name of one claim's
    /// clause appears anywhere in another document.
    pub names_used: Vec<u64>,
}

/// A document's claims, in text order. Shared: identical copies of a wire
/// story hold one list between them (which copies are, is
/// [`Extraction::same_reading`]'s to say). Reads like a `Vec<Claim>`; build it
/// from one with `.into()`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims(std::sync::Arc<Vec<Claim>>);

impl Serialize for Claims {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.as_slice().serialize(s)
    }
}

impl From<Vec<Claim>> for Claims {
    fn from(v: Vec<Claim>) -> Self {
        Claims(std::sync::Arc::new(v))
    }
}

impl Claims {
    /// Keeps the claims `keep` accepts (copying the list first if shared).
    pub fn retain(&mut self, keep: impl FnMut(&Claim) -> bool) {
        std::sync::Arc::make_mut(&mut self.0).retain(keep);
    }
}

impl std::ops::Deref for Claims {
    type Target = Vec<Claim>;
    fn deref(&self) -> &Vec<Claim> {
        &self.0
    }
}

/// One copy of each sentence the claims of a run hold. The versions of a
/// story retell most of its sentences word for word (a wire text and its
/// rewrites): on the distinct bench archive a claim's sentence is one of
/// five alike, and each was a string of its own.
/// The context words of their claims' frames are kept once the same way.
#[derive(Default)]
pub struct Sentences {
    sentences: foldhash::HashSet<std::sync::Arc<Sentence>>,
    contexts: foldhash::HashSet<std::sync::Arc<str>>,
}

impl Sentences {
    /// Has every claim of `claims` hold the kept copy of its sentence and
    /// of its context words, keeping those seen for the first time. Claims already shared with
    /// another document are left as they are.
    pub fn share(&mut self, claims: &mut Claims) {
        let Some(claims) = std::sync::Arc::get_mut(&mut claims.0) else {
            return;
        };
        // The claims of a sentence are neighbours and hold one copy.
        let mut last: Option<(std::sync::Arc<Sentence>, std::sync::Arc<Sentence>)> = None;
        for c in claims {
            let kept = match &last {
                Some((was, kept)) if std::sync::Arc::ptr_eq(was, &c.said.sentence) => kept.clone(),
                _ => {
                    let kept = match self.sentences.get(&c.said.sentence) {
                        Some(k) => k.clone(),
                        None => {
                            self.sentences.insert(c.said.sentence.clone());
                            c.said.sentence.clone()
                        }
                    };
                    last = Some((c.said.sentence.clone(), kept.clone()));
                    kept
                }
            };
            c.said.sentence = kept;
            c.frame.context.share(&mut self.contexts);
        }
    }
}

impl<'a> IntoIterator for &'a Claims {
    type Item = &'a Claim;
    type IntoIter = std::slice::Iter<'a, Claim>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
