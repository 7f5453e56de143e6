//! Names of people as news writes them: a full name, then the surname
//! alone ("Serena Williams" ... "Williams"), spelt with or without accents.

/// Whether two written names can denote the same person: one name's words
/// all appear (fuzzily) in the other's.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 1)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    // The shorter name ends in a surname of the longer ("Gutiérrez Flores",
    // "Williams"), never in its first name: "Stephen" is not "Stephen
    // Douglas".
    let close = |x: &String, y: &String| strsim::jaro_winkler(x, y) >= 0.92;
    let last = short.last().unwrap();
    let surnames = if long.len() == 1 {
        &long[..]
    } else {
        &long[1..]
    };
    if !surnames.iter().any(|w| close(last, w)) {
        return false;
    }
    short
        .iter()
        .all(|w| long.iter().any(|x| strsim::jaro_winkler(w, x) >= 0.92))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_meet_fuzzily() {
        assert!(same_person("Merwil Gutiérrez Flores", "Gutiérrez Flores"));
        assert!(same_person("Merwil Gutierrez Flores", "Merwil Gutiérrez"));
        assert!(!same_person("Leqaa Kordia", "Merwil Gutiérrez"));
        assert!(!same_person("Stephen", "Stephen Douglas"));
        assert!(same_person("Williams", "Serena Williams"));
    }
}
