//! Any bytes, read as any kind of input, then every claim extracted: no
//! panic, and every claim's span lies on character boundaries of its text.
#![no_main]

use crosscheck::input::{self, Kind, Loaded};
use crosscheck::model::Document;
use libfuzzer_sys::fuzz_target;

fn check(doc: &Document) {
    let ex = crosscheck::extract::extract(doc, &Default::default());
    for c in &ex.claims {
        assert!(
            c.start <= c.end && c.end <= doc.text.len(),
            "span out of the text"
        );
        assert!(doc.text.is_char_boundary(c.start) && doc.text.is_char_boundary(c.end));
        assert_eq!(&doc.text[c.start..c.end], c.surface);
        assert!(c.line >= 1 && c.line <= doc.text.split('\n').count());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = match first % 4 {
        0 => Kind::Article,
        1 => Kind::Html,
        2 => Kind::Json,
        _ => Kind::JsonLines,
    };
    match input::load_bytes(rest.to_vec(), "fuzz", kind, &Default::default()) {
        Loaded::Document(doc, _) => check(&doc),
        Loaded::Records(r) => r.documents.iter().for_each(check),
        Loaded::Skipped(_) | Loaded::Failed(_) => {}
    }
});
