//! What the page says about itself: title, outlet, publication date, URL.

use super::attr;
use super::dom::{Dom, Visitor};
use crate::model::FrontMatter;
use html5ever::Attribute;

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

pub(super) fn metadata(dom: &Dom, root: usize) -> FrontMatter {
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
