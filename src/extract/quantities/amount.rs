//! The shared amount reader: a number at a token (numerals, "1.5 million",
//! "$137-million", number words, "a dozen", "10-20"), the bound written
//! before it ("more than", "nearly", "between"), a currency sign before it
//! and the other end of a range after it ("10 to 20", "3% to 5%"). Every
//! kind's reader starts from the [`Figure`] read here.

use super::money::{compound_currency, currency_sign};
use super::size::glued_unit;
use super::{bare_scale, Scan};
use crate::extract::numbers::{leading_numeral, parse_number, scaled};
use crate::lang::numbers::{self, is_number_word, scale_of};
use crate::model::Amount;

/// A bound or hedge written before a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Bound {
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
    Approx,
    Between,
}

/// What follows the digits inside one token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tail<'a> {
    None,
    /// "90-page": the lowercase text after the hyphen.
    Compound(&'a str),
    /// "10-20": the upper end.
    Range(f64),
    /// "58km": a unit glued to the digits.
    Unit(&'static str),
}

/// A number and where it ends.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num<'a> {
    pub(super) value: f64,
    /// Token index after the number.
    pub(super) next: usize,
    /// Written as a numeral (not words).
    pub(super) numeral: bool,
    pub(super) tail: Tail<'a>,
}

/// A number read at a token with what is written around it: where every
/// kind's reader starts.
pub(super) struct Figure<'a> {
    /// The token the number starts at.
    pub(super) i: usize,
    /// That token in lower case.
    pub(super) w: &'a str,
    /// The claim's first token: a bound's or a currency sign's before the
    /// number, or the number's.
    pub(super) first: usize,
    /// The number's last token (the upper end's, in a range).
    pub(super) last: usize,
    /// The token after it.
    pub(super) j: usize,
    pub(super) num: Num<'a>,
    /// The currency of a sign before the number ("$5", "US$5", "A$5").
    pub(super) currency: Option<&'static str>,
    /// The bound before the number and the token it starts at.
    pub(super) bound: Option<(Bound, usize)>,
    /// The upper end of a range ("10-20", "between 10 and 20").
    pub(super) high: Option<f64>,
    /// The number with its bound or range.
    pub(super) amount: Amount,
}

/// A scale word opening a hyphenated word ("million" of "137-million",
/// "bn" of "bn-euro"), its multiplier and the rest after the next hyphen.
fn hyphen_scale(w: &str) -> Option<(f64, &str)> {
    let (first, rest) = w.split_once('-').unwrap_or((w, ""));
    if first.len() < 2 {
        return None;
    }
    let s = scale_of(first)?;
    let ok = rest.is_empty()
        || rest
            .split('-')
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
    ok.then_some((s, rest))
}

/// `value` under bound `b`; a "between" with no other end read is the
/// value alone.
pub(super) fn with_bound(b: Option<Bound>, value: f64) -> Amount {
    match b {
        None | Some(Bound::Between) => Amount::Exact { value },
        Some(Bound::MoreThan) => Amount::MoreThan { value },
        Some(Bound::LessThan) => Amount::LessThan { value },
        Some(Bound::AtLeast) => Amount::AtLeast { value },
        Some(Bound::AtMost) => Amount::AtMost { value },
        Some(Bound::Approx) => Amount::Approx { value },
    }
}

/// Whether number word `next` continues a number ending in `prev`:
/// "twenty six", "one hundred", "hundred thousand"; not "one two".
fn number_words_join(prev: &str, next: &str) -> bool {
    use numbers::Word::{Group, Scale, Unit};
    let (p, n) = (numbers::word(prev), numbers::word(next));
    let tens = matches!(p, Some(Unit(v)) if v >= 20.0);
    let unit = matches!(n, Some(Unit(v)) if (1.0..10.0).contains(&v));
    let scale = matches!(n, Some(Scale(_) | Group(_)));
    let prev_scale = matches!(p, Some(Scale(_)));
    (tens && unit) || (scale && prev != next) || (prev_scale && !scale)
}

impl<'a> Scan<'a> {
    /// Reads a number starting at token `i`.
    pub(super) fn number(&self, i: usize) -> Option<Num<'a>> {
        let w = self.lw(i)?;
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let (mut value, rest) = leading_numeral(w)?;
            let mut next = i + 1;
            let mut tail = Tail::None;
            if rest.is_empty() {
                // Times ("3:30") and scores are not amounts.
                if self.punct(i + 1) == Some(":") && self.adjacent(i) {
                    return None;
                }
                if let Some(s) = self.lw(i + 1).filter(|s| s.len() > 2).and_then(scale_of) {
                    value = scaled(value, s);
                    next += 1;
                } else if let Some((s, more)) =
                    self.lw(i + 1).and_then(hyphen_scale).filter(|(_, more)| {
                        let head = more.split('-').next().unwrap_or(more);
                        compound_currency(head).is_some()
                            || (matches!(head, "a" | "an" | "per")
                                && self
                                    .punct(i.wrapping_sub(1))
                                    .and_then(currency_sign)
                                    .is_some())
                    })
                {
                    // "$2 billion-a-year", "2 mn-euro"
                    value = scaled(value, s);
                    next += 1;
                    tail = Tail::Compound(more);
                }
            } else if let Some(s) = scale_of(rest) {
                value = scaled(value, s);
            } else if let Some(u) = glued_unit(rest) {
                tail = Tail::Unit(u);
            } else if let Some(r) = rest.strip_prefix('-') {
                if let Some((hi, "")) = leading_numeral(r) {
                    if hi <= value || hi > value * 100.0 {
                        return None;
                    }
                    tail = Tail::Range(hi);
                } else if let Some((s, more)) = hyphen_scale(r) {
                    // "$137-million", "a 2-million-euro fine"
                    value = scaled(value, s);
                    if !more.is_empty() {
                        tail = Tail::Compound(more);
                    }
                } else if r.len() >= 2
                    && r.split('-')
                        .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
                {
                    tail = Tail::Compound(r);
                } else {
                    return None;
                }
            } else {
                // Ordinals ("5th"), decades ("1990s"), codes ("3D").
                return None;
            }
            return Some(Num {
                value,
                next,
                numeral: true,
                tail,
            });
        }
        // "a single", "one single"
        if matches!(w, "a" | "an" | "one") && self.lw(i + 1) == Some("single") {
            return Some(Num {
                value: 1.0,
                next: i + 2,
                numeral: false,
                tail: Tail::None,
            });
        }
        // Number words, possibly hyphenated and over several tokens.
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        let mut tail = Tail::None;
        if matches!(w, "a" | "an") {
            match self.lw(i + 1) {
                Some(n)
                    if bare_scale(n)
                        || matches!(numbers::word(n), Some(numbers::Word::Group(_))) =>
                {
                    words.push("a");
                    j = i + 1;
                }
                _ => return None,
            }
        }
        while let Some(tw) = self.lw(j) {
            let mut parts = tw.split('-');
            let mut took = 0usize;
            let mut consumed = 0usize;
            for p in parts.by_ref() {
                let joins = match words.last() {
                    None => true,
                    Some(prev) => number_words_join(prev, p),
                };
                if is_number_word(p) && joins {
                    words.push(p);
                    took += 1;
                    consumed += p.len() + 1;
                } else {
                    break;
                }
            }
            if took == 0 {
                // "one hundred and five"
                if tw == "and"
                    && words.last().is_some_and(|w| bare_scale(w))
                    && self
                        .lw(j + 1)
                        .is_some_and(|n| is_number_word(n.split('-').next().unwrap_or("")))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            j += 1;
            if consumed <= tw.len() {
                // "five-year": a number word compound; stop here.
                tail = Tail::Compound(&tw[consumed..]);
                break;
            }
        }
        if words.is_empty() || (words.len() == 1 && words[0] == "a") {
            return None;
        }
        // "a billion-dollar deal", "the million-pound homes": an order of
        // magnitude, not a figure of anything.
        if let ([scale], Tail::Compound(rest)) = (words.as_slice(), tail) {
            let head = rest.split('-').next().unwrap_or(rest);
            if scale_of(scale).is_some() && compound_currency(head).is_some() {
                return None;
            }
        }
        let value = parse_number(&words.join(" "))?;
        Some(Num {
            value,
            next: j,
            numeral: false,
            tail,
        })
    }

    /// A bound written before token `i`: the bound and the token it starts at.
    pub(super) fn bound_before(&self, i: usize) -> Option<(Bound, usize)> {
        let w = |k: usize| {
            if k <= i && i - k < self.t.len() {
                self.lw(i - k)
            } else {
                None
            }
        };
        let (w1, w2, w3) = (w(1), w(2), w(3));
        let b = match (w3, w2, w1) {
            (Some("no"), Some("more" | "greater"), Some("than")) => (Bound::AtMost, 3),
            (Some("no"), Some("fewer" | "less"), Some("than")) => (Bound::AtLeast, 3),
            (Some("as"), Some("many" | "much"), Some("as")) => (Bound::AtMost, 3),
            (Some("a"), Some("maximum"), Some("of")) => (Bound::AtMost, 3),
            (Some("a"), Some("minimum"), Some("of")) => (Bound::AtLeast, 3),
            (_, Some("more" | "greater"), Some("than")) => (Bound::MoreThan, 2),
            (_, Some("upwards"), Some("of")) => (Bound::MoreThan, 2),
            (_, Some("just"), Some("over")) => (Bound::MoreThan, 2),
            (_, Some("fewer" | "less"), Some("than")) => (Bound::LessThan, 2),
            (_, Some("just"), Some("under")) => (Bound::LessThan, 2),
            (_, Some("at"), Some("least")) => (Bound::AtLeast, 2),
            (_, Some("at"), Some("most")) => (Bound::AtMost, 2),
            (_, Some("up"), Some("to")) => (Bound::AtMost, 2),
            (_, Some("close"), Some("to")) => (Bound::Approx, 2),
            (_, Some("an"), Some("estimated")) => (Bound::Approx, 2),
            (_, _, Some("over")) => (Bound::MoreThan, 1),
            // "to exceed $460,000", "surpassing 100", "above 5%"
            (
                _,
                _,
                Some(
                    "exceed" | "exceeds" | "exceeded" | "exceeding" | "surpass" | "surpasses"
                    | "surpassed" | "surpassing" | "above",
                ),
            ) => (Bound::MoreThan, 0),
            (_, _, Some("below")) => (Bound::LessThan, 0),
            (_, _, Some("under")) => (Bound::LessThan, 1),
            (
                _,
                _,
                Some(
                    "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some"
                    | "approx" | "circa" | "estimated",
                ),
            ) => (Bound::Approx, 1),
            (_, _, Some("between")) => (Bound::Between, 1),
            // "in the range of $X and $Y", "a range of 3% to 5%"
            (_, Some("range"), Some("of")) => (Bound::Between, 0),
            _ => return None,
        };
        Some((b.0, i - b.1))
    }

    /// Reads the figure at token `i` (`w`, in lower case): `None` where no
    /// number starts, or where "between" finds no range after it.
    pub(super) fn figure(&self, i: usize, w: &'a str) -> Option<Figure<'a>> {
        // A currency sign before the number ("$5", "US$5").
        let mut first = i;
        let mut currency = None;
        if i > 0 {
            if let Some(c) = self.punct(i - 1).and_then(currency_sign) {
                currency = Some(c);
                first = i - 1;
                if i > 1 && self.adjacent(i - 2) {
                    match self.lw(i - 2) {
                        Some("us") => first = i - 2,
                        Some("a") if c == "USD" => {
                            currency = Some("AUD");
                            first = i - 2
                        }
                        Some("c") if c == "USD" => {
                            currency = Some("CAD");
                            first = i - 2
                        }
                        _ => {}
                    }
                }
            }
        }
        let num = self.number(i)?;
        let mut bound = self.bound_before(first);
        // A bound of no words of its own ("range of"): dropped if no range
        // follows.
        let soft_bound = bound.is_some_and(|(_, at)| at == first);
        if let Some((_, b)) = bound {
            first = b;
        }
        let mut j = num.next;
        let mut high = match num.tail {
            Tail::Range(h) => Some(h),
            _ => None,
        };
        // "3% to 5%", "between 3% and 5%": the range's sign after each end.
        if high.is_none() && self.punct(j) == Some("%") {
            let joiner = self.lw(j + 1);
            let ok = match bound {
                Some((Bound::Between, _)) => matches!(joiner, Some("and" | "to")),
                _ => joiner == Some("to"),
            };
            if ok {
                if let Some(n2) = self.number(j + 2).filter(|n2| {
                    n2.tail == Tail::None
                        && n2.value > num.value
                        && self.punct(n2.next) == Some("%")
                }) {
                    high = Some(n2.value);
                    j = n2.next;
                }
            }
        }
        if matches!(bound, Some((Bound::Between, _))) || (high.is_none() && num.numeral) {
            // "between 10 and 20", "10 to 20", "$1.30 to $1.40"
            let joiner = self.lw(j);
            let mut k = j + 1;
            if currency.is_some() && self.punct(k).and_then(currency_sign) == currency {
                k += 1;
            }
            let ok = match bound {
                Some((Bound::Between, _)) => matches!(joiner, Some("and" | "to")),
                _ => {
                    joiner == Some("to")
                        && self
                            .lw(k)
                            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                }
            };
            if ok {
                if let Some(n2) = self
                    .number(k)
                    .filter(|n2| n2.tail == Tail::None && n2.value > num.value)
                {
                    high = Some(n2.value);
                    j = n2.next;
                }
            }
            if matches!(bound, Some((Bound::Between, _))) && high.is_none() {
                // "a range of 5 products" is a count after all.
                if soft_bound {
                    bound = None;
                } else {
                    return None;
                }
            }
        }
        let amount = match (high, bound) {
            (Some(h), _) => Amount::Between {
                low: num.value,
                high: h,
            },
            (None, b) => with_bound(b.map(|b| b.0), num.value),
        };
        Some(Figure {
            i,
            w,
            first,
            last: j - 1,
            j,
            num,
            currency,
            bound,
            high,
            amount,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, q};

    #[test]
    fn bounds_and_approximations() {
        assert_eq!(
            one("The price is expected to again exceed $460,000."),
            q("money", "$460,000", ">460000 USD")
        );
        assert_eq!(
            one("Costs stayed below 5% of sales."),
            q("percent", "5%", "<5%")
        );
        assert_eq!(
            one("He was freed with more than 250 detainees."),
            q("quantity", "more than 250 detainees", ">250 detainee")
        );
        assert_eq!(
            one("At least 3 officers were hurt."),
            q("quantity", "At least 3 officers", ">=3 officer")
        );
        assert_eq!(
            one("Charges against up to 19 protesters were dropped."),
            q("quantity", "up to 19 protesters", "<=19 protester")
        );
        assert_eq!(
            one("Charges against as many as 19 protesters were dropped."),
            q("quantity", "as many as 19 protesters", "<=19 protester")
        );
        assert_eq!(
            one("Fewer than 10 agents came."),
            q("quantity", "Fewer than 10 agents", "<10 agent")
        );
        for w in ["nearly", "almost", "about", "around", "roughly", "some"] {
            let t = format!("They sent {w} 200 agents.");
            assert_eq!(
                one(&t),
                q("quantity", &format!("{w} 200 agents"), "~200 agent"),
                "{w}"
            );
        }
        assert_eq!(
            one("It took between 10 and 20 officers."),
            q("quantity", "between 10 and 20 officers", "10-20 officer")
        );
        assert_eq!(
            one("It took 10-20 officers."),
            q("quantity", "10-20 officers", "10-20 officer")
        );
        assert_eq!(
            one("EPS of $1.30 to $1.40 is expected."),
            q("money", "$1.30 to $1.40", "1.3-1.4 USD")
        );
        assert_eq!(
            one("Revenue between $11,100 million and $11,250 million."),
            q(
                "money",
                "between $11,100 million and $11,250 million",
                "11100000000-11250000000 USD"
            )
        );
        assert_eq!(
            one("Revenue is expected within the range of $11,100 million and $11,250 million."),
            q(
                "money",
                "$11,100 million and $11,250 million",
                "11100000000-11250000000 USD"
            )
        );
        assert_eq!(
            one("Growth of 3% to 5% is the target."),
            q("percent", "3% to 5%", "3-5%")
        );
    }
}
