//! Documents in: walking paths, decoding files, reading front matter.

pub mod decode;
mod frontmatter;
pub mod html;
pub mod records;
mod walk;

pub use frontmatter::split_front_matter;
pub use records::{Fields, Records};
pub use walk::{walk, Walked};

pub use crate::model::{InputError, InputNote};

use crate::model::Document;
use std::path::Path;

/// How files are read: limits, export field names, what to leave unread.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files larger than this many bytes are skipped and named.
    pub max_filesize: u64,
    /// Where a JSON or JSON Lines record keeps its text, title, date and URL.
    pub fields: Fields,
    /// Files left out before they are read (the config's `ignore`).
    pub ignore: Ignore,
}

/// Paths left out of a run: globs matched against a path as walked or
/// given, and against its file name alone (`*.draft.md` in any folder).
#[derive(Debug, Clone)]
pub struct Ignore(globset::GlobSet);

impl Default for Ignore {
    fn default() -> Self {
        Ignore(globset::GlobSet::empty())
    }
}

impl Ignore {
    pub fn new(set: globset::GlobSet) -> Ignore {
        Ignore(set)
    }

    /// Whether `path` (as walked or given) is left out.
    pub fn ignores(&self, path: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let p = path.strip_prefix("./").unwrap_or(path);
        self.0.is_match(p)
            || std::path::Path::new(p)
                .file_name()
                .is_some_and(|n| self.0.is_match(n))
    }
}

/// Large enough for any article or a big export, small enough that a stray
/// disk image or database dump is not read into memory by accident.
pub const DEFAULT_MAX_FILESIZE: u64 = 100 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            max_filesize: DEFAULT_MAX_FILESIZE,
            fields: Fields::default(),
            ignore: Ignore::default(),
        }
    }
}

impl InputNote {
    /// Files passed over for their extension are routine in a folder walk;
    /// other skips (binary, too large, too deep) are worth telling.
    pub fn is_routine(&self) -> bool {
        self.message.starts_with(walk::ROUTINE_SKIP)
    }
}

/// What loading one file gave.
pub enum Loaded {
    Document(Document, Vec<InputNote>),
    /// An export: one document per record, and the records that failed.
    Records(Records),
    Skipped(InputNote),
    Failed(InputError),
}

/// How a file's contents are read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text or Markdown, with optional front matter.
    Article,
    Html,
    Json,
    JsonLines,
}

impl Kind {
    pub fn of(path: &Path) -> Kind {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Kind::Html,
            "json" => Kind::Json,
            "jsonl" | "ndjson" => Kind::JsonLines,
            _ => Kind::Article,
        }
    }
}

/// Reads and decodes one file and splits off its front matter.
pub fn load(path: &Path, display: &str, opts: &Options) -> Loaded {
    // The size is checked again here: a file named on the command line was
    // never looked at by the walk, and a file can grow between the two.
    let bytes = match read_limited(path, opts.max_filesize) {
        Ok(Some(b)) => b,
        Ok(None) => return Loaded::Skipped(too_large(display, opts.max_filesize)),
        Err(e) => {
            return Loaded::Failed(InputError {
                path: display.to_string(),
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            })
        }
    };
    load_bytes(bytes, display, Kind::of(path), opts)
}

fn read_limited(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max {
        return Ok(None);
    }
    // Room for the whole file and one byte more spares read_to_end its
    // probing reads: an archive is hundreds of thousands of small files.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

pub(crate) fn too_large(display: &str, max: u64) -> InputNote {
    InputNote {
        path: display.to_string(),
        message: format!("larger than --max-filesize ({max} bytes), skipped"),
    }
}

/// Longest line read as article text. Articles hold a paragraph per line;
/// a longer line is a data dump or an encoded blob, not prose.
pub const MAX_LINE: usize = 1024 * 1024;

/// The first line longer than [`MAX_LINE`]: (1-based line, its length).
pub fn overlong_line(text: &str) -> Option<(usize, usize)> {
    text.split('\n')
        .enumerate()
        .find(|(_, piece)| piece.len() > MAX_LINE)
        .map(|(n, piece)| (n + 1, piece.len()))
}

fn overlong_note(display: &str, line: usize, len: usize) -> InputNote {
    InputNote {
        path: display.to_string(),
        message: format!(
            "line {line} is {len} bytes long (more than {MAX_LINE}): not article text, skipped"
        ),
    }
}

/// Decodes file contents already in memory (see [`load`]).
pub fn load_bytes(bytes: Vec<u8>, display: &str, kind: Kind, opts: &Options) -> Loaded {
    let (text, how) = match decode::decode(bytes) {
        decode::Text::Text(t, how) => (t, how),
        decode::Text::Binary(at) => {
            return Loaded::Skipped(InputNote {
                path: display.to_string(),
                message: format!("binary file (NUL byte at offset {at}), skipped"),
            })
        }
    };
    let mut notes: Vec<InputNote> = how
        .note()
        .map(|message| InputNote {
            path: display.to_string(),
            message,
        })
        .into_iter()
        .collect();
    match kind {
        Kind::Html => {
            let page = match html::extract_checked(&text) {
                Ok(page) => page,
                Err(message) => {
                    return Loaded::Skipped(InputNote {
                        path: display.to_string(),
                        message,
                    })
                }
            };
            if let Some((line, len)) = overlong_line(&page.text) {
                return Loaded::Skipped(overlong_note(display, line, len));
            }
            Loaded::Document(
                Document {
                    path: display.to_string(),
                    text: page.text,
                    body_start: 0,
                    front_matter: page.meta,
                },
                notes,
            )
        }
        Kind::Json | Kind::JsonLines => {
            let mut r = if kind == Kind::Json {
                records::json(&text, display, &opts.fields)
            } else {
                records::jsonl(&text, display, &opts.fields)
            };
            notes.append(&mut r.notes);
            r.documents.retain(|d| match overlong_line(&d.text) {
                Some((line, len)) => {
                    notes.push(overlong_note(&d.path, line, len));
                    false
                }
                None => true,
            });
            r.notes = notes;
            Loaded::Records(r)
        }
        Kind::Article if overlong_line(&text).is_some() => {
            let (line, len) = overlong_line(&text).unwrap_or_default();
            Loaded::Skipped(overlong_note(display, line, len))
        }
        Kind::Article => match split_front_matter(&text) {
            Ok((fm, body_start, warnings)) => {
                notes.extend(warnings.into_iter().map(|message| InputNote {
                    path: display.to_string(),
                    message,
                }));
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
        },
    }
}
