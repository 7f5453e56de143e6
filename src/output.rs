//! How the binary writes (a module of the binary): progress on stderr,
//! notes of the read, the width of a table, and a report to stdout or to a
//! file written whole.

use crate::cli::Common;
use crosscheck::report::check;
use crosscheck::Run;
use std::io::{self, Write};
use std::path::Path;

pub(crate) mod progress {
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

        /// Runs `f` with the bar off the screen, for output written while
        /// the read goes on (a terminal shows both).
        pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
            match self.bar.get() {
                Some(bar) => bar.suspend(f),
                None => f(),
            }
        }

        pub fn finish(&self) {
            if let Some(bar) = self.bar.get() {
                bar.finish_and_clear();
            }
        }
    }
}

pub(crate) fn report_input(run: &Run, common: &Common) {
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
pub(crate) const PIPED_WIDTH: u16 = 100;

/// The columns a table is fitted to: --width, else COLUMNS when exported
/// (a user's choice, even for a pipe), else the terminal's own width, else
/// [`PIPED_WIDTH`].
pub(crate) fn width(flag: Option<u16>) -> u16 {
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
pub(crate) fn leave<T>(results: T) {
    std::mem::forget(results);
}

/// Writes the report to `--output` or stdout.
pub(crate) fn emit(
    output: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    emit_if(output, |out| f(out).map(|()| true)).map(|_| ())
}

/// [`emit`] for a report written as it is made, which learns at its end
/// whether it is one: `f` says so. A report that is not leaves an
/// `--output` file as it was (on stdout nothing was written). Returns what
/// `f` said, or true when the reader of stdout went away first.
pub(crate) fn emit_if(
    output: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<bool>,
) -> anyhow::Result<bool> {
    if let Some(path) = output {
        return write_atomically(path, f);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|keep| out.flush().map(|()| keep)) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::anyhow!("writing output: {e}"))
        }
        Err(_) => Ok(true),
        Ok(keep) => Ok(keep),
    }
}

/// Writes the whole report to a temporary file beside `path`, then renames
/// it over `path` if `f` says it is a report: a reader never sees half a
/// report, and a failed run leaves any earlier report in place.
pub(crate) fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<bool>,
) -> anyhow::Result<bool> {
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
    let keep = {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        f(&mut out)
            .and_then(|keep| out.flush().map(|()| keep))
            .map_err(fail)?
    };
    if !keep {
        return Ok(false);
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(true)
}

/// Refuses an `--output` that is one of the inputs or inside an input
/// folder: crosscheck never writes in what it reads.
pub(crate) fn check_output(output: Option<&Path>, inputs: &[&Path]) -> anyhow::Result<()> {
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
