//! What the command line promises a CI job and a user at a terminal: exit
//! codes when there is nothing to check, which findings each format shows,
//! how the report file is written, where flags may go.

use assert_cmd::Command;
use std::path::Path;

const FIX: &str = "tests/fixtures/report";

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The first bytes of a Word document: a zip archive, NULs and all.
fn docx(path: &Path) {
    let mut bytes = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    bytes.extend(b"[Content_Types].xml");
    bytes.extend((0..2000u32).map(|i| (i * 31 % 251) as u8));
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn an_empty_folder_is_an_input_error_not_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["check", d],
        vec!["check", d, "--format", "github"],
        vec!["timeline", d],
        vec!["check", FIX, "--against", d],
    ] {
        let out = crosscheck(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: no "), "{stderr}");
        assert!(stderr.contains(d), "names the folder: {stderr}");
        assert!(out.stdout.is_empty(), "no report of nothing: {args:?}");
    }
}

#[test]
fn a_folder_of_files_that_are_not_articles_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    docx(&dir.path().join("draft.docx"));
    let out = crosscheck(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no article was read"));
}

#[test]
fn an_unreadable_named_draft_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.docx");
    docx(&draft);
    let draft = draft.to_str().unwrap();
    // As the draft, as one of the references, and among good drafts.
    for args in [
        vec!["check", draft, "--against", FIX],
        vec![
            "check",
            "tests/fixtures/report/bay-bulletin.md",
            "--against",
            FIX,
            draft,
        ],
        vec![
            "check",
            draft,
            "tests/fixtures/report/bay-bulletin.md",
            "--against",
            FIX,
        ],
    ] {
        let out = crosscheck(&[&args[..], &["--no-ledger", "--fail-on", "never"]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "error: {draft}: cannot be read as an article: binary file"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn an_unreadable_file_in_a_folder_of_good_ones_stays_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(FIX).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    let clean = crosscheck(&["check", dir.path().to_str().unwrap(), "--no-ledger"]);
    docx(&dir.path().join("photo.txt"));
    let out = crosscheck(&["check", dir.path().to_str().unwrap(), "--no-ledger"]);
    assert_eq!(out.status.code(), clean.status.code());
    assert_eq!(
        out.status.code(),
        Some(1),
        "the good files' error still fails"
    );
    assert_eq!(text(&out.stdout), text(&clean.stdout));
    assert!(text(&out.stderr).contains("photo.txt: binary file"));
}

/// The annotation commands of a `--format github` run.
fn annotations(extra: &[&str]) -> Vec<String> {
    let out = crosscheck(&[&["check", FIX, "--no-ledger", "--format", "github"], extra].concat());
    text(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("::") && !l.starts_with("::group") && !l.starts_with("::end"))
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect()
}

#[test]
fn github_annotations_honour_show() {
    // The fixture has one error, two warnings and a note (a suppressed
    // finding aside).
    let mut default = annotations(&[]);
    default.sort();
    assert_eq!(default, ["::error", "::warning", "::warning"]);
    let mut all = annotations(&["--show", "info"]);
    all.sort();
    assert_eq!(all, ["::error", "::notice", "::warning", "::warning"]);
    assert_eq!(annotations(&["--show", "error"]), ["::error"]);
}

/// The mode of the report `-o` writes, with the umask set as a login shell
/// sets it, and the mode a shell redirect gives under the same umask.
#[cfg(unix)]
fn written_mode(report: &Path) -> (u32, u32) {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let redirect = report.with_extension("redirect");
    let script = format!(
        "umask 022; \"$0\" check {FIX} --no-ledger --fail-on never -o \"$1\" && : > \"$2\"",
    );
    let status = std::process::Command::new("sh")
        .args(["-c", &script])
        .arg(&bin)
        .arg(report)
        .arg(&redirect)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    (mode(report), mode(&redirect))
}

#[cfg(unix)]
#[test]
fn output_file_gets_the_mode_a_shell_redirect_gives() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    let (mode, redirect) = written_mode(&report);
    assert_eq!(mode, 0o644);
    assert_eq!(mode, redirect);
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .contains("1 error,"));

    // A report replaced in place keeps the mode it had, whatever the umask.
    for kept in [0o640, 0o664] {
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(kept)).unwrap();
        assert_eq!(written_mode(&report).0, kept);
    }
}

#[test]
fn verbose_and_quiet_may_come_before_the_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/report/coast-wire.md",
        dir.path().join("coast-wire.md"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.odt"), "minutes").unwrap();
    let d = dir.path().to_str().unwrap();
    let skip = "notes.odt: not an article extension";
    for args in [vec!["-v", "check", d], vec!["check", d, "-v"]] {
        let out = crosscheck(&[&args[..], &["--no-ledger"]].concat());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stderr).contains(skip), "{args:?}");
    }
    let out = crosscheck(&["check", d, "--no-ledger"]);
    assert!(!text(&out.stderr).contains(skip));
    // A note that shows by default (the record has no text) is hidden by -q
    // wherever it stands.
    std::fs::write(dir.path().join("feed.jsonl"), "{\"body\": \"x\"}\n").unwrap();
    let out = crosscheck(&["check", d, "--no-ledger"]);
    assert!(text(&out.stderr).contains("no `text` field"));
    for args in [vec!["-q", "check", d], vec!["check", "-q", d]] {
        let out = crosscheck(&[&args[..], &["--no-ledger"]].concat());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
    let out = crosscheck(&["-v", "check", d, "-q"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn timeline_json_lists_events_in_date_order_with_conflicts_marked() {
    let out = crosscheck(&[
        "timeline",
        FIX,
        "--ledger",
        "tests/fixtures/report-ledger",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "crosscheck.timeline/v1");
    let events = v["events"].as_array().unwrap();
    let starts: Vec<&str> = events
        .iter()
        .map(|e| e["start"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    // The pier fire: two sources give September 14, one September 4, the
    // one the ledger refutes.
    let fire = events
        .iter()
        .find(|e| {
            e["entries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["value"] == "2024-09-04")
        })
        .expect("the fire's event");
    let entries = fire["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{fire}");
    for x in entries {
        let wrong = x["value"] == "2024-09-04";
        assert_eq!(x["conflict"]["severity"] == "error", wrong, "{x}");
        assert_eq!(
            x["path"].as_str().unwrap().ends_with("bay-bulletin.md"),
            wrong
        );
        assert!(x["line"].as_u64().unwrap() >= 1);
    }
    assert_eq!(
        v["summary"]["dated_claims"].as_u64().unwrap() as usize,
        events
            .iter()
            .map(|e| e["entries"].as_array().unwrap().len())
            .sum::<usize>()
    );
}

/// The subcommands `crosscheck --help` lists, with the nested ones
/// ("ledger init").
fn subcommands() -> Vec<Vec<String>> {
    fn listed(args: &[String]) -> Vec<String> {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.push("--help");
        let help = text(&crosscheck(&a).stdout);
        help.lines()
            .skip_while(|l| !l.starts_with("Commands:"))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            // A wrapped description is indented deeper than a command.
            .filter(|l| !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .filter(|c| c != "help")
            .collect()
    }
    let mut out = Vec::new();
    for c in listed(&[]) {
        let path = vec![c];
        for sub in listed(&path) {
            out.push(vec![path[0].clone(), sub]);
        }
        out.push(path);
    }
    out
}

#[test]
fn the_manual_documents_every_subcommand_and_flag() {
    let page = text(&crosscheck(&["man"]).stdout);
    let subs = subcommands();
    assert!(subs.len() >= 6, "{subs:?}");
    for path in &subs {
        let heading = format!(".SH \"CROSSCHECK {}\"", path.join(" ").to_uppercase());
        assert!(page.contains(&heading), "no section {heading}");
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = text(&crosscheck(&args).stdout);
        let flags: std::collections::BTreeSet<&str> = help
            .split(|c: char| c.is_whitespace() || c == ',' || c == '=' || c == '[' || c == '<')
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| w.trim_end_matches([']', '.', ')']))
            .collect();
        for flag in flags {
            let roff = flag.replace('-', "\\-");
            assert!(
                page.contains(&roff),
                "crosscheck {path:?}: {flag} not in the manual"
            );
        }
    }
}

#[test]
fn man_out_writes_one_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man");
    let run = crosscheck(&["man", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for path in subcommands() {
        let name = format!("crosscheck-{}.1", path.join("-"));
        assert!(pages.contains(&name), "{name} not in {pages:?}");
    }
    assert!(pages.contains(&"crosscheck.1".to_string()));
    let check = std::fs::read_to_string(out.join("crosscheck-check.1")).unwrap();
    assert!(check.contains("\\-\\-against") && check.contains("\\-\\-fail\\-on"));
}

#[test]
fn claims_on_an_empty_folder_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = crosscheck(&["claims", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no article was read"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_summary_says_whether_the_ledger_judged_any_document() {
    // The fixture's own ledger records its story.
    let own = crosscheck(&[
        "check",
        FIX,
        "--ledger",
        "tests/fixtures/report-ledger/pier-fire.yaml",
        "--width",
        "300",
    ]);
    let out = text(&own.stdout);
    assert!(out.contains("(3 of 3 documents of its story)"), "{out}");
    // The demo's ledger records another story: named, and said unused.
    let other = crosscheck(&[
        "check",
        FIX,
        "--ledger",
        "claims/doi-nypd-immigration.yaml",
        "--width",
        "300",
    ]);
    let out = text(&other.stdout);
    assert!(
        out.contains("ledger claims/doi-nypd-immigration.yaml not used: no document is of the story it records"),
        "{out}"
    );
}

#[test]
fn the_claims_summary_counts_in_words_that_agree_with_their_number() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.md");
    std::fs::write(
        &one,
        "---\npublished: 2024-03-14\n---\nThe bridge opened on March 3, 2024.\n",
    )
    .unwrap();
    let out = crosscheck(&["claims", one.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("1 claim in 1 document\n"), "{stdout}");

    let two = dir.path().join("two.md");
    std::fs::write(
        &two,
        "---\npublished: 2024-03-14\n---\nThe bridge opened on March 3, 2024, after 12 years.\n",
    )
    .unwrap();
    let out = crosscheck(&["claims", dir.path().to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("3 claims in 2 documents\n"), "{stdout}");
}
