//! What a newsroom's folder holds: saved web pages, JSON exports, text in
//! other encodings and line endings. Each is read, and its claims located.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const FIX: &str = "tests/fixtures/inputs";

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (
        out.status.code().unwrap(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn claims(paths: &[&str]) -> (i32, Value, String) {
    run(&[&["claims", "--format", "json"], paths].concat())
}

/// (line, kind, match) of a document's claims.
fn located(doc: &Value) -> Vec<(u64, String, String)> {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["line"].as_u64().unwrap(),
                c["kind"].as_str().unwrap().to_string(),
                c["match"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(doc: &Value, line: u64, kind: &str, text: &str) -> bool {
    located(doc)
        .iter()
        .any(|(l, k, m)| *l == line && k == kind && m.contains(text))
}

#[test]
fn html_page_gives_article_claims_at_the_pages_lines() {
    let (code, v, _) = claims(&[&format!("{FIX}/page.html")]);
    assert_eq!(code, 0);
    let doc = &v["documents"][0];
    // The article's own headline beats the <title>, which carries the site name.
    assert_eq!(doc["title"], "Harbour bridge shut after cracks found");
    assert_eq!(doc["outlet"], "Dunmore Daily");
    assert_eq!(doc["url"], "https://dunmore.example/harbour-bridge");
    // The byline's <time> is the reference date.
    assert_eq!(doc["reference"]["value"], "2024-03-06");
    assert_eq!(doc["reference"]["source"], "front-matter");
    // "Tuesday" before 6 March 2024 is 5 March, on the paragraph's line 18.
    assert!(has(doc, 18, "date", "Tuesday"), "{:?}", located(doc));
    assert!(
        has(doc, 21, "quantity", "40,000 vehicles"),
        "{:?}",
        located(doc)
    );
    // Scripts, navigation, ads, asides, comments and footers are not the story.
    let all: String = located(doc).iter().map(|c| c.2.clone() + " ").collect();
    for furniture in [
        "14",
        "2019",
        "24 hours",
        "99 cents",
        "12 bridges",
        "9 cracks",
        "March 1",
    ] {
        assert!(
            !all.contains(furniture),
            "{furniture} read from page furniture: {all}"
        );
    }
    // Every claim's line holds its sentence's words in the page itself.
    let page = std::fs::read_to_string(format!("{FIX}/page.html")).unwrap();
    let lines: Vec<&str> = page.lines().collect();
    for c in doc["claims"].as_array().unwrap() {
        let line = lines[c["line"].as_u64().unwrap() as usize - 1];
        let first = c["text"].as_str().unwrap().split(' ').next().unwrap();
        assert!(line.contains(first), "{first:?} not on page line {line:?}");
    }
}

#[test]
fn jsonl_records_are_documents_and_a_bad_record_is_an_error_after_the_rest() {
    let (code, v, stderr) = claims(&[&format!("{FIX}/exports.jsonl")]);
    assert_eq!(code, 2, "a broken record is bad input");
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "tests/fixtures/inputs/exports.jsonl#1",
            "tests/fixtures/inputs/exports.jsonl#4"
        ]
    );
    let first = &v["documents"][0];
    assert_eq!(first["title"], "Ferry fares rise");
    assert_eq!(first["reference"]["value"], "2024-02-01");
    // Lines count within the record's text.
    assert!(
        has(first, 1, "percent", "5 percent"),
        "{:?}",
        located(first)
    );
    assert!(
        has(first, 2, "quantity", "2,000 passengers"),
        "{:?}",
        located(first)
    );
    assert!(has(&v["documents"][1], 1, "date", "January 15, 2024"));
    assert_eq!(v["errors"][0]["line"], 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("record 2 is not valid JSON"));
    assert!(stderr.contains("exports.jsonl:2:"), "{stderr}");
    assert!(
        stderr.contains("exports.jsonl#3: record has no `text` field"),
        "{stderr}"
    );
}

#[test]
fn json_field_names_are_configurable() {
    let feed = format!("{FIX}/feed.json");
    let (code, v, _) = run(&[
        "claims",
        "--format",
        "json",
        "--json-fields",
        "text=body,title=headline,date=pubDate",
        &feed,
    ]);
    assert_eq!(code, 0);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["path"], format!("{feed}#2"));
    assert_eq!(docs[0]["title"], "School roof repaired");
    assert_eq!(docs[0]["reference"]["value"], "2023-09-04");
    assert!(has(&docs[0], 2, "date", "September 4, 2023"));
    assert!(has(&docs[1], 1, "quantity", "12,000 books"));

    // With the default names the records have no text: each is noted, and a
    // run that read no document is an input error.
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", "--format", "json", &feed])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("record has no `text` field"), "{stderr}");
    assert!(stderr.contains("no article was read"), "{stderr}");

    // A bad spec is a usage error.
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", "--json-fields", "body", &feed])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("KEY=FIELD"));
}

#[test]
fn folders_are_walked_for_pages_and_exports_too() {
    let (_, v, _) = claims(&[FIX]);
    let mut paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    let sorted = {
        let mut p = paths.clone();
        p.sort();
        p
    };
    assert_eq!(paths, sorted, "documents come out in path order");
    paths.dedup();
    assert!(paths.iter().any(|p| p.ends_with("page.html")));
    assert!(paths.iter().any(|p| p.ends_with("exports.jsonl#1")));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn encodings_and_crlf_keep_claims_on_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Title line\r\n\r\nOn March 3, 2024, 12 people were hurt.\r\nThe mayor, aged 54, spoke.\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    // Windows-1252: curly quotes and a pound sign that are not UTF-8.
    let cp1252 = b"Budget\r\n\r\nOn March 3, 2024, the council said \x93we spent \xA3300\x94 on 12 repairs.\r\n";
    let files = [
        write(dir.path(), "plain.txt", text.as_bytes()),
        write(dir.path(), "bom.txt", &bom),
        write(dir.path(), "utf16.txt", &utf16),
        write(dir.path(), "legacy.txt", cp1252),
    ];
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, v, stderr) = claims(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("utf16.txt: decoded from UTF-16LE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("legacy.txt: not valid UTF-8 (byte 45); read as Windows-1252"),
        "{stderr}"
    );
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    for doc in docs {
        assert!(
            has(doc, 3, "date", "March 3, 2024"),
            "{}: {:?}",
            doc["path"],
            located(doc)
        );
        assert!(
            has(doc, 3, "quantity", "12"),
            "{}: {:?}",
            doc["path"],
            located(doc)
        );
        for c in doc["claims"].as_array().unwrap() {
            assert!(
                !c["text"].as_str().unwrap().contains('\r'),
                "CR in a sentence"
            );
        }
    }
    let legacy = docs
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("legacy.txt"))
        .unwrap();
    assert!(
        has(legacy, 3, "quote", "we spent \u{a3}300"),
        "{:?}",
        located(legacy)
    );
    let plain = docs
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("plain.txt"))
        .unwrap();
    assert!(has(plain, 4, "age", "54"), "{:?}", located(plain));
}

#[test]
fn the_bbc_file_that_is_not_utf8_reads() {
    let p = "/work/shared/bench/bbc/sport/199.txt";
    if !Path::new(p).exists() {
        // The shared data is not part of the repository; nothing to check here.
        return;
    }
    let (code, v, stderr) = claims(&[p]);
    assert_eq!(code, 0);
    assert!(stderr.contains("read as Windows-1252"), "{stderr}");
    assert!(!v["documents"][0]["claims"].as_array().unwrap().is_empty());
}
