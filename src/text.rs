//! Positions in text: line/column lookup and sentence boundaries.

use std::ops::Range;
use std::sync::LazyLock;

/// Maps byte offsets to 1-based line and character column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based (line, column); the column counts characters, not bytes.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let end = offset.min(text.len());
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// Abbreviations after which a full stop does not end a sentence
/// (`data/abbreviations.txt`). Read here, not through `lang::wordlist`: the
/// language layer builds on this module, not this one on it.
fn is_listed_abbreviation(word: &str) -> bool {
    static SET: LazyLock<foldhash::HashSet<&'static str>> = LazyLock::new(|| {
        include_str!("../data/abbreviations.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .flat_map(str::split_whitespace)
            .collect()
    });
    SET.contains(word)
}

/// Splits `text[range]` into sentence spans (byte ranges into `text`).
///
/// A line break always ends a sentence: news text keeps one paragraph, caption,
/// bullet or table row per line, and none of them continue across lines.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = range.start;
    let body = &text[range.clone()];
    for i in memchr::memchr_iter(b'\n', body.as_bytes()) {
        split_line(text, line_start, range.start + i, &mut out);
        line_start = range.start + i + 1;
    }
    split_line(text, line_start, range.end, &mut out);
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    // Only a point, a bang or a question mark can end a sentence.
    while let Some(at) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += at;
        let b = bytes[i];
        // Swallow closing quotes and brackets that belong to this sentence.
        let mut j = i + 1;
        loop {
            if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'' || bytes[j] == b')') {
                j += 1;
            } else if line[j..].starts_with('\u{201d}') || line[j..].starts_with('\u{2019}') {
                j += 3;
            } else {
                break;
            }
        }
        let next_is_space = j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\t';
        if next_is_space && !(b == b'.' && is_abbreviation(line, i)) && starts_sentence(line, j) {
            push_trimmed(text, start + sent_start, start + j, out);
            sent_start = j;
        }
        i = j;
    }
    push_trimmed(text, start + sent_start, end, out);
}

/// The character at byte `i` of `s` (a boundary) and its length, without
/// decoding when it is ASCII, as nearly every byte of an article is.
#[inline]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    }
}

fn is_abbreviation(line: &str, dot: usize) -> bool {
    let before = &line[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_ascii_lowercase();
    if word.is_empty() {
        return false;
    }
    // Single capital initials ("J. Smith") and dotted acronyms ("U.S.").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    // "No. 5" abbreviates "number"; a sentence ending in "no." does not.
    if word == "no" {
        return line[dot + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    }
    is_listed_abbreviation(&word)
}

/// A new sentence starts with a capital, digit, quote or bracket after space.
fn starts_sentence(line: &str, from: usize) -> bool {
    let rest = line[from..].trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '[' | '-' | '\u{2014}'
                )
        }
    }
}

/// Longest sentence kept whole. Every claim carries a copy of its sentence,
/// so a line with no full stops (a data dump, a minified page) would cost
/// its length times its claims; past this it is cut at a space.
pub const MAX_SENTENCE: usize = 4096;

fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut].rfind(' ').map_or(cut, |i| start + i + 1);
        push_whole(text, start, cut, out);
        start = cut;
    }
    push_whole(text, start, end, out);
}

fn push_whole(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(start + lead..end - trail);
    }
}

/// The byte ranges of the lines of `text`, without their line ends (`\n`
/// or `\r\n`).
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        out.push(start..start + body.len());
        start += l.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("On Nov. 21, 2024, the U.S. agency acted. Then it stopped."),
            vec![
                "On Nov. 21, 2024, the U.S. agency acted.",
                "Then it stopped."
            ]
        );
    }

    #[test]
    fn lines_end_sentences_and_quotes_stay_attached() {
        assert_eq!(
            split("He said \u{201c}no.\u{201d} She left\nA caption"),
            vec!["He said \u{201c}no.\u{201d}", "She left", "A caption"]
        );
    }

    #[test]
    fn lowercase_after_full_stop_continues() {
        assert_eq!(
            split("about 3 p.m. on Friday."),
            vec!["about 3 p.m. on Friday."]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces() {
        let t = "é 40 people ".repeat(2000);
        let parts = split(&t);
        assert!(parts.len() > 1);
        assert!(parts
            .iter()
            .all(|p| p.len() <= MAX_SENTENCE && p.ends_with("people")));
        assert_eq!(parts.concat().len() + parts.len() - 1, t.trim_end().len());
    }

    #[test]
    fn line_and_column_count_characters() {
        let t = "“ab”\ncd ef";
        let idx = LineIndex::new(t);
        assert_eq!(idx.position(t, 0), (1, 1));
        assert_eq!(idx.position(t, "“ab”".len()), (1, 5));
        assert_eq!(idx.position(t, t.find("ef").unwrap()), (2, 4));
    }
}
