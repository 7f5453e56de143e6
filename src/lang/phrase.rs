//! Small pieces of English prose the messages are built from: a list with
//! "and", a quotation in curly marks, the sources on each side.

/// Text in curly quotation marks, once: a quote whose own marks were kept
/// is not given a second pair ("““We appreciate…").
pub fn quoted(s: &str) -> String {
    let t = s.trim();
    let t = t.strip_prefix(['\u{201c}', '"']).unwrap_or(t);
    let t = t.strip_suffix(['\u{201d}', '"']).unwrap_or(t);
    format!("\u{201c}{t}\u{201d}")
}

/// How many independent sources stand on each side: "1 source against
/// 4", "3 sources, none against", "this source alone".
pub fn sides(support: usize, against: usize) -> String {
    let s = if support == 1 { "source" } else { "sources" };
    if against == 0 && support <= 1 {
        "this source alone".into()
    } else if against == 0 {
        format!("{support} {s}, none against")
    } else {
        format!("{support} {s} against {against}")
    }
}

/// "a", "a and b", "a, b and c".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_count_the_sources_for_and_against() {
        assert_eq!(sides(1, 4), "1 source against 4");
        assert_eq!(sides(2, 1), "2 sources against 1");
        assert_eq!(sides(1, 0), "this source alone");
        assert_eq!(sides(3, 0), "3 sources, none against");
    }

    #[test]
    fn a_list_ends_with_and() {
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a".to_string()]), "a");
        assert_eq!(
            list(&["a".to_string(), "b".to_string(), "c".to_string()]),
            "a, b and c"
        );
    }

    #[test]
    fn a_quote_gets_one_pair_of_marks() {
        assert_eq!(
            quoted("\u{201c}We appreciate\u{201d}"),
            "\u{201c}We appreciate\u{201d}"
        );
        assert_eq!(quoted("We appreciate"), "\u{201c}We appreciate\u{201d}");
        assert_eq!(quoted("\"We appreciate"), "\u{201c}We appreciate\u{201d}");
        // An apostrophe at the end is not a closing mark.
        assert_eq!(
            quoted("the officers\u{2019}"),
            "\u{201c}the officers\u{2019}\u{201d}"
        );
    }
}
