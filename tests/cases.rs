//! Check cases as data: every folder under `tests/cases/` holds a few
//! articles and a `case.yaml` with the findings `crosscheck check` must give
//! on them (see tests/cases/README.md). A new case is a folder, not code.

use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Arguments after `check --format json`.
    #[serde(default = "default_args")]
    args: Vec<String>,
    exit: Option<i32>,
    /// "severity kind path:line" of every finding at warning or above.
    findings: Vec<String>,
    /// The same for info findings, when given.
    notes: Option<Vec<String>>,
}

fn default_args() -> Vec<String> {
    vec!["--no-ledger".into(), ".".into()]
}

fn finding_line(f: &Value) -> String {
    let path = f["path"].as_str().unwrap();
    format!(
        "{} {} {}:{}",
        f["severity"].as_str().unwrap(),
        f["kind"].as_str().unwrap(),
        path.strip_prefix("./").unwrap_or(path),
        f["line"]
    )
}

/// What went wrong with one case, if anything.
fn run_case(dir: &Path) -> Option<String> {
    let name = dir.file_name().unwrap().to_string_lossy();
    let text = std::fs::read_to_string(dir.join("case.yaml")).unwrap();
    let case: Case = match yaml_serde::from_str(&text) {
        Ok(c) => c,
        Err(e) => return Some(format!("{name}/case.yaml: {e}")),
    };
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(&case.args)
        .output()
        .unwrap();
    let v: Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => {
            return Some(format!(
                "{name}: no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    };
    let all: Vec<&Value> = v["findings"].as_array().unwrap().iter().collect();
    let mut problems = Vec::new();
    let mut compare = |what: &str, mut want: Vec<String>, info: bool| {
        let mut got: Vec<String> = all
            .iter()
            .filter(|f| (f["severity"] == "info") == info)
            .map(|f| finding_line(f))
            .collect();
        got.sort();
        want.sort();
        if got != want {
            problems.push(format!("{what}: expected {want:#?}\n  got {got:#?}"));
        }
    };
    compare("findings", case.findings.clone(), false);
    if let Some(notes) = case.notes {
        compare("notes", notes, true);
    }
    let errors = case.findings.iter().any(|f| f.starts_with("error "));
    let exit = case.exit.unwrap_or(if errors { 1 } else { 0 });
    if out.status.code() != Some(exit) {
        problems.push(format!("exit {:?}, expected {exit}", out.status.code()));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("\n")))
}

#[test]
fn every_case_gives_its_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 3,
        "the cases are missing from {}",
        root.display()
    );
    for d in &dirs {
        assert!(
            d.join("case.yaml").is_file(),
            "{} has no case.yaml",
            d.display()
        );
    }
    let failed: Vec<String> = dirs.iter().filter_map(|d| run_case(d)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
