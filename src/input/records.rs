//! Exports: `.jsonl` (one article per line) and `.json` (an array of
//! articles, or one), each record read as its own document.
//!
//! A record's document is displayed as `FILE#N`, N counting records from 1,
//! so a claim reads `exports.jsonl#17:3:12`: record 17, line 3 of its text.

use super::{InputError, InputNote};
use crate::model::{Document, FrontMatter};
use serde_json::{Map, Value};

/// The field names a record's parts are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub text: String,
    pub title: String,
    pub date: String,
    pub url: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: "text".into(),
            title: "title".into(),
            date: "published".into(),
            url: "url".into(),
        }
    }
}

impl Fields {
    /// Reads `text=body,date=pubDate`: any of text, title, date, url.
    pub fn parse(spec: &str) -> Result<Fields, String> {
        let mut f = Fields::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, field) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` is not KEY=FIELD (e.g. text=body)"))?;
            let field = field.trim().to_string();
            if field.is_empty() {
                return Err(format!("`{part}` names no field"));
            }
            match key.trim() {
                "text" => f.text = field,
                "title" => f.title = field,
                "date" | "published" => f.date = field,
                "url" => f.url = field,
                other => return Err(format!("`{other}` is not one of text, title, date, url")),
            }
        }
        Ok(f)
    }
}

/// The documents in an export, what was passed over, and what was broken.
#[derive(Debug, Default)]
pub struct Records {
    pub documents: Vec<Document>,
    pub notes: Vec<InputNote>,
    pub errors: Vec<InputError>,
}

/// Reads a JSON Lines export: a bad line is an error at its line, and the
/// lines after it are still read.
pub fn jsonl(text: &str, display: &str, fields: &Fields) -> Records {
    let mut out = Records::default();
    let mut n = 0;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        n += 1;
        match serde_json::from_str::<Value>(line) {
            Ok(v) => record(v, n, Some(i + 1), display, fields, &mut out),
            Err(e) => out.errors.push(InputError {
                path: display.to_string(),
                line: Some(i + 1),
                column: Some(e.column()),
                message: format!("record {n} is not valid JSON: {}", strip_position(&e)),
            }),
        }
    }
    out
}

/// Reads a JSON export: an array of records or a single record.
pub fn json(text: &str, display: &str, fields: &Fields) -> Records {
    let mut out = Records::default();
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            for (i, v) in items.into_iter().enumerate() {
                record(v, i + 1, None, display, fields, &mut out);
            }
        }
        Ok(v @ Value::Object(_)) => record(v, 1, None, display, fields, &mut out),
        Ok(_) => out.errors.push(InputError {
            path: display.to_string(),
            line: None,
            column: None,
            message: "expected an array of records or one record (a JSON object)".into(),
        }),
        Err(e) => out.errors.push(InputError {
            path: display.to_string(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: format!("not valid JSON: {}", strip_position(&e)),
        }),
    }
    out
}

/// serde_json puts "at line L column C" in its message; we say it up front.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn record(
    v: Value,
    n: usize,
    line: Option<usize>,
    display: &str,
    fields: &Fields,
    out: &mut Records,
) {
    let error = |message: String| InputError {
        path: display.to_string(),
        line,
        column: None,
        message,
    };
    let Value::Object(map) = v else {
        out.errors
            .push(error(format!("record {n} is not a JSON object")));
        return;
    };
    let text = match map.get(&fields.text) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => {
            out.notes.push(InputNote {
                path: format!("{display}#{n}"),
                message: format!("record has no `{}` field, skipped", fields.text),
            });
            return;
        }
        Some(_) => {
            out.errors.push(error(format!(
                "record {n}: `{}` must be a string",
                fields.text
            )));
            return;
        }
    };
    let mut front_matter = FrontMatter::default();
    for (name, slot) in [
        (&fields.title, &mut front_matter.title),
        (&fields.date, &mut front_matter.published),
        (&fields.url, &mut front_matter.url),
    ] {
        match plain(&map, name) {
            Ok(v) => *slot = v,
            Err(kind) => out.notes.push(InputNote {
                path: format!("{display}#{n}"),
                message: format!("`{name}` is {kind}, not a string; ignored"),
            }),
        }
    }
    out.documents.push(Document {
        path: format!("{display}#{n}"),
        text,
        body_start: 0,
        front_matter,
    });
}

/// A field as text: strings as they are, numbers written out.
fn plain(map: &Map<String, Value>, name: &str) -> Result<Option<String>, &'static str> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(_)) => Err("a boolean"),
        Some(Value::Array(_)) => Err("an array"),
        Some(Value::Object(_)) => Err("an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_are_numbered_and_a_bad_line_spares_the_rest() {
        let t = "{\"text\":\"One.\\nTwo 5 people.\",\"title\":\"A\",\"published\":\"2024-01-02\"}\n\n{oops\n{\"text\":\"Three.\",\"url\":\"u\"}\n";
        let r = jsonl(t, "x.jsonl", &Fields::default());
        let paths: Vec<_> = r.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["x.jsonl#1", "x.jsonl#3"]);
        assert_eq!(r.documents[0].text, "One.\nTwo 5 people.");
        assert_eq!(
            r.documents[0].front_matter.published.as_deref(),
            Some("2024-01-02")
        );
        assert_eq!(r.documents[1].front_matter.url.as_deref(), Some("u"));
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].line, Some(3));
        assert!(
            r.errors[0]
                .message
                .starts_with("record 2 is not valid JSON"),
            "{:?}",
            r.errors
        );
    }

    #[test]
    fn json_array_with_custom_fields() {
        let f = Fields::parse("text=body, date=pubDate").unwrap();
        let t = r#"[{"body":"Hello.","pubDate":"2020-05-01"},{"body":7},{"headline":"none"}]"#;
        let r = json(t, "e.json", &f);
        assert_eq!(r.documents.len(), 1);
        assert_eq!(r.documents[0].path, "e.json#1");
        assert_eq!(
            r.documents[0].front_matter.published.as_deref(),
            Some("2020-05-01")
        );
        assert!(r.errors[0]
            .message
            .contains("record 2: `body` must be a string"));
        assert_eq!(r.notes[0].path, "e.json#3");
    }

    #[test]
    fn malformed_json_is_located() {
        let r = json(
            "[\n{\"text\": \"a\"},\n{\"text\": }\n]",
            "e.json",
            &Fields::default(),
        );
        assert!(r.documents.is_empty());
        assert_eq!((r.errors[0].line, r.errors[0].column), (Some(3), Some(10)));
        assert!(!r.errors[0].message.contains("at line"));
    }

    #[test]
    fn field_spec_errors_say_what_is_wrong() {
        assert!(Fields::parse("body").unwrap_err().contains("KEY=FIELD"));
        assert!(Fields::parse("author=x")
            .unwrap_err()
            .contains("not one of"));
        assert_eq!(Fields::parse("").unwrap(), Fields::default());
    }
}
