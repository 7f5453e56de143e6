//! The manual (a module of the binary, not the library): one page that
//! documents every subcommand and flag, or one page per subcommand.

use clap::CommandFactory;
use std::io::{self, Write};
use std::path::Path;

/// The command tree as the manual shows it: built (so each subcommand knows
/// its full name, "crosscheck-ledger-init") and without `help`.
fn command<C: CommandFactory>() -> clap::Command {
    let mut cmd = C::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every subcommand under `cmd`, depth first, in the order `--help` lists them.
fn subcommands(cmd: &clap::Command, out: &mut Vec<clap::Command>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out.push(sub.clone());
        subcommands(sub, out);
    }
}

/// One page: the tool's own sections, then each subcommand's synopsis,
/// description and options under a section of its own.
pub fn render<C: CommandFactory>(out: &mut dyn Write) -> io::Result<()> {
    let cmd = command::<C>();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    let mut subs = Vec::new();
    subcommands(&cmd, &mut subs);
    for sub in subs {
        let name = sub
            .get_display_name()
            .unwrap_or(sub.get_name())
            .replace('-', " ");
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let man = clap_mangen::Man::new(sub);
        let mut buf = Vec::new();
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)?;
        // The subcommand's sections sit under its own: one level down.
        let text = String::from_utf8_lossy(&buf).replace("\n.SH ", "\n.SS ");
        let text = text
            .strip_prefix(".SH ")
            .map_or(text.clone(), |t| format!(".SS {t}"));
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// One page per subcommand in `dir` (crosscheck.1, crosscheck-check.1 ...);
/// returns the files written.
pub fn write_pages<C: CommandFactory>(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let cmd = command::<C>();
    let mut all = vec![cmd.clone()];
    subcommands(&cmd, &mut all);
    all.into_iter()
        .map(|c| clap_mangen::Man::new(c).generate_to(dir))
        .collect()
}
