//! Fitting text into the columns of a terminal table.
//!
//! comfy-table wraps a cell by cutting whatever does not fit, so a path
//! came out as `corpus/000_6 / 1d351f3bc50a / a63.txt:10:1 / 31`, which
//! reads as column 13. Cells are wrapped here instead, at spaces only, and
//! a word wider than its column is shortened with an ellipsis on one line:
//! a path from the left (its file name is what tells it apart), anything
//! else from the right. A location `file:line:col` keeps its position whole.

use std::path::Path;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const ELLIPSIS: char = '\u{2026}';

/// Columns `s` takes in a terminal.
pub(crate) fn width(s: &str) -> usize {
    // Most cells are printable ASCII, a column each: tables measure every
    // cell more than once.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// `s` in at most `max` columns, its end kept: "…5f1160c56ba09.txt".
pub(crate) fn keep_end(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for ch in s.chars().rev() {
        let w = ch.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        kept.push(ch);
    }
    kept.push(ELLIPSIS);
    kept.into_iter().rev().collect()
}

/// `s` in at most `max` columns, its start kept: "Biannual mandatory re…".
pub(crate) fn keep_start(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 1;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        out.push(ch);
    }
    out.push(ELLIPSIS);
    out
}

/// A word shortened to `max` columns: a path keeps its end.
fn fit_word(word: &str, max: usize) -> String {
    if word.contains('/') || word.contains('\\') {
        keep_end(word, max)
    } else {
        keep_start(word, max)
    }
}

/// `path:line:col` (or `path:line`) in at most `max` columns: the path
/// shortened from the left, the position never cut.
pub(crate) fn location(path: &str, line: usize, column: Option<usize>, max: usize) -> String {
    let pos = match column {
        Some(c) => format!(":{line}:{c}"),
        None => format!(":{line}"),
    };
    let room = max.saturating_sub(width(&pos)).max(2);
    format!("{}{pos}", keep_end(path, room))
}

/// `text` wrapped into lines of at most `max` columns, breaking only at
/// spaces (and at the line breaks it has); a word wider than a line is
/// shortened, never broken over two.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        // ASCII spaces only: a no-break space holds a mark of changed words
        // together (see report::quotes).
        for word in para.split([' ', '\t']).filter(|w| !w.is_empty()) {
            let word = fit_word(word, max);
            if line.is_empty() {
                line = word;
            } else if width(&line) + 1 + width(&word) <= max {
                line.push(' ');
                line.push_str(&word);
            } else {
                lines.push(std::mem::replace(&mut line, word));
            }
        }
        lines.push(line);
    }
    lines
}

/// `path` relative to `base` when it lies inside it (an absolute path
/// under the working folder is shown as the user would type it).
pub(crate) fn relative(path: &str, base: Option<&Path>) -> String {
    let Some(base) = base else {
        return path.to_string();
    };
    match Path::new(path).strip_prefix(base) {
        Ok(rest) if Path::new(path).is_absolute() && !rest.as_os_str().is_empty() => {
            rest.to_string_lossy().into_owned()
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_keeps_its_file_name_and_a_location_its_position() {
        let p = "corpus/000_61d351f3bc50aa63.txt";
        assert_eq!(keep_end(p, 100), p);
        assert_eq!(keep_end(p, 12), "…c50aa63.txt");
        assert_eq!(width(&keep_end(p, 12)), 12);
        let loc = location(p, 10, Some(131), 20);
        assert_eq!(loc, "…bc50aa63.txt:10:131");
        assert_eq!(width(&loc), 20);
        assert_eq!(location(p, 10, Some(131), 80), format!("{p}:10:131"));
        // Too narrow for anything but the position: still whole.
        assert!(location(p, 10, Some(131), 5).ends_with(":10:131"));
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_never_inside_a_word() {
        let text = "8 lines with claims the other sources contradict (lines 2, 12-16, 30, 50)";
        for max in [10, 17, 24, 40] {
            let lines = wrap(text, max);
            assert!(lines.iter().all(|l| width(l) <= max), "{max}: {lines:?}");
            // Every word comes out whole, in order.
            assert_eq!(lines.join(" "), text, "{max}");
        }
    }

    #[test]
    fn a_word_wider_than_the_column_is_shortened_on_one_line() {
        let lines = wrap(
            "see corpus/001_911dbd1082961a10.txt and supercalifragilistic",
            14,
        );
        assert_eq!(lines, ["see", "…082961a10.txt", "and", "supercalifrag…"]);
        assert!(lines.iter().all(|l| width(l) <= 14));
    }

    #[test]
    fn line_breaks_in_the_text_are_kept() {
        assert_eq!(wrap("a b\nc", 10), ["a b", "c"]);
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("日本"), 4);
        assert_eq!(keep_start("日本語の記事", 5), "日本…");
    }

    #[test]
    fn paths_under_the_working_folder_are_shown_relative() {
        let base = Path::new("/home/ed/news");
        assert_eq!(
            relative("/home/ed/news/corpus/a.txt", Some(base)),
            "corpus/a.txt"
        );
        assert_eq!(relative("/tmp/a.txt", Some(base)), "/tmp/a.txt");
        assert_eq!(relative("corpus/a.txt", Some(base)), "corpus/a.txt");
        assert_eq!(
            relative("/home/ed/newsroom/a.txt", Some(base)),
            "/home/ed/newsroom/a.txt"
        );
    }
}
