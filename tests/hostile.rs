//! Hostile inputs beside a good article: each run must give the good
//! article's claims, say what was wrong with the bad file, exit with the
//! right code, and leave every input exactly as it was.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const GOOD: &str = "---\npublished: 2024-03-06\n---\nOn March 3, 2024, 12 people were hurt.\n";

/// Every file under `dir` (not following links) with its bytes and mtime.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p);
            } else if m.is_file() {
                out.insert(
                    p.clone(),
                    (std::fs::read(&p).unwrap(), m.modified().unwrap()),
                );
            } else {
                out.insert(p, (Vec::new(), m.modified().unwrap()));
            }
        }
    }
    out
}

struct Outcome {
    code: i32,
    json: Value,
    stderr: String,
}

/// Runs `claims --format json` over a folder holding the good article and
/// whatever `setup` adds, checking that nothing in it changes.
fn with_hostile(extra: &[&str], setup: impl FnOnce(&Path)) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    setup(dir.path());
    let before = snapshot(dir.path());
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", "--format", "json"])
        .args(extra)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(snapshot(dir.path()), before, "an input changed");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    let o = Outcome {
        code: out.status.code().expect("killed by a signal"),
        json,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    let good = o.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("good.md"))
        .unwrap_or_else(|| panic!("the good article is missing: {}", o.json));
    let claims: Vec<&str> = good["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["match"].as_str().unwrap())
        .collect();
    assert_eq!(
        claims,
        ["March 3, 2024", "12 people"],
        "good article's claims"
    );
    o
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    let o = with_hostile(&[], |d| {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend((0..5000u32).map(|i| (i * 7) as u8));
        std::fs::write(d.join("photo.txt"), png).unwrap();
    });
    assert_eq!(o.code, 0);
    assert!(
        o.stderr
            .contains("photo.txt: binary file (NUL byte at offset 8), skipped"),
        "{}",
        o.stderr
    );
    assert_eq!(o.json["skipped"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_and_noted() {
    let o = with_hostile(&[], |d| {
        std::fs::write(d.join("legacy.txt"), b"Caf\xe9 owners, aged 40, met.\n").unwrap();
    });
    assert_eq!(o.code, 0);
    assert!(o
        .stderr
        .contains("legacy.txt: not valid UTF-8 (byte 3); read as Windows-1252"));
    let docs = o.json["documents"].as_array().unwrap();
    let legacy = docs
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("legacy.txt"))
        .unwrap();
    assert_eq!(
        legacy["claims"][0]["text"],
        "Caf\u{e9} owners, aged 40, met."
    );
}

#[test]
fn utf16_is_decoded() {
    let o = with_hostile(&[], |d| {
        let bytes: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(
                "Line one\nAbout 30 people came."
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes),
            )
            .collect();
        std::fs::write(d.join("wide.txt"), bytes).unwrap();
    });
    assert_eq!(o.code, 0);
    assert!(
        o.stderr.contains("wide.txt: decoded from UTF-16BE"),
        "{}",
        o.stderr
    );
    let docs = o.json["documents"].as_array().unwrap();
    let wide = docs
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("wide.txt"))
        .unwrap();
    assert_eq!(wide["claims"][0]["line"], 2);
}

fn single_line(d: &Path) {
    // 50 MB with no line break and few full stops: a data dump, not prose.
    let unit = b"and about 40 people met on March 3, 2024 while 5 were hurt ";
    let mut line = Vec::with_capacity(50 * 1024 * 1024 + unit.len());
    while line.len() < 50 * 1024 * 1024 {
        line.extend_from_slice(unit);
    }
    std::fs::write(d.join("dump.txt"), line).unwrap();
}

#[test]
fn a_50mb_single_line_is_named_and_skipped() {
    let o = with_hostile(&[], single_line);
    assert_eq!(o.code, 0);
    assert!(
        o.stderr.contains("dump.txt: line 1 is 52428816 bytes long (more than 1048576): not article text, skipped"),
        "{}",
        o.stderr
    );
    let o = with_hostile(&["--max-filesize", "10M"], single_line);
    assert_eq!(o.code, 0);
    assert!(
        o.stderr
            .contains("dump.txt: larger than --max-filesize (10485760 bytes), skipped"),
        "{}",
        o.stderr
    );
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let o = with_hostile(&[], |d| {
        let html = format!("{}<p>5 people</p>", "<div>".repeat(100_000));
        std::fs::write(d.join("deep.html"), html).unwrap();
        let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        std::fs::write(d.join("deep.json"), json).unwrap();
    });
    assert_eq!(o.code, 2, "a JSON file that cannot be parsed is bad input");
    assert!(
        o.stderr.contains(
            "deep.html: HTML nested about 100000 elements deep (more than 1000), skipped"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("deep.json:1:128: not valid JSON: recursion limit exceeded"),
        "{}",
        o.stderr
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_dangling_link_are_errors_after_the_rest_is_reported() {
    let o = with_hostile(&[], |d| {
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink("missing.md", d.join("gone.md")).unwrap();
    });
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("sub/loop: symlink loop, not followed"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("gone.md: cannot read:"), "{}", o.stderr);
    assert_eq!(o.json["errors"].as_array().unwrap().len(), 2);
}

#[test]
fn empty_file_is_fine() {
    let o = with_hostile(&[], |d| std::fs::write(d.join("empty.md"), "").unwrap());
    assert_eq!(o.code, 0);
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn malformed_ledger_stops_with_its_location_and_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let ledger = dir.path().join("ledger.yaml");
    std::fs::write(
        &ledger,
        "story: s\nfacts:\n  - id: a\n    statement: The bridge shut.\n    date: 2024-03-05\n    soruces: [x]\n",
    )
    .unwrap();
    let before = snapshot(dir.path());
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", "--ledger"])
        .arg(&ledger)
        .arg(dir.path().join("good.md"))
        .output()
        .unwrap();
    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ledger.yaml:6:5: invalid ledger"),
        "{stderr}"
    );
    assert!(
        stderr.contains("unknown field `soruces`, expected one of"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn output_is_written_whole_and_never_into_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("good.md"), GOOD).unwrap();
    let before = snapshot(&inputs);
    let run = |out: &Path| {
        Command::cargo_bin("crosscheck")
            .unwrap()
            .args(["claims", "--format", "json", "--output"])
            .arg(out)
            .arg(&inputs)
            .output()
            .unwrap()
    };
    let refused = run(&inputs.join("report.json"));
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is an input or inside one"));
    let refused = run(&inputs.join("good.md"));
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(snapshot(&inputs), before);

    let report = dir.path().join("report.json");
    std::fs::write(&report, "old report").unwrap();
    let ok = run(&report);
    assert_eq!(ok.status.code(), Some(0));
    assert!(ok.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(v["documents"][0]["claims"].as_array().unwrap().len(), 2);
    // No temporary file is left beside the report.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn json_output_is_byte_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    for (i, body) in [
        "On March 3, 2024, 12 people were hurt.",
        "About 40 people met on May 1, 2023.",
        "Officials said 9 cars burned.",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(dir.path().join(format!("a{i}.md")), body).unwrap();
    }
    let outs: Vec<Vec<u8>> = (0..3)
        .map(|_| {
            Command::cargo_bin("crosscheck")
                .unwrap()
                .args(["check", "--no-ledger", "--format", "json"])
                .arg(dir.path())
                .output()
                .unwrap()
                .stdout
        })
        .collect();
    assert!(!outs[0].is_empty());
    assert!(outs.windows(2).all(|w| w[0] == w[1]));
}
