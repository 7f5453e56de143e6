//! `crosscheck check` on small multi-document fixtures written for these
//! tests: each judgement, and cases that must come out clean.

mod common;

use assert_cmd::Command;
use serde_json::Value;

const FIX: &str = "tests/fixtures/check";

fn check(args: &[&str]) -> (i32, Value) {
    let (code, v) = common::json([&["check", "--format", "json"], args].concat());
    assert_eq!(v["schema"], "crosscheck.check/v1");
    (code, v)
}

type Found = (String, String, String, u64);

/// An expected finding: (severity, kind, file name, line).
fn found(severity: &str, kind: &str, file: &str, line: u64) -> Found {
    (severity.into(), kind.into(), file.into(), line)
}

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

/// Findings at warning or above: (severity, kind, file name, line).
fn serious(v: &Value) -> Vec<Found> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                f["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn date_conflict_is_flagged_on_the_minority_side() {
    let (code, v) = check(&["--no-ledger", &format!("{FIX}/dates")]);
    assert_eq!(code, 1);
    assert_eq!(
        serious(&v),
        vec![found("error", "date-conflict", "county-wire.md", 1)]
    );
    let f = &v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["severity"] == "error")
        .unwrap();
    assert_eq!(f["value"], "2023-04-13");
    assert_eq!(f["support"], 1);
    assert_eq!(f["against"], 2);
    let ev: Vec<&str> = f["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["value"].as_str().unwrap())
        .collect();
    assert_eq!(ev, vec!["2023-04-03", "2023-04-03"]);
}

#[test]
fn number_word_and_numeral_agree_and_a_third_count_conflicts() {
    let (code, v) = check(&["--no-ledger", &format!("{FIX}/counts")]);
    assert_eq!(code, 1);
    assert_eq!(
        serious(&v),
        vec![found("error", "count-conflict", "region-post.md", 1)]
    );
    // The agreeing pair is one fact with one value from two sources.
    let facts = v["facts"].as_array().unwrap();
    assert!(facts.iter().any(
        |f| f["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["sources"].as_array().unwrap().len() == 2)
    ));
}

#[test]
fn different_events_with_the_same_number_are_not_compared() {
    let (code, v) = check(&["--no-ledger", &format!("{FIX}/different-events")]);
    assert_eq!(code, 0, "{v:#}");
    assert!(serious(&v).is_empty(), "{:?}", serious(&v));
    assert_eq!(v["facts"].as_array().unwrap().len(), 0, "{:#}", v["facts"]);
}

#[test]
fn a_faithful_paraphrase_comes_out_clean_and_corroborated() {
    let (code, v) = check(&[
        "--no-ledger",
        "--fail-on",
        "warning",
        &format!("{FIX}/paraphrase"),
    ]);
    assert_eq!(code, 0, "{:?}", serious(&v));
    let corroborated: u64 = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["corroborated"].as_u64().unwrap())
        .sum();
    assert!(corroborated >= 2, "{:#}", v["sources"]);
}

#[test]
fn fail_on_never_exits_zero_even_with_errors() {
    let (code, v) = check(&["--no-ledger", "--fail-on", "never", &format!("{FIX}/dates")]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn against_reports_only_the_drafts() {
    let dir = format!("{FIX}/dates");
    let (code, v) = check(&[
        "--no-ledger",
        &format!("{dir}/riverton-herald.md"),
        "--against",
        &format!("{dir}/valley-times.md"),
        &format!("{dir}/county-wire.md"),
    ]);
    // The draft agrees with one reference and conflicts with another: a
    // tie, so a warning on the draft, and nothing reported on the references.
    assert_eq!(code, 0);
    let s = serious(&v);
    assert!(s.iter().all(|f| f.2 == "riverton-herald.md"), "{s:?}");
    let (code, v) = check(&[
        "--no-ledger",
        &format!("{dir}/county-wire.md"),
        "--against",
        &format!("{dir}/riverton-herald.md"),
        &format!("{dir}/valley-times.md"),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        serious(&v),
        vec![found("error", "date-conflict", "county-wire.md", 1)]
    );
}

#[test]
fn ledger_refutes_a_wrong_date_and_supports_a_right_one() {
    let dir = format!("{FIX}/dates");
    let (code, v) = check(&[
        "--ledger",
        "tests/fixtures/ledger/bridge.yaml",
        &format!("{dir}/county-wire.md"),
        &format!("{dir}/riverton-herald.md"),
    ]);
    assert_eq!(code, 1);
    let findings = v["findings"].as_array().unwrap();
    let wrong = findings
        .iter()
        .find(|f| {
            f["path"].as_str().unwrap().ends_with("county-wire.md") && f["value"] == "2023-04-13"
        })
        .unwrap();
    assert_eq!(wrong["severity"], "error");
    assert_eq!(wrong["ledger"]["verdict"], "REFUTES");
    assert_eq!(wrong["ledger"]["fact"], "collapse-date");
    let right = findings
        .iter()
        .find(|f| {
            f["path"].as_str().unwrap().ends_with("riverton-herald.md")
                && f["value"] == "2023-04-03"
        })
        .unwrap();
    assert_eq!(right["ledger"]["verdict"], "SUPPORTS");
    assert_eq!(right["severity"], "info");
}

#[test]
fn malformed_ledger_stops_with_file_and_line() {
    for (file, line, what) in [
        ("malformed.yaml", 6, "soruces"),
        ("bad-date.yaml", 4, "2023-02-30"),
    ] {
        let out = crosscheck(&[
            "check",
            "--ledger",
            &format!("tests/fixtures/ledger/{file}"),
            &format!("{FIX}/dates"),
        ]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("tests/fixtures/ledger/{file}:{line}:")),
            "{err}"
        );
        assert!(err.contains(what), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn ledger_init_drafts_corroborated_facts_that_load_back() {
    let out = crosscheck(&["ledger", "init", &format!("{FIX}/dates")]);
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("2023-04-03"), "{yaml}");
    assert!(
        !yaml.contains("2023-04-13"),
        "a disputed date must not be drafted: {yaml}"
    );
    let mut ledger = crosscheck::ledger::Ledger::default();
    ledger
        .add_str(&yaml, "draft.yaml")
        .expect("the draft is a valid ledger");
    assert!(!ledger.facts.is_empty());
}

#[test]
fn ledger_init_gives_facts_of_one_kind_ids_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A sign at the gate read \"No entry after dark for any visitor\".\n\n\
        Another sign read \"Keep the gates closed at all times please\".\n\n\
        A third sign read \"Dogs must be kept on a lead in the park\".\n";
    for name in ["a.md", "b.md"] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = crosscheck(&["ledger", "init", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id: "))
        .collect();
    assert_eq!(
        ids,
        ["quote-unknown", "quote-unknown-2", "quote-unknown-3"],
        "{yaml}"
    );
}

#[test]
fn bad_flag_is_a_usage_error() {
    let out = crosscheck(&["check", "--fail-on", "sometimes", FIX]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_changed_word_in_a_quote_is_a_misquote() {
    let (code, v) = check(&[
        "--no-ledger",
        "--fail-on",
        "warning",
        &format!("{FIX}/quotes"),
    ]);
    assert_eq!(code, 1);
    let s = serious(&v);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter()
            .all(|f| f.0 == "warning" && f.1 == "quote-conflict" && f.3 == 2),
        "{s:?}"
    );
}

#[test]
fn members_of_a_set_dated_outside_its_range_conflict() {
    let (code, v) = check(&["--no-ledger", &format!("{FIX}/ranges")]);
    assert_eq!(code, 1);
    assert_eq!(
        serious(&v),
        vec![
            found("error", "range-conflict", "blog.md", 4),
            found("error", "range-conflict", "blog.md", 5),
        ]
    );
}

#[test]
fn jsonl_is_one_finding_per_line() {
    let out = crosscheck(&[
        "check",
        "--no-ledger",
        "--format",
        "jsonl",
        &format!("{FIX}/dates"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let (_, whole) = check(&["--no-ledger", &format!("{FIX}/dates")]);
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), whole["findings"].as_array().unwrap().len());
    assert!(lines
        .iter()
        .all(|l| l["schema"] == "crosscheck.check/v1" && l["kind"].is_string()));
}

#[test]
fn an_undated_report_is_read_against_its_storys_dateline() {
    // a and b are dated 14 March 2022 and say the river flooded on Sunday
    // the 13th; c has no dateline and says Saturday.
    let (_, v) = check(&["--no-ledger", &format!("{FIX}/story-dates")]);
    let got = serious(&v);
    assert!(
        got.iter()
            .any(|f| f.1 == "date-conflict" && f.2 == "c.md" && f.3 == 3),
        "{got:?}"
    );
    let dir = format!("{FIX}/story-dates");
    let (code, v) = check(&[
        "--no-ledger",
        &format!("{dir}/c.md"),
        "--against",
        &format!("{dir}/a.md"),
        &format!("{dir}/b.md"),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        serious(&v),
        vec![found("error", "date-conflict", "c.md", 3)]
    );
}

#[test]
fn reports_dated_far_apart_do_not_date_another() {
    // The same reports, but b is dated ten days after a: no date the story
    // agrees on, so c's "Saturday" stays unread.
    let (_, v) = check(&["--no-ledger", &format!("{FIX}/story-dates-apart")]);
    assert_eq!(serious(&v), vec![]);
}
