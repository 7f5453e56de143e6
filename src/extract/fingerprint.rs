//! What a document looks like as a source, read once while its text is at
//! hand (the text is not kept): its length, the spinner phrases it uses, and
//! two small sketches that tell copies and rewrites of it apart from
//! independent reports.
//!
//! - The *names* sketch shingles the sequence of hard tokens (numbers and
//!   capitalised names, outside quotations) four at a time. A spinner swaps
//!   common words for synonyms but keeps the names and figures in their
//!   order, so a spun rewrite keeps nearly all of these shingles; two
//!   independent reports of one event share the names but rarely four in the
//!   same order. Quotations are left out because independent reports quote
//!   the same statements.
//! - The *text* sketch shingles every word three at a time: a plain copy keeps
//!   them, a spun rewrite loses most.
//!
//! Both are bottom-k sketches (the k smallest distinct shingle hashes), which
//! estimate Jaccard similarity from a few hundred bytes per document.

use super::spin::{CanonicalText, Lexicon};
use crate::lang::words;
use crate::model::{Profile, Sketch, SpinHit, Word};
use crate::text::{char_at, LineIndex};

/// Shingle hashes kept per sketch.
pub const SKETCH_SIZE: usize = 64;
const NAME_SHINGLE: usize = 4;
const WORD_SHINGLE: usize = 3;

/// Reads `body` (the document after front matter, starting at byte
/// `body_start` of the file) through its canonical view `canon`.
pub fn profile(
    file: &str,
    body_start: usize,
    canon: &CanonicalText,
    lines: &LineIndex,
    lex: &Lexicon,
) -> Profile {
    let mut spin: Vec<SpinHit> = Vec::new();
    let body = &file[body_start..];
    for &(off, i) in &canon.hits {
        let e = &lex.entries[i];
        match spin
            .iter_mut()
            .find(|h| h.original == e.original && h.spun == e.spun)
        {
            Some(h) => h.count += 1,
            None => {
                let end = (off + e.spun.len()).min(body.len());
                let written = body.get(off..end).unwrap_or(&e.spun);
                spin.push(SpinHit {
                    spun: e.spun.clone(),
                    written: written.split_whitespace().collect::<Vec<_>>().join(" "),
                    original: e.original.clone(),
                    line: lines.position(file, body_start + off).0,
                    count: 1,
                });
            }
        }
    }

    let mut words = 0usize;
    let mut hard: Vec<u64> = Vec::new();
    let mut all: Vec<u64> = Vec::new();
    let mut in_quote = false;
    let mut telling: foldhash::HashMap<String, u32> = Default::default();
    let mut names_used: Vec<u64> = Vec::new();
    // The previous word when it was a name, and a buffer for the pair: no
    // allocation per word of the document.
    let mut prev_name = String::new();
    let mut after_name = false;
    let mut pair = String::new();
    let mut buf = String::with_capacity(32);
    for (tok, quote_before) in tokens(&canon.text) {
        if let Some(q) = quote_before {
            in_quote = q;
        }
        let Tok::Word(w) = tok else {
            // A line break ends any quotation a writer forgot to close.
            in_quote = false;
            continue;
        };
        words += 1;
        // Every word is hashed, and read in lower case into one buffer (a
        // word not ASCII is the rare one that allocates).
        let (h, lower) = hash_and_lower(w, &mut buf);
        all.push(h);
        let first = w.chars().next().unwrap_or(' ');
        let digit = first.is_ascii_digit();
        let cap = first.is_uppercase();
        let bare = match lower.as_bytes() {
            // An ASCII word can only end in a straight "'s".
            [.., b'\'', b's'] => &lower[..lower.len() - 2],
            _ if lower.is_ascii() => &lower,
            _ => lower.strip_suffix("\u{2019}s").unwrap_or(&lower),
        };
        let class = if digit {
            words::Class::default()
        } else {
            words::class(bare)
        };
        let bare_listed = class.listed;
        match story_word(bare, cap, digit || bare_listed, class.zipf, &mut telling) {
            Some(name) => {
                names_used.push(name_hash(name));
                if after_name {
                    pair.clear();
                    pair.push_str(&prev_name);
                    pair.push(' ');
                    pair.push_str(name);
                    names_used.push(name_hash(&pair));
                }
                prev_name.clear();
                prev_name.push_str(name);
                after_name = true;
            }
            None => after_name = false,
        }
        if in_quote {
            continue;
        }
        // A hard token: a figure, or a capitalised word no stop word (the
        // lookup already made when no "'s" was cut).
        let is_hard = digit
            || (cap
                && if bare.len() == lower.len() {
                    !bare_listed
                } else {
                    !words::class(&lower).listed
                });
        if is_hard {
            hard.push(h);
        }
    }
    Profile {
        words,
        spin,
        names: sketch(&hard, NAME_SHINGLE),
        text: sketch(&all, WORD_SHINGLE),
        story: story_keys(telling),
        names_used: {
            names_used.sort_unstable();
            names_used.dedup();
            // Kept for the whole run, and most of its pushes were repeats.
            names_used.shrink_to_fit();
            names_used
        },
    }
}

/// Words kept in a document's story signature.
pub const STORY_KEYS: usize = 40;

/// Counts a word that tells a story apart: a name (capitalised, not a
/// function word) or a word rare in English. `bare` is the word in lower
/// case without its "'s"; `skip` says it is a figure or a stop or function
/// word; `z` is its Zipf frequency. Returns a name.
fn story_word<'w>(
    bare: &'w str,
    cap: bool,
    skip: bool,
    z: Option<f32>,
    counts: &mut foldhash::HashMap<String, u32>,
) -> Option<&'w str> {
    if skip {
        return None;
    }
    let rare = (cap && z.is_none_or(|z| z < 5.0)) || z.is_none_or(|z| z < 3.5);
    if bare.len() >= 3 && rare {
        match counts.get_mut(bare) {
            Some(n) => *n += 1,
            None => {
                counts.insert(bare.to_string(), 1);
            }
        }
    }
    cap.then_some(bare)
}

/// The hash a name is kept by in [`Profile::names_used`].
pub fn name_hash(lower: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(lower.as_bytes())
}

/// The heaviest story words: rarity in English times (1 + ln uses).
fn story_keys(counts: foldhash::HashMap<String, u32>) -> Box<[(Word, f32)]> {
    let mut keys: Vec<(String, f32)> = counts
        .into_iter()
        .map(|(w, n)| {
            let wt = words::weight(&w) * (1.0 + (n as f32).ln());
            (w, wt)
        })
        .collect();
    keys.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    keys.truncate(STORY_KEYS);
    // Kept for the whole run, one list per document and exactly its size;
    // each word interned: the names of a story recur in its every version.
    keys.into_iter()
        .map(|(w, wt)| (Word::new(&w), wt))
        .collect()
}

enum Tok<'a> {
    Word(&'a str),
    LineBreak,
}

/// Words (letters and digits, with inner apostrophes, hyphens, and points or
/// commas between digits) and line breaks; each with the quotation state a
/// quote mark just before it set (`Some(true)` opened, `Some(false)` closed).
///
/// Nearly every byte of a document is ASCII, and an ASCII byte is read as a
/// byte; only a multi-byte character is decoded.
fn tokens(text: &str) -> impl Iterator<Item = (Tok<'_>, Option<bool>)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    let mut straight_open = false;
    std::iter::from_fn(move || {
        let mut quote = None;
        while i < b.len() {
            let (c, len) = char_at(text, i);
            if c.is_alphanumeric() {
                let start = i;
                let mut end = i + len;
                loop {
                    while end < b.len() && b[end].is_ascii_alphanumeric() {
                        end += 1;
                    }
                    if end >= b.len() {
                        break;
                    }
                    let (d, dl) = char_at(text, end);
                    if d.is_alphanumeric() {
                        end += dl;
                        continue;
                    }
                    let joins = match d {
                        '\'' | '\u{2019}' | '-' => {
                            end + dl < b.len() && char_at(text, end + dl).0.is_alphanumeric()
                        }
                        // The last character read is an ASCII digit exactly
                        // when its last byte is one.
                        '.' | ',' => {
                            b[end - 1].is_ascii_digit()
                                && b.get(end + dl).is_some_and(u8::is_ascii_digit)
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    end += dl;
                }
                i = end;
                return Some((Tok::Word(&text[start..end]), quote));
            }
            i += len;
            match c {
                '\n' => {
                    straight_open = false;
                    return Some((Tok::LineBreak, quote));
                }
                '\u{201C}' => quote = Some(true),
                '\u{201D}' => quote = Some(false),
                '"' => {
                    straight_open = !straight_open;
                    quote = Some(straight_open);
                }
                _ => {}
            }
        }
        None
    })
}

/// [`hash_lowercase`] and the word in lower case. An ASCII word (nearly
/// every word) is lowercased into `buf`, a `String` reused for every word,
/// and hashed from there: no allocation and no UTF-8 check per word.
fn hash_and_lower<'b>(w: &str, buf: &'b mut String) -> (u64, std::borrow::Cow<'b, str>) {
    if w.is_ascii() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        (fnv(buf.bytes()), std::borrow::Cow::Borrowed(buf.as_str()))
    } else {
        (hash_lowercase(w), std::borrow::Cow::Owned(w.to_lowercase()))
    }
}

/// The hash of the word's lowercase form (without building it): stable
/// across runs and platforms, which a sketch compared between runs needs.
/// An ASCII word lowered byte by byte hashes alike (see the tests).
fn hash_lowercase(w: &str) -> u64 {
    fnv(w.chars().flat_map(char::to_lowercase).flat_map(|c| {
        let mut b = [0u8; 4];
        let n = c.encode_utf8(&mut b).len();
        b.into_iter().take(n)
    }))
}

/// FNV-1a over `bytes`, then a final mix.
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

fn sketch(tokens: &[u64], k: usize) -> Sketch {
    if tokens.len() < k {
        return Sketch::default();
    }
    let mut hashes: Vec<u32> = tokens
        .windows(k)
        .map(|w| {
            let h = w.iter().fold(0u64, |acc, &t| mix(acc.rotate_left(17) ^ t));
            (h >> 32) as u32
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let size = hashes.len() as u32;
    hashes.truncate(SKETCH_SIZE);
    // As for the story keys: the sketch outlives the shingles it was cut from.
    hashes.shrink_to_fit();
    Sketch { mins: hashes, size }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::spin::canonicalise;

    #[test]
    fn words_hash_alike_whatever_their_case() {
        for (a, b) in [
            ("Harbour", "harbour"),
            ("ÉLYSÉE", "élysée"),
            ("O’Brien", "o’brien"),
        ] {
            assert_eq!(hash_lowercase(a), hash_lowercase(b), "{a}");
        }
        assert_ne!(hash_lowercase("harbour"), hash_lowercase("harbours"));
    }

    #[test]
    fn the_ascii_reading_of_a_word_is_the_general_one() {
        for w in [
            "Harbour",
            "O'Brien's",
            "ÉLYSÉE",
            "AK-47",
            &"Long".repeat(10),
        ] {
            let mut buf = String::new();
            let (h, lower) = hash_and_lower(w, &mut buf);
            assert_eq!(h, hash_lowercase(w), "{w}");
            assert_eq!(lower, w.to_lowercase(), "{w}");
        }
    }

    /// The reading `tokens` replaced, every character decoded: its words
    /// and line breaks ("\n").
    fn words_by_char(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if !c.is_alphanumeric() {
                if c == '\n' {
                    out.push("\n".to_string());
                }
                i += c.len_utf8();
                continue;
            }
            let (start, mut end, mut prev) = (i, i + c.len_utf8(), c);
            while let Some(d) = text[end..].chars().next() {
                if d.is_alphanumeric() {
                    prev = d;
                    end += d.len_utf8();
                    continue;
                }
                let next = text[end + d.len_utf8()..].chars().next();
                let joins = match d {
                    '\'' | '\u{2019}' | '-' => next.is_some_and(char::is_alphanumeric),
                    '.' | ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                };
                if !joins {
                    break;
                }
                end += d.len_utf8();
            }
            out.push(text[start..end].to_string());
            i = end;
        }
        out
    }

    #[test]
    fn words_are_read_byte_by_byte_as_they_were_char_by_char() {
        for text in [
            ARTICLE,
            "O’Brien’s AK-47s cost 1,250.50 in 2021. – Jean-Luc said “Île-de-France 3,5%”.\n",
            "Ünïcödé wörds, 北京 2024年, naïve café—x 4.5-6 ’tis ‘quoted’ 7, 8.\n\n\"a\" b",
            "ends with a joiner- 12. 3, and' 9.",
            "",
            "é",
        ] {
            let fast: Vec<String> = tokens(text)
                .map(|(t, _)| match t {
                    Tok::Word(w) => w.to_string(),
                    Tok::LineBreak => "\n".to_string(),
                })
                .collect();
            assert_eq!(fast, words_by_char(text), "{text}");
        }
    }

    fn prof(text: &str) -> Profile {
        let lex = Lexicon::bundled();
        let canon = canonicalise(text, lex);
        profile(text, 0, &canon, &LineIndex::new(text), lex)
    }

    const ARTICLE: &str = "The Harbour Board said on Tuesday that 14 ferries from Port Elliot \
        were delayed after the storm. Director Maria Okafor told reporters the Elliot terminal \
        would reopen on March 3. A review by the Coastal Authority found 6 faults in the \
        Harbour Board's ships since 2021, and the Board's budget of $4 million will be cut.";

    #[test]
    fn a_spun_rewrite_keeps_the_names_but_not_the_words() {
        let spun = "The Harbour Board stated on Tuesday that 14 ferries from Port Elliot \
            had been postponed after the tempest. Director Maria Okafor informed journalists \
            the Elliot terminal would reopen on March 3. An evaluation by the Coastal Authority \
            discovered 6 flaws in the Harbour Board's vessels since 2021, and the Board's funds \
            of $4 million will likely be minimize.";
        let (a, b) = (prof(ARTICLE), prof(spun));
        assert!(
            a.names.jaccard(&b.names) > 0.8,
            "{}",
            a.names.jaccard(&b.names)
        );
        assert!(a.text.jaccard(&b.text) < 0.4, "{}", a.text.jaccard(&b.text));
    }

    #[test]
    fn quotations_are_not_names() {
        let a = prof("Officials said “Maria Okafor Visited Port Elliot In March 2024” yesterday.");
        assert!(a.names.mins.is_empty());
    }

    #[test]
    fn spinner_phrases_are_counted_with_their_first_line() {
        let p =
            prof("The Division of Investigation said so.\nThe Division of Investigation agreed.\n");
        assert_eq!(p.spin.len(), 1);
        assert_eq!(p.spin[0].count, 2);
        assert_eq!(p.spin[0].line, 1);
        assert_eq!(p.spin[0].original, "Department of Investigation");
        assert_eq!(p.words, 11);
    }
}
