//! The bundled demo corpus, end to end: what `claims` reads from it and what
//! `check` finds. The expectations are the acceptance criteria.

mod common;

use common::json;
use serde_json::Value;

fn doc<'a>(v: &'a Value, prefix: &str) -> &'a Value {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().contains(prefix))
        .unwrap()
}

fn claim<'a>(d: &'a Value, surface: &str) -> &'a Value {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["match"].as_str().unwrap().contains(surface))
        .unwrap_or_else(|| panic!("no claim matching {surface:?}"))
}

#[test]
fn claims_of_the_demo_corpus() {
    let (code, v) = json(["claims", "--format", "json", "corpus"]);
    assert_eq!(code, 0);
    assert_eq!(v["schema"], "crosscheck.claims/v2");
    let d1 = doc(&v, "001_");
    assert_eq!(claim(d1, "Nov. 21, 2024")["value"], "2024-11-21");
    assert_eq!(claim(d1, "February 2025")["value"], "2025-02");
    let early = claim(d1, "early March 2025");
    let (s, e) = (
        early["interval"]["start"].as_str().unwrap(),
        early["interval"]["end"].as_str().unwrap(),
    );
    assert!(
        s >= "2025-03-01" && e <= "2025-03-31" && e < "2025-03-31",
        "{early}"
    );
    let age = claim(d1, "19-year-old");
    assert_eq!(age["kind"], "age");
    assert_eq!(age["detail"]["amount"]["value"], 19.0);
    assert_eq!(claim(d1, "5 incidents")["detail"]["amount"]["value"], 5.0);
    let seven = d1["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "quantity" && c["match"].as_str().unwrap().starts_with("seven"))
        .unwrap();
    assert_eq!(seven["detail"]["amount"]["value"], 7.0);

    let d0 = doc(&v, "000_");
    assert_eq!(d0["reference"]["source"], "inferred");
    assert_eq!(claim(d0, "March 10")["value"], "2025-03-10");
    let spun = claim(d0, "earlier this 12 months");
    assert_eq!(spun["kind"], "date");
    assert!(!d0["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["kind"] == "quantity" && c["match"].as_str().unwrap().contains("12 months")));

    let d4 = doc(&v, "004_");
    let rows: Vec<&Value> = d4["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "table-row" && c["detail"]["date"].is_object())
        .collect();
    let dates: Vec<&str> = rows
        .iter()
        .map(|r| r["detail"]["date"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        vec![
            "2024-01-14",
            "2024-02-03",
            "2024-03-22",
            "2024-04-11",
            "2024-05-05"
        ]
    );
}

#[test]
fn check_of_the_demo_corpus() {
    let (code, v) = json(["check", "--format", "json", "corpus"]);
    assert_eq!(code, 1);
    let findings = v["findings"].as_array().unwrap();
    let at = |prefix: &str, sev: &str| -> Vec<&Value> {
        findings
            .iter()
            .filter(|f| f["path"].as_str().unwrap().contains(prefix) && f["severity"] == sev)
            .collect()
    };
    for clean in ["000_", "001_", "002_"] {
        assert!(
            at(clean, "error").is_empty(),
            "{clean}: {:#?}",
            at(clean, "error")
        );
    }
    let errors = at("004_", "error");
    for line in 12..=16 {
        assert!(
            errors.iter().any(|f| f["line"] == line),
            "table row on line {line} is not an error"
        );
    }
    assert!(
        errors.iter().any(|f| f["match"] == "multiple violations"),
        "{errors:#?}"
    );
    let warned = |line: u64| {
        findings.iter().any(|f| {
            f["path"].as_str().unwrap().contains("004_")
                && f["line"] == line
                && f["severity"] != "info"
        })
    };
    assert!(warned(26) && warned(27), "the counts table is not flagged");
}

#[test]
fn the_fabrications_stand_without_the_ledger() {
    let (_, v) = json(["check", "--no-ledger", "--format", "json", "corpus"]);
    let errors: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    let range: Vec<&&Value> = errors
        .iter()
        .filter(|f| f["kind"] == "range-conflict")
        .collect();
    assert_eq!(range.len(), 5, "{range:#?}");
    assert!(errors
        .iter()
        .all(|f| f["path"].as_str().unwrap().contains("004_")));
    assert!(
        errors.iter().any(|f| f["match"] == "multiple violations"),
        "{errors:#?}"
    );
}

#[test]
fn sources_of_the_demo_corpus() {
    let (_, v) = json(["check", "--format", "json", "corpus"]);
    let sources = v["sources"].as_array().unwrap();
    let src = |prefix: &str| -> &Value {
        sources
            .iter()
            .find(|s| s["path"].as_str().unwrap().contains(prefix))
            .unwrap()
    };
    let rate = |prefix: &str| src(prefix)["spin"]["per_1k_words"].as_f64().unwrap();
    let honest_max = ["002_", "003_", "004_"]
        .map(rate)
        .into_iter()
        .fold(0.0, f64::max);
    for spun in ["000_", "001_"] {
        assert!(
            rate(spun) > 5.0 * honest_max.max(1.0),
            "{spun} spin {} vs {honest_max}",
            rate(spun)
        );
        let evidence = src(spun)["spin"]["evidence"].as_array().unwrap();
        assert!(evidence.len() >= 3, "{spun}: {evidence:#?}");
        assert!(src(spun)["note"].as_str().unwrap().contains("spun"));
    }
    // None of the five copies another.
    assert!(sources.iter().all(|s| s["rewrite_of"].is_null()));

    // The fabricated piece carries the most warning signs, among them the
    // contradicted table; the careful report carries none.
    let signals = |prefix: &str| -> Vec<String> {
        src(prefix)["signals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let fabricated = signals("004_");
    assert!(
        fabricated.contains(&"contradicted".to_string()),
        "{fabricated:?}"
    );
    assert!(
        fabricated.contains(&"unsupported-table".to_string()),
        "{fabricated:?}"
    );
    for other in ["000_", "001_", "002_", "003_"] {
        assert!(signals(other).len() < fabricated.len(), "{other}");
    }
    assert!(signals("002_").is_empty());
    assert_eq!(rate("002_"), 0.0);
    assert!(src("004_")["note"].as_str().unwrap().contains("12-16"));
}
