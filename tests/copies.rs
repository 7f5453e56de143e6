//! Archives at scale: output does not depend on the thread count, and wire
//! copies (files with the same text) are each reported as if read alone.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn run(args: &[&str], dir: &Path) -> (Vec<u8>, Value) {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (out.stdout, v)
}

const STORY: &str = "Police said 12 people were arrested on March 3, 2024.\n\n\
    The mayor, Jane Doe, 54, said the city spent $2 million on the response.\n\n\
    Chief Alan Brooks told the Riverside Herald that officers from Harlow County \
    and the State Patrol joined the operation near Pine Street and Route 9.\n\n\
    Judge Maria Lopez set bail at $5,000 for 4 of the 12 people at a hearing \
    in the Harlow County Courthouse, and the Public Defender Office said 3 would appeal.\n";

/// The story with its count and date changed, as a careless re-publisher does.
fn shifted() -> String {
    STORY
        .replacen("12 people were", "19 people were", 1)
        .replace("March 3", "March 5")
}
/// Five verbatim copies of a story, two copies of an edited version, and an
/// unrelated article, spread over folders.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let shifted = shifted();
    for (i, text) in [STORY, STORY, &shifted, STORY, STORY, &shifted, STORY]
        .iter()
        .enumerate()
    {
        let sub = dir.path().join(format!("outlet{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("story-{i}.txt")), text).unwrap();
    }
    std::fs::write(
        dir.path().join("other.txt"),
        "The museum reopened on June 1, 2023 after 14 months of work.\n",
    )
    .unwrap();
    dir
}

#[test]
fn output_is_the_same_on_one_thread_and_on_four() {
    let dir = archive();
    for cmd in [
        ["claims", "--format", "json"],
        ["check", "--format", "json"],
    ] {
        let (one, _) = run(&[cmd[0], cmd[1], cmd[2], "--threads", "1"], dir.path());
        let (four, _) = run(&[cmd[0], cmd[1], cmd[2], "--threads", "4"], dir.path());
        assert_eq!(
            String::from_utf8_lossy(&one),
            String::from_utf8_lossy(&four),
            "{}",
            cmd[0]
        );
    }
}

#[test]
fn every_copy_keeps_its_own_path_and_the_same_claims() {
    let dir = archive();
    let (_, v) = run(&["claims", "--format", "json"], dir.path());
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 8);
    let story: Vec<&Value> = docs
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains("story-0"))
        .collect();
    let copy: Vec<&Value> = docs
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains("story-6"))
        .collect();
    assert_eq!(story[0]["claims"], copy[0]["claims"]);
    assert!(!story[0]["claims"].as_array().unwrap().is_empty());
}

#[test]
fn conflicts_between_copies_are_reported_at_every_copy() {
    let dir = archive();
    let (_, v) = run(&["check", "--format", "json", "--no-ledger"], dir.path());
    let findings = v["findings"].as_array().unwrap();
    // Five copies date the arrests March 3, two March 5. All seven are one
    // text, so one source: the two edited copies are flagged as copies that
    // changed a date (a warning), and no verbatim copy is.
    let flagged: Vec<(&str, &str, &str)> = findings
        .iter()
        .filter(|f| f["kind"] == "date-conflict")
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(flagged.len(), 2, "{flagged:?}");
    for (path, severity, message) in flagged {
        assert!(
            path.contains("story-2") || path.contains("story-5"),
            "{path}"
        );
        assert_eq!(severity, "warning");
        assert!(message.contains("copy or rewrite"), "{message}");
    }
}

#[test]
fn five_verbatim_copies_are_one_source_against_an_independent_report() {
    let dir = tempfile::tempdir().unwrap();
    let wire = STORY.replace("12 people", "12 protesters");
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("wire-{i}.txt")), &wire).unwrap();
    }
    std::fs::write(
        dir.path().join("herald.txt"),
        "Police said 15 protesters were arrested on March 3, 2024, our reporter learned.\n",
    )
    .unwrap();
    // Unrelated stories, so that words shared by the two reports weigh.
    for (name, text) in [
        (
            "museum.txt",
            "The museum reopened on June 1, 2023 after 14 months of work.\n",
        ),
        (
            "budget.txt",
            "The council approved a budget of $40 million on May 2, 2024.\n",
        ),
        (
            "match.txt",
            "United won 3-1 on Saturday before 20,000 fans.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (_, v) = run(&["check", "--format", "json", "--no-ledger"], dir.path());
    let counts: Vec<(&str, &str, u64, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "count-conflict")
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["support"].as_u64().unwrap(),
                f["against"].as_u64().unwrap(),
            )
        })
        .collect();
    // One wire story against one report: a tie on every copy and on the
    // report, never an error for the report outvoted by copies.
    assert_eq!(counts.len(), 6, "{counts:?}");
    assert!(
        counts
            .iter()
            .all(|&(_, sev, s, a)| (sev, s, a) == ("warning", 1, 1)),
        "{counts:?}"
    );
    for s in v["sources"].as_array().unwrap() {
        let p = s["path"].as_str().unwrap();
        if !p.contains("wire-") || p.ends_with("wire-0.txt") {
            assert!(s["rewrite_of"].is_null(), "{p}");
        } else {
            assert_eq!(s["rewrite_of"]["kind"], "copy", "{p}");
        }
    }
}

/// `n` one-line briefs, each with one date, named in walk order.
fn briefs(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("brief-{i:04}.txt")),
            format!("The council met on March {}, 2024.\n", i % 28 + 1),
        )
        .unwrap();
    }
    dir
}

#[test]
fn json_lines_keep_walk_order_past_one_batch_of_documents() {
    // More documents than the JSON Lines reporter formats at once (256) and
    // than a streamed read hands it at once (1,024), so the order must hold
    // across batches as well as inside one.
    let dir = briefs(1100);
    let lines = |threads: &str| {
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .args(["claims", "--format", "jsonl", "--threads", threads])
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let four = lines("4");
    assert_eq!(four, lines("1"));
    let paths: Vec<String> = four
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("one JSON object per line");
            v["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(paths.len(), 1100);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Written as read, the lines are still those of the whole run.
    let (_, whole) = run(&["claims", "--format", "json"], dir.path());
    let listed: Vec<Value> = whole["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["claims"].as_array().unwrap().iter().map(|c| {
                let mut c = c.clone();
                c["path"] = d["path"].clone();
                c["reference"] = d["reference"].clone();
                c
            })
        })
        .collect();
    let streamed: Vec<Value> = four
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("schema");
            v
        })
        .collect();
    assert_eq!(streamed, listed);
}

#[test]
fn json_lines_of_a_read_of_nothing_leave_an_earlier_output_file_alone() {
    // Lines are written as documents are read; a run that read none is
    // still no report, and the file from the run before stays as it was.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("notes.odt"), "minutes").unwrap();
    let report = dir.path().join("claims.jsonl");
    std::fs::write(&report, "earlier\n").unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", "--format", "jsonl", "-o"])
        .arg(&report)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article"));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "earlier\n");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "no temporary file is left behind");
}

#[test]
fn web_pages_with_one_article_but_two_dates_are_not_copies() {
    // A page's date is in its head, not its article text: the same
    // article republished a week later reads "Sunday" as its own Sunday.
    let dir = tempfile::tempdir().unwrap();
    for day in ["2025-03-02", "2025-03-09"] {
        std::fs::write(
            dir.path().join(format!("page-{day}.html")),
            format!(
                "<html><head><title>Storm</title>\
                 <meta property=\"article:published_time\" content=\"{day}T10:00:00Z\"></head>\
                 <body><article><p>Ten people died on Sunday when the storm reached \
                 the coast.</p></article></body></html>"
            ),
        )
        .unwrap();
    }
    let (_, v) = run(&["claims", "--format", "json"], dir.path());
    let sundays: Vec<(&str, &str)> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["claims"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["match"] == "Sunday")
                .map(move |c| (d["path"].as_str().unwrap(), c["value"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(sundays.len(), 2, "{sundays:?}");
    for (path, value) in sundays {
        assert!(
            path.ends_with(&format!("page-{value}.html")),
            "{path}: {value}"
        );
    }
}

#[test]
fn json_lines_stop_quietly_when_their_reader_goes_away() {
    // `crosscheck claims --format jsonl ARCHIVE | head -1`: the lines are
    // written as the files are read, and a reader that has had enough ends
    // the run without an error.
    use std::io::BufRead;
    let dir = briefs(2100);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .args(["claims", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(
        v["path"].as_str().unwrap(),
        dir.path().join("brief-0000.txt").to_str().unwrap()
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
