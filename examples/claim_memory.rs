//! Estimates where the memory of an archive's claims goes, field by field
//! (payload bytes, before allocator rounding): a development aid for the
//! memory of `check` on large archives.
use crosscheck::model::ClaimValue;
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let run = crosscheck::extract_paths(&paths, &Default::default());
    let ex = &run.extractions;
    let (mut n, mut ctx, mut ent, mut val) = (0usize, 0usize, 0usize, 0usize);
    let mut sents = 0usize;
    let (mut sent_b, mut act_b) = (0usize, 0usize);
    let mut prof = 0usize;
    let mut pathb = 0usize;
    let mut kinds = std::collections::BTreeMap::new();
    for e in ex {
        pathb += e.path.len();
        let p = &e.profile;
        prof += p.story.len() * 16
            + p.names_used.len() * 8
            + (p.names.mins.len() + p.text.mins.len()) * 4
            + p.spin.len() * 32;
        for (k, c) in e.claims.iter().enumerate() {
            n += 1;
            *kinds.entry(c.kind.as_str()).or_insert(0usize) += 1;
            ctx += c
                .frame
                .context
                .iter()
                .map(|(w, _)| w.len() + 2)
                .sum::<usize>();
            ent += c.frame.entities.len() * 8;
            // Units, currencies and date values are interned words: no
            // string of their own.
            val += match &c.value {
                ClaimValue::Quote { quote, speaker } => {
                    quote.capacity() + speaker.as_ref().map_or(0, |s| s.capacity())
                }
                _ => 0,
            };
            // A sentence's claims follow one another and share its text
            // and names.
            if k == 0 || !e.claims[k - 1].shares_sentence(c) {
                sents += 1;
                sent_b += c.sentence().len();
                act_b += c.actors().len() * 8;
            }
        }
    }
    println!("docs {} claims {} sentences {}", ex.len(), n, sents);
    println!(
        "claim structs {} MB",
        (n * std::mem::size_of::<crosscheck::model::Claim>()) >> 20
    );
    for (k, v) in [
        ("context", ctx),
        ("entities", ent),
        ("value heap", val),
        ("sentences", sent_b),
        ("actors", act_b),
        ("profiles", prof),
        ("paths", pathb),
    ] {
        println!(
            "{k:12} {:6} MB  {:5.1} B/claim",
            v >> 20,
            v as f64 / n as f64
        );
    }
    println!("{kinds:?}");
}
