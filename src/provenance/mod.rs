//! Provenance: which documents are one source. An archive holds the same
//! wire story many times, and content farms rewrite what they copy; copies
//! and rewrites of one text must count once for support and for opposition.
//!
//! - [`wire`]: identical copies (same reference, same claims), judged once
//!   through stand-ins and given their findings back after;
//! - [`copies`]: copies and rewrites found by their names sketch and text
//!   (see `extract::fingerprint`), and the sources they make;
//! - [`sources_of`]: both together, each document's independent source.
//!
//! It reads extractions only, so it sits beside `align`: the judge asks it
//! which documents are one source while the rules relate claims.

pub mod copies;
pub mod wire;

/// Per document: its independent source, named by its first document.
/// Copies and rewrites (`links`) are one source, and so are the documents
/// a stand-in stands for (and its twin's), whether or not their names
/// sketch could tell.
pub fn sources_of(n_docs: usize, links: &[copies::Link], wire: &wire::Copies) -> Vec<usize> {
    let mut all = links.to_vec();
    for (s, members) in wire.members.iter().enumerate() {
        let mut group: Vec<usize> = members.clone();
        if let Some(t) = wire.twin[s] {
            group.push(wire.members[t][0]);
        }
        all.extend(group[1..].iter().map(|&m| copies::Link {
            a: group[0],
            b: m,
            names: 1.0,
            text: 1.0,
        }));
    }
    copies::sources(n_docs, &all)
}
