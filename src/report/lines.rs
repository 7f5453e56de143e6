//! JSON Lines for archives: formatted in parallel, written in order, and
//! formatted once for all the copies of one text.
//!
//! An archive holds a wire story many times over. Copies share one list of
//! claims, so their lines (a claim, or a finding given to every copy) differ
//! in nothing but the document's path. Such a line is formatted once with a
//! placeholder for the path, cut at the placeholder, and filled in with each
//! copy's path: the bytes are those a full formatting gives, at the cost of
//! a copy. At 1 GB, nine lines in ten are copies.

use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;
use std::io::{self, Write};

/// The path a template is formatted with. No path can hold a NUL (neither
/// the operating system's nor an export's `FILE#N`), so the formatted
/// placeholder marks the path's place and nothing else.
pub(crate) const PLACEHOLDER: &str = "\0";

/// `"path":"\u0000"`: the placeholder as a `path` field. Inside a JSON
/// string every quote is escaped, so these bytes only ever are a key and
/// its value.
const HOLE_KEY: &[u8] = b"\"path\":";
const HOLE_VALUE: &[u8] = b"\"\\u0000\"";

/// Formatted lines with holes where the path goes.
struct Template {
    bytes: Vec<u8>,
    /// Where each placeholder value starts, in order.
    holes: Vec<usize>,
}

impl Template {
    fn cut(bytes: Vec<u8>) -> Template {
        let mut hole = HOLE_KEY.to_vec();
        hole.extend_from_slice(HOLE_VALUE);
        let holes = memchr::memmem::find_iter(&bytes, &hole)
            .map(|at| at + HOLE_KEY.len())
            .collect();
        Template { bytes, holes }
    }

    /// The lines with `quoted` (a JSON string, quotes included) in every
    /// hole.
    fn fill(&self, quoted: &[u8], out: &mut Vec<u8>) {
        out.reserve(self.bytes.len() + self.holes.len() * quoted.len());
        let mut from = 0;
        for &at in &self.holes {
            out.extend_from_slice(&self.bytes[from..at]);
            out.extend_from_slice(quoted);
            from = at + HOLE_VALUE.len();
        }
        out.extend_from_slice(&self.bytes[from..]);
    }
}

/// How one batch item is formatted.
enum Plan {
    Direct,
    Fill(usize),
}

/// What [`write`] needs to know of the items it writes.
pub(crate) trait Lines: Sync {
    type Item: Sync;
    /// Items that may be copies of each other share a key.
    type Key: Hash + Eq + Copy + Send + Sync;
    fn key(&self, item: &Self::Item) -> Self::Key;
    /// Whether two items of one key format alike but for their paths.
    fn same(&self, a: &Self::Item, b: &Self::Item) -> bool;
    fn path<'a>(&'a self, item: &'a Self::Item) -> &'a str;
    /// Appends the item's lines, `path` standing for its own path if given.
    fn format(&self, item: &Self::Item, path: Option<&str>, out: &mut Vec<u8>) -> io::Result<()>;
}

/// Writes every item's lines in order, `batch` items formatted at a time in
/// parallel, so the output of a large corpus is never held whole. Items
/// whose key others share are formatted once per distinct content; each
/// template is dropped after the last item that uses it.
pub(crate) fn write<L: Lines>(
    lines: &L,
    items: &[L::Item],
    batch: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let keys: Vec<L::Key> = items.par_iter().map(|it| lines.key(it)).collect();
    let mut left: HashMap<L::Key, usize, foldhash::fast::RandomState> = HashMap::default();
    for k in &keys {
        *left.entry(*k).or_default() += 1;
    }
    // Live templates, and the item each is (or is to be) made from.
    let mut slots: Vec<Option<Template>> = Vec::new();
    let mut made_from: Vec<usize> = Vec::new();
    let mut by_key: HashMap<L::Key, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
    let mut free: Vec<usize> = Vec::new();
    let batch = batch.max(1);
    for start in (0..items.len()).step_by(batch) {
        let end = (start + batch).min(items.len());
        let mut plans = Vec::with_capacity(end - start);
        let mut to_make: Vec<usize> = Vec::new();
        for (i, item) in items.iter().enumerate().take(end).skip(start) {
            let k = keys[i];
            if left[&k] == 1 && !by_key.contains_key(&k) {
                plans.push(Plan::Direct);
                continue;
            }
            let live = by_key.entry(k).or_default();
            let found = live
                .iter()
                .copied()
                .find(|&s| lines.same(&items[made_from[s]], item));
            let s = match found {
                Some(s) => s,
                None => {
                    let s = free.pop().unwrap_or_else(|| {
                        slots.push(None);
                        made_from.push(i);
                        slots.len() - 1
                    });
                    made_from[s] = i;
                    to_make.push(s);
                    live.push(s);
                    s
                }
            };
            plans.push(Plan::Fill(s));
        }
        let made: Vec<io::Result<Template>> = to_make
            .par_iter()
            .map(|&s| {
                let mut buf = Vec::new();
                lines.format(&items[made_from[s]], Some(PLACEHOLDER), &mut buf)?;
                Ok(Template::cut(buf))
            })
            .collect();
        for (t, &s) in made.into_iter().zip(&to_make) {
            slots[s] = Some(t?);
        }
        let bufs: Vec<io::Result<Vec<u8>>> = (start..end)
            .into_par_iter()
            .zip(plans.par_iter())
            .map(|(i, plan)| {
                let mut buf = Vec::new();
                match plan {
                    Plan::Direct => lines.format(&items[i], None, &mut buf)?,
                    Plan::Fill(s) => {
                        let quoted = serde_json::to_vec(lines.path(&items[i]))?;
                        let t = slots[*s].as_ref().expect("made");
                        t.fill(&quoted, &mut buf);
                    }
                }
                Ok(buf)
            })
            .collect();
        for buf in bufs {
            out.write_all(&buf?)?;
        }
        for k in &keys[start..end] {
            let n = left.get_mut(k).expect("counted");
            *n -= 1;
            if *n == 0 {
                left.remove(k);
                if let Some(live) = by_key.remove(k) {
                    for s in live {
                        slots[s] = None;
                        free.push(s);
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Line<'a> {
        n: usize,
        path: &'a str,
        text: &'a str,
    }

    /// (path, group, text): a group's items are copies when their texts
    /// agree.
    struct Items;

    impl Lines for Items {
        type Item = (String, usize, String);
        type Key = usize;
        fn key(&self, item: &Self::Item) -> usize {
            item.1
        }
        fn same(&self, a: &Self::Item, b: &Self::Item) -> bool {
            a.2 == b.2
        }
        fn path<'a>(&'a self, item: &'a Self::Item) -> &'a str {
            &item.0
        }
        fn format(
            &self,
            item: &Self::Item,
            path: Option<&str>,
            out: &mut Vec<u8>,
        ) -> io::Result<()> {
            // Two lines per item, so that a template has several holes.
            for n in 0..2 {
                let line = Line {
                    n,
                    path: path.unwrap_or(&item.0),
                    text: &item.2,
                };
                serde_json::to_writer(&mut *out, &line)?;
                out.push(b'\n');
            }
            Ok(())
        }
    }

    fn plain(items: &[(String, usize, String)]) -> Vec<u8> {
        let mut out = Vec::new();
        for it in items {
            Items.format(it, None, &mut out).unwrap();
        }
        out
    }

    #[test]
    fn copies_filled_in_from_one_template_read_as_if_each_were_formatted() {
        // Paths that need escaping, texts that mention paths and NULs, and
        // groups whose members differ, spread over several batches.
        let texts = [
            "said \"path\":\"x\"",
            "a\0b",
            "plain",
            "\"path\":\"\\u0000\"",
        ];
        let items: Vec<(String, usize, String)> = (0..50)
            .map(|i| {
                (
                    format!("dir \"{i}\"\\é/{i}.txt"),
                    i % 7,
                    texts[(i / 7 + i % 2) % texts.len()].to_string(),
                )
            })
            .collect();
        for batch in [1, 3, 8, 64] {
            let mut out = Vec::new();
            write(&Items, &items, batch, &mut out).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                String::from_utf8(plain(&items)).unwrap(),
                "batch {batch}"
            );
        }
    }

    #[test]
    fn a_template_has_a_hole_for_every_path_and_none_inside_strings() {
        let mut buf = Vec::new();
        let it = ("p".to_string(), 0, "\"path\":\"\\u0000\" \0".to_string());
        Items.format(&it, Some(PLACEHOLDER), &mut buf).unwrap();
        let t = Template::cut(buf);
        assert_eq!(t.holes.len(), 2);
        let mut out = Vec::new();
        t.fill(b"\"q\"", &mut out);
        let mut want = Vec::new();
        Items
            .format(&("q".to_string(), 0, it.2.clone()), None, &mut want)
            .unwrap();
        assert_eq!(out, want);
    }
}
