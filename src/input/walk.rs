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
}

/// Walks `paths` recursively. Files named explicitly are always read;
/// files found in folders are read when their extension is an article's.
/// Folders are walked in byte order of their names, so output is stable.
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
            Ok(m) if m.is_dir() => walk_dir(p, &mut out, &mut Vec::new()),
            Ok(_) => out.files.push((p.clone(), display)),
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Walked, ancestors: &mut Vec<PathBuf>) {
    // A symlink back up the tree would walk forever; remember where we are.
    let canon = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if ancestors.contains(&canon) {
        out.errors.push(InputError {
            path: dir.to_string_lossy().to_string(),
            line: None,
            column: None,
            message: "symlink loop, not followed".to_string(),
        });
        return;
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
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    ancestors.push(canon);
    for child in children {
        let display = child.to_string_lossy().to_string();
        let name = child
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&child) {
            Err(e) => out.errors.push(InputError {
                path: display,
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            }),
            Ok(m) if m.is_dir() => walk_dir(&child, out, ancestors),
            Ok(_) => {
                let ext = child
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                    out.files.push((child, display));
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
    }
    ancestors.pop();
}
