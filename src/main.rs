//! The `crosscheck` command line: parse flags, run the library, pick a reporter.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use crosscheck::config::{Config, FailOn};
use crosscheck::input::Fields;
use crosscheck::judge::{self, Severity};
use crosscheck::ledger::Ledger;
use crosscheck::report::check::CheckReport;
use crosscheck::report::ledger_draft;
use crosscheck::report::{
    check, claimreview, claims, github, html, sarif, timeline, CheckFormat, Format, Reporter,
    TimelineFormat,
};
use crosscheck::session;
use crosscheck::Run;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod man;

// Extraction makes many small strings and vectors per sentence, on every
// core at once: mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check dated factual claims across news articles",
    long_about = "Cross-check dated factual claims across news articles.\n\n\
        crosscheck reads a folder of articles, pulls out the dated factual claims \
        (dates, counts, ages, amounts, quotes, table rows), aligns claims about the \
        same event across sources, and reports what contradicts, what is \
        corroborated and what rests on one source only, each finding at file:line \
        with the evidence on the other side.\n\n\
        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.",
    after_help = "Examples:\n  crosscheck check corpus\n  crosscheck check drafts/new.md --against corpus --format json\n  crosscheck check corpus --format html > report.html\n  crosscheck check drafts/*.md --against corpus --format sarif > crosscheck.sarif\n  crosscheck timeline corpus\n  crosscheck claims --format json corpus/001_*.txt\n  crosscheck ledger init corpus > claims/story.yaml\n\n\
        Settings: crosscheck.yaml in the working folder or a folder above it (ledger, ignore, \
        severity, fail-on); flags override it. See docs/formats.md for every output format."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Settings file [default: the nearest crosscheck.yaml from the working
    /// folder upward].
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Colour in terminal output: auto colours only a terminal and honours
    /// NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Name skipped files and other notes on stderr.
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Print nothing on stderr but errors (and no progress bar).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // https://no-color.org: set and not empty means no colour.
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SourcesShown {
    /// Sources with a warning sign, spin or a copy.
    Flagged,
    /// Every source.
    All,
}

#[derive(Args)]
struct Common {
    /// Resolve relative dates against this date (YYYY-MM-DD) instead of
    /// each document's front matter or inferred date.
    #[arg(long, value_name = "DATE", value_parser = parse_reference)]
    reference: Option<jiff::civil::Date>,
    /// Set from the global -v (see [`Cli`]).
    #[arg(skip)]
    verbose: bool,
    /// Set from the global -q.
    #[arg(skip)]
    quiet: bool,
    /// Threads to read and extract with [default: one per core]. Output is
    /// the same whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Skip (and name) files larger than this: bytes, or with a K, M or G
    /// suffix (powers of 1024).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "100M")]
    max_filesize: u64,
    /// Field names of .json/.jsonl exports, as KEY=FIELD pairs for the keys
    /// text, title, date and url (defaults text, title, published, url).
    /// Each record is a document shown as FILE#N (N counts records from 1).
    #[arg(long, value_name = "KEY=FIELD,...", value_parser = parse_fields)]
    json_fields: Option<Fields>,
    /// Columns to fit a table into [default: COLUMNS when set, else the
    /// terminal's width, else 100 when piped; at least 60].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    width: Option<u16>,
    /// Write the report to FILE (all at once, through a temporary file in the
    /// same folder) instead of stdout. FILE may not be inside the inputs.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// List the dated factual claims in articles, normalised and located.
    ///
    /// PATHs are files or folders. Folders are walked recursively in a stable
    /// order and their articles read: .txt, .md, .markdown; saved web pages
    /// (.html, .htm, whose article text is read and located at the page's
    /// lines); and exports (.json, .jsonl, one document per record, shown as
    /// FILE#N). A file named explicitly is read whatever its extension.
    /// UTF-16 with a byte order mark is decoded; text that is not UTF-8 is
    /// read as Windows-1252, with a note.
    Claims {
        /// Files or folders of articles.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Cross-check articles: contradictions, corroboration, single-source claims.
    ///
    /// Every document is checked against every other and against the ledger
    /// of verified facts. With --against, only the PATHs (the drafts) are
    /// reported, checked against the reference sources given there.
    Check {
        /// Articles to check (the drafts, with --against).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Reference articles to check the drafts against; their own
        /// findings are not reported.
        #[arg(long, value_name = "PATH", num_args = 1..)]
        against: Vec<PathBuf>,
        /// Ledger of verified facts: a YAML file or a folder of them
        /// [default: ./claims when it exists].
        #[arg(long, value_name = "PATH", conflicts_with = "no_ledger")]
        ledger: Option<PathBuf>,
        /// Do not use any ledger.
        #[arg(long)]
        no_ledger: bool,
        /// Exit 1 when an unsuppressed finding reaches this severity
        /// [default: fail-on in crosscheck.yaml, else error].
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Output format. json is schema crosscheck.check/v1 (docs/schema.md);
        /// the others are described in docs/formats.md.
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
        /// Sources listed in the table: those with warning signs (the others
        /// are counted in one line), or all.
        #[arg(long, value_enum, default_value_t = SourcesShown::Flagged)]
        sources: SourcesShown,
        /// Lowest severity shown in the table and as GitHub annotations
        /// (JSON, SARIF and HTML always have all; the summary line counts
        /// all).
        #[arg(long, value_enum, default_value_t = Severity::Warning)]
        show: Severity,
        #[command(flatten)]
        common: Common,
    },
    /// Show every event on a timeline: the dates each source gives it,
    /// contradicted dates marked.
    ///
    /// The same timeline as the HTML report's, in the terminal: events in
    /// date order, under each the sources' dates at file:line:column, and a
    /// mark on each date a finding contradicts. Whole years and "now" are
    /// left out (they place nothing).
    Timeline {
        /// Files or folders of articles.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Ledger of verified facts [default: as for check].
        #[arg(long, value_name = "PATH", conflicts_with = "no_ledger")]
        ledger: Option<PathBuf>,
        /// Do not use any ledger.
        #[arg(long)]
        no_ledger: bool,
        /// Output format. json is schema crosscheck.timeline/v1
        /// (docs/schema.md).
        #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
        format: TimelineFormat,
        #[command(flatten)]
        common: Common,
    },
    /// Work with ledgers of verified facts.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Print a shell completion script.
    ///
    /// For example: crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual (roff): one page documenting every subcommand and
    /// flag, or with --out one page per subcommand.
    ///
    /// For example: crosscheck man > crosscheck.1 && man ./crosscheck.1, or
    /// crosscheck man --out man/ && man man/crosscheck-check.1
    Man {
        /// Write one page per subcommand into this folder (created if
        /// missing) instead of one page on stdout.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Draft a ledger (YAML on stdout) from the claims that two or more
    /// sources corroborate and none dispute, for a person to review.
    Init {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{s}` is not a size such as 5000000, 500K, 100M or 2G"))
}

fn parse_fields(s: &str) -> Result<Fields, String> {
    Fields::parse(s)
}

fn parse_reference(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a date in YYYY-MM-DD form: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.is::<AlreadyReported>() => ExitCode::from(2),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads and extracts `paths`; `claims_only` when nothing will be judged.
/// The reading settings the flags give.
fn reading(common: &Common) -> session::Reading {
    session::Reading {
        reference: common.reference,
        max_filesize: common.max_filesize,
        json_fields: common.json_fields.clone(),
    }
}

/// Reads `paths` with a progress bar, then prints the notes of the read.
fn read(paths: &[PathBuf], common: &Common, cfg: &Config, claims_only: bool) -> Run {
    let bar = progress::Bar::new(common.quiet);
    let run = session::read(paths, &reading(common), cfg, claims_only, |p| bar.update(p));
    bar.finish();
    report_input(&run, common);
    run
}

/// A stop of the library as the binary's error: input errors are already on
/// stderr, so they only set the exit code.
fn stopped(e: session::Stop) -> anyhow::Error {
    match e {
        session::Stop::InputErrors => anyhow::Error::new(AlreadyReported),
        other => anyhow::anyhow!("{other}"),
    }
}

/// An error whose message is already on stderr: exit 2 and say no more.
#[derive(Debug)]
struct AlreadyReported;

impl std::fmt::Display for AlreadyReported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("input errors (above)")
    }
}

impl std::error::Error for AlreadyReported {}

fn judge_paths(
    paths: &[PathBuf],
    against: &[PathBuf],
    ledger: Option<&Ledger>,
    common: &Common,
    cfg: &Config,
) -> anyhow::Result<(Run, judge::Judgement)> {
    session::judge_paths(paths, against, ledger, &reading(common), cfg, |p| {
        read(p, common, cfg, false)
    })
    .map_err(stopped)
}

mod progress {
    use crosscheck::Progress;
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::IsTerminal;
    use std::sync::OnceLock;

    /// Below this many bytes a run is over before a bar would help.
    const MIN_BYTES: u64 = 16 << 20;

    /// A progress bar on stderr, drawn only on a terminal, without --quiet,
    /// and only once the walk shows a run long enough to need one.
    pub struct Bar {
        enabled: bool,
        bar: OnceLock<ProgressBar>,
    }

    impl Bar {
        pub fn new(quiet: bool) -> Self {
            Bar {
                enabled: !quiet && std::io::stderr().is_terminal(),
                bar: OnceLock::new(),
            }
        }

        pub fn update(&self, p: Progress) {
            match p {
                Progress::Found { files, bytes } if self.enabled && bytes >= MIN_BYTES => {
                    let bar = ProgressBar::new(bytes).with_style(
                        ProgressStyle::with_template(
                            "reading {msg} files [{wide_bar}] {binary_bytes}/{binary_total_bytes} {eta}",
                        )
                        .expect("progress template")
                        .progress_chars("=> "),
                    );
                    bar.set_message(files.to_string());
                    let _ = self.bar.set(bar);
                }
                Progress::Done { bytes } => {
                    if let Some(bar) = self.bar.get() {
                        bar.inc(bytes);
                    }
                }
                _ => {}
            }
        }

        pub fn finish(&self) {
            if let Some(bar) = self.bar.get() {
                bar.finish_and_clear();
            }
        }
    }
}

fn report_input(run: &Run, common: &Common) {
    let stderr = &mut io::stderr().lock();
    for n in &run.skipped {
        if common.verbose || (!common.quiet && !n.is_routine()) {
            let _ = writeln!(stderr, "note: {}: {}", n.path, n.message);
        }
    }
    if !common.quiet {
        for n in &run.notes {
            let _ = writeln!(stderr, "note: {}: {}", n.path, n.message);
        }
    }
    for e in &run.errors {
        let _ = writeln!(stderr, "error: {e}");
    }
}

/// Width of a piped table: a pager or a file has no width of its own, and
/// 100 columns read well in either.
const PIPED_WIDTH: u16 = 100;

/// The columns a table is fitted to: --width, else COLUMNS when exported
/// (a user's choice, even for a pipe), else the terminal's own width, else
/// [`PIPED_WIDTH`].
fn width(flag: Option<u16>) -> u16 {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|&c| c > 0)
    };
    // Interactive shells set COLUMNS without exporting it, so the terminal
    // is asked directly (TIOCGWINSZ on stdout, where the table goes).
    let terminal = || terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| w.0);
    flag.or_else(columns)
        .or_else(terminal)
        .unwrap_or(PIPED_WIDTH)
        .max(check::MIN_WIDTH)
}

/// Leaves what a run read and judged to the operating system: the process
/// ends right after, and freeing an archive's millions of small allocations
/// one by one took a second of a 1 GB check for memory the exit returns
/// anyway.
fn leave<T>(results: T) {
    std::mem::forget(results);
}

/// Writes the report to `--output` or stdout.
fn emit(
    output: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = output {
        return write_atomically(path, f);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::anyhow!("writing output: {e}"))
        }
        _ => Ok(()),
    }
}

fn run(mut cli: Cli) -> anyhow::Result<ExitCode> {
    let color = cli.color.enabled();
    // clap checks the conflict only among flags given at one level.
    if cli.verbose && cli.quiet {
        anyhow::bail!("-v/--verbose and -q/--quiet cannot be used together");
    }
    // -v and -q are global, so that `crosscheck -v check` works as well as
    // `crosscheck check -v`; each command reads them from its Common.
    if let Command::Claims { common, .. }
    | Command::Check { common, .. }
    | Command::Timeline { common, .. }
    | Command::Ledger(LedgerCommand::Init { common, .. }) = &mut cli.command
    {
        common.verbose = cli.verbose;
        common.quiet = cli.quiet;
    }
    let cfg = match cli.command {
        Command::Completions { .. } | Command::Man { .. } => Config::default(),
        _ => session::load_config(
            cli.config.as_deref(),
            std::env::current_dir().ok().as_deref(),
        )
        .map_err(stopped)?,
    };
    let threads = match &cli.command {
        Command::Claims { common, .. }
        | Command::Check { common, .. }
        | Command::Timeline { common, .. }
        | Command::Ledger(LedgerCommand::Init { common, .. }) => common.threads,
        Command::Completions { .. } | Command::Man { .. } => None,
    };
    if let Some(n) = threads {
        if n == 0 {
            anyhow::bail!("--threads must be at least 1");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| anyhow::anyhow!("cannot start {n} threads: {e}"))?;
    }
    match cli.command {
        Command::Claims {
            paths,
            format,
            common,
        } => {
            let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            check_output(common.output.as_deref(), &inputs)?;
            let run = read(&paths, &common, &cfg, true);
            session::require_documents(run.extractions.len(), &run, &paths, "article")
                .map_err(stopped)?;
            emit(common.output.as_deref(), |out| match format {
                Format::Table => claims::TableReporter {
                    width: Some(width(common.width)),
                }
                .write(&run, out),
                Format::Json => claims::JsonReporter.write(&run, out),
                Format::Jsonl => claims::JsonlReporter.write(&run, out),
            })?;
            let code = session::exit_code(&run, None, FailOn::Never);
            leave(run);
            Ok(ExitCode::from(code))
        }
        Command::Check {
            paths,
            against,
            ledger,
            no_ledger,
            fail_on,
            format,
            sources,
            show,
            common,
        } => {
            let default_ledger = Path::new(session::DEFAULT_LEDGER);
            let inputs: Vec<&Path> = paths
                .iter()
                .chain(&against)
                .chain(&cfg.ledger)
                .map(PathBuf::as_path)
                .chain(ledger.as_deref())
                .chain((ledger.is_none() && !no_ledger).then_some(default_ledger))
                .collect();
            check_output(common.output.as_deref(), &inputs)?;
            let ledger = session::pick_ledger(ledger, no_ledger, &cfg).map_err(stopped)?;
            let (run, judgement) = judge_paths(&paths, &against, ledger.as_ref(), &common, &cfg)?;
            let ledger_files = ledger.as_ref().map(|l| l.files.clone()).unwrap_or_default();
            let report = CheckReport {
                run: &run,
                judgement: &judgement,
                ledger_files: &ledger_files,
                ledger_documents: ledger
                    .as_ref()
                    .map_or(0, |l| l.documents_of_its_story(&run.extractions)),
            };
            emit(common.output.as_deref(), |out| match format {
                CheckFormat::Table => check::TableReporter {
                    width: width(common.width),
                    min_severity: show,
                    color,
                    all_sources: sources == SourcesShown::All,
                    base: std::env::current_dir().ok(),
                }
                .write(&report, out),
                CheckFormat::Json => check::JsonReporter.write(&report, out),
                CheckFormat::Jsonl => check::JsonlReporter.write(&report, out),
                CheckFormat::Github => {
                    github::GithubReporter { min_severity: show }.write(&report, out)
                }
                CheckFormat::Sarif => sarif::SarifReporter.write(&report, out),
                CheckFormat::Html => html::HtmlReporter.write(&report, out),
                CheckFormat::Claimreview => claimreview::ClaimReviewReporter.write(&report, out),
            })?;
            let fail_on = fail_on.or(cfg.fail_on).unwrap_or(FailOn::Error);
            let code = session::exit_code(&run, report.worst(), fail_on);
            leave((run, judgement));
            Ok(ExitCode::from(code))
        }
        Command::Timeline {
            paths,
            ledger,
            no_ledger,
            format,
            common,
        } => {
            let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            check_output(common.output.as_deref(), &inputs)?;
            let ledger = session::pick_ledger(ledger, no_ledger, &cfg).map_err(stopped)?;
            let (run, judgement) = judge_paths(&paths, &[], ledger.as_ref(), &common, &cfg)?;
            let ledger_files = ledger.as_ref().map(|l| l.files.clone()).unwrap_or_default();
            let report = CheckReport {
                run: &run,
                judgement: &judgement,
                ledger_files: &ledger_files,
                ledger_documents: ledger
                    .as_ref()
                    .map_or(0, |l| l.documents_of_its_story(&run.extractions)),
            };
            emit(common.output.as_deref(), |out| match format {
                TimelineFormat::Table => timeline::TimelineReporter { color }.write(&report, out),
                TimelineFormat::Json => timeline::TimelineJsonReporter.write(&report, out),
            })?;
            Ok(ExitCode::from(session::exit_code(
                &run,
                None,
                FailOn::Never,
            )))
        }
        Command::Completions { shell } => {
            emit(None, |out| {
                clap_complete::generate(shell, &mut Cli::command(), "crosscheck", out);
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { out: None } => {
            emit(None, |out| man::render::<Cli>(out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { out: Some(dir) } => {
            let pages = man::write_pages::<Cli>(&dir)
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
            eprintln!("wrote {} manual pages to {}", pages.len(), dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Ledger(LedgerCommand::Init { paths, common }) => {
            let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            check_output(common.output.as_deref(), &inputs)?;
            let mut run = read(&paths, &common, &cfg, false);
            session::require_documents(run.extractions.len(), &run, &paths, "article")
                .map_err(stopped)?;
            let (opts, input) = reading(&common).options(false);
            let drafts = vec![false; run.extractions.len()];
            crosscheck::settle_references(&mut run.extractions, &drafts, &opts, &input);
            let judgement = judge::judge(
                &run.extractions,
                &judge::Options {
                    drafts: None,
                    ledger: None,
                },
            );
            let file = ledger_draft::draft(&run.extractions, &judgement);
            let yaml = yaml_serde::to_string(&file)?;
            emit(common.output.as_deref(), |out| {
                writeln!(
                    out,
                    "# Drafted by crosscheck ledger init from {} documents.",
                    run.extractions.len()
                )?;
                writeln!(
                    out,
                    "# Every fact below is stated alike by two or more sources; check each one."
                )?;
                out.write_all(yaml.as_bytes())
            })?;
            Ok(ExitCode::from(session::exit_code(
                &run,
                None,
                FailOn::Never,
            )))
        }
    }
}

/// Writes the whole report to a temporary file beside `path`, then renames
/// it over `path`: a reader never sees half a report, and a failed run
/// leaves any earlier report in place.
fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: io::Error| anyhow::anyhow!("{}: cannot write report: {e}", path.display());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    // A temporary file is private (0600), and the rename made the report
    // private too: a shared report.html nobody else could read. Ask for
    // what a shell redirect asks for, 0666 less the umask (the kernel
    // applies it at creation); a report being replaced keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    if let Ok(m) = std::fs::metadata(path) {
        if m.is_file() {
            tmp.as_file()
                .set_permissions(m.permissions())
                .map_err(fail)?;
        }
    }
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        f(&mut out).and_then(|_| out.flush()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Refuses an `--output` that is one of the inputs or inside an input
/// folder: crosscheck never writes in what it reads.
fn check_output(output: Option<&Path>, inputs: &[&Path]) -> anyhow::Result<()> {
    let Some(out) = output else { return Ok(()) };
    // The file may not exist yet; its folder must.
    let name = out.file_name().unwrap_or_default();
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(dir) = std::fs::canonicalize(dir) else {
        anyhow::bail!("{}: the folder for --output does not exist", out.display());
    };
    let target = dir.join(name);
    for input in inputs {
        let Ok(input) = std::fs::canonicalize(input) else {
            continue;
        };
        if target == input || target.starts_with(&input) {
            anyhow::bail!(
                "--output {} is an input or inside one ({}); write the report elsewhere",
                out.display(),
                input.display()
            );
        }
    }
    Ok(())
}
