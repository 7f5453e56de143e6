//! Organisations and people a sentence names.

/// Names and acronyms in `sentence`, in order of appearance, deduplicated.
pub fn find(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in sentence.split(|c: char| !c.is_alphanumeric()) {
        if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) && !out.iter().any(|o| o == w)
        {
            out.push(w.to_string());
        }
    }
    out
}
