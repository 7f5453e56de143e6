//! The house's one rule of imports: a stage of the pipeline never reaches
//! into a later one (input → extract → align → ledger → judge → report, over
//! the shared layers below them), so a change to a reporter cannot break a
//! recogniser and the stages can be read bottom up.

use std::path::Path;

/// Modules from the bottom up; a module may import only those before it.
const ORDER: &[&str] = &[
    "text",
    "lang",
    "suppress",
    "model",
    "input",
    "extract",
    "provenance",
    "align",
    "ledger",
    "judge",
    "report",
    "config",
    "session",
];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

/// Every `crate::<module>` a source file names, with its line.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_stage_imports_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut checked = 0;
    let mut wrong = Vec::new();
    for p in &all {
        let rel = p.strip_prefix(&src).unwrap();
        let top = rel.iter().next().unwrap().to_string_lossy();
        let module = top.trim_end_matches(".rs");
        let Some(own) = rank(module) else { continue };
        checked += 1;
        for (line, to) in imports(&std::fs::read_to_string(p).unwrap()) {
            if let Some(r) = rank(&to) {
                if r > own {
                    wrong.push(format!("{}:{line}: {module} imports {to}", rel.display()));
                }
            }
        }
    }
    // The walk found the stages (a moved src/ must not pass on nothing).
    assert!(checked > 50, "only {checked} files checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_backward_import_is_seen() {
    let found = imports("use crate::report::words;\nlet x = crate::judge::rule(k);");
    assert_eq!(
        found,
        vec![(1, "report".to_string()), (2, "judge".to_string())]
    );
}
