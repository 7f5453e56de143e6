//! Which part of the page is the article: page furniture (navigation,
//! adverts, comments, related stories) is left out, and of the articles a
//! page holds, the one with the most text is taken.

use super::attr;
use super::dom::{Data, Dom, Visitor};
use html5ever::{local_name, ns, Attribute};

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

/// Whether an element is page furniture: by its name, its being hidden,
/// its role, or a word of its class or id.
pub(super) fn is_furniture(name: &str, attrs: &[Attribute]) -> bool {
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

/// Counts the visible text under a candidate root.
#[derive(Default)]
struct Candidates {
    seen: usize,
}

/// The `<article>` with the most visible text, else the `<main>` with the
/// most, else `<body>`: teasers and related-story cards are articles too.
pub(super) fn article_root(dom: &Dom) -> usize {
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

/// The page's `<body>`, the article when no element says it is one.
fn body(dom: &Dom) -> Option<usize> {
    let nodes = dom.nodes.borrow();
    let html = nodes[0].children.iter().copied().find(|&c| {
        matches!(&nodes[c].data, Data::Element { name, .. } if name.expanded() == html5ever::expanded_name!(html "html"))
    })?;
    nodes[html].children.iter().copied().find(|&c| {
        matches!(&nodes[c].data, Data::Element { name, .. } if name.local == local_name!("body") && name.ns == ns!(html))
    })
}
