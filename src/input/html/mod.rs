//! Saved web pages: the article's text, laid out on the file's own lines.
//!
//! html5ever parses the page as a browser would (implied tags, misnesting,
//! entities). Our tree sink records the source line of every element and
//! text run, so each block of article text (headline, paragraph, list item)
//! can be placed on the line of the file where its text starts. Claims found
//! in the extracted text then carry the HTML file's line numbers with no
//! further mapping; blocks that share a source line share a text line.

mod dom;
mod furniture;
mod meta;
mod text;

use crate::model::FrontMatter;
use dom::Dom;
use furniture::article_root;
use html5ever::tendril::TendrilSink;
use html5ever::Attribute;
use meta::metadata;
use text::{layout, Blocks};

/// An HTML page reduced to its article.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Article text; line N holds the text that starts on line N of the file.
    pub text: String,
    /// Title, outlet, publication date and URL from the page's metadata.
    pub meta: FrontMatter,
}

/// How deep elements may nest. The HTML tree builder checks the stack of
/// open elements for every tag, so a page nested n deep costs n² steps;
/// real pages nest a few dozen deep.
pub const MAX_DEPTH: usize = 1000;

/// Extracts the article from an HTML page, or says why not.
pub fn extract_checked(html: &str) -> Result<Page, String> {
    let depth = depth_estimate(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML nested about {depth} elements deep (more than {MAX_DEPTH}), skipped"
        ));
    }
    Ok(extract(html))
}

/// An upper estimate of element nesting from the tags alone: start tags
/// that need an end tag open a level, end tags close one.
pub fn depth_estimate(html: &str) -> usize {
    const NO_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "tbody", "thead", "tfoot", "rb", "rt", "rp", "colgroup",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    // Only inside SVG and MathML does `<x/>` close itself.
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        match b.get(i) {
            Some(b'/') => {
                depth = depth.saturating_sub(1);
                let name = b[i + 1..].get(..4).unwrap_or_default();
                if name.eq_ignore_ascii_case(b"svg>") || name.eq_ignore_ascii_case(b"math") {
                    foreign = foreign.saturating_sub(1);
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let end = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |e| i + e);
                let name = html[i..end].to_ascii_lowercase();
                let close = b[end..].iter().position(|&c| c == b'>').map(|e| end + e);
                let self_closing = close.is_some_and(|c| c > 0 && b[c - 1] == b'/');
                if name == "svg" || name == "math" {
                    foreign += 1;
                }
                let closes_itself = self_closing && foreign > 0;
                if !closes_itself && !NO_NESTING.contains(&name.as_str()) {
                    depth += 1;
                    max = max.max(depth);
                }
                i = end;
            }
            _ => {}
        }
    }
    max
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str) -> Page {
    let dom = html5ever::parse_document(Dom::default(), Default::default()).one(html);
    let root = article_root(&dom);
    let mut blocks = Blocks::default();
    dom.walk(root, &mut blocks);
    blocks.flush();
    Page {
        text: layout(blocks.done),
        meta: metadata(&dom, root),
    }
}

/// The value of the attribute `name`, if the element has it.
fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

#[cfg(test)]
mod tests;
