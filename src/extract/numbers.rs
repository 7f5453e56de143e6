//! Numbers written as numerals or words: "1,234", "2.5", "twenty-six",
//! "a dozen", "3 million", "one hundred and five"; and a small word tokenizer
//! the number-reading recognisers share.

use crate::lang::numbers::{word, Word};

/// Parses a number written as a numeral, in words, or mixed ("1.5 million").
/// Returns `None` for anything else.
pub fn parse_number(s: &str) -> Option<f64> {
    let lower = s.trim().to_ascii_lowercase();
    if lower.is_empty() {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    for (i, w) in words.iter().enumerate() {
        if let Some(v) = numeral(w) {
            if seen && current != 0.0 {
                return None;
            }
            current += v;
            seen = true;
        } else {
            match word(w) {
                Some(Word::Unit(v) | Word::StandIn(v)) => {
                    // "a"/"an" only count before a scale or "dozen" ("a dozen", "a hundred").
                    if (*w == "a" || *w == "an") && words.get(i + 1).is_none() {
                        return None;
                    }
                    current += v;
                }
                Some(Word::Group(v)) => {
                    current = if current == 0.0 { v } else { current * v };
                }
                Some(Word::Scale(scale)) => {
                    if current == 0.0 {
                        current = 1.0;
                    }
                    // A hundred multiplies within a group of thousands
                    // ("three hundred thousand").
                    if scale < 1e3 {
                        current *= scale;
                    } else {
                        total += scaled(current, scale);
                        current = 0.0;
                    }
                }
                _ => return None,
            }
            seen = true;
        }
    }
    seen.then_some(total + current)
}

fn numeral(w: &str) -> Option<f64> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let cleaned: String = w.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok()
}

/// `value` times a scale word's `scale` ("16.1 million"): a product that
/// misses a whole number by its last bit of rounding is that whole number,
/// so the claim reads 16100000 and not 16100000.000000002.
pub fn scaled(value: f64, scale: f64) -> f64 {
    let p = value * scale;
    let whole = p.round();
    if scale >= 1e3 && (p - whole).abs() <= p.abs() * 1e-12 {
        whole
    } else {
        p
    }
}

/// Reads a numeral at the start of `w` ("1,234", "2.5", "90" of "90-page")
/// and returns its value and the rest of the word. Comma groups must be
/// well-formed ("1,234" but not "12,34").
pub fn leading_numeral(w: &str) -> Option<(f64, &str)> {
    let b = w.as_bytes();
    let mut i = 0;
    let mut int = 0.0f64;
    let mut group = 0usize;
    let mut commas = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                int = int * 10.0 + f64::from(d - b'0');
                group += 1;
                i += 1;
            }
            b',' if b
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(i + 4).is_some_and(u8::is_ascii_digit) =>
            {
                if (!commas && group > 3) || (commas && group != 3) || group == 0 {
                    return None;
                }
                commas = true;
                group = 0;
                i += 1;
            }
            _ => break,
        }
    }
    if i == 0 || (commas && group != 3) {
        return None;
    }
    let mut value = int;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        // The decimal as Rust reads it, rounded once: summing its digits'
        // tenths and hundredths made "$17.65" 17.650000000000002.
        value = numeral(&w[..j]).unwrap_or(value);
        i = j;
    }
    Some((value, &w[i..]))
}

/// A word or punctuation token: byte offsets into the tokenized text, and
/// the token's lowercase form as offsets into the tokenizer's buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// A run of letters and digits (with inner hyphens, apostrophes, and
    /// commas or points between digits); otherwise one punctuation character.
    pub word: bool,
    lo_start: usize,
    lo_end: usize,
}

/// A reusable tokenizer: one allocation for all sentences.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Tokens {
    /// Tokenizes `text`; offsets are into `text` plus `base`.
    pub fn tokenize(&mut self, text: &str, base: usize) {
        self.toks.clear();
        self.lower.clear();
        let b = text.as_bytes();
        // Runs of ASCII letters and digits are copied in one go.
        let char_at = |i: usize| crate::text::char_at(text, i).0;
        let mut i = 0;
        while let Some(c) = (i < b.len()).then(|| char_at(i)) {
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let lo_start = self.lower.len();
            if !c.is_alphanumeric() {
                self.lower.push(c);
                self.toks.push(Tok {
                    start: base + i,
                    end: base + i + c.len_utf8(),
                    word: false,
                    lo_start,
                    lo_end: self.lower.len(),
                });
                i += c.len_utf8();
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut prev = c;
            push_lower(&mut self.lower, c);
            loop {
                let run = end;
                while end < b.len() && b[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                if end > run {
                    let from = self.lower.len();
                    self.lower.push_str(&text[run..end]);
                    self.lower[from..].make_ascii_lowercase();
                    prev = b[end - 1] as char;
                }
                let Some(d) = (end < b.len()).then(|| char_at(end)) else {
                    break;
                };
                if d.is_alphanumeric() {
                    push_lower(&mut self.lower, d);
                    end += d.len_utf8();
                    prev = d;
                    continue;
                }
                let next = text[end + d.len_utf8()..].chars().next();
                let joins = match (d, next) {
                    (',' | '.', Some(n)) => prev.is_ascii_digit() && n.is_ascii_digit(),
                    ('-', Some(n)) => n.is_alphanumeric(),
                    ('\'' | '\u{2019}', Some(n)) => prev.is_alphabetic() && n.is_alphabetic(),
                    _ => false,
                };
                if !joins {
                    break;
                }
                self.lower.push(d);
                end += d.len_utf8();
                prev = d;
            }
            self.toks.push(Tok {
                start: base + i,
                end: base + end,
                word: true,
                lo_start,
                lo_end: self.lower.len(),
            });
            i = end;
        }
    }

    /// The lowercase text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.lower[t.lo_start..t.lo_end]
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

fn push_lower(s: &mut String, c: char) {
    if c.is_ascii() {
        s.push(c.to_ascii_lowercase());
    } else {
        // Keep one char per char so offsets stay simple for non-ASCII letters
        // whose lowercase form is longer than one char.
        s.push(c.to_lowercase().next().unwrap_or(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_and_words_agree() {
        for (s, v) in [
            ("5", 5.0),
            ("five", 5.0),
            ("Five", 5.0),
            ("1,234", 1234.0),
            ("2.5", 2.5),
            ("twenty-six", 26.0),
            ("twenty six", 26.0),
            ("one hundred and five", 105.0),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("1.5 million", 1_500_000.0),
            ("three thousand two hundred", 3200.0),
            ("seventy million", 70_000_000.0),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn non_numbers_are_rejected() {
        for s in ["", "many", "a", "five apples", "12abc"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn leading_numerals() {
        assert_eq!(
            leading_numeral("3,000-square-foot"),
            Some((3000.0, "-square-foot"))
        );
        assert_eq!(leading_numeral("1.5"), Some((1.5, "")));
        // A price reads as it is written, not as a sum of its digits.
        assert_eq!(leading_numeral("17.65"), Some((17.65, "")));
        assert_eq!(leading_numeral("1,017.65p"), Some((1017.65, "p")));
        assert_eq!(parse_number("16.1 million"), Some(16_100_000.0));
        assert_eq!(parse_number("16.9 billion"), Some(16_900_000_000.0));
        assert_eq!(scaled(1.2345678, 1e6), 1_234_567.8);
        assert_eq!(leading_numeral("19-year-old"), Some((19.0, "-year-old")));
        assert_eq!(leading_numeral("3bn"), Some((3.0, "bn")));
        assert_eq!(leading_numeral("12,34"), Some((12.0, ",34")));
        assert_eq!(leading_numeral("1234,567"), None);
        assert_eq!(leading_numeral("abc"), None);
    }

    #[test]
    fn tokens_keep_compounds_and_numerals_whole() {
        let mut t = Tokens::default();
        let s = "The 19-year-old paid $20,000 (12%) at 3 p.m. in Department’s U.S. office.";
        t.tokenize(s, 0);
        let words: Vec<&str> = t.toks.iter().map(|k| &s[k.start..k.end]).collect();
        assert_eq!(
            words,
            [
                "The",
                "19-year-old",
                "paid",
                "$",
                "20,000",
                "(",
                "12",
                "%",
                ")",
                "at",
                "3",
                "p",
                ".",
                "m",
                ".",
                "in",
                "Department’s",
                "U",
                ".",
                "S",
                ".",
                "office",
                "."
            ]
        );
        assert_eq!(t.lower(0), "the");
        assert_eq!(t.lower(16), "department’s");
    }

    #[test]
    fn tokens_read_letters_beyond_ascii_and_every_space() {
        let mut t = Tokens::default();
        let s = "ÄRZTE zahlten\u{0B}5.000 Straße\u{a0}Éclair’s co-op 3Ü.";
        t.tokenize(s, 10);
        let words: Vec<(&str, String)> = (0..t.len())
            .map(|i| {
                (
                    &s[t.toks[i].start - 10..t.toks[i].end - 10],
                    t.lower(i).to_string(),
                )
            })
            .collect();
        let want = [
            ("ÄRZTE", "ärzte"),
            ("zahlten", "zahlten"),
            ("5.000", "5.000"),
            ("Straße", "straße"),
            ("Éclair’s", "éclair’s"),
            ("co-op", "co-op"),
            ("3Ü", "3ü"),
            (".", "."),
        ];
        assert_eq!(
            words,
            want.map(|(a, b)| (a, b.to_string())).to_vec(),
            "{words:?}"
        );
    }
}
