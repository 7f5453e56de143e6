//! The `crosscheck` command line: parse flags, run the library, pick a reporter.

use clap::{CommandFactory, Parser};
use crosscheck::config::{Config, FailOn};
use crosscheck::judge;
use crosscheck::report::ledger_draft;
use crosscheck::report::{
    check, claimreview, claims, github, html, sarif, timeline, CheckFormat, Format, Reporter,
    TimelineFormat,
};
use crosscheck::session;
use crosscheck::Run;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli;
mod man;
mod output;

use cli::{Cli, Command, Common, LedgerCommand, SourcesShown};
use output::{check_output, emit, emit_if, leave, progress, report_input, width};

// Extraction makes many small strings and vectors per sentence, on every
// core at once: mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc.h).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the kernel a
/// second later. A run frees and allocates in waves (a chunk's extraction,
/// then alignment, then each rule); every page handed back was faulted in
/// and zeroed again by the next wave: 5% of the CPU of `check` on a 1 GB
/// archive, at the price of 2-4% more peak memory. The same index in
/// mimalloc v2 and v3. MIMALLOC_PURGE_DELAY in the environment still wins.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: called first thing in main, before any other thread runs
        // (the option setters are not thread safe); -1 is a documented value.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
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

/// `claims` as JSON Lines or JSON: each batch of documents is written as
/// soon as it is read and then dropped, so an archive's claims are never
/// held whole (a document's lines or object need nothing else of the run;
/// the JSON's errors and skips follow its documents). The notes of the
/// read follow the report.
fn claims_streamed(
    paths: &[PathBuf],
    format: Format,
    common: &Common,
    cfg: &Config,
) -> anyhow::Result<ExitCode> {
    let bar = progress::Bar::new(common.quiet);
    let mut read = 0;
    let mut run = Run::default();
    let mut json = claims::JsonDocuments::default();
    let emitted = emit_if(common.output.as_deref(), |out| {
        let (r, written) = session::read_streaming(
            paths,
            &reading(common),
            cfg,
            true,
            |p| bar.update(p),
            crosscheck::Stream::Batches(crosscheck::STREAM_BATCH),
            |docs| {
                // A batch of files none of which is an article writes
                // nothing, not even the JSON's opening.
                if docs.is_empty() {
                    return Ok(());
                }
                read += docs.len();
                bar.suspend(|| {
                    if format == Format::Json {
                        json.write(&docs, out)?;
                    } else {
                        claims::JsonlReporter.write_documents(&docs, out)?;
                    }
                    out.flush()
                })
            },
        );
        run = r;
        written?;
        // A read of no document is no report: an --output file keeps what
        // it held, and the stop below says why.
        if read == 0 {
            return Ok(false);
        }
        if format == Format::Json {
            json.finish(&run, out)?;
        }
        Ok(true)
    });
    bar.finish();
    emitted?;
    report_input(&run, common);
    session::require_documents(read, &run, paths, "article").map_err(stopped)?;
    Ok(ExitCode::from(session::exit_code(
        &run,
        None,
        FailOn::Never,
    )))
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
            if format != Format::Table {
                return claims_streamed(&paths, format, &common, &cfg);
            }
            // A table's columns are fitted to every claim of the run.
            let run = read(&paths, &common, &cfg, true);
            session::require_documents(run.extractions.len(), &run, &paths, "article")
                .map_err(stopped)?;
            emit(common.output.as_deref(), |out| {
                claims::TableReporter {
                    width: Some(width(common.width)),
                }
                .write(&run, out)
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
            let settings = session::Settings {
                paths,
                against,
                ledger,
                no_ledger,
                reading: reading(&common),
                fail_on,
            };
            check_output(common.output.as_deref(), &settings.inputs(&cfg))?;
            let outcome = session::check(&settings, &cfg, |p| read(p, &common, &cfg, false))
                .map_err(stopped)?;
            let report = outcome.report();
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
            let code = outcome.exit_code();
            leave(outcome);
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
            let settings = session::Settings {
                paths,
                against: Vec::new(),
                ledger,
                no_ledger,
                reading: reading(&common),
                // A timeline shows; it never fails a build.
                fail_on: Some(FailOn::Never),
            };
            let outcome = session::check(&settings, &cfg, |p| read(p, &common, &cfg, false))
                .map_err(stopped)?;
            let report = outcome.report();
            emit(common.output.as_deref(), |out| match format {
                TimelineFormat::Table => timeline::TimelineReporter { color }.write(&report, out),
                TimelineFormat::Json => timeline::TimelineJsonReporter.write(&report, out),
            })?;
            Ok(ExitCode::from(outcome.exit_code()))
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
