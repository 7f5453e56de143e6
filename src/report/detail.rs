//! A claim's `detail` as the schema writes it: its typed value, every
//! object's keys in sorted order.
//!
//! The schema's objects have always listed their keys sorted (they were
//! built as sorted maps from the library's types), and the library's types
//! put an enum's `type` tag first. Building a map per claim and writing it
//! out was 7% of the instructions of `claims`; these structs declare the
//! same keys in sorted order and are written directly. A test checks every
//! shape against the sorted map.

use crate::model::{Amount, Cell, ClaimValue, DateValue, Granularity, Interval};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum DetailOut<'a> {
    Date(DateOut<'a>),
    Range {
        from: DateOut<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        interval: Option<IntervalOut>,
        to: DateOut<'a>,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    /// Quantity and size.
    Counted {
        amount: AmountOut<'a>,
        #[serde(rename = "type")]
        kind: &'static str,
        unit: &'a str,
    },
    Age {
        amount: AmountOut<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<&'a str>,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    Money {
        amount: AmountOut<'a>,
        currency: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    Percent {
        amount: AmountOut<'a>,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    Quote {
        quote: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<&'a str>,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    Row {
        cells: &'a [Cell],
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<AmountOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<DateOut<'a>>,
        subject: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
    },
}

#[derive(Serialize)]
pub(crate) struct DateOut<'a> {
    /// A range's end: where the text states it, in bytes of the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    granularity: Granularity,
    interval: Option<IntervalOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
    relative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    /// Only for a date standing alone.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    value: &'a str,
}

#[derive(Serialize)]
pub(crate) struct IntervalOut {
    end: Date,
    start: Date,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum AmountOut<'a> {
    One {
        #[serde(rename = "type")]
        kind: &'static str,
        value: f64,
    },
    Between {
        high: f64,
        low: f64,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    Vague {
        #[serde(skip_serializing_if = "Option::is_none")]
        high: Option<f64>,
        label: &'a str,
        low: f64,
        #[serde(rename = "type")]
        kind: &'static str,
    },
}

impl<'a> DetailOut<'a> {
    pub(crate) fn of(v: &'a ClaimValue) -> Self {
        match v {
            ClaimValue::Date(d) => DetailOut::Date(DateOut::of(d, Some("date"))),
            ClaimValue::DateRange { from, to, interval } => DetailOut::Range {
                from: DateOut::of(from, None),
                interval: interval.as_ref().map(IntervalOut::of),
                to: DateOut::of(to, None),
                kind: "date-range",
            },
            ClaimValue::Quantity { amount, unit } => DetailOut::Counted {
                amount: AmountOut::of(amount),
                kind: "quantity",
                unit,
            },
            ClaimValue::Size { amount, unit } => DetailOut::Counted {
                amount: AmountOut::of(amount),
                kind: "size",
                unit,
            },
            ClaimValue::Age { amount, person } => DetailOut::Age {
                amount: AmountOut::of(amount),
                person: person.as_deref(),
                kind: "age",
            },
            ClaimValue::Money { amount, currency } => DetailOut::Money {
                amount: AmountOut::of(amount),
                currency,
                kind: "money",
            },
            ClaimValue::Percent { amount } => DetailOut::Percent {
                amount: AmountOut::of(amount),
                kind: "percent",
            },
            ClaimValue::Quote { quote, speaker } => DetailOut::Quote {
                quote,
                speaker: speaker.as_deref(),
                kind: "quote",
            },
            ClaimValue::TableRow {
                cells,
                subject,
                date,
                count,
            } => DetailOut::Row {
                cells,
                count: count.as_deref().map(AmountOut::of),
                date: date.as_deref().map(|d| DateOut::of(d, None)),
                subject,
                kind: "table-row",
            },
        }
    }
}

impl<'a> DateOut<'a> {
    fn of(d: &'a DateValue, kind: Option<&'static str>) -> Self {
        DateOut {
            end: None,
            granularity: d.granularity,
            interval: d.interval.as_ref().map(IntervalOut::of),
            modifier: d.modifier.as_deref(),
            relative: d.relative,
            start: None,
            kind,
            value: &d.value,
        }
    }
}

impl DetailOut<'_> {
    /// Places a range's ends where the text states them.
    pub(crate) fn with_ends(mut self, ends: Option<[(usize, usize); 2]>) -> Self {
        if let (DetailOut::Range { from, to, .. }, Some([a, b])) = (&mut self, ends) {
            (from.start, from.end) = (Some(a.0), Some(a.1));
            (to.start, to.end) = (Some(b.0), Some(b.1));
        }
        self
    }
}

impl IntervalOut {
    pub(crate) fn of(iv: &Interval) -> Self {
        IntervalOut {
            end: iv.end,
            start: iv.start,
        }
    }
}

impl<'a> AmountOut<'a> {
    fn of(a: &'a Amount) -> Self {
        let one = |kind, value| AmountOut::One { kind, value };
        match a {
            Amount::Exact { value } => one("exact", *value),
            Amount::Approx { value } => one("approx", *value),
            Amount::MoreThan { value } => one("more_than", *value),
            Amount::AtLeast { value } => one("at_least", *value),
            Amount::LessThan { value } => one("less_than", *value),
            Amount::AtMost { value } => one("at_most", *value),
            Amount::Between { low, high } => AmountOut::Between {
                high: *high,
                low: *low,
                kind: "between",
            },
            Amount::Vague { label, low, high } => AmountOut::Vague {
                high: *high,
                label,
                low: *low,
                kind: "vague",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(value: &str, interval: Option<(i16, i8, i8)>, modifier: Option<&str>) -> DateValue {
        DateValue {
            value: value.into(),
            granularity: Granularity::Day,
            interval: interval.map(|(y, m, d)| Interval::day(jiff::civil::date(y, m, d))),
            relative: modifier.is_some(),
            modifier: modifier.map(crate::model::Word::new),
        }
    }

    #[test]
    fn every_shape_is_written_as_the_sorted_map_of_the_value() {
        let amounts = [
            Amount::Exact { value: 5.0 },
            Amount::Approx { value: 1.5e6 },
            Amount::MoreThan { value: 250.0 },
            Amount::AtLeast { value: 3.0 },
            Amount::LessThan { value: 0.25 },
            Amount::AtMost { value: 19.0 },
            Amount::Exact { value: f64::NAN },
            Amount::Between {
                low: 10.0,
                high: 20.0,
            },
            Amount::Vague {
                label: "a few".into(),
                low: 2.0,
                high: Some(5.0),
            },
            Amount::Vague {
                label: "dozens".into(),
                low: 24.0,
                high: None,
            },
        ];
        let mut values = vec![
            ClaimValue::Date(date("2024-11-21", Some((2024, 11, 21)), None)),
            ClaimValue::Date(date("XXXX-06-09", None, Some("START"))),
            ClaimValue::DateRange {
                from: date("2024-11", Some((2024, 11, 1)), None).into(),
                to: date("2025-06", Some((2025, 6, 30)), Some("END")).into(),
                interval: Some(Interval::new(
                    jiff::civil::date(2024, 11, 1),
                    jiff::civil::date(2025, 6, 30),
                )),
            },
            ClaimValue::DateRange {
                from: date("XXXX-11", None, None).into(),
                to: date("XXXX-12", None, None).into(),
                interval: None,
            },
            ClaimValue::Quote {
                quote: "We \"acted\" \\ fast".into(),
                speaker: Some("Jane Doe".into()),
            },
            ClaimValue::Quote {
                quote: "none".into(),
                speaker: None,
            },
            ClaimValue::TableRow {
                cells: vec![
                    Cell {
                        header: "Date".into(),
                        text: "March 2, 2024".into(),
                    },
                    Cell {
                        header: "Count".into(),
                        text: "12".into(),
                    },
                ],
                subject: "arrests".into(),
                date: Some(date("2024-03-02", Some((2024, 3, 2)), None).into()),
                count: Some(Amount::Exact { value: 12.0 }.into()),
            },
            ClaimValue::TableRow {
                cells: Vec::new(),
                subject: String::new(),
                date: None,
                count: None,
            },
        ];
        for a in amounts {
            values.extend([
                ClaimValue::Quantity {
                    amount: a.clone(),
                    unit: "incident".into(),
                },
                ClaimValue::Size {
                    amount: a.clone(),
                    unit: "page".into(),
                },
                ClaimValue::Age {
                    amount: a.clone(),
                    person: Some("Smith".into()),
                },
                ClaimValue::Age {
                    amount: a.clone(),
                    person: None,
                },
                ClaimValue::Money {
                    amount: a.clone(),
                    currency: "USD".into(),
                },
                ClaimValue::Percent { amount: a },
            ]);
        }
        for v in &values {
            let map = serde_json::to_value(v).expect("a value serialises");
            assert_eq!(
                serde_json::to_string(&DetailOut::of(v)).expect("detail serialises"),
                serde_json::to_string(&map).expect("a map serialises"),
                "{v:?}"
            );
        }
    }
}
