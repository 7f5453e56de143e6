//! The check table fits where it is shown: the width of a real terminal
//! (a pseudo-terminal of 80 and of 120 columns), 100 columns when piped,
//! `--width` and an exported `COLUMNS` when given; no location cut in two.

use assert_cmd::Command;
use serde_json::Value;
use std::process::Stdio;

const FIX: &str = "tests/fixtures/report";
const LEDGER: &str = "tests/fixtures/report-ledger";

/// Display width of a line once colour escapes are taken out.
fn width(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            n += 1;
        }
    }
    n
}

fn widest(out: &str) -> usize {
    out.lines().map(width).max().unwrap_or(0)
}

/// stdout of crosscheck run on a pseudo-terminal `cols` columns wide, with
/// no COLUMNS in its environment (as an interactive shell leaves it).
#[cfg(unix)]
fn on_terminal(cols: u16, args: &[&str]) -> String {
    use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
    use rustix::termios::{tcsetwinsize, Winsize};
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
        .open(name.to_str().unwrap())
        .unwrap();
    tcsetwinsize(
        &slave,
        Winsize {
            ws_row: 50,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .args(args)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Read as it writes (a terminal holds only a few KB); the read ends
    // with EIO once the child, the last holder of the terminal, exits.
    let mut master = std::fs::File::from(master);
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    child.wait().unwrap();
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

fn piped(args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.args(args).env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// (file name, line, column) of every finding at warning or above.
fn locations() -> Vec<(String, u64, u64)> {
    let out = piped(
        &["check", FIX, "--ledger", LEDGER, "--format", "json"],
        None,
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, u64, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info" && f.get("suppressed").is_none())
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (
                name,
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(!found.is_empty());
    found
}

/// Every finding's `file:line:col` stands whole on one line (its folder
/// may be shortened from the left).
fn locations_whole(table: &str) {
    for (name, line, col) in locations() {
        let tail: String = name
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let at = format!("{tail}:{line}:{col}");
        assert!(
            table.lines().any(|l| l.contains(&at)),
            "{at} is not whole in:\n{table}"
        );
    }
}

#[cfg(unix)]
#[test]
fn the_table_takes_the_terminal_width() {
    for cols in [80u16, 120] {
        let out = on_terminal(cols, &["check", FIX, "--ledger", LEDGER]);
        assert!(out.contains('\x1b'), "a terminal gets colour");
        assert_eq!(widest(&out), cols as usize, "{cols}:\n{out}");
        locations_whole(&out);
    }
}

#[test]
fn piped_the_table_is_100_columns_unless_told() {
    let args = ["check", FIX, "--ledger", LEDGER];
    let out = piped(&args, None);
    assert!(!out.contains('\x1b'), "no colour in a pipe");
    assert_eq!(widest(&out), 100, "{out}");
    locations_whole(&out);
    assert_eq!(widest(&piped(&args, Some("90"))), 90);
    // --width wins over COLUMNS.
    let narrow = piped(&[&args[..], &["--width", "72"]].concat(), Some("90"));
    assert_eq!(widest(&narrow), 72, "{narrow}");
    locations_whole(&narrow);
}

#[test]
fn sources_without_warning_signs_share_one_line_unless_all_are_asked_for() {
    let args = ["check", FIX, "--ledger", LEDGER];
    let out = piped(&args, None);
    let all = piped(&[&args[..], &["--sources", "all"]].concat(), None);
    let v: Value =
        serde_json::from_str(&piped(&[&args[..], &["--format", "json"]].concat(), None)).unwrap();
    let sources = v["sources"].as_array().unwrap();
    let quiet: Vec<&str> = sources
        .iter()
        .filter(|s| s["signals"].as_array().unwrap().is_empty() && s["rewrite_of"].is_null())
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(!quiet.is_empty() && quiet.len() < sources.len());
    // A row's first cell holds the path, perhaps shortened from the left.
    let rows = |table: &str, path: &str| {
        let name = path.rsplit('/').next().unwrap();
        table
            .lines()
            .filter(|l| l.split('┆').next().unwrap().contains(name))
            .count()
    };
    for s in sources {
        let path = s["path"].as_str().unwrap();
        assert_eq!(rows(&all, path), 1, "{path} in --sources all");
        assert_eq!(
            rows(&out, path),
            usize::from(!quiet.contains(&path)),
            "{path}"
        );
    }
    let n = quiet.len();
    assert!(
        out.contains(&format!(
            "{n} other source{} show",
            if n == 1 { "" } else { "s" }
        )),
        "{out}"
    );
    // Findings come first.
    assert!(out.find("conflicts with").unwrap() < out.find("│ source").unwrap());
}

#[test]
fn paths_under_the_working_folder_are_shown_relative() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = piped(
        &[
            "check",
            &format!("{root}/{FIX}"),
            "--ledger",
            &format!("{root}/{LEDGER}"),
            "--width",
            "200",
        ],
        None,
    );
    assert!(!out.contains(root), "{out}");
    assert!(out.contains("tests/fixtures/report/"), "{out}");
}

#[test]
fn the_claims_table_fits_its_width_and_keeps_every_word_whole() {
    for cols in ["60", "100"] {
        let out = piped(&["claims", FIX, "--width", cols], None);
        let cols: usize = cols.parse().unwrap();
        let table_lines: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with(['│', '┌', '╞', '└']))
            .collect();
        assert!(table_lines.len() > 10, "{out}");
        assert!(table_lines.iter().all(|l| width(l) <= cols), "{out}");
        // The "as written" column, read down a claim's lines, is the
        // claim's text: wrapped at spaces, no word cut or dropped.
        let json = piped(&["claims", FIX, "--format", "jsonl"], None);
        let surfaces: Vec<String> = json
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["match"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .filter(|s| !s.contains('\n'))
            .collect();
        let mut cells: Vec<String> = Vec::new();
        for l in &table_lines {
            let Some(last) = l.rsplit('┆').next().filter(|_| l.contains('┆')) else {
                continue;
            };
            let text = last.trim_end_matches('│').trim();
            if l.split('┆')
                .next()
                .unwrap()
                .trim_start_matches('│')
                .trim()
                .is_empty()
            {
                let cell = cells.last_mut().unwrap();
                if !text.is_empty() {
                    cell.push(' ');
                    cell.push_str(text);
                }
            } else {
                cells.push(text.to_string());
            }
        }
        for s in surfaces.iter().filter(|s| !s.contains("  ")) {
            assert!(cells.contains(s), "{cols}: {s:?} not whole in {out}");
        }
    }
}
