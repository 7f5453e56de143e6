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
