//! Drafts checked against their references (`check DRAFT --against REF`), as a
//! CI job runs it: every planted error is an error on its line, and a
//! faithful draft, which also reports facts the references never state,
//! carries none. The cases are folders of `tests/fixtures/drafts/` (see its
//! README).

mod common;

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const FIX: &str = "tests/fixtures/drafts";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    clean: bool,
    #[serde(default)]
    errors: Vec<String>,
}

/// The lines of `draft` that carry an error finding of its own.
fn error_lines(draft: &Path, against: &[&str]) -> (i32, Vec<u64>, Value) {
    let mut args: Vec<String> = vec![
        "check".into(),
        draft.to_string_lossy().into(),
        "--against".into(),
    ];
    args.extend(against.iter().map(|a| a.to_string()));
    args.extend(["--format", "json"].map(String::from));
    let (code, v) = common::json(&args);
    let name = draft.file_name().unwrap().to_string_lossy().to_string();
    let mut lines: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error" && f["path"].as_str().unwrap().ends_with(&name))
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    lines.sort_unstable();
    lines.dedup();
    (code, lines, v)
}

fn line_of(text: &str, snippet: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(snippet))
        .unwrap_or_else(|| panic!("snippet not in the draft: {snippet:?}")) as u64
        + 1
}

/// Checks every draft of a story folder against `against`.
fn story(folder: &str, against: &[&str]) {
    let dir = Path::new(FIX).join(folder);
    let expect: BTreeMap<String, Expect> =
        yaml_serde::from_str(&std::fs::read_to_string(dir.join("expected.yaml")).unwrap()).unwrap();
    assert!(
        expect.len() >= 2,
        "{folder}: a faithful draft and one with errors"
    );
    for (name, want) in expect {
        assert!(
            want.clean == want.errors.is_empty(),
            "{folder}/{name}: a case is clean or names its planted errors"
        );
        let draft = dir.join(&name);
        let text = std::fs::read_to_string(&draft).unwrap();
        let (code, got, v) = error_lines(&draft, against);
        if want.clean {
            assert_eq!(
                got,
                Vec::<u64>::new(),
                "{folder}/{name}: no error expected\n{v:#}"
            );
            assert_eq!(code, 0, "{folder}/{name}: a clean draft passes the build");
        }
        let planted: Vec<u64> = want.errors.iter().map(|s| line_of(&text, s)).collect();
        for (snippet, line) in want.errors.iter().zip(&planted) {
            assert!(
                got.contains(line),
                "{folder}/{name}: the planted error {snippet:?} (line {line}) is not an error; errors on {got:?}"
            );
        }
        if !planted.is_empty() {
            assert_eq!(
                code, 1,
                "{folder}/{name}: a draft with errors fails the build"
            );
            // No error where nothing was planted.
            let stray: Vec<&u64> = got.iter().filter(|l| !planted.contains(l)).collect();
            assert!(
                stray.is_empty(),
                "{folder}/{name}: errors on unplanted lines {stray:?}"
            );
        }
    }
}

fn refs(folder: &str) -> String {
    format!("{FIX}/{folder}/ref")
}

#[test]
fn office_shooting_age_date_count_and_a_changed_quote() {
    story(
        "office-shooting",
        &[&refs("office-shooting"), "--no-ledger"],
    );
}

#[test]
fn jewel_heist_money_count_date_and_distance() {
    story("jewel-heist", &[&refs("jewel-heist"), "--no-ledger"]);
}

#[test]
fn island_quake_magnitude_distance_percentage_and_injuries() {
    story("island-quake", &[&refs("island-quake"), "--no-ledger"]);
}

#[test]
fn demo_story_against_the_corpus_and_its_ledger() {
    story("demo", &["corpus", "--ledger", "claims"]);
}
