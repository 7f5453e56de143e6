//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and a
//! Windows-1252 fallback for files that are not valid UTF-8.
//!
//! Every decoding keeps line breaks where they were, so a line number in the
//! decoded text is a line number in the file. Byte offsets match the file only
//! for UTF-8 (the BOM is kept for that reason).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How a file's bytes became text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8; read as Windows-1252. `at` is the first bad byte.
    Windows1252 {
        at: usize,
    },
}

impl Decoded {
    /// A note for the user when the text is not plain UTF-8, else `None`.
    pub fn note(&self) -> Option<String> {
        match self {
            Decoded::Utf8 => None,
            Decoded::Utf16Le => Some("decoded from UTF-16LE (byte order mark)".into()),
            Decoded::Utf16Be => Some("decoded from UTF-16BE (byte order mark)".into()),
            Decoded::Windows1252 { at } => Some(format!(
                "not valid UTF-8 (byte {at}); read as Windows-1252, byte offsets are into the decoded text"
            )),
        }
    }
}

/// What decoding found.
#[derive(Debug)]
pub enum Text {
    Text(String, Decoded),
    /// A NUL byte where text has none: the file is not text. Offset of the NUL.
    Binary(usize),
}

/// How far into a file to look for a NUL byte, as ripgrep and git do.
const SNIFF: usize = 8192;

/// Decodes file contents.
pub fn decode(bytes: Vec<u8>) -> Text {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            let how = if enc == UTF_16LE {
                Decoded::Utf16Le
            } else {
                Decoded::Utf16Be
            };
            return Text::Text(text.into_owned(), how);
        }
    }
    if let Some(nul) = memchr::memchr(0, &bytes[..bytes.len().min(SNIFF)]) {
        return Text::Binary(nul);
    }
    match String::from_utf8(bytes) {
        Ok(t) => Text::Text(t, Decoded::Utf8),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            // Windows-1252 maps every byte to one character and keeps `\n`
            // and `\r` as they are, so lines survive.
            let (text, _, _) = WINDOWS_1252.decode(e.as_bytes());
            Text::Text(text.into_owned(), Decoded::Windows1252 { at })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Decoded) {
        match decode(bytes.to_vec()) {
            Text::Text(t, d) => (t, d),
            Text::Binary(at) => panic!("binary at {at}"),
        }
    }

    #[test]
    fn utf8_bom_is_kept_so_offsets_match_the_file() {
        let (t, d) = text(b"\xEF\xBB\xBFHello");
        assert_eq!(t, "\u{feff}Hello");
        assert_eq!(d, Decoded::Utf8);
        assert!(d.note().is_none());
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Caf\u{e9}\r\nline"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(text(&le), ("Caf\u{e9}\r\nline".into(), Decoded::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("two\nlines".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&be), ("two\nlines".into(), Decoded::Utf16Be));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_keeping_lines() {
        let (t, d) = text(b"one\r\n\x93quoted\x94 \xA3300\ntwo");
        assert_eq!(t, "one\r\n\u{201c}quoted\u{201d} \u{a3}300\ntwo");
        assert_eq!(d, Decoded::Windows1252 { at: 5 });
        assert!(d.note().unwrap().contains("byte 5"));
    }

    #[test]
    fn nul_means_binary_but_only_without_a_utf16_bom() {
        assert!(matches!(decode(b"ab\0cd".to_vec()), Text::Binary(2)));
        assert!(matches!(decode(Vec::new()), Text::Text(t, Decoded::Utf8) if t.is_empty()));
    }
}
