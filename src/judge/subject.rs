//! What a claim states a value of, in words, for messages.

/// What a claim states a value of, in words: "deaths", "number of
/// villages", "distance from Bandar Abbas", "age of Eric Kirkpatrick",
/// "date (strike)".
pub fn subject(c: &crate::model::Claim) -> String {
    let f = &c.frame;
    let title = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|h| h.to_uppercase().collect::<String>() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = match f.attribute.as_str() {
        "count" => match &f.of {
            Some(of) => format!("number of {}", crate::lang::morph::plural(of)),
            None => "number".into(),
        },
        "money" | "percent" => {
            let what = if f.attribute == "money" {
                "amount"
            } else {
                "percentage"
            };
            match &f.of {
                Some(of) => format!("{what} of the {of}"),
                None => what.into(),
            }
        }
        "age" => match &f.of {
            Some(p) => format!("age of {}", title(p)),
            None => "age".into(),
        },
        "distance" => match &f.place {
            Some(p) => format!("distance from {}", title(p)),
            None => "distance".into(),
        },
        "eps" => "earnings per share".into(),
        "date" => match &f.event {
            Some(e) => format!("date ({e})"),
            None => "date".into(),
        },
        other => other.replace('-', " "),
    };
    match f.change.as_deref() {
        Some("up") => format!("rise in {base}"),
        Some("down") => format!("fall in {base}"),
        _ => base,
    }
}
