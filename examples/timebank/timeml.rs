//! TimeML reading and TIMEX3 DATE scoring, shared by the crosscheck example
//! and the peer benchmarks under `benches/peers/` (which include this file by
//! path, so it depends on nothing but `std`).

use std::path::Path;

/// A gold TIMEX3 inside `<TEXT>`, located in the stripped text.
#[derive(Debug, Clone)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    pub value: String,
}

/// One TimeML document as plain text with its gold expressions.
#[derive(Debug, Clone)]
pub struct TimeDoc {
    pub name: String,
    pub text: String,
    /// The creation day (`1998-01-08`), without any time of day.
    pub dct: String,
    pub golds: Vec<Gold>,
}

/// A predicted expression: its span and, for each part (one for a date, two
/// for a range), the part's span and value. A part's span may be approximate.
#[derive(Debug, Clone)]
pub struct Pred {
    pub start: usize,
    pub end: usize,
    pub parts: Vec<(usize, usize, String)>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn push_text(out: &mut String, raw: &str) {
    out.push_str(
        &raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    );
}

/// Reads one `.tml` file.
pub fn read(path: &Path) -> std::io::Result<TimeDoc> {
    let raw = std::fs::read_to_string(path)?;
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let dct_at = raw.find("<DCT>").ok_or_else(|| bad("no <DCT>"))?;
    let dct = raw[dct_at..]
        .find("<TIMEX3")
        .and_then(|i| {
            let t = &raw[dct_at + i..];
            attr(&t[..t.find('>')?], "value")
        })
        .ok_or_else(|| bad("no DCT value"))?;
    let dct = dct.get(..10).unwrap_or(&dct).to_string();
    let body_at = raw.find("<TEXT>").ok_or_else(|| bad("no <TEXT>"))? + "<TEXT>".len();
    let body_end = raw.find("</TEXT>").ok_or_else(|| bad("no </TEXT>"))?;
    let body = &raw[body_at..body_end];

    let mut text = String::with_capacity(body.len());
    let mut golds = Vec::new();
    let mut open: Option<Gold> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_text(&mut text, &rest[..lt]);
        let gt = rest[lt..].find('>').ok_or_else(|| bad("unclosed tag"))? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") {
            open = Some(Gold {
                start: text.len(),
                end: text.len(),
                kind: attr(tag, "type").unwrap_or_default(),
                value: attr(tag, "value").unwrap_or_default(),
            });
        } else if tag.starts_with("</TIMEX3") {
            if let Some(mut g) = open.take() {
                g.end = text.len();
                golds.push(g);
            }
        }
        rest = &rest[gt + 1..];
    }
    push_text(&mut text, rest);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(TimeDoc {
        name,
        text,
        dct,
        golds,
    })
}

/// Reads every `.tml` file in a folder, in name order.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<TimeDoc>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// Counts for one metric.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    /// Predictions that match.
    pub tp_pred: usize,
    /// Predictions counted (all but those that touch only non-DATE gold).
    pub n_pred: usize,
    /// Gold DATEs that are matched.
    pub tp_gold: usize,
    pub n_gold: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        ratio(self.tp_pred, self.n_pred)
    }
    pub fn r(&self) -> f64 {
        ratio(self.tp_gold, self.n_gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub relaxed: Prf,
    pub strict: Prf,
    pub value: Prf,
}

/// One line of the `--errors` dump.
#[derive(Debug, Clone)]
pub struct Error {
    pub what: &'static str,
    pub doc: String,
    pub surface: String,
    pub gold: String,
    pub got: String,
    pub context: String,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The value of the part of `p` that best lines up with `g`.
fn part_value<'a>(p: &'a Pred, g: &Gold) -> Option<&'a str> {
    p.parts
        .iter()
        .filter(|(s, e, _)| overlaps((*s, *e), (g.start, g.end)))
        .chain(p.parts.iter())
        .find(|_| true)
        .map(|(_, _, v)| v.as_str())
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

/// Scores one document's predictions, adding to `scores` and `errors`.
pub fn score(doc: &TimeDoc, preds: &[Pred], scores: &mut Scores, errors: &mut Vec<Error>) {
    let dates: Vec<&Gold> = doc.golds.iter().filter(|g| g.kind == "DATE").collect();
    let others: Vec<&Gold> = doc.golds.iter().filter(|g| g.kind != "DATE").collect();
    for p in preds {
        let span = (p.start, p.end);
        let hit: Vec<&&Gold> = dates
            .iter()
            .filter(|g| overlaps(span, (g.start, g.end)))
            .collect();
        if hit.is_empty() {
            if others.iter().any(|g| overlaps(span, (g.start, g.end))) {
                continue;
            }
            for m in [&mut scores.relaxed, &mut scores.strict, &mut scores.value] {
                m.n_pred += 1;
            }
            errors.push(Error {
                what: "FP",
                doc: doc.name.clone(),
                surface: doc.text[p.start..p.end].to_string(),
                gold: String::new(),
                got: p
                    .parts
                    .iter()
                    .map(|x| x.2.as_str())
                    .collect::<Vec<_>>()
                    .join("/"),
                context: context(&doc.text, p.start, p.end),
            });
            continue;
        }
        for m in [&mut scores.relaxed, &mut scores.strict, &mut scores.value] {
            m.n_pred += 1;
        }
        scores.relaxed.tp_pred += 1;
        if hit.iter().any(|g| (g.start, g.end) == span) {
            scores.strict.tp_pred += 1;
        }
        if hit
            .iter()
            .any(|g| part_value(p, g) == Some(g.value.as_str()))
        {
            scores.value.tp_pred += 1;
        }
    }
    for g in &dates {
        for m in [&mut scores.relaxed, &mut scores.strict, &mut scores.value] {
            m.n_gold += 1;
        }
        let hit: Vec<&Pred> = preds
            .iter()
            .filter(|p| overlaps((p.start, p.end), (g.start, g.end)))
            .collect();
        let surface = doc.text[g.start..g.end].to_string();
        if hit.is_empty() {
            errors.push(Error {
                what: "FN",
                doc: doc.name.clone(),
                surface,
                gold: g.value.clone(),
                got: String::new(),
                context: context(&doc.text, g.start, g.end),
            });
            continue;
        }
        scores.relaxed.tp_gold += 1;
        if hit.iter().any(|p| (p.start, p.end) == (g.start, g.end)) {
            scores.strict.tp_gold += 1;
        }
        if hit
            .iter()
            .any(|p| part_value(p, g) == Some(g.value.as_str()))
        {
            scores.value.tp_gold += 1;
        } else {
            let p = hit[0];
            errors.push(Error {
                what: "VAL",
                doc: doc.name.clone(),
                surface,
                gold: g.value.clone(),
                got: format!(
                    "{} ({})",
                    part_value(p, g).unwrap_or(""),
                    &doc.text[p.start..p.end]
                ),
                context: context(&doc.text, g.start, g.end),
            });
        }
    }
}

/// Prints the three figures.
pub fn print(system: &str, docs: usize, s: &Scores) {
    println!(
        "{system} on {docs} TimeML documents, gold DATE TIMEX3s: {}",
        s.relaxed.n_gold
    );
    println!("  predictions counted: {}", s.relaxed.n_pred);
    for (name, m) in [
        ("relaxed span", &s.relaxed),
        ("strict span", &s.strict),
        ("value", &s.value),
    ] {
        println!(
            "  {name:<13} P {:.3}  R {:.3}  F1 {:.4}  ({} of {} predictions, {} of {} gold)",
            m.p(),
            m.r(),
            m.f1(),
            m.tp_pred,
            m.n_pred,
            m.tp_gold,
            m.n_gold
        );
    }
}

/// Prints errors, grouped by kind.
pub fn print_errors(errors: &[Error]) {
    for what in ["FP", "FN", "VAL"] {
        for e in errors.iter().filter(|e| e.what == what) {
            println!(
                "{what}\t{}\t{:?}\tgold={}\tgot={}\t{}",
                e.doc, e.surface, e.gold, e.got, e.context
            );
        }
    }
}
