//! Prints the frame pairs between documents, with scores (a development aid).
use crosscheck::align::Aligned;
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let run = crosscheck::extract_paths(&paths, &Default::default());
    let ex = &run.extractions;
    let mut drafts = vec![false; ex.len()];
    if std::env::var("AGAINST").is_ok() {
        drafts[0] = true;
    }
    let al = Aligned::for_drafts(ex, &vec![1; ex.len()], drafts);
    for (a, b, s) in al.frame_pairs(|_| true, |_, _| -9.0) {
        let (ca, cb) = (al.claim(a), al.claim(b));
        println!("{s:.2}  {} | {}", ca.surface, cb.surface);
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
