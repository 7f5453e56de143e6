//! GitHub Actions workflow commands: one annotation per finding, the full
//! report as a collapsed log group, then a summary line.
//!
//! GitHub shows at most 10 error and 10 warning annotations per step, so the
//! annotations alone could hide findings; the log group holds all of them.

use super::check::{CheckReport, TableReporter};
use super::Reporter;
use crate::judge::Severity;
use std::io::{self, Write};

pub struct GithubReporter {
    /// Findings below this severity are neither annotated nor in the log
    /// group: 59 notes would bury the errors on a pull request's diff.
    pub min_severity: Severity,
}

/// Escapes a command's message (the text after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value (`file=`, `title=`): as data, and also
/// `:` and `,`, which would end the property.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Reporter<CheckReport<'_>> for GithubReporter {
    fn write(&self, r: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<()> {
        let docs = r.docs();
        for f in &r.judgement.findings {
            if r.suppressed(f).is_some() || f.severity < self.min_severity {
                continue;
            }
            let c = &docs[f.at.doc].claims[f.at.claim];
            let mut message = super::words::message(docs, f, &|p| p.to_string());
            for &e in &f.evidence {
                let ec = &docs[e.doc].claims[e.claim];
                message.push_str(&format!(
                    "\n{}:{}: {}",
                    docs[e.doc].path,
                    ec.line,
                    ec.sentence().trim()
                ));
            }
            writeln!(
                out,
                "::{} file={},line={},col={},endColumn={},title={}::{}",
                command(f.severity),
                escape_property(&docs[f.at.doc].path),
                c.line,
                c.column,
                c.column + c.surface().chars().count(),
                escape_property(&format!("crosscheck {}", f.kind.as_str())),
                escape_data(&message)
            )?;
        }
        writeln!(out, "::group::crosscheck: full report")?;
        // A log is read in a browser: wide, and every source listed.
        TableReporter {
            width: 160,
            min_severity: self.min_severity,
            color: false,
            all_sources: true,
            base: None,
        }
        .write(r, out)?;
        writeln!(out, "::endgroup::")?;
        writeln!(out, "crosscheck: {}", r.summary_line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks() {
        assert_eq!(escape_data("50% up\r\nnext"), "50%25 up%0D%0Anext");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("a:b,c%d\ne"),
            "a%3Ab%2Cc%25d%0Ae".to_string()
        );
    }

    #[test]
    fn percent_is_escaped_first_so_escapes_are_not_doubled() {
        assert_eq!(escape_property("%3A"), "%253A");
    }
}
