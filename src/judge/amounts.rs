//! When two amounts can state one figure, read as a reader reads them.
//!
//! - A round figure stands for what rounds to it: "26,000" for 25,500 to
//!   26,500 ("120,000" for 115,000 to 125,000), "$1.8 billion" for $1.75 to $1.85 billion, "6.1" for 6.05 to
//!   6.15.
//! - "About 30" is 30 give or take 15%.
//! - A bound is not an open interval: "more than 30" or "at least 30" tells
//!   a reader the figure is a little over 30 (up to half as much again, or
//!   three more for small numbers), so it disagrees with 90 and with "at
//!   least 35"; "fewer than 10" or "up to 10" is more than half of it.
//! - A range stated as a range is the same range only when both ends agree:
//!   "between 11,100 and 11,250" is not "between 11,200 and 11,250".
//! - A vague amount ("several", "dozens") admits what its word admits.

use crate::model::Amount;

/// Half the unit of the last significant digit of a figure as written:
/// 0.05 for 6.1, 500 for 26,000, 0 for 17.
fn rounding(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    // Nine significant digits survive the text: read the written figure
    // back from the float (1.7 million may be 1700000.0000000002).
    let sig = 8 - v.log10().floor() as i32;
    let mut m = (v * 10f64.powi(sig)).round() as i64;
    let mut place = -sig;
    while m != 0 && m % 10 == 0 {
        m /= 10;
        place += 1;
    }
    // Whole units and tens are exact counts, not rounded figures.
    if (0..2).contains(&place) {
        return 0.0;
    }
    0.5 * 10f64.powi(place)
}

/// How far past a lower bound a reader still takes it to reach: half as
/// much again for a count ("more than 30": up to 45; "at least 4": up to
/// 7), but a tenth for a figure written with decimals, whose writer
/// measures finely ("at least magnitude 5.9" is not 7.1).
fn over(value: f64) -> f64 {
    if value.fract() == 0.0 || rounding(value) >= 1.0 {
        (value * 0.5).max(3.0) + rounding(value)
    } else {
        (value * 0.1).max(10.0 * rounding(value))
    }
}

/// The values a reader takes an amount to admit.
pub fn reader_bounds(a: &Amount) -> (f64, f64) {
    match *a {
        Amount::Exact { value } => {
            let r = rounding(value);
            (value - r, value + r)
        }
        Amount::Approx { value } => {
            let r = rounding(value).max(value.abs() * 0.15);
            (value - r, value + r)
        }
        Amount::MoreThan { value } | Amount::AtLeast { value } => (value, value + over(value)),
        Amount::LessThan { value } | Amount::AtMost { value } => (value * 0.5, value),
        Amount::Between { low, high } => (low - rounding(low), high + rounding(high)),
        Amount::Vague { low, high, .. } => (low, high.unwrap_or(f64::INFINITY)),
    }
}

/// Whether two measured figures (money, percentages, sizes, ages) can
/// state the same figure: a whole number of them is rounded to the unit
/// ("29%" for 28.9%), where a count of things is exact.
pub fn compatible_measure(a: &Amount, b: &Amount) -> bool {
    if let (Amount::Exact { value: x }, Amount::Exact { value: y }) = (a, b) {
        let unit = |v: f64| if v.fract() == 0.0 { 0.5 } else { 0.0 };
        let r = rounding(*x).max(rounding(*y)).max(unit(*x)).max(unit(*y));
        let eps = 1e-9 * x.abs().max(y.abs()).max(1.0);
        let d = (x - y).abs();
        // A figure half-way between two round ones is written as either
        // ("£1.35bn" as "£1.3bn"): the bound is inclusive.
        return d <= eps || (r > 0.0 && d <= r + eps);
    }
    compatible(a, b)
}

/// Whether two amounts given to a known precision (half a unit of the
/// last written digit, `half`) state one figure: single figures and the
/// ends of ranges compared at that precision, bounds as readers read them.
pub fn compatible_within(a: &Amount, b: &Amount, half: f64) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() < half;
    match (a, b) {
        (Amount::Exact { value: x }, Amount::Exact { value: y }) => close(*x, *y),
        (Amount::Between { low: al, high: ah }, Amount::Between { low: bl, high: bh }) => {
            close(*al, *bl) && close(*ah, *bh)
        }
        _ => compatible(a, b),
    }
}

/// Whether two amounts can state the same figure.
pub fn compatible(a: &Amount, b: &Amount) -> bool {
    if let (Amount::Between { low: al, high: ah }, Amount::Between { low: bl, high: bh }) = (a, b) {
        return near(*al, *bl) && near(*ah, *bh);
    }
    if let (Amount::Exact { value: x }, Amount::Exact { value: y }) = (a, b) {
        return near(*x, *y);
    }
    // Two bounds of one kind state one figure: "over 80 stores" is not
    // "over 100 stores", nor "about 30" "about 40".
    match (a, b) {
        (
            Amount::MoreThan { value: x } | Amount::AtLeast { value: x },
            Amount::MoreThan { value: y } | Amount::AtLeast { value: y },
        )
        | (
            Amount::LessThan { value: x } | Amount::AtMost { value: x },
            Amount::LessThan { value: y } | Amount::AtMost { value: y },
        ) => return (x - y).abs() <= 0.05 * x.abs().max(y.abs()),
        (Amount::Approx { value: x }, Amount::Approx { value: y }) => {
            return (x - y).abs() <= 0.15 * x.abs().max(y.abs()) || near(*x, *y)
        }
        _ => {}
    }
    let (alo, ahi) = reader_bounds(a);
    let (blo, bhi) = reader_bounds(b);
    alo <= bhi + 1e-9 && blo <= ahi + 1e-9
}

/// Two written figures that round to each other: 1.6 stands for 1.55 up
/// to (not including) 1.65, so "$1.6 billion" is not "$1.65 billion", nor
/// "$3.60" "$3.50".
fn near(a: f64, b: f64) -> bool {
    let eps = 1e-9 * a.abs().max(b.abs()).max(1.0);
    let d = (a - b).abs();
    d <= eps || d < rounding(a).max(rounding(b)) - eps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(v: f64) -> Amount {
        Amount::Exact { value: v }
    }

    #[test]
    fn round_figures_admit_what_rounds_to_them() {
        assert!(compatible(&exact(26_000.0), &exact(26_271.0)));
        assert!(!compatible(&exact(26_000.0), &exact(31_000.0)));
        assert!(compatible(&exact(1.8e9), &exact(1.812e9)));
        assert!(!compatible(&exact(6.1), &exact(5.9)));
        assert!(compatible(&exact(1_700_000.000_000_000_2), &exact(1.7e6)));
        assert!(!compatible(&exact(1_500.0), &exact(1_150.0)));
        assert!(!compatible(&exact(10.0), &exact(11.0)));
        assert!(!compatible(&exact(108e6), &exact(118e6)));
        assert!(!compatible(&exact(3.6), &exact(3.5)));
        assert!(!compatible(&exact(1.6e9), &exact(1.65e9)));
        assert!(compatible(&exact(1.6e9), &exact(1.64e9)));
    }

    #[test]
    fn a_figure_half_way_is_written_either_way() {
        assert!(compatible_measure(&exact(1.3e9), &exact(1.35e9)));
        assert!(compatible_measure(&exact(27e9), &exact(27.5e9)));
        assert!(!compatible_measure(&exact(1.3e9), &exact(1.36e9)));
        assert!(!compatible_measure(&exact(27e9), &exact(27.6e9)));
    }

    #[test]
    fn bounds_as_readers_read_them() {
        let more = |v| Amount::MoreThan { value: v };
        let least = |v| Amount::AtLeast { value: v };
        let about = |v| Amount::Approx { value: v };
        assert!(!compatible(&more(30.0), &about(90.0)));
        assert!(!compatible(&about(30.0), &exact(90.0)));
        assert!(!compatible(&least(10.0), &least(35.0)));
        assert!(!compatible(&least(8.0), &exact(24.0)));
        assert!(compatible(&least(10.0), &exact(10.0)));
        assert!(compatible(&least(4.0), &exact(6.0)));
        assert!(compatible(&more(100_000.0), &exact(120_000.0)));
        assert!(compatible(&more(26_000.0), &exact(26_271.0)));
        assert!(compatible(&Amount::AtMost { value: 19.0 }, &exact(12.0)));
        assert!(!compatible(&least(5.9), &exact(7.1)));
        assert!(!compatible(&more(80.0), &more(100.0)));
        assert!(compatible(&more(26_000.0), &least(26_000.0)));
        assert!(!compatible(&about(30.0), &about(40.0)));
        assert!(compatible_measure(&exact(29.0), &exact(28.9)));
        assert!(!compatible_measure(&exact(29.0), &exact(28.4)));
        assert!(!compatible(&exact(29.0), &exact(28.9)));
        assert!(compatible(&least(5.9), &exact(6.1)));
    }

    #[test]
    fn ranges_agree_by_their_ends() {
        let between = |l, h| Amount::Between { low: l, high: h };
        assert!(compatible(
            &between(11_100e6, 11_250e6),
            &between(11_100e6, 11_250e6)
        ));
        assert!(!compatible(
            &between(11_100e6, 11_250e6),
            &between(11_200e6, 11_250e6)
        ));
        assert!(compatible(&between(2_400.0, 2_600.0), &exact(2_500.0)));
    }

    #[test]
    fn vague_amounts() {
        let multiple = Amount::Vague {
            label: "multiple".into(),
            low: 2.0,
            high: None,
        };
        assert!(!compatible(&exact(1.0), &multiple));
        assert!(compatible(&exact(3.0), &multiple));
    }
}
