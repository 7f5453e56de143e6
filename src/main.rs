//! The `crosscheck` command line: parse flags, run the library, pick a reporter.

use clap::{Parser, Subcommand};
use crosscheck::extract::Options;
use crosscheck::model::Reference;
use crosscheck::report::claims::{JsonReporter, JsonlReporter, TableReporter};
use crosscheck::report::{Format, Reporter};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check dated factual claims across news articles",
    long_about = "Cross-check dated factual claims across news articles.\n\n\
        crosscheck reads a folder of articles, pulls out the dated factual claims \
        (dates, counts, ages, amounts, quotes, table rows), and reports them with \
        file:line locations.\n\n\
        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.",
    after_help = "Examples:\n  crosscheck claims corpus\n  crosscheck claims --format json corpus/001_*.txt\n  crosscheck claims --reference 2025-12-03 draft.md"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the dated factual claims in articles, normalised and located.
    ///
    /// PATHs are files or folders. Folders are walked recursively in a stable
    /// order and their .txt, .md and .markdown files read; a file named
    /// explicitly is read whatever its extension.
    Claims {
        /// Files or folders of articles.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Resolve relative dates against this date (YYYY-MM-DD) instead of
        /// each document's front matter or inferred date.
        #[arg(long, value_name = "DATE", value_parser = parse_reference)]
        reference: Option<jiff::civil::Date>,
        /// Name skipped files and other notes on stderr.
        #[arg(short, long)]
        verbose: bool,
        /// Print nothing on stderr but errors.
        #[arg(short, long, conflicts_with = "verbose")]
        quiet: bool,
    },
}

fn parse_reference(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a date in YYYY-MM-DD form: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Claims {
            paths,
            format,
            reference,
            verbose,
            quiet,
        } => {
            let opts = Options {
                reference: reference.map(Reference::given),
            };
            let run = crosscheck::extract_paths(&paths, &opts);
            let stderr = &mut io::stderr().lock();
            if verbose {
                for n in run.skipped.iter().chain(&run.notes) {
                    let _ = writeln!(stderr, "note: {}: {}", n.path, n.message);
                }
            } else if !quiet {
                for n in &run.notes {
                    let _ = writeln!(stderr, "note: {}: {}", n.path, n.message);
                }
            }
            for e in &run.errors {
                let _ = writeln!(stderr, "error: {e}");
            }
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let width = if stdout.is_terminal() {
                terminal_width()
            } else {
                None
            };
            let result = match format {
                Format::Table => TableReporter { width }.write(&run, &mut out),
                Format::Json => JsonReporter.write(&run, &mut out),
                Format::Jsonl => JsonlReporter.write(&run, &mut out),
            };
            if let Err(e) = result.and_then(|_| out.flush()) {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    let _ = writeln!(stderr, "error: writing output: {e}");
                    return ExitCode::from(2);
                }
            }
            if run.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}
