//! Turning the paths a user gives into an ordered list of files.

use super::{Ignore, InputError, InputNote};
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
/// A file `ignore` names is left out before it is read (folders are still
/// walked: a glob names files, `archive/**` the files below `archive`).
/// Folders are walked in byte order of their names, so output is stable;
/// sibling folders are walked in parallel and their lists joined in order.
pub fn walk(paths: &[PathBuf], ignore: &Ignore) -> Walked {
    let mut out = Walked::default();
    for p in paths {
        let display = p.to_string_lossy().to_string();
        match std::fs::metadata(p) {
            _ if ignore.ignores(&display) && !p.is_dir() => {}
            Err(e) => out.errors.push(InputError {
                path: display,
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            }),
            Ok(m) if m.is_dir() => out.append(walk_dir(p, &[], ignore)),
            Ok(m) => {
                out.bytes += m.len();
                out.files.push((p.clone(), display));
            }
        }
    }
    out
}

fn walk_dir(dir: &Path, ancestors: &[PathBuf], ignore: &Ignore) -> Walked {
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
        .map(|child| walk_child(child, &below, ignore))
        .collect();
    for part in parts {
        out.append(part);
    }
    out
}

fn walk_child(entry: &std::fs::DirEntry, ancestors: &[PathBuf], ignore: &Ignore) -> Walked {
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
        Ok(m) if m.is_dir() => return walk_dir(child, ancestors, ignore),
        _ if ignore.ignores(&display) => {}
        Err(e) => out.errors.push(InputError {
            path: display,
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        }),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ignoring(globs: &[&str]) -> Ignore {
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            b.add(globset::Glob::new(g).unwrap());
        }
        Ignore::new(b.build().unwrap())
    }

    #[test]
    fn an_ignored_file_is_never_listed_to_be_read() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join("archive")).unwrap();
        for f in ["a.md", "b.draft.md", "archive/old.md", "notes.pdf"] {
            std::fs::write(root.join(f), "text").unwrap();
        }
        let w = walk(
            &[root.to_path_buf()],
            &ignoring(&["*.draft.md", "**/archive/**", "*.pdf"]),
        );
        let names: Vec<&str> = w
            .files
            .iter()
            .map(|(_, d)| d.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(names, ["a.md"]);
        // Not even a note that it was passed over.
        assert!(w.skipped.is_empty(), "{:?}", w.skipped);
        // Named outright, an ignored file is still left out.
        let named = walk(&[root.join("b.draft.md")], &ignoring(&["*.draft.md"]));
        assert!(named.files.is_empty());
        // Nothing ignored: every article is listed.
        assert_eq!(
            walk(&[root.to_path_buf()], &Ignore::default()).files.len(),
            3
        );
    }
}
