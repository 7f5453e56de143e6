//! The command line's flags (a module of the binary): every subcommand,
//! its arguments and their help, which `--help` and `crosscheck man` show.

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::config::FailOn;
use crosscheck::input::Fields;
use crosscheck::judge::Severity;
use crosscheck::report::{CheckFormat, Format, TimelineFormat};
use std::io::{self, IsTerminal};
use std::path::PathBuf;

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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// Settings file [default: the nearest crosscheck.yaml from the working
    /// folder upward].
    #[arg(long, global = true, value_name = "PATH")]
    pub(crate) config: Option<PathBuf>,
    /// Colour in terminal output: auto colours only a terminal and honours
    /// NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// Name skipped files and other notes on stderr.
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
    /// Print nothing on stderr but errors (and no progress bar).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub(crate) fn enabled(self) -> bool {
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
pub(crate) enum SourcesShown {
    /// Sources with a warning sign, spin or a copy.
    Flagged,
    /// Every source.
    All,
}

#[derive(Args)]
pub(crate) struct Common {
    /// Resolve relative dates against this date (YYYY-MM-DD) instead of
    /// each document's front matter or inferred date.
    #[arg(long, value_name = "DATE", value_parser = parse_reference)]
    pub(crate) reference: Option<jiff::civil::Date>,
    /// Set from the global -v (see [`Cli`]).
    #[arg(skip)]
    pub(crate) verbose: bool,
    /// Set from the global -q.
    #[arg(skip)]
    pub(crate) quiet: bool,
    /// Threads to read and extract with [default: one per core]. Output is
    /// the same whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// Skip (and name) files larger than this: bytes, or with a K, M or G
    /// suffix (powers of 1024).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "100M")]
    pub(crate) max_filesize: u64,
    /// Field names of .json/.jsonl exports, as KEY=FIELD pairs for the keys
    /// text, title, date and url (defaults text, title, published, url).
    /// Each record is a document shown as FILE#N (N counts records from 1).
    #[arg(long, value_name = "KEY=FIELD,...", value_parser = parse_fields)]
    pub(crate) json_fields: Option<Fields>,
    /// Columns to fit a table into [default: COLUMNS when set, else the
    /// terminal's width, else 100 when piped; at least 60].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) width: Option<u16>,
    /// Write the report to FILE (all at once, through a temporary file in the
    /// same folder) instead of stdout. FILE may not be inside the inputs.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
pub(crate) enum LedgerCommand {
    /// Draft a ledger (YAML on stdout) from the claims that two or more
    /// sources corroborate and none dispute, for a person to review.
    Init {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
}

pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
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

pub(crate) fn parse_fields(s: &str) -> Result<Fields, String> {
    Fields::parse(s)
}

pub(crate) fn parse_reference(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a date in YYYY-MM-DD form: {e}"))
}
