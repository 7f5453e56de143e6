//! Turning the paths a user gives into an ordered list of files.

use super::{InputError, InputNote};
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson",
];

/// How a file passed over for its extension is described.
pub(crate) const ROUTINE_SKIP: &str = "not an article extension";

/// The files to read, in a stable order, and what was passed over.
#[derive(Debug, Default)]
pub struct Walked {
    /// (path on disk, path as displayed)
    pub files: Vec<(PathBuf, String)>,
    pub skipped: Vec<InputNote>,
    pub errors: Vec<InputError>,
    /// Total size of `files`, as their metadata gave it (for progress).
    pub bytes: u64,
}

impl Walked {
    fn append(&mut self, other: Walked) {
        self.files.extend(other.files);
        self.skipped.extend(other.skipped);
        self.errors.extend(other.errors);
        self.bytes += other.bytes;
    }
}

/// Walks `paths` recursively. Files named explicitly are always read;
/// files found in folders are read when their extension is an article's.
/// Folders are walked in byte order of their names, so output is stable;
/// sibling folders are walked in parallel and their lists joined in order.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let mut out = Walked::default();
    for p in paths {
        let display = p.to_string_lossy().to_string();
        match std::fs::metadata(p) {
            Err(e) => out.errors.push(InputError {
                path: display,
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            }),
            Ok(m) if m.is_dir() => out.append(walk_dir(p, &[])),
            Ok(m) => {
                out.bytes += m.len();
                out.files.push((p.clone(), display));
            }
        }
    }
    out
}

fn walk_dir(dir: &Path, ancestors: &[PathBuf]) -> Walked {
    use rayon::prelude::*;
    let mut out = Walked::default();
    // A symlink back up the tree would walk forever; remember where we are.
    let canon = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if ancestors.contains(&canon) {
        out.errors.push(InputError {
            path: dir.to_string_lossy().to_string(),
            line: None,
            column: None,
            message: "symlink loop, not followed".to_string(),
        });
        return out;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.errors.push(InputError {
                path: dir.to_string_lossy().to_string(),
                line: None,
                column: None,
                message: format!("cannot read folder: {e}"),
            });
            return out;
        }
    };
    // Siblings share their parent, so their names alone give the paths'
    // order, without comparing every path component by component.
    let mut children: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
    children.sort_by_cached_key(|e| e.file_name());
    let mut below = ancestors.to_vec();
    below.push(canon);
    // Each child gives its own list; collecting keeps them in name order
    // however the work was spread over threads.
    let parts: Vec<Walked> = children
        .par_iter()
        .map(|child| walk_child(child, &below))
        .collect();
    for part in parts {
        out.append(part);
    }
    out
}

fn walk_child(entry: &std::fs::DirEntry, ancestors: &[PathBuf]) -> Walked {
    let mut out = Walked::default();
    if entry.file_name().to_string_lossy().starts_with('.') {
        return out;
    }
    let path = entry.path();
    let child = path.as_path();
    let display = child.to_string_lossy().to_string();
    // The folder listing gives the type; only a symlink needs its target
    // looked up, and a plain file is looked up relative to its folder,
    // not through its whole path.
    let meta = match entry.file_type() {
        Ok(t) if t.is_symlink() => std::fs::metadata(child),
        _ => entry.metadata(),
    };
    match meta {
        Err(e) => out.errors.push(InputError {
            path: display,
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        }),
        Ok(m) if m.is_dir() => return walk_dir(child, ancestors),
        Ok(m) => {
            let ext = child
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                out.bytes += m.len();
                out.files.push((child.to_path_buf(), display));
            } else {
                out.skipped.push(InputNote {
                    path: display,
                    message: format!(
                        "{ROUTINE_SKIP} (.{}), skipped",
                        ARTICLE_EXTENSIONS.join(", .")
                    ),
                });
            }
        }
    }
    out
}
