//! `crosscheck.yaml`: a project's settings, found from the working directory
//! upward (as `.editorconfig` or `rustfmt.toml` are), so a newsroom repository
//! sets its ledger and severities once for every desk and its CI.
//!
//! ```yaml
//! ledger: [claims, ../shared-ledger/verified.yaml]   # a path or a list
//! ignore: ["archive/**", "*.draft.md"]
//! severity:
//!   single-source: off
//!   uncorroborated: error
//! fail-on: warning
//! ```
//!
//! Paths are relative to the file's own folder. Unknown keys are errors at
//! `file:line:column`: a misspelt key silently ignored would be a setting the
//! writer believes in and the tool does not apply.

use crate::input::{self, InputError};
use crate::judge::{FindingKind, Judgement, Severity};
use globset::{Glob, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "crosscheck.yaml";

/// A severity setting: a severity, or `off` to drop the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// When to exit 1 (`--fail-on`, `fail-on:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

/// Severity per finding kind, keyed by the kind's id (`date-conflict`); a
/// kind left out keeps the judged severity. The kinds are the registry's
/// (`judge::RULES`), so a new rule is configurable without a change here.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Severities(BTreeMap<FindingKind, Level>);

impl Severities {
    pub fn get(&self, k: FindingKind) -> Option<Level> {
        self.0.get(&k).copied()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    ledger: Option<OneOrMany>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: Severities,
    fail_on: Option<FailOn>,
}

/// A loaded configuration, paths resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from (`None`: no file, defaults).
    pub path: Option<PathBuf>,
    pub ledger: Vec<PathBuf>,
    pub ignore: Vec<String>,
    ignore_set: input::Ignore,
    pub severity: Severities,
    pub fail_on: Option<FailOn>,
}

/// The nearest `crosscheck.yaml` in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

impl Config {
    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, InputError> {
        let display = path.to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            InputError::new(&display, None, None, format!("cannot read config: {e}"))
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        Config::parse(&text, &display, base)
    }

    /// Reads a configuration from its text; `base` resolves relative paths.
    pub fn parse(text: &str, display: &str, base: &Path) -> Result<Config, InputError> {
        // An empty file (or only comments) is a valid, empty configuration.
        let file: File = if text.lines().all(|l| {
            let t = l.trim();
            t.is_empty() || t.starts_with('#')
        }) {
            File::default()
        } else {
            yaml_serde::from_str(text).map_err(|e| {
                let (line, col) = e
                    .location()
                    .map_or((None, None), |l| (Some(l.line()), Some(l.column())));
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                InputError::new(display, line, col, format!("invalid config: {msg}"))
            })?
        };
        let mut builder = GlobSetBuilder::new();
        for g in &file.ignore {
            let glob = Glob::new(g).map_err(|e| {
                let line = text.lines().position(|l| l.contains(g.as_str()));
                InputError::new(
                    display,
                    line.map(|l| l + 1),
                    None,
                    format!("invalid config: ignore pattern `{g}`: {e}"),
                )
            })?;
            builder.add(glob);
        }
        let ignore_set = builder
            .build()
            .map(input::Ignore::new)
            .map_err(|e| InputError::new(display, None, None, format!("invalid config: {e}")))?;
        let ledger = match file.ledger {
            None => Vec::new(),
            Some(OneOrMany::One(p)) => vec![base.join(p)],
            Some(OneOrMany::Many(ps)) => ps.into_iter().map(|p| base.join(p)).collect(),
        };
        Ok(Config {
            path: Some(PathBuf::from(display)),
            ledger,
            ignore: file.ignore,
            ignore_set,
            severity: file.severity,
            fail_on: file.fail_on,
        })
    }

    /// What the walk leaves unread.
    pub fn ignore_set(&self) -> &input::Ignore {
        &self.ignore_set
    }

    /// Applies the per-kind severities: changes findings' severity, and drops
    /// those set `off`.
    pub fn apply(&self, j: &mut Judgement) {
        j.findings.retain_mut(|f| match self.severity.get(f.kind) {
            Some(Level::Off) => false,
            Some(Level::Error) => {
                f.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                f.severity = Severity::Warning;
                true
            }
            Some(Level::Info) => {
                f.severity = Severity::Info;
                true
            }
            None => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, InputError> {
        Config::parse(text, "crosscheck.yaml", Path::new("proj"))
    }

    #[test]
    fn every_key_is_read_and_paths_resolve_against_the_file() {
        let c = parse(
            "ledger: [claims, extra/facts.yaml]\nignore: [\"archive/**\"]\nseverity:\n  single-source: off\n  uncorroborated: error\nfail-on: warning\n",
        )
        .unwrap();
        assert_eq!(
            c.ledger,
            vec![
                PathBuf::from("proj/claims"),
                PathBuf::from("proj/extra/facts.yaml")
            ]
        );
        assert_eq!(c.severity.get(FindingKind::SingleSource), Some(Level::Off));
        assert_eq!(
            c.severity.get(FindingKind::Uncorroborated),
            Some(Level::Error)
        );
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert!(c.ignore_set().ignores("archive/2019/a.md"));
        assert!(!c.ignore_set().ignores("drafts/a.md"));
    }

    #[test]
    fn a_single_ledger_path_is_accepted() {
        let c = parse("ledger: claims\n").unwrap();
        assert_eq!(c.ledger, vec![PathBuf::from("proj/claims")]);
    }

    #[test]
    fn unknown_keys_are_errors_with_line_and_column() {
        let e = parse("ignore: []\nfail_on: warning\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(1)));
        assert!(e.message.contains("fail_on"), "{}", e.message);
        let e = parse("severity:\n  single-sources: off\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("single-sources"), "{}", e.message);
    }

    #[test]
    fn a_bad_severity_is_an_error() {
        let e = parse("severity:\n  date-conflict: fatal\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn an_empty_file_is_an_empty_config() {
        let c = parse("# nothing yet\n").unwrap();
        assert!(c.ledger.is_empty() && c.fail_on.is_none());
    }

    #[test]
    fn file_name_globs_match_in_any_folder() {
        let c = parse("ignore: [\"*.draft.md\"]\n").unwrap();
        assert!(c.ignore_set().ignores("./notes/x.draft.md"));
        assert!(!c.ignore_set().ignores("notes/x.md"));
    }
}
