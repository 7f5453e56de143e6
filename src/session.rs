//! A run as the command line asks for it, without the command line: which
//! files to read and how, the config and the ledger to use, what to judge,
//! and the exit code. The binary parses flags into these settings, shows
//! progress and prints; everything else is here, where a test can reach it.

use crate::config::{self, Config, FailOn};
use crate::input::{self, Fields, InputError};
use crate::judge::{self, Judgement, Severity};
use crate::ledger::Ledger;
use crate::model::Reference;
use crate::model::Run;
use crate::report::check::CheckReport;
use crate::{extract, Progress};
use std::path::{Path, PathBuf};

/// How documents are read and extracted.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Resolve relative dates against this date instead of each document's.
    pub reference: Option<jiff::civil::Date>,
    /// Files larger than this are skipped (and named).
    pub max_filesize: u64,
    /// Field names of .json/.jsonl exports.
    pub json_fields: Option<Fields>,
}

impl Reading {
    /// The extraction and input options these settings give.
    pub fn options(&self, claims_only: bool) -> (extract::Options, input::Options) {
        let opts = extract::Options {
            reference: self.reference.map(Reference::given),
            claims_only,
        };
        let input = input::Options {
            max_filesize: self.max_filesize,
            fields: self.json_fields.clone().unwrap_or_default(),
            ignore: input::Ignore::default(),
        };
        (opts, input)
    }
}

/// Why a run cannot go on.
#[derive(Debug)]
pub enum Stop {
    /// No document was read from these paths: a check of nothing finds
    /// nothing, and CI would pass.
    NothingRead {
        what: &'static str,
        paths: Vec<String>,
    },
    /// The reasons are input errors of the run, already there to show.
    InputErrors,
    /// A config or ledger file that cannot be used.
    Settings(String),
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::NothingRead { what, paths } => write!(
                f,
                "no {what} was read from {}: nothing to check (articles are .txt, .md, .html or .json files)",
                paths.join(", ")
            ),
            Stop::InputErrors => f.write_str("input errors (above)"),
            Stop::Settings(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Stop {}

/// Reads `paths` (files and folders) but what the config ignores, and
/// makes a file named outright that cannot be read as an article an
/// input error. `progress` hears of the files found and read.
pub fn read(
    paths: &[PathBuf],
    reading: &Reading,
    cfg: &Config,
    claims_only: bool,
    progress: impl Fn(Progress) + Sync,
) -> Run {
    let (opts, input) = options(reading, cfg, claims_only);
    let mut run = crate::extract_paths_with(paths, &opts, &input, progress);
    named_skips_are_errors(paths, &mut run);
    run
}

/// The extraction and input options of a read, the config's ignores
/// among them.
fn options(
    reading: &Reading,
    cfg: &Config,
    claims_only: bool,
) -> (extract::Options, input::Options) {
    let (opts, mut input) = reading.options(claims_only);
    input.ignore = cfg.ignore_set().clone();
    (opts, input)
}

/// [`read`] for a report written as the documents are read: `sink` is
/// handed them in walk order as `stream` says (see
/// [`crate::extract_paths_streaming`]), and the run returned holds the
/// rest (notes, skips, errors) with the first error of `sink`.
pub fn read_streaming<E>(
    paths: &[PathBuf],
    reading: &Reading,
    cfg: &Config,
    claims_only: bool,
    progress: impl Fn(Progress) + Sync,
    stream: crate::Stream,
    sink: impl FnMut(Vec<crate::model::Extraction>) -> Result<(), E>,
) -> (Run, Result<(), E>) {
    let (opts, input) = options(reading, cfg, claims_only);
    let (mut run, sunk) =
        crate::extract_paths_streaming(paths, &opts, &input, progress, stream, sink);
    named_skips_are_errors(paths, &mut run);
    (run, sunk)
}

/// A file named on the command line is one the user meant to be read: if
/// it cannot be read as an article (a binary `.docx` draft, a dump over
/// --max-filesize), a run that went on without it would pass on nothing,
/// so it is an input error. Files found in a folder stay skips: the good
/// files beside them still make a report.
fn named_skips_are_errors(paths: &[PathBuf], run: &mut Run) {
    let named: std::collections::HashSet<String> = paths
        .iter()
        .filter(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if named.is_empty() {
        return;
    }
    let (bad, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut run.skipped)
        .into_iter()
        .partition(|n| named.contains(&n.path));
    run.skipped = kept;
    for n in bad {
        let why = n.message.trim_end_matches(", skipped");
        run.errors.push(InputError::new(
            &n.path,
            None,
            None,
            format!("cannot be read as an article: {why}"),
        ));
    }
}

/// Refuses a run that read no document from `paths`.
pub fn require_documents(
    read: usize,
    run: &Run,
    paths: &[PathBuf],
    what: &'static str,
) -> Result<(), Stop> {
    if read > 0 {
        return Ok(());
    }
    if !run.errors.is_empty() {
        return Err(Stop::InputErrors);
    }
    Err(Stop::NothingRead {
        what,
        paths: paths.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// The config: the one named, else `crosscheck.yaml` found from `cwd` up.
pub fn load_config(path: Option<&Path>, cwd: Option<&Path>) -> Result<Config, Stop> {
    let found = match path {
        Some(p) => Some(p.to_path_buf()),
        None => cwd.and_then(config::discover),
    };
    match found {
        Some(p) => Config::load(&p).map_err(|e| Stop::Settings(e.to_string())),
        None => Ok(Config::default()),
    }
}

/// The ledger to use: none with `no_ledger`, else the one named, else the
/// config's, else `./claims` when it exists.
pub fn pick_ledger(
    flag: Option<PathBuf>,
    no_ledger: bool,
    cfg: &Config,
) -> Result<Option<Ledger>, Stop> {
    if no_ledger {
        return Ok(None);
    }
    let paths = match flag {
        Some(p) => vec![p],
        None if !cfg.ledger.is_empty() => cfg.ledger.clone(),
        None if Path::new(DEFAULT_LEDGER).is_dir() => vec![PathBuf::from(DEFAULT_LEDGER)],
        None => return Ok(None),
    };
    let mut ledger = Ledger::default();
    for p in &paths {
        let l = Ledger::load(p).map_err(|e| Stop::Settings(e.to_string()))?;
        ledger.facts.extend(l.facts);
        ledger.files.extend(l.files);
    }
    Ok(Some(ledger))
}

/// The ledger folder used when none is named.
pub const DEFAULT_LEDGER: &str = "claims";

/// Reads the drafts (and the reference sources, with `against`) and judges
/// them, with the config's severities applied. `read` reads one list of
/// paths (the binary's shows progress and notes as it goes).
pub fn judge_paths(
    paths: &[PathBuf],
    against: &[PathBuf],
    ledger: Option<&Ledger>,
    reading: &Reading,
    cfg: &Config,
    read: impl Fn(&[PathBuf]) -> Run,
) -> Result<(Run, Judgement), Stop> {
    let mut run = read(paths);
    let n_drafts = run.extractions.len();
    let what = if against.is_empty() {
        "article"
    } else {
        "draft"
    };
    require_documents(n_drafts, &run, paths, what)?;
    if !against.is_empty() {
        let refs = read(against);
        require_documents(refs.extractions.len(), &refs, against, "reference article")?;
        run.extractions.extend(refs.extractions);
        run.errors.extend(refs.errors);
        run.skipped.extend(refs.skipped);
        run.notes.extend(refs.notes);
        run.suppressions.extend(refs.suppressions);
    }
    let drafts: Vec<bool> = (0..run.extractions.len())
        .map(|d| !against.is_empty() && d < n_drafts)
        .collect();
    let (opts, input) = reading.options(false);
    crate::settle_references(&mut run.extractions, &drafts, &opts, &input);
    let mut judgement = judge::judge(
        &run.extractions,
        &judge::Options {
            drafts: (!against.is_empty()).then(|| (0..n_drafts).collect()),
            ledger,
        },
    );
    cfg.apply(&mut judgement);
    Ok((run, judgement))
}

/// A check (or a timeline) as the command line asks for it.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The articles, or with `against` the drafts.
    pub paths: Vec<PathBuf>,
    /// Reference articles the drafts are checked against.
    pub against: Vec<PathBuf>,
    /// The ledger named on the command line.
    pub ledger: Option<PathBuf>,
    pub no_ledger: bool,
    pub reading: Reading,
    /// `--fail-on`; the config's, else errors, when not given.
    pub fail_on: Option<FailOn>,
}

impl Settings {
    /// Every path the check may read, so that an output file is never one
    /// of them.
    pub fn inputs<'a>(&'a self, cfg: &'a Config) -> Vec<&'a Path> {
        let default_ledger = Path::new(DEFAULT_LEDGER);
        self.paths
            .iter()
            .chain(&self.against)
            .chain(&cfg.ledger)
            .map(PathBuf::as_path)
            .chain(self.ledger.as_deref())
            .chain((self.ledger.is_none() && !self.no_ledger).then_some(default_ledger))
            .collect()
    }
}

/// A finished check: what was read, what was judged of it, and the ledger
/// it was judged with.
pub struct Outcome {
    pub run: Run,
    pub judgement: Judgement,
    pub ledger_files: Vec<String>,
    /// How many documents are of the story the ledger records.
    pub ledger_documents: usize,
    pub fail_on: FailOn,
}

impl Outcome {
    /// What the reporters read.
    pub fn report(&self) -> CheckReport<'_> {
        CheckReport {
            run: &self.run,
            judgement: &self.judgement,
            ledger_files: &self.ledger_files,
            ledger_documents: self.ledger_documents,
        }
    }

    pub fn exit_code(&self) -> u8 {
        exit_code(&self.run, self.report().worst(), self.fail_on)
    }
}

/// Runs a check: chooses the ledger, reads the articles (`read` reads one
/// list of paths; the binary's shows progress and notes as it goes), judges
/// them and applies the config's severities.
pub fn check(
    settings: &Settings,
    cfg: &Config,
    read: impl Fn(&[PathBuf]) -> Run,
) -> Result<Outcome, Stop> {
    let ledger = pick_ledger(settings.ledger.clone(), settings.no_ledger, cfg)?;
    let (run, judgement) = judge_paths(
        &settings.paths,
        &settings.against,
        ledger.as_ref(),
        &settings.reading,
        cfg,
        read,
    )?;
    let (ledger_files, ledger_documents) = match &ledger {
        Some(l) => (l.files.clone(), l.documents_of_its_story(&run.extractions)),
        None => (Vec::new(), 0),
    };
    Ok(Outcome {
        run,
        judgement,
        ledger_files,
        ledger_documents,
        fail_on: settings.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Error),
    })
}

/// The exit code of a run: 2 when it met input errors, 1 when its worst
/// finding reaches `fail_on`, else 0.
pub fn exit_code(run: &Run, worst: Option<Severity>, fail_on: FailOn) -> u8 {
    let fail = match (fail_on, worst) {
        (FailOn::Never, _) | (_, None) => false,
        (FailOn::Error, Some(s)) => s >= Severity::Error,
        (FailOn::Warning, Some(s)) => s >= Severity::Warning,
    };
    if !run.errors.is_empty() {
        2
    } else if fail {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with_errors(n: usize) -> Run {
        let mut run = Run::default();
        for i in 0..n {
            run.errors
                .push(InputError::new(&format!("f{i}"), None, None, "bad".into()));
        }
        run
    }

    #[test]
    fn input_errors_outrank_findings_and_fail_on_decides_the_rest() {
        let clean = run_with_errors(0);
        assert_eq!(exit_code(&clean, None, FailOn::Error), 0);
        assert_eq!(exit_code(&clean, Some(Severity::Warning), FailOn::Error), 0);
        assert_eq!(
            exit_code(&clean, Some(Severity::Warning), FailOn::Warning),
            1
        );
        assert_eq!(exit_code(&clean, Some(Severity::Error), FailOn::Error), 1);
        assert_eq!(exit_code(&clean, Some(Severity::Error), FailOn::Never), 0);
        assert_eq!(exit_code(&run_with_errors(1), None, FailOn::Never), 2);
    }

    #[test]
    fn a_run_that_read_nothing_says_from_where() {
        let run = run_with_errors(0);
        let err = require_documents(0, &run, &[PathBuf::from("drafts")], "draft").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no draft was read from drafts: nothing to check (articles are .txt, .md, .html or .json files)"
        );
        assert!(matches!(
            require_documents(0, &run_with_errors(1), &[], "article"),
            Err(Stop::InputErrors)
        ));
        assert!(require_documents(3, &run, &[], "article").is_ok());
    }

    #[test]
    fn a_check_judges_the_folder_and_its_exit_code_follows_fail_on() {
        let tmp = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(tmp.path().join(name), text).unwrap();
        write(
            "a.md",
            "A fire at the Harbour Street depot on Monday destroyed 12 buses, the city said.\n",
        );
        write(
            "b.md",
            "A fire at the Harbour Street depot on Monday destroyed 12 buses, officials said.\n",
        );
        write(
            "c.md",
            "A fire at the Harbour Street depot on Monday destroyed 40 buses, the city said.\n",
        );
        write("c.draft.md", "Not an article: ignored by the config.\n");
        let cfg =
            Config::parse("ignore: [\"*.draft.md\"]\n", "crosscheck.yaml", tmp.path()).unwrap();
        let mut settings = Settings {
            paths: vec![tmp.path().to_path_buf()],
            against: Vec::new(),
            ledger: None,
            no_ledger: true,
            reading: Reading {
                reference: None,
                max_filesize: input::DEFAULT_MAX_FILESIZE,
                json_fields: None,
            },
            fail_on: None,
        };
        let read = |p: &[PathBuf]| super::read(p, &settings.reading, &cfg, false, |_| {});
        let outcome = check(&settings, &cfg, read).unwrap();
        assert_eq!(outcome.run.extractions.len(), 3);
        assert_eq!(outcome.report().worst(), Some(Severity::Error));
        assert_eq!(outcome.exit_code(), 1);
        settings.fail_on = Some(FailOn::Never);
        let read = |p: &[PathBuf]| super::read(p, &settings.reading, &cfg, false, |_| {});
        assert_eq!(check(&settings, &cfg, read).unwrap().exit_code(), 0);
    }

    #[test]
    fn a_check_never_writes_over_what_it_reads() {
        let settings = Settings {
            paths: vec![PathBuf::from("drafts")],
            against: vec![PathBuf::from("refs")],
            ledger: None,
            no_ledger: false,
            reading: Reading {
                reference: None,
                max_filesize: input::DEFAULT_MAX_FILESIZE,
                json_fields: None,
            },
            fail_on: None,
        };
        let cfg = Config::default();
        let inputs = settings.inputs(&cfg);
        assert_eq!(
            inputs,
            [
                Path::new("drafts"),
                Path::new("refs"),
                Path::new(DEFAULT_LEDGER)
            ]
        );
    }
}
