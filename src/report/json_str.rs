//! A JSON string written byte for byte as serde_json writes it, eight bytes
//! at a time: prose rarely holds a byte that needs escaping, so a word of
//! eight bytes is tested at once and copied whole, where serde_json reads
//! a string a byte at a time through a table.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `x` is below 0x20, a quote mark or a backslash. It may
/// say yes for a word that holds none (a borrow across bytes), never no for
/// one that does: such a word is then read a byte at a time.
fn needs_escape(x: u64) -> bool {
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let quote = {
        let y = x ^ (ONES * b'"' as u64);
        y.wrapping_sub(ONES) & !y
    };
    let backslash = {
        let y = x ^ (ONES * b'\\' as u64);
        y.wrapping_sub(ONES) & !y
    };
    (control | quote | backslash) & HIGHS != 0
}

fn escape_byte(b: u8, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        b if b < 0x20 => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 0xf) as usize]);
        }
        b => out.push(b),
    }
}

/// `s` as a JSON string, quote marks included, appended to `out`.
pub fn write_quoted(s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    // `clean` is where the bytes not yet written start; runs of words that
    // need no escape are copied at once.
    let (mut clean, mut i) = (0, 0);
    while i + 8 <= b.len() {
        let word = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        if needs_escape(word) {
            out.extend_from_slice(&b[clean..i]);
            for &c in &b[i..i + 8] {
                escape_byte(c, out);
            }
            clean = i + 8;
        }
        i += 8;
    }
    // The last bytes, padded with a letter to a word of their own.
    let mut last = [b'a'; 8];
    last[..b.len() - i].copy_from_slice(&b[i..]);
    if needs_escape(u64::from_le_bytes(last)) {
        out.extend_from_slice(&b[clean..i]);
        for &c in &b[i..] {
            escape_byte(c, out);
        }
    } else {
        out.extend_from_slice(&b[clean..]);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> String {
        let mut out = Vec::new();
        write_quoted(s, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_every_string_as_serde_json_does() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain prose of more than eight bytes".into(),
            "He said \"no\" \u{2014} twice.".into(),
            "C:\\path\\to\tfile\r\n".into(),
            "\u{201c}Élysée\u{201d} £1.5m, 40% «ça»".into(),
            "end with a quote\"".into(),
        ];
        // Every byte below 0x80 at every place of a word, beside letters
        // and beside a byte of a multi-byte character.
        for c in 0u8..0x80 {
            for pad in 0..9 {
                cases.push(format!(
                    "{}{}é{}",
                    "a".repeat(pad),
                    c as char,
                    "b".repeat(9)
                ));
            }
        }
        for s in &cases {
            assert_eq!(quoted(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
