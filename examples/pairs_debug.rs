//! Prints the frame pairs between documents, with scores (a development aid).
use crosscheck::align::Aligned;
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let mut run = crosscheck::extract_paths(&paths, &Default::default());
    // AGAINST=1: the first document is a draft checked against the others.
    let mut drafts = vec![false; run.extractions.len()];
    if std::env::var("AGAINST").is_ok() {
        drafts[0] = true;
    }
    // Dated as `check` dates them.
    crosscheck::settle_references(
        &mut run.extractions,
        &drafts,
        &Default::default(),
        &Default::default(),
    );
    let ex = &run.extractions;
    let al = Aligned::for_drafts(ex, &vec![1; ex.len()], drafts);
    let floors = crosscheck::align::Floors {
        inferred: -9.0,
        against: -9.0,
    };
    for (a, b, s) in al.frame_pairs(|_| true, floors) {
        let (ca, cb) = (al.claim(a), al.claim(b));
        println!("{s:.2}  {} | {}", ca.surface(), cb.surface());
        println!(
            "      A {}:{} {}  {:?}",
            ex[al.items[a].doc].path.rsplit('/').next().unwrap(),
            ca.line,
            ca.frame.attribute,
            ca.frame.context.iter().take(6).collect::<Vec<_>>()
        );
        println!(
            "      B {}:{} {}  {:?}",
            ex[al.items[b].doc].path.rsplit('/').next().unwrap(),
            cb.line,
            cb.frame.attribute,
            cb.frame.context.iter().take(6).collect::<Vec<_>>()
        );
    }
}
