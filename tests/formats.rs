//! Every `check` output format on a small fixture set written for these tests
//! (tests/fixtures/report: three reports of one pier fire, one of them with a
//! wrong date, a table row and a suppression comment), plus the behaviour each
//! format promises: SARIF valid against the official schema, GitHub commands
//! escaped, HTML self-contained, suppressions reported and out of the exit code.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIX: &str = "tests/fixtures/report";
const LEDGER: &str = "tests/fixtures/report-ledger";

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

/// stdout of `check FIX --ledger LEDGER --format FORMAT`, and the exit code.
fn check_format(format: &str) -> (String, i32) {
    let out = crosscheck(&["check", FIX, "--ledger", LEDGER, "--format", format]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains(env!("CARGO_MANIFEST_DIR")),
        "output must not hold absolute paths"
    );
    (stdout, out.status.code().unwrap())
}

fn snapshot(format: &str) -> String {
    let (stdout, code) = check_format(format);
    // A wrong date the ledger refutes is an error in every format.
    assert_eq!(code, 1, "{format}");
    stdout
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(snapshot("table"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(snapshot("json"));
}

#[test]
fn jsonl_snapshot() {
    insta::assert_snapshot!(snapshot("jsonl"));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!(snapshot("github"));
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!(snapshot("sarif"));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(snapshot("html"));
}

#[test]
fn claimreview_snapshot() {
    insta::assert_snapshot!(snapshot("claimreview"));
}

#[test]
fn timeline_snapshot() {
    let out = crosscheck(&["timeline", FIX, "--ledger", LEDGER]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

/// The official SARIF 2.1.0 schema, kept in the fixtures (see its README) so
/// the test needs no network.
fn sarif_schema() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let schema = sarif_schema();
    assert_eq!(
        schema["id"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    // The corpus too: bigger, with ledger conflicts, range conflicts, notes.
    for args in [
        vec!["check", FIX, "--ledger", LEDGER, "--format", "sarif"],
        vec!["check", "corpus", "--format", "sarif"],
    ] {
        let out = crosscheck(&args);
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
    }
    // And the validator does reject what is not SARIF.
    let mut broken: Value =
        serde_json::from_slice(&crosscheck(&["check", FIX, "--format", "sarif"]).stdout).unwrap();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_results_carry_evidence_and_rules_explain_each_kind() {
    let (stdout, _) = check_format("sarif");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules
        .iter()
        .all(|r| !r["help"]["text"].as_str().unwrap().is_empty()));
    let date = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "date-conflict")
        .expect("the wrong date is a result");
    let loc = &date["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "tests/fixtures/report/bay-bulletin.md"
    );
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["snippet"]["text"], "September 4, 2024");
    let related: Vec<&str> = date["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        related,
        [
            "tests/fixtures/report/coast-wire.md",
            "tests/fixtures/report/harbor-gazette.md"
        ]
    );
    let rule = &rules[date["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "date-conflict");
}

/// Copies the fixture set into a temporary folder under other names.
fn copy_fixtures(dir: &Path, rename: &[(&str, &str)]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(FIX).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let name = rename
            .iter()
            .find(|(from, _)| *from == name)
            .map_or(name, |(_, to)| to.to_string());
        let dest = dir.join(name);
        std::fs::copy(&p, &dest).unwrap();
        out.push(dest);
    }
    out
}

#[test]
fn github_commands_escape_properties_and_messages() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixtures(tmp.path(), &[("bay-bulletin.md", "bay: late, 100%.md")]);
    let out = crosscheck(&[
        "check",
        tmp.path().to_str().unwrap(),
        "--no-ledger",
        "--format",
        "github",
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let error = stdout
        .lines()
        .find(|l| l.starts_with("::error "))
        .expect("an error annotation");
    assert!(
        error.contains("bay%3A late%2C 100%25.md,line=1,col=35,"),
        "{error}"
    );
    assert!(error.contains(",title=crosscheck date-conflict::"));
    // The evidence follows the message on escaped new lines, one per source.
    let message = error.split("::").nth(2).unwrap();
    assert_eq!(message.matches("%0A").count(), 2, "{message}");
    assert!(!message.contains('\r'));
    // The full report and a summary line follow the annotations.
    assert!(stdout.contains("::group::crosscheck: full report\n"));
    assert!(stdout
        .trim_end()
        .ends_with("crosscheck: 1 error, 2 warnings, 1 note in 3 documents (1 suppressed)"));
}

#[test]
fn suppressed_findings_are_reported_with_their_reason_and_do_not_fail() {
    let out = crosscheck(&["check", FIX, "--no-ledger", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let suppressed: Vec<&Value> = findings
        .iter()
        .filter(|f| f.get("suppressed").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["line"], 3);
    assert_eq!(suppressed[0]["kind"], "attribute-conflict");
    assert_eq!(
        suppressed[0]["suppressed"]["reason"],
        "cost confirmed by phone with the harbor office, 2024-09-18"
    );
    assert_eq!(v["summary"]["suppressed"], 1);

    // Suppress the wrong date too: nothing at error level is left, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let files = copy_fixtures(tmp.path(), &[]);
    let bay = files
        .iter()
        .find(|p| p.ends_with("bay-bulletin.md"))
        .unwrap();
    let text = std::fs::read_to_string(bay).unwrap();
    std::fs::write(
        bay,
        format!("<!-- crosscheck-ignore-start: date under review -->\n{text}<!-- crosscheck-ignore-end -->\n"),
    )
    .unwrap();
    let dir = tmp.path().to_str().unwrap();
    let out = crosscheck(&["check", dir, "--no-ledger", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(v["summary"]["errors"], 0);
    assert!(v["summary"]["suppressed"].as_u64().unwrap() >= 2);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "date-conflict" && f["suppressed"]["reason"] == "date under review"));
    // Without the comments the same documents fail.
    std::fs::write(bay, text).unwrap();
    assert_eq!(
        crosscheck(&["check", dir, "--no-ledger"]).status.code(),
        Some(1)
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let has_ansi = |args: &[&str], no_color: bool| {
        let mut c = Command::cargo_bin("crosscheck").unwrap();
        c.args(args);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        String::from_utf8(c.output().unwrap().stdout)
            .unwrap()
            .contains("\x1b[")
    };
    let base = ["check", FIX, "--no-ledger"];
    assert!(has_ansi(
        &[&base[..], &["--color", "always"]].concat(),
        false
    ));
    assert!(has_ansi(
        &[&base[..], &["--color", "always"]].concat(),
        true
    ));
    assert!(!has_ansi(
        &[&base[..], &["--color", "never"]].concat(),
        false
    ));
    // auto: stdout is a pipe here, so plain.
    assert!(!has_ansi(&base, false));
    assert!(has_ansi(
        &["--color", "always", "timeline", FIX, "--no-ledger"],
        false
    ));
}

#[test]
fn html_is_one_self_contained_page() {
    let (html, _) = check_format("html");
    for external in ["<script", "<link", "src=", "url(", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
    // The only URIs are the SVG namespace; nothing is fetched.
    for (i, _) in html.match_indices("http") {
        assert!(
            html[i..].starts_with("http://www.w3.org/2000/svg"),
            "{}",
            &html[i..i + 60]
        );
    }
    assert!(html.contains("<svg class=\"timeline\""));
    // Both sides of the wrong date, in context.
    assert!(html.contains("on <mark>September 4, 2024</mark>, destroyed"));
    assert!(html.contains("on <mark>September 14, 2024</mark>, destroyed"));
}

#[test]
fn claimreview_rates_what_the_corpus_alone_contradicts() {
    let out = crosscheck(&["check", FIX, "--no-ledger", "--format", "claimreview"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reviews = v.as_array().unwrap();
    // The wrong date only: the cost tie is no verdict, the table row no contradiction.
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["@type"], "ClaimReview");
    assert_eq!(
        reviews[0]["reviewRating"]["alternateName"],
        "Contradicted by 2 sources"
    );
    assert_eq!(
        reviews[0]["itemReviewed"]["appearance"]["url"],
        "tests/fixtures/report/bay-bulletin.md"
    );
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn config_is_found_upward_and_flags_override_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir(root.join("articles")).unwrap();
    copy_fixtures(&root.join("articles"), &[]);
    write(
        &root.join("crosscheck.yaml"),
        "# pier fire desk\nledger: ledger\nignore: [\"**/coast-wire.md\"]\nseverity:\n  uncorroborated: error\n  single-source: off\nfail-on: warning\n",
    );
    write(
        &root.join("ledger/pier.yaml"),
        &std::fs::read_to_string(format!("{LEDGER}/pier-fire.yaml")).unwrap(),
    );
    let sub = root.join("articles");
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .current_dir(&sub)
            .args(args)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (
            out.status.code().unwrap(),
            v,
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, v, _) = run(&["check", ".", "--format", "json"]);
    assert_eq!(code, 1);
    let ledger = v["ledger"][0].as_str().unwrap();
    assert!(ledger.ends_with("pier.yaml"), "{ledger}");
    let paths: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(
        !paths.iter().any(|p| p.ends_with("coast-wire.md")),
        "{paths:?}"
    );
    let kinds: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("uncorroborated", "error")), "{kinds:?}");
    assert!(!kinds.iter().any(|(k, _)| *k == "single-source"));

    // Flags win: --no-ledger, and --fail-on never.
    let (code, v, _) = run(&[
        "check",
        ".",
        "--format",
        "json",
        "--no-ledger",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, 0);
    assert!(v["ledger"].as_array().unwrap().is_empty());

    // An unknown key stops the run at its line and column.
    write(
        &root.join("crosscheck.yaml"),
        "ignore: []\nfail_on: warning\n",
    );
    let (code, _, stderr) = run(&["check", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("crosscheck.yaml:2:1"), "{stderr}");
    assert!(stderr.contains("unknown field `fail_on`"), "{stderr}");

    // --config names another file; it is used instead of the one found.
    write(
        &root.join("other.yaml"),
        "severity:\n  date-conflict: off\n",
    );
    let other = root.join("other.yaml");
    let (code, v, _) = run(&[
        "--config",
        other.to_str().unwrap(),
        "check",
        ".",
        "--no-ledger",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "date-conflict"));
}

#[test]
fn completions_and_man_page_are_generated() {
    let out = crosscheck(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let bash = String::from_utf8(out.stdout).unwrap();
    assert!(bash.contains("_crosscheck()"));
    assert!(bash.contains("timeline"));
    let out = crosscheck(&["man"]);
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH crosscheck"),
        "{}",
        &man[..80]
    );
    assert!(man.contains("completions"));
}

#[test]
fn formats_for_people_word_their_values() {
    // Codes and figures as the library keeps them, which people should not
    // have to read: a TIMEX date, an ISO currency after a bare number, a
    // verdict in capitals, a tally, backticks of code.
    let codes = ["2024-09-04", "2000000", "USD", "REFUTES", " vs ", "`"];
    for format in ["table", "html", "github"] {
        let (out, _) = check_format(format);
        // The HTML timeline keeps the codes in its data, not its text.
        let text: String = if format == "html" {
            out.split("<h2>Findings").nth(1).unwrap().to_string()
        } else {
            out
        };
        for code in codes {
            assert!(!text.contains(code), "{format} shows {code:?}:\n{text}");
        }
        assert!(text.contains("4 September 2024"), "{format}");
        assert!(text.contains("$2 million"), "{format}");
    }
    let (sarif, _) = check_format("sarif");
    let v: Value = serde_json::from_str(&sarif).unwrap();
    for r in v["runs"][0]["results"].as_array().unwrap() {
        let text = r["message"]["text"].as_str().unwrap();
        for code in codes {
            assert!(!text.contains(code), "sarif message shows {code:?}: {text}");
        }
    }
    // JSON keeps the codes.
    let (json, _) = check_format("json");
    assert!(json.contains("\"value\": \"2024-09-04\""));
}

/// Four reports of one remark, two with "its", two with "their".
fn four_reports_of_one_remark() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, word) in ["its", "its", "their", "their"].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("outlet{i}.md")),
            format!(
                "---\npublished: 2025-03-1{i}\n---\n\
                 Harbor master Tomas Reyes said on Monday that the Linwood pier fire destroyed 40 moorings.\n\n\
                 \"We have reviewed the report and accepted all {word} recommendations to rebuild the pier,\" Reyes said.\n\n\
                 The Linwood council will meet on March 20, 2025, to approve the repairs.\n"
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn one_row_per_quote_disagreement_with_every_source_and_the_changed_words() {
    // The judge flags each of the four; the table shows the disagreement once.
    let dir = four_reports_of_one_remark();
    let d = dir.path().to_str().unwrap();
    let out = crosscheck(&["check", d, "--no-ledger", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "quote-conflict")
        .count();
    assert_eq!(quotes, 4, "the judge flags every report");
    let out = crosscheck(&["check", d, "--no-ledger", "--width", "120"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(table.matches("quote-conflict").count(), 1, "{table}");
    for i in 0..4 {
        assert_eq!(
            table.matches(&format!("outlet{i}.md:6:1")).count(),
            1,
            "every source once:\n{table}"
        );
    }
    assert!(table.contains("[its\u{a0}→\u{a0}their]"), "{table}");
    // The tally, wrapped in the narrow first column.
    assert!(
        table.contains("│ 2 sources") && table.contains("│ against 2"),
        "{table}"
    );
}

#[test]
fn html_shows_a_quote_disagreement_once_with_the_words_struck_and_inserted() {
    let dir = four_reports_of_one_remark();
    let d = dir.path().to_str().unwrap();
    let out = crosscheck(&["check", d, "--no-ledger", "--format", "html"]);
    let html = String::from_utf8(out.stdout).unwrap();
    let findings = html.split("<h2>Findings").nth(1).unwrap();
    let findings = findings.split("<h2>").next().unwrap();
    assert_eq!(findings.matches("quote-conflict").count(), 1, "{findings}");
    for i in 0..4 {
        assert_eq!(
            findings
                .matches(&format!("outlet{i}.md:6:1</cite>"))
                .count(),
            1,
            "every source once:\n{findings}"
        );
    }
    assert!(
        findings.contains("accepted all <del>its</del> <ins>their</ins> recommendations"),
        "{findings}"
    );
}

#[test]
fn html_timeline_year_labels_do_not_overlap_on_a_long_span() {
    // A life story: dates eighty years apart put ninety Januaries on the axis.
    let dir = tempfile::tempdir().unwrap();
    for (i, outlet) in ["Ledger", "Courier"].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("obituary{i}.md")),
            format!(
                "---\npublished: 2008-12-1{}\noutlet: {outlet}\n---\n\
                 The painter Ada Morrow, born on April 22, 1923, in Dayton, died on December 11, 2008.\n\n\
                 Her first show opened on May 3, 1951, in Chicago.\n",
                i + 2
            ),
        )
        .unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let out = crosscheck(&["check", d, "--no-ledger", "--format", "html"]);
    let html = String::from_utf8(out.stdout).unwrap();
    // Each year label is `<text x="X" y="Y" class="year">`.
    let xs: Vec<f64> = html
        .match_indices("class=\"year\"")
        .map(|(i, _)| {
            let before = &html[..i];
            let x = &before[before.rfind("<text x=\"").unwrap() + 9..];
            x[..x.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert!(xs.len() >= 4, "the axis names some years: {xs:?}");
    for w in xs.windows(2) {
        // A label is four digits at 12 px, about 30 units wide.
        assert!(w[1] - w[0] >= 32.0, "labels overlap: {xs:?}");
    }
}
