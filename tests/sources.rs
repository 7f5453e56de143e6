//! Judging sources: spin, copies and rewrites, and the per-source note, on
//! fixtures written for these tests (a harbour story, its spun rewrite and an
//! independent report that gives another count).

mod common;

use serde_json::Value;
use std::path::Path;

const FIX: &str = "tests/fixtures/sources";

fn check(paths: &[&Path]) -> Value {
    let mut args: Vec<&std::ffi::OsStr> = ["check", "--no-ledger", "--format", "json"]
        .iter()
        .map(|a| a.as_ref())
        .collect();
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let (code, v) = common::json(args);
    assert!(code < 2, "exit {code}");
    v
}

fn source<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no source {name}"))
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(FIX).join(name)
}

/// Serious findings: (severity, file name, value).
fn serious(v: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_spun_rewrite_is_named_with_its_evidence() {
    let v = check(&[Path::new(FIX)]);
    let spun = source(&v, "harbour-spun.txt");
    assert_eq!(spun["rewrite_of"]["kind"], "spun rewrite");
    assert!(spun["rewrite_of"]["path"]
        .as_str()
        .unwrap()
        .ends_with("harbour-original.txt"));
    let evidence: Vec<(&str, &str)> = spun["spin"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["written"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    // A lexicon phrase, and a name one word off what the others write.
    assert!(
        evidence.contains(&("final month", "lexicon")),
        "{evidence:?}"
    );
    assert!(
        evidence.contains(&("Division of Transport", "near-miss")),
        "{evidence:?}"
    );
    assert!(spun["note"].as_str().unwrap().contains("spun rewrite of"));

    for honest in ["harbour-original.txt", "harbour-gazette.txt"] {
        let s = source(&v, honest);
        assert_eq!(s["rewrite_of"], Value::Null, "{honest}");
        assert_eq!(s["spin"]["hits"], 0, "{honest}");
    }
}

#[test]
fn a_rewrite_adds_no_support() {
    let original = fixture("harbour-original.txt");
    let gazette = fixture("harbour-gazette.txt");
    let spun = fixture("harbour-spun.txt");
    let without = check(&[&original, &gazette]);
    let with = check(&[&original, &gazette, &spun]);

    // The gazette's twelve against the original's fourteen is one source
    // against one, copy or no copy: a warning on each side, never an error
    // that the spun copy's vote would make.
    let tie = vec![
        (
            "warning".to_string(),
            "harbour-gazette.txt".to_string(),
            "12 ferry".to_string(),
        ),
        (
            "warning".to_string(),
            "harbour-original.txt".to_string(),
            "14 ferry".to_string(),
        ),
    ];
    assert_eq!(serious(&without), tie);
    assert!(serious(&with).iter().all(|(sev, ..)| sev == "warning"));
    let f = with["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["value"] == "12 ferry")
        .unwrap();
    assert_eq!(
        (f["support"].as_u64(), f["against"].as_u64()),
        (Some(1), Some(1))
    );

    // What the original states alike with its own rewrite stays uncorroborated.
    for key in ["corroborated", "single_source"] {
        assert_eq!(
            source(&with, "harbour-original.txt")[key],
            source(&without, "harbour-original.txt")[key],
            "{key}"
        );
    }
}

#[test]
fn a_plain_copy_is_a_copy_and_a_changed_figure_in_it_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("harbour-original.txt")).unwrap();
    std::fs::write(dir.path().join("a-wire.txt"), &text).unwrap();
    std::fs::write(
        dir.path().join("b-reprint.txt"),
        text.replace("14 ferries", "41 ferries"),
    )
    .unwrap();
    let v = check(&[dir.path()]);
    let copy = source(&v, "b-reprint.txt");
    assert_eq!(copy["rewrite_of"]["kind"], "copy");
    assert!(copy["rewrite_of"]["path"]
        .as_str()
        .unwrap()
        .ends_with("a-wire.txt"));
    // One source that disagrees with itself: worth a look, on both sides.
    let flagged = serious(&v);
    assert!(
        flagged.contains(&("warning".into(), "b-reprint.txt".into(), "41 ferry".into())),
        "{flagged:?}"
    );
    assert!(flagged.iter().all(|(sev, ..)| sev == "warning"));
    let msg = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["value"] == "41 ferry")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("copy or rewrite"), "{msg}");
}

#[test]
fn different_stories_are_not_rewrites_of_each_other() {
    // Every fixture set of the check tests is several independent reports.
    for set in std::fs::read_dir("tests/fixtures/check").unwrap() {
        let set = set.unwrap().path();
        let v = check(&[&set]);
        for s in v["sources"].as_array().unwrap() {
            assert_eq!(s["rewrite_of"], Value::Null, "{}", s["path"]);
        }
    }
}

#[test]
fn every_copy_of_a_spun_rewrite_carries_its_evidence() {
    // Copies of one text share their claims; each must still be read as
    // spun, with the same evidence, wherever it sits in the walk.
    let dir = tempfile::tempdir().unwrap();
    for (name, to) in [
        ("harbour-original.txt", "a/harbour-original.txt"),
        ("harbour-gazette.txt", "b/harbour-gazette.txt"),
        ("harbour-spun.txt", "a/harbour-spun.txt"),
        ("harbour-spun.txt", "c/harbour-spun-copy.txt"),
    ] {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixture(name), to).unwrap();
    }
    let v = check(&[dir.path()]);
    let spun = &source(&v, "harbour-spun.txt")["spin"];
    let copy = &source(&v, "harbour-spun-copy.txt")["spin"];
    assert_eq!(spun, copy);
    let near_miss = spun["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["written"] == "Division of Transport" && e["kind"] == "near-miss");
    assert!(near_miss, "{spun}");
    assert_eq!(source(&v, "harbour-original.txt")["spin"]["hits"], 0);
}
