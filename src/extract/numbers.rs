//! Numbers written as numerals or words: "1,234", "2.5", "twenty-six",
//! "a dozen", "3 million", "one hundred and five".

/// A regex fragment matching a number written in words (one to several
/// words), for recognisers to embed. Case-insensitive matching is expected.
pub const NUMBER_WORDS: &str = r"(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|a\s+dozen|dozen)(?:(?:\s+and\s+|[\s-]+)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion))*)";

/// A regex fragment matching a numeral: "5", "1,234", "2.5", "1.2 million".
pub const NUMERAL: &str =
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand|hundred))?";

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "none" => 0.0,
        "one" | "a" | "an" | "single" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

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
        } else if let Some(v) = unit_word(w) {
            // "a"/"an" only count before a scale or "dozen" ("a dozen", "a hundred").
            if (*w == "a" || *w == "an") && words.get(i + 1).is_none() {
                return None;
            }
            if *w == "dozen" {
                current = if current == 0.0 { 12.0 } else { current * 12.0 };
            } else {
                current += v;
            }
            seen = true;
        } else if let Some(scale) = scale_word(w) {
            if current == 0.0 {
                current = 1.0;
            }
            if scale == 100.0 {
                current *= scale;
            } else {
                total += current * scale;
                current = 0.0;
            }
            seen = true;
        } else {
            return None;
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
}
