//! Documents in: walking paths, decoding files, reading front matter.

mod frontmatter;
mod walk;

pub use frontmatter::split_front_matter;
pub use walk::{walk, Walked};

use crate::model::Document;
use std::fmt;
use std::path::Path;

/// A problem with one input, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for InputError {}

/// A note about an input that was read with a caveat or skipped on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputNote {
    pub path: String,
    pub message: String,
}

/// What loading one file gave.
pub enum Loaded {
    Document(Document, Vec<InputNote>),
    Skipped(InputNote),
    Failed(InputError),
}

/// Reads and decodes one file and splits off its front matter.
pub fn load(path: &Path, display: &str) -> Loaded {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Loaded::Failed(InputError {
                path: display.to_string(),
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            })
        }
    };
    load_bytes(bytes, display)
}

/// Decodes file contents already in memory (see [`load`]).
pub fn load_bytes(bytes: Vec<u8>, display: &str) -> Loaded {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Loaded::Skipped(InputNote {
            path: display.to_string(),
            message: "binary file (NUL byte found), skipped".to_string(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            return Loaded::Failed(InputError {
                path: display.to_string(),
                line: Some(line),
                column: None,
                message: format!("not valid UTF-8 (byte {at}), skipped"),
            });
        }
    };
    match split_front_matter(&text) {
        Ok((fm, body_start, warnings)) => {
            let notes = warnings
                .into_iter()
                .map(|message| InputNote {
                    path: display.to_string(),
                    message,
                })
                .collect();
            Loaded::Document(
                Document {
                    path: display.to_string(),
                    text,
                    body_start,
                    front_matter: fm,
                },
                notes,
            )
        }
        Err((line, column, message)) => Loaded::Failed(InputError {
            path: display.to_string(),
            line: Some(line),
            column,
            message,
        }),
    }
}
