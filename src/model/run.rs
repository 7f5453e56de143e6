//! What reading some paths produced: the documents' extractions and what
//! was passed over or could not be read. Every stage after extraction and
//! every reporter reads it.

use super::Extraction;
use crate::suppress;
use std::fmt;

/// Everything a run over some paths produced, in input order.
#[derive(Debug, Default)]
pub struct Run {
    pub extractions: Vec<Extraction>,
    /// Files passed over on purpose (not an article, binary).
    pub skipped: Vec<InputNote>,
    /// Caveats about files that were read.
    pub notes: Vec<InputNote>,
    /// Files that could not be read; the rest of the run still stands.
    pub errors: Vec<InputError>,
    /// Inline suppressions by document path (only documents that have any).
    pub suppressions: std::collections::BTreeMap<String, suppress::Suppressions>,
}

/// A problem with one input, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl InputError {
    /// An error at `path`, and at a line and column of it where known.
    pub fn new(path: &str, line: Option<usize>, column: Option<usize>, message: String) -> Self {
        InputError {
            path: path.to_string(),
            line,
            column,
            message,
        }
    }
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
