//! Inline suppressions in drafts: HTML comments that tell crosscheck a line's
//! findings are known and accepted.
//!
//! ```text
//! <!-- crosscheck-ignore-next-line: the wire copy is quoted as printed -->
//! <!-- crosscheck-ignore-start: archive table, dates as in the original -->
//! ...
//! <!-- crosscheck-ignore-end -->
//! ```
//!
//! HTML comments are invisible when Markdown is rendered, so an editor can
//! leave them in a draft. A suppressed finding is still reported (marked
//! suppressed, with its reason); it only stops counting towards the exit code.

use std::collections::BTreeMap;

const NEXT_LINE: &str = "crosscheck-ignore-next-line";
const START: &str = "crosscheck-ignore-start";
const END: &str = "crosscheck-ignore-end";

/// The suppressed lines of one document (1-based) and the reason given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    lines: BTreeMap<usize, String>,
    /// Lines of comments that could not be read, with what is wrong.
    pub problems: Vec<(usize, String)>,
    /// Lines that hold a directive: their text is an instruction to
    /// crosscheck, not the article's, so claims there are not claims.
    pub directives: Vec<usize>,
}

impl Suppressions {
    /// The reason a finding on `line` is suppressed, if it is.
    pub fn reason(&self, line: usize) -> Option<&str> {
        self.lines.get(&line).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.problems.is_empty()
    }
}

/// The directive in an HTML comment on this line, and its reason.
fn directive(line: &str) -> Option<(&'static str, String)> {
    let open = line.find("<!--")?;
    let rest = &line[open + 4..];
    let close = rest.find("-->")?;
    let body = rest[..close].trim();
    for d in [NEXT_LINE, START, END] {
        if let Some(after) = body.strip_prefix(d) {
            let after = after.trim_start();
            // `crosscheck-ignore-next-lines` is not ours: the name must end.
            if !(after.is_empty() || after.starts_with(':')) {
                continue;
            }
            let reason = after.trim_start_matches(':').trim().to_string();
            return Some((d, reason));
        }
    }
    None
}

fn reason_or_default(r: String) -> String {
    if r.is_empty() {
        "no reason given".to_string()
    } else {
        r
    }
}

/// Reads the suppression comments of a document's text.
pub fn scan(text: &str) -> Suppressions {
    let mut s = Suppressions::default();
    // Nearly every article has no comment at all: one pass finds that.
    if memchr::memmem::find(text.as_bytes(), b"<!--").is_none() {
        return s;
    }
    let mut open: Option<(usize, String)> = None;
    let n_lines = text.lines().count();
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        let d = directive(line);
        if d.is_some() {
            s.directives.push(no);
        }
        match d {
            Some((NEXT_LINE, reason)) => {
                s.lines.insert(no + 1, reason_or_default(reason));
            }
            Some((START, reason)) => {
                if let Some((at, _)) = &open {
                    s.problems
                        .push((no, format!("{START} inside the block opened on line {at}")));
                } else {
                    open = Some((no, reason_or_default(reason)));
                }
            }
            Some((_, _)) => match open.take() {
                Some((from, reason)) => {
                    for l in from..=no {
                        s.lines.insert(l, reason.clone());
                    }
                }
                None => s
                    .problems
                    .push((no, format!("{END} without a {START} before it"))),
            },
            None => {}
        }
    }
    if let Some((from, reason)) = open {
        // An unclosed block still suppresses to the end, as written, but the
        // writer is told: a forgotten end would otherwise hide the whole rest.
        s.problems.push((
            from,
            format!("{START} is never closed; it runs to the end of the file"),
        ));
        for l in from..=n_lines {
            s.lines.insert(l, reason.clone());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_suppresses_only_the_line_after_the_comment() {
        let s = scan("a\n<!-- crosscheck-ignore-next-line: known typo -->\nb\nc\n");
        assert_eq!(s.reason(3), Some("known typo"));
        assert_eq!(s.reason(2), None);
        assert_eq!(s.reason(4), None);
        assert_eq!(s.directives, vec![2]);
    }

    #[test]
    fn a_block_suppresses_every_line_between_its_comments() {
        let s = scan(
            "x\n<!-- crosscheck-ignore-start: archive -->\n| a |\n| b |\n<!-- crosscheck-ignore-end -->\ny\n",
        );
        assert_eq!(s.reason(3), Some("archive"));
        assert_eq!(s.reason(4), Some("archive"));
        assert_eq!(s.reason(1), None);
        assert_eq!(s.reason(6), None);
        assert!(s.problems.is_empty());
    }

    #[test]
    fn a_missing_reason_is_said_so() {
        let s = scan("<!-- crosscheck-ignore-next-line -->\nb\n");
        assert_eq!(s.reason(2), Some("no reason given"));
    }

    #[test]
    fn similar_names_and_plain_text_are_not_directives() {
        let s = scan("crosscheck-ignore-next-line: not in a comment\nb\n<!-- crosscheck-ignore-next-lines -->\nc\n");
        assert!(s.is_empty());
    }

    #[test]
    fn unbalanced_blocks_are_problems_not_silence() {
        let s = scan("<!-- crosscheck-ignore-end -->\n<!-- crosscheck-ignore-start: x -->\na\n");
        assert_eq!(s.problems.len(), 2);
        assert_eq!(s.problems[0].0, 1);
        assert_eq!(s.reason(3), Some("x"));
    }
}
