//! Prints the story links of the documents given (a development aid).
use crosscheck::align::story::Stories;
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let run = crosscheck::extract_paths(&paths, &Default::default());
    let ex = &run.extractions;
    let st = Stories::of(ex, &vec![1; ex.len()], &vec![false; ex.len()]);
    if std::env::var("KEYS").is_ok() {
        for e in ex {
            println!(
                "{} {:?}",
                e.path,
                e.profile.story.iter().map(|x| &x.0).collect::<Vec<_>>()
            );
        }
    }
    for (a, l) in st.links.iter().enumerate() {
        for (k, &b) in l.iter().enumerate() {
            if b > a {
                println!("{:.3} {} {}", st.sims[a][k], ex[a].path, ex[b].path);
            }
        }
    }
}
