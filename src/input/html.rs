//! Saved web pages: the article's text, laid out on the file's own lines.
//!
//! html5ever parses the page as a browser would (implied tags, misnesting,
//! entities). Our tree sink records the source line of every element and
//! text run, so each block of article text (headline, paragraph, list item)
//! can be placed on the line of the file where its text starts. Claims found
//! in the extracted text then carry the HTML file's line numbers with no
//! further mapping; blocks that share a source line share a text line.

use crate::model::FrontMatter;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

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

// ---------------------------------------------------------------------------
// The tree: an arena, so that neither building nor dropping it recurses, and
// a page nested a million deep costs memory, not the stack.

#[derive(Debug)]
enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(String),
    /// Comments, doctypes, processing instructions, template contents.
    Other,
}

#[derive(Debug)]
struct Node {
    data: Data,
    line: usize,
    parent: Option<usize>,
    children: Vec<usize>,
}

#[derive(Debug)]
struct Dom {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u64>,
}

impl Default for Dom {
    fn default() -> Self {
        Dom {
            nodes: RefCell::new(vec![Node {
                data: Data::Document,
                line: 1,
                parent: None,
                children: Vec::new(),
            }]),
            line: Cell::new(1),
        }
    }
}

impl Dom {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            data,
            line: self.line.get() as usize,
            parent: None,
            children: Vec::new(),
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        if let Some(p) = nodes[child].parent.take() {
            nodes[p].children.retain(|&c| c != child);
        }
    }

    fn node_or_text(&self, child: NodeOrText<usize>) -> usize {
        match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(t) => self.push(Data::Text(t.to_string())),
        }
    }

    /// Visits `root`'s subtree in document order without recursion.
    fn walk(&self, root: usize, v: &mut impl Visitor) {
        enum Step {
            Enter(usize),
            Leave(usize),
        }
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            let nodes = self.nodes.borrow();
            match step {
                Step::Enter(id) => {
                    let n = &nodes[id];
                    let descend = match &n.data {
                        Data::Element { name, attrs } => v.enter(&name.local, attrs, n.line),
                        Data::Text(t) => {
                            v.text(t, n.line);
                            false
                        }
                        Data::Document => true,
                        Data::Other => false,
                    };
                    if descend {
                        stack.push(Step::Leave(id));
                        stack.extend(n.children.iter().rev().map(|&c| Step::Enter(c)));
                    }
                }
                Step::Leave(id) => {
                    if let Data::Element { name, .. } = &nodes[id].data {
                        v.leave(&name.local);
                    }
                }
            }
        }
    }
}

impl TreeSink for Dom {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    // A saved page is rarely valid HTML; the parser recovers as browsers do.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element { name, .. } => name,
            // html5ever asks only for the names of elements it created.
            _ => unreachable!("elem_name of a node that is not an element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        self.push(Data::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let child = self.node_or_text(child);
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        nodes[child].parent = Some(*parent);
        nodes[*parent].children.push(child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        // Template contents are never article text; an empty node will do.
        let _ = target;
        self.push(Data::Other)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let child = self.node_or_text(new_node);
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let Some(parent) = nodes[*sibling].parent else {
            return;
        };
        let at = nodes[parent]
            .children
            .iter()
            .position(|c| c == sibling)
            .unwrap_or(nodes[parent].children.len());
        nodes[parent].children.insert(at, child);
        nodes[child].parent = Some(parent);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: have, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if !have.iter().any(|h| h.name == a.name) {
                    have.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let moved = std::mem::take(&mut nodes[*node].children);
        for &c in &moved {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(moved);
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

// ---------------------------------------------------------------------------
// Finding the article.

trait Visitor {
    /// Called on entering an element; returns whether to visit its children.
    fn enter(&mut self, name: &str, attrs: &[Attribute], line: usize) -> bool;
    fn leave(&mut self, name: &str);
    fn text(&mut self, text: &str, line: usize);
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg",
    "math", "button", "select", "textarea", "input", "object", "embed", "canvas", "video", "audio",
    "head", "dialog",
];

/// Words in a class or id that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "adsbygoogle",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "comment",
    "comments",
    "disqus",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "cookies",
    "consent",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "navbar",
    "nav",
    "footer",
    "popup",
    "modal",
    "outbrain",
    "taboola",
];

/// Roles that are page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "search",
    "dialog",
    "alert",
    "menu",
    "menubar",
];

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

fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn is_furniture(name: &str, attrs: &[Attribute]) -> bool {
    if SKIP.contains(&name) {
        return true;
    }
    if attr(attrs, "hidden").is_some() || attr(attrs, "aria-hidden") == Some("true") {
        return true;
    }
    if attr(attrs, "role")
        .is_some_and(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    ["class", "id"].iter().any(|k| {
        attr(attrs, k).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
        })
    })
}

/// Collects blocks of visible text, each with the line its text starts on.
#[derive(Default)]
struct Blocks {
    done: Vec<(usize, String)>,
    line: usize,
    text: String,
}

impl Blocks {
    fn flush(&mut self) {
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
fn layout(blocks: Vec<(usize, String)>) -> String {
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

/// Counts the visible text under a candidate root.
#[derive(Default)]
struct Candidates {
    seen: usize,
}

/// The `<article>` with the most visible text, else the `<main>` with the
/// most, else `<body>`: teasers and related-story cards are articles too.
fn article_root(dom: &Dom) -> usize {
    let nodes = dom.nodes.borrow();
    let mut best: Option<(bool, usize, usize)> = None;
    let mut stack = vec![0usize];
    let mut candidates = Vec::new();
    while let Some(id) = stack.pop() {
        if let Data::Element { name, attrs } = &nodes[id].data {
            if is_furniture(&name.local, attrs) {
                continue;
            }
            let n = &*name.local;
            if n == "article" || n == "main" || attr(attrs, "role") == Some("main") {
                candidates.push((id, n == "article"));
            }
        }
        stack.extend(nodes[id].children.iter().rev());
    }
    drop(nodes);
    for (id, is_article) in candidates {
        let mut count = Candidates::default();
        dom.walk(id, &mut count);
        let len = count.seen;
        let key = (is_article, len, usize::MAX - id);
        if best.is_none_or(|b| key > b) && len > 0 {
            best = Some(key);
        }
    }
    match best {
        Some((_, _, inv)) => usize::MAX - inv,
        None => body(dom).unwrap_or(0),
    }
}

impl Visitor for Candidates {
    fn enter(&mut self, name: &str, attrs: &[Attribute], _: usize) -> bool {
        !is_furniture(name, attrs)
    }
    fn leave(&mut self, _: &str) {}
    fn text(&mut self, text: &str, _: usize) {
        self.seen += text.trim().len();
    }
}

fn body(dom: &Dom) -> Option<usize> {
    let nodes = dom.nodes.borrow();
    let html = nodes[0].children.iter().copied().find(|&c| {
        matches!(&nodes[c].data, Data::Element { name, .. } if name.expanded() == html5ever::expanded_name!(html "html"))
    })?;
    nodes[html].children.iter().copied().find(|&c| {
        matches!(&nodes[c].data, Data::Element { name, .. } if name.local == local_name!("body") && name.ns == ns!(html))
    })
}

// ---------------------------------------------------------------------------
// Metadata.

/// Reads what the page says about itself.
#[derive(Default)]
struct Meta {
    title_tag: String,
    in_title: bool,
    og_title: Option<String>,
    h1: Option<String>,
    in_h1: bool,
    h1_text: String,
    published: Option<String>,
    item_published: Option<String>,
    time: Option<String>,
    site: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

impl Visitor for Meta {
    fn enter(&mut self, name: &str, attrs: &[Attribute], _: usize) -> bool {
        let content = || attr(attrs, "content").map(|s| s.trim().to_string());
        match name {
            "title" => self.in_title = true,
            "h1" if self.h1.is_none() => self.in_h1 = true,
            "meta" => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                match key.as_str() {
                    "og:title" => self.og_title = self.og_title.take().or_else(content),
                    "article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "parsely-pub-date" => self.published = self.published.take().or_else(content),
                    "og:site_name" => self.site = self.site.take().or_else(content),
                    "og:url" => self.og_url = self.og_url.take().or_else(content),
                    _ => {}
                }
            }
            "link" if attr(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                self.canonical = self
                    .canonical
                    .take()
                    .or_else(|| attr(attrs, "href").map(str::to_string))
            }
            "time" => {
                if let Some(dt) = attr(attrs, "datetime") {
                    let dt = dt.trim().to_string();
                    let marked = attr(attrs, "pubdate").is_some()
                        || attr(attrs, "itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    if marked {
                        self.item_published = self.item_published.take().or(Some(dt));
                    } else {
                        self.time = self.time.take().or(Some(dt));
                    }
                }
            }
            _ => {}
        }
        // Scripts and styles hold no metadata we read; skipping them keeps
        // their text out of the title.
        !matches!(name, "script" | "style" | "template")
    }

    fn leave(&mut self, name: &str) {
        match name {
            "title" => self.in_title = false,
            "h1" if self.in_h1 => {
                self.in_h1 = false;
                let t = self
                    .h1_text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if !t.is_empty() {
                    self.h1 = Some(t);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, _: usize) {
        if self.in_title {
            self.title_tag.push_str(text);
        }
        if self.in_h1 {
            self.h1_text.push_str(text);
            self.h1_text.push(' ');
        }
    }
}

fn metadata(dom: &Dom, root: usize) -> FrontMatter {
    let mut m = Meta::default();
    dom.walk(0, &mut m);
    // A `<time>` in the article itself beats one in a sidebar.
    let mut in_article = Meta::default();
    dom.walk(root, &mut in_article);
    let title_tag = m.title_tag.split_whitespace().collect::<Vec<_>>().join(" ");
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    FrontMatter {
        title: nonempty(m.og_title)
            .or(in_article.h1)
            .or_else(|| nonempty(Some(title_tag)))
            .or(m.h1),
        outlet: nonempty(m.site),
        published: nonempty(m.published)
            .or(in_article.item_published)
            .or(m.item_published)
            .or(in_article.time)
            .or(m.time),
        url: nonempty(m.canonical).or(nonempty(m.og_url)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(text: &str, needle: &str) -> usize {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
        1 + text[..at].matches('\n').count()
    }

    #[test]
    fn paragraphs_sit_on_their_file_lines() {
        let html = "<!doctype html>\n<html><head><title>T</title></head>\n<body>\n<h1>Council votes</h1>\n<p>The vote\n  was 5 to 4 on March 3.</p>\n\n<p>\n  Turnout was 40 percent.\n</p>\n</body></html>\n";
        let page = extract(html);
        assert_eq!(line_of(&page.text, "Council votes"), 4);
        assert_eq!(line_of(&page.text, "The vote was 5 to 4 on March 3."), 5);
        assert_eq!(line_of(&page.text, "Turnout was 40 percent."), 9);
    }

    #[test]
    fn furniture_is_left_out() {
        let html = r#"<body><nav>Home | 24 hours</nav>
<div class="ad-slot">Buy 3 now</div>
<script>var x = "12 people";</script>
<article><p>Twelve people were hurt.</p></article>
<div id="comments"><p>I saw 40 people!</p></div>
<aside>Most read</aside><footer>2025</footer></body>"#;
        let page = extract(html);
        assert_eq!(page.text.trim(), "Twelve people were hurt.");
    }

    #[test]
    fn the_article_with_most_text_wins_and_metadata_is_read() {
        let html = r#"<html><head>
<meta property="og:title" content="Bridge closes">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:site_name" content="Dunmore Daily">
<link rel="canonical" href="https://example.org/bridge">
</head><body>
<article class="teaser"><p>Other story.</p></article>
<article><h1>Bridge closes</h1><time datetime="2024-03-04">Mar 4</time>
<p>The bridge closed on Monday after 3 cracks were found.</p></article>
</body></html>"#;
        let page = extract(html);
        assert!(!page.text.contains("Other story"));
        assert_eq!(line_of(&page.text, "The bridge closed"), 9);
        assert_eq!(page.meta.title.as_deref(), Some("Bridge closes"));
        assert_eq!(page.meta.published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(page.meta.outlet.as_deref(), Some("Dunmore Daily"));
        assert_eq!(page.meta.url.as_deref(), Some("https://example.org/bridge"));
    }

    #[test]
    fn time_element_is_the_date_when_no_meta_says_so() {
        let page = extract("<article><h1>H</h1><p>By A, <time datetime=\"2023-11-02\">2 Nov</time></p><p>Text.</p></article>");
        assert_eq!(page.meta.published.as_deref(), Some("2023-11-02"));
        assert_eq!(page.meta.title.as_deref(), Some("H"));
    }

    #[test]
    fn entities_and_inline_markup_read_as_text() {
        let page =
            extract("<p>Caf&eacute; owners &amp; <b>staff</b>, <a href=x>about 30</a>, met.</p>");
        assert_eq!(page.text, "Caf\u{e9} owners & staff, about 30, met.");
    }

    #[test]
    fn blocks_on_one_line_share_it() {
        let page = extract("<h1>Headline</h1><p>First.</p><p>Second.</p>");
        assert_eq!(page.text, "Headline First. Second.");
    }

    #[test]
    fn nesting_is_bounded_and_the_tree_never_recurses() {
        let html = format!("{}<p>Deep 5 people.</p>", "<div>".repeat(MAX_DEPTH));
        assert!(extract_checked(&html)
            .unwrap()
            .text
            .contains("Deep 5 people."));
        let deeper = format!("{}<p>x</p>", "<div><span>".repeat(MAX_DEPTH));
        assert!(extract_checked(&deeper)
            .unwrap_err()
            .contains("nested about 2000"));
    }

    #[test]
    fn unclosed_paragraphs_and_void_tags_are_not_nesting() {
        let html = "<p>a<br><img src=x><p>b<li>c".repeat(5000);
        assert_eq!(depth_estimate(&html), 0);
        let svg = format!("<svg>{}</svg>", "<path d=x/>".repeat(5000));
        assert_eq!(depth_estimate(&svg), 1);
        assert!(depth_estimate(&"<div/>".repeat(5000)) > MAX_DEPTH);
    }
}
