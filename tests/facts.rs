//! The fact sheet on three short reports of one storm written for this test
//! (tests/fixtures/facts): two give 12 destroyed homes, one gives 15.

use assert_cmd::Command;
use serde_json::Value;

const FIX: &str = "tests/fixtures/facts";

fn check(format: &str) -> String {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args([
            "check",
            FIX,
            "--no-ledger",
            "--format",
            format,
            "--width",
            "100",
        ])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The paths of a fact-sheet value's documents.
fn paths(v: &Value) -> Vec<&str> {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect()
}

#[test]
fn the_fact_sheet_names_the_agreed_count_and_the_dissent_with_their_sources() {
    let v: Value = serde_json::from_str(&check("json")).unwrap();
    let sheet = v["fact_sheet"].as_array().unwrap();
    let homes = sheet
        .iter()
        .find(|f| f["name"] == "Number of homes")
        .unwrap_or_else(|| panic!("no count of homes: {sheet:#?}"));
    assert_eq!(homes["disputed"], true);
    assert_eq!(homes["kind"], "quantity");
    let agreed = &homes["value"];
    assert_eq!(agreed["words"], "12 homes");
    assert_eq!(agreed["sources"], 2);
    assert_eq!(
        paths(agreed),
        [
            "tests/fixtures/facts/county-record.md",
            "tests/fixtures/facts/valley-times.md"
        ]
    );
    let dissent = homes["dissent"].as_array().unwrap();
    assert_eq!(dissent.len(), 1);
    assert_eq!(dissent[0]["words"], "15 homes");
    assert_eq!(dissent[0]["sources"], 1);
    assert_eq!(paths(&dissent[0]), ["tests/fixtures/facts/daily-post.md"]);
    // Disputed facts come first.
    assert_eq!(sheet[0]["name"], "Number of homes");
    // The fact sheet points into `facts`, which keeps its shape.
    let id = homes["fact"].as_str().unwrap();
    let fact = v["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap();
    assert_eq!(fact["conflicting"], true);
}

#[test]
fn the_table_and_the_page_show_the_facts_before_the_findings() {
    let table = check("table");
    let facts = table.find("sources agree on").expect("a fact sheet");
    let findings = table.find("count-conflict").expect("a finding");
    assert!(facts < findings, "{table}");
    // Each side with its count of sources and their outlets.
    let sheet = &table[..findings];
    for said in ["12 homes", "2 sources:", "15 homes", "1 source:"] {
        assert!(sheet.contains(said), "{said:?} in\n{sheet}");
    }
    for outlet in ["Valley Times", "County Record", "Daily Post"] {
        assert!(sheet.contains(outlet), "{outlet} in\n{sheet}");
    }

    let html = check("html");
    let facts = html.find("<h2>Fact sheet</h2>").unwrap();
    let findings = html.find("<h2>Findings").unwrap();
    assert!(facts < findings);
    let sheet = &html[facts..findings];
    assert!(sheet.contains("<tr class=\"disputed\"><td class=\"fact\">Number of homes</td>"));
    assert!(sheet.contains("<div class=\"value\">15 homes</div><div class=\"who\">1 source: "));
}

#[test]
fn a_fact_one_source_states_alone_is_left_out() {
    // One report alone: its count is neither corroborated nor disputed.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{FIX}/daily-post.md"),
        dir.path().join("daily-post.md"),
    )
    .unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args([
            "check",
            dir.path().to_str().unwrap(),
            "--no-ledger",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["fact_sheet"], serde_json::json!([]));
}
