//! What the integration tests share: running the binary and reading its JSON.

use assert_cmd::Command;
use serde_json::Value;
use std::ffi::OsStr;

/// Runs `crosscheck` with `args`; its exit code and its stdout read as JSON.
pub fn json<I, S>(args: I) -> (i32, Value)
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), v)
}
