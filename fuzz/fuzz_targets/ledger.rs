//! Any text as a ledger file: an error or a ledger, never a panic.
#![no_main]

use crosscheck::ledger::Ledger;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut ledger = Ledger::default();
        if let Err(e) = ledger.add_str(text, "fuzz.yaml") {
            // Errors are located in the file, never past its end. YAML
            // also breaks lines at a lone CR, NEL, U+2028 and U+2029.
            let lines = 1 + text
                .replace("\r\n", "\n")
                .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
                .count();
            if let Some(line) = e.line {
                assert!(line >= 1 && line <= lines + 1, "{e}");
            }
        }
    }
});
