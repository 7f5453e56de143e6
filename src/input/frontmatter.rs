//! Optional YAML front matter (`---` ... `---`) at the top of an article.

use crate::model::FrontMatter;

/// Front matter, where the body starts, and warnings.
pub type Split = (FrontMatter, usize, Vec<String>);

const KNOWN: &[&str] = &["title", "outlet", "published", "url"];

/// Splits front matter from the body.
///
/// Returns the front matter, the byte offset where the body starts, and
/// warnings (unknown keys are kept out of the way, not fatal: articles carry
/// all sorts of metadata). A front matter block that is not valid YAML is an
/// error: (line, column, message).
pub fn split_front_matter(text: &str) -> Result<Split, (usize, Option<usize>, String)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Ok((FrontMatter::default(), bom, Vec::new()));
    }
    // Find the closing fence on a line of its own.
    let mut pos = first_line_end;
    let mut close = None;
    while pos < rest.len() {
        let end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i + 1);
        let line = rest[pos..end].trim_end();
        if line == "---" || line == "..." {
            close = Some((pos, end));
            break;
        }
        pos = end;
    }
    let Some((yaml_end, body_start)) = close else {
        // A lone `---` line is a Markdown rule, not front matter.
        return Ok((FrontMatter::default(), bom, Vec::new()));
    };
    let yaml = &rest[first_line_end..yaml_end];
    let value: yaml_serde::Value = yaml_serde::from_str(yaml).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((2, None), |l| (l.line() + 1, Some(l.column())));
        (line, col, format!("front matter is not valid YAML: {e}"))
    })?;
    let mut fm = FrontMatter::default();
    let mut warnings = Vec::new();
    match value {
        yaml_serde::Value::Null => {}
        yaml_serde::Value::Mapping(map) => {
            for (k, v) in map {
                let key = match k.as_str() {
                    Some(k) => k.to_string(),
                    None => {
                        warnings.push("front matter key that is not a string, ignored".into());
                        continue;
                    }
                };
                let text = match &v {
                    yaml_serde::Value::String(s) => Some(s.clone()),
                    yaml_serde::Value::Number(n) => Some(n.to_string()),
                    yaml_serde::Value::Null => None,
                    _ => {
                        let line = line_of_key(yaml, &key);
                        return Err((
                            line,
                            None,
                            format!("front matter `{key}` must be a plain value"),
                        ));
                    }
                };
                match key.as_str() {
                    "title" => fm.title = text,
                    "outlet" => fm.outlet = text,
                    "published" => fm.published = text,
                    "url" => fm.url = text,
                    _ => warnings.push(format!(
                        "line {}: front matter key `{key}` is not one of {}, ignored",
                        line_of_key(yaml, &key),
                        KNOWN.join(", ")
                    )),
                }
            }
        }
        _ => {
            return Err((
                2,
                None,
                "front matter must be a mapping of keys to values".into(),
            ))
        }
    }
    Ok((fm, bom + body_start, warnings))
}

/// The file line (1-based, counting the opening fence) where `key:` is set.
fn line_of_key(yaml: &str, key: &str) -> usize {
    yaml.lines()
        .position(|l| l.trim_start().starts_with(&format!("{key}:")))
        .map_or(2, |i| i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_body_offset() {
        let t = "---\ntitle: A\npublished: 2025-12-03\n---\nBody here.";
        let (fm, start, w) = split_front_matter(t).unwrap();
        assert_eq!(fm.title.as_deref(), Some("A"));
        assert_eq!(fm.published.as_deref(), Some("2025-12-03"));
        assert_eq!(&t[start..], "Body here.");
        assert!(w.is_empty());
    }

    #[test]
    fn no_front_matter() {
        let (fm, start, _) = split_front_matter("Just text.\n---\nmore").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(start, 0);
    }

    #[test]
    fn bad_yaml_is_located() {
        let err = split_front_matter("---\ntitle: [unclosed\n---\nBody").unwrap_err();
        assert!(err.0 >= 2, "{err:?}");
        assert!(err.2.contains("not valid YAML"));
    }

    #[test]
    fn unknown_keys_warn() {
        let (_, _, w) = split_front_matter("---\nauthor: X\n---\nB").unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("line 2"), "{w:?}");
    }
}
