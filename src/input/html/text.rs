//! The article's text as blocks (headline, paragraph, list item), each put
//! on the line of the file where its text starts.

use super::dom::Visitor;
use super::furniture::is_furniture;
use html5ever::Attribute;

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "article",
    "main",
    "header",
    "address",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "hr",
    "body",
];

/// Collects blocks of visible text, each with the line its text starts on.
#[derive(Default)]
pub(super) struct Blocks {
    pub(super) done: Vec<(usize, String)>,
    line: usize,
    text: String,
}

impl Blocks {
    pub(super) fn flush(&mut self) {
        let t = self.text.trim_end();
        if !t.is_empty() {
            self.done.push((self.line, t.to_string()));
        }
        self.text.clear();
    }
}

impl Visitor for Blocks {
    fn enter(&mut self, name: &str, attrs: &[Attribute], _line: usize) -> bool {
        if is_furniture(name, attrs) {
            return false;
        }
        if name == "br" || BLOCK.contains(&name) {
            self.flush();
        }
        true
    }

    fn leave(&mut self, name: &str) {
        if BLOCK.contains(&name) {
            self.flush();
        }
    }

    fn text(&mut self, text: &str, line: usize) {
        // The parser reports a text run at the line where it ends; count
        // back over its line breaks to the line where its first word is.
        let Some(first) = text.find(|c: char| !c.is_whitespace()) else {
            if !self.text.is_empty() && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
            return;
        };
        if self.text.is_empty() {
            let after = text[first..].bytes().filter(|&b| b == b'\n').count();
            self.line = line.saturating_sub(after).max(1);
        } else if text.starts_with(char::is_whitespace) && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        let mut words = text.split_whitespace().peekable();
        while let Some(w) = words.next() {
            self.text.push_str(w);
            if words.peek().is_some() {
                self.text.push(' ');
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.text.push(' ');
        }
    }
}

/// Puts each block on its line; blocks that share a line are joined.
pub(super) fn layout(blocks: Vec<(usize, String)>) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (line, text) in blocks {
        if lines.len() < line {
            lines.resize(line, String::new());
        }
        let slot = &mut lines[line - 1];
        if !slot.is_empty() {
            slot.push(' ');
        }
        slot.push_str(&text);
    }
    lines.join("\n")
}
